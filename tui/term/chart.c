/* chart.c — rasterising series into braille or ASCII cells. */
#include "tui/term/chart.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Braille dot bits by (dot column, dot row from the top). */
static const unsigned char braille_bit[2][4] = { { 0x01, 0x02, 0x04, 0x40 },
	                                          { 0x08, 0x10, 0x20, 0x80 } };

static int px_of(enum chart_mode m)
{
	return m == CHART_BRAILLE ? 2 : 1;
}
static int py_of(enum chart_mode m)
{
	return m == CHART_BRAILLE ? 4 : 1;
}

void chart_bounds(const double *const *v, const bool *const *has, int n_series, size_t n,
                  double *lo, double *hi)
{
	bool any = false;
	*lo = *hi = 0;
	for (int s = 0; s < n_series; s++)
		for (size_t i = 0; i < n; i++) {
			if (!has[s][i] || !isfinite(v[s][i]))
				continue;
			if (!any || v[s][i] < *lo)
				*lo = v[s][i];
			if (!any || v[s][i] > *hi)
				*hi = v[s][i];
			any = true;
		}
}

void chart_free(struct chart *c)
{
	free(c->dots);
	memset(c, 0, sizeof *c);
}

/* Dot column of point i. */
static long dot_x(const struct chart *c, size_t i)
{
	long pw = (long)c->w * px_of(c->mode);
	if (c->n <= 1)
		return 0;
	return lround((double)i * (double)(pw - 1) / (double)(c->n - 1));
}

/* Dot row of v, from the bottom. */
static long dot_y(const struct chart *c, double v)
{
	long ph = (long)c->h * py_of(c->mode);
	if (!(c->hi > c->lo))
		return (ph - 1) / 2;
	double f = (v - c->lo) / (c->hi - c->lo);
	if (f < 0)
		f = 0;
	if (f > 1)
		f = 1;
	return lround(f * (double)(ph - 1));
}

static void set_dot(struct chart *c, int s, long x, long y)
{
	const int px = px_of(c->mode), py = py_of(c->mode);
	long top = (long)c->h * py - 1 - y; /* dot row from the top */
	int col = (int)(x / px), row = (int)(top / py);
	if (col < 0 || col >= c->w || row < 0 || row >= c->h)
		return;
	unsigned char *d = &c->dots[((size_t)s * (size_t)c->h + (size_t)row) * (size_t)c->w + (size_t)col];
	*d |= c->mode == CHART_BRAILLE ? braille_bit[x % px][top % py] : 1;
}

/* The line from (x0, y0) to (x1, y1), x0 <= x1. */
static void line(struct chart *c, int s, long x0, long y0, long x1, long y1)
{
	long prev = y0;
	set_dot(c, s, x0, y0);
	for (long x = x0; x <= x1; x++) {
		long y = x1 == x0 ? y1 : y0 + lround((double)(y1 - y0) * (double)(x - x0) / (double)(x1 - x0));
		long step = y > prev ? 1 : -1;
		for (long k = prev; k != y; k += step)
			set_dot(c, s, x, k + step);
		set_dot(c, s, x, y);
		prev = y;
	}
}

int chart_raster(struct chart *c, enum chart_mode mode, int w, int h, const double *const *v,
                 const bool *const *has, int n_series, size_t n, double lo, double hi)
{
	chart_free(c);
	if (w < 1 || h < 1 || n_series < 1 || n_series > CHART_MAX_SERIES)
		return -1;
	c->dots = calloc((size_t)n_series * (size_t)w * (size_t)h, 1);
	if (!c->dots)
		return -1;
	c->mode = mode;
	c->w = w;
	c->h = h;
	c->n_series = n_series;
	c->lo = lo;
	c->hi = hi;
	c->n = n;
	for (int s = 0; s < n_series; s++) {
		bool prev = false;
		long px = 0, py = 0;
		for (size_t i = 0; i < n; i++) {
			if (!has[s][i] || !isfinite(v[s][i])) {
				prev = false;
				continue;
			}
			long x = dot_x(c, i), y = dot_y(c, v[s][i]);
			if (prev)
				line(c, s, px, py, x, y);
			else
				set_dot(c, s, x, y);
			prev = true;
			px = x;
			py = y;
		}
	}
	return 0;
}

const char *chart_glyph(const struct chart *c, int row, int col, unsigned *series_mask,
                        char *buf)
{
	unsigned all = 0;
	*series_mask = 0;
	for (int s = 0; s < c->n_series; s++) {
		unsigned d = chart_dots(c, s, row, col);
		if (d)
			*series_mask |= 1u << s;
		all |= d;
	}
	if (!all) {
		strcpy(buf, " ");
	} else if (c->mode == CHART_ASCII) {
		strcpy(buf, *series_mask == 1 ? "*" : *series_mask == 2 ? "o" : "#");
	} else {
		unsigned cp = 0x2800 + all; /* three bytes of UTF-8 */
		buf[0] = (char)(0xE0 | (cp >> 12));
		buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		buf[2] = (char)(0x80 | (cp & 0x3F));
		buf[3] = 0;
	}
	return buf;
}

int chart_col_of(const struct chart *c, size_t i)
{
	return (int)(dot_x(c, i) / px_of(c->mode));
}
