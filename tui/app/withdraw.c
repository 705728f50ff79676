/* withdraw.c — withdraws and sales typed by the user: checked, recorded,
 * and what they realize. */
#include "tui/app/withdraw.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/events_db.h"
#include "data/positions_db.h"
#include "positions/text.h"
#include "tui/app/unbond_ops.h"

static void fail(struct wd_errors *e, enum wd_field f, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void fail(struct wd_errors *e, enum wd_field f, const char *fmt, ...)
{
	va_list ap;
	if (e->msg[f][0])
		return;
	va_start(ap, fmt);
	vsnprintf(e->msg[f], sizeof e->msg[f], fmt, ap);
	va_end(ap);
	text_sanitize(e->msg[f]);
	e->n++;
}

static bool given(const char *s)
{
	return s && s[0];
}

int withdraw_check(const struct app *a, const struct position *p,
                   const struct withdraw_input *in, int64_t now, struct event *ev,
                   struct wd_errors *e)
{
	const struct asset *as = catalog_find(&a->cat, p->asset);
	const unsigned decimals = as ? as->decimals : DEC_FRAC_DIGITS;
	char why[PE_MSG_MAX];
	memset(e, 0, sizeof *e);
	memset(ev, 0, sizeof *ev);
	ev->type = EVENT_WITHDRAW;
	ev->position_id = p->id;
	ev->has_amount = true;
	if (!given(in->amount)) {
		fail(e, WD_AMOUNT, "how much leaves the position?");
	} else if (text_is_unsafe(in->amount)) {
		fail(e, WD_AMOUNT, "has control characters or invalid UTF-8");
	} else if (dec_parse(in->amount, decimals, &ev->amount, why, sizeof why) < 0) {
		fail(e, WD_AMOUNT, "%s", why);
	} else if (dec_is_zero(ev->amount)) {
		fail(e, WD_AMOUNT, "must be more than 0");
	} else if (dec_cmp(ev->amount, p->quantity) > 0) {
		char h[DEC_STR_MAX];
		dec_format(p->quantity, h, sizeof h);
		fail(e, WD_AMOUNT, "more than position %" PRId64 " holds (%s)", p->id, h);
	}
	if (given(in->price)) {
		if (text_is_unsafe(in->price))
			fail(e, WD_PRICE, "has control characters or invalid UTF-8");
		else if (dec_parse(in->price, DEC_FRAC_DIGITS, &ev->price, why, sizeof why) < 0)
			fail(e, WD_PRICE, "%s", why);
		else
			ev->has_price = true;
	}
	ev->ts = now;
	if (given(in->at) && text_is_unsafe(in->at))
		fail(e, WD_AT, "has control characters or invalid UTF-8");
	else if (unbond_parse_time(in->at, now, &ev->ts, why, sizeof why) < 0)
		fail(e, WD_AT, "%s", why);
	const char *note = given(in->note) ? in->note : ev->has_price ? "sold" : "withdrawn";
	if (text_is_unsafe(note))
		fail(e, WD_NOTE, "has control characters or invalid UTF-8");
	else if (strlen(note) >= sizeof ev->note)
		fail(e, WD_NOTE, "longer than %zu bytes", sizeof ev->note - 1);
	else
		snprintf(ev->note, sizeof ev->note, "%s", note);
	return e->n ? -1 : 0;
}

int withdraw_record(struct app *a, struct event *ev, char *err, size_t errlen)
{
	/* a chain position's withdrawals are read from the chain: one typed
	 * here would be counted again when the chain shows it */
	struct position p;
	int g = store_position_get(a->store, ev->position_id, &p, err, errlen);
	if (g < 0)
		return -1;
	if (g > 0) {
		snprintf(err, errlen, "no position %" PRId64, ev->position_id);
		return -1;
	}
	if (p.origin == ORIGIN_CHAIN) {
		snprintf(err, errlen, "position %" PRId64 " is read from the chain (%s): its"
		         " withdrawals are read from there at each refresh", ev->position_id,
		         p.account);
		text_sanitize(err);
		return -1;
	}
	return store_event_add(a->store, ev, err, errlen);
}

int withdraw_sale(const struct app *a, const struct position *p, const struct event *ev,
                  struct realized_sale *out, char *err, size_t errlen)
{
	struct event *v = NULL;
	size_t n = 0;
	const int64_t want = ev->id > 0 ? ev->id : INT64_MAX;
	if (!ev->has_price)
		return 1;
	if (store_events_list(a->store, p->id, &v, &n, err, errlen) < 0)
		return -1;
	if (ev->id <= 0) {
		/* as if recorded now: after every event at or before its time */
		struct event *w = realloc(v, (n + 1) * sizeof *w);
		if (!w) {
			free(v);
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		v = w;
		size_t k = 0;
		while (k < n && v[k].ts <= ev->ts)
			k++;
		memmove(v + k + 1, v + k, (n - k) * sizeof *v);
		v[k] = *ev;
		v[k].id = want;
		v[k].removed = false;
		n++;
	}
	struct lots l;
	int rc = lots_build(v, n, p, a->cfg.lot_method, &l, err, errlen);
	free(v);
	if (rc < 0) {
		if (ev->id <= 0)
			snprintf(err, errlen, "the position held less than that then");
		return -1;
	}
	rc = -1;
	for (size_t i = 0; i < l.n_out; i++)
		if (l.out[i].event_id == want) {
			realized_sale(&l.out[i], out);
			rc = 0;
		}
	if (rc < 0)
		snprintf(err, errlen, "event %" PRId64 " is not in the log", ev->id);
	lots_free(&l);
	return rc;
}
