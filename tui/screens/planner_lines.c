/* planner_lines.c — the lines of the planner's pane, made after each
 * change from the computed plan (tui/app/plan.h): the trades with both
 * routes of each reduction, what was left out, positions still
 * unbonding, the after-figures and their change; or the risk before and
 * after; or the saved plans. Every text from outside (symbols, keys,
 * labels, a rule's basis, a saved plan's name and targets) is cleaned
 * with text_copy_clean before it goes into a line; a line is written once,
 * straight into its slot (after each keystroke there can be thousands). */
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "positions/text.h"
#include "positions/timeutil.h"
#include "tui/screens/planner.h"
#include "tui/term/format.h"

static int add(struct planner *p, enum role r, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int add(struct planner *p, enum role r, const char *fmt, ...)
{
	if (p->n_lines == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 64;
		struct planner_line *v = realloc(p->lines, cap * sizeof *v);
		if (!v)
			return -1;
		p->lines = v;
		p->cap = cap;
	}
	struct planner_line *l = &p->lines[p->n_lines++];
	l->kind = PL_TEXT;
	l->filled = true;
	l->item = 0;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(l->text, sizeof l->text, fmt, ap);
	va_end(ap);
	l->role = (unsigned char)r;
	return 0;
}

/* A line written when it comes into view. */
static int later(struct planner *p, enum role r, enum planner_line_kind k, size_t item)
{
	if (add(p, r, "%s", "") < 0)
		return -1;
	struct planner_line *l = &p->lines[p->n_lines - 1];
	l->kind = (unsigned char)k;
	l->item = item;
	l->filled = false;
	return 0;
}

static void money(long double v, char *buf, size_t len)
{
	const struct figure f = { true, v };
	fmt_money(&f, buf, len);
}

static void signed_money(long double v, char *buf, size_t len)
{
	char m[40];
	money(fabsl(v), m, sizeof m);
	snprintf(buf, len, "%s%s", v < 0 ? "-" : "+", m);
}

/* "1.234567 stETH" with the symbol cleaned and cut. */
static void amount(long double v, const char *sym, char *buf, size_t len)
{
	char n[40], s[12];
	fmt_number(v, 6, n, sizeof n);
	text_copy_clean(s, sizeof s, sym);
	snprintf(buf, len, "%s %s", n, s);
}

/* One route of a reduction, "swap cost 12.00" or "swap: no market price". */
static void route_text(const char *name, const struct plan_route_cost *c, bool days,
                       bool chosen, char *buf, size_t len)
{
	char m[40], why[64];
	if (!c->available) {
		text_copy_clean(why, sizeof why, c->basis);
		snprintf(buf, len, "%s: %s", name, why[0] ? why : "not available");
		return;
	}
	if (c->has_cost)
		money(c->cost, m, sizeof m);
	else
		snprintf(m, sizeof m, "unknown");
	if (days)
		snprintf(buf, len, "%s cost %s, %.1Lf d%s", name, m, c->days, chosen ? " <cheaper" : "");
	else
		snprintf(buf, len, "%s cost %s%s", name, m, chosen ? " <cheaper" : "");
}

/* The lines of trade i, to be written when in view. */
static int trade_lines(struct planner *p, const struct plan_trade *t, size_t i)
{
	if (later(p, t->action == PLAN_ADD ? R_GAIN : t->action == PLAN_REDUCE ? R_LOSS : R_NORMAL,
	          PL_TRADE, i) < 0)
		return -1;
	if (t->action == PLAN_REDUCE && later(p, R_DIM, PL_ROUTE, i) < 0)
		return -1;
	if (t->action == PLAN_REDUCE && t->unbonding > 0 && later(p, R_PENDING, PL_UNBONDING, i) < 0)
		return -1;
	return 0;
}

/* Write one of a trade's lines. */
static void fill_line(struct planner_line *l, const struct app *a, const struct plan *pl)
{
	char amt[64], und[64], val[40], sw[80], rd[80];
	if (l->item >= pl->n_trades) {
		l->text[0] = 0;
		l->filled = true;
		return;
	}
	const struct plan_trade *t = &pl->trades[l->item];
	const struct valuation *v = &a->rows[t->row];
	switch ((enum planner_line_kind)l->kind) {
	case PL_TRADE:
		amount(t->amount, t->asset->symbol, amt, sizeof amt);
		amount(t->underlying, v->underlying ? v->underlying->symbol : "?", und, sizeof und);
		money(t->value, val, sizeof val);
		snprintf(l->text, sizeof l->text, "%-6s #%-4" PRId64 " %22s = %-22s %13s",
		         plan_action_name(t->action), t->position_id, amt, und, val);
		break;
	case PL_ROUTE:
		if (t->route == ROUTE_UNSTAKE || (!t->swap.available && t->asset->kind == ASSET_NATIVE)) {
			route_text("unstake", &t->redeem, true, false, rd, sizeof rd);
			snprintf(l->text, sizeof l->text, "       %s (native stake: no market)", rd);
		} else {
			route_text("swap", &t->swap, false, t->route == ROUTE_SWAP, sw, sizeof sw);
			route_text("redeem", &t->redeem, true, t->route == ROUTE_REDEEM, rd, sizeof rd);
			snprintf(l->text, sizeof l->text, "       %s | %s", sw, rd);
		}
		break;
	case PL_UNBONDING:
		amount(t->unbonding, t->asset->symbol, amt, sizeof amt);
		snprintf(l->text, sizeof l->text, "       %s already unbonding: not sold again", amt);
		break;
	case PL_TEXT: break;
	}
	l->filled = true;
}

void planner_fill(struct planner *p, const struct scene *sc)
{
	const size_t rows = (size_t)planner_pane_rows(p, sc->lay.body.h);
	if (p->pane != PP_PLAN || !p->run.computed)
		return;
	for (size_t k = p->line_top; k < p->n_lines && k < p->line_top + rows; k++)
		if (!p->lines[k].filled)
			fill_line(&p->lines[k], sc->app, &p->run.plan);
}

static double share_of(const struct plan_share *s, size_t n, const char *label, bool *found)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s[i].label, label) == 0) {
			*found = true;
			return s[i].weight;
		}
	*found = false;
	return 0;
}

