/* keymap.c — the key table, lookups, key names and the bottom bar. */
#include "tui/term/keymap.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

const struct binding keymap[] = {
#define X_ROW(name, cx, bar, help, k1, k2, k3, k4) \
	{ ACT_##name, (cx), (bar), (help), { (k1), (k2), (k3), (k4) } },
	KEYMAP(X_ROW)
#undef X_ROW
};

const size_t keymap_len = sizeof keymap / sizeof keymap[0];

enum action keymap_lookup(unsigned cx, int key)
{
	if (key == 0)
		return ACT_NONE;
	for (size_t i = 0; i < keymap_len; i++) {
		if (!(keymap[i].contexts & cx))
			continue;
		for (int k = 0; k < KEYMAP_MAX_KEYS && keymap[i].keys[k]; k++)
			if (keymap[i].keys[k] == key)
				return keymap[i].action;
	}
	return ACT_NONE;
}

const struct binding *keymap_binding(enum action a)
{
	/* the table is generated in enum order: ACT_x is row x - 1 */
	if (a <= ACT_NONE || a >= ACT_COUNT_)
		return &keymap[0];
	return &keymap[a - 1];
}

static const struct {
	int key;
	const char *name;
} named[] = {
	{ KC(KEY_UP), "Up" },          { KC(KEY_DOWN), "Down" },
	{ KC(KEY_LEFT), "Left" },      { KC(KEY_RIGHT), "Right" },
	{ KC(KEY_PPAGE), "PgUp" },     { KC(KEY_NPAGE), "PgDn" },
	{ KC(KEY_HOME), "Home" },      { KC(KEY_END), "End" },
	{ KC(KEY_ENTER), "KpEnter" },  { KC(KEY_BACKSPACE), "Backspace" },
	{ KC(KEY_DC), "Del" },         { KC(KEY_IC), "Ins" },
	{ KC(KEY_BTAB), "Shift-Tab" }, { KC(KEY_MOUSE), "Mouse" },
	{ '\n', "Enter" },             { '\r', "Return" },
	{ '\t', "Tab" },               { 27, "Esc" },
	{ ' ', "Space" },              { 127, "Backspace" },
};

const char *keymap_key_name(int key, char *buf, size_t len)
{
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (named[i].key == key) {
			snprintf(buf, len, "%s", named[i].name);
			return buf;
		}
	if (key >= KC(KEY_F(1)) && key <= KC(KEY_F(12)))
		snprintf(buf, len, "F%d", key - KC(KEY_F0));
	else if (key > 0 && key < 32)
		snprintf(buf, len, "Ctrl-%c", key + '@');
	else if (key > 32 && key < 127)
		snprintf(buf, len, "%c", key);
	else
		snprintf(buf, len, "key %d", key);
	return buf;
}

/* Keys that only repeat another key's name ('\r' after '\n', 127 after
 * Backspace) are left out of the help. */
static int shown_twice(const struct binding *b, int k)
{
	char a[24], c[24];
	keymap_key_name(b->keys[k], a, sizeof a);
	if (b->keys[k] == '\r' || b->keys[k] == KC(KEY_ENTER))
		return 1;
	for (int i = 0; i < k; i++)
		if (strcmp(keymap_key_name(b->keys[i], c, sizeof c), a) == 0)
			return 1;
	return 0;
}

const char *keymap_keys_text(const struct binding *b, char *buf, size_t len)
{
	size_t o = 0;
	buf[0] = 0;
	for (int k = 0; k < KEYMAP_MAX_KEYS && b->keys[k]; k++) {
		char name[24];
		if (shown_twice(b, k))
			continue;
		keymap_key_name(b->keys[k], name, sizeof name);
		int w = snprintf(buf + o, len - o, "%s%s", o ? " " : "", name);
		if (w < 0 || (size_t)w >= len - o)
			break;
		o += (size_t)w;
	}
	return buf;
}

const char *keymap_contexts_text(unsigned cx, char *buf, size_t len)
{
	static const struct {
		unsigned bit;
		const char *name;
	} names[] = {
		{ CX_BOARD, "board" },   { CX_DETAIL, "detail" },   { CX_FEEDS, "feeds" },
		{ CX_HELP, "help" },     { CX_PROMPT, "prompt" },   { CX_FORM, "form" },
		{ CX_CONFIRM, "confirm" }, { CX_UNBOND, "unbonding" }, { CX_ALERTS, "alerts" },
		{ CX_PLAN, "planner" },
		{ CX_HISTORY, "history" }, { CX_WATCH, "watch" },
	};
	if ((cx & CX_SCREENS) == CX_SCREENS) {
		snprintf(buf, len, "%s", (cx & CX_ALL) == CX_ALL ? "everywhere" : "all screens");
		return buf;
	}
	size_t o = 0;
	buf[0] = 0;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (!(cx & names[i].bit))
			continue;
		int w = snprintf(buf + o, len - o, "%s%s", o ? ", " : "", names[i].name);
		if (w < 0 || (size_t)w >= len - o)
			break;
		o += (size_t)w;
	}
	return buf;
}

size_t keymap_bar(unsigned cx, int width, enum action hide, struct bar_item *items,
                  size_t max)
{
	size_t n = 0;
	int x = 0;
	for (size_t i = 0; i < keymap_len && n < max; i++) {
		const struct binding *b = &keymap[i];
		if (!b->bar || !(b->contexts & cx) || (hide != ACT_NONE && b->action == hide))
			continue;
		const int fkey = b->keys[0]; /* the table lists the bar's key first */
		struct bar_item *it = &items[n];
		keymap_key_name(fkey, it->key, sizeof it->key);
		it->action = b->action;
		it->label = b->bar;
		/* "F1Help" as htop draws it; "Enter Save" for named keys */
		if (it->key[0] != 'F' || !it->key[1] || it->key[1] > '9')
			strcat(it->key, " ");
		it->w = (int)(strlen(it->key) + strlen(it->label));
		it->x = x;
		if (x + it->w > width)
			break;
		x += it->w + 1;
		n++;
	}
	return n;
}
