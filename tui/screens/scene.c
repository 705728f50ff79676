/* scene.c — the one way a screen speaks to the status line. */
#include "tui/screens/scene.h"

#include <stdarg.h>
#include <stdio.h>

void scene_say(const struct scene *s, enum role r, const char *fmt, ...)
{
	char text[320];
	va_list ap;
	if (!s->say)
		return;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	s->say(s->say_ctx, r, text);
}
