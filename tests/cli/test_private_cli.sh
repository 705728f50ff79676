#!/bin/sh
# Hide amounts in the commands' text (README, "Hide amounts"): with --private,
# or [display] private = true in the config, every quantity and sum of money
# of report, list, unbonding, events, history, plan, loan list, price list
# and the lines stake, withdraw, unbond, add and remove print is the mask
# (•••), in the same columns, while premiums in bps, APYs, dates and ids
# stay. The figures are read from the same command without --private, on
# the demo portfolio at its dated snapshot, and none of them may appear.
# Machine formats: --private with --json, --csv or export is refused (exit
# 2, a message naming both); the config key alone leaves them exact, byte
# for byte.
. tests/cli/lib.sh
export STAKETOP_NOW=1795593600
# the mask is "•••" in a UTF-8 locale (tui/term/format.h)
export LC_ALL=C.UTF-8
MASK='•••'
diag() { echo "  err: $(head -c 400 "$T/err" 2>/dev/null)"; }

DB="$T/demo.db"
"$ST" --db "$DB" --demo list >/dev/null
run() { "$ST" --db "$DB" --offline "$@" 2>"$T/err"; }
# a loan and a manual price, so loan list and price list have rows
run loan add --collateral wstETH --amount 10 --debt ETH --debt-amount 8 --threshold 0.81 >/dev/null
run price set mSOL 212.34 >/dev/null

