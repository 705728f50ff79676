/* test_chain_reader.c — pricing/chains/reader.c's holds, against the
 * fixture-server tool run as a child on an ephemeral 127.0.0.1 port: a
 * Cosmos node answering 429 with a Retry-After longer than the HTTP layer
 * waits holds every Cosmos target (blocked_until), a held chain is asked
 * nothing, a hold that has passed is not one.
 *
 * The server binary: $FIXTURE_SERVER, else $BUILD/rel/tests/tools/fixture-server
 * (BUILD defaults to "build"), relative to the current directory. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "pricing/chains/reader.h"

/* 20 bytes 00..13 and 20 bytes of 0x11, bech32 with the cosmos prefix */
#define ATOM_A "cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk363e"
#define ATOM_B "cosmos1zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3pahzj0"
#define NOW 1795597200 /* 2026-11-25T09:00:00Z */

static const char ROUTES[] =
	"GET /cosmos/ match=" ATOM_A " status=429 header=Retry-After:1800"
	" body={\"code\":8,\"message\":\"rate_limited\"}\n"
	"GET /cosmos/cosmos/staking/v1beta1/delegations/ body={\"delegation_responses\":"
	"[{\"delegation\":{\"validator_address\":\"cosmosvaloper1aaa\",\"shares\":\"1.0\"},"
	"\"balance\":{\"denom\":\"uatom\",\"amount\":\"2500000\"}}],\"pagination\":{\"next_key\":null}}\n"
	"GET /cosmos/cosmos/staking/v1beta1/delegators/ body={\"unbonding_responses\":[],"
	"\"pagination\":{\"next_key\":null}}\n"
	"GET /cosmos/cosmos/distribution/v1beta1/delegators/ body={\"rewards\":[],\"total\":[]}\n"
	"GET /cosmos/cosmos/bank/v1beta1/balances/ body={\"balances\":[],\"pagination\":{\"next_key\":null}}\n"
	"POST /beacon/ body={\"data\":[{\"index\":\"1\",\"balance\":\"32000000000\",\"status\":"
	"\"active_ongoing\",\"validator\":{\"pubkey\":\"0x11\",\"exit_epoch\":\"18446744073709551615\","
	"\"withdrawable_epoch\":\"18446744073709551615\"}}]}\n";

static struct { pid_t pid; int port; char dir[64], routes[128], portf[128]; } g = { .pid = -1 };
static struct asset cat_assets[2];
static struct catalog cat = { cat_assets, 2 };

