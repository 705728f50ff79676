/* reader.c — every watched address's requests over the shared HTTP layer
 * (reader.h). */
#include "pricing/chains/reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pricing/chains/beacon.h"
#include "pricing/chains/cosmos.h"
#include "pricing/chains/eigenlayer.h"
#include "pricing/chains/ethereum.h"
#include "pricing/chains/polkadot.h"
#include "pricing/chains/solana.h"
#include "pricing/feed.h"

enum req_kind { R_ETH_BATCH, R_ETH_SINGLE, R_ETH_EL2, R_SOL, R_BEACON, R_COSMOS, R_DOT_PROGRESS,
	        R_DOT };

struct req {
	struct chain_reader *cr;
	enum req_kind kind;
	size_t target;               /* R_COSMOS, R_DOT */
	enum cosmos_query q;         /* R_COSMOS */
	size_t first, count;         /* R_BEACON: the targets of this chunk */
	struct req *next_alloc;      /* every req, to free them */
};

struct chain_reader {
	const struct catalog *cat;
	char *url[5];                /* eth, sol, beacon, cosmos, dot */
	struct chain_config cfg;
	struct http *h;
	struct chain_result *res;
	size_t n;
	int64_t now;
	int pending;
	long requests;
	void (*idle)(void *);
	void *ctx;
	struct req *reqs;
	/* Ethereum single calls gathered into one array */
	struct feed_buf eth_single;
	int eth_single_left;
	int eth_phase;               /* the singles gathered: 1 first batch, 2 EigenLayer's second */
	bool eth_refused;            /* the node refused a batch: singles from now on */
	struct el_shares *el_dep;    /* per Ethereum address (in batch order) */
	/* Polkadot: the era, once */
	bool dot_era_ok;
	uint64_t dot_era;
	char dot_era_err[HTTP_ERROR_MAX + 32];
	char **dot_body;             /* per target, until the era is known */
	size_t *dot_len;
	/* per chain: asked nothing before then (unix s; 0 none) */
	int64_t hold[WCHAIN_COUNT];
};

enum { U_ETH, U_SOL, U_BEACON, U_COSMOS, U_DOT };

struct chain_reader *chain_reader_new(const struct catalog *cat, const struct chain_config *cfg)
{
	struct chain_reader *cr = calloc(1, sizeof *cr);
	if (!cr)
		return NULL;
	cr->cat = cat;
	cr->cfg = *cfg;
	const char *u[5] = { cfg->eth_rpc_url, cfg->sol_rpc_url, cfg->beacon_url,
		             cfg->cosmos_rest_url, cfg->polkadot_sidecar_url };
	for (int i = 0; i < 5; i++) {
		cr->url[i] = strdup(u[i] ? u[i] : "");
		if (!cr->url[i]) {
			chain_reader_free(cr);
			return NULL;
		}
	}
	return cr;
}

static void clear(struct chain_reader *cr)
{
	for (size_t i = 0; i < cr->n; i++) {
		chain_items_free(&cr->res[i].items);
		if (cr->dot_body)
			free(cr->dot_body[i]);
	}
	free(cr->res);
	free(cr->dot_body);
	free(cr->dot_len);
	cr->res = NULL;
	cr->dot_body = NULL;
	cr->dot_len = NULL;
	cr->n = 0;
	while (cr->reqs) {
		struct req *q = cr->reqs;
		cr->reqs = q->next_alloc;
		free(q);
	}
	feed_buf_done(&cr->eth_single);
	cr->eth_single_left = 0;
	cr->eth_phase = 1;
	cr->eth_refused = false;
	free(cr->el_dep);
	cr->el_dep = NULL;
	cr->dot_era_ok = false;
	cr->dot_era_err[0] = '\0';
	cr->requests = 0;
	memset(cr->hold, 0, sizeof cr->hold);
}

void chain_reader_free(struct chain_reader *cr)
{
	if (!cr)
		return;
	clear(cr);
	for (int i = 0; i < 5; i++)
		free(cr->url[i]);
	free(cr);
}

