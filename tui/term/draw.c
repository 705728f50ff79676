/* draw.c — clipped UTF-8 text, fills, lines, boxes. */
#include "tui/term/draw.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* One character of s: its byte length and its columns (a character that
 * is not printable is one '?' column). */
static size_t next_char(const char *s, int *cols, int *printable)
{
	mbstate_t st;
	wchar_t wc;
	memset(&st, 0, sizeof st);
	size_t n = mbrtowc(&wc, s, MB_CUR_MAX, &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*cols = 1;
		*printable = 0;
		return 1;
	}
	int w = wcwidth(wc);
	if (w < 0) {
		*cols = 1;
		*printable = 0;
	} else {
		*cols = w;
		*printable = 1;
	}
	return n;
}

int draw_width(const char *s)
{
	int total = 0;
	while (*s) {
		int c, p;
		s += next_char(s, &c, &p);
		total += c;
	}
	return total;
}

/* Draw at most maxw columns of s from the cursor position. */
static int put_clipped(const char *s, int maxw)
{
	int used = 0;
	while (*s) {
		int c, p;
		size_t n = next_char(s, &c, &p);
		if (used + c > maxw)
			break;
		if (p)
			addnstr(s, (int)n);
		else
			addch('?');
		used += c;
		s += n;
	}
	return used;
}

int draw_put(int y, int x, int maxw, const char *s, enum role r)
{
	if (maxw <= 0)
		return 0;
	attr_t a = theme_attr(r);
	attron(a);
	move(y, x);
	int used = put_clipped(s, maxw);
	attroff(a);
	return used;
}

int draw_put_words(int y, int x, int maxw, const char *s, enum role r)
{
	if (maxw <= 0)
		return 0;
	if (draw_width(s) <= maxw)
		return draw_put(y, x, maxw, s, r);
	/* cut at the last space that leaves room for the ellipsis, unless that
	 * throws away more than half the line (then mid-word) */
	const int room = maxw - 1;
	int used = 0, cut_cols = -1;
	size_t cut_bytes = 0, bytes = 0;
	while (s[bytes]) {
		int c, p;
		size_t n = next_char(s + bytes, &c, &p);
		if (used + c > room)
			break;
		if (s[bytes] == ' ') {
			cut_cols = used;
			cut_bytes = bytes;
		}
		used += c;
		bytes += n;
	}
	if (cut_cols < room / 2) {
		cut_cols = used;
		cut_bytes = bytes;
	}
	attr_t a = theme_attr(r);
	attron(a);
	move(y, x);
	int w = 0;
	for (size_t i = 0; i < cut_bytes;) {
		int c, p;
		size_t n = next_char(s + i, &c, &p);
		if (p)
			addnstr(s + i, (int)n);
		else
			addch('?');
		w += c;
		i += n;
	}
	addstr(theme_glyphs()->ell);
	attroff(a);
	return w + 1;
}

size_t draw_wrap_line(const char *s, int w, const char **next)
{
	int used = 0;
	size_t bytes = 0, cut = 0;
	while (s[bytes]) {
		int c, p;
		size_t n = next_char(s + bytes, &c, &p);
		if (used + c > w)
			break;
		if (s[bytes] == ' ')
			cut = bytes;
		used += c;
		bytes += n;
	}
	if (!s[bytes] || cut == 0) {
		/* it all fits, or one word longer than the line: cut it there */
		if (bytes == 0 && s[0]) {
			int c, p;
			bytes = next_char(s, &c, &p); /* at least one character a line */
		}
		cut = bytes;
	}
	const char *q = s + cut;
	while (*q == ' ')
		q++;
	*next = q;
	return cut;
}

int draw_wrap_count(const char *s, int w)
{
	int n = 0;
	do {
		const char *next;
		draw_wrap_line(s, w, &next);
		s = next;
		n++;
	} while (*s);
	return n;
}

int draw_wrap_put(int y, int x, int w, int line, const char *s, enum role r)
{
	const char *next;
	size_t len = draw_wrap_line(s, w, &next);
	for (int k = 0; k < line && *s; k++) {
		s = next;
		len = draw_wrap_line(s, w, &next);
	}
	if (!*s)
		return 0;
	char buf[1024];
	if (len >= sizeof buf)
		len = sizeof buf - 1;
	memcpy(buf, s, len);
	buf[len] = 0;
	return draw_put(y, x, w, buf, r);
}

void draw_fill(int y, int x, int w, enum role r)
{
	if (w <= 0)
		return;
	attr_t a = theme_attr(r);
	attron(a);
	mvhline(y, x, ' ', w);
	attroff(a);
}

void draw_cell(int y, int x, int w, const char *s, enum role r, enum align al)
{
	if (w <= 0)
		return;
	const struct glyphs *g = theme_glyphs();
	int sw = draw_width(s);
	attr_t a = theme_attr(r);
	attron(a);
	mvhline(y, x, ' ', w);
	if (sw > w) {
		move(y, x);
		int used = put_clipped(s, w - 1);
		addstr(g->ell);
		if (used < w - 1)
			addch(' ');
	} else {
		int off = al == AL_RIGHT ? w - sw : al == AL_CENTER ? (w - sw) / 2 : 0;
		move(y, x + off);
		put_clipped(s, sw);
	}
	attroff(a);
}

void draw_hline(int y, int x, int w, enum role r)
{
	const struct glyphs *g = theme_glyphs();
	attr_t a = theme_attr(r);
	attron(a);
	move(y, x);
	for (int i = 0; i < w; i++)
		addstr(g->h);
	attroff(a);
}

void draw_box(const struct rect *b, const char *title)
{
	const struct glyphs *g = theme_glyphs();
	if (b->h < 2 || b->w < 2)
		return;
	for (int i = 1; i < b->h - 1; i++)
		draw_fill(b->y + i, b->x + 1, b->w - 2, R_NORMAL);
	attr_t a = theme_attr(R_BORDER);
	attron(a);
	mvaddstr(b->y, b->x, g->tl);
	for (int i = 1; i < b->w - 1; i++)
		addstr(g->h);
	addstr(g->tr);
	for (int i = 1; i < b->h - 1; i++) {
		mvaddstr(b->y + i, b->x, g->v);
		mvaddstr(b->y + i, b->x + b->w - 1, g->v);
	}
	mvaddstr(b->y + b->h - 1, b->x, g->bl);
	for (int i = 1; i < b->w - 1; i++)
		addstr(g->h);
	addstr(g->br);
	attroff(a);
	if (title && title[0] && b->w > 6) {
		draw_put(b->y, b->x + 2, 1, " ", R_BORDER);
		int used = draw_put(b->y, b->x + 3, b->w - 6, title, R_FIGURE);
		draw_put(b->y, b->x + 3 + used, 1, " ", R_BORDER);
	}
}
