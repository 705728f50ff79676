#!/bin/sh
# Cost basis and P&L on a real database: rETH bought in two lots and partly
# unbonded, FIFO and average cost, the rewards/price split, report --json's
# cost_basis, pnl, pnl_pct (null without a cost basis) and what the totals
# cover; hostile bytes in `stake`'s arguments. Figures worked by hand.
. tests/cli/lib.sh
export STAKETOP_NOW=1795593600   # 2026-11-25T08:00:00Z
mkdir -p "$T/cfg"
: >"$T/cfg/config.ini"
S() { "$ST" --db "$T/p.db" --config "$T/cfg/config.ini" --offline "$@"; }
field() { echo "$1" | grep -o "\"$2\":[^,}]*" | head -1 | cut -d: -f2; }
tfield() { echo "$1" | grep -o '"totals":{.*' | grep -o "\"$2\":[^,}]*" | cut -d: -f2; }

# lot 1: 6 rETH opened 2026-01-01, cost basis 12 600 (6 × 1.05 × 2 000)
S add --asset rETH --amount 6 --opened 2026-01-01 --cost-basis 12600 >/dev/null
# lot 2: 4 rETH on 2026-06-01 at 2 700 each = 10 800
out=$(S stake 1 --amount 4 --price 2700 --at 2026-06-01)
check "stake records a lot with its price" 'echo "$out" | grep -q "staked 4 rETH on position 1 at 2700 usd each"'
S unbond 1 --amount 3 --at 2026-09-01 >/dev/null
# a second position without a cost basis
S add --asset rETH --amount 1 --opened 2026-01-01 >/dev/null
# recorded rates: 1.05 the day before lot 1, 1.08 the day before lot 2,
# 1.10 an hour ago; ETH 3 000 and rETH 3 300 an hour ago
sqlite3 "$T/p.db" "INSERT INTO observations(asset,kind,source,ts,value,fetched_at) VALUES
 ('rETH','rate','eth_rpc',1767139200,1.05,1767139200),
 ('rETH','rate','eth_rpc',1780185600,1.08,1780185600),
 ('rETH','rate','eth_rpc',1795590000,1.10,1795590000),
 ('ETH','price','coingecko',1795590000,3000,1795590000),
 ('rETH','price','coingecko',1795590000,3300,1795590000);"
j=$(S report --json)
p1=$(echo "$j" | sed 's/{"id":/\n{"id":/g' | grep '^{"id":1,')
p2=$(echo "$j" | sed 's/{"id":/\n{"id":/g' | grep '^{"id":2,')
# FIFO: the unbond of 3 leaves 3 of lot 1 (cost 12 600 × 3/6 = 6 300) and
# lot 2 (10 800): cost 17 100; NAV 7 × 1.10 × 3 000 = 23 100; P&L 6 000;
# 6 000 / 17 100 = 35.0877 %
check "cost_basis 17100 (FIFO)" '[ "$(field "$p1" cost_basis)" = 17100 ]'
check "pnl 6000" '[ "$(field "$p1" pnl)" = 6000 ]'
check "pnl_pct 35.0877" '[ "$(field "$p1" pnl_pct)" = 35.0877 ]'
# rewards: underlying then 3 × 1.05 + 4 × 1.08 = 7.47 ETH, now 7.70:
# 0.23 × 3 000 = 690; price: 6 000 − 690 = 5 310
check "pnl_rewards 690" '[ "$(field "$p1" pnl_rewards)" = 690 ]'
check "pnl_price 5310" '[ "$(field "$p1" pnl_price)" = 5310 ]'
check "no cost basis: null" '[ "$(field "$p2" cost_basis)" = null ] && [ "$(field "$p2" pnl)" = null ] && [ "$(field "$p2" pnl_pct)" = null ]'
check "no cost basis says so" 'echo "$p2" | grep -q "\"pnl_missing\":\"no cost basis\""'
check "totals cover 1 of 2" '[ "$(tfield "$j" pnl_positions)" = 1 ] && [ "$(tfield "$j" positions)" = 2 ] && [ "$(tfield "$j" pnl)" = 6000 ]'
txt=$(S report)
check "report says what P&L covers" 'echo "$txt" | grep -q "P&L covers 1 of 2 positions with a cost basis: cost 17,100.00, P&L +6,000.00 (+35.09 %)"'
# average cost: 3 of 10 leave every lot by 3/10:
# (12 600 + 10 800) × 0.7 = 16 380; P&L 23 100 − 16 380 = 6 720
printf '[pnl]\nlots = average\n' >"$T/cfg/config.ini"
j=$(S report --json)
p1=$(echo "$j" | sed 's/{"id":/\n{"id":/g' | grep '^{"id":1,')
check "average cost: pnl 6720" '[ "$(field "$p1" pnl)" = 6720 ] && [ "$(field "$p1" cost_basis)" = 16380 ]'
printf '[pnl]\nlots = lifo\n' >"$T/cfg/config.ini"
e=$(S report 2>&1); rc=$?
check "an unknown lot method is refused, naming the key" '[ $rc = 2 ] && echo "$e" | grep -q "\[pnl\] lots: expected fifo or average"'
: >"$T/cfg/config.ini"

# the lots survive an export and an import into a fresh database (the
# stake's own price included): the same P&L, 6 000
S export --json >"$T/export.json"
"$ST" --db "$T/q.db" --config "$T/cfg/config.ini" --offline import "$T/export.json" >/dev/null
j=$("$ST" --db "$T/q.db" --config "$T/cfg/config.ini" --offline report --json)
p1=$(echo "$j" | sed 's/{"id":/\n{"id":/g' | grep '^{"id":1,')
check "export and import keep the lots: pnl 6000" '[ "$(field "$p1" pnl)" = 6000 ] && [ "$(field "$p1" cost_basis)" = 17100 ]'

# hostile bytes in stake's arguments: refused, nothing echoed raw
esc=$(printf '\033[31m')
bad=$(printf '\377\376')
for arg in "--price=1${esc}" "--price=${bad}" "--at=${esc}2026" "--amount=${bad}"; do
	e=$(S stake 1 --amount 1 "$arg" 2>&1); rc=$?
	check "stake refuses '$(printf %s "$arg" | od -An -c | tr -s ' ' | head -c 40)'" \
		'[ $rc = 2 ] && ! printf %s "$e" | grep -q "$(printf "\033")" && ! printf %s "$e" | LC_ALL=C grep -q "$(printf "\377")"'
done
e=$(S stake "1${esc}" --amount 1 2>&1); rc=$?
check "stake refuses a hostile id" '[ $rc = 2 ] && ! printf %s "$e" | grep -q "$(printf "\033")"'
e=$(S stake 1 --amount 0 2>&1); rc=$?
check "stake refuses 0" '[ $rc = 2 ] && echo "$e" | grep -q "must be above 0"'
c=$(sqlite3 "$T/p.db" "SELECT count(*) FROM events WHERE position_id = 1")
check "nothing recorded by refused stakes (stake, stake, unbond)" '[ "$c" = 3 ]'

done_testing plan
