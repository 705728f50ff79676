/* test_history.c — positions/history.c on series worked out by hand: the
 * date grid (month ends, ISO weeks, days), units from events, NAV, market
 * value, premium and the split of each change into rewards, price and
 * flows, rebasing shares, a rate that arrives late, realized yield. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "positions/history.h"

#define NEAR(a, b) assert_true(fabsl((long double)(a) - (long double)(b)) < 1e-6L)

/* --- the grid ------------------------------------------------------------ */

static void grid__month_ends_then_to(void **state)
{
	(void)state;
	int64_t *t;
	size_t n;
	/* 2024-01-15 (1705276800) to 2024-04-10T12:00Z (1712750400): the last
	 * second of January, February (leap: 29 days), March, then `to` */
	assert_int_equal(hist_grid(1705276800, 1712750400, HIST_MONTH, 1000, &t, &n), 0);
	assert_int_equal(n, 4);
	assert_true(t[0] == 1706745600 - 1); /* 2024-02-01 − 1 s */
	assert_true(t[1] == 1709251200 - 1); /* 2024-03-01 − 1 s */
	assert_true(t[2] == 1711929600 - 1); /* 2024-04-01 − 1 s */
	assert_true(t[3] == 1712750400);
	free(t);
	/* a December rolls into the next year: 2023-12-31 23:59:59 = 1704067199 */
	assert_int_equal(hist_grid(1701388800 /* 2023-12-01 */, 1705276800, HIST_MONTH, 1000,
	                           &t, &n), 0);
	assert_int_equal(n, 2);
	assert_true(t[0] == 1704067199);
	free(t);
}

static void grid__weeks_days_hours_and_limits(void **state)
{
	(void)state;
	int64_t *t;
	size_t n;
	/* 2026-11-25 is a Wednesday: its week ends Sunday 2026-11-29 23:59:59
	 * = 2026-11-30 (1795996800) − 1; the next one a week later */
	assert_int_equal(hist_grid(1795593600, 1796601600 + 100, HIST_WEEK, 1000, &t, &n), 0);
	assert_int_equal(n, 3);
	assert_true(t[0] == 1795996800 - 1);
	assert_true(t[1] == 1796601600 - 1);
	assert_true(t[2] == 1796601600 + 100);
	free(t);
	/* days: 2026-11-25T08:00Z to 2026-11-27T00:00Z → two day ends and `to` */
	assert_int_equal(hist_grid(1795593600, 1795737600, HIST_DAY, 1000, &t, &n), 0);
	assert_int_equal(n, 3);
	assert_true(t[0] == 1795651200 - 1 && t[1] == 1795737600 - 1 && t[2] == 1795737600);
	free(t);
	/* hours: 08:00:00 to 10:30:00 → 08:59:59, 09:59:59, 10:30:00 */
	assert_int_equal(hist_grid(1795593600, 1795593600 + 9000, HIST_HOUR, 1000, &t, &n), 0);
	assert_int_equal(n, 3);
	assert_true(t[0] == 1795593600 + 3599 && t[2] == 1795593600 + 9000);
	free(t);
	/* to before from, and a grid longer than allowed, are refused */
	assert_int_equal(hist_grid(1795593600, 1795593599, HIST_DAY, 1000, &t, &n), -1);
	assert_int_equal(hist_grid(0, 1795593600, HIST_HOUR, 1000, &t, &n), -1);
	assert_null(t);
	enum hist_step st;
	assert_int_equal(hist_step_parse("1mo", &st), 0);
	assert_int_equal(st, HIST_MONTH);
	assert_int_equal(hist_step_parse("1m", &st), -1);
	assert_int_equal(hist_step_parse("1d\x1b", &st), -1);
	assert_int_equal(hist_step_parse("", &st), -1);
}

/* --- units from events ---------------------------------------------------- */

static struct event ev(int64_t ts, enum event_type type, const char *amount, bool removed)
{
	struct event e;
	memset(&e, 0, sizeof e);
	e.ts = ts;
	e.type = type;
	e.removed = removed;
	if (amount) {
		e.has_amount = true;
		assert_int_equal(event_amount_parse(type, amount, 18, &e.amount, NULL, 0), 0);
	}
	return e;
}

