/* store.c — open, pragmas, migrations, transactions, the statement cache,
 * bind helpers and the meta table. */
#include "data/store.h"
#include "data/store_priv.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct store {
	sqlite3 *db;
	char *path;
	bool ready;                     /* opened and migrated */
	sqlite3_stmt *stmt[STMT_COUNT_];
};

/* --- schema ----------------------------------------------------------------
 * One entry per version: migrations[i] takes the schema from version i to
 * i + 1 and ends by setting user_version to i + 1. Never edit a released
 * step; add one. */
static const char *const migrations[] = {
	/* 1: everything the first release needs */
	"CREATE TABLE accounts("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT UNIQUE NOT NULL);"
	"CREATE TABLE positions("
	"  id INTEGER PRIMARY KEY,"
	"  account_id INTEGER NOT NULL REFERENCES accounts(id),"
	"  asset TEXT NOT NULL,"
	"  quantity TEXT NOT NULL,"
	"  shares TEXT,"
	"  idle INTEGER NOT NULL DEFAULT 0,"
	"  origin TEXT NOT NULL CHECK(origin IN ('manual','chain')),"
	"  address TEXT,"
	"  read_at INTEGER,"
	"  opened TEXT,"
	"  cost_basis TEXT,"
	"  note TEXT,"
	"  created_at INTEGER NOT NULL,"
	"  updated_at INTEGER NOT NULL);"
	"CREATE INDEX positions_account ON positions(account_id);"
	"CREATE TABLE events("
	"  id INTEGER PRIMARY KEY,"
	"  position_id INTEGER NOT NULL REFERENCES positions(id) ON DELETE CASCADE,"
	"  type TEXT NOT NULL CHECK(type IN"
	"    ('stake','deposit','withdraw','unbond','claim','adjust')),"
	"  amount TEXT,"
	"  ts INTEGER NOT NULL,"
	"  note TEXT,"
	"  unbonding_id INTEGER,"
	"  removed_at INTEGER,"
	"  removed_note TEXT);"
	"CREATE INDEX events_position ON events(position_id, ts);"
	"CREATE TABLE unbondings("
	"  id INTEGER PRIMARY KEY,"
	"  position_id INTEGER NOT NULL REFERENCES positions(id) ON DELETE CASCADE,"
	"  amount TEXT NOT NULL,"
	"  requested_at INTEGER NOT NULL,"
	"  available_at INTEGER,"
	"  earliest_at INTEGER,"
	"  latest_at INTEGER,"
	"  rule TEXT,"
	"  status TEXT NOT NULL CHECK(status IN ('pending','claimed')),"
	"  claimed_at INTEGER);"
	"CREATE INDEX unbondings_position ON unbondings(position_id);"
	"CREATE TABLE observations("
	"  id INTEGER PRIMARY KEY,"
	"  asset TEXT NOT NULL,"
	/* = … OR = … rather than IN (…): SQLite codes an IN list of three or
	 * more constants as an ephemeral table built on every INSERT, which
	 * made bulk inserts three times slower */
	"  kind TEXT NOT NULL CHECK(kind = 'price' OR kind = 'rate' OR kind = 'apr'),"
	"  source TEXT NOT NULL,"
	"  ts INTEGER NOT NULL,"
	"  value REAL NOT NULL,"
	"  fetched_at INTEGER NOT NULL);"
	"CREATE INDEX observations_latest ON observations(asset, kind, ts DESC);"
	"CREATE TABLE feed_status("
	"  name TEXT PRIMARY KEY,"
	"  last_attempt INTEGER,"
	"  last_success INTEGER,"
	"  latency_ms INTEGER,"
	"  values_taken INTEGER,"
	"  last_error TEXT);"
	"CREATE TABLE snapshots("
	"  ts INTEGER NOT NULL,"
	"  position_id INTEGER NOT NULL,"
	"  quantity TEXT,"
	"  nav REAL,"
	"  market_value REAL,"
	"  apy REAL,"
	"  PRIMARY KEY(ts, position_id));"
	"CREATE INDEX snapshots_position ON snapshots(position_id, ts);"
	"CREATE TABLE meta("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT);"
	"PRAGMA user_version = 1;",
	/* 2: a row version on positions, moved by every update (the trigger
	 * catches every writer, so a reader can tell a row changed since it
	 * read it); when a rate-limited feed may be asked again */
	"ALTER TABLE positions ADD COLUMN version INTEGER NOT NULL DEFAULT 0;"
	"CREATE TRIGGER positions_version AFTER UPDATE ON positions"
	"  WHEN NEW.version = OLD.version BEGIN"
	"  UPDATE positions SET version = OLD.version + 1 WHERE id = NEW.id;"
	"  END;"
	"ALTER TABLE feed_status ADD COLUMN blocked_until INTEGER;"
	"PRAGMA user_version = 2;",
	/* 3: exact rates: an observation keeps the source's integers as text
	 * ("num/den"), and a rebasing position the share rate its balance was
	 * recorded at (its shares are quantity ÷ share_rate, exactly) */
	"ALTER TABLE observations ADD COLUMN exact TEXT;"
	"ALTER TABLE positions ADD COLUMN share_rate TEXT;"
	"PRAGMA user_version = 3;",
	/* 4: history: the premium beside each snapshot's NAV and market value */
	"ALTER TABLE snapshots ADD COLUMN premium_bps REAL;"
	"PRAGMA user_version = 4;",
	/* 5: saved rebalancing plans with their inputs (staketop plan --save) */
	"CREATE TABLE plans("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  created_at INTEGER NOT NULL,"
	"  targets TEXT NOT NULL,"
	"  settings TEXT NOT NULL,"
	"  inputs TEXT NOT NULL,"
	"  result TEXT NOT NULL);"
	"PRAGMA user_version = 5;",
	/* 6: investor essentials: a stake or deposit event's own price per unit
	 * (a lot's cost, positions/lots.h); an index of manual prices; alerts fired, with when they fired,
	 * when the user saw them and when their condition ended (an alert fires
	 * again only after its condition ended) */
	"ALTER TABLE events ADD COLUMN price TEXT;"
	"CREATE TABLE alerts("
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL,"
	"  key TEXT NOT NULL,"
	"  message TEXT NOT NULL,"
	"  fired_at INTEGER NOT NULL,"
	"  seen_at INTEGER,"
	"  ended_at INTEGER);"
	"CREATE INDEX alerts_key ON alerts(key, ended_at);"
	/* manual prices (staketop price set) win over any feed until cleared:
	 * found by this index without reading the feeds' rows */
	"CREATE INDEX observations_manual ON observations(asset, kind, ts)"
	"  WHERE source = 'manual';"
	"PRAGMA user_version = 6;",
	/* 7: watched addresses (staketop watch): positions read from the
	 * chains; the last read's block/slot/height, time and error */
	"CREATE TABLE watches("
	"  id INTEGER PRIMARY KEY,"
	"  chain TEXT NOT NULL,"
	"  address TEXT NOT NULL,"
	"  label TEXT NOT NULL DEFAULT '',"
	"  created_at INTEGER NOT NULL,"
	"  read_at INTEGER,"
	"  read_height TEXT,"
	"  last_ok_at INTEGER,"
	"  last_error TEXT,"
	"  UNIQUE(chain, address));"
	/* which position holds each thing a watch reads (its key: "ETH",
	 * "ATOM@cosmosvaloper1…", "validator 42"); the position outlives the
	 * watch and this row */
	"CREATE TABLE watch_items("
	"  watch_id INTEGER NOT NULL,"
	"  key TEXT NOT NULL,"
	"  position_id INTEGER NOT NULL,"
	"  PRIMARY KEY(watch_id, key));"
	"PRAGMA user_version = 7;",
	/* 8: looped positions: collateral and debt of a lending position, with
	 * the market's liquidation threshold (staketop loan add) */
	"CREATE TABLE loans("
	"  id INTEGER PRIMARY KEY,"
	"  account TEXT NOT NULL,"
	"  collateral TEXT NOT NULL,"
	"  collateral_amount TEXT NOT NULL,"
	"  debt TEXT NOT NULL,"
	"  debt_amount TEXT NOT NULL,"
	"  liq_threshold REAL NOT NULL CHECK (liq_threshold > 0 AND liq_threshold <= 1),"
	"  note TEXT,"
	"  created_at INTEGER NOT NULL);"
	"PRAGMA user_version = 8;",
	/* 9: the value in the index of the newest observation, so that the
	 * history's samples (one lookup per date and series) read it from the
	 * index alone, not the table: opening the history screen on ten years
	 * of 50 assets went from about 22 ms to about 14 ms */
	"DROP INDEX observations_latest;"
	"CREATE INDEX observations_latest ON observations(asset, kind, ts DESC, value);"
	"PRAGMA user_version = 9;",
	/* 10: amounts leaving a stake read from a chain are unbondings of the
	 * position they leave (watch_items.unbonding_id: which one a read
	 * entry is); a provider's Retry-After we did not wait for holds back
	 * the reads of its chain until blocked_until */
	"ALTER TABLE watch_items ADD COLUMN unbonding_id INTEGER;"
	"ALTER TABLE watches ADD COLUMN blocked_until INTEGER;"
	"PRAGMA user_version = 10;",
};


