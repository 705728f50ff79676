#!/bin/sh
# The detail screen works a position out in front of the user, and the help
# overlay lists the key table.
. tests/tui/lib.sh

shell_start
ui_start --db "$DB" --demo --offline
keys / w s t Enter
wait_for "^#3 wstETH \(ledger\)"
keys Enter
wait_for "Valuation: rate x underlying price"
# wstETH → stETH at 1.215 (eth_call), stETH → ETH at 1 (rebasing), ETH 3012.45:
# NAV per token = 1.215 × 3012.45 = 3,660.12675 → 3,660.13; market 3,650.10;
# premium = (3650.10 / 3660.12675 − 1) × 10000 = −27.39 → −27.4 bps
check "detail names the position" 'screen | grep -q "wstETH  Lido wrapped staked ETH"'
check "rate wstETH -> stETH 1.215000, with source and age" \
	'screen | grep -Eq "rate wstETH -> stETH +1\.215000  snapshot, 4d old \(STALE\)"'
check "rate stETH -> ETH is 1 by definition" 'screen | grep -Eq "rate stETH -> ETH +1\.000000  1 by definition \(rebasing\)"'
check "x price ETH 3,012.45" 'screen | grep -Eq "x price ETH +3,012\.45  snapshot, 4d old"'
check "= NAV per token 3,660.13 (1.215000 x 3,012.45)" \
	'screen | grep -Eq "= NAV per token +3,660\.13  1\.215000 x 3,012\.45"'
check "market price 3,650.10" 'screen | grep -Eq "market price wstETH +3,650\.10"'
check "premium -27.4 bps, with the formula" \
	'screen | grep -Eq "premium / discount +-27\.4 bps  \(3,650\.10 / 3,660\.13 - 1\) x 10000"'
# 8.2 × 1.215 = 9.963 stETH = 9.963 ETH; NAV 9.963 × 3012.45 = 30,013.04
check "underlying quantity 9.963000 ETH" 'screen | grep -Eq "underlying quantity +9\.963000 ETH"'
check "NAV 30,013.04" 'screen | grep -Eq "  NAV +30,013\.04"'
# APR 2.71% (stETH's, net); APY = (1 + 0.0271/365)^365 − 1 = 2.7469% → 2.75%
check "APY 2.75% with its compounding" 'screen | grep -Eq "APY +2\.75%  \(1 \+ APR/365\)\^365 - 1"'
check "sources list every input with its age" 'screen | grep -Eq "price:wstETH +snapshot  snapshot, 4d old \(STALE\)"'
check "the position's stake event" 'screen | grep -Eq "2024-03-02T00:00:00Z +stake 8\.2"'
check "the bar offers Back" 'screen | grep -q "F10Back"'
check "wstETH's rate source is verified: no UNVERIFIED mark" '! screen | grep -q "UNVERIFIED"'
keys Escape
wait_for "^#3 wstETH \(ledger\)"
check "Esc goes back to the board" 'screen | grep -q "F10Quit"'

# JitoSOL's pool address is marked [verify] in DOMAIN.md: the catalog ships
# it with "verified": false, and the detail says so under the rate
keys / j i t o Enter
wait_for "^#[0-9]+ JitoSOL \(phantom\)"
keys Enter
wait_for "Valuation: rate x underlying price"
check "JitoSOL detail: the rate source is marked UNVERIFIED" \
	'screen | grep -Eq "rate source +UNVERIFIED  not checked against JitoSOL.s own code \(staketop assets\)"'
keys Escape
wait_for "F10Quit"

# ATOM's unbonding: 250 requested 5 days before now (2026-11-20T08:00:00Z),
# a 21-day rule: available 2026-12-11T08:00:00Z, 16 days left
keys / a t o m Enter
wait_for "^#10 ATOM \(keplr\)"
keys Enter
wait_for "^ Unbonding"
check "ATOM unbonding: 250 ATOM, 16d 0h, requested and available" \
	'screen | grep -Eq "250 ATOM +16d 0h  requested 2026-11-20T08:00:00Z, available 2026-12-11T08:00:00Z"'
check "ATOM events: the stake and the unbond" \
	'screen | grep -Eq "stake 1250" && screen | grep -Eq "unbond 250"'
keys q
wait_for "F10Quit"

# Help: drawn from the key table, so every binding's text is there
keys F1
wait_for "Help: keys \(from the key table\)"
check "help lists F1 ?" 'screen | grep -Eq "F1 \? +all screens +show this help"'
check "help lists F3 / incremental search" 'screen | grep -Eq "F3 / +board +incremental search"'
check "help lists the sort keys" 'screen | grep -Eq "F6 > \. +board +sort by the next column"'
# the help text of the first 20 table entries, straight from tui/term/keymap.h
missing=0
for h in $(sed -n 's/^[[:space:]]*X([A-Z_0-9]*, [^"]*"[^"]*", "\([^"]*\)".*/\1/p; s/^[[:space:]]*X([A-Z_0-9]*, [^"]*NULL, "\([^"]*\)".*/\1/p' tui/term/keymap.h | head -20 | tr ' ' '_'); do
	h=$(echo "$h" | tr '_' ' ' | cut -c1-30)
	screen | grep -qF -- "$h" || { missing=$((missing + 1)); echo "# not in help: $h"; }
done
check "the help shows the key table's own texts" '[ "$missing" -eq 0 ]'
keys Escape
wait_gone "Help: keys"
check "Esc closes the help" 'screen | grep -q "F10Quit"'
keys q
wait_for "exit=0"
check "q quits" 'screen | grep -q "exit=0"'
done_testing
