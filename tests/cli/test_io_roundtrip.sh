#!/bin/sh
# export → import into a fresh file loses nothing a user owns, from the
# command line on real SQLite files: a rebasing stETH position read from a
# chain with its shares and exact share rate, an exact rate observation,
# watches (labels, a hold, a failed read) with their items (a stake, an
# exit with its unbonding), a saved plan and fired alerts; every table
# compared field by field with sqlite3 after a JSON and a CSV round trip,
# and `report --json` the same before and after. Older exports (an events
# CSV without its price column) import; one short of a required column,
# hostile bytes, an unknown chain and an item naming nothing are refused
# with FILE:LINE or table[row] and nothing is written.
. tests/cli/lib.sh
diag() { echo "  out: $(head -c 300 "$T/out" 2>/dev/null)"; echo "  err: $(head -c 600 "$T/err" 2>/dev/null)"; }
ESC=$(printf '\033')
NOW=1795593600                # 2026-11-25T08:00:00Z
export STAKETOP_NOW=$NOW
DB="$T/a.db"
S() { "$ST" --db "$DB" "$@"; }

S --demo list >/dev/null
S watch add --chain ethereum 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed --label 'main, "hot"' >/dev/null
S watch add --chain cosmos cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk363e >/dev/null
S plan --target native=40,liquid=40,restaked=20 --save 'q4, "rebalance"' >/dev/null 2>&1
# a manual price pinned (never stale), one not: only the pin is kept apart
S price set ATOM 9.5 --pin >/dev/null
S price set DOT 4.25 >/dev/null
# what chain reads leave behind: position 20, stETH read from the ethereum
# watch, 1.000000000000000007 at the exact share rate 243/200 (= 1.215)
# with its shares 1.000000000000000007 / 1.215 = 0.823045267489711939917…
# (truncated to 18 decimals); position 21, 1000 ATOM read from the cosmos
# watch with 250 leaving it (unbonding 30); the wstETH rate read exactly
# (243/200) a minute ago; an alert seen and ended and one still open
sqlite3 "$DB" <<EOF
INSERT INTO accounts(name) VALUES('main, "hot"'), ('cosmos:cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk363e');
INSERT INTO positions(id, account_id, asset, quantity, shares, idle, origin, address, read_at,
  note, created_at, updated_at, share_rate)
  VALUES(20, (SELECT id FROM accounts WHERE name = 'main, "hot"'), 'stETH', '1.000000000000000007',
  '0.823045267489711939', 0, 'chain', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', $((NOW - 100)),
  'Lido stETH, read', $((NOW - 900)), $((NOW - 100)), '243/200'),
  (21, (SELECT id FROM accounts WHERE name LIKE 'cosmos:%'), 'ATOM', '1000', NULL, 0, 'chain',
  'cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk363e', $((NOW - 100)), NULL, $((NOW - 900)),
  $((NOW - 100)), NULL);
INSERT INTO events(position_id, type, amount, ts, note) VALUES
  (20, 'stake', '1.000000000000000007', $((NOW - 900)), 'first read from the chain'),
  (21, 'stake', '1250', $((NOW - 900)), 'first read from the chain'),
  (21, 'unbond', '250', $((NOW - 800)), NULL);
INSERT INTO unbondings(id, position_id, amount, requested_at, available_at, earliest_at,
  latest_at, rule, status) VALUES(30, 21, '250', $((NOW - 800)), $((NOW + 86400)),
  $((NOW + 86400)), $((NOW + 86400)), 'read from the chain (exact): completion', 'pending');
UPDATE events SET unbonding_id = 30 WHERE position_id = 21 AND type = 'unbond';
INSERT INTO observations(asset, kind, source, ts, value, fetched_at, exact)
  VALUES('wstETH', 'rate', 'eth_rpc', $((NOW - 60)), 1.2150000000000001, $((NOW - 60)), '243/200');
UPDATE watches SET read_at = $((NOW - 100)), read_height = '21000000', last_ok_at = $((NOW - 100))
  WHERE chain = 'ethereum';
UPDATE watches SET read_at = $((NOW - 50)), last_error = 'HTTP 429 Too Many Requests',
  blocked_until = $((NOW + 3600)) WHERE chain = 'cosmos';
