/* plan.c — targets, trades, routes and before/after weights (plan.h). */
#include "positions/plan.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "positions/text.h"
#include "positions/yield.h"

const char *plan_dim_name(enum plan_dim d)
{
	static const char *const names[] = { "kind", "asset", "protocol", "chain" };
	return (unsigned)d < 4 ? names[d] : "?";
}

const char *plan_action_name(enum plan_action a)
{
	static const char *const names[] = { "reduce", "add", "use" };
	return (unsigned)a < 3 ? names[a] : "?";
}

const char *plan_route_name(enum plan_route r)
{
	static const char *const names[] = { "none", "swap", "redeem", "unstake", "idle", "add" };
	return (unsigned)r < 6 ? names[r] : "?";
}

/* --- targets --------------------------------------------------------------- */

static int fail(char *err, size_t errlen, const char *fmt, const char *arg)
{
	char clean[96];
	text_copy_clean(clean, sizeof clean, arg ? arg : "");
	snprintf(err, errlen, fmt, clean);
	return -1;
}

/* Resolve key to a dimension and its canonical spelling; -1 when unknown. */
static int resolve_key(const char *key, const struct catalog *cat, enum plan_dim *dim,
                       char *canon, size_t len)
{
	static const char *const kinds[] = { "native", "liquid", "restaked" };
	for (size_t i = 0; i < 3; i++)
		if (strcasecmp(key, kinds[i]) == 0) {
			*dim = PLAN_BY_KIND;
			snprintf(canon, len, "%s", kinds[i]);
			return 0;
		}
	const struct asset *a = catalog_find(cat, key);
	if (a) {
		*dim = PLAN_BY_ASSET;
		snprintf(canon, len, "%s", a->symbol);
		return 0;
	}
	for (size_t i = 0; i < cat->n; i++)
		if (cat->assets[i].protocol[0] && strcasecmp(key, cat->assets[i].protocol) == 0) {
			*dim = PLAN_BY_PROTOCOL;
			snprintf(canon, len, "%s", cat->assets[i].protocol);
			return 0;
		}
	for (size_t i = 0; i < cat->n; i++)
		if (strcasecmp(key, cat->assets[i].chain) == 0) {
			*dim = PLAN_BY_CHAIN;
			snprintf(canon, len, "%s", cat->assets[i].chain);
			return 0;
		}
	return -1;
}

/* A percentage: digits, at most one '.', at most 6 decimals, 0..100. */
static int parse_pct(const char *s, double *out)
{
	size_t n = strlen(s), dots = 0, digits = 0, frac = 0;
	if (n == 0 || n > 12)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '.') {
			if (++dots > 1)
				return -1;
		} else if (s[i] >= '0' && s[i] <= '9') {
			digits++;
			if (dots)
				frac++;
		} else {
			return -1;
		}
	}
	if (!digits || frac > 6)
		return -1;
	double v = strtod(s, NULL);
	if (!(v >= 0 && v <= 100))
		return -1;
	*out = v;
	return 0;
}

