/* http.c — staketop's HTTP policy over libcurl's multi interface.
 *
 * Each accepted request is one struct xfer owning its easy handle, parsed
 * URL, header list, body copy and response buffer. An xfer is either in
 * the multi handle (XFER_ACTIVE) or waiting for a retry timer
 * (XFER_WAITING, not in the multi handle). It is freed right after its
 * done callback, or by http_free(). */
#include "pricing/http.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#ifndef STAKETOP_VERSION
#define STAKETOP_VERSION "0"
#endif

#define RETRY_AFTER_MAX_S 10000000L /* larger values are clipped (no overflow) */

enum xfer_state { XFER_ACTIVE, XFER_WAITING };

struct xfer {
	struct http *h;
	struct xfer *prev, *next;
	CURL *easy;
	CURLU *url;
	struct curl_slist *headers;
	char *body;                 /* POST body copy, or NULL for GET */
	size_t body_len;
	http_done_fn done;
	void *ctx;
	char *buf;                  /* response body of the current attempt */
	size_t len, cap;
	bool too_big, oom;
	long retry_after_s;         /* -1: no usable Retry-After in this response */
	int attempts;
	bool cut;                   /* this attempt's timeout is the deadline's */
	enum xfer_state state;
	int64_t added_ms, due_ms;
	char errbuf[CURL_ERROR_SIZE];
};

struct http {
	CURLM *multi;
	struct http_policy pol;     /* pol.user_agent points at user_agent */
	char *user_agent;
	struct xfer *head;
	int pending;
	bool in_step;
	int64_t deadline_ms;        /* monotonic; 0: none */
	long deadline_len_ms;       /* as set, for messages */
};

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

