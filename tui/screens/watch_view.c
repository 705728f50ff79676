/* watch_view.c — watched addresses: the list, the add form, the removal. */
#include "tui/screens/watch_view.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "positions/position.h"
#include "positions/text.h"
#include "positions/timeutil.h"
#include "tui/term/draw.h"
#include "tui/term/ticks.h"

/* --- the list ------------------------------------------------------------------ */

int watch_view_compute(struct watch_view *v, const struct scene *sc)
{
	struct watch_row *rows = NULL;
	size_t n = 0;
	char err[256];
	if (watch_list(sc->app, &rows, &n, err, sizeof err) < 0) {
		scene_say(sc, R_ERROR, "could not read the watches: %s", err);
		return -1;
	}
	free(v->rows);
	v->rows = rows;
	v->n = n;
	/* the cursor stays on its watch; a removed one gives way to its
	 * neighbour */
	size_t at = v->cursor;
	for (size_t i = 0; i < n; i++)
		if (rows[i].w.id == v->selected_id)
			at = i;
	v->cursor = n == 0 ? 0 : at < n ? at : n - 1;
	v->selected_id = n ? rows[v->cursor].w.id : 0;
	return 0;
}

/* Lines under the list: a rule, the address (two lines: a pubkey is 98
 * characters), the account, the read, the error (two lines). */
#define DETAIL_LINES 7

static int list_height(const struct rect *body)
{
	int h = body->h - 1 - DETAIL_LINES;
	return h > 1 ? h : 1;
}

static int row_lines(const struct watch_row *r)
{
	return r->w.last_error[0] ? 2 : 1;
}

void watch_view_move(struct watch_view *v, const struct rect *body, long delta, bool home,
                     bool end)
{
	if (v->n == 0) {
		v->cursor = v->top = 0;
		v->selected_id = 0;
		return;
	}
	long c = (long)v->cursor + delta;
	if (home)
		c = 0;
	if (end)
		c = (long)v->n - 1;
	if (c < 0)
		c = 0;
	if (c >= (long)v->n)
		c = (long)v->n - 1;
	v->cursor = (size_t)c;
	v->selected_id = v->rows[v->cursor].w.id;
	if (v->top > v->cursor)
		v->top = v->cursor;
	/* the cursor's row whole in view: move the top down until it fits */
	const int h = list_height(body);
	for (;;) {
		int used = 0;
		for (size_t i = v->top; i <= v->cursor; i++)
			used += row_lines(&v->rows[i]);
		if (used <= h || v->top == v->cursor)
			break;
		v->top++;
	}
}

/* s into out (size len) at most w columns, its middle cut: "cosmos1qy…k363e".
 * s is printable ASCII or clean UTF-8 (sanitized before). */
static void middle_cut(const char *s, int w, char *out, size_t len)
{
	const size_t n = strlen(s);
	if ((int)text_width(s) <= w || w < 5 || n != text_width(s)) {
		/* fits, too narrow to cut, or not plain ASCII: draw_cell cuts the end */
		snprintf(out, len, "%s", s);
		return;
	}
	const char *ell = theme_glyphs()->ell;
	const int keep = w - (int)text_width(ell);
	const int head = (keep + 1) / 2, tail = keep - head;
	snprintf(out, len, "%.*s%s%s", head, s, ell, s + n - (size_t)tail);
}

/* What the chain's read counts in. */
static const char *height_word(enum watch_chain c)
{
	switch (c) {
	case WCHAIN_SOLANA:
	case WCHAIN_BEACON: return "slot";
	case WCHAIN_COSMOS: return "height";
	default: return "block";
	}
}

struct cols {
	int id, chain, addr, label, pos, at, age, state;
	int x[8];
};

/* Fixed columns; the address takes what is left after the label (12 at
 * 80 columns: a 25-column address cut in the middle; at 120 and more the
 * address gets 48, every kind but a pubkey whole, and the label the rest). */
