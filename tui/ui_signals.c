/* ui_signals.c — signals for the interface, with nothing but flags and
 * writes in the handlers (no curses there):
 *   - SIGINT, SIGTERM, SIGHUP set a flag and write a self-pipe that the
 *     loop's wait watches; the loop then leaves through the teardown;
 *   - SIGWINCH: ncurses' handler records the resize (KEY_RESIZE); ours,
 *     chained in front, writes the self-pipe so the wait returns at once;
 *   - a crash (SEGV, BUS, FPE, ILL, ABRT) writes the terminal's own
 *     "leave" strings, computed beforehand, puts the saved tty modes back
 *     (both async-signal-safe) and dies of the same signal. Not in
 *     sanitizer builds, whose own report must come first. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <curses.h>

#include "tui/ui_signals.h"

static volatile sig_atomic_t got_signal;
static int sig_pipe[2] = { -1, -1 };
static struct sigaction old_int, old_term, old_hup, old_winch;

static void wake_loop(void)
{
	int e = errno;
	if (sig_pipe[1] >= 0) {
		ssize_t w = write(sig_pipe[1], "!", 1);
		(void)w;
	}
	errno = e;
}

static void on_quit_signal(int sig)
{
	got_signal = sig;
	wake_loop();
}

static void on_winch(int sig)
{
	wake_loop();
	if (!(old_winch.sa_flags & SA_SIGINFO) && old_winch.sa_handler != SIG_DFL &&
	    old_winch.sa_handler != SIG_IGN && old_winch.sa_handler)
		old_winch.sa_handler(sig);
}

int ui_signals_open(char *err, size_t errlen)
{
	struct sigaction sa;
	if (pipe(sig_pipe) < 0) {
		snprintf(err, errlen, "pipe: %s", strerror(errno));
		return -1;
	}
	for (int i = 0; i < 2; i++) {
		fcntl(sig_pipe[i], F_SETFL, fcntl(sig_pipe[i], F_GETFL) | O_NONBLOCK);
		fcntl(sig_pipe[i], F_SETFD, FD_CLOEXEC);
	}
	got_signal = 0;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_quit_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	sigaction(SIGHUP, &sa, &old_hup);
	return 0;
}

void ui_signals_close(void)
{
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	close(sig_pipe[0]);
	close(sig_pipe[1]);
	sig_pipe[0] = sig_pipe[1] = -1;
}

int ui_signals_fd(void)
{
	return sig_pipe[0];
}

int ui_signals_caught(void)
{
	return got_signal;
}

void ui_signals_drain(void)
{
	char buf[64];
	while (read(sig_pipe[0], buf, sizeof buf) > 0)
		;
}

/* --- crashes --------------------------------------------------------------- */

static struct termios saved_tty;
static bool have_saved_tty;
static char crash_seq[256];
static size_t crash_len;

#if !defined(__SANITIZE_ADDRESS__)
static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
#define N_CRASH (sizeof crash_signals / sizeof crash_signals[0])
static struct sigaction old_crash[N_CRASH];

static void on_crash(int sig)
{
	if (crash_len) {
		ssize_t w = write(STDOUT_FILENO, crash_seq, crash_len);
		(void)w;
	}
	if (have_saved_tty)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_tty);
	signal(sig, SIG_DFL);
	raise(sig);
}
#endif

static void crash_handlers(bool on)
{
#if defined(__SANITIZE_ADDRESS__)
	(void)on;
#else
	for (size_t i = 0; i < N_CRASH; i++) {
		if (on) {
			struct sigaction sa;
			memset(&sa, 0, sizeof sa);
			sa.sa_handler = on_crash;
			sigemptyset(&sa.sa_mask);
			sigaction(crash_signals[i], &sa, &old_crash[i]);
		} else {
			sigaction(crash_signals[i], &old_crash[i], NULL);
		}
	}
#endif
}

static void crash_append(const char *s, size_t n)
{
	if (crash_len + n < sizeof crash_seq) {
		memcpy(crash_seq + crash_len, s, n);
		crash_len += n;
	}
}

static void crash_append_cap(const char *cap)
{
	const char *s = tigetstr(cap);
	if (s && s != (const char *)-1)
		crash_append(s, strlen(s));
}

void ui_signals_save_tty(void)
{
	have_saved_tty = tcgetattr(STDIN_FILENO, &saved_tty) == 0;
}

void ui_signals_screen(bool on)
{
	if (!on) {
		crash_handlers(false);
		sigaction(SIGWINCH, &old_winch, NULL);
		return;
	}
	/* what leaving looks like on this terminal: plain attributes, the
	 * cursor back, the normal screen, the mouse off */
	crash_len = 0;
	crash_append_cap("sgr0");
	crash_append_cap("cnorm");
	crash_append_cap("rmcup");
	const char *kmous = tigetstr("kmous");
	if (kmous && kmous != (const char *)-1) {
		static const char mouse_off[] = "\033[?1000l\033[?1002l\033[?1006l";
		crash_append(mouse_off, sizeof mouse_off - 1);
	}
	crash_handlers(true);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_winch;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGWINCH, &sa, &old_winch);
}
