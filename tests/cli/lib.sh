# lib.sh — shared by the command-line tests (sourced, not run): the binary,
# a private temp dir with its own XDG dirs, the loopback fixture server and
# the TAP-ish counters.
#
#   . tests/cli/lib.sh
#   diag() { echo "  out: $(head -c 600 "$T/out")"; }   optional: shown under a failure
#   serve "$T/routes" [--verbose]      fixture server on an ephemeral port; sets B
#   check "what" 'shell test'          ok/not ok line
#   done_testing [plan]                "N tests, F failed" (or "1..N"); exit status
set -u
# files the tests write are private, as staketop asks (it warns otherwise)
umask 077
BUILD=${BUILD:-build}
ST="$BUILD/san/staketop"
[ -x "$ST" ] || ST="$BUILD/staketop"
SERVER=${FIXTURE_SERVER:-$BUILD/rel/tests/tools/fixture-server}
T=$(mktemp -d)
# spid: the fixture server; wpid: any other background process a script starts
spid=""
wpid=""
cleanup() {
	for p in $spid $wpid; do
		kill "$p" 2>/dev/null && wait "$p" 2>/dev/null
	done
	rm -rf "$T"
}
trap cleanup EXIT
export STAKETOP_DATA_DIR="${STAKETOP_DATA_DIR:-$(pwd)/data}"
export XDG_DATA_HOME="$T/xdg-data" XDG_CONFIG_HOME="$T/xdg-config"
unset STAKETOP_DB STAKETOP_CONFIG

n=0
fails=0
diag() { :; }
ok() { n=$((n + 1)); echo "ok $n - $1"; }
no() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; diag; }
check() { if eval "$2"; then ok "$1"; else no "$1"; fi; }

# serve ROUTES [OPTION...]: the fixture server on 127.0.0.1 serving the routes
# file ROUTES, its port in $T/port and its stderr in $T/server.log; waits up
# to 5 s for the port and sets B to the base URL.
serve() {
	routes_file=$1
	shift
	"$SERVER" --routes "$routes_file" --port-file "$T/port" --max-seconds 300 "$@" \
		>/dev/null 2>"$T/server.log" &
	spid=$!
	for _ in $(seq 50); do [ -s "$T/port" ] && break; sleep 0.1; done
	B="http://127.0.0.1:$(cat "$T/port" 2>/dev/null)"
}

# chains_config FILE [KEY=VALUE ...]: a config whose feeds are all off
# (no price, rate or yield feed is asked) and whose [feeds] keys KEY are
# VALUE (the chain URLs: eth_rpc_url, sol_rpc_url, beacon_url,
# cosmos_rest_url, polkadot_sidecar_url; beacon_genesis_time, …), with
# timeout_seconds = 2 unless given.
chains_config() {
	f=$1
	shift
	{
		echo "[feeds]"
		for k in coingecko_url defillama_coins_url defillama_yields_url stride_rest_url \
			eth_rpc_url sol_rpc_url beacon_url cosmos_rest_url polkadot_sidecar_url; do
			case " $* " in *" $k="*) ;; *) echo "$k =" ;; esac
		done
		case " $* " in *" timeout_seconds="*) ;; *) echo "timeout_seconds = 2" ;; esac
		for kv in "$@"; do echo "${kv%%=*} = ${kv#*=}"; done
	} >"$f"
}

# done_testing [plan]: the closing line, and the script's exit status (every
# check passed, and there was at least one)
done_testing() {
	if [ "${1:-}" = plan ]; then
		echo "1..$n"
	else
		echo "$n tests, $fails failed"
	fi
	[ "$fails" -eq 0 ] && [ "$n" -gt 0 ]
}
