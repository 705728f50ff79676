/* sol_rpc.h — Solana stake pool rates and epoch timing over JSON-RPC, as
 * one batch. Request building and pure parsers; no I/O.
 *
 *   POST [{"jsonrpc":"2.0","id":0,"method":"getEpochInfo"},
 *         {"jsonrpc":"2.0","id":6,"method":"getAccountInfo",
 *          "params":["Jito4APy...",{"encoding":"base64"}]}, ...]
 *   200  [{"jsonrpc":"2.0","id":6,"result":{"context":{"slot":300000000},
 *          "value":{"data":["<base64>","base64"],"owner":"SPoo1Ku8...", ...}}},
 *         {"jsonrpc":"2.0","id":0,"result":{"absoluteSlot":300000000,"epoch":700,
 *          "slotIndex":216000,"slotsInEpoch":432000, ...}}]
 *
 * The whole account is fetched (no dataSlice), so offsets are those of the
 * account layout, the owner is checked against rate.owners (any one listed
 * is accepted: Sanctum runs copies of the SPL stake-pool program, SP12… and
 * SPMB…, beside the original SPoo1…; none listed: not checked), the
 * length and the account type / discriminator can be checked:
 *   RATE_SPL_STAKE_POOL: account_type u8 @0 must be 1 (a stake pool);
 *     total_lamports u64 LE @258, pool_token_supply u64 LE @266,
 *     last_update_epoch u64 LE @274; rate = total / supply (SOL per token).
 *     A pool last updated in an earlier epoch is taken and reported. With
 *     rate.mint set, pool_mint @162 must be that mint.
 *   RATE_SANCTUM_INF: the Infinity PoolState (no discriminator): version u8
 *     @12; total_sol_value u64 @0; lp_token_mint @144 (must be rate.mint).
 *     v1 (176 bytes): value = total_sol_value; v2 (240 bytes): value =
 *     total_sol_value - withheld_lamports @216 - protocol_fee_lamports @224.
 *     A getTokenSupply(rate.mint) in the same batch (id
 *     SOL_RPC_SUPPLY_ID(i)) gives the supply ("amount", a u64 string, with
 *     the catalog's decimals); rate = value / supply.
 *   RATE_MARINADE_STATE: the 8-byte Anchor discriminator d8926b5e684bb6b1
 *     @0; msol_price u64 LE @rate.offset (512 when 0); rate = price / 2^32.
 *
 * Request ids: SOL_RPC_ID(i) = i + 1 for the asset at catalog index i;
 * getEpochInfo has id SOL_RPC_EPOCH_ID (0). Observations: OBS_RATE, source
 * "sol_rpc", ts = now. */
#ifndef STAKETOP_SOL_RPC_H
#define STAKETOP_SOL_RPC_H

#include <stddef.h>
#include <stdint.h>

#include "positions/asset.h"
#include "positions/market.h"

#define SOL_RPC_SOURCE "sol_rpc"
#define SOL_RPC_ID(index) ((int)(index) + 1)
#define SOL_RPC_EPOCH_ID 0
/* getTokenSupply of an Infinity asset's mint (catalogs hold at most 1024) */
#define SOL_RPC_SUPPLY_BASE 1000000
#define SOL_RPC_SUPPLY_ID(index) (SOL_RPC_SUPPLY_BASE + (int)(index) + 1)

#define SPL_POOL_ACCOUNT_TYPE 1
#define SPL_POOL_TOTAL_LAMPORTS_AT 258
#define SPL_POOL_TOKEN_SUPPLY_AT 266
#define SPL_POOL_LAST_UPDATE_EPOCH_AT 274
#define SPL_POOL_MINT_AT 162
#define SPL_POOL_MIN_LEN 282
#define INF_POOL_TOTAL_SOL_VALUE_AT 0
#define INF_POOL_VERSION_AT 12
#define INF_POOL_LP_MINT_AT 144
#define INF_POOL_WITHHELD_AT 216
#define INF_POOL_PROTOCOL_FEE_AT 224
#define INF_POOL_V1_LEN 176
#define INF_POOL_V2_LEN 240
#define MARINADE_MSOL_PRICE_AT 512
/* Largest account data decoded (Solana's own limit is 10 MiB). */
#define SOL_ACCOUNT_MAX (10u * 1024 * 1024)

struct sol_epoch {
	uint64_t absolute_slot, epoch, slot_index, slots_in_epoch;
};

/* The batch: getEpochInfo, then getAccountInfo for every
 * RATE_SPL_STAKE_POOL and RATE_MARINADE_STATE asset with a well-formed
 * base58 address (and getTokenSupply for each RATE_SANCTUM_INF mint). *body is NUL-terminated JSON the caller frees; *n the
 * number of requests in it (always at least the epoch request). Returns
 * 0, or -1 when out of memory. */
int sol_rpc_build_batch(const struct catalog *cat, char **body, size_t *n);

/* A single getEpochInfo request (id SOL_RPC_EPOCH_ID); the caller frees it. */
char *sol_rpc_build_epoch(void);

/* See pricing/feed.h; currency is not used. The answer is an array in any
 * order, matched by id; a single object is a whole-batch error (id null:
 * -1 with its message) or one answer (then nothing is reported missing);
 * anything else is -1. Problems: "no such
 * account Jito4APy... (JitoSOL)", "JitoSOL: owner X is not a listed stake
 * pool program", "bSOL: pool_mint is not the catalog's mint …", "INF: pool
 * state version 3 is not 1 or 2", "missing: supply answer for INF",
 * "JitoSOL pool account data too short (40 bytes, need 282)",
 * "JitoSOL: account data is not valid base64", "JitoSOL pool token supply
 * is zero", "JitoSOL rate is from epoch 538 (now 539)", "mSOL: discriminator
 * is not Marinade's State", "no epoch info: JSON-RPC error ...". */
int sol_rpc_parse(const char *body, size_t len, const struct catalog *cat,
                  const char *currency, int64_t now, struct obs_list *out, char *err,
                  size_t errlen);

/* The epoch from a getEpochInfo answer: a single object, or the id 0 item
 * of a batch answer. 0, or -1 with err (not there, an error object, a
 * field missing or not an integer in [0, 2^53), slotIndex >= slotsInEpoch). */
int sol_rpc_parse_epoch(const char *body, size_t len, struct sol_epoch *out, char *err,
                        size_t errlen);

/* A base58 key (up to 44 characters) as 32 bytes; -1 when not base58 or
 * larger than 32 bytes. */
int sol_base58_decode32(const char *s, uint8_t out[32]);

/* Strict base64 (RFC 4648, '=' padding required to a multiple of 4, no
 * whitespace, zero pad bits). Writes at most cap bytes to out and sets
 * *outlen to the full decoded length. 0, or -1 for any invalid input. */
int sol_base64_decode(const char *in, size_t n, uint8_t *out, size_t cap, size_t *outlen);

#endif
