/* catalog_load.c — the asset catalog from JSON, validated field by field. */
#include "data/catalog_load.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CATALOG_MAX_BYTES (4u * 1024u * 1024u)
#define CATALOG_MAX_ASSETS 1024

/* Where we are, for messages: file, entry index and symbol, field. */
struct where {
	const char *file;
	int index;
	const char *symbol;
	char *err;
	size_t errlen;
};

static int fail(const struct where *w, const char *field, const char *what)
{
	if (w->symbol && w->symbol[0])
		snprintf(w->err, w->errlen, "%s: entry %d (%s): field '%s': %s", w->file,
		         w->index + 1, w->symbol, field, what);
	else
		snprintf(w->err, w->errlen, "%s: entry %d: field '%s': %s", w->file, w->index + 1,
		         field, what);
	return -1;
}

/* Printable ASCII and UTF-8 continuation is allowed; no control characters. */
static int clean_text(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

/* Copy string field key of obj into dst when present. */
static int get_str(const struct where *w, const cJSON *obj, const char *key, char *dst,
                   size_t dstlen)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (!it)
		return 0;
	if (!cJSON_IsString(it))
		return fail(w, key, "expected a string");
	if (strlen(it->valuestring) >= dstlen) {
		char m[64];
		snprintf(m, sizeof m, "longer than %zu characters", dstlen - 1);
		return fail(w, key, m);
	}
	if (!clean_text(it->valuestring))
		return fail(w, key, "contains control characters");
	memcpy(dst, it->valuestring, strlen(it->valuestring) + 1);
	return 0;
}

static int get_num(const struct where *w, const cJSON *obj, const char *key, double lo,
                   double hi, double *dst)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (!it)
		return 0;
	if (!cJSON_IsNumber(it) || !isfinite(it->valuedouble))
		return fail(w, key, "expected a number");
	if (it->valuedouble < lo || it->valuedouble > hi) {
		char m[96];
		snprintf(m, sizeof m, "%g is outside %g..%g", it->valuedouble, lo, hi);
		return fail(w, key, m);
	}
	*dst = it->valuedouble;
	return 0;
}

static int get_int(const struct where *w, const cJSON *obj, const char *key, double lo,
                   double hi, int64_t *dst)
{
	double v;
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (!it)
		return 0;
	if (get_num(w, obj, key, lo, hi, &v) < 0)
		return -1;
	if (v != floor(v))
		return fail(w, key, "expected a whole number");
	*dst = (int64_t)v;
	return 0;
}

static int get_uint(const struct where *w, const cJSON *obj, const char *key, double lo,
                    double hi, unsigned *dst)
{
	int64_t v = *dst;
	if (get_int(w, obj, key, lo, hi, &v) < 0)
		return -1;
	*dst = (unsigned)v;
	return 0;
}

static int get_bool(const struct where *w, const cJSON *obj, const char *key, bool *dst)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (!it)
		return 0;
	if (!cJSON_IsBool(it))
		return fail(w, key, "expected true or false");
	*dst = cJSON_IsTrue(it);
	return 0;
}

static const cJSON *get_obj(const struct where *w, const cJSON *obj, const char *key, int *bad)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
	*bad = 0;
	if (it && !cJSON_IsObject(it)) {
		fail(w, key, "expected an object");
		*bad = 1;
		return NULL;
	}
	return it;
}

struct name_map {
	const char *name;
	int value;
};

static int get_enum(const struct where *w, const cJSON *obj, const char *key,
                    const struct name_map *map, int *dst)
{
	char buf[32] = "";
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (!it)
		return 0;
	if (get_str(w, obj, key, buf, sizeof buf) < 0)
		return -1;
	for (const struct name_map *m = map; m->name; m++)
		if (strcmp(m->name, buf) == 0) {
			*dst = m->value;
			return 0;
		}
	char msg[256];
	int off = snprintf(msg, sizeof msg, "unknown value '%s' (one of:", buf);
	for (const struct name_map *m = map; m->name && off > 0 && (size_t)off < sizeof msg; m++)
		off += snprintf(msg + off, sizeof msg - (size_t)off, " %s", m->name);
	if (off > 0 && (size_t)off < sizeof msg - 1)
		snprintf(msg + off, sizeof msg - (size_t)off, ")");
	return fail(w, key, msg);
}

