/* config_write.c — replace the [alerts] section of the config file. */
#include "data/config_write.h"
#include "data/config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Is line a section header, and is it [alerts]? */
static bool section(const char *line, bool *alerts)
{
	while (isspace((unsigned char)*line))
		line++;
	if (*line != '[')
		return false;
	const char *end = strchr(line, ']');
	*alerts = end && (size_t)(end - line - 1) == 6 && strncmp(line + 1, "alerts", 6) == 0;
	return true;
}

static void write_rules(FILE *out, const struct alert_rules *r)
{
	fprintf(out, "[alerts]\n");
	fprintf(out, "premium_bps = %d\n", r->premium_bps);
	for (size_t i = 0; i < r->n_token; i++)
		fprintf(out, "premium_bps.%s = %d\n", r->token[i].sym, r->token[i].bps);
	fprintf(out, "claimable = %s\n", r->claimable ? "true" : "false");
	fprintf(out, "stale = %s\n", r->stale ? "true" : "false");
	fprintf(out, "move_pct = %g\n", r->move_pct);
	fprintf(out, "health_factor = %g\n", r->health_factor);
	fprintf(out, "bell = %s\n", r->bell ? "true" : "false");
}

int config_write_alerts(const char *path, const struct alert_rules *r, char *err,
                        size_t errlen)
{
	char tmp[4200], line[1024];
	FILE *in = fopen(path, "r"), *out = NULL;
	bool skipping = false;
	if (!in && errno != ENOENT) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || !(out = fdopen(fd, "w"))) {
		snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
		if (fd >= 0)
			close(fd);
		if (in)
			fclose(in);
		return -1;
	}
	while (in && fgets(line, sizeof line, in)) {
		bool alerts;
		if (section(line, &alerts))
			skipping = alerts;
		if (!skipping)
			fputs(line, out);
	}
	if (in)
		fclose(in);
	write_rules(out, r);
	if (fclose(out) != 0) {
		snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
		unlink(tmp);
		return -1;
	}
	/* it must load before it replaces the file */
	struct config check;
	config_defaults(&check);
	if (config_load_file(tmp, true, &check, err, errlen) < 0) {
		unlink(tmp);
		return -1;
	}
	if (rename(tmp, path) != 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}
