/* json_out.c — the streaming JSON writer. */
#include "tui/app/json_out.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "positions/grow.h"

void json_out_init(struct json_out *j, FILE *sink)
{
	memset(j, 0, sizeof *j);
	j->sink = sink;
}

void json_out_done(struct json_out *j)
{
	free(j->buf);
	memset(j, 0, sizeof *j);
}

static bool reserve(struct json_out *j, size_t more)
{
	if (j->failed)
		return false;
	if (j->sink && j->len + more + 1 > JSON_OUT_CHUNK && j->len > 0) {
		if (fwrite(j->buf, 1, j->len, j->sink) != j->len) {
			j->failed = true;
			return false;
		}
		j->len = 0;
	}
	char *nb = grow(j->buf, 1, &j->cap, j->len + more + 1, 4096);
	if (!nb) {
		j->failed = true;
		return false;
	}
	j->buf = nb;
	return true;
}

static void put(struct json_out *j, const char *s, size_t n)
{
	if (!reserve(j, n))
		return;
	memcpy(j->buf + j->len, s, n);
	j->len += n;
	j->buf[j->len] = 0;
}

static void put_escaped(struct json_out *j, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	put(j, "\"", 1);
	const char *run = s;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p >= 0x20 && *p != '"' && *p != '\\')
			continue;
		put(j, run, (size_t)((const char *)p - run));
		char esc[7] = { '\\', (char)*p, 0 };
		size_t n = 2;
		if (*p == '\n')
			esc[1] = 'n';
		else if (*p == '\t')
			esc[1] = 't';
		else if (*p < 0x20) {
			memcpy(esc, "\\u00", 4);
			esc[4] = hex[*p >> 4];
			esc[5] = hex[*p & 15];
			n = 6;
		}
		put(j, esc, n);
		run = (const char *)p + 1;
	}
	put(j, run, strlen(run));
	put(j, "\"", 1);
}

/* The comma and the key before a value. Keys are the program's own
 * names (never outside text), written as they are. */
static void member(struct json_out *j, const char *key)
{
	if (j->depth > 0) {
		if (j->has_item[j->depth])
			put(j, ",", 1);
		j->has_item[j->depth] = true;
	}
	if (key) {
		/* keys are our own names: plain ASCII, nothing to escape */
		size_t n = strlen(key);
		if (!reserve(j, n + 3))
			return;
		char *o = j->buf + j->len;
		o[0] = '"';
		memcpy(o + 1, key, n);
		o[n + 1] = '"';
		o[n + 2] = ':';
		j->len += n + 3;
		j->buf[j->len] = 0;
	}
}

static void open_(struct json_out *j, const char *key, const char *c)
{
	member(j, key);
	put(j, c, 1);
	if (j->depth + 1 >= JSON_OUT_MAX_DEPTH) {
		j->failed = true;
		return;
	}
	j->has_item[++j->depth] = false;
}

static void close_(struct json_out *j, const char *c)
{
	if (j->depth <= 0) {
		j->failed = true;
		return;
	}
	j->depth--;
	put(j, c, 1);
}

void json_begin_object(struct json_out *j, const char *key) { open_(j, key, "{"); }
void json_end_object(struct json_out *j) { close_(j, "}"); }
void json_begin_array(struct json_out *j, const char *key) { open_(j, key, "["); }
void json_end_array(struct json_out *j) { close_(j, "]"); }

void json_string(struct json_out *j, const char *key, const char *s)
{
	member(j, key);
	put_escaped(j, s);
}

void json_null(struct json_out *j, const char *key)
{
	member(j, key);
	put(j, "null", 4);
}

void json_bool(struct json_out *j, const char *key, bool b)
{
	member(j, key);
	put(j, b ? "true" : "false", b ? 4 : 5);
}

/* Digits of v (< 10^19) into the end of buf; returns the start. */
static char *utoa_end(uint64_t v, char *end)
{
	do {
		*--end = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	return end;
}

void json_int(struct json_out *j, const char *key, int64_t v)
{
	char buf[24], *end = buf + sizeof buf;
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	char *p = utoa_end(u, end);
	if (v < 0)
		*--p = '-';
	member(j, key);
	put(j, p, (size_t)(end - p));
}

void json_decimal(struct json_out *j, const char *key, long double v, int decimals)
{
	static const uint64_t pow10[] = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000,
		                          100000000, 1000000000, 10000000000ULL,
		                          100000000000ULL, 1000000000000ULL };
	if (!isfinite(v)) {
		json_null(j, key);
		return;
	}
	if (decimals < 0)
		decimals = 0;
	if (decimals > 12)
		decimals = 12;
	long double scaled = roundl(fabsl(v) * (long double)pow10[decimals]);
	if (scaled >= 1e18L) {
		/* beyond 64-bit fixed point: let printf do it */
		char buf[64];
		int n = snprintf(buf, sizeof buf, "%.*Lf", decimals, v);
		while (decimals > 0 && n > 1 && buf[n - 1] == '0')
			n--;
		if (n > 0 && buf[n - 1] == '.')
			n--;
		member(j, key);
		put(j, buf, (size_t)n);
		return;
	}
	uint64_t u = (uint64_t)scaled, ip = u / pow10[decimals], fp = u % pow10[decimals];
	char buf[48], *end = buf + sizeof buf, *p = end;
	int d = decimals;
	while (d > 0 && fp % 10 == 0) { /* drop trailing zeros */
		fp /= 10;
		d--;
	}
	if (d > 0) {
		for (int i = 0; i < d; i++) {
			*--p = (char)('0' + fp % 10);
			fp /= 10;
		}
		*--p = '.';
	}
	p = utoa_end(ip, p);
	if (v < 0 && u != 0)
		*--p = '-';
	member(j, key);
	put(j, p, (size_t)(end - p));
}

void json_number(struct json_out *j, const char *key, double v)
{
	char buf[32];
	int n;
	if (!isfinite(v)) {
		json_null(j, key);
		return;
	}
	if (v >= INT_MIN && v <= INT_MAX && v == (double)(int)v) {
		json_int(j, key, (int)v);
		return;
	}
	n = snprintf(buf, sizeof buf, "%1.15g", v);
	double back;
	if (sscanf(buf, "%lg", &back) != 1 ||
	    fabs(back - v) > (fabs(back) > fabs(v) ? fabs(back) : fabs(v)) * DBL_EPSILON)
		n = snprintf(buf, sizeof buf, "%1.17g", v);
	member(j, key);
	put(j, buf, (size_t)n);
}

int json_out_write(struct json_out *j, FILE *f)
{
	FILE *out = j->sink ? j->sink : f;
	if (j->failed || j->depth != 0 || !j->buf)
		return -1;
	if (fwrite(j->buf, 1, j->len, out) != j->len || fputc('\n', out) == EOF)
		return -1;
	return 0;
}
