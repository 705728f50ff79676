/* timeit — run a command N times (stdout to /dev/null) and print the
 * median and best wall time in ms, measured around fork/exec/wait with a
 * monotonic clock, so the figure is the command's own and not a shell's.
 *
 * usage: timeit N COMMAND [ARG...]   (exits 1 if any run fails) */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tests/tools/bench_clock.h"

int main(int argc, char **argv)
{
	int n = argc > 2 ? atoi(argv[1]) : 0;
	if (n < 1 || n > 10000) {
		fprintf(stderr, "usage: timeit N COMMAND [ARG...]\n");
		return 2;
	}
	double *t = calloc((size_t)n, sizeof *t);
	if (!t)
		return 1;
	for (int i = 0; i < n; i++) {
		double t0 = bench_now_ms();
		pid_t pid = fork();
		if (pid < 0)
			return 1;
		if (pid == 0) {
			int fd = open("/dev/null", O_WRONLY);
			if (fd >= 0)
				dup2(fd, STDOUT_FILENO);
			execvp(argv[2], argv + 2);
			_exit(127);
		}
		int st;
		if (waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
			fprintf(stderr, "timeit: %s failed\n", argv[2]);
			free(t);
			return 1;
		}
		t[i] = bench_now_ms() - t0;
	}
	qsort(t, (size_t)n, sizeof *t, bench_cmp_double);
	printf("median %.2f ms, best %.2f ms over %d runs\n", t[n / 2], t[0], n);
	free(t);
	return 0;
}
