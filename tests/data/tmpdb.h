/* tmpdb.h — the database of the tests in tests/data: a fresh temporary
 * directory per test (under $TMPDIR, else /tmp), the path of the database
 * inside it, and the whole tree removed afterwards. Header only; include it
 * before any system header, as it may define _XOPEN_SOURCE for nftw.
 *
 *   struct tmpdb db;
 *   struct store *s = NULL;
 *   char err[512];
 *
 *   tmpdb_make(&db, "pos");                    // db.dir made, db.path not yet
 *   tmpdb_open(&db, &s, err, sizeof err);      // store_open on db.path
 *   ...
 *   store_close(s);
 *   tmpdb_remove(&db);
 *
 * or, for a setup that opens the store, tmpdb_make_open: both steps, and
 * nothing left behind when either fails. */
#ifndef STAKETOP_TEST_TMPDB_H
#define STAKETOP_TEST_TMPDB_H

#ifndef _XOPEN_SOURCE /* ncursesw's pkg-config flags define it (600) */
#define _XOPEN_SOURCE 700 /* nftw */
#endif
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "data/store.h"

struct tmpdb {
	char dir[256];  /* made by tmpdb_make, removed with all in it by tmpdb_remove */
	char path[320]; /* <dir>/staketop.db, not created by tmpdb_make */
};

/* Make the directory <TMPDIR or /tmp>/staketop-<tag>-XXXXXX: 0, or -1. */
static inline int tmpdb_make(struct tmpdb *db, const char *tag)
{
	const char *tmp = getenv("TMPDIR");
	int n = snprintf(db->dir, sizeof db->dir, "%s/staketop-%s-XXXXXX",
	                 tmp && *tmp ? tmp : "/tmp", tag);

	if (n < 0 || (size_t)n >= sizeof db->dir || !mkdtemp(db->dir))
		return -1;
	snprintf(db->path, sizeof db->path, "%s/staketop.db", db->dir);
	return 0;
}

static inline int tmpdb_remove_entry(const char *p, const struct stat *sb, int flag,
                                     struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(p);
}

/* Remove the directory and everything below it. */
static inline void tmpdb_remove(const struct tmpdb *db)
{
	nftw(db->dir, tmpdb_remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* store_open on db->path: its result, with its message printed to the
 * test's output when it fails. */
static inline int tmpdb_open(const struct tmpdb *db, struct store **s, char *err, size_t len)
{
	int rc = store_open(db->path, s, err, len);

	if (rc != 0)
		print_error("store_open: %s\n", err);
	return rc;
}

/* tmpdb_make, then tmpdb_open: 0, or -1 with the directory removed. */
static inline int tmpdb_make_open(struct tmpdb *db, const char *tag, struct store **s,
                                  char *err, size_t len)
{
	if (tmpdb_make(db, tag) < 0)
		return -1;
	if (tmpdb_open(db, s, err, len) != 0) {
		tmpdb_remove(db);
		return -1;
	}
	return 0;
}

#endif
