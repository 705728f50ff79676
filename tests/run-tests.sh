#!/bin/sh
# Runs every test: the cmocka unit tests (sanitizer build), the include
# arrows (tests/layout.sh), then the end-to-end tests in tests/tui/ and
# tests/cli/. Prints one line per test binary
# or script and a closing line "N passed, N failed".
BUILD=${BUILD:-build}
export BUILD
export FIXTURE_SERVER="$BUILD/rel/tests/tools/fixture-server"
export STAKETOP_TEST_DIR=tests
export STAKETOP_DATA_DIR="$(pwd)/data"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
# tests never read the user's files
tmp_home=$(mktemp -d)
trap 'rm -rf "$tmp_home"' EXIT
export HOME="$tmp_home" XDG_DATA_HOME="$tmp_home/data" XDG_CONFIG_HOME="$tmp_home/config"
unset STAKETOP_DB STAKETOP_CONFIG STAKETOP_NOW

pass=0
fail=0
failed=""
log_dir="$BUILD/test-logs"
mkdir -p "$log_dir"

run() {
	name=$1
	shift
	log="$log_dir/$(echo "$name" | tr '/' '_').log"
	start=$(date +%s)
	if "$@" >"$log" 2>&1; then
		pass=$((pass + 1))
		cases=$(grep -Eo 'PASSED +\] [0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1)
		echo "ok    $name${cases:+ ($cases cases)} $(($(date +%s) - start))s"
	else
		fail=$((fail + 1))
		failed="$failed $name"
		echo "FAIL  $name (log: $log)"
		tail -n 30 "$log" | sed 's/^/      /'
	fi
}

for t in $(find "$BUILD/san/tests" -type f -name 'test_*' ! -name '*.o' ! -name '*.d' 2>/dev/null | sort); do
	# a binary left by a test since moved or removed is not run
	[ -f "${t#"$BUILD/san/"}.c" ] || continue
	run "${t#"$BUILD/san/"}" "$t"
done
# the include arrows between the folders (README.md, Layout)
run tests/layout.sh sh tests/layout.sh
for t in tests/tui/test_*.sh tests/cli/test_*.sh; do
	[ -f "$t" ] || continue
	run "$t" sh "$t"
done

echo
[ -n "$failed" ] && echo "failed:$failed"
echo "tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