__attribute__((format(printf, 3, 4)))
static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (!err || !errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

struct http_policy http_policy_default(void)
{
	struct http_policy p = { .connect_timeout_ms = 5000, .total_timeout_ms = 15000,
	                         .max_bytes = (size_t)4 << 20, .max_retries = 3,
	                         .retry_base_ms = 500, .max_retry_wait_ms = 30000 };
	return p;
}

struct http *http_new(const struct http_policy *policy)
{
	struct http_policy p = policy ? *policy : http_policy_default();
	const char *ua = p.user_agent ? p.user_agent : "staketop/" STAKETOP_VERSION;
	struct http *h;

	if (p.connect_timeout_ms <= 0 || p.total_timeout_ms <= 0 || p.max_bytes == 0 ||
	    p.max_bytes > HTTP_BYTES_LIMIT ||
	    p.max_retries < 0 || p.retry_base_ms < 0 || p.max_retry_wait_ms < 0 ||
	    strpbrk(ua, "\r\n"))
		return NULL;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return NULL;
	h = calloc(1, sizeof *h);
	if (h && (h->user_agent = strdup(ua)) && (h->multi = curl_multi_init())) {
		p.user_agent = h->user_agent;
		h->pol = p;
		return h;
	}
	if (h)
		free(h->user_agent);
	free(h);
	curl_global_cleanup();
	return NULL;
}

static void xfer_free(struct xfer *x)
{
	if (!x)
		return;
	if (x->easy)
		curl_easy_cleanup(x->easy);
	curl_url_cleanup(x->url);
	curl_slist_free_all(x->headers);
	free(x->body);
	free(x->buf);
	free(x);
}

static void xfer_link(struct http *h, struct xfer *x)
{
	x->prev = NULL;
	x->next = h->head;
	if (h->head)
		h->head->prev = x;
	h->head = x;
	h->pending++;
}

static void xfer_unlink(struct http *h, struct xfer *x)
{
	if (x->prev)
		x->prev->next = x->next;
	else
		h->head = x->next;
	if (x->next)
		x->next->prev = x->prev;
	x->prev = x->next = NULL;
	h->pending--;
}

void http_free(struct http *h)
{
	struct xfer *x, *next;

	if (!h)
		return;
	for (x = h->head; x; x = next) {
		next = x->next;
		if (x->state == XFER_ACTIVE)
			curl_multi_remove_handle(h->multi, x->easy);
		xfer_free(x);
	}
	curl_multi_cleanup(h->multi);
	free(h->user_agent);
	free(h);
	curl_global_cleanup();
}

/* --- policy checks ------------------------------------------------------ */

static bool host_is_loopback(const char *host)
{
	struct in_addr a4;
	struct in6_addr a6;
	char tmp[INET6_ADDRSTRLEN + 1];
	size_t n = strlen(host);

	if (strcasecmp(host, "localhost") == 0)
		return true;
	if (inet_pton(AF_INET, host, &a4) == 1)
		return (ntohl(a4.s_addr) >> 24) == 127;
	if (n > 2 && host[0] == '[' && host[n - 1] == ']' && n - 2 < sizeof tmp) {
		memcpy(tmp, host + 1, n - 2);
		tmp[n - 2] = '\0';
		if (inet_pton(AF_INET6, tmp, &a6) == 1)
			return memcmp(&a6, &in6addr_loopback, sizeof a6) == 0;
	}
	return false;
}

/* Parses url into u and applies the scheme rule. */
static int check_url(CURLU *u, const char *url, bool *loopback, char *err, size_t errlen)
{
	char *scheme = NULL, *host = NULL;
	CURLUcode uc = curl_url_set(u, CURLUPART_URL, url, 0);
	int rc = -1;

	if (uc != CURLUE_OK)
		set_err(err, errlen, "bad URL: %s", curl_url_strerror(uc));
	else if (curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	         curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK || !host[0])
		set_err(err, errlen, "bad URL: no host");
	else if (strcasecmp(scheme, "https") != 0 && strcasecmp(scheme, "http") != 0)
		set_err(err, errlen, "URL scheme %.20s refused: https only", scheme);
	else if (!(*loopback = host_is_loopback(host)) && strcasecmp(scheme, "http") == 0)
		set_err(err, errlen, "plain http to %.80s refused: https required "
		        "(http only for loopback)", host);
	else
		rc = 0;
	curl_free(scheme);
	curl_free(host);
	return rc;
}

static bool append_header(struct xfer *x, const char *line)
{
	struct curl_slist *n = curl_slist_append(x->headers, line);

	return n ? (x->headers = n, true) : false;
}

static int build_headers(struct xfer *x, const struct http_request *req,
                         char *err, size_t errlen)
{
	size_t i;

	for (i = 0; req->headers && req->headers[i]; i++) {
		if (strpbrk(req->headers[i], "\r\n")) {
			set_err(err, errlen, "header line %zu contains a line break", i + 1);
			return -1;
		}
		if (!append_header(x, req->headers[i]))
			goto oom;
	}
	if (!x->body || (append_header(x, "Content-Type: application/json") &&
	                 append_header(x, "Expect:")))  /* no 100-continue round trip */
		return 0;
oom:
	set_err(err, errlen, "out of memory");
	return -1;
}

/* --- callbacks ---------------------------------------------------------- */

static size_t on_body(char *ptr, size_t size, size_t nmemb, void *userdata)
{
	struct xfer *x = userdata;
	size_t n = size * nmemb, max = x->h->pol.max_bytes, need, cap;
	char *nb;

	if (n > max - x->len) {  /* len <= max always; max is at most HTTP_BYTES_LIMIT */
		x->too_big = true;
		return 0;
	}
	need = x->len + n + 1;
	if (need > x->cap) {
		cap = x->cap < 2048 ? 4096 : x->cap * 2;
		cap = cap < need ? need : cap > max + 1 ? max + 1 : cap;
		nb = realloc(x->buf, cap);
		if (!nb) {
			x->oom = true;
			return 0;
		}
		x->buf = nb;
		x->cap = cap;
	}
	memcpy(x->buf + x->len, ptr, n);
	x->len += n;
	x->buf[x->len] = '\0';
	return n;
}

/* Retry-After as delta-seconds; an HTTP-date or junk counts as absent. */
static long parse_retry_after(const char *p, size_t n)
{
	long v = 0;
	size_t i = 0;

	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	if (i == n || p[i] < '0' || p[i] > '9')
		return -1;
	for (; i < n && p[i] >= '0' && p[i] <= '9'; i++)
		if (v < RETRY_AFTER_MAX_S)
			v = v * 10 + (p[i] - '0');
	for (; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n')
			return -1;
	return v > RETRY_AFTER_MAX_S ? RETRY_AFTER_MAX_S : v;
}

static size_t on_header(char *ptr, size_t size, size_t nmemb, void *userdata)
{
	struct xfer *x = userdata;
	size_t n = size * nmemb;
	static const char ra[] = "Retry-After:";

	if (n >= 5 && memcmp(ptr, "HTTP/", 5) == 0)
		x->retry_after_s = -1; /* a new response (after a redirect) */
	else if (n >= sizeof ra - 1 && strncasecmp(ptr, ra, sizeof ra - 1) == 0)
		x->retry_after_s = parse_retry_after(ptr + sizeof ra - 1, n - (sizeof ra - 1));
	return n;
}

/* --- requests ----------------------------------------------------------- */

static CURLcode setup_easy(struct xfer *x, bool loopback)
{
	const struct http_policy *p = &x->h->pol;
	long low_speed_s = (p->total_timeout_ms + 999) / 1000;
	CURL *e = x->easy;
	CURLcode rc = CURLE_OK;

#define SET(opt, val) do { if (rc == CURLE_OK) rc = curl_easy_setopt(e, opt, val); } while (0)
	SET(CURLOPT_CURLU, x->url);
	SET(CURLOPT_PRIVATE, (void *)x);
	SET(CURLOPT_ERRORBUFFER, x->errbuf);
	SET(CURLOPT_NOSIGNAL, 1L);
	SET(CURLOPT_PROTOCOLS_STR, loopback ? "http,https" : "https");
	SET(CURLOPT_REDIR_PROTOCOLS_STR, "https");
	SET(CURLOPT_FOLLOWLOCATION, 1L);
	SET(CURLOPT_MAXREDIRS, (long)HTTP_MAX_REDIRECTS);
	SET(CURLOPT_SSL_VERIFYPEER, 1L);
	SET(CURLOPT_SSL_VERIFYHOST, 2L);
	SET(CURLOPT_ACCEPT_ENCODING, "");
	SET(CURLOPT_USERAGENT, x->h->user_agent);
	SET(CURLOPT_CONNECTTIMEOUT_MS, p->connect_timeout_ms);
	SET(CURLOPT_TIMEOUT_MS, p->total_timeout_ms);
	SET(CURLOPT_LOW_SPEED_LIMIT, 1L);
	SET(CURLOPT_LOW_SPEED_TIME, low_speed_s);
	SET(CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)p->max_bytes);
	SET(CURLOPT_WRITEFUNCTION, on_body);
	SET(CURLOPT_WRITEDATA, (void *)x);
	SET(CURLOPT_HEADERFUNCTION, on_header);
	SET(CURLOPT_HEADERDATA, (void *)x);
	SET(CURLOPT_HTTPHEADER, x->headers);
	if (loopback)
		SET(CURLOPT_NOPROXY, "*"); /* a loopback URL never goes through a proxy */
	if (x->body) {
		SET(CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)x->body_len);
		SET(CURLOPT_POSTFIELDS, x->body);
	}
#undef SET
	return rc;
}

