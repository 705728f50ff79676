/* plan_doc.c — the plan as a JSON document: what `staketop plan --json`
 * prints and what a saved plan keeps as its result (tui/app/plan.h). */
#include <math.h>

#include "positions/text.h"
#include "positions/timeutil.h"
#include "tui/app/plan.h"

static void add_fig(struct json_out *j, const char *k, const struct figure *f, int decimals)
{
	if (f->has)
		json_decimal(j, k, f->v, decimals);
	else
		json_null(j, k);
}

static void add_time(struct json_out *j, const char *k, int64_t t)
{
	char buf[ISO_TIME_LEN];
	time_format_iso(t, buf, sizeof buf);
	json_string(j, k, buf);
}

static void shares_json(struct json_out *j, const char *key, const struct plan_share *s, size_t n)
{
	json_begin_object(j, key);
	for (size_t i = 0; i < n; i++)
		json_decimal(j, s[i].label, s[i].weight, 8);
	json_end_object(j);
}

static void risk_shares_json(struct json_out *j, const char *key, const struct risk_share *s,
                             size_t n)
{
	json_begin_array(j, key);
	for (size_t i = 0; i < n; i++) {
		json_begin_object(j, NULL);
		json_string(j, "label", s[i].label);
		json_decimal(j, "weight", s[i].weight, 8);
		json_decimal(j, "value", s[i].value, 4);
		json_bool(j, "flagged", s[i].flagged);
		json_end_object(j);
	}
	json_end_array(j);
}

static void risk_json(struct json_out *j, const struct risk_report *r)
{
	json_begin_object(j, "risk");
	json_decimal(j, "threshold", r->threshold, 6);
	risk_shares_json(j, "protocol", r->protocol, r->n_protocol);
	risk_shares_json(j, "chain", r->chain, r->n_chain);
	json_null(j, "validator_set"); /* the catalog does not record validator sets */
	json_begin_array(j, "depeg");
	for (size_t l = 0; l < RISK_DEPEG_LEVELS; l++) {
		const struct risk_depeg *d = &r->depeg[l];
		json_begin_object(j, NULL);
		json_decimal(j, "discount", d->discount, 4);
		json_decimal(j, "value", d->value, 4);
		json_decimal(j, "loss", d->loss, 4);
		if (d->worst)
			json_string(j, "worst_asset", d->worst->symbol);
		else
			json_null(j, "worst_asset");
		json_decimal(j, "worst_loss", d->worst_loss, 4);
		json_end_object(j);
	}
	json_end_array(j);
	json_end_object(j);
}

static void side_json(struct json_out *j, const char *key, const struct plan_weights *w,
                      const struct risk_report *r)
{
	json_begin_object(j, key);
	json_decimal(j, "total", w->total, 4);
	add_fig(j, "apy", &w->apy, 8);
	add_fig(j, "yield_365d_value", &w->yield_365d_value, 4);
	json_begin_object(j, "weights");
	shares_json(j, "kind", w->kind, w->n_kind);
	shares_json(j, "protocol", w->protocol, w->n_protocol);
	shares_json(j, "chain", w->chain, w->n_chain);
	json_end_object(j);
	risk_json(j, r);
	json_end_object(j);
}

static void route_json(struct json_out *j, const char *key, const struct plan_route_cost *c,
                       bool with_days)
{
	json_begin_object(j, key);
	json_bool(j, "available", c->available);
	if (c->available)
		json_decimal(j, "receive", c->receive, 4);
	else
		json_null(j, "receive");
	if (c->available && c->has_cost)
		json_decimal(j, "cost", c->cost, 4);
	else
		json_null(j, "cost");
	if (with_days) {
		if (c->available)
			json_decimal(j, "days", c->days, 4);
		else
			json_null(j, "days");
	}
	json_string(j, c->available ? "basis" : "why_not", c->basis);
	json_end_object(j);
}

