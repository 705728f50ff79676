/* rest_json.h — an exchange rate read from a REST GET as a decimal at a
 * JSON path: Stride's host zone for stATOM (ATOM per stATOM).
 *
 *   GET {stride_rest_url}/Stride-Labs/stride/stakeibc/host_zone/cosmoshub-4
 *   200 {"host_zone":{"chain_id":"cosmoshub-4","host_denom":"uatom",
 *        "redemption_rate":"1.250000000000000000",
 *        "last_redemption_rate":"1.249000000000000000","halted":false, ...}}
 *
 * The catalog names the base (rate.rest_base, a config URL key
 * <base>_rest_url), the path under it (rate.path) and where the value is
 * (rate.json_path, dot-separated keys; a segment of digits indexes an
 * array). The value is a cosmos.Dec string (a plain decimal, up to 18
 * fractional digits) or a JSON number. Pure: no I/O. Observation: OBS_RATE,
 * source "rest_json", ts = now. */
#ifndef STAKETOP_REST_JSON_H
#define STAKETOP_REST_JSON_H

#include <stddef.h>
#include <stdint.h>

#include "positions/asset.h"
#include "positions/market.h"

#define REST_JSON_SOURCE "rest_json"

/* Why a's source cannot be asked ("not a REST JSON source", "path is not a
 * URL path", ...), or NULL when it can. */
const char *rest_json_check_source(const struct asset *a);

/* base (trailing '/' dropped) + a's path; the caller frees it. NULL when
 * the source is not well formed or out of memory. */
char *rest_json_build_url(const char *base, const struct asset *a);

/* The rate of asset a from one response body: 1 observation, or 0 with
 * err naming the problem ("host_zone.redemption_rate missing",
 * "host_zone.redemption_rate is 'abc', not a decimal", "… is zero"), or -1
 * when the body is not JSON or not an object (err says why). Quoted text is
 * sanitized (feed_quote). */
int rest_json_parse(const char *body, size_t len, const struct asset *a, int64_t now,
                    struct obs_list *out, char *err, size_t errlen);

#endif
