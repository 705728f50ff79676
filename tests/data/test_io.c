/* test_io.c — data/export.c and data/import.c on real SQLite files: a JSON
 * and a CSV round trip compared field by field over every exported table
 * (exact quantities, share rates and exact rates, the same doubles bit for
 * bit, NULLs, an empty label, text with commas, quotes, line breaks and
 * UTF-8, watches with their items, plans, alerts); older exports (a CSV
 * header or JSON rows without the later columns, a file without the later
 * tables); positions and prices CSVs; a bad row refuses the whole file
 * with its line and reason and writes nothing; hostile bytes, bad chains,
 * addresses and references, huge numbers; and the online backup. */
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

#include "data/alerts_db.h"
#include "data/backup.h"
#include "data/events_db.h"
#include "data/export.h"
#include "data/import.h"
#include "data/loans_db.h"
#include "data/observations_db.h"
#include "data/plans_db.h"
#include "data/positions_db.h"
#include "data/snapshots_db.h"
#include "data/store_priv.h"
#include "data/tables.h"
#include "data/watches_db.h"

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

/* The watched part: a rebasing stETH position read from a chain with its
 * shares and the exact share rate, an unbonding leaving it, two watches
 * (one with an empty label, a hold and a failed read), an item of each
 * kind (a stake; an exit, with its unbonding), a saved plan and alerts
 * (one ended and seen, one of the same key open). */
static void fill_watched(struct fx *f)
{
	struct position p;
	memset(&p, 0, sizeof p);
	snprintf(p.account, sizeof p.account, "hub");
	snprintf(p.asset, sizeof p.asset, "stETH");
	p.origin = ORIGIN_CHAIN;
	snprintf(p.address, sizeof p.address, "cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk363e");
	p.read_at = NOW - 100;
	assert_int_equal(dec_parse("12.5", 18, &p.quantity, NULL, 0), 0);
	/* 12.5 ÷ 1.215 = 10.288065843621399176… (18 decimals, truncated) */
	assert_int_equal(dec_parse("10.288065843621399176", 18, &p.shares, NULL, 0), 0);
	p.has_shares = true;
	snprintf(p.share_rate, sizeof p.share_rate, "1215000000000000000/1000000000000000000");
	p.created_at = p.updated_at = NOW - 500;
	assert_int_equal(store_position_add(f->s, &p, f->err, sizeof f->err), 0);
	struct event ev = { .position_id = p.id, .type = EVENT_STAKE, .has_amount = true,
		            .amount = p.quantity, .ts = NOW - 500 };
	assert_int_equal(store_event_add(f->s, &ev, f->err, sizeof f->err), 0);
	struct unbond_eta eta;
	memset(&eta, 0, sizeof eta);
	eta.available_at = NOW + 7 * 86400;
	snprintf(eta.basis, sizeof eta.basis, "read from the chain (exact)");
	struct unbonding u;
	assert_int_equal(store_unbond_request(f->s, p.id, dec_from_int(2), NOW - 400, &eta, &u,
	                                      f->err, sizeof f->err), 0);
	int64_t w1, w2;
	assert_int_equal(store_watch_add(f->s, WCHAIN_COSMOS, p.address, "hub, \"main\" caf\xc3\xa9",
	                                 NOW - 600, &w1, f->err, sizeof f->err), 0);
	assert_int_equal(store_watch_mark(f->s, w1, NOW - 100, "24123", NULL, 0, f->err,
	                                  sizeof f->err), 0);
	assert_int_equal(store_watch_add(f->s, WCHAIN_BEACON, "9", "", NOW - 600, &w2, f->err,
	                                 sizeof f->err), 0);
	assert_int_equal(store_watch_mark(f->s, w2, NOW - 50, NULL, "HTTP 429, retry after 3600 s",
	                                  NOW + 3600, f->err, sizeof f->err), 0);
	assert_int_equal(store_watch_item_put(f->s, w1, "ATOM@cosmosvaloper1aaa", p.id, 0, f->err,
	                                      sizeof f->err), 0);
	assert_int_equal(store_watch_item_put(f->s, w1, "ATOM@cosmosvaloper1aaa unbonding 7", p.id,
	                                      u.id, f->err, sizeof f->err), 0);
	assert_int_equal(store_plan_save(f->s, "rebalance, \"q4\"", NOW - 300, "native=40,liquid=60",
	                                 "{\"swap_fee_pct\":0.3,\"currency\":\"usd\"}",
	                                 "[{\"id\":1,\"nav\":\"1.5\"}]",
	                                 "{\"trades\":[],\"note\":\"caf\xc3\xa9, \\\"x\\\"\"}", NULL,
	                                 f->err, sizeof f->err), 0);
	struct alert_hit hit = { .kind = ALERT_CLAIMABLE, .key = "claimable:1",
		                 .message = "unbonding 1 of wstETH can be claimed" };
	assert_int_equal(store_alerts_sync(f->s, &hit, 1, NOW - 90, NULL, f->err, sizeof f->err), 0);
	assert_int_equal(store_alerts_mark_seen(f->s, NOW - 80, NULL, f->err, sizeof f->err), 0);
	assert_int_equal(store_alerts_sync(f->s, NULL, 0, NOW - 70, NULL, f->err, sizeof f->err), 0);
	assert_int_equal(store_alerts_sync(f->s, &hit, 1, NOW - 60, NULL, f->err, sizeof f->err), 0);
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
		  .value = 1.2150000000000001, .exact = "1215000000000000000/1000000000000000000" },
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
	/* a manual price pinned with `price set --pin`: its pin rides along */
	assert_int_equal(store_meta_set(f->s, "manual_pin:ETH", "1", f->err, sizeof f->err), 0);
	fill_watched(f);
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
	 * 2 observations, 1 snapshot, 1 loan = 9; the watched part: 1 position,
	 * 2 events (stake, unbond), 1 unbonding, 2 watches, 2 items, 1 plan,
	 * 2 alerts = 11; 1 manual price pin; 21 in all */
	assert_int_equal(r.rows, 21);
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
	assert_int_equal(r.rows, 21);  /* as the JSON round trip: every table */
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
	assert_int_equal(count(f->s2, "watches"), 0);
	assert_int_equal(count(f->s2, "watch_items"), 0);
	assert_int_equal(count(f->s2, "plans"), 0);
	assert_int_equal(count(f->s2, "alerts"), 0);
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

