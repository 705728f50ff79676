/* events_db.h — a position's event log and its unbondings in the store.
 *
 * The log is the record and positions.quantity follows it: every write
 * here recomputes the quantity from the events that are not removed
 * (positions/unbonding.h events_quantity), in the same transaction. A
 * rebasing position with shares has them scaled by new_quantity /
 * old_quantity (cleared when the old quantity was 0: no ratio exists).
 *
 * Whoever makes a position records its opening quantity as a 'stake' event
 * in the same transaction (as the add command and the demo seed do): a
 * position's first stake or deposit opens its log and sets the quantity.
 * Two cases keep a quantity set outside the log, so nothing is lost:
 *   - a position with no events whose first event is a withdraw, unbond or
 *     adjust gets its quantity recorded first as a 'stake' at its
 *     created_at ("opening quantity");
 *   - a position whose quantity differs from its events (set directly with
 *     store_position_update, or read from a chain) gets an 'adjust' of the
 *     difference at the write's time ("quantity changed outside the event
 *     log") before the write. To change a quantity on purpose, add an
 *     adjust event instead of updating the position.
 *
 * Unbond and claim events are made only by store_unbond_request and
 * store_claim, which keep them linked to their unbondings row.
 * Removing an unbond event withdraws its unbonding (it is no longer listed
 * nor claimable; refused once claimed); removing a claim event makes its
 * unbonding pending again.
 *
 * Every function returns 0, or -1 with a message in err (errlen bytes).
 * Every write is one transaction, or a savepoint inside the caller's
 * (store_begin). Returned arrays belong to the caller: free() them. */
#ifndef STAKETOP_EVENTS_DB_H
#define STAKETOP_EVENTS_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "data/store.h"
#include "positions/decimal.h"
#include "positions/unbonding.h"

/* Record a stake, deposit, withdraw or adjust event on ev->position_id
 * (ev->id, removed fields and unbonding_id are ignored) and set ev->id.
 * A price is kept for any type (stake, deposit: paid per unit; withdraw:
 * received per unit, a sale). A withdraw above the holding is refused:
 * "withdraw 5 > position 42 holds 3.2", and so is one dated when less was
 * held ("withdraw 5 at 2026-01-02T00:00:00Z > position 42 held 3 then");
 * an adjust that would go below zero likewise. */
int store_event_add(struct store *s, struct event *ev, char *err, size_t errlen);

/* Every event of a position, removed ones included (marked), oldest first
 * (ts, then id). *out is NULL when there are none. */
int store_events_list(struct store *s, int64_t position_id, struct event **out,
                      size_t *n, char *err, size_t errlen);
/* Every event of every position in one read, by position id, then oldest
 * first (ts, then id); for work over the whole portfolio (P&L), where a
 * read per position would cost a statement each. *out is NULL when none. */
int store_events_list_all(struct store *s, struct event **out, size_t *n, char *err,
                          size_t errlen);

/* Soft-remove an event: it stays listed with removed_at = now and note
 * (may be NULL), and stops counting. "no event 7", "event 7 is already
 * removed", or refused when the rest would leave a negative quantity. */
int store_event_remove(struct store *s, int64_t event_id, const char *note,
                       int64_t now, char *err, size_t errlen);

/* Request an unbond of amount (> 0) at time at, with the ETA computed by
 * unbond_estimate: one 'unbond' event plus one pending unbondings row whose
 * rule is eta->basis. Refuses more than the position holds: "unbond 5 >
 * position 42 holds 3.2". On success *out (may be NULL) is the new row. */
int store_unbond_request(struct store *s, int64_t position_id, dec_t amount,
                         int64_t at, const struct unbond_eta *eta,
                         struct unbonding *out, char *err, size_t errlen);

/* Unbondings of one position (0: all positions), pending only unless
 * include_claimed, ordered by available_at then id. Unbondings whose
 * unbond event was removed are left out. *out is NULL when none. */
int store_unbondings_list(struct store *s, int64_t position_id, bool include_claimed,
                          struct unbonding **out, size_t *n, char *err, size_t errlen);

/* Claim every pending unbonding of the position due at now (available_at
 * <= now): each becomes claimed at now and gets a 'claim' event.
 * *n_claimed (may be NULL) says how many. When none is due: -1 with
 * "nothing claimable on position 42: next in 3d 4h" (or ": no pending
 * unbonding"). */
int store_claim(struct store *s, int64_t position_id, int64_t now, int *n_claimed,
                char *err, size_t errlen);

#endif
