/* hist-seed — a store for the history benchmark: ten years of daily prices
 * for 50 assets and 1,000 positions.
 *
 *   hist-seed DB USER_CATALOG NOW [POSITIONS]
 *
 * Replaces DB with a fresh store and writes USER_CATALOG (an assets.json
 * to put beside the config) adding 37 reward-bearing tokens BENCH01 …
 * BENCH37 to the shipped catalog. The 50 assets: ETH, SOL, ATOM, DOT
 * (native), wstETH, weETH, rETH, cbETH, WBETH, ezETH, rsETH, JitoSOL, mSOL
 * and the 37. Every day of the 3,650 before NOW, at noon: a price for each
 * asset and an exchange rate for each of the 46 tokens (345,000 rows).
 * 1,000 positions (20 per asset; POSITIONS gives another count), each opened on a day of the first nine
 * years with one stake event, a fifth with a later deposit. Also a table
 * bench_chain(asset, base, rated) for the equivalent sqlite3 query: NAV =
 * units × (rated ? rate(asset) : 1) × price(base). Deterministic. */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "data/events_db.h"
#include "data/observations_db.h"
#include "data/positions_db.h"
#include "data/store.h"
#include "data/store_priv.h"

#define DAYS 3650
#define N_POS 1000
#define N_BENCH 37

struct a {
	char sym[SYM_MAX];
	const char *base;   /* the coin whose price values it */
	bool rated;
	double r0, r1;      /* rate ten years ago and now */
};

static uint64_t rng_state = 0x2545f4914f6cdd1dULL;
static double unit(void)
{
	uint64_t x = rng_state;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	rng_state = x;
	return (double)(x >> 11) / (double)(1ULL << 53);
}

static double base_price(const char *base, double u)
{
	const double tau = 6.283185307179586;
	if (strcmp(base, "ETH") == 0)
		return 1500 + 1200 * u + 500 * sin(tau * u * 7);
	if (strcmp(base, "SOL") == 0)
		return 40 + 120 * u + 30 * sin(tau * u * 5);
	if (strcmp(base, "ATOM") == 0)
		return 9 + 3 * sin(tau * u * 3);
	return 7 + 2 * sin(tau * u * 4);
}

