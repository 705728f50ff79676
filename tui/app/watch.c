/* watch.c — checking, adding and removing watched addresses (watch.h). */
#include "tui/app/watch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/events_db.h"
#include "data/positions_db.h"
#include "positions/position.h"
#include "positions/text.h"
#include "positions/timeutil.h"

int watch_check(const char *chain_name, const char *address, const char *label,
                enum watch_chain *chain, char *norm, char *err, size_t errlen)
{
	char why[200];
	if (!chain_name || watch_chain_parse(chain_name, chain) < 0) {
		snprintf(err, errlen, "chain: not one of ethereum, beacon, solana, cosmos, polkadot");
		return -1;
	}
	if (address_check(*chain, address, norm, why, sizeof why) < 0) {
		snprintf(err, errlen, "address: %s", why);
		return -1;
	}
	return watch_check_label(label, err, errlen);
}

int watch_check_label(const char *label, char *err, size_t errlen)
{
	if (!label)
		return 0;
	if (strlen(label) > WATCH_LABEL_MAX || strlen(label) >= ACCOUNT_MAX) {
		snprintf(err, errlen, "label: at most %d bytes", ACCOUNT_MAX - 1);
		return -1;
	}
	if (text_is_unsafe(label)) {
		snprintf(err, errlen, "label: control characters and invalid UTF-8 are not allowed");
		return -1;
	}
	return 0;
}

int watch_add(struct app *a, const char *chain_name, const char *address, const char *label,
              int64_t now, int64_t *id, bool *invalid, char *err, size_t errlen)
{
	enum watch_chain c;
	char norm[WATCH_ADDR_MAX];
	if (invalid)
		*invalid = false;
	if (watch_check(chain_name, address, label, &c, norm, err, errlen) < 0) {
		if (invalid)
			*invalid = true;
		return -1;
	}
	return store_watch_add(a->store, c, norm, label, now, id, err, errlen);
}

int watch_remove(struct app *a, int64_t id, char *err, size_t errlen)
{
	return store_watch_remove(a->store, id, err, errlen);
}

int watch_list(struct app *a, struct watch_row **out, size_t *n, char *err, size_t errlen)
{
	struct watch *w = NULL;
	size_t nw = 0;
	*out = NULL;
	*n = 0;
	if (store_watches_list(a->store, &w, &nw, err, errlen) < 0)
		return -1;
	if (nw == 0)
		return 0;
	struct watch_row *r = calloc(nw, sizeof *r);
	if (!r) {
		free(w);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < nw; i++) {
		struct watch_item *it = NULL;
		size_t ni = 0;
		r[i].w = w[i];
		if (store_watch_items_list(a->store, w[i].id, &it, &ni, err, errlen) < 0) {
			free(r);
			free(w);
			return -1;
		}
		r[i].n_positions = ni;
		free(it);
	}
	free(w);
	*out = r;
	*n = nw;
	return 0;
}

void watch_account(const struct watch *w, char *buf, size_t len)
{
	const char *c = watch_chain_name(w->chain);
	size_t al = strlen(w->address);
	if (w->label[0])
		snprintf(buf, len, "%.*s", (int)(len - 1), w->label);
	else if (strlen(c) + 1 + al < len)
		snprintf(buf, len, "%.9s:%.*s", c, (int)(len - 11), w->address);
	else /* a validator pubkey: its ends */
		snprintf(buf, len, "%.9s:%.12s...%.8s", c, w->address, w->address + al - 8);
}

/* --- refresh --------------------------------------------------------------------- */

int watch_targets(struct app *a, struct refresh *r, char *err, size_t errlen)
{
	struct watch *w = NULL;
	size_t n = 0;
	if (store_watches_list(a->store, &w, &n, err, errlen) < 0)
		return -1;
	struct chain_target *t = calloc(n ? n : 1, sizeof *t);
	if (!t) {
		free(w);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		t[i].id = w[i].id;
		t[i].chain = w[i].chain;
		snprintf(t[i].address, sizeof t[i].address, "%s", w[i].address);
		/* one provider per chain: the latest hold of any of its watches
		 * (the reader asks nothing while it is after its now) */
		for (size_t k = 0; k < n; k++)
			if (w[k].chain == w[i].chain && w[k].blocked_until > t[i].held_until)
				t[i].held_until = w[k].blocked_until;
	}
	int rc = refresh_watch(r, t, n);
	if (rc < 0)
		snprintf(err, errlen, "out of memory");
	free(t);
	free(w);
	return rc;
}

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
                     int64_t now, char *err, size_t errlen)
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
		snprintf(ev.note, sizeof ev.note, "transfer out (read from the chain)");
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

