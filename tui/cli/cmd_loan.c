/* cmd_loan.c — `staketop loan add|list`: looped positions (a lending
 * position: collateral, debt, liquidation threshold) recorded and listed
 * with their health factor, the discount of the collateral at which they
 * would be liquidated, and the depeg stress (tui/app/loans.c,
 * positions/loan.c). */
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "positions/text.h"
#include "tui/app/json_out.h"
#include "tui/app/loans.h"
#include "tui/cli/cli.h"
#include "tui/term/format.h"

static int parse_amount(const struct command *cmd, const char *what, const char *text, dec_t *out)
{
	char err[160];
	if (!text)
		return cli_usage_error(cmd, "%s is required", what);
	if (dec_parse(text, 18, out, err, sizeof err) < 0)
		return cli_usage_error(cmd, "%s: %s", what, err);
	return 0;
}

static int loan_add(const struct command *cmd, struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "collateral", required_argument, 0, 'c' }, { "amount", required_argument, 0, 'm' },
		{ "debt", required_argument, 0, 'd' },       { "debt-amount", required_argument, 0, 'D' },
		{ "threshold", required_argument, 0, 't' },  { "account", required_argument, 0, 'a' },
		{ "note", required_argument, 0, 'n' },       { 0, 0, 0, 0 }
	};
	const char *coll = NULL, *amount = NULL, *debt = NULL, *debt_amount = NULL, *lt = NULL,
	           *account = "default", *note = "";
	int ch = 0, got;
	while ((got = cli_getopt(cmd, argc, argv, opts, &ch)) > 0) {
		switch (ch) {
		case 'c': coll = optarg; break;
		case 'm': amount = optarg; break;
		case 'd': debt = optarg; break;
		case 'D': debt_amount = optarg; break;
		case 't': lt = optarg; break;
		case 'a': account = optarg; break;
		case 'n': note = optarg; break;
		default: break;
		}
	}
	if (got < 0)
		return EXIT_USAGE;
	if (optind != argc)
		return cli_usage_error(cmd, "loan add takes options only");
	if (!coll || !debt || !lt)
		return cli_usage_error(cmd, "--collateral, --debt and --threshold are required");
	struct loan l;
	memset(&l, 0, sizeof l);
	if (parse_amount(cmd, "--amount", amount, &l.collateral_amount) ||
	    parse_amount(cmd, "--debt-amount", debt_amount, &l.debt_amount))
		return EXIT_USAGE;
	char *end = NULL;
	l.liq_threshold = strtod(lt, &end);
	if (!end || *end || end == lt || !(l.liq_threshold > 0 && l.liq_threshold <= 1)) {
		char clean[32];
		text_copy_clean(clean, sizeof clean, lt);
		return cli_usage_error(cmd, "--threshold '%s': a fraction above 0, at most 1 (0.81)",
		                       clean);
	}
	if (strlen(coll) >= sizeof l.collateral || strlen(debt) >= sizeof l.debt ||
	    strlen(account) >= sizeof l.account || strlen(note) >= sizeof l.note)
		return cli_usage_error(cmd, "a symbol, the account or the note is too long");
	snprintf(l.collateral, sizeof l.collateral, "%s", coll);
	snprintf(l.debt, sizeof l.debt, "%s", debt);
	snprintf(l.account, sizeof l.account, "%s", account);
	snprintf(l.note, sizeof l.note, "%s", note);
	struct app a;
	char err[512];
	int64_t id = 0;
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	a.now = app_clock();
	int rc = EXIT_OK;
	if (app_loan_add(&a, &l, &id, err, sizeof err) < 0)
		rc = cli_usage_error(cmd, "%s", err);
	else
		printf("added loan %" PRId64 ": %s collateral, %s debt\n", id, l.collateral, l.debt);
	app_close(&a);
	return rc;
}

static void fig(struct json_out *j, const char *k, bool has, long double v, int decimals)
{
	if (has)
		json_decimal(j, k, v, decimals);
	else
		json_null(j, k);
}

static void side_json(struct json_out *j, const char *key, const char *sym, dec_t amount,
                      const struct valuation *v)
{
	char q[DEC_STR_MAX];
	dec_format(amount, q, sizeof q);
	json_begin_object(j, key);
	json_string(j, "asset", sym);
	json_string(j, "amount", q);
	fig(j, "value", v->nav.has, v->nav.v, 4);
	json_end_object(j);
}

