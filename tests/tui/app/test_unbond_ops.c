/* test_unbond_ops.c — what `staketop unbond` and the interface's unbond
 * form share: reading the amount with the asset's decimals and the request
 * time; the sell-now route of a liquid token's pending exit; and the
 * unbonding screen's countdown text.
 *
 * Reference time: 2026-11-25T08:00:00Z = 1795593600 (date -u -d @1795593600). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tui/term/ticks.h"
#include "tui/app/unbond_ops.h"

#define T0 INT64_C(1795593600) /* 2026-11-25T08:00:00Z */

static struct asset atom(void)
{
	struct asset a;
	memset(&a, 0, sizeof a);
	snprintf(a.symbol, sizeof a.symbol, "ATOM");
	a.kind = ASSET_NATIVE;
	a.model = MODEL_NATIVE;
	a.decimals = 6;
	return a;
}

static void parse_amount__decimals_and_zero(void **state)
{
	(void)state;
	struct asset a = atom();
	char err[128];
	dec_t q;
	assert_int_equal(unbond_parse_amount(&a, "1.5", &q, err, sizeof err), 0);
	assert_int_equal(dec_cmp(q, dec_from_int(1)), 1);
	/* 1.123456 has 6 decimals: fine; a seventh is refused */
	assert_int_equal(unbond_parse_amount(&a, "1.123456", &q, err, sizeof err), 0);
	assert_int_equal(unbond_parse_amount(&a, "1.1234567", &q, err, sizeof err), -1);
	assert_non_null(strstr(err, "too many decimals: 7 (at most 6 allowed)"));
	assert_int_equal(unbond_parse_amount(&a, "0", &q, err, sizeof err), -1);
	assert_string_equal(err, "must be more than 0");
	assert_int_equal(unbond_parse_amount(&a, "0.000000", &q, err, sizeof err), -1);
	assert_int_equal(unbond_parse_amount(&a, "", &q, err, sizeof err), -1);
	assert_int_equal(unbond_parse_amount(&a, "-1", &q, err, sizeof err), -1);
	assert_int_equal(unbond_parse_amount(&a, NULL, &q, err, sizeof err), -1);
}

static void parse_time__now_date_and_iso(void **state)
{
	(void)state;
	char err[128];
	int64_t t;
	assert_int_equal(unbond_parse_time(NULL, T0, &t, err, sizeof err), 0);
	assert_true(t == T0);
	assert_int_equal(unbond_parse_time("", T0, &t, err, sizeof err), 0);
	assert_true(t == T0);
	assert_int_equal(unbond_parse_time("now", T0, &t, err, sizeof err), 0);
	assert_true(t == T0);
	/* a date is midnight UTC: T0 − 8 h (28800) − 1 day (86400) */
	assert_int_equal(unbond_parse_time("2026-11-24", T0, &t, err, sizeof err), 0);
	assert_true(t == T0 - 28800 - 86400);
	/* 19:00 at −05:00 is 00:00Z the next day, 2026-11-20: T0 − 8 h (28800)
	 * − 5 days (432000) */
	assert_int_equal(unbond_parse_time("2026-11-19T19:00:00-05:00", T0, &t, err, sizeof err), 0);
	assert_true(t == T0 - 28800 - 432000);
	/* a request cannot be made in the future: one second after T0 */
	assert_int_equal(unbond_parse_time("2026-11-25T08:00:01Z", T0, &t, err, sizeof err), -1);
	assert_string_equal(err, "in the future (now is 2026-11-25T08:00:00Z)");
	assert_int_equal(unbond_parse_time("2026-13-01", T0, &t, err, sizeof err), -1);
	assert_int_equal(unbond_parse_time("tomorrow", T0, &t, err, sizeof err), -1);
}

/* wstETH as the demo values it: rate 1.215 stETH (stETH → ETH at 1),
 * ETH 3,012.45, wstETH on the market 3,650.10. */
static struct asset wst;

