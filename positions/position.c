/* position.c — the growable list of positions. */
#include "positions/position.h"

#include <stdlib.h>

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
