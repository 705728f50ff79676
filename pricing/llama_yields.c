/* llama_yields.c — DefiLlama /pools: one scan of the text, cJSON only for
 * the elements that can match the catalog. */
#define _GNU_SOURCE /* memmem */
#include "pricing/llama_yields.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pricing/feed.h"

/* What the scan found for one catalog asset. */
struct found {
	bool wanted;        /* has llama_pool or a well-formed llama_match */
	bool by_pool;
	bool has;           /* a usable APR was found */
	bool bad_seen;      /* a matching pool had no usable APR */
	double apr, tvl;
	char chain[CHAIN_MAX + 8], project[FEEDID_MAX], symbol[FEEDID_MAX];
};

/* A value the filter looks for: a catalog pool id, or a project slug. */
struct needle {
	char text[FEEDID_MAX];
	size_t len;
	bool project;
};

struct yields {
	const struct catalog *cat;
	struct found *f;
	struct needle *nd;
	size_t n_nd;
	struct feed_issues is;
};

char *llama_yields_build_url(const char *base)
{
	size_t blen = feed_base_len(base);
	if (blen == 0)
		return NULL;
	struct feed_buf b = {0};
	feed_buf_printf(&b, "%.*s/pools", (int)blen, base);
	return feed_buf_take(&b);
}

/* "Chain/project/SYMBOL" into f; false when it is not of that form. */
static bool split_match(const char *m, struct found *f)
{
	const char *a = strchr(m, '/'), *b = strrchr(m, '/');
	if (!a || a == b || a == m || !b[1])
		return false;
	int n1 = snprintf(f->chain, sizeof f->chain, "%.*s", (int)(a - m), m);
	int n2 = snprintf(f->project, sizeof f->project, "%.*s", (int)(b - a - 1), a + 1);
	int n3 = snprintf(f->symbol, sizeof f->symbol, "%s", b + 1);
	if (n1 > 0 && (size_t)n1 < sizeof f->chain && n2 > 0 && (size_t)n2 < sizeof f->project &&
	    n3 > 0 && (size_t)n3 < sizeof f->symbol)
		return true;
	f->chain[0] = '\0'; /* chain[0] == 0 marks a match that cannot be used */
	return false;
}

static void add_needle(struct yields *y, const char *text, bool project)
{
	size_t n = strlen(text);
	for (size_t k = 0; k < y->n_nd; k++)
		if (y->nd[k].project == project && strcmp(y->nd[k].text, text) == 0)
			return;
	struct needle *nd = &y->nd[y->n_nd++];
	memcpy(nd->text, text, n + 1);
	nd->len = n;
	nd->project = project;
}

static int prepare(struct yields *y, const struct catalog *cat)
{
	static const struct catalog empty = {NULL, 0};
	y->cat = cat ? cat : &empty;
	y->n_nd = 0;
	size_t n = y->cat->n;
	y->f = calloc(n ? n : 1, sizeof *y->f);
	y->nd = calloc(n ? n : 1, sizeof *y->nd);
	if (!y->f || !y->nd)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const struct asset *a = &cat->assets[i];
		struct found *f = &y->f[i];
		if (a->llama_pool[0]) {
			f->wanted = f->by_pool = true;
			add_needle(y, a->llama_pool, false);
		} else if (a->llama_match[0]) {
			f->wanted = true;
			if (split_match(a->llama_match, f))
				add_needle(y, f->project, true);
		}
	}
	return 0;
}

/* The raw bytes of the string value of member key (quoted, e.g.
 * "\"pool\"") in the element el[0..n), found with memmem; NULL when there
 * is none. A string value that merely equals the key is skipped over. */
