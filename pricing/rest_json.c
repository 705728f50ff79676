/* rest_json.c — a rate at a JSON path of a REST answer (Stride host zone). */
#include "pricing/rest_json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "positions/decimal.h"
#include "pricing/feed.h"

#define SEG_MAX RATE_JSON_PATH_MAX

const char *rest_json_check_source(const struct asset *a)
{
	const char *p = a->rate.path, *j = a->rate.json_path;
	if (a->rate.type != RATE_REST_JSON)
		return "not a REST JSON source";
	if (!a->rate.rest_base[0])
		return "names no REST base";
	if (p[0] != '/' || strstr(p, "..") ||
	    strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./~") !=
	        strlen(p))
		return "path is not a URL path";
	size_t n = strlen(j);
	if (!n || j[0] == '.' || j[n - 1] == '.' || strstr(j, "..") ||
	    strspn(j, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.") != n)
		return "json_path is not dot-separated keys";
	return NULL;
}

char *rest_json_build_url(const char *base, const struct asset *a)
{
	if (!base || rest_json_check_source(a))
		return NULL;
	struct feed_buf b = {0};
	feed_buf_printf(&b, "%.*s%s", (int)feed_base_len(base), base, a->rate.path);
	return feed_buf_take(&b);
}

/* The value at the path, or NULL. */
static const cJSON *walk(const cJSON *root, const char *path)
{
	const cJSON *cur = root;
	const char *p = path;
	while (cur && *p) {
		char seg[SEG_MAX];
		size_t n = strcspn(p, ".");
		if (n >= sizeof seg)
			return NULL;
		memcpy(seg, p, n);
		seg[n] = '\0';
		p += n;
		if (*p == '.')
			p++;
		if (cJSON_IsArray(cur) && strspn(seg, "0123456789") == n && n <= 6)
			cur = cJSON_GetArrayItem(cur, atoi(seg));
		else if (cJSON_IsObject(cur))
			cur = cJSON_GetObjectItemCaseSensitive(cur, seg);
		else
			return NULL;
	}
	return cur;
}

int rest_json_parse(const char *body, size_t len, const struct asset *a, int64_t now,
                    struct obs_list *out, char *err, size_t errlen)
{
	const char *why = rest_json_check_source(a);
	if (why)
		return feed_fail(err, errlen, "%s: rate source %s", a->symbol, why);
	cJSON *root = feed_json_parse(body, len, err, errlen);
	if (!root)
		return -1;
	int rc = 0;
	const char *path = a->rate.json_path;
	double v = 0;
	if (!cJSON_IsObject(root)) {
		rc = feed_fail_type(err, errlen, "object", "the top level", root);
		goto out;
	}
	const cJSON *j = walk(root, path);
	if (!j) {
		feed_fail(err, errlen, "%s missing (%s)", path, a->symbol);
		goto out;
	}
	if (cJSON_IsString(j)) {
		dec_t d;
		char why2[96], q[FEED_QUOTE_MAX + 4];
		if (dec_parse(j->valuestring, DEC_FRAC_DIGITS, &d, why2, sizeof why2) < 0) {
			feed_quote(q, sizeof q, j->valuestring, strlen(j->valuestring), 40);
			feed_fail(err, errlen, "%s is '%s', not a decimal (%s)", path, q, a->symbol);
			goto out;
		}
		v = (double)dec_to_ld(d);
	} else if (cJSON_IsNumber(j)) {
		v = j->valuedouble;
	} else {
		feed_fail(err, errlen, "%s is %s, expected a decimal string (%s)", path,
		          feed_json_type(j), a->symbol);
		goto out;
	}
	why = obs_value_check(OBS_RATE, v);
	if (why) {
		feed_fail(err, errlen, "rate for %s %s%s (%g)", a->symbol,
		          strncmp(why, "out", 3) ? "is " : "", why, v);
		goto out;
	}
	if (feed_push(out, a->symbol, OBS_RATE, REST_JSON_SOURCE, now, v) < 0) {
		rc = feed_fail(err, errlen, "out of memory");
		goto out;
	}
	if (err && errlen)
		err[0] = '\0';
	rc = 1;
out:
	cJSON_Delete(root);
	return rc;
}
