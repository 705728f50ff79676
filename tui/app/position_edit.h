/* position_edit.h — checking and writing a position the user typed, shared
 * by the interface's forms (and meant for `staketop add/edit/remove` too):
 * the same rules as the command line — catalog_find for the asset, dec_parse
 * with the asset's decimals for amounts, date_parse for the opening date,
 * text checks for account and note — and the same writes: the position and
 * its 'stake' event in one transaction on add, an 'adjust' event for an
 * amount change on edit.
 *
 * Messages name what is wrong without naming the field ("too many
 * decimals: 7 (at most 6 allowed) (ATOM has 6 decimals)"): the form shows
 * them beside the field, the command line prefixes its flag. */
#ifndef STAKETOP_POSITION_EDIT_H
#define STAKETOP_POSITION_EDIT_H

#include <stddef.h>
#include <stdint.h>

#include "tui/app/app.h"

enum pe_field { PE_ASSET, PE_AMOUNT, PE_ACCOUNT, PE_OPENED, PE_COST, PE_NOTE, PE_FIELDS };

/* What the user typed; NULL is "not given" (edit: unchanged; add: the
 * default — account "default", no date, no cost basis, no note). */
struct position_input {
	const char *asset, *amount, *account, *opened, *cost_basis, *note;
};

#define PE_MSG_MAX 200
struct pe_errors {
	char msg[PE_FIELDS][PE_MSG_MAX];   /* "" when the field is fine */
	int n;                             /* fields with an error */
	int first;                         /* the first such field, or -1 */
};

/* Check a new position. 0 with *out ready to add and *opened_ts the time
 * of its 'stake' event (the opening date, else now); -1 with e filled. */
int pe_check_add(const struct catalog *cat, const struct position_input *in, int64_t now,
                 struct position *out, int64_t *opened_ts, struct pe_errors *e);

/* Add p (checked): shares for a rebasing token at the share rate a's market
 * holds (app_load must have run), then the position and its 'stake' event
 * (note event_note) in one transaction. Sets p->id. 0, or -1 with err. */
int pe_add(struct app *a, struct position *p, int64_t opened_ts, const char *event_note,
           char *err, size_t errlen);

/* Check an edit of cur: only the fields given in `in` (amount, account,
 * note) change. 0 with *out = cur changed and *want the new quantity (cur's
 * when no amount is given); -1 with e filled. */
int pe_check_edit(const struct catalog *cat, const struct position *cur,
                  const struct position_input *in, struct position *out, dec_t *want,
                  struct pe_errors *e);

/* Write an edit (checked) of the row read as `was`: only the fields in
 * which p differs from was, and when want differs from was's quantity an
 * 'adjust' event for the difference at now, in one transaction (a
 * savepoint when the caller holds one). When the stored row's version is
 * no longer was's, nothing is written and 1 is returned with *stored the
 * row as it is now; 0 when written; -1 with err. */
int pe_edit(struct app *a, const struct position *was, const struct position *p, dec_t want,
            int64_t now, const char *event_note, struct position *stored,
            char *err, size_t errlen);

/* Remove a position with its events and unbondings. */
int pe_remove(struct app *a, int64_t id, char *err, size_t errlen);

#endif
