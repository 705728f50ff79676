/* cmd_unbond.c — unbond, claim, events and unbonding from the shell. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "positions/text.h"
#include "positions/timeutil.h"
#include "positions/unbonding.h"
#include "tui/cli/cli.h"
#include "tui/app/position_edit.h"
#include "tui/app/unbond_ops.h"

int cmd_unbond(struct cli *c, int argc, char **argv)
{
	const struct command *cmd = cli_find("unbond");
	static const struct option opts[] = { { "amount", required_argument, 0, 'm' },
		                              { "at", required_argument, 0, 't' },
		                              { 0, 0, 0, 0 } };
	const char *amount = NULL, *at = NULL;
	int ch = 0, got;
	while ((got = cli_getopt(cmd, argc, argv, opts, &ch)) > 0) {
		switch (ch) {
		case 'm': amount = optarg; break;
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
	if (unbond_parse_time(at, now, &when, err, sizeof err) < 0)
		return cli_usage_error(cmd, "--at '%s': %s", at, err);

	struct app a;
	struct position p;
	int rc;
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	if ((rc = cli_load_position(cmd, &a, argv[optind], &p)) != 0)
		goto out;
	rc = EXIT_USAGE;
	const struct asset *as = catalog_find(&a.cat, p.asset);
	dec_t q;
	if (!as) {
		rc = cli_fail(EXIT_USAGE, "position %lld: asset %s is not in the catalog",
		              (long long)p.id, p.asset);
		goto out;
	}
	if (unbond_parse_amount(as, amount, &q, err, sizeof err) < 0) {
		cli_usage_error(cmd, "--amount '%s': %s", amount, err);
		goto out;
	}
	struct unbond_queue_api qa = { 0 };
	struct unbond_eta eta;
	/* Today's queue says nothing about a request made at another time. */
	if (when >= now - 3600 && when <= now + 3600 &&
	    unbond_queue_estimate(&a, as, q, now, &qa, err, sizeof err) < 0)
		fprintf(stderr, "staketop: %s; using the catalog's typical range\n", err);
	if (unbond_eta_for(&a, as, when, qa.has ? &qa : NULL, &eta) < 0) {
		rc = cli_fail(EXIT_USAGE, "%s: %s", as->symbol, eta.basis);
		goto out;
	}
	struct unbonding u;
	if (unbond_request(&a, p.id, q, when, &eta, &u, err, sizeof err) < 0) {
		rc = cli_fail(EXIT_USAGE, "%s", err);
		goto out;
	}
	char qs[DEC_STR_MAX], eta_s[ISO_TIME_LEN], left[32];
	dec_format(q, qs, sizeof qs);
	time_format_iso(u.available_at, eta_s, sizeof eta_s);
	int64_t secs = unbond_seconds_left(&u, now);
	unbond_format_left(secs, left, sizeof left);
	printf("unbonding %s %s from position %lld: available %s%s (%s%s)\n  %s\n", qs,
	       as->symbol, (long long)p.id, eta.exact ? "" : "about ", eta_s,
	       secs > 0 ? "in " : "", secs > 0 ? left : "claimable now", u.rule);
	rc = EXIT_OK;
out:
	app_close(&a);
	return rc;
}

int cmd_claim(struct cli *c, int argc, char **argv)
{
	const struct command *cmd = cli_find("claim");
	if (argc != 2 || argv[1][0] == '-')
		return cli_usage_error(cmd, "give one position ID");
	struct app a;
	struct position p;
	char err[512];
	int rc, n = 0;
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	if ((rc = cli_load_position(cmd, &a, argv[1], &p)) != 0)
		goto out;
	if (unbond_claim(&a, p.id, app_clock(), &n, err, sizeof err) < 0) {
		rc = cli_fail(EXIT_PARTIAL, "%s", err);
		goto out;
	}
	printf("claimed %d unbonding%s on position %lld\n", n, n == 1 ? "" : "s", (long long)p.id);
	rc = EXIT_OK;
out:
	app_close(&a);
	return rc;
}

