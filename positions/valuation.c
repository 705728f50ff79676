/* valuation.c — one position's NAV, market value, premium and yield from the
 * catalog and a market; totals over rows.
 *
 * Order of work: the rate chain (asset → … → underlying), the balance
 * (rebasing shares × share rate), prices, the figures, then yield. Every
 * quote read is recorded in v->sources with its age; the first reason a
 * figure is absent goes to v->missing. */
#include "positions/valuation.h"

#include <stdio.h>
#include <string.h>

#include "positions/yield.h"

static void set(struct figure *f, long double x)
{
	f->has = true;
	f->v = x;
}

static void miss(struct valuation *v, const char *why)
{
	if (!v->missing)
		v->missing = why;
}

/* Record an input "<prefix>:<sym>" once; a full table drops the entry but
 * still counts its staleness. */
static void note_source(const struct valuation_ctx *ctx, struct valuation *v,
                        const char *prefix, const char *sym, const char *source,
                        int64_t age_s, bool pinned)
{
	bool stale = age_s > ctx->stale_s && !pinned;   /* a pinned manual value never is */
	/* "price:ETH": built by hand, this runs for every input of every row */
	char what[sizeof v->sources[0].what];
	size_t np = strnlen(prefix, 5), ns = strnlen(sym, SYM_MAX - 1);
	memcpy(what, prefix, np);
	what[np] = ':';
	memcpy(what + np + 1, sym, ns);
	what[np + 1 + ns] = 0;

	v->stale = v->stale || stale;
	for (unsigned i = 0; i < v->n_sources; i++)
		if (strcmp(v->sources[i].what, what) == 0)
			return;
	if (v->n_sources == VAL_MAX_SOURCES)
		return;
	struct figure_source *fs = &v->sources[v->n_sources++];
	fs->has = true;
	memcpy(fs->what, what, sizeof what);
	size_t nsrc = strnlen(source, sizeof fs->source - 1);
	memcpy(fs->source, source, nsrc);
	fs->source[nsrc] = 0;
	fs->age_s = age_s;
	fs->stale = stale;
	fs->pinned = pinned;
}

/* The market's quote of kind k for asset a, recorded as a source; NULL when
 * the market has none. */
static const struct quote *use(const struct valuation_ctx *ctx, struct valuation *v,
                               const struct asset *a, enum obs_kind k)
{
	static const char *const prefix[OBS_KINDS] = {"price", "rate", "apr"};
	const struct quote *q = market_get(ctx->market, a->symbol, k);
	if (q)
		note_source(ctx, v, prefix[k], a->symbol, q->source, ctx->now - q->ts, q->pinned);
	return q;
}

/* chain[0] = asset, … down to the asset with no underlying. 0, or -1 for a
 * loop, an unknown underlying or more than VAL_MAX_CHAIN links. */
static int walk_chain(const struct catalog *cat, struct valuation *v)
{
	const struct asset *cur = v->asset;
	v->chain[0] = cur;
	v->n_chain = 1;
	while (cur->underlying[0]) {
		if (v->n_chain == VAL_MAX_CHAIN + 1)
			return -1;
		const struct asset *next = catalog_find(cat, cur->underlying);
		if (!next)
			return -1;
		for (unsigned i = 0; i < v->n_chain; i++)
			if (v->chain[i] == next)
				return -1;
		v->chain[v->n_chain++] = next;
		cur = next;
	}
	return 0;
}

