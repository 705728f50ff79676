/* snapshots_db.c — recording, thinning and reading position snapshots. */
#include "data/snapshots_db.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/store_priv.h"

#define DAY_S 86400

static int bind_fig(sqlite3_stmt *st, int i, struct snap_fig f)
{
	return f.has ? sqlite3_bind_double(st, i, f.v) : sqlite3_bind_null(st, i);
}

static bool fig_ok(struct snap_fig f)
{
	return !f.has || isfinite(f.v);
}

/* Bind ts, position, quantity, nav, market value, premium, apy to ?1..?7. */
static int bind_row(sqlite3_stmt *st, const struct snapshot *v)
{
	int rc = sqlite3_bind_int64(st, 1, v->ts);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int64(st, 2, v->position_id);
	if (rc == SQLITE_OK)
		rc = v->has_quantity ? store_bind_dec(st, 3, v->quantity) : sqlite3_bind_null(st, 3);
	if (rc == SQLITE_OK)
		rc = bind_fig(st, 4, v->nav);
	if (rc == SQLITE_OK)
		rc = bind_fig(st, 5, v->market_value);
	if (rc == SQLITE_OK)
		rc = bind_fig(st, 6, v->premium_bps);
	if (rc == SQLITE_OK)
		rc = bind_fig(st, 7, v->apy);
	return rc;
}

static int check_row(const struct snapshot *v, char *err, size_t errlen)
{
	if (v->position_id <= 0)
		return store_fail(err, errlen, "snapshot: no position");
	if (!fig_ok(v->nav) || !fig_ok(v->market_value) || !fig_ok(v->premium_bps) ||
	    !fig_ok(v->apy))
		return store_fail(err, errlen, "snapshot of position %" PRId64 ": a figure is not finite",
		                  v->position_id);
	if (v->has_quantity && dec_is_neg(v->quantity))
		return store_fail(err, errlen, "snapshot of position %" PRId64 ": negative quantity",
		                  v->position_id);
	return 0;
}

/* A position's newest snapshot: in the store, or recorded by this batch. */
struct newest {
	int64_t position_id;
	int64_t ts;        /* INT64_MIN: none after the cut */
};

static int cmp_newest_id(const void *a, const void *b)
{
	const struct newest *x = a, *y = b;
	return (x->position_id > y->position_id) - (x->position_id < y->position_id);
}

static int cmp_newest(const void *a, const void *b)
{
	int c = cmp_newest_id(a, b);
	if (c)
		return c;
	const struct newest *x = a, *y = b;
	return (x->ts > y->ts) - (x->ts < y->ts);
}

/* t − d without overflow (d >= 1). */
static int64_t minus(int64_t t, int64_t d)
{
	return t < INT64_MIN + d ? INT64_MIN : t - d;
}

/* The newest snapshot after cut of each position of v[0..n), one entry per
 * position sorted by id (ts INT64_MIN when it has none): one range read of
 * the (ts, position_id) key, whatever the batch's size. *out is the
 * caller's (free()). */
static int newest_after(struct store *s, const struct snapshot *v, size_t n, int64_t cut,
                        struct newest **out, size_t *n_out, char *err, size_t errlen)
{
	size_t cap = n + 16, k = 0;
	struct newest *m = malloc(cap * sizeof *m);
	int step;

	if (!m)
		return store_fail(err, errlen, "out of memory");
	for (size_t i = 0; i < n; i++)
		m[k++] = (struct newest){ v[i].position_id, INT64_MIN };
	sqlite3_stmt *st = store_stmt(s, STMT_SNAP_RECENT,
		"SELECT position_id, ts FROM snapshots WHERE ts > ?1", err, errlen);
	if (!st)
		goto fail;
	if (sqlite3_bind_int64(st, 1, cut) != SQLITE_OK)
		goto fail_db;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (k == cap) {
			struct newest *g = realloc(m, 2 * cap * sizeof *m);
			if (!g) {
				store_fail(err, errlen, "out of memory");
				goto fail;
			}
			m = g;
			cap *= 2;
		}
		m[k++] = (struct newest){ sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1) };
	}
	if (step != SQLITE_DONE)
		goto fail_db;
	store_stmt_done(st);
	/* sorted by position then ts: keep the last entry of each position */
	qsort(m, k, sizeof *m, cmp_newest);
	size_t w = 0;
	for (size_t i = 0; i < k; i++) {
		if (w > 0 && m[w - 1].position_id == m[i].position_id)
			w--;
		m[w++] = m[i];
	}
	*out = m;
	*n_out = w;
	return 0;
fail_db:
	store_fail_db(s, err, errlen, "recording snapshots");
