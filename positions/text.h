/* text.h — making outside text safe for a terminal. Pure. */
#ifndef STAKETOP_TEXT_H
#define STAKETOP_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* The single path for outside text bound for a terminal (messages, tables,
 * exports): C0 controls other than newline, tab and the CR of a CRLF line
 * end (CSV; it moves nothing on a terminal) become "\x1b"-style
 * escapes; DEL, C1 controls and bytes of invalid UTF-8 become '?' (both
 * stay valid inside a JSON or CSV string). */
#define TEXT_PRINTABLE_MAX 16 /* >= 4 * the bytes of one character */
/* Copy src into dst (size n) printable, truncated on a character boundary. */
void text_printable(char *dst, size_t n, const char *src);
/* The same on len bytes that may hold NUL and may end inside a character:
 * dst needs 4 * len bytes; returns the bytes written (no NUL added) and
 * sets *used to the bytes of src consumed. With more, a character cut
 * short at the end is left unconsumed for the next call. */
size_t text_printable_buf(char *dst, const char *src, size_t len, size_t *used, bool more);

/* Does s hold a control character (C0, DEL, C1) or invalid UTF-8? */
bool text_is_unsafe(const char *s);
/* Replace, in place, every control character and every byte of an invalid
 * UTF-8 sequence by '?'. The result is never longer. */
void text_sanitize(char *s);
/* Copy src into dst (size n) sanitized and truncated on a character
 * boundary. */
void text_copy_clean(char *dst, size_t n, const char *src);
/* Remove, in place, the catalog's notes to its editors ("[verify]",
 * "[verify: delay and address]") and the spaces before them: screens show
 * a source without them (`staketop assets` keeps them). */
void text_drop_notes(char *s);
/* Columns a valid UTF-8 string takes (each code point 1 column; enough for
 * our names and box characters). */
size_t text_width(const char *s);

#endif
