/* cosmos.h — a Cosmos Hub address through the REST API (cosmos_rest_url):
 * delegations valued by balance.amount (not shares), unbonding entries
 * valued by their balance (below initial_balance after a slash) with the
 * exact completion_time, pending rewards (18-place decimals, truncated to
 * whole uatom), the bank balance's liquid uatom as one idle item (key
 * "ATOM", 0 when the address holds none; other denoms skipped), every page
 * followed. Asset: the catalog's native asset of chain "cosmos" (ATOM,
 * decimals from the catalog). Pure. */
#ifndef STAKETOP_CHAINS_COSMOS_H
#define STAKETOP_CHAINS_COSMOS_H

#include "pricing/chains/chains.h"

/* COSMOS_BALANCES: GET /cosmos/bank/v1beta1/balances/{address} */
enum cosmos_query { COSMOS_DELEGATIONS, COSMOS_UNBONDING, COSMOS_REWARDS, COSMOS_BALANCES };

/* The URL of one page (next_key NULL: the first), next_key
 * percent-encoded. Caller frees; NULL when out of memory. */
char *cosmos_build_url(const char *base, enum cosmos_query q, const char *address,
                       const char *next_key);

/* One page: items appended (asset and decimals from the catalog's native
 * cosmos asset, atom), *next_key the page after (caller frees; NULL on the
 * last page). A COSMOS_BALANCES page adds its uatom to the idle "ATOM"
 * item an earlier page of the same address left in out (the first page
 * makes it), so out holds one such item however many pages. On -1 out is
 * as it was. Messages: "delegation_responses missing", "balance.amount
 * 'x' is not an integer", "completion_time '…' is not RFC 3339",
 * "balances amount 'x' of uatom is not an integer", "balances denom '…' is
 * not plain text", "pagination.next_key '…' is not plain text". */
int cosmos_parse(enum cosmos_query q, const char *body, size_t len, const struct asset *atom,
                 struct chain_items *out, char **next_key, char *err, size_t errlen);

#endif
