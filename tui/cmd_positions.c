/* cmd_positions.c — add, edit, remove and list positions from the shell. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "data/events_db.h"
#include "data/positions_db.h"
#include "positions/text.h"
#include "positions/timeutil.h"
#include "positions/unbonding.h"
#include "tui/cli.h"

/* Text a user typed that we store and later print: no control characters,
 * valid UTF-8, bounded. */
static int check_text(const struct command *cmd, const char *what, const char *s, size_t max)
{
	if (strlen(s) >= max)
		return cli_usage_error(cmd, "%s is longer than %zu bytes", what, max - 1);
	if (text_is_unsafe(s))
		return cli_usage_error(cmd, "%s has control characters or invalid UTF-8", what);
	return 0;
}

static int parse_amount(const struct command *cmd, const struct asset *a, const char *flag,
                        const char *s, dec_t *out)
{
	char why[160];
	if (dec_parse(s, a->decimals, out, why, sizeof why) < 0)
		return cli_usage_error(cmd, "%s '%s': %s (%s has %u decimals)", flag, s, why,
		                       a->symbol, a->decimals);
	if (dec_is_zero(*out))
		return cli_usage_error(cmd, "%s must be more than 0", flag);
	return 0;
}

/* For a rebasing token, the shares its balance stands for at the current
 * share rate (when one is known). */
static void set_shares(struct app *a, const struct asset *as, struct position *p)
{
	p->has_shares = false;
	if (as->model != MODEL_REBASING)
		return;
	const struct quote *q = market_get(&a->market, as->share_rate_from, OBS_RATE);
	dec_t rate;
	if (q && q->has && dec_from_double(q->value, &rate) == 0 && !dec_is_zero(rate) &&
	    dec_div(p->quantity, rate, &p->shares) == 0)
		p->has_shares = true;
}

static int commit_or_report(struct app *a, int ok, const char *err)
{
	char e2[256];
	if (ok == 0 && store_commit(a->store, e2, sizeof e2) == 0)
		return 0;
	store_rollback(a->store, e2, sizeof e2);
	fprintf(stderr, "staketop: %s\n", ok == 0 ? e2 : err);
	return -1;
}

