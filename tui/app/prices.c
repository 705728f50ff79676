/* prices.c — manual prices: checks, then data/manual_db. */
#include "tui/app/prices.h"

#include <stdio.h>
#include <string.h>

#include "data/manual_db.h"
#include "positions/text.h"

static const struct asset *find(const struct app *a, const char *symbol, char *err,
                                size_t errlen)
{
	const struct asset *as = symbol ? catalog_find(&a->cat, symbol) : NULL;
	if (!as) {
		char safe[40];
		text_copy_clean(safe, sizeof safe, symbol ? symbol : "");
		snprintf(err, errlen, "unknown asset '%s' (see staketop assets)", safe);
	}
	return as;
}

/* A plain decimal > 0 within kind's range; scale 0.01 for a percentage. */
static int value(const char *what, const char *text, enum obs_kind k, long double scale,
                 double *out, char *err, size_t errlen)
{
	dec_t d;
	char e[160];
	if (dec_parse(text, DEC_FRAC_DIGITS, &d, e, sizeof e) < 0) {
		snprintf(err, errlen, "%s: %s", what, e);
		return -1;
	}
	double v = (double)(dec_to_ld(d) * scale);
	const char *why = obs_value_check(k, v);
	if (why) {
		snprintf(err, errlen, "%s: %s", what, why);
		return -1;
	}
	*out = v;
	return 0;
}

int app_price_set(struct app *a, const struct price_input *in, int64_t now, char *canon,
                  char *err, size_t errlen)
{
	const struct asset *as = find(a, in->symbol, err, errlen);
	struct observation o[OBS_KINDS];
	size_t n = 0;
	if (!as)
		return -1;
	if (!in->price) {
		snprintf(err, errlen, "give a price");
		return -1;
	}
	memset(o, 0, sizeof o);
	const struct {
		const char *what, *text;
		enum obs_kind k;
		long double scale;
	} f[] = {
		{ "price", in->price, OBS_PRICE, 1 },
		{ "rate", in->rate, OBS_RATE, 1 },
		{ "apr", in->apr, OBS_APR, 0.01L },
	};
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
		if (!f[i].text || (!f[i].text[0] && i > 0))
			continue;
		if (value(f[i].what, f[i].text, f[i].k, f[i].scale, &o[n].value, err, errlen) < 0)
			return -1;
		snprintf(o[n].asset, sizeof o[n].asset, "%s", as->symbol);
		o[n].kind = f[i].k;
		o[n].ts = now;
		n++;
	}
	if (n == 0) {
		snprintf(err, errlen, "give a price");
		return -1;
	}
	if (canon)
		snprintf(canon, SYM_MAX, "%s", as->symbol);
	return store_manual_set(a->store, as->symbol, o, n, in->pinned, now, err, errlen) < 0
		? -2 : 0;
}

int app_price_clear(struct app *a, const char *symbol, int *n_removed, char *canon,
                    char *err, size_t errlen)
{
	const struct asset *as = find(a, symbol, err, errlen);
	if (!as)
		return -1;
	if (canon)
		snprintf(canon, SYM_MAX, "%s", as->symbol);
	return store_manual_clear(a->store, as->symbol, n_removed, err, errlen) < 0 ? -2 : 0;
}

int app_price_list(struct app *a, struct observation **out, size_t *n, char *err,
                   size_t errlen)
{
	return store_manual_list(a->store, out, n, err, errlen);
}
