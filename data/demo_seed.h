/* demo_seed.h — fill a new, empty store with the demo portfolio
 * (data/demo.json) and the dated offline snapshot (data/snapshot.json). */
#ifndef STAKETOP_DEMO_SEED_H
#define STAKETOP_DEMO_SEED_H

#include <stddef.h>
#include <stdint.h>

#include "data/store.h"
#include "positions/asset.h"
#include "positions/market.h"

/* Seed store from data_dir's demo.json and snapshot.json, valuing the
 * snapshot with cat; now is the time unbondings are placed relative to.
 * Does nothing when the store already has positions. In one transaction.
 * *snapshot_ts receives the snapshot's date. */
int demo_seed(struct store *s, const struct catalog *cat, const char *data_dir, int64_t now,
              char *err, size_t errlen);

/* The snapshot's observations only (also used to refresh an old demo). */
int demo_snapshot_load(const char *path, const struct catalog *cat, struct obs_list *out,
                       int64_t *taken_at, char *err, size_t errlen);

#endif
