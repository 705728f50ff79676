/* board.c — the board's row model: cells, sort, filter, search, groups.
 * Nothing here touches the screen (board_draw.c draws). */
#include "tui/screens/board.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "positions/text.h"
#include "positions/timeutil.h"
#include "positions/why.h"
#include "tui/term/format.h"
#include "tui/term/theme.h"
#include "tui/term/ticks.h"

struct col_spec {
	const char *title;
	int width;
	int prio;       /* lower is kept first when the terminal is narrow */
	bool right;
	bool desc;      /* first sort direction: figures high to low */
	const char *brief; /* the title when the sort arrow does not fit beside it */
};

/* At 120 columns every column fits, the ids first (commands need them):
 * 4+8+9+10+8+12+11+10+8+6+9+4+9 = 108, with 12 separators 120. */
static const struct col_spec cols[COL_COUNT] = {
	[COL_ID] = { "ID", 4, 0, true, false, NULL }, /* commands need ids: always shown */
	[COL_KIND] = { "KIND", 8, 5, false, false },
	[COL_ASSET] = { "ASSET", 9, 0, false, false },
	[COL_ACCOUNT] = { "ACCOUNT", 10, 4, false, false },
	[COL_QTY] = { "QUANTITY", 8, 3, true, true, "QTY" },
	[COL_UQTY] = { "UNDERLYING", 12, 6, true, true, "UNDERL." },
	[COL_NAV] = { "NAV", 11, 1, true, true, NULL }, /* "no rate src" */
	[COL_MARKET] = { "MARKET", 10, 1, true, true, NULL },
	[COL_PREM] = { "PREM bps", 8, 1, true, false, "PREM" },
	[COL_APY] = { "APY", 6, 2, true, true },
	[COL_Y30] = { "30D YIELD", 9, 4, true, true, "30D" },
	[COL_AGE] = { "AGE", 4, 2, true, true },
	[COL_UNBOND] = { "UNBONDING", 9, 3, true, false, "UNBOND" },
	/* when shown (show_pnl), before every column but the first ones */
	[COL_COST] = { "COST", 11, 1, true, true, NULL },
	[COL_PNL] = { "P&L", 11, 1, true, true, NULL },
	[COL_PNL_PCT] = { "P&L %", 7, 1, true, true, NULL },
	[COL_REALIZED] = { "REALIZED", 11, 2, true, true, "REAL." },
};

const char *board_col_title(enum board_col c)
{
	return (unsigned)c < COL_COUNT ? cols[c].title : "?";
}

const char *board_col_brief(enum board_col c)
{
	return (unsigned)c < COL_COUNT && cols[c].brief ? cols[c].brief : board_col_title(c);
}

void board_init(struct board *b)
{
	memset(b, 0, sizeof *b);
	b->cursor = NO_ROW;
	b->sort_col = COL_NAV;
	b->sort_desc = true;
	board_columns(b, LAYOUT_MIN_COLS);
}

void board_free(struct board *b)
{
	free(b->rows);
	free(b->cells);
	b->rows = NULL;
	b->cells = NULL;
	b->n = b->cap = 0;
}

void board_columns(struct board *b, int width)
{
	bool on[COL_COUNT] = { false };
	int used = 0;
	b->width = width;
	for (int prio = 0; prio <= 7; prio++)
		for (int c = 0; c < COL_COUNT; c++) {
			if (cols[c].prio != prio)
				continue;
			if (!b->show_pnl && c >= COL_COST && c <= COL_REALIZED)
				continue;
			int need = cols[c].width + (used ? 1 : 0);
			if (used + need <= width) {
				on[c] = true;
				used += need;
			}
		}
	/* room to spare goes to the account names, then the assets */
	int spare = width - used;
	for (int c = 0; c < COL_COUNT; c++)
		b->col_w[c] = cols[c].width;
	if (on[COL_ACCOUNT]) {
		int more = spare < 14 ? spare : 14;
		b->col_w[COL_ACCOUNT] += more;
		spare -= more;
	}
	if (on[COL_ASSET]) {
		int more = spare < 4 ? spare : 4;
		b->col_w[COL_ASSET] += more;
	}
	b->n_vis = 0;
	int x = 0;
	for (int c = 0; c < COL_COUNT; c++)
		if (on[c]) {
			b->vis[b->n_vis++] = (enum board_col)c;
			b->col_x[c] = x;
			x += b->col_w[c] + 1;
		} else {
			b->col_x[c] = -1;
		}
}

