#!/bin/sh
# Watched addresses read by `staketop refresh` from a real HTTP server on
# loopback serving CHAINS.md's reply shapes: positions appear with origin
# "chain", address and read_at, quantities exact to the base unit; changes
# between reads become events (reward accrual or transfer); a position no
# longer read is closed, not deleted; a failed read (unknown validator,
# refused batch, "0x" from a contract with no code, 410, 429) keeps the
# last quantities and says why.
. tests/cli/lib.sh
export STAKETOP_NOW=1795593600   # 2026-11-25T08:00:00Z
diag() { echo "  output: $(head -c 800 "$T/out" 2>/dev/null)"; }

EVM=0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed
ATOMADDR=cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk363e
SOLW=So11111111111111111111111111111111111111112
DOTADDR=15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5

# --- the answers ---------------------------------------------------------------
# Ethereum batch for one address (k = 0): id 1 eth_blockNumber, 2
# eth_getBalance, 3 + 2i balanceOf / 4 + 2i sharesOf for catalog index i
# (stETH is 4: ids 11, 12; rETH is 7: id 17). Every other token: 0.
# EigenLayer (the DelegationManager's ABI, CHAINS.md): 902
# getDepositedShares: the stETH strategy, 1.5e18 shares; 903
# getQueuedWithdrawals: 0.25e18 shares queued at block 20950000;
# 999999999 minWithdrawalDelayBlocks 100800; then 904 getWithdrawableShares
# (second batch): 1.4e18 after a slash.
EL_DEP=0x00000000000000000000000000000000000000000000000000000000000000400000000000000000000000000000000000000000000000000000000000000080000000000000000000000000000000000000000000000000000000000000000100000000000000000000000093c4b944d05dfe6df7645a86cd2206016c51564d000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000014d1120d7b160000
EL_Q=0x000000000000000000000000000000000000000000000000000000000000004000000000000000000000000000000000000000000000000000000000000001e0000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000200000000000000000000000005aaeb6053f3e94c9b9a09f33669435e7ef1beaed00000000000000000000000000000000000000000000000000000000000000000000000000000000000000005aaeb6053f3e94c9b9a09f33669435e7ef1beaed000000000000000000000000000000000000000000000000000000000000000700000000000000000000000000000000000000000000000000000000013fabf000000000000000000000000000000000000000000000000000000000000000e00000000000000000000000000000000000000000000000000000000000000120000000000000000000000000000000000000000000000000000000000000000100000000000000000000000093c4b944d05dfe6df7645a86cd2206016c51564d000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000003782dace9d9000000000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000020000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000003782dace9d90000
EL_WD=0x000000000000000000000000000000000000000000000000000000000000004000000000000000000000000000000000000000000000000000000000000000800000000000000000000000000000000000000000000000000000000000000001000000000000000000000000000000000000000000000000136dcc951d8c0000000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000014d1120d7b160000
EL_DELAY=0x00000000000000000000000000000000000000000000000000000000000189c0
w32() { printf '0x%064x' "$1"; }
eth_answer() { # eth-wei steth-wei steth-shares reth-word(or 0x)
	{
		printf '[{"jsonrpc":"2.0","id":1,"result":"0x1406f40"}'
		printf ',{"jsonrpc":"2.0","id":2,"result":"%s"}' "$1"
		printf ',{"jsonrpc":"2.0","id":11,"result":"%s"}' "$2"
		printf ',{"jsonrpc":"2.0","id":12,"result":"%s"}' "$3"
		printf ',{"jsonrpc":"2.0","id":17,"result":"%s"}' "$4"
		printf ',{"jsonrpc":"2.0","id":902,"result":"%s"}' "$EL_DEP"
		printf ',{"jsonrpc":"2.0","id":903,"result":"%s"}' "$EL_Q"
		printf ',{"jsonrpc":"2.0","id":999999999,"result":"%s"}' "$EL_DELAY"
		i=0
		while [ $i -le 40 ]; do
			printf ',{"jsonrpc":"2.0","id":%d,"result":"%s"}' $((3 + 2 * i)) "$(w32 0)"
			printf ',{"jsonrpc":"2.0","id":%d,"result":"%s"}' $((4 + 2 * i)) "$(w32 0)"
			i=$((i + 1))
		done
		printf ']'
	} >"$T/eth.json"
}
# Solana batch for one wallet: getEpochInfo, getBalance (id 1),
# getAccountInfo (2), getTokenAccountsByOwner for JitoSOL (index 10: id
# 13, two token accounts), mSOL (14) and the stake pools 27..30 (30..33)
sol_answer() {
	{
		printf '[{"jsonrpc":"2.0","id":999999999,"result":{"epoch":800,"slotIndex":400000,"slotsInEpoch":432000}}'
		printf ',{"jsonrpc":"2.0","id":1,"result":{"context":{"slot":345600000},"value":5000000001}}'
		printf ',{"jsonrpc":"2.0","id":2,"result":{"context":{"slot":345600000},"value":{"owner":"11111111111111111111111111111111","lamports":5000000001,"rentEpoch":18446744073709551615}}}'
		printf ',{"jsonrpc":"2.0","id":13,"result":{"value":['
		printf '{"pubkey":"A","account":{"data":{"program":"spl-token","parsed":{"info":{"tokenAmount":{"amount":"420000000000","decimals":9,"uiAmount":420.0}},"type":"account"}}}}'
		printf ',{"pubkey":"B","account":{"data":{"program":"spl-token","parsed":{"info":{"tokenAmount":{"amount":"1","decimals":9,"uiAmount":1e-9}},"type":"account"}}}}]}}'
		for id in 14 30 31 32 33; do printf ',{"jsonrpc":"2.0","id":%d,"result":{"value":[]}}' $id; done
		printf ']'
	} >"$T/sol.json"
}
# validators 1 (FAR_FUTURE as a string) and 2 (as a bare number), and 7
# exiting: withdrawable epoch 300256
beacon_answer() { # balance-of-1
	printf '{"execution_optimistic":false,"finalized":false,"data":[%s,%s,%s]}' \
		"{\"index\":\"2\",\"balance\":\"32000000000\",\"status\":\"active_ongoing\",\"validator\":{\"pubkey\":\"0x22\",\"exit_epoch\":18446744073709551615,\"withdrawable_epoch\":18446744073709551615}}" \
		"{\"index\":\"1\",\"balance\":\"$1\",\"status\":\"active_ongoing\",\"validator\":{\"pubkey\":\"0x11\",\"exit_epoch\":\"18446744073709551615\",\"withdrawable_epoch\":\"18446744073709551615\"}}" \
		"{\"index\":\"7\",\"balance\":\"31999999999\",\"status\":\"active_exiting\",\"validator\":{\"pubkey\":\"0x77\",\"exit_epoch\":\"300000\",\"withdrawable_epoch\":\"300256\"}}" \
		>"$T/beacon.json"
}
# Cosmos: two pages of delegations (the key has + / =), one slashed
# unbonding entry (balance 47500000 < initial 50000000), rewards, and two
# pages of bank balances: an ibc coin, then the liquid 3141592 uatom
cosmos_answer() { # amount-of-second-delegation (or "" for none)
	printf '{"delegation_responses":[{"delegation":{"delegator_address":"%s","validator_address":"cosmosvaloper1aaa","shares":"256250000.000000000000000000"},"balance":{"denom":"uatom","amount":"256250000"}}],"pagination":{"next_key":"FPoo+/==","total":"2"}}' "$ATOMADDR" >"$T/del1.json"
	if [ -n "$1" ]; then
		printf '{"delegation_responses":[{"delegation":{"delegator_address":"%s","validator_address":"cosmosvaloper1bbb","shares":"1.0"},"balance":{"denom":"uatom","amount":"%s"}}],"pagination":{"next_key":null,"total":"2"}}' "$ATOMADDR" "$1" >"$T/del2.json"
	else
		printf '{"delegation_responses":[],"pagination":null}' >"$T/del2.json"
	fi
	printf '{"unbonding_responses":[{"delegator_address":"%s","validator_address":"cosmosvaloper1ccc","entries":[{"creation_height":"2442278","completion_time":"2026-12-16T10:59:03.797335857Z","initial_balance":"50000000","balance":"47500000","unbonding_id":"12345","unbonding_on_hold_ref_count":"0"}]}],"pagination":{"next_key":null,"total":"1"}}' "$ATOMADDR" >"$T/unb.json"
	printf '{"rewards":[],"total":[{"denom":"uatom","amount":"1234567.891234567891234567"}]}' >"$T/rew.json"
	printf '{"balances":[{"denom":"ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2","amount":"5"}],"pagination":{"next_key":"YmFuaw==","total":"2"}}' >"$T/bank1.json"
	printf '{"balances":[{"denom":"uatom","amount":"3141592"}],"pagination":{"next_key":null,"total":"2"}}' >"$T/bank2.json"
}
routes() { # extra lines first (they win), then the good routes
	{
		for l in "$@"; do echo "$l"; done
		cat <<EOR
POST /eth match=0xc978f7ac body=[{"jsonrpc":"2.0","id":904,"result":"$EL_WD"}]
POST /eth match=eth_blockNumber file=eth.json
POST /sol match=getBalance file=sol.json
POST /beacon/eth/v1/beacon/states/head/validators file=beacon.json
GET /cosmos/cosmos/staking/v1beta1/delegations/$ATOMADDR?pagination.key=FPoo%2B%2F%3D%3D file=del2.json
GET /cosmos/cosmos/staking/v1beta1/delegations/$ATOMADDR file=del1.json
GET /cosmos/cosmos/staking/v1beta1/delegators/$ATOMADDR/unbonding_delegations file=unb.json
GET /cosmos/cosmos/distribution/v1beta1/delegators/$ATOMADDR/rewards file=rew.json
GET /cosmos/cosmos/bank/v1beta1/balances/$ATOMADDR?pagination.key=YmFuaw%3D%3D file=bank2.json
GET /cosmos/cosmos/bank/v1beta1/balances/$ATOMADDR file=bank1.json
GET /dot/pallets/staking/progress body={"activeEra":"210","forceEra":"NotForcing"}
GET /dot/accounts/$DOTADDR/staking-info?includeClaimedRewards=false file=dot.json
EOR
	} >"$T/routes"
}
# first read: ETH 2e18 + 1 wei; stETH 2e18 − 1 wei for 1.5e18 shares; rETH 0.5
eth_answer 0x1bc16d674ec80001 "$(w32 1999999999999999999)" "$(w32 1500000000000000000)" "$(w32 500000000000000000)"
sol_answer
beacon_answer 32001234567
cosmos_answer 1000001
printf '{"at":{"hash":"0x1","height":"3000000"},"controller":"14SP","rewardDestination":{"stash":null},"staking":{"stash":"%s","total":"155514320103496","active":"112964320103496","unlocking":[{"value":"42550000000000","era":"221"}]}}' "$DOTADDR" >"$T/dot.json"
routes
serve "$T/routes"
chains_config "$T/config.ini" \
	eth_rpc_url=$B/eth \
	sol_rpc_url=$B/sol \
	beacon_url=$B/beacon \
	cosmos_rest_url=$B/cosmos \
	polkadot_sidecar_url=$B/dot \
	beacon_genesis_time=1606824023 \
	beacon_sweep_seconds=86400
