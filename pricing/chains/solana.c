/* solana.c — SOL, SPL tokens and stake accounts (solana.h). */
#include "pricing/chains/solana.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pricing/feed.h"

char *solana_build(const char *const *addrs, size_t n, const struct catalog *cat)
{
	struct feed_buf b = { 0 };
	feed_buf_printf(&b, "[{\"jsonrpc\":\"2.0\",\"id\":%ld,\"method\":\"getEpochInfo\"}",
	                SOL_EPOCH_ID);
	for (size_t k = 0; k < n; k++) {
		/* addresses were checked as base58: no quoting needed */
		feed_buf_printf(&b, ",{\"jsonrpc\":\"2.0\",\"id\":%ld,\"method\":\"getBalance\","
		                    "\"params\":[\"%s\"]}", SOL_ID(k, 0), addrs[k]);
		feed_buf_printf(&b, ",{\"jsonrpc\":\"2.0\",\"id\":%ld,\"method\":\"getAccountInfo\","
		                    "\"params\":[\"%s\",{\"encoding\":\"jsonParsed\"}]}",
		                SOL_ID(k, 1), addrs[k]);
		for (size_t i = 0; cat && i < cat->n; i++) {
			const struct asset *a = &cat->assets[i];
			if (strcmp(a->chain, "solana") || !a->token[0] || chain_text_bad(a->token))
				continue;
			feed_buf_printf(&b, ",{\"jsonrpc\":\"2.0\",\"id\":%ld,\"method\":"
			                    "\"getTokenAccountsByOwner\",\"params\":[\"%s\",{\"mint\":"
			                    "\"%s\"},{\"encoding\":\"jsonParsed\"}]}",
			                SOL_ID(k, 2 + i), addrs[k], a->token);
		}
	}
	feed_buf_printf(&b, "]");
	return feed_buf_take(&b);
}

/* The result of answer id, or NULL with err. */
static const cJSON *result_of(const cJSON *root, long id, const char *what, char *err,
                              size_t errlen)
{
	const cJSON *a = chain_rpc_answer(root, id, what, err, errlen);
	if (!a)
		return NULL;
	const cJSON *r = cJSON_GetObjectItemCaseSensitive(a, "result");
	if (!r)
		feed_fail(err, errlen, "missing: result of %s", what);
	return r;
}

static const cJSON *path(const cJSON *j, const char *const *keys)
{
	for (; *keys && j; keys++)
		j = cJSON_GetObjectItemCaseSensitive(j, *keys);
	return j;
}

static const struct asset *native_sol(const struct catalog *cat)
{
	for (size_t i = 0; i < cat->n; i++)
		if (strcmp(cat->assets[i].chain, "solana") == 0 && cat->assets[i].model == MODEL_NATIVE)
			return &cat->assets[i];
	return NULL;
}

static int lamports(const cJSON *j, const struct asset *sol, dec_t *q)
{
	uint64_t v;
	char d[24];
	if (chain_json_u64(j, &v) < 0 || v == U64_SENTINEL)
		return -1;
	snprintf(d, sizeof d, "%llu", (unsigned long long)v);
	return chain_units(d, sol->decimals, q);
}

static int stake_account(const cJSON *value, const char *addr, const struct asset *sol,
                         const cJSON *epoch_info, int64_t now, struct chain_items *out,
                         char *err, size_t errlen)
{
	static const char *const k_parsed[] = { "data", "parsed", NULL };
	static const char *const k_deleg[] = { "info", "stake", "delegation", NULL };
	const cJSON *parsed = path(value, k_parsed);
	const char *type = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(parsed, "type"));
	struct chain_item it = { 0 };
	snprintf(it.asset, sizeof it.asset, "%s", sol->symbol);
	snprintf(it.key, sizeof it.key, "stake %s", addr);
	if (lamports(cJSON_GetObjectItemCaseSensitive(value, "lamports"), sol, &it.quantity) < 0)
		return feed_fail(err, errlen, "lamports of stake account is not an integer");
	if (!parsed || !type)
		return feed_fail(err, errlen, "stake account data is not jsonParsed");
	if (strcmp(type, "delegated") != 0) {
		snprintf(it.detail, sizeof it.detail, "not delegated");
		return chain_items_push(out, &it) < 0 ? feed_fail(err, errlen, "out of memory") : 0;
	}
	const cJSON *d = path(parsed, k_deleg);
	uint64_t act, deact, e = 0, slot_index = 0, slots = 0;
	const char *voter = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(d, "voter"));
	if (chain_json_u64(cJSON_GetObjectItemCaseSensitive(d, "activationEpoch"), &act) < 0 ||
	    chain_json_u64(cJSON_GetObjectItemCaseSensitive(d, "deactivationEpoch"), &deact) < 0)
		return feed_fail(err, errlen, "stake delegation epochs are not integers");
	if (!voter || chain_text_bad(voter) || strlen(voter) > 44)
		return feed_fail(err, errlen, "stake delegation voter missing or not base58");
	if (!epoch_info ||
	    chain_json_u64(cJSON_GetObjectItemCaseSensitive(epoch_info, "epoch"), &e) < 0 ||
	    chain_json_u64(cJSON_GetObjectItemCaseSensitive(epoch_info, "slotIndex"), &slot_index) < 0 ||
	    chain_json_u64(cJSON_GetObjectItemCaseSensitive(epoch_info, "slotsInEpoch"), &slots) < 0 ||
	    slot_index > slots)
		return feed_fail(err, errlen, "getEpochInfo missing or malformed: stake state unknown");
	const char *state;
	if (deact == U64_SENTINEL)
		state = e <= act ? "activating" : "active";
	else if (deact >= e)
		state = "deactivating";
	else
		state = "withdrawable";
	snprintf(it.detail, sizeof it.detail, "%s, voter %s", state, voter);
	if (deact != U64_SENTINEL) {
		/* deactivating or deactivated: the lamports leave the stake at the
		 * end of epoch deact (the rest of this epoch and whole ones after;
		 * for one ended, the epochs since, back from this one's start) and
		 * are withdrawable from the account from then on */
		double slot_s = sol->unbond.slot_seconds > 0 ? sol->unbond.slot_seconds : 0;
		double left = deact >= e
			? (double)(slots - slot_index) + (double)(deact - e) * (double)slots
			: -((double)slot_index + (double)(e - deact - 1) * (double)slots);
		struct chain_item x = it;
		x.unbonding = true;
		x.estimate = true;
		x.available_at = now + (int64_t)ceil(left * slot_s);
		snprintf(x.parent, sizeof x.parent, "%s", it.key);
		snprintf(x.key, sizeof x.key, "stake %s deactivation", addr);
		it.quantity = dec_zero();
		if (chain_items_push(out, &x) < 0)
			return feed_fail(err, errlen, "out of memory");
	}
	return chain_items_push(out, &it) < 0 ? feed_fail(err, errlen, "out of memory") : 0;
}

