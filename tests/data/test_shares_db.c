/* test_shares_db.c — a rebasing position recorded before any share rate
 * (first run, offline) stays pending, and is converted to shares at the
 * first share rate seen after it was recorded, with an event that says so;
 * its balance then rebases exactly. Real SQLite file, shipped catalog. */
#include "tests/data/tmpdb.h" /* first: it may define _XOPEN_SOURCE */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "data/catalog_load.h"
#include "data/events_db.h"
#include "data/observations_db.h"
#include "data/positions_db.h"
#include "data/shares_db.h"
#include "positions/valuation.h"

static struct observation rate(int64_t ts, double v, const char *exact)
{
	struct observation o;
	memset(&o, 0, sizeof o);
	snprintf(o.asset, sizeof o.asset, "wstETH");
	snprintf(o.source, sizeof o.source, "eth_rpc");
	o.kind = OBS_RATE;
	o.ts = ts;
	o.value = v;
	snprintf(o.exact, sizeof o.exact, "%s", exact);
	return o;
}

static void shares__pending_then_converted__at_first_rate_seen(void **state)
{
	(void)state;
	struct tmpdb db;
	struct store *s = NULL;
	struct catalog cat = {0};
	char err[512] = "", path[1024], q[DEC_STR_MAX];
	const char *dir = getenv("STAKETOP_DATA_DIR");
	snprintf(path, sizeof path, "%s/assets.json", dir && dir[0] ? dir : "data");
	assert_int_equal(catalog_load(path, NULL, &cat, err, sizeof err), 0);
	assert_int_equal(tmpdb_make_open(&db, "shares", &s, err, sizeof err), 0);

	/* stETH 2, typed offline at t = 1000: no shares */
	struct position p;
	memset(&p, 0, sizeof p);
	snprintf(p.account, sizeof p.account, "ledger");
	snprintf(p.asset, sizeof p.asset, "stETH");
	assert_int_equal(dec_parse("2", 18, &p.quantity, NULL, 0), 0);
	p.created_at = 1000;
	assert_int_equal(store_position_add(s, &p, err, sizeof err), 0);

	/* a rate fetched before the position existed is not "seen" by it */
	struct observation o = rate(400, 1.1, "11/10");
	assert_int_equal(store_observations_add(s, &o, 1, 500, err, sizeof err), 0);
	int n = -1;
	assert_int_equal(store_shares_convert_pending(s, &cat, &n, err, sizeof err), 0);
	assert_int_equal(n, 0);
	struct position got;
	assert_int_equal(store_position_get(s, p.id, &got, err, sizeof err), 0);
	assert_false(got.has_shares);               /* still pending */

	/* then 1.2125, then 1.25 arrive (both before the next load) */
	o = rate(2000, 1.2125, "1212500000000000000/1000000000000000000");
	assert_int_equal(store_observations_add(s, &o, 1, 2000, err, sizeof err), 0);
	o = rate(3000, 1.25, "1250000000000000000/1000000000000000000");
	assert_int_equal(store_observations_add(s, &o, 1, 3000, err, sizeof err), 0);
	assert_int_equal(store_shares_convert_pending(s, &cat, &n, err, sizeof err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(store_position_get(s, p.id, &got, err, sizeof err), 0);
	assert_true(got.has_shares);
	/* shares = 2 ÷ 1.2125 = 1.64948453608247422680… → 18 decimals */
	dec_format(got.shares, q, sizeof q);
	assert_string_equal(q, "1.649484536082474226");
	assert_string_equal(got.share_rate, "1212500000000000000/1000000000000000000");
	dec_format(got.quantity, q, sizeof q);
	assert_string_equal(q, "2");                /* the typed balance, unchanged */

	/* the event says so; it changes no quantity */
	struct event *ev = NULL;
	size_t nev = 0;
	assert_int_equal(store_events_list(s, p.id, &ev, &nev, err, sizeof err), 0);
	assert_int_equal(nev, 1);
	assert_int_equal(ev[0].type, EVENT_ADJUST);
	assert_true(dec_is_zero(ev[0].amount));
	assert_non_null(strstr(ev[0].note, "converted to shares at the first share rate seen: "
	                                   "2 stETH = 1.649484536082474226 shares at 1.2125"));
	free(ev);

	/* once only */
	assert_int_equal(store_shares_convert_pending(s, &cat, &n, err, sizeof err), 0);
	assert_int_equal(n, 0);

	/* the balance rebases with the rate: 2 × 1.25 / 1.2125 = 2.5 / 1.2125
	 * = 2.06185567010309278350… → 2.061855670103092783 (18 decimals) */
	struct market m;
	assert_int_equal(market_init(&m, &cat, "usd"), 0);
	assert_int_equal(store_market_load(s, &m, err, sizeof err), 0);
	struct valuation v;
	const struct valuation_ctx ctx = {&cat, &m, 4000, 900};
	assert_int_equal(valuation_compute(&ctx, &got, &v), 0);
	dec_format(v.quantity, q, sizeof q);
	assert_string_equal(q, "2.061855670103092783");
	assert_false(v.shares_pending);

	market_done(&m);
	catalog_free(&cat);
	store_close(s);
	tmpdb_remove(&db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shares__pending_then_converted__at_first_rate_seen),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
