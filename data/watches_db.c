/* watches_db.c — watched addresses (watches_db.h). */
#include "data/watches_db.h"
#include "data/store_priv.h"

#include <stdlib.h>
#include <string.h>

int store_watch_add(struct store *s, enum watch_chain chain, const char *address,
                    const char *label, int64_t now, int64_t *id, char *err, size_t errlen)
{
	const char *cn = watch_chain_name(chain);
	if (!cn)
		return store_fail(err, errlen, "unknown chain");
	if (!address[0] || strlen(address) >= WATCH_ADDR_MAX)
		return store_fail(err, errlen, "an address is 1 to %d bytes", WATCH_ADDR_MAX - 1);
	if (label && strlen(label) > WATCH_LABEL_MAX)
		return store_fail(err, errlen, "a label is at most %d bytes", WATCH_LABEL_MAX);
	sqlite3 *db = store_handle(s);
	sqlite3_stmt *st = NULL;
	struct store_tx tx;
	int rc = -1;
	if (store_tx_begin(s, &tx, err, errlen) < 0)
		return -1;
	if (sqlite3_prepare_v2(db, "SELECT id FROM watches WHERE chain = ?1 AND address = ?2", -1,
	                       &st, NULL) != SQLITE_OK ||
	    sqlite3_bind_text(st, 1, cn, -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 2, address, -1, SQLITE_STATIC)) {
		store_fail_db(s, err, errlen, "adding a watch");
		goto out;
	}
	int r = sqlite3_step(st);
	if (r == SQLITE_ROW) {
		if (id)
			*id = sqlite3_column_int64(st, 0);
		rc = 1;
		goto out;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (r != SQLITE_DONE ||
	    sqlite3_prepare_v2(db, "INSERT INTO watches(chain, address, label, created_at)"
	                           " VALUES(?1, ?2, ?3, ?4)", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_bind_text(st, 1, cn, -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 2, address, -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 3, label ? label : "", -1, SQLITE_STATIC) ||
	    sqlite3_bind_int64(st, 4, now) || sqlite3_step(st) != SQLITE_DONE) {
		store_fail_db(s, err, errlen, "adding a watch");
		goto out;
	}
	if (id)
		*id = sqlite3_last_insert_rowid(db);
	rc = 0;
out:
	sqlite3_finalize(st);
	return store_tx_end(s, &tx, rc, err, errlen);
}

int store_watch_remove(struct store *s, int64_t id, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(store_handle(s), "DELETE FROM watches WHERE id = ?1", -1, &st,
	                       NULL) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 1, id) || sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_finalize(st);
		return store_fail_db(s, err, errlen, "removing a watch");
	}
	sqlite3_finalize(st);
	return sqlite3_changes(store_handle(s)) ? 0 : 1;
}

static int read_watch(sqlite3_stmt *st, void *row, char *err, size_t errlen)
{
	struct watch *w = row;
	char chain[16];
	memset(w, 0, sizeof *w);
	w->id = sqlite3_column_int64(st, 0);
	store_column_text_cut(st, 1, chain, sizeof chain);
	if (watch_chain_parse(chain, &w->chain) < 0)
		return store_fail(err, errlen, "watch %lld: chain is not one staketop reads",
		                  (long long)w->id);
	store_column_text_cut(st, 2, w->address, sizeof w->address);
	store_column_text_cut(st, 3, w->label, sizeof w->label);
	w->created_at = sqlite3_column_int64(st, 4);
	w->read_at = sqlite3_column_int64(st, 5);
	store_column_text_cut(st, 6, w->read_height, sizeof w->read_height);
	w->last_ok_at = sqlite3_column_int64(st, 7);
	store_column_text_cut(st, 8, w->last_error, sizeof w->last_error);
	w->blocked_until = sqlite3_column_int64(st, 9);
	return 0;
}

int store_watches_list(struct store *s, struct watch **out, size_t *n, char *err,
                       size_t errlen)
{
	sqlite3_stmt *st = NULL;
	void *v;
	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(store_handle(s),
	                       "SELECT id, chain, address, label, created_at, read_at, read_height,"
	                       " last_ok_at, last_error, blocked_until FROM watches ORDER BY id", -1, &st,
	                       NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return store_fail_db(s, err, errlen, "listing watches");
	}
	if (store_collect(s, st, SQLITE_OK, sizeof **out, read_watch, "listing watches", &v, n,
	                  err, errlen) < 0)
		return -1;
	*out = v;
	return 0;
}

