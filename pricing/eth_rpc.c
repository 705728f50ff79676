/* eth_rpc.c — eth_call batches for exchange rates: bodies and the parser. */
#include "pricing/eth_rpc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "positions/decimal.h"
#include "positions/ratio.h"
#include "pricing/feed.h"
#include "pricing/chains/chains.h"

#define WORD 32

static bool is_hex0x(const char *s, size_t digits)
{
	if (s[0] != '0' || (s[1] != 'x' && s[1] != 'X') || strlen(s) != digits + 2)
		return false;
	for (size_t i = 2; i < digits + 2; i++)
		if (chain_hexval(s[i]) < 0)
			return false;
	return true;
}

/* Decimal digits into a 32-byte big-endian word; -1 when not digits or
 * not below 2^256. */
static int uint256_from_dec(const char *s, uint8_t w[WORD])
{
	memset(w, 0, WORD);
	if (!*s || strlen(s) > 78)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		unsigned carry = (unsigned)(*s - '0');
		for (int i = WORD - 1; i >= 0; i--) {
			unsigned v = w[i] * 10u + carry;
			w[i] = (uint8_t)v;
			carry = v >> 8;
		}
		if (carry)
			return -1;
	}
	return 0;
}

const char *eth_rpc_check_source(const struct asset *a)
{
	uint8_t w[WORD];
	if (a->rate.type != RATE_EVM_CALL)
		return "not an EVM call";
	if (!is_hex0x(a->rate.address, 40))
		return "address is not 0x and 40 hex digits";
	if (!is_hex0x(a->rate.selector, 8))
		return "selector is not 0x and 8 hex digits";
	if (a->rate.arg[0] && uint256_from_dec(a->rate.arg, w) < 0)
		return "arg is not a uint256 in decimal digits";
	if (a->rate.scale_decimals > 36)
		return "scale_decimals is above 36";
	return NULL;
}

/* One call object; the source must have passed eth_rpc_check_source. */
static void put_call(struct feed_buf *b, const struct asset *a, int id)
{
	char data[2 + 8 + 2 * WORD + 1];
	size_t n = 0;
	data[n++] = '0';
	data[n++] = 'x';
	for (size_t i = 2; i < 10; i++) {
		char c = a->rate.selector[i];
		data[n++] = c >= 'A' && c <= 'F' ? (char)(c - 'A' + 'a') : c;
	}
	if (a->rate.arg[0]) {
		uint8_t w[WORD];
		uint256_from_dec(a->rate.arg, w);
		for (size_t i = 0; i < WORD; i++) {
			data[n++] = "0123456789abcdef"[w[i] >> 4];
			data[n++] = "0123456789abcdef"[w[i] & 15];
		}
	}
	data[n] = '\0';
	feed_buf_printf(b,
	                "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"eth_call\",\"params\":"
	                "[{\"to\":\"%s\",\"data\":\"%s\",\"input\":\"%s\"},\"latest\"]}",
	                id, a->rate.address, data, data);
}

int eth_rpc_build_batch(const struct catalog *cat, char **body, int **ids_to_asset, size_t *n)
{
	*body = NULL;
	*ids_to_asset = NULL;
	*n = 0;
	size_t count = 0;
	for (size_t i = 0; cat && i < cat->n; i++)
		if (cat->assets[i].rate.type == RATE_EVM_CALL && !eth_rpc_check_source(&cat->assets[i]))
			count++;
	if (count == 0)
		return 0;
	int *ids = malloc(count * sizeof *ids);
	if (!ids)
		return -1;
	struct feed_buf b = {0};
	feed_buf_printf(&b, "[");
	size_t k = 0;
	for (size_t i = 0; i < cat->n; i++) {
		const struct asset *a = &cat->assets[i];
		if (a->rate.type != RATE_EVM_CALL || eth_rpc_check_source(a))
			continue;
		if (k)
			feed_buf_printf(&b, ",");
		put_call(&b, a, ETH_RPC_ID(i));
		ids[k++] = (int)i;
	}
	feed_buf_printf(&b, "]");
	*body = feed_buf_take(&b);
	if (!*body) {
		free(ids);
		return -1;
	}
	*ids_to_asset = ids;
	*n = count;
	return 0;
}

char *eth_rpc_build_single(const struct asset *a, int id)
{
	if (!a || eth_rpc_check_source(a))
		return NULL;
	struct feed_buf b = {0};
	put_call(&b, a, id);
	return feed_buf_take(&b);
}

/* The asset an answer's id names, or -1. */
static long asset_of(const cJSON *id, const struct catalog *cat)
{
	if (!cJSON_IsNumber(id) || id->valuedouble < 1 || id->valuedouble > (double)cat->n ||
	    id->valuedouble != (double)(long)id->valuedouble)
		return -1;
	long i = (long)id->valuedouble - 1;
	return cat->assets[i].rate.type == RATE_EVM_CALL ? i : -1;
}