S() { "$ST" --db "$T/p.db" --config "$T/config.ini" "$@"; }
S watch add --chain ethereum "$EVM" --label main >/dev/null
S watch add --chain beacon 1 >/dev/null
S watch add --chain beacon 2 >/dev/null
S watch add --chain beacon 7 >/dev/null
S watch add --chain cosmos "$ATOMADDR" --label hub >/dev/null
S watch add --chain solana "$SOLW" --label sol >/dev/null
S watch add --chain polkadot "$DOTADDR" --label dot >/dev/null
# one report row per position: "{"id":N,... }"
rows() { S report --json | sed 's/{"id":/\n{"id":/g' | grep '^{"id":[0-9]*,"account"'; }
row() { rows | grep "\"account\":\"$1\"" | grep "\"asset\":\"$2\"" | grep -- "$3"; }
qty() { row "$1" "$2" "$3" | sed -n 's/.*"quantity":"\([^"]*\)".*/\1/p' | head -1; }
# by the note (what was read: validator, status, ETA), from list --json
nqty() { S list --json | sed 's/},{/}\n{/g' | grep "\"account\":\"$1\"" | grep "\"asset\":\"$2\"" |
	grep -- "$3" | sed -n 's/.*"quantity":"\([^"]*\)".*/\1/p' | head -1; }