/* The JSON export's opening, a chain position 1, a manual one 2, an
 * unbonding 5 of position 2 and a cosmos watch 1, for the rows below. */
#define EXP "{\"format\":\"staketop-export\",\"version\":1,"
#define POS "\"positions\":[{\"id\":1,\"account\":\"hub\",\"asset\":\"ETH\",\"quantity\":\"3\"," \
	"\"idle\":0,\"origin\":\"chain\",\"created_at\":1,\"updated_at\":1},{\"id\":2," \
	"\"account\":\"a\",\"asset\":\"ETH\",\"quantity\":\"1\",\"idle\":0,\"origin\":\"manual\"," \
	"\"created_at\":1,\"updated_at\":1}],\"unbondings\":[{\"id\":5,\"position_id\":2," \
	"\"amount\":\"1\",\"requested_at\":1,\"status\":\"pending\"}],"
#define ATOM_ADDR "cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk363e"
#define WATCH(chain, addr, label) "\"watches\":[{\"id\":1,\"chain\":\"" chain "\",\"address\":\"" \
	addr "\",\"label\":\"" label "\",\"created_at\":1}]"
#define ITEM(w, p, u) "\"watch_items\":[{\"watch_id\":" #w ",\"key\":\"ATOM\",\"position_id\":" \
	#p ",\"unbonding_id\":" #u "}]"
#define PLAN(name, settings, inputs) "\"plans\":[{\"id\":1,\"name\":\"" name "\",\"created_at\":1," \
	"\"targets\":\"native=100\",\"settings\":\"" settings "\",\"inputs\":\"" inputs "\"," \
	"\"result\":\"{}\"}]"
