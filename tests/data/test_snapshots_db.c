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

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(schema__snapshots_have_a_premium_column),
		T(record__one_per_interval__exact_and_nulls),
		T(record__not_finite__refuses_the_batch),
		T(thin__keeps_last_of_each_day),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
