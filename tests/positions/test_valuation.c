/* test_valuation.c — NAV, market value, premium, yield and freshness for
 * each token model, and totals. The catalog is built in code below. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "positions/valuation.h"
#include "positions/why.h"
#include "positions/yield.h"

#define NOW 1000000
#define STALE_S 900

/* --- the catalog ------------------------------------------------------------ */

enum {
	I_ETH, I_STETH, I_WSTETH, I_EETH, I_WEETH, I_ELSTETH, I_XYZ,
	I_LOOPA, I_LOOPB, I_ORPH, I_L1, I_L2, I_L3, I_L4, I_L5, I_L6, I_SOL, I_JITO, N_ASSETS
};

static struct asset cat_assets[N_ASSETS];
static const struct catalog cat = {cat_assets, N_ASSETS};

static struct asset *def(int i, const char *sym, const char *under, enum asset_kind kind,
                         enum token_model model, enum rate_source_type rate)
{
	struct asset *a = &cat_assets[i];
	memset(a, 0, sizeof *a);
	snprintf(a->symbol, sizeof a->symbol, "%s", sym);
	snprintf(a->underlying, sizeof a->underlying, "%s", under);
	snprintf(a->chain, sizeof a->chain, "ethereum");
	a->kind = kind;
	a->model = model;
	a->rate.type = rate;
	a->decimals = 18;
	a->yield.apr_fallback = -1;
	a->yield.compounding = 365;
	return a;
}

static int build_catalog(void **state)
{
	(void)state;
	struct asset *a;

	a = def(I_ETH, "ETH", "", ASSET_NATIVE, MODEL_NATIVE, RATE_ONE);
	a->yield.apr_fallback = 0.03;   /* a validator: 3 %, not compounding */
	a->yield.compounding = 1;

	a = def(I_STETH, "stETH", "ETH", ASSET_LIQUID, MODEL_REBASING, RATE_ONE);
	snprintf(a->share_rate_from, SYM_MAX, "wstETH");
	snprintf(a->protocol, NAME_MAX_, "lido");

	a = def(I_WSTETH, "wstETH", "stETH", ASSET_LIQUID, MODEL_REWARD_BEARING, RATE_EVM_CALL);
	snprintf(a->protocol, NAME_MAX_, "lido");
	snprintf(a->yield.base_apr_from, SYM_MAX, "stETH");

	a = def(I_EETH, "eETH", "ETH", ASSET_LIQUID, MODEL_REBASING, RATE_ONE);
	snprintf(a->protocol, NAME_MAX_, "ether.fi");

	a = def(I_WEETH, "weETH", "eETH", ASSET_RESTAKED, MODEL_REWARD_BEARING, RATE_EVM_CALL);
	snprintf(a->protocol, NAME_MAX_, "ether.fi");
	a->yield.apr_feed_is_gross = true;
	a->yield.fee = 0.10;

	a = def(I_ELSTETH, "EL-stETH", "stETH", ASSET_RESTAKED, MODEL_RESTAKED_SHARES,
	        RATE_EVM_CALL);
	snprintf(a->protocol, NAME_MAX_, "eigenlayer");
	snprintf(a->market_from, SYM_MAX, "stETH");
	snprintf(a->yield.base_apr_from, SYM_MAX, "stETH");
	a->yield.restaking_apr = 0.01;
	snprintf(a->yield.restaking_source, NOTE_MAX, "EigenLayer");

	a = def(I_XYZ, "XYZ", "ETH", ASSET_LIQUID, MODEL_REWARD_BEARING, RATE_NONE);
	a->protocol[0] = '\0';          /* label falls back to the chain */
	a->yield.apr_fallback = 0.04;
	a->yield.compounding = 0;       /* read as 1 */

	def(I_LOOPA, "LOOPA", "LOOPB", ASSET_LIQUID, MODEL_REWARD_BEARING, RATE_ONE);
	def(I_LOOPB, "LOOPB", "LOOPA", ASSET_LIQUID, MODEL_REWARD_BEARING, RATE_ONE);
	def(I_ORPH, "ORPH", "NOPE", ASSET_LIQUID, MODEL_REWARD_BEARING, RATE_ONE);
	/* L1 → L2 → … → L6: five links from L1, four from L2 */
	for (int i = I_L1; i <= I_L6; i++) {
		char sym[4], under[4] = "";
		snprintf(sym, sizeof sym, "L%d", i - I_L1 + 1);
		if (i < I_L6)
			snprintf(under, sizeof under, "L%d", i - I_L1 + 2);
		def(i, sym, under, ASSET_LIQUID, MODEL_REWARD_BEARING, RATE_ONE);
	}
	def(I_SOL, "SOL", "", ASSET_NATIVE, MODEL_NATIVE, RATE_ONE);
	a = def(I_JITO, "JitoSOL", "SOL", ASSET_LIQUID, MODEL_REWARD_BEARING, RATE_SPL_STAKE_POOL);
	snprintf(a->protocol, NAME_MAX_, "jito");
	a->yield.quoted = QUOTE_APY;           /* Jito's latestApy */
	return 0;
}

/* --- fixture: an empty market per test --------------------------------------- */

struct fx {
	struct market m;
	struct valuation_ctx ctx;
	struct valuation v;
};

static int fx_setup(void **state)
{
	static struct fx f;
	memset(&f, 0, sizeof f);
	if (market_init(&f.m, &cat, "usd"))
		return -1;
	f.ctx.catalog = &cat;
	f.ctx.market = &f.m;
	f.ctx.now = NOW;
	f.ctx.stale_s = STALE_S;
	*state = &f;
	return 0;
}

static int fx_teardown(void **state)
{
	struct fx *f = *state;
	market_done(&f->m);
	return 0;
}

/* A quote of age_s seconds from source. */
static void put(struct fx *f, const char *sym, enum obs_kind k, double value, int64_t age_s,
                const char *source)
{
	struct observation o;
	memset(&o, 0, sizeof o);
	snprintf(o.asset, sizeof o.asset, "%s", sym);
	snprintf(o.source, sizeof o.source, "%s", source);
	o.kind = k;
	o.ts = NOW - age_s;
	o.value = value;
	assert_int_equal(market_apply(&f->m, &o), 0);
}

