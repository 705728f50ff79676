/* feed.h — what the feed parsers share: safe error text, a strict JSON
 * entry point, a string-aware JSON scanner, number checks and a small
 * string builder for request bodies and URLs.
 *
 * Every parser (coingecko.h, llama_coins.h, llama_yields.h, eth_rpc.h,
 * sol_rpc.h) is a pure function from response bytes to observations with
 * one signature:
 *
 *   int X_parse(const char *body, size_t len, const struct catalog *cat,
 *               const char *currency, int64_t now, struct obs_list *out,
 *               char *err, size_t errlen);
 *
 * It returns the number of observations appended to out, or -1 when the
 * response as a whole is unusable (malformed or truncated JSON, the wrong
 * shape, an error object from the service, out of memory); then err says why
 * and out holds nothing new. When some values were bad or missing and others
 * fine, it returns the count taken and err holds the first problem followed
 * by " and N more"; err is "" when everything asked for was taken.
 *
 * Text in err is always safe for a terminal: anything quoted from a
 * response passes feed_quote() (sanitized, at most FEED_QUOTE_MAX bytes)
 * and the whole message passes feed_sanitize(). No I/O, no globals. */
#ifndef STAKETOP_FEED_H
#define STAKETOP_FEED_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "positions/market.h"

#if defined(__GNUC__)
#define FEED_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define FEED_PRINTF(f, a)
#endif

/* Longest piece of outside text quoted in a message, in bytes. */
#define FEED_QUOTE_MAX 64
/* Deepest nesting feed_json_skip() follows. */
#define FEED_JSON_MAX_DEPTH 256

/* --- safe text --------------------------------------------------------- */

/* In place: every escape sequence (ESC, a whole CSI "ESC [ … final" or OSC
 * "ESC ] … BEL" sequence), every control character (C0, DEL, C1), every
 * Unicode line separator and bidirectional override, and every byte of
 * invalid UTF-8 becomes one '?'. The string only gets shorter. */
void feed_sanitize(char *s);

/* dst (size dstlen) gets src[0..n) (stopping at a NUL), at most max bytes
 * of it, cut on a character boundary with "..." appended when cut, then
 * sanitized. */
void feed_quote(char *dst, size_t dstlen, const char *src, size_t n, size_t max);

/* err = the formatted message, sanitized; returns -1, for
 * `return feed_fail(err, errlen, "...")`. err may be NULL. */
int feed_fail(char *err, size_t errlen, const char *fmt, ...) FEED_PRINTF(3, 4);

/* Problems met while taking values: the first one is kept in err, the rest
 * only counted. */
struct feed_issues {
	char *err;
	size_t errlen;
	size_t count;
};

/* Starts with err = "". err may be NULL. */
void feed_issues_init(struct feed_issues *is, char *err, size_t errlen);
void feed_issue(struct feed_issues *is, const char *fmt, ...) FEED_PRINTF(2, 3);
/* Appends " and N more" when there was more than one problem (cutting the
 * first message if needed to make room). */
void feed_issues_finish(struct feed_issues *is);

/* --- a provider's hold -------------------------------------------------- */

/* When a provider may be asked again after answering a request that took
 * seconds (retries included) and failed with status 429 or 503 and a
 * Retry-After of retry_after_s (-1: none sent): now + ceil(seconds) +
 * retry_after_s, the answer's own time rounded up so that the hold never
 * ends early. 0 when the answer asked for no hold (failed is false, another
 * status, or no Retry-After). */
int64_t feed_hold_until(bool failed, long status, double seconds, long retry_after_s,
                        int64_t now);

/* buf = "rate limited until 08:01": until (unix s) as UTC hours and
 * minutes, the minute rounded up so that the time said is never before the
 * one kept. The one wording of a hold, for the feeds and the chain reads. */
void feed_rate_limited(char *buf, size_t len, int64_t until);

/* --- JSON -------------------------------------------------------------- */

enum feed_scan { FEED_SCAN_BAD = -1, FEED_SCAN_OK = 0, FEED_SCAN_TRUNCATED = 1 };

/* Skips one JSON value starting at s[pos] (leading whitespace allowed):
 * string-aware, checks bracket pairing, object syntax and literals (numbers
 * loosely: their characters only). *end is just past the value on OK, the
 * offending byte on BAD, len on TRUNCATED. Never reads past len. */