#define ALERT(id, kind, ended) "{\"id\":" #id ",\"kind\":\"" kind "\",\"key\":\"stale:x\"," \
	"\"message\":\"m\",\"fired_at\":1,\"ended_at\":" #ended "}"

static void new_tables__bad_rows_refuse_the_whole_file(void **state)
{
	struct fx *f = *state;
	/* watches: the chain, the address rules of watch add, text */
	REFUSED(f, EXP POS WATCH("bitcoin", ATOM_ADDR, "") "}",
	        "in: watches[0]: chain: 'bitcoin' is not ethereum, beacon, solana, cosmos or polkadot");
	REFUSED(f, EXP WATCH("cosmos", "cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk363f", "") "}",
	        "watches[0]: address (cosmos): ");
	REFUSED(f, EXP WATCH("ethereum", "0x12", "") "}",
	        "watches[0]: address (ethereum): an Ethereum address is 0x followed by 40 hex digits (4 bytes given)");
	REFUSED(f, EXP WATCH("beacon", "9\\u001b[2J", "") "}",
	        "watches[0]: address: control characters or invalid UTF-8");
	REFUSED(f, EXP WATCH("cosmos", ATOM_ADDR, "hub\\u001b]0;pwn\\u0007") "}",
	        "watches[0]: label: control characters or invalid UTF-8");
	REFUSED(f, EXP WATCH("cosmos", ATOM_ADDR, "caf\xc3") "}",
	        "watches[0]: label: control characters or invalid UTF-8");
	REFUSED(f, EXP WATCH("cosmos", ATOM_ADDR,
	                     "0123456789012345678901234567890123456789012345678901234567890123") "}",
	        "watches[0]: label: longer than 63 bytes");
	REFUSED(f, EXP "\"watches\":[{\"id\":1,\"chain\":\"cosmos\",\"address\":\"" ATOM_ADDR "\","
	        "\"label\":\"\"}]}", "watches[0]: created_at: missing, and the column is required");
	REFUSED(f, "id,chain,address,label,created_at,read_at,read_height,last_ok_at,last_error,"
	        "blocked_until\n1,beacon,9,,1,,,,,\n2,beacon,10,\"v\x1b[2J\",1,,,,,\n",
	        "in:3: label: control characters");
	/* the same watch twice: normalized first (0x… upper-case hex digits
	 * are the same account as lower-case), then UNIQUE */
	REFUSED(f, "id,chain,address,label,created_at\n1,beacon,9,,1\n2,beacon,009,,1\n",
	        "in:3: UNIQUE constraint failed: watches.chain, watches.address");
	/* watch_items: what they name must exist, and be what a read makes */
	REFUSED(f, EXP POS WATCH("cosmos", ATOM_ADDR, "") "," ITEM(9, 1, null) "}",
	        "watch_items[0]: watch_id: no watch 9");
	REFUSED(f, EXP POS WATCH("cosmos", ATOM_ADDR, "") "," ITEM(1, 7, null) "}",
	        "watch_items[0]: position_id: no position 7");
	REFUSED(f, EXP POS WATCH("cosmos", ATOM_ADDR, "") "," ITEM(1, 2, null) "}",
	        "watch_items[0]: position_id: position 2 is not one read from a chain");
	REFUSED(f, EXP POS WATCH("cosmos", ATOM_ADDR, "") "," ITEM(1, 1, 6) "}",
	        "watch_items[0]: unbonding_id: no unbonding 6");
	REFUSED(f, EXP POS WATCH("cosmos", ATOM_ADDR, "") "," ITEM(1, 1, 5) "}",
	        "watch_items[0]: unbonding_id: unbonding 5 is of position 2, not 1");
	REFUSED(f, "watch_id,key,position_id,unbonding_id\n1,ATOM,1,\n",
	        "in:2: watch_id: no watch 1");
	/* plans: a name, JSON documents without control characters */
	REFUSED(f, EXP PLAN("", "{}", "[]") "}", "plans[0]: name: missing, and the column is required");
	REFUSED(f, EXP PLAN("p\xff", "{}", "[]") "}", "plans[0]: name: control characters");
	REFUSED(f, EXP PLAN("p", "{\\\"a\\\":\\\"\\\\u001b[2J\\\"}", "[]") "}",
	        "plans[0]: settings: a string in it holds control characters");
	REFUSED(f, EXP PLAN("p", "{}", "not json") "}", "plans[0]: inputs: not a JSON object or array");
	/* alerts: a kind staketop fires; one open alert per key */
	REFUSED(f, EXP "\"alerts\":[" ALERT(1, "gossip", null) "]}",
	        "alerts[0]: kind: 'gossip' is not one of premium, claimable, stale, move, health");
	REFUSED(f, EXP "\"alerts\":[" ALERT(1, "stale", 5) "," ALERT(2, "stale", null) ","
	        ALERT(3, "stale", null) "]}",
	        "alerts[2]: ended_at: missing, and alert 2 of the same key has not ended either");
	REFUSED(f, EXP "\"alerts\":[{\"id\":1,\"kind\":\"stale\",\"key\":\"k\",\"message\":"
	        "\"feed \\u001b[31mdown\",\"fired_at\":1}]}", "alerts[0]: message: control characters");
	/* an unbonding's rule text, like every text */
	REFUSED(f, EXP "\"positions\":[{\"id\":1,\"account\":\"a\",\"asset\":\"ETH\",\"quantity\":"
	        "\"1\",\"idle\":0,\"origin\":\"manual\",\"created_at\":1,\"updated_at\":1}],"
	        "\"unbondings\":[{\"id\":5,\"position_id\":1,\"amount\":\"1\",\"requested_at\":1,"
	        "\"rule\":\"queue \xed\xa0\x80\",\"status\":\"pending\"}]}",
	        "unbondings[0]: rule: control characters or invalid UTF-8");
	/* exact rates */
	REFUSED(f, EXP "\"positions\":[{\"id\":1,\"account\":\"a\",\"asset\":\"stETH\",\"quantity\":"
	        "\"1\",\"idle\":0,\"origin\":\"manual\",\"created_at\":1,\"updated_at\":1,"
	        "\"share_rate\":\"1215/0\"}]}", "positions[0]: share_rate: not an exact rate num/den");
	REFUSED(f, "id,asset,kind,source,ts,value,fetched_at,exact\n1,wstETH,rate,x,1,1.2,1,1.2\n",
	        "in:2: exact: not an exact rate num/den");
	/* what a newer staketop may write is refused, not dropped */
	REFUSED(f, EXP "\"feed_status\":[]}", "in: \"feed_status\": not a table staketop knows");
	REFUSED(f, EXP "\"alerts\":[{\"id\":1,\"kind\":\"stale\",\"key\":\"k\",\"message\":\"m\","
	        "\"fired_at\":1,\"colour\":\"red\"}]}", "alerts[0]: \"colour\": not a column of alerts");
}

