/* shares_db.c — pending rebasing positions converted to shares at the first
 * share rate seen. */
#include "data/shares_db.h"
#include "data/store_priv.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "positions/market.h"
#include "positions/ratio.h"
#include "positions/timeutil.h"
#include "positions/unbonding.h"

struct pending {
	int64_t id, created_at;
	char asset[SYM_MAX];
	dec_t quantity;
};

/* The first rate of sym fetched at or after t, by st (prepared once per
 * conversion pass): 0 and *r, *what, *fetched filled; 1 when there is
 * none yet, or the first is unusable (*fetched then says when it was
 * fetched, INT64_MAX when there is none). */
static int first_rate(sqlite3 *db, sqlite3_stmt *st, const char *sym, int64_t t,
                      struct ratio *r, char *what, size_t wlen, int64_t *fetched,
                      char *err, size_t errlen)
{
	int rc = -1, step;
	*fetched = INT64_MAX;
	sqlite3_reset(st);
	if (sqlite3_bind_text(st, 1, sym, -1, SQLITE_STATIC) || sqlite3_bind_int64(st, 2, t)) {
		store_fail(err, errlen, "pending shares: %s", sqlite3_errmsg(db));
		goto out;
	}
	step = sqlite3_step(st);
	if (step == SQLITE_DONE) {
		rc = 1;
		goto out;
	}
	if (step != SQLITE_ROW) {
		store_fail(err, errlen, "pending shares: %s", sqlite3_errmsg(db));
		goto out;
	}
	*fetched = sqlite3_column_int64(st, 4);
	const char *ex = (const char *)sqlite3_column_text(st, 1);
	const char *src = (const char *)sqlite3_column_text(st, 2);
	dec_t d;
	if (!(ex && ratio_parse(ex, r) == 0) &&
	    (dec_from_double(sqlite3_column_double(st, 0), &d) < 0 || ratio_from_dec(d, r) < 0)) {
		rc = 1; /* an unusable value: wait for the next */
		goto out;
	}
	char when[ISO_TIME_LEN];
	time_format_iso(sqlite3_column_int64(st, 3), when, sizeof when);
	snprintf(what, wlen, "%.16s %s", src ? src : "?", when);
	rc = 0;
out:
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc;
}

/* One pass's answer of first_rate for an asset, asked at t: it holds for
 * every t2 with t <= t2 <= fetched (the first row fetched at or after t is
 * also the first at or after t2), so positions created at the same time
 * (an import) ask the observations once. */
struct rate_memo {
	char sym[SYM_MAX];
	int64_t t, fetched;
	int rc;
	struct ratio r;
	char what[64];
};

