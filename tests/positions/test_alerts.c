/* test_alerts.c — which alert conditions hold: premium beyond the rule
 * (per-token override, 0 = off, one alert per token), claimable at the
 * exact second, stale feeds, a day's move; numbers worked by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "positions/alerts.h"

#define T0 INT64_C(1795593600)

static struct position pos(int64_t id, const char *sym)
{
	struct position p;
	memset(&p, 0, sizeof p);
	p.id = id;
	snprintf(p.asset, sizeof p.asset, "%s", sym);
	return p;
}

static struct valuation val(double nav, double prem)
{
	struct valuation v;
	memset(&v, 0, sizeof v);
	v.nav = (struct figure){ true, nav };
	v.premium_bps = (struct figure){ true, prem };
	return v;
}

static void premium_rules(void **state)
{
	(void)state;
	struct alert_rules r;
	alert_rules_defaults(&r);      /* 100 bps for all */
	snprintf(r.token[0].sym, sizeof r.token[0].sym, "rETH");
	r.token[0].bps = 0;             /* rETH: off */
	snprintf(r.token[1].sym, sizeof r.token[1].sym, "mSOL");
	r.token[1].bps = 20;            /* mSOL: tighter */
	r.n_token = 2;
	r.move_pct = 0;
	/* wstETH twice at −150 (beyond 100: one alert for the token), rETH at
	 * −500 (off), mSOL at +25 (beyond 20), stETH at −99.9 (within 100) */
	struct position p[5] = { pos(1, "wstETH"), pos(2, "wstETH"), pos(3, "rETH"),
		                 pos(4, "mSOL"), pos(5, "stETH") };
	struct valuation v[5] = { val(1, -150), val(1, -150), val(1, -500), val(1, 25),
		                  val(1, -99.9) };
	struct alert_input in = { .positions = p, .rows = v, .n_positions = 5, .now = T0,
		                  .stale_s = 900 };
	struct alert_hit h[8];
	size_t n = alerts_evaluate(&r, &in, h, 8);
	assert_int_equal(n, 2);
	assert_string_equal(h[0].key, "premium:wstETH");
	assert_string_equal(h[0].message, "wstETH discount -150 bps (beyond 100)");
	assert_string_equal(h[1].key, "premium:mSOL");
	assert_string_equal(h[1].message, "mSOL premium +25 bps (beyond 20)");
	/* counting only (no room) gives at least as many */
	assert_true(alerts_evaluate(&r, &in, NULL, 0) >= 2);
}

static void claimable_stale_move(void **state)
{
	(void)state;
	struct alert_rules r;
	alert_rules_defaults(&r);       /* move 10 % */
	struct position p[1] = { pos(7, "ETH") };
	/* 1 100 now against 1 000 a day ago: +10.0 %, not beyond 10;
	 * then 1 101: +10.1 % */
	struct valuation v[1] = { val(1100, 0) };
	struct alert_past past[1] = { { 7, true, 1000 } };
	struct unbonding u[2];
	memset(u, 0, sizeof u);
	u[0].id = 3; u[0].position_id = 7; u[0].available_at = T0;      /* due now */
	u[1].id = 4; u[1].position_id = 7; u[1].available_at = T0 + 1;  /* a second later */
	(void)dec_parse("2.5", 18, &u[0].amount, NULL, 0);
	struct alert_feed f[3] = {
		{ "coingecko", T0, T0 - 900 },     /* 900 s: not beyond 900 */
		{ "eth_rpc", T0, T0 - 901 },       /* beyond */
		{ "beacon", 0, 0 },                /* never attempted (off): nothing */
	};
	struct alert_input in = { .positions = p, .rows = v, .n_positions = 1, .past = past,
		                  .unbondings = u, .n_unbondings = 2, .feeds = f, .n_feeds = 3,
		                  .now = T0, .stale_s = 900 };
	struct alert_hit h[8];
	size_t n = alerts_evaluate(&r, &in, h, 8);
	assert_int_equal(n, 2);
	assert_string_equal(h[0].key, "claimable:3");
	assert_string_equal(h[0].message, "unbonding 3 of position 7 claimable (2.5)");
	assert_string_equal(h[1].key, "stale:eth_rpc");
	assert_string_equal(h[1].message, "feed eth_rpc stale: last success 901s ago (limit 900s)");
	v[0].nav.v = 1101;
	n = alerts_evaluate(&r, &in, h, 8);
	assert_int_equal(n, 3);
	assert_string_equal(h[0].key, "move:7");
	assert_string_equal(h[0].message, "position 7 (ETH) value +10.1 % in a day");
	/* rules off: nothing */
	r.claimable = r.stale = false;
	r.move_pct = 0;
	assert_int_equal(alerts_evaluate(&r, &in, h, 8), 0);
}

