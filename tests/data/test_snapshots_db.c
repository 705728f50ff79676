/* test_snapshots_db.c — data/snapshots_db.c on real SQLite files: one
 * snapshot per position per interval, thinning that keeps the last row of
 * each day, exact quantities, absent figures stay NULL.
 *
 * D = 1795564800 is 2026-11-25T00:00:00Z (1795564800 / 86400 = 20782). */
#include "tests/data/tmpdb.h" /* first: it may define _XOPEN_SOURCE */

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "data/snapshots_db.h"
#include "data/store.h"
#include "data/store_priv.h"

#define D INT64_C(1795564800)
#define DAY INT64_C(86400)

struct fx {
	struct tmpdb db;
	struct store *s;
	char err[512];
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f || tmpdb_make_open(&f->db, "snap", &f->s, f->err, sizeof f->err) < 0) {
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	store_close(f->s);
	tmpdb_remove(&f->db);
	free(f);
	return 0;
}

static struct snapshot snap(int64_t ts, int64_t pos, const char *qty, double nav)
{
	struct snapshot v;
	memset(&v, 0, sizeof v);
	v.ts = ts;
	v.position_id = pos;
	v.has_quantity = true;
	assert_int_equal(dec_parse(qty, 18, &v.quantity, NULL, 0), 0);
	v.nav = (struct snap_fig){ true, nav };
	v.market_value = (struct snap_fig){ true, nav * 0.999 };
	v.premium_bps = (struct snap_fig){ true, -10 };
	return v;
}

