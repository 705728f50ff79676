#!/bin/sh
# A chain's node that answers 429 with a Retry-After longer than the HTTP
# layer waits holds back that chain's next reads, as a rate-limited feed
# does (test_refresh_deadline.sh): the failed read keeps the last
# quantities and says "rate limited until HH:MM"; the next `staketop
# refresh` before then sends that chain's node nothing, for every address
# of the chain, while the other chains are read; the hold is kept in the
# store (watches.blocked_until) and shown by `watch list --json`; once the
# time has passed the chain is read again. Against the loopback fixture
# server, which logs every request it gets (--verbose).
. tests/cli/lib.sh
diag() { echo "  output: $(head -c 800 "$T/out" 2>/dev/null)"; }

ATOM_A=cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk363e   # 20 bytes 00..13
ATOM_B=cosmos1zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3pahzj0   # 20 bytes of 0x11

beacon_answer() { # Gwei of validator 1
	printf '{"execution_optimistic":false,"finalized":false,"data":[{"index":"1","balance":"%s","status":"active_ongoing","validator":{"pubkey":"0x11","exit_epoch":"18446744073709551615","withdrawable_epoch":"18446744073709551615"}}]}' \
		"$1" >"$T/beacon.json"
}
cosmos_answer() { # address uatom-delegated file
	printf '{"delegation_responses":[{"delegation":{"delegator_address":"%s","validator_address":"cosmosvaloper1aaa","shares":"1.0"},"balance":{"denom":"uatom","amount":"%s"}}],"pagination":{"next_key":null,"total":"1"}}' \
		"$1" "$2" >"$T/$3"
}
printf '{"unbonding_responses":[],"pagination":{"next_key":null,"total":"0"}}' >"$T/unb.json"
printf '{"rewards":[],"total":[]}' >"$T/rew.json"
# no liquid uatom: an idle ATOM at 0, which makes no position
printf '{"balances":[],"pagination":{"next_key":null,"total":"0"}}' >"$T/bank.json"
routes() { # extra lines first (they win), then the good routes
	{
		for l in "$@"; do echo "$l"; done
		cat <<EOR
POST /beacon/eth/v1/beacon/states/head/validators file=beacon.json
GET /cosmos/cosmos/staking/v1beta1/delegations/$ATOM_A file=del_a.json
GET /cosmos/cosmos/staking/v1beta1/delegations/$ATOM_B file=del_b.json
GET /cosmos/cosmos/staking/v1beta1/delegators/ file=unb.json
GET /cosmos/cosmos/distribution/v1beta1/delegators/ file=rew.json
GET /cosmos/cosmos/bank/v1beta1/balances/ file=bank.json
EOR
	} >"$T/routes"
}
beacon_answer 32000000000
cosmos_answer "$ATOM_A" 100000000 del_a.json
cosmos_answer "$ATOM_B" 200000000 del_b.json
routes
serve "$T/routes" --verbose
# chains is the only feed configured: when it fails, no feed is ok and
# refresh exits 2.
# the HTTP layer waits at most 30 s for a Retry-After (its default), and a
# refresh at most 20 s: a Retry-After of 1800 s fails the request at once
chains_config "$T/config.ini" \
	beacon_url=$B/beacon \
	cosmos_rest_url=$B/cosmos
S() { "$ST" --db "$T/p.db" --config "$T/config.ini" "$@"; }
S watch add --chain beacon 1 >/dev/null
S watch add --chain cosmos "$ATOM_A" --label hub-a >/dev/null
S watch add --chain cosmos "$ATOM_B" --label hub-b >/dev/null
cosmos_hits() { grep -c "GET /cosmos/" "$T/server.log"; }
beacon_hits() { grep -c "POST /beacon/" "$T/server.log"; }
# a position's quantity: list --json, by account and asset
qty() { S list --json | sed 's/},{/}\n{/g' | grep "\"account\":\"$1\"" | grep "\"asset\":\"$2\"" |
	sed -n 's/.*"quantity":"\([^"]*\)".*/\1/p' | head -1; }
# one watch's object from watch list --json, by label
wl() { S watch list --json | sed 's/},{/}\n{/g' | grep "\"label\":\"$1\""; }
chains() { grep "^chains " "$T/out"; }
A40=$(printf '%.40s' "$ATOM_A")   # the chains line names an address by its first 40 bytes

# --- 08:00: everything answers --------------------------------------------------
export STAKETOP_NOW=1795593600   # 2026-11-25T08:00:00Z
S refresh >"$T/out" 2>&1
check "08:00: the chains line says ok" 'chains | grep -q " ok "'
# 100000000 uatom / 1e6; 200000000 / 1e6; 32000000000 Gwei / 1e9
check "08:00: hub-a 100 ATOM, hub-b 200 ATOM, validator 1 32 ETH" \
	'[ "$(qty hub-a ATOM)" = 100 ] && [ "$(qty hub-b ATOM)" = 200 ] && [ "$(qty beacon:1 ETH)" = 32 ]'
check "08:00: four GETs per cosmos address (8), one beacon POST" \
	'[ "$(cosmos_hits)" -eq 8 ] && [ "$(beacon_hits)" -eq 1 ]'
wl hub-a >"$T/out"
check "08:00: no hold: blocked_until null" 'grep -q "\"blocked_until\":null" "$T/out"'

