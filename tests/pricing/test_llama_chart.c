/* test_llama_chart.c — pricing/llama_chart.c: the chart URL and the parser
 * on the response shape of DOMAIN.md, with bad points, keys in another
 * case, points outside the window and hostile bytes.
 *
 * 2026-01-01 = 1767225600; a day is 86400. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "pricing/llama_chart.h"
#include "tests/pricing/fixture_catalog.h"

#define D0 INT64_C(1767225600)
#define NOW (D0 + 10 * 86400)

static void build_url__key_window_period(void **state)
{
	(void)state;
	char *u = llama_chart_build_url("https://coins.llama.fi/", "coingecko:ethereum", D0, 180);
	assert_string_equal(u, "https://coins.llama.fi/chart/coingecko:ethereum"
	                       "?start=1767225600&span=180&period=1d");
	free(u);
	u = llama_chart_build_url("http://127.0.0.1:9/l", "a b/c", D0, 1);
	assert_string_equal(u, "http://127.0.0.1:9/l/chart/a%20b%2Fc?start=1767225600&span=1&period=1d");
	free(u);
	assert_null(llama_chart_build_url("", "coingecko:ethereum", D0, 1));
	assert_null(llama_chart_build_url("https://x", "", D0, 1));
	assert_null(llama_chart_build_url("https://x", "k", D0, 0));
}

static void parse__prices_in_the_window(void **state)
{
	(void)state;
	struct asset a[FIXTURE_N];
	struct catalog cat = fixture_catalog(a);
	/* ETH: the day before the window (dropped), three days in it; wstETH's
	 * address answered lower-cased */
	const char body[] =
		"{\"coins\":{\"coingecko:ethereum\":{\"symbol\":\"ETH\",\"confidence\":0.99,"
		"\"prices\":[{\"timestamp\":1767139200,\"price\":2900},"
		"{\"timestamp\":1767225600,\"price\":3000.5},{\"timestamp\":1767312000,\"price\":3100},"
		"{\"timestamp\":1767398400,\"price\":3200}]},"
		"\"ethereum:0x7f39c581f595b53c5cb19bd0b3f8da6c935e2ca0\":{\"symbol\":\"wstETH\","
		"\"prices\":[{\"timestamp\":1767225600,\"price\":3650.1}]}}}";
	struct obs_list l = { 0 };
	char err[256];
	int n = llama_chart_parse(body, sizeof body - 1, &cat, D0, NOW, NOW, &l, err, sizeof err);
	assert_int_equal(n, 4);
	assert_string_equal(err, "");
	assert_string_equal(l.v[0].asset, "ETH");
	assert_true(l.v[0].ts == D0 && l.v[0].value == 3000.5);
	assert_string_equal(l.v[0].source, "defillama-chart");
	assert_true(l.v[2].ts == D0 + 2 * 86400 && l.v[2].value == 3200);
	assert_string_equal(l.v[3].asset, "wstETH");
	assert_true(l.v[3].value == 3650.1);
	obs_list_free(&l);
}

static void parse__bad_points_are_problems_the_rest_is_taken(void **state)
{
	(void)state;
	struct asset a[FIXTURE_N];
	struct catalog cat = fixture_catalog(a);
	const char body[] =
		"{\"coins\":{\"coingecko:ethereum\":{\"prices\":["
		"{\"timestamp\":1767225600,\"price\":null},"
		"{\"timestamp\":1767225600,\"price\":\"3000\"},"
		"{\"timestamp\":1767225600.5,\"price\":3000},"
		"{\"timestamp\":1999999999,\"price\":3000},"     /* after now */
		"{\"timestamp\":1767312000,\"price\":-1},"
		"{\"timestamp\":1767312000,\"price\":1e300},"
		"{\"timestamp\":1767398400,\"price\":3200}]},"
		"\"\x1b[2Jevil\":{\"prices\":7}}}";
	struct obs_list l = { 0 };
	char err[256];
	int n = llama_chart_parse(body, sizeof body - 1, &cat, D0, NOW, NOW, &l, err, sizeof err);
	assert_int_equal(n, 1);
	assert_true(l.v[0].value == 3200);
	/* the first problem, and how many more: the ESC-keyed coin is one, the
	 * six bad points the others */
	assert_non_null(strstr(err, "and 6 more"));
	assert_null(strchr(err, '\x1b'));
	obs_list_free(&l);
}

