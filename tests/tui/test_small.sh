#!/bin/sh
# The interface at 80x24 as a new user finds it (and the ID column at
# 120x40): the filter being typed keeps the status line; Esc after a filter
# goes back to the row that was selected; the sort arrow shows on PREM and
# UNBONDING; forms without an asset field do not offer "Right Asset"; the
# edit form changes the cost basis and the opening date; the unbond form
# takes 2026-11-24T10:00 (UTC) and shows its rule without the catalog's
# "[verify]"; help descriptions are wrapped, not cut; a long status message
# ends at a word with an ellipsis (the permission warning, shown in the
# status line too); after a failed refresh the header says so and the
# feeds screen shows "rate limited until" whole, without "(Tab: feeds
# screen)" once there.
. tests/tui/lib.sh

st() { "$ST" --db "$DB" --offline "$@"; }
# a new terminal: the old tmux server gone before the next one starts
restart() {
	tm kill-server >/dev/null 2>&1
	i=0
	while tm has-session 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	sleep 0.2
	shell_start "$@"
}
status() { line 23; }
bar() { line 24; }

# --- the demo board at 80x24 ------------------------------------------------
env STAKETOP_NOW=$NOW "$ST" --db "$DB" --demo --offline list >/dev/null 2>&1
shell_start 80 24
ui_start --db "$DB" --demo --offline
check "the board starts on #1 ETH" 'status | grep -q "^#1 ETH (validator)"'

keys f
wait_for "^filter "
keys k i n d : r e s t a k e d
wait_for "kind:restaked"
# the whole prompt and what is typed, nothing drawn over it
check "the filter being typed is not covered by the right-hand status" \
	'status | grep -Eq "^filter \(kind: chain: account: or words\): kind:restaked *$"'
keys Escape
wait_for "^#"
check "Esc after a filter goes back to the row that was selected (#1 ETH)" \
	'status | grep -q "^#1 ETH (validator)"'
check "and the filter typed is gone" '! status | grep -q "filter \""'

# sort: > steps through the columns; PREM bps (8 wide) shows "PREM" + arrow
i=0
while [ $i -lt 14 ] && ! status | grep -q "sort PREM"; do keys '>'; sleep 0.2; i=$((i + 1)); done
check "sorted by PREM: its title carries the arrow" 'line 4 | grep -Eq "PREM(▲|▼)"'
i=0
while [ $i -lt 14 ] && ! status | grep -q "sort UNBONDING"; do keys '>'; sleep 0.2; i=$((i + 1)); done
check "sorted by UNBONDING: its title carries the arrow" 'line 4 | grep -Eq "UNBOND(▲|▼)"'

# forms: the asset picker only where there is an asset field
keys F7
wait_for "Add a position"
check "the add form offers Right Asset" 'bar | grep -q "Asset"'
keys Escape
wait_for "nothing saved"
keys g # top: #1 ETH is first by id or by sort; select it by search instead
keys / v a l i d Enter
wait_for "^#1 ETH"
keys F8
wait_for "Edit position 1"
check "the edit form has no asset field to pick: no Right Asset" '! bar | grep -q "Asset"'
check "the edit form shows the opening date" 'screen | grep -q "Opened.*2023-04-12"'
check "and a cost basis field" 'screen | grep -q "Cost basis"'
# Tab to Opened (Amount, Account, Opened), type a date in the future first
keys Tab Tab C-u 2 0 9 9 - 0 1 - 0 1 Enter
wait_for "in the future"
check "a future opening date is refused beside the field" 'screen | grep -q "2099-01-01 is in the future"'
keys C-u 2 0 2 3 - 0 5 - 0 6 Tab C-u 1 2 3 4 5 . 5 Enter
wait_for "updated position 1"
check "the edit form saved" 'status | grep -q "updated position 1"'
check "the opening date is 2023-05-06 in the store" \
	'st export --csv --table positions 2>/dev/null | grep -q "^1,validator,ETH,.*,2023-05-06,12345.5,"'