/* "kind: native 40.0→40.0%  liquid 35.0→40.0%", wrapped at width. */
static int weight_lines(struct planner *p, const char *title, const struct plan_share *b,
                        size_t nb, const struct plan_share *af, size_t na, int width)
{
	char line[PLANNER_LINE_MAX], item[64], lab[20];
	size_t at = (size_t)snprintf(line, sizeof line, "%-9s", title);
	for (size_t k = 0; k < nb + na; k++) {
		bool found;
		const struct plan_share *s = k < nb ? &b[k] : &af[k - nb];
		double before, after;
		if (k < nb) {
			before = s->weight;
			after = share_of(af, na, s->label, &found);
		} else {
			share_of(b, nb, s->label, &found);
			if (found || s->weight == 0)
				continue;
			before = 0;
			after = s->weight;
		}
		text_copy_clean(lab, sizeof lab, s->label);
		int w = snprintf(item, sizeof item, " %s %.1f→%.1f%%", lab, before * 100, after * 100);
		if (w < 0)
			continue;
		if ((int)at + w > width && at > 9) {
			if (add(p, R_NORMAL, "%s", line) < 0)
				return -1;
			at = (size_t)snprintf(line, sizeof line, "%-9s", "");
		}
		if (at + (size_t)w < sizeof line) {
			memcpy(line + at, item, (size_t)w + 1);
			at += (size_t)w;
		}
	}
	return add(p, R_NORMAL, "%s", line);
}

