#!/bin/sh
# The board on the demo portfolio, offline, at a fixed "now": the numbers a
# user reads, the stale marks, sorting by columns, and grouping by kind.
. tests/tui/lib.sh

shell_start
ui_start --db "$DB" --demo --offline

# Header totals, summed over the eleven demo positions (snapshot values):
#   NAV    = 32×3012.45 + 12.5×3012.45 + 8.2×1.215×3012.45 + 5.75×1.1352×3012.45
#          + 4.1×1.0683×3012.45 + 10×3012.45 + 420×1.248×142.30
#          + 150×1.3061×142.30 + 300×142.30 + 1000×4.25 + 800×3.10
#          = 378,936.3244, all 11 valued, plus the pending exit of 250 ATOM
#          at NAV (250 × 4.25 = 1,062.50) = 379,998.8244 → 379,998.82
#   Market = 378,417.36 + the exit at NAV 1,062.50 = 379,479.86;
#   premium over the valued positions = (378417.36 / 378936.3244 − 1) × 10000 = −13.695 → −13.7
check "header NAV 379,998.82 with its coverage" 'line 2 | grep -q "NAV 379,998.82 · 11/11 valued "'
check "header market 379,479.86" 'line 2 | grep -q "Market 379,479.86 "'
check "header premium -13.7 bps" 'line 2 | grep -q "Premium -13.7 bps"'
check "header says offline" 'line 1 | grep -q "OFFLINE"'
# every input is from the snapshot, 417,600 s (4.8 days) before now
check "header says stale since the snapshot" 'line 1 | grep -q "STALE since 2026-11-20 12:00 UTC"'
# ATOM: 250 unbonding, requested 5 days ago under a 21-day rule: 16 days left
# and what that exit is worth at NAV (250 × 4.25 = 1,062.50), the part of
# the header's NAV on no board row
check "header shows the unbonding at NAV, 250 ATOM, 16d 0h left" \
	'line 3 | grep -q "Unbonding 1,062.50 · 250 ATOM in 16d 0h"'
