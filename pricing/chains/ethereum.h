/* ethereum.h — Ethereum addresses through JSON-RPC (eth_rpc_url), one
 * batch for every watched address:
 *
 *   id 1                    eth_blockNumber (the height read at)
 *   ETH_W_ID(k, 0)          eth_getBalance [addr, "latest"] (wei, hex)
 *   ETH_W_ID(k, 1 + 2i)     eth_call balanceOf(addr) on catalog asset i's token
 *   ETH_W_ID(k, 2 + 2i)     eth_call <token_shares_selector>(addr), when the
 *                           asset names one (stETH sharesOf)
 *
 * for every catalog asset of chain "ethereum" whose token is an 0x
 * address. "data" and "input" both carry the call data. A result of "0x"
 * means no contract code at the token: an error for that asset, never a
 * zero. ETH held is idle. Pure. */
#ifndef STAKETOP_CHAINS_ETHEREUM_H
#define STAKETOP_CHAINS_ETHEREUM_H

#include "pricing/chains/chains.h"

#define ETH_W_BLOCK_ID 1L
#define ETH_W_ID(k, slot) ((long)(k) * 1000 + (long)(slot) + 2)
/* EigenLayer, where the catalog names a DelegationManager: per address
 * getDepositedShares and getQueuedWithdrawals in the first batch,
 * minWithdrawalDelayBlocks once; getWithdrawableShares for the strategies
 * found in a second batch (it needs them). */
#define ETH_W_EL_DEPOSITS 900
#define ETH_W_EL_QUEUED 901
#define ETH_W_EL_WITHDRAWABLE 902
#define ETH_W_DELAY_ID 999999999L
#define ETH_BLOCK_SECONDS 12 /* a slot: 12 s since the merge [checked] */

/* The batch (JSON array) for n addresses, or with single != NULL the same
 * calls as separate JSON objects: *single gets n_calls strings (for a node
 * that refuses batches; caller frees each and the array). Returns the
 * batch (caller frees) or NULL when out of memory. */
char *ethereum_build(const char *const *addrs, size_t n, const struct catalog *cat,
                     char ***single, size_t *n_single);

/* Items of address k from answers: a batch array, or (for single calls)
 * the answers gathered into one array by the caller. *block is the height
 * (0 when not answered). Any error, missing answer or "0x" for one of k's
 * calls is -1 naming the asset: the caller keeps the last quantities. */
int ethereum_parse(const char *body, size_t len, size_t k, const struct catalog *cat,
                   struct chain_items *out, uint64_t *block, char *err, size_t errlen);

/* Does the catalog read asset a by balanceOf (an ethereum token)? */
bool ethereum_reads(const struct asset *a);

#include "pricing/chains/eigenlayer.h"

/* The DelegationManager the catalog names, or NULL (EigenLayer not read). */
const char *ethereum_el_manager(const struct catalog *cat);

/* From the first batch's answers: address k's deposited shares (*dep) and
 * its queued withdrawals as unbonding items (shares of the strategy's
 * catalog asset; ETA now + (startBlock + minWithdrawalDelayBlocks − block)
 * × 12 s, an estimate). Strategies not in the catalog are left out. */
int ethereum_parse_el(const char *body, size_t len, size_t k, const struct catalog *cat,
                      uint64_t block, int64_t now, struct el_shares *dep,
                      struct chain_items *out, char *err, size_t errlen);

/* The second batch: getWithdrawableShares(addr_k, dep[k].strategies) for
 * every address with deposits (as ethereum_build; NULL body when none:
 * *none is then true). */
char *ethereum_build_el2(const char *const *addrs, size_t n, const struct catalog *cat,
                         const struct el_shares *dep, char ***single, size_t *n_single,
                         bool *none);

/* Its answer for address k: one item per catalog strategy, valued by the
 * withdrawable shares (after slashing). */
int ethereum_parse_el2(const char *body, size_t len, size_t k, const struct catalog *cat,
                       const struct el_shares *dep, struct chain_items *out, char *err,
                       size_t errlen);

#endif
