/* watch.c — checking, adding and removing watched addresses (watch.h). */
#include "tui/app/watch.h"

#include <stdio.h>
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
	if (label) {
		if (strlen(label) > WATCH_LABEL_MAX || strlen(label) >= ACCOUNT_MAX) {
			snprintf(err, errlen, "label: at most %d bytes", ACCOUNT_MAX - 1);
			return -1;
		}
		if (text_is_unsafe(label)) {
			snprintf(err, errlen,
			         "label: control characters and invalid UTF-8 are not allowed");
			return -1;
		}
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

void watch_account(const struct watch *w, char *buf, size_t len)
{
	if (w->label[0])
		snprintf(buf, len, "%s", w->label);
	else
		snprintf(buf, len, "%s:%s", watch_chain_name(w->chain), w->address);
}