static void events_from__signs_order_removed_claim(void **state)
{
	(void)state;
	const struct event in[] = {
		ev(350, EVENT_UNBOND, "2", false),
		ev(100, EVENT_STAKE, "10", false),
		ev(200, EVENT_DEPOSIT, "50", true),   /* removed: does not count */
		ev(300, EVENT_WITHDRAW, "3", false),
		ev(250, EVENT_ADJUST, "-1", false),
		ev(400, EVENT_CLAIM, NULL, false),    /* the unbond took it out already */
	};
	struct hist_event *out;
	size_t n;
	assert_int_equal(hist_events_from(in, 6, 2, &out, &n), 0);
	/* sorted, each × 2 (shares per token): +20 @100, −2 @250, −6 @300, −4 @350 */
	assert_int_equal(n, 4);
	assert_true(out[0].ts == 100 && out[0].delta == 20);
	assert_true(out[1].ts == 250 && out[1].delta == -2);
	assert_true(out[2].ts == 300 && out[2].delta == -6);
	assert_true(out[3].ts == 350 && out[3].delta == -4);
	free(out);
}

/* --- valuation on the grid -------------------------------------------------- */

/* ETH (native), stETH (rebasing, shares valued by wstETH's rate), wstETH
 * (reward-bearing, rate in stETH; stETH → ETH at 1). */
static struct asset assets[3];
static struct catalog cat = { assets, 3 };
enum { ETH, STETH, WSTETH };

static void make_catalog(void)
{
	memset(assets, 0, sizeof assets);
	snprintf(assets[ETH].symbol, SYM_MAX, "ETH");
	assets[ETH].model = MODEL_NATIVE;
	assets[ETH].rate.type = RATE_ONE;
	snprintf(assets[STETH].symbol, SYM_MAX, "stETH");
	assets[STETH].model = MODEL_REBASING;
	assets[STETH].rate.type = RATE_ONE;
	snprintf(assets[STETH].underlying, SYM_MAX, "ETH");
	snprintf(assets[STETH].share_rate_from, SYM_MAX, "wstETH");
	snprintf(assets[WSTETH].symbol, SYM_MAX, "wstETH");
	assets[WSTETH].model = MODEL_REWARD_BEARING;
	assets[WSTETH].rate.type = RATE_EVM_CALL;
	snprintf(assets[WSTETH].underlying, SYM_MAX, "stETH");
}

static const int64_t T[3] = { 1000, 2000, 3000 };

static void put(struct hist_samples *s, int a, int k, const double v[3])
{
	for (size_t i = 0; i < 3; i++) {
		if (isnan(v[i]))
			continue;
		s->has[hist_at(s, (size_t)a, k, i)] = 1;
		s->v[hist_at(s, (size_t)a, k, i)] = v[i];
	}
}

/* ETH 2000, 2200, 2100; wstETH rate 1.10, 1.11, 1.12 and market 2180,
 * 2440, 2340; stETH market 1990, 2195, 2090. */
static void market(struct hist_samples *s)
{
	assert_int_equal(hist_samples_init(s, 3, 3), 0);
	put(s, ETH, HIST_PRICE, (const double[3]){ 2000, 2200, 2100 });
	put(s, WSTETH, HIST_RATE, (const double[3]){ 1.10, 1.11, 1.12 });
	put(s, WSTETH, HIST_PRICE, (const double[3]){ 2180, 2440, 2340 });
	put(s, STETH, HIST_PRICE, (const double[3]){ 1990, 2195, 2090 });
}

static struct hist_event evs_a[] = { { 900, 10 }, { 1950, 2 } };   /* wstETH 10, +2 */
static struct hist_event evs_b[] = { { 999, 5 }, { 3000, -1 } };   /* ETH 5, −1 at t2 */

