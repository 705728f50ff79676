/* llama_coins.h — DefiLlama's coins API: current prices (usd only), the
 * second price source. Request building and a pure parser; no I/O.
 *
 *   GET {base}/prices/current/coingecko:ethereum,ethereum:0x7f39...?searchWidth=4h
 *   200 {"coins":{"coingecko:ethereum":{"price":3012.4,"symbol":"ETH",
 *        "timestamp":1763900000,"confidence":0.99}, ...}}
 *
 * Observations: OBS_PRICE, source "defillama", one per catalog asset whose
 * llama_key is in the answer, ts = the coin's timestamp (else now). Keys are
 * matched exactly, and for EVM addresses ("chain:0x...") without regard to
 * case, since DefiLlama may answer with the address lower-cased. */
#ifndef STAKETOP_LLAMA_COINS_H
#define STAKETOP_LLAMA_COINS_H

#include <stddef.h>
#include <stdint.h>

#include "positions/asset.h"
#include "positions/market.h"

#define LLAMA_COINS_SOURCE "defillama"
#define LLAMA_COINS_URL_MAX 2000

/* The prices/current URLs for the distinct llama_keys of cat, optionally
 * only of the assets whose symbols are in only[0..n_only) (case-insensitive;
 * only NULL = every asset), at most max_keys_per_url keys each (0: no limit
 * but LLAMA_COINS_URL_MAX). Keys are comma-separated and percent-encoded
 * (':' kept). The caller frees *urls with feed_urls_free(); *n may be 0.
 * Returns 0, or -1 (empty base, out of memory) with *urls NULL. */
int llama_coins_build_urls(const struct catalog *cat, const char *base,
                           const char *const *only, size_t n_only, size_t max_keys_per_url,
                           char ***urls, size_t *n);

/* See pricing/feed.h. -1 "DefiLlama prices are in usd only" when currency
 * is not usd (any case); -1 for an answer without a "coins" object (its
 * "message" or "error" text quoted when it has one). Every asset of cat
 * with a llama_key is expected: one absent from the answer is reported
 * "missing: coingecko:rocket-pool-eth". When the request was for a subset,
 * use llama_coins_parse_only() with the same subset. */
int llama_coins_parse(const char *body, size_t len, const struct catalog *cat,
                      const char *currency, int64_t now, struct obs_list *out, char *err,
                      size_t errlen);

/* As llama_coins_parse, but only the assets named in only[0..n_only) are
 * expected (only NULL = all). */
int llama_coins_parse_only(const char *body, size_t len, const struct catalog *cat,
                           const char *const *only, size_t n_only, const char *currency,
                           int64_t now, struct obs_list *out, char *err, size_t errlen);

#endif
