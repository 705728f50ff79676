/* coingecko.c — CoinGecko simple/price: URLs, the API key header, the
 * parser. */
#include "pricing/coingecko.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pricing/feed.h"

/* currency lower-cased into cur (size 8); 0, or -1 when not 1-7 letters. */
static int norm_currency(const char *currency, char cur[8])
{
	size_t n = currency ? strlen(currency) : 0;
	if (n == 0 || n > 7)
		return -1;
	for (size_t i = 0; i < n; i++) {
		char c = currency[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c < 'a' || c > 'z')
			return -1;
		cur[i] = c;
	}
	cur[n] = '\0';
	return 0;
}

/* The key of asset i for this feed: its coingecko id ("" none). */
static const char *coingecko_key(const struct catalog *cat, size_t i, const void *ctx)
{
	(void)ctx;
	return cat->assets[i].coingecko_id;
}

/* Is asset i the first in cat with its (non-empty) coingecko id? */
static bool first_with_id(const struct catalog *cat, size_t i)
{
	return feed_key_first(cat, i, coingecko_key, NULL);
}

static int push_url(char ***urls, size_t *n, struct feed_buf *b)
{
	char *s = feed_buf_take(b);
	if (!s)
		return -1;
	char **v = realloc(*urls, (*n + 1) * sizeof *v);
	if (!v) {
		free(s);
		return -1;
	}
	v[(*n)++] = s;
	*urls = v;
	return 0;
}

int coingecko_build_urls(const struct catalog *cat, const char *base, const char *currency,
                         size_t max_ids_per_url, char ***urls, size_t *n)
{
	*urls = NULL;
	*n = 0;
	char cur[8];
	size_t blen = feed_base_len(base);
	if (blen == 0 || norm_currency(currency, cur) < 0)
		return -1;

	struct feed_buf b = {0};
	size_t in_url = 0;
	for (size_t i = 0; cat && i < cat->n; i++) {
		if (!first_with_id(cat, i))
			continue;
		struct feed_buf id = {0};
		feed_buf_urlenc(&id, cat->assets[i].coingecko_id);
		if (id.failed)
			goto fail;
		size_t tail = sizeof "&vs_currencies=&include_last_updated_at=true" + strlen(cur);
		bool full = in_url > 0 && ((max_ids_per_url && in_url >= max_ids_per_url) ||
		                           b.len + 1 + id.len + tail > COINGECKO_URL_MAX);
		if (full) {
			feed_buf_printf(&b, "&vs_currencies=%s&include_last_updated_at=true", cur);
			if (push_url(urls, n, &b) < 0) {
				feed_buf_done(&id);
				goto fail;
			}
			in_url = 0;
		}
		if (in_url == 0)
			feed_buf_printf(&b, "%.*s/simple/price?ids=", (int)blen, base);
		feed_buf_printf(&b, "%s%s", in_url ? "," : "", id.s);
		feed_buf_done(&id);
		in_url++;
	}
	if (in_url) {
		feed_buf_printf(&b, "&vs_currencies=%s&include_last_updated_at=true", cur);
		if (push_url(urls, n, &b) < 0)
			goto fail;
	}
	return 0;
fail:
	feed_buf_done(&b);
	feed_urls_free(*urls, *n);
	*urls = NULL;
	*n = 0;
	return -1;
}

int coingecko_api_key_header(const char *base, const char *key, char *out, size_t outlen)
{
	if (out && outlen)
		out[0] = '\0';
	if (!key || !key[0])
		return 1;
	for (const char *p = key; *p; p++)
		if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f)
			return -1;
	const char *name = base && strstr(base, "pro-api") ? "x-cg-pro-api-key" : "x-cg-demo-api-key";
	if (!out)
		return -1;
	int m = snprintf(out, outlen, "%s: %s", name, key);
	if (m < 0 || (size_t)m >= outlen) {
		if (outlen)
			out[0] = '\0';
		return -1;
	}
	return 0;
}

/* CoinGecko's own error bodies; -1 with err when body is one. */
static int error_body(const cJSON *root, char *err, size_t errlen)
{
	const cJSON *st = cJSON_GetObjectItemCaseSensitive(root, "status");
	const cJSON *e = cJSON_GetObjectItemCaseSensitive(root, "error");
	char q[FEED_QUOTE_MAX + 4] = "";
	if (cJSON_IsObject(st)) {
		const cJSON *code = cJSON_GetObjectItemCaseSensitive(st, "error_code");
		const cJSON *msg = cJSON_GetObjectItemCaseSensitive(st, "error_message");
		if (!code && !msg)
			return 0;
		if (cJSON_IsString(msg))
			feed_quote(q, sizeof q, msg->valuestring, FEED_QUOTE_MAX * 2, FEED_QUOTE_MAX);
		if (cJSON_IsNumber(code))
			return feed_fail(err, errlen, "CoinGecko error %.0f: %s", code->valuedouble,
			                 q[0] ? q : "(no message)");
		return feed_fail(err, errlen, "CoinGecko error: %s", q[0] ? q : "(no message)");
	}
	if (cJSON_IsString(e)) {
		feed_quote(q, sizeof q, e->valuestring, FEED_QUOTE_MAX * 2, FEED_QUOTE_MAX);
		return feed_fail(err, errlen, "CoinGecko error: %s", q);
	}
	return 0;
}

int coingecko_parse(const char *body, size_t len, const struct catalog *cat,
                    const char *currency, int64_t now, struct obs_list *out, char *err,
                    size_t errlen)
{
	char cur[8];
	if (norm_currency(currency, cur) < 0)
		return feed_fail(err, errlen, "currency is not 1-7 letters");
	cJSON *root = feed_json_parse(body, len, err, errlen);
	if (!root)
		return -1;
	size_t n0 = out->n;
	int rc = -1;
	if (!cJSON_IsObject(root)) {
		feed_fail_type(err, errlen, "object", "the top level", root);
		goto out;
	}
	if (error_body(root, err, errlen) < 0)
		goto out;

	struct feed_issues is;
	feed_issues_init(&is, err, errlen);
	for (size_t i = 0; cat && i < cat->n; i++) {
		if (!first_with_id(cat, i))
			continue;
		const char *id = cat->assets[i].coingecko_id;
		const cJSON *coin = cJSON_GetObjectItemCaseSensitive(root, id);
		if (!coin) {
			feed_issue(&is, "missing: %s", id);
			continue;
		}
		if (!cJSON_IsObject(coin)) {
			feed_issue(&is, "expected object at %s, got %s", id, feed_json_type(coin));
			continue;
		}
		char path[FEEDID_MAX + 16];
		snprintf(path, sizeof path, "%s.%s", id, cur);
		double v;
		if (feed_json_value(cJSON_GetObjectItemCaseSensitive(coin, cur), path, OBS_PRICE, 1,
		                    &is, &v) < 0)
			continue;
		int64_t ts = feed_json_ts(cJSON_GetObjectItemCaseSensitive(coin, "last_updated_at"),
		                          now);
		if (feed_push_key(out, cat, i, coingecko_key, NULL, OBS_PRICE, COINGECKO_SOURCE, ts,
		                  v) < 0) {
			out->n = n0;
			feed_fail(err, errlen, "out of memory");
			goto out;
		}
	}
	feed_issues_finish(&is);
	rc = (int)(out->n - n0);
out:
	cJSON_Delete(root);
	return rc;
}