static const struct name_map kinds[] = {
	{ "native", ASSET_NATIVE }, { "liquid", ASSET_LIQUID }, { "restaked", ASSET_RESTAKED },
	{ NULL, 0 }
};
static const struct name_map models[] = {
	{ "native", MODEL_NATIVE }, { "rebasing", MODEL_REBASING },
	{ "reward-bearing", MODEL_REWARD_BEARING }, { "restaked-shares", MODEL_RESTAKED_SHARES },
	{ NULL, 0 }
};
static const struct name_map rate_types[] = {
	{ "none", RATE_NONE }, { "one", RATE_ONE }, { "evm_call", RATE_EVM_CALL },
	{ "spl_stake_pool", RATE_SPL_STAKE_POOL }, { "marinade_state", RATE_MARINADE_STATE },
	{ "sanctum_infinity", RATE_SANCTUM_INF }, { "rest_json", RATE_REST_JSON }, { NULL, 0 }
};
/* REST bases a rest_json source may name; each is a config URL key
 * (<name>_rest_url). */
static const struct name_map rest_bases[] = { { "stride", 0 }, { NULL, 0 } };
static const struct name_map unbond_rules[] = {
	{ "none", UNBOND_NONE }, { "fixed", UNBOND_FIXED }, { "epoch", UNBOND_EPOCH },
	{ "queue", UNBOND_QUEUE }, { "eth_exit", UNBOND_ETH_EXIT }, { NULL, 0 }
};
static const struct name_map quoted[] = { { "net", 0 }, { "gross", 1 }, { NULL, 0 } };
static const struct name_map yield_quotes[] = { { "apr", QUOTE_APR }, { "apy", QUOTE_APY },
	                                        { NULL, 0 } };

static int is_hex(const char *s, size_t n)
{
	if (strncmp(s, "0x", 2) != 0 || strlen(s) != n)
		return 0;
	for (size_t i = 2; i < n; i++)
		if (!strchr("0123456789abcdefABCDEF", s[i]))
			return 0;
	return 1;
}

static int parse_feeds(const struct where *w, const cJSON *f, struct asset *a)
{
	if (!f)
		return 0;
	if (get_str(w, f, "coingecko", a->coingecko_id, sizeof a->coingecko_id) < 0 ||
	    get_str(w, f, "defillama", a->llama_key, sizeof a->llama_key) < 0 ||
	    get_str(w, f, "defillama_pool", a->llama_pool, sizeof a->llama_pool) < 0 ||
	    get_str(w, f, "defillama_match", a->llama_match, sizeof a->llama_match) < 0)
		return -1;
	/* ids go into URLs: keep them to a safe alphabet */
	const char *ids[] = { a->coingecko_id, a->llama_key, a->llama_pool };
	const char *names[] = { "feeds.coingecko", "feeds.defillama", "feeds.defillama_pool" };
	for (size_t i = 0; i < 3; i++)
		for (const char *p = ids[i]; *p; p++)
			if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:",
			            *p))
				return fail(w, names[i], "only letters, digits and - _ . : are allowed");
	return 0;
}

static int is_base58(const char *s)
{
	size_t n = strlen(s);
	return n >= 32 && n <= 44 &&
	       strspn(s, "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz") == n;
}

/* "owner": one program, or "owners": a list; either replaces the list. */
static int parse_owners(const struct where *w, const cJSON *r, struct asset *a)
{
	char one[ADDR_MAX] = "";
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(r, "owner");
	if (it) {
		if (get_str(w, r, "owner", one, sizeof one) < 0)
			return -1;
		memset(a->rate.owners, 0, sizeof a->rate.owners);
		memcpy(a->rate.owners[0], one, sizeof one);
		a->rate.n_owners = one[0] ? 1 : 0;
	}
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(r, "owners");
	if (!list)
		return 0;
	if (!cJSON_IsArray(list))
		return fail(w, "rate.owners", "expected an array of program ids");
	if (cJSON_GetArraySize(list) > RATE_OWNERS_MAX)
		return fail(w, "rate.owners", "more than 4 programs");
	unsigned n = 0;
	memset(a->rate.owners, 0, sizeof a->rate.owners);
	for (const cJSON *o = list->child; o; o = o->next, n++) {
		if (!cJSON_IsString(o) || !is_base58(o->valuestring))
			return fail(w, "rate.owners", "expected base58 program ids");
		snprintf(a->rate.owners[n], ADDR_MAX, "%s", o->valuestring);
	}
	a->rate.n_owners = n;
	return 0;
}