int board_col_width(const struct board *b, enum board_col c)
{
	return (unsigned)c < COL_COUNT ? b->col_w[c] : 0;
}

bool board_col_right(enum board_col c)
{
	return (unsigned)c < COL_COUNT && cols[c].right;
}

/* --- cells ------------------------------------------------------------- */

static const char *kind_text(const struct valuation *v)
{
	return v->idle ? "idle" : asset_kind_name(v->kind);
}

static int kind_order(const struct valuation *v)
{
	return v->idle ? 3 : (int)v->kind;
}

static void note_change(struct board_row *r, int s)
{
	r->next_change = ticks_min(r->next_change, s);
}

/* Money in w columns: cents, else whole units, else thousands. */
static void money_fit(const struct figure *f, int w, char *buf, size_t len)
{
	fmt_money(f, buf, len);
	if ((int)strlen(buf) <= w || !f->has || fmt_private())
		return;
	fmt_number(f->v, 0, buf, len);
	if ((int)strlen(buf) <= w)
		return;
	snprintf(buf, len, "%.1LfM", f->v / 1e6L);
}

struct subtotal {
	long double nav, mv, nav_p, mv_p, nav_y, apy_w, y30;
	bool has_nav, has_mv, has_p, has_y, has_y30, stale;
	size_t n;
};

/* As valuation_totals: premium and APY weighted by NAV over the rows that
 * have both figures. */
static void subtotal_add(struct subtotal *s, const struct valuation *r, bool stale)
{
	s->n++;
	s->stale = s->stale || stale;
	if (r->nav.has) {
		s->nav += r->nav.v;
		s->has_nav = true;
	}
	if (r->market_value.has) {
		s->mv += r->market_value.v;
		s->has_mv = true;
	}
	if (r->yield_30d_value.has) {
		s->y30 += r->yield_30d_value.v;
		s->has_y30 = true;
	}
	if (r->nav.has && r->market_value.has) {
		s->nav_p += r->nav.v;
		s->mv_p += r->market_value.v;
		s->has_p = true;
	}
	if (r->nav.has && r->apy.has) {
		s->nav_y += r->nav.v;
		s->apy_w += r->nav.v * r->apy.v;
		s->has_y = true;
	}
}

static void subtotal_cells(struct board_row *g, struct board_cells *gc, const struct subtotal *s,
                           const char *label)
{
	const struct figure nav = { s->has_nav, s->nav }, mv = { s->has_mv, s->mv },
		prem = { s->has_p && s->nav_p != 0, s->nav_p != 0 ? (s->mv_p / s->nav_p - 1) * 10000 : 0 },
		apy = { s->has_y && s->nav_y != 0, s->nav_y != 0 ? s->apy_w / s->nav_y : 0 },
		y30 = { s->has_y30, s->y30 };
	memset(g, 0, sizeof *g);
	memset(gc, 0, sizeof *gc);
	g->group = true;
	g->formatted = true;
	g->idx = NO_ROW;
	g->stale = s->stale;
	snprintf(gc->cell[COL_ASSET], CELL_MAX, "%s %s (%zu)", theme_glyphs()->group, label, s->n);
	money_fit(&nav, cols[COL_NAV].width, gc->cell[COL_NAV], CELL_MAX);
	money_fit(&mv, cols[COL_MARKET].width, gc->cell[COL_MARKET], CELL_MAX);
	fmt_bps(&prem, gc->cell[COL_PREM], CELL_MAX);
	fmt_pct(&apy, gc->cell[COL_APY], CELL_MAX);
	money_fit(&y30, cols[COL_Y30].width, gc->cell[COL_Y30], CELL_MAX);
	for (int c = 0; c < COL_COUNT; c++)
		gc->role[c] = R_GROUP;
	gc->role[COL_PREM] = (unsigned char)theme_premium_role(prem.v, prem.has);
}

