/* fixture-server — a small HTTP/1.1 server on 127.0.0.1 for tests.
 *
 *   fixture-server --routes FILE [--port N] [--port-file PATH]
 *                  [--max-seconds N] [--verbose]
 *
 * Binds 127.0.0.1 only (port 0 or none: ephemeral), prints the bound port on
 * stdout (and into --port-file, written atomically), serves one thread per
 * connection, answers once and closes. Exits on SIGTERM/SIGINT, or by itself
 * after --max-seconds (default 600).
 *
 * The routes FILE is re-read on every request. One route per line, '#'
 * starts a comment line:
 *
 *   METHOD PATH-PREFIX [key=value ...]
 *
 * METHOD is exact ("*" for any); PATH-PREFIX matches the start of the
 * request target (path and query). The first matching route wins; no match
 * gives 404 {"error":"no route"}. Keys:
 *   status=N        status code (default 200)
 *   body=TEXT       literal body (no spaces)
 *   file=PATH       body from a file, relative to the routes file's directory
 *   echo=body|all   body is the request body, or the whole raw request
 *   delay_ms=N      wait before answering
 *   trickle_ms=N    send the body one byte every N ms
 *   hang=1          read the request, never answer until the client closes
 *   header=Name:Val extra response header (repeatable)
 *   match=TEXT      route applies only if the request body or target contains TEXT
 *   fail_first=N    the first N hits of this route line (counted by the line's
 *                   text, across re-reads) answer fail_status instead
 *   fail_status=N   status of those failures (default 500)
 *   no_length=1     no Content-Length: the body ends when the connection closes
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define HEAD_MAX      (64 * 1024)
#define BODY_MAX      (16 * 1024 * 1024)
#define FILE_MAX      (64 * 1024 * 1024)
#define ROUTE_HDR_MAX 16
#define CONN_MAX      256
#define COUNTERS_MAX  4096
#define IO_TIMEOUT_MS 10000

static volatile sig_atomic_t g_stop;
static const char *g_routes;
static char g_dir[4096];
static bool g_verbose;
static int64_t g_deadline_ms;

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static int g_conns;                       /* under g_lock */
static struct { char *line; long hits; } g_counters[COUNTERS_MAX];
static int g_ncounters;                   /* under g_lock */

struct request {
	char method[16];
	char target[4096];
	char *raw;                            /* head + body as received */
	size_t raw_len;
	const char *body;                     /* points into raw */
	size_t body_len;
};

struct route {
	int status, fail_first, fail_status, echo, hang, no_length;
	long delay_ms, trickle_ms;
	const char *body, *file, *match;
	const char *headers[ROUTE_HDR_MAX];
	int nheaders;
};

static void on_signal(int sig)
{
	(void)sig;
	g_stop = 1;
}

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static bool stopping(void)
{
	return g_stop || now_ms() >= g_deadline_ms;
}

/* Sleeps ms in short slices so a stop request is honoured. */
static void nap_ms(long ms)
{
	int64_t end = now_ms() + ms, left;

	while (!stopping() && (left = end - now_ms()) > 0) {
		struct timespec ts = { 0, (long)(left > 50 ? 50 : left) * 1000000L };
		nanosleep(&ts, NULL);
	}
}

/* Counts connections in (+1, refused beyond CONN_MAX) and out (-1). */
static bool conns_add(int delta)
{
	bool ok;

	pthread_mutex_lock(&g_lock);
	ok = delta < 0 || g_conns < CONN_MAX;
	if (ok)
		g_conns += delta;
	pthread_mutex_unlock(&g_lock);
	return ok;
}

static const void *find_bytes(const char *hay, size_t n, const char *needle)
{
	size_t m = strlen(needle), i;

	if (m == 0)
		return hay;
	for (i = 0; m <= n && i <= n - m; i++)
		if (memcmp(hay + i, needle, m) == 0)
			return hay + i;
	return NULL;
}

/* --- reading a request --------------------------------------------------- */

