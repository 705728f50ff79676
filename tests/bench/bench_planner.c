/* bench_planner.c — recomputing the plan after a keystroke through the
 * planner screen's own path (tui/screens/planner.c: planner_step, which
 * runs app_plan_compute — the plan and the risk before and after — and
 * makes the pane's lines), on the valued portfolio of a store loaded once
 * as the interface has it, at 80x24.
 *
 *   bench_planner DB
 *
 * The keystrokes move a point between the first two targets (+ on one,
 * - on the other); the ones that bring the sum back to 100 are timed.
 * Prints "planner keystroke, N
 * positions: X ms (median of 401), worst Y ms (target < 2 ms)". Exit 1
 * when the median misses the target or a step fails; 2 for usage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/tools/bench_clock.h"

#include "tui/app/app.h"
#include "tui/screens/planner.h"

#define RUNS 401
#define TARGET_MS 2.0

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s DB\n", argv[0]);
		return 2;
	}
	struct app_options o = { .db = argv[1], .offline = true };
	struct app a;
	char err[512];
	if (app_open(&a, &o, err, sizeof err) < 0 || app_load(&a, app_clock(), err, sizeof err) < 0) {
		fprintf(stderr, "bench_planner: %s\n", err);
		return 1;
	}
	struct scene sc;
	memset(&sc, 0, sizeof sc);
	sc.app = &a;
	sc.now = a.now;
	layout_compute(&sc.lay, 24, 80);
	static struct planner p;
	static double t[RUNS];
	int rc = 0;
	if (planner_open(&p, &sc) < 0) {
		fprintf(stderr, "bench_planner: %s\n", p.err);
		rc = 1;
	}
	/* a point moved between the first two targets: one keystroke puts the
	 * sum off 100 (no trades), the next back at 100 (the whole plan); only
	 * the second kind is timed, the dearer one */
	for (int k = 0, m = 0; m < RUNS && rc == 0; k++) {
		double t0 = bench_now_ms();
		p.cursor = (size_t)(k % 2);
		if (planner_step(&p, &sc, k % 4 < 2 ? (k % 2 ? -1 : 1) : (k % 2 ? 1 : -1)) < 0) {
			fprintf(stderr, "bench_planner: %s\n", p.err);
			rc = 1;
		}
		double dt = bench_now_ms() - t0;
		if (p.run.plan.sum_ok)
			t[m++] = dt;
	}
	if (rc == 0) {
		qsort(t, RUNS, sizeof *t, bench_cmp_double);
		printf("planner keystroke, %zu positions (%zu trades, %zu lines): %.3f ms (median of %d), "
		       "worst %.3f ms (target < %.0f ms)\n", a.positions.n, p.run.plan.n_trades,
		       p.n_lines, t[RUNS / 2], RUNS, t[RUNS - 1], TARGET_MS);
		if (t[RUNS / 2] >= TARGET_MS)
			rc = 1;
	}
	planner_free(&p);
	app_close(&a);
	return rc;
}