INSERT INTO watch_items(watch_id, key, position_id, unbonding_id) VALUES
  ((SELECT id FROM watches WHERE chain = 'ethereum'), 'stETH', 20, NULL),
  ((SELECT id FROM watches WHERE chain = 'cosmos'), 'ATOM@cosmosvaloper1aaa', 21, NULL),
  ((SELECT id FROM watches WHERE chain = 'cosmos'), 'ATOM@cosmosvaloper1aaa unbonding 7', 21, 30);
INSERT INTO alerts(kind, key, message, fired_at, seen_at, ended_at) VALUES
  ('claimable', 'claimable:30', 'unbonding 30 of ATOM can be claimed', $((NOW - 3000)), $((NOW - 2000)), $((NOW - 1000))),
  ('claimable', 'claimable:30', 'unbonding 30 of ATOM can be claimed', $((NOW - 500)), NULL, NULL);
EOF
check "the source holds a plan, 2 watches, 3 items, 2 alerts" \
	'[ "$(sqlite3 "$DB" "SELECT (SELECT count(*) FROM plans) || (SELECT count(*) FROM watches) || (SELECT count(*) FROM watch_items) || (SELECT count(*) FROM alerts)")" = 1232 ]'

# Every column of every table (in quote mode: NULL, '' and 'text' apart),
# the account by its name rather than its id; positions.version, the row
# version every write moves, is not data and not exported.
TABLES="positions:id events:id unbondings:id observations:id snapshots:position_id,ts loans:id
watches:id watch_items:watch_id,key plans:id alerts:id"
dump() { # db
	echo "== pins"
	sqlite3 "$1" "SELECT key FROM meta WHERE key LIKE 'manual_pin:%' AND value = '1' ORDER BY key"
	for tk in $TABLES; do
		t=${tk%%:*} k=${tk#*:}
		cols=$(sqlite3 "$1" "SELECT group_concat(CASE name WHEN 'account_id' THEN
			'(SELECT name FROM accounts WHERE id = account_id)' ELSE name END, ', ')
			FROM pragma_table_info('$t') WHERE name <> 'version'")
		echo "== $t"
		sqlite3 -cmd ".mode quote" "$1" "SELECT $cols FROM $t ORDER BY $k"
	done
}
dump "$DB" >"$T/a.dump"
S report --json >"$T/a.report"

# --- JSON round trip ----------------------------------------------------------------
S export --json >"$T/a.json" 2>"$T/err"
"$ST" --db "$T/b.db" import "$T/a.json" >"$T/out" 2>"$T/err"
check "import of the JSON export into a fresh file" '[ $? -eq 0 ] && grep -q "^imported [0-9]* rows (export)" "$T/out"'
dump "$T/b.db" >"$T/b.dump"
check "JSON: every table, field by field, the same" 'diff "$T/a.dump" "$T/b.dump" >"$T/out"'
check "JSON: the share rate and the exact rate are there" \
	'grep -q "\"share_rate\":\"243/200\"" "$T/a.json" && grep -q "\"exact\":\"243/200\"" "$T/a.json"'
check "JSON: the watches (with the hold) are there" \
	'grep -q "^{\"id\":1,\"chain\":\"ethereum\"" "$T/a.json" && grep -q "\"blocked_until\":$((NOW + 3600))" "$T/a.json"'
check "JSON: the exit's item with its unbonding, the plan and the alerts are there" \
	'grep -q "\"unbonding_id\":30}" "$T/a.json" && grep -q "^{\"id\":1,\"name\":\"q4, " "$T/a.json" &&
	 grep -q "^{\"id\":1,\"kind\":\"claimable\"" "$T/a.json"'
"$ST" --db "$T/b.db" report --json >"$T/b.report"
check "report --json: the same before and after" 'cmp -s "$T/a.report" "$T/b.report"'
totals() { grep -o '"totals":{[^}]*}' "$1"; }
check "report --json: the same totals" '[ -n "$(totals "$T/a.report")" ] && [ "$(totals "$T/a.report")" = "$(totals "$T/b.report")" ]'
# position 20: 1.000000000000000007 × (243/200) ÷ (243/200) = 1.000000000000000007 exactly;
# without the share rate it is shares × rate rounded to 12 decimals (1), and
# without the exact rate × 1.2150000000000001 ÷ 1.215 (1.000000000000000089)
pos20() { sed 's/{"id":/\n{"id":/g' "$1" | grep '^{"id":20,' | grep -o '"quantity":"[0-9.]*"'; }
check "the rebasing stETH position still rebases exactly: 1.000000000000000007" \
	'[ "$(pos20 "$T/b.report")" = "\"quantity\":\"1.000000000000000007\"" ]'
"$ST" --db "$T/b.db" watch add --chain cosmos cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk363e >"$T/out" 2>&1
check "the imported watch is the one a re-add finds (no second set of positions)" \
	'grep -q "already watched as 2" "$T/out"'
"$ST" --db "$T/b.db" export --json >"$T/b.json"
check "JSON: export again gives the same bytes" 'cmp -s "$T/a.json" "$T/b.json"'

# --- CSV directory round trip -----------------------------------------------------------
S export --csv "$T/csv" 2>"$T/err"
check "export --csv DIR: watches, watch_items, plans and alerts too" \
	'[ -f "$T/csv/watches.csv" ] && [ -f "$T/csv/watch_items.csv" ] && [ -f "$T/csv/plans.csv" ] && [ -f "$T/csv/alerts.csv" ]'
"$ST" --db "$T/c.db" import "$T/csv" >"$T/out" 2>"$T/err"
check "import of the CSV directory into a fresh file" '[ $? -eq 0 ] && grep -q "(tables)" "$T/out"'
dump "$T/c.db" >"$T/c.dump"
check "CSV: every table, field by field, the same" 'diff "$T/a.dump" "$T/c.dump" >"$T/out"'
"$ST" --db "$T/c.db" report --json >"$T/c.report"
check "CSV: report --json the same" 'cmp -s "$T/a.report" "$T/c.report"'
check "CSV: the empty label stays an empty label (not NULL)" \
	'[ "$(sqlite3 "$T/c.db" "SELECT quote(label) FROM watches WHERE chain = '"'"'cosmos'"'"'")" = "'"''"'" ]'

S export --csv --table watch_items >"$T/wi.csv" 2>"$T/err"
check "export --csv --table watch_items: its header and 3 rows" \
	'[ "$(head -1 "$T/wi.csv" | tr -d "\r")" = "watch_id,key,position_id,unbonding_id" ] && [ "$(($(wc -l <"$T/wi.csv") - 1))" -eq 3 ]'
S export --json --table nope >"$T/out" 2>"$T/err"
check "an unknown --table: exit 2, every table named" \
	'[ $? -eq 2 ] && grep -q "is not one of positions, .*, loans, watches, watch_items, plans, alerts, manual_pins$" "$T/err"'

# --- older exports ----------------------------------------------------------------------------
# positions before share_rate (14 columns), events before price (9)
mkdir "$T/old"
printf 'id,account,asset,quantity,shares,idle,origin,address,read_at,opened,cost_basis,note,created_at,updated_at\r\n1,cold,ETH,32,,0,manual,,,2024-01-02,,,100,100\r\n' >"$T/old/positions.csv"
printf 'id,position_id,type,amount,ts,note,unbonding_id,removed_at,removed_note\r\n1,1,stake,30,100,"opened, by hand",,,\r\n2,1,deposit,2.000000000000000001,200,,,,\r\n' >"$T/old/events.csv"
"$ST" --db "$T/d.db" import "$T/old" >"$T/out" 2>"$T/err"
check "an older CSV export (no share_rate, no price column) imports" '[ $? -eq 0 ] && grep -q "imported 3 rows (tables)" "$T/out"'
check "its events: amounts kept, price NULL" \
	'[ "$(sqlite3 "$T/d.db" "SELECT group_concat(amount || '"'"':'"'"' || quote(price), '"'"' '"'"') FROM events")" = "30:NULL 2.000000000000000001:NULL" ]'
printf 'id,position_id,type,amount,ts,note,unbonding_id,removed_at,removed_note\n3,1,stake,1,300,,,,\n' >"$T/ev9.csv"
"$ST" --db "$T/d.db" import "$T/ev9.csv" >"$T/out" 2>"$T/err"
check "an older events CSV on its own imports too" '[ $? -eq 0 ] && grep -q "imported 1 rows (tables)" "$T/out"'
printf 'id,position_id,type,amount\n4,1,stake,1\n' >"$T/ev4.csv"
before=$(dump "$T/d.db")
"$ST" --db "$T/d.db" import "$T/ev4.csv" >"$T/out" 2>"$T/err"
check "an events CSV short of a required column: exit 2, FILE:1 and the column" \
	'[ $? -eq 2 ] && grep -q "ev4.csv:1: the events table.s column ts is required, and the header ends before it (after amount)" "$T/err"'
check "… nothing written" '[ "$(dump "$T/d.db")" = "$before" ]'
# the export as written before those: the tables after loans cut off, and
# the two columns taken out (no string in the export holds a raw newline)
tr -d '\n' <"$T/a.json" | sed 's/,"watches":.*/}/; s/,"share_rate":[^,}]*//g; s/,"exact":[^,}]*//g' >"$T/old.json"
"$ST" --db "$T/e.db" import "$T/old.json" >"$T/out" 2>"$T/err"
check "an older JSON export (no watches, plans, alerts, share_rate, exact): imports, those empty" \
	'[ $? -eq 0 ] && [ "$(sqlite3 "$T/e.db" "SELECT (SELECT count(*) FROM watches) + (SELECT count(*) FROM plans) + (SELECT count(*) FROM alerts) + (SELECT count(*) FROM positions WHERE share_rate IS NOT NULL)")" = 0 ]'

# --- hostile and inconsistent rows: refused whole -------------------------------------------------
refused() { # what file want
	want=$3
	before=$(dump "$T/f.db")
	"$ST" --db "$T/f.db" import "$2" >"$T/out" 2>"$T/err"
	rc=$?
	check "$1: exit 2, $want" '[ $rc -eq 2 ] && grep -q -- "$want" "$T/err"'
	check "$1: nothing written, nothing unsafe echoed" \
		'[ "$(dump "$T/f.db")" = "$before" ] && ! grep -q "$ESC" "$T/err" && iconv -f UTF-8 -t UTF-8 "$T/err" >/dev/null 2>&1'
}
"$ST" --db "$T/f.db" import "$T/old/positions.csv" >/dev/null 2>&1
H=id,chain,address,label,created_at,read_at,read_height,last_ok_at,last_error,blocked_until
printf '%s\n1,beacon,9,ok,1,,,,,\n2,beacon,10,"v\033[2J",1,,,,,\n' "$H" >"$T/w1.csv"
refused "ESC in a watch label" "$T/w1.csv" "w1.csv:3: label: control characters"
printf '%s\n1,beacon,9,\377\376,1,,,,,\n' "$H" >"$T/w2.csv"
refused "invalid UTF-8 in a watch label" "$T/w2.csv" "w2.csv:2: label: control characters or invalid UTF-8"
printf '%s\n1,bitcoin,9,,1,,,,,\n' "$H" >"$T/w3.csv"
refused "a chain staketop does not read" "$T/w3.csv" "w3.csv:2: chain: 'bitcoin' is not ethereum, beacon, solana, cosmos or polkadot"
printf '%s\n1,ethereum,0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD,,1,,,,,\n' "$H" >"$T/w4.csv"
refused "an address watch add refuses (bad EIP-55)" "$T/w4.csv" "w4.csv:2: address (ethereum): .*EIP-55 checksum"
printf '{"format":"staketop-export","watches":[{"id":1,"chain":"beacon","address":"9","label":"","created_at":1}],"watch_items":[{"watch_id":1,"key":"validator 9","position_id":77,"unbonding_id":null}]}' >"$T/w5.json"
refused "a watch item naming no position" "$T/w5.json" "w5.json: watch_items\[0\]: position_id: no position 77"
printf '{"format":"staketop-export","plans":[{"id":1,"name":"p","created_at":1,"targets":"native=100","settings":"{\\"x\\":\\"\\\\u001b]0;pwn\\\\u0007\\"}","inputs":"[]","result":"{}"}]}' >"$T/p1.json"
refused "an escape inside a saved plan's JSON" "$T/p1.json" "p1.json: plans\[0\]: settings: a string in it holds control characters"

done_testing