static int plan_pane(struct planner *p, const struct scene *sc, int width)
{
	const struct app *a = sc->app;
	const struct plan *pl = &p->run.plan;
	char c[6][48];
	if (!pl->sum_ok) {
		double d = pl->targets_sum - 100;
		if (add(p, R_ERROR, "targets sum to %.6g%%, not 100%% (%.6g%% %s): no trades until "
		        "they do", pl->targets_sum, fabs(d), d < 0 ? "short" : "over") < 0)
			return -1;
	} else {
		money(pl->total_cost, c[0], sizeof c[0]);
		char cur[16];
		size_t k = 0;
		for (; k + 1 < sizeof cur && a->cfg.currency[k]; k++)
			cur[k] = (char)(a->cfg.currency[k] >= 'a' && a->cfg.currency[k] <= 'z'
			                    ? a->cfg.currency[k] - 'a' + 'A' : a->cfg.currency[k]);
		cur[k] = 0;
		snprintf(c[5], sizeof c[5], "VALUE %s", cur);
		if (add(p, R_COLHEAD, "%-6s %-5s %22s   %-22s %13s", "TRADE", "POS", "AMOUNT",
		        "IN THE UNDERLYING", c[5]) < 0)
			return -1;
		for (size_t i = 0; i < pl->n_trades; i++)
			if (trade_lines(p, &pl->trades[i], i) < 0)
				return -1;
		if (pl->n_trades == 0 && add(p, R_DIM, "no trade: the portfolio is at its targets") < 0)
			return -1;
		money(pl->moved_out, c[1], sizeof c[1]);
		money(pl->moved_in, c[2], sizeof c[2]);
		if (add(p, R_NORMAL, "moves: out %s, in %s; cost of the chosen routes %s", c[1], c[2],
		        c[0]) < 0)
			return -1;
		if (fabsl(pl->unallocated) >= 0.005L) {
			money(pl->unallocated, c[3], sizeof c[3]);
			if (add(p, R_LOSS, "unallocated (stays cash): %s", c[3]) < 0)
				return -1;
		}
		if (pl->n_skipped) {
			money(pl->skipped_value, c[3], sizeof c[3]);
			if (add(p, R_DIM, "%zu trade%s below the minimum of %.2f left out (%s)", pl->n_skipped,
			        pl->n_skipped == 1 ? "" : "s", a->cfg.min_trade, c[3]) < 0)
				return -1;
		}
	}
	char key[PLAN_KEY_MAX];
	for (size_t g = 0; g < pl->n_groups; g++) {
		if (pl->groups[g].reachable)
			continue;
		text_copy_clean(key, sizeof key, pl->groups[g].key);
		if (add(p, R_ERROR, "target %s cannot be met: %s", key, pl->groups[g].why) < 0)
			return -1;
	}
	for (size_t i = 0; i < pl->n_unvalued; i++) {
		text_copy_clean(key, sizeof key, a->positions.v[pl->unvalued[i].row].asset);
		if (add(p, R_DIM, "left out: #%" PRId64 " %s: %s", pl->unvalued[i].position_id, key,
		        pl->unvalued[i].why) < 0)
			return -1;
	}
	/* every position with an exit under way, traded or not */
	for (size_t i = 0; i < p->run.n && i < a->positions.n; i++) {
		if (!(p->run.unbonding[i] > 0))
			continue;
		char amt[64];
		amount(p->run.unbonding[i], a->positions.v[i].asset, amt, sizeof amt);
		if (add(p, R_PENDING, "#%" PRId64 " still unbonding: %s (out of its quantity, never "
		        "sold twice)", p->run.ids[i], amt) < 0)
			return -1;
	}
	fmt_pct(&pl->before.apy, c[0], sizeof c[0]);
	fmt_pct(&pl->after.apy, c[1], sizeof c[1]);
	fmt_money(&pl->before.yield_365d_value, c[2], sizeof c[2]);
	fmt_money(&pl->after.yield_365d_value, c[3], sizeof c[3]);
	snprintf(c[4], sizeof c[4], "-");
	snprintf(c[5], sizeof c[5], "-");
	if (pl->after.apy.has && pl->before.apy.has)
		snprintf(c[4], sizeof c[4], "%+.2Lf pts", (pl->after.apy.v - pl->before.apy.v) * 100);
	if (pl->after.yield_365d_value.has && pl->before.yield_365d_value.has)
		signed_money(pl->after.yield_365d_value.v - pl->before.yield_365d_value.v, c[5],
		             sizeof c[5]);
	if (add(p, R_COLHEAD, "AFTER THE PLAN") < 0 ||
	    add(p, R_FIGURE, "blended APY %s → %s (%s)", c[0], c[1], c[4]) < 0 ||
	    add(p, R_FIGURE, "yearly yield %s → %s (%s)", c[2], c[3], c[5]) < 0)
		return -1;
	if (weight_lines(p, "kind", pl->before.kind, pl->before.n_kind, pl->after.kind,
	                 pl->after.n_kind, width) < 0 ||
	    weight_lines(p, "protocol", pl->before.protocol, pl->before.n_protocol,
	                 pl->after.protocol, pl->after.n_protocol, width) < 0 ||
	    weight_lines(p, "chain", pl->before.chain, pl->before.n_chain, pl->after.chain,
	                 pl->after.n_chain, width) < 0)
		return -1;
	return 0;
}