int cmd_add(struct cli *c, int argc, char **argv)
{
	const struct command *cmd = cli_find("add");
	static const struct option opts[] = {
		{ "asset", required_argument, 0, 'a' }, { "amount", required_argument, 0, 'm' },
		{ "account", required_argument, 0, 'c' }, { "opened", required_argument, 0, 'o' },
		{ "cost-basis", required_argument, 0, 'b' }, { "note", required_argument, 0, 'n' },
		{ 0, 0, 0, 0 }
	};
	const char *asset = NULL, *amount = NULL, *account = "default", *opened = NULL,
		   *cost = NULL, *note = "";
	int ch;
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (ch) {
		case 'a': asset = optarg; break;
		case 'm': amount = optarg; break;
		case 'c': account = optarg; break;
		case 'o': opened = optarg; break;
		case 'b': cost = optarg; break;
		case 'n': note = optarg; break;
		case ':': return cli_usage_error(cmd, "%s needs a value", argv[optind - 1]);
		default: return cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	if (!asset || !amount)
		return cli_usage_error(cmd, "--asset and --amount are required");
	if (check_text(cmd, "--account", account, ACCOUNT_MAX) || check_text(cmd, "--note", note, POS_NOTE_MAX))
		return EXIT_USAGE;
	if (!account[0])
		return cli_usage_error(cmd, "--account is empty");

	struct app a;
	char err[512];
	int rc = EXIT_USAGE;
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	struct position p = { 0 };
	const struct asset *as = catalog_find(&a.cat, asset);
	int64_t now = app_clock(), opened_ts = now;
	if (!as) {
		cli_usage_error(cmd, "no asset '%s' in the catalog (see 'staketop assets')", asset);
		goto out;
	}
	if (parse_amount(cmd, as, "--amount", amount, &p.quantity))
		goto out;
	if (opened) {
		if (date_parse(opened, &opened_ts, err, sizeof err) < 0) {
			cli_usage_error(cmd, "--opened '%s': %s", opened, err);
			goto out;
		}
		snprintf(p.opened, sizeof p.opened, "%s", opened);
	}
	if (cost) {
		if (dec_parse(cost, 18, &p.cost_basis, err, sizeof err) < 0) {
			cli_usage_error(cmd, "--cost-basis '%s': %s", cost, err);
			goto out;
		}
		p.has_cost_basis = true;
	}
	snprintf(p.asset, sizeof p.asset, "%s", as->symbol);
	snprintf(p.account, sizeof p.account, "%s", account);
	snprintf(p.note, sizeof p.note, "%s", note);
	if (app_load(&a, now, err, sizeof err) < 0) {
		rc = cli_fail(EXIT_PARTIAL, "%s", err);
		goto out;
	}
	set_shares(&a, as, &p);
	struct event ev = { .type = EVENT_STAKE, .has_amount = true, .amount = p.quantity,
		            .ts = opened_ts };
	snprintf(ev.note, sizeof ev.note, "added");
	int ok = store_begin(a.store, err, sizeof err);
	if (ok == 0)
		ok = store_position_add(a.store, &p, err, sizeof err);
	ev.position_id = p.id;
	if (ok == 0)
		ok = store_event_add(a.store, &ev, err, sizeof err);
	if (commit_or_report(&a, ok, err) < 0) {
		rc = EXIT_PARTIAL;
		goto out;
	}
	char q[DEC_STR_MAX];
	dec_format(p.quantity, q, sizeof q);
	printf("added position %lld: %s %s (%s)\n", (long long)p.id, q, p.asset, p.account);
	rc = EXIT_OK;
out:
	app_close(&a);
	return rc;
}

int cmd_edit(struct cli *c, int argc, char **argv)
{
	const struct command *cmd = cli_find("edit");
	static const struct option opts[] = {
		{ "amount", required_argument, 0, 'm' }, { "account", required_argument, 0, 'c' },
		{ "note", required_argument, 0, 'n' }, { 0, 0, 0, 0 }
	};
	const char *amount = NULL, *account = NULL, *note = NULL, *id = NULL;
	int ch;
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (ch) {
		case 'm': amount = optarg; break;
		case 'c': account = optarg; break;
		case 'n': note = optarg; break;
		case ':': return cli_usage_error(cmd, "%s needs a value", argv[optind - 1]);
		default: return cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind != argc - 1)
		return cli_usage_error(cmd, "give one position ID");
	id = argv[optind];
	if (!amount && !account && !note)
		return cli_usage_error(cmd, "nothing to change: give --amount, --account or --note");
	if ((account && (check_text(cmd, "--account", account, ACCOUNT_MAX) || !account[0])) ||
	    (note && check_text(cmd, "--note", note, POS_NOTE_MAX)))
		return EXIT_USAGE;

	struct app a;
	struct position p;
	char err[512];
	int rc;
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	if ((rc = cli_load_position(cmd, &a, id, &p)) != 0)
		goto out;
	rc = EXIT_USAGE;
	const struct asset *as = catalog_find(&a.cat, p.asset);
	dec_t want = p.quantity, diff;
	if (amount && (!as || parse_amount(cmd, as, "--amount", amount, &want)))
		goto out;
	if (account)
		snprintf(p.account, sizeof p.account, "%s", account);
	if (note)
		snprintf(p.note, sizeof p.note, "%s", note);
	int ok = store_begin(a.store, err, sizeof err);
	if (ok == 0)
		ok = store_position_update(a.store, &p, err, sizeof err);
	if (ok == 0 && amount && dec_cmp(want, p.quantity) != 0) {
		struct event ev = { .position_id = p.id, .type = EVENT_ADJUST, .has_amount = true,
			            .ts = app_clock() };
		dec_sub(want, p.quantity, &diff);
		ev.amount = diff;
		snprintf(ev.note, sizeof ev.note, "edit --amount");
		ok = store_event_add(a.store, &ev, err, sizeof err);
	}
	if (commit_or_report(&a, ok, err) < 0) {
		rc = EXIT_PARTIAL;
		goto out;
	}
	printf("updated position %lld\n", (long long)p.id);
	rc = EXIT_OK;
out:
	app_close(&a);
	return rc;
}

int cmd_remove(struct cli *c, int argc, char **argv)
{
	const struct command *cmd = cli_find("remove");
	int yes = 0;
	const char *id = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--yes") == 0 || strcmp(argv[i], "-y") == 0)
			yes = 1;
		else if (argv[i][0] == '-')
			return cli_usage_error(cmd, "unknown option '%s'", argv[i]);
		else if (id)
			return cli_usage_error(cmd, "give one position ID");
		else
			id = argv[i];
	}
	if (!id)
		return cli_usage_error(cmd, "give a position ID");
	struct app a;
	struct position p;
	char err[512], q[DEC_STR_MAX];
	int rc;
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	if ((rc = cli_load_position(cmd, &a, id, &p)) != 0)
		goto out;
	dec_format(p.quantity, q, sizeof q);
	if (!yes) {
		char what[256], acc[ACCOUNT_MAX];
		text_copy_clean(acc, sizeof acc, p.account);
		snprintf(what, sizeof what, "remove position %lld (%s %s, %s) and its events",
		         (long long)p.id, q, p.asset, acc);
		int ok = cli_confirm(cmd, what);
		if (ok <= 0) {
			rc = ok < 0 ? EXIT_USAGE : EXIT_OK;
			goto out;
		}
	}
	if (store_position_remove(a.store, p.id, err, sizeof err) < 0) {
		rc = cli_fail(EXIT_PARTIAL, "%s", err);
		goto out;
	}
	printf("removed position %lld (%s %s, %s)\n", (long long)p.id, q, p.asset, p.account);
	rc = EXIT_OK;
out:
	app_close(&a);
	return rc;
}

static int json_flag(const struct command *cmd, int argc, char **argv, int *json)
{
	*json = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			*json = 1;
		else
			return cli_usage_error(cmd, "unexpected argument '%s'", argv[i]);
	}
	return 0;
}

