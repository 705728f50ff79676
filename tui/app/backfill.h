/* backfill.h — the backfill as a use case, driven step by step so either
 * face can run it: `staketop backfill` steps and waits until it is done;
 * the interface steps it after every wake of its loop and waits on it in
 * the loop's one wait, never blocking on it.
 *
 * What it fetches: daily prices from DefiLlama's coins chart API
 * (defillama_coins_url) for every asset whose price values a position,
 * back to the portfolio's first event (or from), in windows of
 * LLAMA_CHART_SPAN_DAYS days, every asset's next window as soon as its
 * last is in; and the daily APR history of each held asset's yields pool
 * (defillama_yields_url) in one answer. Each answer is stored with the
 * point reached (meta "backfill:<SYM>", "backfill-apr:<SYM>") in one
 * transaction, so an interrupted run resumes where it stopped.
 *
 * Ownership: struct backfill is the caller's (backfill_free); strings it
 * hands out live until backfill_free. Messages are not sanitized. */
#ifndef STAKETOP_APP_BACKFILL_H
#define STAKETOP_APP_BACKFILL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pricing/refresh.h"
#include "tui/app/app.h"

struct backfill;

/* One answer stored: which asset, prices or APRs, the days it covers, how
 * many points were kept and the parser's note on the rest ("" none). */
struct backfill_window {
	const char *symbol;
	bool apr;
	int64_t start, end;
	size_t n;
	const char *note;
};
typedef void (*backfill_window_fn)(void *ctx, const struct backfill_window *w);

struct backfill_progress {
	size_t windows_done, windows_total;   /* requests answered / estimated in all */
	long prices, aprs;                    /* points stored */
	size_t price_assets, apr_pools;       /* jobs of each sort */
	size_t failed;                        /* jobs that stopped on an error */
	bool finished;
};

enum { BACKFILL_FAILED = -1, BACKFILL_USAGE = -2 };

/* Prepare a backfill of a's holdings from from (0: the day of the first
 * event) to now. on_window (may be NULL) is called as each answer is
 * stored. 0, or BACKFILL_USAGE (offline, no coins URL, from in the
 * future) or BACKFILL_FAILED (the store, memory, libcurl), with err. */
int backfill_new(struct app *a, int64_t from, int64_t now, backfill_window_fn on_window,
                 void *ctx, struct backfill **out, char *err, size_t errlen);
void backfill_free(struct backfill *b);

/* Queue what is ready and move every transfer forward, without blocking.
 * The number of requests in flight (0: finished), or -1 (libcurl). */
int backfill_step(struct backfill *b);
/* Wait for the backfill's transfers, one of the extra descriptors, or
 * max_timeout_ms (negative: none), as refresh_wait. */
int backfill_wait(struct backfill *b, struct refresh_waitfd *extra, unsigned n_extra,
                  int max_timeout_ms);

void backfill_progress(const struct backfill *b, struct backfill_progress *p);
/* The k-th job that failed (k < progress.failed): its asset and why. */
void backfill_failure(const struct backfill *b, size_t k, const char **symbol,
                      const char **error);

#endif
