/* dispatch.c — a key, looked up in the key table for the current context,
 * becomes an action on the state. Nothing here draws. */
#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "tui/loop.h"
#include "tui/app/alerts.h"
#include "tui/term/format.h"

unsigned ui_context(const struct ui *u)
{
	return u->overlay ? u->overlay : u->screen;
}

enum action ui_bar_hidden(const struct ui *u)
{
	if (u->overlay == CX_FORM && u->watch.form_open)
		return ACT_FORM_PICK_NEXT; /* Left/Right picks the chain; the form says so */
	if (u->overlay == CX_FORM && u->form && !form_has_picker(u->form))
		return ACT_FORM_PICK_NEXT;
	return ACT_NONE;
}

/* The detail of the board's selected position, or of the unbonding
 * screen's selected row; Back returns to where it was opened from. */
static void open_detail(struct ui *u)
{
	const unsigned from = u->screen;
	int64_t id = -1;
	if (from == CX_UNBOND) {
		const struct unbonding *x = unbonding_view_selected(&u->unbv);
		id = x ? x->position_id : -1;
	} else {
		size_t idx = board_selected(&u->board);
		id = idx == NO_ROW ? -1 : u->sc.app->positions.v[idx].id;
	}
	if (id < 0)
		return;
	u->detail.pos_id = id;
	u->detail.top = 0;
	u->detail.sel_event = 0;
	u->detail.back = from;
	u->screen = CX_DETAIL;
	if (detail_compute(&u->detail, &u->sc) != 0)
		u->screen = from;
}

/* Back from a screen: the detail to where it was opened from, the rest to
 * the board. */
static void go_back(struct ui *u)
{
	if (u->screen == CX_DETAIL && u->detail.back == CX_UNBOND)
		ui_unbonding_open(u);
	else
		u->screen = CX_BOARD;
}

static void sorted_message(struct ui *u)
{
	const struct glyphs *g = theme_glyphs();
	ui_message(u, R_NORMAL, "sorted by %s %s", board_col_title(u->board.sort_col),
	           u->board.sort_desc ? g->down : g->up);
}

/* Search as typed: from where the search began, the first match. */
static void prompt_update(struct ui *u)
{
	struct prompt *p = &u->prompt;
	struct board *b = &u->board;
	if (p->kind == PROMPT_PLAN_NAME)
		return; /* a name: nothing moves until Enter */
	if (p->kind == PROMPT_FILTER) {
		snprintf(b->filter, sizeof b->filter, "%s", p->le.buf);
		ui_recompute(u);
		return;
	}
	board_select_id(b, p->saved_id);
	p->failed = p->le.len > 0 && !board_search(b, u->sc.app, p->le.buf, 1, true);
	if (p->failed)
		board_select_id(b, p->saved_id);
}

static void open_prompt(struct ui *u, enum prompt_kind k)
{
	struct prompt *p = &u->prompt;
	p->kind = k;
	p->failed = false;
	p->saved_id = u->board.selected_id;
	snprintf(p->saved_filter, sizeof p->saved_filter, "%s", u->board.filter);
	lineedit_set(&p->le, k == PROMPT_FILTER ? u->board.filter : "");
	u->overlay = CX_PROMPT;
}

static void prompt_key(struct ui *u, enum action a, int key)
{
	struct prompt *p = &u->prompt;
	switch (a) {
	case ACT_PROMPT_ACCEPT:
		u->overlay = 0;
		if (p->kind == PROMPT_PLAN_NAME) {
			planner_save(&u->planner, &u->sc, p->le.buf);
			return;
		}
		if (p->kind == PROMPT_SEARCH) {
			snprintf(u->board.search, sizeof u->board.search, "%s", p->le.buf);
			if (p->failed)
				ui_message(u, R_ERROR, "no position matches \"%s\"", p->le.buf);
		}
		return;
	case ACT_PROMPT_CANCEL:
		u->overlay = 0;
		if (p->kind == PROMPT_PLAN_NAME) {
			ui_message(u, R_NORMAL, "not saved");
			return;
		}
		if (p->kind == PROMPT_FILTER) {
			snprintf(u->board.filter, sizeof u->board.filter, "%s", p->saved_filter);
			ui_recompute(u);
			/* the filter typed may have hidden the row: back to it */
			board_select_id(&u->board, p->saved_id);
		} else {
			board_select_id(&u->board, p->saved_id);
		}
		return;
	case ACT_ERASE: lineedit_erase(&p->le); break;
	case ACT_CLEAR_LINE: lineedit_set(&p->le, ""); break;
	case ACT_REDRAW: clearok(curscr, TRUE); return;
	default:
		if (a != ACT_NONE || key >= KC(0) || !lineedit_insert(&p->le, key))
			return;
	}
	prompt_update(u);
}