int plan_targets_parse(const char *text, const struct catalog *cat,
                       struct plan_targets *out, char *err, size_t errlen)
{
	char buf[PLAN_TARGETS_TEXT_MAX];
	memset(out, 0, sizeof *out);
	if (!text || !text[0])
		return fail(err, errlen, "--target is empty: expected K=V,... such as native=40,liquid=60%s", "");
	if (strlen(text) >= sizeof buf)
		return fail(err, errlen, "--target is too long (at most 1023 bytes)%s", "");
	memcpy(buf, text, strlen(text) + 1);
	char *save = NULL;
	for (char *item = strtok_r(buf, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(item, '=');
		if (!eq)
			return fail(err, errlen, "target '%s' is not K=V (a key, '=', a percentage)", item);
		*eq = 0;
		const char *key = item, *val = eq + 1;
		if (!key[0])
			return fail(err, errlen, "target '=%s' has no key", val);
		if (out->n == PLAN_MAX_TARGETS)
			return fail(err, errlen, "more than 32 targets%s", "");
		struct plan_target *t = &out->t[out->n];
		enum plan_dim dim;
		if (resolve_key(key, cat, &dim, t->key, sizeof t->key) < 0)
			return fail(err, errlen,
			            "unknown target key '%s' (expected a kind: native, liquid, restaked; "
			            "an asset symbol; a protocol; or a chain)", key);
		/* "native" is a kind and also the protocol of native stake (the
		 * protocol grouping calls it so): among protocols it is one */
		if (out->n > 0 && dim == PLAN_BY_KIND && out->dim == PLAN_BY_PROTOCOL &&
		    strcmp(t->key, "native") == 0)
			dim = PLAN_BY_PROTOCOL;
		if (out->n > 0 && dim == PLAN_BY_PROTOCOL && out->dim == PLAN_BY_KIND) {
			bool only_native = true;
			for (size_t i = 0; i < out->n; i++)
				only_native = only_native && strcmp(out->t[i].key, "native") == 0;
			if (only_native)
				out->dim = PLAN_BY_PROTOCOL;
		}
		if (out->n > 0 && dim != out->dim) {
			char msg[256];
			static const char *const art[] = { "a kind", "an asset", "a protocol", "a chain" };
			snprintf(msg, sizeof msg, "target '%%s' is %s but the first is %s: targets are "
			         "all kinds, all assets, all protocols or all chains", art[dim],
			         art[out->dim]);
			return fail(err, errlen, msg, key);
		}
		out->dim = dim;
		for (size_t i = 0; i < out->n; i++)
			if (strcmp(out->t[i].key, t->key) == 0)
				return fail(err, errlen, "target '%s' is given twice", t->key);
		if (parse_pct(val, &t->pct) < 0) {
			char msg[160];
			char ck[PLAN_KEY_MAX];
			text_copy_clean(ck, sizeof ck, t->key);
			snprintf(msg, sizeof msg, "target %s: '%%s' is not a percentage 0..100", ck);
			return fail(err, errlen, msg, val);
		}
		out->n++;
	}
	if (out->n == 0)
		return fail(err, errlen, "--target has no K=V pair%s", "");
	return 0;
}

double plan_targets_sum(const struct plan_targets *t)
{
	double s = 0;
	for (size_t i = 0; i < t->n; i++)
		s += t->t[i].pct;
	return s;
}

void plan_targets_format(const struct plan_targets *t, char *buf, size_t len)
{
	size_t at = 0;
	if (len)
		buf[0] = 0;
	for (size_t i = 0; i < t->n && at < len; i++) {
		int w = snprintf(buf + at, len - at, "%s%s=%.6g", i ? "," : "", t->t[i].key,
		                 t->t[i].pct);
		if (w < 0)
			return;
		at += (size_t)w;
	}
}

/* --- weights --------------------------------------------------------------- */

static void share_add(struct plan_share *s, size_t *n, size_t cap, const char *label,
                      long double v)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp(s[i].label, label) == 0) {
			s[i].value += v;
			return;
		}
	if (*n == cap) {
		/* the last slot gathers the rest */
		snprintf(s[cap - 1].label, sizeof s[cap - 1].label, "other");
		s[cap - 1].value += v;
		return;
	}
	snprintf(s[*n].label, sizeof s[*n].label, "%s", label);
	s[*n].value = v;
	(*n)++;
}

static const char *kind_label(const struct valuation *r)
{
	return r->idle ? "idle" : asset_kind_name(r->kind);
}

static const char *protocol_label(const struct valuation *r)
{
	if (r->idle)
		return "idle";
	return r->asset->protocol[0] ? r->asset->protocol : "native";
}

/* A row that has a usable NAV: > 0, or 0 for a position holding nothing. */
static const char *unvalued_why(const struct valuation *r)
{
	if (!r->asset)
		return r->missing ? r->missing : "unknown asset";
	if (!r->nav.has || !r->underlying_qty.has || !r->price_underlying.has)
		return r->missing ? r->missing : "no NAV";
	if (!isfinite((double)r->nav.v) || r->nav.v < 0)
		return "NAV out of range";
	if (r->price_underlying.v <= 0)
		return "zero price";
	if (r->nav.v == 0 && !dec_is_zero(r->quantity))
		return r->exchange_rate.has && r->exchange_rate.v <= 0 ? "zero exchange rate"
		                                                        : "zero price";
	return NULL;
}

