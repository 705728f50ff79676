/* detail.h — the detail screen: one position worked out, as lines label /
 * value / note (detail.c). detail_compute reads the position's unbondings
 * and events from the store and builds the lines; detail_draw only draws
 * them; detail_next_change says in how many seconds a text it shows will
 * read differently (0: never). */
#ifndef STAKETOP_DETAIL_H
#define STAKETOP_DETAIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tui/screens/scene.h"
#include "tui/term/layout.h"

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
	struct dline *lines;       /* owned; detail_free */
	size_t n, cap;
	size_t top;
	int64_t sel_event;         /* the event x acts on; 0 none */
	unsigned back;             /* the screen Back returns to */
};

/* The lines for d->pos_id: 0, 1 when that position is gone, -1 out of
 * memory. */
int detail_compute(struct detail *d, const struct scene *s);
void detail_draw(const struct detail *d, const struct rect *r);
/* Scroll by delta lines, kept inside the body. */
void detail_scroll(struct detail *d, const struct scene *s, long delta);
int detail_next_change(const struct detail *d, const struct rect *r);
void detail_free(struct detail *d);

#endif
