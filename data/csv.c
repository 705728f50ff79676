/* csv.c — a strict RFC 4180 reader. */
#include "data/csv.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buf {
	char *s;
	size_t n, cap;
};

static int put(struct buf *b, char c)
{
	if (b->n + 1 >= b->cap) {
		size_t nc = b->cap ? b->cap * 2 : 64;
		char *ns = realloc(b->s, nc);
		if (!ns)
			return -1;
		b->s = ns;
		b->cap = nc;
	}
	b->s[b->n++] = c;
	b->s[b->n] = 0;
	return 0;
}

void csv_free(struct csv *c)
{
	for (size_t i = 0; c->rows && i < c->n; i++) {
		for (size_t k = 0; k < c->rows[i].n; k++)
			free(c->rows[i].f[k]);
		free(c->rows[i].f);
	}
	free(c->rows);
	c->rows = NULL;
	c->n = 0;
}

/* Append the field in b to row r (b is handed over). */
static int end_field(struct csv_row *r, struct buf *b)
{
	char **nf;
	if (r->n == CSV_MAX_FIELDS)
		return -2;
	nf = realloc(r->f, (r->n + 1) * sizeof *nf);
	if (!nf)
		return -1;
	r->f = nf;
	if (!b->s && !(b->s = calloc(1, 1)))
		return -1;
	r->f[r->n++] = b->s;
	memset(b, 0, sizeof *b);
	return 0;
}

static int end_row(struct csv *c, struct csv_row *r)
{
	/* a blank line is one empty field: skip it */
	if (r->n == 1 && r->f[0][0] == 0) {
		free(r->f[0]);
		free(r->f);
	} else {
		struct csv_row *nr = realloc(c->rows, (c->n + 1) * sizeof *nr);
		if (!nr)
			return -1;
		c->rows = nr;
		c->rows[c->n++] = *r;
	}
	memset(r, 0, sizeof *r);
	return 0;
}

int csv_parse(const char *in, size_t len, struct csv *out, char *err, size_t errlen)
{
	struct csv_row row = { 0 };
	struct buf b = { 0 };
	int line = 1, rc;
	bool quoted = false, after_quote = false, any = false;
	const char *why = NULL;

	memset(out, 0, sizeof *out);
	row.line = 1;
	for (size_t i = 0; i < len; i++) {
		char c = in[i];
		if (c == 0) {
			why = "a NUL byte";
			goto fail;
		}
		if (quoted) {
			if (c == '"') {
				if (i + 1 < len && in[i + 1] == '"') {
					if (put(&b, '"') < 0)
						goto oom;
					i++;
				} else {
					quoted = false;
					after_quote = true;
				}
				continue;
			}
			if (c == '\n')
				line++;
			if (put(&b, c) < 0)
				goto oom;
			continue;
		}
		if (c == ',') {
			if ((rc = end_field(&row, &b)) < 0)
				goto field_fail;
			after_quote = false;
			any = true;
			continue;
		}
		if (c == '\r' && i + 1 < len && in[i + 1] == '\n')
			continue;
		if (c == '\n') {
			if ((rc = end_field(&row, &b)) < 0 || (rc = end_row(out, &row)) < 0)
				goto field_fail;
			line++;
			row.line = line;
			after_quote = false;
			any = false;
			continue;
		}
		if (after_quote) {
			why = "text after a closing quote";
			goto fail;
		}
		if (c == '"') {
			if (b.n > 0) {
				why = "a quote inside an unquoted field";
				goto fail;
			}
			quoted = true;
			any = true;
			continue;
		}
		if (put(&b, c) < 0)
			goto oom;
		any = true;
	}
	if (quoted) {
		line = row.line;
		why = "unterminated quote";
		goto fail;
	}
	if (any || b.n || row.n) {
		if ((rc = end_field(&row, &b)) < 0 || (rc = end_row(out, &row)) < 0)
			goto field_fail;
	}
	free(b.s);
	return 0;
field_fail:
	if (rc == -2) {
		why = "more than 64 fields";
		goto fail;
	}
oom:
	why = "out of memory";
fail:
	snprintf(err, errlen, "line %d: %s", line, why);
	free(b.s);
	for (size_t k = 0; k < row.n; k++)
		free(row.f[k]);
	free(row.f);
	csv_free(out);
	return -1;
}
