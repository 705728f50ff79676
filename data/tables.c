/* tables.c — the exported tables and their columns. */
#include "data/tables.h"

#include <string.h>

static const struct col positions_cols[] = {
	{ "id", COL_INT, true }, { "account", COL_TEXT, true }, { "asset", COL_TEXT, true },
	{ "quantity", COL_DEC, true }, { "shares", COL_DEC, false }, { "idle", COL_INT, true },
	{ "origin", COL_TEXT, true }, { "address", COL_TEXT, false }, { "read_at", COL_INT, false },
	{ "opened", COL_TEXT, false }, { "cost_basis", COL_DEC, false }, { "note", COL_TEXT, false },
	{ "created_at", COL_INT, true }, { "updated_at", COL_INT, true },
};
static const struct col events_cols[] = {
	{ "id", COL_INT, true }, { "position_id", COL_INT, true }, { "type", COL_TEXT, true },
	{ "amount", COL_DEC_SIGNED, false }, { "ts", COL_INT, true }, { "note", COL_TEXT, false },
	{ "unbonding_id", COL_INT, false }, { "removed_at", COL_INT, false },
	{ "removed_note", COL_TEXT, false }, { "price", COL_DEC, false },
};
static const struct col unbondings_cols[] = {
	{ "id", COL_INT, true }, { "position_id", COL_INT, true }, { "amount", COL_DEC, true },
	{ "requested_at", COL_INT, true }, { "available_at", COL_INT, false },
	{ "earliest_at", COL_INT, false }, { "latest_at", COL_INT, false },
	{ "rule", COL_TEXT, false }, { "status", COL_TEXT, true }, { "claimed_at", COL_INT, false },
};
static const struct col observations_cols[] = {
	{ "id", COL_INT, true }, { "asset", COL_TEXT, true }, { "kind", COL_TEXT, true },
	{ "source", COL_TEXT, true }, { "ts", COL_INT, true }, { "value", COL_REAL, true },
	{ "fetched_at", COL_INT, true },
};
static const struct col snapshots_cols[] = {
	{ "ts", COL_INT, true }, { "position_id", COL_INT, true }, { "quantity", COL_DEC, false },
	{ "nav", COL_REAL, false }, { "market_value", COL_REAL, false },
	{ "premium_bps", COL_REAL, false }, { "apy", COL_REAL, false },
};

#define N(a) (sizeof a / sizeof a[0])

/* Import order: what is referred to comes first. */
const struct table io_tables[] = {
	{ "positions",
	  "SELECT p.id, a.name, p.asset, p.quantity, p.shares, p.idle, p.origin, p.address,"
	  " p.read_at, p.opened, p.cost_basis, p.note, p.created_at, p.updated_at"
	  " FROM positions p JOIN accounts a ON a.id = p.account_id ORDER BY p.id",
	  "INSERT INTO positions(id, account_id, asset, quantity, shares, idle, origin, address,"
	  " read_at, opened, cost_basis, note, created_at, updated_at) VALUES(?1,"
	  " (SELECT id FROM accounts WHERE name = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
	  " ?13, ?14)",
	  positions_cols, N(positions_cols) },
	{ "unbondings",
	  "SELECT id, position_id, amount, requested_at, available_at, earliest_at, latest_at,"
	  " rule, status, claimed_at FROM unbondings ORDER BY id",
	  "INSERT INTO unbondings(id, position_id, amount, requested_at, available_at,"
	  " earliest_at, latest_at, rule, status, claimed_at)"
	  " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	  unbondings_cols, N(unbondings_cols) },
	{ "events",
	  "SELECT id, position_id, type, amount, ts, note, unbonding_id, removed_at, removed_note,"
	  " price FROM events ORDER BY id",
	  "INSERT INTO events(id, position_id, type, amount, ts, note, unbonding_id, removed_at,"
	  " removed_note, price) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	  events_cols, N(events_cols) },
	{ "observations",
	  "SELECT id, asset, kind, source, ts, value, fetched_at FROM observations ORDER BY id",
	  "INSERT INTO observations(id, asset, kind, source, ts, value, fetched_at)"
	  " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	  observations_cols, N(observations_cols) },
	{ "snapshots",
	  "SELECT ts, position_id, quantity, nav, market_value, premium_bps, apy FROM snapshots"
	  " ORDER BY position_id, ts",
	  "INSERT INTO snapshots(ts, position_id, quantity, nav, market_value, premium_bps, apy)"
	  " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	  snapshots_cols, N(snapshots_cols) },
};
const size_t io_n_tables = N(io_tables);

const struct table *io_table(const char *name)
{
	for (size_t i = 0; name && i < io_n_tables; i++)
		if (strcmp(io_tables[i].name, name) == 0)
			return &io_tables[i];
	return NULL;
}
