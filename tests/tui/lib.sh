# lib.sh — shared by the terminal tests (sourced, not run): a private tmux
# server, a temp dir with its own database and config, a fixture feed
# server on 127.0.0.1, and helpers that wait for text on the screen.
#
#   . tests/tui/lib.sh
#   ui_start --db "$DB" --offline      staketop in a 120x40 pane, from a shell
#   wait_for "F1Help"                  poll capture-pane until it shows up
#   keys j j Enter                     tmux send-keys
#   check "what" 'shell test'          TAP-ish line; the script ends with done_testing
set -u
# files the tests write are private, as staketop asks (it warns otherwise)
umask 077
BUILD=${BUILD:-build}
ST="$BUILD/san/staketop"
[ -x "$ST" ] || ST="$BUILD/staketop"
ST="$(cd "$(dirname "$ST")" && pwd)/$(basename "$ST")"
FIXTURE_SERVER=${FIXTURE_SERVER:-$BUILD/rel/tests/tools/fixture-server}
T=$(mktemp -d)
SOCK="staketop-test-$$"
FX_PID=""
export STAKETOP_DATA_DIR="${STAKETOP_DATA_DIR:-$(pwd)/data}"
export XDG_DATA_HOME="$T/xdg-data" XDG_CONFIG_HOME="$T/xdg-config"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset STAKETOP_DB STAKETOP_CONFIG NO_COLOR STAKETOP_UI_FRAMES STAKETOP_UI_TIMING
# the demo snapshot is 2026-11-20T12:00:00Z; "now" is five days later
NOW=1795593600
DB="$T/p.db"
WAIT=${TUI_WAIT:-15}

tm() { tmux -L "$SOCK" -f /dev/null "$@"; }

cleanup() {
	tm kill-server >/dev/null 2>&1
	[ -n "$FX_PID" ] && kill "$FX_PID" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
no() {
	n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"
	echo "# screen:"; screen | sed 's/^/#   /'
}
check() { if eval "$2"; then ok "$1"; else no "$1"; fi; }
done_testing() { echo "$n tests, $fails failed"; [ "$fails" -eq 0 ] && [ "$n" -gt 0 ]; }

# A shell in a 120x40 pane; staketop is typed into it, so that after it
# quits the pane shows the shell again (and "exit=N").
shell_start() {
	tm new-session -d -s t -x "${1:-120}" -y "${2:-40}" "env PS1='test$ ' TERM=xterm-256color sh"
	tm set -g status off 2>/dev/null
	wait_for 'test\$' || { echo "# no shell in tmux"; exit 1; }
}

# ui_start ARGS...: run staketop with ARGS in the pane's shell.
ui_start() {
	cmd="\"$ST\""
	for a in "$@"; do cmd="$cmd '$a'"; done
	tm send-keys -t t -l "$UI_ENV $cmd; echo exit=\$?"
	tm send-keys -t t Enter
	wait_for "F1Help" || { echo "# staketop did not start"; exit 1; }
}
UI_ENV="env STAKETOP_NOW=$NOW"

keys() { tm send-keys -t t "$@"; }
screen() { tm capture-pane -p -t t; }
# line N of the screen (1 = top)
line() { screen | sed -n "$1p"; }

# wait_for TEXT [seconds]: poll the screen until TEXT (a grep -E pattern)
# appears. Never a bare sleep as the assertion.
wait_for() {
	limit=$(( ${2:-$WAIT} * 10 ))
	i=0
	while [ "$i" -lt "$limit" ]; do
		screen 2>/dev/null | grep -Eq -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# wait_gone TEXT [seconds]: until TEXT is no longer on the screen.
wait_gone() {
	limit=$(( ${2:-$WAIT} * 10 ))
	i=0
	while [ "$i" -lt "$limit" ]; do
		screen 2>/dev/null | grep -Eq -- "$1" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# The board row of an asset: ID KIND ASSET ACCOUNT QUANTITY ... at 120
# columns, ID ASSET QUANTITY ... at 80 (a group row has no id)
row_of() { screen | awk -v a="$1" '$1 ~ /^[0-9]+$/ && ($2 == a || $3 == a) { print; exit }'; }

# fixture_start: the fixture feed server over $T/fx/routes; sets PORT.
fixture_start() {
	"$FIXTURE_SERVER" --routes "$T/fx/routes" --port-file "$T/fx/port" >/dev/null 2>&1 &
	FX_PID=$!
	i=0
	while [ ! -s "$T/fx/port" ] && [ "$i" -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	PORT=$(cat "$T/fx/port")
	[ -n "$PORT" ] || { echo "# fixture server did not start"; exit 1; }
}

# config_coingecko: a config whose only feed is CoinGecko on the fixture.
config_coingecko() {
	cat >"$T/config.ini" <<EOC
[feeds]
coingecko_url = http://127.0.0.1:$PORT/api/v3
defillama_coins_url =
defillama_yields_url =
eth_rpc_url =
sol_rpc_url =
lido_wq_url =
stride_rest_url =
refresh_seconds = 3600
EOC
}
mkdir -p "$T/fx"
