#!/bin/sh
# Headless runs of the real interface (STAKETOP_UI_FRAMES=N draws N frames,
# handling the keys waiting on stdin, then exits), for the sanitizer build:
# every screen and form is driven once with no terminal attached.
. tests/tui/lib.sh
export STAKETOP_NOW=$NOW TERM=xterm-256color COLUMNS=120 LINES=40

run() { # KEYS FRAMES [ARGS...]
	keys=$1 frames=$2
	shift 2
	printf "$keys" | STAKETOP_UI_FRAMES=$frames "$ST" --db "$DB" --demo --offline "$@" \
		>"$T/out" 2>"$T/err"
}
# What was sent to the terminal, as text: escape sequences dropped. ncurses
# sends only what changed, so a text is looked for where it first appears
# (and with what follows it when a neighbour could run into it).
sent() { sed 's/\x1b\[[0-9;?]*[A-Za-z]//g; s/\x1b[()][0-9A-B]//g; s/\x1b[=>]//g' "$T/out" | tr '\r' '\n'; }
clean() { [ "$1" -eq 0 ] && [ ! -s "$T/err" ]; }

# demo.json holds 11 positions
run '' 3
rc=$?
check "three frames of the board, exit 0, nothing on stderr: 11 positions and the columns" \
	'clean $rc && sent | grep -q "staketop · 11 positions · values in usd" &&
	 sent | grep -q "ID KIND     ASSET     ACCOUNT    QUANTITY   UNDERLYING"'
# sorted by NAV, highest first: ETH 96,398.40, JitoSOL 74,587.97, SOL
# 42,690.00, stETH 37,655.62; three rows down from the first is stETH,
# position 2 of demo.json (ledger, opened 2024-01-08)
run 'jjj\r' 3
rc=$?
check "detail of a position: the fourth by NAV, stETH (position 2)" \
	'clean $rc && sent | grep -q "Position #2  account ledger, liquid, ethereum, opened 2024-01-08"'
# G: the help's last line, the legend's filter words
run '?jjjjG' 3
rc=$?
check "help, scrolled to its end" \
	'clean $rc && sent | grep -q "Help: keys (from the key table)" &&
	 sent | grep -q "Filter words: kind:native|liquid|restaked|idle"'
# liquid in demo.json: stETH, wstETH, rETH, JitoSOL, mSOL = 5 of 11
run '/ledger\rnnNt>>>I<f kind:liquid\r' 3
rc=$?
check "search, sort, group, filter: the liquid group of 5, the filter counted" \
	'clean $rc && sent | grep -q "liquid (5) " &&
	 sent | grep -q "grouped · filter \" kind:liquid\" 5/"'
run '\t' 3
rc=$?
check "feeds screen: its columns, and offline nothing was tried" \
	'clean $rc && sent | grep -q "LAST SUCCESS" &&
	 sent | grep -q "Offline: no feed has been tried."'
# the demo's one unbonding: 250 ATOM requested 5 days ago, 21 days to go ("claimed"
# is counted only once s shows the claimed ones)
run 'usjjj' 3
rc=$?
check "unbonding screen, claimed shown: 1 pending, none claimable or claimed" \
	'clean $rc && sent | grep -q "1 pending · 0 claimable · 0 claimed"'
run 'ub1\t2026-11-24\r' 3
check "unbond form saved from the unbonding screen" \
	'[ $? -eq 0 ] && "$ST" --db "$DB" events 10 | grep -Eq "unbond +1 +2026-11-24"'
# x selects the newest event of ATOM (position 10): the unbond just saved;
# x again asks to remove it, n keeps it (the keys are all read before the
# next frame: the question itself is never drawn)
ev=$("$ST" --db "$DB" events 10 | awk '$2 == "unbond" && $4 ~ /^2026-11-24/ { print $1 }')
run '/atom\r\rcx]x[xn' 3
rc=$?
check "detail: claim, event selection, the removal asked and kept (event $ev)" \
	'clean $rc && [ -n "$ev" ] && sent | grep -q "account keplr, native, cosmos" &&
	 sent | grep -q "kept event $ev" &&
	 "$ST" --db "$DB" events 10 | grep -E "^ +$ev +unbond" | grep -vq removed'
# 1.1234567 has 7 decimals; ATOM has 6
run 'aATOM\t1.1234567\r' 3
rc=$?
check "add form with a wrong amount: refused beside the field, nothing saved" \
	'clean $rc && sent | grep -q "too many decimals: 7 (at most 6 allowed) (ATOM has 6 decimals)" &&
	 ! "$ST" --db "$DB" list | grep -q "1.1234567"'
run 'aATOM\t10\tframes\r' 3
check "add form saved" '[ $? -eq 0 ] && "$ST" --db "$DB" list | grep -q "frames"'
run '/frames\rd' 3
check "remove asks" '[ $? -eq 0 ] && "$ST" --db "$DB" list | grep -q "frames"'
run '/frames\rdy' 3
check "remove confirmed" '[ $? -eq 0 ] && ! "$ST" --db "$DB" list | grep -q "frames"'
STAKETOP_UI_TIMING=1 run '' 1
check "timing prints the first frame and the redraw cost" \
	'grep -q "^ui first frame: [0-9.]* ms" "$T/err" && grep -q "^ui board redraw: [0-9.]* ms" "$T/err"'
"$ST" --db "$DB" --offline </dev/null >/dev/null 2>"$T/err"
check "without a terminal (and no frame count) it refuses, exit 2" \
	'[ $? -eq 2 ] && grep -q "needs a terminal" "$T/err"'
done_testing
