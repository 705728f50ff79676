/* cmd_plan.c — `staketop plan`: a rebalancing plan for target weights
 * (positions/plan.c) and the risk before and after (positions/risk.c), from
 * the same valued portfolio the board and `report` show (app_load); saved
 * plans (data/plans_db.c): --save, --list, --show; output as a table,
 * JSON or CSV. Exit 2 when the targets do not sum to 100 or are not
 * understood; 1 when a target cannot be met (the plan is still printed). */
#include <cjson/cJSON.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "data/events_db.h"
#include "data/plans_db.h"
#include "positions/plan.h"
#include "positions/risk.h"
#include "positions/text.h"
#include "positions/timeutil.h"
#include "tui/cli/cli.h"
#include "tui/term/format.h"
#include "tui/cli/json_out.h"

struct plan_run {
	struct plan_targets targets;
	struct plan_settings settings;
	int64_t *ids;
	long double *unbonding;
	struct plan plan;
	struct risk_report risk_before, risk_after;
	double threshold;
};

static void run_free(struct plan_run *r)
{
	plan_free(&r->plan);
	free(r->ids);
	free(r->unbonding);
	r->ids = NULL;
	r->unbonding = NULL;
}

/* The plan for r->targets over the app's valued rows. 0, or -1 (err). */
static int run_plan(const struct app *a, struct plan_run *r, char *err, size_t errlen)
{
	size_t n = a->positions.n;
	struct unbonding *u = NULL;
	size_t nu = 0;
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
	r->settings.swap_fee = a->cfg.swap_fee_pct / 100.0;
	r->settings.min_trade = a->cfg.min_trade;
	r->settings.now = a->now;
	r->settings.live = NULL;
	r->threshold = a->cfg.concentration_pct / 100.0;
	const struct plan_portfolio pf = { a->rows, r->ids, r->unbonding, n };
	if (plan_compute(&pf, &r->targets, &r->settings, &r->plan) < 0) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	risk_compute(a->rows, NULL, n, 0, r->threshold, &r->risk_before);
	risk_compute(a->rows, r->plan.after_nav, n,
	             r->plan.unallocated > 0 ? r->plan.unallocated : 0, r->threshold,
	             &r->risk_after);
	return 0;
}

/* --- JSON ------------------------------------------------------------------ */

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

static void plan_json(struct json_out *j, const struct app *a, const struct plan_run *r)
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

/* The inputs a saved plan keeps: every position as valued. */
static void inputs_json(struct json_out *j, const struct app *a, const struct plan_run *r)
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
		json_decimal(j, "unbonding", r->unbonding[i], 12);
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

/* --- CSV and text ------------------------------------------------------------ */

static void csv_field(const char *s, FILE *out)
{
	char clean[256];
	text_copy_clean(clean, sizeof clean, s);
	if (strpbrk(clean, ",\"\r\n")) {
		fputc('"', out);
		for (const char *c = clean; *c; c++) {
			if (*c == '"')
				fputc('"', out);
			fputc(*c, out);
		}
		fputc('"', out);
	} else {
		fputs(clean, out);
	}
}

#define CSV_HEADER "position,account,asset,action,amount,underlying,underlying_amount,value,route," \
	"swap_cost,redeem_cost,redeem_days\n"

static void plan_csv(const struct app *a, const struct plan *p, FILE *out)
{
	fputs(CSV_HEADER, out);
	for (size_t i = 0; i < p->n_trades; i++) {
		const struct plan_trade *t = &p->trades[i];
		fprintf(out, "%" PRId64 ",", t->position_id);
		csv_field(a->positions.v[t->row].account, out);
		fprintf(out, ",%s,%s,%.12Lf,%s,%.12Lf,%.4Lf,%s,", t->asset->symbol,
		        plan_action_name(t->action), t->amount, a->rows[t->row].underlying->symbol,
		        t->underlying, t->value, plan_route_name(t->route));
		if (t->swap.available && t->swap.has_cost)
			fprintf(out, "%.4Lf", t->swap.cost);
		fputc(',', out);
		if (t->redeem.available && t->redeem.has_cost)
			fprintf(out, "%.4Lf", t->redeem.cost);
		fputc(',', out);
		if (t->redeem.available)
			fprintf(out, "%.4Lf", t->redeem.days);
		fputc('\n', out);
	}
}

