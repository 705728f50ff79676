#!/bin/sh
# The history screen (H on the board): NAV and market value over time as a
# chart, its labels, the figures under a cursor that moves through the
# dates, the ranges, the split of the range's change, realized yield beside
# the quote, a premium chart per token, the ASCII fallback; and backfill
# from the interface (B) with its progress on the status line, while keys
# keep working. Every figure read off the screen is compared with what
# `staketop history` prints for the same date and range: one code path.
. tests/tui/lib.sh

# ETH 2 and wstETH 1 since 2024-01-01. Month k (0..34) from 2024-01-01,
# at noon of its first day: ETH 2000 + 25k, wstETH's rate 1.15 + 0.003k,
# its market price at NAV × (1 − 0.001 × (k mod 3)). stETH's APR 3.5 %
# (wstETH's quote) on 2026-11-02. Now: 2026-11-25T00:00Z. Over two years:
# ALL goes by month end.
"$ST" --db "$DB" add --asset ETH --amount 2 --opened 2024-01-01 >/dev/null
"$ST" --db "$DB" add --asset wstETH --amount 1 --opened 2024-01-01 >/dev/null
sqlite3 "$DB" "WITH RECURSIVE m(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM m WHERE k < 34)
INSERT INTO observations(asset, kind, source, ts, value, fetched_at)
SELECT a, kind, 'test', strftime('%s', '2024-01-01', '+' || k || ' months') + 43200, v, 0 FROM (
 SELECT k, 'ETH' a, 'price' kind, 2000 + 25 * k v FROM m
 UNION ALL SELECT k, 'wstETH', 'rate', 1.15 + 0.003 * k FROM m
 UNION ALL SELECT k, 'wstETH', 'price', (2000 + 25 * k) * (1.15 + 0.003 * k) * (1 - 0.001 * (k % 3)) FROM m);
INSERT INTO observations(asset, kind, source, ts, value, fetched_at)
 VALUES ('stETH', 'apr', 'test', 1793620800, 0.035, 0);"
H() { STAKETOP_NOW=$NOW "$ST" --db "$DB" --offline history "$@"; }
H --every 1mo --csv >"$T/1mo.csv"
H --every 1mo >"$T/1mo.txt"
H --yield --csv >"$T/yield.csv"
H --asset wstETH --every 1mo --csv >"$T/wst.csv"
nocomma() { tr -d ,; }
# the cursor line: "▶ DATE  NAV X  market Y  ..." -> "DATE X Y"
cursor() { screen | awk '/NAV [-0-9].* market [-0-9]/ { for (i = 1; i <= NF; i++) { if ($i == "NAV") n = $(i + 1); if ($i == "market") m = $(i + 1) } print $2, n, m; exit }' | nocomma; }
# the CLI's row for a date: "DATE NAV MARKET"
cli_row() { awk -F, -v d="$1" '$1 == d { print $1, $3, $4 }' "$2"; }
# the y axis labels: the lines with the tick, first and last
labels() { screen | grep "$1" | awk '{ print $1 }' | nocomma; }

shell_start 80 24
ui_start --db "$DB" --offline
# --offline: the header says how far the data reaches (the newest observation)
last=$(sqlite3 "$DB" "SELECT date(max(ts), 'unixepoch') FROM observations")
check "offline: the header says the data's last date ($last)" \
	'line 1 | grep -Eq " OFFLINE +data to $last$"'
keys H
wait_for "History · portfolio · ALL, by month end" ||
	no "H opens the history screen"
check "80x24: the key table's bindings are on the bar" \
	'line 24 | grep -q "1 1W 2 1M 3 3M 4 1Y 5 ALL"'

# the labels: top = the largest NAV or market value the CLI prints for the
# range, bottom = the smallest (both series are charted)
max=$(tail -n +2 "$T/1mo.csv" | awk -F, '{ for (i = 3; i <= 4; i++) if ($i != "" && (m == "" || $i + 0 > m + 0)) m = $i } END { print m }')
min=$(tail -n +2 "$T/1mo.csv" | awk -F, '{ for (i = 3; i <= 4; i++) if ($i != "" && (m == "" || $i + 0 < m + 0)) m = $i } END { print m }')
check "the top label is the range's largest figure ($max)" '[ "$(labels ┤ | head -1)" = "$max" ]'
check "the bottom label is the range's smallest ($min)" '[ "$(labels ┤ | tail -1)" = "$min" ]'
check "the x axis: the range's first and last dates" \
	'screen | grep -q "$(sed -n 2p "$T/1mo.csv" | cut -d, -f1) .*$(tail -1 "$T/1mo.csv" | cut -d, -f1)"'

