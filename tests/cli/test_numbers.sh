#!/bin/sh
# The numbers add up: totals cover the same positions for NAV and market
# and say their coverage; pending exits stay in the value at NAV; a
# position without a value says why; quoted APR/APY; exact rebasing
# balances. Real SQLite files, the real binary; figures worked by hand.
. tests/cli/lib.sh
FX="$(pwd)/tests/fixtures/refresh"
export STAKETOP_NOW=1795593600

# A user catalog: cbETH loses its rate source (market only), XETH has a
# rate (one) and ETH's price but no market price (NAV only), YETH has
# neither (unvalued).
mkdir -p "$T/cfg"
: >"$T/cfg/config.ini"
cat >"$T/cfg/assets.json" <<'EOF'
{"assets":[
 {"symbol":"cbETH","rate":{"type":"none"}},
 {"symbol":"XETH","name":"test token without a market","chain":"ethereum","kind":"liquid",
  "model":"reward-bearing","underlying":"ETH","protocol":"x","decimals":18,"feeds":{},
  "rate":{"type":"one"},"yield":{"apr_fallback":0.03,"apr_quoted":"net","fee":0,"compounding":365},
  "unbonding":{"rule":"none","source":"test"}},
 {"symbol":"YETH","name":"test token without anything","chain":"ethereum","kind":"liquid",
  "model":"reward-bearing","underlying":"ETH","protocol":"y","decimals":18,"feeds":{},
  "rate":{"type":"none"},"yield":{"apr_fallback":0.03,"apr_quoted":"net","fee":0,"compounding":365},
  "unbonding":{"rule":"none","source":"test"}}
]}
EOF
S() { "$ST" --demo --config "$T/cfg/config.ini" "$@"; }
tot() { S report --json | grep -o '"totals":{[^}]*}'; }
field() { echo "$1" | grep -o "\"$2\":[^,}]*" | cut -d: -f2; }
# sum of a figure over the positions of one class, from report --json
sum_rows() { # $1 json, $2 class: valued | nav_only | market_only, $3 nav | market_value
	echo "$1" | sed 's/{"id":/\n{"id":/g' | grep '^{"id":' | awk -v cls="$2" -v f="$3" '
	function get(k,   m) { if (match($0, "\"" k "\":[^,]*")) { m = substr($0, RSTART, RLENGTH); sub(/^[^:]*:/, "", m); return m } return "null" }
	{ nv = get("nav"); mv = get("market_value");
	  c = (nv != "null" && mv != "null") ? "valued" : (nv != "null") ? "nav_only" : (mv != "null") ? "market_only" : "unvalued";
	  if (c == cls) s += (f == "nav") ? nv : mv }
	END { printf "%.4f\n", s }'
}

# --- totals compare like with like ----------------------------------------
S add --asset cbETH --amount 2 >/dev/null
S add --asset XETH --amount 3 >/dev/null
S add --asset YETH --amount 1 >/dev/null
json=$(S report --json)
t=$(echo "$json" | grep -o '"totals":{[^}]*}')
check "totals count 14 positions: 11 valued, 1 nav_only, 1 market_only, 1 unvalued" \
	'[ "$(field "$t" positions)/$(field "$t" valued)/$(field "$t" nav_only)/$(field "$t" market_only)/$(field "$t" unvalued)" = "14/11/1/1/1" ]'
# the demo's 11 valued positions: NAV 378936.3244, market 378417.36 (each
# row worked out in test_cli.sh; these are their sums)
check "nav covers the valued positions only: 378936.3244" '[ "$(field "$t" nav)" = 378936.3244 ]'
check "market_value covers the same positions: 378417.36" '[ "$(field "$t" market_value)" = 378417.36 ]'
# XETH: 3 × 1 × 3012.45 = 9037.35 (no market price); cbETH: 2 × 3295.60 = 6591.2
check "NAV-only value apart: 9037.35" '[ "$(field "$t" nav_only_nav)" = 9037.35 ]'
check "market-only value apart: 6591.2" '[ "$(field "$t" market_only_value)" = 6591.2 ]'
check "relation: nav = sum of the valued rows' nav" \
	'[ "$(sum_rows "$json" valued nav)" = "$(field "$t" nav)" ]'
