/* test_chains.c — the chain readers' pure parsers on reply shapes from
 * CHAINS.md. Every quantity is checked to the base unit, with the
 * arithmetic in a comment. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pricing/chains/beacon.h"
#include "pricing/chains/cosmos.h"
#include "pricing/chains/eigenlayer.h"
#include "pricing/chains/ethereum.h"
#include "pricing/chains/polkadot.h"
#include "pricing/chains/solana.h"

static struct asset cat_assets[6];
static struct catalog cat = { cat_assets, 6 };

static int setup(void **state)
{
	(void)state;
	memset(cat_assets, 0, sizeof cat_assets);
	struct asset *a = cat_assets;
	snprintf(a[0].symbol, SYM_MAX, "ETH"), snprintf(a[0].chain, CHAIN_MAX, "ethereum");
	a[0].decimals = 18;
	snprintf(a[1].symbol, SYM_MAX, "stETH"), snprintf(a[1].chain, CHAIN_MAX, "ethereum");
	a[1].decimals = 18, a[1].model = MODEL_REBASING;
	snprintf(a[1].token, ADDR_MAX, "0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84");
	snprintf(a[1].shares_selector, sizeof a[1].shares_selector, "0xf5eb42dc");
	snprintf(a[2].symbol, SYM_MAX, "SOL"), snprintf(a[2].chain, CHAIN_MAX, "solana");
	a[2].decimals = 9, a[2].unbond.slot_seconds = 0.4;
	snprintf(a[3].symbol, SYM_MAX, "JitoSOL"), snprintf(a[3].chain, CHAIN_MAX, "solana");
	a[3].decimals = 9, a[3].model = MODEL_REWARD_BEARING;
	snprintf(a[3].token, ADDR_MAX, "J1toso1uCk3RLmjorhTtrVwY9HJ7X8V9yYac6Y7kGCPn");
	snprintf(a[4].symbol, SYM_MAX, "ATOM"), snprintf(a[4].chain, CHAIN_MAX, "cosmos");
	a[4].decimals = 6;
	snprintf(a[5].symbol, SYM_MAX, "DOT"), snprintf(a[5].chain, CHAIN_MAX, "polkadot");
	a[5].decimals = 10;
	return 0;
}

static void assert_q(dec_t d, const char *want)
{
	char buf[DEC_STR_MAX];
	dec_format(d, buf, sizeof buf);
	assert_string_equal(buf, want);
}

/* --- helpers --------------------------------------------------------------- */

static void chains__u64__string_and_bare_sentinel(void **state)
{
	(void)state;
	uint64_t v;
	cJSON *s = cJSON_Parse("\"18446744073709551615\"");
	cJSON *n = cJSON_Parse("18446744073709551615");
	cJSON *big = cJSON_Parse("18446744073709549568"); /* 2^64 - 2048: not the sentinel */
	cJSON *neg = cJSON_Parse("-1");
	assert_int_equal(chain_json_u64(s, &v), 0);
	assert_true(v == UINT64_MAX);
	assert_int_equal(chain_json_u64(n, &v), 0);
	assert_true(v == UINT64_MAX);
	assert_int_equal(chain_json_u64(big, &v), -1);
	assert_int_equal(chain_json_u64(neg, &v), -1);
	cJSON_Delete(s), cJSON_Delete(n), cJSON_Delete(big), cJSON_Delete(neg);
	int64_t t;
	/* 2026-12-16 is day 20803 after 1970-01-01:
	 * 20803 × 86400 + 10×3600 + 59×60 + 3 = 1797418743 (fraction dropped) */
	assert_int_equal(chain_time_rfc3339("2026-12-16T10:59:03.797335857Z", &t), 0);
	assert_true(t == 20803LL * 86400 + 10 * 3600 + 59 * 60 + 3);
	assert_int_equal(chain_time_rfc3339("2026-12-16T10:59:03.7973358571Z", &t), -1);
	dec_t q;
	assert_int_equal(chain_hex_units("0x", 18, &q), -2);
	/* 0x1bc16d674ec80000 = 2000000000000000000 wei = 2 ETH */
	assert_int_equal(chain_hex_units("0x1bc16d674ec80000", 18, &q), 0);
	assert_q(q, "2");
}

/* --- Ethereum -------------------------------------------------------------- */

static const char *const eth_addrs[] = { "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed" };