/* A URL path: '/' then letters, digits and - _ . / ~ only. */
static int url_path_ok(const char *p)
{
	return p[0] == '/' &&
	       strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./~") ==
	           strlen(p) &&
	       !strstr(p, "..");
}

/* Dot-separated keys of letters, digits and '_' (a segment of digits
 * indexes an array). */
static int json_path_ok(const char *p)
{
	size_t n = strlen(p);
	if (n == 0 || p[0] == '.' || p[n - 1] == '.' || strstr(p, ".."))
		return 0;
	return strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.") == n;
}

static int parse_rate(const struct where *w, const cJSON *r, struct asset *a)
{
	int t = (int)a->rate.type, base = -1;
	if (!r)
		return 0;
	if (get_enum(w, r, "type", rate_types, &t) < 0)
		return -1;
	a->rate.type = (enum rate_source_type)t;
	if (get_str(w, r, "address", a->rate.address, sizeof a->rate.address) < 0 ||
	    get_str(w, r, "call", a->rate.call, sizeof a->rate.call) < 0 ||
	    get_str(w, r, "selector", a->rate.selector, sizeof a->rate.selector) < 0 ||
	    get_str(w, r, "arg", a->rate.arg, sizeof a->rate.arg) < 0 ||
	    parse_owners(w, r, a) < 0 ||
	    get_str(w, r, "mint", a->rate.mint, sizeof a->rate.mint) < 0 ||
	    get_uint(w, r, "scale", 0, 36, &a->rate.scale_decimals) < 0 ||
	    get_uint(w, r, "offset", 0, 1 << 20, &a->rate.offset) < 0 ||
	    get_bool(w, r, "invert", &a->rate.invert) < 0 ||
	    get_bool(w, r, "verified", &a->rate.verified) < 0 ||
	    get_enum(w, r, "rest", rest_bases, &base) < 0 ||
	    get_str(w, r, "path", a->rate.path, sizeof a->rate.path) < 0 ||
	    get_str(w, r, "json_path", a->rate.json_path, sizeof a->rate.json_path) < 0)
		return -1;
	if (base >= 0)
		snprintf(a->rate.rest_base, sizeof a->rate.rest_base, "%s", rest_bases[base].name);
	if (a->rate.type == RATE_EVM_CALL) {
		if (!is_hex(a->rate.address, 42))
			return fail(w, "rate.address", "expected a 0x-prefixed 20-byte hex address");
		if (!is_hex(a->rate.selector, 10))
			return fail(w, "rate.selector", "expected a 0x-prefixed 4-byte selector");
		if (a->rate.arg[0] && strspn(a->rate.arg, "0123456789") != strlen(a->rate.arg))
			return fail(w, "rate.arg", "expected decimal digits");
	}
	if (a->rate.type == RATE_SPL_STAKE_POOL || a->rate.type == RATE_MARINADE_STATE ||
	    a->rate.type == RATE_SANCTUM_INF) {
		if (!is_base58(a->rate.address))
			return fail(w, "rate.address", "expected a base58 Solana account");
		if (a->rate.mint[0] && !is_base58(a->rate.mint))
			return fail(w, "rate.mint", "expected a base58 Solana mint");
		for (unsigned i = 0; i < a->rate.n_owners; i++)
			if (!is_base58(a->rate.owners[i]))
				return fail(w, "rate.owner", "expected a base58 program id");
	}
	if (a->rate.type == RATE_SANCTUM_INF && !a->rate.mint[0])
		return fail(w, "rate.mint", "the Infinity rate needs the LP token mint (its supply)");
	if (a->rate.type == RATE_REST_JSON) {
		if (!a->rate.rest_base[0])
			return fail(w, "rate.rest", "missing (which REST base: \"stride\")");
		if (!url_path_ok(a->rate.path))
			return fail(w, "rate.path",
			            "expected a URL path: '/' then letters, digits, - _ . / ~");
		if (!json_path_ok(a->rate.json_path))
			return fail(w, "rate.json_path", "expected dot-separated keys (a.b.c)");
	}
	return 0;
}

