/* cli.c — the command table and what every command shares. */
#include "tui/cli/cli.h"

#include "positions/text.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui/app/position_edit.h"
#include "tui/term/format.h"

const struct command commands[] = {
	{ "add", "--asset SYMBOL --amount X [--account NAME] [--opened DATE] [--cost-basis X] [--note TEXT]",
	  "add a position",
	  "  --asset SYMBOL     a catalog symbol (staketop assets), any case\n"
	  "  --amount X         a plain decimal, at most the asset's decimals\n"
	  "  --account NAME     default \"default\"\n"
	  "  --opened DATE      YYYY-MM-DD\n"
	  "  --cost-basis X     what it cost, in the display currency\n"
	  "  --note TEXT\n",
	  cmd_add },
	{ "edit", "ID [--amount X] [--account NAME] [--opened DATE] [--cost-basis X] [--note TEXT]",
	  "change a position",
	  "  --amount X         records an adjust event for the difference\n"
	  "  --account NAME\n"
	  "  --opened DATE      YYYY-MM-DD, not in the future\n"
	  "  --cost-basis X     what it cost, in the display currency (\"\" removes it)\n"
	  "  --note TEXT\n",
	  cmd_edit },
	{ "remove", "ID [--yes]", "remove a position and its events",
	  "  --yes              do not ask\n", cmd_remove },
	{ "list", "[--json]", "positions with their ids", "  --json\n", cmd_list },
	{ "assets", "[--json]", "the asset catalog", "  --json\n", cmd_assets },
	{ "report", "[--json]", "NAV vs market, yield, unbonding",
	  "  --json             one object, the shape in the README\n", cmd_report },
	{ "refresh", "", "fetch every feed once, one status line per feed",
	  "  Exit 0 when every feed succeeded, 1 when some failed, 2 when none did.\n",
	  cmd_refresh },
	{ "unbond", "ID --amount X [--at TIME]", "record an unbond request",
	  "  --amount X         how much leaves the stake\n"
	  "  --at TIME          when it was requested: YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS],\n"
	  "                     UTC unless it ends in +HH:MM or -HH:MM (default now)\n"
	  "  Prints when it becomes claimable, and the rule the estimate comes from.\n",
	  cmd_unbond },
	{ "stake", "ID --amount X [--price P] [--at TIME]", "record more staked or bought",
	  "  --amount X         how much was added\n"
	  "  --price P          paid per unit, display currency: a lot with its own cost\n"
	  "  --at TIME          when (ISO-8601 or YYYY-MM-DD; default now)\n",
	  cmd_stake },
	{ "withdraw", "ID --amount X [--price P] [--at TIME] [--note TEXT]",
	  "record a sale or a transfer out",
	  "  --amount X         how much left the position (at most what it holds)\n"
	  "  --price P          received per unit, display currency: a sale, whose\n"
	  "                     realized P&L is proceeds - the cost of the units (by\n"
	  "                     the [pnl] lots method); without it a transfer out\n"
	  "  --at TIME          when (ISO-8601 or YYYY-MM-DD; default now)\n"
	  "  --note TEXT\n"
	  "  A position read from a chain is refused: its withdrawals are read there.\n",
	  cmd_withdraw },
	{ "price", "set SYMBOL PRICE [--rate R] [--apr A] [--pin] | clear SYMBOL | list [--json]",
	  "manual prices: in force over every feed until cleared",
	  "  set SYMBOL PRICE   the token's price in the display currency (source manual)\n"
	  "  --rate R           its exchange rate too (underlying per token)\n"
	  "  --apr A            its APR too, in percent (3.5 = 3.5 %)\n"
	  "  --pin              never stale (else stale after stale_seconds like any value)\n"
	  "  clear SYMBOL       remove them: the feeds' values apply again\n"
	  "  list [--json]      the manual values in force, with their dates\n",
	  cmd_price },
	{ "alerts", "[--json] [--seen]", "alerts fired ([alerts] rules); exit 1 when any is unseen",
	  "  Evaluates the rules now, then lists every alert, newest first.\n"
	  "  --json             an array: id, kind, key, message, fired_at, seen, ended_at\n"
	  "  --seen             mark them all seen\n",
	  cmd_alerts },
	{ "claim", "ID", "claim what is claimable on a position",
	  "  Marks every due unbonding of the position claimed.\n", cmd_claim },
	{ "events", "ID [--json] [--remove EVENT --yes [--note TEXT]]", "a position's events",
	  "  --json\n"
	  "  --remove EVENT     soft-remove an event: it stays in the log, marked, and\n"
	  "                     the quantity is recomputed (asks unless --yes)\n",
	  cmd_events },
	{ "unbonding", "[--json]", "pending and claimable exits",
	  "  --json             an array: position, asset, amount, requested_at,\n"
	  "                     available_at, seconds_left, status, rule\n",
	  cmd_unbonding },
	{ "history", "[--position ID | --asset SYM] [--from DATE] [--to DATE] [--every 1h|1d|1w|1mo] [--csv|--json] [--yield]",
	  "NAV, market value, premium and earnings over time, offline",
	  "  --position ID      one position          --asset SYM   one asset\n"
	  "  --from DATE        YYYY-MM-DD (default: the first event)\n"
	  "  --to DATE          YYYY-MM-DD, through its end (default: now)\n"
	  "  --every STEP       1h, 1d (default), 1w or 1mo (month-end values)\n"
	  "  --csv | --json     one row per date: nav, market_value, premium_bps and the\n"
	  "                     change since the row before: rewards (growth in the\n"
	  "                     underlying at the end price), price (the rest) and flows\n"
	  "                     (deposits, withdrawals, first valuations)\n"
	  "  --yield            instead: the APY each held token delivered over 7, 30 and\n"
	  "                     365 days from its recorded exchange rate, the quoted APY\n"
	  "                     and the gap in bps ([history] yield_gap_bps marks it)\n",
	  cmd_history },
	{ "backup", "FILE [--force]", "a consistent copy of the database, also while staketop runs",
	  "  Written with SQLite's online backup, checked with integrity_check.\n"
	  "  --force            replace FILE when it exists\n",
	  cmd_backup },
	{ "export", "--json [--table T] | --csv DIR | --csv --table T",
	  "your tables out: positions, events, watches, plans, alerts, …",
	  "  --json             one object to stdout (exact quantities as strings)\n"
	  "  --csv DIR          one file per table in DIR\n"
	  "  --table T          one table: positions, unbondings, events, observations,\n"
	  "                     snapshots, loans, watches, watch_items, plans, alerts,\n"
	  "                     manual_pins (with --csv: to stdout)\n",
	  cmd_export },
	{ "import", "FILE|DIR", "a JSON export, exported CSVs, a positions or a prices CSV in",
	  "  positions CSV: columns asset, amount; optional account, kind, opened,\n"
	  "                 cost_basis, note, in any order\n"
	  "  prices CSV:    date,asset,price[,source] (price observations)\n"
	  "  An older export (a table's first columns, no later tables) reads the rest\n"
	  "  as empty, unless a missing column is required.\n"
	  "  A bad row refuses the whole file (line and reason); nothing is written.\n",
	  cmd_import },
	{ "backfill", "[--from DATE]", "daily prices and APRs from DefiLlama back to the first event",
	  "  --from DATE        start there (default: the portfolio's first event, or\n"
	  "                     where the last run stopped)\n"
	  "  Exit 0 when every asset was fetched, 1 when some failed (run it again to\n"
	  "  resume).\n",
	  cmd_backfill },
	{ "plan", "--target K=V,... [--json|--csv] [--save NAME] | --list [--json] | --show ID [--json|--csv]",
	  "a rebalancing plan for target weights (plans only; sends nothing)",
	  "  --target K=V,...   percentages summing to 100; K is a kind (native, liquid,\n"
	  "                     restaked), else an asset symbol, else a protocol, else a\n"
	  "                     chain, without regard to case; all keys of one sort\n"
	  "  --json | --csv     the plan as JSON (the shape in the README) or its trades as CSV\n"
	  "  --save NAME        keep the plan with its inputs in the database\n"
	  "  --list             saved plans\n"
	  "  --show ID          a saved plan, and today's plan for the same targets\n"
	  "  Exit 2 when the targets are not understood or do not sum to 100,\n"
	  "  1 when a target cannot be met (the plan is still printed).\n",
	  cmd_plan },
	{ "watch", "add --chain ethereum|beacon|solana|cosmos|polkadot ADDRESS [--label NAME] | list [--json] | remove ID",
	  "addresses and validators whose positions are read from the chains",
	  "  add                check the address (EIP-55, validator index or 48-byte\n"
	  "                     pubkey, base58 of 32 bytes, bech32 cosmos, SS58) and\n"
	  "                     keep it; every refresh then reads its positions\n"
	  "  --label NAME       the account its positions go in (default chain:address)\n"
	  "  list [--json]      what is watched, the last good read and the last error\n"
	  "  remove ID          stop reading it (its positions and history stay)\n"
	  "  Exit 2 on an invalid address, naming the rule it breaks.\n",
	  cmd_watch },
	{ "loan", "add --collateral SYM --amount X --debt SYM --debt-amount X --threshold F"
	          " [--account NAME] [--note TEXT] | list [--json]",
	  "looped positions: collateral, debt, health factor, liquidation, depeg stress",
	  "  add                record a lending position: its collateral (a catalog token\n"
	  "                     and amount), its debt (asset and amount) and the market's\n"
	  "                     liquidation threshold (0.81 for 81%)\n"
	  "  list [--json]      each loan valued at NAV: health factor = collateral x\n"
	  "                     threshold / debt, the collateral's discount at which it is\n"
	  "                     liquidated (1 - 1/HF), and the HF at a 1, 5 and 10% depeg\n",
	  cmd_loan },
	{ NULL, NULL, NULL, NULL, NULL },
};

