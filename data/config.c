/* config.c — the INI config over libinih, every value checked. */
#include "data/config.h"

#include <ctype.h>
#include <errno.h>
#include <ini.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void config_defaults(struct config *c)
{
	memset(c, 0, sizeof *c);
	snprintf(c->coingecko_url, sizeof c->coingecko_url, "https://api.coingecko.com/api/v3");
	snprintf(c->defillama_coins_url, sizeof c->defillama_coins_url, "https://coins.llama.fi");
	snprintf(c->defillama_yields_url, sizeof c->defillama_yields_url, "https://yields.llama.fi");
	snprintf(c->eth_rpc_url, sizeof c->eth_rpc_url, "https://ethereum-rpc.publicnode.com");
	snprintf(c->sol_rpc_url, sizeof c->sol_rpc_url, "https://api.mainnet-beta.solana.com");
	snprintf(c->cosmos_rest_url, sizeof c->cosmos_rest_url, "https://cosmos-rest.publicnode.com");
	snprintf(c->lido_wq_url, sizeof c->lido_wq_url, "https://wq-api.lido.fi");
	/* the host DefiLlama's adapter reads; any Stride LCD serves the route */
	snprintf(c->stride_rest_url, sizeof c->stride_rest_url,
	         "https://stride-fleet.main.stridenet.co/api");
	c->refresh_seconds = 60;
	c->stale_seconds = 900;
	c->timeout_seconds = 20;
	snprintf(c->currency, sizeof c->currency, "usd");
}

static int is_loopback_host(const char *h, size_t n)
{
	if (n == 9 && strncmp(h, "localhost", 9) == 0)
		return 1;
	if (n == 5 && strncmp(h, "[::1]", 5) == 0)
		return 1;
	if (n < 7 || strncmp(h, "127.", 4) != 0)
		return 0;
	for (size_t i = 4; i < n; i++)
		if ((h[i] < '0' || h[i] > '9') && h[i] != '.')
			return 0;
	return 1;
}

const char *config_url_check(const char *url)
{
	const char *host;
	if (!url[0])
		return NULL; /* empty: the feed is off */
	for (const char *p = url; *p; p++)
		if ((unsigned char)*p <= 0x20 || *p == 0x7f)
			return "contains spaces or control characters";
	if (strncmp(url, "https://", 8) == 0)
		host = url + 8;
	else if (strncmp(url, "http://", 7) == 0)
		host = url + 7;
	else
		return "must start with https://";
	size_t n = strcspn(host, ":/?#");
	if (host[0] == '[')
		n = strcspn(host, "]") + 1;
	if (n == 0)
		return "has no host";
	if (url[4] == ':' && !is_loopback_host(host, n))
		return "plain http is allowed only for loopback hosts; use https://";
	return NULL;
}

struct load_state {
	struct config *c;
	FILE *f;
	int line;                 /* lines read so far: the current key's line */
	const char *path;
	char *err;
	size_t errlen;
	int failed;
};

struct url_key {
	const char *name;
	size_t off;
};

#define URL_KEY(f) { #f, offsetof(struct config, f) }
static const struct url_key url_keys[] = {
	URL_KEY(coingecko_url), URL_KEY(defillama_coins_url), URL_KEY(defillama_yields_url),
	URL_KEY(eth_rpc_url), URL_KEY(sol_rpc_url), URL_KEY(beacon_url), URL_KEY(cosmos_rest_url),
	URL_KEY(polkadot_sidecar_url), URL_KEY(lido_wq_url), URL_KEY(stride_rest_url),
};

struct int_key {
	const char *name;
	size_t off;
	long lo, hi;
};
static const struct int_key int_keys[] = {
	{ "refresh_seconds", offsetof(struct config, refresh_seconds), 10, 86400 },
	{ "stale_seconds", offsetof(struct config, stale_seconds), 60, 30L * 86400 },
	{ "timeout_seconds", offsetof(struct config, timeout_seconds), 1, 120 },
};

