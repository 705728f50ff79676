/* test_llama_yields.c — pricing/llama_yields.c: the /pools scanner. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pricing/feed.h"
#include "pricing/llama_yields.h"
#include "tests/pricing/fixture_catalog.h"

#define NOW 1763900100

static struct asset fx[FIXTURE_N];

struct run {
	int rc;
	struct obs_list out;
	char err[256];
};

static struct run parse_len(const char *body, size_t len)
{
	struct run r;
	memset(&r, 0, sizeof r);
	struct catalog cat = fixture_catalog(fx);
	r.rc = llama_yields_parse(body, len, &cat, "usd", NOW, &r.out, r.err, sizeof r.err);
	assert_true(fx_text_is_safe(r.err));
	if (r.rc < 0)
		assert_int_equal(r.out.n, 0);
	return r;
}

static struct run parse(const char *body)
{
	return parse_len(body, strlen(body));
}

static const struct observation *find(const struct run *r, const char *sym)
{
	for (size_t i = 0; i < r->out.n; i++)
		if (strcmp(r->out.v[i].asset, sym) == 0)
			return &r->out.v[i];
	return NULL;
}

static bool near(double a, double b)
{
	return fabs(a - b) < 1e-12;
}

/* One pool element of the real shape. */
static char *pool(char *buf, size_t n, const char *chain, const char *project,
                  const char *symbol, const char *tvl, const char *base, const char *apy,
                  const char *id)
{
	snprintf(buf, n,
	         "{\"chain\":\"%s\",\"project\":\"%s\",\"symbol\":\"%s\",\"tvlUsd\":%s,"
	         "\"apyBase\":%s,\"apyReward\":null,\"apy\":%s,\"pool\":\"%s\",\"apyPct1D\":0.01,"
	         "\"predictions\":{\"predictedClass\":\"Stable/Up\",\"binnedConfidence\":2},"
	         "\"poolMeta\":null,\"underlyingTokens\":[\"0x0000000000000000000000000000000000000000\"]}",
	         chain, project, symbol, tvl, base, apy, id);
	return buf;
}

/* A /pools document: the steth element given, rETH, JitoSOL, mSOL fine. */
static struct run parse_steth(const char *base, const char *apy)
{
	char a[1024], b[1024], c[1024], d[1024], doc[4200];
	snprintf(doc, sizeof doc, "{\"status\":\"success\",\"data\":[%s,%s,%s,%s]}",
	         pool(a, sizeof a, "Ethereum", "lido", "STETH", "2.41e10", base, apy, FX_POOL_STETH),
	         pool(b, sizeof b, "Ethereum", "rocket-pool", "RETH", "3.1e9", "2.58", "2.58",
	              FX_POOL_RETH),
	         pool(c, sizeof c, "Solana", "jito-liquid-staking", "JITOSOL", "2.8e9", "7.42",
	              "7.42", FX_POOL_JITOSOL),
	         pool(d, sizeof d, "Solana", "marinade-liquid-staking", "MSOL", "1.1e9", "null",
	              "7.05", FX_POOL_MSOL));
	return parse(doc);
}

static void llama_yields_build_url__appends__pools(void **state)
{
	(void)state;
	char *u = llama_yields_build_url("https://yields.llama.fi/");
	assert_string_equal(u, "https://yields.llama.fi/pools");
	free(u);
	assert_null(llama_yields_build_url(""));
}

