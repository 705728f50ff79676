/* ui.h — the interface's state and the views' entry points. One struct ui
 * holds what is on screen; each view computes its rows from the app (the
 * store read happens there) and draws them (drawing reads only). ui.c runs
 * the loop; dispatch.c turns keys into actions. */
#ifndef STAKETOP_UI_H
#define STAKETOP_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "data/events_db.h"
#include "data/observations_db.h"
#include "pricing/refresh.h"
#include "tui/app/app.h"
#include "tui/screens/board.h"
#include "tui/term/keymap.h"
#include "tui/term/layout.h"
#include "tui/term/theme.h"

struct form;

/* A line being typed (search, filter, form fields): UTF-8, edited at the
 * end. */
#define LINE_MAX_ 256
struct lineedit {
	char buf[LINE_MAX_];
	size_t len;
};
void lineedit_set(struct lineedit *l, const char *s);
/* Append the character of code point wc; false when it does not fit or is
 * a control character. */
bool lineedit_insert(struct lineedit *l, int wc);
void lineedit_erase(struct lineedit *l);   /* the last character */

/* Detail: the position worked out, as lines label / value / note. */
struct dline {
	char label[72];
	char value[64];
	char note[200];
	unsigned char lrole, vrole, nrole;
	bool heading;
	int next_change;           /* seconds until its text changes; 0 never */
	int64_t event_id;          /* an event's line: its id; else 0 */
	bool event_removed;
};

struct detail {
	int64_t pos_id;
	struct dline *lines;
	size_t n, cap;
	size_t top;
	int64_t sel_event;         /* the event x acts on; 0 none */
	unsigned back;             /* the screen Back returns to */
};

/* Unbonding screen: one item per unbonding, drawn as its row and the lines
 * under it (the rule, and for a liquid token the sell-now route). */
enum { UC_POS, UC_ASSET, UC_AMOUNT, UC_REQUESTED, UC_ETA, UC_LEFT, UC_PROGRESS, UC_STATUS,
       UC_COUNT };
enum uline_kind { UL_ROW, UL_RULE, UL_SELL };
struct uline {
	enum uline_kind kind;
	size_t item;               /* index into the view's items */
	char cell[UC_COUNT][32];   /* UL_ROW */
	unsigned char role[UC_COUNT];
	double progress;           /* UL_ROW: requested -> available, 0..1 */
	char text[UNBOND_BASIS_MAX + 96]; /* UL_RULE, UL_SELL: one screen line */
	unsigned char trole;
};
struct unbonding_view {
	struct unbonding *items;   /* from the store; claimed ones when shown */
	size_t n_items;
	struct uline *lines;
	size_t n, cap;
	size_t cursor;             /* an item, or NO_ROW when there is none */
	int64_t selected_id;       /* the selected unbonding, kept on reload */
	size_t top;                /* first line drawn */
	bool show_claimed;
	/* the columns at the width the lines were made for (-1: left out) */
	int width, col_x[UC_COUNT], col_w[UC_COUNT];
};

/* Feeds screen rows. */
enum { FC_NAME, FC_STATE, FC_SUCCESS, FC_ATTEMPT, FC_LATENCY, FC_VALUES, FC_ERROR, FC_COUNT };
struct feed_line {
	char cell[FC_COUNT][FEED_ERROR_MAX];
	unsigned char role[FC_COUNT];
	int next_change;
};
struct feeds_view {
	struct feed_line *rows;
	size_t n, top;
};

enum prompt_kind { PROMPT_SEARCH, PROMPT_FILTER };
struct prompt {
	enum prompt_kind kind;
	struct lineedit le;
	int64_t saved_id;          /* search: the position Esc goes back to */
	char saved_filter[BOARD_TEXT_MAX];
	bool failed;               /* search: no match for the text */
};

struct ui {
	struct app *app;
	struct layout lay;
	unsigned screen;           /* CX_BOARD, CX_DETAIL, CX_FEEDS or CX_UNBOND */
	unsigned overlay;          /* 0, CX_HELP, CX_PROMPT, CX_FORM or CX_CONFIRM */

	/* what the views show besides the app's rows (read by ui_reload) */
	struct unbonding *unb;     /* pending, all positions */
	size_t n_unb;
	struct feed_status *fs;
	size_t n_fs;
	int64_t last_success;      /* newest feed success, 0 never */
	bool feeds_failing;        /* every feed's last attempt took nothing */
	int64_t stale_since;       /* the oldest input's time, 0 none: the
	                              header says "stale since" it once it
	                              is older than stale_seconds */

