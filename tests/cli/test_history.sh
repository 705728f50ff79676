#!/bin/sh
# `staketop history` on a real database: month-end and daily rows with NAV,
# market value, premium and the split of each change (worked out by hand
# below), one position or one asset, a price that arrives late, realized
# yield from recorded rates, and every bad option refused with exit 2 and
# no control bytes echoed.
. tests/cli/lib.sh
export STAKETOP_NOW=1773964800 # 2026-03-20T00:00:00Z
DB="$T/h.db"
diag() { echo "  out: $(head -c 800 "$T/out" 2>/dev/null)"; }
S() { "$ST" --db "$DB" --offline "$@"; }
obs() { # asset kind ts value
	sqlite3 "$DB" "INSERT INTO observations(asset, kind, source, ts, value, fetched_at)
	               VALUES('$1', '$2', 'test', $3, $4, $3)"
}

S add --asset ETH --amount 5 --opened 2026-01-10 >/dev/null
S add --asset wstETH --amount 10 --opened 2026-01-20 >/dev/null
# 2026-01-01 = 1767225600, 2026-02-15 = 1771113600, 2026-03-10 = 1773100800
obs ETH price 1767225600 3000
obs ETH price 1771113600 3300
obs ETH price 1773100800 2900
obs wstETH rate 1767225600 1.20
obs wstETH rate 1771113600 1.21
obs wstETH rate 1773100800 1.22
obs wstETH price 1767225600 3590
obs wstETH price 1771113600 3980
obs wstETH price 1773100800 3530

# Month ends: 2026-01-31, 2026-02-28, then --to's end (2026-03-15).
# Jan: ETH 5 × 3000 = 15000; wstETH 10 × 1.20 × 3000 = 36000: NAV 51000;
#      market 15000 + 10 × 3590 = 50900; premium (50900/51000 − 1) × 10^4 = −19.61
# Feb: 5 × 3300 = 16500; 10 × 1.21 × 3300 = 39930: NAV 56430; market
#      16500 + 39800 = 56300; premium −23.04. Change 5430 = rewards
#      10 × (1.21 − 1.20) × 3300 = 330 + price 5 × 300 + 10 × 1.20 × 300 = 5100
# Mar 15: 5 × 2900 = 14500; 10 × 1.22 × 2900 = 35380: NAV 49880; market
#      14500 + 35300 = 49800; premium −16.04. Change −6550 = rewards
#      10 × 0.01 × 2900 = 290 + price −2000 − 4840 = −6840
S history --every 1mo --from 2026-01-01 --to 2026-03-15 --csv >"$T/out"
check "history --every 1mo --csv exits 0" '[ $? -eq 0 ]'
check "csv header" '[ "$(sed -n 1p "$T/out")" = "date,ts,nav,market_value,premium_bps,rewards,price,flows" ]'
check "January's month end" \
	'[ "$(sed -n 2p "$T/out")" = "2026-01-31,1769903999,51000.00,50900.00,-19.61,0.00,0.00,0.00" ]'
check "February's month end (leap-free: the 28th) and its split" \
	'[ "$(sed -n 3p "$T/out")" = "2026-02-28,1772323199,56430.00,56300.00,-23.04,330.00,5100.00,0.00" ]'
check "the last row is the end of --to" \
	'[ "$(sed -n 4p "$T/out")" = "2026-03-15,1773619199,49880.00,49800.00,-16.04,290.00,-6840.00,0.00" ]'
check "three rows" '[ "$(wc -l <"$T/out")" -eq 4 ]'

S history --every 1mo --from 2026-01-01 --to 2026-03-15 >"$T/out"
# (money with the thousands separator the interface uses)
check "text: the split adds up: -1120 = 620 + -1740 + 0" \
	'grep -q "change in NAV -1,120.00 = rewards 620.00 + price -1,740.00 + flows 0.00" "$T/out"'
S history --every 1mo --from 2026-01-01 --to 2026-03-15 --json >"$T/out"
check "json: the grid, scope and currency" 'grep -q "^{\"every\":\"1mo\",\"scope\":\"portfolio\",\"currency\":\"usd\",\"rows\":\[" "$T/out"'
check "json: rows and totals" \
	'grep -q "\"rows\":\[{\"date\":\"2026-01-31\",\"ts\":1769903999,\"nav\":51000.00,\"market_value\":50900.00,\"premium_bps\":-19.61," "$T/out" &&
	 grep -q "\"totals\":{\"nav_change\":-1120.00,\"rewards\":620.00,\"price\":-1740.00,\"flows\":0.00}}" "$T/out"'

# one position, one asset (any case)
S history --position 2 --every 1mo --from 2026-01-01 --to 2026-03-15 --csv >"$T/out"
check "--position 2: wstETH alone (36000, 39930, 35380)" \
	'[ "$(cut -d, -f3 "$T/out" | tr "\n" " ")" = "nav 36000.00 39930.00 35380.00 " ]'
S history --asset eth --every 1mo --from 2026-01-01 --to 2026-03-15 --csv >"$T/out"
check "--asset eth: ETH alone, market = NAV, premium 0" \
	'[ "$(sed -n 3p "$T/out")" = "2026-02-28,1772323199,16500.00,16500.00,0.00,0.00,1500.00,0.00" ]'

