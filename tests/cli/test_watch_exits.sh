#!/bin/sh
# Amounts leaving a stake, read from the chains (a Cosmos unbonding entry,
# an exiting validator), through their whole life, by `staketop refresh`
# against a real HTTP server on loopback: each is an unbonding of the
# position it leaves (in `staketop unbonding`, not a position of its own),
# the position keeps only what still earns, the log says "unbond" (never a
# transfer out); read again the amount and the ETA follow the chain (a
# slash); gone before its time with the stake back it was cancelled; gone
# after it, paid out. Two refreshes at once record an exit once. Hostile
# bytes in an entry fail the read and change nothing.
. tests/cli/lib.sh
T0=1795593600                 # 2026-11-25T08:00:00Z
export STAKETOP_NOW=$T0
diag() { echo "  output: $(head -c 600 "$T/out" 2>/dev/null)"; }

ADDR=cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk363e
VAL=cosmosvaloper1aaa
GENESIS=1606824023
SWEEP=86400

# delegation (uatom) and the unbonding entries: "id balance initial completion" ...
cosmos() { # delegation-uatom [entry ...]
	printf '{"delegation_responses":[{"delegation":{"delegator_address":"%s","validator_address":"%s","shares":"1.0"},"balance":{"denom":"uatom","amount":"%s"}}],"pagination":{"next_key":null,"total":"1"}}' \
		"$ADDR" "$VAL" "$1" >"$T/del.json"
	shift
	sep=""
	entries=""
	for e in "$@"; do
		set -- $e
		entries="$entries$sep{\"creation_height\":\"24$1\",\"completion_time\":\"$4\",\"initial_balance\":\"$3\",\"balance\":\"$2\",\"unbonding_id\":\"$1\",\"unbonding_on_hold_ref_count\":\"0\"}"
		sep=","
	done
	if [ -n "$entries" ]; then
		printf '{"unbonding_responses":[{"delegator_address":"%s","validator_address":"%s","entries":[%s]}],"pagination":{"next_key":null,"total":"1"}}' \
			"$ADDR" "$VAL" "$entries" >"$T/unb.json"
	else
		printf '{"unbonding_responses":[],"pagination":{"next_key":null,"total":"0"}}' >"$T/unb.json"
	fi
}
bank() { # uatom held unstaked
	printf '{"balances":[{"denom":"uatom","amount":"%s"}],"pagination":{"next_key":null,"total":"1"}}' "$1" >"$T/bank.json"
}
bank 0
validator() { # balance-gwei status withdrawable-epoch
	printf '{"execution_optimistic":false,"finalized":true,"data":[{"index":"9","balance":"%s","status":"%s","validator":{"pubkey":"0x99","exit_epoch":"%s","withdrawable_epoch":"%s"}}]}' \
		"$1" "$2" "$3" "$3" >"$T/beacon.json"
}
cat >"$T/routes" <<EOF
GET /cosmos/cosmos/staking/v1beta1/delegations/$ADDR file=del.json
GET /cosmos/cosmos/staking/v1beta1/delegators/$ADDR/unbonding_delegations file=unb.json
GET /cosmos/cosmos/distribution/v1beta1/delegators/$ADDR/rewards body={"rewards":[],"total":[]}
GET /cosmos/cosmos/bank/v1beta1/balances/$ADDR file=bank.json
POST /beacon/eth/v1/beacon/states/head/validators file=beacon.json
EOF
serve "$T/routes"
chains_config "$T/config.ini" \
	beacon_url=$B/beacon \
	cosmos_rest_url=$B/cosmos \
	beacon_genesis_time=$GENESIS \
	beacon_sweep_seconds=$SWEEP
S() { "$ST" --db "$T/p.db" --config "$T/config.ini" "$@"; }
S watch add --chain cosmos "$ADDR" --label hub >/dev/null
S watch add --chain beacon 9 --label v9 >/dev/null
refresh() { S refresh >"$T/out" 2>&1; }
# the pending exits, one per line
pending() { S unbonding --json | sed 's/},{/}\n{/g'; }
field() { sed -n "s/.*\"$1\":\"\\{0,1\\}\\([^,\"]*\\).*/\\1/p" | head -1; }
qty() { S list --json | sed 's/},{/}\n{/g' | grep "\"id\":$1," | field quantity; }
pos_id() { S list --json | sed 's/},{/}\n{/g' | grep "\"account\":\"$1\"" | grep -- "$2" |
	sed 's/^\[*{"id":\([0-9]*\),.*/\1/' | head -1; }