/* The position's first pending unbonding and how many it has. */
static const struct unbonding *first_unbond(const struct unbonding *u, size_t nu, int64_t id,
                                            int *count)
{
	const struct unbonding *best = NULL;
	*count = 0;
	for (size_t k = 0; k < nu; k++) {
		if (u[k].position_id != id || u[k].claimed)
			continue;
		(*count)++;
		if (!best || u[k].available_at < best->available_at)
			best = &u[k];
	}
	return best;
}

/* What sorting, filtering and timers need: no text. */
static void init_row(struct board_row *r, const struct app *a, size_t i, int64_t now)
{
	const struct position *p = &a->positions.v[i];
	const struct valuation *v = &a->rows[i];
	const int64_t elapsed = now > a->now ? now - a->now : 0;
	memset(r, 0, sizeof *r);
	r->idx = i;
	r->id = p->id;
	r->group_key = kind_order(v);
	/* freshness: the oldest input, aged to now */
	int64_t max_age = -1;
	for (unsigned k = 0; k < v->n_sources; k++) {
		if (v->sources[k].has && strcmp(v->sources[k].source, "manual") == 0)
			r->manual = true;
		/* a pinned manual value does not age */
		if (v->sources[k].has && strcmp(v->sources[k].source, "catalog") != 0 &&
		    !v->sources[k].pinned && v->sources[k].age_s + elapsed > max_age)
			max_age = v->sources[k].age_s + elapsed;
	}
	r->age = max_age;
	r->stale = v->stale || max_age > a->cfg.stale_seconds;
}

