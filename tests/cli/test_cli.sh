#!/bin/sh
# End-to-end tests of the command line on real SQLite files: the exact
# round-trip of quantities, refusals with exit 2, the demo report's numbers
# (worked out by hand below) and report --json's shape.
. tests/cli/lib.sh
DB="$T/p.db"


# --- exact quantities ---------------------------------------------------
out=$("$ST" --db "$DB" add --asset wsteth --amount 123.456789012345678901 --account ledger 2>&1)
check "add prints the new id" '[ "$out" = "added position 1: 123.456789012345678901 wstETH (ledger)" ]'
json=$("$ST" --db "$DB" report --json)
check "report --json keeps the 18-decimal quantity exactly" \
	'echo "$json" | grep -q "\"quantity\":\"123.456789012345678901\""'
check "no price yet: nav is null, not 0" 'echo "$json" | grep -q "\"nav\":null"'
check "new database file is mode 0600" '[ "$(stat -c %a "$DB")" = 600 ]'

# --- refusals -----------------------------------------------------------
for bad in 1e5 -3 1.2.3 1234567890123456789012345678901234567890 "" " 1" 0x10; do
	"$ST" --db "$DB" add --asset ETH --amount "$bad" >/dev/null 2>"$T/err"
	rc=$?
	check "amount '$bad' refused with exit 2 and a message" \
		'[ $rc -eq 2 ] && grep -q "amount" "$T/err"'
done
"$ST" --db "$DB" add --asset ATOM --amount 1.1234567 >/dev/null 2>"$T/err"
check "7 decimals refused for ATOM (6)" '[ $? -eq 2 ] && grep -q "ATOM has 6 decimals" "$T/err"'
"$ST" --db "$DB" add --asset NOPE --amount 1 >/dev/null 2>"$T/err"
check "unknown asset refused" '[ $? -eq 2 ] && grep -q "no asset .NOPE." "$T/err"'
"$ST" --db "$DB" frobnicate >/dev/null 2>"$T/err"
check "unknown command exits 2" '[ $? -eq 2 ] && grep -q "unknown command" "$T/err"'
"$ST" --db "$DB" edit 99 --amount 1 >/dev/null 2>"$T/err"
check "edit of a missing id exits 2" '[ $? -eq 2 ] && grep -q "no position 99" "$T/err"'
"$ST" --db "$DB" remove 1 </dev/null >/dev/null 2>"$T/err"
check "remove without --yes and no terminal refuses" '[ $? -eq 2 ] && grep -q -- "--yes" "$T/err"'
"$ST" --db "$DB" report --help >"$T/out"
check "COMMAND --help prints usage" '[ $? -eq 0 ] && grep -q "usage: staketop report" "$T/out"'
"$ST" --version >"$T/out"
check "--version" 'grep -q "^staketop [0-9]" "$T/out"'

# --- edit and remove ----------------------------------------------------
"$ST" --db "$DB" edit 1 --amount 100.5 --note "moved" >/dev/null
check "edit --amount sets the quantity" \
	'"$ST" --db "$DB" list --json | grep -q "\"quantity\":\"100.5\""'
"$ST" --db "$DB" remove 1 --yes >/dev/null
check "remove --yes removes it" '"$ST" --db "$DB" list --json | grep -q "^\[\]$"'

# --- config errors name the file and line --------------------------------
printf '[feeds]\nrefresh_seconds = 1\n' >"$T/bad.ini"
"$ST" --db "$DB" --config "$T/bad.ini" list >/dev/null 2>"$T/err"
check "bad config refused, naming file:line and key" \
	'[ $? -eq 2 ] && grep -q "bad.ini:2: \[feeds\] refresh_seconds" "$T/err"'
mkdir -p "$T/cfg"
printf '{"assets":[{"symbol":"rETH","decimals":99}]}' >"$T/cfg/assets.json"
: >"$T/cfg/config.ini" # a config named with --config must exist
"$ST" --db "$DB" --config "$T/cfg/config.ini" list >/dev/null 2>"$T/err"
check "bad user catalog refused, naming entry and field" \
	'[ $? -eq 2 ] && grep -q "entry 1 (rETH): field .decimals." "$T/err"'

