/* test_address.c — Keccak-256 and BLAKE2b-512 against published vectors,
 * and the per-chain address rules. Valid addresses come from the EIP-55
 * text, the Web3 Foundation's SS58 example, Solana's program ids, and
 * bech32 strings made with BIP-173's reference encoder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "positions/address.h"
#include "positions/hash.h"

static void hex(const uint8_t *b, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", b[i]);
}

static void hash__keccak256__known_vectors(void **state)
{
	(void)state;
	uint8_t h[32];
	char s[65];
	keccak256("", 0, h);
	hex(h, 32, s);
	assert_string_equal(s, "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
	keccak256("abc", 3, h);
	hex(h, 32, s);
	assert_string_equal(s, "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
	/* the function selectors of CHAINS.md are the first 4 bytes */
	keccak256("balanceOf(address)", 18, h);
	hex(h, 4, s);
	assert_string_equal(s, "70a08231");
	keccak256("sharesOf(address)", 17, h);
	hex(h, 4, s);
	assert_string_equal(s, "f5eb42dc");
}

static void hash__blake2b512__rfc7693_vectors(void **state)
{
	(void)state;
	uint8_t h[64];
	char s[129];
	blake2b512("abc", 3, h); /* RFC 7693 appendix A */
	hex(h, 64, s);
	assert_string_equal(s, "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
	                       "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
	blake2b512("", 0, h);
	hex(h, 64, s);
	assert_string_equal(s, "786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419"
	                       "d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce");
}

static int ok(enum watch_chain c, const char *s, const char *want_norm)
{
	char norm[WATCH_ADDR_MAX], err[160];
	int rc = address_check(c, s, norm, err, sizeof err);
	if (rc == 0 && want_norm)
		assert_string_equal(norm, want_norm);
	return rc;
}

static void bad(enum watch_chain c, const char *s, const char *want_in_err)
{
	char norm[WATCH_ADDR_MAX], err[160];
	assert_int_equal(address_check(c, s, norm, err, sizeof err), -1);
	if (!strstr(err, want_in_err))
		fail_msg("'%s' not in '%s'", want_in_err, err);
	for (const char *p = err; *p; p++) /* no raw outside byte */
		assert_true(*p >= 0x20 && *p < 0x7f);
}

static void address__ethereum__eip55(void **state)
{
	(void)state;
	const char *v[] = { "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
		            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
		            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
		            "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb" };
	for (size_t i = 0; i < 4; i++)
		assert_int_equal(ok(WCHAIN_ETHEREUM, v[i], v[i]), 0);
	/* all lower case carries no checksum: accepted, stored in EIP-55 form */
	assert_int_equal(ok(WCHAIN_ETHEREUM, "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
	                    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"), 0);
	/* one letter's case flipped: the checksum fails */
	bad(WCHAIN_ETHEREUM, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "EIP-55");
	bad(WCHAIN_ETHEREUM, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA", "40 hex digits");
	bad(WCHAIN_ETHEREUM, "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00", "0x");
	bad(WCHAIN_ETHEREUM, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg", "'g' at position 42");
	bad(WCHAIN_ETHEREUM, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA\x1b[", "byte 0x1b at position 41");
}

static void address__beacon__index_or_pubkey(void **state)
{
	(void)state;
	assert_int_equal(ok(WCHAIN_BEACON, "0042", "42"), 0);
	assert_int_equal(ok(WCHAIN_BEACON, "18446744073709551614", "18446744073709551614"), 0);
	bad(WCHAIN_BEACON, "18446744073709551615", "too large"); /* FAR_FUTURE, no validator */
	char pk[99] = "0x";
	memset(pk + 2, 'A', 96);
	pk[98] = 0;
	char lower[99] = "0x";
	memset(lower + 2, 'a', 96);
	lower[98] = 0;
	assert_int_equal(ok(WCHAIN_BEACON, pk, lower), 0);
	pk[97] = 0; /* 95 digits */
	bad(WCHAIN_BEACON, pk, "96 hex digits");
	bad(WCHAIN_BEACON, "12a", "'a' at position 3");
	bad(WCHAIN_BEACON, "", "nothing given");
}

static void address__solana__base58_32_bytes(void **state)
{
	(void)state;
	assert_int_equal(ok(WCHAIN_SOLANA, "Stake11111111111111111111111111111111111111",
	                    "Stake11111111111111111111111111111111111111"), 0);
	assert_int_equal(ok(WCHAIN_SOLANA, "So11111111111111111111111111111111111111112", NULL), 0);
	bad(WCHAIN_SOLANA, "So1111111111111111111111111111111111111111", "decodes to 31");
	bad(WCHAIN_SOLANA, "Stake1111111111111111111111111111111111111O", "'O' at position 43");
	bad(WCHAIN_SOLANA, "Stake\xc3\x28", "byte 0xc3 at position 6");
}

static void address__cosmos__bech32(void **state)
{
	(void)state;
	/* bytes 0..19 and 20 x 0xab, encoded by BIP-173's reference code */
	assert_int_equal(ok(WCHAIN_COSMOS, "cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk363e",
	                    "cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk363e"), 0);
	assert_int_equal(ok(WCHAIN_COSMOS, "COSMOS14W46H2AT4W46H2AT4W46H2AT4W46H2ATUW643A",
	                    "cosmos14w46h2at4w46h2at4w46h2at4w46h2atuw643a"), 0);
	bad(WCHAIN_COSMOS, "cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk363f", "checksum");
	bad(WCHAIN_COSMOS, "osmo1qqqsyqcyq5rqwzqfpg9scrgwpugpzysntdz28t", "'cosmos'");
	bad(WCHAIN_COSMOS, "Cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk363e", "one case");
	bad(WCHAIN_COSMOS, "cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk36be", "'b' at position 44");
	bad(WCHAIN_COSMOS, "cosmos1\x1b[2J", "byte 0x1b");
}

static void address__polkadot__ss58(void **state)
{
	(void)state;
	/* the Web3 Foundation's example stash */
	assert_int_equal(ok(WCHAIN_POLKADOT, "15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5", NULL),
	                 0);
	bad(WCHAIN_POLKADOT, "15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp6", "checksum");
	bad(WCHAIN_POLKADOT, "Stake11111111111111111111111111111111111111", "decodes to 32");
}

static void address__chain_names(void **state)
{
	(void)state;
	enum watch_chain c;
	assert_int_equal(watch_chain_parse("cosmos", &c), 0);
	assert_int_equal(c, WCHAIN_COSMOS);
	assert_int_equal(watch_chain_parse("Cosmos", &c), -1);
	assert_int_equal(watch_chain_parse("bitcoin", &c), -1);
	assert_string_equal(watch_chain_name(WCHAIN_BEACON), "beacon");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hash__keccak256__known_vectors),
		cmocka_unit_test(hash__blake2b512__rfc7693_vectors),
		cmocka_unit_test(address__ethereum__eip55),
		cmocka_unit_test(address__beacon__index_or_pubkey),
		cmocka_unit_test(address__solana__base58_32_bytes),
		cmocka_unit_test(address__cosmos__bech32),
		cmocka_unit_test(address__polkadot__ss58),
		cmocka_unit_test(address__chain_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