# a pending exit from `unbonding --json`, by asset and a pattern (its
# available_at, its rule): the amount, or the position it leaves (pos)
unb() { S unbonding --json | sed 's/},{/}\n{/g' | grep "\"asset\":\"$1\"" | grep -- "$2" |
	sed -n 's/.*"amount":"\([^"]*\)".*/\1/p' | head -1; }
unbpos() { S unbonding --json | sed 's/},{/}\n{/g' | grep "\"asset\":\"$1\"" | grep -- "$2" |
	sed -n 's/.*"position":\([0-9]*\),.*/\1/p' | head -1; }
rowid() { row "$1" "$2" "$3" | sed 's/^{"id":\([0-9]*\),.*/\1/'; }
# the rate feeds share eth_rpc_url and sol_rpc_url and have no route here:
# what counts is the chains line
chains_ok() { grep -q "^chains .* ok " "$T/out"; }

S refresh >"$T/out" 2>&1
# 39 items: ETH, stETH, rETH, EL-stETH and its queued withdrawal, 3
# validators and validator 7's exit, 2 delegations, 1 unbonding entry,
# rewards, the idle ATOM, SOL, JitoSOL, DOT bonded and 1 unlocking chunk,
# and the 20 zero balances of the other tokens (21 read, 18 made into
# positions + exits)
check "first read: the chains line says ok, 39 values" 'chains_ok && grep -q "^chains .* 39 values" "$T/out"'
rows >"$T/rows"
cp "$T/rows" "$T/out"
check "ETH held is idle, 2.000000000000000001 (0x1bc16d674ec80001 wei)" \
	'[ "$(qty main ETH "\"kind\":\"idle\"")" = 2.000000000000000001 ]'