static void ethereum__balances_and_shares(void **state)
{
	(void)state;
	char *body = ethereum_build(eth_addrs, 1, &cat, NULL, NULL);
	assert_non_null(body);
	/* balanceOf calldata: selector + the address left-padded to 32 bytes */
	assert_non_null(strstr(body, "\"data\":\"0x70a08231000000000000000000000000"
	                             "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed\""));
	assert_non_null(strstr(body, "\"input\":\"0xf5eb42dc0000"));
	free(body);
	/* ids: block 1; getBalance 2; balanceOf stETH (i=1): 2+1+2 = 5; sharesOf 6 */
	const char *ans =
		"[{\"jsonrpc\":\"2.0\",\"id\":6,\"result\":\"0x00000000000000000000000000000000"
		"000000000000000014d1120d7b160000\"},"
		"{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1406f40\"},"
		"{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":\"0x1bc16d674ec80001\"},"
		"{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":\"0x00000000000000000000000000000000"
		"00000000000000001bc16d674ec7ffff\"}]";
	struct chain_items out = { 0 };
	uint64_t block;
	char err[256];
	assert_int_equal(ethereum_parse(ans, strlen(ans), 0, &cat, &out, &block, err, sizeof err), 0);
	assert_true(block == 0x1406f40); /* 21000000 */
	assert_int_equal(out.n, 2);
	assert_string_equal(out.v[0].asset, "ETH");
	assert_true(out.v[0].idle);
	assert_q(out.v[0].quantity, "2.000000000000000001"); /* 2e18 + 1 wei */
	assert_string_equal(out.v[1].asset, "stETH");
	assert_q(out.v[1].quantity, "1.999999999999999999"); /* 2e18 − 1 wei */
	assert_true(out.v[1].has_shares);
	assert_q(out.v[1].shares, "1.5"); /* 0x14d1120d7b160000 = 1.5e18 */
	chain_items_free(&out);
}

static void ethereum__no_code_and_refused_batch(void **state)
{
	(void)state;
	const char *ans = "[{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":\"0x0\"},"
	                  "{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":\"0x\"},"
	                  "{\"jsonrpc\":\"2.0\",\"id\":6,\"result\":\"0x1\"}]";
	struct chain_items out = { 0 };
	uint64_t block;
	char err[256];
	assert_int_equal(ethereum_parse(ans, strlen(ans), 0, &cat, &out, &block, err, sizeof err), -1);
	assert_non_null(strstr(err, "no contract code at 0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84"));
	assert_int_equal(out.n, 0); /* nothing zeroed: nothing given */
	const char *refused = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,"
	                      "\"message\":\"batch not supported\"}}";
	assert_int_equal(ethereum_parse(refused, strlen(refused), 0, &cat, &out, &block, err,
	                                sizeof err), -1);
	assert_non_null(strstr(err, "-32600"));
	chain_items_free(&out);
	char **single = NULL;
	size_t n = 0;
	char *body = ethereum_build(eth_addrs, 1, &cat, &single, &n);
	assert_int_equal(n, 4); /* block, balance, balanceOf, sharesOf */
	assert_string_equal(single[0], "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[]}");
	for (size_t i = 0; i < n; i++)
		free(single[i]);
	free(single);
	free(body);
}

/* --- Beacon ------------------------------------------------------------------ */

