#!/bin/sh
# The planner on 1,000 positions / 1,000,000 observations (the bench-seed
# file bench_report.sh uses): recomputing the plan after a keystroke, bare
# (bench_plan) and through the planner screen (bench_planner) (target
# < 2 ms), and `plan --json` against `report --json` on the same file
# (target: within 1.5x), medians of 21 runs by tests/tools/timeit.
BUILD=${BUILD:-build}
T=${BENCH_DIR:-$BUILD/bench}
mkdir -p "$T"
DB="$T/bench.db"
if [ ! -f "$DB" ]; then
	echo "building $DB (1,000 positions, 1,000,000 observations)..."
	"$BUILD/rel/tests/tools/bench-seed" "$DB" 1000 1000000 || exit 1
fi
export XDG_CONFIG_HOME="$T/cfg"
status=0
"$BUILD/rel/tests/bench/bench_plan" "$DB" || status=1
"$BUILD/rel/tests/bench/bench_planner" "$DB" || status=1
ST="$BUILD/staketop"
TG=native=40,liquid=40,restaked=20
"$BUILD/rel/tests/tools/timeit" 2 "$ST" --db "$DB" --offline report --json >/dev/null || exit 1
"$BUILD/rel/tests/tools/timeit" 2 "$ST" --db "$DB" --offline plan --target "$TG" --json >/dev/null || exit 1
rep=$("$BUILD/rel/tests/tools/timeit" 21 "$ST" --db "$DB" --offline report --json)
pln=$("$BUILD/rel/tests/tools/timeit" 21 "$ST" --db "$DB" --offline plan --target "$TG" --json)
# timeit prints "median X ms, best Y ms over N runs"
r=$(echo "$rep" | awk '{ print $2 }')
p=$(echo "$pln" | awk '{ print $2 }')
ratio=$(awk -v p="$p" -v r="$r" 'BEGIN { printf "%.2f", p / r }')
printf "report --json: %s\nplan --json:   %s\nplan/report: %sx (target <= 1.5x)\n" "$rep" "$pln" "$ratio"
awk -v x="$ratio" 'BEGIN { exit !(x <= 1.5) }' || status=1
exit $status