static void scroll_view(struct ui *u, long delta, bool home, bool end)
{
	const long page = u->sc.lay.body.h > 2 ? u->sc.lay.body.h - 2 : 1;
	if (u->screen == CX_PLAN && !u->overlay) {
		/* a line up or down moves the cursor; a page or the wheel scrolls
		 * the pane by its own height */
		if (delta == 1 || delta == -1 || home || end)
			planner_move(&u->planner, &u->sc, delta, home, end);
		else if (delta == 2 || delta == -2)
			planner_page(&u->planner, &u->sc, delta > 0 ? 1 : -1);
		else
			planner_scroll(&u->planner, &u->sc, delta);
		return;
	}
	if (delta == 2 || delta == -2)
		delta = delta > 0 ? page : -page;
	if (u->overlay == CX_HELP) {
		long top = (long)u->help.top + delta;
		long max = (long)help_lines(u->sc.lay.overlay.w) - (u->sc.lay.overlay.h - 2);
		if (end || top > max)
			top = max;
		if (home || top < 0)
			top = 0;
		u->help.top = (size_t)top;
		return;
	}
	if (u->screen == CX_DETAIL) {
		detail_scroll(&u->detail, &u->sc, home ? -1000000 : end ? 1000000 : delta);
		return;
	}
	if (u->screen == CX_FEEDS) {
		feeds_view_scroll(&u->feeds, &u->sc, home ? -1000000 : end ? 1000000 : delta);
		return;
	}
	if (u->screen == CX_UNBOND) {
		unbonding_view_move(&u->unbv, &u->sc, delta, home, end);
		return;
	}
	if (u->screen == CX_HISTORY) {
		/* Home/End move the cursor to the first / last date; the rest
		 * scrolls the part under the chart */
		if (home || end)
			history_view_move(&u->hist, 0, home, end);
		else
			history_view_scroll(&u->hist, &u->sc.lay.body, delta);
		return;
	}
	if (u->screen == CX_ALERTS) {
		alerts_view_scroll(&u->alerts, &u->sc, home ? -1000000 : end ? 1000000 : delta);
		return;
	}
	if (u->screen == CX_WATCH) {
		watch_view_move(&u->watch, &u->sc.lay.body, delta, home, end);
		return;
	}
	if (home)
		board_home(&u->board);
	else if (end)
		board_end(&u->board);
	else
		board_move(&u->board, delta);
}

static void mouse(struct ui *u)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & BUTTON4_PRESSED) {
		scroll_view(u, -3, false, false);
		return;
	}
	if (ev.bstate & BUTTON5_PRESSED) {
		scroll_view(u, 3, false, false);
		return;
	}
	if (!(ev.bstate & BUTTON1_PRESSED))
		return;
	const struct layout *l = &u->sc.lay;
	if (ev.y == l->bar.y) {
		struct bar_item items[BAR_MAX_ITEMS];
		size_t n = keymap_bar(ui_context(u), l->bar.w, ui_bar_hidden(u), items,
		                      BAR_MAX_ITEMS);
		for (size_t i = 0; i < n; i++)
			if (ev.x >= items[i].x && ev.x < items[i].x + items[i].w) {
				ui_key(u, keymap_binding(items[i].action)->keys[0]);
				return;
			}
		return;
	}
	if (u->overlay == CX_HELP) {
		u->overlay = 0;
		return;
	}
	if (u->screen != CX_BOARD || u->overlay)
		return;
	if (ev.y == l->body.y) {
		int c = board_col_at(&u->board, ev.x);
		if (c >= 0) {
			board_sort_by(&u->board, (enum board_col)c);
			ui_recompute(u);
			sorted_message(u);
		}
		return;
	}
	size_t row = board_row_at(&u->board, &l->body, ev.y);
	if (row == NO_ROW)
		return;
	if (row == u->board.cursor)
		open_detail(u);
	else
		board_select(&u->board, row);
}

