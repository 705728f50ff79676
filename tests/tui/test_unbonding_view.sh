#!/bin/sh
# The unbonding screen (u / F11): every exit with its amount, request time,
# ETA in UTC and a countdown to the second that really ticks, a progress
# bar, the rule the date comes from and its status; the sell-now route of a
# liquid token; unbond through a form, claim when due, remove an event with
# a confirmation; and the status line saying when an unbonding becomes
# claimable while staketop is open.
. tests/tui/lib.sh

iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }
# "00:01:28" or "16d 00:00:00" as seconds
secs() {
	echo "$1" | awk '{ d = 0; t = $1; if (NF == 2) { d = $1 + 0; t = $2 }
		split(t, p, ":"); print d * 86400 + p[1] * 3600 + p[2] * 60 + p[3] }'
}
# the screen row of position $1 whose amount is $2 (POS ASSET AMOUNT ...)
urow() { screen | awk -v p="$1" -v a="$2" '$1 == p && $3 == a { print; exit }'; }
# its LEFT column: "00:01:28" or "16d 00:00:00"
left_of() { urow "$1" "$2" | awk '{ print ($8 ~ /d$/) ? $8 " " $9 : $8 }'; }
# the line under it (the rule), and the one after (the sell-now route)
under() { screen | awk -v p="$1" -v a="$2" -v k="$3" 'f && ++n == k { print; exit } $1 == p && $3 == a { f = 1 }'; }

# --- with the real clock: the countdown ticks ------------------------------
# ATOM unbonds in 21 days (1814400 s, fixed). Position 1 requested 21 days
# minus 90 s ago is due 90 s from now; position 2, 21 days minus 6 s ago, in
# 6 s: it becomes claimable while the screen is open.
LIVE="$T/live.db"
"$ST" --db "$LIVE" add --asset ATOM --amount 100 --account keplr >/dev/null
"$ST" --db "$LIVE" add --asset ATOM --amount 10 --account cold >/dev/null
now=$(date +%s)
at1=$((now - 1814400 + 90))
at2=$((now - 1814400 + 6))
"$ST" --db "$LIVE" unbond 1 --amount 40 --at "$(iso $at1)" >/dev/null
"$ST" --db "$LIVE" unbond 2 --amount 2 --at "$(iso $at2)" >/dev/null
# ETA = request + 1814400 = now + 90, shown to the second at 120 columns
eta1=$(date -u -d "@$((at1 + 1814400))" "+%Y-%m-%d %H:%M:%S")
req1=$(date -u -d "@$at1" "+%Y-%m-%d %H:%M:%S")

UI_ENV="env"
shell_start
ui_start --db "$LIVE" --offline
keys u
wait_for "ETA \(UTC\)"
check "u opens the unbonding screen with its columns" \
	'line 4 | grep -Eq "POS ASSET +AMOUNT REQUESTED +ETA \(UTC\) +LEFT PROGRESS +STATUS"'
r=$(urow 1 40)
check "the row: position 1, ATOM, 40, requested $req1, ETA $eta1, pending" \
	'echo "$r" | grep -Fq "$req1 $eta1" && echo "$r" | grep -Eq "^ +1 ATOM +40 .* pending *$"'
# progress = (1814400 − 90) / 1814400 = 99.995% → 99%, the bar nearly full
check "a progress bar, 99% along" 'echo "$r" | grep -Eq "█+[▏▎▍▌▋▊▉]? +99% "'
check "the rule under it" '[ "$(under 1 40 1 | sed "s/^ *//")" = "rule: Cosmos Hub unbonding_time 1814400s (21 days)" ]'
left1=$(left_of 1 40)
sleep 2.2
left2=$(left_of 1 40)
s1=$(secs "$left1")
s2=$(secs "$left2")
# about 90 s at first; 2.2 s later at least 2 s less (whole seconds)
check "the countdown ticks: $left1, then $left2 2.2 s later" \
	'[ "$s1" -gt 60 ] && [ "$s1" -le 90 ] && [ $((s1 - s2)) -ge 2 ] && [ $((s1 - s2)) -le 4 ]'
check "the header names the next one to complete (exits unvalued: -)" 'line 3 | grep -Eq "Unbonding \(2\) - · 2 ATOM (in [0-9]s|claimable)"'
# position 2 crosses its ETA while the screen is open
check "the status line says when one becomes claimable" \
	'wait_for "^2 ATOM on position 2 is claimable now" 10'
check "its row turns claimable: ready, 100%" 'urow 2 2 | grep -Eq " ready .* 100% claimable *$"'
check "the header says so too" 'line 3 | grep -q "2 ATOM claimable"'
# the cursor is on the first row (the soonest): position 2
keys c
wait_for "claimed 2 ATOM on position 2"
check "c claims it: the message names amount, asset and position" \
	'screen | grep -q "^claimed 2 ATOM on position 2 (1 unbonding)"'
