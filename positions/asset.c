/* asset.c — catalog look-up and the names of asset kinds and token models. */
#include "positions/asset.h"

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
