/* import_rows.h — one row of an exported table (data/tables.h) checked and
 * written, for data/import.c (private to data/). Each value is checked
 * against its column: NOT NULL, whole numbers in range, finite numbers,
 * exact decimals, exact rates "num/den", text without control characters
 * or invalid UTF-8 and within the column's length, JSON documents whose
 * strings hold no control characters either. Then what the schema cannot
 * say:
 *
 *   positions    the account is made by name when new
 *   watches      the chain is one staketop reads; the address passes that
 *                chain's rules (positions/address.h) and is stored in its
 *                normalized form, as `staketop watch add` would
 *   watch_items  its watch, its position (one read from a chain) and its
 *                unbonding (one of that position) exist
 *   alerts       the kind is an alert kind; one open alert (not ended) per
 *                key
 *
 * The constraints the schema does say (UNIQUE, CHECK, foreign keys) are
 * SQLite's, reported with its message. */
#ifndef STAKETOP_IMPORT_ROWS_H
#define STAKETOP_IMPORT_ROWS_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#include "data/store.h"
#include "data/tables.h"

/* One value as read: JSON null or an absent key or CSV column (null), a
 * JSON number (is_num, num) or text (a JSON string or a CSV field; in a
 * CSV an empty field is no value). */
struct ival {
	bool null;
	bool is_num;
	double num;
	const char *text;
};

/* Insert one row of t, vals[0..t->n_cols), with st prepared from
 * t->insert. 0, or -1 with the reason in why ("quantity: not a plain
 * decimal", "position_id: no position 7"). */
int import_row(struct store *s, const struct table *t, sqlite3_stmt *st,
               const struct ival *vals, char *why, size_t whylen);

#endif
