/* keymap.h — every key of the interface in one table: the action it
 * triggers, where it works, its bottom-bar label and its help text. The
 * main loop dispatches on actions; the help overlay and the bottom bar are
 * drawn from this same table, so they cannot drift from the keys.
 *
 * A key is an int: a character is its code point, a curses function key is
 * KC(KEY_xxx) (a high bit keeps KEY_DOWN apart from the letter U+0102). */
#ifndef STAKETOP_KEYMAP_H
#define STAKETOP_KEYMAP_H

#include <stddef.h>

#define KC(k) (0x1000000 | (k))
#define CTRL_(c) ((c) & 0x1f)

/* Contexts: where a binding works (a bit mask). */
enum {
	CX_BOARD = 1 << 0,   /* the positions board */
	CX_DETAIL = 1 << 1,  /* one position worked out */
	CX_FEEDS = 1 << 2,   /* the feeds screen */
	CX_HELP = 1 << 3,    /* the help overlay */
	CX_PROMPT = 1 << 4,  /* search or filter being typed */
	CX_FORM = 1 << 5,    /* add or edit form */
	CX_CONFIRM = 1 << 6, /* "remove …? [y/N]" */
	CX_UNBOND = 1 << 7,  /* the unbonding screen */
	CX_ALERTS = 1 << 8,  /* the alerts screen */
	CX_PLAN = 1 << 9,    /* the rebalancing planner */
	CX_HISTORY = 1 << 10, /* the history screen */
	CX_WATCH = 1 << 11,   /* the watched addresses screen */
	CX_SCREENS = CX_BOARD | CX_DETAIL | CX_FEEDS | CX_UNBOND | CX_ALERTS | CX_PLAN |
	             CX_HISTORY | CX_WATCH,
	CX_LISTS = CX_SCREENS | CX_HELP,
	CX_ALL = 0xfff
};

/* X(ACTION, contexts, bar label or NULL, help text, up to four keys; 0 ends).
 * Order matters: the bar lists F-key labels in table order, help lists
 * bindings in table order, and a key found twice in one context takes the
 * first entry. */
