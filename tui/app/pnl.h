/* pnl.h — each position's lots and P&L, read from the store: the event
 * log makes the lots (positions/lots.h, the config's [pnl] lots method)
 * and the recorded rate observations give each lot's exchange rate at its
 * opening (positions/pnl.h). app_load calls app_pnl_load; the detail reads
 * one position's lots with app_pnl_lots. */
#ifndef STAKETOP_APP_PNL_H
#define STAKETOP_APP_PNL_H

#include <stddef.h>

#include "positions/lots.h"
#include "positions/pnl.h"
#include "tui/app/app.h"

/* Fill a->pnl[i] and a->realized[i] (its sales: positions/realized.h) for
 * every a->rows[i], and their totals. A position whose events cannot be
 * read gets neither (missing says so). 0, or -1 when out of
 * memory (err). */
int app_pnl_load(struct app *a, char *err, size_t errlen);

/* The lots of position i of a, and the rate at each lot's opening
 * (*rates: an array of l->n, the caller frees it; may be NULL when not
 * wanted). 0, or -1 with err; the caller frees l with lots_free. */
int app_pnl_lots(const struct app *a, size_t i, struct lots *l, struct lot_rate **rates,
                 char *err, size_t errlen);

#endif
