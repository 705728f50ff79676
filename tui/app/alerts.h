/* alerts.h — alerts for both faces: evaluate the config's [alerts] rules
 * (positions/alerts.h) against the loaded portfolio, the pending
 * unbondings, the feeds' status and each position's value a day ago, and
 * record what fired (data/alerts_db.h, whose rows come with this header);
 * list them and mark them seen. */
#ifndef STAKETOP_APP_ALERTS_H
#define STAKETOP_APP_ALERTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "data/alerts_db.h"
#include "tui/app/app.h"

/* Evaluate at a->now (app_load must have run) and record: *n_fired (may be
 * NULL) new alerts. 0, or -1 with err. */
int app_alerts_check(struct app *a, int *n_fired, char *err, size_t errlen);

int app_alerts_list(struct app *a, bool unseen_only, struct alert_row **out, size_t *n,
                    char *err, size_t errlen);
int app_alerts_unseen(struct app *a, int64_t *n, char *err, size_t errlen);
int app_alerts_mark_seen(struct app *a, int64_t now, int *n_marked, char *err,
                         size_t errlen);

#endif
