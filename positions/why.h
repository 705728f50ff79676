/* why.h — why a position has no value, in words: a short form for its row
 * on the board and a full sentence for the detail. Pure; no allocation. */
#ifndef STAKETOP_WHY_H
#define STAKETOP_WHY_H

#include <stddef.h>
#include <stdint.h>

#include "positions/valuation.h"

/* NULL when the row has both NAV and market value; otherwise a static
 * short word for the figure that is missing first: "no rate", "no rate src",
 * "no price", "no market", "unknown", "bad chain". At most 11 bytes. */
const char *why_short(const struct valuation *v);

/* The feed whose failure explains the missing figure ("eth_rpc",
 * "sol_rpc", "coingecko"), or NULL when no feed could supply it (no rate
 * source in the catalog, an unknown asset). */
const char *why_feed(const struct valuation *v);

/* The full reason into buf, never empty for a row without a value:
 *   "no rate since 12-01 10:00: eth_rpc: execution reverted"
 *   "no rate source: the catalog names none for XYZ"
 * since (unix s, UTC) is when the position was recorded (nothing has valued
 * it since); feed_error is that feed's last error, or NULL/"" for v->missing
 * in words. buf is "" when the row has both figures. */
void why_text(const struct valuation *v, int64_t since, const char *feed_error, char *buf,
              size_t len);

#endif
