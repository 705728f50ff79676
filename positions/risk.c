/* risk.c — concentration by protocol and chain, depeg stress (risk.h). */
#include "positions/risk.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void add(struct risk_share *s, size_t *n, const char *label, long double v)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp(s[i].label, label) == 0) {
			s[i].value += v;
			return;
		}
	size_t at = *n;
	if (at == RISK_MAX_SHARES) {
		at = RISK_MAX_SHARES - 1;
		snprintf(s[at].label, sizeof s[at].label, "other");
		s[at].value += v;
		return;
	}
	snprintf(s[at].label, sizeof s[at].label, "%s", label);
	s[at].value = v;
	(*n)++;
}

static bool usable(const struct valuation *r)
{
	return r->asset && r->nav.has && r->price_underlying.has && r->price_underlying.v > 0 &&
	       isfinite((double)r->nav.v) && r->nav.v >= 0 &&
	       !(r->nav.v == 0 && !dec_is_zero(r->quantity));
}

void risk_compute(const struct valuation *rows, const long double *nav, size_t n,
                  long double cash, double threshold, struct risk_report *out)
{
	static const double levels[RISK_DEPEG_LEVELS] = { 0.01, 0.05, 0.10 };
	memset(out, 0, sizeof *out);
	out->threshold = threshold;
	for (size_t i = 0; i < n; i++) {
		const struct valuation *r = &rows[i];
		if (!usable(r)) {
			out->n_unvalued++;
			continue;
		}
		long double v = nav ? nav[i] : r->nav.v;
		if (isnan((double)v))
			continue;
		out->total += v;
		const char *proto = r->idle ? "idle" : r->asset->protocol[0] ? r->asset->protocol
		                                                               : "native";
		add(out->protocol, &out->n_protocol, proto, v);
		add(out->chain, &out->n_chain, r->asset->chain, v);
		if (r->idle || r->kind == ASSET_NATIVE)
			continue;
		size_t k = 0;
		while (k < out->n_tokens && out->tokens[k].asset != r->asset)
			k++;
		if (k == out->n_tokens) {
			if (k == RISK_MAX_TOKENS)
				continue;
			out->tokens[k].asset = r->asset;
			out->n_tokens++;
		}
		out->tokens[k].nav += v;
	}
	if (cash > 0) {
		out->total += cash;
		add(out->protocol, &out->n_protocol, "cash", cash);
		add(out->chain, &out->n_chain, "cash", cash);
	}
	for (size_t i = 0; i < out->n_protocol; i++) {
		struct risk_share *s = &out->protocol[i];
		s->weight = out->total > 0 ? (double)(s->value / out->total) : 0;
		s->flagged = s->weight > threshold && strcmp(s->label, "native") != 0 &&
		             strcmp(s->label, "idle") != 0 && strcmp(s->label, "cash") != 0;
		out->n_flagged += s->flagged;
	}
	for (size_t i = 0; i < out->n_chain; i++) {
		struct risk_share *s = &out->chain[i];
		s->weight = out->total > 0 ? (double)(s->value / out->total) : 0;
		s->flagged = s->weight > threshold && strcmp(s->label, "cash") != 0;
		out->n_flagged += s->flagged;
	}
	const struct risk_token *worst = NULL;
	long double tokens = 0;
	for (size_t k = 0; k < out->n_tokens; k++) {
		tokens += out->tokens[k].nav;
		if (!worst || out->tokens[k].nav > worst->nav)
			worst = &out->tokens[k];
	}
	for (size_t l = 0; l < RISK_DEPEG_LEVELS; l++) {
		struct risk_depeg *d = &out->depeg[l];
		d->discount = levels[l];
		d->loss = tokens * (long double)levels[l];
		d->value = out->total - d->loss;
		if (worst) {
			d->worst = worst->asset;
			d->worst_loss = worst->nav * (long double)levels[l];
		}
	}
}
