/* cmd_price.c — `staketop price set SYMBOL PRICE [--rate R] [--apr A]
 * [--pin]`, `price clear SYMBOL`, `price list [--json]`: manual prices
 * (tui/app/prices.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "positions/text.h"
#include "positions/timeutil.h"
#include "tui/app/prices.h"
#include "tui/cli/cli.h"
#include "tui/term/format.h"
#include "tui/app/json_out.h"

static int price_set(struct cli *c, const struct command *cmd, int argc, char **argv)
{
	static const struct option opts[] = { { "rate", required_argument, 0, 'r' },
		                              { "apr", required_argument, 0, 'y' },
		                              { "pin", no_argument, 0, 'p' },
		                              { 0, 0, 0, 0 } };
	struct price_input in = { 0 };
	int ch = 0, got;
	while ((got = cli_getopt(cmd, argc, argv, opts, &ch)) > 0) {
		switch (ch) {
		case 'r': in.rate = optarg; break;
		case 'y': in.apr = optarg; break;
		case 'p': in.pinned = true; break;
		default: break;
		}
	}
	if (got < 0)
		return EXIT_USAGE;
	if (argc - optind != 2)
		return cli_usage_error(cmd, "price set needs SYMBOL and PRICE");
	in.symbol = argv[optind];
	in.price = argv[optind + 1];
	struct app a;
	char err[512], sym[SYM_MAX], date[ISO_TIME_LEN];
	int64_t now = app_clock();
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	int r = app_price_set(&a, &in, now, sym, err, sizeof err);
	app_close(&a);
	if (r == -1)
		return cli_usage_error(cmd, "%s", err);
	if (r < 0)
		return cli_fail(EXIT_PARTIAL, "%s", err);
	time_format_iso(now, date, sizeof date);
	printf("%s: manual price set at %s%s; feeds will not replace it until"
	       " 'staketop price clear %s'\n", sym, date, in.pinned ? " (pinned: never stale)" : "",
	       sym);
	return EXIT_OK;
}

static int price_clear(struct cli *c, const struct command *cmd, int argc, char **argv)
{
	if (argc != 2)
		return cli_usage_error(cmd, "price clear needs one SYMBOL");
	struct app a;
	char err[512], sym[SYM_MAX];
	int n = 0;
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	int r = app_price_clear(&a, argv[1], &n, sym, err, sizeof err);
	app_close(&a);
	if (r == -1)
		return cli_usage_error(cmd, "%s", err);
	if (r < 0)
		return cli_fail(EXIT_PARTIAL, "%s", err);
	if (n == 0)
		printf("%s: no manual price to clear\n", sym);
	else
		printf("%s: manual values cleared (%d); the feeds' values apply again\n", sym, n);
	return EXIT_OK;
}

static int price_list(struct cli *c, const struct command *cmd, int argc, char **argv)
{
	bool json = false;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") != 0) {
			char safe[40];
			text_copy_clean(safe, sizeof safe, argv[i]);
			return cli_usage_error(cmd, "unexpected argument '%s'", safe);
		}
		json = true;
	}
	if (json && cli_machine_format(c, cmd, "--json"))
		return EXIT_USAGE;
	struct app a;
	struct observation *v = NULL;
	size_t n = 0;
	char err[512];
	int rc = EXIT_OK;
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	int64_t now = app_clock();
	if (app_price_list(&a, &v, &n, err, sizeof err) < 0) {
		rc = cli_fail(EXIT_PARTIAL, "%s", err);
		goto out;
	}
	if (json) {
		struct json_out j;
		json_out_init(&j, stdout);
		json_begin_array(&j, NULL);
		for (size_t i = 0; i < n; i++) {
			char date[ISO_TIME_LEN];
			time_format_iso(v[i].ts, date, sizeof date);
			json_begin_object(&j, NULL);
			json_string(&j, "asset", v[i].asset);
			json_string(&j, "kind", obs_kind_name(v[i].kind));
			json_decimal(&j, "value", v[i].value, 12);
			json_string(&j, "set_at", date);
			json_bool(&j, "pinned", v[i].pinned);
			json_bool(&j, "stale", !v[i].pinned && now - v[i].ts > a.cfg.stale_seconds);
			json_end_object(&j);
		}
		json_end_array(&j);
		rc = json_out_write(&j, stdout) == 0 ? EXIT_OK : EXIT_PARTIAL;
		json_out_done(&j);
		goto out;
	}
	if (n == 0)
		printf("no manual prices (set one: staketop price set SYMBOL PRICE)\n");
	else
		printf("%-10s %-6s %18s  %-20s  %s\n", "ASSET", "KIND", "VALUE", "SET", "");
	for (size_t i = 0; i < n; i++) {
		char date[ISO_TIME_LEN];
		time_format_iso(v[i].ts, date, sizeof date);
		bool stale = !v[i].pinned && now - v[i].ts > a.cfg.stale_seconds;
		if (v[i].kind == OBS_APR)
			printf("%-10s %-6s %17.4f%%  %-20s  M%s%s\n", v[i].asset, "apr",
			       v[i].value * 100, date, v[i].pinned ? " pinned" : "",
			       stale ? " STALE" : "");
		else if (v[i].kind == OBS_PRICE && fmt_private()) /* money: the mask */
			printf("%-10s %-6s %*s  %-20s  M%s%s\n", v[i].asset, obs_kind_name(v[i].kind),
			       fmt_pad(fmt_mask(), 18), fmt_mask(), date, v[i].pinned ? " pinned" : "",
			       stale ? " STALE" : "");
		else /* a rate is not an amount: it stays */
			printf("%-10s %-6s %18.8g  %-20s  M%s%s\n", v[i].asset,
			       obs_kind_name(v[i].kind), v[i].value, date,
			       v[i].pinned ? " pinned" : "", stale ? " STALE" : "");
	}
out:
	free(v);
	app_close(&a);
	return rc;
}

int cmd_price(struct cli *c, int argc, char **argv)
{
	const struct command *cmd = cli_find("price");
	if (argc < 2)
		return cli_usage_error(cmd, "give set, clear or list");
	if (strcmp(argv[1], "set") == 0)
		return price_set(c, cmd, argc - 1, argv + 1);
	if (strcmp(argv[1], "clear") == 0)
		return price_clear(c, cmd, argc - 1, argv + 1);
	if (strcmp(argv[1], "list") == 0)
		return price_list(c, cmd, argc - 1, argv + 1);
	char safe[40];
	text_copy_clean(safe, sizeof safe, argv[1]);
	return cli_usage_error(cmd, "unknown subcommand '%s' (set, clear or list)", safe);
}