static struct position pos(const char *asset, const char *qty)
{
	struct position p;
	memset(&p, 0, sizeof p);
	snprintf(p.asset, sizeof p.asset, "%s", asset);
	assert_int_equal(dec_parse(qty, 18, &p.quantity, NULL, 0), 0);
	return p;
}

static const struct valuation *value(struct fx *f, const struct position *p)
{
	assert_int_equal(valuation_compute(&f->ctx, p, &f->v), 0);
	return &f->v;
}

static void assert_fig(struct figure g, long double want)
{
	long double tol = 1e-9L * (fabsl(want) > 1 ? fabsl(want) : 1);
	if (!g.has)
		fail_msg("figure absent, want %.12Lg", want);
	if (!(fabsl(g.v - want) <= tol))
		fail_msg("got %.18Lg, want %.18Lg", g.v, want);
}

static void assert_quantity(const struct valuation *v, const char *want)
{
	char buf[DEC_STR_MAX];
	dec_format(v->quantity, buf, sizeof buf);
	assert_string_equal(buf, want);
}

static const struct figure_source *source(const struct valuation *v, const char *what)
{
	for (unsigned i = 0; i < v->n_sources; i++)
		if (strcmp(v->sources[i].what, what) == 0)
			return &v->sources[i];
	return NULL;
}

/* --- token models ------------------------------------------------------------- */

static void nav__equals__price_for_native_stake(void **state)
{
	struct fx *f = *state;
	put(f, "ETH", OBS_PRICE, 3000, 60, "coingecko");
	struct position p = pos("ETH", "32");
	const struct valuation *v = value(f, &p);

	assert_ptr_equal(v->underlying, &cat_assets[I_ETH]);
	assert_int_equal(v->n_chain, 1);
	assert_fig(v->exchange_rate, 1);          /* no links: r = 1 */
	assert_fig(v->underlying_qty, 32);        /* 32 × 1 */
	assert_fig(v->price_underlying, 3000);
	assert_fig(v->price_market, 3000);        /* native: market = price(U) */
	assert_fig(v->nav, 96000);                /* 32 × 3000 */
	assert_fig(v->market_value, 96000);
	assert_fig(v->premium_bps, 0);            /* (96000/96000 − 1) × 10^4 */
	/* catalog APR 3 %, n = 1: apy = apr */
	assert_fig(v->apr, 0.03);
	assert_fig(v->apy, 0.03);
	assert_int_equal(v->compounding, 1);
	assert_fig(v->yield_365d, 0.96);          /* 32 × 0.03 */
	assert_fig(v->yield_365d_value, 2880);    /* 0.96 × 3000 */
	assert_fig(v->yield_30d, 0.0789041095890410959);       /* 32 × 0.03 × 30/365 */
	assert_fig(v->yield_30d_value, 236.712328767123288);   /* × 3000 */
	assert_int_equal(v->n_yield, 1);
	assert_string_equal(v->yield[0].label, "staking (ethereum)");
	assert_string_equal(v->yield[0].source, "catalog");
	assert_string_equal(source(v, "apr:ETH")->source, "catalog");
	assert_null(v->missing);
	assert_false(v->stale);
}

static void balance__grows__with_share_rate(void **state)
{
	struct fx *f = *state;
	put(f, "ETH", OBS_PRICE, 3000, 60, "coingecko");
	put(f, "stETH", OBS_PRICE, 2990, 60, "coingecko");
	put(f, "wstETH", OBS_RATE, 1.2, 30, "eth_rpc");
	struct position p = pos("stETH", "11.9");
	p.has_shares = true;
	assert_int_equal(dec_parse("10", 18, &p.shares, NULL, 0), 0);
	const struct valuation *v = value(f, &p);

	assert_quantity(v, "12");                 /* 10 shares × 1.2 ETH/share, exact */
	assert_fig(v->exchange_rate, 1);          /* rebasing: r = 1 */
	assert_fig(v->underlying_qty, 12);
	assert_fig(v->nav, 36000);                /* 12 × 3000 */
	assert_fig(v->market_value, 35880);       /* 12 × 2990 */
	/* (35880/36000 − 1) × 10^4 = −33.33… */
	assert_fig(v->premium_bps, -33.3333333333333333L);
	assert_non_null(source(v, "rate:wstETH"));

	/* the next oracle report: 1.21 ETH per share */
	put(f, "wstETH", OBS_RATE, 1.21, 10, "eth_rpc");
	v = value(f, &p);
	assert_quantity(v, "12.1");               /* 10 × 1.21 */
	assert_fig(v->nav, 36300);                /* 12.1 × 3000 */
}

static void balance__reads_back__as_entered_at_same_rate(void **state)
{
	struct fx *f = *state;
	put(f, "ETH", OBS_PRICE, 3000, 60, "coingecko");
	put(f, "wstETH", OBS_RATE, 1.215, 30, "eth_rpc");
	struct position p = pos("stETH", "12.5");
	p.has_shares = true;
	/* 12.5 / 1.215 = 10.288065843621399176… truncated to 18 decimals */
	assert_int_equal(dec_parse("10.288065843621399176", 18, &p.shares, NULL, 0), 0);
	const struct valuation *v = value(f, &p);
	/* 10.288065843621399176 × 1.215 = 12.49999999999999999884 → rounded at
	 * 12 decimals: 12.5, the balance entered */
	assert_quantity(v, "12.5");
}

static void balance__stays__as_entered_without_share_rate(void **state)
{
	struct fx *f = *state;
	put(f, "ETH", OBS_PRICE, 3000, 60, "coingecko");
	struct position p = pos("stETH", "11.9");
	p.has_shares = true;
	assert_int_equal(dec_parse("10", 18, &p.shares, NULL, 0), 0);
	const struct valuation *v = value(f, &p);
	assert_quantity(v, "11.9");               /* no wstETH rate yet */
	assert_fig(v->nav, 35700);                /* 11.9 × 3000 */

	/* a share rate without recorded shares changes nothing */
	put(f, "wstETH", OBS_RATE, 1.2, 30, "eth_rpc");
	p.has_shares = false;
	v = value(f, &p);
	assert_quantity(v, "11.9");
	assert_null(source(v, "rate:wstETH"));
}