/* What a key in a form or the confirmation asked for. */
static void form_done_apply(struct ui *u, const struct form_done *d)
{
	if (d->close) {
		if (u->overlay == CX_FORM) {
			form_free(u->form);
			u->form = NULL;
		}
		u->overlay = 0;
		u->dirty = true;
	}
	if (d->select_position > 0) {
		u->board.selected_id = d->select_position;
		u->board.cursor = NO_ROW;
	}
	if (d->select_unbonding > 0)
		u->unbv.selected_id = d->select_unbonding;
	if (d->leave_detail && u->screen == CX_DETAIL)
		u->screen = CX_BOARD;
	if (d->reload && ui_reload(u) < 0)
		return;
	if (d->msg[0])
		ui_message(u, d->role, "%s", d->msg);
}

static void form_overlay_key(struct ui *u, enum action a, int key)
{
	struct form_host h = { .app = u->sc.app, .form = u->form, .confirm = &u->confirm };
	if (u->watch.form_open) {
		watch_form_key(&u->watch, &u->sc, a, key, &h.done);
		form_done_apply(u, &h.done);
		return;
	}
	if (!u->form)
		return;
	form_key(&h, a, key);
	form_done_apply(u, &h.done);
}

static void confirm_key(struct ui *u, enum action a)
{
	struct form_host h = { .app = u->sc.app, .form = u->form, .confirm = &u->confirm };
	if (u->confirm.kind == CONFIRM_EVENT) {
		ui_event_remove_key(u, a);
		return;
	}
	if (u->confirm.kind == CONFIRM_WATCH) {
		watch_view_confirm_key(&u->confirm, &u->sc, a, &h.done);
		form_done_apply(u, &h.done);
		return;
	}
	form_confirm_key(&h, a);
	form_done_apply(u, &h.done);
}

/* Add, edit or remove: from the board (its selected row) and the detail
 * (its position). */
/* The manual price form, for the selected position's asset. */
static void price_form(struct ui *u)
{
	size_t idx = u->screen == CX_DETAIL ? NO_ROW : board_selected(&u->board);
	if (u->screen == CX_DETAIL)
		for (size_t i = 0; i < u->sc.app->positions.n; i++)
			if (u->sc.app->positions.v[i].id == u->detail.pos_id)
				idx = i;
	form_free(u->form);
	u->form = form_new_price(u->sc.app,
	                         idx == NO_ROW ? NULL : u->sc.app->positions.v[idx].asset);
	u->overlay = u->form ? CX_FORM : 0;
	if (!u->form)
		ui_message(u, R_ERROR, "out of memory");
}

static void position_action(struct ui *u, enum action a)
{
	size_t idx;
	if (a == ACT_ADD) {
		form_free(u->form);
		u->form = form_new_add(u->sc.app);
		u->overlay = u->form ? CX_FORM : 0;
		return;
	}
	idx = u->screen == CX_DETAIL ? NO_ROW : board_selected(&u->board);
	if (u->screen == CX_DETAIL)
		for (size_t i = 0; i < u->sc.app->positions.n; i++)
			if (u->sc.app->positions.v[i].id == u->detail.pos_id)
				idx = i;
	if (idx == NO_ROW) {
		ui_message(u, R_NORMAL, "no position selected");
		return;
	}
	if (a == ACT_DELETE) {
		form_confirm_open(&u->confirm, u->sc.app, idx);
		u->overlay = CX_CONFIRM;
		u->dirty = true;
		return;
	}
	form_free(u->form);
	u->form = form_new_edit(u->sc.app, idx);
	u->overlay = u->form ? CX_FORM : 0;
}

static void toggle_alerts(struct ui *u)
{
	u->screen = u->screen == CX_ALERTS ? CX_BOARD : CX_ALERTS;
	if (u->screen == CX_ALERTS) {
		u->alerts.top = 0;
		alerts_view_compute(&u->alerts, &u->sc);
	}
}

/* The alerts screen's keys: mark them seen, edit the rules. */
static bool alerts_action(struct ui *u, enum action a)
{
	char err[256];
	int n = 0;
	switch (a) {
	case ACT_ALERTS: toggle_alerts(u); break;
	case ACT_ALERTS_SEEN:
		if (app_alerts_mark_seen(u->sc.app, app_clock(), &n, err, sizeof err) < 0) {
			ui_message(u, R_ERROR, "could not mark them seen: %s", err);
			break;
		}
		u->sc.alerts_unseen = 0;
		alerts_view_compute(&u->alerts, &u->sc);
		ui_message(u, R_DONE, "%d alert%s marked seen", n, n == 1 ? "" : "s");
		break;
	case ACT_ALERT_RULES:
		form_free(u->form);
		u->form = form_new_alert_rules(u->sc.app);
		u->overlay = u->form ? CX_FORM : 0;
		if (!u->form)
			ui_message(u, R_ERROR, "out of memory");
		break;
	default: return false;
	}
	return true;
}

