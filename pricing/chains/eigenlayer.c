/* eigenlayer.c — ABI decoding of DelegationManager answers (eigenlayer.h). */
#include "pricing/chains/eigenlayer.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pricing/chains/chains.h"

#define W 32

static int fail(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(char *err, size_t errlen, const char *fmt, ...)
{
	if (err && errlen) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return -1;
}

int abi_hex_bytes(const char *hex, uint8_t **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!hex || hex[0] != '0' || (hex[1] != 'x' && hex[1] != 'X'))
		return -1;
	size_t len = strlen(hex + 2);
	if (len % 2)
		return -1;
	uint8_t *b = malloc(len / 2 + 1);
	if (!b)
		return -1;
	for (size_t i = 0; i < len / 2; i++) {
		int hi = chain_hexval(hex[2 + 2 * i]), lo = chain_hexval(hex[3 + 2 * i]);
		if (hi < 0 || lo < 0) {
			free(b);
			return -1;
		}
		b[i] = (uint8_t)(hi << 4 | lo);
	}
	*out = b;
	*n = len / 2;
	return 0;
}

/* The word at byte offset off as a size (an offset or a length); -1 when
 * the word is past the end or too large to be one. */
static long word_size(const uint8_t *b, size_t n, size_t off)
{
	if (off > n || n - off < W)
		return -1;
	for (size_t i = 0; i < W - 4; i++)
		if (b[off + i])
			return -1;
	return (long)((uint32_t)b[off + 28] << 24 | (uint32_t)b[off + 29] << 16 |
	              (uint32_t)b[off + 30] << 8 | b[off + 31]);
}

/* A dynamic array at base + offset-word-at(head): its element count and the
 * offset of its first element. */
static int array_at(const uint8_t *b, size_t n, size_t base, size_t head, size_t *len,
                    size_t *data)
{
	long off = word_size(b, n, head);
	if (off < 0 || base + (size_t)off > n)
		return -1;
	long l = word_size(b, n, base + (size_t)off);
	if (l < 0)
		return -1;
	*data = base + (size_t)off + W;
	if ((size_t)l > (n - *data) / W)
		return -1;
	*len = (size_t)l;
	return 0;
}

static int address_at(const uint8_t *b, size_t n, size_t off, char out[43])
{
	if (off > n || n - off < W)
		return -1;
	for (size_t i = 0; i < 12; i++)
		if (b[off + i])
			return -1;
	out[0] = '0';
	out[1] = 'x';
	for (size_t i = 0; i < 20; i++) {
		out[2 + 2 * i] = "0123456789abcdef"[b[off + 12 + i] >> 4];
		out[3 + 2 * i] = "0123456789abcdef"[b[off + 12 + i] & 15];
	}
	out[42] = '\0';
	return 0;
}

static int uint_at(const uint8_t *b, size_t n, size_t off, dec_t *out)
{
	if (off > n || n - off < W)
		return -1;
	return dec_from_be_bytes(b + off, W, 18, out);
}

/* (address[], uint256[]) with both heads at base + head0 / head0 + 32. */
static int pair_arrays(const uint8_t *b, size_t n, size_t base, size_t head,
                       struct el_shares *out, char *err, size_t errlen)
{
	size_t la, da, ls, ds;
	if (array_at(b, n, base, head, &la, &da) < 0 || array_at(b, n, base, head + W, &ls, &ds) < 0)
		return fail(err, errlen, "ABI: an array offset or length is out of bounds");
	if (la != ls)
		return fail(err, errlen, "ABI: %zu strategies but %zu share amounts", la, ls);
	if (la > EL_MAX_STRATEGIES)
		return fail(err, errlen, "more than %d strategies", EL_MAX_STRATEGIES);
	out->n = la;
	for (size_t i = 0; i < la; i++)
		if (address_at(b, n, da + i * W, out->strategy[i]) < 0 ||
		    uint_at(b, n, ds + i * W, &out->shares[i]) < 0)
			return fail(err, errlen, "ABI: entry %zu is not an address and a share amount that fits", i);
	return 0;
}

int el_parse_deposited(const uint8_t *b, size_t n, struct el_shares *out, char *err,
                       size_t errlen)
{
	memset(out, 0, sizeof *out);
	if (n == 0)
		return fail(err, errlen, "empty result: no contract code at the DelegationManager");
	return pair_arrays(b, n, 0, 0, out, err, errlen);
}

