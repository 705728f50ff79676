#!/bin/sh
# The numbers on screen at 80x24: the header's NAV with its coverage, and a
# position without a value saying why on its row and in the detail.
. tests/tui/lib.sh

# cbETH loses its rate source; ZETH has an eth_call rate that no feed has
# answered yet (offline).
mkdir -p "$XDG_CONFIG_HOME/staketop"
cat >"$XDG_CONFIG_HOME/staketop/assets.json" <<'EOF'
{"assets":[
 {"symbol":"cbETH","rate":{"type":"none"}},
 {"symbol":"ZETH","name":"test token, rate not fetched","chain":"ethereum","kind":"liquid",
  "model":"reward-bearing","underlying":"ETH","protocol":"z","decimals":18,"feeds":{},
  "rate":{"type":"evm_call","address":"0x1111111111111111111111111111111111111111",
          "call":"getRate()","selector":"0x679aefce","scale":18},
  "yield":{"apr_fallback":0.03,"apr_quoted":"net","fee":0,"compounding":365},
  "unbonding":{"rule":"none","source":"test"}}
]}
EOF
S() { STAKETOP_NOW=$NOW "$ST" --db "$DB" --demo --offline "$@"; }
S add --asset cbETH --amount 2 >/dev/null || echo "# add cbETH failed"
S add --asset ZETH --amount 1 >/dev/null || echo "# add ZETH failed"

shell_start 80 24
ui_start --db "$DB" --demo --offline
# 11 demo positions valued + cbETH (market only) + ZETH (neither) = 11/13;
# NAV = 378,936.3244 + the ATOM exit 1,062.50 = 379,998.82
check "80x24 header: NAV with its coverage 11/13 valued" \
	'line 2 | grep -q "NAV 379,998.82 · 11/13 valued"'
r=$(row_of cbETH)
check "cbETH row says why it has no NAV" 'echo "$r" | grep -q "no rate src"'
r=$(row_of ZETH)
check "ZETH row says why it has no NAV" 'echo "$r" | grep -q "no rate"'
keys G
wait_for "ZETH"
keys Enter
# created at now, 2026-11-25 08:00 UTC; offline: no eth_rpc error, the reason
check "detail says no rate since when and why" \
	'wait_for "No value +no rate" && wait_for "no rate since 11-25 08:00: no exchange rate yet"'
keys q
wait_for "F1Help"

# JitoSOL's detail: APR and APY, the source's own figure (an APY) marked.
keys g
keys /
keys -l JitoSOL
keys Enter
keys Enter
wait_for "JitoSOL +Jito" || wait_for "Position"
keys G
# APR = 166 × (1.0745^(1/166) − 1) = 7.187% → 7.19%; APY 7.45% as quoted
check "JitoSOL detail: APR 7.19% converted from the APY" \
	'wait_for "APR +7\.19%" && screen | grep -Eq "7\.19% +from APY 7\.45% as quoted"'
check "JitoSOL detail: APY 7.45%, marked as the source's own figure" \
	'screen | grep -Eq "APY +7\.45% +\* the source.s own figure"'
keys q
wait_for "F1Help"

# EL-stETH (restaked): base APR from stETH's feed 2.71 %, restaking 0.50 %
# (catalog), APR their sum 3.21 %
keys g
keys /
keys -l EL-stETH
keys Enter
keys Enter
keys G
check "restaked detail: APR 3.21% = base 2.71% + restaking 0.50%" \
	'wait_for "APR +3\.21% +base 2\.71% \+ restaking 0\.50%"'
keys q
done_testing
