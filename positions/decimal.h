/* decimal.h — exact decimal quantities.
 *
 * A dec_t holds a signed value scaled by 10^18 in a 128-bit integer, so an
 * 18-decimal amount such as 123.456789012345678901 round-trips exactly and
 * the integer part may have up to 20 digits. Used for every quantity a user
 * enters or a chain reports; display math converts to long double.
 * No allocation anywhere in this module. */
#ifndef STAKETOP_DECIMAL_H
#define STAKETOP_DECIMAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DEC_FRAC_DIGITS 18
#define DEC_MAX_INT_DIGITS 20
/* Enough for "-" + 20 integer digits + "." + 18 fraction digits + NUL. */
#define DEC_STR_MAX 48

__extension__ typedef __int128 dec_i128;

typedef struct {
	dec_i128 raw; /* value × 10^18 */
} dec_t;

/* Parse a plain non-negative decimal ("12", "0.5", "123.456789012345678901").
 * Refuses signs, exponents, spaces, empty strings, several points, more than
 * DEC_MAX_INT_DIGITS integer digits and more than max_frac fraction digits.
 * Returns 0, or -1 with a message in err naming what was wrong.
 *
 * Grammar: digits [ "." digits ]. A point needs a digit on each side, so
 * "1." and ".5" are refused (as in JSON). Leading integer zeros and trailing
 * fraction zeros are accepted and not counted against either limit: "007"
 * is 7, and "1.50" is fine with max_frac = 1. max_frac above 18 means 18.
 * Messages (err may be NULL): "empty amount", "negative amounts are not
 * allowed", "not a plain decimal: '1e5'", "more than one decimal point",
 * "a decimal point needs digits on both sides: '1.'", "too many digits
 * (40 > 20 before the point)", "too many decimals: 19 (at most 18 allowed)".
 * The input is echoed at most 24 characters long, non-printables as '?'.
 * out is untouched on error. */
int dec_parse(const char *s, unsigned max_frac, dec_t *out, char *err, size_t errlen);

/* Canonical text: no exponent, no leading integer zeros, no trailing
 * fraction zeros (and no point when the fraction is zero), "0" for zero,
 * a leading "-" when negative: "1.50" → "1.5", "007" → "7", "2.0" → "2".
 * dec_parse(dec_format(x)) == x. buf must hold DEC_STR_MAX bytes. */
void dec_format(dec_t d, char *buf, size_t len);

/* The value of a big-endian unsigned integer of n bytes (n <= 32) divided by
 * 10^decimals (decimals <= 36), truncated to 18 fraction digits. Returns -1
 * when it does not fit. */
int dec_from_be_bytes(const uint8_t *be, size_t n, unsigned decimals, dec_t *out);

/* The value of an unsigned integer given as a string of decimal digits,
 * divided by 10^decimals (e.g. "256250000" uatom with 6 → 256.25). -1 when
 * the text is not digits or the result does not fit. */
int dec_from_int_str(const char *digits, unsigned decimals, dec_t *out);

dec_t dec_zero(void);
dec_t dec_from_int(int64_t v);
bool dec_is_zero(dec_t d);
bool dec_is_neg(dec_t d);
int dec_cmp(dec_t a, dec_t b);

/* Checked arithmetic: 0, or -1 on overflow (or division by zero). mul and
 * div truncate toward zero at 18 fraction digits. */
int dec_add(dec_t a, dec_t b, dec_t *out);
int dec_sub(dec_t a, dec_t b, dec_t *out);
int dec_mul(dec_t a, dec_t b, dec_t *out);
int dec_div(dec_t a, dec_t b, dec_t *out);

/* The shortest decimal that reads back as v (so the double 1.2 gives exactly
 * 1.2, not 1.1999999999999999556), rounded to 18 fraction digits. For feed
 * values (prices, rates) entering exact arithmetic. -1 if not finite or too
 * large. */
int dec_from_double(double v, dec_t *out);

/* d rounded to frac_digits (<= 18) fraction digits, half away from zero. */
dec_t dec_round(dec_t d, unsigned frac_digits);

long double dec_to_ld(dec_t d);
/* The nearest dec_t to a finite long double; -1 if not finite or too large. */
int dec_from_ld(long double v, dec_t *out);

#endif