const struct command *cli_find(const char *name)
{
	for (const struct command *c = commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

int cli_usage_error(const struct command *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "staketop %s: ", cmd->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nusage: staketop %s %s\n", cmd->name, cmd->usage);
	return EXIT_USAGE;
}

int cli_fail(int status, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "staketop: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return status;
}

void cli_command_help(const struct command *cmd, FILE *out)
{
	fprintf(out, "usage: staketop %s %s\n\n%s\n\n%s", cmd->name, cmd->usage, cmd->summary,
	        cmd->help);
}

int cli_getopt(const struct command *cmd, int argc, char **argv, const struct option *opts,
               int *ch)
{
	if (*ch == 0) {
		optind = 1;
		opterr = 0;
	}
	*ch = getopt_long(argc, argv, ":", opts, NULL);
	switch (*ch) {
	case -1: return 0;
	case ':': cli_usage_error(cmd, "%s needs a value", argv[optind - 1]); return -1;
	case '?': cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]); return -1;
	default: return 1;
	}
}

int cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return 1;
	return 0;
}

int cli_open(struct cli *c, struct app *a)
{
	char err[512];
	if (app_open(a, &c->opt, err, sizeof err) < 0) {
		fprintf(stderr, "staketop: %s\n", err);
		return -1;
	}
	for (int i = 0; i < 2; i++)
		if (a->warning[i][0])
			fprintf(stderr, "staketop: warning: %s\n", a->warning[i]);
	/* hide amounts in the text output too (README, "Hide amounts") */
	fmt_set_private(c->opt.private_mode || a->cfg.private_mode);
	return 0;
}