# cols FILE FIRST LAST RANGE...: the characters RANGE ("a-b", 1-based) of
# lines FIRST..LAST of FILE, one cell a line, blanks trimmed. The mask is
# first made three ASCII characters so the columns count as on screen.
cols() {
	f=$1 first=$2 last=$3
	shift 3
	sed "s/$MASK/XXX/g" "$f" | awk -v a="$first" -v b="$last" -v r="$*" '
		NR >= a && NR <= b {
			n = split(r, rs, " ")
			for (i = 1; i <= n; i++) {
				split(rs[i], ab, "-")
				c = substr($0, ab[1], ab[2] - ab[1] + 1)
				gsub(/^ +| +$/, "", c)
				print c
			}
		}'
}
# masked CELLS: every cell is the mask, "-" (an absent figure) or empty (a
# TOTAL line has no quantity), and one at least is the mask
masked() { printf '%s\n' "$1" | grep -qx XXX && ! printf '%s\n' "$1" | grep -qvx -e XXX -e - -e ''; }
# figures CELLS: the cells that are figures (a digit in them)
figures() { printf '%s\n' "$1" | grep '[0-9]' || true; }
# none_in FIGURES FILE: no figure of 3 characters or more occurs in FILE
# (shorter ones, like a quantity of 32, could be an id: the column check
# covers them)
none_in() {
	for x in $1; do
		[ ${#x} -ge 3 ] && grep -qF -- "$x" "$2" && { echo "  leaked: $x"; return 1; }
	done
	[ -n "$1" ]
}
# aligned A B [FIRST LAST]: the table lines FIRST..LAST (default all) of A
# and B as long in characters each (the mask counted as the three columns it
# takes): right-aligned cells in fixed columns
aligned() {
	[ "$(sed -n "${3:-1},${4:-\$}p" "$1" | sed "s/$MASK/XXX/g" | awk '{ print length($0) }')" = \
		"$(sed -n "${3:-1},${4:-\$}p" "$2" | sed "s/$MASK/XXX/g" | awk '{ print length($0) }')" ]
}

# --- report -------------------------------------------------------------------
run report >"$T/r.txt"
run --private report >"$T/rp.txt"
rc=$?
# the row format: %5 %-12 %-9 %-8 %18 %12 %12 %8 %7 %12, two blanks, unbonding:
# QUANTITY 39-56, NAV 58-69, MARKET 71-82, YIELD/YR 101-112; 11 rows, TOTAL
f=$(figures "$(cols "$T/r.txt" 2 13 39-56 58-69 71-82 101-112)")
# the ATOM exit: "250 in 16d 0h"; the unbonding line: 1,062.50 and 379,998.82
f="$f
$(sed -n 's/.*  \([0-9][0-9.,]*\) in .*/\1/p' "$T/r.txt")
$(grep 'unbonding:' "$T/r.txt" | grep -o '[0-9][0-9,]*\.[0-9][0-9]')"
check "report: the figures are read without --private (96,398.40 the ETH NAV)" \
	'echo "$f" | grep -qx "96,398.40" && echo "$f" | grep -qx "378,936.32" && echo "$f" | grep -qx 250'
check "report --private: exit 0, every quantity and money cell is the mask" \
	'[ $rc -eq 0 ] && masked "$(cols "$T/rp.txt" 2 13 39-56 58-69 71-82 101-112)"'
check "report --private: no figure of the plain report appears" 'none_in "$f" "$T/rp.txt"'
check "report --private: the unbonding amount is masked, its timer stays" \
	'grep -q "$MASK in 16d 0h" "$T/rp.txt" && grep -q "unbonding: $MASK at NAV" "$T/rp.txt"'
# stETH: premium -14.4 bps, APY 2.75 %; the snapshot's date
check "report --private: premium bps, APY and the date stay" \
	'grep -q "stETH .* -14.4   2.75%" "$T/rp.txt" && grep -q "snapshot of 2026-11-20" "$T/rp.txt"'
check "report --private: same header, columns line up" \
	'[ "$(head -1 "$T/r.txt")" = "$(head -1 "$T/rp.txt")" ] && aligned "$T/r.txt" "$T/rp.txt" 1 13'

# --- list ---------------------------------------------------------------------
run list >"$T/l.txt"
run --private list >"$T/lp.txt"
# %5  %-14 %-9 %28: QUANTITY 33-60
f=$(figures "$(cols "$T/l.txt" 2 12 33-60)")
check "list: 11 quantities read (12.5 stETH, 1000 ATOM)" \
	'[ "$(echo "$f" | wc -l)" -eq 11 ] && echo "$f" | grep -qx 12.5 && echo "$f" | grep -qx 1000'
check "list --private: quantities masked, none appears, dates stay, aligned" \
	'masked "$(cols "$T/lp.txt" 2 12 33-60)" && none_in "$f" "$T/lp.txt" &&
	 grep -q "2024-01-08" "$T/lp.txt" && aligned "$T/l.txt" "$T/lp.txt" &&
	 [ "$(head -1 "$T/l.txt")" = "$(head -1 "$T/lp.txt")" ]'

# --- unbonding ----------------------------------------------------------------
run unbonding >"$T/u.txt"
run --private unbonding >"$T/up.txt"
# %4 %-9 %16: AMOUNT 16-31 (ATOM 250)
check "unbonding --private: the amount (250) masked, dates and timer stay, aligned" \
	'[ "$(cols "$T/u.txt" 2 2 16-31)" = 250 ] && masked "$(cols "$T/up.txt" 2 2 16-31)" &&
	 ! grep -q 250 "$T/up.txt" && grep -q "2026-12-11T08:00:00Z  16d 0h" "$T/up.txt" &&
	 aligned "$T/u.txt" "$T/up.txt"'

# a liquid token's exit has a sell-now line: its values are money too
# (on a copy, so the other commands read the demo as it was)
cp "$DB" "$T/sell.db"
sell() { "$ST" --db "$T/sell.db" --offline "$@" 2>"$T/err"; }
sell unbond 3 --amount 2 >/dev/null
sell unbonding >"$T/s.txt"
sell --private unbonding >"$T/sp.txt"
f=$(grep '^     or sell now:' "$T/s.txt" | grep -o '[0-9][0-9,]*\.[0-9][0-9]')
check "unbonding --private: the sell-now values masked, its amount 2 too" \
	'[ "$(echo "$f" | wc -l)" -eq 3 ] && none_in "$f" "$T/sp.txt" &&
	 grep -q "^     or sell now: $MASK usd instead of $MASK after the wait ($MASK)" "$T/sp.txt" &&
	 [ "$(cols "$T/s.txt" 2 2 16-31)" = 2 ] && masked "$(cols "$T/sp.txt" 2 2 16-31)"'

# --- events -------------------------------------------------------------------
run events 10 >"$T/e.txt"
run --private events 10 >"$T/ep.txt"
# %6  %-8 %24: AMOUNT 18-41; ATOM: stake 1250, unbond 250 (1250 - 250 = the
# 1000 held)
f=$(figures "$(cols "$T/e.txt" 2 3 18-41)")
check "events --private: 1250 and 250 masked, times stay, aligned" \
	'[ "$(echo $f)" = "1250 250" ] && masked "$(cols "$T/ep.txt" 2 3 18-41)" &&
	 none_in "$f" "$T/ep.txt" && grep -q "2024-02-10T00:00:00Z" "$T/ep.txt" &&
	 aligned "$T/e.txt" "$T/ep.txt"'

# --- history (text) -------------------------------------------------------------
run history --every 1mo --from 2026-09-01 >"$T/h.txt"
run --private history --every 1mo --from 2026-09-01 >"$T/hp.txt"
rows=$(grep -c '^20' "$T/h.txt")
# %-10 %14 %14 %9 %12 %12 %12: NAV 12-25, MARKET 27-40, PREM 42-50,
# REWARDS 52-63, PRICE 65-76, FLOWS 78-89
f=$(figures "$(cols "$T/h.txt" 2 $((rows + 1)) 12-25 27-40 52-63 65-76 78-89)")
f="$f
$(grep '^change in NAV' "$T/h.txt" | grep -o '[0-9][0-9,]*\.[0-9][0-9]')"
check "history --private: NAV, market and the change split masked, none appears" \
	'echo "$f" | grep -qx "378,936.32" &&
	 masked "$(cols "$T/hp.txt" 2 $((rows + 1)) 12-25 27-40 52-63 65-76 78-89)" &&
	 none_in "$f" "$T/hp.txt" && grep -q "^change in NAV $MASK = rewards $MASK" "$T/hp.txt"'
# the premium of the last row (today: +92.9 bps with the manual mSOL price)
prem=$(cols "$T/h.txt" $((rows + 1)) $((rows + 1)) 42-50)
check "history --private: the premium in bps and the dates stay, aligned" \
	'[ -n "$prem" ] && [ "$prem" != - ] && grep -q "^2026-11-25 .* $prem " "$T/hp.txt" && aligned "$T/h.txt" "$T/hp.txt" 1 $((rows + 1))'

# --- plan (text) ------------------------------------------------------------------
run plan --target native=40,liquid=40,restaked=20 >"$T/p.txt"
run --private plan --target native=40,liquid=40,restaked=20 >"$T/pp.txt"
first=$(grep -n '^   ID ASSET' "$T/p.txt" | cut -d: -f1)
# %5 %-9 %-7 %18 %12 %-8 %12 %12 %6: AMOUNT 25-42, VALUE 44-55, SWAP COST
# 66-77, REDEEM COST 79-90; 11 trades
f=$(figures "$(cols "$T/p.txt" $((first + 1)) $((first + 11)) 25-42 44-55 66-77 79-90)")
f="$f
$(grep -e '^moves:' -e 'yearly yield' -e '^depeg' "$T/p.txt" | sed 's/[0-9.]*%//g' |
	grep -o '[0-9][0-9,]*\.[0-9][0-9]')"
check "plan: the figures are read (1.263189 ETH, 38,224.27 moved, loss 2,331.18)" \
	'echo "$f" | grep -qx 1.263189 && echo "$f" | grep -qx "38,224.27" && echo "$f" | grep -qx "2,331.18"'
check "plan --private: amounts, values, costs and losses masked, none appears" \
	'masked "$(cols "$T/pp.txt" $((first + 1)) $((first + 11)) 25-42 44-55 66-77 79-90)" &&
	 none_in "$f" "$T/pp.txt"'
check "plan --private: weights, APY and redeem days stay, aligned" \
	'grep -q "^liquid            50.1%    40.0%    40.0%" "$T/pp.txt" &&
	 grep -q "blended APY 4.78% → 4.59%" "$T/pp.txt" && grep -q "redeem .* 3.0$" "$T/pp.txt" &&
	 aligned "$T/p.txt" "$T/pp.txt" 1 $((first + 11))'

# --- loan list, price list ------------------------------------------------------
run loan list >"$T/o.txt"
run --private loan list >"$T/op.txt"
# %4 %-12 %-24 %-24: COLLATERAL 19-42 ("10 wstETH"), DEBT 44-67 ("8 ETH"); HF
# 36,601.2675 × 0.81 / 24,099.6 = 1.2301875 → 1.23
check "loan list --private: 10 wstETH and 8 ETH masked, the HF 1.23 stays, aligned" \
	'[ "$(cols "$T/o.txt" 2 2 19-42)" = "10 wstETH" ] &&
	 [ "$(cols "$T/op.txt" 2 2 19-42 44-67 | tr "\n" /)" = "XXX wstETH/XXX ETH/" ] &&
	 grep -q " 1.23  collateral 18.7% below NAV" "$T/op.txt" && aligned "$T/o.txt" "$T/op.txt"'
run price list >"$T/m.txt"
run --private price list >"$T/mp.txt"
check "price list --private: the manual price 212.34 masked, its date stays, aligned" \
	'grep -q "212.34" "$T/m.txt" && ! grep -q "212" "$T/mp.txt" &&
	 grep -q "^mSOL       price  *$MASK  2026-11-25T08:00:00Z  M" "$T/mp.txt" &&
	 aligned "$T/m.txt" "$T/mp.txt"'

# --- the lines a write prints -------------------------------------------------
run --private stake 2 --amount 1.75 --price 3001.25 >"$T/w.txt"
run --private withdraw 2 --amount 0.625 --price 3100.75 >>"$T/w.txt"
run --private unbond 10 --amount 12.5 >>"$T/w.txt"
run --private add --asset ETH --amount 7.77 >>"$T/w.txt"
run --private remove 12 --yes >>"$T/w.txt"
check "stake, withdraw, unbond, add, remove --private: amounts and prices masked" \
	'! grep -q -e 1.75 -e 3001 -e 0.625 -e 3100 -e 12.5 -e 7.77 "$T/w.txt" &&
	 grep -q "^staked $MASK stETH on position 2 at $MASK usd each" "$T/w.txt" &&
	 grep -q "^sold $MASK stETH from position 2 at $MASK usd each" "$T/w.txt" &&
	 grep -q "^  proceeds $MASK usd" "$T/w.txt" &&
	 grep -q "^unbonding $MASK ATOM from position 10: available 2026-12-16T08:00:00Z (in 21d 0h)" "$T/w.txt" &&
	 grep -q "^added position 12: $MASK ETH" "$T/w.txt" && grep -q "^removed position 12 ($MASK ETH" "$T/w.txt"'

# --- machine formats with --private: refused -------------------------------------
for argv in "report --json" "list --json" "unbonding --json" "events 10 --json" \
	"history --json" "history --csv" "plan --target native=100 --json" \
	"plan --target native=100 --csv" "loan list --json" "price list --json" \
	"export --json" "export --csv --table positions"; do
	# shellcheck disable=SC2086
	run --private $argv >"$T/out"
	rc=$?
	case $argv in export*) flag="export ${argv#export }"; flag=${flag%% --table*} ;;
	*--csv*) flag=--csv ;; *) flag=--json ;; esac
	check "--private $argv: exit 2, nothing on stdout, the message names both" \
		'[ $rc -eq 2 ] && [ ! -s "$T/out" ] &&
		 grep -q "^staketop ${argv%% *}: --private hides amounts: $flag would print them; drop one" "$T/err"'
