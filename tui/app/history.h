/* history.h — the portfolio's past as both faces read it: `staketop
 * history` and the history screen call the same functions, so the screen
 * shows for a date the figure `history --every 1mo` prints for it.
 *
 *   app_history_load   holdings (portfolio, one position or one asset),
 *                      the date grid, prices and rates sampled on it and
 *                      the rows (NAV, market value, premium, the split)
 *   app_history_rows_of  the rows of one asset of what was loaded (its
 *                      premium over time), from the samples already read
 *   app_history_yield  the yield a token delivered over a window beside
 *                      its quote, the gap and whether it trails it
 *
 * Offline: only the store is read. Ownership: struct app_hist owns every
 * array in it (app_history_free); rows given to app_history_rows_of
 * belong to the caller. */
#ifndef STAKETOP_APP_HISTORY_H
#define STAKETOP_APP_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "positions/history.h"
#include "tui/app/app.h"

#define APP_HIST_DAY_S 86400
/* Largest grid a caller may ask for. */
#define APP_HIST_MAX_POINTS 200000

/* What to load. from 0: the UTC day of the first event (else now). to 0:
 * now; else clipped to now. */
struct app_hist_query {
	int64_t position;            /* > 0: one position */
	const struct asset *asset;   /* one asset (a catalog entry), or NULL */
	int64_t from, to;
	enum hist_step step;
	int64_t now;
	bool holdings_only;          /* no grid, no samples (for yields) */
	bool from_first_day;         /* from no earlier than the first event's day */
	int monthly_beyond_days;     /* > 0: by month end when the range spans more
	                                days than this (step ignored then) */
};

struct app_hist {
	struct hist_holding *h;      /* the holdings in scope */
	size_t n_h;
	int64_t first_ts;            /* earliest event; 0 none */
	int64_t from, to;            /* the range loaded */
	enum hist_step step;
	int64_t *t;                  /* the grid */
	size_t n_t;
	struct hist_samples s;
	struct hist_row *rows;       /* rows[0..n_t) of all of h */
	long double rewards, price, flows;  /* the split of the whole range */
};

enum {
	APP_HIST_OK = 0,
	APP_HIST_STORE = -1,
	APP_HIST_MEMORY = -2,
	APP_HIST_TOO_MANY = -3,
	APP_HIST_RANGE = -4,   /* to (as clipped) before from */
};

/* Fill out (zeroed here). APP_HIST_OK, or a negative APP_HIST_ value with
 * err (a store error, out of memory, a grid over APP_HIST_MAX_POINTS). */
int app_history_load(struct app *a, const struct app_hist_query *q, struct app_hist *out,
                     char *err, size_t errlen);
void app_history_free(struct app_hist *h);

/* The rows of only's holdings in h (same grid and samples) into
 * rows[0..h->n_t). 0, or -1 out of memory. */
int app_history_rows_of(const struct app *a, const struct app_hist *h, const struct asset *only,
                        struct hist_row *rows);

/* The windows the realized yield is measured over, in days. */
#define APP_YIELD_WINDOWS 3
extern const int app_yield_days[APP_YIELD_WINDOWS];

struct app_yield {
	struct hist_realized y;      /* what it delivered */
	bool has_quoted;
	double quoted_apy;
	bool has_gap;                /* both known */
	double gap_bps;              /* (realized − quoted) × 10 000 */
	bool trails;                 /* gap below −[history] yield_gap_bps */
};

/* token's yield over the days before now. 0, or -1 with err. */
int app_history_yield(struct app *a, const struct asset *token, int64_t now, int days,
                      struct app_yield *out, char *err, size_t errlen);

/* Hold one read snapshot of the store across several of these calls (the
 * history screen's load and yields): consistent figures, one lock. 0, or
 * -1 with err; end with the same *opened. Nothing is written between. */
int app_history_read_begin(struct app *a, bool *opened, char *err, size_t errlen);
void app_history_read_end(struct app *a, bool opened);

/* The held tokens whose yield can be measured (hist_yield_rate_asset), in
 * holdings order, each once: up to max into out; how many. */
size_t app_history_yield_tokens(const struct app *a, const struct app_hist *h,
                                const struct asset **out, size_t max);

#endif
