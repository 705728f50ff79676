#!/bin/sh
# Every refresh leaves a snapshot per position (quantity, NAV, market value,
# premium, APY), at most one per [history] snapshot_interval_seconds: a real
# `staketop refresh` against the loopback fixture server, on a real file.
. tests/cli/lib.sh
FX="$(pwd)/tests/fixtures/refresh"

cat >"$T/routes" <<EOF
GET /cg/simple/price file=$FX/coingecko.json
GET /llama/prices/current file=$FX/llama_coins.json
GET /yields/pools file=$FX/yields.json
POST /eth file=$FX/eth_rpc.json
POST /sol file=$FX/sol_rpc.json
EOF
serve "$T/routes"
cat >"$T/config.ini" <<EOF
[feeds]
coingecko_url = $B/cg
defillama_coins_url = $B/llama
defillama_yields_url = $B/yields
eth_rpc_url = $B/eth
sol_rpc_url = $B/sol
timeout_seconds = 5
EOF
S() { "$ST" --db "$T/p.db" --config "$T/config.ini" "$@"; }
Q() { sqlite3 "$T/p.db" "$1"; }
S add --asset wstETH --amount 2.000000000000000001 >/dev/null
S add --asset JitoSOL --amount 10 >/dev/null

NOW=1795593600
STAKETOP_NOW=$NOW S refresh >/dev/null
check "a refresh records one snapshot per position" '[ "$(Q "SELECT count(*) FROM snapshots")" = 2 ]'
check "the quantity is kept exactly" \
	'[ "$(Q "SELECT quantity FROM snapshots WHERE position_id = 1")" = 2.000000000000000001 ]'
# the snapshot holds the same figures the report shows at that time
rep=$(STAKETOP_NOW=$NOW S report --json)
nav=$(Q "SELECT nav FROM snapshots WHERE position_id = 1")
rnav=$(echo "$rep" | grep -o '"nav":[0-9.]*' | head -1 | cut -d: -f2)
check "the snapshot's NAV is the report's ($nav = $rnav)" \
	'[ -n "$rnav" ] && awk -v a="$nav" -v b="$rnav" "BEGIN { exit !(a == b) }"'
check "premium and APY are recorded" \
	'[ "$(Q "SELECT count(*) FROM snapshots WHERE premium_bps IS NOT NULL AND apy IS NOT NULL")" = 2 ]'
STAKETOP_NOW=$((NOW + 1800)) S refresh >/dev/null
check "half an hour later: no new snapshot" '[ "$(Q "SELECT count(*) FROM snapshots")" = 2 ]'
STAKETOP_NOW=$((NOW + 3600)) S refresh >/dev/null
check "an hour later: one more per position" '[ "$(Q "SELECT count(*) FROM snapshots")" = 4 ]'
printf '[history]\nsnapshot_interval_seconds = 600\n' >>"$T/config.ini"
STAKETOP_NOW=$((NOW + 4200)) S refresh >/dev/null
check "the interval comes from the config (600 s)" '[ "$(Q "SELECT count(*) FROM snapshots")" = 6 ]'
# two refreshes of the same file at once, 30 s apart (inside the 600 s):
# whichever writes first records both positions, the other none: 6 + 2
STAKETOP_NOW=$((NOW + 4800)) S refresh >"$T/out1" 2>&1 &
p1=$!
STAKETOP_NOW=$((NOW + 4830)) S refresh >"$T/out2" 2>&1
wait $p1
# (both store: the fixture has no stride route, so the exit is 1, not 2)
check "two writers at once: one snapshot per position, both from one refresh" \
	'! grep -q "could not store" "$T/out1" "$T/out2" && grep -q "^coingecko  *ok" "$T/out1" &&
	 grep -q "^coingecko  *ok" "$T/out2" && [ "$(Q "SELECT count(*) FROM snapshots")" = 8 ] &&
	 [ "$(Q "SELECT count(DISTINCT ts) FROM snapshots WHERE ts > $NOW + 4200")" = 1 ]'

done_testing plan
