/* positions_db.c — positions and accounts. */
#include "data/positions_db.h"
#include "data/store_priv.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* Columns read back, in the order read_row expects. */
#define POSITION_SELECT                                                        \
	"SELECT p.id, a.name, p.asset, p.quantity, p.shares, p.idle, p.origin," \
	" p.address, p.read_at, p.opened, p.cost_basis, p.note, p.created_at," \
	" p.updated_at, p.version, p.share_rate FROM positions p JOIN accounts a ON a.id = p.account_id"

enum { COL_ID, COL_ACCOUNT, COL_ASSET, COL_QUANTITY, COL_SHARES, COL_IDLE,
       COL_ORIGIN, COL_ADDRESS, COL_READ_AT, COL_OPENED, COL_COST_BASIS,
       COL_NOTE, COL_CREATED_AT, COL_UPDATED_AT, COL_VERSION, COL_SHARE_RATE };

static const char *origin_name(enum position_origin o)
{
	switch (o) {
	case ORIGIN_MANUAL: return "manual";
	case ORIGIN_CHAIN: return "chain";
	}
	return NULL;
}

static int origin_parse(const char *s, enum position_origin *out)
{
	if (strcmp(s, "manual") == 0)
		*out = ORIGIN_MANUAL;
	else if (strcmp(s, "chain") == 0)
		*out = ORIGIN_CHAIN;
	else
		return -1;
	return 0;
}

/* --- reading --------------------------------------------------------------- */

static int corrupt(char *err, size_t errlen, int64_t id, const char *column,
                   const char *why)
{
	return store_fail(err, errlen, "position %" PRId64 ": column %s: %s",
	                  id, column, why);
}

static int read_text(sqlite3_stmt *st, int col, char *dst, size_t dstlen,
                     int64_t id, const char *column, char *err, size_t errlen)
{
	if (store_column_text(st, col, dst, dstlen) < 0)
		return corrupt(err, errlen, id, column, "text too long");
	return 0;
}

/* A decimal column; *has is false when it is NULL (has may be NULL for a
 * NOT NULL column). */
static int read_dec(sqlite3_stmt *st, int col, bool *has, dec_t *out,
                    int64_t id, const char *column, char *err, size_t errlen)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	char why[128], msg[192];

	*out = dec_zero();
	if (has)
		*has = t != NULL;
	if (!t) {
		if (has)
			return 0;
		return corrupt(err, errlen, id, column, "missing");
	}
	if (dec_parse((const char *)t, DEC_FRAC_DIGITS, out, why, sizeof why) < 0) {
		snprintf(msg, sizeof msg, "not a decimal \"%.40s\" (%s)", (const char *)t, why);
		return corrupt(err, errlen, id, column, msg);
	}
	return 0;
}

static int read_row(sqlite3_stmt *st, struct position *p, char *err, size_t errlen)
{
	const int64_t id = sqlite3_column_int64(st, COL_ID);
	char origin[16];

	memset(p, 0, sizeof *p);
	p->id = id;
	if (read_text(st, COL_ACCOUNT, p->account, sizeof p->account, id, "account", err, errlen) < 0 ||
	    read_text(st, COL_ASSET, p->asset, sizeof p->asset, id, "asset", err, errlen) < 0 ||
	    read_dec(st, COL_QUANTITY, NULL, &p->quantity, id, "quantity", err, errlen) < 0 ||
	    read_dec(st, COL_SHARES, &p->has_shares, &p->shares, id, "shares", err, errlen) < 0 ||
	    read_text(st, COL_ORIGIN, origin, sizeof origin, id, "origin", err, errlen) < 0 ||
	    read_text(st, COL_ADDRESS, p->address, sizeof p->address, id, "address", err, errlen) < 0 ||
	    read_text(st, COL_OPENED, p->opened, sizeof p->opened, id, "opened", err, errlen) < 0 ||
	    read_dec(st, COL_COST_BASIS, &p->has_cost_basis, &p->cost_basis, id, "cost_basis",
	             err, errlen) < 0 ||
	    read_text(st, COL_NOTE, p->note, sizeof p->note, id, "note", err, errlen) < 0 ||
	    read_text(st, COL_SHARE_RATE, p->share_rate, sizeof p->share_rate, id, "share_rate",
	              err, errlen) < 0)
		return -1;
	struct ratio r;
	if (p->share_rate[0] && ratio_parse(p->share_rate, &r) < 0)
		return corrupt(err, errlen, id, "share_rate", "not num/den");
	if (origin_parse(origin, &p->origin) < 0)
		return corrupt(err, errlen, id, "origin", "neither manual nor chain");
	p->idle = sqlite3_column_int(st, COL_IDLE) != 0;
	p->read_at = sqlite3_column_int64(st, COL_READ_AT);
	p->created_at = sqlite3_column_int64(st, COL_CREATED_AT);
	p->updated_at = sqlite3_column_int64(st, COL_UPDATED_AT);
	p->version = sqlite3_column_int64(st, COL_VERSION);
	return 0;
}

