/* test_rest_json.c — pricing/rest_json.c: a rate at a JSON path of a REST
 * answer, against the shape of Stride's host zone (CATALOG-2.md §5:
 * {"host_zone": {..., "redemption_rate": "<cosmos.Dec, 18 fraction
 * digits>"}}). */
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
#include "pricing/rest_json.h"
#include "tests/pricing/fixture_catalog.h"

#define NOW 1795593600

static struct asset statom(void)
{
	struct asset a;
	fx_asset(&a, "stATOM", "cosmos", "ATOM", "stride-staked-atom", "", "");
	a.rate.type = RATE_REST_JSON;
	snprintf(a.rate.rest_base, sizeof a.rate.rest_base, "stride");
	snprintf(a.rate.path, sizeof a.rate.path, "/Stride-Labs/stride/stakeibc/host_zone/cosmoshub-4");
	snprintf(a.rate.json_path, sizeof a.rate.json_path, "host_zone.redemption_rate");
	return a;
}

struct run {
	int rc;
	struct obs_list out;
	char err[256];
};

static struct run parse_with(const struct asset *a, const char *body)
{
	struct run r;
	memset(&r, 0, sizeof r);
	r.rc = rest_json_parse(body, strlen(body), a, NOW, &r.out, r.err, sizeof r.err);
	assert_true(fx_text_is_safe(r.err));
	if (r.rc <= 0)
		assert_int_equal(r.out.n, 0);
	return r;
}

/* The host zone with redemption_rate set to the raw JSON value v. */
static struct run parse_rate(const char *v)
{
	char b[1024];
	struct asset a = statom();
	snprintf(b, sizeof b,
	         "{\"host_zone\":{\"chain_id\":\"cosmoshub-4\",\"host_denom\":\"uatom\","
	         "\"unbonding_period\":\"21\",\"last_redemption_rate\":\"1.249000000000000000\","
	         "\"redemption_rate\":%s,\"min_redemption_rate\":\"1.200000000000000000\","
	         "\"halted\":false}}",
	         v);
	return parse_with(&a, b);
}

static void rest_json_build_url__joins__base_and_path(void **state)
{
	(void)state;
	struct asset a = statom();
	char *u = rest_json_build_url("https://stride-fleet.main.stridenet.co/api/", &a);
	assert_string_equal(u, "https://stride-fleet.main.stridenet.co/api/Stride-Labs/stride/"
	                       "stakeibc/host_zone/cosmoshub-4");
	free(u);
	/* a path that would leave the base, or carries a query, is refused */
	snprintf(a.rate.path, sizeof a.rate.path, "/../admin");
	assert_null(rest_json_build_url("https://h", &a));
	assert_string_equal(rest_json_check_source(&a), "path is not a URL path");
	snprintf(a.rate.path, sizeof a.rate.path, "/x?y=1");
	assert_null(rest_json_build_url("https://h", &a));
	a = statom();
	snprintf(a.rate.json_path, sizeof a.rate.json_path, "host_zone..rate");
	assert_string_equal(rest_json_check_source(&a), "json_path is not dot-separated keys");
}

static void rest_json_parse__takes__cosmos_dec_string(void **state)
{
	(void)state;
	struct run r = parse_rate("\"1.250000000000000000\"");
	assert_int_equal(r.rc, 1);
	assert_string_equal(r.err, "");
	assert_string_equal(r.out.v[0].asset, "stATOM");
	assert_int_equal(r.out.v[0].kind, OBS_RATE);
	assert_string_equal(r.out.v[0].source, "rest_json");
	assert_int_equal(r.out.v[0].ts, NOW);
	assert_float_equal(r.out.v[0].value, 1.25, 1e-15);
	obs_list_free(&r.out);
	/* all 18 fraction digits: 1.234567890123456789 read as a decimal, not
	 * cut to fewer digits (a double holds it to ~2e-16) */
	r = parse_rate("\"1.234567890123456789\"");
	assert_int_equal(r.rc, 1);
	assert_true(fabs(r.out.v[0].value - 1.234567890123456789) < 1e-15);
	obs_list_free(&r.out);
	/* a JSON number is taken too */
	r = parse_rate("1.0625");
	assert_int_equal(r.rc, 1);
	assert_float_equal(r.out.v[0].value, 1.0625, 1e-15);
	obs_list_free(&r.out);
}

