/* test_risk.c — concentration and depeg stress for a small portfolio, every
 * figure worked out by hand in the comments. The rows come from valuation_compute (the
 * board's code path) over a catalog and a market built here.
 *
 * The catalog (all prices in usd):
 *   ETH   native, ethereum, price 2000, APR 3 % simple (n = 1),
 *         unbonds in a fixed 10 days
 *   LST   liquid (protocol lido), rate 1.2 ETH, market 2376 (= 1.2 × 2000 ×
 *         0.99: a 1 % discount), APR 5 % simple, queue typically 5 days
 *   LRT   restaked (protocol etherfi), rate 1.0 ETH, market 2010 (a 0.5 %
 *         premium), APR 4 % simple, fixed 7 days
 *   NORATE liquid, no rate source (NAV is null)
 *   ZC    native on "zchain", its price forced to 0 in the market
 *   SOL   native, solana, price 100, APR 7 % simple, no unbonding rule
 * Swap fee 0.3 % (0.003) unless a test says otherwise. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "positions/plan.h"
#include "positions/risk.h"

#define NOW 1795593600
#define DAY 86400
#define EPS 1e-6

enum { I_ETH, I_LST, I_LRT, I_NORATE, I_ZC, I_SOL, N_ASSETS };
static struct asset cat_assets[N_ASSETS];
static const struct catalog cat = { cat_assets, N_ASSETS };

static struct asset *def(int i, const char *sym, const char *under, enum asset_kind kind,
                         enum rate_source_type rate, const char *protocol, double apr)
{
	struct asset *a = &cat_assets[i];
	memset(a, 0, sizeof *a);
	snprintf(a->symbol, sizeof a->symbol, "%s", sym);
	snprintf(a->underlying, sizeof a->underlying, "%s", under);
	snprintf(a->chain, sizeof a->chain, "ethereum");
	snprintf(a->protocol, sizeof a->protocol, "%s", protocol);
	a->kind = kind;
	a->model = kind == ASSET_NATIVE ? MODEL_NATIVE : MODEL_REWARD_BEARING;
	a->rate.type = rate;
	a->decimals = 18;
	a->yield.apr_fallback = apr;
	a->yield.compounding = 1;
	return a;
}

static struct market mkt;

static void quote(int i, enum obs_kind k, double v)
{
	mkt.quotes[i][k].has = true;
	mkt.quotes[i][k].value = v;
	mkt.quotes[i][k].ts = NOW;
	snprintf(mkt.quotes[i][k].source, SOURCE_MAX, "test");
}

static int setup(void **state)
{
	(void)state;
	struct asset *a;
	a = def(I_ETH, "ETH", "", ASSET_NATIVE, RATE_ONE, "", 0.03);
	a->unbond.type = UNBOND_FIXED;
	a->unbond.delay_s = 10 * DAY;
	a = def(I_LST, "LST", "ETH", ASSET_LIQUID, RATE_EVM_CALL, "lido", 0.05);
	a->unbond.type = UNBOND_QUEUE;
	a->unbond.typical_s = 5 * DAY;
	a->unbond.min_s = 1 * DAY;
	a->unbond.max_s = 14 * DAY;
	a = def(I_LRT, "LRT", "ETH", ASSET_RESTAKED, RATE_EVM_CALL, "etherfi", 0.04);
	a->unbond.type = UNBOND_FIXED;
	a->unbond.delay_s = 7 * DAY;
	def(I_NORATE, "NORATE", "ETH", ASSET_LIQUID, RATE_NONE, "norate", 0.05);
	a = def(I_ZC, "ZC", "", ASSET_NATIVE, RATE_ONE, "", 0.02);
	snprintf(a->chain, sizeof a->chain, "zchain");
	a = def(I_SOL, "SOL", "", ASSET_NATIVE, RATE_ONE, "", 0.07);
	snprintf(a->chain, sizeof a->chain, "solana");

	if (market_init(&mkt, &cat, "usd"))
		return -1;
	quote(I_ETH, OBS_PRICE, 2000);
	quote(I_LST, OBS_RATE, 1.2);
	quote(I_LST, OBS_PRICE, 2376);
	quote(I_LRT, OBS_RATE, 1.0);
	quote(I_LRT, OBS_PRICE, 2010);
	quote(I_NORATE, OBS_PRICE, 2000);
	quote(I_ZC, OBS_PRICE, 0); /* a zero that reached the market (refused by market_apply) */
	quote(I_SOL, OBS_PRICE, 100);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	market_done(&mkt);
	return 0;
}

/* --- a portfolio ------------------------------------------------------------ */

#define MAXP 8
struct pf {
	struct valuation rows[MAXP];
	int64_t ids[MAXP];
	long double unbonding[MAXP];
	size_t n;
	struct plan_portfolio p;
};

static void hold(struct pf *f, int64_t id, const char *sym, const char *qty, bool idle,
                 long double unbonding)
{
	struct position pos;
	memset(&pos, 0, sizeof pos);
	pos.id = id;
	snprintf(pos.asset, sizeof pos.asset, "%s", sym);
	assert_int_equal(dec_parse(qty, 18, &pos.quantity, NULL, 0), 0);
	pos.idle = idle;
	const struct valuation_ctx ctx = { &cat, &mkt, NOW, 900 };
	valuation_compute(&ctx, &pos, &f->rows[f->n]);
	f->ids[f->n] = id;
	f->unbonding[f->n] = unbonding;
	f->n++;
	f->p.rows = f->rows;
	f->p.ids = f->ids;
	f->p.unbonding = f->unbonding;
	f->p.n = f->n;
}





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
