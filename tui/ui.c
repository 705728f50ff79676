/* ui.c — the interface: start-up and teardown as a table of stages
 * unwound in reverse, and the loop. The loop has one wait: the pricing
 * layer's refresh_wait (curl_multi_poll) on the terminal and a self-pipe,
 * with a timeout that is the next moment something on screen changes (a
 * countdown, an age) or the next refresh is due — never a polling tick.
 * Keys are drained with a non-blocking get_wch after each wake; ncurses
 * turns SIGWINCH into KEY_RESIZE; SIGINT/SIGTERM/SIGHUP only set a flag
 * and write the self-pipe, and the loop exits through the teardown, so the
 * terminal is restored on every path.
 *
 * Environment for tests: STAKETOP_UI_FRAMES=N draws N frames (processing
 * pending input) and exits; STAKETOP_UI_TIMING=1 also prints the time to
 * the first frame and the cost of a board redraw after a keystroke to
 * stderr once the screen is restored; when the history screen is up at the
 * end, also the cost of opening it (read, compute, first frame) and of a
 * cursor move with the whole frame. */
#include "tui/ui_main.h"
#include "tui/term/format.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>

#include "tui/loop.h"
#include "tui/screens/header.h"
#include "tui/screens/statusline.h"
#include "tui/term/draw.h"
#include "tui/term/ticks.h"
#include "tui/ui_signals.h"

static double mono_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

/* --- geometry and drawing -------------------------------------------------- */

void ui_resize(struct ui *u)
{
	layout_compute(&u->sc.lay, LINES, COLS);
	board_columns(&u->board, u->sc.lay.body.w);
	if (u->screen == CX_UNBOND)
		ui_unbonding_compute(u); /* its lines wrap at the width */
	if (u->screen == CX_PLAN)
		planner_lines(&u->planner, &u->sc); /* and so do the planner's */
	if (u->screen == CX_HISTORY && !u->sc.lay.too_small)
		history_view_fit(&u->hist, &u->sc.lay.body); /* its charts fit the body */
	u->dirty = true;
}

/* Keep the scrolled views' positions inside the current geometry. */
static void prepare(struct ui *u)
{
	board_scroll(&u->board, u->sc.lay.body.h - 1);
	board_prepare(&u->board, u->sc.lay.body.h - 1);
	if (u->screen == CX_DETAIL)
		detail_scroll(&u->detail, &u->sc, 0);
	if (u->screen == CX_FEEDS)
		feeds_view_scroll(&u->feeds, &u->sc, 0);
	if (u->screen == CX_UNBOND)
		unbonding_view_move(&u->unbv, &u->sc, 0, false, false);
	if (u->screen == CX_HISTORY)
		history_view_scroll(&u->hist, &u->sc.lay.body, 0);
	if (u->screen == CX_ALERTS)
		alerts_view_scroll(&u->alerts, &u->sc, 0);
	if (u->screen == CX_WATCH)
		watch_view_move(&u->watch, &u->sc.lay.body, 0, false, false);
	if (u->screen == CX_PLAN)
		planner_scroll(&u->planner, &u->sc, 0);
}

