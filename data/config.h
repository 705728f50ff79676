/* config.h — the config file (INI, parsed by libinih): feed base URLs, the
 * CoinGecko key, refresh and staleness intervals, display currency, history
 * recording, and the planner's swap fee, minimum trade and concentration
 * threshold, hiding amounts, the lot method of the cost basis and the
 * alert rules. Unknown sections or keys, a key given twice, unknown currencies
 * and bad values are errors naming the file, the line and the key; a
 * missing file means the defaults only where the caller allows it (the
 * default path). */
#ifndef STAKETOP_CONFIG_H
#define STAKETOP_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "positions/alerts.h"
#include "positions/lots.h"

#define CONFIG_URL_MAX 256

struct config {
	char coingecko_url[CONFIG_URL_MAX];
	char coingecko_api_key[128];
	char defillama_coins_url[CONFIG_URL_MAX];
	char defillama_yields_url[CONFIG_URL_MAX];
	char eth_rpc_url[CONFIG_URL_MAX];
	char sol_rpc_url[CONFIG_URL_MAX];
	char beacon_url[CONFIG_URL_MAX];
	char cosmos_rest_url[CONFIG_URL_MAX];
	char polkadot_sidecar_url[CONFIG_URL_MAX];
	char lido_wq_url[CONFIG_URL_MAX];
	char stride_rest_url[CONFIG_URL_MAX]; /* Stride LCD: stATOM's redemption rate */
	int refresh_seconds;      /* 10 .. 86400 */
	int stale_seconds;        /* 60 .. 30 days */
	int timeout_seconds;      /* total per request, 1 .. 120 */
	int refresh_deadline_seconds; /* a whole refresh, retries and waits
	                               included, 1 .. 600 */
	int snapshot_interval_seconds; /* [history] at most one snapshot per
	                                  position per this, 60 .. 7 days */
	int thin_after_days;      /* [history] older snapshots: one a day, 1 .. 36500 */
	int yield_gap_bps;        /* [history] realized APY trailing the quoted one by
	                             more than this is marked, 0 .. 10000 */
	int beacon_genesis_time;  /* unix s of the beacon chain's genesis (mainnet
	                             1606824023): epoch -> time */
	int beacon_sweep_seconds; /* the withdrawal sweep's wait after a validator
	                             becomes withdrawable, an estimate, 0 .. 30 days */
	int polkadot_era_seconds; /* one era, 60 .. 7 days (86400) */
	char currency[8];         /* display currency, lower case: usd, eur, … */
	/* [plan] */
	double swap_fee_pct;      /* a swap's fee, percent of proceeds, 0 .. 10 (0.3) */
	double min_trade;         /* display currency, 0 .. 1e9; smaller trades left out (10) */
	double concentration_pct; /* flag a protocol or chain above this share, 1 .. 100 (33) */
	/* [display] */
	bool private_mode;        /* private = true: amounts hidden on screen */
	/* [pnl] */
	enum lot_method lot_method; /* lots = fifo (default) | average */
	/* [alerts] */
	struct alert_rules alerts;
	bool loaded;              /* a file was read (else defaults) */
};

void config_defaults(struct config *c);

/* Load path over the defaults. A missing file is not an error. */
int config_load(const char *path, struct config *c, char *err, size_t errlen);
/* The same; when must_exist, a missing file is an error ("PATH: No such
 * file or directory"): a path the user named must be there. */
int config_load_file(const char *path, bool must_exist, struct config *c,
                     char *err, size_t errlen);

/* Is url acceptable as a feed base: https, or http to a loopback host?
 * Returns NULL when it is, else the reason. */
const char *config_url_check(const char *url);

#endif
