/* sol_rpc.c — stake pool accounts and epoch info over Solana JSON-RPC. */
#include "pricing/sol_rpc.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pricing/feed.h"

static const uint8_t MARINADE_DISCRIMINATOR[8] = {0xd8, 0x92, 0x6b, 0x5e,
                                                  0x68, 0x4b, 0xb6, 0xb1};

/* --- base64 ------------------------------------------------------------ */

static int b64v(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

int sol_base64_decode(const char *in, size_t n, uint8_t *out, size_t cap, size_t *outlen)
{
	*outlen = 0;
	if (n % 4)
		return -1;
	size_t pad = 0;
	if (n >= 4 && in[n - 1] == '=')
		pad = in[n - 2] == '=' ? 2 : 1;
	size_t total = n / 4 * 3 - pad, w = 0;
	for (size_t g = 0; g < n; g += 4) {
		bool last = g + 4 == n;
		int v[4];
		for (size_t j = 0; j < 4; j++) {
			if (last && j >= 4 - pad) {
				v[j] = 0;
				continue;
			}
			if ((v[j] = b64v((unsigned char)in[g + j])) < 0)
				return -1;
		}
		if (last && ((pad == 1 && (v[2] & 3)) || (pad == 2 && (v[1] & 15))))
			return -1; /* non-zero pad bits: not canonical */
		uint8_t b[3] = {(uint8_t)(v[0] << 2 | v[1] >> 4), (uint8_t)(v[1] << 4 | v[2] >> 2),
		                (uint8_t)(v[2] << 6 | v[3])};
		for (size_t j = 0; j < 3 && w < total; j++, w++)
			if (w < cap)
				out[w] = b[j];
	}
	*outlen = total;
	return 0;
}

/* --- requests ---------------------------------------------------------- */

static bool is_base58(const char *s)
{
	static const char alphabet[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
	size_t n = strlen(s);
	if (n < 32 || n > 44)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!strchr(alphabet, s[i]))
			return false;
	return true;
}

static bool is_pool(const struct asset *a)
{
	return a->rate.type == RATE_SPL_STAKE_POOL || a->rate.type == RATE_MARINADE_STATE ||
	       a->rate.type == RATE_SANCTUM_INF;
}

/* An Infinity source whose mint supply is asked for too. */
static bool wants_supply(const struct asset *a)
{
	return a->rate.type == RATE_SANCTUM_INF && is_base58(a->rate.mint);
}

int sol_base58_decode32(const char *s, uint8_t out[32])
{
	static const char alphabet[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
	uint8_t b[32] = {0};
	size_t n = strlen(s);
	if (n == 0 || n > 44)
		return -1;
	for (size_t k = 0; k < n; k++) {
		const char *at = s[k] ? strchr(alphabet, s[k]) : NULL;
		if (!at)
			return -1;
		unsigned carry = (unsigned)(at - alphabet);
		for (int i = 31; i >= 0; i--) {
			carry += b[i] * 58u;
			b[i] = (uint8_t)carry;
			carry >>= 8;
		}
		if (carry)
			return -1;
	}
	memcpy(out, b, sizeof b);
	return 0;
}

static void put_epoch(struct feed_buf *b)
{
	feed_buf_printf(b, "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"getEpochInfo\"}",
	                SOL_RPC_EPOCH_ID);
}

int sol_rpc_build_batch(const struct catalog *cat, char **body, size_t *n)
{
	struct feed_buf b = {0};
	size_t count = 1;
	feed_buf_printf(&b, "[");
	put_epoch(&b);
	for (size_t i = 0; cat && i < cat->n; i++) {
		const struct asset *a = &cat->assets[i];
		if (!is_pool(a) || !is_base58(a->rate.address))
			continue;
		feed_buf_printf(&b,
		                ",{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"getAccountInfo\","
		                "\"params\":[\"%s\",{\"encoding\":\"base64\"}]}",
		                SOL_RPC_ID(i), a->rate.address);
		count++;
		if (wants_supply(a)) {
			feed_buf_printf(&b,
			                ",{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"getTokenSupply\","
			                "\"params\":[\"%s\"]}",
			                SOL_RPC_SUPPLY_ID(i), a->rate.mint);
			count++;
		}
	}
	feed_buf_printf(&b, "]");
	*body = feed_buf_take(&b);
	*n = *body ? count : 0;
	return *body ? 0 : -1;
}

char *sol_rpc_build_epoch(void)
{
	struct feed_buf b = {0};
	put_epoch(&b);
	return feed_buf_take(&b);
}

/* --- epoch ------------------------------------------------------------- */

static int u64_field(const cJSON *o, const char *name, uint64_t *v, char *err, size_t errlen)
{
	const cJSON *j = cJSON_GetObjectItemCaseSensitive(o, name);
	if (!cJSON_IsNumber(j) || !(j->valuedouble >= 0 && j->valuedouble < 9007199254740992.0) ||
	    j->valuedouble != (double)(uint64_t)j->valuedouble)
		return feed_fail(err, errlen, "getEpochInfo %s is not an integer (%s)", name,
		                 feed_json_type(j));
	*v = (uint64_t)j->valuedouble;
	return 0;
}

/* An epoch item (its result or error); 0 or -1 with err. */
static int epoch_of(const cJSON *item, struct sol_epoch *e, char *err, size_t errlen)
{
	const cJSON *er = cJSON_GetObjectItemCaseSensitive(item, "error");
	if (er && !cJSON_IsNull(er)) {
		feed_rpc_error_text(er, err, errlen);
		return -1;
	}
	const cJSON *r = cJSON_GetObjectItemCaseSensitive(item, "result");
	if (!cJSON_IsObject(r))
		return feed_fail_type(err, errlen, "object", "getEpochInfo result", r);
	if (u64_field(r, "absoluteSlot", &e->absolute_slot, err, errlen) < 0 ||
	    u64_field(r, "epoch", &e->epoch, err, errlen) < 0 ||
	    u64_field(r, "slotIndex", &e->slot_index, err, errlen) < 0 ||
	    u64_field(r, "slotsInEpoch", &e->slots_in_epoch, err, errlen) < 0)
		return -1;
	if (e->slot_index >= e->slots_in_epoch)
		return feed_fail(err, errlen, "getEpochInfo slotIndex %llu is not below slotsInEpoch %llu",
		                 (unsigned long long)e->slot_index,
		                 (unsigned long long)e->slots_in_epoch);
	return 0;
}

static bool has_id(const cJSON *item, double id)
{
	const cJSON *j = cJSON_GetObjectItemCaseSensitive(item, "id");
	return cJSON_IsNumber(j) && j->valuedouble == id;
}

/* The id 0 item of an answer (array or single object), or NULL. */
static const cJSON *epoch_item(const cJSON *root)
{
	if (cJSON_IsObject(root))
		return has_id(root, SOL_RPC_EPOCH_ID) ? root : NULL;
	for (const cJSON *it = cJSON_IsArray(root) ? root->child : NULL; it; it = it->next)
		if (cJSON_IsObject(it) && has_id(it, SOL_RPC_EPOCH_ID))
			return it;
	return NULL;
}

int sol_rpc_parse_epoch(const char *body, size_t len, struct sol_epoch *out, char *err,
                        size_t errlen)
{
	cJSON *root = feed_json_parse(body, len, err, errlen);
	if (!root)
		return -1;
	int rc = -1;
	const cJSON *it = epoch_item(root);
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(root, "id");
	const cJSON *e = cJSON_GetObjectItemCaseSensitive(root, "error");
	struct sol_epoch ep;
	if (cJSON_IsObject(root) && e && !cJSON_IsNull(e) && (!id || cJSON_IsNull(id)))
		feed_rpc_error_text(e, err, errlen);
	else if (!cJSON_IsObject(root) && !cJSON_IsArray(root))
		feed_fail_type(err, errlen, "array or object", "the top level", root);
	else if (!it)
		feed_fail(err, errlen, "no getEpochInfo answer (id %d)", SOL_RPC_EPOCH_ID);
	else if (epoch_of(it, &ep, err, errlen) == 0) {
		*out = ep;
		if (err && errlen)
			err[0] = '\0';
		rc = 0;
	}
	cJSON_Delete(root);
	return rc;
}

/* --- accounts ---------------------------------------------------------- */

static uint64_t u64le(const uint8_t *p)
{
	uint64_t v = 0;
	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

/* What an Infinity asset's two answers gave, combined after the batch. */
struct inf_parts {
	bool has_value, has_supply, seen_supply;
	uint64_t value;   /* SOL value due to INF holders, lamports */
	uint64_t supply;  /* INF supply, 1e-9 units */
};

struct ctx {
	const struct catalog *cat;
	bool *seen;
	struct inf_parts *inf;
	bool has_epoch;
	struct sol_epoch epoch;
	int64_t now;
	struct obs_list *out;
	struct feed_issues is;
};

/* v = num / den; the two integers are kept as the exact reply. */
static int take_rate(struct ctx *c, const struct asset *a, uint64_t num, uint64_t den)
{
	double v = (double)((long double)num / (long double)den);
	const char *why = obs_value_check(OBS_RATE, v);
	if (why) {
		feed_issue(&c->is, "rate for %s %s%s (%g)", a->symbol, strncmp(why, "out", 3) ? "is " : "",
		           why, v);
		return 0;
	}
	if (feed_push(c->out, a->symbol, OBS_RATE, SOL_RPC_SOURCE, c->now, v) < 0)
		return -1;
	struct observation *o = &c->out->v[c->out->n - 1];
	snprintf(o->exact, sizeof o->exact, "%" PRIu64 "/%" PRIu64, num, den);
	return 0;
}

/* Does the 32-byte key at p equal rate.mint (when set)? Notes when not. */
static bool mint_matches(struct ctx *c, const struct asset *a, const uint8_t *p,
                         const char *field)
{
	uint8_t want[32];
	if (!a->rate.mint[0])
		return true;
	if (sol_base58_decode32(a->rate.mint, want) < 0) {
		feed_issue(&c->is, "%s: catalog mint is not a base58 key", a->symbol);
		return false;
	}
	if (memcmp(p, want, sizeof want) != 0) {
		feed_issue(&c->is, "%s: %s is not the catalog's mint %s", a->symbol, field, a->rate.mint);
		return false;
	}
	return true;
}

static bool owner_listed(const struct asset *a, const char *owner)
{
	for (unsigned i = 0; i < a->rate.n_owners && i < RATE_OWNERS_MAX; i++)
		if (strcmp(owner, a->rate.owners[i]) == 0)
			return true;
	return false;
}

/* Sanctum Infinity PoolState (bytemuck, no discriminator): v1 176 bytes,
 * v2 240 bytes; the version byte picks the formula. The value is kept
 * until the supply answer is read too. */
static int take_inf(struct ctx *c, const struct asset *a, size_t i, const uint8_t *d, size_t n)
{
	if (n < INF_POOL_V1_LEN) {
		feed_issue(&c->is, "%s pool state data too short (%zu bytes, need %d)", a->symbol, n,
		           INF_POOL_V1_LEN);
		return 0;
	}
	unsigned version = d[INF_POOL_VERSION_AT];
	if (version != 1 && version != 2) {
		feed_issue(&c->is, "%s: pool state version %u is not 1 or 2", a->symbol, version);
		return 0;
	}
	if (version == 2 && n < INF_POOL_V2_LEN) {
		feed_issue(&c->is, "%s pool state v2 data too short (%zu bytes, need %d)", a->symbol, n,
		           INF_POOL_V2_LEN);
		return 0;
	}
	if (!mint_matches(c, a, d + INF_POOL_LP_MINT_AT, "lp_token_mint"))
		return 0;
	uint64_t total = u64le(d + INF_POOL_TOTAL_SOL_VALUE_AT);
	if (version == 2) {
		uint64_t withheld = u64le(d + INF_POOL_WITHHELD_AT);
		uint64_t fee = u64le(d + INF_POOL_PROTOCOL_FEE_AT);
		if (withheld > total || fee > total - withheld) {
			feed_issue(&c->is, "%s: withheld and protocol fee lamports exceed total_sol_value",
			           a->symbol);
			return 0;
		}
		total -= withheld + fee;
	}
	c->inf[i].has_value = true;
	c->inf[i].value = total;
	return 0;
}

/* A getTokenSupply answer for an Infinity asset's mint. */
static void take_supply(struct ctx *c, const struct asset *a, size_t i, const cJSON *item)
{
	const cJSON *er = cJSON_GetObjectItemCaseSensitive(item, "error");
	if (er && !cJSON_IsNull(er)) {
		char text[FEED_QUOTE_MAX + 48];
		feed_rpc_error_text(er, text, sizeof text);
		feed_issue(&c->is, "%s for the %s supply", text, a->symbol);
		return;
	}
	const cJSON *res = cJSON_GetObjectItemCaseSensitive(item, "result");
	const cJSON *val = cJSON_GetObjectItemCaseSensitive(res, "value");
	const cJSON *amt = cJSON_GetObjectItemCaseSensitive(val, "amount");
	const cJSON *dec = cJSON_GetObjectItemCaseSensitive(val, "decimals");
	if (!cJSON_IsString(amt)) {
		feed_issue(&c->is, "expected string at result.value.amount (%s supply), got %s",
		           a->symbol, feed_json_type(amt));
		return;
	}
	const char *s = amt->valuestring;
	size_t n = strlen(s);
	uint64_t v = 0;
	bool ok = n > 0 && n <= 20 && strspn(s, "0123456789") == n;
	for (size_t k = 0; ok && k < n; k++) {
		unsigned dgt = (unsigned)(s[k] - '0');
		if (v > (UINT64_MAX - dgt) / 10)
			ok = false;
		else
			v = v * 10 + dgt;
	}
	if (!ok) {
		char q[FEED_QUOTE_MAX + 4];
		feed_quote(q, sizeof q, s, n, 24);
		feed_issue(&c->is, "%s supply amount '%s' is not a u64 in decimal digits", a->symbol, q);
		return;
	}
	if (!cJSON_IsNumber(dec) || dec->valuedouble != (double)a->decimals) {
		feed_issue(&c->is, "%s supply decimals are not the catalog's %u", a->symbol, a->decimals);
		return;
	}
	if (v == 0) {
		feed_issue(&c->is, "%s supply is zero", a->symbol);
		return;
	}
	c->inf[i].has_supply = true;
	c->inf[i].supply = v;
}

static int take_spl(struct ctx *c, const struct asset *a, const uint8_t *d, size_t n)
{
	if (n < SPL_POOL_MIN_LEN) {
		feed_issue(&c->is, "%s pool account data too short (%zu bytes, need %d)", a->symbol, n,
		           SPL_POOL_MIN_LEN);
		return 0;
	}
	if (d[0] != SPL_POOL_ACCOUNT_TYPE) {
		feed_issue(&c->is, "%s: account type %u is not a stake pool", a->symbol, d[0]);
		return 0;
	}
	if (!mint_matches(c, a, d + SPL_POOL_MINT_AT, "pool_mint"))
		return 0;
	uint64_t total = u64le(d + SPL_POOL_TOTAL_LAMPORTS_AT);
	uint64_t supply = u64le(d + SPL_POOL_TOKEN_SUPPLY_AT);
	uint64_t updated = u64le(d + SPL_POOL_LAST_UPDATE_EPOCH_AT);
	if (supply == 0) {
		feed_issue(&c->is, "%s pool token supply is zero", a->symbol);
		return 0;
	}
	if (c->has_epoch && updated != c->epoch.epoch)
		feed_issue(&c->is, "%s rate is from epoch %llu (now %llu)", a->symbol,
		           (unsigned long long)updated, (unsigned long long)c->epoch.epoch);
	return take_rate(c, a, total, supply);
}

static int take_marinade(struct ctx *c, const struct asset *a, const uint8_t *d, size_t n)
{
	size_t at = a->rate.offset ? a->rate.offset : MARINADE_MSOL_PRICE_AT;
	if (at < sizeof MARINADE_DISCRIMINATOR || n < at + 8) {
		feed_issue(&c->is, "%s state account data too short (%zu bytes, need %zu)", a->symbol, n,
		           at + 8);
		return 0;
	}
	if (memcmp(d, MARINADE_DISCRIMINATOR, sizeof MARINADE_DISCRIMINATOR) != 0) {
		feed_issue(&c->is, "%s: discriminator is not Marinade's State", a->symbol);
		return 0;
	}
	return take_rate(c, a, u64le(d + at), 4294967296ULL); /* msol_price / 2^32 */
}

/* The account of one answer item; -1 only when out of memory. */
static int take_account(struct ctx *c, const struct asset *a, const cJSON *item, size_t k)
{
	const cJSON *er = cJSON_GetObjectItemCaseSensitive(item, "error");
	if (er && !cJSON_IsNull(er)) {
		char text[FEED_QUOTE_MAX + 48];
		feed_rpc_error_text(er, text, sizeof text);
		feed_issue(&c->is, "%s for %s", text, a->symbol);
		return 0;
	}
	const cJSON *res = cJSON_GetObjectItemCaseSensitive(item, "result");
	const cJSON *val = cJSON_GetObjectItemCaseSensitive(res, "value");
	if (!cJSON_IsObject(res) || !val) {
		feed_issue(&c->is, "expected object at [%zu].result.value (%s), got %s", k, a->symbol,
		           feed_json_type(cJSON_IsObject(res) ? val : res));
		return 0;
	}
	if (cJSON_IsNull(val)) {
		feed_issue(&c->is, "no such account %s (%s)", a->rate.address, a->symbol);
		return 0;
	}
	const cJSON *owner = cJSON_GetObjectItemCaseSensitive(val, "owner");
	if (a->rate.n_owners && (!cJSON_IsString(owner) || !owner_listed(a, owner->valuestring))) {
		char q[FEED_QUOTE_MAX + 4] = "(none)";
		if (cJSON_IsString(owner))
			feed_quote(q, sizeof q, owner->valuestring, FEED_QUOTE_MAX, 48);
		feed_issue(&c->is, "%s: owner %s is not %s program", a->symbol, q,
		           a->rate.type == RATE_SPL_STAKE_POOL ? "a listed stake pool"
		           : a->rate.type == RATE_SANCTUM_INF  ? "the listed Infinity"
		                                               : "the Marinade");
		return 0;
	}
	const cJSON *data = cJSON_GetObjectItemCaseSensitive(val, "data");
	const cJSON *b64 = cJSON_GetArrayItem(data, 0), *enc = cJSON_GetArrayItem(data, 1);
	if (!cJSON_IsArray(data) || !cJSON_IsString(b64) || !cJSON_IsString(enc) ||
	    strcmp(enc->valuestring, "base64") != 0) {
		feed_issue(&c->is, "expected [\"<data>\",\"base64\"] at [%zu].result.value.data (%s)", k,
		           a->symbol);
		return 0;
	}
	size_t blen = strlen(b64->valuestring), n;
	if (blen / 4 * 3 > SOL_ACCOUNT_MAX) {
		feed_issue(&c->is, "%s: account data larger than %u bytes", a->symbol, SOL_ACCOUNT_MAX);
		return 0;
	}
	size_t need = a->rate.type == RATE_SPL_STAKE_POOL ? SPL_POOL_MIN_LEN
	              : a->rate.type == RATE_SANCTUM_INF
	                  ? INF_POOL_V2_LEN
	                  : (a->rate.offset ? a->rate.offset : MARINADE_MSOL_PRICE_AT) + (size_t)8;
	if (need > SOL_ACCOUNT_MAX) {
		feed_issue(&c->is, "%s: rate offset %u is beyond any account", a->symbol, a->rate.offset);
		return 0;
	}
	uint8_t *d = malloc(need);
	if (!d)
		return -1;
	int rc = 0;
	if (sol_base64_decode(b64->valuestring, blen, d, need, &n) < 0)
		feed_issue(&c->is, "%s: account data is not valid base64", a->symbol);
	else if (a->rate.type == RATE_SPL_STAKE_POOL)
		rc = take_spl(c, a, d, n);
	else if (a->rate.type == RATE_SANCTUM_INF)
		rc = take_inf(c, a, (size_t)(a - c->cat->assets), d, n < need ? n : need);
	else
		rc = take_marinade(c, a, d, n);
	free(d);
	return rc;
}

static int take_item(struct ctx *c, const cJSON *item, size_t k)
{
	if (!cJSON_IsObject(item)) {
		feed_issue(&c->is, "expected object at [%zu], got %s", k, feed_json_type(item));
		return 0;
	}
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(item, "id");
	if (has_id(item, SOL_RPC_EPOCH_ID))
		return 0; /* read before the accounts */
	if (cJSON_IsNumber(id) && id->valuedouble > SOL_RPC_SUPPLY_BASE &&
	    id->valuedouble <= SOL_RPC_SUPPLY_BASE + (double)c->cat->n &&
	    id->valuedouble == (double)(size_t)id->valuedouble &&
	    wants_supply(&c->cat->assets[(size_t)id->valuedouble - SOL_RPC_SUPPLY_BASE - 1])) {
		size_t i = (size_t)id->valuedouble - SOL_RPC_SUPPLY_BASE - 1;
		if (c->inf[i].seen_supply) {
			feed_issue(&c->is, "more than one supply answer for %s", c->cat->assets[i].symbol);
			return 0;
		}
		c->inf[i].seen_supply = true;
		take_supply(c, &c->cat->assets[i], i, item);
		return 0;
	}
	if (!cJSON_IsNumber(id) || id->valuedouble < 1 || id->valuedouble > (double)c->cat->n ||
	    id->valuedouble != (double)(size_t)id->valuedouble ||
	    !is_pool(&c->cat->assets[(size_t)id->valuedouble - 1])) {
		feed_issue(&c->is, "answer [%zu] has an unknown id", k);
		return 0;
	}
	size_t i = (size_t)id->valuedouble - 1;
	if (c->seen[i]) {
		feed_issue(&c->is, "more than one answer for %s", c->cat->assets[i].symbol);
		return 0;
	}
	c->seen[i] = true;
	return take_account(c, &c->cat->assets[i], item, k);
}

int sol_rpc_parse(const char *body, size_t len, const struct catalog *cat,
                  const char *currency, int64_t now, struct obs_list *out, char *err,
                  size_t errlen)
{
	(void)currency;
	static const struct catalog empty = {NULL, 0};
	struct ctx c = {.cat = cat ? cat : &empty, .now = now, .out = out};
	cJSON *root = feed_json_parse(body, len, err, errlen);
	if (!root)
		return -1;
	size_t n0 = out->n;
	int rc = -1;
	c.seen = calloc(c.cat->n ? c.cat->n : 1, sizeof *c.seen);
	c.inf = calloc(c.cat->n ? c.cat->n : 1, sizeof *c.inf);
	if (!c.seen || !c.inf) {
		feed_fail(err, errlen, "out of memory");
		goto out;
	}
	bool batch;
	if (feed_rpc_top(root, &batch, err, errlen) < 0)
		goto out;

	feed_issues_init(&c.is, err, errlen);
	const cJSON *ei = epoch_item(root);
	if (ei) {
		char why[FEED_QUOTE_MAX + 64];
		c.has_epoch = epoch_of(ei, &c.epoch, why, sizeof why) == 0;
		if (!c.has_epoch)
			feed_issue(&c.is, "no epoch info: %s", why);
	} else if (batch) {
		feed_issue(&c.is, "no epoch info: no answer with id %d", SOL_RPC_EPOCH_ID);
	}
	size_t k = 0;
	for (const cJSON *item = batch ? root->child : root; item; item = batch ? item->next : NULL) {
		if (take_item(&c, item, k++) < 0) {
			out->n = n0;
			feed_fail(err, errlen, "out of memory");
			goto out;
		}
	}
	for (size_t i = 0; batch && i < c.cat->n; i++) {
		const struct asset *a = &c.cat->assets[i];
		if (!is_pool(a) || c.seen[i])
			continue;
		if (!is_base58(a->rate.address))
			feed_issue(&c.is, "%s: rate source address is not base58", a->symbol);
		else
			feed_issue(&c.is, "missing: answer for %s", a->symbol);
	}
	for (size_t i = 0; i < c.cat->n; i++) {
		const struct asset *a = &c.cat->assets[i];
		const struct inf_parts *p = &c.inf[i];
		if (a->rate.type != RATE_SANCTUM_INF)
			continue;
		if (batch && !p->seen_supply)
			feed_issue(&c.is, wants_supply(a) ? "missing: supply answer for %s"
			                                  : "%s: rate source mint is not base58",
			           a->symbol);
		if (p->has_value && p->has_supply &&
		    take_rate(&c, a, p->value, p->supply) < 0) {
			out->n = n0;
			feed_fail(err, errlen, "out of memory");
			goto out;
		}
	}
	feed_issues_finish(&c.is);
	rc = (int)(out->n - n0);
out:
	free(c.seen);
	free(c.inf);
	cJSON_Delete(root);
	return rc;
}
