/* fixture_catalog.h — a small catalog built in code for the feed tests,
 * fuzzers and the yields benchmark: ETH, stETH, wstETH, rETH, JitoSOL and
 * mSOL with the real ids, addresses and layouts of DOMAIN.md. Header only.
 *
 *   struct asset a[FIXTURE_N];
 *   struct catalog cat = fixture_catalog(a);
 *
 * wstETH has no pool id of its own: it matches the yields list by
 * "Ethereum/lido/STETH", so both ways of matching are exercised. */
#ifndef STAKETOP_TEST_FIXTURE_CATALOG_H
#define STAKETOP_TEST_FIXTURE_CATALOG_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "positions/asset.h"
#include "positions/market.h"

enum { FX_ETH, FX_STETH, FX_WSTETH, FX_RETH, FX_JITOSOL, FX_MSOL, FIXTURE_N };

#define FX_POOL_STETH "747c1d2a-c668-4682-b9f9-296708a3dd90"
#define FX_POOL_RETH "d4b3c522-6127-4b89-bedf-83641cdcd2eb"
#define FX_POOL_JITOSOL "0e7d0722-9054-4907-8593-567b353c0900"
#define FX_POOL_MSOL "b3f93865-5ec8-4662-90a0-11808e0aa2bd"
#define FX_JITO_POOL "Jito4APyf642JPZPx3hGc6WWJ8zPKtRbRs4P815Awbb"
#define FX_SPL_PROGRAM "SPoo1Ku8WFXoNDMHPsrGSTSG1Y47rzgn41SLUNakuHy"
#define FX_MARINADE_STATE "8szGkuLTAux9XMgZ2vtY39jVSowEcpBfFfD8hXSEqdGC"
#define FX_MARINADE_PROGRAM "MarBmsSgKXdrN1egZf5sqe1TMai9K1rChYNDJgjq7aD"

static inline void fx_asset(struct asset *a, const char *sym, const char *chain,
                            const char *underlying, const char *cg, const char *llama,
                            const char *pool)
{
	memset(a, 0, sizeof *a);
	snprintf(a->symbol, sizeof a->symbol, "%s", sym);
	snprintf(a->name, sizeof a->name, "%s", sym);
	snprintf(a->chain, sizeof a->chain, "%s", chain);
	snprintf(a->underlying, sizeof a->underlying, "%s", underlying);
	snprintf(a->coingecko_id, sizeof a->coingecko_id, "%s", cg);
	snprintf(a->llama_key, sizeof a->llama_key, "%s", llama);
	snprintf(a->llama_pool, sizeof a->llama_pool, "%s", pool);
	a->decimals = strcmp(chain, "solana") == 0 ? 9 : 18;
	a->kind = underlying[0] ? ASSET_LIQUID : ASSET_NATIVE;
	a->model = underlying[0] ? MODEL_REWARD_BEARING : MODEL_NATIVE;
	a->rate.type = RATE_ONE;
}

static inline void fx_evm(struct asset *a, const char *address, const char *call,
                          const char *selector)
{
	a->rate.type = RATE_EVM_CALL;
	snprintf(a->rate.address, sizeof a->rate.address, "%s", address);
	snprintf(a->rate.call, sizeof a->rate.call, "%s", call);
	snprintf(a->rate.selector, sizeof a->rate.selector, "%s", selector);
	a->rate.scale_decimals = 18;
}

