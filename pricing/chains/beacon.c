/* beacon.c — validators' balance, status and exit (beacon.h). */
#include "pricing/chains/beacon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pricing/feed.h"

int beacon_build(const char *base, const char *const *ids, size_t n, char **url, char **body)
{
	struct feed_buf u = { 0 }, b = { 0 };
	feed_buf_printf(&u, "%.*s/eth/v1/beacon/states/head/validators", (int)feed_base_len(base),
	                base);
	feed_buf_printf(&b, "{\"ids\":[");
	for (size_t i = 0; i < n; i++)
		feed_buf_printf(&b, "%s\"%s\"", i ? "," : "", ids[i]); /* checked: digits or hex */
	feed_buf_printf(&b, "]}");
	*url = feed_buf_take(&u);
	*body = feed_buf_take(&b);
	if (*url && *body)
		return 0;
	free(*url);
	free(*body);
	*url = *body = NULL;
	return -1;
}

static const char *str_at(const cJSON *o, const char *k)
{
	const cJSON *j = cJSON_GetObjectItemCaseSensitive(o, k);
	return cJSON_IsString(j) ? j->valuestring : NULL;
}

static int one(const cJSON *v, const char *const *ids, size_t n, const struct asset *eth,
               int64_t genesis_time, int64_t sweep_s, struct chain_items *out, bool *found,
               char *err, size_t errlen)
{
	const cJSON *val = cJSON_GetObjectItemCaseSensitive(v, "validator");
	uint64_t index, gwei, wepoch;
	const char *status = str_at(v, "status"), *pubkey = str_at(val, "pubkey");
	if (chain_json_u64(cJSON_GetObjectItemCaseSensitive(v, "index"), &index) < 0)
		return feed_fail(err, errlen, "validator index is not an integer");
	if (chain_json_u64(cJSON_GetObjectItemCaseSensitive(v, "balance"), &gwei) < 0 ||
	    gwei == U64_SENTINEL)
		return feed_fail(err, errlen, "balance of validator %llu is not an integer",
		                 (unsigned long long)index);
	if (!cJSON_IsObject(val) ||
	    chain_json_u64(cJSON_GetObjectItemCaseSensitive(val, "withdrawable_epoch"), &wepoch) < 0)
		return feed_fail(err, errlen, "withdrawable_epoch of validator %llu is not an integer",
		                 (unsigned long long)index);
	if (!status || chain_text_bad(status) || strlen(status) > 32)
		return feed_fail(err, errlen, "status of validator %llu missing or not plain text",
		                 (unsigned long long)index);
	char idx[24];
	snprintf(idx, sizeof idx, "%llu", (unsigned long long)index);
	struct chain_item it = { 0 };
	it.tag = -1;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(ids[i], idx) == 0 ||
		    (pubkey && strncmp(ids[i], "0x", 2) == 0 && strcasecmp(ids[i], pubkey) == 0)) {
			found[i] = true;
			if (it.tag < 0)
				it.tag = (int)i;
		}
	}
	if (it.tag < 0)
		return 0; /* not asked for: left out */
	char g[24];
	snprintf(g, sizeof g, "%llu", (unsigned long long)gwei);
	/* Gwei to ETH: 10^9 Gwei each, whatever the asset's wei decimals */
	if (chain_units(g, 9, &it.quantity) < 0)
		return feed_fail(err, errlen, "balance of validator %s is too large", idx);
	snprintf(it.asset, sizeof it.asset, "%s", eth->symbol);
	snprintf(it.key, sizeof it.key, "validator %s", idx);
	if (wepoch != U64_SENTINEL) {
		/* epoch × 384 overflows past 2^63 / 384: checked */
		if (wepoch > (uint64_t)(INT64_MAX - genesis_time - sweep_s) / BEACON_EPOCH_SECONDS)
			return feed_fail(err, errlen, "withdrawable_epoch of validator %s is out of range",
			                 idx);
		/* exiting: the whole balance leaves the validator, which keeps
		 * nothing that earns */
		struct chain_item x = it;
		x.unbonding = true;
		x.estimate = true;
		x.available_at = genesis_time + (int64_t)wepoch * BEACON_EPOCH_SECONDS + sweep_s;
		snprintf(x.parent, sizeof x.parent, "%s", it.key);
		snprintf(x.key, sizeof x.key, "validator %s exit", idx);
		snprintf(x.detail, sizeof x.detail, "%s, withdrawable epoch %llu + sweep",
		         status, (unsigned long long)wepoch);
		it.quantity = dec_zero();
		if (chain_items_push(out, &x) < 0)
			return feed_fail(err, errlen, "out of memory");
	}
	snprintf(it.detail, sizeof it.detail, "%s", status);
	if (chain_items_push(out, &it) < 0)
		return feed_fail(err, errlen, "out of memory");
	return 0;
}

int beacon_parse(const char *body, size_t len, const char *const *ids, size_t n,
                 const struct asset *eth, int64_t genesis_time, int64_t sweep_s,
                 struct chain_items *out, bool *found, char *err, size_t errlen)
{
	for (size_t i = 0; i < n; i++)
		found[i] = false;
	cJSON *root = feed_json_parse(body, len, err, errlen);
	if (!root)
		return -1;
	size_t n0 = out->n;
	int rc = -1;
	const cJSON *code = cJSON_GetObjectItemCaseSensitive(root, "code");
	const cJSON *data = cJSON_GetObjectItemCaseSensitive(root, "data");
	if (cJSON_IsNumber(code) && !data) {
		char m[FEED_QUOTE_MAX + 8];
		const char *msg = str_at(root, "message");
		feed_quote(m, sizeof m, msg ? msg : "", msg ? strlen(msg) : 0, 40);
		if (code->valueint == 404)
			feed_fail(err, errlen, "validator not found (%s)", m);
		else
			feed_fail(err, errlen, "beacon node error %d '%s'", code->valueint, m);
		goto out;
	}
	if (cJSON_IsObject(data)) { /* the single-validator GET form */
		rc = one(data, ids, n, eth, genesis_time, sweep_s, out, found, err, errlen);
		goto out;
	}
	if (!cJSON_IsArray(data)) {
		feed_fail_type(err, errlen, "array", "data", data);
		goto out;
	}
	const cJSON *v;
	cJSON_ArrayForEach(v, data) {
		if (one(v, ids, n, eth, genesis_time, sweep_s, out, found, err, errlen) < 0)
			goto out;
	}
	rc = 0;
out:
	if (rc < 0)
		out->n = n0;
	cJSON_Delete(root);
	return rc;
}
