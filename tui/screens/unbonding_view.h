/* unbonding_view.h — the unbonding screen (unbonding_view.c): one item per
 * unbonding, drawn as its row and the lines under it (the rule, and for a
 * liquid token the sell-now route). _load reads the store (the claimed
 * ones too when shown), _compute makes the lines for sc->now and the
 * body's width (the loop calls it again on a resize), _draw only draws. */
#ifndef STAKETOP_UNBONDING_VIEW_H
#define STAKETOP_UNBONDING_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tui/screens/scene.h"
#include "tui/term/layout.h"

enum { UC_POS, UC_ASSET, UC_AMOUNT, UC_REQUESTED, UC_ETA, UC_LEFT, UC_PROGRESS, UC_STATUS,
       UC_COUNT };
enum uline_kind { UL_ROW, UL_RULE, UL_SELL };
struct uline {
	enum uline_kind kind;
	size_t item;               /* index into the view's items */
	char cell[UC_COUNT][32];   /* UL_ROW */
	unsigned char role[UC_COUNT];
	double progress;           /* UL_ROW: requested -> available, 0..1 */
	char text[UNBOND_BASIS_MAX + 96]; /* UL_RULE, UL_SELL: one screen line */
	unsigned char trole;
};
struct unbonding_view {
	struct unbonding *items;   /* from the store; claimed ones when shown (owned) */
	size_t n_items;
	struct uline *lines;       /* owned */
	size_t n, cap;
	size_t cursor;             /* an item, or NO_ROW when there is none */
	int64_t selected_id;       /* the selected unbonding, kept on reload */
	size_t top;                /* first line drawn */
	bool show_claimed;
	/* the columns at the width the lines were made for (-1: left out) */
	int width, col_x[UC_COUNT], col_w[UC_COUNT];
};

/* Load, compute and keep the cursor in view, from the first line. -1 when
 * out of memory building the lines. */
int unbonding_view_open(struct unbonding_view *v, const struct scene *sc);
/* 0, or -1 with the message said. */
int unbonding_view_load(struct unbonding_view *v, const struct scene *sc);
/* 0, or -1 when out of memory. */
int unbonding_view_compute(struct unbonding_view *v, const struct scene *sc);
void unbonding_view_draw(const struct unbonding_view *v, const struct rect *r);
/* Move the cursor by delta items (home / end: first / last) and keep it
 * in view. */
void unbonding_view_move(struct unbonding_view *v, const struct scene *sc, long delta, bool home,
                         bool end);
int unbonding_view_next_change(const struct unbonding_view *v, const struct scene *sc,
                               const struct rect *r);
/* The unbonding under the cursor, or NULL. */
const struct unbonding *unbonding_view_selected(const struct unbonding_view *v);
void unbonding_view_free(struct unbonding_view *v);

#endif
