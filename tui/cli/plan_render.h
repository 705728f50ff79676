/* plan_render.h — a computed plan (tui/app/plan.h) as the text `staketop
 * plan` prints and as CSV (one line per trade); a saved plan's trades as
 * CSV from its JSON document. Everything from outside is cleaned of
 * control characters before it is printed. */
#ifndef STAKETOP_PLAN_RENDER_H
#define STAKETOP_PLAN_RENDER_H

#include <stdio.h>

#include "tui/app/plan.h"

void plan_render_text(const struct app *a, const struct app_plan *r);
void plan_render_csv(const struct app *a, const struct plan *p, FILE *out);
/* -1 when the saved result holds no trades array. */
int plan_render_saved_csv(const char *result, FILE *out);

#endif
