/* observations_db.h — observations (one price, rate or APR from one feed
 * at one time), loading the latest of them into a market, and the status
 * of each feed.
 *
 * Observations carry the catalog's canonical symbol; lookups match it
 * exactly. Every function returns 0, or -1 with a message in err; lookups
 * return 1 when there is nothing. Writes run in their own transaction, or
 * as a savepoint inside the caller's (store_begin). */
#ifndef STAKETOP_OBSERVATIONS_DB_H
#define STAKETOP_OBSERVATIONS_DB_H

#include <stddef.h>
#include <stdint.h>

#include "data/store.h"
#include "positions/market.h"

/* Store v[0..n) with fetched_at, all or none, each with its exact text
 * (o->exact, "" stored as NULL) beside the value. Of observations with the
 * same ts, readers take the one stored last (highest id): the later wins. A row with no asset or
 * source, an unknown kind or a value that is not finite is refused (and so
 * is the whole batch). Values are not range-checked here: that is
 * obs_value_check's job where they enter. */
int store_observations_add(struct store *s, const struct observation *v, size_t n,
                           int64_t fetched_at, char *err, size_t errlen);
int store_observations_count(struct store *s, int64_t *n, char *err, size_t errlen);

/* For every asset of m->catalog and every kind, apply the newest stored
 * observation to m with market_apply (which keeps what m already holds
 * when that is newer). m must be initialised (market_init). */
int store_market_load(struct store *s, struct market *m, char *err, size_t errlen);

/* The newest observation of asset and kind at or before ts: 0 and *out
 * filled, 1 when there is none. */
int store_observation_at(struct store *s, const char *asset, enum obs_kind kind,
                         int64_t ts, struct observation *out, char *err, size_t errlen);

/* Observations of asset and kind with from <= ts <= to, oldest first,
 * appended to out (the caller owns it: obs_list_free). */
int store_observations_range(struct store *s, const char *asset, enum obs_kind kind,
                             int64_t from, int64_t to, struct obs_list *out,
                             char *err, size_t errlen);

/* How one feed last went. */
struct feed_status {
	char name[32];            /* "coingecko", "defillama_yields", … */
	int64_t last_attempt;     /* unix s, 0 never */
	int64_t last_success;     /* unix s, 0 never */
	long latency_ms;
	long values_taken;        /* observations kept from the last attempt */
	char last_error[256];     /* "" when the last attempt succeeded */
	int64_t blocked_until;    /* unix s: ask the provider nothing before
	                             (it rate-limited us); 0 = not */
};

/* Insert or replace the row for f->name. */
int store_feed_status_put(struct store *s, const struct feed_status *f,
                          char *err, size_t errlen);
/* Every feed's row, ordered by name, in a new array *out of *n entries
 * (NULL when none); the caller frees it with free(). */
int store_feed_status_list(struct store *s, struct feed_status **out, size_t *n,
                           char *err, size_t errlen);

#endif