static void columns(int w, struct cols *c)
{
	const int fixed = 4 + 8 + 3 + 10 + 5 + 6 + 7; /* widths and the 7 gaps */
	c->id = 4;
	c->chain = 8;
	c->pos = 3;
	c->at = 10;
	c->age = 5;
	c->state = 6;
	c->label = w >= 120 ? w - fixed - 48 : 12;
	c->addr = w - fixed - c->label;
	if (c->addr < 10)
		c->addr = 10;
	const int ws[8] = { c->id, c->chain, c->addr, c->label, c->pos, c->at, c->age, c->state };
	int x = 0;
	for (int i = 0; i < 8; i++) {
		c->x[i] = x;
		x += ws[i] + 1;
	}
}

static void draw_row(const struct watch_row *r, const struct scene *sc, const struct cols *c,
                     int y, int x0, int w, bool sel)
{
	const struct watch *wt = &r->w;
	char addr[WATCH_ADDR_MAX], cut[WATCH_ADDR_MAX + 8], label[WATCH_LABEL_MAX + 1];
	char id[24], pos[16], at[WATCH_HEIGHT_MAX + 2], age[24];
	const enum role base = sel ? R_SELECTED : R_NORMAL;
	text_copy_clean(addr, sizeof addr, wt->address);
	text_copy_clean(label, sizeof label, wt->label);
	middle_cut(addr, c->addr, cut, sizeof cut);
	snprintf(id, sizeof id, "%lld", (long long)wt->id);
	snprintf(pos, sizeof pos, "%zu", r->n_positions);
	if (wt->last_ok_at && wt->read_height[0]) {
		text_copy_clean(at, sizeof at, wt->read_height);
	} else {
		snprintf(at, sizeof at, "-");
	}
	if (wt->last_ok_at)
		ticks_format_age(sc->now - wt->last_ok_at, age, sizeof age);
	else
		snprintf(age, sizeof age, "-");
	const char *state = wt->last_error[0] ? "FAILED" : wt->read_at ? "ok" : "new";
	draw_fill(y, x0, w, base);
	draw_cell(y, x0 + c->x[0], c->id, id, base, AL_RIGHT);
	draw_cell(y, x0 + c->x[1], c->chain, watch_chain_name(wt->chain), base, AL_LEFT);
	draw_cell(y, x0 + c->x[2], c->addr, cut, base, AL_LEFT);
	draw_cell(y, x0 + c->x[3], c->label, label[0] ? label : "-", sel ? base : R_DIM, AL_LEFT);
	draw_cell(y, x0 + c->x[4], c->pos, pos, base, AL_RIGHT);
	draw_cell(y, x0 + c->x[5], c->at, at, base, AL_RIGHT);
	draw_cell(y, x0 + c->x[6], c->age, age, base, AL_RIGHT);
	draw_cell(y, x0 + c->x[7], w - c->x[7], state,
	          sel ? base : wt->last_error[0] ? R_ERROR : wt->read_at ? R_DONE : R_DIM, AL_LEFT);
}

/* A failed read's line: the error, and how old the quantities kept are
 * (whole: also the time they were read). */
static void error_text(const struct watch *wt, int64_t now, bool whole, char *buf, size_t len)
{
	char e[WATCH_ERROR_MAX], age[24], when[ISO_TIME_LEN];
	text_copy_clean(e, sizeof e, wt->last_error);
	if (wt->last_ok_at) {
		ticks_format_age(now - wt->last_ok_at, age, sizeof age);
		time_format_iso(wt->last_ok_at, when, sizeof when);
		if (whole)
			snprintf(buf, len, "%s (quantities kept as read %s ago, %s)", e, age, when);
		else
			snprintf(buf, len, "%s (quantities kept as read %s ago)", e, age);
	} else {
		snprintf(buf, len, "%s (nothing read yet)", e);
	}
}

