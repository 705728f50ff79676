/* asset.c — catalog look-up and the names of asset kinds and token models. */
#include "positions/asset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int catalog_index(const struct catalog *c, const char *symbol)
{
	if (!c || !symbol || !*symbol)
		return -1;
	for (size_t i = 0; i < c->n; i++)
		if (strcasecmp(c->assets[i].symbol, symbol) == 0)
			return (int)i;
	return -1;
}

const struct asset *catalog_find(const struct catalog *c, const char *symbol)
{
	int i = catalog_index(c, symbol);
	return i < 0 ? NULL : &c->assets[i];
}

void catalog_free(struct catalog *c)
{
	if (!c)
		return;
	free(c->assets);
	c->assets = NULL;
	c->n = 0;
}

static const char *const kind_names[] = {
	[ASSET_NATIVE] = "native",
	[ASSET_LIQUID] = "liquid",
	[ASSET_RESTAKED] = "restaked",
};

static const char *const model_names[] = {
	[MODEL_NATIVE] = "native",
	[MODEL_REBASING] = "rebasing",
	[MODEL_REWARD_BEARING] = "reward-bearing",
	[MODEL_RESTAKED_SHARES] = "restaked-shares",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const char *asset_kind_name(enum asset_kind k)
{
	return (unsigned)k < COUNT(kind_names) ? kind_names[k] : "unknown";
}

const char *token_model_name(enum token_model m)
{
	return (unsigned)m < COUNT(model_names) ? model_names[m] : "unknown";
}

/* Case-insensitive, and '_' matches '-' ("reward_bearing"). */
static int name_eq(const char *s, const char *name)
{
	for (; *s && *name; s++, name++) {
		char a = *s == '_' ? '-' : *s;
		if (a >= 'A' && a <= 'Z')
			a = (char)(a - 'A' + 'a');
		if (a != *name)
			return 0;
	}
	return *s == '\0' && *name == '\0';
}

static int parse_name(const char *s, const char *const *names, size_t n)
{
	if (!s)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (name_eq(s, names[i]))
			return (int)i;
	return -1;
}

int asset_kind_parse(const char *s, enum asset_kind *out)
{
	int i = parse_name(s, kind_names, COUNT(kind_names));
	if (i < 0)
		return -1;
	*out = (enum asset_kind)i;
	return 0;
}

int token_model_parse(const char *s, enum token_model *out)
{
	int i = parse_name(s, model_names, COUNT(model_names));
	if (i < 0)
		return -1;
	*out = (enum token_model)i;
	return 0;
}

static const char *const rate_names[] = {
	[RATE_NONE] = "none",
	[RATE_ONE] = "one",
	[RATE_EVM_CALL] = "evm_call",
	[RATE_SPL_STAKE_POOL] = "spl_stake_pool",
	[RATE_MARINADE_STATE] = "marinade_state",
	[RATE_SANCTUM_INF] = "sanctum_infinity",
	[RATE_REST_JSON] = "rest_json",
};

const char *rate_type_name(enum rate_source_type t)
{
	return (unsigned)t < COUNT(rate_names) ? rate_names[t] : "unknown";
}

bool rate_source_checkable(const struct rate_source *r)
{
	return r->type != RATE_NONE && r->type != RATE_ONE;
}

/* " (owner A or B)" when owners are listed. */
static void owners_text(const struct rate_source *r, char *buf, size_t n)
{
	size_t off = 0;
	buf[0] = '\0';
	for (unsigned i = 0; i < r->n_owners && i < RATE_OWNERS_MAX && off < n; i++) {
		int k = snprintf(buf + off, n - off, "%s%s", i ? " or " : " (owner ", r->owners[i]);
		if (k < 0)
			return;
		off += (size_t)k;
	}
	if (r->n_owners && off < n)
		snprintf(buf + off, n - off, ")");
}

void rate_source_describe(const struct asset *a, char *buf, size_t n)
{
	const struct rate_source *r = &a->rate;
	char own[RATE_OWNERS_MAX * (ADDR_MAX + 8) + 16];
	if (!n)
		return;
	owners_text(r, own, sizeof own);
	switch (r->type) {
	case RATE_NONE:
		snprintf(buf, n, "no rate source");
		break;
	case RATE_ONE:
		snprintf(buf, n, "1 by definition");
		break;
	case RATE_EVM_CALL:
		snprintf(buf, n, "%s%s on %s%s", r->invert ? "1 / " : "",
		         r->call[0] ? r->call : r->selector, r->address,
		         r->invert ? " (inverted: token per underlying)" : "");
		break;
	case RATE_SPL_STAKE_POOL:
		snprintf(buf, n, "stake pool %s%s", r->address, own);
		break;
	case RATE_MARINADE_STATE:
		snprintf(buf, n, "Marinade state %s @%u / 2^32%s", r->address, r->offset ? r->offset : 512,
		         own);
		break;
	case RATE_SANCTUM_INF:
		snprintf(buf, n, "Infinity pool state %s / supply of %s%s", r->address, r->mint, own);
		break;
	case RATE_REST_JSON:
		snprintf(buf, n, "GET %s_rest_url%s -> %s", r->rest_base, r->path, r->json_path);
		break;
	default:
		snprintf(buf, n, "?");
		break;
	}
}
