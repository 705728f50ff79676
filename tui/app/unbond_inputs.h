/* unbond_inputs.h — the live inputs unbonding estimates use (the Solana
 * epoch seen by the last refresh), read from the store. */
#ifndef STAKETOP_UNBOND_INPUTS_H
#define STAKETOP_UNBOND_INPUTS_H

#include <stdint.h>

#include "positions/unbonding.h"
#include "pricing/refresh.h"
#include "tui/app/app.h"

/* Fill in from what the store remembers; absent inputs stay has = false. */
void unbond_inputs_load(struct app *a, int64_t now, struct unbond_inputs *in);

/* Remember the epoch a refresh saw (inside the caller's transaction). */
int unbond_inputs_save_epoch(struct app *a, const struct epoch_seen *e, char *err,
                             size_t errlen);

#endif
