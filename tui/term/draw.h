/* draw.h — the few primitives every view draws with: text clipped to a
 * width in columns (UTF-8 aware, "…" when cut, control characters shown as
 * '?'), fills, lines and boxes, all on stdscr with a colour role. */
#ifndef STAKETOP_DRAW_H
#define STAKETOP_DRAW_H

#include "tui/term/layout.h"
#include "tui/term/theme.h"

enum align { AL_LEFT, AL_RIGHT, AL_CENTER };

/* Columns s takes on screen. */
int draw_width(const char *s);
/* s in exactly w columns at (y, x): aligned, padded with spaces, cut with
 * an ellipsis when longer. */
void draw_cell(int y, int x, int w, const char *s, enum role r, enum align a);
/* s from (y, x), at most maxw columns, no padding; returns columns used. */
int draw_put(int y, int x, int maxw, const char *s, enum role r);
/* As draw_put, but text that does not fit ends at a word with an ellipsis
 * (mid-word only when the last space is in the first half). */
int draw_put_words(int y, int x, int maxw, const char *s, enum role r);
/* Word wrapping in w columns (a word longer than w is cut): the bytes of
 * s on its first line, with *next where the second starts; the number of
 * lines s takes (1 for ""); and drawing line number `line` of s (0 first). */
size_t draw_wrap_line(const char *s, int w, const char **next);
int draw_wrap_count(const char *s, int w);
int draw_wrap_put(int y, int x, int w, int line, const char *s, enum role r);
void draw_fill(int y, int x, int w, enum role r);
void draw_hline(int y, int x, int w, enum role r);
/* A framed box with an optional title in the top edge; the inside is
 * cleared. */
void draw_box(const struct rect *b, const char *title);

#endif
