/* llama_yields.h — DefiLlama's yields API: the APR of each catalog pool,
 * from the whole /pools list. Pure; no I/O.
 *
 *   GET {base}/pools
 *   200 {"status":"success","data":[{"chain":"Ethereum","project":"lido",
 *        "symbol":"STETH","tvlUsd":2.4e10,"apyBase":2.71,"apy":2.71,
 *        "pool":"747c1d2a-c668-4682-b9f9-296708a3dd90", ...}, ...]}
 *
 * The answer is about 10 MB and 18,000 pools, so no tree of it is built:
 * one pass of a string-aware scanner finds the elements of "data"; within
 * each element's span, memmem finds the "pool" (and, when the catalog has
 * llama_match entries, "project") member, and only an element whose pool
 * id or project slug is the catalog's is parsed (alone) with cJSON. The
 * cost does not grow with the catalog. Memory beside the text: one
 * element's tree.
 *
 * An asset is matched by llama_pool (the pool id); an asset without one by
 * llama_match "Chain/project/SYMBOL" (chain and symbol without regard to
 * case; the pool with the largest tvlUsd wins when several match).
 * Observations: OBS_APR, source "defillama-yields", ts = now, value =
 * apyBase / 100 when apyBase is not null, else apy / 100 (percent to a
 * fraction). */
#ifndef STAKETOP_LLAMA_YIELDS_H
#define STAKETOP_LLAMA_YIELDS_H

#include <stddef.h>
#include <stdint.h>

#include "positions/asset.h"
#include "positions/market.h"

#define LLAMA_YIELDS_SOURCE "defillama-yields"

/* "{base}/pools" (base may end in '/'); the caller frees it. NULL when base
 * is empty or out of memory. */
char *llama_yields_build_url(const char *base);

/* See pricing/feed.h; currency is not used (APRs have no currency) and may
 * be NULL. -1 when the top level is not {"status":"success","data":[...]}
 * (status other than "success": "DefiLlama yields status is 'error'"), when
 * an element of data is not an object, and for malformed or truncated JSON
 * anywhere in the text. Problems: "data[812].apy (stETH) is null",
 * "missing: pool 747c1d2a-c668-4682-b9f9-296708a3dd90 (stETH)",
 * "missing: Ethereum/lido/STETH (wstETH)". */
int llama_yields_parse(const char *body, size_t len, const struct catalog *cat,
                       const char *currency, int64_t now, struct obs_list *out, char *err,
                       size_t errlen);

#endif
