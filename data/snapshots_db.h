/* snapshots_db.h — the history a refresh leaves: one row per position per
 * time (quantity, NAV, market value, premium, APY), at most one per
 * position per interval, thinned to the last row of each UTC day once
 * older than a given number of days.
 *
 * Quantities are exact decimal TEXT (dec_format); the figures are REAL and
 * NULL when absent (has = false), never 0 pretending to be a value.
 * Every function returns 0, or -1 with a message in err. Writes run in
 * their own transaction, or as a savepoint inside the caller's
 * (store_begin). Returned arrays belong to the caller: free() them. */
#ifndef STAKETOP_SNAPSHOTS_DB_H
#define STAKETOP_SNAPSHOTS_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "data/store.h"
#include "positions/decimal.h"

struct snap_fig {
	bool has;
	double v;
};

struct snapshot {
	int64_t ts;                 /* unix s */
	int64_t position_id;
	bool has_quantity;
	dec_t quantity;
	struct snap_fig nav, market_value, premium_bps, apy;
};

/* Record v[0..n), all in one transaction: a row is skipped when its
 * position already has a snapshot newer than v.ts − interval_s (so at most
 * one per interval), or one at the same ts. *n_written (may be NULL) says
 * how many went in. A figure that is not finite is refused (whole batch). */
int store_snapshots_record(struct store *s, const struct snapshot *v, size_t n,
                           int64_t interval_s, size_t *n_written, char *err, size_t errlen);

/* Thin every whole UTC day that ended more than keep_days before now: of
 * each position's rows in such a day only the last (highest ts) stays.
 * Days already thinned are remembered (meta "snapshots_thinned_to") and
 * not scanned again, so a call per refresh is cheap. *n_deleted may be
 * NULL. */
int store_snapshots_thin(struct store *s, int64_t now, int keep_days, int64_t *n_deleted,
                         char *err, size_t errlen);

/* Rows with from <= ts <= to, of one position (position_id > 0) or all,
 * ordered by position then ts. *out is NULL when there are none. */
int store_snapshots_list(struct store *s, int64_t position_id, int64_t from, int64_t to,
                         struct snapshot **out, size_t *n, char *err, size_t errlen);

/* For each position ids[i] (i < n): the NAV of its newest snapshot with
 * from <= ts <= to that has one, in navs[i] (has false when it has none).
 * One indexed lookup per position, nothing else read. */
int store_snapshots_last_nav(struct store *s, const int64_t *ids, size_t n, int64_t from,
                             int64_t to, struct snap_fig *navs, char *err, size_t errlen);

/* Insert or replace one row exactly as given (import). */
int store_snapshot_put(struct store *s, const struct snapshot *v, char *err, size_t errlen);

#endif
