#!/bin/sh
# backup, export and import from the command line on real files: a backup
# taken while another process writes is one consistent state and passes
# integrity_check; export → import → export gives the same bytes (JSON and
# a CSV directory); a bad row refuses the whole file (exit 2, file:line and
# reason, nothing written); hostile bytes in every option.
. tests/cli/lib.sh
diag() { echo "  err: $(head -c 600 "$T/err" 2>/dev/null)"; }
ESC=$(printf '\033')

DB="$T/demo.db"
"$ST" --db "$DB" --demo list >/dev/null

# --- export / import round trip ----------------------------------------------
"$ST" --db "$DB" export --json >"$T/a.json" 2>"$T/err"
check "export --json exits 0" '[ $? -eq 0 ] && head -c 40 "$T/a.json" | grep -q "\"format\":\"staketop-export\""'
"$ST" --db "$T/b.db" import "$T/a.json" >"$T/out" 2>"$T/err"
check "import of the export into a new database" '[ $? -eq 0 ] && grep -q "^imported [0-9]* rows (export)" "$T/out"'
"$ST" --db "$T/b.db" export --json >"$T/b.json"
check "export again: the same bytes (nothing lost, quantities exact)" '[ -s "$T/a.json" ] && cmp -s "$T/a.json" "$T/b.json"'
check "the 18-decimal shares survive" 'grep -q "\"shares\":\"10.288065843621399176\"" "$T/b.json"'
"$ST" --db "$DB" export --csv "$T/csv" 2>"$T/err"
check "export --csv DIR: one file per table" \
	'[ -f "$T/csv/positions.csv" ] && [ -f "$T/csv/events.csv" ] && [ -f "$T/csv/unbondings.csv" ] && [ -f "$T/csv/observations.csv" ] && [ -f "$T/csv/snapshots.csv" ]'
"$ST" --db "$T/c.db" import "$T/csv" >/dev/null 2>"$T/err"
"$ST" --db "$T/c.db" export --json >"$T/c.json"
check "CSV directory round trip: the same export" '[ -s "$T/c.json" ] && cmp -s "$T/a.json" "$T/c.json"'
"$ST" --db "$DB" export --csv --table positions >"$T/p.csv"
check "export --csv --table positions to stdout" \
	'[ "$(head -1 "$T/p.csv" | tr -d "\r")" = "id,account,asset,quantity,shares,idle,origin,address,read_at,opened,cost_basis,note,created_at,updated_at,share_rate" ] && [ "$(($(wc -l <"$T/p.csv") - 1))" -eq 11 ]'
"$ST" --db "$DB" export --json --table observations | grep -q '"observations":\[' && ! "$ST" --db "$DB" export --json --table observations | grep -q '"positions"'
check "export --json --table observations has only that table" '[ $? -eq 0 ]'

# --- positions and prices CSVs -----------------------------------------------
printf 'amount,asset,account,opened\n1.000000000000000001,wsteth,cold,\n2,ETH,,2026-01-15\n' >"$T/pos.csv"
"$ST" --db "$T/d.db" import "$T/pos.csv" >"$T/out" 2>"$T/err"
check "a positions CSV: 2 positions" '[ $? -eq 0 ] && grep -q "imported 2 rows (positions)" "$T/out"'
check "quantity exact, account kept, default account" \
	'"$ST" --db "$T/d.db" list | grep -Eq "1 +cold +wstETH +1.000000000000000001" && "$ST" --db "$T/d.db" list | grep -Eq "2 +default +ETH +2 "'
printf 'date,asset,price\n2026-01-01,ETH,3000\n2026-02-01,ETH,3300\n' >"$T/prices.csv"
"$ST" --db "$T/d.db" import "$T/prices.csv" >"$T/out" 2>"$T/err"
check "a prices CSV: 2 observations" '[ $? -eq 0 ] && grep -q "imported 2 rows (prices)" "$T/out"'
check "imported prices value history: ETH 2 × 3300 on 2026-02-28" \
	'STAKETOP_NOW=1772323199 "$ST" --db "$T/d.db" history --asset ETH --every 1mo --from 2026-02-01 --csv | grep -q "^2026-02-28,1772323199,6600.00,"'

