/* history.h — the portfolio's past, computed from what is recorded: a date
 * grid, the units held at each date (from events), the newest price and
 * rate at or before each date (so backfilled prices count), and from them
 * NAV, market value, premium and the split of each change in NAV; plus the
 * yield a token actually delivered, measured from its own exchange rate.
 * Pure: no I/O. The data layer (data/history_db.h) fills the inputs.
 *
 * Per line (an asset, held as tokens or as rebasing shares) at date i:
 *   r_i  = product of the rates down the chain (× the share rate for shares)
 *   p_i  = price of the underlying;  U_i = units held
 *   NAV_i = U_i × r_i × p_i;  market value = U_i × market price per unit
 * Between dates a and b the change in NAV splits exactly into
 *   rewards = U_a × (r_b − r_a) × p_b   growth in the underlying, at the end price
 *   price   = U_a × r_a × (p_b − p_a)   the rest of the change on what was held
 *   flows   = (U_b − U_a) × r_b × p_b   deposits and withdrawals, at the end
 * (rewards + price + flows = NAV_b − NAV_a). A line valued at b but not at
 * a counts whole as a flow (+NAV_b), and the reverse (−NAV_a), so the three
 * always sum to the change of the total.
 *
 * Ownership: every array a function allocates belongs to the caller
 * (free(), or the _free function named). */
#ifndef STAKETOP_HISTORY_H
#define STAKETOP_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "positions/asset.h"
#include "positions/unbonding.h"

enum hist_step { HIST_HOUR, HIST_DAY, HIST_WEEK, HIST_MONTH };

/* "1h", "1d", "1w", "1mo": 0, or -1. */
int hist_step_parse(const char *s, enum hist_step *out);

/* The grid: the last second of every period (hour; UTC day; ISO week,
 * Monday to Sunday; calendar month) from the one holding from to the one
 * holding to, the last clipped to to — so a 1mo grid holds month-end
 * values. *out is malloc'd (NULL when n is 0). -1 when to < from, when it
 * would exceed max_points, or out of memory. */
int hist_grid(int64_t from, int64_t to, enum hist_step step, size_t max_points,
              int64_t **out, size_t *n);

/* A change in the units of one holding. */
struct hist_event {
	int64_t ts;
	long double delta;
};

/* One position as history sees it. */
struct hist_holding {
	int64_t position_id;
	const struct asset *asset;      /* in the catalog */
	bool shares;                    /* rebasing, held as protocol shares */
	struct hist_event *ev;          /* ascending ts; owned (hist_holdings_free) */
	size_t n_ev;
};

/* The deltas a position's events make (removed ones and claims skipped):
 * stake, deposit, adjust add; withdraw and unbond subtract; each × scale
 * (shares per token for a rebasing position held as shares, else 1).
 * Sorted by ts. 0, or -1 (out of memory). */
int hist_events_from(const struct event *ev, size_t n, long double scale,
                     struct hist_event **out, size_t *n_out);
void hist_holdings_free(struct hist_holding *h, size_t n);

/* Prices and rates sampled on the grid: for catalog asset a, kind k
 * (HIST_PRICE or HIST_RATE) and date i, the newest observation at or before
 * t[i]. */
enum { HIST_PRICE, HIST_RATE, HIST_KINDS };
struct hist_samples {
	size_t n_assets, n_t;
	double *v;                      /* [(a * HIST_KINDS + k) * n_t + i] */
	unsigned char *has;
};
int hist_samples_init(struct hist_samples *s, size_t n_assets, size_t n_t);
void hist_samples_free(struct hist_samples *s);
static inline size_t hist_at(const struct hist_samples *s, size_t a, int k, size_t i)
{
	return (a * HIST_KINDS + (size_t)k) * s->n_t + i;
}

/* Which series the holdings need: need[a * HIST_KINDS + k] set true for
 * every asset and kind some holding's valuation reads. need holds
 * cat->n * HIST_KINDS entries, cleared by the caller. */
void hist_needed(const struct catalog *cat, const struct hist_holding *h, size_t n,
                 bool *need);

struct hist_fig {
	bool has;
	long double v;
};

struct hist_row {
	int64_t t;
	struct hist_fig nav, market_value, premium_bps;
	/* the change in NAV since the previous row (0 on the first) */
	long double rewards, price, flows;
	size_t n_held, n_unvalued;      /* lines held at t; of them without NAV */
};

/* rows[0..n_t) for the grid t with holdings h and samples s. A total counts
 * the lines that have the figure; premium over the lines with both NAV and
 * market value; with nothing held NAV and market value are 0. 0, or -1
 * (out of memory). */
int hist_compute(const struct catalog *cat, const struct hist_holding *h, size_t n_h,
                 const int64_t *t, size_t n_t, const struct hist_samples *s,
                 struct hist_row *rows);

/* rewards, price and flows summed over rows (1..n): the split of
 * NAV(last) − NAV(first). */
void hist_split_total(const struct hist_row *rows, size_t n, long double *rewards,
                      long double *price, long double *flows);

/* The yield delivered between two exchange rates of one token:
 * APY = (r_now / r_then)^(365 / d) − 1, APR = (r_now / r_then − 1) × 365 / d,
 * d = (t_now − t_then) / 86 400. has is false unless both rates are > 0 and
 * t_now > t_then. */
struct hist_realized {
	bool has;
	double apy, apr, days;
};
void hist_realized(double r_then, int64_t t_then, double r_now, int64_t t_now,
                   struct hist_realized *out);

/* The asset whose rate measures a token's yield: its own rate for a
 * reward-bearing token (protocol rate), the share-rate asset for a rebasing
 * one; NULL when it has none (native coins, RATE_NONE). */
const struct asset *hist_yield_rate_asset(const struct catalog *cat, const struct asset *a);

#endif