static void toggle_watch(struct ui *u)
{
	u->screen = u->screen == CX_WATCH ? CX_BOARD : CX_WATCH;
	if (u->screen == CX_WATCH) {
		u->watch.top = 0;
		watch_view_compute(&u->watch, &u->sc);
	}
}

/* The watch screen's keys: add an address (the form), remove the selected
 * one (asks first). */
static bool watch_action(struct ui *u, enum action a)
{
	switch (a) {
	case ACT_WATCHES: toggle_watch(u); break;
	case ACT_WATCH_ADD:
		watch_form_open(&u->watch);
		u->overlay = CX_FORM;
		break;
	case ACT_WATCH_REMOVE:
		if (watch_view_confirm_open(&u->watch, &u->confirm))
			u->overlay = CX_CONFIRM;
		else
			ui_message(u, R_NORMAL, "nothing watched to remove");
		break;
	default: return false;
	}
	return true;
}

static void toggle_feeds(struct ui *u)
{
	u->screen = u->screen == CX_FEEDS ? CX_BOARD : CX_FEEDS;
	if (u->screen == CX_FEEDS) {
		u->feeds.top = 0;
		feeds_view_compute(&u->feeds, &u->sc);
		/* the message's pointer here is done with once here */
		size_t n = strlen(u->msg), k = strlen(FEEDS_HINT);
		if (n >= k && strcmp(u->msg + n - k, FEEDS_HINT) == 0)
			u->msg[n - k] = 0;
	}
}

static void toggle_planner(struct ui *u)
{
	if (u->screen == CX_PLAN) {
		u->screen = CX_BOARD;
		return;
	}
	u->screen = CX_PLAN;
	if (planner_open(&u->planner, &u->sc) < 0 && !u->planner.run.computed)
		u->screen = CX_BOARD;
}

static void toggle_unbondings(struct ui *u)
{
	if (u->screen == CX_UNBOND)
		u->screen = CX_BOARD;
	else
		ui_unbonding_open(u);
}

/* The board's keys: search, filter, group, sort, and what opens from it. */
static bool board_action(struct ui *u, enum action a)
{
	struct board *b = &u->board;
	switch (a) {
	case ACT_SEARCH: open_prompt(u, PROMPT_SEARCH); break;
	case ACT_FILTER: open_prompt(u, PROMPT_FILTER); break;
	case ACT_SEARCH_NEXT:
	case ACT_SEARCH_PREV:
		if (!b->search[0])
			ui_message(u, R_NORMAL, "no search yet: press /");
		else if (!board_search(b, u->sc.app, b->search, a == ACT_SEARCH_NEXT ? 1 : -1, false))
			ui_message(u, R_ERROR, "no position matches \"%s\"", b->search);
		break;
	case ACT_FILTER_CLEAR:
		b->filter[0] = 0;
		b->search[0] = 0;
		ui_recompute(u);
		ui_message(u, R_NORMAL, "filter cleared");
		break;
	case ACT_GROUP:
		b->grouped = !b->grouped;
		ui_recompute(u);
		ui_message(u, R_NORMAL, b->grouped ? "grouped by kind, with subtotals" : "not grouped");
		break;
	case ACT_SORT_NEXT:
	case ACT_SORT_PREV:
		board_sort_step(b, a == ACT_SORT_NEXT ? 1 : -1);
		ui_recompute(u);
		sorted_message(u);
		break;
	case ACT_PNL_COLUMNS:
		b->show_pnl = !b->show_pnl;
		board_columns(b, b->width);
		ui_recompute(u);
		ui_message(u, R_NORMAL, b->show_pnl ? "cost, P&L and P&L %% columns shown"
		                                    : "P&L columns hidden");
		break;
	case ACT_SORT_INVERT:
		b->sort_desc = !b->sort_desc;
		ui_recompute(u);
		sorted_message(u);
		break;
	case ACT_ADD:
	case ACT_EDIT:
	case ACT_DELETE: position_action(u, a); break;
	case ACT_PRICE: price_form(u); break;
	case ACT_QUIT: u->quit = true; break;
	case ACT_DETAIL:
	case ACT_DETAIL2: open_detail(u); break;
	case ACT_FEEDS: toggle_feeds(u); break;
	case ACT_UNBONDINGS: toggle_unbondings(u); break;
	case ACT_UNBOND: ui_unbond_form(u); break;
	case ACT_WITHDRAW: ui_withdraw_form(u); break;
	case ACT_HISTORY: ui_history_open(u, HV_PORTFOLIO); break;
	case ACT_BACKFILL: ui_backfill_start(u); break;
	case ACT_ALERTS: toggle_alerts(u); break;
	case ACT_PLANNER: toggle_planner(u); break;
	case ACT_WATCHES: toggle_watch(u); break;
	default: return false;
	}
	return true;
}

