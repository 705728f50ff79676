/* bench_snapshots — what recording adds to a refresh of 1,000 positions:
 * feeds_record_snapshots (value the portfolio, one snapshot per position,
 * the thinning check) on a store made by bench-seed, each run an hour after
 * the last so every run writes 1,000 rows, inside the refresh's
 * transaction as feeds_store runs it. Target: under 5 ms, the median.
 *
 * usage: bench_snapshots DB (made by bench-seed DB 1000 N) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/tools/bench_clock.h"

#include "data/snapshots_db.h"
#include "tui/app/app.h"
#include "tui/app/feeds.h"

#define RUNS 21

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s DB\n", argv[0]);
		return 2;
	}
	struct app a;
	struct app_options o = { .db = argv[1], .offline = true };
	char err[512];
	if (app_open(&a, &o, err, sizeof err) < 0) {
		fprintf(stderr, "bench_snapshots: %s\n", err);
		return 1;
	}
	double ms[RUNS], load_ms[RUNS], write_ms[RUNS];
	int64_t now = app_clock();
	int rc = 1;
	for (int run = 0; run < RUNS; run++) {
		now += 3600;
		if (store_begin(a.store, err, sizeof err) < 0)
			goto out;
		double t0 = bench_now_ms();
		if (feeds_record_snapshots(&a, now, err, sizeof err) < 0)
			goto out;
		ms[run] = bench_now_ms() - t0;
		if (store_commit(a.store, err, sizeof err) < 0)
			goto out;
		t0 = bench_now_ms();
		if (app_value(&a, now, err, sizeof err) < 0)
			goto out;
		load_ms[run] = bench_now_ms() - t0;
		write_ms[run] = ms[run] - load_ms[run];
	}
	qsort(ms, RUNS, sizeof *ms, bench_cmp_double);
	qsort(load_ms, RUNS, sizeof *load_ms, bench_cmp_double);
	qsort(write_ms, RUNS, sizeof *write_ms, bench_cmp_double);
	/* the refresh values the portfolio for its reload anyway: what the
	 * snapshots add to it is the writes */
	printf("snapshot recording, %zu positions: median %.2f ms, worst %.2f ms over %d runs; "
	       "valuing the portfolio (app_value) %.2f ms of it, the writes alone %.2f ms "
	       "(target < 5 ms added to a refresh)\n",
	       a.positions.n, ms[RUNS / 2], ms[RUNS - 1], RUNS, load_ms[RUNS / 2],
	       write_ms[RUNS / 2]);
	rc = 0;
out:
	if (rc)
		fprintf(stderr, "bench_snapshots: %s\n", err);
	app_close(&a);
	return rc;
}
