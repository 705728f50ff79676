/* ticks.h — times shown on screen: how an age reads, and when a shown time
 * next reads differently, so the loop sleeps until exactly then instead of
 * ticking. Ages are shown to the minute ("<1m", "12m", "3h", "2d", "5w"),
 * so a fresh figure does not make the screen tick every second; only an
 * unbonding countdown under an hour does, and the unbonding screen while it
 * shows a countdown (to the second). */
#ifndef STAKETOP_TICKS_H
#define STAKETOP_TICKS_H

#include <stdint.h>
#include <stdio.h>

static inline int64_t ticks_age_unit(int64_t age)
{
	return age < 3600 ? 60 : age < 172800 ? 3600 : age < 1209600 ? 86400 : 604800;
}

/* "<1m", "12m", "3h" (under two days), "2d" (under two weeks), "5w". */
static inline void ticks_format_age(int64_t age, char *buf, size_t len)
{
	if (age < 0)
		age = 0;
	int64_t unit = ticks_age_unit(age);
	const char *suffix = unit == 60 ? "m" : unit == 3600 ? "h" : unit == 86400 ? "d" : "w";
	if (age < 60)
		snprintf(buf, len, "<1m");
	else
		snprintf(buf, len, "%lld%s", (long long)(age / unit), suffix);
}

/* Seconds until ticks_format_age(age) changes. */
static inline int ticks_age(int64_t age)
{
	if (age < 0)
		age = 0;
	int64_t unit = ticks_age_unit(age);
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

/* A countdown to the second, for the unbonding screen: "16d 04:12:09",
 * "04:12:09" under a day; "-" for <= 0. It reads differently every
 * second, so a screen showing one wakes each second. */
static inline void ticks_format_countdown(int64_t left, char *buf, size_t len)
{
	if (left <= 0)
		snprintf(buf, len, "-");
	else if (left >= 86400)
		snprintf(buf, len, "%lldd %02lld:%02lld:%02lld", (long long)(left / 86400),
		         (long long)(left % 86400 / 3600), (long long)(left % 3600 / 60),
		         (long long)(left % 60));
	else
		snprintf(buf, len, "%02lld:%02lld:%02lld", (long long)(left / 3600),
		         (long long)(left % 3600 / 60), (long long)(left % 60));
}

/* The smaller of two tick counts, 0 meaning "never". */
static inline int ticks_min(int a, int b)
{
	return a <= 0 ? b : b <= 0 ? a : a < b ? a : b;
}

#endif
