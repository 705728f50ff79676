/* test_plan.c — rebalancing plans for small portfolios, every figure worked
 * out by hand in the comments. The rows come from valuation_compute (the
 * board's code path).
 *
 * The catalog and market are tests/positions/plan_fixture.h's.
 * Swap fee 0.3 % (0.003) unless a test says otherwise. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "tests/positions/plan_fixture.h"

static const struct plan_settings settings = { 0.003, 0, NOW, NULL };

static void targets(const char *text, struct plan_targets *t)
{
	char err[256] = "";
	int rc = plan_targets_parse(text, &cat, t, err, sizeof err);
	if (rc)
		fprintf(stderr, "%s\n", err);
	assert_int_equal(rc, 0);
}

static const struct plan_trade *trade_of(const struct plan *p, int64_t id)
{
	for (size_t i = 0; i < p->n_trades; i++)
		if (p->trades[i].position_id == id)
			return &p->trades[i];
	return NULL;
}

static const struct plan_share *share(const struct plan_share *s, size_t n, const char *label)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s[i].label, label) == 0)
			return &s[i];
	return NULL;
}

static void near(long double got, double want)
{
	if (fabsl(got - (long double)want) > EPS) {
		fprintf(stderr, "got %.12Lf, want %.12f\n", got, want);
		fail();
	}
}

/* The four-position portfolio:
 *   #1 ETH 10 staked          NAV 10 × 2000         = 20000
 *   #2 LST 10                 NAV 10 × 1.2 × 2000   = 24000
 *   #3 LRT 3                  NAV 3 × 1.0 × 2000    =  6000
 *   #4 ETH 5 idle             NAV 5 × 2000          = 10000
 *   V = 60000 */
static void four(struct pf *f)
{
	memset(f, 0, sizeof *f);
	hold(f, 1, "ETH", "10", false, 0);
	hold(f, 2, "LST", "10", false, 0);
	hold(f, 3, "LRT", "3", false, 0);
	hold(f, 4, "ETH", "5", true, 0);
}

/* native=50, liquid=30, restaked=20 on V = 60000:
 *   native   target 30000, before 20000 → add    10000 (#1: 10000/2000 = 5 ETH)
 *   liquid   target 18000, before 24000 → reduce  6000 (#2)
 *   restaked target 12000, before  6000 → add     6000 (#3: 6000/2000 = 3 LRT)
 * Additions 16000 draw on the idle 10000 first (#4 uses all 5 ETH), the
 * reduction pays the other 6000; moved out 16000 = moved in 16000.
 * #2's 6000 is 6000 × 10 / 24000 = 2.5 LST = 2.5 × 1.2 = 3 ETH underlying.
 *   swap:   2.5 × 2376 × (1 − 0.003) = 5940 × 0.997 = 5922.18, cost 77.82
 *   redeem: 5 days (queue typical), forgone 6000 × 0.05 × 5/365
 *           = 300 × 5 / 365 = 4.109589041…, cheaper → redeem
 * Before: APY = (20000×.03 + 24000×.05 + 6000×.04 + 10000×0) / 60000
 *             = (600 + 1200 + 240) / 60000 = 2040 / 60000 = 0.034, yield 2040
 * After:  #1 30000, #2 18000, #3 12000, #4 0:
 *         yield = 900 + 900 + 480 = 2280, APY = 2280 / 60000 = 0.038 */
