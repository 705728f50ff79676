/* tables.c — the exported tables and their columns. */
#include "data/tables.h"

#include <string.h>

#include "data/plans_db.h"
#include "data/watches_db.h"
#include "positions/alerts.h"
#include "positions/position.h"

/* New columns go at the end of a list (tables.h). R required (NOT NULL),
 * O optional; RT/OT text of at most max bytes: what its reader takes (a
 * longer text would make the table unreadable), 0 the default. */
#define R(n, t) { n, t, true, 0, false }
#define O(n, t) { n, t, false, 0, false }
#define RT(n, max) { n, COL_TEXT, true, max, false }
#define OT(n, max) { n, COL_TEXT, false, max, false }

static const struct col positions_cols[] = {
	R("id", COL_INT), RT("account", ACCOUNT_MAX - 1), RT("asset", SYM_MAX - 1),
	R("quantity", COL_DEC), O("shares", COL_DEC), R("idle", COL_INT), RT("origin", 0),
	OT("address", ADDR_MAX - 1), O("read_at", COL_INT), OT("opened", 10),
	O("cost_basis", COL_DEC), OT("note", POS_NOTE_MAX - 1), R("created_at", COL_INT),
	R("updated_at", COL_INT), O("share_rate", COL_RATIO),
};
static const struct col events_cols[] = {
	R("id", COL_INT), R("position_id", COL_INT), RT("type", 0), O("amount", COL_DEC_SIGNED),
	R("ts", COL_INT), OT("note", 0), O("unbonding_id", COL_INT), O("removed_at", COL_INT),
	OT("removed_note", 0), O("price", COL_DEC),
};
static const struct col unbondings_cols[] = {
	R("id", COL_INT), R("position_id", COL_INT), R("amount", COL_DEC),
	R("requested_at", COL_INT), O("available_at", COL_INT), O("earliest_at", COL_INT),
	O("latest_at", COL_INT), OT("rule", 0), RT("status", 0), O("claimed_at", COL_INT),
};
static const struct col observations_cols[] = {
	R("id", COL_INT), RT("asset", 0), RT("kind", 0), RT("source", 0), R("ts", COL_INT),
	R("value", COL_REAL), R("fetched_at", COL_INT), O("exact", COL_RATIO),
};
static const struct col snapshots_cols[] = {
	R("ts", COL_INT), R("position_id", COL_INT), O("quantity", COL_DEC), O("nav", COL_REAL),
	O("market_value", COL_REAL), O("premium_bps", COL_REAL), O("apy", COL_REAL),
};
static const struct col loans_cols[] = {
	R("id", COL_INT), RT("account", 0), RT("collateral", 0), R("collateral_amount", COL_DEC),
	RT("debt", 0), R("debt_amount", COL_DEC), R("liq_threshold", COL_REAL), OT("note", 0),
	R("created_at", COL_INT),
};
/* watches_db.h: a watch's chain, normalized address and label (at most
 * what `watch add` takes: the label names its positions' account; "" is
 * a label, kept); the rest is what its last read said */
static const struct col watches_cols[] = {
	R("id", COL_INT), RT("chain", 15), RT("address", WATCH_ADDR_MAX - 1),
	{ "label", COL_TEXT, true, ACCOUNT_MAX - 1, true }, R("created_at", COL_INT),
	O("read_at", COL_INT), OT("read_height", 0), O("last_ok_at", COL_INT),
	OT("last_error", 0), O("blocked_until", COL_INT),
};
/* which position (and, for an amount leaving a stake, which unbonding of
 * it) holds each thing a watch reads */
static const struct col watch_items_cols[] = {
	R("watch_id", COL_INT), RT("key", sizeof ((struct watch_item *)0)->key - 1),
	R("position_id", COL_INT), O("unbonding_id", COL_INT),
};
/* plans_db.h: the last three are JSON documents */
static const struct col plans_cols[] = {
	R("id", COL_INT), RT("name", PLAN_NAME_MAX), R("created_at", COL_INT), RT("targets", 0),
	{ "settings", COL_JSON, true, 16u << 20, false }, { "inputs", COL_JSON, true, 16u << 20, false },
	{ "result", COL_JSON, true, 16u << 20, false },
};
/* alerts that fired (alerts_db.h); the rules are the config file's */
/* manual prices kept fresh by `price set --pin` (meta "manual_pin:SYM" =
 * "1"): the prices are observations; the pin rides beside them */
static const struct col manual_pins_cols[] = { RT("asset", SYM_MAX - 1) };
static const struct col alerts_cols[] = {
	R("id", COL_INT), RT("kind", 15), RT("key", ALERT_KEY_MAX - 1),
	RT("message", ALERT_MSG_MAX - 1), R("fired_at", COL_INT), O("seen_at", COL_INT),
	O("ended_at", COL_INT),
};

#define N(a) (sizeof a / sizeof a[0])

