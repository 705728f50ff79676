/* fuzz_chains.c — libFuzzer: the watched-address readers (pricing/chains/)
 * on any bytes: cosmos_parse for each query, beacon_parse, solana_parse for
 * a wallet and a stake account, polkadot_parse(_progress) and the Ethereum
 * batch parsers (ethereum_parse, _el, _el2). Aborts when an outcome breaks
 * the readers' contract (chains.h): -1 with a non-empty err safe to print
 * and nothing appended; 0 with every item's key, detail and parent safe to
 * print, its quantity not negative, an exit naming the stake it leaves.
 * Seeds: tests/fuzz/seeds/chains/. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pricing/chains/beacon.h"
#include "pricing/chains/cosmos.h"
#include "pricing/chains/ethereum.h"
#include "pricing/chains/polkadot.h"
#include "pricing/chains/solana.h"
#include "tests/pricing/fixture_catalog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { N_ASSETS = FIXTURE_N + 3 };

static struct asset assets[N_ASSETS];
static struct catalog cat;

static void setup(void)
{
	struct catalog fx = fixture_catalog(assets);
	fx_asset(&assets[FIXTURE_N], "SOL", "solana", "", "solana", "coingecko:solana", "");
	fx_asset(&assets[FIXTURE_N + 1], "ATOM", "cosmos", "", "cosmos", "coingecko:cosmos", "");
	assets[FIXTURE_N + 1].decimals = 6;
	fx_asset(&assets[FIXTURE_N + 2], "DOT", "polkadot", "", "polkadot", "coingecko:polkadot", "");
	assets[FIXTURE_N + 2].decimals = 10;
	snprintf(assets[FX_STETH].token, sizeof assets[FX_STETH].token, "%s",
	         "0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84");
	cat = (struct catalog){ fx.assets, N_ASSETS };
}

/* The contract of one parse that appended to out from n0 on. */
static void check(int rc, const struct chain_items *out, size_t n0, const char *err,
                  size_t errlen)
{
	if (rc != 0 && rc != -1)
		abort();
	if (strnlen(err, errlen) >= errlen || !fx_text_is_safe(err))
		abort();
	if (rc == -1) {
		if (!err[0] || out->n != n0)
			abort();
		return;
	}
	for (size_t i = n0; i < out->n; i++) {
		const struct chain_item *it = &out->v[i];
		if (!it->key[0] || !fx_text_is_safe(it->key) || !fx_text_is_safe(it->detail) ||
		    !fx_text_is_safe(it->parent) || !fx_text_is_safe(it->asset))
			abort();
		if (dec_is_neg(it->quantity) || (it->has_shares && dec_is_neg(it->shares)))
			abort();
		if (it->unbonding && !it->parent[0])
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (cat.n == 0)
		setup();
	const char *body = (const char *)data;
	char err[256];
	struct chain_items out = { 0 };
	size_t n0;
	int rc;

	for (int q = COSMOS_DELEGATIONS; q <= COSMOS_BALANCES; q++) {
		char *next = NULL;
		n0 = out.n;
		err[0] = '\0';
		rc = cosmos_parse((enum cosmos_query)q, body, size, &assets[FIXTURE_N + 1], &out, &next,
		                  err, sizeof err);
		check(rc, &out, n0, err, sizeof err);
		if (next && (!next[0] || !fx_text_is_safe(next)))
			abort();
		free(next);
	}

	const char *ids[] = { "7", "0x93aa", "1" };
	bool found[3];
	n0 = out.n;
	err[0] = '\0';
	rc = beacon_parse(body, size, ids, 3, &assets[FX_ETH], 1606824023, 86400, &out, found, err,
	                  sizeof err);
	check(rc, &out, n0, err, sizeof err);

	uint64_t u;
	const char *addrs[] = { "Wa11et", "StakeAcc" };
	for (size_t k = 0; k < 2; k++) {
		n0 = out.n;
		err[0] = '\0';
		rc = solana_parse(body, size, k, addrs[k], &cat, 1795593600, &out, &u, err, sizeof err);
		check(rc, &out, n0, err, sizeof err);
	}

	uint64_t era = 0;
	err[0] = '\0';
	rc = polkadot_parse_progress(body, size, &era, err, sizeof err);
	if ((rc != 0 && rc != -1) || !fx_text_is_safe(err) || (rc == -1 && !err[0]))
		abort();
	n0 = out.n;
	err[0] = '\0';
	rc = polkadot_parse(body, size, &assets[FIXTURE_N + 2], 210, 86400, 1795593600, &out, &u,
	                    err, sizeof err);
	check(rc, &out, n0, err, sizeof err);

	uint64_t block = 0;
	n0 = out.n;
	err[0] = '\0';
	rc = ethereum_parse(body, size, 0, &cat, &out, &block, err, sizeof err);
	check(rc, &out, n0, err, sizeof err);
	struct el_shares dep;
	n0 = out.n;
	err[0] = '\0';
	rc = ethereum_parse_el(body, size, 0, &cat, block, 1795593600, &dep, &out, err, sizeof err);
	check(rc, &out, n0, err, sizeof err);
	if (rc == 0) {
		n0 = out.n;
		err[0] = '\0';
		rc = ethereum_parse_el2(body, size, 0, &cat, &dep, &out, err, sizeof err);
		check(rc, &out, n0, err, sizeof err);
	}
	chain_items_free(&out);
	return 0;
}
