#!/bin/sh
# `staketop backfill` against the loopback fixture server serving DefiLlama's
# coins chart shape (DOMAIN.md): daily prices back to the first event, for
# every asset whose price values a position; a run that fails keeps what it
# got and the next run resumes after it; hostile answers are sanitized.
. tests/cli/lib.sh
FX="$(pwd)/tests/fixtures/backfill"
diag() { echo "  out: $(head -c 600 "$T/out" 2>/dev/null) err: $(head -c 600 "$T/err" 2>/dev/null)"; }
ESC=$(printf '\033')

routes() { # the ETH route's extra keys
	cat >"$T/routes" <<EOF
GET /llama/chart/coingecko:ethereum $1
GET /llama/chart/ethereum:0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0 file=$FX/wsteth_chart.json
GET /yields/chart/747c1d2a-c668-4682-b9f9-296708a3dd90 file=$FX/steth_pool_chart.json
EOF
}
routes "file=$FX/eth_chart.json"
serve "$T/routes"
printf '[feeds]\ndefillama_coins_url = %s/llama\ndefillama_yields_url = %s/yields\ntimeout_seconds = 5\n' "$B" "$B" >"$T/config.ini"
S() { "$ST" --db "$T/p.db" --config "$T/config.ini" "$@"; }
Q() { sqlite3 "$T/p.db" "$1"; }

# ETH 2 and wstETH 1 opened 2026-01-01 (1767225600); now 2026-01-03T12:00Z
export STAKETOP_NOW=1767441600
S add --asset ETH --amount 2 --opened 2026-01-01 >/dev/null
S add --asset wstETH --amount 1 --opened 2026-01-01 >/dev/null
S backfill >"$T/out" 2>"$T/err"
check "backfill exits 0" '[ $? -eq 0 ]'
# ETH's answer has 2025-12-31 too: before the first event, not kept
check "ETH: 3 daily prices from 2026-01-01" \
	'[ "$(Q "SELECT count(*) FROM observations WHERE asset = '"'ETH'"' AND source = '"'defillama-chart'"'")" = 3 ]'
check "wstETH (its market price): 3 prices" \
	'[ "$(Q "SELECT count(*) FROM observations WHERE asset = '"'wstETH'"' AND source = '"'defillama-chart'"'")" = 3 ]'
check "one line per asset and window" 'grep -Eq "^ETH +2026-01-01 .. 2026-01-03 +3 prices" "$T/out"'
# wstETH's APR is stETH's (base_apr_from): the Lido pool's chart, from
# 2026-01-01: apyBase 2.8 %, then apy 3.1 % where apyBase is null
check "the pool's APR history: 2 points as fractions (0.028, 0.031)" \
	'[ "$(Q "SELECT group_concat(printf('"'%.4f'"', value), '"' '"') FROM (SELECT value FROM observations WHERE asset = '"'stETH'"' AND kind = '"'apr'"' AND source = '"'defillama-yields-chart'"' ORDER BY ts)")" = "0.0280 0.0310" ]'
check "the summary counts both" 'grep -q "backfill: 6 prices for 2 assets, 2 APRs for 1 pools" "$T/out"'
# the history now reaches back: 2 ETH × 3100 on 2026-01-02
S history --asset ETH --from 2026-01-01 --to 2026-01-02 --csv >"$T/out"
check "history uses the backfilled prices (6000, 6200)" \
	'[ "$(cut -d, -f3 "$T/out" | tr "\n" " ")" = "nav 6000.00 6200.00 " ]'

# resumable: a second run has nothing left to fetch
before=$(Q "SELECT count(*) FROM observations")
S backfill >"$T/out" 2>"$T/err"
check "a second run fetches nothing new" '[ $? -eq 0 ] && [ "$(Q "SELECT count(*) FROM observations")" = "$before" ] && grep -q "backfill: 0 prices" "$T/out"'

# a failing window: exit 1, the asset named, the rest kept; the next run resumes
rm -f "$T/p.db" "$T/p.db-wal" "$T/p.db-shm"
export STAKETOP_NOW=1782864000 # 2026-07-01: two windows of 180 days
S add --asset ETH --amount 2 --opened 2026-01-01 >/dev/null
routes "match=start=1767225600 file=$FX/eth_chart.json
GET /llama/chart/coingecko:ethereum status=404 body=nope"
S backfill >"$T/out" 2>"$T/err"
check "the second window fails: exit 1, ETH named" '[ $? -eq 1 ] && grep -q "backfill: ETH: HTTP 404" "$T/err"'
check "the first window is kept (3 prices)" '[ "$(Q "SELECT count(*) FROM observations")" = 3 ]'
check "where it stopped is remembered (end of 2026-06-29)" \
	'[ "$(Q "SELECT value FROM meta WHERE key = '"'backfill:ETH'"'")" = 1782777599 ]'
routes "file=$FX/eth_chart.json"
S backfill >"$T/out" 2>"$T/err"
check "the next run resumes with the second window only" \
	'[ $? -eq 0 ] && grep -Eq "^ETH +2026-06-30 .. 2026-07-01 " "$T/out" && ! grep -q "2026-01-01 .." "$T/out"'

# hostile answer: the bad point is reported, sanitized; the good one kept
rm -f "$T/p.db" "$T/p.db-wal" "$T/p.db-shm"
export STAKETOP_NOW=1767441600
S add --asset ETH --amount 2 --opened 2026-01-01 >/dev/null
routes "file=$FX/hostile_chart.json"
S backfill >"$T/out" 2>"$T/err"
check "hostile answer: one price kept, the problem shown without ESC" \
	'[ "$(Q "SELECT count(*) FROM observations")" = 1 ] && grep -q "is a string" "$T/out" && ! grep -q "$ESC" "$T/out" "$T/err"'

S --offline backfill >/dev/null 2>"$T/err"
check "--offline refuses to fetch" '[ $? -eq 2 ] && grep -q "backfill: --offline forbids fetching" "$T/err"'
S backfill --from "$(printf '2026\033[2J')" >/dev/null 2>"$T/err"
check "a bad --from: exit 2, no ESC echoed" '[ $? -eq 2 ] && grep -q "expected a date" "$T/err" && ! grep -q "$ESC" "$T/err"'
S backfill --frob >/dev/null 2>"$T/err"
check "an unknown option: exit 2" '[ $? -eq 2 ] && grep -q "unexpected argument" "$T/err"'

done_testing plan
