#!/bin/sh
# Two writers at once on one real SQLite file: 100 `unbond 1 --amount 1`
# run in parallel with 100 `edit 1 --note x` on a 1,000 ATOM position. An
# edit writes only the fields it changes, so no unbond is undone and the
# event log never gains a "quantity changed outside the event log" adjust.
. tests/cli/lib.sh
unset STAKETOP_DB STAKETOP_CONFIG STAKETOP_NOW
DB="$T/p.db"
CFG="$T/config.ini"
st() { "$ST" --offline --db "$DB" --config "$CFG" "$@"; }

printf '[feeds]\nlido_wq_url =\n' >"$CFG"
chmod 600 "$CFG"
st add --asset ATOM --amount 1000 --opened 2026-01-02 >/dev/null
check "position 1 holds 1000 ATOM" 'st list --json | grep -q "\"quantity\":\"1000\""'

# 200 commands, unbonds and edits interleaved, 8 at a time
i=0
while [ $i -lt 100 ]; do
	echo unbond
	echo edit
	i=$((i + 1))
done >"$T/jobs"
export ST DB CFG
xargs -P 8 -I{} sh -c '
	if [ {} = unbond ]; then
		"$ST" --offline --db "$DB" --config "$CFG" unbond 1 --amount 1 >/dev/null 2>>"$0.err"
	else
		"$ST" --offline --db "$DB" --config "$CFG" edit 1 --note x >/dev/null 2>>"$0.err"
	fi || echo "{} failed" >>"$0.err"' "$T/run" <"$T/jobs"
check "every command succeeded" '[ ! -s "$T/run.err" ]'
[ -s "$T/run.err" ] && head -5 "$T/run.err"

# 1000 − 100 × 1 = 900
st list --json >"$T/list"
check "exactly 900 ATOM remain" 'grep -q "\"quantity\":\"900\"" "$T/list"'
check "the note is x" 'grep -q "\"note\":\"x\"" "$T/list"'

# the log: one stake of 1000 and 100 unbonds of 1, nothing else;
# 1000 − 100 = 900, the quantity above
st events 1 --json >"$T/ev"
stakes=$(grep -o '"type":"stake"' "$T/ev" | wc -l)
unbonds=$(grep -o '"type":"unbond"' "$T/ev" | wc -l)
adjusts=$(grep -o '"type":"adjust"' "$T/ev" | wc -l)
check "one stake event" '[ "$stakes" -eq 1 ]'
check "100 unbond events" '[ "$unbonds" -eq 100 ]'
check "no adjust event (got $adjusts)" '[ "$adjusts" -eq 0 ]'
check "no 'changed outside the event log'" '! grep -q "outside the event log" "$T/ev"'
sum=$(tr '{' '\n' <"$T/ev" | awk -F'"amount":"' '
	/"removed":true/ { next }
	/"type":"(stake|deposit|adjust)"/ { split($2, a, "\""); s += a[1] }
	/"type":"(withdraw|unbond)"/ { split($2, a, "\""); s -= a[1] }
	END { print s }')
check "the event log sums to 900 (got $sum)" '[ "$sum" = 900 ]'
check "100 pending unbondings" '[ "$(st unbonding --json | grep -o "\"position\":1," | wc -l)" -eq 100 ]'

# an edit of the amount still records its adjust, once: 900 → 850
st edit 1 --amount 850 >/dev/null
st list --json >"$T/list"
check "edit --amount 850 sets 850" 'grep -q "\"quantity\":\"850\"" "$T/list"'
check "and records one adjust of -50" \
	'[ "$(st events 1 --json | grep -o "\"type\":\"adjust\",\"amount\":\"-50\"" | wc -l)" -eq 1 ]'

done_testing plan
