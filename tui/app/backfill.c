/* backfill.c — the backfill's jobs (one per asset and sort), each moving
 * window by window; stored as each answer comes in. */
#include "tui/app/backfill.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/history_db.h"
#include "data/observations_db.h"
#include "positions/history.h"
#include "pricing/http.h"
#include "pricing/llama_chart.h"

#define DAY_S 86400

struct job {
	struct backfill *b;
	const struct asset *asset;
	bool apr;                  /* the yields chart, else the coins chart */
	int64_t next, ws, we;      /* next day to fetch; the window in flight */
	bool done, failed, in_flight;
	char error[300];
};

struct backfill {
	struct app *a;
	int64_t now;
	struct job *jobs;
	size_t n_jobs;
	struct http *http;
	backfill_window_fn on_window;
	void *ctx;
	struct backfill_progress p;
};

static int64_t day_start(int64_t t)
{
	return t - ((t % DAY_S) + DAY_S) % DAY_S;
}

static void job_fail(struct job *j, const char *why)
{
	snprintf(j->error, sizeof j->error, "%s", why);
	j->failed = true;
	j->b->p.failed++;
}

static void on_done(const struct http_response *res, void *ctx)
{
	struct job *j = ctx;
	struct backfill *b = j->b;
	struct obs_list l = { 0 };
	char err[256] = "", e2[256], key[64], done_to[24];

	j->in_flight = false;
	b->p.windows_done++;
	if (res->error[0]) {
		job_fail(j, res->error);
		return;
	}
	int n = j->apr ? llama_yield_chart_parse(res->body, res->len, j->asset->symbol, j->ws, j->we,
	                                         &l, err, sizeof err)
	               : llama_chart_parse(res->body, res->len, &b->a->cat, j->ws, j->we, b->now,
	                                   &l, err, sizeof err);
	if (n < 0) {
		job_fail(j, err);
		obs_list_free(&l);
		return;
	}
	snprintf(key, sizeof key, "backfill%s:%s", j->apr ? "-apr" : "", j->asset->symbol);
	snprintf(done_to, sizeof done_to, "%lld", (long long)j->we);
	if (store_begin(b->a->store, e2, sizeof e2) < 0 ||
	    (l.n && store_observations_add(b->a->store, l.v, l.n, b->now, e2, sizeof e2) < 0) ||
	    store_meta_set(b->a->store, key, done_to, e2, sizeof e2) < 0 ||
	    store_commit(b->a->store, e2, sizeof e2) < 0) {
		char ignored[8], why[300];
		store_rollback(b->a->store, ignored, sizeof ignored);
		snprintf(why, sizeof why, "storing: %s", e2);
		job_fail(j, why);
	} else {
		const struct backfill_window w = { j->asset->symbol, j->apr, j->ws, j->we, l.n, err };
		*(j->apr ? &b->p.aprs : &b->p.prices) += (long)l.n;
		j->next = j->we + 1;
		j->done = j->next > b->now;
		if (b->on_window)
			b->on_window(b->ctx, &w);
	}
	obs_list_free(&l);
}

/* Estimated requests left for a job from its next day. */
static size_t windows_left(const struct job *j, int64_t now)
{
	if (j->done)
		return 0;
	if (j->apr)
		return 1;
	int64_t span = (int64_t)LLAMA_CHART_SPAN_DAYS * DAY_S;
	return (size_t)((now - j->next) / span + 1);
}

