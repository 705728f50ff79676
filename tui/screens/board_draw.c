/* board_draw.c — drawing the board's rows; reads the row model only. */
#include <stdio.h>

#include "tui/screens/board.h"
#include "tui/term/draw.h"

static void draw_titles(const struct board *b, const struct rect *r)
{
	const struct glyphs *g = theme_glyphs();
	draw_fill(r->y, r->x, r->w, R_COLHEAD);
	for (size_t k = 0; k < b->n_vis; k++) {
		enum board_col c = b->vis[k];
		char t[40];
		bool sorted = c == b->sort_col;
		/* the direction when it fits; the highlight always says which */
		snprintf(t, sizeof t, "%s%s", board_col_title(c),
		         sorted ? (b->sort_desc ? g->down : g->up) : "");
		if (draw_width(t) > board_col_width(b, c))
			snprintf(t, sizeof t, "%s%s", board_col_brief(c),
			         sorted ? (b->sort_desc ? g->down : g->up) : "");
		if (draw_width(t) > board_col_width(b, c))
			snprintf(t, sizeof t, "%s", board_col_title(c));
		draw_cell(r->y, r->x + b->col_x[c], board_col_width(b, c), t,
		          sorted ? R_COLSORT : R_COLHEAD, board_col_right(c) ? AL_RIGHT : AL_LEFT);
	}
}

/* x where the figures start: a group row's label runs up to there. */
static int label_width(const struct board *b)
{
	for (size_t k = 0; k < b->n_vis; k++)
		if (b->vis[k] >= COL_QTY)
			return b->col_x[b->vis[k]] - 1;
	return b->width;
}

static void draw_row(const struct board *b, const struct board_row *row,
                     const struct board_cells *cells, int y, int x0, int w, bool selected)
{
	draw_fill(y, x0, w, selected ? R_SELECTED : R_NORMAL);
	if (row->group) {
		draw_cell(y, x0, label_width(b), cells->cell[COL_ASSET],
		          selected ? R_SELECTED : R_GROUP, AL_LEFT);
	}
	for (size_t k = 0; k < b->n_vis; k++) {
		enum board_col c = b->vis[k];
		if (row->group && c < COL_QTY)
			continue;
		enum role role = selected ? R_SELECTED : (enum role)cells->role[c];
		draw_cell(y, x0 + b->col_x[c], board_col_width(b, c), cells->cell[c], role,
		          board_col_right(c) ? AL_RIGHT : AL_LEFT);
	}
}

void board_draw(const struct board *b, const struct rect *r)
{
	if (r->h < 2)
		return;
	draw_titles(b, r);
	const int rows = r->h - 1;
	for (int k = 0; k < rows; k++) {
		size_t i = b->top + (size_t)k;
		int y = r->y + 1 + k;
		if (i >= b->n) {
			draw_fill(y, r->x, r->w, R_NORMAL);
			continue;
		}
		if (!b->rows[i].formatted) /* board_prepare was not called */
			continue;
		draw_row(b, &b->rows[i], &b->cells[i], y, r->x, r->w, i == b->cursor);
	}
	if (b->n_total == 0) {
		draw_cell(r->y + 2, r->x, r->w,
		          "No positions yet: F7 (or a) adds one. staketop --demo shows a sample.",
		          R_DIM, AL_CENTER);
	} else if (b->n_shown == 0) {
		char t[BOARD_TEXT_MAX + 64];
		snprintf(t, sizeof t, "No position matches the filter \"%s\". Press c to clear it.",
		         b->filter);
		draw_cell(r->y + 2, r->x, r->w, t, R_DIM, AL_CENTER);
	}
}

int board_next_change(const struct board *b, const struct rect *r)
{
	int best = 0;
	for (int k = 0; k < r->h - 1; k++) {
		size_t i = b->top + (size_t)k;
		if (i >= b->n)
			break;
		int s = b->rows[i].next_change;
		if (s > 0 && (best == 0 || s < best))
			best = s;
	}
	return best;
}

size_t board_row_at(const struct board *b, const struct rect *r, int y)
{
	if (y <= r->y || y >= r->y + r->h)
		return NO_ROW;
	size_t i = b->top + (size_t)(y - r->y - 1);
	return i < b->n ? i : NO_ROW;
}

int board_col_at(const struct board *b, int x)
{
	for (size_t k = 0; k < b->n_vis; k++) {
		enum board_col c = b->vis[k];
		if (x >= b->col_x[c] && x < b->col_x[c] + board_col_width(b, c) + 1)
			return (int)c;
	}
	return -1;
}
