/* cmd_backfill.c — `staketop backfill [--from DATE]`: daily prices from
 * DefiLlama's coins chart API back to the portfolio's first event (or
 * DATE), for every asset whose price values a position, and the daily APR
 * history of each held asset's yields pool (the yields chart API). Prices
 * come in windows of LLAMA_CHART_SPAN_DAYS days, all assets at once each
 * round; a pool's history in one answer. Each answer is stored with the
 * point reached (meta "backfill:<SYM>", "backfill-apr:<SYM>") in one
 * transaction, so an interrupted run resumes where it stopped. Exit 0 when
 * everything was fetched, 1 when some asset failed (the rest is kept). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/history_db.h"
#include "data/observations_db.h"
#include "positions/history.h"
#include "positions/text.h"
#include "positions/timeutil.h"
#include "pricing/http.h"
#include "pricing/llama_chart.h"
#include "tui/cli/cli.h"

#define DAY_S 86400

struct job {
	const struct asset *asset;
	bool apr;                  /* the yields chart, else the coins chart */
	int64_t next, ws, we;      /* next day to fetch; the window in flight */
	bool done, failed;
	char error[300];
	struct app *a;
	int64_t now;
	long taken;
};

static int64_t day_start(int64_t t)
{
	return t - ((t % DAY_S) + DAY_S) % DAY_S;
}

static void on_done(const struct http_response *res, void *ctx)
{
	struct job *j = ctx;
	struct obs_list l = { 0 };
	char err[256] = "", key[64];
	if (res->error[0]) {
		snprintf(j->error, sizeof j->error, "%s", res->error);
		j->failed = true;
		return;
	}
	int n = j->apr ? llama_yield_chart_parse(res->body, res->len, j->asset->symbol, j->ws, j->we,
	                                         &l, err, sizeof err)
	               : llama_chart_parse(res->body, res->len, &j->a->cat, j->ws, j->we, j->now,
	                                   &l, err, sizeof err);
	if (n < 0) {
		snprintf(j->error, sizeof j->error, "%s", err);
		j->failed = true;
		obs_list_free(&l);
		return;
	}
	/* only this asset's points: the key may be shared by several assets */
	char e2[256];
	char done_to[24];
	snprintf(key, sizeof key, "backfill%s:%s", j->apr ? "-apr" : "", j->asset->symbol);
	snprintf(done_to, sizeof done_to, "%lld", (long long)j->we);
	if (store_begin(j->a->store, e2, sizeof e2) < 0 ||
	    (l.n && store_observations_add(j->a->store, l.v, l.n, j->now, e2, sizeof e2) < 0) ||
	    store_meta_set(j->a->store, key, done_to, e2, sizeof e2) < 0 ||
	    store_commit(j->a->store, e2, sizeof e2) < 0) {
		char ignored[8];
		store_rollback(j->a->store, ignored, sizeof ignored);
		snprintf(j->error, sizeof j->error, "storing: %s", e2);
		j->failed = true;
	} else {
		char d1[ISO_TIME_LEN], d2[ISO_TIME_LEN];
		time_format_date(j->ws, d1, sizeof d1);
		time_format_date(j->we, d2, sizeof d2);
		printf("%-10s %s .. %s  %4zu %s%s%s\n", j->asset->symbol, d1, d2, l.n,
		       j->apr ? "APRs" : "prices", err[0] ? "  " : "", err);
		j->taken += (long)l.n;
		j->next = j->we + 1;
		j->done = j->next > j->now;
	}
	obs_list_free(&l);
}

