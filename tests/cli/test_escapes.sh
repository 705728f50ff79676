#!/bin/sh
# Nothing raw reaches the terminal: every command of the command table
# (read from tui/cli/cli.c, so a new command is swept too), with and without
# each of its options, gets an argument holding ESC, BEL, an OSC title
# sequence, a C1 control and invalid UTF-8; the database holds an asset, an
# account, notes and a feed error with control bytes (written with sqlite3,
# as another program could), and a config's section and key names hold ESC.
# Every byte on stdout and stderr must be valid UTF-8 with no control
# character other than newline and tab (no C0, no DEL, no C1 U+0080-U+009F).
. tests/cli/lib.sh
# 2026-11-25T00:00:00Z
export STAKETOP_NOW=1795564800
DB="$T/p.db"
CLI="$(pwd)/tui/cli/cli.c"
ST="$(cd "$(dirname "$ST")" && pwd)/$(basename "$ST")"
# commands given a hostile file name (backup, export --csv) write it here,
# never into the tree
mkdir "$T/cwd" && cd "$T/cwd" || exit 1

OSC=$(printf '\033]0;pwn\007')
BAD=$(printf 'a\377\300b\302\233c') # invalid bytes and a C1 CSI (U+009B)
HOSTILE="x${OSC}$(printf '\033[2J\r\010\177')y"

# clean FILE: valid UTF-8 without a control character other than \n and \t
# (and the CR of a CRLF line end, as CSV exports end their lines: it moves
# nothing on a terminal; a CR alone would let text overwrite its line)
clean() {
	perl -0777 -e '
		use Encode;
		local $/; open my $f, "<:raw", $ARGV[0] or exit 3; my $b = <$f>;
		my $s = eval { decode("UTF-8", $b, Encode::FB_CROAK) };
		exit 1 unless defined $s;
		$s =~ s/\r\n/\n/g;
		exit 1 if $s =~ /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
		exit 0' "$1"
}
# run WHAT ARGS...: run staketop (stdin closed) and check both streams
run() {
	what=$1
	shift
	"$ST" "$@" </dev/null >"$T/out" 2>"$T/err"
	rc=$?
	if [ "$rc" -ge 128 ]; then
		no "$what: crashed ($rc)"
	elif clean "$T/out" && clean "$T/err"; then
		ok "$what"
	else
		no "$what"
		echo "#   stdout: $(od -c "$T/out" | head -4 | tr '\n' ' ')"
		echo "#   stderr: $(od -c "$T/err" | head -4 | tr '\n' ' ')"
	fi
}

# --- a database with hostile text in it ---------------------------------
"$ST" --offline --db "$DB" add --asset wstETH --amount 2 --cost-basis 7000 --opened 2026-01-02 \
	--note plain >/dev/null 2>&1 || { echo "# could not add"; exit 1; }
"$ST" --offline --db "$DB" add --asset ETH --amount 1.5 >/dev/null 2>&1
"$ST" --offline --db "$DB" unbond 1 --amount 0.5 --at 2026-11-20 >/dev/null 2>&1
sqlite3 "$DB" "
UPDATE accounts SET name = 'acc' || char(27) || '[31mred' || char(7) || char(155);
UPDATE positions SET note = 'note' || char(27) || ']0;pwn' || char(7) || char(13) WHERE id = 1;
UPDATE positions SET asset = 'ET' || char(27) || '[5mH' || char(127) WHERE id = 2;
UPDATE events SET note = 'ev' || char(27) || '[2J' || char(8);
UPDATE unbondings SET rule = 'rule' || char(27) || ']52;c;AAAA' || char(7);
INSERT OR REPLACE INTO feed_status(name, last_attempt, last_error)
  VALUES ('coingecko' || char(27), 1795564000, 'err' || char(27) || '[1m' || char(10) || 'x');
INSERT INTO observations(asset, kind, source, ts, value, fetched_at)
  VALUES ('wstETH', 'price', 'src' || char(27) || '[7m', 1795560000, 3000, 1795560000);
UPDATE positions SET note = CAST(X'6E6F7465FFC0' AS TEXT) WHERE id = 2;
" || { echo "# sqlite3 failed"; exit 1; }