/* --- writing --------------------------------------------------------------- */

/* What the schema cannot say: refuse values we could not read back. */
static int check_position(const struct position *p, char *err, size_t errlen)
{
	if (strnlen(p->account, sizeof p->account) == 0)
		return store_fail(err, errlen, "position has no account");
	if (strnlen(p->asset, sizeof p->asset) == 0)
		return store_fail(err, errlen, "position has no asset");
	if (!origin_name(p->origin))
		return store_fail(err, errlen, "position origin %d is unknown", (int)p->origin);
	if (dec_is_neg(p->quantity))
		return store_fail(err, errlen, "position quantity is negative");
	if (p->has_shares && dec_is_neg(p->shares))
		return store_fail(err, errlen, "position shares are negative");
	if (p->has_cost_basis && dec_is_neg(p->cost_basis))
		return store_fail(err, errlen, "position cost basis is negative");
	return 0;
}

/* The id of the account called name, made if new. */
static int account_id(struct store *s, const char *name, size_t max, int64_t *id,
                      char *err, size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, STMT_ACCOUNT_INSERT,
	                              "INSERT INTO accounts(name) VALUES(?1)"
	                              " ON CONFLICT(name) DO NOTHING", err, errlen);
	int rc = -1;

	if (!st)
		return -1;
	if (store_bind_text(st, 1, name, max) != SQLITE_OK || sqlite3_step(st) != SQLITE_DONE) {
		store_fail_db(s, err, errlen, "account");
		goto out;
	}
	store_stmt_done(st);
	st = store_stmt(s, STMT_ACCOUNT_ID, "SELECT id FROM accounts WHERE name = ?1",
	                err, errlen);
	if (!st)
		return -1;
	if (store_bind_text(st, 1, name, max) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW) {
		store_fail_db(s, err, errlen, "account");
		goto out;
	}
	*id = sqlite3_column_int64(st, 0);
	rc = 0;
out:
	store_stmt_done(st);
	return rc;
}

/* ?1 … ?11: the fields both INSERT and UPDATE write. */
static int bind_fields(sqlite3_stmt *st, const struct position *p, int64_t account)
{
	return sqlite3_bind_int64(st, 1, account) ||
	       store_bind_text(st, 2, p->asset, sizeof p->asset) ||
	       store_bind_dec(st, 3, p->quantity) ||
	       (p->has_shares ? store_bind_dec(st, 4, p->shares) : sqlite3_bind_null(st, 4)) ||
	       sqlite3_bind_int(st, 5, p->idle ? 1 : 0) ||
	       sqlite3_bind_text(st, 6, origin_name(p->origin), -1, SQLITE_STATIC) ||
	       store_bind_text(st, 7, p->address, sizeof p->address) ||
	       store_bind_int64_or_null(st, 8, p->read_at) ||
	       store_bind_text(st, 9, p->opened, sizeof p->opened) ||
	       (p->has_cost_basis ? store_bind_dec(st, 10, p->cost_basis)
	                          : sqlite3_bind_null(st, 10)) ||
	       store_bind_text(st, 11, p->note, sizeof p->note);
}

