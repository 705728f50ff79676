/* timeutil.h — ISO-8601 UTC times and dates, without the C library's
 * locale or time zone. Pure. */
#ifndef STAKETOP_TIMEUTIL_H
#define STAKETOP_TIMEUTIL_H

#include <stddef.h>
#include <stdint.h>

#define ISO_TIME_LEN 21 /* "2026-11-25T08:00:00Z" + NUL */

/* Days since 1970-01-01 of a proleptic Gregorian date. */
int64_t days_from_civil(int64_t y, unsigned m, unsigned d);

/* Accepts "YYYY-MM-DD" (midnight UTC), "YYYY-MM-DDTHH:MM[:SS[.fraction]]"
 * followed by nothing or "Z" (UTC) or "+HH:MM"/"-HH:MM" (a fraction of up to 9 digits, as
 * Cosmos sends, is truncated). Returns 0, or -1 with a reason in err. */
int time_parse_iso(const char *s, int64_t *out, char *err, size_t errlen);

/* Only "YYYY-MM-DD", a real calendar date. */
int date_parse(const char *s, int64_t *out, char *err, size_t errlen);

/* A position's opening date: date_parse, and neither empty ("give a date
 * YYYY-MM-DD") nor after the day now falls on ("2027-01-01 is in the
 * future (today is 2026-12-04)"). The add command and the forms share it. */
int date_parse_opening(const char *s, int64_t now, int64_t *out, char *err, size_t errlen);

void time_format_iso(int64_t t, char *buf, size_t len);   /* 2026-11-25T08:00:00Z */
void time_format_date(int64_t t, char *buf, size_t len);  /* 2026-11-25 */
void time_format_minute(int64_t t, char *buf, size_t len); /* 2026-11-25 08:00 UTC */

/* "45s", "12m", "3h", "2d", "5w" — a compact age for status text. */
void time_format_age(int64_t seconds, char *buf, size_t len);

#endif