int store_watch_mark(struct store *s, int64_t id, int64_t now, const char *height,
                     const char *error, int64_t blocked_until, char *err, size_t errlen)
{
	bool ok = !error || !error[0];
	sqlite3_stmt *st = NULL;
	const char *sql = ok ? "UPDATE watches SET read_at = ?2, read_height = ?3, last_ok_at = ?2,"
	                       " last_error = NULL, blocked_until = ?4 WHERE id = ?1"
	                     : "UPDATE watches SET read_at = ?2, last_error = ?3,"
	                       " blocked_until = ?4 WHERE id = ?1";
	if (sqlite3_prepare_v2(store_handle(s), sql, -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 1, id) || sqlite3_bind_int64(st, 2, now) ||
	    sqlite3_bind_text(st, 3, ok ? (height ? height : "") : error, -1, SQLITE_STATIC) ||
	    store_bind_int64_or_null(st, 4, blocked_until) || sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_finalize(st);
		return store_fail_db(s, err, errlen, "recording a read");
	}
	sqlite3_finalize(st);
	return 0;
}

int store_watch_item_find(struct store *s, int64_t watch_id, const char *key,
                          int64_t *position_id, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(store_handle(s),
	                       "SELECT position_id FROM watch_items WHERE watch_id = ?1 AND key = ?2",
	                       -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 1, watch_id) || sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC)) {
		sqlite3_finalize(st);
		return store_fail_db(s, err, errlen, "reading a watch item");
	}
	int r = sqlite3_step(st);
	if (r == SQLITE_ROW)
		*position_id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (r == SQLITE_ROW)
		return 0;
	if (r == SQLITE_DONE)
		return 1;
	return store_fail_db(s, err, errlen, "reading a watch item");
}

int store_watch_item_put(struct store *s, int64_t watch_id, const char *key,
                         int64_t position_id, int64_t unbonding_id, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(store_handle(s),
	                       "INSERT OR REPLACE INTO watch_items(watch_id, key, position_id,"
	                       " unbonding_id) VALUES(?1, ?2, ?3, nullif(?4, 0))", -1, &st,
	                       NULL) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 1, watch_id) || sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC) ||
	    sqlite3_bind_int64(st, 3, position_id) || sqlite3_bind_int64(st, 4, unbonding_id) ||
	    sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_finalize(st);
		return store_fail_db(s, err, errlen, "writing a watch item");
	}
	sqlite3_finalize(st);
	return 0;
}

int store_watch_item_drop(struct store *s, int64_t watch_id, const char *key, char *err,
                          size_t errlen)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(store_handle(s),
	                       "DELETE FROM watch_items WHERE watch_id = ?1 AND key = ?2", -1, &st,
	                       NULL) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 1, watch_id) || sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC) ||
	    sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_finalize(st);
		return store_fail_db(s, err, errlen, "forgetting a watch item");
	}
	sqlite3_finalize(st);
	return 0;
}

static int read_watch_item(sqlite3_stmt *st, void *row, char *err, size_t errlen)
{
	struct watch_item *it = row;
	(void)err;
	(void)errlen;
	store_column_text_cut(st, 0, it->key, sizeof it->key);
	it->position_id = sqlite3_column_int64(st, 1);
	it->unbonding_id = sqlite3_column_int64(st, 2);
	return 0;
}

int store_watch_items_list(struct store *s, int64_t watch_id, struct watch_item **out,
                           size_t *n, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	void *v;
	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(store_handle(s),
	                       "SELECT key, position_id, unbonding_id FROM watch_items WHERE watch_id = ?1"
	                       " ORDER BY key", -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return store_fail_db(s, err, errlen, "listing watch items");
	}
	if (store_collect(s, st, sqlite3_bind_int64(st, 1, watch_id), sizeof **out,
	                  read_watch_item, "listing watch items", &v, n, err, errlen) < 0)
		return -1;
	*out = v;
	return 0;
}
