/* app.h — the program's state, shared by the commands and the interface:
 * paths, config, catalog, the store, and the valued portfolio computed from
 * the store's current contents. app_open wires the modules together;
 * app_load recomputes the rows (drawing only reads them). */
#ifndef STAKETOP_APP_H
#define STAKETOP_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "data/config.h"
#include "data/paths.h"
#include "data/store.h"
#include "positions/asset.h"
#include "positions/market.h"
#include "positions/pnl.h"
#include "positions/position.h"
#include "positions/realized.h"
#include "positions/valuation.h"

/* Exit status of both faces: 0 success, 1 the work ran but part failed, 2
 * usage or invalid input. */
enum { EXIT_OK = 0, EXIT_PARTIAL = 1, EXIT_USAGE = 2 };

struct app_options {
	const char *db;          /* --db, or NULL */
	const char *config;      /* --config, or NULL */
	bool demo;               /* --demo: the demo database, seeded from data/ */
	bool offline;            /* --offline: never fetch */
	bool private_mode;       /* --private: hide amounts (interface and text output) */
};

struct app {
	struct paths paths;
	struct config cfg;
	struct catalog cat;
	struct store *store;
	bool demo, offline;
	/* the valued portfolio, as of `now` (owned; rebuilt by app_load) */
	int64_t now;
	struct market market;
	bool market_ready;
	struct position_list positions;
	struct valuation *rows;      /* rows[i] values positions.v[i] */
	struct totals totals;
	struct pnl *pnl;             /* pnl[i] for rows[i] (tui/app/pnl.h) */
	struct pnl_totals pnl_totals;
	struct realized *realized;   /* realized[i] for rows[i]: its sales */
	struct realized_totals realized_totals;
	int64_t snapshot_ts;         /* demo snapshot date, 0 if none */
	char warning[2][1024];       /* database, config others can read: "" or
	                                what to print on stderr before starting */
};

/* Resolve paths, read config and catalog, open (and for --demo seed) the
 * store. On error nothing stays open and err says what failed. */
int app_open(struct app *a, const struct app_options *o, char *err, size_t errlen);

/* Re-read positions and the latest observations and value every position
 * as of now, with each one's P&L (its lots from the event log). */
int app_load(struct app *a, int64_t now, char *err, size_t errlen);
/* The same without the P&L (every pnl row absent, "not computed"): what
 * recording snapshots and checking alerts after a refresh need. */
int app_value(struct app *a, int64_t now, char *err, size_t errlen);

void app_close(struct app *a);

/* The time of the newest observation stored (*ts 0 when none): how far
 * the data reaches, for the header when offline. 0, or -1 with err. */
int app_data_last(struct app *a, int64_t *ts, char *err, size_t errlen);

/* Is the clock fixed by STAKETOP_NOW (tests): a positive whole number of
 * unix seconds, put in *at (may be NULL)? The one place it is read. */
bool app_clock_fixed(int64_t *at);
/* Current time (unix s): STAKETOP_NOW when set (tests), else the clock. */
int64_t app_clock(void);

#endif
