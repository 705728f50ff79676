/* pnl.c — lots and P&L of the loaded positions, from the store. */
#include "tui/app/pnl.h"

#include <stdio.h>
#include <stdlib.h>

#include "data/events_db.h"
#include "data/observations_db.h"

/* The rate of v's whole chain (underlying per token) at ts, from the newest
 * rate observation of each quoted link at or before ts. */
static struct lot_rate rate_at(const struct app *a, const struct valuation *v, int64_t ts)
{
	struct lot_rate r = { .has = true, .rate = 1.0L };
	char err[256];
	if (!v->underlying)
		return (struct lot_rate){ 0 };
	for (unsigned i = 0; i + 1 < v->n_chain; i++) {
		const struct asset *as = v->chain[i];
		if (as->rate.type == RATE_ONE)
			continue;
		struct observation o;
		if (store_observation_at(a->store, as->symbol, OBS_RATE, ts, &o, err, sizeof err) != 0)
			return (struct lot_rate){ 0 };
		r.rate *= o.value;
	}
	return r;
}

int app_pnl_lots(const struct app *a, size_t i, struct lots *l, struct lot_rate **rates,
                 char *err, size_t errlen)
{
	const struct position *p = &a->positions.v[i];
	struct event *ev = NULL;
	size_t n = 0;
	if (rates)
		*rates = NULL;
	if (store_events_list(a->store, p->id, &ev, &n, err, errlen) < 0)
		return -1;
	int rc = lots_build(ev, n, p, a->cfg.lot_method, l, err, errlen);
	free(ev);
	if (rc < 0 || !rates)
		return rc;
	*rates = calloc(l->n ? l->n : 1, sizeof **rates);
	if (!*rates) {
		lots_free(l);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (size_t k = 0; k < l->n; k++)
		if (!l->v[k].reward && !dec_is_zero(l->v[k].units))
			(*rates)[k] = rate_at(a, &a->rows[i], l->v[k].ts);
	return 0;
}

int app_pnl_load(struct app *a, char *err, size_t errlen)
{
	size_t n = a->positions.n;
	struct pnl *rows = calloc(n ? n : 1, sizeof *rows);
	if (!rows) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		struct lots l;
		struct lot_rate *rates;
		char e[256];
		if (app_pnl_lots(a, i, &l, &rates, e, sizeof e) < 0) {
			rows[i].missing = "event log unreadable";
			continue;
		}
		pnl_compute(&l, rates, &a->rows[i], a->now, &rows[i]);
		free(rates);
		lots_free(&l);
	}
	free(a->pnl);
	a->pnl = rows;
	pnl_totals(rows, n, &a->pnl_totals);
	return 0;
}
