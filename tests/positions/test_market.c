/* test_market.c — observations, value checks, the market's latest quotes;
 * also the catalog look-up (asset.c) and the position list (position.c),
 * which the market and valuation stand on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "positions/asset.h"
#include "positions/market.h"
#include "positions/position.h"

/* ETH, stETH, wstETH: built in code, no files. */
static struct asset test_assets[3];
static const struct catalog test_catalog = {test_assets, 3};

static int setup_catalog(void **state)
{
	(void)state;
	memset(test_assets, 0, sizeof test_assets);
	const char *syms[3] = {"ETH", "stETH", "wstETH"};
	for (int i = 0; i < 3; i++) {
		snprintf(test_assets[i].symbol, SYM_MAX, "%s", syms[i]);
		test_assets[i].decimals = 18;
	}
	return 0;
}

static struct observation obs(const char *asset, enum obs_kind k, int64_t ts, double v)
{
	struct observation o;
	memset(&o, 0, sizeof o);
	snprintf(o.asset, sizeof o.asset, "%s", asset);
	snprintf(o.source, sizeof o.source, "test");
	o.kind = k;
	o.ts = ts;
	o.value = v;
	return o;
}

/* --- obs_value_check ----------------------------------------------------- */

static void obs_value_check__refuses__non_finite(void **state)
{
	(void)state;
	for (int k = 0; k < OBS_KINDS; k++) {
		assert_string_equal(obs_value_check((enum obs_kind)k, NAN), "not finite");
		assert_string_equal(obs_value_check((enum obs_kind)k, INFINITY), "not finite");
		assert_string_equal(obs_value_check((enum obs_kind)k, -INFINITY), "not finite");
	}
}

static void obs_value_check__refuses__zero_and_negative(void **state)
{
	(void)state;
	for (int k = 0; k < OBS_KINDS; k++) {
		assert_string_equal(obs_value_check((enum obs_kind)k, 0.0), "zero or negative");
		assert_string_equal(obs_value_check((enum obs_kind)k, -0.0), "zero or negative");
		assert_string_equal(obs_value_check((enum obs_kind)k, -1.0), "zero or negative");
	}
}

static void obs_value_check__refuses__absurd_values(void **state)
{
	(void)state;
	for (int k = 0; k < OBS_KINDS; k++)
		assert_string_equal(obs_value_check((enum obs_kind)k, 1e300), "out of range");
	assert_string_equal(obs_value_check(OBS_PRICE, 1e12), "out of range");
	assert_string_equal(obs_value_check(OBS_RATE, 1e6), "out of range");
	assert_string_equal(obs_value_check(OBS_APR, 10.0), "out of range"); /* 1000 % */
	assert_string_equal(obs_value_check(OBS_KINDS, 1.0), "unknown kind");
}

static void obs_value_check__accepts__plausible_values(void **state)
{
	(void)state;
	assert_null(obs_value_check(OBS_PRICE, 3012.45));
	assert_null(obs_value_check(OBS_PRICE, 999999999999.0));  /* just below 1e12 */
	assert_null(obs_value_check(OBS_PRICE, 1e-9));            /* a tiny token */
	assert_null(obs_value_check(OBS_RATE, 1.215));
	assert_null(obs_value_check(OBS_APR, 0.0271));
	assert_null(obs_value_check(OBS_APR, 9.99));
}

/* --- names ----------------------------------------------------------------- */

static void obs_kind__round_trips__names(void **state)
{
	(void)state;
	for (int k = 0; k < OBS_KINDS; k++) {
		enum obs_kind back = OBS_KINDS;
		assert_int_equal(obs_kind_parse(obs_kind_name((enum obs_kind)k), &back), 0);
		assert_int_equal(back, k);
	}
	assert_string_equal(obs_kind_name(OBS_APR), "apr");
	enum obs_kind out;
	assert_int_equal(obs_kind_parse("yield", &out), -1);
	assert_int_equal(obs_kind_parse(NULL, &out), -1);
	assert_string_equal(obs_kind_name(OBS_KINDS), "unknown");
}

