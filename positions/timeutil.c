/* timeutil.c — civil-date arithmetic (Howard Hinnant's algorithm) and
 * strict ISO-8601 parsing. */
#include "positions/timeutil.h"

#include <stdio.h>
#include <string.h>

int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	const int64_t era = (y >= 0 ? y : y - 399) / 400;
	const unsigned yoe = (unsigned)(y - era * 400);
	const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	z += 719468;
	const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	const unsigned doe = (unsigned)(z - era * 146097);
	const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	const unsigned mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int64_t)yoe + era * 400 + (*m <= 2);
}

static int digits(const char *s, size_t n, unsigned *out)
{
	unsigned v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	*out = v;
	return 0;
}

static int month_days(unsigned y, unsigned m)
{
	static const int md[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return md[m - 1];
}

static int parse_date_part(const char *s, int64_t *days, char *err, size_t errlen)
{
	unsigned y, m, d;
	if (strlen(s) < 10 || s[4] != '-' || s[7] != '-' || digits(s, 4, &y) < 0 ||
	    digits(s + 5, 2, &m) < 0 || digits(s + 8, 2, &d) < 0) {
		snprintf(err, errlen, "expected a date YYYY-MM-DD");
		return -1;
	}
	if (y < 1970 || y > 9999 || m < 1 || m > 12 || d < 1 || (int)d > month_days(y, m)) {
		snprintf(err, errlen, "no such date: %.10s", s);
		return -1;
	}
	*days = days_from_civil(y, m, d);
	return 0;
}

int date_parse(const char *s, int64_t *out, char *err, size_t errlen)
{
	int64_t days;
	if (strlen(s) != 10) {
		snprintf(err, errlen, "expected a date YYYY-MM-DD");
		return -1;
	}
	if (parse_date_part(s, &days, err, errlen) < 0)
		return -1;
	*out = days * 86400;
	return 0;
}

int date_parse_opening(const char *s, int64_t now, int64_t *out, char *err, size_t errlen)
{
	char today[16];
	if (!s[0]) {
		snprintf(err, errlen, "empty: give a date YYYY-MM-DD, or leave it out");
		return -1;
	}
	if (date_parse(s, out, err, errlen) < 0)
		return -1;
	if (*out > now) {
		time_format_date(now, today, sizeof today);
		snprintf(err, errlen, "%.10s is in the future (today is %s)", s, today);
		return -1;
	}
	return 0;
}

int time_parse_iso(const char *s, int64_t *out, char *err, size_t errlen)
{
	int64_t days;
	unsigned hh, mm, ss = 0;
	if (parse_date_part(s, &days, err, errlen) < 0)
		return -1;
	const char *p = s + 10;
	if (*p == 0) {
		*out = days * 86400;
		return 0;
	}
	if ((*p != 'T' && *p != ' ') || digits(p + 1, 2, &hh) < 0 || p[3] != ':' ||
	    digits(p + 4, 2, &mm) < 0)
		goto bad;
	p += 6;
	if (*p == ':') {
		if (digits(p + 1, 2, &ss) < 0)
			goto bad;
		p += 3;
		if (*p == '.') {
			size_t n = strspn(p + 1, "0123456789");
			if (n == 0 || n > 9)
				goto bad;
			p += 1 + n;
		}
	}
	if (hh > 23 || mm > 59 || ss > 60)
		goto bad;
	int64_t t = days * 86400 + hh * 3600 + mm * 60 + ss;
	/* no zone: UTC, as every time staketop shows */
	if (*p == 0 || (*p == 'Z' && p[1] == 0)) {
		*out = t;
		return 0;
	}
	if ((*p == '+' || *p == '-') && strlen(p) == 6 && p[3] == ':') {
		unsigned oh, om;
		if (digits(p + 1, 2, &oh) < 0 || digits(p + 4, 2, &om) < 0 || oh > 23 || om > 59)
			goto bad;
		int64_t off = oh * 3600 + om * 60;
		*out = *p == '+' ? t - off : t + off;
		return 0;
	}
bad:
	if (err)
		snprintf(err, errlen, "expected a date 2026-11-25 or a time such as 2026-11-25T08:00 "
		                      "(UTC unless it ends in +HH:MM or -HH:MM)");
	return -1;
}

void time_format_iso(int64_t t, char *buf, size_t len)
{
	int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
	int64_t rem = t - days * 86400, y;
	unsigned m, d;
	civil_from_days(days, &y, &m, &d);
	snprintf(buf, len, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", (long long)y, m, d,
	         (long long)(rem / 3600), (long long)(rem / 60 % 60), (long long)(rem % 60));
}

void time_format_date(int64_t t, char *buf, size_t len)
{
	char iso[32];
	time_format_iso(t, iso, sizeof iso);
	snprintf(buf, len, "%.10s", iso);
}

void time_format_minute(int64_t t, char *buf, size_t len)
{
	char iso[32];
	time_format_iso(t, iso, sizeof iso);
	snprintf(buf, len, "%.10s %.5s UTC", iso, iso + 11);
}

void time_format_age(int64_t s, char *buf, size_t len)
{
	if (s < 0)
		s = 0;
	if (s < 60)
		snprintf(buf, len, "%llds", (long long)s);
	else if (s < 3600)
		snprintf(buf, len, "%lldm", (long long)(s / 60));
	else if (s < 86400 * 2)
		snprintf(buf, len, "%lldh", (long long)(s / 3600));
	else if (s < 86400 * 14)
		snprintf(buf, len, "%lldd", (long long)(s / 86400));
	else
		snprintf(buf, len, "%lldw", (long long)(s / (86400 * 7)));
}