static int remove_event(struct app *a, const struct command *cmd, const char *ev_text,
                        int yes, const char *note)
{
	long long id;
	char err[512];
	if (cli_parse_id(ev_text, &id) < 0)
		return cli_usage_error(cmd, "'%s' is not an event id", ev_text);
	if (!yes) {
		char what[96];
		snprintf(what, sizeof what, "remove event %lld (it stays in the log, marked removed)", id);
		int ok = cli_confirm(cmd, what);
		if (ok <= 0)
			return ok < 0 ? EXIT_USAGE : EXIT_OK;
	}
	if (pe_event_remove(a, id, note, app_clock(), err, sizeof err) < 0)
		return cli_fail(EXIT_USAGE, "%s", err);
	printf("removed event %lld (kept in the log, marked removed)\n", id);
	return EXIT_OK;
}

int cmd_events(struct cli *c, int argc, char **argv)
{
	const struct command *cmd = cli_find("events");
	static const struct option opts[] = { { "json", no_argument, 0, 'j' },
		                              { "remove", required_argument, 0, 'r' },
		                              { "yes", no_argument, 0, 'y' },
		                              { "note", required_argument, 0, 'n' },
		                              { 0, 0, 0, 0 } };
	const char *rm = NULL, *note = NULL;
	int json = 0, yes = 0, ch = 0, got;
	while ((got = cli_getopt(cmd, argc, argv, opts, &ch)) > 0) {
		switch (ch) {
		case 'j': json = 1; break;
		case 'r': rm = optarg; break;
		case 'y': yes = 1; break;
		case 'n': note = optarg; break;
		default: break;
		}
	}
	if (got < 0)
		return EXIT_USAGE;
	if (optind != argc - 1)
		return cli_usage_error(cmd, "give one position ID");
	if (note && text_is_unsafe(note))
		return cli_usage_error(cmd, "--note has control characters or invalid UTF-8");
	struct app a;
	struct position p;
	struct event *ev = NULL;
	size_t n = 0;
	char err[512];
	int rc;
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	if ((rc = cli_load_position(cmd, &a, argv[optind], &p)) != 0)
		goto out;
	if (rm) {
		rc = remove_event(&a, cmd, rm, yes, note);
		goto out;
	}
	if (store_events_list(a.store, p.id, &ev, &n, err, sizeof err) < 0) {
		rc = cli_fail(EXIT_PARTIAL, "%s", err);
		goto out;
	}
	cJSON *arr = json ? cJSON_CreateArray() : NULL;
	if (!json)
		printf("%6s  %-8s %24s  %-20s  %s\n", "EVENT", "TYPE", "AMOUNT", "TIME", "NOTE");
	for (size_t i = 0; i < n; i++) {
		char q[DEC_STR_MAX] = "-", t[ISO_TIME_LEN], nt[EVENT_NOTE_MAX];
		if (ev[i].has_amount)
			dec_format(ev[i].amount, q, sizeof q);
		time_format_iso(ev[i].ts, t, sizeof t);
		text_copy_clean(nt, sizeof nt, ev[i].note);
		if (json) {
			cJSON *o = cJSON_CreateObject();
			cJSON_AddNumberToObject(o, "id", (double)ev[i].id);
			cJSON_AddStringToObject(o, "type", event_type_name(ev[i].type));
			if (ev[i].has_amount)
				cJSON_AddStringToObject(o, "amount", q);
			else
				cJSON_AddNullToObject(o, "amount");
			cJSON_AddStringToObject(o, "time", t);
			cJSON_AddStringToObject(o, "note", nt);
			cJSON_AddBoolToObject(o, "removed", ev[i].removed);
			cJSON_AddItemToArray(arr, o);
		} else {
			printf("%6lld  %-8s %24s  %-20s  %s%s\n", (long long)ev[i].id,
			       event_type_name(ev[i].type), q, t, nt,
			       ev[i].removed ? "  [removed]" : "");
		}
	}
	if (json) {
		char *s = cJSON_PrintUnformatted(arr);
		puts(s ? s : "[]");
		free(s);
		cJSON_Delete(arr);
	}
	rc = EXIT_OK;
out:
	free(ev);
	app_close(&a);
	return rc;
}

