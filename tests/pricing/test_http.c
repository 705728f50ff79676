/* test_http.c — pricing/http.c against a real server: the fixture-server
 * tool runs as a child on an ephemeral 127.0.0.1 port, serving routes this
 * file writes into a temporary directory.
 *
 * The server binary: $FIXTURE_SERVER, else $BUILD/rel/tests/tools/fixture-server
 * (BUILD defaults to "build"), relative to the current directory. */
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "pricing/http.h"

#define HELLO "{\"name\":\"staketop\",\"price\":\"1.2345\",\"note\":\"\xc3\xa9\"}\n"
#define BIG_LEN 4096

static const char ROUTES[] =
	"# routes for tests/pricing/test_http.c\n"
	"GET /hello file=hello.json\n"
	"POST /echo-all echo=all\n"
	"POST /echo echo=body\n"
	"POST /pick match=alpha body={\"picked\":\"alpha\"}\n"
	"POST /pick match=beta body={\"picked\":\"beta\"}\n"
	"GET /flaky fail_first=2 fail_status=500 body={\"ok\":true}\n"
	"GET /down fail_first=1000 fail_status=503\n"
	"GET /limited fail_first=1 fail_status=429 header=Retry-After:1 body={\"ok\":\"waited\"}\n"
	"GET /slowdown status=429 header=Retry-After:119\n"
	"GET /ratelimit status=429 header=Retry-After:1\n"
	"GET /hang hang=1\n"
	"GET /trickle trickle_ms=50 file=trickle.txt\n"
	"GET /big-nolen file=big.json no_length=1\n"
	"GET /big file=big.json\n"
	"GET /slow/ delay_ms=300 body={\"slow\":true}\n"
	"GET /later delay_ms=1500 body={\"later\":true}\n"
	"GET /redirect status=302 header=Location:/hello\n"
	"GET /chain body={\"step\":2}\n";

static const char *const FILES[] = { "routes.txt", "hello.json", "big.json", "trickle.txt",
                                     "port.txt" };

#define NFILES (sizeof FILES / sizeof FILES[0])

/* paths[] is filled before the server starts, for the alarm handler */
static struct { pid_t pid; int port; char dir[64]; char paths[NFILES][128]; } g = { .pid = -1 };

struct result {              /* a copy of one http_response, and more */
	int calls, attempts, bad_body; /* bad_body: too long, or no NUL after it */
	long status;
	char body[8192], error[HTTP_ERROR_MAX];
	size_t len;
	double seconds;
	long retry_after_s;
	struct http *h;              /* for the callback test */
	int step_in_callback, add_in_callback;
	struct result *chained;
};

static struct http_policy P;     /* reset by reset_policy() before each test */
static struct result R;          /* the outcome of the last fetch() */
static int port;                 /* where add() sends: the server's, unless a test says */

static int64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* --- the server ---------------------------------------------------------- */

/* routes.txt, hello.json, big.json (BIG_LEN x), trickle.txt (200 t) */
static int write_fixtures(void)
{
	static char big[BIG_LEN], trickle[200];
	const void *data[] = { ROUTES, HELLO, big, trickle };
	size_t len[] = { strlen(ROUTES), strlen(HELLO), sizeof big, sizeof trickle }, k, w;
	FILE *f;

	memset(big, 'x', sizeof big);
	memset(trickle, 't', sizeof trickle);
	for (k = 0; k < 4; k++) {
		if (!(f = fopen(g.paths[k], "wb")))
			return -1;
		w = fwrite(data[k], 1, len[k], f);
		if ((fclose(f) != 0) | (w != len[k]))
			return -1;
	}
	return 0;
}

