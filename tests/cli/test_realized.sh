#!/bin/sh
# Sales and realized P&L on a real database (staketop withdraw), figures
# worked by hand:
#   1: 10 ETH opened with cost basis 1 000 (10 at 100), 10 bought at 120,
#      15 sold at 150 (FIFO): proceeds 2 250 − cost 10 × 100 + 5 × 120 =
#      1 600 → realized +650; 5 held, cost 600, at 160 = 800: unrealized
#      +200; 650 + 200 = 850 = 2 250 + 800 − 2 200 paid
#   2: 4 ETH with no cost, 1 sold at 200: proceeds 200, realized unknown
#   3: 2 ETH for 300, both sold at 100: realized −100, quantity 0 (kept)
#   4: 5 ETH for 500, nothing sold: realized 0
# the refusals (above the holding, before the units were held, a chain
# position, hostile bytes) write nothing; ten withdraws racing ten edits.
. tests/cli/lib.sh
export STAKETOP_NOW=1795593600   # 2026-11-25T08:00:00Z
mkdir -p "$T/cfg"
: >"$T/cfg/config.ini"
S() { "$ST" --db "$T/p.db" --config "$T/cfg/config.ini" --offline "$@"; }
pos() { echo "$1" | jq -c ".positions[] | select(.id == $2)"; }
val() { echo "$1" | jq -r "$2"; }
nev() { sqlite3 "$T/p.db" "SELECT count(*) FROM events"; }

S add --asset ETH --amount 10 --opened 2026-01-01 --cost-basis 1000 >/dev/null
S stake 1 --amount 10 --price 120 --at 2026-02-01 >/dev/null
out=$(S withdraw 1 --amount 15 --price 150 --at 2026-03-01); rc=$?
check "withdraw with a price records a sale" '[ $rc = 0 ] && echo "$out" | grep -q "sold 15 ETH from position 1 at 150 usd each (event 3)"'
check "and prints what it realized: 2,250 - 1,600 = +650" \
	'echo "$out" | grep -q "proceeds 2,250.00 - cost 1,600.00 (fifo lots) = realized +650.00 usd"'
check "events --json carries the price received" \
	'[ "$(S events 1 --json | jq -r ".[] | select(.type == \"withdraw\") | .price")" = 150 ]'
S add --asset ETH --amount 4 --opened 2026-01-01 >/dev/null
S withdraw 2 --amount 1 --price 200 --at 2026-03-01 >/dev/null
S add --asset ETH --amount 2 --opened 2026-01-01 --cost-basis 300 >/dev/null
S withdraw 3 --amount 2 --price 100 --at 2026-04-01 --note "sold it all" >/dev/null
S add --asset ETH --amount 5 --opened 2026-06-01 --cost-basis 500 >/dev/null
sqlite3 "$T/p.db" "INSERT INTO observations(asset,kind,source,ts,value,fetched_at) VALUES
 ('ETH','price','coingecko',1795590000,160,1795590000);"

j=$(S report --json)
p1=$(pos "$j" 1); p2=$(pos "$j" 2); p3=$(pos "$j" 3); p4=$(pos "$j" 4)
check "1: realized 650, proceeds 2250, cost 1600, known" \
	'[ "$(val "$p1" .realized)" = 650 ] && [ "$(val "$p1" .realized_proceeds)" = 2250 ] && [ "$(val "$p1" .realized_cost)" = 1600 ] && [ "$(val "$p1" .realized_missing)" = null ] && [ "$(val "$p1" .realized_sales)" = 1 ]'
check "1: the 5 held cost 600, unrealized 800 - 600 = 200" \
	'[ "$(val "$p1" .cost_basis)" = 600 ] && [ "$(val "$p1" .pnl)" = 200 ]'
# realized + unrealized = proceeds + value now − cost paid (1 000 + 1 200)
check "1: realized + unrealized = 2250 + 800 - 2200 = 850" \
	'[ "$(echo "$p1" | jq ".realized + .pnl")" = "$(echo "$p1" | jq ".realized_proceeds + .nav - 2200")" ] && [ "$(echo "$p1" | jq ".realized + .pnl")" = 850 ]'
