#!/bin/sh
# The files staketop reads and writes: a config named with --config must
# exist (only the default path may be absent); a key given twice and an
# unknown currency are refused with file:line; an SQLite file that is not
# staketop's is refused and left byte for byte as it was; new files carry
# staketop's application_id (and a first-release file gets it); a database
# or config others can read gets a warning with the chmod that fixes it;
# empty and future opening dates are refused.
. tests/cli/lib.sh
# 2026-11-25T00:00:00Z
export STAKETOP_NOW=1795564800
diag() { echo "  stderr: $(head -c 400 "$T/err")"; }
run() { "$ST" --offline "$@" >"$T/out" 2>"$T/err"; rc=$?; }
APP_ID=1400138580 # 0x53746b54, "StkT"

# --- config ---------------------------------------------------------------
run --db "$T/p.db" --config "$T/missing.ini" list
check "--config naming a missing file: exit 2" '[ $rc -eq 2 ]'
check "and the message names the file" 'grep -q "missing.ini: No such file or directory" "$T/err"'
run --db "$T/p.db" list
check "the default config path may be absent: exit 0" '[ $rc -eq 0 ] && [ ! -s "$T/err" ]'
STAKETOP_CONFIG="$T/missing.ini" "$ST" --offline --db "$T/p.db" list >/dev/null 2>"$T/err"
rc=$?
check "STAKETOP_CONFIG naming a missing file: exit 2" '[ $rc -eq 2 ] && grep -q "missing.ini" "$T/err"'

printf '[feeds]\ntimeout_seconds = 5\nrefresh_seconds = 60\ntimeout_seconds = 9\n' >"$T/dup.ini"
run --db "$T/p.db" --config "$T/dup.ini" list
check "a key given twice: exit 2" '[ $rc -eq 2 ]'
check "named with file:line and the first line" \
	'grep -q "dup.ini:4: \[feeds\] timeout_seconds: given twice (first on line 2)" "$T/err"'
printf '[display]\ncurrency = usd\n[display]\ncurrency = eur\n' >"$T/dup2.ini"
run --db "$T/p.db" --config "$T/dup2.ini" list
check "a key given twice in a repeated section: line 4" \
	'[ $rc -eq 2 ] && grep -q "dup2.ini:4: \[display\] currency: given twice" "$T/err"'
printf '# prices in\n[display]\ncurrency = xyz\n' >"$T/cur.ini"
run --db "$T/p.db" --config "$T/cur.ini" list
check "an unknown currency: exit 2 with file:line" \
	'[ $rc -eq 2 ] && grep -q "cur.ini:3: \[display\] currency: unknown currency" "$T/err"'
printf '[display]\ncurrency = EUR\n' >"$T/eur.ini"
run --db "$T/p.db" --config "$T/eur.ini" list
check "a known currency (EUR) is taken" '[ $rc -eq 0 ]'
printf '[feeds]\nrefresh_deadline_seconds = 0\n' >"$T/dl.ini"
run --db "$T/p.db" --config "$T/dl.ini" list
check "refresh_deadline_seconds = 0 is refused like the other keys" \
	'[ $rc -eq 2 ] && grep -q "dl.ini:2: \[feeds\] refresh_deadline_seconds: expected a whole number 1..600" "$T/err"'

# --- the database is staketop's --------------------------------------------
sqlite3 "$T/other.db" "CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES('mine');"
sum=$(cksum <"$T/other.db")
run --db "$T/other.db" list
check "another program's SQLite file: exit 2" '[ $rc -eq 2 ]'
check "says it is not a staketop database" \
	'grep -q "other.db is not a staketop database (1 table of another program, no staketop application_id): refusing to write into it" "$T/err"'