static void draw_frame(struct ui *u)
{
	const struct layout *l = &u->sc.lay;
	prepare(u);
	erase();
	curs_set(0);
	if (l->too_small) {
		char t[96];
		snprintf(t, sizeof t, "terminal too small (need %dx%d, have %dx%d)", LAYOUT_MIN_COLS,
		         LAYOUT_MIN_LINES, l->cols, l->lines);
		draw_cell(l->lines / 2, 0, l->cols, t, R_ERROR, AL_CENTER);
		if (l->lines > 2)
			draw_cell(l->lines / 2 + 1, 0, l->cols, "q quits", R_DIM, AL_CENTER);
	} else {
		header_draw(&u->sc, &l->header);
		if (u->screen == CX_DETAIL)
			detail_draw(&u->detail, &l->body);
		else if (u->screen == CX_FEEDS)
			feeds_view_draw(&u->feeds, &u->sc, &l->body);
		else if (u->screen == CX_UNBOND)
			unbonding_view_draw(&u->unbv, &l->body);
		else if (u->screen == CX_HISTORY)
			history_view_draw(&u->hist, &u->sc, &l->body);
		else if (u->screen == CX_ALERTS)
			alerts_view_draw(&u->alerts, &l->body);
		else if (u->screen == CX_WATCH)
			watch_view_draw(&u->watch, &u->sc, &l->body);
		else if (u->screen == CX_PLAN)
			planner_draw(&u->planner, &u->sc, &l->body);
		else
			board_draw(&u->board, &l->body);
		if (u->overlay == CX_HELP)
			help_draw(&u->help, &l->overlay);
		else if (u->overlay == CX_FORM && u->watch.form_open)
			watch_form_draw(&u->watch, l);
		else if (u->overlay == CX_FORM && u->form)
			form_draw(u->form, l);
		else if (u->overlay == CX_CONFIRM)
			form_confirm_draw(&u->confirm, l);
		bar_draw(ui_context(u), ui_bar_hidden(u), &l->bar);
		const struct status_view sv = {
			.msg = u->msg, .msg_role = u->msg_role, .screen = u->screen,
			.overlay = u->overlay, .sc = &u->sc, .board = &u->board, .detail = &u->detail,
			.unbv = &u->unbv, .hist = &u->hist, .prompt = &u->prompt, .form = u->form,
		};
		statusline_draw(&sv, &l->status); /* last: it may place the cursor */
		if (u->overlay == CX_FORM && u->watch.form_open) {
			int y, x;
			watch_form_cursor(&u->watch, l, &y, &x);
			curs_set(1);
			move(y, x);
		}
	}
	wnoutrefresh(stdscr);
	doupdate();
	if (u->ring) {
		beep();   /* once per new alert, [alerts] bell = true */
		u->ring = false;
	}
}

/* --- timers ---------------------------------------------------------------- */

/* Milliseconds the wait may last: until the next change of a text on
 * screen, an unbonding becoming claimable (the status line says so) or the
 * next refresh; -1 for no timer at all. */
static int wait_timeout(const struct ui *u)
{
	int64_t best = -1;
	if (!u->clock_fixed && !u->sc.lay.too_small) {
		int s = ticks_min(header_next_change(&u->sc), ui_unbond_watch_next(u));
		if (u->screen == CX_BOARD)
			s = ticks_min(s, board_next_change(&u->board, &u->sc.lay.body));
		else if (u->screen == CX_DETAIL)
			s = ticks_min(s, detail_next_change(&u->detail, &u->sc.lay.body));
		else if (u->screen == CX_UNBOND)
			s = ticks_min(s, unbonding_view_next_change(&u->unbv, &u->sc, &u->sc.lay.body));
		else if (u->screen == CX_ALERTS || u->screen == CX_PLAN)
			; /* alerts: dates; the plan: changes with keys, not the clock */
		else if (u->screen == CX_FEEDS)
			s = ticks_min(s, feeds_view_next_change(&u->feeds));
		else if (u->screen == CX_WATCH)
			s = ticks_min(s, watch_view_next_change(&u->watch, &u->sc));
		if (s > 0) {
			struct timespec ts;
			clock_gettime(CLOCK_REALTIME, &ts);
			/* the display clock ticks on whole seconds */
			best = (int64_t)s * 1000 - ts.tv_nsec / 1000000 + 5;
		}
	}
	if (u->next_refresh_ms > 0 && !u->sc.refreshing) {
		int64_t t = u->next_refresh_ms - ui_mono_ms();
		if (t < 0)
			t = 0;
		if (best < 0 || t < best)
			best = t;
	}
	if (best > 24 * 3600 * 1000)
		best = 24 * 3600 * 1000;
	return (int)best;
}

static long env_long(const char *name)
{
	const char *s = getenv(name);
	return s && s[0] ? strtol(s, NULL, 10) : 0;
}

/* --- stages ---------------------------------------------------------------- */

struct run {
	const struct app_options *opt;
	struct app app;
	struct ui ui;
	char err[512];
};

static int st_app(struct run *r)
{
	if (app_open(&r->app, r->opt, r->err, sizeof r->err) < 0)
		return -1;
	/* hide amounts: --private or [display] private = true (the key toggles) */
	fmt_set_private(r->opt->private_mode || r->app.cfg.private_mode);
	for (int i = 0; i < 2; i++) /* before the screen is taken */
		if (r->app.warning[i][0])
			fprintf(stderr, "staketop: warning: %s\n", r->app.warning[i]);
	return 0;
}
static void st_app_done(struct run *r)
{
	app_close(&r->app);
}

static void st_load_done(struct run *r);

