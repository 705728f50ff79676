/* test_board.c — the board's row model (tui/screens/board.c,
 * board_find.c): the order of the rows for a sort column and direction,
 * figures that are absent going last, the filter and its total row, and
 * grouping by kind with a subtotal row per kind.
 *
 * Four positions, NAV and market value in usd:
 *   1 ETH     native  ethereum  validator  NAV 100  market 100
 *   2 stETH   liquid  ethereum  ledger     NAV 300  market 297
 *   3 JitoSOL liquid  solana    phantom    NAV 200  market 198
 *   4 SOL     native  solana    phantom    NAV absent (no price yet) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "tui/screens/board.h"

#define N 4
#define NOW INT64_C(1795593600)

struct fx {
	struct asset as[N];
	struct position pos[N];
	struct valuation rows[N];
	struct app app;
	struct board b;
};

static const struct {
	const char *sym, *chain, *account;
	enum asset_kind kind;
	double nav, mv;            /* < 0: absent */
} spec[N] = {
	{ "ETH", "ethereum", "validator", ASSET_NATIVE, 100, 100 },
	{ "stETH", "ethereum", "ledger", ASSET_LIQUID, 300, 297 },
	{ "JitoSOL", "solana", "phantom", ASSET_LIQUID, 200, 198 },
	{ "SOL", "solana", "phantom", ASSET_NATIVE, -1, -1 },
};

static int setup(void **state)
{
	static struct fx f;
	memset(&f, 0, sizeof f);
	for (int i = 0; i < N; i++) {
		struct asset *a = &f.as[i];
		snprintf(a->symbol, sizeof a->symbol, "%s", spec[i].sym);
		snprintf(a->chain, sizeof a->chain, "%s", spec[i].chain);
		a->kind = spec[i].kind;
		struct position *p = &f.pos[i];
		p->id = i + 1;
		snprintf(p->asset, sizeof p->asset, "%s", spec[i].sym);
		snprintf(p->account, sizeof p->account, "%s", spec[i].account);
		p->quantity = dec_from_int(i + 1);
		struct valuation *v = &f.rows[i];
		v->asset = a;
		v->kind = spec[i].kind;
		v->quantity = p->quantity;
		v->nav = (struct figure){ spec[i].nav >= 0, spec[i].nav >= 0 ? spec[i].nav : 0 };
		v->market_value = (struct figure){ spec[i].mv >= 0, spec[i].mv >= 0 ? spec[i].mv : 0 };
	}
	f.app.positions.v = f.pos;
	f.app.positions.n = N;
	f.app.rows = f.rows;
	f.app.now = NOW;
	f.app.cfg.stale_seconds = 3600;
	board_init(&f.b);
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	board_free(&f->b);
	return 0;
}

static void compute(struct fx *f)
{
	assert_int_equal(board_compute(&f->b, &f->app, NULL, 0, NOW), 0);
}

/* The position ids of the rows in order, 0 for a subtotal row. */
static void assert_ids(const struct board *b, const int64_t *want, size_t n)
{
	assert_int_equal(b->n, n);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(b->rows[i].group, want[i] == 0);
		if (want[i])
			assert_int_equal(b->rows[i].id, want[i]);
	}
}

static void sort__nav_both_ways__absent_last(void **state)
{
	struct fx *f = *state;
	board_sort_by(&f->b, COL_NAV);
	f->b.sort_desc = true;
	compute(f);
	/* 300, 200, 100, then SOL without a NAV */
	assert_ids(&f->b, (const int64_t[]){ 2, 3, 1, 4 }, 4);
	f->b.sort_desc = false;
	compute(f);
	/* 100, 200, 300, and SOL still last */
	assert_ids(&f->b, (const int64_t[]){ 1, 3, 2, 4 }, 4);
}

static void sort__asset__case_insensitive(void **state)
{
	struct fx *f = *state;
	board_sort_by(&f->b, COL_ASSET);
	f->b.sort_desc = false;
	compute(f);
	/* ETH < JitoSOL < SOL < stETH, ignoring case */
	assert_ids(&f->b, (const int64_t[]){ 1, 3, 4, 2 }, 4);
}

