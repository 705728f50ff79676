/* observations_db.c — observations, market loading, feed status. */
#include "data/observations_db.h"
#include "data/manual_db.h"
#include "data/store_priv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- observations ---------------------------------------------------------- */

static int check_observation(const struct observation *o, size_t i,
                             char *err, size_t errlen)
{
	if (strnlen(o->asset, sizeof o->asset) == 0)
		return store_fail(err, errlen, "observation %zu: no asset", i);
	if ((unsigned)o->kind >= OBS_KINDS)
		return store_fail(err, errlen, "observation %zu (%.*s): unknown kind %d", i,
		                  (int)sizeof o->asset, o->asset, (int)o->kind);
	if (strnlen(o->source, sizeof o->source) == 0)
		return store_fail(err, errlen, "observation %zu (%.*s %s): no source", i,
		                  (int)sizeof o->asset, o->asset, obs_kind_name(o->kind));
	if (!isfinite(o->value))
		return store_fail(err, errlen, "observation %zu (%.*s %s): value not finite", i,
		                  (int)sizeof o->asset, o->asset, obs_kind_name(o->kind));
	return 0;
}

int store_observations_add(struct store *s, const struct observation *v, size_t n,
                           int64_t fetched_at, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	struct store_tx tx;
	int rc = -1;

	for (size_t i = 0; i < n; i++)
		if (check_observation(&v[i], i, err, errlen) < 0)
			return -1;
	if (n == 0)
		return 0;
	if (store_tx_begin(s, &tx, err, errlen) < 0)
		return -1;
	st = store_stmt(s, STMT_OBS_INSERT,
	                "INSERT INTO observations(asset, kind, source, ts, value, fetched_at, exact)"
	                " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)", err, errlen);
	if (!st)
		goto out;
	for (size_t i = 0; i < n; i++) {
		const struct observation *o = &v[i];

		/* v outlives the step: bind without copying */
		sqlite3_reset(st);
		if (sqlite3_bind_text(st, 1, o->asset, (int)strnlen(o->asset, sizeof o->asset),
		                      SQLITE_STATIC) ||
		    sqlite3_bind_text(st, 2, obs_kind_name(o->kind), -1, SQLITE_STATIC) ||
		    sqlite3_bind_text(st, 3, o->source, (int)strnlen(o->source, sizeof o->source),
		                      SQLITE_STATIC) ||
		    sqlite3_bind_int64(st, 4, o->ts) || sqlite3_bind_double(st, 5, o->value) ||
		    sqlite3_bind_int64(st, 6, fetched_at) ||
		    store_bind_text(st, 7, o->exact, sizeof o->exact) ||
		    sqlite3_step(st) != SQLITE_DONE) {
			char what[64];

			snprintf(what, sizeof what, "observation %zu", i);
			store_fail_db(s, err, errlen, what);
			goto out;
		}
	}
	rc = 0;
out:
	store_stmt_done(st);
	return store_tx_end(s, &tx, rc, err, errlen);
}

int store_observations_count(struct store *s, int64_t *n, char *err, size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, STMT_OBS_COUNT, "SELECT count(*) FROM observations",
	                              err, errlen);
	int rc = -1;

	if (!st)
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		store_fail_db(s, err, errlen, "observations");
		goto out;
	}
	*n = sqlite3_column_int64(st, 0);
	rc = 0;
out:
	store_stmt_done(st);
	return rc;
}

/* Fill o from a row of (source, ts, value, exact); asset and kind are given. */
static void read_observation(sqlite3_stmt *st, const char *asset, enum obs_kind kind,
                             struct observation *o)
{
	const unsigned char *source = sqlite3_column_text(st, 0);

	memset(o, 0, sizeof *o);
	snprintf(o->asset, sizeof o->asset, "%s", asset);
	o->kind = kind;
	snprintf(o->source, sizeof o->source, "%s", source ? (const char *)source : "");
	o->ts = sqlite3_column_int64(st, 1);
	o->value = sqlite3_column_double(st, 2);
	const unsigned char *ex = sqlite3_column_text(st, 3);
	if (ex && strlen((const char *)ex) < sizeof o->exact)
		snprintf(o->exact, sizeof o->exact, "%s", (const char *)ex);
}

static int bind_asset_kind(sqlite3_stmt *st, const char *asset, enum obs_kind kind)
{
	if ((unsigned)kind >= OBS_KINDS)
		return SQLITE_RANGE;
	return sqlite3_bind_text(st, 1, asset, -1, SQLITE_STATIC) ||
	       sqlite3_bind_text(st, 2, obs_kind_name(kind), -1, SQLITE_STATIC);
}

