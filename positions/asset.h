/* asset.h — the asset catalog as data: what each token is, what it redeems
 * for, where its price, exchange rate and yield come from, and how it
 * unbonds. Filled by data/catalog_load.c from data/assets.json and the
 * user's catalog; this header has no I/O. */
#ifndef STAKETOP_ASSET_H
#define STAKETOP_ASSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SYM_MAX 24
#define NAME_MAX_ 64
#define CHAIN_MAX 16
#define ADDR_MAX 64
#define FEEDID_MAX 96
#define NOTE_MAX 160

enum asset_kind { ASSET_NATIVE, ASSET_LIQUID, ASSET_RESTAKED };

enum token_model {
	MODEL_NATIVE,          /* the chain's coin, staked natively: r = 1 */
	MODEL_REBASING,        /* stETH, eETH: r = 1, balance grows; held as shares */
	MODEL_REWARD_BEARING,  /* wstETH, rETH, JitoSOL: r grows */
	MODEL_RESTAKED_SHARES  /* EigenLayer strategy shares */
};

enum rate_source_type {
	RATE_NONE,             /* no protocol rate: NAV is null ("no rate source") */
	RATE_ONE,              /* native, rebasing: r = 1 by definition */
	RATE_EVM_CALL,         /* eth_call(address, selector [, uint256 arg]) / 10^scale */
	RATE_SPL_STAKE_POOL,   /* total_lamports / pool_token_supply of a stake pool account */
	RATE_MARINADE_STATE,   /* msol_price u64 at an offset, / 2^32 */
	RATE_SANCTUM_INF,      /* Sanctum Infinity: pool state SOL value / the LP mint's supply */
	RATE_REST_JSON         /* a decimal at a JSON path of a REST GET (Stride's host zone) */
};

enum unbond_rule_type {
	UNBOND_NONE,           /* no unbonding (nothing to wait for) */
	UNBOND_FIXED,          /* a fixed delay: Cosmos 21 d, Polkadot 28 d, EigenLayer escrow */
	UNBOND_EPOCH,          /* the end of the current epoch (Solana) */
	UNBOND_QUEUE,          /* a queue: an estimate within [min_s, max_s] */
	UNBOND_ETH_EXIT        /* Ethereum validator exit: queue + delays + sweep */
};

#define RATE_OWNERS_MAX 4
#define RATE_PATH_MAX 160
#define RATE_JSON_PATH_MAX 80
#define RATE_REST_BASE_MAX 16

struct rate_source {
	enum rate_source_type type;
	char address[ADDR_MAX];   /* contract (0x…) or account (base58); an EVM
	                             call may go to a contract other than the token */
	char call[48];            /* e.g. "stEthPerToken()", for display */
	char selector[12];        /* "0x035faf82" */
	char arg[80];             /* optional uint256 argument, decimal digits */
	unsigned scale_decimals;  /* the result is an integer scaled by 10^this */
	bool invert;              /* the call gives token per underlying (ankrETH
	                             ratio()): r = 1 / value */
	/* Solana: the programs accepted as the account's owner (Sanctum runs
	 * copies of the stake-pool program); none listed: not checked */
	char owners[RATE_OWNERS_MAX][ADDR_MAX];
	unsigned n_owners;
	char mint[ADDR_MAX];      /* Solana: the token mint the account must name
	                             (SPL pool_mint, INF lp_token_mint); "" not checked */
	unsigned offset;          /* Marinade: byte offset of msol_price */
	char rest_base[RATE_REST_BASE_MAX]; /* REST_JSON: the config base ("stride") */
	char path[RATE_PATH_MAX];           /* REST_JSON: path under that base */
	char json_path[RATE_JSON_PATH_MAX]; /* REST_JSON: "host_zone.redemption_rate" */
	bool verified;            /* the source was checked against the protocol's
	                             own code or docs (catalog "verified") */
};

