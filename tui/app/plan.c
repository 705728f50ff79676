/* plan.c — the rebalancing use case: gather, compute, today's targets,
 * save, list and reopen (the document itself is written in plan_doc.c). */
#include "tui/app/plan.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "data/events_db.h"
#include "positions/text.h"

void app_plan_free(struct app_plan *r)
{
	plan_free(&r->plan);
	free(r->ids);
	free(r->unbonding);
	r->ids = NULL;
	r->unbonding = NULL;
	r->n = 0;
	r->computed = false;
}

int app_plan_gather(const struct app *a, struct app_plan *r, char *err, size_t errlen)
{
	const size_t n = a->positions.n;
	struct unbonding *u = NULL;
	size_t nu = 0;
	free(r->ids);
	free(r->unbonding);
	r->n = 0;
	r->ids = calloc(n ? n : 1, sizeof *r->ids);
	r->unbonding = calloc(n ? n : 1, sizeof *r->unbonding);
	if (!r->ids || !r->unbonding) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		r->ids[i] = a->positions.v[i].id;
	if (store_unbondings_list(a->store, 0, false, &u, &nu, err, errlen) < 0)
		return -1;
	for (size_t k = 0; k < nu; k++)
		for (size_t i = 0; i < n; i++)
			if (r->ids[i] == u[k].position_id) {
				r->unbonding[i] += dec_to_ld(u[k].amount);
				break;
			}
	free(u);
	r->n = n;
	r->settings.swap_fee = a->cfg.swap_fee_pct / 100.0;
	r->settings.min_trade = a->cfg.min_trade;
	r->settings.now = a->now;
	r->settings.live = NULL;
	r->threshold = a->cfg.concentration_pct / 100.0;
	return 0;
}

bool app_plan_fresh(const struct app *a, const struct app_plan *r)
{
	if (!r->ids || r->n != a->positions.n)
		return false;
	for (size_t i = 0; i < r->n; i++)
		if (r->ids[i] != a->positions.v[i].id)
			return false;
	return true;
}

int app_plan_compute(const struct app *a, struct app_plan *r, char *err, size_t errlen)
{
	plan_free(&r->plan);
	r->computed = false;
	r->settings.now = a->now;
	const struct plan_portfolio pf = { a->rows, r->ids, r->unbonding, r->n };
	if (plan_compute(&pf, &r->targets, &r->settings, &r->plan) < 0) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	risk_compute(a->rows, NULL, r->n, 0, r->threshold, &r->risk_before);
	risk_compute(a->rows, r->plan.after_nav, r->n,
	             r->plan.unallocated > 0 ? r->plan.unallocated : 0, r->threshold,
	             &r->risk_after);
	r->computed = true;
	return 0;
}

void app_plan_today_targets(const struct app *a, enum plan_dim d, struct plan_targets *out)
{
	/* the held groups and their NAV, as the planner groups them */
	struct plan p;
	const struct plan_targets none = { .dim = d, .n = 0 };
	const struct plan_settings s = { 0, 0, a->now, NULL };
	const struct plan_portfolio pf = { a->rows, NULL, NULL, a->positions.n };
	memset(out, 0, sizeof *out);
	out->dim = d;
	if (plan_compute(&pf, &none, &s, &p) < 0)
		return;
	long double total = 0;
	for (size_t g = 0; g < p.n_groups; g++)
		total += p.groups[g].before;
	/* whole percents by the largest remainder: they sum to 100 */
	double rem[PLAN_MAX_TARGETS];
	int given = 0;
	for (size_t g = 0; g < p.n_groups && out->n < PLAN_MAX_TARGETS; g++) {
		double exact = total > 0 ? (double)(p.groups[g].before / total) * 100.0 : 0;
		struct plan_target *t = &out->t[out->n];
		snprintf(t->key, sizeof t->key, "%s", p.groups[g].key);
		t->pct = floor(exact);
		rem[out->n++] = exact - t->pct;
		given += (int)t->pct;
	}
	while (total > 0 && given < 100 && out->n) {
		size_t best = 0;
		for (size_t k = 1; k < out->n; k++)
			if (rem[k] > rem[best])
				best = k;
		out->t[best].pct += 1;
		rem[best] = -1;
		given++;
	}
	plan_free(&p);
}

