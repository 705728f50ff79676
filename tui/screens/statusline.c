/* statusline.c — the status line (a message, or the search / filter being
 * typed, and on the right the board's sort, filter and grouping) and the
 * bottom bar of keys, both from the key table. */
#include <stdio.h>
#include <string.h>

#include "positions/text.h"
#include "tui/term/draw.h"
#include "tui/screens/statusline.h"
#include "tui/term/keymap.h"

static void state_text(const struct status_view *u, char *buf, size_t len)
{
	const struct board *b = u->board;
	const struct glyphs *g = theme_glyphs();
	int o = snprintf(buf, len, "sort %s%s", board_col_title(b->sort_col),
	                 b->sort_desc ? g->down : g->up);
	if (b->grouped && o >= 0 && (size_t)o < len)
		o += snprintf(buf + o, len - (size_t)o, " %s grouped", g->dot);
	if (b->filter[0] && o >= 0 && (size_t)o < len)
		o += snprintf(buf + o, len - (size_t)o, " %s filter \"%.40s\" %zu/%zu", g->dot,
		              b->filter, b->n_shown, b->n_total);
	else if (o >= 0 && (size_t)o < len)
		snprintf(buf + o, len - (size_t)o, " %s %zu", g->dot, b->n_total);
}

/* "2 pending · 1 claimable" on the unbonding screen. */
static void unbond_text(const struct status_view *u, char *buf, size_t len)
{
	const struct unbonding_view *v = u->unbv;
	const char *dot = theme_glyphs()->dot;
	size_t n[3] = { 0, 0, 0 };
	for (size_t i = 0; i < v->n_items; i++)
		n[unbond_status_at(&v->items[i], u->sc->now)]++;
	if (v->show_claimed)
		snprintf(buf, len, "%zu pending %s %zu claimable %s %zu claimed", n[UNBOND_PENDING],
		         dot, n[UNBOND_CLAIMABLE], dot, n[UNBOND_CLAIMED]);
	else
		snprintf(buf, len, "%zu pending %s %zu claimable (s shows claimed ones too)",
		         n[UNBOND_PENDING], dot, n[UNBOND_CLAIMABLE]);
}

static void prompt_text(const struct status_view *u, char *buf, size_t len)
{
	const struct prompt *p = u->prompt;
	if (p->kind == PROMPT_SEARCH)
		snprintf(buf, len, "/%s", p->le.buf);
	else if (p->kind == PROMPT_PLAN_NAME)
		snprintf(buf, len, "save the plan as (Enter saves, Esc cancels): %s", p->le.buf);
	else
		snprintf(buf, len, "filter (kind: chain: account: or words): %s", p->le.buf);
}

void statusline_draw(const struct status_view *u, const struct rect *r)
{
	char right[BOARD_TEXT_MAX + 64], left[BOARD_TEXT_MAX + 64];
	draw_fill(r->y, r->x, r->w, R_NORMAL);
	int rw = 0;
	/* the board's state on the right, unless what is typed or said needs
	 * the room: a prompt has the whole line, a message as much as it takes */
	if (u->screen == CX_BOARD && u->overlay != CX_PROMPT) {
		state_text(u, right, sizeof right);
		rw = draw_width(right);
		if (rw > r->w / 2)
			rw = r->w / 2;
		if (u->msg[0] && draw_width(u->msg) + 2 + rw > r->w)
			rw = 0;
		if (rw > 0)
			draw_cell(r->y, r->x + r->w - rw, rw, right, R_DIM, AL_RIGHT);
	}
	const int lw = r->w - rw - 1;
	if (u->overlay == CX_PROMPT) {
		prompt_text(u, left, sizeof left);
		int used = draw_put(r->y, r->x, lw, left, R_FIGURE);
		if (u->prompt->failed)
			draw_put(r->y, r->x + used, lw - used, "  (no match)", R_ERROR);
		/* the cursor where the next character goes */
		curs_set(1);
		move(r->y, r->x + (used < lw ? used : lw - 1));
		return;
	}
	if (u->msg[0]) {
		draw_put_words(r->y, r->x, lw, u->msg, u->msg_role);
	} else if (u->screen == CX_BOARD && !u->overlay) {
		/* what Enter, F8 and F9 act on */
		size_t idx = board_selected(u->board);
		if (idx != NO_ROW) {
			const struct position *p = &u->sc->app->positions.v[idx];
			char acc[ACCOUNT_MAX], sym[SYM_MAX];
			text_copy_clean(acc, sizeof acc, p->account);
			text_copy_clean(sym, sizeof sym, p->asset);
			snprintf(left, sizeof left, "#%lld %s (%s)", (long long)p->id, sym, acc);
			draw_put(r->y, r->x, lw, left, R_DIM);
		}
	} else if (u->screen == CX_DETAIL && !u->overlay) {
		char ev[48] = "";
		if (u->detail->sel_event)
			snprintf(ev, sizeof ev, " %s event %lld selected (x removes)", theme_glyphs()->dot,
			         (long long)u->detail->sel_event);
		snprintf(left, sizeof left,
		         "position #%lld %s lines %zu-%zu of %zu (Up/Down, PgUp/PgDn)%s",
		         (long long)u->detail->pos_id, theme_glyphs()->dot, u->detail->top + 1,
		         u->detail->top + (size_t)u->sc->lay.body.h < u->detail->n
		                 ? u->detail->top + (size_t)u->sc->lay.body.h
		                 : u->detail->n,
		         u->detail->n, ev);
		draw_put(r->y, r->x, lw, left, R_DIM);
	} else if (u->screen == CX_UNBOND && !u->overlay) {
		unbond_text(u, left, sizeof left);
		draw_put(r->y, r->x, lw, left, R_DIM);
	} else if (u->screen == CX_HISTORY && !u->overlay && u->hist) {
		const struct history_view *h = u->hist;
		snprintf(left, sizeof left,
		         "date %zu of %zu (Left/Right, Home/End) %s lines %zu of %zu below (Up/Down)",
		         h->data.n_t ? h->cursor + 1 : 0, h->data.n_t, theme_glyphs()->dot,
		         h->n_lines ? h->top + 1 : 0, h->n_lines);
		draw_put(r->y, r->x, lw, left, R_DIM);
	}
	if (u->overlay == CX_FORM && u->form) {
		int y, x;
		form_cursor(u->form, &u->sc->lay, &y, &x);
		curs_set(1);
		move(y, x);
	}
}

void bar_draw(unsigned context, enum action hide, const struct rect *r)
{
	struct bar_item items[BAR_MAX_ITEMS];
	size_t n = keymap_bar(context, r->w, hide, items, BAR_MAX_ITEMS);
	draw_fill(r->y, r->x, r->w, R_BAR_LABEL);
	for (size_t i = 0; i < n; i++) {
		int x = r->x + items[i].x;
		int kw = draw_put(r->y, x, r->w - items[i].x, items[i].key, R_BAR_KEY);
		draw_put(r->y, x + kw, r->w - items[i].x - kw, items[i].label, R_BAR_LABEL);
	}
}
