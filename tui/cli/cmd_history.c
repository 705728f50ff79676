/* cmd_history.c — `staketop history`: one row per date of the grid with
 * NAV, market value, premium and the split of each change in NAV (rewards,
 * price, flows), for the portfolio, one position or one asset; or with
 * --yield the yield each held token delivered over 7 d, 30 d and 1 y from
 * its recorded exchange rate, beside the quoted APY. Offline: it reads only
 * the store. The figures come from tui/app/history.h, which the history
 * screen calls too, so both show the same figure for a date. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "positions/history.h"
#include "positions/text.h"
#include "positions/timeutil.h"
#include "tui/app/history.h"
#include "tui/cli/cli.h"
#include "tui/term/format.h"

#define DAY_S APP_HIST_DAY_S

enum fmt { FMT_TEXT, FMT_CSV, FMT_JSON };

struct hopts {
	long long position;
	const char *asset, *from, *to, *every;
	enum fmt fmt;
	bool yield;
};

static int usage(const char *fmt, const char *arg)
{
	char clean[64];
	text_copy_clean(clean, sizeof clean, arg ? arg : "");
	return cli_usage_error(cli_find("history"), fmt, clean);
}

static int parse(int argc, char **argv, struct hopts *o)
{
	memset(o, 0, sizeof *o);
	o->every = "1d";
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char **dst = NULL;
		if (strcmp(a, "--csv") == 0 || strcmp(a, "--json") == 0) {
			enum fmt f = a[2] == 'c' ? FMT_CSV : FMT_JSON;
			if (o->fmt != FMT_TEXT && o->fmt != f)
				return usage("--csv and --json are exclusive%s", "");
			o->fmt = f;
			continue;
		}
		if (strcmp(a, "--yield") == 0) {
			o->yield = true;
			continue;
		}
		if (strcmp(a, "--position") == 0 || strcmp(a, "--asset") == 0 ||
		    strcmp(a, "--from") == 0 || strcmp(a, "--to") == 0 || strcmp(a, "--every") == 0) {
			if (i + 1 >= argc)
				return usage("%s needs a value", a);
			const char *v = argv[++i];
			if (a[2] == 'p') {
				if (o->position)
					return usage("--position given twice%s", "");
				if (cli_parse_id(v, &o->position) < 0)
					return usage("--position: '%s' is not a position id", v);
				continue;
			}
			dst = a[2] == 'a' ? &o->asset : a[2] == 'f' ? &o->from : a[2] == 't' ? &o->to
			                                                           : &o->every;
			*dst = v;
			continue;
		}
		return usage("unknown option '%s'", a);
	}
	if (o->position && o->asset)
		return usage("--position and --asset are exclusive%s", "");
	return 0;
}

/* --- output ---------------------------------------------------------------- */

static void label(int64_t t, enum hist_step step, char *buf, size_t len)
{
	if (step == HIST_HOUR)
		time_format_iso(t, buf, len);
	else
		time_format_date(t, buf, len);
}

/* A figure in the format: "-" (text), "" (csv) or null (json) when absent. */
static void fig(FILE *out, enum fmt f, bool has, long double v, int prec, int width)
{
	if (!has) {
		if (f == FMT_TEXT)
			fprintf(out, " %*s", width, "-");
		else if (f == FMT_JSON)
			fputs("null", out);
		return;
	}
	if (f == FMT_TEXT && prec == 2) {
		char t[96]; /* money: with the thousands separator the interface
		             * uses, or its mask in private mode */
		fmt_amount(v, prec, t, sizeof t);
		fprintf(out, " %*s", fmt_pad(t, width), t);
	} else if (f == FMT_TEXT) { /* bps and percentages as they are */
		fprintf(out, " %*.*Lf", width, prec, v);
	} else {
		fprintf(out, "%.*Lf", prec, v);
	}
}

