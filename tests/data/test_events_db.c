/* test_events_db.c — data/events_db.c against a real SQLite file in a fresh
 * temporary directory per test (removed afterwards). The clock is the
 * test's: T0 = 2026-11-25T08:00:00Z = 1795593600. */
#include "tests/data/tmpdb.h" /* first: it may define _XOPEN_SOURCE */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "data/events_db.h"
#include "data/positions_db.h"
#include "data/store.h"
#include "data/store_priv.h"
#include "positions/decimal.h"
#include "positions/position.h"
#include "positions/unbonding.h"

#define T0 INT64_C(1795593600)
#define COSMOS_DELAY INT64_C(1814400) /* 21 × 86400 */

struct fx {
	struct tmpdb db;
	struct store *s;
	char err[512];
	char want[512];
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);

	if (!f || tmpdb_make_open(&f->db, "ev", &f->s, f->err, sizeof f->err) < 0) {
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	store_close(f->s);
	tmpdb_remove(&f->db);
	free(f);
	return 0;
}

/* --- helpers ----------------------------------------------------------------- */

static dec_t dec(const char *s)
{
	dec_t d;
	char err[128];

	if (event_amount_parse(EVENT_ADJUST, s, 18, &d, err, sizeof err) != 0)
		fail_msg("amount %s: %s", s, err);
	return d;
}

static void assert_dec(dec_t d, const char *expected)
{
	char buf[DEC_STR_MAX];

	dec_format(d, buf, sizeof buf);
	assert_string_equal(buf, expected);
}

/* A manual ATOM position opened a day before T0. */
static int64_t add_position(struct fx *f, const char *qty, const char *shares)
{
	struct position p;

	memset(&p, 0, sizeof p);
	snprintf(p.account, sizeof p.account, "main");
	snprintf(p.asset, sizeof p.asset, "ATOM");
	p.quantity = dec(qty);
	if (shares) {
		p.has_shares = true;
		p.shares = dec(shares);
	}
	p.origin = ORIGIN_MANUAL;
	p.created_at = p.updated_at = T0 - 86400;
	if (store_position_add(f->s, &p, f->err, sizeof f->err) != 0)
		fail_msg("store_position_add: %s", f->err);
	return p.id;
}

static struct position get_position(struct fx *f, int64_t id)
{
	struct position p;

	if (store_position_get(f->s, id, &p, f->err, sizeof f->err) != 0)
		fail_msg("store_position_get: %s", f->err);
	return p;
}

static void assert_quantity(struct fx *f, int64_t id, const char *want)
{
	assert_dec(get_position(f, id).quantity, want);
}

/* Add an event; its id, or -1 with the message in f->err. */
static int64_t try_event_at(struct fx *f, int64_t pid, enum event_type t, const char *amount,
                            int64_t ts)
{
	struct event ev;

	memset(&ev, 0, sizeof ev);
	ev.position_id = pid;
	ev.type = t;
	ev.has_amount = true;
	ev.amount = dec(amount);
	ev.ts = ts;
	return store_event_add(f->s, &ev, f->err, sizeof f->err) == 0 ? ev.id : -1;
}

static int try_event(struct fx *f, int64_t pid, enum event_type t, const char *amount)
{
	return try_event_at(f, pid, t, amount, T0) > 0 ? 0 : -1;
}

static int64_t add_event(struct fx *f, int64_t pid, enum event_type t, const char *amount,
                         int64_t ts)
{
	int64_t id = try_event_at(f, pid, t, amount, ts);

	if (id <= 0)
		fail_msg("store_event_add %s %s: %s", event_type_name(t), amount, f->err);
	return id;
}

/* A Cosmos unbond (21 days) of amount requested at `at`. */
static struct unbonding unbond(struct fx *f, int64_t pid, const char *amount, int64_t at)
{
	struct unbond_rule r = {0};
	struct unbond_eta eta;
	struct unbonding u;