int cmd_list(struct cli *c, int argc, char **argv)
{
	int json;
	if (json_flag(cli_find("list"), argc, argv, &json))
		return EXIT_USAGE;
	struct app a;
	struct position_list pl = { 0 };
	char err[512], q[DEC_STR_MAX];
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	int rc = EXIT_OK;
	if (store_positions_list(a.store, &pl, err, sizeof err) < 0) {
		rc = cli_fail(EXIT_PARTIAL, "%s", err);
		goto out;
	}
	if (json) {
		cJSON *arr = cJSON_CreateArray();
		for (size_t i = 0; i < pl.n; i++) {
			const struct position *p = &pl.v[i];
			cJSON *o = cJSON_CreateObject();
			dec_format(p->quantity, q, sizeof q);
			cJSON_AddNumberToObject(o, "id", (double)p->id);
			cJSON_AddStringToObject(o, "account", p->account);
			cJSON_AddStringToObject(o, "asset", p->asset);
			cJSON_AddStringToObject(o, "quantity", q);
			cJSON_AddStringToObject(o, "origin", p->origin == ORIGIN_CHAIN ? "chain" : "manual");
			if (p->opened[0])
				cJSON_AddStringToObject(o, "opened", p->opened);
			else
				cJSON_AddNullToObject(o, "opened");
			cJSON_AddStringToObject(o, "note", p->note);
			cJSON_AddItemToArray(arr, o);
		}
		char *s = cJSON_PrintUnformatted(arr);
		puts(s ? s : "[]");
		free(s);
		cJSON_Delete(arr);
		goto out;
	}
	printf("%5s  %-14s %-9s %28s  %-10s %s\n", "ID", "ACCOUNT", "ASSET", "QUANTITY", "OPENED",
	       "NOTE");
	for (size_t i = 0; i < pl.n; i++) {
		const struct position *p = &pl.v[i];
		char acc[ACCOUNT_MAX], note[POS_NOTE_MAX];
		text_copy_clean(acc, sizeof acc, p->account);
		text_copy_clean(note, sizeof note, p->note);
		dec_format(p->quantity, q, sizeof q);
		printf("%5lld  %-14s %-9s %28s  %-10s %s\n", (long long)p->id, acc, p->asset, q,
		       p->opened[0] ? p->opened : "-", note);
	}
	if (pl.n == 0)
		printf("(no positions: add one with 'staketop add --asset wstETH --amount 1')\n");
out:
	position_list_free(&pl);
	app_close(&a);
	return rc;
}

static const char *rate_type_name(enum rate_source_type t)
{
	switch (t) {
	case RATE_NONE: return "none";
	case RATE_ONE: return "one";
	case RATE_EVM_CALL: return "evm_call";
	case RATE_SPL_STAKE_POOL: return "spl_stake_pool";
	case RATE_MARINADE_STATE: return "marinade_state";
	}
	return "?";
}

int cmd_assets(struct cli *c, int argc, char **argv)
{
	int json;
	if (json_flag(cli_find("assets"), argc, argv, &json))
		return EXIT_USAGE;
	struct app a;
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	if (json) {
		cJSON *arr = cJSON_CreateArray();
		for (size_t i = 0; i < a.cat.n; i++) {
			const struct asset *x = &a.cat.assets[i];
			cJSON *o = cJSON_CreateObject();
			cJSON_AddStringToObject(o, "symbol", x->symbol);
			cJSON_AddStringToObject(o, "name", x->name);
			cJSON_AddStringToObject(o, "chain", x->chain);
			cJSON_AddStringToObject(o, "kind", asset_kind_name(x->kind));
			cJSON_AddStringToObject(o, "model", token_model_name(x->model));
			cJSON_AddStringToObject(o, "underlying", x->underlying);
			cJSON_AddNumberToObject(o, "decimals", x->decimals);
			cJSON_AddStringToObject(o, "rate_source", rate_type_name(x->rate.type));
			if (x->rate.call[0])
				cJSON_AddStringToObject(o, "rate_call", x->rate.call);
			if (x->rate.address[0])
				cJSON_AddStringToObject(o, "rate_address", x->rate.address);
			cJSON_AddStringToObject(o, "unbonding", x->unbond.source);
			cJSON_AddItemToArray(arr, o);
		}
		char *s = cJSON_PrintUnformatted(arr);
		puts(s ? s : "[]");
		free(s);
		cJSON_Delete(arr);
	} else {
		printf("%-9s %-9s %-8s %-15s %-10s %-24s %s\n", "SYMBOL", "CHAIN", "KIND", "MODEL",
		       "UNDERLYING", "RATE", "NAME");
		for (size_t i = 0; i < a.cat.n; i++) {
			const struct asset *x = &a.cat.assets[i];
			char name[NAME_MAX_];
			text_copy_clean(name, sizeof name, x->name);
			printf("%-9s %-9s %-8s %-15s %-10s %-24s %s\n", x->symbol, x->chain,
			       asset_kind_name(x->kind), token_model_name(x->model),
			       x->underlying[0] ? x->underlying : "-",
			       x->rate.call[0] ? x->rate.call : rate_type_name(x->rate.type), name);
		}
	}
	app_close(&a);
	return EXIT_OK;
}