void http_set_deadline(struct http *h, long ms)
{
	if (!h)
		return;
	h->deadline_ms = ms > 0 ? now_ms() + ms : 0;
	h->deadline_len_ms = ms > 0 ? ms : 0;
}

/* Milliseconds left before the deadline (LONG_MAX: none; <= 0: passed). */
static long time_left_ms(const struct http *h)
{
	if (!h->deadline_ms)
		return LONG_MAX;
	int64_t left = h->deadline_ms - now_ms();
	return left > LONG_MAX ? LONG_MAX : (long)left;
}

/* Fresh buffers, then into the multi handle. */
static int start_attempt(struct xfer *x)
{
	const struct http_policy *p = &x->h->pol;
	long left = time_left_ms(x->h), total = p->total_timeout_ms;

	/* the attempt ends by the deadline at the latest (curl needs >= 1 ms) */
	x->cut = left < total;
	if (x->cut)
		total = left > 1 ? left : 1;
	if (curl_easy_setopt(x->easy, CURLOPT_TIMEOUT_MS, total) != CURLE_OK ||
	    curl_easy_setopt(x->easy, CURLOPT_CONNECTTIMEOUT_MS,
	                     p->connect_timeout_ms < total ? p->connect_timeout_ms : total)
	    != CURLE_OK)
		return -1;
	free(x->buf);
	x->buf = NULL;
	x->len = x->cap = 0;
	x->too_big = x->oom = false;
	x->retry_after_s = -1;
	x->errbuf[0] = '\0';
	x->attempts++;
	x->state = XFER_ACTIVE;
	return curl_multi_add_handle(x->h->multi, x->easy) == CURLM_OK ? 0 : -1;
}

