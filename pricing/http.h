/* http.h — the one HTTP layer: libcurl's multi interface behind a small,
 * non-blocking API, with staketop's HTTP policy applied in one place.
 *
 * Policy (every request, no opt-out):
 *   - https only; plain http only to a loopback host (127.0.0.0/8,
 *     "localhost", [::1]), checked in http_add() before any connection;
 *     any other scheme is refused.
 *   - redirects followed to https URLs only, at most HTTP_MAX_REDIRECTS.
 *   - certificate and host name verification always on.
 *   - connect and total timeouts, a low-speed cut-off, a response size cap
 *     (Content-Length checked up front, the bytes counted as they arrive).
 *   - gzip/deflate accepted; User-Agent from the policy.
 *   - HTTP 429 and 5xx retried with exponential backoff (retry_base_ms,
 *     doubling), or after the server's Retry-After (seconds) when it sends
 *     one; a Retry-After above max_retry_wait_ms fails at once instead. A
 *     retry is a timer (see http_next_timeout_ms), never a sleep.
 *   - transport errors (refused, timeout, TLS, too large) are not retried.
 *   - an optional deadline (http_set_deadline) bounds everything: each
 *     attempt's timeout is cut to the time left, and a retry or
 *     Retry-After that would start after it fails the request at once.
 *
 * One thread. Typical TUI loop:
 *
 *     struct curl_waitfd in = { .fd = STDIN_FILENO, .events = CURL_WAIT_POLLIN };
 *     for (;;) {
 *         http_step(h);                        // never blocks; runs callbacks
 *         if (http_wait(h, &in, 1, ui_timeout_ms) < 0) break;
 *         if (in.revents) ... drain keys ...
 *     }
 *
 * Command-line use: http_add() a few requests, then http_run(h).
 *
 * Nothing here prints; every failure comes back as a message. */
#ifndef STAKETOP_HTTP_H
#define STAKETOP_HTTP_H

#include <stddef.h>

#include <curl/curl.h>

#define HTTP_MAX_REDIRECTS 3
#define HTTP_ERROR_MAX 256
#define HTTP_BYTES_LIMIT ((size_t)1 << 30) /* largest allowed policy.max_bytes */

struct http_policy {
	long connect_timeout_ms;  /* > 0: TCP + TLS handshake, per attempt */
	long total_timeout_ms;    /* > 0: whole transfer, per attempt */
	size_t max_bytes;         /* 1..HTTP_BYTES_LIMIT: largest accepted body
	                           * (after gzip decoding) */
	int max_retries;          /* >= 0: retries after the first attempt */
	long retry_base_ms;       /* >= 0: first backoff delay; doubles per retry */
	long max_retry_wait_ms;   /* >= 0: longest single wait (backoff is clipped
	                           * to it; a longer Retry-After fails at once) */
	const char *user_agent;   /* full header value, e.g. "staketop/0.1.0";
	                           * NULL: "staketop/" STAKETOP_VERSION. Copied. */
};

/* The defaults: 5 s connect, 15 s total, 4 MiB, 3 retries from 500 ms,
 * waits of at most 30 s, the default User-Agent. */
struct http_policy http_policy_default(void);

/* What to fetch. Everything is copied by http_add(); the caller may free or
 * reuse it as soon as http_add() returns. */
struct http_request {
	const char *url;                 /* absolute https:// (or loopback http://) URL */
	const char *body;                /* NULL: GET. Else POST with this body and
	                                  * "Content-Type: application/json" */
	size_t body_len;                 /* bytes of body; 0 means strlen(body) */
	const char *const *headers;      /* optional NULL-terminated "Name: value"
	                                  * lines (no CR/LF inside); may be NULL */
};

/* The outcome, handed to the done callback. Owned by the layer and valid
 * only during the callback: copy what you keep. */
struct http_response {
	long status;             /* last HTTP status; 0 if no response arrived */
	const char *body;        /* last response body, NUL-terminated (the NUL
	                          * is not counted in len); "" when none, and
	                          * "" after a transport error (no partial body) */
	size_t len;
	double seconds;          /* from http_add() to completion, retries included */
	long retry_after_s;      /* the last response's Retry-After in seconds, -1
	                          * when it sent none (set also when not honoured) */
	int attempts;            /* 1 + retries made */
	char error[HTTP_ERROR_MAX]; /* "" on success (transport ok and 2xx), else a
	                          * human message: "HTTP 404", "timeout after 5000 ms",
	                          * "connection refused", "response larger than N
	                          * bytes", "HTTP 503 (gave up after 3 retries)",
	                          * "HTTP 429, Retry-After 119 s exceeds limit ..." */
};

/* Called exactly once per request accepted by http_add(), from inside
 * http_step()/http_run(). It may call http_add(); it must not call
 * http_step(), http_wait(), http_run() or http_free(). */
typedef void (*http_done_fn)(const struct http_response *res, void *ctx);

struct http;

/* A new layer with a copy of *policy (NULL: http_policy_default()). Returns
 * NULL when out of memory, when libcurl cannot start, or when a policy value
 * is out of range. Free with http_free(). */
struct http *http_new(const struct http_policy *policy);

/* From now on, no attempt runs and no retry starts more than ms
 * milliseconds from now (ms <= 0: no deadline). Requests already waiting
 * are held to it too. Messages: "refresh deadline of 20 s reached",
 * "HTTP 429, Retry-After 29 s is past the deadline". */
void http_set_deadline(struct http *h, long ms);

/* Drops every pending request (their callbacks are NOT called) and frees
 * the layer. NULL is fine. */
void http_free(struct http *h);

/* Queues a request; it starts on the next http_step(). Returns 0 and will
 * call done(res, ctx) exactly once later; or returns -1 with a message in
 * err (when err != NULL) and never calls done — for a URL the policy
 * refuses (no connection is attempted), a malformed URL or header, or
 * out of memory. */
int http_add(struct http *h, const struct http_request *req, http_done_fn done,
             void *ctx, char *err, size_t errlen);

/* Moves every transfer forward without blocking: starts retries that are
 * due, reads and writes sockets, runs the done callbacks of finished
 * requests. Returns the number of requests still pending (in flight or
 * waiting for a retry), or -1 on a libcurl multi error (or when called
 * from a done callback). */
int http_step(struct http *h);

/* Waits until a socket of a transfer or one of the caller's extra
 * descriptors is ready, or the next timer (libcurl's, or a scheduled
 * retry) is due, or max_timeout_ms passes (negative: no cap of the
 * caller's own). Fills extra[i].revents. Returns the number of ready
 * descriptors (0 on timeout), or -1 on error. Call http_step() after. */
int http_wait(struct http *h, struct curl_waitfd *extra, unsigned n_extra,
              int max_timeout_ms);

/* Milliseconds until the layer needs http_step() again even without
 * socket activity (libcurl's timers, scheduled retries): 0 = now,
 * -1 = no timer (nothing pending). */
long http_next_timeout_ms(const struct http *h);

/* Requests accepted and not yet completed (in flight or waiting to retry). */
int http_pending(const struct http *h);

/* Drives every pending request to completion (callbacks included).
 * Returns 0, or -1 on a libcurl multi error. */
int http_run(struct http *h);

#endif
