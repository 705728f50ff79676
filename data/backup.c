/* backup.c — the online backup of the store to a file. */
#include "data/backup.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "data/store_priv.h"

static int check_copy(sqlite3 *db, const char *path, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	int rc = -1;
	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		store_fail(err, errlen, "%s: integrity check: %s", path, sqlite3_errmsg(db));
	} else {
		const char *r = (const char *)sqlite3_column_text(st, 0);
		if (r && strcmp(r, "ok") == 0)
			rc = 0;
		else
			store_fail(err, errlen, "%s: the copy fails its integrity check: %.200s", path,
			           r ? r : "?");
	}
	sqlite3_finalize(st);
	return rc;
}

int store_backup(struct store *s, const char *dest, int overwrite, char *err, size_t errlen)
{
	char tmp[4096];
	sqlite3 *db = NULL;
	sqlite3_backup *b = NULL;
	int rc = -1, fd;

	if (!dest || !dest[0])
		return store_fail(err, errlen, "backup: no file given");
	if (strcmp(dest, store_path(s)) == 0)
		return store_fail(err, errlen, "backup: %s is the database itself", dest);
	if (!overwrite && access(dest, F_OK) == 0)
		return store_fail(err, errlen, "backup: %s exists (remove it first)", dest);
	if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp", dest) >= sizeof tmp)
		return store_fail(err, errlen, "backup: path too long");
	unlink(tmp);
	fd = open(tmp, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return store_fail(err, errlen, "backup: cannot create %s: %s", tmp, strerror(errno));
	close(fd);
	if (sqlite3_open_v2(tmp, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		store_fail(err, errlen, "backup: cannot open %s: %s", tmp,
		           db ? sqlite3_errmsg(db) : "out of memory");
		goto out;
	}
	b = sqlite3_backup_init(db, "main", store_handle(s), "main");
	if (!b) {
		store_fail(err, errlen, "backup: %s", sqlite3_errmsg(db));
		goto out;
	}
	for (;;) {
		/* all pages in one step, under one read transaction: in WAL mode a
		 * writer goes on meanwhile, and the copy is the state at its start
		 * (copying in slices would restart after every outside write) */
		int step = sqlite3_backup_step(b, -1);
		if (step == SQLITE_DONE)
			break;
		if (step == SQLITE_OK)
			continue;
		if (step == SQLITE_BUSY || step == SQLITE_LOCKED) {
			sqlite3_sleep(10);
			continue;
		}
		store_fail(err, errlen, "backup: copying: %s", sqlite3_errstr(step));
		goto out;
	}
	if (sqlite3_backup_finish(b) != SQLITE_OK) {
		b = NULL;
		store_fail(err, errlen, "backup: %s", sqlite3_errmsg(db));
		goto out;
	}
	b = NULL;
	if (check_copy(db, dest, err, errlen) < 0)
		goto out;
	if (sqlite3_close(db) != SQLITE_OK) {
		store_fail(err, errlen, "backup: closing %s", tmp);
		db = NULL;
		goto out;
	}
	db = NULL;
	if (rename(tmp, dest) < 0) {
		store_fail(err, errlen, "backup: cannot rename to %s: %s", dest, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	if (b)
		sqlite3_backup_finish(b);
	if (db)
		sqlite3_close(db);
	if (rc) {
		unlink(tmp);
		char side[4200];
		snprintf(side, sizeof side, "%s-wal", tmp);
		unlink(side);
		snprintf(side, sizeof side, "%s-shm", tmp);
		unlink(side);
	}
	return rc;
}
