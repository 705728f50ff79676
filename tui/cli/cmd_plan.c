/* cmd_plan.c — `staketop plan`: options in, the plan out. The use case
 * (gather the valued rows and unbondings, compute the plan and the risk,
 * save, list and reopen plans) is tui/app/plan.c, the one the planner
 * screen runs too; the text and CSV are tui/cli/plan_render.c and the JSON
 * document tui/app/plan_doc.c. Exit 2 when the targets do not sum to 100
 * or are not understood; 1 when a target cannot be met (the plan is still
 * printed). */
#include <cjson/cJSON.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "positions/plan.h"
#include "positions/text.h"
#include "positions/timeutil.h"
#include "tui/app/plan.h"
#include "tui/cli/cli.h"
#include "tui/cli/plan_render.h"

static void add_time(struct json_out *j, const char *k, int64_t t)
{
	char buf[ISO_TIME_LEN];
	time_format_iso(t, buf, sizeof buf);
	json_string(j, k, buf);
}

/* --- the command --------------------------------------------------------------- */

struct plan_args {
	const char *target, *save, *show;
	bool json, csv, list;
};

static int parse_args(int argc, char **argv, struct plan_args *o)
{
	const struct command *cmd = cli_find("plan");
	memset(o, 0, sizeof *o);
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];
		if (strcmp(s, "--json") == 0) {
			o->json = true;
		} else if (strcmp(s, "--csv") == 0) {
			o->csv = true;
		} else if (strcmp(s, "--list") == 0) {
			o->list = true;
		} else if (strcmp(s, "--target") == 0 || strcmp(s, "--save") == 0 ||
		           strcmp(s, "--show") == 0) {
			if (i + 1 >= argc)
				return cli_usage_error(cmd, "%s needs a value", s);
			const char **dst = s[2] == 't' ? &o->target : s[3] == 'a' ? &o->save : &o->show;
			*dst = argv[++i];
		} else {
			char clean[64];
			text_copy_clean(clean, sizeof clean, s);
			return cli_usage_error(cmd, "unexpected argument '%s'", clean);
		}
	}
	if (o->json && o->csv)
		return cli_usage_error(cmd, "--json and --csv are one or the other");
	int modes = (o->target != NULL) + o->list + (o->show != NULL);
	if (modes != 1)
		return cli_usage_error(cmd, "give one of --target, --list or --show");
	if (o->save && !o->target)
		return cli_usage_error(cmd, "--save goes with --target");
	if (o->save && (!o->save[0] || strlen(o->save) > PLAN_NAME_MAX || text_is_unsafe(o->save)))
		return cli_usage_error(cmd, "--save NAME: 1 to %d bytes of text, no control characters",
		                       PLAN_NAME_MAX);
	return 0;
}

static int print_list(struct app *a, bool json)
{
	struct plan_record *v = NULL;
	size_t n = 0;
	char err[512];
	if (app_plans_list(a, &v, &n, err, sizeof err) < 0)
		return cli_fail(EXIT_PARTIAL, "%s", err);
	if (json) {
		struct json_out j;
		json_out_init(&j, stdout);
		json_begin_array(&j, NULL);
		for (size_t i = 0; i < n; i++) {
			json_begin_object(&j, NULL);
			json_int(&j, "id", v[i].id);
			json_string(&j, "name", v[i].name);
			add_time(&j, "created_at", v[i].created_at);
			json_string(&j, "targets", v[i].targets);
			json_end_object(&j);
		}
		json_end_array(&j);
		json_out_write(&j, stdout);
		json_out_done(&j);
	} else {
		printf("%5s %-24s %-20s %s\n", "ID", "NAME", "CREATED", "TARGETS");
		for (size_t i = 0; i < n; i++) {
			char name[PLAN_NAME_MAX + 1], t[ISO_TIME_LEN], tg[256];
			text_copy_clean(name, sizeof name, v[i].name);
			text_copy_clean(tg, sizeof tg, v[i].targets);
			time_format_iso(v[i].created_at, t, sizeof t);
			printf("%5" PRId64 " %-24s %-20s %s\n", v[i].id, name, t, tg);
		}
	}
	plan_records_free(v, n);
	return EXIT_OK;
}

/* The plan of r->targets as JSON text in a buffer the caller frees. */
static char *plan_json_text(const struct app *a, const struct app_plan *r)
{
	struct json_out j;
	json_out_init(&j, NULL);
	app_plan_json(&j, a, r);
	return app_json_take(&j);
}

static int save_plan(struct app *a, const struct app_plan *r, const char *name)
{
	char err[512];
	int64_t id = 0;
	if (app_plan_save(a, r, name, &id, err, sizeof err) < 0)
		return cli_fail(EXIT_PARTIAL, "%s", err);
	fprintf(stderr, "saved plan %" PRId64 "\n", id);
	return EXIT_OK;
}

/* Gather and compute r->targets over the app's rows. */
static int run_plan(const struct app *a, struct app_plan *r, char *err, size_t errlen)
{
	if (app_plan_gather(a, r, err, errlen) < 0)
		return -1;
	return app_plan_compute(a, r, err, errlen);
}

