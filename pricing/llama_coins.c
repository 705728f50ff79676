/* llama_coins.c — DefiLlama coins prices/current: URLs and the parser. */
#include "pricing/llama_coins.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pricing/feed.h"

static bool selected(const struct catalog *cat, size_t i, const char *const *only,
                     size_t n_only)
{
	const struct asset *a = &cat->assets[i];
	if (!a->llama_key[0])
		return false;
	if (!only)
		return true;
	for (size_t k = 0; k < n_only; k++)
		if (only[k] && strcasecmp(only[k], a->symbol) == 0)
			return true;
	return false;
}

/* Which assets are asked: the symbols in only[0..n) (only NULL: all). */
struct asked {
	const char *const *only;
	size_t n_only;
};

/* The key of asset i for this feed: its DefiLlama key when selected. */
static const char *llama_key(const struct catalog *cat, size_t i, const void *ctx)
{
	const struct asked *k = ctx;
	return selected(cat, i, k->only, k->n_only) ? cat->assets[i].llama_key : NULL;
}

/* Is asset i selected and the first selected one with its key? */
static bool first_with_key(const struct catalog *cat, size_t i, const char *const *only,
                           size_t n_only)
{
	const struct asked k = { only, n_only };
	return feed_key_first(cat, i, llama_key, &k);
}

static int push_url(char ***urls, size_t *n, struct feed_buf *b)
{
	feed_buf_printf(b, "?searchWidth=4h");
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

int llama_coins_build_urls(const struct catalog *cat, const char *base,
                           const char *const *only, size_t n_only, size_t max_keys_per_url,
                           char ***urls, size_t *n)
{
	*urls = NULL;
	*n = 0;
	size_t blen = feed_base_len(base);
	if (blen == 0)
		return -1;
	struct feed_buf b = {0};
	size_t in_url = 0;
	for (size_t i = 0; cat && i < cat->n; i++) {
		if (!first_with_key(cat, i, only, n_only))
			continue;
		struct feed_buf key = {0};
		feed_buf_urlenc(&key, cat->assets[i].llama_key);
		if (key.failed)
			goto fail;
		bool full = in_url > 0 &&
		            ((max_keys_per_url && in_url >= max_keys_per_url) ||
		             b.len + 1 + key.len + sizeof "?searchWidth=4h" > LLAMA_COINS_URL_MAX);
		if (full) {
			if (push_url(urls, n, &b) < 0) {
				feed_buf_done(&key);
				goto fail;
			}
			in_url = 0;
		}
		if (in_url == 0)
			feed_buf_printf(&b, "%.*s/prices/current/", (int)blen, base);
		feed_buf_printf(&b, "%s%s", in_url ? "," : "", key.s);
		feed_buf_done(&key);
		in_url++;
	}
	if (in_url && push_url(urls, n, &b) < 0)
		goto fail;
	return 0;
fail:
	feed_buf_done(&b);
	feed_urls_free(*urls, *n);
	*urls = NULL;
	*n = 0;
	return -1;
}

/* The coin for key: exact, else (an EVM address) without regard to case. */
static const cJSON *find_coin(const cJSON *coins, const char *key)
{
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(coins, key);
	if (c || !strstr(key, ":0x"))
		return c;
	for (c = coins->child; c; c = c->next)
		if (c->string && strcasecmp(c->string, key) == 0)
			return c;
	return NULL;
}

static int no_coins(const cJSON *root, const cJSON *coins, char *err, size_t errlen)
{
	const char *names[] = {"message", "error"};
	for (size_t k = 0; k < 2; k++) {
		const cJSON *m = cJSON_GetObjectItemCaseSensitive(root, names[k]);
		if (cJSON_IsString(m)) {
			char q[FEED_QUOTE_MAX + 4];
			feed_quote(q, sizeof q, m->valuestring, FEED_QUOTE_MAX * 2, FEED_QUOTE_MAX);
			return feed_fail(err, errlen, "DefiLlama error: %s", q);
		}
	}
	return feed_fail_type(err, errlen, "object", "coins", coins);
}

int llama_coins_parse_only(const char *body, size_t len, const struct catalog *cat,
                           const char *const *only, size_t n_only, const char *currency,
                           int64_t now, struct obs_list *out, char *err, size_t errlen)
{
	if (!currency || strcasecmp(currency, "usd") != 0)
		return feed_fail(err, errlen, "DefiLlama prices are in usd only");
	cJSON *root = feed_json_parse(body, len, err, errlen);
	if (!root)
		return -1;
	size_t n0 = out->n;
	int rc = -1;
	const cJSON *coins = cJSON_GetObjectItemCaseSensitive(root, "coins");
	if (!cJSON_IsObject(root)) {
		feed_fail_type(err, errlen, "object", "the top level", root);
		goto out;
	}
	if (!cJSON_IsObject(coins)) {
		no_coins(root, coins, err, errlen);
		goto out;
	}

	struct feed_issues is;
	feed_issues_init(&is, err, errlen);
	for (size_t i = 0; cat && i < cat->n; i++) {
		if (!first_with_key(cat, i, only, n_only))
			continue;
		const char *key = cat->assets[i].llama_key;
		const cJSON *coin = find_coin(coins, key);
		if (!coin) {
			feed_issue(&is, "missing: %s", key);
			continue;
		}
		if (!cJSON_IsObject(coin)) {
			feed_issue(&is, "expected object at coins.%s, got %s", key, feed_json_type(coin));
			continue;
		}
		char path[FEEDID_MAX + 16];
		snprintf(path, sizeof path, "%s.price", key);
		double v;
		if (feed_json_value(cJSON_GetObjectItemCaseSensitive(coin, "price"), path, OBS_PRICE, 1,
		                    &is, &v) < 0)
			continue;
		int64_t ts = feed_json_ts(cJSON_GetObjectItemCaseSensitive(coin, "timestamp"), now);
		const struct asked asked = { only, n_only };
		if (feed_push_key(out, cat, i, llama_key, &asked, OBS_PRICE, LLAMA_COINS_SOURCE, ts,
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

int llama_coins_parse(const char *body, size_t len, const struct catalog *cat,
                      const char *currency, int64_t now, struct obs_list *out, char *err,
                      size_t errlen)
{
	return llama_coins_parse_only(body, len, cat, NULL, 0, currency, now, out, err, errlen);
}
