/* bench_clock.h — the clock and ordering the benchmark programs share:
 * monotonic milliseconds, and a qsort comparison for doubles (medians). */
#ifndef STAKETOP_BENCH_CLOCK_H
#define STAKETOP_BENCH_CLOCK_H

#include <time.h>

static inline double bench_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static inline int bench_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

#endif
