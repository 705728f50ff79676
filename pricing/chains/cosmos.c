/* cosmos.c — Cosmos Hub delegations, unbondings, rewards and liquid ATOM
 * (cosmos.h). */
#include "pricing/chains/cosmos.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pricing/feed.h"

char *cosmos_build_url(const char *base, enum cosmos_query q, const char *address,
                       const char *next_key)
{
	static const char *const fmt[] = {
		"%.*s/cosmos/staking/v1beta1/delegations/",
		"%.*s/cosmos/staking/v1beta1/delegators/",
		"%.*s/cosmos/distribution/v1beta1/delegators/",
		"%.*s/cosmos/bank/v1beta1/balances/",
	};
	static const char *const tail[] = { "", "/unbonding_delegations", "/rewards", "" };
	struct feed_buf b = { 0 };
	feed_buf_printf(&b, fmt[q], (int)feed_base_len(base), base);
	feed_buf_urlenc(&b, address);
	feed_buf_printf(&b, "%s", tail[q]);
	if (next_key) {
		feed_buf_printf(&b, "?pagination.key=");
		feed_buf_urlenc(&b, next_key);
	}
	return feed_buf_take(&b);
}

static const char *str_at(const cJSON *o, const char *k)
{
	const cJSON *j = cJSON_GetObjectItemCaseSensitive(o, k);
	return cJSON_IsString(j) ? j->valuestring : NULL;
}

static void quote(char *dst, size_t n, const char *s)
{
	feed_quote(dst, n, s ? s : "", s ? strlen(s) : 0, 40);
}

/* The next page's key: a non-empty string; none when pagination or
 * next_key is null, absent or "". Any other type, or a key that is not
 * plain text, is refused: a page would be lost or a hostile byte sent. */
static int take_next(const cJSON *root, char **next_key, char *err, size_t errlen)
{
	const cJSON *pg = cJSON_GetObjectItemCaseSensitive(root, "pagination");
	if (!pg || cJSON_IsNull(pg))
		return 0;
	if (!cJSON_IsObject(pg))
		return feed_fail_type(err, errlen, "object", "pagination", pg);
	const cJSON *k = cJSON_GetObjectItemCaseSensitive(pg, "next_key");
	if (!k || cJSON_IsNull(k))
		return 0;
	if (!cJSON_IsString(k))
		return feed_fail_type(err, errlen, "string", "pagination.next_key", k);
	if (!*k->valuestring)
		return 0;
	if (chain_text_bad(k->valuestring)) {
		char q[FEED_QUOTE_MAX + 8];
		quote(q, sizeof q, k->valuestring);
		return feed_fail(err, errlen, "pagination.next_key '%s' is not plain text", q);
	}
	*next_key = strdup(k->valuestring);
	return *next_key ? 0 : feed_fail(err, errlen, "out of memory");
}

static int delegations(const cJSON *root, const struct asset *atom, struct chain_items *out,
                       char *err, size_t errlen)
{
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, "delegation_responses");
	if (!cJSON_IsArray(arr))
		return feed_fail_type(err, errlen, "array", "delegation_responses", arr);
	const cJSON *d;
	cJSON_ArrayForEach(d, arr) {
		const cJSON *del = cJSON_GetObjectItemCaseSensitive(d, "delegation");
		const cJSON *bal = cJSON_GetObjectItemCaseSensitive(d, "balance");
		const char *val = str_at(del, "validator_address");
		const char *amt = str_at(bal, "amount");
		const char *denom = str_at(bal, "denom");
		char q[FEED_QUOTE_MAX + 8];
		if (!val || !*val || chain_text_bad(val))
			return feed_fail(err, errlen, "delegation.validator_address missing or not plain text");
		if (!denom || strcmp(denom, "uatom") != 0) {
			quote(q, sizeof q, denom);
			return feed_fail(err, errlen, "balance.denom '%s' is not uatom", q);
		}
		struct chain_item it = { 0 };
		if (chain_units(amt, atom->decimals, &it.quantity) < 0) {
			quote(q, sizeof q, amt);
			return feed_fail(err, errlen, "balance.amount '%s' is not an integer", q);
		}
		snprintf(it.asset, sizeof it.asset, "%s", atom->symbol);
		snprintf(it.key, sizeof it.key, "%s@%s", atom->symbol, val);
		snprintf(it.detail, sizeof it.detail, "delegated to %s", val);
		if (chain_items_push(out, &it) < 0)
			return feed_fail(err, errlen, "out of memory");
	}
	return 0;
}

