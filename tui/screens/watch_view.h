/* watch_view.h — the watched addresses screen (watch_view.c): one row per
 * watch (its chain, the address shortened in the middle when the column is
 * narrow, the label, how many positions its reads made, the block, slot or
 * height of the last good read, that read's age, and whether the last read
 * failed; a failed one has a second line with the error and the age of the
 * quantities kept), and under the list the selected watch whole. Then the
 * add form, which checks the address with every key through
 * tui/app/watch.h (the checks `staketop watch add` uses) and shows the rule
 * broken under the field, and the removal's confirmation (the positions
 * stay). Writes go through tui/app/watch.h; drawing only draws.
 *
 * A key in the form or the confirmation never reaches up into the loop:
 * what follows comes back in struct form_done (form.h). */
#ifndef STAKETOP_WATCH_VIEW_H
#define STAKETOP_WATCH_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "positions/address.h"
#include "tui/app/watch.h"
#include "tui/screens/form.h"
#include "tui/screens/scene.h"
#include "tui/term/keymap.h"
#include "tui/term/layout.h"
#include "tui/term/lineedit.h"

enum { WF_CHAIN, WF_ADDRESS, WF_LABEL, WF_COUNT };

struct watch_form {
	enum watch_chain chain;
	struct lineedit addr, label;
	int focus;                 /* WF_* */
	/* what the checks say of what is typed, redone after every key */
	char addr_msg[320];        /* the rule broken, the form it is kept in,
	                              or (nothing typed) what the chain wants */
	unsigned char addr_role;   /* R_ERROR, R_DONE or R_DIM */
	char label_msg[320];
	bool label_bad;
};

struct watch_view {
	struct watch_row *rows;    /* owned: watch_view_free */
	size_t n;
	size_t cursor, top;        /* rows; top: the first shown */
	int64_t selected_id;       /* the cursor's watch, kept across reloads */
	bool form_open;            /* the add form is the overlay */
	struct watch_form form;
};

/* Re-read the watches (tui/app/watch.h). 0, or -1 said through the scene
 * (the rows read before stay). */
int watch_view_compute(struct watch_view *v, const struct scene *sc);
/* Move the cursor (delta rows, or to the first / last) and keep it in
 * view of body (delta 0: only that). */
void watch_view_move(struct watch_view *v, const struct rect *body, long delta, bool home,
                     bool end);
void watch_view_draw(const struct watch_view *v, const struct scene *sc, const struct rect *r);
/* Seconds until an age it shows reads differently; 0 never. */
int watch_view_next_change(const struct watch_view *v, const struct scene *sc);
void watch_view_free(struct watch_view *v);

/* The add form: opened empty (chain ethereum, focus on the chain). */
void watch_form_open(struct watch_view *v);
void watch_form_key(struct watch_view *v, const struct scene *sc, enum action a, int key,
                    struct form_done *d);
void watch_form_draw(const struct watch_view *v, const struct layout *l);
/* Where the terminal cursor goes (the end of the focused field). */
void watch_form_cursor(const struct watch_view *v, const struct layout *l, int *y, int *x);

/* The removal confirmation of the selected watch into c (CONFIRM_WATCH);
 * false when there is none. The answer: y removes it (its positions stay). */
bool watch_view_confirm_open(const struct watch_view *v, struct confirm *c);
void watch_view_confirm_key(const struct confirm *c, const struct scene *sc, enum action a,
                            struct form_done *d);

#endif