check "positions say origin chain, the address and read_at" \
	'row main ETH "\"origin\":\"chain\",\"address\":\"$EVM\",\"read_at\":\"2026-11-25T08:00:00Z\"" | grep -q .'
check "and the block or slot read at: ETH at block 21000000 (0x1406f40), SOL at slot 345600000" \
	'row main ETH "\"read_at\":\"2026-11-25T08:00:00Z\",\"read_height\":\"21000000\"" | grep -q . &&
	 row sol SOL "\"read_height\":\"345600000\"" | grep -q .'
check "stETH: 1.999999999999999999 (2e18 - 1 wei)" '[ "$(qty main stETH .)" = 1.999999999999999999 ]'
check "rETH: 0.5; tokens at zero make no position, an exit is no position (4 rows)" \
	'[ "$(qty main rETH .)" = 0.5 ] && [ "$(grep -c "\"account\":\"main\"" "$T/rows")" -eq 4 ]'
check "EigenLayer stETH: the withdrawable shares 1.4 (0x136dcc951d8c0000), not the deposited 1.5" \
	'[ "$(nqty main EL-stETH "withdrawable shares")" = 1.4 ]'
# startBlock 20950000 + 100800 = 21050800; 50800 blocks after 21000000 × 12 s
# = 609600 s after 2026-11-25T08:00:00Z: 2026-12-02T09:20:00Z
check "the queued withdrawal: an unbonding of 0.25 EL-stETH available 2026-12-02T09:20:00Z (an estimate)" \
	'[ "$(unb EL-stETH "\"available_at\":\"2026-12-02T09:20:00Z\".*an estimate.*block 21050800")" = 0.25 ]'
