/* feed.c — shared helpers of the feed parsers: safe text, strict JSON,
 * value checks, a string builder. */
#include "pricing/feed.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "positions/grow.h"
#include "positions/text.h"
#include "positions/timeutil.h"

/* --- safe text --------------------------------------------------------- */

/* Code points a terminal would act on though they are valid UTF-8: line
 * and paragraph separators and the bidirectional overrides/isolates
 * (U+2028..U+202E, U+2066..U+2069), all E2 80 A8..AE / E2 81 A6..A9. */
static size_t special_len(const unsigned char *p)
{
	if (p[0] != 0xe2)
		return 0;
	if (p[1] == 0x80 && p[2] >= 0xa8 && p[2] <= 0xae)
		return 3;
	if (p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9)
		return 3;
	return 0;
}

/* Length of the escape sequence starting with ESC at p (at least 1). */
static size_t escape_len(const unsigned char *p)
{
	size_t i = 1;
	if (p[1] == '[') { /* CSI: parameters, intermediates, one final byte */
		i = 2;
		while (p[i] >= 0x20 && p[i] <= 0x3f)
			i++;
		if (p[i] >= 0x40 && p[i] <= 0x7e)
			i++;
	} else if (p[1] == ']') { /* OSC: up to BEL or ESC \ */
		i = 2;
		while (p[i] && p[i] != 0x07 && p[i] != 0x1b)
			i++;
		if (p[i] == 0x07)
			i++;
		else if (p[i] == 0x1b && p[i + 1] == '\\')
			i += 2;
	} else if (p[1] >= 0x40 && p[1] <= 0x5f) { /* two-byte escape */
		i = 2;
	}
	return i;
}

