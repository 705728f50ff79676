/* test_risk.c — concentration and depeg stress for a small portfolio, every
 * figure worked out by hand in the comments. The rows come from valuation_compute (the
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
#include "positions/risk.h"

static void near(long double got, double want)
{
	if (fabsl(got - (long double)want) > EPS) {
		fprintf(stderr, "got %.12Lf, want %.12f\n", got, want);
		fail();
	}
}

static const struct risk_share *rshare(const struct risk_share *s, size_t n, const char *label)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s[i].label, label) == 0)
			return &s[i];
	return NULL;
}

/* #1 ETH 10 = 20000 (native), #2 LST 10 = 24000 (lido), #3 LRT 3 = 6000
 * (etherfi), #4 ETH 5 idle = 10000, #6 NORATE 5 (no NAV), #7 ZC 100 (price
 * 0), #8 SOL 100 = 10000 (solana). Total 70000, 2 rows left out.
 * Protocol shares: native 30000 = 0.428571… (never flagged), lido 24000 =
 * 0.342857… > 0.33 → flagged, etherfi 6000 = 0.085714…, idle 10000.
 * Chains: ethereum 60000 = 0.857142… → flagged, solana 10000 = 0.142857….
 * Depeg (tokens: LST 24000 + LRT 6000 = 30000):
 *   1 %: loss 300,  value 69700, worst LST 240
 *   5 %: loss 1500, value 68500, worst LST 1200
 *  10 %: loss 3000, value 67000, worst LST 2400 */
static void test_risk_default_threshold(void **state)
{
	(void)state;
	struct pf f;
	struct risk_report r;
	memset(&f, 0, sizeof f);
	hold(&f, 1, "ETH", "10", false, 0);
	hold(&f, 2, "LST", "10", false, 0);
	hold(&f, 3, "LRT", "3", false, 0);
	hold(&f, 4, "ETH", "5", true, 0);
	hold(&f, 6, "NORATE", "5", false, 0);
	hold(&f, 7, "ZC", "100", false, 0);
	hold(&f, 8, "SOL", "100", false, 0);
	risk_compute(f.rows, NULL, f.n, 0, RISK_DEFAULT_THRESHOLD, &r);
	near(r.total, 70000);
	assert_int_equal(r.n_unvalued, 2);
	const struct risk_share *s = rshare(r.protocol, r.n_protocol, "lido");
	near(s->weight, 24000.0 / 70000);
	assert_true(s->flagged);
	s = rshare(r.protocol, r.n_protocol, "native");
	near(s->value, 30000);
	assert_false(s->flagged);
	s = rshare(r.protocol, r.n_protocol, "etherfi");
	assert_false(s->flagged);
	s = rshare(r.protocol, r.n_protocol, "idle");
	near(s->value, 10000);
	assert_false(s->flagged);
	s = rshare(r.chain, r.n_chain, "ethereum");
	near(s->weight, 60000.0 / 70000);
	assert_true(s->flagged);
	s = rshare(r.chain, r.n_chain, "solana");
	assert_false(s->flagged);
	assert_int_equal(r.n_flagged, 2);
	assert_int_equal(r.n_tokens, 2);
	static const double loss[3] = { 300, 1500, 3000 }, worst[3] = { 240, 1200, 2400 };
	for (int l = 0; l < 3; l++) {
		near(r.depeg[l].loss, loss[l]);
		near(r.depeg[l].value, 70000 - loss[l]);
		assert_ptr_equal(r.depeg[l].worst, &cat_assets[I_LST]);
		near(r.depeg[l].worst_loss, worst[l]);
	}
	near(r.depeg[1].discount, 0.05);
}

/* The same rows at the planner's after-NAVs: #1 30000, #2 18000, #3 12000,
 * #4 0 (the plan of test_plan_by_kind), no SOL; threshold 0.5.
 * Total 60000; lido 0.3, etherfi 0.2: nothing flagged but ethereum (1.0).
 * Tokens: 18000 + 12000 = 30000 → 10 %: loss 3000; worst LST 1800. */
static void test_risk_after_navs(void **state)
{
	(void)state;
	struct pf f;
	struct risk_report r;
	memset(&f, 0, sizeof f);
	hold(&f, 1, "ETH", "10", false, 0);
	hold(&f, 2, "LST", "10", false, 0);
	hold(&f, 3, "LRT", "3", false, 0);
	hold(&f, 4, "ETH", "5", true, 0);
	const long double after[4] = { 30000, 18000, 12000, 0 };
	risk_compute(f.rows, after, f.n, 0, 0.5, &r);
	near(r.total, 60000);
	assert_false(rshare(r.protocol, r.n_protocol, "lido")->flagged);
	assert_true(rshare(r.chain, r.n_chain, "ethereum")->flagged);
	assert_int_equal(r.n_flagged, 1);
	near(r.depeg[2].loss, 3000);
	near(r.depeg[2].worst_loss, 1800);
	/* cash joins the total under "cash": 60000 + 6000, lido 18000/66000 */
	risk_compute(f.rows, after, f.n, 6000, 0.5, &r);
	near(r.total, 66000);
	near(rshare(r.protocol, r.n_protocol, "lido")->weight, 18000.0 / 66000);
	near(r.depeg[0].value, 66000 - 300);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_risk_default_threshold),
		cmocka_unit_test(test_risk_after_navs),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
