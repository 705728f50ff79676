#!/bin/sh
# Hide amounts, read back in tmux at 80x24: with --private, with
# [display] private = true and with the p key, no digit of a quantity or
# of money is on screen (board, header, detail, unbonding screen) while the
# premium, APY, weights, counts and timers stay; the header says PRIVATE;
# p shows the amounts again; outside a UTF-8 locale the mask is ***.
. tests/tui/lib.sh

# What may keep digits on these screens, removed before looking for any:
# ids, counts, bps, percentages, times and ages, dates, rates (6 decimals),
# the formulas' constants, the F-keys and the demo's notes.
allowed() {
	sed -E \
	 -e 's/F[0-9]+//g' \
	 -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9:]+Z?)?//g; s/[0-9]{2}:[0-9]{2}(:[0-9]{2})?( UTC)?//g' \
	 -e 's/[0-9]+(\.[0-9]+)?%//g; s/[0-9]+\.[0-9]{6}//g; s/[-+]?[0-9]+\.[0-9] bps//g' \
	 -e 's/^( +[0-9]+ [^ ]+ .*) [-+][0-9]+\.[0-9] /\1 /' \
	 -e 's/[0-9]+d [0-9]+h//g; s/[0-9]+[dhms]!?( old)?//g' \
	 -e 's/[0-9]+ positions?//g; s/[0-9]+\/[0-9]+ valued//g; s/(·|-) [0-9]+ *$//' \
	 -e 's/[0-9]+ pending · [0-9]+ claimable//; s/\([0-9]+ ?(d|days)//g' \
	 -e 's/x 10000//; s/\(1 \+ APR\/[0-9]+\)\^[0-9]+ - 1//; s/ - 1\)/)/; s/1 by definition//' \
	 -e 's/\(1 \+ APR\/[0-9]+\)\^[0-9]+( - 1)?//; s/ 1y / /; s/projected [0-9]+ days/projected/; s/projected 1 year/projected/' \
	 -e 's/\(([0-9]+ ?(d|days)?)?$//' \
	 -e 's/#[0-9]+//g; s/lines [0-9]+-[0-9]+ of [0-9]+//; s/event [0-9]+//g' \
	 -e 's/^ +[0-9]+ //'
}
# the lines of the screen that still hold a digit once the allowed ones went
leaks() { screen | allowed | grep -n '[0-9]'; }

shell_start 80 24
ui_start --db "$DB" --demo --offline --private
check "--private: the header says PRIVATE" 'screen | sed -n 1p | grep -q "PRIVATE"'
check "--private: no digit of a quantity or money on the board at 80x24" '[ -z "$(leaks)" ]'
check "the amounts read as dots" 'screen | grep -Eq "^ +3 wstETH +••• +••• +••• +-27\.4 +2\.75%"'
# premium, APY, unbonding timer stay (header and rows)
check "premium and APY stay: -13.7 bps, 4.78%, wstETH -27.4 and 2.75%" \
	'screen | grep -q "Premium -13.7 bps" && screen | grep -q "APY 4.78%" && screen | grep -Eq "wstETH .* -27\.4 +2\.75%"'
check "the unbonding timer stays, its amount hidden" 'screen | grep -q "Unbonding ••• · ••• ATOM in 16d 0h"'
keys /
keys -l wstETH
keys Enter Enter
wait_for "Valuation"
check "detail: no digit of a quantity or money" '[ -z "$(leaks)" ]'
check "detail: the premium and the rate stay" \
	'screen | grep -Eq "premium / discount +-27\.4 bps" && screen | grep -q "1.215000 x •••"'
keys PageDown
wait_for "projected 1 year"
check "detail, second page: no digit of a quantity or money" '[ -z "$(leaks)" ]'
check "detail: APY stays" 'screen | grep -Eq "APY +2\.75%"'
keys q
wait_for "F1Help"
keys u
wait_for "ATOM"
check "unbonding screen: no digit of a quantity or money" '[ -z "$(leaks)" ]'
check "unbonding screen: the countdown stays" 'screen | grep -q "16d 0h"'
keys q
wait_for "F1Help"
keys p
wait_for "amounts shown"
check "p shows the amounts: NAV 379,998.82, wstETH 8.2" \
	'screen | grep -q "NAV 379,998.82" && screen | grep -Eq "wstETH +8\.2 +30,013\.04"'
check "and the header no longer says PRIVATE" '! screen | sed -n 1p | grep -q PRIVATE'
keys p
wait_for "amounts hidden"
check "p hides them again" '[ -z "$(leaks)" ] && screen | grep -q "PRIVATE"'
keys Q
wait_for "exit=0"

# [display] private = true, outside a UTF-8 locale: ***
mkdir -p "$T/cfg"
printf '[display]\nprivate = true\n' >"$T/cfg/config.ini"
UI_ENV="env LC_ALL=C LANG=C STAKETOP_NOW=$NOW"
ui_start --db "$DB" --demo --offline --config "$T/cfg/config.ini"
check "[display] private = true hides the amounts" '[ -z "$(leaks)" ] && screen | sed -n 1p | grep -q PRIVATE'
check "ASCII fallback: *** for the amounts" 'screen | grep -Eq "^ +3 wstETH +\*\*\* +\*\*\* +\*\*\* +-27\.4"'
keys Q
wait_for "exit=0"
printf '[display]\nprivate = yes\n' >"$T/cfg/config.ini"
e=$("$ST" --db "$DB" --demo --offline --config "$T/cfg/config.ini" report 2>&1); rc=$?
check "a bad [display] private is refused, naming the key" '[ $rc = 2 ] && echo "$e" | grep -q "\[display\] private: expected true or false"'
done_testing