int http_add(struct http *h, const struct http_request *req, http_done_fn done,
             void *ctx, char *err, size_t errlen)
{
	struct xfer *x = NULL;
	bool loopback = false;
	CURLcode rc;

	if (err && errlen)
		err[0] = '\0';
	if (!h || !req || !req->url || !done) {
		set_err(err, errlen, "http_add: missing argument");
		return -1;
	}
	x = calloc(1, sizeof *x);
	if (!x || !(x->url = curl_url()))
		goto oom;
	x->h = h;
	x->done = done;
	x->ctx = ctx;
	if (check_url(x->url, req->url, &loopback, err, errlen) != 0)
		goto fail;
	if (req->body) {
		x->body_len = req->body_len ? req->body_len : strlen(req->body);
		x->body = malloc(x->body_len + 1);
		if (!x->body)
			goto oom;
		memcpy(x->body, req->body, x->body_len);
		x->body[x->body_len] = '\0';
	}
	if (build_headers(x, req, err, errlen) != 0)
		goto fail;
	if (!(x->easy = curl_easy_init()))
		goto oom;
	rc = setup_easy(x, loopback);
	if (rc != CURLE_OK) {
		set_err(err, errlen, "libcurl refused an option: %s", curl_easy_strerror(rc));
		goto fail;
	}
	x->added_ms = now_ms();
	if (start_attempt(x) != 0) {
		set_err(err, errlen, "libcurl could not queue the request");
		goto fail;
	}
	xfer_link(h, x);
	return 0;
oom:
	set_err(err, errlen, "out of memory");
fail:
	xfer_free(x);
	return -1;
}

/* Unlinks x, runs its callback once, frees it. */
static void finish(struct xfer *x, long status, const char *error, bool keep_body)
{
	struct http_response res = {
		.status = status, .attempts = x->attempts, .retry_after_s = x->retry_after_s,
		.body = keep_body && x->buf ? x->buf : "", .len = keep_body && x->buf ? x->len : 0,
		.seconds = (double)(now_ms() - x->added_ms) / 1000.0,
	};

	snprintf(res.error, sizeof res.error, "%s", error);
	xfer_unlink(x->h, x);
	x->done(&res, x->ctx);
	xfer_free(x);
}

static void describe_failure(const struct xfer *x, CURLcode rc, char *msg, size_t n)
{
	const struct http_policy *p = &x->h->pol;
	const char *why = x->errbuf[0] ? x->errbuf : curl_easy_strerror(rc);
	curl_off_t connect_us = 0;
	long os_errno = 0;

	curl_easy_getinfo(x->easy, CURLINFO_CONNECT_TIME_T, &connect_us);
	curl_easy_getinfo(x->easy, CURLINFO_OS_ERRNO, &os_errno);
	if (rc == CURLE_OPERATION_TIMEDOUT && x->cut)
		snprintf(msg, n, "refresh deadline of %ld s reached",
		         (x->h->deadline_len_ms + 999) / 1000);
	else if (rc == CURLE_OPERATION_TIMEDOUT && connect_us == 0 &&
	    p->connect_timeout_ms < p->total_timeout_ms)
		snprintf(msg, n, "connect timeout after %ld ms", p->connect_timeout_ms);
	else if (rc == CURLE_OPERATION_TIMEDOUT)
		snprintf(msg, n, "timeout after %ld ms", p->total_timeout_ms);
	else if (rc == CURLE_COULDNT_CONNECT && os_errno == ECONNREFUSED)
		snprintf(msg, n, "connection refused");
	else if (rc == CURLE_FILESIZE_EXCEEDED || (rc == CURLE_WRITE_ERROR && x->too_big))
		snprintf(msg, n, "response larger than %zu bytes", p->max_bytes);
	else if (rc == CURLE_WRITE_ERROR && x->oom)
		snprintf(msg, n, "out of memory reading the response");
	else if (rc == CURLE_UNSUPPORTED_PROTOCOL)
		snprintf(msg, n, "redirect refused (https only): %.200s", why);
	else if (rc == CURLE_TOO_MANY_REDIRECTS)
		snprintf(msg, n, "more than %d redirects", HTTP_MAX_REDIRECTS);
	else /* resolve, connect and TLS failures: curl's message names the cause */
		snprintf(msg, n, "%.240s", why);
}

static long backoff_ms(const struct http_policy *p, int retries_done)
{
	long d = p->retry_base_ms;
	int i;

	for (i = 0; i < retries_done && d < p->max_retry_wait_ms; i++)
		d = d > LONG_MAX / 2 ? LONG_MAX : d * 2;
	return d > p->max_retry_wait_ms ? p->max_retry_wait_ms : d;
}

