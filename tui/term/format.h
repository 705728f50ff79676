/* format.h — figures as text for tables and the board: money with
 * thousands separators, basis points with a sign, percentages, exact
 * quantities shortened for a column. An absent figure is "-". */
#ifndef STAKETOP_FORMAT_H
#define STAKETOP_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "positions/decimal.h"
#include "positions/valuation.h"

void fmt_money(const struct figure *f, char *buf, size_t len);     /* 12,345.67 */
void fmt_bps(const struct figure *f, char *buf, size_t len);       /* -12.3 / +4.0 */
void fmt_pct(const struct figure *f, char *buf, size_t len);       /* 2.74% */
void fmt_rate(const struct figure *f, char *buf, size_t len);      /* 1.215000 */
void fmt_number(long double v, int decimals, char *buf, size_t len); /* 1,234.5678 */
/* An exact quantity with at most 6 decimals shown (rounded down, with a
 * trailing "…" marker when digits were dropped is not used: columns stay
 * aligned); the full value is in report --json and the detail view. */
void fmt_quantity(dec_t q, char *buf, size_t len);

/* Private mode (hide amounts: the key, --private, [display] private):
 * every quantity and every sum of money formatted here — fmt_money,
 * fmt_quantity, fmt_amount, fmt_dec — reads fmt_mask() instead, so a
 * screen that formats its amounts through these honours it. Percentages,
 * bps, rates, counts and times are not amounts and stay. An absent figure
 * is still "-". One flag for the process, set by the interface (ui.c)
 * and by every command's text output (tui/cli/cli.c, cli_open). */
void fmt_set_private(bool on);
bool fmt_private(void);
/* "•••" in a UTF-8 locale, "***" otherwise. */
const char *fmt_mask(void);
/* An amount (a quantity or money) as fmt_number, or the mask. */
void fmt_amount(long double v, int decimals, char *buf, size_t len);
/* An exact quantity in full (dec_format), or the mask. */
void fmt_dec(dec_t q, char *buf, size_t len);
/* The printf field width ("%*s") that shows s in |width| terminal columns:
 * width plus the UTF-8 continuation bytes of s (the mask "•••" is 9 bytes
 * in 3 columns), its sign kept (negative: left-aligned). So a table whose
 * cells may be masked keeps its columns. */
int fmt_pad(const char *s, int width);

#endif
