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

size_t help_lines(void)
{
	return keymap_len + N_LEGEND;
}

void help_draw(const struct help *h, const struct rect *r)
{
	draw_box(r, "Help: keys (from the key table)");
	const int x = r->x + 2, w = r->w - 4, rows = r->h - 2;
	const int kw = 22, cw = w >= 100 ? 26 : 20;
	size_t line = h->top;
	for (int k = 0; k < rows; k++, line++) {
		const int y = r->y + 1 + k;
		if (line < keymap_len) {
			const struct binding *b = &keymap[line];
			char keys[80], where[64];
			keymap_keys_text(b, keys, sizeof keys);
			keymap_contexts_text(b->contexts, where, sizeof where);
			draw_cell(y, x, kw, keys, R_FIGURE, AL_LEFT);
			draw_cell(y, x + kw + 1, cw, where, R_DIM, AL_LEFT);
			draw_cell(y, x + kw + cw + 2, w - kw - cw - 2, b->help, R_NORMAL, AL_LEFT);
		} else if (line < help_lines()) {
			draw_cell(y, x, w, legend[line - keymap_len], R_DIM, AL_LEFT);
		}
	}
}