/* The first error of a target wins; its items are dropped. */
static void target_fail(struct chain_reader *cr, size_t i, const char *msg)
{
	struct chain_result *r = &cr->res[i];
	if (!r->error[0]) {
		size_t n = strlen(msg[0] ? msg : "failed");
		if (n >= sizeof r->error)
			n = sizeof r->error - 1;
		memcpy(r->error, msg[0] ? msg : "failed", n);
		r->error[n] = '\0';
		feed_sanitize(r->error);
	}
	r->items.n = 0;
}

static void on_done(const struct http_response *res, void *vctx);

static enum watch_chain chain_of(enum req_kind k)
{
	switch (k) {
	case R_ETH_BATCH:
	case R_ETH_SINGLE:
	case R_ETH_EL2:
		return WCHAIN_ETHEREUM;
	case R_SOL:
		return WCHAIN_SOLANA;
	case R_BEACON:
		return WCHAIN_BEACON;
	case R_COSMOS:
		return WCHAIN_COSMOS;
	case R_DOT_PROGRESS:
	case R_DOT:
		break;
	}
	return WCHAIN_POLKADOT;
}

static bool held(const struct chain_reader *cr, enum watch_chain c)
{
	return cr->hold[c] > cr->now;
}

/* Queue one request; a chain on hold is sent nothing: -1 with "rate
 * limited until HH:MM". */
static int add(struct chain_reader *cr, struct req *proto, const char *url, const char *body,
               char *err, size_t errlen)
{
	if (held(cr, chain_of(proto->kind))) {
		feed_rate_limited(err, errlen, cr->hold[chain_of(proto->kind)]);
		return -1;
	}
	struct req *q = malloc(sizeof *q);
	if (!q) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	*q = *proto;
	q->cr = cr;
	q->next_alloc = cr->reqs;
	cr->reqs = q;
	const struct http_request hr = { .url = url, .body = body };
	if (http_add(cr->h, &hr, on_done, q, err, errlen) < 0)
		return -1;
	cr->pending++;
	cr->requests++;
	return 0;
}

static void fail_chain(struct chain_reader *cr, enum watch_chain c, const char *msg)
{
	for (size_t i = 0; i < cr->n; i++)
		if (cr->res[i].t.chain == c)
			target_fail(cr, i, msg);
}

static void set_height(struct chain_result *r, uint64_t h)
{
	if (h)
		snprintf(r->height, sizeof r->height, "%llu", (unsigned long long)h);
}

/* --- per chain: the answers ---------------------------------------------------- */

/* The Ethereum addresses in batch order; caller frees. */
static const char **eth_addrs(struct chain_reader *cr, size_t *na)
{
	const char **addrs = malloc((cr->n ? cr->n : 1) * sizeof *addrs);
	*na = 0;
	for (size_t i = 0; addrs && i < cr->n; i++)
		if (cr->res[i].t.chain == WCHAIN_ETHEREUM)
			addrs[(*na)++] = cr->res[i].t.address;
	return addrs;
}

/* Send calls: one batch, or (a node refusing batches) each alone, gathered
 * in cr->eth_single for phase. */
static void eth_send(struct chain_reader *cr, const char *batch, char **single, size_t n,
                     int phase, enum req_kind kind)
{
	char err[HTTP_ERROR_MAX];
	if (!cr->eth_refused) {
		struct req p = { .kind = kind };
		if (add(cr, &p, cr->url[U_ETH], batch, err, sizeof err) < 0)
			fail_chain(cr, WCHAIN_ETHEREUM, err);
		return;
	}
	feed_buf_done(&cr->eth_single);
	cr->eth_phase = phase;
	feed_buf_printf(&cr->eth_single, "[");
	for (size_t i = 0; i < n; i++) {
		struct req p = { .kind = R_ETH_SINGLE };
		if (add(cr, &p, cr->url[U_ETH], single[i], err, sizeof err) < 0)
			fail_chain(cr, WCHAIN_ETHEREUM, err);
		else
			cr->eth_single_left++;
	}
}