void plan_weights(const struct valuation *rows, const long double *nav, size_t n,
                  long double cash, struct plan_weights *w)
{
	long double total = 0, apy_nav = 0, apy_w = 0;
	bool has_apy = false;
	memset(w, 0, sizeof *w);
	for (size_t i = 0; i < n; i++) {
		const struct valuation *r = &rows[i];
		if (unvalued_why(r))
			continue;
		long double v = nav ? nav[i] : r->nav.v;
		if (isnan((double)v))
			continue;
		total += v;
		share_add(w->kind, &w->n_kind, 5, kind_label(r), v);
		share_add(w->protocol, &w->n_protocol, PLAN_MAX_GROUPS, protocol_label(r), v);
		share_add(w->chain, &w->n_chain, PLAN_MAX_GROUPS, r->asset->chain, v);
		if (r->apy.has) {
			apy_nav += v;
			apy_w += v * r->apy.v;
			has_apy = true;
		}
	}
	if (cash > 0) {
		total += cash;
		share_add(w->kind, &w->n_kind, 5, "idle", cash);
		share_add(w->protocol, &w->n_protocol, PLAN_MAX_GROUPS, "cash", cash);
		share_add(w->chain, &w->n_chain, PLAN_MAX_GROUPS, "cash", cash);
		apy_nav += cash; /* earns nothing */
	}
	w->total = total;
	struct plan_share *tabs[3] = { w->kind, w->protocol, w->chain };
	size_t ns[3] = { w->n_kind, w->n_protocol, w->n_chain };
	for (size_t k = 0; k < 3; k++)
		for (size_t i = 0; i < ns[k]; i++)
			tabs[k][i].weight = total > 0 ? (double)(tabs[k][i].value / total) : 0;
	if (has_apy) {
		w->yield_365d_value.has = true;
		w->yield_365d_value.v = apy_w;
		if (apy_nav > 0) {
			w->apy.has = true;
			w->apy.v = apy_w / apy_nav;
		}
	}
}

/* --- the plan -------------------------------------------------------------- */

static const char *group_key(const struct valuation *r, enum plan_dim d)
{
	switch (d) {
	case PLAN_BY_KIND:
		return asset_kind_name(r->kind);
	case PLAN_BY_ASSET:
		return r->asset->symbol;
	case PLAN_BY_PROTOCOL:
		return r->asset->protocol[0] ? r->asset->protocol : "native";
	case PLAN_BY_CHAIN:
		return r->asset->chain;
	}
	return "?";
}

static int find_group(struct plan *p, const char *key)
{
	for (size_t g = 0; g < p->n_groups; g++)
		if (strcasecmp(p->groups[g].key, key) == 0)
			return (int)g;
	return -1;
}

static int add_group(struct plan *p, const char *key)
{
	int g = find_group(p, key);
	if (g >= 0)
		return g;
	if (p->n_groups == PLAN_MAX_GROUPS)
		return -1;
	struct plan_group *gr = &p->groups[p->n_groups];
	snprintf(gr->key, sizeof gr->key, "%s", key);
	gr->reachable = true;
	return (int)p->n_groups++;
}

/* The two exit routes of a reduction of value (tokens amount) of row r. */
static void routes(const struct valuation *r, const struct plan_settings *s,
                   struct plan_trade *t)
{
	const struct asset *a = r->asset;
	/* redeem / unstake: at NAV after the rule's wait, forgoing the yield */
	struct unbond_eta eta;
	if (unbond_estimate(&a->unbond, s->now, s->live, &eta) == 0) {
		int64_t wait = eta.available_at > s->now ? eta.available_at - s->now : 0;
		struct exit_choice ec;
		exit_compare(t->amount, t->value / t->amount,
		             r->price_market.has ? r->price_market.v * (1.0L - s->swap_fee) : 0, wait,
		             &ec);
		t->redeem.available = true;
		t->redeem.receive = ec.wait_value;
		t->redeem.days = ec.days;
		snprintf(t->redeem.basis, sizeof t->redeem.basis, "%s", eta.basis);
		if (r->apr.has) {
			t->redeem.has_cost = true;
			t->redeem.cost = t->value *
			                 (long double)yield_growth(r->apr.v, r->compounding, (double)ec.days);
		}
		if (a->kind != ASSET_NATIVE && r->price_market.has && r->price_market.v > 0) {
			t->swap.available = t->swap.has_cost = true;
			t->swap.receive = ec.sell_value;
			t->swap.cost = t->value - ec.sell_value;
		}
	} else {
		snprintf(t->redeem.basis, sizeof t->redeem.basis, "%s", eta.basis);
		if (a->kind != ASSET_NATIVE && r->price_market.has && r->price_market.v > 0) {
			t->swap.available = t->swap.has_cost = true;
			t->swap.receive = t->amount * r->price_market.v * (1.0L - s->swap_fee);
			t->swap.cost = t->value - t->swap.receive;
		}
	}
	if (a->kind == ASSET_NATIVE)
		snprintf(t->swap.basis, sizeof t->swap.basis, "native stake has no market");
	else if (!t->swap.available)
		snprintf(t->swap.basis, sizeof t->swap.basis, "no market price");

