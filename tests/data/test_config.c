/* Tests for data/config.c (libinih) and data/paths.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "data/config.h"
#include "data/paths.h"

static char tmpdir[64], tmpfile_[128];

static void write_cfg(const char *text)
{
	snprintf(tmpdir, sizeof tmpdir, "/tmp/staketop-cfg-XXXXXX");
	assert_non_null(mkdtemp(tmpdir));
	snprintf(tmpfile_, sizeof tmpfile_, "%s/config.ini", tmpdir);
	FILE *f = fopen(tmpfile_, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void cleanup(void)
{
	unlink(tmpfile_);
	rmdir(tmpdir);
}

static void config_load_file__named_missing__is_an_error(void **state)
{
	(void)state;
	struct config c;
	char err[256] = "";
	config_defaults(&c);
	assert_int_equal(config_load_file("/nonexistent/staketop/x.ini", true, &c, err, sizeof err),
	                 -1);
	assert_string_equal(err, "/nonexistent/staketop/x.ini: No such file or directory");
	assert_int_equal(config_load_file("/nonexistent/staketop/x.ini", false, &c, err,
	                                  sizeof err), 0);
	assert_false(c.loaded);
}

static void config_load__duplicate_key_and_unknown_currency__refused(void **state)
{
	(void)state;
	struct config c;
	char err[256] = "";
	char want[300];
	config_defaults(&c);
	write_cfg("[feeds]\nstale_seconds = 900\n\nstale_seconds = 60\n");
	int rc = config_load(tmpfile_, &c, err, sizeof err);
	snprintf(want, sizeof want, "%s:4: [feeds] stale_seconds: given twice (first on line 2)",
	         tmpfile_);
	cleanup();
	assert_int_equal(rc, -1);
	assert_string_equal(err, want);
	assert_int_equal(c.stale_seconds, 900); /* nothing taken */
	write_cfg("[display]\ncurrency = abc\n");
	rc = config_load(tmpfile_, &c, err, sizeof err);
	snprintf(want, sizeof want, "%s:2: [display] currency: unknown currency", tmpfile_);
	cleanup();
	assert_int_equal(rc, -1);
	assert_memory_equal(err, want, strlen(want));
	assert_string_equal(c.currency, "usd");
	assert_int_equal(c.refresh_deadline_seconds, 20); /* the default */
}

static void config_load__missing_file__defaults(void **state)
{
	(void)state;
	struct config c;
	char err[256] = "";
	config_defaults(&c);
	assert_int_equal(config_load("/nonexistent/staketop/config.ini", &c, err, sizeof err), 0);
	assert_false(c.loaded);
	assert_string_equal(c.coingecko_url, "https://api.coingecko.com/api/v3");
	assert_int_equal(c.refresh_seconds, 60);
	assert_int_equal(c.stale_seconds, 900);
	assert_string_equal(c.currency, "usd");
}

static void config_load__values__read_and_trailing_slash_dropped(void **state)
{
	(void)state;
	struct config c;
	char err[256] = "";
	write_cfg("; comment\n[feeds]\ncoingecko_url = http://127.0.0.1:8080/api/v3/\n"
	          "coingecko_api_key = CG-abc_123\nrefresh_seconds = 30\n"
	          "eth_rpc_url =\n[display]\ncurrency = EUR\n");
	config_defaults(&c);
	int rc = config_load(tmpfile_, &c, err, sizeof err);
	cleanup();
	assert_int_equal(rc, 0);
	assert_true(c.loaded);
	assert_string_equal(c.coingecko_url, "http://127.0.0.1:8080/api/v3");
	assert_string_equal(c.coingecko_api_key, "CG-abc_123");
	assert_int_equal(c.refresh_seconds, 30);
	assert_string_equal(c.eth_rpc_url, ""); /* empty turns the feed off */
	assert_string_equal(c.currency, "eur");
}

static void expect_bad(const char *text, const char *want)
{
	struct config c;
	char err[256] = "";
	write_cfg(text);
	config_defaults(&c);
	int rc = config_load(tmpfile_, &c, err, sizeof err);
	cleanup();
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, want));
	/* nothing half-loaded */
	assert_int_equal(c.refresh_seconds, 60);
	assert_string_equal(c.coingecko_url, "https://api.coingecko.com/api/v3");
}

