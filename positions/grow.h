/* grow.h — the one growable array: room for need elements of size bytes in
 * the block v (its capacity *cap elements), the capacity doubling from
 * first. Returns the block, moved or not (*cap updated), or NULL when out
 * of memory or the size would overflow: v and *cap are then unchanged and
 * still the caller's. need must be at least 1. */
#ifndef STAKETOP_GROW_H
#define STAKETOP_GROW_H

#include <stddef.h>

void *grow(void *v, size_t size, size_t *cap, size_t need, size_t first);

#endif
