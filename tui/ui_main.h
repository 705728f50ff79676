/* ui_main.h — the interface's one entry, for tui/cli/main.c: run it on
 * the app opened with o until the user quits. Returns the exit status
 * (0, 1 when it ended on an error, 2 when it could not start, 128 + the
 * signal that ended it). */
#ifndef STAKETOP_UI_MAIN_H
#define STAKETOP_UI_MAIN_H

#include "tui/app/app.h"

int ui_main(const struct app_options *o);

#endif
