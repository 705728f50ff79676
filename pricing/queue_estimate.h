/* queue_estimate.h — a withdrawal queue's live estimate for an unbond
 * request, asked of the service the asset's catalog rule names
 * (unbond.estimate_api: "lido-wq" → the service's base URL). One blocking
 * request through the HTTP layer; for the command line (tui/app/unbond_ops.h
 * passes the config's URL and timeout). */
#ifndef STAKETOP_QUEUE_ESTIMATE_H
#define STAKETOP_QUEUE_ESTIMATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "positions/asset.h"
#include "positions/decimal.h"
#include "positions/unbonding.h"

/* Where to ask: the lido-wq service's base URL ("" asks nothing), the
 * request's whole time limit, and offline (asks nothing). */
struct queue_estimate_source {
	const char *lido_wq_url;
	int timeout_seconds;
	bool offline;
};

/* Ask for the wait of an unbond of amount (in the asset's own units) made
 * at now. Returns 0 with *out filled (has = true, observed at now); 1 when
 * there is nothing to ask (no estimate_api on the rule, its URL is empty,
 * or src->offline): *out has = false, err ""; -1 when the
 * request or its answer failed: *out has = false and err is one line,
 * safe for a terminal: "Lido queue estimate unavailable: HTTP 503".
 *
 * wstETH is asked for its own amount: the queue's wait barely depends on
 * the amount at a holder's scale, and the stETH it unwraps to is not known
 * here without a rate. */
int queue_estimate_fetch(const struct queue_estimate_source *src, const struct asset *as,
                         dec_t amount,
                         int64_t now, struct unbond_queue_api *out, char *err, size_t errlen);

#endif
