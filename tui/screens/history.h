/* history.h — the history screen (history.c): the portfolio's NAV and
 * market value over a range as a chart with axes, labels and a cursor
 * whose date's figures are shown under it; the split of the range's change
 * in NAV (rewards, price, flows) with its arithmetic, per asset and in
 * total; each held token's realized yield beside its quote; a premium or
 * discount chart per liquid or restaked token; and the table of figures.
 * For the whole portfolio, one position or one asset.
 *
 * The figures are tui/app/history.h's, the ones `staketop history`
 * prints: the cursor on a month end reads what `history --every 1mo`
 * prints for it. history_view_compute reads the store (on open, a range or
 * scope change, a reload); history_view_fit rasterises the charts for the
 * body's size (and on a resize); drawing only reads the state.
 *
 * Ownership: the view owns everything in it (history_view_free). */
#ifndef STAKETOP_HISTORY_VIEW_H
#define STAKETOP_HISTORY_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tui/app/history.h"
#include "tui/screens/scene.h"
#include "tui/term/chart.h"
#include "tui/term/layout.h"

enum hv_range { HV_1W, HV_1M, HV_3M, HV_1Y, HV_ALL, HV_RANGES };
enum hv_scope { HV_PORTFOLIO, HV_POSITION, HV_ASSET };

/* One asset of the scope: its own rows' split, its premium over the range
 * (liquid and restaked tokens), its realized yield (when measurable). */
struct hv_asset {
	const struct asset *asset;
	bool premium;                   /* a liquid or restaked token */
	double *prem;                   /* [n_t] bps */
	bool *has;
	long double lo, hi;             /* of prem */
	struct chart chart;
	struct hist_fig nav0, nav1;     /* NAV at the first and last date */
	long double rewards, price, flows;
	bool measurable;
	struct app_yield y[APP_YIELD_WINDOWS];
};

enum hv_line_kind { HL_TEXT, HL_PREM, HL_TABLE_HEAD, HL_TABLE };
/* A line of the part under the chart (scrolled with Up/Down). */
struct hv_line {
	enum hv_line_kind kind;
	size_t ref;                     /* HL_PREM: the asset; HL_TABLE: the row */
	int row;                        /* HL_PREM: the chart's row */
	char text[400];                 /* HL_TEXT, HL_PREM's label line */
	unsigned char role;
};

#define HV_PREM_ROWS 3

struct history_view {
	enum hv_range range;
	enum hv_scope scope;
	int64_t position_id;            /* the position of HV_POSITION */
	const struct asset *asset;      /* the asset of HV_ASSET */
	char scope_text[80];
	struct app_hist data;
	double *series[2];              /* NAV, market value: [n_t] */
	bool *has[2];
	long double lo, hi;             /* of both */
	struct chart chart;
	int label_w;                    /* the y axis labels' columns */
	struct hv_asset *assets;
	size_t n_assets;
	struct hv_line *lines;
	size_t n_lines, cap;
	size_t cursor;                  /* a row of data */
	size_t top;                     /* first line of the lower part shown */
	int fit_w, fit_h;               /* the body the charts were made for */
	char error[200];                /* "" or why nothing is shown */
};

/* The chart's height and the lower part's for a body of h lines. */
int history_view_chart_rows(int body_h);

/* Open on scope (position / asset as the scope needs; the range kept): read
 * and compute, cursor on the last date. 0, or -1 (the error is shown on
 * the screen and said). */
int history_view_open(struct history_view *v, const struct scene *sc, enum hv_scope scope,
                      int64_t position_id, const struct asset *asset);
/* Read and compute again (range or data changed); the cursor keeps its
 * date when it is still in range, else goes to the last. */
int history_view_compute(struct history_view *v, const struct scene *sc);
/* The text under the chart again (private mode toggled): 0, or -1 out
 * of memory. */
int history_view_relabel(struct history_view *v, const struct scene *sc);
/* Rasterise for body r (braille on UTF-8, else ASCII). */
void history_view_fit(struct history_view *v, const struct rect *r);
/* Cursor: by delta dates, or to the first / last. */
void history_view_move(struct history_view *v, long delta, bool home, bool end);
/* The lower part: by delta lines (kept inside r). */
void history_view_scroll(struct history_view *v, const struct rect *r, long delta);
void history_view_draw(const struct history_view *v, const struct scene *sc,
                       const struct rect *r);
void history_view_free(struct history_view *v);

/* "1W" … "ALL". */
const char *history_range_name(enum hv_range r);

#endif
