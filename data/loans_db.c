/* loans_db.c — looped positions in the store (loans_db.h). */
#include "data/loans_db.h"
#include "data/store_priv.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

int store_loan_add(struct store *s, const struct loan *l, int64_t *id, char *err, size_t errlen)
{
	char ca[DEC_STR_MAX], da[DEC_STR_MAX];
	struct store_tx tx;
	sqlite3_stmt *st = NULL;
	int rc = -1;
	dec_format(l->collateral_amount, ca, sizeof ca);
	dec_format(l->debt_amount, da, sizeof da);
	if (store_tx_begin(s, &tx, err, errlen) < 0)
		return -1;
	if (sqlite3_prepare_v2(store_handle(s),
	                       "INSERT INTO loans(account, collateral, collateral_amount, debt,"
	                       " debt_amount, liq_threshold, note, created_at)"
	                       " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", -1, &st, NULL) != SQLITE_OK) {
		store_fail_db(s, err, errlen, "adding a loan");
		goto out;
	}
	if (sqlite3_bind_text(st, 1, l->account, -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 2, l->collateral, -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 3, ca, -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 4, l->debt, -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 5, da, -1, SQLITE_STATIC) ||
	    sqlite3_bind_double(st, 6, l->liq_threshold) ||
	    (l->note[0] ? sqlite3_bind_text(st, 7, l->note, -1, SQLITE_STATIC)
	                : sqlite3_bind_null(st, 7)) ||
	    sqlite3_bind_int64(st, 8, l->created_at) || sqlite3_step(st) != SQLITE_DONE) {
		store_fail_db(s, err, errlen, "adding a loan");
		goto out;
	}
	if (id)
		*id = sqlite3_last_insert_rowid(store_handle(s));
	rc = 0;
out:
	sqlite3_finalize(st);
	return store_tx_end(s, &tx, rc, err, errlen);
}

/* A decimal column; -1 when it is not one (an import from elsewhere). */
static int dec_column(sqlite3_stmt *st, int col, dec_t *out)
{
	char e[96];
	const unsigned char *t = sqlite3_column_text(st, col);
	return t ? dec_parse((const char *)t, 18, out, e, sizeof e) : -1;
}

static int read_loan(sqlite3_stmt *st, void *row, char *err, size_t errlen)
{
	struct loan *l = row;
	memset(l, 0, sizeof *l);
	l->id = sqlite3_column_int64(st, 0);
	if (store_column_text(st, 1, l->account, sizeof l->account) < 0 ||
	    store_column_text(st, 2, l->collateral, sizeof l->collateral) < 0 ||
	    dec_column(st, 3, &l->collateral_amount) < 0 ||
	    store_column_text(st, 4, l->debt, sizeof l->debt) < 0 ||
	    dec_column(st, 5, &l->debt_amount) < 0 ||
	    (sqlite3_column_type(st, 7) != SQLITE_NULL &&
	     store_column_text(st, 7, l->note, sizeof l->note) < 0))
		return store_fail(err, errlen, "loan %" PRId64 ": a field is too long or not a decimal",
		                  l->id);
	l->liq_threshold = sqlite3_column_double(st, 6);
	l->created_at = sqlite3_column_int64(st, 8);
	return 0;
}

int store_loans_list(struct store *s, struct loan **out, size_t *n, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	void *v;
	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(store_handle(s),
	                       "SELECT id, account, collateral, collateral_amount, debt, debt_amount,"
	                       " liq_threshold, note, created_at FROM loans ORDER BY id", -1, &st,
	                       NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return store_fail_db(s, err, errlen, "listing loans");
	}
	if (store_collect(s, st, SQLITE_OK, sizeof **out, read_loan, "listing loans", &v, n, err,
	                  errlen) < 0)
		return -1;
	*out = v;
	return 0;
}
