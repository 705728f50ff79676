/* shares_db.h — rebasing positions recorded before any share rate was
 * known (first run, offline) are kept pending: their typed balance, no
 * shares. This converts each to shares at the first share rate seen after
 * it was recorded (the earliest stored 'rate' observation of the asset's
 * share_rate_from, by fetched_at then id, with fetched_at >= created_at),
 * exactly: shares = quantity ÷ rate, and the rate kept as share_rate
 * ("num/den", the source's integers when the observation has them). Each
 * conversion writes an 'adjust' event of 0 whose note says so, in the same
 * transaction. Returns 0 (and *converted, may be NULL), or -1 with err. */
#ifndef STAKETOP_SHARES_DB_H
#define STAKETOP_SHARES_DB_H

#include <stddef.h>

#include "data/store.h"
#include "positions/asset.h"

int store_shares_convert_pending(struct store *s, const struct catalog *cat, int *converted,
                                 char *err, size_t errlen);

#endif
