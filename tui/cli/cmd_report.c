/* cmd_report.c — `staketop report [--json]`: every position valued, NAV
 * beside market, yield, unbonding, and the totals. */
#include <math.h>
#include <stdlib.h>
#include <string.h>


#include "positions/text.h"
#include "positions/timeutil.h"
#include "positions/unbonding.h"
#include "positions/why.h"
#include "tui/app/unbond_ops.h"
#include "tui/app/watch.h"
#include "tui/cli/cli.h"
#include "tui/term/format.h"
#include "tui/app/json_out.h"

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
	if (t <= 0) {
		json_null(j, k);
		return;
	}
	time_format_iso(t, buf, sizeof buf);
	json_string(j, k, buf);
}

/* u is ordered by available_at; a position's entries are picked by id. */
static void unbonding_json(struct json_out *j, const struct unbonding *u, size_t n,
                           int64_t pos_id, int64_t now)
{
	char q[DEC_STR_MAX];
	json_begin_array(j, "unbonding");
	for (size_t i = 0; i < n; i++) {
		if (u[i].position_id != pos_id)
			continue;
		json_begin_object(j, NULL);
		dec_format(u[i].amount, q, sizeof q);
		json_string(j, "amount", q);
		add_time(j, "requested_at", u[i].requested_at);
		add_time(j, "available_at", u[i].available_at);
		json_int(j, "seconds_left", unbond_seconds_left(&u[i], now));
		json_string(j, "status", unbond_status_name(unbond_status_at(&u[i], now)));
		json_string(j, "rule", u[i].rule);
		json_end_object(j);
	}
	json_end_array(j);
}

/* cost_basis, pnl, pnl_pct (null without a cost basis), and the split. */
static void pnl_json(struct json_out *j, const struct position *p, const struct pnl *pl)
{
	if (pl->has) {
		json_decimal(j, "cost_basis", (double)pl->cost, 4);
		json_decimal(j, "pnl", (double)pl->pnl, 4);
		json_decimal(j, "pnl_pct", (double)pl->pnl_pct, 4);
	} else {
		if (p->has_cost_basis && pl->n_lots) {
			char c[DEC_STR_MAX];
			dec_format(p->cost_basis, c, sizeof c);
			json_string(j, "cost_basis_recorded", c);
		}
		json_null(j, "cost_basis");
		json_null(j, "pnl");
		json_null(j, "pnl_pct");
		json_string(j, "pnl_missing", pl->missing ? pl->missing : "no cost basis");
	}
	if (pl->has && pl->has_apy)
		json_decimal(j, "apy_since_open", (double)pl->apy, 8);
	else
		json_null(j, "apy_since_open");
	if (pl->has && pl->has_split) {
		json_decimal(j, "pnl_rewards", (double)pl->rewards, 4);
		json_decimal(j, "pnl_price", (double)pl->price, 4);
		json_decimal(j, "reward_units", (double)pl->reward_units, 12);
	} else {
		json_null(j, "pnl_rewards");
		json_null(j, "pnl_price");
	}
}

/* What the position's sales realized: null figures (and why) when a sale
 * took units without a cost; 0 with no sale. */
static void realized_json(struct json_out *j, const struct realized *r)
{
	json_int(j, "realized_sales", (int64_t)r->n_sales);
	if (r->has) {
		json_decimal(j, "realized", (double)r->realized, 4);
		json_decimal(j, "realized_proceeds", (double)r->proceeds, 4);
		json_decimal(j, "realized_cost", (double)r->cost, 4);
		json_null(j, "realized_missing");
		return;
	}
	json_null(j, "realized");
	if (r->n_sales)
		json_decimal(j, "realized_proceeds", (double)r->proceeds, 4);
	else
		json_null(j, "realized_proceeds");
	json_null(j, "realized_cost");
	json_string(j, "realized_missing", r->missing ? r->missing : "not computed");
}

