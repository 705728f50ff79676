/* refresh.c — every feed's requests at once over the HTTP layer; each
 * response parsed as it arrives; prices merged (CoinGecko first, DefiLlama
 * for what CoinGecko did not give) when the last one is in. */
#include "pricing/refresh.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pricing/coingecko.h"
#include "pricing/eth_rpc.h"
#include "pricing/feed.h"
#include "pricing/http.h"
#include "pricing/llama_coins.h"
#include "pricing/llama_yields.h"
#include "pricing/rest_json.h"
#include "pricing/sol_rpc.h"
#include "positions/text.h"

enum feed_id { F_COINGECKO, F_LLAMA, F_YIELDS, F_ETH, F_SOL, F_STRIDE, F_CHAINS, F_COUNT };

static const char *const feed_names[F_COUNT] = {
	"coingecko", "defillama", "defillama-yields", "eth_rpc", "sol_rpc", "stride_rest",
	"chains",
};
/* The rest_json base each REST feed serves. */
static const char *const rest_base_of[F_COUNT] = { [F_STRIDE] = "stride" };

#define DEFAULT_MAX_BYTES (32u * 1024u * 1024u)
#define DEFAULT_CG_IDS 50

struct feed_state {
	bool on;
	int pending;               /* requests not yet answered */
	struct feed_report rep;
	struct obs_list obs;       /* what this feed took */
};

/* Each request's callback context: which feed, for eth_rpc whether it
 * is the batch (a node refusing batches gets single calls), for a REST
 * feed the catalog index of the asset asked about. */
struct req {
	struct refresh *r;
	enum feed_id feed;
	bool eth_batch;
	size_t asset;
};

struct refresh {
	const struct catalog *cat;
	char *url[F_COUNT];
	char *cg_key, *currency;
	size_t cg_max_ids, llama_max_keys;
	struct http *http;
	struct feed_state f[F_COUNT];
	struct req ctx[F_COUNT];
	struct req eth_single;
	struct req *rest;          /* one per catalog asset, for REST feeds */
	struct obs_list merged;
	struct epoch_seen epoch;
	struct feed_report reports[F_COUNT];
	size_t n_reports;
	bool running;
	int64_t now;
	long deadline_ms;
	int64_t hold[F_COUNT];     /* unix s: ask nothing of the feed before */
	struct chain_reader *chains;
	struct chain_target *targets;
	size_t n_targets;
};

static char *dup_or_empty(const char *s)
{
	return strdup(s ? s : "");
}

struct refresh *refresh_new(const struct catalog *cat, const struct refresh_config *cfg,
                            char *err, size_t errlen)
{
	struct refresh *r = calloc(1, sizeof *r);
	if (!r) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	r->cat = cat;
	const char *urls[F_COUNT] = { cfg->coingecko_url, cfg->defillama_coins_url,
		                      cfg->defillama_yields_url, cfg->eth_rpc_url, cfg->sol_rpc_url,
		                      cfg->stride_rest_url, "" };
	const struct chain_config cc = {
		.eth_rpc_url = cfg->eth_rpc_url, .sol_rpc_url = cfg->sol_rpc_url,
		.beacon_url = cfg->beacon_url, .cosmos_rest_url = cfg->cosmos_rest_url,
		.polkadot_sidecar_url = cfg->polkadot_sidecar_url,
		.beacon_genesis_time = cfg->beacon_genesis_time,
		.beacon_sweep_s = cfg->beacon_sweep_s,
		.polkadot_era_s = cfg->polkadot_era_s > 0 ? cfg->polkadot_era_s : 86400,
	};
	bool ok = true;
	r->rest = calloc(cat && cat->n ? cat->n : 1, sizeof *r->rest);
	ok = r->rest != NULL;
	for (int i = 0; i < F_COUNT; i++) {
		r->url[i] = dup_or_empty(urls[i]);
		ok = ok && r->url[i];
		r->ctx[i] = (struct req){ r, (enum feed_id)i, i == F_ETH, 0 };
	}
	r->eth_single = (struct req){ r, F_ETH, false, 0 };
	r->cg_key = dup_or_empty(cfg->coingecko_api_key);
	r->currency = dup_or_empty(cfg->currency && cfg->currency[0] ? cfg->currency : "usd");
	r->cg_max_ids = cfg->coingecko_max_ids ? cfg->coingecko_max_ids : DEFAULT_CG_IDS;
	r->llama_max_keys = cfg->llama_max_keys;
	r->deadline_ms = cfg->deadline_ms;
	struct http_policy pol = http_policy_default();
	if (cfg->timeout_ms > 0)
		pol.total_timeout_ms = cfg->timeout_ms;
	if (cfg->connect_timeout_ms > 0)
		pol.connect_timeout_ms = cfg->connect_timeout_ms;
	if (pol.connect_timeout_ms > pol.total_timeout_ms)
		pol.connect_timeout_ms = pol.total_timeout_ms;
	pol.max_bytes = cfg->max_bytes ? cfg->max_bytes : DEFAULT_MAX_BYTES;
	if (cfg->max_retries != 0)
		pol.max_retries = cfg->max_retries < 0 ? 0 : cfg->max_retries;
	if (cfg->retry_base_ms > 0)
		pol.retry_base_ms = cfg->retry_base_ms;
	r->chains = cat ? chain_reader_new(cat, &cc) : NULL;
	if (ok && r->cg_key && r->currency && r->chains)
		r->http = http_new(&pol);
	if (!r->http) {
		snprintf(err, errlen, "cannot start the HTTP layer (libcurl)");
		refresh_free(r);
		return NULL;
	}
	return r;
}

