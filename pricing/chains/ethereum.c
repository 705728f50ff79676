/* ethereum.c — ETH and ERC-20 balances, stETH shares (ethereum.h). */
#include "pricing/chains/ethereum.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pricing/feed.h"

static bool hex0x(const char *s, size_t digits)
{
	if (strlen(s) != digits + 2 || s[0] != '0' || s[1] != 'x')
		return false;
	for (size_t i = 2; s[i]; i++)
		if (!strchr("0123456789abcdefABCDEF", s[i]))
			return false;
	return true;
}

bool ethereum_reads(const struct asset *a)
{
	return strcmp(a->chain, "ethereum") == 0 && hex0x(a->token, 40) &&
	       a->model != MODEL_RESTAKED_SHARES;
}

static void lower(char *dst, const char *src)
{
	for (; *src; src++)
		*dst++ = *src >= 'A' && *src <= 'F' ? (char)(*src - 'A' + 'a') : *src;
	*dst = '\0';
}

/* One call object into b. */
static void put(struct feed_buf *b, long id, const char *method, const char *to,
                const char *sel, const char *addr)
{
	if (!to) {
		feed_buf_printf(b, "{\"jsonrpc\":\"2.0\",\"id\":%ld,\"method\":\"%s\",\"params\":%s}",
		                id, method ? method : "eth_call", addr ? addr : "[]");
		return;
	}
	char data[2 + 8 + 64 + 1], a[41], s[9];
	lower(s, sel + 2);
	if (addr) {
		lower(a, addr + 2);
		snprintf(data, sizeof data, "0x%s000000000000000000000000%s", s, a);
	} else {
		snprintf(data, sizeof data, "0x%s", s);
	}
	feed_buf_printf(b, "{\"jsonrpc\":\"2.0\",\"id\":%ld,\"method\":\"eth_call\",\"params\":"
	                   "[{\"to\":\"%s\",\"data\":\"%s\",\"input\":\"%s\"},\"latest\"]}",
	                id, to, data, data);
}

char *ethereum_build(const char *const *addrs, size_t n, const struct catalog *cat,
                     char ***single, size_t *n_single)
{
	struct feed_buf b = { 0 };
	char **v = NULL;
	size_t nv = 0, cap = 0;
	bool oom = false;
	/* every call once into a scratch buffer, appended to the batch and,
	 * when asked, kept as its own request */
#define EMIT(...)                                                                           \
	do {                                                                                \
		struct feed_buf one = { 0 };                                                \
		put(&one, __VA_ARGS__);                                                     \
		char *s_ = feed_buf_take(&one);                                             \
		if (!s_) {                                                                  \
			oom = true;                                                         \
			break;                                                              \
		}                                                                           \
		feed_buf_printf(&b, "%s%s", b.len > 1 ? "," : "", s_);                      \
		if (single && nv == cap) {                                                  \
			size_t nc = cap ? cap * 2 : 16;                                     \
			char **nn = realloc(v, nc * sizeof *nn);                            \
			if (!nn) {                                                          \
				free(s_);                                                   \
				oom = true;                                                 \
				break;                                                      \
			}                                                                   \
			v = nn;                                                             \
			cap = nc;                                                           \
		}                                                                           \
		if (single)                                                                 \
			v[nv++] = s_;                                                       \
		else                                                                        \
			free(s_);                                                           \
	} while (0)
	feed_buf_printf(&b, "[");
	EMIT(ETH_W_BLOCK_ID, "eth_blockNumber", NULL, NULL, "[]");
	const char *dm = ethereum_el_manager(cat);
	if (dm && n)
		EMIT(ETH_W_DELAY_ID, NULL, dm, "0xc448feb8", NULL);
	for (size_t k = 0; k < n && !oom; k++) {
		if (dm) {
			EMIT(ETH_W_ID(k, ETH_W_EL_DEPOSITS), NULL, dm, "0x66d5ba93", addrs[k]);
			EMIT(ETH_W_ID(k, ETH_W_EL_QUEUED), NULL, dm, "0x5dd68579", addrs[k]);
		}
		char params[64];
		snprintf(params, sizeof params, "[\"%s\",\"latest\"]", addrs[k]);
		EMIT(ETH_W_ID(k, 0), "eth_getBalance", NULL, NULL, params);
		for (size_t i = 0; cat && i < cat->n && !oom; i++) {
			const struct asset *a = &cat->assets[i];
			if (!ethereum_reads(a))
				continue;
			EMIT(ETH_W_ID(k, 1 + 2 * i), NULL, a->token, "0x70a08231", addrs[k]);
			if (hex0x(a->shares_selector, 8))
				EMIT(ETH_W_ID(k, 2 + 2 * i), NULL, a->token, a->shares_selector, addrs[k]);
		}
	}
#undef EMIT
	feed_buf_printf(&b, "]");
	char *body = feed_buf_take(&b);
	if (oom || !body) {
		free(body);
		feed_urls_free(v, nv);
		return NULL;
	}
	if (single) {
		*single = v;
		*n_single = nv;
	}
	return body;
}

