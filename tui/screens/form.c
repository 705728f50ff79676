/* form.c — add / edit forms and the removal confirmation. */
#include "tui/screens/form.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "positions/text.h"
#include "positions/timeutil.h"
#include "tui/term/draw.h"
#include "tui/term/format.h"
#include "tui/app/position_edit.h"
#include "tui/term/lineedit.h"
#include "tui/term/ticks.h"
#include "tui/app/alert_rules.h"
#include "tui/app/prices.h"
#include "tui/app/unbond_ops.h"
#include "tui/app/withdraw.h"

enum form_kind { FORM_ADD, FORM_EDIT, FORM_UNBOND, FORM_PRICE, FORM_RULES, FORM_WITHDRAW };

/* The most fields a form has (the alert rules' seven); position forms use
 * their enum pe_field ids, the rules form none (PE_FIELDS: by order). */
#define FORM_FIELDS_MAX 8

struct form_field {
	const char *label;
	enum pe_field pe;
	const char *hint;
	bool readonly;
	struct lineedit le;
	char error[PE_MSG_MAX];
};

struct form {
	enum form_kind kind;
	int64_t pos_id;
	struct position cur;          /* edit: the position as stored */
	struct form_field f[FORM_FIELDS_MAX];
	int n, focus;
	char title[96];
	const struct catalog *cat;    /* for the asset picker and hints */
	size_t pick;                  /* asset picker position */
	char currency[8];
	/* unbond: the asset, the hints and what the time typed gives */
	const struct asset *asset;
	char amount_hint[128], time_hint[128];
	char eta[128], basis[UNBOND_BASIS_MAX];
	bool eta_ok;
	/* withdraw: the price hint, and what the sale typed realizes */
	char price_hint[96], sale[64], sale_how[160];
	enum role sale_role;
};

/* The withdraw form's fields in the position fields' slots. */
static const enum pe_field wd_slot[WD_FIELDS] = { PE_AMOUNT, PE_ACCOUNT, PE_OPENED, PE_NOTE };

static void add_field(struct form *f, const char *label, enum pe_field pe, const char *value,
                      const char *hint, bool readonly)
{
	struct form_field *x = &f->f[f->n++];
	x->label = label;
	x->pe = pe;
	x->hint = hint;
	x->readonly = readonly;
	lineedit_set(&x->le, value);
}

struct form *form_new_add(const struct app *a)
{
	struct form *f = calloc(1, sizeof *f);
	if (!f)
		return NULL;
	f->kind = FORM_ADD;
	f->cat = &a->cat;
	snprintf(f->currency, sizeof f->currency, "%s", a->cfg.currency);
	snprintf(f->title, sizeof f->title, "Add a position");
	add_field(f, "Asset", PE_ASSET, "", "a catalog symbol; Left/Right picks one", false);
	add_field(f, "Amount", PE_AMOUNT, "", "a plain decimal, e.g. 1.5", false);
	add_field(f, "Account", PE_ACCOUNT, "default", "where it is held", false);
	add_field(f, "Opened", PE_OPENED, "", "YYYY-MM-DD, optional", false);
	add_field(f, "Cost basis", PE_COST, "", "optional, in the display currency", false);
	add_field(f, "Note", PE_NOTE, "", "optional", false);
	return f;
}

/* The cost basis as the edit form shows it: "" when there is none. */
static void edit_cost_text(const struct position *p, char *buf, size_t len)
{
	buf[0] = 0;
	if (p->has_cost_basis)
		dec_format(p->cost_basis, buf, len);
}

struct form *form_new_edit(const struct app *a, size_t idx)
{
	const struct position *p = &a->positions.v[idx];
	struct form *f = calloc(1, sizeof *f);
	char q[DEC_STR_MAX], acc[ACCOUNT_MAX], note[POS_NOTE_MAX], sym[SYM_MAX];
	if (!f)
		return NULL;
	f->kind = FORM_EDIT;
	f->pos_id = p->id;
	f->cur = *p;
	f->cat = &a->cat;
	snprintf(f->currency, sizeof f->currency, "%s", a->cfg.currency);
	snprintf(f->title, sizeof f->title, "Edit position %lld", (long long)p->id);
	dec_format(p->quantity, q, sizeof q);
	text_copy_clean(acc, sizeof acc, p->account);
	text_copy_clean(note, sizeof note, p->note);
	text_copy_clean(sym, sizeof sym, p->asset);
	add_field(f, "Asset", PE_ASSET, sym, "fixed; remove and add to change it", true);
	add_field(f, "Amount", PE_AMOUNT, q, "a change records an adjust event", false);
	add_field(f, "Account", PE_ACCOUNT, acc, "", false);
	char opened[sizeof p->opened], cost[DEC_STR_MAX];
	text_copy_clean(opened, sizeof opened, p->opened);
	edit_cost_text(p, cost, sizeof cost);
	add_field(f, "Opened", PE_OPENED, opened, "YYYY-MM-DD, not in the future", false);
	add_field(f, "Cost basis", PE_COST, cost, "in the display currency; empty: none", false);
	add_field(f, "Note", PE_NOTE, note, "", false);
	f->focus = 1;
	return f;
}