static void draw_detail(const struct watch_view *v, const struct scene *sc, int y, int x,
                        int w)
{
	char buf[512];
	draw_hline(y, x, w, R_BORDER);
	if (v->n == 0) {
		draw_cell(y + 1, x + 1, w - 1,
		          "nothing watched: a adds an address (or staketop watch add)", R_DIM,
		          AL_LEFT);
		return;
	}
	const struct watch_row *r = &v->rows[v->cursor];
	const struct watch *wt = &r->w;
	const int lx = x + 1, fx = x + 10, fw = w - 10;
	char addr[WATCH_ADDR_MAX], acc[ACCOUNT_MAX], clean[ACCOUNT_MAX];
	text_copy_clean(addr, sizeof addr, wt->address);
	draw_cell(y + 1, lx, 8, "Address", R_LABEL, AL_LEFT);
	for (int k = 0; k < 2; k++)
		draw_wrap_put(y + 1 + k, fx, fw, k, addr, R_FIGURE);
	watch_account(wt, acc, sizeof acc);
	text_copy_clean(clean, sizeof clean, acc);
	snprintf(buf, sizeof buf, "%s %s %zu position%s read", 
	         clean, theme_glyphs()->dot, r->n_positions, r->n_positions == 1 ? "" : "s");
	draw_cell(y + 3, lx, 8, "Account", R_LABEL, AL_LEFT);
	draw_cell(y + 3, fx, fw, buf, R_NORMAL, AL_LEFT);
	draw_cell(y + 4, lx, 8, "Read", R_LABEL, AL_LEFT);
	if (wt->last_ok_at) {
		char when[ISO_TIME_LEN], age[24], h[WATCH_HEIGHT_MAX];
		time_format_iso(wt->last_ok_at, when, sizeof when);
		ticks_format_age(sc->now - wt->last_ok_at, age, sizeof age);
		text_copy_clean(h, sizeof h, wt->read_height);
		snprintf(buf, sizeof buf, "%s %s at %s, %s ago", height_word(wt->chain),
		         h[0] ? h : "?", when, age);
		draw_cell(y + 4, fx, fw, buf, R_NORMAL, AL_LEFT);
	} else {
		draw_cell(y + 4, fx, fw, "not yet: read on the next refresh (r)", R_DIM, AL_LEFT);
	}
	if (!wt->last_error[0])
		return;
	char when[ISO_TIME_LEN], e[600];
	time_format_iso(wt->read_at, when, sizeof when);
	error_text(wt, sc->now, true, buf, sizeof buf);
	snprintf(e, sizeof e, "%s: %s", when, buf);
	draw_cell(y + 5, lx, 8, "Failed", R_LABEL, AL_LEFT);
	for (int k = 0; k < 2; k++)
		draw_wrap_put(y + 5 + k, fx, fw, k, e, R_ERROR);
}

void watch_view_draw(const struct watch_view *v, const struct scene *sc, const struct rect *r)
{
	struct cols c;
	columns(r->w, &c);
	static const char *const title[8] = { "ID", "CHAIN", "ADDRESS", "LABEL",
		                              "POS", "READ AT", "AGE", "STATE" };
	const int ws[8] = { c.id, c.chain, c.addr, c.label, c.pos, c.at, c.age, r->w - c.x[7] };
	draw_fill(r->y, r->x, r->w, R_COLHEAD);
	for (int i = 0; i < 8; i++)
		draw_cell(r->y, r->x + c.x[i], ws[i], title[i], R_COLHEAD,
		          i == 0 || i == 4 || i == 5 || i == 6 ? AL_RIGHT : AL_LEFT);
	const int h = list_height(r);
	int y = r->y + 1;
	for (size_t i = v->top; i < v->n && y < r->y + 1 + h; i++) {
		const struct watch_row *row = &v->rows[i];
		draw_row(row, sc, &c, y++, r->x, r->w, i == v->cursor);
		if (row->w.last_error[0] && y < r->y + 1 + h) {
			char buf[512];
			error_text(&row->w, sc->now, false, buf, sizeof buf);
			draw_fill(y, r->x, r->w, R_NORMAL);
			draw_cell(y, r->x + c.x[1], r->w - c.x[1], buf, R_ERROR, AL_LEFT);
			y++;
		}
	}
	for (; y < r->y + 1 + h; y++)
		draw_fill(y, r->x, r->w, R_NORMAL);
	for (int k = 0; k < DETAIL_LINES; k++)
		draw_fill(r->y + 1 + h + k, r->x, r->w, R_NORMAL);
	draw_detail(v, sc, r->y + 1 + h, r->x, r->w);
}

