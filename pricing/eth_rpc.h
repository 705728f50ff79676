/* eth_rpc.h — exchange rates read from the token contracts with eth_call,
 * as one JSON-RPC batch. Request building and a pure parser; no I/O.
 *
 *   POST [{"jsonrpc":"2.0","id":7,"method":"eth_call","params":[{"to":"0x7f39...",
 *          "data":"0x035faf82","input":"0x035faf82"},"latest"]}, ...]
 *   200  [{"jsonrpc":"2.0","id":7,"result":"0x...64 hex digits"},
 *         {"jsonrpc":"2.0","id":9,"error":{"code":-32000,"message":"execution reverted"}}]
 *
 * One call per catalog asset of type RATE_EVM_CALL, on rate.address with
 * rate.selector and, when rate.arg is set, that uint256 (decimal digits)
 * as a 32-byte big-endian word. Both "data" and "input" carry the call data
 * (the spec names "input", older nodes read "data").
 *
 * Request ids: ETH_RPC_ID(i) = i + 1 for the asset at catalog index i, so
 * an answer maps back without any state. The result is one 32-byte
 * big-endian word, decoded exactly (dec_from_be_bytes) and divided by
 * 10^rate.scale_decimals; with rate.invert (a call that gives token per
 * underlying, ankrETH ratio()) the rate is 1 / that. The contract called is
 * rate.address, which need not be the token (osETH: the vault controller;
 * ETHx: the stake pools manager; mETH: the staking contract). Observations: OBS_RATE, source "eth_rpc", ts =
 * now. */
#ifndef STAKETOP_ETH_RPC_H
#define STAKETOP_ETH_RPC_H

#include <stddef.h>
#include <stdint.h>

#include "positions/asset.h"
#include "positions/market.h"

#define ETH_RPC_SOURCE "eth_rpc"
#define ETH_RPC_ID(index) ((int)(index) + 1)

/* The batch body for every RATE_EVM_CALL asset of cat whose rate source is
 * well formed (others are left out; the parser reports them). *body is a
 * NUL-terminated JSON array, *ids_to_asset[k] the catalog index of the k-th
 * call (its id is ETH_RPC_ID of that), *n the number of calls; the caller
 * frees both. With nothing to ask: 0 with *body NULL, *ids_to_asset NULL,
 * *n 0. Returns 0, or -1 when out of memory. */
int eth_rpc_build_batch(const struct catalog *cat, char **body, int **ids_to_asset, size_t *n);

/* One call as a plain JSON-RPC object with the given id (use
 * ETH_RPC_ID(index) so eth_rpc_parse can read the answer), for nodes that
 * refuse batches. The caller frees it; NULL when a's rate source is not a
 * well-formed EVM call or out of memory. */
char *eth_rpc_build_single(const struct asset *a, int id);

/* Why a's EVM rate source cannot be sent ("address is not 0x and 40 hex
 * digits", ...), or NULL when it can. */
const char *eth_rpc_check_source(const struct asset *a);

/* See pricing/feed.h; currency is not used. The answer is an array in any
 * order, matched by id; a single object is either a whole-batch error
 * (id null: -1 "JSON-RPC error -32600 'batch not supported'") or the
 * answer to one eth_rpc_build_single() call (then the other assets are not
 * reported missing). Problems: "JSON-RPC error -32000 'execution reverted'
 * for rETH", "result for cbETH is 31 bytes, expected 32", "result for rETH
 * is empty: no contract code at 0x...", "missing: answer for wstETH",
 * "rate for rETH is zero or negative (0)", "rate for ankrETH is zero: cannot
 * invert". */
int eth_rpc_parse(const char *body, size_t len, const struct catalog *cat,
                  const char *currency, int64_t now, struct obs_list *out, char *err,
                  size_t errlen);

#endif
