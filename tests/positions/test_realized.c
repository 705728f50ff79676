/* test_realized.c — realized P&L of sales (withdraws with the price
 * received), FIFO and average cost, worked by hand in the comments:
 *
 *   lot 1: stake 10 at 100 = 1 000 (day 0)
 *   lot 2: stake 10 at 120 = 1 200 (day 10)
 *   sale : withdraw 15 at 150 (day 20): proceeds 15 × 150 = 2 250
 *   now  : 5 held, price 160: value 5 × 160 = 800 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "positions/lots.h"
#include "positions/pnl.h"
#include "positions/realized.h"

#define D0 INT64_C(1767225600) /* 2026-01-01T00:00:00Z */
#define DAY INT64_C(86400)
#define NEAR(a, b) assert_true(fabsl((long double)(a) - (long double)(b)) < 1e-9L)

static dec_t D(const char *s)
{
	dec_t d;
	assert_int_equal(dec_parse(s, 18, &d, NULL, 0), 0);
	return d;
}

static struct event ev_of(int64_t id, enum event_type t, const char *amount, int64_t day,
                          const char *price)
{
	struct event e;
	memset(&e, 0, sizeof e);
	e.id = id;
	e.type = t;
	e.has_amount = true;
	e.amount = D(amount);
	e.ts = D0 + day * DAY;
	if (price) {
		e.has_price = true;
		e.price = D(price);
	}
	return e;
}

static struct position pos(const char *qty)
{
	struct position p;
	memset(&p, 0, sizeof p);
	p.id = 1;
	p.quantity = D(qty);
	return p;
}

/* 5 units held, rate 1, price 160: NAV 800 */
static struct valuation val_800(void)
{
	struct valuation v;
	memset(&v, 0, sizeof v);
	v.quantity = D("5");
	v.exchange_rate = (struct figure){ true, 1.0L };
	v.underlying_qty = (struct figure){ true, 5.0L };
	v.price_underlying = (struct figure){ true, 160.0L };
	v.nav = (struct figure){ true, 800.0L };
	return v;
}

static size_t two_lots_one_sale(struct event *ev)
{
	ev[0] = ev_of(1, EVENT_STAKE, "10", 0, "100");
	ev[1] = ev_of(2, EVENT_STAKE, "10", 10, "120");
	ev[2] = ev_of(3, EVENT_WITHDRAW, "15", 20, "150");
	return 3;
}

/* Σ cost paid for every lot: 1 000 + 1 200 = 2 200 */
static long double paid(const struct lots *l)
{
	long double s = 0;
	for (size_t i = 0; i < l->n; i++)
		s += l->v[i].cost_in;
	return s;
}

static void fifo_sale_of_fifteen(void **state)
{
	(void)state;
	struct event ev[3];
	size_t n = two_lots_one_sale(ev);
	struct position p = pos("5");
	struct lots l;
	char err[128];
	assert_int_equal(lots_build(ev, n, &p, LOT_FIFO, &l, err, sizeof err), 0);
	assert_int_equal(l.n_out, 1);
	assert_true(l.out[0].has_price);
	assert_true(l.out[0].all_cost);
	/* FIFO: all 10 of lot 1 (1 000) and 5 of lot 2 (5 × 120 = 600) */
	NEAR(l.out[0].cost, 1600);
	struct realized r;
	realized_compute(&l, &r);
	assert_true(r.has);
	assert_null(r.missing);
	assert_int_equal(r.n_sales, 1);
	assert_int_equal(r.n_sales_no_cost, 0);
	NEAR(r.proceeds, 2250);          /* 15 × 150 */
	NEAR(r.cost, 1600);              /* 10 × 100 + 5 × 120 */
	NEAR(r.realized, 650);           /* 2 250 − 1 600 */
	NEAR(r.cost_other, 0);
	/* the 5 left are lot 2's: 1 200 × 5/10 = 600 */
	struct valuation v = val_800();
	struct pnl u;
	pnl_compute(&l, NULL, &v, D0 + 30 * DAY, &u);
	assert_true(u.has);
	NEAR(u.cost, 600);
	NEAR(u.pnl, 200);                /* 800 − 600 */
	/* realized + unrealized = proceeds + value now − cost paid:
	 * 650 + 200 = 850 = 2 250 + 800 − 2 200 */
	NEAR(paid(&l), 2200);
	NEAR(r.realized + u.pnl, r.proceeds + v.nav.v - (paid(&l) - r.cost_other));
	NEAR(r.realized + u.pnl, 850);
	lots_free(&l);
}

