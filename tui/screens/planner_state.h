/* planner_state.h — the planner screen's state: the targets being edited
 * (inside the app's plan run, tui/app/plan.h), the cursor, a number being
 * typed, which pane shows under the targets, the pane's lines (made by
 * planner_lines.c after each change and as they scroll into view;
 * drawing only reads them) and the
 * saved plans when listed. All of it is owned here; planner_free frees it. */
#ifndef STAKETOP_PLANNER_STATE_H
#define STAKETOP_PLANNER_STATE_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/app/loans.h"
#include "tui/app/plan.h"

enum planner_pane { PP_PLAN, PP_RISK, PP_SAVED };

#define PLANNER_LINE_MAX 192
#define PLANNER_TYPED_MAX 8

/* A line of the pane. A trade's lines (there can be thousands) are
 * written only when they come into view: kind and item say which trade
 * and which of its lines; filled says text holds it. */
enum planner_line_kind { PL_TEXT, PL_TRADE, PL_ROUTE, PL_UNBONDING };
struct planner_line {
	char text[PLANNER_LINE_MAX];  /* clean of control characters */
	unsigned char role;           /* enum role */
	unsigned char kind;           /* enum planner_line_kind */
	bool filled;
	size_t item;                  /* PL_TRADE, PL_ROUTE, PL_UNBONDING: the trade */
};

struct planner {
	struct app_plan run;          /* targets, inputs, the last plan (owned) */
	bool opened;                  /* gathered at least once */
	size_t cursor;                /* the targets' row */
	size_t top;                   /* the first target row drawn */
	char typed[PLANNER_TYPED_MAX];/* a percentage being typed for the cursor's row */
	size_t n_typed;
	double before_typing;         /* the row's value before the first digit */
	enum planner_pane pane;
	struct planner_line *lines;   /* the pane (owned) */
	size_t n_lines, cap;
	size_t line_top;              /* the first pane line drawn */
	struct plan_record *saved;    /* PP_SAVED: from the store (owned) */
	size_t n_saved;
	size_t saved_cursor;
	struct app_loan *loans;       /* looped positions, for the risk pane (owned) */
	size_t n_loans;
	char err[256];                /* the last compute's error, "" none */
};

#endif
