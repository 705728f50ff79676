#!/bin/sh
# make bench: every benchmark script in tests/bench/, each printing its
# figures as "name: value unit (target ...)".
BUILD=${BUILD:-build}
export BUILD
export STAKETOP_DATA_DIR="$(pwd)/data"
export FIXTURE_SERVER="$BUILD/rel/tests/tools/fixture-server"
status=0
for b in tests/bench/bench_*.sh; do
	[ -f "$b" ] || continue
	echo "== $b"
	sh "$b" || status=1
done
exit $status
