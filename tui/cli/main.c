/* main.c — global flags, then the interface or one command. */
#include <locale.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/cli/cli.h"
#include "tui/cli/safe_out.h"
#include "tui/ui_main.h"

static void usage(FILE *out)
{
	fprintf(out,
	        "staketop %s — staking positions: NAV vs market, yield, unbonding\n\n"
	        "usage: staketop [--db PATH] [--config PATH] [--offline] [--demo] [--private] [COMMAND ...]\n\n"
	        "With no command, staketop opens the interface.\n\ncommands:\n",
	        STAKETOP_VERSION);
	for (const struct command *c = commands; c->name; c++)
		fprintf(out, "  %-10s %s\n", c->name, c->summary);
	fprintf(out,
	        "\nglobal flags:\n"
	        "  --db PATH       database (default $STAKETOP_DB, else $XDG_DATA_HOME/staketop/staketop.db)\n"
	        "  --config PATH   config file (default $STAKETOP_CONFIG, else $XDG_CONFIG_HOME/staketop/config.ini)\n"
	        "  --offline       never fetch feeds\n"
	        "  --demo          the demo portfolio, in its own database\n"
	        "  --private       hide amounts (quantities, money) in the interface and in\n"
	        "                  the commands' text; with --json, --csv or export: exit 2\n"
	        "                  ([display] private = true hides them in text, not in those)\n"
	        "  --help, --version\n\n"
	        "'staketop COMMAND --help' describes a command.\n");
}

int main(int argc, char **argv)
{
	struct cli c = { .prog = "staketop" };
	int i = 1;
	setlocale(LC_ALL, "");
	/* every message passes the terminal boundary (safe_out.h); stdout too
	 * unless the interface draws on it */
	safe_out_install_stderr();
	bool interface = true;
	for (int k = 1; k < argc; k++)
		if (argv[k][0] != '-' && strcmp(argv[k - 1], "--db") && strcmp(argv[k - 1], "--config"))
			interface = false;
	for (int k = 1; k < argc; k++)
		if (!strcmp(argv[k], "--help") || !strcmp(argv[k], "-h") || !strcmp(argv[k], "--version"))
			interface = false;
	if (!interface)
		safe_out_install();
	for (; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return EXIT_OK;
		} else if (strcmp(a, "--version") == 0) {
			printf("staketop %s\n", STAKETOP_VERSION);
			return EXIT_OK;
		} else if (strcmp(a, "--offline") == 0) {
			c.opt.offline = true;
		} else if (strcmp(a, "--private") == 0) {
			c.opt.private_mode = true;
		} else if (strcmp(a, "--demo") == 0) {
			c.opt.demo = true;
		} else if (strcmp(a, "--db") == 0 || strcmp(a, "--config") == 0) {
			if (i + 1 >= argc || argv[i + 1][0] == 0)
				return cli_fail(EXIT_USAGE, "%s needs a path", a);
			if (a[2] == 'd')
				c.opt.db = argv[++i];
			else
				c.opt.config = argv[++i];
		} else if (strncmp(a, "--db=", 5) == 0) {
			c.opt.db = a + 5;
		} else if (strncmp(a, "--config=", 9) == 0) {
			c.opt.config = a + 9;
		} else if (a[0] == '-') {
			fprintf(stderr, "staketop: unknown flag '%s'\n\n", a);
			usage(stderr);
			return EXIT_USAGE;
		} else {
			break;
		}
	}
	if (i == argc)
		return ui_main(&c.opt);
	for (const struct command *cmd = commands; cmd->name; cmd++)
		if (strcmp(cmd->name, argv[i]) == 0) {
			if (cli_wants_help(argc - i, argv + i)) {
				cli_command_help(cmd, stdout);
				return EXIT_OK;
			}
			return cmd->run(&c, argc - i, argv + i);
		}
	fprintf(stderr, "staketop: unknown command '%s'\n\n", argv[i]);
	usage(stderr);
	return EXIT_USAGE;
}
