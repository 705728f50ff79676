/* loans_db.h — looped positions (positions/loan.h) in the store: added
 * and listed. Exported and imported with the other tables (data/tables.c).
 * Every function returns 0, or -1 with a message in err. The array from
 * store_loans_list is the caller's to free (free()). */
#ifndef STAKETOP_LOANS_DB_H
#define STAKETOP_LOANS_DB_H

#include <stddef.h>
#include <stdint.h>

#include "data/store.h"
#include "positions/loan.h"

/* Add l (its id is ignored); *id (may be NULL) gets the new one. */
int store_loan_add(struct store *s, const struct loan *l, int64_t *id, char *err, size_t errlen);
/* Every loan, by id. *out is NULL when there are none. */
int store_loans_list(struct store *s, struct loan **out, size_t *n, char *err, size_t errlen);

#endif
