/* feeds.c — the pricing layer wired to the store. */
#include "tui/app/feeds.h"
#include "tui/app/alerts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/observations_db.h"
#include "data/snapshots_db.h"
#include "tui/app/unbond_inputs.h"
#include "tui/app/watch.h"

struct refresh *feeds_refresher(const struct app *a, char *err, size_t errlen)
{
	const struct config *c = &a->cfg;
	const struct refresh_config rc = {
		.coingecko_url = c->coingecko_url,
		.coingecko_api_key = c->coingecko_api_key,
		.defillama_coins_url = c->defillama_coins_url,
		.defillama_yields_url = c->defillama_yields_url,
		.eth_rpc_url = c->eth_rpc_url,
		.sol_rpc_url = c->sol_rpc_url,
		.stride_rest_url = c->stride_rest_url,
		.currency = c->currency,
		.timeout_ms = (long)c->timeout_seconds * 1000,
		.deadline_ms = (long)c->refresh_deadline_seconds * 1000,
		.beacon_url = c->beacon_url,
		.cosmos_rest_url = c->cosmos_rest_url,
		.polkadot_sidecar_url = c->polkadot_sidecar_url,
		.beacon_genesis_time = c->beacon_genesis_time,
		.beacon_sweep_s = c->beacon_sweep_seconds,
		.polkadot_era_s = c->polkadot_era_seconds,
	};
	return refresh_new(&a->cat, &rc, err, errlen);
}

int feeds_start(struct app *a, struct refresh *r, int64_t now, char *err, size_t errlen)
{
	struct feed_status *fs = NULL;
	size_t n = 0;
	if (store_feed_status_list(a->store, &fs, &n, err, errlen) < 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (fs[i].blocked_until > now)
			refresh_hold(r, fs[i].name, fs[i].blocked_until);
	free(fs);
	if (watch_targets(a, r, err, errlen) < 0)
		return -1;
	return refresh_start(r, now, err, errlen);
}

int feeds_fetch(struct app *a, struct refresh *r, int64_t now, char *err, size_t errlen)
{
	return feeds_start(a, r, now, err, errlen) < 0 || refresh_run(r) < 0 ? -1 : 0;
}

int feeds_store(struct app *a, const struct refresh *r, int64_t now, char *err, size_t errlen)
{
	size_t n;
	const struct feed_report *rep = refresh_reports(r, &n);
	const struct obs_list *obs = refresh_observations(r);
	char e2[128];
	if (store_begin(a->store, err, errlen) < 0)
		return -1;
	if (obs->n && store_observations_add(a->store, obs->v, obs->n, now, err, errlen) < 0)
		goto rollback;
	for (size_t i = 0; i < n; i++) {
		if (!rep[i].done)
			continue;
		struct feed_status fs = { 0 };
		struct feed_status *old = NULL;
		size_t n_old = 0;
		snprintf(fs.name, sizeof fs.name, "%s", rep[i].name);
		fs.last_attempt = now;
		/* keep the last success time of a feed that failed now */
		if (store_feed_status_list(a->store, &old, &n_old, err, errlen) < 0)
			goto rollback;
		for (size_t k = 0; k < n_old; k++)
			if (strcmp(old[k].name, fs.name) == 0)
				fs.last_success = old[k].last_success;
		free(old);
		if (rep[i].ok || (rep[i].values > 0 && rep[i].http_status / 100 == 2))
			fs.last_success = now;
		fs.latency_ms = lround(rep[i].latency_s * 1000);
		fs.values_taken = rep[i].values;
		snprintf(fs.last_error, sizeof fs.last_error, "%s", rep[i].error);
		fs.blocked_until = rep[i].blocked_until;
		if (store_feed_status_put(a->store, &fs, err, errlen) < 0)
			goto rollback;
	}
	if (unbond_inputs_save_epoch(a, refresh_epoch(r), err, errlen) < 0)
		goto rollback;
	if (watch_store(a, r, now, err, errlen) < 0)
		goto rollback;
	if (feeds_record_snapshots(a, now, err, errlen) < 0)
		goto rollback;
	/* the portfolio valued as of now: the alert rules against it */
	if (app_alerts_check(a, NULL, err, errlen) < 0)
		goto rollback;
	if (store_commit(a->store, err, errlen) < 0)
		goto rollback;
	return 0;
rollback:
	store_rollback(a->store, e2, sizeof e2);
	return -1;
}

static struct snap_fig fig(struct figure f)
{
	return (struct snap_fig){ f.has, (double)f.v };
}

int feeds_record_snapshots(struct app *a, int64_t now, char *err, size_t errlen)
{
	/* values only: the snapshot holds no P&L */
	if (app_value(a, now, err, errlen) < 0)
		return -1;
	size_t n = a->positions.n;
	struct snapshot *v = calloc(n ? n : 1, sizeof *v);
	if (!v) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		const struct valuation *r = &a->rows[i];
		v[i] = (struct snapshot){ .ts = now, .position_id = a->positions.v[i].id,
			.has_quantity = true, .quantity = r->quantity, .nav = fig(r->nav),
			.market_value = fig(r->market_value), .premium_bps = fig(r->premium_bps),
			.apy = fig(r->apy) };
	}
	int rc = store_snapshots_record(a->store, v, n, a->cfg.snapshot_interval_seconds, NULL,
	                                err, errlen);
	free(v);
	if (rc == 0)
		rc = store_snapshots_thin(a->store, now, a->cfg.thin_after_days, NULL, err, errlen);
	return rc;
}