static int unbondings(const cJSON *root, const struct asset *atom, struct chain_items *out,
                      char *err, size_t errlen)
{
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, "unbonding_responses");
	if (!cJSON_IsArray(arr))
		return feed_fail_type(err, errlen, "array", "unbonding_responses", arr);
	const cJSON *u;
	cJSON_ArrayForEach(u, arr) {
		const char *val = str_at(u, "validator_address");
		const cJSON *entries = cJSON_GetObjectItemCaseSensitive(u, "entries");
		if (!val || !*val || chain_text_bad(val))
			return feed_fail(err, errlen, "validator_address missing or not plain text");
		if (!cJSON_IsArray(entries))
			return feed_fail_type(err, errlen, "array", "entries", entries);
		const cJSON *e;
		cJSON_ArrayForEach(e, entries) {
			struct chain_item it = { 0 };
			char q[FEED_QUOTE_MAX + 8];
			const char *bal = str_at(e, "balance"), *ct = str_at(e, "completion_time");
			const char *h = str_at(e, "creation_height"), *uid = str_at(e, "unbonding_id");
			if (chain_units(bal, atom->decimals, &it.quantity) < 0) {
				quote(q, sizeof q, bal);
				return feed_fail(err, errlen, "entry balance '%s' is not an integer", q);
			}
			if (chain_time_rfc3339(ct, &it.available_at) < 0) {
				quote(q, sizeof q, ct);
				return feed_fail(err, errlen, "completion_time '%s' is not RFC 3339", q);
			}
			if ((uid && chain_text_bad(uid)) || (h && chain_text_bad(h)))
				return feed_fail(err, errlen, "unbonding_id or creation_height not plain text");
			it.unbonding = true;
			snprintf(it.parent, sizeof it.parent, "%s@%s", atom->symbol, val);
			snprintf(it.asset, sizeof it.asset, "%s", atom->symbol);
			/* one entry: its id where the node sends one, else its height */
			snprintf(it.key, sizeof it.key, "unbonding %s@%.60s #%.20s", atom->symbol, val,
			         uid ? uid : h ? h : "?");
			snprintf(it.detail, sizeof it.detail, "unbonding from %.60s", val);
			if (chain_items_push(out, &it) < 0)
				return feed_fail(err, errlen, "out of memory");
		}
	}
	return 0;
}

/* "1234567.891234567891234567" uatom -> 1234567 uatom, as tokens. */
static int rewards(const cJSON *root, const struct asset *atom, struct chain_items *out,
                   char *err, size_t errlen)
{
	const cJSON *tot = cJSON_GetObjectItemCaseSensitive(root, "total");
	if (!cJSON_IsArray(tot))
		return feed_fail_type(err, errlen, "array", "total", tot);
	const cJSON *c;
	cJSON_ArrayForEach(c, tot) {
		const char *denom = str_at(c, "denom"), *amt = str_at(c, "amount");
		if (!denom || strcmp(denom, "uatom") != 0)
			continue;
		char whole[48];
		size_t k = amt ? strcspn(amt, ".") : 0;
		if (!amt || k == 0 || k >= sizeof whole)
			return feed_fail(err, errlen, "rewards amount is not a decimal");
		memcpy(whole, amt, k);
		whole[k] = '\0';
		if (amt[k] == '.')
			for (const char *p = amt + k + 1; *p; p++)
				if (*p < '0' || *p > '9')
					return feed_fail(err, errlen, "rewards amount is not a decimal");
		struct chain_item it = { 0 };
		if (chain_units(whole, atom->decimals, &it.quantity) < 0)
			return feed_fail(err, errlen, "rewards amount is not a decimal");
		snprintf(it.asset, sizeof it.asset, "%s", atom->symbol);
		snprintf(it.key, sizeof it.key, "%s rewards", atom->symbol);
		/* paid out but not staked: it earns nothing until withdrawn and
		 * delegated, so it is idle like the wallet's balance */
		it.idle = true;
		snprintf(it.detail, sizeof it.detail, "pending rewards");
		if (chain_items_push(out, &it) < 0)
			return feed_fail(err, errlen, "out of memory");
	}
	return 0;
}

static bool digits_only(const char *s)
{
	return s && *s && !s[strspn(s, "0123456789")];
}

