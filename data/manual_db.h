/* manual_db.h — prices, rates and APRs the user sets by hand (`staketop
 * price set`): observations with source "manual". store_market_load takes
 * the newest manual value of an asset and kind over any feed's, until
 * `price clear` removes them; a pinned asset's manual values are never
 * stale (the pin is kept in meta as "manual_pin:<SYMBOL>").
 *
 * Every function returns 0, or -1 with a message in err. Writes are one
 * transaction (a savepoint inside the caller's). */
#ifndef STAKETOP_MANUAL_DB_H
#define STAKETOP_MANUAL_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "data/store.h"
#include "positions/market.h"

#define MANUAL_SOURCE "manual"

/* Store v[0..n) (their source is set to "manual") at fetched_at, and the
 * pin of asset (every v has that asset) set or cleared. */
int store_manual_set(struct store *s, const char *asset, const struct observation *v,
                     size_t n, bool pinned, int64_t fetched_at, char *err, size_t errlen);

/* Remove every manual observation of asset and its pin; *n_removed (may be
 * NULL) says how many rows went. */
int store_manual_clear(struct store *s, const char *asset, int *n_removed, char *err,
                       size_t errlen);

/* Is asset's manual value pinned? */
bool store_manual_pinned(struct store *s, const char *asset);

/* The manual value in force of each asset and kind (the newest), ordered
 * by asset then kind, pinned set; *out (caller frees) is NULL when none. */
int store_manual_list(struct store *s, struct observation **out, size_t *n, char *err,
                      size_t errlen);

#endif
