/* events_db.c — the event log, the quantity it makes, and unbondings.
 *
 * Statements here run on user actions (an unbond, a claim, an edit), not on
 * a hot path, so each is prepared when used and finalized at once; every
 * value is bound. */
#include "data/events_db.h"
#include "data/positions_db.h"
#include "data/store_priv.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define EVENT_COLUMNS \
	"id, position_id, type, amount, ts, note, unbonding_id, removed_at, removed_note, price"
#define UNBONDING_COLUMNS \
	"u.id, u.position_id, u.amount, u.requested_at, u.available_at, u.earliest_at," \
	" u.latest_at, u.rule, u.status, u.claimed_at"
/* An unbonding still counts unless its unbond event was removed. */
#define UNBONDING_LIVE \
	" NOT EXISTS (SELECT 1 FROM events e WHERE e.unbonding_id = u.id" \
	" AND e.type = 'unbond' AND e.removed_at IS NOT NULL)"
#define UNBONDING_DUE \
	"u.position_id = ?1 AND u.status = 'pending' AND u.available_at <= ?2 AND" \
	UNBONDING_LIVE

/* --- statements ------------------------------------------------------------ */

static sqlite3_stmt *prep(struct store *s, const char *sql, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(store_handle(s), sql, -1, &st, NULL) != SQLITE_OK) {
		store_fail(err, errlen, "preparing \"%.60s\": %s", sql,
		           sqlite3_errmsg(store_handle(s)));
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

/* Step a statement that returns no rows, then finalize it. */
static int run(struct store *s, sqlite3_stmt *st, int bind_rc, const char *what,
               char *err, size_t errlen)
{
	int rc = 0;

	if (bind_rc != SQLITE_OK || sqlite3_step(st) != SQLITE_DONE)
		rc = store_fail_db(s, err, errlen, what);
	sqlite3_finalize(st);
	return rc;
}

/* A decimal column (events may hold "-1.5" for adjust). */
static int col_dec(sqlite3_stmt *st, int col, enum event_type t, bool *has, dec_t *out)
{
	const char *txt = (const char *)sqlite3_column_text(st, col);

	*out = dec_zero();
	*has = txt != NULL;
	return txt ? event_amount_parse(t, txt, DEC_FRAC_DIGITS, out, NULL, 0) : 0;
}

static const char *fmt_dec(dec_t d, char *buf)
{
	dec_format(d, buf, DEC_STR_MAX);
	return buf;
}

/* The first column of sql's first row, with ?1 = id. *has is false when
 * there is no row or the value is NULL. 0, or -1 on error. */
static int query_int(struct store *s, const char *sql, int64_t id, int64_t *v, bool *has,
                     char *err, size_t errlen)
{
	sqlite3_stmt *st = prep(s, sql, err, errlen);
	int step = SQLITE_ERROR;

	*v = 0;
	*has = false;
	if (!st)
		return -1;
	if (sqlite3_bind_int64(st, 1, id) == SQLITE_OK)
		step = sqlite3_step(st);
	if (step == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		*has = true;
		*v = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return store_fail_db(s, err, errlen, "query");
	return 0;
}

/* The position a write changes; "no position 42" when there is none. */
static int load_position(struct store *s, int64_t id, struct position *ps,
                         char *err, size_t errlen)
{
	int rc = store_position_get(s, id, ps, err, errlen);

	if (rc > 0)
		return store_fail(err, errlen, "no position %" PRId64, id);
	return rc;
}

/* --- events ------------------------------------------------------------------ */

static int read_event(sqlite3_stmt *st, void *row, char *err, size_t errlen)
{
	const char *type = (const char *)sqlite3_column_text(st, 2);
	struct event *ev = row;

	memset(ev, 0, sizeof *ev);
	ev->id = sqlite3_column_int64(st, 0);
	ev->position_id = sqlite3_column_int64(st, 1);
	if (!type || event_type_parse(type, &ev->type) < 0)
		return store_fail(err, errlen, "event %" PRId64 ": unknown type", ev->id);
	if (col_dec(st, 3, ev->type, &ev->has_amount, &ev->amount) < 0)
		return store_fail(err, errlen, "event %" PRId64 ": amount is not a decimal", ev->id);
	ev->ts = sqlite3_column_int64(st, 4);
	ev->unbonding_id = sqlite3_column_int64(st, 6);
	ev->removed = sqlite3_column_type(st, 7) != SQLITE_NULL;
	ev->removed_at = sqlite3_column_int64(st, 7);
	if (col_dec(st, 9, EVENT_STAKE, &ev->has_price, &ev->price) < 0)
		return store_fail(err, errlen, "event %" PRId64 ": price is not a decimal", ev->id);
	if (store_column_text(st, 5, ev->note, sizeof ev->note) < 0 ||
	    store_column_text(st, 8, ev->removed_note, sizeof ev->removed_note) < 0)
		return store_fail(err, errlen, "event %" PRId64 ": note too long", ev->id);
	return 0;
}

int store_events_list(struct store *s, int64_t position_id, struct event **out,
                      size_t *n, char *err, size_t errlen)
{
	sqlite3_stmt *st = prep(s, "SELECT " EVENT_COLUMNS " FROM events"
	                           " WHERE position_id = ?1 ORDER BY ts, id", err, errlen);
	void *v;

	*out = NULL;
	*n = 0;
	if (!st || store_collect(s, st, sqlite3_bind_int64(st, 1, position_id), sizeof **out,
	                         read_event, "events", &v, n, err, errlen) < 0)
		return -1;
	*out = v;
	return 0;
}

int store_events_list_all(struct store *s, struct event **out, size_t *n, char *err,
                          size_t errlen)
{
	sqlite3_stmt *st = prep(s, "SELECT " EVENT_COLUMNS " FROM events"
	                           " ORDER BY position_id, ts, id", err, errlen);
	void *v;

	*out = NULL;
	*n = 0;
	if (!st || store_collect(s, st, SQLITE_OK, sizeof **out, read_event, "events", &v, n, err,
	                         errlen) < 0)
		return -1;
	*out = v;
	return 0;
}

static int insert_event(struct store *s, struct event *ev, char *err, size_t errlen)
{
	sqlite3_stmt *st = prep(s, "INSERT INTO events(position_id, type, amount, ts, note,"
	                           " unbonding_id, price) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	                        err, errlen);
	int b;

	if (!st)
		return -1;
	b = sqlite3_bind_int64(st, 1, ev->position_id) ||
	    sqlite3_bind_text(st, 2, event_type_name(ev->type), -1, SQLITE_STATIC) ||
	    (ev->has_amount ? store_bind_dec(st, 3, ev->amount) : sqlite3_bind_null(st, 3)) ||
	    sqlite3_bind_int64(st, 4, ev->ts) ||
	    store_bind_text(st, 5, ev->note, sizeof ev->note) ||
	    store_bind_int64_or_null(st, 6, ev->unbonding_id) ||
	    (ev->has_price ? store_bind_dec(st, 7, ev->price) : sqlite3_bind_null(st, 7));
	if (run(s, st, b, "adding event", err, errlen) < 0)
		return -1;
	ev->id = sqlite3_last_insert_rowid(store_handle(s));
	return 0;
}

/* The quantity the position's live events make; *n_events counts them all. */
static int events_sum(struct store *s, int64_t pid, dec_t *sum, size_t *n_events,
                      bool *ok, char *err, size_t errlen)
{
	struct event *v;
	size_t n;

	if (store_events_list(s, pid, &v, &n, err, errlen) < 0)
		return -1;
	*ok = events_quantity(v, n, sum) == 0;
	*n_events = n;
	free(v);
	return 0;
}

/* Make the log agree with positions.quantity before a write whose event is
 * of type first (see the header). */
static int reconcile(struct store *s, int64_t pid, int64_t ts, enum event_type first,
                     struct position *ps, char *err, size_t errlen)
{
	struct event ev = {0};
	size_t n;
	dec_t sum;
	bool ok;

	if (load_position(s, pid, ps, err, errlen) < 0 ||
	    events_sum(s, pid, &sum, &n, &ok, err, errlen) < 0)
		return -1;
	if (!ok)
		return store_fail(err, errlen, "position %" PRId64 ": its events do not add up"
		                  " to a quantity", pid);
	if (dec_cmp(sum, ps->quantity) == 0 ||
	    (n == 0 && (first == EVENT_STAKE || first == EVENT_DEPOSIT)))
		return 0; /* in agreement, or this event opens the log */
	ev.position_id = pid;
	ev.has_amount = true;
	if (n == 0) {
		ev.type = EVENT_STAKE;
		ev.amount = ps->quantity;
		ev.ts = ps->created_at;
		snprintf(ev.note, sizeof ev.note, "opening quantity");
	} else {
		ev.type = EVENT_ADJUST;
		if (dec_sub(ps->quantity, sum, &ev.amount) < 0)
			return store_fail(err, errlen, "position %" PRId64 ": quantity out of range", pid);
		ev.ts = ts;
		snprintf(ev.note, sizeof ev.note, "quantity changed outside the event log");
	}
	return insert_event(s, &ev, err, errlen);
}

/* shares × new / old, or the ratio first when the product overflows. */
static int scale_shares(dec_t shares, dec_t new_qty, dec_t old_qty, dec_t *out)
{
	dec_t t;

	if (dec_mul(shares, new_qty, &t) == 0 && dec_div(t, old_qty, out) == 0)
		return 0;
	return dec_div(new_qty, old_qty, &t) < 0 ? -1 : dec_mul(shares, t, out);
}

/* Recompute positions.quantity (and shares) from the live events. what
 * names the change for the message when the result would be negative. */
static int apply(struct store *s, const struct position *ps, const char *what,
                 char *err, size_t errlen)
{
	char held[DEC_STR_MAX];
	sqlite3_stmt *st;
	dec_t qty, shares = ps->shares;
	bool ok, has_shares = ps->has_shares;
	size_t n;
	int b;

	if (events_sum(s, ps->id, &qty, &n, &ok, err, errlen) < 0)
		return -1;
	if (!ok)
		return store_fail(err, errlen, "%s would leave position %" PRId64
		                  " below zero (it holds %s)", what, ps->id,
		                  fmt_dec(ps->quantity, held));
	if (has_shares && dec_cmp(qty, ps->quantity) != 0) {
		if (dec_is_zero(ps->quantity))
			has_shares = false; /* no ratio to scale by */
		else if (scale_shares(ps->shares, qty, ps->quantity, &shares) < 0)
			return store_fail(err, errlen, "position %" PRId64 ": shares out of range",
			                  ps->id);
	}
	st = prep(s, "UPDATE positions SET quantity = ?1, shares = ?2, updated_at = ?3"
	             " WHERE id = ?4", err, errlen);
	if (!st)
		return -1;
	b = store_bind_dec(st, 1, qty) ||
	    (has_shares ? store_bind_dec(st, 2, shares) : sqlite3_bind_null(st, 2)) ||
	    sqlite3_bind_int64(st, 3, (int64_t)time(NULL)) ||
	    sqlite3_bind_int64(st, 4, ps->id);
	return run(s, st, b, "updating position quantity", err, errlen);
}

/* "withdraw 5 > position 42 holds 3.2" when amount exceeds the holding. */
static int check_holds(const struct position *ps, const char *what, dec_t amount,
                       char *err, size_t errlen)
{
	char a[DEC_STR_MAX], q[DEC_STR_MAX];

	if (dec_cmp(amount, ps->quantity) <= 0)
		return 0;
	return store_fail(err, errlen, "%s %s > position %" PRId64 " holds %s", what,
	                  fmt_dec(amount, a), ps->id, fmt_dec(ps->quantity, q));
}

/* A withdraw dated in the past (ev, just inserted) must find the units
 * held at its time, and leave every later point of the log at zero or
 * more: the lots (positions/lots.h) take it from what was held then. */
static int check_held_then(struct store *s, const struct event *ev, char *err, size_t errlen)
{
	struct event *v;
	size_t n, k;
	dec_t q;
	int rc = 0;

	if (store_events_list(s, ev->position_id, &v, &n, err, errlen) < 0)
		return -1;
	for (k = 0; k < n && v[k].id != ev->id; k++)
		;
	for (size_t j = k; j < n && rc == 0; j++) {
		if (events_quantity(v, j + 1, &q) == 0)
			continue;
		char a[DEC_STR_MAX], h[DEC_STR_MAX], when[32];
		dec_t then = dec_zero();
		(void)events_quantity(v, k, &then);
		time_t t = (time_t)ev->ts;
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
		rc = j == k ? store_fail(err, errlen, "withdraw %s at %s > position %" PRId64
		                         " held %s then", fmt_dec(ev->amount, a), when,
		                         ev->position_id, fmt_dec(then, h))
		            : store_fail(err, errlen, "withdraw %s at %s would leave position %"
		                         PRId64 " below zero at a later event (%" PRId64 ")",
		                         fmt_dec(ev->amount, a), when, ev->position_id, v[j].id);
	}
	free(v);
	return rc;
}

int store_event_add(struct store *s, struct event *ev, char *err, size_t errlen)
{
	char what[64], a[DEC_STR_MAX];
	struct position ps;
	struct store_tx tx;
	int rc = -1;

	if (ev->type == EVENT_UNBOND || ev->type == EVENT_CLAIM)
		return store_fail(err, errlen, "%s events are made by %s, not added directly",
		                  event_type_name(ev->type),
		                  ev->type == EVENT_UNBOND ? "an unbond request" : "a claim");
	if ((unsigned)ev->type >= EVENT_TYPES_)
		return store_fail(err, errlen, "unknown event type %d", (int)ev->type);
	if (!ev->has_amount || dec_is_zero(ev->amount))
		return store_fail(err, errlen, "%s needs an amount above zero",
		                  event_type_name(ev->type));
	if (dec_is_neg(ev->amount) && ev->type != EVENT_ADJUST)
		return store_fail(err, errlen, "negative amounts are allowed only for adjust");
	ev->unbonding_id = 0;
	ev->removed = false;
	ev->removed_at = 0;
	ev->removed_note[0] = '\0';
	if (store_tx_begin(s, &tx, err, errlen) < 0)
		return -1;
	if (reconcile(s, ev->position_id, ev->ts, ev->type, &ps, err, errlen) < 0)
		goto out;
	if (ev->type == EVENT_WITHDRAW && check_holds(&ps, "withdraw", ev->amount, err, errlen) < 0)
		goto out;
	snprintf(what, sizeof what, "%s %s", event_type_name(ev->type), fmt_dec(ev->amount, a));
	if (insert_event(s, ev, err, errlen) < 0 ||
	    (ev->type == EVENT_WITHDRAW && check_held_then(s, ev, err, errlen) < 0) ||
	    apply(s, &ps, what, err, errlen) < 0)
		goto out;
	rc = 0;
out:
	return store_tx_end(s, &tx, rc, err, errlen);
}

/* One event; 1 when there is no such event. */
static int event_get(struct store *s, int64_t id, struct event *ev, char *err, size_t errlen)
{
	sqlite3_stmt *st = prep(s, "SELECT " EVENT_COLUMNS " FROM events WHERE id = ?1",
	                        err, errlen);
	void *v;
	size_t n;

	memset(ev, 0, sizeof *ev);
	if (!st || store_collect(s, st, sqlite3_bind_int64(st, 1, id), sizeof *ev, read_event,
	                         "event", &v, &n, err, errlen) < 0)
		return -1;
	if (n)
		*ev = *(struct event *)v;
	free(v);
	return n ? 0 : 1;
}


int store_event_remove(struct store *s, int64_t event_id, const char *note,
                       int64_t now, char *err, size_t errlen)
{
	char what[48];
	struct event ev;
	struct position ps;
	struct store_tx tx;
	sqlite3_stmt *st;
	int64_t v;
	bool claimed;
	int rc = -1, found, b;

	if (store_tx_begin(s, &tx, err, errlen) < 0)
		return -1;
	found = event_get(s, event_id, &ev, err, errlen);
	if (found != 0) {
		if (found > 0)
			store_fail(err, errlen, "no event %" PRId64, event_id);
		goto out;
	}
	if (ev.removed) {
		store_fail(err, errlen, "event %" PRId64 " is already removed", event_id);
		goto out;
	}
	if (ev.type == EVENT_UNBOND && ev.unbonding_id) {
		if (query_int(s, "SELECT 1 FROM unbondings WHERE id = ?1 AND status = 'claimed'",
		              ev.unbonding_id, &v, &claimed, err, errlen) < 0)
			goto out;
		if (claimed) {
			store_fail(err, errlen, "event %" PRId64 " requested unbonding %" PRId64
			           ", which is claimed: remove its claim event first",
			           event_id, ev.unbonding_id);
			goto out;
		}
	}
	if (reconcile(s, ev.position_id, now, ev.type, &ps, err, errlen) < 0)
		goto out;
	st = prep(s, "UPDATE events SET removed_at = ?1, removed_note = ?2 WHERE id = ?3",
	          err, errlen);
	if (!st)
		goto out;
	b = sqlite3_bind_int64(st, 1, now) ||
	    store_bind_text(st, 2, note ? note : "", EVENT_NOTE_MAX - 1) ||
	    sqlite3_bind_int64(st, 3, event_id);
	if (run(s, st, b, "removing event", err, errlen) < 0)
		goto out;
	if (ev.type == EVENT_CLAIM && ev.unbonding_id) {
		st = prep(s, "UPDATE unbondings SET status = 'pending', claimed_at = NULL"
		             " WHERE id = ?1", err, errlen);
		if (!st || run(s, st, sqlite3_bind_int64(st, 1, ev.unbonding_id),
		               "reopening unbonding", err, errlen) < 0)
			goto out;
	}
	snprintf(what, sizeof what, "removing event %" PRId64, event_id);
	if (apply(s, &ps, what, err, errlen) < 0)
		goto out;
	rc = 0;
out:
	return store_tx_end(s, &tx, rc, err, errlen);
}

/* --- unbondings -------------------------------------------------------------- */

int store_unbond_request(struct store *s, int64_t position_id, dec_t amount,
                         int64_t at, const struct unbond_eta *eta,
                         struct unbonding *out, char *err, size_t errlen)
{
	struct unbonding u = {0};
	struct event ev = {0};
	struct position ps;
	struct store_tx tx;
	sqlite3_stmt *st;
	char what[64], a[DEC_STR_MAX];
	int rc = -1, b;

	if (!eta)
		return store_fail(err, errlen, "unbond without an estimate");
	if (dec_is_neg(amount) || dec_is_zero(amount))
		return store_fail(err, errlen, "unbond needs an amount above zero");
	if (store_tx_begin(s, &tx, err, errlen) < 0)
		return -1;
	if (reconcile(s, position_id, at, EVENT_UNBOND, &ps, err, errlen) < 0 ||
	    check_holds(&ps, "unbond", amount, err, errlen) < 0)
		goto out;
	st = prep(s, "INSERT INTO unbondings(position_id, amount, requested_at, available_at,"
	             " earliest_at, latest_at, rule, status) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7,"
	             " 'pending')", err, errlen);
	if (!st)
		goto out;
	b = sqlite3_bind_int64(st, 1, position_id) || store_bind_dec(st, 2, amount) ||
	    sqlite3_bind_int64(st, 3, at) || sqlite3_bind_int64(st, 4, eta->available_at) ||
	    sqlite3_bind_int64(st, 5, eta->earliest_at) ||
	    sqlite3_bind_int64(st, 6, eta->latest_at) ||
	    store_bind_text(st, 7, eta->basis, sizeof eta->basis);
	if (run(s, st, b, "adding unbonding", err, errlen) < 0)
		goto out;
	u.id = sqlite3_last_insert_rowid(store_handle(s));
	ev.position_id = position_id;
	ev.type = EVENT_UNBOND;
	ev.has_amount = true;
	ev.amount = amount;
	ev.ts = at;
	ev.unbonding_id = u.id;
	snprintf(what, sizeof what, "unbond %s", fmt_dec(amount, a));
	if (insert_event(s, &ev, err, errlen) < 0 || apply(s, &ps, what, err, errlen) < 0)
		goto out;
	rc = 0;
out:
	rc = store_tx_end(s, &tx, rc, err, errlen);
	if (rc == 0 && out) {
		u.position_id = position_id;
		u.amount = amount;
		u.requested_at = at;
		u.available_at = eta->available_at;
		u.earliest_at = eta->earliest_at;
		u.latest_at = eta->latest_at;
		snprintf(u.rule, sizeof u.rule, "%s", eta->basis);
		*out = u;
	}
	return rc;
}

static int read_unbonding(sqlite3_stmt *st, void *row, char *err, size_t errlen)
{
	const char *status = (const char *)sqlite3_column_text(st, 8);
	struct unbonding *u = row;
	bool has;

	memset(u, 0, sizeof *u);
	u->id = sqlite3_column_int64(st, 0);
	u->position_id = sqlite3_column_int64(st, 1);
	if (col_dec(st, 2, EVENT_UNBOND, &has, &u->amount) < 0 || !has)
		return store_fail(err, errlen, "unbonding %" PRId64 ": amount is not a decimal", u->id);
	u->requested_at = sqlite3_column_int64(st, 3);
	u->available_at = sqlite3_column_int64(st, 4);
	u->earliest_at = sqlite3_column_int64(st, 5);
	u->latest_at = sqlite3_column_int64(st, 6);
	if (store_column_text(st, 7, u->rule, sizeof u->rule) < 0)
		return store_fail(err, errlen, "unbonding %" PRId64 ": rule too long", u->id);
	u->claimed = status && strcmp(status, "claimed") == 0;
	u->claimed_at = sqlite3_column_int64(st, 9);
	return 0;
}

int store_unbondings_list(struct store *s, int64_t position_id, bool include_claimed,
                          struct unbonding **out, size_t *n, char *err, size_t errlen)
{
	sqlite3_stmt *st = prep(s, "SELECT " UNBONDING_COLUMNS " FROM unbondings u"
	                           " WHERE (?1 = 0 OR u.position_id = ?1)"
	                           " AND (?2 OR u.status = 'pending') AND" UNBONDING_LIVE
	                           " ORDER BY u.available_at, u.id", err, errlen);
	void *v;

	*out = NULL;
	*n = 0;
	if (!st || store_collect(s, st, sqlite3_bind_int64(st, 1, position_id) ||
	                         sqlite3_bind_int(st, 2, include_claimed), sizeof **out,
	                         read_unbonding, "unbondings", &v, n, err, errlen) < 0)
		return -1;
	*out = v;
	return 0;
}

/* The message when nothing is due: when the next one is. */
static int nothing_claimable(struct store *s, int64_t pid, int64_t now,
                             char *err, size_t errlen)
{
	char left[32];
	int64_t next;
	bool has;

	if (query_int(s, "SELECT min(u.available_at) FROM unbondings u WHERE u.position_id = ?1"
	              " AND u.status = 'pending' AND" UNBONDING_LIVE, pid, &next, &has,
	              err, errlen) < 0)
		return -1;
	if (!has)
		return store_fail(err, errlen, "nothing claimable on position %" PRId64
		                  ": no pending unbonding", pid);
	unbond_format_left(next - now, left, sizeof left);
	return store_fail(err, errlen, "nothing claimable on position %" PRId64 ": next in %s",
	                  pid, left);
}

int store_claim(struct store *s, int64_t position_id, int64_t now, int *n_claimed,
                char *err, size_t errlen)
{
	struct position ps;
	struct store_tx tx;
	sqlite3_stmt *st;
	int rc = -1, n = 0;

	if (n_claimed)
		*n_claimed = 0;
	if (store_tx_begin(s, &tx, err, errlen) < 0)
		return -1;
	if (load_position(s, position_id, &ps, err, errlen) < 0)
		goto out;
	/* the claim events first: the update below changes what is due */
	st = prep(s, "INSERT INTO events(position_id, type, amount, ts, unbonding_id)"
	             " SELECT u.position_id, 'claim', u.amount, ?2, u.id FROM unbondings u"
	             " WHERE " UNBONDING_DUE " ORDER BY u.available_at, u.id", err, errlen);
	if (!st || run(s, st, sqlite3_bind_int64(st, 1, position_id) ||
	               sqlite3_bind_int64(st, 2, now), "claiming", err, errlen) < 0)
		goto out;
	n = sqlite3_changes(store_handle(s));
	if (n == 0) {
		nothing_claimable(s, position_id, now, err, errlen);
		goto out;
	}
	st = prep(s, "UPDATE unbondings AS u SET status = 'claimed', claimed_at = ?2"
	             " WHERE " UNBONDING_DUE, err, errlen);
	if (!st || run(s, st, sqlite3_bind_int64(st, 1, position_id) ||
	               sqlite3_bind_int64(st, 2, now), "claiming", err, errlen) < 0)
		goto out;
	rc = 0;
out:
	rc = store_tx_end(s, &tx, rc, err, errlen);
	if (rc == 0 && n_claimed)
		*n_claimed = n;
	return rc;
}