int store_position_add(struct store *s, struct position *p, char *err, size_t errlen)
{
	const int64_t now = (int64_t)time(NULL);
	const int64_t created = p->created_at ? p->created_at : now;
	const int64_t updated = p->updated_at ? p->updated_at : now;
	sqlite3_stmt *st = NULL;
	struct store_tx tx;
	int64_t account, id = 0;
	int rc = -1;

	if (check_position(p, err, errlen) < 0 || store_tx_begin(s, &tx, err, errlen) < 0)
		return -1;
	if (account_id(s, p->account, sizeof p->account, &account, err, errlen) < 0)
		goto out;
	st = store_stmt(s, STMT_POS_INSERT,
	                "INSERT INTO positions(account_id, asset, quantity, shares, idle,"
	                " origin, address, read_at, opened, cost_basis, note, created_at,"
	                " updated_at, share_rate) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
	                " ?10, ?11, ?12, ?13, ?14)", err, errlen);
	if (!st)
		goto out;
	if (bind_fields(st, p, account) || sqlite3_bind_int64(st, 12, created) ||
	    sqlite3_bind_int64(st, 13, updated) ||
	    store_bind_text(st, 14, p->share_rate, sizeof p->share_rate) ||
	    sqlite3_step(st) != SQLITE_DONE) {
		store_fail_db(s, err, errlen, "adding position");
		goto out;
	}
	id = sqlite3_last_insert_rowid(store_handle(s));
	rc = 0;
out:
	store_stmt_done(st);
	rc = store_tx_end(s, &tx, rc, err, errlen);
	if (rc == 0) {
		p->id = id;
		p->created_at = created;
		p->updated_at = updated;
	}
	return rc;
}

int store_position_update(struct store *s, const struct position *p,
                          char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	struct store_tx tx;
	int64_t account;
	int rc = -1;

	if (check_position(p, err, errlen) < 0 || store_tx_begin(s, &tx, err, errlen) < 0)
		return -1;
	if (account_id(s, p->account, sizeof p->account, &account, err, errlen) < 0)
		goto out;
	st = store_stmt(s, STMT_POS_UPDATE,
	                "UPDATE positions SET account_id = ?1, asset = ?2, quantity = ?3,"
	                " shares = ?4, idle = ?5, origin = ?6, address = ?7, read_at = ?8,"
	                " opened = ?9, cost_basis = ?10, note = ?11,"
	                " created_at = coalesce(?12, created_at), updated_at = ?13"
	                " WHERE id = ?14", err, errlen);
	if (!st)
		goto out;
	if (bind_fields(st, p, account) || store_bind_int64_or_null(st, 12, p->created_at) ||
	    sqlite3_bind_int64(st, 13, (int64_t)time(NULL)) ||
	    sqlite3_bind_int64(st, 14, p->id) || sqlite3_step(st) != SQLITE_DONE) {
		store_fail_db(s, err, errlen, "updating position");
		goto out;
	}
	if (sqlite3_changes(store_handle(s)) == 0) {
		store_fail(err, errlen, "no position %" PRId64, p->id);
		goto out;
	}
	rc = 0;
out:
	store_stmt_done(st);
	return store_tx_end(s, &tx, rc, err, errlen);
}

int store_position_patch(struct store *s, const struct position *p, unsigned fields,
                         int64_t expected_version, struct position *stored,
                         char *err, size_t errlen)
{
	char sql[512];
	sqlite3_stmt *st = NULL;
	struct store_tx tx;
	int64_t account = 0;
	int rc = -1, found, n = 1;

	if (fields & POS_F_QUANTITY)
		return store_fail(err, errlen, "a quantity changes through events, not a patch");
	if (check_position(p, err, errlen) < 0 || store_tx_begin(s, &tx, err, errlen) < 0)
		return -1;
	found = store_position_get(s, p->id, stored, err, errlen);
	if (found != 0) {
		if (found > 0)
			store_fail(err, errlen, "no position %" PRId64, p->id);
		goto out;
	}
	if (stored->version != expected_version) {
		rc = 1;
		goto out;
	}
	if (fields == 0) {
		rc = 0;
		goto out;
	}
	if ((fields & POS_F_ACCOUNT) &&
	    account_id(s, p->account, sizeof p->account, &account, err, errlen) < 0)
		goto out;
	/* only the columns named: a concurrent write to the others stays */
	snprintf(sql, sizeof sql, "UPDATE positions SET updated_at = ?1%s%s%s%s"
	         " WHERE id = ?6 AND version = ?7",
	         fields & POS_F_ACCOUNT ? ", account_id = ?2" : "",
	         fields & POS_F_OPENED ? ", opened = ?3" : "",
	         fields & POS_F_COST ? ", cost_basis = ?4" : "",
	         fields & POS_F_NOTE ? ", note = ?5" : "");
	if (sqlite3_prepare_v2(store_handle(s), sql, -1, &st, NULL) != SQLITE_OK) {
		store_fail_db(s, err, errlen, "updating position");
		goto out;
	}
	if (sqlite3_bind_int64(st, 1, (int64_t)time(NULL)) ||
	    ((fields & POS_F_ACCOUNT) && sqlite3_bind_int64(st, 2, account)) ||
	    ((fields & POS_F_OPENED) && store_bind_text(st, 3, p->opened, sizeof p->opened)) ||
	    ((fields & POS_F_COST) && (p->has_cost_basis ? store_bind_dec(st, 4, p->cost_basis)
	                                                 : sqlite3_bind_null(st, 4))) ||
	    ((fields & POS_F_NOTE) && store_bind_text(st, 5, p->note, sizeof p->note)) ||
	    sqlite3_bind_int64(st, 6, p->id) || sqlite3_bind_int64(st, 7, expected_version) ||
	    sqlite3_step(st) != SQLITE_DONE) {
		store_fail_db(s, err, errlen, "updating position");
		goto out;
	}
	n = sqlite3_changes(store_handle(s));
	rc = n == 1 ? 0 : store_fail(err, errlen, "position %" PRId64 " changed while writing",
	                             p->id);
out:
	sqlite3_finalize(st);
	return store_tx_end(s, &tx, rc < 0 ? -1 : 0, err, errlen) < 0 ? -1 : rc;
}

