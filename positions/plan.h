/* plan.h — the rebalancing planner: from the valued portfolio (the board's
 * rows, struct valuation from positions/valuation.c) and target weights,
 * the trades that get there, what each exit costs by each route, and the
 * portfolio's weights, blended APY and yearly yield before and after.
 * staketop plans; it never signs or sends anything.
 *
 * Pure: no I/O, no clock (now is passed in). A screen calls plan_compute
 * after each keystroke; the command line calls it once.
 *
 * Targets are by one dimension at a time: kind (native, liquid, restaked),
 * asset symbol, protocol or chain. A held group not named gets target 0.
 * Targets must sum to 100 %; otherwise the plan has no trades and says by
 * how much the sum is off.
 *
 * The arithmetic, with V = the NAV of every valued position (idle coins
 * included) and C_g the NAV of group g's positions (idle ones excluded):
 *   delta_g = target_g × V − C_g
 *   a reduction (delta_g < 0) is spread over the group's positions in
 *   proportion to their NAV; so is an addition (over positions with a NAV;
 *   equally when they all hold 0). Idle coins are never a target: the
 *   additions draw on them first (in proportion to their NAV), and the
 *   reductions fund the rest.
 *   amount (tokens)     = value × quantity / nav          (the row's ratio)
 *   amount (underlying) = value × underlying_qty / nav
 * Every figure is at NAV, in the display currency.
 *
 * Routes of a reduction:
 *   liquid or restaked token: swap now, receive amount × market price ×
 *     (1 − swap_fee), cost = value − receive (negative when the token trades
 *     at a premium above the fee); and redeem through the protocol's queue
 *     at NAV, cost = the yield forgone during the wait,
 *     value × yield_growth(apr, compounding, days), days from
 *     unbond_estimate (positions/unbonding.c) with the asset's rule. The
 *     cheaper one is chosen; a route with no figure (no market price, no
 *     APR, an unusable rule) is never chosen over one that has it.
 *   native stake: unstake (the redeem route; there is no market for it).
 *   idle coins: used as they are, cost 0.
 * Additions have the route "add" and no cost.
 *
 * A position's quantity is what it holds net of pending unbondings (the
 * store's rule: an unbond takes its amount out at once), so the pending
 * part, passed in `unbonding`, is never sold again; it is reported beside
 * the trade. A position with no NAV (no rate source, no exchange rate, no
 * price) or a zero price is left out of V and listed with the reason; it
 * is never valued at 0. A named group with a target above 0 but no valued
 * position to add to cannot be met (also when nothing at all is valued):
 * the plan says so, and the money meant for it stays unallocated (counted
 * as cash in the after figures).
 * Trades whose value is below min_trade are left out and counted.
 *
 * After-figures: each position's NAV plus or minus its trades, plus the
 * unallocated cash (kind "idle", protocol and chain "cash"); blended APY =
 * Σ nav × apy / Σ nav over positions with an APY (cash earns 0); yearly
 * yield = Σ nav × apy (the board's yield_365d_value is nav × apy). The
 * before-figures are the board's own totals (valuation_totals).
 *
 * Memory: plan_compute allocates the arrays of struct plan; plan_free
 * frees them (also after a failed compute). Nothing borrowed is kept
 * except pointers to the catalog's assets. */
#ifndef STAKETOP_PLAN_H
#define STAKETOP_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "positions/asset.h"
#include "positions/unbonding.h"
#include "positions/valuation.h"

enum plan_dim { PLAN_BY_KIND, PLAN_BY_ASSET, PLAN_BY_PROTOCOL, PLAN_BY_CHAIN };

#define PLAN_MAX_TARGETS 32
#define PLAN_KEY_MAX NAME_MAX_
#define PLAN_MAX_GROUPS 64
#define PLAN_TARGETS_TEXT_MAX 1024

struct plan_target {
	char key[PLAN_KEY_MAX];   /* canonical: "liquid", "wstETH", "lido", "ethereum" */
	double pct;               /* 0 .. 100 */
};

struct plan_targets {
	enum plan_dim dim;
	struct plan_target t[PLAN_MAX_TARGETS];
	size_t n;
};

/* "native", "asset", "protocol", "chain". */
const char *plan_dim_name(enum plan_dim d);

/* Parse "K=V,K=V" (V a percentage: digits with at most one '.', 0..100).
 * A key is resolved, without regard to case, as: a kind (native, liquid,
 * restaked), else an asset symbol of the catalog, else a protocol the
 * catalog names, else a chain the catalog names. Every key must resolve to
 * the same dimension, and none may repeat; "native" among protocols is the
 * protocol of native stake (as the protocol grouping names it). Returns 0, or -1 with a message
 * in err that shows the offending text with control bytes and invalid
 * UTF-8 replaced by '?'. The sum is not checked here (plan_compute and
 * plan_targets_sum do). */