const char *ethereum_el_manager(const struct catalog *cat)
{
	for (size_t i = 0; cat && i < cat->n; i++) {
		const struct asset *a = &cat->assets[i];
		if (a->model == MODEL_RESTAKED_SHARES && strcmp(a->chain, "ethereum") == 0 &&
		    hex0x(a->delegation_manager, 40))
			return a->delegation_manager;
	}
	return NULL;
}

char *ethereum_build_el2(const char *const *addrs, size_t n, const struct catalog *cat,
                         const struct el_shares *dep, char ***single, size_t *n_single,
                         bool *none)
{
	const char *dm = ethereum_el_manager(cat);
	struct feed_buf b = { 0 };
	char **v = single ? calloc(n ? n : 1, sizeof *v) : NULL;
	size_t nv = 0;
	*none = true;
	if (single && !v)
		return NULL;
	feed_buf_printf(&b, "[");
	for (size_t k = 0; dm && k < n; k++) {
		if (dep[k].n == 0)
			continue;
		char *data = el_withdrawable_calldata(addrs[k], &dep[k]);
		struct feed_buf one = { 0 };
		if (data)
			feed_buf_printf(&one, "{\"jsonrpc\":\"2.0\",\"id\":%ld,\"method\":\"eth_call\","
			                      "\"params\":[{\"to\":\"%s\",\"data\":\"%s\",\"input\":\"%s\"},"
			                      "\"latest\"]}", ETH_W_ID(k, ETH_W_EL_WITHDRAWABLE), dm, data, data);
		free(data);
		char *c = data ? feed_buf_take(&one) : NULL;
		if (!c) {
			feed_buf_done(&one);
			feed_buf_done(&b);
			feed_urls_free(v, nv);
			return NULL;
		}
		feed_buf_printf(&b, "%s%s", *none ? "" : ",", c);
		*none = false;
		if (single)
			v[nv++] = c;
		else
			free(c);
	}
	feed_buf_printf(&b, "]");
	char *body = feed_buf_take(&b);
	if (!body) {
		feed_urls_free(v, nv);
		return NULL;
	}
	if (single) {
		*single = v;
		*n_single = nv;
	}
	return body;
}

/* Answer id as an exact quantity with decimals; 0, or -1 with err. */
static int quantity(const cJSON *root, long id, const char *what, const char *to,
                    unsigned decimals, dec_t *q, char *err, size_t errlen)
{
	const cJSON *a = chain_rpc_answer(root, id, what, err, errlen);
	if (!a)
		return -1;
	const char *r = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(a, "result"));
	if (!r)
		return feed_fail(err, errlen, "result of %s is not a string", what);
	int rc = chain_hex_units(r, decimals, q);
	if (rc == -2)
		return feed_fail(err, errlen, "result of %s is empty: no contract code at %s", what,
		                 to ? to : "the address");
	if (rc < 0)
		return feed_fail(err, errlen, "result of %s is not a hex quantity that fits", what);
	return 0;
}

