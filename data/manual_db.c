/* manual_db.c — manual prices: observations with source "manual". */
#include "data/manual_db.h"
#include "data/observations_db.h"
#include "data/store_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void pin_key(const char *asset, char *key, size_t n)
{
	snprintf(key, n, "manual_pin:%s", asset);
}

bool store_manual_pinned(struct store *s, const char *asset)
{
	char key[64], val[8], err[128];
	pin_key(asset, key, sizeof key);
	return store_meta_get(s, key, val, sizeof val, err, sizeof err) == 0 &&
	       strcmp(val, "1") == 0;
}

int store_manual_set(struct store *s, const char *asset, const struct observation *v,
                     size_t n, bool pinned, int64_t fetched_at, char *err, size_t errlen)
{
	struct observation *w = calloc(n ? n : 1, sizeof *w);
	struct store_tx tx;
	char key[64];
	if (!w) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		w[i] = v[i];
		snprintf(w[i].source, sizeof w[i].source, "%s", MANUAL_SOURCE);
	}
	pin_key(asset, key, sizeof key);
	int rc = store_tx_begin(s, &tx, err, errlen);
	if (rc == 0)
		rc = store_observations_add(s, w, n, fetched_at, err, errlen);
	if (rc == 0)
		rc = store_meta_set(s, key, pinned ? "1" : "0", err, errlen);
	free(w);
	return store_tx_end(s, &tx, rc, err, errlen);
}

int store_manual_clear(struct store *s, const char *asset, int *n_removed, char *err,
                       size_t errlen)
{
	sqlite3 *db = store_handle(s);
	sqlite3_stmt *st = NULL;
	struct store_tx tx;
	char key[64];
	int rc = store_tx_begin(s, &tx, err, errlen);
	if (rc < 0)
		return -1;
	pin_key(asset, key, sizeof key);
	if (sqlite3_prepare_v2(db, "DELETE FROM observations WHERE asset = ?1 AND source = 'manual'",
	                       -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_bind_text(st, 1, asset, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_DONE) {
		rc = store_fail_db(s, err, errlen, "clearing manual prices");
	} else if (n_removed) {
		*n_removed = sqlite3_changes(db);
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rc == 0 &&
	    (sqlite3_prepare_v2(db, "DELETE FROM meta WHERE key = ?1", -1, &st, NULL) != SQLITE_OK ||
	     sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC) != SQLITE_OK ||
	     sqlite3_step(st) != SQLITE_DONE))
		rc = store_fail_db(s, err, errlen, "clearing the pin");
	sqlite3_finalize(st);
	return store_tx_end(s, &tx, rc, err, errlen);
}

int store_manual_list(struct store *s, struct observation **out, size_t *n, char *err,
                      size_t errlen)
{
	sqlite3_stmt *st = NULL;
	struct obs_list l = { 0 };
	int rc = 0, step;
	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(store_handle(s),
	                       "SELECT asset, kind, ts, value FROM observations"
	                       " WHERE source = 'manual' ORDER BY asset, kind, ts DESC, id DESC",
	                       -1, &st, NULL) != SQLITE_OK)
		return store_fail_db(s, err, errlen, "manual prices");
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct observation o;
		memset(&o, 0, sizeof o);
		const char *a = (const char *)sqlite3_column_text(st, 0);
		const char *k = (const char *)sqlite3_column_text(st, 1);
		if (!a || !k || obs_kind_parse(k, &o.kind) < 0)
			continue;
		snprintf(o.asset, sizeof o.asset, "%s", a);
		snprintf(o.source, sizeof o.source, "%s", MANUAL_SOURCE);
		o.ts = sqlite3_column_int64(st, 2);
		o.value = sqlite3_column_double(st, 3);
		/* the newest of each asset and kind only */
		if (l.n && strcmp(l.v[l.n - 1].asset, o.asset) == 0 && l.v[l.n - 1].kind == o.kind)
			continue;
		if (obs_list_push(&l, &o) < 0) {
			rc = -1;
			snprintf(err, errlen, "out of memory");
			break;
		}
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = store_fail_db(s, err, errlen, "manual prices");
	sqlite3_finalize(st);
	if (rc < 0) {
		obs_list_free(&l);
		return -1;
	}
	for (size_t i = 0; i < l.n; i++)
		l.v[i].pinned = store_manual_pinned(s, l.v[i].asset);
	*out = l.v;
	*n = l.n;
	return 0;
}
