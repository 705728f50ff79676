/* test_observations_db.c — data/observations_db.c against a real SQLite
 * file in a fresh temporary directory per test (removed afterwards). */
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

#include "data/observations_db.h"
#include "data/store.h"
#include "data/store_priv.h"
#include "positions/asset.h"
#include "positions/market.h"

struct fx {
	struct tmpdb db;
	struct store *s;
	char err[512];
	struct asset assets[3];
	struct catalog catalog;
	struct market market;
};

static int setup(void **state)
{
	static const char *const symbols[] = { "ETH", "stETH", "wstETH" };
	struct fx *f = calloc(1, sizeof *f);

	if (!f || tmpdb_make_open(&f->db, "obs", &f->s, f->err, sizeof f->err) < 0) {
		free(f);
		return -1;
	}
	/* a three-asset catalog, built here */
	for (int i = 0; i < 3; i++)
		snprintf(f->assets[i].symbol, sizeof f->assets[i].symbol, "%s", symbols[i]);
	f->catalog.assets = f->assets;
	f->catalog.n = 3;
	if (market_init(&f->market, &f->catalog, "usd") < 0) {
		store_close(f->s);
		tmpdb_remove(&f->db);
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	market_done(&f->market);
	store_close(f->s);
	tmpdb_remove(&f->db);
	free(f);
	return 0;
}

static struct observation obs(const char *asset, enum obs_kind k, const char *source,
                              int64_t ts, double value)
{
	struct observation o;

	memset(&o, 0, sizeof o);
	snprintf(o.asset, sizeof o.asset, "%s", asset);
	o.kind = k;
	snprintf(o.source, sizeof o.source, "%s", source);
	o.ts = ts;
	o.value = value;
	return o;
}

static int64_t count(struct fx *f)
{
	int64_t n = -1;

	assert_int_equal(store_observations_count(f->s, &n, f->err, sizeof f->err), 0);
	return n;
}

static int commits;

static int on_commit(void *arg)
{
	(void)arg;
	commits++;
	return 0;
}

static void store_observations_add__three_rows__in_one_transaction(void **state)
{
	struct fx *f = *state;
	const struct observation v[] = {
		obs("ETH", OBS_PRICE, "coingecko", 100, 3000.5),
		obs("stETH", OBS_APR, "defillama", 100, 0.029),
		obs("wstETH", OBS_RATE, "eth_rpc", 100, 1.2201),
	};

	commits = 0;
	sqlite3_commit_hook(store_handle(f->s), on_commit, NULL);
	assert_int_equal(store_observations_add(f->s, v, 3, 105, f->err, sizeof f->err), 0);
	sqlite3_commit_hook(store_handle(f->s), NULL, NULL);
	assert_int_equal(commits, 1);
	assert_int_equal(count(f), 3);
}

static void store_observations_add__bad_row__stores_none(void **state)
{
	struct fx *f = *state;
	struct observation v[] = {
		obs("ETH", OBS_PRICE, "coingecko", 100, 3000.5),
		obs("ETH", OBS_PRICE, "", 100, 3000.5),
	};

	assert_int_equal(store_observations_add(f->s, v, 2, 105, f->err, sizeof f->err), -1);
	assert_non_null(strstr(f->err, "observation 1"));
	assert_non_null(strstr(f->err, "no source"));
	v[1] = obs("ETH", (enum obs_kind)7, "coingecko", 100, 1);
	assert_int_equal(store_observations_add(f->s, v, 2, 105, f->err, sizeof f->err), -1);
	assert_non_null(strstr(f->err, "unknown kind"));
	assert_int_equal(count(f), 0);
}

static void store_observations_add__in_caller_transaction__rolls_back_with_it(void **state)
{
	struct fx *f = *state;
	const struct observation v[] = { obs("ETH", OBS_PRICE, "coingecko", 100, 3000.5) };

	assert_int_equal(store_begin(f->s, f->err, sizeof f->err), 0);
	assert_int_equal(store_observations_add(f->s, v, 1, 105, f->err, sizeof f->err), 0);
	assert_int_equal(store_observations_add(f->s, v, 1, 106, f->err, sizeof f->err), 0);
	assert_int_equal(count(f), 2);
	assert_int_equal(store_rollback(f->s, f->err, sizeof f->err), 0);
	assert_int_equal(count(f), 0);
}

static void store_market_load__picks__newest_per_asset_and_kind(void **state)
{
	struct fx *f = *state;
	const struct observation v[] = {
		obs("ETH", OBS_PRICE, "coingecko", 100, 3000.0),
		obs("ETH", OBS_PRICE, "defillama", 300, 3300.0), /* newest */
		obs("ETH", OBS_PRICE, "coingecko", 200, 3200.0),
		obs("wstETH", OBS_RATE, "eth_rpc", 50, 1.20),
		obs("wstETH", OBS_RATE, "eth_rpc", 60, 1.21),    /* newest */
		obs("stETH", OBS_APR, "defillama", 10, 0.028),
		obs("stETH", OBS_APR, "defillama", 5, 0.031),
		obs("stETH", OBS_PRICE, "coingecko", 290, 3295.0),
	};
	const struct quote *q;

	assert_int_equal(store_observations_add(f->s, v, sizeof v / sizeof v[0], 400, f->err,
	                                        sizeof f->err), 0);
	assert_int_equal(store_market_load(f->s, &f->market, f->err, sizeof f->err), 0);

	q = market_get(&f->market, "ETH", OBS_PRICE);
	assert_non_null(q);
	assert_true(q->value == 3300.0);
	assert_int_equal(q->ts, 300);
	assert_string_equal(q->source, "defillama");
	q = market_get(&f->market, "wstETH", OBS_RATE);
	assert_non_null(q);
	assert_true(q->value == 1.21);
	assert_int_equal(q->ts, 60);
	q = market_get(&f->market, "stETH", OBS_APR);
	assert_non_null(q);
	assert_true(q->value == 0.028);
	q = market_get(&f->market, "stETH", OBS_PRICE);
	assert_non_null(q);
	assert_true(q->value == 3295.0);
	/* nothing stored, nothing made up */
	assert_null(market_get(&f->market, "ETH", OBS_APR));
	assert_null(market_get(&f->market, "wstETH", OBS_PRICE));
}

/* Two observations of one value in the same second: the later stored wins,
 * in the market and at a time; the exact rate text comes back as stored. */
static void store_market_load__same_second__later_wins_with_exact_text(void **state)
{
	struct fx *f = *state;
	struct observation v[2] = {
		obs("wstETH", OBS_RATE, "eth_rpc", 500, 1.2125),
		obs("wstETH", OBS_RATE, "eth_rpc", 500, 1.25),
	};
	struct observation at;
	snprintf(v[0].exact, sizeof v[0].exact, "1212500000000000000/1000000000000000000");
	snprintf(v[1].exact, sizeof v[1].exact, "1250000000000000000/1000000000000000000");
	assert_int_equal(store_observations_add(f->s, &v[0], 1, 600, f->err, sizeof f->err), 0);
	assert_int_equal(store_observations_add(f->s, &v[1], 1, 601, f->err, sizeof f->err), 0);
	assert_int_equal(store_market_load(f->s, &f->market, f->err, sizeof f->err), 0);
	const struct quote *q = market_get(&f->market, "wstETH", OBS_RATE);
	assert_non_null(q);
	assert_true(q->value == 1.25);
	assert_true(q->has_exact);
	assert_true(q->exact.num == 1250000000000000000ULL);
	assert_int_equal(store_observation_at(f->s, "wstETH", OBS_RATE, 500, &at, f->err,
	                                      sizeof f->err), 0);
	assert_true(at.value == 1.25);
	assert_string_equal(at.exact, "1250000000000000000/1000000000000000000");
}

static void store_market_load__ignores__assets_not_in_catalog(void **state)
{
	struct fx *f = *state;
	const struct observation v[] = {
		obs("rETH", OBS_PRICE, "coingecko", 100, 3400.0),
		obs("rETH", OBS_RATE, "eth_rpc", 100, 1.1),
		obs("SOL", OBS_PRICE, "coingecko", 100, 150.0),
		obs("ETH", OBS_PRICE, "coingecko", 100, 3000.0),
	};

	assert_int_equal(store_observations_add(f->s, v, 4, 100, f->err, sizeof f->err), 0);
	assert_int_equal(store_market_load(f->s, &f->market, f->err, sizeof f->err), 0);
	assert_null(market_get(&f->market, "rETH", OBS_PRICE));
	assert_null(market_get(&f->market, "SOL", OBS_PRICE));
	assert_non_null(market_get(&f->market, "ETH", OBS_PRICE));
	for (size_t i = 0; i < f->catalog.n; i++)
		for (int k = 0; k < OBS_KINDS; k++)
			if (i != 0 || k != OBS_PRICE)
				assert_false(f->market.quotes[i][k].has);
}

static void store_observation_at__finds__newest_at_or_before(void **state)
{
	struct fx *f = *state;
	const struct observation v[] = {
		obs("wstETH", OBS_RATE, "eth_rpc", 100, 1.10),
		obs("wstETH", OBS_RATE, "eth_rpc", 200, 1.20),
		obs("wstETH", OBS_RATE, "eth_rpc", 300, 1.30),
	};
	struct observation o;

	assert_int_equal(store_observations_add(f->s, v, 3, 300, f->err, sizeof f->err), 0);
	assert_int_equal(store_observation_at(f->s, "wstETH", OBS_RATE, 250, &o, f->err,
	                                      sizeof f->err), 0);
	assert_int_equal(o.ts, 200);
	assert_true(o.value == 1.20);
	assert_string_equal(o.asset, "wstETH");
	assert_int_equal(o.kind, OBS_RATE);
	assert_string_equal(o.source, "eth_rpc");
	assert_int_equal(store_observation_at(f->s, "wstETH", OBS_RATE, 200, &o, f->err,
	                                      sizeof f->err), 0);
	assert_int_equal(o.ts, 200);
	assert_int_equal(store_observation_at(f->s, "wstETH", OBS_RATE, 99, &o, f->err,
	                                      sizeof f->err), 1);
	assert_int_equal(store_observation_at(f->s, "wstETH", OBS_PRICE, 500, &o, f->err,
	                                      sizeof f->err), 1);
}

static void store_observations_range__returns__oldest_first(void **state)
{
	struct fx *f = *state;
	const struct observation v[] = {
		obs("ETH", OBS_PRICE, "coingecko", 300, 3.0),
		obs("ETH", OBS_PRICE, "coingecko", 100, 1.0),
		obs("ETH", OBS_PRICE, "coingecko", 400, 4.0),
		obs("ETH", OBS_PRICE, "coingecko", 200, 2.0),
		obs("ETH", OBS_APR, "defillama", 250, 0.03),
	};
	struct obs_list l = { 0 };

	assert_int_equal(store_observations_add(f->s, v, 5, 400, f->err, sizeof f->err), 0);
	assert_int_equal(store_observations_range(f->s, "ETH", OBS_PRICE, 200, 300, &l, f->err,
	                                          sizeof f->err), 0);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].ts, 200);
	assert_int_equal(l.v[1].ts, 300);
	obs_list_free(&l);
}

