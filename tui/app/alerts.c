/* alerts.c — gather the inputs of the alert rules and record what fired. */
#include "tui/app/alerts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/events_db.h"
#include "data/observations_db.h"
#include "data/snapshots_db.h"
#include "tui/app/loans.h"

#define DAY INT64_C(86400)

/* Each position's NAV from its newest snapshot a day or two before now
 * (that has one): one indexed lookup per position, not the whole day of
 * every position's rows. */
static int past_values(struct app *a, struct alert_past *past, char *err, size_t errlen)
{
	size_t n = a->positions.n;
	int64_t *ids = calloc(n ? n : 1, sizeof *ids);
	struct snap_fig *navs = calloc(n ? n : 1, sizeof *navs);
	int rc = -1;
	if (!ids || !navs) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		ids[i] = a->positions.v[i].id;
	if (store_snapshots_last_nav(a->store, ids, n, a->now - 2 * DAY, a->now - DAY, navs, err,
	                             errlen) < 0)
		goto out;
	for (size_t i = 0; i < n; i++)
		past[i] = (struct alert_past){ ids[i], navs[i].has, navs[i].v };
	rc = 0;
out:
	free(ids);
	free(navs);
	return rc;
}

int app_alerts_check(struct app *a, int *n_fired, char *err, size_t errlen)
{
	struct unbonding *ub = NULL;
	struct feed_status *fs = NULL;
	struct alert_feed *feeds = NULL;
	struct alert_past *past = NULL;
	struct alert_hit *hits = NULL;
	struct app_loan *loans = NULL;
	struct alert_loan *al = NULL;
	size_t nub = 0, nfs = 0, nl = 0;
	int rc = -1;
	if (n_fired)
		*n_fired = 0;
	if (store_unbondings_list(a->store, 0, false, &ub, &nub, err, errlen) < 0 ||
	    store_feed_status_list(a->store, &fs, &nfs, err, errlen) < 0)
		goto out;
	feeds = calloc(nfs ? nfs : 1, sizeof *feeds);
	past = calloc(a->positions.n ? a->positions.n : 1, sizeof *past);
	if (!feeds || !past) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < nfs; i++) {
		snprintf(feeds[i].name, sizeof feeds[i].name, "%s", fs[i].name);
		feeds[i].last_attempt = fs[i].last_attempt;
		feeds[i].last_success = fs[i].last_success;
	}
	if (past_values(a, past, err, errlen) < 0 ||
	    app_loans_load(a, &loans, &nl, err, errlen) < 0)
		goto out;
	al = calloc(nl ? nl : 1, sizeof *al);
	if (!al) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < nl; i++) {
		al[i].id = loans[i].loan.id;
		snprintf(al[i].collateral, sizeof al[i].collateral, "%s", loans[i].loan.collateral);
		al[i].has_hf = loans[i].health.has && loans[i].health.has_hf;
		al[i].hf = loans[i].health.hf;
	}
	const struct alert_input in = {
		.positions = a->positions.v, .rows = a->rows, .n_positions = a->positions.n,
		.past = past, .unbondings = ub, .n_unbondings = nub, .feeds = feeds,
		.n_feeds = nfs, .loans = al, .n_loans = nl, .now = a->now,
		.stale_s = a->cfg.stale_seconds,
	};
	size_t n = alerts_evaluate(&a->cfg.alerts, &in, NULL, 0);
	hits = calloc(n ? n : 1, sizeof *hits);
	if (!hits) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	n = alerts_evaluate(&a->cfg.alerts, &in, hits, n);
	rc = store_alerts_sync(a->store, hits, n, a->now, n_fired, err, errlen);
out:
	free(al);
	free(loans);
	free(hits);
	free(past);
	free(feeds);
	free(fs);
	free(ub);
	return rc;
}

int app_alerts_list(struct app *a, bool unseen_only, struct alert_row **out, size_t *n,
                    char *err, size_t errlen)
{
	return store_alerts_list(a->store, unseen_only, out, n, err, errlen);
}

int app_alerts_unseen(struct app *a, int64_t *n, char *err, size_t errlen)
{
	return store_alerts_unseen(a->store, n, err, errlen);
}

int app_alerts_mark_seen(struct app *a, int64_t now, int *n_marked, char *err,
                         size_t errlen)
{
	return store_alerts_mark_seen(a->store, now, n_marked, err, errlen);
}
