/* Tests for data/catalog_load.c: the shipped catalog, user overrides, and
 * malformed catalogs refused with file, entry and field named. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "data/catalog_load.h"

static const char *data_dir(void)
{
	const char *d = getenv("STAKETOP_DATA_DIR");
	return d && d[0] ? d : "data";
}

static void shipped_path(char *buf, size_t len)
{
	snprintf(buf, len, "%s/assets.json", data_dir());
}

static void catalog_load__shipped__has_every_required_asset(void **state)
{
	(void)state;
	char path[4096], err[512] = "";
	struct catalog c = { 0 };
	shipped_path(path, sizeof path);
	assert_int_equal(catalog_load(path, NULL, &c, err, sizeof err), 0);
	const char *need[] = { "ETH", "SOL", "ATOM", "DOT", "stETH", "eETH", "wstETH",
		               "rETH", "cbETH", "WBETH", "JitoSOL", "mSOL", "weETH",
		               "ezETH", "rsETH", "EL-stETH", "EL-ETH" };
	for (size_t i = 0; i < sizeof need / sizeof *need; i++)
		assert_non_null(catalog_find(&c, need[i]));
	/* case-insensitive lookup */
	assert_ptr_equal(catalog_find(&c, "wsteth"), catalog_find(&c, "wstETH"));
	catalog_free(&c);
}

static void catalog_load__shipped__rate_sources_match_domain(void **state)
{
	(void)state;
	char path[4096], err[512] = "";
	struct catalog c = { 0 };
	shipped_path(path, sizeof path);
	assert_int_equal(catalog_load(path, NULL, &c, err, sizeof err), 0);
	const struct asset *w = catalog_find(&c, "wstETH");
	assert_int_equal(w->rate.type, RATE_EVM_CALL);
	assert_string_equal(w->rate.selector, "0x035faf82"); /* stEthPerToken() */
	assert_string_equal(w->underlying, "stETH");
	const struct asset *ez = catalog_find(&c, "ezETH");
	/* ezETH's rate is read from Renzo's rate provider, not the token */
	assert_string_equal(ez->rate.address, "0x387dBc0fB00b26fb085aa658527D5BE98302c84C");
	assert_string_equal(ez->rate.selector, "0x679aefce");
	const struct asset *j = catalog_find(&c, "JitoSOL");
	assert_int_equal(j->rate.type, RATE_SPL_STAKE_POOL);
	assert_string_equal(j->rate.address, "Jito4APyf642JPZPx3hGc6WWJ8zPKtRbRs4P815Awbb");
	assert_int_equal(j->decimals, 9);
	const struct asset *m = catalog_find(&c, "mSOL");
	assert_int_equal(m->rate.type, RATE_MARINADE_STATE);
	assert_int_equal(m->rate.offset, 512);
	const struct asset *atom = catalog_find(&c, "ATOM");
	assert_int_equal(atom->unbond.type, UNBOND_FIXED);
	assert_int_equal(atom->unbond.delay_s, 1814400); /* 21 × 86400 */
	const struct asset *st = catalog_find(&c, "stETH");
	assert_int_equal(st->model, MODEL_REBASING);
	assert_string_equal(st->share_rate_from, "wstETH");
	assert_string_equal(st->llama_pool, "747c1d2a-c668-4682-b9f9-296708a3dd90");
	catalog_free(&c);
}

struct tmp {
	char dir[64];
	char path[128];
};

