#!/bin/sh
# End-to-end tests of `staketop plan` on real SQLite files: the demo
# portfolio (valued from the dated snapshot) and a fresh database. Checks
# relations between the figures (the trades' values add up to what moves,
# the after-weights are the targets where they can be met), refusals with
# exit 2, hostile bytes, unvalued positions, and saved plans.
. tests/cli/lib.sh

# |a − b| <= tol
close() { [ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= t + 0) }'; }
# the value of "key": in the first {...} after "section": (flat objects only)
field() { # json section key
	printf '%s' "$1" | sed -n "s/.*\"$2\":{\([^{}]*\)}.*/\1/p" | tr ',' '\n' |
		sed -n "s/^\"$3\":\(.*\)$/\1/p" | head -1
}
# the after (or before) weights of a dimension: "native":0.4,"liquid":0.4,...
weights() { # json before|after kind|protocol|chain
	printf '%s' "$1" | sed -n "s/.*\"$2\":{\"total\".*\"weights\":{.*\"$3\":{\([^{}]*\)}.*/\1/p" | head -1
}
weight_of() { printf '%s' "$1" | tr ',' '\n' | sed -n "s/^\"$2\":\(.*\)$/\1/p"; }

# --- the demo portfolio by kind ------------------------------------------------
json=$("$ST" --demo plan --target native=40,liquid=40,restaked=20 --json)
rc=$?
check "plan --json exits 0" '[ $rc -eq 0 ]'
check "JSON holds targets, trades, before, after" \
	'(for k in targets trades before after moves; do echo "$json" | grep -q "\"$k\":" || exit 1; done)'
out=$(field "$json" moves out)
in=$(field "$json" moves in)
check "moves out = moves in (nothing unallocated): $out = $in" 'close "$out" "$in" 0.001'
check "nothing left out below the minimum" '[ "$(field "$json" skipped count)" = 0 ]'
# the trades' values, from the CSV of the same plan
"$ST" --demo plan --target native=40,liquid=40,restaked=20 --csv >"$T/plan.csv"
sum_out=$(awk -F, 'NR > 1 && ($4 == "reduce" || $4 == "use") { s += $8 } END { printf "%.4f", s }' "$T/plan.csv")
sum_in=$(awk -F, 'NR > 1 && $4 == "add" { s += $8 } END { printf "%.4f", s }' "$T/plan.csv")
ntr=$(awk 'NR > 1' "$T/plan.csv" | wc -l)
# each value is rounded to 4 decimals: the sums may differ by 0.00005 a trade
tol=$(awk -v n="$ntr" 'BEGIN { printf "%.6f", 0.00005 * n + 0.00005 }')
check "the reductions' values sum to what moves out ($sum_out)" 'close "$sum_out" "$out" "$tol"'
check "the additions' values sum to what moves in ($sum_in)" 'close "$sum_in" "$in" "$tol"'
check "$ntr trades, every one with a value > 0" '[ "$ntr" -gt 0 ] && awk -F, "NR > 1 && \$8 <= 0 { exit 1 }" "$T/plan.csv"'
check "the JSON and the CSV hold the same number of trades" \
	'[ "$ntr" -gt 0 ] && [ "$(echo "$json" | grep -o "\"action\":" | wc -l)" -eq "$ntr" ]'
aw=$(weights "$json" after kind)
check "after-weights equal the targets: $aw" \
	'close "$(weight_of "$aw" native)" 0.4 1e-6 && close "$(weight_of "$aw" liquid)" 0.4 1e-6 &&
	 close "$(weight_of "$aw" restaked)" 0.2 1e-6'
check "the total does not change" 'close "$(field "$json" change total)" 0 0.001'
check "a liquid reduction carries both routes with their costs" \
	'echo "$json" | grep -q "\"asset\":\"stETH\",\"action\":\"reduce\".*\"routes\":{\"swap\":{\"available\":true,\"receive\":[0-9.]*,\"cost\":[0-9.-]*,\"basis\":[^}]*},\"redeem\":{\"available\":true,\"receive\":[0-9.]*,\"cost\":[0-9.]*,\"days\":"'