static int st_load(struct run *r)
{
	struct ui *u = &r->ui;
	u->sc.app = &r->app;
	u->sc.say = ui_say;
	u->sc.say_ctx = u;
	board_init(&u->board);
	u->hist.range = HV_ALL;
	u->screen = CX_BOARD;
	u->clock_fixed = app_clock_fixed(NULL);
	if (ui_reload(u) < 0) {
		snprintf(r->err, sizeof r->err, "%s", u->msg);
		st_load_done(r);
		return -1;
	}
	u->msg[0] = 0;
	/* the warning printed before the screen opened is covered by it: the
	 * status line says it again */
	for (int i = 1; i >= 0; i--)
		if (r->app.warning[i][0])
			ui_message(u, R_ERROR, "warning: %s", r->app.warning[i]);
	return 0;
}
static void st_load_done(struct run *r)
{
	struct ui *u = &r->ui;
	board_free(&u->board);
	detail_free(&u->detail);
	feeds_view_free(&u->feeds);
	unbonding_view_free(&u->unbv);
	history_view_free(&u->hist);
	alerts_view_free(&u->alerts);
	watch_view_free(&u->watch);
	planner_free(&u->planner);
	form_free(u->form);
	u->form = NULL;
	free(u->sc.unb);
	free(u->sc.watches);
	free(u->sc.fs);
}

/* The refresher (libcurl, TLS) is made after the first frame is on screen:
 * see ui_feeds_open. Its teardown is here. */
static int st_refresher(struct run *r)
{
	(void)r;
	return 0;
}
static void st_refresher_done(struct run *r)
{
	backfill_free(r->ui.backfill);
	r->ui.backfill = NULL;
	refresh_free(r->ui.refresh);
	r->ui.refresh = NULL;
}

static int st_signals(struct run *r)
{
	return ui_signals_open(r->err, sizeof r->err);
}
static void st_signals_done(struct run *r)
{
	(void)r;
	ui_signals_close();
}

/* Home and End as tmux, screen and rxvt send them, when the terminfo
 * entry in use knows other strings. */
static void extra_keys(void)
{
	static const struct {
		const char *seq;
		int key;
	} alt[] = {
		{ "\033[1~", KEY_HOME }, { "\033[4~", KEY_END }, { "\033[7~", KEY_HOME },
		{ "\033[8~", KEY_END },  { "\033[H", KEY_HOME }, { "\033[F", KEY_END },
		{ "\033OH", KEY_HOME },  { "\033OF", KEY_END },
	};
	for (size_t i = 0; i < sizeof alt / sizeof alt[0]; i++)
		if (key_defined(alt[i].seq) == 0)
			define_key(alt[i].seq, alt[i].key);
}

static SCREEN *screen;

static int st_screen(struct run *r)
{
	const char *term = getenv("TERM");

	ui_signals_save_tty();
	screen = newterm(term && term[0] ? NULL : "xterm", stdout, stdin);
	if (!screen) {
		snprintf(r->err, sizeof r->err, "cannot start the terminal interface (TERM=%s)",
		         term ? term : "");
		return -1;
	}
	set_term(screen);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(25);
	extra_keys();
	curs_set(0);
	mouseinterval(0);
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	theme_init();
	ui_signals_screen(true);
	ui_resize(&r->ui);
	return 0;
}
static void st_screen_done(struct run *r)
{
	(void)r;
	ui_signals_screen(false);
	endwin();
	delscreen(screen);
	screen = NULL;
}

static const struct stage {
	const char *name;
	int (*init)(struct run *);
	void (*done)(struct run *);
} stages[] = {
	{ "database", st_app, st_app_done },
	{ "portfolio", st_load, st_load_done },
	{ "feeds", st_refresher, st_refresher_done },
	{ "signals", st_signals, st_signals_done },
	{ "terminal", st_screen, st_screen_done },
};
#define N_STAGES (sizeof stages / sizeof stages[0])

/* --- the loop --------------------------------------------------------------- */

/* Every key waiting (a paste may bring many); how many were read. */
static int read_keys(struct ui *u)
{
	int i;
	for (i = 0; i < 4096; i++) {
		wint_t wc;
		int r = get_wch(&wc);
		if (r == ERR)
			break;
		int key = r == KEY_CODE_YES ? KC((int)wc) : (int)wc;
		if (key == KC(KEY_RESIZE)) {
			ui_resize(u);
			continue;
		}
		ui_key(u, key);
		u->dirty = true;
		if (u->quit)
			break;
	}
	return i;
}


