/* unbond_actions.c — what the unbond, claim and event keys do from the
 * detail and the unbonding screen (every write through data/events_db.h,
 * then the views are re-read from the store), and the watch that tells the
 * user when an unbonding becomes claimable while staketop is open. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "positions/text.h"
#include "positions/timeutil.h"
#include "tui/app/position_edit.h"
#include "tui/app/unbond_ops.h"
#include "tui/screens/form.h"
#include "tui/loop.h"

static size_t position_index(const struct ui *u, int64_t id)
{
	for (size_t i = 0; i < u->sc.app->positions.n; i++)
		if (u->sc.app->positions.v[i].id == id)
			return i;
	return NO_ROW;
}

static void position_symbol(const struct ui *u, int64_t id, char *buf, size_t len)
{
	size_t i = position_index(u, id);
	text_copy_clean(buf, len, i == NO_ROW ? "?" : u->sc.app->positions.v[i].asset);
}

int64_t ui_action_position(const struct ui *u)
{
	if (u->screen == CX_DETAIL)
		return u->detail.pos_id;
	if (u->screen == CX_UNBOND) {
		const struct unbonding *x = unbonding_view_selected(&u->unbv);
		return x ? x->position_id : -1;
	}
	size_t idx = board_selected(&u->board);
	return idx == NO_ROW ? -1 : u->sc.app->positions.v[idx].id;
}

/* --- unbond and claim -------------------------------------------------------------- */

/* The position a form key acts on, with its symbol (cleaned), or NULL
 * after saying why there is none; a chain position is refused for what
 * (its exits and withdrawals are read from the chain). */
static const struct position *form_position(struct ui *u, const char *what, size_t *idx,
                                            char *sym, size_t symlen)
{
	const int64_t id = ui_action_position(u);
	*idx = id < 0 ? NO_ROW : position_index(u, id);
	if (*idx == NO_ROW) {
		ui_message(u, R_NORMAL, "no position selected");
		return NULL;
	}
	const struct position *p = &u->sc.app->positions.v[*idx];
	char acc[ACCOUNT_MAX];
	text_copy_clean(sym, symlen, p->asset);
	text_copy_clean(acc, sizeof acc, p->account);
	if (p->origin == ORIGIN_CHAIN) {
		ui_message(u, R_ERROR, "position %lld is read from the chain (%s): its %ss are read "
		                       "from there at each refresh", (long long)id, acc, what);
		return NULL;
	}
	return p;
}

/* Show form f (NULL: out of memory). */
static void open_form(struct ui *u, struct form *f)
{
	form_free(u->form);
	u->form = f;
	u->overlay = f ? CX_FORM : 0;
	if (!f)
		ui_message(u, R_ERROR, "out of memory");
}

void ui_unbond_form(struct ui *u)
{
	size_t idx;
	char sym[SYM_MAX];
	const struct position *p = form_position(u, "unbonding", &idx, sym, sizeof sym);
	if (!p)
		return;
	if (!catalog_find(&u->sc.app->cat, p->asset)) {
		ui_message(u, R_ERROR, "position %lld: %s is not in the catalog, so its unbonding "
		                       "rule is unknown", (long long)p->id, sym);
		return;
	}
	if (dec_is_zero(p->quantity)) {
		ui_message(u, R_NORMAL, "position %lld holds no %s to unbond", (long long)p->id, sym);
		return;
	}
	open_form(u, form_new_unbond(u->sc.app, idx));
}

/* The withdraw / sell form (w) on the position acted on. */
void ui_withdraw_form(struct ui *u)
{
	size_t idx;
	char sym[SYM_MAX];
	const struct position *p = form_position(u, "withdrawal", &idx, sym, sizeof sym);
	if (!p)
		return;
	if (dec_is_zero(p->quantity)) {
		ui_message(u, R_NORMAL, "position %lld holds no %s to withdraw", (long long)p->id, sym);
		return;
	}
	open_form(u, form_new_withdraw(u->sc.app, idx));
}

void ui_claim(struct ui *u)
{
	const int64_t id = ui_action_position(u);
	const int64_t now = app_clock();
	char err[400], sym[SYM_MAX], q[DEC_STR_MAX];
	dec_t due = dec_zero();
	int n = 0;
	if (id < 0) {
		ui_message(u, R_NORMAL, "no position selected");
		return;
	}
	/* what is due, for the message: the store claims the same rows */
	for (size_t i = 0; i < u->sc.n_unb; i++)
		if (u->sc.unb[i].position_id == id && !u->sc.unb[i].claimed && u->sc.unb[i].available_at <= now)
			dec_add(due, u->sc.unb[i].amount, &due);
	if (unbond_claim(u->sc.app, id, now, &n, err, sizeof err) < 0) {
		ui_message(u, strncmp(err, "nothing claimable", 17) == 0 ? R_NORMAL : R_ERROR, "%s",
		           err);
		return;
	}
	position_symbol(u, id, sym, sizeof sym);
	dec_format(due, q, sizeof q);
	if (ui_reload(u) == 0)
		ui_message(u, R_DONE, "claimed %s %s on position %lld (%d unbonding%s)", q, sym,
		           (long long)id, n, n == 1 ? "" : "s");
}

