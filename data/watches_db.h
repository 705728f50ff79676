/* watches_db.h — watched addresses in the store: a chain, a normalized
 * address (checked by positions/address.h before it gets here), a label,
 * and what the last read said: when (read_at, unix s), at which
 * block/slot/height (text), when a read last succeeded, the last
 * error ("" after a good read), and until when its chain's provider asked
 * to be left alone (a 429 or 503 with Retry-After).
 *
 * Every function returns 0, or -1 with a message in err; store_watch_add
 * returns 1 when the chain and address are watched already (*id is then
 * that watch), store_watch_remove 1 when there is no such id. Arrays from
 * store_watches_list are the caller's: free(). */
#ifndef STAKETOP_WATCHES_DB_H
#define STAKETOP_WATCHES_DB_H

#include <stddef.h>
#include <stdint.h>

#include "data/store.h"
#include "positions/address.h"

#define WATCH_LABEL_MAX 64
#define WATCH_HEIGHT_MAX 24
#define WATCH_ERROR_MAX 256

struct watch {
	int64_t id;
	enum watch_chain chain;
	char address[WATCH_ADDR_MAX];
	char label[WATCH_LABEL_MAX + 1];
	int64_t created_at;
	int64_t read_at;            /* 0: never read */
	char read_height[WATCH_HEIGHT_MAX];
	int64_t last_ok_at;         /* 0: never read successfully */
	char last_error[WATCH_ERROR_MAX];
	int64_t blocked_until;      /* unix s: read nothing of this chain before
	                             * then; 0 none (NULL in the column) */
};

int store_watch_add(struct store *s, enum watch_chain chain, const char *address,
                    const char *label, int64_t now, int64_t *id, char *err, size_t errlen);
int store_watch_remove(struct store *s, int64_t id, char *err, size_t errlen);
/* By id. *out is NULL when there are none. */
int store_watches_list(struct store *s, struct watch **out, size_t *n, char *err,
                       size_t errlen);
/* After a read: a good one (error "" or NULL) sets read_at, read_height,
 * last_ok_at and clears the error; a failed one sets read_at and the error
 * and keeps read_height and last_ok_at. Either way blocked_until is what
 * the read said (0: NULL): a read without a hold, good or failed, clears
 * an old one (a hold only matters while it is in the future, and a read
 * was made, so it has passed). */
int store_watch_mark(struct store *s, int64_t id, int64_t now, const char *height,
                     const char *error, int64_t blocked_until, char *err, size_t errlen);

/* The position watch_id's read of key lives in: 0 with *position_id, 1
 * when none yet. */
int store_watch_item_find(struct store *s, int64_t watch_id, const char *key,
                          int64_t *position_id, char *err, size_t errlen);
/* Set (or move) key's position; unbonding_id (0: none) when the key is
 * an amount leaving a stake, recorded as that unbonding of position_id. */
int store_watch_item_put(struct store *s, int64_t watch_id, const char *key,
                         int64_t position_id, int64_t unbonding_id, char *err, size_t errlen);
/* Forget key (an unbonding the chain no longer reports). */
int store_watch_item_drop(struct store *s, int64_t watch_id, const char *key, char *err,
                          size_t errlen);

struct watch_item {
	char key[160];
	int64_t position_id;
	int64_t unbonding_id;      /* 0: the key is a position of its own */
};
/* Every item of a watch; *out the caller's (free). */
int store_watch_items_list(struct store *s, int64_t watch_id, struct watch_item **out,
                           size_t *n, char *err, size_t errlen);

#endif
