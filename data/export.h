/* export.h — the store's tables (data/tables.h says which, and which
 * columns) written out in formats other tools read, read in one
 * consistent snapshot of the database.
 * Quantities are exact decimal strings, figures 17 significant digits, so
 * data/import.h reads back exactly what was written.
 *
 *   JSON: {"format":"staketop-export","version":1,"positions":[{...}],...}
 *         absent values are null
 *   CSV:  one table per file, a header row of the column names, RFC 4180
 *         quoting; absent values are empty fields
 *
 * Every function returns 0, or -1 with a message in err. */
#ifndef STAKETOP_EXPORT_H
#define STAKETOP_EXPORT_H

#include <stddef.h>
#include <stdio.h>

#include "data/store.h"

/* Every table (table NULL) or the one named, as one JSON object. */
int store_export_json(struct store *s, const char *table, FILE *out, char *err, size_t errlen);
/* One table as CSV. */
int store_export_csv(struct store *s, const char *table, FILE *out, char *err, size_t errlen);
/* Every table as dir/<table>.csv; dir is made (0700) when missing. */
int store_export_csv_dir(struct store *s, const char *dir, char *err, size_t errlen);

#endif
