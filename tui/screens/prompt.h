/* prompt.h — the search and filter prompt's state: what is being typed,
 * and what Esc goes back to. The loop's dispatch (tui/dispatch.c) edits it;
 * the status line (statusline.c) draws it. PROMPT_PLAN_NAME: the name a
 * plan is saved under, from the planner. */
#ifndef STAKETOP_PROMPT_H
#define STAKETOP_PROMPT_H

#include <stdbool.h>
#include <stdint.h>

#include "tui/screens/board.h"
#include "tui/term/lineedit.h"

enum prompt_kind { PROMPT_SEARCH, PROMPT_FILTER, PROMPT_PLAN_NAME };
struct prompt {
	enum prompt_kind kind;
	struct lineedit le;
	int64_t saved_id;          /* search: the position Esc goes back to */
	char saved_filter[BOARD_TEXT_MAX];
	bool failed;               /* search: no match for the text */
};

#endif
