/* cmd_alerts.c — `staketop alerts [--json] [--seen]`: evaluate the
 * config's [alerts] rules now, then list every alert fired, newest first;
 * exit 1 when any is unseen (for scripts and cron). --seen marks them all
 * seen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "positions/text.h"
#include "positions/timeutil.h"
#include "tui/app/alerts.h"
#include "tui/cli/cli.h"
#include "tui/app/json_out.h"

static void when(int64_t t, char *buf, size_t n)
{
	if (t)
		time_format_iso(t, buf, n);
	else
		snprintf(buf, n, "-");
}

static int print(const struct alert_row *v, size_t n, bool json)
{
	char f[ISO_TIME_LEN], s[ISO_TIME_LEN], e[ISO_TIME_LEN], msg[ALERT_MSG_MAX];
	if (json) {
		struct json_out j;
		json_out_init(&j, stdout);
		json_begin_array(&j, NULL);
		for (size_t i = 0; i < n; i++) {
			when(v[i].fired_at, f, sizeof f);
			json_begin_object(&j, NULL);
			json_int(&j, "id", v[i].id);
			json_string(&j, "kind", v[i].kind);
			json_string(&j, "key", v[i].key);
			text_copy_clean(msg, sizeof msg, v[i].message);
			json_string(&j, "message", msg);
			json_string(&j, "fired_at", f);
			json_bool(&j, "seen", v[i].seen_at != 0);
			if (v[i].ended_at) {
				when(v[i].ended_at, e, sizeof e);
				json_string(&j, "ended_at", e);
			} else {
				json_null(&j, "ended_at");
			}
			json_end_object(&j);
		}
		json_end_array(&j);
		int rc = json_out_write(&j, stdout);
		json_out_done(&j);
		return rc;
	}
	if (n == 0)
		printf("no alerts\n");
	for (size_t i = 0; i < n; i++) {
		when(v[i].fired_at, f, sizeof f);
		when(v[i].seen_at, s, sizeof s);
		text_copy_clean(msg, sizeof msg, v[i].message);
		printf("%-6s %-20s %-9s %s%s\n", v[i].seen_at ? "seen" : "NEW", f, v[i].kind, msg,
		       v[i].ended_at ? " (over)" : "");
	}
	return 0;
}

int cmd_alerts(struct cli *c, int argc, char **argv)
{
	const struct command *cmd = cli_find("alerts");
	bool json = false, seen = false;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0) {
			json = true;
		} else if (strcmp(argv[i], "--seen") == 0) {
			seen = true;
		} else {
			char safe[40];
			text_copy_clean(safe, sizeof safe, argv[i]);
			return cli_usage_error(cmd, "unexpected argument '%s'", safe);
		}
	}
	struct app a;
	struct alert_row *v = NULL;
	size_t n = 0;
	char err[512];
	int fired = 0, rc = EXIT_OK;
	int64_t now = app_clock();
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	if (app_load(&a, now, err, sizeof err) < 0 ||
	    app_alerts_check(&a, &fired, err, sizeof err) < 0) {
		rc = cli_fail(EXIT_PARTIAL, "%s", err);
		goto out;
	}
	if (seen) {
		int marked = 0;
		if (app_alerts_mark_seen(&a, now, &marked, err, sizeof err) < 0) {
			rc = cli_fail(EXIT_PARTIAL, "%s", err);
			goto out;
		}
		printf("%d alert%s marked seen\n", marked, marked == 1 ? "" : "s");
		goto out;
	}
	if (app_alerts_list(&a, false, &v, &n, err, sizeof err) < 0) {
		rc = cli_fail(EXIT_PARTIAL, "%s", err);
		goto out;
	}
	if (print(v, n, json) < 0)
		rc = EXIT_PARTIAL;
	for (size_t i = 0; i < n && rc == EXIT_OK; i++)
		if (!v[i].seen_at)
			rc = EXIT_PARTIAL;   /* exit 1: something needs the user */
out:
	free(v);
	app_close(&a);
	return rc;
}