	enum plan_route redeem = a->kind == ASSET_NATIVE ? ROUTE_UNSTAKE : ROUTE_REDEEM;
	if (t->swap.available && t->redeem.available) {
		if (t->swap.has_cost && t->redeem.has_cost)
			t->route = t->swap.cost < t->redeem.cost ? ROUTE_SWAP : redeem;
		else
			t->route = t->swap.has_cost ? ROUTE_SWAP : redeem;
	} else if (t->swap.available) {
		t->route = ROUTE_SWAP;
	} else if (t->redeem.available) {
		t->route = redeem;
	} else {
		t->route = ROUTE_NONE;
	}
}

static void push_trade(struct plan *p, const struct plan_portfolio *pf,
                       const struct plan_settings *s, size_t i, enum plan_action act,
                       long double value)
{
	const struct valuation *r = &pf->rows[i];
	if (value <= 0)
		return;
	if (value < s->min_trade) {
		p->n_skipped++;
		p->skipped_value += value;
		return;
	}
	struct plan_trade *t = &p->trades[p->n_trades++];
	memset(t, 0, sizeof *t);
	t->row = i;
	t->position_id = pf->ids ? pf->ids[i] : (int64_t)i;
	t->asset = r->asset;
	t->action = act;
	t->value = value;
	long double qty = dec_to_ld(r->quantity);
	if (r->nav.v > 0) {
		t->amount = value * qty / r->nav.v;
		t->underlying = value * r->underlying_qty.v / r->nav.v;
	} else {
		/* a position holding nothing: one token is worth rate × price */
		long double per = r->exchange_rate.v * r->price_underlying.v;
		t->amount = value / per;
		t->underlying = value / r->price_underlying.v;
	}
	t->unbonding = pf->unbonding ? pf->unbonding[i] : 0;
	if (act == PLAN_REDUCE) {
		routes(r, s, t);
		p->after_nav[i] -= value;
		p->moved_out += value;
		long double c = t->route == ROUTE_SWAP ? t->swap.cost : t->redeem.cost;
		if ((t->route == ROUTE_SWAP && t->swap.has_cost) ||
		    ((t->route == ROUTE_REDEEM || t->route == ROUTE_UNSTAKE) && t->redeem.has_cost))
			p->total_cost += c;
	} else if (act == PLAN_USE_IDLE) {
		t->route = ROUTE_IDLE;
		p->after_nav[i] -= value;
		p->moved_out += value;
	} else {
		t->route = ROUTE_ADD;
		p->after_nav[i] += value;
		p->moved_in += value;
	}
}

void plan_free(struct plan *p)
{
	free(p->trades);
	free(p->unvalued);
	free(p->after_nav);
	p->trades = NULL;
	p->unvalued = NULL;
	p->after_nav = NULL;
	p->n_trades = p->n_unvalued = 0;
}