static int64_t count(struct fx *f, const char *where)
{
	char sql[256];
	sqlite3_stmt *st;
	snprintf(sql, sizeof sql, "SELECT count(*) FROM snapshots WHERE %s", where);
	assert_int_equal(sqlite3_prepare_v2(store_handle(f->s), sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int64_t n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void schema__snapshots_have_a_premium_column(void **state)
{
	struct fx *f = *state;
	/* the recorded premium must have a place: the first schema had none */
	assert_int_equal(count(f, "1"), 0);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(store_handle(f->s),
	                 "SELECT premium_bps FROM snapshots", -1, &st, NULL), SQLITE_OK);
	sqlite3_finalize(st);
}

static void record__one_per_interval__exact_and_nulls(void **state)
{
	struct fx *f = *state;
	size_t w;
	struct snapshot v[2] = { snap(D, 1, "123.456789012345678901", 2500.5),
		                 snap(D, 2, "7", 100) };
	v[1].apy.has = false;       /* absent stays absent */
	v[1].premium_bps.has = false;
	assert_int_equal(store_snapshots_record(f->s, v, 2, 3600, &w, f->err, sizeof f->err), 0);
	assert_int_equal(w, 2);
	/* 30 min later: inside the hour, nothing new */
	v[0].ts = v[1].ts = D + 1800;
	assert_int_equal(store_snapshots_record(f->s, v, 2, 3600, &w, f->err, sizeof f->err), 0);
	assert_int_equal(w, 0);
	/* 59 min 59 s after the first: still inside (ts > D + 3599 − 3600) */
	v[0].ts = v[1].ts = D + 3599;
	assert_int_equal(store_snapshots_record(f->s, v, 2, 3600, &w, f->err, sizeof f->err), 0);
	assert_int_equal(w, 0);
	/* one hour after the first: both go in */
	v[0].ts = v[1].ts = D + 3600;
	assert_int_equal(store_snapshots_record(f->s, v, 2, 3600, &w, f->err, sizeof f->err), 0);
	assert_int_equal(w, 2);
	/* a 15-minute interval takes a row 15 min later, for position 1 only */
	v[0].ts = D + 3600 + 900;
	assert_int_equal(store_snapshots_record(f->s, v, 1, 900, &w, f->err, sizeof f->err), 0);
	assert_int_equal(w, 1);
	assert_int_equal(count(f, "1"), 5);

	struct snapshot *out;
	size_t n;
	assert_int_equal(store_snapshots_list(f->s, 0, 0, INT64_MAX, &out, &n, f->err,
	                                      sizeof f->err), 0);
	assert_int_equal(n, 5);
	/* ordered by position, then time: 1@D, 1@D+3600, 1@D+4500, 2@D, 2@D+3600 */
	assert_true(out[0].position_id == 1 && out[0].ts == D);
	assert_true(out[2].position_id == 1 && out[2].ts == D + 4500);
	assert_true(out[3].position_id == 2 && out[3].ts == D);
	char q[DEC_STR_MAX];
	dec_format(out[0].quantity, q, sizeof q);
	assert_string_equal(q, "123.456789012345678901");
	assert_true(out[0].nav.has && out[0].nav.v == 2500.5);
	assert_true(out[0].premium_bps.has && out[0].premium_bps.v == -10);
	assert_false(out[3].apy.has);
	assert_false(out[3].premium_bps.has);
	free(out);
	/* one position only, and a time window */
	assert_int_equal(store_snapshots_list(f->s, 2, D + 1, D + 7200, &out, &n, f->err,
	                                      sizeof f->err), 0);
	assert_int_equal(n, 1);
	assert_true(out[0].ts == D + 3600);
	free(out);
}

static void record__not_finite__refuses_the_batch(void **state)
{
	struct fx *f = *state;
	struct snapshot v[2] = { snap(D, 1, "1", 10), snap(D, 2, "1", 10) };
	v[1].market_value.v = NAN;
	assert_int_equal(store_snapshots_record(f->s, v, 2, 3600, NULL, f->err, sizeof f->err), -1);
	assert_non_null(strstr(f->err, "position 2: a figure is not finite"));
	v[1].market_value.v = INFINITY;
	assert_int_equal(store_snapshots_record(f->s, v, 2, 3600, NULL, f->err, sizeof f->err), -1);
	assert_int_equal(count(f, "1"), 0);
}

static void thin__keeps_last_of_each_day(void **state)
{
	struct fx *f = *state;
	/* position 1: three rows on day D (the last at 23:59:59), two on D+1;
	 * position 2: one row on day D; both: one row each on D+2 */
	const int64_t p1[] = { D + 100, D + 5000, D + 86399, D + DAY + 10, D + DAY + 7200,
		               D + 2 * DAY + 1 };
	const int64_t p2[] = { D + 200, D + 2 * DAY + 5 };
	for (size_t i = 0; i < 6; i++) {
		struct snapshot v = snap(p1[i], 1, "1", (double)i);
		assert_int_equal(store_snapshot_put(f->s, &v, f->err, sizeof f->err), 0);
	}
	for (size_t i = 0; i < 2; i++) {
		struct snapshot v = snap(p2[i], 2, "2", (double)i);
		assert_int_equal(store_snapshot_put(f->s, &v, f->err, sizeof f->err), 0);
	}
	int64_t del;
	/* now = D + 91 days + 10 s, 90 days kept: the cut is D + 1 day, so
	 * only day D is thinned: position 1 loses D+100 and D+5000 */
	const int64_t now = D + 91 * DAY + 10;
	assert_int_equal(store_snapshots_thin(f->s, now, 90, &del, f->err, sizeof f->err), 0);
	assert_true(del == 2);
	assert_int_equal(count(f, "position_id = 1 AND ts = 1795564800 + 86399"), 1);
	assert_int_equal(count(f, "position_id = 1 AND ts < 1795564800 + 86399"), 0);
	assert_int_equal(count(f, "position_id = 2 AND ts = 1795564800 + 200"), 1);
	assert_int_equal(count(f, "1"), 6);
	/* the same call again scans nothing more */
	assert_int_equal(store_snapshots_thin(f->s, now, 90, &del, f->err, sizeof f->err), 0);
	assert_true(del == 0);
	/* a day later, day D+1 goes too: position 1 keeps D+1day+7200 */
	assert_int_equal(store_snapshots_thin(f->s, now + DAY, 90, &del, f->err, sizeof f->err), 0);
	assert_true(del == 1);
	assert_int_equal(count(f, "position_id = 1 AND ts = 1795564800 + 86400 + 7200"), 1);
	assert_int_equal(count(f, "1"), 5);
	/* with 1000 days kept nothing of these days is old enough */
	assert_int_equal(store_snapshots_thin(f->s, now, 1000, &del, f->err, sizeof f->err), 0);
	assert_true(del == 0);
}

static void record__two_of_one_position_in_a_batch__the_first_only(void **state)
{
	struct fx *f = *state;
	size_t w;
	/* position 1 at D and D + 600 (inside the hour), position 2 at D:
	 * 2 rows; the same batch an hour later: 1@D+3600 and 2@D+3600 */
	struct snapshot v[3] = { snap(D, 1, "1", 1), snap(D + 600, 1, "1", 2), snap(D, 2, "2", 3) };
	assert_int_equal(store_snapshots_record(f->s, v, 3, 3600, &w, f->err, sizeof f->err), 0);
	assert_int_equal(w, 2);
	assert_int_equal(count(f, "position_id = 1 AND ts = 1795564800"), 1);
	v[0].ts = D + 3600;
	v[1].ts = D + 4200;
	v[2].ts = D + 3600;
	assert_int_equal(store_snapshots_record(f->s, v, 3, 3600, &w, f->err, sizeof f->err), 0);
	assert_int_equal(w, 2);
	assert_int_equal(count(f, "position_id = 1 AND ts = 1795564800 + 3600"), 1);
	assert_int_equal(count(f, "1"), 4);
}

static void last_nav__newest_with_a_nav_in_the_window(void **state)
{
	struct fx *f = *state;
	/* window [D, D + DAY]:
	 *   position 1: D+100 nav 10, D+200 nav absent, D+DAY+1 nav 99 (after)
	 *               -> 10 (the newest with a NAV inside)
	 *   position 2: D-1 nav 7 (before) -> none
	 *   position 3: D nav 5, D+DAY nav 6 (both edges count) -> 6
	 *   position 4: no rows -> none */
	struct snapshot v[] = { snap(D + 100, 1, "1", 10), snap(D + 200, 1, "1", 11),
		snap(D + DAY + 1, 1, "1", 99), snap(D - 1, 2, "1", 7), snap(D, 3, "1", 5),
		snap(D + DAY, 3, "1", 6) };
	v[1].nav.has = false;
	for (size_t i = 0; i < sizeof v / sizeof *v; i++)
		assert_int_equal(store_snapshot_put(f->s, &v[i], f->err, sizeof f->err), 0);
	const int64_t ids[] = { 1, 2, 3, 4 };
	struct snap_fig nav[4];
	assert_int_equal(store_snapshots_last_nav(f->s, ids, 4, D, D + DAY, nav, f->err,
	                                          sizeof f->err), 0);
	assert_true(nav[0].has && nav[0].v == 10);
	assert_false(nav[1].has);
	assert_true(nav[2].has && nav[2].v == 6);
	assert_false(nav[3].has);
}

/* One writer process: opens the file itself and records positions
 * 1..WRITER_POS at D + first + k × 600 for k = 0..23 (four hours), one
 * batch (transaction) each, after the parent says go. */
#define WRITER_POS 200
static void writer(const char *path, int go, int64_t first)
{
	struct store *s = NULL;
	char err[512], c;
	static struct snapshot v[WRITER_POS];
	int rc = 1;
	if (store_open(path, &s, err, sizeof err) < 0 || read(go, &c, 1) != 0)
		goto out;
	for (int k = 0; k < 24; k++) {
		for (int i = 0; i < WRITER_POS; i++)
			v[i] = snap(D + first + k * 600, i + 1, "1", k);
		if (store_snapshots_record(s, v, WRITER_POS, 3600, NULL, err, sizeof err) < 0) {
			fprintf(stderr, "writer: %s\n", err);
			goto out;
		}
	}
	rc = 0;
out:
	store_close(s);
	_exit(rc);
}

static void record__two_writers_at_once__at_most_one_per_interval(void **state)
{
	struct fx *f = *state;
	int go[2];
	pid_t pid[2];
	/* two processes write the same positions of the same file at once,
	 * 300 s out of step: A at D, D+600, ..., B at D+300, D+900, ... .
	 * Whatever the interleaving, a row goes in only when its position has
	 * none newer than ts − 3600, so the rows of a position, in time order,
	 * are at least 3600 s apart; and each has one in every hour in which
	 * either writer tried: 4 hours tried (D .. D+14100), so 4 rows each,
	 * 800 in all (a writer that checked outside its transaction could
	 * put two in an hour) */
	assert_int_equal(pipe(go), 0);
	for (int i = 0; i < 2; i++) {
		pid[i] = fork();
		assert_true(pid[i] >= 0);
		if (pid[i] == 0) {
			close(go[1]);
			writer(f->db.path, go[0], i * 300);
		}
	}
	close(go[0]);
	close(go[1]); /* go: both read end-of-file */
	for (int i = 0; i < 2; i++) {
		int st;
		assert_int_equal(waitpid(pid[i], &st, 0), pid[i]);
		assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	}
	assert_int_equal(count(f, "1"), 4 * WRITER_POS);
	/* no two rows of one position less than an hour apart */
	assert_int_equal(count(f, "EXISTS (SELECT 1 FROM snapshots s2 WHERE"
	                          " s2.position_id = snapshots.position_id AND s2.ts > snapshots.ts"
	                          " AND s2.ts < snapshots.ts + 3600)"), 0);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(schema__snapshots_have_a_premium_column),
		T(record__one_per_interval__exact_and_nulls),
		T(record__not_finite__refuses_the_batch),
		T(thin__keeps_last_of_each_day),
		T(record__two_of_one_position_in_a_batch__the_first_only),
		T(record__two_writers_at_once__at_most_one_per_interval),
		T(last_nav__newest_with_a_nav_in_the_window),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