int watch_view_next_change(const struct watch_view *v, const struct scene *sc)
{
	int best = 0;
	for (size_t i = 0; i < v->n; i++) {
		if (!v->rows[i].w.last_ok_at)
			continue;
		int s = ticks_age(sc->now - v->rows[i].w.last_ok_at);
		if (best == 0 || s < best)
			best = s;
	}
	return best;
}

void watch_view_free(struct watch_view *v)
{
	free(v->rows);
	memset(v, 0, sizeof *v);
}

/* --- the add form ---------------------------------------------------------------- */

/* What each chain wants, shown while nothing is typed. */
static const char *const chain_hint[WCHAIN_COUNT] = {
	[WCHAIN_ETHEREUM] = "0x and 40 hex digits (EIP-55 checksum when mixed case)",
	[WCHAIN_BEACON] = "a validator index, or its 48-byte pubkey (0x and 96 hex)",
	[WCHAIN_SOLANA] = "base58 of 32 bytes: a wallet or a stake account",
	[WCHAIN_COSMOS] = "bech32 with the cosmos prefix: cosmos1...",
	[WCHAIN_POLKADOT] = "SS58 (prefix 0) of a stash account",
};

/* The checks of what is typed, after every key: the address with the
 * chain chosen, then the label, each as `staketop watch add` checks it. */
static void recheck(struct watch_form *f)
{
	char err[320], norm[WATCH_ADDR_MAX];
	enum watch_chain c;
	const char *name = watch_chain_name(f->chain);
	if (f->addr.len == 0) {
		snprintf(f->addr_msg, sizeof f->addr_msg, "%s", chain_hint[f->chain]);
		f->addr_role = R_DIM;
	} else if (watch_check(name, f->addr.buf, NULL, &c, norm, err, sizeof err) < 0) {
		/* "address: the rule broken" */
		const char *why = strncmp(err, "address: ", 9) == 0 ? err + 9 : err;
		snprintf(f->addr_msg, sizeof f->addr_msg, "%s", why);
		f->addr_role = R_ERROR;
	} else {
		char clean[WATCH_ADDR_MAX];
		text_copy_clean(clean, sizeof clean, norm);
		if (strcmp(norm, f->addr.buf) == 0)
			snprintf(f->addr_msg, sizeof f->addr_msg, "valid %s address", name);
		else
			snprintf(f->addr_msg, sizeof f->addr_msg, "valid; kept as %s", clean);
		f->addr_role = R_DONE;
	}
	f->label_bad = watch_check_label(f->label.buf, err, sizeof err) < 0;
	if (f->label_bad)
		snprintf(f->label_msg, sizeof f->label_msg, "%s",
		         strncmp(err, "label: ", 7) == 0 ? err + 7 : err);
	else
		snprintf(f->label_msg, sizeof f->label_msg,
		         "optional: the account name of its positions");
}

void watch_form_open(struct watch_view *v)
{
	memset(&v->form, 0, sizeof v->form);
	v->form.chain = WCHAIN_ETHEREUM;
	v->form.focus = WF_CHAIN;
	lineedit_set(&v->form.addr, "");
	lineedit_set(&v->form.label, "");
	recheck(&v->form);
	v->form_open = true;
}

static void done_say(struct form_done *d, enum role r, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void done_say(struct form_done *d, enum role r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof d->msg, fmt, ap);
	va_end(ap);
	d->role = r;
}