# --- 09:00: hub-a's node answers 429, Retry-After 1800 -------------------------------
# until = 09:00:00 + 1 s (the loopback answer's time, rounded up) + 1800 s
#       = 09:30:01 (1795597200 + 1 + 1800 = 1795599001), said as 09:31
export STAKETOP_NOW=1795597200   # 2026-11-25T09:00:00Z
cosmos_answer "$ATOM_A" 111000000 del_a.json
cosmos_answer "$ATOM_B" 222000000 del_b.json
beacon_answer 32000000001
routes "GET /cosmos/ match=$ATOM_A status=429 header=Retry-After:1800 body={\"code\":8,\"message\":\"rate_limited\"}"
S refresh >"$T/out" 2>&1
rc=$?
check "09:00: exit 2 and the chains line says hub-a is rate limited until 09:31, with the 429" \
	'[ $rc -eq 2 ] && chains | grep -q "failed .*cosmos $A40: rate limited until 09:31 (HTTP 429, Retry-After 1800 s"'
check "09:00: hub-a's four GETs were sent once each (no retry): 8 + 4 + 4 (hub-b) = 16" \
	'[ "$(cosmos_hits)" -eq 16 ]'
check "09:00: hub-a kept at 100 ATOM; hub-b (answered) 222, validator 32.000000001" \
	'[ "$(qty hub-a ATOM)" = 100 ] && [ "$(qty hub-b ATOM)" = 222 ] && [ "$(qty beacon:1 ETH)" = 32.000000001 ]'
wl hub-a >"$T/out"
check "09:00: watch list --json: hub-a blocked_until 2026-11-25T09:30:01Z and the error" \
	'grep -q "\"error\":\"rate limited until 09:31 (HTTP 429" "$T/out" &&
	 grep -q "\"blocked_until\":\"2026-11-25T09:30:01Z\"" "$T/out"'
wl hub-b >"$T/out"
check "09:00: hub-b, read fine, is held too (one node per chain): no error, blocked_until 09:30:01" \
	'grep -q "\"error\":null" "$T/out" && grep -q "\"blocked_until\":\"2026-11-25T09:30:01Z\"" "$T/out"'
S watch list --json | sed 's/},{/}\n{/g' | grep '"chain":"beacon"' >"$T/out"
check "09:00: the beacon watch is not held" 'grep -q "\"blocked_until\":null" "$T/out"'

# --- 09:01: the node would answer now, but is not asked -----------------------------
export STAKETOP_NOW=1795597260   # 2026-11-25T09:01:00Z
routes
cosmos_answer "$ATOM_A" 133000000 del_a.json
cosmos_answer "$ATOM_B" 244000000 del_b.json
beacon_answer 32000000002
S refresh >"$T/out" 2>&1
rc=$?
check "09:01: exit 2, the chains line says rate limited until 09:31 for both cosmos addresses" \
	'[ $rc -eq 2 ] && chains | grep -q "failed .*cosmos $A40: rate limited until 09:31 and 1 more"'
check "09:01: ZERO requests to the cosmos node (still 16)" '[ "$(cosmos_hits)" -eq 16 ]'
check "09:01: the beacon node is read (2 + 1 = 3 POSTs): validator 32.000000002" \
	'[ "$(beacon_hits)" -eq 3 ] && [ "$(qty beacon:1 ETH)" = 32.000000002 ]'
check "09:01: hub-a kept at 100, hub-b at 222" '[ "$(qty hub-a ATOM)" = 100 ] && [ "$(qty hub-b ATOM)" = 222 ]'
wl hub-b >"$T/out"
check "09:01: hub-b says rate limited until 09:31, the hold kept (09:30:01)" \
	'grep -q "\"error\":\"rate limited until 09:31\"" "$T/out" &&
	 grep -q "\"blocked_until\":\"2026-11-25T09:30:01Z\"" "$T/out"'
S watch list >"$T/out" 2>&1
check "09:01: the text list says it too" \
	'[ "$(grep -c "error: rate limited until 09:31" "$T/out")" -eq 2 ]'
# the hold is per chain: one held address holds its chain's other ones
sqlite3 "$T/p.db" "UPDATE watches SET blocked_until = NULL WHERE label = 'hub-b'"
S refresh >"$T/out" 2>&1
check "09:01 again, hub-b's own hold dropped: still nothing sent to the cosmos node" \
	'[ "$(cosmos_hits)" -eq 16 ] && [ "$(qty hub-b ATOM)" = 222 ]'

# --- 09:30:01: the time kept has come; read again ---------------------------------
export STAKETOP_NOW=1795599001   # 2026-11-25T09:30:01Z, blocked_until itself
S refresh >"$T/out" 2>&1
check "09:30:01: the chains line says ok, the cosmos node asked again (16 + 8 = 24)" \
	'chains | grep -q " ok " && [ "$(cosmos_hits)" -eq 24 ]'
# 133000000 / 1e6, 244000000 / 1e6
check "09:30:01: hub-a 133 ATOM, hub-b 244 ATOM" '[ "$(qty hub-a ATOM)" = 133 ] && [ "$(qty hub-b ATOM)" = 244 ]'
wl hub-a >"$T/out"
check "09:30:01: the hold is gone: blocked_until null, error null" \
	'grep -q "\"blocked_until\":null" "$T/out" && grep -q "\"error\":null" "$T/out"'
check "and the store says so: no blocked_until left" \
	'[ "$(sqlite3 "$T/p.db" "SELECT count(*) FROM watches WHERE blocked_until IS NOT NULL")" -eq 0 ]'

done_testing plan
