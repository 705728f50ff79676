/* grow.c — the one growable array (see grow.h). */
#include "positions/grow.h"

#include <stdint.h>
#include <stdlib.h>

void *grow(void *v, size_t size, size_t *cap, size_t need, size_t first)
{
	if (v && need <= *cap)
		return v;
	size_t c = *cap ? *cap : first ? first : 1;
	while (c < need) {
		if (c > SIZE_MAX / 2)
			return NULL;
		c *= 2;
	}
	if (size && c > SIZE_MAX / size)
		return NULL;
	void *n = realloc(v, c * size);
	if (!n)
		return NULL;
	*cap = c;
	return n;
}