#define KEYMAP(X)                                                                                 \
	X(HELP, CX_SCREENS | CX_HELP, "Help", "show this help (drawn from the key table)",                  \
	  KC(KEY_F(1)), '?', 0, 0)                                                                \
	X(REFRESH, CX_SCREENS, "Refresh", "fetch every feed now (runs in the background)",         \
	  KC(KEY_F(2)), 'r', 0, 0)                                                                \
	X(SEARCH, CX_BOARD, "Search", "incremental search: asset, account, kind, chain, note",     \
	  KC(KEY_F(3)), '/', 0, 0)                                                                \
	X(FILTER, CX_BOARD, "Filter", "filter rows: kind:liquid chain:solana account:ledger word", \
	  KC(KEY_F(4)), 'f', 0, 0)                                                                \
	X(GROUP, CX_BOARD, "Group", "group by kind with subtotals (on/off)", KC(KEY_F(5)), 't',   \
	  0, 0)                                                                                   \
	X(SORT_NEXT, CX_BOARD, "Sort", "sort by the next column", KC(KEY_F(6)), '>', '.', 0)   \
	X(ADD, CX_BOARD | CX_DETAIL, "Add", "add a position", KC(KEY_F(7)), 'a', KC(KEY_IC), 0)  \
	X(EDIT, CX_BOARD | CX_DETAIL, "Edit", "edit the selected position", KC(KEY_F(8)), 'e', 0, \
	  0)                                                                                      \
	X(DELETE, CX_BOARD | CX_DETAIL, "Delete", "remove the selected position (asks first)",    \
	  KC(KEY_F(9)), 'd', KC(KEY_DC), 0)                                                       \
	X(QUIT, CX_BOARD, "Quit", "quit", KC(KEY_F(10)), 'q', 0, 0)                              \
	X(PLANNER, CX_BOARD | CX_PLAN, NULL,                                                      \
	  "planner: target weights, the trades and routes, the risk (on/off)", 'P', 0, 0, 0)      \
	X(PLAN_DIM, CX_PLAN, "By", "planner: targets by the next of kind, asset, protocol, chain",\
	  KC(KEY_F(5)), '\t', 'm', 0)                                                            \
	X(PLAN_RISK, CX_PLAN, "Risk", "planner: the risk pane (concentration, depeg) or the plan",\
	  KC(KEY_F(6)), 'R', 0, 0)                                                                \
	X(PLAN_SAVE, CX_PLAN, "Save", "planner: save the plan under a name", KC(KEY_F(7)), 'S',  \
	  0, 0)                                                                                   \
	X(PLAN_LIST, CX_PLAN, "Plans", "planner: saved plans (Enter reopens one) or the plan",    \
	  KC(KEY_F(8)), 'L', 0, 0)                                                                \
	X(PLAN_MORE, CX_PLAN, NULL, "planner: the selected target one point up", '+', '=', 0, 0) \
	X(PLAN_LESS, CX_PLAN, NULL, "planner: the selected target one point down", '-', '_', 0,  \
	  0)                                                                                      \
	X(PLAN_TYPE, CX_PLAN, NULL,                                                               \
	  "planner: type the selected target, digits 0 to 9 and '.' (Esc undoes)", '0', '9', '.', \
	  0)                                                                                      \
	X(PLAN_SET, CX_PLAN, NULL, "planner: end the typed target; reopen the selected plan",    \
	  '\n', '\r', KC(KEY_ENTER), 0)                                                           \
	X(PLAN_RESET, CX_PLAN, NULL, "planner: targets back to today's weights", 'z', 0, 0, 0)    \
	X(HIST_PREV, CX_HISTORY, NULL, "history: the cursor to the previous date", KC(KEY_LEFT), \
	  0, 0, 0)                                                                                \
	X(HIST_NEXT, CX_HISTORY, NULL, "history: the cursor to the next date", KC(KEY_RIGHT), 0, \
	  0, 0)                                                                                   \
	X(BACK, CX_DETAIL | CX_FEEDS | CX_UNBOND | CX_ALERTS | CX_PLAN | CX_HISTORY | CX_WATCH |  \
	          CX_HELP,                                                                        \
	  "Back",                                                                                \
	  "back (to the board, or the screen the detail was opened from)", KC(KEY_F(10)), 'q', 27,\
	  0)                                                                                      \
	/* Left is Back where it moves nothing (history: the cursor) */                           \
	X(BACK_ARROW, CX_DETAIL | CX_FEEDS | CX_UNBOND | CX_ALERTS | CX_PLAN | CX_WATCH | CX_HELP,\
	  NULL,                                                                                   \
	  "back, as Back", KC(KEY_LEFT), 0, 0, 0)                                                 \
	/* Backspace erases in the planner's typed target */                                      \
	X(BACK2, CX_DETAIL | CX_FEEDS | CX_UNBOND | CX_ALERTS | CX_HISTORY | CX_WATCH | CX_HELP,  \
	  NULL,                                                                                   \
	  "back to the board",                                                                    \
	  'h',                                                                                    \
	  KC(KEY_BACKSPACE), 127, 0)                                                              \
	X(QUIT_NOW, CX_SCREENS, NULL, "quit from any screen", 'Q', 0, 0, 0)                       \
	X(PRIVATE, CX_SCREENS, NULL,                                                              \
	  "hide amounts: quantities and money as dots, percentages and times stay (on/off)",     \
	  'p', 0, 0, 0)                                                                           \
	X(UNBONDINGS, CX_BOARD | CX_DETAIL | CX_UNBOND, "Unbonding",                              \
	  "unbonding screen: every exit, its countdown, wait or sell now (on/off)", KC(KEY_F(11)), \
	  'u', 0, 0)                                                                              \
	X(HISTORY, CX_BOARD | CX_DETAIL | CX_HISTORY, "History",                                  \
	  "history: NAV and market value over time, premium, realized yield, the split (on/off)", \
	  'H', 0, 0, 0)                                                                           \
	X(HIST_1W, CX_HISTORY, "1W", "history: the last week, by hour", '1', 0, 0, 0)             \
	X(HIST_1M, CX_HISTORY, "1M", "history: the last 30 days, by day", '2', 0, 0, 0)           \
	X(HIST_3M, CX_HISTORY, "3M", "history: the last 91 days, by day", '3', 0, 0, 0)           \
	X(HIST_1Y, CX_HISTORY, "1Y", "history: the last 365 days, by day", '4', 0, 0, 0)          \
	X(HIST_ALL, CX_HISTORY, "ALL", "history: everything (by month end beyond two years)", '5',\
	  0, 0, 0)                                                                                \
	X(HIST_SCOPE, CX_HISTORY, "Scope",                                                        \
	  "history: the portfolio, the selected position, its asset (in turn)", 's', 0, 0, 0)     \
	X(BACKFILL, CX_BOARD | CX_HISTORY, "Backfill",                                            \
	  "backfill daily prices and APRs back to the first event (DefiLlama; progress below)",   \
	  'B', 0, 0, 0)                                                                           \
	X(UP, CX_LISTS, NULL, "move up / scroll up", KC(KEY_UP), 'k', 0, 0)                       \
	X(DOWN, CX_LISTS, NULL, "move down / scroll down", KC(KEY_DOWN), 'j', 0, 0)               \
	X(PGUP, CX_LISTS, NULL, "page up", KC(KEY_PPAGE), CTRL_('b'), 0, 0)                      \
	X(PGDN, CX_LISTS, NULL, "page down", KC(KEY_NPAGE), CTRL_('f'), ' ', 0)                  \
	X(HOME, CX_LISTS, NULL, "first row", KC(KEY_HOME), 'g', 0, 0)                             \
	X(END, CX_LISTS, NULL, "last row", KC(KEY_END), 'G', 0, 0)                                \
	X(DETAIL, CX_BOARD | CX_UNBOND, "Detail",                                                 \
	  "open the selected position: valuation, sources, events",                               \
	  '\n', '\r', KC(KEY_ENTER), KC(KEY_RIGHT))                                               \
	X(DETAIL2, CX_BOARD | CX_UNBOND, NULL, "open the selected position", 'l', 0, 0, 0)       \
	X(SORT_PREV, CX_BOARD, NULL, "sort by the previous column", '<', ',', 0, 0)               \
	X(SORT_INVERT, CX_BOARD, NULL, "invert the sort order", 'I', 0, 0, 0)                     \
	X(ALERTS, CX_BOARD | CX_ALERTS, NULL,                                                     \
	  "alerts screen: alerts fired, with their time, and the rules (on/off)", 'A', 0, 0, 0)    \
	X(ALERTS_SEEN, CX_ALERTS, "Seen", "mark every alert seen", 's', 0, 0, 0)                   \
	X(ALERT_RULES, CX_ALERTS, "Rules",                                                        \
	  "edit the alert rules (a form; written to the config's [alerts] section)", 'e', 0, 0, 0) \
	X(WATCHES, CX_BOARD | CX_WATCH, NULL,                                                     \
	  "watch screen: watched addresses, what each read and when, its last error (on/off)",    \
	  'W', 0, 0, 0)                                                                           \
	X(WATCH_ADD, CX_WATCH, "Add",                                                             \
	  "watch screen: watch an address (a form; the address is checked as you type)",          \
	  KC(KEY_F(7)), 'a', KC(KEY_IC), 0)                                                       \
	X(WATCH_REMOVE, CX_WATCH, "Remove",                                                       \
	  "watch screen: stop watching the selected address (asks; its positions stay)",          \
	  KC(KEY_F(9)), 'd', KC(KEY_DC), 0)                                                       \
	X(PRICE, CX_BOARD | CX_DETAIL, NULL,                                                      \
	  "set a manual price for the selected asset (a form; staketop price clear undoes it)",   \
	  'M', 0, 0, 0)                                                                           \
	X(PNL_COLUMNS, CX_BOARD, NULL, "cost basis, P&L, P&L % and realized columns (on/off)", '$', 0, 0, 0) \
	X(SEARCH_NEXT, CX_BOARD, NULL, "next search match", 'n', 0, 0, 0)                         \
	X(SEARCH_PREV, CX_BOARD, NULL, "previous search match", 'N', 0, 0, 0)                     \
	X(FILTER_CLEAR, CX_BOARD, NULL, "clear the filter and the search", 'c', 0, 0, 0)          \
	X(FEEDS, CX_BOARD | CX_FEEDS, "Feeds", "feeds screen: last success, latency, errors (on/off)",\
	  '\t', 'F', 0, 0)                                                                        \
	X(UNBOND, CX_BOARD | CX_DETAIL | CX_UNBOND, "Unbond",                                     \
	  "unbond from the position: amount and time (a form)", 'b', 0, 0, 0)                     \
	X(WITHDRAW, CX_BOARD | CX_DETAIL, NULL,                                                   \
	  "withdraw or sell from the position: amount, price received, time (a form; a sale "      \
	  "realizes P&L)", 'w', 0, 0, 0)                                                           \
	X(CLAIM, CX_DETAIL | CX_UNBOND, "Claim", "claim the position's unbondings that are due",  \
	  'c', 0, 0, 0)                                                                           \
	X(SHOW_CLAIMED, CX_UNBOND, "Claimed", "show claimed unbondings too (on/off)", 's', 0, 0, 0)\
	X(EVENT_REMOVE, CX_DETAIL, "RmEvent",                                                     \
	  "remove the selected event (asks; it stays in the log, marked removed)", 'x', 0, 0, 0)  \
	X(EVENT_NEXT, CX_DETAIL, NULL, "select the next event in the detail's list", ']', 0, 0, 0)\
	X(EVENT_PREV, CX_DETAIL, NULL, "select the previous event", '[', 0, 0, 0)                 \
	X(REDRAW, CX_ALL, NULL, "redraw the screen", CTRL_('l'), 0, 0, 0)                         \
	X(MOUSE, CX_LISTS, NULL,                                                                  \
	  "mouse: click a row to select, again to open; wheel scrolls; click the bar or a column",\
	  KC(KEY_MOUSE), 0, 0, 0)                                                                 \
	X(PROMPT_ACCEPT, CX_PROMPT, "Keep", "keep the search or filter; save the plan", '\n', '\r', KC(KEY_ENTER),  \
	  0)                                                                                      \
	X(PROMPT_CANCEL, CX_PROMPT, "Cancel", "cancel (search: back where you were)", 27,             \
	  KC(KEY_F(10)), 0, 0)                                                                    \
	X(ERASE, CX_PROMPT | CX_FORM | CX_PLAN, NULL, "delete the last character", KC(KEY_BACKSPACE), 127,  \
	  CTRL_('h'), 0)                                                                          \
	X(CLEAR_LINE, CX_PROMPT | CX_FORM, NULL, "clear the field", CTRL_('u'), 0, 0, 0)          \
	X(FORM_SAVE, CX_FORM, "Save", "save (every field is checked first)", '\n', '\r',           \
	  KC(KEY_ENTER), 0)                                                                       \
	X(FORM_NEXT, CX_FORM, "Next", "next field", '\t', KC(KEY_DOWN), 0, 0)                       \
	X(FORM_PREV, CX_FORM, "Prev", "previous field", KC(KEY_BTAB), KC(KEY_UP), 0, 0)             \
	X(FORM_PICK_NEXT, CX_FORM, "Asset", "asset or chain field: the next catalog asset or chain", KC(KEY_RIGHT), 0, 0,  \
	  0)                                                                                      \
	X(FORM_PICK_PREV, CX_FORM, NULL, "asset or chain field: the previous one", KC(KEY_LEFT), 0,  \
	  0, 0)                                                                                   \
	X(FORM_CANCEL, CX_FORM, "Cancel", "cancel without saving", 27, KC(KEY_F(10)), 0, 0)           \
	X(CONFIRM_YES, CX_CONFIRM, "Remove", "yes, remove it", 'y', 'Y', 0, 0)                        \
	X(CONFIRM_NO, CX_CONFIRM, "Keep", "no, keep it (the default)", 'n', 'N', 27, '\n')

