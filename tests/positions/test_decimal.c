/* test_decimal.c — exact decimals: parsing, canonical text, arithmetic,
 * chain words. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "positions/decimal.h"

#define E18 ((dec_i128)1000000000000000000LL)

static dec_t parse_ok(const char *s)
{
	dec_t d = {0};
	char err[96] = "";
	int rc = dec_parse(s, 18, &d, err, sizeof err);
	if (rc != 0)
		fail_msg("dec_parse(\"%s\") refused: %s", s, err);
	return d;
}

static void assert_text(dec_t d, const char *want)
{
	char buf[DEC_STR_MAX];
	dec_format(d, buf, sizeof buf);
	assert_string_equal(buf, want);
}

static void assert_round_trip(const char *s)
{
	assert_text(parse_ok(s), s);
}

/* Refused with exactly this message. */
static void assert_refused(const char *s, unsigned max_frac, const char *msg)
{
	dec_t d = {12345};
	char err[96] = "";
	assert_int_equal(dec_parse(s, max_frac, &d, err, sizeof err), -1);
	assert_string_equal(err, msg);
	assert_true(d.raw == 12345); /* out untouched */
}

/* --- parse and format ---------------------------------------------------- */

static void dec_parse__round_trips__eighteen_decimals(void **state)
{
	(void)state;
	assert_round_trip("123.456789012345678901");
	/* 123 × 10^18 + 456789012345678901 */
	assert_true(parse_ok("123.456789012345678901").raw ==
	            (dec_i128)123 * E18 + 456789012345678901LL);
}

static void dec_parse__round_trips__smallest_unit(void **state)
{
	(void)state;
	assert_round_trip("0.000000000000000001");
	assert_true(parse_ok("0.000000000000000001").raw == 1); /* 10^-18 × 10^18 = 1 */
}

static void dec_parse__round_trips__largest_value(void **state)
{
	(void)state;
	assert_round_trip("99999999999999999999.999999999999999999");
	/* (10^20 − 1) × 10^18 + (10^18 − 1) = 10^38 − 1 */
	dec_i128 want = (dec_i128)99999999999999999LL * 1000 + 999; /* 10^20 − 1 */
	want = want * E18 + (E18 - 1);
	assert_true(parse_ok("99999999999999999999.999999999999999999").raw == want);
}

static void dec_format__drops__trailing_fraction_zeros(void **state)
{
	(void)state;
	assert_text(parse_ok("1.50"), "1.5");
	assert_text(parse_ok("2.000"), "2");
	assert_text(parse_ok("0.0"), "0");
	assert_text(parse_ok("10"), "10");        /* integer zeros stay */
	assert_text(parse_ok("100.001"), "100.001");
}

static void dec_format__drops__leading_integer_zeros(void **state)
{
	(void)state;
	assert_text(parse_ok("007"), "7");
	assert_text(parse_ok("00.5"), "0.5");
	assert_text(parse_ok("000"), "0");
}

static void dec_format__writes__negative_values(void **state)
{
	(void)state;
	dec_t d;
	assert_int_equal(dec_sub(parse_ok("1"), parse_ok("3.25"), &d), 0);
	assert_text(d, "-2.25");                  /* 1 − 3.25 = −2.25 */
	assert_int_equal(dec_sub(dec_zero(), parse_ok("0.000000000000000001"), &d), 0);
	assert_text(d, "-0.000000000000000001");
	assert_text(dec_from_int(-42), "-42");
}

static void dec_format__truncates__to_buffer(void **state)
{
	(void)state;
	char buf[4];
	dec_format(parse_ok("12345.6"), buf, sizeof buf);
	assert_string_equal(buf, "123");
}

