/* io.c — backup, export and import for the faces (data/ does the work). */
#include "tui/app/io.h"

#include <string.h>

#include "data/backup.h"
#include "data/export.h"
#include "data/import.h"
#include "data/tables.h"

int app_backup(struct app *a, const char *file, bool force, char *err, size_t errlen)
{
	return store_backup(a->store, file, force ? 1 : 0, err, errlen);
}

bool app_export_table_known(const char *name)
{
	return io_table(name) != NULL;
}

void app_export_table_names(char *buf, size_t len)
{
	size_t o = 0;
	if (len)
		buf[0] = '\0';
	for (size_t i = 0; i < io_n_tables && o < len; i++) {
		int n = snprintf(buf + o, len - o, "%s%s", i ? ", " : "", io_tables[i].name);
		if (n < 0)
			return;
		o += (size_t)n;
	}
}

int app_export_json(struct app *a, const char *table, FILE *out, char *err, size_t errlen)
{
	return store_export_json(a->store, table, out, err, errlen);
}

int app_export_csv(struct app *a, const char *table, FILE *out, char *err, size_t errlen)
{
	return store_export_csv(a->store, table, out, err, errlen);
}

int app_export_csv_dir(struct app *a, const char *dir, char *err, size_t errlen)
{
	return store_export_csv_dir(a->store, dir, err, errlen);
}

int app_import(struct app *a, const char *path, struct app_import_result *res, char *err,
               size_t errlen)
{
	struct import_result r;
	memset(res, 0, sizeof *res);
	if (store_import_path(a->store, &a->cat, path, app_clock(), &r, err, errlen) < 0)
		return -1;
	snprintf(res->what, sizeof res->what, "%s", r.what);
	res->rows = r.rows;
	return 0;
}
