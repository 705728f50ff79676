/* watch_store.c — what one refresh read from the watched addresses, into
 * the store (watch_store in watch.h).
 *
 * A read holds two kinds of items: what an address holds or stakes (a
 * balance, a delegation, a validator) and amounts leaving a stake (an
 * unbonding entry, an exiting validator's balance, a deactivating stake, a
 * queued withdrawal, an unlocking chunk), each naming the item it leaves.
 * The first are positions. The second are unbondings of the position they
 * leave, as a typed `staketop unbond` makes: its quantity holds what still
 * earns, the unbonding what is on its way out, with the ETA the chain gives.
 *
 * Per watch, in this order (each step sees the last one's quantities):
 *  1. an exit an older release kept as a position of its own is closed;
 *  2. each exit recorded by an earlier read and read again takes the amount
 *     and ETA read now; one no longer read ended: it was cancelled when the
 *     stake it left took the amount back before its time, else it was paid
 *     out (claimed);
 *  3. each position read is set to what was read plus the exits read for
 *     the first time (so that an exit is an unbond, not a transfer out);
 *  4. each exit read for the first time is requested from its position;
 *  5. a position read before and not now is taken down to zero, kept. */
#include "tui/app/watch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/events_db.h"
#include "data/positions_db.h"
#include "data/unbondings_db.h"
#include "positions/position.h"
#include "positions/text.h"

/* One watch's read against what the store holds of it. */
struct sync {
	struct app *a;
	const struct watch *w;
	const struct chain_result *res;
	struct watch_item *items;   /* as stored before this read */
	size_t n_items;
	int64_t now;
	char *err;
	size_t errlen;
};

static bool is_exit(const struct chain_item *it)
{
	return it->unbonding && it->parent[0];
}

/* The item read under key (an exit only while it still holds something:
 * a balance swept out to zero has ended), or NULL. */
static const struct chain_item *read_item(const struct sync *s, const char *key)
{
	for (size_t k = 0; k < s->res->items.n; k++) {
		const struct chain_item *it = &s->res->items.v[k];
		if (strcmp(it->key, key) == 0)
			return is_exit(it) && dec_is_zero(it->quantity) ? NULL : it;
	}
	return NULL;
}

static const struct watch_item *stored(const struct sync *s, const char *key)
{
	for (size_t i = 0; i < s->n_items; i++)
		if (strcmp(s->items[i].key, key) == 0)
			return &s->items[i];
	return NULL;
}

/* An exit read now that no earlier read recorded as an unbonding. */
static bool exit_is_new(const struct sync *s, const struct chain_item *it)
{
	const struct watch_item *w = stored(s, it->key);
	return is_exit(it) && !dec_is_zero(it->quantity) && (!w || w->unbonding_id == 0);
}

/* What the stake under key holds by this read, with the exits leaving it
 * that are new (not yet taken out of its position). */
static int target_of(const struct sync *s, const char *key, dec_t *out)
{
	const struct chain_item *p = read_item(s, key);
	dec_t t = p && !is_exit(p) ? p->quantity : dec_zero();
	for (size_t k = 0; k < s->res->items.n; k++) {
		const struct chain_item *it = &s->res->items.v[k];
		if (exit_is_new(s, it) && strcmp(it->parent, key) == 0 && dec_add(t, it->quantity, &t) < 0)
			return -1;
	}
	*out = t;
	return 0;
}

static void exit_eta(const struct chain_item *it, int64_t now, struct unbond_eta *eta)
{
	memset(eta, 0, sizeof *eta);
	eta->available_at = it->available_at ? it->available_at : now;
	eta->earliest_at = eta->latest_at = eta->available_at;
	eta->exact = !it->estimate;
	snprintf(eta->basis, sizeof eta->basis, "read from the chain (%s): %s",
	         it->estimate ? "an estimate" : "exact", it->detail);
	text_sanitize(eta->basis);
}

/* --- positions ---------------------------------------------------------------------- */

/* Does a change of this item's quantity come from the token's own accrual? */
static bool accrues(const struct asset *as, const struct chain_item *it,
                    const struct position *old)
{
	if (strncmp(it->key, "validator ", 10) == 0)
		return true;
	size_t kl = strlen(it->key);
	if (kl > 8 && strcmp(it->key + kl - 8, " rewards") == 0)
		return true;
	/* a rebase: the balance moved, the shares did not */
	return as && as->model == MODEL_REBASING && it->has_shares && old->has_shares &&
	       dec_cmp(it->shares, old->shares) == 0;
}