static int parse_yield(const struct where *w, const cJSON *y, struct asset *a)
{
	int gross = a->yield.apr_feed_is_gross, kind = (int)a->yield.quoted;
	if (!y)
		return 0;
	if (get_enum(w, y, "quoted", yield_quotes, &kind) < 0 ||
	    get_num(w, y, "apr_fallback", -1, 10, &a->yield.apr_fallback) < 0 ||
	    get_enum(w, y, "apr_quoted", quoted, &gross) < 0 ||
	    get_num(w, y, "fee", 0, 1, &a->yield.fee) < 0 ||
	    get_uint(w, y, "compounding", 1, 100000, &a->yield.compounding) < 0 ||
	    get_str(w, y, "base_apr_from", a->yield.base_apr_from, sizeof a->yield.base_apr_from) < 0 ||
	    get_num(w, y, "restaking_apr", 0, 10, &a->yield.restaking_apr) < 0 ||
	    get_str(w, y, "restaking_source", a->yield.restaking_source,
	            sizeof a->yield.restaking_source) < 0)
		return -1;
	a->yield.apr_feed_is_gross = gross != 0;
	a->yield.quoted = (enum yield_quote)kind;
	return 0;
}

static int parse_unbond(const struct where *w, const cJSON *u, struct asset *a)
{
	int t = (int)a->unbond.type;
	int64_t slots = a->unbond.epoch_slots;
	const double year = 366.0 * 86400;
	if (!u)
		return 0;
	if (get_enum(w, u, "rule", unbond_rules, &t) < 0 ||
	    get_int(w, u, "delay_seconds", 0, year, &a->unbond.delay_s) < 0 ||
	    get_int(w, u, "min_seconds", 0, year, &a->unbond.min_s) < 0 ||
	    get_int(w, u, "max_seconds", 0, year, &a->unbond.max_s) < 0 ||
	    get_int(w, u, "typical_seconds", 0, year, &a->unbond.typical_s) < 0 ||
	    get_int(w, u, "epoch_slots", 1, 1e8, &slots) < 0 ||
	    get_num(w, u, "slot_seconds", 0.001, 600, &a->unbond.slot_seconds) < 0 ||
	    get_str(w, u, "source", a->unbond.source, sizeof a->unbond.source) < 0 ||
	    get_str(w, u, "estimate_api", a->unbond.estimate_api, sizeof a->unbond.estimate_api) < 0)
		return -1;
	if (a->unbond.estimate_api[0] && strcmp(a->unbond.estimate_api, "lido-wq") != 0)
		return fail(w, "estimate_api", "expected \"lido-wq\" or \"\"");
	a->unbond.type = (enum unbond_rule_type)t;
	a->unbond.epoch_slots = (uint32_t)slots;
	if (a->unbond.type == UNBOND_QUEUE &&
	    (a->unbond.min_s > a->unbond.typical_s || a->unbond.typical_s > a->unbond.max_s))
		return fail(w, "unbonding", "needs min_seconds <= typical_seconds <= max_seconds");
	if (a->unbond.type == UNBOND_EPOCH && (a->unbond.epoch_slots == 0 || a->unbond.slot_seconds <= 0))
		return fail(w, "unbonding", "an epoch rule needs epoch_slots and slot_seconds");
	return 0;
}

static void asset_defaults(struct asset *a)
{
	memset(a, 0, sizeof *a);
	a->kind = ASSET_NATIVE;
	a->model = MODEL_NATIVE;
	a->decimals = 18;
	a->rate.type = RATE_NONE;
	a->rate.scale_decimals = 18;
	a->yield.apr_fallback = -1;
	a->yield.compounding = 1;
	a->unbond.type = UNBOND_NONE;
}