/* Files written before a column or a table was added. */
static void older_exports__later_columns_null_later_tables_empty(void **state)
{
	struct fx *f = *state;
	struct import_result r;
	/* positions before share_rate (14 columns), events before price (9) */
	const char pos[] = "id,account,asset,quantity,shares,idle,origin,address,read_at,opened,"
	                   "cost_basis,note,created_at,updated_at\r\n"
	                   "1,cold,ETH,32,,0,manual,,,2024-01-01,,,100,100\r\n";
	write_file(f->path, pos, sizeof pos - 1);
	assert_int_equal(store_import_path(f->s2, &f->cat, f->path, NOW, &r, f->err, sizeof f->err), 0);
	assert_int_equal(r.rows, 1);
	const char ev[] = "id,position_id,type,amount,ts,note,unbonding_id,removed_at,removed_note\r\n"
	                  "1,1,stake,32.000000000000000001,100,\"opened, by hand\",,,\r\n";
	write_file(f->path, ev, sizeof ev - 1);
	int rc = store_import_path(f->s2, &f->cat, f->path, NOW, &r, f->err, sizeof f->err);
	if (rc)
		print_error("%s\n", f->err);
	assert_int_equal(rc, 0);
	assert_string_equal(r.what, "tables");
	struct event *e;
	size_t n;
	assert_int_equal(store_events_list(f->s2, 1, &e, &n, f->err, sizeof f->err), 0);
	assert_int_equal(n, 1);
	char q[DEC_STR_MAX];
	dec_format(e[0].amount, q, sizeof q);
	assert_string_equal(q, "32.000000000000000001");
	assert_string_equal(e[0].note, "opened, by hand");
	assert_true(e[0].ts == 100 && !e[0].has_price);
	free(e);
	/* a header that stops before a required column: refused, naming it */
	const char short_ev[] = "id,position_id,type,amount\n2,1,stake,1\n";
	write_file(f->path, short_ev, sizeof short_ev - 1);
	assert_int_equal(store_import_path(f->s2, &f->cat, f->path, NOW, &r, f->err, sizeof f->err), -1);
	assert_non_null(strstr(f->err, "in:1: the events table's column ts is required, and the"
	                               " header ends before it (after amount)"));
	assert_int_equal(count(f->s2, "events"), 1);
	/* a JSON export without the later keys and tables: NULL and empty */
	const char js[] = "{\"format\":\"staketop-export\",\"version\":1,\"positions\":[{\"id\":2,"
	                  "\"account\":\"cold\",\"asset\":\"stETH\",\"quantity\":\"12.5\",\"shares\":"
	                  "\"10.288065843621399176\",\"idle\":0,\"origin\":\"manual\",\"created_at\":1,"
	                  "\"updated_at\":1}],\"events\":[{\"id\":2,\"position_id\":2,\"type\":\"stake\","
	                  "\"amount\":\"12.5\",\"ts\":1}]}";
	write_file(f->path, js, sizeof js - 1);
	assert_int_equal(store_import_path(f->s2, &f->cat, f->path, NOW, &r, f->err, sizeof f->err), 0);
	assert_int_equal(r.rows, 2);
	struct position p;
	assert_int_equal(store_position_get(f->s2, 2, &p, f->err, sizeof f->err), 0);
	assert_true(p.has_shares && p.share_rate[0] == 0);
	assert_int_equal(count(f->s2, "watches") + count(f->s2, "plans") + count(f->s2, "alerts"), 0);
	/* a JSON row without a required key: table, row and column named */
	const char js2[] = "{\"format\":\"staketop-export\",\"events\":[{\"id\":3,\"position_id\":2,"
	                   "\"type\":\"stake\",\"amount\":\"1\"}]}";
	write_file(f->path, js2, sizeof js2 - 1);
	assert_int_equal(store_import_path(f->s2, &f->cat, f->path, NOW, &r, f->err, sizeof f->err), -1);
	assert_non_null(strstr(f->err, "in: events[0]: ts: missing, and the column is required"));
	assert_int_equal(count(f->s2, "events"), 2);
}

