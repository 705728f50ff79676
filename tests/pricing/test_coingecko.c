/* test_coingecko.c — pricing/coingecko.c (URLs, key header, parser) and
 * the shared helpers of pricing/feed.c it stands on (sanitizing, quoting,
 * the JSON scanner, problem lists). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pricing/coingecko.h"
#include "pricing/feed.h"
#include "tests/pricing/fixture_catalog.h"

#define NOW 1763900100
#define BASE "https://api.coingecko.com/api/v3"

static struct asset fx[FIXTURE_N];

struct run {
	int rc;
	struct obs_list out;
	char err[256];
};

static struct run parse_cur(const char *body, const char *currency)
{
	struct run r;
	memset(&r, 0, sizeof r);
	struct catalog cat = fixture_catalog(fx);
	r.rc = coingecko_parse(body, strlen(body), &cat, currency, NOW, &r.out, r.err, sizeof r.err);
	assert_true(fx_text_is_safe(r.err));
	return r;
}

static struct run parse(const char *body)
{
	return parse_cur(body, "usd");
}

static const struct observation *find(const struct run *r, const char *sym)
{
	for (size_t i = 0; i < r->out.n; i++)
		if (strcmp(r->out.v[i].asset, sym) == 0)
			return &r->out.v[i];
	return NULL;
}

/* --- feed.c: safe text --------------------------------------------------- */

static void feed_sanitize__replaces__escapes_and_controls(void **state)
{
	(void)state;
	char s[] = "a\x1b[31mred\x1b[0m\tb\x7f\x1b]0;title\x07!";
	feed_sanitize(s);
	/* each whole CSI / OSC sequence is one '?', the tab and DEL too */
	assert_string_equal(s, "a?red?" "?b?" "?!");
}

static void feed_sanitize__replaces__invalid_utf8(void **state)
{
	(void)state;
	/* é is kept; a lone continuation, an overlong '/', a surrogate, a C1
	 * control (U+009B, CSI) and a cut sequence are not */
	char s[] = "caf\xc3\xa9 \x80 \xc0\xaf \xed\xa0\x80 \xc2\x9b \xe2\x80";
	feed_sanitize(s);
	assert_true(fx_text_is_safe(s));
	assert_non_null(strstr(s, "caf\xc3\xa9 "));
	assert_null(strchr(s, 0x1b));
	char bidi[] = "x\xe2\x80\xaey"; /* U+202E RIGHT-TO-LEFT OVERRIDE */
	feed_sanitize(bidi);
	assert_string_equal(bidi, "x?y");
}

static void feed_quote__cuts__on_a_character_boundary(void **state)
{
	(void)state;
	char q[32];
	/* "ééééé" is 10 bytes; a limit of 5 would split the third é */
	feed_quote(q, sizeof q, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 100, 5);
	assert_string_equal(q, "\xc3\xa9\xc3\xa9...");
	feed_quote(q, sizeof q, "short", 100, 20);
	assert_string_equal(q, "short");
	feed_quote(q, 6, "a long text", 100, 64); /* the buffer is the limit */
	assert_string_equal(q, "a ...");
}

static void feed_issues__counts__the_rest(void **state)
{
	(void)state;
	char err[32];
	struct feed_issues is;
	feed_issues_init(&is, err, sizeof err);
	feed_issues_finish(&is);
	assert_string_equal(err, "");
	feed_issue(&is, "missing: %s", "rocket-pool-eth");
	feed_issue(&is, "missing: %s", "msol");
	feed_issue(&is, "missing: %s", "ethereum");
	feed_issues_finish(&is);
	/* "missing: rocket-pool-eth" (24) + " and 2 more" (11) > 31: cut */
	assert_string_equal(err, "missing: rocket-pool and 2 more");
}

