/* why.c — a row without a value says why. */
#include "positions/why.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static bool missing_is(const struct valuation *v, const char *what)
{
	return v->missing && strcmp(v->missing, what) == 0;
}

const char *why_short(const struct valuation *v)
{
	if (v->nav.has && v->market_value.has)
		return NULL;
	if (missing_is(v, "unknown asset"))
		return "unknown";
	if (missing_is(v, "broken rate chain"))
		return "bad chain";
	if (!v->nav.has) {
		if (!v->exchange_rate.has)
			return missing_is(v, "no rate source") ? "no rate src" : "no rate";
		return "no price";
	}
	return "no market";
}

/* The feed that fetches the missing figure. */
const char *why_feed(const struct valuation *v)
{
	const char *s = why_short(v);
	if (!s || strcmp(s, "unknown") == 0 || strcmp(s, "bad chain") == 0 ||
	    strcmp(s, "no rate src") == 0)
		return NULL;
	if (strcmp(s, "no rate") == 0) {
		for (unsigned i = 0; i + 1 < v->n_chain; i++) {
			if (v->chain_rate[i].has)
				continue;
			switch (v->chain[i]->rate.type) {
			case RATE_EVM_CALL:
				return "eth_rpc";
			case RATE_SPL_STAKE_POOL:
			case RATE_MARINADE_STATE:
				return "sol_rpc";
			default:
				return NULL;
			}
		}
		return NULL;
	}
	return "coingecko";
}

void why_text(const struct valuation *v, int64_t since, const char *feed_error, char *buf,
              size_t len)
{
	const char *s = why_short(v);
	const char *sym = v->asset ? v->asset->symbol : "?";
	char when[16] = "?";
	struct tm tm;
	time_t t = (time_t)since;

	if (!len)
		return;
	buf[0] = 0;
	if (!s)
		return;
	if (strcmp(s, "unknown") == 0) {
		snprintf(buf, len, "unknown asset: not in the catalog");
		return;
	}
	if (strcmp(s, "bad chain") == 0) {
		snprintf(buf, len, "no rate: the catalog's rate chain for %s is broken", sym);
		return;
	}
	if (strcmp(s, "no rate src") == 0) {
		snprintf(buf, len, "no rate source: the catalog names none for %s", sym);
		return;
	}
	if (since > 0 && gmtime_r(&t, &tm))
		strftime(when, sizeof when, "%m-%d %H:%M", &tm);
	const char *what = strcmp(s, "no rate") == 0 ? "no rate"
	                   : strcmp(s, "no price") == 0 ? "no price"
	                                                : "no market price";
	const char *reason = feed_error && feed_error[0] ? feed_error
	                     : v->missing               ? v->missing
	                                                : "not fetched yet";
	const char *feed = why_feed(v);
	if (feed_error && feed_error[0] && feed)
		snprintf(buf, len, "%s since %s: %s: %s", what, when, feed, reason);
	else
		snprintf(buf, len, "%s since %s: %s", what, when, reason);
}
