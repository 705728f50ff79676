/* lineedit.c — a line of UTF-8 typed at its end (search, filter, forms). */
#include <string.h>

#include "tui/term/lineedit.h"

void lineedit_set(struct lineedit *l, const char *s)
{
	size_t n = strlen(s);
	if (n >= sizeof l->buf)
		n = sizeof l->buf - 1;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	memcpy(l->buf, s, n);
	l->buf[n] = 0;
	l->len = n;
}

bool lineedit_insert(struct lineedit *l, int wc)
{
	unsigned char b[4];
	size_t n;
	if (wc < 0x20 || wc == 0x7f || (wc >= 0x80 && wc < 0xa0) || wc > 0x10ffff ||
	    (wc >= 0xd800 && wc <= 0xdfff))
		return false;
	if (wc < 0x80) {
		b[0] = (unsigned char)wc;
		n = 1;
	} else if (wc < 0x800) {
		b[0] = (unsigned char)(0xc0 | (wc >> 6));
		b[1] = (unsigned char)(0x80 | (wc & 0x3f));
		n = 2;
	} else if (wc < 0x10000) {
		b[0] = (unsigned char)(0xe0 | (wc >> 12));
		b[1] = (unsigned char)(0x80 | ((wc >> 6) & 0x3f));
		b[2] = (unsigned char)(0x80 | (wc & 0x3f));
		n = 3;
	} else {
		b[0] = (unsigned char)(0xf0 | (wc >> 18));
		b[1] = (unsigned char)(0x80 | ((wc >> 12) & 0x3f));
		b[2] = (unsigned char)(0x80 | ((wc >> 6) & 0x3f));
		b[3] = (unsigned char)(0x80 | (wc & 0x3f));
		n = 4;
	}
	if (l->len + n >= sizeof l->buf)
		return false;
	memcpy(l->buf + l->len, b, n);
	l->len += n;
	l->buf[l->len] = 0;
	return true;
}

void lineedit_erase(struct lineedit *l)
{
	while (l->len > 0) {
		unsigned char c = (unsigned char)l->buf[--l->len];
		if ((c & 0xc0) != 0x80)
			break;
	}
	l->buf[l->len] = 0;
}
