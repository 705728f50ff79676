/* plans_db.h — saved rebalancing plans in the store: a name, when, the
 * targets as given (canonical text), the settings, the inputs (the valued
 * positions the plan was computed from) and the result, the last three as
 * JSON text written by the caller (the store does not read them).
 *
 * Every function returns 0, or -1 with a message in err; store_plan_get
 * returns 1 when there is no such plan. Strings in a struct plan_record
 * are owned by it: free with plan_record_free; arrays from
 * store_plans_list with plan_records_free. */
#ifndef STAKETOP_PLANS_DB_H
#define STAKETOP_PLANS_DB_H

#include <stddef.h>
#include <stdint.h>

#include "data/store.h"

#define PLAN_NAME_MAX 64

struct plan_record {
	int64_t id;
	char name[PLAN_NAME_MAX + 1];
	int64_t created_at;
	char *targets, *settings, *inputs, *result;  /* NULL in a list */
};

/* Save a plan in one transaction; *id (may be NULL) is its new id. The
 * name is 1..64 bytes. */
int store_plan_save(struct store *s, const char *name, int64_t created_at,
                    const char *targets, const char *settings, const char *inputs,
                    const char *result, int64_t *id, char *err, size_t errlen);

/* Every plan, newest first, with id, name, created_at and targets (the
 * JSON texts are left NULL). *out is NULL when there are none. */
int store_plans_list(struct store *s, struct plan_record **out, size_t *n,
                     char *err, size_t errlen);

/* One plan with every field. */
int store_plan_get(struct store *s, int64_t id, struct plan_record *out,
                   char *err, size_t errlen);

void plan_record_free(struct plan_record *r);
void plan_records_free(struct plan_record *v, size_t n);

#endif
