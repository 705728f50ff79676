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

static void catalog_load__loop__refused(void **state)
{
	(void)state;
	expect_refused("{\"assets\":[{\"symbol\":\"A1\",\"chain\":\"ethereum\",\"kind\":\"liquid\","
	               "\"model\":\"reward-bearing\",\"underlying\":\"B1\"},"
	               "{\"symbol\":\"B1\",\"chain\":\"ethereum\",\"kind\":\"liquid\","
	               "\"model\":\"reward-bearing\",\"underlying\":\"A1\"}]}",
	               "loops", NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(catalog_load__shipped__has_every_required_asset),
		cmocka_unit_test(catalog_load__shipped__rate_sources_match_domain),
		cmocka_unit_test(catalog_load__user_file__overrides_one_field),
		cmocka_unit_test(catalog_load__malformed__names_file_entry_field),
		cmocka_unit_test(catalog_load__loop__refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
