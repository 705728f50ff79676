/* market.c — observations and the latest good quote of each kind for each
 * asset of a catalog. */
#include "positions/market.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "positions/grow.h"

/* Copy at most n − 1 bytes of a possibly unterminated field, terminated. */
static void copy_field(char *dst, size_t n, const char *src, size_t srcmax)
{
	size_t len = strnlen(src, srcmax);
	if (len >= n)
		len = n - 1;
	memcpy(dst, src, len);
	dst[len] = '\0';
}

int obs_list_push(struct obs_list *l, const struct observation *o)
{
	struct observation *v = grow(l->v, sizeof *v, &l->cap, l->n + 1, 64);
	if (!v)
		return -1;
	l->v = v;
	l->v[l->n++] = *o;
	return 0;
}

void obs_list_free(struct obs_list *l)
{
	if (!l)
		return;
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static const char *const kind_names[OBS_KINDS] = {
	[OBS_PRICE] = "price",
	[OBS_RATE] = "rate",
	[OBS_APR] = "apr",
};

const char *obs_kind_name(enum obs_kind k)
{
	return (unsigned)k < OBS_KINDS ? kind_names[k] : "unknown";
}

int obs_kind_parse(const char *s, enum obs_kind *out)
{
	if (!s)
		return -1;
	for (int k = 0; k < OBS_KINDS; k++) {
		if (strcmp(s, kind_names[k]) == 0) {
			*out = (enum obs_kind)k;
			return 0;
		}
	}
	return -1;
}

const char *obs_value_check(enum obs_kind k, double v)
{
	if (!isfinite(v))
		return "not finite";
	if (v <= 0)
		return "zero or negative";
	switch (k) {
	case OBS_PRICE:
		return v < 1e12 ? NULL : "out of range";
	case OBS_RATE:
		return v < 1e6 ? NULL : "out of range";
	case OBS_APR:
		return v < 10 ? NULL : "out of range";
	case OBS_KINDS:
		break;
	}
	return "unknown kind";
}

int market_init(struct market *m, const struct catalog *c, const char *currency)
{
	memset(m, 0, sizeof *m);
	size_t n = c && c->n ? c->n : 1;
	m->quotes = calloc(n, sizeof *m->quotes);
	if (!m->quotes)
		return -1;
	m->catalog = c;
	copy_field(m->currency, sizeof m->currency, currency ? currency : "usd", 64);
	return 0;
}

void market_done(struct market *m)
{
	if (!m)
		return;
	free(m->quotes);
	m->quotes = NULL;
	m->catalog = NULL;
}

int market_apply(struct market *m, const struct observation *o)
{
	if ((unsigned)o->kind >= OBS_KINDS)
		return -1;
	char sym[SYM_MAX];
	copy_field(sym, sizeof sym, o->asset, sizeof o->asset);
	int i = catalog_index(m->catalog, sym);
	if (i < 0 || obs_value_check(o->kind, o->value))
		return 1;
	struct quote *q = &m->quotes[i][o->kind];
	if (q->has && o->ts < q->ts)
		return 1;
	q->has = true;
	q->value = o->value;
	char ex[RATIO_STR_MAX];
	copy_field(ex, sizeof ex, o->exact, sizeof o->exact);
	q->has_exact = ex[0] && ratio_parse(ex, &q->exact) == 0;
	q->ts = o->ts;
	q->pinned = o->pinned;
	copy_field(q->source, sizeof q->source, o->source, sizeof o->source);
	return 0;
}

int quote_ratio(const struct quote *q, struct ratio *out)
{
	dec_t d;
	if (!q || !q->has)
		return -1;
	if (q->has_exact) {
		*out = q->exact;
		return 0;
	}
	if (dec_from_double(q->value, &d) < 0)
		return -1;
	return ratio_from_dec(d, out);
}

const struct quote *market_get(const struct market *m, const char *symbol, enum obs_kind k)
{
	if (!m || !m->quotes || (unsigned)k >= OBS_KINDS)
		return NULL;
	int i = catalog_index(m->catalog, symbol);
	if (i < 0 || !m->quotes[i][k].has)
		return NULL;
	return &m->quotes[i][k];
}