static void nav__multiplies__rate_chain(void **state)
{
	struct fx *f = *state;
	put(f, "ETH", OBS_PRICE, 3000, 60, "coingecko");
	put(f, "wstETH", OBS_PRICE, 3590, 60, "coingecko");
	put(f, "wstETH", OBS_RATE, 1.2, 30, "eth_rpc");
	put(f, "stETH", OBS_APR, 0.03, 120, "lido");
	struct position p = pos("wstETH", "2");
	const struct valuation *v = value(f, &p);

	assert_int_equal(v->n_chain, 3);          /* wstETH → stETH → ETH */
	assert_ptr_equal(v->chain[1], &cat_assets[I_STETH]);
	assert_ptr_equal(v->underlying, &cat_assets[I_ETH]);
	assert_fig(v->chain_rate[0], 1.2);
	assert_fig(v->chain_rate[1], 1);          /* stETH: RATE_ONE */
	assert_fig(v->exchange_rate, 1.2);        /* 1.2 × 1 */
	assert_fig(v->underlying_qty, 2.4);       /* 2 wstETH × 1.2 = 2.4 ETH */
	assert_fig(v->nav, 7200);                 /* 2.4 × 3000 */
	assert_fig(v->market_value, 7180);        /* 2 × 3590 */
	/* (7180/7200 − 1) × 10^4 = −27.77… */
	assert_fig(v->premium_bps, -27.7777777777777778L);
	/* base APR from stETH's feed, net; (1 + 0.03/365)^365 − 1 = 0.0304532636005098 */
	assert_fig(v->apr, 0.03);
	assert_fig(v->apy, 0.0304532636005098324L);
	assert_string_equal(v->yield[0].label, "staking (lido)");
	assert_string_equal(v->yield[0].source, "lido");
	assert_fig(v->yield_365d, 0.0730878326412235978L);       /* 2.4 × 0.03045326… */
	assert_fig(v->yield_365d_value, 219.263497923670793L);   /* × 3000 */
	assert_fig(v->yield_30d, 0.00592486636283807001L);       /* 2.4 × ((1 + 0.03/365)^30 − 1) */
	assert_null(v->missing);
}

static void nav__multiplies__two_link_chain(void **state)
{
	struct fx *f = *state;
	put(f, "ETH", OBS_PRICE, 3000, 60, "coingecko");
	put(f, "weETH", OBS_PRICE, 3160, 60, "coingecko");
	put(f, "weETH", OBS_RATE, 1.05, 30, "eth_rpc");
	struct position p = pos("weETH", "10");
	const struct valuation *v = value(f, &p);

	assert_int_equal(v->n_chain, 3);          /* weETH → eETH → ETH */
	assert_ptr_equal(v->chain[1], &cat_assets[I_EETH]);
	assert_fig(v->chain_rate[0], 1.05);
	assert_fig(v->chain_rate[1], 1);          /* eETH rebasing: RATE_ONE */
	assert_fig(v->exchange_rate, 1.05);       /* 1.05 × 1 */
	assert_fig(v->underlying_qty, 10.5);      /* 10 × 1.05 */
	assert_fig(v->nav, 31500);                /* 10.5 × 3000 */
	assert_fig(v->market_value, 31600);       /* 10 × 3160 */
	/* (31600/31500 − 1) × 10^4 = +31.746… */
	assert_fig(v->premium_bps, 31.7460317460317460L);
	assert_non_null(source(v, "rate:weETH"));
	assert_null(source(v, "rate:eETH"));      /* RATE_ONE is exact, no source */
}

static void market_value__uses__market_from_price(void **state)
{
	struct fx *f = *state;
	put(f, "ETH", OBS_PRICE, 3000, 60, "coingecko");
	put(f, "stETH", OBS_PRICE, 2990, 60, "coingecko");
	put(f, "EL-stETH", OBS_RATE, 1.01, 30, "eth_rpc");
	struct position p = pos("EL-stETH", "5");
	const struct valuation *v = value(f, &p);

	assert_fig(v->exchange_rate, 1.01);       /* 1.01 stETH/share × 1 ETH/stETH */
	assert_fig(v->underlying_qty, 5.05);      /* 5 × 1.01 */
	assert_fig(v->nav, 15150);                /* 5.05 × 3000 */
	assert_fig(v->price_market, 3019.9);      /* 1.01 × 2990 (stETH's market) */
	assert_fig(v->market_value, 15099.5);     /* 5 × 3019.9 */
	/* (15099.5/15150 − 1) × 10^4 = (2990/3000 − 1) × 10^4 = −33.33… */
	assert_fig(v->premium_bps, -33.3333333333333333L);
	assert_non_null(source(v, "price:stETH"));
	assert_null(source(v, "price:EL-stETH"));
}

static void market_value__prefers__own_price_over_market_from(void **state)
{
	struct fx *f = *state;
	put(f, "ETH", OBS_PRICE, 3000, 60, "coingecko");
	put(f, "stETH", OBS_PRICE, 2990, 60, "coingecko");
	put(f, "EL-stETH", OBS_RATE, 1.01, 30, "eth_rpc");
	put(f, "EL-stETH", OBS_PRICE, 3100, 60, "coingecko");
	struct position p = pos("EL-stETH", "5");
	const struct valuation *v = value(f, &p);
	assert_fig(v->price_market, 3100);
	assert_fig(v->market_value, 15500);       /* 5 × 3100 */
	assert_null(source(v, "price:stETH"));
}

static void market_value__is_absent__without_any_market_price(void **state)
{
	struct fx *f = *state;
	put(f, "ETH", OBS_PRICE, 3000, 60, "coingecko");
	put(f, "weETH", OBS_RATE, 1.05, 30, "eth_rpc");
	put(f, "EL-stETH", OBS_RATE, 1.01, 30, "eth_rpc");
	struct position p = pos("weETH", "10");
	const struct valuation *v = value(f, &p);
	assert_fig(v->nav, 31500);                /* 10 × 1.05 × 3000 */
	assert_false(v->market_value.has);
	assert_false(v->premium_bps.has);
	assert_string_equal(v->missing, "no market price yet");

	/* market_from whose own price is missing */
	p = pos("EL-stETH", "5");
	v = value(f, &p);
	assert_fig(v->nav, 15150);                /* 5 × 1.01 × 3000 */
	assert_false(v->market_value.has);
}

