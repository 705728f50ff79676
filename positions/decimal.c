/* decimal.c — exact decimal quantities scaled by 10^18 in 128 bits.
 *
 * Arithmetic works on magnitudes (unsigned 128-bit) with overflow checks and
 * puts the sign back at the end, so every result truncates toward zero. */
#include "positions/decimal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__extension__ typedef unsigned __int128 u128;

#define SCALE ((u128)1000000000000000000ULL) /* 10^18 */
#define I128_MAX ((u128)(~(u128)0 >> 1))     /* 2^127 − 1 */
#define I128_MIN_MAG (I128_MAX + 1)          /* |−2^127| */

static u128 pow10_u128(unsigned e)
{
	u128 p = 1;
	while (e--)
		p *= 10;
	return p;
}

static u128 mag(dec_i128 v)
{
	return v < 0 ? (u128)0 - (u128)v : (u128)v;
}

/* The value neg ? −m : m, or -1 when it does not fit. */
static int from_mag(bool neg, u128 m, dec_t *out)
{
	if (m > (neg ? I128_MIN_MAG : I128_MAX))
		return -1;
	if (neg)
		out->raw = m == I128_MIN_MAG ? -(dec_i128)I128_MAX - 1 : -(dec_i128)m;
	else
		out->raw = (dec_i128)m;
	return 0;
}

dec_t dec_zero(void)
{
	dec_t d = {0};
	return d;
}

dec_t dec_from_int(int64_t v)
{
	dec_t d = {(dec_i128)v * (dec_i128)SCALE};
	return d;
}

bool dec_is_zero(dec_t d) { return d.raw == 0; }
bool dec_is_neg(dec_t d) { return d.raw < 0; }

int dec_cmp(dec_t a, dec_t b)
{
	return a.raw < b.raw ? -1 : a.raw > b.raw ? 1 : 0;
}

/* --- text ---------------------------------------------------------------- */

/* A short, printable copy of untrusted input for an error message. */
static void quote_input(const char *s, char *buf, size_t len)
{
	size_t i = 0;
	for (; s[i] && i + 4 < len && i < 24; i++) {
		unsigned char c = (unsigned char)s[i];
		buf[i] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
	}
	if (s[i] && i >= 3) {
		buf[i - 3] = buf[i - 2] = buf[i - 1] = '.';
	}
	buf[i] = '\0';
}

static int fail(char *err, size_t errlen, const char *msg)
{
	if (err && errlen)
		snprintf(err, errlen, "%s", msg);
	return -1;
}

/* msg names the problem; the offending input is quoted after it. */
static int fail_quoting(char *err, size_t errlen, const char *msg, const char *input)
{
	if (err && errlen) {
		char q[32];
		quote_input(input, q, sizeof q);
		snprintf(err, errlen, "%s: '%s'", msg, q);
	}
	return -1;
}

static int fail_count(char *err, size_t errlen, bool frac, size_t n, unsigned limit)
{
	unsigned shown = n > 9999 ? 9999u : (unsigned)n;
	if (err && errlen) {
		if (frac)
			snprintf(err, errlen, "too many decimals: %u (at most %u allowed)",
			         shown, limit);
		else
			snprintf(err, errlen, "too many digits (%u > %u before the point)",
			         shown, limit);
	}
	return -1;
}