static int recv_some(int fd, char *buf, size_t n)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	ssize_t r;

	if (poll(&p, 1, IO_TIMEOUT_MS) <= 0)
		return -1;
	r = recv(fd, buf, n, 0);
	return r <= 0 ? -1 : (int)r;
}

static int read_request(int fd, struct request *rq)
{
	size_t cap = HEAD_MAX, len = 0, head_len, want, clen = 0;
	char *end = NULL, *line, *p, *save = NULL;
	int r;

	rq->raw = malloc(cap + 1);
	if (!rq->raw)
		return -1;
	while (!end) {
		if (len == HEAD_MAX)
			return -1;
		r = recv_some(fd, rq->raw + len, HEAD_MAX - len);
		if (r < 0)
			return -1;
		len += (size_t)r;
		rq->raw[len] = '\0';
		end = strstr(rq->raw, "\r\n\r\n");
	}
	head_len = (size_t)(end - rq->raw) + 4;
	for (p = rq->raw; p < end; p++)  /* Content-Length, case-insensitive */
		if ((p == rq->raw || p[-1] == '\n') && strncasecmp(p, "Content-Length:", 15) == 0)
			clen = strtoul(p + 15, NULL, 10);
	if (clen > BODY_MAX)
		return -1;
	want = head_len + clen;
	if (want > cap) {
		char *nb = realloc(rq->raw, want + 1);
		if (!nb)
			return -1;
		rq->raw = nb;
		cap = want;
	}
	while (len < want) {
		r = recv_some(fd, rq->raw + len, want - len);
		if (r < 0)
			return -1;
		len += (size_t)r;
	}
	rq->raw[want] = '\0';
	rq->raw_len = want;
	rq->body = rq->raw + head_len;
	rq->body_len = clen;

	line = strndup(rq->raw, strcspn(rq->raw, "\r\n"));
	if (!line)
		return -1;
	p = strtok_r(line, " ", &save);
	if (p)
		snprintf(rq->method, sizeof rq->method, "%s", p);
	p = strtok_r(NULL, " ", &save);
	if (p)
		snprintf(rq->target, sizeof rq->target, "%s", p);
	free(line);
	return rq->method[0] && rq->target[0] ? 0 : -1;
}

/* --- routes -------------------------------------------------------------- */

/* Parses the key=value tokens after METHOD and PREFIX; tokens point into
 * the (modified) line. Returns 0, or -1 with the bad token in *bad. */