/* chain_rate[i] for each link and their product. */
static void chain_rates(const struct valuation_ctx *ctx, struct valuation *v)
{
	long double product = 1;
	bool all = true;
	for (unsigned i = 0; i + 1 < v->n_chain; i++) {
		const struct asset *link = v->chain[i];
		const struct quote *q;
		switch (link->rate.type) {
		case RATE_ONE:
			set(&v->chain_rate[i], 1);
			break;
		case RATE_NONE:
			/* no protocol rate; a rate the user set by hand counts */
			q = market_get(ctx->market, link->symbol, OBS_RATE);
			if (q && strcmp(q->source, "manual") == 0 && (q = use(ctx, v, link, OBS_RATE)))
				set(&v->chain_rate[i], q->value);
			else
				miss(v, "no rate source");
			break;
		default:
			if ((q = use(ctx, v, link, OBS_RATE)))
				set(&v->chain_rate[i], q->value);
			else
				miss(v, "no exchange rate yet");
			break;
		}
		if (v->chain_rate[i].has)
			product *= v->chain_rate[i].v;
		else
			all = false;
	}
	if (all)
		set(&v->exchange_rate, product);
}

/* Rebasing tokens held as shares (ETH per Lido share for stETH, read as
 * wstETH's stEthPerToken). With the share rate the balance was recorded at
 * (share_rate, exact): balance = quantity × rate now ÷ share_rate, exact to
 * 18 decimals, so a balance entered at today's rate reads back as entered.
 * The rate now is the source's integers when the quote has them, else the
 * shortest decimal of its value. Older rows with shares but no share_rate:
 * shares × rate rounded to 12 decimals. No shares yet: pending, the typed
 * balance. */
static void balance(const struct valuation_ctx *ctx, const struct position *p,
                    struct valuation *v)
{
	const struct asset *a = v->asset;
	v->quantity = p->quantity;
	if (a->model != MODEL_REBASING || !a->share_rate_from[0])
		return;
	v->shares_pending = !p->has_shares;
	if (!p->has_shares)
		return;
	const struct asset *from = catalog_find(ctx->catalog, a->share_rate_from);
	const struct quote *q = from ? use(ctx, v, from, OBS_RATE) : NULL;
	struct ratio then, now;
	dec_t rate, bal;
	if (!q)
		return;
	if (p->share_rate[0] && ratio_parse(p->share_rate, &then) == 0) {
		if (q->has_exact)
			now = q->exact;
		else if (dec_from_double(q->value, &rate) < 0 || ratio_from_dec(rate, &now) < 0)
			return;
		if (ratio_rescale(p->quantity, now, then, &bal) == 0)
			v->quantity = bal;
		return;
	}
	if (dec_from_double(q->value, &rate) == 0 && dec_mul(p->shares, rate, &bal) == 0)
		v->quantity = dec_round(bal, 12);
}

/* Market price via market_from: rate of the links from the asset down to
 * market_from × market_from's own price. */
static void price_via(const struct valuation_ctx *ctx, struct valuation *v)
{
	const struct asset *mf = catalog_find(ctx->catalog, v->asset->market_from);
	long double r = 1;
	for (unsigned i = 0; mf && i < v->n_chain; i++) {
		if (v->chain[i] == mf) {
			const struct quote *q = i > 0 ? use(ctx, v, mf, OBS_PRICE) : NULL;
			if (q)
				set(&v->price_market, r * q->value);
			return;
		}
		if (!v->chain_rate[i].has)
			return;
		r *= v->chain_rate[i].v;
	}
}

static void prices(const struct valuation_ctx *ctx, struct valuation *v)
{
	const struct asset *a = v->asset;
	const struct quote *q = use(ctx, v, v->underlying, OBS_PRICE);
	if (q)
		set(&v->price_underlying, q->value);
	else
		miss(v, "no price yet");

	if (a->model == MODEL_NATIVE)
		v->price_market = v->price_underlying;
	else if ((q = use(ctx, v, a, OBS_PRICE)))
		set(&v->price_market, q->value);
	else if (a->market_from[0])
		price_via(ctx, v);
	if (!v->price_market.has)
		miss(v, "no market price yet");
}

