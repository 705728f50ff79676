/* gen-yields.c — writes a realistic DefiLlama /pools answer for the yields
 * benchmark: about 18,000 pools and 10 MB, every field of the real shape,
 * with the real pool ids of DOMAIN.md's table placed among made-up pools
 * (some of them "lido" pools on other chains, as in the real list).
 * Deterministic (a fixed xorshift seed).
 *
 *   gen-yields OUT.json */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define POOLS 18000

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static double urand(void)
{
	return (double)(rnd() >> 11) / 9007199254740992.0;
}

struct real_pool {
	const char *chain, *project, *symbol, *id;
	double tvl, apy;
};

/* DOMAIN.md's pool table (APYs are plausible, not real). */
static const struct real_pool REAL[] = {
	{"Ethereum", "lido", "STETH", "747c1d2a-c668-4682-b9f9-296708a3dd90", 2.41e10, 2.71},
	{"Ethereum", "rocket-pool", "RETH", "d4b3c522-6127-4b89-bedf-83641cdcd2eb", 3.1e9, 2.58},
	{"Ethereum", "coinbase-wrapped-staked-eth", "CBETH", "0f45d730-b279-4629-8e11-ccb5cc3038b4",
	 2.2e9, 2.41},
	{"Ethereum", "binance-staked-eth", "WBETH", "80b8bf92-b953-4c20-98ea-c9653ef2bb98", 1.3e10,
	 2.62},
	{"Solana", "jito-liquid-staking", "JITOSOL", "0e7d0722-9054-4907-8593-567b353c0900", 2.8e9,
	 7.42},
	{"Solana", "marinade-liquid-staking", "MSOL", "b3f93865-5ec8-4662-90a0-11808e0aa2bd", 1.1e9,
	 7.05},
	{"Ethereum", "ether.fi-stake", "WEETH", "46bd2bdf-6d92-4066-b482-e885ee172264", 6.5e9, 2.95},
	{"Ethereum", "renzo", "EZETH", "e28e32b5-e356-41d9-8dc7-a376ece56619", 1.2e9, 3.1},
	{"Ethereum", "kelp", "RSETH", "33c732f6-a78d-41da-af5b-ccd9fa5e52d5", 1.0e9, 2.9},
};
#define N_REAL (sizeof REAL / sizeof *REAL)

static const char *const CHAINS[] = {"Ethereum", "Arbitrum", "Base", "BSC", "Polygon", "Solana",
                                     "Optimism", "Avalanche", "Sui", "Aptos", "Fantom", "Linea"};
static const char *const PROJECTS[] = {
	"aave-v3", "uniswap-v3", "curve-dex", "compound-v3", "pendle", "morpho-blue", "lido",
	"balancer-v2", "convex-finance", "yearn-finance", "beefy", "aerodrome-v1", "raydium-amm",
	"orca", "kamino-lend", "gmx-v2", "spark", "fluid-lending", "euler-v2", "sushiswap"};
static const char *const SYMBOLS[] = {"WETH", "USDC", "USDT", "DAI", "WBTC", "USDC-WETH",
                                      "WSTETH-WETH", "STETH", "SOL-USDC", "FRAX", "GHO",
                                      "CRVUSD", "ARB", "OP", "CBBTC", "EZETH-WETH"};
#define PICK(a) (a[rnd() % (sizeof a / sizeof *a)])

static void uuid(char out[37])
{
	static const char hex[] = "0123456789abcdef";
	for (int i = 0; i < 36; i++)
		out[i] = (i == 8 || i == 13 || i == 18 || i == 23) ? '-' : hex[rnd() & 15];
	out[14] = '4';
	out[36] = '\0';
}

static void address(char out[43])
{
	static const char hex[] = "0123456789abcdef";
	out[0] = '0';
	out[1] = 'x';
	for (int i = 2; i < 42; i++)
		out[i] = hex[rnd() & 15];
	out[42] = '\0';
}

static void num_or_null(FILE *f, double v, double p_null)
{
	if (urand() < p_null)
		fputs("null", f);
	else
		fprintf(f, "%.4g", v);
}