static int parse_keys(char *rest, struct route *rt, const char **bad)
{
	char *save = NULL, *tok, *val;

	memset(rt, 0, sizeof *rt);
	rt->status = 200;
	rt->fail_status = 500;
	for (tok = strtok_r(rest, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
		*bad = tok;
		val = strchr(tok, '=');
		if (!val)
			return -1;
		*val++ = '\0';
		if (strcmp(tok, "status") == 0)
			rt->status = atoi(val);
		else if (strcmp(tok, "body") == 0)
			rt->body = val;
		else if (strcmp(tok, "file") == 0)
			rt->file = val;
		else if (strcmp(tok, "echo") == 0 && (strcmp(val, "body") == 0 || strcmp(val, "all") == 0))
			rt->echo = val[0] == 'a' ? 2 : 1;
		else if (strcmp(tok, "delay_ms") == 0)
			rt->delay_ms = atol(val);
		else if (strcmp(tok, "trickle_ms") == 0)
			rt->trickle_ms = atol(val);
		else if (strcmp(tok, "hang") == 0)
			rt->hang = atoi(val);
		else if (strcmp(tok, "match") == 0)
			rt->match = val;
		else if (strcmp(tok, "fail_first") == 0)
			rt->fail_first = atoi(val);
		else if (strcmp(tok, "fail_status") == 0)
			rt->fail_status = atoi(val);
		else if (strcmp(tok, "no_length") == 0)
			rt->no_length = atoi(val);
		else if (strcmp(tok, "header") == 0 && rt->nheaders < ROUTE_HDR_MAX && strchr(val, ':'))
			rt->headers[rt->nheaders++] = val;
		else
			return -1;
	}
	if (rt->status < 100 || rt->status > 999 || rt->fail_status < 100 || rt->fail_status > 999)
		return -1;
	return 0;
}

/* Counts a hit of a fail_first line; true while it should still fail. */
static bool count_failure(const char *text, int fail_first)
{
	bool fail = false;
	int i;

	pthread_mutex_lock(&g_lock);
	for (i = 0; i < g_ncounters && strcmp(g_counters[i].line, text) != 0; i++)
		;
	if (i == g_ncounters && g_ncounters < COUNTERS_MAX && (g_counters[i].line = strdup(text)))
		g_ncounters++;
	if (i < g_ncounters)
		fail = ++g_counters[i].hits <= fail_first;
	pthread_mutex_unlock(&g_lock);
	return fail;
}

/* Finds the first route for rq. Returns 1 and fills rt (its strings live in
 * *storage, freed by the caller), 0 for no route, -1 for a bad routes file
 * (message in why). */
static int find_route(const struct request *rq, struct route *rt, bool *failing,
                      char **storage, char *why, size_t whylen)
{
	FILE *f = fopen(g_routes, "r");
	char *line = NULL, *copy, *save = NULL, *method, *prefix;
	size_t cap = 0;
	ssize_t n;
	int found = 0, lineno = 0;
	const char *bad = "";

	*storage = NULL;
	if (!f) {
		snprintf(why, whylen, "cannot open routes file");
		return -1;
	}
	while (!found && (n = getline(&line, &cap, f)) >= 0) {
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		copy = line + strspn(line, " \t");
		if (!*copy || *copy == '#')
			continue;
		copy = strdup(copy);
		if (!copy)
			break;
		method = strtok_r(copy, " \t", &save);
		prefix = strtok_r(NULL, " \t", &save);
		if (!prefix || parse_keys(save, rt, &bad) != 0) {
			snprintf(why, whylen, "routes line %d: bad token '%.60s'", lineno, prefix ? bad : "");
			free(copy);
			found = -1;
			break;
		}
		if ((strcmp(method, "*") == 0 || strcmp(method, rq->method) == 0) &&
		    strncmp(rq->target, prefix, strlen(prefix)) == 0 &&
		    (!rt->match || strstr(rq->target, rt->match) ||
		     find_bytes(rq->body, rq->body_len, rt->match))) {
			found = 1;
			*storage = copy;
			*failing = rt->fail_first > 0 &&
			           count_failure(line + strspn(line, " \t"), rt->fail_first);
		} else {
			free(copy);
		}
	}
	free(line);
	fclose(f);
	return found;
}

/* --- answering ----------------------------------------------------------- */

static int send_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static char *read_file(const char *name, size_t *len)
{
	char path[8192];
	FILE *f;
	char *buf;
	long sz;

	snprintf(path, sizeof path, "%s/%s", name[0] == '/' ? "" : g_dir, name);
	if (!(f = fopen(path, "rb")))
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (sz = ftell(f)) < 0 || sz > FILE_MAX ||
	    fseek(f, 0, SEEK_SET) != 0 || !(buf = malloc((size_t)sz + 1))) {
		fclose(f);
		return NULL;
	}
	*len = fread(buf, 1, (size_t)sz, f);
	fclose(f);
	return buf;
}

static const char *reason(int s)
{
	return s == 200 ? "OK" : s == 404 ? "Not Found" : s == 429 ? "Too Many Requests" :
	       s >= 500 ? "Server Error" : s >= 300 && s < 400 ? "Redirect" : "Status";
}

static void hang_until_closed(int fd)
{
	char junk[512];
	struct pollfd p = { .fd = fd, .events = POLLIN };

	while (!stopping()) {
		int r = poll(&p, 1, 100);
		if (r > 0 && recv(fd, junk, sizeof junk, 0) <= 0)
			break;
	}
}

