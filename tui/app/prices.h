/* prices.h — manual prices, for the `price` command and the interface's
 * price form: a price (and optionally an exchange rate and an APR) the
 * user sets for an asset, stored as observations with source "manual"
 * (data/manual_db.h), in force over every feed until cleared. */
#ifndef STAKETOP_APP_PRICES_H
#define STAKETOP_APP_PRICES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "positions/market.h"
#include "tui/app/app.h"

/* What the user typed; rate and apr may be NULL or "" (not given). */
struct price_input {
	const char *symbol;
	const char *price;   /* display currency per token, a plain decimal > 0 */
	const char *rate;    /* underlying per token */
	const char *apr;     /* percent: "3.5" is 3.5 % */
	bool pinned;
};

/* Check and store at now. On a refusal nothing is stored and err names
 * the field: "unknown asset 'XYZ'", "price: not a plain decimal: '1e5'",
 * "rate: out of range". *canon (SYM_MAX, may be NULL) gets the catalog's
 * spelling. 0, -1 refused (input), -2 the store failed. */
int app_price_set(struct app *a, const struct price_input *in, int64_t now, char *canon,
                  char *err, size_t errlen);

/* Remove symbol's manual values: *n_removed rows. 0; -1 unknown asset;
 * -2 the store failed. */
int app_price_clear(struct app *a, const char *symbol, int *n_removed, char *canon,
                    char *err, size_t errlen);

/* The manual values in force (caller frees *out). */
int app_price_list(struct app *a, struct observation **out, size_t *n, char *err,
                   size_t errlen);

#endif