static int token_sum(const cJSON *res, const struct asset *a, dec_t *sum, char *err,
                     size_t errlen)
{
	static const char *const k_amt[] = { "account", "data", "parsed", "info", "tokenAmount",
		                             "amount", NULL };
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(res, "value");
	if (!cJSON_IsArray(v))
		return feed_fail_type(err, errlen, "array", "getTokenAccountsByOwner value", v);
	*sum = dec_zero();
	const cJSON *acc;
	cJSON_ArrayForEach(acc, v) {
		const cJSON *amt = path(acc, k_amt);
		dec_t q;
		if (!cJSON_IsString(amt))
			return feed_fail(err, errlen, "token account of %s is not jsonParsed (no amount)",
			                 a->symbol);
		if (chain_units(amt->valuestring, a->decimals, &q) < 0 || dec_add(*sum, q, sum) < 0)
			return feed_fail(err, errlen, "token amount of %s is not an integer", a->symbol);
	}
	return 0;
}

int solana_parse(const char *body, size_t len, size_t k, const char *addr,
                 const struct catalog *cat, int64_t now, struct chain_items *out,
                 uint64_t *slot, char *err, size_t errlen)
{
	*slot = 0;
	cJSON *root = feed_json_parse(body, len, err, errlen);
	if (!root)
		return -1;
	size_t n0 = out->n;
	int rc = -1;
	bool batch;
	const struct asset *sol = native_sol(cat);
	if (!sol) {
		feed_fail(err, errlen, "the catalog has no native solana asset");
		goto out;
	}
	if (feed_rpc_top(root, &batch, err, errlen) < 0)
		goto out;
	if (!batch) {
		feed_fail(err, errlen, "expected a batch answer");
		goto out;
	}
	const cJSON *bal = result_of(root, SOL_ID(k, 0), "getBalance", err, errlen);
	const cJSON *info = bal ? result_of(root, SOL_ID(k, 1), "getAccountInfo", err, errlen) : NULL;
	if (!bal || !info)
		goto out;
	const cJSON *ep = chain_rpc_by_id(root, SOL_EPOCH_ID);
	ep = ep ? cJSON_GetObjectItemCaseSensitive(ep, "result") : NULL;
	static const char *const k_slot[] = { "context", "slot", NULL };
	uint64_t s;
	if (chain_json_u64(path(bal, k_slot), &s) == 0)
		*slot = s;
	const cJSON *value = cJSON_GetObjectItemCaseSensitive(info, "value");
	const char *owner = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(value, "owner"));
	if (owner && strcmp(owner, SOL_STAKE_PROGRAM) == 0) {
		rc = stake_account(value, addr, sol, ep, now, out, err, errlen);
		goto out;
	}
	struct chain_item it = { 0 };
	if (lamports(cJSON_GetObjectItemCaseSensitive(bal, "value"), sol, &it.quantity) < 0) {
		feed_fail(err, errlen, "getBalance value is not an integer");
		goto out;
	}
	snprintf(it.asset, sizeof it.asset, "%s", sol->symbol);
	snprintf(it.key, sizeof it.key, "%s", sol->symbol);
	it.idle = true;
	snprintf(it.detail, sizeof it.detail, "wallet balance");
	if (chain_items_push(out, &it) < 0) {
		feed_fail(err, errlen, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < cat->n; i++) {
		const struct asset *a = &cat->assets[i];
		if (strcmp(a->chain, "solana") || !a->token[0] || chain_text_bad(a->token))
			continue;
		char what[64];
		snprintf(what, sizeof what, "getTokenAccountsByOwner %s", a->symbol);
		const cJSON *r = result_of(root, SOL_ID(k, 2 + i), what, err, errlen);
		struct chain_item t = { 0 };
		if (!r || token_sum(r, a, &t.quantity, err, errlen) < 0)
			goto out;
		snprintf(t.asset, sizeof t.asset, "%s", a->symbol);
		snprintf(t.key, sizeof t.key, "%s", a->symbol);
		snprintf(t.detail, sizeof t.detail, "token accounts");
		if (chain_items_push(out, &t) < 0) {
			feed_fail(err, errlen, "out of memory");
			goto out;
		}
	}
	rc = 0;
out:
	if (rc < 0)
		out->n = n0;
	cJSON_Delete(root);
	return rc;
}
