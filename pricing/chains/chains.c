/* chains.c — the chain readers' shared types and exact-integer helpers. */
#include "pricing/chains/chains.h"

#include <stdlib.h>
#include <string.h>

#include "positions/timeutil.h"
#include "pricing/feed.h"

int chain_items_push(struct chain_items *l, const struct chain_item *it)
{
	if (l->n == l->cap) {
		size_t nc = l->cap ? l->cap * 2 : 8;
		struct chain_item *nv = realloc(l->v, nc * sizeof *nv);
		if (!nv)
			return -1;
		l->v = nv;
		l->cap = nc;
	}
	l->v[l->n++] = *it;
	return 0;
}

void chain_items_free(struct chain_items *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

bool chain_text_bad(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s <= 0x20 || (unsigned char)*s >= 0x7f)
			return true;
	return false;
}

static int u64_from_digits(const char *s, uint64_t *out)
{
	uint64_t v = 0;
	if (!*s || strlen(s) > 20)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		unsigned d = (unsigned)(*s - '0');
		if (v > (UINT64_MAX - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

int chain_json_u64(const cJSON *j, uint64_t *out)
{
	if (cJSON_IsString(j))
		return u64_from_digits(j->valuestring, out);
	if (!cJSON_IsNumber(j) || j->valuedouble < 0)
		return -1;
	double d = j->valuedouble;
	if (d == 18446744073709551616.0) { /* 2^64 - 1 rounds to 2^64 */
		*out = U64_SENTINEL;
		return 0;
	}
	if (d > 9007199254740992.0 || d != (double)(uint64_t)d)
		return -1;
	*out = (uint64_t)d;
	return 0;
}

int chain_units(const char *digits, unsigned decimals, dec_t *out)
{
	if (!digits || !*digits)
		return -1;
	for (const char *p = digits; *p; p++)
		if (*p < '0' || *p > '9')
			return -1;
	return dec_from_int_str(digits, decimals, out);
}

int chain_hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int chain_hex_units(const char *hex, unsigned decimals, dec_t *out)
{
	if (!hex || hex[0] != '0' || (hex[1] != 'x' && hex[1] != 'X'))
		return -1;
	const char *h = hex + 2;
	size_t n = strlen(h);
	if (n == 0)
		return -2;
	if (n > 64)
		return -1;
	uint8_t w[32] = { 0 };
	for (size_t i = 0; i < n; i++) {
		int v = chain_hexval(h[n - 1 - i]);
		if (v < 0)
			return -1;
		w[31 - i / 2] |= (uint8_t)(i % 2 ? v << 4 : v);
	}
	return dec_from_be_bytes(w, 32, decimals, out);
}

int chain_time_rfc3339(const char *s, int64_t *out)
{
	/* YYYY-MM-DDTHH:MM:SS[.fffffffff]Z: the whole seconds go to the ISO
	 * parser, the fraction (at most 9 digits) is checked and dropped */
	char whole[21];
	if (!s || strlen(s) < 20 || s[19] == '\0')
		return -1;
	memcpy(whole, s, 19);
	whole[19] = 'Z';
	whole[20] = '\0';
	const char *p = s + 19;
	if (*p == '.') {
		size_t k = 0;
		for (p++; *p >= '0' && *p <= '9'; p++)
			k++;
		if (k == 0 || k > 9)
			return -1;
	}
	if (strcmp(p, "Z") != 0)
		return -1;
	char err[64];
	return time_parse_iso(whole, out, err, sizeof err);
}

const cJSON *chain_rpc_by_id(const cJSON *root, long id)
{
	const cJSON *it;
	cJSON_ArrayForEach(it, root) {
		const cJSON *j = cJSON_GetObjectItemCaseSensitive(it, "id");
		if (cJSON_IsNumber(j) && j->valuedouble == (double)id)
			return it;
	}
	return NULL;
}

const cJSON *chain_rpc_answer(const cJSON *root, long id, const char *what, char *err,
                              size_t errlen)
{
	const cJSON *a = chain_rpc_by_id(root, id);
	if (!a) {
		feed_fail(err, errlen, "missing: answer to %s", what);
		return NULL;
	}
	const cJSON *e = cJSON_GetObjectItemCaseSensitive(a, "error");
	if (e && !cJSON_IsNull(e)) {
		char t[FEED_QUOTE_MAX + 48];
		feed_rpc_error_text(e, t, sizeof t);
		feed_fail(err, errlen, "%s for %s", t, what);
		return NULL;
	}
	return a;
}
