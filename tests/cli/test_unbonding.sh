#!/bin/sh
# End-to-end tests of unbond, claim, events and unbonding on a real SQLite
# file with the clock fixed (STAKETOP_NOW), every expected time worked out
# by hand below and checked against date(1); and the Lido withdrawal queue
# estimate for stETH/wstETH against the fixture server (never the network).
. tests/cli/lib.sh
DB="$T/p.db"
mkdir -p "$T/cfg" "$T/srv"
CFG="$T/cfg/config.ini"

iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }
st() { "$ST" --db "$DB" --config "$CFG" "$@"; }

# --- the fixture server, standing in for wq-api.lido.fi -------------------
# Every run below reads a config pointing lido_wq_url at it, so nothing here
# can reach the real service.
printf '# filled in by each case\n' >"$T/srv/routes"
[ -x "$SERVER" ] && serve "$T/srv/routes"
PORT=$(cat "$T/port" 2>/dev/null || echo 0)
check "fixture server started on an ephemeral port" '[ "$PORT" -gt 0 ]'
printf '[feeds]\nlido_wq_url = http://127.0.0.1:%s\n' "$PORT" >"$CFG"
routes() { printf '%s\n' "$@" >"$T/srv/routes"; }

# --- the arithmetic, checked against date(1) ------------------------------
# now  = 2026-11-25T08:00:00Z = 1795593600
# ATOM: fixed 1814400 s (21 × 86400)
#   due  = 1795593600 + 1814400 = 1797408000 = 2026-12-16T08:00:00Z
# --at just before / after a day (and month) boundary:
#   2026-11-26T00:00:00Z = 1795593600 + 16 h (57600)  = 1795651200
#   2026-12-01T00:00:00Z = 1795651200 + 5 d (432000)  = 1796083200
#   2026-11-30T23:59:59Z = 1796083200 − 1             = 1796083199
#   + 1814400 → 1797897599 = 2026-12-21T23:59:59Z and 1797897600 = 2026-12-22T00:00:00Z
# Lido queue (stETH), request at now:
#   wq-api 172800000 ms = 172800 s → 1795593600 + 172800 = 1795766400 = 2026-11-27T08:00:00Z
#   wq-api 259200000 ms = 259200 s → 1795593600 + 259200 = 1795852800 = 2026-11-28T08:00:00Z
#   catalog typical 259200 s       → the same 1795852800, told apart by the basis
NOW=1795593600
DUE=1797408000
for pair in 1795593600=2026-11-25T08:00:00Z 1797408000=2026-12-16T08:00:00Z \
	1796083199=2026-11-30T23:59:59Z 1796083200=2026-12-01T00:00:00Z \
	1797897599=2026-12-21T23:59:59Z 1797897600=2026-12-22T00:00:00Z \
	1795766400=2026-11-27T08:00:00Z 1795852800=2026-11-28T08:00:00Z; do
	check "date(1): ${pair%%=*} is ${pair#*=}" '[ "$(iso "${pair%%=*}")" = "${pair#*=}" ]'
done

# --- ATOM: unbond, wait, claim ---------------------------------------------
export STAKETOP_NOW=$NOW
st add --asset ATOM --amount 100 >/dev/null
out=$(st unbond 1 --amount 40 2>&1)
check "unbond 40 ATOM: available 2026-12-16T08:00:00Z, exact, in 21d 0h" \
	'echo "$out" | grep -q "^unbonding 40 ATOM from position 1: available 2026-12-16T08:00:00Z (in 21d 0h)$"'
check "unbond prints the rule it used" \
	'echo "$out" | grep -q "^  Cosmos Hub unbonding_time 1814400s (21 days)$"'
json=$(st unbonding --json)
check "unbonding --json: 1814400 s left, pending, with the rule" \
	'echo "$json" | grep -q "\"available_at\":\"2026-12-16T08:00:00Z\",\"seconds_left\":1814400,\"status\":\"pending\",\"rule\":\"Cosmos Hub unbonding_time 1814400s (21 days)\""'
check "report --json: quantity 60 while unbonding" \
	'st report --json | grep -q "\"quantity\":\"60\""'
