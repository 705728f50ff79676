/* loans.h — looped positions, as both faces use them: recorded (checked
 * against the catalog first) and listed valued — collateral and debt each
 * valued like any position (positions/valuation.c, the app's market and
 * clock), then their health (positions/loan.c).
 *
 * Memory: the array from app_loans_load is the caller's (free()). */
#ifndef STAKETOP_APP_LOANS_H
#define STAKETOP_APP_LOANS_H

#include <stddef.h>
#include <stdint.h>

#include "positions/loan.h"
#include "positions/valuation.h"
#include "tui/app/app.h"

struct app_loan {
	struct loan loan;
	struct valuation collateral, debt;
	struct loan_health health;
};

/* The text fields of l are checked (symbols of the catalog, stored in
 * their canonical case; amounts above 0; threshold in (0, 1]; account 1..63
 * bytes, note, without control characters) and l is added. 0, or -1 with
 * err naming what was wrong. */
int app_loan_add(struct app *a, struct loan *l, int64_t *id, char *err, size_t errlen);

/* Every loan, valued as of the app's last load. 0, or -1 with err. */
int app_loans_load(const struct app *a, struct app_loan **out, size_t *n, char *err,
                   size_t errlen);

#endif
