/* loan.h — a looped (leveraged) staking position recorded by the user: a
 * lending position with collateral (a token and amount), debt (an asset
 * and amount) and the market's liquidation threshold. Pure: the values of
 * collateral and debt in (each valued by positions/valuation.c like any
 * position, at NAV in the display currency), its health out.
 *
 *   health factor      HF = collateral × LT / debt
 *   liquidation at     d* = 1 − debt / (collateral × LT) = 1 − 1/HF: the
 *                      discount of the collateral to its NAV (a depeg, or
 *                      a fall of its price) at which HF reaches 1; 0 when
 *                      it is already liquidatable
 *   depeg stress at d  (the debt asset unmoved, the collateral at NAV ×
 *                      (1 − d), for d of 1, 5 and 10 % as risk.h):
 *                      HF_d = HF × (1 − d), liquidated when HF_d < 1,
 *                      equity_d = collateral × (1 − d) − debt,
 *                      loss_d = collateral × d
 * With no collateral or debt value (no price, no rate) nothing is computed
 * and `missing` says which; a debt of 0 has no health factor (has_hf). */
#ifndef STAKETOP_LOAN_H
#define STAKETOP_LOAN_H

#include <stdbool.h>
#include <stdint.h>

#include "positions/asset.h"
#include "positions/decimal.h"
#include "positions/position.h"
#include "positions/risk.h"

struct loan {
	int64_t id;
	char account[ACCOUNT_MAX];
	char collateral[SYM_MAX];     /* catalog symbol */
	dec_t collateral_amount;
	char debt[SYM_MAX];           /* catalog symbol */
	dec_t debt_amount;
	double liq_threshold;         /* (0, 1]: 0.81 for wstETH on Aave v3 */
	char note[POS_NOTE_MAX];
	int64_t created_at;
};

struct loan_stress {
	double discount;
	bool has_hf;
	double hf;
	long double equity, loss;
	bool liquidated;
};

struct loan_health {
	bool has;                     /* both values known */
	const char *missing;          /* static: "no value for the collateral", … */
	long double collateral, debt, equity;
	bool has_hf;                  /* debt > 0 */
	double hf;
	double liq_discount;          /* 0 .. 1; 0 when liquidatable now */
	bool liquidatable;            /* hf < 1 */
	struct loan_stress stress[RISK_DEPEG_LEVELS];
};

/* collateral and debt: the NAVs (NAN when unknown); lt in (0, 1]. */
void loan_health(long double collateral, long double debt, double lt, struct loan_health *out);

#endif
