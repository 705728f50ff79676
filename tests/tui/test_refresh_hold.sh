#!/bin/sh
# A provider that rate-limited `staketop refresh` (429, Retry-After past the
# refresh deadline) is not asked again by the interface before the time it
# named: the interface's own refresh at start-up sends it nothing, and the
# feeds screen says until when.
. tests/tui/lib.sh

echo 'GET /api/v3 status=429 delay_ms=500 header=Retry-After:600' >"$T/fx/routes"
"$FIXTURE_SERVER" --routes "$T/fx/routes" --port-file "$T/fx/port" --verbose \
	>/dev/null 2>"$T/fx/log" &
FX_PID=$!
i=0
while [ ! -s "$T/fx/port" ] && [ "$i" -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
PORT=$(cat "$T/fx/port")
config_coingecko
hits() { grep -c "GET /api/v3" "$T/fx/log"; }

# NOW is 08:00:00; until = 08:00:00 + 1 s (the 0.5 s answer, rounded up)
# + 600 s = 08:10:01, said as the minute rounded up: 08:11
env STAKETOP_NOW=$NOW "$ST" --db "$DB" --demo --config "$T/config.ini" refresh >"$T/out" 2>&1
check "the command is rate limited until 08:11" \
	'grep "^coingecko " "$T/out" | grep -q "rate limited until 08:11"'
check "after one request" '[ "$(hits)" -eq 1 ]'

shell_start
ui_start --db "$DB" --demo --config "$T/config.ini"
wait_for "refresh: 1 of 1 feeds failed"
check "the interface's refresh fails that feed without asking it" \
	'screen | grep -q "refresh: 1 of 1 feeds failed"'
check "no request from the interface (still 1)" '[ "$(hits)" -eq 1 ]'
keys Tab
wait_for "rate limited until 08:11"
check "the feeds screen says until when" 'screen | grep -q "rate limited until 08:11"'
keys F2
wait_for "⟳ refreshing" 3
wait_for "refresh: 1 of 1 feeds failed"
check "F2 asks nothing either (still 1)" '[ "$(hits)" -eq 1 ]'
done_testing