static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* The cost of one board redraw after a keystroke (cursor down or up, then
 * the whole frame drawn and sent): the median and the 95th percentile. */
static void time_redraws(struct ui *u, double *median_ms, double *p95_ms)
{
	enum { N = 400 };
	static double t[N];
	u->screen = CX_BOARD;
	u->overlay = 0;
	for (int i = 0; i < N; i++) {
		double t0 = mono_us();
		ui_key(u, i % 60 < 30 ? KC(KEY_DOWN) : KC(KEY_UP));
		draw_frame(u);
		t[i] = (mono_us() - t0) / 1000;
	}
	qsort(t, N, sizeof t[0], cmp_double);
	*median_ms = t[N / 2];
	*p95_ms = t[N * 95 / 100];
}

static char hist_timing[320]; /* time_history's lines, printed at the end */

/* The history screen's costs: opening it as the H key does (read the
 * store, compute, fit, the whole frame drawn and sent), and one cursor
 * move with the whole frame; medians and 95th percentiles. */
static void time_history(struct ui *u, char *out, size_t len)
{
	enum { N_OPEN = 21, N_MOVE = 400 };
	static double t_open[N_OPEN], t_draw[N_OPEN], t_move[N_MOVE];
	const enum hv_scope scope = u->hist.scope;
	for (int i = 0; i < N_OPEN; i++) {
		double t0 = mono_us();
		history_view_open(&u->hist, &u->sc, scope, u->hist.position_id, u->hist.asset);
		double t1 = mono_us();
		draw_frame(u);
		t_draw[i] = (mono_us() - t1) / 1000;
		t_open[i] = (mono_us() - t0) / 1000;
	}
	for (int i = 0; i < N_MOVE; i++) {
		double t0 = mono_us();
		ui_key(u, i % 60 < 30 ? KC(KEY_LEFT) : KC(KEY_RIGHT));
		draw_frame(u);
		t_move[i] = (mono_us() - t0) / 1000;
	}
	qsort(t_open, N_OPEN, sizeof *t_open, cmp_double);
	qsort(t_draw, N_OPEN, sizeof *t_draw, cmp_double);
	qsort(t_move, N_MOVE, sizeof *t_move, cmp_double);
	snprintf(out, len,
	         "ui history open: %.2f ms (p95 %.2f ms; of it the frame %.2f ms; %s, %zu dates, "
	         "%zu holdings)\nui history cursor move: %.3f ms (p95 %.3f ms)\n",
	         t_open[N_OPEN / 2], t_open[N_OPEN * 95 / 100], t_draw[N_OPEN / 2],
	         history_range_name(u->hist.range), u->hist.data.n_t, u->hist.data.n_h,
	         t_move[N_MOVE / 2], t_move[N_MOVE * 95 / 100]);
}

/* The one wait: keys, the self-pipe, the refresh's (or while a backfill
 * runs, the backfill's) sockets and timers, and our own timeout, in
 * curl_multi_poll (plain poll only when the refresher could not be made). */
static int wait_once(struct ui *u, int timeout_ms, bool *tty_ready)
{
	struct refresh_waitfd fds[2] = {
		{ .fd = STDIN_FILENO, .events = POLLIN, .revents = 0 },
		{ .fd = ui_signals_fd(), .events = POLLIN, .revents = 0 },
	};
	int rc;
	if (u->backfill) {
		rc = backfill_wait(u->backfill, fds, 2, timeout_ms);
		*tty_ready = rc > 0 && fds[0].revents != 0;
		return rc;
	}
	if (u->refresh) {
		rc = refresh_wait(u->refresh, fds, 2, timeout_ms);
		*tty_ready = rc > 0 && fds[0].revents != 0;
		return rc;
	}
	struct pollfd p[2] = { { fds[0].fd, POLLIN, 0 }, { fds[1].fd, POLLIN, 0 } };
	rc = poll(p, 2, timeout_ms);
	if (rc < 0 && errno == EINTR)
		rc = 0;
	*tty_ready = rc > 0 && p[0].revents != 0;
	return rc;
}

