/* header.c — the top three lines: freshness and refresh state, the
 * portfolio totals, projected yield and the next unbonding. */
#include <stdio.h>
#include <string.h>

#include "positions/text.h"
#include "positions/timeutil.h"
#include "tui/term/draw.h"
#include "tui/term/format.h"
#include "tui/term/ticks.h"
#include "tui/screens/header.h"

static bool is_stale(const struct scene *u)
{
	return u->stale_since > 0 && u->now - u->stale_since > u->app->cfg.stale_seconds;
}

/* The soonest pending unbonding and how many there are. */
static const struct unbonding *next_unbond(const struct scene *u, size_t *count)
{
	const struct unbonding *best = NULL;
	*count = 0;
	for (size_t i = 0; i < u->n_unb; i++) {
		if (u->unb[i].claimed)
			continue;
		(*count)++;
		if (!best || u->unb[i].available_at < best->available_at)
			best = &u->unb[i];
	}
	return best;
}

static const char *position_asset(const struct scene *u, int64_t id)
{
	for (size_t i = 0; i < u->app->positions.n; i++)
		if (u->app->positions.v[i].id == id)
			return u->app->positions.v[i].asset;
	return "?";
}

/* Right-aligned markers on the title line, drawn from the right edge. */
static int marker(int y, int right, const char *text, enum role r)
{
	int w = draw_width(text);
	if (right - w < 0)
		return right;
	draw_put(y, right - w, w, text, r);
	return right - w - 1;
}

static void title_line(const struct scene *u, const struct rect *r)
{
	const struct app *a = u->app;
	const struct glyphs *g = theme_glyphs();
	char left[3][160], t[96], age[24];
	draw_fill(r->y, r->x, r->w, R_TITLE);
	snprintf(left[0], sizeof left[0], " staketop %s %zu position%s %s values in %s", g->dot,
	         a->positions.n, a->positions.n == 1 ? "" : "s", g->dot, a->cfg.currency);
	snprintf(left[1], sizeof left[1], " staketop %s %zu position%s", g->dot, a->positions.n,
	         a->positions.n == 1 ? "" : "s");
	snprintf(left[2], sizeof left[2], " staketop");
	int right = r->x + r->w - 1;
	if (a->offline) {
		/* nothing will be fetched: how far the data reaches says more */
		if (u->data_last) {
			time_format_date(u->data_last, age, sizeof age);
			snprintf(t, sizeof t, "data to %s", age);
		} else {
			snprintf(t, sizeof t, "no data yet");
		}
		right = marker(r->y, right, t, R_TITLE);
	} else if (u->last_failure && !u->refreshing) {
		/* what failed and why, as much as half the line holds (the feeds
		 * screen has it whole) */
		char f[300];
		const int64_t day = u->last_failure % 86400;
		snprintf(f, sizeof f, "refresh failed %02d:%02d: %s", (int)(day / 3600),
		         (int)(day / 60 % 60), u->failure);
		int w = draw_width(f);
		if (w > r->w / 2)
			w = r->w / 2;
		draw_cell(r->y, right - w, w, f, R_ERROR, AL_LEFT);
		right -= w + 1;
	} else {
		if (u->last_success) {
			ticks_format_age(u->now - u->last_success, age, sizeof age);
			snprintf(t, sizeof t, "refreshed %s ago", age);
		} else {
			snprintf(t, sizeof t, "never refreshed");
		}
		right = marker(r->y, right, t, R_TITLE);
	}
	if (u->refreshing) {
		snprintf(t, sizeof t, " %s refreshing ", g->busy);
		right = marker(r->y, right, t, R_BUSY);
	}
	if (a->offline)
		right = marker(r->y, right, " OFFLINE ", R_OFFLINE);
	else if (u->feeds_opened && u->feeds_off)
		right = marker(r->y, right, " FEEDS OFF ", R_OFFLINE);
	else if (u->feeds_failing && !u->refreshing)
		right = marker(r->y, right, " FEEDS FAILING ", R_OFFLINE);
	if (u->alerts_unseen > 0) {
		snprintf(t, sizeof t, " ALERTS %lld ", (long long)u->alerts_unseen);
		right = marker(r->y, right, t, R_ERROR);
	}
	if (fmt_private())
		right = marker(r->y, right, " PRIVATE ", R_OFFLINE);
	if (is_stale(u)) {
		char w[40];
		time_format_minute(u->stale_since, w, sizeof w);
		snprintf(t, sizeof t, " STALE since %s ", w);
		right = marker(r->y, right, t, R_OFFLINE);
	}
	/* the longest title that still fits beside the markers */
	int k = 0;
	while (k < 2 && draw_width(left[k]) > right - r->x)
		k++;
	draw_put(r->y, r->x, right - r->x, left[k], R_TITLE);
}

