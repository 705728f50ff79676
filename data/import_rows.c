/* import_rows.c — one row of an exported table checked and written
 * (import_rows.h). */
#include "data/import_rows.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/store_priv.h"
#include "positions/address.h"
#include "positions/alerts.h"
#include "positions/decimal.h"
#include "positions/position.h"
#include "positions/ratio.h"
#include "positions/text.h"

#define MAX_TEXT 4096

/* --- one value ----------------------------------------------------------------------- */

static int bound(int rc, const struct col *col, char *why, size_t whylen)
{
	if (rc == SQLITE_OK)
		return 0;
	snprintf(why, whylen, "%s: %s", col->name, sqlite3_errstr(rc));
	return -1;
}

static int check_text(const struct col *col, const char *t, char *why, size_t whylen)
{
	size_t max = col->max ? col->max : MAX_TEXT;
	if (strlen(t) > max) {
		snprintf(why, whylen, "%s: longer than %zu bytes", col->name, max);
		return -1;
	}
	if (text_is_unsafe(t)) {
		snprintf(why, whylen, "%s: control characters or invalid UTF-8", col->name);
		return -1;
	}
	return 0;
}

/* Does any string (or key) in j hold control characters or invalid UTF-8? */
static bool json_unsafe(const cJSON *j)
{
	for (; j; j = j->next) {
		if ((j->string && text_is_unsafe(j->string)) ||
		    (cJSON_IsString(j) && text_is_unsafe(j->valuestring)) || json_unsafe(j->child))
			return true;
	}
	return false;
}

static int check_json(const struct col *col, const char *t, char *why, size_t whylen)
{
	cJSON *j = cJSON_Parse(t);
	const char *bad = !j || !(cJSON_IsObject(j) || cJSON_IsArray(j))
	                          ? "not a JSON object or array"
	                  : json_unsafe(j) ? "a string in it holds control characters or invalid UTF-8"
	                                   : NULL;
	cJSON_Delete(j);
	if (bad)
		snprintf(why, whylen, "%s: %s", col->name, bad);
	return bad ? -1 : 0;
}

static int bind_int(sqlite3_stmt *st, int i, const struct col *col, const struct ival *v,
                    char *why, size_t whylen)
{
	long long x;
	if (v->is_num) {
		if (!(fabs(v->num) < 9007199254740992.0) || v->num != floor(v->num)) {
			snprintf(why, whylen, "%s: not a whole number in range", col->name);
			return -1;
		}
		x = (long long)v->num;
	} else {
		char *end;
		errno = 0;
		x = strtoll(v->text, &end, 10);
		if (errno || end == v->text || *end || v->text[0] == '+' || v->text[0] == ' ') {
			snprintf(why, whylen, "%s: not a whole number in range", col->name);
			return -1;
		}
	}
	return bound(sqlite3_bind_int64(st, i, x), col, why, whylen);
}

static int bind_real(sqlite3_stmt *st, int i, const struct col *col, const struct ival *v,
                     char *why, size_t whylen)
{
	double x = v->num;
	if (!v->is_num) {
		char *end;
		errno = 0;
		x = strtod(v->text, &end);
		if (errno || end == v->text || *end || v->text[0] == ' ') {
			snprintf(why, whylen, "%s: not a number", col->name);
			return -1;
		}
	}
	if (!isfinite(x)) {
		snprintf(why, whylen, "%s: not a finite number", col->name);
		return -1;
	}
	return bound(sqlite3_bind_double(st, i, x), col, why, whylen);
}

static int bind_dec(sqlite3_stmt *st, int i, const struct col *col, const char *t, char *why,
                    size_t whylen)
{
	char e[160];
	dec_t d;
	bool neg = col->type == COL_DEC_SIGNED && t[0] == '-';
	if (dec_parse(neg ? t + 1 : t, DEC_FRAC_DIGITS, &d, e, sizeof e) < 0) {
		text_sanitize(e);
		snprintf(why, whylen, "%s: %s", col->name, e);
		return -1;
	}
	char canon[DEC_STR_MAX + 1];
	canon[0] = '-';
	dec_format(d, canon + neg, sizeof canon - 1);
	return bound(sqlite3_bind_text(st, i, canon, -1, SQLITE_TRANSIENT), col, why, whylen);
}

