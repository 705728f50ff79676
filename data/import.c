/* import.c — exports, table CSVs, positions CSVs and prices CSVs in. */
#include "data/import.h"

#include <cjson/cJSON.h>
#include <unistd.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "data/csv.h"
#include "data/events_db.h"
#include "data/import_rows.h"
#include "data/observations_db.h"
#include "data/positions_db.h"
#include "data/store_priv.h"
#include "data/tables.h"
#include "positions/text.h"
#include "positions/timeutil.h"

#define MAX_FILE (256u << 20)

/* --- reading a file ----------------------------------------------------------- */

static int slurp(const char *path, char **out, size_t *len, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	struct stat sb;
	char *buf;
	*out = NULL;
	if (!f)
		return store_fail(err, errlen, "%s: %s", path, strerror(errno));
	if (fstat(fileno(f), &sb) < 0 || !S_ISREG(sb.st_mode) || (size_t)sb.st_size > MAX_FILE) {
		fclose(f);
		return store_fail(err, errlen, "%s: not a regular file of at most 256 MiB", path);
	}
	buf = malloc((size_t)sb.st_size + 1);
	if (!buf) {
		fclose(f);
		return store_fail(err, errlen, "out of memory");
	}
	*len = fread(buf, 1, (size_t)sb.st_size, f);
	if (ferror(f)) {
		fclose(f);
		free(buf);
		return store_fail(err, errlen, "%s: %s", path, strerror(errno));
	}
	fclose(f);
	buf[*len] = 0;
	*out = buf;
	return 0;
}

/* --- JSON exports ------------------------------------------------------------------ */

/* Is every key of the export's object a table we know (or "format",
 * "version")? A table from a newer staketop is refused, not dropped. */
static int known_tables(const cJSON *root, const char *path, char *err, size_t errlen)
{
	const cJSON *k;
	cJSON_ArrayForEach(k, root) {
		if (strcmp(k->string, "format") == 0 || strcmp(k->string, "version") == 0 ||
		    io_table(k->string))
			continue;
		char shown[40];
		text_copy_clean(shown, sizeof shown, k->string);
		return store_fail(err, errlen, "%s: \"%s\": not a table staketop knows", path, shown);
	}
	return 0;
}

/* One JSON row of t into vals: a key absent or null is no value (a file
 * written before the column was added has no key for it). */
static int json_row(const cJSON *row, const struct table *t, struct ival *vals, char *why,
                    size_t whylen)
{
	const cJSON *v;
	cJSON_ArrayForEach(v, row) {
		size_t c = 0;
		while (c < t->n_cols && strcmp(t->cols[c].name, v->string) != 0)
			c++;
		if (c == t->n_cols) {
			char shown[40];
			text_copy_clean(shown, sizeof shown, v->string);
			snprintf(why, whylen, "\"%s\": not a column of %s", shown, t->name);
			return -1;
		}
	}
	for (size_t c = 0; c < t->n_cols; c++) {
		v = cJSON_GetObjectItemCaseSensitive(row, t->cols[c].name);
		if (v && !cJSON_IsNull(v) && !cJSON_IsNumber(v) && !cJSON_IsString(v)) {
			snprintf(why, whylen, "%s: expected a number or a string", t->cols[c].name);
			return -1;
		}
		vals[c] = (struct ival){ .null = !v || cJSON_IsNull(v), .is_num = cJSON_IsNumber(v),
			                 .num = cJSON_IsNumber(v) ? v->valuedouble : 0,
			                 .text = cJSON_IsString(v) ? v->valuestring : NULL };
	}
	return 0;
}