static void parse__unusable_answers(void **state)
{
	(void)state;
	struct asset a[FIXTURE_N];
	struct catalog cat = fixture_catalog(a);
	struct obs_list l = { 0 };
	char err[256];
	const char *bad[] = { "{\"message\":\"rate limited\"}", "<html>", "{\"coins\":[]}",
		              "{\"coins\":{\"coingecko:ethereum\":{\"prices\":[{\"timestamp\":1" };
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(llama_chart_parse(bad[i], strlen(bad[i]), &cat, D0, NOW, NOW, &l, err,
		                                   sizeof err), -1);
		assert_int_equal(l.n, 0);
		assert_true(err[0] != 0);
	}
}

static void yield_chart__apr_history_of_a_pool(void **state)
{
	(void)state;
	char *u = llama_yield_chart_build_url("https://yields.llama.fi/", FX_POOL_STETH);
	assert_string_equal(u, "https://yields.llama.fi/chart/" FX_POOL_STETH);
	free(u);
	/* 2026-01-01T23:01:40.583Z = D0 + 82900 (the fraction dropped); the
	 * point of 2025-12-31 is before the window; apyBase null → apy; a bad
	 * timestamp and a string figure are problems */
	const char body[] =
		"{\"status\":\"success\",\"data\":["
		"{\"timestamp\":\"2025-12-31T23:01:40.583Z\",\"apy\":2.9,\"apyBase\":2.9},"
		"{\"timestamp\":\"2026-01-01T23:01:40.583Z\",\"apy\":3.0,\"apyBase\":2.8},"
		"{\"timestamp\":\"2026-01-02T23:01:40Z\",\"apy\":3.1,\"apyBase\":null},"
		"{\"timestamp\":\"yesterday\",\"apy\":3.1},"
		"{\"timestamp\":\"2026-01-03T23:01:40Z\",\"apyBase\":\"\x1b[2J\"}]}";
	struct obs_list l = { 0 };
	char err[256];
	int n = llama_yield_chart_parse(body, sizeof body - 1, "stETH", D0, NOW, &l, err, sizeof err);
	assert_int_equal(n, 2);
	assert_string_equal(l.v[0].asset, "stETH");
	assert_int_equal(l.v[0].kind, OBS_APR);
	assert_string_equal(l.v[0].source, "defillama-yields-chart");
	assert_true(l.v[0].ts == D0 + 82900);
	assert_true(l.v[0].value == 2.8 * 0.01);
	assert_true(l.v[1].ts == D0 + 86400 + 82900 && l.v[1].value == 3.1 * 0.01);
	assert_non_null(strstr(err, "data[3].timestamp is not an ISO-8601 time and 1 more"));
	assert_null(strchr(err, '\x1b'));
	obs_list_free(&l);
	/* a pool id it does not know: a bare JSON string */
	const char bad[] = "\"invalid configID!\"";
	assert_int_equal(llama_yield_chart_parse(bad, sizeof bad - 1, "stETH", D0, NOW, &l, err,
	                                         sizeof err), -1);
	assert_string_equal(err, "DefiLlama yields answered 'invalid configID!'");
	const char st[] = "{\"status\":\"error\",\"data\":[]}";
	assert_int_equal(llama_yield_chart_parse(st, sizeof st - 1, "stETH", D0, NOW, &l, err,
	                                         sizeof err), -1);
	assert_int_equal(l.n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(build_url__key_window_period),
		cmocka_unit_test(parse__prices_in_the_window),
		cmocka_unit_test(parse__bad_points_are_problems_the_rest_is_taken),
		cmocka_unit_test(parse__unusable_answers),
		cmocka_unit_test(yield_chart__apr_history_of_a_pool),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
