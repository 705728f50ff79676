/* backup.h — a consistent copy of the open database, made with SQLite's
 * online backup API while other connections (and processes) may write.
 * Returns 0, or -1 with a message in err. */
#ifndef STAKETOP_BACKUP_H
#define STAKETOP_BACKUP_H

#include <stddef.h>

#include "data/store.h"

/* Copy s into a new file at dest (mode 0600): written as dest.tmp, checked
 * with PRAGMA integrity_check, then renamed over dest. An existing dest is
 * refused unless overwrite. The pages are copied in one read transaction,
 * so the copy is one consistent state while writers go on (WAL). */
int store_backup(struct store *s, const char *dest, int overwrite, char *err, size_t errlen);

#endif
