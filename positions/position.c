/* position.c — shares of a rebasing position; the growable list of
 * positions. */
#include "positions/position.h"

#include <stdlib.h>

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

int position_list_push(struct position_list *l, const struct position *p)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct position *v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return -1;
		l->v = v;
		l->cap = cap;
	}
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
