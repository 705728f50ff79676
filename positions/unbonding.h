/* unbonding.h — when unstaked funds become available, the events that make
 * a position's quantity, and the wait-or-sell comparison for liquid tokens.
 *
 * Pure: no I/O and no clock. Every time is unix seconds (UTC) passed in by
 * the caller; live inputs (Solana epoch info, Ethereum exit queue, a queue
 * API's estimate) come in struct unbond_inputs, each with the time it was
 * observed. Nothing here allocates.
 *
 * Rules (DOMAIN.md §3), by struct unbond_rule.type:
 *   FIXED     requested + delay_s; exact.
 *   EPOCH     the first epoch boundary after the request. With epoch info
 *             observed at t: end = t + (slots_in_epoch − slot_index) ×
 *             slot_seconds, boundaries end + k × epoch_len (k may be
 *             negative for a request older than the observation's epoch);
 *             a request 1 s before a boundary waits 1 s, one at or after it
 *             waits for the next. Without: requested + epoch_len, range
 *             [requested, requested + epoch_len]. An estimate.
 *   ETH_EXIT  churn = min(256, max(128, floor(total_active / 65536))) ETH
 *             an epoch; queue = ceil(queue_ahead / churn) epochs; then
 *             5 epochs + delay_s (256 epochs) + the withdrawal sweep
 *             (validators / 16 × 12 s at worst, half on average):
 *             earliest without the sweep, available with half, latest with
 *             all of it. An estimate.
 *   QUEUE     an API's estimate (finalization in ms, observed at t): t + ms,
 *             never before the request; else requested + typical_s within
 *             [min_s, max_s] from the catalog. An estimate.
 *   NONE      available at once.
 */
#ifndef STAKETOP_UNBONDING_H
#define STAKETOP_UNBONDING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "positions/asset.h"
#include "positions/decimal.h"

#define UNBOND_BASIS_MAX 160   /* = the size of struct unbonding.rule */
#define EVENT_NOTE_MAX 256

/* Ethereum beacon chain constants [checked, consensus specs]. */
#define ETH_EPOCH_SECONDS 384          /* 32 slots × 12 s */
#define ETH_SLOT_SECONDS 12
#define ETH_EXIT_LOOKAHEAD_EPOCHS 5    /* MAX_SEED_LOOKAHEAD + 1 */
#define ETH_WITHDRAW_DELAY_EPOCHS 256  /* MIN_VALIDATOR_WITHDRAWABILITY_DELAY */
#define ETH_CHURN_MIN_ETH 128
#define ETH_CHURN_MAX_ETH 256
#define ETH_CHURN_QUOTIENT 65536
#define ETH_SWEEP_PER_BLOCK 16
/* Used when no live figure is given [verify: late-2025 orders of magnitude;
 * the caller should pass live values from a beacon node]. */
#define ETH_DEFAULT_TOTAL_ACTIVE_ETH 34000000.0
#define ETH_DEFAULT_VALIDATORS 800000  /* sweep ≈ 6.9 d at worst */

/* Solana getEpochInfo, observed at observed_at. */
struct unbond_sol_epoch {
	bool has;
	uint64_t epoch;
	uint64_t slot_index;       /* slots already past in this epoch */
	uint64_t slots_in_epoch;
	int64_t observed_at;
};

/* Ethereum exit queue figures (a beacon node or an estimate). Fields <= 0
 * fall back to the defaults above; queue_ahead_eth 0 is an empty queue. */
struct unbond_eth_queue {
	bool has;
	double queue_ahead_eth;          /* ETH already waiting to exit */
	double total_active_balance_eth;
	int64_t validator_count;
};

/* A withdrawal queue's own estimate (Lido wq-api finalizationIn). */
struct unbond_queue_api {
	bool has;
	int64_t finalization_in_ms;
	int64_t observed_at;
	char label[48];            /* "Lido withdrawal queue: wq-api"; "" generic */
};

struct unbond_inputs {
	struct unbond_sol_epoch sol;
	struct unbond_eth_queue eth;
	struct unbond_queue_api queue;
};

struct unbond_eta {
	int64_t available_at;      /* the point estimate */
	int64_t earliest_at, latest_at;
	bool exact;                /* fixed delays only */
	char basis[UNBOND_BASIS_MAX]; /* how it was computed, for the user */
};