/* label, value pairs from x; returns the x after them. */
static int item(int y, int x, int end, const char *label, const char *value, enum role vr)
{
	if (x >= end)
		return x;
	x += draw_put(y, x, end - x, label, R_LABEL);
	x += draw_put(y, x, end - x, " ", R_NORMAL);
	x += draw_put(y, x, end - x, value, vr);
	return x + 3;
}

void header_draw(const struct scene *u, const struct rect *r)
{
	const struct totals *t = &u->app->totals;
	const enum role fig = t->stale ? R_STALE : R_FIGURE;
	char v[64], w[128];
	int end = r->x + r->w, x;
	title_line(u, r);

	draw_fill(r->y + 1, r->x, r->w, R_NORMAL);
	x = r->x + 1;
	/* both over the valued positions (and their pending exits, at NAV) */
	fmt_money(&t->value_nav, v, sizeof v);
	snprintf(w, sizeof w, "%s %s %zu/%zu valued", v, theme_glyphs()->dot, t->n_valued,
	         t->n_positions);
	x = item(r->y + 1, x, end, "NAV", w, fig);
	fmt_money(&t->value_market, v, sizeof v);
	x = item(r->y + 1, x, end, "Market", v, fig);
	fmt_bps(&t->premium_bps, v, sizeof v);
	snprintf(w, sizeof w, "%s%s", v, t->premium_bps.has ? " bps" : "");
	x = item(r->y + 1, x, end, "Premium", w,
	         t->stale ? R_STALE : theme_premium_role(t->premium_bps.v, t->premium_bps.has));

	draw_fill(r->y + 2, r->x, r->w, R_NORMAL);
	x = r->x + 1;
	fmt_pct(&t->apy, v, sizeof v);
	x = item(r->y + 2, x, end, "APY", v, fig);
	fmt_money(&t->yield_30d_value, v, sizeof v);
	x = item(r->y + 2, x, end, "Yield 30d", v, fig);
	fmt_money(&t->yield_365d_value, v, sizeof v);
	x = item(r->y + 2, x, end, "1y", v, fig);
	size_t n;
	const struct unbonding *ub = next_unbond(u, &n);
	if (ub) {
		char q[DEC_STR_MAX], left[32], sym[SYM_MAX];
		int64_t s = unbond_seconds_left(ub, u->now);
		fmt_dec(ub->amount, q, sizeof q);
		text_copy_clean(sym, sizeof sym, position_asset(u, ub->position_id));
		unbond_format_left(s, left, sizeof left);
		/* what every pending exit is worth at NAV: in the header's NAV,
		 * on no board row, so said here; then the next one (its amount
		 * when the line has room, else only its time) */
		char ev[80], when[40], line[256];
		const char *dot = theme_glyphs()->dot;
		if (s <= 0)
			snprintf(when, sizeof when, "claimable");
		else
			snprintf(when, sizeof when, "in %s", left);
		if (t->n_unbonding_unvalued == t->n_unbonding) {
			snprintf(ev, sizeof ev, "-");   /* no exit has a NAV yet */
		} else {
			char m[32];
			fmt_money(&t->unbonding, m, sizeof m);
			if (t->n_unbonding_unvalued)
				snprintf(ev, sizeof ev, "%s+%zu unvalued", m, t->n_unbonding_unvalued);
			else
				snprintf(ev, sizeof ev, "%s", m);
		}
		snprintf(v, sizeof v, "Unbonding (%zu)", n);
		const char *label = n > 1 ? v : "Unbonding";
		snprintf(line, sizeof line, "%s %s %s %s %s", ev, dot, q, sym, when);
		if (x + (int)text_width(label) + 1 + (int)text_width(line) > end)
			snprintf(line, sizeof line, "%s %s %s", ev, dot, when);
		item(r->y + 2, x, end, label, line, s <= 0 ? R_CLAIMABLE : R_FIGURE);
	}
}

int header_next_change(const struct scene *u)
{
	int s = 0;
	if (u->last_success)
		s = ticks_min(s, ticks_age(u->now - u->last_success));
	if (u->stale_since > 0 && !is_stale(u))
		s = ticks_min(s, (int)(u->app->cfg.stale_seconds - (u->now - u->stale_since) + 1));
	size_t n;
	const struct unbonding *ub = next_unbond(u, &n);
	if (ub)
		s = ticks_min(s, ticks_left(unbond_seconds_left(ub, u->now)));
	return s;
}
