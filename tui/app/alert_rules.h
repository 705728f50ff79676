/* alert_rules.h — the alert rules the alerts screen edits: checked, then
 * written into the config file's [alerts] section (data/config_write.h)
 * and put in force. Per-token premium rules are kept as they are. */
#ifndef STAKETOP_APP_ALERT_RULES_H
#define STAKETOP_APP_ALERT_RULES_H

#include <stddef.h>

#include "tui/app/app.h"

/* What the user typed. */
struct alert_rules_input {
	const char *premium_bps;   /* 0..10000, 0 = off */
	const char *move_pct;      /* 0..1000, 0 = off */
	const char *claimable;     /* y | n */
	const char *stale;         /* y | n */
	const char *bell;          /* y | n */
};

/* 0 written and in force; -1 refused with *field (0..4, the input's
 * order) and err; -2 the file could not be written (err). */
int app_alert_rules_save(struct app *a, const struct alert_rules_input *in, int *field,
                         char *err, size_t errlen);

#endif