/* A saved plan's trades as CSV, from its JSON. */
static int saved_csv(const char *result, FILE *out)
{
	cJSON *doc = cJSON_Parse(result);
	const cJSON *trades = cJSON_GetObjectItemCaseSensitive(doc, "trades");
	if (!cJSON_IsArray(trades)) {
		cJSON_Delete(doc);
		return -1;
	}
	fputs(CSV_HEADER, out);
	const cJSON *t;
	cJSON_ArrayForEach(t, trades) {
		static const char *const keys[] = { "position", "account", "asset", "action", "amount",
		                                     "underlying", "underlying_amount", "value", "route" };
		for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
			const cJSON *f = cJSON_GetObjectItemCaseSensitive(t, keys[k]);
			if (k)
				fputc(',', out);
			if (cJSON_IsString(f))
				csv_field(f->valuestring, out);
			else if (cJSON_IsNumber(f))
				fprintf(out, "%.12g", f->valuedouble);
		}
		const cJSON *routes = cJSON_GetObjectItemCaseSensitive(t, "routes");
		const cJSON *sw = cJSON_GetObjectItemCaseSensitive(routes, "swap");
		const cJSON *rd = cJSON_GetObjectItemCaseSensitive(routes, "redeem");
		const cJSON *c;
		fputc(',', out);
		if (cJSON_IsNumber(c = cJSON_GetObjectItemCaseSensitive(sw, "cost")))
			fprintf(out, "%.4f", c->valuedouble);
		fputc(',', out);
		if (cJSON_IsNumber(c = cJSON_GetObjectItemCaseSensitive(rd, "cost")))
			fprintf(out, "%.4f", c->valuedouble);
		fputc(',', out);
		if (cJSON_IsNumber(c = cJSON_GetObjectItemCaseSensitive(rd, "days")))
			fprintf(out, "%.4f", c->valuedouble);
		fputc('\n', out);
	}
	cJSON_Delete(doc);
	return 0;
}

static void pct_of(double w, char *buf, size_t len)
{
	snprintf(buf, len, "%.1f%%", w * 100);
}

static double weight_of(const struct plan_share *s, size_t n, const char *label)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s[i].label, label) == 0)
			return s[i].weight;
	return 0;
}

static void weights_text(const char *title, const struct plan_share *b, size_t nb,
                         const struct plan_share *af, size_t na)
{
	char lab[24], x[16], y[16];
	printf("%s:", title);
	for (size_t i = 0; i < nb; i++) {
		text_copy_clean(lab, sizeof lab, b[i].label);
		pct_of(b[i].weight, x, sizeof x);
		pct_of(weight_of(af, na, b[i].label), y, sizeof y);
		printf(" %s %s→%s", lab, x, y);
	}
	for (size_t i = 0; i < na; i++) {
		if (weight_of(b, nb, af[i].label) != 0 || af[i].weight == 0)
			continue;
		bool seen = false;
		for (size_t k = 0; k < nb; k++)
			seen = seen || strcmp(b[k].label, af[i].label) == 0;
		if (seen)
			continue;
		text_copy_clean(lab, sizeof lab, af[i].label);
		pct_of(af[i].weight, y, sizeof y);
		printf(" %s 0.0%%→%s", lab, y);
	}
	printf("\n");
}

static void money(long double v, char *buf, size_t len)
{
	const struct figure f = { true, v };
	fmt_money(&f, buf, len);
}

