/* position_edit.c — the rules and writes for a position a user typed. */
#include "tui/app/position_edit.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "data/events_db.h"
#include "data/positions_db.h"
#include "positions/text.h"
#include "positions/timeutil.h"
#include "positions/unbonding.h"

static void fail(struct pe_errors *e, enum pe_field f, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void fail(struct pe_errors *e, enum pe_field f, const char *fmt, ...)
{
	va_list ap;
	if (e->msg[f][0])
		return;
	va_start(ap, fmt);
	vsnprintf(e->msg[f], sizeof e->msg[f], fmt, ap);
	va_end(ap);
	text_sanitize(e->msg[f]);
	e->n++;
	if (e->first < 0 || (int)f < e->first)
		e->first = (int)f;
}

static void errors_init(struct pe_errors *e)
{
	memset(e, 0, sizeof *e);
	e->first = -1;
}

/* Text we store and later print: bounded, no control characters. */
static void check_text(struct pe_errors *e, enum pe_field f, const char *s, size_t max)
{
	if (strlen(s) >= max)
		fail(e, f, "longer than %zu bytes", max - 1);
	else if (text_is_unsafe(s))
		fail(e, f, "has control characters or invalid UTF-8");
}

static void check_amount(struct pe_errors *e, const struct asset *as, const char *s, dec_t *out)
{
	char why[160];
	if (dec_parse(s, as->decimals, out, why, sizeof why) < 0)
		fail(e, PE_AMOUNT, "%s (%s has %u decimals)", why, as->symbol, as->decimals);
	else if (dec_is_zero(*out))
		fail(e, PE_AMOUNT, "must be more than 0");
}

int pe_check_add(const struct catalog *cat, const struct position_input *in, int64_t now,
                 struct position *out, int64_t *opened_ts, struct pe_errors *e)
{
	const char *account = in->account ? in->account : "default";
	const char *note = in->note ? in->note : "";
	char why[160];
	errors_init(e);
	memset(out, 0, sizeof *out);
	*opened_ts = now;

	const struct asset *as = NULL;
	if (!in->asset || !in->asset[0])
		fail(e, PE_ASSET, "give an asset symbol (the catalog: staketop assets)");
	else if (!(as = catalog_find(cat, in->asset)))
		fail(e, PE_ASSET, "no asset '%.24s' in the catalog", in->asset);
	if (!in->amount || !in->amount[0])
		fail(e, PE_AMOUNT, "give an amount, e.g. 1.5");
	else if (as)
		check_amount(e, as, in->amount, &out->quantity);
	check_text(e, PE_ACCOUNT, account, ACCOUNT_MAX);
	if (!account[0])
		fail(e, PE_ACCOUNT, "account is empty");
	if (in->opened) {
		if (date_parse_opening(in->opened, now, opened_ts, why, sizeof why) < 0)
			fail(e, PE_OPENED, "%s", why);
		else
			snprintf(out->opened, sizeof out->opened, "%s", in->opened);
	}
	if (in->cost_basis && in->cost_basis[0]) {
		if (dec_parse(in->cost_basis, 18, &out->cost_basis, why, sizeof why) < 0)
			fail(e, PE_COST, "%s", why);
		else
			out->has_cost_basis = true;
	}
	check_text(e, PE_NOTE, note, POS_NOTE_MAX);
	if (e->n)
		return -1;
	snprintf(out->asset, sizeof out->asset, "%s", as->symbol);
	snprintf(out->account, sizeof out->account, "%s", account);
	snprintf(out->note, sizeof out->note, "%s", note);
	return 0;
}

/* For a rebasing token, the shares its balance stands for at the current
 * share rate (when one is known). */
static void set_shares(const struct app *a, struct position *p)
{
	const struct asset *as = catalog_find(&a->cat, p->asset);
	p->has_shares = false;
	if (!as || as->model != MODEL_REBASING || !a->market_ready)
		return;
	struct ratio r;
	/* no rate yet: pending, converted at the first rate seen (app_load) */
	if (quote_ratio(market_get(&a->market, as->share_rate_from, OBS_RATE), &r) == 0)
		(void)position_set_shares(p, r);
}

static int finish(struct app *a, int ok, char *err, size_t errlen)
{
	char e2[256];
	if (ok == 0 && store_commit(a->store, err, errlen) == 0)
		return 0;
	store_rollback(a->store, e2, sizeof e2);
	return -1;
}

int pe_add(struct app *a, struct position *p, int64_t opened_ts, const char *event_note,
           char *err, size_t errlen)
{
	if (!p->created_at)
		p->created_at = a->now;     /* the app's clock (STAKETOP_NOW in tests) */
	set_shares(a, p);
	struct event ev = { .type = EVENT_STAKE, .has_amount = true, .amount = p->quantity,
		            .ts = opened_ts };
	snprintf(ev.note, sizeof ev.note, "%s", event_note ? event_note : "");
	int ok = store_begin(a->store, err, errlen);
	if (ok == 0)
		ok = store_position_add(a->store, p, err, errlen);
	ev.position_id = p->id;
	if (ok == 0)
		ok = store_event_add(a->store, &ev, err, errlen);
	return finish(a, ok, err, errlen);
}

int pe_check_edit(const struct catalog *cat, const struct position *cur,
                  const struct position_input *in, struct position *out, dec_t *want,
                  struct pe_errors *e)
{
	errors_init(e);
	*out = *cur;
	*want = cur->quantity;
	if (in->amount) {
		const struct asset *as = catalog_find(cat, cur->asset);
		if (!as)
			fail(e, PE_AMOUNT, "asset %.24s is no longer in the catalog", cur->asset);
		else if (!in->amount[0])
			fail(e, PE_AMOUNT, "give an amount, e.g. 1.5");
		else
			check_amount(e, as, in->amount, want);
	}
	if (in->account) {
		check_text(e, PE_ACCOUNT, in->account, ACCOUNT_MAX);
		if (!in->account[0])
			fail(e, PE_ACCOUNT, "account is empty");
		else
			snprintf(out->account, sizeof out->account, "%s", in->account);
	}
	if (in->note) {
		check_text(e, PE_NOTE, in->note, POS_NOTE_MAX);
		snprintf(out->note, sizeof out->note, "%s", in->note);
	}
	return e->n ? -1 : 0;
}

int pe_edit(struct app *a, const struct position *was, const struct position *p, dec_t want,
            int64_t now, const char *event_note, struct position *stored,
            char *err, size_t errlen)
{
	const unsigned fields = position_diff(was, p) & ~(unsigned)POS_F_QUANTITY;
	const bool own = !store_in_transaction(a->store);
	int ok = own ? store_begin(a->store, err, errlen) : 0, r = 0;
	if (ok == 0) {
		r = store_position_patch(a->store, p, fields, was->version, stored, err, errlen);
		ok = r < 0 ? -1 : 0;
	}
	/* the version held: the stored quantity is still was's */
	if (ok == 0 && r == 0 && dec_cmp(want, was->quantity) != 0) {
		struct event ev = { .position_id = p->id, .type = EVENT_ADJUST, .has_amount = true,
			            .ts = now };
		if (dec_sub(want, was->quantity, &ev.amount) < 0) {
			snprintf(err, errlen, "amount out of range");
			ok = -1;
		} else {
			snprintf(ev.note, sizeof ev.note, "%s", event_note ? event_note : "");
			ok = store_event_add(a->store, &ev, err, errlen);
		}
	}
	if (!own)
		return ok < 0 ? -1 : r;
	if (ok == 0 && r == 1) {
		char e2[64];
		store_rollback(a->store, e2, sizeof e2);
		return 1;
	}
	return finish(a, ok, err, errlen);
}

int pe_remove(struct app *a, int64_t id, char *err, size_t errlen)
{
	return store_position_remove(a->store, id, err, errlen);
}
