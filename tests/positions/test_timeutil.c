/* Tests for positions/timeutil.c and positions/text.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "positions/text.h"
#include "positions/timeutil.h"

static void time_parse_iso__forms__give_unix_seconds(void **state)
{
	(void)state;
	int64_t t;
	char err[128];
	/* 2026-11-25: days since epoch = 20417 (checked with date -u -d 2026-11-25 +%s
	 * = 1795564800 = 20417 × 86400); 08:00 adds 28800 → 1795593600 */
	assert_int_equal(time_parse_iso("2026-11-25T08:00:00Z", &t, err, sizeof err), 0);
	assert_int_equal(t, 1795593600);
	assert_int_equal(time_parse_iso("2026-11-25", &t, err, sizeof err), 0);
	assert_int_equal(t, 1795564800);
	/* Cosmos completion_time: nine fraction digits, truncated */
	assert_int_equal(time_parse_iso("2026-12-16T10:59:03.797335857Z", &t, err, sizeof err), 0);
	/* 2026-12-16 is 21 days after 2026-11-25: 1795564800 + 21 × 86400 = 1797379200;
	 * 10:59:03 adds 10×3600 + 59×60 + 3 = 39543 → 1797418743 */
	assert_int_equal(t, 1797418743);
	/* an offset: 10:00+02:00 is 08:00Z */
	assert_int_equal(time_parse_iso("2026-11-25T10:00:00+02:00", &t, err, sizeof err), 0);
	assert_int_equal(t, 1795593600);
	/* no zone is UTC (the hint says ISO-8601; a user types it so):
	 * 2026-12-01 is 6 days after 2026-11-25: 1795564800 + 6 × 86400 =
	 * 1796083200; 10:00 adds 36000 → 1796119200 */
	assert_int_equal(time_parse_iso("2026-12-01T10:00", &t, err, sizeof err), 0);
	assert_int_equal(t, 1796119200);
	assert_int_equal(time_parse_iso("2026-12-01T10:00:30", &t, err, sizeof err), 0);
	assert_int_equal(t, 1796119230);
	/* leap day exists in 2028, not in 2026 */
	assert_int_equal(date_parse("2028-02-29", &t, err, sizeof err), 0);
	assert_int_equal(date_parse("2026-02-29", &t, err, sizeof err), -1);
	assert_non_null(strstr(err, "no such date"));
}