enum action {
	ACT_NONE = 0,
#define X_ENUM(name, cx, bar, help, k1, k2, k3, k4) ACT_##name,
	KEYMAP(X_ENUM)
#undef X_ENUM
	ACT_COUNT_
};

#define KEYMAP_MAX_KEYS 4

struct binding {
	enum action action;
	unsigned contexts;
	const char *bar;       /* bottom-bar label, or NULL (not on the bar) */
	const char *help;
	int keys[KEYMAP_MAX_KEYS]; /* 0 ends */
};

/* The table, in KEYMAP order. */
extern const struct binding keymap[];
extern const size_t keymap_len;

/* The action key has in context cx (one CX_ bit), or ACT_NONE. */
enum action keymap_lookup(unsigned cx, int key);
/* The binding of an action (never NULL for a valid action). */
const struct binding *keymap_binding(enum action a);
/* A key's name as the help shows it: "F1", "Up", "PgDn", "Enter", "Esc",
 * "Ctrl-L", "Tab", "Space", "j". Returns buf. */
const char *keymap_key_name(int key, char *buf, size_t len);
/* Every key of a binding, joined by " ": "F1 ?". Returns buf. */
const char *keymap_keys_text(const struct binding *b, char *buf, size_t len);
/* Context names for the help: "board, detail". Returns buf. */
const char *keymap_contexts_text(unsigned cx, char *buf, size_t len);

/* The bottom bar of a context: the bindings with a label, in table order,
 * each shown with its first key and the label, laid out
 * from x = 0 in at most width columns. Drawing and mouse
 * hits both use this, so a click lands where the label is drawn. */
#define BAR_MAX_ITEMS 16
struct bar_item {
	enum action action;
	char key[16];          /* "F1", "Enter" */
	const char *label;     /* "Help" */
	int x, w;              /* columns taken, key and label together */
};
/* hide: one action left off (a key that does nothing here, such as the
 * asset picker in a form without an asset field), or ACT_NONE. */
size_t keymap_bar(unsigned cx, int width, enum action hide, struct bar_item *items,
                  size_t max);

#endif
