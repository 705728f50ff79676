/* ui_data.c — what the views show, and keeping it current: reading the
 * store into the views (ui_reload), recomputing them for a new sort,
 * filter or second (ui_recompute), and running refreshes through the
 * pricing layer's non-blocking interface (ui_refresh_poll: a step after
 * every wake of the loop; a finished refresh is stored in one transaction,
 * then everything is re-read). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "positions/text.h"
#include "tui/app/feeds.h"
#include "tui/ui.h"

/* --- clocks and messages --------------------------------------------------- */

int64_t ui_mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void ui_message(struct ui *u, enum role r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof u->msg, fmt, ap);
	va_end(ap);
	text_sanitize(u->msg);
	u->msg_role = r;
	u->dirty = true;
}

/* --- loading and recomputing ---------------------------------------------- */

void ui_recompute(struct ui *u)
{
	if (board_compute(&u->board, u->app, u->unb, u->n_unb, u->now) < 0)
		snprintf(u->fatal, sizeof u->fatal, "out of memory building the board");
	if (u->screen == CX_DETAIL && detail_compute(u) != 0) {
		u->screen = CX_BOARD;
		ui_message(u, R_ERROR, "position %lld is gone", (long long)u->detail.pos_id);
	}
	if (u->screen == CX_FEEDS)
		feeds_view_compute(u);
	if (u->screen == CX_UNBOND)
		unbonding_view_compute(u);
	u->dirty = true;
}

int ui_reload(struct ui *u)
{
	struct app *a = u->app;
	char err[400];
	u->now = app_clock();
	if (app_load(a, u->now, err, sizeof err) < 0) {
		ui_message(u, R_ERROR, "could not read the database: %s", err);
		return -1;
	}
	free(u->unb);
	u->unb = NULL;
	u->n_unb = 0;
	if (store_unbondings_list(a->store, 0, false, &u->unb, &u->n_unb, err, sizeof err) < 0)
		ui_message(u, R_ERROR, "unbondings: %s", err);
	if (u->screen == CX_UNBOND)
		unbonding_view_load(u);
	free(u->fs);
	u->fs = NULL;
	u->n_fs = 0;
	if (store_feed_status_list(a->store, &u->fs, &u->n_fs, err, sizeof err) < 0)
		ui_message(u, R_ERROR, "feed status: %s", err);
	u->last_success = 0;
	u->feeds_failing = u->n_fs > 0;
	for (size_t i = 0; i < u->n_fs; i++) {
		if (u->fs[i].last_success > u->last_success)
			u->last_success = u->fs[i].last_success;
		if (!u->fs[i].last_error[0] || u->fs[i].values_taken > 0)
			u->feeds_failing = false;
	}
	/* the oldest input on the board: the header says "stale since" it */
	u->stale_since = 0;
	for (size_t i = 0; i < a->positions.n; i++)
		for (unsigned k = 0; k < a->rows[i].n_sources; k++) {
			const struct figure_source *s = &a->rows[i].sources[k];
			if (!s->has || strcmp(s->source, "catalog") == 0)
				continue;
			int64_t ts = a->now - s->age_s;
			if (u->stale_since == 0 || ts < u->stale_since)
				u->stale_since = ts;
		}
	ui_recompute(u);
	return 0;
}

/* --- refresh --------------------------------------------------------------- */

static void refresh_finished(struct ui *u);

void ui_start_refresh(struct ui *u)
{
	char err[256];
	if (u->app->offline) {
		ui_message(u, R_ERROR, "offline (--offline): not fetching");
		return;
	}
	if (!u->refresh) {
		ui_message(u, R_ERROR, "feeds are not available (see the start-up message)");
		return;
	}
	if (u->refreshing) {
		ui_message(u, R_BUSY, "a refresh is already running");
		return;
	}
	if (feeds_start(u->app, u->refresh, app_clock(), err, sizeof err) < 0) {
		ui_message(u, R_ERROR, "refresh: %s", err);
		u->next_refresh_ms = ui_mono_ms() + (int64_t)u->app->cfg.refresh_seconds * 1000;
		return;
	}
	u->refreshing = true;
	u->dirty = true;
	/* nothing to ask (every feed held back): done already */
	if (!refresh_running(u->refresh))
		refresh_finished(u);
}

static void refresh_finished(struct ui *u)
{
	char err[400];
	size_t n, ok = 0;
	long values = 0;
	const struct feed_report *rep = refresh_reports(u->refresh, &n);
	u->refreshing = false;
	u->next_refresh_ms = ui_mono_ms() + (int64_t)u->app->cfg.refresh_seconds * 1000;
	for (size_t i = 0; i < n; i++) {
		ok += rep[i].ok;
		values += rep[i].values;
	}
	if (feeds_store(u->app, u->refresh, app_clock(), err, sizeof err) < 0) {
		ui_message(u, R_ERROR, "refresh: could not store: %s", err);
		return;
	}
	if (ui_reload(u) < 0)
		return;
	if (n == 0)
		ui_message(u, R_ERROR, "refresh: no feeds configured");
	else if (ok == n)
		ui_message(u, R_DONE, "refreshed: %zu feeds ok, %ld values", n, values);
	else
		ui_message(u, R_ERROR, "refresh: %zu of %zu feeds failed (Tab: feeds screen)", n - ok, n);
}

void ui_feeds_open(struct ui *u)
{
	char err[256];
	u->feeds_opened = true;
	u->refresh = feeds_refresher(u->app, err, sizeof err);
	if (!u->refresh)
		ui_message(u, R_ERROR, "feeds off: %s", err);
	else if (!u->app->offline)
		u->next_refresh_ms = ui_mono_ms(); /* the first refresh: now */
	u->dirty = true;
}

void ui_refresh_poll(struct ui *u)
{
	if (!u->refresh)
		return;
	if (refresh_step(u->refresh) < 0)
		ui_message(u, R_ERROR, "refresh: the HTTP layer failed");
	if (u->refreshing && !refresh_running(u->refresh))
		refresh_finished(u);
	if (!u->refreshing && !u->app->offline && u->next_refresh_ms > 0 &&
	    ui_mono_ms() >= u->next_refresh_ms) {
		ui_start_refresh(u);
		refresh_step(u->refresh);
	}
}
