#!/bin/sh
# What recording snapshots adds to a refresh of 1,000 positions.
BUILD=${BUILD:-build}
T=${BENCH_DIR:-$BUILD/bench}
mkdir -p "$T"
T=$(cd "$T" && pwd)
DB="$T/snapshots.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
"$BUILD/rel/tests/tools/bench-seed" "$DB" 1000 100000 >/dev/null || exit 1
XDG_CONFIG_HOME="$T/cfg" "$BUILD/rel/tests/bench/bench_snapshots" "$DB"