static void time_parse_iso__junk__refused(void **state)
{
	(void)state;
	int64_t t;
	char err[128];
	const char *bad[] = { "", "2026-11-25T", "2026-13-01", "2026-11-25T24:00:00Z",
		              "2026/11/25", "2026-11-25T08:00:00.Z",
		              "2026-11-25T08:00:00Zjunk", "1969-12-31" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_int_equal(time_parse_iso(bad[i], &t, err, sizeof err), -1);
}

/* now = 2026-11-25T08:00:00Z = 1795593600; that day's midnight is
 * 1795593600 − 8 × 3600 = 1795564800 */
static void date_parse_opening__empty_and_future__refused(void **state)
{
	char err[128];
	int64_t t;
	(void)state;
	assert_int_equal(date_parse_opening("", 1795593600, &t, err, sizeof err), -1);
	assert_string_equal(err, "empty: give a date YYYY-MM-DD, or leave it out");
	assert_int_equal(date_parse_opening("2026-11-26", 1795593600, &t, err, sizeof err), -1);
	assert_string_equal(err, "2026-11-26 is in the future (today is 2026-11-25)");
	assert_int_equal(date_parse_opening("2026-11-25", 1795593600, &t, err, sizeof err), 0);
	assert_int_equal(t, 1795564800);
	assert_int_equal(date_parse_opening("2026-02-30", 1795593600, &t, err, sizeof err), -1);
}

static void time_format__round_trip(void **state)
{
	(void)state;
	char buf[32];
	time_format_iso(1795593600, buf, sizeof buf);
	assert_string_equal(buf, "2026-11-25T08:00:00Z");
	time_format_date(1797418743, buf, sizeof buf);
	assert_string_equal(buf, "2026-12-16");
	time_format_iso(0, buf, sizeof buf);
	assert_string_equal(buf, "1970-01-01T00:00:00Z");
	time_format_minute(1797418743, buf, sizeof buf); /* 2026-12-16T10:59:03Z */
	assert_string_equal(buf, "2026-12-16 10:59 UTC");
	time_format_age(59, buf, sizeof buf);
	assert_string_equal(buf, "59s");
	time_format_age(3 * 3600 + 5, buf, sizeof buf);
	assert_string_equal(buf, "3h");
	time_format_age(5 * 86400, buf, sizeof buf);
	assert_string_equal(buf, "5d");
}

static void text_printable__escapes_controls_keeps_newline_tab(void **state)
{
	(void)state;
	char d[64];
	/* ESC → \x1b, BEL → \x07, CR → \x0d; newline and tab stay; DEL, the
	 * C1 CSI (0xc2 0x9b, one character) and 0xff → one '?' each; é stays */
	text_printable(d, sizeof d, "a\x1b]0;p\x07\rz\n\tb\x7f\xc2\x9b\xff\xc3\xa9");
	assert_string_equal(d, "a\\x1b]0;p\\x07\\x0dz\n\tb???\xc3\xa9");
	/* truncation never splits an escape: "x" + "\x1b" needs 6 bytes */
	char e[5];
	text_printable(e, sizeof e, "x\x1b");
	assert_string_equal(e, "x");
	/* a character cut by the end of one write waits for the next */
	char o[16];
	size_t used;
	size_t n = text_printable_buf(o, "z\xc3", 2, &used, true);
	assert_int_equal(n, 1);
	assert_int_equal(used, 1);
	n = text_printable_buf(o, "z\xc3", 2, &used, false);
	assert_int_equal(n, 2);
	assert_memory_equal(o, "z?", 2);
	/* CR only as part of CRLF (a CSV line end); alone it is escaped, and
	 * one at the end of a write waits for what follows */
	text_printable(d, sizeof d, "a\r\nb\rc");
	assert_string_equal(d, "a\r\nb\\x0dc");
	n = text_printable_buf(o, "x\r", 2, &used, true);
	assert_int_equal(used, 1);
	/* the catalog's notes to its editors, left off what screens show */
	char src[] = "swEXIT NFT [verify: delay and address], bot [verify]";
	text_drop_notes(src);
	assert_string_equal(src, "swEXIT NFT, bot");
	/* a NUL inside the bytes is escaped too */
	n = text_printable_buf(o, "a\0b", 3, &used, false);
	assert_int_equal(n, 6);
	assert_memory_equal(o, "a\\x00b", 6);
}

static void text_sanitize__controls_and_bad_utf8__replaced(void **state)
{
	(void)state;
	char s[] = "ok\x1b[31mred\x07\xff\xc3\x28 \xc3\xa9t\xc3\xa9 \xc2\x9b";
	assert_true(text_is_unsafe(s));
	text_sanitize(s);
	/* ESC, BEL, 0xff, the broken 2-byte 0xc3 0x28 (the 0x28 '(' survives),
	 * C1 CSI 0xc2 0x9b (both bytes) → '?'; "été" stays */
	assert_string_equal(s, "ok?[31mred???" "( \xc3\xa9t\xc3\xa9 ?" "?");
	assert_false(text_is_unsafe(s));
	char d[5];
	text_copy_clean(d, sizeof d, "ab\xc3\xa9\xc3\xa9"); /* cut must not split é */
	assert_string_equal(d, "ab\xc3\xa9");
	assert_int_equal(text_width("\xc3\xa9t\xc3\xa9"), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(time_parse_iso__forms__give_unix_seconds),
		cmocka_unit_test(date_parse_opening__empty_and_future__refused),
		cmocka_unit_test(time_parse_iso__junk__refused),
		cmocka_unit_test(time_format__round_trip),
		cmocka_unit_test(text_sanitize__controls_and_bad_utf8__replaced),
		cmocka_unit_test(text_printable__escapes_controls_keeps_newline_tab),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
