#!/bin/sh
# `staketop refresh` against a real HTTP server on loopback serving the real
# response shapes (tests/fixtures/refresh/, built from DOMAIN.md), then one
# fault at a time: each must name the feed and the cause, exit 1, and keep
# the last good values (the report's figures do not move).
. tests/cli/lib.sh
FX="$(pwd)/tests/fixtures/refresh"
export STAKETOP_NOW=1795593600
diag() { echo "  output: $(head -c 600 "$T/out" 2>/dev/null)"; }

cp "$FX"/*.json "$T/"
good_routes() {
	cat >"$T/routes" <<EOF
GET /cg/simple/price file=coingecko.json
GET /llama/prices/current file=llama_coins.json
GET /yields/pools file=yields.json
POST /eth file=eth_rpc.json
POST /sol file=sol_rpc.json
GET /stride/ file=stride.json
EOF
}
good_routes
serve "$T/routes"
PORT=$(cat "$T/port")
B="http://127.0.0.1:$PORT"
write_config() { # $1: defillama_coins_url value
	cat >"$T/config.ini" <<EOF
[feeds]
coingecko_url = $B/cg
defillama_coins_url = $1
defillama_yields_url = $B/yields
eth_rpc_url = $B/eth
sol_rpc_url = $B/sol
stride_rest_url = $B/stride
timeout_seconds = 1
EOF
}
write_config "$B/llama"
S() { "$ST" --db "$T/p.db" --config "$T/config.ini" "$@"; }
S add --asset wstETH --amount 2 >/dev/null
S add --asset JitoSOL --amount 10 >/dev/null
S add --asset mSOL --amount 10 >/dev/null
S add --asset rETH --amount 1 >/dev/null
pos() { S report --json | sed 's/{"id":/\n{"id":/g' | grep "^{\"id\":$1,"; }
line() { grep "^$1 " "$T/out"; }

# --- every feed answers -------------------------------------------------
S refresh >"$T/out" 2>&1
rc=$?
check "all feeds ok: exit 0" '[ $rc -eq 0 ]'
for f in coingecko defillama defillama-yields eth_rpc sol_rpc stride_rest; do
	check "line for $f says ok" 'line $f | grep -q " ok "'
done
# 15 ids of the first catalog + 12 of the tokens added with issue 17
# (frxETH, hSOL and INF have no CoinGecko id)
check "coingecko took 27 prices" 'line coingecko | grep -q " 27 values"'
check "eth_rpc took 17 rates" 'line eth_rpc | grep -q " 17 values"'
check "sol_rpc took 6 rates" 'line sol_rpc | grep -q " 6 values"'
check "stride_rest took 1 rate" 'line stride_rest | grep -q " 1 values"'
# wstETH: 2 × 1.22 (eth_call) × 3100 (CoinGecko; DefiLlama's 3101 is not
# used when CoinGecko has the price) = 7564; market 2 × 3770 = 7540;
# premium (7540 / 7564 − 1) × 10000 = −31.7292… → −31.73
p=$(pos 1)
check "wstETH NAV from the live rate and price: 7564" 'echo "$p" | grep -q "\"nav\":7564,"'
check "wstETH premium -31.73 bps" 'echo "$p" | grep -q "\"premium_bps\":-31.73,"'
check "wstETH rate source is eth_rpc, price coingecko" \
	'echo "$p" | grep -q "\"rate:wstETH\":{\"source\":\"eth_rpc\"" && echo "$p" | grep -q "\"price:ETH\":{\"source\":\"coingecko\""'
check "wstETH APR from DefiLlama yields: stETH pool 2.80 % → 0.028" 'echo "$p" | grep -q "\"apr\":0.028,"'
# JitoSOL: total_lamports / pool_token_supply = 6636671656500264 /
# 6182849530219135 = 1.07340015700900…; NAV = 10 × that × 150 =
# 1610.1002355135… → 1610.1002
check "JitoSOL NAV from the stake pool account: 1610.1002" 'pos 2 | grep -q "\"nav\":1610.1002,"'
# mSOL: msol_price 5002122002 / 2^32 = 1.16464728536084…; NAV = 10 × that
# × 150 = 1746.9709280412… → 1746.9709
check "mSOL NAV from Marinade's state: 1746.9709" 'pos 3 | grep -q "\"nav\":1746.9709,"'

# --- faults: DefiLlama's prices off, so a failed feed changes nothing -----
write_config ""
fault() { # $1 name; $2 feed; $3 expected text in the feed's line
	S refresh >"$T/out" 2>&1
	rc=$?
	feed=$2
	want=$3
	check "$1: exit 1" '[ $rc -eq 1 ]'
	check "$1: $feed failed, saying '$want'" 'line "$feed" | grep -q " failed " && line "$feed" | grep -qF -- "$want"'
	check "$1: wstETH NAV kept at 7564" 'pos 1 | grep -q "\"nav\":7564,"'
	good_routes
	cp "$FX"/*.json "$T/"
}
cg_route() { # replace CoinGecko's route, keep the others
	good_routes
	grep -v '^GET /cg/' "$T/routes" >"$T/routes.new"
	echo "$1" >>"$T/routes.new"
	mv "$T/routes.new" "$T/routes"
}
set_cg() { printf '%s' "$1" >"$T/coingecko.json"; }
set_cg '{"ethereum":{"usd":3100'
fault "truncated JSON" coingecko "truncated JSON"
set_cg '{"ethereum":{"usd":3100}},,'
fault "malformed JSON" coingecko "malformed JSON"
set_cg '["ethereum",3100]'
fault "wrong shape" coingecko "expected"
set_cg '{"ethereum":{"usd":"3100"}}'
fault "wrong type" coingecko "string"
for v in null '"NaN"' 0 -5 1e300; do
	sed "s/\"ethereum\": {\"usd\": 3100.0/\"ethereum\": {\"usd\": $v/" "$FX/coingecko.json" >"$T/coingecko.json"
	fault "ETH price $v" coingecko "ethereum.usd"
done
sed 's/"wrapped-steth": {[^}]*}, //' "$FX/coingecko.json" >"$T/coingecko.json"
fault "missing asset" coingecko "missing: wrapped-steth"
cg_route 'GET /cg/simple/price status=404 body={"error":"not_found"}'
fault "HTTP 404" coingecko "HTTP 404"
cg_route 'GET /cg/simple/price status=500 body={}'
fault "HTTP 500 retried, then given up" coingecko "HTTP 500 (gave up after"
cg_route 'GET /cg/simple/price status=429 header=Retry-After:119 body={"status":{"error_code":429,"error_message":"rate"}}'
fault "HTTP 429 with a long Retry-After" coingecko "Retry-After 119"
# 08:00:00 + 1 s (the answer, rounded up) + 119 s = 08:02:00; the wait is
# kept in the database: forget it so that the next cases reach the server
check "HTTP 429 with a long Retry-After: rate limited until 08:02" \
	'line coingecko | grep -q "rate limited until 08:02"'
sqlite3 "$T/p.db" "UPDATE feed_status SET blocked_until = NULL"
cg_route 'GET /cg/simple/price hang=1'
fault "server never answers" coingecko "timeout"
cg_route 'GET /cg/simple/price trickle_ms=200 file=coingecko.json'
fault "server trickles bytes" coingecko "timeout"
head -c $((33 * 1024 * 1024)) /dev/zero | tr '\0' ' ' >"$T/big.json"
cg_route 'GET /cg/simple/price file=big.json'
fault "body past the size cap" coingecko "larger than"
printf '{"status":{"error_code":10002,"error_message":"bad \033[31mkey\033[0m \377\376 \302\233"}}' >"$T/coingecko.json"
fault "escape sequences in an error" coingecko "CoinGecko error 10002"
check "no control character reaches the output" \
	'! LC_ALL=C grep -q "$(printf "[\001-\010\013-\037\177]")" "$T/out" && ! grep -q "$(printf "\377")" "$T/out"'

# eth_rpc: an error object for wstETH (id 7), a short hex result
sed 's/{"jsonrpc": "2.0", "id": 7, "result": "0x[0-9a-f]*"}/{"jsonrpc": "2.0", "id": 7, "error": {"code": -32000, "message": "execution reverted"}}/' \
	"$FX/eth_rpc.json" >"$T/eth_rpc.json"
fault "JSON-RPC error object" eth_rpc "execution reverted"
sed 's/"id": 7, "result": "0x0*/"id": 7, "result": "0x/' "$FX/eth_rpc.json" >"$T/eth_rpc.json"
fault "hex result not 32 bytes" eth_rpc "expected 32"

