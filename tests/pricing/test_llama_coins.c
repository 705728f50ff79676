/* test_llama_coins.c — pricing/llama_coins.c: prices/current URLs and the
 * parser. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pricing/feed.h"
#include "pricing/llama_coins.h"
#include "tests/pricing/fixture_catalog.h"

#define NOW 1763900100
#define BASE "https://coins.llama.fi"
#define K_ETH "coingecko:ethereum"
#define K_STETH "ethereum:0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84"
#define K_WSTETH "ethereum:0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0"
#define K_RETH "ethereum:0xae78736Cd615f374D3085123A210448E74Fc6393"
#define K_JITO "solana:J1toso1uCk3RLmjorhTtrVwY9HJ7X8V9yYac6Y7kGCPn"
#define K_MSOL "solana:mSoLzYCxHdYgdzU16g5QSh3i5K3z3KZK7ytfqcJm7So"

static struct asset fx[FIXTURE_N];

struct run {
	int rc;
	struct obs_list out;
	char err[256];
};

static struct run parse_cur(const char *body, size_t len, const char *currency)
{
	struct run r;
	memset(&r, 0, sizeof r);
	struct catalog cat = fixture_catalog(fx);
	r.rc = llama_coins_parse(body, len, &cat, currency, NOW, &r.out, r.err, sizeof r.err);
	assert_true(fx_text_is_safe(r.err));
	return r;
}

static struct run parse(const char *body)
{
	return parse_cur(body, strlen(body), "usd");
}

static const struct observation *find(const struct run *r, const char *sym)
{
	for (size_t i = 0; i < r->out.n; i++)
		if (strcmp(r->out.v[i].asset, sym) == 0)
			return &r->out.v[i];
	return NULL;
}

/* {"coins":{ETH: eth, stETH: steth, the other four fine}} */
static struct run parse_two(const char *eth, const char *steth)
{
	char b[1024];
	snprintf(b, sizeof b,
	         "{\"coins\":{\"" K_ETH "\":{\"price\":%s,\"timestamp\":1763900000},"
	         "\"" K_STETH "\":{\"price\":%s},\"" K_WSTETH "\":{\"price\":3650.1},"
	         "\"" K_RETH "\":{\"price\":3420.6},\"" K_JITO "\":{\"price\":152.3},"
	         "\"" K_MSOL "\":{\"price\":181.25}}}",
	         eth, steth);
	return parse(b);
}