/* Fill a from entry e (a is either fresh defaults or an existing entry). */
static int parse_entry(const struct where *w, const cJSON *e, struct asset *a)
{
	int kind = (int)a->kind, model = (int)a->model, bad;
	if (get_str(w, e, "name", a->name, sizeof a->name) < 0 ||
	    get_str(w, e, "chain", a->chain, sizeof a->chain) < 0 ||
	    get_enum(w, e, "kind", kinds, &kind) < 0 ||
	    get_enum(w, e, "model", models, &model) < 0 ||
	    get_str(w, e, "underlying", a->underlying, sizeof a->underlying) < 0 ||
	    get_str(w, e, "share_rate_from", a->share_rate_from, sizeof a->share_rate_from) < 0 ||
	    get_str(w, e, "market_from", a->market_from, sizeof a->market_from) < 0 ||
	    get_str(w, e, "protocol", a->protocol, sizeof a->protocol) < 0 ||
	    get_str(w, e, "token", a->token, sizeof a->token) < 0 ||
	    get_str(w, e, "token_shares_selector", a->shares_selector, sizeof a->shares_selector) < 0 ||
	    get_str(w, e, "delegation_manager", a->delegation_manager, sizeof a->delegation_manager) < 0 ||
	    get_uint(w, e, "decimals", 0, 18, &a->decimals) < 0)
		return -1;
	a->kind = (enum asset_kind)kind;
	a->model = (enum token_model)model;
	const cJSON *f = get_obj(w, e, "feeds", &bad);
	if (bad || parse_feeds(w, f, a) < 0)
		return -1;
	const cJSON *r = get_obj(w, e, "rate", &bad);
	if (bad || parse_rate(w, r, a) < 0)
		return -1;
	const cJSON *y = get_obj(w, e, "yield", &bad);
	if (bad || parse_yield(w, y, a) < 0)
		return -1;
	const cJSON *u = get_obj(w, e, "unbonding", &bad);
	if (bad || parse_unbond(w, u, a) < 0)
		return -1;
	if (!a->chain[0])
		return fail(w, "chain", "missing");
	if ((a->model == MODEL_NATIVE) != (a->underlying[0] == 0))
		return fail(w, "underlying", a->model == MODEL_NATIVE
		                                 ? "a native coin has no underlying"
		                                 : "required for a token that is not native");
	return 0;
}

static int symbol_ok(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n >= SYM_MAX)
		return 0;
	return strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") == n;
}

int catalog_merge_json(struct catalog *c, const char *text, size_t len, const char *name,
                       char *err, size_t errlen)
{
	int rc = -1;
	struct asset *v = NULL;
	cJSON *root = cJSON_ParseWithLength(text, len);
	if (!root) {
		const char *at = cJSON_GetErrorPtr();
		long off = at && at >= text && at <= text + len ? (long)(at - text) : -1;
		snprintf(err, errlen, "%s: malformed JSON near byte %ld", name, off);
		return -1;
	}
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, "assets");
	if (!cJSON_IsArray(arr)) {
		snprintf(err, errlen, "%s: expected an object with an \"assets\" array", name);
		goto out;
	}
	size_t n_new = (size_t)cJSON_GetArraySize(arr);
	if (c->n + n_new > CATALOG_MAX_ASSETS) {
		snprintf(err, errlen, "%s: more than %d assets", name, CATALOG_MAX_ASSETS);
		goto out;
	}
	/* Work on a copy so that c is untouched on error. */
	v = calloc(c->n + n_new + 1, sizeof *v);
	if (!v) {
		snprintf(err, errlen, "%s: out of memory", name);
		goto out;
	}
	if (c->n)
		memcpy(v, c->assets, c->n * sizeof *v);
	size_t n = c->n;
	int idx = 0;
	for (const cJSON *e = arr->child; e; e = e->next, idx++) {
		struct where w = { name, idx, NULL, err, errlen };
		if (!cJSON_IsObject(e)) {
			fail(&w, "(entry)", "expected an object");
			goto out;
		}
		const cJSON *sym = cJSON_GetObjectItemCaseSensitive(e, "symbol");
		if (!cJSON_IsString(sym) || !symbol_ok(sym->valuestring)) {
			fail(&w, "symbol", "missing, or not 1-23 letters, digits, - _ .");
			goto out;
		}
		w.symbol = sym->valuestring;
		struct asset *a = NULL;
		for (size_t i = 0; i < n; i++)
			if (strcasecmp(v[i].symbol, sym->valuestring) == 0)
				a = &v[i];
		if (!a) {
			a = &v[n++];
			asset_defaults(a);
			snprintf(a->symbol, sizeof a->symbol, "%s", sym->valuestring);
		}
		if (parse_entry(&w, e, a) < 0)
			goto out;
	}
	free(c->assets);
	c->assets = v;
	c->n = n;
	v = NULL;
	rc = 0;