/* The bank balances: every coin's denom plain text and amount an integer
 * string; uatom (at most once a page) is the wallet's liquid ATOM, the
 * rest skipped. The page's uatom goes into the idle atom->symbol item an
 * earlier page left in out, else a new one (0 when the page has none);
 * out is touched only once the whole page checked. */
static int balances(const cJSON *root, const struct asset *atom, struct chain_items *out,
                    char *err, size_t errlen)
{
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, "balances");
	if (!cJSON_IsArray(arr))
		return feed_fail_type(err, errlen, "array", "balances", arr);
	dec_t held = dec_zero();
	bool seen = false;
	const cJSON *c;
	cJSON_ArrayForEach(c, arr) {
		if (!cJSON_IsObject(c))
			return feed_fail_type(err, errlen, "object", "balances[]", c);
		const cJSON *dj = cJSON_GetObjectItemCaseSensitive(c, "denom");
		const cJSON *aj = cJSON_GetObjectItemCaseSensitive(c, "amount");
		char q[FEED_QUOTE_MAX + 8], d[FEED_QUOTE_MAX + 8];
		if (!cJSON_IsString(dj))
			return feed_fail_type(err, errlen, "string", "balances[].denom", dj);
		if (!cJSON_IsString(aj))
			return feed_fail_type(err, errlen, "string", "balances[].amount", aj);
		const char *denom = dj->valuestring, *amt = aj->valuestring;
		quote(d, sizeof d, denom);
		if (!*denom || chain_text_bad(denom))
			return feed_fail(err, errlen, "balances denom '%s' is not plain text", d);
		quote(q, sizeof q, amt);
		if (!digits_only(amt))
			return feed_fail(err, errlen, "balances amount '%s' of %s is not an integer", q, d);
		if (strcmp(denom, "uatom") != 0)
			continue;
		if (seen)
			return feed_fail(err, errlen, "balances list uatom twice");
		seen = true;
		if (chain_units(amt, atom->decimals, &held) < 0)
			return feed_fail(err, errlen, "balances amount '%s' of uatom is too large", q);
	}
	for (size_t k = 0; k < out->n; k++) {
		struct chain_item *it = &out->v[k];
		if (!it->idle || strcmp(it->key, atom->symbol) != 0)
			continue;
		if (seen && !dec_is_zero(it->quantity))
			return feed_fail(err, errlen, "balances list uatom on two pages");
		if (seen)
			it->quantity = held;
		return 0;
	}
	struct chain_item it = { 0 };
	it.quantity = held;
	it.idle = true;
	snprintf(it.asset, sizeof it.asset, "%s", atom->symbol);
	snprintf(it.key, sizeof it.key, "%s", atom->symbol);
	snprintf(it.detail, sizeof it.detail, "wallet balance");
	if (chain_items_push(out, &it) < 0)
		return feed_fail(err, errlen, "out of memory");
	return 0;
}

int cosmos_parse(enum cosmos_query q, const char *body, size_t len, const struct asset *atom,
                 struct chain_items *out, char **next_key, char *err, size_t errlen)
{
	*next_key = NULL;
	cJSON *root = feed_json_parse(body, len, err, errlen);
	if (!root)
		return -1;
	size_t n0 = out->n;
	int rc = -1;
	if (!cJSON_IsObject(root)) {
		feed_fail_type(err, errlen, "object", "the top level", root);
		goto out;
	}
	const cJSON *code = cJSON_GetObjectItemCaseSensitive(root, "code");
	const char *msg = str_at(root, "message");
	if (cJSON_IsNumber(code) && code->valueint != 0) {
		char m[FEED_QUOTE_MAX + 8];
		quote(m, sizeof m, msg);
		feed_fail(err, errlen, "node error %d '%s'", code->valueint, m);
		goto out;
	}
	/* the key first: a balances page changes an item in place */
	if (q != COSMOS_REWARDS && take_next(root, next_key, err, errlen) < 0)
		goto out;
	rc = q == COSMOS_DELEGATIONS ? delegations(root, atom, out, err, errlen)
	     : q == COSMOS_UNBONDING ? unbondings(root, atom, out, err, errlen)
	     : q == COSMOS_REWARDS   ? rewards(root, atom, out, err, errlen)
	                             : balances(root, atom, out, err, errlen);
out:
	if (rc < 0) {
		out->n = n0;
		free(*next_key);
		*next_key = NULL;
	}
	cJSON_Delete(root);
	return rc;
}
