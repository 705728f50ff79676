/* pnl.h — a position's profit and loss against its cost basis, and the
 * split of it into rewards and price.
 *
 * Pure: lots (positions/lots.h), the position's valuation and the exchange
 * rate at each lot's opening in; figures out. Nothing allocates.
 *
 *   cost      = Σ cost of the lots still held
 *   value     = the valuation's NAV (quantity now × rate now × price now)
 *   pnl       = value − cost;  pnl_pct = pnl ÷ cost × 100
 *   apy       = (value ÷ cost)^(365 ÷ days) − 1, days since the oldest lot
 *               still held (absent under one day)
 *   underlying_open = Σ units of each lot held × its rate at opening
 *               (a reward lot counts 0: it was not paid for)
 *   underlying_now  = the valuation's underlying quantity (a rebasing
 *               token's grown balance included)
 *   reward_units = underlying_now − underlying_open
 *   rewards   = reward_units × price of the underlying now
 *   price     = pnl − rewards
 *
 * A position has no P&L when any lot it still holds has no cost ("no cost
 * basis" when none has one, "N of M lots have no price" otherwise), when
 * every lot it had is emptied ("nothing held": its sales' result is
 * positions/realized.h's) or when it has no NAV ("no value"). The split is absent (split_missing says why)
 * when a lot's rate at opening is unknown. */
#ifndef STAKETOP_PNL_H
#define STAKETOP_PNL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "positions/lots.h"
#include "positions/valuation.h"

/* The exchange rate (underlying per token, down the whole chain) when a
 * lot was opened, from the recorded observations: has = false when none. */
struct lot_rate {
	bool has;
	long double rate;
};

struct pnl {
	bool has;
	const char *missing;          /* static text when !has */
	size_t n_lots, n_lots_no_cost;/* lots still held; of them without a cost */
	long double cost, value, pnl, pnl_pct;
	bool has_apy;
	long double apy, days;
	bool has_split;
	const char *split_missing;    /* static text when !has_split */
	long double underlying_open, underlying_now, reward_units,
		price_underlying, rewards, price;
};

/* rates[i] is for l->v[i] (may be NULL: no rate known). */
void pnl_compute(const struct lots *l, const struct lot_rate *rates,
                 const struct valuation *v, int64_t now, struct pnl *out);

/* Totals over rows with a P&L: n_covered of n_rows. */
struct pnl_totals {
	size_t n_rows, n_covered;
	long double cost, value, pnl;
	bool has_pct;
	long double pnl_pct;
};
void pnl_totals(const struct pnl *rows, size_t n, struct pnl_totals *t);

#endif
