/* test_plans_db.c — saving, listing and reading back plans on a real
 * SQLite file, and a second connection seeing what the first wrote. */
#include "tests/data/tmpdb.h"

#include <string.h>

#include "data/plans_db.h"

static void plans__save_list_get__round_trip(void **state)
{
	(void)state;
	struct tmpdb db;
	struct store *s = NULL, *s2 = NULL;
	char err[512] = "";
	assert_int_equal(tmpdb_make_open(&db, "plans", &s, err, sizeof err), 0);

	struct plan_record *list = NULL;
	size_t n = 7;
	assert_int_equal(store_plans_list(s, &list, &n, err, sizeof err), 0);
	assert_int_equal(n, 0);
	assert_null(list);

	int64_t a = 0, b = 0;
	assert_int_equal(store_plan_save(s, "first", 100, "native=40,liquid=60", "{\"fee\":0.3}",
	                                 "[{\"id\":1}]", "{\"trades\":[]}", &a, err, sizeof err), 0);
	assert_int_equal(store_plan_save(s, "second", 200, "lido=100", "{}", "[]", "{}", &b, err,
	                                 sizeof err), 0);
	assert_true(a > 0 && b > a);
	/* a name of 65 bytes and an empty one are refused */
	char long_name[66];
	memset(long_name, 'x', 65);
	long_name[65] = 0;
	assert_int_equal(store_plan_save(s, long_name, 1, "", "", "", "", NULL, err, sizeof err), -1);
	assert_non_null(strstr(err, "1 to 64 bytes"));
	assert_int_equal(store_plan_save(s, "", 1, "", "", "", "", NULL, err, sizeof err), -1);

	/* another connection to the same file reads them, newest first */
	assert_int_equal(store_open(db.path, &s2, err, sizeof err), 0);
	assert_int_equal(store_plans_list(s2, &list, &n, err, sizeof err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].id, b);
	assert_string_equal(list[0].name, "second");
	assert_string_equal(list[1].targets, "native=40,liquid=60");
	assert_null(list[1].result);
	plan_records_free(list, n);

	struct plan_record r;
	assert_int_equal(store_plan_get(s2, a, &r, err, sizeof err), 0);
	assert_string_equal(r.name, "first");
	assert_int_equal(r.created_at, 100);
	assert_string_equal(r.settings, "{\"fee\":0.3}");
	assert_string_equal(r.inputs, "[{\"id\":1}]");
	assert_string_equal(r.result, "{\"trades\":[]}");
	plan_record_free(&r);
	assert_int_equal(store_plan_get(s2, b + 10, &r, err, sizeof err), 1);

	store_close(s2);
	store_close(s);
	tmpdb_remove(&db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plans__save_list_get__round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