# Gwei / 1e9
check "validator 1: 32.001234567 ETH (string FAR_FUTURE: not exiting)" '[ "$(qty beacon:1 ETH .)" = 32.001234567 ]'
check "validator 2: 32 ETH (bare-number FAR_FUTURE read)" '[ "$(qty beacon:2 ETH .)" = 32 ]'
# genesis 1606824023 + 300256 × 384 + sweep 86400 = 1722208727 = 2024-07-28T23:18:47Z
check "validator 7 exiting: an unbonding of 31.999999999 ETH, available 2024-07-28T23:18:47Z (an estimate): claimable" \
	'[ "$(unb ETH "\"available_at\":\"2024-07-28T23:18:47Z\".*\"claimable\".*an estimate")" = 31.999999999 ]'
check "cosmos page 1: 256.25 ATOM (256250000 uatom)" '[ "$(nqty hub ATOM cosmosvaloper1aaa)" = 256.25 ]'
check "cosmos page 2 (next_key percent-encoded): 1.000001 ATOM" '[ "$(nqty hub ATOM cosmosvaloper1bbb)" = 1.000001 ]'
check "slashed unbonding by its balance: 47.5, available 2026-12-16T10:59:03Z, exact" \
	'[ "$(unb ATOM "\"available_at\":\"2026-12-16T10:59:03Z\".*(exact): unbonding from cosmosvaloper1ccc")" = 47.5 ]'
check "cosmos rewards truncated: 1.234567, idle (not staked: they earn nothing)" \
	'[ "$(nqty hub ATOM "pending rewards")" = 1.234567 ] && row hub ATOM "\"kind\":\"idle\"" | grep -q "\"quantity\":\"1.234567\""'
# bank page 2 (after the ibc coin's page): 3141592 uatom / 1e6
check "cosmos wallet: 3.141592 ATOM, one position over two bank pages; idle with the rewards (2)" \
	'[ "$(nqty hub ATOM "wallet balance")" = 3.141592 ] &&
	 [ "$(grep "\"account\":\"hub\"" "$T/rows" | grep -c "\"kind\":\"idle\"")" -eq 2 ]'
check "SOL idle 5.000000001; JitoSOL summed over two accounts 420.000000001" \
	'[ "$(qty sol SOL "\"kind\":\"idle\"")" = 5.000000001 ] && [ "$(qty sol JitoSOL .)" = 420.000000001 ]'
# planck / 1e10; active + unlocking = total: 112964320103496 + 42550000000000 = 155514320103496
check "Polkadot: bonded 11296.4320103496 DOT, unlocking 4255 after (221 - 210) eras of 86400 s" \
	'[ "$(nqty dot DOT "bonded")" = 11296.4320103496 ] &&
	 [ "$(unb DOT "\"available_at\":\"2026-12-06T08:00:00Z\".*an estimate.*era 221")" = 4255 ]'
# each exit is an unbonding of the position it leaves, which holds only
# what still earns
v7=$(rowid beacon:7 ETH .)
ccc=$(S list --json | sed 's/},{/}\n{/g' | grep "nothing staked" | sed 's/^\[*{"id":\([0-9]*\),.*/\1/')
check "validator 7's exit leaves position $v7, which holds 0 and is not closed" \
	'[ -n "$v7" ] && [ "$(unbpos ETH 2024-07-28T23:18:47Z)" = "$v7" ] && [ "$(qty beacon:7 ETH .)" = 0 ] &&
	 row beacon:7 ETH "\"closed\":false" | grep -q .'
