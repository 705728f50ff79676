/* bench_snapshots — what recording adds to a refresh of 1,000 positions:
 * feeds_record_snapshots (value the portfolio, one snapshot per position,
 * the thinning check) on a store made by bench-seed, each run an hour after
 * the last so every run writes 1,000 rows, inside the refresh's
 * transaction as feeds_store runs it. Target: under 5 ms, the median.
 * Then one run that thins a day of hourly rows (the daily worst case).
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

static int count_rows(struct app *a, int64_t *n, char *err, size_t errlen)
{
	struct snapshot *v;
	size_t k;
	if (store_snapshots_list(a->store, 0, 0, INT64_MAX, &v, &k, err, errlen) < 0)
		return -1;
	free(v);
	*n = (int64_t)k;
	return 0;
}

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
	/* the first run also converts bench-seed's pending rebasing positions
	 * to shares (once per store: 64 a valuation) */
	const double first_ms = ms[0];
	/* a thinning run: a day of hourly rows (24 per position) just past
	 * the thinned edge, then a refresh a day later thins it to the last
	 * row of each position (and records its own 1,000) */
	double thin_ms;
	int64_t thinned = 0;
	{
		int64_t day = now - (int64_t)a.cfg.thin_after_days * 86400;
		day -= ((day % 86400) + 86400) % 86400;
		size_t n = a.positions.n;
		struct snapshot *v = calloc(n ? n : 1, sizeof *v);
		if (!v) {
			snprintf(err, sizeof err, "out of memory");
			goto out;
		}
		/* put as they are (an import): recording refuses rows older than
		 * the newest of their position */
		if (store_begin(a.store, err, sizeof err) < 0) {
			free(v);
			goto out;
		}
		for (int h = 0; h < 24; h++)
			for (size_t i = 0; i < n; i++) {
				v[i] = (struct snapshot){ .ts = day + h * 3600,
					.position_id = a.positions.v[i].id, .has_quantity = true,
					.quantity = a.positions.v[i].quantity };
				if (store_snapshot_put(a.store, &v[i], err, sizeof err) < 0) {
					free(v);
					goto out;
				}
			}
		free(v);
		if (store_commit(a.store, err, sizeof err) < 0)
			goto out;
		now += 86400;
		if (count_rows(&a, &thinned, err, sizeof err) < 0 ||
		    store_begin(a.store, err, sizeof err) < 0)
			goto out;
		double t0 = bench_now_ms();
		if (feeds_record_snapshots(&a, now, err, sizeof err) < 0)
			goto out;
		thin_ms = bench_now_ms() - t0;
		if (store_commit(a.store, err, sizeof err) < 0)
			goto out;
		int64_t after;
		if (count_rows(&a, &after, err, sizeof err) < 0)
			goto out;
		thinned = thinned + (int64_t)n - after;
	}
	qsort(ms, RUNS, sizeof *ms, bench_cmp_double);
	qsort(load_ms, RUNS, sizeof *load_ms, bench_cmp_double);
	qsort(write_ms, RUNS, sizeof *write_ms, bench_cmp_double);
	/* what a refresh runs: the valuation (shared with the alert check
	 * that follows in feeds_store), the writes, the thinning check */
	printf("snapshot recording, %zu positions: median %.2f ms, worst %.2f ms over %d runs "
	       "(the first, %.2f ms, also converts the seed's pending rebasing positions once); "
	       "valuing the portfolio (app_value) %.2f ms of it, the writes alone %.2f ms "
	       "(target < 5 ms added to a refresh)\n",
	       a.positions.n, ms[RUNS / 2], ms[RUNS - 1], RUNS, first_ms, load_ms[RUNS / 2],
	       write_ms[RUNS / 2]);
	printf("snapshot recording that thins a day (%zu positions x 24 hourly rows, %lld "
	       "deleted): %.2f ms (once a day)\n", a.positions.n, (long long)thinned, thin_ms);
	rc = 0;
out:
	if (rc)
		fprintf(stderr, "bench_snapshots: %s\n", err);
	app_close(&a);
	return rc;
}
