/* feeds_view.c — each feed's last success, latency, values taken and last
 * error, from the store's feed status rows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "positions/text.h"
#include "positions/timeutil.h"
#include "tui/term/draw.h"
#include "tui/term/ticks.h"
#include "tui/screens/feeds_view.h"

static const struct {
	const char *title;
	int width;
	bool right;
} fcols[FC_COUNT] = {
	[FC_NAME] = { "FEED", 17, false },
	[FC_STATE] = { "STATE", 8, false },
	[FC_SUCCESS] = { "LAST SUCCESS", 13, true },
	[FC_ATTEMPT] = { "LAST TRY", 9, true },
	[FC_LATENCY] = { "LATENCY", 9, true },
	[FC_VALUES] = { "VALUES", 7, true },
	[FC_ERROR] = { "LAST ERROR", 0, false }, /* the rest of the line */
};

static void age_cell(struct feed_line *l, int col, int64_t now, int64_t t)
{
	char age[24];
	if (t <= 0) {
		snprintf(l->cell[col], sizeof l->cell[col], "never");
		l->role[col] = R_DIM;
		return;
	}
	ticks_format_age(now - t, age, sizeof age);
	snprintf(l->cell[col], sizeof l->cell[col], "%s ago", age);
	l->next_change = ticks_min(l->next_change, ticks_age(now - t));
}

void feeds_view_compute(struct feeds_view *f, const struct scene *sc)
{
	struct feed_line *rows = realloc(f->rows, (sc->n_fs ? sc->n_fs : 1) * sizeof *rows);
	if (!rows)
		return;
	f->rows = rows;
	f->n = sc->n_fs;
	for (size_t i = 0; i < sc->n_fs; i++) {
		const struct feed_status *s = &sc->fs[i];
		struct feed_line *l = &rows[i];
		memset(l, 0, sizeof *l);
		text_copy_clean(l->cell[FC_NAME], sizeof l->cell[FC_NAME], s->name);
		/* partial: some values taken, something asked for missing */
		bool took = s->values_taken > 0;
		bool ok = s->last_error[0] == 0 && s->last_success > 0;
		snprintf(l->cell[FC_STATE], sizeof l->cell[FC_STATE], "%s",
		         sc->refreshing ? "running" : ok ? "ok" : took ? "partial" : "failed");
		l->role[FC_STATE] = sc->refreshing ? R_BUSY : ok ? R_DONE : took ? R_LOSS : R_ERROR;
		age_cell(l, FC_SUCCESS, sc->now, s->last_success);
		age_cell(l, FC_ATTEMPT, sc->now, s->last_attempt);
		if (s->last_success > 0 && sc->now - s->last_success > sc->app->cfg.stale_seconds)
			l->role[FC_SUCCESS] = R_STALE;
		snprintf(l->cell[FC_LATENCY], sizeof l->cell[FC_LATENCY], "%ld ms", s->latency_ms);
		snprintf(l->cell[FC_VALUES], sizeof l->cell[FC_VALUES], "%ld", s->values_taken);
		/* a feed's error text comes from outside: no control characters */
		text_copy_clean(l->cell[FC_ERROR], sizeof l->cell[FC_ERROR],
		                s->last_error[0] ? s->last_error : "-");
		l->role[FC_ERROR] = s->last_error[0] ? R_ERROR : R_DIM;
	}
}

void feeds_view_scroll(struct feeds_view *f, const struct scene *sc, long delta)
{
	long max = (long)f->n - (sc->lay.body.h - 1);
	long top = (long)f->top + delta;
	if (top > max)
		top = max;
	if (top < 0)
		top = 0;
	f->top = (size_t)top;
}

void feeds_view_draw(const struct feeds_view *f, const struct scene *sc, const struct rect *r)
{
	int x = r->x;
	draw_fill(r->y, r->x, r->w, R_COLHEAD);
	for (int c = 0; c < FC_COUNT; c++) {
		int w = fcols[c].width ? fcols[c].width : r->x + r->w - x;
		draw_cell(r->y, x, w, fcols[c].title, R_COLHEAD, fcols[c].right ? AL_RIGHT : AL_LEFT);
		x += w + 1;
	}
	/* an error wider than its column (cut there with an ellipsis) is
	 * written whole under its row, wrapped (rate limits, HTTP errors: the
	 * reason matters) */
	int y = r->y + 1;
	const int bottom = r->y + r->h, ind = 4, ew = r->w - ind;
	for (size_t i = f->top; y < bottom; i++) {
		draw_fill(y, r->x, r->w, R_NORMAL);
		if (i >= f->n) {
			y++;
			continue;
		}
		const struct feed_line *l = &f->rows[i];
		x = r->x;
		bool below = false;
		for (int c = 0; c < FC_COUNT; c++) {
			int w = fcols[c].width ? fcols[c].width : r->x + r->w - x;
			if (c == FC_ERROR && draw_width(l->cell[c]) > w)
				below = true;
			draw_cell(y, x, w, l->cell[c], (enum role)l->role[c],
			          fcols[c].right ? AL_RIGHT : AL_LEFT);
			x += w + 1;
		}
		y++;
		if (!below || ew < 10)
			continue;
		const int n = draw_wrap_count(l->cell[FC_ERROR], ew);
		for (int k = 0; k < n && y < bottom; k++, y++) {
			draw_fill(y, r->x, r->w, R_NORMAL);
			draw_wrap_put(y, r->x + ind, ew, k, l->cell[FC_ERROR], (enum role)l->role[FC_ERROR]);
		}
	}
	if (f->n == 0)
		draw_cell(r->y + 2, r->x, r->w,
		          sc->app->offline ? "Offline: no feed has been tried. Start without --offline to fetch."
		                          : "No feed has run yet. F2 (or r) refreshes now.",
		          R_DIM, AL_CENTER);
}

int feeds_view_next_change(const struct feeds_view *f)
{
	int s = 0;
	for (size_t i = 0; i < f->n; i++)
		s = ticks_min(s, f->rows[i].next_change);
	return s;
}

void feeds_view_free(struct feeds_view *f)
{
	free(f->rows);
	f->rows = NULL;
	f->n = 0;
}
