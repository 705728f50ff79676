/* io.h — data in and out, for `staketop backup`, `export` and `import`
 * (and anything else of tui/ that wants them): a consistent copy of the
 * open store (SQLite's online backup API, safe while staketop runs),
 * export as JSON or CSV, import of an export, a positions CSV or a prices
 * CSV. The work is in data/backup.c, data/export.c and data/import.c; this
 * is the one way the faces reach it.
 *
 * Every function returns 0, or -1 with a message in err (not sanitized:
 * the caller cleans it before it reaches a terminal). */
#ifndef STAKETOP_APP_IO_H
#define STAKETOP_APP_IO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "tui/app/app.h"

/* A copy of a's store at file (overwrite an existing file when force),
 * checked with integrity_check. */
int app_backup(struct app *a, const char *file, bool force, char *err, size_t errlen);

/* Is name one of the exported tables (data/tables.h)? */
bool app_export_table_known(const char *name);
/* Their names, "positions, unbondings, …", into buf (cut to len). */
void app_export_table_names(char *buf, size_t len);

/* Every table (table NULL) or one, as one JSON object on out. */
int app_export_json(struct app *a, const char *table, FILE *out, char *err, size_t errlen);
/* One table as CSV on out. */
int app_export_csv(struct app *a, const char *table, FILE *out, char *err, size_t errlen);
/* Every table as dir/<table>.csv (dir made 0700 when missing). */
int app_export_csv_dir(struct app *a, const char *dir, char *err, size_t errlen);

/* What an import wrote. */
struct app_import_result {
	char what[32];         /* "export", "tables", "positions", "prices" */
	size_t rows;
};
/* Import a file or directory; a bad row refuses the whole file (nothing
 * written) with its line and reason in err. */
int app_import(struct app *a, const char *path, struct app_import_result *res, char *err,
               size_t errlen);

#endif
