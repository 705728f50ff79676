/* planner.c — the planner screen's keys: targets moved through, stepped
 * and typed, the dimension switched, the pane switched, plans saved and
 * reopened. Every change recomputes through tui/app/plan.c. */
#include "tui/screens/planner.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "positions/text.h"

static bool in_saved(const struct planner *p)
{
	return p->pane == PP_SAVED;
}

int planner_compute(struct planner *p, const struct scene *sc)
{
	p->err[0] = 0;
	if (app_plan_compute(sc->app, &p->run, p->err, sizeof p->err) < 0 ||
	    planner_lines(p, sc) < 0) {
		if (!p->err[0])
			snprintf(p->err, sizeof p->err, "out of memory");
		scene_say(sc, R_ERROR, "planner: %s", p->err);
		return -1;
	}
	return 0;
}

static void end_typing(struct planner *p)
{
	p->n_typed = 0;
	p->typed[0] = 0;
}

/* Today's weights in dimension d. */
static int today(struct planner *p, const struct scene *sc, enum plan_dim d)
{
	app_plan_today_targets(sc->app, d, &p->run.targets);
	p->cursor = 0;
	p->top = 0;
	end_typing(p);
	return planner_compute(p, sc);
}

/* The looped positions, valued with the app's rows. */
static int load_loans(struct planner *p, const struct scene *sc)
{
	char err[256];
	free(p->loans);
	p->loans = NULL;
	p->n_loans = 0;
	if (app_loans_load(sc->app, &p->loans, &p->n_loans, err, sizeof err) < 0) {
		scene_say(sc, R_ERROR, "planner: loans: %s", err);
		return -1;
	}
	return 0;
}

int planner_reload(struct planner *p, const struct scene *sc)
{
	char err[256];
	load_loans(p, sc);
	if (app_plan_gather(sc->app, &p->run, err, sizeof err) < 0) {
		scene_say(sc, R_ERROR, "planner: %s", err);
		return -1;
	}
	p->opened = true;
	return planner_compute(p, sc);
}

int planner_open(struct planner *p, const struct scene *sc)
{
	load_loans(p, sc);
	if (!p->opened || !app_plan_fresh(sc->app, &p->run)) {
		const bool first = !p->opened;
		char err[256];
		if (app_plan_gather(sc->app, &p->run, err, sizeof err) < 0) {
			scene_say(sc, R_ERROR, "planner: %s", err);
			return -1;
		}
		p->opened = true;
		if (first)
			return today(p, sc, PLAN_BY_KIND);
	}
	end_typing(p);
	return planner_compute(p, sc);
}

void planner_move(struct planner *p, const struct scene *sc, long delta, bool home, bool end)
{
	size_t *cur = in_saved(p) ? &p->saved_cursor : &p->cursor;
	const size_t n = in_saved(p) ? p->n_saved : p->run.targets.n;
	if (n == 0)
		return;
	long c = (long)*cur + delta;
	if (home || c < 0)
		c = 0;
	if (end || c >= (long)n)
		c = (long)n - 1;
	if (!in_saved(p) && (size_t)c != p->cursor)
		end_typing(p);
	*cur = (size_t)c;
	if (in_saved(p)) {
		/* the selected plan is marked in its line (line 0 is the heading),
		 * and kept in view */
		const size_t rows = (size_t)planner_pane_rows(p, sc->lay.body.h);
		const size_t at = p->saved_cursor + 1;
		planner_lines(p, sc);
		if (at < p->line_top)
			p->line_top = at;
		else if (rows && at >= p->line_top + rows)
			p->line_top = at + 1 - rows;
	}
}

void planner_page(struct planner *p, const struct scene *sc, int dir)
{
	const int h = planner_pane_rows(p, sc->lay.body.h);
	planner_scroll(p, sc, (long)dir * (h > 2 ? h - 1 : 1));
}

void planner_scroll(struct planner *p, const struct scene *sc, long delta)
{
	const int h = planner_pane_rows(p, sc->lay.body.h);
	long max = (long)p->n_lines - (h > 1 ? h : 1);
	long t = (long)p->line_top + delta;
	if (t > max)
		t = max;
	if (t < 0)
		t = 0;
	p->line_top = (size_t)t;
	planner_fill(p, sc);
}

/* Keep six decimals at most, as the command line takes them. */
static double tidy(double v)
{
	v = round(v * 1e6) / 1e6;
	return v < 0 ? 0 : v > 100 ? 100 : v;
}

int planner_step(struct planner *p, const struct scene *sc, double delta)
{
	if (p->run.targets.n == 0 || in_saved(p))
		return 0;
	end_typing(p);
	struct plan_target *t = &p->run.targets.t[p->cursor];
	t->pct = tidy(t->pct + delta);
	return planner_compute(p, sc);
}

/* The typed text as a percentage, by the command line's rule: digits with
 * at most one '.', at most 6 after it, 0..100. */
static bool typed_value(const char *s, double *out)
{
	size_t dots = 0, digits = 0, frac = 0;
	for (const char *c = s; *c; c++) {
		if (*c == '.')
			dots++;
		else if (++digits && dots)
			frac++;
	}
	if (!digits || dots > 1 || frac > 6)
		return false;
	double v = strtod(s, NULL);
	if (!(v >= 0 && v <= 100))
		return false;
	*out = v;
	return true;
}