enum feed_scan feed_json_skip(const char *s, size_t len, size_t pos, size_t *end);

/* Offset of the first byte at or after i that is not JSON whitespace. */
size_t feed_json_ws(const char *s, size_t len, size_t i);

/* The whole body as one JSON value (the caller cJSON_Delete()s it), or NULL
 * with err: "empty response", "not JSON (starts with '<', an HTML page?)",
 * "truncated JSON (ends after 812 bytes)", "malformed JSON at byte 123".
 * Anything but whitespace after the value is malformed. */
cJSON *feed_json_parse(const char *body, size_t len, char *err, size_t errlen);

/* "object", "array", "string", "number", "bool", "null", or "nothing" for
 * NULL. */
const char *feed_json_type(const cJSON *j);

/* -1 with err = "expected <want> at <path>, got <type>". */
int feed_fail_type(char *err, size_t errlen, const char *want, const char *path,
                   const cJSON *got);

/* The value at path as a number times scale, checked with obs_value_check()
 * for kind k. 0 with *out, or -1 after noting one problem in is:
 * "<path> missing", "<path> is null", "<path> is a string ('NaN'), expected
 * a number", "<path> is an object, expected a number", "<path> out of range
 * (1e+300)", "<path> is zero or negative (0)", "<path> is not finite (inf)"
 * (the figure quoted is the raw one, before scaling). */
int feed_json_value(const cJSON *j, const char *path, enum obs_kind k, double scale,
                    struct feed_issues *is, double *out);

/* A feed timestamp (unix seconds, a JSON number) when it is sane: an
 * integer after 2001 and not more than an hour after now (when now > 0);
 * otherwise now. */
int64_t feed_json_ts(const cJSON *j, int64_t now);

/* A JSON-RPC error object as text: "JSON-RPC error -32000 'execution
 * reverted'" (the message quoted, sanitized); a bare string error gives
 * "JSON-RPC error 'text'". */
void feed_rpc_error_text(const cJSON *error, char *buf, size_t buflen);

/* Appends one observation; 0, or -1 when out of memory. */
int feed_push(struct obs_list *out, const char *asset, enum obs_kind k, const char *source,
              int64_t ts, double value);

/* A feed's key for catalog asset i (its coingecko id, its DefiLlama key),
 * or NULL when this asset is not asked of the feed (no key, not selected).
 * Several assets may share a key: one request, one value, every asset. */
typedef const char *(*feed_key_fn)(const struct catalog *cat, size_t i, const void *ctx);

/* Is asset i asked, and the first asked with its key? */
bool feed_key_first(const struct catalog *cat, size_t i, feed_key_fn key_of, const void *ctx);

/* The value read for asset i's key: one observation for asset i and every
 * later asset asked with the same key. 0, or -1 when out of memory. */
int feed_push_key(struct obs_list *out, const struct catalog *cat, size_t i, feed_key_fn key_of,
                  const void *ctx, enum obs_kind k, const char *source, int64_t ts,
                  double value);

/* A JSON-RPC answer's top level: an array (a batch) or one object. One
 * object carrying an error and no id is an error for the whole batch: -1
 * with its text in err; neither array nor object: -1 "expected array at
 * the top level, got …". Else 0, with *batch telling which. */
int feed_rpc_top(const cJSON *root, bool *batch, char *err, size_t errlen);

/* --- building requests ------------------------------------------------- */

/* A growing NUL-terminated string; `failed` sticks after out of memory. */
struct feed_buf {
	char *s;
	size_t len, cap;
	bool failed;
};

void feed_buf_printf(struct feed_buf *b, const char *fmt, ...) FEED_PRINTF(2, 3);
/* Appends src percent-encoded (everything but A-Z a-z 0-9 - . _ ~ : ). */
void feed_buf_urlenc(struct feed_buf *b, const char *src);
/* Gives up the string (the caller frees it); NULL when anything failed. */
char *feed_buf_take(struct feed_buf *b);
void feed_buf_done(struct feed_buf *b);

/* Frees an array of n strings and the array (from the *_build_urls
 * functions). NULL is fine. */
void feed_urls_free(char **urls, size_t n);

/* base without its trailing '/' characters: the length to use. */
size_t feed_base_len(const char *base);

#endif
