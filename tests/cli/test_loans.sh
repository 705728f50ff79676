#!/bin/sh
# Looped positions (`staketop loan add|list`) on real SQLite files: the
# health factor, the liquidation discount and the depeg stress computed by
# hand from the demo's dated snapshot; refusals with exit 2 naming what was
# wrong (unknown asset, a threshold out of range, hostile bytes); exported
# and imported with the other tables; shown in the planner's risk pane.
. tests/cli/lib.sh
export STAKETOP_NOW=1795593600
diag() { echo "  err: $(head -c 400 "$T/err" 2>/dev/null)"; }
ESC=$(printf '\033')

DB="$T/demo.db"
"$ST" --db "$DB" --demo list >/dev/null
"$ST" --db "$DB" --offline loan add --collateral wsteth --amount 10 --debt ETH --debt-amount 8 \
	--threshold 0.81 --account aave >"$T/out" 2>"$T/err"
check "loan add exits 0 and stores the canonical symbols" \
	'[ $? -eq 0 ] && grep -q "^added loan 1: wstETH collateral, ETH debt" "$T/out"'
j=$("$ST" --db "$DB" --offline loan list --json 2>"$T/err")
# the demo snapshot: wstETH rate 1.215, ETH 3,012.45.
# collateral 10 × 1.215 × 3012.45 = 36,601.2675; debt 8 × 3012.45 = 24,099.6
# HF = 36601.2675 × 0.81 / 24099.6 = 1.2301875 (printed to 6 decimals: 1.230188)
# liquidated at 1 − 1/HF = 1 − 8/9.8415 = 0.18711578 → 0.187116
check "collateral and debt valued at NAV: 36601.2675 and 24099.6" \
	'[ "$(echo "$j" | jq -r ".[0].collateral.value")" = 36601.2675 ] && [ "$(echo "$j" | jq -r ".[0].debt.value")" = 24099.6 ]'
check "health factor 1.230188, liquidated at a 18.7116% discount" \
	'[ "$(echo "$j" | jq -r ".[0].health_factor")" = 1.230188 ] && [ "$(echo "$j" | jq -r ".[0].liquidation_discount")" = 0.187116 ]'
# 10 %: HF 1.2301875 × 0.9 = 1.10716875 → 1.107169; equity 32941.14075 − 24099.6
# = 8841.54075 → 8841.5408 (4 decimals, half away from zero)
check "depeg 10%: HF 1.107169, equity 8841.5408, not liquidated" \
	'[ "$(echo "$j" | jq -c ".[0].stress[2] | [.health_factor, .equity, .liquidated]")" = "[1.107169,8841.5408,false]" ]'
# a tight loop: 10 wstETH (36,601.2675) against 11.5 ETH (34,643.175), LT
# 0.95: HF = 12.15 × 0.95 / 11.5 = 11.5425 / 11.5 = 1.0036957 → 1.003696,
# liquidated at 1 − 1/HF = 0.37 %: the 1 % depeg liquidates it (HF × 0.99 =
# 0.9936587 → 0.993659)
"$ST" --db "$DB" --offline loan add --collateral wstETH --amount 10 --debt ETH --debt-amount 11.5 \
	--threshold 0.95 >/dev/null 2>"$T/err"
j=$("$ST" --db "$DB" --offline loan list --json 2>"$T/err")
check "a tight loop: HF 1.003696, the 1% depeg liquidates it" \
	'[ "$(echo "$j" | jq -c ".[1] | [.health_factor, .stress[0].liquidated, .stress[0].health_factor]")" = "[1.003696,true,0.993659]" ]'
# the health-factor alert ([alerts] health_factor, default 1.1): loan 2 at
# 1.003696 is below it, loan 1 at 1.2301875 is not; `alerts` exits 1
"$ST" --db "$DB" --offline alerts >"$T/out" 2>"$T/err"
rc=$?
check "alerts: loan 2's health factor 1.00 below 1.10, exit 1; loan 1 not" \
	'[ $rc -eq 1 ] && grep -q "loan 2 (wstETH collateral) health factor 1.00, below 1.10" "$T/out" && ! grep -q "loan 1 " "$T/out"'
