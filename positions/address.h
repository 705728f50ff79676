/* address.h — what a watched address must look like, per chain, checked
 * before anything is stored. Pure; no allocation.
 *
 *   ethereum  "0x" + 40 hex digits; mixed case must carry a valid EIP-55
 *             checksum (keccak-256 of the lower-case hex). Normalized to the
 *             EIP-55 form.
 *   beacon    a validator index (decimal, below 2^64 - 1) or a 48-byte BLS
 *             pubkey "0x" + 96 hex digits. Normalized: index without leading
 *             zeros, pubkey in lower case.
 *   solana    base58 that decodes to exactly 32 bytes.
 *   cosmos    bech32 (BIP-173) with the "cosmos" prefix, one case, a valid
 *             checksum and a 20- or 32-byte payload. Normalized to lower case.
 *   polkadot  SS58 with prefix 0 (Polkadot), a 32-byte account and the
 *             2-byte BLAKE2b-512 "SS58PRE" checksum. */
#ifndef STAKETOP_ADDRESS_H
#define STAKETOP_ADDRESS_H

#include <stddef.h>
#include <stdint.h>

enum watch_chain { WCHAIN_ETHEREUM, WCHAIN_BEACON, WCHAIN_SOLANA, WCHAIN_COSMOS,
	           WCHAIN_POLKADOT, WCHAIN_COUNT };

/* Longest normalized address (a beacon pubkey: 98) plus NUL. */
#define WATCH_ADDR_MAX 100

/* "ethereum", … ; NULL for an out-of-range value. */
const char *watch_chain_name(enum watch_chain c);
/* 0 with *out, or -1 for a name not in the list (case-sensitive). */
int watch_chain_parse(const char *s, enum watch_chain *out);

/* 0 with norm (WATCH_ADDR_MAX bytes) = the normalized address, or -1 with
 * err naming the rule broken: "not 0x followed by 40 hex digits", "EIP-55
 * checksum does not match (mixed case)", "base58 decodes to 31 bytes, not
 * 32", "bech32 checksum does not match", "prefix is 'osmo', not 'cosmos'",
 * "character '?' at 5 is not base58", ... Text quoted from s is never
 * echoed: only positions and counts. */
int address_check(enum watch_chain c, const char *s, char *norm, char *err, size_t errlen);

/* base58 (Bitcoin alphabet) of s into out (at most cap bytes): the number
 * of bytes, or -1 (a character outside the alphabet, or more than cap). */
int base58_decode(const char *s, uint8_t *out, size_t cap);

/* The EIP-55 form of 40 hex digits (either case) into out (43 bytes with
 * "0x"). */
void eip55_format(const char *hex40, char out[43]);

#endif
