/* test_format_private.c — private mode in tui/term/format.c, the one switch
 * the interface and the commands' text share: the amount formatters give
 * the mask, the others the figure; fmt_pad widens a field by the bytes of
 * the mask that take no column, so a masked cell keeps its column. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "tui/term/format.h"

/* The amounts become the mask; bps, %, rates and plain numbers stay. */
static void test_masked_and_kept(void **state)
{
	(void)state;
	char b[64];
	dec_t q;
	char err[64];
	assert_int_equal(dec_parse("1234.5", 18, &q, err, sizeof err), 0);
	const struct figure m = { true, 96398.4L }, bps = { true, -14.4L }, pct = { true, 0.0275L },
	                    none = { false, 0 };
	fmt_set_private(true);
	fmt_money(&m, b, sizeof b);
	assert_string_equal(b, fmt_mask());
	fmt_quantity(q, b, sizeof b);
	assert_string_equal(b, fmt_mask());
	fmt_dec(q, b, sizeof b);
	assert_string_equal(b, fmt_mask());
	fmt_amount(7300.2L, 2, b, sizeof b);
	assert_string_equal(b, fmt_mask());
	fmt_money(&none, b, sizeof b); /* absent stays "-" */
	assert_string_equal(b, "-");
	fmt_bps(&bps, b, sizeof b);
	assert_string_equal(b, "-14.4");
	fmt_pct(&pct, b, sizeof b); /* 0.0275 × 100 = 2.75 */
	assert_string_equal(b, "2.75%");
	fmt_number(7300.2L, 2, b, sizeof b); /* not an amount switch */
	assert_string_equal(b, "7,300.20");
	fmt_set_private(false);
	fmt_money(&m, b, sizeof b);
	assert_string_equal(b, "96,398.40");
	fmt_dec(q, b, sizeof b);
	assert_string_equal(b, "1234.5");
}

/* "•••" is 9 bytes in 3 columns: a field of 12 columns is 18 bytes wide,
 * 6 more; left-aligned (-24) gives -30; ASCII is unchanged. */
static void test_pad(void **state)
{
	(void)state;
	const char *dots = "\u2022\u2022\u2022";
	char b[64];
	assert_int_equal(fmt_pad(dots, 12), 18);
	assert_int_equal(fmt_pad(dots, -24), -30);
	assert_int_equal(fmt_pad("12,345.67", 12), 12);
	assert_int_equal(fmt_pad("", 5), 5);
	snprintf(b, sizeof b, "[%*s]", fmt_pad(dots, 5), dots); /* 2 blanks + 3 columns */
	assert_string_equal(b, "[  \u2022\u2022\u2022]");
}

int main(void)
{
	setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_masked_and_kept),
		cmocka_unit_test(test_pad),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
