/* llama_chart.c — DefiLlama coins chart: URL and parser. */
#include "pricing/llama_chart.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "positions/timeutil.h"
#include "pricing/feed.h"

char *llama_chart_build_url(const char *base, const char *key, int64_t start, unsigned span)
{
	struct feed_buf b = { 0 };
	size_t n = base ? feed_base_len(base) : 0;
	if (!n || !key || !key[0] || span == 0)
		return NULL;
	feed_buf_printf(&b, "%.*s/chart/", (int)n, base);
	feed_buf_urlenc(&b, key);
	feed_buf_printf(&b, "?start=%lld&span=%u&period=1d", (long long)start, span);
	return feed_buf_take(&b);
}

static bool key_matches(const char *want, const char *got)
{
	/* "ethereum:0xAbC…" may come back lower-cased */
	if (strchr(want, ':') && strstr(want, ":0x"))
		return strcasecmp(want, got) == 0;
	return strcmp(want, got) == 0;
}

int llama_chart_parse(const char *body, size_t len, const struct catalog *cat, int64_t start,
                      int64_t end, int64_t now, struct obs_list *out, char *err, size_t errlen)
{
	struct feed_issues is;
	size_t before = out->n;
	cJSON *root = feed_json_parse(body, len, err, errlen);
	if (!root)
		return -1;
	const cJSON *coins = cJSON_GetObjectItemCaseSensitive(root, "coins");
	if (!cJSON_IsObject(coins)) {
		int r = feed_fail_type(err, errlen, "object", "coins", coins);
		cJSON_Delete(root);
		return r;
	}
	feed_issues_init(&is, err, errlen);
	const cJSON *coin;
	cJSON_ArrayForEach(coin, coins) {
		char key[FEED_QUOTE_MAX + 8];
		feed_quote(key, sizeof key, coin->string, strlen(coin->string), FEED_QUOTE_MAX);
		const cJSON *prices = cJSON_GetObjectItemCaseSensitive(coin, "prices");
		if (!cJSON_IsArray(prices)) {
			feed_issue(&is, "coins.%s.prices is %s, expected an array", key,
			           feed_json_type(prices));
			continue;
		}
		for (size_t a = 0; a < cat->n; a++) {
			if (!cat->assets[a].llama_key[0] ||
			    !key_matches(cat->assets[a].llama_key, coin->string))
				continue;
			int i = 0;
			const cJSON *pt;
			cJSON_ArrayForEach(pt, prices) {
				char path[FEED_QUOTE_MAX + 64];
				double v;
				const cJSON *ts = cJSON_GetObjectItemCaseSensitive(pt, "timestamp");
				snprintf(path, sizeof path, "coins.%s.prices[%d].price", key, i++);
				if (!cJSON_IsNumber(ts) || ts->valuedouble != floor(ts->valuedouble) ||
				    ts->valuedouble < 978307200.0 || ts->valuedouble > (double)now) {
					feed_issue(&is, "%.*s: no sane timestamp", (int)(strlen(path) - 6), path);
					continue;
				}
				if (feed_json_value(cJSON_GetObjectItemCaseSensitive(pt, "price"), path,
				                    OBS_PRICE, 1, &is, &v) < 0)
					continue;
				int64_t t = (int64_t)ts->valuedouble;
				if (t < start || t > end)
					continue;
				if (feed_push(out, cat->assets[a].symbol, OBS_PRICE, LLAMA_CHART_SOURCE, t, v) < 0) {
					out->n = before;
					cJSON_Delete(root);
					return feed_fail(err, errlen, "out of memory");
				}
			}
		}
	}
	feed_issues_finish(&is);
	cJSON_Delete(root);
	return (int)(out->n - before);
}

char *llama_yield_chart_build_url(const char *base, const char *pool)
{
	struct feed_buf b = { 0 };
	size_t n = base ? feed_base_len(base) : 0;
	if (!n || !pool || !pool[0])
		return NULL;
	feed_buf_printf(&b, "%.*s/chart/", (int)n, base);
	feed_buf_urlenc(&b, pool);
	return feed_buf_take(&b);
}

int llama_yield_chart_parse(const char *body, size_t len, const char *sym, int64_t start,
                            int64_t end, struct obs_list *out, char *err, size_t errlen)
{
	struct feed_issues is;
	size_t before = out->n;
	cJSON *root = feed_json_parse(body, len, err, errlen);
	if (!root)
		return -1;
	if (cJSON_IsString(root)) {
		char q[FEED_QUOTE_MAX + 8];
		feed_quote(q, sizeof q, root->valuestring, strlen(root->valuestring), FEED_QUOTE_MAX);
		cJSON_Delete(root);
		return feed_fail(err, errlen, "DefiLlama yields answered '%s'", q);
	}
	const cJSON *status = cJSON_GetObjectItemCaseSensitive(root, "status");
	const cJSON *data = cJSON_GetObjectItemCaseSensitive(root, "data");
	if (!cJSON_IsString(status) || strcmp(status->valuestring, "success") != 0 ||
	    !cJSON_IsArray(data)) {
		cJSON_Delete(root);
		return feed_fail(err, errlen, "expected {\"status\":\"success\",\"data\":[...]}");
	}
	feed_issues_init(&is, err, errlen);
	int i = 0;
	const cJSON *pt;
	cJSON_ArrayForEach(pt, data) {
		char path[64];
		int64_t ts;
		double v;
		const cJSON *t = cJSON_GetObjectItemCaseSensitive(pt, "timestamp");
		snprintf(path, sizeof path, "data[%d]", i++);
		if (!cJSON_IsString(t) || time_parse_iso(t->valuestring, &ts, NULL, 0) < 0) {
			feed_issue(&is, "%s.timestamp is not an ISO-8601 time", path);
			continue;
		}
		if (ts < start || ts > end)
			continue;
		const cJSON *base = cJSON_GetObjectItemCaseSensitive(pt, "apyBase");
		bool use_base = base && !cJSON_IsNull(base);
		snprintf(path, sizeof path, "data[%d].%s", i - 1, use_base ? "apyBase" : "apy");
		if (feed_json_value(use_base ? base : cJSON_GetObjectItemCaseSensitive(pt, "apy"), path,
		                    OBS_APR, 0.01, &is, &v) < 0)
			continue;
		if (feed_push(out, sym, OBS_APR, LLAMA_YIELD_CHART_SOURCE, ts, v) < 0) {
			out->n = before;
			cJSON_Delete(root);
			return feed_fail(err, errlen, "out of memory");
		}
	}
	feed_issues_finish(&is);
	cJSON_Delete(root);
	return (int)(out->n - before);
}