st claim 1 >"$T/out" 2>"$T/err"
rc=$?
check "claim before due exits non-zero: nothing claimable, next in 21d 0h" \
	'[ $rc -ne 0 ] && grep -q "nothing claimable on position 1: next in 21d 0h" "$T/err"'

export STAKETOP_NOW=$((DUE - 1))
json=$(st unbonding --json)
check "one second before due: 1 s left, still pending" \
	'echo "$json" | grep -q "\"seconds_left\":1,\"status\":\"pending\""'
st claim 1 >/dev/null 2>"$T/err"
rc=$?
check "claim one second before due refused: next in 1s" \
	'[ $rc -ne 0 ] && grep -q "nothing claimable on position 1: next in 1s" "$T/err"'

export STAKETOP_NOW=$DUE
json=$(st unbonding --json)
check "at the due second: claimable, 0 s left" \
	'echo "$json" | grep -q "\"seconds_left\":0,\"status\":\"claimable\""'
out=$(st claim 1 2>&1)
rc=$?
check "claim at the due second succeeds" \
	'[ $rc -eq 0 ] && [ "$out" = "claimed 1 unbonding on position 1" ]'
types=$(st events 1 | awk 'NR > 1 { print $2 }' | tr '\n' ' ')
check "events 1: stake, unbond, claim" '[ "$types" = "stake unbond claim " ]'
check "events 1: the claim of 40 is at the due time" \
	'st events 1 | grep -Eq "^ +3  claim +40  2026-12-16T08:00:00Z"'
check "nothing left unbonding after the claim" '[ "$(st unbonding --json)" = "[]" ]'
check "report --json: quantity 60 after the claim" \
	'st report --json | grep -q "\"quantity\":\"60\""'
st claim 1 >/dev/null 2>"$T/err"
check "a second claim finds no pending unbonding" \
	'[ $? -ne 0 ] && grep -q "nothing claimable on position 1: no pending unbonding" "$T/err"'

# --- --at across a day boundary (now = 2026-12-16T08:00:00Z) --------------
out=$(st unbond 1 --amount 10 --at 2026-11-30T23:59:59Z 2>&1)
# left = 1797897599 − 1797408000 = 489599 s = 5 d (432000) + 57599 s → 15 h
check "--at 2026-11-30T23:59:59Z: available 2026-12-21T23:59:59Z (in 5d 15h)" \
	'echo "$out" | grep -q "available 2026-12-21T23:59:59Z (in 5d 15h)$"'
out=$(st unbond 1 --amount 10 --at 2026-11-30T19:00:00-05:00 2>&1)
# −05:00: 19:00 local is 2026-12-01T00:00:00Z; left = 489600 s = 5 d 16 h
check "--at 2026-11-30T19:00:00-05:00 (= 2026-12-01T00:00:00Z): available 2026-12-22T00:00:00Z (in 5d 16h)" \
	'echo "$out" | grep -q "available 2026-12-22T00:00:00Z (in 5d 16h)$"'
json=$(st unbonding --json)
check "unbonding --json: requested_at and seconds_left of both" \
	'echo "$json" | grep -q "\"requested_at\":\"2026-11-30T23:59:59Z\",\"available_at\":\"2026-12-21T23:59:59Z\",\"seconds_left\":489599," &&
	 echo "$json" | grep -q "\"requested_at\":\"2026-12-01T00:00:00Z\",\"available_at\":\"2026-12-22T00:00:00Z\",\"seconds_left\":489600,"'
st unbond 1 --amount 10 --at 2026-13-01 >/dev/null 2>"$T/err"
check "--at with a bad date refused with exit 2" '[ $? -eq 2 ] && grep -q -- "--at" "$T/err"'

# --- more than the position holds ------------------------------------------
# 100 − 40 − 10 − 10 = 40 held
st unbond 1 --amount 40.000001 >/dev/null 2>"$T/err"
rc=$?
check "unbond above the holding refused with the message" \
	'[ $rc -eq 2 ] && grep -q "unbond 40.000001 > position 1 holds 40" "$T/err"'
check "the refused unbond changed nothing: quantity 40" \
	'st report --json | grep -q "\"quantity\":\"40\""'