	r.type = UNBOND_FIXED;
	r.delay_s = COSMOS_DELAY;
	snprintf(r.source, sizeof r.source, "Cosmos Hub unbonding_time 1814400s (21 days)");
	assert_int_equal(unbond_estimate(&r, at, NULL, &eta), 0);
	if (store_unbond_request(f->s, pid, dec(amount), at, &eta, &u, f->err, sizeof f->err) != 0)
		fail_msg("store_unbond_request: %s", f->err);
	return u;
}

static size_t list_events(struct fx *f, int64_t pid, struct event **v)
{
	size_t n;

	if (store_events_list(f->s, pid, v, &n, f->err, sizeof f->err) != 0)
		fail_msg("store_events_list: %s", f->err);
	return n;
}

static size_t list_unbondings(struct fx *f, int64_t pid, bool claimed, struct unbonding **v)
{
	size_t n;

	if (store_unbondings_list(f->s, pid, claimed, v, &n, f->err, sizeof f->err) != 0)
		fail_msg("store_unbondings_list: %s", f->err);
	return n;
}

#define ASSERT_ERR(f, ...)                                             \
	do {                                                               \
		snprintf((f)->want, sizeof (f)->want, __VA_ARGS__);            \
		assert_string_equal((f)->err, (f)->want);                      \
	} while (0)

/* --- quantity from events ---------------------------------------------------- */

static void events__stake_minus_unbond__exact_quantity(void **state)
{
	struct fx *f = *state;
	/* as the add command does: the position, then its opening stake */
	int64_t pid = add_position(f, "10", NULL);
	struct event *ev;
	struct unbonding *ul, u;

	add_event(f, pid, EVENT_STAKE, "10", T0);
	assert_quantity(f, pid, "10");
	u = unbond(f, pid, "2.5", T0 + 60);
	assert_quantity(f, pid, "7.5"); /* 10 − 2.5 */

	assert_int_equal(list_events(f, pid, &ev), 2);
	assert_int_equal(ev[0].type, EVENT_STAKE);
	assert_dec(ev[0].amount, "10");
	assert_int_equal(ev[1].type, EVENT_UNBOND);
	assert_dec(ev[1].amount, "2.5");
	assert_int_equal(ev[1].ts, T0 + 60);
	assert_int_equal(ev[1].unbonding_id, u.id);
	free(ev);

	/* 1795593660 + 1814400 = 1797408060 */
	assert_int_equal(list_unbondings(f, pid, false, &ul), 1);
	assert_int_equal(ul[0].id, u.id);
	assert_int_equal(ul[0].requested_at, T0 + 60);
	assert_int_equal(ul[0].available_at, 1797408060);
	assert_int_equal(ul[0].earliest_at, 1797408060);
	assert_int_equal(ul[0].latest_at, 1797408060);
	assert_dec(ul[0].amount, "2.5");
	assert_string_equal(ul[0].rule, "Cosmos Hub unbonding_time 1814400s (21 days)");
	assert_false(ul[0].claimed);
	free(ul);
}

static void events__eighteen_decimals_round_trip(void **state)
{
	struct fx *f = *state;
	int64_t pid = add_position(f, "0", NULL);

	add_event(f, pid, EVENT_STAKE, "123.456789012345678901", T0);
	add_event(f, pid, EVENT_WITHDRAW, "0.000000000000000001", T0 + 1);
	assert_quantity(f, pid, "123.4567890123456789");
}

