#!/bin/sh
# The history screen on ALL for 50 positions over ten years of daily
# prices and rates for 50 assets (tests/tools/hist-seed.c with 50
# positions: one per asset, opened over the first nine years; ALL is then
# 120 month ends). Headless, as bench_ui.sh measures the board: the
# interface draws its frames with STAKETOP_UI_FRAMES, H opens the screen,
# and STAKETOP_UI_TIMING=1 times in-process (release build):
#
#   ui history open: X ms     H as the key does it: read the store (one
#                             read snapshot), compute NAV, market value,
#                             premium, the split, per asset and realized
#                             yield, rasterise the charts, and the whole
#                             frame drawn and sent; median of 21
#                             (target for the first draw < 20 ms; the
#                             frame alone is printed beside it)
#   ui history cursor move: X ms   Left/Right and the whole frame, median
#                             of 400 (target < 2 ms)
#
# Median of 5 runs of each. Exit 0 when both targets are met.
set -u
BUILD=${BUILD:-build}
T=${BENCH_DIR:-$BUILD/bench}
mkdir -p "$T/hcfg50/staketop"
T=$(cd "$T" && pwd)
DB="$T/history50.db"
NOW=1796083200 # 2026-12-01T00:00:00Z
ST="$BUILD/staketop"
SEED="$BUILD/rel/tests/tools/hist-seed"
for f in "$ST" "$SEED"; do
	[ -x "$f" ] || { echo "bench_history_ui: $f is missing (make bench builds it)" >&2; exit 2; }
done
if [ ! -f "$DB" ] || [ ! -f "$T/hcfg50/staketop/assets.json" ]; then
	"$SEED" "$DB" "$T/hcfg50/staketop/assets.json" $NOW 50 || exit 1
fi
export STAKETOP_NOW=$NOW XDG_CONFIG_HOME="$T/hcfg50" TERM=xterm-256color LANG=C.UTF-8 \
	LC_ALL=C.UTF-8 COLUMNS=120 LINES=40
unset STAKETOP_UI_FRAMES STAKETOP_UI_TIMING NO_COLOR
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }
: >"$T/hui_timing"
for i in 1 2 3 4 5; do
	printf 'H' | STAKETOP_UI_FRAMES=3 STAKETOP_UI_TIMING=1 "$ST" --db "$DB" --offline \
		>/dev/null 2>>"$T/hui_timing" || { cat "$T/hui_timing" >&2; exit 1; }
done
open=$(sed -n 's/^ui history open: \([0-9.]*\) ms.*/\1/p' "$T/hui_timing" | median)
frame=$(sed -n 's/^ui history open: .*of it the frame \([0-9.]*\) ms.*/\1/p' "$T/hui_timing" | median)
move=$(sed -n 's/^ui history cursor move: \([0-9.]*\) ms.*/\1/p' "$T/hui_timing" | median)
what=$(sed -n 's/^ui history open: .*ms; \(ALL, .*\))$/\1/p' "$T/hui_timing" | tail -1)
[ -n "$open" ] && [ -n "$move" ] || { echo "bench_history_ui: no timing (H did not open the screen?)" >&2; cat "$T/hui_timing" >&2; exit 1; }
echo "ui history first draw (open on ALL: read, compute, draw): $open ms (target < 20 ms; the frame alone $frame ms; $what)"
echo "ui history cursor move (key and whole frame): $move ms (target < 2 ms)"
awk -v o="$open" -v m="$move" 'BEGIN { ok = o < 20 && m < 2
	printf "ui history targets (first draw < 20 ms, cursor < 2 ms): %s\n", ok ? "met" : "MISSED"
	exit !ok }'
