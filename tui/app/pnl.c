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

/* Lots of position i from its events ev[0..n), and with rates the rate at
 * each lot's time. */
static int lots_of(const struct app *a, size_t i, const struct event *ev, size_t n,
                   struct lots *l, struct lot_rate **rates, char *err, size_t errlen)
{
	const struct position *p = &a->positions.v[i];
	if (rates)
		*rates = NULL;
	int rc = lots_build(ev, n, p, a->cfg.lot_method, l, err, errlen);
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

int app_pnl_lots(const struct app *a, size_t i, struct lots *l, struct lot_rate **rates,
                 char *err, size_t errlen)
{
	struct event *ev = NULL;
	size_t n = 0;
	if (rates)
		*rates = NULL;
	if (store_events_list(a->store, a->positions.v[i].id, &ev, &n, err, errlen) < 0)
		return -1;
	int rc = lots_of(a, i, ev, n, l, rates, err, errlen);
	free(ev);
	return rc;
}

/* The first of ev[0..n) (sorted by position id) with position id >= id. */
static size_t first_of(const struct event *ev, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ev[mid].position_id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int app_pnl_load(struct app *a, char *err, size_t errlen)
{
	size_t n = a->positions.n;
	struct pnl *rows = calloc(n ? n : 1, sizeof *rows);
	struct realized *real = calloc(n ? n : 1, sizeof *real);
	if (!rows || !real) {
		free(rows);
		free(real);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	/* one read of the whole event log, not a statement per position */
	struct event *ev = NULL;
	size_t n_ev = 0;
	char e[256];
	bool log_ok = store_events_list_all(a->store, &ev, &n_ev, e, sizeof e) == 0;
	for (size_t i = 0; i < n; i++) {
		struct lots l;
		struct lot_rate *rates;
		const int64_t id = a->positions.v[i].id;
		size_t from = log_ok ? first_of(ev, n_ev, id) : 0, to = from;
		while (to < n_ev && ev[to].position_id == id)
			to++;
		if (!log_ok || lots_of(a, i, ev + from, to - from, &l, &rates, e, sizeof e) < 0) {
			rows[i].missing = real[i].missing = "event log unreadable";
			continue;
		}
		pnl_compute(&l, rates, &a->rows[i], a->now, &rows[i]);
		realized_compute(&l, &real[i]);
		free(rates);
		lots_free(&l);
	}
	free(ev);
	free(a->pnl);
	a->pnl = rows;
	pnl_totals(rows, n, &a->pnl_totals);
	free(a->realized);
	a->realized = real;
	realized_totals(real, n, &a->realized_totals);
	return 0;
}