static void llama_yields_parse__takes__real_shape(void **state)
{
	(void)state;
	size_t len;
	char *body = fx_read_fixture("llama_yields_pools.json", &len);
	assert_non_null(body);
	struct run r = parse_len(body, len);
	free(body);
	assert_int_equal(r.rc, 5);
	assert_string_equal(r.err, "");
	const struct observation *o = find(&r, "stETH");
	assert_int_equal(o->kind, OBS_APR);
	assert_string_equal(o->source, "defillama-yields");
	assert_int_equal(o->ts, NOW); /* /pools has no timestamp */
	assert_true(near(o->value, 0.0271)); /* apyBase 2.71 % / 100 */
	/* wstETH has no pool id: "Ethereum/lido/STETH" picks the Ethereum pool
	 * (2.71), not Arbitrum's lido STETH (2.5) */
	assert_true(near(find(&r, "wstETH")->value, 0.0271));
	assert_true(near(find(&r, "rETH")->value, 0.0258));
	assert_true(near(find(&r, "JitoSOL")->value, 0.0742));
	assert_true(near(find(&r, "mSOL")->value, 0.0705)); /* apyBase null: apy 7.05 */
	assert_null(find(&r, "ETH"));
	obs_list_free(&r.out);
}

static void llama_yields_parse__prefers__apy_base(void **state)
{
	(void)state;
	struct run r = parse_steth("2.5", "3.1"); /* apyReward would be the 0.6 */
	assert_int_equal(r.rc, 5);
	assert_true(near(find(&r, "stETH")->value, 0.025));
	obs_list_free(&r.out);
}

static void llama_yields_parse__matches__largest_tvl_and_shared_ids(void **state)
{
	(void)state;
	struct catalog cat = fixture_catalog(fx);
	/* mSOL shares rETH's pool id (as eETH and weETH share one) */
	snprintf(fx[FX_MSOL].llama_pool, FEEDID_MAX, FX_POOL_RETH);
	char a[1024], b[1024], c[1024], d[1024], doc[4200];
	snprintf(doc, sizeof doc, "{\"data\":[%s,%s,%s,%s],\"status\":\"success\"}",
	         pool(a, sizeof a, "Ethereum", "lido", "STETH", "5e6", "9.9", "9.9",
	              "11111111-2222-4333-8444-555555555555"),
	         pool(b, sizeof b, "Ethereum", "lido", "STETH", "2.41e10", "2.71", "2.71",
	              FX_POOL_STETH),
	         pool(c, sizeof c, "ethereum", "lido", "steth", "1e3", "1.0", "1.0",
	              "11111111-2222-4333-8444-666666666666"),
	         pool(d, sizeof d, "Ethereum", "rocket-pool", "RETH", "3.1e9", "2.58", "2.58",
	              FX_POOL_RETH));
	struct run r;
	memset(&r, 0, sizeof r);
	r.rc = llama_yields_parse(doc, strlen(doc), &cat, NULL, NOW, &r.out, r.err, sizeof r.err);
	assert_int_equal(r.rc, 4); /* stETH, wstETH, rETH, mSOL */
	assert_string_equal(r.err, "missing: pool " FX_POOL_JITOSOL " (JitoSOL)");
	assert_true(near(find(&r, "wstETH")->value, 0.0271)); /* tvl 2.41e10 wins */
	assert_true(near(find(&r, "mSOL")->value, 0.0258));
	assert_true(near(find(&r, "rETH")->value, 0.0258));
	obs_list_free(&r.out);
}

static void llama_yields_parse__rejects__malformed_json(void **state)
{
	(void)state;
	/* in an element that can match (cJSON refuses the number) */
	struct run r = parse("{\"status\":\"success\",\"data\":[{\"pool\":\"" FX_POOL_STETH
	                     "\",\"apy\":2.7.1}]}");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "malformed JSON in data[0] (byte 28)");
	/* in one that cannot (only the scanner sees it) */
	r = parse("{\"status\":\"success\",\"data\":[{\"pool\":\"x\",\"apy\":[1,]}]}");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "malformed JSON at byte 49"); /* the "]" after "1," */
	r = parse("{\"status\":\"success\",\"data\":[]} {}");
	assert_string_equal(r.err, "malformed JSON at byte 31 (data after the end)");
	r = parse("{\"status\":\"success\" \"data\":[]}");
	assert_string_equal(r.err, "malformed JSON at byte 20"); /* "data" with no comma before */
	r = parse("<!DOCTYPE html>");
	assert_string_equal(r.err, "not JSON (starts with '<', an HTML page?)");
	r = parse(" \n");
	assert_string_equal(r.err, "empty response");
}

