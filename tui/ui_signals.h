/* ui_signals.h — the self-pipe and SIGINT/SIGTERM/SIGHUP for the loop
 * (ui_signals.c): the pipe's read end for the wait; the quit signal caught
 * (0 none); empty the pipe after a wake. */
#ifndef STAKETOP_UI_SIGNALS_H
#define STAKETOP_UI_SIGNALS_H

#include <stdbool.h>
#include <stddef.h>

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

#endif
