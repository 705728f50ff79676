/* history.c — loading the past for the history command and screen. */
#include "tui/app/history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/history_db.h"

const int app_yield_days[APP_YIELD_WINDOWS] = { 7, 30, 365 };

static int64_t day_start(int64_t t)
{
	return t - ((t % APP_HIST_DAY_S) + APP_HIST_DAY_S) % APP_HIST_DAY_S;
}

void app_history_free(struct app_hist *h)
{
	hist_samples_free(&h->s);
	free(h->rows);
	free(h->t);
	hist_holdings_free(h->h, h->n_h);
	memset(h, 0, sizeof *h);
}

int app_history_load(struct app *a, const struct app_hist_query *q, struct app_hist *out,
                     char *err, size_t errlen)
{
	bool *need = NULL;
	int rc = APP_HIST_MEMORY;

	memset(out, 0, sizeof *out);
	if (store_history_holdings(a->store, &a->cat, q->position, q->asset ? q->asset->symbol : NULL,
	                           &out->h, &out->n_h, &out->first_ts, err, errlen) < 0)
		return APP_HIST_STORE;
	if (q->holdings_only)
		return APP_HIST_OK;
	out->step = q->step;
	const int64_t first_day = out->first_ts ? day_start(out->first_ts) : q->now;
	out->from = q->from ? q->from : first_day;
	if (q->from_first_day && out->from < first_day)
		out->from = first_day;
	out->to = q->to && q->to < q->now ? q->to : q->now;
	if (q->monthly_beyond_days > 0 && (out->to - out->from) / APP_HIST_DAY_S > q->monthly_beyond_days)
		out->step = HIST_MONTH;
	if (out->to < out->from) {
		snprintf(err, errlen, "the end is before the start");
		rc = APP_HIST_RANGE;
		goto fail;
	}
	if (hist_grid(out->from, out->to, out->step, APP_HIST_MAX_POINTS, &out->t, &out->n_t) < 0) {
		snprintf(err, errlen, "more than %d dates", APP_HIST_MAX_POINTS);
		rc = APP_HIST_TOO_MANY;
		goto fail;
	}
	out->rows = calloc(out->n_t ? out->n_t : 1, sizeof *out->rows);
	need = calloc(a->cat.n * HIST_KINDS + 1, sizeof *need);
	if (!out->rows || !need || hist_samples_init(&out->s, a->cat.n, out->n_t) < 0) {
		snprintf(err, errlen, "out of memory");
		goto fail;
	}
	hist_needed(&a->cat, out->h, out->n_h, need);
	if (store_history_samples(a->store, &a->cat, need, out->t, out->n_t,
	                          out->step == HIST_WEEK || out->step == HIST_MONTH, &out->s, err,
	                          errlen) < 0) {
		rc = APP_HIST_STORE;
		goto fail;
	}
	if (hist_compute(&a->cat, out->h, out->n_h, out->t, out->n_t, &out->s, out->rows) < 0) {
		snprintf(err, errlen, "out of memory");
		goto fail;
	}
	hist_split_total(out->rows, out->n_t, &out->rewards, &out->price, &out->flows);
	free(need);
	return APP_HIST_OK;
fail:
	free(need);
	app_history_free(out);
	return rc;
}

int app_history_rows_of(const struct app *a, const struct app_hist *h, const struct asset *only,
                        struct hist_row *rows)
{
	struct hist_holding *sub = malloc((h->n_h ? h->n_h : 1) * sizeof *sub);
	size_t n = 0;
	if (!sub)
		return -1;
	for (size_t i = 0; i < h->n_h; i++)
		if (h->h[i].asset == only)
			sub[n++] = h->h[i]; /* borrowed events: not freed here */
	int rc = hist_compute(&a->cat, sub, n, h->t, h->n_t, &h->s, rows);
	free(sub);
	return rc;
}

int app_history_yield(struct app *a, const struct asset *token, int64_t now, int days,
                      struct app_yield *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	if (store_history_realized(a->store, &a->cat, token, now, days, &out->y, &out->has_quoted,
	                           &out->quoted_apy, err, errlen) < 0)
		return -1;
	out->has_gap = out->y.has && out->has_quoted;
	out->gap_bps = out->has_gap ? (out->y.apy - out->quoted_apy) * 10000 : 0;
	out->trails = out->has_gap && -out->gap_bps > a->cfg.yield_gap_bps;
	return 0;
}

size_t app_history_yield_tokens(const struct app *a, const struct app_hist *h,
                                const struct asset **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < h->n_h && n < max; i++) {
		bool seen = false;
		for (size_t j = 0; j < n && !seen; j++)
			seen = out[j] == h->h[i].asset;
		if (!seen && hist_yield_rate_asset(&a->cat, h->h[i].asset))
			out[n++] = h->h[i].asset;
	}
	return n;
}

int app_history_read_begin(struct app *a, bool *opened, char *err, size_t errlen)
{
	return store_history_read_begin(a->store, opened, err, errlen);
}

void app_history_read_end(struct app *a, bool opened)
{
	store_history_read_end(a->store, opened);
}
