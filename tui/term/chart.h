/* chart.h — line charts as terminal cells: up to CHART_MAX_SERIES series
 * rasterised into a grid of w × h cells, each cell a set of dots per
 * series, drawn as braille (2 × 4 dots a cell, UTF-8 terminals) or ASCII
 * (one dot a cell: '*' for the first series, 'o' for the second, '#' where
 * both are). Pure: no curses; the caller draws chart_glyph() of each cell
 * with a role per series.
 *
 * Mapping (px × py dots a cell: braille 2 × 4, ASCII 1 × 1): point i of n
 * lands on dot column x = round(i × (w·px − 1) / (n − 1)) (0 when n is 1),
 * value v on dot row y = round((v − lo) / (hi − lo) × (h·py − 1)) counted
 * from the bottom (the middle row when hi = lo). Consecutive points both
 * present are joined: every dot column between them gets the dot of the
 * straight line, and the dots between one column's row and the next's
 * are filled so a steep line has no gaps. A point without a value breaks
 * the line.
 *
 * Ownership: struct chart owns its cells (chart_free). */
#ifndef STAKETOP_CHART_H
#define STAKETOP_CHART_H

#include <stdbool.h>
#include <stddef.h>

#define CHART_MAX_SERIES 2

enum chart_mode { CHART_BRAILLE, CHART_ASCII };

struct chart {
	enum chart_mode mode;
	int w, h;                      /* cells */
	int n_series;
	double lo, hi;
	size_t n;                      /* points per series */
	unsigned char *dots;           /* [(s * h + row) * w + col], row 0 at the top:
	                                  braille dot bits (U+2800 + bits), or 1 */
};

/* The smallest and largest present value of the series (lo = hi = 0 when
 * none is present). */
void chart_bounds(const double *const *v, const bool *const *has, int n_series, size_t n,
                  double *lo, double *hi);

/* Rasterise n points of n_series series (v[s][i], present when has[s][i])
 * into a w × h chart between lo and hi. 0, or -1 (out of memory, or w, h
 * or n_series out of range). Replaces what c held. */
int chart_raster(struct chart *c, enum chart_mode mode, int w, int h, const double *const *v,
                 const bool *const *has, int n_series, size_t n, double lo, double hi);
void chart_free(struct chart *c);

/* The dots of series s in cell (row, col). */
static inline unsigned chart_dots(const struct chart *c, int s, int row, int col)
{
	return c->dots[((size_t)s * (size_t)c->h + (size_t)row) * (size_t)c->w + (size_t)col];
}

/* The text of cell (row, col) into buf (at least 8 bytes): the braille
 * character of every series' dots together, or the ASCII mark; " " when
 * empty. *series_mask says which series have dots there (bit s). */
const char *chart_glyph(const struct chart *c, int row, int col, unsigned *series_mask,
                        char *buf);

/* The cell column point i of the chart's n lands in. */
int chart_col_of(const struct chart *c, size_t i);

#endif
