/* store_rows.c — reading result rows for the data/ modules (store_priv.h):
 * a statement's rows into a growing array, and a text column cut to fit. */
#include "data/store_priv.h"

#include <stdlib.h>
#include <string.h>

int store_collect(struct store *s, sqlite3_stmt *st, int bind_rc, size_t size,
                  int (*read)(sqlite3_stmt *, void *, char *, size_t), const char *what,
                  void **out, size_t *n, char *err, size_t errlen)
{
	unsigned char *v = NULL;
	size_t len = 0, cap = 0;
	int rc = -1, step = SQLITE_ERROR;

	if (bind_rc != SQLITE_OK)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (len == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			unsigned char *nv = realloc(v, ncap * size);
			if (!nv) {
				store_fail(err, errlen, "out of memory");
				goto out;
			}
			v = nv;
			cap = ncap;
		}
		if (read(st, v + len * size, err, errlen) < 0)
			goto out;
		len++;
	}
	if (step == SQLITE_DONE)
		rc = 0;
out:
	if (rc < 0 && step != SQLITE_ROW)
		store_fail_db(s, err, errlen, what);
	sqlite3_finalize(st);
	if (rc < 0) {
		free(v);
		v = NULL;
		len = 0;
	}
	*out = v;
	*n = len;
	return rc;
}

void store_column_text_cut(sqlite3_stmt *st, int col, char *dst, size_t dstlen)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	size_t len = t ? (size_t)sqlite3_column_bytes(st, col) : 0;

	if (len >= dstlen)
		len = dstlen - 1;
	if (len)
		memcpy(dst, t, len);
	dst[len] = '\0';
}
