/* test_io.c — data/export.c and data/import.c on real SQLite files: a JSON
 * and a CSV round trip compared field by field (exact quantities, the same
 * doubles bit for bit, NULLs, text with commas, quotes, line breaks and
 * UTF-8); positions and prices CSVs; a bad row refuses the whole file with
 * its line and reason and writes nothing; hostile bytes and huge numbers;
 * and the online backup. */
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

#include "data/backup.h"
#include "data/events_db.h"
#include "data/export.h"
#include "data/import.h"
#include "data/loans_db.h"
#include "data/observations_db.h"
#include "data/positions_db.h"
#include "data/snapshots_db.h"
#include "data/store_priv.h"
#include "data/tables.h"

#define NOW INT64_C(1795593600) /* 2026-11-25T08:00:00Z */

struct fx {
	struct tmpdb db, db2;
	struct store *s, *s2;
	char err[512];
	struct asset assets[3];
	struct catalog cat;
	char path[600];
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f || tmpdb_make_open(&f->db, "io", &f->s, f->err, sizeof f->err) < 0) {
		free(f);
		return -1;
	}
	if (tmpdb_make_open(&f->db2, "io2", &f->s2, f->err, sizeof f->err) < 0) {
		store_close(f->s);
		tmpdb_remove(&f->db);
		free(f);
		return -1;
	}
	static const char *const sym[] = { "ETH", "stETH", "wstETH" };
	for (int i = 0; i < 3; i++) {
		snprintf(f->assets[i].symbol, SYM_MAX, "%s", sym[i]);
		f->assets[i].decimals = 18;
		f->assets[i].kind = i ? ASSET_LIQUID : ASSET_NATIVE;
		f->assets[i].model = i == 0 ? MODEL_NATIVE : i == 1 ? MODEL_REBASING : MODEL_REWARD_BEARING;
	}
	snprintf(f->assets[1].share_rate_from, SYM_MAX, "wstETH");
	f->cat = (struct catalog){ f->assets, 3 };
	snprintf(f->path, sizeof f->path, "%s/in", f->db2.dir);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	store_close(f->s);
	store_close(f->s2);
	tmpdb_remove(&f->db);
	tmpdb_remove(&f->db2);
	free(f);
	return 0;
}

static void write_file(const char *path, const char *text, size_t len)
{
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, len, fp), len);
	fclose(fp);
}

/* A store with every table filled, the awkward values included. */
static void fill(struct fx *f)
{
	struct position p;
	memset(&p, 0, sizeof p);
	snprintf(p.account, sizeof p.account, "ledger, \"cold\"");
	snprintf(p.asset, sizeof p.asset, "wstETH");
	assert_int_equal(dec_parse("123.456789012345678901", 18, &p.quantity, NULL, 0), 0);
	assert_int_equal(dec_parse("0.000000000000000001", 18, &p.cost_basis, NULL, 0), 0);
	p.has_cost_basis = true;
	snprintf(p.note, sizeof p.note, "line one; two, with \"quotes\" and caf\xc3\xa9");
	snprintf(p.opened, sizeof p.opened, "2024-03-02");
	p.created_at = p.updated_at = NOW - 1000;
	assert_int_equal(store_position_add(f->s, &p, f->err, sizeof f->err), 0);
	struct event ev = { .position_id = p.id, .type = EVENT_STAKE, .has_amount = true,
		            .amount = p.quantity, .ts = NOW - 900 };
	assert_int_equal(store_event_add(f->s, &ev, f->err, sizeof f->err), 0);
	struct event adj = { .position_id = p.id, .type = EVENT_ADJUST, .has_amount = true,
		             .ts = NOW - 800 };
	assert_int_equal(event_amount_parse(EVENT_ADJUST, "-0.000000000000000001", 18, &adj.amount,
	                                    NULL, 0), 0);
	assert_int_equal(store_event_add(f->s, &adj, f->err, sizeof f->err), 0);
	assert_int_equal(store_event_remove(f->s, adj.id, "typo", NOW - 700, f->err, sizeof f->err), 0);
	struct unbond_eta eta;
	memset(&eta, 0, sizeof eta);
	eta.available_at = NOW + 86400;
	snprintf(eta.basis, sizeof eta.basis, "queue, 1 day");
	dec_t one = dec_from_int(1);
	assert_int_equal(store_unbond_request(f->s, p.id, one, NOW - 600, &eta, NULL, f->err,
	                                      sizeof f->err), 0);
	struct observation o[2] = {
		{ .asset = "ETH", .kind = OBS_PRICE, .source = "coingecko", .ts = NOW - 60,
		  .value = 0.1 + 0.2 }, /* 0.30000000000000004 */
		{ .asset = "wstETH", .kind = OBS_RATE, .source = "eth_rpc", .ts = NOW - 60,
		  .value = 1.2150000000000001 },
	};
	assert_int_equal(store_observations_add(f->s, o, 2, NOW, f->err, sizeof f->err), 0);
	struct snapshot sn = { .ts = NOW, .position_id = p.id, .has_quantity = true,
		               .quantity = p.quantity, .nav = { true, 1e-300 },
		               .market_value = { true, 123456789.123456789 } };
	assert_int_equal(store_snapshot_put(f->s, &sn, f->err, sizeof f->err), 0);
	/* a looped position: a threshold with no short decimal form, and a note
	 * with a comma and a quote for the CSV */
	struct loan l = { .account = "aave", .collateral = "wstETH", .debt = "ETH",
		          .liq_threshold = 0.8100000000000001, .note = "loop, \"x2\"",
		          .created_at = NOW };
	assert_int_equal(dec_parse("10.000000000000000001", 18, &l.collateral_amount, f->err,
	                           sizeof f->err), 0);
	assert_int_equal(dec_parse("8", 18, &l.debt_amount, f->err, sizeof f->err), 0);
	assert_int_equal(store_loan_add(f->s, &l, NULL, f->err, sizeof f->err), 0);
}

