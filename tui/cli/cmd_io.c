/* cmd_io.c — data in and out: `staketop backup FILE` (SQLite's online
 * backup, safe while staketop runs), `staketop export --json|--csv` and
 * `staketop import FILE|DIR`: options parsed here, the work through
 * tui/app/io.h. */
#include <stdio.h>
#include <string.h>

#include "positions/text.h"
#include "tui/app/io.h"
#include "tui/cli/cli.h"

static int usage(const char *cmd, const char *fmt, const char *arg)
{
	char clean[64];
	text_copy_clean(clean, sizeof clean, arg ? arg : "");
	return cli_usage_error(cli_find(cmd), fmt, clean);
}

static int fail(int status, char *err)
{
	text_sanitize(err);
	return cli_fail(status, "%s", err);
}

int cmd_backup(struct cli *c, int argc, char **argv)
{
	const char *file = NULL;
	bool force = false;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--force") == 0)
			force = true;
		else if (argv[i][0] == '-' || file)
			return usage("backup", "unexpected argument '%s'", argv[i]);
		else
			file = argv[i];
	}
	if (!file || !file[0])
		return usage("backup", "give the file to write%s", "");
	struct app a;
	char err[600];
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	int rc = EXIT_OK;
	if (app_backup(&a, file, force, err, sizeof err) < 0)
		rc = fail(EXIT_USAGE, err);
	else
		printf("backed up to %s (integrity check ok)\n", file);
	app_close(&a);
	return rc;
}

int cmd_export(struct cli *c, int argc, char **argv)
{
	const char *dir = NULL, *table = NULL;
	int json = 0, csv = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (strcmp(argv[i], "--csv") == 0)
			csv = 1;
		else if (strcmp(argv[i], "--table") == 0) {
			if (i + 1 >= argc)
				return usage("export", "--table needs a name%s", "");
			table = argv[++i];
		} else if (argv[i][0] == '-' || dir)
			return usage("export", "unexpected argument '%s'", argv[i]);
		else
			dir = argv[i];
	}
	if (json == csv)
		return usage("export", "give one of --json and --csv%s", "");
	/* an export is for scripts and other tools: exact, or refused */
	if (cli_machine_format(c, cli_find("export"), json ? "export --json" : "export --csv"))
		return EXIT_USAGE;
	if (json && dir)
		return usage("export", "--json writes to stdout; unexpected '%s'", dir);
	if (csv && !!dir == !!table)
		return usage("export", "--csv needs a directory (one file per table) or --table T"
		             " (to stdout)%s", "");
	if (table && !app_export_table_known(table)) {
		char clean[64], names[256];
		text_copy_clean(clean, sizeof clean, table);
		app_export_table_names(names, sizeof names);
		return cli_usage_error(cli_find("export"), "--table: '%s' is not one of %s", clean,
		                       names);
	}
	struct app a;
	char err[600];
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	static char buf[1 << 16];
	setvbuf(stdout, buf, _IOFBF, sizeof buf);
	int r = json ? app_export_json(&a, table, stdout, err, sizeof err)
	        : dir ? app_export_csv_dir(&a, dir, err, sizeof err)
	              : app_export_csv(&a, table, stdout, err, sizeof err);
	fflush(stdout);
	app_close(&a);
	return r < 0 ? fail(EXIT_PARTIAL, err) : EXIT_OK;
}

int cmd_import(struct cli *c, int argc, char **argv)
{
	if (argc != 2 || argv[1][0] == '-' || !argv[1][0])
		return usage("import", "give one file or directory%s", "");
	struct app a;
	char err[600];
	struct app_import_result res;
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	int rc = EXIT_OK;
	if (app_import(&a, argv[1], &res, err, sizeof err) < 0)
		rc = fail(EXIT_USAGE, err);
	else
		printf("imported %zu rows (%s); nothing else changed\n", res.rows, res.what);
	app_close(&a);
	return rc;
}
