/* reader.h — reading every watched address of one refresh over the HTTP
 * layer the feeds use (the same curl multi, the same wait): one JSON-RPC
 * batch for all Ethereum addresses (single calls when the node refuses
 * batches), one for all Solana addresses, one POST per 64 validators, and
 * per Cosmos address its delegations, unbondings, rewards and bank
 * balances (the liquid ATOM), every page followed; per Polkadot stash its
 * staking-info and the era once.
 *
 * A target's result is all or nothing: any failed request or answer of its
 * own leaves ok false with the error, and its items empty; the caller then
 * keeps the last quantities. Nothing here prints or stores.
 *
 * Holds, per chain (one provider each): a request of a chain answered 429
 * or 503 with a Retry-After (one longer than the HTTP layer waits, or past
 * the deadline) fails its targets with "rate limited until HH:MM (HTTP
 * 429, ...)", and every target of that chain gets blocked_until = now +
 * the answer's seconds rounded up + Retry-After (the largest when several
 * say so); nothing more is sent to that chain in this read. A chain whose
 * targets come with a held_until after now is asked nothing: each of its
 * targets fails at once with "rate limited until HH:MM" and blocked_until =
 * the largest held_until of the chain. */
#ifndef STAKETOP_CHAINS_READER_H
#define STAKETOP_CHAINS_READER_H

#include "positions/address.h"
#include "pricing/chains/chains.h"
#include "pricing/http.h"

struct chain_target {
	int64_t id;                      /* the caller's (the watch id) */
	enum watch_chain chain;
	char address[WATCH_ADDR_MAX];    /* checked by address_check */
	int64_t held_until;              /* unix s: its chain is asked nothing
	                                  * before then (a hold kept from an
	                                  * earlier read); 0 none */
};

struct chain_result {
	struct chain_target t;
	bool ok;
	char error[256];                 /* "" when ok: sanitized */
	char height[24];                 /* block, slot or height read at; "" unknown */
	struct chain_items items;
	int64_t blocked_until;           /* unix s: ask this chain nothing before
	                                  * then (see above); 0 none */
};

struct chain_config {
	const char *eth_rpc_url, *sol_rpc_url, *beacon_url, *cosmos_rest_url,
		*polkadot_sidecar_url;   /* "" or NULL: that chain is not read */
	int64_t beacon_genesis_time, beacon_sweep_s, polkadot_era_s;
};

struct chain_reader;

/* cat is borrowed (must outlive the reader); cfg's strings are copied. */
struct chain_reader *chain_reader_new(const struct catalog *cat, const struct chain_config *cfg);
void chain_reader_free(struct chain_reader *cr);

/* Queue every request for targets on h (which must outlive the reads);
 * idle(ctx) is called (from a done callback) when the last answer is in,
 * or not at all when nothing was queued. Clears the previous results.
 * 0, or -1 when out of memory. */
int chain_reader_start(struct chain_reader *cr, struct http *h, const struct chain_target *t,
                       size_t n, int64_t now, void (*idle)(void *), void *ctx);
int chain_reader_pending(const struct chain_reader *cr);
const struct chain_result *chain_reader_results(const struct chain_reader *cr, size_t *n);
/* HTTP requests queued by the last start (pages and fallbacks included). */
long chain_reader_requests(const struct chain_reader *cr);

#endif
