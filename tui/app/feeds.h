/* feeds.h — wiring the pricing layer to the store: a refresher configured
 * from the app's config, and storing a finished refresh (observations in
 * one transaction, one status row per feed). Shared by `staketop refresh`
 * and the interface. The feed status rows (data/observations_db.h) come
 * with this header. */
#ifndef STAKETOP_FEEDS_H
#define STAKETOP_FEEDS_H

#include <stddef.h>

#include "data/observations_db.h"
#include "pricing/refresh.h"
#include "tui/app/app.h"

/* A refresher for a's catalog and config; NULL with err on failure. */
struct refresh *feeds_refresher(const struct app *a, char *err, size_t errlen);

/* Start a refresh of r at now (the interface then drives it with
 * refresh_step and its wait), holding back every feed the store says is
 * rate-limited past now (feed_status.blocked_until). 0, or -1 with err.
 * The faces start fetches only through here. */
int feeds_start(struct app *a, struct refresh *r, int64_t now, char *err, size_t errlen);
/* Start a refresh and drive it to the end (blocking; the command line).
 * 0, or -1 with err. */
int feeds_fetch(struct app *a, struct refresh *r, int64_t now, char *err, size_t errlen);

/* Store what r took (observations, feed statuses) in one transaction. The
 * last good values stay: a failed feed adds nothing but its status. On
 * success a is valued as of now on what was committed (app_value: the
 * snapshots and the alert rules use it), so the interface's reload adds
 * only the P&L rather than valuing again. */
int feeds_store(struct app *a, const struct refresh *r, int64_t now, char *err, size_t errlen);

/* Value the portfolio as of now (app_value) and record one snapshot per
 * position (at most one per [history] snapshot_interval_seconds), then thin
 * what is older than thin_after_days. feeds_store calls it inside its
 * transaction. */
int feeds_record_snapshots(struct app *a, int64_t now, char *err, size_t errlen);

#endif