bool planner_type(struct planner *p, const struct scene *sc, int ch)
{
	if (in_saved(p) || p->run.targets.n == 0 || !((ch >= '0' && ch <= '9') || ch == '.'))
		return false;
	struct plan_target *t = &p->run.targets.t[p->cursor];
	double v;
	if (p->n_typed + 1 >= sizeof p->typed) {
		scene_say(sc, R_ERROR, "a target is a percentage, 0 to 100");
		return true;
	}
	if (p->n_typed == 0)
		p->before_typing = t->pct;
	p->typed[p->n_typed++] = (char)ch;
	p->typed[p->n_typed] = 0;
	if (!typed_value(p->typed, &v)) {
		p->typed[--p->n_typed] = 0;
		scene_say(sc, R_ERROR, "a target is a percentage, 0 to 100 (at most 6 decimals)");
		return true;
	}
	t->pct = v;
	planner_compute(p, sc);
	return true;
}

void planner_erase(struct planner *p, const struct scene *sc)
{
	double v;
	if (p->n_typed == 0)
		return;
	p->typed[--p->n_typed] = 0;
	struct plan_target *t = &p->run.targets.t[p->cursor];
	t->pct = p->n_typed == 0 ? 0 : typed_value(p->typed, &v) ? v : t->pct;
	planner_compute(p, sc);
}

bool planner_cancel_typing(struct planner *p, const struct scene *sc)
{
	if (p->n_typed == 0)
		return false;
	p->run.targets.t[p->cursor].pct = p->before_typing;
	end_typing(p);
	planner_compute(p, sc);
	return true;
}

int planner_next_dim(struct planner *p, const struct scene *sc)
{
	const enum plan_dim d = (enum plan_dim)((p->run.targets.dim + 1) % 4);
	if (in_saved(p))
		p->pane = PP_PLAN;
	int rc = today(p, sc, d);
	scene_say(sc, R_NORMAL, "targets by %s, at today's weights", plan_dim_name(d));
	return rc;
}

int planner_reset(struct planner *p, const struct scene *sc)
{
	int rc = today(p, sc, p->run.targets.dim);
	scene_say(sc, R_NORMAL, "targets back to today's weights");
	return rc;
}

void planner_toggle_risk(struct planner *p, const struct scene *sc)
{
	p->pane = p->pane == PP_RISK ? PP_PLAN : PP_RISK;
	p->line_top = 0;
	planner_lines(p, sc);
}

int planner_toggle_saved(struct planner *p, const struct scene *sc)
{
	char err[256];
	p->line_top = 0;
	if (in_saved(p)) {
		p->pane = PP_PLAN;
		return planner_lines(p, sc);
	}
	plan_records_free(p->saved, p->n_saved);
	p->saved = NULL;
	p->n_saved = 0;
	if (app_plans_list(sc->app, &p->saved, &p->n_saved, err, sizeof err) < 0) {
		scene_say(sc, R_ERROR, "saved plans: %s", err);
		return -1;
	}
	p->pane = PP_SAVED;
	p->saved_cursor = 0;
	end_typing(p);
	if (p->n_saved == 0)
		scene_say(sc, R_NORMAL, "no saved plan yet: F7 (or S) saves this one");
	return planner_lines(p, sc);
}

int planner_enter(struct planner *p, const struct scene *sc)
{
	char err[320], name[PLAN_NAME_MAX + 1];
	if (!in_saved(p)) {
		end_typing(p);
		return 0;
	}
	if (p->saved_cursor >= p->n_saved)
		return 0;
	const struct plan_record *rec = &p->saved[p->saved_cursor];
	const struct plan_targets keep = p->run.targets;
	if (app_plan_reopen(sc->app, rec, &p->run, err, sizeof err) < 0) {
		p->run.targets = keep;
		scene_say(sc, R_ERROR, "%s", err);
		return -1;
	}
	text_copy_clean(name, sizeof name, rec->name);
	p->pane = PP_PLAN;
	p->cursor = 0;
	p->top = 0;
	p->line_top = 0;
	int rc = planner_compute(p, sc);
	scene_say(sc, R_DONE, "reopened plan %lld \"%s\" on today's portfolio", (long long)rec->id,
	          name);
	return rc;
}

int planner_save(struct planner *p, const struct scene *sc, const char *name)
{
	char err[320], clean[PLAN_NAME_MAX + 1];
	int64_t id = 0;
	if (!p->run.plan.sum_ok) {
		scene_say(sc, R_ERROR, "not saved: the targets sum to %.6g%%, not 100%%",
		          p->run.plan.targets_sum);
		return -1;
	}
	if (app_plan_save(sc->app, &p->run, name, &id, err, sizeof err) < 0) {
		scene_say(sc, R_ERROR, "not saved: %s", err);
		return -1;
	}
	text_copy_clean(clean, sizeof clean, name);
	scene_say(sc, R_DONE, "saved plan %lld \"%s\"", (long long)id, clean);
	return 0;
}

void planner_free(struct planner *p)
{
	app_plan_free(&p->run);
	free(p->lines);
	plan_records_free(p->saved, p->n_saved);
	free(p->loans);
	memset(p, 0, sizeof *p);
}
