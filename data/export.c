/* export.c — tables to JSON and CSV. */
#include "data/export.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>

#include "data/store_priv.h"
#include "data/tables.h"

static void json_string(FILE *out, const unsigned char *t, int n)
{
	fputc('"', out);
	for (int i = 0; i < n; i++) {
		unsigned char c = t[i];
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

static void csv_field(FILE *out, const unsigned char *t, int n)
{
	bool quote = n == 0;
	for (int i = 0; i < n && !quote; i++)
		quote = t[i] == ',' || t[i] == '"' || t[i] == '\n' || t[i] == '\r';
	if (!quote) {
		fwrite(t, 1, (size_t)n, out);
		return;
	}
	fputc('"', out);
	for (int i = 0; i < n; i++) {
		if (t[i] == '"')
			fputc('"', out);
		fputc(t[i], out);
	}
	fputc('"', out);
}

/* One column of the current row: null/empty, a number or a string. */
static void value(FILE *out, sqlite3_stmt *st, int c, const struct col *col, bool json)
{
	int type = sqlite3_column_type(st, c);
	if (type == SQLITE_NULL) {
		if (json)
			fputs("null", out);
		return;
	}
	switch (col->type) {
	case COL_INT:
		fprintf(out, "%lld", (long long)sqlite3_column_int64(st, c));
		return;
	case COL_REAL:
		fprintf(out, "%.17g", sqlite3_column_double(st, c));
		return;
	case COL_TEXT:
	case COL_DEC:
	case COL_DEC_SIGNED:
	case COL_RATIO:
	case COL_JSON: /* as a string: read back byte for byte */
	default: {
		const unsigned char *t = sqlite3_column_text(st, c);
		int n = sqlite3_column_bytes(st, c);
		if (json)
			json_string(out, t, n);
		else
			csv_field(out, t, n);
		return;
	}
	}
}

static int dump(struct store *s, const struct table *t, FILE *out, bool json, char *err,
                size_t errlen)
{
	sqlite3_stmt *st = NULL;
	int step, rc = -1;
	bool first = true;
	if (sqlite3_prepare_v2(store_handle(s), t->select, -1, &st, NULL) != SQLITE_OK)
		return store_fail_db(s, err, errlen, t->name);
	if (json) {
		fprintf(out, "\"%s\":[", t->name);
	} else {
		for (size_t c = 0; c < t->n_cols; c++)
			fprintf(out, "%s%s", c ? "," : "", t->cols[c].name);
		fputs("\r\n", out);
	}
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (json)
			fputs(first ? "\n{" : ",\n{", out);
		first = false;
		for (size_t c = 0; c < t->n_cols; c++) {
			if (json)
				fprintf(out, "%s\"%s\":", c ? "," : "", t->cols[c].name);
			else if (c)
				fputc(',', out);
			value(out, st, (int)c, &t->cols[c], json);
		}
		fputs(json ? "}" : "\r\n", out);
	}
	if (step != SQLITE_DONE) {
		store_fail_db(s, err, errlen, t->name);
		goto out;
	}
	if (json)
		fputs("]", out);
	rc = 0;
out:
	sqlite3_finalize(st);
	return rc;
}

/* Run fn inside one read transaction, so the tables agree. */
static int begin_read(struct store *s, char *err, size_t errlen)
{
	if (sqlite3_exec(store_handle(s), "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail_db(s, err, errlen, "export");
	return 0;
}

static void end_read(struct store *s)
{
	sqlite3_exec(store_handle(s), "COMMIT", NULL, NULL, NULL);
}

static int out_error(FILE *out, const char *what, char *err, size_t errlen)
{
	if (fflush(out) != 0 || ferror(out))
		return store_fail(err, errlen, "export: writing %s: %s", what, strerror(errno));
	return 0;
}

int store_export_json(struct store *s, const char *table, FILE *out, char *err, size_t errlen)
{
	const struct table *only = NULL;
	int rc = -1;
	if (table && !(only = io_table(table)))
		return store_fail(err, errlen, "export: no table '%.40s'", table);
	if (begin_read(s, err, errlen) < 0)
		return -1;
	fputs("{\"format\":\"staketop-export\",\"version\":1", out);
	for (size_t i = 0; i < io_n_tables; i++) {
		if (only && only != &io_tables[i])
			continue;
		fputc(',', out);
		if (dump(s, &io_tables[i], out, true, err, errlen) < 0)
			goto out;
	}
	fputs("}\n", out);
	rc = out_error(out, "JSON", err, errlen);
out:
	end_read(s);
	return rc;
}

int store_export_csv(struct store *s, const char *table, FILE *out, char *err, size_t errlen)
{
	const struct table *t = io_table(table);
	if (!t)
		return store_fail(err, errlen, "export: no table '%.40s'", table ? table : "");
	if (begin_read(s, err, errlen) < 0)
		return -1;
	int rc = dump(s, t, out, false, err, errlen);
	end_read(s);
	return rc == 0 ? out_error(out, t->name, err, errlen) : -1;
}

int store_export_csv_dir(struct store *s, const char *dir, char *err, size_t errlen)
{
	char path[4096];
	int rc = -1;
	if (mkdir(dir, 0700) < 0 && errno != EEXIST)
		return store_fail(err, errlen, "export: cannot make %s: %s", dir, strerror(errno));
	if (begin_read(s, err, errlen) < 0)
		return -1;
	for (size_t i = 0; i < io_n_tables; i++) {
		if ((size_t)snprintf(path, sizeof path, "%s/%s.csv", dir, io_tables[i].name) >= sizeof path) {
			store_fail(err, errlen, "export: path too long");
			goto out;
		}
		FILE *f = fopen(path, "wx");
		if (!f) {
			store_fail(err, errlen, "export: cannot create %s: %s", path, strerror(errno));
			goto out;
		}
		int r = dump(s, &io_tables[i], f, false, err, errlen);
		if (r == 0)
			r = out_error(f, path, err, errlen);
		if (fclose(f) != 0 && r == 0)
			r = store_fail(err, errlen, "export: writing %s: %s", path, strerror(errno));
		if (r < 0)
			goto out;
	}
	rc = 0;
out:
	end_read(s);
	return rc;
}