static void events__opening_quantity_and_outside_edit_are_kept(void **state)
{
	struct fx *f = *state;
	int64_t pid = add_position(f, "3.2", NULL);
	struct position p;
	struct event *ev;

	/* no events yet and a withdrawal first: 3.2 becomes an opening stake */
	add_event(f, pid, EVENT_WITHDRAW, "1", T0);
	assert_quantity(f, pid, "2.2"); /* 3.2 − 1 */
	assert_int_equal(list_events(f, pid, &ev), 2);
	assert_int_equal(ev[0].type, EVENT_STAKE);
	assert_dec(ev[0].amount, "3.2");
	assert_int_equal(ev[0].ts, T0 - 86400);
	assert_string_equal(ev[0].note, "opening quantity");
	free(ev);

	/* an edit to 5 outside the log: the next event adds adjust 2.8 first */
	p = get_position(f, pid);
	p.quantity = dec("5");
	assert_int_equal(store_position_update(f->s, &p, f->err, sizeof f->err), 0);
	add_event(f, pid, EVENT_DEPOSIT, "1", T0 + 10);
	assert_quantity(f, pid, "6"); /* 5 + 1 */
	assert_int_equal(list_events(f, pid, &ev), 4);
	assert_int_equal(ev[2].type, EVENT_ADJUST);
	assert_dec(ev[2].amount, "2.8"); /* 5 − 2.2 */
	assert_string_equal(ev[2].note, "quantity changed outside the event log");
	assert_int_equal(ev[3].type, EVENT_DEPOSIT);
	free(ev);
}

static void events__first_stake_opens_the_log(void **state)
{
	struct fx *f = *state;
	int64_t pid = add_position(f, "4", NULL);
	struct event *ev;

	/* the add command's pattern: position 4 and a stake of 4 make 4, not 8 */
	assert_int_equal(store_begin(f->s, f->err, sizeof f->err), 0);
	add_event(f, pid, EVENT_STAKE, "4", T0 - 86400);
	assert_int_equal(store_commit(f->s, f->err, sizeof f->err), 0);
	assert_quantity(f, pid, "4");
	assert_int_equal(list_events(f, pid, &ev), 1);
	free(ev);
	/* and the edit command's: the position unchanged, an adjust of the gap */
	add_event(f, pid, EVENT_ADJUST, "-0.5", T0);
	assert_quantity(f, pid, "3.5");
	assert_int_equal(list_events(f, pid, &ev), 2);
	free(ev);
}

