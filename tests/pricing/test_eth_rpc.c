/* test_eth_rpc.c — pricing/eth_rpc.c: eth_call batch bodies and the
 * parser of their answers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

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
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