static struct valuation wsteth(void)
{
	struct valuation v;
	memset(&v, 0, sizeof v);
	memset(&wst, 0, sizeof wst);
	snprintf(wst.symbol, sizeof wst.symbol, "wstETH");
	wst.kind = ASSET_LIQUID;
	wst.model = MODEL_REWARD_BEARING;
	wst.decimals = 18;
	v.asset = &wst;
	v.kind = ASSET_LIQUID;
	v.exchange_rate = (struct figure){ true, 1.215L };
	v.price_underlying = (struct figure){ true, 3012.45L };
	v.price_market = (struct figure){ true, 3650.10L };
	return v;
}

static struct unbonding two_tokens(int64_t available_at)
{
	struct unbonding x;
	memset(&x, 0, sizeof x);
	x.amount = dec_from_int(2);
	x.requested_at = T0;
	x.available_at = available_at;
	return x;
}

static void sell_now__liquid_token_pending(void **state)
{
	(void)state;
	struct valuation v = wsteth();
	struct unbonding x = two_tokens(T0 + 259200);
	struct exit_choice ex;
	assert_true(unbond_sell_now(&v, &x, T0, &ex));
	/* NAV per token 1.215 × 3012.45 = 3660.12675; wait 2 × that =
	 * 7320.2535; sell 2 × 3650.10 = 7300.20; wait − sell = 20.0535;
	 * 259200 s = 3 days */
	assert_true(fabsl(ex.wait_value - 7320.2535L) < 1e-9L);
	assert_true(fabsl(ex.sell_value - 7300.20L) < 1e-9L);
	assert_true(fabsl(ex.difference - 20.0535L) < 1e-9L);
	assert_true(fabsl(ex.days - 3) < 1e-12L);
	/* claimable: nothing left to wait, the route is still there */
	assert_true(unbond_sell_now(&v, &x, T0 + 259200, &ex));
	assert_true(ex.days == 0);
}

static void sell_now__none_for_natives_shares_claimed_or_unpriced(void **state)
{
	(void)state;
	struct unbonding x = two_tokens(T0 + 259200);
	struct exit_choice ex;
	struct valuation v = wsteth();
	struct asset a = atom();
	assert_false(unbond_sell_now(NULL, &x, T0, &ex));
	v.asset = &a;
	v.kind = ASSET_NATIVE;
	assert_false(unbond_sell_now(&v, &x, T0, &ex));
	/* EigenLayer strategy shares are not a token one can sell */
	v = wsteth();
	wst.kind = ASSET_RESTAKED;
	wst.model = MODEL_RESTAKED_SHARES;
	v.kind = ASSET_RESTAKED;
	assert_false(unbond_sell_now(&v, &x, T0, &ex));
	v = wsteth();
	x.claimed = true;
	assert_false(unbond_sell_now(&v, &x, T0, &ex));
	x.claimed = false;
	v.price_market.has = false;
	assert_false(unbond_sell_now(&v, &x, T0, &ex));
	v = wsteth();
	v.exchange_rate.has = false;
	assert_false(unbond_sell_now(&v, &x, T0, &ex));
}

static void countdown__to_the_second(void **state)
{
	(void)state;
	char b[32];
	ticks_format_countdown(90, b, sizeof b);
	assert_string_equal(b, "00:01:30");
	ticks_format_countdown(86399, b, sizeof b);
	assert_string_equal(b, "23:59:59");
	ticks_format_countdown(86400, b, sizeof b);
	assert_string_equal(b, "1d 00:00:00");
	/* 1699200 = 19 × 86400 (1641600) + 16 × 3600 (57600) */
	ticks_format_countdown(1699200, b, sizeof b);
	assert_string_equal(b, "19d 16:00:00");
	ticks_format_countdown(1, b, sizeof b);
	assert_string_equal(b, "00:00:01");
	ticks_format_countdown(0, b, sizeof b);
	assert_string_equal(b, "-");
	ticks_format_countdown(-5, b, sizeof b);
	assert_string_equal(b, "-");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_amount__decimals_and_zero),
		cmocka_unit_test(parse_time__now_date_and_iso),
		cmocka_unit_test(sell_now__liquid_token_pending),
		cmocka_unit_test(sell_now__none_for_natives_shares_claimed_or_unpriced),
		cmocka_unit_test(countdown__to_the_second),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
