#!/bin/sh
# The planner screen (P on the board) at 80x24, driven by keys and read
# back: the targets typed, the sum-to-100 message while they are off, the
# plan equal to `staketop plan --target ... --json` for the same targets
# (same trades, values, chosen routes, after-APY), a position still
# unbonding, the risk pane (with a looped position), saving under a name
# and reopening.
. tests/tui/lib.sh

TG=native=40,liquid=40,restaked=20
json=$(env STAKETOP_NOW=$NOW "$ST" --demo plan --target "$TG" --json)

# every line of the pane, page by page: at 80x24 with three targets the
# pane's title is screen line 9 ("lines A-B of N" on its right when it
# does not all fit) and its lines are screen lines 10 to 22. Each page
# adds the lines after the last one already read.
pane_all() {
	out="$T/pane.txt"
	: >"$out"
	got=0
	for i in 1 2 3 4 5 6; do
		range=$(line 9 | sed -n 's/.*lines \([0-9]*\)-\([0-9]*\) of \([0-9]*\).*/\1 \2 \3/p')
		[ -n "$range" ] || { screen | sed -n '10,22p' >>"$out"; break; }
		set -- $range
		screen | sed -n '10,22p' | awk -v a="$1" -v got="$got" 'a + NR - 1 > got' >>"$out"
		got=$2
		[ "$2" -lt "$3" ] || break
		keys PageDown
		wait_gone "lines $1-$2 of" 5
	done
	for i in 1 2 3 4 5 6; do keys PageUp; done
	cat "$out"
}

# a looped position for the risk pane: 10 wstETH against 8 ETH at LT 0.81,
# HF = 12.15 × 0.81 / 8 = 1.2301875, liquidated at 1 − 8/9.8415 = 18.7 %
# below NAV; equity 36,601.2675 − 24,099.6 = 12,501.67 (tests/cli/test_loans.sh)
env STAKETOP_NOW=$NOW "$ST" --demo loan add --collateral wstETH --amount 10 --debt ETH \
	--debt-amount 8 --threshold 0.81 --account aave >/dev/null

shell_start 80 24
ui_start --demo --offline
keys P
wait_for "PLANNER by kind"
check "P opens the planner, targets by kind at today's weights (they sum to 100)" \
	'screen | grep -q "targets sum to 100%" && screen | grep -Eq "^>native +38\.5% +39% "'
check "the bar shows the planner's keys at 80 columns" \
	'line 24 | grep -q "F5By F6Risk F7Save F8Plans F10Back"'

# native 39 -> 40 typed: 40 + 50 + 11 = 101, 1 over
keys 4 0
wait_for "_%"
check "typing 40 sets native at once: the sum is 101%, 1% over" \
	'screen | grep -q "targets sum to 101%: 1% over"'
check "the pane says no trades until the targets sum to 100" \
	'screen | grep -q "targets sum to 101%, not 100% (1% over): no trades until they do"'
# liquid 50 -> 40 with -: ten steps down; 40 + 40 + 11 = 91, 9 short
keys Down
for i in 1 2 3 4 5 6 7 8 9 10; do keys -- -; done
wait_for "targets sum to 91%"
check "ten - on liquid: 91%, 9% short" 'screen | grep -q "targets sum to 91%: 9% short"'
keys Down 2 0 Enter
wait_for "targets sum to 100%"
check "restaked typed 20: the sum is 100% again" \
	'screen | grep -q "targets sum to 100%" && screen | grep -Eq "^>restaked +11\.4% +20% +20\.0%"'

all=$(pane_all)
# the trades of the JSON, "action position value" with the value at 2 decimals
jtr=$(echo "$json" | jq -r '.trades[] | "\(.action) \(.position) \(.value * 100 | round / 100)"' | sort)
# the screen's trade lines: "add    #1  1.263189 ETH = 1.263189 ETH  3,805.29"
str=$(echo "$all" | awk '/^(add|reduce|use) +#[0-9]+ / { v = $NF; gsub(",", "", v); sub("#", "", $2);
	printf "%s %s %.2f\n", $1, $2, v }' | sort)
jn=$(echo "$jtr" | grep -c .)
check "the screen's trades are the JSON's for $TG ($jn trades: action, position, value)" \
	'[ "$jn" -gt 3 ] && [ "$(echo "$jtr" | awk "{ printf \"%s %s %.2f\\n\", \$1, \$2, \$3 }")" = "$str" ]'