int main(int argc, char **argv)
{
	if (argc != 4 && argc != 5) {
		fprintf(stderr, "usage: %s DB USER_CATALOG NOW [POSITIONS]\n", argv[0]);
		return 2;
	}
	const int64_t now = strtoll(argv[3], NULL, 10);
	const int n_pos = argc == 5 ? atoi(argv[4]) : N_POS;
	if (n_pos < 1 || n_pos > 1000000) {
		fprintf(stderr, "%s: POSITIONS must be 1..1000000\n", argv[0]);
		return 2;
	}
	struct a as[50];
	size_t n = 0;
	static const char *const natives[] = { "ETH", "SOL", "ATOM", "DOT" };
	static const struct { const char *sym, *base; } tokens[] = {
		{ "wstETH", "ETH" }, { "weETH", "ETH" }, { "rETH", "ETH" }, { "cbETH", "ETH" },
		{ "WBETH", "ETH" }, { "ezETH", "ETH" }, { "rsETH", "ETH" }, { "JitoSOL", "SOL" },
		{ "mSOL", "SOL" },
	};
	for (size_t i = 0; i < 4; i++)
		as[n++] = (struct a){ .base = natives[i] };
	for (size_t i = 0; i < 4; i++)
		snprintf(as[i].sym, SYM_MAX, "%s", natives[i]);
	for (size_t i = 0; i < 9; i++, n++) {
		as[n] = (struct a){ .base = tokens[i].base, .rated = true, .r0 = 1.0, .r1 = 1.3 + 0.01 * (double)i };
		snprintf(as[n].sym, SYM_MAX, "%s", tokens[i].sym);
	}
	FILE *cat = fopen(argv[2], "w");
	if (!cat) {
		perror(argv[2]);
		return 1;
	}
	fprintf(cat, "{\"version\": 1, \"assets\": [\n");
	for (int i = 1; i <= N_BENCH; i++, n++) {
		as[n] = (struct a){ .base = i % 2 ? "ETH" : "SOL", .rated = true, .r0 = 1.0,
			            .r1 = 1.2 + 0.005 * i };
		snprintf(as[n].sym, SYM_MAX, "BENCH%02d", i);
		fprintf(cat, "%s{\"symbol\": \"%s\", \"name\": \"bench token %d\", \"chain\": \"%s\","
		        " \"kind\": \"liquid\", \"model\": \"reward-bearing\", \"underlying\": \"%s\","
		        " \"protocol\": \"bench\", \"decimals\": 18, \"feeds\": {},"
		        " \"rate\": {\"type\": \"evm_call\", \"address\": \"0x%040d\","
		        " \"call\": \"getRate()\", \"selector\": \"0x679aefce\", \"scale\": 18},"
		        " \"yield\": {\"apr_fallback\": 0.03, \"apr_quoted\": \"net\", \"fee\": 0.1,"
		        " \"compounding\": 365},"
		        " \"unbonding\": {\"rule\": \"queue\", \"typical_seconds\": 86400, \"min_seconds\": 0,"
		        " \"max_seconds\": 864000, \"source\": \"bench\"}}\n",
		        i > 1 ? "," : "", as[n].sym, i, i % 2 ? "ethereum" : "solana", as[n].base, i);
	}
	fprintf(cat, "]}\n");
	fclose(cat);

	char path[1024], err[512];
	unlink(argv[1]);
	snprintf(path, sizeof path, "%s-wal", argv[1]);
	unlink(path);
	snprintf(path, sizeof path, "%s-shm", argv[1]);
	unlink(path);
	struct store *s;
	if (store_open(argv[1], &s, err, sizeof err) < 0) {
		fprintf(stderr, "hist-seed: %s\n", err);
		return 1;
	}
	int rc = 1;
	if (store_begin(s, err, sizeof err) < 0)
		goto out;
	if (sqlite3_exec(store_handle(s), "CREATE TABLE bench_chain(asset TEXT PRIMARY KEY,"
	                 " base TEXT NOT NULL, rated INTEGER NOT NULL)", NULL, NULL, NULL) != SQLITE_OK) {
		snprintf(err, sizeof err, "bench_chain: %s", sqlite3_errmsg(store_handle(s)));
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		char sql[256];
		snprintf(sql, sizeof sql, "INSERT INTO bench_chain VALUES('%.23s', '%.8s', %d)", as[i].sym,
		         as[i].base, as[i].rated);
		if (sqlite3_exec(store_handle(s), sql, NULL, NULL, NULL) != SQLITE_OK)
			goto out;
	}
	/* observations, one day at a time */
	const int64_t day0 = (now / 86400) * 86400 - (int64_t)DAYS * 86400 + 43200;
	struct observation *obs = calloc(2 * n, sizeof *obs);
	size_t total = 0;
	if (!obs)
		goto out;
	for (int d = 0; d < DAYS; d++) {
		double u = (double)d / (DAYS - 1);
		size_t k = 0;
		for (size_t i = 0; i < n; i++) {
			double r = as[i].rated ? as[i].r0 + (as[i].r1 - as[i].r0) * u : 1;
			struct observation *o = &obs[k++];
			snprintf(o->asset, SYM_MAX, "%.23s", as[i].sym);
			snprintf(o->source, SOURCE_MAX, "bench");
			o->kind = OBS_PRICE;
			o->ts = day0 + (int64_t)d * 86400;
			o->value = base_price(as[i].base, u) * r * (1 - 0.002 * unit());
			if (as[i].rated) {
				o = &obs[k++];
				snprintf(o->asset, SYM_MAX, "%.23s", as[i].sym);
				snprintf(o->source, SOURCE_MAX, "bench");
				o->kind = OBS_RATE;
				o->ts = day0 + (int64_t)d * 86400;
				o->value = r;
			}
		}
		if (store_observations_add(s, obs, k, now, err, sizeof err) < 0) {
			free(obs);
			goto out;
		}
		total += k;
	}
	free(obs);
	/* positions */
	for (int i = 0; i < n_pos; i++) {
		const struct a *a = &as[(size_t)i % n];
		struct position p;
		memset(&p, 0, sizeof p);
		snprintf(p.account, sizeof p.account, "acct%d", i % 10);
		snprintf(p.asset, sizeof p.asset, "%s", a->sym);
		int64_t opened = day0 - 43200 + (int64_t)(unit() * 9 * 365) * 86400;
		double q = 0.5 + unit() * 100;
		char qs[64];
		snprintf(qs, sizeof qs, "%.6f", q);
		if (dec_parse(qs, 18, &p.quantity, err, sizeof err) < 0)
			goto out;
		p.created_at = opened;
		if (store_position_add(s, &p, err, sizeof err) < 0)
			goto out;
		struct event ev = { .position_id = p.id, .type = EVENT_STAKE, .has_amount = true,
			            .amount = p.quantity, .ts = opened };
		if (store_event_add(s, &ev, err, sizeof err) < 0)
			goto out;
		if (i % 5 == 0) {
			struct event dep = { .position_id = p.id, .type = EVENT_DEPOSIT, .has_amount = true,
				             .amount = p.quantity, .ts = opened + 180 * 86400 };
			if (store_event_add(s, &dep, err, sizeof err) < 0)
				goto out;
		}
	}
	if (store_commit(s, err, sizeof err) < 0)
		goto out;
	printf("hist-seed: %zu assets, %d positions, %zu observations over %d days\n", n, n_pos,
	       total, DAYS);
	rc = 0;
out:
	if (rc)
		fprintf(stderr, "hist-seed: %s\n", err);
	store_close(s);
	return rc;
}
