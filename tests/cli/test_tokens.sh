#!/bin/sh
# The liquid and restaked tokens of issue 17, each valued end to end from
# fixture replies served on loopback (tests/fixtures/refresh/, the shapes of
# CATALOG-2.md and DOMAIN.md): `staketop refresh` then `report --json`, the
# exchange rate and the NAV checked to 1e-9 against the hand computation
# below; each EVM call checked to go to the contract CATALOG-2.md names;
# `assets` says where each rate comes from and whether it is verified;
# faults named, last good values kept, no control character printed.
. tests/cli/lib.sh
FX="$(pwd)/tests/fixtures/refresh"
export STAKETOP_NOW=1795593600
diag() { echo "  output: $(head -c 600 "$T/out" 2>/dev/null)"; }

cp "$FX"/*.json "$T/"
routes() { # $1: the eth_rpc route line
	cat >"$T/routes" <<EOF
GET /cg/simple/price file=coingecko.json
GET /llama/prices/current file=llama_coins.json
GET /yields/pools file=yields.json
$1
POST /sol file=sol_rpc.json
GET /stride/Stride-Labs/stride/stakeibc/host_zone/cosmoshub-4 file=stride.json
EOF
}
routes "POST /eth file=eth_rpc.json"
serve "$T/routes"
cat >"$T/config.ini" <<EOF
[feeds]
coingecko_url = $B/cg
defillama_coins_url =
defillama_yields_url = $B/yields
eth_rpc_url = $B/eth
sol_rpc_url = $B/sol
stride_rest_url = $B/stride
timeout_seconds = 2
EOF
S() { "$ST" --db "$T/p.db" --config "$T/config.ini" "$@"; }
line() { grep "^$1 " "$T/out"; }
# one position per token, ids 1..14 in this order
for p in sfrxETH:2 osETH:2 ETHx:2 mETH:2 LsETH:2 ankrETH:9 swETH:2 rswETH:2 pufETH:2 \
	bSOL:2 JupSOL:2 hSOL:2 INF:2 stATOM:3; do
	S add --asset "${p%%:*}" --amount "${p#*:}" >/dev/null
done
pos() { S report --json | sed 's/{"id":/\n{"id":/g' | grep "^{\"id\":$1,"; }
# field $2 of position $1 (a number), or "null"
fig() { pos "$1" | grep -o "\"$2\":[-0-9.e+null]*" | head -1 | cut -d: -f2; }
near() { # $1 value, $2 expected, $3 tolerance
	awk -v v="$1" -v w="$2" -v t="$3" 'BEGIN { d = v - w; if (d < 0) d = -d; exit !(v != "" && v != "null" && d <= t) }'
}

S refresh >"$T/out" 2>&1
rc=$?
check "refresh with every token: exit 0" '[ $rc -eq 0 ]'
check "eth_rpc took the 17 rates (8 + 9 new)" 'line eth_rpc | grep -q " ok .* 17 values"'
check "sol_rpc took the 6 rates (2 + bSOL, JupSOL, hSOL, INF)" 'line sol_rpc | grep -q " ok .* 6 values"'
check "stride_rest took stATOM's rate" 'line stride_rest | grep -q " ok .* 1 values"'

# Hand computation. Prices (CoinGecko fixture): ETH 3100, SOL 150, ATOM 4.
# Rates (fixture words / 1e18, or the account fields):
#   1 sfrxETH  0x0f9ccd8a1c508000 = 1.125e18 frxETH, × frxETH→ETH 1 (two
#              steps) = 1.125;          NAV 2 × 1.125 × 3100   = 6975
#   2 osETH    1.0625 (the vault controller's convertToAssets(1e18))
#                                       NAV 2 × 1.0625 × 3100  = 6587.5
#   3 ETHx     1.05                     NAV 2 × 1.05 × 3100    = 6510
#   4 mETH     1.075                    NAV 2 × 1.075 × 3100   = 6665
#   5 LsETH    1.0875                   NAV 2 × 1.0875 × 3100  = 6742.5
#   6 ankrETH  ratio() 0.9e18, inverted: 1e18 / 0.9e18 = 1.1111…
#              (printed to 12 decimals: 1.111111111111)
#                                       NAV 9 / 0.9 × 3100     = 31000
#   7 swETH    1.0675                   NAV 2 × 1.0675 × 3100  = 6618.5
#   8 rswETH   1.025                    NAV 2 × 1.025 × 3100   = 6355
#   9 pufETH   1.03125                  NAV 2 × 1.03125 × 3100 = 6393.75
#  10 bSOL     1150000000000000 / 1000000000000000 = 1.15
#                                       NAV 2 × 1.15 × 150     = 345
#  11 JupSOL   1.1 (pool owned by SPMB…, Sanctum's multi-validator copy)
#                                       NAV 2 × 1.1 × 150      = 330
#  12 hSOL     1.2 (pool owned by SP12…)   NAV 2 × 1.2 × 150   = 360
#  13 INF      v2 state: (2500000000000000 − 30000000000000 withheld
#              − 20000000000000 protocol fee) / supply 1750000000000000
#              = 2450000000000000 / 1750000000000000 = 1.4
#                                       NAV 2 × 1.4 × 150      = 420
#  14 stATOM   redemption_rate "1.250000000000000000"
#                                       NAV 3 × 1.25 × 4       = 15
# Sum: 6975 + 6587.5 + 6510 + 6665 + 6742.5 + 31000 + 6618.5 + 6355
#      + 6393.75 + 345 + 330 + 360 + 420 + 15 = 85317.25
i=0
for want in sfrxETH:1.125:6975 osETH:1.0625:6587.5 ETHx:1.05:6510 mETH:1.075:6665 \
	LsETH:1.0875:6742.5 ankrETH:1.111111111111:31000 swETH:1.0675:6618.5 \
	rswETH:1.025:6355 pufETH:1.03125:6393.75 bSOL:1.15:345 JupSOL:1.1:330 hSOL:1.2:360 \
	INF:1.4:420 stATOM:1.25:15; do
	i=$((i + 1))
	sym=${want%%:*}
	rest=${want#*:}
	r=${rest%%:*}
	v=${rest#*:}
	er=$(fig $i exchange_rate)
	nav=$(fig $i nav)
	check "$sym: exchange rate $r (got $er) within 1e-9" 'near "$er" "$r" 1e-9'
	check "$sym: NAV $v (got $nav) within 1e-9" 'near "$nav" "$v" 1e-9'
done
totals=$(S report --json | grep -o '"totals":{[^}]*')
tfig() { echo "$totals" | grep -o "\"$1\":[0-9.]*" | cut -d: -f2; }
# hSOL and INF have no market price (no CoinGecko id; DefiLlama answers
# nothing for them here): NAV only. The valued total is the other twelve,
# 85317.25 − 360 − 420 = 84537.25, and the NAV-only value is 780 apart.
tot=$(tfig nav)
check "total NAV is the sum of the valued rows: 84537.25 (got $tot)" 'near "$tot" 84537.25 1e-9'
no=$(tfig nav_only_nav)
check "hSOL + INF are NAV-only: 360 + 420 = 780 apart (got $no), $(tfig valued) valued, $(tfig nav_only) NAV-only" \
	'near "$no" 780 1e-9 && [ "$(tfig valued)" = 12 ] && [ "$(tfig nav_only)" = 2 ]'
check "sources: osETH's rate from eth_rpc, INF's from sol_rpc, stATOM's from rest_json" \
	'pos 2 | grep -q "\"rate:osETH\":{\"source\":\"eth_rpc\"" &&
	 pos 13 | grep -q "\"rate:INF\":{\"source\":\"sol_rpc\"" &&
	 pos 14 | grep -q "\"rate:stATOM\":{\"source\":\"rest_json\""'

# --- each call goes to the contract CATALOG-2.md names, with its argument:
# the node answers only a batch that holds exactly that call
ARG=0000000000000000000000000000000000000000000000000de0b6b3a7640000
for c in "sfrxETH 0xac3E018457B222d93114458476f3E3416Abbe38F 0x99530b06" \
	"osETH 0x2A261e60FB14586B474C208b1B7AC6D0f5000306 0x07a2d13a$ARG" \
	"ETHx 0xcf5EA1b38380f6aF39068375516Daf40Ed70D299 0xe6aa216c" \
	"mETH 0xe3cBd06D7dadB3F4e6557bAb7EdD924CD1489E8f 0x5890c11c$ARG" \
	"LsETH 0x8c1BEd5b9a0928467c9B1341Da1D7BD5e10b6549 0xf79c3f02$ARG" \
	"ankrETH 0xE95A203B1a91a908F9B9CE46459d101078c2c3cb 0x71ca337d" \
	"swETH 0xf951E335afb289353dc249e82926178EaC7DEd78 0xd68b2cb6" \
	"rswETH 0xFAe103DC9cf190eD75350761e95403b7b8aFa6c0 0xa7b9544e" \
	"pufETH 0xD9A442856C234a39a81a089C06451EBAa4306a72 0x07a2d13a$ARG"; do
	set -- $c
	routes "POST /eth match=\"to\":\"$2\",\"data\":\"$3\" file=eth_rpc.json"
	S refresh >"$T/out" 2>&1
	check "$1: eth_call to $2 with data $(echo "$3" | cut -c1-10)…" 'line eth_rpc | grep -q " ok "'
done
# and the check can fail: osETH's convertToAssets on the token itself is
# not what is sent
routes "POST /eth match=\"to\":\"0xf1C9acDc66974dFB6dEcB12aA385b9cD01190E38\" file=eth_rpc.json"
S refresh >"$T/out" 2>&1
check "no call goes to the osETH token itself" 'line eth_rpc | grep -q " failed "'
routes "POST /eth file=eth_rpc.json"
grep -v '^POST /sol' "$T/routes" >"$T/r2"
echo 'POST /sol match="method":"getTokenSupply","params":["5oVNBeEEQvYi1cX3ir8Dx5n1P7pdxydbGF2X4TxVusJm"] file=sol_rpc.json' >>"$T/r2"
mv "$T/r2" "$T/routes"
S refresh >"$T/out" 2>&1
check "INF: the supply of its mint is asked in the Solana batch" 'line sol_rpc | grep -q " ok .* 6 values"'
routes "POST /eth file=eth_rpc.json"

# --- assets: where each rate comes from, and whether it is verified ------
S assets >"$T/out" 2>&1
check "assets: osETH's rate is convertToAssets(1e18) on the vault controller, verified" \
	'grep -Eq "^osETH .* yes +convertToAssets\(1e18\) on 0x2A261e60FB14586B474C208b1B7AC6D0f5000306$" "$T/out"'
check "assets: ankrETH's ratio() is inverted" \
	'grep -Eq "^ankrETH .* yes +1 / ratio\(\) on 0xE95A203B1a91a908F9B9CE46459d101078c2c3cb \(inverted" "$T/out"'
check "assets: JupSOL's pool and its owner program SPMB…" \
	'grep -Eq "^JupSOL .* yes +stake pool 8VpRhuxa7sUUepdY3kQiTmX9rS5vx4WgaXiAnXq4KCtr \(owner SPMBzsVUuoHA4Jm6KunbsotaahvVikZs1JyTW6iJvbn\)$" "$T/out"'
check "assets: INF's state account and mint supply" \
	'grep -Eq "^INF .* yes +Infinity pool state AYhux5gJzCoeoc1PoJ1VxwPDe22RwcvpHviLDD1oCGvW / supply of 5oVNBeEEQvYi1cX3ir8Dx5n1P7pdxydbGF2X4TxVusJm" "$T/out"'
check "assets: stATOM's REST path" \
	'grep -Eq "^stATOM .* yes +GET stride_rest_url/Stride-Labs/stride/stakeibc/host_zone/cosmoshub-4 -> host_zone.redemption_rate$" "$T/out"'
check "assets: sfrxETH goes through frxETH" 'grep -Eq "^sfrxETH +ethereum +liquid +reward-bearing +frxETH +yes" "$T/out"'
check "assets: JitoSOL's pool address is [verify] in DOMAIN.md: shown UNVERIFIED" \
	'grep -Eq "^JitoSOL .* UNVERIFIED +stake pool" "$T/out"'
S assets --json >"$T/out" 2>&1
check "assets --json: osETH rate_from, rate_verified true, rate_invert false" \
	'grep -q "\"symbol\":\"osETH\"[^}]*\"rate_from\":\"convertToAssets(1e18) on 0x2A261e60FB14586B474C208b1B7AC6D0f5000306\",\"rate_verified\":true,\"rate_invert\":false" "$T/out"'
check "assets --json: hSOL owners, mint" \
	'grep -q "\"symbol\":\"hSOL\"[^}]*\"rate_owners\":\[\"SP12tWFxD9oJsVWNavTTBZvMbA6gkAmxtVgxdqvyvhY\"\],\"rate_mint\":\"he1iusmfkpAdwvxLNGV8Y1iSbj4rUy6yMhEA3fotn9A\"" "$T/out"'
check "assets --json: stATOM url key, path, json path" \
	'grep -q "\"symbol\":\"stATOM\"[^}]*\"rate_url_key\":\"stride_rest_url\",\"rate_path\":\"/Stride-Labs/stride/stakeibc/host_zone/cosmoshub-4\",\"rate_json_path\":\"host_zone.redemption_rate\"" "$T/out"'
check "assets --json: sfrxETH yield quoted apr, bSOL apy" \
	'grep -q "\"symbol\":\"sfrxETH\"[^}]*\"yield_quoted\":\"apr\"" "$T/out" && grep -q "\"symbol\":\"bSOL\"[^}]*\"yield_quoted\":\"apy\"" "$T/out"'

# --- faults: each named, the last good value kept -------------------------
fault() { # $1 name; $2 feed; $3 text; $4 position id; $5 its NAV
	S refresh >"$T/out" 2>&1
	rc=$?
	feed=$2 want=$3 want_nav=$5
	check "$1: exit 1" '[ $rc -eq 1 ]'
	check "$1: $2 failed, saying '$3'" 'line "$feed" | grep -q " failed " && line "$feed" | grep -qF -- "$want"'
	got=$(fig "$4" nav)
	check "$1: NAV of position $4 kept at $5" 'near "$got" "$want_nav" 1e-9'
	cp "$FX"/*.json "$T/"
	routes "POST /eth file=eth_rpc.json"
}
printf '{"host_zone":{"chain_id":"cosmoshub-4","host_denom":"uatom"}}' >"$T/stride.json"
fault "Stride answer without the path" stride_rest "host_zone.redemption_rate missing" 14 15
printf '{"host_zone":{"redemption_rate":"1,25"}}' >"$T/stride.json"
fault "Stride rate not a number" stride_rest "is '1,25', not a decimal" 14 15
printf '{"host_zone":{"redemption_rate":"\033[2J\033]0;pwn\007\302\233\377"}}' >"$T/stride.json"
fault "Stride rate with escape sequences" stride_rest "not a decimal" 14 15
check "no control character reaches the output" \
	'! LC_ALL=C grep -q "$(printf "[\001-\010\013-\037\177]")" "$T/out" && ! grep -q "$(printf "\377")" "$T/out"'
printf '<html>502 Bad Gateway</html>' >"$T/stride.json"
fault "Stride answers HTML" stride_rest "not JSON" 14 15
# osETH (id 20) answered "0x": nothing at the address
sed 's/"id": 20, "result": "0x[0-9a-f]*"/"id": 20, "result": "0x"/' "$FX/eth_rpc.json" >"$T/eth_rpc.json"
fault "osETH call answered 0x" eth_rpc "result for osETH is empty: no contract code at 0x2A261e60FB14586B474C208b1B7AC6D0f5000306" 2 6587.5
# ankrETH (id 24): a zero ratio cannot be inverted
sed 's/"id": 24, "result": "0x[0-9a-f]*"/"id": 24, "result": "0x0000000000000000000000000000000000000000000000000000000000000000"/' "$FX/eth_rpc.json" >"$T/eth_rpc.json"
fault "ankrETH ratio zero" eth_rpc "rate for ankrETH is zero: cannot invert" 6 31000
# mETH (id 22): short data
sed 's/"id": 22, "result": "0x[0-9a-f]*"/"id": 22, "result": "0x0ee8ac55d9bb8000"/' "$FX/eth_rpc.json" >"$T/eth_rpc.json"
fault "mETH short result" eth_rpc "result for mETH is 8 bytes, expected 32" 4 6665
# hSOL's pool (id 30) owned by the original program: not listed for hSOL
sed 's/"owner": "SP12tWFxD9oJsVWNavTTBZvMbA6gkAmxtVgxdqvyvhY"/"owner": "SPoo1Ku8WFXoNDMHPsrGSTSG1Y47rzgn41SLUNakuHy"/' "$FX/sol_rpc.json" >"$T/sol_rpc.json"
fault "hSOL pool under an unlisted program" sol_rpc "hSOL: owner SPoo1Ku8WFXoNDMHPsrGSTSG1Y47rzgn41SLUNakuHy is not a listed stake pool program" 12 360
# INF's supply answer missing
sed 's/, {"jsonrpc": "2.0", "id": 1000031, .*$/]/' "$FX/sol_rpc.json" >"$T/sol_rpc.json"
fault "INF supply answer missing" sol_rpc "missing: supply answer for INF" 13 420

# --- a user catalog can list another owner program for hSOL ---------------
mkdir -p "$T/cfgdir"
cp "$T/config.ini" "$T/cfgdir/config.ini"
printf '{"assets":[{"symbol":"hSOL","rate":{"owners":["SP12tWFxD9oJsVWNavTTBZvMbA6gkAmxtVgxdqvyvhY","SPoo1Ku8WFXoNDMHPsrGSTSG1Y47rzgn41SLUNakuHy"],"verified":false}}]}' >"$T/cfgdir/assets.json"
sed 's/"owner": "SP12tWFxD9oJsVWNavTTBZvMbA6gkAmxtVgxdqvyvhY"/"owner": "SPoo1Ku8WFXoNDMHPsrGSTSG1Y47rzgn41SLUNakuHy"/' "$FX/sol_rpc.json" >"$T/sol_rpc.json"
"$ST" --db "$T/p.db" --config "$T/cfgdir/config.ini" refresh >"$T/out" 2>&1
check "user catalog lists SPoo1… for hSOL too: sol_rpc ok" 'line sol_rpc | grep -q " ok .* 6 values"'
"$ST" --db "$T/p.db" --config "$T/cfgdir/config.ini" assets >"$T/out" 2>&1
check "the user's unverified mark is shown" 'grep -Eq "^hSOL .* UNVERIFIED +stake pool .*\(owner SP12tWFxD9oJsVWNavTTBZvMbA6gkAmxtVgxdqvyvhY or SPoo1Ku8WFXoNDMHPsrGSTSG1Y47rzgn41SLUNakuHy\)$" "$T/out"'
cp "$FX"/*.json "$T/"

# --- stride_rest_url empty: the feed is off, not reported -----------------
sed 's/^stride_rest_url = .*/stride_rest_url =/' "$T/config.ini" >"$T/c2.ini"
"$ST" --db "$T/p.db" --config "$T/c2.ini" refresh >"$T/out" 2>&1
check "stride_rest_url empty: no stride_rest line, exit 0" '[ $? -eq 0 ] && ! grep -q "^stride_rest" "$T/out"'

done_testing