static void feed_json_skip__tells__truncated_from_malformed(void **state)
{
	(void)state;
	size_t end;
	const char *ok = " {\"a\":[1,\"x\\\"]\",{\"b\":null}],\"c\":true} tail";
	assert_int_equal(feed_json_skip(ok, strlen(ok), 0, &end), FEED_SCAN_OK);
	assert_int_equal(end, strlen(ok) - 5);
	const char *trunc[] = {"{\"a\":[1,2", "{\"a\":\"abc", "[tru", "{\"a\"", "{\"a\":1,", "[\"x\\"};
	for (size_t i = 0; i < sizeof trunc / sizeof *trunc; i++)
		assert_int_equal(feed_json_skip(trunc[i], strlen(trunc[i]), 0, &end),
		                 FEED_SCAN_TRUNCATED);
	const char *bad[] = {"[1,]", "{\"a\":1,}", "{\"a\" 1}", "[1 2]", "{1:2}", "[nul]", "]",
	                     "[\"a\nb\"]", "{\"a\":1]"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_int_equal(feed_json_skip(bad[i], strlen(bad[i]), 0, &end), FEED_SCAN_BAD);
	assert_int_equal(feed_json_skip("[1 2]", 5, 0, &end), FEED_SCAN_BAD);
	assert_int_equal(end, 3); /* the '2' */
}

static void feed_json_skip__refuses__deep_nesting(void **state)
{
	(void)state;
	char deep[FEED_JSON_MAX_DEPTH + 2];
	memset(deep, '[', sizeof deep);
	size_t end;
	assert_int_equal(feed_json_skip(deep, sizeof deep, 0, &end), FEED_SCAN_BAD);
}

/* --- URLs and the key header ------------------------------------------- */

static void coingecko_build_urls__joins__distinct_ids(void **state)
{
	(void)state;
	struct catalog cat = fixture_catalog(fx);
	snprintf(fx[FX_STETH].coingecko_id, FEEDID_MAX, "ethereum"); /* shared: asked once */
	char **urls;
	size_t n;
	assert_int_equal(coingecko_build_urls(&cat, BASE "/", "USD", 0, &urls, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(urls[0], BASE "/simple/price?ids=ethereum,wrapped-steth,"
	                             "rocket-pool-eth,jito-staked-sol,msol"
	                             "&vs_currencies=usd&include_last_updated_at=true");
	feed_urls_free(urls, n);
}

static void coingecko_build_urls__splits__by_id_count(void **state)
{
	(void)state;
	struct catalog cat = fixture_catalog(fx);
	char **urls;
	size_t n;
	assert_int_equal(coingecko_build_urls(&cat, BASE, "eur", 4, &urls, &n), 0);
	assert_int_equal(n, 2); /* 6 ids: 4 + 2 */
	assert_string_equal(urls[1], BASE "/simple/price?ids=jito-staked-sol,msol"
	                             "&vs_currencies=eur&include_last_updated_at=true");
	feed_urls_free(urls, n);
}

static void coingecko_build_urls__splits__long_urls(void **state)
{
	(void)state;
	enum { N = 120 };
	struct asset *a = calloc(N, sizeof *a);
	assert_non_null(a);
	for (int i = 0; i < N; i++)
		snprintf(a[i].coingecko_id, FEEDID_MAX, "some-rather-long-coin-identifier-%03d", i);
	struct catalog cat = {a, N};
	char **urls;
	size_t n, seen = 0;
	assert_int_equal(coingecko_build_urls(&cat, BASE, "usd", 0, &urls, &n), 0);
	assert_true(n >= 3); /* 120 ids of 36 bytes + commas > 4,000 bytes */
	for (size_t k = 0; k < n; k++) {
		assert_true(strlen(urls[k]) <= COINGECKO_URL_MAX);
		for (const char *p = strstr(urls[k], "identifier-"); p; p = strstr(p + 1, "identifier-"))
			seen++;
	}
	assert_int_equal(seen, N);
	feed_urls_free(urls, n);
	free(a);
}

static void coingecko_build_urls__encodes__odd_ids(void **state)
{
	(void)state;
	struct asset a[1];
	memset(a, 0, sizeof a);
	snprintf(a[0].coingecko_id, FEEDID_MAX, "a b&c");
	struct catalog cat = {a, 1};
	char **urls;
	size_t n;
	assert_int_equal(coingecko_build_urls(&cat, BASE, "usd", 0, &urls, &n), 0);
	assert_non_null(strstr(urls[0], "ids=a%20b%26c&"));
	feed_urls_free(urls, n);
}

static void coingecko_build_urls__refuses__bad_currency_or_base(void **state)
{
	(void)state;
	struct catalog cat = fixture_catalog(fx);
	char **urls = (char **)1;
	size_t n = 1;
	assert_int_equal(coingecko_build_urls(&cat, BASE, "us d", 0, &urls, &n), -1);
	assert_null(urls);
	assert_int_equal(n, 0);
	assert_int_equal(coingecko_build_urls(&cat, BASE, "", 0, &urls, &n), -1);
	assert_int_equal(coingecko_build_urls(&cat, BASE, "usdollars", 0, &urls, &n), -1);
	assert_int_equal(coingecko_build_urls(&cat, "", "usd", 0, &urls, &n), -1);
	struct catalog none = {fx, 0};
	assert_int_equal(coingecko_build_urls(&none, BASE, "usd", 0, &urls, &n), 0);
	assert_int_equal(n, 0);
	assert_null(urls);
}

static void coingecko_api_key_header__picks__demo_or_pro(void **state)
{
	(void)state;
	char h[64];
	assert_int_equal(coingecko_api_key_header(BASE, "CG-abc123", h, sizeof h), 0);
	assert_string_equal(h, "x-cg-demo-api-key: CG-abc123");
	assert_int_equal(
	    coingecko_api_key_header("https://pro-api.coingecko.com/api/v3", "CG-x", h, sizeof h), 0);
	assert_string_equal(h, "x-cg-pro-api-key: CG-x");
	assert_int_equal(coingecko_api_key_header(BASE, "", h, sizeof h), 1);
	assert_string_equal(h, "");
	assert_int_equal(coingecko_api_key_header(BASE, NULL, h, sizeof h), 1);
}

static void coingecko_api_key_header__refuses__unsafe_keys(void **state)
{
	(void)state;
	char h[24];
	assert_int_equal(coingecko_api_key_header(BASE, "CG-a\r\nX-Evil: 1", h, sizeof h), -1);
	assert_int_equal(coingecko_api_key_header(BASE, "CG a", h, sizeof h), -1);
	assert_int_equal(coingecko_api_key_header(BASE, "CG-\xc3\xa9", h, sizeof h), -1);
	assert_int_equal(coingecko_api_key_header(BASE, "CG-much-too-long-for-it", h, sizeof h), -1);
	assert_string_equal(h, "");
}

/* --- the parser --------------------------------------------------------- */

static void coingecko_parse__takes__real_shape(void **state)
{
	(void)state;
	size_t len;
	char *body = fx_read_fixture("coingecko_simple_price.json", &len);
	assert_non_null(body);
	struct run r;
	memset(&r, 0, sizeof r);
	struct catalog cat = fixture_catalog(fx);
	r.rc = coingecko_parse(body, len, &cat, "usd", NOW, &r.out, r.err, sizeof r.err);
	free(body);
	assert_int_equal(r.rc, 6);
	assert_string_equal(r.err, "");
	const struct observation *o = find(&r, "ETH");
	assert_non_null(o);
	assert_int_equal(o->kind, OBS_PRICE);
	assert_string_equal(o->source, "coingecko");
	assert_int_equal(o->ts, 1763900000); /* last_updated_at */
	assert_true(o->value == 3012.45);
	assert_true(find(&r, "stETH")->value == 3008.1);
	assert_int_equal(find(&r, "stETH")->ts, 1763899980);
	assert_true(find(&r, "wstETH")->value == 3650.12);
	assert_true(find(&r, "rETH")->value == 3420.5);
	assert_true(find(&r, "JitoSOL")->value == 152.31);
	assert_true(find(&r, "mSOL")->value == 181.2);
	obs_list_free(&r.out);
}

static void coingecko_parse__maps__a_shared_id_to_every_asset(void **state)
{
	(void)state;
	struct catalog cat = fixture_catalog(fx);
	snprintf(fx[FX_STETH].coingecko_id, FEEDID_MAX, "ethereum");
	for (size_t i = FX_WSTETH; i < FIXTURE_N; i++)
		fx[i].coingecko_id[0] = '\0';
	struct run r;
	memset(&r, 0, sizeof r);
	const char *b = "{\"ethereum\":{\"usd\":3000,\"last_updated_at\":1763900000}}";
	r.rc = coingecko_parse(b, strlen(b), &cat, "usd", NOW, &r.out, r.err, sizeof r.err);
	assert_int_equal(r.rc, 2);
	assert_string_equal(r.out.v[0].asset, "ETH");
	assert_string_equal(r.out.v[1].asset, "stETH");
	assert_true(r.out.v[1].value == 3000);
	obs_list_free(&r.out);
}

static void coingecko_parse__uses__display_currency_and_now(void **state)
{
	(void)state;
	/* no last_updated_at, or one in the future: ts = now */
	struct run r = parse_cur("{\"ethereum\":{\"eur\":2800.5},\"staked-ether\":{\"eur\":2795,"
	                         "\"last_updated_at\":1863900000},\"wrapped-steth\":{\"eur\":3400},"
	                         "\"rocket-pool-eth\":{\"eur\":3200},\"jito-staked-sol\":{\"eur\":140},"
	                         "\"msol\":{\"eur\":170}}",
	                         "EUR");
	assert_int_equal(r.rc, 6);
	assert_true(find(&r, "ETH")->value == 2800.5);
	assert_int_equal(find(&r, "ETH")->ts, NOW);
	assert_int_equal(find(&r, "stETH")->ts, NOW);
	obs_list_free(&r.out);
}

static void coingecko_parse__rejects__malformed_json(void **state)
{
	(void)state;
	struct run r = parse("{\"ethereum\":{\"usd\":3012.45,,}}");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "malformed JSON at byte 27"); /* the second comma */
	assert_int_equal(r.out.n, 0);
	r = parse("{\"ethereum\":{\"usd\":1}} trailing");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "malformed JSON at byte 23 (data after the end)");
	r = parse("");
	assert_string_equal(r.err, "empty response");
	r = parse("<html><body>429 Too Many Requests</body></html>");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "not JSON (starts with '<', an HTML page?)");
}

