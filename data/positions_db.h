/* positions_db.h — positions and their accounts in the store.
 *
 * Quantities, shares and cost basis are stored as canonical decimal TEXT
 * (dec_format) and read back with dec_parse at 18 fraction digits, so they
 * round-trip exactly; they must not be negative. Empty strings (address,
 * opened, note) are stored as NULL and read back as "". Accounts are made
 * by name as positions refer to them and are never removed here.
 *
 * Every function returns 0, or -1 with a message in err; store_position_get
 * returns 1 when there is no such position. Writes run in their own
 * transaction, or as a savepoint inside the caller's (store_begin). */
#ifndef STAKETOP_POSITIONS_DB_H
#define STAKETOP_POSITIONS_DB_H

#include <stddef.h>
#include <stdint.h>

#include "data/store.h"
#include "positions/position.h"

/* Insert p (its id is ignored) and set p->id. Creates p->account if new.
 * p->share_rate is written here only (store_position_update keeps it;
 * data/shares_db.h sets it for pending positions).
 * created_at and updated_at are set to time(NULL) when 0. */
int store_position_add(struct store *s, struct position *p, char *err, size_t errlen);
/* Overwrite every field of position p->id ("no position 42" when absent),
 * creating p->account if new. updated_at becomes time(NULL); created_at is
 * written as given, or kept when p->created_at is 0. */
int store_position_update(struct store *s, const struct position *p,
                          char *err, size_t errlen);
/* Write only the given POS_F_* fields of p (account, opened, cost basis,
 * note; POS_F_QUANTITY is refused: quantities change through events) to
 * position p->id, provided the stored row's version is still
 * expected_version. The read and the write are one transaction (or a
 * savepoint inside the caller's). Returns 0 when written (fields 0: nothing
 * to write), 1 when the row has moved on — nothing written and *stored is
 * the row as it is now (it is filled in every case but an error) — or -1
 * with err ("no position 42"). Every write to a row moves its version. */
int store_position_patch(struct store *s, const struct position *p, unsigned fields,
                         int64_t expected_version, struct position *stored,
                         char *err, size_t errlen);
/* Remove a position with its events and unbondings ("no position 42"). */
int store_position_remove(struct store *s, int64_t id, char *err, size_t errlen);
/* 0 and *out filled when found, 1 when not, -1 on error (a corrupt value
 * is an error naming the position and the column). */
int store_position_get(struct store *s, int64_t id, struct position *out,
                       char *err, size_t errlen);
/* Every position, ordered by id. *out is overwritten: on success the caller
 * owns it (position_list_free); on error it is left empty. */
int store_positions_list(struct store *s, struct position_list *out,
                         char *err, size_t errlen);
int store_positions_count(struct store *s, int64_t *n, char *err, size_t errlen);

#endif
