#!/bin/sh
# bench_ui.sh — the interface's speed on a database of 1,000 positions and
# 1,000,000 observations (tests/tools/bench-seed):
#
#   ui first frame: X ms    from ui_main to the first full frame on the
#                           terminal (STAKETOP_UI_FRAMES=1, median of 7 runs;
#                           target < 30 ms)
#   ui board redraw: X ms   one keystroke (cursor down/up) and the whole frame
#                           drawn and sent, measured in-process over 400
#                           keystrokes, median (target < 2 ms)
#   ui idle cpu: X %        utime + stime of the interface running in tmux,
#                           no countdown on screen, over 60 s
#                           (BENCH_IDLE_SECONDS; target < 0.5 %)
#
# Release build: $BUILD/staketop. Exit 0 when every target is met.
set -u
BUILD=${BUILD:-build}
ST="$BUILD/staketop"
SEED="$BUILD/rel/tests/tools/bench-seed"
IDLE_S=${BENCH_IDLE_SECONDS:-60}
for f in "$ST" "$SEED"; do
	[ -x "$f" ] || { echo "bench_ui: $f is missing (make BUILD=$BUILD all $SEED)" >&2; exit 2; }
done
ST="$(cd "$(dirname "$ST")" && pwd)/staketop"
command -v tmux >/dev/null 2>&1 || { echo "bench_ui: tmux is needed" >&2; exit 2; }
T=$(mktemp -d)
SOCK="staketop-bench-$$"
trap 'tmux -L "$SOCK" kill-server >/dev/null 2>&1; rm -rf "$T"' EXIT
trap 'exit 1' INT TERM
export STAKETOP_DATA_DIR="${STAKETOP_DATA_DIR:-$(pwd)/data}"
export XDG_DATA_HOME="$T/xdg-data" XDG_CONFIG_HOME="$T/xdg-config"
export TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8
unset STAKETOP_NOW STAKETOP_UI_FRAMES STAKETOP_UI_TIMING NO_COLOR
DB="$T/bench.db"

echo "building $DB (1,000 positions, 1,000,000 observations)..."
"$SEED" "$DB" 1000 1000000 >"$T/seed.log" 2>&1 || { cat "$T/seed.log" >&2; exit 1; }

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }

# --- first frame and redraw, in-process ---------------------------------
: >"$T/timing"
for i in 1 2 3 4 5 6 7; do
	COLUMNS=120 LINES=40 STAKETOP_UI_FRAMES=1 STAKETOP_UI_TIMING=1 \
		"$ST" --db "$DB" --offline >/dev/null 2>>"$T/timing" </dev/null ||
		{ cat "$T/timing" >&2; exit 1; }
done
first=$(sed -n 's/^ui first frame: \([0-9.]*\) ms.*/\1/p' "$T/timing" | median)
redraw=$(sed -n 's/^ui board redraw: \([0-9.]*\) ms.*/\1/p' "$T/timing" | median)
startup=$(grep '^ui start-up:' "$T/timing" | tail -1)
echo "ui first frame: $first ms (target < 30 ms)"
echo "ui board redraw: $redraw ms (target < 2 ms)"
echo "  ($startup)"

# --- idle CPU, in a real terminal ----------------------------------------
tmux -L "$SOCK" -f /dev/null new-session -d -x 120 -y 40 \
	"exec env TERM=xterm-256color \"$ST\" --db \"$DB\" --offline"
pid=$(tmux -L "$SOCK" display -p -t 0 '#{pane_pid}')
i=0
until tmux -L "$SOCK" capture-pane -p -t 0 | grep -q F1Help; do
	i=$((i + 1))
	[ "$i" -gt 100 ] && { echo "bench_ui: the interface did not start" >&2; exit 1; }
	sleep 0.1
done
sleep 1 # let start-up settle
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
t0=$(ticks "$pid")
sleep "$IDLE_S"
t1=$(ticks "$pid")
hz=$(getconf CLK_TCK)
idle=$(awk -v a="$t0" -v b="$t1" -v hz="$hz" -v s="$IDLE_S" 'BEGIN { printf "%.2f", (b - a) / hz / s * 100 }')
echo "ui idle cpu: $idle % (target < 0.5 %)"
tmux -L "$SOCK" send-keys -t 0 q

awk -v f="$first" -v r="$redraw" -v c="$idle" 'BEGIN {
	ok = f < 30 && r < 2 && c < 0.5
	printf "ui targets (first frame < 30 ms, redraw < 2 ms, idle < 0.5 %%): %s\n", ok ? "met" : "MISSED"
	exit !ok }'