void feed_sanitize(char *s)
{
	if (!s)
		return;
	unsigned char *r = (unsigned char *)s, *w = r;
	while (*r) {
		size_t skip = 0;
		if (*r == 0x1b)
			skip = escape_len(r);
		else
			skip = special_len(r);
		if (skip) {
			*w++ = '?';
			r += skip;
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
	text_sanitize(s); /* C0, DEL, C1 and invalid UTF-8, byte by byte */
}

void feed_quote(char *dst, size_t dstlen, const char *src, size_t n, size_t max)
{
	if (!dst || dstlen == 0)
		return;
	dst[0] = '\0';
	if (!src)
		return;
	size_t len = strnlen(src, n);
	size_t room = dstlen > 4 ? dstlen - 4 : 0; /* room for "..." */
	size_t lim = max < room ? max : room;
	bool cut = len > lim;
	if (cut) {
		len = lim;
		while (len > 0 && ((unsigned char)src[len] & 0xc0) == 0x80)
			len--;
	}
	if (len >= dstlen)
		len = dstlen - 1;
	memcpy(dst, src, len);
	dst[len] = '\0';
	feed_sanitize(dst);
	if (cut && dstlen > 4)
		strcat(dst, "...");
}

static void vformat(char *err, size_t errlen, const char *fmt, va_list ap)
{
	if (!err || errlen == 0)
		return;
	vsnprintf(err, errlen, fmt, ap);
	feed_sanitize(err);
}

int feed_fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vformat(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

void feed_issues_init(struct feed_issues *is, char *err, size_t errlen)
{
	is->err = err;
	is->errlen = errlen;
	is->count = 0;
	if (err && errlen)
		err[0] = '\0';
}

void feed_issue(struct feed_issues *is, const char *fmt, ...)
{
	if (is->count++ > 0)
		return;
	va_list ap;
	va_start(ap, fmt);
	vformat(is->err, is->errlen, fmt, ap);
	va_end(ap);
}

void feed_issues_finish(struct feed_issues *is)
{
	if (is->count < 2 || !is->err || is->errlen == 0)
		return;
	char more[40];
	int m = snprintf(more, sizeof more, " and %zu more", is->count - 1);
	if (m < 0 || (size_t)m >= is->errlen)
		return;
	size_t len = strlen(is->err), keep = is->errlen - 1 - (size_t)m;
	if (len > keep) {
		len = keep;
		while (len > 0 && ((unsigned char)is->err[len] & 0xc0) == 0x80)
			len--;
		is->err[len] = '\0';
	}
	memcpy(is->err + len, more, (size_t)m + 1);
}

/* --- a provider's hold -------------------------------------------------- */

int64_t feed_hold_until(bool failed, long status, double seconds, long retry_after_s,
                        int64_t now)
{
	if (!failed || (status != 429 && status != 503) || retry_after_s < 0)
		return 0;
	return now + (int64_t)ceil(seconds) + retry_after_s;
}

void feed_rate_limited(char *buf, size_t len, int64_t until)
{
	char iso[ISO_TIME_LEN];
	const int64_t sec = (until % 60 + 60) % 60;
	time_format_iso(sec ? until - sec + 60 : until, iso, sizeof iso);
	snprintf(buf, len, "rate limited until %.5s", iso + 11);
}

/* --- JSON scanning ----------------------------------------------------- */

size_t feed_json_ws(const char *s, size_t len, size_t i)
{
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i;
}

/* Bytes that end a run of plain string content: '"', '\\' and controls. */
static const unsigned char STR_STOP[256] = {
	[0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1,
	[0x07] = 1, [0x08] = 1, [0x09] = 1, [0x0a] = 1, [0x0b] = 1, [0x0c] = 1, [0x0d] = 1,
	[0x0e] = 1, [0x0f] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1,
	[0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1a] = 1, [0x1b] = 1,
	[0x1c] = 1, [0x1d] = 1, [0x1e] = 1, [0x1f] = 1, ['"'] = 1, ['\\'] = 1,
};

/* A string whose opening quote is at *ip. */
static enum feed_scan skip_string(const char *s, size_t len, size_t *ip)
{
	size_t i = *ip + 1;
	for (;;) {
		while (i < len && !STR_STOP[(unsigned char)s[i]])
			i++;
		if (i >= len) {
			*ip = len;
			return FEED_SCAN_TRUNCATED;
		}
		if (s[i] == '"') {
			*ip = i + 1;
			return FEED_SCAN_OK;
		}
		if (s[i] != '\\') { /* a raw control character */
			*ip = i;
			return FEED_SCAN_BAD;
		}
		if (i + 1 >= len) { /* a backslash: it and the next byte */
			*ip = len;
			return FEED_SCAN_TRUNCATED;
		}
		i += 2;
	}
}

static enum feed_scan skip_scalar(const char *s, size_t len, size_t *ip)
{
	size_t i = *ip;
	char c = s[i];
	if (c == '"')
		return skip_string(s, len, ip);
	if (c == '-' || (c >= '0' && c <= '9')) {
		while (i < len && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == 'e' ||
		                   s[i] == 'E' || s[i] == '+' || s[i] == '-'))
			i++;
		*ip = i;
		return FEED_SCAN_OK;
	}
	const char *lit = c == 't' ? "true" : c == 'f' ? "false" : c == 'n' ? "null" : NULL;
	if (!lit)
		return FEED_SCAN_BAD;
	size_t n = strlen(lit);
	for (size_t k = 0; k < n; k++, i++) {
		if (i >= len) {
			*ip = len;
			return FEED_SCAN_TRUNCATED;
		}
		if (s[i] != lit[k]) {
			*ip = i;
			return FEED_SCAN_BAD;
		}
	}
	*ip = i;
	return FEED_SCAN_OK;
}

enum feed_scan feed_json_skip(const char *s, size_t len, size_t pos, size_t *end)
{
	char stack[FEED_JSON_MAX_DEPTH];
	size_t depth = 0, i = feed_json_ws(s, len, pos);
	enum { VALUE, KEY, AFTER } want = VALUE;
	enum feed_scan r = FEED_SCAN_OK;

	for (;;) {
		if (want != AFTER || depth > 0)
			i = feed_json_ws(s, len, i);
		if (want == AFTER && depth == 0)
			break;
		if (i >= len) {
			r = FEED_SCAN_TRUNCATED;
			break;
		}
		char c = s[i];
		if (want == KEY) {
			if (c != '"' || (r = skip_string(s, len, &i)) != FEED_SCAN_OK)
				break;
			i = feed_json_ws(s, len, i);
			if (i >= len) {
				r = FEED_SCAN_TRUNCATED;
				break;
			}
			if (s[i] != ':')
				break;
			i++;
			want = VALUE;
		} else if (want == VALUE) {
			if (c == '{' || c == '[') {
				if (depth == FEED_JSON_MAX_DEPTH)
					break;
				stack[depth++] = c;
				i = feed_json_ws(s, len, i + 1);
				if (i >= len) {
					r = FEED_SCAN_TRUNCATED;
					break;
				}
				if (s[i] == (c == '{' ? '}' : ']')) {
					depth--;
					i++;
					want = AFTER;
				} else {
					want = c == '{' ? KEY : VALUE;
				}
			} else {
				if ((r = skip_scalar(s, len, &i)) != FEED_SCAN_OK)
					break;
				want = AFTER;
			}
		} else { /* AFTER, inside a container */
			char open = stack[depth - 1];
			if (c == ',') {
				i++;
				want = open == '{' ? KEY : VALUE;
			} else if (c == (open == '{' ? '}' : ']')) {
				depth--;
				i++;
			} else {
				break;
			}
		}
	}
	if (want == AFTER && depth == 0 && r == FEED_SCAN_OK) {
		*end = i;
		return FEED_SCAN_OK;
	}
	*end = r == FEED_SCAN_TRUNCATED ? len : i;
	return r == FEED_SCAN_TRUNCATED ? FEED_SCAN_TRUNCATED : FEED_SCAN_BAD;
}

cJSON *feed_json_parse(const char *body, size_t len, char *err, size_t errlen)
{
	if (!body || feed_json_ws(body, len, 0) >= len) {
		feed_fail(err, errlen, "empty response");
		return NULL;
	}
	size_t start = feed_json_ws(body, len, 0);
	if (body[start] == '<') {
		feed_fail(err, errlen, "not JSON (starts with '<', an HTML page?)");
		return NULL;
	}
	const char *stop = NULL;
	cJSON *j = cJSON_ParseWithLengthOpts(body, len, &stop, 0);
	size_t at = stop && stop >= body && stop <= body + len ? (size_t)(stop - body) : 0;
	if (j) {
		at = feed_json_ws(body, len, at);
		if (at == len)
			return j;
		cJSON_Delete(j);
		feed_fail(err, errlen, "malformed JSON at byte %zu (data after the end)", at);
		return NULL;
	}
	size_t end = 0;
	enum feed_scan r = feed_json_skip(body, len, 0, &end);
	if (r == FEED_SCAN_TRUNCATED)
		feed_fail(err, errlen, "truncated JSON (ends after %zu bytes)", len);
	else
		feed_fail(err, errlen, "malformed JSON at byte %zu", r == FEED_SCAN_BAD ? end : at);
	return NULL;
}

const char *feed_json_type(const cJSON *j)
{
	if (!j)
		return "nothing";
	if (cJSON_IsObject(j))
		return "object";
	if (cJSON_IsArray(j))
		return "array";
	if (cJSON_IsString(j))
		return "string";
	if (cJSON_IsNumber(j))
		return "number";
	if (cJSON_IsBool(j))
		return "bool";
	if (cJSON_IsNull(j))
		return "null";
	return "something else";
}

int feed_fail_type(char *err, size_t errlen, const char *want, const char *path,
                   const cJSON *got)
{
	return feed_fail(err, errlen, "expected %s at %s, got %s", want, path, feed_json_type(got));
}

int feed_json_value(const cJSON *j, const char *path, enum obs_kind k, double scale,
                    struct feed_issues *is, double *out)
{
	if (!j) {
		feed_issue(is, "%s missing", path);
		return -1;
	}
	if (cJSON_IsNull(j)) {
		feed_issue(is, "%s is null", path);
		return -1;
	}
	if (cJSON_IsString(j)) {
		char q[FEED_QUOTE_MAX + 4];
		feed_quote(q, sizeof q, j->valuestring, FEED_QUOTE_MAX, 24);
		feed_issue(is, "%s is a string ('%s'), expected a number", path, q);
		return -1;
	}
	if (!cJSON_IsNumber(j)) {
		const char *t = feed_json_type(j);
		feed_issue(is, "%s is %s %s, expected a number", path,
		           t[0] == 'a' || t[0] == 'o' ? "an" : "a", t);
		return -1;
	}
	double v = j->valuedouble * scale;
	const char *why = obs_value_check(k, v);
	if (why) {
		bool is_ = strncmp(why, "out", 3) != 0;
		feed_issue(is, "%s %s%s (%g)", path, is_ ? "is " : "", why, j->valuedouble);
		return -1;
	}
	*out = v;
	return 0;
}

int64_t feed_json_ts(const cJSON *j, int64_t now)
{
	if (!cJSON_IsNumber(j))
		return now;
	double t = j->valuedouble;
	if (!isfinite(t) || t < 1e9 || t > 1e11 || t != floor(t))
		return now;
	if (now > 0 && t > (double)now + 3600)
		return now;
	return (int64_t)t;
}

void feed_rpc_error_text(const cJSON *error, char *buf, size_t buflen)
{
	char q[FEED_QUOTE_MAX + 4] = "";
	const cJSON *code = cJSON_GetObjectItemCaseSensitive(error, "code");
	const cJSON *msg = cJSON_IsString(error) ? error
	                                         : cJSON_GetObjectItemCaseSensitive(error, "message");
	if (cJSON_IsString(msg))
		feed_quote(q, sizeof q, msg->valuestring, FEED_QUOTE_MAX * 2, FEED_QUOTE_MAX);
	if (cJSON_IsNumber(code) && fabs(code->valuedouble) < 1e15)
		feed_fail(buf, buflen, "JSON-RPC error %.0f '%s'", code->valuedouble, q);
	else
		feed_fail(buf, buflen, "JSON-RPC error '%s'", q);
}

int feed_push(struct obs_list *out, const char *asset, enum obs_kind k, const char *source,
              int64_t ts, double value)
{
	struct observation o;
	memset(&o, 0, sizeof o);
	snprintf(o.asset, sizeof o.asset, "%s", asset);
	snprintf(o.source, sizeof o.source, "%s", source);
	o.kind = k;
	o.ts = ts;
	o.value = value;
	return obs_list_push(out, &o);
}

bool feed_key_first(const struct catalog *cat, size_t i, feed_key_fn key_of, const void *ctx)
{
	const char *key = key_of(cat, i, ctx);
	if (!key || !key[0])
		return false;
	for (size_t j = 0; j < i; j++) {
		const char *kj = key_of(cat, j, ctx);
		if (kj && strcmp(kj, key) == 0)
			return false;
	}
	return true;
}

int feed_push_key(struct obs_list *out, const struct catalog *cat, size_t i, feed_key_fn key_of,
                  const void *ctx, enum obs_kind k, const char *source, int64_t ts,
                  double value)
{
	const char *key = key_of(cat, i, ctx);
	for (size_t j = i; key && j < cat->n; j++) {
		const char *kj = key_of(cat, j, ctx);
		if (!kj || strcmp(kj, key) != 0)
			continue;
		if (feed_push(out, cat->assets[j].symbol, k, source, ts, value) < 0)
			return -1;
	}
	return 0;
}

/* --- building requests ------------------------------------------------- */

static bool buf_reserve(struct feed_buf *b, size_t more)
{
	if (b->failed)
		return false;
	char *s = grow(b->s, 1, &b->cap, b->len + more + 1, 256);
	if (!s) {
		b->failed = true;
		return false;
	}
	b->s = s;
	return true;
}

void feed_buf_printf(struct feed_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->failed = true;
		return;
	}
	if (!buf_reserve(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void feed_buf_urlenc(struct feed_buf *b, const char *src)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)src; *p; p++) {
		if (!buf_reserve(b, 3))
			return;
		unsigned char c = *p;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '.' || c == '_' || c == '~' || c == ':') {
			b->s[b->len++] = (char)c;
		} else {
			b->s[b->len++] = '%';
			b->s[b->len++] = hex[c >> 4];
			b->s[b->len++] = hex[c & 15];
		}
		b->s[b->len] = '\0';
	}
}

char *feed_buf_take(struct feed_buf *b)
{
	if (b->failed || !buf_reserve(b, 0)) {
		feed_buf_done(b);
		return NULL;
	}
	b->s[b->len] = '\0';
	char *s = b->s;
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void feed_buf_done(struct feed_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
	b->failed = false;
}

void feed_urls_free(char **urls, size_t n)
{
	if (!urls)
		return;
	for (size_t i = 0; i < n; i++)
		free(urls[i]);
	free(urls);
}

size_t feed_base_len(const char *base)
{
	size_t n = base ? strlen(base) : 0;
	while (n > 0 && base[n - 1] == '/')
		n--;
	return n;
}

int feed_rpc_top(const cJSON *root, bool *batch, char *err, size_t errlen)
{
	*batch = cJSON_IsArray(root);
	if (cJSON_IsObject(root)) {
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(root, "id");
		const cJSON *e = cJSON_GetObjectItemCaseSensitive(root, "error");
		if (e && !cJSON_IsNull(e) && (!id || cJSON_IsNull(id))) {
			feed_rpc_error_text(e, err, errlen);
			return -1;
		}
	} else if (!*batch) {
		return feed_fail_type(err, errlen, "array", "the top level", root);
	}
	return 0;
}
