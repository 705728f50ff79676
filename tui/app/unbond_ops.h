/* unbond_ops.h — an unbond request and a pending exit's other route,
 * shared by the commands (cmd_unbond.c) and the interface (the unbond form,
 * the unbonding screen): the amount read with the asset's decimals, the
 * request time read as ISO-8601 or a date, the ETA from the catalog's rule
 * with the live inputs the store remembers; and, for a liquid token, wait
 * for redemption at NAV against selling now at the market price.
 *
 * The writes of both faces go through here (unbond_request, unbond_claim,
 * over data/events_db.h, whose reads and types this header brings).
 * unbond_queue_estimate asks a queue API for its estimate (one blocking
 * request, pricing/queue_estimate.h, for the command line); the rest never
 * fetches: the estimate is the caller's to pass in. */
#ifndef STAKETOP_UNBOND_OPS_H
#define STAKETOP_UNBOND_OPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "data/events_db.h"
#include "positions/asset.h"
#include "positions/decimal.h"
#include "positions/unbonding.h"
#include "positions/valuation.h"
#include "tui/app/app.h"

/* An amount of `as` to unbond: a plain decimal with at most as->decimals
 * fractional digits, above zero. 0, or -1 with err: dec_parse's reason
 * ("too many decimals: 7 (at most 6 allowed)"), or "must be more than 0". */
int unbond_parse_amount(const struct asset *as, const char *text, dec_t *out, char *err,
                        size_t errlen);

/* When the request was made: NULL, "" or "now" is now; else ISO-8601
 * ("2026-11-20T08:00:00Z", an offset allowed) or a date (midnight UTC).
 * A request cannot be made in the future. 0, or -1 with the reason in err
 * (time_parse_iso's, or "in the future (now is …)"). */
int unbond_parse_time(const char *text, int64_t now, int64_t *out, char *err, size_t errlen);

/* The ETA of an unbond of `as` requested at `at`: its catalog rule with the
 * live inputs the store remembers (the Solana epoch seen by the last
 * refresh) and q, a queue API's estimate (NULL: none; the catalog's typical
 * range then). 0, or -1 with eta->basis saying why the rule is unusable. */
int unbond_eta_for(struct app *a, const struct asset *as, int64_t at,
                   const struct unbond_queue_api *q, struct unbond_eta *eta);

/* A queue API's live estimate of an unbond of amount of `as` made at now,
 * asked of the service the config names (lido_wq_url, timeout_seconds;
 * nothing asked when offline). As queue_estimate_fetch: 0 with *out, 1
 * nothing to ask, -1 with err. */
int unbond_queue_estimate(const struct app *a, const struct asset *as, dec_t amount, int64_t now,
                          struct unbond_queue_api *out, char *err, size_t errlen);

/* Record an unbond of amount on position_id requested at `at` with its
 * ETA: store_unbond_request. *out (may be NULL) is the new unbonding. A
 * position read from a chain is refused ("position 8 is read from the
 * chain (hub): ..."): its unbondings come from the chain's reads. */
int unbond_request(struct app *a, int64_t position_id, dec_t amount, int64_t at,
                   const struct unbond_eta *eta, struct unbonding *out, char *err,
                   size_t errlen);
/* Claim what is due on position_id at now: store_claim. */
int unbond_claim(struct app *a, int64_t position_id, int64_t now, int *n_claimed, char *err,
                 size_t errlen);

/* The other exit of unbonding x of a position valued v, as of now: sell
 * x's amount at the market price now (v->price_market) instead of waiting
 * for NAV per token (exchange rate × the underlying's price). false when
 * there is none: a native coin or protocol shares that are not a token
 * (EigenLayer strategies), a claimed exit, or a price missing. */
bool unbond_sell_now(const struct valuation *v, const struct unbonding *x, int64_t now,
                     struct exit_choice *out);

#endif
