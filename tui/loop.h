/* loop.h — the interface's loop, shared by the files at tui/ itself (ui.c
 * runs it, ui_data.c keeps the scene current, dispatch.c turns keys into
 * actions, unbond_actions.c acts for the unbond, claim and event keys).
 * struct ui composes what is on screen: the scene every screen reads, and
 * each screen's own state (declared in its header under tui/screens/). */
#ifndef STAKETOP_LOOP_H
#define STAKETOP_LOOP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tui/app/backfill.h"
#include "tui/app/feeds.h"
#include "tui/screens/alerts_view.h"
#include "tui/screens/board.h"
#include "tui/screens/detail.h"
#include "tui/screens/feeds_view.h"
#include "tui/screens/form.h"
#include "tui/screens/help.h"
#include "tui/screens/history.h"
#include "tui/screens/planner.h"
#include "tui/screens/prompt.h"
#include "tui/screens/scene.h"
#include "tui/screens/unbonding_view.h"
#include "tui/screens/watch_view.h"
#include "tui/term/keymap.h"
#include "tui/term/theme.h"

struct ui {
	struct scene sc;           /* app, clock, geometry, what was read */
	unsigned screen;           /* CX_BOARD, CX_DETAIL, CX_FEEDS, CX_UNBOND, CX_PLAN, CX_HISTORY, CX_WATCH */
	unsigned overlay;          /* 0, CX_HELP, CX_PROMPT, CX_FORM or CX_CONFIRM */

	struct board board;
	struct detail detail;
	struct feeds_view feeds;
	struct unbonding_view unbv;
	struct history_view hist;
	struct alerts_view alerts;
	struct watch_view watch;   /* its add form is the CX_FORM overlay when form_open */
	struct planner planner;
	struct help help;
	struct prompt prompt;
	struct form *form;
	struct confirm confirm;

	/* refresh */
	struct refresh *refresh;   /* NULL until opened, or when it could not be */
	int64_t next_refresh_ms;   /* monotonic; 0 never */
	/* backfill (never at the same time as a refresh: the loop waits on
	 * the one running) */
	struct backfill *backfill; /* NULL when none runs */

	/* status line */
	char msg[320];
	enum role msg_role;

	bool ring;                 /* an alert fired and [alerts] bell: beep once */
	bool alerts_loaded;        /* the first load's unseen alerts ring nothing */
	bool clock_fixed;          /* STAKETOP_NOW: nothing ticks */
	bool dirty;                /* something to draw */
	bool quit;
	char fatal[512];           /* printed after the screen is restored */
};

/* ui_data.c */
int64_t ui_mono_ms(void);
/* The status line's message (sanitized). */
void ui_message(struct ui *u, enum role r, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The scene's say: ui_message for screens (ctx is the struct ui). */
void ui_say(void *ctx, enum role r, const char *text);
/* Re-read the store (positions, values, unbondings, feed status) and
 * recompute every view. 0, or -1 with the message shown. */
int ui_reload(struct ui *u);
/* Recompute the views from what is loaded (sort, filter, time). */
void ui_recompute(struct ui *u);
/* The unbonding screen's lines again (after a new second or width). */
void ui_unbonding_compute(struct ui *u);
/* To the unbonding screen: load it and show it from the first line. */
void ui_unbonding_open(struct ui *u);
/* Make the refresher (once, after the first frame: libcurl and TLS take
 * a while to start) and, unless offline, schedule a refresh at once. */
void ui_feeds_open(struct ui *u);
/* Start a refresh now (a message says why not, when not). */
void ui_start_refresh(struct ui *u);
/* After each wake: move the refresh on; store it when it is done; start
 * the next one when it is due. Never blocks. */
void ui_refresh_poll(struct ui *u);
/* Start a backfill (a message says why not, when not); after each wake
 * move it on, its progress on the status line, and when it is done
 * re-read everything. Never blocks. */
void ui_backfill_start(struct ui *u);
void ui_backfill_poll(struct ui *u);
/* To the history screen on scope (the board's or the detail's position). */
void ui_history_open(struct ui *u, enum hv_scope scope);

/* ui.c */
/* Geometry from LINES and COLS, in one place. */
void ui_resize(struct ui *u);

/* dispatch.c */
/* One key: looked up in the table for the current context, then acted on. */
void ui_key(struct ui *u, int key);
/* The context keys are looked up in: the overlay's, else the screen's. */
unsigned ui_context(const struct ui *u);
/* How a message off the feeds screen points at it (dropped once there). */
#define FEEDS_HINT " (Tab: feeds screen)"
/* The bar item that does nothing in this context (keymap_bar's hide). */
enum action ui_bar_hidden(const struct ui *u);

/* unbond_actions.c: unbond, claim and event removal from the screens, and
 * the watch that says when an unbonding becomes claimable. */
/* The position the unbond and claim keys act on: the detail's, the
 * selected unbonding's, the board's selected row; -1 none. */
int64_t ui_action_position(const struct ui *u);
void ui_claim(struct ui *u);
void ui_unbond_form(struct ui *u);
/* The withdraw / sell form on that position (w). */
void ui_withdraw_form(struct ui *u);
/* The detail's event selection: step to the next / previous event. */
void ui_event_step(struct ui *u, int dir);
/* Ask before removing the selected event; the answer. */
void ui_event_remove_ask(struct ui *u);
void ui_event_remove_key(struct ui *u, enum action a);
/* Between two frames the clock went from before to after: say which
 * unbondings became claimable meanwhile. */
void ui_unbond_watch(struct ui *u, int64_t before, int64_t after);
/* Seconds until the next pending unbonding becomes claimable; 0 none. */
int ui_unbond_watch_next(const struct ui *u);

#endif