static void yield__stacks__restaking(void **state)
{
	struct fx *f = *state;
	put(f, "ETH", OBS_PRICE, 3000, 60, "coingecko");
	put(f, "stETH", OBS_APR, 0.03, 120, "lido");
	put(f, "EL-stETH", OBS_RATE, 1.01, 30, "eth_rpc");
	struct position p = pos("EL-stETH", "5");
	const struct valuation *v = value(f, &p);

	assert_int_equal(v->n_yield, 2);
	assert_string_equal(v->yield[0].label, "staking (eigenlayer)");
	assert_true(v->yield[0].apr == 0.03);     /* stETH's feed, net */
	assert_string_equal(v->yield[0].source, "lido");
	assert_string_equal(v->yield[1].label, "restaking (EigenLayer)");
	assert_true(v->yield[1].apr == 0.01);
	assert_string_equal(v->yield[1].source, "catalog");
	assert_fig(v->apr, 0.04);                 /* 0.03 + 0.01 */
	/* (1 + 0.04/365)^365 − 1 = 0.0408084931324452 */
	assert_fig(v->apy, 0.0408084931324451585L);
	assert_fig(v->yield_365d, 0.206082890318848050L);        /* 5.05 × 0.04080849… */
	assert_fig(v->yield_365d_value, 618.248670956544151L);   /* × 3000 */
	/* 5.05 × ((1 + 0.04/365)^30 − 1) = 0.0166291491665036; × 3000 */
	assert_fig(v->yield_30d, 0.0166291491665035918L);
	assert_fig(v->yield_30d_value, 49.8874474995107755L);
}

static void apr__is_net__of_gross_feed_fee(void **state)
{
	struct fx *f = *state;
	put(f, "ETH", OBS_PRICE, 3000, 60, "coingecko");
	put(f, "weETH", OBS_RATE, 1.05, 30, "eth_rpc");
	put(f, "weETH", OBS_APR, 0.03, 300, "defillama");
	struct position p = pos("weETH", "10");
	const struct valuation *v = value(f, &p);

	assert_int_equal(v->n_yield, 1);
	assert_string_equal(v->yield[0].label, "staking (ether.fi)");
	assert_true(fabs(v->yield[0].apr - 0.027) < 1e-15);      /* 3 % × (1 − 0.10) */
	assert_true(v->yield[0].apr_gross == 0.03);
	assert_true(v->yield[0].fee == 0.10);
	assert_string_equal(v->yield[0].source, "defillama");
	assert_fig(v->apr, 0.027);
	/* (1 + 0.027/365)^365 − 1 = 0.0273667768541445 */
	assert_fig(v->apy, 0.0273667768541445123L);
	assert_fig(v->yield_365d, 0.287351156968517379L);        /* 10.5 × 0.02736677… */
	assert_int_equal(source(v, "apr:weETH")->age_s, 300);
}

static void apr__is_absent__without_feed_or_fallback(void **state)
{
	struct fx *f = *state;
	put(f, "ETH", OBS_PRICE, 3000, 60, "coingecko");
	put(f, "weETH", OBS_PRICE, 3160, 60, "coingecko");
	put(f, "weETH", OBS_RATE, 1.05, 30, "eth_rpc");
	struct position p = pos("weETH", "10");
	const struct valuation *v = value(f, &p);
	assert_fig(v->nav, 31500);
	assert_false(v->apr.has);
	assert_false(v->apy.has);
	assert_false(v->yield_365d.has);
	assert_false(v->yield_30d_value.has);
	assert_int_equal(v->n_yield, 0);
	assert_string_equal(v->missing, "no APR yet");
}

static void apy__compounds__daily_but_not_for_a_validator(void **state)
{
	struct fx *f = *state;
	put(f, "ETH", OBS_PRICE, 3000, 60, "coingecko");
	put(f, "ETH", OBS_APR, 0.05, 60, "beacon");
	put(f, "stETH", OBS_APR, 0.05, 60, "lido");
	struct position p = pos("ETH", "100");
	const struct valuation *v = value(f, &p);
	assert_int_equal(v->compounding, 1);
	assert_fig(v->apy, 0.05);                 /* n = 1: (1 + 0.05)^1 − 1 */
	assert_fig(v->yield_365d, 5);             /* 100 × 0.05 */
	assert_string_equal(v->yield[0].source, "beacon");

	p = pos("stETH", "100");
	v = value(f, &p);
	assert_int_equal(v->compounding, 365);
	/* (1 + 0.05/365)^365 − 1 = 0.051267496467462550 */
	assert_fig(v->apy, 0.0512674964674625505L);
	assert_fig(v->yield_365d, 5.12674964674625505L);          /* 100 × 0.0512674… */
}

static void yield__is_zero__when_idle(void **state)
{
	struct fx *f = *state;
	put(f, "ETH", OBS_PRICE, 3000, 60, "coingecko");
	put(f, "ETH", OBS_APR, 0.05, 60, "beacon");
	struct position p = pos("ETH", "2");
	p.idle = true;
	const struct valuation *v = value(f, &p);
	assert_true(v->idle);
	assert_fig(v->nav, 6000);                 /* 2 × 3000: idle still has a value */
	assert_fig(v->apr, 0);                    /* present and zero, not absent */
	assert_fig(v->apy, 0);
	assert_fig(v->yield_30d, 0);
	assert_fig(v->yield_365d, 0);
	assert_fig(v->yield_30d_value, 0);
	assert_fig(v->yield_365d_value, 0);
	assert_int_equal(v->n_yield, 0);
	assert_null(source(v, "apr:ETH"));
	assert_null(v->missing);
}

/* --- absent figures ----------------------------------------------------------- */