/* --- events ------------------------------------------------------------------------ */

/* The detail line of the selected event, or -1. */
static long event_line(const struct ui *u, int64_t event_id)
{
	for (size_t i = 0; event_id && i < u->detail.n; i++)
		if (u->detail.lines[i].event_id == event_id)
			return (long)i;
	return -1;
}

void ui_event_step(struct ui *u, int dir)
{
	struct detail *d = &u->detail;
	long at = event_line(u, d->sel_event), pick = -1;
	if (at < 0)
		at = dir > 0 ? -1 : (long)d->n;
	for (long i = at + dir; i >= 0 && i < (long)d->n; i += dir)
		if (d->lines[i].event_id && !d->lines[i].event_removed) {
			pick = i;
			break;
		}
	if (pick < 0) {
		ui_message(u, R_NORMAL, d->sel_event ? "no more events that way"
		                                      : "no event to select (removed ones stay listed)");
		return;
	}
	d->sel_event = d->lines[pick].event_id;
	/* bring it into view, with a line of context below */
	const long rows = u->sc.lay.body.h > 1 ? u->sc.lay.body.h : 1;
	if (pick < (long)d->top)
		d->top = (size_t)pick;
	else if (pick + 1 >= (long)d->top + rows)
		d->top = (size_t)(pick + 2 - rows > 0 ? pick + 2 - rows : 0);
	detail_scroll(&u->detail, &u->sc, 0);
	ui_message(u, R_NORMAL, "event %lld selected: x removes it, [ ] picks another",
	           (long long)d->sel_event);
}

void ui_event_remove_ask(struct ui *u)
{
	const struct detail *d = &u->detail;
	const long i = event_line(u, d->sel_event);
	if (i < 0 || d->lines[i].event_removed) {
		/* nothing chosen yet: choose the newest, and ask on the next x */
		u->detail.sel_event = 0;
		ui_event_step(u, -1);
		return;
	}
	const struct dline *l = &d->lines[i];
	char sym[SYM_MAX];
	position_symbol(u, d->pos_id, sym, sizeof sym);
	u->confirm.kind = CONFIRM_EVENT;
	u->confirm.id = l->event_id;
	snprintf(u->confirm.text, sizeof u->confirm.text,
	         "Remove event %lld (%s %s, %s) of position %lld? It stays in the log, marked "
	         "removed.",
	         (long long)l->event_id, l->value, sym, l->label, (long long)d->pos_id);
	u->overlay = CX_CONFIRM;
}

void ui_event_remove_key(struct ui *u, enum action a)
{
	char err[400];
	const int64_t id = u->confirm.id;
	if (a == ACT_CONFIRM_NO) {
		u->overlay = 0;
		ui_message(u, R_NORMAL, "kept event %lld", (long long)id);
		return;
	}
	if (a != ACT_CONFIRM_YES)
		return;
	u->overlay = 0;
	if (pe_event_remove(u->sc.app, id, "in the interface", app_clock(), err,
	                       sizeof err) < 0) {
		ui_message(u, R_ERROR, "could not remove event %lld: %s", (long long)id, err);
		return;
	}
	u->detail.sel_event = 0;
	if (ui_reload(u) == 0)
		ui_message(u, R_DONE, "removed event %lld (kept in the log, marked removed)",
		           (long long)id);
}

/* --- the watch ------------------------------------------------------------------------ */

void ui_unbond_watch(struct ui *u, int64_t before, int64_t after)
{
	const struct unbonding *first = NULL;
	size_t n = 0;
	if (after <= before)
		return;
	for (size_t i = 0; i < u->sc.n_unb; i++) {
		const struct unbonding *x = &u->sc.unb[i];
		if (x->claimed || x->available_at <= before || x->available_at > after)
			continue;
		if (!first)
			first = x;
		n++;
	}
	if (!first)
		return;
	char q[DEC_STR_MAX], sym[SYM_MAX];
	dec_format(first->amount, q, sizeof q);
	position_symbol(u, first->position_id, sym, sizeof sym);
	if (n == 1)
		ui_message(u, R_CLAIMABLE, "%s %s on position %lld is claimable now", q, sym,
		           (long long)first->position_id);
	else
		ui_message(u, R_CLAIMABLE, "%s %s on position %lld is claimable now (and %zu more)", q,
		           sym, (long long)first->position_id, n - 1);
}

int ui_unbond_watch_next(const struct ui *u)
{
	int64_t best = 0;
	for (size_t i = 0; i < u->sc.n_unb; i++) {
		const struct unbonding *x = &u->sc.unb[i];
		int64_t left = x->available_at - u->sc.now;
		if (!x->claimed && left > 0 && (best == 0 || left < best))
			best = left;
	}
	return best > INT_MAX ? INT_MAX : (int)best;
}
