#!/bin/sh
# A watched address survives export → import, for real: a Cosmos address
# read by `staketop refresh` from a loopback HTTP server (750 ATOM
# delegated, 250 leaving it), exported as JSON and imported into a fresh
# file; there the user adds the watch again (already watched: the same
# one) and the next read finds the imported position and unbonding: no
# second set of positions (double counting), no second unbonding, the
# same report as the original file read at the same time.
. tests/cli/lib.sh
T0=1795593600                 # 2026-11-25T08:00:00Z
export STAKETOP_NOW=$T0
diag() { echo "  output: $(head -c 600 "$T/out" 2>/dev/null)"; }

ADDR=cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk363e
VAL=cosmosvaloper1aaa
printf '{"delegation_responses":[{"delegation":{"delegator_address":"%s","validator_address":"%s","shares":"1.0"},"balance":{"denom":"uatom","amount":"750000000"}}],"pagination":{"next_key":null,"total":"1"}}' \
	"$ADDR" "$VAL" >"$T/del.json"
printf '{"unbonding_responses":[{"delegator_address":"%s","validator_address":"%s","entries":[{"creation_height":"241","completion_time":"2026-12-16T08:00:00Z","initial_balance":"250000000","balance":"250000000","unbonding_id":"1","unbonding_on_hold_ref_count":"0"}]}],"pagination":{"next_key":null,"total":"1"}}' \
	"$ADDR" "$VAL" >"$T/unb.json"
cat >"$T/routes" <<EOF
GET /cosmos/cosmos/staking/v1beta1/delegations/$ADDR file=del.json
GET /cosmos/cosmos/staking/v1beta1/delegators/$ADDR/unbonding_delegations file=unb.json
GET /cosmos/cosmos/distribution/v1beta1/delegators/$ADDR/rewards body={"rewards":[],"total":[]}
GET /cosmos/cosmos/bank/v1beta1/balances/$ADDR body={"balances":[],"pagination":{"next_key":null,"total":"0"}}
EOF
serve "$T/routes"
chains_config "$T/config.ini" cosmos_rest_url="$B/cosmos"
A() { "$ST" --db "$T/a.db" --config "$T/config.ini" "$@"; }
Bd() { "$ST" --db "$T/b.db" --config "$T/config.ini" "$@"; }
# positions (id asset quantity) and unbondings (position amount status), one a line
state() { sqlite3 "$1" "SELECT 'p', id, asset, quantity FROM positions ORDER BY id;
	SELECT 'u', position_id, amount, status FROM unbondings ORDER BY id"; }

A watch add --chain cosmos "$ADDR" --label hub >/dev/null
A refresh >"$T/out" 2>&1
# 1000 ATOM were delegated: 750 still staked, 250 leaving (an unbonding of
# the position, not a position of its own)
check "read: one ATOM position of 750 with one pending unbonding of 250" \
	'[ "$(state "$T/a.db" | tr "\n" " ")" = "p|1|ATOM|750 u|1|250|pending " ]'
A export --json >"$T/a.json"
Bd import "$T/a.json" >"$T/out" 2>&1
check "imported into a fresh file" '[ $? -eq 0 ]'
Bd watch add --chain cosmos "$ADDR" --label hub >"$T/out" 2>&1
check "adding the watch again: it is the imported one" 'grep -q "already watched as 1" "$T/out"'

# the next read, an hour later, in both files
export STAKETOP_NOW=$((T0 + 3600))
A refresh >/dev/null 2>&1
Bd refresh >"$T/out" 2>&1
check "the read after the import: still one position of 750 and one unbonding of 250" \
	'[ "$(state "$T/b.db" | tr "\n" " ")" = "p|1|ATOM|750 u|1|250|pending " ]'
check "… as in the original file read at the same time" '[ "$(state "$T/a.db")" = "$(state "$T/b.db")" ]'
A report --json >"$T/a.report"
Bd report --json >"$T/b.report"
check "report --json: the same in both files" 'cmp -s "$T/a.report" "$T/b.report"'
check "… whose total counts the 750 ATOM once and the 250 unbonding once" \
	'grep -q "\"totals\":{\"positions\":1," "$T/b.report" && [ "$(sed "s/{\"id\":/\n{\"id\":/g" "$T/b.report" | grep -c "^{\"id\":")" -eq 1 ]'

done_testing