static void answer(int fd, const struct request *rq, const struct route *rt, bool failing,
                   const char *literal)
{
	char head[8192], *owned = NULL;
	const char *body;
	size_t blen = 0, hl, i;
	int status = failing ? rt->fail_status : rt->status;
	bool has_ctype = false;

	if (literal) {
		body = literal;
	} else if (failing) {
		body = "{\"error\":\"injected failure\"}";
	} else if (rt->echo) {
		body = rt->echo == 2 ? rq->raw : rq->body;
		blen = rt->echo == 2 ? rq->raw_len : rq->body_len;
	} else if (rt->file) {
		body = owned = read_file(rt->file, &blen);
		if (!owned) {
			status = 500;
			body = "{\"error\":\"fixture file missing\"}";
		}
	} else {
		body = rt->body ? rt->body : "";
	}
	if (body != rq->raw && body != rq->body && !owned)
		blen = strlen(body);

	if (rt->delay_ms > 0)
		nap_ms(rt->delay_ms);
	hl = (size_t)snprintf(head, sizeof head, "HTTP/1.1 %d %s\r\nConnection: close\r\n",
	                      status, reason(status));
	for (i = 0; i < (size_t)rt->nheaders && hl < sizeof head; i++) {
		const char *colon = strchr(rt->headers[i], ':');
		has_ctype |= strncasecmp(rt->headers[i], "Content-Type:", 13) == 0;
		hl += (size_t)snprintf(head + hl, sizeof head - hl, "%.*s: %s\r\n",
		                       (int)(colon - rt->headers[i]), rt->headers[i], colon + 1);
	}
	if (!has_ctype && hl < sizeof head)
		hl += (size_t)snprintf(head + hl, sizeof head - hl, "Content-Type: application/json\r\n");
	if (!rt->no_length && hl < sizeof head)
		hl += (size_t)snprintf(head + hl, sizeof head - hl, "Content-Length: %zu\r\n", blen);
	if (hl < sizeof head)
		hl += (size_t)snprintf(head + hl, sizeof head - hl, "\r\n");
	if (hl >= sizeof head || stopping() || send_all(fd, head, hl) != 0)
		goto out;
	if (rt->trickle_ms > 0) {
		for (i = 0; i < blen && !stopping(); i++) {
			if (send_all(fd, body + i, 1) != 0)
				break;
			nap_ms(rt->trickle_ms);
		}
	} else {
		send_all(fd, body, blen);
	}
out:
	free(owned);
	if (g_verbose)
		fprintf(stderr, "fixture-server: %s %s -> %d\n", rq->method, rq->target, status);
}

static void *serve(void *arg)
{
	int fd = (int)(intptr_t)arg;
	struct request rq;
	struct route rt;
	bool failing = false;
	char *storage = NULL, why[160], msg[256];
	int found;

	memset(&rq, 0, sizeof rq);
	if (read_request(fd, &rq) == 0) {
		found = find_route(&rq, &rt, &failing, &storage, why, sizeof why);
		if (found == 1 && rt.hang) {
			hang_until_closed(fd);
		} else if (found == 1) {
			answer(fd, &rq, &rt, failing, NULL);
		} else {
			memset(&rt, 0, sizeof rt);
			rt.status = found == 0 ? 404 : 500;
			if (found < 0) {
				char *q;
				fprintf(stderr, "fixture-server: %s\n", why);
				for (q = why; *q; q++)  /* keep the JSON valid */
					if (*q == '"' || *q == '\\' || (unsigned char)*q < 0x20)
						*q = '\'';
			}
			snprintf(msg, sizeof msg, "{\"error\":\"%s\"}", found == 0 ? "no route" : why);
			answer(fd, &rq, &rt, false, msg);
		}
	}
	free(storage);
	free(rq.raw);
	shutdown(fd, SHUT_WR);
	close(fd);
	conns_add(-1);
	return NULL;
}