/* An item whose watch or position was removed since points at nothing:
 * not exported (the import would refuse it), the rest is. */
static void dangling_watch_items__left_out_of_the_export(void **state)
{
	struct fx *f = *state;
	fill(f);
	assert_int_equal(sqlite3_exec(store_handle(f->s),
	                              "INSERT INTO watch_items(watch_id, key, position_id)"
	                              " VALUES(99, 'gone watch', 1), (1, 'gone position', 999)",
	                              NULL, NULL, NULL), SQLITE_OK);
	FILE *out = fopen(f->path, "w");
	assert_non_null(out);
	assert_int_equal(store_export_json(f->s, NULL, out, f->err, sizeof f->err), 0);
	fclose(out);
	struct import_result r;
	assert_int_equal(store_import_path(f->s2, &f->cat, f->path, NOW, &r, f->err, sizeof f->err), 0);
	assert_int_equal(count(f->s, "watch_items"), 4);
	assert_int_equal(count(f->s2, "watch_items"), 2);
	same_tables(f->s, f->s2);
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
		T(new_tables__bad_rows_refuse_the_whole_file),
		T(older_exports__later_columns_null_later_tables_empty),
		T(dangling_watch_items__left_out_of_the_export),
		T(backup__copy_has_everything_and_passes_integrity_check),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
