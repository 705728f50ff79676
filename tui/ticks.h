/* ticks.h — when a time shown on screen next reads differently, so the
 * loop sleeps until exactly then instead of ticking. */
#ifndef STAKETOP_TICKS_H
#define STAKETOP_TICKS_H

#include <stdint.h>

/* Seconds until time_format_age(age) changes ("45s", "12m", "3h", "2d",
 * "5w"). */
static inline int ticks_age(int64_t age)
{
	if (age < 0)
		age = 0;
	int64_t unit = age < 60 ? 1 : age < 3600 ? 60 : age < 172800 ? 3600 : age < 1209600 ? 86400 : 604800;
	return (int)(unit - age % unit);
}

/* Seconds until unbond_format_left(left) changes ("20d 23h", "5h 02m",
 * "4m 05s", "42s"); 0 once it reads "claimable" for good. */
static inline int ticks_left(int64_t left)
{
	if (left <= 0)
		return 0;
	int64_t unit = left < 3600 ? 1 : left < 86400 ? 60 : 3600;
	return (int)(left % unit + 1);
}

/* The smaller of two tick counts, 0 meaning "never". */
static inline int ticks_min(int a, int b)
{
	return a <= 0 ? b : b <= 0 ? a : a < b ? a : b;
}

#endif
