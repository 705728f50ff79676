#!/bin/sh
# With the real clock: an unbonding countdown on screen ticks each second
# and turns into "claimable" when due; with none on screen, the interface
# sleeps.
. tests/tui/lib.sh

UI_ENV="env"
"$ST" --db "$DB" add --asset ATOM --amount 10 --account keplr >/dev/null
"$ST" --db "$DB" add --asset ATOM --amount 5 --account cold >/dev/null
# ATOM unbonds in 21 days (fixed); a request made 21 days minus 100 s ago is
# due in 100 s, one made 21 days minus 4 s ago in 4 s
iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }
now=$(date +%s)
"$ST" --db "$DB" unbond 1 --amount 1 --at "$(iso $((now - 21 * 86400 + 100)))" >/dev/null
"$ST" --db "$DB" unbond 2 --amount 2 --at "$(iso $((now - 21 * 86400 + 4)))" >/dev/null

shell_start
ui_start --db "$DB" --offline
wait_for " 1m [0-9][0-9]s$"
check "a countdown of about 1m 40s on the board" 'row_of ATOM | grep -Eq " 1m [0-9]{2}s$"'
v1=$(screen | grep -Eo "1m [0-9]{2}s$" | head -1)
wait_gone "$v1\$" 4
check "it ticks: the seconds change by themselves" '! screen | grep -q "$v1\$"'
check "the other one turns claimable when due" 'wait_for "claimable$" 10'
# (no price: the exits have no NAV, "-")
check "the header names the soonest pending one" 'line 3 | grep -Eq "Unbonding \(2\) - · 2 ATOM (claimable|in [0-9]s)"'
keys q
wait_for "exit=0"
check "q quits" 'screen | grep -q "exit=0"'
keys -l clear
keys Enter
wait_gone "exit=0"

# No countdown under an hour on screen (the demo's is 16 days; ages are
# days): the interface sleeps. Its CPU time over 3 s stays under 3 clock
# ticks (30 ms at 100 Hz), sanitizer build included.
ui_start --db "$T/demo.db" --demo --offline
pid=$(pgrep -n -f "$ST --db $T/demo.db")
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
sleep 0.5
c0=$(cpu "$pid")
sleep 3
c1=$(cpu "$pid")
check "idle: no busy loop ($((c1 - c0)) ticks in 3 s)" '[ $((c1 - c0)) -lt 3 ]'
keys q
wait_for "exit=0"
done_testing