# daily: 31 + 28 + 15 rows; before 2026-01-10 nothing is held (0, not absent)
S history --every 1d --from 2026-01-01 --to 2026-03-15 --csv >"$T/out"
check "--every 1d: 74 rows" '[ "$(($(wc -l <"$T/out") - 1))" -eq 74 ]'
check "nothing held on 2026-01-05: 0" '[ "$(grep "^2026-01-05," "$T/out")" = "2026-01-05,1767657599,0.00,0.00,,0.00,0.00,0.00" ]'
# the ETH position appears on the 10th: a flow of 5 × 3000
check "the position opened on 2026-01-10 enters as a flow of 15000" \
	'[ "$(grep "^2026-01-10," "$T/out")" = "2026-01-10,1768089599,15000.00,15000.00,0.00,0.00,0.00,15000.00" ]'
# the daily and monthly series agree on a month end
check "daily and monthly agree on 2026-02-28" \
	'grep -q "^2026-02-28,1772323199,56430.00,56300.00,-23.04," "$T/out"'
# default range: from the first event's day to now (2026-01-10 .. 2026-03-20)
S history --csv >"$T/out"
check "default: from the first event to now, daily (70 rows)" \
	'[ "$(sed -n 2p "$T/out" | cut -d, -f1)" = 2026-01-10 ] && [ "$(($(wc -l <"$T/out") - 1))" -eq 70 ]'

# a price that arrives late (backfilled, 2026-01-31T12:00Z = 1769860800)
# counts: January's NAV becomes 5 × 3100 + 10 × 1.20 × 3100 = 52700
obs ETH price 1769860800 3100
S history --every 1mo --from 2026-01-01 --to 2026-01-31 --csv >"$T/out"
check "a backfilled price counts: January 52700" \
	'[ "$(sed -n 2p "$T/out" | cut -d, -f3)" = 52700.00 ]'

# realized yield: wstETH rate 1.2224 now. 7 d: the newest at or before
# 2026-03-13 is 1.22 on 2026-03-10 (10 days): APR (1.2224/1.22 − 1) × 365/10
# = 0.071803, APY (1.2224/1.22)^36.5 − 1 = 0.074368. 30 d: 1.21 on 2026-02-15
# (33 days): APR 0.113348, APY 0.119376. 1 y: no rate that old.
# Quoted: stETH's APR 0.03 compounded daily: (1 + 0.03/365)^365 − 1 =
# 0.030453; gap 7 d = (0.074368 − 0.030453) × 10^4 = 439.1 bps
obs wstETH rate 1773964800 1.2224
obs stETH apr 1772323200 0.03
S history --yield --asset wstETH --csv >"$T/out"
check "realized yield, 7 days" '[ "$(sed -n 2p "$T/out")" = "wstETH,7,0.074368,0.071803,0.030453,439.1,0" ]'
check "realized yield, 30 days" '[ "$(sed -n 3p "$T/out")" = "wstETH,30,0.119376,0.113348,0.030453,889.2,0" ]'
check "realized yield, 1 year: absent" '[ "$(sed -n 4p "$T/out")" = "wstETH,365,,,0.030453,,0" ]'
# a quote of 20 % APR: (1 + 0.2/365)^365 − 1 = 0.221336; the 7-day gap
# 0.074368 − 0.221336 = −1469.7 bps, beyond the 50 bps margin: marked
obs stETH apr 1773619200 0.2
S history --yield --asset wstETH >"$T/out"
check "trailing its quote by more than yield_gap_bps is marked" \
	'grep -E "^wstETH +7 .*-1469.7  trails the quote" "$T/out" >/dev/null'

# --- bad options: exit 2, a message, no control bytes ------------------------
bad() { # expected-message args...
	want=$1
	shift
	S history "$@" >/dev/null 2>"$T/err"
	rc=$?
	check "history $(printf '%s ' "$@" | tr -c '[:print:]' '?') refused: $want" \
		'[ $rc -eq 2 ] && grep -q -- "$want" "$T/err" && ! grep -q "$(printf "\033")" "$T/err"'
}
bad "not one of 1h, 1d, 1w, 1mo" --every 2d
bad "not one of 1h, 1d, 1w, 1mo" --every "$(printf '1d\033[2J')"
bad "not one of 1h, 1d, 1w, 1mo" --every "$(printf '\377\376')"
bad "expected a date YYYY-MM-DD" --from 2026-13-01
bad "expected a date YYYY-MM-DD" --to "$(printf '2026-01-0\033')"
bad "is before --from" --from 2026-03-01 --to 2026-02-01
bad "in the future" --from 2027-01-01
bad "not a position id" --position abc
bad "not a position id" --position 99999999999999999999999
bad "no position 99" --position 99
bad "no asset" --asset NOPE
bad "no asset" --asset "$(printf '\033]0;x\007')"
bad "exclusive" --csv --json
bad "exclusive" --position 1 --asset ETH
bad "unknown option" --frobnicate
bad "needs a value" --from
bad "more than 200000 dates" --every 1h --from 1990-01-01

done_testing plan
