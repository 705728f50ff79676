/* config.h — the config file (INI, parsed by libinih): feed base URLs, the
 * CoinGecko key, refresh and staleness intervals, display currency.
 * Unknown sections or keys and bad values are errors naming the file, the
 * line and the key; a missing file means the defaults. */
#ifndef STAKETOP_CONFIG_H
#define STAKETOP_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

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
	char currency[8];         /* display currency, lower case: usd, eur, … */
	bool loaded;              /* a file was read (else defaults) */
};

void config_defaults(struct config *c);

/* Load path over the defaults. A missing file is not an error. */
int config_load(const char *path, struct config *c, char *err, size_t errlen);

/* Is url acceptable as a feed base: https, or http to a loopback host?
 * Returns NULL when it is, else the reason. */
const char *config_url_check(const char *url);

#endif
