#!/bin/sh
# Resizing (SIGWINCH): 120x40 → 80x24 redraws the board with the columns
# that fit; 60x20 says the terminal is too small; back to 120x40 redraws
# everything again. Keys keep working throughout.
. tests/tui/lib.sh

shell_start 120 40
ui_start --db "$DB" --demo --offline
check "120x40: the wide board, underlying column included" 'line 4 | grep -q "UNDERLYING"'

tm resize-window -t t -x 80 -y 24
wait_for "^  ID ASSET +QUANTITY +NAV▼"
check "80x24: the columns that fit" 'line 4 | grep -Eq "^  ID ASSET +QUANTITY +NAV▼ +MARKET PREM bps +APY +AGE UNBONDING$"'
# wstETH at 80 columns: id 3, 8.2, NAV 30,013.04, market 29,930.82, -27.4
check "80x24: wstETH's numbers" 'screen | grep -Eq "^ +3 wstETH +8\.2 +30,013\.04 +29,930\.82 +-27\.4 +2\.75% +4d! +-$"'
# NAV 378,936.32 of the 11 valued positions + the ATOM exit at NAV 1,062.50
check "80x24: header totals still there, with coverage" 'line 2 | grep -q "NAV 379,998.82 · 11/11 valued   Market 379,479.86   Premium -13.7 bps" && line 3 | grep -q "^ APY [0-9.]*%   Yield 30d "'
check "80x24: the bottom bar ends with F10Quit" 'line 24 | grep -q "F10Quit$"'
check "80x24: the title shortens to fit beside the markers" \
	'line 1 | grep -Eq "^ staketop +STALE since 2026-11-20 12:00 UTC +OFFLINE +data to 2026-11-20$"'
keys F1
wait_for "Help: keys"
check "80x24: help fits" 'screen | grep -q "F1 ?"'
keys Escape

tm resize-window -t t -x 60 -y 20
wait_for "terminal too small"
check "60x20: terminal too small, with the sizes" 'screen | grep -q "terminal too small (need 80x24, have 60x20)"'
check "60x20: no board drawn" '! screen | grep -q "F1Help"'

tm resize-window -t t -x 120 -y 40
wait_for "UNDERLYING"
check "back to 120x40: the wide board again" 'line 4 | grep -q "UNDERLYING" && screen | grep -q "F10Quit"'
check "back to 120x40: the rows are there" '[ -n "$(row_of wstETH)" ] && [ -n "$(row_of DOT)" ]'
keys j
wait_for "^#7 JitoSOL"
check "keys still work after the resizes" 'screen | grep -q "^#7 JitoSOL (phantom)"'
keys q
wait_for "exit=0"
check "q quits" 'screen | grep -q "exit=0"'
done_testing
