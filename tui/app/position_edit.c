/* position_edit.c — the rules and writes for a position a user typed. */
#include "tui/app/position_edit.h"

#include <stdio.h>
#include <string.h>

#include "data/events_db.h"
#include "data/positions_db.h"

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

int pe_event_remove(struct app *a, int64_t event_id, const char *note, int64_t now, char *err,
                    size_t errlen)
{
	return store_event_remove(a->store, event_id, note, now, err, errlen);
}

int pe_event_add(struct app *a, struct event *ev, char *err, size_t errlen)
{
	return store_event_add(a->store, ev, err, errlen);
}