static void nav__is_absent__without_rate_source(void **state)
{
	struct fx *f = *state;
	put(f, "ETH", OBS_PRICE, 3000, 60, "coingecko");
	put(f, "XYZ", OBS_PRICE, 50, 60, "coingecko");
	struct position p = pos("XYZ", "4");
	const struct valuation *v = value(f, &p);
	assert_false(v->chain_rate[0].has);
	assert_false(v->exchange_rate.has);
	assert_false(v->underlying_qty.has);
	assert_false(v->nav.has);                 /* never price(XYZ)/price(ETH) */
	assert_fig(v->market_value, 200);         /* 4 × 50 */
	assert_false(v->premium_bps.has);
	assert_string_equal(v->missing, "no rate source");
	/* catalog APR, compounding 0 read as 1; yield in ETH needs the rate */
	assert_int_equal(v->compounding, 1);
	assert_fig(v->apy, 0.04);
	assert_string_equal(v->yield[0].label, "staking (ethereum)");
	assert_false(v->yield_365d.has);
}

static void nav__is_absent__without_rate_quote(void **state)
{
	struct fx *f = *state;
	put(f, "ETH", OBS_PRICE, 3000, 60, "coingecko");
	put(f, "wstETH", OBS_PRICE, 3590, 60, "coingecko");
	struct position p = pos("wstETH", "2");
	const struct valuation *v = value(f, &p);
	assert_false(v->exchange_rate.has);
	assert_false(v->nav.has);
	assert_fig(v->market_value, 7180);        /* 2 × 3590 */
	assert_string_equal(v->missing, "no exchange rate yet");
}

static void nav__is_absent_not_zero__without_price(void **state)
{
	struct fx *f = *state;
	put(f, "wstETH", OBS_PRICE, 3590, 60, "coingecko");
	put(f, "wstETH", OBS_RATE, 1.2, 30, "eth_rpc");
	put(f, "stETH", OBS_APR, 0.03, 120, "lido");
	struct position p = pos("wstETH", "2");
	const struct valuation *v = value(f, &p);
	assert_fig(v->underlying_qty, 2.4);       /* 2 × 1.2 needs no price */
	assert_false(v->price_underlying.has);
	assert_false(v->nav.has);
	assert_false(v->premium_bps.has);
	assert_fig(v->market_value, 7180);
	assert_fig(v->yield_365d, 0.0730878326412235978L);       /* in ETH: still known */
	assert_false(v->yield_365d_value.has);
	assert_string_equal(v->missing, "no price yet");
}

static void chain__is_broken__by_loop_unknown_or_length(void **state)
{
	struct fx *f = *state;
	put(f, "LOOPA", OBS_PRICE, 1, 60, "coingecko");
	const char *broken[] = {"LOOPA", "ORPH", "L1"};
	for (size_t i = 0; i < 3; i++) {
		struct position p = pos(broken[i], "1");
		const struct valuation *v = value(f, &p);
		assert_string_equal(v->missing, "broken rate chain");
		assert_null(v->underlying);
		assert_false(v->exchange_rate.has);
		assert_false(v->nav.has);
		assert_false(v->market_value.has);
		assert_false(v->apr.has);
	}
	/* L2 → L6 is four links, the most allowed */
	put(f, "L6", OBS_PRICE, 10, 60, "coingecko");
	struct position p = pos("L2", "3");
	const struct valuation *v = value(f, &p);
	assert_int_equal(v->n_chain, 5);
	assert_ptr_equal(v->underlying, &cat_assets[I_L6]);
	assert_fig(v->exchange_rate, 1);          /* 1 × 1 × 1 × 1 */
	assert_fig(v->nav, 30);                   /* 3 × 10 */
}

static void valuation__fails__for_unknown_asset(void **state)
{
	struct fx *f = *state;
	struct position p = pos("DOGE", "1");
	assert_int_equal(valuation_compute(&f->ctx, &p, &f->v), -1);
	assert_string_equal(f->v.missing, "unknown asset");
	assert_null(f->v.asset);
	assert_false(f->v.nav.has);
}

/* --- sources and freshness ------------------------------------------------------ */

static void sources__name__each_input_with_its_age(void **state)
{
	struct fx *f = *state;
	put(f, "ETH", OBS_PRICE, 3000, 60, "coingecko");
	put(f, "wstETH", OBS_PRICE, 3590, 45, "defillama");
	put(f, "wstETH", OBS_RATE, 1.2, 30, "eth_rpc");
	put(f, "stETH", OBS_APR, 0.03, 120, "lido");
	struct position p = pos("wsteth", "2");  /* any case */
	const struct valuation *v = value(f, &p);
	assert_int_equal(v->n_sources, 4);
	const struct { const char *what, *source; int64_t age; } want[] = {
		{"rate:wstETH", "eth_rpc", 30},
		{"price:ETH", "coingecko", 60},
		{"price:wstETH", "defillama", 45},
		{"apr:stETH", "lido", 120},
	};
	for (size_t i = 0; i < 4; i++) {
		const struct figure_source *s = source(v, want[i].what);
		assert_non_null(s);
		assert_true(s->has);
		assert_string_equal(s->source, want[i].source);
		assert_int_equal(s->age_s, want[i].age);   /* now − ts */
		assert_false(s->stale);
	}
	assert_false(v->stale);
}

static void stale__is_set__by_an_old_input(void **state)
{
	struct fx *f = *state;
	put(f, "ETH", OBS_PRICE, 3000, STALE_S, "coingecko");      /* 900 s: not yet stale */
	put(f, "wstETH", OBS_PRICE, 3590, 60, "coingecko");
	put(f, "wstETH", OBS_RATE, 1.2, STALE_S + 1, "eth_rpc");   /* 901 s > 900: stale */
	struct position p = pos("wstETH", "2");
	const struct valuation *v = value(f, &p);
	assert_false(source(v, "price:ETH")->stale);
	assert_true(source(v, "rate:wstETH")->stale);
	assert_true(v->stale);
	assert_fig(v->nav, 7200);                 /* stale is marked, still shown */
	put(f, "wstETH", OBS_RATE, 1.2, 10, "eth_rpc");
	assert_false(value(f, &p)->stale);        /* a fresh rate: nothing stale */
}



