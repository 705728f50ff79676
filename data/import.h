/* import.h — reading data in: a JSON export or an exported table's CSV
 * (data/export.h; a restore keeps every id and value exactly), a directory
 * of exported CSVs, a positions CSV (columns asset and amount, and
 * optionally account, kind, opened, cost_basis, note, in any order) or a
 * prices CSV (date, asset, price and optionally source) whose rows become
 * price observations.
 *
 * Older exports: a table's CSV whose header is the first columns of the
 * table (written before the later ones were added) is read with the
 * missing columns NULL, when none of them is required; otherwise it is
 * refused naming FILE:1 and the required column. A JSON row without a key
 * is the same: NULL, or refused naming table[row] and the column. A table
 * the file does not have (a directory without its CSV, a JSON export
 * without its key) stays empty. A JSON key or table staketop does not know
 * (a newer export) is refused, not dropped.
 *
 * All or nothing: every row is checked and written in one transaction; the
 * first bad row refuses the whole import with "FILE:LINE: reason" (for JSON
 * "FILE: positions[3]: quantity: reason") and nothing is written. Text with
 * control characters or invalid UTF-8 is refused, numbers must be finite
 * and in range, quantities exact decimals; data/import_rows.h says what
 * else a row of each table must be.
 *
 * Returns 0, or -1 with the message in err. */
#ifndef STAKETOP_IMPORT_H
#define STAKETOP_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "data/store.h"
#include "positions/asset.h"

struct import_result {
	char what[32];         /* "export", "tables", "positions", "prices" */
	size_t rows;           /* rows written */
};

/* Import path, a file or a directory of <table>.csv files. now is the time
 * of a positions CSV row without an opened date and of the fetch of
 * imported prices. */
int store_import_path(struct store *s, const struct catalog *cat, const char *path,
                      int64_t now, struct import_result *res, char *err, size_t errlen);

#endif
