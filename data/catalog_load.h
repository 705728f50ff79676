/* catalog_load.h — read the asset catalog from JSON: the built-in
 * data/assets.json, then a user's catalog that extends it or overrides
 * fields of existing entries (matched by symbol, without regard to case).
 *
 * A malformed catalog is refused whole, with a message naming the file, the
 * entry and the field; nothing half-loaded is returned. */
#ifndef STAKETOP_CATALOG_LOAD_H
#define STAKETOP_CATALOG_LOAD_H

#include <stddef.h>

#include "positions/asset.h"

/* Parse one catalog document (text of len bytes; name is used in messages)
 * into c, adding new entries and overriding fields of entries already in c.
 * On error c is left as it was. */
int catalog_merge_json(struct catalog *c, const char *text, size_t len, const char *name,
                       char *err, size_t errlen);

/* Load builtin_path (must exist) then user_path (NULL or absent is fine) and
 * check the result (underlying chains resolve, no loops). On success the
 * caller owns *out (catalog_free). */
int catalog_load(const char *builtin_path, const char *user_path, struct catalog *out,
                 char *err, size_t errlen);

/* Check cross-references: every underlying, share_rate_from, market_from and
 * base_apr_from names an entry; rate chains end and have no loop. */
int catalog_check(const struct catalog *c, const char *name, char *err, size_t errlen);

/* Read a whole file (at most max bytes) into a NUL-terminated buffer the
 * caller frees. */
int read_file_limited(const char *path, size_t max, char **out, size_t *len, char *err,
                      size_t errlen);

#endif