check "the claimed row leaves the pending list" '[ -z "$(urow 2 2)" ]'
check "the store has the claim" '"$ST" --db "$LIVE" events 2 | grep -q " claim "'
keys c
wait_for "nothing claimable on position 1"
check "c on a pending one: nothing claimable, and when" \
	'screen | grep -Eq "^nothing claimable on position 1: next in 1m [0-9]{2}s"'
keys s
wait_for "claimed shown|claimed$"
check "s shows claimed ones too" 'urow 2 2 | grep -Eq " claimed *$"'
keys q q
wait_for "exit=0"
check "q q: back to the board, then quit" 'screen | grep -q "exit=0"'
keys -l clear
keys Enter
wait_gone "exit=0"

# --- at a fixed clock, on the demo portfolio --------------------------------
# now = 2026-11-25T08:00:00Z (1795593600)
export STAKETOP_NOW=$NOW
# wstETH (position 3) unbonds through the Lido queue: offline, the catalog's
# typical 3 days (259200 s) → 2026-11-28T08:00:00Z
"$ST" --db "$DB" --demo --offline unbond 3 --amount 2 >/dev/null
# DOT (position 11): 28 days (2419200 s); requested 28 days and 1 s before
# now, due 1 s ago: claimable
dot_at=$((NOW - 2419200 - 1))
check "date(1): DOT requested 2026-10-28T07:59:59Z" '[ "$(iso $dot_at)" = 2026-10-28T07:59:59Z ]'
"$ST" --db "$DB" --offline unbond 11 --amount 10 --at "$(iso $dot_at)" >/dev/null
unset STAKETOP_NOW

UI_ENV="env STAKETOP_NOW=$NOW"
ui_start --db "$DB" --offline
keys F11
wait_for "ETA \(UTC\)"
# ATOM 250, from the demo: requested 2026-11-20T08:00:00Z, + 21 days →
# 2026-12-11T08:00:00Z, 16 days left; 5 of 21 days gone = 23.8% → 23%
r=$(urow 10 250)
check "ATOM 250: requested, ETA, 16d 00:00:00 left, 23%, pending" \
	'echo "$r" | grep -Eq "^ +10 ATOM +250 2026-11-20 08:00:00 2026-12-11 08:00:00 16d 00:00:00 .* 23% pending"'
# wstETH 2: NAV per token = 1.215 × 3012.45 = 3,660.12675, so waiting gets
# 2 × 3,660.12675 = 7,320.2535 → 7,320.25; selling now 2 × 3,650.10 =
# 7,300.20; difference 7,300.20 − 7,320.2535 = −20.0535 → −20.05
r=$(urow 3 2)
check "wstETH 2: ETA 2026-11-28 08:00:00, 3d 00:00:00, 0%" \
	'echo "$r" | grep -Eq "^ +3 wstETH +2 2026-11-25 08:00:00 2026-11-28 08:00:00 +3d 00:00:00 .* 0% pending"'
check "its rule: the catalog's range" \
	'under 3 2 1 | grep -q "rule: typical 3 days, range 1 day to 5 days (catalog: Lido withdrawal queue"'
check "the sell-now route: 7,300.20 usd vs 7,320.25 after 3d 0h (-20.05)" \
	'screen | grep -q "   or sell now: 7,300.20 usd vs 7,320.25 after 3d 0h (-20.05)$"'
check "no sell-now route for a native coin (ATOM)" \
	'! under 10 250 2 | grep -q "sell now"'
r=$(urow 11 10)
check "DOT 10, due a second ago: ready, 100%, claimable" \
	'echo "$r" | grep -Eq "^ +11 DOT +10 2026-10-28 07:59:59 2026-11-25 07:59:59 +ready .* 100% claimable"'
check "the status line counts them" 'screen | grep -q "^2 pending · 1 claimable"'

# Unbond through the form, on the selected row's position: the first row is
# the soonest (DOT, 11); j j moves to ATOM 250 (position 10)
keys j j b
wait_for "Unbond from position 10"
check "b opens the unbond form for the selected row's position" \
	'screen | grep -q "Unbond from position 10 (ATOM, keplr)"'
# ATOM: 1,250 staked − 250 unbonding = 1,000 held; 6 decimals
check "the form says how much may be unbonded" 'screen | grep -q "at most 1,000 ATOM (6 decimals)"'
check "with the time empty, when it would be claimable: now + 21 days" \
	'screen | grep -q "Claimable    2026-12-16 08:00 UTC (in 21d 0h)"'