static void llama_yields_parse__rejects__every_truncation(void **state)
{
	(void)state;
	size_t len;
	char *body = fx_read_fixture("llama_yields_pools.json", &len);
	assert_non_null(body);
	while (len > 0 && (body[len - 1] == '\n' || body[len - 1] == ' '))
		len--;
	for (size_t cut = 1; cut < len; cut++) {
		struct run r = parse_len(body, cut);
		assert_int_equal(r.rc, -1);
		assert_true(strncmp(r.err, "truncated JSON (ends after ", 27) == 0);
	}
	struct run r = parse_len(body, len);
	assert_int_equal(r.rc, 5);
	obs_list_free(&r.out);
	r = parse_len(body, 2000); /* inside an element */
	char want[96];
	snprintf(want, sizeof want, "truncated JSON (ends after 2000 bytes, inside data[3])");
	assert_string_equal(r.err, want);
	free(body);
}

static void llama_yields_parse__rejects__wrong_shape(void **state)
{
	(void)state;
	struct run r = parse("\"invalid configID!\"");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "expected object at the top level, got string");
	r = parse("{\"status\":\"success\",\"data\":{\"pool\":\"x\"}}");
	assert_string_equal(r.err, "expected array at data, got object");
	r = parse("{\"status\":\"success\",\"data\":[{\"pool\":\"x\"},\"" FX_POOL_STETH "\"]}");
	assert_string_equal(r.err, "expected object at data[1], got string");
	r = parse("{\"status\":\"error\",\"data\":[]}");
	assert_string_equal(r.err, "DefiLlama yields status is 'error'");
	r = parse("{\"status\":200,\"data\":[]}");
	assert_string_equal(r.err, "expected string at status, got number");
	r = parse("{\"data\":[]}");
	assert_string_equal(r.err, "expected string at status, got nothing");
	r = parse("{\"status\":\"success\"}");
	assert_string_equal(r.err, "expected array at data, got nothing");
	r = parse("{\"status\":\"success\",\"data\":[]}");
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.err, "missing: pool " FX_POOL_STETH " (stETH) and 4 more");
}

static void llama_yields_parse__reports__missing_pools(void **state)
{
	(void)state;
	char a[1024], b[1024], doc[2200];
	snprintf(doc, sizeof doc, "{\"status\":\"success\",\"data\":[%s,%s]}",
	         pool(a, sizeof a, "Solana", "jito-liquid-staking", "JITOSOL", "2.8e9", "7.42",
	              "7.42", FX_POOL_JITOSOL),
	         pool(b, sizeof b, "Arbitrum", "lido", "STETH", "1e6", "2.5", "2.5",
	              "00000000-aaaa-4bbb-8ccc-000000000001"));
	struct run r = parse(doc);
	assert_int_equal(r.rc, 1);
	assert_string_equal(r.err, "missing: pool " FX_POOL_STETH " (stETH) and 3 more");
	obs_list_free(&r.out);

	struct catalog cat = fixture_catalog(fx);
	for (size_t i = 0; i < FIXTURE_N; i++)
		fx[i].llama_pool[0] = '\0';
	r.out.n = 0;
	r.rc = llama_yields_parse(doc, strlen(doc), &cat, NULL, NOW, &r.out, r.err, sizeof r.err);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.err, "missing: Ethereum/lido/STETH (wstETH)");
	snprintf(fx[FX_WSTETH].llama_match, FEEDID_MAX, "lido-STETH");
	r.rc = llama_yields_parse(doc, strlen(doc), &cat, NULL, NOW, &r.out, r.err, sizeof r.err);
	assert_string_equal(r.err, "wstETH: llama_match 'lido-STETH' is not Chain/project/SYMBOL");
}