/* The planner's keys: targets stepped or typed, the dimension, the pane,
 * saving under a name typed on the status line, reopening. */
static bool planner_action(struct ui *u, enum action a, int key)
{
	struct planner *p = &u->planner;
	switch (a) {
	case ACT_PLANNER: toggle_planner(u); break;
	case ACT_PLAN_DIM: planner_next_dim(p, &u->sc); break;
	case ACT_PLAN_RISK: planner_toggle_risk(p, &u->sc); break;
	case ACT_PLAN_LIST: planner_toggle_saved(p, &u->sc); break;
	case ACT_PLAN_MORE: planner_step(p, &u->sc, 1); break;
	case ACT_PLAN_LESS: planner_step(p, &u->sc, -1); break;
	case ACT_PLAN_SET: planner_enter(p, &u->sc); break;
	case ACT_PLAN_RESET: planner_reset(p, &u->sc); break;
	case ACT_ERASE: planner_erase(p, &u->sc); break;
	case ACT_PLAN_SAVE:
		u->prompt.kind = PROMPT_PLAN_NAME;
		u->prompt.failed = false;
		lineedit_set(&u->prompt.le, "");
		u->overlay = CX_PROMPT;
		break;
	case ACT_BACK:
	case ACT_BACK_ARROW:
		if (!planner_cancel_typing(p, &u->sc))
			return false;
		break;
	case ACT_PLAN_TYPE:
	case ACT_NONE:
		return key < KC(0) && planner_type(p, &u->sc, key);
	default: return false;
	}
	return true;
}

/* The history screen's keys: the cursor, the range, the scope, backfill. */
static bool history_action(struct ui *u, enum action a)
{
	struct history_view *v = &u->hist;
	switch (a) {
	case ACT_HIST_PREV: history_view_move(v, -1, false, false); break;
	case ACT_HIST_NEXT: history_view_move(v, 1, false, false); break;
	case ACT_HIST_1W:
	case ACT_HIST_1M:
	case ACT_HIST_3M:
	case ACT_HIST_1Y:
	case ACT_HIST_ALL:
		v->range = (enum hv_range)(a - ACT_HIST_1W);
		v->top = 0;
		if (history_view_compute(v, &u->sc) == 0)
			history_view_fit(v, &u->sc.lay.body);
		break;
	case ACT_HIST_SCOPE: {
		enum hv_scope next = v->scope == HV_ASSET ? HV_PORTFOLIO : v->scope + 1;
		if (next != HV_PORTFOLIO && (v->position_id <= 0 || !v->asset)) {
			ui_message(u, R_NORMAL, "no position was selected: the whole portfolio only");
			break;
		}
		history_view_open(v, &u->sc, next, v->position_id, v->asset);
		ui_message(u, R_NORMAL, "history of the %s", v->scope_text);
		break;
	}
	case ACT_HISTORY: u->screen = CX_BOARD; break;
	case ACT_BACKFILL: ui_backfill_start(u); break;
	default: return false;
	}
	return true;
}

/* The detail's keys: its position's edits, unbond and claim, its events. */
static bool detail_action(struct ui *u, enum action a)
{
	switch (a) {
	case ACT_ADD:
	case ACT_EDIT:
	case ACT_DELETE: position_action(u, a); break;
	case ACT_PRICE: price_form(u); break;
	case ACT_UNBONDINGS: toggle_unbondings(u); break;
	case ACT_UNBOND: ui_unbond_form(u); break;
	case ACT_WITHDRAW: ui_withdraw_form(u); break;
	case ACT_CLAIM: ui_claim(u); break;
	case ACT_EVENT_NEXT: ui_event_step(u, 1); break;
	case ACT_EVENT_PREV: ui_event_step(u, -1); break;
	case ACT_EVENT_REMOVE: ui_event_remove_ask(u); break;
	case ACT_HISTORY: ui_history_open(u, HV_POSITION); break;
	default: return false;
	}
	return true;
}

