/* config_write.h — writing the [alerts] section back into the config file
 * (the alerts screen edits the rules): every other line of the file stays
 * as it was, comments included; the old [alerts] section is replaced by
 * the new one at the end. Written to a temporary file beside it and
 * renamed over it (mode 0600), then read back with config_load_file, so a
 * file that would not load is never left in place. */
#ifndef STAKETOP_CONFIG_WRITE_H
#define STAKETOP_CONFIG_WRITE_H

#include <stddef.h>

#include "positions/alerts.h"

/* 0, or -1 with err naming the file and what failed. */
int config_write_alerts(const char *path, const struct alert_rules *r, char *err,
                        size_t errlen);

#endif