int store_market_load(struct store *s, struct market *m, char *err, size_t errlen)
{
	/* one index seek per (asset, kind) on observations_latest */
	sqlite3_stmt *st = store_stmt(s, STMT_OBS_LATEST,
	                              "SELECT source, ts, value, exact FROM observations"
	                              " WHERE asset = ?1 AND kind = ?2"
	                              " ORDER BY ts DESC, id DESC LIMIT 1", err, errlen);
	const struct catalog *c = m->catalog;
	struct observation o;
	int rc = -1;
	/* a manual value (staketop price set) wins over any feed's until it is
	 * cleared: looked up first, on the partial index observations_manual */
	sqlite3_stmt *man = NULL;

	if (!st)
		return -1;
	/* with no manual value at all (the usual case) there is nothing to
	 * look up per asset and kind: one probe of the partial index says so */
	int any_manual = 0;
	if (sqlite3_prepare_v2(store_handle(s),
	                       "SELECT EXISTS(SELECT 1 FROM observations WHERE source = 'manual')",
	                       -1, &man, NULL) != SQLITE_OK || sqlite3_step(man) != SQLITE_ROW) {
		store_fail_db(s, err, errlen, "market");
		goto out;
	}
	any_manual = sqlite3_column_int(man, 0);
	sqlite3_finalize(man);
	man = NULL;
	if (any_manual &&
	    sqlite3_prepare_v2(store_handle(s),
	                       "SELECT source, ts, value, exact FROM observations"
	                       " WHERE asset = ?1 AND kind = ?2 AND source = 'manual'"
	                       " ORDER BY ts DESC, id DESC LIMIT 1", -1, &man, NULL) != SQLITE_OK) {
		store_fail_db(s, err, errlen, "market");
		goto out;
	}
	for (size_t i = 0; c && i < c->n; i++) {
		const char *sym = c->assets[i].symbol;

		for (int k = 0; k < OBS_KINDS; k++) {
			int step;

			if (man) {
				sqlite3_reset(man);
				if (bind_asset_kind(man, sym, (enum obs_kind)k) != SQLITE_OK) {
					store_fail_db(s, err, errlen, "market");
					goto out;
				}
				step = sqlite3_step(man);
				if (step == SQLITE_ROW) {
					read_observation(man, sym, (enum obs_kind)k, &o);
					o.pinned = store_manual_pinned(s, sym);
					/* in force whatever its age: newer feed values are not */
					if (market_apply(m, &o) < 0)
						goto out;
					continue;
				}
				if (step != SQLITE_DONE) {
					store_fail_db(s, err, errlen, "market");
					goto out;
				}
			}
			sqlite3_reset(st);
			if (bind_asset_kind(st, sym, (enum obs_kind)k) != SQLITE_OK) {
				store_fail_db(s, err, errlen, "market");
				goto out;
			}
			step = sqlite3_step(st);
			if (step == SQLITE_DONE)
				continue;
			if (step != SQLITE_ROW) {
				store_fail_db(s, err, errlen, "market");
				goto out;
			}
			read_observation(st, sym, (enum obs_kind)k, &o);
			if (market_apply(m, &o) < 0) {
				store_fail(err, errlen, "market: cannot apply %s %s",
				           sym, obs_kind_name((enum obs_kind)k));
				goto out;
			}
		}
	}
	rc = 0;
out:
	sqlite3_finalize(man);
	store_stmt_done(st);
	return rc;
}

int store_observation_at(struct store *s, const char *asset, enum obs_kind kind,
                         int64_t ts, struct observation *out, char *err, size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, STMT_OBS_AT,
	                              "SELECT source, ts, value, exact FROM observations"
	                              " WHERE asset = ?1 AND kind = ?2 AND ts <= ?3"
	                              " ORDER BY ts DESC, id DESC LIMIT 1", err, errlen);
	int rc = -1, step;

	if (!st)
		return -1;
	if (bind_asset_kind(st, asset, kind) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, ts) != SQLITE_OK) {
		store_fail(err, errlen, "observation: bad asset or kind");
		goto out;
	}
	step = sqlite3_step(st);
	if (step == SQLITE_DONE) {
		rc = 1;
	} else if (step != SQLITE_ROW) {
		store_fail_db(s, err, errlen, "observation");
	} else {
		read_observation(st, asset, kind, out);
		rc = 0;
	}
out:
	store_stmt_done(st);
	return rc;
}

