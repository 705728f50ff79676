/* yield.h — APR net of fees, APY by compounding, projections. Pure. */
#ifndef STAKETOP_YIELD_H
#define STAKETOP_YIELD_H

/* APR after the protocol keeps fee (fraction) of rewards: apr × (1 − fee). */
double yield_net_apr(double gross_apr, double fee);
/* APY = (1 + apr/n)^n − 1; n = 1 gives apr itself (no compounding). */
double yield_apy(double apr, unsigned n);
/* The inverse: APR = n × ((1 + apy)^(1/n) − 1); n = 1 gives apy itself. */
double yield_apr_from_apy(double apy, unsigned n);
/* Growth of one unit over days: (1 + apy)^(days/365) − 1 when compounding
 * (n > 1), apr × days/365 when simple (n <= 1). */
double yield_growth(double apr, unsigned n, double days);

#endif
