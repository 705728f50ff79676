/* polkadot.h — a Polkadot stash through a substrate sidecar
 * (polkadot_sidecar_url, optional):
 *
 *   GET {sidecar}/accounts/{stash}/staking-info?includeClaimedRewards=false
 *   GET {sidecar}/pallets/staking/progress        (activeEra)
 *
 * active is the bonded stake; each unlocking chunk an unbonding item ending
 * at era: now + (era − activeEra) × era_s (an estimate; withdrawable when
 * era <= activeEra). Planck strings with the catalog's decimals. Pure. */
#ifndef STAKETOP_CHAINS_POLKADOT_H
#define STAKETOP_CHAINS_POLKADOT_H

#include "pricing/chains/chains.h"

char *polkadot_build_url(const char *base, const char *stash, bool progress);

/* *active_era from the progress answer. */
int polkadot_parse_progress(const char *body, size_t len, uint64_t *active_era, char *err,
                            size_t errlen);

/* Items from staking-info; *height the block it was read at. */
int polkadot_parse(const char *body, size_t len, const struct asset *dot, uint64_t active_era,
                   int64_t era_s, int64_t now, struct chain_items *out, uint64_t *height,
                   char *err, size_t errlen);

#endif
