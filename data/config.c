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
	c->snapshot_interval_seconds = 3600;
	c->thin_after_days = 90;
	c->yield_gap_bps = 50;
	c->timeout_seconds = 20;
	c->refresh_deadline_seconds = 20;
	c->beacon_genesis_time = 1606824023;
	/* [verify] about half a sweep of ~1M validators at 16 a slot */
	c->beacon_sweep_seconds = 4 * 86400;
	c->polkadot_era_seconds = 86400;
	snprintf(c->currency, sizeof c->currency, "usd");
	c->swap_fee_pct = 0.3;
	c->min_trade = 10;
	c->concentration_pct = 33;
	c->private_mode = false;
	c->lot_method = LOT_FIFO;
	alert_rules_defaults(&c->alerts);
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

/* Keys already set, "section\nkey", with their lines: a key given twice
 * is refused (which one would win is not obvious to a reader). */
#define SEEN_MAX 64
struct seen {
	char key[SEEN_MAX][80];
	int line[SEEN_MAX];
	int n;
};

struct load_state {
	struct config *c;
	FILE *f;
	int line;                 /* lines read so far: the current key's line */
	const char *path;
	char *err;
	size_t errlen;
	int failed;
	struct seen seen;
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
	{ "refresh_deadline_seconds", offsetof(struct config, refresh_deadline_seconds), 1, 600 },
	{ "beacon_genesis_time", offsetof(struct config, beacon_genesis_time), 0, 2147483647L },
	{ "beacon_sweep_seconds", offsetof(struct config, beacon_sweep_seconds), 0, 30L * 86400 },
	{ "polkadot_era_seconds", offsetof(struct config, polkadot_era_seconds), 60, 7L * 86400 },
};

static const struct int_key history_keys[] = {
	{ "snapshot_interval_seconds", offsetof(struct config, snapshot_interval_seconds), 60,
	  7L * 86400 },
	{ "thin_after_days", offsetof(struct config, thin_after_days), 1, 36500 },
	{ "yield_gap_bps", offsetof(struct config, yield_gap_bps), 0, 10000 },
};

/* The currencies CoinGecko quotes prices in (its supported fiat
 * vs_currencies): a code outside this list would never get a price. */
static const char *const currencies[] = {
	"aed", "ars", "aud", "bdt", "bhd", "bmd", "brl", "cad", "chf", "clp", "cny", "czk",
	"dkk", "eur", "gbp", "gel", "hkd", "huf", "idr", "ils", "inr", "jpy", "krw", "kwd",
	"lkr", "mmk", "mxn", "myr", "ngn", "nok", "nzd", "php", "pkr", "pln", "rub", "sar",
	"sek", "sgd", "thb", "try", "twd", "uah", "usd", "vnd", "zar",
};

static bool currency_known(const char *code)
{
	for (size_t i = 0; i < sizeof currencies / sizeof *currencies; i++)
		if (strcmp(code, currencies[i]) == 0)
			return true;
	return false;
}


static int bad(struct load_state *s, int line, const char *sec, const char *key,
               const char *why)
{
	if (!s->failed)
		snprintf(s->err, s->errlen, "%s:%d: [%s] %s: %s", s->path, line, sec, key, why);
	s->failed = 1;
	return 0; /* stop parsing */
}

/* key among keys[0..n): parse val into it; 1 set, 0 refused (bad() said
 * why), -1 not one of these keys. */
static int int_value(struct load_state *s, int line, const char *sec, const char *key,
                     const char *val, const struct int_key *keys, size_t n)
{
	char *cfg = (char *)s->c;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(key, keys[i].name) != 0)
			continue;
		char *end;
		errno = 0;
		long v = strtol(val, &end, 10);
		if (errno || end == val || *end || v < keys[i].lo || v > keys[i].hi) {
			char why[96];
			snprintf(why, sizeof why, "expected a whole number %ld..%ld", keys[i].lo,
			         keys[i].hi);
			return bad(s, line, sec, key, why);
		}
		*(int *)(void *)(cfg + keys[i].off) = (int)v;
		return 1;
	}
	return -1;
}

