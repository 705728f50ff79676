/* format.c — figures as text. */
#include "tui/term/format.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tui/term/theme.h"

static bool private_mode;

void fmt_set_private(bool on)
{
	private_mode = on;
}

bool fmt_private(void)
{
	return private_mode;
}

const char *fmt_mask(void)
{
	return theme_glyphs()->utf8 ? "\u2022\u2022\u2022" : "***";
}

/* In private mode: the mask into buf, true. */
static bool masked(char *buf, size_t len)
{
	if (!private_mode)
		return false;
	snprintf(buf, len, "%s", fmt_mask());
	return true;
}

void fmt_amount(long double v, int decimals, char *buf, size_t len)
{
	if (!masked(buf, len))
		fmt_number(v, decimals, buf, len);
}

void fmt_dec(dec_t q, char *buf, size_t len)
{
	char s[DEC_STR_MAX];
	if (masked(buf, len))
		return;
	dec_format(q, s, sizeof s);
	snprintf(buf, len, "%s", s);
}

int fmt_pad(const char *s, int width)
{
	int extra = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		extra += (*p & 0xC0) == 0x80;
	return width < 0 ? width - extra : width + extra;
}

void fmt_number(long double v, int decimals, char *buf, size_t len)
{
	char raw[64], out[96];
	if (!isfinite((double)v)) {
		snprintf(buf, len, "-");
		return;
	}
	snprintf(raw, sizeof raw, "%.*Lf", decimals, v);
	const char *p = raw;
	size_t o = 0;
	if (*p == '-')
		out[o++] = *p++;
	size_t int_len = strcspn(p, ".");
	for (size_t i = 0; i < int_len; i++) {
		out[o++] = p[i];
		size_t rest = int_len - i - 1;
		if (rest > 0 && rest % 3 == 0)
			out[o++] = ',';
	}
	snprintf(out + o, sizeof out - o, "%s", p + int_len);
	/* "-0.00" reads as a loss; show "0.00" */
	if (strspn(out, "-0.,") == strlen(out) && out[0] == '-')
		memmove(out, out + 1, strlen(out));
	snprintf(buf, len, "%s", out);
}

void fmt_money(const struct figure *f, char *buf, size_t len)
{
	if (!f->has) {
		snprintf(buf, len, "-");
		return;
	}
	if (masked(buf, len))
		return;
	fmt_number(f->v, 2, buf, len);
}

void fmt_bps(const struct figure *f, char *buf, size_t len)
{
	if (!f->has || !isfinite((double)f->v)) {
		snprintf(buf, len, "-");
		return;
	}
	long double v = roundl(f->v * 10) / 10;
	if (v == 0)
		v = 0; /* no "-0.0" */
	snprintf(buf, len, "%+.1Lf", v);
}

void fmt_pct(const struct figure *f, char *buf, size_t len)
{
	if (!f->has || !isfinite((double)f->v)) {
		snprintf(buf, len, "-");
		return;
	}
	snprintf(buf, len, "%.2Lf%%", f->v * 100);
}

void fmt_rate(const struct figure *f, char *buf, size_t len)
{
	if (!f->has || !isfinite((double)f->v)) {
		snprintf(buf, len, "-");
		return;
	}
	snprintf(buf, len, "%.6Lf", f->v);
}

void fmt_quantity(dec_t q, char *buf, size_t len)
{
	char s[DEC_STR_MAX];
	if (masked(buf, len))
		return;
	dec_format(q, s, sizeof s);
	char *dot = strchr(s, '.');
	if (dot && strlen(dot + 1) > 6)
		dot[7] = 0;
	long double whole = dec_to_ld(q);
	if (fabsl(whole) >= 1000) {
		/* thousands separators on the integer part, exact digits kept */
		char ip[DEC_STR_MAX], out[DEC_STR_MAX + 16];
		size_t n = dot ? (size_t)(dot - s) : strlen(s), o = 0;
		memcpy(ip, s, n);
		ip[n] = 0;
		size_t start = ip[0] == '-' ? 1 : 0;
		if (start)
			out[o++] = '-';
		for (size_t i = start; i < n; i++) {
			out[o++] = ip[i];
			size_t rest = n - i - 1;
			if (rest > 0 && rest % 3 == 0)
				out[o++] = ',';
		}
		snprintf(out + o, sizeof out - o, "%s", dot ? dot : "");
		snprintf(buf, len, "%s", out);
		return;
	}
	snprintf(buf, len, "%s", s);
}