/* The cells of position row r, as of the board's clock. */
static void format_row(const struct board *b, struct board_row *r, struct board_cells *out)
{
	const struct app *a = b->app;
	const struct position *p = &a->positions.v[r->idx];
	const struct valuation *v = &a->rows[r->idx];
	char (*cell)[CELL_MAX] = out->cell;
	unsigned char *role = out->role;
	memset(out, 0, sizeof *out);
	r->next_change = 0;
	if (r->age >= 0 && !r->stale)
		note_change(r, (int)(a->cfg.stale_seconds - r->age + 1));

	snprintf(cell[COL_ID], CELL_MAX, "%lld", (long long)p->id);
	snprintf(cell[COL_KIND], CELL_MAX, "%s", kind_text(v));
	text_copy_clean(cell[COL_ASSET], CELL_MAX, p->asset);
	text_copy_clean(cell[COL_ACCOUNT], CELL_MAX, p->account);
	fmt_quantity(v->asset ? v->quantity : p->quantity, cell[COL_QTY], CELL_MAX);
	if (v->underlying_qty.has && v->underlying) {
		char num[40], sym[SYM_MAX];
		/* about seven significant digits: 9.9630, 524.160, 1,250.00 */
		long double uq = v->underlying_qty.v;
		fmt_amount(uq, uq >= 1000 || uq <= -1000 ? 2 : uq >= 100 || uq <= -100 ? 3 : 4, num,
		           sizeof num);
		text_copy_clean(sym, sizeof sym, v->underlying->symbol);
		snprintf(cell[COL_UQTY], CELL_MAX, "%.24s %.20s", num, sym);
	} else {
		snprintf(cell[COL_UQTY], CELL_MAX, "-");
	}
	money_fit(&v->nav, cols[COL_NAV].width, cell[COL_NAV], CELL_MAX);
	money_fit(&v->market_value, cols[COL_MARKET].width, cell[COL_MARKET], CELL_MAX);
	/* a missing value says why (the detail has the whole sentence) */
	if (!v->nav.has && why_short(v))
		snprintf(cell[COL_NAV], CELL_MAX, "%s", why_short(v));
	if (!v->market_value.has && v->nav.has)
		snprintf(cell[COL_MARKET], CELL_MAX, "no market");
	fmt_bps(&v->premium_bps, cell[COL_PREM], CELL_MAX);
	fmt_pct(&v->apy, cell[COL_APY], CELL_MAX);
	money_fit(&v->yield_30d_value, cols[COL_Y30].width, cell[COL_Y30], CELL_MAX);
	if (r->age >= 0) {
		/* M: a manual price or rate is in force (the date is in the detail) */
		char age[CELL_MAX - 4];
		ticks_format_age(r->age, age, sizeof age);
		snprintf(cell[COL_AGE], CELL_MAX, "%s%s%s", r->manual ? "M" : "", age,
		         r->stale ? "!" : "");
		note_change(r, ticks_age(r->age));
	} else {
		snprintf(cell[COL_AGE], CELL_MAX, "%s", r->manual ? "M" : "-");
	}
	int nub;
	const struct unbonding *ub = first_unbond(b->unb, b->n_unb, p->id, &nub);
	if (ub) {
		int64_t left = unbond_seconds_left(ub, b->now);
		char t[32];
		unbond_format_left(left, t, sizeof t);
		if (nub > 1)
			snprintf(cell[COL_UNBOND], CELL_MAX, "%s +%d", t, nub - 1);
		else
			snprintf(cell[COL_UNBOND], CELL_MAX, "%s", t);
		role[COL_UNBOND] = left <= 0 ? R_CLAIMABLE : R_NORMAL;
		note_change(r, ticks_left(left));
	} else {
		snprintf(cell[COL_UNBOND], CELL_MAX, "-");
		role[COL_UNBOND] = R_DIM;
	}
	const struct pnl *pl = &a->pnl[r->idx];
	if (pl->has) {
		const struct figure c = { true, pl->cost }, g = { true, pl->pnl };
		money_fit(&c, cols[COL_COST].width, cell[COL_COST], CELL_MAX);
		money_fit(&g, cols[COL_PNL].width, cell[COL_PNL], CELL_MAX);
		snprintf(cell[COL_PNL_PCT], CELL_MAX, "%+.1Lf%%", pl->pnl_pct);
		role[COL_PNL] = role[COL_PNL_PCT] = pl->pnl < 0 ? R_ERROR : R_NORMAL;
	} else {
		snprintf(cell[COL_COST], CELL_MAX, "no cost");
		snprintf(cell[COL_PNL], CELL_MAX, "-");
		snprintf(cell[COL_PNL_PCT], CELL_MAX, "-");
		role[COL_COST] = role[COL_PNL] = role[COL_PNL_PCT] = R_DIM;
	}
	/* sold: what the sales realized; none: "-"; a sale of units without
	 * a cost: "?" (the detail says which) */
	const struct realized *rz = &a->realized[r->idx];
	if (rz->n_sales && rz->has) {
		const struct figure g = { true, rz->realized };
		money_fit(&g, cols[COL_REALIZED].width, cell[COL_REALIZED], CELL_MAX);
		role[COL_REALIZED] = rz->realized < 0 ? R_ERROR : R_NORMAL;
	} else {
		snprintf(cell[COL_REALIZED], CELL_MAX, "%s", rz->n_sales ? "?" : "-");
		role[COL_REALIZED] = R_DIM;
	}
	role[COL_ID] = R_DIM;
	role[COL_KIND] = R_DIM;
	for (int c = COL_QTY; c <= COL_Y30; c++)
		role[c] = r->stale ? R_STALE : R_NORMAL;
	if (!r->stale)
		role[COL_PREM] = (unsigned char)theme_premium_role(v->premium_bps.v, v->premium_bps.has);
	role[COL_AGE] = r->stale ? R_STALE : R_DIM;
	r->formatted = true;
}

void board_prepare(struct board *b, int rows)
{
	for (int k = 0; k < rows; k++) {
		size_t i = b->top + (size_t)k;
		if (i >= b->n)
			break;
		if (!b->rows[i].formatted)
			format_row(b, &b->rows[i], &b->cells[i]);
	}
}