static void test_plan_by_kind(void **state)
{
	(void)state;
	struct pf f;
	struct plan_targets t;
	struct plan p;
	four(&f);
	targets("native=50,liquid=30,restaked=20", &t);
	assert_int_equal(t.dim, PLAN_BY_KIND);
	assert_int_equal(plan_compute(&f.p, &t, &settings, &p), 0);
	assert_true(p.sum_ok);
	assert_true(p.all_reachable);
	assert_int_equal(p.n_trades, 4);
	assert_int_equal(p.n_unvalued, 0);

	const struct plan_trade *tr = trade_of(&p, 4);
	assert_non_null(tr);
	assert_int_equal(tr->action, PLAN_USE_IDLE);
	assert_int_equal(tr->route, ROUTE_IDLE);
	near(tr->value, 10000);
	near(tr->amount, 5);

	tr = trade_of(&p, 2);
	assert_non_null(tr);
	assert_int_equal(tr->action, PLAN_REDUCE);
	near(tr->value, 6000);
	near(tr->amount, 2.5);
	near(tr->underlying, 3);
	assert_true(tr->swap.available && tr->redeem.available);
	near(tr->swap.receive, 5922.18);
	near(tr->swap.cost, 77.82);
	near(tr->redeem.days, 5);
	near(tr->redeem.cost, 300.0 * 5 / 365);
	near(tr->redeem.receive, 6000);
	assert_int_equal(tr->route, ROUTE_REDEEM);

	tr = trade_of(&p, 1);
	assert_int_equal(tr->action, PLAN_ADD);
	near(tr->value, 10000);
	near(tr->amount, 5);
	tr = trade_of(&p, 3);
	assert_int_equal(tr->action, PLAN_ADD);
	near(tr->value, 6000);
	near(tr->amount, 3);

	near(p.moved_out, 16000);
	near(p.moved_in, 16000);
	near(p.unallocated, 0);
	near(p.total_cost, 300.0 * 5 / 365);

	near(p.before.total, 60000);
	assert_true(p.before.apy.has);
	near(p.before.apy.v, 0.034);
	near(p.before.yield_365d_value.v, 2040);
	near(p.after.total, 60000);
	near(p.after.apy.v, 0.038);
	near(p.after.yield_365d_value.v, 2280);
	near(share(p.after.kind, p.after.n_kind, "native")->weight, 0.5);
	near(share(p.after.kind, p.after.n_kind, "liquid")->weight, 0.3);
	near(share(p.after.kind, p.after.n_kind, "restaked")->weight, 0.2);
	near(share(p.after.kind, p.after.n_kind, "idle")->weight, 0);
	/* before: native 20000/60000, idle 10000/60000 */
	near(share(p.before.kind, p.before.n_kind, "native")->weight, 20000.0 / 60000);
	near(share(p.before.kind, p.before.n_kind, "idle")->weight, 10000.0 / 60000);
	/* protocol after: lido 18000 = 0.3, etherfi 12000 = 0.2, native 0.5 */
	near(share(p.after.protocol, p.after.n_protocol, "lido")->weight, 0.3);
	near(share(p.after.protocol, p.after.n_protocol, "etherfi")->weight, 0.2);
	near(share(p.after.chain, p.after.n_chain, "ethereum")->weight, 1.0);
	plan_free(&p);
}

/* By asset, ETH=60, LST=40, on #1 ETH 10 (20000) and #3 LRT 10 (20000),
 * V = 40000:
 *   ETH target 24000 → add 4000 (2 ETH)
 *   LST target 16000, no LST position → cannot be met, shortfall 16000
 *   LRT not named → target 0 → reduce all 20000 (10 LRT)
 *     swap: 10 × 2010 × 0.997 = 20039.7, cost 20000 − 20039.7 = −39.7
 *     redeem: 7 days, forgone 20000 × 0.04 × 7/365 = 800 × 7/365 = 15.342…
 *     → swap (a premium above the fee is a gain)
 *   moved out 20000, in 4000, unallocated 16000 (cash, kind idle)
 *   after: ETH 24000 = 0.6, cash 16000 = 0.4 */