static void write_pool(FILE *f, const char *chain, const char *project, const char *symbol,
                       const char *id, double tvl, double base, double reward)
{
	double apy = base + reward;
	char a1[43], a2[43];
	address(a1);
	address(a2);
	fprintf(f, "{\"chain\":\"%s\",\"project\":\"%s\",\"symbol\":\"%s\",\"tvlUsd\":%.0f,",
	        chain, project, symbol, tvl);
	fputs("\"apyBase\":", f);
	num_or_null(f, base, 0.1);
	fputs(",\"apyReward\":", f);
	if (reward > 0)
		fprintf(f, "%.4g", reward);
	else
		fputs("null", f);
	fprintf(f, ",\"apy\":%.4g,\"rewardTokens\":%s,\"pool\":\"%s\",", apy,
	        reward > 0 ? "[\"0x4200000000000000000000000000000000000042\"]" : "null", id);
	fputs("\"apyPct1D\":", f);
	num_or_null(f, round(100 * (urand() - 0.5)) / 100, 0.2);
	fputs(",\"apyPct7D\":", f);
	num_or_null(f, round(100 * (2 * urand() - 1)) / 100, 0.2);
	fputs(",\"apyPct30D\":", f);
	num_or_null(f, round(100 * (4 * urand() - 2)) / 100, 0.2);
	fprintf(f, ",\"stablecoin\":%s,\"ilRisk\":\"%s\",\"exposure\":\"%s\",",
	        urand() < 0.3 ? "true" : "false", urand() < 0.4 ? "yes" : "no",
	        urand() < 0.4 ? "multi" : "single");
	fprintf(f, "\"predictions\":{\"predictedClass\":\"%s\",\"predictedProbability\":%d,"
	           "\"binnedConfidence\":%d},",
	        urand() < 0.5 ? "Stable/Up" : "Down", (int)(50 + 50 * urand()), (int)(1 + 3 * urand()));
	fprintf(f, "\"poolMeta\":%s,\"mu\":%.4g,\"sigma\":%.2g,\"count\":%d,\"outlier\":false,",
	        urand() < 0.7 ? "null" : "\"0.05%\"", apy * (0.8 + 0.4 * urand()), urand() / 10,
	        (int)(1000 * urand()));
	if (urand() < 0.15) /* a pair */
		fprintf(f, "\"underlyingTokens\":[\"%s\",\"%s\"],", a1, a2);
	else
		fprintf(f, "\"underlyingTokens\":[\"%s\"],", a1);
	fputs("\"il7d\":null,\"apyBase7d\":null,", f);
	fputs("\"apyMean30d\":", f);
	num_or_null(f, apy * (0.9 + 0.2 * urand()), 0.05);
	fputs(",\"volumeUsd1d\":", f);
	num_or_null(f, round(tvl * urand() / 10), 0.6);
	fputs(",\"volumeUsd7d\":", f);
	num_or_null(f, round(tvl * urand()), 0.6);
	fputs(",\"apyBaseInception\":null}", f);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s OUT.json\n", argv[0]);
		return 2;
	}
	FILE *f = fopen(argv[1], "w");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	fputs("{\"status\":\"success\",\"data\":[", f);
	for (size_t i = 0; i < POOLS; i++) {
		if (i)
			fputc(',', f);
		/* the real pools spread over the list: every 2,000th element */
		if (i % 2000 == 1000 && i / 2000 < N_REAL) {
			const struct real_pool *r = &REAL[i / 2000];
			write_pool(f, r->chain, r->project, r->symbol, r->id, r->tvl, r->apy, 0);
			continue;
		}
		char id[37];
		uuid(id);
		double base = urand() < 0.05 ? 20 + 200 * urand() : 15 * urand();
		double reward = urand() < 0.2 ? 10 * urand() : 0;
		write_pool(f, PICK(CHAINS), PICK(PROJECTS), PICK(SYMBOLS), id,
		           1e4 + 1e8 * urand() * urand(), base, reward);
	}
	fputs("]}\n", f);
	long size = ftell(f);
	if (fclose(f) != 0) {
		perror(argv[1]);
		return 1;
	}
	fprintf(stderr, "gen-yields: %d pools, %ld bytes -> %s\n", POOLS, size, argv[1]);
	return 0;
}
