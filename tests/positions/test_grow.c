/* test_grow.c — the one growable array (positions/grow.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>

#include "positions/grow.h"

static void grow__doubles_from_first(void **state)
{
	(void)state;
	size_t cap = 0;
	int *v = grow(NULL, sizeof *v, &cap, 1, 4);
	assert_non_null(v);
	assert_int_equal(cap, 4);
	v[3] = 7;
	/* room already: the same block, the same capacity */
	assert_ptr_equal(grow(v, sizeof *v, &cap, 4, 4), v);
	assert_int_equal(cap, 4);
	/* 5 needed: 4 -> 8; 17 needed: 8 -> 16 -> 32 */
	v = grow(v, sizeof *v, &cap, 5, 4);
	assert_non_null(v);
	assert_int_equal(cap, 8);
	assert_int_equal(v[3], 7);
	v = grow(v, sizeof *v, &cap, 17, 4);
	assert_non_null(v);
	assert_int_equal(cap, 32);
	assert_int_equal(v[3], 7);
	free(v);
}

static void grow__overflow__fails_and_keeps_the_block(void **state)
{
	(void)state;
	size_t cap = 0;
	char *v = grow(NULL, 1, &cap, 10, 16);
	assert_non_null(v);
	assert_int_equal(cap, 16);
	/* SIZE_MAX / 2 + 2 elements cannot be reached by doubling 16 */
	assert_null(grow(v, 1, &cap, SIZE_MAX / 2 + 2, 16));
	assert_int_equal(cap, 16);
	/* 2^40 elements of 2^40 bytes overflow size_t */
	size_t c2 = 0;
	assert_null(grow(NULL, (size_t)1 << 40, &c2, (size_t)1 << 40, 1));
	assert_int_equal(c2, 0);
	v[15] = 'x';
	free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(grow__doubles_from_first),
		cmocka_unit_test(grow__overflow__fails_and_keeps_the_block),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
