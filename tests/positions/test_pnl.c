/* test_pnl.c — lots from the event log (FIFO and average cost) and the
 * P&L against them, split into rewards and price; each figure worked by
 * hand in the comment beside it.
 *
 * The position: rETH, the underlying ETH.
 *   lot 1: stake 6 rETH on day 0 with the position's cost basis 12 600
 *          (6 × 1.05 ETH × 2 000), the rate then 1.05;
 *   lot 2: stake 4 rETH on day 150 at 2 700 each = 10 800, rate 1.08;
 *   unbond 3 rETH on day 240.
 *   Now: 7 rETH, rate 1.10, ETH 3 000: NAV = 7 × 1.10 × 3 000 = 23 100. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "positions/lots.h"
#include "positions/pnl.h"

#define D0 INT64_C(1767225600) /* 2026-01-01T00:00:00Z */
#define DAY INT64_C(86400)

static dec_t D(const char *s)
{
	dec_t d;
	assert_int_equal(dec_parse(s, 18, &d, NULL, 0), 0);
	return d;
}

static size_t events(struct event *ev)
{
	memset(ev, 0, 4 * sizeof *ev);
	ev[0] = (struct event){ .id = 1, .type = EVENT_STAKE, .has_amount = true,
		                .amount = D("6"), .ts = D0 };
	ev[1] = (struct event){ .id = 2, .type = EVENT_STAKE, .has_amount = true,
		                .amount = D("4"), .ts = D0 + 150 * DAY, .has_price = true,
		                .price = D("2700") };
	ev[2] = (struct event){ .id = 3, .type = EVENT_UNBOND, .has_amount = true,
		                .amount = D("3"), .ts = D0 + 240 * DAY };
	ev[3] = (struct event){ .id = 4, .type = EVENT_CLAIM, .ts = D0 + 241 * DAY };
	return 4;
}

static struct position pos(void)
{
	struct position p;
	memset(&p, 0, sizeof p);
	p.id = 1;
	p.has_cost_basis = true;
	p.cost_basis = D("12600");
	p.quantity = D("7");
	return p;
}

static struct valuation val(void)
{
	struct valuation v;
	memset(&v, 0, sizeof v);
	v.quantity = D("7");
	v.exchange_rate = (struct figure){ true, 1.10L };
	v.underlying_qty = (struct figure){ true, 7.70L };   /* 7 × 1.10 */
	v.price_underlying = (struct figure){ true, 3000.0L };
	v.nav = (struct figure){ true, 23100.0L };            /* 7.70 × 3 000 */
	return v;
}

static void fifo_two_lots_partly_unbonded(void **state)
{
	(void)state;
	struct event ev[4];
	size_t n = events(ev);
	struct position p = pos();
	struct lots l;
	char err[128];
	assert_int_equal(lots_build(ev, n, &p, LOT_FIFO, &l, err, sizeof err), 0);
	assert_int_equal(l.n, 2);
	/* FIFO: the unbond of 3 takes 3 of lot 1's 6: 3 left, cost 12 600 × 3/6
	 * = 6 300; lot 2 untouched: 4 at 10 800 (4 × 2 700) */
	assert_int_equal(dec_cmp(l.v[0].units, D("3")), 0);
	assert_true(fabsl(l.v[0].cost - 6300.0L) < 1e-9L);
	assert_int_equal(dec_cmp(l.v[1].units, D("4")), 0);
	assert_true(fabsl(l.v[1].cost - 10800.0L) < 1e-9L);
	assert_true(fabsl(l.cost_out - 6300.0L) < 1e-9L);

	const struct lot_rate rates[2] = { { true, 1.05L }, { true, 1.08L } };
	struct valuation v = val();
	struct pnl r;
	pnl_compute(&l, rates, &v, D0 + 365 * DAY, &r);
	assert_true(r.has);
	/* cost 6 300 + 10 800 = 17 100; P&L 23 100 − 17 100 = 6 000;
	 * 6 000 / 17 100 × 100 = 35.087719… % */
	assert_true(fabsl(r.cost - 17100.0L) < 1e-9L);
	assert_true(fabsl(r.pnl - 6000.0L) < 1e-9L);
	assert_true(fabsl(r.pnl_pct - 35.0877192982L) < 1e-8L);
	/* underlying at opening 3 × 1.05 + 4 × 1.08 = 3.15 + 4.32 = 7.47 ETH;
	 * now 7.70: 0.23 ETH gained × 3 000 = 690 from rewards; the rest,
	 * 6 000 − 690 = 5 310, from price (7.47 × 3 000 − 17 100 = 5 310) */
	assert_true(r.has_split);
	assert_true(fabsl(r.underlying_open - 7.47L) < 1e-12L);
	assert_true(fabsl(r.reward_units - 0.23L) < 1e-12L);
	assert_true(fabsl(r.rewards - 690.0L) < 1e-8L);
	assert_true(fabsl(r.price - 5310.0L) < 1e-8L);
	/* since opening (the oldest lot held, day 0), 365 days: APY =
	 * 23 100 / 17 100 − 1 = 0.350877… */
	assert_true(r.has_apy);
	assert_true(fabsl(r.apy - 0.350877192982L) < 1e-9L);
	lots_free(&l);
}

