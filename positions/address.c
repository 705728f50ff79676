/* address.c — per-chain address rules: EIP-55, base58, bech32, SS58. */
#include "positions/address.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "positions/hash.h"

static const char *const chain_names[WCHAIN_COUNT] = { "ethereum", "beacon", "solana", "cosmos",
	                                               "polkadot" };

const char *watch_chain_name(enum watch_chain c)
{
	return (unsigned)c < WCHAIN_COUNT ? chain_names[c] : NULL;
}

int watch_chain_parse(const char *s, enum watch_chain *out)
{
	for (int i = 0; s && i < WCHAIN_COUNT; i++)
		if (strcmp(s, chain_names[i]) == 0) {
			*out = (enum watch_chain)i;
			return 0;
		}
	return -1;
}

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

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* A printable description of the byte at i, never the byte itself when it
 * is not plain ASCII. */
static void byte_desc(char *buf, size_t n, unsigned char c)
{
	if (c > 0x20 && c < 0x7f && c != '\'')
		snprintf(buf, n, "'%c'", c);
	else
		snprintf(buf, n, "byte 0x%02x", c);
}

void eip55_format(const char *hex40, char out[43])
{
	char lower[40];
	for (int i = 0; i < 40; i++) {
		char c = hex40[i];
		lower[i] = c >= 'A' && c <= 'F' ? (char)(c - 'A' + 'a') : c;
	}
	uint8_t h[32];
	keccak256(lower, 40, h);
	out[0] = '0';
	out[1] = 'x';
	for (int i = 0; i < 40; i++) {
		char c = lower[i];
		unsigned nib = (h[i / 2] >> (i % 2 ? 0 : 4)) & 15u;
		out[2 + i] = c >= 'a' && nib >= 8 ? (char)(c - 'a' + 'A') : c;
	}
	out[42] = '\0';
}

static int check_evm(const char *s, char *norm, char *err, size_t errlen)
{
	size_t n = strlen(s);
	if (n != 42 || s[0] != '0' || s[1] != 'x')
		return fail(err, errlen, "an Ethereum address is 0x followed by 40 hex digits (%zu bytes given)", n);
	bool upper = false, lower = false;
	for (size_t i = 2; i < 42; i++) {
		char d[16];
		if (hexval(s[i]) < 0) {
			byte_desc(d, sizeof d, (unsigned char)s[i]);
			return fail(err, errlen, "%s at position %zu is not a hex digit", d, i + 1);
		}
		upper |= s[i] >= 'A' && s[i] <= 'F';
		lower |= s[i] >= 'a' && s[i] <= 'f';
	}
	eip55_format(s + 2, norm);
	if (upper && lower && strcmp(norm, s) != 0)
		return fail(err, errlen, "EIP-55 checksum does not match (mixed-case address)");
	return 0;
}

static int check_beacon(const char *s, char *norm, char *err, size_t errlen)
{
	size_t n = strlen(s);
	if (n >= 2 && s[0] == '0' && s[1] == 'x') {
		if (n != 98)
			return fail(err, errlen,
			            "a validator pubkey is 0x followed by 96 hex digits (48 bytes); %zu digits given",
			            n - 2);
		for (size_t i = 0; i < n; i++) {
			char d[16];
			if (i >= 2 && hexval(s[i]) < 0) {
				byte_desc(d, sizeof d, (unsigned char)s[i]);
				return fail(err, errlen, "%s at position %zu is not a hex digit", d, i + 1);
			}
			norm[i] = s[i] >= 'A' && s[i] <= 'F' ? (char)(s[i] - 'A' + 'a') : s[i];
		}
		norm[n] = '\0';
		return 0;
	}
	if (n == 0)
		return fail(err, errlen, "a validator is an index (digits) or a 0x pubkey; nothing given");
	uint64_t v = 0;
	for (size_t i = 0; i < n; i++) {
		char d[16];
		if (s[i] < '0' || s[i] > '9') {
			byte_desc(d, sizeof d, (unsigned char)s[i]);
			return fail(err, errlen,
			            "a validator index is decimal digits: %s at position %zu is not one", d,
			            i + 1);
		}
		unsigned digit = (unsigned)(s[i] - '0');
		if (v > (UINT64_MAX - 1 - digit) / 10)
			return fail(err, errlen, "validator index is too large (at most 18446744073709551614)");
		v = v * 10 + digit;
	}
	snprintf(norm, WATCH_ADDR_MAX, "%llu", (unsigned long long)v);
	return 0;
}

