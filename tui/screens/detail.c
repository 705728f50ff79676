/* detail.c — one position worked out in front of the user: the rate chain
 * times the underlying price gives NAV per token, beside the market price
 * and the premium; every input with its source and age; the yield stack and
 * projections; unbondings and events. detail_compute reads the store and
 * builds lines; detail_draw only draws them. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "positions/text.h"
#include "positions/why.h"
#include "positions/timeutil.h"
#include "tui/app/pnl.h"
#include "tui/term/draw.h"
#include "tui/term/format.h"
#include "tui/term/ticks.h"
#include "tui/screens/detail.h"

struct ctx {
	struct detail *d;
	const struct scene *s;
	const struct position *p;
	const struct valuation *v;
	int64_t elapsed;       /* seconds since the valuation was made */
	int oom;
};

static struct dline *add(struct ctx *c, enum role lr, const char *label, enum role vr,
                         const char *value)
{
	struct detail *d = c->d;
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 64;
		struct dline *n = realloc(d->lines, cap * sizeof *n);
		if (!n) {
			c->oom = 1;
			return NULL;
		}
		d->lines = n;
		d->cap = cap;
	}
	struct dline *l = &d->lines[d->n++];
	memset(l, 0, sizeof *l);
	snprintf(l->label, sizeof l->label, "%s", label);
	snprintf(l->value, sizeof l->value, "%s", value);
	l->lrole = (unsigned char)lr;
	l->vrole = (unsigned char)vr;
	l->nrole = R_DIM;
	return l;
}