# each reduction: the route JSON chose is the one marked cheaper on screen
jrt=$(echo "$json" | jq -r '.trades[] | select(.action == "reduce") | "\(.position) \(.route)"')
srt=$(echo "$all" | awk '/^reduce +#/ { p = $2; sub("#", "", p) }
	/<cheaper/ { r = ($0 ~ /redeem cost [^|]*<cheaper/) ? "redeem" : "swap"; print p, r }
	/unstake cost/ { print p, "unstake" }')
check "every reduction shows both routes and marks the one the JSON chose" \
	'[ -n "$jrt" ] && [ "$jrt" = "$srt" ]'
# blended APY after the plan, to 2 decimals of a percent
ja=$(echo "$json" | jq -r '.after.apy * 10000 | round / 100')
sa=$(echo "$all" | sed -n 's/^blended APY [0-9.]*% → \([0-9.]*\)%.*/\1/p')
check "blended APY after the plan: $sa% on screen, $ja% in the JSON" \
	'[ -n "$sa" ] && awk -v a="$sa" -v b="$ja" "BEGIN { exit !(a + 0 == b + 0) }"'
# the demo's ATOM position 10 has 250 ATOM unbonding (DOMAIN: an unbond
# takes its amount out of the position at once); the plan never sells it
check "position 10 is noted as still unbonding 250 ATOM" \
	'echo "$all" | grep -Eq "^#10 still unbonding: 250(\.0+)? ATOM"'

# risk pane: concentration flagged above 33 %, and the depeg rows
keys R
wait_for "CONCENTRATION"
check "F6/R shows concentration with the chains above 33% flagged" \
	'screen | grep -Eq "^chain +ethereum +59\.9%! .*above the threshold"'
keys PageDown
wait_for "DEPEG"
check "the depeg stress rows at 1, 5 and 10%" \
	'screen | grep -Eq "^ +1% " && screen | grep -Eq "^ +5% " && screen | grep -Eq "^ +10% "'
check "the looped position with its HF and liquidation discount" \
	'screen | grep -q "^loan #1 wstETH/ETH: HF 1.23, equity 12,501.67, liquidated 18.7% below NAV"'
check "and its HF at each depeg level" \
	'screen | grep -Eq "^ +depeg 1%: HF 1\.22  5%: HF 1\.17  10%: HF 1\.11"'
keys R

# save under a name, list, reopen
keys S
wait_for "save the plan as"
keys -l "forty forty"
keys Enter
wait_for "saved plan 1 \"forty forty\""
check "S saves the plan under the name typed" 'screen | grep -q "saved plan 1 \"forty forty\""'
check "the store has it, with its targets" \
	'"$ST" --demo plan --list | grep -Eq "^ +1 forty forty .*native=40,liquid=40,restaked=20"'
keys z
wait_for "targets back to today"
keys L
wait_for "SAVED PLANS"
check "L lists the saved plans" 'screen | grep -Eq "^ +1  forty forty .*native=40,liquid=40,restaked=20"'
keys Enter
wait_for "reopened plan 1"
check "Enter reopens it: the targets are 40/40/20 again" \
	'screen | grep -Eq "^>native +38\.5% +40% +40\.0%" && screen | grep -Eq "^ restaked +11\.4% +20% +20\.0%"'
# by protocol (Tab: kind -> asset -> protocol): native stake is the
# protocol "native"; such a plan saves and reopens too
keys Tab Tab
wait_for "PLANNER by protocol"
check "Tab twice: targets by protocol, native stake among them" \
	'screen | grep -Eq "^>native +38\.5% +38% +38\.0%"'
keys S
wait_for "save the plan as"
keys -l "by protocol"
keys Enter
wait_for "saved plan 2"
# a plan written by another program, its name with an ESC sequence and
# invalid UTF-8 (the command line refuses such names): listed cleaned, last
DEMO_DB=$(find "$T/xdg-data" -name '*.db' | head -1)
sqlite3 "$DEMO_DB" "INSERT INTO plans(id, name, created_at, targets, settings, inputs, result)
	VALUES(50, 'x' || char(27) || '[31my' || cast(x'ff' AS TEXT), 0, 'native=100', '{}', '[]', '{}')"
keys L
wait_for "SAVED PLANS"
check "a hostile name in the list is shown cleaned (ESC and the bad byte as ?)" \
	'screen | grep -Eq "^ +50  x\?\[31my\? "'
keys Enter
wait_for "reopened plan|plan 2"
check "the plan by protocol reopens (newest first in the list)" \
	'screen | grep -q "reopened plan 2 \"by protocol\"" && screen | grep -q "PLANNER by protocol"'
before=$(screen | grep -c "PLANNER by")
keys q
wait_for "F3Search"
check "q goes from the planner back to the board" '[ "$before" = 1 ] && screen | grep -q "F3Search"'
# the help is drawn from the key table: the planner's key is in it
keys "?"
wait_for "planner: target weights"
check "the help lists P: the planner" 'screen | grep -Eq "│ P +board, planner +planner: target weights"'
keys Escape
keys q
wait_for "exit=[0-9]+"
check "staketop exits 0 (the sanitizer build: no leak, no error)" 'screen | grep -q "exit=0"'
done_testing
