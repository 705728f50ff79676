#!/bin/sh
# One deadline per refresh, against the loopback fixture server: a provider
# that waits 2.5 s and answers 429 with Retry-After: 29 must not hold
# `refresh` for 4 × 2.5 + 3 × 29 = 97 s (every retry waiting the full
# Retry-After); the Retry-After is past the 20 s deadline, so the feed ends
# at once as "rate limited until HH:MM" and no request goes to that
# provider before then, from a later `staketop refresh` either. A server
# that never answers is cut at the deadline, not at timeout_seconds.
. tests/cli/lib.sh
FX="$(pwd)/tests/fixtures/refresh"
diag() { echo "  output: $(head -c 600 "$T/out")"; }
ms() { date +%s%3N; }

cp "$FX"/*.json "$T/"
printf '%s\n' \
	'GET /cg status=429 delay_ms=2500 header=Retry-After:29 body={"status":"rate_limited"}' \
	'GET /llama/prices/current file=llama_coins.json' >"$T/routes"
serve "$T/routes" --verbose
# refresh_deadline_seconds is left at its default, 20
printf '%s\n' '[feeds]' "coingecko_url = $B/cg" "defillama_coins_url = $B/llama" \
	'defillama_yields_url =' 'eth_rpc_url =' 'sol_rpc_url =' 'timeout_seconds = 10' \
	>"$T/config.ini"
S() { "$ST" --db "$T/p.db" --config "$T/config.ini" "$@"; }
cg_hits() { grep -c "GET /cg" "$T/server.log"; }
S add --asset wstETH --amount 2 >/dev/null

# 2026-11-25T08:00:00Z
export STAKETOP_NOW=1795593600
t0=$(ms)
timeout 120 "$ST" --db "$T/p.db" --config "$T/config.ini" refresh >"$T/out" 2>&1
rc=$?
t1=$(ms)
check "refresh ends in under 6 s, not 97 s (took $((t1 - t0)) ms)" '[ $((t1 - t0)) -lt 6000 ]'
check "exit 1: one feed failed, DefiLlama answered" '[ $rc -eq 1 ]'
# until = 08:00:00 + 3 s (the 2.5 s answer, rounded up) + 29 s = 08:00:32,
# said as the minute rounded up
check "coingecko: rate limited until 08:01" \
	'grep "^coingecko " "$T/out" | grep -q "failed .*rate limited until 08:01 (HTTP 429, Retry-After 29 s is past the deadline)"'
check "defillama still ok" 'grep "^defillama " "$T/out" | grep -q " ok "'
check "one request went to CoinGecko (no retry)" '[ "$(cg_hits)" -eq 1 ]'

# right after, a second refresh: nothing is sent to CoinGecko
t0=$(ms)
timeout 120 "$ST" --db "$T/p.db" --config "$T/config.ini" refresh >"$T/out" 2>&1
t1=$(ms)
check "second refresh: coingecko still rate limited until 08:01" \
	'grep "^coingecko " "$T/out" | grep -q "failed .*rate limited until 08:01"'
check "and no request reached CoinGecko (still 1)" '[ "$(cg_hits)" -eq 1 ]'
check "and it took no time waiting for it ($((t1 - t0)) ms)" '[ $((t1 - t0)) -lt 2500 ]'
check "DefiLlama was asked again (2 requests)" '[ "$(grep -c "GET /llama" "$T/server.log")" -eq 2 ]'

# at 08:01 the hold is over: CoinGecko is asked again, and now answers
sed -i 's|^GET /cg .*|GET /cg/simple/price file=coingecko.json|' "$T/routes"
export STAKETOP_NOW=1795593660
S refresh >"$T/out" 2>&1
check "at 08:01 CoinGecko is asked again and answers" \
	'grep "^coingecko " "$T/out" | grep -q " ok " && [ "$(cg_hits)" -eq 2 ]'

# a server that never answers: cut at a 2 s deadline, not at the 10 s timeout
sed -i 's|^GET /cg.*|GET /cg hang=1|' "$T/routes"
printf 'refresh_deadline_seconds = 2\n' >>"$T/config.ini"
t0=$(ms)
timeout 120 "$ST" --db "$T/p.db" --config "$T/config.ini" refresh >"$T/out" 2>&1
t1=$(ms)
check "a hanging server: refresh ends at the 2 s deadline ($((t1 - t0)) ms)" \
	'[ $((t1 - t0)) -ge 1900 ] && [ $((t1 - t0)) -lt 5000 ]'
check "and says the deadline was reached" \
	'grep "^coingecko " "$T/out" | grep -q "refresh deadline of 2 s reached"'

done_testing plan