static const struct risk_share *find_share(const struct risk_share *s, size_t n, const char *l)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s[i].label, l) == 0)
			return &s[i];
	return NULL;
}

/* One concentration table: before's labels, then after's new ones. */
static int shares_lines(struct planner *p, const char *what, const struct risk_share *b,
                        size_t nb, const struct risk_share *af, size_t na)
{
	for (size_t k = 0; k < nb + na; k++) {
		const struct risk_share *s = k < nb ? &b[k] : &af[k - nb];
		if (k >= nb && find_share(b, nb, s->label))
			continue;
		const struct risk_share *x = k < nb ? s : NULL;
		const struct risk_share *y = k < nb ? find_share(af, na, s->label) : s;
		const bool flag = (x && x->flagged) || (y && y->flagged);
		char now[16], after[16], lab[NAME_MAX_];
		text_copy_clean(lab, sizeof lab, s->label);
		snprintf(now, sizeof now, "%.1f%%%s", x ? x->weight * 100 : 0.0,
		         x && x->flagged ? "!" : " ");
		snprintf(after, sizeof after, "%.1f%%%s", y ? y->weight * 100 : 0.0,
		         y && y->flagged ? "!" : " ");
		if (add(p, flag ? R_LOSS_BIG : R_NORMAL, "%-9s %-24s %9s %9s%s", what, lab, now,
		        after, flag ? "  above the threshold" : "") < 0)
			return -1;
	}
	return 0;
}