static void unbond_preview(struct app *a, struct form *f);

struct form *form_new_unbond(struct app *a, size_t idx)
{
	const struct position *p = &a->positions.v[idx];
	const struct asset *as = catalog_find(&a->cat, p->asset);
	struct form *f;
	char q[DEC_STR_MAX], sym[SYM_MAX], acc[ACCOUNT_MAX], now[32];
	if (!as || !(f = calloc(1, sizeof *f)))
		return NULL;
	f->kind = FORM_UNBOND;
	f->pos_id = p->id;
	f->cur = *p;
	f->cat = &a->cat;
	f->asset = as;
	fmt_quantity(p->quantity, q, sizeof q);
	text_copy_clean(sym, sizeof sym, p->asset);
	text_copy_clean(acc, sizeof acc, p->account);
	time_format_minute(app_clock(), now, sizeof now);
	snprintf(f->title, sizeof f->title, "Unbond from position %lld (%.16s, %.40s)",
	         (long long)p->id, sym, acc);
	snprintf(f->amount_hint, sizeof f->amount_hint, "at most %s %s (%u decimals)", q, sym,
	         as->decimals);
	snprintf(f->time_hint, sizeof f->time_hint, "empty: now (%.16s), or 2026-12-01[T10:00] UTC",
	         now);
	add_field(f, "Amount", PE_AMOUNT, "", f->amount_hint, false);
	add_field(f, "Requested", PE_OPENED, "", f->time_hint, false);
	unbond_preview(a, f);
	return f;
}

static void withdraw_preview(const struct app *a, struct form *f);

struct form *form_new_withdraw(const struct app *a, size_t idx)
{
	const struct position *p = &a->positions.v[idx];
	const struct asset *as = catalog_find(&a->cat, p->asset);
	struct form *f = calloc(1, sizeof *f);
	char q[DEC_STR_MAX], sym[SYM_MAX], acc[ACCOUNT_MAX], now[32];
	if (!f)
		return NULL;
	f->kind = FORM_WITHDRAW;
	f->pos_id = p->id;
	f->cur = *p;
	f->cat = &a->cat;
	f->asset = as;
	snprintf(f->currency, sizeof f->currency, "%s", a->cfg.currency);
	fmt_quantity(p->quantity, q, sizeof q);
	text_copy_clean(sym, sizeof sym, p->asset);
	text_copy_clean(acc, sizeof acc, p->account);
	time_format_minute(app_clock(), now, sizeof now);
	snprintf(f->title, sizeof f->title, "Withdraw or sell from position %lld (%.16s, %.30s)",
	         (long long)p->id, sym, acc);
	snprintf(f->amount_hint, sizeof f->amount_hint, "at most %s %s (%u decimals)", q, sym,
	         as ? as->decimals : DEC_FRAC_DIGITS);
	snprintf(f->price_hint, sizeof f->price_hint, "received per unit, %s; empty: a transfer out",
	         f->currency);
	snprintf(f->time_hint, sizeof f->time_hint, "empty: now (%.16s), or 2026-12-01[T10:00] UTC",
	         now);
	add_field(f, "Amount", PE_AMOUNT, "", f->amount_hint, false);
	add_field(f, "Price", PE_ACCOUNT, "", f->price_hint, false);
	add_field(f, "When", PE_OPENED, "", f->time_hint, false);
	add_field(f, "Note", PE_NOTE, "", "optional", false);
	withdraw_preview(a, f);
	return f;
}

/* The manual price form: the price slots reuse the position fields' ids
 * (asset, amount = price, account = rate, cost = APR, note = pin). */
struct form *form_new_price(const struct app *a, const char *symbol)
{
	struct form *f = calloc(1, sizeof *f);
	char sym[SYM_MAX];
	if (!f)
		return NULL;
	f->kind = FORM_PRICE;
	f->cat = &a->cat;
	snprintf(f->currency, sizeof f->currency, "%s", a->cfg.currency);
	snprintf(f->title, sizeof f->title, "Set a manual price (in force until cleared)");
	text_copy_clean(sym, sizeof sym, symbol ? symbol : "");
	add_field(f, "Asset", PE_ASSET, sym, "a catalog symbol; Left/Right picks one", false);
	add_field(f, "Price", PE_AMOUNT, "", "per token, in the display currency", false);
	add_field(f, "Rate", PE_ACCOUNT, "", "optional: underlying per token", false);
	add_field(f, "APR %", PE_COST, "", "optional: 3.5 is 3.5 %", false);
	add_field(f, "Pin", PE_NOTE, "", "y: never stale; empty: stale like any value", false);
	f->focus = sym[0] ? 1 : 0;
	return f;
}