# the cursor starts on the last date: the CLI's last row
last_row=$(tail -1 "$T/1mo.csv" | awk -F, '{ print $1, $3, $4 }')
check "the cursor starts on the last date, its figures the CLI's ($last_row)" \
	'[ "$(cursor)" = "$last_row" ]'
keys Left
wait_for "2026-10-31  NAV" 5
check "Left: the month before, NAV and market as history --every 1mo prints for it" \
	'[ "$(cursor)" = "$(cli_row 2026-10-31 "$T/1mo.csv")" ]'
keys Left Left Right
wait_for "2026-09-30  NAV" 5
check "Left Left Right: one month back from there" \
	'[ "$(cursor)" = "$(cli_row 2026-09-30 "$T/1mo.csv")" ]'
keys Home
first=$(sed -n 2p "$T/1mo.csv" | cut -d, -f1)
wait_for "$first  NAV" 5
check "Home: the first date ($first)" '[ "$(cursor)" = "$(cli_row "$first" "$T/1mo.csv")" ]'
keys End
check "End: the last date again" 'wait_for "2026-11-25  NAV" 5 && [ "$(cursor)" = "$last_row" ]'

# private mode (p) hides every amount here too: no NAV, label or split
keys p
check "p: private mode hides the history's amounts (no 9,268.20, no 2,968.20)" \
	'wait_gone "9,268.20" 5 && ! screen | grep -q "2,968.20\|6,300.00"'
keys p
wait_for "9,268.20" 5 || no "p again: the amounts are back"

# the range's split is the CLI's for the same grid, digit for digit
split_cli=$(grep "^change in NAV" "$T/1mo.txt" | nocomma)
check "the split of ALL: $split_cli" \
	'screen | nocomma | grep -q "ALL $split_cli"'
# realized yield: the 30-day gap and the mark, as history --yield says
gap30=$(awk -F, '$1 == "wstETH" && $2 == 30 { print $6 }' "$T/yield.csv")
check "realized yield: wstETH's 30-day gap ($gap30 bps) and TRAILS" \
	'screen | grep "^wstETH " | grep -q -- "$gap30 .*TRAILS"'

# 1Y by day: the cursor walked back 25 days lands on the same month end,
# with the same figure the monthly grid has for it
keys 4
wait_for "History · portfolio · 1Y, by day" 5 || no "4: the 1Y range"
keys Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left \
	Left Left Left Left Left Left Left Left
wait_for "2026-10-31  NAV" 5
check "1Y, 25 days back: 2026-10-31 with the monthly grid's figure" \
	'[ "$(cursor)" = "$(cli_row 2026-10-31 "$T/1mo.csv")" ]'
H --every 1d --from 2025-11-25 >"$T/1d.txt"
check "the split of 1Y is the daily grid's" \
	'screen | nocomma | grep -q "1Y $(grep "^change in NAV" "$T/1d.txt" | nocomma)"'

# one position: the scope key, its own history
keys 5 s
wait_for "History · position #" 5 || no "s: one position"
pid=$(screen | sed -n 's/.*History · position #\([0-9]*\).*/\1/p' | head -1)
H --position "$pid" --every 1mo --csv >"$T/pos.csv"
check "position $pid: the cursor's figures are history --position's" \
	'[ -n "$pid" ] && [ -n "$(cursor)" ] &&
	 [ "$(cursor)" = "$(tail -1 "$T/pos.csv" | awk -F, "{ print \$1, \$3, \$4 }")" ]'
keys s
wait_for "History · asset " 5 || no "s again: its asset"
keys s
wait_for "History · portfolio" 5 || no "s again: the portfolio"
keys q
wait_for "F3Search" 5 || no "q: back to the board"
keys Q
wait_for "exit=0" || no "quits"

# --- 120x40: the premium chart of wstETH and its range ----------------------
keys clear Enter
tm resize-window -t t -x 120 -y 40
ui_start --db "$DB" --offline
keys H
wait_for "History · portfolio" || no "H at 120x40"
plo=$(tail -n +2 "$T/wst.csv" | awk -F, '$5 != "" { v = sprintf("%+.1f", $5); if (m == "" || $5 + 0 < m + 0) { m = $5; s = v } } END { print s }')
phi=$(tail -n +2 "$T/wst.csv" | awk -F, '$5 != "" { v = sprintf("%+.1f", $5); if (m == "" || $5 + 0 > m + 0) { m = $5; s = v } } END { print s }')
check "120x40: wstETH's premium chart, its range that of history --asset ($plo .. $phi)" \
	'screen | grep -q "PREMIUM wstETH, bps vs NAV (range $plo .. $phi)"'