/* Every table our migrations create: a file without our application_id
 * (one made by the first release, or one whose id was cleared) is ours only
 * if it holds these alone. A migration that creates a table lists it here. */
static const char *const our_tables =
	"'accounts','positions','events','unbondings','observations','feed_status',"
	"'snapshots','meta','plans','alerts','watches','watch_items','loans'";

#define STR_(x) #x
#define STR(x) STR_(x)

#define SCHEMA_LATEST ((int)(sizeof migrations / sizeof migrations[0]))

int store_schema_latest(void)
{
	return SCHEMA_LATEST;
}

/* --- errors ---------------------------------------------------------------- */

int store_fail(char *err, size_t errlen, const char *fmt, ...)
{
	if (err && errlen > 0) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return -1;
}

int store_fail_db(struct store *s, char *err, size_t errlen, const char *what)
{
	return store_fail(err, errlen, "%s: %s", what, sqlite3_errmsg(s->db));
}

/* --- statements ------------------------------------------------------------ */

sqlite3 *store_handle(struct store *s)
{
	return s->db;
}

const char *store_path(const struct store *s)
{
	return s->path;
}

sqlite3_stmt *store_stmt(struct store *s, enum store_stmt_id id, const char *sql,
                         char *err, size_t errlen)
{
	sqlite3_stmt *st = s->stmt[id];

	if (st) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		return st;
	}
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		store_fail(err, errlen, "preparing \"%.60s\": %s", sql, sqlite3_errmsg(s->db));
		sqlite3_finalize(st);
		return NULL;
	}
	s->stmt[id] = st;
	return st;
}