static void position_json(struct json_out *j, const struct app *a, size_t i,
                          const struct unbonding *u, size_t nu, const struct watch *w, size_t nw)
{
	const struct position *p = &a->positions.v[i];
	const struct valuation *v = &a->rows[i];
	char q[DEC_STR_MAX], acc[ACCOUNT_MAX];
	json_begin_object(j, NULL);
	json_int(j, "id", p->id);
	text_copy_clean(acc, sizeof acc, p->account);
	json_string(j, "account", acc);
	json_string(j, "kind", v->idle ? "idle" : asset_kind_name(v->kind));
	json_string(j, "origin", p->origin == ORIGIN_CHAIN ? "chain" : "manual");
	if (p->origin == ORIGIN_CHAIN) {
		json_string(j, "address", p->address);
		add_time(j, "read_at", p->read_at);
		/* the block, slot or height of the read that set the quantity,
		 * when that is the watch's last good read */
		const struct watch *pw = watch_of_position(p, w, nw);
		if (pw && pw->read_height[0] && pw->last_ok_at == p->read_at) {
			char h[WATCH_HEIGHT_MAX];
			text_copy_clean(h, sizeof h, pw->read_height);
			json_string(j, "read_height", h);
		} else {
			json_null(j, "read_height");
		}
		/* a failed read keeps the last quantities: how old, and why */
		json_int(j, "read_age_seconds", p->read_at > 0 ? a->now - p->read_at : 0);
		/* no longer held on chain, nothing on its way out: kept with its
		 * history, closed */
		bool leaving = false;
		for (size_t k = 0; k < nu && !leaving; k++)
			leaving = u[k].position_id == p->id && !u[k].claimed;
		json_bool(j, "closed", dec_is_zero(p->quantity) && !leaving);
		/* the error of the watch's last read, null when it went well */
		const char *e = pw && pw->last_error[0] ? pw->last_error : NULL;
		if (e) {
			char clean[WATCH_ERROR_MAX];
			text_copy_clean(clean, sizeof clean, e);
			json_string(j, "read_error", clean);
		} else {
			json_null(j, "read_error");
		}
	}
	json_string(j, "asset", p->asset);
	if (v->underlying)
		json_string(j, "underlying", v->underlying->symbol);
	else
		json_null(j, "underlying");
	dec_format(v->asset ? v->quantity : p->quantity, q, sizeof q);
	json_string(j, "quantity", q);
	if (v->shares_pending)
		json_bool(j, "shares_pending", true);
	add_fig(j, "underlying_quantity", &v->underlying_qty, 12);
	add_fig(j, "exchange_rate", &v->exchange_rate, 12);
	add_fig(j, "price_underlying", &v->price_underlying, 6);
	add_fig(j, "price_market", &v->price_market, 6);
	add_fig(j, "nav", &v->nav, 4);
	add_fig(j, "market_value", &v->market_value, 4);
	add_fig(j, "premium_bps", &v->premium_bps, 2);
	add_fig(j, "apr", &v->apr, 8);
	add_fig(j, "apy", &v->apy, 8);
	if (v->n_yield) {
		/* the base APR and the restaking APR apart (apr is their sum) */
		json_decimal(j, "apr_base", v->yield[0].apr, 8);
		json_decimal(j, "apr_restaking", v->n_yield > 1 ? v->yield[1].apr : 0, 8);
		if (v->yield[0].from_feed) {
			json_string(j, "yield_quoted", v->yield[0].quoted == QUOTE_APY ? "apy" : "apr");
			json_decimal(j, "yield_quoted_value", v->yield[0].quoted_value, 8);
		}
	}
	add_fig(j, "yield_30d", &v->yield_30d, 12);
	add_fig(j, "yield_365d", &v->yield_365d, 12);
	add_fig(j, "yield_365d_value", &v->yield_365d_value, 4);
	pnl_json(j, p, &a->pnl[i]);
	realized_json(j, &a->realized[i]);
	json_bool(j, "stale", v->stale);
	if (v->missing)
		json_string(j, "missing", v->missing);
	if (why_short(v)) {
		char why[320];
		why_text(v, p->created_at, NULL, why, sizeof why);
		json_string(j, "why", why);
	}
	json_begin_object(j, "sources");
	for (unsigned k = 0; k < v->n_sources; k++) {
		const struct figure_source *s = &v->sources[k];
		if (!s->has)
			continue;
		json_begin_object(j, s->what);
		json_string(j, "source", s->source);
		json_int(j, "age_s", s->age_s);
		json_end_object(j);
	}
	json_end_object(j);
	unbonding_json(j, u, nu, p->id, a->now);
	json_end_object(j);
}