int store_position_remove(struct store *s, int64_t id, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	struct store_tx tx;
	int rc = -1;

	if (store_tx_begin(s, &tx, err, errlen) < 0)
		return -1;
	st = store_stmt(s, STMT_POS_DELETE, "DELETE FROM positions WHERE id = ?1", err, errlen);
	if (!st)
		goto out;
	if (sqlite3_bind_int64(st, 1, id) || sqlite3_step(st) != SQLITE_DONE) {
		store_fail_db(s, err, errlen, "removing position");
		goto out;
	}
	if (sqlite3_changes(store_handle(s)) == 0) {
		store_fail(err, errlen, "no position %" PRId64, id);
		goto out;
	}
	rc = 0;
out:
	store_stmt_done(st);
	return store_tx_end(s, &tx, rc, err, errlen);
}

/* --- queries --------------------------------------------------------------- */

int store_position_get(struct store *s, int64_t id, struct position *out,
                       char *err, size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, STMT_POS_GET, POSITION_SELECT " WHERE p.id = ?1",
	                              err, errlen);
	int rc = -1, step;

	if (!st)
		return -1;
	if (sqlite3_bind_int64(st, 1, id) != SQLITE_OK) {
		store_fail_db(s, err, errlen, "position");
		goto out;
	}
	step = sqlite3_step(st);
	if (step == SQLITE_DONE)
		rc = 1;
	else if (step != SQLITE_ROW)
		store_fail_db(s, err, errlen, "position");
	else
		rc = read_row(st, out, err, errlen);
out:
	store_stmt_done(st);
	return rc;
}

int store_positions_list(struct store *s, struct position_list *out,
                         char *err, size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, STMT_POS_LIST, POSITION_SELECT " ORDER BY p.id",
	                              err, errlen);
	struct position p;
	int rc = -1, step;

	memset(out, 0, sizeof *out);
	if (!st)
		return -1;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (read_row(st, &p, err, errlen) < 0)
			goto out;
		if (position_list_push(out, &p) < 0) {
			store_fail(err, errlen, "out of memory");
			goto out;
		}
	}
	if (step != SQLITE_DONE) {
		store_fail_db(s, err, errlen, "positions");
		goto out;
	}
	rc = 0;
out:
	store_stmt_done(st);
	if (rc < 0) {
		position_list_free(out);
		memset(out, 0, sizeof *out);
	}
	return rc;
}

int store_positions_count(struct store *s, int64_t *n, char *err, size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, STMT_POS_COUNT, "SELECT count(*) FROM positions",
	                              err, errlen);
	int rc = -1;

	if (!st)
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		store_fail_db(s, err, errlen, "positions");
		goto out;
	}
	*n = sqlite3_column_int64(st, 0);
	rc = 0;
out:
	store_stmt_done(st);
	return rc;
}