/* [plan]: plain decimals (digits, at most one '.'), each within its range. */
struct real_key {
	const char *name;
	size_t off;
	double lo, hi;
	const char *range;
};
static const struct real_key plan_keys[] = {
	{ "swap_fee_pct", offsetof(struct config, swap_fee_pct), 0, 10,
	  "expected a percentage 0..10 such as 0.3" },
	{ "min_trade", offsetof(struct config, min_trade), 0, 1e9,
	  "expected an amount 0..1000000000 in the display currency" },
	{ "concentration_pct", offsetof(struct config, concentration_pct), 1, 100,
	  "expected a percentage 1..100 such as 33" },
};

static int plan_value(struct load_state *s, int line, const char *sec, const char *key,
                      const char *val)
{
	for (size_t i = 0; i < sizeof plan_keys / sizeof *plan_keys; i++) {
		if (strcmp(key, plan_keys[i].name) != 0)
			continue;
		size_t n = strlen(val), digits = strspn(val, "0123456789.");
		const char *dot = strchr(val, '.');
		if (n == 0 || n > 16 || digits != n || (dot && strchr(dot + 1, '.')) ||
		    strspn(val, ".") == n)
			return bad(s, line, sec, key, plan_keys[i].range);
		double v = strtod(val, NULL);
		if (!(v >= plan_keys[i].lo && v <= plan_keys[i].hi))
			return bad(s, line, sec, key, plan_keys[i].range);
		*(double *)(void *)((char *)s->c + plan_keys[i].off) = v;
		return 1;
	}
	return bad(s, line, sec, key, "unknown key");
}

static int bool_value(struct load_state *s, int line, const char *sec, const char *key,
                      const char *val, bool *out)
{
	if (strcmp(val, "true") == 0)
		*out = true;
	else if (strcmp(val, "false") == 0)
		*out = false;
	else
		return bad(s, line, sec, key, "expected true or false");
	return 1;
}

/* [alerts]: premium_bps (all tokens), premium_bps.SYMBOL (one token),
 * claimable, stale, bell (true|false), move_pct (0..1000, 0 = off),
 * health_factor (0..10, 0 = off). */