printf '[alerts]\nhealth_factor = 1.25\n' >"$T/hf.ini"
"$ST" --db "$DB" --config "$T/hf.ini" --offline alerts --json >"$T/out" 2>"$T/err"
check "health_factor = 1.25 in the config: loan 1 (1.23) fires too, once each" \
	'[ "$(grep -o "\"health:[0-9]*\"" "$T/out" | sort | tr -d "\n")" = "\"health:1\"\"health:2\"" ]'
printf '[alerts]\nhealth_factor = 1.2.3\n' >"$T/hf.ini"
"$ST" --db "$DB" --config "$T/hf.ini" --offline alerts >"$T/out" 2>"$T/err"
check "a bad health_factor is refused with file:line" '[ $? -eq 2 ] && grep -q "hf.ini:2" "$T/err"'
"$ST" --db "$DB" --offline loan list >"$T/out" 2>"$T/err"
check "loan list prints HF and where it is liquidated" \
	'grep -Eq "^ +1 aave +10 wstETH +8 ETH +1\.23  collateral 18\.7% below NAV" "$T/out" && grep -q "1% HF 0.99 LIQUIDATED" "$T/out"'

# refusals
"$ST" --db "$DB" loan add --collateral FOO --amount 1 --debt ETH --debt-amount 1 --threshold 0.8 \
	>/dev/null 2>"$T/err"
check "an unknown collateral: exit 2, named" '[ $? -eq 2 ] && grep -q "collateral: not an asset of the catalog: .FOO." "$T/err"'
"$ST" --db "$DB" loan add --collateral wstETH --amount 1 --debt ETH --debt-amount 1 --threshold 1.5 \
	>/dev/null 2>"$T/err"
check "a threshold above 1: exit 2" '[ $? -eq 2 ] && grep -q "threshold .1.5.: a fraction above 0, at most 1" "$T/err"'
"$ST" --db "$DB" loan add --collateral wstETH --amount 0 --debt ETH --debt-amount 1 --threshold 0.8 \
	>/dev/null 2>"$T/err"
check "a zero collateral: exit 2" '[ $? -eq 2 ] && grep -q "amounts must be above 0" "$T/err"'
"$ST" --db "$DB" loan add --collateral wstETH --amount 1 --debt ETH --debt-amount 1 --threshold 0.8 \
	--account "x${ESC}[31my" >/dev/null 2>"$T/err"
check "an ESC in the account: exit 2, shown as ?" \
	'[ $? -eq 2 ] && grep -q "account: 1 to 63 bytes of text, no control characters: .x?\[31my." "$T/err" && ! grep -q "$ESC" "$T/err"'
"$ST" --db "$DB" loan add --collateral "$(printf 'wst\377')" --amount 1 --debt ETH --debt-amount 1 \
	--threshold 0.8 >/dev/null 2>"$T/err"
check "invalid UTF-8 in a symbol: exit 2, named with ?, no raw byte echoed" \
	'[ $? -eq 2 ] && grep -q "collateral: not an asset of the catalog: .wst?." "$T/err" && ! grep -q "$(printf "\377")" "$T/err"'
check "nothing refused was stored: 2 loans" '[ "$("$ST" --db "$DB" loan list --json | jq length)" = 2 ]'

# exported and imported with the other tables
"$ST" --db "$DB" export --json >"$T/a.json" 2>"$T/err"
check "export --json holds the loans" '[ "$(jq ".loans | length" "$T/a.json")" = 2 ]'
"$ST" --db "$T/b.db" import "$T/a.json" >/dev/null 2>"$T/err"
check "import into a fresh file exits 0, the loans in its table" \
	'[ $? -eq 0 ] && [ "$(sqlite3 "$T/b.db" "SELECT count(*) FROM loans")" = 2 ]'
check "the imported loans list the same" \
	'[ "$("$ST" --db "$T/b.db" --offline loan list --json | jq length)" = 2 ] &&
	 [ "$("$ST" --db "$T/b.db" --offline loan list --json)" = "$("$ST" --db "$DB" --offline loan list --json)" ]'
"$ST" --db "$DB" export --csv "$T/csv" 2>"$T/err"
check "export --csv writes loans.csv" 'head -1 "$T/csv/loans.csv" | grep -q "^id,account,collateral,collateral_amount,debt,debt_amount,liq_threshold,note,created_at"'

done_testing