int ethereum_parse(const char *body, size_t len, size_t k, const struct catalog *cat,
                   struct chain_items *out, uint64_t *block, char *err, size_t errlen)
{
	*block = 0;
	cJSON *root = feed_json_parse(body, len, err, errlen);
	if (!root)
		return -1;
	size_t n0 = out->n;
	int rc = -1;
	bool batch;
	if (feed_rpc_top(root, &batch, err, errlen) < 0)
		goto out;
	if (!batch) {
		feed_fail(err, errlen, "expected a batch answer");
		goto out;
	}
	dec_t bn;
	if (quantity(root, ETH_W_BLOCK_ID, "eth_blockNumber", NULL, 0, &bn, err, errlen) == 0) {
		char t[DEC_STR_MAX];
		dec_format(bn, t, sizeof t);
		*block = strtoull(t, NULL, 10);
	}
	const struct asset *eth = NULL;
	for (size_t i = 0; i < cat->n && !eth; i++)
		if (strcmp(cat->assets[i].chain, "ethereum") == 0 &&
		    cat->assets[i].model == MODEL_NATIVE)
			eth = &cat->assets[i];
	if (!eth) {
		feed_fail(err, errlen, "the catalog has no native ethereum asset");
		goto out;
	}
	struct chain_item it = { 0 };
	if (quantity(root, ETH_W_ID(k, 0), "eth_getBalance", NULL, eth->decimals, &it.quantity,
	             err, errlen) < 0)
		goto out;
	snprintf(it.asset, sizeof it.asset, "%s", eth->symbol);
	snprintf(it.key, sizeof it.key, "%s", eth->symbol);
	snprintf(it.detail, sizeof it.detail, "wallet balance");
	it.idle = true;
	if (chain_items_push(out, &it) < 0)
		goto oom;
	for (size_t i = 0; i < cat->n; i++) {
		const struct asset *a = &cat->assets[i];
		if (!ethereum_reads(a))
			continue;
		char what[SYM_MAX + 24];
		struct chain_item t = { 0 };
		snprintf(what, sizeof what, "balanceOf %s", a->symbol);
		if (quantity(root, ETH_W_ID(k, 1 + 2 * i), what, a->token, a->decimals, &t.quantity,
		             err, errlen) < 0)
			goto out;
		if (hex0x(a->shares_selector, 8)) {
			snprintf(what, sizeof what, "shares of %s", a->symbol);
			if (quantity(root, ETH_W_ID(k, 2 + 2 * i), what, a->token, a->decimals,
			             &t.shares, err, errlen) < 0)
				goto out;
			t.has_shares = true;
		}
		snprintf(t.asset, sizeof t.asset, "%s", a->symbol);
		snprintf(t.key, sizeof t.key, "%s", a->symbol);
		snprintf(t.detail, sizeof t.detail, "token balance");
		if (chain_items_push(out, &t) < 0)
			goto oom;
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

/* The bytes of answer id's result; 0, or -1 with err. */
static int result_bytes(const cJSON *root, long id, const char *what, uint8_t **b, size_t *n,
                        char *err, size_t errlen)
{
	const cJSON *a = chain_rpc_answer(root, id, what, err, errlen);
	if (!a)
		return -1;
	const char *r = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(a, "result"));
	if (!r || abi_hex_bytes(r, b, n) < 0)
		return feed_fail(err, errlen, "result of %s is not hex bytes", what);
	if (*n == 0) {
		free(*b);
		*b = NULL;
		return feed_fail(err, errlen, "result of %s is empty: no contract code at the DelegationManager", what);
	}
	return 0;
}

static const struct asset *strategy_asset(const struct catalog *cat, const char *strategy)
{
	for (size_t i = 0; i < cat->n; i++) {
		const struct asset *a = &cat->assets[i];
		if (a->model == MODEL_RESTAKED_SHARES && strcasecmp(a->token, strategy) == 0)
			return a;
	}
	return NULL;
}

int ethereum_parse_el(const char *body, size_t len, size_t k, const struct catalog *cat,
                      uint64_t block, int64_t now, struct el_shares *dep,
                      struct chain_items *out, char *err, size_t errlen)
{
	memset(dep, 0, sizeof *dep);
	cJSON *root = feed_json_parse(body, len, err, errlen);
	if (!root)
		return -1;
	size_t n0 = out->n;
	int rc = -1;
	uint8_t *b = NULL;
	size_t n;
	uint32_t delay;
	struct el_withdrawal *w = calloc(EL_MAX_WITHDRAWALS, sizeof *w);
	size_t nw = 0;
	char sub[160];
	if (!w) {
		feed_fail(err, errlen, "out of memory");
		goto out;
	}
	if (result_bytes(root, ETH_W_ID(k, ETH_W_EL_DEPOSITS), "getDepositedShares", &b, &n, err,
	                 errlen) < 0)
		goto out;
	if (el_parse_deposited(b, n, dep, sub, sizeof sub) < 0) {
		feed_fail(err, errlen, "getDepositedShares: %s", sub);
		goto out;
	}
	free(b);
	b = NULL;
	if (result_bytes(root, ETH_W_DELAY_ID, "minWithdrawalDelayBlocks", &b, &n, err, errlen) < 0)
		goto out;
	if (el_parse_u32(b, n, &delay) < 0) {
		feed_fail(err, errlen, "minWithdrawalDelayBlocks is not a uint32");
		goto out;
	}
	free(b);
	b = NULL;
	if (result_bytes(root, ETH_W_ID(k, ETH_W_EL_QUEUED), "getQueuedWithdrawals", &b, &n, err,
	                 errlen) < 0)
		goto out;
	if (el_parse_queued(b, n, w, EL_MAX_WITHDRAWALS, &nw, sub, sizeof sub) < 0) {
		feed_fail(err, errlen, "getQueuedWithdrawals: %s", sub);
		goto out;
	}
	for (size_t i = 0; i < nw; i++) {
		uint64_t end = (uint64_t)w[i].start_block + delay;
		for (size_t s = 0; s < w[i].s.n; s++) {
			const struct asset *a = strategy_asset(cat, w[i].s.strategy[s]);
			if (!a)
				continue;
			struct chain_item it = { 0 };
			snprintf(it.asset, sizeof it.asset, "%s", a->symbol);
			snprintf(it.key, sizeof it.key, "queued %s from block %u #%zu", a->symbol,
			         w[i].start_block, s);
			it.quantity = w[i].s.shares[s];
			it.unbonding = true;
			it.estimate = true;
			snprintf(it.parent, sizeof it.parent, "%s", a->symbol);
			it.available_at = now + (end > block ? (int64_t)(end - block) * ETH_BLOCK_SECONDS : 0);
			snprintf(it.detail, sizeof it.detail, "queued withdrawal, completable at block %llu",
			         (unsigned long long)end);
			if (chain_items_push(out, &it) < 0) {
				feed_fail(err, errlen, "out of memory");
				goto out;
			}
		}
	}
	rc = 0;
out:
	if (rc < 0) {
		out->n = n0;
		memset(dep, 0, sizeof *dep);
	}
	free(b);
	free(w);
	cJSON_Delete(root);
	return rc;
}

int ethereum_parse_el2(const char *body, size_t len, size_t k, const struct catalog *cat,
                       const struct el_shares *dep, struct chain_items *out, char *err,
                       size_t errlen)
{
	if (dep->n == 0)
		return 0;
	cJSON *root = feed_json_parse(body, len, err, errlen);
	if (!root)
		return -1;
	size_t n0 = out->n;
	int rc = -1;
	uint8_t *b = NULL;
	size_t n;
	dec_t wd[EL_MAX_STRATEGIES];
	char sub[160];
	if (result_bytes(root, ETH_W_ID(k, ETH_W_EL_WITHDRAWABLE), "getWithdrawableShares", &b, &n,
	                 err, errlen) < 0)
		goto out;
	if (el_parse_withdrawable(b, n, dep->n, wd, sub, sizeof sub) < 0) {
		feed_fail(err, errlen, "getWithdrawableShares: %s", sub);
		goto out;
	}
	for (size_t s = 0; s < dep->n; s++) {
		const struct asset *a = strategy_asset(cat, dep->strategy[s]);
		if (!a)
			continue;
		struct chain_item it = { 0 };
		snprintf(it.asset, sizeof it.asset, "%s", a->symbol);
		snprintf(it.key, sizeof it.key, "%s", a->symbol);
		it.quantity = wd[s];
		snprintf(it.detail, sizeof it.detail, "EigenLayer withdrawable shares");
		if (chain_items_push(out, &it) < 0) {
			feed_fail(err, errlen, "out of memory");
			goto out;
		}
	}
	rc = 0;
out:
	if (rc < 0)
		out->n = n0;
	free(b);
	cJSON_Delete(root);
	return rc;
}
