#!/bin/sh
# One refresh of watched addresses (3 ETH x tokens, 10 validators, 2 Solana
# wallets, 2 Cosmos addresses) against servers answering after 300 ms.
BUILD=${BUILD:-build}
"$BUILD/rel/tests/bench/bench_watch" "$BUILD/rel/tests/tools/fixture-server" \
	"${STAKETOP_DATA_DIR:-$(pwd)/data}" "$(pwd)/tests/fixtures/refresh"