static void plan_text(const struct app *a, const struct plan_run *r)
{
	const struct plan *p = &r->plan;
	char targets[PLAN_TARGETS_TEXT_MAX], key[PLAN_KEY_MAX], c[6][40];
	plan_targets_format(&r->targets, targets, sizeof targets);
	text_copy_clean(key, sizeof key, targets);
	printf("plan for %s (by %s); money in %s at NAV\n\n", key, plan_dim_name(r->targets.dim),
	       a->cfg.currency);
	printf("%-14s %8s %8s %8s  %s\n", "TARGET", "NOW", "TARGET", "AFTER", "");
	long double bt = p->before.total, at = p->after.total;
	for (size_t g = 0; g < p->n_groups; g++) {
		const struct plan_group *gr = &p->groups[g];
		text_copy_clean(key, 15, gr->key);
		pct_of(bt > 0 ? (double)(gr->before / bt) : 0, c[0], sizeof c[0]);
		pct_of(gr->target_pct / 100, c[1], sizeof c[1]);
		pct_of(at > 0 ? (double)(gr->after / at) : 0, c[2], sizeof c[2]);
		printf("%-14s %8s %8s %8s  %s%s\n", key, c[0], c[1], c[2],
		       gr->reachable ? "" : "cannot be met: ", gr->reachable ? "" : gr->why);
	}
	printf("\n%5s %-9s %-7s %18s %12s %-8s %12s %12s %6s\n", "ID", "ASSET", "ACTION", "AMOUNT",
	       "VALUE", "ROUTE", "SWAP COST", "REDEEM COST", "DAYS");
	for (size_t i = 0; i < p->n_trades; i++) {
		const struct plan_trade *t = &p->trades[i];
		fmt_number(t->amount, 6, c[0], sizeof c[0]);
		money(t->value, c[1], sizeof c[1]);
		snprintf(c[2], sizeof c[2], "-");
		snprintf(c[3], sizeof c[3], "-");
		snprintf(c[4], sizeof c[4], "-");
		if (t->swap.available && t->swap.has_cost)
			money(t->swap.cost, c[2], sizeof c[2]);
		if (t->redeem.available && t->redeem.has_cost)
			money(t->redeem.cost, c[3], sizeof c[3]);
		if (t->action == PLAN_REDUCE && t->redeem.available)
			snprintf(c[4], sizeof c[4], "%.1Lf", t->redeem.days);
		text_copy_clean(key, 10, t->asset->symbol);
		printf("%5" PRId64 " %-9s %-7s %18s %12s %-8s %12s %12s %6s%s\n", t->position_id, key,
		       plan_action_name(t->action), c[0], c[1], plan_route_name(t->route), c[2], c[3],
		       c[4], t->action == PLAN_REDUCE && t->unbonding > 0 ? "  (more already unbonding)" : "");
	}
	money(p->moved_out, c[0], sizeof c[0]);
	money(p->moved_in, c[1], sizeof c[1]);
	money(p->total_cost, c[2], sizeof c[2]);
	printf("\nmoves: out %s, in %s; cost of the chosen routes %s", c[0], c[1], c[2]);
	if (fabsl(p->unallocated) >= 0.005L) {
		money(p->unallocated, c[3], sizeof c[3]);
		printf("; unallocated %s", c[3]);
	}
	printf("\n");
	if (p->n_skipped) {
		money(p->skipped_value, c[0], sizeof c[0]);
		printf("%zu trade%s below the minimum of %.2f left out (%s)\n", p->n_skipped,
		       p->n_skipped == 1 ? "" : "s", a->cfg.min_trade, c[0]);
	}
	for (size_t i = 0; i < p->n_unvalued; i++) {
		text_copy_clean(key, sizeof key, a->positions.v[p->unvalued[i].row].asset);
		printf("left out: position %" PRId64 " %s: %s\n", p->unvalued[i].position_id, key,
		       p->unvalued[i].why);
	}
	fmt_pct(&p->before.apy, c[0], sizeof c[0]);
	fmt_pct(&p->after.apy, c[1], sizeof c[1]);
	fmt_money(&p->before.yield_365d_value, c[2], sizeof c[2]);
	fmt_money(&p->after.yield_365d_value, c[3], sizeof c[3]);
	printf("\nblended APY %s → %s; yearly yield %s → %s\n", c[0], c[1], c[2], c[3]);
	weights_text("kind", p->before.kind, p->before.n_kind, p->after.kind, p->after.n_kind);
	weights_text("protocol", p->before.protocol, p->before.n_protocol, p->after.protocol,
	             p->after.n_protocol);
	weights_text("chain", p->before.chain, p->before.n_chain, p->after.chain, p->after.n_chain);
	const struct risk_report *rb = &r->risk_before, *ra = &r->risk_after;
	printf("\nrisk (flag above %.0f%%):", r->threshold * 100);
	size_t flagged = 0;
	for (size_t i = 0; i < ra->n_protocol; i++)
		if (ra->protocol[i].flagged) {
			text_copy_clean(key, 24, ra->protocol[i].label);
			pct_of(ra->protocol[i].weight, c[0], sizeof c[0]);
			printf(" protocol %s %s after;", key, c[0]);
			flagged++;
		}
	for (size_t i = 0; i < ra->n_chain; i++)
		if (ra->chain[i].flagged) {
			text_copy_clean(key, 24, ra->chain[i].label);
			pct_of(ra->chain[i].weight, c[0], sizeof c[0]);
			printf(" chain %s %s after;", key, c[0]);
			flagged++;
		}
	printf("%s\n", flagged ? "" : " nothing above the threshold after the plan");
	for (size_t l = 0; l < RISK_DEPEG_LEVELS; l++) {
		money(rb->depeg[l].loss, c[0], sizeof c[0]);
		money(ra->depeg[l].loss, c[1], sizeof c[1]);
		money(ra->depeg[l].worst_loss, c[2], sizeof c[2]);
		text_copy_clean(key, 16, ra->depeg[l].worst ? ra->depeg[l].worst->symbol : "-");
		printf("depeg %2.0f%%: loss %s now, %s after (worst single token %s: %s)\n",
		       rb->depeg[l].discount * 100, c[0], c[1], key, c[2]);
	}
}