/* The 32-byte word of a result; 0, or -1 after noting the problem. */
static int result_word(const char *hex, const struct asset *a, struct feed_issues *is,
                       uint8_t w[WORD])
{
	const char *sym = a->symbol;
	size_t n = strlen(hex);
	if (n < 2 || hex[0] != '0' || (hex[1] != 'x' && hex[1] != 'X')) {
		feed_issue(is, "result for %s is not 0x-prefixed hex", sym);
		return -1;
	}
	for (size_t i = 2; i < n; i++) {
		if (chain_hexval(hex[i]) < 0) {
			feed_issue(is, "result for %s is not hex", sym);
			return -1;
		}
	}
	n -= 2;
	if (n == 0) {
		feed_issue(is, "result for %s is empty: no contract code at %s", sym, a->rate.address);
		return -1;
	}
	if (n % 2) {
		feed_issue(is, "result for %s is %zu hex digits, not whole bytes", sym, n);
		return -1;
	}
	if (n != 2 * WORD) {
		feed_issue(is, "result for %s is %zu bytes, expected 32", sym, n / 2);
		return -1;
	}
	for (size_t i = 0; i < WORD; i++)
		w[i] = (uint8_t)(chain_hexval(hex[2 + 2 * i]) << 4 | chain_hexval(hex[3 + 2 * i]));
	return 0;
}

/* One answer item; -1 only when out of memory. */
static int take_item(const cJSON *item, size_t k, const struct catalog *cat, bool *seen,
                     int64_t now, struct obs_list *out, struct feed_issues *is)
{
	if (!cJSON_IsObject(item)) {
		feed_issue(is, "expected object at [%zu], got %s", k, feed_json_type(item));
		return 0;
	}
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(item, "id");
	long i = asset_of(id, cat);
	if (i < 0) {
		feed_issue(is, "answer [%zu] has an unknown id", k);
		return 0;
	}
	const struct asset *a = &cat->assets[i];
	if (seen[i]) {
		feed_issue(is, "more than one answer for %s", a->symbol);
		return 0;
	}
	seen[i] = true;
	const cJSON *e = cJSON_GetObjectItemCaseSensitive(item, "error");
	const cJSON *res = cJSON_GetObjectItemCaseSensitive(item, "result");
	if (e && !cJSON_IsNull(e)) {
		char text[FEED_QUOTE_MAX + 48];
		feed_rpc_error_text(e, text, sizeof text);
		feed_issue(is, "%s for %s", text, a->symbol);
		return 0;
	}
	if (!cJSON_IsString(res)) {
		feed_issue(is, "expected string at [%zu].result (%s), got %s", k, a->symbol,
		           feed_json_type(res));
		return 0;
	}
	uint8_t w[WORD];
	if (result_word(res->valuestring, a, is, w) < 0)
		return 0;
	dec_t d;
	if (dec_from_be_bytes(w, WORD, a->rate.scale_decimals, &d) < 0) {
		feed_issue(is, "rate for %s is out of range (too large)", a->symbol);
		return 0;
	}
	long double x = dec_to_ld(d);
	if (a->rate.invert) {
		/* token per underlying (ankrETH ratio()): the rate is its inverse */
		if (dec_is_zero(d)) {
			feed_issue(is, "rate for %s is zero: cannot invert", a->symbol);
			return 0;
		}
		x = 1.0L / x;
	}
	double v = (double)x;
	const char *why = obs_value_check(OBS_RATE, v);
	if (why) {
		feed_issue(is, "rate for %s %s%s (%g)", a->symbol, strncmp(why, "out", 3) ? "is " : "",
		           why, v);
		return 0;
	}
	if (feed_push(out, a->symbol, OBS_RATE, ETH_RPC_SOURCE, now, v) < 0)
		return -1;
	/* the integer the contract returned over 10^scale, kept exactly (when
	 * it fits 128 bits: any plausible rate does) */
	ratio_u128 num = 0;
	bool fits = true;
	for (int b = 0; b < WORD; b++) {
		if (b < WORD - 16)
			fits = fits && w[b] == 0;
		else
			num = num << 8 | w[b];
	}
	struct ratio r;
	if (fits && ratio_from_scaled(num, a->rate.scale_decimals, &r) == 0) {
		if (a->rate.invert) {          /* the rate is 10^scale / num */
			ratio_u128 t = r.num;
			r.num = r.den;
			r.den = t;
		}
		ratio_format(r, out->v[out->n - 1].exact, sizeof out->v[out->n - 1].exact);
	}
	return 0;
}

int eth_rpc_parse(const char *body, size_t len, const struct catalog *cat,
                  const char *currency, int64_t now, struct obs_list *out, char *err,
                  size_t errlen)
{
	(void)currency;
	static const struct catalog empty = {NULL, 0};
	if (!cat)
		cat = &empty;
	cJSON *root = feed_json_parse(body, len, err, errlen);
	if (!root)
		return -1;
	size_t n0 = out->n;
	int rc = -1;
	bool *seen = calloc(cat->n ? cat->n : 1, sizeof *seen);
	if (!seen) {
		feed_fail(err, errlen, "out of memory");
		goto out;
	}
	bool batch;
	if (feed_rpc_top(root, &batch, err, errlen) < 0)
		goto out;

	struct feed_issues is;
	feed_issues_init(&is, err, errlen);
	size_t k = 0;
	for (const cJSON *item = batch ? root->child : root; item; item = batch ? item->next : NULL) {
		if (take_item(item, k++, cat, seen, now, out, &is) < 0) {
			out->n = n0;
			feed_fail(err, errlen, "out of memory");
			goto out;
		}
	}
	for (size_t i = 0; batch && i < cat->n; i++) {
		const struct asset *a = &cat->assets[i];
		if (a->rate.type != RATE_EVM_CALL || seen[i])
			continue;
		const char *why = eth_rpc_check_source(a);
		if (why)
			feed_issue(&is, "%s: rate source %s", a->symbol, why);
		else
			feed_issue(&is, "missing: answer for %s", a->symbol);
	}
	feed_issues_finish(&is);
	rc = (int)(out->n - n0);
out:
	free(seen);
	cJSON_Delete(root);
	return rc;
}
