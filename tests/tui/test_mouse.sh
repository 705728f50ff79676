#!/bin/sh
# The mouse works too: a click selects a row, a second click opens it, a
# click on a column title sorts by it, a click on the bottom bar runs that
# key. The clicks are the SGR (1006) reports an xterm sends, typed into the
# pane.
. tests/tui/lib.sh

ESC=$(printf '\033')
click() { # x y (1-based)
	tm send-keys -t t -l "$ESC[<0;$1;$2M"
	tm send-keys -t t -l "$ESC[<0;$1;$2m"
}

shell_start
ui_start --db "$DB" --demo --offline
# line 6 is the second row (JitoSOL, by NAV)
click 12 6
wait_for "^#7 JitoSOL \(phantom\)"
check "a click selects the row" 'screen | grep -q "^#7 JitoSOL (phantom)"'
click 12 6
wait_for "JitoSOL  Jito staked SOL"
check "a second click opens it" 'screen | grep -q "Valuation: rate x underlying price"'
keys Escape
wait_for "F10Quit"
# the MARKET title spans columns 68-78 at 120 columns
click 78 4
wait_for "sort MARKET▼"
check "a click on a title sorts by that column" 'line 4 | grep -q "MARKET▼"'
# the bar: "F1Help" is at columns 1-6
click 3 40
wait_for "Help: keys"
check "a click on F1Help opens the help" 'screen | grep -q "Help: keys (from the key table)"'
click 3 20
wait_gone "Help: keys"
check "a click closes the help" 'screen | grep -q "F10Quit"'
keys q
wait_for "exit=0"
check "q quits" 'screen | grep -q "exit=0"'
done_testing
