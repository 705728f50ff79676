/* theme.h — colours as roles. Views ask for a role (GAIN, STALE, …) and get
 * curses attributes from the active theme: a colour theme, or monochrome
 * (bold, reverse, underline) when the terminal has no colours or NO_COLOR
 * is set to anything non-empty (https://no-color.org). Also the glyphs for
 * lines and markers: UTF-8 box drawing when the locale's character set is
 * UTF-8, ASCII otherwise. */
#ifndef STAKETOP_THEME_H
#define STAKETOP_THEME_H

#include <stdbool.h>

#include <curses.h>

enum role {
	R_NORMAL,
	R_DIM,          /* secondary text: labels, units */
	R_TITLE,        /* the header's first line */
	R_LABEL,        /* "NAV", "APY" in the header */
	R_FIGURE,       /* the header's figures */
	R_COLHEAD,      /* board column titles */
	R_COLSORT,      /* the column the board is sorted by */
	R_SELECTED,     /* the cursor row */
	R_GAIN,         /* premium, modest */
	R_GAIN_BIG,     /* premium >= 100 bps */
	R_LOSS,         /* discount, modest */
	R_LOSS_BIG,     /* discount <= -100 bps: a depeg */
	R_STALE,        /* a figure older than stale_seconds */
	R_GROUP,        /* group subtotal rows */
	R_BAR_KEY,      /* "F1" in the bottom bar */
	R_BAR_LABEL,    /* "Help" in the bottom bar */
	R_DONE,         /* status: done */
	R_ERROR,        /* status: failed; form validation */
	R_BUSY,         /* refreshing */
	R_OFFLINE,      /* offline / stale marker in the header */
	R_BORDER,       /* boxes */
	R_INPUT,        /* a field being typed in */
	R_CLAIMABLE,    /* unbonding due */
	R_PENDING,      /* unbonding under way */
	R_ROLES_
};

/* Pick the theme (call after initscr). Colour unless !has_colors() or
 * NO_COLOR; STAKETOP_THEME=mono forces monochrome. */
void theme_init(void);
bool theme_is_color(void);
attr_t theme_attr(enum role r);

/* Role of a premium/discount in bps: by sign and size. */
enum role theme_premium_role(long double bps, bool has);

struct glyphs {
	const char *h, *v, *tl, *tr, *bl, *br; /* box */
	const char *up, *down;                 /* sort direction */
	const char *busy;                      /* refreshing */
	const char *dot;                       /* separator */
	const char *ell;                       /* text cut */
	const char *group;                     /* group row marker */
	bool utf8;
	const char *bar[9];                    /* progress: a cell k/8 full */
};

/* The glyph set for the current locale (setlocale must have run). */
const struct glyphs *theme_glyphs(void);

#endif