static void eth_round2(struct chain_reader *cr)
{
	size_t na, n = 0;
	char **single = NULL;
	bool none;
	const char **addrs = eth_addrs(cr, &na);
	char *body = addrs ? ethereum_build_el2(addrs, na, cr->cat, cr->el_dep,
	                                        cr->eth_refused ? &single : NULL, &n, &none)
	                   : NULL;
	if (!body)
		fail_chain(cr, WCHAIN_ETHEREUM, "out of memory");
	else if (!none)
		eth_send(cr, body, single, n, 2, R_ETH_EL2);
	free(body);
	feed_urls_free(single, n);
	free(addrs);
}

static void eth_parse_all(struct chain_reader *cr, const char *body, size_t len)
{
	size_t k = 0;
	bool deposits = false;
	const bool el = ethereum_el_manager(cr->cat) != NULL;
	for (size_t i = 0; i < cr->n; i++) {
		if (cr->res[i].t.chain != WCHAIN_ETHEREUM)
			continue;
		char err[256] = "";
		uint64_t block;
		if (ethereum_parse(body, len, k, cr->cat, &cr->res[i].items, &block, err,
		                   sizeof err) < 0) {
			target_fail(cr, i, err);
		} else if (el && ethereum_parse_el(body, len, k, cr->cat, block, cr->now,
		                                   &cr->el_dep[k], &cr->res[i].items, err,
		                                   sizeof err) < 0) {
			target_fail(cr, i, err);
		} else {
			set_height(&cr->res[i], block);
			deposits |= el && cr->el_dep[k].n > 0;
		}
		k++;
	}
	if (deposits)
		eth_round2(cr);
}

static void eth_parse_el2_all(struct chain_reader *cr, const char *body, size_t len)
{
	size_t k = 0;
	for (size_t i = 0; i < cr->n; i++) {
		if (cr->res[i].t.chain != WCHAIN_ETHEREUM)
			continue;
		char err[256] = "";
		if (!cr->res[i].error[0] &&
		    ethereum_parse_el2(body, len, k, cr->cat, &cr->el_dep[k], &cr->res[i].items, err,
		                       sizeof err) < 0)
			target_fail(cr, i, err);
		k++;
	}
}

static void eth_fall_back(struct chain_reader *cr)
{
	size_t na, n = 0;
	char **single = NULL;
	const char **addrs = eth_addrs(cr, &na);
	char *batch = addrs ? ethereum_build(addrs, na, cr->cat, &single, &n) : NULL;
	free(addrs);
	if (!batch) {
		fail_chain(cr, WCHAIN_ETHEREUM, "out of memory");
		return;
	}
	free(batch);
	cr->eth_refused = true;
	eth_send(cr, NULL, single, n, 1, R_ETH_SINGLE);
	feed_urls_free(single, n);
}

static void eth_done(struct chain_reader *cr, const struct req *q,
                     const struct http_response *res)
{
	if (q->kind == R_ETH_SINGLE) {
		/* gather: a failed call is left out and reported missing */
		if (!res->error[0] && res->len) {
			struct feed_buf *b = &cr->eth_single;
			feed_buf_printf(b, "%s%s", b->len > 1 ? "," : "", res->body);
		}
		if (--cr->eth_single_left == 0) {
			feed_buf_printf(&cr->eth_single, "]");
			char *all = feed_buf_take(&cr->eth_single);
			int phase = cr->eth_phase;
			if (!all)
				fail_chain(cr, WCHAIN_ETHEREUM, "out of memory");
			else if (phase == 1)
				eth_parse_all(cr, all, strlen(all));
			else
				eth_parse_el2_all(cr, all, strlen(all));
			free(all);
		}
		return;
	}
	size_t p = res->len ? feed_json_ws(res->body, res->len, 0) : 0;
	if (q->kind == R_ETH_BATCH && !res->error[0] && p < res->len && res->body[p] == '{') {
		/* one object for the whole batch: the node refuses batches */
		eth_fall_back(cr);
		return;
	}
	if (res->error[0]) {
		fail_chain(cr, WCHAIN_ETHEREUM, res->error);
		return;
	}
	if (q->kind == R_ETH_EL2)
		eth_parse_el2_all(cr, res->body, res->len);
	else
		eth_parse_all(cr, res->body, res->len);
}

