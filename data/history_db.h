/* history_db.h — what positions/history.h computes from, read from the
 * store: the holdings (positions and their events) and the prices and
 * rates sampled on a date grid; and a token's realized yield from the
 * rates recorded.
 *
 * Every function returns 0, or -1 with a message in err. Arrays returned
 * belong to the caller (hist_holdings_free, hist_samples_free). */
#ifndef STAKETOP_HISTORY_DB_H
#define STAKETOP_HISTORY_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "data/store.h"
#include "positions/asset.h"
#include "positions/history.h"

/* The holdings of one position (position_id > 0), of one asset (asset not
 * NULL, a catalog symbol) or of the whole portfolio. A position with no
 * events counts its quantity from its opening date (else its creation).
 * Positions whose asset is not in the catalog are left out. *first_ts is
 * the earliest event (0 when none). */
int store_history_holdings(struct store *s, const struct catalog *cat, int64_t position_id,
                           const char *asset, struct hist_holding **out, size_t *n,
                           int64_t *first_ts, char *err, size_t errlen);

/* Fill out (initialised by the caller with hist_samples_init(cat->n, n_t))
 * for every asset and kind need[] marks: the newest observation at or
 * before each t[i]. seek: one indexed lookup per date (fast for a sparse
 * grid such as month ends); else one ordered scan per series (fast for a
 * dense one). The two give the same result. */
int store_history_samples(struct store *s, const struct catalog *cat, const bool *need,
                          const int64_t *t, size_t n_t, bool seek, struct hist_samples *out,
                          char *err, size_t errlen);

/* What token a delivered over the days before now, measured from the
 * recorded rates (hist_yield_rate_asset): the newest rate at or before now
 * against the newest at or before now − days. *quoted_apy is the APY of the
 * newest recorded APR (from the catalog's base_apr_from when set),
 * compounded with the asset's periods; has_quoted false when none. */
int store_history_realized(struct store *s, const struct catalog *cat, const struct asset *a,
                           int64_t now, int days, struct hist_realized *out,
                           bool *has_quoted, double *quoted_apy, char *err, size_t errlen);

/* One read snapshot across several of the calls above (consistent figures,
 * one lock instead of one per statement): BEGIN (deferred) when no
 * transaction is open, *opened saying so; end it with the same flag.
 * Nothing may be written in between. */
int store_history_read_begin(struct store *s, bool *opened, char *err, size_t errlen);
void store_history_read_end(struct store *s, bool opened);

#endif