static void dec_parse__accepts__trailing_zeros_beyond_max_frac(void **state)
{
	(void)state;
	dec_t d;
	/* 1.5000000 has one significant decimal: fine for a 6-decimal asset */
	assert_int_equal(dec_parse("1.5000000", 6, &d, NULL, 0), 0);
	assert_text(d, "1.5");
	/* 24 integer digits, 20 significant */
	assert_int_equal(dec_parse("000012345678901234567890", 18, &d, NULL, 0), 0);
	assert_text(d, "12345678901234567890");
}

static void dec_parse__refuses__exponent(void **state)
{
	(void)state;
	assert_refused("1e5", 18, "not a plain decimal: '1e5'");
	assert_refused("1.5E3", 18, "not a plain decimal: '1.5E3'");
}

static void dec_parse__refuses__negative(void **state)
{
	(void)state;
	assert_refused("-3", 18, "negative amounts are not allowed");
	assert_refused("-0", 18, "negative amounts are not allowed");
}

static void dec_parse__refuses__plus_sign_and_letters(void **state)
{
	(void)state;
	assert_refused("+3", 18, "not a plain decimal: '+3'");
	assert_refused("0x10", 18, "not a plain decimal: '0x10'");
	assert_refused("abc", 18, "not a plain decimal: 'abc'");
	assert_refused("1,5", 18, "not a plain decimal: '1,5'");
}

static void dec_parse__refuses__two_points(void **state)
{
	(void)state;
	assert_refused("1.2.3", 18, "more than one decimal point");
	assert_refused("1..2", 18, "more than one decimal point");
}

static void dec_parse__refuses__too_many_integer_digits(void **state)
{
	(void)state;
	/* 40 nines: 40 significant digits > 20 */
	assert_refused("9999999999999999999999999999999999999999", 18,
	               "too many digits (40 > 20 before the point)");
	/* 10^20 has 21 digits */
	assert_refused("100000000000000000000", 18, "too many digits (21 > 20 before the point)");
}

static void dec_parse__refuses__empty(void **state)
{
	(void)state;
	assert_refused("", 18, "empty amount");
	dec_t d;
	char err[32];
	assert_int_equal(dec_parse(NULL, 18, &d, err, sizeof err), -1);
	assert_string_equal(err, "empty amount");
}

static void dec_parse__refuses__spaces(void **state)
{
	(void)state;
	assert_refused(" 1", 18, "not a plain decimal: ' 1'");
	assert_refused("1 ", 18, "not a plain decimal: '1 '");
	assert_refused("1 000", 18, "not a plain decimal: '1 000'");
	assert_refused("1\n", 18, "not a plain decimal: '1?'"); /* control char shown as ? */
}

static void dec_parse__refuses__bare_point(void **state)
{
	(void)state;
	assert_refused("1.", 18, "a decimal point needs digits on both sides: '1.'");
	assert_refused(".5", 18, "a decimal point needs digits on both sides: '.5'");
	assert_refused(".", 18, "a decimal point needs digits on both sides: '.'");
}

static void dec_parse__refuses__too_many_decimals(void **state)
{
	(void)state;
	assert_refused("0.0000000000000000001", 18, "too many decimals: 19 (at most 18 allowed)");
	assert_refused("1.1234567", 6, "too many decimals: 7 (at most 6 allowed)");
	assert_refused("1.5", 0, "too many decimals: 1 (at most 0 allowed)");
	/* max_frac above 18 means 18 */
	assert_refused("0.0000000000000000001", 30, "too many decimals: 19 (at most 18 allowed)");
}

static void dec_parse__shortens__long_input_in_message(void **state)
{
	(void)state;
	/* the echo keeps 24 characters, the last three as "..." */
	assert_refused("1234567890123456789012345678x", 18,
	               "not a plain decimal: '123456789012345678901...'");
}

static void dec_parse__works__without_error_buffer(void **state)
{
	(void)state;
	dec_t d;
	assert_int_equal(dec_parse("1e5", 18, &d, NULL, 0), -1);
	char tiny[6];
	assert_int_equal(dec_parse("1e5", 18, &d, tiny, sizeof tiny), -1);
	assert_string_equal(tiny, "not a"); /* truncated, terminated */
}

