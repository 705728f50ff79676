/* test_lido_wq.c — pricing/lido_wq.c: the wq-api URL and the parser, with
 * bodies of the real shape (DOMAIN.md §1) and the ways they go wrong. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "positions/unbonding.h"
#include "pricing/lido_wq.h"

#define NOW INT64_C(1795593600) /* 2026-11-25T08:00:00Z */

static const char REAL[] =
	"{\"requestInfo\":{\"finalizationIn\":259200000,"
	"\"finalizationAt\":\"2026-11-28T08:00:00.000Z\",\"type\":\"exitValidators\"},"
	"\"status\":\"calculated\",\"nextCalculationAt\":\"2026-11-25T09:00:00.000Z\"}";

static dec_t dec(const char *s)
{
	dec_t d;
	char err[128];
	assert_int_equal(dec_parse(s, 18, &d, err, sizeof err), 0);
	return d;
}

/* Parse text (its strlen); returns the result, leaves err filled. */
static int parse(const char *text, struct unbond_queue_api *q, char *err, size_t errlen)
{
	return lido_wq_parse(text, strlen(text), NOW, q, err, errlen);
}

/* text must fail with a message containing want; *q left zeroed. */
static void assert_fails(const char *text, const char *want)
{
	struct unbond_queue_api q;
	char err[256];
	memset(&q, 0xAB, sizeof q);
	q.has = true;
	assert_int_equal(parse(text, &q, err, sizeof err), -1);
	if (!strstr(err, want))
		fail_msg("body %s: message '%s' lacks '%s'", text, err, want);
	assert_false(q.has);
	assert_int_equal(q.finalization_in_ms, 0);
	assert_string_equal(q.label, "");
	for (const unsigned char *p = (const unsigned char *)err; *p; p++)
		assert_true(*p >= 0x20 && *p != 0x7f);
}

/* --- URL --------------------------------------------------------------- */

static void url__build__base_and_amount(void **state)
{
	(void)state;
	char u[256];
	assert_int_equal(lido_wq_build_url("https://wq-api.lido.fi", dec("40"), u, sizeof u), 0);
	assert_string_equal(u, "https://wq-api.lido.fi/v2/request-time/calculate?amount=40");
	assert_int_equal(lido_wq_build_url("http://127.0.0.1:8080//", dec("1.5"), u, sizeof u), 0);
	assert_string_equal(u, "http://127.0.0.1:8080/v2/request-time/calculate?amount=1.5");
	assert_int_equal(lido_wq_build_url("https://x", dec("0.000000000000000001"), u, sizeof u), 0);
	assert_string_equal(u, "https://x/v2/request-time/calculate?amount=0.000000000000000001");
}

static void url__build__refuses_bad_input(void **state)
{
	(void)state;
	char u[64];
	dec_t neg = dec("2");
	neg.raw = -neg.raw;
	strcpy(u, "junk");
	assert_int_equal(lido_wq_build_url("https://x", dec_zero(), u, sizeof u), -1);
	assert_string_equal(u, "");
	assert_int_equal(lido_wq_build_url("https://x", neg, u, sizeof u), -1);
	assert_int_equal(lido_wq_build_url("", dec("1"), u, sizeof u), -1);
	assert_int_equal(lido_wq_build_url("///", dec("1"), u, sizeof u), -1);
	assert_int_equal(lido_wq_build_url(NULL, dec("1"), u, sizeof u), -1);
	/* "https://x/v2/request-time/calculate?amount=1" is 44 bytes + NUL */
	assert_int_equal(lido_wq_build_url("https://x", dec("1"), u, 45), 0);
	assert_int_equal(lido_wq_build_url("https://x", dec("1"), u, 44), -1);
	assert_string_equal(u, "");
	assert_int_equal(lido_wq_build_url("https://x", dec("1"), NULL, 0), -1);
}

/* --- the real shape ---------------------------------------------------- */

static void parse__real__three_days(void **state)
{
	(void)state;
	struct unbond_queue_api q;
	char err[256];
	assert_int_equal(parse(REAL, &q, err, sizeof err), 0);
	assert_string_equal(err, "");
	assert_true(q.has);
	assert_int_equal(q.finalization_in_ms, 259200000);
	assert_int_equal(q.observed_at, NOW);
	assert_string_equal(q.label, "Lido withdrawal queue: wq-api");

	/* Into the Lido rule: now + 259200000 ms / 1000 = 1795593600 + 259200
	 * = 1795852800 = 2026-11-28T08:00:00Z. */
	struct unbond_rule r = { .type = UNBOND_QUEUE, .typical_s = 259200,
		                 .min_s = 86400, .max_s = 432000 };
	struct unbond_inputs in = { .queue = q };
	struct unbond_eta e;
	assert_int_equal(unbond_estimate(&r, NOW, &in, &e), 0);
	assert_int_equal(e.available_at, INT64_C(1795852800));
	assert_string_equal(e.basis, "Lido withdrawal queue: wq-api estimate: 3 days after"
	                    " the observation (estimate)");
}

