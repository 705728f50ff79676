/* tables.h — the tables export and import carry, column by column, in the
 * order they are written and read back: positions (with the account's
 * name), events, unbondings, observations, snapshots, loans. Shared by
 * data/export.c and data/import.c so that a round trip loses nothing. */
#ifndef STAKETOP_TABLES_H
#define STAKETOP_TABLES_H

#include <stdbool.h>
#include <stddef.h>

enum col_type {
	COL_INT,       /* integer */
	COL_REAL,      /* finite double, written with 17 significant digits */
	COL_TEXT,      /* UTF-8 without control characters */
	COL_DEC,       /* exact decimal text (dec_parse), never negative */
	COL_DEC_SIGNED /* exact decimal text, a leading '-' allowed (adjust events) */
};

struct col {
	const char *name;
	enum col_type type;
	bool required;   /* NOT NULL */
};

struct table {
	const char *name;
	const char *select;  /* every row, the columns in order */
	const char *insert;  /* ?1 … ?n in the same order */
	const struct col *cols;
	size_t n_cols;
};

extern const struct table io_tables[];
extern const size_t io_n_tables;

/* The table named name, or NULL. */
const struct table *io_table(const char *name);

#endif
