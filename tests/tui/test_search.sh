#!/bin/sh
# Incremental search (/, n, N) and the filter (F4) on the demo board. The
# status line names the selected position ("#7 JitoSOL (phantom)").
. tests/tui/lib.sh

shell_start
ui_start --db "$DB" --demo --offline
# rows by NAV: ETH, JitoSOL, SOL, stETH, EL-stETH, wstETH, mSOL, rETH, weETH,
# ATOM, DOT; the cursor starts on ETH
check "the first row is selected" 'screen | grep -q "^#1 ETH (validator)"'

keys /
wait_for "^/"
keys j i
# typing moves the selection at once: "ji" is in JitoSOL
wait_for "^/ji"
keys t o
wait_for "^/jito"
keys Enter
wait_for "^#7 JitoSOL \(phantom\)"
check "/jito selects JitoSOL" 'screen | grep -q "^#7 JitoSOL (phantom)"'

# "ledger" holds stETH (#2), EL-stETH (#6) and wstETH (#3), in board order
keys / l e d g e r Enter
wait_for "^#2 stETH \(ledger\)"
check "/ledger finds stETH first" 'screen | grep -q "^#2 stETH (ledger)"'
keys n
wait_for "^#6 EL-stETH \(ledger\)"
check "n: the next match, EL-stETH" 'screen | grep -q "^#6 EL-stETH (ledger)"'
keys n
wait_for "^#3 wstETH \(ledger\)"
check "n: then wstETH" 'screen | grep -q "^#3 wstETH (ledger)"'
keys N
wait_for "^#6 EL-stETH \(ledger\)"
check "N: back to EL-stETH" 'screen | grep -q "^#6 EL-stETH (ledger)"'

keys / z z z
wait_for "\(no match\)"
check "a search with no match says so" 'screen | grep -q "^/zzz  (no match)"'
keys Escape
wait_for "^#6 EL-stETH \(ledger\)"
check "Esc goes back to where the search began" 'screen | grep -q "^#6 EL-stETH (ledger)"'

# Filter to the restaked kind: EL-stETH and weETH, and their total:
# 30,124.50 + 13,194.62 = 43,319.12
keys f
wait_for "^filter "
keys k i n d : r e s t a k e d Enter
wait_for 'filter "kind:restaked" 2/11'
check "filter kind:restaked keeps 2 of 11" 'screen | grep -q "filter \"kind:restaked\" 2/11"'
check "only restaked rows remain" \
	'[ -n "$(row_of EL-stETH)" ] && [ -n "$(row_of weETH)" ] && [ -z "$(row_of wstETH)" ] && [ -z "$(row_of ETH)" ]'
check "the filtered total is 43,319.12" 'screen | grep -Eq "filtered total \(2\) +43,319\.12 "'
keys f C-u c h a i n : s o l Enter
wait_for 'filter "chain:sol" 3/11'
check "filter chain:sol keeps JitoSOL, mSOL, SOL" \
	'[ -n "$(row_of JitoSOL)" ] && [ -n "$(row_of mSOL)" ] && [ -n "$(row_of SOL)" ] && [ -z "$(row_of ETH)" ]'
keys f C-u a c c o u n t : h o t Enter
wait_for 'filter "account:hot" 2/11'
check "filter account:hot keeps rETH and weETH" '[ -n "$(row_of rETH)" ] && [ -n "$(row_of weETH)" ]'
keys c
wait_for "sort NAV▼ · 11$"
check "c clears the filter" '[ -n "$(row_of ETH)" ] && [ -n "$(row_of DOT)" ]'

keys q
wait_for "exit=0"
check "q quits" 'screen | grep -q "exit=0"'
done_testing
