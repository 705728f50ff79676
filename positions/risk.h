/* risk.h — concentration and depeg stress of a valued portfolio. Pure: the
 * board's rows (positions/valuation.h) in, figures out; nothing allocated.
 *
 * Concentration: each protocol's and each chain's share of the portfolio's
 * NAV (idle coins count, under protocol "idle"; native stake under
 * protocol "native", which is no single protocol and is never flagged).
 * A share above the threshold (default 0.33) is flagged. The catalog does
 * not record validator sets yet, so there is no per-validator-set table.
 *
 * Depeg stress, for each discount d of 1 %, 5 % and 10 %: every liquid or
 * restaked token (not idle) valued at NAV × (1 − d) while the rest stays
 * at NAV:
 *   value = total − Σ_tokens nav_token × d,   loss = total − value
 * and the worst single token: the one whose loss alone, nav_token × d, is
 * the largest (the token with the largest NAV), by symbol, positions of
 * one token summed.
 *
 * Rows with no NAV or a zero price are left out and counted (n_unvalued);
 * nav (may be NULL) overrides each row's NAV (the planner's after-NAVs;
 * NAN leaves the row out), and cash adds an idle amount. */
#ifndef STAKETOP_RISK_H
#define STAKETOP_RISK_H

#include <stdbool.h>
#include <stddef.h>

#include "positions/asset.h"
#include "positions/valuation.h"

#define RISK_MAX_SHARES 64
#define RISK_MAX_TOKENS 64
#define RISK_DEPEG_LEVELS 3
#define RISK_DEFAULT_THRESHOLD 0.33

struct risk_share {
	char label[NAME_MAX_];
	long double value;
	double weight;
	bool flagged;             /* weight > threshold (never for native, idle) */
};

struct risk_token {
	const struct asset *asset;
	long double nav;
};

struct risk_depeg {
	double discount;          /* 0.01, 0.05, 0.10 */
	long double value;        /* portfolio NAV with every token discounted */
	long double loss;         /* total − value */
	const struct asset *worst; /* NULL when there is no liquid/restaked token */
	long double worst_loss;   /* that token alone */
};

struct risk_report {
	double threshold;
	long double total;
	struct risk_share protocol[RISK_MAX_SHARES], chain[RISK_MAX_SHARES];
	size_t n_protocol, n_chain;
	size_t n_flagged;
	struct risk_token tokens[RISK_MAX_TOKENS];
	size_t n_tokens;
	struct risk_depeg depeg[RISK_DEPEG_LEVELS];
	size_t n_unvalued;
};

/* Fill out. threshold is a fraction in (0, 1]. */
void risk_compute(const struct valuation *rows, const long double *nav, size_t n,
                  long double cash, double threshold, struct risk_report *out);

#endif