# --- a config whose section and key names hold ESC ------------------------
printf '[feeds\033]0;pwn\007]\nkey = 1\n[display]\nk\033[31mey = v\n' >"$T/esc.ini"
run "config: section name with ESC" --offline --db "$DB" --config "$T/esc.ini" list
printf '[display]\nk\033[31mey\377 = v\n' >"$T/esc2.ini"
run "config: key name with ESC and invalid UTF-8" --offline --db "$DB" --config "$T/esc2.ini" list
printf '[display]\ncurrency = \033]0;pwn\007\n' >"$T/esc3.ini"
run "config: value with ESC" --offline --db "$DB" --config "$T/esc3.ini" list

# --- global flags ---------------------------------------------------------
run "unknown command" --offline --db "$DB" "$HOSTILE"
run "unknown command, invalid UTF-8" --offline --db "$DB" "$BAD"
run "unknown global flag" --offline --db "$DB" "--$HOSTILE"
run "--config naming a missing file" --offline --db "$DB" --config "$T/$HOSTILE.ini" list
mkdir -p "$T/ro"
run "--db in a missing directory" --offline --db "$T/nodir$HOSTILE/x.db" list

# --- every command, every option ------------------------------------------
# The table rows start with: { "name", "usage", ...
cmds=$(sed -n 's/^[[:space:]]*{ "\([a-z-]*\)", "\(.*\)$/\1/p' "$CLI")
[ -n "$cmds" ] || { echo "# no commands found in $CLI"; exit 1; }
ncmd=0
for c in $cmds; do
	ncmd=$((ncmd + 1))
	usage=$(sed -n "s/^[[:space:]]*{ \"$c\", \"\([^\"]*\)\".*/\1/p" "$CLI")
	opts=$(printf '%s\n' "$usage" | grep -o -- '--[a-z][a-z-]*' | sort -u)
	run "$c (no arguments)" --offline --db "$DB" "$c"
	run "$c HOSTILE" --offline --db "$DB" "$c" "$HOSTILE"
	run "$c INVALID-UTF8" --offline --db "$DB" "$c" "$BAD"
	run "$c 1 HOSTILE" --offline --db "$DB" "$c" 1 "$HOSTILE"
	run "$c --HOSTILE" --offline --db "$DB" "$c" "--x$HOSTILE"
	for o in $opts; do
		run "$c $o HOSTILE" --offline --db "$DB" "$c" "$o" "$HOSTILE"
		run "$c 1 $o HOSTILE" --offline --db "$DB" "$c" 1 "$o" "$HOSTILE"
		run "$c 1 $o INVALID-UTF8" --offline --db "$DB" "$c" 1 "$o" "$BAD"
		run "$c $o=HOSTILE" --offline --db "$DB" "$c" "$o=$HOSTILE"
		# the value well formed, the rest hostile
		run "$c 1 --asset ETH --amount 1 $o HOSTILE" --offline --db "$DB" "$c" 1 \
			--asset ETH --amount 1 "$o" "$HOSTILE" --yes
	done
done
[ "$ncmd" -ge 15 ] && ok "swept $ncmd commands from $CLI" || no "only $ncmd commands found"

# --- what the database holds reaches every table ---------------------------
for args in "list" "report" "events 1" "events 2" "unbonding" "assets" "history" \
	"history --position 1" "history --csv" "history --yield" "export --json" \
	"export --csv --table positions" "export --csv --table events" \
	"export --csv --table unbondings" "export --csv --table observations" \
	"plan --target liquid=50,native=50" "plan --target ETH=100" "refresh"; do
	# shellcheck disable=SC2086
	run "table: $args" --offline --db "$DB" $args
done
run "export to a directory" --offline --db "$DB" export --csv "$T/csvout"
run "backup to a path with ESC" --offline --db "$DB" backup "$T/b$HOSTILE.db"
run "import a file named with ESC" --offline --db "$DB" import "$T/no$HOSTILE.csv"
printf 'asset,amount,note\nETH,1,n\033[31mx\nN\033]0;pwn\007,2,y\n' >"$T/bad.csv"
run "import a CSV holding ESC" --offline --db "$DB" import "$T/bad.csv"
printf 'asset,amount\nETH,1\n' >"$T/ok.csv"
run "claim with a hostile rule" --offline --db "$DB" claim 1
run "edit with a hostile account" --offline --db "$DB" edit 1 --note "$HOSTILE"
run "list after editing" --offline --db "$DB" list

done_testing
