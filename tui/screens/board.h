/* board.h — the positions board as a row model: one row per position,
 * cells already formatted with a colour role each, in the order and
 * selection the user chose (sort column, filter, search, grouping by kind
 * with subtotals). board_compute builds the rows from the app's valued
 * positions; board_draw only reads them. */
#ifndef STAKETOP_BOARD_H
#define STAKETOP_BOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "positions/unbonding.h"
#include "tui/app/app.h"
#include "tui/term/layout.h"

enum board_col {
	COL_ID,
	COL_KIND,
	COL_ASSET,
	COL_ACCOUNT,
	COL_QTY,
	COL_UQTY,
	COL_NAV,
	COL_MARKET,
	COL_PREM,
	COL_APY,
	COL_Y30,
	COL_AGE,
	COL_UNBOND,
	COL_COST,       /* P&L columns: shown only when show_pnl */
	COL_PNL,
	COL_PNL_PCT,
	COL_REALIZED,   /* what the position's sales realized (positions/realized.h) */
	COL_COUNT
};

#define CELL_MAX 48
#define BOARD_TEXT_MAX 256

/* A row of the board: what sorting and filtering need, computed for every
 * position; its cells are formatted only when it comes into view
 * (board_prepare), so a keystroke never formats a thousand rows. */
struct board_row {
	bool group;                 /* a subtotal row (not selectable) */
	bool formatted;             /* cells[] of this row are ready */
	size_t idx;                 /* position rows: index into app rows */
	int64_t id;                 /* position id (0 for group rows) */
	bool stale;
	int next_change;            /* seconds until a cell's text changes; 0 never */
	bool has_key;               /* the sort key */
	long double key;
	const char *skey;
	int group_key;
	int64_t age;                /* oldest input, aged to now; -1 none */
	bool manual;                /* a manual price or rate is in force */
};

struct board_cells {
	char cell[COL_COUNT][CELL_MAX];
	unsigned char role[COL_COUNT];
};

struct board {
	struct board_row *rows;
	struct board_cells *cells;  /* cells[i] belongs to rows[i] */
	size_t n, cap;
	/* what the rows were computed from (borrowed until the next compute) */
	const struct app *app;
	const struct unbonding *unb;
	size_t n_unb;
	int64_t now;
	size_t cursor;              /* a position row, or NO_ROW when none */
	size_t top;                 /* first row drawn */
	enum board_col sort_col;
	bool sort_desc;
	bool grouped;
	bool show_pnl;              /* the cost, P&L and P&L % columns */
	char filter[BOARD_TEXT_MAX];
	char search[BOARD_TEXT_MAX];
	int64_t selected_id;        /* kept across recomputes */
	size_t n_shown, n_total;    /* positions after the filter / in all */
	/* columns that fit the width (layout): */
	enum board_col vis[COL_COUNT];
	int col_x[COL_COUNT];       /* -1: not shown */
	int col_w[COL_COUNT];
	size_t n_vis;
	int width;
};

void board_init(struct board *b);
void board_free(struct board *b);

/* Rebuild every row from a's valued positions and the pending unbondings
 * u[0..nu), as of now (display clock). Keeps the selected position. 0, or
 * -1 when out of memory (the previous rows stay). */
int board_compute(struct board *b, const struct app *a, const struct unbonding *u, size_t nu,
                  int64_t now);

/* Format the cells of the rows in view (top .. top + rows). */
void board_prepare(struct board *b, int rows);

/* Choose the columns that fit width (by priority) and their x. */
void board_columns(struct board *b, int width);

/* Cursor moves over position rows; page is the number of rows shown. */
void board_move(struct board *b, long delta);
void board_home(struct board *b);
void board_end(struct board *b);
/* Keep the cursor inside a view of `rows` lines (1 title + rows). */
void board_scroll(struct board *b, int rows);
/* Select row i when it is a position row; the row of position id. */
void board_select(struct board *b, size_t i);
void board_select_id(struct board *b, int64_t id);
/* Index into the app rows of the selected position, or NO_ROW. */
size_t board_selected(const struct board *b);

/* Sort: the next / previous column, or column c; invert the order. The
 * caller recomputes. */
void board_sort_step(struct board *b, int dir);
void board_sort_by(struct board *b, enum board_col c);
const char *board_col_title(enum board_col c);
/* A shorter title, for beside the sort arrow when the full one leaves no room. */
const char *board_col_brief(enum board_col c);
int board_col_width(const struct board *b, enum board_col c);
bool board_col_right(enum board_col c);

/* Search rows from the cursor (dir +1 / -1, include the cursor row when
 * from_cursor) for text in the asset, its name, account, kind, chain or
 * note; moves the cursor there. true when found. */
bool board_search(struct board *b, const struct app *a, const char *text, int dir,
                  bool from_cursor);
/* board_find.c, which calls nothing of board.c: the row board_search
 * moves to, or NO_ROW; does app row i match the filter text? */
size_t board_find(const struct board *b, const struct app *a, const char *text, int dir,
                  bool from_cursor);
bool board_filter_match(const struct app *a, size_t i, const char *filter);

/* Draw the titles and the rows that fit r. Reads b only. */
void board_draw(const struct board *b, const struct rect *r);
/* Smallest next_change (seconds) of the rows visible in r; 0 when none. */
int board_next_change(const struct board *b, const struct rect *r);
/* Mouse: the row index under screen line y (NO_ROW if none), and the column
 * under x on the title line (-1 if none). */
size_t board_row_at(const struct board *b, const struct rect *r, int y);
int board_col_at(const struct board *b, int x);

#endif