events() { S events "$1" --json | sed 's/},{/}\n{/g'; }

# --- 1. 1000 ATOM delegated; validator 9 active ---------------------------------
cosmos 1000000000
validator 32000000000 active_ongoing 18446744073709551615
refresh
P=$(pos_id hub "delegated to")
V=$(pos_id v9 active_ongoing)
check "read 1: 1000 ATOM delegated, validator 9 holds 32 ETH, no exit" \
	'[ "$(qty "$P")" = 1000 ] && [ "$(qty "$V")" = 32 ] && [ "$(pending)" = "[]" ]'

# --- 2. 250 ATOM start unbonding; validator 9 starts its exit --------------------
# completion 21 days after 08:00: 2026-12-16T08:00:00Z. Withdrawable epoch
# 493100: 1606824023 + 493100 × 384 = 1796174423, + sweep 86400 = 1796260823
# = 2026-12-03T01:20:23Z (an estimate)
export STAKETOP_NOW=$((T0 + 3600))
cosmos 750000000 "1 250000000 250000000 2026-12-16T08:00:00.123456789Z"
validator 32000000000 active_exiting 493100
refresh
pending >"$T/out"
check "read 2: one ATOM exit of 250 from position $P, exact, at 2026-12-16T08:00:00Z" \
	'[ "$(grep "\"asset\":\"ATOM\"" "$T/out" | grep "\"position\":$P," | grep "2026-12-16T08:00:00Z" | grep "(exact)" | field amount)" = 250 ]'
check "read 2: validator 9's exit of 32 ETH from position $V, at 2026-12-03T01:20:23Z, an estimate" \
	'[ "$(grep "\"position\":$V," "$T/out" | grep "2026-12-03T01:20:23Z" | grep "an estimate" | field amount)" = 32 ]'
check "read 2: the positions keep what earns: 750 ATOM, 0 ETH" '[ "$(qty "$P")" = 750 ] && [ "$(qty "$V")" = 0 ]'
events "$P" >"$T/out"
check "read 2: the log is stake 1000, unbond 250: no transfer out" \
	'grep -q "\"type\":\"stake\",\"amount\":\"1000\"" "$T/out" && grep -q "\"type\":\"unbond\",\"amount\":\"250\"" "$T/out" &&
	 [ "$(wc -l <"$T/out")" -eq 2 ]'
S unbond "$P" --amount 1 >"$T/out" 2>&1
rc=$?
check "a typed unbond on a chain position is refused (exit 2), naming why" \
	'[ $rc -ne 0 ] && grep -q "read from the chain (hub)" "$T/out" && [ "$(qty "$P")" = 750 ]'

# --- 3. the entry slashed by 5 %; the exiting validator earned 0.0001 ETH ---------
export STAKETOP_NOW=$((T0 + 7200))
cosmos 750000000 "1 237500000 250000000 2026-12-16T08:00:00Z"
validator 32000100000 active_exiting 493100
refresh
pending >"$T/out"
check "read 3: the exit takes the entry's balance, 237.5 (initial 250), the validator's 32.0001" \
	'[ "$(grep "\"position\":$P," "$T/out" | field amount)" = 237.5 ] && [ "$(grep "\"position\":$V," "$T/out" | field amount)" = 32.0001 ]'
check "read 3: still one exit each, no second unbond event, position still 750" \
	'[ "$(wc -l <"$T/out")" -eq 2 ] && [ "$(events "$P" | grep -c "\"type\":\"unbond\"")" -eq 1 ] && [ "$(qty "$P")" = 750 ]'

# --- 4. a second entry of 100 ATOM ------------------------------------------------
# completion 2026-12-16T11:00:00Z
export STAKETOP_NOW=$((T0 + 10800))
cosmos 650000000 "1 237500000 250000000 2026-12-16T08:00:00Z" "2 100000000 100000000 2026-12-16T11:00:00Z"
refresh
pending >"$T/out"
# 237.5 + 100 = 337.5 leaving; 650 staked; 650 + 337.5 = 987.5 = 1000 − 12.5 slashed
check "read 4: two ATOM exits, 237.5 and 100, position 650" \
	'[ "$(grep -c "\"position\":$P," "$T/out")" -eq 2 ] && grep "\"position\":$P," "$T/out" | grep -q "\"amount\":\"100\"" && [ "$(qty "$P")" = 650 ]'