static int bad(struct load_state *s, int line, const char *sec, const char *key,
               const char *why)
{
	if (!s->failed)
		snprintf(s->err, s->errlen, "%s:%d: [%s] %s: %s", s->path, line, sec, key, why);
	s->failed = 1;
	return 0; /* stop parsing */
}

static int on_value(void *user, const char *sec, const char *key, const char *val)
{
	struct load_state *s = user;
	const int line = s->line;
	char *cfg = (char *)s->c;
	if (strcmp(sec, "feeds") == 0) {
		for (size_t i = 0; i < sizeof url_keys / sizeof *url_keys; i++) {
			if (strcmp(key, url_keys[i].name) != 0)
				continue;
			const char *why = config_url_check(val);
			if (why)
				return bad(s, line, sec, key, why);
			if (strlen(val) >= CONFIG_URL_MAX)
				return bad(s, line, sec, key, "longer than 255 characters");
			char *dst = cfg + url_keys[i].off;
			memcpy(dst, val, strlen(val) + 1);
			size_t n = strlen(dst);
			while (n > 0 && dst[n - 1] == '/')
				dst[--n] = 0; /* bases are joined with "/path" */
			return 1;
		}
		for (size_t i = 0; i < sizeof int_keys / sizeof *int_keys; i++) {
			if (strcmp(key, int_keys[i].name) != 0)
				continue;
			char *end;
			errno = 0;
			long v = strtol(val, &end, 10);
			if (errno || end == val || *end || v < int_keys[i].lo || v > int_keys[i].hi) {
				char why[96];
				snprintf(why, sizeof why, "expected a whole number %ld..%ld",
				         int_keys[i].lo, int_keys[i].hi);
				return bad(s, line, sec, key, why);
			}
			*(int *)(void *)(cfg + int_keys[i].off) = (int)v;
			return 1;
		}
		if (strcmp(key, "coingecko_api_key") == 0) {
			size_t n = strlen(val);
			if (n >= sizeof s->c->coingecko_api_key ||
			    strspn(val, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") != n)
				return bad(s, line, sec, key, "expected letters, digits, - and _ (at most 127)");
			memcpy(s->c->coingecko_api_key, val, n + 1);
			return 1;
		}
		return bad(s, line, sec, key, "unknown key");
	}
	if (strcmp(sec, "display") == 0 && strcmp(key, "currency") == 0) {
		size_t n = strlen(val);
		if (n < 3 || n > 5)
			return bad(s, line, sec, key, "expected a currency code such as usd");
		for (size_t i = 0; i < n; i++) {
			if (!isalpha((unsigned char)val[i]))
				return bad(s, line, sec, key, "expected a currency code such as usd");
			s->c->currency[i] = (char)tolower((unsigned char)val[i]);
		}
		s->c->currency[n] = 0;
		return 1;
	}
	if (strcmp(sec, "feeds") != 0 && strcmp(sec, "display") != 0)
		return bad(s, line, sec, key, "unknown section");
	return bad(s, line, sec, key, "unknown key");
}

/* libinih reads through this, so that we know each key's line. */
static char *read_line(char *buf, int size, void *stream)
{
	struct load_state *s = stream;
	char *r = fgets(buf, size, s->f);
	if (r)
		s->line++;
	return r;
}

int config_load(const char *path, struct config *c, char *err, size_t errlen)
{
	struct config tmp = *c;
	struct load_state s = { &tmp, NULL, 0, path, err, errlen, 0 };
	FILE *f = fopen(path, "r");
	if (!f) {
		if (errno == ENOENT)
			return 0;
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	s.f = f;
	int rc = ini_parse_stream(read_line, &s, on_value, &s);
	fclose(f);
	if (s.failed)
		return -1;
	if (rc != 0) {
		snprintf(err, errlen, "%s:%d: not valid INI", path, rc);
		return -1;
	}
	tmp.loaded = true;
	*c = tmp;
	return 0;
}