check "the Cosmos entry leaves the cosmosvaloper1ccc position ($ccc), the queued withdrawal EL-stETH's, the chunk DOT's" \
	'[ -n "$ccc" ] && [ "$(unbpos ATOM cosmosvaloper1ccc)" = "$ccc" ] &&
	 [ "$(unbpos EL-stETH 21050800)" = "$(rowid main EL-stETH .)" ] && [ "$(unbpos DOT "era 221")" = "$(rowid dot DOT .)" ]'
S events "$v7" --json >"$T/out" 2>&1
check "validator 7's log: the first read (stake 31.999999999) and its unbond, no transfer out" \
	'grep -q "\"type\":\"stake\",\"amount\":\"31.999999999\"" "$T/out" &&
	 grep -q "\"type\":\"unbond\",\"amount\":\"31.999999999\"" "$T/out" && ! grep -q withdraw "$T/out"'
# the sums, with ATOM at 10: the hub's delegations, rewards and idle ATOM
# 256.25 + 1.000001 + 1.234567 + 3.141592 = 261.62616 ATOM = 2616.2616 at
# NAV; the exit 47.5 ATOM = 475 apart; the value with exits 3091.2616; the
# yearly yield on what earns only: apy × 2616.2616 (× 3091.2616 would
# count the exit), and what is idle earns nothing (below)
S price set ATOM 10 --apr 20 >/dev/null
S report --json | sed 's/.*"totals"://' >"$T/out"
tot() { sed -n "s/.*\"$1\":\([-0-9.e]*\).*/\1/p" "$T/out" | head -1; }
check "totals: nav 2616.2616, unbonding 475, value_nav 3091.2616 = nav + unbonding" \
	'[ "$(tot nav)" = 2616.2616 ] && [ "$(tot unbonding)" = 475 ] && [ "$(tot value_nav)" = 3091.2616 ]'
# what earns: the two delegations, 256.25 + 1.000001 = 257.250001 ATOM =
# 2572.50001; 20 % of it = 514.500002 (the rewards and the wallet's ATOM
# are idle)
check "totals: the yearly yield is apy × nav, not apy × (nav + exits); the idle ATOM earns nothing" \
	'awk -v y="$(tot yield_365d_value)" -v a="$(tot apy)" "BEGIN { d = y - a * 2616.2616; e = y - 0.2 * 2572.50001;
	 exit !(y > 0 && d < 0.001 && d > -0.001 && e < 0.001 && e > -0.001) }"'
S price clear ATOM >/dev/null

S watch list --json >"$T/out"
check "watch list: the height read at (block 21000000, slot 345600000)" \
	'grep -q "\"read_height\":\"21000000\"" "$T/out" && grep -q "\"read_height\":\"345600000\"" "$T/out"'

# --- second read: stETH rebased (same shares), ETH sent out, a delegation gone ---
export STAKETOP_NOW=1795597200
eth_answer 0x1bc16d674ec80000 "$(w32 2000000000000000123)" "$(w32 1500000000000000000)" "$(w32 500000000000000000)"
cosmos_answer ""
beacon_answer 32001334567
S refresh >"$T/out" 2>&1
rows >"$T/rows"
cp "$T/rows" "$T/out"
check "the unchanged Cosmos entry: one pending ATOM unbonding, still 47.5" \
	'[ "$(S unbonding --json | grep -o "\"asset\":\"ATOM\"" | wc -l)" -eq 1 ] && [ "$(unb ATOM cosmosvaloper1ccc)" = 47.5 ]'
check "stETH now 2.000000000000000123" '[ "$(qty main stETH .)" = 2.000000000000000123 ]'
stid=$(row main stETH . | sed 's/^{"id":\([0-9]*\),.*/\1/')
S events "$stid" --json >"$T/out" 2>&1
# 2000000000000000123 − 1999999999999999999 = 124 wei
check "the rebase is an adjust of 0.000000000000000124 noted reward accrual" \
	'grep -q "\"type\":\"adjust\",\"amount\":\"0.000000000000000124\"" "$T/out" && grep -q "reward accrual" "$T/out"'