# native 38.5 % → 20 %: the validator is reduced, by unstaking
json2=$("$ST" --demo plan --target native=20,liquid=60,restaked=20 --json)
check "native stake is unstaked, with no swap route" \
	'echo "$json2" | grep -q "\"asset\":\"ETH\",\"action\":\"reduce\",[^{]*\"route\":\"unstake\",\"routes\":{\"swap\":{\"available\":false"'

# --- by asset, a target that cannot be met (no ezETH held) -----------------------
json=$("$ST" --demo plan --target eth=50,EZETH=50 --json 2>"$T/err")
rc=$?
check "a target that cannot be met exits 1 and says so" \
	'[ $rc -eq 1 ] && grep -q "target ezETH cannot be met: no valued position to add to" "$T/err"'
check "its group is marked unreachable in the JSON" \
	'echo "$json" | grep -q "\"key\":\"ezETH\",\"percent\":50,\"named\":true,\"before\":0,\"target\":[0-9.]*,\"after\":0,\"reachable\":false"'
aw=$(weights "$json" after kind)
check "ETH reaches 50 %, the rest stays as unallocated cash" \
	'close "$(weight_of "$aw" native)" 0.5 1e-6 && close "$(weight_of "$aw" idle)" 0.5 1e-6'
out=$(field "$json" moves out); in=$(field "$json" moves in); un=$(field "$json" moves unallocated)
check "out − in = unallocated ($out − $in = $un)" \
	'close "$(awk -v a="$out" -v b="$in" "BEGIN { printf \"%.4f\", a - b }")" "$un" 0.0002'

# --- refusals ---------------------------------------------------------------------
"$ST" --demo plan --target native=40,liquid=40,restaked=15 >"$T/out" 2>"$T/err"
check "targets summing to 95 exit 2 and say the sum" \
	'[ $? -eq 2 ] && grep -q "targets sum to 95%, not 100% (5% short)" "$T/err" && [ ! -s "$T/out" ]'
"$ST" --demo plan --target native=60,liquid=60 >/dev/null 2>"$T/err"
check "targets summing to 120 exit 2" '[ $? -eq 2 ] && grep -q "sum to 120%, not 100% (20% over)" "$T/err"'
"$ST" --demo plan --target "$(printf 'native=40,\033[2J\033]0;x\007liquid=60')" >"$T/out" 2>"$T/err"
check "ESC and BEL in --target: exit 2, a clean message" \
	'[ $? -eq 2 ] && grep -q "unknown target key" "$T/err" && ! LC_ALL=C grep -q "$(printf "[\001-\010\013-\037\177]")" "$T/err" "$T/out"'
"$ST" --demo plan --target "$(printf 'native=4\377,liquid=60')" >/dev/null 2>"$T/err"
check "invalid UTF-8 in a value: exit 2, shown as ?" \
	'[ $? -eq 2 ] && grep -q "4?. is not a percentage" "$T/err" && ! LC_ALL=C grep -q "$(printf "\377")" "$T/err"'
"$ST" --demo plan --target liquid=50,lido=50 >/dev/null 2>"$T/err"
check "mixed kinds of keys exit 2" '[ $? -eq 2 ] && grep -q "is a protocol but the first is a kind" "$T/err"'
"$ST" --demo plan --json >/dev/null 2>"$T/err"
check "no --target exits 2" '[ $? -eq 2 ] && grep -q "give one of --target" "$T/err"'
"$ST" --demo plan --target native=100 --save "$(printf 'a\033b')" >/dev/null 2>"$T/err"
check "a name with control bytes is refused" '[ $? -eq 2 ] && grep -q "no control characters" "$T/err"'

# --- unvalued positions are listed, not valued at 0 ---------------------------------
DB="$T/fresh.db"
"$ST" --db "$DB" add --asset ETH --amount 2 >/dev/null
"$ST" --db "$DB" add --asset stETH --amount 1 >/dev/null
json=$("$ST" --db "$DB" plan --target native=50,liquid=50 --json 2>"$T/err")
rc=$?
check "no prices: both positions left out with the reason, targets cannot be met" \
	'[ $rc -eq 1 ] && grep -q "target native cannot be met: no price yet" "$T/err" && echo "$json" | grep -q "\"unvalued\":\[{\"position\":1,\"asset\":\"ETH\",\"why\":\"no price yet\"},{\"position\":2,\"asset\":\"stETH\",\"why\":\"no price yet\"}\]"'
