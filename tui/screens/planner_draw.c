/* planner_draw.c — the planner on screen: a title with the dimension and
 * how far the targets are from 100 %, the targets table (now, target,
 * after), and the pane's lines. Reads the state; never computes. */
#include <math.h>
#include <stdio.h>
#include <strings.h>

#include "positions/text.h"
#include "tui/screens/planner.h"
#include "tui/term/draw.h"

int planner_target_rows(const struct planner *p, int h)
{
	int max = h / 3 > 3 ? h / 3 : 3;
	int n = (int)p->run.targets.n;
	return n < max ? (n > 0 ? n : 1) : max;
}

int planner_pane_rows(const struct planner *p, int h)
{
	/* title, the targets' heading, the targets, the pane's title */
	const int rows = h - 3 - planner_target_rows(p, h);
	return rows > 0 ? rows : 0;
}

static const struct plan_group *group_of(const struct plan *pl, const char *key)
{
	for (size_t g = 0; g < pl->n_groups; g++)
		if (strcasecmp(pl->groups[g].key, key) == 0)
			return &pl->groups[g];
	return NULL;
}

static void title(const struct planner *p, const struct rect *r)
{
	char t[160], s[96];
	const struct plan *pl = &p->run.plan;
	const double sum = plan_targets_sum(&p->run.targets), d = sum - 100;
	const bool ok = fabs(d) < 1e-9;
	draw_fill(r->y, r->x, r->w, R_COLHEAD);
	snprintf(t, sizeof t, " PLANNER by %s  (F5/Tab: by kind, asset, protocol, chain)",
	         plan_dim_name(p->run.targets.dim));
	draw_put(r->y, r->x, r->w, t, R_COLHEAD);
	if (ok)
		snprintf(s, sizeof s, "targets sum to 100%% ");
	else
		snprintf(s, sizeof s, "targets sum to %.6g%%: %.6g%% %s ", sum, fabs(d),
		         d < 0 ? "short" : "over");
	int w = draw_width(s);
	draw_cell(r->y + 1, r->x + r->w - w, w, s, ok ? R_DONE : R_ERROR, AL_RIGHT);
	(void)pl;
}

/* The targets table from row y, rows lines. */
static void targets(const struct planner *p, const struct rect *r, int y, int rows)
{
	const struct plan *pl = &p->run.plan;
	const long double bt = pl->before.total, at = pl->after.total;
	char line[160], key[17], tg[24];
	snprintf(line, sizeof line, " %-16s %8s %9s %8s", "TARGET", "NOW", "TARGET", "AFTER");
	draw_put(y - 1, r->x, r->w, line, R_DIM);
	size_t top = p->top;
	if (p->cursor < top)
		top = p->cursor;
	if (p->cursor >= top + (size_t)rows)
		top = p->cursor + 1 - (size_t)rows;
	for (int k = 0; k < rows; k++) {
		size_t i = top + (size_t)k;
		draw_fill(y + k, r->x, r->w, R_NORMAL);
		if (i >= p->run.targets.n)
			continue;
		const struct plan_target *t = &p->run.targets.t[i];
		const struct plan_group *g = group_of(pl, t->key);
		const bool sel = i == p->cursor;
		text_copy_clean(key, sizeof key, t->key);
		if (sel && p->n_typed)
			snprintf(tg, sizeof tg, "%s_%%", p->typed);
		else
			snprintf(tg, sizeof tg, "%.6g%%", t->pct);
		snprintf(line, sizeof line, "%s%-16s %7.1f%% %9s %7.1f%%  %s", sel ? ">" : " ", key,
		         g && bt > 0 ? (double)(g->before / bt) * 100 : 0.0, tg,
		         g && at > 0 ? (double)(g->after / at) * 100 : 0.0,
		         g && !g->reachable ? "cannot be met" : "");
		draw_put(y + k, r->x, r->w, line,
		         sel ? (p->n_typed ? R_INPUT : R_SELECTED) : g && !g->reachable ? R_ERROR : R_NORMAL);
	}
}

void planner_draw(const struct planner *p, const struct scene *sc, const struct rect *r)
{
	(void)sc;
	const int rows = planner_target_rows(p, r->h);
	title(p, r);
	targets(p, r, r->y + 2, rows);
	int y = r->y + 2 + rows;
	const char *pane = p->pane == PP_RISK ? " RISK (F6: the plan)"
	                   : p->pane == PP_SAVED ? " SAVED PLANS (F8: the plan)"
	                                         : " PLAN (F6: risk, F7: save, F8: saved plans)";
	const int shown = r->y + r->h - (y + 1);
	const bool more = p->line_top + (size_t)(shown > 0 ? shown : 0) < p->n_lines;
	char where[128];
	const size_t last = p->line_top + (size_t)(shown > 0 ? shown : 0);
	snprintf(where, sizeof where, "lines %zu-%zu of %zu %s%s ", p->line_top + 1,
	         last < p->n_lines ? last : p->n_lines, p->n_lines, p->line_top ? "PgUp ▲" : "",
	         more ? " PgDn ▼" : "");
	draw_fill(y, r->x, r->w, R_COLHEAD);
	draw_put(y, r->x, r->w, pane, R_COLHEAD);
	if (more || p->line_top) {
		int w = draw_width(where);
		draw_cell(y, r->x + r->w - w, w, where, R_COLHEAD, AL_RIGHT);
	}
	y++;
	for (size_t i = p->line_top; i < p->n_lines && y < r->y + r->h; i++, y++) {
		draw_fill(y, r->x, r->w, R_NORMAL);
		draw_put(y, r->x, r->w, p->lines[i].text, (enum role)p->lines[i].role);
	}
}
