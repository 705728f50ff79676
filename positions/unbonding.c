/* unbonding.c — unbonding ETAs by rule, unbonding status, event arithmetic
 * and the wait-or-sell comparison. Pure: every time comes from the caller. */
#include "positions/unbonding.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* --- small helpers ------------------------------------------------------- */

static void basis_set(struct unbond_eta *out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void basis_set(struct unbond_eta *out, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(out->basis, sizeof out->basis, fmt, ap);
	va_end(ap);
}

static int fail(struct unbond_eta *out, const char *why)
{
	basis_set(out, "%s", why);
	return -1;
}

/* a + b, or -1 on overflow. */
static int add_s(int64_t a, int64_t b, int64_t *out)
{
	return __builtin_add_overflow(a, b, out) ? -1 : 0;
}

/* a + k × len, or -1 on overflow. */
static int add_mul_s(int64_t a, int64_t k, int64_t len, int64_t *out)
{
	int64_t m;
	if (__builtin_mul_overflow(k, len, &m))
		return -1;
	return add_s(a, m, out);
}

/* floor(a / b) for b > 0. */
static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	if (a % b != 0 && a < 0)
		q--;
	return q;
}

/* A duration for a basis line: "21 days", "1 day", "4.3 h", "~3.5 d". */
static void human(int64_t s, char *buf, size_t len)
{
	if (s >= 86400 && s % 86400 == 0)
		snprintf(buf, len, "%lld day%s", (long long)(s / 86400), s == 86400 ? "" : "s");
	else if (s >= 86400)
		snprintf(buf, len, "%.1f d", (double)s / 86400.0);
	else if (s >= 3600)
		snprintf(buf, len, "%.1f h", (double)s / 3600.0);
	else if (s >= 60)
		snprintf(buf, len, "%.1f min", (double)s / 60.0);
	else
		snprintf(buf, len, "%lld s", (long long)s);
}

/* Seconds for n slots of slot_s each, rounded; -1 when out of range. */
static int64_t slots_to_s(uint64_t n, double slot_s)
{
	double v = (double)n * slot_s;
	if (!isfinite(v) || v < 0 || v > 9.0e15)
		return -1;
	return (int64_t)llround(v);
}

/* --- rules --------------------------------------------------------------- */

static int est_fixed(const struct unbond_rule *r, int64_t req, struct unbond_eta *out)
{
	char d[32];
	if (r->delay_s < 0)
		return fail(out, "fixed unbonding rule with a negative delay");
	if (add_s(req, r->delay_s, &out->available_at))
		return fail(out, "unbonding time out of range");
	out->earliest_at = out->latest_at = out->available_at;
	out->exact = true;
	human(r->delay_s, d, sizeof d);
	if (r->source[0])
		basis_set(out, "%.*s", (int)(sizeof out->basis - 1), r->source);
	else
		basis_set(out, "fixed delay %s (%lld s)", d, (long long)r->delay_s);
	return 0;
}

