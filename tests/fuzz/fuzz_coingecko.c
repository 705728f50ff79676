/* fuzz_coingecko.c — libFuzzer: coingecko_parse() on any bytes, with the fixture
 * catalog; aborts when the outcome breaks the parser contract
 * (fx_check_outcome). Seeds: tests/fuzz/seeds/coingecko/. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "pricing/coingecko.h"
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
	int rc = coingecko_parse((const char *)data, size, &cat, "usd", 1763900100, &out,
	                         err, sizeof err);
	fx_check_outcome(rc, &out, OBS_PRICE, COINGECKO_SOURCE, err, sizeof err);
	obs_list_free(&out);
	return 0;
}