int dec_parse(const char *s, unsigned max_frac, dec_t *out, char *err, size_t errlen)
{
	if (max_frac > DEC_FRAC_DIGITS)
		max_frac = DEC_FRAC_DIGITS;
	if (!s || !*s)
		return fail(err, errlen, "empty amount");
	if (s[0] == '-')
		return fail(err, errlen, "negative amounts are not allowed");

	const char *point = NULL;
	for (const char *p = s; *p; p++) {
		if (*p == '.') {
			if (point)
				return fail(err, errlen, "more than one decimal point");
			point = p;
		} else if (*p < '0' || *p > '9') {
			return fail_quoting(err, errlen, "not a plain decimal", s);
		}
	}
	const char *int_end = point ? point : s + strlen(s);
	if (point && (point == s || point[1] == '\0'))
		return fail_quoting(err, errlen,
		                    "a decimal point needs digits on both sides", s);

	/* Significant digits: leading integer zeros and trailing fraction zeros
	 * do not change the value and are not counted. */
	const char *ip = s;
	while (ip < int_end && *ip == '0')
		ip++;
	size_t n_int = (size_t)(int_end - ip);
	const char *fp = point ? point + 1 : int_end;
	const char *fe = fp + strlen(fp);
	while (fe > fp && fe[-1] == '0')
		fe--;
	size_t n_frac = (size_t)(fe - fp);

	if (n_int > DEC_MAX_INT_DIGITS)
		return fail_count(err, errlen, false, n_int, DEC_MAX_INT_DIGITS);
	if (n_frac > max_frac)
		return fail_count(err, errlen, true, n_frac, max_frac);

	u128 v = 0;
	for (const char *p = ip; p < int_end; p++)
		v = v * 10 + (u128)(*p - '0');
	u128 f = 0;
	for (size_t i = 0; i < DEC_FRAC_DIGITS; i++)
		f = f * 10 + (u128)(i < n_frac ? fp[i] - '0' : 0);
	/* 20 integer digits × 10^18 + 18 fraction digits < 10^38 < 2^127 */
	out->raw = (dec_i128)(v * SCALE + f);
	if (err && errlen)
		err[0] = '\0';
	return 0;
}

void dec_format(dec_t d, char *buf, size_t len)
{
	char tmp[DEC_STR_MAX];
	char *p = tmp + sizeof tmp;
	u128 m = mag(d.raw);
	u128 ip = m / SCALE, fr = m % SCALE;

	*--p = '\0';
	if (fr) {
		char digits[DEC_FRAC_DIGITS];
		for (int i = DEC_FRAC_DIGITS - 1; i >= 0; i--) {
			digits[i] = (char)('0' + (int)(fr % 10));
			fr /= 10;
		}
		int last = DEC_FRAC_DIGITS - 1;
		while (digits[last] == '0')
			last--;
		for (int i = last; i >= 0; i--)
			*--p = digits[i];
		*--p = '.';
	}
	do {
		*--p = (char)('0' + (int)(ip % 10));
		ip /= 10;
	} while (ip);
	if (d.raw < 0)
		*--p = '-';
	if (len) {
		size_t n = strlen(p);
		if (n >= len)
			n = len - 1;
		memcpy(buf, p, n);
		buf[n] = '\0';
	}
}

int dec_from_be_bytes(const uint8_t *be, size_t n, unsigned decimals, dec_t *out)
{
	if (n > 32 || decimals > 36 || (n && !be))
		return -1;
	/* 256-bit integer as eight 32-bit limbs, most significant first. */
	uint32_t limb[8] = {0};
	for (size_t i = 0; i < n; i++) {
		size_t pos = 32 - n + i; /* byte index in a 32-byte word */
		limb[pos / 4] |= (uint32_t)be[i] << (8 * (3 - pos % 4));
	}
	/* value × 10^18 / 10^decimals: divide by 10 when decimals > 18 … */
	for (unsigned k = decimals; k > DEC_FRAC_DIGITS; k--) {
		uint64_t rem = 0;
		for (int i = 0; i < 8; i++) {
			uint64_t cur = (rem << 32) | limb[i];
			limb[i] = (uint32_t)(cur / 10);
			rem = cur % 10;
		}
	}
	for (int i = 0; i < 4; i++)
		if (limb[i])
			return -1;
	u128 v = 0;
	for (int i = 4; i < 8; i++)
		v = (v << 32) | limb[i];
	/* … multiply when decimals < 18. */
	if (decimals < DEC_FRAC_DIGITS &&
	    __builtin_mul_overflow(v, pow10_u128(DEC_FRAC_DIGITS - decimals), &v))
		return -1;
	return from_mag(false, v, out);
}

