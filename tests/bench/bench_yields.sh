#!/bin/sh
# Parsing a ~10 MB DefiLlama yields /pools response (18,000 pools).
# Targets: under 150 ms and under 80 MB peak memory.
BUILD=${BUILD:-build}
f="$BUILD/bench/yields-pools.json"
mkdir -p "$BUILD/bench"
[ -f "$f" ] || "$BUILD/rel/tests/tools/gen-yields" "$f" || exit 1
"$BUILD/rel/tests/bench/bench_yields" "$f"