static void llama_coins_build_urls__joins__keys(void **state)
{
	(void)state;
	struct catalog cat = fixture_catalog(fx);
	char **urls;
	size_t n;
	assert_int_equal(llama_coins_build_urls(&cat, BASE "/", NULL, 0, 0, &urls, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(urls[0], BASE "/prices/current/" K_ETH "," K_STETH "," K_WSTETH
	                             "," K_RETH "," K_JITO "," K_MSOL "?searchWidth=4h");
	feed_urls_free(urls, n);
}

static void llama_coins_build_urls__keeps__only_the_subset(void **state)
{
	(void)state;
	struct catalog cat = fixture_catalog(fx);
	const char *const only[] = {"wsteth", "JitoSOL", "BTC"};
	char **urls;
	size_t n;
	assert_int_equal(llama_coins_build_urls(&cat, BASE, only, 3, 0, &urls, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(urls[0], BASE "/prices/current/" K_WSTETH "," K_JITO "?searchWidth=4h");
	feed_urls_free(urls, n);
	const char *const nothing[] = {"BTC"};
	assert_int_equal(llama_coins_build_urls(&cat, BASE, nothing, 1, 0, &urls, &n), 0);
	assert_int_equal(n, 0);
	assert_null(urls);
}

static void llama_coins_build_urls__splits__by_key_count(void **state)
{
	(void)state;
	struct catalog cat = fixture_catalog(fx);
	snprintf(fx[FX_RETH].llama_key, FEEDID_MAX, K_ETH); /* a duplicate: asked once */
	char **urls;
	size_t n;
	assert_int_equal(llama_coins_build_urls(&cat, BASE, NULL, 0, 2, &urls, &n), 0);
	assert_int_equal(n, 3); /* 5 distinct keys: 2 + 2 + 1 */
	assert_string_equal(urls[2], BASE "/prices/current/" K_MSOL "?searchWidth=4h");
	feed_urls_free(urls, n);
	assert_int_equal(llama_coins_build_urls(&cat, "", NULL, 0, 0, &urls, &n), -1);
}

static void llama_coins_parse__takes__real_shape(void **state)
{
	(void)state;
	size_t len;
	char *body = fx_read_fixture("llama_coins_current.json", &len);
	assert_non_null(body);
	struct run r = parse_cur(body, len, "usd");
	free(body);
	assert_int_equal(r.rc, 6);
	assert_string_equal(r.err, "");
	const struct observation *o = find(&r, "ETH");
	assert_string_equal(o->source, "defillama");
	assert_int_equal(o->kind, OBS_PRICE);
	assert_true(o->value == 3012.4);
	assert_int_equal(o->ts, 1763900000);
	/* the answer's EVM keys are lower case; the catalog's are checksummed */
	assert_true(find(&r, "stETH")->value == 3008.2);
	assert_true(find(&r, "wstETH")->value == 3650.1);
	assert_int_equal(find(&r, "wstETH")->ts, 1763899990);
	assert_true(find(&r, "rETH")->value == 3420.6);
	assert_true(find(&r, "JitoSOL")->value == 152.3);
	assert_true(find(&r, "mSOL")->value == 181.25);
	obs_list_free(&r.out);
}

static void llama_coins_parse__matches__solana_keys_exactly(void **state)
{
	(void)state;
	/* base58 is case-sensitive: a lower-cased mint is another account */
	struct run r = parse("{\"coins\":{\"solana:j1toso1uck3rlmjorhttrvwy9hj7x8v9yyac6y7kgcpn\":"
	                     "{\"price\":152.3}}}");
	assert_int_equal(r.rc, 0);
	assert_null(find(&r, "JitoSOL"));
}

static void llama_coins_parse_only__expects__only_the_subset(void **state)
{
	(void)state;
	struct catalog cat = fixture_catalog(fx);
	const char *const only[] = {"rETH"};
	const char *b = "{\"coins\":{\"" K_RETH "\":{\"price\":3420.6,\"timestamp\":1763899985}}}";
	struct obs_list out = {0};
	char err[128];
	int rc = llama_coins_parse_only(b, strlen(b), &cat, only, 1, "usd", NOW, &out, err,
	                                sizeof err);
	assert_int_equal(rc, 1);
	assert_string_equal(err, "");
	assert_string_equal(out.v[0].asset, "rETH");
	obs_list_free(&out);
}

static void llama_coins_parse__refuses__other_currencies(void **state)
{
	(void)state;
	struct run r = parse_cur("{\"coins\":{}}", 12, "eur");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "DefiLlama prices are in usd only");
	r = parse_cur("{\"coins\":{}}", 12, "USD");
	assert_int_equal(r.rc, 0);
}

static void llama_coins_parse__rejects__malformed_json(void **state)
{
	(void)state;
	struct run r = parse("{\"coins\":{\"" K_ETH "\":{\"price\":30 12}}}");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "malformed JSON at byte 43"); /* the '1' after "30 " */
	assert_int_equal(r.out.n, 0);
}

static void llama_coins_parse__rejects__truncated_json(void **state)
{
	(void)state;
	const char *b = "{\"coins\":{\"" K_ETH "\":{\"price\":3012.4,\"timestamp\":17639";
	struct run r = parse(b);
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "truncated JSON (ends after 64 bytes)");
	assert_int_equal(strlen(b), 64);
}

static void llama_coins_parse__rejects__wrong_shape(void **state)
{
	(void)state;
	struct run r = parse("{\"coins\":[]}");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "expected object at coins, got array");
	r = parse("[]");
	assert_string_equal(r.err, "expected object at the top level, got array");
	r = parse("{\"message\":\"Internal server error\"}");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "DefiLlama error: Internal server error");
	/* one coin of the wrong type is a problem only */
	r = parse_two("3012.4", "3008.2");
	assert_int_equal(r.rc, 6);
	obs_list_free(&r.out);
	r = parse("{\"coins\":{\"" K_ETH "\":\"3012\"}}");
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.err, "expected object at coins." K_ETH ", got string and 5 more");
}

