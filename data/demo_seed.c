/* demo_seed.c — the demo portfolio and its offline snapshot, from data/. */
#include "data/demo_seed.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/catalog_load.h"
#include "data/events_db.h"
#include "data/observations_db.h"
#include "data/paths.h"
#include "data/positions_db.h"
#include "positions/decimal.h"
#include "positions/timeutil.h"
#include "positions/unbonding.h"

#define DEMO_MAX_BYTES (1024u * 1024u)

static cJSON *load_json(const char *path, char *err, size_t errlen)
{
	char *text;
	size_t len;
	if (read_file_limited(path, DEMO_MAX_BYTES, &text, &len, err, errlen) < 0)
		return NULL;
	cJSON *root = cJSON_ParseWithLength(text, len);
	free(text);
	if (!root)
		snprintf(err, errlen, "%s: malformed JSON", path);
	return root;
}

static int add_group(const cJSON *obj, enum obs_kind kind, const struct catalog *cat,
                     int64_t ts, const char *path, struct obs_list *out, char *err,
                     size_t errlen)
{
	if (!cJSON_IsObject(obj)) {
		snprintf(err, errlen, "%s: expected objects \"prices\", \"rates\", \"aprs\"", path);
		return -1;
	}
	for (const cJSON *it = obj->child; it; it = it->next) {
		const struct asset *a = catalog_find(cat, it->string);
		if (!a) {
			snprintf(err, errlen, "%s: %s.%s: no such asset in the catalog", path,
			         obs_kind_name(kind), it->string);
			return -1;
		}
		const char *why = cJSON_IsNumber(it) ? obs_value_check(kind, it->valuedouble)
		                                     : "not a number";
		if (why) {
			snprintf(err, errlen, "%s: %s of %s: %s", path, obs_kind_name(kind), a->symbol,
			         why);
			return -1;
		}
		struct observation o = { .kind = kind, .ts = ts, .value = it->valuedouble };
		snprintf(o.asset, sizeof o.asset, "%s", a->symbol);
		snprintf(o.source, sizeof o.source, "snapshot");
		if (obs_list_push(out, &o) < 0) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
	}
	return 0;
}

int demo_snapshot_load(const char *path, const struct catalog *cat, struct obs_list *out,
                       int64_t *taken_at, char *err, size_t errlen)
{
	int rc = -1;
	cJSON *root = load_json(path, err, errlen);
	if (!root)
		return -1;
	const cJSON *t = cJSON_GetObjectItemCaseSensitive(root, "taken_at");
	if (!cJSON_IsString(t) || time_parse_iso(t->valuestring, taken_at, err, errlen) < 0) {
		snprintf(err, errlen, "%s: \"taken_at\" must be an ISO-8601 time", path);
		goto out;
	}
	if (add_group(cJSON_GetObjectItemCaseSensitive(root, "prices"), OBS_PRICE, cat, *taken_at,
	              path, out, err, errlen) < 0 ||
	    add_group(cJSON_GetObjectItemCaseSensitive(root, "rates"), OBS_RATE, cat, *taken_at, path,
	              out, err, errlen) < 0 ||
	    add_group(cJSON_GetObjectItemCaseSensitive(root, "aprs"), OBS_APR, cat, *taken_at, path,
	              out, err, errlen) < 0)
		goto out;
	rc = 0;
out:
	cJSON_Delete(root);
	return rc;
}

static const char *str_field(const cJSON *o, const char *k)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(o, k);
	return cJSON_IsString(it) ? it->valuestring : NULL;
}

/* Rate of the share-rate asset in the snapshot, for rebasing positions. */
static int share_rate(const struct obs_list *obs, const char *sym, dec_t *out)
{
	for (size_t i = 0; i < obs->n; i++)
		if (obs->v[i].kind == OBS_RATE && strcmp(obs->v[i].asset, sym) == 0)
			return dec_from_double(obs->v[i].value, out);
	return -1;
}