static int group_setup(void **state)
{
	const char *build = getenv("BUILD") ? getenv("BUILD") : "build";
	char server[512], line[32] = "";
	int fds[2];
	FILE *f;

	(void)state;
	memset(cat_assets, 0, sizeof cat_assets);
	snprintf(cat_assets[0].symbol, SYM_MAX, "ETH");
	snprintf(cat_assets[0].chain, CHAIN_MAX, "ethereum");
	cat_assets[0].decimals = 18;
	snprintf(cat_assets[1].symbol, SYM_MAX, "ATOM");
	snprintf(cat_assets[1].chain, CHAIN_MAX, "cosmos");
	cat_assets[1].decimals = 6;
	if (getenv("FIXTURE_SERVER"))
		snprintf(server, sizeof server, "%s", getenv("FIXTURE_SERVER"));
	else
		snprintf(server, sizeof server, "%s/rel/tests/tools/fixture-server", build);
	snprintf(g.dir, sizeof g.dir, "/tmp/staketop-reader-XXXXXX");
	if (access(server, X_OK) != 0 || !mkdtemp(g.dir)) {
		fprintf(stderr, "test_chain_reader: no fixture server at %s\n", server);
		return -1;
	}
	snprintf(g.routes, sizeof g.routes, "%s/routes.txt", g.dir);
	snprintf(g.portf, sizeof g.portf, "%s/port.txt", g.dir);
	if (!(f = fopen(g.routes, "w")))
		return -1;
	if ((fputs(ROUTES, f) < 0) | (fclose(f) != 0) || pipe(fds) != 0)
		return -1;
	g.pid = fork();
	if (g.pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		execl(server, server, "--routes", g.routes, "--port-file", g.portf, "--max-seconds",
		      "120", (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	if ((f = fdopen(fds[0], "r"))) { /* the port on stdout; EOF if the server died */
		if (!fgets(line, sizeof line, f))
			line[0] = '\0';
		fclose(f);
	}
	g.port = atoi(line);
	return g.pid > 0 && g.port > 0 ? 0 : -1;
}

static int group_teardown(void **state)
{
	int status = -1;

	(void)state;
	if (g.pid > 0 && (kill(g.pid, SIGTERM) != 0 || waitpid(g.pid, &status, 0) != g.pid))
		status = -1;
	g.pid = -1;
	unlink(g.routes);
	unlink(g.portf);
	rmdir(g.dir);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

static struct chain_target target(int64_t id, enum watch_chain c, const char *addr,
                                  int64_t held_until)
{
	struct chain_target t = { .id = id, .chain = c, .held_until = held_until };
	snprintf(t.address, sizeof t.address, "%s", addr);
	return t;
}

/* Read t[0..n) at NOW; *requests: how many were sent. */
static struct chain_reader *read_all(const struct chain_target *t, size_t n, long *requests)
{
	char cosmos[64], beacon[64];
	snprintf(cosmos, sizeof cosmos, "http://127.0.0.1:%d/cosmos", g.port);
	snprintf(beacon, sizeof beacon, "http://127.0.0.1:%d/beacon", g.port);
	const struct chain_config cfg = { .cosmos_rest_url = cosmos, .beacon_url = beacon,
		                          .beacon_genesis_time = 1606824023 };
	/* the layer waits at most 5 s for a Retry-After: 1800 s fails at once */
	struct http_policy p = http_policy_default();
	p.max_retry_wait_ms = 5000;
	struct http *h = http_new(&p);
	struct chain_reader *cr = chain_reader_new(&cat, &cfg);
	assert_non_null(h);
	assert_non_null(cr);
	assert_int_equal(chain_reader_start(cr, h, t, n, NOW, NULL, NULL), 0);
	*requests = chain_reader_requests(cr);
	assert_int_equal(http_run(h), 0);
	assert_int_equal(chain_reader_pending(cr), 0);
	http_free(h);
	return cr;
}

static void reader__hold__429_holds_every_target_of_its_chain(void **state)
{
	(void)state;
	const struct chain_target t[3] = { target(1, WCHAIN_COSMOS, ATOM_A, 0),
		                           target(2, WCHAIN_COSMOS, ATOM_B, 0),
		                           target(3, WCHAIN_BEACON, "1", 0) };
	long sent;
	size_t n;
	struct chain_reader *cr = read_all(t, 3, &sent);
	const struct chain_result *r = chain_reader_results(cr, &n);
	/* four GETs per cosmos address, one beacon POST */
	assert_int_equal(sent, 4 + 4 + 1);
	assert_int_equal(n, 3);
	/* NOW + 1 s (the loopback answer's time, rounded up) + 1800 s =
	 * 09:30:01 (1795599001), said as 09:31 */
	assert_false(r[0].ok);
	assert_int_equal(r[0].blocked_until, NOW + 1 + 1800);
	assert_non_null(strstr(r[0].error, "rate limited until 09:31 (HTTP 429, Retry-After 1800 s"));
	assert_int_equal(r[0].items.n, 0);
	/* B was answered: read, but its chain is held all the same */
	assert_true(r[1].ok);
	assert_int_equal(r[1].blocked_until, NOW + 1 + 1800);
	assert_int_equal(r[1].items.n, 2); /* the delegation, the idle ATOM (0: no uatom) */
	/* another chain: no hold */
	assert_true(r[2].ok);
	assert_int_equal(r[2].blocked_until, 0);
	chain_reader_free(cr);
}

static void reader__hold__held_chain_is_asked_nothing(void **state)
{
	(void)state;
	/* only A carries the hold: 09:10:30 (NOW + 630), said as 09:11; B is
	 * held as well, one node per chain */
	const struct chain_target t[3] = { target(1, WCHAIN_COSMOS, ATOM_A, NOW + 630),
		                           target(2, WCHAIN_COSMOS, ATOM_B, 0),
		                           target(3, WCHAIN_BEACON, "1", 0) };
	long sent;
	size_t n;
	struct chain_reader *cr = read_all(t, 3, &sent);
	const struct chain_result *r = chain_reader_results(cr, &n);
	assert_int_equal(sent, 1); /* the beacon POST alone */
	for (int i = 0; i < 2; i++) {
		assert_false(r[i].ok);
		assert_string_equal(r[i].error, "rate limited until 09:11");
		assert_int_equal(r[i].blocked_until, NOW + 630);
		assert_int_equal(r[i].t.chain, WCHAIN_COSMOS);
	}
	assert_true(r[2].ok);
	assert_int_equal(r[2].blocked_until, 0);
	chain_reader_free(cr);
}

static void reader__hold__passed_hold_reads_again(void **state)
{
	(void)state;
	/* held until NOW exactly: over (the hold is "ask nothing before") */
	const struct chain_target t[1] = { target(2, WCHAIN_COSMOS, ATOM_B, NOW) };
	long sent;
	size_t n;
	struct chain_reader *cr = read_all(t, 1, &sent);
	const struct chain_result *r = chain_reader_results(cr, &n);
	assert_int_equal(sent, 4);
	assert_true(r[0].ok);
	assert_int_equal(r[0].blocked_until, 0);
	assert_int_equal(r[0].items.n, 2); /* the delegation, the idle ATOM (0: no uatom) */
	chain_reader_free(cr);
}

static void on_alarm(int sig)
{
	static const char msg[] = "test_chain_reader: timed out\n";

	(void)sig;
	if (g.pid > 0)
		kill(g.pid, SIGKILL);
	if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0)
		_exit(2);
	_exit(1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reader__hold__429_holds_every_target_of_its_chain),
		cmocka_unit_test(reader__hold__held_chain_is_asked_nothing),
		cmocka_unit_test(reader__hold__passed_hold_reads_again),
	};

	signal(SIGALRM, on_alarm);
	alarm(60);
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
