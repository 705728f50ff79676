/* test_store.c — data/store.c against a real SQLite file in a fresh
 * temporary directory per test (removed afterwards). */
#include "tests/data/tmpdb.h" /* first: it may define _XOPEN_SOURCE */

#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "data/store.h"
#include "data/store_priv.h"

struct fx {
	struct tmpdb db;
	struct store *s;
	char err[512];
};

/* The store is not opened here: each test opens it with open_ok, or makes
 * its own attempt. */
static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);

	if (!f || tmpdb_make(&f->db, "store") < 0) {
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	store_close(f->s);
	tmpdb_remove(&f->db);
	free(f);
	return 0;
}

static void open_ok(struct fx *f)
{
	assert_int_equal(tmpdb_open(&f->db, &f->s, f->err, sizeof f->err), 0);
	assert_non_null(f->s);
}

/* The first column of the first row of sql on the store's connection. */
static void query_text(struct store *s, const char *sql, char *out, size_t len)
{
	sqlite3_stmt *st = NULL;

	assert_int_equal(sqlite3_prepare_v2(store_handle(s), sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(out, len, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

static void store_open__creates_file__mode_0600(void **state)
{
	struct fx *f = *state;
	mode_t old = umask(022);
	struct stat sb;

	open_ok(f);
	umask(old);
	assert_int_equal(stat(f->db.path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_string_equal(store_path(f->s), f->db.path);
}

static void store_open__creates_parents__mode_0700(void **state)
{
	struct fx *f = *state;
	char top[300];
	struct stat sb;

	snprintf(top, sizeof top, "%s/a", f->db.dir);
	snprintf(f->db.path, sizeof f->db.path, "%s/a/b/staketop.db", f->db.dir);
	open_ok(f);
	assert_int_equal(stat(top, &sb), 0);
	assert_true(S_ISDIR(sb.st_mode));
	assert_int_equal(sb.st_mode & 0777, 0700);
	assert_int_equal(stat(f->db.path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
}

static void store_open__existing_file__keeps_its_mode(void **state)
{
	struct fx *f = *state;
	struct stat sb;
	int fd = open(f->db.path, O_WRONLY | O_CREAT | O_EXCL, 0640);

	assert_true(fd >= 0);
	assert_int_equal(fchmod(fd, 0640), 0);
	close(fd);
	open_ok(f);
	assert_int_equal(stat(f->db.path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0640);
}

static void store_open__sets__wal_mode(void **state)
{
	struct fx *f = *state;
	char mode[16];
	sqlite3 *other;

	open_ok(f);
	query_text(f->s, "PRAGMA journal_mode", mode, sizeof mode);
	assert_string_equal(mode, "wal");
	/* WAL is a property of the file: a second connection sees it too */
	assert_int_equal(sqlite3_open(f->db.path, &other), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(other, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	sqlite3_close(other);
}

static void store_open__enables__foreign_keys(void **state)
{
	struct fx *f = *state;
	char v[16];

	open_ok(f);
	query_text(f->s, "PRAGMA foreign_keys", v, sizeof v);
	assert_string_equal(v, "1");
	/* and they are enforced: a position of an account that does not exist */
	assert_int_not_equal(sqlite3_exec(store_handle(f->s),
	                                  "INSERT INTO positions(account_id, asset, quantity,"
	                                  " origin, created_at, updated_at)"
	                                  " VALUES(999, 'ETH', '1', 'manual', 1, 1)",
	                                  NULL, NULL, NULL), SQLITE_OK);
	assert_non_null(strstr(sqlite3_errmsg(store_handle(f->s)), "FOREIGN KEY"));
}

static void store_open__sets__busy_timeout_and_synchronous(void **state)
{
	struct fx *f = *state;
	char v[16];

	open_ok(f);
	query_text(f->s, "PRAGMA busy_timeout", v, sizeof v);
	assert_string_equal(v, "5000");
	query_text(f->s, "PRAGMA synchronous", v, sizeof v);
	assert_string_equal(v, "1"); /* NORMAL */
}

static void store_open__migrates__to_latest_user_version(void **state)
{
	static const char *const tables[] = { "accounts", "positions", "events", "unbondings",
	                                      "observations", "feed_status", "snapshots",
	                                      "meta" };
	struct fx *f = *state;
	int version = -1;
	char v[16], sql[128];

	open_ok(f);
	assert_true(store_schema_latest() >= 1);
	assert_int_equal(store_schema_version(f->s, &version, f->err, sizeof f->err), 0);
	assert_int_equal(version, store_schema_latest());
	query_text(f->s, "PRAGMA user_version", v, sizeof v);
	assert_int_equal(atoi(v), store_schema_latest());
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		snprintf(sql, sizeof sql, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
		         " AND name = '%s'", tables[i]);
		query_text(f->s, sql, v, sizeof v);
		assert_string_equal(v, "1");
	}
	query_text(f->s, "SELECT count(*) FROM sqlite_master WHERE name = 'observations_latest'",
	           v, sizeof v);
	assert_string_equal(v, "1");
}

static void store_open__reopen__keeps_data(void **state)
{
	struct fx *f = *state;
	char v[64];
	int version = -1;

	open_ok(f);
	assert_int_equal(store_meta_set(f->s, "currency", "eur", f->err, sizeof f->err), 0);
	store_close(f->s);
	f->s = NULL;
	open_ok(f);
	assert_int_equal(store_meta_get(f->s, "currency", v, sizeof v, f->err, sizeof f->err), 0);
	assert_string_equal(v, "eur");
	assert_int_equal(store_schema_version(f->s, &version, f->err, sizeof f->err), 0);
	assert_int_equal(version, store_schema_latest());
}

static void store_open__newer_schema__is_refused(void **state)
{
	struct fx *f = *state;
	char expected[128], sql[96];
	sqlite3 *db;
	const int newer = store_schema_latest() + 6;

	assert_int_equal(sqlite3_open(f->db.path, &db), SQLITE_OK);
	/* a newer staketop: our application_id, a schema we do not know */
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d; PRAGMA user_version = %d",
	         STORE_APPLICATION_ID, newer);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);

	assert_int_equal(store_open(f->db.path, &f->s, f->err, sizeof f->err), -1);
	assert_null(f->s);
	snprintf(expected, sizeof expected,
	         "database schema %d is newer than this staketop (%d)", newer,
	         store_schema_latest());
	assert_string_equal(f->err, expected);
}

static void store_open__not_a_database__is_refused(void **state)
{
	struct fx *f = *state;
	FILE *fp = fopen(f->db.path, "w");

	assert_non_null(fp);
	for (int i = 0; i < 200; i++)
		fputs("this is not an SQLite database, only text. ", fp);
	fclose(fp);
	assert_int_equal(store_open(f->db.path, &f->s, f->err, sizeof f->err), -1);
	assert_null(f->s);
	assert_non_null(strstr(f->err, "not a database"));
	assert_non_null(strstr(f->err, f->db.path));
}

static void store_open__memory__works_without_a_file(void **state)
{
	struct fx *f = *state;
	char v[16];

	assert_int_equal(store_open(":memory:", &f->s, f->err, sizeof f->err), 0);
	assert_int_equal(store_meta_set(f->s, "k", "v", f->err, sizeof f->err), 0);
	assert_int_equal(store_meta_get(f->s, "k", v, sizeof v, f->err, sizeof f->err), 0);
	assert_string_equal(v, "v");
}

static void store_open__second_store__shares_the_file(void **state)
{
	struct fx *f = *state;
	struct store *other = NULL;
	char v[16];

	open_ok(f);
	assert_int_equal(store_open(f->db.path, &other, f->err, sizeof f->err), 0);
	assert_int_equal(store_meta_set(f->s, "k", "from one", f->err, sizeof f->err), 0);
	assert_int_equal(store_meta_get(other, "k", v, sizeof v, f->err, sizeof f->err), 0);
	assert_string_equal(v, "from one");
	assert_int_equal(store_meta_set(other, "k", "from two", f->err, sizeof f->err), 0);
	assert_int_equal(store_meta_get(f->s, "k", v, sizeof v, f->err, sizeof f->err), 0);
	assert_string_equal(v, "from two");
	store_close(other);
}

static void store_rollback__discards__writes(void **state)
{
	struct fx *f = *state;
	char v[16];

	open_ok(f);
	assert_int_equal(store_begin(f->s, f->err, sizeof f->err), 0);
	assert_int_equal(store_meta_set(f->s, "k", "v", f->err, sizeof f->err), 0);
	assert_int_equal(store_rollback(f->s, f->err, sizeof f->err), 0);
	assert_int_equal(store_meta_get(f->s, "k", v, sizeof v, f->err, sizeof f->err), 1);
	/* with nothing open, rollback is a no-op */
	assert_int_equal(store_rollback(f->s, f->err, sizeof f->err), 0);
}

static void store_commit__keeps__writes(void **state)
{
	struct fx *f = *state;
	char v[16];

	open_ok(f);
	assert_int_equal(store_begin(f->s, f->err, sizeof f->err), 0);
	assert_int_equal(store_meta_set(f->s, "k", "one", f->err, sizeof f->err), 0);
	assert_int_equal(store_meta_set(f->s, "k", "two", f->err, sizeof f->err), 0);
	assert_int_equal(store_commit(f->s, f->err, sizeof f->err), 0);
	assert_int_equal(store_meta_get(f->s, "k", v, sizeof v, f->err, sizeof f->err), 0);
	assert_string_equal(v, "two");
}

static void store_begin__twice__fails_with_message(void **state)
{
	struct fx *f = *state;

	open_ok(f);
	assert_int_equal(store_begin(f->s, f->err, sizeof f->err), 0);
	assert_int_equal(store_begin(f->s, f->err, sizeof f->err), -1);
	assert_non_null(strstr(f->err, "begin"));
	assert_int_equal(store_rollback(f->s, f->err, sizeof f->err), 0);
}

static void store_meta_get__absent_or_too_long(void **state)
{
	struct fx *f = *state;
	char small[4], v[16];

	open_ok(f);
	assert_int_equal(store_meta_get(f->s, "nothing", v, sizeof v, f->err, sizeof f->err), 1);
	assert_int_equal(store_meta_set(f->s, "long", "abcdef", f->err, sizeof f->err), 0);
	assert_int_equal(store_meta_get(f->s, "long", small, sizeof small, f->err,
	                                sizeof f->err), -1);
	assert_non_null(strstr(f->err, "long"));
}

/* Closing NULL touches nothing: a store open beside it keeps working. */
static void store_close__null__is_ignored(void **state)
{
	struct fx *f = *state;
	char v[16];

	open_ok(f);
	assert_int_equal(store_meta_set(f->s, "k", "before", f->err, sizeof f->err), 0);
	store_close(NULL);
	assert_int_equal(store_meta_get(f->s, "k", v, sizeof v, f->err, sizeof f->err), 0);
	assert_string_equal(v, "before");
	assert_int_equal(store_meta_set(f->s, "k", "after", f->err, sizeof f->err), 0);
	assert_int_equal(store_meta_get(f->s, "k", v, sizeof v, f->err, sizeof f->err), 0);
	assert_string_equal(v, "after");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(store_open__creates_file__mode_0600),
		T(store_open__creates_parents__mode_0700),
		T(store_open__existing_file__keeps_its_mode),
		T(store_open__sets__wal_mode),
		T(store_open__enables__foreign_keys),
		T(store_open__sets__busy_timeout_and_synchronous),
		T(store_open__migrates__to_latest_user_version),
		T(store_open__reopen__keeps_data),
		T(store_open__newer_schema__is_refused),
		T(store_open__not_a_database__is_refused),
		T(store_open__memory__works_without_a_file),
		T(store_open__second_store__shares_the_file),
		T(store_rollback__discards__writes),
		T(store_commit__keeps__writes),
		T(store_begin__twice__fails_with_message),
		T(store_meta_get__absent_or_too_long),
		T(store_close__null__is_ignored),
#undef T
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
