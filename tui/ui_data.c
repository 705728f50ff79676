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
#include "tui/loop.h"
#include "tui/app/alerts.h"
#include "tui/app/pnl.h"

/* --- clocks and messages --------------------------------------------------- */

int64_t ui_mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void ui_say(void *ctx, enum role r, const char *text)
{
	ui_message(ctx, r, "%s", text);
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
	if (board_compute(&u->board, u->sc.app, u->sc.unb, u->sc.n_unb, u->sc.now) < 0)
		snprintf(u->fatal, sizeof u->fatal, "out of memory building the board");
	if (u->screen == CX_DETAIL && detail_compute(&u->detail, &u->sc) != 0) {
		u->screen = CX_BOARD;
		ui_message(u, R_ERROR, "position %lld is gone", (long long)u->detail.pos_id);
	}
	if (u->screen == CX_FEEDS)
		feeds_view_compute(&u->feeds, &u->sc);
	if (u->screen == CX_UNBOND)
		ui_unbonding_compute(u);
	if (u->screen == CX_ALERTS)
		alerts_view_compute(&u->alerts, &u->sc);
	if (u->screen == CX_WATCH)
		watch_view_compute(&u->watch, &u->sc);
	if (u->screen == CX_PLAN)
		planner_reload(&u->planner, &u->sc);
	if (u->screen == CX_HISTORY && history_view_relabel(&u->hist, &u->sc) < 0)
		snprintf(u->fatal, sizeof u->fatal, "out of memory building the history screen");
	u->dirty = true;
}

/* Everything re-read; valued: the portfolio was just valued (feeds_store
 * values it inside the refresh's transaction, for the snapshots and the
 * alert rules), so only its P&L is added, as of that valuation. */
static int reload(struct ui *u, bool valued)
{
	struct app *a = u->sc.app;
	char err[400];
	u->sc.now = valued ? a->now : app_clock();
	if ((valued ? app_pnl_load(a, err, sizeof err) : app_load(a, u->sc.now, err, sizeof err)) < 0) {
		ui_message(u, R_ERROR, "could not read the database: %s", err);
		return -1;
	}
	free(u->sc.unb);
	u->sc.unb = NULL;
	u->sc.n_unb = 0;
	if (store_unbondings_list(a->store, 0, false, &u->sc.unb, &u->sc.n_unb, err, sizeof err) < 0)
		ui_message(u, R_ERROR, "unbondings: %s", err);
	if (u->screen == CX_UNBOND)
		unbonding_view_load(&u->unbv, &u->sc);
	if (u->screen == CX_HISTORY && history_view_compute(&u->hist, &u->sc) == 0)
		history_view_fit(&u->hist, &u->sc.lay.body);
	if (app_data_last(a, &u->sc.data_last, err, sizeof err) < 0)
		ui_message(u, R_ERROR, "observations: %s", err);
	free(u->sc.watches);
	u->sc.watches = NULL;
	u->sc.n_watches = 0;
	if (store_watches_list(a->store, &u->sc.watches, &u->sc.n_watches, err, sizeof err) < 0)
		ui_message(u, R_ERROR, "watches: %s", err);
	free(u->sc.fs);
	u->sc.fs = NULL;
	u->sc.n_fs = 0;
	if (store_feed_status_list(a->store, &u->sc.fs, &u->sc.n_fs, err, sizeof err) < 0)
		ui_message(u, R_ERROR, "feed status: %s", err);
	u->sc.last_success = 0;
	u->sc.feeds_failing = u->sc.n_fs > 0;
	u->sc.last_failure = 0;
	u->sc.failure[0] = 0;
	for (size_t i = 0; i < u->sc.n_fs; i++) {
		const struct feed_status *f = &u->sc.fs[i];
		if (f->last_success > u->sc.last_success)
			u->sc.last_success = f->last_success;
		if (!f->last_error[0] || f->values_taken > 0)
			u->sc.feeds_failing = false;
		else if (f->last_attempt > u->sc.last_failure) {
			u->sc.last_failure = f->last_attempt;
			char name[sizeof f->name], why[sizeof f->last_error];
			text_copy_clean(name, sizeof name, f->name);
			text_copy_clean(why, sizeof why, f->last_error);
			snprintf(u->sc.failure, sizeof u->sc.failure, "%.31s: %.200s", name, why);
		}
	}
	/* a failure older than a success is not news: the header says when it
	 * last refreshed */
	if (u->sc.last_failure <= u->sc.last_success)
		u->sc.last_failure = 0;
	/* the alert rules against what was just loaded; a new alert rings the
	 * bell once when [alerts] bell = true (a refresh already checked them:
	 * what grew since the last load is new) */
	int64_t before = u->sc.alerts_unseen;
	if (app_alerts_check(a, NULL, err, sizeof err) < 0 ||
	    app_alerts_unseen(a, &u->sc.alerts_unseen, err, sizeof err) < 0)
		ui_message(u, R_ERROR, "alerts: %s", err);
	if (u->alerts_loaded && u->sc.alerts_unseen > before && a->cfg.alerts.bell)
		u->ring = true;
	u->alerts_loaded = true;
	/* the oldest input on the board: the header says "stale since" it */
	u->sc.stale_since = 0;
	for (size_t i = 0; i < a->positions.n; i++)
		for (unsigned k = 0; k < a->rows[i].n_sources; k++) {
			const struct figure_source *s = &a->rows[i].sources[k];
			if (!s->has || strcmp(s->source, "catalog") == 0)
				continue;
			int64_t ts = a->now - s->age_s;
			if (u->sc.stale_since == 0 || ts < u->sc.stale_since)
				u->sc.stale_since = ts;
		}
	ui_recompute(u);
	return 0;
}

