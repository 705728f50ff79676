/* plan_fixture.h — the small catalog, market and portfolio builder that
 * test_plan.c and test_risk.c share (included by each, after cmocka.h).
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
 * The rows come from valuation_compute (the board's code path). */
#ifndef STAKETOP_TEST_PLAN_FIXTURE_H
#define STAKETOP_TEST_PLAN_FIXTURE_H

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "positions/plan.h"

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

#endif