static void trade_json(struct json_out *j, const struct app *a, const struct plan_trade *t)
{
	char acc[ACCOUNT_MAX];
	json_begin_object(j, NULL);
	json_int(j, "position", t->position_id);
	text_copy_clean(acc, sizeof acc, a->positions.v[t->row].account);
	json_string(j, "account", acc);
	json_string(j, "asset", t->asset->symbol);
	json_string(j, "action", plan_action_name(t->action));
	json_decimal(j, "amount", t->amount, 12);
	json_string(j, "underlying", a->rows[t->row].underlying->symbol);
	json_decimal(j, "underlying_amount", t->underlying, 12);
	json_decimal(j, "value", t->value, 4);
	json_decimal(j, "unbonding", t->unbonding, 12);
	json_string(j, "route", plan_route_name(t->route));
	if (t->action == PLAN_REDUCE) {
		json_begin_object(j, "routes");
		route_json(j, "swap", &t->swap, false);
		route_json(j, "redeem", &t->redeem, true);   /* unstake, for native stake */
		json_end_object(j);
	} else {
		json_null(j, "routes");
	}
	json_end_object(j);
}

void app_plan_json(struct json_out *j, const struct app *a, const struct app_plan *r)
{
	const struct plan *p = &r->plan;
	json_begin_object(j, NULL);
	add_time(j, "generated_at", a->now);
	json_string(j, "currency", a->cfg.currency);
	json_string(j, "targets_by", plan_dim_name(r->targets.dim));
	json_decimal(j, "targets_sum", p->targets_sum, 6);
	json_begin_array(j, "targets");
	for (size_t g = 0; g < p->n_groups; g++) {
		const struct plan_group *gr = &p->groups[g];
		json_begin_object(j, NULL);
		json_string(j, "key", gr->key);
		json_decimal(j, "percent", gr->target_pct, 6);
		json_bool(j, "named", gr->named);
		json_decimal(j, "before", gr->before, 4);
		json_decimal(j, "target", gr->target, 4);
		json_decimal(j, "after", gr->after, 4);
		json_bool(j, "reachable", gr->reachable);
		if (gr->reachable)
			json_null(j, "why");
		else
			json_string(j, "why", gr->why);
		json_decimal(j, "shortfall", gr->shortfall, 4);
		json_end_object(j);
	}
	json_end_array(j);
	json_begin_object(j, "settings");
	json_decimal(j, "swap_fee_pct", a->cfg.swap_fee_pct, 6);
	json_decimal(j, "min_trade", a->cfg.min_trade, 6);
	json_decimal(j, "concentration_pct", a->cfg.concentration_pct, 6);
	json_end_object(j);
	json_bool(j, "reachable", p->all_reachable);
	json_begin_array(j, "trades");
	for (size_t i = 0; i < p->n_trades; i++)
		trade_json(j, a, &p->trades[i]);
	json_end_array(j);
	json_begin_object(j, "moves");
	json_decimal(j, "out", p->moved_out, 4);
	json_decimal(j, "in", p->moved_in, 4);
	json_decimal(j, "unallocated", p->unallocated, 4);
	json_decimal(j, "cost", p->total_cost, 4);
	json_end_object(j);
	json_begin_object(j, "skipped");
	json_int(j, "count", (int64_t)p->n_skipped);
	json_decimal(j, "value", p->skipped_value, 4);
	json_end_object(j);
	json_begin_array(j, "unvalued");
	for (size_t i = 0; i < p->n_unvalued; i++) {
		json_begin_object(j, NULL);
		json_int(j, "position", p->unvalued[i].position_id);
		json_string(j, "asset", a->positions.v[p->unvalued[i].row].asset);
		json_string(j, "why", p->unvalued[i].why);
		json_end_object(j);
	}
	json_end_array(j);
	side_json(j, "before", &p->before, &r->risk_before);
	side_json(j, "after", &p->after, &r->risk_after);
	json_begin_object(j, "change");
	json_decimal(j, "total", p->after.total - p->before.total, 4);
	if (p->after.apy.has && p->before.apy.has)
		json_decimal(j, "apy", p->after.apy.v - p->before.apy.v, 8);
	else
		json_null(j, "apy");
	if (p->after.yield_365d_value.has && p->before.yield_365d_value.has)
		json_decimal(j, "yield_365d_value",
		             p->after.yield_365d_value.v - p->before.yield_365d_value.v, 4);
	else
		json_null(j, "yield_365d_value");
	json_end_object(j);
	json_end_object(j);
}

