#!/bin/sh
# One full refresh against ten loopback endpoints answering after 300 ms.
BUILD=${BUILD:-build}
"$BUILD/rel/tests/bench/bench_refresh" "$BUILD/rel/tests/tools/fixture-server" \
	"${STAKETOP_DATA_DIR:-$(pwd)/data}" "$(pwd)/tests/fixtures/refresh"
