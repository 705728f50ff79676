#!/bin/sh
# The manual price form (M) and what follows on screen: the price in
# force with an M mark on the board and "M manual, set <date>" in the
# detail; a bad value refused beside its field; the P&L columns ($).
. tests/tui/lib.sh

shell_start
ui_start --db "$DB" --demo --offline
# the demo's first row by NAV; select the wstETH row with the search
keys /
keys -l wstETH
keys Enter
keys M
wait_for "Set a manual price"
check "M opens the price form on the selected asset" 'screen | grep -Eq "Asset +wstETH|Asset: *wstETH|wstETH"'
keys -l 1e5
keys Enter
wait_for "not a plain decimal"
check "a bad price is refused beside its field" 'screen | grep -q "price: not a plain decimal"'
keys C-u
keys -l 4000
keys Tab Tab Tab
keys -l y
keys Enter
wait_for "wstETH: manual price set \\(pinned\\)"
check "saved: the message says it is pinned" 'screen | grep -q "wstETH: manual price set (pinned); feeds will not replace it until cleared"'
check "the store holds it with source manual" \
	'[ "$(sqlite3 "$DB" "SELECT value FROM observations WHERE asset = '"'"'wstETH'"'"' AND source = '"'"'manual'"'"'")" = 4000.0 ]'
# 8.2 wstETH × 4000 = 32,800.00 market; the AGE cell starts with M
check "the board shows the manual market value 32,800.00 and an M mark" \
	'screen | grep -E "wstETH" | grep -q "32,800.00" && screen | grep -E "wstETH" | grep -Eq " M[0-9]"'
keys Enter
wait_for "Valuation"
keys G
wait_for "Cost basis and P&L"
keys g
check "the detail says manual, with the date it was set" 'screen | grep -q "M manual, set 2026-11-25T08:00, pinned"'
keys q
wait_for "F1Help"
keys '$'
wait_for "P&L columns shown|P&L %"
check "\$ shows the cost, P&L and P&L % columns" 'screen | grep -q "COST" && screen | grep -q "P&L %"'
check "a position without a cost basis says so in the column" 'screen | grep -q "no cost"'
keys '$'
wait_for "P&L columns hidden"
check "\$ again hides them" '! screen | grep -q "P&L %"'
keys q
wait_for "exit=0"
done_testing