static void clear_round(struct refresh *r)
{
	for (int i = 0; i < F_COUNT; i++) {
		obs_list_free(&r->f[i].obs);
		memset(&r->f[i], 0, sizeof r->f[i]);
	}
	obs_list_free(&r->merged);
	memset(&r->epoch, 0, sizeof r->epoch);
	r->n_reports = 0;
}

void refresh_free(struct refresh *r)
{
	if (!r)
		return;
	http_free(r->http);
	clear_round(r);
	for (int i = 0; i < F_COUNT; i++)
		free(r->url[i]);
	free(r->cg_key);
	free(r->currency);
	free(r->rest);
	chain_reader_free(r->chains);
	free(r->targets);
	free(r);
}

/* A feed's first error wins; later ones are counted in the message. */
static void feed_error(struct feed_state *f, const char *msg)
{
	if (!msg[0])
		return;
	if (!f->rep.error[0])
		text_copy_clean(f->rep.error, sizeof f->rep.error, msg);
}

void refresh_hold(struct refresh *r, const char *feed, int64_t until)
{
	for (int i = 0; i < F_COUNT; i++)
		if (strcmp(feed, feed_names[i]) == 0 && until > r->hold[i])
			r->hold[i] = until;
}

static int parse_into(enum feed_id id, struct refresh *r, const char *body, size_t len,
                      char *err, size_t errlen)
{
	struct obs_list *out = &r->f[id].obs;
	switch (id) {
	case F_COINGECKO:
		return coingecko_parse(body, len, r->cat, r->currency, r->now, out, err, errlen);
	case F_LLAMA:
		return llama_coins_parse(body, len, r->cat, r->currency, r->now, out, err, errlen);
	case F_YIELDS:
		return llama_yields_parse(body, len, r->cat, r->currency, r->now, out, err, errlen);
	case F_ETH:
		return eth_rpc_parse(body, len, r->cat, r->currency, r->now, out, err, errlen);
	case F_SOL: {
		struct sol_epoch e;
		char e_err[64];
		if (sol_rpc_parse_epoch(body, len, &e, e_err, sizeof e_err) == 0) {
			r->epoch.has = true;
			r->epoch.epoch = e.epoch;
			r->epoch.slot_index = e.slot_index;
			r->epoch.slots_in_epoch = e.slots_in_epoch;
			r->epoch.observed_at = r->now;
		}
		return sol_rpc_parse(body, len, r->cat, r->currency, r->now, out, err, errlen);
	}
	case F_STRIDE:
		break; /* per asset: see parse_rest */
	case F_CHAINS:
		break; /* pricing/chains/reader.c */
	case F_COUNT:
		break;
	}
	return -1;
}

static int add_request(struct refresh *r, struct req *ctx, const char *url, const char *body,
                       const char *const *headers, char *err, size_t errlen);

/* The node refused the batch: ask once per asset instead. */
static void eth_fall_back(struct refresh *r)
{
	char err[FEED_ERROR_MAX];
	for (size_t i = 0; i < r->cat->n; i++) {
		const struct asset *a = &r->cat->assets[i];
		if (a->rate.type != RATE_EVM_CALL)
			continue;
		char *body = eth_rpc_build_single(a, ETH_RPC_ID(i));
		if (!body || add_request(r, &r->eth_single, r->url[F_ETH], body, NULL, err,
		                         sizeof err) < 0)
			feed_error(&r->f[F_ETH], body ? err : "out of memory");
		free(body);
	}
}

static void finish_round(struct refresh *r);