/* One attempt ended: finish the request or schedule its retry. */
static void on_attempt_done(struct xfer *x, CURLcode rc)
{
	const struct http_policy *p = &x->h->pol;
	char msg[HTTP_ERROR_MAX] = "";
	int retries = x->attempts - 1;
	long status = 0, delay;

	curl_multi_remove_handle(x->h->multi, x->easy);
	curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &status);
	if (rc != CURLE_OK) {
		describe_failure(x, rc, msg, sizeof msg);
		finish(x, status, msg, false);
		return;
	}
	if (status >= 200 && status <= 299) {
		finish(x, status, "", true);
		return;
	}
	if (status != 429 && (status < 500 || status > 599)) {
		snprintf(msg, sizeof msg, "HTTP %ld", status);
	} else if (retries >= p->max_retries) {
		if (p->max_retries == 0)
			snprintf(msg, sizeof msg, "HTTP %ld", status);
		else
			snprintf(msg, sizeof msg, "HTTP %ld (gave up after %d retries)", status, retries);
	} else if (x->retry_after_s >= 0 && x->retry_after_s > p->max_retry_wait_ms / 1000) {
		snprintf(msg, sizeof msg, "HTTP %ld, Retry-After %ld s exceeds limit of %ld ms",
		         status, x->retry_after_s, p->max_retry_wait_ms);
	} else {
		delay = x->retry_after_s >= 0 ? x->retry_after_s * 1000 : backoff_ms(p, retries);
		if (delay >= time_left_ms(x->h)) {
			if (x->retry_after_s >= 0)
				snprintf(msg, sizeof msg, "HTTP %ld, Retry-After %ld s is past the"
				         " deadline", status, x->retry_after_s);
			else
				snprintf(msg, sizeof msg, "HTTP %ld (no time for a retry before the"
				         " deadline)", status);
			finish(x, status, msg, true);
			return;
		}
		x->state = XFER_WAITING;
		x->due_ms = now_ms() + delay;
		return;
	}
	finish(x, status, msg, true);
}

/* --- driving ------------------------------------------------------------ */

int http_step(struct http *h)
{
	struct xfer *x, *next;
	CURLMsg *m;
	int running = 0, left = 0;
	int64_t now;
	CURLMcode mc;

	if (!h || h->in_step)
		return -1;
	h->in_step = true;
	now = now_ms();
	for (x = h->head; x; x = next) {
		next = x->next;
		if (x->state == XFER_WAITING && x->due_ms <= now && start_attempt(x) != 0)
			finish(x, 0, "libcurl could not restart the request for a retry", false);
	}
	mc = curl_multi_perform(h->multi, &running);
	while (mc == CURLM_OK && (m = curl_multi_info_read(h->multi, &left))) {
		char *priv = NULL;
		CURLcode rc = m->data.result; /* m dies with remove_handle */

		if (m->msg != CURLMSG_DONE)
			continue;
		curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &priv);
		on_attempt_done((struct xfer *)(void *)priv, rc);
	}
	h->in_step = false;
	return mc == CURLM_OK ? h->pending : -1;
}

long http_next_timeout_ms(const struct http *h)
{
	const struct xfer *x;
	long t = -1, d;
	int64_t now;

	if (!h || h->pending == 0)
		return -1;
	if (curl_multi_timeout(h->multi, &t) != CURLM_OK)
		t = -1;
	now = now_ms();
	for (x = h->head; x; x = x->next) {
		if (x->state != XFER_WAITING)
			continue;
		d = x->due_ms <= now ? 0 : (long)(x->due_ms - now);
		if (t < 0 || d < t)
			t = d;
	}
	return t;
}

int http_wait(struct http *h, struct curl_waitfd *extra, unsigned n_extra, int max_timeout_ms)
{
	long t, timeout = max_timeout_ms < 0 ? INT_MAX : max_timeout_ms;
	int numfds = 0;
	unsigned i;

	if (!h || h->in_step || (n_extra && !extra))
		return -1;
	for (i = 0; i < n_extra; i++)
		extra[i].revents = 0;
	t = http_next_timeout_ms(h);
	if (t >= 0 && t < timeout)
		timeout = t;
	if (h->pending == 0 && n_extra == 0 && max_timeout_ms < 0)
		return 0; /* nothing could ever wake us */
	if (curl_multi_poll(h->multi, extra, n_extra, (int)timeout, &numfds) != CURLM_OK)
		return -1;
	return numfds;
}

int http_pending(const struct http *h)
{
	return h ? h->pending : 0;
}

int http_run(struct http *h)
{
	int n;

	while ((n = http_step(h)) > 0)
		if (http_wait(h, NULL, 0, -1) < 0)
			return -1;
	return n < 0 ? -1 : 0;
}
