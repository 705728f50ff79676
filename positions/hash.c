/* hash.c — Keccak-256 and BLAKE2b-512, straight from their specifications
 * (Keccak reference, RFC 7693). */
#include "positions/hash.h"

#include <string.h>

/* --- Keccak-f[1600] ------------------------------------------------------ */

static const uint64_t keccak_rc[24] = {
	0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808aULL,
	0x8000000080008000ULL, 0x000000000000808bULL, 0x0000000080000001ULL,
	0x8000000080008081ULL, 0x8000000000008009ULL, 0x000000000000008aULL,
	0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000aULL,
	0x000000008000808bULL, 0x800000000000008bULL, 0x8000000000008089ULL,
	0x8000000000008003ULL, 0x8000000000008002ULL, 0x8000000000000080ULL,
	0x000000000000800aULL, 0x800000008000000aULL, 0x8000000080008081ULL,
	0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL,
};
static const unsigned keccak_rot[24] = { 1,  3,  6,  10, 15, 21, 28, 36, 45, 55, 2,  14,
	                                 27, 41, 56, 8,  25, 43, 62, 18, 39, 61, 20, 44 };
static const unsigned keccak_pi[24] = { 10, 7,  11, 17, 18, 3, 5,  16, 8,  21, 24, 4,
	                                15, 23, 19, 13, 12, 2, 20, 14, 22, 9,  6,  1 };

static uint64_t rol64(uint64_t x, unsigned n)
{
	return n ? x << n | x >> (64 - n) : x;
}

static void keccak_f(uint64_t s[25])
{
	for (int round = 0; round < 24; round++) {
		uint64_t c[5];
		for (int x = 0; x < 5; x++)
			c[x] = s[x] ^ s[x + 5] ^ s[x + 10] ^ s[x + 15] ^ s[x + 20];
		for (int x = 0; x < 5; x++) {
			uint64_t d = c[(x + 4) % 5] ^ rol64(c[(x + 1) % 5], 1);
			for (int y = 0; y < 25; y += 5)
				s[y + x] ^= d;
		}
		uint64_t t = s[1];
		for (int i = 0; i < 24; i++) {
			unsigned j = keccak_pi[i];
			uint64_t u = s[j];
			s[j] = rol64(t, keccak_rot[i]);
			t = u;
		}
		for (int y = 0; y < 25; y += 5) {
			uint64_t row[5];
			memcpy(row, &s[y], sizeof row);
			for (int x = 0; x < 5; x++)
				s[y + x] = row[x] ^ (~row[(x + 1) % 5] & row[(x + 2) % 5]);
		}
		s[0] ^= keccak_rc[round];
	}
}

static void keccak_absorb_block(uint64_t s[25], const uint8_t *p, size_t rate)
{
	for (size_t i = 0; i < rate / 8; i++) {
		uint64_t w = 0;
		for (int b = 7; b >= 0; b--)
			w = w << 8 | p[8 * i + (size_t)b];
		s[i] ^= w;
	}
	keccak_f(s);
}

void keccak256(const void *in, size_t n, uint8_t out[32])
{
	enum { RATE = 136 };
	uint64_t s[25] = { 0 };
	const uint8_t *p = in;
	for (; n >= RATE; n -= RATE, p += RATE)
		keccak_absorb_block(s, p, RATE);
	uint8_t last[RATE] = { 0 };
	if (n)
		memcpy(last, p, n);
	last[n] ^= 0x01;
	last[RATE - 1] ^= 0x80;
	keccak_absorb_block(s, last, RATE);
	for (int i = 0; i < 32; i++)
		out[i] = (uint8_t)(s[i / 8] >> (8 * (i % 8)));
}

/* --- BLAKE2b --------------------------------------------------------------- */

static const uint64_t blake_iv[8] = {
	0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
	0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
	0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};
static const uint8_t blake_sigma[12][16] = {
	{ 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 },
	{ 14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3 },
	{ 11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4 },
	{ 7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8 },
	{ 9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13 },
	{ 2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9 },
	{ 12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11 },
	{ 13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10 },
	{ 6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5 },
	{ 10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0 },
	{ 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 },
	{ 14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3 },
};

static uint64_t ror64(uint64_t x, unsigned n)
{
	return x >> n | x << (64 - n);
}

static void blake_g(uint64_t v[16], int a, int b, int c, int d, uint64_t x, uint64_t y)
{
	v[a] = v[a] + v[b] + x;
	v[d] = ror64(v[d] ^ v[a], 32);
	v[c] = v[c] + v[d];
	v[b] = ror64(v[b] ^ v[c], 24);
	v[a] = v[a] + v[b] + y;
	v[d] = ror64(v[d] ^ v[a], 16);
	v[c] = v[c] + v[d];
	v[b] = ror64(v[b] ^ v[c], 63);
}

static void blake_compress(uint64_t h[8], const uint8_t block[128], uint64_t t, int last)
{
	uint64_t v[16], m[16];
	for (int i = 0; i < 16; i++) {
		m[i] = 0;
		for (int b = 7; b >= 0; b--)
			m[i] = m[i] << 8 | block[8 * i + b];
	}
	for (int i = 0; i < 8; i++) {
		v[i] = h[i];
		v[i + 8] = blake_iv[i];
	}
	v[12] ^= t;
	if (last)
		v[14] = ~v[14];
	for (int r = 0; r < 12; r++) {
		const uint8_t *s = blake_sigma[r];
		blake_g(v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
		blake_g(v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
		blake_g(v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
		blake_g(v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
		blake_g(v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
		blake_g(v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
		blake_g(v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
		blake_g(v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
	}
	for (int i = 0; i < 8; i++)
		h[i] ^= v[i] ^ v[i + 8];
}

void blake2b512(const void *in, size_t n, uint8_t out[64])
{
	uint64_t h[8];
	memcpy(h, blake_iv, sizeof h);
	h[0] ^= 0x01010000ULL ^ 64; /* digest length 64, no key, fanout 1, depth 1 */
	const uint8_t *p = in;
	uint64_t t = 0;
	while (n > 128) {
		t += 128;
		blake_compress(h, p, t, 0);
		p += 128;
		n -= 128;
	}
	uint8_t last[128] = { 0 };
	if (n)
		memcpy(last, p, n);
	t += n;
	blake_compress(h, last, t, 1);
	for (int i = 0; i < 64; i++)
		out[i] = (uint8_t)(h[i / 8] >> (8 * (i % 8)));
}