static void finish_if_done(struct refresh *r)
{
	for (int i = 0; i < F_COUNT; i++)
		if (r->f[i].on && r->f[i].pending > 0)
			return;
	finish_round(r);
}

/* The watched addresses are all read: their report, then the round may end. */
static void chains_idle(void *vr)
{
	struct refresh *r = vr;
	struct feed_state *f = &r->f[F_CHAINS];
	size_t n, bad = 0;
	const struct chain_result *res = chain_reader_results(r->chains, &n);
	f->pending = 0;
	f->rep.done = true;
	f->rep.finished_at = r->now;
	f->rep.http_status = 200;
	for (size_t i = 0; i < n; i++) {
		if (res[i].ok) {
			f->rep.values += (long)res[i].items.n;
			continue;
		}
		if (bad++ == 0) {
			char msg[FEED_ERROR_MAX];
			snprintf(msg, sizeof msg, "%s %.40s: %s", watch_chain_name(res[i].t.chain),
			         res[i].t.address, res[i].error);
			feed_error(f, msg);
		}
	}
	if (bad > 1) {
		size_t len = strlen(f->rep.error);
		char more[40];
		snprintf(more, sizeof more, " and %zu more", bad - 1);
		if (len + strlen(more) >= sizeof f->rep.error)
			len = sizeof f->rep.error - strlen(more) - 1;
		snprintf(f->rep.error + len, sizeof f->rep.error - len, "%s", more);
	}
	if (r->running)
		finish_if_done(r);
}

static void on_done(const struct http_response *res, void *vctx)
{
	struct req *ctx = vctx;
	struct refresh *r = ctx->r;
	struct feed_state *f = &r->f[ctx->feed];
	char err[FEED_ERROR_MAX] = "";
	f->pending--;
	f->rep.http_status = res->status;
	if (res->seconds > f->rep.latency_s)
		f->rep.latency_s = res->seconds;
	const int64_t until = feed_hold_until(res->error[0] != 0, res->status, res->seconds,
	                                      res->retry_after_s, r->now);
	if (until) {
		/* the provider said when to come back: not before then, from any
		 * refresh (the caller keeps blocked_until) */
		char msg[HTTP_ERROR_MAX + 64];
		if (until > f->rep.blocked_until)
			f->rep.blocked_until = until;
		refresh_hold(r, feed_names[ctx->feed], until);
		feed_rate_limited(msg, sizeof msg, f->rep.blocked_until);
		snprintf(msg + strlen(msg), sizeof msg - strlen(msg), " (%s)", res->error);
		feed_error(f, msg);
	} else if (res->error[0]) {
		char msg[HTTP_ERROR_MAX + 96];
		char snippet[80] = "";
		if (res->len && res->status >= 400)
			feed_quote(snippet, sizeof snippet, res->body, res->len, 60);
		snprintf(msg, sizeof msg, "%s%s%s", res->error, snippet[0] ? ": " : "", snippet);
		feed_error(f, msg);
	} else {
		size_t before = f->obs.n;
		int n = rest_base_of[ctx->feed]
		            ? rest_json_parse(res->body, res->len, &r->cat->assets[ctx->asset], r->now,
		                              &f->obs, err, sizeof err)
		            : parse_into(ctx->feed, r, res->body, res->len, err, sizeof err);
		if (n < 0 && ctx->feed == F_ETH && ctx->eth_batch && res->len &&
		    feed_json_ws(res->body, res->len, 0) < res->len &&
		    res->body[feed_json_ws(res->body, res->len, 0)] == '{') {
			/* one error object for the whole batch: try single calls */
			eth_fall_back(r);
		} else if (n < 0) {
			f->obs.n = before;
			feed_error(f, err);
		} else {
			feed_error(f, err);
		}
	}
	if (f->pending == 0) {
		f->rep.done = true;
		f->rep.finished_at = r->now;
	}
	finish_if_done(r);
}

static int add_request(struct refresh *r, struct req *ctx, const char *url, const char *body,
                       const char *const *headers, char *err, size_t errlen)
{
	const struct http_request req = { .url = url, .body = body, .headers = headers };
	if (http_add(r->http, &req, on_done, ctx, err, errlen) < 0)
		return -1;
	r->f[ctx->feed].pending++;
	return 0;
}

static bool has_obs(const struct obs_list *l, const char *sym, enum obs_kind k)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].kind == k && strcmp(l->v[i].asset, sym) == 0)
			return true;
	return false;
}

/* All answers are in: CoinGecko's prices, DefiLlama's for the assets
 * CoinGecko did not price, then yields and rates. */