int backfill_new(struct app *a, int64_t from, int64_t now, backfill_window_fn on_window,
                 void *ctx, struct backfill **out, char *err, size_t errlen)
{
	struct hist_holding *h = NULL;
	size_t n_h = 0;
	int64_t first_ts = 0;
	bool *need = NULL;
	int rc = BACKFILL_FAILED;
	struct backfill *b = NULL;

	*out = NULL;
	if (a->offline) {
		snprintf(err, errlen, "--offline forbids fetching");
		return BACKFILL_USAGE;
	}
	if (!a->cfg.defillama_coins_url[0]) {
		snprintf(err, errlen, "defillama_coins_url is empty in the config");
		return BACKFILL_USAGE;
	}
	if (store_history_holdings(a->store, &a->cat, 0, NULL, &h, &n_h, &first_ts, err, errlen) < 0)
		return BACKFILL_FAILED;
	const bool from_given = from != 0;
	if (!from_given)
		from = first_ts ? day_start(first_ts) : day_start(now);
	if (from > now) {
		snprintf(err, errlen, "--from is in the future");
		rc = BACKFILL_USAGE;
		goto out;
	}
	b = calloc(1, sizeof *b);
	need = calloc(a->cat.n * (HIST_KINDS + 1) + 1, sizeof *need);
	if (!b || !need || !(b->jobs = calloc(2 * a->cat.n + 1, sizeof *b->jobs))) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	b->a = a;
	b->now = now;
	b->on_window = on_window;
	b->ctx = ctx;
	hist_needed(&a->cat, h, n_h, need);
	/* the APR of each held asset comes from its own pool or base_apr_from's */
	bool *need_apr = need + a->cat.n * HIST_KINDS;
	for (size_t k = 0; k < n_h; k++) {
		const struct asset *as = h[k].asset;
		int ai = catalog_index(&a->cat, as->yield.base_apr_from[0] ? as->yield.base_apr_from
		                                                           : as->symbol);
		if (ai >= 0)
			need_apr[ai] = true;
	}
	for (size_t q = 0; q < 2 * a->cat.n; q++) {
		const bool apr = q >= a->cat.n;
		const size_t i = apr ? q - a->cat.n : q;
		const struct asset *as = &a->cat.assets[i];
		if (apr ? !need_apr[i] || !as->llama_pool[0] || !a->cfg.defillama_yields_url[0]
		        : !need[i * HIST_KINDS + HIST_PRICE] || !as->llama_key[0])
			continue;
		struct job *j = &b->jobs[b->n_jobs++];
		char key[64], val[24], e[128];
		j->b = b;
		j->apr = apr;
		j->asset = as;
		j->next = from;
		snprintf(key, sizeof key, "backfill%s:%s", apr ? "-apr" : "", as->symbol);
		if (store_meta_get(a->store, key, val, sizeof val, e, sizeof e) == 0 && !from_given &&
		    strtoll(val, NULL, 10) + 1 > j->next)
			j->next = strtoll(val, NULL, 10) + 1;
		j->done = j->next > now;
		*(apr ? &b->p.apr_pools : &b->p.price_assets) += 1;
		b->p.windows_total += windows_left(j, now);
	}
	struct http_policy pol = http_policy_default();
	pol.total_timeout_ms = (long)a->cfg.timeout_seconds * 1000;
	b->http = http_new(&pol);
	if (!b->http) {
		snprintf(err, errlen, "cannot start the HTTP layer (libcurl)");
		goto out;
	}
	*out = b;
	b = NULL;
	rc = 0;
out:
	backfill_free(b);
	free(need);
	hist_holdings_free(h, n_h);
	return rc;
}

void backfill_free(struct backfill *b)
{
	if (!b)
		return;
	http_free(b->http);
	free(b->jobs);
	free(b);
}

/* Ask for the next window of every job that is ready; how many. */
static size_t queue_ready(struct backfill *b)
{
	size_t added = 0;
	for (size_t k = 0; k < b->n_jobs; k++) {
		struct job *j = &b->jobs[k];
		char err[256];
		if (j->done || j->failed || j->in_flight)
			continue;
		j->ws = j->next;
		j->we = j->apr ? b->now : j->ws + (int64_t)LLAMA_CHART_SPAN_DAYS * DAY_S - 1;
		if (j->we > b->now)
			j->we = b->now;
		unsigned span = (unsigned)((j->we - j->ws) / DAY_S + 1);
		char *url = j->apr ? llama_yield_chart_build_url(b->a->cfg.defillama_yields_url,
		                                                 j->asset->llama_pool)
		                   : llama_chart_build_url(b->a->cfg.defillama_coins_url,
		                                           j->asset->llama_key, j->ws, span);
		const struct http_request req = { .url = url };
		if (!url || http_add(b->http, &req, on_done, j, err, sizeof err) < 0) {
			char why[300];
			snprintf(why, sizeof why, "%.200s", url ? err : "out of memory");
			job_fail(j, why);
		} else {
			j->in_flight = true;
			added++;
		}
		free(url);
	}
	return added;
}

int backfill_step(struct backfill *b)
{
	for (;;) {
		queue_ready(b);
		int n = http_step(b->http);
		if (n < 0)
			return -1;
		bool ready = false;
		for (size_t k = 0; k < b->n_jobs && !ready; k++)
			ready = !b->jobs[k].done && !b->jobs[k].failed && !b->jobs[k].in_flight;
		if (!ready) {
			b->p.finished = n == 0;
			return n;
		}
	}
}

int backfill_wait(struct backfill *b, struct refresh_waitfd *extra, unsigned n_extra,
                  int max_timeout_ms)
{
	return refresh_http_wait(b->http, extra, n_extra, max_timeout_ms);
}

void backfill_progress(const struct backfill *b, struct backfill_progress *p)
{
	*p = b->p;
	if (p->windows_total < p->windows_done)
		p->windows_total = p->windows_done;
}

void backfill_failure(const struct backfill *b, size_t k, const char **symbol,
                      const char **error)
{
	*symbol = *error = "";
	for (size_t i = 0; i < b->n_jobs; i++)
		if (b->jobs[i].failed && k-- == 0) {
			*symbol = b->jobs[i].asset->symbol;
			*error = b->jobs[i].error;
			return;
		}
}