# --- soft removal ------------------------------------------------------------
# events: 1 stake, 2 unbond, 3 claim, 4 unbond (11-30), 5 unbond (12-01)
out=$(st events 1 --remove 5 --yes --note "typo" 2>&1)
check "events 1 --remove 5 --yes" '[ $? -eq 0 ] && echo "$out" | grep -q "removed event 5"'
check "the removed event is still listed, marked [removed: typo], the note given" \
	'st events 1 | grep -Eq "^ +5  unbond +10 +2026-12-01T00:00:00Z .*\[removed: typo\]$"'
check "events --json marks it removed" \
	'st events 1 --json | tr -d " \t\n" | grep -q "\"id\":5,\"type\":\"unbond\",\"amount\":\"10\",\"time\":\"2026-12-01T00:00:00Z\",\"note\":\"[^\"]*\",\"removed\":true"'
check "quantity recomputed without it: 50" 'st report --json | grep -q "\"quantity\":\"50\""'
check "its unbonding is no longer listed" \
	'[ "$(st unbonding --json | grep -o "\"available_at\"" | wc -l)" -eq 1 ] &&
	 ! st unbonding --json | grep -q "2026-12-22T00:00:00Z"'
st events 1 --remove 5 --yes >/dev/null 2>"$T/err"
check "removing it twice is refused" '[ $? -ne 0 ] && grep -q "already removed" "$T/err"'

# --- stETH: Lido's queue estimate through wq-api -----------------------------
export STAKETOP_NOW=$NOW
st add --asset stETH --amount 10 >/dev/null # position 2
printf '{"requestInfo":{"finalizationIn":172800000,"finalizationAt":"2026-11-27T08:00:00.000Z","type":"exitValidators"},"status":"calculated","nextCalculationAt":"2026-11-25T09:00:00.000Z"}' >"$T/srv/two-days.json"
printf '{"requestInfo":{"finalizationIn":259200000,"finalizationAt":"2026-11-28T08:00:00.000Z","type":"exitValidators"},"status":"calculated","nextCalculationAt":"2026-11-25T09:00:00.000Z"}' >"$T/srv/three-days.json"
printf '{"requestInfo":null,"status":"calculating","nextCalculationAt":"2026-11-25T09:00:00.000Z"}' >"$T/srv/calculating.json"
WQ_BASIS2="Lido withdrawal queue: wq-api estimate: 2 days after the observation (estimate)"
WQ_BASIS3="Lido withdrawal queue: wq-api estimate: 3 days after the observation (estimate)"
# the catalog's "[verify]" is a note to its editors: shown without it (the
# stored rule and `staketop assets` keep it)
CAT_BASIS="typical 3 days, range 1 day to 5 days (catalog: Lido withdrawal queue, usually 1-5 days)"

# the amount is in the query: a route for amount=1.5 exactly
routes "GET /v2/request-time/calculate?amount=1.5 file=two-days.json"
st unbond 2 --amount 1.5 >"$T/out" 2>"$T/err"
check "wq-api 172800000 ms: available 2026-11-27T08:00:00Z (2 days), no warning" \
	'grep -q "available about 2026-11-27T08:00:00Z (in 2d 0h)$" "$T/out" && [ ! -s "$T/err" ]'
check "its basis names wq-api" 'grep -q "^  $WQ_BASIS2$" "$T/out"'
check "unbonding --json: 172800 s left with the wq-api basis" \
	'st unbonding --json | grep -q "\"available_at\":\"2026-11-27T08:00:00Z\",\"seconds_left\":172800,\"status\":\"pending\",\"rule\":\"$WQ_BASIS2\""'

routes "GET /v2/request-time/calculate?amount=1 file=three-days.json"
st unbond 2 --amount 1 >"$T/out" 2>"$T/err"
check "wq-api 259200000 ms: available 2026-11-28T08:00:00Z = now + 3 days exactly" \
	'grep -q "available about 2026-11-28T08:00:00Z (in 3d 0h)$" "$T/out" && [ ! -s "$T/err" ]'
check "its basis mentions wq-api" 'grep -q "^  $WQ_BASIS3$" "$T/out"'