check "2: a sale of units without a cost: realized null, with the reason" \
	'[ "$(val "$p2" .realized)" = null ] && [ "$(val "$p2" .realized_missing)" = "a sale took units without a cost" ] && [ "$(val "$p2" .realized_proceeds)" = 200 ]'
check "3: fully sold, quantity 0, keeps realized 200 - 300 = -100" \
	'[ "$(val "$p3" .quantity)" = 0 ] && [ "$(val "$p3" .realized)" = -100 ] && [ "$(val "$p3" .realized_cost)" = 300 ]'
check "3: its unrealized P&L says nothing is held" '[ "$(val "$p3" .pnl_missing)" = "nothing held" ]'
check "4: nothing sold realizes 0" '[ "$(val "$p4" .realized)" = 0 ] && [ "$(val "$p4" .realized_sales)" = 0 ]'
# totals over 1, 3 and 4: 650 − 100 + 0 = 550; proceeds 2 250 + 200 =
# 2 450; cost 1 600 + 300 = 1 900; 2 sales
check "totals: realized 550 over 3 of 4 positions, 2 sales" \
	'[ "$(val "$j" .totals.realized)" = 550 ] && [ "$(val "$j" .totals.realized_positions)" = 3 ] && [ "$(val "$j" .totals.positions)" = 4 ] && [ "$(val "$j" .totals.realized_sales)" = 2 ] && [ "$(val "$j" .totals.realized_proceeds)" = 2450 ] && [ "$(val "$j" .totals.realized_cost)" = 1900 ]'
check "totals equal the sum of the rows they cover" \
	'[ "$(echo "$j" | jq "[.positions[] | select(.realized != null) | .realized] | add")" = "$(val "$j" .totals.realized)" ] && [ "$(echo "$j" | jq "[.positions[] | select(.realized != null)] | length")" = "$(val "$j" .totals.realized_positions)" ] && [ "$(echo "$j" | jq "[.positions[] | select(.realized != null) | .realized_proceeds] | add")" = "$(val "$j" .totals.realized_proceeds)" ]'
txt=$(S report)
check "report: what realized covers" \
	'echo "$txt" | grep -q "realized covers 3 of 4 positions (the rest sold units without a cost): 2 sales, proceeds 2,450.00 - cost 1,900.00 = realized +550.00"'
# average cost: 2 200 / 20 = 110; 15 × 110 = 1 650; 2 250 − 1 650 = 600
printf '[pnl]\nlots = average\n' >"$T/cfg/config.ini"
p1=$(pos "$(S report --json)" 1)
check "average cost: realized 600" '[ "$(val "$p1" .realized)" = 600 ] && [ "$(val "$p1" .realized_cost)" = 1650 ]'
: >"$T/cfg/config.ini"