/* The ETA of a request made at requested_at under rule r; in may be NULL
 * (no live inputs). Returns 0, or -1 when the rule is unusable (negative
 * delays, an epoch rule without slots, an unknown type) or a time would
 * overflow; out->basis then says why. */
int unbond_estimate(const struct unbond_rule *r, int64_t requested_at,
                    const struct unbond_inputs *in, struct unbond_eta *out);

/* A recorded unbonding (one row of the store's unbondings). */
struct unbonding {
	int64_t id, position_id;
	dec_t amount;
	int64_t requested_at, available_at, earliest_at, latest_at;
	char rule[UNBOND_BASIS_MAX];   /* the ETA's basis at request time */
	bool claimed;
	int64_t claimed_at;            /* 0 while not claimed */
};

enum unbond_status { UNBOND_PENDING, UNBOND_CLAIMABLE, UNBOND_CLAIMED };

/* Claimable from available_at on (the exact second included). */
enum unbond_status unbond_status_at(const struct unbonding *u, int64_t now);
const char *unbond_status_name(enum unbond_status s); /* "pending", … */
/* Seconds until available; 0 when due or claimed. */
int64_t unbond_seconds_left(const struct unbonding *u, int64_t now);
/* "20d 23h", "5h 02m", "4m 05s", "42s"; "claimable" for <= 0. Truncates
 * (20 d 23 h 59 m is "20d 23h"). Returns buf. */
char *unbond_format_left(int64_t seconds, char *buf, size_t len);

/* Position history. */
enum event_type {
	EVENT_STAKE,
	EVENT_DEPOSIT,
	EVENT_WITHDRAW,
	EVENT_UNBOND,
	EVENT_CLAIM,
	EVENT_ADJUST,
	EVENT_TYPES_
};

struct event {
	int64_t id, position_id;
	enum event_type type;
	bool has_amount;
	dec_t amount;                  /* negative only for EVENT_ADJUST */
	int64_t ts;
	bool has_price;                /* stake, deposit: the price paid per
	                                  unit, in the display currency (a lot's
	                                  cost: positions/lots.h); withdraw: the
	                                  price received per unit (a sale:
	                                  positions/realized.h) */
	dec_t price;
	char note[EVENT_NOTE_MAX];
	int64_t unbonding_id;          /* unbond/claim: the unbonding; else 0 */
	bool removed;                  /* soft-removed: listed, not counted */
	int64_t removed_at;
	char removed_note[EVENT_NOTE_MAX];
};

/* "stake", "deposit", "withdraw", "unbond", "claim", "adjust"; "?" when
 * out of range. parse: exact lower-case names; 0 or -1. */
const char *event_type_name(enum event_type t);
int event_type_parse(const char *s, enum event_type *out);

/* Parse an event amount: a plain decimal (dec_parse), and for EVENT_ADJUST
 * also a leading '-' ("-1.5"). max_frac as in dec_parse. 0, or -1 with a
 * message ("negative amounts are allowed only for adjust"). */
int event_amount_parse(enum event_type t, const char *s, unsigned max_frac,
                       dec_t *out, char *err, size_t errlen);

/* The quantity the events make, removed events skipped:
 * stake + deposit − withdraw − unbond ± adjust; claim changes nothing (the
 * unbond already took the amount out). Order does not matter. Returns 0, or
 * -1 when the total is negative, an amount is missing or negative where it
 * may not be, or the sum overflows (*out untouched). */
int events_quantity(const struct event *ev, size_t n, dec_t *out);

/* A pending exit of a liquid token: wait for redemption at NAV, or sell now
 * at the market price. */
struct exit_choice {
	long double wait_value;     /* qty × nav_per_token, after the wait */
	long double sell_value;     /* qty × market_per_token, now */
	long double difference;     /* wait − sell: > 0 means waiting pays more */
	long double difference_bps; /* difference / sell × 10 000; 0 if sell is 0 */
	long double days;           /* seconds_to_wait / 86 400 */
};

void exit_compare(long double qty, long double nav_per_token,
                  long double market_per_token, int64_t seconds_to_wait,
                  struct exit_choice *out);

#endif
