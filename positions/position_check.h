/* position_check.h — checking a position the user typed, shared by the
 * interface's forms and the command line (through tui/app/position_edit.h,
 * which writes it): catalog_find for the asset, dec_parse with the asset's
 * decimals for amounts, date_parse for the opening date, text checks for
 * account and note. Pure: no I/O.
 *
 * Messages name what is wrong without naming the field ("too many
 * decimals: 7 (at most 6 allowed) (ATOM has 6 decimals)"): the form shows
 * them beside the field, the command line prefixes its flag. */
#ifndef STAKETOP_POSITION_CHECK_H
#define STAKETOP_POSITION_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "positions/asset.h"
#include "positions/decimal.h"
#include "positions/position.h"

enum pe_field { PE_ASSET, PE_AMOUNT, PE_ACCOUNT, PE_OPENED, PE_COST, PE_NOTE, PE_FIELDS };

/* What the user typed; NULL is "not given" (edit: unchanged; add: the
 * default — account "default", no date, no cost basis, no note). */
struct position_input {
	const char *asset, *amount, *account, *opened, *cost_basis, *note;
};

#define PE_MSG_MAX 200
struct pe_errors {
	char msg[PE_FIELDS][PE_MSG_MAX];   /* "" when the field is fine */
	int n;                             /* fields with an error */
	int first;                         /* the first such field, or -1 */
};

/* Check a new position. 0 with *out ready to add and *opened_ts the time
 * of its 'stake' event (the opening date, else now); -1 with e filled. */
int pe_check_add(const struct catalog *cat, const struct position_input *in, int64_t now,
                 struct position *out, int64_t *opened_ts, struct pe_errors *e);

/* Check an edit of cur: only the fields given in `in` (amount, account,
 * opened, cost basis, note) change, by the rules an add follows (an
 * opening date YYYY-MM-DD, not empty and not after now; a cost basis a
 * plain decimal, "" removing it). 0 with *out = cur changed and *want the
 * new quantity (cur's when no amount is given); -1 with e filled. */
int pe_check_edit(const struct catalog *cat, const struct position *cur,
                  const struct position_input *in, int64_t now, struct position *out,
                  dec_t *want, struct pe_errors *e);

#endif
