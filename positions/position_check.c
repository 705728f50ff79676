/* position_check.c — the rules for a position a user typed (no I/O). */
#include "positions/position_check.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "positions/text.h"
#include "positions/timeutil.h"

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

int pe_check_edit(const struct catalog *cat, const struct position *cur,
                  const struct position_input *in, int64_t now, struct position *out,
                  dec_t *want, struct pe_errors *e)
{
	char why[160];
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
	if (in->opened) {
		int64_t ts;
		if (date_parse_opening(in->opened, now, &ts, why, sizeof why) < 0)
			fail(e, PE_OPENED, "%s", why);
		else
			snprintf(out->opened, sizeof out->opened, "%s", in->opened);
	}
	if (in->cost_basis) {
		if (!in->cost_basis[0]) {
			out->has_cost_basis = false;
			memset(&out->cost_basis, 0, sizeof out->cost_basis);
		} else if (dec_parse(in->cost_basis, 18, &out->cost_basis, why, sizeof why) < 0) {
			fail(e, PE_COST, "%s", why);
		} else {
			out->has_cost_basis = true;
		}
	}
	if (in->note) {
		check_text(e, PE_NOTE, in->note, POS_NOTE_MAX);
		snprintf(out->note, sizeof out->note, "%s", in->note);
	}
	return e->n ? -1 : 0;
}