fail:
	store_stmt_done(st);
	free(m);
	return -1;
}

int store_snapshots_record(struct store *s, const struct snapshot *v, size_t n,
                           int64_t interval_s, size_t *n_written, char *err, size_t errlen)
{
	struct store_tx tx;
	struct newest *m = NULL;
	size_t nm = 0, written = 0;
	sqlite3_stmt *st = NULL;
	int rc = -1;

	if (n_written)
		*n_written = 0;
	for (size_t i = 0; i < n; i++)
		if (check_row(&v[i], err, errlen) < 0)
			return -1;
	if (n == 0)
		return 0;
	if (interval_s < 1)
		interval_s = 1;
	int64_t cut = INT64_MAX;
	for (size_t i = 0; i < n; i++)
		if (minus(v[i].ts, interval_s) < cut)
			cut = minus(v[i].ts, interval_s);
	/* the check and the writes in one write transaction: another writer
	 * cannot record between them */
	if (store_tx_begin(s, &tx, err, errlen) < 0)
		return -1;
	/* which positions have a snapshot inside the interval, read once for
	 * the batch rather than looked up row by row */
	if (newest_after(s, v, n, cut, &m, &nm, err, errlen) < 0)
		goto out;
	st = store_stmt(s, STMT_SNAP_RECORD,
		"INSERT OR IGNORE INTO snapshots(ts, position_id, quantity, nav, market_value,"
		" premium_bps, apy) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)", err, errlen);
	if (!st)
		goto out;
	for (size_t i = 0; i < n; i++) {
		const struct newest key = { v[i].position_id, 0 };
		struct newest *e = bsearch(&key, m, nm, sizeof *m, cmp_newest_id);
		/* at most one per interval: skipped when the position has a row
		 * newer than ts − interval (which covers one at the same ts) */
		if (e->ts != INT64_MIN && e->ts > minus(v[i].ts, interval_s))
			continue;
		sqlite3_reset(st);
		if (bind_row(st, &v[i]) != SQLITE_OK || sqlite3_step(st) != SQLITE_DONE) {
			store_fail_db(s, err, errlen, "recording a snapshot");
			goto out;
		}
		if (sqlite3_changes(store_handle(s)) > 0) {
			written++;
			if (e->ts == INT64_MIN || v[i].ts > e->ts)
				e->ts = v[i].ts;
		}
	}
	rc = 0;
out:
	store_stmt_done(st);
	free(m);
	rc = store_tx_end(s, &tx, rc, err, errlen);
	if (rc == 0 && n_written)
		*n_written = written;
	return rc;
}

int store_snapshots_thin(struct store *s, int64_t now, int keep_days, int64_t *n_deleted,
                         char *err, size_t errlen)
{
	char buf[32];
	int64_t done_to = 0;
	int64_t cut = now - (int64_t)keep_days * DAY_S;
	sqlite3_stmt *st = NULL;
	struct store_tx tx;
	int rc = -1;

	if (n_deleted)
		*n_deleted = 0;
	if (keep_days < 0)
		return store_fail(err, errlen, "thinning: negative number of days");
	cut -= ((cut % DAY_S) + DAY_S) % DAY_S; /* the start of cut's UTC day */
	int got = store_meta_get(s, "snapshots_thinned_to", buf, sizeof buf, err, errlen);
	if (got < 0)
		return -1;
	if (got == 0)
		done_to = strtoll(buf, NULL, 10);
	if (cut <= done_to)
		return 0;
	if (store_tx_begin(s, &tx, err, errlen) < 0)
		return -1;
	/* of each position's rows of one day, all but the last go */
	if (sqlite3_prepare_v2(store_handle(s),
		"DELETE FROM snapshots WHERE ts >= ?1 AND ts < ?2 AND ts < ("
		" SELECT MAX(s2.ts) FROM snapshots s2 WHERE s2.position_id = snapshots.position_id"
		" AND s2.ts >= snapshots.ts - (snapshots.ts % 86400)"
		" AND s2.ts < snapshots.ts - (snapshots.ts % 86400) + 86400)",
		-1, &st, NULL) != SQLITE_OK) {
		store_fail_db(s, err, errlen, "thinning snapshots");
		goto out;
	}
	if (sqlite3_bind_int64(st, 1, done_to) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, cut) != SQLITE_OK || sqlite3_step(st) != SQLITE_DONE) {
		store_fail_db(s, err, errlen, "thinning snapshots");
		goto out;
	}
	if (n_deleted)
		*n_deleted = sqlite3_changes(store_handle(s));
	snprintf(buf, sizeof buf, "%" PRId64, cut);
	if (store_meta_set(s, "snapshots_thinned_to", buf, err, errlen) < 0)
		goto out;
	rc = 0;
