/* unbonding_view.c — the unbonding screen: every exit in progress with its
 * amount, when it was requested, when it becomes claimable (the date in
 * UTC and a countdown to the second), how far along it is, its status, the
 * rule or source the date comes from, and for a liquid token the other
 * route: sell now at the market price instead of waiting for NAV.
 *
 * unbonding_view_load reads the store; unbonding_view_compute builds the
 * lines for the display clock (each second while a countdown shows);
 * unbonding_view_draw only draws them. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "positions/text.h"
#include "positions/timeutil.h"
#include "tui/term/draw.h"
#include "tui/term/format.h"
#include "tui/term/ticks.h"
#include "tui/screens/unbonding_view.h"

static const struct {
	const char *title;
	int width;      /* the least it takes */
	int grow;       /* the most spare width it takes */
	int prio;       /* 0 always shown; higher ones first dropped */
	bool right;
} ucols[UC_COUNT] = {
	[UC_POS] = { "POS", 4, 0, 0, true },
	[UC_ASSET] = { "ASSET", 9, 3, 0, false },
	[UC_AMOUNT] = { "AMOUNT", 12, 8, 0, true },
	[UC_REQUESTED] = { "REQUESTED", 16, 3, 2, false },
	[UC_ETA] = { "ETA (UTC)", 16, 3, 0, false },
	[UC_LEFT] = { "LEFT", 12, 0, 0, true },
	[UC_PROGRESS] = { "PROGRESS", 12, 18, 1, false },
	[UC_STATUS] = { "STATUS", 9, 0, 0, false },
};

/* Where each column goes at width w: x and width, -1 when left out. */
static void geometry(struct unbonding_view *v, int width)
{
	bool on[UC_COUNT];
	int used = -1;
	for (int c = 0; c < UC_COUNT; c++) {
		on[c] = ucols[c].prio == 0;
		if (on[c])
			used += ucols[c].width + 1;
	}
	for (int prio = 1; prio <= 2; prio++)
		for (int c = 0; c < UC_COUNT; c++)
			if (ucols[c].prio == prio && used + 1 + ucols[c].width <= width) {
				on[c] = true;
				used += ucols[c].width + 1;
			}
	/* spare columns: seconds in the times first, then the bar, the
	 * amount and the asset */
	static const int order[] = { UC_ETA, UC_REQUESTED, UC_PROGRESS, UC_AMOUNT, UC_ASSET };
	int spare = width - used;
	for (int c = 0; c < UC_COUNT; c++)
		v->col_w[c] = ucols[c].width;
	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
		const int c = order[k];
		if (!on[c] || spare <= 0)
			continue;
		int more = spare < ucols[c].grow ? spare : ucols[c].grow;
		v->col_w[c] += more;
		spare -= more;
	}
	int x = 0;
	for (int c = 0; c < UC_COUNT; c++) {
		v->col_x[c] = on[c] ? x : -1;
		if (on[c])
			x += v->col_w[c] + 1;
	}
	v->width = width;
}

/* --- the model ---------------------------------------------------------------- */

static const struct valuation *row_of(const struct app *a, int64_t id, const char **sym)
{
	for (size_t i = 0; i < a->positions.n; i++)
		if (a->positions.v[i].id == id) {
			*sym = a->positions.v[i].asset;
			return &a->rows[i];
		}
	*sym = "?";
	return NULL;
}

/* "2026-12-11 08:00:00", or without the seconds in fewer than 19 columns. */
static void when(int64_t t, int w, char *buf, size_t len)
{
	char iso[ISO_TIME_LEN];
	time_format_iso(t, iso, sizeof iso);
	iso[10] = ' ';
	iso[w >= 19 ? 19 : 16] = 0;
	snprintf(buf, len, "%s", iso);
}

int unbonding_view_load(struct unbonding_view *v, const struct scene *sc)
{
	char err[256];
	free(v->items);
	v->items = NULL;
	v->n_items = 0;
	if (store_unbondings_list(sc->app->store, 0, v->show_claimed, &v->items, &v->n_items, err,
	                          sizeof err) < 0) {
		scene_say(sc, R_ERROR, "unbondings: %s", err);
		return -1;
	}
	/* the selection follows its unbonding; else the first row */
	v->cursor = v->n_items ? 0 : NO_ROW;
	for (size_t i = 0; i < v->n_items; i++)
		if (v->items[i].id == v->selected_id)
			v->cursor = i;
	return 0;
}