struct unbond_rule {
	enum unbond_rule_type type;
	int64_t delay_s;          /* FIXED; for ETH_EXIT the withdrawability delay */
	int64_t min_s, max_s;     /* QUEUE: the typical range */
	int64_t typical_s;        /* QUEUE: the point estimate */
	uint32_t epoch_slots;     /* EPOCH: slots per epoch (432000) */
	double slot_seconds;      /* EPOCH: target slot time (0.4) */
	char source[NOTE_MAX];    /* the rule as a user reads it, with its origin */
	char estimate_api[16];    /* QUEUE: a live estimate to ask ("lido-wq"); "" none */
};

/* What an asset's yield feed states: a simple annual rate or a compounded
 * one (DefiLlama's apyBase is either, per pool: see yield-kinds.md). */
enum yield_quote { QUOTE_APR, QUOTE_APY };

struct yield_spec {
	enum yield_quote quoted;  /* the feed's figure is an APR or an APY */
	double apr_fallback;      /* fraction, used when no feed has an APR; <0 none */
	bool apr_feed_is_gross;   /* the feed quotes before the protocol fee */
	double fee;               /* fraction of rewards the protocol keeps */
	unsigned compounding;     /* periods a year; 1 = simple (native validator) */
	char base_apr_from[SYM_MAX]; /* take the base APR from this asset's feed */
	double restaking_apr;     /* stacked restaking rewards, fraction; 0 none */
	char restaking_source[NOTE_MAX];
};

struct asset {
	char symbol[SYM_MAX];
	char name[NAME_MAX_];
	char chain[CHAIN_MAX];    /* ethereum, solana, cosmos, polkadot */
	enum asset_kind kind;
	enum token_model model;
	char underlying[SYM_MAX]; /* next asset down the rate chain; "" for a base coin */
	char share_rate_from[SYM_MAX]; /* rebasing: asset whose rate is ETH per share */
	char protocol[NAME_MAX_]; /* lido, rocket-pool, … ("" for native) */
	unsigned decimals;
	char coingecko_id[FEEDID_MAX];
	char llama_key[FEEDID_MAX];   /* "coingecko:ethereum" or "ethereum:0x…" */
	char llama_pool[FEEDID_MAX];  /* DefiLlama yields pool id */
	char llama_match[FEEDID_MAX]; /* "Ethereum/lido/STETH" when there is no pool id */
	char market_from[SYM_MAX];    /* no market of its own: priced via this asset */
	char token[ADDR_MAX];         /* where a holder's balance is read: the ERC-20
	                                 contract (0x…) or the SPL mint (base58);
	                                 "" for a chain's coin and what is not a token */
	char delegation_manager[ADDR_MAX]; /* EigenLayer restaked shares: the
	                                 DelegationManager a holder's deposits and
	                                 queued withdrawals are read from ("" none);
	                                 token is then the strategy */
	char shares_selector[12];     /* rebasing: the call giving a holder's shares
	                                 ("0xf5eb42dc", stETH sharesOf); "" none */
	struct rate_source rate;
	struct yield_spec yield;
	struct unbond_rule unbond;
};

/* A catalog owns its array of assets. */
struct catalog {
	struct asset *assets;
	size_t n;
};

/* Case-insensitive lookup by symbol; NULL when absent. */
const struct asset *catalog_find(const struct catalog *c, const char *symbol);
/* Index of the asset in c->assets, or -1. */
int catalog_index(const struct catalog *c, const char *symbol);
void catalog_free(struct catalog *c);

const char *asset_kind_name(enum asset_kind k);       /* "native", … */
const char *rate_type_name(enum rate_source_type t);  /* "evm_call", … */
/* Where a's exchange rate comes from, for a person: "convertToAssets(1e18)
 * on 0x2A26…", "stake pool stk9… (owner SPoo1… or SP12…)", "GET
 * stride_rest_url/… -> host_zone.redemption_rate"; always NUL-terminated,
 * cut to n. Catalog text only (checked for control characters on load). */
void rate_source_describe(const struct asset *a, char *buf, size_t n);
/* Is there a protocol source whose facts can be verified (not one/none)? */
bool rate_source_checkable(const struct rate_source *r);
const char *token_model_name(enum token_model m);     /* "rebasing", … */
int asset_kind_parse(const char *s, enum asset_kind *out);
int token_model_parse(const char *s, enum token_model *out);

#endif
