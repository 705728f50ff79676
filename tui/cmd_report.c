/* cmd_report.c — `staketop report [--json]`: every position valued, NAV
 * beside market, yield, unbonding, and the totals. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "data/events_db.h"
#include "positions/text.h"
#include "positions/timeutil.h"
#include "positions/unbonding.h"
#include "tui/cli.h"
#include "tui/format.h"

/* Rounded so that JSON shows 7200.5, not 7200.500000000001. */
static double rounded(long double v, int decimals)
{
	const double f = pow(10, decimals);
	return (double)(roundl(v * f) / f);
}

static void add_fig(cJSON *o, const char *k, const struct figure *f, int decimals)
{
	if (f->has && isfinite((double)f->v))
		cJSON_AddNumberToObject(o, k, rounded(f->v, decimals));
	else
		cJSON_AddNullToObject(o, k);
}

static void add_time(cJSON *o, const char *k, int64_t t)
{
	char buf[ISO_TIME_LEN];
	if (t <= 0) {
		cJSON_AddNullToObject(o, k);
		return;
	}
	time_format_iso(t, buf, sizeof buf);
	cJSON_AddStringToObject(o, k, buf);
}

static cJSON *unbonding_json(const struct unbonding *u, size_t n, int64_t pos_id, int64_t now)
{
	cJSON *arr = cJSON_CreateArray();
	char q[DEC_STR_MAX];
	for (size_t i = 0; i < n; i++) {
		if (u[i].position_id != pos_id)
			continue;
		cJSON *o = cJSON_CreateObject();
		dec_format(u[i].amount, q, sizeof q);
		cJSON_AddStringToObject(o, "amount", q);
		add_time(o, "requested_at", u[i].requested_at);
		add_time(o, "available_at", u[i].available_at);
		cJSON_AddNumberToObject(o, "seconds_left", (double)unbond_seconds_left(&u[i], now));
		cJSON_AddStringToObject(o, "status", unbond_status_name(unbond_status_at(&u[i], now)));
		cJSON_AddStringToObject(o, "rule", u[i].rule);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *position_json(const struct app *a, size_t i, const struct unbonding *u, size_t nu)
{
	const struct position *p = &a->positions.v[i];
	const struct valuation *v = &a->rows[i];
	cJSON *o = cJSON_CreateObject();
	char q[DEC_STR_MAX], acc[ACCOUNT_MAX];
	cJSON_AddNumberToObject(o, "id", (double)p->id);
	text_copy_clean(acc, sizeof acc, p->account);
	cJSON_AddStringToObject(o, "account", acc);
	cJSON_AddStringToObject(o, "kind", v->idle ? "idle" : asset_kind_name(v->kind));
	cJSON_AddStringToObject(o, "origin", p->origin == ORIGIN_CHAIN ? "chain" : "manual");
	if (p->origin == ORIGIN_CHAIN) {
		cJSON_AddStringToObject(o, "address", p->address);
		add_time(o, "read_at", p->read_at);
	}
	cJSON_AddStringToObject(o, "asset", p->asset);
	if (v->underlying)
		cJSON_AddStringToObject(o, "underlying", v->underlying->symbol);
	else
		cJSON_AddNullToObject(o, "underlying");
	dec_format(v->asset ? v->quantity : p->quantity, q, sizeof q);
	cJSON_AddStringToObject(o, "quantity", q);
	add_fig(o, "underlying_quantity", &v->underlying_qty, 12);
	add_fig(o, "exchange_rate", &v->exchange_rate, 12);
	add_fig(o, "price_underlying", &v->price_underlying, 6);
	add_fig(o, "price_market", &v->price_market, 6);
	add_fig(o, "nav", &v->nav, 4);
	add_fig(o, "market_value", &v->market_value, 4);
	add_fig(o, "premium_bps", &v->premium_bps, 2);
	add_fig(o, "apr", &v->apr, 8);
	add_fig(o, "apy", &v->apy, 8);
	add_fig(o, "yield_30d", &v->yield_30d, 12);
	add_fig(o, "yield_365d", &v->yield_365d, 12);
	add_fig(o, "yield_365d_value", &v->yield_365d_value, 4);
	cJSON_AddBoolToObject(o, "stale", v->stale);
	if (v->missing)
		cJSON_AddStringToObject(o, "missing", v->missing);
	cJSON *src = cJSON_AddObjectToObject(o, "sources");
	for (unsigned k = 0; k < v->n_sources; k++) {
		const struct figure_source *s = &v->sources[k];
		if (!s->has)
			continue;
		cJSON *so = cJSON_AddObjectToObject(src, s->what);
		cJSON_AddStringToObject(so, "source", s->source);
		cJSON_AddNumberToObject(so, "age_s", (double)s->age_s);
	}
	cJSON_AddItemToObject(o, "unbonding", unbonding_json(u, nu, p->id, a->now));
	return o;
}

static int report_json(const struct app *a, const struct unbonding *u, size_t nu)
{
	cJSON *root = cJSON_CreateObject();
	add_time(root, "generated_at", a->now);
	cJSON_AddStringToObject(root, "currency", a->cfg.currency);
	cJSON *arr = cJSON_AddArrayToObject(root, "positions");
	for (size_t i = 0; i < a->positions.n; i++)
		cJSON_AddItemToArray(arr, position_json(a, i, u, nu));
	cJSON *t = cJSON_AddObjectToObject(root, "totals");
	add_fig(t, "nav", &a->totals.nav, 4);
	add_fig(t, "market_value", &a->totals.market_value, 4);
	add_fig(t, "premium_bps", &a->totals.premium_bps, 2);
	add_fig(t, "apy", &a->totals.apy, 8);
	add_fig(t, "yield_365d_value", &a->totals.yield_365d_value, 4);
	char *s = cJSON_PrintUnformatted(root);
	int rc = s && puts(s) >= 0 ? EXIT_OK : EXIT_PARTIAL;
	free(s);
	cJSON_Delete(root);
	return rc;
}

static void report_table(const struct app *a, const struct unbonding *u, size_t nu)
{
	char cells[12][40];
	printf("%5s %-12s %-9s %-8s %18s %12s %12s %8s %7s %12s  %s\n", "ID", "ACCOUNT", "ASSET",
	       "KIND", "QUANTITY", "NAV", "MARKET", "PREM", "APY", "YIELD/YR", "UNBONDING");
	for (size_t i = 0; i < a->positions.n; i++) {
		const struct position *p = &a->positions.v[i];
		const struct valuation *v = &a->rows[i];
		char acc[13], unb[96] = "-";
		text_copy_clean(acc, sizeof acc, p->account);
		fmt_quantity(v->asset ? v->quantity : p->quantity, cells[0], sizeof cells[0]);
		fmt_money(&v->nav, cells[1], sizeof cells[1]);
		fmt_money(&v->market_value, cells[2], sizeof cells[2]);
		fmt_bps(&v->premium_bps, cells[3], sizeof cells[3]);
		fmt_pct(&v->apy, cells[4], sizeof cells[4]);
		fmt_money(&v->yield_365d_value, cells[5], sizeof cells[5]);
		for (size_t k = 0; k < nu; k++)
			if (u[k].position_id == p->id) {
				char left[32], q[DEC_STR_MAX];
				unbond_format_left(unbond_seconds_left(&u[k], a->now), left, sizeof left);
				dec_format(u[k].amount, q, sizeof q);
				snprintf(unb, sizeof unb, "%s in %s", q, left);
				break;
			}
		printf("%5lld %-12s %-9s %-8s %18s %12s %12s %8s %7s %12s  %s%s\n", (long long)p->id,
		       acc, p->asset, v->idle ? "idle" : asset_kind_name(v->kind), cells[0], cells[1],
		       cells[2], cells[3], cells[4], cells[5], unb, v->stale ? "  (stale)" : "");
	}
	fmt_money(&a->totals.nav, cells[1], sizeof cells[1]);
	fmt_money(&a->totals.market_value, cells[2], sizeof cells[2]);
	fmt_bps(&a->totals.premium_bps, cells[3], sizeof cells[3]);
	fmt_pct(&a->totals.apy, cells[4], sizeof cells[4]);
	fmt_money(&a->totals.yield_365d_value, cells[5], sizeof cells[5]);
	printf("%5s %-12s %-9s %-8s %18s %12s %12s %8s %7s %12s\n", "", "TOTAL", "", "", "",
	       cells[1], cells[2], cells[3], cells[4], cells[5]);
	printf("\nmoney in %s; %zu position%s", a->cfg.currency, a->positions.n,
	       a->positions.n == 1 ? "" : "s");
	if (a->totals.stale) {
		char d[16];
		if (a->snapshot_ts) {
			time_format_date(a->snapshot_ts, d, sizeof d);
			printf("; some figures are stale (offline snapshot of %s)", d);
		} else {
			printf("; some figures are stale");
		}
	}
	printf("\n");
}

int cmd_report(struct cli *c, int argc, char **argv)
{
	int json = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else
			return cli_usage_error(cli_find("report"), "unexpected argument '%s'", argv[i]);
	}
	struct app a;
	struct unbonding *u = NULL;
	size_t nu = 0;
	char err[512];
	int rc;
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	if (app_load(&a, app_clock(), err, sizeof err) < 0 ||
	    store_unbondings_list(a.store, 0, false, &u, &nu, err, sizeof err) < 0) {
		rc = cli_fail(EXIT_PARTIAL, "%s", err);
		goto out;
	}
	if (json) {
		rc = report_json(&a, u, nu);
	} else {
		report_table(&a, u, nu);
		rc = EXIT_OK;
	}
out:
	free(u);
	app_close(&a);
	return rc;
}
