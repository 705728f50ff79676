/* alerts_view.h — the alerts screen (alerts_view.c): every alert fired,
 * newest first, with its time and whether it is new, seen or over; under
 * them the rules in force ([alerts] in the config; e edits them, s marks
 * the alerts seen). alerts_view_compute reads the store through
 * tui/app/alerts.h; drawing only draws the lines. */
#ifndef STAKETOP_ALERTS_VIEW_H
#define STAKETOP_ALERTS_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/screens/scene.h"
#include "tui/term/layout.h"

struct alerts_line {
	char text[240];
	unsigned char role;
	bool heading;
};

struct alerts_view {
	struct alerts_line *rows;  /* owned; alerts_view_free */
	size_t n, cap, top;
	size_t n_unseen;
};

/* 0, or -1 when the store could not be read (said through the scene). */
int alerts_view_compute(struct alerts_view *v, const struct scene *sc);
void alerts_view_draw(const struct alerts_view *v, const struct rect *r);
void alerts_view_scroll(struct alerts_view *v, const struct scene *sc, long delta);
void alerts_view_free(struct alerts_view *v);

#endif