static int report_json(const struct app *a, const struct unbonding *u, size_t nu,
                       const struct watch *w, size_t nw)
{
	struct json_out j;
	json_out_init(&j, stdout);
	json_begin_object(&j, NULL);
	add_time(&j, "generated_at", a->now);
	json_string(&j, "currency", a->cfg.currency);
	json_begin_array(&j, "positions");
	for (size_t i = 0; i < a->positions.n; i++)
		position_json(&j, a, i, u, nu, w, nw);
	json_end_array(&j);
	const struct totals *t = &a->totals;
	json_begin_object(&j, "totals");
	/* nav and market_value over the `valued` positions; the rest apart */
	json_int(&j, "positions", (int64_t)t->n_positions);
	json_int(&j, "valued", (int64_t)t->n_valued);
	json_int(&j, "nav_only", (int64_t)t->n_nav_only);
	json_int(&j, "market_only", (int64_t)t->n_market_only);
	json_int(&j, "unvalued", (int64_t)t->n_unvalued);
	add_fig(&j, "nav", &t->nav, 4);
	add_fig(&j, "market_value", &t->market_value, 4);
	add_fig(&j, "nav_only_nav", &t->nav_only_nav, 4);
	add_fig(&j, "market_only_value", &t->market_only_value, 4);
	add_fig(&j, "unbonding", &t->unbonding, 4);
	add_fig(&j, "value_nav", &t->value_nav, 4);
	add_fig(&j, "value_market", &t->value_market, 4);
	add_fig(&j, "premium_bps", &a->totals.premium_bps, 2);
	add_fig(&j, "apy", &a->totals.apy, 8);
	add_fig(&j, "yield_365d_value", &a->totals.yield_365d_value, 4);
	/* P&L over the positions with a cost basis and a value: pnl_positions
	 * of positions */
	const struct pnl_totals *pt = &a->pnl_totals;
	json_int(&j, "pnl_positions", (int64_t)pt->n_covered);
	if (pt->n_covered) {
		json_decimal(&j, "cost_basis", (double)pt->cost, 4);
		json_decimal(&j, "pnl", (double)pt->pnl, 4);
	} else {
		json_null(&j, "cost_basis");
		json_null(&j, "pnl");
	}
	if (pt->has_pct)
		json_decimal(&j, "pnl_pct", (double)pt->pnl_pct, 4);
	else
		json_null(&j, "pnl_pct");
	/* realized P&L over the positions whose sales all had a cost (one
	 * without a sale realized 0): realized_positions of positions */
	const struct realized_totals *rt = &a->realized_totals;
	json_int(&j, "realized_positions", (int64_t)rt->n_covered);
	json_int(&j, "realized_sales", (int64_t)rt->n_sales);
	json_decimal(&j, "realized", (double)rt->realized, 4);
	json_decimal(&j, "realized_proceeds", (double)rt->proceeds, 4);
	json_decimal(&j, "realized_cost", (double)rt->cost, 4);
	json_end_object(&j);
	json_end_object(&j);
	int rc = json_out_write(&j, stdout) == 0 ? EXIT_OK : EXIT_PARTIAL;
	json_out_done(&j);
	return rc;
}

/* What the TOTAL line covers, and the values it leaves apart. */
static void report_coverage(const struct totals *t)
{
	char m[40];
	printf("%18s %zu of %zu position%s valued (NAV and market both known)\n", "TOTAL covers",
	       t->n_valued, t->n_positions, t->n_positions == 1 ? "" : "s");
	if (t->n_nav_only) {
		fmt_money(&t->nav_only_nav, m, sizeof m);
		printf("%18s %zu position%s, NAV %s (no market price)\n", "apart:", t->n_nav_only,
		       t->n_nav_only == 1 ? "" : "s", m);
	}
	if (t->n_market_only) {
		fmt_money(&t->market_only_value, m, sizeof m);
		printf("%18s %zu position%s, market %s (no NAV)\n", "apart:", t->n_market_only,
		       t->n_market_only == 1 ? "" : "s", m);
	}
	if (t->n_unvalued)
		printf("%18s %zu position%s with neither\n", "unvalued:", t->n_unvalued,
		       t->n_unvalued == 1 ? "" : "s");
	if (t->n_unbonding) {
		fmt_money(&t->unbonding, m, sizeof m);
		printf("%18s %s at NAV (%zu pending exit%s%s); value at NAV with exits ",
		       "unbonding:", m, t->n_unbonding, t->n_unbonding == 1 ? "" : "s",
		       t->n_unbonding_unvalued ? ", some without a NAV" : "");
		fmt_money(&t->value_nav, m, sizeof m);
		printf("%s\n", m);
	}
}

