/* history.c — the history screen: computing on open and range change,
 * fitting the charts to the body, drawing from the state. */
#include "tui/screens/history.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "positions/text.h"
#include "positions/timeutil.h"
#include "tui/term/draw.h"
#include "tui/term/format.h"
#include "tui/term/theme.h"

#define DAY_S APP_HIST_DAY_S
/* ALL by day up to this many days, by month beyond */
#define ALL_DAILY_MAX_DAYS 730

static const char *const range_names[HV_RANGES] = { "1W", "1M", "3M", "1Y", "ALL" };

const char *history_range_name(enum hv_range r)
{
	return r < HV_RANGES ? range_names[r] : "?";
}

static const char *step_name(enum hist_step s)
{
	return s == HIST_HOUR ? "by hour" : s == HIST_DAY ? "by day" : s == HIST_WEEK ? "by week"
	                                                                             : "by month end";
}

int history_view_chart_rows(int body_h)
{
	int ch = (body_h - 4) / 2;
	return ch < 3 ? 3 : ch;
}

/* --- computing --------------------------------------------------------------- */

static void free_assets(struct history_view *v)
{
	for (size_t i = 0; i < v->n_assets; i++) {
		free(v->assets[i].prem);
		free(v->assets[i].has);
		chart_free(&v->assets[i].chart);
	}
	free(v->assets);
	v->assets = NULL;
	v->n_assets = 0;
}

static void free_data(struct history_view *v)
{
	app_history_free(&v->data);
	for (int s = 0; s < 2; s++) {
		free(v->series[s]);
		free(v->has[s]);
		v->series[s] = NULL;
		v->has[s] = NULL;
	}
	chart_free(&v->chart);
	free_assets(v);
	v->n_lines = 0;
}

void history_view_free(struct history_view *v)
{
	free_data(v);
	free(v->lines);
	v->lines = NULL;
	v->cap = 0;
}

static struct hv_line *add_line(struct history_view *v, enum hv_line_kind k, enum role r)
{
	if (v->n_lines == v->cap) {
		size_t nc = v->cap ? v->cap * 2 : 64;
		struct hv_line *nl = realloc(v->lines, nc * sizeof *nl);
		if (!nl)
			return NULL;
		v->lines = nl;
		v->cap = nc;
	}
	struct hv_line *l = &v->lines[v->n_lines++];
	memset(l, 0, sizeof *l);
	l->kind = k;
	l->role = (unsigned char)r;
	return l;
}

static void money(long double v, bool has, char *buf, size_t len)
{
	if (!has)
		snprintf(buf, len, "-");
	else
		fmt_amount(v, 2, buf, len);
}

static void pct(bool has, double v, char *buf, size_t len)
{
	if (!has)
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, "%.3f%%", v * 100);
}

/* The lines under the chart: realized yield, the split per asset and in
 * total, the premium charts' labels, the table. */
