/* cmd_positions.c — add, edit, remove and list positions from the shell. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>


#include "positions/text.h"
#include "positions/timeutil.h"
#include "tui/cli/cli.h"
#include "tui/term/format.h"
#include "tui/app/json_out.h"
#include "tui/app/position_edit.h"

static const char *const flag_of[PE_FIELDS] = {
	[PE_ASSET] = "--asset", [PE_AMOUNT] = "--amount", [PE_ACCOUNT] = "--account",
	[PE_OPENED] = "--opened", [PE_COST] = "--cost-basis", [PE_NOTE] = "--note",
};

/* The first field error, named by its flag (the interface shows the same
 * messages beside its form fields). */
static int field_error(const struct command *cmd, const struct pe_errors *e)
{
	return cli_usage_error(cmd, "%s: %s", flag_of[e->first], e->msg[e->first]);
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
	struct position_input in = { 0 };
	int ch = 0, got;
	while ((got = cli_getopt(cmd, argc, argv, opts, &ch)) > 0) {
		switch (ch) {
		case 'a': in.asset = optarg; break;
		case 'm': in.amount = optarg; break;
		case 'c': in.account = optarg; break;
		case 'o': in.opened = optarg; break;
		case 'b': in.cost_basis = optarg; break;
		case 'n': in.note = optarg; break;
		default: break;
		}
	}
	if (got < 0)
		return EXIT_USAGE;
	if (optind < argc)
		return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	if (!in.asset || !in.amount)
		return cli_usage_error(cmd, "--asset and --amount are required");

	struct app a;
	struct position p;
	struct pe_errors e;
	char err[512], q[DEC_STR_MAX];
	int64_t now = app_clock(), opened_ts;
	int rc;
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	if (pe_check_add(&a.cat, &in, now, &p, &opened_ts, &e) < 0) {
		rc = field_error(cmd, &e);
		goto out;
	}
	if (app_load(&a, now, err, sizeof err) < 0 || pe_add(&a, &p, opened_ts, "added", err,
	                                                     sizeof err) < 0) {
		rc = cli_fail(EXIT_PARTIAL, "%s", err);
		goto out;
	}
	fmt_dec(p.quantity, q, sizeof q);
	text_copy_clean(err, sizeof err, p.account);
	printf("added position %lld: %s %s (%s)\n", (long long)p.id, q, p.asset, err);
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
		{ "note", required_argument, 0, 'n' }, { "opened", required_argument, 0, 'o' },
		{ "cost-basis", required_argument, 0, 'b' }, { 0, 0, 0, 0 }
	};
	struct position_input in = { 0 };
	int ch = 0, got;
	while ((got = cli_getopt(cmd, argc, argv, opts, &ch)) > 0) {
		switch (ch) {
		case 'm': in.amount = optarg; break;
		case 'c': in.account = optarg; break;
		case 'n': in.note = optarg; break;
		case 'o': in.opened = optarg; break;
		case 'b': in.cost_basis = optarg; break;
		default: break;
		}
	}
	if (got < 0)
		return EXIT_USAGE;
	if (optind != argc - 1)
		return cli_usage_error(cmd, "give one position ID");
	if (!in.amount && !in.account && !in.note && !in.opened && !in.cost_basis)
		return cli_usage_error(cmd, "nothing to change: give --amount, --account, --opened, "
		                            "--cost-basis or --note");

	struct app a;
	struct position cur, p, stored;
	struct pe_errors e;
	dec_t want;
	char err[512];
	int rc;
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	/* read, check and write under one write lock: a concurrent unbond
	 * lands before or after, never in between */
	if (store_begin(a.store, err, sizeof err) < 0) {
		rc = cli_fail(EXIT_PARTIAL, "%s", err);
		goto out;
	}
	if ((rc = cli_load_position(cmd, &a, argv[optind], &cur)) != 0)
		goto out;
	if (pe_check_edit(&a.cat, &cur, &in, app_clock(), &p, &want, &e) < 0) {
		rc = field_error(cmd, &e);
		goto out;
	}
	int w = pe_edit(&a, &cur, &p, want, app_clock(), "edit --amount", &stored, err, sizeof err);
	if (w == 1) /* not under our lock: only if the store's promise broke */
		snprintf(err, sizeof err, "position %lld changed while it was edited; try again",
		         (long long)p.id);
	if (w != 0 || store_commit(a.store, err, sizeof err) < 0) {
		rc = cli_fail(EXIT_PARTIAL, "%s", err);
		goto out;
	}
	printf("updated position %lld\n", (long long)p.id);
	rc = EXIT_OK;
out:
	store_rollback(a.store, err, sizeof err);
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
	char err[512], q[DEC_STR_MAX], acc[ACCOUNT_MAX], what[256];
	int rc;
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	if ((rc = cli_load_position(cmd, &a, id, &p)) != 0)
		goto out;
	fmt_dec(p.quantity, q, sizeof q);
	text_copy_clean(acc, sizeof acc, p.account);
	snprintf(what, sizeof what, "remove position %lld (%s %s, %s) and its events",
	         (long long)p.id, q, p.asset, acc);
	if (!yes) {
		int ok = cli_confirm(cmd, what);
		if (ok <= 0) {
			rc = ok < 0 ? EXIT_USAGE : EXIT_OK;
			goto out;
		}
	}
	if (pe_remove(&a, p.id, err, sizeof err) < 0) {
		rc = cli_fail(EXIT_PARTIAL, "%s", err);
		goto out;
	}
	printf("removed position %lld (%s %s, %s)\n", (long long)p.id, q, p.asset, acc);
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

