/* scene.h — what every screen reads besides its own state. The loop
 * (tui/ui.c, tui/ui_data.c) owns and fills it: the app's valued portfolio,
 * what was read beside it (pending unbondings, feed statuses), the display
 * clock and the geometry. Screens read it and never reach up: a message
 * for the status line goes through scene_say, which calls the function the
 * loop put in `say`. */
#ifndef STAKETOP_SCENE_H
#define STAKETOP_SCENE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tui/app/app.h"
#include "tui/app/feeds.h"
#include "tui/app/unbond_ops.h"
#include "tui/app/watch.h"
#include "tui/term/layout.h"
#include "tui/term/theme.h"

struct scene {
	struct app *app;
	int64_t now;               /* display clock (app_clock) */
	struct layout lay;

	/* read with the app's rows (by the loop's reload) */
	struct unbonding *unb;     /* pending, all positions */
	size_t n_unb;
	struct feed_status *fs;
	size_t n_fs;
	struct watch *watches;     /* watched addresses, by id (their reads) */
	size_t n_watches;
	int64_t last_success;      /* newest feed success, 0 never */
	bool feeds_failing;        /* every feed's last attempt took nothing */
	int64_t last_failure;      /* the newest failed attempt, when it is newer
	                              than every success (0 otherwise) */
	char failure[256];         /* its feed and error, sanitized */
	int64_t stale_since;       /* the oldest input's time, 0 none: the
	                              header says "stale since" it once it
	                              is older than stale_seconds */
	int64_t data_last;         /* the newest observation's time, 0 none: the
	                              header says it when offline */
	/* the refresh, as the header and the feeds screen show it */
	bool feeds_opened;         /* the refresher was asked for */
	bool feeds_off;            /* ... and could not be made */
	bool refreshing;
	int64_t alerts_unseen;     /* fired alerts not seen yet (the header) */

	/* the status line's message: say(ctx, role, text) */
	void (*say)(void *ctx, enum role r, const char *text);
	void *say_ctx;
};

/* A message for the status line (formatted here; the receiver sanitizes). */
void scene_say(const struct scene *s, enum role r, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
