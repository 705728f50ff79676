/* planner.h — the rebalancing planner screen (planner.c: keys and state;
 * planner_lines.c: the pane's lines; planner_draw.c: drawing). Targets by
 * kind, asset, protocol or chain, moved through with the keys and changed
 * with +/- or a typed number; the plan (tui/app/plan.c, the command's own
 * code path) is recomputed after each change, and the pane under the
 * targets shows its trades and after-figures, the risk before and after,
 * or the saved plans. The state is in planner_state.h.
 *
 * Messages go through scene_say. Every function that changes the targets
 * recomputes the plan and the pane's lines; -1 is returned (with the
 * message said) only when out of memory or the store failed. */
#ifndef STAKETOP_PLANNER_H
#define STAKETOP_PLANNER_H

#include <stdbool.h>

#include "tui/screens/planner_state.h"
#include "tui/screens/scene.h"
#include "tui/term/layout.h"

/* Gather the inputs (when the app's rows changed, or the first time) and
 * compute; the first time the targets are today's weights by kind. */
int planner_open(struct planner *p, const struct scene *sc);
/* After the loop reloaded the app's rows: gather again and recompute. */
int planner_reload(struct planner *p, const struct scene *sc);
/* Recompute the plan and the pane's lines from the current targets. */
int planner_compute(struct planner *p, const struct scene *sc);

/* The cursor: a target row (or a saved plan in PP_SAVED) by delta;
 * home / end go to the first / last. A number being typed is kept. */
void planner_move(struct planner *p, const struct scene *sc, long delta, bool home, bool end);
/* Scroll the pane by delta lines; a page (dir 1 or -1) is the pane's
 * height less one line, so a line at the bottom shows again at the top. */
void planner_scroll(struct planner *p, const struct scene *sc, long delta);
void planner_page(struct planner *p, const struct scene *sc, int dir);
/* The lines the pane shows at body height h (planner_draw.c). */
int planner_pane_rows(const struct planner *p, int h);
/* The cursor's target by delta percentage points (clamped to 0..100). */
int planner_step(struct planner *p, const struct scene *sc, double delta);
/* A character of a percentage typed for the cursor's row ('0'..'9', '.'):
 * the row takes the typed value at once. false when not such a character. */
bool planner_type(struct planner *p, const struct scene *sc, int ch);
/* Backspace while typing: one character less (the value follows). */
void planner_erase(struct planner *p, const struct scene *sc);
/* Enter: end the typing; in PP_SAVED reopen the selected plan. */
int planner_enter(struct planner *p, const struct scene *sc);
/* Esc while typing: the value before typing. false when not typing. */
bool planner_cancel_typing(struct planner *p, const struct scene *sc);
/* The next dimension (kind, asset, protocol, chain), at today's weights. */
int planner_next_dim(struct planner *p, const struct scene *sc);
/* Today's weights again in the current dimension. */
int planner_reset(struct planner *p, const struct scene *sc);
/* Show the risk pane, or the plan again. */
void planner_toggle_risk(struct planner *p, const struct scene *sc);
/* List the saved plans (read from the store), or back to the plan. */
int planner_toggle_saved(struct planner *p, const struct scene *sc);
/* Save the current plan under name (the app checks it). */
int planner_save(struct planner *p, const struct scene *sc, const char *name);

void planner_draw(const struct planner *p, const struct scene *sc, const struct rect *r);
void planner_free(struct planner *p);

/* The pane's lines for the current plan (planner_lines.c), the ones in
 * view written out. -1 when out of memory. */
int planner_lines(struct planner *p, const struct scene *sc);
/* Write out the lines in view (after a scroll). */
void planner_fill(struct planner *p, const struct scene *sc);
/* The rows the targets table takes at body height h (planner_draw.c). */
int planner_target_rows(const struct planner *p, int h);

#endif