/* --- arithmetic ---------------------------------------------------------- */

static void dec_mul__is_exact__for_decimal_fractions(void **state)
{
	(void)state;
	dec_t d;
	assert_int_equal(dec_mul(parse_ok("0.1"), parse_ok("0.2"), &d), 0);
	assert_text(d, "0.02");                           /* 0.1 × 0.2 = 0.02 */
	assert_int_equal(dec_mul(parse_ok("123.456789012345678901"), parse_ok("2"), &d), 0);
	assert_text(d, "246.913578024691357802");         /* every digit doubled, carry at 5→1 */
	assert_int_equal(dec_mul(parse_ok("10"), parse_ok("1.2"), &d), 0);
	assert_text(d, "12");                             /* 10 shares × 1.2 = 12 */
	assert_int_equal(dec_mul(parse_ok("1.5"), dec_from_int(-2), &d), 0);
	assert_text(d, "-3");                             /* 1.5 × −2 = −3 */
	assert_int_equal(dec_mul(dec_from_int(-3), dec_from_int(-4), &d), 0);
	assert_text(d, "12");                             /* −3 × −4 = 12 */
	/* 0.999999999999999999² = 0.999999999999999998000000000000000001 → 18 digits */
	assert_int_equal(dec_mul(parse_ok("0.999999999999999999"),
	                         parse_ok("0.999999999999999999"), &d), 0);
	assert_text(d, "0.999999999999999998");
}

static void dec_mul__truncates__toward_zero(void **state)
{
	(void)state;
	dec_t d;
	assert_int_equal(dec_mul(parse_ok("0.000000000000000001"), parse_ok("0.5"), &d), 0);
	assert_text(d, "0");                              /* 5 × 10^-19 → 0 */
	dec_t three = {-3};                               /* −3 × 10^-18 */
	assert_int_equal(dec_mul(three, parse_ok("0.5"), &d), 0);
	assert_text(d, "-0.000000000000000001");          /* −1.5 × 10^-18 → −1 × 10^-18 */
}

static void dec_mul__does_not_overflow__for_1e20_times_1_2(void **state)
{
	(void)state;
	dec_t big, d;
	assert_int_equal(dec_from_int_str("100000000000000000000", 0, &big), 0); /* 10^20 */
	assert_int_equal(dec_mul(big, parse_ok("1.2"), &d), 0);
	assert_text(d, "120000000000000000000");          /* 10^20 × 1.2 = 1.2 × 10^20 */
	assert_int_equal(dec_mul(parse_ok("1.2"), big, &d), 0);
	assert_text(d, "120000000000000000000");
}

static void dec_mul__fails__on_overflow(void **state)
{
	(void)state;
	dec_t big, d;
	assert_int_equal(dec_from_int_str("100000000000000000000", 0, &big), 0);
	/* 10^20 × 2 = 2 × 10^20 > (2^127 − 1) / 10^18 ≈ 1.7 × 10^20 */
	assert_int_equal(dec_mul(big, dec_from_int(2), &d), -1);
	assert_int_equal(dec_mul(big, big, &d), -1);       /* 10^40 */
	/* 10^20 × 1.8 = 1.8 × 10^20 > 1.7 × 10^20 (fits 128 unsigned bits, not 127) */
	assert_int_equal(dec_mul(big, parse_ok("1.8"), &d), -1);
}

static void dec_div__is_exact__when_the_quotient_terminates(void **state)
{
	(void)state;
	dec_t d;
	assert_int_equal(dec_div(parse_ok("7200"), parse_ok("2.4"), &d), 0);
	assert_text(d, "3000");                           /* 7200 / 2.4 = 3000 */
	assert_int_equal(dec_div(dec_from_int(1), dec_from_int(8), &d), 0);
	assert_text(d, "0.125");                          /* 1 / 8 */
	assert_int_equal(dec_div(parse_ok("99999999999999999999.999999999999999999"),
	                         parse_ok("99999999999999999999.999999999999999999"), &d), 0);
	assert_text(d, "1");                              /* x / x, numerator × 10^18 ≈ 10^56 */
	assert_int_equal(dec_div(dec_from_int(-9), parse_ok("0.3"), &d), 0);
	assert_text(d, "-30");                            /* −9 / 0.3 = −30 */
}