static void sol_done(struct chain_reader *cr, const struct http_response *res)
{
	if (res->error[0]) {
		fail_chain(cr, WCHAIN_SOLANA, res->error);
		return;
	}
	size_t k = 0;
	for (size_t i = 0; i < cr->n; i++) {
		if (cr->res[i].t.chain != WCHAIN_SOLANA)
			continue;
		char err[256] = "";
		uint64_t slot;
		if (solana_parse(res->body, res->len, k++, cr->res[i].t.address, cr->cat, cr->now,
		                 &cr->res[i].items, &slot, err, sizeof err) < 0)
			target_fail(cr, i, err);
		else
			set_height(&cr->res[i], slot);
	}
}

static const struct asset *native_of(const struct catalog *cat, const char *chain)
{
	for (size_t i = 0; i < cat->n; i++)
		if (strcmp(cat->assets[i].chain, chain) == 0 && cat->assets[i].model == MODEL_NATIVE)
			return &cat->assets[i];
	return NULL;
}

static void beacon_done(struct chain_reader *cr, const struct req *q,
                        const struct http_response *res)
{
	const char *ids[BEACON_MAX_IDS];
	size_t idx[BEACON_MAX_IDS], m = 0;
	for (size_t i = q->first; i < cr->n && m < q->count; i++)
		if (cr->res[i].t.chain == WCHAIN_BEACON) {
			idx[m] = i;
			ids[m++] = cr->res[i].t.address;
		}
	const struct asset *eth = native_of(cr->cat, "ethereum");
	struct chain_items items = { 0 };
	bool found[BEACON_MAX_IDS];
	char err[256] = "";
	int rc = -1;
	if (!eth)
		snprintf(err, sizeof err, "the catalog has no native ethereum asset");
	else if (res->error[0] && !(res->status == 404 && res->len))
		snprintf(err, sizeof err, "%s", res->error);
	else
		rc = beacon_parse(res->body, res->len, ids, m, eth, cr->cfg.beacon_genesis_time,
		                  cr->cfg.beacon_sweep_s, &items, found, err, sizeof err);
	for (size_t j = 0; j < m; j++) {
		size_t i = idx[j];
		if (rc < 0) {
			target_fail(cr, i, err);
			continue;
		}
		if (!found[j]) {
			target_fail(cr, i, "validator not found (no record yet: a pending deposit?)");
			continue;
		}
		for (size_t k = 0; k < items.n; k++)
			if (items.v[k].tag == (int)j && chain_items_push(&cr->res[i].items, &items.v[k]) < 0)
				target_fail(cr, i, "out of memory");
	}
	chain_items_free(&items);
}

static void cosmos_done(struct chain_reader *cr, const struct req *q,
                        const struct http_response *res)
{
	size_t i = q->target;
	if (res->error[0]) {
		target_fail(cr, i, res->error);
		return;
	}
	if (cr->res[i].error[0])
		return;
	const struct asset *atom = native_of(cr->cat, "cosmos");
	char err[256] = "", *next = NULL;
	if (!atom) {
		target_fail(cr, i, "the catalog has no native cosmos asset");
		return;
	}
	if (cosmos_parse(q->q, res->body, res->len, atom, &cr->res[i].items, &next, err,
	                 sizeof err) < 0) {
		target_fail(cr, i, err);
		return;
	}
	if (next) {
		char *url = cosmos_build_url(cr->url[U_COSMOS], q->q, cr->res[i].t.address, next);
		struct req p = { .kind = R_COSMOS, .target = i, .q = q->q };
		char e2[HTTP_ERROR_MAX];
		if (!url || add(cr, &p, url, NULL, e2, sizeof e2) < 0)
			target_fail(cr, i, url ? e2 : "out of memory");
		free(url);
		free(next);
	}
}

