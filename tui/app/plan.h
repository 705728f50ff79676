/* plan.h — the rebalancing use case both faces run (`staketop plan` and the
 * planner screen): gather what the plan needs beside the app's valued rows
 * (each position's id and its pending unbondings, read from the store),
 * compute the plan (positions/plan.c) and the risk before and after
 * (positions/risk.c) with the [plan] settings, write the plan as a JSON
 * document, and save, list and reopen plans (data/plans_db.c).
 *
 * One code path: the command computes once; the screen gathers when it
 * opens (or after a reload) and calls app_plan_compute after each
 * keystroke, which reads nothing and writes nothing.
 *
 * Memory: struct app_plan owns ids, unbonding and plan; free with
 * app_plan_free (also after a failure). Text returned as char * is the
 * caller's to free. Records from app_plans_list / app_plan_get are freed
 * with plan_records_free / plan_record_free (data/plans_db.h). */
#ifndef STAKETOP_APP_PLAN_H
#define STAKETOP_APP_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "data/plans_db.h"
#include "positions/plan.h"
#include "positions/risk.h"
#include "tui/app/app.h"
#include "tui/app/json_out.h"

struct app_plan {
	struct plan_targets targets;   /* set by the caller before computing */
	struct plan_settings settings; /* from the config, at gather */
	double threshold;              /* concentration flag, a fraction */
	int64_t *ids;                  /* per app row (owned) */
	long double *unbonding;        /* per app row: pending unbondings, tokens (owned) */
	size_t n;                      /* rows gathered for */
	struct plan plan;              /* the last compute (owned) */
	struct risk_report risk_before, risk_after;
	bool computed;
};

/* Read ids and pending unbondings for the app's current rows and the
 * settings from the config. Keeps targets. 0, or -1 with err. */
int app_plan_gather(const struct app *a, struct app_plan *r, char *err, size_t errlen);

/* Is r gathered for the app's current rows (same count, same ids)? */
bool app_plan_fresh(const struct app *a, const struct app_plan *r);

/* The plan of r->targets and the risk before and after, over the app's
 * rows. No I/O. 0, or -1 when out of memory (err). */
int app_plan_compute(const struct app *a, struct app_plan *r, char *err, size_t errlen);

/* The targets of the app's held groups for dimension d at today's weights,
 * in whole percent (largest remainder, so they sum to exactly 100 when
 * anything is valued). */
void app_plan_today_targets(const struct app *a, enum plan_dim d, struct plan_targets *out);

void app_plan_free(struct app_plan *r);

/* The plan document (what `plan --json` prints and a saved plan keeps). */
void app_plan_json(struct json_out *j, const struct app *a, const struct app_plan *r);

/* Save the computed plan with its targets, settings and inputs; *id (may
 * be NULL) gets its id. The name is 1..PLAN_NAME_MAX bytes with no control
 * characters. 0, or -1 with err. */
int app_plan_save(struct app *a, const struct app_plan *r, const char *name, int64_t *id,
                  char *err, size_t errlen);

/* Saved plans, newest first (targets only). 0, or -1 with err. */
int app_plans_list(struct app *a, struct plan_record **out, size_t *n, char *err, size_t errlen);
/* One saved plan: 0, 1 when there is none, -1 with err. */
int app_plan_get(struct app *a, int64_t id, struct plan_record *out, char *err, size_t errlen);
/* Reopen a saved plan's targets into r->targets (the catalog may have
 * changed since it was saved). 0, or -1 with err. */
int app_plan_reopen(const struct app *a, const struct plan_record *rec, struct app_plan *r,
                    char *err, size_t errlen);

/* The JSON text of a finished document j with no sink, NUL-terminated, in
 * a buffer the caller frees (NULL when it failed); j is done with. */
char *app_json_take(struct json_out *j);

#endif