static void dec_div__truncates__repeating_quotients(void **state)
{
	(void)state;
	dec_t d;
	assert_int_equal(dec_div(dec_from_int(1), dec_from_int(3), &d), 0);
	assert_text(d, "0.333333333333333333");           /* 1/3 cut at 18 digits */
	assert_int_equal(dec_div(dec_from_int(-2), dec_from_int(3), &d), 0);
	assert_text(d, "-0.666666666666666666");          /* toward zero, not −…667 */
}

static void dec_div__fails__by_zero_and_on_overflow(void **state)
{
	(void)state;
	dec_t big, d;
	assert_int_equal(dec_div(dec_from_int(1), dec_zero(), &d), -1);
	assert_int_equal(dec_from_int_str("100000000000000000000", 0, &big), 0);
	assert_int_equal(dec_div(big, parse_ok("0.1"), &d), -1);   /* 10^21 */
	assert_int_equal(dec_div(big, parse_ok("0.5"), &d), -1);   /* 2 × 10^20 */
	assert_int_equal(dec_div(big, parse_ok("1"), &d), 0);
	assert_text(d, "100000000000000000000");
}

static void dec_add__fails__on_overflow(void **state)
{
	(void)state;
	dec_t big, d;
	assert_int_equal(dec_from_int_str("100000000000000000000", 0, &big), 0);
	assert_int_equal(dec_add(big, big, &d), -1);        /* 2 × 10^20 */
	assert_int_equal(dec_add(parse_ok("0.1"), parse_ok("0.2"), &d), 0);
	assert_text(d, "0.3");                              /* exact, unlike doubles */
	dec_t neg;
	assert_int_equal(dec_sub(dec_zero(), big, &neg), 0);
	assert_int_equal(dec_sub(neg, big, &d), -1);        /* −2 × 10^20 */
}

static void dec_cmp__orders__values(void **state)
{
	(void)state;
	assert_int_equal(dec_cmp(parse_ok("1.5"), parse_ok("1.50")), 0);
	assert_int_equal(dec_cmp(parse_ok("1.5"), parse_ok("1.6")), -1);
	assert_int_equal(dec_cmp(dec_from_int(2), dec_from_int(-3)), 1);
	assert_true(dec_is_zero(parse_ok("0.000")));
	assert_false(dec_is_zero(parse_ok("0.000000000000000001")));
	assert_true(dec_is_neg(dec_from_int(-1)));
	assert_false(dec_is_neg(dec_zero()));
}

/* --- words from chains --------------------------------------------------- */

static void dec_from_be_bytes__reads__wsteth_rate_word(void **state)
{
	(void)state;
	/* eth_call result 0x000…0010dc8c100a198000, 32 bytes.
	 * 0x10dc8c10 = 282889232, 0x0a198000 = 169443328;
	 * 282889232 × 2^32 = 1214999999830556672; + 169443328 = 1215000000000000000
	 * → / 10^18 = 1.215 stETH per wstETH */
	uint8_t word[32] = {0};
	const uint8_t tail[8] = {0x10, 0xdc, 0x8c, 0x10, 0x0a, 0x19, 0x80, 0x00};
	memcpy(word + 24, tail, sizeof tail);
	dec_t d;
	assert_int_equal(dec_from_be_bytes(word, 32, 18, &d), 0);
	assert_text(d, "1.215");
	assert_true(d.raw == (dec_i128)1215000000000000000LL);
	/* the same 8 bytes alone give the same value */
	assert_int_equal(dec_from_be_bytes(tail, 8, 18, &d), 0);
	assert_text(d, "1.215");
}