static int add_event(struct app *a, int64_t pos_id, dec_t was, dec_t now_q, bool reward,
                     const char *why, int64_t now, char *err, size_t errlen)
{
	if (dec_cmp(was, now_q) == 0)
		return 0;
	struct event ev = { 0 };
	ev.position_id = pos_id;
	ev.has_amount = true;
	ev.ts = now;
	if (reward) {
		ev.type = EVENT_ADJUST;
		dec_sub(now_q, was, &ev.amount);
		snprintf(ev.note, sizeof ev.note, "reward accrual (read from the chain)");
	} else if (dec_cmp(now_q, was) > 0) {
		ev.type = EVENT_DEPOSIT;
		dec_sub(now_q, was, &ev.amount);
		snprintf(ev.note, sizeof ev.note, "transfer in (read from the chain)");
	} else {
		ev.type = EVENT_WITHDRAW;
		dec_sub(was, now_q, &ev.amount);
		snprintf(ev.note, sizeof ev.note, "%s", why ? why : "transfer out (read from the chain)");
	}
	return store_event_add(a->store, &ev, err, errlen);
}

/* The address a position shows: the watched one, or for a validator read
 * by pubkey its index (a pubkey does not fit). */
static void item_address(const struct watch *w, const struct chain_item *it, char *buf,
                         size_t len)
{
	const char *src = strlen(w->address) < len ? w->address : it->key;
	size_t n = strlen(src);
	if (n >= len)
		n = len - 1;
	memcpy(buf, src, n);
	buf[n] = '\0';
}

/* Exact share rate quantity / shares (18-decimal integers), for a rebasing
 * position whose shares were read: its balance is then shares × rate now. */
static void set_shares(struct position *p, const struct chain_item *it)
{
	p->has_shares = false;
	p->share_rate[0] = '\0';
	if (!it->has_shares || dec_is_zero(it->shares) || dec_is_zero(it->quantity))
		return;
	struct ratio r = { (ratio_u128)it->quantity.raw, (ratio_u128)it->shares.raw };
	p->has_shares = true;
	p->shares = it->shares;
	ratio_format(r, p->share_rate, sizeof p->share_rate);
}

/* The position of a stake read (or of one only its exits name): made on
 * its first read, else moved to qty by an event. *pid 0: none made (a
 * first read of nothing). */
static int put_position(struct sync *s, const struct chain_item *it, dec_t qty, int64_t *pid)
{
	struct app *a = s->a;
	struct position p;
	const struct watch_item *w = stored(s, it->key);
	int f = w ? store_position_get(a->store, w->position_id, &p, s->err, s->errlen) : 1;
	*pid = 0;
	if (f < 0)
		return -1;
	const struct asset *as = catalog_find(&a->cat, it->asset);
	if (f == 1) { /* never read, or removed by the user since: made again */
		if (dec_is_zero(qty))
			return 0;
		memset(&p, 0, sizeof p);
		watch_account(s->w, p.account, sizeof p.account);
		snprintf(p.asset, sizeof p.asset, "%s", as ? as->symbol : it->asset);
		p.quantity = qty;
		p.idle = it->idle;
		p.origin = ORIGIN_CHAIN;
		item_address(s->w, it, p.address, sizeof p.address);
		p.read_at = s->now;
		snprintf(p.note, sizeof p.note, "%s", it->detail);
		text_sanitize(p.note);
		set_shares(&p, it);
		p.created_at = p.updated_at = s->now;
		if (store_position_add(a->store, &p, s->err, s->errlen) < 0)
			return -1;
		struct event ev = { 0 };
		ev.position_id = p.id;
		ev.type = EVENT_STAKE;
		ev.has_amount = true;
		ev.amount = qty;
		ev.ts = s->now;
		snprintf(ev.note, sizeof ev.note, "first read from the chain");
		if (store_event_add(a->store, &ev, s->err, s->errlen) < 0)
			return -1;
		*pid = p.id;
		return store_watch_item_put(a->store, s->w->id, it->key, p.id, 0, s->err, s->errlen);
	}
	if (add_event(a, p.id, p.quantity, qty, accrues(as, it, &p), NULL, s->now, s->err,
	              s->errlen) < 0 ||
	    store_position_get(a->store, p.id, &p, s->err, s->errlen) != 0)
		return -1;
	p.idle = it->idle;
	p.read_at = s->now;
	snprintf(p.note, sizeof p.note, "%s", it->detail);
	text_sanitize(p.note);
	set_shares(&p, it);
	*pid = p.id;
	return store_position_update(a->store, &p, s->err, s->errlen);
}

/* A position read before and not now: down to zero (with why as the
 * withdraw's note; NULL: a transfer out), kept. */
