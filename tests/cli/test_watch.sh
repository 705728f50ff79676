#!/bin/sh
# End-to-end tests of `staketop watch add|list|remove` on a real SQLite
# file: every chain's rule refuses a bad address with exit 2 and a message
# naming the rule, before the database is written; hostile bytes never
# reach the terminal; duplicates and removals.
. tests/cli/lib.sh
DB="$T/w.db"
# no ESC, no other C0 control but newline, no invalid UTF-8
clean() { ! LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$1" && iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1; }

refused() { # name rule-text args...
	name=$1 rule=$2
	shift 2
	"$ST" --db "$DB" watch add "$@" >"$T/out" 2>"$T/err"
	rc=$?
	check "$name: exit 2 (got $rc)" '[ $rc -eq 2 ]'
	check "$name: the message names the rule ($rule)" 'grep -q -- "$rule" "$T/err"'
	check "$name: nothing unsafe printed" 'clean "$T/err" && clean "$T/out"'
}

refused "EVM, bad EIP-55" "EIP-55 checksum" --chain ethereum 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD
refused "EVM, short" "0x followed by 40 hex digits" --chain ethereum 0x5aAeb6053F3E94C9
refused "EVM, ESC inside" "byte 0x1b at position 41" --chain ethereum "$(printf '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA\033[')"
refused "validator, letters" "decimal digits" --chain beacon 12a
refused "validator, 47-byte pubkey" "96 hex digits" --chain beacon "0x$(printf '%094d' 0)"
refused "Solana, 31 bytes" "decodes to 31" --chain solana So1111111111111111111111111111111111111111
refused "Solana, invalid UTF-8" "byte 0xc3" --chain solana "$(printf 'Stake\303\050')"
refused "Cosmos, checksum" "bech32 checksum" --chain cosmos cosmos1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnrk363f
refused "Cosmos, other prefix" "'cosmos'" --chain cosmos osmo1qqqsyqcyq5rqwzqfpg9scrgwpugpzysntdz28t
refused "Polkadot, checksum" "SS58 checksum" --chain polkadot 15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp6
refused "unknown chain" "not one of ethereum" --chain "$(printf 'bit\033]0;x\007coin')" 42
refused "label with ESC" "label: control characters" --chain beacon 42 --label "$(printf 'a\033[31mb')"
refused "no chain" "--chain is required" 42
check "nothing refused created the database" '[ ! -e "$DB" ]'

"$ST" --db "$DB" watch add --chain ethereum 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed --label main >"$T/out" 2>&1
check "lower-case EVM address kept in its EIP-55 form" 'grep -q "watching 1: ethereum 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed" "$T/out"'
"$ST" --db "$DB" watch add --chain beacon 0042 >/dev/null 2>&1
"$ST" --db "$DB" watch add --chain cosmos COSMOS14W46H2AT4W46H2AT4W46H2AT4W46H2ATUW643A >/dev/null 2>&1
"$ST" --db "$DB" watch add --chain solana Stake11111111111111111111111111111111111111 >/dev/null 2>&1
"$ST" --db "$DB" watch add --chain polkadot 15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5 >/dev/null 2>&1
"$ST" --db "$DB" watch add --chain beacon 42 >"$T/out" 2>&1
rc=$?
check "the same validator again: exit 0, already watched as 2" '[ $rc -eq 0 ] && grep -q "already watched as 2" "$T/out"'
json=$("$ST" --db "$DB" watch list --json)
check "list --json: 5 watches" '[ "$(echo "$json" | grep -o "\"id\":" | wc -l)" -eq 5 ]'
check "list --json: the validator index without leading zeros, never read" \
	'echo "$json" | grep -q "\"id\":2,\"chain\":\"beacon\",\"address\":\"42\",\"label\":\"\",\"account\":\"beacon:42\",\"read_at\":null"'
check "list --json: bech32 kept in lower case" 'echo "$json" | grep -q "cosmos14w46h2at4w46h2at4w46h2at4w46h2atuw643a"'
"$ST" --db "$DB" watch remove 2 >/dev/null 2>&1
"$ST" --db "$DB" watch remove 2 >"$T/out" 2>"$T/err"
rc=$?
check "removing it twice: exit 2, no watch 2" '[ $rc -eq 2 ] && grep -q "no watch 2" "$T/err"'
"$ST" --db "$DB" watch remove "$(printf '1\033[2J')" >"$T/out" 2>"$T/err"
rc=$?
check "remove with hostile id: exit 2, nothing unsafe printed" '[ $rc -eq 2 ] && clean "$T/err"'
check "4 watches left" '[ "$("$ST" --db "$DB" watch list --json | grep -o "\"id\":" | wc -l)" -eq 4 ]'
"$ST" --db "$DB" watch list >"$T/out" 2>&1
check "text list: one line per watch and a header" '[ "$(wc -l <"$T/out")" -eq 5 ] && grep -q "main" "$T/out"'

done_testing plan