static void test_plan_unreachable_target(void **state)
{
	(void)state;
	struct pf f;
	struct plan_targets t;
	struct plan p;
	memset(&f, 0, sizeof f);
	hold(&f, 1, "ETH", "10", false, 0);
	hold(&f, 3, "LRT", "10", false, 0);
	targets("eth=60,lst=40", &t);
	assert_int_equal(t.dim, PLAN_BY_ASSET);
	assert_string_equal(t.t[0].key, "ETH");
	assert_int_equal(plan_compute(&f.p, &t, &settings, &p), 0);
	assert_true(p.sum_ok);
	assert_false(p.all_reachable);
	const struct plan_group *lst = NULL, *lrt = NULL;
	for (size_t g = 0; g < p.n_groups; g++) {
		if (strcmp(p.groups[g].key, "LST") == 0)
			lst = &p.groups[g];
		if (strcmp(p.groups[g].key, "LRT") == 0)
			lrt = &p.groups[g];
	}
	assert_non_null(lst);
	assert_false(lst->reachable);
	assert_string_equal(lst->why, "no valued position to add to");
	near(lst->shortfall, 16000);
	assert_non_null(lrt);
	assert_false(lrt->named);
	near(lrt->after, 0);

	const struct plan_trade *tr = trade_of(&p, 3);
	assert_int_equal(tr->action, PLAN_REDUCE);
	near(tr->amount, 10);
	near(tr->swap.receive, 20039.7);
	near(tr->swap.cost, -39.7);
	near(tr->redeem.cost, 800.0 * 7 / 365);
	near(tr->redeem.days, 7);
	assert_int_equal(tr->route, ROUTE_SWAP);
	tr = trade_of(&p, 1);
	near(tr->amount, 2);
	near(p.moved_out, 20000);
	near(p.moved_in, 4000);
	near(p.unallocated, 16000);
	near(share(p.after.kind, p.after.n_kind, "native")->weight, 0.6);
	near(share(p.after.kind, p.after.n_kind, "idle")->weight, 0.4);
	near(share(p.after.protocol, p.after.n_protocol, "cash")->value, 16000);
	/* after APY: 24000 × 0.03 = 720 over 40000 (cash earns 0) = 0.018 */
	near(p.after.apy.v, 0.018);
	near(p.after.yield_365d_value.v, 720);
	plan_free(&p);
}

/* A position still unbonding: #2 LST held 6 (10 less the 4 already
 * leaving, as the store keeps it), #5 LST held 0 with all 10 leaving, #1
 * ETH 10. native=100, liquid=0:
 *   #2 NAV 6 × 1.2 × 2000 = 14400, #5 NAV 0, #1 20000; V = 34400
 *   liquid reduce 14400: #2 sells its 6 held (never the 4 leaving), #5
 *   sells nothing (no trade); native adds 14400 = 7.2 ETH. */
static void test_plan_unbonding_not_sold_twice(void **state)
{
	(void)state;
	struct pf f;
	struct plan_targets t;
	struct plan p;
	memset(&f, 0, sizeof f);
	hold(&f, 1, "ETH", "10", false, 0);
	hold(&f, 2, "LST", "6", false, 4);
	hold(&f, 5, "LST", "0", false, 10);
	targets("native=100,liquid=0", &t);
	assert_int_equal(plan_compute(&f.p, &t, &settings, &p), 0);
	assert_int_equal(p.n_trades, 2);
	assert_int_equal(p.n_unvalued, 0);
	const struct plan_trade *tr = trade_of(&p, 2);
	near(tr->value, 14400);
	near(tr->amount, 6);
	near(tr->unbonding, 4);
	assert_null(trade_of(&p, 5));
	tr = trade_of(&p, 1);
	near(tr->amount, 7.2);
	near(p.after_nav[1], 0);
	near(p.after_nav[2], 0);
	near(p.after.total, 34400);
	plan_free(&p);
}

/* A token with no rate and an asset at a zero price are left out of V and
 * listed, never valued at 0:
 *   #1 ETH 10 = 20000; #6 NORATE 5 (no rate source); #7 ZC 100 (price 0)
 *   V = 20000. native=50, liquid=50:
 *   native target 10000 → reduce 10000 = 5 ETH by unstaking (10 days):
 *     forgone 10000 × 0.03 × 10/365 = 300 × 10/365 = 8.219178…; no swap
 *   liquid: its only position has no NAV → cannot be met, "no rate source",
 *     shortfall 10000; the 10000 stays unallocated. */
