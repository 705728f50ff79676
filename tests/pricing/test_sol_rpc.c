/* test_sol_rpc.c — pricing/sol_rpc.c: the getAccountInfo/getEpochInfo
 * batch, strict base64, the SPL stake pool and Marinade layouts. The
 * account data is built here byte by byte and base64-encoded. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pricing/feed.h"
#include "pricing/sol_rpc.h"
#include "tests/pricing/fixture_catalog.h"

#define NOW 1763900100
/* From DOMAIN.md's mainnet dumps (Jito pool at epoch 539; Marinade). */
#define JITO_TOTAL 6636671656500264ull
#define JITO_SUPPLY 6182849530219135ull
#define JITO_EPOCH 539
#define MSOL_PRICE 5002122002ull
#define SPL_LEN 611
#define MARINADE_LEN 2616

static struct asset fx[FIXTURE_N];

/* --- building answers ---------------------------------------------------- */

static void put_u64(uint8_t *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static char *b64(const uint8_t *d, size_t n)
{
	static const char t[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char *s = malloc((n + 2) / 3 * 4 + 1), *w = s;
	assert_non_null(s);
	for (size_t i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)d[i] << 16 | (i + 1 < n ? (uint32_t)d[i + 1] << 8 : 0) |
		             (i + 2 < n ? d[i + 2] : 0);
		*w++ = t[v >> 18 & 63];
		*w++ = t[v >> 12 & 63];
		*w++ = i + 1 < n ? t[v >> 6 & 63] : '=';
		*w++ = i + 2 < n ? t[v & 63] : '=';
	}
	*w = '\0';
	return s;
}

/* A Jito-like SPL stake pool account of len bytes (len >= 282 for the
 * fields), base64. */
static char *spl_account(size_t len, uint8_t type, uint64_t total, uint64_t supply,
                         uint64_t epoch)
{
	uint8_t d[SPL_LEN];
	assert_true(len <= sizeof d);
	for (size_t i = 0; i < sizeof d; i++)
		d[i] = (uint8_t)(i * 7 + 3); /* keys and the rest: any bytes */
	d[0] = type;                   /* account_type: 1 = StakePool */
	put_u64(d + 258, total);       /* total_lamports */
	put_u64(d + 266, supply);      /* pool_token_supply */
	put_u64(d + 274, epoch);       /* last_update_epoch */
	return b64(d, len);
}

/* Marinade's State account (2616 bytes), base64. */
static char *marinade_account(size_t len, uint64_t price, bool good_discriminator)
{
	static uint8_t d[MARINADE_LEN];
	assert_true(len <= sizeof d);
	for (size_t i = 0; i < sizeof d; i++)
		d[i] = (uint8_t)(i * 13 + 1);
	const uint8_t disc[8] = {0xd8, 0x92, 0x6b, 0x5e, 0x68, 0x4b, 0xb6, 0xb1};
	memcpy(d, disc, 8);
	if (!good_discriminator)
		d[7] ^= 1;
	put_u64(d + 504, 5000000000000000ull); /* msol_supply */
	put_u64(d + 512, price);               /* msol_price, SOL per mSOL × 2^32 */
	return b64(d, len);
}

static char *account_item(char *buf, size_t n, int id, const char *owner, const char *data)
{
	snprintf(buf, n,
	         "{\"jsonrpc\":\"2.0\",\"id\":%d,\"result\":{\"context\":{\"apiVersion\":\"2.0.15\","
	         "\"slot\":232848000},\"value\":{\"data\":[\"%s\",\"base64\"],\"executable\":false,"
	         "\"lamports\":5000000,\"owner\":\"%s\",\"rentEpoch\":18446744073709551615,"
	         "\"space\":611}}}",
	         id, data, owner);
	return buf;
}

static const char EPOCH_539[] =
	"{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":{\"absoluteSlot\":232848000,\"blockHeight\":"
	"212000000,\"epoch\":539,\"slotIndex\":216000,\"slotsInEpoch\":432000,"
	"\"transactionCount\":null}}";

struct run {
	int rc;
	struct obs_list out;
	char err[256];
};

/* When set, the catalog's JitoSOL owner for the next parse. */
static const char *catalog_jito_owner;

static struct run parse(const char *body)
{
	struct run r;
	memset(&r, 0, sizeof r);
	struct catalog cat = fixture_catalog(fx);
	if (catalog_jito_owner)
		snprintf(fx[FX_JITOSOL].rate.owners[0], ADDR_MAX, "%s", catalog_jito_owner);
	r.rc = sol_rpc_parse(body, strlen(body), &cat, "usd", NOW, &r.out, r.err, sizeof r.err);
	assert_true(fx_text_is_safe(r.err));
	if (r.rc < 0)
		assert_int_equal(r.out.n, 0);
	return r;
}

/* [epoch, JitoSOL item, mSOL item] with the given pieces (NULL: default). */
static struct run parse_batch(const char *epoch, const char *jito_owner, char *jito_data,
                              const char *msol_owner, char *msol_data)
{
	char *jd = jito_data ? jito_data : spl_account(SPL_LEN, 1, JITO_TOTAL, JITO_SUPPLY, JITO_EPOCH);
	char *md = msol_data ? msol_data : marinade_account(MARINADE_LEN, MSOL_PRICE, true);
	size_t cap = strlen(jd) + strlen(md) + 2048;
	char *a = malloc(cap), *b = malloc(cap), *doc = malloc(3 * cap);
	assert_true(a && b && doc);
	snprintf(doc, 3 * cap, "[%s,%s,%s]", epoch ? epoch : EPOCH_539,
	         account_item(a, cap, 5, jito_owner ? jito_owner : FX_SPL_PROGRAM, jd),
	         account_item(b, cap, 6, msol_owner ? msol_owner : FX_MARINADE_PROGRAM, md));
	struct run r = parse(doc);
	free(jd);
	free(md);
	free(a);
	free(b);
	free(doc);
	return r;
}

static const struct observation *find(const struct run *r, const char *sym)
{
	for (size_t i = 0; i < r->out.n; i++)
		if (strcmp(r->out.v[i].asset, sym) == 0)
			return &r->out.v[i];
	return NULL;
}

/* --- tests ---------------------------------------------------------------- */

static void sol_rpc_build_batch__asks__epoch_and_accounts(void **state)
{
	(void)state;
	struct catalog cat = fixture_catalog(fx);
	char *body;
	size_t n;
	assert_int_equal(sol_rpc_build_batch(&cat, &body, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(body,
	    "[{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"getEpochInfo\"},"
	    "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"getAccountInfo\",\"params\":[\"" FX_JITO_POOL
	    "\",{\"encoding\":\"base64\"}]},"
	    "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"getAccountInfo\",\"params\":[\"" FX_MARINADE_STATE
	    "\",{\"encoding\":\"base64\"}]}]");
	free(body);
	/* an address that is not base58 is left out (and reported by the parser) */
	snprintf(fx[FX_MSOL].rate.address, ADDR_MAX, "8szGkuLTAux9XMgZ2vtY39jVSowEcpBfFfD8hXSEqd\"}");
	assert_int_equal(sol_rpc_build_batch(&cat, &body, &n), 0);
	assert_int_equal(n, 2);
	free(body);
	body = sol_rpc_build_epoch();
	assert_string_equal(body, "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"getEpochInfo\"}");
	free(body);
}

static void sol_base64_decode__takes__rfc4648_vectors(void **state)
{
	(void)state;
	const char *in[] = {"", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy", "+/+/"};
	const char *want[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar", "\xfb\xff\xbf"};
	for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
		uint8_t out[16];
		size_t n;
		assert_int_equal(sol_base64_decode(in[i], strlen(in[i]), out, sizeof out, &n), 0);
		assert_int_equal(n, strlen(want[i]));
		assert_memory_equal(out, want[i], n);
	}
	/* cap: only the first 2 bytes are written, the full length is told */
	uint8_t out[2];
	size_t n;
	assert_int_equal(sol_base64_decode("Zm9vYmFy", 8, out, 2, &n), 0);
	assert_int_equal(n, 6);
	assert_memory_equal(out, "fo", 2);
}

static void sol_base64_decode__rejects__bad_input(void **state)
{
	(void)state;
	const char *bad[] = {"Zg=",  "Zg=a", "Z===", "Zh==", "Zm9=", "Zm9v\n", "Zm-v",
	                     "=Zm9", "Zm9v====", "Zg==Zg==", "Zm9 ", "Zm9\x80"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		uint8_t out[16];
		size_t n;
		assert_int_equal(sol_base64_decode(bad[i], strlen(bad[i]), out, sizeof out, &n), -1);
	}
}

static void sol_rpc_parse__takes__real_shape(void **state)
{
	(void)state;
	struct run r = parse_batch(NULL, NULL, NULL, NULL, NULL);
	assert_int_equal(r.rc, 2);
	assert_string_equal(r.err, "");
	const struct observation *o = find(&r, "JitoSOL");
	assert_int_equal(o->kind, OBS_RATE);
	assert_string_equal(o->source, "sol_rpc");
	assert_int_equal(o->ts, NOW);
	/* 6636671656500264 / 6182849530219135 = 1.07340015700900… */
	assert_true(o->value > 1.0734001570 && o->value < 1.0734001571);
	/* 5002122002 / 2^32 = 5002122002 / 4294967296 = 1.16464728536084… */
	assert_true(find(&r, "mSOL")->value == 5002122002.0 / 4294967296.0);
	assert_true(find(&r, "mSOL")->value > 1.16464 && find(&r, "mSOL")->value < 1.16465);
	obs_list_free(&r.out);
}

static void sol_rpc_parse__notes__rate_from_an_older_epoch(void **state)
{
	(void)state;
	char ep[256];
	snprintf(ep, sizeof ep, "{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":{\"absoluteSlot\":233280000,"
	                        "\"epoch\":540,\"slotIndex\":10,\"slotsInEpoch\":432000}}");
	struct run r = parse_batch(ep, NULL, NULL, NULL, NULL);
	assert_int_equal(r.rc, 2); /* still taken */
	assert_string_equal(r.err, "JitoSOL rate is from epoch 539 (now 540)");
	obs_list_free(&r.out);
	/* no epoch at all: taken, and said */
	r = parse_batch("{\"jsonrpc\":\"2.0\",\"id\":0,\"error\":{\"code\":-32603,\"message\":"
	                "\"Internal error\"}}", NULL, NULL, NULL, NULL);
	assert_int_equal(r.rc, 2);
	assert_string_equal(r.err, "no epoch info: JSON-RPC error -32603 'Internal error'");
	obs_list_free(&r.out);
}

static void sol_rpc_parse__rejects__data_too_short(void **state)
{
	(void)state;
	struct run r = parse_batch(NULL, NULL, spl_account(40, 1, 0, 0, 0), NULL,
	                           marinade_account(516, MSOL_PRICE, true));
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.err, "JitoSOL pool account data too short (40 bytes, need 282) and 1 more");
	r = parse_batch(NULL, NULL, NULL, NULL, marinade_account(516, MSOL_PRICE, true));
	assert_string_equal(r.err, "mSOL state account data too short (516 bytes, need 520)");
	obs_list_free(&r.out);
}

static void sol_rpc_parse__rejects__wrong_owner(void **state)
{
	(void)state;
	/* a Sanctum fork has the same layout, but the catalog names SPoo1… */
	struct run r = parse_batch(NULL, "SP12tWFxD9oJsVWNavTTBZvMbA6gkAmxtVgxdqvyvhY", NULL,
	                           "11111111111111111111111111111111", NULL);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.err, "JitoSOL: owner SP12tWFxD9oJsVWNavTTBZvMbA6gkAmxtVgxdqvyvhY is "
	                           "not a listed stake pool program and 1 more");
	/* the owner the catalog names is what counts: a user may point JitoSOL
	 * at the fork's program */
	catalog_jito_owner = "SP12tWFxD9oJsVWNavTTBZvMbA6gkAmxtVgxdqvyvhY";
	r = parse_batch(NULL, "SP12tWFxD9oJsVWNavTTBZvMbA6gkAmxtVgxdqvyvhY", NULL, NULL, NULL);
	catalog_jito_owner = NULL;
	assert_int_equal(r.rc, 2);
	assert_string_equal(r.err, "");
	obs_list_free(&r.out);
}

static void sol_rpc_parse__rejects__bad_base64(void **state)
{
	(void)state;
	char *bad = spl_account(SPL_LEN, 1, JITO_TOTAL, JITO_SUPPLY, JITO_EPOCH);
	bad[100] = '-'; /* base64url, not base64 */
	char *cut = marinade_account(MARINADE_LEN, MSOL_PRICE, true);
	cut[strlen(cut) - 1] = '\0'; /* not a multiple of 4 */
	struct run r = parse_batch(NULL, NULL, bad, NULL, cut);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.err, "JitoSOL: account data is not valid base64 and 1 more");
}

static void sol_rpc_parse__reports__no_such_account(void **state)
{
	(void)state;
	char doc[2048];
	snprintf(doc, sizeof doc, "[%s,{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{\"context\":"
	                          "{\"slot\":232848000},\"value\":null}}]", EPOCH_539);
	struct run r = parse(doc);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.err, "no such account " FX_JITO_POOL " (JitoSOL) and 1 more");
}

static void sol_rpc_parse__rejects__bad_pool_fields(void **state)
{
	(void)state;
	struct run r = parse_batch(NULL, NULL, spl_account(SPL_LEN, 1, JITO_TOTAL, 0, JITO_EPOCH),
	                           NULL, marinade_account(MARINADE_LEN, 0, true));
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.err, "JitoSOL pool token supply is zero and 1 more");
	r = parse_batch(NULL, NULL, spl_account(SPL_LEN, 1, 0, JITO_SUPPLY, JITO_EPOCH), NULL,
	                marinade_account(MARINADE_LEN, MSOL_PRICE, false));
	assert_string_equal(r.err, "rate for JitoSOL is zero or negative (0) and 1 more");
	r = parse_batch(NULL, NULL, spl_account(SPL_LEN, 2, JITO_TOTAL, JITO_SUPPLY, JITO_EPOCH),
	                NULL, marinade_account(MARINADE_LEN, MSOL_PRICE, false));
	assert_string_equal(r.err, "JitoSOL: account type 2 is not a stake pool and 1 more");
	r = parse_batch(NULL, NULL, NULL, NULL, marinade_account(MARINADE_LEN, MSOL_PRICE, false));
	assert_string_equal(r.err, "mSOL: discriminator is not Marinade's State");
	obs_list_free(&r.out);
	/* an absurd ratio: 2^63 lamports per token is past the rate cap */
	r = parse_batch(NULL, NULL, spl_account(SPL_LEN, 1, 9223372036854775808ull, 1, JITO_EPOCH),
	                NULL, NULL);
	assert_int_equal(r.rc, 1);
	assert_string_equal(r.err, "rate for JitoSOL out of range (9.22337e+18)");
	obs_list_free(&r.out);
}

static void sol_rpc_parse__rejects__whole_batch_error(void **state)
{
	(void)state;
	struct run r = parse("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":"
	                     "\"Invalid request\"},\"id\":null}");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "JSON-RPC error -32600 'Invalid request'");
	/* an error for one item is a problem only */
	char doc[1024];
	snprintf(doc, sizeof doc, "[%s,{\"jsonrpc\":\"2.0\",\"id\":6,\"error\":{\"code\":429,"
	                          "\"message\":\"Too many requests for a specific RPC call\"}}]",
	         EPOCH_539);
	r = parse(doc);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.err, "JSON-RPC error 429 'Too many requests for a specific RPC call' "
	                           "for mSOL and 1 more");
}