static int group_setup(void **state)
{
	const char *build = getenv("BUILD") ? getenv("BUILD") : "build";
	char server[512], line[32] = "", from_file[32] = "";
	int fds[2];
	size_t k;
	FILE *f;

	(void)state;
	if (getenv("FIXTURE_SERVER"))
		snprintf(server, sizeof server, "%s", getenv("FIXTURE_SERVER"));
	else
		snprintf(server, sizeof server, "%s/rel/tests/tools/fixture-server", build);
	snprintf(g.dir, sizeof g.dir, "/tmp/staketop-http-XXXXXX");
	if (access(server, X_OK) != 0 || !mkdtemp(g.dir)) {
		fprintf(stderr, "test_http: no fixture server at %s (set FIXTURE_SERVER)\n", server);
		return -1;
	}
	for (k = 0; k < NFILES; k++)
		snprintf(g.paths[k], sizeof g.paths[k], "%s/%s", g.dir, FILES[k]);
	if (write_fixtures() != 0 || pipe(fds) != 0)
		return -1;
	g.pid = fork();
	if (g.pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		execl(server, server, "--routes", g.paths[0], "--port-file", g.paths[4], "--max-seconds",
		      "120", getenv("FIXTURE_VERBOSE") ? "--verbose" : (char *)NULL, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	if ((f = fdopen(fds[0], "r"))) { /* the port on stdout; EOF if the server died */
		if (!fgets(line, sizeof line, f))
			line[0] = '\0';
		fclose(f);
	}
	if ((f = fopen(g.paths[4], "r"))) { /* --port-file must agree with stdout */
		from_file[fread(from_file, 1, sizeof from_file - 1, f)] = '\0';
		fclose(f);
	}
	g.port = atoi(line);
	if (g.pid < 0 || g.port <= 0 || atoi(from_file) != g.port) {
		fprintf(stderr, "test_http: fixture server did not report its port\n");
		return -1;
	}
	return 0;
}

static void remove_fixtures(void) /* async-signal-safe */
{
	size_t k;

	for (k = 0; k < NFILES; k++)
		if (g.paths[k][0])
			unlink(g.paths[k]);
	if (g.dir[0])
		rmdir(g.dir);
}

/* The server must exit cleanly on SIGTERM (a hang here trips the alarm). */
static int group_teardown(void **state)
{
	int status = -1;

	(void)state;
	if (g.pid > 0 && (kill(g.pid, SIGTERM) != 0 || waitpid(g.pid, &status, 0) != g.pid))
		status = -1;
	g.pid = -1;
	remove_fixtures();
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* --- helpers ------------------------------------------------------------- */

static int reset_policy(void **state)
{
	(void)state;
	port = g.port;
	P = http_policy_default();
	P.connect_timeout_ms = 2000;
	P.total_timeout_ms = 5000;
	P.retry_base_ms = 50;
	P.max_retry_wait_ms = 5000;
	P.user_agent = "staketop/test";
	return 0;
}

static void url_for(char *buf, size_t n, const char *path)
{
	snprintf(buf, n, "http://127.0.0.1:%d%s", port, path);
}

static void record(const struct http_response *r, void *ctx)
{
	struct result *res = ctx;

	res->calls++;
	res->status = r->status;
	res->len = r->len;
	res->seconds = r->seconds;
	res->attempts = r->attempts;
	res->retry_after_s = r->retry_after_s;
	snprintf(res->error, sizeof res->error, "%s", r->error);
	/* no cmocka asserts in here: a failure would longjmp through libcurl */
	res->bad_body = r->len >= sizeof res->body || r->body[r->len] != '\0';
	if (!res->bad_body)
		memcpy(res->body, r->body, r->len + 1);
}

/* Queues GET/POST path on h; asserts the layer accepted it. */
static void add(struct http *h, const char *path, const char *body, size_t body_len,
                const char *const *headers, http_done_fn done, void *ctx)
{
	struct http_request rq = { .body = body, .body_len = body_len, .headers = headers };
	char url[256], err[HTTP_ERROR_MAX];

	url_for(url, sizeof url, path);
	rq.url = url;
	assert_int_equal(http_add(h, &rq, done, ctx, err, sizeof err), 0);
}

/* One request through its own layer with policy P, driven to completion
 * by http_run; the outcome lands in R. */
static void fetch(const char *path, const char *body, size_t body_len,
                  const char *const *headers)
{
	struct http *h = http_new(&P);

	assert_non_null(h);
	memset(&R, 0, sizeof R);
	add(h, path, body, body_len, headers, record, &R);
	assert_int_equal(http_pending(h), 1);
	assert_int_equal(http_run(h), 0);
	assert_int_equal(http_pending(h), 0);
	assert_int_equal(R.calls, 1);
	assert_false(R.bad_body);
	http_free(h);
}

/* --- tests --------------------------------------------------------------- */

static void http__get__delivers_body_exactly(void **state)
{
	(void)state;
	fetch("/hello", NULL, 0, NULL);
	assert_string_equal(R.error, "");
	assert_int_equal(R.status, 200);
	assert_int_equal(R.attempts, 1);
	assert_int_equal(R.len, strlen(HELLO));
	assert_memory_equal(R.body, HELLO, strlen(HELLO));
}

static void http__post__sends_json_headers_and_user_agent(void **state)
{
	const char *const headers[] = { "X-Api-Key: k123", NULL };

	(void)state;
	fetch("/echo-all?x=1", "{\"q\":1}", 0, headers);
	assert_string_equal(R.error, "");
	/* the server echoes the raw request: line, headers, body */
	assert_non_null(strstr(R.body, "POST /echo-all?x=1 HTTP/1.1\r\n"));
	assert_non_null(strstr(R.body, "User-Agent: staketop/test\r\n"));
	assert_non_null(strstr(R.body, "Content-Type: application/json\r\n"));
	assert_non_null(strstr(R.body, "X-Api-Key: k123\r\n"));
	assert_non_null(strstr(R.body, "Accept-Encoding: "));
	assert_non_null(strstr(R.body, "Content-Length: 7\r\n"));
	assert_null(strstr(R.body, "Expect:"));
	assert_string_equal(R.body + R.len - 11, "\r\n\r\n{\"q\":1}");
}

static void http__post__echoes_binary_body_by_length(void **state)
{
	(void)state;
	fetch("/echo", "ab\0cd", 5, NULL); /* body_len, not strlen: 5 bytes */
	assert_string_equal(R.error, "");
	assert_int_equal(R.len, 5);
	assert_memory_equal(R.body, "ab\0cd", 5);
}

static void http__post__routes_by_body_match(void **state)
{
	(void)state;
	fetch("/pick", "{\"asset\":\"beta\"}", 0, NULL);
	assert_string_equal(R.body, "{\"picked\":\"beta\"}");
	fetch("/pick", "{\"asset\":\"alpha\"}", 0, NULL);
	assert_string_equal(R.body, "{\"picked\":\"alpha\"}");
	fetch("/pick", "{\"asset\":\"gamma\"}", 0, NULL);
	assert_int_equal(R.status, 404);
}

static void http__status__404_reported_with_status_and_body(void **state)
{
	(void)state;
	fetch("/nowhere", NULL, 0, NULL);
	assert_string_equal(R.error, "HTTP 404");
	assert_int_equal(R.status, 404);
	assert_int_equal(R.attempts, 1); /* a 4xx other than 429 is not retried */
	assert_string_equal(R.body, "{\"error\":\"no route\"}");
}

static void http__retries__500_then_success(void **state)
{
	(void)state;
	fetch("/flaky", NULL, 0, NULL); /* fails twice, then 200 */
	assert_string_equal(R.error, "");
	assert_int_equal(R.status, 200);
	assert_int_equal(R.attempts, 3);
	assert_string_equal(R.body, "{\"ok\":true}");
	assert_true(R.seconds >= 0.14); /* backoff 50 ms + 100 ms */
}

static void http__retries__gives_up_after_max_retries(void **state)
{
	(void)state;
	P.max_retries = 2;
	fetch("/down", NULL, 0, NULL);
	assert_string_equal(R.error, "HTTP 503 (gave up after 2 retries)");
	assert_int_equal(R.status, 503);
	assert_int_equal(R.attempts, 3);
	assert_string_equal(R.body, "{\"error\":\"injected failure\"}");
}

/* 429 + Retry-After: 1, driven by hand: the wait is a timer the loop sees
 * (http_next_timeout_ms), and no http_step call blocks. */
static void http__retries__after_retry_after(void **state)
{
	struct http *h = http_new(&P);
	struct result r = { 0 };
	int64_t t0, longest_step = 0, saw_timer = 0;
	int n;

	(void)state;
	assert_non_null(h);
	add(h, "/limited", NULL, 0, NULL, record, &r);
	for (;;) {
		long t;
		t0 = mono_ms();
		n = http_step(h);
		if (mono_ms() - t0 > longest_step)
			longest_step = mono_ms() - t0;
		if (n <= 0)
			break;
		t = http_next_timeout_ms(h);
		if (t > 300 && t <= 1000)
			saw_timer = 1;
		assert_true(http_wait(h, NULL, 0, 5000) >= 0); /* the retry timer must cut this short */
	}
	assert_int_equal(n, 0);
	assert_string_equal(r.error, "");
	assert_int_equal(r.attempts, 2);
	assert_string_equal(r.body, "{\"ok\":\"waited\"}");
	assert_true(r.seconds >= 0.95); /* backoff alone would be 50 ms */
	assert_true(r.seconds < 3.0);
	assert_true(saw_timer);
	assert_true(longest_step < 200);
	http_free(h);
}

static void http__retries__refuses_long_retry_after(void **state)
{
	(void)state;
	fetch("/slowdown", NULL, 0, NULL); /* Retry-After: 119 > 5000 ms */
	assert_non_null(strstr(R.error, "HTTP 429, Retry-After 119 s exceeds limit"));
	assert_int_equal(R.status, 429);
	assert_int_equal(R.attempts, 1);
	assert_true(R.seconds < 1.0);
}

/* /ratelimit answers 429 with Retry-After: 1: a 500 ms deadline has no
 * room for the 1 s wait, so the request ends at once, saying so, with the
 * Retry-After handed on (the caller keeps the provider waiting). */
static void http__deadline__retry_after_past_it_ends_at_once(void **state)
{
	struct http *h = http_new(&P);
	(void)state;
	assert_non_null(h);
	memset(&R, 0, sizeof R);
	http_set_deadline(h, 500);
	add(h, "/slowdown", NULL, 0, NULL, record, &R);
	assert_int_equal(http_run(h), 0);
	http_free(h);
	assert_int_equal(R.calls, 1);
	assert_int_equal(R.status, 429);
	assert_int_equal(R.attempts, 1);
	assert_int_equal(R.retry_after_s, 119);
	/* 119 s > the 5000 ms limit: that message, and still the value */
	assert_non_null(strstr(R.error, "Retry-After 119 s exceeds limit"));

	h = http_new(&P);
	assert_non_null(h);
	memset(&R, 0, sizeof R);
	http_set_deadline(h, 500);
	add(h, "/ratelimit", NULL, 0, NULL, record, &R);
	assert_int_equal(http_run(h), 0);
	http_free(h);
	assert_string_equal(R.error, "HTTP 429, Retry-After 1 s is past the deadline");
	assert_int_equal(R.retry_after_s, 1);
	assert_int_equal(R.attempts, 1);
	assert_true(R.seconds < 0.5);
}

/* A hanging server: the 700 ms deadline cuts the 5 s attempt. */
static void http__deadline__cuts_an_attempt(void **state)
{
	struct http *h;
	(void)state;
	P.total_timeout_ms = 5000;
	h = http_new(&P);
	assert_non_null(h);
	memset(&R, 0, sizeof R);
	http_set_deadline(h, 700);
	add(h, "/hang", NULL, 0, NULL, record, &R);
	assert_int_equal(http_run(h), 0);
	http_free(h);
	assert_string_equal(R.error, "refresh deadline of 1 s reached");
	assert_true(R.seconds >= 0.6 && R.seconds < 2.0);
}

static void http__timeout__hang_cut_by_total_timeout(void **state)
{
	(void)state;
	P.total_timeout_ms = 700;
	fetch("/hang", NULL, 0, NULL);
	assert_string_equal(R.error, "timeout after 700 ms");
	assert_int_equal(R.status, 0);
	assert_int_equal(R.attempts, 1);
	assert_true(R.seconds >= 0.6 && R.seconds < 2.5);
}

static void http__timeout__trickle_cut_by_total_timeout(void **state)
{
	(void)state;
	P.total_timeout_ms = 700; /* 200 bytes at one per 50 ms would take 10 s */
	fetch("/trickle", NULL, 0, NULL);
	assert_string_equal(R.error, "timeout after 700 ms");
	assert_int_equal(R.status, 200);
	assert_int_equal(R.len, 0); /* a partial body is not handed out */
	assert_true(R.seconds >= 0.6 && R.seconds < 2.5);
}

static void http__size__caps_declared_and_streamed_bodies(void **state)
{
	(void)state;
	P.max_bytes = 1024;
	fetch("/big", NULL, 0, NULL); /* Content-Length: 4096, refused up front */
	assert_string_equal(R.error, "response larger than 1024 bytes");
	assert_int_equal(R.len, 0);
	fetch("/big-nolen", NULL, 0, NULL); /* no length: the write callback counts */
	assert_string_equal(R.error, "response larger than 1024 bytes");
	assert_int_equal(R.len, 0);
}

static void http__size__accepts_body_at_exact_cap(void **state)
{
	(void)state;
	P.max_bytes = BIG_LEN;
	fetch("/big-nolen", NULL, 0, NULL);
	assert_string_equal(R.error, "");
	assert_int_equal(R.len, BIG_LEN);
	fetch("/big", NULL, 0, NULL);
	assert_string_equal(R.error, "");
	assert_int_equal(R.len, BIG_LEN);
}

static void http__policy__refuses_plain_http_to_remote_hosts(void **state)
{
	static const char *const refused[] = {
		"http://example.com/", "http://10.0.0.1/", "http://127.0.0.1.example.com/",
		"http://127.0.0.1@example.com/", "http://localhost.example.com/", "http://[::2]/",
		"ftp://127.0.0.1/", "file:///etc/passwd", "not a url",
	};
	static const char *const accepted[] = { /* never started: no network used */
		"http://localhost:1/", "http://127.9.8.7:1/", "http://[::1]:1/", "https://example.invalid/",
	};
	struct http *h = http_new(&P);
	struct http_request rq = { 0 };
	struct result r = { 0 };
	char err[HTTP_ERROR_MAX];
	size_t i;

	(void)state;
	assert_non_null(h);
	for (i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		rq.url = refused[i];
		assert_int_equal(http_add(h, &rq, record, &r, err, sizeof err), -1);
		assert_true(err[0] != '\0');
		assert_true(i != 0 || strstr(err, "https required"));
	}
	assert_int_equal(http_pending(h), 0);
	assert_int_equal(http_run(h), 0);
	assert_int_equal(r.calls, 0); /* refused requests never call back */
	for (i = 0; i < sizeof accepted / sizeof accepted[0]; i++) {
		rq.url = accepted[i];
		assert_int_equal(http_add(h, &rq, record, &r, err, sizeof err), 0);
	}
	assert_int_equal(http_pending(h), 4);
	http_free(h);
	assert_int_equal(r.calls, 0); /* http_free drops pending requests silently */
}

static void http__redirect__refuses_plain_http_target(void **state)
{
	(void)state;
	fetch("/redirect", NULL, 0, NULL); /* 302 Location: /hello (http) */
	assert_non_null(strstr(R.error, "redirect refused"));
	assert_int_equal(R.len, 0);
}

static void http__connect__reports_refused(void **state)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	socklen_t len = sizeof sa;
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	(void)state;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK); /* a port that was free a moment ago */
	assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof sa), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&sa, &len), 0);
	close(fd);
	port = ntohs(sa.sin_port);
	fetch("/", NULL, 0, NULL);
	assert_string_equal(R.error, "connection refused");
	assert_int_equal(R.status, 0);
	assert_int_equal(R.attempts, 1);
}

