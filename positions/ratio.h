/* ratio.h — an exchange rate exactly as its source gave it: two unsigned
 * integers, num / den (an eth_call result over 10^18, a stake pool's
 * total_lamports over pool_token_supply, Marinade's msol_price over 2^32),
 * and exact arithmetic of decimal quantities with such rates. Pure; no
 * allocation. Text form "num/den" in decimal digits (at most 39 each). */
#ifndef STAKETOP_RATIO_H
#define STAKETOP_RATIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "positions/decimal.h"

__extension__ typedef unsigned __int128 ratio_u128;

struct ratio {
	ratio_u128 num, den;      /* den > 0, num > 0 */
};

/* "num/den" + NUL: 39 + 1 + 39 + 1 */
#define RATIO_STR_MAX 80

/* Parse "num/den" (digits only, both > 0, each fits 128 bits). 0 or -1. */
int ratio_parse(const char *s, struct ratio *out);
/* Write "num/den" into buf (RATIO_STR_MAX bytes). */
void ratio_format(struct ratio r, char *buf, size_t len);
/* A decimal as a ratio: d × 10^18 / 10^18; -1 when d <= 0. */
int ratio_from_dec(dec_t d, struct ratio *out);
/* num × 10^-scale as a ratio (scale <= 38); -1 when num is 0. */
int ratio_from_scaled(ratio_u128 num, unsigned scale, struct ratio *out);
/* num / den as a long double, for display. */
long double ratio_to_ld(struct ratio r);

/* q × now / then, exact, truncated to 18 decimals (the balance at rate now
 * of a quantity recorded at rate then). 0, or -1 when it does not fit. */
int ratio_rescale(dec_t q, struct ratio now, struct ratio then, dec_t *out);
/* q ÷ r, truncated to 18 decimals (shares for a balance). 0 or -1. */
int ratio_divide(dec_t q, struct ratio r, dec_t *out);

#endif