static void form_save(struct watch_view *v, const struct scene *sc, struct form_done *d)
{
	struct watch_form *f = &v->form;
	const char *name = watch_chain_name(f->chain);
	char err[400], addr[WATCH_ADDR_MAX];
	bool invalid = false;
	int64_t id = 0;
	if (f->addr.len == 0) {
		f->focus = WF_ADDRESS;
		snprintf(f->addr_msg, sizeof f->addr_msg, "the address to watch is required");
		f->addr_role = R_ERROR;
		done_say(d, R_ERROR, "Address: required");
		return;
	}
	const char *label = f->label.len ? f->label.buf : NULL;
	int r = watch_add(sc->app, name, f->addr.buf, label, app_clock(), &id, &invalid, err,
	                  sizeof err);
	if (r < 0 && invalid) {
		recheck(f);
		f->focus = strncmp(err, "label", 5) == 0 ? WF_LABEL : WF_ADDRESS;
		done_say(d, R_ERROR, "not saved: %s", err);
		return;
	}
	if (r < 0) {
		done_say(d, R_ERROR, "could not save the watch: %s", err);
		return;
	}
	v->form_open = false;
	v->selected_id = id;
	d->close = true;
	d->reload = true;
	text_copy_clean(addr, sizeof addr, f->addr.buf);
	if (r == 1)
		done_say(d, R_NORMAL, "already watched as %lld: %s", (long long)id, name);
	else
		done_say(d, R_DONE, "watching %lld: %s (read on the next refresh)", (long long)id,
		         name);
}

/* A letter in the chain field picks the chain it begins (e, b, s, c, p). */
static void chain_letter(struct watch_form *f, int key)
{
	for (int c = 0; c < WCHAIN_COUNT; c++)
		if (watch_chain_name((enum watch_chain)c)[0] == key)
			f->chain = (enum watch_chain)c;
}

void watch_form_key(struct watch_view *v, const struct scene *sc, enum action a, int key,
                    struct form_done *d)
{
	struct watch_form *f = &v->form;
	struct lineedit *le = f->focus == WF_ADDRESS ? &f->addr
	                      : f->focus == WF_LABEL ? &f->label
	                                             : NULL;
	switch (a) {
	case ACT_FORM_SAVE: form_save(v, sc, d); return;
	case ACT_FORM_CANCEL:
		v->form_open = false;
		d->close = true;
		done_say(d, R_NORMAL, "nothing saved");
		return;
	case ACT_FORM_NEXT: f->focus = (f->focus + 1) % WF_COUNT; return;
	case ACT_FORM_PREV: f->focus = (f->focus + WF_COUNT - 1) % WF_COUNT; return;
	case ACT_FORM_PICK_NEXT:
	case ACT_FORM_PICK_PREV:
		if (f->focus == WF_CHAIN)
			f->chain = (enum watch_chain)((f->chain + (a == ACT_FORM_PICK_NEXT ? 1 : -1) +
			                               WCHAIN_COUNT) %
			                              WCHAIN_COUNT);
		break;
	case ACT_ERASE:
		if (le)
			lineedit_erase(le);
		break;
	case ACT_CLEAR_LINE:
		if (le)
			lineedit_set(le, "");
		break;
	case ACT_REDRAW: clearok(curscr, TRUE); return;
	default:
		if (a != ACT_NONE || key >= KC(0))
			return;
		if (le)
			lineedit_insert(le, key);
		else
			chain_letter(f, key);
		break;
	}
	recheck(f);
}

static struct rect form_rect(const struct layout *l)
{
	return layout_centered(l, 11, 78);
}

