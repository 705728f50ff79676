/* coingecko.h — CoinGecko's simple/price endpoint: market prices in the
 * display currency. Request building and a pure parser; no I/O.
 *
 *   GET {base}/simple/price?ids=ethereum,staked-ether&vs_currencies=usd
 *       &include_last_updated_at=true
 *   200 {"ethereum":{"usd":3012.45,"last_updated_at":1763900000}, ...}
 *
 * Observations: OBS_PRICE, source "coingecko", one per catalog asset whose
 * coingecko_id is in the answer (several assets may share an id), ts =
 * last_updated_at (else now). */
#ifndef STAKETOP_COINGECKO_H
#define STAKETOP_COINGECKO_H

#include <stddef.h>
#include <stdint.h>

#include "positions/asset.h"
#include "positions/market.h"

#define COINGECKO_SOURCE "coingecko"
/* A URL is split before it grows longer than this. */
#define COINGECKO_URL_MAX 2000

/* The simple/price URLs for every distinct coingecko_id of cat (in catalog
 * order, percent-encoded), at most max_ids_per_url ids each (0: no limit
 * but COINGECKO_URL_MAX). base may end in '/'; currency is letters only
 * (sent lower case). On success *urls is an array of *n strings (NULL and 0
 * when no asset has an id) that the caller frees with feed_urls_free() from
 * pricing/feed.h. Returns 0, or -1 (base empty, currency not 1-7 letters,
 * out of memory) with *urls NULL and *n 0. */
int coingecko_build_urls(const struct catalog *cat, const char *base, const char *currency,
                         size_t max_ids_per_url, char ***urls, size_t *n);

/* The API key header line for base: "x-cg-pro-api-key: KEY" when base
 * contains "pro-api", else "x-cg-demo-api-key: KEY". Returns 0 when written,
 * 1 when there is no key (NULL or "": out = "", send no header), -1 when the
 * key holds a character other than printable ASCII without spaces, or does
 * not fit (out = ""). */
int coingecko_api_key_header(const char *base, const char *key, char *out, size_t outlen);

/* See pricing/feed.h for the contract. Also -1 for CoinGecko's error
 * bodies: {"status":{"error_code":429,"error_message":"..."}} gives
 * "CoinGecko error 429: You've exceeded the Rate Limit. ...", and
 * {"error":"..."}. Per-asset problems: "missing: rocket-pool-eth",
 * "wrapped-steth.usd is null", "staked-ether.usd out of range (1e+300)". */
int coingecko_parse(const char *body, size_t len, const struct catalog *cat,
                    const char *currency, int64_t now, struct obs_list *out, char *err,
                    size_t errlen);

#endif
