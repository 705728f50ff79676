/* store.h — the SQLite store: opening, schema migrations, transactions and
 * the small meta table. Positions are in data/positions_db.h, observations
 * and feed status in data/observations_db.h. All SQL lives in data/.
 *
 * Every function returns 0 on success or -1 with a message in err (errlen
 * bytes, may be NULL/0); none prints. Lookups that may find nothing return
 * 1 when absent.
 *
 * Ownership: store_open allocates the store; store_close frees it together
 * with every statement it cached. Strings returned by the store (store_path)
 * belong to it and live until store_close. A store is used from one thread
 * (it is opened without SQLite's mutexes); other processes may share the
 * file (WAL, busy_timeout). */
#ifndef STAKETOP_STORE_H
#define STAKETOP_STORE_H

#include <stdbool.h>
#include <stddef.h>

struct store;

/* PRAGMA application_id of every staketop database: 0x53746b54, "StkT". */
#define STORE_APPLICATION_ID 1400138580

/* Open or create the database at path. Missing parent directories are made
 * with mode 0700 and a new database file with mode 0600 (an existing file's
 * mode is left alone). Sets journal_mode=WAL, foreign_keys=ON,
 * busy_timeout=5000, synchronous=NORMAL, then migrates the schema forward
 * one numbered step at a time, each step in its own transaction. Refuses a
 * database whose schema is newer than this program knows, and a file that
 * is not staketop's (another application_id; or none and tables of
 * another program) before writing anything into it; sets the
 * application_id on a new file and on one of the first release (our
 * tables, none set). The special path
 * ":memory:" opens a private in-memory store (no WAL), for tests.
 * On success *out is a store the caller frees with store_close. */
int store_open(const char *path, struct store **out, char *err, size_t errlen);
/* Finalize every cached statement and close; NULL is ignored. */
void store_close(struct store *s);
/* The path given to store_open; owned by the store. */
const char *store_path(const struct store *s);

/* The schema version this program writes (the number of migrations). */
int store_schema_latest(void);
/* The database's PRAGMA user_version. */
int store_schema_version(struct store *s, int *version, char *err, size_t errlen);

/* An explicit write transaction (BEGIN IMMEDIATE … COMMIT / ROLLBACK).
 * Store functions called inside it join it (each as a savepoint, so a
 * failing call undoes only its own writes); outside one, each write call is
 * its own transaction. Rollback when no transaction is open is a no-op. */
int store_begin(struct store *s, char *err, size_t errlen);
int store_commit(struct store *s, char *err, size_t errlen);
int store_rollback(struct store *s, char *err, size_t errlen);
/* Is an explicit transaction (store_begin) open? */
bool store_in_transaction(struct store *s);

/* meta: small key/value settings of the database (text). get copies the
 * value into val (vallen bytes, NUL-terminated); returns 1 when the key is
 * absent and -1 when the value does not fit. */
int store_meta_get(struct store *s, const char *key, char *val, size_t vallen,
                   char *err, size_t errlen);
int store_meta_set(struct store *s, const char *key, const char *val,
                   char *err, size_t errlen);

#endif
