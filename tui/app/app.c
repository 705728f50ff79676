/* app.c — opening the program's state and valuing the portfolio. */
#include "tui/app/app.h"
#include "tui/app/pnl.h"

#include <errno.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "data/catalog_load.h"
#include "data/demo_seed.h"
#include "data/events_db.h"
#include "data/observations_db.h"
#include "data/positions_db.h"
#include "data/shares_db.h"

bool app_clock_fixed(int64_t *at)
{
	const char *fixed = getenv("STAKETOP_NOW");
	if (fixed && fixed[0]) {
		char *end;
		errno = 0;
		long long v = strtoll(fixed, &end, 10);
		if (!errno && *end == 0 && v > 0) {
			if (at)
				*at = v;
			return true;
		}
	}
	return false;
}

int64_t app_clock(void)
{
	int64_t fixed;
	struct timespec ts;
	if (app_clock_fixed(&fixed))
		return fixed;
	/* the clock the loop's wait is timed on (time() reads a coarser one,
	 * a few ms behind at each second: the screen would miss a second) */
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec;
}

int app_open(struct app *a, const struct app_options *o, char *err, size_t errlen)
{
	char catalog_path[STAKETOP_PATH_MAX];
	memset(a, 0, sizeof *a);
	a->demo = o->demo;
	a->offline = o->offline;
	if (paths_resolve(o->db, o->config, o->demo, &a->paths, err, errlen) < 0)
		return -1;
	config_defaults(&a->cfg);
	if (config_load_file(a->paths.config, a->paths.config_named, &a->cfg, err, errlen) < 0)
		return -1;
	path_exposed_warning(a->paths.db, a->warning[0], sizeof a->warning[0]);
	path_exposed_warning(a->paths.config, a->warning[1], sizeof a->warning[1]);
	if (path_join(catalog_path, sizeof catalog_path, a->paths.data_dir, "assets.json") < 0) {
		snprintf(err, errlen, "data directory path is too long");
		return -1;
	}
	if (catalog_load(catalog_path, a->paths.user_catalog, &a->cat, err, errlen) < 0)
		return -1;
	if (store_open(a->paths.db, &a->store, err, errlen) < 0)
		goto fail;
	if (o->demo &&
	    demo_seed(a->store, &a->cat, a->paths.data_dir, app_clock(), err, errlen) < 0)
		goto fail;
	char ts[32];
	if (store_meta_get(a->store, "snapshot_taken_at", ts, sizeof ts, err, errlen) == 0)
		a->snapshot_ts = strtoll(ts, NULL, 10);
	return 0;
fail:
	app_close(a);
	return -1;
}

static void free_rows(struct app *a)
{
	free(a->rows);
	a->rows = NULL;
	free(a->pnl);
	a->pnl = NULL;
	free(a->realized);
	a->realized = NULL;
	position_list_free(&a->positions);
	if (a->market_ready)
		market_done(&a->market);
	a->market_ready = false;
}

int app_load(struct app *a, int64_t now, char *err, size_t errlen)
{
	if (app_value(a, now, err, errlen) < 0)
		return -1;
	return app_pnl_load(a, err, errlen);
}

/* A rebasing position recorded before any share rate: no shares yet. */
static bool any_pending(const struct catalog *cat, const struct position_list *pl)
{
	for (size_t i = 0; i < pl->n; i++) {
		const struct asset *as = catalog_find(cat, pl->v[i].asset);
		if (as && as->model == MODEL_REBASING && as->share_rate_from[0] &&
		    !pl->v[i].has_shares)
			return true;
	}
	return false;
}

/* The positions, the pending rebasing ones converted to shares first when
 * there are any (checked on the list, so a load with none pending does
 * not scan the table again), read again when one was; a failed
 * conversion (a busy database) leaves them pending for the next load. */
static int list_positions(struct app *a, struct position_list *pl, char *err, size_t errlen)
{
	char cerr[256];
	int converted = 0;
	if (store_positions_list(a->store, pl, err, errlen) < 0)
		return -1;
	if (!any_pending(&a->cat, pl))
		return 0;
	if (store_shares_convert_pending(a->store, &a->cat, &converted, cerr, sizeof cerr) == 0 &&
	    converted == 0)
		return 0;
	position_list_free(pl);
	return store_positions_list(a->store, pl, err, errlen);
}

int app_value(struct app *a, int64_t now, char *err, size_t errlen)
{
	struct position_list pl = { 0 };
	struct unbonding *ub = NULL;
	size_t nub = 0;
	struct market m;
	if (market_init(&m, &a->cat, a->cfg.currency) < 0) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (store_market_load(a->store, &m, err, errlen) < 0 ||
	    list_positions(a, &pl, err, errlen) < 0 ||
	    store_unbondings_list(a->store, 0, false, &ub, &nub, err, errlen) < 0) {
		free(ub);
		market_done(&m);
		position_list_free(&pl);
		return -1;
	}
	struct valuation *rows = calloc(pl.n ? pl.n : 1, sizeof *rows);
	if (!rows) {
		free(ub);
		market_done(&m);
		position_list_free(&pl);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	free_rows(a);
	a->market = m;
	a->market_ready = true;
	a->positions = pl;
	a->rows = rows;
	a->now = now;
	/* the valuation keeps a pointer to the catalog through the market */
	a->market.catalog = &a->cat;
	const struct valuation_ctx ctx = { &a->cat, &a->market, now, a->cfg.stale_seconds };
	for (size_t i = 0; i < pl.n; i++) {
		/* pending exits stay in the portfolio's value, at NAV */
		dec_t pending = dec_zero();
		valuation_compute(&ctx, &a->positions.v[i], &a->rows[i]);
		for (size_t k = 0; k < nub; k++)
			if (ub[k].position_id == a->positions.v[i].id &&
			    dec_add(pending, ub[k].amount, &pending) < 0)
				break;
		valuation_set_unbonding(&a->rows[i], pending);
	}
	free(ub);
	valuation_totals(a->rows, pl.n, &a->totals);
	/* rows for every position, absent until app_pnl_load: a screen drawn
	 * before the next full load reads "not computed", never past the end */
	a->pnl = calloc(pl.n ? pl.n : 1, sizeof *a->pnl);
	a->realized = calloc(pl.n ? pl.n : 1, sizeof *a->realized);
	if (!a->pnl || !a->realized) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < pl.n; i++)
		a->pnl[i].missing = a->realized[i].missing = "not computed";
	memset(&a->pnl_totals, 0, sizeof a->pnl_totals);
	memset(&a->realized_totals, 0, sizeof a->realized_totals);
	return 0;
}

void app_close(struct app *a)
{
	free_rows(a);
	if (a->store)
		store_close(a->store);
	a->store = NULL;
	catalog_free(&a->cat);
}

int app_data_last(struct app *a, int64_t *ts, char *err, size_t errlen)
{
	static const enum obs_kind kinds[] = { OBS_PRICE, OBS_RATE, OBS_APR };
	*ts = 0;
	/* one indexed lookup per catalog asset and kind */
	for (size_t i = 0; i < a->cat.n; i++)
		for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
			struct observation o;
			int r = store_observation_at(a->store, a->cat.assets[i].symbol, kinds[k], INT64_MAX,
			                             &o, err, errlen);
			if (r < 0)
				return -1;
			if (r == 0 && o.ts > *ts)
				*ts = o.ts;
		}
	return 0;
}
