/* layout.c — screen geometry from the terminal size. */
#include "tui/term/layout.h"

void layout_compute(struct layout *l, int lines, int cols)
{
	l->lines = lines;
	l->cols = cols;
	l->too_small = lines < LAYOUT_MIN_LINES || cols < LAYOUT_MIN_COLS;
	l->header = (struct rect){ 0, 0, HEADER_LINES, cols };
	l->body = (struct rect){ HEADER_LINES, 0, lines - HEADER_LINES - 2, cols };
	l->status = (struct rect){ lines - 2, 0, 1, cols };
	l->bar = (struct rect){ lines - 1, 0, 1, cols };
	l->overlay = layout_centered(l, l->body.h, cols - 4);
}

struct rect layout_centered(const struct layout *l, int h, int w)
{
	const struct rect *b = &l->body;
	if (h > b->h)
		h = b->h;
	if (w > b->w - 2)
		w = b->w - 2;
	if (h < 1)
		h = 1;
	if (w < 1)
		w = 1;
	return (struct rect){ b->y + (b->h - h) / 2, b->x + (b->w - w) / 2, h, w };
}
