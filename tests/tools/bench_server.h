/* bench_server.h — the loopback fixture server the benchmark programs
 * start: run tests/tools/fixture-server on a routes file, wait for the port
 * it writes (5 s at most). Header only, like bench_clock.h. */
#ifndef STAKETOP_BENCH_SERVER_H
#define STAKETOP_BENCH_SERVER_H

#include <fcntl.h>
#include <stdio.h>
#include <sys/types.h>
#include <unistd.h>

/* Start server (a path) serving routes, its port written to port_file.
 * The port, or 0 when it did not start; *pid the child to kill (or -1). */
static inline int bench_server_start(const char *server, const char *routes,
                                     const char *port_file, pid_t *pid)
{
	*pid = fork();
	if (*pid == 0) {
		int devnull = open("/dev/null", O_WRONLY);
		dup2(devnull, 1);
		execl(server, server, "--routes", routes, "--port-file", port_file, "--max-seconds",
		      "60", (char *)NULL);
		_exit(127);
	}
	int port = 0;
	for (int i = 0; i < 100 && !port && *pid > 0; i++) {
		FILE *pf = fopen(port_file, "r");
		if (pf) {
			if (fscanf(pf, "%d", &port) != 1)
				port = 0;
			fclose(pf);
		}
		if (!port)
			usleep(50000);
	}
	return port;
}

#endif