static void average_cost(void **state)
{
	(void)state;
	struct event ev[4];
	size_t n = events(ev);
	struct position p = pos();
	struct lots l;
	char err[128];
	assert_int_equal(lots_build(ev, n, &p, LOT_AVERAGE, &l, err, sizeof err), 0);
	/* 3 of 10 leave every lot by 3/10: lot 1 6 → 4.2, cost 12 600 × 0.7 =
	 * 8 820; lot 2 4 → 2.8, cost 10 800 × 0.7 = 7 560; cost 16 380 */
	assert_int_equal(dec_cmp(l.v[0].units, D("4.2")), 0);
	assert_int_equal(dec_cmp(l.v[1].units, D("2.8")), 0);
	assert_true(fabsl(l.v[0].cost - 8820.0L) < 1e-9L);
	assert_true(fabsl(l.v[1].cost - 7560.0L) < 1e-9L);
	struct valuation v = val();
	struct pnl r;
	pnl_compute(&l, NULL, &v, D0 + 365 * DAY, &r);
	/* 23 100 − 16 380 = 6 720; no opening rates given: no split */
	assert_true(r.has);
	assert_true(fabsl(r.pnl - 6720.0L) < 1e-9L);
	assert_false(r.has_split);
	assert_non_null(r.split_missing);
	lots_free(&l);
}

static void no_cost_basis_and_missing_price(void **state)
{
	(void)state;
	struct event ev[4];
	size_t n = events(ev);
	struct position p = pos();
	struct valuation v = val();
	struct lots l;
	struct pnl r;
	char err[128];
	/* no cost basis and no prices at all */
	p.has_cost_basis = false;
	ev[1].has_price = false;
	assert_int_equal(lots_build(ev, n, &p, LOT_FIFO, &l, err, sizeof err), 0);
	pnl_compute(&l, NULL, &v, D0 + 365 * DAY, &r);
	assert_false(r.has);
	assert_string_equal(r.missing, "no cost basis");
	lots_free(&l);
	/* lot 2 priced, lot 1 not: some lots have no price */
	ev[1].has_price = true;
	assert_int_equal(lots_build(ev, n, &p, LOT_FIFO, &l, err, sizeof err), 0);
	pnl_compute(&l, NULL, &v, D0 + 365 * DAY, &r);
	assert_false(r.has);
	assert_int_equal(r.n_lots_no_cost, 1);
	lots_free(&l);
	/* unbonding all 6 of lot 1 leaves only lot 2 (priced): P&L over it,
	 * value 23 100 against 10 800 */
	ev[2].amount = D("6");
	assert_int_equal(lots_build(ev, n, &p, LOT_FIFO, &l, err, sizeof err), 0);
	pnl_compute(&l, NULL, &v, D0 + 365 * DAY, &r);
	assert_true(r.has);
	assert_true(fabsl(r.cost - 10800.0L) < 1e-9L);
	lots_free(&l);
}

