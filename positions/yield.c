/* yield.c — APR net of fees, APY by compounding, projected growth.
 *
 * Compounding uses log1p/expm1 rather than pow(1 + apr/n, n) − 1, which
 * loses digits when apr/n is tiny (n = 365). */
#include "positions/yield.h"

#include <math.h>

double yield_net_apr(double gross_apr, double fee)
{
	return gross_apr * (1.0 - fee);
}

double yield_apy(double apr, unsigned n)
{
	if (n <= 1)
		return apr;
	return expm1((double)n * log1p(apr / (double)n));
}

double yield_apr_from_apy(double apy, unsigned n)
{
	if (n <= 1)
		return apy;
	return (double)n * expm1(log1p(apy) / (double)n);
}

double yield_growth(double apr, unsigned n, double days)
{
	if (n <= 1)
		return apr * days / 365.0;
	/* (1 + apy)^(days/365) − 1 = exp(days/365 · n · ln(1 + apr/n)) − 1 */
	return expm1(days / 365.0 * (double)n * log1p(apr / (double)n));
}
