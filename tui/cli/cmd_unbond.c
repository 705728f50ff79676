/* cmd_unbond.c — unbond, claim, events and unbonding from the shell. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "positions/text.h"
#include "positions/timeutil.h"
#include "positions/unbonding.h"
#include "tui/cli/cli.h"
#include "tui/app/position_edit.h"
#include "tui/app/unbond_ops.h"
#include "tui/app/json_out.h"
#include "tui/term/format.h"

/* "unbonding 5 ATOM from position 10: available 2026-12-16T08:00:00Z (in
 * 21d 0h)" and the rule under it. */
static void print_unbond(const struct asset *as, int64_t position_id, dec_t q,
                         const struct unbond_eta *eta, const struct unbonding *u, int64_t now)
{
	char qs[DEC_STR_MAX], eta_s[ISO_TIME_LEN], left[32];
	fmt_dec(q, qs, sizeof qs);
	time_format_iso(u->available_at, eta_s, sizeof eta_s);
	int64_t secs = unbond_seconds_left(u, now);
	unbond_format_left(secs, left, sizeof left);
	char rule[UNBOND_BASIS_MAX];
	text_copy_clean(rule, sizeof rule, u->rule);
	text_drop_notes(rule);
	printf("unbonding %s %s from position %lld: available %s%s (%s%s)\n  %s\n", qs,
	       as->symbol, (long long)position_id, eta->exact ? "" : "about ", eta_s,
	       secs > 0 ? "in " : "", secs > 0 ? left : "claimable now", rule);
}

/* The ETA (a queue's live estimate when the request is made about now),
 * the request recorded, and what it says. An exit status. */
static int unbond_record(struct app *a, const struct asset *as, int64_t position_id, dec_t q,
                         int64_t when, int64_t now)
{
	char err[512];
	struct unbond_queue_api qa = { 0 };
	struct unbond_eta eta;
	/* Today's queue says nothing about a request made at another time. */
	if (when >= now - 3600 && when <= now + 3600 &&
	    unbond_queue_estimate(a, as, q, now, &qa, err, sizeof err) < 0)
		fprintf(stderr, "staketop: %s; using the catalog's typical range\n", err);
	if (unbond_eta_for(a, as, when, qa.has ? &qa : NULL, &eta) < 0)
		return cli_fail(EXIT_USAGE, "%s: %s", as->symbol, eta.basis);
	struct unbonding u;
	if (unbond_request(a, position_id, q, when, &eta, &u, err, sizeof err) < 0)
		return cli_fail(EXIT_USAGE, "%s", err);
	print_unbond(as, position_id, q, &eta, &u, now);
	return EXIT_OK;
}

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
	rc = unbond_record(&a, as, p.id, q, when, now);
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

/* An event as both renderings show it. */
struct event_row {
	const struct event *ev;
	char amount[DEC_STR_MAX];   /* "-" when it has none */
	char time[ISO_TIME_LEN];
	char note[EVENT_NOTE_MAX];  /* cleaned */
	char removed_note[EVENT_NOTE_MAX]; /* cleaned; "" when not removed */
};

static void event_row(struct event_row *r, const struct event *ev)
{
	r->ev = ev;
	snprintf(r->amount, sizeof r->amount, "-");
	if (ev->has_amount)
		dec_format(ev->amount, r->amount, sizeof r->amount);
	time_format_iso(ev->ts, r->time, sizeof r->time);
	text_copy_clean(r->note, sizeof r->note, ev->note);
	text_copy_clean(r->removed_note, sizeof r->removed_note, ev->removed ? ev->removed_note : "");
}

static void events_text(const struct event_row *r)
{
	char removed[EVENT_NOTE_MAX + 16] = "", amount[DEC_STR_MAX] = "-";
	if (r->ev->has_amount)
		fmt_dec(r->ev->amount, amount, sizeof amount); /* the mask in private mode */
	if (r->ev->removed)
		snprintf(removed, sizeof removed, "  [removed%s%s]", r->removed_note[0] ? ": " : "",
		         r->removed_note);
	printf("%6lld  %-8s %*s  %-20s  %s%s\n", (long long)r->ev->id, event_type_name(r->ev->type),
	       fmt_pad(amount, 24), amount, r->time, r->note, removed);
}

static void events_json(struct json_out *j, const struct event_row *r)
{
	json_begin_object(j, NULL);
	json_int(j, "id", r->ev->id);
	json_string(j, "type", event_type_name(r->ev->type));
	if (r->ev->has_amount)
		json_string(j, "amount", r->amount);
	else
		json_null(j, "amount");
	json_string(j, "time", r->time);
	json_string(j, "note", r->note);
	json_bool(j, "removed", r->ev->removed);
	if (r->ev->removed)
		json_string(j, "removed_note", r->removed_note);
	/* last, after the fields older scripts match: the price paid per unit
	 * (stake, deposit) or received (withdraw: a sale) */
	if (r->ev->has_price) {
		char p[DEC_STR_MAX];
		dec_format(r->ev->price, p, sizeof p);
		json_string(j, "price", p);
	} else {
		json_null(j, "price");
	}
	json_end_object(j);
}