struct form *form_new_alert_rules(const struct app *a)
{
	const struct alert_rules *r = &a->cfg.alerts;
	struct form *f = calloc(1, sizeof *f);
	char bps[16], pct[32], hf[32], tokens[ALERT_TOKENS_TEXT_MAX];
	if (!f)
		return NULL;
	f->kind = FORM_RULES;
	f->cat = &a->cat;
	snprintf(f->title, sizeof f->title, "Alert rules (saved in the config's [alerts])");
	snprintf(bps, sizeof bps, "%d", r->premium_bps);
	snprintf(pct, sizeof pct, "%g", r->move_pct);
	snprintf(hf, sizeof hf, "%g", r->health_factor);
	alert_rules_tokens_text(r, tokens, sizeof tokens);
	/* in the order of struct alert_rules_input's fields */
	add_field(f, "Premium bps", PE_FIELDS, bps, "beyond this, any token (0 off)", false);
	add_field(f, "Per token", PE_FIELDS, tokens, "SYMBOL=BPS ..., e.g. wstETH=50 (0 off)",
	          false);
	add_field(f, "Move % a day", PE_FIELDS, pct, "a position's value (0 off)", false);
	add_field(f, "Loan health", PE_FIELDS, hf, "a loan's health factor below this (0 off)", false);
	add_field(f, "Claimable", PE_FIELDS, r->claimable ? "y" : "n", "y or n", false);
	add_field(f, "Stale feed", PE_FIELDS, r->stale ? "y" : "n", "y or n", false);
	add_field(f, "Bell", PE_FIELDS, r->bell ? "y" : "n", "y or n: beep once per new alert", false);
	return f;
}

void form_free(struct form *f)
{
	free(f);
}

bool form_has_picker(const struct form *f)
{
	for (int i = 0; i < f->n; i++)
		if (f->f[i].pe == PE_ASSET && !f->f[i].readonly)
			return true;
	return false;
}

static struct form_field *field(struct form *f, enum pe_field pe)
{
	for (int i = 0; i < f->n; i++)
		if (f->f[i].pe == pe)
			return &f->f[i];
	return NULL;
}

static const char *value(struct form *f, enum pe_field pe)
{
	struct form_field *x = field(f, pe);
	return x ? x->le.buf : NULL;
}