/* Every row and column of every table alike in both stores. */
static void same_tables(struct store *a, struct store *b)
{
	for (size_t t = 0; t < io_n_tables; t++) {
		sqlite3_stmt *x, *y;
		assert_int_equal(sqlite3_prepare_v2(store_handle(a), io_tables[t].select, -1, &x, NULL), 0);
		assert_int_equal(sqlite3_prepare_v2(store_handle(b), io_tables[t].select, -1, &y, NULL), 0);
		size_t rows = 0;
		for (;;) {
			int sx = sqlite3_step(x), sy = sqlite3_step(y);
			assert_int_equal(sx, sy);
			if (sx != SQLITE_ROW)
				break;
			rows++;
			for (int c = 0; c < (int)io_tables[t].n_cols; c++) {
				int tx = sqlite3_column_type(x, c), ty = sqlite3_column_type(y, c);
				if (tx != ty)
					print_error("%s.%s: type %d vs %d\n", io_tables[t].name,
					            io_tables[t].cols[c].name, tx, ty);
				assert_int_equal(tx, ty);
				if (tx == SQLITE_FLOAT) {
					double dx = sqlite3_column_double(x, c), dy = sqlite3_column_double(y, c);
					assert_memory_equal(&dx, &dy, sizeof dx);
				} else if (tx != SQLITE_NULL) {
					assert_string_equal(sqlite3_column_text(x, c), sqlite3_column_text(y, c));
				}
			}
		}
		assert_true(rows > 0);
		sqlite3_finalize(x);
		sqlite3_finalize(y);
	}
}

static void round_trip__json__field_by_field(void **state)
{
	struct fx *f = *state;
	fill(f);
	FILE *out = fopen(f->path, "w");
	assert_non_null(out);
	assert_int_equal(store_export_json(f->s, NULL, out, f->err, sizeof f->err), 0);
	fclose(out);
	struct import_result r;
	int rc = store_import_path(f->s2, &f->cat, f->path, NOW, &r, f->err, sizeof f->err);
	if (rc)
		print_error("%s\n", f->err);
	assert_int_equal(rc, 0);
	assert_string_equal(r.what, "export");
	/* 1 position, 3 events (stake, removed adjust, unbond), 1 unbonding,
	 * 2 observations, 1 snapshot, 1 loan */
	assert_int_equal(r.rows, 9);
	same_tables(f->s, f->s2);
	/* again: the ids are taken, so the whole import is refused */
	assert_int_equal(store_import_path(f->s2, &f->cat, f->path, NOW, &r, f->err, sizeof f->err), -1);
	assert_non_null(strstr(f->err, "positions[0]: UNIQUE constraint failed: positions.id"));
}

static void round_trip__csv_directory__field_by_field(void **state)
{
	struct fx *f = *state;
	fill(f);
	char dir[700];
	snprintf(dir, sizeof dir, "%s/csv", f->db2.dir);
	assert_int_equal(store_export_csv_dir(f->s, dir, f->err, sizeof f->err), 0);
	struct import_result r;
	assert_int_equal(store_import_path(f->s2, &f->cat, dir, NOW, &r, f->err, sizeof f->err), 0);
	assert_int_equal(r.rows, 9);   /* as the JSON round trip: the loan too */
	same_tables(f->s, f->s2);
}