# refusals: nothing written
before=$(nev)
e=$(S withdraw 1 --amount 6 --price 150 2>&1); rc=$?
check "above the holding refused" '[ $rc = 2 ] && echo "$e" | grep -q "more than position 1 holds (5)"'
e=$(S withdraw 4 --amount 1 --at 2026-02-01 2>&1); rc=$?
check "before the units were held refused" '[ $rc = 2 ] && echo "$e" | grep -q "withdraw 1 at 2026-02-01T00:00:00Z > position 4 held 0 then"'
e=$(S withdraw 4 --amount 1 --at 2027-01-01 2>&1); rc=$?
check "a time in the future refused" '[ $rc = 2 ] && echo "$e" | grep -q "in the future"'
e=$(S withdraw 4 --amount 0.0000000000000000001 2>&1); rc=$?
check "more decimals than ETH has refused" '[ $rc = 2 ] && echo "$e" | grep -q "too many decimals"'
e=$(S withdraw 4 --price 100 2>&1); rc=$?
check "--amount is required" '[ $rc = 2 ] && echo "$e" | grep -q "amount is required"'
sqlite3 "$T/p.db" "UPDATE positions SET origin = 'chain', address = '0xabc' WHERE id = 4"
e=$(S withdraw 4 --amount 1 --price 100 2>&1); rc=$?
check "a chain position is refused, naming why" '[ $rc = 2 ] && echo "$e" | grep -q "position 4 is read from the chain (default): its withdrawals are read from there"'
sqlite3 "$T/p.db" "UPDATE positions SET origin = 'manual', address = NULL WHERE id = 4"
esc=$(printf '\033]0;pwn\007')
bad=$(printf '\377\376')
k=0
for arg in "--price=1${esc}" "--price=${bad}" "--at=${esc}2026" "--amount=${bad}" \
	"--amount=1${esc}" "--note=a${esc}b" "--note=${bad}"; do
	e=$(S withdraw 4 --amount 1 "$arg" 2>&1); rc=$?
	k=$((k + 1))
	check "withdraw refuses hostile bytes in ${arg%%=*} ($k)" \
		'[ $rc = 2 ] && ! printf %s "$e" | grep -q "$(printf "\033")" && ! printf %s "$e" | LC_ALL=C grep -q "$(printf "\377")"'
done
e=$(S withdraw "4${esc}" --amount 1 2>&1); rc=$?
check "withdraw refuses a hostile id" '[ $rc = 2 ] && ! printf %s "$e" | grep -q "$(printf "\033")"'
check "nothing written by the refusals" '[ "$(nev)" = "$before" ]'

# a transfer out: no price, nothing realized (cost 1 × 100 leaves unsold)
out=$(S withdraw 4 --amount 1)
check "without a price: a transfer out" 'echo "$out" | grep -q "withdrew 1 ETH from position 4 (event [0-9]*, no price: a transfer out, nothing realized)"'
p4=$(pos "$(S report --json)" 4)
check "a transfer out realizes nothing" '[ "$(val "$p4" .realized)" = 0 ] && [ "$(val "$p4" .realized_sales)" = 0 ] && [ "$(val "$p4" .cost_basis)" = 400 ]'

# two writers at once: 10 withdraws of 1 racing 10 edits of the note on a
# position of 10
S add --asset ETH --amount 10 --opened 2026-01-01 --cost-basis 1000 >/dev/null
i=0
while [ $i -lt 10 ]; do echo withdraw; echo edit; i=$((i + 1)); done >"$T/jobs"
export ST T
xargs -P 8 -I{} sh -c '
	if [ {} = withdraw ]; then
		"$ST" --db "$T/p.db" --config "$T/cfg/config.ini" --offline withdraw 5 --amount 1 --price 110 >/dev/null 2>>"$T/run.err"
	else
		"$ST" --db "$T/p.db" --config "$T/cfg/config.ini" --offline edit 5 --note x >/dev/null 2>>"$T/run.err"
	fi || echo "{} failed" >>"$T/run.err"' <"$T/jobs"
check "every command succeeded" '[ ! -s "$T/run.err" ]'
[ -s "$T/run.err" ] && head -5 "$T/run.err"
check "exactly 0 left" '[ "$(S list --json | jq -r ".[] | select(.id == 5) | .quantity")" = 0 ]'
check "10 withdraw events, no adjust" \
	'[ "$(sqlite3 "$T/p.db" "SELECT count(*) FROM events WHERE position_id = 5 AND type = '"'withdraw'"'")" = 10 ] && [ "$(sqlite3 "$T/p.db" "SELECT count(*) FROM events WHERE position_id = 5 AND type = '"'adjust'"'")" = 0 ]'
# 10 × 110 − 1 000 = 100
p5=$(pos "$(S report --json)" 5)
check "the ten sales realized 10 x 110 - 1000 = 100" '[ "$(val "$p5" .realized)" = 100 ] && [ "$(val "$p5" .realized_sales)" = 10 ]'

done_testing plan