routes "GET /v2/request-time/calculate status=503 body={}"
st unbond 2 --amount 1 >"$T/out" 2>"$T/err"
rc=$?
check "wq-api 503: the unbond is still recorded" '[ $rc -eq 0 ]'
check "wq-api 503: one warning line on stderr" \
	'[ "$(cat "$T/err")" = "staketop: Lido queue estimate unavailable: HTTP 503; using the catalog'"'"'s typical range" ]'
check "wq-api 503: the catalog's typical 3 days, same date" \
	'grep -q "available about 2026-11-28T08:00:00Z (in 3d 0h)$" "$T/out"'
check "wq-api 503: the basis says the catalog range" 'grep -qF "  $CAT_BASIS" "$T/out"'
check "the text shows no catalog note" '! grep -q "verify" "$T/out"'
check "unbonding --json keeps the rule as recorded" \
	'st unbonding --json | grep -qF "usually 1-5 days [verify])"'

routes "GET /v2/request-time/calculate file=calculating.json"
st unbond 2 --amount 1 >"$T/out" 2>"$T/err"
check "wq-api still calculating: warning says so, catalog range used" \
	'grep -q "Lido queue estimate unavailable: status .calculating.: no estimate yet; using the catalog" "$T/err" &&
	 grep -qF "  $CAT_BASIS" "$T/out"'

routes "GET /v2/request-time/calculate file=two-days.json"
"$ST" --db "$DB" --config "$CFG" --offline unbond 2 --amount 1 >"$T/out" 2>"$T/err"
check "--offline: no request, no warning, the catalog range" \
	'[ ! -s "$T/err" ] && grep -q "available about 2026-11-28T08:00:00Z" "$T/out" &&
	 grep -qF "  $CAT_BASIS" "$T/out"'
st unbond 2 --amount 1 --at 2026-11-20T08:00:00Z >"$T/out" 2>"$T/err"
# 2026-11-20T08:00:00Z + 259200 s = 2026-11-23T08:00:00Z: already due
check "--at days ago: today's queue is not asked; catalog range from the request" \
	'[ ! -s "$T/err" ] && grep -q "available about 2026-11-23T08:00:00Z (claimable now)$" "$T/out" &&
	 grep -qF "  $CAT_BASIS" "$T/out"'

st unbond 2 --amount 1 --at 2026-11-25T09:00:00Z >"$T/out" 2>"$T/err"
rc=$?
# now is 2026-11-25T08:00:00Z: an hour later has not happened yet
check "--at in the future refused with exit 2" \
	'[ $rc -eq 2 ] && grep -q "in the future (now is 2026-11-25T08:00:00Z)" "$T/err"'

st add --asset wstETH --amount 2 >/dev/null # position 3
st unbond 3 --amount 0.5 >"$T/out" 2>"$T/err"
check "wstETH asks wq-api too" \
	'[ ! -s "$T/err" ] && grep -q "available about 2026-11-27T08:00:00Z" "$T/out" &&
	 grep -q "^  $WQ_BASIS2$" "$T/out"'
# 10 − 1.5 − 1 − 1 − 1 − 1 − 1 = 3.5
check "report --json: stETH quantity 3.5 after six unbonds" \
	'st report --json | grep -q "\"asset\":\"stETH\",\"underlying\":\"ETH\",\"quantity\":\"3.5\""'

# ATOM has no estimate API: the server is never asked for it
routes "GET / status=500"
st add --asset ATOM --amount 5 >/dev/null # position 4
st unbond 4 --amount 1 >"$T/out" 2>"$T/err"
check "ATOM unbond never asks the queue API" '[ ! -s "$T/err" ]'

# --- the catalog field is checked ----------------------------------------------
mkdir -p "$T/bad"
printf '{"assets":[{"symbol":"stETH","unbonding":{"estimate_api":"nope"}}]}' >"$T/bad/assets.json"
: >"$T/bad/config.ini" # a config named with --config must exist
"$ST" --db "$DB" --config "$T/bad/config.ini" list >/dev/null 2>"$T/err"
check "a user catalog with an unknown estimate_api is refused, naming the field" \
	'[ $? -eq 2 ] && grep -q "entry 1 (stETH): field .estimate_api." "$T/err"'

done_testing
