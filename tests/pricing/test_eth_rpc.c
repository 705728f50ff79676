/* test_eth_rpc.c — pricing/eth_rpc.c: eth_call batch bodies and the
 * parser of their answers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pricing/eth_rpc.h"
#include "pricing/feed.h"
#include "tests/pricing/fixture_catalog.h"

#define NOW 1763900100
#define WSTETH_ADDR "0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0"
#define RETH_ADDR "0xae78736Cd615f374D3085123A210448E74Fc6393"
#define ZERO24 "000000000000000000000000"
#define ZERO48 ZERO24 ZERO24
/* 1.215e18 = 0x10dc8c100a198000 (DOMAIN.md's example answer) */
#define W_1215 "0x" ZERO48 "10dc8c100a198000"
/* 1.138912345678901234e18 = 0x0fce3abe827f6ff2 */
#define W_RETH "0x" ZERO48 "0fce3abe827f6ff2"

static struct asset fx[FIXTURE_N];

struct run {
	int rc;
	struct obs_list out;
	char err[256];
};

static struct run parse(const char *body)
{
	struct run r;
	memset(&r, 0, sizeof r);
	struct catalog cat = fixture_catalog(fx);
	r.rc = eth_rpc_parse(body, strlen(body), &cat, "usd", NOW, &r.out, r.err, sizeof r.err);
	assert_true(fx_text_is_safe(r.err));
	if (r.rc < 0)
		assert_int_equal(r.out.n, 0);
	return r;
}

/* wstETH (id 3) answered with W_1215, rETH (id 4) with reth_item. */
static struct run parse_reth(const char *reth_item)
{
	char b[1024];
	snprintf(b, sizeof b, "[{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":\"" W_1215 "\"},"
	                      "{\"jsonrpc\":\"2.0\",\"id\":4,%s}]", reth_item);
	return parse(b);
}

static const struct observation *find(const struct run *r, const char *sym)
{
	for (size_t i = 0; i < r->out.n; i++)
		if (strcmp(r->out.v[i].asset, sym) == 0)
			return &r->out.v[i];
	return NULL;
}