static void beacon__balance_status_exit(void **state)
{
	(void)state;
	const char *ids[] = { "1", "0x93aa" };
	char *url, *body;
	assert_int_equal(beacon_build("http://127.0.0.1:1/", ids, 2, &url, &body), 0);
	assert_string_equal(url, "http://127.0.0.1:1/eth/v1/beacon/states/head/validators");
	assert_string_equal(body, "{\"ids\":[\"1\",\"0x93aa\"]}");
	free(url), free(body);
	/* validator 1 active, FAR_FUTURE as a string; validator 7 exiting, its
	 * pubkey asked, FAR_FUTURE exit as a bare number is not used */
	const char *ans =
		"{\"execution_optimistic\":false,\"finalized\":false,\"data\":["
		"{\"index\":\"1\",\"balance\":\"32001234567\",\"status\":\"active_ongoing\","
		"\"validator\":{\"pubkey\":\"0x11\",\"exit_epoch\":\"18446744073709551615\","
		"\"withdrawable_epoch\":\"18446744073709551615\"}},"
		"{\"index\":\"7\",\"balance\":31999999999,\"status\":\"active_exiting\","
		"\"validator\":{\"pubkey\":\"0x93AA\",\"exit_epoch\":\"300000\","
		"\"withdrawable_epoch\":300256}}]}";
	struct chain_items out = { 0 };
	bool found[2];
	char err[256];
	assert_int_equal(beacon_parse(ans, strlen(ans), ids, 2, &cat_assets[0], 1606824023, 86400,
	                              &out, found, err, sizeof err), 0);
	assert_true(found[0] && found[1]);
	assert_int_equal(out.n, 3);
	assert_q(out.v[0].quantity, "32.001234567"); /* 32001234567 Gwei / 1e9 */
	assert_false(out.v[0].unbonding);
	assert_string_equal(out.v[0].detail, "active_ongoing");
	/* validator 7 exiting: its whole balance leaves it (an exit naming it),
	 * the validator itself keeps 0 that earns */
	assert_string_equal(out.v[1].key, "validator 7 exit");
	assert_string_equal(out.v[1].parent, "validator 7");
	assert_q(out.v[1].quantity, "31.999999999");
	assert_true(out.v[1].unbonding && out.v[1].estimate);
	/* 1606824023 + 300256 × 384 + 86400 = 1606824023 + 115298304 + 86400 */
	assert_true(out.v[1].available_at == 1722208727);
	assert_string_equal(out.v[2].key, "validator 7");
	assert_q(out.v[2].quantity, "0");
	assert_false(out.v[2].unbonding);
	assert_string_equal(out.v[2].detail, "active_exiting");
	chain_items_free(&out);
	/* the bare-number sentinel in withdrawable_epoch: not exiting */
	const char *bare = "{\"data\":{\"index\":\"9\",\"balance\":\"32000000000\",\"status\":"
	                   "\"active_ongoing\",\"validator\":{\"withdrawable_epoch\":"
	                   "18446744073709551615}}}";
	const char *id9[] = { "9" };
	assert_int_equal(beacon_parse(bare, strlen(bare), id9, 1, &cat_assets[0], 1606824023, 0,
	                              &out, found, err, sizeof err), 0);
	assert_false(out.v[0].unbonding);
	assert_q(out.v[0].quantity, "32");
	chain_items_free(&out);
	const char *nf = "{\"code\":404,\"message\":\"Validator not found\"}";
	assert_int_equal(beacon_parse(nf, strlen(nf), id9, 1, &cat_assets[0], 0, 0, &out, found,
	                              err, sizeof err), -1);
	assert_non_null(strstr(err, "validator not found"));
	chain_items_free(&out);
}

/* --- Cosmos ------------------------------------------------------------------ */

static void cosmos__pages_unbonding_rewards(void **state)
{
	(void)state;
	char *u = cosmos_build_url("https://lcd.example/", COSMOS_DELEGATIONS,
	                           "cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk363e", "ab+/c=");
	assert_string_equal(u, "https://lcd.example/cosmos/staking/v1beta1/delegations/"
	                       "cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk363e?pagination.key=ab%2B%2Fc%3D");
	free(u);
	const char *p1 = "{\"delegation_responses\":[{\"delegation\":{\"delegator_address\":\"c\","
	                 "\"validator_address\":\"cosmosvaloper1a\",\"shares\":\"256250000.000000000000000000\"},"
	                 "\"balance\":{\"denom\":\"uatom\",\"amount\":\"256250000\"}}],"
	                 "\"pagination\":{\"next_key\":\"FPoo+/==\",\"total\":\"2\"}}";
	struct chain_items out = { 0 };
	char *next = NULL, err[256];
	assert_int_equal(cosmos_parse(COSMOS_DELEGATIONS, p1, strlen(p1), &cat_assets[4], &out,
	                              &next, err, sizeof err), 0);
	assert_string_equal(next, "FPoo+/==");
	free(next);
	assert_q(out.v[0].quantity, "256.25"); /* 256250000 uatom / 1e6 */
	assert_string_equal(out.v[0].key, "ATOM@cosmosvaloper1a");
	const char *p2 = "{\"delegation_responses\":[],\"pagination\":null}";
	assert_int_equal(cosmos_parse(COSMOS_DELEGATIONS, p2, strlen(p2), &cat_assets[4], &out,
	                              &next, err, sizeof err), 0);
	assert_null(next);
	/* a slashed entry: balance 47500000 below initial 50000000 */
	const char *ub = "{\"unbonding_responses\":[{\"delegator_address\":\"c\",\"validator_address\":"
	                 "\"cosmosvaloper1b\",\"entries\":[{\"creation_height\":\"2442278\","
	                 "\"completion_time\":\"2026-12-16T10:59:03.797335857Z\",\"initial_balance\":"
	                 "\"50000000\",\"balance\":\"47500000\",\"unbonding_id\":\"12345\"}]}],"
	                 "\"pagination\":{\"next_key\":null,\"total\":\"1\"}}";
	assert_int_equal(cosmos_parse(COSMOS_UNBONDING, ub, strlen(ub), &cat_assets[4], &out,
	                              &next, err, sizeof err), 0);
	assert_int_equal(out.n, 2);
	assert_q(out.v[1].quantity, "47.5"); /* the balance, not initial_balance */
	assert_true(out.v[1].unbonding && !out.v[1].estimate);
	assert_true(out.v[1].available_at == 20803LL * 86400 + 10 * 3600 + 59 * 60 + 3);
	const char *rw = "{\"rewards\":[],\"total\":[{\"denom\":\"ibc/27\",\"amount\":\"5.5\"},"
	                 "{\"denom\":\"uatom\",\"amount\":\"1234567.891234567891234567\"}]}";
	assert_int_equal(cosmos_parse(COSMOS_REWARDS, rw, strlen(rw), &cat_assets[4], &out, &next,
	                              err, sizeof err), 0);
	assert_q(out.v[2].quantity, "1.234567"); /* 1234567 uatom, the fraction truncated */
	const char *bad = "{\"delegation_responses\":[{\"delegation\":{\"validator_address\":"
	                  "\"v\\u001b[2J\"},\"balance\":{\"denom\":\"uatom\",\"amount\":\"1\"}}]}";
	assert_int_equal(cosmos_parse(COSMOS_DELEGATIONS, bad, strlen(bad), &cat_assets[4], &out,
	                              &next, err, sizeof err), -1);
	assert_int_equal(out.n, 3);
	chain_items_free(&out);
}