keys 1 0 0 0 . 5 Enter
wait_for "more than position 10 holds"
check "more than held: refused beside the field" 'screen | grep -q "more than position 10 holds (1000 ATOM)"'
keys C-u 0 . 1 2 3 4 5 6 7 Enter
wait_for "too many decimals"
check "7 decimals for ATOM: refused" 'screen | grep -q "too many decimals: 7 (at most 6 allowed)"'
keys C-u 5 Tab 2 0 2 6 - 1 2 - 0 1 Enter
wait_for "in the future"
check "a request time in the future: refused" \
	'screen | grep -q "in the future (now is 2026-11-25T08:00:00Z)"'
# requested 2026-11-24T00:00:00Z (1795478400) + 1814400 = 1797292800 =
# 2026-12-15T00:00:00Z; left 1797292800 − 1795593600 = 1699200 s = 19 days
# (1641600) + 57600 s (16 h); gone 32 h of 504 h = 6.3% → 6%
keys C-u 2 0 2 6 - 1 1 - 2 4
wait_for "Claimable    2026-12-15 00:00 UTC"
check "the form's ETA follows the time typed" 'screen | grep -q "Claimable    2026-12-15 00:00 UTC (in 19d 16h)"'
keys Enter
wait_for "unbonding 5 ATOM on position 10"
check "saved: the message says when it is claimable" \
	'screen | grep -q "^unbonding 5 ATOM on position 10: claimable 2026-12-15 00:00 UTC"'
check "the new row: requested 2026-11-24, ETA 2026-12-15, 19d 16:00:00, 6%" \
	'urow 10 5 | grep -Eq "^ +10 ATOM +5 2026-11-24 00:00:00 2026-12-15 00:00:00 19d 16:00:00 .* 6% pending"'
check "stored: an unbond event of 5" '"$ST" --db "$DB" events 10 | grep -Eq "unbond +5 +2026-11-24T00:00:00Z"'

# Claim: c on the DOT row (Home: the first)
keys Home c
wait_for "claimed 10 DOT"
check "c claims what is due: 10 DOT on position 11" \
	'screen | grep -q "^claimed 10 DOT on position 11 (1 unbonding)"'
check "the claimed one is off the pending list" '[ -z "$(urow 11 10)" ]'
keys c
wait_for "nothing claimable on position 3"
# the cursor is on the first row left, the soonest: wstETH, due in 3 days
check "c with nothing due says when the next one is" \
	'screen | grep -q "^nothing claimable on position 3: next in 3d 0h"'
keys s
wait_for "claimed shown|1 claimed"
check "s shows the claimed DOT" 'urow 11 10 | grep -Eq " claimed *$"'

# Remove an event, from the detail (Enter on the claimed DOT row)
keys Home Enter
wait_for "^ Events"
check "Enter opens the position's detail" 'screen | grep -q "DOT  Polkadot"'
keys x
wait_for "selected: x removes it"
# the newest event is the claim of 10
check "x first selects the newest event" 'screen | grep -Eq "^event [0-9]+ selected: x removes it"'
keys x
wait_for "Remove event"
check "x again asks, naming the event" \
	'screen | grep -Eq "Remove event [0-9]+ \(claim 10 DOT, 2026-11-25T08:00:00Z\) of position 11\?"'
keys n
wait_for "kept event"
check "n keeps it" '! "$ST" --db "$DB" events 11 | grep -q "removed"'
keys x
wait_for "Remove event"
keys y
wait_for "removed event [0-9]+ \(kept in the log"
check "y removes it: kept in the log, marked removed" \
	'"$ST" --db "$DB" events 11 | grep -E " claim " | grep -q "\[removed: in the interface"'
check "the detail shows it as removed" \
	'screen | grep -Eq "claim 10  REMOVED 2026-11-25T08:00:00Z: in the interface \(event [0-9]+"'
# removing the claim makes the unbonding claimable again
check "the unbonding is claimable again" 'screen | grep -Eq "^  10 DOT +claimable"'
keys Escape
wait_for "ETA \(UTC\)"
check "Esc goes back to the unbonding screen it came from" \
	'urow 11 10 | grep -Eq " claimable *$"'
keys Escape
wait_for "F10Quit"
check "Esc again: the board" 'screen | grep -q "F11Unbonding"'

# the help lists the new keys, from the key table
keys F1
wait_for "Help: keys"
# the table has grown past one page: page down until the line shows
found=no
for _ in 1 2 3 4 5 6 7 8; do
	if screen | grep -Eq "F11 u +board, detail, unbonding +unbonding screen"; then found=yes; break; fi
	keys NPage
	sleep 0.3
done
check "help: u / F11, the unbonding screen" '[ "$found" = yes ]'
keys Escape
wait_gone "Help: keys"
keys q
wait_for "exit=0"
check "q quits" 'screen | grep -q "exit=0"'
done_testing