out:
	sqlite3_finalize(st);
	return store_tx_end(s, &tx, rc, err, errlen);
}

static void col_fig(sqlite3_stmt *st, int col, struct snap_fig *f)
{
	f->has = sqlite3_column_type(st, col) != SQLITE_NULL;
	f->v = f->has ? sqlite3_column_double(st, col) : 0;
}

static int read_snapshot(sqlite3_stmt *st, void *row, char *err, size_t errlen)
{
	struct snapshot *r = row;
	memset(r, 0, sizeof *r);
	r->ts = sqlite3_column_int64(st, 0);
	r->position_id = sqlite3_column_int64(st, 1);
	if (sqlite3_column_type(st, 2) != SQLITE_NULL) {
		const char *q = (const char *)sqlite3_column_text(st, 2);
		char e[128];
		if (!q || dec_parse(q, DEC_FRAC_DIGITS, &r->quantity, e, sizeof e) < 0)
			return store_fail(err, errlen, "snapshot of position %" PRId64 " at %" PRId64
			                  ": bad quantity: %s", r->position_id, r->ts, q ? e : "?");
		r->has_quantity = true;
	}
	col_fig(st, 3, &r->nav);
	col_fig(st, 4, &r->market_value);
	col_fig(st, 5, &r->premium_bps);
	col_fig(st, 6, &r->apy);
	return 0;
}

int store_snapshots_list(struct store *s, int64_t position_id, int64_t from, int64_t to,
                         struct snapshot **out, size_t *n, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	void *v;

	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(store_handle(s),
		"SELECT ts, position_id, quantity, nav, market_value, premium_bps, apy"
		" FROM snapshots WHERE (?1 = 0 OR position_id = ?1) AND ts >= ?2 AND ts <= ?3"
		" ORDER BY position_id, ts", -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return store_fail_db(s, err, errlen, "reading snapshots");
	}
	if (store_collect(s, st, sqlite3_bind_int64(st, 1, position_id) ||
	                  sqlite3_bind_int64(st, 2, from) || sqlite3_bind_int64(st, 3, to),
	                  sizeof **out, read_snapshot, "reading snapshots", &v, n, err, errlen) < 0)
		return -1;
	*out = v;
	return 0;
}

int store_snapshots_last_nav(struct store *s, const int64_t *ids, size_t n, int64_t from,
                             int64_t to, struct snap_fig *navs, char *err, size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, STMT_SNAP_LAST_NAV,
		"SELECT nav FROM snapshots WHERE position_id = ?1 AND ts >= ?2 AND ts <= ?3"
		" AND nav IS NOT NULL ORDER BY ts DESC LIMIT 1", err, errlen);
	int rc = -1;

	if (!st)
		return -1;
	for (size_t i = 0; i < n; i++) {
		int step;
		sqlite3_reset(st);
		if (sqlite3_bind_int64(st, 1, ids[i]) != SQLITE_OK ||
		    sqlite3_bind_int64(st, 2, from) != SQLITE_OK ||
		    sqlite3_bind_int64(st, 3, to) != SQLITE_OK)
			goto fail;
		step = sqlite3_step(st);
		if (step != SQLITE_ROW && step != SQLITE_DONE)
			goto fail;
		if (step == SQLITE_ROW)
			col_fig(st, 0, &navs[i]);
		else
			navs[i] = (struct snap_fig){ false, 0 };
	}
	rc = 0;
	goto out;
fail:
	store_fail_db(s, err, errlen, "reading snapshots");
out:
	store_stmt_done(st);
	return rc;
}

int store_snapshot_put(struct store *s, const struct snapshot *v, char *err, size_t errlen)
{
	struct store_tx tx;
	int rc = -1;

	if (check_row(v, err, errlen) < 0)
		return -1;
	if (store_tx_begin(s, &tx, err, errlen) < 0)
		return -1;
	sqlite3_stmt *st = store_stmt(s, STMT_SNAP_PUT,
		"INSERT OR REPLACE INTO snapshots(ts, position_id, quantity, nav, market_value,"
		" premium_bps, apy) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)", err, errlen);
	if (!st)
		goto out;
	if (bind_row(st, v) != SQLITE_OK || sqlite3_step(st) != SQLITE_DONE) {
		store_fail_db(s, err, errlen, "writing a snapshot");
		goto out;
	}
	rc = 0;
out:
	store_stmt_done(st);
	return store_tx_end(s, &tx, rc, err, errlen);
}