static inline struct catalog fixture_catalog(struct asset a[FIXTURE_N])
{
	fx_asset(&a[FX_ETH], "ETH", "ethereum", "", "ethereum", "coingecko:ethereum", "");
	fx_asset(&a[FX_STETH], "stETH", "ethereum", "ETH", "staked-ether",
	         "ethereum:0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84", FX_POOL_STETH);
	a[FX_STETH].model = MODEL_REBASING;
	fx_asset(&a[FX_WSTETH], "wstETH", "ethereum", "stETH", "wrapped-steth",
	         "ethereum:0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0", "");
	snprintf(a[FX_WSTETH].llama_match, sizeof a[FX_WSTETH].llama_match, "Ethereum/lido/STETH");
	fx_evm(&a[FX_WSTETH], "0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0", "stEthPerToken()",
	       "0x035faf82");
	fx_asset(&a[FX_RETH], "rETH", "ethereum", "ETH", "rocket-pool-eth",
	         "ethereum:0xae78736Cd615f374D3085123A210448E74Fc6393", FX_POOL_RETH);
	fx_evm(&a[FX_RETH], "0xae78736Cd615f374D3085123A210448E74Fc6393", "getExchangeRate()",
	       "0xe6aa216c");
	fx_asset(&a[FX_JITOSOL], "JitoSOL", "solana", "SOL", "jito-staked-sol",
	         "solana:J1toso1uCk3RLmjorhTtrVwY9HJ7X8V9yYac6Y7kGCPn", FX_POOL_JITOSOL);
	a[FX_JITOSOL].rate.type = RATE_SPL_STAKE_POOL;
	snprintf(a[FX_JITOSOL].rate.address, ADDR_MAX, "%s", FX_JITO_POOL);
	snprintf(a[FX_JITOSOL].rate.owners[0], ADDR_MAX, "%s", FX_SPL_PROGRAM);
	a[FX_JITOSOL].rate.n_owners = 1;
	fx_asset(&a[FX_MSOL], "mSOL", "solana", "SOL", "msol",
	         "solana:mSoLzYCxHdYgdzU16g5QSh3i5K3z3KZK7ytfqcJm7So", FX_POOL_MSOL);
	a[FX_MSOL].rate.type = RATE_MARINADE_STATE;
	snprintf(a[FX_MSOL].rate.address, ADDR_MAX, "%s", FX_MARINADE_STATE);
	snprintf(a[FX_MSOL].rate.owners[0], ADDR_MAX, "%s", FX_MARINADE_PROGRAM);
	a[FX_MSOL].rate.n_owners = 1;
	a[FX_MSOL].rate.offset = 512;
	return (struct catalog){a, FIXTURE_N};
}

/* Is s safe to print: no byte below 0x20, no DEL, no ESC, valid UTF-8 with
 * no C1 control? */
static inline bool fx_text_is_safe(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned char c = *p;
		size_t n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3
		         : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
		if (c < 0x20 || c == 0x7f || n == 0)
			return false;
		for (size_t i = 1; i < n; i++)
			if ((p[i] & 0xc0) != 0x80)
				return false;
		if (n == 2 && c == 0xc2 && p[1] < 0xa0)
			return false; /* C1 control */
		p += n;
	}
	return true;
}

/* For the fuzzers: abort() unless a parser's outcome keeps the contract of
 * pricing/feed.h — rc >= -1, nothing appended on -1, rc values appended
 * otherwise, each of the expected kind and source with a value
 * obs_value_check() accepts, and err terminated and safe to print. */
static inline void fx_check_outcome(int rc, const struct obs_list *out, enum obs_kind kind,
                                    const char *source, const char *err, size_t errlen)
{
	if (rc < -1 || (rc == -1 && out->n != 0) || (rc >= 0 && out->n != (size_t)rc))
		abort();
	for (size_t i = 0; i < out->n; i++)
		if (out->v[i].kind != kind || strcmp(out->v[i].source, source) != 0 ||
		    obs_value_check(kind, out->v[i].value) != NULL)
			abort();
	if (strnlen(err, errlen) >= errlen || !fx_text_is_safe(err) || (rc == -1 && !err[0]))
		abort();
}

/* The bytes of tests/fixtures/feeds/<name> ($STAKETOP_TEST_DIR replaces
 * "tests"), NUL-terminated; the caller frees it. NULL when unreadable. */
static inline char *fx_read_fixture(const char *name, size_t *len)
{
	const char *dir = getenv("STAKETOP_TEST_DIR");
	char path[512];
	snprintf(path, sizeof path, "%s/fixtures/feeds/%s", dir && *dir ? dir : "tests", name);
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	size_t n = 0, cap = 0;
	for (;;) {
		if (n + 4096 + 1 > cap) {
			cap = cap ? cap * 2 : 8192;
			char *nb = realloc(buf, cap);
			if (!nb) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
		}
		size_t got = fread(buf + n, 1, 4096, f);
		n += got;
		if (got < 4096)
			break;
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

#endif