static bool feeds_action(struct ui *u, enum action a)
{
	switch (a) {
	case ACT_FEEDS: toggle_feeds(u); break;
	default: return false;
	}
	return true;
}

/* The unbonding screen's keys: the claimed ones shown or not, and what
 * acts on the selected unbonding's position. */
static bool unbonding_action(struct ui *u, enum action a)
{
	switch (a) {
	case ACT_UNBONDINGS: toggle_unbondings(u); break;
	case ACT_SHOW_CLAIMED:
		u->unbv.show_claimed = !u->unbv.show_claimed;
		ui_unbonding_open(u);
		ui_message(u, R_NORMAL, u->unbv.show_claimed ? "showing claimed unbondings too"
		                                             : "pending and claimable only");
		break;
	case ACT_DETAIL:
	case ACT_DETAIL2: open_detail(u); break;
	case ACT_UNBOND: ui_unbond_form(u); break;
	case ACT_CLAIM: ui_claim(u); break;
	default: return false;
	}
	return true;
}

/* Keys of every screen (and the help): help, refresh, quit, back, moving
 * and scrolling, redraw, the mouse. */
static void common_action(struct ui *u, enum action a)
{
	switch (a) {
	case ACT_HELP:
		u->overlay = u->overlay == CX_HELP ? 0 : CX_HELP;
		u->help.top = 0;
		break;
	case ACT_REFRESH:
		ui_start_refresh(u);
		if (u->sc.refreshing)
			ui_message(u, R_BUSY, "refreshing every feed (keys keep working)");
		break;
	case ACT_QUIT:
	case ACT_QUIT_NOW: u->quit = true; break;
	case ACT_PRIVATE:
		fmt_set_private(!fmt_private());
		ui_recompute(u);   /* every cell formatted again */
		ui_message(u, R_NORMAL, fmt_private() ? "amounts hidden (p shows them)"
		                                      : "amounts shown");
		break;
	case ACT_BACK:
	case ACT_BACK_ARROW:
	case ACT_BACK2:
		if (u->overlay)
			u->overlay = 0;
		else
			go_back(u);
		break;
	case ACT_UP: scroll_view(u, -1, false, false); break;
	case ACT_DOWN: scroll_view(u, 1, false, false); break;
	case ACT_PGUP: scroll_view(u, -2, false, false); break;
	case ACT_PGDN: scroll_view(u, 2, false, false); break;
	case ACT_HOME: scroll_view(u, 0, true, false); break;
	case ACT_END: scroll_view(u, 0, false, true); break;
	case ACT_REDRAW: clearok(curscr, TRUE); break;
	case ACT_MOUSE: mouse(u); break;
	default: break;
	}
}

/* One handler per screen; what every screen shares after. */
static void screen_action(struct ui *u, enum action a, int key)
{
	bool done = false;
	switch (ui_context(u)) {
	case CX_PLAN: done = planner_action(u, a, key); break;
	case CX_BOARD: done = board_action(u, a); break;
	case CX_DETAIL: done = detail_action(u, a); break;
	case CX_FEEDS: done = feeds_action(u, a); break;
	case CX_UNBOND: done = unbonding_action(u, a); break;
	case CX_HISTORY: done = history_action(u, a); break;
	case CX_ALERTS: done = alerts_action(u, a); break;
	case CX_WATCH: done = watch_action(u, a); break;
	default: break;
	}
	if (!done)
		common_action(u, a);
}

void ui_key(struct ui *u, int key)
{
	const unsigned cx = ui_context(u);
	const enum action a = keymap_lookup(cx, key);
	u->dirty = true;
	if (u->sc.lay.too_small) {
		/* only quitting makes sense until the terminal grows */
		if (key == 'q' || key == 'Q' || key == KC(KEY_F(10)))
			u->quit = true;
		return;
	}
	switch (cx) {
	case CX_PROMPT: prompt_key(u, a, key); return;
	case CX_FORM: form_overlay_key(u, a, key); return;
	case CX_CONFIRM: confirm_key(u, a); return;
	default: break;
	}
	if (a != ACT_NONE && a != ACT_MOUSE)
		u->msg[0] = 0;
	screen_action(u, a, key);
}
