/* cmd_stake.c — `staketop stake ID --amount X [--price P] [--at TIME]`:
 * more of a position bought or staked, as a 'stake' event; with --price it
 * is a lot of its own for the cost basis (positions/lots.h). */
#include <stdio.h>
#include <string.h>

#include "positions/decimal.h"
#include "positions/text.h"
#include "tui/app/position_edit.h"
#include "tui/app/unbond_ops.h"
#include "tui/cli/cli.h"
#include "tui/term/format.h"

int cmd_stake(struct cli *c, int argc, char **argv)
{
	const struct command *cmd = cli_find("stake");
	static const struct option opts[] = { { "amount", required_argument, 0, 'm' },
		                              { "price", required_argument, 0, 'p' },
		                              { "at", required_argument, 0, 't' },
		                              { 0, 0, 0, 0 } };
	const char *amount = NULL, *price = NULL, *at = NULL;
	int ch = 0, got;
	while ((got = cli_getopt(cmd, argc, argv, opts, &ch)) > 0) {
		switch (ch) {
		case 'm': amount = optarg; break;
		case 'p': price = optarg; break;
		case 't': at = optarg; break;
		default: break;
		}
	}
	if (got < 0)
		return EXIT_USAGE;
	if (optind != argc - 1)
		return cli_usage_error(cmd, "give one position ID");
	if (!amount)
		return cli_usage_error(cmd, "--amount is required");
	int64_t now = app_clock(), when = now;
	char err[512];
	struct event ev = { .type = EVENT_STAKE, .has_amount = true };
	if (price) {
		if (dec_parse(price, DEC_FRAC_DIGITS, &ev.price, err, sizeof err) < 0)
			return cli_usage_error(cmd, "--price: %s", err);
		ev.has_price = true;
	}
	if (unbond_parse_time(at, now, &when, err, sizeof err) < 0) {
		char safe[64];
		text_copy_clean(safe, sizeof safe, at);
		return cli_usage_error(cmd, "--at '%s': %s", safe, err);
	}
	ev.ts = when;

	struct app a;
	struct position p;
	int rc;
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	rc = cli_load_position(cmd, &a, argv[optind], &p);
	if (rc != 0)
		goto out;
	const struct asset *as = catalog_find(&a.cat, p.asset);
	if (event_amount_parse(EVENT_STAKE, amount, as ? as->decimals : DEC_FRAC_DIGITS,
	                       &ev.amount, err, sizeof err) < 0 || dec_is_zero(ev.amount)) {
		rc = cli_usage_error(cmd, "--amount: %s",
		                     dec_is_zero(ev.amount) ? "must be above 0" : err);
		goto out;
	}
	ev.position_id = p.id;
	snprintf(ev.note, sizeof ev.note, "stake");
	if (pe_event_add(&a, &ev, err, sizeof err) < 0) {
		rc = cli_fail(EXIT_PARTIAL, "%s", err);
		goto out;
	}
	char q[DEC_STR_MAX], pr[DEC_STR_MAX];
	fmt_dec(ev.amount, q, sizeof q);   /* the mask in private mode */
	fmt_dec(ev.price, pr, sizeof pr);
	if (ev.has_price)
		printf("staked %s %s on position %lld at %s %s each (event %lld)\n", q, p.asset,
		       (long long)p.id, pr, a.cfg.currency, (long long)ev.id);
	else
		printf("staked %s %s on position %lld (event %lld, no price: not a lot with a cost)\n",
		       q, p.asset, (long long)p.id, (long long)ev.id);
	rc = EXIT_OK;
out:
	app_close(&a);
	return rc;
}