/* The bank balances: liquid uatom as the idle "ATOM", other denoms skipped. */
static int bank(const char *body, struct chain_items *out, char **next, char *err)
{
	return cosmos_parse(COSMOS_BALANCES, body, strlen(body), &cat_assets[4], out, next, err, 256);
}

static void cosmos__bank_uatom_idle_among_denoms(void **state)
{
	(void)state;
	char *u = cosmos_build_url("https://lcd.example", COSMOS_BALANCES,
	                           "cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk363e", NULL);
	assert_string_equal(u, "https://lcd.example/cosmos/bank/v1beta1/balances/"
	                       "cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk363e");
	free(u);
	u = cosmos_build_url("https://lcd.example/", COSMOS_BALANCES,
	                     "cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk363e", "Ym9i+/==");
	assert_string_equal(u, "https://lcd.example/cosmos/bank/v1beta1/balances/"
	                       "cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk363e?pagination.key=Ym9i%2B%2F%3D%3D");
	free(u);
	/* a delegation read first: the bank's "ATOM" is another item beside it */
	const char *del = "{\"delegation_responses\":[{\"delegation\":{\"validator_address\":"
	                  "\"cosmosvaloper1a\"},\"balance\":{\"denom\":\"uatom\",\"amount\":\"7\"}}]}";
	struct chain_items out = { 0 };
	char *next = NULL, err[256];
	assert_int_equal(cosmos_parse(COSMOS_DELEGATIONS, del, strlen(del), &cat_assets[4], &out,
	                              &next, err, sizeof err), 0);
	/* an ibc coin, uatom, a factory coin too large for any dec_t: skipped */
	const char *b = "{\"balances\":[{\"denom\":\"ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2\","
	                "\"amount\":\"5\"},{\"denom\":\"uatom\",\"amount\":\"1000001\"},"
	                "{\"denom\":\"factory/cosmos1x/y\",\"amount\":\"99999999999999999999999999999999999999\"}],"
	                "\"pagination\":{\"next_key\":null,\"total\":\"3\"}}";
	assert_int_equal(bank(b, &out, &next, err), 0);
	assert_null(next);
	assert_int_equal(out.n, 2);
	assert_q(out.v[0].quantity, "0.000007"); /* the delegation, untouched */
	assert_string_equal(out.v[0].key, "ATOM@cosmosvaloper1a");
	assert_false(out.v[0].idle);
	assert_q(out.v[1].quantity, "1.000001"); /* 1000001 uatom / 1e6 */
	assert_string_equal(out.v[1].key, "ATOM");
	assert_string_equal(out.v[1].asset, "ATOM");
	assert_string_equal(out.v[1].detail, "wallet balance");
	assert_true(out.v[1].idle && !out.v[1].unbonding);
	chain_items_free(&out);
	/* no uatom at all (and an empty list): one idle ATOM at 0, not nothing */
	assert_int_equal(bank("{\"balances\":[{\"denom\":\"ibc/27\",\"amount\":\"5\"}],"
	                      "\"pagination\":{\"next_key\":null,\"total\":\"1\"}}", &out, &next, err), 0);
	assert_int_equal(out.n, 1);
	assert_q(out.v[0].quantity, "0");
	assert_true(out.v[0].idle);
	assert_string_equal(out.v[0].key, "ATOM");
	chain_items_free(&out);
	assert_int_equal(bank("{\"balances\":[],\"pagination\":null}", &out, &next, err), 0);
	assert_int_equal(out.n, 1);
	assert_q(out.v[0].quantity, "0");
	chain_items_free(&out);
}

