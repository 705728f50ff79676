/* history_db.c — holdings and sampled prices and rates for the history. */
#include "data/history_db.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/observations_db.h"
#include "data/positions_db.h"
#include "data/store_priv.h"
#include "positions/timeutil.h"
#include "positions/valuation.h"
#include "positions/yield.h"

/* Every position's events, ordered by position: *ev (owned by the caller)
 * and for each position in pl the range [start[i], start[i] + count[i]). */
static int load_events(struct store *s, const struct position_list *pl, struct event **ev,
                       size_t **start, size_t **count, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	struct event *v = NULL;
	size_t len = 0, cap = 0, p = 0;
	int rc = -1, step;

	*start = calloc(pl->n ? pl->n : 1, sizeof **start);
	*count = calloc(pl->n ? pl->n : 1, sizeof **count);
	if (!*start || !*count) {
		store_fail(err, errlen, "out of memory");
		goto out;
	}
	if (sqlite3_prepare_v2(store_handle(s),
		"SELECT position_id, type, amount, ts FROM events WHERE removed_at IS NULL"
		" ORDER BY position_id, ts, id", -1, &st, NULL) != SQLITE_OK) {
		store_fail_db(s, err, errlen, "reading events");
		goto out;
	}
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t pid = sqlite3_column_int64(st, 0);
		while (p < pl->n && pl->v[p].id < pid)
			p++;
		if (p == pl->n)
			break;
		if (pl->v[p].id != pid)
			continue;
		const char *type = (const char *)sqlite3_column_text(st, 1);
		const char *amount = (const char *)sqlite3_column_text(st, 2);
		struct event e;
		char e2[128];
		memset(&e, 0, sizeof e);
		e.position_id = pid;
		e.ts = sqlite3_column_int64(st, 3);
		if (!type || event_type_parse(type, &e.type) < 0) {
			store_fail(err, errlen, "position %" PRId64 ": an event of unknown type", pid);
			goto out;
		}
		if (amount) {
			if (event_amount_parse(e.type, amount, DEC_FRAC_DIGITS, &e.amount, e2,
			                       sizeof e2) < 0) {
				store_fail(err, errlen, "position %" PRId64 ": event amount: %s", pid, e2);
				goto out;
			}
			e.has_amount = true;
		}
		if (len == cap) {
			size_t nc = cap ? cap * 2 : 256;
			struct event *nv = realloc(v, nc * sizeof *nv);
			if (!nv) {
				store_fail(err, errlen, "out of memory");
				goto out;
			}
			v = nv;
			cap = nc;
		}
		if ((*count)[p] == 0)
			(*start)[p] = len;
		(*count)[p]++;
		v[len++] = e;
	}
	if (step != SQLITE_ROW && step != SQLITE_DONE) {
		store_fail_db(s, err, errlen, "reading events");
		goto out;
	}
	*ev = v;
	v = NULL;
	rc = 0;
out:
	free(v);
	sqlite3_finalize(st);
	if (rc) {
		free(*start);
		free(*count);
		*start = *count = NULL;
	}
	return rc;
}

