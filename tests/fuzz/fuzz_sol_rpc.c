/* fuzz_sol_rpc.c — libFuzzer: sol_rpc_parse() on any bytes, with the fixture
 * catalog; aborts when the outcome breaks the parser contract
 * (fx_check_outcome). Seeds: tests/fuzz/seeds/sol_rpc/. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "pricing/sol_rpc.h"
#include "tests/pricing/fixture_catalog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct asset assets[FIXTURE_N];
	static struct catalog cat;
	if (cat.n == 0)
		cat = fixture_catalog(assets);
	struct obs_list out = {0};
	char err[256];
	int rc = sol_rpc_parse((const char *)data, size, &cat, "usd", 1763900100, &out,
	                       err, sizeof err);
	fx_check_outcome(rc, &out, OBS_RATE, SOL_RPC_SOURCE, err, sizeof err);
	obs_list_free(&out);
	struct sol_epoch e;
	char eerr[256];
	if (sol_rpc_parse_epoch((const char *)data, size, &e, eerr, sizeof eerr) == 0) {
		if (eerr[0] || e.slot_index >= e.slots_in_epoch)
			abort();
	} else if (!eerr[0] || !fx_text_is_safe(eerr)) {
		abort();
	}
	return 0;
}
