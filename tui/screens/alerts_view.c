/* alerts_view.c — fired alerts with their times, then the rules. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "positions/text.h"
#include "positions/timeutil.h"
#include "tui/app/alerts.h"
#include "tui/screens/alerts_view.h"
#include "tui/term/draw.h"

static void line(struct alerts_view *v, enum role r, bool heading, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void line(struct alerts_view *v, enum role r, bool heading, const char *fmt, ...)
{
	if (v->n == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 32;
		struct alerts_line *w = realloc(v->rows, cap * sizeof *w);
		if (!w)
			return;
		v->rows = w;
		v->cap = cap;
	}
	struct alerts_line *l = &v->rows[v->n++];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(l->text, sizeof l->text, fmt, ap);
	va_end(ap);
	text_sanitize(l->text);
	l->role = (unsigned char)r;
	l->heading = heading;
}

static void rules(struct alerts_view *v, const struct app *a)
{
	const struct alert_rules *r = &a->cfg.alerts;
	line(v, R_NORMAL, false, " ");
	line(v, R_GROUP, true, "Rules  ([alerts] in the config; e edits them)");
	if (r->premium_bps)
		line(v, R_NORMAL, false, "  premium or discount beyond %d bps, any token", r->premium_bps);
	else
		line(v, R_DIM, false, "  premium or discount: off for tokens without a rule of their own");
	for (size_t i = 0; i < r->n_token; i++)
		line(v, R_NORMAL, false, "  premium or discount of %s beyond %d bps%s", r->token[i].sym,
		     r->token[i].bps, r->token[i].bps ? "" : " (off)");
	line(v, r->claimable ? R_NORMAL : R_DIM, false, "  an unbonding that became claimable: %s",
	     r->claimable ? "on" : "off");
	line(v, r->stale ? R_NORMAL : R_DIM, false,
	     "  a feed without a success for more than stale_seconds (%d s): %s",
	     a->cfg.stale_seconds, r->stale ? "on" : "off");
	if (r->move_pct > 0)
		line(v, R_NORMAL, false, "  a position's value moving more than %g %% in a day",
		     r->move_pct);
	else
		line(v, R_DIM, false, "  a position's value moving in a day: off");
	if (r->health_factor > 0)
		line(v, R_NORMAL, false, "  a loan's health factor below %.2f", r->health_factor);
	else
		line(v, R_DIM, false, "  a loan's health factor: off");
	line(v, R_NORMAL, false, "  terminal bell when one fires: %s", r->bell ? "on" : "off");
}

int alerts_view_compute(struct alerts_view *v, const struct scene *sc)
{
	struct alert_row *rows = NULL;
	size_t n = 0;
	char err[256];
	v->n = 0;
	v->n_unseen = 0;
	if (app_alerts_list(sc->app, false, &rows, &n, err, sizeof err) < 0) {
		scene_say(sc, R_ERROR, "could not read the alerts: %s", err);
		rules(v, sc->app);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		if (!rows[i].seen_at)
			v->n_unseen++;
	line(v, R_GROUP, true, "Alerts  %zu new, %zu in all  (s marks them seen)", v->n_unseen, n);
	if (n == 0)
		line(v, R_DIM, false, "  none fired");
	for (size_t i = 0; i < n; i++) {
		char when[ISO_TIME_LEN];
		time_format_iso(rows[i].fired_at, when, sizeof when);
		line(v, rows[i].seen_at ? R_NORMAL : R_ERROR, false, "  %-4s %.16s  %-9s %s%s",
		     rows[i].seen_at ? "seen" : "NEW", when, rows[i].kind, rows[i].message,
		     rows[i].ended_at ? " (over)" : "");
	}
	free(rows);
	rules(v, sc->app);
	return 0;
}

void alerts_view_scroll(struct alerts_view *v, const struct scene *sc, long delta)
{
	long max = (long)v->n - sc->lay.body.h;
	long top = (long)v->top + delta;
	if (top > max)
		top = max;
	if (top < 0)
		top = 0;
	v->top = (size_t)top;
}

void alerts_view_draw(const struct alerts_view *v, const struct rect *r)
{
	for (int k = 0; k < r->h; k++) {
		size_t i = v->top + (size_t)k;
		draw_fill(r->y + k, r->x, r->w, R_NORMAL);
		if (i >= v->n)
			continue;
		draw_cell(r->y + k, r->x, r->w, v->rows[i].text, (enum role)v->rows[i].role,
		          AL_LEFT);
	}
}

void alerts_view_free(struct alerts_view *v)
{
	free(v->rows);
	memset(v, 0, sizeof *v);
}