static void eth_rpc_build_batch__calls__every_evm_asset(void **state)
{
	(void)state;
	struct catalog cat = fixture_catalog(fx);
	char *body;
	int *ids;
	size_t n;
	assert_int_equal(eth_rpc_build_batch(&cat, &body, &ids, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(ids[0], FX_WSTETH);
	assert_int_equal(ids[1], FX_RETH);
	assert_string_equal(body,
	    "[{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"eth_call\",\"params\":[{\"to\":\"" WSTETH_ADDR
	    "\",\"data\":\"0x035faf82\",\"input\":\"0x035faf82\"},\"latest\"]},"
	    "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"eth_call\",\"params\":[{\"to\":\"" RETH_ADDR
	    "\",\"data\":\"0xe6aa216c\",\"input\":\"0xe6aa216c\"},\"latest\"]}]");
	free(body);
	free(ids);
}

static void eth_rpc_build_batch__encodes__uint256_arg(void **state)
{
	(void)state;
	struct catalog cat = fixture_catalog(fx);
	/* getStETHByWstETH(1e18): 1e18 = 0x0de0b6b3a7640000, left-padded */
	snprintf(fx[FX_WSTETH].rate.selector, sizeof fx[0].rate.selector, "0xBB2952FC");
	snprintf(fx[FX_WSTETH].rate.arg, sizeof fx[0].rate.arg, "1000000000000000000");
	char *body = eth_rpc_build_single(&fx[FX_WSTETH], ETH_RPC_ID(FX_WSTETH));
	assert_non_null(body);
	assert_string_equal(body,
	    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"eth_call\",\"params\":[{\"to\":\"" WSTETH_ADDR
	    "\",\"data\":\"0xbb2952fc" ZERO48 "0de0b6b3a7640000\",\"input\":\"0xbb2952fc" ZERO48
	    "0de0b6b3a7640000\"},\"latest\"]}");
	free(body);
	(void)cat;
}

static void eth_rpc_check_source__refuses__bad_sources(void **state)
{
	(void)state;
	struct catalog cat = fixture_catalog(fx);
	struct rate_source *r = &fx[FX_WSTETH].rate;
	assert_null(eth_rpc_check_source(&fx[FX_WSTETH]));
	/* 2^256 does not fit; 2^256 - 1 does */
	snprintf(r->arg, sizeof r->arg, "115792089237316195423570985008687907853269984665640564039457584007913129639936");
	assert_string_equal(eth_rpc_check_source(&fx[FX_WSTETH]), "arg is not a uint256 in decimal digits");
	snprintf(r->arg, sizeof r->arg, "115792089237316195423570985008687907853269984665640564039457584007913129639935");
	assert_null(eth_rpc_check_source(&fx[FX_WSTETH]));
	snprintf(r->arg, sizeof r->arg, "-1");
	assert_non_null(eth_rpc_check_source(&fx[FX_WSTETH]));
	r->arg[0] = '\0';
	snprintf(r->address, sizeof r->address, "0x7f39\",\"to\":\"0xevil");
	assert_string_equal(eth_rpc_check_source(&fx[FX_WSTETH]), "address is not 0x and 40 hex digits");
	assert_null(eth_rpc_build_single(&fx[FX_WSTETH], 3));
	/* the bad one is left out of the batch, and reported by the parser */
	char *body;
	int *ids;
	size_t n;
	assert_int_equal(eth_rpc_build_batch(&cat, &body, &ids, &n), 0);
	assert_int_equal(n, 1);
	assert_null(strstr(body, "evil"));
	free(body);
	free(ids);
	struct obs_list out = {0};
	char err[128];
	const char *ans = "[{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":\"" W_RETH "\"}]";
	assert_int_equal(eth_rpc_parse(ans, strlen(ans), &cat, NULL, NOW, &out, err, sizeof err), 1);
	assert_string_equal(err, "wstETH: rate source address is not 0x and 40 hex digits");
	obs_list_free(&out);
	struct catalog none = {fx, 0};
	assert_int_equal(eth_rpc_build_batch(&none, &body, &ids, &n), 0);
	assert_null(body);
	assert_null(ids);
	assert_int_equal(n, 0);
}

static void eth_rpc_parse__takes__real_shape(void **state)
{
	(void)state;
	size_t len;
	char *body = fx_read_fixture("eth_rpc_batch.json", &len);
	assert_non_null(body);
	struct run r;
	memset(&r, 0, sizeof r);
	struct catalog cat = fixture_catalog(fx);
	r.rc = eth_rpc_parse(body, len, &cat, "usd", NOW, &r.out, r.err, sizeof r.err);
	free(body);
	assert_int_equal(r.rc, 2); /* answers in reverse order, matched by id */
	assert_string_equal(r.err, "");
	const struct observation *o = find(&r, "wstETH");
	assert_int_equal(o->kind, OBS_RATE);
	assert_string_equal(o->source, "eth_rpc");
	assert_int_equal(o->ts, NOW);
	assert_true(o->value == 1.215);               /* 1215000000000000000 / 10^18 */
	assert_true(find(&r, "rETH")->value == 1.138912345678901234); /* 0x0fce3abe827f6ff2 / 10^18 */
	/* the integer the contract returned, kept exactly over 10^18 */
	assert_string_equal(o->exact, "1215000000000000000/1000000000000000000");
	assert_string_equal(find(&r, "rETH")->exact, "1138912345678901234/1000000000000000000");
	obs_list_free(&r.out);
}

static void eth_rpc_parse__decodes__scale_exactly(void **state)
{
	(void)state;
	struct catalog cat = fixture_catalog(fx);
	fx[FX_RETH].rate.scale_decimals = 27;
	/* 1.5e27 = 0x04d8c55aefb8c05b5c000000 (a "ray"); / 10^27 = 1.5 */
	const char *b = "[{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":\"0x0000000000000000000000000000"
	                "00000000000004d8c55aefb8c05b5c000000\"},{\"jsonrpc\":\"2.0\",\"id\":3,"
	                "\"result\":\"" W_1215 "\"}]";
	struct obs_list out = {0};
	char err[128];
	assert_int_equal(eth_rpc_parse(b, strlen(b), &cat, NULL, NOW, &out, err, sizeof err), 2);
	assert_string_equal(out.v[0].asset, "rETH");
	assert_true(out.v[0].value == 1.5);
	obs_list_free(&out);
}

static void eth_rpc_parse__reports__rpc_error_object(void **state)
{
	(void)state;
	struct run r = parse_reth("\"error\":{\"code\":-32000,\"message\":\"execution reverted\"}");
	assert_int_equal(r.rc, 1);
	assert_string_equal(r.err, "JSON-RPC error -32000 'execution reverted' for rETH");
	assert_non_null(find(&r, "wstETH"));
	obs_list_free(&r.out);
}

static void eth_rpc_parse__rejects__result_not_32_bytes(void **state)
{
	(void)state;
	struct run r = parse_reth("\"result\":\"0x" ZERO24 "0000000000000000000000" "0fce3abe827f6ff2\"");
	assert_int_equal(r.rc, 1);
	assert_string_equal(r.err, "result for rETH is 31 bytes, expected 32");
	obs_list_free(&r.out);
	r = parse_reth("\"result\":\"0x\"");
	assert_string_equal(r.err, "result for rETH is empty: no contract code at " RETH_ADDR);
	obs_list_free(&r.out);
	r = parse_reth("\"result\":\"0x123\"");
	assert_string_equal(r.err, "result for rETH is 3 hex digits, not whole bytes");
	obs_list_free(&r.out);
	r = parse_reth("\"result\":\"0x" ZERO48 "0fce3abe827f6fzz\"");
	assert_string_equal(r.err, "result for rETH is not hex");
	obs_list_free(&r.out);
}

static void eth_rpc_parse__rejects__whole_batch_error(void **state)
{
	(void)state;
	struct run r = parse("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,"
	                     "\"message\":\"batch requests are not supported\"}}");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "JSON-RPC error -32600 'batch requests are not supported'");
	r = parse("{\"jsonrpc\":\"2.0\",\"error\":\"rate limited\"}");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "JSON-RPC error 'rate limited'");
}