static void compute__nav_market_premium_and_split(void **state)
{
	(void)state;
	make_catalog();
	struct hist_samples s;
	market(&s);
	struct hist_holding h[2] = {
		{ .position_id = 1, .asset = &assets[WSTETH], .ev = evs_a, .n_ev = 2 },
		{ .position_id = 2, .asset = &assets[ETH], .ev = evs_b, .n_ev = 2 },
	};
	bool need[3 * HIST_KINDS] = { false };
	hist_needed(&cat, h, 2, need);
	/* wstETH's rate and price, the underlying ETH's price; stETH's link is
	 * RATE_ONE (no series), and no stETH price is read for wstETH */
	assert_true(need[WSTETH * 2 + HIST_RATE] && need[WSTETH * 2 + HIST_PRICE]);
	assert_true(need[ETH * 2 + HIST_PRICE]);
	assert_false(need[STETH * 2 + HIST_RATE] || need[STETH * 2 + HIST_PRICE]);
	assert_false(need[ETH * 2 + HIST_RATE]);

	struct hist_row r[3];
	assert_int_equal(hist_compute(&cat, h, 2, T, 3, &s, r), 0);
	/* units: wstETH 10, 12, 12; ETH 5, 5, 4 (the withdraw at t2 counts at t2)
	 * NAV t0 = 10 × 1.10 × 2000 + 5 × 2000 = 22000 + 10000 = 32000
	 *     t1 = 12 × 1.11 × 2200 + 5 × 2200 = 29304 + 11000 = 40304
	 *     t2 = 12 × 1.12 × 2100 + 4 × 2100 = 28224 +  8400 = 36624 */
	NEAR(r[0].nav.v, 32000);
	NEAR(r[1].nav.v, 40304);
	NEAR(r[2].nav.v, 36624);
	/* market: 10 × 2180 + 10000 = 31800; 12 × 2440 + 11000 = 40280;
	 * 12 × 2340 + 8400 = 36480 */
	NEAR(r[0].market_value.v, 31800);
	NEAR(r[1].market_value.v, 40280);
	NEAR(r[2].market_value.v, 36480);
	/* premium: (31800 / 32000 − 1) × 10^4 = −62.5; (40280 / 40304 − 1) × 10^4
	 * = −240000 / 40304 = −5.954743...; −1440000 / 36624 = −39.318479... */
	NEAR(r[0].premium_bps.v, -62.5);
	NEAR(r[1].premium_bps.v, -240000.0L / 40304);
	NEAR(r[2].premium_bps.v, -1440000.0L / 36624);
	/* t0 → t1: wstETH rewards 10 × (1.11 − 1.10) × 2200 = 220, price
	 * 10 × 1.10 × 200 = 2200, flows 2 × 1.11 × 2200 = 4884; ETH price
	 * 5 × 200 = 1000. Row: 220, 3200, 4884 (sum 8304 = 40304 − 32000) */
	NEAR(r[0].rewards + r[0].price + r[0].flows, 0);
	NEAR(r[1].rewards, 220);
	NEAR(r[1].price, 3200);
	NEAR(r[1].flows, 4884);
	/* t1 → t2: wstETH rewards 12 × 0.01 × 2100 = 252, price 12 × 1.11 ×
	 * (−100) = −1332; ETH price 5 × (−100) = −500, flows −1 × 2100 = −2100.
	 * Row: 252, −1832, −2100 (sum −3680 = 36624 − 40304) */
	NEAR(r[2].rewards, 252);
	NEAR(r[2].price, -1832);
	NEAR(r[2].flows, -2100);
	long double rw, pr, fl;
	hist_split_total(r, 3, &rw, &pr, &fl);
	/* 220 + 252 = 472; 3200 − 1832 = 1368; 4884 − 2100 = 2784; the three
	 * make 4624 = 36624 − 32000 */
	NEAR(rw, 472);
	NEAR(pr, 1368);
	NEAR(fl, 2784);
	NEAR(rw + pr + fl, r[2].nav.v - r[0].nav.v);
	assert_int_equal(r[2].n_held, 2);
	assert_int_equal(r[2].n_unvalued, 0);

	/* one position alone: the ETH holding's split is all price and flows */
	assert_int_equal(hist_compute(&cat, h + 1, 1, T, 3, &s, r), 0);
	NEAR(r[1].rewards, 0);
	NEAR(r[1].price, 1000);
	assert_false(r[1].premium_bps.has == false); /* native: market = NAV, 0 bps */
	NEAR(r[1].premium_bps.v, 0);
	hist_samples_free(&s);
}

static void compute__rebasing_shares_grow_with_the_share_rate(void **state)
{
	(void)state;
	make_catalog();
	struct hist_samples s;
	market(&s);
	struct hist_event e[] = { { 0, 9 } };   /* 9 shares */
	struct hist_holding h = { .position_id = 3, .asset = &assets[STETH], .shares = true,
		                  .ev = e, .n_ev = 1 };
	struct hist_row r[3];
	assert_int_equal(hist_compute(&cat, &h, 1, T, 3, &s, r), 0);
	/* 9 shares × 1.10 ETH per share = 9.9 stETH: NAV 9.9 × 2000 = 19800,
	 * market 9.9 × 1990 = 19701; then 9.99 × 2200 = 21978 */
	NEAR(r[0].nav.v, 19800);
	NEAR(r[0].market_value.v, 19701);
	NEAR(r[1].nav.v, 21978);
	/* rewards 9 × 0.01 × 2200 = 198; price 9 × 1.10 × 200 = 1980 */
	NEAR(r[1].rewards, 198);
	NEAR(r[1].price, 1980);
	NEAR(r[1].flows, 0);
	hist_samples_free(&s);
}