static void print_rows(FILE *out, enum fmt f, enum hist_step step, const char *every,
                       const char *scope, const char *currency, const struct hist_row *r,
                       size_t n)
{
	char d[ISO_TIME_LEN];
	long double rw, pr, fl;
	hist_split_total(r, n, &rw, &pr, &fl);
	if (f == FMT_CSV)
		fputs("date,ts,nav,market_value,premium_bps,rewards,price,flows\n", out);
	else if (f == FMT_JSON)
		fprintf(out, "{\"every\":\"%s\",\"scope\":\"%s\",\"currency\":\"%s\",\"rows\":[",
		        every, scope, currency);
	else
		fprintf(out, "%-*s %14s %14s %9s %12s %12s %12s\n", step == HIST_HOUR ? 20 : 10,
		        "DATE", "NAV", "MARKET", "PREM bps", "REWARDS", "PRICE", "FLOWS");
	for (size_t i = 0; i < n; i++) {
		const struct hist_row *x = &r[i];
		label(x->t, step, d, sizeof d);
		if (f == FMT_TEXT) {
			fprintf(out, "%-*s", step == HIST_HOUR ? 20 : 10, d);
			fig(out, f, x->nav.has, x->nav.v, 2, 14);
			fig(out, f, x->market_value.has, x->market_value.v, 2, 14);
			fig(out, f, x->premium_bps.has, x->premium_bps.v, 1, 9);
			fig(out, f, true, x->rewards, 2, 12);
			fig(out, f, true, x->price, 2, 12);
			fig(out, f, true, x->flows, 2, 12);
			fputc('\n', out);
			continue;
		}
		const char *sep = f == FMT_CSV ? "," : ",\"";
		if (f == FMT_CSV)
			fprintf(out, "%s,%lld,", d, (long long)x->t);
		else
			fprintf(out, "%s{\"date\":\"%s\",\"ts\":%lld,\"nav\":", i ? "," : "", d,
			        (long long)x->t);
		fig(out, f, x->nav.has, x->nav.v, 2, 0);
		fprintf(out, "%s%s", sep, f == FMT_JSON ? "market_value\":" : "");
		fig(out, f, x->market_value.has, x->market_value.v, 2, 0);
		fprintf(out, "%s%s", sep, f == FMT_JSON ? "premium_bps\":" : "");
		fig(out, f, x->premium_bps.has, x->premium_bps.v, 2, 0);
		fprintf(out, "%s%s", sep, f == FMT_JSON ? "rewards\":" : "");
		fig(out, f, true, x->rewards, 2, 0);
		fprintf(out, "%s%s", sep, f == FMT_JSON ? "price\":" : "");
		fig(out, f, true, x->price, 2, 0);
		fprintf(out, "%s%s", sep, f == FMT_JSON ? "flows\":" : "");
		fig(out, f, true, x->flows, 2, 0);
		fputs(f == FMT_JSON ? "}" : "\n", out);
	}
	long double change = n ? r[n - 1].nav.v - r[0].nav.v : 0;
	if (f == FMT_JSON)
		fprintf(out, "],\"totals\":{\"nav_change\":%.2Lf,\"rewards\":%.2Lf,\"price\":%.2Lf,"
		        "\"flows\":%.2Lf}}\n", change, rw, pr, fl);
	else if (f == FMT_TEXT && n) {
		char m[4][96];
		const long double mv[4] = { change, rw, pr, fl };
		for (int k = 0; k < 4; k++)
			fmt_amount(mv[k], 2, m[k], sizeof m[k]);
		fprintf(out, "\nchange in NAV %s = rewards %s + price %s + flows %s\n"
		        "rewards: growth in the underlying at the end price; price: the rest on "
		        "what was held; flows: deposits, withdrawals, first valuations\n"
		        "%s; money in %s; from the local store only\n",
		        m[0], m[1], m[2], m[3], scope, currency);
	}
}

/* --- realized yield ---------------------------------------------------------- */

static int print_yield(struct app *a, const struct app_hist *hs, enum fmt f, int64_t now,
                       FILE *out)
{
	char err[256];
	bool first = true;
	const struct asset **tok = calloc(hs->n_h + 1, sizeof *tok);
	if (!tok)
		return cli_fail(EXIT_PARTIAL, "history: out of memory");
	size_t n_tok = app_history_yield_tokens(a, hs, tok, hs->n_h);
	if (f == FMT_CSV)
		fputs("asset,days,realized_apy,realized_apr,quoted_apy,gap_bps,trails\n", out);
	else if (f == FMT_JSON)
		fputs("{\"yield\":[", out);
	else
		fprintf(out, "%-10s %5s %12s %12s %12s %9s\n", "ASSET", "DAYS", "REALIZED APY",
		        "REALIZED APR", "QUOTED APY", "GAP bps");
	for (size_t i = 0; i < n_tok; i++) {
		for (size_t w = 0; w < APP_YIELD_WINDOWS; w++) {
			struct app_yield ay;
			if (app_history_yield(a, tok[i], now, app_yield_days[w], &ay, err, sizeof err) < 0) {
				free(tok);
				text_sanitize(err);
				return cli_fail(EXIT_PARTIAL, "history: %s", err);
			}
			const struct hist_realized *y = &ay.y;
			const bool hq = ay.has_quoted, gap = ay.has_gap, trails = ay.trails;
			const double q = ay.quoted_apy, gap_bps = ay.gap_bps;
			const char *sym = tok[i]->symbol;
			const int days = app_yield_days[w];
			if (f == FMT_TEXT) {
				fprintf(out, "%-10s %5d", sym, days);
				fig(out, f, y->has, y->apy * 100, 3, 11);
				fputs(y->has ? "%" : " ", out);
				fig(out, f, y->has, y->apr * 100, 3, 11);
				fputs(y->has ? "%" : " ", out);
				fig(out, f, hq, q * 100, 3, 11);
				fputs(hq ? "%" : " ", out);
				fig(out, f, gap, gap_bps, 1, 9);
				fputs(trails ? "  trails the quote\n" : "\n", out);
			} else if (f == FMT_CSV) {
				fprintf(out, "%s,%d,", sym, days);
				fig(out, f, y->has, y->apy, 6, 0);
				fputc(',', out);
				fig(out, f, y->has, y->apr, 6, 0);
				fputc(',', out);
				fig(out, f, hq, q, 6, 0);
				fputc(',', out);
				fig(out, f, gap, gap_bps, 1, 0);
				fprintf(out, ",%d\n", trails);
			} else {
				fprintf(out, "%s{\"asset\":\"%s\",\"days\":%d,\"realized_apy\":", first ? "" : ",",
				        sym, days);
				fig(out, f, y->has, y->apy, 6, 0);
				fputs(",\"realized_apr\":", out);
				fig(out, f, y->has, y->apr, 6, 0);
				fputs(",\"quoted_apy\":", out);
				fig(out, f, hq, q, 6, 0);
				fputs(",\"gap_bps\":", out);
				fig(out, f, gap, gap_bps, 1, 0);
				fprintf(out, ",\"trails\":%s}", trails ? "true" : "false");
			}
			first = false;
		}
	}
	if (f == FMT_JSON)
		fputs("]}\n", out);
	free(tok);
	return EXIT_OK;
}

