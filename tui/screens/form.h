/* form.h — the add, edit and unbond forms and the removal confirmation,
 * drawn over the screen. Fields are checked when the user saves (a
 * position with position_edit.h's rules, an unbond with unbond_ops.h's);
 * each wrong field gets its message beside it. */
#ifndef STAKETOP_FORM_H
#define STAKETOP_FORM_H

#include "tui/term/keymap.h"
#include "tui/term/layout.h"

struct ui;
struct form;

/* A new add form, or an edit form for the position at app row idx. NULL
 * when out of memory. Free with form_free (NULL is fine). */
struct form *form_new_add(const struct ui *u);
struct form *form_new_edit(const struct ui *u, size_t idx);
/* An unbond form for the position at app row idx: amount and request time,
 * and under them when it becomes claimable by which rule. NULL when out of
 * memory or the position's asset is not in the catalog. */
struct form *form_new_unbond(struct ui *u, size_t idx);
void form_free(struct form *f);

/* One key (already looked up as action a) in the form. Saving writes
 * through position_edit.c, reloads and closes the form; Esc closes it. */
void form_key(struct ui *u, enum action a, int key);

void form_draw(const struct form *f, const struct layout *l);
/* Where the terminal cursor goes (the end of the focused field). */
void form_cursor(const struct form *f, const struct layout *l, int *y, int *x);

/* The removal confirmation: ask, answer (an event's removal is answered
 * by ui_event_remove_key). */
void form_confirm_open(struct ui *u, size_t idx);
void form_confirm_key(struct ui *u, enum action a);
void form_confirm_draw(const struct ui *u, const struct layout *l);

#endif
