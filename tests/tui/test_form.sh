#!/bin/sh
# Adding, editing and removing positions through the forms: validation
# messages that say what is wrong, the write through the store (checked with
# the command line), and a confirmation before anything is deleted.
. tests/tui/lib.sh

shell_start
ui_start --db "$DB" --demo --offline
keys F7
wait_for "Add a position"
check "the add form opens on the asset field" 'screen | grep -q "Asset"'
# an unknown asset, and 7 decimals: ATOM has 6
keys N O P E Tab 1 . 1 2 3 4 5 6 7 Enter
wait_for "no asset 'NOPE' in the catalog"
check "unknown asset: says so beside the field" 'screen | grep -q "no asset .NOPE. in the catalog"'
keys C-u A T O M Enter
wait_for "too many decimals"
check "7 decimals for ATOM: says how many are allowed" \
	'screen | grep -q "too many decimals: 7 (at most 6 allowed) (ATOM has 6 decimals)"'
keys C-u 1 0 Tab C-u k e p l r Tab 2 0 2 5 - 0 2 - 3 0 Enter
wait_for "no such date: 2025-02-30"
check "a date that does not exist is refused" 'screen | grep -q "^Opened: no such date: 2025-02-30"'
keys C-u 2 0 2 5 - 0 2 - 2 8 Enter
wait_for "added position 12"
# 10 ATOM × 4.25 = 42.50 (snapshot price); ATOM stakes natively: premium 0
check "added: the message names id, amount, asset and account" \
	'screen | grep -q "added position 12: 10 ATOM (keplr)"'
check "the new row is on the board with NAV 42.50" \
	'screen | grep -Eq "^ +[0-9]+ native +ATOM +keplr +10 .* 42\.50 +42\.50 +\+0\.0 "'
keys C-l
wait_for "^#12 ATOM \(keplr\)"
check "the new position is selected" 'screen | grep -q "^#12 ATOM (keplr)"'
out=$("$ST" --db "$DB" list --json)
check "stored exactly: 10 ATOM in keplr, opened 2025-02-28" \
	'echo "$out" | tr -d " \n" | grep -q "\"id\":12,\"account\":\"keplr\",\"asset\":\"ATOM\",\"quantity\":\"10\",\"origin\":\"manual\",\"opened\":\"2025-02-28\""'
check "with its stake event" '"$ST" --db "$DB" events 12 | grep -q "stake"'

# Edit: the amount to 12.5 records an adjust of +2.5
keys F8
wait_for "Edit position 12"
check "the edit form shows the stored amount" 'screen | grep -Eq "Amount +10 "'
keys C-u 1 2 . 5 Enter
wait_for "updated position 12"
check "edit saved" 'screen | grep -q "updated position 12"'
check "the board shows 12.5 ATOM, NAV 12.5 × 4.25 = 53.12 (53.125, half to even)" \
	'screen | grep -Eq "^ +[0-9]+ native +ATOM +keplr +12\.5 .* 53\.12 "'
check "an adjust event of 2.5" '"$ST" --db "$DB" events 12 | grep -E "adjust" | grep -q "2.5"'

# Remove: asks first; n keeps it, y removes it
keys F9
wait_for "Remove position 12"
check "removal asks, naming the position" 'screen | grep -q "Remove position 12 (12.5 ATOM, keplr)"'
keys n
wait_for "kept position 12"
check "n keeps it" '"$ST" --db "$DB" list --json | grep -q "\"id\":[[:space:]]*12"'
keys F9
wait_for "Remove position 12"
keys y
wait_for "removed position 12"
check "y removes it" '! "$ST" --db "$DB" list --json | grep -q "\"id\":[[:space:]]*12"'
check "the board has 11 positions again" 'line 1 | grep -q "11 positions"'

# Esc leaves a form without saving
keys a
wait_for "Add a position"
keys E T H Escape
wait_for "nothing saved"
check "Esc cancels the form" 'line 1 | grep -q "11 positions"'
keys q
wait_for "exit=0"
check "q quits" 'screen | grep -q "exit=0"'
done_testing
