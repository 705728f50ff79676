/* loan.c — a looped position's health factor, liquidation discount and
 * depeg stress (loan.h). */
#include "positions/loan.h"

#include <math.h>
#include <string.h>

static const double levels[RISK_DEPEG_LEVELS] = { 0.01, 0.05, 0.10 };

void loan_health(long double collateral, long double debt, double lt, struct loan_health *out)
{
	memset(out, 0, sizeof *out);
	for (size_t l = 0; l < RISK_DEPEG_LEVELS; l++)
		out->stress[l].discount = levels[l];
	if (isnan((double)collateral) || collateral < 0) {
		out->missing = "no value for the collateral";
		return;
	}
	if (isnan((double)debt) || debt < 0) {
		out->missing = "no value for the debt";
		return;
	}
	out->has = true;
	out->collateral = collateral;
	out->debt = debt;
	out->equity = collateral - debt;
	out->has_hf = debt > 0;
	if (out->has_hf) {
		out->hf = (double)(collateral * (long double)lt / debt);
		out->liquidatable = out->hf < 1;
		out->liq_discount = out->liquidatable ? 0 : 1 - 1 / out->hf;
	} else {
		out->liq_discount = 1;  /* no debt: never liquidated */
	}
	for (size_t l = 0; l < RISK_DEPEG_LEVELS; l++) {
		struct loan_stress *s = &out->stress[l];
		const long double d = (long double)s->discount;
		s->has_hf = out->has_hf;
		s->hf = out->has_hf ? out->hf * (1 - s->discount) : 0;
		s->liquidated = out->has_hf && s->hf < 1;
		s->equity = collateral * (1 - d) - debt;
		s->loss = collateral * d;
	}
}
