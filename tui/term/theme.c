/* theme.c — colour roles × themes, monochrome fallback, glyphs. */
#include "tui/term/theme.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>

struct style {
	short fg, bg;   /* -1: the terminal's default */
	attr_t attr;
};

/* One colour theme and its monochrome twin, both indexed by role. */
static const struct style color_theme[R_ROLES_] = {
	[R_NORMAL] = { -1, -1, A_NORMAL },
	[R_DIM] = { COLOR_CYAN, -1, A_NORMAL },
	[R_TITLE] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL },
	[R_LABEL] = { COLOR_CYAN, -1, A_NORMAL },
	[R_FIGURE] = { -1, -1, A_BOLD },
	[R_COLHEAD] = { COLOR_BLACK, COLOR_GREEN, A_NORMAL },
	[R_COLSORT] = { COLOR_BLACK, COLOR_CYAN, A_BOLD },
	[R_SELECTED] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL },
	[R_GAIN] = { COLOR_GREEN, -1, A_NORMAL },
	[R_GAIN_BIG] = { COLOR_GREEN, -1, A_BOLD },
	[R_LOSS] = { COLOR_YELLOW, -1, A_NORMAL },
	[R_LOSS_BIG] = { COLOR_RED, -1, A_BOLD },
	[R_STALE] = { COLOR_YELLOW, -1, A_DIM },
	[R_GROUP] = { COLOR_BLUE, -1, A_BOLD },
	[R_BAR_KEY] = { -1, -1, A_NORMAL },
	[R_BAR_LABEL] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL },
	[R_DONE] = { COLOR_GREEN, -1, A_NORMAL },
	[R_ERROR] = { COLOR_RED, -1, A_BOLD },
	[R_BUSY] = { COLOR_BLACK, COLOR_YELLOW, A_NORMAL },
	[R_OFFLINE] = { COLOR_WHITE, COLOR_RED, A_BOLD },
	[R_BORDER] = { COLOR_CYAN, -1, A_NORMAL },
	[R_INPUT] = { COLOR_BLACK, COLOR_WHITE, A_NORMAL },
	[R_CLAIMABLE] = { COLOR_GREEN, -1, A_BOLD },
	[R_PENDING] = { COLOR_YELLOW, -1, A_NORMAL },
};

static const attr_t mono_theme[R_ROLES_] = {
	[R_NORMAL] = A_NORMAL,
	[R_DIM] = A_NORMAL,
	[R_TITLE] = A_REVERSE,
	[R_LABEL] = A_NORMAL,
	[R_FIGURE] = A_BOLD,
	[R_COLHEAD] = A_REVERSE,
	[R_COLSORT] = A_REVERSE | A_BOLD | A_UNDERLINE,
	[R_SELECTED] = A_REVERSE,
	[R_GAIN] = A_NORMAL,
	[R_GAIN_BIG] = A_BOLD,
	[R_LOSS] = A_NORMAL,
	[R_LOSS_BIG] = A_BOLD | A_UNDERLINE,
	[R_STALE] = A_DIM,
	[R_GROUP] = A_BOLD,
	[R_BAR_KEY] = A_BOLD,
	[R_BAR_LABEL] = A_REVERSE,
	[R_DONE] = A_NORMAL,
	[R_ERROR] = A_BOLD,
	[R_BUSY] = A_REVERSE,
	[R_OFFLINE] = A_REVERSE | A_BOLD,
	[R_BORDER] = A_NORMAL,
	[R_INPUT] = A_UNDERLINE,
	[R_CLAIMABLE] = A_BOLD,
	[R_PENDING] = A_NORMAL,
};

static bool use_color;

void theme_init(void)
{
	const char *nc = getenv("NO_COLOR");
	const char *t = getenv("STAKETOP_THEME");
	use_color = has_colors() && !(nc && nc[0]) && !(t && strcmp(t, "mono") == 0);
	if (!use_color)
		return;
	if (start_color() == ERR) {
		use_color = false;
		return;
	}
	bool defaults = use_default_colors() == OK;
	for (int r = 0; r < R_ROLES_; r++) {
		short fg = color_theme[r].fg, bg = color_theme[r].bg;
		if (!defaults) {
			if (fg < 0)
				fg = COLOR_WHITE;
			if (bg < 0)
				bg = COLOR_BLACK;
		}
		if (r + 1 < COLOR_PAIRS)
			init_pair((short)(r + 1), fg, bg);
	}
}

bool theme_is_color(void)
{
	return use_color;
}

attr_t theme_attr(enum role r)
{
	if ((unsigned)r >= R_ROLES_)
		r = R_NORMAL;
	if (!use_color)
		return mono_theme[r];
	if (r == R_NORMAL || (int)r + 1 >= COLOR_PAIRS)
		return color_theme[r].attr;
	return COLOR_PAIR(r + 1) | color_theme[r].attr;
}

enum role theme_premium_role(long double bps, bool has)
{
	if (!has)
		return R_DIM;
	if (bps <= -100)
		return R_LOSS_BIG;
	if (bps <= -10)
		return R_LOSS;
	if (bps >= 100)
		return R_GAIN_BIG;
	if (bps >= 10)
		return R_GAIN;
	return R_NORMAL;
}

static const struct glyphs utf8_glyphs = {
	"\u2500", "\u2502", "\u250c", "\u2510", "\u2514", "\u2518",
	"\u25b2", "\u25bc", "\u27f3", "\u00b7", "\u2026", "\u25b8", true,
	{ "\u2591", "\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a", "\u2589",
	  "\u2588" },
};
static const struct glyphs ascii_glyphs = {
	"-", "|", "+", "+", "+", "+", "^", "v", "*", "-", "~", ">", false,
	{ "-", "-", "-", "-", "=", "=", "=", "=", "#" },
};

const struct glyphs *theme_glyphs(void)
{
	static const struct glyphs *g;
	if (!g) {
		const char *cs = nl_langinfo(CODESET);
		g = cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0) ? &utf8_glyphs
		                                                               : &ascii_glyphs;
	}
	return g;
}
