/* text.c — UTF-8 validation, control-character stripping and escaping. */
#include "positions/text.h"

#include <stdbool.h>
#include <string.h>

/* The one classifier every path below shares. Length of the valid UTF-8
 * sequence at s (1..4) within avail bytes, or 0 when invalid; control
 * characters (C0, DEL, C1) count as invalid. When the bytes so far are a
 * valid start cut short by avail, returns 0 and sets *cut. */
static size_t seq_len_n(const unsigned char *s, size_t avail, bool *cut)
{
	unsigned char c = s[0];
	*cut = false;
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
		if (i >= avail) {
			*cut = true;
			return 0;
		}
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0x80 && cp <= 0x9f))
		return 0;
	return n;
}

static size_t seq_len(const unsigned char *s)
{
	bool cut;
	size_t avail = 0;
	while (avail < 4 && s[avail])
		avail++;
	/* a NUL ends the string, so a cut sequence is invalid here */
	return seq_len_n(s, avail, &cut);
}

size_t text_printable_buf(char *dst, const char *src, size_t len, size_t *used, bool more)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)src;
	size_t i = 0, o = 0;
	while (i < len) {
		bool cut;
		size_t n = seq_len_n(p + i, len - i, &cut);
		if (n) {
			memcpy(dst + o, p + i, n);
			o += n;
			i += n;
			continue;
		}
		if (cut && more)
			break; /* the rest of this character comes with the next write */
		unsigned char c = p[i];
		if (c == '\r' && i + 1 == len && more)
			break; /* a line end "\r\n" may be cut between two writes */
		if (c == '\n' || c == '\t' || (c == '\r' && i + 1 < len && p[i + 1] == '\n')) {
			dst[o++] = (char)c;
		} else if (c < 0x20) {
			dst[o++] = '\\';
			dst[o++] = 'x';
			dst[o++] = hex[c >> 4];
			dst[o++] = hex[c & 15];
		} else {
			/* DEL, a C1 control, a byte of invalid UTF-8 */
			bool c1 = c == 0xc2 && i + 1 < len && p[i + 1] >= 0x80 && p[i + 1] <= 0x9f;
			dst[o++] = '?';
			if (c1)
				i++;
		}
		i++;
	}
	*used = i;
	return o;
}

void text_printable(char *dst, size_t n, const char *src)
{
	if (n == 0)
		return;
	size_t o = 0;
	const char *p = src;
	while (*p) {
		char piece[TEXT_PRINTABLE_MAX];
		size_t used;
		/* one character (or one escaped byte) at a time, so the copy stops
		 * on a boundary when dst is full */
		size_t want = 1;
		while (want < 4 && p[want] && ((unsigned char)p[want] & 0xc0) == 0x80)
			want++;
		if (p[0] == '\r' && p[1] == '\n')
			want = 2; /* a CRLF line end stays whole */
		size_t k = text_printable_buf(piece, p, want, &used, false);
		if (used == 0)
			used = 1;
		if (o + k >= n)
			break;
		memcpy(dst + o, piece, k);
		o += k;
		p += used;
	}
	dst[o] = 0;
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

void text_drop_notes(char *s)
{
	char *p;
	while ((p = strstr(s, "[verify")) != NULL) {
		char *end = strchr(p, ']');
		end = end ? end + 1 : p + strlen(p);
		while (p > s && p[-1] == ' ')
			p--;
		memmove(p, end, strlen(end) + 1);
	}
}