static void coingecko_parse__rejects__truncated_json(void **state)
{
	(void)state;
	struct run r = parse("{\"ethereum\":{\"usd\":3012.45,\"last_upd");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "truncated JSON (ends after 36 bytes)");
	assert_int_equal(r.out.n, 0);
}

static void coingecko_parse__rejects__wrong_shape(void **state)
{
	(void)state;
	struct run r = parse("[{\"ethereum\":{\"usd\":3012.45}}]");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "expected object at the top level, got array");
	/* one coin of the wrong type is a problem, not a failure */
	r = parse("{\"ethereum\":3012.45,\"staked-ether\":{\"usd\":3008.1},\"wrapped-steth\":"
	          "{\"usd\":3650},\"rocket-pool-eth\":{\"usd\":3420},\"jito-staked-sol\":"
	          "{\"usd\":152},\"msol\":{\"usd\":\"181.2\"}}");
	assert_int_equal(r.rc, 4);
	assert_string_equal(r.err, "expected object at ethereum, got number and 1 more");
	obs_list_free(&r.out);
}

static void coingecko_parse__reports__missing_assets(void **state)
{
	(void)state;
	struct run r = parse("{\"ethereum\":{\"usd\":3012.45},\"staked-ether\":{\"usd\":3008.1},"
	                     "\"wrapped-steth\":{\"usd\":3650},\"jito-staked-sol\":{\"usd\":152},"
	                     "\"bitcoin\":{\"usd\":90000}}");
	assert_int_equal(r.rc, 4);
	assert_string_equal(r.err, "missing: rocket-pool-eth and 1 more");
	assert_null(find(&r, "rETH"));
	obs_list_free(&r.out);
	r = parse("{}");
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.err, "missing: ethereum and 5 more");
}