static void finish_round(struct refresh *r)
{
	struct obs_list *m = &r->merged;
	bool oom = false;
	for (int i = 0; i < F_COUNT; i++) {
		struct feed_state *f = &r->f[i];
		long taken = 0;
		for (size_t k = 0; k < f->obs.n; k++) {
			const struct observation *o = &f->obs.v[k];
			/* one value per asset and kind: a split request's answers may
			 * overlap, and CoinGecko's price wins over DefiLlama's */
			if (has_obs(m, o->asset, o->kind))
				continue;
			oom |= obs_list_push(m, o) < 0;
			taken++;
		}
		if (i != F_CHAINS)
			f->rep.values = taken;
		if (!f->on)
			continue;
		f->rep.done = true;
		f->rep.ok = f->rep.error[0] == 0;
		r->reports[r->n_reports++] = f->rep;
	}
	if (oom)
		snprintf(r->reports[0].error, sizeof r->reports[0].error, "out of memory");
	r->running = false;
}

static void start_feed(struct refresh *r, enum feed_id id, char *const *urls, size_t n_urls,
                       const char *body, const char *const *headers)
{
	char err[FEED_ERROR_MAX];
	struct feed_state *f = &r->f[id];
	for (size_t i = 0; i < n_urls; i++)
		if (add_request(r, &r->ctx[id], urls[i], body, headers, err, sizeof err) < 0)
			feed_error(f, err);
}

int refresh_start(struct refresh *r, int64_t now, char *err, size_t errlen)
{
	if (r->running) {
		snprintf(err, errlen, "a refresh is already running");
		return -1;
	}
	clear_round(r);
	r->now = now;
	r->running = true;
	http_set_deadline(r->http, r->deadline_ms);
	bool held[F_COUNT];
	for (int i = 0; i < F_COUNT; i++) {
		snprintf(r->f[i].rep.name, sizeof r->f[i].rep.name, "%s", feed_names[i]);
		r->f[i].on = r->url[i][0] != 0;
		held[i] = r->f[i].on && r->hold[i] > now;
		if (held[i]) {
			r->f[i].rep.blocked_until = r->hold[i];
			feed_rate_limited(r->f[i].rep.error, sizeof r->f[i].rep.error, r->hold[i]);
		}
	}
	char **urls = NULL;
	size_t n = 0;
	char key_header[256];
	const char *headers[2] = { NULL, NULL };

	if (r->f[F_COINGECKO].on && !held[F_COINGECKO]) {
		if (coingecko_api_key_header(r->url[F_COINGECKO], r->cg_key, key_header,
		                             sizeof key_header) == 0)
			headers[0] = key_header;
		if (coingecko_build_urls(r->cat, r->url[F_COINGECKO], r->currency, r->cg_max_ids,
		                         &urls, &n) < 0)
			feed_error(&r->f[F_COINGECKO], "cannot build the request (currency?)");
		start_feed(r, F_COINGECKO, urls, n, NULL, headers[0] ? headers : NULL);
		feed_urls_free(urls, n);
	}
	if (r->f[F_LLAMA].on && !held[F_LLAMA]) {
		if (llama_coins_build_urls(r->cat, r->url[F_LLAMA], NULL, 0, r->llama_max_keys, &urls,
		                           &n) < 0)
			feed_error(&r->f[F_LLAMA], "cannot build the request");
		start_feed(r, F_LLAMA, urls, n, NULL, NULL);
		feed_urls_free(urls, n);
	}
	if (r->f[F_YIELDS].on && !held[F_YIELDS]) {
		char *url = llama_yields_build_url(r->url[F_YIELDS]);
		if (url)
			start_feed(r, F_YIELDS, &url, 1, NULL, NULL);
		else
			feed_error(&r->f[F_YIELDS], "out of memory");
		free(url);
	}
	if (r->f[F_ETH].on && !held[F_ETH]) {
		char *body = NULL;
		int *ids = NULL;
		if (eth_rpc_build_batch(r->cat, &body, &ids, &n) < 0)
			feed_error(&r->f[F_ETH], "out of memory");
		else if (body)
			start_feed(r, F_ETH, &r->url[F_ETH], 1, body, NULL);
		free(body);
		free(ids);
	}
	if (r->f[F_SOL].on && !held[F_SOL]) {
		char *body = NULL;
		if (sol_rpc_build_batch(r->cat, &body, &n) < 0)
			feed_error(&r->f[F_SOL], "out of memory");
		else
			start_feed(r, F_SOL, &r->url[F_SOL], 1, body, NULL);
		free(body);
	}
	for (int id = 0; id < F_COUNT; id++) {
		if (!rest_base_of[id] || !r->f[id].on)
			continue;
		char err2[FEED_ERROR_MAX];
		for (size_t i = 0; i < r->cat->n; i++) {
			const struct asset *a = &r->cat->assets[i];
			if (a->rate.type != RATE_REST_JSON || strcmp(a->rate.rest_base, rest_base_of[id]))
				continue;
			char *url = rest_json_build_url(r->url[id], a);
			const char *why = rest_json_check_source(a);
			r->rest[i] = (struct req){ r, (enum feed_id)id, false, i };
			if (!url) {
				snprintf(err2, sizeof err2, "%s: rate source %s", a->symbol,
				         why ? why : "out of memory");
				feed_error(&r->f[id], err2);
			} else if (add_request(r, &r->rest[i], url, NULL, NULL, err2, sizeof err2) < 0) {
				feed_error(&r->f[id], err2);
			}
			free(url);
		}
	}
	r->f[F_CHAINS].on = r->n_targets > 0;
	if (r->n_targets) {
		r->f[F_CHAINS].pending = 1; /* until chains_idle */
		if (chain_reader_start(r->chains, r->http, r->targets, r->n_targets, now, chains_idle,
		                       r) < 0) {
			feed_error(&r->f[F_CHAINS], "out of memory");
			r->f[F_CHAINS].pending = 0;
		} else if (chain_reader_pending(r->chains) == 0) {
			r->running = false; /* not finishing from inside */
			chains_idle(r);
			r->running = true;
		}
	}
	/* a feed with nothing to ask (or whose requests were all refused) is
	 * finished already */
	bool any = false;
	for (int i = 0; i < F_COUNT; i++) {
		if (r->f[i].on && r->f[i].pending == 0)
			r->f[i].rep.done = true;
		any |= r->f[i].pending > 0;
	}
	if (!any)
		finish_round(r);
	return 0;
}

