#!/bin/sh
# Manual prices: `price set` stores observations with source manual that
# a refresh against the loopback fixture server does not replace; they are
# stale after stale_seconds unless pinned; `price clear` lets the feed's
# values apply again; `price list`; hostile bytes refused. Real SQLite
# file, the real binary, the fixture server.
. tests/cli/lib.sh
FX="$(pwd)/tests/fixtures/refresh"
NOW=1795593600
export STAKETOP_NOW=$NOW

cp "$FX"/*.json "$T/"
cat >"$T/routes" <<EOF
GET /cg/simple/price file=coingecko.json
GET /llama/prices/current file=llama_coins.json
GET /yields/pools file=yields.json
POST /eth file=eth_rpc.json
POST /sol file=sol_rpc.json
GET /cg/simple/price file=coingecko.json
GET /llama/prices/current file=llama_coins.json
GET /yields/pools file=yields.json
POST /eth file=eth_rpc.json
POST /sol file=sol_rpc.json
GET /stride/ file=stride.json
EOF
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
EOF
S() { "$ST" --db "$T/p.db" --config "$T/config.ini" "$@"; }
pos() { S --offline report --json | sed 's/{"id":/\n{"id":/g' | grep "^{\"id\":$1,"; }
S add --asset wstETH --amount 2 >/dev/null

# the market price of wstETH by hand, pinned; ETH's by hand, not pinned
out=$(S price set wsteth 3500 --pin)
check "price set names the canonical symbol and the pin" 'echo "$out" | grep -q "^wstETH: manual price set at 2026-11-25T08:00:00Z (pinned: never stale)"'
S price set ETH 2000 >/dev/null
S refresh >"$T/out" 2>&1
check "the refresh ran: coingecko ok" 'grep -q "^coingecko .* ok " "$T/out"'
p=$(pos 1)
# the feed has wstETH at 3770 and ETH at 3100; the manual values stay:
# market 2 × 3500 = 7000; NAV 2 × 1.22 (eth_call, the feed's) × 2000 = 4880
check "market value from the manual price after a refresh: 7000" 'echo "$p" | grep -q "\"market_value\":7000,"'
check "NAV from the manual ETH price after a refresh: 4880" 'echo "$p" | grep -q "\"nav\":4880,"'
check "sources say manual" 'echo "$p" | grep -q "\"price:wstETH\":{\"source\":\"manual\"" && echo "$p" | grep -q "\"price:ETH\":{\"source\":\"manual\""'
check "the feed's prices were stored too (kept, not in force)" \
	'[ "$(sqlite3 "$T/p.db" "SELECT count(*) FROM observations WHERE asset = '"'"'ETH'"'"' AND kind = '"'"'price'"'"' AND source = '"'"'coingecko'"'"'")" = 1 ]'
list=$(S price list)
check "price list shows both with M and the date" 'echo "$list" | grep -q "^wstETH .*price .*3500  2026-11-25T08:00:00Z  M pinned" && echo "$list" | grep -q "^ETH .*price .*2000  2026-11-25T08:00:00Z  M$"'

# 1000 s later (stale_seconds 900): the unpinned ETH price is stale
export STAKETOP_NOW=$((NOW + 1000))
p=$(pos 1)
check "an unpinned manual price goes stale after stale_seconds" 'echo "$p" | grep -q "\"stale\":true"'
check "price list marks it STALE, the pinned one not" 'S price list | grep -q "^ETH .* M STALE$" && S price list | grep -q "^wstETH .* M pinned$"'
# clear ETH and refresh: the feed's 3100 applies; the pinned wstETH price,
# 1000 s old, is not stale
S price clear eth >"$T/out"
check "price clear says what it removed" 'grep -q "^ETH: manual values cleared (1)" "$T/out"'
S refresh >/dev/null 2>&1
p=$(pos 1)
# NAV 2 × 1.22 × 3100 = 7564; market still 2 × 3500 = 7000
check "after clear the feed applies: NAV 7564" 'echo "$p" | grep -q "\"nav\":7564,"'
check "pinned manual price still in force: 7000" 'echo "$p" | grep -q "\"market_value\":7000,"'
# (the whole position is stale here anyway: the fixture's CoinGecko
# prices carry their own time, 1060 s old now)
check "a pinned manual price is never stale" 'S price list --json | grep -q "{\"asset\":\"wstETH\",\"kind\":\"price\",\"value\":3500,\"set_at\":\"2026-11-25T08:00:00Z\",\"pinned\":true,\"stale\":false}"'
check "an unpinned one of the same age would be: the pin is what keeps it" 'S price set ETH 2000 >/dev/null && STAKETOP_NOW=$((NOW + 2000)) S price list --json | grep -q "\"asset\":\"ETH\",\"kind\":\"price\",\"value\":2000,\"set_at\":\"2026-11-25T08:16:40Z\",\"pinned\":false,\"stale\":true" && S price clear ETH >/dev/null'
S price clear wstETH >/dev/null
S refresh >/dev/null 2>&1
# market 2 × 3770 = 7540
check "cleared: the feed's market price 7540" 'pos 1 | grep -q "\"market_value\":7540,"'
check "nothing manual left" 'S price list | grep -q "^no manual prices"'

# hostile bytes and bad values: exit 2, a message, no raw control bytes
esc=$(printf '\033]0;x\007')
bad=$(printf '\377')
for args in "set wstETH${esc} 1" "set wstETH 1${esc}" "set wstETH ${bad}" "set wstETH 1 --rate=${esc}" \
	"set wstETH 1 --apr=${bad}" "set wstETH 0" "set wstETH 1e5" "set wstETH -1" "clear ${esc}" \
	"${esc}" "list ${esc}" "set wstETH 1 --apr=5000"; do
	# shellcheck disable=SC2086
	e=$(S price $args 2>&1); rc=$?
	check "price refuses a bad argument ($(printf %s "$args" | od -An -c | tr -s ' ' | head -c 36))" \
		'[ $rc = 2 ] && [ -n "$e" ] && ! printf %s "$e" | grep -q "$(printf "\033")" && ! printf %s "$e" | LC_ALL=C grep -q "$(printf "\377")"'
done
check "nothing stored by the refusals" '[ "$(sqlite3 "$T/p.db" "SELECT count(*) FROM observations WHERE source = '"'"'manual'"'"'")" = 0 ]'

done_testing plan