static void http__concurrency__overlaps_ten_slow_requests(void **state)
{
	struct http *h = http_new(&P);
	struct result r[10];
	char path[32];
	int64_t t0 = mono_ms(), elapsed;
	int i;

	(void)state;
	assert_non_null(h);
	memset(r, 0, sizeof r);
	for (i = 0; i < 10; i++) {
		snprintf(path, sizeof path, "/slow/%d", i);
		add(h, path, NULL, 0, NULL, record, &r[i]);
	}
	assert_int_equal(http_run(h), 0);
	elapsed = mono_ms() - t0;
	for (i = 0; i < 10; i++) {
		assert_int_equal(r[i].calls, 1);
		assert_string_equal(r[i].error, "");
		assert_true(r[i].seconds >= 0.29); /* each really waited 300 ms */
	}
	assert_true(elapsed < 2000); /* in sequence: 10 x 300 ms = 3000 ms */
	http_free(h);
}

static void *write_later(void *arg)
{
	int fd = *(int *)arg;

	usleep(200 * 1000);
	return write(fd, "k", 1) == 1 ? arg : NULL;
}

static void http__wait__extra_fd_wakes_before_completion(void **state)
{
	struct http *h = http_new(&P);
	struct result r = { 0 };
	struct curl_waitfd key;
	int fds[2], woke = 0;
	int64_t t0, at = 0;
	pthread_t writer;

	(void)state;
	assert_non_null(h);
	assert_int_equal(pipe(fds), 0);
	add(h, "/later", NULL, 0, NULL, record, &r); /* answers after 1500 ms */
	t0 = mono_ms();
	assert_int_equal(pthread_create(&writer, NULL, write_later, &fds[1]), 0);
	while (http_step(h) > 0) {
		key.fd = fds[0];
		key.events = CURL_WAIT_POLLIN;
		assert_true(http_wait(h, &key, 1, 5000) >= 0);
		if (key.revents & CURL_WAIT_POLLIN) {
			woke = 1;
			at = mono_ms() - t0;
			break;
		}
	}
	assert_true(woke);
	assert_true(at >= 150 && at < 1200);
	assert_int_equal(http_pending(h), 1); /* the request is still in flight */
	assert_int_equal(r.calls, 0);
	assert_int_equal(http_run(h), 0);
	assert_int_equal(r.calls, 1);
	assert_string_equal(r.body, "{\"later\":true}");
	pthread_join(writer, NULL);
	close(fds[0]);
	close(fds[1]);
	http_free(h);
}