# a bad row: nothing from the file is written
before=$("$ST" --db "$T/d.db" export --json)
printf 'asset,amount\nETH,5\nETH,5\nSOL,1e9\n' >"$T/bad.csv"
"$ST" --db "$T/d.db" import "$T/bad.csv" >/dev/null 2>"$T/err"
check "bad row: exit 2, file:line and reason" '[ $? -eq 2 ] && grep -q "bad.csv:4: amount: not a plain decimal" "$T/err"'
check "bad row: nothing from the file written" '[ -n "$before" ] && [ "$("$ST" --db "$T/d.db" export --json)" = "$before" ]'
printf 'asset,amount,note\nETH,5,\033[31mred\n' >"$T/esc.csv"
"$ST" --db "$T/d.db" import "$T/esc.csv" >/dev/null 2>"$T/err"
check "ESC in a note: refused, and not echoed" '[ $? -eq 2 ] && grep -q "esc.csv:2: account or note: control" "$T/err" && ! grep -q "$ESC" "$T/err"'
printf 'asset,amount\n\377\376,5\n' >"$T/utf.csv"
"$ST" --db "$T/d.db" import "$T/utf.csv" >/dev/null 2>"$T/err"
check "invalid UTF-8 asset: refused, shown as ?" '[ $? -eq 2 ] && grep -q "utf.csv:2: no asset .??. in the catalog" "$T/err"'
"$ST" --db "$T/d.db" import "$T/nope.csv" >/dev/null 2>"$T/err"
check "missing file: exit 2" '[ $? -eq 2 ] && grep -q "nope.csv: No such file" "$T/err"'

# --- backup while another process writes ----------------------------------------
W="$T/w.db"
"$ST" --db "$W" --demo list >/dev/null
# the writer: two observations per transaction, as fast as it can
(i=0; while :; do i=$((i + 1)); sqlite3 -cmd ".timeout 5000" "$W" \
	"BEGIN; INSERT INTO observations(asset,kind,source,ts,value,fetched_at) VALUES('ETH','price','w',$i,1,1);
	 INSERT INTO observations(asset,kind,source,ts,value,fetched_at) VALUES('ETH','price','w',$i,2,1); COMMIT;" \
	 >/dev/null 2>&1; done) &
wpid=$!
sleep 0.5
good=0
for k in 1 2 3; do
	rm -f "$T/copy$k.db"
	"$ST" --db "$W" backup "$T/copy$k.db" >"$T/out" 2>"$T/err" || continue
	ic=$(sqlite3 "$T/copy$k.db" "PRAGMA integrity_check")
	w=$(sqlite3 "$T/copy$k.db" "SELECT count(*) FROM observations WHERE source = 'w'")
	[ "$ic" = ok ] && [ $((w % 2)) -eq 0 ] && [ "$w" -gt 0 ] && good=$((good + 1))
	sleep 0.3
done
kill "$wpid" 2>/dev/null
wait "$wpid" 2>/dev/null
wpid=""
check "3 backups under a running writer: each passes integrity_check and holds whole transactions" '[ $good -eq 3 ]'
check "the copy opens in staketop with the demo positions" \
	'[ "$("$ST" --db "$T/copy1.db" list | grep -c "^ *[0-9]")" -eq 11 ]'
"$ST" --db "$W" backup "$T/copy1.db" >/dev/null 2>"$T/err"
check "an existing file is not overwritten" '[ $? -eq 2 ] && grep -q "exists" "$T/err"'
"$ST" --db "$W" backup "$T/copy1.db" --force >/dev/null 2>"$T/err"
check "--force replaces it" '[ $? -eq 0 ]'

# --- bad options ------------------------------------------------------------------
bad() { # command expected-message args...
	cmd=$1 want=$2
	shift 2
	"$ST" --db "$DB" "$cmd" "$@" >/dev/null 2>"$T/err"
	rc=$?
	check "$cmd $(printf '%s ' "$@" | tr -c '[:print:]' '?')refused: $want" \
		'[ $rc -eq 2 ] && grep -q -- "$want" "$T/err" && ! grep -q "$ESC" "$T/err"'
}
bad backup "give the file"
bad backup "unexpected argument" a b
bad backup "unexpected argument" "--$(printf '\033[2J')"
bad export "give one of --json and --csv"
bad export "give one of --json and --csv" --json --csv
bad export "needs a directory" --csv
bad export "is not one of positions" --json --table "$(printf 'x\033]0;t\007')"
bad export "is not one of positions" --csv --table accounts
bad export "writes to stdout" --json "$T/dir"
bad import "give one file or directory"
bad import "give one file or directory" --json
bad import "No such file" "$(printf '\377\033x')"

done_testing plan
