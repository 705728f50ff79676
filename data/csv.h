/* csv.h — reading RFC 4180 CSV: fields separated by commas, records by
 * LF or CRLF, fields in double quotes may hold commas, quotes ("") and line
 * breaks. Strict: a NUL byte, a quote inside an unquoted field, text after
 * a closing quote or an unterminated quote is an error naming the line.
 * Blank lines are skipped. No allocation is shared with the caller except
 * the rows, freed with csv_free. */
#ifndef STAKETOP_CSV_H
#define STAKETOP_CSV_H

#include <stddef.h>

#define CSV_MAX_FIELDS 64

struct csv_row {
	int line;             /* where the record starts, from 1 */
	size_t n;             /* fields */
	char **f;             /* NUL-terminated copies */
};

struct csv {
	struct csv_row *rows;
	size_t n;
};

/* Parse buf[0..len). 0, or -1 with "line 7: unterminated quote" in err. */
int csv_parse(const char *buf, size_t len, struct csv *out, char *err, size_t errlen);
void csv_free(struct csv *c);

#endif
