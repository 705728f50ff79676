/* pnl.c — P&L against the lots' cost, split into rewards and price. */
#include "positions/pnl.h"

#include <math.h>
#include <string.h>

void pnl_compute(const struct lots *l, const struct lot_rate *rates,
                 const struct valuation *v, int64_t now, struct pnl *out)
{
	memset(out, 0, sizeof *out);
	int64_t first = 0;
	bool rate_missing = false;
	for (size_t i = 0; i < l->n; i++) {
		const struct lot *x = &l->v[i];
		if (dec_is_zero(x->units))
			continue;
		out->n_lots++;
		if (!x->has_cost)
			out->n_lots_no_cost++;
		else
			out->cost += x->cost;
		if (!first || x->ts < first)
			first = x->ts;
		if (x->reward)
			continue;
		if (!rates || !rates[i].has)
			rate_missing = true;
		else
			out->underlying_open += dec_to_ld(x->units) * rates[i].rate;
	}
	if (out->n_lots == 0 && l->n > 0) {
		out->missing = "nothing held";   /* every lot emptied: sold or gone */
		return;
	}
	if (out->n_lots == 0 || out->n_lots_no_cost == out->n_lots) {
		out->missing = "no cost basis";
		return;
	}
	if (out->n_lots_no_cost > 0) {
		out->missing = "some lots have no price";
		return;
	}
	if (!v->nav.has || !v->underlying_qty.has || !v->price_underlying.has) {
		out->missing = "no value";
		return;
	}
	out->has = true;
	out->value = v->nav.v;
	out->pnl = out->value - out->cost;
	if (out->cost > 0) {
		out->pnl_pct = out->pnl / out->cost * 100.0L;
		out->days = (long double)(now - first) / 86400.0L;
		if (out->days >= 1.0L && out->value > 0) {
			out->has_apy = true;
			out->apy = powl(out->value / out->cost, 365.0L / out->days) - 1.0L;
		}
	}
	if (rate_missing) {
		out->split_missing = "no exchange rate recorded at a lot's opening";
		return;
	}
	out->has_split = true;
	out->underlying_now = v->underlying_qty.v;
	out->reward_units = out->underlying_now - out->underlying_open;
	out->price_underlying = v->price_underlying.v;
	out->rewards = out->reward_units * out->price_underlying;
	out->price = out->pnl - out->rewards;
}

void pnl_totals(const struct pnl *rows, size_t n, struct pnl_totals *t)
{
	memset(t, 0, sizeof *t);
	t->n_rows = n;
	for (size_t i = 0; i < n; i++) {
		if (!rows[i].has)
			continue;
		t->n_covered++;
		t->cost += rows[i].cost;
		t->value += rows[i].value;
		t->pnl += rows[i].pnl;
	}
	if (t->n_covered && t->cost > 0) {
		t->has_pct = true;
		t->pnl_pct = t->pnl / t->cost * 100.0L;
	}
}
