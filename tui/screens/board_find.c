/* board_find.c — the board's filter ("kind:liquid chain:solana
 * account:ledger word", every term must match) and its incremental search
 * (asset, asset name, account, kind, chain, note; case-insensitive). */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "tui/screens/board.h"

static const char *kind_text(const struct valuation *v)
{
	return v->idle ? "idle" : asset_kind_name(v->kind);
}

static bool contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	if (n == 0)
		return true;
	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return true;
	return false;
}

bool board_filter_match(const struct app *a, size_t i, const char *filter)
{
	const struct position *p = &a->positions.v[i];
	const struct valuation *v = &a->rows[i];
	const char *kind = kind_text(v), *chain = v->asset ? v->asset->chain : "";
	char buf[BOARD_TEXT_MAX];
	snprintf(buf, sizeof buf, "%s", filter);
	for (char *save = NULL, *t = strtok_r(buf, " \t", &save); t; t = strtok_r(NULL, " \t", &save)) {
		const char *colon = strchr(t, ':');
		bool ok;
		if (colon && strncasecmp(t, "kind:", 5) == 0)
			ok = strncasecmp(kind, colon + 1, strlen(colon + 1)) == 0;
		else if (colon && strncasecmp(t, "chain:", 6) == 0)
			ok = strncasecmp(chain, colon + 1, strlen(colon + 1)) == 0;
		else if (colon && strncasecmp(t, "account:", 8) == 0)
			ok = contains(p->account, colon + 1);
		else if (colon && strncasecmp(t, "asset:", 6) == 0)
			ok = contains(p->asset, colon + 1);
		else
			ok = contains(p->asset, t) || contains(p->account, t) || contains(kind, t) ||
			     contains(chain, t);
		if (!ok)
			return false;
	}
	return true;
}

static bool search_match(const struct app *a, size_t i, const char *text)
{
	const struct position *p = &a->positions.v[i];
	const struct valuation *v = &a->rows[i];
	return contains(p->asset, text) || contains(p->account, text) ||
	       contains(kind_text(v), text) || contains(p->note, text) ||
	       (v->asset && (contains(v->asset->name, text) || contains(v->asset->chain, text)));
}

size_t board_find(const struct board *b, const struct app *a, const char *text, int dir,
                  bool from_cursor)
{
	if (!text[0] || b->n == 0)
		return NO_ROW;
	size_t start = b->cursor == NO_ROW ? 0 : b->cursor;
	for (size_t k = from_cursor ? 0 : 1; k <= b->n; k++) {
		size_t i = (start + (dir >= 0 ? k : b->n * 2 - k)) % b->n;
		if (!b->rows[i].group && search_match(a, b->rows[i].idx, text))
			return i;
	}
	return NO_ROW;
}

