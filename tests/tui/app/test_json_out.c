/* Tests for tui/json_out.c: the streaming writer report --json uses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/app/json_out.h"

/* Everything written, read back from a memory stream. */
static char *render(void (*fill)(struct json_out *), size_t *len)
{
	char *text = NULL;
	FILE *f = open_memstream(&text, len);
	assert_non_null(f);
	struct json_out j;
	json_out_init(&j, f);
	fill(&j);
	assert_int_equal(json_out_write(&j, f), 0);
	json_out_done(&j);
	fclose(f);
	return text;
}

static void fill_decimals(struct json_out *j)
{
	json_begin_object(j, NULL);
	json_decimal(j, "a", 30013.03935L, 4); /* half rounds away from zero: .0394 */
	json_decimal(j, "b", 7200.5L, 4);      /* trailing zeros dropped */
	json_decimal(j, "c", -27.394543L, 2);  /* −27.39 */
	json_decimal(j, "d", -0.0001L, 2);     /* rounds to 0, no "-0" */
	json_decimal(j, "e", 2.0L, 8);         /* a whole number: "2" */
	json_decimal(j, "f", NAN, 4);          /* not finite: null */
	json_decimal(j, "g", 1e20L, 2);        /* past 64-bit fixed point: printf path */
	json_int(j, "h", -42);
	json_end_object(j);
}

static void json_decimal__rounds_and_trims__as_computed_by_hand(void **state)
{
	(void)state;
	size_t len;
	char *t = render(fill_decimals, &len);
	assert_string_equal(t, "{\"a\":30013.0394,\"b\":7200.5,\"c\":-27.39,\"d\":0,\"e\":2,"
	                       "\"f\":null,\"g\":100000000000000000000,\"h\":-42}\n");
	free(t);
}

static void fill_strings(struct json_out *j)
{
	json_begin_object(j, NULL);
	json_string(j, "s", "a\"b\\c\n\x1b[31m\x01");
	json_begin_array(j, "v");
	json_bool(j, NULL, true);
	json_null(j, NULL);
	json_begin_object(j, NULL);
	json_end_object(j);
	json_end_array(j);
	json_end_object(j);
}

static void json_string__escapes__quotes_backslash_and_controls(void **state)
{
	(void)state;
	size_t len;
	char *t = render(fill_strings, &len);
	/* ESC (0x1b) and 0x01 as \u escapes: nothing raw reaches a terminal */
	assert_string_equal(t, "{\"s\":\"a\\\"b\\\\c\\n\\u001b[31m\\u0001\",\"v\":[true,null,{}]}\n");
	free(t);
}

static void fill_long(struct json_out *j)
{
	json_begin_array(j, NULL);
	for (int i = 0; i < 20000; i++)
		json_int(j, NULL, i);
	json_end_array(j);
}

static void json_out__long_output__streams_in_chunks_intact(void **state)
{
	(void)state;
	size_t len;
	char *t = render(fill_long, &len);
	/* 0..9: 10×1 + 10..99: 90×2 + 100..999: 900×3 + 1000..9999: 9000×4 +
	 * 10000..19999: 10000×5 = 88890 digits, 19999 commas, 2 brackets, '\n' */
	assert_int_equal(len, 88890 + 19999 + 2 + 1);
	assert_true(len > JSON_OUT_CHUNK);
	assert_memory_equal(t, "[0,1,2,", 7);
	assert_memory_equal(t + len - 8, ",19999]\n", 8);
	free(t);
}

static void json_out__unbalanced__fails(void **state)
{
	(void)state;
	struct json_out j;
	json_out_init(&j, NULL);
	json_begin_object(&j, NULL);
	assert_int_equal(json_out_write(&j, stderr), -1); /* object never closed */
	json_out_done(&j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(json_decimal__rounds_and_trims__as_computed_by_hand),
		cmocka_unit_test(json_string__escapes__quotes_backslash_and_controls),
		cmocka_unit_test(json_out__long_output__streams_in_chunks_intact),
		cmocka_unit_test(json_out__unbalanced__fails),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