static struct uline *add(struct unbonding_view *v, enum uline_kind kind, size_t item)
{
	if (v->n == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 32;
		struct uline *n = realloc(v->lines, cap * sizeof *n);
		if (!n)
			return NULL;
		v->lines = n;
		v->cap = cap;
	}
	struct uline *l = &v->lines[v->n++];
	memset(l, 0, sizeof *l);
	l->kind = kind;
	l->item = item;
	l->trole = R_DIM;
	return l;
}

static void row_line(const struct unbonding_view *v, const struct scene *sc, struct uline *l, const struct unbonding *x, const char *sym)
{
	const enum unbond_status st = unbond_status_at(x, sc->now);
	const int64_t left = unbond_seconds_left(x, sc->now);
	snprintf(l->cell[UC_POS], sizeof l->cell[UC_POS], "%lld", (long long)x->position_id);
	text_copy_clean(l->cell[UC_ASSET], sizeof l->cell[UC_ASSET], sym);
	fmt_quantity(x->amount, l->cell[UC_AMOUNT], sizeof l->cell[UC_AMOUNT]);
	when(x->requested_at, v->col_w[UC_REQUESTED], l->cell[UC_REQUESTED],
	     sizeof l->cell[UC_REQUESTED]);
	when(x->available_at, v->col_w[UC_ETA], l->cell[UC_ETA], sizeof l->cell[UC_ETA]);
	snprintf(l->cell[UC_STATUS], sizeof l->cell[UC_STATUS], "%s", unbond_status_name(st));
	for (int c = 0; c < UC_COUNT; c++)
		l->role[c] = R_NORMAL;
	l->role[UC_POS] = R_DIM;
	l->role[UC_AMOUNT] = R_FIGURE;
	if (st == UNBOND_PENDING) {
		ticks_format_countdown(left, l->cell[UC_LEFT], sizeof l->cell[UC_LEFT]);
		l->role[UC_LEFT] = R_FIGURE;
		l->role[UC_STATUS] = l->role[UC_PROGRESS] = R_PENDING;
	} else {
		snprintf(l->cell[UC_LEFT], sizeof l->cell[UC_LEFT], "%s",
		         st == UNBOND_CLAIMABLE ? "ready" : "-");
		l->role[UC_LEFT] = l->role[UC_STATUS] = l->role[UC_PROGRESS] =
			st == UNBOND_CLAIMABLE ? R_CLAIMABLE : R_DIM;
	}
	const int64_t span = x->available_at - x->requested_at;
	const int64_t done = sc->now - x->requested_at;
	l->progress = st != UNBOND_PENDING || span <= 0 ? 1.0
	              : done <= 0                       ? 0.0
	                                                : (double)done / (double)span;
}

/* "or sell now: 7,300.20 usd vs 7,320.25 after 3d 0h (-20.05)": selling
 * now gets 20.05 less than waiting for NAV. */
static void sell_text(const struct scene *sc, const struct exit_choice *ex, const struct unbonding *x,
                      char *buf, size_t len, enum role *r)
{
	char sell[48], wait[48], diff[48], after[40], left[32];
	const struct figure fs = { true, ex->sell_value }, fw = { true, ex->wait_value },
		fd = { true, ex->sell_value - ex->wait_value };
	fmt_money(&fs, sell, sizeof sell);
	fmt_money(&fw, wait, sizeof wait);
	fmt_money(&fd, diff, sizeof diff);
	const int64_t s = unbond_seconds_left(x, sc->now);
	if (s > 0)
		snprintf(after, sizeof after, "after %s", unbond_format_left(s, left, sizeof left));
	else
		snprintf(after, sizeof after, "claimable now");
	snprintf(buf, len, "or sell now: %s %s vs %s %s (%s%s)", sell, sc->app->cfg.currency, wait,
	         after, diff[0] == '-' || strcmp(diff, "0.00") == 0 ? "" : "+", diff);
	text_sanitize(buf);
	*r = fd.v <= -0.005L ? R_LOSS : fd.v >= 0.005L ? R_GAIN : R_DIM;
}

static void append(char *buf, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void append(char *buf, size_t len, const char *fmt, ...)
{
	size_t o = strlen(buf);
	va_list ap;
	if (o + 1 >= len)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + o, len - o, fmt, ap);
	va_end(ap);
}

/* Lines under item's row: text broken at spaces into lines of at most w
 * columns (a longer word is cut). -1 when out of memory. */
