/* cmd_watch.c — staketop watch add|list|remove: addresses whose positions
 * are read from the chains on every refresh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "positions/text.h"
#include "positions/timeutil.h"
#include "tui/app/watch.h"
#include "tui/cli/cli.h"

static int watch_add_cmd(const struct command *cmd, struct cli *c, int argc, char **argv)
{
	const char *chain = NULL, *address = NULL, *label = NULL;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--chain") == 0 || strcmp(argv[i], "--label") == 0) {
			if (i + 1 >= argc)
				return cli_usage_error(cmd, "%s needs a value", argv[i]);
			*(argv[i][2] == 'c' ? &chain : &label) = argv[i + 1];
			i++;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage_error(cmd, "unknown option (see staketop watch --help)");
		} else if (address) {
			return cli_usage_error(cmd, "more than one address given");
		} else {
			address = argv[i];
		}
	}
	if (!chain)
		return cli_usage_error(cmd, "--chain is required");
	if (!address)
		return cli_usage_error(cmd, "an ADDRESS is required");
	struct app a;
	char err[512];
	bool invalid;
	int64_t id = 0;
	enum watch_chain wc;
	char norm[WATCH_ADDR_MAX];
	/* checked before the store is opened: a bad address never touches it */
	if (watch_check(chain, address, label, &wc, norm, err, sizeof err) < 0)
		return cli_usage_error(cmd, "%s", err);
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	int r = watch_add(&a, chain, address, label, app_clock(), &id, &invalid, err, sizeof err);
	int rc = EXIT_OK;
	if (r < 0)
		rc = invalid ? cli_usage_error(cmd, "%s", err) : cli_fail(EXIT_PARTIAL, "%s", err);
	else if (r == 1)
		printf("already watched as %lld: %s %s\n", (long long)id, chain, norm);
	else
		printf("watching %lld: %s %s (read on the next refresh)\n", (long long)id, chain,
		       norm);
	app_close(&a);
	return rc;
}

static int watch_list_cmd(const struct command *cmd, struct cli *c, int argc, char **argv)
{
	int json = 0;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else
			return cli_usage_error(cmd, "unexpected argument to watch list");
	}
	struct app a;
	struct watch *w = NULL;
	size_t n = 0;
	char err[512];
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	int rc = EXIT_OK;
	if (store_watches_list(a.store, &w, &n, err, sizeof err) < 0) {
		rc = cli_fail(EXIT_PARTIAL, "%s", err);
		goto out;
	}
	if (json) {
		const int64_t now = app_clock();
		cJSON *arr = cJSON_CreateArray();
		for (size_t i = 0; arr && i < n; i++) {
			cJSON *o = cJSON_CreateObject();
			char acc[ACCOUNT_MAX];
			watch_account(&w[i], acc, sizeof acc);
			cJSON_AddNumberToObject(o, "id", (double)w[i].id);
			cJSON_AddStringToObject(o, "chain", watch_chain_name(w[i].chain));
			cJSON_AddStringToObject(o, "address", w[i].address);
			cJSON_AddStringToObject(o, "label", w[i].label);
			cJSON_AddStringToObject(o, "account", acc);
			if (w[i].last_ok_at)
				cJSON_AddNumberToObject(o, "read_at", (double)w[i].last_ok_at);
			else
				cJSON_AddNullToObject(o, "read_at");
			cJSON_AddStringToObject(o, "read_height", w[i].read_height);
			if (w[i].last_error[0])
				cJSON_AddStringToObject(o, "error", w[i].last_error);
			else
				cJSON_AddNullToObject(o, "error");
			/* the chain's provider asked to be left alone until then
			 * (UTC); null when there is no hold, or it has passed */
			if (w[i].blocked_until > now) {
				char iso[ISO_TIME_LEN];
				time_format_iso(w[i].blocked_until, iso, sizeof iso);
				cJSON_AddStringToObject(o, "blocked_until", iso);
			} else {
				cJSON_AddNullToObject(o, "blocked_until");
			}
			cJSON_AddItemToArray(arr, o);
		}
		char *s = arr ? cJSON_PrintUnformatted(arr) : NULL;
		puts(s ? s : "[]");
		free(s);
		cJSON_Delete(arr);
		goto out;
	}
	printf("%5s  %-9s %-44s %-16s %s\n", "ID", "CHAIN", "ADDRESS", "LABEL", "LAST READ");
	for (size_t i = 0; i < n; i++) {
		char label[WATCH_LABEL_MAX + 1], e[WATCH_ERROR_MAX], when[ISO_TIME_LEN] = "never";
		text_copy_clean(label, sizeof label, w[i].label);
		text_copy_clean(e, sizeof e, w[i].last_error);
		if (w[i].last_ok_at)
			time_format_iso(w[i].last_ok_at, when, sizeof when);
		printf("%5lld  %-9s %-44s %-16s %s%s%s\n", (long long)w[i].id,
		       watch_chain_name(w[i].chain), w[i].address, label[0] ? label : "-", when,
		       e[0] ? "  error: " : "", e);
	}
	if (n == 0)
		printf("(nothing watched: staketop watch add --chain ethereum 0x...)\n");
out:
	free(w);
	app_close(&a);
	return rc;
}

static int watch_remove_cmd(const struct command *cmd, struct cli *c, int argc, char **argv)
{
	long long id;
	if (argc != 3)
		return cli_usage_error(cmd, "watch remove takes one ID");
	if (cli_parse_id(argv[2], &id) < 0)
		return cli_usage_error(cmd, "the watch ID is a positive integer (see staketop watch list)");
	struct app a;
	char err[512];
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	int r = watch_remove(&a, id, err, sizeof err);
	int rc = EXIT_OK;
	if (r < 0)
		rc = cli_fail(EXIT_PARTIAL, "%s", err);
	else if (r == 1)
		rc = cli_usage_error(cmd, "no watch %lld (see staketop watch list)", id);
	else
		printf("no longer watching %lld (its positions and their history stay)\n", id);
	app_close(&a);
	return rc;
}

int cmd_watch(struct cli *c, int argc, char **argv)
{
	const struct command *cmd = cli_find("watch");
	if (argc < 2)
		return cli_usage_error(cmd, "add, list or remove?");
	if (strcmp(argv[1], "add") == 0)
		return watch_add_cmd(cmd, c, argc, argv);
	if (strcmp(argv[1], "list") == 0)
		return watch_list_cmd(cmd, c, argc, argv);
	if (strcmp(argv[1], "remove") == 0)
		return watch_remove_cmd(cmd, c, argc, argv);
	return cli_usage_error(cmd, "the subcommand is add, list or remove");
}
