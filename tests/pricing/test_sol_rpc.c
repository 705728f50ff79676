/* test_sol_rpc.c — pricing/sol_rpc.c: the getAccountInfo/getEpochInfo
 * batch, strict base64, the SPL stake pool and Marinade layouts. The
 * account data is built here byte by byte and base64-encoded. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
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
	/* the exact reply is kept: the pool's two integers, msol_price over 2^32 */
	assert_string_equal(o->exact, "6636671656500264/6182849530219135");
	assert_string_equal(find(&r, "mSOL")->exact, "5002122002/4294967296");
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

/* --- issue 17: Sanctum's program copies, the pool mint, Infinity --------- */

#define SP12 "SP12tWFxD9oJsVWNavTTBZvMbA6gkAmxtVgxdqvyvhY"
#define SPMB "SPMBzsVUuoHA4Jm6KunbsotaahvVikZs1JyTW6iJvbn"
#define INF_PROGRAM "5ocnV1qiCgaQR8Jb8xWnVbApfaygJ8tNoZfgPwsgx9kx"
#define BSOL_MINT "bSo13r4TkiE4KumL71LsHTPpL2euBYLFx6h9HP3piy1"
#define JUPSOL_MINT "jupSoLaHXQiZZTSfEWMTRRgpnyFm8f6sZdosWBjx93v"
#define INF_MINT "5oVNBeEEQvYi1cX3ir8Dx5n1P7pdxydbGF2X4TxVusJm"
#define INF_STATE "AYhux5gJzCoeoc1PoJ1VxwPDe22RwcvpHviLDD1oCGvW"
/* base58 decoded by an independent implementation (Python big integers) */
static const uint8_t BSOL_MINT_BYTES[32] = {
	0x08, 0xd2, 0xe9, 0x70, 0xf9, 0x3c, 0x7b, 0x3d, 0x50, 0x19, 0x1e, 0x61, 0x1a, 0xcd, 0x93, 0xaa,
	0x80, 0xa5, 0x46, 0xb4, 0x5e, 0xc9, 0x65, 0xe1, 0x8b, 0x05, 0x87, 0x15, 0x56, 0x99, 0xc8, 0xac};
static const uint8_t INF_MINT_BYTES[32] = {
	0x47, 0x57, 0x89, 0x9f, 0xb8, 0xbe, 0xdb, 0xa2, 0x87, 0x78, 0xaa, 0xcd, 0x67, 0xe5, 0x68, 0xe7,
	0x34, 0x70, 0xcc, 0xe9, 0x0b, 0xcd, 0x53, 0x2b, 0x6c, 0xb6, 0x18, 0x29, 0x76, 0x28, 0x82, 0x4e};

enum { S_BSOL, S_JUPSOL, S_HSOL, S_INF, S_N };
static struct asset sk[S_N];

static void owners(struct asset *a, const char *const *list, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		snprintf(a->rate.owners[i], ADDR_MAX, "%s", list[i]);
	a->rate.n_owners = n;
}

static struct catalog sol_tokens(void)
{
	static const char *const spl[] = { FX_SPL_PROGRAM }, *const sanctum[] = { SP12 },
	                         *const all3[] = { FX_SPL_PROGRAM, SP12, SPMB },
	                         *const inf[] = { INF_PROGRAM };
	fx_asset(&sk[S_BSOL], "bSOL", "solana", "SOL", "", "", "");
	sk[S_BSOL].rate.type = RATE_SPL_STAKE_POOL;
	snprintf(sk[S_BSOL].rate.address, ADDR_MAX, "stk9ApL5HeVAwPLr3TLhDXdZS8ptVu7zp6ov8HFDuMi");
	snprintf(sk[S_BSOL].rate.mint, ADDR_MAX, BSOL_MINT);
	owners(&sk[S_BSOL], spl, 1);
	fx_asset(&sk[S_JUPSOL], "JupSOL", "solana", "SOL", "", "", "");
	sk[S_JUPSOL].rate.type = RATE_SPL_STAKE_POOL;
	snprintf(sk[S_JUPSOL].rate.address, ADDR_MAX, "8VpRhuxa7sUUepdY3kQiTmX9rS5vx4WgaXiAnXq4KCtr");
	owners(&sk[S_JUPSOL], all3, 3);
	fx_asset(&sk[S_HSOL], "hSOL", "solana", "SOL", "", "", "");
	sk[S_HSOL].rate.type = RATE_SPL_STAKE_POOL;
	snprintf(sk[S_HSOL].rate.address, ADDR_MAX, "3wK2g8ZdzAH8FJ7PKr2RcvGh7V9VYson5hrVsJM5Lmws");
	owners(&sk[S_HSOL], sanctum, 1);
	fx_asset(&sk[S_INF], "INF", "solana", "SOL", "", "", "");
	sk[S_INF].rate.type = RATE_SANCTUM_INF;
	snprintf(sk[S_INF].rate.address, ADDR_MAX, INF_STATE);
	snprintf(sk[S_INF].rate.mint, ADDR_MAX, INF_MINT);
	owners(&sk[S_INF], inf, 1);
	return (struct catalog){ sk, S_N };
}

