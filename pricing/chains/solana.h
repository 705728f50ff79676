/* solana.h — Solana addresses through JSON-RPC (sol_rpc_url), all in one
 * batch: per address getBalance, getAccountInfo (jsonParsed: the owner
 * tells a stake account from a wallet) and getTokenAccountsByOwner for
 * every catalog Solana asset with a mint (token); and getEpochInfo once.
 *
 *   id = SOL_ID(address, slot): slot 0 getBalance, 1 getAccountInfo,
 *   2 + catalog index getTokenAccountsByOwner; SOL_EPOCH_ID getEpochInfo.
 *
 * A wallet gives its SOL (idle) and each token's amount summed over its
 * token accounts (the "amount" strings, never uiAmount). A stake account
 * (owner Stake111…) gives value.lamports with the voter and its state from
 * the epochs; a deactivating stake is an unbonding item ending at the end
 * of its deactivation epoch: now + slots left × the catalog's slot time
 * (an estimate). Pure. */
#ifndef STAKETOP_CHAINS_SOLANA_H
#define STAKETOP_CHAINS_SOLANA_H

#include "pricing/chains/chains.h"

#define SOL_ID(addr, slot) ((long)(addr) * 1000 + (long)(slot) + 1)
#define SOL_EPOCH_ID 999999999L
#define SOL_STAKE_PROGRAM "Stake11111111111111111111111111111111111111"

/* The batch for n addresses. Caller frees. */
char *solana_build(const char *const *addrs, size_t n, const struct catalog *cat);

/* Items of address k from the batch answer (an array in any order).
 * *slot is the context slot seen (0 when none). A whole-batch error or
 * a missing getBalance/getAccountInfo answer for k is -1. A failed token
 * query is -1 too: the caller keeps the last quantities. now: the
 * answer's time. */
int solana_parse(const char *body, size_t len, size_t k, const char *addr,
                 const struct catalog *cat, int64_t now, struct chain_items *out,
                 uint64_t *slot, char *err, size_t errlen);

#endif