check "120x40: the cursor's figures are the CLI's" '[ "$(cursor)" = "$last_row" ]'
# braille is U+2800..U+28FF: E2 A0..A3 xx in UTF-8
check "120x40: braille in the chart" \
	'screen | grep "┤" | LC_ALL=C grep -q "$(printf '"'\\342[\\240-\\243]'"')"'
keys Q
wait_for "exit=0" || no "quits at 120x40"

# --- no UTF-8, no colour: ASCII marks, no colour escapes ----------------------
keys clear Enter
tm resize-window -t t -x 80 -y 24
UI_ENV="env STAKETOP_NOW=$NOW LANG=C LC_ALL=C NO_COLOR=1"
ui_start --db "$DB" --offline
keys H
wait_for "History - portfolio - ALL" || no "H in ASCII"
check "ASCII: the chart draws with * and the axis with + and |" \
	'screen | grep -q "^ *[0-9,.]* + *[*o#]" && screen | grep -q "^ *| *[*o#]"'
check "ASCII: the history screen, nothing but ASCII on it" \
	'screen | grep -q "^History - " && ! screen | LC_ALL=C grep -q "[^ -~]"'
check "NO_COLOR: the history screen without colour escapes" \
	'screen | grep -q "^History - " && ! tm capture-pane -p -e -t t | grep -q "\[3[0-7]m\|\[38;"'
check "ASCII: the cursor's figures are the CLI's" '[ "$(cursor)" = "$last_row" ]'
keys Q
wait_for "exit=0" || no "quits in ASCII"

# --- backfill from the interface ---------------------------------------------
# test_backfill.sh's answers, the pool's after 2 s: the progress shows while
# keys keep working (H opens the history), then everything is re-read.
keys clear Enter
tm resize-window -t t -x 120 -y 40
FX="$(pwd)/tests/fixtures/backfill"
cat >"$T/fx/routes" <<EOR
GET /llama/chart/coingecko:ethereum file=$FX/eth_chart.json
GET /llama/chart/ethereum:0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0 file=$FX/wsteth_chart.json
GET /yields/chart/747c1d2a-c668-4682-b9f9-296708a3dd90 delay_ms=2000 file=$FX/steth_pool_chart.json
EOR
fixture_start
cat >"$T/bf.ini" <<EOC
[feeds]
coingecko_url =
defillama_coins_url = http://127.0.0.1:$PORT/llama
defillama_yields_url = http://127.0.0.1:$PORT/yields
eth_rpc_url =
sol_rpc_url =
lido_wq_url =
stride_rest_url =
refresh_seconds = 3600
timeout_seconds = 10
EOC
BF="$T/bf.db"
BNOW=1767441600 # 2026-01-03T12:00Z
export STAKETOP_NOW=$BNOW
"$ST" --db "$BF" add --asset ETH --amount 2 --opened 2026-01-01 >/dev/null
"$ST" --db "$BF" add --asset wstETH --amount 1 --opened 2026-01-01 >/dev/null
unset STAKETOP_NOW
UI_ENV="env STAKETOP_NOW=$BNOW"
ui_start --db "$BF" --config "$T/bf.ini"
wait_for "refresh" 10
wait_gone "refreshing" 10
keys B
check "B: progress on the status line while the pool's answer is pending" \
	'wait_for "backfill: [0-9]+/3 answers, [0-9]+ prices" 5'
keys H
check "keys keep working meanwhile: H opens the history" 'wait_for "History · portfolio" 5'
check "when it is done: the summary" \
	'wait_for "backfill done: 6 prices for 2 assets, 2 APRs for 1 pools" 10'
STAKETOP_NOW=$BNOW "$ST" --db "$BF" --offline history --csv >"$T/bf.csv"
check "the history screen re-read: its cursor is history's last row" \
	'[ "$(cursor)" = "$(tail -1 "$T/bf.csv" | awk -F, "{ print \$1, \$3, \$4 }")" ]'
check "the backfilled prices are there (2 ETH × 3100 + wstETH)" \
	'[ "$(sqlite3 "$BF" "SELECT count(*) FROM observations WHERE source = '"'defillama-chart'"'")" = 6 ]'
keys Q
wait_for "exit=0" || no "quits after the backfill"
done_testing