static void test_plan_no_rate_and_zero_price(void **state)
{
	(void)state;
	struct pf f;
	struct plan_targets t;
	struct plan p;
	memset(&f, 0, sizeof f);
	hold(&f, 1, "ETH", "10", false, 0);
	hold(&f, 6, "NORATE", "5", false, 0);
	hold(&f, 7, "ZC", "100", false, 0);
	targets("native=50,liquid=50", &t);
	assert_int_equal(plan_compute(&f.p, &t, &settings, &p), 0);
	assert_int_equal(p.n_unvalued, 2);
	assert_int_equal(p.unvalued[0].position_id, 6);
	assert_string_equal(p.unvalued[0].why, "no rate source");
	assert_int_equal(p.unvalued[1].position_id, 7);
	assert_string_equal(p.unvalued[1].why, "zero price");
	assert_true(isnan((double)p.after_nav[1]) && isnan((double)p.after_nav[2]));
	near(p.before.total, 20000);
	assert_false(p.all_reachable);
	const struct plan_group *liq = &p.groups[1];
	assert_string_equal(liq->key, "liquid");
	assert_false(liq->reachable);
	assert_string_equal(liq->why, "no rate source");
	near(liq->shortfall, 10000);
	assert_int_equal(p.n_trades, 1);
	const struct plan_trade *tr = trade_of(&p, 1);
	assert_int_equal(tr->route, ROUTE_UNSTAKE);
	assert_false(tr->swap.available);
	near(tr->amount, 5);
	near(tr->redeem.days, 10);
	near(tr->redeem.cost, 300.0 * 10 / 365);
	near(p.unallocated, 10000);
	/* weights leave the two out: native 10000 + cash 10000 */
	near(p.after.total, 20000);
	plan_free(&p);
}

/* Nothing valued at all (#6 NORATE 5 only): V = 0, liquid=100 cannot be
 * met, with the position's reason; no trade, shortfall 100 % of 0 = 0. */
static void test_plan_nothing_valued(void **state)
{
	(void)state;
	struct pf f;
	struct plan_targets t;
	struct plan p;
	memset(&f, 0, sizeof f);
	hold(&f, 6, "NORATE", "5", false, 0);
	targets("liquid=100", &t);
	assert_int_equal(plan_compute(&f.p, &t, &settings, &p), 0);
	assert_false(p.all_reachable);
	assert_false(p.groups[0].reachable);
	assert_string_equal(p.groups[0].why, "no rate source");
	assert_int_equal(p.n_trades, 0);
	assert_int_equal(p.n_unvalued, 1);
	assert_false(p.before.apy.has);
	near(p.after.total, 0);
	plan_free(&p);
}

/* Minimum trade 7000 on the four-position plan of test_plan_by_kind:
 * #2's reduce 6000 and #3's add 6000 are left out (2 trades, 12000);
 * #4's 10000 and #1's 10000 stay: out 10000 = in 10000.
 * After: native 30000 = 0.5, liquid 24000 = 0.4, restaked 6000 = 0.1. */
static void test_plan_min_trade(void **state)
{
	(void)state;
	struct pf f;
	struct plan_targets t;
	struct plan p;
	struct plan_settings s = settings;
	s.min_trade = 7000;
	four(&f);
	targets("native=50,liquid=30,restaked=20", &t);
	assert_int_equal(plan_compute(&f.p, &t, &s, &p), 0);
	assert_int_equal(p.n_trades, 2);
	assert_int_equal(p.n_skipped, 2);
	near(p.skipped_value, 12000);
	near(p.moved_out, 10000);
	near(p.moved_in, 10000);
	near(share(p.after.kind, p.after.n_kind, "liquid")->weight, 0.4);
	near(share(p.after.kind, p.after.n_kind, "restaked")->weight, 0.1);
	plan_free(&p);
}

/* native=40, liquid=40, restaked=15 sums to 95: no trades, the sum said. */
static void test_plan_sum_off(void **state)
{
	(void)state;
	struct pf f;
	struct plan_targets t;
	struct plan p;
	four(&f);
	targets("native=40,liquid=40,restaked=15", &t);
	assert_int_equal(plan_compute(&f.p, &t, &settings, &p), 0);
	assert_false(p.sum_ok);
	assert_true(fabs(p.targets_sum - 95) < 1e-9);
	assert_int_equal(p.n_trades, 0);
	near(p.after.total, 60000);
	plan_free(&p);
}

/* By chain, ethereum=50, solana=50 on #1 ETH 10 (20000) and #8 SOL 100
 * (100 × 100 = 10000), V = 30000: ethereum reduce 5000 (2.5 ETH),
 * solana add 5000 (50 SOL). */