static void dec_from_be_bytes__scales__other_decimals(void **state)
{
	(void)state;
	dec_t d;
	const uint8_t six[4] = {0x0f, 0x46, 0x2d, 0x50}; /* 0x0f462d50 = 256257360 */
	assert_int_equal(dec_from_be_bytes(six, 4, 6, &d), 0);
	assert_text(d, "256.25736");                      /* 256257360 / 10^6 */
	assert_int_equal(dec_from_be_bytes(six, 4, 0, &d), 0);
	assert_text(d, "256257360");
	/* / 10^36: 2.5625736 × 10^-28 → below 10^-18, truncated to 0 */
	assert_int_equal(dec_from_be_bytes(six, 4, 36, &d), 0);
	assert_text(d, "0");
	assert_int_equal(dec_from_be_bytes(NULL, 0, 18, &d), 0);
	assert_text(d, "0");
}

static void dec_from_be_bytes__fails__when_too_large(void **state)
{
	(void)state;
	uint8_t word[33];
	memset(word, 0xff, sizeof word);
	dec_t d;
	assert_int_equal(dec_from_be_bytes(word, 33, 18, &d), -1);  /* more than 32 bytes */
	/* 2^256 − 1 ≈ 1.16 × 10^77; / 10^36 ≈ 1.16 × 10^41 > 1.7 × 10^20 */
	assert_int_equal(dec_from_be_bytes(word, 32, 36, &d), -1);
	assert_int_equal(dec_from_be_bytes(word, 32, 37, &d), -1);  /* decimals > 36 */
	/* 2^128 − 1 as 16 bytes with 36 decimals: 3.4 × 10^38 / 10^36 = 340.28… fits */
	assert_int_equal(dec_from_be_bytes(word, 16, 36, &d), 0);
	assert_text(d, "340.282366920938463463");           /* (2^128 − 1) / 10^36, cut at 18 */
	/* 2^64 − 1 with 0 decimals: 18446744073709551615 < 1.7 × 10^20 */
	assert_int_equal(dec_from_be_bytes(word, 8, 0, &d), 0);
	assert_text(d, "18446744073709551615");
	/* 2^72 − 1 ≈ 4.7 × 10^21 does not fit */
	assert_int_equal(dec_from_be_bytes(word, 9, 0, &d), -1);
}

static void dec_from_int_str__scales__base_units(void **state)
{
	(void)state;
	dec_t d;
	assert_int_equal(dec_from_int_str("256250000", 6, &d), 0);
	assert_text(d, "256.25");                         /* 256250000 uatom / 10^6 */
	assert_int_equal(dec_from_int_str("0", 9, &d), 0);
	assert_text(d, "0");
	assert_int_equal(dec_from_int_str("7", 0, &d), 0);
	assert_text(d, "7");
	/* 1234567890123 / 10^30 = 1.234567890123 × 10^-18 → cut to 10^-18 */
	assert_int_equal(dec_from_int_str("1234567890123", 30, &d), 0);
	assert_text(d, "0.000000000000000001");
	assert_int_equal(dec_from_int_str("1", 40, &d), 0);
	assert_text(d, "0");
	/* 50 characters, the last a 1: leading zeros cost nothing */
	assert_int_equal(dec_from_int_str("00000000000000000000000000000000000000000000000001", 18, &d), 0);
	assert_text(d, "0.000000000000000001");
}