check "relation: market_value = sum of the valued rows' market value" \
	'[ "$(sum_rows "$json" valued market_value)" = "$(printf %.4f "$(field "$t" market_value)")" ]'
check "relation: nav_only_nav = sum of the NAV-only rows" \
	'[ "$(sum_rows "$json" nav_only nav)" = "$(printf %.4f "$(field "$t" nav_only_nav)")" ]'
# premium over the same positions: (378417.36 / 378936.3244 − 1) × 10^4 = −13.695… → −13.7
check "premium over the valued positions: -13.7" '[ "$(field "$t" premium_bps)" = -13.7 ]'
S report >"$T/table"
check "text report says what TOTAL covers" \
	'grep -q "TOTAL covers 11 of 14 positions valued" "$T/table" && grep -q "apart: 1 position, NAV 9,037.35 (no market price)" "$T/table" && grep -q "apart: 1 position, market 6,591.20 (no NAV)" "$T/table" && grep -q "unvalued: 1 position with neither" "$T/table"'
c12=$(echo "$json" | sed 's/{"id":/\n{"id":/g' | grep '^{"id":12,')
check "a position without a value says why in report --json" \
	'echo "$c12" | grep -q "\"why\":\"no rate source: the catalog names none for cbETH\""'

# --- pending exits stay in the value, at NAV ------------------------------
# the demo has ATOM 250 pending: 250 × 4.25 = 1062.5
check "the demo's pending ATOM exit is in the totals: 1062.5" '[ "$(field "$t" unbonding)" = 1062.5 ]'
before=$(field "$t" value_nav)
# 378936.3244 + 1062.5 = 379998.8244
check "value at NAV with exits 379998.8244" '[ "$before" = 379998.8244 ]'
S --offline unbond 3 --amount 1 >/dev/null 2>"$T/err"
check "unbond 1 wstETH recorded" '[ $? -eq 0 ]'
t=$(tot)
# wstETH 1 × 1.215 × 3012.45 = 3660.12675 leaves nav for the exit line
near() { awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; exit !(d < 0.00011 && d > -0.00011) }'; }
# (375276.19765 sits on the half: printed .1976 or .1977 by binary rounding)
check "nav drops by the exit: 378936.3244 − 3660.12675 = 375276.19765" \
	'near "$(field "$t" nav)" 375276.19765'
check "unbonding gains it: 1062.5 + 3660.12675 = 4722.62675 → 4722.6268" \
	'[ "$(field "$t" unbonding)" = 4722.6268 ]'
check "the portfolio's value at NAV does not move" '[ -n "$before" ] && [ "$(field "$t" value_nav)" = "$before" ]'

# --- yields as their source states them --------------------------------------
json=$(S report --json)
p7=$(echo "$json" | sed 's/{"id":/\n{"id":/g' | grep '^{"id":7,')
p6=$(echo "$json" | sed 's/{"id":/\n{"id":/g' | grep '^{"id":6,')
# JitoSOL's snapshot figure 0.0745 is Jito's APY: shown as is, and the APR
# is 166 × (1.0745^(1/166) − 1) = 0.071870991… → 0.07187099 (not 0.0745
# compounded again: (1 + 0.0745/166)^166 − 1 = 0.0773…)
check "JitoSOL APY is the source's 0.0745" 'echo "$p7" | grep -q "\"apy\":0.0745,"'
check "JitoSOL APR from it: 0.07187099" 'echo "$p7" | grep -q "\"apr\":0.07187099,"'
check "JitoSOL says its source quotes an APY" \
	'echo "$p7" | grep -q "\"yield_quoted\":\"apy\",\"yield_quoted_value\":0.0745"'
# the history's "quoted" column is the same APY as the board's: 7.450 %
# for JitoSOL and mSOL's 7.200 % (both quote an APY), not 7.733 / 7.464
hy=$(S history --yield 2>&1)
check "history --yield quotes JitoSOL at 7.450% and mSOL at 7.200%, as the report" \
	'echo "$hy" | grep -Eq "^JitoSOL +30 .* 7\.450% " && echo "$hy" | grep -Eq "^mSOL +30 .* 7\.200% "'