static int import_json(struct store *s, const char *path, const char *buf,
                       struct import_result *res, char *err, size_t errlen)
{
	cJSON *root = cJSON_Parse(buf);
	int rc = -1;
	char why[320];
	if (!root || !cJSON_IsObject(root)) {
		cJSON_Delete(root);
		return store_fail(err, errlen, "%s: not a JSON object", path);
	}
	const cJSON *fmt = cJSON_GetObjectItemCaseSensitive(root, "format");
	if (!cJSON_IsString(fmt) || strcmp(fmt->valuestring, "staketop-export") != 0) {
		store_fail(err, errlen, "%s: not a staketop export (no \"format\": \"staketop-export\")",
		           path);
		goto out;
	}
	if (known_tables(root, path, err, errlen) < 0)
		goto out;
	snprintf(res->what, sizeof res->what, "export");
	/* in io_tables' order, whatever the file's: what is referred to first;
	 * a table the file does not have (an older export) is left empty */
	for (size_t ti = 0; ti < io_n_tables; ti++) {
		const struct table *t = &io_tables[ti];
		const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, t->name);
		if (!arr)
			continue;
		if (!cJSON_IsArray(arr)) {
			store_fail(err, errlen, "%s: %s: expected an array", path, t->name);
			goto out;
		}
		sqlite3_stmt *st = NULL;
		if (sqlite3_prepare_v2(store_handle(s), t->insert, -1, &st, NULL) != SQLITE_OK) {
			store_fail_db(s, err, errlen, t->name);
			goto out;
		}
		int idx = 0;
		const cJSON *row;
		cJSON_ArrayForEach(row, arr) {
			struct ival vals[IO_MAX_COLS];
			if (!cJSON_IsObject(row)) {
				snprintf(why, sizeof why, "expected an object");
			} else if (json_row(row, t, vals, why, sizeof why) == 0 &&
			           import_row(s, t, st, vals, why, sizeof why) == 0) {
				idx++;
				res->rows++;
				continue;
			}
			store_fail(err, errlen, "%s: %s[%d]: %s", path, t->name, idx, why);
			sqlite3_finalize(st);
			goto out;
		}
		sqlite3_finalize(st);
	}
	rc = 0;
out:
	cJSON_Delete(root);
	return rc;
}

/* --- CSV ----------------------------------------------------------------------------- */

/* Column index of name in the header, -1 when absent. */
static int col_of(const struct csv_row *h, const char *name)
{
	for (size_t i = 0; i < h->n; i++)
		if (strcmp(h->f[i], name) == 0)
			return (int)i;
	return -1;
}

/* Is the header t's first h->n columns (all of them, or a file written
 * before the later ones were added)? */
static bool header_of(const struct csv_row *h, const struct table *t)
{
	if (h->n == 0 || h->n > t->n_cols)
		return false;
	for (size_t k = 0; k < h->n; k++)
		if (strcmp(h->f[k], t->cols[k].name) != 0)
			return false;
	return true;
}

/* The first required column of t the header does not have, or NULL. */
static const struct col *required_missing(const struct csv_row *h, const struct table *t)
{
	for (size_t k = h->n; k < t->n_cols; k++)
		if (t->cols[k].required)
			return &t->cols[k];
	return NULL;
}

/* Rows of table t whose header h is its first h->n columns: the rest are
 * NULL (none of them is required: import_csv checked). */
