#!/bin/sh
# staketop report --json on 1,000 positions and 1,000,000 observations.
# Target: under 20 ms wall, the median of 21 runs.
BUILD=${BUILD:-build}
T=${BENCH_DIR:-$BUILD/bench}
mkdir -p "$T"
DB="$T/bench.db"
if [ ! -f "$DB" ]; then
	echo "building $DB (1,000 positions, 1,000,000 observations)..."
	"$BUILD/rel/tests/tools/bench-seed" "$DB" 1000 1000000 || exit 1
fi
export XDG_CONFIG_HOME="$T/cfg"
# two warm-up runs, then 21 timed by tests/tools/timeit (fork, exec, wait)
"$BUILD/rel/tests/tools/timeit" 2 "$BUILD/staketop" --db "$DB" --offline report --json >/dev/null || exit 1
printf "report --json, 1000 positions / 1000000 observations: %s (target < 20 ms)\n" \
	"$("$BUILD/rel/tests/tools/timeit" 21 "$BUILD/staketop" --db "$DB" --offline report --json)"