static int convert_one(struct store *s, const struct asset *a, const struct pending *p,
                       const struct ratio *r, const char *what, char *err, size_t errlen)
{
	sqlite3 *db = store_handle(s);
	sqlite3_stmt *up = NULL, *ev = NULL;
	char rtext[RATIO_STR_MAX], sh[DEC_STR_MAX], q[DEC_STR_MAX], note[512], rate[48];
	dec_t shares;
	int rc = -1;

	if (ratio_divide(p->quantity, *r, &shares) < 0)
		return store_fail(err, errlen, "position %" PRId64 ": shares out of range", p->id);
	ratio_format(*r, rtext, sizeof rtext);
	dec_format(shares, sh, sizeof sh);
	dec_format(p->quantity, q, sizeof q);
	snprintf(rate, sizeof rate, "%.12Lg", ratio_to_ld(*r));
	snprintf(note, sizeof note,
	         "converted to shares at the first share rate seen: %s %s = %s shares"
	         " at %s (rate:%s, %s)", q, a->symbol, sh, rate, a->share_rate_from, what);
	note[EVENT_NOTE_MAX - 1] = '\0'; /* plain ASCII: cut anywhere */
	up = store_stmt(s, STMT_SHARES_SET, "UPDATE positions SET shares = ?1, share_rate = ?2"
	                " WHERE id = ?3 AND shares IS NULL", err, errlen);
	if (!up)
		goto out;
	ev = store_stmt(s, STMT_SHARES_EVENT, "INSERT INTO events(position_id, type, amount, ts, note)"
	                " VALUES(?1, 'adjust', '0', ?2, ?3)", err, errlen);
	if (!ev)
		goto out;
	if (sqlite3_bind_text(up, 1, sh, -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(up, 2, rtext, -1, SQLITE_STATIC) || sqlite3_bind_int64(up, 3, p->id) ||
	    sqlite3_step(up) != SQLITE_DONE) {
		store_fail(err, errlen, "pending shares: %s", sqlite3_errmsg(db));
		goto out;
	}
	if (sqlite3_changes(db) == 1 &&
	    (sqlite3_bind_int64(ev, 1, p->id) || sqlite3_bind_int64(ev, 2, (int64_t)time(NULL)) ||
	     sqlite3_bind_text(ev, 3, note, -1, SQLITE_STATIC) || sqlite3_step(ev) != SQLITE_DONE)) {
		store_fail(err, errlen, "pending shares: %s", sqlite3_errmsg(db));
		goto out;
	}
	rc = 0;
out:
	store_stmt_done(up);
	store_stmt_done(ev);
	return rc;
}

int store_shares_convert_pending(struct store *s, const struct catalog *cat, int *converted,
                                 char *err, size_t errlen)
{
	sqlite3 *db = store_handle(s);
	sqlite3_stmt *st = NULL;
	struct pending p[64];
	struct rate_memo memo[8];
	size_t n = 0, n_memo = 0;
	int rc = -1, step, done = 0;

	if (converted)
		*converted = 0;
	/* few positions are ever pending: take them 64 at a time */
	if (sqlite3_prepare_v2(db, "SELECT id, asset, quantity, created_at FROM positions"
	                           " WHERE shares IS NULL ORDER BY id", -1, &st, NULL) != SQLITE_OK) {
		return store_fail(err, errlen, "pending shares: %s", sqlite3_errmsg(db));
	}
	while (n < sizeof p / sizeof *p && (step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *sym = (const char *)sqlite3_column_text(st, 1);
		const char *qt = (const char *)sqlite3_column_text(st, 2);
		const struct asset *a = sym ? catalog_find(cat, sym) : NULL;
		if (!a || a->model != MODEL_REBASING || !a->share_rate_from[0] || !qt ||
		    dec_parse(qt, 18, &p[n].quantity, NULL, 0) < 0)
			continue;
		p[n].id = sqlite3_column_int64(st, 0);
		p[n].created_at = sqlite3_column_int64(st, 3);
		snprintf(p[n].asset, sizeof p[n].asset, "%s", a->symbol);
		n++;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (n == 0)
		goto finish;
	if (sqlite3_prepare_v2(db, "SELECT value, exact, source, ts, fetched_at FROM observations"
	                           " WHERE asset = ?1 AND kind = 'rate' AND fetched_at >= ?2"
	                           " ORDER BY fetched_at, id LIMIT 1", -1, &st, NULL) != SQLITE_OK) {
		store_fail(err, errlen, "pending shares: %s", sqlite3_errmsg(db));
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		const struct asset *a = catalog_find(cat, p[i].asset);
		const int64_t t = p[i].created_at;
		struct rate_memo *m = NULL;
		for (size_t k = 0; k < n_memo && !m; k++)
			if (strcmp(memo[k].sym, a->share_rate_from) == 0 && memo[k].t <= t &&
			    t <= memo[k].fetched)
				m = &memo[k];
		if (!m) {
			m = &memo[n_memo < sizeof memo / sizeof *memo ? n_memo++ : 0];
			snprintf(m->sym, sizeof m->sym, "%s", a->share_rate_from);
			m->t = t;
			m->rc = first_rate(db, st, a->share_rate_from, t, &m->r, m->what,
			                   sizeof m->what, &m->fetched, err, errlen);
			if (m->rc < 0)
				goto out;
		}
		if (m->rc > 0)
			continue;
		struct store_tx tx;
		if (store_tx_begin(s, &tx, err, errlen) < 0)
			goto out;
		int c = convert_one(s, a, &p[i], &m->r, m->what, err, errlen);
		if (store_tx_end(s, &tx, c, err, errlen) < 0)
			goto out;
		done++;
	}
finish:
	rc = 0;
	if (converted)
		*converted = done;
out:
	sqlite3_finalize(st);
	return rc;
}
