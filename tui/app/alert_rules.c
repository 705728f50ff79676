/* alert_rules.c — check the typed rules and write them to the config. */
#include "tui/app/alert_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/config_write.h"
#include "positions/decimal.h"

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
	if (number(in->move_pct, 1000, false, &r.move_pct) < 0) {
		*field = 1;
		snprintf(err, errlen, "a percentage 0..1000 (0 = off), at most 4 decimals");
		return -1;
	}
	const char *yn[3] = { in->claimable, in->stale, in->bell };
	bool *dst[3] = { &r.claimable, &r.stale, &r.bell };
	for (int i = 0; i < 3; i++)
		if (yes_no(yn[i], dst[i]) < 0) {
			*field = 2 + i;
			snprintf(err, errlen, "y or n");
			return -1;
		}
	if (config_write_alerts(a->paths.config, &r, err, errlen) < 0)
		return -2;
	a->cfg.alerts = r;
	return 0;
}