static void llama_coins_parse__reports__missing_assets(void **state)
{
	(void)state;
	struct run r = parse("{\"coins\":{\"" K_ETH "\":{\"price\":3012.4},\"" K_STETH
	                     "\":{\"price\":3008.2},\"" K_WSTETH "\":{\"price\":3650.1},\"" K_JITO
	                     "\":{\"price\":152.3},\"" K_MSOL "\":{\"price\":181.25}}}");
	assert_int_equal(r.rc, 5);
	assert_string_equal(r.err, "missing: " K_RETH);
	obs_list_free(&r.out);
}

static void llama_coins_parse__reports__null_price(void **state)
{
	(void)state;
	struct run r = parse_two("3012.4", "null");
	assert_int_equal(r.rc, 5);
	assert_string_equal(r.err, K_STETH ".price is null");
	assert_null(find(&r, "stETH"));
	obs_list_free(&r.out);
}

static void llama_coins_parse__rejects__nan_and_infinity(void **state)
{
	(void)state;
	struct run r = parse_two("\"NaN\"", "1e999");
	assert_int_equal(r.rc, 4);
	assert_string_equal(r.err, K_ETH ".price is a string ('NaN'), expected a number and 1 more");
	obs_list_free(&r.out);
	r = parse_two("3012.4", "-1e999");
	assert_string_equal(r.err, K_STETH ".price is not finite (-inf)");
	obs_list_free(&r.out);
}

static void llama_coins_parse__rejects__zero_and_negative(void **state)
{
	(void)state;
	struct run r = parse_two("0", "-3008.2");
	assert_int_equal(r.rc, 4);
	assert_string_equal(r.err, K_ETH ".price is zero or negative (0) and 1 more");
	obs_list_free(&r.out);
}

static void llama_coins_parse__rejects__absurd_price(void **state)
{
	(void)state;
	struct run r = parse_two("1e300", "3008.2");
	assert_int_equal(r.rc, 5);
	assert_string_equal(r.err, K_ETH ".price out of range (1e+300)");
	assert_null(find(&r, "ETH"));
	obs_list_free(&r.out);
}

static void llama_coins_parse__sanitizes__escapes_in_error_message(void **state)
{
	(void)state;
	struct run r = parse("{\"message\":\"\\u001b[2Jboom\xc3( \\u001b]0;pwned\\u0007 \xf0\x9f\"}");
	assert_int_equal(r.rc, -1);
	assert_null(strchr(r.err, 0x1b));
	/* CSI and OSC sequences: one '?' each; the cut UTF-8 sequences: '?' */
	assert_string_equal(r.err, "DefiLlama error: ?boom?( ? ??");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(llama_coins_build_urls__joins__keys),
		cmocka_unit_test(llama_coins_build_urls__keeps__only_the_subset),
		cmocka_unit_test(llama_coins_build_urls__splits__by_key_count),
		cmocka_unit_test(llama_coins_parse__takes__real_shape),
		cmocka_unit_test(llama_coins_parse__matches__solana_keys_exactly),
		cmocka_unit_test(llama_coins_parse_only__expects__only_the_subset),
		cmocka_unit_test(llama_coins_parse__refuses__other_currencies),
		cmocka_unit_test(llama_coins_parse__rejects__malformed_json),
		cmocka_unit_test(llama_coins_parse__rejects__truncated_json),
		cmocka_unit_test(llama_coins_parse__rejects__wrong_shape),
		cmocka_unit_test(llama_coins_parse__reports__missing_assets),
		cmocka_unit_test(llama_coins_parse__reports__null_price),
		cmocka_unit_test(llama_coins_parse__rejects__nan_and_infinity),
		cmocka_unit_test(llama_coins_parse__rejects__zero_and_negative),
		cmocka_unit_test(llama_coins_parse__rejects__absurd_price),
		cmocka_unit_test(llama_coins_parse__sanitizes__escapes_in_error_message),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