int el_parse_withdrawable(const uint8_t *b, size_t n, size_t expect, dec_t *out, char *err,
                          size_t errlen)
{
	size_t l, d;
	if (array_at(b, n, 0, 0, &l, &d) < 0)
		return fail(err, errlen, "ABI: withdrawable shares out of bounds");
	if (l != expect)
		return fail(err, errlen, "withdrawable shares: %zu for %zu strategies", l, expect);
	for (size_t i = 0; i < l; i++)
		if (uint_at(b, n, d + i * W, &out[i]) < 0)
			return fail(err, errlen, "withdrawable shares %zu do not fit", i);
	return 0;
}

int el_parse_queued(const uint8_t *b, size_t n, struct el_withdrawal *out, size_t max,
                    size_t *count, char *err, size_t errlen)
{
	*count = 0;
	size_t lw, dw, lsh, dsh;
	if (array_at(b, n, 0, 0, &lw, &dw) < 0 || array_at(b, n, 0, W, &lsh, &dsh) < 0)
		return fail(err, errlen, "ABI: queued withdrawals out of bounds");
	if (lw != lsh)
		return fail(err, errlen, "ABI: %zu withdrawals but %zu share lists", lw, lsh);
	if (lw > max)
		return fail(err, errlen, "more than %zu queued withdrawals", max);
	for (size_t i = 0; i < lw; i++) {
		/* element i of Withdrawal[]: a tuple at dw + offset (its head has
		 * 7 words: staker, delegatedTo, withdrawer, nonce, startBlock,
		 * offset strategies, offset scaledShares) */
		long to = word_size(b, n, dw + i * W);
		if (to < 0 || dw + (size_t)to > n || n - (dw + (size_t)to) < 7 * W)
			return fail(err, errlen, "ABI: withdrawal %zu out of bounds", i);
		size_t t = dw + (size_t)to;
		long sb = word_size(b, n, t + 4 * W);
		if (sb < 0 || sb > (long)UINT32_MAX)
			return fail(err, errlen, "ABI: withdrawal %zu startBlock is not a uint32", i);
		struct el_withdrawal *w = &out[i];
		memset(w, 0, sizeof *w);
		w->start_block = (uint32_t)sb;
		size_t ls, ds;
		if (array_at(b, n, t, t + 5 * W, &ls, &ds) < 0)
			return fail(err, errlen, "ABI: withdrawal %zu strategies out of bounds", i);
		if (ls > EL_MAX_STRATEGIES)
			return fail(err, errlen, "withdrawal %zu has more than %d strategies", i,
			            EL_MAX_STRATEGIES);
		/* the shares: element i of uint256[][] */
		long so = word_size(b, n, dsh + i * W);
		size_t lv, dv;
		if (so < 0 || dsh + (size_t)so > n ||
		    (lv = (size_t)word_size(b, n, dsh + (size_t)so)) == (size_t)-1)
			return fail(err, errlen, "ABI: withdrawal %zu shares out of bounds", i);
		dv = dsh + (size_t)so + W;
		if (lv != ls || lv > (n - dv) / W)
			return fail(err, errlen, "ABI: withdrawal %zu: %zu strategies, %zu shares", i, ls, lv);
		w->s.n = ls;
		for (size_t k = 0; k < ls; k++)
			if (address_at(b, n, ds + k * W, w->s.strategy[k]) < 0 ||
			    uint_at(b, n, dv + k * W, &w->s.shares[k]) < 0)
				return fail(err, errlen, "ABI: withdrawal %zu entry %zu malformed", i, k);
	}
	*count = lw;
	return 0;
}

int el_parse_u32(const uint8_t *b, size_t n, uint32_t *out)
{
	long v = word_size(b, n, 0);
	if (v < 0 || n != W)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

char *el_withdrawable_calldata(const char *staker, const struct el_shares *s)
{
	size_t len = 2 + 8 + 64 * (3 + s->n) + 1;
	char *c = malloc(len);
	if (!c)
		return NULL;
	size_t k = (size_t)snprintf(c, len, "0xc978f7ac%024d%.40s%064x%064zx", 0, staker + 2, 0x40,
	                            s->n);
	for (size_t i = 0; i < s->n; i++)
		k += (size_t)snprintf(c + k, len - k, "%024d%.40s", 0, s->strategy[i] + 2);
	for (char *p = c + 10; *p; p++)
		if (*p >= 'A' && *p <= 'F')
			*p = (char)(*p - 'A' + 'a');
	return c;
}