ethid=$(row main ETH . | sed 's/^{"id":\([0-9]*\),.*/\1/')
S events "$ethid" --json >"$T/out" 2>&1
check "ETH sent out is a withdraw of 1 wei noted transfer" \
	'grep -q "\"type\":\"withdraw\",\"amount\":\"0.000000000000000001\"" "$T/out" && grep -q "transfer out" "$T/out"'
vid=$(row beacon:1 ETH . | sed 's/^{"id":\([0-9]*\),.*/\1/')
S events "$vid" --json >"$T/out" 2>&1
check "validator growth 100000 Gwei is reward accrual" \
	'grep -q "\"type\":\"adjust\",\"amount\":\"0.0001\"" "$T/out" && grep -q "reward accrual" "$T/out"'
cp "$T/rows" "$T/out"
check "the delegation no longer read is closed at 0, kept" '[ "$(nqty hub ATOM "no longer held")" = 0 ]'
check "report --json says it is closed, the others not" \
	'[ "$(grep "\"account\":\"hub\"" "$T/rows" | grep -c "\"closed\":true")" -eq 1 ] &&
	 [ "$(grep "\"account\":\"hub\"" "$T/rows" | grep -c "\"closed\":false")" -eq 4 ]'
dclosed=$(S list --json | sed 's/},{/}\n{/g' | grep "no longer held" | sed 's/^\[*{"id":\([0-9]*\),.*/\1/')
S events "$dclosed" --json >"$T/out" 2>&1
check "its history stays: the first read (stake 1.000001) and the transfer out" \
	'grep -q "\"type\":\"stake\",\"amount\":\"1.000001\"" "$T/out" && grep -q "\"type\":\"withdraw\",\"amount\":\"1.000001\"" "$T/out"'

# --- failed reads keep the last quantities -------------------------------------
export STAKETOP_NOW=1795600800
keep() { # name
	rows >"$T/rows"
	cp "$T/rows" "$T/out"
	check "$1: stETH kept at 2.000000000000000123" '[ "$(qty main stETH .)" = 2.000000000000000123 ]'
	check "$1: SOL kept at 5.000000001, read_at still the last good read's" \
		'[ "$(qty sol SOL .)" = 5.000000001 ] && row sol SOL "\"read_at\":\"2026-11-25T09:00:00Z\"" | grep -q .'
}
# "0x" from a contract with no code (rETH) and a 410 from the Solana node
eth_answer 0x0 "$(w32 5)" "$(w32 5)" 0x
routes "POST /sol status=410 body={\"jsonrpc\":\"2.0\",\"error\":{\"code\":410,\"message\":\"disabled\"}}"
S refresh >"$T/out" 2>&1
check "no code / 410: the chains line says failed" 'grep -q "^chains .* failed .*no contract code" "$T/out"'
S watch list --json >"$T/out"
check "the ETH watch says no contract code at rETH's token" \
	'grep -q "no contract code at 0xae78736Cd615f374D3085123A210448E74Fc6393" "$T/out"'
check "the Solana watch says HTTP 410" 'grep -q "HTTP 410" "$T/out"'
keep "no code / 410"
rows >"$T/out"
# now 2026-11-25T10:00:00Z, the last good read at 09:00: 3600 s old
check "report --json: the kept SOL says its age (3600 s) and the error" \
	'row sol SOL "\"read_age_seconds\":3600,\"closed\":false,\"read_error\":\"HTTP 410" | grep -q .'