void store_stmt_done(sqlite3_stmt *st)
{
	if (st) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st); /* hold no pointer to the caller's memory */
	}
}

/* Run a cached statement that returns no rows. */
static int stmt_exec(struct store *s, enum store_stmt_id id, const char *sql,
                     const char *what, char *err, size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, id, sql, err, errlen);
	int rc = -1;

	if (!st)
		return -1;
	if (sqlite3_step(st) != SQLITE_DONE) {
		store_fail_db(s, err, errlen, what);
		goto out;
	}
	rc = 0;
out:
	store_stmt_done(st);
	return rc;
}

int store_bind_text(sqlite3_stmt *st, int i, const char *text, size_t max)
{
	size_t n = text ? strnlen(text, max) : 0;

	if (n == 0)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, text, (int)n, SQLITE_TRANSIENT);
}

int store_bind_dec(sqlite3_stmt *st, int i, dec_t d)
{
	char buf[DEC_STR_MAX];

	dec_format(d, buf, sizeof buf);
	return sqlite3_bind_text(st, i, buf, -1, SQLITE_TRANSIENT);
}

int store_bind_int64_or_null(sqlite3_stmt *st, int i, int64_t v)
{
	if (v == 0)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_int64(st, i, v);
}

int store_column_text(sqlite3_stmt *st, int col, char *dst, size_t dstlen)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	size_t n = t ? (size_t)sqlite3_column_bytes(st, col) : 0;

	if (n >= dstlen)
		return -1;
	if (n > 0)
		memcpy(dst, t, n);
	dst[n] = '\0';
	return 0;
}