static void config_load__bad_values__named_with_line(void **state)
{
	(void)state;
	expect_bad("[feeds]\n\nrefresh_seconds = 5\n", ":3: [feeds] refresh_seconds: expected a whole number 10..86400");
	expect_bad("[feeds]\ncoingecko_url = http://example.com/api\n", ":2: [feeds] coingecko_url: plain http is allowed only for loopback");
	expect_bad("[feeds]\ncoingecko_url = ftp://x\n", "must start with https://");
	expect_bad("[feeds]\nrefresh_second = 60\n", ":2: [feeds] refresh_second: unknown key");
	expect_bad("[feed]\nx = 1\n", "unknown section");
	expect_bad("[display]\ncurrency = u$d\n", "currency");
	expect_bad("[feeds]\nstale_seconds = 12abc\n", "stale_seconds");
	expect_bad("[history]\nsnapshot_interval_seconds = 59\n",
	           ":2: [history] snapshot_interval_seconds: expected a whole number 60..604800");
	expect_bad("[history]\nthin_after_days = 0\n", "thin_after_days: expected a whole number 1..36500");
	expect_bad("[history]\nthin_after_days = 9\x1b[2J\n", "thin_after_days");
	expect_bad("[history]\nrefresh_seconds = 60\n", ":2: [history] refresh_seconds: unknown key");
}

static void config_load__history__defaults_and_values(void **state)
{
	(void)state;
	struct config c;
	char err[256] = "";
	config_defaults(&c);
	assert_int_equal(c.snapshot_interval_seconds, 3600);
	assert_int_equal(c.thin_after_days, 90);
	assert_int_equal(c.yield_gap_bps, 50);
	write_cfg("[history]\nsnapshot_interval_seconds = 900\nthin_after_days = 30\n"
	          "yield_gap_bps = 25\n");
	int rc = config_load(tmpfile_, &c, err, sizeof err);
	cleanup();
	assert_int_equal(rc, 0);
	assert_int_equal(c.snapshot_interval_seconds, 900);
	assert_int_equal(c.thin_after_days, 30);
	assert_int_equal(c.yield_gap_bps, 25);
}

/* [plan]: defaults, values read, bad values named with their line. */
static void config_load__plan_section(void **state)
{
	(void)state;
	struct config c;
	char err[256] = "";
	config_defaults(&c);
	assert_true(c.swap_fee_pct == 0.3 && c.min_trade == 10 && c.concentration_pct == 33);
	write_cfg("[plan]\nswap_fee_pct = 0.05\nmin_trade = 250.5\nconcentration_pct = 40\n");
	int rc = config_load(tmpfile_, &c, err, sizeof err);
	cleanup();
	assert_int_equal(rc, 0);
	assert_true(c.swap_fee_pct == 0.05);
	assert_true(c.min_trade == 250.5);
	assert_true(c.concentration_pct == 40);
	expect_bad("[plan]\n\nswap_fee_pct = 11\n", ":3: [plan] swap_fee_pct: expected a percentage 0..10");
	expect_bad("[plan]\nswap_fee_pct = -1\n", "swap_fee_pct");
	expect_bad("[plan]\nmin_trade = 1e3\n", ":2: [plan] min_trade: expected an amount");
	expect_bad("[plan]\nmin_trade = .\n", "min_trade");
	expect_bad("[plan]\nconcentration_pct = 0.5\n", "concentration_pct: expected a percentage 1..100");
	expect_bad("[plan]\nconcentration_pct = 3.3.3\n", "concentration_pct");
	expect_bad("[plan]\nfee = 1\n", ":2: [plan] fee: unknown key");
}