static void dot_parse(struct chain_reader *cr, size_t i)
{
	const struct asset *dot = native_of(cr->cat, "polkadot");
	char err[256] = "";
	uint64_t h;
	if (!cr->dot_era_ok)
		target_fail(cr, i, cr->dot_era_err[0] ? cr->dot_era_err : "no active era");
	else if (!dot)
		target_fail(cr, i, "the catalog has no native polkadot asset");
	else if (polkadot_parse(cr->dot_body[i], cr->dot_len[i], dot, cr->dot_era,
	                        cr->cfg.polkadot_era_s, cr->now, &cr->res[i].items, &h, err,
	                        sizeof err) < 0)
		target_fail(cr, i, err);
	else
		set_height(&cr->res[i], h);
	free(cr->dot_body[i]);
	cr->dot_body[i] = NULL;
}

static bool dot_era_pending(const struct chain_reader *cr)
{
	for (const struct req *q = cr->reqs; q; q = q->next_alloc)
		if (q->kind == R_DOT_PROGRESS && q->target == 0)
			return true;
	return false;
}

static void dot_done(struct chain_reader *cr, struct req *q, const struct http_response *res)
{
	if (q->kind == R_DOT_PROGRESS) {
		q->target = 1; /* answered */
		if (res->error[0])
			snprintf(cr->dot_era_err, sizeof cr->dot_era_err, "staking progress: %s",
			         res->error);
		else if (polkadot_parse_progress(res->body, res->len, &cr->dot_era, cr->dot_era_err,
		                                 sizeof cr->dot_era_err) == 0)
			cr->dot_era_ok = true;
		for (size_t i = 0; i < cr->n; i++)
			if (cr->dot_body[i])
				dot_parse(cr, i);
		return;
	}
	size_t i = q->target;
	if (res->error[0]) {
		target_fail(cr, i, res->error);
		return;
	}
	cr->dot_body[i] = malloc(res->len + 1);
	if (!cr->dot_body[i]) {
		target_fail(cr, i, "out of memory");
		return;
	}
	memcpy(cr->dot_body[i], res->body, res->len + 1);
	cr->dot_len[i] = res->len;
	if (!dot_era_pending(cr))
		dot_parse(cr, i);
}

/* The reads are over: every target of a held chain says until when. */
static void finish(struct chain_reader *cr)
{
	for (size_t i = 0; i < cr->n; i++) {
		struct chain_result *r = &cr->res[i];
		r->ok = r->error[0] == 0;
		if (r->t.chain < WCHAIN_COUNT && held(cr, r->t.chain))
			r->blocked_until = cr->hold[r->t.chain];
	}
}

/* A 429 or 503 that said when to come back: the chain is held until then
 * (the latest such time wins) and *res gets "rate limited until HH:MM
 * (HTTP 429, ...)" as its error. */
static void hold_chain(struct chain_reader *cr, const struct req *q, struct http_response *res)
{
	const int64_t until = feed_hold_until(res->error[0] != 0, res->status, res->seconds,
	                                      res->retry_after_s, cr->now);
	const enum watch_chain c = chain_of(q->kind);
	char msg[HTTP_ERROR_MAX + 64];
	if (!until)
		return;
	if (until > cr->hold[c])
		cr->hold[c] = until;
	feed_rate_limited(msg, sizeof msg, cr->hold[c]);
	snprintf(msg + strlen(msg), sizeof msg - strlen(msg), " (%s)", res->error);
	size_t n = strlen(msg);
	if (n >= sizeof res->error)
		n = sizeof res->error - 1;
	memcpy(res->error, msg, n);
	res->error[n] = '\0';
	/* a single call of a batch: its answer is left out of the gathered
	 * batch, so the message goes to every address here */
	if (q->kind == R_ETH_SINGLE)
		fail_chain(cr, WCHAIN_ETHEREUM, res->error);
}