static void parse__real__finalized_zero_and_no_extras(void **state)
{
	(void)state;
	struct unbond_queue_api q;
	char err[256];
	assert_int_equal(parse("{\"requestInfo\":{\"finalizationIn\":0},\"status\":\"finalized\"}",
	                       &q, err, sizeof err), 0);
	assert_true(q.has);
	assert_int_equal(q.finalization_in_ms, 0);
	/* whitespace around, keys in any order, a fraction rounded up */
	assert_int_equal(parse(" \n{\"status\":\"calculated\",\"nextCalculationAt\":null,"
	                       "\"requestInfo\":{\"type\":\"buffer\",\"finalizationIn\":1500.2}}\n",
	                       &q, err, sizeof err), 0);
	assert_int_equal(q.finalization_in_ms, 1501);
	/* the length is honoured: bytes after len are not read */
	char buf[sizeof REAL + 8];
	memcpy(buf, REAL, sizeof REAL - 1);
	memcpy(buf + sizeof REAL - 1, "garbage", 8);
	assert_int_equal(lido_wq_parse(buf, sizeof REAL - 1, NOW, &q, err, sizeof err), 0);
	assert_int_equal(q.finalization_in_ms, 259200000);
	/* a NULL err is fine */
	assert_int_equal(lido_wq_parse(REAL, strlen(REAL), NOW, &q, NULL, 0), 0);
	assert_int_equal(lido_wq_parse("[]", 2, NOW, &q, NULL, 0), -1);
}

static void parse__range__one_year_limit(void **state)
{
	(void)state;
	struct unbond_queue_api q;
	char err[256];
	/* 365 × 86400 × 1000 = 31536000000 ms is accepted, 1 ms more is not */
	assert_int_equal(parse("{\"requestInfo\":{\"finalizationIn\":31536000000},"
	                       "\"status\":\"calculated\"}", &q, err, sizeof err), 0);
	assert_int_equal(q.finalization_in_ms, INT64_C(31536000000));
	assert_fails("{\"requestInfo\":{\"finalizationIn\":31536000001},\"status\":\"calculated\"}",
	             "out of range (3.1536e+10 ms; 0 to one year)");
	assert_fails("{\"requestInfo\":{\"finalizationIn\":-5},\"status\":\"calculated\"}",
	             "requestInfo.finalizationIn out of range (-5 ms");
	assert_fails("{\"requestInfo\":{\"finalizationIn\":-0.001},\"status\":\"calculated\"}",
	             "out of range");
	assert_fails("{\"requestInfo\":{\"finalizationIn\":1e300},\"status\":\"calculated\"}",
	             "out of range (1e+300 ms");
	assert_fails("{\"requestInfo\":{\"finalizationIn\":1e999},\"status\":\"calculated\"}",
	             "requestInfo.finalizationIn is not finite");
}

/* --- no estimate --------------------------------------------------------- */

static void parse__status__no_estimate(void **state)
{
	(void)state;
	assert_fails("{\"requestInfo\":null,\"status\":\"initializing\"}",
	             "status 'initializing': no estimate yet");
	assert_fails("{\"requestInfo\":{\"finalizationIn\":1000},\"status\":\"calculating\"}",
	             "status 'calculating': no estimate yet");
	assert_fails("{\"requestInfo\":null,\"status\":\"calculated\"}",
	             "requestInfo is null (status 'calculated')");
	assert_fails("{\"status\":\"finalized\"}", "requestInfo is missing (status 'finalized')");
	assert_fails("{\"requestInfo\":{\"finalizationIn\":1000},\"status\":\"Calculated\"}",
	             "unexpected status 'Calculated'");
	assert_fails("{\"requestInfo\":{\"finalizationIn\":1000}}", "status missing");
	assert_fails("{\"requestInfo\":{\"finalizationIn\":null},\"status\":\"calculated\"}",
	             "requestInfo.finalizationIn is null");
	assert_fails("{\"requestInfo\":{\"type\":\"buffer\"},\"status\":\"calculated\"}",
	             "requestInfo.finalizationIn is missing");
}

/* --- wrong types ----------------------------------------------------------- */

