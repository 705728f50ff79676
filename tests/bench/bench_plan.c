/* bench_plan.c — recomputing the plan after a keystroke: targets parsed,
 * plan_compute and risk before and after, over the valued portfolio of a
 * store (the board's rows, loaded once by app_load as the screen has them).
 *
 *   bench_plan DB [TARGETS]      (default native=40,liquid=40,restaked=20)
 *
 * Prints "plan recompute, N positions: X ms (median of 201), worst Y ms
 * (target < 2 ms)". Exit 1 when the median misses the target or a step
 * fails; 2 for usage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/tools/bench_clock.h"

#include "positions/plan.h"
#include "positions/risk.h"
#include "tui/app/app.h"

#define RUNS 201
#define TARGET_MS 2.0

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: %s DB [TARGETS]\n", argv[0]);
		return 2;
	}
	const char *text = argc == 3 ? argv[2] : "native=40,liquid=40,restaked=20";
	struct app_options o = { .db = argv[1], .offline = true };
	struct app a;
	char err[512];
	if (app_open(&a, &o, err, sizeof err) < 0 || app_load(&a, app_clock(), err, sizeof err) < 0) {
		fprintf(stderr, "bench_plan: %s\n", err);
		return 1;
	}
	size_t n = a.positions.n;
	int64_t *ids = calloc(n ? n : 1, sizeof *ids);
	double t[RUNS];
	int rc = 0;
	if (!ids) {
		app_close(&a);
		return 1;
	}
	for (size_t i = 0; i < n; i++)
		ids[i] = a.positions.v[i].id;
	const struct plan_portfolio pf = { a.rows, ids, NULL, n };
	const struct plan_settings s = { a.cfg.swap_fee_pct / 100, a.cfg.min_trade, a.now, NULL };
	size_t trades = 0;
	for (int k = 0; k < RUNS && rc == 0; k++) {
		struct plan_targets tg;
		struct plan p;
		static struct risk_report rb, ra;
		double t0 = bench_now_ms();
		if (plan_targets_parse(text, &a.cat, &tg, err, sizeof err) < 0 ||
		    plan_compute(&pf, &tg, &s, &p) < 0) {
			fprintf(stderr, "bench_plan: %s\n", err);
			rc = 1;
			break;
		}
		risk_compute(a.rows, NULL, n, 0, a.cfg.concentration_pct / 100, &rb);
		risk_compute(a.rows, p.after_nav, n, p.unallocated > 0 ? p.unallocated : 0,
		             a.cfg.concentration_pct / 100, &ra);
		trades = p.n_trades;
		plan_free(&p);
		t[k] = bench_now_ms() - t0;
	}
	if (rc == 0) {
		qsort(t, RUNS, sizeof *t, bench_cmp_double);
		printf("plan recompute, %zu positions (%zu trades): %.3f ms (median of %d), worst %.3f ms "
		       "(target < %.0f ms)\n", n, trades, t[RUNS / 2], RUNS, t[RUNS - 1], TARGET_MS);
		if (t[RUNS / 2] >= TARGET_MS)
			rc = 1;
	}
	free(ids);
	app_close(&a);
	return rc;
}