int cli_machine_format(const struct cli *c, const struct command *cmd, const char *flag)
{
	if (!c->opt.private_mode)
		return 0;
	fprintf(stderr, "staketop %s: --private hides amounts: %s would print them; drop one\n",
	        cmd->name, flag);
	return EXIT_USAGE;
}

int cli_parse_id(const char *s, long long *out)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || end == s || *end || v <= 0 || s[0] == '+' || s[0] == ' ')
		return -1;
	*out = v;
	return 0;
}

int cli_load_position(const struct command *cmd, struct app *a, const char *id_text,
                      struct position *p)
{
	long long id;
	char err[256];
	if (cli_parse_id(id_text, &id) < 0) {
		char safe[64];
		text_copy_clean(safe, sizeof safe, id_text);   /* never raw bytes back */
		return cli_usage_error(cmd, "'%s' is not a position id", safe);
	}
	int r = store_position_get(a->store, id, p, err, sizeof err);
	if (r < 0)
		return cli_fail(EXIT_PARTIAL, "%s", err);
	if (r == 1)
		return cli_usage_error(cmd, "no position %lld (see 'staketop list')", id);
	return 0;
}

int cli_confirm(const struct command *cmd, const char *what)
{
	if (!isatty(STDIN_FILENO)) {
		cli_usage_error(cmd, "not going to %s without --yes (no terminal to ask)", what);
		return -1;
	}
	fprintf(stderr, "%s? [y/N] ", what);
	char line[16] = "";
	if (!fgets(line, sizeof line, stdin) || (line[0] != 'y' && line[0] != 'Y')) {
		fprintf(stderr, "kept\n");
		return 0;
	}
	return 1;
}