/* Check v for col and bind it to ?i. 0, or -1 with the reason in why. */
static int bind_val(sqlite3_stmt *st, int i, const struct col *col, const struct ival *v,
                    char *why, size_t whylen)
{
	bool empty = !v->null && !v->is_num && v->text && !v->text[0];
	if (v->null || (empty && !col->empty_ok)) {
		if (col->required) {
			snprintf(why, whylen, "%s: missing, and the column is required", col->name);
			return -1;
		}
		return bound(sqlite3_bind_null(st, i), col, why, whylen);
	}
	if (!v->is_num && !v->text) {
		snprintf(why, whylen, "%s: expected a value", col->name);
		return -1;
	}
	if (v->is_num && col->type != COL_INT && col->type != COL_REAL) {
		snprintf(why, whylen, "%s: expected text%s", col->name,
		         col->type == COL_DEC || col->type == COL_DEC_SIGNED
		                 ? " (an exact quantity is a string)" : "");
		return -1;
	}
	switch (col->type) {
	case COL_INT:
		return bind_int(st, i, col, v, why, whylen);
	case COL_REAL:
		return bind_real(st, i, col, v, why, whylen);
	case COL_DEC:
	case COL_DEC_SIGNED:
		return bind_dec(st, i, col, v->text, why, whylen);
	case COL_RATIO: {
		struct ratio r;
		if (strlen(v->text) >= RATIO_STR_MAX || ratio_parse(v->text, &r) < 0) {
			snprintf(why, whylen, "%s: not an exact rate num/den (whole numbers above 0)",
			         col->name);
			return -1;
		}
		break;
	}
	case COL_JSON:
		if (check_text(col, v->text, why, whylen) < 0 ||
		    check_json(col, v->text, why, whylen) < 0)
			return -1;
		break;
	case COL_TEXT:
	default:
		if (check_text(col, v->text, why, whylen) < 0)
			return -1;
		break;
	}
	return bound(sqlite3_bind_text(st, i, v->text, -1, SQLITE_TRANSIENT), col, why, whylen);
}

/* --- what the schema cannot say ---------------------------------------------------------- */

/* A column's whole number, after bind_val took it; false when NULL. */
static bool ival_int(const struct ival *v, long long *x)
{
	if (v->null || (!v->is_num && (!v->text || !v->text[0])))
		return false;
	*x = v->is_num ? (long long)v->num : strtoll(v->text, NULL, 10);
	return true;
}

/* The first row of sql with ?1 = id (or text when id is NULL): 1 with
 * its first column as text in out, 0 no row, -1 with why. */
static int lookup(struct store *s, const char *sql, const long long *id, const char *text,
                  char *out, size_t outlen, char *why, size_t whylen)
{
	sqlite3_stmt *st = NULL;
	int rc = -1;
	if (sqlite3_prepare_v2(store_handle(s), sql, -1, &st, NULL) == SQLITE_OK &&
	    (id ? sqlite3_bind_int64(st, 1, *id)
	        : sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC)) == SQLITE_OK) {
		int step = sqlite3_step(st);
		if (step == SQLITE_ROW) {
			store_column_text_cut(st, 0, out, outlen);
			rc = 1;
		} else if (step == SQLITE_DONE) {
			rc = 0;
		}
	}
	if (rc < 0)
		snprintf(why, whylen, "%s", sqlite3_errmsg(store_handle(s)));
	sqlite3_finalize(st);
	return rc;
}

/* The account named by a positions row, made when new. */
static int make_account(struct store *s, const struct ival *v, char *why, size_t whylen)
{
	if (v->null || v->is_num || !v->text || !v->text[0])
		return 0; /* missing: bind_val says so */
	if (strlen(v->text) >= ACCOUNT_MAX || text_is_unsafe(v->text)) {
		snprintf(why, whylen, "account: control characters, invalid UTF-8 or too long");
		return -1;
	}
	sqlite3_stmt *a = NULL;
	int ok = sqlite3_prepare_v2(store_handle(s),
	                            "INSERT INTO accounts(name) VALUES(?1) ON CONFLICT DO NOTHING",
	                            -1, &a, NULL) == SQLITE_OK &&
	         sqlite3_bind_text(a, 1, v->text, -1, SQLITE_STATIC) == SQLITE_OK &&
	         sqlite3_step(a) == SQLITE_DONE;
	sqlite3_finalize(a);
	if (!ok) {
		snprintf(why, whylen, "account: %s", sqlite3_errmsg(store_handle(s)));
		return -1;
	}
	return 0;
}