# the unbond form (b on the detail): ISO-8601 without a zone is UTC
keys / s t E T H Enter
wait_for "^#2 stETH"
keys Enter
wait_for "^position #2"
keys b
wait_for "Unbond from position 2"
check "the unbond form has no asset field: no Right Asset" '! bar | grep -q "Asset"'
check "the unbond form's rule is shown without [verify]" \
	'screen | grep -q "usually 1-5 days" && ! screen | grep -q "verify"'
keys 1 Tab 2 0 2 6 - 1 1 - 2 4 T 1 0 : 0 0 Enter
wait_for "unbonding 1 stETH"
check "the unbond form takes 2026-11-24T10:00" 'status | grep -q "unbonding 1 stETH on position 2"'
check "recorded at 2026-11-24T10:00:00Z (UTC)" \
	'st unbonding --json 2>/dev/null | grep -q "\"position\":2,\"asset\":\"stETH\",\"amount\":\"1\",\"requested_at\":\"2026-11-24T10:00:00Z\""'
check "the unbonding screen shows the rule without [verify]" '! screen | grep -q "verify"'
keys Escape Escape
keys F1
wait_for "Help: keys"
# F2's description is 47 columns; the column for it at 80 is narrower:
# wrapped, its end on a line of its own
check "help: a long description is wrapped, not cut" \
	'screen | grep -q "fetch every feed now" && screen | grep -q "background)" && ! screen | grep -q "(runs …"'
keys Escape
keys Q
wait_for "exit=0"

# --- the ID column at 120x40 -------------------------------------------------
restart 120 40
ui_start --db "$DB" --offline
check "at 120x40 the ID column is there" 'line 4 | grep -Eq "^ +ID "'
check "with the ids" 'screen | grep -Eq "^ +1 native +ETH "'
keys Q
wait_for "exit=0"

# --- the permission warning at 80x24: in the status line, cut at a word ------
chmod 644 "$DB"
"$ST" --db "$DB" --offline list >/dev/null 2>"$T/warn"
WARN=$(sed -n 's/^staketop: //p' "$T/warn")
check "the command warns: $WARN" 'echo "$WARN" | grep -q "chmod 600"'
restart 80 24
ui_start --db "$DB" --offline
wait_for "^warning:"
S=$(status | sed 's/ *$//')
check "the status line says the warning" 'echo "$S" | grep -q "^warning: .*can be"'
# cut: the shown text without its "…" is the message up to a space
P=${S%…}
check "the status line ends with an ellipsis" '[ "$P" != "$S" ]'
check "and cuts at a word: \"$P\" is followed by a space in the message" \
	'case "$WARN" in "$P "*) true ;; *) false ;; esac'
keys Q
wait_for "exit=0"
chmod 600 "$DB"

# --- a failed refresh at 80x24 ------------------------------------------------
echo 'GET /api/v3 status=429 header=Retry-After:600' >"$T/fx/routes"
fixture_start
config_coingecko
restart 80 24
ui_start --db "$DB" --config "$T/config.ini"
wait_for "feeds failed"
# NOW is 08:00 UTC; the request fails at once: "refresh failed 08:00: ..."
check "the header says refresh failed 08:00, not never refreshed" \
	'line 1 | grep -q "refresh failed 08:00: coingecko" && ! line 1 | grep -q "never refreshed"'
check "the message points to the feeds screen" 'status | grep -q "(Tab: feeds screen)"'
keys Tab
wait_for "^FEED"
# a refresh that fails while the feeds screen is open (the provider is
# held back until 08:10, so it fails at once)
keys F2
wait_for "⟳ refreshing" 3
wait_for "feeds failed"
check "a failure on the feeds screen does not say Tab: feeds screen" \
	'status | grep -q "feeds failed" && ! status | grep -q "Tab: feeds screen"'
# 08:00:00 + 600 s = 08:10:00, said as the minute rounded up
check "the feeds screen shows 'rate limited until 08:1x' whole at 80 columns" \
	'screen | grep -Eq "rate limited until 08:1[01]"'
keys Q
wait_for "exit=0"
done_testing
