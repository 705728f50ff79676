/* fuzz_rest_json.c — libFuzzer: rest_json_parse() on any bytes, for a
 * stATOM-like source (host_zone.redemption_rate); aborts when the outcome
 * breaks the parser contract (fx_check_outcome). Seeds:
 * tests/fuzz/seeds/rest_json/. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "pricing/rest_json.h"
#include "tests/pricing/fixture_catalog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct asset a;
	if (a.rate.type != RATE_REST_JSON) {
		fx_asset(&a, "stATOM", "cosmos", "ATOM", "", "", "");
		a.rate.type = RATE_REST_JSON;
		snprintf(a.rate.rest_base, sizeof a.rate.rest_base, "stride");
		snprintf(a.rate.path, sizeof a.rate.path, "/Stride-Labs/stride/stakeibc/host_zone/x");
		snprintf(a.rate.json_path, sizeof a.rate.json_path, "host_zone.redemption_rate");
	}
	struct obs_list out = {0};
	char err[256];
	int rc = rest_json_parse((const char *)data, size, &a, 1795593600, &out, err, sizeof err);
	fx_check_outcome(rc, &out, OBS_RATE, REST_JSON_SOURCE, err, sizeof err);
	if (rc == 0 && !err[0])
		abort(); /* nothing taken must say why */
	obs_list_free(&out);
	return 0;
}