int ui_reload(struct ui *u)
{
	return reload(u, false);
}

void ui_unbonding_compute(struct ui *u)
{
	if (unbonding_view_compute(&u->unbv, &u->sc) < 0)
		snprintf(u->fatal, sizeof u->fatal, "out of memory building the unbonding screen");
}

void ui_unbonding_open(struct ui *u)
{
	u->screen = CX_UNBOND;
	if (unbonding_view_open(&u->unbv, &u->sc) < 0)
		snprintf(u->fatal, sizeof u->fatal, "out of memory building the unbonding screen");
}

/* --- refresh --------------------------------------------------------------- */

static void refresh_finished(struct ui *u);

void ui_start_refresh(struct ui *u)
{
	char err[256];
	if (u->sc.app->offline) {
		ui_message(u, R_ERROR, "offline (--offline): not fetching");
		return;
	}
	if (!u->refresh) {
		ui_message(u, R_ERROR, "feeds are not available (see the start-up message)");
		return;
	}
	if (u->sc.refreshing) {
		ui_message(u, R_BUSY, "a refresh is already running");
		return;
	}
	if (u->backfill) {
		ui_message(u, R_BUSY, "a backfill is running: the refresh waits for it");
		return;
	}
	if (feeds_start(u->sc.app, u->refresh, app_clock(), err, sizeof err) < 0) {
		ui_message(u, R_ERROR, "refresh: %s", err);
		u->next_refresh_ms = ui_mono_ms() + (int64_t)u->sc.app->cfg.refresh_seconds * 1000;
		return;
	}
	u->sc.refreshing = true;
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
	u->sc.refreshing = false;
	u->next_refresh_ms = ui_mono_ms() + (int64_t)u->sc.app->cfg.refresh_seconds * 1000;
	for (size_t i = 0; i < n; i++) {
		ok += rep[i].ok;
		values += rep[i].values;
	}
	if (feeds_store(u->sc.app, u->refresh, app_clock(), err, sizeof err) < 0) {
		/* rolled back: what was valued inside it is not in the store, so
		 * the screen goes back to what is */
		ui_reload(u);
		ui_message(u, R_ERROR, "refresh: could not store: %s", err);
		return;
	}
	if (reload(u, true) < 0)
		return;
	if (n == 0)
		ui_message(u, R_ERROR, "refresh: no feeds configured");
	else if (ok == n)
		ui_message(u, R_DONE, "refreshed: %zu feeds ok, %ld values", n, values);
	else
		ui_message(u, R_ERROR, "refresh: %zu of %zu feeds failed%s", n - ok, n,
		           u->screen == CX_FEEDS ? " (below)" : FEEDS_HINT);
}

