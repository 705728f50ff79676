/* lots.h — the lots a position's event log makes, for its cost basis.
 *
 * Pure: no I/O, no clock, no curses. Events in, lots out; the caller owns
 * the lots (lots_free).
 *
 * Events are read in log order (ts, then id), removed ones skipped:
 *   stake, deposit   a new lot of its amount. Its cost is amount × the
 *                    event's own price when it has one; the position's
 *                    first lot without a price takes the position's
 *                    cost_basis (the figure `add --cost-basis` records, for
 *                    the opening quantity); any other lot has no cost.
 *   adjust > 0       a lot of units gained at no cost (reward = true): a
 *                    validator's rewards written into the log.
 *   withdraw, unbond,
 *   adjust < 0       units leave the lots: first-in-first-out (LOT_FIFO,
 *                    the oldest lot first) or at average cost (LOT_AVERAGE,
 *                    every lot by the same fraction). A lot's remaining
 *                    cost is its cost × remaining units ÷ its units.
 *   claim            nothing (the unbond already took the units out).
 *
 * Every event that takes units out is also listed in out[] (log order):
 * the units, the cost that left with them and whether every unit taken
 * came from a lot with a cost, and for a withdraw with a price (the price
 * received per unit: a sale) that price. positions/realized.h makes the
 * realized P&L of those sales.
 */
#ifndef STAKETOP_LOTS_H
#define STAKETOP_LOTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "positions/decimal.h"
#include "positions/position.h"
#include "positions/unbonding.h"

enum lot_method { LOT_FIFO, LOT_AVERAGE };

struct lot {
	int64_t event_id, ts;
	bool reward;              /* an adjust up: units gained at no cost */
	dec_t units_in;           /* units the event brought */
	dec_t units;              /* of those, still held */
	bool has_cost;
	long double cost_in;      /* display currency, paid for units_in */
	long double cost;         /* the part of cost_in for the units held */
};

/* What one withdraw, unbond or adjust down took out of the lots. */
struct lot_out {
	int64_t event_id, ts;
	enum event_type type;
	dec_t units;
	bool has_price;           /* a withdraw with the price received: a sale */
	dec_t price;              /* per unit, in the display currency */
	bool all_cost;            /* every unit taken came from a lot with a cost */
	long double cost;         /* the cost that left (of the lots with one) */
};

struct lots {
	struct lot *v;
	size_t n, cap;
	dec_t units_out;          /* taken out by withdraw, unbond, adjust down */
	long double cost_out;     /* the cost that left with them (lots with one) */
	struct lot_out *out;      /* each of those events, log order */
	size_t n_out, cap_out;
};

/* "fifo" or "average"; parse: 0 or -1. */
const char *lot_method_name(enum lot_method m);
int lot_method_parse(const char *s, enum lot_method *out);

/* Build the lots of position p from its events ev[0..n) (one position's,
 * log order). 0, or -1 with err ("out of memory", "unbond 5 at event 9
 * exceeds the 3 units held"); *out is then empty. */
int lots_build(const struct event *ev, size_t n, const struct position *p,
               enum lot_method m, struct lots *out, char *err, size_t errlen);
void lots_free(struct lots *l);

#endif