static void compute__a_rate_that_arrives_late(void **state)
{
	(void)state;
	make_catalog();
	struct hist_samples s;
	assert_int_equal(hist_samples_init(&s, 3, 3), 0);
	put(&s, ETH, HIST_PRICE, (const double[3]){ 2000, 2200, 2100 });
	/* no wstETH rate until t1 */
	put(&s, WSTETH, HIST_RATE, (const double[3]){ NAN, 1.11, 1.12 });
	struct hist_holding h[2] = {
		{ .position_id = 1, .asset = &assets[WSTETH], .ev = evs_a, .n_ev = 2 },
		{ .position_id = 2, .asset = &assets[ETH], .ev = evs_b, .n_ev = 2 },
	};
	struct hist_row r[3];
	assert_int_equal(hist_compute(&cat, h, 2, T, 3, &s, r), 0);
	/* t0: only ETH is valued (10000); wstETH is held but has no NAV */
	assert_true(r[0].nav.has);
	NEAR(r[0].nav.v, 10000);
	assert_int_equal(r[0].n_unvalued, 1);
	/* no wstETH market price at all: market value counts ETH only, and the
	 * premium only the rows with both: (11000 / 11000 − 1) = 0 */
	NEAR(r[1].market_value.v, 11000);
	NEAR(r[1].premium_bps.v, 0);
	/* t1: wstETH appears with 29304: a flow, not a reward; the split still
	 * sums to 40304 − 10000 = 30304 = 29304 (flow) + 1000 (ETH price) */
	NEAR(r[1].rewards, 0);
	NEAR(r[1].flows, 29304);
	NEAR(r[1].price, 1000);
	NEAR(r[1].rewards + r[1].price + r[1].flows, r[1].nav.v - r[0].nav.v);
	hist_samples_free(&s);
}

static void compute__nothing_held_is_zero(void **state)
{
	(void)state;
	make_catalog();
	struct hist_samples s;
	market(&s);
	struct hist_event e[] = { { 2500, 1 } };   /* bought between t1 and t2 */
	struct hist_holding h = { .position_id = 2, .asset = &assets[ETH], .ev = e, .n_ev = 1 };
	struct hist_row r[3];
	assert_int_equal(hist_compute(&cat, &h, 1, T, 3, &s, r), 0);
	assert_true(r[0].nav.has && r[0].nav.v == 0 && r[0].n_held == 0);
	assert_false(r[0].premium_bps.has);
	NEAR(r[2].nav.v, 2100);
	NEAR(r[2].flows, 2100);
	hist_samples_free(&s);
}

/* --- realized yield --------------------------------------------------------- */

static void realized__apy_and_apr_from_two_rates(void **state)
{
	(void)state;
	struct hist_realized y;
	/* 1.00 → 1.01 over 73 days: APR = 0.01 × 365 / 73 = 0.05; APY = 1.01^5
	 * − 1 = 0.0510100501 */
	hist_realized(1.00, 0, 1.01, 73 * 86400, &y);
	assert_true(y.has);
	NEAR(y.apr, 0.05);
	NEAR(y.apy, 0.0510100501);
	NEAR(y.days, 73);
	/* 1.2 → 1.2023 over 7 days: APR = (1.2023 / 1.2 − 1) × 365 / 7 =
	 * 0.0019166667 × 52.142857 = 0.0999404762 */
	hist_realized(1.2, 100, 1.2023, 100 + 7 * 86400, &y);
	NEAR(y.apr, 0.0999404762);
	hist_realized(0, 0, 1.01, 86400, &y);
	assert_false(y.has);
	hist_realized(1, 86400, 1.01, 86400, &y);
	assert_false(y.has);
	hist_realized(NAN, 0, 1.01, 86400, &y);
	assert_false(y.has);
	make_catalog();
	assert_ptr_equal(hist_yield_rate_asset(&cat, &assets[WSTETH]), &assets[WSTETH]);
	assert_ptr_equal(hist_yield_rate_asset(&cat, &assets[STETH]), &assets[WSTETH]);
	assert_null(hist_yield_rate_asset(&cat, &assets[ETH]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(grid__month_ends_then_to),
		cmocka_unit_test(grid__weeks_days_hours_and_limits),
		cmocka_unit_test(events_from__signs_order_removed_claim),
		cmocka_unit_test(compute__nav_market_premium_and_split),
		cmocka_unit_test(compute__rebasing_shares_grow_with_the_share_rate),
		cmocka_unit_test(compute__a_rate_that_arrives_late),
		cmocka_unit_test(compute__nothing_held_is_zero),
		cmocka_unit_test(realized__apy_and_apr_from_two_rates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