	struct board board;
	struct detail detail;
	struct feeds_view feeds;
	struct unbonding_view unbv;
	size_t help_top;
	struct prompt prompt;
	struct form *form;
	enum { CONFIRM_POSITION, CONFIRM_EVENT } confirm_kind;
	int64_t confirm_id;        /* position or event a removal waits for */
	char confirm_text[256];

	/* refresh */
	struct refresh *refresh;   /* NULL until opened, or when it could not be */
	bool feeds_opened;
	bool refreshing;
	int64_t next_refresh_ms;   /* monotonic; 0 never */

	/* status line */
	char msg[320];
	enum role msg_role;

	int64_t now;               /* display clock (app_clock) */
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
/* Re-read the store (positions, values, unbondings, feed status) and
 * recompute every view. 0, or -1 with the message shown. */
int ui_reload(struct ui *u);
/* Recompute the views from what is loaded (sort, filter, time). */
void ui_recompute(struct ui *u);
/* Make the refresher (once, after the first frame: libcurl and TLS take
 * a while to start) and, unless offline, schedule a refresh at once. */
void ui_feeds_open(struct ui *u);
/* Start a refresh now (a message says why not, when not). */
void ui_start_refresh(struct ui *u);
/* After each wake: move the refresh on; store it when it is done; start
 * the next one when it is due. Never blocks. */
void ui_refresh_poll(struct ui *u);

/* ui.c */
/* Geometry from LINES and COLS, in one place. */
void ui_resize(struct ui *u);

/* ui_signals.c */
/* The self-pipe and SIGINT/SIGTERM/SIGHUP; the pipe's read end for the
 * wait; the quit signal caught (0 none); empty the pipe after a wake. */
int ui_signals_open(char *err, size_t errlen);
void ui_signals_close(void);
int ui_signals_fd(void);
int ui_signals_caught(void);
void ui_signals_drain(void);
/* Before the terminal is set up: its modes, for the crash handler. */
void ui_signals_save_tty(void);
/* With the screen up (terminfo loaded): SIGWINCH wake-ups and the crash
 * handlers; off before endwin. */
void ui_signals_screen(bool on);

/* dispatch.c */
/* One key: looked up in the table for the current context, then acted on. */
void ui_key(struct ui *u, int key);
/* The context keys are looked up in: the overlay's, else the screen's. */
unsigned ui_context(const struct ui *u);

/* Each view: *_compute builds its lines from the state (reading the store
 * when it must), *_draw only draws them, *_next_change says in how many
 * seconds a text it shows will read differently (0: never). */

/* header.c */
void header_draw(const struct ui *u, const struct rect *r);
int header_next_change(const struct ui *u);

/* detail.c */
int detail_compute(struct ui *u);          /* for u->detail.pos_id */
void detail_draw(const struct ui *u, const struct rect *r);
void detail_scroll(struct ui *u, long delta);
int detail_next_change(const struct ui *u, const struct rect *r);
void detail_free(struct detail *d);

/* feeds_view.c */
void feeds_view_compute(struct ui *u);
void feeds_view_draw(const struct ui *u, const struct rect *r);
void feeds_view_scroll(struct ui *u, long delta);
int feeds_view_next_change(const struct ui *u);
void feeds_view_free(struct feeds_view *f);

/* unbonding_view.c: the unbonding screen. _load reads the store (the
 * claimed ones too when shown), _compute makes the lines for u->now and
 * the body's width (ui_resize calls it again). */
void unbonding_view_open(struct ui *u);
int unbonding_view_load(struct ui *u);
void unbonding_view_compute(struct ui *u);
void unbonding_view_draw(const struct ui *u, const struct rect *r);
/* Move the cursor by delta items (home / end: first / last) and keep it
 * in view. */
void unbonding_view_move(struct ui *u, long delta, bool home, bool end);
int unbonding_view_next_change(const struct ui *u, const struct rect *r);
/* The unbonding under the cursor, or NULL. */
const struct unbonding *unbonding_view_selected(const struct ui *u);
void unbonding_view_free(struct unbonding_view *v);

/* unbond_actions.c: unbond, claim and event removal from the screens, and
 * the watch that says when an unbonding becomes claimable. */
/* The position the unbond and claim keys act on: the detail's, the
 * selected unbonding's, the board's selected row; -1 none. */
int64_t ui_action_position(const struct ui *u);
void ui_claim(struct ui *u);
void ui_unbond_form(struct ui *u);
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

/* help.c */
void help_draw(const struct ui *u, const struct rect *r);
size_t help_lines(void);

/* statusline.c */
void statusline_draw(const struct ui *u, const struct rect *r);
void bar_draw(const struct ui *u, const struct rect *r);

#endif
