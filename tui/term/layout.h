/* layout.h — the geometry of every part of the screen, computed from the
 * terminal size in one function (layout_compute) and nowhere else. Views
 * draw inside their rectangle. Below 80x24 the interface shows one message
 * instead ("terminal too small"). */
#ifndef STAKETOP_LAYOUT_H
#define STAKETOP_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#define LAYOUT_MIN_COLS 80
#define LAYOUT_MIN_LINES 24
#define HEADER_LINES 3

/* No row: a list's cursor when the list is empty, a miss of a lookup. */
#define NO_ROW ((size_t)-1)

struct rect {
	int y, x, h, w;
};

struct layout {
	int lines, cols;
	bool too_small;
	struct rect header;   /* totals, freshness, refresh indicator */
	struct rect body;     /* board, detail or feeds (with its column titles) */
	struct rect status;   /* messages, prompts, sort/filter state */
	struct rect bar;      /* F-keys */
	struct rect overlay;  /* help, forms and confirmations, centred in body */
};

void layout_compute(struct layout *l, int lines, int cols);

/* A box of at most w × h centred over the body (clipped to it). */
struct rect layout_centered(const struct layout *l, int h, int w);

#endif
