/* watch.h — watched addresses, shared by `staketop watch` and the
 * interface's watch list and form: checking what was typed (the same
 * messages for both faces), adding, listing and removing.
 *
 * Messages name the rule broken and never echo the typed bytes. */
#ifndef STAKETOP_APP_WATCH_H
#define STAKETOP_APP_WATCH_H

#include <stddef.h>
#include <stdint.h>

#include "data/watches_db.h"
#include "pricing/refresh.h"
#include "tui/app/app.h"

/* Check a chain name, an address and an optional label (NULL: none) as a
 * form would, field by field: 0 with *chain and norm (WATCH_ADDR_MAX bytes)
 * filled, or -1 with err = "chain: ...", "address: ..." or "label: ...". */
int watch_check(const char *chain_name, const char *address, const char *label,
                enum watch_chain *chain, char *norm, char *err, size_t errlen);

/* The label alone, as watch_check checks it (NULL or "": none): 0, or -1
 * with err = "label: ...". */
int watch_check_label(const char *label, char *err, size_t errlen);

/* Check then store. 0 with *id; 1 when it is watched already (*id is that
 * watch; nothing changes); -1 with err: `invalid` (may be NULL) tells an
 * input error (true) from a store error (false). */
int watch_add(struct app *a, const char *chain_name, const char *address, const char *label,
              int64_t now, int64_t *id, bool *invalid, char *err, size_t errlen);

/* Forget watch id (its positions stay, with their history: they are read
 * no more). 0, 1 when there is no such watch, or -1 with err. */
int watch_remove(struct app *a, int64_t id, char *err, size_t errlen);

/* A watch as its list shows it: the watch, and how many positions its
 * reads made (they stay when the watch goes). */
struct watch_row {
	struct watch w;
	size_t n_positions;
};
/* Every watch, by id: 0 with *out (the caller's: free; NULL when none),
 * or -1 with err. */
int watch_list(struct app *a, struct watch_row **out, size_t *n, char *err, size_t errlen);

/* The account name a watch's positions live in: its label, else
 * "<chain>:<address>" (cut to fit). */
void watch_account(const struct watch *w, char *buf, size_t len);

/* The watch a chain position's reads come from (by its account), or NULL. */
const struct watch *watch_of_position(const struct position *p, const struct watch *w,
                                      size_t n);

/* Hand every watch to the refresher for its next start (feeds_start), each
 * with the latest blocked_until of the watches of its chain as held_until:
 * a chain whose provider asked to be left alone is not read before then. */
int watch_targets(struct app *a, struct refresh *r, char *err, size_t errlen);

/* Write what the refresh read (inside the caller's transaction: feeds_store;
 * the steps are in watch_store.c). Per watch: a failed read changes no
 * quantity (the positions keep their last values and read_at; the watch
 * keeps the error; either way it keeps the read's blocked_until, 0 clearing
 * an old hold). A good one creates or updates one chain position per
 * stake or balance read (origin chain, address, read_at = now, idle for
 * unstaked coins) and records each change of quantity as an event — an
 * 'adjust' noted "reward accrual" where the token model accrues (rebasing
 * shares unchanged, a validator's balance, Cosmos rewards), else a
 * 'deposit' or 'withdraw' noted "transfer". An amount leaving a stake (an
 * unbonding entry, an exiting validator, a deactivating stake, a queued
 * withdrawal, an unlocking chunk) is an unbond of that stake's position,
 * with the chain's completion time (or its estimate) as the ETA; read
 * again it takes the new amount and ETA; gone, it is claimed, or withdrawn
 * when the stake took it back before its time. A position no longer read
 * goes down to zero by a 'withdraw': it stays, closed, with its history.
 * No position is made for a first read of zero. */
int watch_store(struct app *a, const struct refresh *r, int64_t now, char *err, size_t errlen);

#endif