static int close_position(struct sync *s, int64_t pid, const char *why)
{
	struct position p;
	int g = store_position_get(s->a->store, pid, &p, s->err, s->errlen);
	if (g != 0)
		return g < 0 ? -1 : 0;
	if (dec_is_zero(p.quantity))
		return 0;
	if (add_event(s->a, pid, p.quantity, dec_zero(), false, why, s->now, s->err, s->errlen) < 0 ||
	    store_position_get(s->a->store, pid, &p, s->err, s->errlen) != 0)
		return -1;
	p.read_at = s->now;
	p.has_shares = false;
	p.share_rate[0] = '\0';
	snprintf(p.note, sizeof p.note, "no longer held (read from the chain)");
	return store_position_update(s->a->store, &p, s->err, s->errlen);
}

/* --- exits -------------------------------------------------------------------------- */

/* Step 1: an exit an older release stored as a position of its own. */
static int close_old_exits(struct sync *s)
{
	for (size_t i = 0; i < s->n_items; i++) {
		const struct chain_item *it = read_item(s, s->items[i].key);
		if (!it || !is_exit(it) || s->items[i].unbonding_id)
			continue;
		if (close_position(s, s->items[i].position_id,
		                   "now an unbonding of the position it leaves (read from the chain)") < 0 ||
		    store_watch_item_drop(s->a->store, s->w->id, s->items[i].key, s->err, s->errlen) < 0)
			return -1;
		s->items[i].key[0] = '\0'; /* gone from what was stored */
	}
	return 0;
}

/* The pending unbonding u of x's position: 0, 1 when it is no longer
 * pending (claimed or withdrawn by the user). */
static int pending_unbonding(struct sync *s, const struct watch_item *x, struct unbonding *u)
{
	struct unbonding *v = NULL;
	size_t n = 0;
	if (store_unbondings_list(s->a->store, x->position_id, false, &v, &n, s->err, s->errlen) < 0)
		return -1;
	int rc = 1;
	for (size_t i = 0; i < n && rc; i++)
		if (v[i].id == x->unbonding_id) {
			*u = v[i];
			rc = 0;
		}
	free(v);
	return rc;
}

/* The key of the stake a recorded exit's position holds, or NULL. */
static const char *stake_key(const struct sync *s, int64_t pid)
{
	for (size_t i = 0; i < s->n_items; i++)
		if (s->items[i].key[0] && s->items[i].unbonding_id == 0 &&
		    s->items[i].position_id == pid)
			return s->items[i].key;
	return NULL;
}

/* Step 2: one exit recorded by an earlier read. */
static int settle_exit(struct sync *s, struct watch_item *x)
{
	struct app *a = s->a;
	struct unbonding u;
	int g = pending_unbonding(s, x, &u);
	if (g < 0)
		return -1;
	const struct chain_item *it = read_item(s, x->key);
	if (g == 1 && it) {
		/* the user's claim or removal of the unbonding stands while the
		 * chain still shows it; the position removed, it is new again */
		struct position p;
		int pg = store_position_get(a->store, x->position_id, &p, s->err, s->errlen);
		if (pg <= 0)
			return pg;
	}
	if (g == 1) { /* forgotten: read again, it is an exit first seen */
		int rc = store_watch_item_drop(a->store, s->w->id, x->key, s->err, s->errlen);
		x->key[0] = '\0';
		return rc;
	}
	if (it) {
		struct unbond_eta eta;
		exit_eta(it, s->now, &eta);
		if (dec_cmp(u.amount, it->quantity) == 0 && u.available_at == eta.available_at &&
		    strcmp(u.rule, eta.basis) == 0)
			return 0;
		return store_unbonding_amend(a->store, u.id, it->quantity, &eta, s->err, s->errlen);
	}
	/* ended: cancelled when, before its time, the stake it left holds it
	 * again (what was read there, with the new exits, is above what the
	 * position holds by at least its amount); else paid out */
	struct position p;
	const char *key = stake_key(s, x->position_id);
	dec_t target, back;
	bool cancelled = false;
	if (s->now < u.available_at && key && target_of(s, key, &target) == 0) {
		int pg = store_position_get(a->store, x->position_id, &p, s->err, s->errlen);
		if (pg < 0)
			return -1;
		cancelled = pg == 0 && dec_sub(target, p.quantity, &back) == 0 &&
		            dec_cmp(back, u.amount) >= 0;
	}
	if (cancelled ? store_unbonding_cancel(a->store, u.id,
	                                       "cancelled: back in the stake (read from the chain)",
	                                       s->now, s->err, s->errlen)
	              : store_unbonding_claim(a->store, u.id, s->now, s->err, s->errlen))
		return -1;
	return store_watch_item_drop(a->store, s->w->id, x->key, s->err, s->errlen);
}