static void llama_yields_parse__reports__null_apy(void **state)
{
	(void)state;
	struct run r = parse_steth("null", "null");
	assert_int_equal(r.rc, 3);
	/* stETH's pool is data[0]; wstETH matches the same pool */
	assert_string_equal(r.err, "data[0].apy (stETH) is null and 1 more");
	assert_null(find(&r, "stETH"));
	obs_list_free(&r.out);
	r = parse_steth("null", "2.71"); /* apyBase null: apy */
	assert_int_equal(r.rc, 5);
	obs_list_free(&r.out);
}

static void llama_yields_parse__rejects__nan_and_infinity(void **state)
{
	(void)state;
	struct run r = parse_steth("\"NaN\"", "2.71");
	assert_int_equal(r.rc, 3);
	assert_string_equal(r.err,
	                    "data[0].apyBase (stETH) is a string ('NaN'), expected a number and 1 more");
	obs_list_free(&r.out);
	r = parse_steth("1e999", "2.71");
	assert_int_equal(r.rc, 3);
	assert_string_equal(r.err, "data[0].apyBase (stETH) is not finite (inf) and 1 more");
	obs_list_free(&r.out);
}

static void llama_yields_parse__rejects__zero_and_negative(void **state)
{
	(void)state;
	struct run r = parse_steth("0", "0");
	assert_int_equal(r.rc, 3);
	assert_string_equal(r.err, "data[0].apyBase (stETH) is zero or negative (0) and 1 more");
	obs_list_free(&r.out);
	r = parse_steth("-1.5", "2");
	assert_string_equal(r.err, "data[0].apyBase (stETH) is zero or negative (-1.5) and 1 more");
	obs_list_free(&r.out);
}

static void llama_yields_parse__rejects__absurd_apy(void **state)
{
	(void)state;
	/* 1e300 % is 1e298 as a fraction; even 1200 % (12) is above the 10 cap */
	struct run r = parse_steth("1e300", "1e300");
	assert_int_equal(r.rc, 3);
	assert_string_equal(r.err, "data[0].apyBase (stETH) out of range (1e+300) and 1 more");
	obs_list_free(&r.out);
	r = parse_steth("1200", "1200");
	assert_string_equal(r.err, "data[0].apyBase (stETH) out of range (1200) and 1 more");
	obs_list_free(&r.out);
}

static void llama_yields_parse__sanitizes__escapes_in_status(void **state)
{
	(void)state;
	struct run r = parse("{\"status\":\"\\u001b[31mfail\xff\xfe\x1b[0m\",\"data\":[]}");
	/* raw ESC inside a JSON string is invalid JSON already */
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "malformed JSON at byte 27");
	r = parse("{\"status\":\"\\u001b[31mfail\xff\xfe\",\"data\":[]}");
	assert_int_equal(r.rc, -1);
	assert_null(strchr(r.err, 0x1b));
	/* the status is quoted raw: "\u001b" stays six harmless characters */
	assert_string_equal(r.err, "DefiLlama yields status is '\\u001b[31mfail?" "?'");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(llama_yields_build_url__appends__pools),
		cmocka_unit_test(llama_yields_parse__takes__real_shape),
		cmocka_unit_test(llama_yields_parse__prefers__apy_base),
		cmocka_unit_test(llama_yields_parse__matches__largest_tvl_and_shared_ids),
		cmocka_unit_test(llama_yields_parse__rejects__malformed_json),
		cmocka_unit_test(llama_yields_parse__rejects__every_truncation),
		cmocka_unit_test(llama_yields_parse__rejects__wrong_shape),
		cmocka_unit_test(llama_yields_parse__reports__missing_pools),
		cmocka_unit_test(llama_yields_parse__reports__null_apy),
		cmocka_unit_test(llama_yields_parse__rejects__nan_and_infinity),
		cmocka_unit_test(llama_yields_parse__rejects__zero_and_negative),
		cmocka_unit_test(llama_yields_parse__rejects__absurd_apy),
		cmocka_unit_test(llama_yields_parse__sanitizes__escapes_in_status),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