static void note(struct dline *l, enum role r, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void note(struct dline *l, enum role r, const char *fmt, ...)
{
	va_list ap;
	if (!l)
		return;
	va_start(ap, fmt);
	vsnprintf(l->note, sizeof l->note, fmt, ap);
	va_end(ap);
	text_sanitize(l->note);
	l->nrole = (unsigned char)r;
}

/* A section title, and beside it (dim) the keys that act on it. */
static void heading(struct ctx *c, const char *title, const char *keys)
{
	add(c, R_NORMAL, "", R_NORMAL, "");
	struct dline *l = add(c, R_GROUP, title, R_NORMAL, keys ? keys : "");
	if (l)
		l->heading = true;
}

static const struct figure_source *source(const struct valuation *v, const char *kind,
                                          const char *sym)
{
	char what[sizeof v->sources[0].what];
	snprintf(what, sizeof what, "%.5s:%.*s", kind, SYM_MAX - 1, sym);
	for (unsigned i = 0; i < v->n_sources; i++)
		if (v->sources[i].has && strcmp(v->sources[i].what, what) == 0)
			return &v->sources[i];
	return NULL;
}

/* "coingecko, 4d old (stale)" beside a figure. */
static void source_note(struct ctx *c, struct dline *l, const struct figure_source *s)
{
	if (!l)
		return;
	if (!s) {
		note(l, R_DIM, "no source");
		return;
	}
	char src[SOURCE_MAX], age[24];
	text_copy_clean(src, sizeof src, s->source);
	text_drop_notes(src);
	if (strcmp(s->source, "catalog") == 0) {
		note(l, R_DIM, "from the catalog (configuration)");
		return;
	}
	int64_t a = s->age_s + c->elapsed;
	bool stale = a > c->s->app->cfg.stale_seconds && !s->pinned;
	ticks_format_age(a, age, sizeof age);
	if (strcmp(s->source, "manual") == 0) {
		/* M and the date it was set; it stays until `price clear` */
		char when[ISO_TIME_LEN];
		time_format_iso(c->s->app->now - s->age_s, when, sizeof when);
		note(l, stale ? R_STALE : R_DIM, "M manual, set %.16s%s%s", when,
		     s->pinned ? ", pinned" : "", stale ? " (STALE)" : "");
		l->next_change = s->pinned ? 0 : ticks_age(a);
		return;
	}
	note(l, stale ? R_STALE : R_DIM, "%s, %s old%s", src, age, stale ? " (STALE)" : "");
	l->next_change = ticks_age(a);
}

/* Where a chain position's quantity comes from: the watch, the read that
 * set it (time, age, block/slot/height), and a last read that failed. */
static void chain_read_part(struct ctx *c)
{
	const struct position *p = c->p;
	const struct watch *w = watch_of_position(p, c->s->watches, c->s->n_watches);
	char addr[WATCH_ADDR_MAX], when[ISO_TIME_LEN], age[24], h[WATCH_HEIGHT_MAX];
	text_copy_clean(addr, sizeof addr, p->address);
	struct dline *l = add(c, R_LABEL, "Read from", R_FIGURE,
	                      w ? watch_chain_name(w->chain) : "the chain");
	note(l, R_DIM, "%s%s", addr, w ? "" : " (no longer watched: not read again)");
	if (p->read_at <= 0)
		return;
	time_format_iso(p->read_at, when, sizeof when);
	int64_t a = c->s->now - p->read_at;
	ticks_format_age(a > 0 ? a : 0, age, sizeof age);
	bool current = w && w->last_ok_at == p->read_at; /* the read that set it */
	text_copy_clean(h, sizeof h, current ? w->read_height : "");
	char at[16];
	snprintf(at, sizeof at, "%.5s %.5s", when + 5, when + 11);
	l = add(c, R_LABEL, "Read at", R_FIGURE, at);
	note(l, R_DIM, "%s old%s%s", age, h[0] ? ", height " : "", h);
	if (l)
		l->next_change = ticks_age(a);
	if (w && w->last_error[0]) {
		char e[WATCH_ERROR_MAX], t[ISO_TIME_LEN];
		text_copy_clean(e, sizeof e, w->last_error);
		time_format_iso(w->read_at, t, sizeof t);
		char v[24];
		snprintf(v, sizeof v, "FAILED %.5s", t + 11);
		l = add(c, R_LABEL, "Last read", R_ERROR, v);
		note(l, R_DIM, "quantity kept");
		l = add(c, R_ERROR, e, R_NORMAL, "");
		if (l)
			l->heading = true;
	}
}

static void position_part(struct ctx *c)
{
	const struct position *p = c->p;
	const struct valuation *v = c->v;
	char q[DEC_STR_MAX], acc[ACCOUNT_MAX], t[96], sym[SYM_MAX], name[NAME_MAX_];
	text_copy_clean(sym, sizeof sym, p->asset);
	text_copy_clean(name, sizeof name, v->asset ? v->asset->name : "not in the catalog");
	text_copy_clean(acc, sizeof acc, p->account);
	struct dline *l = add(c, R_GROUP, sym, R_FIGURE, name);
	if (l)
		l->heading = true;
	snprintf(t, sizeof t, "#%lld", (long long)p->id);
	l = add(c, R_LABEL, "Position", R_FIGURE, t);
	note(l, R_DIM, "account %s, %s, %s%s%s", acc, v->idle ? "idle" : asset_kind_name(v->kind),
	     v->asset ? v->asset->chain : "?", p->opened[0] ? ", opened " : "", p->opened);
	fmt_dec(v->asset ? v->quantity : p->quantity, q, sizeof q);
	l = add(c, R_LABEL, "Quantity", R_FIGURE, q);
	note(l, R_DIM, "%s (exact)%s", sym,
	     p->has_shares     ? ", from protocol shares"
	     : v->shares_pending ? "; to shares at the first share rate seen"
	                         : "");
	if (p->note[0]) {
		char n[POS_NOTE_MAX];
		text_copy_clean(n, sizeof n, p->note);
		add(c, R_LABEL, "Note", R_NORMAL, n);
	}
	if (p->origin == ORIGIN_CHAIN)
		chain_read_part(c);
	if (why_short(v)) {
		/* a position without a value says why, with the feed's own error */
		const char *feed = why_feed(v), *ferr = NULL;
		char why[320], clean[320];
		for (size_t i = 0; feed && i < c->s->n_fs; i++)
			if (strcmp(c->s->fs[i].name, feed) == 0)
				ferr = c->s->fs[i].last_error;
		why_text(v, p->created_at, ferr, why, sizeof why);
		text_copy_clean(clean, sizeof clean, why);
		l = add(c, R_LABEL, "No value", R_ERROR, why_short(v));
		note(l, R_DIM, "figures that need it are shown as -");
		/* the whole reason on a line of its own, the screen's full width */
		l = add(c, R_ERROR, clean, R_NORMAL, "");
		if (l)
			l->heading = true;
	} else if (v->missing) {
		l = add(c, R_LABEL, "Missing", R_ERROR, v->missing);
		note(l, R_DIM, "figures that need it are shown as -");
	}
}

static void valuation_part(struct ctx *c)
{
	const struct valuation *v = c->v;
	char val[80], a[48], b[48], sym[SYM_MAX], usym[SYM_MAX];
	struct dline *l;
	heading(c, "Valuation: rate x underlying price = NAV per token", NULL);
	text_copy_clean(sym, sizeof sym, c->p->asset);
	text_copy_clean(usym, sizeof usym, v->underlying ? v->underlying->symbol : "?");
	for (unsigned i = 0; i + 1 < v->n_chain; i++) {
		char from[SYM_MAX], to[SYM_MAX], label[64];
		text_copy_clean(from, sizeof from, v->chain[i]->symbol);
		text_copy_clean(to, sizeof to, v->chain[i + 1]->symbol);
		snprintf(label, sizeof label, "rate %s -> %s", from, to);
		fmt_rate(&v->chain_rate[i], val, sizeof val);
		l = add(c, R_LABEL, label, R_FIGURE, val);
		if (v->chain[i]->rate.type == RATE_ONE)
			note(l, R_DIM, "1 by definition (%s)", token_model_name(v->chain[i]->model));
		else
			source_note(c, l, source(v, "rate", v->chain[i]->symbol));
		if (rate_source_checkable(&v->chain[i]->rate) && !v->chain[i]->rate.verified)
			note(add(c, R_LABEL, "  rate source", R_STALE, "UNVERIFIED"), R_DIM,
			     "not checked against %s's own code (staketop assets)", from);
	}
	if (c->p->has_shares && v->asset && v->asset->share_rate_from[0])
		source_note(c, add(c, R_LABEL, "share rate", R_FIGURE, "balance from shares"),
		            source(v, "rate", v->asset->share_rate_from));
	snprintf(a, sizeof a, "x price %s", usym);
	fmt_money(&v->price_underlying, val, sizeof val);
	source_note(c, add(c, R_LABEL, a, R_FIGURE, val), source(v, "price", usym));
	struct figure navpt = { v->exchange_rate.has && v->price_underlying.has,
		                v->exchange_rate.v * v->price_underlying.v };
	fmt_money(&navpt, val, sizeof val);
	l = add(c, R_LABEL, "= NAV per token", R_FIGURE, val);
	fmt_rate(&v->exchange_rate, a, sizeof a);
	fmt_money(&v->price_underlying, b, sizeof b);
	note(l, R_DIM, "%s x %s", a, b);
	snprintf(a, sizeof a, "market price %s", sym);
	fmt_money(&v->price_market, val, sizeof val);
	source_note(c, add(c, R_LABEL, a, R_FIGURE, val),
	            source(v, "price", v->asset && v->asset->market_from[0] ? v->asset->market_from : sym));
	fmt_bps(&v->premium_bps, val, sizeof val);
	strcat(val, " bps");
	l = add(c, R_LABEL, "premium / discount", theme_premium_role(v->premium_bps.v, v->premium_bps.has), val);
	fmt_money(&v->price_market, a, sizeof a);
	fmt_money(&navpt, b, sizeof b);
	note(l, R_DIM, "(%s / %s - 1) x 10000", a, b);
	fmt_amount(v->underlying_qty.v, 6, a, sizeof a);
	snprintf(val, sizeof val, "%s %s", v->underlying_qty.has ? a : "-", usym);
	add(c, R_LABEL, "underlying quantity", R_FIGURE, val);
	fmt_money(&v->nav, val, sizeof val);
	l = add(c, R_LABEL, "NAV", c->v->stale ? R_STALE : R_FIGURE, val);
	note(l, R_DIM, "underlying quantity x price %s", usym);
	fmt_money(&v->market_value, val, sizeof val);
	l = add(c, R_LABEL, "market value", c->v->stale ? R_STALE : R_FIGURE, val);
	note(l, R_DIM, "quantity x market price");
}

static void yield_part(struct ctx *c)
{
	const struct valuation *v = c->v;
	char val[80], a[48], usym[SYM_MAX];
	struct dline *l;
	heading(c, "Yield", NULL);
	text_copy_clean(usym, sizeof usym, v->underlying ? v->underlying->symbol : "?");
	for (unsigned i = 0; i < v->n_yield; i++) {
		const struct yield_part *y = &v->yield[i];
		char label[40], src[SOURCE_MAX];
		text_copy_clean(label, sizeof label, y->label);
		text_copy_clean(src, sizeof src, y->source);
		text_drop_notes(src);
		snprintf(val, sizeof val, "%.2f%%", y->apr * 100);
		l = add(c, R_LABEL, label, R_FIGURE, val);
		const char *q = !y->from_feed ? "" : y->quoted == QUOTE_APY ? ", quoted as APY"
		                                                             : ", quoted as APR";
		if (y->from_feed && y->quoted == QUOTE_APY)
			note(l, R_DIM, "from APY %.2f%% as quoted; %s", y->quoted_value * 100, src);
		else if (y->fee > 0)
			note(l, R_DIM, "gross %.2f%% less a %.1f%% fee; %s%s", y->apr_gross * 100,
			     y->fee * 100, src, q);
		else
			note(l, R_DIM, "net; %s%s", src, q);
	}
	/* which of the two is the source's own figure (converted once) */
	const struct yield_part *y0 = v->n_yield ? &v->yield[0] : NULL;
	bool own = v->n_yield == 1 && y0->from_feed && y0->fee == 0;
	fmt_pct(&v->apr, val, sizeof val);
	l = add(c, R_LABEL, "APR", R_FIGURE, val);
	if (v->n_yield > 1)
		note(l, R_DIM, "base %.2f%% + restaking %.2f%%", v->yield[0].apr * 100,
		     v->yield[1].apr * 100);
	else if (own && y0->quoted == QUOTE_APR)
		note(l, R_DIM, "* the source's own figure");
	else if (own && v->compounding > 1)
		note(l, R_DIM, "%u x ((1 + APY)^(1/%u) - 1)", v->compounding, v->compounding);
	fmt_pct(&v->apy, val, sizeof val);
	l = add(c, R_LABEL, "APY", R_FIGURE, val);
	if (own && y0->quoted == QUOTE_APY)
		note(l, R_DIM, "* the source's own figure");
	else if (v->compounding > 1)
		note(l, R_DIM, "(1 + APR/%u)^%u - 1", v->compounding, v->compounding);
	else
		note(l, R_DIM, "rewards do not compound: APY = APR");
	fmt_amount(v->yield_30d.v, 6, a, sizeof a);
	snprintf(val, sizeof val, "%s %s", v->yield_30d.has ? a : "-", usym);
	l = add(c, R_LABEL, "projected 30 days", R_FIGURE, val);
	fmt_money(&v->yield_30d_value, a, sizeof a);
	note(l, R_DIM, "= %s %s", a, c->s->app->cfg.currency);
	fmt_amount(v->yield_365d.v, 6, a, sizeof a);
	snprintf(val, sizeof val, "%s %s", v->yield_365d.has ? a : "-", usym);
	l = add(c, R_LABEL, "projected 1 year", R_FIGURE, val);
	fmt_money(&v->yield_365d_value, a, sizeof a);
	note(l, R_DIM, "= %s %s", a, c->s->app->cfg.currency);
}

static void sources_part(struct ctx *c)
{
	const struct valuation *v = c->v;
	heading(c, "Sources: every input, where from and how old", NULL);
	if (v->n_sources == 0)
		add(c, R_DIM, "none", R_NORMAL, "");
	for (unsigned i = 0; i < v->n_sources; i++) {
		const struct figure_source *s = &v->sources[i];
		char what[40], src[SOURCE_MAX];
		if (!s->has)
			continue;
		text_copy_clean(what, sizeof what, s->what);
		text_copy_clean(src, sizeof src, s->source);
		text_drop_notes(src);
		source_note(c, add(c, R_LABEL, what, R_NORMAL, src), s);
	}
}

static void money(long double v, char *buf, size_t len)
{
	const struct figure f = { true, v };
	fmt_money(&f, buf, len);
}

/* Cost basis and P&L worked out, the split into rewards and price, and
 * the lots still held. */
static void pnl_part(struct ctx *c)
{
	const struct app *a = c->s->app;
	size_t i = (size_t)(c->v - a->rows);
	const struct pnl *pl = &a->pnl[i];
	char x[48], y[48], z[48], val[120], usym[SYM_MAX];
	struct dline *l;
	text_copy_clean(usym, sizeof usym, c->v->underlying ? c->v->underlying->symbol : "?");
	if (!pl->has) {
		/* one line: why there is none, and how to give one */
		char why[160];
		const bool gone = pl->missing && strcmp(pl->missing, "nothing held") == 0;
		snprintf(why, sizeof why, "%s: %s", pl->missing ? pl->missing : "no cost basis",
		         gone ? "every unit has left (what sales realized is below)"
		         : pl->n_lots_no_cost && pl->n_lots_no_cost < pl->n_lots
		                 ? "record each lot's price (staketop stake ID --price P)"
		                 : "give one (add --cost-basis, or stake --price)");
		heading(c, "Cost basis and P&L", why);
		if (pl->n_lots_no_cost == pl->n_lots)
			return;   /* no lot has a cost: nothing more to list */
	} else {
		heading(c, "Cost basis and P&L", a->cfg.lot_method == LOT_AVERAGE
		                                     ? "lots at average cost ([pnl] lots)"
		                                     : "lots first-in-first-out ([pnl] lots)");
	}
	if (pl->has) {
		money(pl->cost, x, sizeof x);
		add(c, R_LABEL, "Cost basis", R_FIGURE, x);
		money(pl->value, y, sizeof y);
		money(pl->pnl, z, sizeof z);
		snprintf(val, sizeof val, "%s%s", pl->pnl > 0 ? "+" : "", z);
		l = add(c, R_LABEL, "P&L", pl->pnl < 0 ? R_ERROR : R_FIGURE, val);
		note(l, R_DIM, "NAV %s - cost %s = %s (%+.2Lf %%)", y, x, z, pl->pnl_pct);
		if (pl->has_apy) {
			snprintf(val, sizeof val, "%.2Lf%%", pl->apy * 100);
			l = add(c, R_LABEL, "APY since opening", R_FIGURE, val);
			note(l, R_DIM, "(NAV / cost)^(365 / %.1Lf d) - 1", pl->days);
		}
		if (!pl->has_split) {
			add(c, R_LABEL, "Rewards / price", R_DIM,
			    pl->split_missing ? pl->split_missing : "-");
		} else {
			money(pl->rewards, x, sizeof x);
			l = add(c, R_LABEL, "from rewards", R_FIGURE, x);
			char un[48], uo[48], pu[48];
			fmt_amount(pl->underlying_now, 6, un, sizeof un);
			fmt_amount(pl->underlying_open, 6, uo, sizeof uo);
			money(pl->price_underlying, pu, sizeof pu);
			note(l, R_DIM, "(%s - %s) %s gained x %s", un, uo, usym, pu);
			money(pl->price, y, sizeof y);
			l = add(c, R_LABEL, "from price", R_FIGURE, y);
			note(l, R_DIM, "P&L %s - rewards %s", z, x);
		}
	}
	struct lots lots;
	struct lot_rate *rates = NULL;
	char err[256];
	if (app_pnl_lots(a, i, &lots, &rates, err, sizeof err) < 0) {
		add(c, R_ERROR, "lots", R_ERROR, err);
		return;
	}
	for (size_t k = 0; k < lots.n; k++) {
		const struct lot *t = &lots.v[k];
		char date[ISO_TIME_LEN], q[DEC_STR_MAX], qi[DEC_STR_MAX], label[80];
		time_format_iso(t->ts, date, sizeof date);
		date[10] = 0;
		fmt_quantity(t->units, q, sizeof q);
		fmt_quantity(t->units_in, qi, sizeof qi);
		snprintf(label, sizeof label, "lot %s", date);
		if (t->has_cost)
			money(t->cost, x, sizeof x);
		snprintf(val, sizeof val, "%s of %s", q, qi);
		l = add(c, R_LABEL, label, dec_is_zero(t->units) ? R_DIM : R_FIGURE, val);
		if (t->reward)
			note(l, R_DIM, "gained at no cost (event %lld)", (long long)t->event_id);
		else if (t->has_cost && rates && rates[k].has)
			note(l, R_DIM, "cost %s held; rate then %.6Lf (event %lld)", x, rates[k].rate,
			     (long long)t->event_id);
		else if (t->has_cost)
			note(l, R_DIM, "cost %s held (event %lld)", x, (long long)t->event_id);
		else
			note(l, R_STALE, "no price (event %lld)", (long long)t->event_id);
	}
	if (lots.n == 0)
		add(c, R_DIM, "no lots", R_NORMAL, "");
	free(rates);
	lots_free(&lots);
}

/* signed money: "+650.00", "-300.00" */
static void signed_money(long double v, char *buf, size_t len)
{
	char m[40];
	money(v, m, sizeof m);
	snprintf(buf, len, "%s%.40s", v > 0 ? "+" : "", m);
}

/* What the position's sales realized, when it has any: each sale (date,
 * units @ price, the cost of the units it took, the result), proceeds -
 * cost = realized, and realized + unrealized = the total P&L. */
static void realized_part(struct ctx *c)
{
	const struct app *a = c->s->app;
	size_t i = (size_t)(c->v - a->rows);
	const struct realized *r = &a->realized[i];
	const struct pnl *pl = &a->pnl[i];
	char x[48], y[48], z[48], val[120];
	struct dline *l;
	if (r->n_sales == 0)
		return;   /* nothing sold: nothing realized (w records a sale) */
	heading(c, "Realized P&L", "w records a sale; an unbond or a transfer out is not one");
	struct lots lots;
	char err[256];
	if (app_pnl_lots(a, i, &lots, NULL, err, sizeof err) < 0) {
		add(c, R_ERROR, "sales", R_ERROR, err);
		return;
	}
	for (size_t k = 0; k < lots.n_out; k++) {
		const struct lot_out *o = &lots.out[k];
		struct realized_sale s;
		char date[ISO_TIME_LEN], q[DEC_STR_MAX], label[40];
		if (!o->has_price)
			continue;
		realized_sale(o, &s);
		time_format_iso(o->ts, date, sizeof date);
		date[10] = 0;
		snprintf(label, sizeof label, "sale %s", date);
		fmt_quantity(o->units, q, sizeof q);
		money(s.price, x, sizeof x);
		snprintf(val, sizeof val, "%s @ %s", q, x);
		l = add(c, R_LABEL, label, R_FIGURE, val);
		money(s.cost, y, sizeof y);
		signed_money(s.result, z, sizeof z);
		if (s.has)
			note(l, s.result < 0 ? R_ERROR : R_DIM, "cost %s: %s", y, z);
		else
			note(l, R_STALE, "units without a cost");
	}
	lots_free(&lots);
	money(r->proceeds, x, sizeof x);
	l = add(c, R_LABEL, "proceeds", R_FIGURE, x);
	note(l, R_DIM, "units sold x price received");
	if (!r->has) {
		l = add(c, R_LABEL, "Realized P&L", R_STALE, "unknown");
		note(l, R_DIM, "%s", r->missing ? r->missing : "");
		return;
	}
	money(r->cost, y, sizeof y);
	l = add(c, R_LABEL, "- cost of units sold", R_FIGURE, y);
	note(l, R_DIM, "%s lots", lot_method_name(a->cfg.lot_method));
	signed_money(r->realized, z, sizeof z);
	l = add(c, R_LABEL, "= Realized P&L", r->realized < 0 ? R_ERROR : R_FIGURE, z);
	note(l, R_DIM, "%s - %s", x, y);
	if (pl->has) {
		signed_money(pl->pnl, x, sizeof x);
		l = add(c, R_LABEL, "+ unrealized P&L", pl->pnl < 0 ? R_ERROR : R_FIGURE, x);
		note(l, R_DIM, "the units held (above)");
		signed_money(r->realized + pl->pnl, y, sizeof y);
		l = add(c, R_LABEL, "= Total P&L", r->realized + pl->pnl < 0 ? R_ERROR : R_FIGURE, y);
		note(l, R_DIM, "realized + unrealized");
	}
}

static void unbonding_part(struct ctx *c)
{
	struct unbonding *ub = NULL;
	size_t n = 0;
	char err[256], sym[SYM_MAX];
	text_copy_clean(sym, sizeof sym, c->p->asset);
	heading(c, "Unbonding", "b unbonds, c claims what is due, u: every unbonding");
	if (store_unbondings_list(c->s->app->store, c->p->id, true, &ub, &n, err, sizeof err) < 0) {
		add(c, R_ERROR, "error", R_ERROR, err);
		return;
	}
	if (n == 0)
		add(c, R_DIM, "none", R_NORMAL, "");
	for (size_t i = 0; i < n; i++) {
		const struct unbonding *x = &ub[i];
		char q[DEC_STR_MAX], label[80], left[32], req[ISO_TIME_LEN], avail[ISO_TIME_LEN];
		enum unbond_status st = unbond_status_at(x, c->s->now);
		int64_t s = unbond_seconds_left(x, c->s->now);
		fmt_dec(x->amount, q, sizeof q);
		snprintf(label, sizeof label, "%s %s", q, sym);
		if (st == UNBOND_PENDING)
			unbond_format_left(s, left, sizeof left);
		else
			snprintf(left, sizeof left, "%s", unbond_status_name(st));
		struct dline *l = add(c, R_LABEL, label, st == UNBOND_CLAIMABLE ? R_CLAIMABLE : R_FIGURE, left);
		time_format_iso(x->requested_at, req, sizeof req);
		time_format_iso(x->available_at, avail, sizeof avail);
		char rule[UNBOND_BASIS_MAX];
		text_copy_clean(rule, sizeof rule, x->rule);
		text_drop_notes(rule);
		note(l, R_DIM, "requested %s, available %s: %s", req, avail, rule);
		if (l && st == UNBOND_PENDING)
			l->next_change = ticks_left(s);
	}
	free(ub);
}

static void events_part(struct ctx *c)
{
	struct event *ev = NULL;
	size_t n = 0;
	char err[256];
	heading(c, "Events", "] [ select one, x removes it (kept, marked removed)");
	if (store_events_list(c->s->app->store, c->p->id, &ev, &n, err, sizeof err) < 0) {
		add(c, R_ERROR, "error", R_ERROR, err);
		return;
	}
	if (n == 0)
		add(c, R_DIM, "none", R_NORMAL, "");
	for (size_t i = 0; i < n; i++) {
		char date[ISO_TIME_LEN], val[64], q[DEC_STR_MAX] = "";
		time_format_iso(ev[i].ts, date, sizeof date);
		if (ev[i].has_amount)
			fmt_dec(ev[i].amount, q, sizeof q);
		snprintf(val, sizeof val, "%s %s", event_type_name(ev[i].type), q);
		struct dline *l = add(c, ev[i].removed ? R_DIM : R_LABEL, date,
		                      ev[i].removed ? R_DIM : R_FIGURE, val);
		if (!l)
			break;
		l->event_id = ev[i].id;
		l->event_removed = ev[i].removed;
		if (ev[i].removed) {
			char when[ISO_TIME_LEN];
			time_format_iso(ev[i].removed_at, when, sizeof when);
			note(l, R_STALE, "REMOVED %s%s%s (event %lld, not counted)", when,
			     ev[i].removed_note[0] ? ": " : "", ev[i].removed_note, (long long)ev[i].id);
		} else {
			note(l, R_DIM, "%s%sevent %lld", ev[i].note, ev[i].note[0] ? "; " : "",
			     (long long)ev[i].id);
		}
	}
	free(ev);
}

int detail_compute(struct detail *d, const struct scene *s)
{
	struct app *a = s->app;
	struct ctx c = { .d = d, .s = s };
	for (size_t i = 0; i < a->positions.n; i++)
		if (a->positions.v[i].id == d->pos_id) {
			c.p = &a->positions.v[i];
			c.v = &a->rows[i];
		}
	if (!c.p)
		return 1;
	c.elapsed = s->now > a->now ? s->now - a->now : 0;
	d->n = 0;
	position_part(&c);
	pnl_part(&c);
	realized_part(&c);
	valuation_part(&c);
	yield_part(&c);
	sources_part(&c);
	unbonding_part(&c);
	events_part(&c);
	return c.oom ? -1 : 0;
}

void detail_scroll(struct detail *d, const struct scene *s, long delta)
{
	long rows = s->lay.body.h > 1 ? s->lay.body.h : 1;
	long max = (long)d->n - rows;
	long top = (long)d->top + delta;
	if (top > max)
		top = max;
	if (top < 0)
		top = 0;
	d->top = (size_t)top;
}

void detail_draw(const struct detail *d, const struct rect *r)
{
	const int lw = 24, vw = 22, nx = r->x + 2 + lw + 1 + vw + 2;
	for (int k = 0; k < r->h; k++) {
		size_t i = d->top + (size_t)k;
		const int y = r->y + k;
		draw_fill(y, r->x, r->w, R_NORMAL);
		if (i >= d->n)
			continue;
		const struct dline *l = &d->lines[i];
		if (l->event_id && l->event_id == d->sel_event) {
			draw_fill(y, r->x, r->w, R_SELECTED);
			draw_cell(y, r->x + 2, lw, l->label, R_SELECTED, AL_LEFT);
			draw_cell(y, r->x + 2 + lw + 1, vw, l->value, R_SELECTED, AL_RIGHT);
			if (nx < r->x + r->w)
				draw_cell(y, nx, r->x + r->w - nx, l->note, R_SELECTED, AL_LEFT);
			continue;
		}
		if (l->heading) {
			int used = draw_put(y, r->x + 1, r->w - 2, l->label, (enum role)l->lrole);
			if (l->value[0])
				draw_put(y, r->x + 1 + used + 2, r->w - used - 4, l->value, R_DIM);
			continue;
		}
		draw_cell(y, r->x + 2, lw, l->label, (enum role)l->lrole, AL_LEFT);
		draw_cell(y, r->x + 2 + lw + 1, vw, l->value, (enum role)l->vrole, AL_RIGHT);
		if (nx < r->x + r->w)
			draw_cell(y, nx, r->x + r->w - nx, l->note, (enum role)l->nrole, AL_LEFT);
	}
}

int detail_next_change(const struct detail *d, const struct rect *r)
{
	int s = 0;
	for (int k = 0; k < r->h; k++) {
		size_t i = d->top + (size_t)k;
		if (i >= d->n)
			break;
		s = ticks_min(s, d->lines[i].next_change);
	}
	return s;
}

void detail_free(struct detail *d)
{
	free(d->lines);
	d->lines = NULL;
	d->n = d->cap = 0;
}
