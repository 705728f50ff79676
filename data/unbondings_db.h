/* unbondings_db.h — changes to one recorded unbonding that a chain read
 * reports (tui/app/watch.c): its amount or ETA read again, its end (the
 * chain paid it out), or its cancellation (the stake took it back). The
 * request itself is store_unbond_request (data/events_db.h), whose rules
 * these keep: the unbond event stays the record of what left the position.
 *
 * Every function returns 0, or -1 with a message in err (errlen bytes),
 * and is one transaction, or a savepoint inside the caller's. */
#ifndef STAKETOP_UNBONDINGS_DB_H
#define STAKETOP_UNBONDINGS_DB_H

#include <stddef.h>
#include <stdint.h>

#include "data/store.h"
#include "positions/decimal.h"
#include "positions/unbonding.h"

/* Set a pending unbonding's amount (> 0: what will be paid out, e.g. a
 * Cosmos entry's balance after a slash) and its ETA (available, earliest,
 * latest and basis from eta). "unbonding 7 is not pending" otherwise. */
int store_unbonding_amend(struct store *s, int64_t id, dec_t amount,
                          const struct unbond_eta *eta, char *err, size_t errlen);

/* Claim one pending unbonding at now, due or not (the chain paid it): a
 * 'claim' event of its amount, status claimed; an available_at after now
 * becomes now. */
int store_unbonding_claim(struct store *s, int64_t id, int64_t now, char *err, size_t errlen);

/* Withdraw a pending unbonding: its unbond event is removed with note (the
 * amount is back in the position), as store_event_remove does. */
int store_unbonding_cancel(struct store *s, int64_t id, const char *note, int64_t now,
                           char *err, size_t errlen);

#endif
