/* paths.c — resolving the database, config and data locations. */
#include "data/paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "positions/text.h"

#ifndef STAKETOP_DATADIR
#define STAKETOP_DATADIR "/usr/local/share/staketop"
#endif

int path_join(char *out, size_t outlen, const char *dir, const char *name)
{
	int n = snprintf(out, outlen, "%s/%s", dir, name);
	return n < 0 || (size_t)n >= outlen ? -1 : 0;
}

static int set(char *dst, const char *src, const char *what, char *err, size_t errlen)
{
	if (strlen(src) >= STAKETOP_PATH_MAX) {
		snprintf(err, errlen, "%s path is too long", what);
		return -1;
	}
	memcpy(dst, src, strlen(src) + 1);
	return 0;
}

/* $XDG_x_HOME, or $HOME/fallback. */
static int xdg_dir(const char *var, const char *fallback, char *out, size_t outlen, char *err,
                   size_t errlen)
{
	const char *v = getenv(var);
	if (v && v[0] == '/')
		return path_join(out, outlen, v, "staketop") < 0
		           ? (snprintf(err, errlen, "%s is too long", var), -1)
		           : 0;
	const char *home = getenv("HOME");
	if (!home || !home[0]) {
		snprintf(err, errlen, "neither %s nor HOME is set: give --db and --config", var);
		return -1;
	}
	int n = snprintf(out, outlen, "%s/%s/staketop", home, fallback);
	if (n < 0 || (size_t)n >= outlen) {
		snprintf(err, errlen, "HOME is too long");
		return -1;
	}
	return 0;
}

static int is_dir_with_catalog(const char *dir)
{
	char p[STAKETOP_PATH_MAX];
	struct stat st;
	return path_join(p, sizeof p, dir, "assets.json") == 0 && stat(p, &st) == 0 &&
	       S_ISREG(st.st_mode);
}

/* The shipped data: $STAKETOP_DATA_DIR, then beside the binary (installed
 * as PREFIX/bin with PREFIX/share/staketop, or in the source tree), then the
 * share directory the build was configured for. */
static int find_data_dir(char *out, size_t outlen, char *err, size_t errlen)
{
	if (outlen < STAKETOP_PATH_MAX) {
		snprintf(err, errlen, "internal: data path buffer too small");
		return -1;
	}
	const char *env = getenv("STAKETOP_DATA_DIR");
	if (env && env[0]) {
		if (!is_dir_with_catalog(env)) {
			snprintf(err, errlen, "STAKETOP_DATA_DIR=%s has no assets.json", env);
			return -1;
		}
		return set(out, env, "data", err, errlen);
	}
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = 0;
		/* installed: PREFIX/bin → PREFIX/share/staketop; source tree:
		 * build/staketop or build/san/staketop → data/ */
		const char *ups[] = { "/../share/staketop", "/../data", "/../../data",
			              "/../../../data" };
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = 0;
			for (size_t i = 0; i < sizeof ups / sizeof *ups; i++) {
				char cand[STAKETOP_PATH_MAX], real[PATH_MAX];
				snprintf(cand, sizeof cand, "%s%s", exe, ups[i]);
				if (is_dir_with_catalog(cand) && realpath(cand, real))
					return set(out, real, "data", err, errlen);
			}
		}
	}
	if (is_dir_with_catalog(STAKETOP_DATADIR))
		return set(out, STAKETOP_DATADIR, "data", err, errlen);
	snprintf(err, errlen, "cannot find the catalog (assets.json): not in %s; set STAKETOP_DATA_DIR",
	         STAKETOP_DATADIR);
	return -1;
}

int paths_resolve(const char *db_flag, const char *config_flag, bool demo, struct paths *p,
                  char *err, size_t errlen)
{
	char dir[STAKETOP_PATH_MAX];
	const char *env_db = getenv("STAKETOP_DB");
	const char *env_cfg = getenv("STAKETOP_CONFIG");
	memset(p, 0, sizeof *p);

	if (db_flag) {
		if (set(p->db, db_flag, "database", err, errlen) < 0)
			return -1;
	} else if (env_db && env_db[0] && !demo) {
		if (set(p->db, env_db, "database", err, errlen) < 0)
			return -1;
	} else {
		if (xdg_dir("XDG_DATA_HOME", ".local/share", dir, sizeof dir, err, errlen) < 0)
			return -1;
		if (path_join(p->db, sizeof p->db, dir, demo ? "demo.db" : "staketop.db") < 0) {
			snprintf(err, errlen, "database path is too long");
			return -1;
		}
	}
	p->config_named = config_flag || (env_cfg && env_cfg[0]);
	if (config_flag) {
		if (set(p->config, config_flag, "config", err, errlen) < 0)
			return -1;
	} else if (env_cfg && env_cfg[0]) {
		if (set(p->config, env_cfg, "config", err, errlen) < 0)
			return -1;
	} else {
		if (xdg_dir("XDG_CONFIG_HOME", ".config", dir, sizeof dir, err, errlen) < 0)
			return -1;
		if (path_join(p->config, sizeof p->config, dir, "config.ini") < 0) {
			snprintf(err, errlen, "config path is too long");
			return -1;
		}
	}
	/* the user catalog lives beside the config file */
	snprintf(dir, sizeof dir, "%s", p->config);
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = 0;
	else
		snprintf(dir, sizeof dir, ".");
	if (path_join(p->user_catalog, sizeof p->user_catalog, dir, "assets.json") < 0) {
		snprintf(err, errlen, "catalog path is too long");
		return -1;
	}
	return find_data_dir(p->data_dir, sizeof p->data_dir, err, errlen);
}

int path_exposed_warning(const char *path, char *msg, size_t len)
{
	struct stat st;
	char shown[STAKETOP_PATH_MAX];

	if (stat(path, &st) < 0 || !S_ISREG(st.st_mode) || (st.st_mode & 066) == 0)
		return 0;
	text_copy_clean(shown, sizeof shown, path);
	snprintf(msg, len, "%s can be %s by others (mode %04o); to fix: chmod 600 '%s'", shown,
	         (st.st_mode & 022) && (st.st_mode & 044) ? "read and written"
	         : (st.st_mode & 022) ? "written" : "read", (unsigned)(st.st_mode & 07777), shown);
	return 1;
}
