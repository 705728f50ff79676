/* eigenlayer.h — ABI decoding of EigenLayer's DelegationManager answers
 * (CHAINS.md), pure: offsets of dynamic arrays and tuples are relative to
 * the start of the enclosing array's or tuple's data; every offset and
 * length is checked against the bytes there are.
 *
 *   getDepositedShares(address)  0x66d5ba93 -> (address[] strategies, uint256[] shares)
 *   getWithdrawableShares(address,address[]) 0xc978f7ac -> (uint256[] withdrawable, uint256[] deposit)
 *   getQueuedWithdrawals(address) 0x5dd68579 -> (Withdrawal[], uint256[][] shares)
 *   minWithdrawalDelayBlocks()   0xc448feb8 -> uint32
 *
 * Shares are 18-decimal integers (EL-ETH's are wei of ETH). */
#ifndef STAKETOP_CHAINS_EIGENLAYER_H
#define STAKETOP_CHAINS_EIGENLAYER_H

#include <stddef.h>
#include <stdint.h>

#include "positions/decimal.h"

#define EL_MAX_STRATEGIES 32
#define EL_MAX_WITHDRAWALS 32

struct el_shares {
	size_t n;
	char strategy[EL_MAX_STRATEGIES][43];   /* "0x" + 40 lower-case hex */
	dec_t shares[EL_MAX_STRATEGIES];
};

struct el_withdrawal {
	uint32_t start_block;
	struct el_shares s;                      /* strategies with `shares` (not scaled) */
};

/* "0x…" into bytes (caller frees *out). 0, or -1 (odd length, not hex). */
int abi_hex_bytes(const char *hex, uint8_t **out, size_t *n);

/* (address[], uint256[]) of equal length. 0, or -1 with err. */
int el_parse_deposited(const uint8_t *b, size_t n, struct el_shares *out, char *err,
                       size_t errlen);
/* (uint256[] withdrawable, uint256[] deposit): the first array, of
 * expect entries. */
int el_parse_withdrawable(const uint8_t *b, size_t n, size_t expect, dec_t *out, char *err,
                          size_t errlen);
/* (Withdrawal[], uint256[][]). */
int el_parse_queued(const uint8_t *b, size_t n, struct el_withdrawal *out, size_t max,
                    size_t *count, char *err, size_t errlen);
/* One uint32 word. */
int el_parse_u32(const uint8_t *b, size_t n, uint32_t *out);

/* The calldata "0x…" of getWithdrawableShares(staker, strategies): caller
 * frees; NULL when out of memory. staker is 0x + 40 hex digits. */
char *el_withdrawable_calldata(const char *staker, const struct el_shares *s);

#endif
