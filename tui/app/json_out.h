/* json_out.h — a streaming JSON writer for large outputs (report --json on
 * thousands of positions): values are appended to one growing buffer as
 * they are produced, with no tree and no per-value allocation. cJSON's
 * printer spends most of report's time formatting numbers through
 * sprintf/sscanf round trips and freeing its tree; this writer formats
 * rounded decimals with integer arithmetic. Strings are escaped per RFC
 * 8259. Keys are NULL inside arrays. */
#ifndef STAKETOP_JSON_OUT_H
#define STAKETOP_JSON_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_OUT_MAX_DEPTH 16

struct json_out {
	FILE *sink;                          /* flushed here as it fills; NULL: keep all */
	char *buf;
	size_t len, cap;
	bool failed;                         /* out of memory or misuse */
	int depth;
	bool has_item[JSON_OUT_MAX_DEPTH];   /* a comma is due at this depth */
};

/* sink may be NULL (the text stays in buf); with a sink the buffer is
 * written out whenever it passes JSON_OUT_CHUNK bytes, so memory stays
 * small however long the output. */
#define JSON_OUT_CHUNK (64 * 1024)
void json_out_init(struct json_out *j, FILE *sink);
void json_out_done(struct json_out *j);

void json_begin_object(struct json_out *j, const char *key);
void json_end_object(struct json_out *j);
void json_begin_array(struct json_out *j, const char *key);
void json_end_array(struct json_out *j);
void json_string(struct json_out *j, const char *key, const char *s);
void json_null(struct json_out *j, const char *key);
void json_bool(struct json_out *j, const char *key, bool b);
void json_int(struct json_out *j, const char *key, int64_t v);
/* v rounded to decimals (0..12) fraction digits, half away from zero,
 * trailing zeros dropped ("7200.5", "0.028", "-27.39"); null when not
 * finite. */
void json_decimal(struct json_out *j, const char *key, long double v, int decimals);

/* v as the shortest of "%.15g" and "%.17g" that reads back as v (an
 * integral value as an integer, as cJSON prints numbers); null when not
 * finite. */
void json_number(struct json_out *j, const char *key, double v);

/* Write what is left and a newline to the sink (or to f when there is no
 * sink); -1 when anything failed or the document is not closed. */
int json_out_write(struct json_out *j, FILE *f);

#endif
