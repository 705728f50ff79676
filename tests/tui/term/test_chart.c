/* test_chart.c — the chart rasteriser (tui/term/chart.c): dots worked out
 * by hand for small charts, braille and ASCII, gaps, a flat series, two
 * series in one cell, and the cursor's column.
 *
 * Braille dot bits (column, row from the top of the cell):
 *   (0,0) 0x01  (0,1) 0x02  (0,2) 0x04  (0,3) 0x40
 *   (1,0) 0x08  (1,1) 0x10  (1,2) 0x20  (1,3) 0x80 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "tui/term/chart.h"

static const bool all4[4] = { true, true, true, true };

/* 0, 1, 2, 3 on a 2 × 1 braille chart from 0 to 3: 4 × 4 dots.
 * x(i) = round(i × 3 / 3) = i; y(v) = round(v / 3 × 3) = v, from the
 * bottom; row from the top = 3 − v.
 *   cell 0: (x0, top 3) → col 0 row 3 = 0x40; (x1, top 2) → col 1 row 2 = 0x20: 0x60
 *   cell 1: (x2, top 1) → col 0 row 1 = 0x02; (x3, top 0) → col 1 row 0 = 0x08: 0x0A
 * The line from one point to the next adds nothing: each step is one dot
 * up and one across. */
static void test_braille_diagonal(void **state)
{
	(void)state;
	const double v[4] = { 0, 1, 2, 3 };
	const double *s[1] = { v };
	const bool *h[1] = { all4 };
	struct chart c = { 0 };
	assert_int_equal(chart_raster(&c, CHART_BRAILLE, 2, 1, s, h, 1, 4, 0, 3), 0);
	assert_int_equal(chart_dots(&c, 0, 0, 0), 0x60);
	assert_int_equal(chart_dots(&c, 0, 0, 1), 0x0A);
	char g[8];
	unsigned mask;
	/* U+2860 in UTF-8: E2 A1 A0 */
	assert_string_equal(chart_glyph(&c, 0, 0, &mask, g), "\xe2\xa1\xa0");
	assert_int_equal(mask, 1);
	/* U+280A: E2 A0 8A */
	assert_string_equal(chart_glyph(&c, 0, 1, &mask, g), "\xe2\xa0\x8a");
	assert_int_equal(chart_col_of(&c, 0), 0);
	assert_int_equal(chart_col_of(&c, 1), 0);
	assert_int_equal(chart_col_of(&c, 2), 1);
	assert_int_equal(chart_col_of(&c, 3), 1);
	chart_free(&c);
}

/* A steep line is filled: 0 then 3 on a 1 × 1 braille chart (2 × 4 dots).
 * x(0) = 0, x(1) = round(1 × 1 / 1) = 1; y = 0 and 3. At x = 1 the line is
 * at 3 and the dots between 0 and 3 (1, 2 and 3) are set there:
 *   (x0, y0) top 3 → 0x40;  x1: y1 top 2 → 0x20, y2 top 1 → 0x10, y3 top 0 → 0x08
 *   all: 0x40 | 0x20 | 0x10 | 0x08 = 0x78 */
static void test_steep_filled(void **state)
{
	(void)state;
	const double v[2] = { 0, 3 };
	const double *s[1] = { v };
	const bool *h[1] = { all4 };
	struct chart c = { 0 };
	assert_int_equal(chart_raster(&c, CHART_BRAILLE, 1, 1, s, h, 1, 2, 0, 3), 0);
	assert_int_equal(chart_dots(&c, 0, 0, 0), 0x78);
	chart_free(&c);
}

/* ASCII: one dot a cell. 10, absent, 30, 20 on a 4 × 3 chart from 10 to
 * 30: x(i) = round(i × 3 / 3) = i; y(v) = round((v − 10) / 20 × 2):
 * 10 → 0, 30 → 2, 20 → 1; row from the top = 2 − y.
 *   point 0: col 0 row 2;  point 1 absent: the line breaks;
 *   point 2: col 2 row 0 (alone, its neighbour before is absent);
 *   point 3: col 3 row 1, joined from (2, 2): at x = 3 y = 1, one step down.
 * Everything else is blank. Then a second series, 30 at every point, is
 * the top row: col 2 row 0 has both ('#'), the rest of row 0 'o'. */
static void test_ascii_gap_and_two_series(void **state)
{
	(void)state;
	const double a[4] = { 10, 0, 30, 20 };
	const bool ha[4] = { true, false, true, true };
	const double b[4] = { 30, 30, 30, 30 };
	const double *s[2] = { a, b };
	const bool *h[2] = { ha, all4 };
	struct chart c = { 0 };
	char g[8];
	unsigned mask;
	static const char *const want1[3] = { "  * ", "   *", "*   " };
	assert_int_equal(chart_raster(&c, CHART_ASCII, 4, 3, s, h, 1, 4, 10, 30), 0);
	for (int row = 0; row < 3; row++)
		for (int col = 0; col < 4; col++) {
			char want[2] = { want1[row][col], 0 };
			assert_string_equal(chart_glyph(&c, row, col, &mask, g), want);
		}
	static const char *const want2[3] = { "oo#o", "   *", "*   " };
	assert_int_equal(chart_raster(&c, CHART_ASCII, 4, 3, s, h, 2, 4, 10, 30), 0);
	for (int row = 0; row < 3; row++)
		for (int col = 0; col < 4; col++) {
			char want[2] = { want2[row][col], 0 };
			assert_string_equal(chart_glyph(&c, row, col, &mask, g), want);
		}
	chart_glyph(&c, 0, 2, &mask, g);
	assert_int_equal(mask, 3);
	chart_free(&c);
}

/* A flat series (lo = hi) sits on the middle dot row: 3 cells × 1 row
 * braille = 4 dot rows, middle (4 − 1) / 2 = 1 from the bottom, top row 2.
 * 6 dot columns for 3 points: x = 0, round(1 × 5 / 2) = 3 (2.5 rounds
 * away from zero), 5. The line joins them on row 2 through every column:
 *   cell 0: cols 0, 1 → 0x04 | 0x20 = 0x24; so are cells 1 and 2. */
static void test_flat_middle(void **state)
{
	(void)state;
	const double v[3] = { 7, 7, 7 };
	const double *s[1] = { v };
	const bool *h[1] = { all4 };
	struct chart c = { 0 };
	double lo, hi;
	chart_bounds(s, h, 1, 3, &lo, &hi);
	assert_true(lo == 7 && hi == 7);
	assert_int_equal(chart_raster(&c, CHART_BRAILLE, 3, 1, s, h, 1, 3, lo, hi), 0);
	for (int col = 0; col < 3; col++)
		assert_int_equal(chart_dots(&c, 0, 0, col), 0x24);
	assert_int_equal(chart_col_of(&c, 1), 1); /* dot column 3 is in cell 1 */
	chart_free(&c);
}

/* Out of range sizes are refused; nothing is kept. */
static void test_refused(void **state)
{
	(void)state;
	const double v[1] = { 1 };
	const double *s[1] = { v };
	const bool *h[1] = { all4 };
	struct chart c = { 0 };
	assert_int_equal(chart_raster(&c, CHART_ASCII, 0, 3, s, h, 1, 1, 0, 1), -1);
	assert_int_equal(chart_raster(&c, CHART_ASCII, 3, 3, s, h, 3, 1, 0, 1), -1);
	assert_null(c.dots);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_braille_diagonal),
		cmocka_unit_test(test_steep_filled),
		cmocka_unit_test(test_ascii_gap_and_two_series),
		cmocka_unit_test(test_flat_middle),
		cmocka_unit_test(test_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