/* The P&L line: over how many positions, cost, P&L and %. */
static void report_pnl(const struct app *a)
{
	const struct pnl_totals *t = &a->pnl_totals;
	char c[40], p[40];
	struct figure fc = { t->n_covered > 0, t->cost }, fp = { t->n_covered > 0, t->pnl };
	fmt_money(&fc, c, sizeof c);
	fmt_money(&fp, p, sizeof p);
	printf("%18s %zu of %zu position%s with a cost basis", "P&L covers", t->n_covered,
	       t->n_rows, t->n_rows == 1 ? "" : "s");
	if (t->n_covered) {
		printf(": cost %s, P&L %s%s", c, t->pnl > 0 && !fmt_private() ? "+" : "", p);
		if (t->has_pct)
			printf(" (%+.2Lf %%)", t->pnl_pct);
	}
	printf("\n");
	/* realized: the sales recorded with a price (staketop withdraw) */
	const struct realized_totals *r = &a->realized_totals;
	printf("%18s %zu of %zu position%s", "realized covers", r->n_covered, r->n_rows,
	       r->n_rows == 1 ? "" : "s");
	if (r->n_covered < r->n_rows)
		printf(" (the rest sold units without a cost)");
	if (r->n_sales) {
		struct figure fr = { true, r->proceeds }, fk = { true, r->cost },
			      fz = { true, r->realized };
		char pr[40], k[40], z[40];
		fmt_money(&fr, pr, sizeof pr);
		fmt_money(&fk, k, sizeof k);
		fmt_money(&fz, z, sizeof z);
		printf(": %zu sale%s, proceeds %s - cost %s = realized %s%s", r->n_sales,
		       r->n_sales == 1 ? "" : "s", pr, k, r->realized > 0 && !fmt_private() ? "+" : "", z);
	} else {
		printf(": no sale recorded");
	}
	printf("\n");
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
				fmt_dec(u[k].amount, q, sizeof q);
				snprintf(unb, sizeof unb, "%s in %s", q, left);
				break;
			}
		printf("%5lld %-12s %-9s %-8s %*s %*s %*s %8s %7s %*s  %s%s\n", (long long)p->id,
		       acc, p->asset, v->idle ? "idle" : asset_kind_name(v->kind),
		       fmt_pad(cells[0], 18), cells[0], fmt_pad(cells[1], 12), cells[1],
		       fmt_pad(cells[2], 12), cells[2], cells[3], cells[4], fmt_pad(cells[5], 12),
		       cells[5], unb, v->stale ? "  (stale)" : "");
	}
	fmt_money(&a->totals.nav, cells[1], sizeof cells[1]);
	fmt_money(&a->totals.market_value, cells[2], sizeof cells[2]);
	fmt_bps(&a->totals.premium_bps, cells[3], sizeof cells[3]);
	fmt_pct(&a->totals.apy, cells[4], sizeof cells[4]);
	fmt_money(&a->totals.yield_365d_value, cells[5], sizeof cells[5]);
	printf("%5s %-12s %-9s %-8s %18s %*s %*s %8s %7s %*s\n", "", "TOTAL", "", "", "",
	       fmt_pad(cells[1], 12), cells[1], fmt_pad(cells[2], 12), cells[2], cells[3], cells[4],
	       fmt_pad(cells[5], 12), cells[5]);
	report_coverage(&a->totals);
	report_pnl(a);
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
	if (json && cli_machine_format(c, cli_find("report"), "--json"))
		return EXIT_USAGE;
	struct app a;
	struct unbonding *u = NULL;
	struct watch *w = NULL;
	size_t nu = 0, nw = 0;
	char err[512];
	int rc;
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	if (app_load(&a, app_clock(), err, sizeof err) < 0 ||
	    store_unbondings_list(a.store, 0, false, &u, &nu, err, sizeof err) < 0 ||
	    store_watches_list(a.store, &w, &nw, err, sizeof err) < 0) {
		rc = cli_fail(EXIT_PARTIAL, "%s", err);
		goto out;
	}
	if (json) {
		rc = report_json(&a, u, nu, w, nw);
	} else {
		report_table(&a, u, nu);
		rc = EXIT_OK;
	}
out:
	free(u);
	free(w);
	app_close(&a);
	return rc;
}