# --- the demo portfolio, valued from the dated snapshot ------------------
# The snapshot is 2026-11-20T12:00:00Z (1795176000); now is fixed at
# 2026-11-25T08:00:00Z (1795593600): every input is 417600 s old → stale.
export STAKETOP_NOW=1795593600
json=$("$ST" --demo report --json)
pos() { echo "$json" | sed 's/{"id":/\n{"id":/g' | grep "^{\"id\":$1,"; }
# wstETH (position 3): 8.2 × 1.215 stETH = 9.963 stETH; stETH → ETH at 1;
# NAV = 9.963 × 3012.45 = 30013.03935 → 30013.0394 (4 decimals, half up);
# market = 8.2 × 3650.10 = 29930.82; premium = (29930.82 / 30013.03935 − 1)
# × 10000 = −27.3945… → −27.39
p3=$(pos 3)
check "demo wstETH underlying quantity 9.963" 'echo "$p3" | grep -q "\"underlying_quantity\":9.963,"'
check "demo wstETH NAV 30013.0394" 'echo "$p3" | grep -q "\"nav\":30013.0394,"'
check "demo wstETH market value 29930.82" 'echo "$p3" | grep -q "\"market_value\":29930.82,"'
check "demo wstETH premium -27.39 bps" 'echo "$p3" | grep -q "\"premium_bps\":-27.39,"'
check "demo wstETH underlying is ETH" 'echo "$p3" | grep -q "\"underlying\":\"ETH\""'
check "demo figures are stale, with age 417600 s" \
	'echo "$p3" | grep -q "\"stale\":true" && echo "$p3" | grep -q "\"age_s\":417600"'
# JitoSOL (7): NAV = 420 × 1.248 × 142.30 = 74587.968; market = 420 × 177.10
# = 74382; premium = (74382 / 74587.968 − 1) × 10000 = −27.6141… → −27.61
p7=$(pos 7)
check "demo JitoSOL NAV 74587.968" 'echo "$p7" | grep -q "\"nav\":74587.968,"'
check "demo JitoSOL premium -27.61" 'echo "$p7" | grep -q "\"premium_bps\":-27.61,"'
# ATOM (10): 1250 staked, 250 unbonding (requested 5 days before now) →
# quantity 1000; NAV = 1000 × 4.25 = 4250; native: no premium (0).
# Unbonding: 21 days from now − 5 days = 16 days left = 1382400 s.
p10=$(pos 10)
check "demo ATOM quantity 1000 after the unbond" 'echo "$p10" | grep -q "\"quantity\":\"1000\""'
check "demo ATOM NAV 4250" 'echo "$p10" | grep -q "\"nav\":4250,"'
check "demo ATOM native premium 0" 'echo "$p10" | grep -q "\"premium_bps\":0,"'
check "demo ATOM unbonding 1382400 s left, pending" \
	'echo "$p10" | grep -q "\"seconds_left\":1382400,\"status\":\"pending\""'
check "report has totals" 'echo "$json" | grep -q "\"totals\":{\"positions\":11,.*\"nav\":[0-9]"'
check "report generated_at is now" 'echo "$json" | grep -q "\"generated_at\":\"2026-11-25T08:00:00Z\""'
kinds=$(echo "$json" | grep -o '"kind":"[a-z]*"' | sort -u | tr '\n' ' ')
check "demo has native, liquid and restaked positions" \
	'[ "$kinds" = "\"kind\":\"liquid\" \"kind\":\"native\" \"kind\":\"restaked\" " ]'
"$ST" --demo report >"$T/table"
check "plain report is a table with totals and the stale note" \
	'grep -q "TOTAL" "$T/table" && grep -q "offline snapshot of 2026-11-20" "$T/table"'

done_testing
