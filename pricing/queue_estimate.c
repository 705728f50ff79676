/* queue_estimate.c — one wq-api request for `staketop unbond`. */
#include "pricing/queue_estimate.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "pricing/http.h"
#include "pricing/lido_wq.h"

#define QUEUE_ESTIMATE_MAX_BYTES (64u * 1024u)
/* a configured URL (at most 255 bytes) and the query for the amount */
#define QUEUE_ESTIMATE_URL_MAX (256 + 128)

struct fetch {
	int64_t now;
	struct unbond_queue_api *out;
	int rc;                   /* 0 once a usable estimate was parsed */
	char why[HTTP_ERROR_MAX + 64];
};

static void on_done(const struct http_response *res, void *ctx)
{
	struct fetch *f = ctx;
	if (res->error[0]) {
		snprintf(f->why, sizeof f->why, "%s%s", res->error,
		         res->status == 400 ? " (the service refused the amount)" : "");
		return;
	}
	if (lido_wq_parse(res->body, res->len, f->now, f->out, f->why, sizeof f->why) == 0)
		f->rc = 0;
}

int queue_estimate_fetch(const struct queue_estimate_source *src, const struct asset *as,
                         dec_t amount,
                         int64_t now, struct unbond_queue_api *out, char *err, size_t errlen)
{
	const char *name = "Lido queue";
	char url[QUEUE_ESTIMATE_URL_MAX];
	struct fetch f = { .now = now, .out = out, .rc = -1, .why = "" };
	memset(out, 0, sizeof *out);
	if (err && errlen)
		err[0] = '\0';
	if (strcmp(as->unbond.estimate_api, "lido-wq") != 0 || !src->lido_wq_url ||
	    !src->lido_wq_url[0] || src->offline)
		return 1;
	if (lido_wq_build_url(src->lido_wq_url, amount, url, sizeof url) < 0) {
		snprintf(err, errlen, "%s estimate unavailable: no URL for this amount", name);
		return -1;
	}

	/* One try: a failure costs nothing but precision (the catalog's range
	 * stands in), so the command does not wait through retries. */
	struct http_policy pol = http_policy_default();
	pol.total_timeout_ms = (long)src->timeout_seconds * 1000;
	if (pol.connect_timeout_ms > pol.total_timeout_ms)
		pol.connect_timeout_ms = pol.total_timeout_ms;
	pol.max_retries = 0;
	pol.max_bytes = QUEUE_ESTIMATE_MAX_BYTES;
	struct http *h = http_new(&pol);
	if (!h) {
		snprintf(err, errlen, "%s estimate unavailable: the HTTP layer could not start", name);
		return -1;
	}
	struct http_request req = { .url = url };
	if (http_add(h, &req, on_done, &f, f.why, sizeof f.why) < 0 || http_run(h) < 0) {
		if (!f.why[0])
			snprintf(f.why, sizeof f.why, "the HTTP layer failed");
		f.rc = -1;
	}
	http_free(h);
	if (f.rc != 0) {
		memset(out, 0, sizeof *out);
		snprintf(err, errlen, "%s estimate unavailable: %s", name, f.why);
		return -1;
	}
	return 0;
}
