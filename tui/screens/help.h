/* help.h — the help overlay (help.c), drawn from the key table itself and
 * a short legend of the board's marks. */
#ifndef STAKETOP_HELP_H
#define STAKETOP_HELP_H

#include <stddef.h>

#include "tui/term/layout.h"

struct help {
	size_t top;                /* first line shown */
};

void help_draw(const struct help *h, const struct rect *r);
/* Lines the help has in an overlay `width` columns wide (key table
 * entries and the legend, each wrapped: nothing is cut). */
size_t help_lines(int width);

#endif
