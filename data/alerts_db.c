/* alerts_db.c — fired alerts: fire once per key while it holds, seen. */
#include "data/alerts_db.h"
#include "data/store_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static sqlite3_stmt *prep(struct store *s, const char *sql, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(store_handle(s), sql, -1, &st, NULL) != SQLITE_OK) {
		store_fail_db(s, err, errlen, "alerts");
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

/* Is there an open row for key? 1 yes, 0 no, -1 error. */
static int open_row(struct store *s, const char *key, char *err, size_t errlen)
{
	sqlite3_stmt *st = prep(s, "SELECT 1 FROM alerts WHERE key = ?1 AND ended_at IS NULL",
	                        err, errlen);
	int rc = -1;
	if (!st)
		return -1;
	if (sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC) == SQLITE_OK) {
		int step = sqlite3_step(st);
		rc = step == SQLITE_ROW ? 1 : step == SQLITE_DONE ? 0 : -1;
	}
	if (rc < 0)
		store_fail_db(s, err, errlen, "alerts");
	sqlite3_finalize(st);
	return rc;
}

static int fire(struct store *s, const struct alert_hit *h, int64_t now, char *err,
                size_t errlen)
{
	sqlite3_stmt *st = prep(s, "INSERT INTO alerts(kind, key, message, fired_at)"
	                           " VALUES(?1, ?2, ?3, ?4)", err, errlen);
	int rc = 0;
	if (!st)
		return -1;
	if (sqlite3_bind_text(st, 1, alert_kind_name(h->kind), -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 2, h->key, -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 3, h->message, -1, SQLITE_STATIC) ||
	    sqlite3_bind_int64(st, 4, now) || sqlite3_step(st) != SQLITE_DONE)
		rc = store_fail_db(s, err, errlen, "firing an alert");
	sqlite3_finalize(st);
	return rc;
}

/* End the open rows whose key is not among hits. */
static int end_gone(struct store *s, const struct alert_hit *hits, size_t n, int64_t now,
                    char *err, size_t errlen)
{
	sqlite3_stmt *st = prep(s, "SELECT id, key FROM alerts WHERE ended_at IS NULL", err,
	                        errlen);
	sqlite3_stmt *up = NULL;
	int rc = 0, step;
	if (!st)
		return -1;
	up = prep(s, "UPDATE alerts SET ended_at = ?2 WHERE id = ?1", err, errlen);
	if (!up) {
		sqlite3_finalize(st);
		return -1;
	}
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 1);
		bool holds = false;
		for (size_t i = 0; key && i < n && !holds; i++)
			holds = strcmp(hits[i].key, key) == 0;
		if (holds)
			continue;
		sqlite3_reset(up);
		if (sqlite3_bind_int64(up, 1, sqlite3_column_int64(st, 0)) ||
		    sqlite3_bind_int64(up, 2, now) || sqlite3_step(up) != SQLITE_DONE)
			rc = store_fail_db(s, err, errlen, "ending an alert");
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = store_fail_db(s, err, errlen, "alerts");
	sqlite3_finalize(up);
	sqlite3_finalize(st);
	return rc;
}

int store_alerts_sync(struct store *s, const struct alert_hit *hits, size_t n, int64_t now,
                      int *n_fired, char *err, size_t errlen)
{
	struct store_tx tx;
	int fired = 0, rc = store_tx_begin(s, &tx, err, errlen);
	if (rc < 0)
		return -1;
	rc = end_gone(s, hits, n, now, err, errlen);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		int o = open_row(s, hits[i].key, err, errlen);
		if (o < 0)
			rc = -1;
		else if (o == 0 && (rc = fire(s, &hits[i], now, err, errlen)) == 0)
			fired++;
	}
	rc = store_tx_end(s, &tx, rc, err, errlen);
	if (rc == 0 && n_fired)
		*n_fired = fired;
	return rc;
}

static int read_alert(sqlite3_stmt *st, void *row, char *err, size_t errlen)
{
	struct alert_row *r = row;
	(void)err;
	(void)errlen;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	store_column_text_cut(st, 1, r->kind, sizeof r->kind);
	store_column_text_cut(st, 2, r->key, sizeof r->key);
	store_column_text_cut(st, 3, r->message, sizeof r->message);
	r->fired_at = sqlite3_column_int64(st, 4);
	r->seen_at = sqlite3_column_int64(st, 5);
	r->ended_at = sqlite3_column_int64(st, 6);
	return 0;
}

int store_alerts_list(struct store *s, bool unseen_only, struct alert_row **out, size_t *n,
                      char *err, size_t errlen)
{
	sqlite3_stmt *st = prep(s, unseen_only
	                           ? "SELECT id, kind, key, message, fired_at, seen_at, ended_at"
	                             " FROM alerts WHERE seen_at IS NULL ORDER BY fired_at DESC, id DESC"
	                           : "SELECT id, kind, key, message, fired_at, seen_at, ended_at"
	                             " FROM alerts ORDER BY fired_at DESC, id DESC",
	                        err, errlen);
	void *v;
	*out = NULL;
	*n = 0;
	if (!st || store_collect(s, st, SQLITE_OK, sizeof **out, read_alert, "alerts", &v, n, err,
	                         errlen) < 0)
		return -1;
	*out = v;
	return 0;
}

int store_alerts_unseen(struct store *s, int64_t *n, char *err, size_t errlen)
{
	sqlite3_stmt *st = prep(s, "SELECT count(*) FROM alerts WHERE seen_at IS NULL", err,
	                        errlen);
	int rc = 0;
	if (!st)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	else
		rc = store_fail_db(s, err, errlen, "alerts");
	sqlite3_finalize(st);
	return rc;
}

int store_alerts_mark_seen(struct store *s, int64_t now, int *n_marked, char *err,
                           size_t errlen)
{
	sqlite3_stmt *st = prep(s, "UPDATE alerts SET seen_at = ?1 WHERE seen_at IS NULL", err,
	                        errlen);
	int rc = 0;
	if (!st)
		return -1;
	if (sqlite3_bind_int64(st, 1, now) || sqlite3_step(st) != SQLITE_DONE)
		rc = store_fail_db(s, err, errlen, "marking alerts seen");
	else if (n_marked)
		*n_marked = sqlite3_changes(store_handle(s));
	sqlite3_finalize(st);
	return rc;
}