# the relation a user audits: header NAV = the NAV column summed + the exit
navsum=$(screen | awk 'index($0, "NAV▼") { e = index($0, "NAV▼") + 3; next }
	e && $1 ~ /^[0-9]+$/ { n = split(substr($0, 1, e), f, " "); v = f[n]; gsub(",", "", v); s += v }
	END { printf "%.2f", s }')
hnav=$(line 2 | sed 's/.*NAV \([0-9,.]*\).*/\1/' | tr -d ,)
hexit=$(line 3 | sed 's/.*Unbonding \([0-9,.]*\).*/\1/' | tr -d ,)
check "header NAV $hnav = rows $navsum + exit $hexit" \
	'[ "$(echo "$navsum $hexit" | awk "{ printf \"%.2f\", \$1 + \$2 }")" = "$hnav" ]'

# wstETH: 8.2 × 1.215 = 9.963 ETH (stETH → ETH at 1); NAV = 9.963 × 3012.45 =
# 30,013.0394 → 30,013.04; market = 8.2 × 3650.10 = 29,930.82; premium =
# (29930.82 / 30013.0394 − 1) × 10000 = −27.39 → −27.4; age 4d, stale (!)
r=$(row_of wstETH)
check "wstETH row: kind, account, quantity" 'echo "$r" | grep -Eq "^ +3 liquid +wstETH +ledger +8\.2 "'
check "wstETH underlying 9.9630 ETH" 'echo "$r" | grep -q " 9.9630 ETH "'
check "wstETH NAV 30,013.04 and market 29,930.82" 'echo "$r" | grep -Eq " 30,013\.04 +29,930\.82 "'
check "wstETH premium -27.4 bps" 'echo "$r" | grep -Eq " -27\.4 "'
check "wstETH inputs 4d old and marked stale" 'echo "$r" | grep -q " 4d! "'
# JitoSOL: 420 × 1.248 × 142.30 = 74,587.968 → 74,587.97; market 420 × 177.10
# = 74,382.00; premium −27.61 → −27.6; APY 7.45%: the snapshot's 0.0745 is
# Jito's APY (catalog "quoted": "apy"), shown as stated, not compounded
# again into (1 + 0.0745/166)^166 − 1 = 7.73%
r=$(row_of JitoSOL)
check "JitoSOL NAV, market, premium, APY as quoted" 'echo "$r" | grep -Eq " 74,587\.97 +74,382\.00 +-27\.6 +7\.45% "'
# ATOM: 1250 staked − 250 unbonding = 1,000; NAV 1000 × 4.25 = 4,250.00
r=$(row_of ATOM)
check "ATOM quantity 1,000, NAV 4,250.00, unbonding 16d 0h" \
	'echo "$r" | grep -Eq " 1,000 .* 4,250\.00 .* 16d 0h$"'

# Moving: End, Home, j/k, Down/Up, PgDn (the status line names the row)
keys End
wait_for "^#11 DOT \(polkadot.js\)"
check "End: the last row (DOT, the smallest NAV)" 'screen | grep -q "^#11 DOT (polkadot.js)"'
keys Home
wait_for "^#1 ETH \(validator\)"
check "Home: the first row" 'screen | grep -q "^#1 ETH (validator)"'
keys j j Down
wait_for "^#2 stETH \(ledger\)"
check "j j Down: the fourth row (stETH)" 'screen | grep -q "^#2 stETH (ledger)"'
keys k Up
wait_for "^#7 JitoSOL \(phantom\)"
check "k Up: back to the second row (JitoSOL)" 'screen | grep -q "^#7 JitoSOL (phantom)"'
keys NPage
wait_for "^#11 DOT \(polkadot.js\)"
check "PgDn: a page down stops at the last row" 'screen | grep -q "^#11 DOT (polkadot.js)"'
keys g
wait_for "^#1 ETH \(validator\)"

# Default sort: NAV, largest first (ETH 96,398.40, then JitoSOL 74,587.97).
check "sorted by NAV, descending" 'line 4 | grep -q "NAV▼" && [ "$(line 5 | awk "{print \$3}")" = ETH ] && [ "$(line 6 | awk "{print \$3}")" = JitoSOL ]'
# '>' twice: MARKET, then PREM bps, ascending: the deepest discount first,
# weETH: 4.1 × 3208.90 = 13,156.49 vs 4.1 × 1.0683 × 3012.45 = 13,194.62 →
# (13156.49 / 13194.6214 − 1) × 10000 = −28.90 → −28.9
keys '>' '>'
wait_for "sort PREM bps▲"
check "sorted by premium, ascending: weETH -28.9 first" \
	'[ "$(line 5 | awk "{print \$3}")" = weETH ] && line 5 | grep -q " -28.9 "'
keys I
wait_for "sort PREM bps▼"
# descending: the natives at +0.0 first, by id: ETH (1)
check "I inverts: ETH +0.0 first" '[ "$(line 5 | awk "{print \$3}")" = ETH ]'
keys '<'
wait_for "MARKET▼"
check "< goes back to the previous column (MARKET)" 'line 4 | grep -q "MARKET▼"'
check "status line names the sort" 'screen | grep -q "sort MARKET▼ · 11"'

# Group by kind: a subtotal row per kind.
# native: 96,398.40 + 42,690.00 + 4,250.00 + 2,480.00 = 145,818.40
# restaked: EL-stETH 30,124.50 + weETH 13,194.62 = 43,319.12
keys t
wait_for "native \(4\)"
check "group row native (4) with NAV 145,818.40" 'screen | grep -Eq "native \(4\) +145,818\.40 "'
check "group row restaked (2) with NAV 43,319.12" 'screen | grep -Eq "restaked \(2\) +43,319\.12 "'
keys t
wait_gone "native \(4\)"
check "t again: not grouped" '! screen | grep -q "native (4)"'

keys q
wait_for "exit=0"
check "q quits with status 0" 'screen | grep -q "exit=0"'
done_testing
