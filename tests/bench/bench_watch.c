/* bench_watch — one refresh of watched addresses against loopback servers
 * that each answer after 300 ms: 3 Ethereum addresses × 20 tokens (the
 * catalog's Ethereum tokens and, to make up the 20, bench tokens
 * from a user catalog; one JSON-RPC batch), 10 validators (one POST), 2 Solana
 * wallets (one batch), 2 Cosmos addresses (delegations, unbondings,
 * rewards and bank balances each, one page). The rate feeds of the same nodes run beside
 * them. Target: under 700 ms wall; requests printed per chain.
 *
 * usage: bench_watch FIXTURE_SERVER DATA_DIR FIXTURE_DIR */
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
#include "pricing/chains/ethereum.h"
#include "pricing/refresh.h"

#define RUNS 7

static const char *const cosmos_addr[2] = { "cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk363e",
	                                    "cosmos14w46h2at4w46h2at4w46h2at4w46h2atuw643a" };

static int write_file(const char *dir, const char *name, const char *text)
{
	char p[600];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	FILE *f = fopen(p, "w");
	if (!f)
		return -1;
	fputs(text, f);
	return fclose(f);
}

static int fixtures(const char *dir, const char *fx)
{
	static char buf[1 << 20];
	size_t n = 0;
	/* Ethereum: every id a batch of 3 addresses can use, 1 token (1e18 wei) each */
	n += (size_t)snprintf(buf + n, sizeof buf - n, "[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x10\"}");
	for (int k = 0; k < 3; k++)
		for (int s = 0; s < 120; s++)
			n += (size_t)snprintf(buf + n, sizeof buf - n,
			                      ",{\"jsonrpc\":\"2.0\",\"id\":%d,\"result\":\"0x%064x\"}",
			                      (int)ETH_W_ID(k, s), 0);
	/* the word 0x…0de0b6b3a7640000 = 1e18: patch the zero words' tails */
	for (char *p = buf; (p = strstr(p, "\"result\":\"0x0000")); p += 10)
		memcpy(p + 10 + 2 + 48, "0de0b6b3a7640000", 16);
	/* EigenLayer: no deposits, nothing queued (two empty arrays: offsets
	 * 0x40 and 0x60, lengths 0), the delay 100800 */
	for (int k = 0; k < 3; k++)
		for (int s = ETH_W_EL_DEPOSITS; s <= ETH_W_EL_QUEUED; s++)
			n += (size_t)snprintf(buf + n, sizeof buf - n,
			                      ",{\"jsonrpc\":\"2.0\",\"id\":%d,\"result\":\"0x%064x%064x%064x%064x\"}",
			                      (int)ETH_W_ID(k, s), 0x40, 0x60, 0, 0);
	n += (size_t)snprintf(buf + n, sizeof buf - n,
	                      ",{\"jsonrpc\":\"2.0\",\"id\":%ld,\"result\":\"0x%064x\"}",
	                      ETH_W_DELAY_ID, 100800);
	snprintf(buf + n, sizeof buf - n, "]");
	if (write_file(dir, "eth.json", buf) < 0)
		return -1;
	n = (size_t)snprintf(buf, sizeof buf, "[{\"jsonrpc\":\"2.0\",\"id\":999999999,\"result\":"
	                                      "{\"epoch\":800,\"slotIndex\":4,\"slotsInEpoch\":432000}}");
	for (int k = 0; k < 2; k++) {
		n += (size_t)snprintf(buf + n, sizeof buf - n,
		                      ",{\"jsonrpc\":\"2.0\",\"id\":%d,\"result\":{\"context\":{\"slot\":9},"
		                      "\"value\":5000000000}},{\"jsonrpc\":\"2.0\",\"id\":%d,\"result\":"
		                      "{\"value\":{\"owner\":\"11111111111111111111111111111111\","
		                      "\"lamports\":5000000000}}}",
		                      k * 1000 + 1, k * 1000 + 2);
		for (int s = 2; s < 40; s++)
			n += (size_t)snprintf(buf + n, sizeof buf - n,
			                      ",{\"jsonrpc\":\"2.0\",\"id\":%d,\"result\":{\"value\":[]}}",
			                      k * 1000 + s + 1);
	}
	snprintf(buf + n, sizeof buf - n, "]");
	if (write_file(dir, "sol.json", buf) < 0)
		return -1;
	n = (size_t)snprintf(buf, sizeof buf, "{\"data\":[");
	for (int v = 0; v < 10; v++)
		n += (size_t)snprintf(buf + n, sizeof buf - n,
		                      "%s{\"index\":\"%d\",\"balance\":\"32000000000\",\"status\":"
		                      "\"active_ongoing\",\"validator\":{\"withdrawable_epoch\":"
		                      "\"18446744073709551615\"}}", v ? "," : "", 100 + v);
	snprintf(buf + n, sizeof buf - n, "]}");
	if (write_file(dir, "beacon.json", buf) < 0 ||
	    write_file(dir, "del.json", "{\"delegation_responses\":[{\"delegation\":{\"validator_address\":"
	                                "\"cosmosvaloper1a\"},\"balance\":{\"denom\":\"uatom\",\"amount\":"
	                                "\"256250000\"}}],\"pagination\":{\"next_key\":null}}") < 0 ||
	    write_file(dir, "unb.json", "{\"unbonding_responses\":[],\"pagination\":null}") < 0 ||
	    write_file(dir, "rew.json", "{\"rewards\":[],\"total\":[]}") < 0 ||
	    write_file(dir, "bank.json", "{\"balances\":[{\"denom\":\"uatom\",\"amount\":"
	                                 "\"1000000\"}],\"pagination\":{\"next_key\":null}}") < 0)
		return -1;
	char routes[4096];
	snprintf(routes, sizeof routes,
	         "POST /eth delay_ms=300 match=eth_blockNumber file=eth.json\n"
	         "POST /eth delay_ms=300 file=%s/eth_rpc.json\n"
	         "POST /sol delay_ms=300 match=getTokenAccountsByOwner file=sol.json\n"
	         "POST /sol delay_ms=300 file=%s/sol_rpc.json\n"
	         "POST /beacon/ delay_ms=300 file=beacon.json\n"
	         "GET /cosmos/cosmos/staking/v1beta1/delegations/ delay_ms=300 file=del.json\n"
	         "GET /cosmos/cosmos/staking/v1beta1/delegators/ delay_ms=300 file=unb.json\n"
	         "GET /cosmos/cosmos/distribution/ delay_ms=300 file=rew.json\n"
	         "GET /cosmos/cosmos/bank/ delay_ms=300 file=bank.json\n",
	         fx, fx);
	return write_file(dir, "routes", routes);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: %s FIXTURE_SERVER DATA_DIR FIXTURE_DIR\n", argv[0]);
		return 2;
	}
	char dir[] = "/tmp/staketop-bench-XXXXXX", path[512], err[512], port_file[512];
	if (!mkdtemp(dir) || fixtures(dir, argv[3]) < 0)
		return 1;
	snprintf(path, sizeof path, "%s/routes", dir);
	snprintf(port_file, sizeof port_file, "%s/port", dir);
	pid_t pid;
	int port = bench_server_start(argv[1], path, port_file, &pid);
	struct catalog cat = { 0 };
	char cat_path[512];
	snprintf(cat_path, sizeof cat_path, "%s/assets.json", argv[2]);
	int rc = 1;
	/* the 20 Ethereum tokens: the catalog's, then bench tokens
	 * shaped like rETH (a balanceOf each) up to 20 */
	if (!port || catalog_load(cat_path, NULL, &cat, err, sizeof err) < 0) {
		fprintf(stderr, "bench_watch: %s\n", port ? err : "fixture server did not start");
		goto out;
	}
	size_t have = 0;
	for (size_t i = 0; i < cat.n; i++)
		have += ethereum_reads(&cat.assets[i]) > 0;
	char user[4096], user_path[600];
	size_t un = (size_t)snprintf(user, sizeof user, "{\"assets\":[");
	for (size_t k = have; k < 20; k++)
		un += (size_t)snprintf(user + un, sizeof user - un,
		                       "%s{\"symbol\":\"BENCH%zu\",\"name\":\"bench token\","
		                       "\"chain\":\"ethereum\",\"kind\":\"liquid\","
		                       "\"model\":\"reward-bearing\",\"underlying\":\"ETH\","
		                       "\"protocol\":\"bench\",\"decimals\":18,"
		                       "\"token\":\"0x%040zx\",\"rate\":{\"type\":\"none\"}}",
		                       k > have ? "," : "", k, 0xbe0c0 + k);
	snprintf(user + un, sizeof user - un, "]}");
	snprintf(user_path, sizeof user_path, "%s/user.json", dir);
	catalog_free(&cat);
	if (write_file(dir, "user.json", user) < 0 ||
	    catalog_load(cat_path, user_path, &cat, err, sizeof err) < 0) {
		fprintf(stderr, "bench_watch: %s\n", port ? err : "fixture server did not start");
		goto out;
	}
	char u[4][128];
	const char *paths[4] = { "eth", "sol", "beacon", "cosmos" };
	for (int i = 0; i < 4; i++)
		snprintf(u[i], sizeof u[i], "http://127.0.0.1:%d/%s", port, paths[i]);
	const struct refresh_config cfg = {
		.eth_rpc_url = u[0], .sol_rpc_url = u[1], .beacon_url = u[2], .cosmos_rest_url = u[3],
		.currency = "usd", .timeout_ms = 5000, .beacon_genesis_time = 1606824023,
	};
	struct chain_target t[17];
	size_t nt = 0;
	size_t tokens = 0;
	for (size_t i = 0; i < cat.n; i++)
		tokens += ethereum_reads(&cat.assets[i]);
	for (int k = 0; k < 3; k++) {
		t[nt] = (struct chain_target){ .id = (int64_t)nt + 1, .chain = WCHAIN_ETHEREUM };
		snprintf(t[nt++].address, WATCH_ADDR_MAX, "0x%040x", k + 1);
	}
	for (int v = 0; v < 10; v++) {
		t[nt] = (struct chain_target){ .id = (int64_t)nt + 1, .chain = WCHAIN_BEACON };
		snprintf(t[nt++].address, WATCH_ADDR_MAX, "%d", 100 + v);
	}
	for (int k = 0; k < 2; k++) {
		t[nt] = (struct chain_target){ .id = (int64_t)nt + 1, .chain = WCHAIN_SOLANA };
		snprintf(t[nt++].address, WATCH_ADDR_MAX, "Wa11et%d", k);
	}
	for (int k = 0; k < 2; k++) {
		t[nt] = (struct chain_target){ .id = (int64_t)nt + 1, .chain = WCHAIN_COSMOS };
		snprintf(t[nt++].address, WATCH_ADDR_MAX, "%s", cosmos_addr[k]);
	}
	struct refresh *r = refresh_new(&cat, &cfg, err, sizeof err);
	if (!r || refresh_watch(r, t, nt) < 0) {
		fprintf(stderr, "bench_watch: %s\n", r ? "out of memory" : err);
		refresh_free(r);
		goto out;
	}
	double wall[RUNS];
	long requests = 0;
	size_t items = 0, bad = 0;
	for (int run = 0; run < RUNS; run++) {
		double t0 = bench_now_ms();
		if (refresh_start(r, time(NULL), err, sizeof err) < 0 || refresh_run(r) < 0) {
			fprintf(stderr, "bench_watch: %s\n", err);
			refresh_free(r);
			goto out;
		}
		wall[run] = bench_now_ms() - t0;
		size_t n;
		const struct chain_result *res = refresh_chain_results(r, &n);
		items = 0;
		bad = 0;
		for (size_t i = 0; i < n; i++) {
			items += res[i].items.n;
			if (!res[i].ok) {
				bad++;
				fprintf(stderr, "bench_watch: %s %s: %s\n", watch_chain_name(res[i].t.chain),
				        res[i].t.address, res[i].error);
			}
		}
		requests = refresh_chain_requests(r);
	}
	refresh_free(r);
	qsort(wall, RUNS, sizeof *wall, bench_cmp_double);
	/* pages: ethereum 1 batch, beacon 1 POST (10 <= 64 ids), solana 1 batch,
	 * cosmos 2 addresses x 4 endpoints x 1 page */
	long bound = 1 + 1 + 1 + 2 * 4;
	printf("watch refresh, 3 ETH addresses x %zu tokens, 10 validators, 2 Solana wallets, "
	       "2 Cosmos addresses, every server 300 ms: median %.0f ms, best %.0f ms over %d runs; "
	       "%ld chain requests (bound: ethereum 1 + beacon 1 + solana 1 + cosmos 2x4 pages = %ld); "
	       "%zu positions read, %zu failed (target < 700 ms)\n",
	       tokens, wall[RUNS / 2], wall[0], RUNS, requests, bound, items, bad);
	rc = bad || requests > bound || wall[RUNS / 2] >= 700 ? 1 : 0;
out:
	catalog_free(&cat);
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	const char *files[] = { "routes", "port", "eth.json", "sol.json", "beacon.json", "del.json",
		                "unb.json", "rew.json", "bank.json", "user.json" };
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		unlink(path);
	}
	rmdir(dir);
	return rc;
}
