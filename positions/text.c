/* text.c — UTF-8 validation and control-character stripping. */
#include "positions/text.h"

#include <string.h>

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when invalid;
 * control characters (C0, DEL, C1) count as invalid. */
static size_t seq_len(const unsigned char *s)
{
	unsigned char c = s[0];
	if (c < 0x20 || c == 0x7f)
		return 0;
	if (c < 0x80)
		return 1;
	size_t n;
	unsigned cp;
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0x80 && cp <= 0x9f))
		return 0;
	return n;
}

bool text_is_unsafe(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t n = seq_len(p);
		if (!n)
			return true;
		p += n;
	}
	return false;
}

void text_sanitize(char *s)
{
	unsigned char *p = (unsigned char *)s;
	while (*p) {
		size_t n = seq_len(p);
		if (!n) {
			*p++ = '?';
			continue;
		}
		p += n;
	}
}

void text_copy_clean(char *dst, size_t n, const char *src)
{
	if (n == 0)
		return;
	size_t len = strlen(src);
	if (len >= n) {
		len = n - 1;
		/* do not cut a UTF-8 sequence in half */
		while (len > 0 && ((unsigned char)src[len] & 0xc0) == 0x80)
			len--;
	}
	memcpy(dst, src, len);
	dst[len] = 0;
	text_sanitize(dst);
}

size_t text_width(const char *s)
{
	size_t w = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p & 0xc0) != 0x80)
			w++;
	return w;
}
