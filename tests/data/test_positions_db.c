/* test_positions_db.c — data/positions_db.c against a real SQLite file in a
 * fresh temporary directory per test (removed afterwards). */
#include "tests/data/tmpdb.h" /* first: it may define _XOPEN_SOURCE */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "data/positions_db.h"
#include "data/store.h"
#include "data/store_priv.h"
#include "positions/decimal.h"
#include "positions/position.h"

struct fx {
	struct tmpdb db;
	struct store *s;
	char err[512];
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);

	if (!f || tmpdb_make_open(&f->db, "pos", &f->s, f->err, sizeof f->err) < 0) {
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

static dec_t dec(const char *s)
{
	dec_t d;
	char err[128];

	assert_int_equal(dec_parse(s, 18, &d, err, sizeof err), 0);
	return d;
}

static void assert_dec(dec_t d, const char *expected)
{
	char buf[DEC_STR_MAX];

	dec_format(d, buf, sizeof buf);
	assert_string_equal(buf, expected);
}

static struct position manual(const char *account, const char *asset, const char *qty)
{
	struct position p;

	memset(&p, 0, sizeof p);
	snprintf(p.account, sizeof p.account, "%s", account);
	snprintf(p.asset, sizeof p.asset, "%s", asset);
	p.quantity = dec(qty);
	p.origin = ORIGIN_MANUAL;
	return p;
}

static void add_ok(struct fx *f, struct position *p)
{
	int rc = store_position_add(f->s, p, f->err, sizeof f->err);

	if (rc != 0)
		print_error("store_position_add: %s\n", f->err);
	assert_int_equal(rc, 0);
	assert_true(p->id > 0);
}

static long long count_rows(struct fx *f, const char *sql)
{
	sqlite3_stmt *st;
	long long n;

	assert_int_equal(sqlite3_prepare_v2(store_handle(f->s), sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Change the file behind the store's back, from a second connection. */
static void tamper(struct fx *f, const char *sql, int64_t id)
{
	sqlite3 *db;
	sqlite3_stmt *st;

	assert_int_equal(sqlite3_open(f->db.path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_bind_int64(st, 1, id), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_close(db), SQLITE_OK);
}

static void store_position_add__round_trips__exact_quantity(void **state)
{
	struct fx *f = *state;
	struct position p = manual("main", "wstETH", "123.456789012345678901"), got;

	add_ok(f, &p);
	assert_int_equal(store_position_get(f->s, p.id, &got, f->err, sizeof f->err), 0);
	assert_dec(got.quantity, "123.456789012345678901");
	assert_int_equal(dec_cmp(got.quantity, p.quantity), 0);
	/* and it is stored as that exact text */
	assert_int_equal(count_rows(f, "SELECT count(*) FROM positions"
	                               " WHERE quantity = '123.456789012345678901'"), 1);
}

static void store_position_add__round_trips__every_field(void **state)
{
	struct fx *f = *state;
	struct position p = manual("cold wallet", "stETH", "32"), got;

	p.has_shares = true;
	p.shares = dec("27.123456789012345678");
	p.idle = true;
	p.origin = ORIGIN_CHAIN;
	snprintf(p.address, sizeof p.address, "0x00000000219ab540356cBB839Cbe05303d7705Fa");
	p.read_at = 1764000000;
	snprintf(p.opened, sizeof p.opened, "2024-03-01");
	p.has_cost_basis = true;
	p.cost_basis = dec("98765.43");
	snprintf(p.note, sizeof p.note, "ledger, «note» with UTF-8");
	p.created_at = 1700000000;
	p.updated_at = 1700000001;
	add_ok(f, &p);

	assert_int_equal(store_position_get(f->s, p.id, &got, f->err, sizeof f->err), 0);
	assert_int_equal(got.id, p.id);
	assert_string_equal(got.account, "cold wallet");
	assert_string_equal(got.asset, "stETH");
	assert_dec(got.quantity, "32");
	assert_true(got.has_shares);
	assert_dec(got.shares, "27.123456789012345678");
	assert_true(got.idle);
	assert_int_equal(got.origin, ORIGIN_CHAIN);
	assert_string_equal(got.address, p.address);
	assert_int_equal(got.read_at, 1764000000);
	assert_string_equal(got.opened, "2024-03-01");
	assert_true(got.has_cost_basis);
	assert_dec(got.cost_basis, "98765.43");
	assert_string_equal(got.note, p.note);
	assert_int_equal(got.created_at, 1700000000);
	assert_int_equal(got.updated_at, 1700000001);
}

static void store_position_add__sets__id_and_times(void **state)
{
	struct fx *f = *state;
	struct position a = manual("main", "ETH", "1"), b = manual("main", "ETH", "2"), got;
	const int64_t before = (int64_t)time(NULL);

	add_ok(f, &a);
	add_ok(f, &b);
	assert_true(b.id > a.id);
	assert_true(a.created_at >= before && a.created_at <= (int64_t)time(NULL));
	assert_int_equal(a.updated_at, a.created_at);
	assert_int_equal(store_position_get(f->s, a.id, &got, f->err, sizeof f->err), 0);
	assert_false(got.has_shares);
	assert_false(got.has_cost_basis);
	assert_false(got.idle);
	assert_int_equal(got.origin, ORIGIN_MANUAL);
	assert_string_equal(got.address, "");
	assert_string_equal(got.note, "");
	assert_int_equal(got.read_at, 0);
	assert_int_equal(got.created_at, a.created_at);
}

static void store_position_add__reuses__account_by_name(void **state)
{
	struct fx *f = *state;
	struct position a = manual("cold", "ETH", "1"), b = manual("hot", "SOL", "2"),
	                c = manual("cold", "rETH", "3");

	add_ok(f, &a);
	add_ok(f, &b);
	add_ok(f, &c);
	assert_int_equal(count_rows(f, "SELECT count(*) FROM accounts"), 2);
	assert_int_equal(count_rows(f, "SELECT count(DISTINCT account_id) FROM positions"), 2);
}

static void store_position_add__refuses__what_it_could_not_read_back(void **state)
{
	struct fx *f = *state;
	struct position p = manual("", "ETH", "1");
	int64_t n = -1;

	assert_int_equal(store_position_add(f->s, &p, f->err, sizeof f->err), -1);
	assert_string_equal(f->err, "position has no account");
	p = manual("main", "ETH", "1");
	assert_int_equal(dec_sub(dec_zero(), dec("5"), &p.quantity), 0); /* -5 */
	assert_int_equal(store_position_add(f->s, &p, f->err, sizeof f->err), -1);
	assert_string_equal(f->err, "position quantity is negative");
	assert_int_equal(store_positions_count(f->s, &n, f->err, sizeof f->err), 0);
	assert_int_equal(n, 0);
}

static void store_positions_list__orders__by_id(void **state)
{
	struct fx *f = *state;
	const char *assets[] = { "ETH", "stETH", "wstETH", "rETH" };
	struct position p[4];
	struct position_list l;

	for (int i = 0; i < 4; i++) {
		p[i] = manual(i % 2 ? "b" : "a", assets[i], "1.5");
		add_ok(f, &p[i]);
	}
	assert_int_equal(store_position_remove(f->s, p[1].id, f->err, sizeof f->err), 0);
	assert_int_equal(store_positions_list(f->s, &l, f->err, sizeof f->err), 0);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.v[0].id, p[0].id);
	assert_int_equal(l.v[1].id, p[2].id);
	assert_int_equal(l.v[2].id, p[3].id);
	assert_string_equal(l.v[0].asset, "ETH");
	assert_string_equal(l.v[1].asset, "wstETH");
	assert_string_equal(l.v[2].account, "b");
	position_list_free(&l);
}

static void store_positions_list__empty__gives_empty_list(void **state)
{
	struct fx *f = *state;
	struct position_list l;

	assert_int_equal(store_positions_list(f->s, &l, f->err, sizeof f->err), 0);
	assert_int_equal(l.n, 0);
	position_list_free(&l);
}

static void store_positions_count__counts(void **state)
{
	struct fx *f = *state;
	struct position p = manual("a", "ETH", "1");
	int64_t n = -1;

	assert_int_equal(store_positions_count(f->s, &n, f->err, sizeof f->err), 0);
	assert_int_equal(n, 0);
	for (int i = 0; i < 5; i++) {
		p.created_at = p.updated_at = 0;
		add_ok(f, &p);
	}
	assert_int_equal(store_positions_count(f->s, &n, f->err, sizeof f->err), 0);
	assert_int_equal(n, 5);
}

static void store_position_update__changes__every_field(void **state)
{
	struct fx *f = *state;
	struct position p = manual("a", "ETH", "1"), got;

	p.created_at = 1000;
	p.updated_at = 1000;
	add_ok(f, &p);
	snprintf(p.account, sizeof p.account, "new account");
	p.quantity = dec("2.000000000000000001");
	p.has_cost_basis = true;
	p.cost_basis = dec("4000");
	snprintf(p.note, sizeof p.note, "topped up");
	p.created_at = 0; /* 0: keep the stored one */
	assert_int_equal(store_position_update(f->s, &p, f->err, sizeof f->err), 0);
	assert_int_equal(store_position_get(f->s, p.id, &got, f->err, sizeof f->err), 0);
	assert_string_equal(got.account, "new account");
	assert_dec(got.quantity, "2.000000000000000001");
	assert_dec(got.cost_basis, "4000");
	assert_string_equal(got.note, "topped up");
	assert_int_equal(got.created_at, 1000);
	assert_true(got.updated_at > 1000);
	/* and back to no cost basis, no note */
	p.has_cost_basis = false;
	p.note[0] = '\0';
	assert_int_equal(store_position_update(f->s, &p, f->err, sizeof f->err), 0);
	assert_int_equal(store_position_get(f->s, p.id, &got, f->err, sizeof f->err), 0);
	assert_false(got.has_cost_basis);
	assert_string_equal(got.note, "");
}

static void store_position_patch__stale_version__writes_nothing(void **state)
{
	struct fx *f = *state;
	struct position p = manual("a", "ATOM", "1000"), read1, edit, got;

	add_ok(f, &p);
	assert_int_equal(store_position_get(f->s, p.id, &read1, f->err, sizeof f->err), 0);
	/* another writer moves the quantity (as an unbond does): 1000 → 999 */
	got = read1;
	got.quantity = dec("999");
	assert_int_equal(store_position_update(f->s, &got, f->err, sizeof f->err), 0);
	/* an edit of the note from the row read before: refused, *stored is now */
	edit = read1;
	snprintf(edit.note, sizeof edit.note, "x");
	assert_int_equal(store_position_patch(f->s, &edit, POS_F_NOTE, read1.version, &got,
	                                      f->err, sizeof f->err), 1);
	assert_dec(got.quantity, "999");
	assert_string_equal(got.note, "");
	assert_true(got.version != read1.version);
	assert_int_equal(position_diff(&read1, &got), POS_F_QUANTITY);
	/* from the row as it is now: the note only, the quantity stays 999 */
	edit = got;
	snprintf(edit.note, sizeof edit.note, "x");
	edit.quantity = dec("1000"); /* a stale quantity is never written */
	assert_int_equal(store_position_patch(f->s, &edit, POS_F_NOTE, got.version, &read1,
	                                      f->err, sizeof f->err), 0);
	assert_int_equal(store_position_get(f->s, p.id, &got, f->err, sizeof f->err), 0);
	assert_dec(got.quantity, "999");
	assert_string_equal(got.note, "x");
	assert_true(got.version != read1.version);
	/* the quantity is not a patch field */
	assert_int_equal(store_position_patch(f->s, &edit, POS_F_QUANTITY, got.version, &read1,
	                                      f->err, sizeof f->err), -1);
}

static void position_diff_describe__names_what_changed(void **state)
{
	struct position a = manual("a", "ATOM", "1000"), b = a;
	char buf[128];

	(void)state;
	b.quantity = dec("999");
	snprintf(b.note, sizeof b.note, "x");
	position_diff_describe(position_diff(&a, &b), &a, &b, buf, sizeof buf);
	assert_string_equal(buf, "quantity 1000 -> 999, note");
	position_diff_describe(0, &a, &b, buf, sizeof buf);
	assert_string_equal(buf, "");
}

static void store_position_update__absent_id__says_no_position(void **state)
{
	struct fx *f = *state;
	struct position p = manual("a", "ETH", "1");

	p.id = 42;
	assert_int_equal(store_position_update(f->s, &p, f->err, sizeof f->err), -1);
	assert_string_equal(f->err, "no position 42");
	/* the account it would have made is not left behind */
	assert_int_equal(count_rows(f, "SELECT count(*) FROM accounts"), 0);
}

static void store_position_update__absent_in_transaction__undoes_only_itself(void **state)
{
	struct fx *f = *state;
	struct position a = manual("kept", "ETH", "1"), b = manual("gone", "ETH", "1");

	assert_int_equal(store_begin(f->s, f->err, sizeof f->err), 0);
	add_ok(f, &a);
	b.id = a.id + 100;
	assert_int_equal(store_position_update(f->s, &b, f->err, sizeof f->err), -1);
	assert_string_equal(f->err, "no position 101");
	assert_int_equal(store_commit(f->s, f->err, sizeof f->err), 0);
	assert_int_equal(count_rows(f, "SELECT count(*) FROM positions"), 1);
	assert_int_equal(count_rows(f, "SELECT count(*) FROM accounts WHERE name = 'gone'"), 0);
}

static void store_position_remove__absent_id__says_no_position(void **state)
{
	struct fx *f = *state;

	assert_int_equal(store_position_remove(f->s, 42, f->err, sizeof f->err), -1);
	assert_string_equal(f->err, "no position 42");
}

static void store_position_remove__removes__position_events_and_unbondings(void **state)
{
	struct fx *f = *state;
	struct position p = manual("a", "ATOM", "100"), got;
	sqlite3_stmt *st;

	add_ok(f, &p);
	assert_int_equal(sqlite3_prepare_v2(store_handle(f->s),
	                                    "INSERT INTO events(position_id, type, amount, ts)"
	                                    " VALUES(?1, 'stake', '100', 1)", -1, &st, NULL),
	                 SQLITE_OK);
	sqlite3_bind_int64(st, 1, p.id);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(store_handle(f->s),
	                                    "INSERT INTO unbondings(position_id, amount,"
	                                    " requested_at, status) VALUES(?1, '5', 2, 'pending')",
	                                    -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, p.id);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);

	assert_int_equal(store_position_remove(f->s, p.id, f->err, sizeof f->err), 0);
	assert_int_equal(store_position_get(f->s, p.id, &got, f->err, sizeof f->err), 1);
	assert_int_equal(count_rows(f, "SELECT count(*) FROM events"), 0);
	assert_int_equal(count_rows(f, "SELECT count(*) FROM unbondings"), 0);
}

static void store_position_get__absent__returns_1(void **state)
{
	struct fx *f = *state;
	struct position got;

	assert_int_equal(store_position_get(f->s, 7, &got, f->err, sizeof f->err), 1);
}

static void store_position_get__corrupt_quantity__names_position_and_column(void **state)
{
	struct fx *f = *state;
	struct position p = manual("a", "ETH", "1"), got;

	add_ok(f, &p);
	add_ok(f, &p); /* id 2: the one we break */
	tamper(f, "UPDATE positions SET quantity = '12..5' WHERE id = ?1", p.id);
	assert_int_equal(store_position_get(f->s, p.id, &got, f->err, sizeof f->err), -1);
	assert_non_null(strstr(f->err, "position 2"));
	assert_non_null(strstr(f->err, "quantity"));
	assert_non_null(strstr(f->err, "12..5"));
	/* position 1 still reads */
	assert_int_equal(store_position_get(f->s, 1, &got, f->err, sizeof f->err), 0);
}

static void store_positions_list__corrupt_cost_basis__fails_and_leaves_list_empty(void **state)
{
	struct fx *f = *state;
	struct position p = manual("a", "ETH", "1");
	struct position_list l;

	add_ok(f, &p);
	add_ok(f, &p);
	tamper(f, "UPDATE positions SET cost_basis = '1e5' WHERE id = ?1", p.id);
	assert_int_equal(store_positions_list(f->s, &l, f->err, sizeof f->err), -1);
	assert_non_null(strstr(f->err, "position 2"));
	assert_non_null(strstr(f->err, "cost_basis"));
	assert_null(l.v);
	assert_int_equal(l.n, 0);
}

static void store_position_add__reopen__keeps_positions(void **state)
{
	struct fx *f = *state;
	struct position p = manual("a", "JitoSOL", "0.000000000000000001"), got;

	add_ok(f, &p);
	store_close(f->s);
	f->s = NULL;
	assert_int_equal(store_open(f->db.path, &f->s, f->err, sizeof f->err), 0);
	assert_int_equal(store_position_get(f->s, p.id, &got, f->err, sizeof f->err), 0);
	assert_dec(got.quantity, "0.000000000000000001");
	assert_string_equal(got.asset, "JitoSOL");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(store_position_add__round_trips__exact_quantity),
		T(store_position_add__round_trips__every_field),
		T(store_position_add__sets__id_and_times),
		T(store_position_add__reuses__account_by_name),
		T(store_position_add__refuses__what_it_could_not_read_back),
		T(store_positions_list__orders__by_id),
		T(store_positions_list__empty__gives_empty_list),
		T(store_positions_count__counts),
		T(store_position_update__changes__every_field),
		T(store_position_update__absent_id__says_no_position),
		T(store_position_patch__stale_version__writes_nothing),
		T(position_diff_describe__names_what_changed),
		T(store_position_update__absent_in_transaction__undoes_only_itself),
		T(store_position_remove__absent_id__says_no_position),
		T(store_position_remove__removes__position_events_and_unbondings),
		T(store_position_get__absent__returns_1),
		T(store_position_get__corrupt_quantity__names_position_and_column),
		T(store_positions_list__corrupt_cost_basis__fails_and_leaves_list_empty),
		T(store_position_add__reopen__keeps_positions),
#undef T
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
