#!/bin/sh
# Alerts against the loopback fixture server, each firing once: a depeg
# in the fixture's prices (premium beyond [alerts] premium_bps), an
# unbonding that became claimable (STAKETOP_NOW past its date), a feed
# stale beyond its limit (one that fails); `alerts` exits 1 while any is
# unseen, `alerts --seen` marks them; a condition that ends and comes back
# fires again; hostile bytes refused. Real SQLite file, the real binary.
. tests/cli/lib.sh
FX="$(pwd)/tests/fixtures/refresh"
NOW=1795593600
export STAKETOP_NOW=$NOW
diag() { echo "  out: $(head -c 800 "$T/out" 2>/dev/null)"; }

cp "$FX"/*.json "$T/"
routes() { # $1: with the stride route (yes) or without (no: it answers 404)
	cat >"$T/routes" <<EOF
GET /cg/simple/price file=coingecko.json
GET /llama/prices/current file=llama_coins.json
GET /yields/pools file=yields.json
POST /eth file=eth_rpc.json
POST /sol file=sol_rpc.json
EOF
	[ "$1" = yes ] && echo "GET /stride/ file=stride.json" >>"$T/routes"
	return 0
}
routes yes
serve "$T/routes"
cat >"$T/config.ini" <<EOF
[feeds]
coingecko_url = $B/cg
defillama_coins_url = $B/llama
defillama_yields_url = $B/yields
eth_rpc_url = $B/eth
sol_rpc_url = $B/sol
stride_rest_url = $B/stride
timeout_seconds = 1
stale_seconds = 900
[alerts]
premium_bps = 100
claimable = true
stale = true
move_pct = 0
EOF
S() { "$ST" --db "$T/p.db" --config "$T/config.ini" "$@"; }
count() { # $1 kind: alerts of that kind in the store
	sqlite3 "$T/p.db" "SELECT count(*) FROM alerts WHERE kind = '$1'"
}
S add --asset wstETH --amount 2 >/dev/null
S add --asset ATOM --amount 100 >/dev/null
S unbond 2 --amount 10 >/dev/null   # Cosmos Hub: 21 days, fixed

# every feed answers; wstETH at (2 × 3770) / (2 × 1.22 × 3100) − 1 =
# 7540 / 7564 − 1 = −31.7 bps: within 100, nothing fires
S refresh >/dev/null 2>&1
S alerts >"$T/out"; rc=$?
check "nothing to say: exit 0, no alerts" '[ $rc = 0 ] && grep -q "^no alerts" "$T/out"'

# a depeg: wstETH's market at 3500: 7000 / 7564 − 1 = −745.6 bps
sed 's/"wrapped-steth": {"usd": 3770.0/"wrapped-steth": {"usd": 3500.0/' "$FX/coingecko.json" >"$T/coingecko.json"
S refresh >/dev/null 2>&1
S alerts >"$T/out"; rc=$?
check "depeg fires: exit 1, the discount beyond 100 bps named" \
	'[ $rc = 1 ] && grep -q "^NEW .* premium   wstETH discount -746 bps (beyond 100)" "$T/out"'
S refresh >/dev/null 2>&1
S alerts >/dev/null
check "a second refresh with the depeg still on: still one premium alert" '[ "$(count premium)" = 1 ]'
S alerts --json >"$T/out"
check "alerts --json: kind, message, fired_at, seen false, ended_at null" \
	'grep -q "{\"id\":1,\"kind\":\"premium\",\"key\":\"premium:wstETH\",\"message\":\"wstETH discount -746 bps (beyond 100)\",\"fired_at\":\"2026-11-25T08:00:00Z\",\"seen\":false,\"ended_at\":null}" "$T/out"'
S alerts --seen >"$T/out"; rc=$?
check "alerts --seen marks them: exit 0" '[ $rc = 0 ] && grep -q "^1 alert marked seen" "$T/out"'
S alerts >"$T/out"; rc=$?
check "all seen: exit 0, listed as seen" '[ $rc = 0 ] && grep -q "^seen .* premium " "$T/out"'
# the price comes back: the condition ends; the depeg again fires anew
cp "$FX/coingecko.json" "$T/coingecko.json"
S refresh >/dev/null 2>&1
check "the depeg over: its alert ended" '[ "$(sqlite3 "$T/p.db" "SELECT count(*) FROM alerts WHERE kind = '"'"'premium'"'"' AND ended_at IS NOT NULL")" = 1 ]'
sed 's/"wrapped-steth": {"usd": 3770.0/"wrapped-steth": {"usd": 3500.0/' "$FX/coingecko.json" >"$T/coingecko.json"
S refresh >/dev/null 2>&1
check "a new depeg fires again" '[ "$(count premium)" = 2 ]'
S alerts --seen >/dev/null

# a feed gone stale: Stride's REST host stops answering (404)
routes no
S refresh >/dev/null 2>&1
check "stride fails, but it succeeded 0 s ago (limit 900 s): no stale alert yet" '[ "$(count stale)" = 0 ]'
export STAKETOP_NOW=$((NOW + 1000))
routes no
S refresh >/dev/null 2>&1
S alerts >"$T/out"; rc=$?
# stride's last success was at NOW, 1000 s > 900 s ago; the others just succeeded
check "stale feed fires: stride_rest, last success 1000 s ago" \
	'[ $rc = 1 ] && grep -q "^NEW .* stale     feed stride_rest stale: last success 1000s ago (limit 900s)" "$T/out"'
check "only that feed" '[ "$(count stale)" = 1 ]'
S refresh >/dev/null 2>&1
S alerts >/dev/null
check "fires once: still one stale alert" '[ "$(count stale)" = 1 ]'
S alerts --seen >/dev/null

# the unbonding becomes claimable 21 days after the request
export STAKETOP_NOW=$((NOW + 21 * 86400 - 1))
S --offline alerts >/dev/null
check "a second before: not claimable, no alert" '[ "$(count claimable)" = 0 ]'
export STAKETOP_NOW=$((NOW + 21 * 86400))
S --offline alerts >"$T/out"; rc=$?
check "claimable fires at its date: exit 1, the unbonding named" \
	'[ $rc = 1 ] && grep -q "^NEW .* claimable unbonding 1 of position 2 claimable (10)" "$T/out"'
S --offline alerts >/dev/null
check "fires once: one claimable alert" '[ "$(count claimable)" = 1 ]'

# a day's move, against the store's snapshots: the NAV of the newest one
# with a NAV between 2 days and 1 day before now. wstETH's NAV now:
# 2 × 1.22 × 3100 = 7564; a day before (NOW − 36 h) 10000, the newer row
# at NOW − 30 h has no NAV, the one at NOW − 12 h (7000) is inside the
# last day: 7564 / 10000 − 1 = −24.4 % (against 7000 it would be +8.1 %)
cp "$FX/coingecko.json" "$T/coingecko.json"
sed 's/^move_pct = 0$/move_pct = 10/' "$T/config.ini" >"$T/move.ini"
M() { STAKETOP_NOW=$NOW "$ST" --db "$T/m.db" --config "$T/move.ini" "$@"; }
M add --asset wstETH --amount 2 >/dev/null
M refresh >/dev/null 2>&1
sqlite3 "$T/m.db" "INSERT INTO snapshots(ts, position_id, quantity, nav) VALUES
	($NOW - 129600, 1, '2', 10000), ($NOW - 108000, 1, '2', NULL), ($NOW - 43200, 1, '2', 7000)"
M --offline alerts >"$T/out"; rc=$?
check "a day's move fires against the newest NAV a day or two ago: -24.4 %" \
	'[ $rc = 1 ] && grep -q "^NEW .* move .*position 1 (wstETH) value -24.4 % in a day" "$T/out"' || diag

# hostile bytes: refused, nothing raw echoed
esc=$(printf '\033[2J')
e=$(S alerts "$esc" 2>&1); rc=$?
check "alerts refuses an unknown argument with ESC" '[ $rc = 2 ] && ! printf %s "$e" | grep -q "$(printf "\033")"'
e=$(S alerts "$(printf '\377')" 2>&1); rc=$?
check "alerts refuses invalid UTF-8" '[ $rc = 2 ] && ! printf %s "$e" | LC_ALL=C grep -q "$(printf "\377")"'
printf '[alerts]\npremium_bps.wst%sETH = 5\n' "$esc" >"$T/bad.ini"
e=$(S --config "$T/bad.ini" alerts 2>&1); rc=$?
check "a per-token rule with ESC in the symbol is refused" '[ $rc = 2 ] && echo "$e" | grep -q "expected premium_bps.SYMBOL"'
printf '[alerts]\nbell = loud\n' >"$T/bad.ini"
e=$(S --config "$T/bad.ini" alerts 2>&1); rc=$?
check "bell = loud is refused, naming the key" '[ $rc = 2 ] && echo "$e" | grep -q "\[alerts\] bell: expected true or false"'

done_testing plan
