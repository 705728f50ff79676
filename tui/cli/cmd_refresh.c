/* cmd_refresh.c — `staketop refresh`: every feed once, one line per feed.
 * Exit 0 when all succeeded, 1 when some failed, 2 when none did. */
#include <string.h>

#include "positions/text.h"
#include "tui/cli/cli.h"
#include "tui/app/feeds.h"

int cmd_refresh(struct cli *c, int argc, char **argv)
{
	if (argc > 1)
		return cli_usage_error(cli_find("refresh"), "unexpected argument '%s'", argv[1]);
	if (c->opt.offline)
		return cli_fail(EXIT_USAGE, "refresh: --offline forbids fetching");
	struct app a;
	char err[512];
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	int rc = EXIT_USAGE;
	struct refresh *r = feeds_refresher(&a, err, sizeof err);
	if (!r) {
		cli_fail(EXIT_USAGE, "%s", err);
		goto out;
	}
	int64_t now = app_clock();
	if (feeds_fetch(&a, r, now, err, sizeof err) < 0) {
		cli_fail(EXIT_USAGE, "refresh: %s", err);
		goto out;
	}
	if (feeds_store(&a, r, app_clock(), err, sizeof err) < 0) {
		cli_fail(EXIT_PARTIAL, "refresh: could not store: %s", err);
		goto out;
	}
	size_t n, n_ok = 0;
	const struct feed_report *rep = refresh_reports(r, &n);
	for (size_t i = 0; i < n; i++) {
		char e[FEED_ERROR_MAX];
		text_copy_clean(e, sizeof e, rep[i].error);
		printf("%-17s %-6s %4ld values %6.0f ms%s%s\n", rep[i].name, rep[i].ok ? "ok" : "failed",
		       rep[i].values, rep[i].latency_s * 1000, e[0] ? "  " : "", e);
		n_ok += rep[i].ok;
	}
	if (n == 0)
		printf("no feeds configured\n");
	rc = n_ok == n ? EXIT_OK : n_ok > 0 ? EXIT_PARTIAL : EXIT_USAGE;
out:
	refresh_free(r);
	app_close(&a);
	return rc;
}