static void set_key(struct board_row *r, const struct app *a, enum board_col c, int64_t now,
                    const struct unbonding *u, size_t nu)
{
	const struct position *p = &a->positions.v[r->idx];
	const struct valuation *v = &a->rows[r->idx];
	const struct figure *f = NULL;
	r->has_key = true;
	r->skey = NULL;
	switch (c) {
	case COL_ID: r->key = (long double)p->id; return;
	case COL_KIND: r->skey = kind_text(v); return;
	case COL_ASSET: r->skey = p->asset; return;
	case COL_ACCOUNT: r->skey = p->account; return;
	case COL_QTY: r->key = dec_to_ld(v->asset ? v->quantity : p->quantity); return;
	case COL_UQTY: f = &v->underlying_qty; break;
	case COL_NAV: f = &v->nav; break;
	case COL_MARKET: f = &v->market_value; break;
	case COL_PREM: f = &v->premium_bps; break;
	case COL_APY: f = &v->apy; break;
	case COL_Y30: f = &v->yield_30d_value; break;
	case COL_AGE:
		r->has_key = r->age >= 0;
		r->key = (long double)r->age;
		return;
	case COL_UNBOND: {
		int n;
		const struct unbonding *ub = first_unbond(u, nu, p->id, &n);
		r->has_key = ub != NULL;
		r->key = ub ? (long double)unbond_seconds_left(ub, now) : 0;
		return;
	}
	case COL_COST:
	case COL_PNL:
	case COL_PNL_PCT: {
		const struct pnl *pl = &a->pnl[r->idx];
		if (!pl->has) {
			r->has_key = false;
			return;
		}
		r->key = c == COL_COST ? pl->cost : c == COL_PNL ? pl->pnl : pl->pnl_pct;
		return;
	}
	case COL_REALIZED: {
		const struct realized *rz = &a->realized[r->idx];
		r->has_key = rz->n_sales && rz->has;
		r->key = r->has_key ? rz->realized : 0;
		return;
	}
	case COL_COUNT: break;
	}
	r->has_key = f && f->has && isfinite((double)f->v);
	r->key = r->has_key ? f->v : 0;
}

static bool sort_desc;
static bool sort_grouped;

static int row_cmp(const void *pa, const void *pb)
{
	const struct board_row *x = pa, *y = pb;
	if (sort_grouped && x->group_key != y->group_key)
		return x->group_key < y->group_key ? -1 : 1;
	/* absent figures go last in either direction */
	if (x->has_key != y->has_key)
		return x->has_key ? -1 : 1;
	int c = 0;
	if (x->has_key) {
		if (x->skey || y->skey)
			c = strcasecmp(x->skey ? x->skey : "", y->skey ? y->skey : "");
		else
			c = x->key < y->key ? -1 : x->key > y->key ? 1 : 0;
		if (sort_desc)
			c = -c;
	}
	if (c == 0)
		c = x->id < y->id ? -1 : x->id > y->id;
	return c;
}

/* --- compute -------------------------------------------------------------- */

static int reserve(struct board *b, size_t n)
{
	if (n <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < n)
		cap *= 2;
	struct board_row *r = realloc(b->rows, cap * sizeof *r);
	if (!r)
		return -1;
	b->rows = r;
	struct board_cells *c = realloc(b->cells, cap * sizeof *c);
	if (!c)
		return -1;
	b->cells = c;
	b->cap = cap;
	return 0;
}

int board_compute(struct board *b, const struct app *a, const struct unbonding *u, size_t nu,
                  int64_t now)
{
	const size_t np = a->positions.n;
	/* at most one group row per kind and one filtered-total row */
	if (reserve(b, np + 5) < 0)
		return -1;
	if (b->cursor != NO_ROW && b->cursor < b->n && !b->rows[b->cursor].group)
		b->selected_id = b->rows[b->cursor].id;
	size_t n = 0;
	for (size_t i = 0; i < np; i++) {
		if (b->filter[0] && !board_filter_match(a, i, b->filter))
			continue;
		init_row(&b->rows[n], a, i, now);
		set_key(&b->rows[n], a, b->sort_col, now, u, nu);
		n++;
	}
	b->app = a;
	b->unb = u;
	b->n_unb = nu;
	b->now = now;
	b->n_total = np;
	b->n_shown = n;
	sort_desc = b->sort_desc;
	sort_grouped = b->grouped;
	qsort(b->rows, n, sizeof b->rows[0], row_cmp);

	if (b->grouped && n) {
		/* insert a subtotal row before each kind, from the end backwards */
		size_t end = n, total = n;
		size_t ngroups = 1;
		for (size_t i = 1; i < n; i++)
			ngroups += b->rows[i].group_key != b->rows[i - 1].group_key;
		total = n + ngroups;
		size_t w = total;
		while (end > 0) {
			size_t start = end;
			while (start > 0 && b->rows[start - 1].group_key == b->rows[end - 1].group_key)
				start--;
			struct subtotal s = { 0 };
			for (size_t i = start; i < end; i++)
				subtotal_add(&s, &a->rows[b->rows[i].idx], b->rows[i].stale);
			const char *label = kind_text(&a->rows[b->rows[start].idx]);
			for (size_t i = end; i > start; i--)
				b->rows[--w] = b->rows[i - 1];
			--w;
			subtotal_cells(&b->rows[w], &b->cells[w], &s, label);
			end = start;
		}
		n = total;
	} else if (b->filter[0] && n) {
		struct subtotal s = { 0 };
		for (size_t i = 0; i < n; i++)
			subtotal_add(&s, &a->rows[b->rows[i].idx], b->rows[i].stale);
		subtotal_cells(&b->rows[n], &b->cells[n], &s, "filtered total");
		n++;
	}
	b->n = n;

	/* the same position stays selected */
	b->cursor = NO_ROW;
	for (size_t i = 0; i < n; i++)
		if (!b->rows[i].group && b->rows[i].id == b->selected_id) {
			b->cursor = i;
			break;
		}
	if (b->cursor == NO_ROW)
		board_home(b);
	return 0;
}