static int build_lines(struct history_view *v, const struct scene *sc)
{
	const struct app_hist *d = &v->data;
	char a[48], b[48], c[48], e[48], f[48];
	struct hv_line *l;
	v->n_lines = 0;
#define LINE(kind, role) \
	do { if (!(l = add_line(v, kind, role))) return -1; } while (0)

	LINE(HL_TEXT, R_COLHEAD);
	snprintf(l->text, sizeof l->text, "%-10s %9s %9s %9s %9s  %s", "REALIZED", "7d", "30d", "1y",
	         "quoted", "gap bps 7d / 30d / 1y");
	size_t n_meas = 0;
	for (size_t i = 0; i < v->n_assets; i++) {
		const struct hv_asset *x = &v->assets[i];
		if (!x->measurable)
			continue;
		n_meas++;
		char q[24], gaps[64];
		bool trails = false, hq = false;
		double qv = 0;
		size_t o = 0;
		for (int w = 0; w < APP_YIELD_WINDOWS; w++) {
			char g[16];
			if (x->y[w].has_quoted && !hq) {
				hq = true;
				qv = x->y[w].quoted_apy;
			}
			trails |= x->y[w].trails;
			if (x->y[w].has_gap)
				snprintf(g, sizeof g, "%+.1f", x->y[w].gap_bps);
			else
				snprintf(g, sizeof g, "-");
			o += (size_t)snprintf(gaps + o, sizeof gaps - o, "%s%s", w ? " / " : "", g);
		}
		pct(x->y[0].y.has, x->y[0].y.apy, a, sizeof a);
		pct(x->y[1].y.has, x->y[1].y.apy, b, sizeof b);
		pct(x->y[2].y.has, x->y[2].y.apy, c, sizeof c);
		pct(hq, qv, q, sizeof q);
		LINE(HL_TEXT, trails ? R_LOSS_BIG : R_NORMAL);
		snprintf(l->text, sizeof l->text, "%-10s %9s %9s %9s %9s  %s%s", x->asset->symbol, a, b,
		         c, q, gaps, trails ? "  TRAILS" : "");
	}
	if (!n_meas) {
		LINE(HL_TEXT, R_DIM);
		snprintf(l->text, sizeof l->text, "no held token with a recorded exchange rate");
	} else {
		LINE(HL_TEXT, R_DIM);
		snprintf(l->text, sizeof l->text, "realized = (rate now / rate then)^(365/d) - 1; "
		         "TRAILS: more than %d bps under the quote", sc->app->cfg.yield_gap_bps);
	}

	/* the split, per asset and in total, with the arithmetic */
	LINE(HL_TEXT, R_COLHEAD);
	snprintf(l->text, sizeof l->text, "%-10s %13s %13s %12s %12s %12s", "SPLIT", "NAV start",
	         "NAV end", "rewards", "price", "flows");
	struct hist_fig n0 = { 0 }, n1 = { 0 };
	if (d->n_t) {
		n0 = d->rows[0].nav;
		n1 = d->rows[d->n_t - 1].nav;
	}
	for (size_t i = 0; i < v->n_assets; i++) {
		const struct hv_asset *x = &v->assets[i];
		money(x->nav0.v, x->nav0.has, a, sizeof a);
		money(x->nav1.v, x->nav1.has, b, sizeof b);
		fmt_amount(x->rewards, 2, c, sizeof c);
		fmt_amount(x->price, 2, e, sizeof e);
		fmt_amount(x->flows, 2, f, sizeof f);
		LINE(HL_TEXT, R_NORMAL);
		snprintf(l->text, sizeof l->text, "%-10s %13s %13s %12s %12s %12s", x->asset->symbol, a,
		         b, c, e, f);
	}
	money(n0.v, n0.has, a, sizeof a);
	money(n1.v, n1.has, b, sizeof b);
	fmt_amount(d->rewards, 2, c, sizeof c);
	fmt_amount(d->price, 2, e, sizeof e);
	fmt_amount(d->flows, 2, f, sizeof f);
	LINE(HL_TEXT, R_FIGURE);
	snprintf(l->text, sizeof l->text, "%-10s %13s %13s %12s %12s %12s", "total", a, b, c, e, f);
	char ch[48];
	fmt_amount(n1.v - n0.v, 2, ch, sizeof ch);
	LINE(HL_TEXT, R_DIM);
	snprintf(l->text, sizeof l->text, "%s - %s = %s = rewards %s + price %s + flows %s", b, a, ch,
	         c, e, f);
	LINE(HL_TEXT, R_DIM);
	snprintf(l->text, sizeof l->text, "rewards = units x (rate now - rate before) x price now; "
	         "price = units x rate before x (price now - price before); flows = change in "
	         "units x rate x price");

	/* premium or discount per liquid or restaked token */
	for (size_t i = 0; i < v->n_assets; i++) {
		const struct hv_asset *x = &v->assets[i];
		if (!x->premium)
			continue;
		char lo[24], hi[24];
		snprintf(lo, sizeof lo, "%+.1Lf", x->lo);
		snprintf(hi, sizeof hi, "%+.1Lf", x->hi);
		LINE(HL_TEXT, R_COLHEAD);
		snprintf(l->text, sizeof l->text, "PREMIUM %s, bps vs NAV (range %s .. %s)",
		         x->asset->symbol, lo, hi);
		for (int r = 0; r < HV_PREM_ROWS; r++) {
			LINE(HL_PREM, R_NORMAL);
			l->ref = i;
			l->row = r;
		}
	}

	LINE(HL_TABLE_HEAD, R_COLHEAD);
	for (size_t i = 0; i < d->n_t; i++) {
		LINE(HL_TABLE, R_NORMAL);
		l->ref = i;
	}
#undef LINE
	return 0;
}

