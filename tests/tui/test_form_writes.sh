#!/bin/sh
# The edit form open while another process unbonds from the same position:
# Enter must not write the stale row back (the unbond would be lost and its
# coins counted twice). The form says what changed and reloads; a second
# Enter then saves the note on top of the unbond. And the add form refuses
# an opening date in the future with the command line's message.
. tests/tui/lib.sh

st() { env STAKETOP_NOW=$NOW "$ST" --offline --db "$DB" "$@"; }
st add --asset ATOM --amount 1000 --opened 2026-01-02 >/dev/null

shell_start 80 24
ui_start --db "$DB" --offline
keys F8
wait_for "Edit position 1"
check "the edit form shows 1000" 'screen | grep -Eq "Amount +1000 "'
keys Tab Tab Tab Tab C-u k e e p # Amount → Account, Opened, Cost basis, Note
# another process, while the form is open: 1000 − 1 = 999
st unbond 1 --amount 1 >/dev/null 2>&1
check "the unbond from the other process ran" 'st list --json | grep -q "\"quantity\":\"999\""'
keys Enter
wait_for "changed meanwhile"
check "the form says the position changed and what: quantity 1000 -> 999" \
	'screen | grep -q "position 1 changed meanwhile (quantity 1000 -> 999)"'
check "the stale row was not written: 999 stored" \
	'st list --json | grep -q "\"quantity\":\"999\""'
check "the form now shows 999" 'screen | grep -Eq "Amount +999 "'
check "the typed note is kept" 'screen | grep -Eq "Note +keep "'
check "no adjust event" '! st events 1 | grep -q adjust'
keys Enter
wait_for "updated position 1"
out=$(st list --json)
check "the second Enter saves the note and keeps 999" \
	'echo "$out" | grep -q "\"quantity\":\"999\"" && echo "$out" | grep -q "\"note\":\"keep\""'
check "still no adjust event" '! st events 1 | grep -q adjust'

# the add form: an opening date after today (NOW is 2026-11-25 08:00 UTC)
keys F7
wait_for "Add a position"
keys A T O M Tab 2 Tab Tab 2 0 2 6 - 1 1 - 2 6 Enter
wait_for "in the future"
check "a future opening date is refused beside the field" \
	'screen | grep -q "Opened: 2026-11-26 is in the future (today is 2026-11-25)"'
check "nothing added" '[ "$(st list --json | grep -o "\"id\":" | wc -l)" -eq 1 ]'
keys C-u 2 0 2 6 - 1 1 - 2 5 Enter
wait_for "added position 2"
check "today is accepted" 'st list --json | grep -q "\"opened\":\"2026-11-25\""'
done_testing
