/* position.h — a holding: an amount of one catalog asset in one account,
 * entered by hand or read from a chain. No I/O. */
#ifndef STAKETOP_POSITION_H
#define STAKETOP_POSITION_H

#include <stdbool.h>
#include <stdint.h>

#include "positions/asset.h"
#include "positions/decimal.h"
#include "positions/ratio.h"

#define ACCOUNT_MAX 64
#define POS_NOTE_MAX 256

enum position_origin { ORIGIN_MANUAL, ORIGIN_CHAIN };

struct position {
	int64_t id;
	char account[ACCOUNT_MAX];
	char asset[SYM_MAX];        /* catalog symbol, canonical case */
	dec_t quantity;             /* tokens held; for rebasing tokens the
	                               balance when entered (see shares) */
	bool has_shares;            /* rebasing: protocol shares recorded */
	dec_t shares;               /* rebasing: quantity ÷ share rate at entry */
	char share_rate[RATIO_STR_MAX]; /* rebasing: that share rate exactly,
	                               "num/den" (ratio.h); "" when not known.
	                               The balance is quantity × rate now ÷
	                               share_rate, exact. A rebasing position
	                               without shares is pending: converted at
	                               the first share rate seen (data/). */
	bool idle;                  /* an unstaked coin (watched wallet) */
	enum position_origin origin;
	char address[ADDR_MAX];     /* chain positions: where it was read */
	int64_t read_at;            /* chain positions: when (unix s), else 0 */
	char opened[11];            /* YYYY-MM-DD or "" */
	bool has_cost_basis;
	dec_t cost_basis;           /* in the display currency */
	char note[POS_NOTE_MAX];
	int64_t created_at, updated_at;
	int64_t version;            /* the store's row version: moves on every
	                               write, so a reader can tell the row
	                               changed since it read it */
};

/* Fields a user edits, as a bit set (position_diff). Quantity is listed
 * so that a change can be named; it is written only through events. */
enum position_field {
	POS_F_QUANTITY = 1u << 0,
	POS_F_ACCOUNT = 1u << 1,
	POS_F_OPENED = 1u << 2,
	POS_F_COST = 1u << 3,
	POS_F_NOTE = 1u << 4,
};

/* The POS_F_* fields in which a and b differ. */
unsigned position_diff(const struct position *a, const struct position *b);
/* What changed from was to now in the given fields, for a message:
 * "quantity 1000 -> 999, note" (values shown for quantity only; text
 * sanitized). "" when fields is 0. */
void position_diff_describe(unsigned fields, const struct position *was,
                            const struct position *now, char *buf, size_t len);

/* A list of positions; owns its array. */
struct position_list {
	struct position *v;
	size_t n, cap;
};

/* A rebasing position's shares at share rate r: p->shares = quantity ÷ r
 * (18 decimals), p->share_rate = r as text (its balance is then exact at
 * any later rate), p->has_shares. 0, or -1 with p unchanged. */
int position_set_shares(struct position *p, struct ratio r);

int position_list_push(struct position_list *l, const struct position *p);
void position_list_free(struct position_list *l);

#endif