static void sol_rpc_parse__rejects__malformed_and_truncated(void **state)
{
	(void)state;
	struct run r = parse("[{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":{\"epoch\":539,}}]");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "malformed JSON at byte 47");
	r = parse("[{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":{\"epoch\":53");
	assert_string_equal(r.err, "truncated JSON (ends after 45 bytes)");
}

static void sol_rpc_parse__rejects__wrong_shape(void **state)
{
	(void)state;
	struct run r = parse("\"ok\"");
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err, "expected array at the top level, got string");
	char doc[1024];
	snprintf(doc, sizeof doc, "[%s,{\"id\":5,\"result\":{\"value\":{\"owner\":\"" FX_SPL_PROGRAM
	                          "\",\"data\":\"AQID\"}}},{\"id\":6,\"result\":{\"value\":{\"owner\":\""
	                          FX_MARINADE_PROGRAM "\",\"data\":[\"AQID\",\"base58\"]}}},{\"id\":77},[]]",
	         EPOCH_539);
	r = parse(doc);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.err, "expected [\"<data>\",\"base64\"] at [1].result.value.data "
	                           "(JitoSOL) and 3 more");
	r = parse("[]");
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.err, "no epoch info: no answer with id 0 and 2 more");
}

static void sol_rpc_parse__sanitizes__escapes_in_error_message(void **state)
{
	(void)state;
	struct run r = parse("{\"id\":null,\"error\":{\"code\":-32005,\"message\":\"\\u001b[2J\\u001b[H"
	                     "node is behind\\r\\n\xe2\x80\xae\xed\xa0\x80\"}}");
	assert_int_equal(r.rc, -1);
	assert_null(strchr(r.err, 0x1b));
	/* two CSIs, CR, LF, the RTL override, the 3 bytes of a surrogate */
	assert_string_equal(r.err, "JSON-RPC error -32005 '?" "?node is behind?" "?" "?" "???\'");
}