/* --- transactions ---------------------------------------------------------- */

int store_begin(struct store *s, char *err, size_t errlen)
{
	return stmt_exec(s, STMT_BEGIN, "BEGIN IMMEDIATE", "begin", err, errlen);
}

int store_commit(struct store *s, char *err, size_t errlen)
{
	return stmt_exec(s, STMT_COMMIT, "COMMIT", "commit", err, errlen);
}

int store_rollback(struct store *s, char *err, size_t errlen)
{
	if (sqlite3_get_autocommit(s->db))
		return 0;
	return stmt_exec(s, STMT_ROLLBACK, "ROLLBACK", "rollback", err, errlen);
}

bool store_in_transaction(struct store *s)
{
	return !sqlite3_get_autocommit(s->db);
}

int store_tx_begin(struct store *s, struct store_tx *tx, char *err, size_t errlen)
{
	tx->active = false;
	tx->savepoint = !sqlite3_get_autocommit(s->db);
	if (tx->savepoint) {
		if (stmt_exec(s, STMT_SAVEPOINT, "SAVEPOINT store_op", "savepoint", err, errlen) < 0)
			return -1;
	} else if (store_begin(s, err, errlen) < 0) {
		return -1;
	}
	tx->active = true;
	return 0;
}

int store_tx_end(struct store *s, struct store_tx *tx, int rc, char *err, size_t errlen)
{
	char ignored[8];

	if (!tx->active)
		return rc;
	tx->active = false;
	if (tx->savepoint) {
		/* on failure keep the first message: the one saying what failed */
		if (rc != 0)
			stmt_exec(s, STMT_ROLLBACK_TO, "ROLLBACK TO store_op", "rollback",
			          ignored, sizeof ignored);
		if (stmt_exec(s, STMT_RELEASE, "RELEASE store_op", "release",
		              rc != 0 ? ignored : err, rc != 0 ? sizeof ignored : errlen) < 0)
			return -1;
		return rc;
	}
	if (rc != 0) {
		store_rollback(s, ignored, sizeof ignored);
		return rc;
	}
	if (store_commit(s, err, errlen) < 0) {
		store_rollback(s, ignored, sizeof ignored);
		return -1;
	}
	return 0;
}

/* --- opening --------------------------------------------------------------- */

/* mkdir -p for the directories above path, mode 0700 for new ones. */
static int make_parents(const char *path, char *err, size_t errlen)
{
	char *dir = strdup(path);
	int rc = -1;

	if (!dir)
		return store_fail(err, errlen, "out of memory");
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
			store_fail(err, errlen, "cannot create %s: %s", dir, strerror(errno));
			goto out;
		}
		*p = '/';
	}
	rc = 0;
out:
	free(dir);
	return rc;
}

/* Create the database file with mode 0600 unless it exists. */
static int create_file(const char *path, char *err, size_t errlen)
{
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd < 0) {
		if (errno == EEXIST)
			return 0;
		return store_fail(err, errlen, "cannot create %s: %s", path, strerror(errno));
	}
	if (fchmod(fd, 0600) < 0) { /* a umask may have taken bits we want */
		int e = errno;
		close(fd);
		return store_fail(err, errlen, "cannot chmod %s: %s", path, strerror(e));
	}
	close(fd);
	return 0;
}

/* Run a one-row PRAGMA and copy its text result into out. */
static int pragma_text(struct store *s, const char *sql, char *out, size_t outlen,
                       char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	int rc = -1;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		store_fail(err, errlen, "%s: %s: %s", s->path, sql, sqlite3_errmsg(s->db));
		goto out;
	}
	if (sqlite3_step(st) != SQLITE_ROW) {
		store_fail(err, errlen, "%s: %s: %s", s->path, sql, sqlite3_errmsg(s->db));
		goto out;
	}
	if (store_column_text(st, 0, out, outlen) < 0) {
		store_fail(err, errlen, "%s: %s: unexpected result", s->path, sql);
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	return rc;
}