static void eth_rpc_parse__takes__a_single_answer(void **state)
{
	(void)state;
	/* the fallback: one eth_rpc_build_single call, one object back */
	struct run r = parse("{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":\"" W_RETH "\"}");
	assert_int_equal(r.rc, 1);
	assert_string_equal(r.err, ""); /* wstETH is not reported missing */
	assert_true(find(&r, "rETH")->value == 1.138912345678901234);
	obs_list_free(&r.out);
}

static void eth_rpc_parse__rejects__malformed_json(void **state)
{
	(void)state;
	struct run r = parse("[{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":0x10}]");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "malformed JSON at byte 35"); /* the 'x' */
}

static void eth_rpc_parse__rejects__truncated_json(void **state)
{
	(void)state;
	struct run r = parse("[{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":\"0x0000");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "truncated JSON (ends after 41 bytes)");
}

static void eth_rpc_parse__rejects__wrong_shape(void **state)
{
	(void)state;
	struct run r = parse("\"0x00\"");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "expected array at the top level, got string");
	r = parse("[7,{\"id\":99,\"result\":\"0x\"},{\"id\":\"3\",\"result\":\"0x\"},"
	          "{\"id\":3,\"result\":\"" W_1215 "\"},{\"id\":3,\"result\":\"" W_1215 "\"},"
	          "{\"id\":1,\"result\":\"" W_1215 "\"},{\"id\":4,\"result\":1e999}]");
	assert_int_equal(r.rc, 1);
	/* 7; id 99; id "3"; a second id 3; id 1 (ETH has no EVM call); rETH's number */
	assert_string_equal(r.err, "expected object at [0], got number and 5 more");
	obs_list_free(&r.out);
	r = parse("[]");
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.err, "missing: answer for wstETH and 1 more");
}