static int64_t day_start(int64_t t)
{
	return t - ((t % DAY_S) + DAY_S) % DAY_S;
}

/* The query of the view's range and scope as of now. */
static void query(const struct history_view *v, const struct scene *sc, struct app_hist_query *q)
{
	static const int days[HV_RANGES] = { 7, 30, 91, 365, 0 };
	memset(q, 0, sizeof *q);
	q->now = sc->now;
	q->position = v->scope == HV_POSITION ? v->position_id : 0;
	q->asset = v->scope == HV_ASSET ? v->asset : NULL;
	q->from_first_day = true;
	q->step = HIST_DAY;
	if (v->range == HV_1W) {
		q->step = HIST_HOUR;
		q->from = sc->now - 7 * DAY_S;
	} else if (v->range != HV_ALL) {
		q->from = day_start(sc->now) - (int64_t)(days[v->range] - 1) * DAY_S;
	}
}

static int compute(struct history_view *v, const struct scene *sc);

/* One read snapshot for everything the screen reads. */
int history_view_compute(struct history_view *v, const struct scene *sc)
{
	bool opened = false;
	char err[256];
	if (app_history_read_begin(sc->app, &opened, err, sizeof err) < 0) {
		text_copy_clean(v->error, sizeof v->error, err);
		scene_say(sc, R_ERROR, "history: %s", v->error);
		return -1;
	}
	int rc = compute(v, sc);
	app_history_read_end(sc->app, opened);
	return rc;
}