void watch_form_draw(const struct watch_view *v, const struct layout *l)
{
	const struct watch_form *f = &v->form;
	const struct rect b = form_rect(l);
	const int lx = b.x + 2, fx = b.x + 12, fw = b.w - 14;
	const struct glyphs *g = theme_glyphs();
	char chains[160];
	size_t o = 0;
	draw_box(&b, "Watch an address (read from the chain on every refresh)");
	/* the five, the chosen one in brackets */
	for (int c = 0; c < WCHAIN_COUNT && o < sizeof chains; c++)
		o += (size_t)snprintf(chains + o, sizeof chains - o, c == (int)f->chain ? "[%s] " : " %s  ",
		                      watch_chain_name((enum watch_chain)c));
	draw_cell(b.y + 1, lx, 9, "Chain", f->focus == WF_CHAIN ? R_FIGURE : R_LABEL, AL_LEFT);
	draw_cell(b.y + 1, fx, fw, chains, f->focus == WF_CHAIN ? R_INPUT : R_NORMAL, AL_LEFT);
	draw_cell(b.y + 2, fx, fw, "Left/Right, or its first letter", R_DIM, AL_LEFT);

	draw_cell(b.y + 3, lx, 9, "Address", f->focus == WF_ADDRESS ? R_FIGURE : R_LABEL, AL_LEFT);
	const char *s = f->addr.buf; /* the end of a long value stays in view */
	while (draw_width(s) > fw - 1 && *s)
		s++;
	draw_cell(b.y + 3, fx, fw, s, R_INPUT, AL_LEFT);
	for (int k = 0; k < 2; k++)
		draw_wrap_put(b.y + 4 + k, fx, fw, k, f->addr_msg, (enum role)f->addr_role);

	draw_cell(b.y + 6, lx, 9, "Label", f->focus == WF_LABEL ? R_FIGURE : R_LABEL, AL_LEFT);
	s = f->label.buf;
	while (draw_width(s) > fw - 1 && *s)
		s++;
	draw_cell(b.y + 6, fx, fw, s, R_INPUT, AL_LEFT);
	draw_cell(b.y + 7, fx, fw, f->label_msg, f->label_bad ? R_ERROR : R_DIM, AL_LEFT);

	char keys[160];
	snprintf(keys, sizeof keys, "Enter save %s Tab/Down next field %s Esc cancel", g->dot,
	         g->dot);
	draw_cell(b.y + b.h - 2, lx, b.w - 4, keys, R_DIM, AL_LEFT);
}

void watch_form_cursor(const struct watch_view *v, const struct layout *l, int *y, int *x)
{
	const struct watch_form *f = &v->form;
	const struct rect b = form_rect(l);
	const int fx = b.x + 12, fw = b.w - 14;
	if (f->focus == WF_CHAIN) {
		*y = b.y + 1;
		*x = fx + 1;
		return;
	}
	const struct lineedit *le = f->focus == WF_ADDRESS ? &f->addr : &f->label;
	const int w = draw_width(le->buf);
	*y = b.y + (f->focus == WF_ADDRESS ? 3 : 6);
	*x = fx + (w < fw - 1 ? w : fw - 1);
}

/* --- removal ------------------------------------------------------------------------ */

bool watch_view_confirm_open(const struct watch_view *v, struct confirm *c)
{
	if (v->n == 0)
		return false;
	const struct watch_row *r = &v->rows[v->cursor];
	char addr[WATCH_ADDR_MAX], cut[WATCH_ADDR_MAX + 8], label[WATCH_LABEL_MAX + 1];
	text_copy_clean(addr, sizeof addr, r->w.address);
	text_copy_clean(label, sizeof label, r->w.label);
	middle_cut(addr, 24, cut, sizeof cut);
	c->kind = CONFIRM_WATCH;
	c->id = r->w.id;
	snprintf(c->text, sizeof c->text,
	         "Stop watching %lld (%s %s%s%.24s)? Its %zu position%s, with %s history.",
	         (long long)r->w.id, watch_chain_name(r->w.chain), cut, label[0] ? ", " : "",
	         label, r->n_positions, r->n_positions == 1 ? " stays" : "s stay",
	         r->n_positions == 1 ? "its" : "their");
	return true;
}

void watch_view_confirm_key(const struct confirm *c, const struct scene *sc, enum action a,
                            struct form_done *d)
{
	char err[400];
	if (a == ACT_CONFIRM_NO) {
		d->close = true;
		done_say(d, R_NORMAL, "still watching %lld", (long long)c->id);
		return;
	}
	if (a != ACT_CONFIRM_YES)
		return;
	d->close = true;
	d->reload = true;
	int r = watch_remove(sc->app, c->id, err, sizeof err);
	if (r < 0)
		done_say(d, R_ERROR, "could not remove watch %lld: %s", (long long)c->id, err);
	else if (r == 1)
		done_say(d, R_ERROR, "no watch %lld (removed meanwhile)", (long long)c->id);
	else
		done_say(d, R_DONE, "no longer watching %lld (its positions and their history stay)",
		         (long long)c->id);
}