/* The inputs a saved plan keeps: every position as valued. */
static void add_fig(struct json_out *j, const char *k, const struct figure *f, int decimals)
{
	if (f->has)
		json_decimal(j, k, f->v, decimals);
	else
		json_null(j, k);
}

static void inputs_json(struct json_out *j, const struct app *a, const struct app_plan *r)
{
	char q[DEC_STR_MAX];
	json_begin_array(j, NULL);
	for (size_t i = 0; i < a->positions.n; i++) {
		const struct valuation *v = &a->rows[i];
		json_begin_object(j, NULL);
		json_int(j, "id", a->positions.v[i].id);
		json_string(j, "asset", a->positions.v[i].asset);
		json_bool(j, "idle", v->idle);
		dec_format(v->asset ? v->quantity : a->positions.v[i].quantity, q, sizeof q);
		json_string(j, "quantity", q);
		json_decimal(j, "unbonding", i < r->n ? r->unbonding[i] : 0, 12);
		add_fig(j, "exchange_rate", &v->exchange_rate, 12);
		add_fig(j, "price_underlying", &v->price_underlying, 6);
		add_fig(j, "price_market", &v->price_market, 6);
		add_fig(j, "nav", &v->nav, 4);
		add_fig(j, "apy", &v->apy, 8);
		json_end_object(j);
	}
	json_end_array(j);
}

static void settings_json(struct json_out *j, const struct app *a)
{
	json_begin_object(j, NULL);
	json_decimal(j, "swap_fee_pct", a->cfg.swap_fee_pct, 6);
	json_decimal(j, "min_trade", a->cfg.min_trade, 6);
	json_decimal(j, "concentration_pct", a->cfg.concentration_pct, 6);
	json_int(j, "now", a->now);
	json_string(j, "currency", a->cfg.currency);
	json_end_object(j);
}

char *app_json_take(struct json_out *j)
{
	char *text = NULL;
	if (!j->failed && j->depth == 0 && j->buf && (text = malloc(j->len + 1))) {
		memcpy(text, j->buf, j->len);
		text[j->len] = 0;
	}
	json_out_done(j);
	return text;
}

int app_plan_save(struct app *a, const struct app_plan *r, const char *name, int64_t *id,
                  char *err, size_t errlen)
{
	char targets[PLAN_TARGETS_TEXT_MAX];
	struct json_out j;
	int rc = 0;
	if (!r->computed) {
		snprintf(err, errlen, "no plan to save");
		return -1;
	}
	if (!name[0] || strlen(name) > PLAN_NAME_MAX || text_is_unsafe(name)) {
		snprintf(err, errlen, "a plan's name is 1 to %d bytes of text, no control characters",
		         PLAN_NAME_MAX);
		return -1;
	}
	plan_targets_format(&r->targets, targets, sizeof targets);
	json_out_init(&j, NULL);
	app_plan_json(&j, a, r);
	char *result = app_json_take(&j);
	json_out_init(&j, NULL);
	inputs_json(&j, a, r);
	char *inputs = app_json_take(&j);
	json_out_init(&j, NULL);
	settings_json(&j, a);
	char *settings = app_json_take(&j);
	if (!result || !inputs || !settings) {
		snprintf(err, errlen, "out of memory");
		rc = -1;
	} else {
		rc = store_plan_save(a->store, name, a->now, targets, settings, inputs, result, id,
		                     err, errlen);
	}
	free(result);
	free(inputs);
	free(settings);
	return rc;
}

int app_plans_list(struct app *a, struct plan_record **out, size_t *n, char *err, size_t errlen)
{
	return store_plans_list(a->store, out, n, err, errlen);
}

int app_plan_get(struct app *a, int64_t id, struct plan_record *out, char *err, size_t errlen)
{
	return store_plan_get(a->store, id, out, err, errlen);
}

int app_plan_reopen(const struct app *a, const struct plan_record *rec, struct app_plan *r,
                    char *err, size_t errlen)
{
	char why[256], name[PLAN_NAME_MAX + 1];
	if (!rec->targets || plan_targets_parse(rec->targets, &a->cat, &r->targets, why,
	                                        sizeof why) < 0) {
		text_copy_clean(name, sizeof name, rec->name);
		snprintf(err, errlen, "plan %lld \"%s\": %s", (long long)rec->id, name,
		         rec->targets ? why : "no targets");
		return -1;
	}
	return 0;
}