static void say(struct form_host *u, enum role r, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void say(struct form_host *u, enum role r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(u->done.msg, sizeof u->done.msg, fmt, ap);
	va_end(ap);
	u->done.role = r;
}

/* The loop frees the form and takes the overlay down. */
static void close_form(struct form_host *u)
{
	u->done.close = true;
}

/* Show e beside the fields; focus the first wrong one. */
static int show_errors(struct form_host *u, struct form *f, const struct pe_errors *e)
{
	int first = -1;
	for (int i = 0; i < f->n; i++) {
		snprintf(f->f[i].error, sizeof f->f[i].error, "%s", e->msg[f->f[i].pe]);
		if (f->f[i].error[0] && first < 0)
			first = i;
	}
	if (first >= 0)
		f->focus = first;
	say(u, R_ERROR, "%s: %s", f->f[f->focus].label, f->f[f->focus].error);
	return -1;
}

/* Unbond form: when the time typed makes the unbonding claimable, shown
 * under the fields as the user types. */
static void unbond_preview(struct app *a, struct form *f)
{
	struct unbond_eta eta;
	int64_t now = app_clock(), at;
	char err[PE_MSG_MAX], when[32], left[32];
	f->eta_ok = false;
	if (f->kind != FORM_UNBOND)
		return;
	if (unbond_parse_time(value(f, PE_OPENED), now, &at, err, sizeof err) < 0) {
		snprintf(f->eta, sizeof f->eta, "-");
		f->basis[0] = 0;
		return;
	}
	if (unbond_eta_for(a, f->asset, at, NULL, &eta) < 0) {
		snprintf(f->eta, sizeof f->eta, "no estimate");
		text_copy_clean(f->basis, sizeof f->basis, eta.basis);
		text_drop_notes(f->basis);
		return;
	}
	time_format_minute(eta.available_at, when, sizeof when);
	unbond_format_left(eta.available_at - now, left, sizeof left);
	snprintf(f->eta, sizeof f->eta, "%s%s%s%s%s", eta.exact ? "" : "about ", when,
	         eta.available_at > now ? " (in " : " (", left, ")");
	text_copy_clean(f->basis, sizeof f->basis, eta.basis);
	text_drop_notes(f->basis);
	f->eta_ok = true;
}

/* Unbond: the amount with the asset's decimals and at most what the
 * position holds, the time not in the future; then the request as
 * `staketop unbond` records it (the catalog's range for a queue: no
 * blocking request from the interface). */
static void save_unbond(struct form_host *u, struct form *f)
{
	struct app *a = u->app;
	struct pe_errors e;
	struct unbond_eta eta;
	struct unbonding ub;
	char err[400], q[DEC_STR_MAX], h[DEC_STR_MAX], sym[SYM_MAX], when[32];
	int64_t now = app_clock(), at = now;
	const int64_t pid = f->pos_id;
	dec_t amount;
	memset(&e, 0, sizeof e);
	text_copy_clean(sym, sizeof sym, f->cur.asset);
	if (unbond_parse_amount(f->asset, value(f, PE_AMOUNT), &amount, e.msg[PE_AMOUNT],
	                        sizeof e.msg[PE_AMOUNT]) < 0) {
		if (!value(f, PE_AMOUNT)[0])
			snprintf(e.msg[PE_AMOUNT], sizeof e.msg[PE_AMOUNT], "how much to unbond?");
	} else if (dec_cmp(amount, f->cur.quantity) > 0) {
		dec_format(f->cur.quantity, h, sizeof h);
		snprintf(e.msg[PE_AMOUNT], sizeof e.msg[PE_AMOUNT],
		         "more than position %lld holds (%s %s)", (long long)f->pos_id, h, sym);
	}
	unbond_parse_time(value(f, PE_OPENED), now, &at, e.msg[PE_OPENED],
	                  sizeof e.msg[PE_OPENED]);
	if (e.msg[PE_AMOUNT][0] || e.msg[PE_OPENED][0]) {
		show_errors(u, f, &e);
		return;
	}
	if (unbond_eta_for(a, f->asset, at, NULL, &eta) < 0) {
		say(u, R_ERROR, "%s: %s", sym, eta.basis);
		return;
	}
	if (unbond_request(a, f->pos_id, amount, at, &eta, &ub, err, sizeof err) < 0) {
		say(u, R_ERROR, "could not unbond: %s", err);
		return;
	}
	dec_format(amount, q, sizeof q);
	time_format_minute(ub.available_at, when, sizeof when);
	close_form(u);
	u->done.select_unbonding = ub.id;
	u->done.reload = true;
	say(u, R_DONE, "unbonding %s %s on position %lld: claimable %s%s", q, sym,
		           (long long)pid, eta.exact ? "" : "about ", when);
}

static void wd_input(struct form *f, struct withdraw_input *in)
{
	in->amount = value(f, wd_slot[WD_AMOUNT]);
	in->price = value(f, wd_slot[WD_PRICE]);
	in->at = value(f, wd_slot[WD_AT]);
	in->note = value(f, wd_slot[WD_NOTE]);
}

static void wd_money(long double v, bool sign, char *buf, size_t len)
{
	const struct figure fg = { true, v };
	char m[40];
	fmt_money(&fg, m, sizeof m);
	snprintf(buf, len, "%s%.40s", sign && v > 0 ? "+" : "", m);
}

/* Withdraw form, as the user types: each field typed so far checked (an
 * empty amount waits for the save), and what the sale would realize. */
static void withdraw_preview(const struct app *a, struct form *f)
{
	struct withdraw_input in;
	struct wd_errors e;
	struct event ev;
	struct realized_sale s;
	char err[PE_MSG_MAX], pr[48], c[48];
	wd_input(f, &in);
	int bad = withdraw_check(a, &f->cur, &in, app_clock(), &ev, &e);
	for (int k = 0; k < WD_FIELDS; k++) {
		struct form_field *x = field(f, wd_slot[k]);
		if (x)
			snprintf(x->error, sizeof x->error, "%s", x->le.buf[0] ? e.msg[k] : "");
	}
	f->sale_role = R_DIM;
	f->sale_how[0] = 0;
	if (bad < 0) {
		snprintf(f->sale, sizeof f->sale, "-");
		snprintf(f->sale_how, sizeof f->sale_how, "%s",
		         in.price[0] ? "proceeds - the cost of the units sold"
		                     : "no price: a transfer out, realizes nothing");
		return;
	}
	int g = withdraw_sale(a, &f->cur, &ev, &s, err, sizeof err);
	if (g > 0) {
		snprintf(f->sale, sizeof f->sale, "nothing");
		snprintf(f->sale_how, sizeof f->sale_how, "no price: a transfer out, realizes nothing");
		return;
	}
	if (g < 0) {
		snprintf(f->sale, sizeof f->sale, "-");
		text_copy_clean(f->sale_how, sizeof f->sale_how, err);
		f->sale_role = R_ERROR;
		return;
	}
	wd_money(s.proceeds, false, pr, sizeof pr);
	if (!s.has) {
		snprintf(f->sale, sizeof f->sale, "unknown");
		snprintf(f->sale_how, sizeof f->sale_how, "proceeds %s; some units sold had no cost",
		         pr);
		f->sale_role = R_STALE;
		return;
	}
	wd_money(s.result, true, f->sale, sizeof f->sale);
	wd_money(s.cost, false, c, sizeof c);
	snprintf(f->sale_how, sizeof f->sale_how, "proceeds %s - cost %s (%s lots)", pr, c,
	         lot_method_name(a->cfg.lot_method));
	f->sale_role = s.result < 0 ? R_ERROR : R_FIGURE;
}

/* Withdraw: every field checked as `staketop withdraw` checks it, then
 * the same write (tui/app/withdraw.h). */
static void save_withdraw(struct form_host *u, struct form *f)
{
	struct withdraw_input in;
	struct wd_errors e;
	struct event ev;
	char err[400], q[DEC_STR_MAX], pr[DEC_STR_MAX], sym[SYM_MAX];
	wd_input(f, &in);
	if (withdraw_check(u->app, &f->cur, &in, app_clock(), &ev, &e) < 0) {
		int first = -1;
		for (int k = 0; k < WD_FIELDS; k++) {
			struct form_field *x = field(f, wd_slot[k]);
			snprintf(x->error, sizeof x->error, "%s", e.msg[k]);
			if (e.msg[k][0] && first < 0)
				first = (int)(x - f->f);
		}
		if (first >= 0)
			f->focus = first;
		say(u, R_ERROR, "%s: %s", f->f[f->focus].label, f->f[f->focus].error);
		return;
	}
	if (withdraw_record(u->app, &ev, err, sizeof err) < 0) {
		say(u, R_ERROR, "could not withdraw: %s", err);
		return;
	}
	text_copy_clean(sym, sizeof sym, f->cur.asset);
	dec_format(ev.amount, q, sizeof q);
	dec_format(ev.price, pr, sizeof pr);
	close_form(u);
	u->done.select_position = f->pos_id;
	u->done.reload = true;
	struct realized_sale s;
	char r[48] = "unknown (some units had no cost)";
	if (ev.has_price && withdraw_sale(u->app, &f->cur, &ev, &s, err, sizeof err) == 0 && s.has)
		wd_money(s.result, true, r, sizeof r);
	if (ev.has_price)
		say(u, R_DONE, "sold %s %s from position %lld at %s %s each: realized %s", q, sym,
		    (long long)f->pos_id, pr, f->currency, r);
	else
		say(u, R_DONE, "withdrew %s %s from position %lld (a transfer out)", q, sym,
		    (long long)f->pos_id);
}

/* The row changed under the edit form: show the stored values in the
 * fields the user left alone, keep what was typed, say what changed. */
static void reload_edit(struct form_host *u, struct form *f, const struct position *now)
{
	char was[5][POS_NOTE_MAX], is[5][POS_NOTE_MAX], what[200];
	const enum pe_field pf[5] = { PE_AMOUNT, PE_ACCOUNT, PE_NOTE, PE_OPENED, PE_COST };
	const struct position *v[2] = { &f->cur, now };
	for (int k = 0; k < 2; k++) {
		char (*out)[POS_NOTE_MAX] = k ? is : was;
		dec_format(v[k]->quantity, out[0], sizeof out[0]);
		text_copy_clean(out[1], sizeof out[1], v[k]->account);
		text_copy_clean(out[2], sizeof out[2], v[k]->note);
		text_copy_clean(out[3], sizeof out[3], v[k]->opened);
		edit_cost_text(v[k], out[4], sizeof out[4]);
	}
	for (int i = 0; i < 5; i++) {
		struct form_field *x = field(f, pf[i]);
		if (x && strcmp(x->le.buf, was[i]) == 0)
			lineedit_set(&x->le, is[i]);
	}
	position_diff_describe(position_diff(&f->cur, now), &f->cur, now, what, sizeof what);
	f->cur = *now;
	u->done.reload = true;
	say(u, R_ERROR, "position %lld changed meanwhile (%s): reloaded, not saved",
	    (long long)f->pos_id, what[0] ? what : "rewritten");
}

/* The alert rules form: its fields in the input's order. */
static void save_rules(struct form_host *u, struct form *f)
{
	const struct alert_rules_input in = { f->f[0].le.buf, f->f[1].le.buf, f->f[2].le.buf,
		                              f->f[3].le.buf, f->f[4].le.buf, f->f[5].le.buf,
		                              f->f[6].le.buf };
	char err[320];
	int field_no;
	int r = app_alert_rules_save(u->app, &in, &field_no, err, sizeof err);
	if (r == -1 && field_no >= 0 && field_no < f->n) {
		struct form_field *bad = &f->f[field_no];
		text_copy_clean(bad->error, sizeof bad->error, err);
		f->focus = (int)(bad - f->f);
		return;
	}
	if (r < 0) {
		say(u, R_ERROR, "could not write the rules: %s", err);
		return;
	}
	close_form(u);
	u->done.reload = true;
	say(u, R_DONE, "alert rules saved in the config's [alerts] section");
}

static void save_price(struct form_host *u, struct form *f)
{
	const char *pin = value(f, PE_NOTE);
	struct form_field *bad = NULL;
	char err[320], sym[SYM_MAX];
	if (pin[0] && strcmp(pin, "y") != 0 && strcmp(pin, "n") != 0) {
		bad = field(f, PE_NOTE);
		snprintf(bad->error, sizeof bad->error, "y or empty");
		f->focus = (int)(bad - f->f);
		return;
	}
	const struct price_input in = { value(f, PE_ASSET), value(f, PE_AMOUNT),
		                        value(f, PE_ACCOUNT), value(f, PE_COST),
		                        strcmp(pin, "y") == 0 };
	int r = app_price_set(u->app, &in, app_clock(), sym, err, sizeof err);
	if (r == -1) {
		/* the message names its field: "price: …", "rate: …", "apr: …" */
		bad = strncmp(err, "rate", 4) == 0    ? field(f, PE_ACCOUNT)
		      : strncmp(err, "apr", 3) == 0   ? field(f, PE_COST)
		      : strncmp(err, "price", 5) == 0 || strncmp(err, "give", 4) == 0
		                                      ? field(f, PE_AMOUNT)
		                                      : field(f, PE_ASSET);
		text_copy_clean(bad->error, sizeof bad->error, err);
		f->focus = (int)(bad - f->f);
		return;
	}
	if (r < 0) {
		say(u, R_ERROR, "could not set the price: %s", err);
		return;
	}
	close_form(u);
	u->done.reload = true;
	say(u, R_DONE, "%s: manual price set%s; feeds will not replace it until cleared", sym,
	    in.pinned ? " (pinned)" : "");
}

static void save(struct form_host *u, struct form *f)
{
	struct app *a = u->app;
	struct pe_errors e;
	char err[400];
	int64_t now = app_clock();
	for (int i = 0; i < f->n; i++)
		f->f[i].error[0] = 0;
	if (f->kind == FORM_UNBOND) {
		save_unbond(u, f);
		return;
	}
	if (f->kind == FORM_WITHDRAW) {
		save_withdraw(u, f);
		return;
	}
	if (f->kind == FORM_PRICE) {
		save_price(u, f);
		return;
	}
	if (f->kind == FORM_RULES) {
		save_rules(u, f);
		return;
	}
	if (f->kind == FORM_ADD) {
		const struct position_input in = {
			value(f, PE_ASSET), value(f, PE_AMOUNT), value(f, PE_ACCOUNT),
			value(f, PE_OPENED)[0] ? value(f, PE_OPENED) : NULL, /* optional */
			value(f, PE_COST), value(f, PE_NOTE),
		};
		struct position p;
		int64_t opened_ts;
		if (pe_check_add(&a->cat, &in, now, &p, &opened_ts, &e) < 0) {
			show_errors(u, f, &e);
			return;
		}
		if (pe_add(a, &p, opened_ts, "added in the interface", err, sizeof err) < 0) {
			say(u, R_ERROR, "could not add: %s", err);
			return;
		}
		char q[DEC_STR_MAX], acc[ACCOUNT_MAX];
		dec_format(p.quantity, q, sizeof q);
		text_copy_clean(acc, sizeof acc, p.account);
		close_form(u);
		u->done.select_position = p.id;
		u->done.reload = true;
		say(u, R_DONE, "added position %lld: %s %s (%s)", (long long)p.id, q, p.asset, acc);
		return;
	}
	/* the date and the cost basis are checked only when changed (a position
	 * added without a date keeps none) */
	char cur_opened[sizeof f->cur.opened], cur_cost[DEC_STR_MAX];
	text_copy_clean(cur_opened, sizeof cur_opened, f->cur.opened);
	edit_cost_text(&f->cur, cur_cost, sizeof cur_cost);
	const char *opened = value(f, PE_OPENED), *cost = value(f, PE_COST);
	const struct position_input in = {
		NULL, value(f, PE_AMOUNT), value(f, PE_ACCOUNT),
		strcmp(opened, cur_opened) ? opened : NULL, strcmp(cost, cur_cost) ? cost : NULL,
		value(f, PE_NOTE),
	};
	struct position p;
	dec_t want;
	if (pe_check_edit(&a->cat, &f->cur, &in, now, &p, &want, &e) < 0) {
		show_errors(u, f, &e);
		return;
	}
	struct position stored;
	int w = pe_edit(a, &f->cur, &p, want, now, "edited in the interface", &stored, err,
	                sizeof err);
	if (w < 0) {
		say(u, R_ERROR, "could not save: %s", err);
		return;
	}
	if (w == 1) {
		reload_edit(u, f, &stored);
		return;
	}
	int64_t id = p.id;
	close_form(u);
	u->done.reload = true;
	say(u, R_DONE, "updated position %lld", (long long)id);
}

/* Left/Right in the asset field: step through the catalog. */
static void pick(struct form *f, int dir)
{
	struct form_field *x = &f->f[f->focus];
	if (x->pe != PE_ASSET || x->readonly || f->cat->n == 0 || f->kind == FORM_RULES)
		return;
	int i = catalog_index(f->cat, x->le.buf);
	if (i < 0)
		i = dir > 0 ? -1 : 0;
	i = (int)((i + dir + (int)f->cat->n) % (int)f->cat->n);
	char sym[SYM_MAX];
	text_copy_clean(sym, sizeof sym, f->cat->assets[i].symbol);
	lineedit_set(&x->le, sym);
	x->error[0] = 0;
}

static void move_focus(struct form *f, int dir)
{
	for (int k = 0; k < f->n; k++) {
		f->focus = (f->focus + dir + f->n) % f->n;
		if (!f->f[f->focus].readonly)
			return;
	}
}

static void field_key(struct form_host *u, struct form *f, enum action a, int key)
{
	struct form_field *x = &f->f[f->focus];
	switch (a) {
	case ACT_FORM_SAVE: save(u, f); return;
	case ACT_FORM_CANCEL:
		close_form(u);
		say(u, R_NORMAL, "nothing saved");
		return;
	case ACT_FORM_NEXT: move_focus(f, 1); return;
	case ACT_FORM_PREV: move_focus(f, -1); return;
	case ACT_FORM_PICK_NEXT: pick(f, 1); return;
	case ACT_FORM_PICK_PREV: pick(f, -1); return;
	case ACT_ERASE:
		if (!x->readonly)
			lineedit_erase(&x->le);
		x->error[0] = 0;
		return;
	case ACT_CLEAR_LINE:
		if (!x->readonly)
			lineedit_set(&x->le, "");
		x->error[0] = 0;
		return;
	case ACT_REDRAW: clearok(curscr, TRUE); return;
	default: break;
	}
	if (a == ACT_NONE && !x->readonly && key < KC(0) && lineedit_insert(&x->le, key))
		x->error[0] = 0;
}

void form_key(struct form_host *u, enum action a, int key)
{
	if (!u->form)
		return;
	field_key(u, u->form, a, key);
	/* saving closes the form: the loop then frees it */
	if (!u->done.close && u->form->kind == FORM_UNBOND)
		unbond_preview(u->app, u->form);
	/* after a key that typed or erased (a failed save keeps its messages) */
	if (!u->done.close && u->form->kind == FORM_WITHDRAW && a != ACT_FORM_SAVE)
		withdraw_preview(u->app, u->form);
}

/* --- drawing ---------------------------------------------------------------- */

/* The unbond form has more lines: when, and by which rule; the withdraw
 * form what the sale realizes. */
static struct rect form_rect(const struct form *f, const struct layout *l)
{
	return layout_centered(l, f->n * 2 + 4 + (f->kind == FORM_UNBOND     ? 5
	                                          : f->kind == FORM_WITHDRAW ? 3
	                                                                     : 0), 78);
}

static void preview_draw(const struct form *f, const struct rect *b)
{
	const int y = b->y + 1 + f->n * 2 + 1, fx = b->x + 15, fw = b->w - 17;
	draw_cell(y, b->x + 2, 12, "Claimable", R_LABEL, AL_LEFT);
	draw_cell(y, fx, fw, f->eta, f->eta_ok ? R_FIGURE : R_DIM, AL_LEFT);
	/* the rule whole: up to three lines (UNBOND_BASIS_MAX at 80 columns) */
	const int n = draw_wrap_count(f->basis, fw);
	for (int k = 0; k < n && k < 3; k++)
		draw_wrap_put(y + 1 + k, fx, fw, k, f->basis, R_DIM);
}

/* Catalog symbols containing what is typed, for the asset field's hint. */
static void asset_matches(const struct form *f, const char *typed, char *buf, size_t len)
{
	size_t o = 0;
	int shown = 0;
	buf[0] = 0;
	size_t tl = strlen(typed);
	for (size_t i = 0; i < f->cat->n && o + 2 < len; i++) {
		const char *s = f->cat->assets[i].symbol;
		bool m = tl == 0;
		for (const char *p = s; !m && *p; p++)
			m = strncasecmp(p, typed, tl) == 0;
		if (!m)
			continue;
		char sym[SYM_MAX];
		text_copy_clean(sym, sizeof sym, s);
		int w = snprintf(buf + o, len - o, "%s%s", shown++ ? " " : "", sym);
		if (w < 0 || (size_t)w >= len - o)
			break;
		o += (size_t)w;
	}
	if (!shown)
		snprintf(buf, len, "no catalog symbol contains '%.24s'", typed);
}

void form_draw(const struct form *f, const struct layout *l)
{
	const struct rect b = form_rect(f, l);
	draw_box(&b, f->title);
	const int lx = b.x + 2, fx = b.x + 15, fw = b.w - 17;
	for (int i = 0; i < f->n; i++) {
		const struct form_field *x = &f->f[i];
		const int y = b.y + 1 + i * 2;
		bool focus = i == f->focus;
		draw_cell(y, lx, 12, x->label, focus ? R_FIGURE : R_LABEL, AL_LEFT);
		if (x->readonly) {
			draw_cell(y, fx, fw, x->le.buf, R_DIM, AL_LEFT);
		} else {
			/* the end of a long value stays in view */
			const char *s = x->le.buf;
			while (draw_width(s) > fw - 1 && *s)
				s++;
			draw_cell(y, fx, fw, s, R_INPUT, AL_LEFT);
		}
		char hint[256];
		enum role hr = R_DIM;
		if (x->error[0]) {
			snprintf(hint, sizeof hint, "%s", x->error);
			hr = R_ERROR;
		} else if (focus && x->pe == PE_ASSET && !x->readonly) {
			asset_matches(f, x->le.buf, hint, sizeof hint);
		} else if (x->pe == PE_COST && x->hint) {
			snprintf(hint, sizeof hint, "optional, in %s", f->currency);
		} else {
			snprintf(hint, sizeof hint, "%s", x->hint ? x->hint : "");
		}
		draw_cell(y + 1, fx, fw, hint, hr, AL_LEFT);
	}
	if (f->kind == FORM_UNBOND)
		preview_draw(f, &b);
	if (f->kind == FORM_WITHDRAW) {
		const int y = b.y + 2 + f->n * 2;
		draw_cell(y, lx, 12, "Realized", R_LABEL, AL_LEFT);
		draw_cell(y, fx, fw, f->sale, f->sale_role, AL_LEFT);
		draw_cell(y + 1, fx, fw, f->sale_how, R_DIM, AL_LEFT);
	}
	char keys[160];
	snprintf(keys, sizeof keys, "Enter save %s Tab/Down next field %s Esc cancel",
	         theme_glyphs()->dot, theme_glyphs()->dot);
	draw_cell(b.y + b.h - 2, b.x + 2, b.w - 4, keys, R_DIM, AL_LEFT);
}

void form_cursor(const struct form *f, const struct layout *l, int *y, int *x)
{
	const struct rect b = form_rect(f, l);
	const struct form_field *fld = &f->f[f->focus];
	const int fw = b.w - 17;
	int w = draw_width(fld->le.buf);
	*y = b.y + 1 + f->focus * 2;
	*x = b.x + 15 + (w < fw - 1 ? w : fw - 1);
}

/* --- confirmation ------------------------------------------------------------ */

void form_confirm_open(struct confirm *c, const struct app *a, size_t idx)
{
	const struct position *p = &a->positions.v[idx];
	char q[DEC_STR_MAX], acc[ACCOUNT_MAX], sym[SYM_MAX];
	dec_format(p->quantity, q, sizeof q);
	text_copy_clean(acc, sizeof acc, p->account);
	text_copy_clean(sym, sizeof sym, p->asset);
	c->kind = CONFIRM_POSITION;
	c->id = p->id;
	snprintf(c->text, sizeof c->text,
	         "Remove position %lld (%s %s, %s) with its events and unbondings?",
	         (long long)p->id, q, sym, acc);
}

void form_confirm_key(struct form_host *u, enum action a)
{
	char err[400];
	if (a == ACT_CONFIRM_NO) {
		close_form(u);
		say(u, R_NORMAL, "kept position %lld", (long long)u->confirm->id);
		return;
	}
	if (a != ACT_CONFIRM_YES)
		return;
	close_form(u);
	if (pe_remove(u->app, u->confirm->id, err, sizeof err) < 0) {
		say(u, R_ERROR, "could not remove: %s", err);
		return;
	}
	u->done.leave_detail = true;
	u->done.reload = true;
	say(u, R_DONE, "removed position %lld", (long long)u->confirm->id);
}

void form_confirm_draw(const struct confirm *c, const struct layout *l)
{
	const struct rect b = layout_centered(l, 7, 76);
	const int w = b.w - 4;
	char first[sizeof c->text];
	const char *rest = "";
	draw_box(&b, "Confirm");
	/* two lines, broken at the last space that fits */
	snprintf(first, sizeof first, "%s", c->text);
	if (draw_width(first) > w) {
		char *cut = NULL;
		for (char *p = first; *p; p++)
			if (*p == ' ') {
				*p = 0;
				bool fits = draw_width(first) <= w;
				*p = ' ';
				if (!fits)
					break;
				cut = p;
			}
		if (cut) {
			*cut = 0;
			rest = c->text + (cut - first) + 1;
		}
	}
	draw_cell(b.y + 2, b.x + 2, w, first, R_FIGURE, AL_LEFT);
	draw_cell(b.y + 3, b.x + 2, w, rest, R_FIGURE, AL_LEFT);
	draw_cell(b.y + 4, b.x + 2, w, "y removes it; n, Esc or Enter keeps it.", R_DIM, AL_LEFT);
}