static void hostile_names_sanitized(void **state)
{
	(void)state;
	struct alert_rules r;
	alert_rules_defaults(&r);
	struct alert_feed f[1] = { { "x\033[2Jy", T0, 0 } };
	snprintf(f[0].name, sizeof f[0].name, "x\033[2Jy");
	f[0].last_success = 0;
	struct alert_input in = { .feeds = f, .n_feeds = 1, .now = T0, .stale_s = 900 };
	struct alert_hit h[2];
	assert_int_equal(alerts_evaluate(&r, &in, h, 2), 1);
	assert_null(strchr(h[0].message, '\033'));
	assert_string_equal(h[0].message, "feed x?[2Jy stale: never succeeded");
}

/* A loan's health factor below the rule: HF = collateral × LT / debt.
 * Loan 1: 10 wstETH at NAV 3,660.13 = 36,601.30, LT 0.81, debt 25,000 USDC
 * → HF = 36,601.30 × 0.81 / 25,000 = 1.18587... : above 1.1, no alert;
 * below a rule of 1.2, an alert. Loan 2: HF 0.95 → liquidatable. Loan 3:
 * no debt, no HF: never an alert. At exactly the rule: not below. */
static void health_factor_below_rule(void **state)
{
	(void)state;
	struct alert_rules r;
	alert_rules_defaults(&r);
	r.claimable = r.stale = false;
	r.move_pct = 0;
	r.premium_bps = 0;
	assert_true(r.health_factor == 1.1);
	const double hf1 = 36601.30 * 0.81 / 25000;
	struct alert_loan l[4] = {
		{ .id = 1, .collateral = "wstETH", .has_hf = true, .hf = hf1 },
		{ .id = 2, .collateral = "weETH", .has_hf = true, .hf = 0.95 },
		{ .id = 3, .collateral = "rETH", .has_hf = false, .hf = 0 },
		{ .id = 4, .collateral = "x\033[2Jy", .has_hf = true, .hf = 1.1 },
	};
	struct alert_input in = { .loans = l, .n_loans = 4, .now = T0, .stale_s = 900 };
	struct alert_hit h[4];
	assert_int_equal(alerts_evaluate(&r, &in, h, 4), 1);
	assert_int_equal(h[0].kind, ALERT_HEALTH);
	assert_string_equal(h[0].key, "health:2");
	assert_string_equal(h[0].message,
	                    "loan 2 (weETH collateral) health factor 0.95, below 1.10: liquidatable");
	r.health_factor = 1.2;   /* now loan 1 too, 1.19 < 1.2; loan 4 at 1.1 < 1.2 */
	assert_int_equal(alerts_evaluate(&r, &in, h, 4), 3);
	assert_string_equal(h[0].message, "loan 1 (wstETH collateral) health factor 1.19, below 1.20");
	assert_null(strchr(h[2].message, '\033'));
	r.health_factor = 0;     /* off */
	assert_int_equal(alerts_evaluate(&r, &in, h, 4), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(premium_rules),
		cmocka_unit_test(claimable_stale_move),
		cmocka_unit_test(hostile_names_sanitized),
		cmocka_unit_test(health_factor_below_rule),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
