/* plans_db.c — saved plans (plans_db.h). Plans are written rarely, so the
 * statements are prepared per call rather than cached. */
#include "data/plans_db.h"
#include "data/store_priv.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static char *dup_column(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	int n = sqlite3_column_bytes(st, col);
	char *d = malloc((size_t)n + 1);
	if (!d)
		return NULL;
	if (t)
		memcpy(d, t, (size_t)n);
	d[n] = 0;
	return d;
}

int store_plan_save(struct store *s, const char *name, int64_t created_at,
                    const char *targets, const char *settings, const char *inputs,
                    const char *result, int64_t *id, char *err, size_t errlen)
{
	size_t nl = strlen(name);
	if (nl == 0 || nl > PLAN_NAME_MAX)
		return store_fail(err, errlen, "a plan's name is 1 to %d bytes", PLAN_NAME_MAX);
	struct store_tx tx;
	sqlite3_stmt *st = NULL;
	int rc = -1;
	if (store_tx_begin(s, &tx, err, errlen) < 0)
		return -1;
	if (sqlite3_prepare_v2(store_handle(s),
	                       "INSERT INTO plans(name, created_at, targets, settings, inputs, result)"
	                       " VALUES(?1, ?2, ?3, ?4, ?5, ?6)", -1, &st, NULL) != SQLITE_OK) {
		store_fail_db(s, err, errlen, "saving plan");
		goto out;
	}
	if (sqlite3_bind_text(st, 1, name, (int)nl, SQLITE_STATIC) ||
	    sqlite3_bind_int64(st, 2, created_at) ||
	    sqlite3_bind_text(st, 3, targets, -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 4, settings, -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 5, inputs, -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 6, result, -1, SQLITE_STATIC) || sqlite3_step(st) != SQLITE_DONE) {
		store_fail_db(s, err, errlen, "saving plan");
		goto out;
	}
	if (id)
		*id = sqlite3_last_insert_rowid(store_handle(s));
	rc = 0;
out:
	sqlite3_finalize(st);
	return store_tx_end(s, &tx, rc, err, errlen);
}

int store_plans_list(struct store *s, struct plan_record **out, size_t *n, char *err,
                     size_t errlen)
{
	sqlite3_stmt *st = NULL;
	struct plan_record *v = NULL;
	size_t len = 0, cap = 0;
	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(store_handle(s),
	                       "SELECT id, name, created_at, targets FROM plans"
	                       " ORDER BY created_at DESC, id DESC", -1, &st, NULL) != SQLITE_OK)
		return store_fail_db(s, err, errlen, "listing plans");
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		if (len == cap) {
			size_t nc = cap ? cap * 2 : 8;
			struct plan_record *nv = realloc(v, nc * sizeof *nv);
			if (!nv)
				goto oom;
			v = nv;
			cap = nc;
		}
		struct plan_record *p = &v[len];
		memset(p, 0, sizeof *p);
		p->id = sqlite3_column_int64(st, 0);
		if (store_column_text(st, 1, p->name, sizeof p->name) < 0) {
			store_fail(err, errlen, "plan %" PRId64 ": name too long", p->id);
			goto fail;
		}
		p->created_at = sqlite3_column_int64(st, 2);
		if (!(p->targets = dup_column(st, 3)))
			goto oom;
		len++;
	}
	if (r != SQLITE_DONE) {
		store_fail_db(s, err, errlen, "listing plans");
		goto fail;
	}
	sqlite3_finalize(st);
	*out = v;
	*n = len;
	return 0;
oom:
	store_fail(err, errlen, "out of memory");
fail:
	sqlite3_finalize(st);
	plan_records_free(v, len);
	return -1;
}

int store_plan_get(struct store *s, int64_t id, struct plan_record *out, char *err,
                   size_t errlen)
{
	sqlite3_stmt *st = NULL;
	memset(out, 0, sizeof *out);
	if (sqlite3_prepare_v2(store_handle(s),
	                       "SELECT id, name, created_at, targets, settings, inputs, result"
	                       " FROM plans WHERE id = ?1", -1, &st, NULL) != SQLITE_OK)
		return store_fail_db(s, err, errlen, "reading plan");
	int r;
	if (sqlite3_bind_int64(st, 1, id) || (r = sqlite3_step(st)) == SQLITE_ERROR ||
	    (r != SQLITE_ROW && r != SQLITE_DONE)) {
		store_fail_db(s, err, errlen, "reading plan");
		sqlite3_finalize(st);
		return -1;
	}
	if (r == SQLITE_DONE) {
		sqlite3_finalize(st);
		return 1;
	}
	out->id = sqlite3_column_int64(st, 0);
	if (store_column_text(st, 1, out->name, sizeof out->name) < 0) {
		sqlite3_finalize(st);
		return store_fail(err, errlen, "plan %" PRId64 ": name too long", id);
	}
	out->created_at = sqlite3_column_int64(st, 2);
	out->targets = dup_column(st, 3);
	out->settings = dup_column(st, 4);
	out->inputs = dup_column(st, 5);
	out->result = dup_column(st, 6);
	sqlite3_finalize(st);
	if (!out->targets || !out->settings || !out->inputs || !out->result) {
		plan_record_free(out);
		return store_fail(err, errlen, "out of memory");
	}
	return 0;
}

void plan_record_free(struct plan_record *r)
{
	free(r->targets);
	free(r->settings);
	free(r->inputs);
	free(r->result);
	r->targets = r->settings = r->inputs = r->result = NULL;
}

void plan_records_free(struct plan_record *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		plan_record_free(&v[i]);
	free(v);
}