/* --- the command --------------------------------------------------------------- */

struct plan_args {
	const char *target, *save, *show;
	bool json, csv, list;
};

static int parse_args(int argc, char **argv, struct plan_args *o)
{
	const struct command *cmd = cli_find("plan");
	memset(o, 0, sizeof *o);
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];
		if (strcmp(s, "--json") == 0) {
			o->json = true;
		} else if (strcmp(s, "--csv") == 0) {
			o->csv = true;
		} else if (strcmp(s, "--list") == 0) {
			o->list = true;
		} else if (strcmp(s, "--target") == 0 || strcmp(s, "--save") == 0 ||
		           strcmp(s, "--show") == 0) {
			if (i + 1 >= argc)
				return cli_usage_error(cmd, "%s needs a value", s);
			const char **dst = s[2] == 't' ? &o->target : s[3] == 'a' ? &o->save : &o->show;
			*dst = argv[++i];
		} else {
			char clean[64];
			text_copy_clean(clean, sizeof clean, s);
			return cli_usage_error(cmd, "unexpected argument '%s'", clean);
		}
	}
	if (o->json && o->csv)
		return cli_usage_error(cmd, "--json and --csv are one or the other");
	int modes = (o->target != NULL) + o->list + (o->show != NULL);
	if (modes != 1)
		return cli_usage_error(cmd, "give one of --target, --list or --show");
	if (o->save && !o->target)
		return cli_usage_error(cmd, "--save goes with --target");
	if (o->save && (!o->save[0] || strlen(o->save) > PLAN_NAME_MAX || text_is_unsafe(o->save)))
		return cli_usage_error(cmd, "--save NAME: 1 to %d bytes of text, no control characters",
		                       PLAN_NAME_MAX);
	return 0;
}

static int print_list(struct app *a, bool json)
{
	struct plan_record *v = NULL;
	size_t n = 0;
	char err[512];
	if (store_plans_list(a->store, &v, &n, err, sizeof err) < 0)
		return cli_fail(EXIT_PARTIAL, "%s", err);
	if (json) {
		struct json_out j;
		json_out_init(&j, stdout);
		json_begin_array(&j, NULL);
		for (size_t i = 0; i < n; i++) {
			json_begin_object(&j, NULL);
			json_int(&j, "id", v[i].id);
			json_string(&j, "name", v[i].name);
			add_time(&j, "created_at", v[i].created_at);
			json_string(&j, "targets", v[i].targets);
			json_end_object(&j);
		}
		json_end_array(&j);
		json_out_write(&j, stdout);
		json_out_done(&j);
	} else {
		printf("%5s %-24s %-20s %s\n", "ID", "NAME", "CREATED", "TARGETS");
		for (size_t i = 0; i < n; i++) {
			char name[PLAN_NAME_MAX + 1], t[ISO_TIME_LEN], tg[256];
			text_copy_clean(name, sizeof name, v[i].name);
			text_copy_clean(tg, sizeof tg, v[i].targets);
			time_format_iso(v[i].created_at, t, sizeof t);
			printf("%5" PRId64 " %-24s %-20s %s\n", v[i].id, name, t, tg);
		}
	}
	plan_records_free(v, n);
	return EXIT_OK;
}