static void eth_rpc_parse__reports__null_and_nan(void **state)
{
	(void)state;
	struct run r = parse_reth("\"result\":null");
	assert_int_equal(r.rc, 1);
	assert_string_equal(r.err, "expected string at [1].result (rETH), got null");
	obs_list_free(&r.out);
	r = parse_reth("\"result\":\"NaN\"");
	assert_string_equal(r.err, "result for rETH is not 0x-prefixed hex");
	obs_list_free(&r.out);
}

static void eth_rpc_parse__rejects__zero_and_absurd_rates(void **state)
{
	(void)state;
	struct run r = parse_reth("\"result\":\"0x" ZERO48 "0000000000000000\"");
	assert_int_equal(r.rc, 1);
	assert_string_equal(r.err, "rate for rETH is zero or negative (0)");
	obs_list_free(&r.out);
	/* 2^255: far too large for an exact decimal */
	r = parse_reth("\"result\":\"0x8" ZERO48 "000000000000000\"");
	assert_string_equal(r.err, "rate for rETH is out of range (too large)");
	obs_list_free(&r.out);
	/* 1e300 cannot be a uint256 rate at all; 1e24 / 1e18 = 1e6 is past the cap */
	r = parse_reth("\"result\":\"0x" ZERO24 "000000000000000000" "d3c21bcecceda1000000\"");
	assert_string_equal(r.err, "result for rETH is 31 bytes, expected 32");
	obs_list_free(&r.out);
	r = parse_reth("\"result\":\"0x" ZERO24 "00000000000000000000" "d3c21bcecceda1000000\"");
	assert_string_equal(r.err, "rate for rETH out of range (1e+06)");
	obs_list_free(&r.out);
}

static void eth_rpc_parse__sanitizes__escapes_in_error_message(void **state)
{
	(void)state;
	struct run r = parse_reth("\"error\":{\"code\":3,\"message\":\"\\u001b[41mreverted\\u001b[0m"
	                          "\\n\xff\xc0\xaf\"}");
	assert_int_equal(r.rc, 1);
	assert_null(strchr(r.err, 0x1b));
	assert_null(strchr(r.err, '\n'));
	/* ESC[41m, ESC[0m, \n, 0xff, 0xc0, 0xaf: one '?' each */
	assert_string_equal(r.err, "JSON-RPC error 3 '?reverted?????\' for rETH");
	obs_list_free(&r.out);
	/* and a whole-batch one */
	r = parse("{\"id\":null,\"error\":{\"code\":-32005,\"message\":\"\\u001b]8;;http://x\\u0007"
	          "click\\u001b]8;;\\u0007\"}}");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "JSON-RPC error -32005 '?click?'");
}


/* --- issue 17: inverted ratios, calls on another contract ----------------- */

enum { T_ANKR, T_OSETH, T_SFRX, T_N };
#define ANKR_ADDR "0xE95A203B1a91a908F9B9CE46459d101078c2c3cb"
#define OS_CONTROLLER "0x2A261e60FB14586B474C208b1B7AC6D0f5000306"
#define SFRX_ADDR "0xac3E018457B222d93114458476f3E3416Abbe38F"

static struct asset tk[T_N];

/* ankrETH ratio() inverted; osETH convertToAssets(1e18) on the vault
 * controller (not the token); sfrxETH pricePerShare() on the token. */
static struct catalog token_catalog(void)
{
	fx_asset(&tk[T_ANKR], "ankrETH", "ethereum", "ETH", "ankreth", "", "");
	fx_evm(&tk[T_ANKR], ANKR_ADDR, "ratio()", "0x71ca337d");
	tk[T_ANKR].rate.invert = true;
	fx_asset(&tk[T_OSETH], "osETH", "ethereum", "ETH", "stakewise-v3-oseth", "", "");
	fx_evm(&tk[T_OSETH], OS_CONTROLLER, "convertToAssets(1e18)", "0x07a2d13a");
	snprintf(tk[T_OSETH].rate.arg, sizeof tk[T_OSETH].rate.arg, "1000000000000000000");
	fx_asset(&tk[T_SFRX], "sfrxETH", "ethereum", "frxETH", "staked-frax-ether", "", "");
	fx_evm(&tk[T_SFRX], SFRX_ADDR, "pricePerShare()", "0x99530b06");
	return (struct catalog){ tk, T_N };
}

