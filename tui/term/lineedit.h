/* lineedit.h — a line being typed (search, filter, form fields): UTF-8,
 * edited at the end (lineedit.c). */
#ifndef STAKETOP_LINEEDIT_H
#define STAKETOP_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>

#define LINE_MAX_ 256
struct lineedit {
	char buf[LINE_MAX_];
	size_t len;
};
void lineedit_set(struct lineedit *l, const char *s);
/* Append the character of code point wc; false when it does not fit or is
 * a control character. */
bool lineedit_insert(struct lineedit *l, int wc);
void lineedit_erase(struct lineedit *l);   /* the last character */

#endif
