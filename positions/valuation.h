/* valuation.h — what a position is worth by redemption (NAV) and on the
 * market, what it earns, and how fresh each input is. Pure: a position, the
 * catalog and a market in; a row of figures out. Figures that cannot be
 * computed are absent (has = false), never 0.
 *
 *   exchange_rate  = product of the protocol rates down the chain (weETH →
 *                    eETH → ETH); 1 for native and rebasing links
 *   underlying_qty = quantity × exchange_rate
 *   nav            = underlying_qty × price(underlying)
 *   market_value   = quantity × price_market(asset)
 *   premium_bps    = (market_value / nav − 1) × 10 000
 */
#ifndef STAKETOP_VALUATION_H
#define STAKETOP_VALUATION_H

#include <stdbool.h>
#include <stdint.h>

#include "positions/asset.h"
#include "positions/decimal.h"
#include "positions/market.h"
#include "positions/position.h"

struct figure {
	bool has;
	long double v;
};

/* Where one input came from and how old it is. */
struct figure_source {
	bool has;
	char what[SYM_MAX + 8];     /* "price:ETH", "rate:wstETH", "apr:stETH" */
	char source[SOURCE_MAX];
	int64_t age_s;
	bool stale;
	bool pinned;                /* a manual value set with --pin: never stale */
};

#define VAL_MAX_CHAIN 4
#define VAL_MAX_SOURCES 12
#define VAL_MAX_YIELD 3

/* One line of the yield stack: base staking, restaking rewards. */
struct yield_part {
	char label[32];             /* "staking (lido)", "restaking (EigenLayer)" */
	double apr;                 /* net, fraction */
	double apr_gross;           /* before the fee, when known; else = apr */
	double fee;                 /* fraction taken */
	char source[SOURCE_MAX];    /* feed or "catalog" */
	bool from_feed;             /* the figure came from a feed, as quoted: */
	enum yield_quote quoted;    /*   an APR or an APY, */
	double quoted_value;        /*   the source's own figure (fraction) */
};

struct valuation {
	const struct asset *asset;
	const struct asset *underlying;   /* end of the rate chain */
	enum asset_kind kind;
	bool idle;
	dec_t quantity;                   /* current balance (rebasing: from shares) */
	bool shares_pending;              /* rebasing, no shares yet: the typed
	                                     balance, converted at the first
	                                     share rate seen (data/shares_db.h) */
	struct figure exchange_rate, underlying_qty, price_underlying,
		price_market, nav, market_value, premium_bps;
	struct figure apr, apy, yield_30d, yield_365d, yield_30d_value,
		yield_365d_value;
	struct yield_part yield[VAL_MAX_YIELD];
	unsigned n_yield;
	unsigned compounding;
	/* rate chain for display: chain[0] = asset … chain[n-1] = underlying */
	const struct asset *chain[VAL_MAX_CHAIN + 1];
	struct figure chain_rate[VAL_MAX_CHAIN];   /* rate of chain[i] in chain[i+1] */
	unsigned n_chain;
	struct figure_source sources[VAL_MAX_SOURCES];
	unsigned n_sources;
	dec_t unbonding_qty;              /* pending exits (valuation_set_unbonding) */
	struct figure unbonding_nav;
	bool stale;                       /* some input older than stale_s */
	const char *missing;              /* first reason a figure is absent, or NULL */
};
/* missing is a static string, one of: "unknown asset", "broken rate chain"
 * (a loop, an unknown underlying or more than VAL_MAX_CHAIN links: underlying
 * is NULL, chain[] holds the part walked, every figure is absent), "no rate
 * source", "no exchange rate yet", "no price yet" (of the underlying), "no
 * market price yet", "no APR yet".
 *
 * Yield parts: a feed's figure is taken as its source states it (the
 * catalog's yield.quoted of the asset the figure is read from): an APY is
 * turned into an APR once, with that asset's compounding periods n (APR =
 * n × ((1 + APY)^(1/n) − 1)), and the position's APY is compounded from
 * the summed APR once (APY = (1 + APR/n)^n − 1), so an APY-quoted pool
 * with no fee and no restaking reads back as its own figure. Then, for a
 * feed quoting gross, apr_gross is the feed's value, fee
 * the catalog's and apr = apr_gross × (1 − fee); for a net feed or the
 * catalog's apr_fallback (taken as net), apr_gross = apr and fee = 0.
 * Sources: "rate:<SYM>" per quoted link and for a rebasing share rate,
 * "price:<SYM>", "apr:<SYM>"; an APR from the catalog is listed with source
 * "catalog" and age 0 (configuration, not an observation). RATE_ONE links
 * are exact and listed nowhere. An idle position has apr, apy and yields 0. */

struct valuation_ctx {
	const struct catalog *catalog;
	const struct market *market;
	int64_t now;                      /* unix seconds; injected for tests */
	int64_t stale_s;                  /* an input older than this is stale */
};

/* A yield feed's figure for asset a, read from asset `from` (a's own, or
 * the one its base APR comes from), as an annual rate: converted once
 * from an APY when `from`'s source quotes one (yield.quoted), before the
 * fee (_gross) or net of a's fee when its feed quotes gross. */
double valuation_feed_apr_gross(const struct asset *from, double value);
double valuation_feed_apr(const struct asset *a, const struct asset *from, double value);

/* Value one position. Returns 0, or -1 when its asset is not in the catalog
 * (v->missing says so). */
int valuation_compute(const struct valuation_ctx *ctx, const struct position *p,
                      struct valuation *v);

/* Pending exits of one position (amount not yet claimed, in the asset's
 * units) valued at NAV: amount × exchange_rate × price(underlying). A
 * pending exit has no market (it is redeemed, not sold) and earns nothing.
 * unbonding_nav is absent when the rate or the price is; unbonding_qty is
 * set either way. Call after valuation_compute. */
void valuation_set_unbonding(struct valuation *v, dec_t pending);

/* Coverage classes of a row: both figures, NAV only, market only, neither. */
enum value_class { VALUED, NAV_ONLY, MARKET_ONLY, UNVALUED };
enum value_class valuation_class(const struct valuation *v);

/* Totals that compare like with like:
 *   nav, market_value   over the VALUED rows only (both figures known), so
 *                       premium_bps = (market_value / nav − 1) × 10 000
 *                       compares the same positions;
 *   nav_only_nav        NAV of the NAV_ONLY rows, apart;
 *   market_only_value   market value of the MARKET_ONLY rows, apart;
 *   unbonding           pending exits at NAV (every row's unbonding_nav),
 *                       apart; n_unbonding rows have one, n_unbonding_unvalued
 *                       of them without a NAV;
 *   value_nav           nav + unbonding: the portfolio's value at NAV over
 *                       the valued positions and their pending exits;
 *   value_market        market_value + unbonding (an exit counts at NAV on
 *                       both sides).
 * n_valued + n_nav_only + n_market_only + n_unvalued = n_positions. Blended
 * APY is weighted by NAV over rows with a NAV and an APY; yields sum the
 * rows that have them. A figure over no rows is absent, except nav and
 * market_value, which are 0 when n_valued is 0 but n_positions is not. */
struct totals {
	struct figure nav, market_value, premium_bps, apy, yield_30d_value,
		yield_365d_value, nav_only_nav, market_only_value, unbonding,
		value_nav, value_market;
	size_t n_positions, n_valued, n_nav_only, n_market_only, n_unvalued,
		n_unbonding, n_unbonding_unvalued;
	bool stale;
};

void valuation_totals(const struct valuation *rows, size_t n, struct totals *t);

#endif