static int est_epoch(const struct unbond_rule *r, int64_t req,
                     const struct unbond_sol_epoch *sol, struct unbond_eta *out)
{
	int64_t rule_len = slots_to_s(r->epoch_slots, r->slot_seconds);
	char d[32];
	out->exact = false;
	if (r->epoch_slots == 0 || !(r->slot_seconds > 0) || rule_len <= 0)
		return fail(out, "epoch unbonding rule without slots or slot time");

	if (sol && sol->has && sol->slots_in_epoch > 0 && sol->slot_index <= sol->slots_in_epoch) {
		uint64_t left = sol->slots_in_epoch - sol->slot_index;
		int64_t left_s = slots_to_s(left, r->slot_seconds);
		int64_t len = slots_to_s(sol->slots_in_epoch, r->slot_seconds);
		int64_t end, k, at;
		if (left_s < 0 || len <= 0 || add_s(sol->observed_at, left_s, &end))
			return fail(out, "epoch information out of range");
		/* The first boundary end + k × len strictly after the request: a
		 * request at the boundary itself waits a whole epoch. k < 0 when
		 * the request was made epochs before the observation. */
		k = floor_div(req - end, len) + 1;
		if (add_mul_s(end, k, len, &at))
			return fail(out, "unbonding time out of range");
		out->available_at = out->earliest_at = out->latest_at = at;
		if (k == 0)
			basis_set(out, "end of Solana epoch %llu (%llu slots left x %g s, estimate)",
			          (unsigned long long)sol->epoch, (unsigned long long)left,
			          r->slot_seconds);
		else if (k > 0)
			basis_set(out, "end of Solana epoch %llu (%llu slots left in epoch %llu"
			          " + %lld x %llu slots x %g s, estimate)",
			          (unsigned long long)(sol->epoch + (uint64_t)k),
			          (unsigned long long)left, (unsigned long long)sol->epoch,
			          (long long)k, (unsigned long long)sol->slots_in_epoch,
			          r->slot_seconds);
		else if ((uint64_t)-k <= sol->epoch)
			basis_set(out, "end of Solana epoch %llu (counted back from epoch %llu, estimate)",
			          (unsigned long long)(sol->epoch - (uint64_t)-k),
			          (unsigned long long)sol->epoch);
		else
			basis_set(out, "end of a past Solana epoch (estimate)");
		return 0;
	}
	/* No epoch information: anywhere within one epoch. */
	if (add_s(req, rule_len, &out->available_at))
		return fail(out, "unbonding time out of range");
	out->earliest_at = req;
	out->latest_at = out->available_at;
	human(rule_len, d, sizeof d);
	basis_set(out, "end of the current Solana epoch (at most %u slots x %g s = %s;"
	          " epoch not known, estimate)", (unsigned)r->epoch_slots, r->slot_seconds, d);
	return 0;
}

static int est_eth_exit(const struct unbond_rule *r, int64_t req,
                        const struct unbond_eth_queue *eq, struct unbond_eta *out)
{
	double total = ETH_DEFAULT_TOTAL_ACTIVE_ETH, ahead = 0, churn;
	int64_t validators = ETH_DEFAULT_VALIDATORS, delay, qepochs, sweep, base;
	char qbuf[64], dbuf[32], sbuf[32], tbuf[32];
	bool queue_known = false;

	out->exact = false;
	if (r->delay_s < 0)
		return fail(out, "exit rule with a negative delay");
	delay = r->delay_s > 0 ? r->delay_s : (int64_t)ETH_WITHDRAW_DELAY_EPOCHS * ETH_EPOCH_SECONDS;
	if (eq && eq->has) {
		if (isfinite(eq->total_active_balance_eth) && eq->total_active_balance_eth > 0)
			total = eq->total_active_balance_eth;
		if (eq->validator_count > 0)
			validators = eq->validator_count;
		if (isfinite(eq->queue_ahead_eth) && eq->queue_ahead_eth >= 0) {
			ahead = eq->queue_ahead_eth;
			queue_known = true;
		}
	}
	if (total > 1e15 || ahead > 1e12 || validators > INT64_C(1000000000000))
		return fail(out, "exit queue figures out of range");
	/* Electra: the exit churn is whole ETH, between 128 and 256 an epoch. */
	churn = floor(total / ETH_CHURN_QUOTIENT);
	if (churn < ETH_CHURN_MIN_ETH)
		churn = ETH_CHURN_MIN_ETH;
	if (churn > ETH_CHURN_MAX_ETH)
		churn = ETH_CHURN_MAX_ETH;
	qepochs = (int64_t)ceil(ahead / churn);
	sweep = validators / ETH_SWEEP_PER_BLOCK * ETH_SLOT_SECONDS;

	base = (qepochs + ETH_EXIT_LOOKAHEAD_EPOCHS) * ETH_EPOCH_SECONDS;
	if (add_s(req, base, &base) || add_s(base, delay, &out->earliest_at) ||
	    add_s(out->earliest_at, sweep / 2, &out->available_at) ||
	    add_s(out->earliest_at, sweep, &out->latest_at))
		return fail(out, "unbonding time out of range");

	human(qepochs * ETH_EPOCH_SECONDS, tbuf, sizeof tbuf);
	if (queue_known)
		snprintf(qbuf, sizeof qbuf, "queue %s (%.0f ETH at %.0f/epoch)", tbuf, ahead, churn);
	else
		snprintf(qbuf, sizeof qbuf, "queue unknown (assumed empty)");
	if (delay % ETH_EPOCH_SECONDS == 0)
		snprintf(dbuf, sizeof dbuf, "%lld epochs", (long long)(delay / ETH_EPOCH_SECONDS));
	else
		snprintf(dbuf, sizeof dbuf, "%lld s", (long long)delay);
	human(sweep / 2, sbuf, sizeof sbuf);
	basis_set(out, "Ethereum exit: %s + %d epochs + %s + sweep ~%s (estimate)",
	          qbuf, ETH_EXIT_LOOKAHEAD_EPOCHS, dbuf, sbuf);
	return 0;
}