int refresh_step(struct refresh *r)
{
	int n = http_step(r->http);
	return n < 0 ? -1 : n;
}

int refresh_http_wait(struct http *h, struct refresh_waitfd *extra, unsigned n_extra,
                      int max_timeout_ms)
{
	struct curl_waitfd fds[REFRESH_WAIT_MAX_FDS];
	if (n_extra > REFRESH_WAIT_MAX_FDS)
		return -1;
	for (unsigned i = 0; i < n_extra; i++) {
		fds[i].fd = extra[i].fd;
		fds[i].events = (short)(((extra[i].events & POLLIN) ? CURL_WAIT_POLLIN : 0) |
		                        ((extra[i].events & POLLPRI) ? CURL_WAIT_POLLPRI : 0) |
		                        ((extra[i].events & POLLOUT) ? CURL_WAIT_POLLOUT : 0));
		fds[i].revents = 0;
	}
	int rc = http_wait(h, fds, n_extra, max_timeout_ms);
	for (unsigned i = 0; i < n_extra; i++)
		extra[i].revents = (short)(((fds[i].revents & CURL_WAIT_POLLIN) ? POLLIN : 0) |
		                           ((fds[i].revents & CURL_WAIT_POLLPRI) ? POLLPRI : 0) |
		                           ((fds[i].revents & CURL_WAIT_POLLOUT) ? POLLOUT : 0));
	return rc;
}

int refresh_wait(struct refresh *r, struct refresh_waitfd *extra, unsigned n_extra,
                 int max_timeout_ms)
{
	return refresh_http_wait(r->http, extra, n_extra, max_timeout_ms);
}

int refresh_run(struct refresh *r)
{
	return http_run(r->http);
}

bool refresh_running(const struct refresh *r)
{
	return r->running;
}

const struct obs_list *refresh_observations(const struct refresh *r)
{
	return &r->merged;
}

const struct feed_report *refresh_reports(const struct refresh *r, size_t *n)
{
	*n = r->n_reports;
	return r->reports;
}

int refresh_watch(struct refresh *r, const struct chain_target *t, size_t n)
{
	struct chain_target *c = NULL;
	if (n) {
		c = malloc(n * sizeof *c);
		if (!c)
			return -1;
		memcpy(c, t, n * sizeof *c);
	}
	free(r->targets);
	r->targets = c;
	r->n_targets = n;
	return 0;
}

const struct chain_result *refresh_chain_results(const struct refresh *r, size_t *n)
{
	return chain_reader_results(r->chains, n);
}

long refresh_chain_requests(const struct refresh *r)
{
	return chain_reader_requests(r->chains);
}

const struct epoch_seen *refresh_epoch(const struct refresh *r)
{
	return &r->epoch;
}
