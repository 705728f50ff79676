/* cmd_backfill.c — `staketop backfill [--from DATE]`: daily prices from
 * DefiLlama's coins chart API back to the portfolio's first event (or
 * DATE), for every asset whose price values a position, and the daily APR
 * history of each held asset's yields pool (the yields chart API). Prices
 * come in windows of LLAMA_CHART_SPAN_DAYS days, every asset's next as soon
 * as its last is in; a pool's history in one answer. Each answer is stored with the
 * point reached (meta "backfill:<SYM>", "backfill-apr:<SYM>") in one
 * transaction, so an interrupted run resumes where it stopped. Exit 0 when
 * everything was fetched, 1 when some asset failed (the rest is kept). The
 * work is tui/app/backfill.h's, which the interface runs too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "positions/text.h"
#include "positions/timeutil.h"
#include "tui/app/backfill.h"
#include "tui/cli/cli.h"

/* One line per answer stored. */
static void print_window(void *ctx, const struct backfill_window *w)
{
	char d1[ISO_TIME_LEN], d2[ISO_TIME_LEN], note[256];
	(void)ctx;
	time_format_date(w->start, d1, sizeof d1);
	time_format_date(w->end, d2, sizeof d2);
	text_copy_clean(note, sizeof note, w->note);
	printf("%-10s %s .. %s  %4zu %s%s%s\n", w->symbol, d1, d2, w->n, w->apr ? "APRs" : "prices",
	       note[0] ? "  " : "", note);
}

int cmd_backfill(struct cli *c, int argc, char **argv)
{
	const char *from_text = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--from") == 0 && i + 1 < argc) {
			from_text = argv[++i];
		} else {
			char clean[48];
			text_copy_clean(clean, sizeof clean, argv[i]);
			return cli_usage_error(cli_find("backfill"), "unexpected argument '%s'", clean);
		}
	}
	int64_t from = 0;
	char err[512];
	if (from_text && date_parse(from_text, &from, err, sizeof err) < 0) {
		char clean[24];
		text_copy_clean(clean, sizeof clean, from_text);
		return cli_usage_error(cli_find("backfill"), "--from: expected a date YYYY-MM-DD, not '%s'",
		                       clean);
	}
	if (c->opt.offline)
		return cli_fail(EXIT_USAGE, "backfill: --offline forbids fetching");
	struct app a;
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	struct backfill *b = NULL;
	int rc = backfill_new(&a, from, app_clock(), print_window, NULL, &b, err, sizeof err);
	if (rc < 0) {
		text_sanitize(err);
		if (rc == BACKFILL_USAGE && strstr(err, "future"))
			rc = cli_usage_error(cli_find("backfill"), "%s", err);
		else
			rc = cli_fail(rc == BACKFILL_USAGE ? EXIT_USAGE : EXIT_PARTIAL, "backfill: %s", err);
		app_close(&a);
		return rc;
	}
	fflush(stdout);
	int n;
	while ((n = backfill_step(b)) > 0)
		if (backfill_wait(b, NULL, 0, 1000) < 0)
			break;
	struct backfill_progress p;
	backfill_progress(b, &p);
	if (n < 0)
		fprintf(stderr, "staketop: backfill: the HTTP layer failed (run backfill again to resume)\n");
	for (size_t k = 0; k < p.failed; k++) {
		const char *sym, *why;
		char e[300];
		backfill_failure(b, k, &sym, &why);
		text_copy_clean(e, sizeof e, why);
		fprintf(stderr, "staketop: backfill: %s: %s (run backfill again to resume)\n", sym, e);
	}
	printf("backfill: %ld prices for %zu assets, %ld APRs for %zu pools%s\n", p.prices,
	       p.price_assets, p.aprs, p.apr_pools, p.failed || n < 0 ? ", some failed" : "");
	rc = p.failed || n < 0 ? EXIT_PARTIAL : EXIT_OK;
	backfill_free(b);
	app_close(&a);
	return rc;
}