done
check "--private assets --json and history --yield --json print no amount: allowed" \
	'run --private assets --json >/dev/null && run --private history --yield --json >/dev/null'

# --- [display] private = true from the config -------------------------------------
printf '[display]\nprivate = true\n' >"$T/private.ini"
cfg() { "$ST" --db "$DB" --config "$T/private.ini" --offline "$@" 2>"$T/err"; }
run report >"$T/r2.txt"
cfg report >"$T/rc.txt"
check "config private = true: report text masked like --private" \
	'masked "$(cols "$T/rc.txt" 2 13 39-56 58-69 71-82 101-112)" &&
	 [ "$(sed "s/$MASK/XXX/g" "$T/rc.txt")" = "$(run --private report | sed "s/$MASK/XXX/g")" ] &&
	 ! cmp -s "$T/r2.txt" "$T/rc.txt"'
for argv in "report --json" "list --json" "unbonding --json" "events 10 --json" \
	"history --csv" "plan --target native=100 --json" "loan list --json" "price list --json" \
	"export --json"; do
	# shellcheck disable=SC2086
	run $argv >"$T/exact"
	# shellcheck disable=SC2086
	cfg $argv >"$T/cfg"
	rc=$?
	check "config private = true: $argv exact, byte for byte" \
		'[ $rc -eq 0 ] && [ -s "$T/exact" ] && cmp -s "$T/exact" "$T/cfg"'
done

# --- help --------------------------------------------------------------------------
check "staketop --help says --private hides amounts in the commands too" \
	'"$ST" --help | grep -q -- "--private       hide amounts (quantities, money) in the interface and in"'

done_testing
