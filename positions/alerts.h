/* alerts.h — alert rules and their evaluation.
 *
 * Pure: the rules (from the config's [alerts] section), the valued rows,
 * the pending unbondings, the feeds' status and yesterday's values in;
 * the conditions that hold now out, each with a key naming it (so the
 * store fires it once while it holds) and a message. No I/O, no clock.
 *
 *   premium   |premium_bps| of a valued position's token beyond the rule's
 *             bps (a per-token rule overrides the one for all; 0 = off);
 *             key "premium:<SYM>", one per token
 *   claimable a pending unbonding due at now (available_at <= now);
 *             key "claimable:<unbonding id>"
 *   stale     a feed whose last success is older than stale_s (or that
 *             never succeeded but was attempted); key "stale:<feed>"
 *   move      a position whose NAV moved more than move_pct % against its
 *             value a day ago; key "move:<position id>"
 *   health    a looped (lending) position whose health factor is below
 *             health_factor (0 = off); key "health:<loan id>"
 */
#ifndef STAKETOP_ALERTS_H
#define STAKETOP_ALERTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "positions/asset.h"
#include "positions/position.h"
#include "positions/unbonding.h"
#include "positions/valuation.h"

#define ALERT_TOKEN_RULES 16

struct alert_rules {
	int premium_bps;                 /* every token; 0 = off */
	struct {
		char sym[SYM_MAX];
		int bps;                 /* 0 = off for this token */
	} token[ALERT_TOKEN_RULES];
	size_t n_token;
	bool claimable, stale;
	double move_pct;                 /* 0 = off */
	double health_factor;            /* a loan's HF below this; 0 = off */
	bool bell;
};

/* Defaults: premium 100 bps, claimable and stale on, move 10 %, health
 * factor 1.1, bell off. */
void alert_rules_defaults(struct alert_rules *r);
/* The bps threshold for sym (a token rule, else the one for all). */
int alert_rules_premium_for(const struct alert_rules *r, const char *sym);

enum alert_kind { ALERT_PREMIUM, ALERT_CLAIMABLE, ALERT_STALE, ALERT_MOVE, ALERT_HEALTH,
                  ALERT_KINDS };
const char *alert_kind_name(enum alert_kind k);  /* "premium", "claimable", … */

#define ALERT_KEY_MAX 64
#define ALERT_MSG_MAX 160

struct alert_hit {
	enum alert_kind kind;
	char key[ALERT_KEY_MAX];
	char message[ALERT_MSG_MAX];
};

/* A feed's last attempt and success (unix s, 0 never). */
struct alert_feed {
	char name[32];
	int64_t last_attempt, last_success;
};

/* A looped position's health factor, when it has one (a debt). */
struct alert_loan {
	int64_t id;
	char collateral[SYM_MAX];
	bool has_hf;
	double hf;
};

/* A position's NAV a day before now, when recorded. */
struct alert_past {
	int64_t position_id;
	bool has;
	double nav;
};

struct alert_input {
	const struct position *positions;   /* positions[i] valued by rows[i] */
	const struct valuation *rows;
	size_t n_positions;
	const struct alert_past *past;      /* past[i] for positions[i]; may be NULL */
	const struct unbonding *unbondings; /* pending ones */
	size_t n_unbondings;
	const struct alert_feed *feeds;
	size_t n_feeds;
	const struct alert_loan *loans;
	size_t n_loans;
	int64_t now, stale_s;
};

/* The conditions that hold, into out[0..cap); returns how many hold
 * (may exceed cap: the rest are not written). */
size_t alerts_evaluate(const struct alert_rules *r, const struct alert_input *in,
                       struct alert_hit *out, size_t cap);

#endif
