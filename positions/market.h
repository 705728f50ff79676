/* market.h — observations (one price, rate or APR from one feed at one
 * time) and the market: the latest good value of each kind for each asset
 * of a catalog. The store keeps observations; the pricing layer produces
 * them; valuation reads a market. No I/O. */
#ifndef STAKETOP_MARKET_H
#define STAKETOP_MARKET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "positions/asset.h"
#include "positions/ratio.h"

enum obs_kind { OBS_PRICE, OBS_RATE, OBS_APR, OBS_KINDS };

#define SOURCE_MAX 32

struct observation {
	char asset[SYM_MAX];
	enum obs_kind kind;
	char source[SOURCE_MAX];  /* "coingecko", "defillama", "eth_rpc", "snapshot", … */
	int64_t ts;               /* unix seconds the value is for */
	double value;             /* price in the display currency; rate; APR fraction */
	char exact[RATIO_STR_MAX];/* a rate exactly as its source gave it, "num/den"
	                             (ratio.h), or "" when the source gives only a
	                             number */
	bool pinned;              /* source "manual" set with --pin: never stale */
};

struct quote {
	bool has;
	double value;
	int64_t ts;
	char source[SOURCE_MAX];
	bool pinned;              /* a pinned manual value: never stale */
	bool has_exact;           /* rate: the source's own integers */
	struct ratio exact;
};

/* quotes[i][k] is for catalog->assets[i], kind k. The market owns quotes. */
struct market {
	const struct catalog *catalog;
	struct quote (*quotes)[OBS_KINDS];
	char currency[8];
};

/* A growable list of observations; owns its array. */
struct obs_list {
	struct observation *v;
	size_t n, cap;
};

int obs_list_push(struct obs_list *l, const struct observation *o);
void obs_list_free(struct obs_list *l);

const char *obs_kind_name(enum obs_kind k);         /* "price", "rate", "apr" */
int obs_kind_parse(const char *s, enum obs_kind *out);

/* Is v acceptable as a value of kind k where it enters? Finite and > 0;
 * prices below 1e12, rates in (0, 1e6), APRs in (0, 10) (1000 %). Returns
 * NULL when it is, else a short reason ("not finite", "zero or negative",
 * "out of range"). */
const char *obs_value_check(enum obs_kind k, double v);

/* An empty market for catalog c (borrowed: it must outlive m). 0, or -1 when
 * out of memory. market_done frees the quotes. */
int market_init(struct market *m, const struct catalog *c, const char *currency);
void market_done(struct market *m);
/* Keep o if it is newer than what the market holds for its asset and kind.
 * Observations for assets not in the catalog are ignored (returns 1).
 * Returns 0 when kept; 1 when ignored (asset not in the catalog, older
 * than the held quote, or a value that obs_value_check refuses); -1 for a
 * kind out of range. Of two observations for the same second the later
 * applied wins (the store applies them in the order they were stored).
 * An exact text that does not parse as a ratio is ignored (the value
 * stays). */
int market_apply(struct market *m, const struct observation *o);
/* A rate quote as an exact ratio: the source's integers when it gave them,
 * else the shortest decimal of its value over 10^18. 0, or -1. */
int quote_ratio(const struct quote *q, struct ratio *out);
/* The quote, or NULL when the symbol is not in the catalog or the market has
 * no value of that kind for it yet. Case-insensitive symbol. */
const struct quote *market_get(const struct market *m, const char *symbol, enum obs_kind k);

#endif
