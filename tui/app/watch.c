/* watch.c — checking, adding and removing watched addresses (watch.h). */
#include "tui/app/watch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "positions/position.h"
#include "positions/text.h"

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
		for (size_t k = 0; k < ni; k++)
			r[i].n_positions += it[k].unbonding_id == 0; /* an exit is not a position */
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

const struct watch *watch_of_position(const struct position *p, const struct watch *w,
                                      size_t n)
{
	char acc[ACCOUNT_MAX];
	for (size_t k = 0; k < n; k++) {
		watch_account(&w[k], acc, sizeof acc);
		if (strcmp(acc, p->account) == 0)
			return &w[k];
	}
	return NULL;
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