static int add_wrapped(struct unbonding_view *v, enum uline_kind kind, size_t item,
                       const char *text, int w, enum role r)
{
	const char *s = text;
	if (w < 10)
		w = 10;
	while (*s) {
		const char *p = s, *cut = NULL;
		for (int cols = 0; *p && cols < w; cols++) {
			if (*p == ' ')
				cut = p;
			p++;
			while ((*p & 0xc0) == 0x80) /* the rest of a UTF-8 character */
				p++;
		}
		if (!*p || *p == ' ' || !cut)
			cut = p;
		struct uline *l = add(v, kind, item);
		if (!l)
			return -1;
		snprintf(l->text, sizeof l->text, "%.*s", (int)(cut - s), s);
		l->trole = (unsigned char)r;
		for (s = cut; *s == ' '; s++)
			;
	}
	return 0;
}

int unbonding_view_compute(struct unbonding_view *v, const struct scene *sc)
{
	const char *dot = theme_glyphs()->dot;
	geometry(v, sc->lay.body.w);
	const int indent = v->col_x[UC_ASSET], tw = v->width - indent;
	v->n = 0;
	for (size_t i = 0; i < v->n_items; i++) {
		const struct unbonding *x = &v->items[i];
		const char *sym;
		const struct valuation *val = row_of(sc->app, x->position_id, &sym);
		struct uline *l = add(v, UL_ROW, i);
		char rule[UNBOND_BASIS_MAX], t[UNBOND_BASIS_MAX + 96], req[24], claimed[24];
		if (!l)
			goto oom;
		row_line(v, sc, l, x, sym);
		/* under the row: the request time when its column does not fit,
		 * when it was claimed, and the rule or source of the ETA */
		text_copy_clean(rule, sizeof rule, x->rule[0] ? x->rule : "no rule recorded");
		text_drop_notes(rule);
		when(x->requested_at, 16, req, sizeof req);
		when(x->claimed_at, 16, claimed, sizeof claimed);
		t[0] = 0;
		if (v->col_x[UC_REQUESTED] < 0)
			append(t, sizeof t, "requested %s %s ", req, dot);
		if (x->claimed)
			append(t, sizeof t, "claimed %s %s ", claimed, dot);
		append(t, sizeof t, "rule: %s", rule);
		if (add_wrapped(v, UL_RULE, i, t, tw, R_DIM) < 0)
			goto oom;
		struct exit_choice ex;
		if (unbond_sell_now(val, x, sc->now, &ex)) {
			enum role r;
			sell_text(sc, &ex, x, t, sizeof t, &r);
			if (add_wrapped(v, UL_SELL, i, t, tw, r) < 0)
				goto oom;
		}
	}
	return 0;
oom:
	return -1;
}

int unbonding_view_open(struct unbonding_view *v, const struct scene *sc)
{
	int rc = 0;
	v->top = 0;
	if (unbonding_view_load(v, sc) == 0)
		rc = unbonding_view_compute(v, sc);
	unbonding_view_move(v, sc, 0, false, false);
	return rc;
}

const struct unbonding *unbonding_view_selected(const struct unbonding_view *v)
{
	return v->cursor != NO_ROW && v->cursor < v->n_items ? &v->items[v->cursor] : NULL;
}

/* --- moving ------------------------------------------------------------------- */

void unbonding_view_move(struct unbonding_view *v, const struct scene *sc, long delta, bool home,
                         bool end)
{
	const long rows = sc->lay.body.h > 2 ? sc->lay.body.h - 1 : 1;
	if (v->n_items == 0) {
		v->cursor = NO_ROW;
		v->top = 0;
		return;
	}
	long c = v->cursor == NO_ROW ? 0 : (long)v->cursor;
	c = home ? 0 : end ? (long)v->n_items - 1 : c + delta;
	if (c < 0)
		c = 0;
	if (c >= (long)v->n_items)
		c = (long)v->n_items - 1;
	v->cursor = (size_t)c;
	v->selected_id = v->items[c].id;
	/* the item's lines: from its row to the next row */
	long first = -1, last = -1;
	for (size_t i = 0; i < v->n; i++)
		if (v->lines[i].item == v->cursor) {
			if (first < 0)
				first = (long)i;
			last = (long)i;
		}
	if (first < 0)
		return;
	long top = (long)v->top;
	if (last >= top + rows)
		top = last - rows + 1;
	if (first < top)
		top = first;
	if (top > (long)v->n - rows)
		top = (long)v->n - rows;
	if (top < 0)
		top = 0;
	v->top = (size_t)top;
}

