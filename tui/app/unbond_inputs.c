/* unbond_inputs.c — live unbonding inputs kept in the store's meta table. */
#include "tui/app/unbond_inputs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int meta_u64(struct app *a, const char *key, uint64_t *out)
{
	char v[32], err[128];
	if (store_meta_get(a->store, key, v, sizeof v, err, sizeof err) != 0)
		return -1;
	char *end;
	unsigned long long x = strtoull(v, &end, 10);
	if (end == v || *end)
		return -1;
	*out = x;
	return 0;
}

void unbond_inputs_load(struct app *a, int64_t now, struct unbond_inputs *in)
{
	uint64_t epoch, idx, slots, at;
	memset(in, 0, sizeof *in);
	(void)now;
	if (meta_u64(a, "sol_epoch", &epoch) == 0 && meta_u64(a, "sol_slot_index", &idx) == 0 &&
	    meta_u64(a, "sol_slots_in_epoch", &slots) == 0 &&
	    meta_u64(a, "sol_epoch_observed_at", &at) == 0 && slots > 0 && idx <= slots) {
		in->sol.has = true;
		in->sol.epoch = epoch;
		in->sol.slot_index = idx;
		in->sol.slots_in_epoch = slots;
		in->sol.observed_at = (int64_t)at;
	}
}

int unbond_inputs_save_epoch(struct app *a, const struct epoch_seen *e, char *err,
                             size_t errlen)
{
	if (!e->has)
		return 0;
	const struct {
		const char *key;
		unsigned long long v;
	} kv[] = {
		{ "sol_epoch", e->epoch },
		{ "sol_slot_index", e->slot_index },
		{ "sol_slots_in_epoch", e->slots_in_epoch },
		{ "sol_epoch_observed_at", (unsigned long long)e->observed_at },
	};
	for (size_t i = 0; i < sizeof kv / sizeof *kv; i++) {
		char v[32];
		snprintf(v, sizeof v, "%llu", kv[i].v);
		if (store_meta_set(a->store, kv[i].key, v, err, errlen) < 0)
			return -1;
	}
	return 0;
}