# EL-stETH: base = stETH's APR 0.0271, restaking 0.005 (catalog), sum 0.0321
check "restaked: base and restaking APR apart, apr their sum" \
	'echo "$p6" | grep -q "\"apr\":0.0321,.*\"apr_base\":0.0271,\"apr_restaking\":0.005"'

# --- balances that stay exact ----------------------------------------------
# stETH at the snapshot's share rate 1.215: quantity ÷ 1.215 × 1.215 exactly
out=$(S add --asset stETH --amount 123456789.123456789123456789)
id=$(echo "$out" | sed -n 's/^added position \([0-9]*\):.*/\1/p')
p=$(S report --json | sed 's/{"id":/\n{"id":/g' | grep "^{\"id\":$id,")
check "a rebasing balance reads back exactly: 123456789.123456789123456789" \
	'echo "$p" | grep -q "\"quantity\":\"123456789.123456789123456789\""'
# offline, no share rate ever seen: kept as typed, pending, never without a way to shares
DB2="$T/fresh.db"
"$ST" --db "$DB2" --offline add --asset stETH --amount 2 >/dev/null
p=$("$ST" --db "$DB2" --offline report --json)
check "stETH added before any share rate: typed balance, pending" \
	'echo "$p" | grep -q "\"quantity\":\"2\",\"shares_pending\":true"'

# --- pending, then converted at the first share rate seen (real refresh) ---
# eth_rpc answers wstETH's stEthPerToken() (id 7 in the fixture) with
# 0x10d3aa536e294000 = 1212500000000000000 (1.2125), later with
# 0x1158e460913d0000 = 1250000000000000000 (1.25).
mkdir -p "$T/srv"
sed 's/0x00000000000000000000000000000000000000000000000010ee4f8941fa0000/0x00000000000000000000000000000000000000000000000010d3aa536e294000/' \
	"$FX/eth_rpc.json" >"$T/srv/eth1.json"
sed 's/0x00000000000000000000000000000000000000000000000010ee4f8941fa0000/0x0000000000000000000000000000000000000000000000001158e460913d0000/' \
	"$FX/eth_rpc.json" >"$T/srv/eth2.json"
echo "POST /eth file=eth1.json" >"$T/srv/routes"
serve "$T/srv/routes"
cat >"$T/eth.ini" <<INI
[feeds]
coingecko_url =
defillama_coins_url =
defillama_yields_url =
sol_rpc_url =
lido_wq_url =
eth_rpc_url = $B/eth
timeout_seconds = 2
INI
DB3="$T/pending.db"
R() { "$ST" --db "$DB3" --config "$T/eth.ini" "$@"; }
STAKETOP_NOW=1795593600 R --offline add --asset stETH --amount 2 >/dev/null
STAKETOP_NOW=1795593660 R refresh >"$T/out" 2>&1
check "refresh took wstETH's rate from eth_rpc" 'grep -q "^eth_rpc .* ok" "$T/out"'
p=$(STAKETOP_NOW=1795593660 R report --json)
check "converted at the first rate seen: still 2, no longer pending" \
	'echo "$p" | grep -q "\"quantity\":\"2\"," && ! echo "$p" | grep -q shares_pending'
# 2 ÷ 1.2125 = 1.6494845360824742268… → 1.649484536082474226 shares
STAKETOP_NOW=1795593660 R events 1 >"$T/ev"
check "an event says so" \
	'grep -q "converted to shares at the first share rate seen: 2 stETH = 1.649484536082474226 shares at 1.2125" "$T/ev"'
echo "POST /eth file=eth2.json" >"$T/srv/routes"
STAKETOP_NOW=1795593720 R refresh >/dev/null 2>&1
p=$(STAKETOP_NOW=1795593720 R report --json)
# 2 × 1.25 / 1.2125 = 2.5 / 1.2125 = 2.06185567010309278350… → 18 decimals
check "the balance rebases exactly: 2.061855670103092783" \
	'echo "$p" | grep -q "\"quantity\":\"2.061855670103092783\""'

done_testing
