/* hash.h — the two hashes address checks need: Keccak-256 (Ethereum's,
 * the original Keccak padding 0x01, not SHA3-256's 0x06) for EIP-55
 * checksums, and BLAKE2b-512 (RFC 7693, no key) for SS58 checksums. Pure
 * functions; no allocation. */
#ifndef STAKETOP_HASH_H
#define STAKETOP_HASH_H

#include <stddef.h>
#include <stdint.h>

/* out = keccak256(in[0..n)), 32 bytes. */
void keccak256(const void *in, size_t n, uint8_t out[32]);

/* out = BLAKE2b-512(in[0..n)), 64 bytes. */
void blake2b512(const void *in, size_t n, uint8_t out[64]);

#endif