run --db "$T/other.db" add --asset ATOM --amount 1
check "add refuses it too" '[ $rc -eq 2 ]'
check "the file is byte for byte as it was" '[ "$(cksum <"$T/other.db")" = "$sum" ]'
check "no WAL or journal was made beside it" '[ ! -e "$T/other.db-wal" ] && [ ! -e "$T/other.db-journal" ]'
check "its table still holds its row" '[ "$(sqlite3 "$T/other.db" "SELECT x FROM notes")" = mine ]'

sqlite3 "$T/named.db" "PRAGMA application_id = 42; CREATE TABLE positions(x);"
sum=$(cksum <"$T/named.db")
run --db "$T/named.db" list
check "a file with another application_id (even with a positions table): refused" \
	'[ $rc -eq 2 ] && grep -q "named.db is not a staketop database (application_id 0x2a)" "$T/err"'
check "and left as it was" '[ "$(cksum <"$T/named.db")" = "$sum" ]'

run --db "$T/new.db" list
check "a new database gets staketop's application_id" \
	'[ "$(sqlite3 "$T/new.db" "PRAGMA application_id")" = $APP_ID ]'
# a file of the first release: our tables, no application_id
run --db "$T/old.db" add --asset ATOM --amount 3
sqlite3 "$T/old.db" "PRAGMA application_id = 0"
check "(the old file has no application_id)" '[ "$(sqlite3 "$T/old.db" "PRAGMA application_id")" = 0 ]'
run --db "$T/old.db" list
check "a first-release file opens and keeps its position" '[ $rc -eq 0 ] && grep -q "ATOM" "$T/out"'
check "and gets the application_id set" '[ "$(sqlite3 "$T/old.db" "PRAGMA application_id")" = $APP_ID ]'
sqlite3 "$T/old.db" "PRAGMA application_id = 0; CREATE TABLE extra(x);"
run --db "$T/old.db" list
check "our tables plus a stranger's, no application_id: refused" \
	'[ $rc -eq 2 ] && grep -q "not a staketop database (1 table of another program" "$T/err"'

# --- files others can read ---------------------------------------------------
printf '[display]\ncurrency = usd\n' >"$T/c.ini"
run --db "$T/p.db" --config "$T/c.ini" list
check "private files: no warning" '[ $rc -eq 0 ] && [ ! -s "$T/err" ]'
chmod 644 "$T/c.ini"
run --db "$T/p.db" --config "$T/c.ini" list
check "a config others can read: a warning with the chmod, and the command runs" \
	"[ \$rc -eq 0 ] && grep -qF \"staketop: warning: $T/c.ini can be read by others (mode 0644); to fix: chmod 600 '$T/c.ini'\" \"\$T/err\""
chmod 600 "$T/c.ini"
chmod 666 "$T/p.db"
run --db "$T/p.db" --config "$T/c.ini" list
check "a database others can write: a warning naming it" \
	"grep -qF \"staketop: warning: $T/p.db can be read and written by others (mode 0666); to fix: chmod 600 '$T/p.db'\" \"\$T/err\""
check "and only that one" '[ "$(wc -l <"$T/err")" -eq 1 ]'
chmod 600 "$T/p.db"

# --- opening dates -------------------------------------------------------------
run --db "$T/p.db" add --asset ATOM --amount 1 --opened ""
check "--opened \"\": exit 2 and says it is empty" \
	'[ $rc -eq 2 ] && grep -q -- "--opened: empty: give a date YYYY-MM-DD" "$T/err"'
run --db "$T/p.db" add --asset ATOM --amount 1 --opened 2026-11-26
check "an opening date after today: exit 2" \
	'[ $rc -eq 2 ] && grep -q -- "--opened: 2026-11-26 is in the future (today is 2026-11-25)" "$T/err"'
run --db "$T/p.db" add --asset ATOM --amount 1 --opened 2026-11-25
check "today is fine" '[ $rc -eq 0 ]'
check "nothing was added by the refused ones" \
	'[ "$("$ST" --offline --db "$T/p.db" list --json | grep -o "\"id\":" | wc -l)" -eq 1 ]'

done_testing plan