static void on_done(const struct http_response *res0, void *vctx)
{
	struct req *q = vctx;
	struct chain_reader *cr = q->cr;
	struct http_response copy = *res0;
	const struct http_response *res = &copy;
	hold_chain(cr, q, &copy);
	cr->pending--;
	switch (q->kind) {
	case R_ETH_BATCH:
	case R_ETH_SINGLE:
	case R_ETH_EL2:
		eth_done(cr, q, res);
		break;
	case R_SOL:
		sol_done(cr, res);
		break;
	case R_BEACON:
		beacon_done(cr, q, res);
		break;
	case R_COSMOS:
		cosmos_done(cr, q, res);
		break;
	case R_DOT_PROGRESS:
	case R_DOT:
		dot_done(cr, q, res);
		break;
	}
	if (cr->pending == 0) {
		finish(cr);
		if (cr->idle)
			cr->idle(cr->ctx);
	}
}

/* --- start ----------------------------------------------------------------------- */

static void start_eth(struct chain_reader *cr)
{
	const char **addrs = malloc(cr->n * sizeof *addrs);
	size_t na = 0;
	char err[HTTP_ERROR_MAX];
	if (!addrs) {
		fail_chain(cr, WCHAIN_ETHEREUM, "out of memory");
		return;
	}
	for (size_t i = 0; i < cr->n; i++)
		if (cr->res[i].t.chain == WCHAIN_ETHEREUM)
			addrs[na++] = cr->res[i].t.address;
	char *body = na ? ethereum_build(addrs, na, cr->cat, NULL, NULL) : NULL;
	struct req p = { .kind = R_ETH_BATCH };
	if (na && (!body || add(cr, &p, cr->url[U_ETH], body, err, sizeof err) < 0))
		fail_chain(cr, WCHAIN_ETHEREUM, body ? err : "out of memory");
	free(body);
	free(addrs);
}

static void start_sol(struct chain_reader *cr)
{
	const char **addrs = malloc(cr->n * sizeof *addrs);
	size_t na = 0;
	char err[HTTP_ERROR_MAX];
	if (!addrs) {
		fail_chain(cr, WCHAIN_SOLANA, "out of memory");
		return;
	}
	for (size_t i = 0; i < cr->n; i++)
		if (cr->res[i].t.chain == WCHAIN_SOLANA)
			addrs[na++] = cr->res[i].t.address;
	char *body = na ? solana_build(addrs, na, cr->cat) : NULL;
	struct req p = { .kind = R_SOL };
	if (na && (!body || add(cr, &p, cr->url[U_SOL], body, err, sizeof err) < 0))
		fail_chain(cr, WCHAIN_SOLANA, body ? err : "out of memory");
	free(body);
	free(addrs);
}

static void start_beacon(struct chain_reader *cr)
{
	const char *ids[BEACON_MAX_IDS];
	size_t m = 0, first = 0;
	char err[HTTP_ERROR_MAX];
	for (size_t i = 0; i <= cr->n; i++) {
		bool is = i < cr->n && cr->res[i].t.chain == WCHAIN_BEACON;
		if (is) {
			if (m == 0)
				first = i;
			ids[m++] = cr->res[i].t.address;
		}
		if (m && (m == BEACON_MAX_IDS || i == cr->n)) {
			char *url = NULL, *body = NULL;
			struct req p = { .kind = R_BEACON, .first = first, .count = m };
			if (beacon_build(cr->url[U_BEACON], ids, m, &url, &body) < 0 ||
			    add(cr, &p, url, body, err, sizeof err) < 0) {
				for (size_t k = first; k < cr->n && k <= i; k++)
					if (cr->res[k].t.chain == WCHAIN_BEACON)
						target_fail(cr, k, url ? err : "out of memory");
			}
			free(url);
			free(body);
			m = 0;
		}
	}
}

