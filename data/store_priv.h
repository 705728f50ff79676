/* store_priv.h — what the data/ modules share about the store: the SQLite handle,
 * the statement cache, bind/column helpers, error and transaction helpers.
 * Only data/ and its tests include this; the rest of the program sees
 * data/store.h. */
#ifndef STAKETOP_STORE_PRIV_H
#define STAKETOP_STORE_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "data/store.h"
#include "positions/decimal.h"

/* One slot per hot statement; each is prepared on first use and kept until
 * store_close. The SQL text stays with the module that uses it. */
enum store_stmt_id {
	STMT_BEGIN,
	STMT_COMMIT,
	STMT_ROLLBACK,
	STMT_SAVEPOINT,
	STMT_RELEASE,
	STMT_ROLLBACK_TO,
	STMT_META_GET,
	STMT_META_SET,
	STMT_ACCOUNT_INSERT,
	STMT_ACCOUNT_ID,
	STMT_POS_INSERT,
	STMT_POS_UPDATE,
	STMT_POS_DELETE,
	STMT_POS_GET,
	STMT_POS_LIST,
	STMT_POS_COUNT,
	STMT_OBS_INSERT,
	STMT_OBS_LATEST,
	STMT_OBS_AT,
	STMT_OBS_RANGE,
	STMT_OBS_COUNT,
	STMT_FEED_PUT,
	STMT_FEED_LIST,
	STMT_SNAP_RECORD,
	STMT_SNAP_RECENT,
	STMT_SNAP_LAST_NAV,
	STMT_SNAP_PUT,
	STMT_SHARES_SET,
	STMT_SHARES_EVENT,
	STMT_COUNT_
};

/* The connection; owned by the store. */
sqlite3 *store_handle(struct store *s);

/* The cached statement for id, prepared from sql on first use, reset and
 * with its bindings cleared. NULL (and a message) when it cannot be
 * prepared. Hand it back with store_stmt_done on every path. */
sqlite3_stmt *store_stmt(struct store *s, enum store_stmt_id id, const char *sql,
                         char *err, size_t errlen);
/* Reset st so it holds no read lock; NULL is ignored. */
void store_stmt_done(sqlite3_stmt *st);

/* Write a formatted message into err; returns -1. */
int store_fail(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* "what: <SQLite's message>"; returns -1. */
int store_fail_db(struct store *s, char *err, size_t errlen, const char *what);

/* A write scope: BEGIN IMMEDIATE when no transaction is open, else a
 * savepoint inside the caller's. store_tx_end commits (rc == 0) or undoes
 * (rc != 0) exactly what store_tx_begin opened and returns rc, or -1 when
 * the commit itself fails (message in err). */
struct store_tx {
	bool active;
	bool savepoint;
};
int store_tx_begin(struct store *s, struct store_tx *tx, char *err, size_t errlen);
int store_tx_end(struct store *s, struct store_tx *tx, int rc, char *err, size_t errlen);

/* Bind helpers; each returns an SQLite result code (SQLITE_OK = 0).
 * bind_text binds NULL for an empty string and reads at most max bytes
 * (the size of the fixed array the text lives in). */
int store_bind_text(sqlite3_stmt *st, int i, const char *text, size_t max);
int store_bind_dec(sqlite3_stmt *st, int i, dec_t d);
/* NULL when v is 0. */
int store_bind_int64_or_null(sqlite3_stmt *st, int i, int64_t v);

/* Copy column col (NULL reads as "") into dst; -1 when it does not fit. */
int store_column_text(sqlite3_stmt *st, int col, char *dst, size_t dstlen);
/* The same, cut to dstlen - 1 bytes when it does not fit (dstlen > 0). */
void store_column_text_cut(sqlite3_stmt *st, int col, char *dst, size_t dstlen);

/* Step st to its end, reading each row with read into a growing array of
 * size-byte rows (read fills the whole row; -1 after writing err stops it);
 * finalizes st on every path. bind_rc is the result of the caller's binds:
 * when it is not SQLITE_OK nothing is stepped. A bind or step failure reads
 * "what: <SQLite's message>". *out (the caller's, free()) is NULL when there
 * is no row or on error. 0 or -1. */
int store_collect(struct store *s, sqlite3_stmt *st, int bind_rc, size_t size,
                  int (*read)(sqlite3_stmt *, void *, char *, size_t), const char *what,
                  void **out, size_t *n, char *err, size_t errlen);

#endif