static const char *const OTHERS = ",\"rocket-pool-eth\":{\"usd\":3420},\"jito-staked-sol\":"
                                  "{\"usd\":152},\"msol\":{\"usd\":181}}";

static struct run parse_three(const char *eth, const char *steth, const char *wsteth)
{
	char b[512];
	snprintf(b, sizeof b,
	         "{\"ethereum\":{\"usd\":%s},\"staked-ether\":{\"usd\":%s},\"wrapped-steth\":"
	         "{\"usd\":%s}%s",
	         eth, steth, wsteth, OTHERS);
	return parse(b);
}

static void coingecko_parse__reports__null_price(void **state)
{
	(void)state;
	struct run r = parse_three("3012.45", "3008.1", "null");
	assert_int_equal(r.rc, 5);
	assert_string_equal(r.err, "wrapped-steth.usd is null");
	assert_null(find(&r, "wstETH"));
	obs_list_free(&r.out);
}

static void coingecko_parse__rejects__nan_and_infinity(void **state)
{
	(void)state;
	/* "NaN" as a string; 1e999 which cJSON reads as inf */
	struct run r = parse_three("\"NaN\"", "1e999", "3650");
	assert_int_equal(r.rc, 4);
	assert_string_equal(r.err, "ethereum.usd is a string ('NaN'), expected a number and 1 more");
	obs_list_free(&r.out);
	r = parse_three("3012", "1e999", "3650");
	assert_string_equal(r.err, "staked-ether.usd is not finite (inf)");
	obs_list_free(&r.out);
}