static void write_tmp(struct tmp *t, const char *text)
{
	snprintf(t->dir, sizeof t->dir, "/tmp/staketop-cat-XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->path, sizeof t->path, "%s/assets.json", t->dir);
	FILE *f = fopen(t->path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void rm_tmp(struct tmp *t)
{
	unlink(t->path);
	rmdir(t->dir);
}

static void catalog_load__user_file__overrides_one_field(void **state)
{
	(void)state;
	char path[4096], err[512] = "";
	struct catalog c = { 0 };
	struct tmp t;
	shipped_path(path, sizeof path);
	write_tmp(&t, "{\"assets\":[{\"symbol\":\"reth\",\"yield\":{\"fee\":0.15}},"
	              "{\"symbol\":\"cmETH\",\"name\":\"Mantle restaked\",\"chain\":\"ethereum\","
	              "\"kind\":\"liquid\",\"model\":\"reward-bearing\",\"underlying\":\"ETH\","
	              "\"decimals\":18}]}");
	int rc = catalog_load(path, t.path, &c, err, sizeof err);
	rm_tmp(&t);
	assert_int_equal(rc, 0);
	const struct asset *r = catalog_find(&c, "rETH");
	assert_float_equal(r->yield.fee, 0.15, 1e-12);
	/* fields not named stay as shipped */
	assert_string_equal(r->rate.selector, "0xe6aa216c");
	const struct asset *os = catalog_find(&c, "cmeth");
	assert_non_null(os);
	assert_int_equal(os->rate.type, RATE_NONE); /* no rate source given: NAV will be null */
	catalog_free(&c);
}

static void expect_refused(const char *user_text, const char *want1, const char *want2)
{
	char path[4096], err[512] = "";
	struct catalog c = { 0 };
	struct tmp t;
	shipped_path(path, sizeof path);
	write_tmp(&t, user_text);
	int rc = catalog_load(path, t.path, &c, err, sizeof err);
	rm_tmp(&t);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, t.path));
	assert_non_null(strstr(err, want1));
	if (want2)
		assert_non_null(strstr(err, want2));
	assert_null(c.assets);
}

static void catalog_load__malformed__names_file_entry_field(void **state)
{
	(void)state;
	expect_refused("{\"assets\":[{\"symbol\":\"rETH\",\"decimals\":\"18\"}]}",
	               "entry 1 (rETH)", "'decimals': expected a number");
	expect_refused("{\"assets\":[{\"symbol\":\"X\",\"chain\":\"ethereum\",\"kind\":\"liquid\","
	               "\"model\":\"rebasing-ish\",\"underlying\":\"ETH\"}]}",
	               "entry 1 (X)", "'model': unknown value 'rebasing-ish'");
	expect_refused("{\"assets\":[{\"symbol\":\"ETH\"},{\"symbol\":\"wstETH\",\"rate\":{\"selector\":\"0x12\"}}]}",
	               "entry 2 (wstETH)", "rate.selector");
	expect_refused("{\"assets\":[{\"symbol\":\"Y\",\"chain\":\"ethereum\",\"kind\":\"liquid\","
	               "\"model\":\"reward-bearing\",\"underlying\":\"NOPE\"}]}",
	               "(Y)", "'underlying': names no asset");
	expect_refused("{\"assets\":[{\"symbol\":\"Z\",\"name\":\"bad\\u001b[31m\"}]}", "(Z)",
	               "control characters");
	expect_refused("{\"assets\": [", "malformed JSON", NULL);
	expect_refused("{\"assets\":[{\"symbol\":\"stETH\",\"yield\":{\"fee\":1.5}}]}", "(stETH)",
	               "'fee': 1.5 is outside 0..1");
}

/* yield-kinds.md: Lido, Rocket Pool, cbETH, WBETH, weETH quote an APR;
 * JitoSOL, mSOL, ezETH, rsETH an APY. */
static void catalog_load__shipped__says_apr_or_apy_per_source(void **state)
{
	(void)state;
	char path[4096], err[512] = "";
	struct catalog c = { 0 };
	shipped_path(path, sizeof path);
	assert_int_equal(catalog_load(path, NULL, &c, err, sizeof err), 0);
	const char *apr[] = { "stETH", "rETH", "cbETH", "WBETH", "weETH", "eETH" };
	const char *apy[] = { "JitoSOL", "mSOL", "ezETH", "rsETH" };
	for (size_t i = 0; i < sizeof apr / sizeof *apr; i++)
		assert_int_equal(catalog_find(&c, apr[i])->yield.quoted, QUOTE_APR);
	for (size_t i = 0; i < sizeof apy / sizeof *apy; i++)
		assert_int_equal(catalog_find(&c, apy[i])->yield.quoted, QUOTE_APY);
	catalog_free(&c);
}

static void catalog_load__user_file__overrides_quoted(void **state)
{
	(void)state;
	char path[4096], err[512] = "";
	struct catalog c = { 0 };
	struct tmp t;
	shipped_path(path, sizeof path);
	write_tmp(&t, "{\"assets\":[{\"symbol\":\"rETH\",\"yield\":{\"quoted\":\"apy\"}},"
	              "{\"symbol\":\"JitoSOL\",\"yield\":{\"quoted\":\"apr\"}}]}");
	int rc = catalog_load(path, t.path, &c, err, sizeof err);
	rm_tmp(&t);
	assert_int_equal(rc, 0);
	assert_int_equal(catalog_find(&c, "rETH")->yield.quoted, QUOTE_APY);
	assert_int_equal(catalog_find(&c, "JitoSOL")->yield.quoted, QUOTE_APR);
	/* the rest of the yield block stays as shipped */
	assert_float_equal(catalog_find(&c, "JitoSOL")->yield.fee, 0.04, 1e-12);
	catalog_free(&c);
	expect_refused("{\"assets\":[{\"symbol\":\"rETH\",\"yield\":{\"quoted\":\"apz\"}}]}",
	               "(rETH)", "'quoted': unknown value 'apz' (one of: apr apy)");
	expect_refused("{\"assets\":[{\"symbol\":\"rETH\",\"yield\":{\"quoted\":1}}]}",
	               "(rETH)", "'quoted'");
}

static void catalog_load__loop__refused(void **state)
{
	(void)state;
	expect_refused("{\"assets\":[{\"symbol\":\"A1\",\"chain\":\"ethereum\",\"kind\":\"liquid\","
	               "\"model\":\"reward-bearing\",\"underlying\":\"B1\"},"
	               "{\"symbol\":\"B1\",\"chain\":\"ethereum\",\"kind\":\"liquid\","
	               "\"model\":\"reward-bearing\",\"underlying\":\"A1\"}]}",
	               "loops", NULL);
}

static const struct asset *must(const struct catalog *c, const char *sym)
{
	const struct asset *a = catalog_find(c, sym);
	if (!a)
		fail_msg("%s is not in the shipped catalog", sym);
	return a;
}

/* Each token added for issue 17 with the call, contract, owners and path of
 * CATALOG-2.md §2, §4 and §5, and marked verified. */
static void catalog_load__shipped__issue17_tokens_match_catalog2(void **state)
{
	(void)state;
	char path[4096], err[512] = "";
	struct catalog c = { 0 };
	shipped_path(path, sizeof path);
	assert_int_equal(catalog_load(path, NULL, &c, err, sizeof err), 0);
	static const struct {
		const char *sym, *address, *selector, *arg;
		bool invert;
	} evm[] = {
		{ "sfrxETH", "0xac3E018457B222d93114458476f3E3416Abbe38F", "0x99530b06", "", false },
		{ "osETH", "0x2A261e60FB14586B474C208b1B7AC6D0f5000306", "0x07a2d13a",
		  "1000000000000000000", false },
		{ "ETHx", "0xcf5EA1b38380f6aF39068375516Daf40Ed70D299", "0xe6aa216c", "", false },
		{ "mETH", "0xe3cBd06D7dadB3F4e6557bAb7EdD924CD1489E8f", "0x5890c11c",
		  "1000000000000000000", false },
		{ "LsETH", "0x8c1BEd5b9a0928467c9B1341Da1D7BD5e10b6549", "0xf79c3f02",
		  "1000000000000000000", false },
		{ "ankrETH", "0xE95A203B1a91a908F9B9CE46459d101078c2c3cb", "0x71ca337d", "", true },
		{ "swETH", "0xf951E335afb289353dc249e82926178EaC7DEd78", "0xd68b2cb6", "", false },
		{ "rswETH", "0xFAe103DC9cf190eD75350761e95403b7b8aFa6c0", "0xa7b9544e", "", false },
		{ "pufETH", "0xD9A442856C234a39a81a089C06451EBAa4306a72", "0x07a2d13a",
		  "1000000000000000000", false },
	};
	for (size_t i = 0; i < sizeof evm / sizeof *evm; i++) {
		const struct asset *a = must(&c, evm[i].sym);
		assert_int_equal(a->rate.type, RATE_EVM_CALL);
		assert_string_equal(a->rate.address, evm[i].address);
		assert_string_equal(a->rate.selector, evm[i].selector);
		assert_string_equal(a->rate.arg, evm[i].arg);
		assert_int_equal(a->rate.invert, evm[i].invert);
		assert_int_equal(a->rate.scale_decimals, 18);
		assert_true(a->rate.verified);
		assert_int_equal(a->decimals, 18);
	}
	/* sfrxETH is valued through frxETH: a two-step chain to ETH */
	assert_string_equal(must(&c, "sfrxETH")->underlying, "frxETH");
	assert_string_equal(must(&c, "frxETH")->underlying, "ETH");
	assert_int_equal(must(&c, "frxETH")->rate.type, RATE_ONE);
	static const struct {
		const char *sym, *pool, *owner, *mint;
	} spl[] = {
		{ "bSOL", "stk9ApL5HeVAwPLr3TLhDXdZS8ptVu7zp6ov8HFDuMi",
		  "SPoo1Ku8WFXoNDMHPsrGSTSG1Y47rzgn41SLUNakuHy", "bSo13r4TkiE4KumL71LsHTPpL2euBYLFx6h9HP3piy1" },
		{ "JupSOL", "8VpRhuxa7sUUepdY3kQiTmX9rS5vx4WgaXiAnXq4KCtr",
		  "SPMBzsVUuoHA4Jm6KunbsotaahvVikZs1JyTW6iJvbn", "jupSoLaHXQiZZTSfEWMTRRgpnyFm8f6sZdosWBjx93v" },
		{ "hSOL", "3wK2g8ZdzAH8FJ7PKr2RcvGh7V9VYson5hrVsJM5Lmws",
		  "SP12tWFxD9oJsVWNavTTBZvMbA6gkAmxtVgxdqvyvhY", "he1iusmfkpAdwvxLNGV8Y1iSbj4rUy6yMhEA3fotn9A" },
	};
	for (size_t i = 0; i < sizeof spl / sizeof *spl; i++) {
		const struct asset *a = must(&c, spl[i].sym);
		assert_int_equal(a->rate.type, RATE_SPL_STAKE_POOL);
		assert_string_equal(a->rate.address, spl[i].pool);
		assert_int_equal(a->rate.n_owners, 1);
		assert_string_equal(a->rate.owners[0], spl[i].owner);
		assert_string_equal(a->rate.mint, spl[i].mint);
		assert_int_equal(a->decimals, 9);
	}
	/* hSOL's CoinGecko id is UNVERIFIED: left out, priced by its mint */
	assert_string_equal(must(&c, "hSOL")->coingecko_id, "");
	assert_string_equal(must(&c, "hSOL")->llama_key,
	                    "solana:he1iusmfkpAdwvxLNGV8Y1iSbj4rUy6yMhEA3fotn9A");
	const struct asset *inf = must(&c, "INF");
	assert_int_equal(inf->rate.type, RATE_SANCTUM_INF);
	assert_string_equal(inf->rate.address, "AYhux5gJzCoeoc1PoJ1VxwPDe22RwcvpHviLDD1oCGvW");
	assert_string_equal(inf->rate.owners[0], "5ocnV1qiCgaQR8Jb8xWnVbApfaygJ8tNoZfgPwsgx9kx");
	assert_string_equal(inf->rate.mint, "5oVNBeEEQvYi1cX3ir8Dx5n1P7pdxydbGF2X4TxVusJm");
	assert_string_equal(inf->coingecko_id, "");
	const struct asset *st = must(&c, "stATOM");
	assert_int_equal(st->rate.type, RATE_REST_JSON);
	assert_string_equal(st->rate.rest_base, "stride");
	assert_string_equal(st->rate.path, "/Stride-Labs/stride/stakeibc/host_zone/cosmoshub-4");
	assert_string_equal(st->rate.json_path, "host_zone.redemption_rate");
	assert_string_equal(st->underlying, "ATOM");
	assert_int_equal(st->decimals, 6);
	/* apyBase kinds from yield-kinds.md */
	assert_int_equal(must(&c, "sfrxETH")->yield.quoted, QUOTE_APR);
	assert_int_equal(must(&c, "osETH")->yield.quoted, QUOTE_APR);
	assert_true(must(&c, "osETH")->yield.apr_feed_is_gross);
	assert_int_equal(must(&c, "bSOL")->yield.quoted, QUOTE_APY);
	assert_int_equal(must(&c, "INF")->yield.quoted, QUOTE_APY);
	assert_int_equal(must(&c, "rswETH")->yield.quoted, QUOTE_APR);
	/* DOMAIN.md marks JitoSOL's pool [verify] */
	assert_false(must(&c, "JitoSOL")->rate.verified);
	assert_true(must(&c, "wstETH")->rate.verified);
	catalog_free(&c);
}

static void catalog_load__user_file__new_rate_fields(void **state)
{
	(void)state;
	char path[4096], err[512] = "";
	struct catalog c = { 0 };
	struct tmp t;
	shipped_path(path, sizeof path);
	/* a user lists a fourth owner program for JupSOL, marks hSOL verified
	 * off, and adds a REST source */
	write_tmp(&t, "{\"assets\":[{\"symbol\":\"JupSOL\",\"rate\":{\"owners\":["
	              "\"SPoo1Ku8WFXoNDMHPsrGSTSG1Y47rzgn41SLUNakuHy\","
	              "\"SP12tWFxD9oJsVWNavTTBZvMbA6gkAmxtVgxdqvyvhY\"]}},"
	              "{\"symbol\":\"hSOL\",\"rate\":{\"verified\":false}},"
	              "{\"symbol\":\"stOSMO\",\"chain\":\"cosmos\",\"kind\":\"liquid\","
	              "\"model\":\"reward-bearing\",\"underlying\":\"ATOM\",\"rate\":{\"type\":"
	              "\"rest_json\",\"rest\":\"stride\",\"path\":\"/Stride-Labs/stride/stakeibc/"
	              "host_zone/osmosis-1\",\"json_path\":\"host_zone.redemption_rate\"}}]}");
	int rc = catalog_load(path, t.path, &c, err, sizeof err);
	rm_tmp(&t);
	assert_int_equal(rc, 0);
	const struct asset *j = catalog_find(&c, "JupSOL");
	assert_int_equal(j->rate.n_owners, 2);
	assert_string_equal(j->rate.owners[1], "SP12tWFxD9oJsVWNavTTBZvMbA6gkAmxtVgxdqvyvhY");
	assert_string_equal(j->rate.mint, "jupSoLaHXQiZZTSfEWMTRRgpnyFm8f6sZdosWBjx93v");
	assert_false(catalog_find(&c, "hSOL")->rate.verified);
	const struct asset *o = catalog_find(&c, "stOSMO");
	assert_int_equal(o->rate.type, RATE_REST_JSON);
	assert_false(o->rate.verified); /* a user's source is unverified unless they say */
	catalog_free(&c);
}

static void catalog_load__malformed__new_rate_fields_refused(void **state)
{
	(void)state;
	expect_refused("{\"assets\":[{\"symbol\":\"ankrETH\",\"rate\":{\"invert\":\"yes\"}}]}",
	               "(ankrETH)", "'invert': expected true or false");
	expect_refused("{\"assets\":[{\"symbol\":\"bSOL\",\"rate\":{\"owners\":\"SPoo1\"}}]}",
	               "(bSOL)", "rate.owners");
	expect_refused("{\"assets\":[{\"symbol\":\"bSOL\",\"rate\":{\"owners\":[\"0OIl\"]}}]}",
	               "(bSOL)", "base58");
	expect_refused("{\"assets\":[{\"symbol\":\"bSOL\",\"rate\":{\"owners\":[\"a\",\"b\",\"c\","
	               "\"d\",\"e\"]}}]}",
	               "(bSOL)", "more than 4");
	expect_refused("{\"assets\":[{\"symbol\":\"INF\",\"rate\":{\"mint\":\"\"}}]}", "(INF)",
	               "rate.mint");
	expect_refused("{\"assets\":[{\"symbol\":\"stATOM\",\"rate\":{\"rest\":\"osmosis\"}}]}",
	               "(stATOM)", "'rest': unknown value 'osmosis'");
	expect_refused("{\"assets\":[{\"symbol\":\"stATOM\",\"rate\":{\"path\":\"/a/../../etc\"}}]}",
	               "(stATOM)", "rate.path");
	expect_refused("{\"assets\":[{\"symbol\":\"stATOM\",\"rate\":{\"path\":\"/a?b=1\"}}]}",
	               "(stATOM)", "rate.path");
	expect_refused("{\"assets\":[{\"symbol\":\"stATOM\",\"rate\":{\"json_path\":\"a..b\"}}]}",
	               "(stATOM)", "rate.json_path");
	expect_refused("{\"assets\":[{\"symbol\":\"stATOM\",\"rate\":{\"json_path\":\"a\\u001b\"}}]}",
	               "(stATOM)", "control characters");
	expect_refused("{\"assets\":[{\"symbol\":\"mETH\",\"yield\":{\"quoted\":\"apx\"}}]}",
	               "(mETH)", "'quoted': unknown value 'apx' (one of: apr apy)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(catalog_load__shipped__has_every_required_asset),
		cmocka_unit_test(catalog_load__shipped__rate_sources_match_domain),
		cmocka_unit_test(catalog_load__user_file__overrides_one_field),
		cmocka_unit_test(catalog_load__malformed__names_file_entry_field),
		cmocka_unit_test(catalog_load__loop__refused),
		cmocka_unit_test(catalog_load__shipped__says_apr_or_apy_per_source),
		cmocka_unit_test(catalog_load__user_file__overrides_quoted),
		cmocka_unit_test(catalog_load__shipped__issue17_tokens_match_catalog2),
		cmocka_unit_test(catalog_load__user_file__new_rate_fields),
		cmocka_unit_test(catalog_load__malformed__new_rate_fields_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