static int compute(struct history_view *v, const struct scene *sc)
{
	struct app *a = sc->app;
	struct app_hist_query q;
	char err[256];
	const int64_t at = v->data.n_t && v->cursor < v->data.n_t ? v->data.t[v->cursor] : 0;

	free_data(v);
	v->error[0] = 0;
	query(v, sc, &q);
	if (v->range == HV_ALL) /* by day for up to two years, by month end beyond */
		q.monthly_beyond_days = ALL_DAILY_MAX_DAYS;
	int rc = app_history_load(a, &q, &v->data, err, sizeof err);
	if (rc != APP_HIST_OK) {
		text_copy_clean(v->error, sizeof v->error, err);
		scene_say(sc, R_ERROR, "history: %s", v->error);
		return -1;
	}
	const struct app_hist *d = &v->data;
	const size_t n = d->n_t ? d->n_t : 1;
	bool any = false;
	for (int s = 0; s < 2; s++) {
		v->series[s] = calloc(n, sizeof *v->series[s]);
		v->has[s] = calloc(n, sizeof *v->has[s]);
		if (!v->series[s] || !v->has[s])
			goto oom;
	}
	v->lo = v->hi = 0;
	for (size_t i = 0; i < d->n_t; i++) {
		const struct hist_fig *f[2] = { &d->rows[i].nav, &d->rows[i].market_value };
		for (int s = 0; s < 2; s++) {
			v->has[s][i] = f[s]->has;
			v->series[s][i] = (double)f[s]->v;
			if (!f[s]->has)
				continue;
			if (!any || f[s]->v < v->lo)
				v->lo = f[s]->v;
			if (!any || f[s]->v > v->hi)
				v->hi = f[s]->v;
			any = true;
		}
	}
	/* the assets of the scope, each once, in holdings order */
	v->assets = calloc(d->n_h + 1, sizeof *v->assets);
	struct hist_row *rows = calloc(n, sizeof *rows);
	if (!v->assets || !rows) {
		free(rows);
		goto oom;
	}
	for (size_t k = 0; k < d->n_h; k++) {
		const struct asset *as = d->h[k].asset;
		bool seen = false;
		for (size_t j = 0; j < v->n_assets && !seen; j++)
			seen = v->assets[j].asset == as;
		if (seen)
			continue;
		struct hv_asset *x = &v->assets[v->n_assets++];
		x->asset = as;
		x->premium = as->kind != ASSET_NATIVE;
		if (app_history_rows_of(a, d, as, rows) < 0 ||
		    !(x->prem = calloc(n, sizeof *x->prem)) || !(x->has = calloc(n, sizeof *x->has))) {
			free(rows);
			goto oom;
		}
		hist_split_total(rows, d->n_t, &x->rewards, &x->price, &x->flows);
		if (d->n_t) {
			x->nav0 = rows[0].nav;
			x->nav1 = rows[d->n_t - 1].nav;
		}
		bool pany = false;
		for (size_t i = 0; i < d->n_t; i++) {
			x->has[i] = rows[i].premium_bps.has;
			x->prem[i] = (double)rows[i].premium_bps.v;
			if (!x->has[i])
				continue;
			if (!pany || rows[i].premium_bps.v < x->lo)
				x->lo = rows[i].premium_bps.v;
			if (!pany || rows[i].premium_bps.v > x->hi)
				x->hi = rows[i].premium_bps.v;
			pany = true;
		}
		x->measurable = hist_yield_rate_asset(&a->cat, as) != NULL;
		for (int w = 0; x->measurable && w < APP_YIELD_WINDOWS; w++)
			if (app_history_yield(a, as, sc->now, app_yield_days[w], &x->y[w], err,
			                      sizeof err) < 0) {
				text_copy_clean(v->error, sizeof v->error, err);
				scene_say(sc, R_ERROR, "history: %s", v->error);
				x->measurable = false;
				break;
			}
	}
	free(rows);
	if (build_lines(v, sc) < 0)
		goto oom;
	/* the cursor keeps its date, else goes to the last */
	v->cursor = d->n_t ? d->n_t - 1 : 0;
	for (size_t i = 0; at && i < d->n_t; i++)
		if (d->t[i] >= at) {
			v->cursor = i;
			break;
		}
	v->fit_w = v->fit_h = 0; /* rasterised again by the next fit */
	return 0;
oom:
	free_data(v);
	snprintf(v->error, sizeof v->error, "out of memory");
	scene_say(sc, R_ERROR, "history: out of memory");
	return -1;
}

int history_view_relabel(struct history_view *v, const struct scene *sc)
{
	if (!v->series[0])
		return 0;
	if (build_lines(v, sc) < 0) {
		v->n_lines = 0;
		return -1;
	}
	if (v->top > v->n_lines)
		v->top = 0;
	return 0;
}

int history_view_open(struct history_view *v, const struct scene *sc, enum hv_scope scope,
                      int64_t position_id, const struct asset *asset)
{
	v->scope = scope;
	v->position_id = position_id;
	v->asset = asset;
	v->top = 0;
	v->cursor = 0;
	app_history_free(&v->data); /* the cursor goes to the last date */
	if (scope == HV_POSITION)
		snprintf(v->scope_text, sizeof v->scope_text, "position #%lld", (long long)position_id);
	else if (scope == HV_ASSET && asset)
		snprintf(v->scope_text, sizeof v->scope_text, "asset %s", asset->symbol);
	else
		snprintf(v->scope_text, sizeof v->scope_text, "portfolio");
	int rc = history_view_compute(v, sc);
	if (rc == 0)
		history_view_fit(v, &sc->lay.body);
	return rc;
}

/* --- fitting ---------------------------------------------------------------- */

static int label_cols(long double lo, long double hi)
{
	char a[48], b[48];
	fmt_number(lo, 2, a, sizeof a); /* the widths shown, private or not */
	fmt_number(hi, 2, b, sizeof b);
	int w = (int)(strlen(a) > strlen(b) ? strlen(a) : strlen(b));
	return w < 6 ? 6 : w > 16 ? 16 : w;
}

