/* bench-seed — make a large store for benchmarks.
 *
 *   bench-seed DB N_POSITIONS N_OBSERVATIONS
 *
 * Replaces DB (and its -wal/-shm files) with a fresh store holding
 * N_POSITIONS positions over 17 staking assets in 10 accounts, and
 * N_OBSERVATIONS prices, rates and APRs from coingecko, defillama and
 * eth_rpc, spread over the last two years. Values follow smooth
 * deterministic curves with noise from a fixed seed, so two runs give the
 * same database. Everything goes in one transaction through the store's one
 * cached insert statement. Prints one summary line; exit 0, 1 on failure,
 * 2 on bad usage. */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "data/observations_db.h"
#include "data/positions_db.h"
#include "data/store.h"
#include "positions/decimal.h"
#include "positions/market.h"
#include "positions/position.h"

#define N_ACCOUNTS 10
#define BATCH 8192
#define SPAN_S (2 * 365 * 86400LL)

enum family { FAM_ETH, FAM_SOL, FAM_ATOM, FAM_DOT };

struct symbol {
	const char *symbol;
	enum family family;
	double rate0, rate1;  /* protocol rate two years ago and now; 0: none */
	double apr;           /* typical APR, fraction */
	double premium;       /* market price vs NAV, fraction */
	bool coin;            /* a chain's own coin: may sit idle in a wallet */
};

static const struct symbol symbols[] = {
	{ "ETH",      FAM_ETH,  0,     0,     0.030,  0, true },
	{ "stETH",    FAM_ETH,  0,     0,     0.028, -0.0008, false },
	{ "wstETH",   FAM_ETH,  1.145, 1.218, 0.028, -0.0005, false },
	{ "rETH",     FAM_ETH,  1.085, 1.140, 0.026,  0.0010, false },
	{ "cbETH",    FAM_ETH,  1.055, 1.098, 0.027, -0.0020, false },
	{ "WBETH",    FAM_ETH,  1.030, 1.078, 0.026, -0.0015, false },
	{ "weETH",    FAM_ETH,  1.020, 1.076, 0.030, -0.0010, false },
	{ "eETH",     FAM_ETH,  0,     0,     0.030, -0.0025, false },
	{ "ezETH",    FAM_ETH,  1.005, 1.048, 0.032, -0.0040, false },
	{ "rsETH",    FAM_ETH,  1.008, 1.055, 0.030, -0.0030, false },
	{ "EL-stETH", FAM_ETH,  0,     0,     0.035, -0.0008, false },
	{ "EL-ETH",   FAM_ETH,  0,     0,     0.034,  0, false },
	{ "SOL",      FAM_SOL,  0,     0,     0.068,  0, true },
	{ "JitoSOL",  FAM_SOL,  1.120, 1.255, 0.075,  0.0005, false },
	{ "mSOL",     FAM_SOL,  1.200, 1.330, 0.072, -0.0010, false },
	{ "ATOM",     FAM_ATOM, 0,     0,     0.180,  0, true },
	{ "DOT",      FAM_DOT,  0,     0,     0.120,  0, true },
};
#define N_SYMBOLS (sizeof symbols / sizeof symbols[0])

/* One stream of observations: a symbol and a kind. */
struct series {
	const struct symbol *sym;
	enum obs_kind kind;
};

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t rng(void)
{
	uint64_t x = rng_state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return rng_state = x;
}

/* uniform in [-1, 1) */
static double noise(void)
{
	return (double)(rng() >> 11) / (double)(1ULL << 52) - 1.0;
}

/* u in [0, 1]: two years ago … now. */
static double family_price(enum family f, double u)
{
	const double tau = 6.283185307179586;

	switch (f) {
	case FAM_ETH:  return 2900 + 900 * sin(tau * u * 1.7) + 300 * sin(tau * u * 9.0);
	case FAM_SOL:  return 140 + 60 * sin(tau * u * 1.3 + 1.0) + 15 * sin(tau * u * 11.0);
	case FAM_ATOM: return 8 + 3 * sin(tau * u * 1.1 + 2.0) + 0.6 * sin(tau * u * 7.0);
	case FAM_DOT:  return 6 + 2 * sin(tau * u * 0.9 + 0.5) + 0.5 * sin(tau * u * 8.0);
	}
	return 1;
}

static double rate_at(const struct symbol *s, double u)
{
	return s->rate0 > 0 ? s->rate0 + (s->rate1 - s->rate0) * u : 1.0;
}

static double value_at(const struct series *se, double u)
{
	const struct symbol *s = se->sym;

	switch (se->kind) {
	case OBS_PRICE:
		return family_price(s->family, u) * rate_at(s, u) *
		       (1 + s->premium + 0.0015 * noise()) * (1 + 0.004 * noise());
	case OBS_RATE:
		return rate_at(s, u) * (1 + 1e-6 * noise());
	case OBS_APR:
	case OBS_KINDS:
		break;
	}
	return s->apr * (1 + 0.15 * sin(6.283185307179586 * u * 3) + 0.05 * noise());
}

static const char *source_of(const struct series *se, uint64_t step)
{
	switch (se->kind) {
	case OBS_PRICE: return step % 2 ? "defillama" : "coingecko";
	case OBS_RATE:  return "eth_rpc";
	case OBS_APR:
	case OBS_KINDS:
		break;
	}
	return "defillama";
}

static int parse_count(const char *s, uint64_t *out)
{
	char *end;

	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s || *end || *s == '-')
		return -1;
	*out = v;
	return 0;
}