/* --show ID: the saved plan and today's plan for the same targets. */
static int show_plan(const struct command *cmd, struct app *a, const char *id_text, bool json,
                     bool csv)
{
	long long id;
	char err[512];
	struct plan_record rec;
	if (cli_parse_id(id_text, &id) < 0) {
		char clean[32];
		text_copy_clean(clean, sizeof clean, id_text);
		return cli_usage_error(cmd, "'%s' is not a plan id", clean);
	}
	int got = app_plan_get(a, id, &rec, err, sizeof err);
	if (got < 0)
		return cli_fail(EXIT_PARTIAL, "%s", err);
	if (got == 1)
		return cli_usage_error(cmd, "no plan %lld (see 'staketop plan --list')", id);
	if (csv) {
		int rc = plan_render_saved_csv(rec.result, stdout) == 0
		             ? EXIT_OK : cli_fail(EXIT_PARTIAL, "plan %lld: saved result unreadable", id);
		plan_record_free(&rec);
		return rc;
	}
	struct app_plan today;
	memset(&today, 0, sizeof today);
	char *now_text = NULL;
	int rc = EXIT_OK;
	/* the saved targets were checked when saved; the catalog may have changed since */
	if (plan_targets_parse(rec.targets, &a->cat, &today.targets, err, sizeof err) < 0) {
		rc = cli_fail(EXIT_PARTIAL, "plan %lld: %s", id, err);
		goto out;
	}
	if (run_plan(a, &today, err, sizeof err) < 0) {
		rc = cli_fail(EXIT_PARTIAL, "%s", err);
		goto out;
	}
	if (json) {
		now_text = plan_json_text(a, &today);
		cJSON *doc = cJSON_CreateObject();
		cJSON *saved = cJSON_Parse(rec.result), *inputs = cJSON_Parse(rec.inputs),
		      *settings = cJSON_Parse(rec.settings), *now = now_text ? cJSON_Parse(now_text) : NULL;
		char t[ISO_TIME_LEN];
		time_format_iso(rec.created_at, t, sizeof t);
		cJSON_AddNumberToObject(doc, "id", (double)rec.id);
		cJSON_AddStringToObject(doc, "name", rec.name);
		cJSON_AddStringToObject(doc, "created_at", t);
		cJSON_AddStringToObject(doc, "targets", rec.targets);
		cJSON_AddItemToObject(doc, "settings", settings ? settings : cJSON_CreateNull());
		cJSON_AddItemToObject(doc, "inputs", inputs ? inputs : cJSON_CreateNull());
		cJSON_AddItemToObject(doc, "plan", saved ? saved : cJSON_CreateNull());
		cJSON_AddItemToObject(doc, "today", now ? now : cJSON_CreateNull());
		char *out = cJSON_PrintUnformatted(doc);
		if (out)
			puts(out);
		else
			rc = cli_fail(EXIT_PARTIAL, "out of memory");
		cJSON_free(out);
		cJSON_Delete(doc);
	} else {
		char name[PLAN_NAME_MAX + 1], t[ISO_TIME_LEN];
		text_copy_clean(name, sizeof name, rec.name);
		time_format_iso(rec.created_at, t, sizeof t);
		printf("plan %lld \"%s\", saved %s; recomputed on today's portfolio:\n\n", id, name, t);
		plan_render_text(a, &today);
	}
out:
	free(now_text);
	app_plan_free(&today);
	plan_record_free(&rec);
	return rc;
}

int cmd_plan(struct cli *c, int argc, char **argv)
{
	const struct command *cmd = cli_find("plan");
	struct plan_args o;
	struct app a;
	struct app_plan r;
	char err[512];
	int rc = parse_args(argc, argv, &o);
	if (rc)
		return rc;
	/* --list prints names and targets only: no amount to hide */
	if ((o.json || o.csv) && !o.list &&
	    cli_machine_format(c, cmd, o.json ? "--json" : "--csv"))
		return EXIT_USAGE;
	memset(&r, 0, sizeof r);
	if (cli_open(c, &a) < 0)
		return EXIT_USAGE;
	if (o.list) {
		rc = print_list(&a, o.json);
		goto out;
	}
	if (o.target && plan_targets_parse(o.target, &a.cat, &r.targets, err, sizeof err) < 0) {
		rc = cli_usage_error(cmd, "%s", err);
		goto out;
	}
	if (o.target) {
		double sum = plan_targets_sum(&r.targets);
		if (fabs(sum - 100.0) >= 1e-9) {
			rc = cli_usage_error(cmd, "targets sum to %.6g%%, not 100%% (%.6g%% %s)", sum,
			                     fabs(sum - 100), sum < 100 ? "short" : "over");
			goto out;
		}
	}
	if (app_load(&a, app_clock(), err, sizeof err) < 0) {
		rc = cli_fail(EXIT_PARTIAL, "%s", err);
		goto out;
	}
	if (o.show) {
		rc = show_plan(cmd, &a, o.show, o.json, o.csv);
		goto out;
	}
	if (run_plan(&a, &r, err, sizeof err) < 0) {
		rc = cli_fail(EXIT_PARTIAL, "%s", err);
		goto out;
	}
	if (o.json) {
		struct json_out j;
		json_out_init(&j, stdout);
		app_plan_json(&j, &a, &r);
		rc = json_out_write(&j, stdout) == 0 ? EXIT_OK : EXIT_PARTIAL;
		json_out_done(&j);
	} else if (o.csv) {
		plan_render_csv(&a, &r.plan, stdout);
	} else {
		plan_render_text(&a, &r);
	}
	if (rc == EXIT_OK && o.save)
		rc = save_plan(&a, &r, o.save);
	if (rc == EXIT_OK && !r.plan.all_reachable) {
		for (size_t g = 0; g < r.plan.n_groups; g++)
			if (!r.plan.groups[g].reachable) {
				char key[PLAN_KEY_MAX];
				text_copy_clean(key, sizeof key, r.plan.groups[g].key);
				fprintf(stderr, "staketop plan: target %s cannot be met: %s\n", key,
				        r.plan.groups[g].why);
			}
		rc = EXIT_PARTIAL;
	}
out:
	app_plan_free(&r);
	app_close(&a);
	return rc;
}