int cmd_backfill(struct cli *c, int argc, char **argv)
{
	const char *from_text = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--from") == 0 && i + 1 < argc) {
			from_text = argv[++i];
		} else {
			char clean[48];
			text_copy_clean(clean, sizeof clean, argv[i]);
			return cli_usage_error(cli_find("backfill"), "unexpected argument '%s'", clean);
		}
	}
	int64_t from = 0;
	char err[512];
	if (from_text && date_parse(from_text, &from, err, sizeof err) < 0) {
		char clean[24];
		text_copy_clean(clean, sizeof clean, from_text);
		return cli_usage_error(cli_find("backfill"), "--from: expected a date YYYY-MM-DD, not '%s'",
		                       clean);
	}
	if (c->opt.offline)
		return cli_fail(EXIT_USAGE, "backfill: --offline forbids fetching");
	struct app a;
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	int rc = EXIT_USAGE;
	struct hist_holding *h = NULL;
	size_t n_h = 0, n_jobs = 0;
	int64_t first_ts = 0;
	bool *need = NULL;
	struct job *jobs = NULL;
	struct http *http = NULL;
	const int64_t now = app_clock();
	if (!a.cfg.defillama_coins_url[0]) {
		cli_fail(EXIT_USAGE, "backfill: defillama_coins_url is empty in the config");
		goto out;
	}
	if (store_history_holdings(a.store, &a.cat, 0, NULL, &h, &n_h, &first_ts, err, sizeof err) < 0) {
		text_sanitize(err);
		rc = cli_fail(EXIT_PARTIAL, "backfill: %s", err);
		goto out;
	}
	if (!from_text)
		from = first_ts ? day_start(first_ts) : day_start(now);
	if (from > now) {
		rc = cli_usage_error(cli_find("backfill"), "--from is in the future");
		goto out;
	}
	need = calloc(a.cat.n * (HIST_KINDS + 1) + 1, sizeof *need);
	jobs = calloc(2 * a.cat.n + 1, sizeof *jobs);
	if (!need || !jobs) {
		rc = cli_fail(EXIT_PARTIAL, "backfill: out of memory");
		goto out;
	}
	hist_needed(&a.cat, h, n_h, need);
	/* the APR of each held asset comes from its own pool or base_apr_from's */
	bool *need_apr = need + a.cat.n * HIST_KINDS;
	for (size_t k = 0; k < n_h; k++) {
		const struct asset *as = h[k].asset;
		int ai = catalog_index(&a.cat, as->yield.base_apr_from[0] ? as->yield.base_apr_from
		                                                          : as->symbol);
		if (ai >= 0)
			need_apr[ai] = true;
	}
	for (size_t q = 0; q < 2 * a.cat.n; q++) {
		const bool apr = q >= a.cat.n;
		const size_t i = apr ? q - a.cat.n : q;
		const struct asset *as = &a.cat.assets[i];
		if (apr ? !need_apr[i] || !as->llama_pool[0] || !a.cfg.defillama_yields_url[0]
		        : !need[i * HIST_KINDS + HIST_PRICE] || !as->llama_key[0])
			continue;
		struct job *j = &jobs[n_jobs++];
		char key[64], val[24];
		j->apr = apr;
		j->asset = as;
		j->a = &a;
		j->now = now;
		j->next = from;
		snprintf(key, sizeof key, "backfill%s:%s", apr ? "-apr" : "", as->symbol);
		int got = store_meta_get(a.store, key, val, sizeof val, err, sizeof err);
		if (got == 0 && !from_text && strtoll(val, NULL, 10) + 1 > j->next)
			j->next = strtoll(val, NULL, 10) + 1;
		j->done = j->next > now;
	}
	struct http_policy pol = http_policy_default();
	pol.total_timeout_ms = (long)a.cfg.timeout_seconds * 1000;
	http = http_new(&pol);
	if (!http) {
		rc = cli_fail(EXIT_PARTIAL, "backfill: cannot start the HTTP layer (libcurl)");
		goto out;
	}
	for (;;) {
		size_t added = 0;
		for (size_t k = 0; k < n_jobs; k++) {
			struct job *j = &jobs[k];
			if (j->done || j->failed)
				continue;
			j->ws = j->next;
			j->we = j->apr ? now : j->ws + (int64_t)LLAMA_CHART_SPAN_DAYS * DAY_S - 1;
			if (j->we > now)
				j->we = now;
			unsigned span = (unsigned)((j->we - j->ws) / DAY_S + 1);
			char *url = j->apr ? llama_yield_chart_build_url(a.cfg.defillama_yields_url,
			                                                 j->asset->llama_pool)
			                   : llama_chart_build_url(a.cfg.defillama_coins_url,
			                                           j->asset->llama_key, j->ws, span);
			const struct http_request req = { .url = url };
			if (!url || http_add(http, &req, on_done, j, err, sizeof err) < 0) {
				snprintf(j->error, sizeof j->error, "%.200s", url ? err : "out of memory");
				j->failed = true;
			} else {
				added++;
			}
			free(url);
		}
		if (!added)
			break;
		http_run(http);
	}
	size_t n_failed = 0, n_price = 0;
	long taken = 0, taken_apr = 0;
	for (size_t k = 0; k < n_jobs; k++) {
		*(jobs[k].apr ? &taken_apr : &taken) += jobs[k].taken;
		n_price += !jobs[k].apr;
		if (!jobs[k].failed)
			continue;
		char e[300];
		text_copy_clean(e, sizeof e, jobs[k].error);
		fprintf(stderr, "staketop: backfill: %s: %s (run backfill again to resume)\n",
		        jobs[k].asset->symbol, e);
		n_failed++;
	}
	printf("backfill: %ld prices for %zu assets, %ld APRs for %zu pools%s\n", taken, n_price,
	       taken_apr, n_jobs - n_price, n_failed ? ", some failed" : "");
	rc = n_failed ? EXIT_PARTIAL : EXIT_OK;
out:
	http_free(http);
	free(jobs);
	free(need);
	hist_holdings_free(h, n_h);
	app_close(&a);
	return rc;
}