static void dec_from_int_str__refuses__non_digits_and_overflow(void **state)
{
	(void)state;
	dec_t d;
	assert_int_equal(dec_from_int_str("", 6, &d), -1);
	assert_int_equal(dec_from_int_str(NULL, 6, &d), -1);
	assert_int_equal(dec_from_int_str("12a", 6, &d), -1);
	assert_int_equal(dec_from_int_str("-5", 6, &d), -1);
	assert_int_equal(dec_from_int_str("1.5", 6, &d), -1);
	/* 40 digits with 0 decimals ≈ 10^39 */
	assert_int_equal(dec_from_int_str("1000000000000000000000000000000000000000", 0, &d), -1);
	/* 2 × 10^20 × 10^18 > 2^127 */
	assert_int_equal(dec_from_int_str("200000000000000000000", 0, &d), -1);
}

/* --- long double and double ---------------------------------------------- */

static void dec_from_ld__rounds__to_nearest(void **state)
{
	(void)state;
	dec_t d;
	assert_int_equal(dec_from_ld(1.5L, &d), 0);
	assert_text(d, "1.5");
	assert_int_equal(dec_from_ld(-2.25L, &d), 0);
	assert_text(d, "-2.25");
	assert_int_equal(dec_from_ld(NAN, &d), -1);
	assert_int_equal(dec_from_ld(INFINITY, &d), -1);
	assert_int_equal(dec_from_ld(1e30L, &d), -1);
	assert_true(fabsl(dec_to_ld(parse_ok("123.456789012345678901")) - 123.456789012345678901L) < 1e-15L);
	assert_true(dec_to_ld(dec_from_int(-7)) == -7.0L);
}

static void dec_from_double__gives__shortest_decimal(void **state)
{
	(void)state;
	dec_t d;
	assert_int_equal(dec_from_double(1.2, &d), 0);
	assert_text(d, "1.2");                            /* not 1.199999999999999956 */
	assert_int_equal(dec_from_double(1.0734, &d), 0);
	assert_text(d, "1.0734");
	assert_int_equal(dec_from_double(3012.45, &d), 0);
	assert_text(d, "3012.45");
	assert_int_equal(dec_from_double(-0.5, &d), 0);
	assert_text(d, "-0.5");
	assert_int_equal(dec_from_double(0.0, &d), 0);
	assert_text(d, "0");
	assert_int_equal(dec_from_double(1e20, &d), 0);
	assert_text(d, "100000000000000000000");
	/* 1.5 × 10^-18 rounds half away from zero to 2 × 10^-18 */
	assert_int_equal(dec_from_double(1.5e-18, &d), 0);
	assert_text(d, "0.000000000000000002");
	assert_int_equal(dec_from_double(1e-30, &d), 0);
	assert_text(d, "0");
	assert_int_equal(dec_from_double(2e20, &d), -1);
	assert_int_equal(dec_from_double(NAN, &d), -1);
	assert_int_equal(dec_from_double(-INFINITY, &d), -1);
}

/* Significant digits of a decimal text: "1024.5" has 5, "0.0012" has 2. */
static int sig_digits(const char *t)
{
	char d[64];
	int n = 0;
	for (; *t; t++)
		if (*t >= '0' && *t <= '9' && n < (int)sizeof d)
			d[n++] = *t;
	int a = 0, b = n;
	while (a < b && d[a] == '0')
		a++;
	while (b > a && d[b - 1] == '0')
		b--;
	return b - a;
}

/* v's text is the shortest that reads back: it reads back as v exactly,
 * and no "%.*e" with fewer significant digits does. */
static void assert_shortest(double v)
{
	dec_t d;
	char t[DEC_STR_MAX], fewer[40];
	assert_int_equal(dec_from_double(v, &d), 0);
	dec_format(d, t, sizeof t);
	assert_true(strtod(t, NULL) == v);
	for (int p = 0; p < sig_digits(t) - 1; p++) {
		snprintf(fewer, sizeof fewer, "%.*e", p, v);
		assert_true(strtod(fewer, NULL) != v);
	}
}

