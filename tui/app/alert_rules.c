/* alert_rules.c — check the typed rules and write them to the config. */
#include "tui/app/alert_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/config_write.h"
#include "positions/decimal.h"
#include "positions/text.h"

static int yes_no(const char *s, bool *out)
{
	if (strcmp(s, "y") == 0)
		*out = true;
	else if (strcmp(s, "n") == 0)
		*out = false;
	else
		return -1;
	return 0;
}

/* A plain decimal within [0, hi]. */
static int number(const char *s, double hi, bool whole, double *out)
{
	dec_t d;
	if (dec_parse(s, whole ? 0 : 4, &d, NULL, 0) < 0)
		return -1;
	long double v = dec_to_ld(d);
	if (v > hi)
		return -1;
	*out = (double)v;
	return 0;
}

void alert_rules_tokens_text(const struct alert_rules *r, char *buf, size_t len)
{
	size_t n = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < r->n_token && n < len; i++)
		n += (size_t)snprintf(buf + n, len - n, "%s%s=%d", i ? " " : "", r->token[i].sym,
		                      r->token[i].bps);
}

/* "SYMBOL=BPS ..." into r's token rules. 0, or -1 with err. */
static int per_token(const struct catalog *cat, const char *text, struct alert_rules *r,
                     char *err, size_t errlen)
{
	char buf[ALERT_TOKENS_TEXT_MAX];
	if (strlen(text) >= sizeof buf) {
		snprintf(err, errlen, "at most %zu characters", sizeof buf - 1);
		return -1;
	}
	snprintf(buf, sizeof buf, "%s", text);
	r->n_token = 0;
	char *save = NULL;
	for (char *w = strtok_r(buf, " ,", &save); w; w = strtok_r(NULL, " ,", &save)) {
		char *eq = strchr(w, '=');
		double bps;
		if (!eq || eq == w || !eq[1]) {
			snprintf(err, errlen, "write SYMBOL=BPS, e.g. wstETH=50");
			return -1;
		}
		*eq = '\0';
		const struct asset *as = text_is_unsafe(w) ? NULL : catalog_find(cat, w);
		if (!as) {
			if (text_is_unsafe(w) || strlen(w) >= SYM_MAX)
				snprintf(err, errlen, "a token is not a catalog symbol");
			else
				snprintf(err, errlen, "%s is not a catalog symbol", w);
			return -1;
		}
		if (number(eq + 1, 10000, true, &bps) < 0) {
			snprintf(err, errlen, "%s: a whole number of bps 0..10000 (0 = off)", as->symbol);
			return -1;
		}
		for (size_t i = 0; i < r->n_token; i++)
			if (strcmp(r->token[i].sym, as->symbol) == 0) {
				snprintf(err, errlen, "%s is given twice", as->symbol);
				return -1;
			}
		if (r->n_token == ALERT_TOKEN_RULES) {
			snprintf(err, errlen, "at most %d tokens", ALERT_TOKEN_RULES);
			return -1;
		}
		snprintf(r->token[r->n_token].sym, sizeof r->token[r->n_token].sym, "%s", as->symbol);
		r->token[r->n_token++].bps = (int)bps;
	}
	return 0;
}

int app_alert_rules_save(struct app *a, const struct alert_rules_input *in, int *field,
                         char *err, size_t errlen)
{
	struct alert_rules r = a->cfg.alerts;
	double bps;
	*field = -1;
	if (number(in->premium_bps, 10000, true, &bps) < 0) {
		*field = 0;
		snprintf(err, errlen, "a whole number of bps 0..10000 (0 = off)");
		return -1;
	}
	r.premium_bps = (int)bps;
	if (per_token(&a->cat, in->per_token, &r, err, errlen) < 0) {
		*field = 1;
		return -1;
	}
	if (number(in->move_pct, 1000, false, &r.move_pct) < 0) {
		*field = 2;
		snprintf(err, errlen, "a percentage 0..1000 (0 = off), at most 4 decimals");
		return -1;
	}
	if (number(in->health_factor, 10, false, &r.health_factor) < 0) {
		*field = 3;
		snprintf(err, errlen, "a health factor 0..10 (0 = off), at most 4 decimals");
		return -1;
	}
	const char *yn[3] = { in->claimable, in->stale, in->bell };
	bool *dst[3] = { &r.claimable, &r.stale, &r.bell };
	for (int i = 0; i < 3; i++)
		if (yes_no(yn[i], dst[i]) < 0) {
			*field = 4 + i;
			snprintf(err, errlen, "y or n");
			return -1;
		}
	if (config_write_alerts(a->paths.config, &r, err, errlen) < 0)
		return -2;
	a->cfg.alerts = r;
	return 0;
}
