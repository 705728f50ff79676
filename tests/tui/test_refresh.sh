#!/bin/sh
# Refresh through the pricing layer while keys are typed: a fixture
# CoinGecko that answers after 2.5 s; the price of ETH changes between two
# refreshes; a search typed during the second one works; the feeds screen
# shows each feed's last success, latency, values and error (an error from
# outside shown without its control characters); a failed feed keeps the
# last good values.
. tests/tui/lib.sh

# prices as CoinGecko sends them; $1 is ETH's, $2 the quote time
cg_body() {
	cat >"$T/fx/cg.json" <<EOB
{"ethereum":{"usd":$1,"last_updated_at":$2},"solana":{"usd":142.30,"last_updated_at":$2},
"cosmos":{"usd":4.25,"last_updated_at":$2},"polkadot":{"usd":3.10,"last_updated_at":$2},
"staked-ether":{"usd":3008.10,"last_updated_at":$2},"ether-fi-staked-eth":{"usd":3004.80,"last_updated_at":$2},
"wrapped-steth":{"usd":3650.10,"last_updated_at":$2},"rocket-pool-eth":{"usd":3415.20,"last_updated_at":$2},
"coinbase-wrapped-staked-eth":{"usd":3295.60,"last_updated_at":$2},"wrapped-beacon-eth":{"usd":3221.40,"last_updated_at":$2},
"jito-staked-sol":{"usd":177.10,"last_updated_at":$2},"msol":{"usd":185.40,"last_updated_at":$2},
"wrapped-eeth":{"usd":3208.90,"last_updated_at":$2},"renzo-restaked-eth":{"usd":3139.70,"last_updated_at":$2},
"kelp-dao-restaked-eth":{"usd":3151.30,"last_updated_at":$2},
"staked-frax-ether":{"usd":3390.00,"last_updated_at":$2},"stakewise-v3-oseth":{"usd":3200.00,"last_updated_at":$2},
"stader-ethx":{"usd":3150.00,"last_updated_at":$2},"mantle-staked-ether":{"usd":3230.00,"last_updated_at":$2},
"liquid-staked-ethereum":{"usd":3270.00,"last_updated_at":$2},"ankreth":{"usd":3340.00,"last_updated_at":$2},
"sweth":{"usd":3200.00,"last_updated_at":$2},"restaked-swell-eth":{"usd":3070.00,"last_updated_at":$2},
"pufeth":{"usd":3090.00,"last_updated_at":$2},"blazestake-staked-sol":{"usd":165.00,"last_updated_at":$2},
"jupiter-staked-sol":{"usd":158.00,"last_updated_at":$2},"stride-staked-atom":{"usd":5.20,"last_updated_at":$2}}
EOB
}
echo "GET /api/v3/simple/price file=cg.json delay_ms=2500" >"$T/fx/routes"
# first answer: ETH at 3100.00, quoted 600 s before now
cg_body 3100.00 $((NOW - 600))
fixture_start
config_coingecko

shell_start
ui_start --db "$DB" --demo --config "$T/config.ini"
# the refresh starts with the interface and runs in the background
check "a refresh runs at start-up, shown in the header" 'wait_for "⟳ refreshing" 5'
# 15 ids of the first catalog and 12 of the tokens of issue 17
wait_for "refreshed: 1 feeds ok, 27 values"
check "refresh done: one feed, 27 prices" 'screen | grep -q "refreshed: 1 feeds ok, 27 values"'
# ETH validator: 32 × 3100.00 = 99,200.00, its price 600 s old ("10m"), fresh
check "ETH NAV 32 × 3100 = 99,200.00, 10m old, not stale" \
	'row_of ETH | grep -Eq " 99,200\.00 +99,200\.00 +\+0\.0 .* 10m +-$"'
# wstETH: 8.2 × 1.215 × 3100 = 30,885.30 against a market of 29,930.82:
# (29930.82 / 30885.30 − 1) × 10000 = −309.04 → −309.0; its rate is still the
# snapshot's, so the row stays stale (4d!)
check "wstETH NAV 30,885.30, premium -309.0, still stale (rate)" \
	'row_of wstETH | grep -Eq " 30,885\.30 +29,930\.82 +-309\.0 .* 4d! "'
check "header: refreshed <1m ago" 'line 1 | grep -q "refreshed <1m ago"'

# second answer: ETH at 3200.00, quoted 300 s before now; refresh (F2) and
# type a search while it is in flight
cg_body 3200.00 $((NOW - 300))
keys F2
wait_for "⟳ refreshing" 5
keys / m s o
wait_for "^/mso"
check "keys typed during the refresh are handled at once" \
	'screen | grep -q "⟳ refreshing" && screen | grep -q "^/mso"'
keys Enter
wait_for "refreshed: 1 feeds ok"
# 32 × 3200.00 = 102,400.00; 8.2 × 1.215 × 3200 = 31,881.60
check "the new price is on the board: ETH NAV 102,400.00, 5m old" \
	'row_of ETH | grep -Eq " 102,400\.00 +102,400\.00 .* 5m +-$"'
check "wstETH NAV 31,881.60" 'row_of wstETH | grep -q " 31,881.60 "'
keys C-l
wait_for "^#8 mSOL \(phantom\)"
check "the search typed during the refresh selected mSOL" 'screen | grep -q "^#8 mSOL (phantom)"'

# Feeds screen
keys Tab
wait_for "LAST SUCCESS"
check "feeds: coingecko ok, last success <1m ago, latency ~2.5 s, 27 values" \
	'screen | grep -Eq "^coingecko +ok +<1m ago +<1m ago +2[0-9]{3} ms +27 -"'

# A failing feed whose error carries control characters (ESC [2J, BEL)
printf '{"error":"rate \\u001b[2J\\u0007limited"}' >"$T/fx/bad.json"
echo "GET /api/v3/simple/price file=bad.json" >"$T/fx/routes"
keys r
wait_for "^coingecko +failed"
check "feeds: coingecko failed, its error shown" 'screen | grep -Eq "^coingecko +failed .*CoinGecko error: rate"'
check "the error's control characters did not reach the terminal" \
	'! tm capture-pane -p -e -t t | grep -q "$(printf "\\033")\[2J" && line 1 | grep -q "staketop"'
check "the last success stays <1m ago" 'screen | grep -Eq "^coingecko +failed +<1m ago"'
check "the header says the feeds are failing" 'line 1 | grep -q "FEEDS FAILING"'
check "the status line says the feed failed" 'screen | grep -q "refresh: 1 of 1 feeds failed"'
keys Tab
wait_for "F10Quit"
check "a failed feed keeps the last good values: ETH still 102,400.00" \
	'row_of ETH | grep -q " 102,400.00 "'
keys q
wait_for "exit=0"
check "q quits" 'screen | grep -q "exit=0"'
done_testing