static void cosmos__bank_two_pages(void **state)
{
	(void)state;
	struct chain_items out = { 0 };
	char *next = NULL, err[256];
	/* uatom on the second page: page 1 makes ATOM at 0, page 2 fills it */
	assert_int_equal(bank("{\"balances\":[{\"denom\":\"ibc/A\",\"amount\":\"1\"}],"
	                      "\"pagination\":{\"next_key\":\"Ym9i+/==\",\"total\":\"2\"}}", &out, &next, err), 0);
	assert_string_equal(next, "Ym9i+/==");
	free(next);
	assert_int_equal(out.n, 1);
	assert_q(out.v[0].quantity, "0");
	/* page 2 with its uatom but an ESC in its next_key: not taken at all */
	assert_int_equal(bank("{\"balances\":[{\"denom\":\"uatom\",\"amount\":\"9\"}],"
	                      "\"pagination\":{\"next_key\":\"x\\u001b[2J\"}}", &out, &next, err), -1);
	assert_string_equal(err, "pagination.next_key 'x?' is not plain text");
	assert_null(next);
	assert_int_equal(out.n, 1);
	assert_q(out.v[0].quantity, "0");
	assert_int_equal(bank("{\"balances\":[{\"denom\":\"uatom\",\"amount\":\"2500000\"}],"
	                      "\"pagination\":{\"next_key\":null,\"total\":\"2\"}}", &out, &next, err), 0);
	assert_null(next);
	assert_int_equal(out.n, 1); /* one item, however many pages */
	assert_q(out.v[0].quantity, "2.5"); /* 2500000 uatom / 1e6 */
	/* a third page without uatom leaves it */
	assert_int_equal(bank("{\"balances\":[{\"denom\":\"ibc/B\",\"amount\":\"3\"}]}", &out, &next, err), 0);
	assert_int_equal(out.n, 1);
	assert_q(out.v[0].quantity, "2.5");
	/* uatom again on another page: refused, the 2.5 kept */
	assert_int_equal(bank("{\"balances\":[{\"denom\":\"uatom\",\"amount\":\"1\"}]}", &out, &next, err), -1);
	assert_non_null(strstr(err, "uatom on two pages"));
	assert_int_equal(out.n, 1);
	assert_q(out.v[0].quantity, "2.5");
	chain_items_free(&out);
}

