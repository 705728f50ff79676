/* test_csv.c — data/csv.c: RFC 4180 fields and the line each record starts
 * on; every malformation refused with its line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "data/csv.h"

static void parse__quotes_crlf_blank_lines_and_line_numbers(void **state)
{
	(void)state;
	const char in[] = "asset,amount,note\r\n"
	                  "ETH,1.5,\"a, b\"\r\n"
	                  "\n"
	                  "wstETH,2,\"say \"\"hi\"\"\nsecond line\"\n"
	                  "SOL,3,\n"
	                  "DOT,4,\xc3\xa9";
	struct csv c;
	char err[128];
	assert_int_equal(csv_parse(in, sizeof in - 1, &c, err, sizeof err), 0);
	assert_int_equal(c.n, 5);
	assert_int_equal(c.rows[0].n, 3);
	assert_string_equal(c.rows[1].f[2], "a, b");
	assert_int_equal(c.rows[1].line, 2);
	/* line 3 is blank: skipped; the quoted field spans lines 4 and 5 */
	assert_int_equal(c.rows[2].line, 4);
	assert_string_equal(c.rows[2].f[2], "say \"hi\"\nsecond line");
	assert_int_equal(c.rows[3].line, 6);
	assert_string_equal(c.rows[3].f[2], "");
	assert_int_equal(c.rows[3].n, 3);
	assert_string_equal(c.rows[4].f[2], "\xc3\xa9"); /* no final newline */
	csv_free(&c);
}

static void expect_bad(const char *in, size_t len, const char *want)
{
	struct csv c;
	char err[128] = "";
	assert_int_equal(csv_parse(in, len, &c, err, sizeof err), -1);
	if (strcmp(err, want) != 0)
		print_error("got '%s', want '%s'\n", err, want);
	assert_string_equal(err, want);
	assert_null(c.rows);
}

static void parse__malformed_refused_with_the_line(void **state)
{
	(void)state;
	expect_bad("a,b\n1,\"2\n3,4\n", 12, "line 2: unterminated quote");
	expect_bad("a,b\n1,2\"x\n", 10, "line 2: a quote inside an unquoted field");
	expect_bad("a,b\n1,\"2\"x\n", 11, "line 2: text after a closing quote");
	expect_bad("a,b\n1,2\n3,\0\n", 12, "line 3: a NUL byte");
	char many[200];
	size_t n = 0;
	for (int i = 0; i < 65; i++)
		n += (size_t)snprintf(many + n, sizeof many - n, "%sx", i ? "," : "");
	expect_bad(many, n, "line 1: more than 64 fields");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse__quotes_crlf_blank_lines_and_line_numbers),
		cmocka_unit_test(parse__malformed_refused_with_the_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