static int seed_position(struct store *s, const struct catalog *cat, const cJSON *e,
                         const struct obs_list *obs, int64_t now, const char *path, int idx,
                         char *err, size_t errlen)
{
	char why[160];
	const char *sym = str_field(e, "asset"), *amount = str_field(e, "amount");
	const char *account = str_field(e, "account");
	const struct asset *a = sym ? catalog_find(cat, sym) : NULL;
	struct position p = { 0 };
	if (!a || !amount || !account) {
		snprintf(err, errlen, "%s: position %d: needs a catalog asset, an amount and an account",
		         path, idx + 1);
		return -1;
	}
	if (dec_parse(amount, a->decimals, &p.quantity, why, sizeof why) < 0) {
		snprintf(err, errlen, "%s: position %d: amount: %s", path, idx + 1, why);
		return -1;
	}
	snprintf(p.asset, sizeof p.asset, "%s", a->symbol);
	snprintf(p.account, sizeof p.account, "%s", account);
	const char *opened = str_field(e, "opened"), *note = str_field(e, "note");
	int64_t opened_ts = now;
	if (opened) {
		if (date_parse(opened, &opened_ts, why, sizeof why) < 0) {
			snprintf(err, errlen, "%s: position %d: opened: %s", path, idx + 1, why);
			return -1;
		}
		snprintf(p.opened, sizeof p.opened, "%s", opened);
	}
	if (note)
		snprintf(p.note, sizeof p.note, "%s", note);
	dec_t rate;
	struct ratio r;
	if (a->model == MODEL_REBASING && share_rate(obs, a->share_rate_from, &rate) == 0 &&
	    ratio_from_dec(rate, &r) == 0)
		(void)position_set_shares(&p, r);
	if (store_position_add(s, &p, err, errlen) < 0)
		return -1;
	struct event ev = { .position_id = p.id, .type = EVENT_STAKE, .has_amount = true,
		            .amount = p.quantity, .ts = opened_ts };
	snprintf(ev.note, sizeof ev.note, "opened");
	if (store_event_add(s, &ev, err, errlen) < 0)
		return -1;

	const cJSON *ub = cJSON_GetObjectItemCaseSensitive(e, "unbond");
	if (!ub)
		return 0;
	const char *ua = str_field(ub, "amount");
	const cJSON *ago = cJSON_GetObjectItemCaseSensitive(ub, "requested_days_ago");
	dec_t uamount;
	if (!ua || !cJSON_IsNumber(ago) || dec_parse(ua, a->decimals, &uamount, why, sizeof why) < 0) {
		snprintf(err, errlen, "%s: position %d: unbond needs amount and requested_days_ago",
		         path, idx + 1);
		return -1;
	}
	int64_t at = now - (int64_t)llround(ago->valuedouble * 86400);
	struct unbond_inputs in = { 0 };
	struct unbond_eta eta;
	if (unbond_estimate(&a->unbond, at, &in, &eta) < 0) {
		snprintf(err, errlen, "%s: position %d: %s has no unbonding rule", path, idx + 1,
		         a->symbol);
		return -1;
	}
	struct unbonding u;
	return store_unbond_request(s, p.id, uamount, at, &eta, &u, err, errlen);
}

int demo_seed(struct store *s, const struct catalog *cat, const char *data_dir, int64_t now,
              char *err, size_t errlen)
{
	char demo_path[STAKETOP_PATH_MAX], snap_path[STAKETOP_PATH_MAX];
	int64_t n_pos = 0, taken_at = 0;
	struct obs_list obs = { 0 };
	cJSON *root = NULL;
	int rc = -1;

	if (store_positions_count(s, &n_pos, err, errlen) < 0)
		return -1;
	if (n_pos > 0)
		return 0;
	if (path_join(demo_path, sizeof demo_path, data_dir, "demo.json") < 0 ||
	    path_join(snap_path, sizeof snap_path, data_dir, "snapshot.json") < 0) {
		snprintf(err, errlen, "data directory path is too long");
		return -1;
	}
	if (demo_snapshot_load(snap_path, cat, &obs, &taken_at, err, errlen) < 0)
		goto out;
	root = load_json(demo_path, err, errlen);
	if (!root)
		goto out;
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, "positions");
	if (!cJSON_IsArray(arr)) {
		snprintf(err, errlen, "%s: expected a \"positions\" array", demo_path);
		goto out;
	}
	if (store_begin(s, err, errlen) < 0)
		goto out;
	if (store_observations_add(s, obs.v, obs.n, taken_at, err, errlen) < 0)
		goto rollback;
	int idx = 0;
	for (const cJSON *e = arr->child; e; e = e->next, idx++)
		if (seed_position(s, cat, e, &obs, now, demo_path, idx, err, errlen) < 0)
			goto rollback;
	char ts[32];
	snprintf(ts, sizeof ts, "%lld", (long long)taken_at);
	if (store_meta_set(s, "snapshot_taken_at", ts, err, errlen) < 0)
		goto rollback;
	if (store_commit(s, err, errlen) < 0)
		goto rollback;
	rc = 0;
	goto out;
rollback:
	{
		char ignore[64];
		store_rollback(s, ignore, sizeof ignore);
	}
out:
	cJSON_Delete(root);
	obs_list_free(&obs);
	return rc;
}