static void asset_names__round_trip(void **state)
{
	(void)state;
	enum asset_kind k;
	enum token_model m;
	assert_string_equal(asset_kind_name(ASSET_RESTAKED), "restaked");
	assert_int_equal(asset_kind_parse("Liquid", &k), 0);
	assert_int_equal(k, ASSET_LIQUID);
	assert_int_equal(asset_kind_parse("idle", &k), -1);
	assert_string_equal(token_model_name(MODEL_REWARD_BEARING), "reward-bearing");
	assert_int_equal(token_model_parse("reward_bearing", &m), 0);  /* '_' for '-' */
	assert_int_equal(m, MODEL_REWARD_BEARING);
	assert_int_equal(token_model_parse("restaked-shares", &m), 0);
	assert_int_equal(m, MODEL_RESTAKED_SHARES);
	assert_int_equal(token_model_parse("rebasingx", &m), -1);
	assert_int_equal(token_model_parse("", &m), -1);
	assert_string_equal(token_model_name((enum token_model)99), "unknown");
}

/* --- catalog --------------------------------------------------------------- */

static void catalog_find__ignores__case(void **state)
{
	(void)state;
	assert_ptr_equal(catalog_find(&test_catalog, "wsteth"), &test_assets[2]);
	assert_ptr_equal(catalog_find(&test_catalog, "WSTETH"), &test_assets[2]);
	assert_int_equal(catalog_index(&test_catalog, "steth"), 1);
	assert_null(catalog_find(&test_catalog, "rETH"));
	assert_int_equal(catalog_index(&test_catalog, ""), -1);
	assert_int_equal(catalog_index(NULL, "ETH"), -1);
}

static void catalog_free__releases__assets(void **state)
{
	(void)state;
	struct catalog c = {calloc(2, sizeof(struct asset)), 2};
	assert_non_null(c.assets);
	catalog_free(&c);
	assert_null(c.assets);
	assert_int_equal(c.n, 0);
	catalog_free(&c); /* twice is harmless */
}

/* --- lists ------------------------------------------------------------------ */

static void obs_list__grows__and_keeps_order(void **state)
{
	(void)state;
	struct obs_list l = {0};
	for (int i = 0; i < 200; i++) {
		struct observation o = obs("ETH", OBS_PRICE, i, 1000.0 + i);
		assert_int_equal(obs_list_push(&l, &o), 0);
	}
	assert_int_equal(l.n, 200);
	assert_true(l.cap >= 200);
	assert_true(l.v[199].value == 1199.0);        /* 1000 + 199 */
	assert_true(l.v[0].ts == 0);
	obs_list_free(&l);
	assert_null(l.v);
	assert_int_equal(l.n, 0);
}

static void position_list__grows__and_copies(void **state)
{
	(void)state;
	struct position_list l = {0};
	struct position p;
	memset(&p, 0, sizeof p);
	for (int i = 0; i < 40; i++) {
		p.id = i + 1;
		assert_int_equal(position_list_push(&l, &p), 0);
	}
	assert_int_equal(l.n, 40);
	assert_int_equal(l.v[39].id, 40);
	position_list_free(&l);
	assert_null(l.v);
}

/* --- market ---------------------------------------------------------------- */

static void market_apply__keeps__newest_quote(void **state)
{
	(void)state;
	struct market m;
	assert_int_equal(market_init(&m, &test_catalog, "usd"), 0);
	assert_string_equal(m.currency, "usd");
	assert_null(market_get(&m, "ETH", OBS_PRICE));

	struct observation o = obs("ETH", OBS_PRICE, 100, 3000);
	assert_int_equal(market_apply(&m, &o), 0);
	o = obs("ETH", OBS_PRICE, 200, 3100);
	assert_int_equal(market_apply(&m, &o), 0);        /* newer: kept */
	o = obs("ETH", OBS_PRICE, 150, 2900);
	assert_int_equal(market_apply(&m, &o), 1);        /* older: ignored */
	o = obs("ETH", OBS_PRICE, 200, 2950);
	assert_int_equal(market_apply(&m, &o), 0);        /* same second: the later wins */

	const struct quote *q = market_get(&m, "eth", OBS_PRICE);
	assert_non_null(q);
	assert_true(q->value == 2950);
	assert_true(q->ts == 200);
	assert_string_equal(q->source, "test");
	assert_null(market_get(&m, "ETH", OBS_RATE));     /* kinds are separate */
	market_done(&m);
}