static const char b58_alphabet[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

static int b58_digit(char c)
{
	const char *p = c ? strchr(b58_alphabet, c) : NULL;
	return p ? (int)(p - b58_alphabet) : -1;
}

int base58_decode(const char *s, uint8_t *out, size_t cap)
{
	uint8_t buf[128];
	size_t len = 0, zeros = 0;
	size_t n = strlen(s);
	if (n > 2 * sizeof buf)
		return -1;
	for (; zeros < n && s[zeros] == '1'; zeros++)
		;
	for (size_t i = zeros; i < n; i++) {
		int d = b58_digit(s[i]);
		if (d < 0)
			return -1;
		unsigned carry = (unsigned)d;
		for (size_t k = 0; k < len; k++) {
			carry += buf[k] * 58u;
			buf[k] = (uint8_t)carry;
			carry >>= 8;
		}
		while (carry) {
			if (len == sizeof buf)
				return -1;
			buf[len++] = (uint8_t)carry;
			carry >>= 8;
		}
	}
	if (zeros + len > cap)
		return -1;
	memset(out, 0, zeros);
	for (size_t k = 0; k < len; k++)
		out[zeros + k] = buf[len - 1 - k];
	return (int)(zeros + len);
}

static int b58_check_chars(const char *s, char *err, size_t errlen)
{
	size_t n = strlen(s);
	if (n == 0)
		return fail(err, errlen, "empty address");
	for (size_t i = 0; i < n; i++)
		if (b58_digit(s[i]) < 0) {
			char d[16];
			byte_desc(d, sizeof d, (unsigned char)s[i]);
			return fail(err, errlen, "%s at position %zu is not base58 (no 0, O, I, l)", d,
			            i + 1);
		}
	if (n > 64)
		return fail(err, errlen, "too long for base58 of 32 bytes (%zu characters)", n);
	return 0;
}

static int check_solana(const char *s, char *norm, char *err, size_t errlen)
{
	if (b58_check_chars(s, err, errlen) < 0)
		return -1;
	uint8_t b[64];
	int n = base58_decode(s, b, sizeof b);
	if (n != 32)
		return fail(err, errlen, "a Solana address is base58 of 32 bytes; this decodes to %d", n);
	snprintf(norm, WATCH_ADDR_MAX, "%s", s);
	return 0;
}

static uint32_t bech32_polymod(const uint8_t *v, size_t n)
{
	static const uint32_t gen[5] = { 0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3 };
	uint32_t chk = 1;
	for (size_t i = 0; i < n; i++) {
		uint32_t top = chk >> 25;
		chk = (chk & 0x1ffffff) << 5 ^ v[i];
		for (int k = 0; k < 5; k++)
			if (top >> k & 1)
				chk ^= gen[k];
	}
	return chk;
}

static int check_cosmos(const char *s, char *norm, char *err, size_t errlen)
{
	static const char charset[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
	size_t n = strlen(s);
	if (n > 90)
		return fail(err, errlen, "bech32 is at most 90 characters (%zu given)", n);
	bool up = false, low = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 33 || c > 126) {
			char d[16];
			byte_desc(d, sizeof d, c);
			return fail(err, errlen, "%s at position %zu is not allowed in bech32", d, i + 1);
		}
		up |= c >= 'A' && c <= 'Z';
		low |= c >= 'a' && c <= 'z';
	}
	if (up && low)
		return fail(err, errlen, "bech32 must be in one case (all lower or all upper)");
	char lo[91];
	for (size_t i = 0; i <= n; i++)
		lo[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
	const char *sep = strrchr(lo, '1');
	if (!sep || sep == lo)
		return fail(err, errlen, "bech32 needs a prefix and the separator '1'");
	size_t hrp = (size_t)(sep - lo), data = n - hrp - 1;
	if (hrp != 6 || strncmp(lo, "cosmos", 6) != 0)
		return fail(err, errlen, "prefix is not 'cosmos' (a Cosmos Hub account address)");
	if (data < 6)
		return fail(err, errlen, "bech32 data is shorter than its 6-character checksum");
	uint8_t v[6 * 2 + 1 + 90];
	size_t k = 0;
	for (size_t i = 0; i < hrp; i++)
		v[k++] = (uint8_t)(lo[i] >> 5);
	v[k++] = 0;
	for (size_t i = 0; i < hrp; i++)
		v[k++] = (uint8_t)(lo[i] & 31);
	for (size_t i = hrp + 1; i < n; i++) {
		const char *p = strchr(charset, lo[i]);
		if (!p) {
			char d[16];
			byte_desc(d, sizeof d, (unsigned char)s[i]);
			return fail(err, errlen, "%s at position %zu is not a bech32 character", d, i + 1);
		}
		v[k++] = (uint8_t)(p - charset);
	}
	if (bech32_polymod(v, k) != 1)
		return fail(err, errlen, "bech32 checksum does not match");
	/* the payload: 5-bit groups to bytes */
	size_t bits = (data - 6) * 5;
	if (bits % 8 >= 5 || (bits / 8 != 20 && bits / 8 != 32))
		return fail(err, errlen, "a cosmos address holds 20 or 32 bytes; this one %zu", bits / 8);
	memcpy(norm, lo, n + 1);
	return 0;
}

static int check_polkadot(const char *s, char *norm, char *err, size_t errlen)
{
	if (b58_check_chars(s, err, errlen) < 0)
		return -1;
	uint8_t b[64];
	int n = base58_decode(s, b, sizeof b);
	if (n != 35)
		return fail(err, errlen,
		            "an SS58 Polkadot address is 35 bytes (prefix, 32-byte account, 2-byte checksum); this decodes to %d",
		            n);
	if (b[0] != 0)
		return fail(err, errlen, "SS58 prefix is %u, not 0 (Polkadot)", b[0]);
	uint8_t pre[7 + 33], h[64];
	memcpy(pre, "SS58PRE", 7);
	memcpy(pre + 7, b, 33);
	blake2b512(pre, sizeof pre, h);
	if (h[0] != b[33] || h[1] != b[34])
		return fail(err, errlen, "SS58 checksum does not match");
	snprintf(norm, WATCH_ADDR_MAX, "%s", s);
	return 0;
}

int address_check(enum watch_chain c, const char *s, char *norm, char *err, size_t errlen)
{
	if (err && errlen)
		err[0] = '\0';
	if (!s)
		return fail(err, errlen, "no address");
	switch (c) {
	case WCHAIN_ETHEREUM:
		return check_evm(s, norm, err, errlen);
	case WCHAIN_BEACON:
		return check_beacon(s, norm, err, errlen);
	case WCHAIN_SOLANA:
		return check_solana(s, norm, err, errlen);
	case WCHAIN_COSMOS:
		return check_cosmos(s, norm, err, errlen);
	case WCHAIN_POLKADOT:
		return check_polkadot(s, norm, err, errlen);
	case WCHAIN_COUNT:
		break;
	}
	return fail(err, errlen, "unknown chain");
}