static int est_queue(const struct unbond_rule *r, int64_t req,
                     const struct unbond_queue_api *api, struct unbond_eta *out)
{
	char a[32], b[32], c[32];
	out->exact = false;
	if (api && api->has && api->finalization_in_ms >= 0 &&
	    api->finalization_in_ms <= INT64_C(9000000000000000)) {
		/* Rounded up to the second: never earlier than the API says. */
		int64_t in_s = (api->finalization_in_ms + 999) / 1000, at;
		if (add_s(api->observed_at, in_s, &at))
			return fail(out, "unbonding time out of range");
		if (at < req)
			at = req;
		out->available_at = out->earliest_at = out->latest_at = at;
		human(in_s, a, sizeof a);
		basis_set(out, "%s estimate: %s after the observation (estimate)",
		          api->label[0] ? api->label : "withdrawal queue: API", a);
		return 0;
	}
	if (r->min_s < 0 || r->max_s < 0 || r->typical_s < 0 || r->max_s < r->min_s)
		return fail(out, "queue unbonding rule with an invalid range");
	if (add_s(req, r->typical_s, &out->available_at) ||
	    add_s(req, r->typical_s < r->min_s ? r->typical_s : r->min_s, &out->earliest_at) ||
	    add_s(req, r->typical_s > r->max_s ? r->typical_s : r->max_s, &out->latest_at))
		return fail(out, "unbonding time out of range");
	human(r->typical_s, a, sizeof a);
	human(r->min_s, b, sizeof b);
	human(r->max_s, c, sizeof c);
	basis_set(out, "typical %s, range %s to %s (catalog%s%.100s)", a, b, c,
	          r->source[0] ? ": " : "", r->source);
	return 0;
}

int unbond_estimate(const struct unbond_rule *r, int64_t requested_at,
                    const struct unbond_inputs *in, struct unbond_eta *out)
{
	if (!out)
		return -1;
	memset(out, 0, sizeof *out);
	out->available_at = out->earliest_at = out->latest_at = requested_at;
	if (!r)
		return fail(out, "no unbonding rule");
	switch (r->type) {
	case UNBOND_NONE:
		out->exact = true;
		basis_set(out, "no unbonding: available at once");
		return 0;
	case UNBOND_FIXED:
		return est_fixed(r, requested_at, out);
	case UNBOND_EPOCH:
		return est_epoch(r, requested_at, in ? &in->sol : NULL, out);
	case UNBOND_ETH_EXIT:
		return est_eth_exit(r, requested_at, in ? &in->eth : NULL, out);
	case UNBOND_QUEUE:
		return est_queue(r, requested_at, in ? &in->queue : NULL, out);
	}
	return fail(out, "unknown unbonding rule");
}

/* --- status -------------------------------------------------------------- */

enum unbond_status unbond_status_at(const struct unbonding *u, int64_t now)
{
	if (u->claimed)
		return UNBOND_CLAIMED;
	return now >= u->available_at ? UNBOND_CLAIMABLE : UNBOND_PENDING;
}

const char *unbond_status_name(enum unbond_status s)
{
	switch (s) {
	case UNBOND_PENDING: return "pending";
	case UNBOND_CLAIMABLE: return "claimable";
	case UNBOND_CLAIMED: return "claimed";
	}
	return "?";
}

