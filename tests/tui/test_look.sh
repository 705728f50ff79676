#!/bin/sh
# Colours as roles with a monochrome fallback: colours by default, none with
# NO_COLOR; UTF-8 box drawing, ASCII when the locale is not UTF-8.
. tests/tui/lib.sh

ESC=$(printf '\033')
# an SGR sequence that sets a colour (foreground, background, 256, bright)
colour_re="$ESC\[([0-9]+;)*(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9]+)*m"

shell_start
ui_start --db "$DB" --demo --offline
check "colours by default" 'tm capture-pane -p -e -t t | grep -Eq "$colour_re"'
keys F1
wait_for "Help: keys"
check "UTF-8 locale: box drawing characters" 'screen | grep -q "┌─ Help: keys"'
check "UTF-8 locale: the sort arrow" 'screen | grep -q "NAV▼"'
keys q q
wait_for "exit=0"
keys -l clear
keys Enter
wait_gone "exit=0"

UI_ENV="env STAKETOP_NOW=$NOW NO_COLOR=1"
ui_start --db "$DB" --demo --offline
check "NO_COLOR: no colour at all" '! tm capture-pane -p -e -t t | grep -Eq "$colour_re"'
check "NO_COLOR: the selected row is still marked (reverse video)" \
	'tm capture-pane -p -e -t t | grep -q "$ESC\[7m"'
check "NO_COLOR: same numbers" '[ -n "$(row_of wstETH | grep " 30,013.04 ")" ]'
keys q
wait_for "exit=0"
keys -l clear
keys Enter
wait_gone "exit=0"

UI_ENV="env STAKETOP_NOW=$NOW LANG=C LC_ALL=C"
ui_start --db "$DB" --demo --offline
check "C locale: an ASCII sort arrow" 'line 4 | grep -q "NAVv "'
keys F1
wait_for "Help: keys"
check "C locale: an ASCII box" 'screen | grep -q "+- Help: keys (from the key table) -"'
check "C locale: no UTF-8 box characters" '! screen | grep -q "┌"'
keys q q
wait_for "exit=0"
check "q quits" 'screen | grep -q "exit=0"'
done_testing
