/* tables.h — the tables export and import carry, column by column, in the
 * order they are written and read back: positions (with the account's
 * name), unbondings, events, observations, snapshots, loans, watches,
 * watch_items, plans, alerts. Shared by data/export.c and data/import.c so
 * that a round trip loses nothing.
 *
 * A table's columns only ever grow at the end: a file written before a
 * column was added has a prefix of today's columns, and is read with the
 * missing ones NULL (data/import.h). Left out, as runtime state: meta,
 * feed_status, accounts (made from positions' account names) and
 * positions.version (the row version, moved by every write). */
#ifndef STAKETOP_TABLES_H
#define STAKETOP_TABLES_H

#include <stdbool.h>
#include <stddef.h>

enum col_type {
	COL_INT,       /* integer */
	COL_REAL,      /* finite double, written with 17 significant digits */
	COL_TEXT,      /* UTF-8 without control characters */
	COL_DEC,       /* exact decimal text (dec_parse), never negative */
	COL_DEC_SIGNED,/* exact decimal text, a leading '-' allowed (adjust events) */
	COL_RATIO,     /* an exact rate "num/den" (positions/ratio.h) */
	COL_JSON       /* a JSON document kept as text (a saved plan's parts);
	                * no string in it holds control characters */
};

struct col {
	const char *name;
	enum col_type type;
	bool required;   /* NOT NULL */
	size_t max;      /* text: at most this many bytes; 0 the default (4096) */
	bool empty_ok;   /* text: "" is a value of its own, kept (not NULL) */
};

struct table {
	const char *name;
	const char *select;  /* every row, the columns in order */
	const char *insert;  /* ?1 … ?n in the same order */
	const struct col *cols;
	size_t n_cols;
};

/* The most columns of any table. */
#define IO_MAX_COLS 16

extern const struct table io_tables[];
extern const size_t io_n_tables;

/* The table named name, or NULL. */
const struct table *io_table(const char *name);

#endif