static void figures(struct valuation *v)
{
	long double qty = dec_to_ld(v->quantity);
	if (v->exchange_rate.has)
		set(&v->underlying_qty, qty * v->exchange_rate.v);
	if (v->underlying_qty.has && v->price_underlying.has)
		set(&v->nav, v->underlying_qty.v * v->price_underlying.v);
	if (v->price_market.has)
		set(&v->market_value, qty * v->price_market.v);
	if (v->nav.has && v->market_value.has && v->nav.v != 0)
		set(&v->premium_bps, (v->market_value.v / v->nav.v - 1) * 10000);
}

/* The base staking part; false when there is no APR at all. */
static bool base_part(const struct valuation_ctx *ctx, struct valuation *v,
                      struct yield_part *part)
{
	const struct asset *a = v->asset;
	const struct yield_spec *ys = &a->yield;
	const char *from_sym = ys->base_apr_from[0] ? ys->base_apr_from : a->symbol;
	const struct asset *from = catalog_find(ctx->catalog, from_sym);
	const struct quote *q = from ? use(ctx, v, from, OBS_APR) : NULL;

	snprintf(part->label, sizeof part->label, "staking (%.21s)",
	         a->protocol[0] ? a->protocol : a->chain);
	if (q) {
		/* the figure as the source states it, converted once */
		const struct yield_spec *fs = &from->yield;
		double apr = valuation_feed_apr_gross(from, q->value);
		part->from_feed = true;
		part->quoted = fs->quoted;
		part->quoted_value = q->value;
		part->apr_gross = apr;
		part->fee = ys->apr_feed_is_gross ? ys->fee : 0;
		part->apr = ys->apr_feed_is_gross ? yield_net_apr(apr, ys->fee) : apr;
		snprintf(part->source, sizeof part->source, "%s", q->source);
		return true;
	}
	if (ys->apr_fallback >= 0) {
		/* The catalog's figure is net already; it has no age. */
		part->apr = part->apr_gross = ys->apr_fallback;
		part->fee = 0;
		snprintf(part->source, sizeof part->source, "catalog");
		note_source(ctx, v, "apr", from ? from->symbol : from_sym, "catalog", 0, false);
		return true;
	}
	miss(v, "no APR yet");
	return false;
}

static void yields(const struct valuation_ctx *ctx, const struct position *p,
                   struct valuation *v)
{
	const struct yield_spec *ys = &v->asset->yield;
	unsigned n = ys->compounding ? ys->compounding : 1;
	v->compounding = n;

	if (p->idle) {
		/* An unstaked coin earns nothing: zero, not unknown. */
		set(&v->apr, 0);
		set(&v->apy, 0);
		set(&v->yield_30d, 0);
		set(&v->yield_365d, 0);
		set(&v->yield_30d_value, 0);
		set(&v->yield_365d_value, 0);
		return;
	}
	if (!base_part(ctx, v, &v->yield[0]))
		return;
	v->n_yield = 1;
	if (ys->restaking_apr > 0) {
		struct yield_part *r = &v->yield[v->n_yield++];
		if (ys->restaking_source[0])
			snprintf(r->label, sizeof r->label, "restaking (%.19s)", ys->restaking_source);
		else
			snprintf(r->label, sizeof r->label, "restaking");
		r->apr = r->apr_gross = ys->restaking_apr;
		r->fee = 0;
		snprintf(r->source, sizeof r->source, "catalog");
	}

	double apr = 0;
	for (unsigned i = 0; i < v->n_yield; i++)
		apr += v->yield[i].apr;
	set(&v->apr, apr);
	set(&v->apy, yield_apy(apr, n));
	if (v->underlying_qty.has) {
		set(&v->yield_30d, v->underlying_qty.v * yield_growth(apr, n, 30));
		set(&v->yield_365d, v->underlying_qty.v * yield_growth(apr, n, 365));
		if (v->price_underlying.has) {
			set(&v->yield_30d_value, v->yield_30d.v * v->price_underlying.v);
			set(&v->yield_365d_value, v->yield_365d.v * v->price_underlying.v);
		}
	}
}