static void parse__types__wrong(void **state)
{
	(void)state;
	assert_fails("{\"requestInfo\":{\"finalizationIn\":\"259200000\"},\"status\":\"calculated\"}",
	             "expected a number at requestInfo.finalizationIn, got string");
	assert_fails("{\"requestInfo\":{\"finalizationIn\":true},\"status\":\"calculated\"}",
	             "expected a number at requestInfo.finalizationIn, got bool");
	assert_fails("{\"requestInfo\":{\"finalizationIn\":[1]},\"status\":\"calculated\"}",
	             "got array");
	assert_fails("{\"requestInfo\":[259200000],\"status\":\"calculated\"}",
	             "expected an object at requestInfo, got array");
	assert_fails("{\"requestInfo\":\"soon\",\"status\":\"calculated\"}",
	             "expected an object at requestInfo, got string");
	assert_fails("{\"requestInfo\":{\"finalizationIn\":1},\"status\":200}",
	             "expected a string at status, got number");
	assert_fails("{\"requestInfo\":{\"finalizationIn\":1},\"status\":null}",
	             "expected a string at status, got null");
	assert_fails("[" "{\"requestInfo\":{\"finalizationIn\":1},\"status\":\"calculated\"}" "]",
	             "expected an object at (root), got array");
	assert_fails("\"calculated\"", "expected an object at (root), got string");
	assert_fails("259200000", "expected an object at (root), got number");
}

/* --- malformed ------------------------------------------------------------- */

static void parse__malformed(void **state)
{
	(void)state;
	assert_fails("", "empty response");
	assert_fails("  \n", "empty response");
	assert_fails("<html><body>502 Bad Gateway</body></html>", "an HTML page?");
	assert_fails("{\"requestInfo\":{\"finalizationIn\":2592", "truncated JSON");
	assert_fails("{\"requestInfo\":{\"finalizationIn\":259200000}", "truncated JSON");
	assert_fails("{\"requestInfo\" {}}", "malformed JSON at byte");
	assert_fails("{\"status\":\"calculated\",}", "malformed JSON");
	assert_fails("{\"requestInfo\":{\"finalizationIn\":1},\"status\":\"calculated\"} x",
	             "data after the end");
	assert_fails("{\"requestInfo\":{\"finalizationIn\":NaN},\"status\":\"calculated\"}",
	             "malformed JSON");
	/* a NUL inside the length */
	struct unbond_queue_api q;
	char err[256];
	static const char nul[] = "{\"status\":\"calc\0ulated\"}";
	assert_int_equal(lido_wq_parse(nul, sizeof nul - 1, NOW, &q, err, sizeof err), -1);
	assert_false(q.has);
	assert_int_equal(lido_wq_parse(NULL, 0, NOW, &q, err, sizeof err), -1);
	assert_string_equal(err, "empty response");
}

/* --- hostile strings --------------------------------------------------------- */

static void parse__escapes__sanitized_in_messages(void **state)
{
	(void)state;
	/* an escaped ESC sequence and a raw one, a bidi override, a newline */
	assert_fails("{\"requestInfo\":null,\"status\":\"\\u001b[2J\\u001b]0;pwned\\u0007x\"}",
	             "unexpected status '");
	assert_fails("{\"requestInfo\":null,\"status\":\"\x1b[31mred\"}", "unexpected status '");
	assert_fails("{\"requestInfo\":null,\"status\":\"calc\\u202eulated\\nnext\"}",
	             "unexpected status 'calc?ulated?next'");
	/* a long status is cut */
	char body[512];
	char longs[301];
	memset(longs, 'a', 300);
	longs[300] = '\0';
	snprintf(body, sizeof body, "{\"requestInfo\":null,\"status\":\"%s\"}", longs);
	struct unbond_queue_api q;
	char err[256];
	assert_int_equal(parse(body, &q, err, sizeof err), -1);
	assert_non_null(strstr(err, "..."));
	assert_true(strlen(err) < 120);
	/* odd but harmless strings elsewhere do not matter */
	struct unbond_queue_api ok;
	assert_int_equal(parse("{\"requestInfo\":{\"finalizationIn\":60000,\"type\":\"\\u001b[0m\","
	                       "\"finalizationAt\":7},\"status\":\"calculated\"}", &ok, err,
	                       sizeof err), 0);
	assert_int_equal(ok.finalization_in_ms, 60000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(url__build__base_and_amount),
		cmocka_unit_test(url__build__refuses_bad_input),
		cmocka_unit_test(parse__real__three_days),
		cmocka_unit_test(parse__real__finalized_zero_and_no_extras),
		cmocka_unit_test(parse__range__one_year_limit),
		cmocka_unit_test(parse__status__no_estimate),
		cmocka_unit_test(parse__types__wrong),
		cmocka_unit_test(parse__malformed),
		cmocka_unit_test(parse__escapes__sanitized_in_messages),
	};
	return cmocka_run_group_tests_name("pricing/lido_wq", tests, NULL, NULL);
}
