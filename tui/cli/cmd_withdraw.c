/* cmd_withdraw.c — `staketop withdraw ID --amount X [--price P] [--at TIME]
 * [--note TEXT]`: units leaving a position, as a 'withdraw' event; with
 * --price (received per unit, display currency) a sale, whose realized P&L
 * is printed (positions/realized.h). */
#include <stdio.h>
#include <string.h>

#include "positions/decimal.h"
#include "positions/text.h"
#include "tui/app/withdraw.h"
#include "tui/cli/cli.h"
#include "tui/term/format.h"

static const char *const wd_option[WD_FIELDS] = { "--amount", "--price", "--at", "--note" };

static void money(long double v, char *buf, size_t len)
{
	const struct figure f = { true, v };
	fmt_money(&f, buf, len);
}

/* What the sale realized, from the log as recorded. */
static void print_sale(const struct app *a, const struct position *p, const struct event *ev)
{
	struct realized_sale s;
	char err[256], pr[48], c[48], r[48];
	int g = withdraw_sale(a, p, ev, &s, err, sizeof err);
	if (g < 0) {
		fprintf(stderr, "staketop: the sale is recorded; its result: %s\n", err);
		return;
	}
	money(s.proceeds, pr, sizeof pr);
	if (!s.has) {
		printf("  proceeds %s %s; realized P&L unknown: some units sold had no cost\n", pr,
		       a->cfg.currency);
		return;
	}
	money(s.cost, c, sizeof c);
	money(s.result, r, sizeof r);
	printf("  proceeds %s - cost %s (%s lots) = realized %s%s %s\n", pr, c,
	       lot_method_name(a->cfg.lot_method), s.result > 0 && !fmt_private() ? "+" : "", r,
	       a->cfg.currency);
}

int cmd_withdraw(struct cli *c, int argc, char **argv)
{
	const struct command *cmd = cli_find("withdraw");
	static const struct option opts[] = { { "amount", required_argument, 0, 'm' },
		                              { "price", required_argument, 0, 'p' },
		                              { "at", required_argument, 0, 't' },
		                              { "note", required_argument, 0, 'n' },
		                              { 0, 0, 0, 0 } };
	struct withdraw_input in = { 0 };
	int ch = 0, got;
	while ((got = cli_getopt(cmd, argc, argv, opts, &ch)) > 0) {
		switch (ch) {
		case 'm': in.amount = optarg; break;
		case 'p': in.price = optarg; break;
		case 't': in.at = optarg; break;
		case 'n': in.note = optarg; break;
		default: break;
		}
	}
	if (got < 0)
		return EXIT_USAGE;
	if (optind != argc - 1)
		return cli_usage_error(cmd, "give one position ID");
	if (!in.amount)
		return cli_usage_error(cmd, "--amount is required");
	if (in.price && !in.price[0])
		return cli_usage_error(cmd, "--price: empty (leave it out for a transfer out)");

	struct app a;
	struct position p;
	struct event ev;
	struct wd_errors e;
	char err[512];
	int rc;
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	rc = cli_load_position(cmd, &a, argv[optind], &p);
	if (rc != 0)
		goto out;
	if (withdraw_check(&a, &p, &in, app_clock(), &ev, &e) < 0) {
		for (int f = 0; f < WD_FIELDS; f++)
			if (e.msg[f][0]) {
				rc = cli_usage_error(cmd, "%s: %s", wd_option[f], e.msg[f]);
				break;
			}
		goto out;
	}
	if (withdraw_record(&a, &ev, err, sizeof err) < 0) {
		rc = cli_fail(EXIT_USAGE, "%s", err);
		goto out;
	}
	char q[DEC_STR_MAX], pr[DEC_STR_MAX], sym[SYM_MAX];
	fmt_dec(ev.amount, q, sizeof q);   /* the mask in private mode */
	fmt_dec(ev.price, pr, sizeof pr);
	text_copy_clean(sym, sizeof sym, p.asset);
	if (ev.has_price) {
		printf("sold %s %s from position %lld at %s %s each (event %lld)\n", q, sym,
		       (long long)p.id, pr, a.cfg.currency, (long long)ev.id);
		print_sale(&a, &p, &ev);
	} else {
		printf("withdrew %s %s from position %lld (event %lld, no price: a transfer out,"
		       " nothing realized)\n", q, sym, (long long)p.id, (long long)ev.id);
	}
	rc = EXIT_OK;
out:
	app_close(&a);
	return rc;
}
