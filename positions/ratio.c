/* ratio.c — exact rates and exact rescaling through 256-bit intermediates
 * (a 128-bit quantity times two 128-bit factors needs up to 256 bits). */
#include "positions/ratio.h"

#include <stdio.h>
#include <string.h>

typedef ratio_u128 u128;

/* A 256-bit unsigned integer, hi:lo. */
struct u256 {
	u128 hi, lo;
};

static struct u256 mul128(u128 a, u128 b)
{
	const u128 m = ((u128)1 << 64) - 1;
	u128 a0 = a & m, a1 = a >> 64, b0 = b & m, b1 = b >> 64;
	u128 p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
	u128 mid = (p00 >> 64) + (p01 & m) + (p10 & m);
	struct u256 r;
	r.lo = (p00 & m) | (mid << 64);
	r.hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
	return r;
}

/* x × b; -1 on overflow of 256 bits. */
static int mul256(struct u256 x, u128 b, struct u256 *out)
{
	struct u256 lo = mul128(x.lo, b), hi = mul128(x.hi, b);
	if (hi.hi)
		return -1;
	u128 h = lo.hi + hi.lo;
	if (h < lo.hi)
		return -1;
	out->lo = lo.lo;
	out->hi = h;
	return 0;
}

/* floor(x / d), 256 bits by 128; -1 when d = 0. The high half divides
 * directly; the low half by binary long division (128 steps of shift and
 * subtract) with the remainder carried in. */
static int div256(struct u256 x, u128 d, struct u256 *out)
{
	if (!d)
		return -1;
	out->hi = x.hi / d;
	u128 rem = x.hi % d, q = 0;
	for (int i = 127; i >= 0; i--) {
		bool carry = rem >> 127;
		rem = rem << 1 | ((x.lo >> i) & 1);
		q <<= 1;
		if (carry || rem >= d) {
			rem -= d;
			q |= 1;
		}
	}
	out->lo = q;
	return 0;
}

static const u128 E18 = (u128)1000000000000000000ULL;

static int parse_u128(const char *s, size_t n, u128 *out)
{
	u128 v = 0;
	if (n == 0 || n > 39)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		u128 nv = v * 10 + (u128)(s[i] - '0');
		if (nv / 10 != v)
			return -1;
		v = nv;
	}
	*out = v;
	return 0;
}

int ratio_parse(const char *s, struct ratio *out)
{
	const char *slash = s ? strchr(s, '/') : NULL;
	struct ratio r;
	if (!slash || parse_u128(s, (size_t)(slash - s), &r.num) < 0 ||
	    parse_u128(slash + 1, strlen(slash + 1), &r.den) < 0 || !r.num || !r.den)
		return -1;
	*out = r;
	return 0;
}

static size_t u128_text(u128 v, char *buf)
{
	char t[40];
	size_t n = 0;
	do {
		t[n++] = (char)('0' + (int)(v % 10));
		v /= 10;
	} while (v);
	for (size_t i = 0; i < n; i++)
		buf[i] = t[n - 1 - i];
	return n;
}

void ratio_format(struct ratio r, char *buf, size_t len)
{
	char t[RATIO_STR_MAX];
	size_t n = u128_text(r.num, t);
	t[n++] = '/';
	n += u128_text(r.den, t + n);
	t[n] = 0;
	snprintf(buf, len, "%s", t);
}

int ratio_from_dec(dec_t d, struct ratio *out)
{
	if (d.raw <= 0)
		return -1;
	out->num = (u128)d.raw;
	out->den = E18;
	return 0;
}

int ratio_from_scaled(u128 num, unsigned scale, struct ratio *out)
{
	u128 den = 1;
	if (!num || scale > 38)
		return -1;
	for (unsigned i = 0; i < scale; i++)
		den *= 10;
	out->num = num;
	out->den = den;
	return 0;
}

long double ratio_to_ld(struct ratio r)
{
	return (long double)r.num / (long double)r.den;
}

/* floor(|q| × a × b / (c × d)) with q's sign; -1 when it does not fit.
 * floor(floor(x / c) / d) = floor(x / (c × d)) for positive integers. */
static int scale(dec_t q, u128 a, u128 b, u128 c, u128 d, dec_t *out)
{
	bool neg = q.raw < 0;
	u128 mag = neg ? (u128)0 - (u128)q.raw : (u128)q.raw, r;
	struct u256 x = mul128(mag, a), t;
	if (mul256(x, b, &x) < 0 || div256(x, c, &t) < 0 || div256(t, d, &t) < 0 || t.hi)
		return -1;
	r = t.lo;
	if (r > (((u128)1 << 127) - 1))
		return -1;
	out->raw = neg ? -(dec_i128)r : (dec_i128)r;
	return 0;
}

int ratio_rescale(dec_t q, struct ratio now, struct ratio then, dec_t *out)
{
	return scale(q, now.num, then.den, now.den, then.num, out);
}

int ratio_divide(dec_t q, struct ratio r, dec_t *out)
{
	return scale(q, r.den, 1, r.num, 1, out);
}