static void item_note(const struct chain_item *it, char *buf, size_t len)
{
	if (it->unbonding && it->available_at) {
		char iso[ISO_TIME_LEN];
		time_format_iso(it->available_at, iso, sizeof iso);
		snprintf(buf, len, "%s; available %s%s", it->detail, it->estimate ? "after " : "at ",
		         iso);
		if (it->estimate)
			snprintf(buf + strlen(buf), len - strlen(buf), " (estimate)");
	} else {
		snprintf(buf, len, "%s", it->detail);
	}
	text_sanitize(buf);
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

static int store_item(struct app *a, const struct watch *w, const struct chain_item *it,
                      int64_t now, char *err, size_t errlen)
{
	int64_t pid;
	struct position p;
	int f = store_watch_item_find(a->store, w->id, it->key, &pid, err, errlen);
	if (f < 0)
		return -1;
	if (f == 0) {
		int g = store_position_get(a->store, pid, &p, err, errlen);
		if (g < 0)
			return -1;
		f = g; /* removed by the user since: made again */
	}
	const struct asset *as = catalog_find(&a->cat, it->asset);
	if (f == 1) {
		if (dec_is_zero(it->quantity))
			return 0;
		memset(&p, 0, sizeof p);
		watch_account(w, p.account, sizeof p.account);
		snprintf(p.asset, sizeof p.asset, "%s", as ? as->symbol : it->asset);
		p.quantity = it->quantity;
		p.idle = it->idle;
		p.origin = ORIGIN_CHAIN;
		item_address(w, it, p.address, sizeof p.address);
		p.read_at = now;
		item_note(it, p.note, sizeof p.note);
		set_shares(&p, it);
		p.created_at = p.updated_at = now;
		struct event ev = { 0 };
		if (store_position_add(a->store, &p, err, errlen) < 0)
			return -1;
		ev.position_id = p.id;
		ev.type = EVENT_STAKE;
		ev.has_amount = true;
		ev.amount = it->quantity;
		ev.ts = now;
		snprintf(ev.note, sizeof ev.note, "first read from the chain");
		if (store_event_add(a->store, &ev, err, errlen) < 0)
			return -1;
		return store_watch_item_put(a->store, w->id, it->key, p.id, err, errlen);
	}
	if (add_event(a, p.id, p.quantity, it->quantity, accrues(as, it, &p), now, err, errlen) < 0)
		return -1;
	if (store_position_get(a->store, p.id, &p, err, errlen) != 0)
		return -1;
	p.idle = it->idle;
	p.read_at = now;
	item_note(it, p.note, sizeof p.note);
	set_shares(&p, it);
	return store_position_update(a->store, &p, err, errlen);
}

/* A position this watch read before and not now: down to zero, kept. */
static int close_item(struct app *a, int64_t pid, int64_t now, char *err, size_t errlen)
{
	struct position p;
	int g = store_position_get(a->store, pid, &p, err, errlen);
	if (g != 0)
		return g < 0 ? -1 : 0;
	if (dec_is_zero(p.quantity))
		return 0;
	if (add_event(a, pid, p.quantity, dec_zero(), false, now, err, errlen) < 0)
		return -1;
	if (store_position_get(a->store, pid, &p, err, errlen) != 0)
		return -1;
	p.read_at = now;
	p.has_shares = false;
	p.share_rate[0] = '\0';
	snprintf(p.note, sizeof p.note, "no longer held (read from the chain)");
	return store_position_update(a->store, &p, err, errlen);
}

static int store_one(struct app *a, const struct watch *w, const struct chain_result *res,
                     int64_t now, char *err, size_t errlen)
{
	if (!res->ok)
		return store_watch_mark(a->store, w->id, now, NULL, res->error, res->blocked_until,
		                        err, errlen);
	for (size_t k = 0; k < res->items.n; k++)
		if (store_item(a, w, &res->items.v[k], now, err, errlen) < 0)
			return -1;
	struct watch_item *it = NULL;
	size_t n = 0;
	if (store_watch_items_list(a->store, w->id, &it, &n, err, errlen) < 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		bool read = false;
		for (size_t k = 0; k < res->items.n && !read; k++)
			read = strcmp(res->items.v[k].key, it[i].key) == 0;
		if (!read)
			rc = close_item(a, it[i].position_id, now, err, errlen);
	}
	free(it);
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