int store_observations_range(struct store *s, const char *asset, enum obs_kind kind,
                             int64_t from, int64_t to, struct obs_list *out,
                             char *err, size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, STMT_OBS_RANGE,
	                              "SELECT source, ts, value, exact FROM observations"
	                              " WHERE asset = ?1 AND kind = ?2 AND ts BETWEEN ?3 AND ?4"
	                              " ORDER BY ts, id", err, errlen);
	struct observation o;
	int rc = -1, step;

	if (!st)
		return -1;
	if (bind_asset_kind(st, asset, kind) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, from) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 4, to) != SQLITE_OK) {
		store_fail(err, errlen, "observations: bad asset or kind");
		goto out;
	}
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		read_observation(st, asset, kind, &o);
		if (obs_list_push(out, &o) < 0) {
			store_fail(err, errlen, "out of memory");
			goto out;
		}
	}
	if (step != SQLITE_DONE) {
		store_fail_db(s, err, errlen, "observations");
		goto out;
	}
	rc = 0;
out:
	store_stmt_done(st);
	return rc;
}

/* --- feed status ----------------------------------------------------------- */

int store_feed_status_put(struct store *s, const struct feed_status *f,
                          char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	struct store_tx tx;
	int rc = -1;

	if (strnlen(f->name, sizeof f->name) == 0)
		return store_fail(err, errlen, "feed status has no name");
	if (store_tx_begin(s, &tx, err, errlen) < 0)
		return -1;
	st = store_stmt(s, STMT_FEED_PUT,
	                "INSERT INTO feed_status(name, last_attempt, last_success, latency_ms,"
	                " values_taken, last_error, blocked_until)"
	                " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"
	                " ON CONFLICT(name) DO UPDATE SET last_attempt = excluded.last_attempt,"
	                " last_success = excluded.last_success,"
	                " latency_ms = excluded.latency_ms,"
	                " values_taken = excluded.values_taken,"
	                " last_error = excluded.last_error,"
	                " blocked_until = excluded.blocked_until", err, errlen);
	if (!st)
		goto out;
	if (store_bind_text(st, 1, f->name, sizeof f->name) ||
	    sqlite3_bind_int64(st, 2, f->last_attempt) ||
	    sqlite3_bind_int64(st, 3, f->last_success) ||
	    sqlite3_bind_int64(st, 4, f->latency_ms) ||
	    sqlite3_bind_int64(st, 5, f->values_taken) ||
	    store_bind_text(st, 6, f->last_error, sizeof f->last_error) ||
	    store_bind_int64_or_null(st, 7, f->blocked_until) ||
	    sqlite3_step(st) != SQLITE_DONE) {
		store_fail_db(s, err, errlen, "feed status");
		goto out;
	}
	rc = 0;
out:
	store_stmt_done(st);
	return store_tx_end(s, &tx, rc, err, errlen);
}

int store_feed_status_list(struct store *s, struct feed_status **out, size_t *n,
                           char *err, size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, STMT_FEED_LIST,
	                              "SELECT name, last_attempt, last_success, latency_ms,"
	                              " values_taken, last_error, blocked_until FROM feed_status"
	                              " ORDER BY name",
	                              err, errlen);
	struct feed_status *v = NULL;
	size_t len = 0, cap = 0;
	int rc = -1, step;

	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct feed_status *f;

		if (len == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			struct feed_status *nv = realloc(v, ncap * sizeof *nv);

			if (!nv) {
				store_fail(err, errlen, "out of memory");
				goto out;
			}
			v = nv;
			cap = ncap;
		}
		f = &v[len];
		memset(f, 0, sizeof *f);
		if (store_column_text(st, 0, f->name, sizeof f->name) < 0 ||
		    store_column_text(st, 5, f->last_error, sizeof f->last_error) < 0) {
			store_fail(err, errlen, "feed status row %zu: text too long", len + 1);
			goto out;
		}
		f->last_attempt = sqlite3_column_int64(st, 1);
		f->last_success = sqlite3_column_int64(st, 2);
		f->latency_ms = (long)sqlite3_column_int64(st, 3);
		f->values_taken = (long)sqlite3_column_int64(st, 4);
		f->blocked_until = sqlite3_column_int64(st, 6);
		len++;
	}
	if (step != SQLITE_DONE) {
		store_fail_db(s, err, errlen, "feed status");
		goto out;
	}
	*out = v;
	*n = len;
	v = NULL;
	rc = 0;
out:
	store_stmt_done(st);
	free(v);
	return rc;
}