/* --- cursor --------------------------------------------------------------- */

void board_select(struct board *b, size_t i)
{
	if (i < b->n && !b->rows[i].group) {
		b->cursor = i;
		b->selected_id = b->rows[i].id;
	}
}

void board_select_id(struct board *b, int64_t id)
{
	for (size_t i = 0; i < b->n; i++)
		if (!b->rows[i].group && b->rows[i].id == id) {
			board_select(b, i);
			return;
		}
}

size_t board_selected(const struct board *b)
{
	if (b->cursor == NO_ROW || b->cursor >= b->n || b->rows[b->cursor].group)
		return NO_ROW;
	return b->rows[b->cursor].idx;
}

void board_move(struct board *b, long delta)
{
	if (b->n == 0)
		return;
	if (b->cursor == NO_ROW) {
		board_home(b);
		return;
	}
	long i = (long)b->cursor;
	long step = delta < 0 ? -1 : 1;
	long left = labs(delta);
	long last_ok = i;
	while (left > 0) {
		i += step;
		if (i < 0 || i >= (long)b->n)
			break;
		if (!b->rows[i].group) {
			last_ok = i;
			left--;
		}
	}
	board_select(b, (size_t)last_ok);
}

void board_home(struct board *b)
{
	b->cursor = NO_ROW;
	for (size_t i = 0; i < b->n; i++)
		if (!b->rows[i].group) {
			board_select(b, i);
			break;
		}
	b->top = 0;
}

void board_end(struct board *b)
{
	for (size_t i = b->n; i > 0; i--)
		if (!b->rows[i - 1].group) {
			board_select(b, i - 1);
			break;
		}
}

void board_scroll(struct board *b, int rows)
{
	if (rows < 1)
		rows = 1;
	size_t r = (size_t)rows;
	if (b->n <= r) {
		b->top = 0;
		return;
	}
	if (b->top > b->n - r)
		b->top = b->n - r;
	if (b->cursor == NO_ROW)
		return;
	/* show the group row above the first position of a group too */
	size_t want = b->cursor > 0 && b->rows[b->cursor - 1].group ? b->cursor - 1 : b->cursor;
	if (want < b->top)
		b->top = want;
	if (b->cursor >= b->top + r)
		b->top = b->cursor - r + 1;
}

void board_sort_step(struct board *b, int dir)
{
	/* the next column on screen: sorting by a hidden one would puzzle */
	int c = (int)b->sort_col;
	for (int k = 0; k < COL_COUNT; k++) {
		c = (c + dir + COL_COUNT) % COL_COUNT;
		if (b->col_x[c] >= 0)
			break;
	}
	board_sort_by(b, (enum board_col)c);
}

void board_sort_by(struct board *b, enum board_col c)
{
	if (c == b->sort_col) {
		b->sort_desc = !b->sort_desc;
		return;
	}
	b->sort_col = c;
	b->sort_desc = cols[c].desc;
}

bool board_search(struct board *b, const struct app *a, const char *text, int dir,
                  bool from_cursor)
{
	size_t i = board_find(b, a, text, dir, from_cursor);
	if (i == NO_ROW)
		return false;
	board_select(b, i);
	return true;
}
