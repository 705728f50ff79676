/* paths.h — where staketop keeps its files. Flags win, then the
 * environment (STAKETOP_DB, STAKETOP_CONFIG, STAKETOP_DATA_DIR), then XDG
 * defaults: $XDG_DATA_HOME/staketop/staketop.db and
 * $XDG_CONFIG_HOME/staketop/config.ini (~/.local/share, ~/.config). */
#ifndef STAKETOP_PATHS_H
#define STAKETOP_PATHS_H

#include <stdbool.h>
#include <stddef.h>

#define STAKETOP_PATH_MAX 4096

struct paths {
	char db[STAKETOP_PATH_MAX];
	char config[STAKETOP_PATH_MAX];
	char user_catalog[STAKETOP_PATH_MAX]; /* assets.json beside the config */
	char data_dir[STAKETOP_PATH_MAX];     /* the shipped data files */
	bool config_named;  /* by --config or STAKETOP_CONFIG: it must exist */
};

/* db_flag / config_flag may be NULL. demo selects demo.db beside the user's
 * database instead of staketop.db (a flag or STAKETOP_DB still wins).
 * exe_path is argv[0]'s resolved path (or NULL) for finding data/ in a
 * source tree. */
int paths_resolve(const char *db_flag, const char *config_flag, bool demo, struct paths *p,
                  char *err, size_t errlen);

/* A file others may read or write (group or other rw bits): 1 and in msg
 * a warning naming the file, its mode and the chmod that fixes it (the
 * path made printable); 0 when it is private or absent. */
int path_exposed_warning(const char *path, char *msg, size_t len);

/* Join dir and name into out. -1 when it does not fit. */
int path_join(char *out, size_t outlen, const char *dir, const char *name);

#endif