/* --- sol_rpc_parse_epoch ------------------------------------------------ */

static void sol_rpc_parse_epoch__reads__batch_and_single(void **state)
{
	(void)state;
	struct sol_epoch e;
	char err[128];
	char doc[1024];
	snprintf(doc, sizeof doc, "[{\"id\":5,\"result\":null},%s]", EPOCH_539);
	assert_int_equal(sol_rpc_parse_epoch(doc, strlen(doc), &e, err, sizeof err), 0);
	assert_string_equal(err, "");
	assert_int_equal(e.absolute_slot, 232848000);
	assert_int_equal(e.epoch, 539);
	assert_int_equal(e.slot_index, 216000);
	assert_int_equal(e.slots_in_epoch, 432000);
	memset(&e, 0, sizeof e);
	assert_int_equal(sol_rpc_parse_epoch(EPOCH_539, strlen(EPOCH_539), &e, err, sizeof err), 0);
	assert_int_equal(e.epoch, 539);
}

static void sol_rpc_parse_epoch__rejects__bad_fields(void **state)
{
	(void)state;
	struct sol_epoch e;
	char err[128];
	const char *cases[][2] = {
		{"{\"id\":0,\"result\":{\"absoluteSlot\":1,\"epoch\":\"NaN\",\"slotIndex\":1,\"slotsInEpoch\":2}}",
		 "getEpochInfo epoch is not an integer (string)"},
		{"{\"id\":0,\"result\":{\"absoluteSlot\":1,\"epoch\":-1,\"slotIndex\":1,\"slotsInEpoch\":2}}",
		 "getEpochInfo epoch is not an integer (number)"},
		{"{\"id\":0,\"result\":{\"absoluteSlot\":1,\"epoch\":1e999,\"slotIndex\":1,\"slotsInEpoch\":2}}",
		 "getEpochInfo epoch is not an integer (number)"},
		{"{\"id\":0,\"result\":{\"absoluteSlot\":1.5,\"epoch\":1,\"slotIndex\":1,\"slotsInEpoch\":2}}",
		 "getEpochInfo absoluteSlot is not an integer (number)"},
		{"{\"id\":0,\"result\":{\"absoluteSlot\":1,\"epoch\":1,\"slotsInEpoch\":2}}",
		 "getEpochInfo slotIndex is not an integer (nothing)"},
		{"{\"id\":0,\"result\":{\"absoluteSlot\":1,\"epoch\":1,\"slotIndex\":5,\"slotsInEpoch\":5}}",
		 "getEpochInfo slotIndex 5 is not below slotsInEpoch 5"},
		{"{\"id\":0,\"result\":null}", "expected object at getEpochInfo result, got null"},
		{"{\"id\":0,\"error\":{\"code\":-32601,\"message\":\"Method not found\"}}",
		 "JSON-RPC error -32601 'Method not found'"},
		{"[{\"id\":1,\"result\":{}}]", "no getEpochInfo answer (id 0)"},
		{"{\"id\":0,\"result\":{\"epoch\":1", "truncated JSON (ends after 27 bytes)"},
		{"17", "expected array or object at the top level, got number"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		assert_int_equal(sol_rpc_parse_epoch(cases[i][0], strlen(cases[i][0]), &e, err, sizeof err),
		                 -1);
		assert_string_equal(err, cases[i][1]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sol_rpc_build_batch__asks__epoch_and_accounts),
		cmocka_unit_test(sol_base64_decode__takes__rfc4648_vectors),
		cmocka_unit_test(sol_base64_decode__rejects__bad_input),
		cmocka_unit_test(sol_rpc_parse__takes__real_shape),
		cmocka_unit_test(sol_rpc_parse__notes__rate_from_an_older_epoch),
		cmocka_unit_test(sol_rpc_parse__rejects__data_too_short),
		cmocka_unit_test(sol_rpc_parse__rejects__wrong_owner),
		cmocka_unit_test(sol_rpc_parse__rejects__bad_base64),
		cmocka_unit_test(sol_rpc_parse__reports__no_such_account),
		cmocka_unit_test(sol_rpc_parse__rejects__bad_pool_fields),
		cmocka_unit_test(sol_rpc_parse__rejects__whole_batch_error),
		cmocka_unit_test(sol_rpc_parse__rejects__malformed_and_truncated),
		cmocka_unit_test(sol_rpc_parse__rejects__wrong_shape),
		cmocka_unit_test(sol_rpc_parse__sanitizes__escapes_in_error_message),
		cmocka_unit_test(sol_rpc_parse_epoch__reads__batch_and_single),
		cmocka_unit_test(sol_rpc_parse_epoch__rejects__bad_fields),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
