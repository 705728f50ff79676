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

run '' 3
check "three frames of the board, exit 0, nothing on stderr" '[ $? -eq 0 ] && [ ! -s "$T/err" ]'
run 'jjj\r' 3
check "detail of a position" '[ $? -eq 0 ] && [ ! -s "$T/err" ]'
run '?jjjjG' 3
check "help, scrolled" '[ $? -eq 0 ] && [ ! -s "$T/err" ]'
run '/ledger\rnnNt>>>I<f kind:liquid\r' 3
check "search, sort, group, filter" '[ $? -eq 0 ] && [ ! -s "$T/err" ]'
run '\t' 3
check "feeds screen" '[ $? -eq 0 ] && [ ! -s "$T/err" ]'
run 'usjjj' 3
check "unbonding screen, claimed shown" '[ $? -eq 0 ] && [ ! -s "$T/err" ]'
run 'ub1\t2026-11-24\r' 3
check "unbond form saved from the unbonding screen" \
	'[ $? -eq 0 ] && "$ST" --db "$DB" events 10 | grep -Eq "unbond +1 +2026-11-24"'
run '/atom\r\rcx]x[xn' 3
check "detail: claim, event selection and the removal asked" '[ $? -eq 0 ] && [ ! -s "$T/err" ]'
run 'aATOM\t1.1234567\r' 3
check "add form with a wrong amount" '[ $? -eq 0 ] && [ ! -s "$T/err" ]'
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