static struct run parse_tokens(const char *ankr, const char *oseth, const char *sfrx)
{
	char b[2048];
	struct run r;
	memset(&r, 0, sizeof r);
	struct catalog cat = token_catalog();
	snprintf(b, sizeof b,
	         "[{\"jsonrpc\":\"2.0\",\"id\":3,%s},{\"jsonrpc\":\"2.0\",\"id\":1,%s},"
	         "{\"jsonrpc\":\"2.0\",\"id\":2,%s}]",
	         sfrx, ankr, oseth);
	r.rc = eth_rpc_parse(b, strlen(b), &cat, "usd", NOW, &r.out, r.err, sizeof r.err);
	assert_true(fx_text_is_safe(r.err));
	return r;
}

static void eth_rpc_build_batch__calls__the_listed_contract_with_arg(void **state)
{
	(void)state;
	struct catalog cat = token_catalog();
	char *body;
	int *ids;
	size_t n;
	assert_int_equal(eth_rpc_build_batch(&cat, &body, &ids, &n), 0);
	assert_int_equal(n, 3);
	/* osETH: to the controller, convertToAssets(uint256) with 1e18 =
	 * 0x0de0b6b3a7640000 left-padded to 32 bytes */
	assert_non_null(strstr(body, "{\"to\":\"" OS_CONTROLLER "\",\"data\":\"0x07a2d13a" ZERO48
	                             "0de0b6b3a7640000\""));
	assert_non_null(strstr(body, "{\"to\":\"" ANKR_ADDR "\",\"data\":\"0x71ca337d\""));
	free(body);
	free(ids);
}

static void eth_rpc_parse__inverts__ankreth_ratio(void **state)
{
	(void)state;
	/* ratio() = 912345678901234567 = 0x0ca94d8fa7454b87 ankrETH per 1e18
	 * ETH: ETH per ankrETH = 1e18 / 912345678901234567 =
	 * 1.0960757782119713407837… (40-digit division by hand/bc);
	 * osETH 1.0625e18 = 0x0ebec21ee1da4000 -> 1.0625;
	 * sfrxETH 2^64 + 123 = 0x1000000000000007b (above 64 bits, decoded
	 * exactly) -> 18.446744073709551739 */
	struct run r = parse_tokens("\"result\":\"0x" ZERO48 "0ca94d8fa7454b87\"",
	                            "\"result\":\"0x" ZERO48 "0ebec21ee1da4000\"",
	                            "\"result\":\"0x" ZERO24 "00000000000000000000000" "1000000000000007b\"");
	assert_int_equal(r.rc, 3);
	assert_string_equal(r.err, "");
	for (size_t i = 0; i < r.out.n; i++) {
		const struct observation *o = &r.out.v[i];
		if (strcmp(o->asset, "ankrETH") == 0) {
			assert_true(fabs(o->value - 1.0960757782119713407837) < 1e-12);
			/* the exact reply inverted too (912345678901234567 is odd and
			 * not a multiple of 5: nothing to reduce) */
			assert_string_equal(o->exact, "1000000000000000000/912345678901234567");
		}
		else if (strcmp(o->asset, "osETH") == 0)
			assert_true(fabs(o->value - 1.0625) < 1e-15);
		else
			assert_true(fabs(o->value - 18.446744073709551739) < 1e-12);
	}
	obs_list_free(&r.out);
	/* 0.9e18 = 0x0c7d713b49da0000: 1 / 0.9 = 1.1111…, to 1e-9 and better */
	r = parse_tokens("\"result\":\"0x" ZERO48 "0c7d713b49da0000\"",
	                 "\"result\":\"0x" ZERO48 "0ebec21ee1da4000\"",
	                 "\"result\":\"0x" ZERO48 "0ebec21ee1da4000\"");
	assert_int_equal(r.rc, 3);
	assert_true(fabs(find(&r, "ankrETH")->value - 10.0 / 9.0) < 1e-12);
	obs_list_free(&r.out);
}