/* The shortest text, whatever way it is searched for: 20,000 doubles of
 * [1, 1,000,000) (pseudo-random mantissas: at most 16 fraction digits are
 * needed, so the 18 kept never cut; every 4th with 4 significant digits),
 * the powers of two 2^-18 .. 2^19 (where the double below is nearer than
 * the one above) and their neighbours in [1, 1,000,000). Plus: 1.0734
 * stays 5 digits, 0.1 + 0.2 = 0.30000000000000004 needs all 17. */
static void dec_from_double__is_the_shortest_that_reads_back(void **state)
{
	(void)state;
	uint64_t x = 0x9e3779b97f4a7c15u;
	for (int i = 0; i < 20000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		assert_shortest(i % 4 == 0 ? (double)(x % 9000 + 1000) / pow(10, (double)(x % 4))
		                           : 1.0 + (double)(x >> 11) * 0x1p-53 * 999999.0);
	}
	for (int k = -18; k <= 19; k++) {
		double v = ldexp(1.0, k);
		assert_shortest(v);
		if (k >= 1) {
			assert_shortest(nextafter(v, 0));
			assert_shortest(nextafter(v, INFINITY));
		}
	}
	dec_t d;
	assert_int_equal(dec_from_double(0.1 + 0.2, &d), 0);
	assert_text(d, "0.30000000000000004");
	assert_int_equal(dec_from_double(1.0734, &d), 0);
	assert_text(d, "1.0734");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dec_parse__round_trips__eighteen_decimals),
		cmocka_unit_test(dec_parse__round_trips__smallest_unit),
		cmocka_unit_test(dec_parse__round_trips__largest_value),
		cmocka_unit_test(dec_format__drops__trailing_fraction_zeros),
		cmocka_unit_test(dec_format__drops__leading_integer_zeros),
		cmocka_unit_test(dec_format__writes__negative_values),
		cmocka_unit_test(dec_format__truncates__to_buffer),
		cmocka_unit_test(dec_parse__accepts__trailing_zeros_beyond_max_frac),
		cmocka_unit_test(dec_parse__refuses__exponent),
		cmocka_unit_test(dec_parse__refuses__negative),
		cmocka_unit_test(dec_parse__refuses__plus_sign_and_letters),
		cmocka_unit_test(dec_parse__refuses__two_points),
		cmocka_unit_test(dec_parse__refuses__too_many_integer_digits),
		cmocka_unit_test(dec_parse__refuses__empty),
		cmocka_unit_test(dec_parse__refuses__spaces),
		cmocka_unit_test(dec_parse__refuses__bare_point),
		cmocka_unit_test(dec_parse__refuses__too_many_decimals),
		cmocka_unit_test(dec_parse__shortens__long_input_in_message),
		cmocka_unit_test(dec_parse__works__without_error_buffer),
		cmocka_unit_test(dec_mul__is_exact__for_decimal_fractions),
		cmocka_unit_test(dec_mul__truncates__toward_zero),
		cmocka_unit_test(dec_mul__does_not_overflow__for_1e20_times_1_2),
		cmocka_unit_test(dec_mul__fails__on_overflow),
		cmocka_unit_test(dec_div__is_exact__when_the_quotient_terminates),
		cmocka_unit_test(dec_div__truncates__repeating_quotients),
		cmocka_unit_test(dec_div__fails__by_zero_and_on_overflow),
		cmocka_unit_test(dec_add__fails__on_overflow),
		cmocka_unit_test(dec_cmp__orders__values),
		cmocka_unit_test(dec_from_be_bytes__reads__wsteth_rate_word),
		cmocka_unit_test(dec_from_be_bytes__scales__other_decimals),
		cmocka_unit_test(dec_from_be_bytes__fails__when_too_large),
		cmocka_unit_test(dec_from_int_str__scales__base_units),
		cmocka_unit_test(dec_from_int_str__refuses__non_digits_and_overflow),
		cmocka_unit_test(dec_from_ld__rounds__to_nearest),
		cmocka_unit_test(dec_from_double__gives__shortest_decimal),
		cmocka_unit_test(dec_from_double__is_the_shortest_that_reads_back),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