int dec_from_int_str(const char *digits, unsigned decimals, dec_t *out)
{
	if (!digits || !*digits)
		return -1;
	size_t n = strlen(digits);
	for (size_t i = 0; i < n; i++)
		if (digits[i] < '0' || digits[i] > '9')
			return -1;
	/* Drop the digits below 10^-18 (truncation) … */
	size_t keep = n;
	if (decimals > DEC_FRAC_DIGITS) {
		size_t drop = decimals - DEC_FRAC_DIGITS;
		keep = drop >= n ? 0 : n - drop;
	}
	u128 v = 0;
	for (size_t i = 0; i < keep; i++) {
		if (__builtin_mul_overflow(v, (u128)10, &v) ||
		    __builtin_add_overflow(v, (u128)(digits[i] - '0'), &v))
			return -1;
	}
	/* … or scale up to 18 fraction digits. */
	if (decimals < DEC_FRAC_DIGITS &&
	    __builtin_mul_overflow(v, pow10_u128(DEC_FRAC_DIGITS - decimals), &v))
		return -1;
	return from_mag(false, v, out);
}

/* --- arithmetic ---------------------------------------------------------- */

int dec_add(dec_t a, dec_t b, dec_t *out)
{
	dec_i128 r;
	if (__builtin_add_overflow(a.raw, b.raw, &r))
		return -1;
	out->raw = r;
	return 0;
}

int dec_sub(dec_t a, dec_t b, dec_t *out)
{
	dec_i128 r;
	if (__builtin_sub_overflow(a.raw, b.raw, &r))
		return -1;
	out->raw = r;
	return 0;
}

/* (ai·S + af)(bi·S + bf) / S = ai·bi·S + ai·bf + af·bi + af·bf / S, with
 * S = 10^18; only the last term has a fraction, and af·bf < 10^36 fits. */
int dec_mul(dec_t a, dec_t b, dec_t *out)
{
	u128 ma = mag(a.raw), mb = mag(b.raw);
	u128 ai = ma / SCALE, af = ma % SCALE, bi = mb / SCALE, bf = mb % SCALE;
	u128 r, t;

	if (__builtin_mul_overflow(ai, bi, &r) || __builtin_mul_overflow(r, SCALE, &r))
		return -1;
	if (__builtin_mul_overflow(ai, bf, &t) || __builtin_add_overflow(r, t, &r))
		return -1;
	if (__builtin_mul_overflow(af, bi, &t) || __builtin_add_overflow(r, t, &r))
		return -1;
	if (__builtin_add_overflow(r, af * bf / SCALE, &r))
		return -1;
	return from_mag((a.raw < 0) != (b.raw < 0) && r != 0, r, out);
}

/* (hi·2^128 + lo) / d by shift and subtract; -1 when the quotient does not
 * fit in 127 bits. d ≤ 2^127 keeps 2·rem + 1 within 128 bits. */
static int div256(u128 hi, u128 lo, u128 d, u128 *q)
{
	u128 rem = 0, quo = 0;
	for (int i = 255; i >= 0; i--) {
		u128 bit = i >= 128 ? (hi >> (i - 128)) & 1 : (lo >> i) & 1;
		rem = (rem << 1) | bit;
		if (rem >= d) {
			rem -= d;
			if (i >= 127)
				return -1;
			quo |= (u128)1 << i;
		}
	}
	*q = quo;
	return 0;
}

int dec_div(dec_t a, dec_t b, dec_t *out)
{
	if (b.raw == 0)
		return -1;
	u128 ma = mag(a.raw), mb = mag(b.raw);
	/* ma × 10^18 as 256 bits: split ma in 64-bit halves, 10^18 < 2^64. */
	u128 lo64 = (u128)(uint64_t)ma, hi64 = ma >> 64;
	u128 p_lo = lo64 * SCALE;          /* < 2^128 */
	u128 p_mid = hi64 * SCALE;         /* < 2^127: hi64 < 2^64 */
	u128 lo = p_lo + (p_mid << 64);
	u128 hi = (p_mid >> 64) + (lo < p_lo ? 1 : 0);
	u128 q;
	if (div256(hi, lo, mb, &q))
		return -1;
	return from_mag((a.raw < 0) != (b.raw < 0) && q != 0, q, out);
}

