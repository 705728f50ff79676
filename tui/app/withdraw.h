/* withdraw.h — a withdraw or sale the user records, shared by `staketop
 * withdraw` (tui/cli/cmd_withdraw.c) and the withdraw form (w): what was
 * typed checked field by field (nothing written), the event recorded
 * through data/events_db.h, and what the sale realizes (positions/
 * realized.h) by the configured lot method.
 *
 * A withdraw with a price is a sale: the price received per unit, in the
 * display currency. Without one it is a transfer out and realizes nothing.
 * A position read from a chain is refused: its withdrawals are read from
 * the chain at each refresh. */
#ifndef STAKETOP_APP_WITHDRAW_H
#define STAKETOP_APP_WITHDRAW_H

#include <stddef.h>
#include <stdint.h>

#include "positions/position.h"
#include "positions/position_check.h"
#include "positions/realized.h"
#include "positions/unbonding.h"
#include "tui/app/app.h"

enum wd_field { WD_AMOUNT, WD_PRICE, WD_AT, WD_NOTE, WD_FIELDS };

/* What was typed; NULL or "" is not given (price: a transfer out; at:
 * now; note: "sold" with a price, else "withdrawn"). */
struct withdraw_input {
	const char *amount, *price, *at, *note;
};

struct wd_errors {
	char msg[WD_FIELDS][PE_MSG_MAX];  /* "" when the field is fine */
	int n;                            /* fields with an error */
};

/* Check in for a withdraw from p at now: the amount a plain decimal with
 * at most the asset's decimals, above 0 and at most what p holds; the
 * price a plain decimal; the time ISO-8601 or a date, not in the future;
 * the note printable and short enough. Fills *ev (type withdraw, position,
 * amount, price, ts, note). 0, or -1 with the reasons in e (sanitized). */
int withdraw_check(const struct app *a, const struct position *p,
                   const struct withdraw_input *in, int64_t now, struct event *ev,
                   struct wd_errors *e);

/* Record ev (checked) as a 'withdraw' event; sets ev->id. Refuses a
 * chain position ("position 8 is read from the chain (hub): ..."), and
 * what the store refuses (more than held, then or now). 0, or -1 with err. */
int withdraw_record(struct app *a, struct event *ev, char *err, size_t errlen);

/* The sale ev on position p, by a's lot method: when ev->id > 0 the event
 * as recorded, else as if it were recorded now (the form's preview).
 * 0 with *out; 1 when ev is no sale (no price); -1 with err (the log does
 * not hold the units at its time, or the store could not be read). */
int withdraw_sale(const struct app *a, const struct position *p, const struct event *ev,
                  struct realized_sale *out, char *err, size_t errlen);

#endif
