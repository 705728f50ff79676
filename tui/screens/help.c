/* help.c — the help overlay, drawn from the key table itself (keys, where
 * they work, what they do) and a short legend of the board's marks. */
#include <stdio.h>

#include "tui/term/draw.h"
#include "tui/screens/help.h"
#include "tui/term/keymap.h"

static const char *const legend[] = {
	"",
	"Board: NAV = underlying quantity x underlying price; MARKET = quantity x market price;",
	"PREM bps = (market / NAV - 1) x 10000, negative is a discount (red from -100 bps);",
	"AGE = age of the oldest input of the row; '!' marks it stale (older than stale_seconds);",
	"UNBONDING = time left on the first pending exit (+N more); 'claimable' once due.",
	"Unbonding screen (u): ETA in UTC and a countdown to the second, progress from request to",
	"ETA, the rule or source of the date; for a liquid token, selling now at the market price",
	"instead of waiting for NAV, and the difference (negative: selling now gets less).",
	"Filter words: kind:native|liquid|restaked|idle chain:NAME account:TEXT asset:TEXT or any text.",
};
#define N_LEGEND (sizeof legend / sizeof legend[0])

/* The columns at inner width w: keys, where they work, what they do. */
struct cols {
	int kw, cw, dw;
};

static struct cols columns(int w)
{
	struct cols c = { 22, w >= 100 ? 26 : 20, 0 };
	if (w < 100) { /* narrow: the keys column as wide as its longest entry */
		int most = 0;
		for (size_t i = 0; i < keymap_len; i++) {
			char keys[80];
			int kw = draw_width(keymap_keys_text(&keymap[i], keys, sizeof keys));
			most = kw > most ? kw : most;
		}
		c.kw = most < c.kw ? most : c.kw;
	}
	c.dw = w - c.kw - c.cw - 2;
	if (c.dw < 10)
		c.dw = 10;
	return c;
}

/* A binding's lines: each column wraps in its width (nothing is cut). */
static int binding_lines(const struct binding *b, const struct cols *c)
{
	char keys[80], where[64];
	keymap_keys_text(b, keys, sizeof keys);
	keymap_contexts_text(b->contexts, where, sizeof where);
	int n = draw_wrap_count(keys, c->kw);
	int m = draw_wrap_count(where, c->cw);
	int d = draw_wrap_count(b->help, c->dw);
	n = m > n ? m : n;
	return d > n ? d : n;
}

size_t help_lines(int width)
{
	const int w = width - 4;
	const struct cols c = columns(w);
	size_t n = 0;
	for (size_t i = 0; i < keymap_len; i++)
		n += (size_t)binding_lines(&keymap[i], &c);
	for (size_t i = 0; i < N_LEGEND; i++)
		n += (size_t)draw_wrap_count(legend[i], w);
	return n;
}

void help_draw(const struct help *h, const struct rect *r)
{
	draw_box(r, "Help: keys (from the key table)");
	const int x = r->x + 2, w = r->w - 4, rows = r->h - 2;
	const struct cols c = columns(w);
	/* walk every line from the first; draw those from h->top on */
	size_t line = 0;
	int y = r->y + 1;
	const int bottom = r->y + 1 + rows;
	for (size_t i = 0; i < keymap_len + N_LEGEND && y < bottom; i++) {
		const struct binding *b = i < keymap_len ? &keymap[i] : NULL;
		char keys[80] = "", where[64] = "";
		int n;
		if (b) {
			keymap_keys_text(b, keys, sizeof keys);
			keymap_contexts_text(b->contexts, where, sizeof where);
			n = binding_lines(b, &c);
		} else {
			n = draw_wrap_count(legend[i - keymap_len], w);
		}
		for (int k = 0; k < n && y < bottom; k++, line++) {
			if (line < h->top)
				continue;
			draw_fill(y, x, w, R_NORMAL);
			if (b) {
				draw_wrap_put(y, x, c.kw, k, keys, R_FIGURE);
				draw_wrap_put(y, x + c.kw + 1, c.cw, k, where, R_DIM);
				draw_wrap_put(y, x + c.kw + c.cw + 2, c.dw, k, b->help, R_NORMAL);
			} else {
				draw_wrap_put(y, x, w, k, legend[i - keymap_len], R_DIM);
			}
			y++;
		}
	}
}