int store_history_holdings(struct store *s, const struct catalog *cat, int64_t position_id,
                           const char *asset, struct hist_holding **out, size_t *n,
                           int64_t *first_ts, char *err, size_t errlen)
{
	struct position_list pl = { 0 };
	struct event *ev = NULL;
	size_t *start = NULL, *count = NULL, k = 0;
	struct hist_holding *h = NULL;
	int rc = -1;

	*out = NULL;
	*n = 0;
	*first_ts = 0;
	if (store_positions_list(s, &pl, err, errlen) < 0)
		return -1;
	if (load_events(s, &pl, &ev, &start, &count, err, errlen) < 0)
		goto out;
	h = calloc(pl.n ? pl.n : 1, sizeof *h);
	if (!h) {
		store_fail(err, errlen, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < pl.n; i++) {
		const struct position *p = &pl.v[i];
		const struct asset *a = catalog_find(cat, p->asset);
		if (!a || (position_id > 0 && p->id != position_id) ||
		    (asset && strcasecmp(asset, a->symbol) != 0))
			continue;
		struct hist_holding *hh = &h[k];
		long double q = dec_to_ld(p->quantity);
		hh->position_id = p->id;
		hh->asset = a;
		hh->shares = a->model == MODEL_REBASING && p->has_shares && q > 0;
		long double scale = hh->shares ? dec_to_ld(p->shares) / q : 1;
		if (count[i] > 0) {
			if (hist_events_from(ev + start[i], count[i], scale, &hh->ev, &hh->n_ev) < 0) {
				store_fail(err, errlen, "out of memory");
				goto out;
			}
		} else {
			/* no log: the quantity as held since it was opened */
			int64_t at = p->created_at;
			if (p->opened[0] && date_parse(p->opened, &at, NULL, 0) < 0)
				at = p->created_at;
			hh->ev = malloc(sizeof *hh->ev);
			if (!hh->ev) {
				store_fail(err, errlen, "out of memory");
				goto out;
			}
			hh->ev[0] = (struct hist_event){ at, q * scale };
			hh->n_ev = 1;
		}
		k++;
		if (hh->n_ev && (*first_ts == 0 || hh->ev[0].ts < *first_ts))
			*first_ts = hh->ev[0].ts;
	}
	*out = h;
	*n = k;
	h = NULL;
	rc = 0;
out:
	hist_holdings_free(h, k);
	free(ev);
	free(start);
	free(count);
	position_list_free(&pl);
	return rc;
}

static const enum obs_kind kind_of[HIST_KINDS] = { OBS_PRICE, OBS_RATE };

/* The newest value at or before each t[i], one lookup per date: the rows
 * at or before t[i] newest first by the index, read while they share the
 * first one's ts, the last stored (highest id) kept — what
 * store_observation_at gives, without its sort. */
static int sample_seek(struct store *s, sqlite3_stmt *st, const char *sym, int k, size_t a,
                       const int64_t *t, size_t n_t, struct hist_samples *out, char *err,
                       size_t errlen)
{
	for (size_t i = 0; i < n_t; i++) {
		sqlite3_reset(st);
		if (sqlite3_bind_text(st, 1, sym, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_text(st, 2, obs_kind_name(kind_of[k]), -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_int64(st, 3, t[i]) != SQLITE_OK)
			return store_fail_db(s, err, errlen, "reading observations");
		bool has = false;
		int64_t ts0 = 0, best = 0;
		double v = 0;
		int step;
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			const int64_t ts = sqlite3_column_int64(st, 0), id = sqlite3_column_int64(st, 1);
			if (has && ts != ts0)
				break;
			if (!has || id > best) {
				v = sqlite3_column_double(st, 2);
				best = id;
			}
			ts0 = ts;
			has = true;
		}
		if (step != SQLITE_ROW && step != SQLITE_DONE)
			return store_fail_db(s, err, errlen, "reading observations");
		out->has[hist_at(out, a, k, i)] = has;
		out->v[hist_at(out, a, k, i)] = v;
	}
	return 0;
}

/* One ordered pass over the series from the newest observation at or before
 * t[0] to t[n_t - 1]. */
static int sample_scan(struct store *s, sqlite3_stmt *st, const char *sym, int k, size_t a,
                       const int64_t *t, size_t n_t, struct hist_samples *out, char *err,
                       size_t errlen)
{
	struct observation o;
	int64_t lo = t[0];
	int r = store_observation_at(s, sym, kind_of[k], t[0], &o, err, errlen);
	if (r < 0)
		return -1;
	if (r == 0)
		lo = o.ts;
	sqlite3_reset(st);
	if (sqlite3_bind_text(st, 1, sym, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, obs_kind_name(kind_of[k]), -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, lo) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 4, t[n_t - 1]) != SQLITE_OK)
		return store_fail_db(s, err, errlen, "reading observations");
	bool has = false;
	double v = 0;
	size_t i = 0;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t ts = sqlite3_column_int64(st, 0);
		while (i < n_t && t[i] < ts) {
			out->has[hist_at(out, a, k, i)] = has;
			out->v[hist_at(out, a, k, i)] = v;
			i++;
		}
		has = true;
		v = sqlite3_column_double(st, 1);
	}
	if (step != SQLITE_DONE)
		return store_fail_db(s, err, errlen, "reading observations");
	for (; i < n_t; i++) {
		out->has[hist_at(out, a, k, i)] = has;
		out->v[hist_at(out, a, k, i)] = v;
	}
	return 0;
}