# --- 5. the second entry cancelled: back in the delegation before its time -----------
export STAKETOP_NOW=$((T0 + 14400))
cosmos 750000000 "1 237500000 250000000 2026-12-16T08:00:00Z"
refresh
pending >"$T/out"
events "$P" >"$T/events"
check "read 5: the cancelled exit is gone, the first stays (237.5)" \
	'[ "$(grep -c "\"position\":$P," "$T/out")" -eq 1 ] && [ "$(grep "\"position\":$P," "$T/out" | field amount)" = 237.5 ]'
check "read 5: its unbond event is removed, noted cancelled; no deposit; position 750" \
	'grep "\"type\":\"unbond\",\"amount\":\"100\"" "$T/events" | grep -q "\"removed\":true" &&
	 grep -q "cancelled: back in the stake" "$T/events" && ! grep -q deposit "$T/events" && [ "$(qty "$P")" = 750 ]'

# --- 6. hostile bytes in an entry: the read fails, nothing changes ---------------------
export STAKETOP_NOW=$((T0 + 18000))
cosmos 750000000 "$(printf '3\033[31m 5000000 5000000 2026-12-16T12:00:00Z')"
refresh
S watch list --json >"$T/out"
check "an unbonding_id with ESC: the read fails, the error says so, printed clean" \
	'grep -q "not plain text" "$T/out" && ! grep -q "$(printf "\033")" "$T/out"'
check "... and the exits and the position are as they were" \
	'[ "$(pending | grep -c "\"position\":$P,")" -eq 1 ] && [ "$(qty "$P")" = 750 ]'

# --- 7. two refreshes at once see a third entry: it is recorded once --------------------
export STAKETOP_NOW=$((T0 + 21600))
cosmos 700000000 "1 237500000 250000000 2026-12-16T08:00:00Z" "4 50000000 50000000 2026-12-16T14:00:00Z"
S refresh >"$T/out1" 2>&1 &
p1=$!
S refresh >"$T/out2" 2>&1
wait $p1
pending >"$T/out"
cp "$T/out" "$T/pending7"
check "two writers: the 50 ATOM exit recorded once, the position 700" \
	'[ "$(grep -c "\"amount\":\"50\"" "$T/out")" -eq 1 ] && [ "$(events "$P" | grep -c "\"type\":\"unbond\",\"amount\":\"50\"")" -eq 1 ] &&
	 [ "$(qty "$P")" = 700 ]'

# --- 8. past the completion times: both paid out; the validator swept ----------------
# 2026-12-16T15:00:00Z, after both completions; withdrawal_done, balance 0
export STAKETOP_NOW=$((T0 + 21 * 86400 + 25200))
# the wallet now holds what was paid out: 237.5 + 50 = 287.5 ATOM
cosmos 700000000
bank 287500000
validator 0 withdrawal_done 493100
refresh
events "$P" >"$T/out"
# claims: 237.5 + 50 = 287.5; the log: 1000 − 250 − 100 + 100 − 50 = 700
check "read 8: no exit pending; the ATOM exits claimed (237.5 and 50), noted paid out" \
	'[ "$(pending)" = "[]" ] && grep -q "\"type\":\"claim\",\"amount\":\"237.5\"" "$T/out" &&
	 grep -q "\"type\":\"claim\",\"amount\":\"50\"" "$T/out" && grep -q "paid out" "$T/out"'
check "read 8: the delegation stays at 700, validator 9 at 0 and closed" \
	'[ "$(qty "$P")" = 700 ] && S report --json | sed "s/{\"id\":/\n{\"id\":/g" | grep "^{\"id\":$V," | grep -q "\"closed\":true"'
# every ATOM of the address: 700 staked + 287.5 in the wallet = 987.5 =
# 1000 − 12.5 slashed from the first entry; nothing counted twice
atom_total=$(S report --json | sed 's/{"id":/\n{"id":/g' | grep '"account":"hub"' |
	sed -n 's/.*"quantity":"\([^"]*\)".*/\1/p' | awk '{ s += $1 } END { print s }')