/* The events ev[0..n) as a table or a JSON array. An exit status. */
static int events_print(const struct event *ev, size_t n, int json)
{
	struct json_out j;
	if (json) {
		json_out_init(&j, stdout);
		json_begin_array(&j, NULL);
	} else {
		printf("%6s  %-8s %24s  %-20s  %s\n", "EVENT", "TYPE", "AMOUNT", "TIME", "NOTE");
	}
	for (size_t i = 0; i < n; i++) {
		struct event_row r;
		event_row(&r, &ev[i]);
		if (json)
			events_json(&j, &r);
		else
			events_text(&r);
	}
	if (!json)
		return EXIT_OK;
	json_end_array(&j);
	int rc = json_out_write(&j, stdout) == 0 ? EXIT_OK : EXIT_PARTIAL;
	json_out_done(&j);
	return rc;
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
	if (got < 0 || (json && cli_machine_format(c, cmd, "--json")))
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
	rc = events_print(ev, n, json);
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

/* A pending unbonding as both renderings show it. */
struct unbonding_row {
	const struct unbonding *u;
	const char *sym;
	char amount[DEC_STR_MAX], requested[ISO_TIME_LEN], available[ISO_TIME_LEN], left[32];
	int64_t secs;
	const char *status;
	bool has_exit;
	struct exit_choice ex;      /* the sell-now route, when has_exit */
};

static void unbonding_row(struct unbonding_row *r, const struct app *a, const struct unbonding *u,
                          int64_t now)
{
	const struct valuation *v = row_of(a, u->position_id);
	r->u = u;
	r->sym = v && v->asset ? v->asset->symbol : "?";
	r->secs = unbond_seconds_left(u, now);
	r->status = unbond_status_name(unbond_status_at(u, now));
	dec_format(u->amount, r->amount, sizeof r->amount);
	time_format_iso(u->requested_at, r->requested, sizeof r->requested);
	time_format_iso(u->available_at, r->available, sizeof r->available);
	unbond_format_left(r->secs, r->left, sizeof r->left);
	r->has_exit = unbond_sell_now(v, u, now, &r->ex);
}

static void unbonding_text(const struct unbonding_row *r, const char *currency)
{
	char rule[UNBOND_BASIS_MAX];
	text_copy_clean(rule, sizeof rule, r->u->rule);
	text_drop_notes(rule);
	char amount[DEC_STR_MAX];
	fmt_dec(r->u->amount, amount, sizeof amount); /* the mask in private mode */
	printf("%4lld %-9s %*s  %-20s  %-20s  %-12s %-9s %s\n", (long long)r->u->position_id,
	       r->sym, fmt_pad(amount, 16), amount, r->requested, r->available, r->left, r->status,
	       rule);
	if (r->has_exit) {
		char sell[96], wait[96], diff[96];
		fmt_amount(r->ex.sell_value, 2, sell, sizeof sell);
		fmt_amount(r->ex.wait_value, 2, wait, sizeof wait);
		fmt_amount(-r->ex.difference, 2, diff, sizeof diff);
		printf("     or sell now: %s %s instead of %s after the wait (%s%s)\n", sell, currency,
		       wait, -r->ex.difference >= 0 && !fmt_private() ? "+" : "", diff);
	}
}

static void unbonding_json(struct json_out *j, const struct unbonding_row *r)
{
	json_begin_object(j, NULL);
	json_int(j, "position", r->u->position_id);
	json_string(j, "asset", r->sym);
	json_string(j, "amount", r->amount);
	json_string(j, "requested_at", r->requested);
	json_string(j, "available_at", r->available);
	json_number(j, "seconds_left", (double)r->secs);
	json_string(j, "status", r->status);
	json_string(j, "rule", r->u->rule);
	if (r->has_exit) {
		json_begin_object(j, "sell_now");
		json_number(j, "wait_value", (double)r->ex.wait_value);
		json_number(j, "sell_value", (double)r->ex.sell_value);
		json_number(j, "difference", (double)r->ex.difference);
		json_end_object(j);
	}
	json_end_object(j);
}

/* The pending unbondings u[0..n) as a table or a JSON array. An exit
 * status. */
static int unbonding_print(const struct app *a, const struct unbonding *u, size_t n, int64_t now,
                           int json)
{
	struct json_out j;
	if (json) {
		json_out_init(&j, stdout);
		json_begin_array(&j, NULL);
	} else {
		printf("%4s %-9s %16s  %-20s  %-20s  %-12s %-9s %s\n", "POS", "ASSET", "AMOUNT",
		       "REQUESTED", "AVAILABLE", "LEFT", "STATUS", "RULE");
	}
	for (size_t i = 0; i < n; i++) {
		struct unbonding_row r;
		unbonding_row(&r, a, &u[i], now);
		if (json)
			unbonding_json(&j, &r);
		else
			unbonding_text(&r, a->cfg.currency);
	}
	if (!json) {
		if (n == 0)
			printf("(nothing unbonding)\n");
		return EXIT_OK;
	}
	json_end_array(&j);
	int rc = json_out_write(&j, stdout) == 0 ? EXIT_OK : EXIT_PARTIAL;
	json_out_done(&j);
	return rc;
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
	if (json && cli_machine_format(c, cmd, "--json"))
		return EXIT_USAGE;
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
	rc = unbonding_print(&a, u, n, now, json);
out:
	free(u);
	app_close(&a);
	return rc;
}