static void loop(struct ui *u, double t_start)
{
	const long frames = env_long("STAKETOP_UI_FRAMES");
	const bool timing = env_long("STAKETOP_UI_TIMING") > 0;
	long drawn = 0;
	double first_ms = -1, redraw_median = -1, redraw_p95 = -1;
	int64_t shown_now = u->sc.now;
	int empty_wakes = 0;
	u->dirty = true;
	while (!u->quit && !u->fatal[0]) {
		if (ui_signals_caught()) {
			u->quit = true;
			break;
		}
		ui_refresh_poll(u);
		ui_backfill_poll(u);
		u->sc.now = app_clock();
		if (u->sc.now != shown_now) {
			ui_unbond_watch(u, shown_now, u->sc.now);
			shown_now = u->sc.now;
			ui_recompute(u);
		}
		if (u->dirty || frames > 0) {
			draw_frame(u);
			u->dirty = false;
			drawn++;
			if (first_ms < 0)
				first_ms = (mono_us() - t_start) / 1000;
		}
		if (!u->sc.feeds_opened)
			ui_feeds_open(u); /* once, after the first frame */
		if (frames > 0 && drawn >= frames)
			break;
		bool tty_ready;
		int rc = wait_once(u, frames > 0 ? 0 : wait_timeout(u), &tty_ready);
		if (rc < 0 && !ui_signals_caught()) {
			snprintf(u->fatal, sizeof u->fatal, "waiting for input failed");
			break;
		}
		ui_signals_drain();
		/* a terminal that is readable but yields nothing, again and
		 * again, has gone away: leave instead of spinning */
		if (read_keys(u) == 0 && tty_ready && frames == 0) {
			if (++empty_wakes > 100) {
				snprintf(u->fatal, sizeof u->fatal, "the terminal went away");
				break;
			}
		} else {
			empty_wakes = 0;
		}
	}
	hist_timing[0] = 0;
	if (timing && !u->fatal[0] && !u->sc.lay.too_small && u->screen == CX_HISTORY)
		time_history(u, hist_timing, sizeof hist_timing);
	if (timing && !u->fatal[0] && !u->sc.lay.too_small)
		time_redraws(u, &redraw_median, &redraw_p95);
	if (timing) {
		/* printed after endwin through the fatal-free path below */
		snprintf(u->msg, sizeof u->msg,
		         "ui first frame: %.2f ms\nui board redraw: %.3f ms (p95 %.3f ms, %zu rows)\n",
		         first_ms, redraw_median, redraw_p95, u->board.n);
	}
}

int ui_main(const struct app_options *o)
{
	static struct run run; /* large; one per process */
	double t_start = mono_us();
	size_t done = 0;
	int rc = EXIT_OK;
	memset(&run, 0, sizeof run);
	run.opt = o;
	/* before anything is opened or created */
	if (env_long("STAKETOP_UI_FRAMES") <= 0 &&
	    (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
		fprintf(stderr, "staketop: the interface needs a terminal; in scripts use a command "
		                "(staketop report, staketop list; staketop --help)\n");
		return EXIT_USAGE;
	}
	double stage_ms[N_STAGES] = { 0 };
	for (; done < N_STAGES; done++) {
		double t0 = mono_us();
		if (stages[done].init(&run) < 0) {
			rc = EXIT_USAGE;
			break;
		}
		stage_ms[done] = (mono_us() - t0) / 1000;
	}
	if (done == N_STAGES) {
		loop(&run.ui, t_start);
		if (run.ui.fatal[0])
			rc = EXIT_PARTIAL;
	}
	while (done > 0) {
		done--;
		stages[done].done(&run);
	}
	/* the screen is restored: now messages may be printed */
	if (run.err[0])
		fprintf(stderr, "staketop: %s\n", run.err);
	if (run.ui.fatal[0])
		fprintf(stderr, "staketop: %s\n", run.ui.fatal);
	else if (env_long("STAKETOP_UI_TIMING") > 0) {
		fputs(run.ui.msg, stderr);
		fputs(hist_timing, stderr);
		fprintf(stderr, "ui start-up:");
		for (size_t i = 0; i < N_STAGES; i++)
			fprintf(stderr, " %s %.2f ms%s", stages[i].name, stage_ms[i],
			        i + 1 < N_STAGES ? "," : "\n");
	}
	/* Ctrl-C is the user quitting; SIGTERM and SIGHUP end it as a kill */
	const int sig = ui_signals_caught();
	if (sig && sig != SIGINT && rc == EXIT_OK)
		rc = 128 + sig;
	return rc;
}