/* --- the command --------------------------------------------------------------- */

int cmd_history(struct cli *c, int argc, char **argv)
{
	struct hopts o;
	int rc = parse(argc, argv, &o);
	if (rc)
		return rc;
	/* --yield prints rates only: no amount to hide */
	if (o.fmt != FMT_TEXT && !o.yield &&
	    cli_machine_format(c, cli_find("history"), o.fmt == FMT_CSV ? "--csv" : "--json"))
		return EXIT_USAGE;
	enum hist_step step;
	if (hist_step_parse(o.every, &step) < 0)
		return usage("--every: '%s' is not one of 1h, 1d, 1w, 1mo", o.every);
	char err[512], why[128];
	int64_t from = 0, to = 0;
	if (o.from && date_parse(o.from, &from, why, sizeof why) < 0)
		return usage("--from: expected a date YYYY-MM-DD, not '%s'", o.from);
	if (o.to && date_parse(o.to, &to, why, sizeof why) < 0)
		return usage("--to: expected a date YYYY-MM-DD, not '%s'", o.to);
	struct app a;
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	struct app_hist hs;
	char scope[64] = "portfolio";
	const struct asset *as = NULL;
	memset(&hs, 0, sizeof hs);
	rc = EXIT_USAGE;
	if (o.asset && !(as = catalog_find(&a.cat, o.asset))) {
		usage("--asset: no asset '%s' in the catalog (staketop assets)", o.asset);
		goto out;
	}
	if (o.position) {
		struct position p;
		char idt[24];
		snprintf(idt, sizeof idt, "%lld", o.position);
		if ((rc = cli_load_position(cli_find("history"), &a, idt, &p)) != 0)
			goto out;
		rc = EXIT_USAGE;
		snprintf(scope, sizeof scope, "position %lld", o.position);
	} else if (as) {
		snprintf(scope, sizeof scope, "asset %s", as->symbol);
	}
	const int64_t now = app_clock();
	if (o.from && from > now && !o.yield) {
		usage("--from %s is in the future", o.from);
		goto out;
	}
	const struct app_hist_query q = {
		.position = o.position, .asset = as, .from = o.from ? from : 0,
		.to = o.to ? to + DAY_S - 1 : 0, .step = step, .now = now, .holdings_only = o.yield,
	};
	switch (app_history_load(&a, &q, &hs, err, sizeof err)) {
	case APP_HIST_OK: break;
	case APP_HIST_RANGE: usage("--to %s is before --from", o.to); goto out;
	case APP_HIST_TOO_MANY:
		cli_usage_error(cli_find("history"), "more than %d dates: choose a longer --every or "
		                "a shorter range", APP_HIST_MAX_POINTS);
		goto out;
	case APP_HIST_MEMORY: rc = cli_fail(EXIT_PARTIAL, "history: out of memory"); goto out;
	default:
		text_sanitize(err);
		rc = cli_fail(EXIT_PARTIAL, "history: %s", err);
		goto out;
	}
	if (o.yield) {
		rc = print_yield(&a, &hs, o.fmt, now, stdout);
		goto out;
	}
	static char buf[1 << 16];
	setvbuf(stdout, buf, _IOFBF, sizeof buf);
	print_rows(stdout, o.fmt, step, o.every, scope, a.cfg.currency, hs.rows, hs.n_t);
	fflush(stdout);
	rc = EXIT_OK;
out:
	app_history_free(&hs);
	app_close(&a);
	return rc;
}
