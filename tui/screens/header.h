/* header.h — the three lines at the top (header.c): the portfolio's
 * totals, when the feeds last succeeded or that they are failing, and the
 * next unbonding to complete. Drawing reads the scene only. */
#ifndef STAKETOP_HEADER_H
#define STAKETOP_HEADER_H

#include "tui/screens/scene.h"
#include "tui/term/layout.h"

void header_draw(const struct scene *sc, const struct rect *r);
/* Seconds until a text of the header reads differently; 0 never. */
int header_next_change(const struct scene *sc);

#endif
