/* realized.c — the result of each sale, and of a position's sales. */
#include "positions/realized.h"

#include <string.h>

void realized_sale(const struct lot_out *o, struct realized_sale *out)
{
	dec_t p;
	memset(out, 0, sizeof *out);
	out->units = dec_to_ld(o->units);
	out->price = dec_to_ld(o->price);
	out->proceeds = dec_mul(o->units, o->price, &p) == 0 ? dec_to_ld(p)
	                                                      : out->units * out->price;
	out->cost = o->cost;
	out->has = o->all_cost;
	if (out->has)
		out->result = out->proceeds - out->cost;
}

void realized_compute(const struct lots *l, struct realized *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < l->n_out; i++) {
		const struct lot_out *o = &l->out[i];
		if (!o->has_price) {
			out->cost_other += o->cost;
			continue;
		}
		struct realized_sale s;
		realized_sale(o, &s);
		out->n_sales++;
		out->proceeds += s.proceeds;
		if (!s.has) {
			out->n_sales_no_cost++;
			continue;
		}
		out->cost += s.cost;
		out->realized += s.result;
	}
	if (out->n_sales_no_cost) {
		out->missing = "a sale took units without a cost";
		return;
	}
	out->has = true;
}

void realized_totals(const struct realized *rows, size_t n, struct realized_totals *t)
{
	memset(t, 0, sizeof *t);
	t->n_rows = n;
	for (size_t i = 0; i < n; i++) {
		if (!rows[i].has)
			continue;
		t->n_covered++;
		t->n_sales += rows[i].n_sales;
		t->proceeds += rows[i].proceeds;
		t->cost += rows[i].cost;
		t->realized += rows[i].realized;
	}
}