static void market_apply__ignores__unknown_assets_and_bad_values(void **state)
{
	(void)state;
	struct market m;
	assert_int_equal(market_init(&m, &test_catalog, "eur"), 0);
	struct observation o = obs("rETH", OBS_RATE, 100, 1.1);
	assert_int_equal(market_apply(&m, &o), 1);        /* not in the catalog */
	o = obs("wstETH", OBS_RATE, 100, NAN);
	assert_int_equal(market_apply(&m, &o), 1);
	o = obs("wstETH", OBS_RATE, 100, -1);
	assert_int_equal(market_apply(&m, &o), 1);
	o = obs("wstETH", OBS_APR, 100, 1e300);
	assert_int_equal(market_apply(&m, &o), 1);
	assert_null(market_get(&m, "wstETH", OBS_RATE));
	assert_null(market_get(&m, "wstETH", OBS_APR));
	o = obs("WSTETH", OBS_RATE, 100, 1.215);
	assert_int_equal(market_apply(&m, &o), 0);        /* symbol case does not matter */
	assert_true(market_get(&m, "wstETH", OBS_RATE)->value == 1.215);
	o = obs("wstETH", OBS_KINDS, 100, 1);
	assert_int_equal(market_apply(&m, &o), -1);
	assert_null(market_get(&m, "wstETH", OBS_KINDS));
	assert_null(market_get(&m, "nope", OBS_RATE));
	market_done(&m);
}

static void market_apply__reads__unterminated_fields(void **state)
{
	(void)state;
	struct market m;
	assert_int_equal(market_init(&m, &test_catalog, "a-very-long-currency"), 0);
	assert_string_equal(m.currency, "a-very-");       /* 7 characters kept */
	struct observation o = obs("ETH", OBS_PRICE, 1, 3000);
	memset(o.source, 'x', sizeof o.source);           /* no NUL */
	assert_int_equal(market_apply(&m, &o), 0);
	assert_int_equal(strlen(market_get(&m, "ETH", OBS_PRICE)->source), SOURCE_MAX - 1);
	memset(o.asset, 'E', sizeof o.asset);             /* no NUL, not a symbol */
	assert_int_equal(market_apply(&m, &o), 1);
	market_done(&m);
}

/* A rate's exact text travels with the quote; a later one of the same
 * second replaces it; text that is not a ratio leaves has_exact false. */
static void market_apply__keeps__exact_rate_text(void **state)
{
	(void)state;
	struct market m;
	assert_int_equal(market_init(&m, &test_catalog, "usd"), 0);
	struct observation o = obs("ETH", OBS_RATE, 100, 1.2125);
	snprintf(o.exact, sizeof o.exact, "1212500000000000000/1000000000000000000");
	assert_int_equal(market_apply(&m, &o), 0);
	const struct quote *q = market_get(&m, "ETH", OBS_RATE);
	assert_true(q->has_exact);
	assert_true(q->exact.num == 1212500000000000000ULL);
	assert_true(q->exact.den == 1000000000000000000ULL);
	o = obs("ETH", OBS_RATE, 100, 1.25);
	snprintf(o.exact, sizeof o.exact, "5/4");
	assert_int_equal(market_apply(&m, &o), 0);
	assert_true(q->exact.num == 5 && q->exact.den == 4 && q->value == 1.25);
	o = obs("ETH", OBS_RATE, 101, 1.3);
	snprintf(o.exact, sizeof o.exact, "13/x");
	assert_int_equal(market_apply(&m, &o), 0);
	assert_false(q->has_exact);
	market_done(&m);
}

static void market_init__accepts__empty_catalog(void **state)
{
	(void)state;
	const struct catalog empty = {NULL, 0};
	struct market m;
	assert_int_equal(market_init(&m, &empty, NULL), 0);
	assert_string_equal(m.currency, "usd");
	struct observation o = obs("ETH", OBS_PRICE, 1, 3000);
	assert_int_equal(market_apply(&m, &o), 1);
	assert_null(market_get(&m, "ETH", OBS_PRICE));
	market_done(&m);
	market_done(&m); /* twice is harmless */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(obs_value_check__refuses__non_finite),
		cmocka_unit_test(obs_value_check__refuses__zero_and_negative),
		cmocka_unit_test(obs_value_check__refuses__absurd_values),
		cmocka_unit_test(obs_value_check__accepts__plausible_values),
		cmocka_unit_test(obs_kind__round_trips__names),
		cmocka_unit_test(asset_names__round_trip),
		cmocka_unit_test(catalog_find__ignores__case),
		cmocka_unit_test(catalog_free__releases__assets),
		cmocka_unit_test(obs_list__grows__and_keeps_order),
		cmocka_unit_test(position_list__grows__and_copies),
		cmocka_unit_test(market_apply__keeps__newest_quote),
		cmocka_unit_test(market_apply__ignores__unknown_assets_and_bad_values),
		cmocka_unit_test(market_apply__reads__unterminated_fields),
		cmocka_unit_test(market_init__accepts__empty_catalog),
		cmocka_unit_test(market_apply__keeps__exact_rate_text),
	};
	return cmocka_run_group_tests(tests, setup_catalog, NULL);
}
