/* polkadot.c — bonded and unlocking DOT via a sidecar (polkadot.h). */
#include "pricing/chains/polkadot.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pricing/feed.h"

char *polkadot_build_url(const char *base, const char *stash, bool progress)
{
	struct feed_buf b = { 0 };
	feed_buf_printf(&b, "%.*s", (int)feed_base_len(base), base);
	if (progress) {
		feed_buf_printf(&b, "/pallets/staking/progress");
	} else {
		feed_buf_printf(&b, "/accounts/");
		feed_buf_urlenc(&b, stash);
		feed_buf_printf(&b, "/staking-info?includeClaimedRewards=false");
	}
	return feed_buf_take(&b);
}

int polkadot_parse_progress(const char *body, size_t len, uint64_t *active_era, char *err,
                            size_t errlen)
{
	cJSON *root = feed_json_parse(body, len, err, errlen);
	if (!root)
		return -1;
	int rc = chain_json_u64(cJSON_GetObjectItemCaseSensitive(root, "activeEra"), active_era);
	if (rc < 0 || *active_era == U64_SENTINEL)
		rc = feed_fail(err, errlen, "activeEra missing or not an integer");
	cJSON_Delete(root);
	return rc;
}

static int planck(const cJSON *j, const struct asset *dot, dec_t *q)
{
	return cJSON_IsString(j) ? chain_units(j->valuestring, dot->decimals, q) : -1;
}

int polkadot_parse(const char *body, size_t len, const struct asset *dot, uint64_t active_era,
                   int64_t era_s, int64_t now, struct chain_items *out, uint64_t *height,
                   char *err, size_t errlen)
{
	*height = 0;
	cJSON *root = feed_json_parse(body, len, err, errlen);
	if (!root)
		return -1;
	size_t n0 = out->n;
	int rc = -1;
	const cJSON *st = cJSON_GetObjectItemCaseSensitive(root, "staking");
	const cJSON *at = cJSON_GetObjectItemCaseSensitive(root, "at");
	uint64_t h;
	if (chain_json_u64(cJSON_GetObjectItemCaseSensitive(at, "height"), &h) == 0)
		*height = h;
	if (!cJSON_IsObject(st)) {
		feed_fail_type(err, errlen, "object", "staking", st);
		goto out;
	}
	struct chain_item it = { 0 };
	if (planck(cJSON_GetObjectItemCaseSensitive(st, "active"), dot, &it.quantity) < 0) {
		feed_fail(err, errlen, "staking.active is not an integer string");
		goto out;
	}
	snprintf(it.asset, sizeof it.asset, "%s", dot->symbol);
	snprintf(it.key, sizeof it.key, "%s bonded", dot->symbol);
	snprintf(it.detail, sizeof it.detail, "bonded (active)");
	if (chain_items_push(out, &it) < 0)
		goto oom;
	const cJSON *un = cJSON_GetObjectItemCaseSensitive(st, "unlocking");
	if (un && !cJSON_IsArray(un)) {
		feed_fail_type(err, errlen, "array", "staking.unlocking", un);
		goto out;
	}
	const cJSON *c;
	size_t i = 0;
	cJSON_ArrayForEach(c, un) {
		struct chain_item u = { 0 };
		uint64_t era;
		if (planck(cJSON_GetObjectItemCaseSensitive(c, "value"), dot, &u.quantity) < 0 ||
		    chain_json_u64(cJSON_GetObjectItemCaseSensitive(c, "era"), &era) < 0 ||
		    era > (uint64_t)1 << 32) {
			feed_fail(err, errlen, "unlocking[%zu] value or era is not an integer", i);
			goto out;
		}
		u.unbonding = true;
		u.estimate = true;
		snprintf(u.parent, sizeof u.parent, "%s", it.key);
		u.available_at = era <= active_era ? now : now + (int64_t)(era - active_era) * era_s;
		snprintf(u.asset, sizeof u.asset, "%s", dot->symbol);
		snprintf(u.key, sizeof u.key, "unlocking %s era %llu #%zu", dot->symbol,
		         (unsigned long long)era, i);
		snprintf(u.detail, sizeof u.detail, "unlocks at era %llu", (unsigned long long)era);
		if (chain_items_push(out, &u) < 0)
			goto oom;
		i++;
	}
	rc = 0;
	goto out;
oom:
	feed_fail(err, errlen, "out of memory");
out:
	if (rc < 0)
		out->n = n0;
	cJSON_Delete(root);
	return rc;
}