/* --- totals --------------------------------------------------------------------- */

static struct valuation row(double nav, double mv, double apy, double y30v, double y365v,
                            bool stale)
{
	/* a negative argument leaves the figure absent */
	struct valuation r;
	memset(&r, 0, sizeof r);
	r.nav = (struct figure){nav >= 0, nav};
	r.market_value = (struct figure){mv >= 0, mv};
	r.apy = (struct figure){apy >= 0, apy};
	r.yield_30d_value = (struct figure){y30v >= 0, y30v};
	r.yield_365d_value = (struct figure){y365v >= 0, y365v};
	r.stale = stale;
	return r;
}

static void totals__weight__premium_and_apy_by_nav(void **state)
{
	(void)state;
	const struct valuation rows[4] = {
		row(1000, 990, 0.04, 3, 40, false),
		row(3000, 3030, 0.02, 5, 60, true),
		row(-1, 500, 0.05, -1, -1, false),    /* no NAV: out of premium and APY */
		row(2000, -1, -1, -1, -1, false),     /* no market value, no APY */
	};
	struct totals t;
	valuation_totals(rows, 4, &t);
	assert_int_equal(t.n_positions, 4);
	assert_int_equal(t.n_valued, 2);
	assert_int_equal(t.n_nav_only, 1);
	assert_int_equal(t.n_market_only, 1);
	assert_int_equal(t.n_unvalued, 0);
	/* like with like: both totals over the two rows that have both */
	assert_fig(t.nav, 4000);                  /* 1000 + 3000 */
	assert_fig(t.market_value, 4020);         /* 990 + 3030 */
	assert_fig(t.nav_only_nav, 2000);         /* apart */
	assert_fig(t.market_only_value, 500);     /* apart */
	/* (990 + 3030) / (1000 + 3000) − 1 = 0.005 → 50 bps */
	assert_fig(t.premium_bps, 50);
	/* (1000 × 0.04 + 3000 × 0.02) / 4000 = 100 / 4000 = 0.025 */
	assert_fig(t.apy, 0.025);
	assert_fig(t.yield_30d_value, 8);         /* 3 + 5 */
	assert_fig(t.yield_365d_value, 100);      /* 40 + 60 */
	assert_true(t.stale);
}

static void totals__are_absent__without_figures(void **state)
{
	(void)state;
	struct totals t;
	valuation_totals(NULL, 0, &t);
	assert_false(t.nav.has);
	assert_false(t.market_value.has);
	assert_false(t.premium_bps.has);
	assert_false(t.apy.has);
	assert_false(t.stale);
	assert_int_equal(t.n_positions, 0);

	const struct valuation rows[2] = {
		row(-1, 500, 0.05, -1, -1, false),
		row(0, 0, 0.03, -1, -1, false),       /* NAV 0: no weight to divide by */
	};
	valuation_totals(rows, 2, &t);
	assert_fig(t.nav, 0);
	assert_fig(t.market_value, 0);            /* the valued row's 0 */
	assert_fig(t.market_only_value, 500);
	assert_false(t.premium_bps.has);
	assert_false(t.apy.has);
	assert_false(t.yield_365d_value.has);
}

static void totals__sum__computed_rows(void **state)
{
	struct fx *f = *state;
	put(f, "ETH", OBS_PRICE, 3000, 60, "coingecko");
	put(f, "wstETH", OBS_PRICE, 3590, 60, "coingecko");
	put(f, "wstETH", OBS_RATE, 1.2, 30, "eth_rpc");
	put(f, "stETH", OBS_APR, 0.03, 120, "lido");
	struct valuation rows[2];
	struct position a = pos("ETH", "32"), b = pos("wstETH", "2");
	assert_int_equal(valuation_compute(&f->ctx, &a, &rows[0]), 0);
	assert_int_equal(valuation_compute(&f->ctx, &b, &rows[1]), 0);
	struct totals t;
	valuation_totals(rows, 2, &t);
	assert_fig(t.nav, 103200);                /* 96000 + 7200 */
	assert_fig(t.market_value, 103180);       /* 96000 + 7180 */
	/* (103180 / 103200 − 1) × 10^4 = −20/103200 × 10^4 = −1.937984… */
	assert_fig(t.premium_bps, -1.93798449612403101L);
	/* (96000 × 0.03 + 7200 × 0.0304532636005098) / 103200 */
	assert_fig(t.apy, (96000 * 0.03L + 7200 * 0.0304532636005098324L) / 103200);
	assert_fig(t.yield_365d_value, 2880 + 219.263497923670793L);
}

/* The case: a restaked token without a rate (NAV unknown) and an
 * LST without a market price (market unknown) must not make the two totals
 * cover different positions. */
static void totals__cover__the_same_positions(void **state)
{
	struct fx *f = *state;
	put(f, "ETH", OBS_PRICE, 3000, 60, "coingecko");
	put(f, "wstETH", OBS_RATE, 1.2, 30, "eth_rpc");    /* wstETH: no market price */
	put(f, "weETH", OBS_PRICE, 3100, 60, "coingecko"); /* weETH: no rate */
	struct position p[3] = {pos("ETH", "10"), pos("wstETH", "2"), pos("weETH", "5")};
	struct valuation rows[3];
	for (int i = 0; i < 3; i++)
		assert_int_equal(valuation_compute(&f->ctx, &p[i], &rows[i]), 0);
	assert_int_equal(valuation_class(&rows[0]), VALUED);
	assert_int_equal(valuation_class(&rows[1]), NAV_ONLY);
	assert_int_equal(valuation_class(&rows[2]), MARKET_ONLY);
	struct totals t;
	valuation_totals(rows, 3, &t);
	assert_int_equal(t.n_positions, 3);
	assert_int_equal(t.n_valued, 1);
	assert_int_equal(t.n_nav_only, 1);
	assert_int_equal(t.n_market_only, 1);
	assert_int_equal(t.n_unvalued, 0);
	assert_fig(t.nav, 30000);                 /* 10 × 3000, ETH only */
	assert_fig(t.market_value, 30000);        /* the same position */
	assert_fig(t.premium_bps, 0);             /* no premium that is not there */
	assert_fig(t.nav_only_nav, 7200);         /* 2 × 1.2 × 3000 */
	assert_fig(t.market_only_value, 15500);   /* 5 × 3100 */
}