/* Step 4: an exit read for the first time, out of position pid. */
static int request_exit(struct sync *s, const struct chain_item *it, int64_t pid)
{
	struct unbond_eta eta;
	struct unbonding u;
	exit_eta(it, s->now, &eta);
	if (store_unbond_request(s->a->store, pid, it->quantity, s->now, &eta, &u, s->err,
	                         s->errlen) < 0)
		return -1;
	return store_watch_item_put(s->a->store, s->w->id, it->key, pid, u.id, s->err, s->errlen);
}

/* --- one watch ---------------------------------------------------------------------- */

/* The stakes this read names: each non-exit item, and once the stake of
 * exits whose stake is not read as an item (all of it leaving). Is item k
 * one named before, or by an item of its own? */
static bool named_before(const struct sync *s, size_t k)
{
	const struct chain_item *it = &s->res->items.v[k];
	if (!is_exit(it))
		return false;
	if (read_item(s, it->parent))
		return true;
	for (size_t j = 0; j < k; j++) {
		const struct chain_item *o = &s->res->items.v[j];
		if (is_exit(o) && strcmp(o->parent, it->parent) == 0)
			return true;
	}
	return false;
}

static int sync_stakes(struct sync *s)
{
	for (size_t k = 0; k < s->res->items.n; k++) {
		const struct chain_item *it = &s->res->items.v[k];
		if (named_before(s, k))
			continue;
		struct chain_item stake;
		if (is_exit(it)) {
			memset(&stake, 0, sizeof stake);
			snprintf(stake.asset, sizeof stake.asset, "%s", it->asset);
			snprintf(stake.key, sizeof stake.key, "%s", it->parent);
			snprintf(stake.detail, sizeof stake.detail, "nothing staked: all of it leaving");
			it = &stake;
		}
		dec_t qty;
		int64_t pid;
		if (target_of(s, it->key, &qty) < 0) {
			snprintf(s->err, s->errlen, "%s: quantity out of range", it->key);
			return -1;
		}
		if (put_position(s, it, qty, &pid) < 0)
			return -1;
		for (size_t j = 0; j < s->res->items.n && pid; j++) {
			const struct chain_item *x = &s->res->items.v[j];
			if (exit_is_new(s, x) && strcmp(x->parent, it->key) == 0 &&
			    request_exit(s, x, pid) < 0)
				return -1;
		}
	}
	return 0;
}

/* Was key read this time, as a stake or as the stake an exit leaves? */
static bool stake_read(const struct sync *s, const char *key)
{
	for (size_t k = 0; k < s->res->items.n; k++) {
		const struct chain_item *it = &s->res->items.v[k];
		if (strcmp(is_exit(it) ? it->parent : it->key, key) == 0 &&
		    (!is_exit(it) || !dec_is_zero(it->quantity)))
			return true;
	}
	return false;
}

static int sync_watch(struct sync *s)
{
	if (close_old_exits(s) < 0)
		return -1;
	for (size_t i = 0; i < s->n_items; i++)
		if (s->items[i].key[0] && s->items[i].unbonding_id && settle_exit(s, &s->items[i]) < 0)
			return -1;
	if (sync_stakes(s) < 0)
		return -1;
	for (size_t i = 0; i < s->n_items; i++)
		if (s->items[i].key[0] && s->items[i].unbonding_id == 0 &&
		    !stake_read(s, s->items[i].key) &&
		    close_position(s, s->items[i].position_id, NULL) < 0)
			return -1;
	return 0;
}

static int store_one(struct app *a, const struct watch *w, const struct chain_result *res,
                     int64_t now, char *err, size_t errlen)
{
	if (!res->ok)
		return store_watch_mark(a->store, w->id, now, NULL, res->error, res->blocked_until,
		                        err, errlen);
	struct sync s = { .a = a, .w = w, .res = res, .now = now, .err = err, .errlen = errlen };
	if (store_watch_items_list(a->store, w->id, &s.items, &s.n_items, err, errlen) < 0)
		return -1;
	int rc = sync_watch(&s);
	free(s.items);
	if (rc == 0)
		rc = store_watch_mark(a->store, w->id, now, res->height, NULL, res->blocked_until,
		                      err, errlen);
	return rc;
}

int watch_store(struct app *a, const struct refresh *r, int64_t now, char *err, size_t errlen)
{
	size_t n;
	const struct chain_result *res = refresh_chain_results(r, &n);
	if (n == 0)
		return 0;
	struct watch *w = NULL;
	size_t nw = 0;
	if (store_watches_list(a->store, &w, &nw, err, errlen) < 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++)
		for (size_t k = 0; k < nw && rc == 0; k++)
			if (w[k].id == res[i].t.id) /* removed meanwhile: nothing kept */
				rc = store_one(a, &w[k], &res[i], now, err, errlen);
	free(w);
	return rc;
}
