/* test_keymap.c — the key table that the help is drawn from: within one
 * context a key reaches one action only. A key listed for two actions in
 * the same context is dead for the second (keymap_lookup takes the first),
 * while the help still shows it — the defect screens added in parallel
 * are prone to. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "tui/term/keymap.h"

static void keymap__one_action_per_key__in_every_context(void **state)
{
	(void)state;
	int clashes = 0;
	for (unsigned bit = 0; bit < 16; bit++) {
		const unsigned cx = 1u << bit;
		if (!(cx & CX_ALL))
			continue;
		for (size_t i = 0; i < keymap_len; i++) {
			if (!(keymap[i].contexts & cx))
				continue;
			for (int k = 0; k < KEYMAP_MAX_KEYS && keymap[i].keys[k]; k++) {
				const int key = keymap[i].keys[k];
				enum action first = keymap_lookup(cx, key);
				if (first == keymap[i].action)
					continue;
				char name[32], where[64];
				print_message("context %s: key %s is bound to action %d and %d\n",
				              keymap_contexts_text(cx, where, sizeof where),
				              keymap_key_name(key, name, sizeof name), (int)first,
				              (int)keymap[i].action);
				clashes++;
			}
		}
	}
	assert_int_equal(clashes, 0);
}

/* Every binding names a help text and at least one key, so the help can
 * list it. */
static void keymap__every_binding__has_help_and_a_key(void **state)
{
	(void)state;
	for (size_t i = 0; i < keymap_len; i++) {
		assert_non_null(keymap[i].help);
		assert_true(keymap[i].help[0] != 0);
		assert_true(keymap[i].keys[0] != 0);
		assert_true((keymap[i].contexts & ~(unsigned)CX_ALL) == 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keymap__one_action_per_key__in_every_context),
		cmocka_unit_test(keymap__every_binding__has_help_and_a_key),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