/* An SPL pool account (611 bytes) at epoch 539 with pool_mint = mint. */
static char *spl_with_mint(uint64_t total, uint64_t supply, const uint8_t mint[32])
{
	uint8_t d[SPL_LEN];
	for (size_t i = 0; i < sizeof d; i++)
		d[i] = (uint8_t)(i * 7 + 3);
	d[0] = 1;
	memcpy(d + 162, mint, 32);     /* pool_mint */
	put_u64(d + 258, total);
	put_u64(d + 266, supply);
	put_u64(d + 274, 539);
	return b64(d, sizeof d);
}

/* An Infinity PoolState of len bytes: version, total_sol_value,
 * lp_token_mint, and for v2 withheld and protocol-fee lamports. */
static char *inf_state(size_t len, uint8_t version, uint64_t total, uint64_t withheld,
                       uint64_t fee, const uint8_t mint[32])
{
	uint8_t d[256];
	assert_true(len <= sizeof d);
	for (size_t i = 0; i < sizeof d; i++)
		d[i] = (uint8_t)(i * 11 + 5);
	put_u64(d + 0, total);         /* total_sol_value */
	d[12] = version;
	memcpy(d + 144, mint, 32);     /* lp_token_mint */
	put_u64(d + 216, withheld);    /* v2: withheld_lamports */
	put_u64(d + 224, fee);         /* v2: protocol_fee_lamports */
	return b64(d, len);
}

static char *supply_item(char *buf, size_t n, int id, const char *amount, int decimals)
{
	snprintf(buf, n,
	         "{\"jsonrpc\":\"2.0\",\"id\":%d,\"result\":{\"context\":{\"slot\":232848000},"
	         "\"value\":{\"amount\":%s,\"decimals\":%d,\"uiAmount\":1.0,"
	         "\"uiAmountString\":\"1\"}}}",
	         id, amount, decimals);
	return buf;
}

/* Epoch 539, then the four accounts and the INF supply (id 1000004); each
 * piece NULL takes a default: bSOL 1.15, JupSOL (owned by SPMB…) 1.1, hSOL
 * (SP12…) 1.2, INF v2. */
static struct run parse_sol_tokens(const char *bsol_owner, char *bsol, const char *jup_owner,
                                   const char *hsol_owner, char *inf, const char *inf_owner,
                                   const char *supply)
{
	static const uint8_t zero[32];
	char *d[4] = {
		bsol ? bsol : spl_with_mint(1150000000000000ull, 1000000000000000ull, BSOL_MINT_BYTES),
		spl_with_mint(1100000000000000ull, 1000000000000000ull, zero),
		spl_with_mint(1200000000000000ull, 1000000000000000ull, zero),
		inf ? inf : inf_state(240, 2, 2500000000000000ull, 30000000000000ull, 20000000000000ull,
		                      INF_MINT_BYTES),
	};
	const char *own[4] = { bsol_owner ? bsol_owner : FX_SPL_PROGRAM, jup_owner ? jup_owner : SPMB,
		               hsol_owner ? hsol_owner : SP12, inf_owner ? inf_owner : INF_PROGRAM };
	size_t cap = 4096;
	char *items[4], sup[512], *doc = malloc(6 * cap);
	assert_non_null(doc);
	int off = snprintf(doc, 6 * cap, "[%s", EPOCH_539);
	for (int i = 0; i < 4; i++) {
		items[i] = malloc(cap);
		assert_non_null(items[i]);
		off += snprintf(doc + off, 6 * cap - (size_t)off, ",%s",
		                account_item(items[i], cap, i + 1, own[i], d[i]));
	}
	if (supply)
		snprintf(doc + off, 6 * cap - (size_t)off, ",%s]", supply);
	else
		snprintf(doc + off, 6 * cap - (size_t)off, ",%s]",
		         supply_item(sup, sizeof sup, SOL_RPC_SUPPLY_ID(S_INF), "\"1750000000000000\"", 9));
	struct run r;
	memset(&r, 0, sizeof r);
	struct catalog cat = sol_tokens();
	r.rc = sol_rpc_parse(doc, strlen(doc), &cat, "usd", NOW, &r.out, r.err, sizeof r.err);
	assert_true(fx_text_is_safe(r.err));
	for (int i = 0; i < 4; i++) {
		free(items[i]);
		free(d[i]);
	}
	free(doc);
	return r;
}

