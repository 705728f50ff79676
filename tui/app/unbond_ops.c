/* unbond_ops.c — unbond requests and the sell-now route, for the commands
 * and the interface alike. */
#include "tui/app/unbond_ops.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "data/positions_db.h"
#include "positions/text.h"

#include "positions/timeutil.h"
#include "pricing/queue_estimate.h"
#include "tui/app/unbond_inputs.h"

int unbond_parse_amount(const struct asset *as, const char *text, dec_t *out, char *err,
                        size_t errlen)
{
	dec_t q;
	if (dec_parse(text ? text : "", as->decimals, &q, err, errlen) < 0)
		return -1;
	if (dec_is_zero(q)) {
		snprintf(err, errlen, "must be more than 0");
		return -1;
	}
	*out = q;
	return 0;
}

int unbond_parse_time(const char *text, int64_t now, int64_t *out, char *err, size_t errlen)
{
	if (!text || !text[0] || strcmp(text, "now") == 0) {
		*out = now;
		return 0;
	}
	if (time_parse_iso(text, out, err, errlen) < 0)
		return -1;
	if (*out > now) {
		char iso[ISO_TIME_LEN];
		time_format_iso(now, iso, sizeof iso);
		snprintf(err, errlen, "in the future (now is %s)", iso);
		return -1;
	}
	return 0;
}

int unbond_eta_for(struct app *a, const struct asset *as, int64_t at,
                   const struct unbond_queue_api *q, struct unbond_eta *eta)
{
	struct unbond_inputs in;
	unbond_inputs_load(a, at, &in);
	if (q)
		in.queue = *q;
	return unbond_estimate(&as->unbond, at, &in, eta);
}

bool unbond_sell_now(const struct valuation *v, const struct unbonding *x, int64_t now,
                     struct exit_choice *out)
{
	if (!v || !v->asset || x->claimed || v->kind == ASSET_NATIVE ||
	    v->asset->model == MODEL_NATIVE || v->asset->model == MODEL_RESTAKED_SHARES)
		return false;
	if (!v->exchange_rate.has || !v->price_underlying.has || !v->price_market.has)
		return false;
	exit_compare(dec_to_ld(x->amount), v->exchange_rate.v * v->price_underlying.v,
	             v->price_market.v, unbond_seconds_left(x, now), out);
	return true;
}

int unbond_queue_estimate(const struct app *a, const struct asset *as, dec_t amount, int64_t now,
                          struct unbond_queue_api *out, char *err, size_t errlen)
{
	const struct queue_estimate_source src = {
		.lido_wq_url = a->cfg.lido_wq_url,
		.timeout_seconds = a->cfg.timeout_seconds,
		.offline = a->offline,
	};
	return queue_estimate_fetch(&src, as, amount, now, out, err, errlen);
}

int unbond_request(struct app *a, int64_t position_id, dec_t amount, int64_t at,
                   const struct unbond_eta *eta, struct unbonding *out, char *err,
                   size_t errlen)
{
	/* a chain position's exits are read from the chain: one typed here
	 * would be counted again when the chain shows it */
	struct position p;
	int g = store_position_get(a->store, position_id, &p, err, errlen);
	if (g < 0)
		return -1;
	if (g == 0 && p.origin == ORIGIN_CHAIN) {
		snprintf(err, errlen, "position %" PRId64 " is read from the chain (%s): its"
		         " unbondings are read from there at each refresh", position_id, p.account);
		text_sanitize(err);
		return -1;
	}
	return store_unbond_request(a->store, position_id, amount, at, eta, out, err, errlen);
}

int unbond_claim(struct app *a, int64_t position_id, int64_t now, int *n_claimed, char *err,
                 size_t errlen)
{
	return store_claim(a->store, position_id, now, n_claimed, err, errlen);
}
