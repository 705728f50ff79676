/* statusline.h — the status line (a message, or the search / filter being
 * typed, and on the right the board's sort, filter and grouping) and the
 * bottom bar of keys, both from the key table (statusline.c). */
#ifndef STAKETOP_STATUSLINE_H
#define STAKETOP_STATUSLINE_H

#include "tui/screens/board.h"
#include "tui/screens/detail.h"
#include "tui/screens/form.h"
#include "tui/screens/history.h"
#include "tui/screens/prompt.h"
#include "tui/screens/scene.h"
#include "tui/screens/unbonding_view.h"
#include "tui/term/layout.h"
#include "tui/term/theme.h"

/* What the status line reads: the message, which screen and overlay are
 * up, and their states (borrowed for the draw). */
struct status_view {
	const char *msg;           /* "" none */
	enum role msg_role;
	unsigned screen, overlay;  /* CX_* */
	const struct scene *sc;
	const struct board *board;
	const struct detail *detail;
	const struct unbonding_view *unbv;
	const struct history_view *hist;
	const struct prompt *prompt;
	const struct form *form;
};

void statusline_draw(const struct status_view *u, const struct rect *r);
/* The keys of context (CX_*) that fit r. */
void bar_draw(unsigned context, enum action hide, const struct rect *r);

#endif
