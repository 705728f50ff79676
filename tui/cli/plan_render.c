/* plan_render.c — `staketop plan` as text and CSV (tui/cli/plan_render.h). */
#include "tui/cli/plan_render.h"

#include <cjson/cJSON.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "positions/text.h"
#include "tui/term/format.h"

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

void plan_render_csv(const struct app *a, const struct plan *p, FILE *out)
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
int plan_render_saved_csv(const char *result, FILE *out)
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

void plan_render_text(const struct app *a, const struct app_plan *r)
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
		fmt_amount(t->amount, 6, c[0], sizeof c[0]);
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
		/* fmt_pad: a masked cell (private mode) keeps its column */
		printf("%5" PRId64 " %-9s %-7s %*s %*s %-8s %*s %*s %6s%s\n", t->position_id, key,
		       plan_action_name(t->action), fmt_pad(c[0], 18), c[0], fmt_pad(c[1], 12), c[1],
		       plan_route_name(t->route), fmt_pad(c[2], 12), c[2], fmt_pad(c[3], 12), c[3],
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
		money(a->cfg.min_trade, c[1], sizeof c[1]);
		printf("%zu trade%s below the minimum of %s left out (%s)\n", p->n_skipped,
		       p->n_skipped == 1 ? "" : "s", c[1], c[0]);
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

