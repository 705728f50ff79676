/* chains.h — what the chain readers (pricing/chains/) give back: the
 * holdings of one watched address, exact to the base unit, and where the
 * read stands (block, slot or height). Shared helpers for exact integers
 * from JSON text. Pure: no I/O.
 *
 * Each reader has a request builder and a parser from response bytes to
 * items; the parser returns 0, or -1 with err (sanitized) when the answer
 * as a whole is unusable, and never zeroes anything on a failure: the
 * caller keeps the last quantities. */
#ifndef STAKETOP_CHAINS_H
#define STAKETOP_CHAINS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "positions/asset.h"
#include "positions/decimal.h"

#define CHAIN_KEY_MAX 160
#define CHAIN_DETAIL_MAX 96
#define U64_SENTINEL UINT64_MAX /* FAR_FUTURE_EPOCH, deactivationEpoch: "not set" */

/* One position read from a chain. */
struct chain_item {
	char asset[SYM_MAX];          /* catalog symbol */
	char key[CHAIN_KEY_MAX];      /* what tells it apart within one watch:
	                                 "ETH", "stETH", "ATOM@cosmosvaloper1…",
	                                 "validator 42", "unbonding ATOM@… #3" */
	dec_t quantity;               /* in tokens (base units / 10^decimals) */
	bool idle;                    /* an unstaked coin held by a wallet */
	bool has_shares;              /* rebasing: protocol shares read too */
	dec_t shares;
	bool unbonding;               /* an amount leaving the stake whose key is
	                                 parent (a Cosmos unbonding entry, an
	                                 exiting validator's balance): paid out
	                                 at available_at */
	char parent[CHAIN_KEY_MAX];   /* unbonding: the key it leaves; that item
	                                 (when read) holds only what still earns */
	int64_t available_at;         /* unix s; 0 unknown */
	bool estimate;                /* available_at is an estimate */
	char detail[CHAIN_DETAIL_MAX];/* status, voter, validator: safe text */
	int tag;                      /* the reader's: which asked id it answers
	                                 (beacon: the index into ids), else 0 */
};

struct chain_items {
	struct chain_item *v;
	size_t n, cap;
};

int chain_items_push(struct chain_items *l, const struct chain_item *it);
void chain_items_free(struct chain_items *l);

/* Is s anything but printable ASCII without spaces (an address, an id)? */
bool chain_text_bad(const char *s);

/* A u64 from a JSON value that is a decimal string ("18446744073709551615")
 * or a bare number. A bare number above 2^53 cannot be told exactly from a
 * double: only the u64 sentinel (which rounds to 2^64) is taken, as
 * U64_SENTINEL; any other is refused. 0, or -1. */
int chain_json_u64(const cJSON *j, uint64_t *out);

/* Base units given as decimal digits (a string) into tokens with the
 * catalog's decimals. 0, or -1 (not digits, or too large). */
int chain_units(const char *digits, unsigned decimals, dec_t *out);

/* In a JSON-RPC batch answer: the member whose "id" is id, or NULL. */
const cJSON *chain_rpc_by_id(const cJSON *root, long id);
/* The same, or NULL with err ("missing: answer to WHAT", or the node's
 * error "... for WHAT") when it is absent or carries an error. */
const cJSON *chain_rpc_answer(const cJSON *root, long id, const char *what, char *err,
                              size_t errlen);
/* The value of one hex digit (either case), or -1. */
int chain_hexval(char c);
/* "0x…" hex (at most 64 digits, no leading zeros required) into tokens;
 * "0x" alone is -2 (an empty result: no contract code), other malformed
 * text -1. */
int chain_hex_units(const char *hex, unsigned decimals, dec_t *out);

/* An RFC 3339 UTC time with up to 9 fraction digits
 * ("2026-12-16T10:59:03.797335857Z") to unix seconds (the fraction
 * dropped). 0, or -1. */
int chain_time_rfc3339(const char *s, int64_t *out);

#endif