static void eth_rpc_parse__rejects__bad_inverted_and_other_contract_answers(void **state)
{
	(void)state;
	/* a zero ratio cannot be inverted; "0x" from the controller (no code,
	 * or the call went to a contract without the function); short data */
	struct run r = parse_tokens("\"result\":\"0x" ZERO48 "0000000000000000\"",
	                            "\"result\":\"0x\"",
	                            "\"result\":\"0x0ebec21ee1da4000\"");
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.err, "result for sfrxETH is 8 bytes, expected 32 and 2 more");
	/* one at a time, each named */
	r = parse_tokens("\"result\":\"0x" ZERO48 "0000000000000000\"",
	                 "\"result\":\"0x" ZERO48 "0ebec21ee1da4000\"",
	                 "\"result\":\"0x" ZERO48 "0ebec21ee1da4000\"");
	assert_int_equal(r.rc, 2);
	assert_string_equal(r.err, "rate for ankrETH is zero: cannot invert");
	obs_list_free(&r.out);
	r = parse_tokens("\"result\":\"0x" ZERO48 "0ebec21ee1da4000\"", "\"result\":\"0x\"",
	                 "\"result\":\"0x" ZERO48 "0ebec21ee1da4000\"");
	assert_int_equal(r.rc, 2);
	assert_string_equal(r.err, "result for osETH is empty: no contract code at " OS_CONTROLLER);
	obs_list_free(&r.out);
	/* a ratio of 1 wei: the inverse 1e36 is out of range, not taken */
	r = parse_tokens("\"result\":\"0x" ZERO48 "0000000000000001\"",
	                 "\"result\":\"0x" ZERO48 "0ebec21ee1da4000\"",
	                 "\"result\":\"0x" ZERO48 "0ebec21ee1da4000\"");
	assert_int_equal(r.rc, 2);
	assert_non_null(strstr(r.err, "rate for ankrETH out of range"));
	obs_list_free(&r.out);
	/* hostile bytes in the result */
	r = parse_tokens("\"result\":\"0x\\u001b[2J\"", "\"result\":\"0x" ZERO48 "0ebec21ee1da4000\"",
	                 "\"result\":\"0x" ZERO48 "0ebec21ee1da4000\"");
	assert_int_equal(r.rc, 2);
	assert_string_equal(r.err, "result for ankrETH is not hex");
	obs_list_free(&r.out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(eth_rpc_build_batch__calls__every_evm_asset),
		cmocka_unit_test(eth_rpc_build_batch__encodes__uint256_arg),
		cmocka_unit_test(eth_rpc_check_source__refuses__bad_sources),
		cmocka_unit_test(eth_rpc_parse__takes__real_shape),
		cmocka_unit_test(eth_rpc_parse__decodes__scale_exactly),
		cmocka_unit_test(eth_rpc_parse__reports__rpc_error_object),
		cmocka_unit_test(eth_rpc_parse__rejects__result_not_32_bytes),
		cmocka_unit_test(eth_rpc_parse__rejects__whole_batch_error),
		cmocka_unit_test(eth_rpc_parse__takes__a_single_answer),
		cmocka_unit_test(eth_rpc_parse__rejects__malformed_json),
		cmocka_unit_test(eth_rpc_parse__rejects__truncated_json),
		cmocka_unit_test(eth_rpc_parse__rejects__wrong_shape),
		cmocka_unit_test(eth_rpc_parse__reports__null_and_nan),
		cmocka_unit_test(eth_rpc_parse__rejects__zero_and_absurd_rates),
		cmocka_unit_test(eth_rpc_parse__sanitizes__escapes_in_error_message),
		cmocka_unit_test(eth_rpc_build_batch__calls__the_listed_contract_with_arg),
		cmocka_unit_test(eth_rpc_parse__inverts__ankreth_ratio),
		cmocka_unit_test(eth_rpc_parse__rejects__bad_inverted_and_other_contract_answers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