int plan_targets_parse(const char *text, const struct catalog *cat,
                       struct plan_targets *out, char *err, size_t errlen);
/* The sum of the percentages. */
double plan_targets_sum(const struct plan_targets *t);
/* Canonical text "native=40,liquid=40,restaked=20" into buf. */
void plan_targets_format(const struct plan_targets *t, char *buf, size_t len);

struct plan_settings {
	double swap_fee;          /* fraction of a swap's proceeds, 0 .. 0.1 */
	double min_trade;         /* display currency; trades below are left out */
	int64_t now;              /* unix seconds; redeem waits start here */
	const struct unbond_inputs *live; /* live queue inputs, or NULL */
};

/* The valued portfolio: rows[i] values the position with id ids[i];
 * unbonding[i] (may be NULL) is its pending unbonding, in tokens. */
struct plan_portfolio {
	const struct valuation *rows;
	const int64_t *ids;
	const long double *unbonding;
	size_t n;
};

enum plan_action { PLAN_REDUCE, PLAN_ADD, PLAN_USE_IDLE };
enum plan_route { ROUTE_NONE, ROUTE_SWAP, ROUTE_REDEEM, ROUTE_UNSTAKE, ROUTE_IDLE, ROUTE_ADD };

const char *plan_action_name(enum plan_action a);   /* "reduce", "add", "use" */
const char *plan_route_name(enum plan_route r);     /* "swap", "redeem", … */

struct plan_route_cost {
	bool available;           /* the route exists for this trade */
	bool has_cost;            /* cost is known */
	long double receive;      /* what it pays, display currency */
	long double cost;         /* value − receive (swap) or yield forgone (redeem) */
	long double days;         /* redeem: the wait */
	char basis[UNBOND_BASIS_MAX]; /* redeem: the rule's basis; else why not */
};

struct plan_trade {
	size_t row;               /* index into the portfolio */
	int64_t position_id;
	const struct asset *asset;
	enum plan_action action;
	long double amount;       /* tokens of the asset (> 0) */
	long double underlying;   /* the same in the underlying */
	long double value;        /* display currency at NAV (> 0) */
	long double unbonding;    /* already leaving this position (not sold) */
	struct plan_route_cost swap, redeem;
	enum plan_route route;    /* the chosen (cheaper) route */
};

/* One group of the target dimension. */
struct plan_group {
	char key[PLAN_KEY_MAX];
	double target_pct;        /* 0 for a held group not named */
	bool named;               /* in the targets */
	long double before, target, after;  /* NAV */
	bool reachable;
	const char *why;          /* static text when not reachable */
	long double shortfall;    /* value that could not be placed */
};

struct plan_share {
	char label[PLAN_KEY_MAX];
	long double value;
	double weight;            /* fraction of the total */
};

struct plan_weights {
	struct plan_share kind[5], protocol[PLAN_MAX_GROUPS], chain[PLAN_MAX_GROUPS];
	size_t n_kind, n_protocol, n_chain;
	long double total;        /* NAV, display currency */
	struct figure apy, yield_365d_value;
};

struct plan_unvalued {
	size_t row;
	int64_t position_id;
	const char *why;          /* static: "no rate source", "zero price", … */
};

struct plan {
	double targets_sum;
	bool sum_ok;              /* |sum − 100| < 1e-9 */
	struct plan_group groups[PLAN_MAX_GROUPS];
	size_t n_groups;
	bool all_reachable;
	struct plan_trade *trades;
	size_t n_trades;
	size_t n_skipped;         /* below min_trade */
	long double skipped_value;
	long double moved_out;    /* Σ reductions + idle used (applied trades) */
	long double moved_in;     /* Σ additions (applied trades) */
	long double unallocated;  /* moved_out − moved_in */
	long double total_cost;   /* Σ cost of the chosen routes (known ones) */
	struct plan_unvalued *unvalued;
	size_t n_unvalued;
	long double *after_nav;   /* per row; NAN for unvalued rows */
	struct plan_weights before, after;
};

/* Compute the plan. Returns 0 (also when the sum is off: sum_ok false, no
 * trades), or -1 when out of memory. p is overwritten; free with
 * plan_free. */
int plan_compute(const struct plan_portfolio *pf, const struct plan_targets *t,
                 const struct plan_settings *s, struct plan *p);
void plan_free(struct plan *p);

/* The weights of a portfolio at the given NAVs (nav[i] per row, NULL: the
 * rows' own; NAN: left out) plus cash (kind "idle", protocol and chain
 * "cash"). Rows with no NAV are left out. */
void plan_weights(const struct valuation *rows, const long double *nav, size_t n,
                  long double cash, struct plan_weights *w);

#endif