static int risk_pane(struct planner *p)
{
	const struct risk_report *rb = &p->run.risk_before, *ra = &p->run.risk_after;
	char c[5][48], sym[16];
	if (add(p, R_COLHEAD, "CONCENTRATION (flag above %.0f%%)         NOW     AFTER",
	        rb->threshold * 100) < 0 ||
	    shares_lines(p, "protocol", rb->protocol, rb->n_protocol, ra->protocol,
	                 ra->n_protocol) < 0 ||
	    shares_lines(p, "chain", rb->chain, rb->n_chain, ra->chain, ra->n_chain) < 0)
		return -1;
	if (add(p, R_DIM, "%zu share%s above the threshold now, %zu after the plan",
	        rb->n_flagged, rb->n_flagged == 1 ? "" : "s", ra->n_flagged) < 0)
		return -1;
	if (add(p, R_COLHEAD, "DEPEG  %13s %12s %12s  %s", "VALUE NOW", "LOSS NOW", "LOSS AFTER",
	        "WORST SINGLE TOKEN NOW") < 0)
		return -1;
	for (size_t l = 0; l < RISK_DEPEG_LEVELS; l++) {
		money(rb->depeg[l].value, c[0], sizeof c[0]);
		money(rb->depeg[l].loss, c[1], sizeof c[1]);
		money(ra->depeg[l].loss, c[2], sizeof c[2]);
		money(rb->depeg[l].worst_loss, c[3], sizeof c[3]);
		text_copy_clean(sym, sizeof sym, rb->depeg[l].worst ? rb->depeg[l].worst->symbol : "-");
		if (add(p, R_NORMAL, "%4.0f%%  %13s %12s %12s  %s %s", rb->depeg[l].discount * 100, c[0],
		        c[1], c[2], sym, rb->depeg[l].worst ? c[3] : "") < 0)
			return -1;
	}
	for (size_t i = 0; i < p->n_loans; i++) {
		const struct app_loan *x = &p->loans[i];
		const struct loan_health *h = &x->health;
		char cs[12], ds[12];
		text_copy_clean(cs, sizeof cs, x->loan.collateral);
		text_copy_clean(ds, sizeof ds, x->loan.debt);
		if (!h->has) {
			if (add(p, R_DIM, "loan #%" PRId64 " %s/%s: %s", x->loan.id, cs, ds, h->missing) < 0)
				return -1;
			continue;
		}
		money(h->equity, c[0], sizeof c[0]);
		if (h->liquidatable)
			snprintf(c[1], sizeof c[1], "liquidatable now");
		else
			snprintf(c[1], sizeof c[1], "liquidated %.1f%% below NAV", h->liq_discount * 100);
		if (add(p, h->liquidatable ? R_LOSS_BIG : R_NORMAL,
		        "loan #%" PRId64 " %s/%s: HF %.2f, equity %s, %s", x->loan.id, cs, ds, h->hf, c[0],
		        c[1]) < 0)
			return -1;
		const bool any = h->stress[RISK_DEPEG_LEVELS - 1].liquidated;
		if (add(p, any ? R_LOSS_BIG : R_DIM, "   depeg 1%%: HF %.2f%s  5%%: HF %.2f%s  10%%: HF %.2f%s",
		        h->stress[0].hf, h->stress[0].liquidated ? " LIQUIDATED" : "", h->stress[1].hf,
		        h->stress[1].liquidated ? " LIQUIDATED" : "", h->stress[2].hf,
		        h->stress[2].liquidated ? " LIQUIDATED" : "") < 0)
			return -1;
	}
	if (rb->n_unvalued &&
	    add(p, R_DIM, "%zu position%s with no NAV left out of these figures", rb->n_unvalued,
	        rb->n_unvalued == 1 ? "" : "s") < 0)
		return -1;
	return add(p, R_DIM, "validator sets: not in the catalog yet");
}

static int saved_pane(struct planner *p)
{
	if (add(p, R_COLHEAD, "%5s  %-20s %-20s %s", "ID", "NAME", "SAVED", "TARGETS") < 0)
		return -1;
	if (p->n_saved == 0)
		return add(p, R_DIM, "no saved plan yet: F7 (or S) saves the one on screen");
	for (size_t i = 0; i < p->n_saved; i++) {
		char t[ISO_TIME_LEN], name[24], tg[PLANNER_LINE_MAX];
		time_format_iso(p->saved[i].created_at, t, sizeof t);
		text_copy_clean(name, 21, p->saved[i].name);
		text_copy_clean(tg, sizeof tg, p->saved[i].targets ? p->saved[i].targets : "");
		if (add(p, i == p->saved_cursor ? R_SELECTED : R_NORMAL, "%5" PRId64 "  %-20s %-20s %s",
		        p->saved[i].id, name, t, tg) < 0)
			return -1;
	}
	return add(p, R_DIM, "Enter reopens the selected plan on today's portfolio");
}

int planner_lines(struct planner *p, const struct scene *sc)
{
	int width = sc->lay.body.w > 0 ? sc->lay.body.w - 1 : 79;
	p->n_lines = 0;
	if (p->pane == PP_SAVED)
		return saved_pane(p);
	if (!p->run.computed) {
		char err[sizeof p->err];
		text_copy_clean(err, sizeof err, p->err[0] ? p->err : "not computed");
		return add(p, R_ERROR, "no plan: %s", err);
	}
	int rc = p->pane == PP_RISK ? risk_pane(p) : plan_pane(p, sc, width);
	if (p->line_top >= p->n_lines)
		p->line_top = 0;
	planner_fill(p, sc);
	return rc;
}
