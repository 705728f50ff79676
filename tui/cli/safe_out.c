/* safe_out.c — stdout and stderr through text_printable_buf. */
#define _GNU_SOURCE /* fopencookie */
#include "tui/cli/safe_out.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "positions/text.h"

struct sink {
	int fd;
	unsigned char carry[4]; /* the start of a character cut by a write */
	size_t ncarry;
};

static struct sink out_sink = { .fd = STDOUT_FILENO };
static struct sink err_sink = { .fd = STDERR_FILENO };

static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Escape src (after what the last write left cut) and write it; with more,
 * keep a cut character for the next call. */
static int pass(struct sink *s, const char *src, size_t len, bool more)
{
	char in[4 + 1024];
	char out[4 * sizeof in];
	while (len > 0 || s->ncarry > 0) {
		size_t take = len < 1024 ? len : 1024;
		memcpy(in, s->carry, s->ncarry);
		memcpy(in + s->ncarry, src, take);
		size_t n = s->ncarry + take, used;
		bool last = take == len;
		size_t o = text_printable_buf(out, in, n, &used, more || !last);
		s->ncarry = n - used;
		memcpy(s->carry, in + used, s->ncarry);
		if (write_all(s->fd, out, o) < 0)
			return -1;
		src += take;
		len -= take;
		if (last)
			break;
	}
	return 0;
}

static ssize_t sink_write(void *cookie, const char *buf, size_t size)
{
	if (pass(cookie, buf, size, true) < 0)
		return -1;
	return (ssize_t)size;
}

static int sink_close(void *cookie)
{
	return pass(cookie, "", 0, false);
}

static FILE *open_sink(struct sink *s, int mode)
{
	cookie_io_functions_t io = { .write = sink_write, .close = sink_close };
	FILE *f = fopencookie(s, "w", io);
	if (f)
		setvbuf(f, NULL, mode, BUFSIZ);
	return f;
}

int safe_out_install_stderr(void)
{
	FILE *e = open_sink(&err_sink, _IONBF);
	if (!e)
		return -1;
	stderr = e;
	return 0;
}

int safe_out_install(void)
{
	FILE *o = open_sink(&out_sink, isatty(STDOUT_FILENO) ? _IOLBF : _IOFBF);
	if (!o)
		return -1;
	stdout = o;
	return 0;
}
