/* realized.h — realized P&L: what the units that left a position were
 * sold for, against what they cost.
 *
 * Pure: the lots (positions/lots.h) in, figures out; nothing allocates.
 *
 * Each event that took units out (struct lot_out, log order) took them
 * from the lots by the lot method, with their cost. Only a withdraw with
 * a price (the price received per unit, display currency) is a sale:
 *
 *   proceeds = units × price
 *   realized = proceeds − the cost of the units it took
 *
 * known only when every unit it took had a cost (a reward lot's units cost
 * 0); otherwise the sale's result is unknown. An unbond realizes nothing:
 * it moves units toward a claim, it is not a sale. Nor does a withdraw
 * without a price (a transfer out) or an adjust down: their units leave
 * with their cost (cost_other), not for money.
 *
 * A position's realized P&L is the sum over its sales (0 with none); it is
 * unknown ("a sale took units without a cost") when any sale's is, and a
 * position fully sold keeps it. With unrealized P&L (positions/pnl.h):
 *   realized + unrealized = proceeds + value now − (total cost paid −
 *   cost_other)
 * where total cost paid is Σ cost_in of the lots. */
#ifndef STAKETOP_REALIZED_H
#define STAKETOP_REALIZED_H

#include <stdbool.h>
#include <stddef.h>

#include "positions/lots.h"

/* One sale: has = false when a unit it took had no cost (proceeds are
 * still known). */
struct realized_sale {
	bool has;
	long double units, price, proceeds, cost, result;
};
/* o must be a sale (o->has_price). */
void realized_sale(const struct lot_out *o, struct realized_sale *out);

struct realized {
	bool has;
	const char *missing;          /* static text when !has */
	size_t n_sales, n_sales_no_cost;
	long double proceeds;         /* every sale's, known or not */
	long double cost, realized;   /* over the sales (when has) */
	long double cost_other;       /* cost gone without a sale: unbond,
	                                 transfer out, adjust down */
};
void realized_compute(const struct lots *l, struct realized *out);

/* Totals over the rows whose realized P&L is known: n_covered of n_rows. */
struct realized_totals {
	size_t n_rows, n_covered, n_sales;
	long double proceeds, cost, realized;
};
void realized_totals(const struct realized *rows, size_t n, struct realized_totals *t);

#endif