/* Import order: what is referred to comes first. */
const struct table io_tables[] = {
	{ "positions",
	  "SELECT p.id, a.name, p.asset, p.quantity, p.shares, p.idle, p.origin, p.address,"
	  " p.read_at, p.opened, p.cost_basis, p.note, p.created_at, p.updated_at, p.share_rate"
	  " FROM positions p JOIN accounts a ON a.id = p.account_id ORDER BY p.id",
	  "INSERT INTO positions(id, account_id, asset, quantity, shares, idle, origin, address,"
	  " read_at, opened, cost_basis, note, created_at, updated_at, share_rate) VALUES(?1,"
	  " (SELECT id FROM accounts WHERE name = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
	  " ?13, ?14, ?15)",
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
	  "SELECT id, asset, kind, source, ts, value, fetched_at, exact FROM observations"
	  " ORDER BY id",
	  "INSERT INTO observations(id, asset, kind, source, ts, value, fetched_at, exact)"
	  " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	  observations_cols, N(observations_cols) },
	{ "snapshots",
	  "SELECT ts, position_id, quantity, nav, market_value, premium_bps, apy FROM snapshots"
	  " ORDER BY position_id, ts",
	  "INSERT INTO snapshots(ts, position_id, quantity, nav, market_value, premium_bps, apy)"
	  " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	  snapshots_cols, N(snapshots_cols) },
	{ "loans",
	  "SELECT id, account, collateral, collateral_amount, debt, debt_amount, liq_threshold,"
	  " note, created_at FROM loans ORDER BY id",
	  "INSERT INTO loans(id, account, collateral, collateral_amount, debt, debt_amount,"
	  " liq_threshold, note, created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	  loans_cols, N(loans_cols) },
	{ "watches",
	  "SELECT id, chain, address, label, created_at, read_at, read_height, last_ok_at,"
	  " last_error, blocked_until FROM watches ORDER BY id",
	  "INSERT INTO watches(id, chain, address, label, created_at, read_at, read_height,"
	  " last_ok_at, last_error, blocked_until)"
	  " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	  watches_cols, N(watches_cols) },
	/* after watches, positions and unbondings, which it names. An item
	 * whose watch, position or unbonding is gone (removed since; there are
	 * no foreign keys) points at nothing and is left out: a read makes
	 * what it named again, as without it. */
	{ "watch_items",
	  "SELECT i.watch_id, i.key, i.position_id, i.unbonding_id FROM watch_items i"
	  " WHERE EXISTS(SELECT 1 FROM watches w WHERE w.id = i.watch_id)"
	  " AND EXISTS(SELECT 1 FROM positions p WHERE p.id = i.position_id)"
	  " AND (i.unbonding_id IS NULL OR EXISTS(SELECT 1 FROM unbondings u"
	  " WHERE u.id = i.unbonding_id)) ORDER BY i.watch_id, i.key",
	  "INSERT INTO watch_items(watch_id, key, position_id, unbonding_id)"
	  " VALUES(?1, ?2, ?3, ?4)",
	  watch_items_cols, N(watch_items_cols) },
	{ "plans",
	  "SELECT id, name, created_at, targets, settings, inputs, result FROM plans ORDER BY id",
	  "INSERT INTO plans(id, name, created_at, targets, settings, inputs, result)"
	  " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	  plans_cols, N(plans_cols) },
	{ "alerts",
	  "SELECT id, kind, key, message, fired_at, seen_at, ended_at FROM alerts ORDER BY id",
	  "INSERT INTO alerts(id, kind, key, message, fired_at, seen_at, ended_at)"
	  " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	  alerts_cols, N(alerts_cols) },
	{ "manual_pins",
	  "SELECT substr(key, 12) FROM meta WHERE key LIKE 'manual_pin:%' AND value = '1'"
	  " ORDER BY key",
	  "INSERT OR REPLACE INTO meta(key, value) VALUES('manual_pin:' || ?1, '1')",
	  manual_pins_cols, N(manual_pins_cols) },
};
const size_t io_n_tables = N(io_tables);

_Static_assert(N(positions_cols) <= IO_MAX_COLS && N(events_cols) <= IO_MAX_COLS &&
               N(unbondings_cols) <= IO_MAX_COLS && N(observations_cols) <= IO_MAX_COLS &&
               N(snapshots_cols) <= IO_MAX_COLS && N(loans_cols) <= IO_MAX_COLS &&
               N(watches_cols) <= IO_MAX_COLS && N(watch_items_cols) <= IO_MAX_COLS &&
               N(plans_cols) <= IO_MAX_COLS && N(alerts_cols) <= IO_MAX_COLS,
               "IO_MAX_COLS holds every table's columns");

const struct table *io_table(const char *name)
{
	for (size_t i = 0; name && i < io_n_tables; i++)
		if (strcmp(io_tables[i].name, name) == 0)
			return &io_tables[i];
	return NULL;
}
