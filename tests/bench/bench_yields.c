/* bench_yields.c — llama_yields_parse over a full-size /pools answer
 * (made by tests/tools/gen-yields), 10 runs with the fixture catalog.
 *
 *   bench_yields POOLS.json
 *
 * Prints "yields parse 10 MB: X ms (median), peak RSS Y MB" (peak RSS from
 * getrusage, the file's own bytes included). Exit status 1 when a run does
 * not find the catalog's pools or a target is missed (< 150 ms median,
 * < 80 MB peak RSS); 2 for usage or an unreadable file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "tests/tools/bench_clock.h"

#include "pricing/llama_yields.h"
#include "tests/pricing/fixture_catalog.h"

#define RUNS 10
#define TARGET_MS 150.0
#define TARGET_MB 80.0

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	long size = -1;
	if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)size + 1)) && fread(buf, 1, (size_t)size, f) == (size_t)size) {
		buf[size] = '\0';
		*len = (size_t)size;
	} else {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s POOLS.json (from tests/tools/gen-yields)\n", argv[0]);
		return 2;
	}
	size_t len = 0;
	char *body = slurp(argv[1], &len);
	if (!body) {
		fprintf(stderr, "bench_yields: cannot read %s\n", argv[1]);
		return 2;
	}
	struct asset assets[FIXTURE_N];
	struct catalog cat = fixture_catalog(assets);
	double ms[RUNS];
	int status = 0;
	for (int i = 0; i < RUNS; i++) {
		struct obs_list out = {0};
		char err[256];
		double t0 = bench_now_ms();
		int rc = llama_yields_parse(body, len, &cat, "usd", 1763900100, &out, err, sizeof err);
		ms[i] = bench_now_ms() - t0;
		/* stETH, rETH, JitoSOL, mSOL by pool id; wstETH by Ethereum/lido/STETH */
		if (rc != 5 || err[0]) {
			fprintf(stderr, "bench_yields: run %d took %d APRs (want 5): %s\n", i, rc, err);
			status = 1;
		}
		obs_list_free(&out);
	}
	free(body);
	qsort(ms, RUNS, sizeof *ms, bench_cmp_double);
	double median = (ms[RUNS / 2 - 1] + ms[RUNS / 2]) / 2;
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	double rss_mb = (double)ru.ru_maxrss / 1024.0; /* Linux: kilobytes */
	printf("yields parse %.0f MB: %.1f ms (median), peak RSS %.1f MB\n",
	       (double)len / (1024.0 * 1024.0), median, rss_mb);
	if (median >= TARGET_MS || rss_mb >= TARGET_MB) {
		fprintf(stderr, "bench_yields: over target (< %.0f ms, < %.0f MB)\n", TARGET_MS,
		        TARGET_MB);
		status = 1;
	}
	return status;
}