# a node that refuses batches: one error object for the whole batch, then
# single calls, each answered by id
good_routes
grep -v '^POST /eth' "$T/routes" >"$T/routes.new"
echo 'POST /eth match=[{"jsonrpc" body={"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"batch_not_supported"}}' >>"$T/routes.new"
for id in 7 8 9 10 13 14 15 16 19 20 21 22 23 24 25 26 27; do
	hex=$(grep -o "\"id\": $id, \"result\": \"0x[0-9a-f]*\"" "$FX/eth_rpc.json" | grep -o '0x[0-9a-f]*')
	printf '{"jsonrpc":"2.0","id":%s,"result":"%s"}' "$id" "$hex" >"$T/single_$id.json"
	echo "POST /eth match=\"id\":$id, file=single_$id.json" >>"$T/routes.new"
done
mv "$T/routes.new" "$T/routes"
S refresh >"$T/out" 2>&1
check "batch refused: single calls take all 17 rates" 'line eth_rpc | grep -q " ok " && line eth_rpc | grep -q " 17 values"'
check "batch refused: wstETH NAV still 7564" 'pos 1 | grep -q "\"nav\":7564,"'
good_routes

# sol_rpc: account data too short for the stake pool layout
sed 's/"data": \["[A-Za-z0-9+\/=]*", "base64"\], "executable": false, "lamports": 5000000, "owner": "SPoo/"data": ["AQID", "base64"], "executable": false, "lamports": 5000000, "owner": "SPoo/' \
	"$FX/sol_rpc.json" >"$T/sol_rpc.json"