out:
	free(v);
	cJSON_Delete(root);
	return rc;
}

static int ref_ok(const struct catalog *c, const char *sym)
{
	return !sym[0] || catalog_find(c, sym) != NULL;
}

int catalog_check(const struct catalog *c, const char *name, char *err, size_t errlen)
{
	for (size_t i = 0; i < c->n; i++) {
		const struct asset *a = &c->assets[i];
		struct where w = { name, (int)i, a->symbol, err, errlen };
		if (!ref_ok(c, a->underlying))
			return fail(&w, "underlying", "names no asset in the catalog");
		if (!ref_ok(c, a->share_rate_from))
			return fail(&w, "share_rate_from", "names no asset in the catalog");
		if (!ref_ok(c, a->market_from))
			return fail(&w, "market_from", "names no asset in the catalog");
		if (!ref_ok(c, a->yield.base_apr_from))
			return fail(&w, "yield.base_apr_from", "names no asset in the catalog");
		if (a->model == MODEL_REBASING && !a->share_rate_from[0])
			return fail(&w, "share_rate_from", "a rebasing token needs its share-rate asset");
		const struct asset *x = a;
		int hops = 0;
		while (x->underlying[0]) {
			x = catalog_find(c, x->underlying);
			if (++hops > 4)
				return fail(&w, "underlying", "rate chain loops or is longer than 4");
		}
	}
	return 0;
}

int read_file_limited(const char *path, size_t max, char **out, size_t *len, char *err,
                      size_t errlen)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap + 1);
	int rc = -1;
	if (!buf) {
		snprintf(err, errlen, "%s: out of memory", path);
		goto out;
	}
	for (;;) {
		if (n == cap) {
			if (cap >= max) {
				snprintf(err, errlen, "%s: larger than %zu bytes", path, max);
				goto out;
			}
			cap = cap * 2 > max ? max : cap * 2;
			char *nb = realloc(buf, cap + 1);
			if (!nb) {
				snprintf(err, errlen, "%s: out of memory", path);
				goto out;
			}
			buf = nb;
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0) {
			if (ferror(f)) {
				snprintf(err, errlen, "%s: read error", path);
				goto out;
			}
			break;
		}
	}
	buf[n] = 0;
	*out = buf;
	*len = n;
	buf = NULL;
	rc = 0;
out:
	free(buf);
	fclose(f);
	return rc;
}

int catalog_load(const char *builtin_path, const char *user_path, struct catalog *out,
                 char *err, size_t errlen)
{
	struct catalog c = { 0 };
	char *text = NULL;
	size_t len;
	if (read_file_limited(builtin_path, CATALOG_MAX_BYTES, &text, &len, err, errlen) < 0)
		return -1;
	int rc = catalog_merge_json(&c, text, len, builtin_path, err, errlen);
	free(text);
	text = NULL;
	if (rc == 0 && user_path) {
		FILE *probe = fopen(user_path, "rb");
		if (probe) {
			fclose(probe);
			rc = read_file_limited(user_path, CATALOG_MAX_BYTES, &text, &len, err, errlen);
			if (rc == 0)
				rc = catalog_merge_json(&c, text, len, user_path, err, errlen);
			free(text);
		} else if (errno != ENOENT) {
			snprintf(err, errlen, "%s: %s", user_path, strerror(errno));
			rc = -1;
		}
	}
	if (rc == 0)
		rc = catalog_check(&c, user_path ? user_path : builtin_path, err, errlen);
	if (rc < 0) {
		catalog_free(&c);
		return -1;
	}
	*out = c;
	return 0;
}