static void loans_json(const struct app_loan *v, size_t n)
{
	struct json_out j;
	json_out_init(&j, stdout);
	json_begin_array(&j, NULL);
	for (size_t i = 0; i < n; i++) {
		const struct loan *l = &v[i].loan;
		const struct loan_health *h = &v[i].health;
		json_begin_object(&j, NULL);
		json_int(&j, "id", l->id);
		json_string(&j, "account", l->account);
		side_json(&j, "collateral", l->collateral, l->collateral_amount, &v[i].collateral);
		side_json(&j, "debt", l->debt, l->debt_amount, &v[i].debt);
		json_decimal(&j, "liq_threshold", l->liq_threshold, 6);
		fig(&j, "equity", h->has, h->equity, 4);
		fig(&j, "health_factor", h->has && h->has_hf, h->hf, 6);
		fig(&j, "liquidation_discount", h->has, h->liq_discount, 6);
		json_bool(&j, "liquidatable", h->liquidatable);
		if (h->missing)
			json_string(&j, "missing", h->missing);
		else
			json_null(&j, "missing");
		json_begin_array(&j, "stress");
		for (size_t k = 0; h->has && k < RISK_DEPEG_LEVELS; k++) {
			const struct loan_stress *s = &h->stress[k];
			json_begin_object(&j, NULL);
			json_decimal(&j, "discount", s->discount, 4);
			fig(&j, "health_factor", s->has_hf, s->hf, 6);
			json_decimal(&j, "equity", s->equity, 4);
			json_decimal(&j, "loss", s->loss, 4);
			json_bool(&j, "liquidated", s->liquidated);
			json_end_object(&j);
		}
		json_end_array(&j);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_out_write(&j, stdout);
	json_out_done(&j);
}

static void loans_text(const struct app_loan *v, size_t n)
{
	printf("%4s %-12s %-24s %-24s %6s  %s\n", "ID", "ACCOUNT", "COLLATERAL", "DEBT", "HF",
	       "LIQUIDATED AT");
	for (size_t i = 0; i < n; i++) {
		const struct loan *l = &v[i].loan;
		const struct loan_health *h = &v[i].health;
		char acc[13], cq[40], dq[40], cs[64], ds[64], hf[16], at[48];
		text_copy_clean(acc, sizeof acc, l->account);
		fmt_quantity(l->collateral_amount, cq, sizeof cq);
		fmt_quantity(l->debt_amount, dq, sizeof dq);
		snprintf(cs, sizeof cs, "%s %s", cq, l->collateral);
		snprintf(ds, sizeof ds, "%s %s", dq, l->debt);
		if (!h->has) {
			printf("%4" PRId64 " %-12s %*s %*s %6s  %s\n", l->id, acc, fmt_pad(cs, -24), cs,
			       fmt_pad(ds, -24), ds, "-", h->missing);
			continue;
		}
		snprintf(hf, sizeof hf, h->has_hf ? "%.2f" : "-", h->hf);
		if (h->liquidatable)
			snprintf(at, sizeof at, "liquidatable now");
		else
			snprintf(at, sizeof at, "collateral %.1f%% below NAV", h->liq_discount * 100);
		printf("%4" PRId64 " %-12s %*s %*s %6s  %s\n", l->id, acc, fmt_pad(cs, -24), cs,
		       fmt_pad(ds, -24), ds, hf, at);
		printf("     depeg:");
		for (size_t k = 0; k < RISK_DEPEG_LEVELS; k++)
			printf(" %.0f%% HF %.2f%s", h->stress[k].discount * 100, h->stress[k].hf,
			       h->stress[k].liquidated ? " LIQUIDATED" : "");
		printf("\n");
	}
}

static int loan_list(const struct command *cmd, struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = { { "json", no_argument, 0, 'j' }, { 0, 0, 0, 0 } };
	bool json = false;
	int ch = 0, got;
	while ((got = cli_getopt(cmd, argc, argv, opts, &ch)) > 0)
		if (ch == 'j')
			json = true;
	if (got < 0 || (json && cli_machine_format(c, cmd, "--json")))
		return EXIT_USAGE;
	if (optind != argc)
		return cli_usage_error(cmd, "loan list takes --json only");
	struct app a;
	char err[512];
	struct app_loan *v = NULL;
	size_t n = 0;
	int rc = EXIT_OK;
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	if (app_load(&a, app_clock(), err, sizeof err) < 0 ||
	    app_loans_load(&a, &v, &n, err, sizeof err) < 0) {
		rc = cli_fail(EXIT_PARTIAL, "%s", err);
	} else if (json) {
		loans_json(v, n);
	} else {
		loans_text(v, n);
	}
	free(v);
	app_close(&a);
	return rc;
}

int cmd_loan(struct cli *c, int argc, char **argv)
{
	const struct command *cmd = cli_find("loan");
	if (argc < 2)
		return cli_usage_error(cmd, "give add or list");
	if (strcmp(argv[1], "add") == 0)
		return loan_add(cmd, c, argc - 1, argv + 1);
	if (strcmp(argv[1], "list") == 0)
		return loan_list(cmd, c, argc - 1, argv + 1);
	char clean[32];
	text_copy_clean(clean, sizeof clean, argv[1]);
	return cli_usage_error(cmd, "'%s': give add or list", clean);
}
