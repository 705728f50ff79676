/* test_ratio.c — exact rates as two integers, and exact rescaling of
 * decimal quantities (256-bit intermediates). Values worked by hand or with
 * arbitrary-precision arithmetic, shown in the comments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "positions/ratio.h"

static dec_t D(const char *s)
{
	dec_t d;
	assert_int_equal(dec_parse(s, 18, &d, NULL, 0), 0);
	return d;
}

static void assert_dec(dec_t d, const char *want)
{
	char buf[DEC_STR_MAX];
	dec_format(d, buf, sizeof buf);
	assert_string_equal(buf, want);
}

static void ratio__parses_and_formats__exact_text(void **state)
{
	(void)state;
	struct ratio r;
	char buf[RATIO_STR_MAX];
	assert_int_equal(ratio_parse("6636671656500264/6182849530219135", &r), 0);
	ratio_format(r, buf, sizeof buf);
	assert_string_equal(buf, "6636671656500264/6182849530219135");
	/* 2^128 − 1 = 340282366920938463463374607431768211455 fits; 2^128 does not */
	assert_int_equal(ratio_parse("340282366920938463463374607431768211455/1", &r), 0);
	assert_int_equal(ratio_parse("340282366920938463463374607431768211456/1", &r), -1);
	const char *bad[] = {"", "1", "1/", "/1", "0/1", "1/0", "-1/2", "1/2/3", "1.5/2", "a/b"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_int_equal(ratio_parse(bad[i], &r), -1);
	assert_int_equal(ratio_from_scaled(1212500000000000000ULL, 18, &r), 0);
	ratio_format(r, buf, sizeof buf);
	assert_string_equal(buf, "1212500000000000000/1000000000000000000");
	assert_int_equal(ratio_from_dec(D("1.215"), &r), 0);
	ratio_format(r, buf, sizeof buf);
	assert_string_equal(buf, "1215000000000000000/1000000000000000000");
}

static void ratio_rescale__same_rate__gives_back_the_quantity(void **state)
{
	(void)state;
	struct ratio r;
	dec_t out, shares;
	assert_int_equal(ratio_parse("1215000000000000000/1000000000000000000", &r), 0);
	/* q × r / r = q, exactly, even with 9 integer and 18 fraction digits */
	assert_int_equal(ratio_rescale(D("123456789.123456789123456789"), r, r, &out), 0);
	assert_dec(out, "123456789.123456789123456789");
	/* shares = q ÷ 1.215 = 101610526.027536451953462377777… → 18 decimals */
	assert_int_equal(ratio_divide(D("123456789.123456789123456789"), r, &shares), 0);
	assert_dec(shares, "101610526.027536451953462377");
}

static void ratio_rescale__new_rate__is_exact_to_18_decimals(void **state)
{
	(void)state;
	struct ratio then, now, pool;
	dec_t out;
	assert_int_equal(ratio_parse("1212500000000000000/1000000000000000000", &then), 0);
	assert_int_equal(ratio_parse("1250000000000000000/1000000000000000000", &now), 0);
	/* 2 × 1.25 / 1.2125 = 2.5 / 1.2125 = 2.06185567010309278350… */
	assert_int_equal(ratio_rescale(D("2"), now, then, &out), 0);
	assert_dec(out, "2.061855670103092783");
	/* a stake pool's two integers: 1000 × 6636671656500264 / 6182849530219135
	 * = 1073.40015700900365540576… → 18 decimals (truncated) */
	assert_int_equal(ratio_parse("6636671656500264/6182849530219135", &pool), 0);
	assert_int_equal(ratio_from_scaled(1, 0, &then), 0);          /* 1/1 */
	assert_int_equal(ratio_rescale(D("1000"), pool, then, &out), 0);
	assert_dec(out, "1073.400157009003655405");
	/* the largest quantity: × 1.0734 still fits (1.0734e20 < 2^127 / 10^18
	 * = 1.7e20), × 2 does not and is refused */
	assert_int_equal(ratio_rescale(D("99999999999999999999.999999999999999999"), pool, then,
	                               &out), 0);
	char buf[DEC_STR_MAX];
	dec_format(out, buf, sizeof buf);
	/* 99999999999999999999.999999999999999999 × 6636671656500264 /
	 * 6182849530219135 = 107340015700900365540.5767570729261645693… */
	assert_string_equal(buf, "107340015700900365540.576757072926164569");
	struct ratio two;
	assert_int_equal(ratio_parse("2/1", &two), 0);
	assert_int_equal(ratio_rescale(D("99999999999999999999.999999999999999999"), two, then,
	                               &out), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ratio__parses_and_formats__exact_text),
		cmocka_unit_test(ratio_rescale__same_rate__gives_back_the_quantity),
		cmocka_unit_test(ratio_rescale__new_rate__is_exact_to_18_decimals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