int chain_reader_start(struct chain_reader *cr, struct http *h, const struct chain_target *t,
                       size_t n, int64_t now, void (*idle)(void *), void *ctx)
{
	clear(cr);
	cr->h = h;
	cr->now = now;
	cr->idle = idle;
	cr->ctx = ctx;
	cr->pending = 0;
	if (n == 0)
		return 0;
	cr->res = calloc(n, sizeof *cr->res);
	cr->dot_body = calloc(n, sizeof *cr->dot_body);
	cr->dot_len = calloc(n, sizeof *cr->dot_len);
	cr->el_dep = calloc(n, sizeof *cr->el_dep);
	if (!cr->res || !cr->dot_body || !cr->dot_len || !cr->el_dep) {
		clear(cr);
		return -1;
	}
	cr->n = n;
	const char *const urls[WCHAIN_COUNT] = { cr->url[U_ETH], cr->url[U_BEACON], cr->url[U_SOL],
		                                 cr->url[U_COSMOS], cr->url[U_DOT] };
	static const char *const keys[WCHAIN_COUNT] = { "eth_rpc_url", "beacon_url", "sol_rpc_url",
		                                        "cosmos_rest_url", "polkadot_sidecar_url" };
	bool any_dot = false;
	for (size_t i = 0; i < n; i++) /* a hold of one address holds its chain */
		if (urls[t[i].chain][0] && t[i].held_until > now &&
		    t[i].held_until > cr->hold[t[i].chain])
			cr->hold[t[i].chain] = t[i].held_until;
	for (size_t i = 0; i < n; i++) {
		cr->res[i].t = t[i];
		if (!urls[t[i].chain][0]) {
			char m[96];
			snprintf(m, sizeof m, "%s is not configured", keys[t[i].chain]);
			target_fail(cr, i, m);
			cr->res[i].t.chain = WCHAIN_COUNT; /* asked nothing */
		} else if (held(cr, t[i].chain)) {
			char m[64];
			feed_rate_limited(m, sizeof m, cr->hold[t[i].chain]);
			target_fail(cr, i, m);
			cr->res[i].t.chain = WCHAIN_COUNT; /* asked nothing */
		}
		any_dot |= cr->res[i].t.chain == WCHAIN_POLKADOT;
	}
	/* an address whose chain is off keeps its chain for the caller */
	start_eth(cr);
	start_sol(cr);
	start_beacon(cr);
	char err[HTTP_ERROR_MAX];
	for (size_t i = 0; i < n; i++) {
		if (cr->res[i].t.chain != WCHAIN_COSMOS)
			continue;
		for (int q = COSMOS_DELEGATIONS; q <= COSMOS_BALANCES; q++) {
			char *url = cosmos_build_url(cr->url[U_COSMOS], (enum cosmos_query)q,
			                             cr->res[i].t.address, NULL);
			struct req p = { .kind = R_COSMOS, .target = i, .q = (enum cosmos_query)q };
			if (!url || add(cr, &p, url, NULL, err, sizeof err) < 0)
				target_fail(cr, i, url ? err : "out of memory");
			free(url);
		}
	}
	if (any_dot) {
		char *url = polkadot_build_url(cr->url[U_DOT], NULL, true);
		struct req p = { .kind = R_DOT_PROGRESS, .target = 0 };
		if (!url || add(cr, &p, url, NULL, err, sizeof err) < 0)
			fail_chain(cr, WCHAIN_POLKADOT, url ? err : "out of memory");
		free(url);
		for (size_t i = 0; i < n; i++) {
			if (cr->res[i].t.chain != WCHAIN_POLKADOT)
				continue;
			url = polkadot_build_url(cr->url[U_DOT], cr->res[i].t.address, false);
			struct req pd = { .kind = R_DOT, .target = i };
			if (!url || add(cr, &pd, url, NULL, err, sizeof err) < 0)
				target_fail(cr, i, url ? err : "out of memory");
			free(url);
		}
	}
	for (size_t i = 0; i < n; i++)
		cr->res[i].t.chain = t[i].chain;
	if (cr->pending == 0)
		finish(cr);
	return 0;
}

int chain_reader_pending(const struct chain_reader *cr)
{
	return cr->pending;
}

const struct chain_result *chain_reader_results(const struct chain_reader *cr, size_t *n)
{
	*n = cr->n;
	return cr->res;
}

long chain_reader_requests(const struct chain_reader *cr)
{
	return cr->requests;
}