double valuation_feed_apr_gross(const struct asset *from, double value)
{
	const struct yield_spec *fs = &from->yield;
	unsigned n = fs->compounding ? fs->compounding : 1;
	return fs->quoted == QUOTE_APY ? yield_apr_from_apy(value, n) : value;
}

double valuation_feed_apr(const struct asset *a, const struct asset *from, double value)
{
	double apr = valuation_feed_apr_gross(from, value);
	return a->yield.apr_feed_is_gross ? yield_net_apr(apr, a->yield.fee) : apr;
}

int valuation_compute(const struct valuation_ctx *ctx, const struct position *p,
                      struct valuation *v)
{
	memset(v, 0, sizeof *v);
	v->idle = p->idle;
	v->quantity = p->quantity;
	v->asset = catalog_find(ctx->catalog, p->asset);
	if (!v->asset) {
		v->missing = "unknown asset";
		return -1;
	}
	v->kind = v->asset->kind;
	if (walk_chain(ctx->catalog, v)) {
		v->missing = "broken rate chain";
		return 0;
	}
	v->underlying = v->chain[v->n_chain - 1];

	chain_rates(ctx, v);
	balance(ctx, p, v);
	prices(ctx, v);
	figures(v);
	yields(ctx, p, v);
	return 0;
}

void valuation_set_unbonding(struct valuation *v, dec_t pending)
{
	v->unbonding_qty = pending;
	v->unbonding_nav.has = false;
	if (dec_is_zero(pending) || !v->exchange_rate.has || !v->price_underlying.has)
		return;
	set(&v->unbonding_nav,
	    dec_to_ld(pending) * v->exchange_rate.v * v->price_underlying.v);
}

enum value_class valuation_class(const struct valuation *v)
{
	if (v->nav.has)
		return v->market_value.has ? VALUED : NAV_ONLY;
	return v->market_value.has ? MARKET_ONLY : UNVALUED;
}

static void add_to(struct figure *f, long double x)
{
	f->v = (f->has ? f->v : 0) + x;
	f->has = true;
}

void valuation_totals(const struct valuation *rows, size_t n, struct totals *t)
{
	long double nav_y = 0, apy_w = 0;

	memset(t, 0, sizeof *t);
	t->n_positions = n;
	if (n) {
		set(&t->nav, 0);
		set(&t->market_value, 0);
		set(&t->unbonding, 0);
	}
	for (size_t i = 0; i < n; i++) {
		const struct valuation *r = &rows[i];
		t->stale = t->stale || r->stale;
		switch (valuation_class(r)) {
		case VALUED:
			t->n_valued++;
			t->nav.v += r->nav.v;
			t->market_value.v += r->market_value.v;
			break;
		case NAV_ONLY:
			t->n_nav_only++;
			add_to(&t->nav_only_nav, r->nav.v);
			break;
		case MARKET_ONLY:
			t->n_market_only++;
			add_to(&t->market_only_value, r->market_value.v);
			break;
		case UNVALUED:
			t->n_unvalued++;
			break;
		}
		if (!dec_is_zero(r->unbonding_qty)) {
			t->n_unbonding++;
			if (r->unbonding_nav.has)
				t->unbonding.v += r->unbonding_nav.v;
			else
				t->n_unbonding_unvalued++;
		}
		if (r->yield_30d_value.has)
			add_to(&t->yield_30d_value, r->yield_30d_value.v);
		if (r->yield_365d_value.has)
			add_to(&t->yield_365d_value, r->yield_365d_value.v);
		if (r->nav.has && r->apy.has) {
			nav_y += r->nav.v;
			apy_w += r->nav.v * r->apy.v;
		}
	}
	if (t->n_valued && t->nav.v != 0)
		set(&t->premium_bps, (t->market_value.v / t->nav.v - 1) * 10000);
	if (nav_y != 0)
		set(&t->apy, apy_w / nav_y);
	if (n) {
		set(&t->value_nav, t->nav.v + t->unbonding.v);
		set(&t->value_market, t->market_value.v + t->unbonding.v);
	}
}
