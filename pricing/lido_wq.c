/* lido_wq.c — Lido wq-api: the request URL and the parser of its answer. */
#include "pricing/lido_wq.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "pricing/feed.h"

int lido_wq_build_url(const char *base, dec_t amount_eth, char *out, size_t outlen)
{
	char amount[DEC_STR_MAX];
	size_t blen = base ? feed_base_len(base) : 0;
	if (!out || outlen == 0)
		return -1;
	out[0] = '\0';
	if (blen == 0 || dec_is_neg(amount_eth) || dec_is_zero(amount_eth))
		return -1;
	dec_format(amount_eth, amount, sizeof amount);
	int m = snprintf(out, outlen, "%.*s/v2/request-time/calculate?amount=%s", (int)blen, base,
	                 amount);
	if (m < 0 || (size_t)m >= outlen) {
		out[0] = '\0';
		return -1;
	}
	return 0;
}

/* A response string quoted for a message: sanitized and cut short. */
static void quote(char *dst, size_t dstlen, const cJSON *s)
{
	feed_quote(dst, dstlen, s->valuestring, strlen(s->valuestring), FEED_QUOTE_MAX);
}

/* 0 when status is a string saying an estimate is there, else -1 with a
 * message; st gets the quoted status for later messages. */
static int check_status(const cJSON *root, char *st, size_t stlen, char *err, size_t errlen)
{
	const cJSON *s = cJSON_GetObjectItemCaseSensitive(root, "status");
	if (!s)
		return feed_fail(err, errlen, "status missing");
	if (!cJSON_IsString(s))
		return feed_fail_type(err, errlen, "a string", "status", s);
	quote(st, stlen, s);
	if (strcmp(s->valuestring, "calculated") == 0 || strcmp(s->valuestring, "finalized") == 0)
		return 0;
	if (strcmp(s->valuestring, "initializing") == 0 || strcmp(s->valuestring, "calculating") == 0)
		return feed_fail(err, errlen, "status '%s': no estimate yet", st);
	return feed_fail(err, errlen, "unexpected status '%s'", st);
}

int lido_wq_parse(const char *body, size_t len, int64_t now, struct unbond_queue_api *out,
                  char *err, size_t errlen)
{
	char st[FEED_QUOTE_MAX + 8] = "";
	int rc = -1;
	if (err && errlen)
		err[0] = '\0';
	if (!out)
		return feed_fail(err, errlen, "no output");
	memset(out, 0, sizeof *out);
	cJSON *root = feed_json_parse(body, len, err, errlen);
	if (!root)
		return -1;
	if (!cJSON_IsObject(root)) {
		feed_fail_type(err, errlen, "an object", "(root)", root);
		goto done;
	}
	if (check_status(root, st, sizeof st, err, errlen) < 0)
		goto done;
	const cJSON *ri = cJSON_GetObjectItemCaseSensitive(root, "requestInfo");
	if (!ri || cJSON_IsNull(ri)) {
		feed_fail(err, errlen, "requestInfo is %s (status '%s')", ri ? "null" : "missing", st);
		goto done;
	}
	if (!cJSON_IsObject(ri)) {
		feed_fail_type(err, errlen, "an object", "requestInfo", ri);
		goto done;
	}
	const cJSON *fi = cJSON_GetObjectItemCaseSensitive(ri, "finalizationIn");
	if (!fi || cJSON_IsNull(fi)) {
		feed_fail(err, errlen, "requestInfo.finalizationIn is %s", fi ? "null" : "missing");
		goto done;
	}
	if (!cJSON_IsNumber(fi)) {
		feed_fail_type(err, errlen, "a number", "requestInfo.finalizationIn", fi);
		goto done;
	}
	double ms = fi->valuedouble;
	if (!isfinite(ms)) {
		feed_fail(err, errlen, "requestInfo.finalizationIn is not finite");
		goto done;
	}
	if (ms < 0 || ms > (double)LIDO_WQ_MAX_MS) {
		feed_fail(err, errlen, "requestInfo.finalizationIn out of range (%g ms; 0 to one year)",
		          ms);
		goto done;
	}
	out->has = true;
	out->finalization_in_ms = (int64_t)ceil(ms); /* never sooner than said */
	out->observed_at = now;
	snprintf(out->label, sizeof out->label, "%s", LIDO_WQ_LABEL);
	rc = 0;
done:
	cJSON_Delete(root);
	return rc;
}