/* --- drawing ------------------------------------------------------------------ */

/* A bar w cells wide with the percentage after it: f of it full, to an
 * eighth of a cell with UTF-8 blocks (whole cells in ASCII). */
static void draw_bar(int y, int x, int w, double f, enum role r)
{
	const struct glyphs *g = theme_glyphs();
	char pct[8], buf[40 * 4 + 1];
	if (f < 0)
		f = 0;
	if (f > 1)
		f = 1;
	snprintf(pct, sizeof pct, "%3d%%", (int)(f * 100));
	int bw = w - 5;
	if (bw > 40)
		bw = 40;
	size_t o = 0;
	if (bw > 0) {
		/* rounded down: a full bar only once it is due */
		int eighths = (int)(f * bw * 8);
		for (int k = 0; k < bw; k++) {
			int e = eighths - k * 8;
			const char *s = g->bar[e >= 8 ? 8 : e <= 0 ? 0 : e];
			size_t n = strlen(s);
			memcpy(buf + o, s, n);
			o += n;
		}
		buf[o] = 0;
		draw_put(y, x, bw, buf, r);
	}
	draw_cell(y, x + (bw > 0 ? bw + 1 : 0), bw > 0 ? 4 : w, pct, r == R_SELECTED ? r : R_DIM,
	          AL_RIGHT);
}

static void draw_titles(const struct unbonding_view *v, const struct rect *r)
{
	draw_fill(r->y, r->x, r->w, R_COLHEAD);
	for (int c = 0; c < UC_COUNT; c++)
		if (v->col_x[c] >= 0)
			draw_cell(r->y, r->x + v->col_x[c], v->col_w[c], ucols[c].title, R_COLHEAD,
			          ucols[c].right ? AL_RIGHT : AL_LEFT);
}

void unbonding_view_draw(const struct unbonding_view *v, const struct rect *r)
{
	if (r->h < 2)
		return;
	draw_titles(v, r);
	const int indent = v->col_x[UC_ASSET];
	for (int k = 1; k < r->h; k++) {
		const size_t i = v->top + (size_t)(k - 1);
		const int y = r->y + k;
		draw_fill(y, r->x, r->w, R_NORMAL);
		if (i >= v->n)
			continue;
		const struct uline *l = &v->lines[i];
		const bool sel = l->item == v->cursor;
		if (l->kind != UL_ROW) {
			draw_cell(y, r->x + indent, r->w - indent, l->text, (enum role)l->trole, AL_LEFT);
			continue;
		}
		if (sel)
			draw_fill(y, r->x, r->w, R_SELECTED);
		for (int c = 0; c < UC_COUNT; c++) {
			if (v->col_x[c] < 0)
				continue;
			const int x = r->x + v->col_x[c];
			if (c == UC_PROGRESS)
				draw_bar(y, x, v->col_w[c], l->progress,
				         sel ? R_SELECTED : (enum role)l->role[c]);
			else
				draw_cell(y, x, v->col_w[c], l->cell[c],
				          sel ? R_SELECTED : (enum role)l->role[c],
				          ucols[c].right ? AL_RIGHT : AL_LEFT);
		}
	}
	if (v->n_items == 0)
		draw_cell(r->y + 2, r->x, r->w,
		          v->show_claimed ? "No unbonding recorded yet. b unbonds from the selected "
		                            "position."
		                          : "Nothing unbonding. b unbonds from a position; s shows "
		                            "claimed ones.",
		          R_DIM, AL_CENTER);
}

int unbonding_view_next_change(const struct unbonding_view *v, const struct scene *sc,
                               const struct rect *r)
{
	for (int k = 1; k < r->h; k++) {
		const size_t i = v->top + (size_t)(k - 1);
		if (i >= v->n)
			break;
		const struct uline *l = &v->lines[i];
		/* a countdown on screen reads differently every second */
		if (l->kind == UL_ROW &&
		    unbond_status_at(&v->items[l->item], sc->now) == UNBOND_PENDING)
			return 1;
	}
	return 0;
}

void unbonding_view_free(struct unbonding_view *v)
{
	free(v->items);
	free(v->lines);
	v->items = NULL;
	v->lines = NULL;
	v->n = v->cap = v->n_items = 0;
}