static void chain_next(const struct http_response *res, void *ctx)
{
	struct result *r = ctx;
	struct http_request rq = { 0 };
	char url[256], err[HTTP_ERROR_MAX];

	record(res, r);
	r->step_in_callback = http_step(r->h);
	url_for(url, sizeof url, "/chain");
	rq.url = url;
	r->add_in_callback = http_add(r->h, &rq, record, r->chained, err, sizeof err);
}

static void http__add__from_callback_chains_request(void **state)
{
	struct http *h = http_new(&P);
	struct result first = { 0 }, second = { 0 };

	(void)state;
	assert_non_null(h);
	first.h = h;
	first.chained = &second;
	add(h, "/hello", NULL, 0, NULL, chain_next, &first);
	assert_int_equal(http_run(h), 0);
	assert_int_equal(first.calls, 1);
	assert_int_equal(first.step_in_callback, -1); /* re-entry refused */
	assert_int_equal(first.add_in_callback, 0);
	assert_int_equal(second.calls, 1);
	assert_string_equal(second.body, "{\"step\":2}");
	assert_int_equal(http_pending(h), 0);
	http_free(h);
}

static void http__new__rejects_bad_policy(void **state)
{
	struct http_policy bad[5];
	struct http *h;
	size_t i;

	(void)state;
	for (i = 0; i < 5; i++)
		bad[i] = P;
	bad[0].total_timeout_ms = 0;
	bad[1].max_bytes = 0;
	bad[2].max_bytes = HTTP_BYTES_LIMIT + 1;
	bad[3].max_retries = -1;
	bad[4].user_agent = "evil\r\nX-Injected: 1";
	for (i = 0; i < 5; i++)
		assert_null(http_new(&bad[i]));
	h = http_new(NULL);
	assert_non_null(h);
	assert_int_equal(http_next_timeout_ms(h), -1);
	http_free(h);
}

