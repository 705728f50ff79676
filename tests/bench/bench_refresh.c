/* bench_refresh — one full refresh against ten loopback endpoints that each
 * answer after 300 ms: CoinGecko split in five requests (3 ids each),
 * DefiLlama coins in two, yields, eth_rpc and sol_rpc. Run one after
 * another they would take about 3 s; the target is under 450 ms wall.
 *
 * usage: bench_refresh FIXTURE_SERVER DATA_DIR FIXTURE_DIR */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tests/tools/bench_clock.h"
#include "tests/tools/bench_server.h"

#include "data/catalog_load.h"
#include "pricing/refresh.h"

#define RUNS 7

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: %s FIXTURE_SERVER DATA_DIR FIXTURE_DIR\n", argv[0]);
		return 2;
	}
	char dir[] = "/tmp/staketop-bench-XXXXXX", path[512], err[512];
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof path, "%s/routes", dir);
	FILE *f = fopen(path, "w");
	if (!f)
		return 1;
	fprintf(f, "GET /cg/ delay_ms=300 file=%s/coingecko.json\n"
	           "GET /llama/ delay_ms=300 file=%s/llama_coins.json\n"
	           "GET /yields/ delay_ms=300 file=%s/yields.json\n"
	           "POST /eth delay_ms=300 file=%s/eth_rpc.json\n"
	           "POST /sol delay_ms=300 file=%s/sol_rpc.json\n",
	        argv[3], argv[3], argv[3], argv[3], argv[3]);
	fclose(f);
	char port_file[512];
	snprintf(port_file, sizeof port_file, "%s/port", dir);
	pid_t pid;
	int port = bench_server_start(argv[1], path, port_file, &pid);
	struct catalog cat = { 0 };
	char cat_path[512];
	snprintf(cat_path, sizeof cat_path, "%s/assets.json", argv[2]);
	int rc = 1;
	if (!port || catalog_load(cat_path, NULL, &cat, err, sizeof err) < 0) {
		fprintf(stderr, "bench_refresh: %s\n", port ? err : "fixture server did not start");
		goto out;
	}
	char u[5][128];
	const char *paths[5] = { "cg", "llama", "yields", "eth", "sol" };
	for (int i = 0; i < 5; i++)
		snprintf(u[i], sizeof u[i], "http://127.0.0.1:%d/%s", port, paths[i]);
	const struct refresh_config cfg = {
		.coingecko_url = u[0], .defillama_coins_url = u[1], .defillama_yields_url = u[2],
		.eth_rpc_url = u[3], .sol_rpc_url = u[4], .currency = "usd",
		.coingecko_max_ids = 3, .llama_max_keys = 8, .timeout_ms = 5000,
	};
	struct refresh *r = refresh_new(&cat, &cfg, err, sizeof err);
	if (!r) {
		fprintf(stderr, "bench_refresh: %s\n", err);
		goto out;
	}
	double wall[RUNS], serial = 0;
	size_t n_rep = 0, values = 0;
	for (int run = 0; run < RUNS; run++) {
		double t0 = bench_now_ms();
		if (refresh_start(r, time(NULL), err, sizeof err) < 0 || refresh_run(r) < 0) {
			fprintf(stderr, "bench_refresh: %s\n", err);
			refresh_free(r);
			goto out;
		}
		wall[run] = bench_now_ms() - t0;
		const struct feed_report *rep = refresh_reports(r, &n_rep);
		for (size_t i = 0; i < n_rep; i++)
			if (!rep[i].ok)
				fprintf(stderr, "bench_refresh: %s failed: %s\n", rep[i].name, rep[i].error);
		values = refresh_observations(r)->n;
	}
	refresh_free(r);
	serial = 10 * 300;
	qsort(wall, RUNS, sizeof *wall, bench_cmp_double);
	printf("refresh, 10 endpoints x 300 ms: median %.0f ms, best %.0f ms over %d runs, %zu values "
	       "(in turn: ~%.0f ms; target < 450 ms)\n",
	       wall[RUNS / 2], wall[0], RUNS, values, serial);
	rc = 0;
out:
	catalog_free(&cat);
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	unlink(path);
	unlink(port_file);
	rmdir(dir);
	return rc;
}
