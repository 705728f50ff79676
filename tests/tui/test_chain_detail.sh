#!/bin/sh
# A watched Cosmos address read by the interface's own refresh (F2), at
# 80x24: the delegation is a position holding what still earns, its
# unbonding entry a row of the unbonding screen with the chain's exact
# completion time (not a position), the header's unbonding figure counts
# it; the detail says where the quantity was read and when; a later read
# that fails (hostile bytes in the entry) keeps the quantity and says so,
# cleaned.
. tests/tui/lib.sh

ADDR=cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk363e
VAL=cosmosvaloper1aaa
entry() { # unbonding_id
	printf '{"unbonding_responses":[{"delegator_address":"%s","validator_address":"%s","entries":[{"creation_height":"2442278","completion_time":"2026-12-16T08:00:00.5Z","initial_balance":"250000000","balance":"250000000","unbonding_id":"%s","unbonding_on_hold_ref_count":"0"}]}],"pagination":{"next_key":null,"total":"1"}}' \
		"$ADDR" "$VAL" "$1" >"$T/fx/unb.json"
}
printf '{"delegation_responses":[{"delegation":{"delegator_address":"%s","validator_address":"%s","shares":"1.0"},"balance":{"denom":"uatom","amount":"750000000"}}],"pagination":{"next_key":null,"total":"1"}}' \
	"$ADDR" "$VAL" >"$T/fx/del.json"
entry 7
cat >"$T/fx/routes" <<EOF
GET /cosmos/staking/v1beta1/delegations/$ADDR file=del.json
GET /cosmos/staking/v1beta1/delegators/$ADDR/unbonding_delegations file=unb.json
GET /cosmos/distribution/v1beta1/delegators/$ADDR/rewards body={"rewards":[],"total":[]}
GET /cosmos/bank/v1beta1/balances/$ADDR body={"balances":[],"pagination":{"next_key":null,"total":"0"}}
EOF
fixture_start
cat >"$T/config.ini" <<EOF
[feeds]
coingecko_url =
defillama_coins_url =
defillama_yields_url =
eth_rpc_url =
sol_rpc_url =
lido_wq_url =
stride_rest_url =
cosmos_rest_url = http://127.0.0.1:$PORT
refresh_seconds = 3600
EOF
"$ST" --db "$DB" --config "$T/config.ini" watch add --chain cosmos "$ADDR" --label hub >/dev/null
# ATOM at 10: 750 earning = 7,500.00; 250 leaving = 2,500.00
"$ST" --db "$DB" --config "$T/config.ini" price set ATOM 10 --apr 20 >/dev/null

shell_start 80 24
ui_start --db "$DB" --config "$T/config.ini"
keys F2
wait_for "^ +1 ATOM +750 "
check "the interface's refresh read the delegation: one ATOM row of 750, 7,500.00" \
	'screen | grep -Eq "^ +1 ATOM +750 +7,500\.00" && [ "$(screen | grep -Ec "^ +[0-9]+ ATOM ")" -eq 1 ]'
check "the header: NAV 10,000.00 with the exit, Unbonding 2,500.00 in 21d" \
	'screen | grep -Fq "NAV 10,000.00" && screen | grep -Fq "Unbonding 2,500.00 · in 21d 0h"'
check "the yearly yield on what earns: 20% of 7,500.00 = 1,500.00" 'screen | grep -Fq "1y 1,500.00"'
keys u
wait_for "POS ASSET"
check "the unbonding screen: 250 ATOM at 2026-12-16 08:00, 21d left" \
	'screen | grep -Eq "^ +1 ATOM +250 2026-12-16 08:00 +21d 00:00:00"'
check "its rule: read from the chain, exact" 'screen | grep -Fq "read from the chain (exact)"'
keys Escape
wait_for "F1Help F2Refresh F3Search"
keys Enter
wait_for "Read from"
check "the detail: read from cosmos, the address" 'screen | grep -Eq "Read from +cosmos +cosmos1qqqsyqcy"'
check "the detail: read at 11-25 08:00" 'screen | grep -Eq "Read at +11-25 08:00 "'
check "no failure shown after a good read" '! screen | grep -Fq "Last read"'
keys b
wait_for "its unbondings are read"
check "b on a chain position: no unbond form, the reason instead" \
	'screen | grep -Fq "read from the chain (hub): its unbondings are read" && ! screen | grep -q "Unbond from position"'
keys Escape
wait_for "F1Help F2Refresh F3Search"

# the next read: an unbonding_id with ESC in it
entry "$(printf '8\033[2J')"
keys F2
sleep 1
keys Enter
wait_for "Last read"
check "a failed read: FAILED, the quantity kept" \
	'screen | grep -Eq "Last read +FAILED [0-9]{2}:[0-9]{2} +quantity kept" && screen | grep -Eq "Quantity +750 "'
check "the reason under it, without the escape byte" \
	'screen | grep -Fq "unbonding_id or creation_height not plain text" && ! screen | grep -q "$(printf "\033")"'
keys Escape
wait_for "F1Help F2Refresh F3Search"
keys u
wait_for "POS ASSET"
check "the exit is still there, once" '[ "$(screen | grep -Ec "^ +1 ATOM +250 ")" -eq 1 ]'
keys Escape F10
wait_for "exit="
check "quits cleanly: exit 0 (under the sanitizers: no leak, no error)" 'wait_for "exit=0"'
done_testing