# a node refusing batches: single calls instead, each answered by a match
eth_answer 0x1bc16d674ec80000 "$(w32 2000000000000000123)" "$(w32 1500000000000000000)" "$(w32 500000000000000000)"
sol_answer
{
	printf '%s\n' 'POST /eth match=[{"jsonrpc" body={"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"batch_not_supported"}}'
	printf '%s\n' 'POST /eth match=eth_blockNumber body={"jsonrpc":"2.0","id":1,"result":"0x1406f41"}'
	printf '%s\n' 'POST /eth match=eth_getBalance body={"jsonrpc":"2.0","id":2,"result":"0x1bc16d674ec80000"}'
	printf 'POST /eth match="id":902, body={"jsonrpc":"2.0","id":902,"result":"%s"}\n' "$EL_DEP"
	printf 'POST /eth match="id":903, body={"jsonrpc":"2.0","id":903,"result":"%s"}\n' "$EL_Q"
	printf 'POST /eth match="id":904, body={"jsonrpc":"2.0","id":904,"result":"%s"}\n' "$EL_WD"
	printf 'POST /eth match="id":999999999, body={"jsonrpc":"2.0","id":999999999,"result":"%s"}\n' "$EL_DELAY"
	printf 'POST /eth match="data":"0xf5eb42dc body={"jsonrpc":"2.0","id":12,"result":"%s"}\n' "$(w32 1500000000000000000)"
	printf 'POST /eth match="id":11, body={"jsonrpc":"2.0","id":11,"result":"%s"}\n' "$(w32 2000000000000000200)"
	printf 'POST /eth match="id":17, body={"jsonrpc":"2.0","id":17,"result":"%s"}\n' "$(w32 500000000000000000)"
	i=0
	while [ $i -le 40 ]; do
		printf 'POST /eth match="id":%d, body={"jsonrpc":"2.0","id":%d,"result":"%s"}\n' $((3 + 2 * i)) $((3 + 2 * i)) "$(w32 0)"
		i=$((i + 1))
	done
} >"$T/single"
routes
cat "$T/single" "$T/routes" >"$T/routes.new" && mv "$T/routes.new" "$T/routes"
S refresh >"$T/out" 2>&1
check "refused batch: the chains line says ok after single calls" 'chains_ok'
rows >"$T/rows"
cp "$T/rows" "$T/out"
check "refused batch: stETH read by single calls: 2.0000000000000002" '[ "$(qty main stETH .)" = 2.0000000000000002 ]'
# an unknown validator: the list form leaves it out
S watch add --chain beacon 999 >/dev/null
routes
S refresh >"$T/out" 2>&1
S watch list --json | sed 's/},{/}\n{/g' >"$T/out"
check "unknown validator 999: not found; validator 1 read" \
	'grep "\"address\":\"999\"" "$T/out" | grep -q "validator not found" && grep "\"address\":\"1\"" "$T/out" | grep -q "\"error\":null"'
routes "POST /beacon/ status=404 body={\"code\":404,\"message\":\"Validator_not_found\"}"
S refresh >"$T/out" 2>&1
S watch list --json >"$T/out"
check "beacon 404: the error says validator not found" 'grep -q "validator not found (Validator_not_found)" "$T/out"'
rows >"$T/out"
check "beacon 404: validator 1 kept at 32.001334567" '[ "$(qty beacon:1 ETH .)" = 32.001334567 ]'
# HTTP 429 with a Retry-After of 1 s: waited for, then read
export STAKETOP_NOW=1795604400
routes "POST /sol fail_first=1 fail_status=429 header=Retry-After:1 match=getBalance file=sol.json"
S refresh >"$T/out" 2>&1
S watch list --json | sed 's/},{/}\n{/g' >"$T/out"
check "429 with Retry-After 1: read after waiting" \
	'grep "\"address\":\"$SOLW\"" "$T/out" | grep -q "\"error\":null"'
# a Retry-After past what the layer waits: failed, kept
routes "POST /sol status=429 header=Retry-After:3600 body={}"
S refresh >"$T/out" 2>&1
S watch list --json | sed 's/},{/}\n{/g' >"$T/out"
check "429 with Retry-After 3600: the error says 429" 'grep "\"address\":\"$SOLW\"" "$T/out" | grep -q "429"'
rows >"$T/out"
check "429: SOL kept at 5.000000001" '[ "$(qty sol SOL .)" = 5.000000001 ]'

done_testing plan