static void coingecko_parse__rejects__zero_and_negative(void **state)
{
	(void)state;
	struct run r = parse_three("0", "-5", "3650");
	assert_int_equal(r.rc, 4);
	assert_string_equal(r.err, "ethereum.usd is zero or negative (0) and 1 more");
	assert_null(find(&r, "ETH"));
	assert_null(find(&r, "stETH"));
	obs_list_free(&r.out);
}

static void coingecko_parse__rejects__absurd_price(void **state)
{
	(void)state;
	struct run r = parse_three("3012.45", "1e300", "3650");
	assert_int_equal(r.rc, 5);
	assert_string_equal(r.err, "staked-ether.usd out of range (1e+300)");
	obs_list_free(&r.out);
}

static void coingecko_parse__reports__rate_limit_body(void **state)
{
	(void)state;
	struct run r = parse("{\"status\":{\"error_code\":429,\"error_message\":\"You've exceeded the "
	                     "Rate Limit. Please visit https://www.coingecko.com/en/api/pricing to "
	                     "subscribe to our API plans for higher rate limits.\"}}");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "CoinGecko error 429: You've exceeded the Rate Limit. Please visit "
	                           "https://www.coingec..."); /* 64 bytes quoted */
	r = parse("{\"error\":\"invalid vs_currency\"}");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "CoinGecko error: invalid vs_currency");
}

static void coingecko_parse__sanitizes__escapes_in_error_message(void **state)
{
	(void)state;
	struct run r = parse("{\"status\":{\"error_code\":10002,\"error_message\":"
	                     "\"\\u001b[31mbad key\\u001b[0m \xff\xfe\\u0007 \\u009b2J\"}}");
	assert_int_equal(r.rc, -1);
	assert_true(fx_text_is_safe(r.err));
	assert_null(strchr(r.err, 0x1b));
	/* ESC sequences, raw 0xff 0xfe, BEL: one '?' each; U+009B (C2 9B): two */
	assert_string_equal(r.err, "CoinGecko error 10002: ?bad key? ??? ??2J");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(feed_sanitize__replaces__escapes_and_controls),
		cmocka_unit_test(feed_sanitize__replaces__invalid_utf8),
		cmocka_unit_test(feed_quote__cuts__on_a_character_boundary),
		cmocka_unit_test(feed_issues__counts__the_rest),
		cmocka_unit_test(feed_json_skip__tells__truncated_from_malformed),
		cmocka_unit_test(feed_json_skip__refuses__deep_nesting),
		cmocka_unit_test(coingecko_build_urls__joins__distinct_ids),
		cmocka_unit_test(coingecko_build_urls__splits__by_id_count),
		cmocka_unit_test(coingecko_build_urls__splits__long_urls),
		cmocka_unit_test(coingecko_build_urls__encodes__odd_ids),
		cmocka_unit_test(coingecko_build_urls__refuses__bad_currency_or_base),
		cmocka_unit_test(coingecko_api_key_header__picks__demo_or_pro),
		cmocka_unit_test(coingecko_api_key_header__refuses__unsafe_keys),
		cmocka_unit_test(coingecko_parse__takes__real_shape),
		cmocka_unit_test(coingecko_parse__maps__a_shared_id_to_every_asset),
		cmocka_unit_test(coingecko_parse__uses__display_currency_and_now),
		cmocka_unit_test(coingecko_parse__rejects__malformed_json),
		cmocka_unit_test(coingecko_parse__rejects__truncated_json),
		cmocka_unit_test(coingecko_parse__rejects__wrong_shape),
		cmocka_unit_test(coingecko_parse__reports__missing_assets),
		cmocka_unit_test(coingecko_parse__reports__null_price),
		cmocka_unit_test(coingecko_parse__rejects__nan_and_infinity),
		cmocka_unit_test(coingecko_parse__rejects__zero_and_negative),
		cmocka_unit_test(coingecko_parse__rejects__absurd_price),
		cmocka_unit_test(coingecko_parse__reports__rate_limit_body),
		cmocka_unit_test(coingecko_parse__sanitizes__escapes_in_error_message),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
