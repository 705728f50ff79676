/* refresh.h — one refresh of every feed: builds the requests from the
 * catalog, runs them at once over the HTTP layer, parses each response as
 * it arrives, and keeps per-feed reports. Non-blocking: the interface calls
 * refresh_step()/refresh_wait() from its loop; `staketop refresh` calls
 * refresh_run(). Storing the observations is the caller's job (tui/ wires
 * pricing to data/). Nothing here prints.
 *
 * Feeds: "coingecko" (prices), "defillama" (prices CoinGecko did not give),
 * "defillama-yields" (APRs), "eth_rpc" (exchange rates by eth_call),
 * "sol_rpc" (stake pool rates and the epoch), "stride_rest" (rates at a
 * JSON path of Stride's REST API, one GET per asset), "chains" (the watched
 * addresses set by refresh_watch, pricing/chains/reader.h; on when there is
 * one). A feed whose base URL is "" is off and not reported. */
#ifndef STAKETOP_REFRESH_H
#define STAKETOP_REFRESH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "positions/asset.h"
#include "positions/market.h"
#include "pricing/chains/reader.h"

#define FEED_NAME_MAX 32
#define FEED_ERROR_MAX 256

struct refresh_config {
	const char *coingecko_url, *coingecko_api_key;
	const char *defillama_coins_url, *defillama_yields_url;
	const char *eth_rpc_url, *sol_rpc_url;
	const char *stride_rest_url;   /* base of rest_json sources naming "stride" */
	const char *currency;
	long timeout_ms;            /* total per request; 0 = the HTTP default */
	long connect_timeout_ms;    /* 0 = the HTTP default */
	size_t max_bytes;           /* response size cap; the largest body, the
	                               yields /pools list, is ~10 MB; 0 = 32 MiB */
	size_t coingecko_max_ids;   /* ids per CoinGecko request; 0 = 50 */
	size_t llama_max_keys;      /* keys per DefiLlama request; 0 = no limit
	                               but the URL length */
	int max_retries;            /* 429/5xx retries; 0 = the HTTP default,
	                               negative = none */
	long retry_base_ms;         /* first backoff; 0 = the HTTP default */
	long deadline_ms;           /* a whole refresh, retries and waits
	                               included; 0 = none */
	/* watched addresses (refresh_watch): the other chains' bases and the
	 * facts their readers need (config data) */
	const char *beacon_url, *cosmos_rest_url, *polkadot_sidecar_url;
	int64_t beacon_genesis_time, beacon_sweep_s, polkadot_era_s;
};

struct feed_report {
	char name[FEED_NAME_MAX];
	bool done;                  /* finished (ok or failed) */
	bool ok;                    /* everything asked for was taken */
	long http_status;           /* last status, 0 when no response */
	long values;                /* observations taken */
	double latency_s;           /* slowest request of the feed */
	char error[FEED_ERROR_MAX]; /* "" when ok; else what failed (sanitized) */
	int64_t finished_at;
	int64_t blocked_until;      /* unix s: the provider asked us (429/503 with
	                               a Retry-After we did not wait for) to stay
	                               away until then; 0 = not */
};

/* Solana epoch timing seen during the refresh (for unbonding timers). */
struct epoch_seen {
	bool has;
	uint64_t epoch, slot_index, slots_in_epoch;
	int64_t observed_at;
};

struct refresh;

/* A refresher for catalog cat (borrowed; must outlive it) with a copy of
 * cfg's strings. NULL with err on failure. */
struct refresh *refresh_new(const struct catalog *cat, const struct refresh_config *cfg,
                            char *err, size_t errlen);
void refresh_free(struct refresh *r);

/* Send nothing to feed (by its name) before until (unix s): a refresh
 * started earlier reports it failed with "rate limited until HH:MM" (UTC,
 * the minute rounded up) and asks nothing. A refresh sets this itself when
 * a provider answers 429/503 with a Retry-After it cannot wait for; the
 * caller adds what it kept from earlier runs. Unknown names are ignored. */
void refresh_hold(struct refresh *r, const char *feed, int64_t until);

/* Queue every feed's requests (a refresh already running: -1). Clears the
 * previous observations and reports. The whole refresh ends by
 * cfg->deadline_ms from now. */
int refresh_start(struct refresh *r, int64_t now, char *err, size_t errlen);

/* Progress without blocking; returns the number of requests still pending
 * (0 = the refresh is complete), or -1. */
int refresh_step(struct refresh *r);
/* A descriptor the wait watches besides the network (the terminal, a
 * self-pipe): events and revents are poll(2)'s POLLIN, POLLPRI, POLLOUT.
 * (libcurl's own types stay inside pricing/.) */
struct refresh_waitfd {
	int fd;
	short events, revents;
};
#define REFRESH_WAIT_MAX_FDS 8
/* Wait for network activity, a timer, one of the extra descriptors (e.g.
 * the terminal; at most REFRESH_WAIT_MAX_FDS) or max_timeout_ms
 * (negative: none). As http_wait(). */
int refresh_wait(struct refresh *r, struct refresh_waitfd *extra, unsigned n_extra,
                 int max_timeout_ms);
struct http;
/* The same wait on any HTTP client of pricing/http.h (the backfill's). */
int refresh_http_wait(struct http *h, struct refresh_waitfd *extra, unsigned n_extra,
                      int max_timeout_ms);
/* Drive to completion. */
int refresh_run(struct refresh *r);

bool refresh_running(const struct refresh *r);
/* The addresses the next refresh_start reads (copied; n 0: none). 0, or -1
 * when out of memory. */
int refresh_watch(struct refresh *r, const struct chain_target *t, size_t n);
/* What the last refresh read of them (valid until the next start), and
 * how many HTTP requests that took. */
const struct chain_result *refresh_chain_results(const struct refresh *r, size_t *n);
long refresh_chain_requests(const struct refresh *r);
/* What the last (or current) refresh took so far, and the reports. */
const struct obs_list *refresh_observations(const struct refresh *r);
const struct feed_report *refresh_reports(const struct refresh *r, size_t *n);
const struct epoch_seen *refresh_epoch(const struct refresh *r);

#endif
