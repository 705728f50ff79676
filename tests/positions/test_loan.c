/* Tests for positions/loan.c: a looped position's health factor, the
 * discount at which it is liquidated, and its depeg stress, by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "positions/loan.h"

#define CLOSE(a, b, tol) assert_true(fabs((double)(a) - (double)(b)) <= (tol))

static void loan__wsteth_on_eth__health_and_liquidation(void **state)
{
	(void)state;
	struct loan_health h;
	/* 10 wstETH at 1.215 ETH each, ETH at 3,012.45: collateral = 12.15 ×
	 * 3012.45 = 36,601.2675; debt 8 ETH = 24,099.60; LT 0.81.
	 * HF = 36601.2675 × 0.81 / 24099.6 = 29647.026675 / 24099.6 = 1.2301875
	 * (= 12.15 × 0.81 / 8 = 9.8415 / 8). Liquidated at d = 1 − 1/HF =
	 * 1 − 8 / 9.8415 = 0.18711578…; equity = 36601.2675 − 24099.6 = 12501.6675 */
	loan_health(36601.2675L, 24099.6L, 0.81, &h);
	assert_true(h.has);
	assert_true(h.has_hf);
	assert_false(h.liquidatable);
	CLOSE(h.hf, 1.2301875, 1e-9);
	CLOSE(h.liq_discount, 1 - 8 / 9.8415, 1e-9);
	CLOSE(h.equity, 12501.6675, 1e-6);
	/* 10 % depeg: HF × 0.9 = 1.10716875, still above 1; equity =
	 * 36601.2675 × 0.9 − 24099.6 = 32941.14075 − 24099.6 = 8841.54075;
	 * loss = 3660.12675 */
	CLOSE(h.stress[2].discount, 0.10, 1e-12);
	CLOSE(h.stress[2].hf, 1.10716875, 1e-9);
	assert_false(h.stress[2].liquidated);
	CLOSE(h.stress[2].equity, 8841.54075, 1e-6);
	CLOSE(h.stress[2].loss, 3660.12675, 1e-6);
	/* 1 %: HF × 0.99 = 1.217885625 */
	CLOSE(h.stress[0].hf, 1.217885625, 1e-9);
}

static void loan__tight_loop__liquidated_under_stress(void **state)
{
	(void)state;
	struct loan_health h;
	/* collateral 1000, debt 900, LT 0.95: HF = 950 / 900 = 1.0555…;
	 * liquidated at 1 − 900/950 = 0.0526315…: above 1 % and 5 % (HF
	 * 1.045, 1.002777…), under 10 % (HF 0.95) */
	loan_health(1000, 900, 0.95, &h);
	CLOSE(h.hf, 950.0 / 900.0, 1e-12);
	CLOSE(h.liq_discount, 1 - 900.0 / 950.0, 1e-12);
	assert_false(h.stress[0].liquidated);
	assert_false(h.stress[1].liquidated);
	CLOSE(h.stress[1].hf, 950.0 / 900.0 * 0.95, 1e-12);
	assert_true(h.stress[2].liquidated);
	CLOSE(h.stress[2].hf, 950.0 / 900.0 * 0.9, 1e-12);
}

static void loan__underwater__liquidatable_now(void **state)
{
	(void)state;
	struct loan_health h;
	/* collateral 1000, debt 900, LT 0.8: HF = 800 / 900 = 0.888…: < 1 */
	loan_health(1000, 900, 0.8, &h);
	assert_true(h.liquidatable);
	CLOSE(h.liq_discount, 0, 0);
	assert_true(h.stress[0].liquidated);
}

static void loan__no_price__nothing_computed(void **state)
{
	(void)state;
	struct loan_health h;
	loan_health((long double)NAN, 900, 0.8, &h);
	assert_false(h.has);
	assert_string_equal(h.missing, "no value for the collateral");
	loan_health(1000, (long double)NAN, 0.8, &h);
	assert_false(h.has);
	assert_string_equal(h.missing, "no value for the debt");
	/* a zero-price debt: no health factor, never liquidated */
	loan_health(1000, 0, 0.8, &h);
	assert_true(h.has);
	assert_false(h.has_hf);
	assert_false(h.liquidatable);
	assert_false(h.stress[2].liquidated);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(loan__wsteth_on_eth__health_and_liquidation),
		cmocka_unit_test(loan__tight_loop__liquidated_under_stress),
		cmocka_unit_test(loan__underwater__liquidatable_now),
		cmocka_unit_test(loan__no_price__nothing_computed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
