/* beacon.h — validators through the Beacon API (beacon_url): one POST of
 * every watched id (index or 0x pubkey, at most 64 a request),
 *
 *   POST {beacon_url}/eth/v1/beacon/states/head/validators  {"ids":["42","0x93…"]}
 *
 * valued by balance (Gwei, 10^9 per ETH: the catalog asset's decimals are
 * 18, the Gwei are scaled by 10^9 exactly), with the status. A validator
 * whose withdrawable_epoch is set (not FAR_FUTURE_EPOCH, as a string or a
 * bare number) is an unbonding item available at genesis_time +
 * withdrawable_epoch × 384 + sweep_s: an estimate (the sweep's timing is
 * not known in advance). Pure. */
#ifndef STAKETOP_CHAINS_BEACON_H
#define STAKETOP_CHAINS_BEACON_H

#include "pricing/chains/chains.h"

#define BEACON_MAX_IDS 64
#define BEACON_EPOCH_SECONDS 384 /* 32 slots × 12 s: the spec's constants */

/* The POST URL and body for ids (n <= BEACON_MAX_IDS). Caller frees both. */
int beacon_build(const char *base, const char *const *ids, size_t n, char **url, char **body);

/* One answer: one item per validator asked for and found, key "validator
 * <index>", detail its status, tag the index into ids it answers (others
 * are left out). found[i] tells whether ids[i] (an index or a
 * lower-case pubkey) was in the answer. A 404 body
 * {"code":404,"message":"…"} is -1 with "validator not found". */
int beacon_parse(const char *body, size_t len, const char *const *ids, size_t n,
                 const struct asset *eth, int64_t genesis_time, int64_t sweep_s,
                 struct chain_items *out, bool *found, char *err, size_t errlen);

#endif