/* The text of a finished document without a sink, NUL-terminated, in a
 * buffer the caller frees (NULL when it failed); j is done with. */
static char *json_take(struct json_out *j)
{
	char *text = NULL;
	if (!j->failed && j->depth == 0 && j->buf && (text = malloc(j->len + 1))) {
		memcpy(text, j->buf, j->len);
		text[j->len] = 0;
	}
	json_out_done(j);
	return text;
}

/* The plan of r->targets as JSON text in a buffer the caller frees. */
static char *plan_json_text(const struct app *a, const struct plan_run *r)
{
	struct json_out j;
	json_out_init(&j, NULL);
	plan_json(&j, a, r);
	return json_take(&j);
}

static int save_plan(struct app *a, const struct plan_run *r, const char *name)
{
	char err[512], targets[PLAN_TARGETS_TEXT_MAX];
	struct json_out j;
	int64_t id = 0;
	int rc = EXIT_OK;
	plan_targets_format(&r->targets, targets, sizeof targets);
	char *result = plan_json_text(a, r);
	json_out_init(&j, NULL);
	inputs_json(&j, a, r);
	char *inputs = json_take(&j);
	json_out_init(&j, NULL);
	settings_json(&j, a);
	char *settings = json_take(&j);
	if (!result || !inputs || !settings)
		rc = cli_fail(EXIT_PARTIAL, "out of memory");
	else if (store_plan_save(a->store, name, a->now, targets, settings, inputs, result, &id,
	                         err, sizeof err) < 0)
		rc = cli_fail(EXIT_PARTIAL, "%s", err);
	else
		fprintf(stderr, "saved plan %" PRId64 "\n", id);
	free(result);
	free(inputs);
	free(settings);
	return rc;
}

/* --show ID: the saved plan and today's plan for the same targets. */
static int show_plan(const struct command *cmd, struct app *a, const char *id_text, bool json,
                     bool csv)
{
	long long id;
	char err[512];
	struct plan_record rec;
	if (cli_parse_id(id_text, &id) < 0) {
		char clean[32];
		text_copy_clean(clean, sizeof clean, id_text);
		return cli_usage_error(cmd, "'%s' is not a plan id", clean);
	}
	int got = store_plan_get(a->store, id, &rec, err, sizeof err);
	if (got < 0)
		return cli_fail(EXIT_PARTIAL, "%s", err);
	if (got == 1)
		return cli_usage_error(cmd, "no plan %lld (see 'staketop plan --list')", id);
	if (csv) {
		int rc = saved_csv(rec.result, stdout) == 0
		             ? EXIT_OK : cli_fail(EXIT_PARTIAL, "plan %lld: saved result unreadable", id);
		plan_record_free(&rec);
		return rc;
	}
	struct plan_run today;
	memset(&today, 0, sizeof today);
	char *now_text = NULL;
	int rc = EXIT_OK;
	/* the saved targets were checked when saved; the catalog may have changed since */
	if (plan_targets_parse(rec.targets, &a->cat, &today.targets, err, sizeof err) < 0) {
		rc = cli_fail(EXIT_PARTIAL, "plan %lld: %s", id, err);
		goto out;
	}
	if (run_plan(a, &today, err, sizeof err) < 0) {
		rc = cli_fail(EXIT_PARTIAL, "%s", err);
		goto out;
	}
	if (json) {
		now_text = plan_json_text(a, &today);
		cJSON *doc = cJSON_CreateObject();
		cJSON *saved = cJSON_Parse(rec.result), *inputs = cJSON_Parse(rec.inputs),
		      *settings = cJSON_Parse(rec.settings), *now = now_text ? cJSON_Parse(now_text) : NULL;
		char t[ISO_TIME_LEN];
		time_format_iso(rec.created_at, t, sizeof t);
		cJSON_AddNumberToObject(doc, "id", (double)rec.id);
		cJSON_AddStringToObject(doc, "name", rec.name);
		cJSON_AddStringToObject(doc, "created_at", t);
		cJSON_AddStringToObject(doc, "targets", rec.targets);
		cJSON_AddItemToObject(doc, "settings", settings ? settings : cJSON_CreateNull());
		cJSON_AddItemToObject(doc, "inputs", inputs ? inputs : cJSON_CreateNull());
		cJSON_AddItemToObject(doc, "plan", saved ? saved : cJSON_CreateNull());
		cJSON_AddItemToObject(doc, "today", now ? now : cJSON_CreateNull());
		char *out = cJSON_PrintUnformatted(doc);
		if (out)
			puts(out);
		else
			rc = cli_fail(EXIT_PARTIAL, "out of memory");
		cJSON_free(out);
		cJSON_Delete(doc);
	} else {
		char name[PLAN_NAME_MAX + 1], t[ISO_TIME_LEN];
		text_copy_clean(name, sizeof name, rec.name);
		time_format_iso(rec.created_at, t, sizeof t);
		printf("plan %lld \"%s\", saved %s; recomputed on today's portfolio:\n\n", id, name, t);
		plan_text(a, &today);
	}
out:
	free(now_text);
	run_free(&today);
	plan_record_free(&rec);
	return rc;
}