static void list_json(struct json_out *j, const struct position *p)
{
	char q[DEC_STR_MAX];
	dec_format(p->quantity, q, sizeof q);
	json_begin_object(j, NULL);
	json_int(j, "id", p->id);
	json_string(j, "account", p->account);
	json_string(j, "asset", p->asset);
	json_string(j, "quantity", q);
	json_string(j, "origin", p->origin == ORIGIN_CHAIN ? "chain" : "manual");
	if (p->opened[0])
		json_string(j, "opened", p->opened);
	else
		json_null(j, "opened");
	json_string(j, "note", p->note);
	json_end_object(j);
}

int cmd_list(struct cli *c, int argc, char **argv)
{
	int json;
	if (json_flag(cli_find("list"), argc, argv, &json) ||
	    (json && cli_machine_format(c, cli_find("list"), "--json")))
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
		struct json_out j;
		json_out_init(&j, stdout);
		json_begin_array(&j, NULL);
		for (size_t i = 0; i < pl.n; i++)
			list_json(&j, &pl.v[i]);
		json_end_array(&j);
		rc = json_out_write(&j, stdout) == 0 ? EXIT_OK : EXIT_PARTIAL;
		json_out_done(&j);
		goto out;
	}
	printf("%5s  %-14s %-9s %28s  %-10s %s\n", "ID", "ACCOUNT", "ASSET", "QUANTITY", "OPENED",
	       "NOTE");
	for (size_t i = 0; i < pl.n; i++) {
		const struct position *p = &pl.v[i];
		char acc[ACCOUNT_MAX], note[POS_NOTE_MAX];
		text_copy_clean(acc, sizeof acc, p->account);
		text_copy_clean(note, sizeof note, p->note);
		fmt_dec(p->quantity, q, sizeof q);
		printf("%5lld  %-14s %-9s %*s  %-10s %s\n", (long long)p->id, acc, p->asset,
		       fmt_pad(q, 28), q, p->opened[0] ? p->opened : "-", note);
	}
	if (pl.n == 0)
		printf("(no positions: add one with 'staketop add --asset wstETH --amount 1')\n");
out:
	position_list_free(&pl);
	app_close(&a);
	return rc;
}

static const char *verified_word(const struct rate_source *r)
{
	return !rate_source_checkable(r) ? "-" : r->verified ? "yes" : "UNVERIFIED";
}

/* Where the rate comes from, for scripts: a sentence and its parts. */
static void assets_rate_json(struct json_out *j, const struct asset *x)
{
	char from[400];
	rate_source_describe(x, from, sizeof from);
	json_string(j, "rate_from", from);
	if (rate_source_checkable(&x->rate))
		json_bool(j, "rate_verified", x->rate.verified);
	else
		json_null(j, "rate_verified");
	if (x->rate.type == RATE_EVM_CALL)
		json_bool(j, "rate_invert", x->rate.invert);
	if (x->rate.n_owners) {
		json_begin_array(j, "rate_owners");
		for (unsigned k = 0; k < x->rate.n_owners; k++)
			json_string(j, NULL, x->rate.owners[k]);
		json_end_array(j);
	}
	if (x->rate.mint[0])
		json_string(j, "rate_mint", x->rate.mint);
	if (x->rate.type == RATE_REST_JSON) {
		char key[RATE_REST_BASE_MAX + 16];
		snprintf(key, sizeof key, "%s_rest_url", x->rate.rest_base);
		json_string(j, "rate_url_key", key);
		json_string(j, "rate_path", x->rate.path);
		json_string(j, "rate_json_path", x->rate.json_path);
	}
	json_string(j, "yield_quoted", x->yield.quoted == QUOTE_APY ? "apy" : "apr");
}

static void asset_json(struct json_out *j, const struct asset *x)
{
	json_begin_object(j, NULL);
	json_string(j, "symbol", x->symbol);
	json_string(j, "name", x->name);
	json_string(j, "chain", x->chain);
	json_string(j, "kind", asset_kind_name(x->kind));
	json_string(j, "model", token_model_name(x->model));
	json_string(j, "underlying", x->underlying);
	json_int(j, "decimals", x->decimals);
	json_string(j, "rate_source", rate_type_name(x->rate.type));
	if (x->rate.call[0])
		json_string(j, "rate_call", x->rate.call);
	if (x->rate.address[0])
		json_string(j, "rate_address", x->rate.address);
	assets_rate_json(j, x);
	json_string(j, "unbonding", x->unbond.source);
	json_end_object(j);
}

int cmd_assets(struct cli *c, int argc, char **argv)
{
	int json;
	if (json_flag(cli_find("assets"), argc, argv, &json))
		return EXIT_USAGE;
	struct app a;
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	int rc = EXIT_OK;
	if (json) {
		struct json_out j;
		json_out_init(&j, stdout);
		json_begin_array(&j, NULL);
		for (size_t i = 0; i < a.cat.n; i++)
			asset_json(&j, &a.cat.assets[i]);
		json_end_array(&j);
		rc = json_out_write(&j, stdout) == 0 ? EXIT_OK : EXIT_PARTIAL;
		json_out_done(&j);
	} else {
		printf("%-9s %-9s %-8s %-15s %-10s %-10s %s\n", "SYMBOL", "CHAIN", "KIND", "MODEL",
		       "UNDERLYING", "VERIFIED", "RATE FROM");
		for (size_t i = 0; i < a.cat.n; i++) {
			const struct asset *x = &a.cat.assets[i];
			char from[400];
			rate_source_describe(x, from, sizeof from);
			text_sanitize(from);
			printf("%-9s %-9s %-8s %-15s %-10s %-10s %s\n", x->symbol, x->chain,
			       asset_kind_name(x->kind), token_model_name(x->model),
			       x->underlying[0] ? x->underlying : "-", verified_word(&x->rate), from);
		}
	}
	app_close(&a);
	return rc;
}
