#!/bin/sh
# The withdraw / sell form (w) at 80x24 and the detail's realized lines
# (at 80x24 and 120x40),
# read back against `report --json`. The position: 10 ETH for 1 000 (10 at
# 100) and 10 bought at 120; the form sells 15 at 150 (FIFO):
#   proceeds 15 × 150 = 2 250, cost 10 × 100 + 5 × 120 = 1 600,
#   realized +650; the 5 held cost 600, at 160: unrealized +200; total +850.
. tests/tui/lib.sh
S() { STAKETOP_NOW=$NOW "$ST" --db "$DB" --offline "$@"; }
# 1234.5 -> 1,234.50
money() { printf '%.2f\n' "$1" | awk '{ s = $0; sign = ""; if (s ~ /^-/) { sign = "-"; s = substr(s, 2) }
	split(s, p, "."); i = p[1]; o = ""; while (length(i) > 3) { o = "," substr(i, length(i) - 2) o; i = substr(i, 1, length(i) - 3) }
	print sign i o "." p[2] }'; }

S add --asset ETH --amount 10 --opened 2026-01-01 --cost-basis 1000 >/dev/null
S stake 1 --amount 10 --price 120 --at 2026-02-01 >/dev/null
sqlite3 "$DB" "INSERT INTO observations(asset,kind,source,ts,value,fetched_at) VALUES
 ('ETH','price','coingecko',$((NOW - 3600)),160,$((NOW - 3600)));"

shell_start 80 24
ui_start --db "$DB" --offline
keys w
wait_for "Withdraw or sell from position 1"
check "w opens the withdraw form on the selected position" 'screen | grep -q "Withdraw or sell from position 1 (ETH, default)"'
keys -l 99
wait_for "more than position 1 holds"
check "the amount is checked as it is typed (99 > 20 held)" 'screen | grep -q "more than position 1 holds (20)"'
keys C-u
keys -l 15
keys Tab
keys -l 150
keys Tab
keys -l 2026-03-01
wait_for "Realized +\\+650.00"
check "the form shows what the sale realizes: +650.00" 'screen | grep -Eq "Realized +\+650\.00"'
check "and the arithmetic: proceeds 2,250.00 - cost 1,600.00" 'screen | grep -q "proceeds 2,250.00 - cost 1,600.00 (fifo lots)"'
keys Enter
wait_for "sold 15 ETH"
check "saved: the message says what it realized" 'screen | grep -q "sold 15 ETH from position 1 at 150 usd each: realized +650.00"'
check "one withdraw event with its price" \
	'[ "$(sqlite3 "$DB" "SELECT amount || '"'"' @ '"'"'|| price FROM events WHERE type = '"'"'withdraw'"'"'")" = "15 @ 150" ]'

j=$(S report --json)
r=$(echo "$j" | jq -r '.positions[0].realized')
pr=$(echo "$j" | jq -r '.positions[0].realized_proceeds')
rc=$(echo "$j" | jq -r '.positions[0].realized_cost')
tot=$(echo "$j" | jq -r '.positions[0].realized + .positions[0].pnl')
check "report --json: realized 650 of 2250 - 1600, total 850" \
	'[ "$r" = 650 ] && [ "$pr" = 2250 ] && [ "$rc" = 1600 ] && [ "$tot" = 850 ]'
keys Enter
wait_for "Valuation|Cost basis and P&L"
i=0
while [ $i -lt 30 ] && ! screen | grep -q "= Total P&L"; do keys j; i=$((i + 1)); sleep 0.05; done
wait_for "= Total P&L"
check "the detail lists the sale: date, units @ price, cost, result" \
	'screen | grep -Eq "sale 2026-03-01 +15 @ 150\.00 +cost $(money "$rc"): \+$(money "$r")"'
check "proceeds as report --json" 'screen | grep -Eq "proceeds +$(money "$pr")"'
check "cost of the units sold as report --json" 'screen | grep -Eq "cost of units sold +$(money "$rc")"'
check "realized = proceeds - cost" 'screen | grep -Eq "= Realized P&L +\+$(money "$r") +$(money "$pr") - $(money "$rc")"'
check "total = realized + unrealized, as report --json" 'screen | grep -Eq "= Total P&L +\+$(money "$tot") +realized \+ unrealized"'
# wider: the same lines, the notes whole
tm resize-window -t t -x 120 -y 40
wait_for "= Total P&L +\\+850\\.00  realized \\+ unrealized"
check "at 120x40 too: the sale and the total" \
	'screen | grep -Eq "sale 2026-03-01 +15 @ 150\.00  cost 1,600\.00: \+650\.00" && screen | grep -Eq "= Total P&L +\+850\.00"'
keys q
wait_for "F1Help"
# the board's P&L columns ($): REALIZED beside P&L at 120 columns, +650.00
keys '$'
wait_for "REALIZED"
check "at 120 columns \$ shows REALIZED: +650.00 for position 1 (as report --json)" \
	'screen | grep -Eq "^ +1 .* \+?$(money "$r") *$"'
keys '$'
wait_gone "REALIZED"
tm resize-window -t t -x 80 -y 24
sleep 0.3
wait_for "F1Help"
keys '?'
wait_for "Help|help"
i=0
while [ $i -lt 40 ] && ! screen | grep -q "withdraw or sell from the"; do keys NPage; i=$((i + 1)); sleep 0.05; done
check "the help lists w from the key table" 'screen | grep -Eq "│ w +board, detail +withdraw or sell from the"'
keys q
keys q
wait_for "exit=0"
done_testing