/* --- long double --------------------------------------------------------- */

long double dec_to_ld(dec_t d)
{
	u128 m = mag(d.raw);
	long double v = (long double)(m / SCALE) + (long double)(m % SCALE) / 1e18L;
	return d.raw < 0 ? -v : v;
}

int dec_from_ld(long double v, dec_t *out)
{
	if (!isfinite(v))
		return -1;
	long double a = fabsl(v);
	/* (2^127 − 1) / 10^18 ≈ 1.7014e20 */
	if (a >= 170141183460469231731.0L)
		return -1;
	long double ip = truncl(a);
	long double fr = roundl((a - ip) * 1e18L);
	u128 m = (u128)ip * SCALE + (u128)fr;
	return from_mag(v < 0 && m != 0, m, out);
}

/* Shortest "%.*e" text that reads back as v (at most 17 digits), then
 * digits × 10^(exponent − digits + 1) scaled by 10^18, rounded half away
 * from zero at the 18th fraction digit. The radix character may be ',' under
 * some LC_NUMERIC; only digits and the exponent are read. */
int dec_from_double(double v, dec_t *out)
{
	if (!isfinite(v))
		return -1;
	if (v == 0) {
		out->raw = 0;
		return 0;
	}
	char buf[40];
	/* The fewest digits that read back (17 always do). Reading back is
	 * monotone in the precision when the doubles next to v are equally
	 * far (the correctly rounded text with one digit more is at least as
	 * near v): bisection. At a power of two the one below is half as far
	 * and it is not always (2^149: 15 digits read back, 16 do not): one
	 * precision after another there. */
	int lo = 0, hi = 16;
	int e2;
	if (fabs(frexp(v, &e2)) == 0.5) {
		for (hi = 0; hi < 16; hi++) {
			snprintf(buf, sizeof buf, "%.*e", hi, v);
			if (strtod(buf, NULL) == v)
				break;
		}
		lo = hi;
	}
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		snprintf(buf, sizeof buf, "%.*e", mid, v);
		if (strtod(buf, NULL) == v)
			hi = mid;
		else
			lo = mid + 1;
	}
	snprintf(buf, sizeof buf, "%.*e", lo, v);
	const char *s = buf;
	bool neg = *s == '-';
	if (neg)
		s++;
	u128 digits = 0;
	int nd = 0;
	for (; *s && *s != 'e' && *s != 'E'; s++) {
		if (*s >= '0' && *s <= '9') {
			digits = digits * 10 + (u128)(*s - '0');
			nd++;
		}
	}
	if (!*s || nd == 0)
		return -1;
	long exp10 = strtol(s + 1, NULL, 10);
	long shift = exp10 - (nd - 1) + DEC_FRAC_DIGITS;
	if (shift > 38)
		return -1;
	if (shift >= 0) {
		if (__builtin_mul_overflow(digits, pow10_u128((unsigned)shift), &digits))
			return -1;
	} else if (shift < -38) {
		digits = 0;
	} else {
		u128 p = pow10_u128((unsigned)-shift);
		digits = digits / p + (digits % p * 2 >= p ? 1 : 0);
	}
	return from_mag(neg && digits != 0, digits, out);
}

dec_t dec_round(dec_t d, unsigned frac_digits)
{
	if (frac_digits >= DEC_FRAC_DIGITS)
		return d;
	dec_i128 unit = 1;
	for (unsigned i = frac_digits; i < DEC_FRAC_DIGITS; i++)
		unit *= 10;
	dec_i128 rem = d.raw % unit, half = unit / 2;
	dec_t out = { d.raw - rem };
	if (rem >= half)
		out.raw += unit;
	else if (rem <= -half)
		out.raw -= unit;
	return out;
}