static double rate_of(const struct run *r, const char *sym)
{
	for (size_t i = 0; i < r->out.n; i++)
		if (strcmp(r->out.v[i].asset, sym) == 0)
			return r->out.v[i].value;
	return -1;
}

static void sol_base58_decode32__decodes__known_keys(void **state)
{
	(void)state;
	uint8_t b[32], zero[32] = {0};
	assert_int_equal(sol_base58_decode32("11111111111111111111111111111111", b), 0);
	assert_memory_equal(b, zero, 32);
	assert_int_equal(sol_base58_decode32(BSOL_MINT, b), 0);
	assert_memory_equal(b, BSOL_MINT_BYTES, 32);
	assert_int_equal(sol_base58_decode32(INF_MINT, b), 0);
	assert_memory_equal(b, INF_MINT_BYTES, 32);
	/* 0, O, I, l are not base58; 45 characters or a value above 2^256 */
	assert_int_equal(sol_base58_decode32("0oVNBeEEQvYi1cX3ir8Dx5n1P7pdxydbGF2X4TxVusJm", b), -1);
	assert_int_equal(sol_base58_decode32("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", b), -1);
	assert_int_equal(sol_base58_decode32("", b), -1);
}

static void sol_rpc_build_batch__asks__the_infinity_supply(void **state)
{
	(void)state;
	struct catalog cat = sol_tokens();
	char *body;
	size_t n;
	assert_int_equal(sol_rpc_build_batch(&cat, &body, &n), 0);
	assert_int_equal(n, 6); /* epoch, four accounts, one supply */
	assert_non_null(strstr(body, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"getAccountInfo\","
	                             "\"params\":[\"" INF_STATE "\",{\"encoding\":\"base64\"}]}"));
	assert_non_null(strstr(body, "{\"jsonrpc\":\"2.0\",\"id\":1000004,\"method\":"
	                             "\"getTokenSupply\",\"params\":[\"" INF_MINT "\"]}"));
	free(body);
}

static void sol_rpc_parse__takes__sanctum_pools_and_infinity(void **state)
{
	(void)state;
	/* bSOL 1150000000000000 / 1000000000000000 = 1.15; JupSOL under
	 * SPMB… (listed) 1.1; hSOL under SP12… 1.2; INF v2: (2500000000000000
	 * − 30000000000000 withheld − 20000000000000 fee) / 1750000000000000 =
	 * 2450000000000000 / 1750000000000000 = 1.4 */
	struct run r = parse_sol_tokens(NULL, NULL, NULL, NULL, NULL, NULL, NULL);
	assert_string_equal(r.err, "");
	assert_int_equal(r.rc, 4);
	assert_true(fabs(rate_of(&r, "bSOL") - 1.15) < 1e-15);
	assert_true(fabs(rate_of(&r, "JupSOL") - 1.1) < 1e-15);
	assert_true(fabs(rate_of(&r, "hSOL") - 1.2) < 1e-15);
	assert_true(fabs(rate_of(&r, "INF") - 1.4) < 1e-15);
	obs_list_free(&r.out);
	/* INF v1 (176 bytes): total_sol_value / supply, nothing subtracted:
	 * 1234567890123456 / 1100000000000000 = 1.122334445566778181… */
	char sup[512];
	r = parse_sol_tokens(NULL, NULL, NULL, NULL,
	                     inf_state(176, 1, 1234567890123456ull, 999, 999, INF_MINT_BYTES), NULL,
	                     supply_item(sup, sizeof sup, 1000004, "\"1100000000000000\"", 9));
	assert_string_equal(r.err, "");
	assert_true(fabs(rate_of(&r, "INF") - 1.12233444556677818181) < 1e-12);
	obs_list_free(&r.out);
}

static void sol_rpc_parse__rejects__unlisted_owner_and_wrong_mint(void **state)
{
	(void)state;
	/* hSOL's catalog lists only SP12…: the original program is refused too */
	struct run r = parse_sol_tokens(NULL, NULL, NULL, FX_SPL_PROGRAM, NULL, NULL, NULL);
	assert_int_equal(r.rc, 3);
	assert_string_equal(r.err, "hSOL: owner " FX_SPL_PROGRAM " is not a listed stake pool "
	                           "program");
	obs_list_free(&r.out);
	/* JupSOL lists three programs; a fourth is refused */
	r = parse_sol_tokens(NULL, NULL, "11111111111111111111111111111111", NULL, NULL, NULL, NULL);
	assert_int_equal(r.rc, 3);
	assert_string_equal(r.err, "JupSOL: owner 11111111111111111111111111111111 is not a listed "
	                           "stake pool program");
	obs_list_free(&r.out);
	/* INF's state owned by another program */
	r = parse_sol_tokens(NULL, NULL, NULL, NULL, NULL, SP12, NULL);
	assert_int_equal(r.rc, 3);
	assert_string_equal(r.err, "INF: owner " SP12 " is not the listed Infinity program");
	obs_list_free(&r.out);
	/* bSOL's pool names another mint (JupSOL's pool given as bSOL's) */
	static const uint8_t other[32] = {1, 2, 3};
	r = parse_sol_tokens(NULL, spl_with_mint(1150000000000000ull, 1000000000000000ull, other), NULL,
	                     NULL, NULL, NULL, NULL);
	assert_int_equal(r.rc, 3);
	assert_string_equal(r.err, "bSOL: pool_mint is not the catalog's mint " BSOL_MINT);
	obs_list_free(&r.out);
	r = parse_sol_tokens(NULL, NULL, NULL, NULL,
	                     inf_state(240, 2, 2500000000000000ull, 0, 0, BSOL_MINT_BYTES), NULL, NULL);
	assert_int_equal(r.rc, 3);
	assert_string_equal(r.err, "INF: lp_token_mint is not the catalog's mint " INF_MINT);
	obs_list_free(&r.out);
}