void ui_feeds_open(struct ui *u)
{
	char err[256];
	u->sc.feeds_opened = true;
	u->refresh = feeds_refresher(u->sc.app, err, sizeof err);
	u->sc.feeds_off = !u->refresh;
	if (!u->refresh)
		ui_message(u, R_ERROR, "feeds off: %s", err);
	else if (!u->sc.app->offline)
		u->next_refresh_ms = ui_mono_ms(); /* the first refresh: now */
	u->dirty = true;
}

void ui_refresh_poll(struct ui *u)
{
	if (!u->refresh)
		return;
	if (refresh_step(u->refresh) < 0)
		ui_message(u, R_ERROR, "refresh: the HTTP layer failed");
	if (u->sc.refreshing && !refresh_running(u->refresh))
		refresh_finished(u);
	if (!u->sc.refreshing && !u->backfill && !u->sc.app->offline && u->next_refresh_ms > 0 &&
	    ui_mono_ms() >= u->next_refresh_ms) {
		ui_start_refresh(u);
		refresh_step(u->refresh);
	}
}

/* --- backfill --------------------------------------------------------------- */

static void backfill_say(struct ui *u)
{
	struct backfill_progress p;
	backfill_progress(u->backfill, &p);
	ui_message(u, R_BUSY, "backfill: %zu/%zu answers, %ld prices, %ld APRs%s (keys keep working)",
	           p.windows_done, p.windows_total, p.prices, p.aprs, p.failed ? ", some failed" : "");
}

static void backfill_window(void *ctx, const struct backfill_window *w)
{
	(void)w;
	backfill_say(ctx);
}

void ui_backfill_start(struct ui *u)
{
	char err[300];
	if (u->backfill) {
		backfill_say(u);
		return;
	}
	if (u->sc.refreshing) {
		ui_message(u, R_BUSY, "a refresh is running: backfill when it is done");
		return;
	}
	if (backfill_new(u->sc.app, 0, app_clock(), backfill_window, u, &u->backfill, err,
	                 sizeof err) < 0) {
		ui_message(u, R_ERROR, "backfill: %s", err);
		return;
	}
	backfill_say(u);
	ui_backfill_poll(u);
}

void ui_backfill_poll(struct ui *u)
{
	if (!u->backfill)
		return;
	int n = backfill_step(u->backfill);
	if (n > 0)
		return;
	struct backfill_progress p;
	backfill_progress(u->backfill, &p);
	const char *sym = "", *why = "";
	if (p.failed)
		backfill_failure(u->backfill, 0, &sym, &why);
	char first[320];
	snprintf(first, sizeof first, "%s: %s", sym, why);
	backfill_free(u->backfill);
	u->backfill = NULL;
	if (ui_reload(u) < 0)
		return;
	if (n < 0)
		ui_message(u, R_ERROR, "backfill: the HTTP layer failed (B resumes)");
	else if (p.failed)
		ui_message(u, R_ERROR, "backfill: %ld prices, %ld APRs; %zu failed, %s (B resumes)",
		           p.prices, p.aprs, p.failed, first);
	else
		ui_message(u, R_DONE, "backfill done: %ld prices for %zu assets, %ld APRs for %zu pools",
		           p.prices, p.price_assets, p.aprs, p.apr_pools);
}

/* --- history ----------------------------------------------------------------- */

void ui_history_open(struct ui *u, enum hv_scope scope)
{
	int64_t id = u->hist.position_id;
	const struct asset *as = NULL;
	size_t idx = NO_ROW;
	if (u->screen == CX_DETAIL)
		id = u->detail.pos_id;
	else if (u->screen == CX_BOARD && (idx = board_selected(&u->board)) != NO_ROW)
		id = u->sc.app->positions.v[idx].id;
	for (size_t i = 0; i < u->sc.app->positions.n; i++)
		if (u->sc.app->positions.v[i].id == id)
			as = catalog_find(&u->sc.app->cat, u->sc.app->positions.v[i].asset);
	if (scope != HV_PORTFOLIO && (id <= 0 || !as)) {
		ui_message(u, R_NORMAL, "no position selected: the whole portfolio");
		scope = HV_PORTFOLIO;
	}
	u->screen = CX_HISTORY;
	history_view_open(&u->hist, &u->sc, scope, id, as);
	u->dirty = true;
}
