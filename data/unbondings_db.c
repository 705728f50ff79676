/* unbondings_db.c — one unbonding amended, claimed or cancelled
 * (unbondings_db.h). */
#include "data/unbondings_db.h"

#include <inttypes.h>

#include "data/events_db.h"
#include "data/store_priv.h"

/* Run sql (bound by bind) and fail unless it changed exactly one row. */
static int one_row(struct store *s, sqlite3_stmt *st, int bind_rc, int64_t id,
                   const char *what, char *err, size_t errlen)
{
	int step = bind_rc == SQLITE_OK ? sqlite3_step(st) : SQLITE_ERROR;
	int changed = sqlite3_changes(store_handle(s));
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return store_fail_db(s, err, errlen, what);
	if (changed != 1)
		return store_fail(err, errlen, "unbonding %" PRId64 " is not pending", id);
	return 0;
}

static sqlite3_stmt *prep(struct store *s, const char *sql, const char *what, char *err,
                          size_t errlen)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(store_handle(s), sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		store_fail_db(s, err, errlen, what);
		return NULL;
	}
	return st;
}

int store_unbonding_amend(struct store *s, int64_t id, dec_t amount,
                          const struct unbond_eta *eta, char *err, size_t errlen)
{
	if (dec_is_neg(amount) || dec_is_zero(amount))
		return store_fail(err, errlen, "an unbonding's amount must be above zero");
	sqlite3_stmt *st = prep(s, "UPDATE unbondings SET amount = ?2, available_at = ?3,"
	                           " earliest_at = ?4, latest_at = ?5, rule = ?6"
	                           " WHERE id = ?1 AND status = 'pending'",
	                        "amending an unbonding", err, errlen);
	if (!st)
		return -1;
	int b = sqlite3_bind_int64(st, 1, id) || store_bind_dec(st, 2, amount) ||
	        sqlite3_bind_int64(st, 3, eta->available_at) ||
	        sqlite3_bind_int64(st, 4, eta->earliest_at) ||
	        sqlite3_bind_int64(st, 5, eta->latest_at) ||
	        store_bind_text(st, 6, eta->basis, sizeof eta->basis);
	return one_row(s, st, b, id, "amending an unbonding", err, errlen);
}

int store_unbonding_claim(struct store *s, int64_t id, int64_t now, char *err, size_t errlen)
{
	struct store_tx tx;
	int rc = -1;
	if (store_tx_begin(s, &tx, err, errlen) < 0)
		return -1;
	sqlite3_stmt *st = prep(s, "UPDATE unbondings SET status = 'claimed', claimed_at = ?2,"
	                           " available_at = min(available_at, ?2)"
	                           " WHERE id = ?1 AND status = 'pending' AND NOT EXISTS"
	                           " (SELECT 1 FROM events e WHERE e.unbonding_id = ?1"
	                           " AND e.type = 'unbond' AND e.removed_at IS NOT NULL)",
	                        "claiming", err, errlen);
	if (!st || one_row(s, st, sqlite3_bind_int64(st, 1, id) || sqlite3_bind_int64(st, 2, now),
	                   id, "claiming", err, errlen) < 0)
		goto out;
	st = prep(s, "INSERT INTO events(position_id, type, amount, ts, note, unbonding_id)"
	             " SELECT position_id, 'claim', amount, ?2, 'paid out (read from the chain)', id"
	             " FROM unbondings WHERE id = ?1", "claiming", err, errlen);
	if (!st)
		goto out;
	int b = sqlite3_bind_int64(st, 1, id) || sqlite3_bind_int64(st, 2, now);
	int step = b == SQLITE_OK ? sqlite3_step(st) : SQLITE_ERROR;
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		store_fail_db(s, err, errlen, "claiming");
		goto out;
	}
	rc = 0;
out:
	return store_tx_end(s, &tx, rc, err, errlen);
}

int store_unbonding_cancel(struct store *s, int64_t id, const char *note, int64_t now,
                           char *err, size_t errlen)
{
	sqlite3_stmt *st = prep(s, "SELECT e.id FROM events e JOIN unbondings u"
	                           " ON u.id = e.unbonding_id WHERE u.id = ?1 AND"
	                           " u.status = 'pending' AND e.type = 'unbond' AND"
	                           " e.removed_at IS NULL", "cancelling an unbonding", err, errlen);
	if (!st)
		return -1;
	int step = sqlite3_bind_int64(st, 1, id) == SQLITE_OK ? sqlite3_step(st) : SQLITE_ERROR;
	int64_t ev = step == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return store_fail_db(s, err, errlen, "cancelling an unbonding");
	if (!ev)
		return store_fail(err, errlen, "unbonding %" PRId64 " is not pending", id);
	return store_event_remove(s, ev, note, now, err, errlen);
}