/* Relation: each total is the sum of the rows of the class it claims. */
static void totals__equal__sum_of_rows_they_cover(void **state)
{
	(void)state;
	struct valuation rows[7] = {
		row(1000, 990, 0.04, 3, 40, false),
		row(2500.5, 2510.25, 0.03, 2, 30, false),
		row(-1, 500, -1, -1, -1, false),
		row(700, -1, 0.05, -1, -1, false),
		row(-1, -1, -1, -1, -1, false),
		row(-1, 80, -1, -1, -1, false),
		row(42, 41, -1, -1, -1, false),
	};
	/* two pending exits: one valued, one on a row without a NAV */
	rows[0].unbonding_qty = dec_from_int(1);
	rows[0].unbonding_nav = (struct figure){true, 250};
	rows[4].unbonding_qty = dec_from_int(2);
	struct totals t;
	valuation_totals(rows, 7, &t);
	long double nav = 0, mv = 0, navo = 0, mvo = 0, unb = 0;
	size_t nv = 0, nn = 0, nm = 0, nu = 0;
	for (int i = 0; i < 7; i++) {
		const struct valuation *r = &rows[i];
		if (r->nav.has && r->market_value.has) {
			nav += r->nav.v;
			mv += r->market_value.v;
			nv++;
		} else if (r->nav.has) {
			navo += r->nav.v;
			nn++;
		} else if (r->market_value.has) {
			mvo += r->market_value.v;
			nm++;
		} else {
			nu++;
		}
		if (r->unbonding_nav.has)
			unb += r->unbonding_nav.v;
	}
	assert_int_equal(t.n_valued, nv);
	assert_int_equal(t.n_nav_only, nn);
	assert_int_equal(t.n_market_only, nm);
	assert_int_equal(t.n_unvalued, nu);
	assert_int_equal(t.n_valued + t.n_nav_only + t.n_market_only + t.n_unvalued, 7);
	assert_fig(t.nav, nav);
	assert_fig(t.market_value, mv);
	assert_fig(t.nav_only_nav, navo);
	assert_fig(t.market_only_value, mvo);
	assert_fig(t.unbonding, unb);
	/* by hand: valued 1000 + 2500.5 + 42 = 3542.5; 990 + 2510.25 + 41 = 3541.25 */
	assert_fig(t.nav, 3542.5);
	assert_fig(t.market_value, 3541.25);
	assert_fig(t.nav_only_nav, 700);
	assert_fig(t.market_only_value, 580);     /* 500 + 80 */
	assert_fig(t.unbonding, 250);
	assert_int_equal(t.n_unbonding, 2);
	assert_int_equal(t.n_unbonding_unvalued, 1);
	assert_fig(t.value_nav, 3792.5);          /* 3542.5 + 250 */
	assert_fig(t.value_market, 3791.25);      /* 3541.25 + 250 */
}

/* Unbonding 1 of 3 wstETH keeps the money at NAV: the portfolio's value at
 * NAV before (3 wstETH) equals positions + exits after (2 + 1). */
static void unbonding__stays__in_value_at_nav(void **state)
{
	struct fx *f = *state;
	put(f, "ETH", OBS_PRICE, 3000, 60, "coingecko");
	put(f, "wstETH", OBS_PRICE, 3590, 60, "coingecko");
	put(f, "wstETH", OBS_RATE, 1.22, 30, "eth_rpc");
	struct position before = pos("wstETH", "3"), after = pos("wstETH", "2");
	struct valuation r;
	struct totals t0, t1;
	assert_int_equal(valuation_compute(&f->ctx, &before, &r), 0);
	valuation_totals(&r, 1, &t0);
	assert_fig(t0.value_nav, 10980);          /* 3 × 1.22 × 3000 */
	assert_int_equal(valuation_compute(&f->ctx, &after, &r), 0);
	valuation_set_unbonding(&r, dec_from_int(1));
	assert_fig(r.unbonding_nav, 3660);        /* 1 × 1.22 × 3000 */
	valuation_totals(&r, 1, &t1);
	assert_fig(t1.nav, 7320);                 /* 2 × 1.22 × 3000 */
	assert_fig(t1.unbonding, 3660);
	assert_fig(t1.value_nav, 10980);          /* 7320 + 3660: nothing vanished */
	assert_fig(t1.value_market, 7180 + 3660.0L); /* 2 × 3590 + the exit at NAV */
	/* earns nothing meanwhile: the yield is over the 2 still held */
	assert_fig(t1.premium_bps, (7180 / 7320.0L - 1) * 10000);
}

/* A row without a value says why: short on the board, whole in the detail. */
static void why__says__what_is_missing_and_since_when(void **state)
{
	struct fx *f = *state;
	char buf[200];
	put(f, "ETH", OBS_PRICE, 3000, 60, "coingecko");
	put(f, "weETH", OBS_PRICE, 3100, 60, "coingecko");
	struct position p = pos("weETH", "5"), e = pos("ETH", "1"), x = pos("XYZ", "1");
	/* 2026-12-01 10:00 UTC = 20788 days × 86400 + 36000 = 1796119200 */
	const int64_t since = 1796119200;
	const struct valuation *v = value(f, &p);
	assert_string_equal(why_short(v), "no rate");
	assert_string_equal(why_feed(v), "eth_rpc");
	why_text(v, since, "execution reverted", buf, sizeof buf);
	assert_string_equal(buf, "no rate since 12-01 10:00: eth_rpc: execution reverted");
	why_text(v, since, NULL, buf, sizeof buf);
	assert_string_equal(buf, "no rate since 12-01 10:00: no exchange rate yet");

	v = value(f, &x);                          /* RATE_NONE in the catalog */
	assert_string_equal(why_short(v), "no rate src");
	assert_null(why_feed(v));
	why_text(v, since, "ignored", buf, sizeof buf);
	assert_string_equal(buf, "no rate source: the catalog names none for XYZ");

	v = value(f, &e);                          /* valued: nothing to say */
	assert_null(why_short(v));
	why_text(v, since, NULL, buf, sizeof buf);
	assert_string_equal(buf, "");
}