static int64_t count(struct store *s, const char *table)
{
	char sql[128];
	sqlite3_stmt *st;
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	assert_int_equal(sqlite3_prepare_v2(store_handle(s), sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int64_t n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void positions_csv__any_order_optional_columns(void **state)
{
	struct fx *f = *state;
	const char in[] = "note,amount,asset,opened\n"
	                  "\"cold, storage\",1.000000000000000001,wsteth,2024-03-02\n"
	                  ",32,ETH,\n";
	write_file(f->path, in, sizeof in - 1);
	struct import_result r;
	assert_int_equal(store_import_path(f->s2, &f->cat, f->path, NOW, &r, f->err, sizeof f->err), 0);
	assert_string_equal(r.what, "positions");
	assert_int_equal(r.rows, 2);
	struct position p;
	assert_int_equal(store_position_get(f->s2, 1, &p, f->err, sizeof f->err), 0);
	char q[DEC_STR_MAX];
	dec_format(p.quantity, q, sizeof q);
	assert_string_equal(q, "1.000000000000000001");
	assert_string_equal(p.asset, "wstETH");        /* the catalog's case */
	assert_string_equal(p.account, "default");
	assert_string_equal(p.note, "cold, storage");
	assert_string_equal(p.opened, "2024-03-02");
	/* its opening stake is at the opened date: 2024-03-02 = 1709337600 */
	struct event *ev;
	size_t n;
	assert_int_equal(store_events_list(f->s2, 1, &ev, &n, f->err, sizeof f->err), 0);
	assert_int_equal(n, 1);
	assert_true(ev[0].type == EVENT_STAKE && ev[0].ts == 1709337600);
	free(ev);
}

static void prices_csv__become_observations(void **state)
{
	struct fx *f = *state;
	const char in[] = "date,asset,price,source\n2024-01-01,ETH,2281.5,my-sheet\n"
	                  "2024-01-02T12:00:00Z,steth,2279,\n";
	write_file(f->path, in, sizeof in - 1);
	struct import_result r;
	assert_int_equal(store_import_path(f->s2, &f->cat, f->path, NOW, &r, f->err, sizeof f->err), 0);
	assert_string_equal(r.what, "prices");
	assert_int_equal(r.rows, 2);
	struct observation o;
	/* 2024-01-01 = 1704067200 */
	assert_int_equal(store_observation_at(f->s2, "ETH", OBS_PRICE, 1704067200, &o, f->err,
	                                      sizeof f->err), 0);
	assert_true(o.value == 2281.5 && o.ts == 1704067200);
	assert_string_equal(o.source, "my-sheet");
	assert_int_equal(store_observation_at(f->s2, "stETH", OBS_PRICE, NOW, &o, f->err,
	                                      sizeof f->err), 0);
	assert_string_equal(o.source, "import");
	assert_true(o.ts == 1704067200 + 86400 + 43200);
}

/* The file is refused with want in the message, and nothing is written. */
static void refused(struct fx *f, const char *text, size_t len, const char *want)
{
	struct import_result r;
	write_file(f->path, text, len);
	f->err[0] = 0;
	assert_int_equal(store_import_path(f->s2, &f->cat, f->path, NOW, &r, f->err, sizeof f->err), -1);
	if (!strstr(f->err, want))
		print_error("got '%s', want '%s'\n", f->err, want);
	assert_non_null(strstr(f->err, want));
	for (const char *p = f->err; *p; p++)
		assert_true((unsigned char)*p >= 0x20 && (unsigned char)*p != 0x7f);
	assert_int_equal(count(f->s2, "positions"), 0);
	assert_int_equal(count(f->s2, "events"), 0);
	assert_int_equal(count(f->s2, "observations"), 0);
	assert_int_equal(count(f->s2, "accounts"), 0);
}

#define REFUSED(f, lit, want) refused(f, lit, sizeof lit - 1, want)

static void bad_rows__refuse_the_whole_file(void **state)
{
	struct fx *f = *state;
	/* the good first row is not written either */
	REFUSED(f, "asset,amount\nETH,1\nETH,1e5\n", ":3: amount: not a plain decimal");
	REFUSED(f, "asset,amount\nETH,1\nNOPE,1\n", ":3: no asset 'NOPE' in the catalog");
	REFUSED(f, "asset,amount\nETH,1\n\x1b[2J,1\n", ":3: no asset '?[2J' in the catalog");
	REFUSED(f, "asset,amount,note\nETH,1,ok\nETH,2,bell\x07\n", ":3: account or note: control");
	REFUSED(f, "asset,amount,note\nETH,1,\xff\xfe\n", ":2: account or note: control characters, invalid UTF-8");
	REFUSED(f, "asset,amount\nETH,123456789012345678901234567890\n", ":2: amount: too many digits");
	REFUSED(f, "asset,amount\nETH,0\n", ":2: amount: must be more than 0");
	REFUSED(f, "asset,amount\nETH,-1\n", ":2: amount: negative amounts are not allowed");
	REFUSED(f, "asset,amount,colour\nETH,1,red\n", ":1: unknown or repeated column 'colour'");
	REFUSED(f, "asset,amount,asset\nETH,1,ETH\n", "unknown or repeated column 'asset'");
	REFUSED(f, "asset,amount\nETH,1,2\n", ":2: 3 fields, the header has 2");
	REFUSED(f, "asset,amount,kind\nwstETH,1,native\n", ":2: kind 'native' is not wstETH's (liquid, or idle)");
	REFUSED(f, "asset,amount,opened\nETH,1,2099-01-01\n", ":2: opened: expected a past date");
	REFUSED(f, "asset,amount\nETH,\"1\n", ":2: unterminated quote");
	REFUSED(f, "date,asset,price\n2024-01-01,ETH,1e400\n", ":2: price: not a number");
	REFUSED(f, "date,asset,price\n2024-01-01,ETH,nan\n", ":2: price: not finite");
	REFUSED(f, "date,asset,price\n2024-01-01,ETH,-5\n", ":2: price: zero or negative");
	REFUSED(f, "date,asset,price\n2024-01-01,ETH,5\n2024-02-30,ETH,5\n", ":3: date: expected");
	REFUSED(f, "date,asset,price,source\n2024-01-01,ETH,5,\x1b]0;pwn\x07\n", ":2: source: control");
	REFUSED(f, "foo,bar\n1,2\n", ":1: not an export, a positions CSV");
	REFUSED(f, "", ": empty");
	/* JSON exports: a bad field names the table, row and column */
	REFUSED(f, "{\"format\":\"staketop-export\",\"positions\":[{\"id\":1,\"account\":\"a\","
	        "\"asset\":\"ETH\",\"quantity\":\"1.5e3\",\"idle\":0,\"origin\":\"manual\","
	        "\"created_at\":1,\"updated_at\":1}]}",
	        "positions[0]: quantity: not a plain decimal");
	REFUSED(f, "{\"format\":\"staketop-export\",\"positions\":[{\"id\":1e300,\"account\":\"a\","
	        "\"asset\":\"ETH\",\"quantity\":\"1\",\"idle\":0,\"origin\":\"manual\","
	        "\"created_at\":1,\"updated_at\":1}]}",
	        "positions[0]: id: not a whole number in range");
	REFUSED(f, "{\"format\":\"staketop-export\",\"positions\":[{\"id\":1,\"account\":\"a\\u001b\","
	        "\"asset\":\"ETH\",\"quantity\":\"1\",\"idle\":0,\"origin\":\"manual\","
	        "\"created_at\":1,\"updated_at\":1}]}",
	        "positions[0]: account: control characters");
	REFUSED(f, "{\"format\":\"staketop-export\",\"observations\":[{\"id\":1,\"asset\":\"ETH\","
	        "\"kind\":\"gossip\",\"source\":\"x\",\"ts\":1,\"value\":1,\"fetched_at\":1}]}",
	        "observations[0]: CHECK constraint failed");
	REFUSED(f, "{\"format\":\"staketop-export\",\"events\":[{\"id\":1,\"position_id\":42,"
	        "\"type\":\"stake\",\"amount\":\"1\",\"ts\":1}]}",
	        "events[0]: FOREIGN KEY constraint failed");
	REFUSED(f, "{\"positions\":[]}", "not a staketop export");
	REFUSED(f, "{\"format\":\"staketop-export\",", "not a JSON object");
}

static void backup__copy_has_everything_and_passes_integrity_check(void **state)
{
	struct fx *f = *state;
	fill(f);
	char dest[700];
	snprintf(dest, sizeof dest, "%s/copy.db", f->db2.dir);
	assert_int_equal(store_backup(f->s, dest, 0, f->err, sizeof f->err), 0);
	struct store *c;
	assert_int_equal(store_open(dest, &c, f->err, sizeof f->err), 0);
	same_tables(f->s, c);
	store_close(c);
	/* an existing file is kept unless asked */
	assert_int_equal(store_backup(f->s, dest, 0, f->err, sizeof f->err), -1);
	assert_non_null(strstr(f->err, "exists"));
	assert_int_equal(store_backup(f->s, dest, 1, f->err, sizeof f->err), 0);
	assert_int_equal(store_backup(f->s, f->db.path, 1, f->err, sizeof f->err), -1);
	assert_non_null(strstr(f->err, "is the database itself"));
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(round_trip__json__field_by_field),
		T(round_trip__csv_directory__field_by_field),
		T(positions_csv__any_order_optional_columns),
		T(prices_csv__become_observations),
		T(bad_rows__refuse_the_whole_file),
		T(backup__copy_has_everything_and_passes_integrity_check),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