static void rewards_from_the_event_log(void **state)
{
	(void)state;
	/* native stake: 32 ETH at 2 000 = 64 000, +0.5 ETH of rewards written
	 * as an adjust, withdraw 1. FIFO takes the 1 from the stake lot: 31
	 * at 62 000 and the 0.5 reward lot at no cost. Now 31.5 ETH at 2 500
	 * = 78 750; P&L 16 750; rewards 0.5 × 2 500 = 1 250; price 15 500
	 * (31 × 500). */
	struct event ev[3] = {
		{ .id = 1, .type = EVENT_STAKE, .has_amount = true, .amount = D("32"), .ts = D0,
		  .has_price = true, .price = D("2000") },
		{ .id = 2, .type = EVENT_ADJUST, .has_amount = true, .amount = D("0.5"),
		  .ts = D0 + DAY },
		{ .id = 3, .type = EVENT_WITHDRAW, .has_amount = true, .amount = D("1"),
		  .ts = D0 + 2 * DAY },
	};
	struct position p;
	memset(&p, 0, sizeof p);
	struct lots l;
	char err[128];
	assert_int_equal(lots_build(ev, 3, &p, LOT_FIFO, &l, err, sizeof err), 0);
	assert_true(l.v[1].reward);
	const struct lot_rate rates[2] = { { true, 1.0L }, { false, 0 } };
	struct valuation v;
	memset(&v, 0, sizeof v);
	v.underlying_qty = (struct figure){ true, 31.5L };
	v.price_underlying = (struct figure){ true, 2500.0L };
	v.nav = (struct figure){ true, 78750.0L };
	struct pnl r;
	pnl_compute(&l, rates, &v, D0 + 10 * DAY, &r);
	assert_true(r.has);
	assert_true(fabsl(r.pnl - 16750.0L) < 1e-9L);
	assert_true(r.has_split);
	assert_true(fabsl(r.rewards - 1250.0L) < 1e-9L);
	assert_true(fabsl(r.price - 15500.0L) < 1e-9L);
	lots_free(&l);
}

static void over_withdraw_refused(void **state)
{
	(void)state;
	struct event ev[4];
	size_t n = events(ev);
	struct position p = pos();
	struct lots l;
	char err[128];
	ev[2].amount = D("11");  /* 11 > 6 + 4 held */
	assert_int_equal(lots_build(ev, n, &p, LOT_FIFO, &l, err, sizeof err), -1);
	assert_non_null(strstr(err, "exceeds the 10 units held"));
	assert_int_equal(lots_build(ev, n, &p, LOT_AVERAGE, &l, err, sizeof err), -1);
}

static void totals_cover(void **state)
{
	(void)state;
	struct pnl rows[3];
	memset(rows, 0, sizeof rows);
	rows[0] = (struct pnl){ .has = true, .cost = 100, .value = 150, .pnl = 50 };
	rows[2] = (struct pnl){ .has = true, .cost = 300, .value = 250, .pnl = -50 };
	struct pnl_totals t;
	pnl_totals(rows, 3, &t);
	/* 2 of 3 covered; cost 400, P&L 50 − 50 = 0 */
	assert_int_equal(t.n_covered, 2);
	assert_int_equal(t.n_rows, 3);
	assert_true(fabsl(t.cost - 400.0L) < 1e-12L);
	assert_true(fabsl(t.pnl) < 1e-12L);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fifo_two_lots_partly_unbonded),
		cmocka_unit_test(average_cost),
		cmocka_unit_test(no_cost_basis_and_missing_price),
		cmocka_unit_test(rewards_from_the_event_log),
		cmocka_unit_test(over_withdraw_refused),
		cmocka_unit_test(totals_cover),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
