/* form.h — the add, edit and unbond forms and the removal confirmation,
 * drawn over the screen. Fields are checked when the user saves (a
 * position with positions/position_check.h's rules, an unbond with
 * unbond_ops.h's); each wrong field gets its message beside it.
 *
 * A key in a form never reaches up into the loop: what follows from it
 * (close the overlay, re-read the store, select what was added, a message)
 * comes back in struct form_done for the loop to carry out. */
#ifndef STAKETOP_FORM_H
#define STAKETOP_FORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tui/app/app.h"
#include "tui/term/keymap.h"
#include "tui/term/layout.h"
#include "tui/term/theme.h"

struct form;

/* The removal confirmation's state. */
struct confirm {
	enum { CONFIRM_POSITION, CONFIRM_EVENT, CONFIRM_WATCH } kind;
	int64_t id;                /* the position, event or watch a removal waits for */
	char text[256];
};

/* What a key did, for the loop: cleared before each key. */
struct form_done {
	bool close;                /* free the form / take the overlay down */
	bool reload;               /* the store changed: re-read it, and show msg
	                              only when that worked */
	bool leave_detail;         /* the position shown is gone: to the board */
	int64_t select_position;   /* > 0: the board selects it */
	int64_t select_unbonding;  /* > 0: the unbonding screen selects it */
	enum role role;
	char msg[320];             /* "" nothing to say */
};

/* What a key in a form or the confirmation works on. */
struct form_host {
	struct app *app;
	struct form *form;         /* the open form (form_key) */
	const struct confirm *confirm; /* the open confirmation (form_confirm_key) */
	struct form_done done;
};

/* A new add form, or an edit form for the position at app row idx. NULL
 * when out of memory. Free with form_free (NULL is fine). */
struct form *form_new_add(const struct app *a);
struct form *form_new_edit(const struct app *a, size_t idx);
/* An unbond form for the position at app row idx: amount and request time,
 * and under them when it becomes claimable by which rule. NULL when out of
 * memory or the position's asset is not in the catalog. */
struct form *form_new_unbond(struct app *a, size_t idx);
/* A withdraw form for the position at app row idx: amount, price
 * received (empty: a transfer out), time, note, each checked as typed,
 * and under them what the sale realizes (tui/app/withdraw.h). NULL when
 * out of memory. */
struct form *form_new_withdraw(const struct app *a, size_t idx);
/* The manual price form (price, rate, APR, pin), the asset filled in
 * with symbol (may be NULL). Saving writes through tui/app/prices.h. */
struct form *form_new_price(const struct app *a, const char *symbol);
/* The alert rules form (premium bps, move %, claimable, stale, bell);
 * saving writes the config through tui/app/alert_rules.h. */
struct form *form_new_alert_rules(const struct app *a);
void form_free(struct form *f);
/* Has the form an asset field Left/Right picks in (the add form)? */
bool form_has_picker(const struct form *f);

/* One key (already looked up as action a) in h->form. Saving writes
 * through tui/app/position_edit.h or unbond_ops.h and closes the form;
 * Esc closes it. */
void form_key(struct form_host *h, enum action a, int key);

void form_draw(const struct form *f, const struct layout *l);
/* Where the terminal cursor goes (the end of the focused field). */
void form_cursor(const struct form *f, const struct layout *l, int *y, int *x);

/* The removal confirmation of the position at app row idx; the answer
 * (a position's: an event's removal is answered by the loop); drawing. */
void form_confirm_open(struct confirm *c, const struct app *a, size_t idx);
void form_confirm_key(struct form_host *h, enum action a);
void form_confirm_draw(const struct confirm *c, const struct layout *l);

#endif
