/* cli.h — the command line: global flags, the command table, and helpers
 * every command shares. Exit status: 0 success, 1 the work ran but part
 * failed, 2 usage or invalid input (message on stderr). */
#ifndef STAKETOP_CLI_H
#define STAKETOP_CLI_H

#include <getopt.h>
#include <stdio.h>

#include "tui/app/app.h"

struct cli {
	struct app_options opt;
	const char *prog;
};

struct command {
	const char *name;
	const char *usage;       /* after "staketop NAME " */
	const char *summary;     /* one line for --help */
	const char *help;        /* the options, for NAME --help */
	int (*run)(struct cli *c, int argc, char **argv);
};

/* The table, ending with a NULL name. */
extern const struct command commands[];

/* The command named name, or NULL. */
const struct command *cli_find(const char *name);
/* Print "staketop NAME: message" on stderr and return EXIT_USAGE. */
int cli_usage_error(const struct command *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Print "staketop: message" on stderr and return status. */
int cli_fail(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Print the command's own help on stdout. */
void cli_command_help(const struct command *cmd, FILE *out);
/* The options of a command's argv, one a call, as getopt_long reads them
 * (long options only; start with *ch = 0, which reads from the first
 * argument). 1 with *ch the option's val; 0 at the end (optind is then the
 * first operand); -1 after printing the usage error ("--amount needs a
 * value", "unknown option '--x'"). */
int cli_getopt(const struct command *cmd, int argc, char **argv, const struct option *opts,
               int *ch);
/* Is arg "--help" or "-h"? */
int cli_wants_help(int argc, char **argv);
/* Open the app for a command; on error print it and return -1. Sets
 * private mode (tui/term/format.h) from --private or [display] private:
 * the text output then shows the mask for every quantity and sum of money
 * formatted with fmt_money, fmt_quantity, fmt_amount or fmt_dec. */
int cli_open(struct cli *c, struct app *a);
/* A machine format (flag: "--json", "--csv", "export") asked for on a
 * command line that also says --private: scripts read exact amounts, and
 * a masked one would break them silently, so the pair is refused. 0 when
 * --private is not on the command line ([display] private alone leaves
 * machine formats exact); else EXIT_USAGE after printing "staketop NAME:
 * --private hides amounts: FLAG would print them; drop one". */
int cli_machine_format(const struct cli *c, const struct command *cmd, const char *flag);
/* Load position id_text into p. 0, or an exit status after printing why
 * (not an id, no such position, a store error). */
int cli_load_position(const struct command *cmd, struct app *a, const char *id_text,
                      struct position *p);
/* Ask "<what>? [y/N]" on the terminal: 1 yes, 0 no ("kept" printed), -1
 * when stdin is not a terminal (a usage error saying to pass --yes). */
int cli_confirm(const struct command *cmd, const char *what);
/* Parse a position id ("42"); -1 when it is not a positive integer. */
int cli_parse_id(const char *s, long long *out);

int cmd_add(struct cli *c, int argc, char **argv);
int cmd_edit(struct cli *c, int argc, char **argv);
int cmd_remove(struct cli *c, int argc, char **argv);
int cmd_list(struct cli *c, int argc, char **argv);
int cmd_assets(struct cli *c, int argc, char **argv);
int cmd_report(struct cli *c, int argc, char **argv);
int cmd_refresh(struct cli *c, int argc, char **argv);
int cmd_unbond(struct cli *c, int argc, char **argv);
int cmd_claim(struct cli *c, int argc, char **argv);
int cmd_stake(struct cli *c, int argc, char **argv);   /* tui/cli/cmd_stake.c */
int cmd_withdraw(struct cli *c, int argc, char **argv); /* tui/cli/cmd_withdraw.c */
int cmd_price(struct cli *c, int argc, char **argv);   /* tui/cli/cmd_price.c */
int cmd_alerts(struct cli *c, int argc, char **argv);  /* tui/cli/cmd_alerts.c */
int cmd_watch(struct cli *c, int argc, char **argv);
int cmd_events(struct cli *c, int argc, char **argv);
int cmd_unbonding(struct cli *c, int argc, char **argv);
int cmd_history(struct cli *c, int argc, char **argv);
int cmd_backup(struct cli *c, int argc, char **argv);
int cmd_export(struct cli *c, int argc, char **argv);
int cmd_import(struct cli *c, int argc, char **argv);
int cmd_backfill(struct cli *c, int argc, char **argv);
int cmd_plan(struct cli *c, int argc, char **argv);   /* tui/cli/cmd_plan.c */
int cmd_loan(struct cli *c, int argc, char **argv);   /* tui/cli/cmd_loan.c */

#endif
