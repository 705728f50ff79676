/* alerts_db.h — alerts that fired (positions/alerts.h says which hold):
 * each with its time, until the user has seen it. An alert fires once
 * while its condition holds: a row per key stays open (ended_at NULL)
 * until the condition no longer holds, and only then can the same key
 * fire again.
 *
 * Every function returns 0, or -1 with a message in err. Writes are one
 * transaction (a savepoint inside the caller's). Arrays returned belong to
 * the caller (free()). */
#ifndef STAKETOP_ALERTS_DB_H
#define STAKETOP_ALERTS_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "data/store.h"
#include "positions/alerts.h"

struct alert_row {
	int64_t id;
	char kind[16];                 /* alert_kind_name */
	char key[ALERT_KEY_MAX];
	char message[ALERT_MSG_MAX];
	int64_t fired_at;
	int64_t seen_at;               /* 0 not seen */
	int64_t ended_at;              /* 0 the condition still holds */
};

/* The conditions holding at now are hits[0..n): a hit whose key has no open
 * row fires (a new row at now); an open row whose key is not among the hits
 * ends at now. *n_fired (may be NULL) says how many fired. */
int store_alerts_sync(struct store *s, const struct alert_hit *hits, size_t n, int64_t now,
                      int *n_fired, char *err, size_t errlen);

/* Alerts newest first (unseen only when unseen_only); *out NULL when none. */
int store_alerts_list(struct store *s, bool unseen_only, struct alert_row **out, size_t *n,
                      char *err, size_t errlen);

/* How many have not been seen. */
int store_alerts_unseen(struct store *s, int64_t *n, char *err, size_t errlen);

/* Mark every unseen alert seen at now; *n_marked may be NULL. */
int store_alerts_mark_seen(struct store *s, int64_t now, int *n_marked, char *err,
                           size_t errlen);

#endif