static void average_sale_of_fifteen(void **state)
{
	(void)state;
	struct event ev[3];
	size_t n = two_lots_one_sale(ev);
	struct position p = pos("5");
	struct lots l;
	char err[128];
	assert_int_equal(lots_build(ev, n, &p, LOT_AVERAGE, &l, err, sizeof err), 0);
	struct realized r;
	realized_compute(&l, &r);
	/* average cost 2 200 / 20 = 110: 15 × 110 = 1 650; 2 250 − 1 650 = 600 */
	assert_true(r.has);
	NEAR(r.cost, 1650);
	NEAR(r.realized, 600);
	struct valuation v = val_800();
	struct pnl u;
	pnl_compute(&l, NULL, &v, D0 + 30 * DAY, &u);
	/* 5 × 110 = 550 held; 800 − 550 = 250; 600 + 250 = 850 again */
	NEAR(u.cost, 550);
	NEAR(u.pnl, 250);
	NEAR(r.realized + u.pnl, r.proceeds + v.nav.v - paid(&l));
	lots_free(&l);
}

static void sale_of_units_without_a_cost(void **state)
{
	(void)state;
	struct event ev[3];
	struct position p = pos("6");
	struct lots l;
	char err[128];
	/* a stake with no price and no cost basis, then a sale of 4 at 150 */
	ev[0] = ev_of(1, EVENT_STAKE, "10", 0, NULL);
	ev[1] = ev_of(2, EVENT_WITHDRAW, "4", 5, "150");
	assert_int_equal(lots_build(ev, 2, &p, LOT_FIFO, &l, err, sizeof err), 0);
	struct realized r;
	realized_compute(&l, &r);
	assert_false(r.has);
	assert_string_equal(r.missing, "a sale took units without a cost");
	assert_int_equal(r.n_sales, 1);
	assert_int_equal(r.n_sales_no_cost, 1);
	NEAR(r.proceeds, 600);           /* 4 × 150, known all the same */
	struct realized_sale s;
	realized_sale(&l.out[0], &s);
	assert_false(s.has);
	lots_free(&l);

	/* FIFO across a priced lot and an unpriced one: 8 of lot 1 is known
	 * (8 × 100 = 800; 8 × 150 − 800 = 400), the next 4 take 2 of lot 1 and
	 * 2 of the unpriced lot 2: unknown */
	ev[0] = ev_of(1, EVENT_STAKE, "10", 0, "100");
	ev[1] = ev_of(2, EVENT_STAKE, "5", 1, NULL);
	ev[2] = ev_of(3, EVENT_WITHDRAW, "8", 2, "150");
	p = pos("7");
	assert_int_equal(lots_build(ev, 3, &p, LOT_FIFO, &l, err, sizeof err), 0);
	realized_compute(&l, &r);
	assert_true(r.has);
	NEAR(r.realized, 400);
	lots_free(&l);
	ev[2] = ev_of(3, EVENT_WITHDRAW, "12", 2, "150");
	p = pos("3");
	assert_int_equal(lots_build(ev, 3, &p, LOT_FIFO, &l, err, sizeof err), 0);
	realized_compute(&l, &r);
	assert_false(r.has);
	assert_int_equal(r.n_sales_no_cost, 1);
	NEAR(l.out[0].cost, 1000);       /* lot 1 whole; lot 2 had no cost */
	lots_free(&l);
}

static void sale_after_a_reward_lot(void **state)
{
	(void)state;
	struct event ev[3];
	struct position p = pos("1");
	struct lots l;
	char err[128];
	/* 10 at 100 = 1 000, then +2 rewards (adjust up: a lot at no cost),
	 * then 11 sold at 150 = 1 650 */
	ev[0] = ev_of(1, EVENT_STAKE, "10", 0, "100");
	ev[1] = ev_of(2, EVENT_ADJUST, "2", 30, NULL);
	ev[2] = ev_of(3, EVENT_WITHDRAW, "11", 60, "150");
	assert_int_equal(lots_build(ev, 3, &p, LOT_FIFO, &l, err, sizeof err), 0);
	struct realized r;
	realized_compute(&l, &r);
	/* FIFO: 10 of lot 1 (1 000) and 1 reward unit (0): 1 650 − 1 000 = 650 */
	assert_true(r.has);
	NEAR(r.cost, 1000);
	NEAR(r.realized, 650);
	lots_free(&l);
	assert_int_equal(lots_build(ev, 3, &p, LOT_AVERAGE, &l, err, sizeof err), 0);
	realized_compute(&l, &r);
	/* average: 1 000 over 12 units; 11 of them cost 1 000 × 11/12 =
	 * 916.666…; 1 650 − 916.666… = 733.333… */
	assert_true(r.has);
	NEAR(r.cost, 1000.0L * 11 / 12);
	NEAR(r.realized, 1650 - 1000.0L * 11 / 12);
	lots_free(&l);
}

