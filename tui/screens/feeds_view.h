/* feeds_view.h — the feeds screen (feeds_view.c): each feed's last
 * success, latency, values taken and last error, from the feed status rows
 * the loop read into the scene. */
#ifndef STAKETOP_FEEDS_VIEW_H
#define STAKETOP_FEEDS_VIEW_H

#include <stddef.h>

#include "tui/screens/scene.h"
#include "tui/term/layout.h"

enum { FC_NAME, FC_STATE, FC_SUCCESS, FC_ATTEMPT, FC_LATENCY, FC_VALUES, FC_ERROR, FC_COUNT };
struct feed_line {
	char cell[FC_COUNT][FEED_ERROR_MAX];
	unsigned char role[FC_COUNT];
	int next_change;
};
struct feeds_view {
	struct feed_line *rows;    /* owned; feeds_view_free */
	size_t n, top;
};

void feeds_view_compute(struct feeds_view *f, const struct scene *sc);
void feeds_view_draw(const struct feeds_view *f, const struct scene *sc, const struct rect *r);
void feeds_view_scroll(struct feeds_view *f, const struct scene *sc, long delta);
/* Seconds until a text it shows reads differently; 0 never. */
int feeds_view_next_change(const struct feeds_view *f);
void feeds_view_free(struct feeds_view *f);

#endif