check "no prices: no trades, total 0, APY null (not 0)" \
	'echo "$json" | grep -q "\"trades\":\[\]" && echo "$json" | grep -q "\"before\":{\"total\":0,\"apy\":null"'

# --- saved plans --------------------------------------------------------------------
"$ST" --demo plan --target native=40,liquid=40,restaked=20 --json --save "q4 rebalance" >"$T/saved.json" 2>"$T/err"
check "--save says the id" '[ $? -eq 0 ] && grep -q "^saved plan 1$" "$T/err"'
"$ST" --demo plan --target jito=100 --save second >/dev/null 2>&1
list=$("$ST" --demo plan --list --json)
check "--list --json: both, newest first" \
	'echo "$list" | grep -q "^\[{\"id\":2,\"name\":\"second\",.*{\"id\":1,\"name\":\"q4 rebalance\",.*\"targets\":\"native=40,liquid=40,restaked=20\"}\]$"'
show=$("$ST" --demo plan --show 1 --json)
check "--show --json holds the saved plan, its inputs and today's plan" \
	'echo "$show" | grep -q "\"name\":\"q4 rebalance\"" && echo "$show" | grep -q "\"inputs\":\[{\"id\":1," &&
	 echo "$show" | grep -q "\"plan\":{" && echo "$show" | grep -q "\"today\":{"'
# the trades' values: from "trades": up to "moves": (of the saved plan, not today's)
trade_values() { sed 's/"moves":.*//; s/.*"trades"://' | grep -o '"value":[0-9.]*' | tr '\n' ' '; }
saved_trades=$(trade_values <"$T/saved.json")
shown_trades=$(printf '%s' "$show" | sed 's/"today":.*//' | trade_values)
check "the saved trades come back as they were printed" \
	'[ -n "$saved_trades" ] && [ "$saved_trades" = "$shown_trades" ]'
"$ST" --demo plan --show 1 --csv >"$T/show.csv"
check "--show --csv gives the saved trades" \
	'[ "$(wc -l <"$T/show.csv")" -eq "$(wc -l <"$T/plan.csv")" ] && head -1 "$T/show.csv" | grep -q "^position,account,asset,action"'
"$ST" --demo plan --show 99 >/dev/null 2>"$T/err"
check "--show of a missing plan exits 2" '[ $? -eq 2 ] && grep -q "no plan 99" "$T/err"'

# --- "native" among protocols ---------------------------------------------------------
# the protocol grouping names native stake "native" (what the planner screen
# saves when it groups by protocol); among protocols the key is that one, in
# either order. After: native 50 %, lido 50 %, the other protocols 0.
for tg in lido=50,native=50 native=50,lido=50; do
	json=$("$ST" --demo plan --target "$tg" --json 2>"$T/err")
	rc=$?
	check "$tg: by protocol, native and lido at 50% after" \
		'[ $rc -eq 0 ] && [ "$(echo "$json" | jq -r .targets_by)" = protocol ] &&
		 [ "$(echo "$json" | jq -r .after.weights.protocol.native)" = 0.5 ] &&
		 [ "$(echo "$json" | jq -r .after.weights.protocol.lido)" = 0.5 ]'
done
"$ST" --demo plan --target native=50,liquid=50,lido=0 >/dev/null 2>"$T/err"
check "a kind beside a protocol is still refused (exit 2)" \
	'[ $? -eq 2 ] && grep -q "is a protocol but the first is a kind" "$T/err"'

# --- config -------------------------------------------------------------------------
mkdir -p "$T/cfg"
printf '[plan]\nmin_trade = 1000\n' >"$T/cfg/c.ini"
json=$("$ST" --demo --config "$T/cfg/c.ini" plan --target native=40,liquid=40,restaked=20 --json)
check "min_trade = 1000 leaves out ATOM's and DOT's small additions (2 trades)" \
	'[ "$(field "$json" skipped count)" = 2 ] && ! echo "$json" | grep -q "\"asset\":\"ATOM\",\"action\""'
printf '[plan]\nswap_fee_pct = 50\n' >"$T/cfg/c.ini"
"$ST" --demo --config "$T/cfg/c.ini" plan --target native=100 >/dev/null 2>"$T/err"
check "a bad [plan] value is refused with its line" '[ $? -ne 0 ] && grep -q ":2: \[plan\] swap_fee_pct" "$T/err"'

done_testing plan