/* A hung test must not hang the suite: fail it, and take the server down. */
static void on_alarm(int sig)
{
	static const char msg[] = "test_http: timed out (a request never finished)\n";

	(void)sig;
	if (g.pid > 0)
		kill(g.pid, SIGKILL);
	remove_fixtures();
	if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0)
		_exit(2);
	_exit(1);
}

#define T(f) cmocka_unit_test_setup(f, reset_policy)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(http__get__delivers_body_exactly),
		T(http__post__sends_json_headers_and_user_agent),
		T(http__post__echoes_binary_body_by_length),
		T(http__post__routes_by_body_match),
		T(http__deadline__retry_after_past_it_ends_at_once),
		T(http__deadline__cuts_an_attempt),
		T(http__status__404_reported_with_status_and_body),
		T(http__retries__500_then_success),
		T(http__retries__gives_up_after_max_retries),
		T(http__retries__after_retry_after),
		T(http__retries__refuses_long_retry_after),
		T(http__timeout__hang_cut_by_total_timeout),
		T(http__timeout__trickle_cut_by_total_timeout),
		T(http__size__caps_declared_and_streamed_bodies),
		T(http__size__accepts_body_at_exact_cap),
		T(http__policy__refuses_plain_http_to_remote_hosts),
		T(http__redirect__refuses_plain_http_target),
		T(http__connect__reports_refused),
		T(http__concurrency__overlaps_ten_slow_requests),
		T(http__wait__extra_fd_wakes_before_completion),
		T(http__add__from_callback_chains_request),
		T(http__new__rejects_bad_policy),
	};

	signal(SIGALRM, on_alarm);
	alarm(90);
	return cmocka_run_group_tests_name("pricing/http", tests, group_setup, group_teardown);
}