int cmd_plan(struct cli *c, int argc, char **argv)
{
	const struct command *cmd = cli_find("plan");
	struct plan_args o;
	struct app a;
	struct plan_run r;
	char err[512];
	int rc = parse_args(argc, argv, &o);
	if (rc)
		return rc;
	memset(&r, 0, sizeof r);
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	if (o.list) {
		rc = print_list(&a, o.json);
		goto out;
	}
	if (o.target && plan_targets_parse(o.target, &a.cat, &r.targets, err, sizeof err) < 0) {
		rc = cli_usage_error(cmd, "%s", err);
		goto out;
	}
	if (o.target) {
		double sum = plan_targets_sum(&r.targets);
		if (fabs(sum - 100.0) >= 1e-9) {
			rc = cli_usage_error(cmd, "targets sum to %.6g%%, not 100%% (%.6g%% %s)", sum,
			                     fabs(sum - 100), sum < 100 ? "short" : "over");
			goto out;
		}
	}
	if (app_load(&a, app_clock(), err, sizeof err) < 0) {
		rc = cli_fail(EXIT_PARTIAL, "%s", err);
		goto out;
	}
	if (o.show) {
		rc = show_plan(cmd, &a, o.show, o.json, o.csv);
		goto out;
	}
	if (run_plan(&a, &r, err, sizeof err) < 0) {
		rc = cli_fail(EXIT_PARTIAL, "%s", err);
		goto out;
	}
	if (o.json) {
		struct json_out j;
		json_out_init(&j, stdout);
		plan_json(&j, &a, &r);
		rc = json_out_write(&j, stdout) == 0 ? EXIT_OK : EXIT_PARTIAL;
		json_out_done(&j);
	} else if (o.csv) {
		plan_csv(&a, &r.plan, stdout);
	} else {
		plan_text(&a, &r);
	}
	if (rc == EXIT_OK && o.save)
		rc = save_plan(&a, &r, o.save);
	if (rc == EXIT_OK && !r.plan.all_reachable) {
		for (size_t g = 0; g < r.plan.n_groups; g++)
			if (!r.plan.groups[g].reachable) {
				char key[PLAN_KEY_MAX];
				text_copy_clean(key, sizeof key, r.plan.groups[g].key);
				fprintf(stderr, "staketop plan: target %s cannot be met: %s\n", key,
				        r.plan.groups[g].why);
			}
		rc = EXIT_PARTIAL;
	}
out:
	run_free(&r);
	app_close(&a);
	return rc;
}