static const char *member_value(const char *el, size_t n, const char *key, size_t klen,
                                size_t *vlen)
{
	const char *end = el + n, *p = el;
	while ((p = memmem(p, (size_t)(end - p), key, klen)) != NULL) {
		const char *v = p + klen;
		p++;
		while (v < end && (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r'))
			v++;
		if (v >= end || *v != ':')
			continue;
		v++;
		while (v < end && (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r'))
			v++;
		if (v >= end || *v != '"')
			return NULL;
		const char *q = memchr(v + 1, '"', (size_t)(end - v - 1));
		if (!q)
			return NULL;
		*vlen = (size_t)(q - v - 1);
		return v + 1;
	}
	return NULL;
}

/* Can the element match the catalog? Its "pool" value is a catalog pool
 * id, or its "project" value a slug of a llama_match. Two memmem searches
 * that stop at the key, whatever the catalog's size; cJSON decides after. */
static bool can_match(const struct yields *y, const char *el, size_t n)
{
	size_t plen = 0, jlen = 0;
	const char *pool = member_value(el, n, "\"pool\"", 6, &plen);
	const char *proj = NULL;
	bool want_proj = false;
	for (size_t k = 0; k < y->n_nd; k++) {
		const struct needle *nd = &y->nd[k];
		if (nd->project) {
			want_proj = true;
			continue;
		}
		if (pool && plen == nd->len && memcmp(pool, nd->text, plen) == 0)
			return true;
	}
	if (!want_proj || !(proj = member_value(el, n, "\"project\"", 9, &jlen)))
		return false;
	for (size_t k = 0; k < y->n_nd; k++) {
		const struct needle *nd = &y->nd[k];
		if (nd->project && jlen == nd->len && memcmp(proj, nd->text, jlen) == 0)
			return true;
	}
	return false;
}

static const char *str_of(const cJSON *o, const char *name)
{
	const cJSON *j = cJSON_GetObjectItemCaseSensitive(o, name);
	return cJSON_IsString(j) ? j->valuestring : NULL;
}

/* The pool's APR (apyBase, else apy, as a fraction); 0 or -1. When
 * is == NULL nothing is reported. */
static int pool_apr(const cJSON *o, size_t idx, const char *sym, struct feed_issues *is,
                    double *apr)
{
	const cJSON *base = cJSON_GetObjectItemCaseSensitive(o, "apyBase");
	bool use_base = base && !cJSON_IsNull(base);
	char path[64 + SYM_MAX];
	snprintf(path, sizeof path, "data[%zu].%s (%s)", idx, use_base ? "apyBase" : "apy", sym);
	struct feed_issues quiet;
	feed_issues_init(&quiet, NULL, 0);
	return feed_json_value(use_base ? base : cJSON_GetObjectItemCaseSensitive(o, "apy"), path,
	                       OBS_APR, 0.01, is ? is : &quiet, apr);
}

static bool match_of(const struct found *f, const cJSON *o)
{
	const char *chain = str_of(o, "chain"), *project = str_of(o, "project");
	const char *symbol = str_of(o, "symbol");
	return chain && project && symbol && strcasecmp(chain, f->chain) == 0 &&
	       strcmp(project, f->project) == 0 && strcasecmp(symbol, f->symbol) == 0;
}

/* One element that may match; -1 when it is not valid JSON. */
static int take_element(struct yields *y, const char *el, size_t n, size_t idx)
{
	cJSON *o = cJSON_ParseWithLength(el, n);
	if (!o)
		return -1;
	const char *pool = str_of(o, "pool");
	int have = 0; /* 0 not evaluated, 1 ok, -1 bad (for pool-id matches) */
	double apr = 0;
	for (size_t i = 0; i < y->cat->n; i++) {
		struct found *f = &y->f[i];
		const struct asset *a = &y->cat->assets[i];
		if (!f->wanted || (f->by_pool && f->has))
			continue;
		if (f->by_pool) {
			if (!pool || strcmp(pool, a->llama_pool) != 0 || f->bad_seen)
				continue;
			if (have == 0)
				have = pool_apr(o, idx, a->symbol, &y->is, &apr) == 0 ? 1 : -1;
			f->has = have > 0;
			f->bad_seen = have < 0;
			f->apr = apr;
		} else if (f->chain[0] && match_of(f, o)) {
			double v;
			const cJSON *tvl = cJSON_GetObjectItemCaseSensitive(o, "tvlUsd");
			double t = cJSON_IsNumber(tvl) ? tvl->valuedouble : 0;
			if (pool_apr(o, idx, a->symbol, NULL, &v) < 0) {
				f->bad_seen = true;
			} else if (!f->has || t > f->tvl) {
				f->has = true;
				f->apr = v;
				f->tvl = t;
			}
		}
	}
	cJSON_Delete(o);
	return 0;
}

static const char *type_at(char c)
{
	switch (c) {
	case '{': return "object";
	case '[': return "array";
	case '"': return "string";
	case 't': case 'f': return "bool";
	case 'n': return "null";
	default: return "number";
	}
}

/* A value that is not what was expected at path: -1 for its shape, or for
 * malformed/truncated JSON when it is not even valid. */
static int wrong_type(const char *s, size_t len, size_t i, const char *want, const char *path,
                      char *err, size_t errlen)
{
	size_t end;
	enum feed_scan r = feed_json_skip(s, len, i, &end);
	if (r == FEED_SCAN_TRUNCATED)
		return feed_fail(err, errlen, "truncated JSON (ends after %zu bytes)", len);
	if (r == FEED_SCAN_BAD)
		return feed_fail(err, errlen, "malformed JSON at byte %zu", end);
	return feed_fail(err, errlen, "expected %s at %s, got %s", want, path, type_at(s[i]));
}

static int scan_fail(enum feed_scan r, size_t at, size_t len, const char *where, char *err,
                     size_t errlen)
{
	if (r == FEED_SCAN_TRUNCATED || at >= len)
		return feed_fail(err, errlen, "truncated JSON (ends after %zu bytes%s%s)", len,
		                 where ? ", inside " : "", where ? where : "");
	return feed_fail(err, errlen, "malformed JSON at byte %zu", at);
}

/* The data array starting at s[i] == '['; *next is just past it. */
static int scan_data(struct yields *y, const char *s, size_t len, size_t i, size_t *next,
                     char *err, size_t errlen)
{
	char where[48];
	size_t idx = 0;
	i = feed_json_ws(s, len, i + 1);
	if (i < len && s[i] == ']') {
		*next = i + 1;
		return 0;
	}
	for (;; idx++) {
		snprintf(where, sizeof where, "data[%zu]", idx);
		i = feed_json_ws(s, len, i);
		if (i >= len)
			return scan_fail(FEED_SCAN_TRUNCATED, i, len, where, err, errlen);
		if (s[i] != '{')
			return wrong_type(s, len, i, "object", where, err, errlen);
		size_t end;
		enum feed_scan r = feed_json_skip(s, len, i, &end);
		if (r != FEED_SCAN_OK)
			return scan_fail(r, end, len, where, err, errlen);
		if (can_match(y, s + i, end - i) && take_element(y, s + i, end - i, idx) < 0)
			return feed_fail(err, errlen, "malformed JSON in data[%zu] (byte %zu)", idx, i);
		i = feed_json_ws(s, len, end);
		if (i >= len)
			return scan_fail(FEED_SCAN_TRUNCATED, i, len, "data", err, errlen);
		if (s[i] == ']') {
			*next = i + 1;
			return 0;
		}
		if (s[i] != ',')
			return scan_fail(FEED_SCAN_BAD, i, len, NULL, err, errlen);
		i++;
	}
}

/* The top-level object: its "status" checked, its "data" scanned. */
static int scan_top(struct yields *y, const char *s, size_t len, char *err, size_t errlen)
{
	size_t i = feed_json_ws(s, len, 0), end;
	if (i >= len)
		return feed_fail(err, errlen, "empty response");
	if (s[i] == '<')
		return feed_fail(err, errlen, "not JSON (starts with '<', an HTML page?)");
	if (s[i] != '{')
		return wrong_type(s, len, i, "object", "the top level", err, errlen);
	bool seen_data = false, seen_status = false, success = false;
	char status[FEED_QUOTE_MAX + 4] = "";
	i = feed_json_ws(s, len, i + 1);
	if (i < len && s[i] == '}')
		i++;
	else
		for (;;) {
			i = feed_json_ws(s, len, i);
			if (i >= len || s[i] != '"')
				return scan_fail(i >= len ? FEED_SCAN_TRUNCATED : FEED_SCAN_BAD, i, len,
				                 NULL, err, errlen);
			size_t k = i;
			enum feed_scan r = feed_json_skip(s, len, k, &end);
			if (r != FEED_SCAN_OK)
				return scan_fail(r, end, len, NULL, err, errlen);
			bool is_data = end - k == 6 && memcmp(s + k, "\"data\"", 6) == 0;
			bool is_status = end - k == 8 && memcmp(s + k, "\"status\"", 8) == 0;
			i = feed_json_ws(s, len, end);
			if (i >= len || s[i] != ':')
				return scan_fail(i >= len ? FEED_SCAN_TRUNCATED : FEED_SCAN_BAD, i, len,
				                 NULL, err, errlen);
			i = feed_json_ws(s, len, i + 1);
			if (i >= len)
				return scan_fail(FEED_SCAN_TRUNCATED, i, len, NULL, err, errlen);
			if (is_data && !seen_data) {
				seen_data = true;
				if (s[i] != '[')
					return wrong_type(s, len, i, "array", "data", err, errlen);
				if (scan_data(y, s, len, i, &end, err, errlen) < 0)
					return -1;
			} else {
				if ((r = feed_json_skip(s, len, i, &end)) != FEED_SCAN_OK)
					return scan_fail(r, end, len, NULL, err, errlen);
				if (is_status && !seen_status) {
					seen_status = true;
					if (s[i] != '"')
						return wrong_type(s, len, i, "string", "status", err, errlen);
					success = end - i == 9 && memcmp(s + i, "\"success\"", 9) == 0;
					feed_quote(status, sizeof status, s + i + 1, end - i - 2, 32);
				}
			}
			i = feed_json_ws(s, len, end);
			if (i >= len)
				return scan_fail(FEED_SCAN_TRUNCATED, i, len, NULL, err, errlen);
			if (s[i] == '}') {
				i++;
				break;
			}
			if (s[i] != ',')
				return scan_fail(FEED_SCAN_BAD, i, len, NULL, err, errlen);
			i++;
		}
	i = feed_json_ws(s, len, i);
	if (i < len)
		return feed_fail(err, errlen, "malformed JSON at byte %zu (data after the end)", i);
	if (!seen_status)
		return feed_fail(err, errlen, "expected string at status, got nothing");
	if (!success)
		return feed_fail(err, errlen, "DefiLlama yields status is '%s'", status);
	if (!seen_data)
		return feed_fail(err, errlen, "expected array at data, got nothing");
	return 0;
}

int llama_yields_parse(const char *body, size_t len, const struct catalog *cat,
                       const char *currency, int64_t now, struct obs_list *out, char *err,
                       size_t errlen)
{
	(void)currency;
	struct yields y = {0};
	size_t n0 = out->n;
	int rc = -1;
	if (prepare(&y, cat) < 0) {
		feed_fail(err, errlen, "out of memory");
		goto out;
	}
	feed_issues_init(&y.is, err, errlen);
	if (!body) {
		body = "";
		len = 0;
	}
	if (scan_top(&y, body, len, err, errlen) < 0)
		goto out;
	for (size_t i = 0; cat && i < cat->n; i++) {
		const struct found *f = &y.f[i];
		const struct asset *a = &cat->assets[i];
		if (!f->wanted)
			continue;
		if (!f->has) {
			if (f->by_pool && !f->bad_seen)
				feed_issue(&y.is, "missing: pool %s (%s)", a->llama_pool, a->symbol);
			else if (!f->by_pool && !f->chain[0])
				feed_issue(&y.is, "%s: llama_match '%s' is not Chain/project/SYMBOL",
				           a->symbol, a->llama_match);
			else if (!f->by_pool)
				feed_issue(&y.is, "%s: %s (%s)", f->bad_seen ? "no usable APR in" : "missing",
				           a->llama_match, a->symbol);
			continue;
		}
		if (feed_push(out, a->symbol, OBS_APR, LLAMA_YIELDS_SOURCE, now, f->apr) < 0) {
			out->n = n0;
			feed_fail(err, errlen, "out of memory");
			goto out;
		}
	}
	feed_issues_finish(&y.is);
	rc = (int)(out->n - n0);
out:
	free(y.f);
	free(y.nd);
	return rc;
}
