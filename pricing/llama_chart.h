/* llama_chart.h — DefiLlama's coins chart API: daily price history for
 * backfill. Request building and a pure parser; no I/O.
 *
 *   GET {base}/chart/{key}?start={unix}&span={n}&period=1d
 *   200 {"coins":{"coingecko:ethereum":{"symbol":"ETH","confidence":0.99,
 *        "prices":[{"timestamp":1700000000,"price":2050.1}, ...]}}}
 *
 * One key per request: the keys of a portfolio start on different dates.
 * Observations: OBS_PRICE, source "defillama-chart", ts = the point's
 * timestamp, for every catalog asset whose llama_key is the answer's key
 * (EVM addresses matched without regard to case). Follows the parser
 * contract of pricing/feed.h. */
#ifndef STAKETOP_LLAMA_CHART_H
#define STAKETOP_LLAMA_CHART_H

#include <stddef.h>
#include <stdint.h>

#include "positions/asset.h"
#include "positions/market.h"

#define LLAMA_CHART_SOURCE "defillama-chart"
/* Days per request [verify]: DefiLlama answers long spans, but a window
 * this size keeps each answer small and each step resumable. */
#define LLAMA_CHART_SPAN_DAYS 180

/* "{base}/chart/{key}?start={start}&span={span}&period=1d" (key percent-
 * encoded, ':' kept); the caller frees it. NULL for an empty base or key,
 * span 0, or out of memory. */
char *llama_chart_build_url(const char *base, const char *key, int64_t start, unsigned span);

/* The prices of the answer's coins. Points outside [start, end] are
 * dropped (not an error); a point without a finite positive price or an
 * integer timestamp is a problem; -1 for an answer without a "coins"
 * object. now bounds timestamps (none later than now). */
int llama_chart_parse(const char *body, size_t len, const struct catalog *cat, int64_t start,
                      int64_t end, int64_t now, struct obs_list *out, char *err, size_t errlen);

/* The yields chart: a pool's daily history, all of it in one answer.
 *
 *   GET {base}/chart/{pool}
 *   200 {"status":"success","data":[{"timestamp":"2024-01-01T23:01:40.583Z",
 *        "tvlUsd":...,"apy":3.4,"apyBase":3.4,...}, ...]}    oldest first
 *   400 "invalid configID!"
 *
 * Observations: OBS_APR for asset sym, apyBase (else apy) / 100 as the
 * live yields feed reads it, source "defillama-yields-chart", only points
 * with start <= ts <= end. -1 when the top level is not
 * {"status":"success","data":[...]} (a bare JSON string is quoted). */
#define LLAMA_YIELD_CHART_SOURCE "defillama-yields-chart"
char *llama_yield_chart_build_url(const char *base, const char *pool);
int llama_yield_chart_parse(const char *body, size_t len, const char *sym, int64_t start,
                            int64_t end, struct obs_list *out, char *err, size_t errlen);

#endif
