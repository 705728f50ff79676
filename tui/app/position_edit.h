/* position_edit.h — writing a position the user typed, shared by the
 * interface's forms and `staketop add/edit/remove`, once checked with
 * positions/position_check.h (pe_check_add, pe_check_edit): the position
 * and its 'stake' event in one transaction on add, an 'adjust' event for
 * an amount change on edit; removals of a position or of one event. The
 * store's position and event reads come with this header
 * (data/positions_db.h, data/events_db.h). */
#ifndef STAKETOP_POSITION_EDIT_H
#define STAKETOP_POSITION_EDIT_H

#include <stddef.h>
#include <stdint.h>

#include "data/events_db.h"
#include "data/positions_db.h"
#include "positions/position_check.h"
#include "tui/app/app.h"

/* Add p (checked): shares for a rebasing token at the share rate a's market
 * holds (app_load must have run), then the position and its 'stake' event
 * (note event_note) in one transaction. Sets p->id. 0, or -1 with err. */
int pe_add(struct app *a, struct position *p, int64_t opened_ts, const char *event_note,
           char *err, size_t errlen);

/* Write an edit (checked) of the row read as `was`: only the fields in
 * which p differs from was, and when want differs from was's quantity an
 * 'adjust' event for the difference at now, in one transaction (a
 * savepoint when the caller holds one). When the stored row's version is
 * no longer was's, nothing is written and 1 is returned with *stored the
 * row as it is now; 0 when written; -1 with err. */
int pe_edit(struct app *a, const struct position *was, const struct position *p, dec_t want,
            int64_t now, const char *event_note, struct position *stored,
            char *err, size_t errlen);

/* Record a stake, deposit, withdraw or adjust event (a 'stake' with a
 * price is a lot of its own: positions/lots.h). Sets ev->id. */
int pe_event_add(struct app *a, struct event *ev, char *err, size_t errlen);

/* Remove a position with its events and unbondings. */
int pe_remove(struct app *a, int64_t id, char *err, size_t errlen);

/* Remove event event_id (kept in the log, marked removed, with note). */
int pe_event_remove(struct app *a, int64_t event_id, const char *note, int64_t now, char *err,
                    size_t errlen);

#endif