static void store_feed_status_put__round_trips__through_list(void **state)
{
	struct fx *f = *state;
	struct feed_status a = { .name = "defillama", .last_attempt = 1764000100,
	                         .last_success = 1763990000, .latency_ms = 812,
	                         .values_taken = 0, .last_error = "HTTP 503" };
	struct feed_status b = { .name = "coingecko", .last_attempt = 1764000000,
	                         .last_success = 1764000000, .latency_ms = 240,
	                         .values_taken = 17, .last_error = "" };
	struct feed_status *v = NULL;
	size_t n = 0;

	assert_int_equal(store_feed_status_put(f->s, &a, f->err, sizeof f->err), 0);
	assert_int_equal(store_feed_status_put(f->s, &b, f->err, sizeof f->err), 0);
	b.values_taken = 18; /* replaces the row */
	assert_int_equal(store_feed_status_put(f->s, &b, f->err, sizeof f->err), 0);
	assert_int_equal(store_feed_status_list(f->s, &v, &n, f->err, sizeof f->err), 0);
	assert_int_equal(n, 2);
	/* ordered by name */
	assert_string_equal(v[0].name, "coingecko");
	assert_int_equal(v[0].last_attempt, 1764000000);
	assert_int_equal(v[0].last_success, 1764000000);
	assert_int_equal(v[0].latency_ms, 240);
	assert_int_equal(v[0].values_taken, 18);
	assert_string_equal(v[0].last_error, "");
	assert_string_equal(v[1].name, "defillama");
	assert_int_equal(v[1].last_attempt, 1764000100);
	assert_int_equal(v[1].last_success, 1763990000);
	assert_int_equal(v[1].latency_ms, 812);
	assert_int_equal(v[1].values_taken, 0);
	assert_string_equal(v[1].last_error, "HTTP 503");
	free(v);
}

static void store_feed_status_list__empty__gives_null(void **state)
{
	struct fx *f = *state;
	struct feed_status *v = (struct feed_status *)&v;
	size_t n = 99;
	const struct feed_status nameless = { .name = "" };

	assert_int_equal(store_feed_status_list(f->s, &v, &n, f->err, sizeof f->err), 0);
	assert_null(v);
	assert_int_equal(n, 0);
	assert_int_equal(store_feed_status_put(f->s, &nameless, f->err, sizeof f->err), -1);
	assert_string_equal(f->err, "feed status has no name");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(store_observations_add__three_rows__in_one_transaction),
		T(store_observations_add__bad_row__stores_none),
		T(store_observations_add__in_caller_transaction__rolls_back_with_it),
		T(store_market_load__same_second__later_wins_with_exact_text),
		T(store_market_load__picks__newest_per_asset_and_kind),
		T(store_market_load__ignores__assets_not_in_catalog),
		T(store_observation_at__finds__newest_at_or_before),
		T(store_observations_range__returns__oldest_first),
		T(store_feed_status_put__round_trips__through_list),
		T(store_feed_status_list__empty__gives_null),
#undef T
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