static void cosmos__bank_hostile(void **state)
{
	(void)state;
	struct chain_items out = { 0 };
	char *next = NULL, err[256];
	assert_int_equal(bank("{\"balances\":[{\"denom\":\"uatom\",\"amount\":\"4000000\"}]}", &out, &next, err), 0);
	assert_q(out.v[0].quantity, "4"); /* 4000000 uatom / 1e6 */
	/* the messages quote the bytes sanitized: a whole escape sequence
	 * (ESC [2J, ESC ]0;x BEL) becomes one '?' */
	const struct { const char *body, *want; } bad[] = {
		{ "{\"balances\":[{\"denom\":\"uatom\",\"amount\":\"1.5\"}]}",
		  "balances amount '1.5' of uatom is not an integer" },
		{ "{\"balances\":[{\"denom\":\"ibc/A\",\"amount\":\"-3\"}]}",
		  "balances amount '-3' of ibc/A is not an integer" },
		{ "{\"balances\":[{\"denom\":\"uatom\",\"amount\":\"\"}]}",
		  "balances amount '' of uatom is not an integer" },
		{ "{\"balances\":[{\"denom\":\"uatom\",\"amount\":5}]}",
		  "expected string at balances[].amount, got number" },
		{ "{\"balances\":[{\"denom\":\"u\\u001b[2Jatom\",\"amount\":\"5\"}]}",
		  "balances denom 'u?atom' is not plain text" },
		{ "{\"balances\":[{\"denom\":\"\",\"amount\":\"5\"}]}", "balances denom '' is not plain text" },
		{ "{\"balances\":[{\"denom\":7,\"amount\":\"5\"}]}", "expected string at balances[].denom, got number" },
		{ "{\"balances\":[\"uatom\"]}", "expected object at balances[], got string" },
		{ "{\"balances\":{\"uatom\":\"5\"}}", "expected array at balances, got object" },
		{ "{\"balance\":[]}", "expected array at balances, got nothing" },
		{ "{\"balances\":[{\"denom\":\"uatom\",\"amount\":\"1\"},{\"denom\":\"uatom\",\"amount\":\"1\"}]}",
		  "balances list uatom twice" },
		/* a good page whose next_key carries ESC: the page is not taken */
		{ "{\"balances\":[],\"pagination\":{\"next_key\":\"ab\\u001b]0;x\\u0007\"}}",
		  "pagination.next_key 'ab?' is not plain text" },
		{ "{\"balances\":[],\"pagination\":{\"next_key\":5}}",
		  "expected string at pagination.next_key, got number" },
		{ "{\"balances\":[],\"pagination\":[]}", "expected object at pagination, got array" },
		{ "{\"code\":5,\"message\":\"bad\\u001b\"}", "node error 5 'bad?'" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		err[0] = '\0';
		assert_int_equal(bank(bad[i].body, &out, &next, err), -1);
		assert_string_equal(err, bad[i].want);
		assert_null(next);
		assert_int_equal(out.n, 1); /* nothing added, the last 4 kept */
		assert_q(out.v[0].quantity, "4");
		assert_null(strchr(err, '\033'));
	}
	chain_items_free(&out);
}

/* --- Solana ------------------------------------------------------------------ */

static void solana__wallet_and_stake_account(void **state)
{
	(void)state;
	const char *addrs[] = { "Wa11et", "StakeAcc" };
	char *b = solana_build(addrs, 2, &cat);
	/* JitoSOL is catalog index 3: slot 2 + 3 = 5, id 0×1000 + 5 + 1 = 6 */
	assert_non_null(strstr(b, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"getTokenAccountsByOwner\","
	                          "\"params\":[\"Wa11et\",{\"mint\":\"J1toso1uCk3RLmjorhTtrVwY9HJ7X8V9yYac6Y7kGCPn\"}"));
	free(b);
	const char *ans =
		"[{\"jsonrpc\":\"2.0\",\"id\":999999999,\"result\":{\"epoch\":800,\"slotIndex\":400000,"
		"\"slotsInEpoch\":432000}},"
		"{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"context\":{\"slot\":345600000},\"value\":5000000001}},"
		"{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"value\":{\"owner\":\"11111111111111111111111111111111\",\"lamports\":5000000001}}},"
		"{\"jsonrpc\":\"2.0\",\"id\":6,\"result\":{\"value\":["
		"{\"account\":{\"data\":{\"parsed\":{\"info\":{\"tokenAmount\":{\"amount\":\"420000000000\",\"uiAmount\":420.0}}}}}},"
		"{\"account\":{\"data\":{\"parsed\":{\"info\":{\"tokenAmount\":{\"amount\":\"1\",\"uiAmount\":1e-9}}}}}}]}},"
		"{\"jsonrpc\":\"2.0\",\"id\":1001,\"result\":{\"value\":2282880}},"
		"{\"jsonrpc\":\"2.0\",\"id\":1002,\"result\":{\"value\":{\"owner\":\"Stake11111111111111111111111111111111111111\","
		"\"lamports\":1754455000000,\"rentEpoch\":18446744073709551615,\"data\":{\"parsed\":{\"type\":\"delegated\",\"info\":{\"stake\":{\"delegation\":"
		"{\"activationEpoch\":\"732\",\"deactivationEpoch\":\"801\",\"stake\":\"1752172116988\",\"voter\":\"Vote111\"}}}}}}}}]";
	struct chain_items out = { 0 };
	uint64_t slot;
	char err[256];
	assert_int_equal(solana_parse(ans, strlen(ans), 0, addrs[0], &cat, 1000, &out, &slot, err,
	                              sizeof err), 0);
	assert_true(slot == 345600000);
	assert_int_equal(out.n, 2);
	assert_q(out.v[0].quantity, "5.000000001"); /* lamports / 1e9 */
	assert_true(out.v[0].idle);
	assert_q(out.v[1].quantity, "420.000000001"); /* 420000000000 + 1, summed */
	assert_int_equal(solana_parse(ans, strlen(ans), 1, addrs[1], &cat, 1000, &out, &slot, err,
	                              sizeof err), 0);
	assert_int_equal(out.n, 4);
	assert_q(out.v[2].quantity, "1754.455"); /* value.lamports, not delegation.stake */
	assert_true(out.v[2].unbonding && out.v[2].estimate);
	assert_string_equal(out.v[2].parent, "stake StakeAcc");
	/* deactivating (801 >= 800): ends with epoch 801: 32000 slots left in
	 * 800 + 432000 in 801 = 464000 slots × 0.4 s = 185600 s */
	assert_true(out.v[2].available_at == 1000 + 185600);
	assert_string_equal(out.v[2].detail, "deactivating, voter Vote111");
	assert_string_equal(out.v[3].key, "stake StakeAcc");
	assert_q(out.v[3].quantity, "0"); /* nothing left that earns */
	assert_false(out.v[3].unbonding);
	chain_items_free(&out);
	/* deactivated at the end of epoch 798, now epoch 800 at slot 400000:
	 * withdrawable since the start of 799 = 1000 − 400000 × 0.4 − 432000 ×
	 * 0.4 = 1000 − 160000 − 172800 = −331800 */
	char *done = strdup(ans);
	char *d = strstr(done, "\"deactivationEpoch\":\"801\"");
	assert_non_null(d);
	const char *e798 = "\"deactivationEpoch\":\"798\"";
	memcpy(d, e798, strlen(e798));
	assert_int_equal(solana_parse(done, strlen(done), 1, addrs[1], &cat, 1000, &out, &slot, err,
	                              sizeof err), 0);
	assert_int_equal(out.n, 2);
	assert_true(out.v[0].unbonding && out.v[0].available_at == -331800);
	assert_string_equal(out.v[0].detail, "withdrawable, voter Vote111");
	assert_q(out.v[1].quantity, "0");
	free(done);
	chain_items_free(&out);
	const char *gone = "[{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32010,\"message\":\"disabled\"}}]";
	assert_int_equal(solana_parse(gone, strlen(gone), 0, addrs[0], &cat, 1000, &out, &slot, err,
	                              sizeof err), -1);
	assert_non_null(strstr(err, "-32010"));
	assert_int_equal(out.n, 0);
	chain_items_free(&out);
}

/* --- Polkadot ---------------------------------------------------------------- */

static void polkadot__bonded_and_unlocking(void **state)
{
	(void)state;
	const char *pr = "{\"activeEra\":\"210\",\"forceEra\":\"NotForcing\"}";
	uint64_t era, h;
	char err[256];
	assert_int_equal(polkadot_parse_progress(pr, strlen(pr), &era, err, sizeof err), 0);
	assert_true(era == 210);
	const char *si = "{\"at\":{\"hash\":\"0x1\",\"height\":\"3000000\"},\"staking\":{\"stash\":\"16\","
	                 "\"total\":\"155514320103496\",\"active\":\"112964320103496\","
	                 "\"unlocking\":[{\"value\":\"42550000000000\",\"era\":\"221\"}]}}";
	struct chain_items out = { 0 };
	assert_int_equal(polkadot_parse(si, strlen(si), &cat_assets[5], era, 86400, 5000, &out, &h,
	                                err, sizeof err), 0);
	assert_true(h == 3000000);
	assert_q(out.v[0].quantity, "11296.4320103496"); /* planck / 1e10 */
	assert_q(out.v[1].quantity, "4255");             /* 42550000000000 / 1e10 */
	/* total = active + unlocking: 112964320103496 + 42550000000000 = 155514320103496 */
	dec_t sum;
	assert_int_equal(dec_add(out.v[0].quantity, out.v[1].quantity, &sum), 0);
	assert_q(sum, "15551.4320103496");
	assert_true(out.v[1].available_at == 5000 + 11 * 86400); /* (221 − 210) eras */
	chain_items_free(&out);
}


/* --- EigenLayer ABI ------------------------------------------------------------ */

static void eigenlayer__abi_vectors(void **state)
{
	(void)state;
	/* CHAINS.md's vector: one stETH-strategy deposit of 1.5e18 shares is six
	 * words: 0x40, 0x80, 1, the strategy, 1, 0x14d1120d7b160000 */
	const char *dep =
		"0x0000000000000000000000000000000000000000000000000000000000000040"
		"0000000000000000000000000000000000000000000000000000000000000080"
		"0000000000000000000000000000000000000000000000000000000000000001"
		"00000000000000000000000093c4b944d05dfe6df7645a86cd2206016c51564d"
		"0000000000000000000000000000000000000000000000000000000000000001"
		"00000000000000000000000000000000000000000000000014d1120d7b160000";
	uint8_t *b;
	size_t n;
	char err[160];
	struct el_shares s;
	assert_int_equal(abi_hex_bytes(dep, &b, &n), 0);
	assert_int_equal(n, 6 * 32);
	assert_int_equal(el_parse_deposited(b, n, &s, err, sizeof err), 0);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.strategy[0], "0x93c4b944d05dfe6df7645a86cd2206016c51564d");
	assert_q(s.shares[0], "1.5");
	/* the second offset pointing past the end: refused, not read */
	b[2 * 32 - 1] = 0xc0;
	assert_int_equal(el_parse_deposited(b, n, &s, err, sizeof err), -1);
	assert_non_null(strstr(err, "out of bounds"));
	free(b);
	char *cd = el_withdrawable_calldata("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
	                                    &(struct el_shares){ .n = 1, .strategy = {
	                                      "0x93c4b944d05dfe6df7645a86cd2206016c51564d" } });
	/* selector, staker, offset 0x40, length 1, the strategy */
	assert_string_equal(cd, "0xc978f7ac"
	                        "0000000000000000000000005aaeb6053f3e94c9b9a09f33669435e7ef1beaed"
	                        "0000000000000000000000000000000000000000000000000000000000000040"
	                        "0000000000000000000000000000000000000000000000000000000000000001"
	                        "00000000000000000000000093c4b944d05dfe6df7645a86cd2206016c51564d");
	free(cd);
	/* one queued withdrawal: startBlock 20950000 (0x13fabf0), one strategy,
	 * shares 0.25e18 (0x3782dace9d90000); the tuple's offsets are relative
	 * to the tuple, the arrays' to their data */
	const char *q =
		"0x0000000000000000000000000000000000000000000000000000000000000040"
		"00000000000000000000000000000000000000000000000000000000000001e0"
		"0000000000000000000000000000000000000000000000000000000000000001"
		"0000000000000000000000000000000000000000000000000000000000000020"
		"0000000000000000000000005aaeb6053f3e94c9b9a09f33669435e7ef1beaed"
		"0000000000000000000000000000000000000000000000000000000000000000"
		"0000000000000000000000005aaeb6053f3e94c9b9a09f33669435e7ef1beaed"
		"0000000000000000000000000000000000000000000000000000000000000007"
		"00000000000000000000000000000000000000000000000000000000013fabf0"
		"00000000000000000000000000000000000000000000000000000000000000e0"
		"0000000000000000000000000000000000000000000000000000000000000120"
		"0000000000000000000000000000000000000000000000000000000000000001"
		"00000000000000000000000093c4b944d05dfe6df7645a86cd2206016c51564d"
		"0000000000000000000000000000000000000000000000000000000000000001"
		"00000000000000000000000000000000000000000000000003782dace9d90000"
		"0000000000000000000000000000000000000000000000000000000000000001"
		"0000000000000000000000000000000000000000000000000000000000000020"
		"0000000000000000000000000000000000000000000000000000000000000001"
		"00000000000000000000000000000000000000000000000003782dace9d90000";
	struct el_withdrawal w[4];
	size_t nw;
	assert_int_equal(abi_hex_bytes(q, &b, &n), 0);
	assert_int_equal(el_parse_queued(b, n, w, 4, &nw, err, sizeof err), 0);
	assert_int_equal(nw, 1);
	assert_true(w[0].start_block == 20950000);
	assert_int_equal(w[0].s.n, 1);
	assert_string_equal(w[0].s.strategy[0], "0x93c4b944d05dfe6df7645a86cd2206016c51564d");
	assert_q(w[0].s.shares[0], "0.25");
	assert_int_equal(el_parse_queued(b, n - 32, w, 4, &nw, err, sizeof err), -1); /* cut */
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(chains__u64__string_and_bare_sentinel),
		cmocka_unit_test(ethereum__balances_and_shares),
		cmocka_unit_test(ethereum__no_code_and_refused_batch),
		cmocka_unit_test(beacon__balance_status_exit),
		cmocka_unit_test(cosmos__pages_unbonding_rewards),
		cmocka_unit_test(cosmos__bank_uatom_idle_among_denoms),
		cmocka_unit_test(cosmos__bank_two_pages),
		cmocka_unit_test(cosmos__bank_hostile),
		cmocka_unit_test(solana__wallet_and_stake_account),
		cmocka_unit_test(polkadot__bonded_and_unlocking),
		cmocka_unit_test(eigenlayer__abi_vectors),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