int plan_compute(const struct plan_portfolio *pf, const struct plan_targets *t,
                 const struct plan_settings *s, struct plan *p)
{
	const size_t n = pf->n;
	memset(p, 0, sizeof *p);
	p->targets_sum = plan_targets_sum(t);
	p->sum_ok = fabs(p->targets_sum - 100.0) < 1e-9;
	/* a reduction may be a trade, and so may an idle draw or an addition */
	p->trades = malloc((n ? n : 1) * sizeof *p->trades);
	p->unvalued = malloc((n ? n : 1) * sizeof *p->unvalued);
	p->after_nav = malloc((n ? n : 1) * sizeof *p->after_nav);
	int *grp = malloc((n ? n : 1) * sizeof *grp);
	if (!p->trades || !p->unvalued || !p->after_nav || !grp) {
		free(grp);
		plan_free(p);
		return -1;
	}

	for (size_t k = 0; k < t->n; k++) {
		int g = add_group(p, t->t[k].key);
		if (g < 0)
			continue;
		p->groups[g].target_pct = t->t[k].pct;
		p->groups[g].named = true;
	}

	long double total = 0, idle = 0;
	const struct asset *last_asset = NULL;
	int last_g = -1;
	for (size_t i = 0; i < n; i++) {
		const struct valuation *r = &pf->rows[i];
		const char *why = unvalued_why(r);
		grp[i] = -1;
		if (why) {
			p->after_nav[i] = NAN;
			p->unvalued[p->n_unvalued].row = i;
			p->unvalued[p->n_unvalued].position_id = pf->ids ? pf->ids[i] : (int64_t)i;
			p->unvalued[p->n_unvalued].why = why;
			p->n_unvalued++;
			/* still a member of its group, so an empty group can say why */
			if (r->asset) {
				int g = find_group(p, group_key(r, t->dim));
				if (g >= 0 && !p->groups[g].why)
					p->groups[g].why = why;
			}
			continue;
		}
		p->after_nav[i] = r->nav.v;
		total += r->nav.v;
		if (r->idle) {
			idle += r->nav.v;
			continue;
		}
		if (r->asset != last_asset) {
			last_asset = r->asset;
			last_g = add_group(p, group_key(r, t->dim));
		}
		grp[i] = last_g;
		if (last_g >= 0)
			p->groups[last_g].before += r->nav.v;
	}

	plan_weights(pf->rows, NULL, n, 0, &p->before);
	struct totals tot;
	valuation_totals(pf->rows, n, &tot);   /* the board's own totals */
	p->before.apy = tot.apy;
	p->before.yield_365d_value = tot.yield_365d_value;
	p->all_reachable = true;

	if (!p->sum_ok) {
		for (size_t g = 0; g < p->n_groups; g++)
			p->groups[g].after = p->groups[g].target = p->groups[g].before;
		memcpy(&p->after, &p->before, sizeof p->after);
		free(grp);
		return 0;
	}

	/* counts and what each group must move */
	size_t *members = calloc(p->n_groups ? p->n_groups : 1, sizeof *members);
	if (!members) {
		free(grp);
		plan_free(p);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		if (grp[i] >= 0)
			members[grp[i]]++;
	long double adds = 0;
	for (size_t g = 0; g < p->n_groups; g++) {
		struct plan_group *gr = &p->groups[g];
		gr->target = (long double)gr->target_pct / 100.0L * total;
		long double delta = gr->target - gr->before;
		if (gr->target_pct > 0 && members[g] == 0) {
			gr->reachable = false;
			if (!gr->why)
				gr->why = "no valued position to add to";
			gr->shortfall = delta;
			p->all_reachable = false;
		} else if (delta > 0) {
			adds += delta;
		}
	}
	/* idle coins first, in proportion to their NAV */
	long double idle_used = adds < idle ? adds : idle;
	for (size_t i = 0; i < n; i++) {
		const struct valuation *r = &pf->rows[i];
		if (r->idle && !isnan((double)p->after_nav[i]) && idle > 0)
			push_trade(p, pf, s, i, PLAN_USE_IDLE, idle_used * r->nav.v / idle);
	}
	for (size_t i = 0; i < n; i++) {
		int g = grp[i];
		if (g < 0)
			continue;
		struct plan_group *gr = &p->groups[g];
		long double delta = gr->target - gr->before;
		if (delta < 0 && gr->before > 0)
			push_trade(p, pf, s, i, PLAN_REDUCE, -delta * pf->rows[i].nav.v / gr->before);
		else if (delta > 0 && gr->reachable)
			push_trade(p, pf, s, i, PLAN_ADD,
			           gr->before > 0 ? delta * pf->rows[i].nav.v / gr->before
			                          : delta / (long double)members[g]);
	}
	free(members);
	free(grp);

	for (size_t i = 0; i < n; i++) {
		const struct valuation *r = &pf->rows[i];
		if (r->idle || isnan((double)p->after_nav[i]) || !r->asset)
			continue;
		int g = find_group(p, group_key(r, t->dim));
		if (g >= 0)
			p->groups[g].after += p->after_nav[i];
	}
	p->unallocated = p->moved_out - p->moved_in;
	/* rounding of the pro-rata shares, not money: below a millionth */
	if (fabsl(p->unallocated) < 1e-6L)
		p->unallocated = 0;
	plan_weights(pf->rows, p->after_nav, n, p->unallocated, &p->after);
	return 0;
}
