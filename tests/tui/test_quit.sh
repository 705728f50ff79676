#!/bin/sh
# The terminal is restored on every way out: q, Ctrl-C (SIGINT), SIGTERM,
# a crash, and a fatal start-up error (printed after the screen is
# restored).
. tests/tui/lib.sh

ui_pid() { pgrep -n -f "$ST --db $DB" ; }
restored() {
	# the shell is back, the board is gone, and the tty is sane again
	screen | grep -q "$1" && ! screen | grep -q "F1Help"
}

shell_start
ui_start --db "$DB" --demo --offline
keys q
wait_for "exit=0"
check "q: the shell is back with exit=0, the board is gone" 'restored "exit=0"'
keys -l "stty -a | tr ' ' '\n' | grep -E '^-?(icanon|echo)\$' | tr '\n' ' '; echo"
keys Enter
wait_for "icanon echo"
check "q: the tty is in canonical mode with echo again" 'screen | grep -q "^icanon echo *$"'
keys -l clear
keys Enter
wait_gone "exit=0"

ui_start --db "$DB" --demo --offline
keys C-c
wait_for "exit=0"
check "Ctrl-C (SIGINT): restored, exit 0" 'restored "exit=0"'
keys -l clear
keys Enter
wait_gone "exit=0"

ui_start --db "$DB" --demo --offline
pid=$(ui_pid)
check "the interface process is found" '[ -n "$pid" ]'
kill -TERM "$pid"
wait_for "exit=143"
check "SIGTERM: restored, exit 143 (128 + 15)" 'restored "exit=143"'
keys -l "stty -a | tr ' ' '\n' | grep -E '^-?(icanon|echo)\$' | tr '\n' ' '; echo"
keys Enter
wait_for "icanon echo"
check "SIGTERM: the tty is sane" 'screen | grep -q "^icanon echo *$"'
keys -l clear
keys Enter
wait_gone "exit=143"

# a crash (SIGSEGV) in the release build: the handler restores the
# terminal before dying of the signal (the sanitizer build reports instead)
REL="$(pwd)/$BUILD/staketop"
if [ -x "$REL" ]; then
	keys -l "\"$REL\" --db \"$DB\" --demo --offline; echo exit=\$?"
	keys Enter
	wait_for "F1Help"
	pid=$(pgrep -n -f "$REL --db $DB")
	kill -SEGV "$pid"
	wait_for "exit=139"
	check "SIGSEGV: restored, then died of it (exit 139)" 'restored "exit=139"'
	keys -l "stty -a | tr ' ' '\n' | grep -E '^-?(icanon|echo)\$' | tr '\n' ' '; echo"
	keys Enter
	wait_for "icanon echo"
	check "SIGSEGV: the tty is sane" 'screen | grep -q "^icanon echo *$"'
	keys -l clear
	keys Enter
	wait_gone "exit=139"
fi

# a fatal error at start-up: the message is printed on a normal screen
printf '[feeds]\nrefresh_seconds = 1\n' >"$T/bad.ini"
keys -l "\"$ST\" --db \"$DB\" --config \"$T/bad.ini\"; echo exit=\$?"
keys Enter
wait_for "exit=2"
check "a bad config: the error is printed, exit 2" \
	'screen | grep -q "staketop: .*bad.ini:2: \[feeds\] refresh_seconds" && screen | grep -q "exit=2"'
done_testing
