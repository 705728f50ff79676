/* lots.c — lots from the event log, FIFO or average cost. */
#include "positions/lots.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


const char *lot_method_name(enum lot_method m)
{
	return m == LOT_AVERAGE ? "average" : "fifo";
}

int lot_method_parse(const char *s, enum lot_method *out)
{
	if (strcmp(s, "fifo") == 0)
		*out = LOT_FIFO;
	else if (strcmp(s, "average") == 0)
		*out = LOT_AVERAGE;
	else
		return -1;
	return 0;
}

void lots_free(struct lots *l)
{
	free(l->v);
	free(l->out);
	memset(l, 0, sizeof *l);
}

static int push(struct lots *l, const struct lot *x)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		struct lot *v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return -1;
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = *x;
	return 0;
}

static int push_out(struct lots *l, const struct lot_out *x)
{
	if (l->n_out == l->cap_out) {
		size_t cap = l->cap_out ? l->cap_out * 2 : 8;
		struct lot_out *v = realloc(l->out, cap * sizeof *v);
		if (!v)
			return -1;
		l->out = v;
		l->cap_out = cap;
	}
	l->out[l->n_out++] = *x;
	return 0;
}

static dec_t held(const struct lots *l)
{
	dec_t s = dec_zero();
	for (size_t i = 0; i < l->n; i++)
		(void)dec_add(s, l->v[i].units, &s);
	return s;
}

/* Take t (<= lot's units) out of one lot, its cost in proportion; o
 * learns the cost that left and whether the lot had one. */
static void take_from(struct lots *l, struct lot *x, dec_t t, struct lot_out *o)
{
	if (!x->has_cost && !dec_is_zero(t))
		o->all_cost = false;
	long double u = dec_to_ld(x->units);
	long double part = u > 0 ? x->cost * (dec_to_ld(t) / u) : 0;
	if (dec_cmp(t, x->units) == 0)
		part = x->cost;     /* the whole rest: no rounding left behind */
	if (x->has_cost) {
		x->cost -= part;
		l->cost_out += part;
		o->cost += part;
	}
	(void)dec_sub(x->units, t, &x->units);
}

static int take(struct lots *l, dec_t q, enum lot_method m, struct lot_out *o)
{
	dec_t h = held(l);
	if (dec_cmp(q, h) > 0)
		return -1;
	(void)dec_add(l->units_out, q, &l->units_out);
	if (m == LOT_FIFO) {
		for (size_t i = 0; i < l->n && !dec_is_zero(q); i++) {
			struct lot *x = &l->v[i];
			dec_t t = dec_cmp(x->units, q) < 0 ? x->units : q;
			if (dec_is_zero(t))
				continue;
			take_from(l, x, t, o);
			(void)dec_sub(q, t, &q);
		}
		return 0;
	}
	/* average: every lot gives units × q ÷ held; the last one with units
	 * gives the rest, so exactly q leaves */
	size_t last = l->n;
	for (size_t i = 0; i < l->n; i++)
		if (!dec_is_zero(l->v[i].units))
			last = i;
	dec_t left = q;
	for (size_t i = 0; i < l->n; i++) {
		struct lot *x = &l->v[i];
		dec_t t;
		if (dec_is_zero(x->units))
			continue;
		if (i == last) {
			t = left;
		} else if (dec_mul(x->units, q, &t) < 0 || dec_div(t, h, &t) < 0) {
			return -1;
		}
		if (dec_cmp(t, x->units) > 0)
			t = x->units;
		take_from(l, x, t, o);
		(void)dec_sub(left, t, &left);
	}
	return 0;
}

int lots_build(const struct event *ev, size_t n, const struct position *p,
               enum lot_method m, struct lots *out, char *err, size_t errlen)
{
	struct lots l = { 0 };
	bool basis_used = false;

	for (size_t i = 0; i < n; i++) {
		const struct event *e = &ev[i];
		if (e->removed || !e->has_amount)
			continue;
		struct lot x = { .event_id = e->id, .ts = e->ts, .units_in = e->amount,
			         .units = e->amount };
		dec_t q = e->amount;
		switch (e->type) {
		case EVENT_STAKE:
		case EVENT_DEPOSIT:
			if (e->has_price) {
				dec_t c;
				x.has_cost = true;
				x.cost_in = dec_mul(e->amount, e->price, &c) == 0
					? dec_to_ld(c)
					: dec_to_ld(e->amount) * dec_to_ld(e->price);
			} else if (!basis_used && p->has_cost_basis) {
				x.has_cost = true;
				x.cost_in = dec_to_ld(p->cost_basis);
				basis_used = true;
			}
			x.cost = x.cost_in;
			if (!dec_is_zero(x.units) && push(&l, &x) < 0)
				goto oom;
			continue;
		case EVENT_ADJUST:
			if (dec_is_zero(e->amount))
				continue;
			if (!dec_is_neg(e->amount)) {
				x.reward = true;
				x.has_cost = true;  /* at no cost */
				if (push(&l, &x) < 0)
					goto oom;
				continue;
			}
			q.raw = -q.raw;
			break;
		case EVENT_WITHDRAW:
		case EVENT_UNBOND:
			break;
		default:
			continue;
		}
		struct lot_out o = { .event_id = e->id, .ts = e->ts, .type = e->type, .units = q,
			             .all_cost = true };
		if (e->type == EVENT_WITHDRAW && e->has_price) {
			o.has_price = true;
			o.price = e->price;
		}
		if (take(&l, q, m, &o) < 0) {
			char a[DEC_STR_MAX], h[DEC_STR_MAX];
			dec_format(q, a, sizeof a);
			dec_format(held(&l), h, sizeof h);
			snprintf(err, errlen, "%s %s at event %lld exceeds the %s units held",
			         event_type_name(e->type), a, (long long)e->id, h);
			lots_free(&l);
			return -1;
		}
		if (push_out(&l, &o) < 0)
			goto oom;
	}
	*out = l;
	return 0;
oom:
	lots_free(&l);
	snprintf(err, errlen, "out of memory");
	return -1;
}