static int import_table_csv(struct store *s, const char *path, const struct table *t,
                            const struct csv *c, struct import_result *res, char *err,
                            size_t errlen)
{
	sqlite3_stmt *st = NULL;
	char why[320];
	int rc = -1;
	const size_t have = c->rows[0].n;
	if (sqlite3_prepare_v2(store_handle(s), t->insert, -1, &st, NULL) != SQLITE_OK)
		return store_fail_db(s, err, errlen, t->name);
	for (size_t r = 1; r < c->n; r++) {
		const struct csv_row *row = &c->rows[r];
		struct ival vals[IO_MAX_COLS];
		if (row->n != have) {
			store_fail(err, errlen, "%s:%d: %zu fields, the header has %zu", path, row->line,
			           row->n, have);
			goto out;
		}
		for (size_t k = 0; k < t->n_cols; k++)
			vals[k] = k < have ? (struct ival){ .null = false, .text = row->f[k] }
			                   : (struct ival){ .null = true };
		if (import_row(s, t, st, vals, why, sizeof why) < 0) {
			store_fail(err, errlen, "%s:%d: %s", path, row->line, why);
			goto out;
		}
		res->rows++;
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	return rc;
}

static int bad_text(const char *s, size_t max)
{
	return strlen(s) >= max || text_is_unsafe(s);
}

static int import_positions_csv(struct store *s, const struct catalog *cat, const char *path,
                                const struct csv *c, int64_t now, struct import_result *res,
                                char *err, size_t errlen)
{
	static const char *const known[] = { "asset", "amount", "account", "kind", "opened",
		                             "cost_basis", "note" };
	const struct csv_row *h = &c->rows[0];
	int ci[7];
	char e[200];
	for (size_t k = 0; k < h->n; k++) {
		bool ok = false;
		for (size_t j = 0; j < 7; j++)
			ok = ok || strcmp(h->f[k], known[j]) == 0;
		for (size_t j = 0; j < k; j++)
			if (strcmp(h->f[j], h->f[k]) == 0)
				ok = false;
		if (!ok) {
			text_copy_clean(e, 40, h->f[k]);
			return store_fail(err, errlen, "%s:%d: unknown or repeated column '%s' (a positions"
			                  " CSV has asset, amount, account, kind, opened, cost_basis, note)",
			                  path, h->line, e);
		}
	}
	for (size_t j = 0; j < 7; j++)
		ci[j] = col_of(h, known[j]);
	snprintf(res->what, sizeof res->what, "positions");
	for (size_t r = 1; r < c->n; r++) {
		const struct csv_row *row = &c->rows[r];
		const int line = row->line;
		const char *f[7];
		if (row->n != h->n)
			return store_fail(err, errlen, "%s:%d: %zu fields, the header has %zu", path, line,
			                  row->n, h->n);
		for (size_t j = 0; j < 7; j++)
			f[j] = ci[j] >= 0 ? row->f[ci[j]] : "";
		struct position p;
		memset(&p, 0, sizeof p);
		const struct asset *a = catalog_find(cat, f[0]);
		if (!a) {
			text_copy_clean(e, 32, f[0]);
			return store_fail(err, errlen, "%s:%d: no asset '%s' in the catalog", path, line, e);
		}
		snprintf(p.asset, sizeof p.asset, "%s", a->symbol);
		if (dec_parse(f[1], a->decimals, &p.quantity, e, sizeof e) < 0) {
			text_sanitize(e);
			return store_fail(err, errlen, "%s:%d: amount: %s", path, line, e);
		}
		if (dec_is_zero(p.quantity))
			return store_fail(err, errlen, "%s:%d: amount: must be more than 0", path, line);
		if (bad_text(f[2], ACCOUNT_MAX) || bad_text(f[6], POS_NOTE_MAX))
			return store_fail(err, errlen, "%s:%d: account or note: control characters, invalid"
			                  " UTF-8 or too long", path, line);
		snprintf(p.account, sizeof p.account, "%s", f[2][0] ? f[2] : "default");
		snprintf(p.note, sizeof p.note, "%s", f[6]);
		if (f[3][0]) {
			if (strcmp(f[3], "idle") == 0)
				p.idle = true;
			else if (strcmp(f[3], asset_kind_name(a->kind)) != 0) {
				text_copy_clean(e, 24, f[3]);
				return store_fail(err, errlen, "%s:%d: kind '%s' is not %s's (%s, or idle)", path,
				                  line, e, a->symbol, asset_kind_name(a->kind));
			}
		}
		int64_t at = now;
		if (f[4][0]) {
			if (date_parse(f[4], &at, e, sizeof e) < 0 || at > now)
				return store_fail(err, errlen, "%s:%d: opened: expected a past date YYYY-MM-DD",
				                  path, line);
			snprintf(p.opened, sizeof p.opened, "%s", f[4]);
		}
		if (f[5][0]) {
			if (dec_parse(f[5], 18, &p.cost_basis, e, sizeof e) < 0) {
				text_sanitize(e);
				return store_fail(err, errlen, "%s:%d: cost_basis: %s", path, line, e);
			}
			p.has_cost_basis = true;
		}
		if (a->model == MODEL_REBASING && a->share_rate_from[0]) {
			struct observation o;
			dec_t rate;
			int got = store_observation_at(s, a->share_rate_from, OBS_RATE, now, &o, err, errlen);
			if (got < 0)
				return -1;
			if (got == 0 && dec_from_double(o.value, &rate) == 0 && !dec_is_zero(rate) &&
			    dec_div(p.quantity, rate, &p.shares) == 0)
				p.has_shares = true;
		}
		p.created_at = now;
		char e2[256];
		if (store_position_add(s, &p, e2, sizeof e2) < 0)
			return store_fail(err, errlen, "%s:%d: %s", path, line, e2);
		struct event ev = { .position_id = p.id, .type = EVENT_STAKE, .has_amount = true,
			            .amount = p.quantity, .ts = at };
		snprintf(ev.note, sizeof ev.note, "imported");
		if (store_event_add(s, &ev, e2, sizeof e2) < 0)
			return store_fail(err, errlen, "%s:%d: %s", path, line, e2);
		res->rows++;
	}
	return 0;
}

static int import_prices_csv(struct store *s, const struct catalog *cat, const char *path,
                             const struct csv *c, int64_t now, struct import_result *res,
                             char *err, size_t errlen)
{
	const struct csv_row *h = &c->rows[0];
	int di = col_of(h, "date"), ai = col_of(h, "asset"), pi = col_of(h, "price"),
	    si = col_of(h, "source");
	char e[200];
	if ((size_t)(3 + (si >= 0)) != h->n)
		return store_fail(err, errlen, "%s:%d: a prices CSV has the columns date, asset, price"
		                  " and optionally source", path, h->line);
	snprintf(res->what, sizeof res->what, "prices");
	struct obs_list l = { 0 };
	int rc = -1;
	for (size_t r = 1; r < c->n; r++) {
		const struct csv_row *row = &c->rows[r];
		const int line = row->line;
		struct observation o;
		memset(&o, 0, sizeof o);
		if (row->n != h->n) {
			store_fail(err, errlen, "%s:%d: %zu fields, the header has %zu", path, line, row->n,
			           h->n);
			goto out;
		}
		const struct asset *a = catalog_find(cat, row->f[ai]);
		if (!a) {
			text_copy_clean(e, 32, row->f[ai]);
			store_fail(err, errlen, "%s:%d: no asset '%s' in the catalog", path, line, e);
			goto out;
		}
		snprintf(o.asset, sizeof o.asset, "%s", a->symbol);
		o.kind = OBS_PRICE;
		const char *d = row->f[di];
		if ((strlen(d) == 10 ? date_parse(d, &o.ts, e, sizeof e)
		                     : time_parse_iso(d, &o.ts, e, sizeof e)) < 0 || o.ts > now) {
			store_fail(err, errlen, "%s:%d: date: expected a past YYYY-MM-DD or ISO-8601 time",
			           path, line);
			goto out;
		}
		char *end;
		errno = 0;
		o.value = strtod(row->f[pi], &end);
		const char *vwhy = errno || end == row->f[pi] || *end || row->f[pi][0] == ' '
		                           ? "not a number" : obs_value_check(OBS_PRICE, o.value);
		if (vwhy) {
			store_fail(err, errlen, "%s:%d: price: %s", path, line, vwhy);
			goto out;
		}
		const char *src = si >= 0 && row->f[si][0] ? row->f[si] : "import";
		if (bad_text(src, SOURCE_MAX)) {
			store_fail(err, errlen, "%s:%d: source: control characters, invalid UTF-8 or longer"
			           " than %d bytes", path, line, SOURCE_MAX - 1);
			goto out;
		}
		snprintf(o.source, sizeof o.source, "%s", src);
		if (obs_list_push(&l, &o) < 0) {
			store_fail(err, errlen, "out of memory");
			goto out;
		}
	}
	if (l.n && store_observations_add(s, l.v, l.n, now, err, errlen) < 0)
		goto out;
	res->rows += l.n;
	rc = 0;
out:
	obs_list_free(&l);
	return rc;
}

/* A CSV file: an exported table (header = its columns), positions or prices. */
static int import_csv(struct store *s, const struct catalog *cat, const char *path,
                      const char *buf, size_t len, const struct table *expect, int64_t now,
                      struct import_result *res, char *err, size_t errlen)
{
	struct csv c;
	char e[160];
	int rc = -1;
	if (csv_parse(buf, len, &c, e, sizeof e) < 0) /* "line 7: why" → "FILE:7: why" */
		return store_fail(err, errlen, "%s:%s", path, strncmp(e, "line ", 5) ? e : e + 5);
	if (c.n == 0) {
		csv_free(&c);
		return store_fail(err, errlen, "%s: empty", path);
	}
	const struct csv_row *h = &c.rows[0];
	const struct table *older = NULL;  /* a header of t's first columns, short of a required one */
	for (size_t ti = 0; ti < io_n_tables; ti++) {
		const struct table *t = &io_tables[ti];
		if ((expect && expect != t) || !header_of(h, t))
			continue;
		if (!required_missing(h, t)) {
			snprintf(res->what, sizeof res->what, "tables");
			rc = import_table_csv(s, path, t, &c, res, err, errlen);
			goto out;
		}
		if (!older)
			older = t;
	}
	if (older)
		store_fail(err, errlen, "%s:%d: the %s table's column %s is required, and the header"
		           " ends before it (after %s)", path, h->line, older->name,
		           required_missing(h, older)->name, h->f[h->n - 1]);
	else if (expect)
		store_fail(err, errlen, "%s:%d: not the columns of the %s table (%s, … in that order;"
		           " an older export may stop early)", path, h->line, expect->name,
		           expect->cols[0].name);
	else if (col_of(h, "price") >= 0 && col_of(h, "date") >= 0)
		rc = import_prices_csv(s, cat, path, &c, now, res, err, errlen);
	else if (col_of(h, "asset") >= 0 && col_of(h, "amount") >= 0)
		rc = import_positions_csv(s, cat, path, &c, now, res, err, errlen);
	else
		store_fail(err, errlen, "%s:%d: not an export, a positions CSV (asset, amount, …) nor a"
		           " prices CSV (date, asset, price[, source])", path, h->line);
out:
	csv_free(&c);
	return rc;
}

static int import_file(struct store *s, const struct catalog *cat, const char *path,
                       const struct table *expect, int64_t now, struct import_result *res,
                       char *err, size_t errlen)
{
	char *buf;
	size_t len = 0;
	if (slurp(path, &buf, &len, err, errlen) < 0)
		return -1;
	size_t i = 0;
	while (i < len && (buf[i] == ' ' || buf[i] == '\n' || buf[i] == '\r' || buf[i] == '\t'))
		i++;
	int rc = (!expect && i < len && buf[i] == '{')
	                 ? import_json(s, path, buf, res, err, errlen)
	                 : import_csv(s, cat, path, buf, len, expect, now, res, err, errlen);
	free(buf);
	return rc;
}

int store_import_path(struct store *s, const struct catalog *cat, const char *path,
                      int64_t now, struct import_result *res, char *err, size_t errlen)
{
	struct stat sb;
	char e2[128];
	int rc = -1;
	memset(res, 0, sizeof *res);
	if (stat(path, &sb) < 0)
		return store_fail(err, errlen, "%s: %s", path, strerror(errno));
	if (store_begin(s, err, errlen) < 0)
		return -1;
	if (S_ISDIR(sb.st_mode)) {
		size_t found = 0;
		snprintf(res->what, sizeof res->what, "tables");
		for (size_t ti = 0; ti < io_n_tables; ti++) {
			char f[4096];
			if ((size_t)snprintf(f, sizeof f, "%s/%s.csv", path, io_tables[ti].name) >= sizeof f) {
				store_fail(err, errlen, "%s: path too long", path);
				goto out;
			}
			if (access(f, F_OK) != 0)
				continue;
			found++;
			if (import_file(s, cat, f, &io_tables[ti], now, res, err, errlen) < 0)
				goto out;
		}
		if (!found) {
			store_fail(err, errlen, "%s: no table's CSV in it (positions.csv, events.csv, …)",
			           path);
			goto out;
		}
	} else if (import_file(s, cat, path, NULL, now, res, err, errlen) < 0) {
		goto out;
	}
	rc = store_commit(s, err, errlen);
out:
	if (rc)
		store_rollback(s, e2, sizeof e2);
	return rc;
}