/* The sell-now route for a liquid token's pending exit. */
static const struct valuation *row_of(const struct app *a, int64_t position_id)
{
	for (size_t i = 0; i < a->positions.n; i++)
		if (a->positions.v[i].id == position_id)
			return &a->rows[i];
	return NULL;
}

int cmd_unbonding(struct cli *c, int argc, char **argv)
{
	const struct command *cmd = cli_find("unbonding");
	int json = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else
			return cli_usage_error(cmd, "unexpected argument '%s'", argv[i]);
	}
	struct app a;
	struct unbonding *u = NULL;
	size_t n = 0;
	char err[512];
	int rc = EXIT_OK;
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	int64_t now = app_clock();
	if (app_load(&a, now, err, sizeof err) < 0 ||
	    store_unbondings_list(a.store, 0, false, &u, &n, err, sizeof err) < 0) {
		rc = cli_fail(EXIT_PARTIAL, "%s", err);
		goto out;
	}
	cJSON *arr = json ? cJSON_CreateArray() : NULL;
	if (!json)
		printf("%4s %-9s %16s  %-20s  %-20s  %-12s %-9s %s\n", "POS", "ASSET", "AMOUNT",
		       "REQUESTED", "AVAILABLE", "LEFT", "STATUS", "RULE");
	for (size_t i = 0; i < n; i++) {
		const struct valuation *v = row_of(&a, u[i].position_id);
		const char *sym = v && v->asset ? v->asset->symbol : "?";
		char q[DEC_STR_MAX], req[ISO_TIME_LEN], av[ISO_TIME_LEN], left[32];
		int64_t secs = unbond_seconds_left(&u[i], now);
		const char *status = unbond_status_name(unbond_status_at(&u[i], now));
		dec_format(u[i].amount, q, sizeof q);
		time_format_iso(u[i].requested_at, req, sizeof req);
		time_format_iso(u[i].available_at, av, sizeof av);
		unbond_format_left(secs, left, sizeof left);
		struct exit_choice ex;
		bool has_exit = unbond_sell_now(v, &u[i], now, &ex);
		if (json) {
			cJSON *o = cJSON_CreateObject();
			cJSON_AddNumberToObject(o, "position", (double)u[i].position_id);
			cJSON_AddStringToObject(o, "asset", sym);
			cJSON_AddStringToObject(o, "amount", q);
			cJSON_AddStringToObject(o, "requested_at", req);
			cJSON_AddStringToObject(o, "available_at", av);
			cJSON_AddNumberToObject(o, "seconds_left", (double)secs);
			cJSON_AddStringToObject(o, "status", status);
			cJSON_AddStringToObject(o, "rule", u[i].rule);
			if (has_exit) {
				cJSON *e = cJSON_AddObjectToObject(o, "sell_now");
				cJSON_AddNumberToObject(e, "wait_value", (double)ex.wait_value);
				cJSON_AddNumberToObject(e, "sell_value", (double)ex.sell_value);
				cJSON_AddNumberToObject(e, "difference", (double)ex.difference);
			}
			cJSON_AddItemToArray(arr, o);
		} else {
			printf("%4lld %-9s %16s  %-20s  %-20s  %-12s %-9s %s\n",
			       (long long)u[i].position_id, sym, q, req, av, left, status, u[i].rule);
			if (has_exit)
				printf("     or sell now: %.2Lf %s instead of %.2Lf after the wait (%+.2Lf)\n",
				       ex.sell_value, a.cfg.currency, ex.wait_value, -ex.difference);
		}
	}
	if (json) {
		char *s = cJSON_PrintUnformatted(arr);
		puts(s ? s : "[]");
		free(s);
		cJSON_Delete(arr);
	} else if (n == 0) {
		printf("(nothing unbonding)\n");
	}
out:
	free(u);
	app_close(&a);
	return rc;
}