void history_view_fit(struct history_view *v, const struct rect *r)
{
	const enum chart_mode mode = theme_glyphs()->utf8 ? CHART_BRAILLE : CHART_ASCII;
	const size_t n = v->data.n_t;
	if (v->fit_w == r->w && v->fit_h == r->h && v->chart.dots)
		return;
	v->fit_w = r->w;
	v->fit_h = r->h;
	if (!n || !v->series[0])
		return;
	v->label_w = label_cols(v->lo, v->hi);
	const int cw = r->w - v->label_w - 2, chh = history_view_chart_rows(r->h);
	const double *s2[2] = { v->series[0], v->series[1] };
	const bool *h2[2] = { v->has[0], v->has[1] };
	chart_raster(&v->chart, mode, cw, chh, s2, h2, 2, n, (double)v->lo, (double)v->hi);
	for (size_t i = 0; i < v->n_assets; i++) {
		struct hv_asset *x = &v->assets[i];
		if (!x->premium)
			continue;
		const double *s1[1] = { x->prem };
		const bool *h1[1] = { x->has };
		chart_raster(&x->chart, mode, cw, HV_PREM_ROWS, s1, h1, 1, n, (double)x->lo,
		             (double)x->hi);
	}
}

/* --- moving ------------------------------------------------------------------ */

void history_view_move(struct history_view *v, long delta, bool home, bool end)
{
	const size_t n = v->data.n_t;
	if (!n)
		return;
	long c = (long)v->cursor + delta;
	if (home || c < 0)
		c = 0;
	if (end || c >= (long)n)
		c = (long)n - 1;
	v->cursor = (size_t)c;
}

static int lower_rows(const struct rect *r)
{
	int rows = r->h - history_view_chart_rows(r->h) - 4;
	return rows < 0 ? 0 : rows;
}

void history_view_scroll(struct history_view *v, const struct rect *r, long delta)
{
	long max = (long)v->n_lines - lower_rows(r);
	long top = (long)v->top + delta;
	if (top > max)
		top = max;
	if (top < 0)
		top = 0;
	v->top = (size_t)top;
}

/* --- drawing ----------------------------------------------------------------- */

/* "2026-11-25", or "2026-11-25 08:00" by hour. */
static void date_of(const struct history_view *v, size_t i, char *buf, size_t len)
{
	if (v->data.step == HIST_HOUR) {
		char m[40];
		time_format_minute(v->data.t[i], m, sizeof m);
		snprintf(buf, len, "%.16s", m);
	} else {
		time_format_date(v->data.t[i], buf, len);
	}
}

static int date_cols(const struct history_view *v)
{
	return v->data.step == HIST_HOUR ? 16 : 10;
}

/* One chart's rows at y: its cells, and the cursor's column reversed. */
static void draw_chart(const struct chart *c, int y, int x, int cursor_col,
                       const enum role *series_role)
{
	char g[8];
	for (int row = 0; row < c->h; row++) {
		move(y + row, x);
		for (int col = 0; col < c->w; col++) {
			unsigned mask;
			chart_glyph(c, row, col, &mask, g);
			enum role rl = mask == 3 ? R_COLSORT : mask == 2 ? series_role[1]
			               : mask == 1 ? series_role[0] : R_NORMAL;
			attr_t at = theme_attr(col == cursor_col ? R_SELECTED : rl);
			attrset(at);
			addstr(g);
		}
	}
	attrset(A_NORMAL);
}

static void draw_table_row(const struct history_view *v, size_t i, int y, const struct rect *r)
{
	const struct hist_row *x = &v->data.rows[i];
	char d[32], a[40], b[40], p[24], rw[40], pr[40], fl[40], line[256];
	date_of(v, i, d, sizeof d);
	money(x->nav.v, x->nav.has, a, sizeof a);
	money(x->market_value.v, x->market_value.has, b, sizeof b);
	if (x->premium_bps.has)
		snprintf(p, sizeof p, "%+.1Lf", x->premium_bps.v);
	else
		snprintf(p, sizeof p, "-");
	fmt_amount(x->rewards, 2, rw, sizeof rw);
	fmt_amount(x->price, 2, pr, sizeof pr);
	fmt_amount(x->flows, 2, fl, sizeof fl);
	snprintf(line, sizeof line, "%-*s %13s %13s %7s %10s %10s %10s", date_cols(v), d, a, b, p, rw,
	         pr, fl);
	draw_cell(y, r->x, r->w, line, i == v->cursor ? R_SELECTED : R_NORMAL, AL_LEFT);
}