static void sol_rpc_parse__rejects__bad_infinity_answers(void **state)
{
	(void)state;
	static const struct {
		size_t len;
		uint8_t version;
		uint64_t total, withheld, fee;
		const char *supply; /* raw JSON amount, or NULL for the default */
		int decimals;
		const char *want;
	} c[] = {
		{ 100, 2, 1, 0, 0, NULL, 9, "INF pool state data too short (100 bytes, need 176)" },
		{ 176, 3, 1, 0, 0, NULL, 9, "INF: pool state version 3 is not 1 or 2" },
		{ 200, 2, 1, 0, 0, NULL, 9, "INF pool state v2 data too short (200 bytes, need 240)" },
		{ 240, 2, 100, 60, 50, NULL, 9,
		  "INF: withheld and protocol fee lamports exceed total_sol_value" },
		{ 240, 2, 100, 0, 0, "\"0\"", 9, "INF supply is zero" },
		{ 240, 2, 100, 0, 0, "\"1.5\"", 9,
		  "INF supply amount '1.5' is not a u64 in decimal digits" },
		{ 240, 2, 100, 0, 0, "\"18446744073709551616\"", 9,
		  "INF supply amount '18446744073709551616' is not a u64 in decimal digits" },
		{ 240, 2, 100, 0, 0, "1750000000000000", 9,
		  "expected string at result.value.amount (INF supply), got number" },
		{ 240, 2, 100, 0, 0, "\"1750000000000000\"", 6,
		  "INF supply decimals are not the catalog's 9" },
		{ 240, 2, 100, 0, 0, "\"\\u001b[2J\\u0007\"", 9,
		  "INF supply amount '?" "?' is not a u64 in decimal digits" }, /* CSI, BEL: one ? each */
	};
	for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
		char sup[512];
		supply_item(sup, sizeof sup, 1000004, c[i].supply ? c[i].supply : "\"1750000000000000\"",
		            c[i].decimals);
		struct run r = parse_sol_tokens(
		    NULL, NULL, NULL, NULL,
		    inf_state(c[i].len, c[i].version, c[i].total, c[i].withheld, c[i].fee, INF_MINT_BYTES),
		    NULL, sup);
		assert_int_equal(r.rc, 3);
		assert_string_equal(r.err, c[i].want);
		assert_true(rate_of(&r, "INF") < 0);
		obs_list_free(&r.out);
	}
	/* the supply answer missing from the batch, or an error for it */
	struct run r = parse_sol_tokens(NULL, NULL, NULL, NULL, NULL, NULL,
	                                "{\"jsonrpc\":\"2.0\",\"id\":99,\"result\":null}");
	assert_int_equal(r.rc, 3);
	assert_string_equal(r.err, "answer [5] has an unknown id and 1 more");
	obs_list_free(&r.out);
	r = parse_sol_tokens(NULL, NULL, NULL, NULL, NULL, NULL,
	                     "{\"jsonrpc\":\"2.0\",\"id\":1000004,\"error\":{\"code\":-32602,"
	                     "\"message\":\"Invalid param: not a Token mint\"}}");
	assert_int_equal(r.rc, 3);
	assert_string_equal(r.err, "JSON-RPC error -32602 'Invalid param: not a Token mint' for the "
	                           "INF supply");
	obs_list_free(&r.out);
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
		cmocka_unit_test(sol_base58_decode32__decodes__known_keys),
		cmocka_unit_test(sol_rpc_build_batch__asks__the_infinity_supply),
		cmocka_unit_test(sol_rpc_parse__takes__sanctum_pools_and_infinity),
		cmocka_unit_test(sol_rpc_parse__rejects__unlisted_owner_and_wrong_mint),
		cmocka_unit_test(sol_rpc_parse__rejects__bad_infinity_answers),
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