check "read 8: the paid-out ATOM is in the wallet (idle 287.5); staked + idle = 987.5 = 1000 − 12.5 slashed" \
	'[ "$(S list --json | sed "s/},{/}\n{/g" | grep "wallet balance" | field quantity)" = 287.5 ] && [ "$atom_total" = 987.5 ]'
events "$V" >"$T/out"
check "validator 9's log: stake 32, unbond 32, claim 32.0001 (0.0001 earned while exiting)" \
	'grep -q "\"type\":\"stake\",\"amount\":\"32\"" "$T/out" && grep -q "\"type\":\"unbond\",\"amount\":\"32\"" "$T/out" &&
	 grep -q "\"type\":\"claim\",\"amount\":\"32.0001\"" "$T/out"'

# --- 9. a store from the release before: an exit kept as a position of its own ------
# (what that release made of read 2: a chain position under the entry's key)
export STAKETOP_NOW=$((T0 + 3600))
S2() { "$ST" --db "$T/old.db" --config "$T/config.ini" "$@"; }
S2 watch add --chain cosmos "$ADDR" --label hub >/dev/null
S2 add --asset ATOM --amount 750 --account hub --note "delegated to $VAL" >/dev/null
S2 add --asset ATOM --amount 250 --account hub --note "unbonding from $VAL" >/dev/null
sqlite3 "$T/old.db" "UPDATE positions SET origin = 'chain';
	INSERT INTO watch_items(watch_id, key, position_id) VALUES(1, 'ATOM@$VAL', 1),
	(1, 'unbonding ATOM@$VAL #1', 2);"
export STAKETOP_NOW=$((T0 + 7200))
cosmos 750000000 "1 250000000 250000000 2026-12-16T08:00:00Z"
S2 refresh >"$T/out" 2>&1
S2 unbonding --json >"$T/out"
check "old store: the exit becomes an unbonding of 250 of the delegation (position 1)" \
	'[ "$(grep -c "\"position\":" "$T/out")" -eq 1 ] && grep "\"position\":1," "$T/out" | grep -q "\"amount\":\"250\""'
S2 events 2 --json >"$T/out"
# position 1: 750 + 250 moved in − 250 unbonding = 750; position 2: 0
check "old store: the old exit position goes to 0, noted; the delegation holds 750" \
	'grep -q "\"type\":\"withdraw\",\"amount\":\"250\"" "$T/out" && grep -q "now an unbonding of the position it leaves" "$T/out" &&
	 [ "$(S2 list --json | sed "s/},{/}\n{/g" | grep "\"id\":1," | field quantity)" = 750 ]'

# --- 10. a position removed by the user while its exit is pending --------------------
# the next read makes it again, with its exit (not the delegation alone)
export STAKETOP_NOW=$((T0 + 3600))
S3() { "$ST" --db "$T/rm.db" --config "$T/config.ini" "$@"; }
S3 watch add --chain cosmos "$ADDR" --label hub >/dev/null
bank 0
cosmos 750000000 "1 250000000 250000000 2026-12-16T08:00:00Z"
S3 refresh >/dev/null 2>&1
S3 remove 1 --yes >/dev/null 2>&1
export STAKETOP_NOW=$((T0 + 7200))
S3 refresh >/dev/null 2>&1
S3 unbonding --json >"$T/out"
# the position made again (SQLite may give it the removed one's id): the
# exit is requested from it at this read, 10:00
P3=$(S3 list --json | sed 's/},{/}\n{/g' | grep "delegated to" | sed 's/^\[*{"id":\([0-9]*\),.*/\1/')
check "removed, then read again: a new position ($P3) of 750 with its exit of 250, requested at 10:00" \
	'[ "$(S3 list --json | sed "s/},{/}\n{/g" | grep "delegated to" | field quantity)" = 750 ] &&
	 [ "$(grep -c "\"amount\":\"250\"" "$T/out")" -eq 1 ] &&
	 grep -q "\"position\":$P3,\"asset\":\"ATOM\",\"amount\":\"250\",\"requested_at\":\"2026-11-25T10:00:00Z\"" "$T/out"'

done_testing plan