void history_view_draw(const struct history_view *v, const struct scene *sc,
                       const struct rect *r)
{
	const struct app_hist *d = &v->data;
	const struct glyphs *gl = theme_glyphs();
	char t[256], a[48], b[48], c[48];
	(void)sc;
	for (int y = r->y; y < r->y + r->h; y++)
		draw_fill(y, r->x, r->w, R_NORMAL);
	/* the title: scope, range, dates; the ranges on the right */
	int right = r->x + r->w;
	for (int k = HV_RANGES - 1; k >= 0; k--) {
		snprintf(t, sizeof t, " %s ", range_names[k]);
		right -= draw_width(t);
		draw_put(r->y, right, draw_width(t), t, k == (int)v->range ? R_SELECTED : R_DIM);
	}
	snprintf(t, sizeof t, "History %s %s %s %s, %s", gl->dot, v->scope_text, gl->dot,
	         range_names[v->range], step_name(d->step));
	draw_put(r->y, r->x, right - r->x - 1, t, R_LABEL);
	if (v->error[0] || !d->n_t || !v->chart.dots) {
		draw_put(r->y + 2, r->x + 2, r->w - 4,
		         v->error[0] ? v->error : "nothing recorded for this range yet", R_DIM);
		return;
	}
	/* the chart with its y labels: top, middle, bottom */
	const struct chart *ch = &v->chart;
	const int cy = r->y + 1, cx = r->x + v->label_w + 2;
	const int ccol = chart_col_of(ch, v->cursor);
	for (int row = 0; row < ch->h; row++) {
		const char *axis = gl->utf8 ? "\xe2\x94\x82" : "|";
		a[0] = 0;
		if (row == 0)
			fmt_amount(v->hi, 2, a, sizeof a);
		else if (row == ch->h - 1)
			fmt_amount(v->lo, 2, a, sizeof a);
		else if (row == ch->h / 2 && ch->h > 4)
			fmt_amount((v->hi + v->lo) / 2, 2, a, sizeof a);
		if (a[0])
			axis = gl->utf8 ? "\xe2\x94\xa4" : "+";
		draw_cell(cy + row, r->x, v->label_w, a, R_DIM, AL_RIGHT);
		draw_put(cy + row, r->x + v->label_w + 1, 1, axis, R_DIM);
	}
	static const enum role roles[2] = { R_FIGURE, R_DIM };
	draw_chart(ch, cy, cx, ccol, roles);
	/* the x axis: first and last date, the legend */
	int y = cy + ch->h;
	date_of(v, 0, a, sizeof a);
	date_of(v, d->n_t - 1, b, sizeof b);
	draw_put(y, cx, ch->w, a, R_DIM);
	if (draw_width(a) + draw_width(b) + 1 <= ch->w)
		draw_put(y, cx + ch->w - draw_width(b), draw_width(b), b, R_DIM);
	const char *mark_nav = gl->utf8 ? "\xe2\xa3\xbf" : "*", *mark_mv = gl->utf8 ? "\xe2\xa3\xbf" : "o";
	int lx = cx + draw_width(a) + 3;
	if (lx + 22 < cx + ch->w - draw_width(b)) {
		lx += draw_put(y, lx, 2, mark_nav, R_FIGURE);
		lx += draw_put(y, lx, 6, " NAV  ", R_DIM);
		lx += draw_put(y, lx, 2, mark_mv, R_DIM);
		draw_put(y, lx, 8, " market", R_DIM);
	}
	/* the figures under the cursor */
	const struct hist_row *x = &d->rows[v->cursor];
	date_of(v, v->cursor, c, sizeof c);
	money(x->nav.v, x->nav.has, a, sizeof a);
	money(x->market_value.v, x->market_value.has, b, sizeof b);
	char p[32];
	if (x->premium_bps.has)
		snprintf(p, sizeof p, "%+.1Lf bps", x->premium_bps.v);
	else
		snprintf(p, sizeof p, "-");
	const char *mark = gl->utf8 ? "\xe2\x96\xb6" : ">";
	snprintf(t, sizeof t, "%s %s  NAV %s  market %s  premium %s  (%zu/%zu)", mark, c, a, b, p,
	         v->cursor + 1, d->n_t);
	if (draw_width(t) > r->w) /* the date's place in the range goes first */
		snprintf(t, sizeof t, "%s %s  NAV %s  market %s  prem %s", mark, c, a, b, p);
	draw_put(y + 1, r->x, r->w, t, R_FIGURE);
	/* the range's split */
	/* the range's split; whole units when cents do not fit (the exact
	 * figures are in the split below) */
	struct hist_fig n0 = d->rows[0].nav, n1 = d->rows[d->n_t - 1].nav;
	char ch_[48], rw[48], pr[48], fl[48];
	for (int dec = 2; dec >= 0; dec -= 2) {
		fmt_amount(n1.v - n0.v, dec, ch_, sizeof ch_);
		fmt_amount(d->rewards, dec, rw, sizeof rw);
		fmt_amount(d->price, dec, pr, sizeof pr);
		fmt_amount(d->flows, dec, fl, sizeof fl);
		snprintf(t, sizeof t, "%s change in NAV %s = rewards %s + price %s + flows %s",
		         range_names[v->range], ch_, rw, pr, fl);
		if (draw_width(t) <= r->w)
			break;
		snprintf(t, sizeof t, "%s: NAV %s = rewards %s + price %s + flows %s",
		         range_names[v->range], ch_, rw, pr, fl);
		if (draw_width(t) <= r->w)
			break;
	}
	draw_put(y + 2, r->x, r->w, t, R_NORMAL);
	/* the lower part */
	const int y0 = y + 3, rows = lower_rows(r);
	for (int k = 0; k < rows && v->top + (size_t)k < v->n_lines; k++) {
		const struct hv_line *l = &v->lines[v->top + (size_t)k];
		const int yy = y0 + k;
		switch (l->kind) {
		case HL_TEXT:
			draw_cell(yy, r->x, r->w, l->text, (enum role)l->role, AL_LEFT);
			break;
		case HL_PREM: {
			const struct hv_asset *as = &v->assets[l->ref];
			const struct chart *pc = &as->chart;
			if (!pc->dots)
				break;
			a[0] = 0;
			if (l->row == 0)
				snprintf(a, sizeof a, "%+.1Lf", as->hi);
			else if (l->row == pc->h - 1)
				snprintf(a, sizeof a, "%+.1Lf", as->lo);
			draw_cell(yy, r->x, v->label_w, a, R_DIM, AL_RIGHT);
			draw_put(yy, r->x + v->label_w + 1, 1, gl->utf8 ? "\xe2\x94\x82" : "|", R_DIM);
			static const enum role prole[2] = { R_PENDING, R_DIM };
			char g[8];
			move(yy, cx);
			for (int col = 0; col < pc->w; col++) {
				unsigned mask;
				chart_glyph(pc, l->row, col, &mask, g);
				attrset(theme_attr(col == ccol ? R_SELECTED : mask ? prole[0] : R_NORMAL));
				addstr(g);
			}
			attrset(A_NORMAL);
			break;
		}
		case HL_TABLE_HEAD:
			snprintf(t, sizeof t, "%-*s %13s %13s %7s %10s %10s %10s", date_cols(v), "DATE", "NAV",
			         "MARKET", "PREM", "REWARDS", "PRICE", "FLOWS");
			draw_cell(yy, r->x, r->w, t, R_COLHEAD, AL_LEFT);
			break;
		case HL_TABLE:
			draw_table_row(v, l->ref, yy, r);
			break;
		}
	}
}