int store_schema_version(struct store *s, int *version, char *err, size_t errlen)
{
	char buf[24];

	if (pragma_text(s, "PRAGMA user_version", buf, sizeof buf, err, errlen) < 0)
		return -1;
	*version = atoi(buf);
	return 0;
}

static int exec_sql(struct store *s, const char *sql, const char *what,
                    char *err, size_t errlen)
{
	char *msg = NULL;

	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		store_fail(err, errlen, "%s: %s: %s", s->path, what,
		           msg ? msg : sqlite3_errmsg(s->db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static int set_pragmas(struct store *s, bool memory, char *err, size_t errlen)
{
	char mode[16];

	if (pragma_text(s, "PRAGMA journal_mode=WAL", mode, sizeof mode, err, errlen) < 0)
		return -1;
	if (strcmp(mode, memory ? "memory" : "wal") != 0)
		return store_fail(err, errlen, "%s: cannot use WAL (journal mode is %s)",
		                  s->path, mode);
	if (exec_sql(s, "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;",
	             "pragmas", err, errlen) < 0)
		return -1;
	if (pragma_text(s, "PRAGMA foreign_keys", mode, sizeof mode, err, errlen) < 0)
		return -1;
	if (strcmp(mode, "1") != 0)
		return store_fail(err, errlen, "%s: this SQLite cannot enforce foreign keys",
		                  s->path);
	return 0;
}

/* Apply every step above the database's version (from, as read before),
 * one transaction each. An up-to-date database takes no write lock. */
static int migrate(struct store *s, int from, char *err, size_t errlen)
{
	char ignored[8];
	int version;

	for (int step = from; step < SCHEMA_LATEST; step++) {
		if (exec_sql(s, "BEGIN IMMEDIATE", "begin migration", err, errlen) < 0)
			return -1;
		/* read under the write lock: another process may have migrated */
		if (store_schema_version(s, &version, err, errlen) < 0)
			goto fail;
		if (version > step) {
			exec_sql(s, "COMMIT", "commit", ignored, sizeof ignored);
			continue;
		}
		if (exec_sql(s, migrations[step], "migration", err, errlen) < 0)
			goto fail;
		/* in the same transaction: no other process ever sees our tables
		 * without our application_id (check_ours) */
		if (exec_sql(s, "PRAGMA application_id = " STR(STORE_APPLICATION_ID),
		             "application_id", err, errlen) < 0)
			goto fail;
		if (store_schema_version(s, &version, err, errlen) < 0)
			goto fail;
		if (version != step + 1) {
			store_fail(err, errlen, "%s: migration %d left schema %d",
			           s->path, step + 1, version);
			goto fail;
		}
		if (exec_sql(s, "COMMIT", "commit migration", err, errlen) < 0)
			goto fail;
	}
	return 0;
fail:
	if (!sqlite3_get_autocommit(s->db))
		exec_sql(s, "ROLLBACK", "rollback", ignored, sizeof ignored);
	return -1;
}

/* Is the file staketop's? Ours by application_id; or, without one, empty
 * (new) or holding our tables alone at a schema version we wrote (the
 * first release set no application_id): then *claim says to set it. Only
 * reads: a file that is not ours is left exactly as it was. */
static int check_ours(struct store *s, int version, bool *claim, char *err, size_t errlen)
{
	char buf[24], sql[320];
	long long id;
	int tables, ours;

	*claim = false;
	if (pragma_text(s, "PRAGMA application_id", buf, sizeof buf, err, errlen) < 0)
		return -1;
	id = atoll(buf);
	if (id == STORE_APPLICATION_ID)
		return 0;
	if (id != 0)
		return store_fail(err, errlen, "%s is not a staketop database (application_id"
		                  " %#llx): refusing to use it", s->path, (unsigned long long)id);
	if (pragma_text(s, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
	                " AND name NOT LIKE 'sqlite_%'", buf, sizeof buf, err, errlen) < 0)
		return -1;
	tables = atoi(buf);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
	         " AND name IN (%s)", our_tables);
	if (pragma_text(s, sql, buf, sizeof buf, err, errlen) < 0)
		return -1;
	ours = atoi(buf);
	if ((tables == 0 && version == 0) ||
	    (version >= 1 && version <= SCHEMA_LATEST && ours == tables && ours >= 1)) {
		*claim = true;
		return 0;
	}
	return store_fail(err, errlen, "%s is not a staketop database (%d table%s of another"
	                  " program, no staketop application_id): refusing to write into it",
	                  s->path, tables - ours, tables - ours == 1 ? "" : "s");
}

int store_open(const char *path, struct store **out, char *err, size_t errlen)
{
	bool memory = strcmp(path, ":memory:") == 0;
	struct store *s;
	int version;
	bool claim;

	*out = NULL;
	if (!memory && (make_parents(path, err, errlen) < 0 ||
	                create_file(path, err, errlen) < 0))
		return -1;
	s = calloc(1, sizeof *s);
	if (!s)
		return store_fail(err, errlen, "out of memory");
	s->path = strdup(path);
	if (!s->path) {
		store_fail(err, errlen, "out of memory");
		goto fail;
	}
	/* NOMUTEX: a store belongs to one thread, so skip SQLite's locks */
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
	                    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		store_fail(err, errlen, "cannot open %s: %s", path,
		           s->db ? sqlite3_errmsg(s->db) : "out of memory");
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 1);
	if (exec_sql(s, "PRAGMA busy_timeout=5000", "busy_timeout", err, errlen) < 0)
		goto fail;
	/* before anything writes: refuse a schema we do not know */
	if (store_schema_version(s, &version, err, errlen) < 0 ||
	    check_ours(s, version, &claim, err, errlen) < 0)
		goto fail;
	if (version > SCHEMA_LATEST) {
		store_fail(err, errlen, "database schema %d is newer than this staketop (%d)",
		           version, SCHEMA_LATEST);
		goto fail;
	}
	if (set_pragmas(s, memory, err, errlen) < 0 || migrate(s, version, err, errlen) < 0)
		goto fail;
	if (claim && version == SCHEMA_LATEST &&
	    exec_sql(s, "PRAGMA application_id = " STR(STORE_APPLICATION_ID),
	             "application_id", err, errlen) < 0)
		goto fail; /* a first-release file already at the latest schema */
	s->ready = true;
	*out = s;
	return 0;
fail:
	store_close(s);
	return -1;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	for (int i = 0; i < STMT_COUNT_; i++)
		sqlite3_finalize(s->stmt[i]);
	/* bounded: an index ANALYZE finds no row for (a partial index with
	 * nothing in it, such as observations_manual) counts as never
	 * analyzed, and unbounded the optimize would read every observation
	 * at every close (100 ms on a million) */
	if (s->ready)
		sqlite3_exec(s->db, "PRAGMA analysis_limit = 400; PRAGMA optimize", NULL, NULL,
		             NULL);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

/* --- meta ------------------------------------------------------------------ */

int store_meta_get(struct store *s, const char *key, char *val, size_t vallen,
                   char *err, size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, STMT_META_GET,
	                              "SELECT value FROM meta WHERE key = ?1", err, errlen);
	int rc = -1, step;

	if (!st)
		return -1;
	if (vallen == 0) {
		store_fail(err, errlen, "meta %s: no room for the value", key);
		goto out;
	}
	if (sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC) != SQLITE_OK) {
		store_fail_db(s, err, errlen, "meta");
		goto out;
	}
	step = sqlite3_step(st);
	if (step == SQLITE_DONE) {
		rc = 1;
	} else if (step != SQLITE_ROW) {
		store_fail_db(s, err, errlen, "meta");
	} else if (store_column_text(st, 0, val, vallen) < 0) {
		store_fail(err, errlen, "meta %s: value longer than %zu bytes", key, vallen - 1);
	} else {
		rc = 0;
	}
out:
	store_stmt_done(st);
	return rc;
}

int store_meta_set(struct store *s, const char *key, const char *val,
                   char *err, size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, STMT_META_SET,
	                              "INSERT INTO meta(key, value) VALUES(?1, ?2)"
	                              " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
	                              err, errlen);
	int rc = -1;

	if (!st)
		return -1;
	if (sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, val, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_DONE) {
		store_fail_db(s, err, errlen, "meta");
		goto out;
	}
	rc = 0;
out:
	store_stmt_done(st);
	return rc;
}
