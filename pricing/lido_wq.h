/* lido_wq.h — Lido's withdrawal queue API (wq-api): how long a withdrawal
 * request of a given amount would wait before it is finalized. Request
 * building and a pure parser; no I/O.
 *
 *   GET {base}/v2/request-time/calculate?amount={eth}
 *   200 {"requestInfo":{"finalizationIn":259200000,
 *                       "finalizationAt":"2026-11-27T12:00:00.000Z",
 *                       "type":"exitValidators"},
 *        "status":"calculated","nextCalculationAt":"2026-11-25T09:00:00.000Z"}
 *
 * finalizationIn is in milliseconds from the answer; requestInfo may be
 * null; status is one of initializing, calculating, finalized, calculated;
 * an invalid amount gives HTTP 400 (DOMAIN.md §1). The service allows 30
 * requests per 30 s: ask once per unbond, never in a loop. */
#ifndef STAKETOP_LIDO_WQ_H
#define STAKETOP_LIDO_WQ_H

#include <stddef.h>
#include <stdint.h>

#include "positions/decimal.h"
#include "positions/unbonding.h"

/* The label the estimate carries into an unbonding's basis, which then
 * reads "Lido withdrawal queue: wq-api estimate: 3 days after the
 * observation (estimate)". */
#define LIDO_WQ_LABEL "Lido withdrawal queue: wq-api"
/* The longest wait accepted: one year, in milliseconds. */
#define LIDO_WQ_MAX_MS (INT64_C(365) * 86400 * 1000)

/* out = "{base}/v2/request-time/calculate?amount={amount_eth}", base
 * without its trailing '/', the amount as a plain decimal ("32",
 * "1.5"). Returns 0, or -1 (out = "") when base is empty, the amount is
 * not above zero, or the URL does not fit in outlen. */
int lido_wq_build_url(const char *base, dec_t amount_eth, char *out, size_t outlen);

/* Parse a 200 body. On success returns 0 and fills *out: has = true,
 * finalization_in_ms (a fraction of a millisecond rounded up),
 * observed_at = now, label = LIDO_WQ_LABEL. Otherwise returns -1, *out is
 * zeroed (has = false) and err says why, safe for a terminal:
 *   "malformed JSON at byte 12", "expected an object at (root), got array",
 *   "status 'calculating': no estimate yet", "unexpected status 'x'",
 *   "requestInfo is null (status 'calculated')", "expected a number at
 *   requestInfo.finalizationIn, got string", "requestInfo.finalizationIn
 *   out of range (-5 ms; 0 to one year)". Only status "calculated" and
 *   "finalized" carry an estimate. */
int lido_wq_parse(const char *body, size_t len, int64_t now, struct unbond_queue_api *out,
                  char *err, size_t errlen);

#endif
