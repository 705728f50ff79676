/* position.c — shares of a rebasing position; the growable list of
 * positions; what differs between two readings of one position. */
#include "positions/position.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int position_set_shares(struct position *p, struct ratio r)
{
	dec_t shares;
	if (ratio_divide(p->quantity, r, &shares) < 0)
		return -1;
	p->shares = shares;
	p->has_shares = true;
	ratio_format(r, p->share_rate, sizeof p->share_rate);
	return 0;
}

#include "positions/grow.h"

int position_list_push(struct position_list *l, const struct position *p)
{
	struct position *v = grow(l->v, sizeof *v, &l->cap, l->n + 1, 16);
	if (!v)
		return -1;
	l->v = v;
	l->v[l->n++] = *p;
	return 0;
}

void position_list_free(struct position_list *l)
{
	if (!l)
		return;
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

unsigned position_diff(const struct position *a, const struct position *b)
{
	unsigned f = 0;

	if (dec_cmp(a->quantity, b->quantity) != 0)
		f |= POS_F_QUANTITY;
	if (strcmp(a->account, b->account) != 0)
		f |= POS_F_ACCOUNT;
	if (strcmp(a->opened, b->opened) != 0)
		f |= POS_F_OPENED;
	if (a->has_cost_basis != b->has_cost_basis ||
	    (a->has_cost_basis && dec_cmp(a->cost_basis, b->cost_basis) != 0))
		f |= POS_F_COST;
	if (strcmp(a->note, b->note) != 0)
		f |= POS_F_NOTE;
	return f;
}

void position_diff_describe(unsigned fields, const struct position *was,
                            const struct position *now, char *buf, size_t len)
{
	static const struct { unsigned bit; const char *name; } names[] = {
		{ POS_F_ACCOUNT, "account" }, { POS_F_OPENED, "opening date" },
		{ POS_F_COST, "cost basis" }, { POS_F_NOTE, "note" },
	};
	size_t o = 0;
	int w;

	if (len == 0)
		return;
	buf[0] = '\0';
	if (fields & POS_F_QUANTITY) {
		char a[DEC_STR_MAX], b[DEC_STR_MAX];
		dec_format(was->quantity, a, sizeof a);
		dec_format(now->quantity, b, sizeof b);
		w = snprintf(buf, len, "quantity %s -> %s", a, b);
		o = w < 0 ? 0 : (size_t)w < len ? (size_t)w : len - 1;
	}
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (!(fields & names[i].bit) || o + 1 >= len)
			continue;
		w = snprintf(buf + o, len - o, "%s%s", o ? ", " : "", names[i].name);
		o = w < 0 ? o : o + (size_t)w < len ? o + (size_t)w : len - 1;
	}
}
