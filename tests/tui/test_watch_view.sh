#!/bin/sh
# The watch screen at 80x24 (W from the board): one row per watched
# address, the same as `staketop watch list --json`; the add form checks the
# address as it is typed and names the rule broken under the field (the
# checks `staketop watch add` uses); removing asks, and the positions the
# watch read stay; a hostile label and error from the store show cleaned.
# Then the same list at 120x40, whole addresses.
. tests/tui/lib.sh

ETH=0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed
ETH_BAD=0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD   # last letter's case flipped
ATOM=cosmos14w46h2at4w46h2at4w46h2at4w46h2atuw643a
ATOM_BAD=cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk363f # checksum of ...363e
"$ST" --db "$DB" add --asset ETH --amount 2.5 --account ledger >/dev/null 2>&1
"$ST" --db "$DB" watch add --chain ethereum "$ETH" --label ledger >/dev/null 2>&1
# what a refresh left: the last good read 2 h before now at block
# 21000000 (its position: the ETH above), then a failed read a minute ago;
# the label and the error as a hostile store could hold them
sqlite3 "$DB" "UPDATE watches SET label = 'ev' || char(27) || '[31mil' || CAST(x'ff' AS TEXT),
	last_ok_at = $NOW - 7200, read_at = $NOW - 60, read_height = '21000000',
	last_error = 'HTTP 429' || char(27) || '[2J too many' WHERE id = 1;
	INSERT INTO watch_items(watch_id, key, position_id) VALUES (1, 'ETH', 1);"

shell_start 80 24
ui_start --db "$DB" --offline
keys W
wait_for "ID +CHAIN +ADDRESS"
# 80 columns: the address cut in the middle to 25 columns (12 + … + 12)
check "the watch's row: id, chain, address cut in the middle, label cleaned, 1 position, block, age 2h, FAILED" \
	'screen | grep -Eq "^ +1 ethereum 0x5aAeb6053F…35E7Ef1BeAed ev\?\[31mil\? +1 +21000000 +2h FAILED"'
check "its error under it, cleaned, with the age of the quantities kept" \
	'screen | grep -Fq "HTTP 429?[2J too many (quantities kept as read 2h ago)"'
check "the selected one whole below: address, account, the read" \
	'screen | grep -Eq "Address +$ETH\$" && screen | grep -Eq "Read +block 21000000 at 2026-11-25T06:00:00Z, 2h ago"'

keys a
wait_for "Watch an address"
check "the form opens on the chain, ethereum first" 'screen | grep -Fq "[ethereum]"'
keys c
wait_for "\[cosmos\]"
keys Tab
check "nothing typed: what a cosmos address is" 'screen | grep -Fq "bech32 with the cosmos prefix"'
keys -l "$ATOM_BAD"
wait_for "bech32 checksum does not match"
check "an invalid address: the rule broken is under the field as it is typed" \
	'screen | grep -Fq "bech32 checksum does not match"'
keys Enter
wait_for "not saved: address: bech32 checksum"
check "Enter on it saves nothing, and says why" \
	'screen | grep -Fq "not saved: address: bech32 checksum does not match" && [ "$("$ST" --db "$DB" watch list --json | jq length)" = 1 ]'
keys BTab e Tab C-u
keys -l "$ETH_BAD"
wait_for "EIP-55 checksum does not match"
check "the same field under ethereum: the EIP-55 rule" 'screen | grep -Fq "EIP-55 checksum does not match"'
keys BTab c Tab C-u
keys -l "$ATOM"
wait_for "valid cosmos address"
check "a valid one says so before saving" 'screen | grep -Fq "valid cosmos address"'
keys Tab
keys -l desk
keys Enter
wait_for "watching 2: cosmos"
wait_for "^ +2 cosmos"

# the list against `watch list --json`: as many rows as watches, and each
# row's id, chain and address (cut as the screen cuts it) those of one watch
json=$("$ST" --db "$DB" watch list --json)
screen >"$T/scr"
rel=$(echo "$json" | jq -r '.[] | "\(.id) \(.chain) \(.address)"' | while read -r id ch ad; do
	if [ ${#ad} -le 25 ]; then cut=$ad; else
		cut="$(printf %s "$ad" | cut -c1-12)…$(printf %s "$ad" | cut -c$((${#ad} - 11))-)"; fi
	grep -Eq "^ +$id $ch +$cut " "$T/scr" && echo ok || echo "missing $id $ch $cut"
done)
rows=$(grep -Ec "^ +[0-9]+ (ethereum|beacon|solana|cosmos|polkadot) " "$T/scr")
check "the screen lists what watch list --json lists (2 watches, 2 rows, each matching)" \
	'[ "$(echo "$json" | jq length)" = 2 ] && [ "$rows" = 2 ] && [ "$(echo "$rel" | grep -c "^ok$")" = 2 ]'
check "the new one is labelled desk, never read yet" 'grep -Eq "^ +2 cosmos .* desk +0 +- +- +new" "$T/scr"'

# remove the first (it read position 1): asked first, n keeps it
keys Home d
wait_for "Stop watching 1"
check "the confirmation names the watch and says its positions stay" \
	'screen | grep -Fq "Stop watching 1 (ethereum" && screen | grep -Fq "position stays, with its history"'
keys n
wait_for "still watching 1"
keys d
wait_for "Stop watching 1"
keys y
wait_for "no longer watching 1"
check "one row left, the cosmos one" \
	'wait_gone "^ +1 ethereum" && screen | grep -Eq "^ +2 cosmos" && [ "$("$ST" --db "$DB" watch list --json | jq -r ".[].id")" = 2 ]'
check "watch 1 is gone and the position it read stays" \
	'! "$ST" --db "$DB" watch list --json | jq -e ".[] | select(.id == 1)" >/dev/null &&
	"$ST" --db "$DB" --offline report --json | jq -e ".positions[] | select(.id == 1)" >/dev/null'

# 120x40: whole addresses in the row
tm resize-window -t t -x 120 -y 40
wait_for "^ +2 cosmos +$ATOM +desk"
check "at 120 columns the cosmos address is whole in its row" 'screen | grep -Eq "^ +2 cosmos +$ATOM +desk +0"'
keys Q
check "quits cleanly: exit 0 (under the sanitizers: no leak, no error)" 'wait_for "exit=0"'
done_testing