int64_t unbond_seconds_left(const struct unbonding *u, int64_t now)
{
	if (u->claimed || now >= u->available_at)
		return 0;
	return u->available_at - now;
}

char *unbond_format_left(int64_t s, char *buf, size_t len)
{
	if (!buf || !len)
		return buf;
	if (s <= 0)
		snprintf(buf, len, "claimable");
	else if (s >= 86400)
		snprintf(buf, len, "%lldd %lldh", (long long)(s / 86400), (long long)(s % 86400 / 3600));
	else if (s >= 3600)
		snprintf(buf, len, "%lldh %02lldm", (long long)(s / 3600), (long long)(s % 3600 / 60));
	else if (s >= 60)
		snprintf(buf, len, "%lldm %02llds", (long long)(s / 60), (long long)(s % 60));
	else
		snprintf(buf, len, "%llds", (long long)s);
	return buf;
}

/* --- events -------------------------------------------------------------- */

static const char *const event_names[EVENT_TYPES_] = {
	[EVENT_STAKE] = "stake",       [EVENT_DEPOSIT] = "deposit",
	[EVENT_WITHDRAW] = "withdraw", [EVENT_UNBOND] = "unbond",
	[EVENT_CLAIM] = "claim",       [EVENT_ADJUST] = "adjust",
};

const char *event_type_name(enum event_type t)
{
	return (unsigned)t < EVENT_TYPES_ ? event_names[t] : "?";
}

int event_type_parse(const char *s, enum event_type *out)
{
	for (unsigned i = 0; s && i < EVENT_TYPES_; i++)
		if (strcmp(s, event_names[i]) == 0) {
			*out = (enum event_type)i;
			return 0;
		}
	return -1;
}

int event_amount_parse(enum event_type t, const char *s, unsigned max_frac,
                       dec_t *out, char *err, size_t errlen)
{
	dec_t v;
	if (s && s[0] == '-') {
		if (t != EVENT_ADJUST) {
			if (err && errlen)
				snprintf(err, errlen, "negative amounts are allowed only for adjust");
			return -1;
		}
		if (dec_parse(s + 1, max_frac, &v, err, errlen) != 0)
			return -1;
		v.raw = -v.raw; /* |v| < 10^38 < 2^127: cannot overflow */
		*out = v;
		return 0;
	}
	return dec_parse(s ? s : "", max_frac, out, err, errlen);
}

int events_quantity(const struct event *ev, size_t n, dec_t *out)
{
	dec_t q = dec_zero();
	for (size_t i = 0; i < n; i++) {
		const struct event *e = &ev[i];
		int rc = 0;
		if (e->removed || e->type == EVENT_CLAIM)
			continue;
		if (!e->has_amount || (dec_is_neg(e->amount) && e->type != EVENT_ADJUST))
			return -1;
		switch (e->type) {
		case EVENT_STAKE:
		case EVENT_DEPOSIT:
		case EVENT_ADJUST:
			rc = dec_add(q, e->amount, &q);
			break;
		case EVENT_WITHDRAW:
		case EVENT_UNBOND:
			rc = dec_sub(q, e->amount, &q);
			break;
		case EVENT_CLAIM:
		case EVENT_TYPES_:
		default:
			return -1;
		}
		if (rc != 0)
			return -1;
	}
	if (dec_is_neg(q))
		return -1;
	*out = q;
	return 0;
}

/* --- exit comparison ----------------------------------------------------- */

void exit_compare(long double qty, long double nav_per_token,
                  long double market_per_token, int64_t seconds_to_wait,
                  struct exit_choice *out)
{
	out->wait_value = qty * nav_per_token;
	out->sell_value = qty * market_per_token;
	out->difference = out->wait_value - out->sell_value;
	out->difference_bps = out->sell_value != 0 ? out->difference / out->sell_value * 10000.0L : 0;
	out->days = (long double)(seconds_to_wait > 0 ? seconds_to_wait : 0) / 86400.0L;
}