S refresh >"$T/out" 2>&1
check "short base64 account data: sol_rpc names it" 'line sol_rpc | grep -q "too short"'
check "short base64 account data: JitoSOL NAV kept" 'pos 2 | grep -q "\"nav\":1610.1002,"'
cp "$FX"/*.json "$T/"

# 429 with Retry-After: 1, then an answer: retried and ok
echo 'GET /cg/simple/price fail_first=1 fail_status=429 header=Retry-After:1 file=coingecko.json' >"$T/routes"
cat >>"$T/routes" <<EOF
GET /yields/pools file=yields.json
POST /eth file=eth_rpc.json
POST /sol file=sol_rpc.json
GET /stride/ file=stride.json
EOF
S refresh >"$T/out" 2>&1
rc=$?
check "429 then an answer: exit 0 after the retry" '[ $rc -eq 0 ]'
ms=$(line coingecko | grep -o '[0-9]* ms' | grep -o '[0-9]*')
check "429 then an answer: waited for Retry-After (>= 1000 ms, took ${ms:-?})" '[ "${ms:-0}" -ge 950 ]'

# --- DefiLlama fills in what CoinGecko lacks ------------------------------
write_config "$B/llama"
good_routes
sed 's/"rocket-pool-eth": {[^}]*}, //' "$FX/coingecko.json" >"$T/coingecko.json"
S refresh >"$T/out" 2>&1
check "CoinGecko missing rETH: coingecko line names it" 'line coingecko | grep -q "missing: rocket-pool-eth"'
# rETH, and hSOL and INF, which have no CoinGecko id
check "DefiLlama's price taken for rETH, hSOL and INF only" 'line defillama | grep -q " 3 values"'
# rETH market = 1 × 3501 (DefiLlama: CoinGecko's 3500 + 1 in the fixture)
check "rETH market price now from defillama: 3501" \
	'pos 4 | grep -q "\"price_market\":3501," && pos 4 | grep -q "\"price:rETH\":{\"source\":\"defillama\""'

# --- no feed answers -----------------------------------------------------
echo 'GET /nothing status=200' >"$T/routes"
S refresh >"$T/out" 2>&1
check "every feed failing: exit 2" '[ $? -eq 2 ]'

done_testing