static void rest_json_parse__reports__missing_path(void **state)
{
	(void)state;
	struct asset a = statom();
	struct run r = parse_with(&a, "{\"host_zone\":{\"chain_id\":\"cosmoshub-4\"}}");
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.err, "host_zone.redemption_rate missing (stATOM)");
	r = parse_with(&a, "{\"code\":5,\"message\":\"host zone not found\",\"details\":[]}");
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.err, "host_zone.redemption_rate missing (stATOM)");
	/* host_zone is not an object: the path cannot go on */
	r = parse_with(&a, "{\"host_zone\":\"cosmoshub-4\"}");
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.err, "host_zone.redemption_rate missing (stATOM)");
}

static void rest_json_parse__rejects__non_numeric_values(void **state)
{
	(void)state;
	struct run r = parse_rate("\"abc\"");
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.err,
	                    "host_zone.redemption_rate is 'abc', not a decimal (stATOM)");
	const char *bad[] = { "\"\"", "\"-1.2\"", "\"1e5\"", "\" 1.2\"", "\"1.2.3\"",
		              "\"1.0000000000000000001\"", "\"NaN\"" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		r = parse_rate(bad[i]);
		assert_int_equal(r.rc, 0);
		assert_non_null(strstr(r.err, "not a decimal"));
	}
	r = parse_rate("null");
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.err, "host_zone.redemption_rate is null, expected a decimal string "
	                           "(stATOM)");
	r = parse_rate("{\"dec\":\"1.2\"}");
	assert_string_equal(r.err, "host_zone.redemption_rate is object, expected a decimal string "
	                           "(stATOM)");
	/* zero and absurd rates are not taken */
	r = parse_rate("\"0.000000000000000000\"");
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.err, "rate for stATOM is zero or negative (0)");
	r = parse_rate("\"12345678901234567890\"");
	assert_int_equal(r.rc, 0);
	assert_non_null(strstr(r.err, "rate for stATOM out of range"));
}

static void rest_json_parse__sanitizes__hostile_bytes(void **state)
{
	(void)state;
	/* ESC [2J, BEL, a C1 CSI and invalid UTF-8 in the value */
	struct run r = parse_rate("\"\\u001b[2J\\u0007\\u009b31m1.2\"");
	assert_int_equal(r.rc, 0);
	assert_non_null(strstr(r.err, "not a decimal"));
	assert_null(strchr(r.err, 0x1b));
	struct asset a = statom();
	const char raw[] = "{\"host_zone\":{\"redemption_rate\":\"\xff\xfe\x1b]0;x\x07\"}}";
	r = parse_with(&a, raw);
	assert_int_equal(r.rc, 0); /* cJSON takes raw bytes in a string; the quote is cleaned */
	assert_non_null(strstr(r.err, "not a decimal"));
	assert_true(fx_text_is_safe(r.err));
}

static void rest_json_parse__rejects__bodies_that_are_not_an_object(void **state)
{
	(void)state;
	struct asset a = statom();
	struct run r = parse_with(&a, "<html><body>502 Bad Gateway</body></html>");
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.err, "not JSON"));
	r = parse_with(&a, "{\"host_zone\":{\"redemption_rate\":\"1.2\"");
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.err, "truncated JSON"));
	r = parse_with(&a, "[\"1.25\"]");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "expected object at the top level, got array");
	/* an asset whose source is not REST JSON is refused before parsing */
	a.rate.type = RATE_EVM_CALL;
	r = parse_with(&a, "{}");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "stATOM: rate source not a REST JSON source");
}

static void rest_json_parse__follows__array_indexes(void **state)
{
	(void)state;
	struct asset a = statom();
	snprintf(a.rate.json_path, sizeof a.rate.json_path, "host_zone.1.redemption_rate");
	struct run r = parse_with(&a, "{\"host_zone\":[{\"redemption_rate\":\"9\"},"
	                              "{\"redemption_rate\":\"1.5\"}]}");
	assert_int_equal(r.rc, 1);
	assert_float_equal(r.out.v[0].value, 1.5, 1e-15);
	obs_list_free(&r.out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rest_json_build_url__joins__base_and_path),
		cmocka_unit_test(rest_json_parse__takes__cosmos_dec_string),
		cmocka_unit_test(rest_json_parse__reports__missing_path),
		cmocka_unit_test(rest_json_parse__rejects__non_numeric_values),
		cmocka_unit_test(rest_json_parse__sanitizes__hostile_bytes),
		cmocka_unit_test(rest_json_parse__rejects__bodies_that_are_not_an_object),
		cmocka_unit_test(rest_json_parse__follows__array_indexes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