static void remove_db(const char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	char p[4096];

	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		snprintf(p, sizeof p, "%s%s", path, suffixes[i]);
		unlink(p);
	}
}

static int seed_positions(struct store *s, uint64_t n, int64_t now, char *err, size_t errlen)
{
	for (uint64_t i = 0; i < n; i++) {
		const struct symbol *sym = &symbols[i % N_SYMBOLS];
		char qty[64];
		struct position p;

		memset(&p, 0, sizeof p);
		snprintf(p.account, sizeof p.account, "account-%02u", (unsigned)(i % N_ACCOUNTS) + 1);
		snprintf(p.asset, sizeof p.asset, "%s", sym->symbol);
		snprintf(qty, sizeof qty, "%" PRIu64 ".%018" PRIu64, rng() % 5000,
		         rng() % UINT64_C(1000000000000000000));
		if (dec_parse(qty, 18, &p.quantity, err, errlen) < 0)
			return -1;
		if (i % 7 == 3) {
			p.origin = ORIGIN_CHAIN;
			snprintf(p.address, sizeof p.address, "0x%016" PRIx64 "%016" PRIx64 "%08x",
			         rng(), rng(), (unsigned)(rng() & 0xffffffffu));
			p.read_at = now - (int64_t)(rng() % 3600);
			p.idle = sym->coin && i % 2 == 1; /* some coin left unstaked */
		} else {
			p.origin = ORIGIN_MANUAL;
			int64_t opened = now - (int64_t)(rng() % (uint64_t)SPAN_S);
			time_t t = (time_t)opened;
			struct tm tm;
			gmtime_r(&t, &tm);
			strftime(p.opened, sizeof p.opened, "%Y-%m-%d", &tm);
			p.has_cost_basis = true;
			p.cost_basis = dec_from_int((int64_t)(rng() % 1000000));
		}
		snprintf(p.note, sizeof p.note, "bench position %" PRIu64, i + 1);
		if (store_position_add(s, &p, err, errlen) < 0)
			return -1;
	}
	return 0;
}

static int seed_observations(struct store *s, uint64_t n, int64_t now,
                             char *err, size_t errlen)
{
	struct series series[N_SYMBOLS * OBS_KINDS];
	struct observation *batch = malloc(BATCH * sizeof *batch);
	size_t n_series = 0, fill = 0;
	int rc = -1;

	if (!batch) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < N_SYMBOLS; i++) {
		series[n_series++] = (struct series){ &symbols[i], OBS_PRICE };
		if (symbols[i].rate0 > 0)
			series[n_series++] = (struct series){ &symbols[i], OBS_RATE };
		series[n_series++] = (struct series){ &symbols[i], OBS_APR };
	}
	/* series by series, each in time order: every insert then lands next
	 * to the previous one in observations_latest (30 % faster than
	 * interleaving the series as refreshes would) */
	const uint64_t steps = (n + n_series - 1) / n_series;
	const int64_t start = now - SPAN_S;
	for (uint64_t i = 0; i < n; i++) {
		const struct series *se = &series[i / steps];
		const uint64_t step = i % steps;
		const double u = steps > 1 ? (double)step / (double)(steps - 1) : 1.0;
		struct observation *o = &batch[fill++];

		memset(o, 0, sizeof *o);
		snprintf(o->asset, sizeof o->asset, "%s", se->sym->symbol);
		o->kind = se->kind;
		snprintf(o->source, sizeof o->source, "%s", source_of(se, step));
		o->ts = start + (int64_t)(u * (double)SPAN_S) - (int64_t)(rng() % 30);
		o->value = value_at(se, u);
		if (fill == BATCH || i + 1 == n) {
			if (store_observations_add(s, batch, fill, now, err, errlen) < 0)
				goto out;
			fill = 0;
		}
	}
	rc = 0;
out:
	free(batch);
	return rc;
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

int main(int argc, char **argv)
{
	uint64_t n_pos, n_obs;
	struct store *s = NULL;
	struct timespec t0;
	double t_obs, t_commit;
	char err[512], ignored[64];
	const int64_t now = (int64_t)time(NULL);

	if (argc != 4 || parse_count(argv[2], &n_pos) < 0 || parse_count(argv[3], &n_obs) < 0) {
		fprintf(stderr, "usage: bench-seed DB N_POSITIONS N_OBSERVATIONS\n"
		                "  replaces DB with a fresh store of that many positions and"
		                " observations\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	remove_db(argv[1]);
	if (store_open(argv[1], &s, err, sizeof err) < 0)
		goto fail;
	if (store_begin(s, err, sizeof err) < 0)
		goto fail;
	if (seed_positions(s, n_pos, now, err, sizeof err) < 0)
		goto fail_tx;
	t_obs = seconds_since(&t0);
	if (seed_observations(s, n_obs, now, err, sizeof err) < 0)
		goto fail_tx;
	t_commit = seconds_since(&t0);
	if (store_commit(s, err, sizeof err) < 0)
		goto fail;
	store_close(s);
	printf("bench-seed: %s: %" PRIu64 " positions, %" PRIu64 " observations in %.2f s"
	       " (observations %.2f s, commit and close %.2f s)\n", argv[1], n_pos, n_obs,
	       seconds_since(&t0), t_commit - t_obs, seconds_since(&t0) - t_commit);
	return 0;
fail_tx:
	store_rollback(s, ignored, sizeof ignored);
fail:
	fprintf(stderr, "bench-seed: %s\n", err);
	store_close(s);
	return 1;
}