/* watches: chain, address (normalized, bound again to ?3). */
static int check_watch(sqlite3_stmt *st, const struct ival *v, char *why, size_t whylen)
{
	enum watch_chain c;
	char norm[WATCH_ADDR_MAX], e[200];
	if (watch_chain_parse(v[1].text, &c) < 0) {
		char shown[20], names[80] = "";
		text_copy_clean(shown, sizeof shown, v[1].text);
		for (int k = 0; k < WCHAIN_COUNT; k++)
			snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s",
			         k ? k + 1 == WCHAIN_COUNT ? " or " : ", " : "",
			         watch_chain_name((enum watch_chain)k));
		snprintf(why, whylen, "chain: '%s' is not %s", shown, names);
		return -1;
	}
	if (address_check(c, v[2].text, norm, e, sizeof e) < 0) {
		text_sanitize(e);
		snprintf(why, whylen, "address (%s): %s", watch_chain_name(c), e);
		return -1;
	}
	if (sqlite3_bind_text(st, 3, norm, -1, SQLITE_TRANSIENT) != SQLITE_OK) {
		snprintf(why, whylen, "address: out of memory");
		return -1;
	}
	return 0;
}

/* watch_items: the watch, a chain position, an unbonding of it. */
static int check_watch_item(struct store *s, const struct ival *v, char *why, size_t whylen)
{
	long long watch = 0, pos = 0, unb = 0;
	char got[32];
	int f;
	ival_int(&v[0], &watch);
	ival_int(&v[2], &pos);
	f = lookup(s, "SELECT id FROM watches WHERE id = ?1", &watch, NULL, got, sizeof got, why,
	           whylen);
	if (f == 0)
		snprintf(why, whylen, "watch_id: no watch %lld", watch);
	if (f <= 0)
		return -1;
	f = lookup(s, "SELECT origin FROM positions WHERE id = ?1", &pos, NULL, got, sizeof got, why,
	           whylen);
	if (f == 0)
		snprintf(why, whylen, "position_id: no position %lld", pos);
	if (f <= 0)
		return -1;
	if (strcmp(got, "chain") != 0) {
		snprintf(why, whylen, "position_id: position %lld is not one read from a chain", pos);
		return -1;
	}
	if (!ival_int(&v[3], &unb))
		return 0;
	f = lookup(s, "SELECT position_id FROM unbondings WHERE id = ?1", &unb, NULL, got,
	           sizeof got, why, whylen);
	if (f == 0)
		snprintf(why, whylen, "unbonding_id: no unbonding %lld", unb);
	if (f <= 0)
		return -1;
	if (strtoll(got, NULL, 10) != pos) {
		snprintf(why, whylen, "unbonding_id: unbonding %lld is of position %s, not %lld", unb,
		         got, pos);
		return -1;
	}
	return 0;
}

/* alerts: a known kind; no second open alert of a key. */
static int check_alert(struct store *s, const struct ival *v, char *why, size_t whylen)
{
	bool known = false;
	char names[96] = "", got[32];
	long long ended;
	for (int k = 0; k < ALERT_KINDS; k++) {
		const char *n = alert_kind_name((enum alert_kind)k);
		known = known || strcmp(v[1].text, n) == 0;
		snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", k ? ", " : "", n);
	}
	if (!known) {
		char shown[20];
		text_copy_clean(shown, sizeof shown, v[1].text);
		snprintf(why, whylen, "kind: '%s' is not one of %s", shown, names);
		return -1;
	}
	if (ival_int(&v[6], &ended))
		return 0;
	int f = lookup(s, "SELECT id FROM alerts WHERE key = ?1 AND ended_at IS NULL", NULL,
	               v[2].text, got, sizeof got, why, whylen);
	if (f > 0)
		snprintf(why, whylen, "ended_at: missing, and alert %s of the same key has not ended"
		         " either (one open alert per key)", got);
	return f == 0 ? 0 : -1;
}

/* --- a row --------------------------------------------------------------------------- */

int import_row(struct store *s, const struct table *t, sqlite3_stmt *st,
               const struct ival *vals, char *why, size_t whylen)
{
	const char *n = t->name;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (strcmp(n, "positions") == 0 && make_account(s, &vals[1], why, whylen) < 0)
		return -1;
	for (size_t c = 0; c < t->n_cols; c++)
		if (bind_val(st, (int)c + 1, &t->cols[c], &vals[c], why, whylen) < 0)
			return -1;
	if ((strcmp(n, "watches") == 0 && check_watch(st, vals, why, whylen) < 0) ||
	    (strcmp(n, "watch_items") == 0 && check_watch_item(s, vals, why, whylen) < 0) ||
	    (strcmp(n, "alerts") == 0 && check_alert(s, vals, why, whylen) < 0))
		return -1;
	if (sqlite3_step(st) != SQLITE_DONE) {
		snprintf(why, whylen, "%s", sqlite3_errmsg(store_handle(s)));
		return -1;
	}
	return 0;
}