/* --- main ---------------------------------------------------------------- */

static int write_port_file(const char *path, int port)
{
	char tmp[4096];
	FILE *f;

	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	if (!(f = fopen(tmp, "w")))
		return -1;
	fprintf(f, "%d\n", port);
	if (fclose(f) != 0)
		return -1;
	return rename(tmp, path);
}

static void usage(void)
{
	fprintf(stderr, "usage: fixture-server --routes FILE [--port N] [--port-file PATH]"
	                " [--max-seconds N] [--verbose]\n");
}

int main(int argc, char **argv)
{
	const char *port_file = NULL;
	long port = 0, max_seconds = 600;
	struct sockaddr_in sa;
	socklen_t salen = sizeof sa;
	struct sigaction act;
	sigset_t block, old;
	int lfd, one = 1, i;
	char *slash;

	for (i = 1; i < argc; i++) {
		bool has = i + 1 < argc;
		if (strcmp(argv[i], "--routes") == 0 && has)
			g_routes = argv[++i];
		else if (strcmp(argv[i], "--port") == 0 && has)
			port = atol(argv[++i]);
		else if (strcmp(argv[i], "--port-file") == 0 && has)
			port_file = argv[++i];
		else if (strcmp(argv[i], "--max-seconds") == 0 && has)
			max_seconds = atol(argv[++i]);
		else if (strcmp(argv[i], "--verbose") == 0)
			g_verbose = true;
		else
			return usage(), 2;
	}
	if (!g_routes || port < 0 || port > 65535 || max_seconds <= 0)
		return usage(), 2;
	snprintf(g_dir, sizeof g_dir, "%s", strchr(g_routes, '/') ? g_routes : "./");
	if ((slash = strrchr(g_dir, '/')))
		*slash = '\0';
	g_deadline_ms = now_ms() + max_seconds * 1000;

	memset(&act, 0, sizeof act);
	act.sa_handler = on_signal;
	sigaction(SIGTERM, &act, NULL);
	sigaction(SIGINT, &act, NULL);
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);

	lfd = socket(AF_INET, SOCK_STREAM, 0);
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (lfd < 0 || setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
	    bind(lfd, (struct sockaddr *)&sa, sizeof sa) != 0 || listen(lfd, 128) != 0 ||
	    getsockname(lfd, (struct sockaddr *)&sa, &salen) != 0) {
		fprintf(stderr, "fixture-server: cannot listen on 127.0.0.1:%ld: %s\n", port, strerror(errno));
		return 1;
	}
	port = ntohs(sa.sin_port);
	if (port_file && write_port_file(port_file, (int)port) != 0) {
		fprintf(stderr, "fixture-server: cannot write %s\n", port_file);
		return 1;
	}
	printf("%ld\n", port);
	fflush(stdout);

	while (!stopping()) {
		struct pollfd p = { .fd = lfd, .events = POLLIN };
		pthread_t t;
		pthread_attr_t attr;
		int fd;

		if (poll(&p, 1, 100) <= 0 || (fd = accept(lfd, NULL, NULL)) < 0)
			continue;
		if (!conns_add(1)) {
			close(fd);
			continue;
		}
		pthread_attr_init(&attr);
		pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
		pthread_sigmask(SIG_BLOCK, &block, &old); /* signals go to this thread */
		if (pthread_create(&t, &attr, serve, (void *)(intptr_t)fd) != 0) {
			close(fd);
			conns_add(-1);
		}
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		pthread_attr_destroy(&attr);
	}
	close(lfd);
	if (g_verbose)
		fprintf(stderr, "fixture-server: %s\n", g_stop ? "stopped by signal" : "max-seconds reached");
	pthread_mutex_lock(&g_lock);
	for (i = 0; i < g_ncounters; i++)
		free(g_counters[i].line);
	g_ncounters = 0;
	pthread_mutex_unlock(&g_lock);
	return 0;
}
