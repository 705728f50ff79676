#!/bin/sh
# `staketop edit` changes the cost basis and the opening date by the rules
# `add` follows (the same checks as the edit form); times typed without a
# zone are UTC, as the hint says (2026-11-24T10:00); money in the text
# tables carries the thousands separator the interface uses.
. tests/cli/lib.sh
# 2026-11-25T00:00:00Z
export STAKETOP_NOW=1795564800
DB="$T/p.db"
diag() { echo "#  out: $(head -c 300 "$T/out")"; echo "#  err: $(head -c 300 "$T/err")"; }
st() { "$ST" --db "$DB" --offline "$@" >"$T/out" 2>"$T/err"; rc=$?; }
# the stored row: asset, opened, cost_basis, note
row() { "$ST" --db "$DB" --offline export --csv --table positions 2>/dev/null |
	awk -F, -v id="$1" '$1 == id { print $3 "|" $10 "|" $11 "|" $12 }' | tr -d '\r'; }

st add --asset ETH --amount 2 --opened 2026-01-02 --cost-basis 5000 --note n
check "added" '[ $rc -eq 0 ] && [ "$(row 1)" = "ETH|2026-01-02|5000|n" ]'

# --- cost basis and opening date ------------------------------------------
st edit 1 --cost-basis 6123.45 --opened 2025-12-31
check "edit --cost-basis --opened: exit 0" '[ $rc -eq 0 ] && grep -q "updated position 1" "$T/out"'
check "both stored, the rest kept" '[ "$(row 1)" = "ETH|2025-12-31|6123.45|n" ]'
check "no adjust event for a field that is not the amount" \
	'"$ST" --db "$DB" --offline events 1 --json | grep -c "\"type\"" | grep -qx 1'

st edit 1 --opened 2026-11-26
check "an opening date after today refused (exit 2, names the field)" \
	'[ $rc -eq 2 ] && grep -q "opened: 2026-11-26 is in the future" "$T/err"'
st edit 1 --opened ""
check "an empty opening date refused" '[ $rc -eq 2 ] && grep -q "opened" "$T/err"'
st edit 1 --opened 2026-02-30
check "a date that does not exist refused" '[ $rc -eq 2 ] && grep -q "no such date" "$T/err"'
st edit 1 --cost-basis 12,5
check "a cost basis that is not a plain decimal refused" \
	'[ $rc -eq 2 ] && grep -q "cost" "$T/err"'
check "after the refusals the row is as it was" '[ "$(row 1)" = "ETH|2025-12-31|6123.45|n" ]'
st edit 1 --cost-basis ""
check "--cost-basis \"\" removes it" '[ $rc -eq 0 ] && [ "$(row 1)" = "ETH|2025-12-31||n" ]'
st edit 1
check "nothing to change names the new options" \
	'[ $rc -eq 2 ] && grep -q -- "--opened, --cost-basis" "$T/err"'
st edit --help
check "edit --help lists --cost-basis and --opened" \
	'grep -q -- "--cost-basis X" "$T/out" && grep -q -- "--opened DATE" "$T/out"'

# --- a time without a zone is UTC --------------------------------------------
st unbond 1 --amount 0.5 --at 2026-11-24T10:00
check "unbond --at 2026-11-24T10:00 accepted" '[ $rc -eq 0 ]'
check "requested at 2026-11-24T10:00:00Z" \
	'"$ST" --db "$DB" --offline unbonding --json | grep -q "\"requested_at\":\"2026-11-24T10:00:00Z\""'
st unbond 1 --amount 0.5 --at 2026-11-24T10:00+02:00
check "with an offset: 10:00+02:00 is 08:00Z" '[ $rc -eq 0 ] &&
	"$ST" --db "$DB" --offline unbonding --json | grep -q "\"requested_at\":\"2026-11-24T08:00:00Z\""'
st unbond 1 --amount 0.1 --at 2026-11-24T25:00
check "a time that is not one refused, saying what is expected" \
	'[ $rc -eq 2 ] && grep -q "2026-11-25T08:00" "$T/err"'

# --- money with thousands separators in text tables -----------------------------
# a price of 3,000.00 on 2026-11-20: 2 ETH × 3000 = 6,000.00 (the unbonds
# above were requested on 2026-11-24, after these dates)
printf 'date,asset,price\n2026-11-20,ETH,3000\n' >"$T/prices.csv"
st import "$T/prices.csv"
st history --from 2026-11-19 --to 2026-11-21
check "history text: 6,000.00 with its separator" 'grep -Eq "^2026-11-20 +6,000\.00 +6,000\.00 " "$T/out"'
check "history text: no money figure of 4+ digits without a separator" \
	'! grep -Eq "(^| )[0-9]{4,}\.[0-9]{2}( |$)" "$T/out"'
check "history --json keeps plain numbers" \
	'"$ST" --db "$DB" --offline history --from 2026-11-19 --to 2026-11-21 --json | grep -q "\"nav\":6000.00"'

done_testing
