/* text.h — making outside text safe for a terminal. Pure. */
#ifndef STAKETOP_TEXT_H
#define STAKETOP_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Does s hold a control character (C0, DEL, C1) or invalid UTF-8? */
bool text_is_unsafe(const char *s);
/* Replace, in place, every control character and every byte of an invalid
 * UTF-8 sequence by '?'. The result is never longer. */
void text_sanitize(char *s);
/* Copy src into dst (size n) sanitized and truncated on a character
 * boundary. */
void text_copy_clean(char *dst, size_t n, const char *src);
/* Columns a valid UTF-8 string takes (each code point 1 column; enough for
 * our names and box characters). */
size_t text_width(const char *s);

#endif