static void test_plan_by_chain(void **state)
{
	(void)state;
	struct pf f;
	struct plan_targets t;
	struct plan p;
	memset(&f, 0, sizeof f);
	hold(&f, 1, "ETH", "10", false, 0);
	hold(&f, 8, "SOL", "100", false, 0);
	targets("Ethereum=50,SOLANA=50", &t);
	assert_int_equal(t.dim, PLAN_BY_CHAIN);
	assert_string_equal(t.t[1].key, "solana");
	assert_int_equal(plan_compute(&f.p, &t, &settings, &p), 0);
	near(trade_of(&p, 1)->amount, 2.5);
	near(trade_of(&p, 8)->amount, 50);
	near(share(p.after.chain, p.after.n_chain, "solana")->weight, 0.5);
	plan_free(&p);
}

static void test_targets_parse(void **state)
{
	(void)state;
	struct plan_targets t;
	char err[256];
	assert_int_equal(plan_targets_parse("lido=70,etherfi=30", &cat, &t, err, sizeof err), 0);
	assert_int_equal(t.dim, PLAN_BY_PROTOCOL);
	assert_true(fabs(plan_targets_sum(&t) - 100) < 1e-9);
	char buf[128];
	plan_targets_format(&t, buf, sizeof buf);
	assert_string_equal(buf, "lido=70,etherfi=30");

	assert_int_equal(plan_targets_parse("native=12.5,liquid=87.5", &cat, &t, err, sizeof err), 0);
	assert_true(fabs(t.t[0].pct - 12.5) < 1e-12);

	/* "native" among protocols is native stake's protocol (the grouping's
	 * name for it), in either order */
	assert_int_equal(plan_targets_parse("native=50,lido=50", &cat, &t, err, sizeof err), 0);
	assert_int_equal(t.dim, PLAN_BY_PROTOCOL);
	assert_int_equal(plan_targets_parse("lido=50,native=50", &cat, &t, err, sizeof err), 0);
	assert_int_equal(t.dim, PLAN_BY_PROTOCOL);
	assert_int_equal(plan_targets_parse("liquid=50,lido=50", &cat, &t, err, sizeof err), -1);
	assert_non_null(strstr(err, "is a protocol but the first is a kind"));
	assert_int_equal(plan_targets_parse("native=50,lido=40,liquid=10", &cat, &t, err, sizeof err),
	                 -1);
	assert_non_null(strstr(err, "is a kind but the first is a protocol"));
	assert_int_equal(plan_targets_parse("native=50,NATIVE=50", &cat, &t, err, sizeof err), -1);
	assert_non_null(strstr(err, "given twice"));
	assert_int_equal(plan_targets_parse("native=-5", &cat, &t, err, sizeof err), -1);
	assert_non_null(strstr(err, "'-5' is not a percentage"));
	assert_int_equal(plan_targets_parse("native=101", &cat, &t, err, sizeof err), -1);
	assert_int_equal(plan_targets_parse("native=1e2", &cat, &t, err, sizeof err), -1);
	assert_int_equal(plan_targets_parse("native", &cat, &t, err, sizeof err), -1);
	assert_int_equal(plan_targets_parse("", &cat, &t, err, sizeof err), -1);
	assert_int_equal(plan_targets_parse(",,", &cat, &t, err, sizeof err), -1);
	/* hostile bytes come back as '?' */
	assert_int_equal(plan_targets_parse("\x1b[31mx=5,y\xff=1", &cat, &t, err, sizeof err), -1);
	assert_non_null(strstr(err, "unknown target key '?[31mx'"));
	for (const char *c = err; *c; c++)
		assert_true((unsigned char)*c >= 0x20 && (unsigned char)*c < 0x7f);
	assert_int_equal(plan_targets_parse("native=5\x1b", &cat, &t, err, sizeof err), -1);
	assert_non_null(strstr(err, "'5?' is not a percentage"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_by_kind),
		cmocka_unit_test(test_plan_unreachable_target),
		cmocka_unit_test(test_plan_unbonding_not_sold_twice),
		cmocka_unit_test(test_plan_no_rate_and_zero_price),
		cmocka_unit_test(test_plan_nothing_valued),
		cmocka_unit_test(test_plan_min_trade),
		cmocka_unit_test(test_plan_sum_off),
		cmocka_unit_test(test_plan_by_chain),
		cmocka_unit_test(test_targets_parse),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
