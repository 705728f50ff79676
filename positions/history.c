/* history.c — the date grid, units held from events, and NAV, market value,
 * premium and the split of each change, line by line; realized yield. */
#include "positions/history.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "positions/timeutil.h"

#define DAY_S 86400
#define MAX_LINKS 5

/* --- the grid ---------------------------------------------------------- */

int hist_step_parse(const char *s, enum hist_step *out)
{
	static const struct { const char *name; enum hist_step step; } steps[] = {
		{ "1h", HIST_HOUR }, { "1d", HIST_DAY }, { "1w", HIST_WEEK }, { "1mo", HIST_MONTH },
	};
	for (size_t i = 0; s && i < sizeof steps / sizeof *steps; i++)
		if (strcmp(s, steps[i].name) == 0) {
			*out = steps[i].step;
			return 0;
		}
	return -1;
}

static int64_t floordiv(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

/* Year and month of a day number (Howard Hinnant's civil_from_days). */
static void civil_from_days(int64_t z, int64_t *y, unsigned *m)
{
	z += 719468;
	const int64_t era = floordiv(z, 146097);
	const int64_t doe = z - era * 146097;
	const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	const int64_t mp = (5 * doy + 2) / 153;
	*m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* The last second of the period holding t. */
static int64_t period_end(int64_t t, enum hist_step step)
{
	int64_t d = floordiv(t, DAY_S);
	switch (step) {
	case HIST_HOUR:
		return floordiv(t, 3600) * 3600 + 3599;
	case HIST_DAY:
		return (d + 1) * DAY_S - 1;
	case HIST_WEEK: {
		int64_t wd = ((d + 3) % 7 + 7) % 7; /* 1970-01-01 was a Thursday: Monday = 0 */
		return (d + 6 - wd + 1) * DAY_S - 1;
	}
	case HIST_MONTH:
	default: {
		int64_t y;
		unsigned m;
		civil_from_days(d, &y, &m);
		if (m == 12)
			return days_from_civil(y + 1, 1, 1) * DAY_S - 1;
		return days_from_civil(y, m + 1, 1) * DAY_S - 1;
	}
	}
}

int hist_grid(int64_t from, int64_t to, enum hist_step step, size_t max_points,
              int64_t **out, size_t *n)
{
	size_t len = 0, cap = 0;
	int64_t *v = NULL;

	*out = NULL;
	*n = 0;
	if (to < from)
		return -1;
	for (int64_t e = period_end(from, step);; e = period_end(e + 1, step)) {
		if (len == max_points) {
			free(v);
			return -1;
		}
		if (len == cap) {
			size_t nc = cap ? cap * 2 : 256;
			int64_t *nv = realloc(v, nc * sizeof *nv);
			if (!nv) {
				free(v);
				return -1;
			}
			v = nv;
			cap = nc;
		}
		if (e >= to) {
			v[len++] = to;
			break;
		}
		v[len++] = e;
	}
	*out = v;
	*n = len;
	return 0;
}

/* --- holdings ---------------------------------------------------------- */

static int cmp_event(const void *a, const void *b)
{
	const struct hist_event *x = a, *y = b;
	return (x->ts > y->ts) - (x->ts < y->ts);
}

int hist_events_from(const struct event *ev, size_t n, long double scale,
                     struct hist_event **out, size_t *n_out)
{
	struct hist_event *v = malloc((n ? n : 1) * sizeof *v);
	size_t k = 0;

	*out = NULL;
	*n_out = 0;
	if (!v)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const struct event *e = &ev[i];
		long double a;
		if (e->removed || e->type == EVENT_CLAIM || !e->has_amount)
			continue;
		a = dec_to_ld(e->amount) * scale;
		if (e->type == EVENT_WITHDRAW || e->type == EVENT_UNBOND)
			a = -a;
		else if (e->type != EVENT_STAKE && e->type != EVENT_DEPOSIT && e->type != EVENT_ADJUST)
			continue;
		v[k++] = (struct hist_event){ e->ts, a };
	}
	qsort(v, k, sizeof *v, cmp_event);
	*out = v;
	*n_out = k;
	return 0;
}

void hist_holdings_free(struct hist_holding *h, size_t n)
{
	for (size_t i = 0; h && i < n; i++)
		free(h[i].ev);
	free(h);
}

/* --- samples ----------------------------------------------------------- */

int hist_samples_init(struct hist_samples *s, size_t n_assets, size_t n_t)
{
	size_t cells = n_assets * HIST_KINDS * n_t;
	s->n_assets = n_assets;
	s->n_t = n_t;
	s->v = calloc(cells ? cells : 1, sizeof *s->v);
	s->has = calloc(cells ? cells : 1, 1);
	if (!s->v || !s->has) {
		hist_samples_free(s);
		return -1;
	}
	return 0;
}

void hist_samples_free(struct hist_samples *s)
{
	free(s->v);
	free(s->has);
	s->v = NULL;
	s->has = NULL;
}

/* --- lines ------------------------------------------------------------- */

/* One asset held one way, with its chain resolved to catalog indexes. */
struct line {
	const struct asset *asset;
	bool shares;
	bool broken;                    /* a loop or unknown link: never valued */
	int idx;                        /* asset */
	int link_idx[MAX_LINKS];        /* chain[k] for k < n_links - 1 (rated links) */
	const struct asset *link[MAX_LINKS];
	size_t n_links;                 /* including the underlying */
	int under_idx, share_idx, mf_pos;  /* mf_pos: market_from's place in the chain, -1 */
	long double *units;             /* [n_t] */
	/* the previous date, for the split */
	bool prev_known;
	long double prev_u, prev_r, prev_p, prev_nav;
	bool prev_rp;                   /* r and p both known at the previous date */
};

static void resolve(const struct catalog *cat, struct line *l)
{
	const struct asset *cur = l->asset;
	l->idx = catalog_index(cat, cur->symbol);
	l->n_links = 0;
	l->mf_pos = -1;
	l->share_idx = -1;
	for (;;) {
		if (l->n_links == MAX_LINKS) {
			l->broken = true;
			return;
		}
		for (size_t k = 0; k < l->n_links; k++)
			if (l->link[k] == cur) {
				l->broken = true;
				return;
			}
		l->link[l->n_links] = cur;
		l->link_idx[l->n_links] = catalog_index(cat, cur->symbol);
		if (l->asset->market_from[0] && strcasecmp(cur->symbol, l->asset->market_from) == 0)
			l->mf_pos = (int)l->n_links;
		l->n_links++;
		if (!cur->underlying[0])
			break;
		cur = catalog_find(cat, cur->underlying);
		if (!cur) {
			l->broken = true;
			return;
		}
	}
	l->under_idx = l->link_idx[l->n_links - 1];
	if (l->shares) {
		const struct asset *sr = catalog_find(cat, l->asset->share_rate_from);
		l->share_idx = sr ? catalog_index(cat, sr->symbol) : -1;
		if (l->share_idx < 0)
			l->broken = true;
	}
}

void hist_needed(const struct catalog *cat, const struct hist_holding *h, size_t n,
                 bool *need)
{
	for (size_t i = 0; i < n; i++) {
		struct line l;
		memset(&l, 0, sizeof l);
		l.asset = h[i].asset;
		l.shares = h[i].shares;
		resolve(cat, &l);
		if (l.broken)
			continue;
		for (size_t k = 0; k + 1 < l.n_links; k++)
			if (l.link[k]->rate.type != RATE_ONE && l.link[k]->rate.type != RATE_NONE)
				need[l.link_idx[k] * HIST_KINDS + HIST_RATE] = true;
		need[l.under_idx * HIST_KINDS + HIST_PRICE] = true;
		need[l.idx * HIST_KINDS + HIST_PRICE] = true;
		if (l.share_idx >= 0)
			need[l.share_idx * HIST_KINDS + HIST_RATE] = true;
	}
}

static bool sample(const struct hist_samples *s, int a, int k, size_t i, long double *v)
{
	if (a < 0 || (size_t)a >= s->n_assets)
		return false;
	size_t at = hist_at(s, (size_t)a, k, i);
	if (!s->has[at])
		return false;
	*v = s->v[at];
	return true;
}

/* Underlying per unit (r), price of the underlying (p) and market price per
 * unit (m) of line l at date i; false for each that is absent. */
static void unit_values(const struct line *l, const struct hist_samples *s, size_t i,
                        bool *has_r, long double *r, bool *has_p, long double *p,
                        bool *has_m, long double *m)
{
	long double rate = 1, x, sr = 1;
	bool ok = !l->broken;
	*has_r = *has_p = *has_m = false;
	if (l->broken)
		return;
	long double partial[MAX_LINKS];  /* product of the rates of links < k */
	bool partial_ok[MAX_LINKS];
	for (size_t k = 0; k < l->n_links; k++) {
		partial[k] = rate;
		partial_ok[k] = ok;
		if (k + 1 == l->n_links)
			break;
		switch (l->link[k]->rate.type) {
		case RATE_ONE:
			break;
		case RATE_NONE:
			ok = false;
			break;
		default:
			if (sample(s, l->link_idx[k], HIST_RATE, i, &x))
				rate *= x;
			else
				ok = false;
			break;
		}
	}
	bool sr_ok = true;
	if (l->shares)
		sr_ok = sample(s, l->share_idx, HIST_RATE, i, &sr);
	if (ok && sr_ok) {
		*has_r = true;
		*r = rate * sr;
	}
	*has_p = sample(s, l->under_idx, HIST_PRICE, i, p);
	if (l->asset->model == MODEL_NATIVE) {
		*has_m = *has_p;
		*m = *p;
	} else if (sample(s, l->idx, HIST_PRICE, i, &x)) {
		*has_m = true;
		*m = x;
	} else if (l->mf_pos > 0 && partial_ok[l->mf_pos] &&
	           sample(s, l->link_idx[l->mf_pos], HIST_PRICE, i, &x)) {
		*has_m = true;
		*m = partial[l->mf_pos] * x;
	}
	if (*has_m && l->shares) {
		if (sr_ok)
			*m *= sr;
		else
			*has_m = false;
	}
}

static void add(struct hist_fig *f, long double v)
{
	f->has = true;
	f->v += v;
}

int hist_compute(const struct catalog *cat, const struct hist_holding *h, size_t n_h,
                 const int64_t *t, size_t n_t, const struct hist_samples *s,
                 struct hist_row *rows)
{
	struct line *lines = calloc(n_h ? n_h : 1, sizeof *lines);
	size_t n_lines = 0;
	int rc = -1;

	if (!lines)
		return -1;
	/* group the holdings into lines and sum their units on the grid */
	for (size_t j = 0; j < n_h; j++) {
		struct line *l = NULL;
		for (size_t k = 0; k < n_lines && !l; k++)
			if (lines[k].asset == h[j].asset && lines[k].shares == h[j].shares)
				l = &lines[k];
		if (!l) {
			l = &lines[n_lines++];
			l->asset = h[j].asset;
			l->shares = h[j].shares;
			resolve(cat, l);
			l->units = calloc(n_t ? n_t : 1, sizeof *l->units);
			if (!l->units)
				goto out;
		}
		long double cum = 0;
		size_t e = 0;
		for (size_t i = 0; i < n_t; i++) {
			while (e < h[j].n_ev && h[j].ev[e].ts <= t[i])
				cum += h[j].ev[e++].delta;
			l->units[i] += cum;
		}
	}
	for (size_t i = 0; i < n_t; i++) {
		struct hist_row *row = &rows[i];
		long double nav_p = 0, mv_p = 0;
		bool any_p = false;
		memset(row, 0, sizeof *row);
		row->t = t[i];
		for (size_t k = 0; k < n_lines; k++) {
			struct line *l = &lines[k];
			long double u = l->units[i], r = 0, p = 0, m = 0;
			bool hr, hp, hm;
			unit_values(l, s, i, &hr, &r, &hp, &p, &hm, &m);
			bool held = u != 0;
			bool rp = hr && hp;
			bool known = !held || rp;
			long double nav = held && rp ? u * r * p : 0;
			if (held) {
				row->n_held++;
				if (rp)
					add(&row->nav, nav);
				else
					row->n_unvalued++;
				if (hm)
					add(&row->market_value, u * m);
				if (rp && hm) {
					nav_p += nav;
					mv_p += u * m;
					any_p = true;
				}
			}
			if (i > 0) {
				if (l->prev_known && known && l->prev_u != 0 && held && l->prev_rp && rp) {
					row->rewards += l->prev_u * (r - l->prev_r) * p;
					row->price += l->prev_u * l->prev_r * (p - l->prev_p);
					row->flows += (u - l->prev_u) * r * p;
				} else {
					row->flows += nav - l->prev_nav;
				}
			}
			l->prev_known = known;
			l->prev_u = u;
			l->prev_r = r;
			l->prev_p = p;
			l->prev_rp = rp;
			l->prev_nav = nav;
		}
		if (row->n_held == 0) {
			row->nav.has = row->market_value.has = true;
		}
		if (any_p && nav_p != 0) {
			row->premium_bps.has = true;
			row->premium_bps.v = (mv_p / nav_p - 1) * 10000;
		}
	}
	rc = 0;
out:
	for (size_t k = 0; k < n_lines; k++)
		free(lines[k].units);
	free(lines);
	return rc;
}

void hist_split_total(const struct hist_row *rows, size_t n, long double *rewards,
                      long double *price, long double *flows)
{
	*rewards = *price = *flows = 0;
	for (size_t i = 1; i < n; i++) {
		*rewards += rows[i].rewards;
		*price += rows[i].price;
		*flows += rows[i].flows;
	}
}

/* --- realized yield ---------------------------------------------------- */

void hist_realized(double r_then, int64_t t_then, double r_now, int64_t t_now,
                   struct hist_realized *out)
{
	memset(out, 0, sizeof *out);
	if (!(r_then > 0) || !(r_now > 0) || !isfinite(r_then) || !isfinite(r_now) ||
	    t_now <= t_then)
		return;
	double d = (double)(t_now - t_then) / DAY_S;
	double g = r_now / r_then;
	out->has = true;
	out->days = d;
	out->apy = pow(g, 365.0 / d) - 1;
	out->apr = (g - 1) * 365.0 / d;
}

const struct asset *hist_yield_rate_asset(const struct catalog *cat, const struct asset *a)
{
	if (a->model == MODEL_REBASING)
		return a->share_rate_from[0] ? catalog_find(cat, a->share_rate_from) : NULL;
	if (a->rate.type == RATE_ONE || a->rate.type == RATE_NONE)
		return NULL;
	return a;
}