static void events__adjust_negative_stored_as_text(void **state)
{
	struct fx *f = *state;
	int64_t pid = add_position(f, "0", NULL);
	int64_t id;
	sqlite3_stmt *st;

	add_event(f, pid, EVENT_STAKE, "10", T0);
	id = add_event(f, pid, EVENT_ADJUST, "-1.5", T0 + 1);
	assert_quantity(f, pid, "8.5");
	assert_int_equal(sqlite3_prepare_v2(store_handle(f->s),
	                                    "SELECT amount FROM events WHERE id = ?1", -1, &st,
	                                    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_bind_int64(st, 1, id), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "-1.5");
	sqlite3_finalize(st);

	assert_int_equal(try_event(f, pid, EVENT_ADJUST, "-9"), -1);
	ASSERT_ERR(f, "adjust -9 would leave position %lld below zero (it holds 8.5)",
	           (long long)pid);
	assert_int_equal(try_event(f, pid, EVENT_DEPOSIT, "-1"), -1);
	assert_string_equal(f->err, "negative amounts are allowed only for adjust");
	assert_quantity(f, pid, "8.5");
}

static void events__refused_kinds_and_amounts(void **state)
{
	struct fx *f = *state;
	int64_t pid = add_position(f, "0", NULL);
	struct event *ev;

	add_event(f, pid, EVENT_STAKE, "10", T0);
	assert_int_equal(try_event(f, pid, EVENT_WITHDRAW, "11"), -1);
	ASSERT_ERR(f, "withdraw 11 > position %lld holds 10", (long long)pid);
	assert_int_equal(try_event(f, pid, EVENT_UNBOND, "1"), -1);
	assert_string_equal(f->err, "unbond events are made by an unbond request, not added directly");
	assert_int_equal(try_event(f, pid, EVENT_CLAIM, "1"), -1);
	assert_int_equal(try_event(f, pid, EVENT_STAKE, "0"), -1);
	assert_string_equal(f->err, "stake needs an amount above zero");
	assert_int_equal(try_event(f, 999, EVENT_STAKE, "1"), -1);
	assert_string_equal(f->err, "no position 999");
	assert_quantity(f, pid, "10");
	assert_int_equal(list_events(f, pid, &ev), 1);
	free(ev);
}

static void events__rebasing_shares_scale_with_quantity(void **state)
{
	struct fx *f = *state;
	int64_t pid = add_position(f, "10", "9");
	struct position p;

	unbond(f, pid, "2.5", T0);
	p = get_position(f, pid);
	assert_dec(p.quantity, "7.5");
	assert_true(p.has_shares);
	assert_dec(p.shares, "6.75"); /* 9 × 7.5 / 10 */
	unbond(f, pid, "7.5", T0 + 1);
	p = get_position(f, pid);
	assert_dec(p.quantity, "0");
	assert_dec(p.shares, "0");
	/* from 0 there is no ratio: the shares are cleared */
	add_event(f, pid, EVENT_STAKE, "1", T0 + 2);
	p = get_position(f, pid);
	assert_dec(p.quantity, "1");
	assert_false(p.has_shares);
}

/* --- unbond and claim -------------------------------------------------------- */

static void unbond__above_holdings__refused_and_nothing_written(void **state)
{
	struct fx *f = *state;
	int64_t pid = add_position(f, "3.2", NULL);
	struct unbond_eta eta = {T0 + 10, T0 + 10, T0 + 10, true, "test"};
	struct unbonding u, *ul;
	struct event *ev;

	assert_int_equal(store_unbond_request(f->s, pid, dec("5"), T0, &eta, &u, f->err,
	                                      sizeof f->err), -1);
	ASSERT_ERR(f, "unbond 5 > position %lld holds 3.2", (long long)pid);
	/* the opening event made on the way was rolled back with the rest */
	assert_int_equal(list_events(f, pid, &ev), 0);
	assert_null(ev);
	assert_int_equal(list_unbondings(f, 0, true, &ul), 0);
	assert_quantity(f, pid, "3.2");
	assert_int_equal(store_unbond_request(f->s, pid, dec("0"), T0, &eta, &u, f->err,
	                                      sizeof f->err), -1);
	assert_string_equal(f->err, "unbond needs an amount above zero");
	assert_int_equal(store_unbond_request(f->s, 999, dec("1"), T0, &eta, &u, f->err,
	                                      sizeof f->err), -1);
	assert_string_equal(f->err, "no position 999");
	/* the whole holding is fine */
	assert_int_equal(store_unbond_request(f->s, pid, dec("3.2"), T0, &eta, &u, f->err,
	                                      sizeof f->err), 0);
	assert_quantity(f, pid, "0");
}

static void claim__before_due__refused_with_next_time(void **state)
{
	struct fx *f = *state;
	int64_t pid = add_position(f, "10", NULL);
	struct unbonding u;
	int n = -1;

	assert_int_equal(store_claim(f->s, pid, T0, &n, f->err, sizeof f->err), -1);
	ASSERT_ERR(f, "nothing claimable on position %lld: no pending unbonding", (long long)pid);
	u = unbond(f, pid, "4", T0); /* available 1795593600 + 1814400 = 1797408000 */
	assert_int_equal(u.available_at, 1797408000);
	/* 3 d 4 h before: 3 × 86400 + 4 × 3600 = 273600 s */
	assert_int_equal(store_claim(f->s, pid, 1797408000 - 273600, &n, f->err, sizeof f->err), -1);
	ASSERT_ERR(f, "nothing claimable on position %lld: next in 3d 4h", (long long)pid);
	assert_int_equal(n, 0);
	/* one second early */
	assert_int_equal(store_claim(f->s, pid, 1797408000 - 1, &n, f->err, sizeof f->err), -1);
	ASSERT_ERR(f, "nothing claimable on position %lld: next in 1s", (long long)pid);
	assert_int_equal(store_claim(f->s, 999, T0, &n, f->err, sizeof f->err), -1);
	assert_string_equal(f->err, "no position 999");
	assert_quantity(f, pid, "6");
}

static void claim__at_due_second__claims_and_records_event(void **state)
{
	struct fx *f = *state;
	int64_t pid = add_position(f, "10", NULL);
	int64_t due = T0 + COSMOS_DELAY; /* 1797408000 */
	struct unbonding *ul;
	struct event *ev;
	size_t n_ev;
	int n = 0;

	unbond(f, pid, "1", T0);
	unbond(f, pid, "2", T0 + 5);       /* due 5 s later */
	unbond(f, pid, "3", T0 + 86400);   /* due a day later */
	assert_quantity(f, pid, "4");      /* 10 − 1 − 2 − 3 */
	assert_int_equal(store_claim(f->s, pid, due + 5, &n, f->err, sizeof f->err), 0);
	assert_int_equal(n, 2);
	assert_quantity(f, pid, "4");      /* a claim does not change the stake */

	assert_int_equal(list_unbondings(f, pid, false, &ul), 1);
	assert_dec(ul[0].amount, "3");
	free(ul);
	assert_int_equal(list_unbondings(f, pid, true, &ul), 3);
	assert_true(ul[0].claimed);
	assert_int_equal(ul[0].claimed_at, due + 5);
	assert_int_equal(unbond_status_at(&ul[0], due + 5), UNBOND_CLAIMED);
	assert_int_equal(unbond_status_at(&ul[2], due + 5), UNBOND_PENDING);
	free(ul);

	n_ev = list_events(f, pid, &ev);
	assert_int_equal(n_ev, 6); /* opening stake, 3 unbonds, 2 claims */
	assert_int_equal(ev[4].type, EVENT_CLAIM);
	assert_int_equal(ev[5].type, EVENT_CLAIM);
	assert_int_equal(ev[4].ts, due + 5);
	assert_dec(ev[4].amount, "1");
	assert_dec(ev[5].amount, "2");
	free(ev);

	/* the last one, at its exact second */
	assert_int_equal(store_claim(f->s, pid, due + 86400, &n, f->err, sizeof f->err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(store_claim(f->s, pid, due + 86400, &n, f->err, sizeof f->err), -1);
	ASSERT_ERR(f, "nothing claimable on position %lld: no pending unbonding", (long long)pid);
}

/* --- soft removal ------------------------------------------------------------ */

static void remove__recomputes_and_stays_listed(void **state)
{
	struct fx *f = *state;
	int64_t pid = add_position(f, "0", NULL), dep;
	struct event *ev;

	add_event(f, pid, EVENT_STAKE, "10", T0);
	dep = add_event(f, pid, EVENT_DEPOSIT, "5", T0 + 1);
	assert_quantity(f, pid, "15");
	assert_int_equal(store_event_remove(f->s, dep, "typo", T0 + 100, f->err, sizeof f->err), 0);
	assert_quantity(f, pid, "10");
	assert_int_equal(list_events(f, pid, &ev), 2);
	assert_false(ev[0].removed);
	assert_true(ev[1].removed);
	assert_int_equal(ev[1].removed_at, T0 + 100);
	assert_string_equal(ev[1].removed_note, "typo");
	assert_dec(ev[1].amount, "5");
	free(ev);

	assert_int_equal(store_event_remove(f->s, dep, NULL, T0 + 200, f->err, sizeof f->err), -1);
	ASSERT_ERR(f, "event %lld is already removed", (long long)dep);
	assert_int_equal(store_event_remove(f->s, 999, NULL, T0, f->err, sizeof f->err), -1);
	assert_string_equal(f->err, "no event 999");
}

static void remove__refused_when_quantity_would_go_negative(void **state)
{
	struct fx *f = *state;
	int64_t pid = add_position(f, "0", NULL), stake;
	struct event *ev;

	stake = add_event(f, pid, EVENT_STAKE, "10", T0);
	add_event(f, pid, EVENT_WITHDRAW, "4", T0 + 1);
	assert_int_equal(store_event_remove(f->s, stake, NULL, T0 + 2, f->err, sizeof f->err), -1);
	ASSERT_ERR(f, "removing event %lld would leave position %lld below zero (it holds 6)",
	           (long long)stake, (long long)pid);
	assert_quantity(f, pid, "6");
	assert_int_equal(list_events(f, pid, &ev), 2);
	assert_false(ev[0].removed);
	free(ev);
}

static void remove__unbond_and_claim_events_follow_their_unbonding(void **state)
{
	struct fx *f = *state;
	int64_t pid = add_position(f, "10", NULL);
	struct unbonding a, b, *ul;
	struct event *ev;
	size_t n;
	int claimed;

	a = unbond(f, pid, "1", T0);
	b = unbond(f, pid, "2", T0 + 1);
	assert_quantity(f, pid, "7");
	/* withdraw request b: quantity back, unbonding gone */
	n = list_events(f, pid, &ev);
	assert_int_equal(n, 3);
	assert_int_equal(ev[2].unbonding_id, b.id);
	assert_int_equal(store_event_remove(f->s, ev[2].id, "changed my mind", T0 + 2, f->err,
	                                    sizeof f->err), 0);
	free(ev);
	assert_quantity(f, pid, "9");
	assert_int_equal(list_unbondings(f, 0, true, &ul), 1);
	assert_int_equal(ul[0].id, a.id);
	free(ul);

	/* claim a, then undo the claim: pending again */
	assert_int_equal(store_claim(f->s, pid, a.available_at, &claimed, f->err, sizeof f->err), 0);
	n = list_events(f, pid, &ev);
	assert_int_equal(ev[n - 1].type, EVENT_CLAIM);
	/* the request of a claimed unbonding cannot be removed */
	assert_int_equal(store_event_remove(f->s, ev[1].id, NULL, T0, f->err, sizeof f->err), -1);
	ASSERT_ERR(f, "event %lld requested unbonding %lld, which is claimed: remove its claim"
	           " event first", (long long)ev[1].id, (long long)a.id);
	assert_int_equal(store_event_remove(f->s, ev[n - 1].id, NULL, a.available_at + 1, f->err,
	                                    sizeof f->err), 0);
	free(ev);
	assert_int_equal(list_unbondings(f, pid, false, &ul), 1);
	assert_false(ul[0].claimed);
	assert_int_equal(ul[0].claimed_at, 0);
	free(ul);
	assert_quantity(f, pid, "9");
}

/* --- listing and transactions ------------------------------------------------ */

static void unbondings__all_positions_by_due_time(void **state)
{
	struct fx *f = *state;
	int64_t p1 = add_position(f, "10", NULL), p2 = add_position(f, "10", NULL);
	struct unbonding *ul;

	unbond(f, p1, "1", T0 + 100);
	unbond(f, p2, "2", T0);
	assert_int_equal(list_unbondings(f, 0, false, &ul), 2);
	assert_int_equal(ul[0].position_id, p2);
	assert_int_equal(ul[1].position_id, p1);
	free(ul);
	assert_int_equal(list_unbondings(f, p1, false, &ul), 1);
	free(ul);
	assert_int_equal(list_unbondings(f, 999, true, &ul), 0);
	assert_null(ul);
}

static void writes__join_the_callers_transaction(void **state)
{
	struct fx *f = *state;
	int64_t pid = add_position(f, "0", NULL);
	struct event *ev;

	assert_int_equal(store_begin(f->s, f->err, sizeof f->err), 0);
	add_event(f, pid, EVENT_STAKE, "10", T0);
	assert_int_equal(try_event(f, pid, EVENT_WITHDRAW, "11"), -1); /* undoes only itself */
	assert_quantity(f, pid, "10");
	assert_int_equal(store_rollback(f->s, f->err, sizeof f->err), 0);
	assert_quantity(f, pid, "0");
	assert_int_equal(list_events(f, pid, &ev), 0);
}

/* A withdraw dated in the past must find the units held then: 10 staked a
 * day before T0, 5 more at T0. 12 at T0 − 3600 finds 10: refused, nothing
 * written; 8 then is fine (10 − 8 = 2, then + 5 = 7), with its price kept;
 * then 3 at T0 − 1800 would leave 2 − 3 = −1 at that point: refused; 3
 * at T0 − 7200 finds 10 but leaves the later withdraw of 8 short. */
static void withdraw__dated__must_find_the_units_held_then(void **state)
{
	struct fx *f = *state;
	int64_t pid = add_position(f, "10", NULL);
	struct event *ev, w;
	size_t n;

	add_event(f, pid, EVENT_STAKE, "10", T0 - 86400);
	add_event(f, pid, EVENT_STAKE, "5", T0);
	assert_int_equal(try_event_at(f, pid, EVENT_WITHDRAW, "12", T0 - 3600), -1);
	ASSERT_ERR(f, "withdraw 12 at 2026-11-25T07:00:00Z > position %lld held 10 then",
	           (long long)pid);
	assert_quantity(f, pid, "15");
	memset(&w, 0, sizeof w);
	w.position_id = pid;
	w.type = EVENT_WITHDRAW;
	w.has_amount = true;
	w.amount = dec("8");
	w.ts = T0 - 3600;
	w.has_price = true;
	w.price = dec("150.5");
	assert_int_equal(store_event_add(f->s, &w, f->err, sizeof f->err), 0);
	assert_quantity(f, pid, "7"); /* 15 − 8 */
	assert_int_equal(try_event_at(f, pid, EVENT_WITHDRAW, "3", T0 - 1800), -1);
	ASSERT_ERR(f, "withdraw 3 at 2026-11-25T07:30:00Z > position %lld held 2 then",
	           (long long)pid);
	/* 3 at T0 − 7200 leaves 10 − 3 = 7, then 7 − 8 = −1 at the withdraw
	 * of 8: refused */
	assert_int_equal(try_event_at(f, pid, EVENT_WITHDRAW, "3", T0 - 7200), -1);
	ASSERT_ERR(f, "withdraw 3 at 2026-11-25T06:00:00Z would leave position %lld below zero"
	           " at a later event (%lld)", (long long)pid, (long long)w.id);
	assert_quantity(f, pid, "7");
	n = list_events(f, pid, &ev);
	assert_int_equal(n, 3);
	assert_int_equal(ev[1].type, EVENT_WITHDRAW);  /* log order: by time */
	assert_true(ev[1].has_price);
	assert_dec(ev[1].price, "150.5");
	free(ev);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(events__stake_minus_unbond__exact_quantity),
		T(events__eighteen_decimals_round_trip),
		T(events__opening_quantity_and_outside_edit_are_kept),
		T(events__first_stake_opens_the_log),
		T(events__adjust_negative_stored_as_text),
		T(events__refused_kinds_and_amounts),
		T(events__rebasing_shares_scale_with_quantity),
		T(unbond__above_holdings__refused_and_nothing_written),
		T(claim__before_due__refused_with_next_time),
		T(claim__at_due_second__claims_and_records_event),
		T(remove__recomputes_and_stays_listed),
		T(remove__refused_when_quantity_would_go_negative),
		T(remove__unbond_and_claim_events_follow_their_unbonding),
		T(unbondings__all_positions_by_due_time),
		T(writes__join_the_callers_transaction),
		T(withdraw__dated__must_find_the_units_held_then),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
