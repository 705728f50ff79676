/* alert_rules.h — the alert rules the alerts screen edits: checked, then
 * written into the config file's [alerts] section (data/config_write.h)
 * and put in force: the premium rule for every token and per token, the
 * day's move, a loan's health factor, claimable, stale and the bell. */
#ifndef STAKETOP_APP_ALERT_RULES_H
#define STAKETOP_APP_ALERT_RULES_H

#include <stddef.h>

#include "tui/app/app.h"

/* What the user typed. */
struct alert_rules_input {
	const char *premium_bps;   /* 0..10000, 0 = off */
	const char *per_token;     /* "SYMBOL=BPS ..." (spaces or commas between),
	                              each a catalog symbol, 0..10000; "" none */
	const char *move_pct;      /* 0..1000, 0 = off */
	const char *health_factor; /* 0..10 with up to 4 decimals, 0 = off */
	const char *claimable;     /* y | n */
	const char *stale;         /* y | n */
	const char *bell;          /* y | n */
};

#define ALERT_TOKENS_TEXT_MAX 512

/* The per-token rules as the form shows them: "wstETH=50 rETH=0". */
void alert_rules_tokens_text(const struct alert_rules *r, char *buf, size_t len);

/* 0 written and in force; -1 refused with *field (0..6, the input's
 * order) and err (never echoing what was typed unless it is plain text);
 * -2 the file could not be written (err). */
int app_alert_rules_save(struct app *a, const struct alert_rules_input *in, int *field,
                         char *err, size_t errlen);

#endif
