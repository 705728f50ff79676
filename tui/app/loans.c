/* loans.c — looped positions recorded and valued (loans.h). */
#include "tui/app/loans.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/loans_db.h"
#include "positions/text.h"

static int fail(char *err, size_t errlen, const char *what, const char *text)
{
	char clean[48];
	text_copy_clean(clean, sizeof clean, text);
	snprintf(err, errlen, "%s '%s'", what, clean);
	return -1;
}

int app_loan_add(struct app *a, struct loan *l, int64_t *id, char *err, size_t errlen)
{
	const struct asset *c = catalog_find(&a->cat, l->collateral);
	const struct asset *d = catalog_find(&a->cat, l->debt);
	if (!c)
		return fail(err, errlen, "collateral: not an asset of the catalog:", l->collateral);
	if (!d)
		return fail(err, errlen, "debt: not an asset of the catalog:", l->debt);
	snprintf(l->collateral, sizeof l->collateral, "%s", c->symbol);
	snprintf(l->debt, sizeof l->debt, "%s", d->symbol);
	if (dec_is_zero(l->collateral_amount) || dec_is_zero(l->debt_amount)) {
		snprintf(err, errlen, "collateral and debt amounts must be above 0");
		return -1;
	}
	if (!(l->liq_threshold > 0 && l->liq_threshold <= 1)) {
		snprintf(err, errlen, "the liquidation threshold is a fraction above 0, at most 1 "
		                      "(0.81 for 81%%)");
		return -1;
	}
	if (!l->account[0] || text_is_unsafe(l->account))
		return fail(err, errlen, "account: 1 to 63 bytes of text, no control characters:",
		            l->account);
	if (text_is_unsafe(l->note))
		return fail(err, errlen, "note: no control characters:", l->note);
	l->created_at = a->now;
	return store_loan_add(a->store, l, id, err, errlen);
}

/* The NAV of amount of symbol, as a position of it would be valued. */
static void value(const struct app *a, const char *symbol, dec_t amount, struct valuation *v)
{
	struct position p;
	memset(&p, 0, sizeof p);
	snprintf(p.asset, sizeof p.asset, "%s", symbol);
	p.quantity = amount;
	const struct valuation_ctx ctx = { &a->cat, &a->market, a->now, a->cfg.stale_seconds };
	valuation_compute(&ctx, &p, v);
}

int app_loans_load(const struct app *a, struct app_loan **out, size_t *n, char *err,
                   size_t errlen)
{
	struct loan *v = NULL;
	size_t nv = 0;
	*out = NULL;
	*n = 0;
	if (store_loans_list(a->store, &v, &nv, err, errlen) < 0)
		return -1;
	if (nv == 0)
		return 0;
	struct app_loan *r = calloc(nv, sizeof *r);
	if (!r) {
		free(v);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < nv; i++) {
		r[i].loan = v[i];
		value(a, v[i].collateral, v[i].collateral_amount, &r[i].collateral);
		value(a, v[i].debt, v[i].debt_amount, &r[i].debt);
		loan_health(r[i].collateral.nav.has ? r[i].collateral.nav.v : (long double)NAN,
		            r[i].debt.nav.has ? r[i].debt.nav.v : (long double)NAN, v[i].liq_threshold,
		            &r[i].health);
	}
	free(v);
	*out = r;
	*n = nv;
	return 0;
}