static int alerts_value(struct load_state *s, int line, const char *sec, const char *key,
                        const char *val)
{
	struct alert_rules *r = &s->c->alerts;
	if (strcmp(key, "claimable") == 0)
		return bool_value(s, line, sec, key, val, &r->claimable);
	if (strcmp(key, "stale") == 0)
		return bool_value(s, line, sec, key, val, &r->stale);
	if (strcmp(key, "bell") == 0)
		return bool_value(s, line, sec, key, val, &r->bell);
	if (strcmp(key, "move_pct") == 0) {
		size_t n = strlen(val), digits = strspn(val, "0123456789.");
		const char *dot = strchr(val, '.');
		double v = strtod(val, NULL);
		if (n == 0 || n > 8 || digits != n || (dot && strchr(dot + 1, '.')) ||
		    strspn(val, ".") == n || !(v >= 0 && v <= 1000))
			return bad(s, line, sec, key, "expected a percentage 0..1000 (0 = off)");
		r->move_pct = v;
		return 1;
	}
	if (strcmp(key, "health_factor") == 0) {
		size_t n = strlen(val), digits = strspn(val, "0123456789.");
		const char *dot = strchr(val, '.');
		double v = strtod(val, NULL);
		if (n == 0 || n > 8 || digits != n || (dot && strchr(dot + 1, '.')) ||
		    strspn(val, ".") == n || !(v >= 0 && v <= 10))
			return bad(s, line, sec, key, "expected a health factor 0..10 such as 1.1 (0 = off)");
		r->health_factor = v;
		return 1;
	}
	if (strncmp(key, "premium_bps", 11) != 0 || (key[11] && key[11] != '.'))
		return bad(s, line, sec, key, "unknown key");
	char *end;
	errno = 0;
	long v = strtol(val, &end, 10);
	if (errno || end == val || *end || v < 0 || v > 10000)
		return bad(s, line, sec, key, "expected a whole number of bps 0..10000 (0 = off)");
	if (!key[11]) {
		r->premium_bps = (int)v;
		return 1;
	}
	const char *sym = key + 12;
	size_t n = strlen(sym);
	if (n == 0 || n >= SYM_MAX ||
	    strspn(sym, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != n)
		return bad(s, line, sec, key, "expected premium_bps.SYMBOL with a catalog symbol");
	if (r->n_token >= ALERT_TOKEN_RULES)
		return bad(s, line, sec, key, "more than 16 per-token rules");
	memcpy(r->token[r->n_token].sym, sym, n + 1);
	r->token[r->n_token++].bps = (int)v;
	return 1;
}

static int on_value(void *user, const char *sec, const char *key, const char *val)
{
	struct load_state *s = user;
	const int line = s->line;
	char *cfg = (char *)s->c;
	char id[80];
	snprintf(id, sizeof id, "%s\n%s", sec, key);
	for (int i = 0; i < s->seen.n; i++)
		if (strcmp(s->seen.key[i], id) == 0) {
			char why[64];
			snprintf(why, sizeof why, "given twice (first on line %d)", s->seen.line[i]);
			return bad(s, line, sec, key, why);
		}
	if (s->seen.n < SEEN_MAX) {
		snprintf(s->seen.key[s->seen.n], sizeof s->seen.key[0], "%s", id);
		s->seen.line[s->seen.n++] = line;
	}
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
		int r = int_value(s, line, sec, key, val, int_keys, sizeof int_keys / sizeof *int_keys);
		if (r >= 0)
			return r;
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
		if (!currency_known(s->c->currency))
			return bad(s, line, sec, key, "unknown currency (CoinGecko quotes e.g. usd, eur,"
			           " gbp, chf, jpy)");
		return 1;
	}
	if (strcmp(sec, "display") == 0 && strcmp(key, "private") == 0)
		return bool_value(s, line, sec, key, val, &s->c->private_mode);
	if (strcmp(sec, "pnl") == 0) {
		if (strcmp(key, "lots") != 0)
			return bad(s, line, sec, key, "unknown key");
		if (lot_method_parse(val, &s->c->lot_method) < 0)
			return bad(s, line, sec, key, "expected fifo or average");
		return 1;
	}
	if (strcmp(sec, "alerts") == 0)
		return alerts_value(s, line, sec, key, val);
	if (strcmp(sec, "history") == 0) {
		int r = int_value(s, line, sec, key, val, history_keys,
		                  sizeof history_keys / sizeof *history_keys);
		if (r >= 0)
			return r;
	}
	if (strcmp(sec, "plan") == 0)
		return plan_value(s, line, sec, key, val);
	if (strcmp(sec, "feeds") != 0 && strcmp(sec, "display") != 0 &&
	    strcmp(sec, "history") != 0 && strcmp(sec, "plan") != 0)
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

/* 0 read, 1 absent and allowed, -1 error in s->err. */
static int load_stream(struct load_state *s, bool must_exist)
{
	FILE *f = fopen(s->path, "r");
	if (!f) {
		if (errno == ENOENT && !must_exist)
			return 1;
		snprintf(s->err, s->errlen, "%s: %s", s->path, strerror(errno));
		return -1;
	}
	s->f = f;
	int rc = ini_parse_stream(read_line, s, on_value, s);
	fclose(f);
	if (s->failed)
		return -1;
	if (rc != 0) {
		snprintf(s->err, s->errlen, "%s:%d: not valid INI", s->path, rc);
		return -1;
	}
	return 0;
}

int config_load_file(const char *path, bool must_exist, struct config *c,
                     char *err, size_t errlen)
{
	struct config tmp = *c;
	struct load_state *s = calloc(1, sizeof *s);
	if (!s) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	s->c = &tmp;
	s->path = path;
	s->err = err;
	s->errlen = errlen;
	int rc = load_stream(s, must_exist);
	free(s);
	if (rc == 0) {
		tmp.loaded = true;
		*c = tmp;
	}
	return rc < 0 ? -1 : 0;
}

int config_load(const char *path, struct config *c, char *err, size_t errlen)
{
	return config_load_file(path, false, c, err, errlen);
}
