/* test_yield.c — APR net of fees, APY by compounding, projected growth. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "positions/yield.h"

static void assert_near(double got, double want, double tol)
{
	if (!(fabs(got - want) <= tol))
		fail_msg("got %.17g, want %.17g (± %g)", got, want, tol);
}

static void yield_net_apr__takes__the_protocol_fee(void **state)
{
	(void)state;
	assert_near(yield_net_apr(0.03, 0.10), 0.027, 1e-15);   /* 3 % × (1 − 0.10) = 2.7 % */
	assert_near(yield_net_apr(0.07, 0.04), 0.0672, 1e-15);  /* 7 % × 0.96 = 6.72 % */
	assert_near(yield_net_apr(0.05, 0), 0.05, 0);           /* no fee */
	assert_near(yield_net_apr(0.05, 1), 0, 0);              /* fee takes all */
}

static void yield_apy__compounds__daily(void **state)
{
	(void)state;
	/* (1 + 0.05/365)^365 − 1 = 0.051267496467462550… */
	assert_near(yield_apy(0.05, 365), 0.0512674964674625505, 1e-12);
	/* (1 + 0.027/365)^365 − 1 = 0.027366776854144512… */
	assert_near(yield_apy(0.027, 365), 0.0273667768541445123, 1e-12);
	/* (1 + 0.05/12)^12 − 1 = 0.051161897881733… */
	assert_near(yield_apy(0.05, 12), 0.0511618978817335, 1e-12);
}

static void yield_apy__is_apr__without_compounding(void **state)
{
	(void)state;
	assert_near(yield_apy(0.05, 1), 0.05, 0);   /* (1 + 0.05/1)^1 − 1 = 0.05 */
	assert_near(yield_apy(0.05, 0), 0.05, 0);   /* n = 0 read as simple */
	assert_near(yield_apy(0, 365), 0, 0);       /* (1 + 0)^365 − 1 = 0 */
}

static void yield_growth__is_linear__when_simple(void **state)
{
	(void)state;
	/* 0.05 × 30/365 = 0.0041095890410958904… */
	assert_near(yield_growth(0.05, 1, 30), 0.00410958904109589041, 1e-15);
	assert_near(yield_growth(0.05, 1, 365), 0.05, 1e-15);   /* a whole year = apr */
	assert_near(yield_growth(0.05, 0, 730), 0.10, 1e-15);   /* two years, not compounded */
}

static void yield_growth__compounds__over_part_of_a_year(void **state)
{
	(void)state;
	/* (1 + apy)^(30/365) − 1 with n = 365 is (1 + 0.05/365)^30 − 1
	 * = 0.0041177623696568152… (above the simple 0.0041095890…) */
	assert_near(yield_growth(0.05, 365, 30), 0.00411776236965681519, 1e-12);
	/* a whole year is the APY */
	assert_near(yield_growth(0.05, 365, 365), yield_apy(0.05, 365), 1e-15);
	assert_near(yield_growth(0.05, 365, 0), 0, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(yield_net_apr__takes__the_protocol_fee),
		cmocka_unit_test(yield_apy__compounds__daily),
		cmocka_unit_test(yield_apy__is_apr__without_compounding),
		cmocka_unit_test(yield_growth__is_linear__when_simple),
		cmocka_unit_test(yield_growth__compounds__over_part_of_a_year),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