int store_history_samples(struct store *s, const struct catalog *cat, const bool *need,
                          const int64_t *t, size_t n_t, bool seek, struct hist_samples *out,
                          char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	int rc = -1;

	if (n_t == 0)
		return 0;
	/* both read many pages: map the file rather than copy each page
	 * through read(), and keep more of it cached (this connection) */
	sqlite3_exec(store_handle(s), "PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -65536",
	             NULL, NULL, NULL);
	/* one read transaction for every lookup, not one (a lock, a check of
	 * the file) per statement; a caller's transaction is used as it is */
	const bool own = sqlite3_get_autocommit(store_handle(s)) != 0;
	if (own && sqlite3_exec(store_handle(s), "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail_db(s, err, errlen, "reading observations");
	if (sqlite3_prepare_v2(store_handle(s), seek
		? "SELECT ts, id, value FROM observations WHERE asset = ?1 AND kind = ?2"
		  " AND ts <= ?3 ORDER BY ts DESC"
		: "SELECT ts, value FROM observations WHERE asset = ?1 AND kind = ?2"
		  " AND ts >= ?3 AND ts <= ?4 ORDER BY ts", -1, &st, NULL) != SQLITE_OK) {
		store_fail_db(s, err, errlen, "reading observations");
		goto out;
	}
	for (size_t a = 0; a < cat->n && a < out->n_assets; a++)
		for (int k = 0; k < HIST_KINDS; k++) {
			if (!need[a * HIST_KINDS + (size_t)k])
				continue;
			const char *sym = cat->assets[a].symbol;
			if ((seek ? sample_seek(s, st, sym, k, a, t, n_t, out, err, errlen)
			          : sample_scan(s, st, sym, k, a, t, n_t, out, err, errlen)) < 0)
				goto out;
		}
	rc = 0;
out:
	sqlite3_finalize(st);
	if (own)
		sqlite3_exec(store_handle(s), "COMMIT", NULL, NULL, NULL);
	return rc;
}

int store_history_realized(struct store *s, const struct catalog *cat, const struct asset *a,
                           int64_t now, int days, struct hist_realized *out,
                           bool *has_quoted, double *quoted_apy, char *err, size_t errlen)
{
	const struct asset *ra = hist_yield_rate_asset(cat, a);
	struct observation o_now, o_then;
	int r;

	memset(out, 0, sizeof *out);
	*has_quoted = false;
	*quoted_apy = 0;
	const char *apr_sym = a->yield.base_apr_from[0] ? a->yield.base_apr_from : a->symbol;
	r = store_observation_at(s, apr_sym, OBS_APR, now, &o_now, err, errlen);
	if (r < 0)
		return -1;
	if (r == 0) {
		/* as the board's APY: the source's figure converted once (an APY
		 * is not compounded again), net of the fee, then compounded */
		const struct asset *from = catalog_find(cat, apr_sym);
		double apr = valuation_feed_apr(a, from ? from : a, o_now.value);
		*has_quoted = true;
		*quoted_apy = yield_apy(apr, a->yield.compounding ? a->yield.compounding : 1);
	}
	if (!ra)
		return 0;
	r = store_observation_at(s, ra->symbol, OBS_RATE, now, &o_now, err, errlen);
	if (r != 0)
		return r < 0 ? -1 : 0;
	r = store_observation_at(s, ra->symbol, OBS_RATE, now - (int64_t)days * 86400, &o_then,
	                         err, errlen);
	if (r != 0)
		return r < 0 ? -1 : 0;
	hist_realized(o_then.value, o_then.ts, o_now.value, o_now.ts, out);
	return 0;
}

int store_history_read_begin(struct store *s, bool *opened, char *err, size_t errlen)
{
	*opened = false;
	if (!sqlite3_get_autocommit(store_handle(s)))
		return 0;
	if (sqlite3_exec(store_handle(s), "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail_db(s, err, errlen, "beginning a read");
	*opened = true;
	return 0;
}

void store_history_read_end(struct store *s, bool opened)
{
	if (opened)
		sqlite3_exec(store_handle(s), "COMMIT", NULL, NULL, NULL);
}