static void select__follows_the_position_across_sorts(void **state)
{
	struct fx *f = *state;
	board_sort_by(&f->b, COL_NAV);
	f->b.sort_desc = true;
	compute(f);
	board_select_id(&f->b, 3);
	assert_int_equal(board_selected(&f->b), 2);   /* JitoSOL is app row 2 */
	f->b.sort_desc = false;
	compute(f);
	assert_int_equal(f->b.cursor, 1);              /* 1, 3, 2, 4: second row */
	assert_int_equal(board_selected(&f->b), 2);
}

static void filter__kind_and_chain__with_a_total_row(void **state)
{
	struct fx *f = *state;
	board_sort_by(&f->b, COL_NAV);
	f->b.sort_desc = true;
	snprintf(f->b.filter, sizeof f->b.filter, "kind:liquid");
	compute(f);
	/* stETH 300, JitoSOL 200, then the filtered total */
	assert_ids(&f->b, (const int64_t[]){ 2, 3, 0 }, 3);
	assert_int_equal(f->b.n_shown, 2);
	assert_int_equal(f->b.n_total, 4);
	/* NAV 300 + 200 = 500.00; premium (297 + 198) / 500 - 1 = -1 % = -100.0 bps */
	assert_string_equal(f->b.cells[2].cell[COL_NAV], "500.00");
	assert_string_equal(f->b.cells[2].cell[COL_PREM], "-100.0");
	assert_non_null(strstr(f->b.cells[2].cell[COL_ASSET], "filtered total (2)"));

	/* every term must match: solana and phantom, then solana and native */
	assert_true(board_filter_match(&f->app, 2, "chain:solana account:phan"));
	assert_false(board_filter_match(&f->app, 1, "chain:solana"));
	assert_true(board_filter_match(&f->app, 3, "chain:sol kind:native"));
	assert_false(board_filter_match(&f->app, 2, "chain:solana kind:native"));
	/* a plain word: in the asset, account, kind or chain */
	assert_true(board_filter_match(&f->app, 0, "VALIDATOR"));
	assert_false(board_filter_match(&f->app, 0, "phantom"));
}

static void group__a_subtotal_row_per_kind(void **state)
{
	struct fx *f = *state;
	board_sort_by(&f->b, COL_NAV);
	f->b.sort_desc = true;
	f->b.grouped = true;
	compute(f);
	/* native first (kind order), then liquid; by NAV inside each */
	assert_ids(&f->b, (const int64_t[]){ 0, 1, 4, 0, 2, 3 }, 6);
	assert_non_null(strstr(f->b.cells[0].cell[COL_ASSET], "native (2)"));
	assert_non_null(strstr(f->b.cells[3].cell[COL_ASSET], "liquid (2)"));
	/* native: ETH 100 (SOL has none); liquid: 300 + 200 */
	assert_string_equal(f->b.cells[0].cell[COL_NAV], "100.00");
	assert_string_equal(f->b.cells[3].cell[COL_NAV], "500.00");
	/* the cursor starts on the first position row, not on a subtotal */
	assert_int_equal(f->b.cursor, 1);
	assert_int_equal(board_selected(&f->b), 0);
	/* moving down skips the liquid subtotal row: 1 -> 4 -> 2 */
	board_move(&f->b, 1);
	assert_int_equal(f->b.rows[f->b.cursor].id, 4);
	board_move(&f->b, 1);
	assert_int_equal(f->b.rows[f->b.cursor].id, 2);
}

static void search__from_the_cursor_both_ways(void **state)
{
	struct fx *f = *state;
	board_sort_by(&f->b, COL_ID);
	f->b.sort_desc = false;
	compute(f);
	/* "sol" is in JitoSOL (3) and SOL (4) */
	assert_true(board_search(&f->b, &f->app, "sol", 1, true));
	assert_int_equal(f->b.rows[f->b.cursor].id, 3);
	assert_true(board_search(&f->b, &f->app, "sol", 1, false));
	assert_int_equal(f->b.rows[f->b.cursor].id, 4);
	assert_true(board_search(&f->b, &f->app, "sol", -1, false));
	assert_int_equal(f->b.rows[f->b.cursor].id, 3);
	assert_false(board_search(&f->b, &f->app, "dot", 1, true));
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(sort__nav_both_ways__absent_last),
		T(sort__asset__case_insensitive),
		T(select__follows_the_position_across_sorts),
		T(filter__kind_and_chain__with_a_total_row),
		T(group__a_subtotal_row_per_kind),
		T(search__from_the_cursor_both_ways),
#undef T
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
