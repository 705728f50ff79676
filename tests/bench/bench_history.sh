#!/bin/sh
# staketop history on ten years of daily prices for 50 assets and 1,000
# positions (tests/tools/hist-seed.c): --every 1mo --csv (120 month ends)
# under 150 ms and within 2x of the sqlite3 command-line tool running the
# equivalent query (tests/bench/history_1mo.sql) on the same file, whose
# figures must agree; --every 1d --csv (3,650 days) under 500 ms. Medians.
BUILD=${BUILD:-build}
T=${BENCH_DIR:-$BUILD/bench}
mkdir -p "$T/hcfg/staketop"
T=$(cd "$T" && pwd) # XDG paths must be absolute, else they are ignored
DB="$T/history.db"
NOW=1796083200 # 2026-12-01T00:00:00Z
export STAKETOP_NOW=$NOW XDG_CONFIG_HOME="$T/hcfg"
if [ ! -f "$DB" ] || [ ! -f "$T/hcfg/staketop/assets.json" ] ||
	[ "$("$BUILD/staketop" --db "$DB" --offline assets | grep -c BENCH)" != 37 ]; then
	"$BUILD/rel/tests/tools/hist-seed" "$DB" "$T/hcfg/staketop/assets.json" $NOW || exit 1
fi
command -v sqlite3 >/dev/null || { echo "bench_history: needs the sqlite3 tool (apt-get install sqlite3)"; exit 1; }
ST="$BUILD/staketop"
TI="$BUILD/rel/tests/tools/timeit"
sed "s/:now/$NOW/g" tests/bench/history_1mo.sql >"$T/history_1mo.sql"
ms() { sed -n 's/^median \([0-9.]*\) ms.*/\1/p'; }

# the two must give the same month-end figures
"$ST" --db "$DB" --offline history --every 1mo --csv | tail -n +2 | cut -d, -f1-5 >"$T/h_staketop.csv"
sqlite3 -csv "$DB" ".read $T/history_1mo.sql" | tr -d '"' >"$T/h_sqlite.csv"
if cmp -s "$T/h_staketop.csv" "$T/h_sqlite.csv"; then agree="the same $(wc -l <"$T/h_sqlite.csv") rows"
else agree="DIFFERENT figures"; fi

"$TI" 2 "$ST" --db "$DB" --offline history --every 1mo --csv >/dev/null || exit 1
m=$("$TI" 21 "$ST" --db "$DB" --offline history --every 1mo --csv | ms)
q=$("$TI" 21 sqlite3 -csv "$DB" ".read $T/history_1mo.sql" | ms)
d=$("$TI" 11 "$ST" --db "$DB" --offline history --every 1d --csv | ms)
r=$(awk -v a="$m" -v b="$q" 'BEGIN { printf "%.2f", a / b }')
echo "history --every 1mo --csv, 1000 positions / 50 assets / 10 years: median $m ms (target < 150 ms)"
echo "  sqlite3 equivalent query: median $q ms; ratio staketop/sqlite3 = $r (target <= 2); $agree"
echo "history --every 1d --csv (3650 days): median $d ms (target < 500 ms)"
[ "$agree" != "DIFFERENT figures" ]
