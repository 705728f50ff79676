/* alerts.c — which alert conditions hold now. */
#include "positions/alerts.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "positions/text.h"

void alert_rules_defaults(struct alert_rules *r)
{
	memset(r, 0, sizeof *r);
	r->premium_bps = 100;
	r->claimable = true;
	r->stale = true;
	r->move_pct = 10;
	r->health_factor = 1.1;
	r->bell = false;
}

int alert_rules_premium_for(const struct alert_rules *r, const char *sym)
{
	for (size_t i = 0; i < r->n_token; i++)
		if (strcasecmp(r->token[i].sym, sym) == 0)
			return r->token[i].bps;
	return r->premium_bps;
}

const char *alert_kind_name(enum alert_kind k)
{
	static const char *const names[ALERT_KINDS] = { "premium", "claimable", "stale", "move",
	                                                        "health" };
	return (unsigned)k < ALERT_KINDS ? names[k] : "?";
}

static void hit(struct alert_hit *out, size_t cap, size_t *n, enum alert_kind k,
                const char *key, const char *msg)
{
	if (*n < cap) {
		out[*n].kind = k;
		snprintf(out[*n].key, sizeof out[*n].key, "%s", key);
		snprintf(out[*n].message, sizeof out[*n].message, "%s", msg);
	}
	(*n)++;
}

static bool seen_key(const struct alert_hit *out, size_t n, size_t cap, const char *key)
{
	for (size_t i = 0; i < n && i < cap; i++)
		if (strcmp(out[i].key, key) == 0)
			return true;
	return false;
}

size_t alerts_evaluate(const struct alert_rules *r, const struct alert_input *in,
                       struct alert_hit *out, size_t cap)
{
	size_t n = 0;
	char key[ALERT_KEY_MAX], msg[ALERT_MSG_MAX], safe[40];

	for (size_t i = 0; i < in->n_positions; i++) {
		const struct position *p = &in->positions[i];
		const struct valuation *v = &in->rows[i];
		int bps = alert_rules_premium_for(r, p->asset);
		if (bps > 0 && v->premium_bps.has && fabsl(v->premium_bps.v) > bps) {
			snprintf(key, sizeof key, "premium:%s", p->asset);
			if (!seen_key(out, n, cap, key)) {
				text_copy_clean(safe, sizeof safe, p->asset);
				snprintf(msg, sizeof msg, "%s %s %+.0Lf bps (beyond %d)", safe,
				         v->premium_bps.v < 0 ? "discount" : "premium",
				         v->premium_bps.v, bps);
				hit(out, cap, &n, ALERT_PREMIUM, key, msg);
			}
		}
		if (r->move_pct > 0 && in->past && in->past[i].has && in->past[i].nav > 0 &&
		    v->nav.has) {
			long double ch = (v->nav.v / in->past[i].nav - 1.0L) * 100.0L;
			if (fabsl(ch) > r->move_pct + 1e-9) {   /* 10.0 % is not beyond 10 */
				snprintf(key, sizeof key, "move:%lld", (long long)p->id);
				text_copy_clean(safe, sizeof safe, p->asset);
				snprintf(msg, sizeof msg, "position %lld (%s) value %+.1Lf %% in a day",
				         (long long)p->id, safe, ch);
				hit(out, cap, &n, ALERT_MOVE, key, msg);
			}
		}
	}
	if (r->claimable)
		for (size_t i = 0; i < in->n_unbondings; i++) {
			const struct unbonding *u = &in->unbondings[i];
			if (unbond_status_at(u, in->now) != UNBOND_CLAIMABLE)
				continue;
			char q[DEC_STR_MAX];
			dec_format(u->amount, q, sizeof q);
			snprintf(key, sizeof key, "claimable:%lld", (long long)u->id);
			snprintf(msg, sizeof msg, "unbonding %lld of position %lld claimable (%s)",
			         (long long)u->id, (long long)u->position_id, q);
			hit(out, cap, &n, ALERT_CLAIMABLE, key, msg);
		}
	if (r->stale)
		for (size_t i = 0; i < in->n_feeds; i++) {
			const struct alert_feed *f = &in->feeds[i];
			if (!f->last_attempt)
				continue;
			if (f->last_success && in->now - f->last_success <= in->stale_s)
				continue;
			text_copy_clean(safe, sizeof safe, f->name);
			snprintf(key, sizeof key, "stale:%s", safe);
			if (f->last_success)
				snprintf(msg, sizeof msg, "feed %s stale: last success %llds ago (limit %llds)",
				         safe, (long long)(in->now - f->last_success),
				         (long long)in->stale_s);
			else
				snprintf(msg, sizeof msg, "feed %s stale: never succeeded", safe);
			hit(out, cap, &n, ALERT_STALE, key, msg);
		}
	if (r->health_factor > 0)
		for (size_t i = 0; i < in->n_loans; i++) {
			const struct alert_loan *l = &in->loans[i];
			if (!l->has_hf || !(l->hf < r->health_factor))
				continue;
			text_copy_clean(safe, sizeof safe, l->collateral);
			snprintf(key, sizeof key, "health:%lld", (long long)l->id);
			snprintf(msg, sizeof msg, "loan %lld (%s collateral) health factor %.2f, below %.2f%s",
			         (long long)l->id, safe, l->hf, r->health_factor,
			         l->hf < 1 ? ": liquidatable" : "");
			hit(out, cap, &n, ALERT_HEALTH, key, msg);
		}
	return n;
}