static void unbond_and_transfer_realize_nothing(void **state)
{
	(void)state;
	struct event ev[4];
	struct position p = pos("5");
	struct lots l;
	char err[128];
	/* 10 at 100; unbond 3; a transfer out of 2 (no price): no sale, their
	 * cost 5 × 100 = 500 gone without proceeds */
	ev[0] = ev_of(1, EVENT_STAKE, "10", 0, "100");
	ev[1] = ev_of(2, EVENT_UNBOND, "3", 1, NULL);
	ev[2] = ev_of(3, EVENT_WITHDRAW, "2", 2, NULL);
	ev[3] = ev_of(4, EVENT_ADJUST, "0", 3, NULL);
	assert_int_equal(lots_build(ev, 4, &p, LOT_FIFO, &l, err, sizeof err), 0);
	assert_int_equal(l.n_out, 2);
	struct realized r;
	realized_compute(&l, &r);
	assert_true(r.has);
	assert_int_equal(r.n_sales, 0);
	NEAR(r.realized, 0);
	NEAR(r.proceeds, 0);
	NEAR(r.cost_other, 500);
	lots_free(&l);
}

static void fully_sold_keeps_its_result(void **state)
{
	(void)state;
	struct event ev[3];
	struct position p = pos("0");
	struct lots l;
	char err[128];
	/* everything sold: 10 at 150 then 10 at 90; FIFO
	 * 10 × 150 − 1 000 = 500 and 10 × 90 − 1 200 = −300: 200 */
	ev[0] = ev_of(1, EVENT_STAKE, "10", 0, "100");
	ev[1] = ev_of(2, EVENT_STAKE, "10", 10, "120");
	ev[2] = ev_of(3, EVENT_WITHDRAW, "10", 20, "150");
	struct event all[4] = { ev[0], ev[1], ev[2], ev_of(4, EVENT_WITHDRAW, "10", 21, "90") };
	assert_int_equal(lots_build(all, 4, &p, LOT_FIFO, &l, err, sizeof err), 0);
	struct realized r;
	realized_compute(&l, &r);
	assert_true(r.has);
	assert_int_equal(r.n_sales, 2);
	NEAR(r.proceeds, 2400);          /* 1 500 + 900 */
	NEAR(r.cost, 2200);
	NEAR(r.realized, 200);
	struct realized_sale s;
	realized_sale(&l.out[1], &s);
	NEAR(s.result, -300);
	/* nothing held: no unrealized P&L, and it says why */
	struct valuation v;
	memset(&v, 0, sizeof v);
	struct pnl u;
	pnl_compute(&l, NULL, &v, D0 + 30 * DAY, &u);
	assert_false(u.has);
	assert_string_equal(u.missing, "nothing held");
	lots_free(&l);
}

static void totals_cover_the_known(void **state)
{
	(void)state;
	struct realized rows[3];
	memset(rows, 0, sizeof rows);
	rows[0] = (struct realized){ .has = true, .n_sales = 1, .proceeds = 2250, .cost = 1600,
		                     .realized = 650 };
	rows[1] = (struct realized){ .has = false, .missing = "x", .n_sales = 1, .proceeds = 600 };
	rows[2] = (struct realized){ .has = true, .n_sales = 2, .proceeds = 2400, .cost = 2200,
		                     .realized = 200 };
	struct realized_totals t;
	realized_totals(rows, 3, &t);
	/* rows 0 and 2: 650 + 200 = 850; proceeds 2 250 + 2 400 = 4 650 */
	assert_int_equal(t.n_rows, 3);
	assert_int_equal(t.n_covered, 2);
	assert_int_equal(t.n_sales, 3);
	NEAR(t.realized, 850);
	NEAR(t.proceeds, 4650);
	NEAR(t.cost, 3800);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fifo_sale_of_fifteen),
		cmocka_unit_test(average_sale_of_fifteen),
		cmocka_unit_test(sale_of_units_without_a_cost),
		cmocka_unit_test(sale_after_a_reward_lot),
		cmocka_unit_test(unbond_and_transfer_realize_nothing),
		cmocka_unit_test(fully_sold_keeps_its_result),
		cmocka_unit_test(totals_cover_the_known),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
