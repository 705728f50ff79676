#!/bin/sh
# staketop report --json on 1,000 positions and 1,000,000 observations.
# Target: under 20 ms wall. Prints the median of 15 runs (after 2 warm-up
# runs), measured with the shell's clock in nanoseconds.
BUILD=${BUILD:-build}
T=${BENCH_DIR:-$BUILD/bench}
mkdir -p "$T"
DB="$T/bench.db"
if [ ! -f "$DB" ]; then
	echo "building $DB (1,000 positions, 1,000,000 observations)..."
	"$BUILD/rel/tests/tools/bench-seed" "$DB" 1000 1000000 || exit 1
fi
export XDG_CONFIG_HOME="$T/cfg"
run() { "$BUILD/staketop" --db "$DB" --offline report --json >/dev/null || exit 1; }
run; run
times=""
for i in $(seq 15); do
	s=$(date +%s%N); run; e=$(date +%s%N)
	times="$times $(( (e - s) / 1000 ))"
done
med=$(echo $times | tr ' ' '\n' | sort -n | sed -n 8p)
best=$(echo $times | tr ' ' '\n' | sort -n | head -1)
printf "report --json, 1000 positions / 1000000 observations: median %d.%03d ms, best %d.%03d ms (target < 20 ms)\n" \
	$((med / 1000)) $((med % 1000)) $((best / 1000)) $((best % 1000))