static void config_load__stride_rest_url__checked_and_can_be_off(void **state)
{
	(void)state;
	struct config c;
	char err[256] = "";
	config_defaults(&c);
	/* the host DefiLlama's Stride adapter reads (CATALOG-2.md §5) */
	assert_string_equal(c.stride_rest_url, "https://stride-fleet.main.stridenet.co/api");
	write_cfg("[feeds]\nstride_rest_url = http://127.0.0.1:1317/\n");
	int rc = config_load(tmpfile_, &c, err, sizeof err);
	cleanup();
	assert_int_equal(rc, 0);
	assert_string_equal(c.stride_rest_url, "http://127.0.0.1:1317");
	write_cfg("[feeds]\nstride_rest_url =\n");
	config_defaults(&c);
	rc = config_load(tmpfile_, &c, err, sizeof err);
	cleanup();
	assert_int_equal(rc, 0);
	assert_string_equal(c.stride_rest_url, ""); /* empty turns stATOM's rate off */
	expect_bad("[feeds]\nstride_rest_url = http://stride.example/api\n",
	           ":2: [feeds] stride_rest_url: plain http is allowed only for loopback");
	expect_bad("[feeds]\n\nstride_rest_url = https://lcd\x1b[2J\n",
	           ":3: [feeds] stride_rest_url: contains spaces or control characters");
}

static void config_url_check__loopback_rules(void **state)
{
	(void)state;
	assert_null(config_url_check("https://api.coingecko.com/api/v3"));
	assert_null(config_url_check("http://127.0.0.1:9999"));
	assert_null(config_url_check("http://localhost/x"));
	assert_null(config_url_check("http://[::1]:80/"));
	assert_non_null(config_url_check("http://127.example.com/"));
	assert_non_null(config_url_check("http://localhost.evil.com/"));
	assert_non_null(config_url_check("https://a b"));
}

static void paths_resolve__flags_env_xdg(void **state)
{
	(void)state;
	struct paths p;
	char err[256] = "";
	setenv("STAKETOP_DATA_DIR", getenv("STAKETOP_DATA_DIR") ? getenv("STAKETOP_DATA_DIR") : "data", 1);
	setenv("XDG_DATA_HOME", "/x/data", 1);
	setenv("XDG_CONFIG_HOME", "/x/config", 1);
	unsetenv("STAKETOP_DB");
	unsetenv("STAKETOP_CONFIG");
	assert_int_equal(paths_resolve(NULL, NULL, false, &p, err, sizeof err), 0);
	assert_string_equal(p.db, "/x/data/staketop/staketop.db");
	assert_string_equal(p.config, "/x/config/staketop/config.ini");
	assert_string_equal(p.user_catalog, "/x/config/staketop/assets.json");
	assert_int_equal(paths_resolve(NULL, NULL, true, &p, err, sizeof err), 0);
	assert_string_equal(p.db, "/x/data/staketop/demo.db");
	setenv("STAKETOP_DB", "/env/db.sqlite", 1);
	setenv("STAKETOP_CONFIG", "/env/c.ini", 1);
	assert_int_equal(paths_resolve(NULL, NULL, false, &p, err, sizeof err), 0);
	assert_string_equal(p.db, "/env/db.sqlite");
	assert_string_equal(p.config, "/env/c.ini");
	/* --demo never opens the user's database from the environment */
	assert_int_equal(paths_resolve(NULL, NULL, true, &p, err, sizeof err), 0);
	assert_string_equal(p.db, "/x/data/staketop/demo.db");
	assert_int_equal(paths_resolve("/flag.db", "/flag.ini", false, &p, err, sizeof err), 0);
	assert_string_equal(p.db, "/flag.db");
	assert_string_equal(p.config, "/flag.ini");
	unsetenv("STAKETOP_DB");
	unsetenv("STAKETOP_CONFIG");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(config_load__missing_file__defaults),
		cmocka_unit_test(config_load_file__named_missing__is_an_error),
		cmocka_unit_test(config_load__duplicate_key_and_unknown_currency__refused),
		cmocka_unit_test(config_load__values__read_and_trailing_slash_dropped),
		cmocka_unit_test(config_load__history__defaults_and_values),
		cmocka_unit_test(config_load__bad_values__named_with_line),
		cmocka_unit_test(config_load__plan_section),
		cmocka_unit_test(config_url_check__loopback_rules),
		cmocka_unit_test(config_load__stride_rest_url__checked_and_can_be_off),
		cmocka_unit_test(paths_resolve__flags_env_xdg),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