/* JitoSOL's pool states an APY: 7.50 % must read 7.50 %, not be compounded
 * again into (1 + 0.075/365)^365 − 1 = 7.7876 %. */
static void apy__is_the_source_figure__when_quoted_as_apy(void **state)
{
	struct fx *f = *state;
	put(f, "JitoSOL", OBS_APR, 0.075, 60, "defillama-yields");
	struct position p = pos("JitoSOL", "10");
	const struct valuation *v = value(f, &p);
	/* APR = 365 × (1.075^(1/365) − 1) = 0.0723278268173641567 */
	assert_fig(v->apr, 0.0723278268173641567L);
	assert_fig(v->apy, 0.075);                /* converted once, back to itself */
	assert_true(v->apy.v < 0.0751);           /* not 0.0779 */
	assert_int_equal(v->n_yield, 1);
	assert_true(v->yield[0].from_feed);
	assert_int_equal(v->yield[0].quoted, QUOTE_APY);
	assert_true(v->yield[0].quoted_value == 0.075);
}

/* Lido's figure is an APR: compounded once. wstETH reads stETH's figure,
 * so stETH's quoted kind applies. */
static void apy__compounds_once__when_quoted_as_apr(void **state)
{
	struct fx *f = *state;
	put(f, "stETH", OBS_APR, 0.03, 60, "defillama-yields");
	struct position p = pos("wstETH", "1");
	const struct valuation *v = value(f, &p);
	assert_fig(v->apr, 0.03);
	/* (1 + 0.03/365)^365 − 1 = 0.0304532636005098324 */
	assert_fig(v->apy, 0.0304532636005098324L);
	assert_int_equal(v->yield[0].quoted, QUOTE_APR);
}

static void yield__apr_from_apy__inverts_apy(void **state)
{
	(void)state;
	/* 365 × (1.075^(1/365) − 1) = 0.07232782681736416 */
	assert_true(fabs(yield_apr_from_apy(0.075, 365) - 0.0723278268173641567) < 1e-15);
	assert_true(fabs(yield_apy(yield_apr_from_apy(0.075, 365), 365) - 0.075) < 1e-15);
	assert_true(yield_apr_from_apy(0.05, 1) == 0.05);   /* n = 1: no compounding */
	/* n = 2: 2 × (sqrt(1.21) − 1) = 2 × 0.1 = 0.2 */
	assert_true(fabs(yield_apr_from_apy(0.21, 2) - 0.2) < 1e-15);
}

/* Rebasing with the share rate kept exactly: quantity × rate now ÷ rate
 * then, from the source's integers, to 18 decimals. */
static void balance__is_exact__with_share_rate_and_exact_quote(void **state)
{
	struct fx *f = *state;
	struct observation o;
	memset(&o, 0, sizeof o);
	snprintf(o.asset, sizeof o.asset, "wstETH");
	snprintf(o.source, sizeof o.source, "eth_rpc");
	o.kind = OBS_RATE;
	o.ts = NOW - 10;
	o.value = 1.25;
	snprintf(o.exact, sizeof o.exact, "1250000000000000000/1000000000000000000");
	assert_int_equal(market_apply(&f->m, &o), 0);
	struct position p = pos("stETH", "2");
	struct ratio then;
	assert_int_equal(ratio_parse("1212500000000000000/1000000000000000000", &then), 0);
	assert_int_equal(position_set_shares(&p, then), 0);
	const struct valuation *v = value(f, &p);
	/* 2 × 1.25 / 1.2125 = 2.06185567010309278350… → 18 decimals, not 12 */
	assert_quantity(v, "2.061855670103092783");
	assert_false(v->shares_pending);
	/* at the same rate a long balance reads back as typed */
	p = pos("stETH", "123456789.123456789123456789");
	assert_int_equal(ratio_parse("1250000000000000000/1000000000000000000", &then), 0);
	assert_int_equal(position_set_shares(&p, then), 0);
	assert_quantity(value(f, &p), "123456789.123456789123456789");
	/* no shares yet: pending, the typed balance */
	p = pos("stETH", "2");
	v = value(f, &p);
	assert_true(v->shares_pending);
	assert_quantity(v, "2");
}

#define T(name) cmocka_unit_test_setup_teardown(name, fx_setup, fx_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(nav__equals__price_for_native_stake),
		T(balance__grows__with_share_rate),
		T(balance__reads_back__as_entered_at_same_rate),
		T(balance__stays__as_entered_without_share_rate),
		T(nav__multiplies__rate_chain),
		T(nav__multiplies__two_link_chain),
		T(market_value__uses__market_from_price),
		T(market_value__prefers__own_price_over_market_from),
		T(market_value__is_absent__without_any_market_price),
		T(yield__stacks__restaking),
		T(apr__is_net__of_gross_feed_fee),
		T(apr__is_absent__without_feed_or_fallback),
		T(apy__compounds__daily_but_not_for_a_validator),
		T(yield__is_zero__when_idle),
		T(nav__is_absent__without_rate_source),
		T(nav__is_absent__without_rate_quote),
		T(nav__is_absent_not_zero__without_price),
		T(chain__is_broken__by_loop_unknown_or_length),
		T(valuation__fails__for_unknown_asset),
		T(sources__name__each_input_with_its_age),
		T(stale__is_set__by_an_old_input),
		cmocka_unit_test(totals__weight__premium_and_apy_by_nav),
		cmocka_unit_test(totals__are_absent__without_figures),
		cmocka_unit_test(totals__equal__sum_of_rows_they_cover),
		T(totals__cover__the_same_positions),
		T(unbonding__stays__in_value_at_nav),
		T(why__says__what_is_missing_and_since_when),
		T(apy__is_the_source_figure__when_quoted_as_apy),
		T(apy__compounds_once__when_quoted_as_apr),
		cmocka_unit_test(yield__apr_from_apy__inverts_apy),
		T(balance__is_exact__with_share_rate_and_exact_quote),
		T(totals__sum__computed_rows),
	};
	return cmocka_run_group_tests(tests, build_catalog, NULL);
}
