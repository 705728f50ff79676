#!/bin/sh
# Alerts in the interface at 80x24: the header counts the unseen ones, A
# opens the alerts screen (each with its time, then the rules), s marks
# them seen, e edits the rules (written to the config's [alerts] section,
# in force at once; per-token premiums and the health factor too), and a
# new alert rings the bell once when bell = true.
. tests/tui/lib.sh

mkdir -p "$T/cfg"
# the demo's premiums: weETH -28.9, JitoSOL -27.6, wstETH -27.4, mSOL
# -24.6, stETH and EL-stETH -14.4, rETH -13.3 bps; beyond 28 only weETH
cat >"$T/cfg/config.ini" <<EOF
[display]
currency = usd
[alerts]
premium_bps = 28
claimable = true
stale = true
move_pct = 0
bell = true
EOF
shell_start 80 24
tm set -g monitor-bell on
tm set -g bell-action any
ui_start --db "$DB" --demo --offline --config "$T/cfg/config.ini"
check "the header counts one unseen alert" 'screen | sed -n 1p | grep -q "ALERTS 1"'
keys A
wait_for "Alerts +1 new"
check "the alerts screen lists it with its time" \
	'screen | grep -q "NEW  2026-11-25T08:00  premium   weETH discount -29 bps (beyond 28)"'
check "and the rules in force" 'screen | grep -q "premium or discount beyond 28 bps, any token" && screen | grep -q "terminal bell when one fires: on"'
check "the health-factor rule too (default 1.1)" 'screen | grep -q "a loan.s health factor below 1.10"'
check "no bell for what was there at start" '[ "$(tm display -p -t t "#{window_bell_flag}")" = 0 ]'
keys s
wait_for "1 alert marked seen"
check "s marks it seen: the header no longer counts it" '! screen | sed -n 1p | grep -q "ALERTS" && screen | grep -q "seen 2026-11-25T08:00  premium"'
keys e
wait_for "Alert rules"
keys C-u
keys -l 20x
keys Enter
wait_for "whole number of bps"
check "a bad threshold is refused beside its field" 'screen | grep -q "a whole number of bps 0..10000"'
keys C-u
keys -l 20
keys Enter
wait_for "alert rules saved"
check "saved into the config's [alerts] section" 'grep -q "^premium_bps = 20$" "$T/cfg/config.ini" && grep -q "^bell = true$" "$T/cfg/config.ini" && grep -q "^currency = usd$" "$T/cfg/config.ini"'
# beyond 20 now also JitoSOL, wstETH and mSOL: three new
wait_for "ALERTS 3"
check "in force at once: three more fired" 'screen | sed -n 1p | grep -q "ALERTS 3" && screen | grep -q "NEW  2026-11-25T08:00  premium   mSOL discount -25 bps (beyond 20)"'
check "a new alert rang the bell" '[ "$(tm display -p -t t "#{window_bell_flag}")" = 1 ]'
# per-token rules and the health factor from the same form: rETH's own
# threshold 10 (its -13.3 bps is beyond it), a symbol not in the catalog
# refused beside its field, the health factor written
keys e
wait_for "Alert rules"
keys Tab C-u
keys -l "rETH=10 NOPE=5"
keys Enter
wait_for "NOPE is not a catalog symbol"
check "a per-token rule for a symbol not in the catalog is refused beside its field" \
	'screen | grep -q "NOPE is not a catalog symbol" && ! grep -q "premium_bps.rETH" "$T/cfg/config.ini"'
keys C-u
keys -l "rETH=10, mSOL=0"
keys Tab Tab C-u
keys -l 1.25
keys Enter
wait_for "alert rules saved"
check "saved: premium_bps.rETH = 10, premium_bps.mSOL = 0, health_factor = 1.25" \
	'grep -q "^premium_bps.rETH = 10$" "$T/cfg/config.ini" && grep -q "^premium_bps.mSOL = 0$" "$T/cfg/config.ini" &&
	 grep -q "^health_factor = 1.25$" "$T/cfg/config.ini" && grep -q "^premium_bps = 20$" "$T/cfg/config.ini"'
wait_for "rETH discount -13 bps (beyond 10)"
check "in force at once: rETH fires at its own 10 bps" 'screen | grep -q "premium   rETH discount -13 bps (beyond 10)"'
keys e
wait_for "Alert rules"
check "the form shows the rules as saved" \
	'screen | grep -q "Per token .*rETH=10 mSOL=0" && screen | grep -q "Loan health .*1.25"'
keys Escape
keys q
wait_for "F1Help"
keys Q
wait_for "exit=0"
out=$("$ST" --db "$DB" --demo --offline --config "$T/cfg/config.ini" alerts); rc=$?
check "staketop alerts sees the same: exit 1, four new (three at 20 bps, rETH at 10), one seen" \
	'[ $rc = 1 ] && [ "$(echo "$out" | grep -c "^NEW ")" = 4 ] && [ "$(echo "$out" | grep -c "^seen ")" = 1 ]'
done_testing
