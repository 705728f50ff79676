/* test_unbonding.c — unbonding ETAs by rule with the clock fixed by the
 * test, unbonding status, time-left text, event arithmetic, wait-or-sell.
 *
 * Reference time: 2026-11-25T08:00:00Z = 1795593600 (checked with
 * `date -u -d @1795593600`). Every expected time below is written as
 * T0 + seconds, with the arithmetic beside it, and the calendar date was
 * checked with `date -u -d @…`. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "positions/unbonding.h"

#define T0 INT64_C(1795593600) /* 2026-11-25T08:00:00Z */
#define DAY INT64_C(86400)

static struct unbond_rule fixed_rule(int64_t delay, const char *source)
{
	struct unbond_rule r = {0};
	r.type = UNBOND_FIXED;
	r.delay_s = delay;
	snprintf(r.source, sizeof r.source, "%s", source);
	return r;
}

static struct unbond_rule sol_rule(void)
{
	struct unbond_rule r = {0};
	r.type = UNBOND_EPOCH;
	r.epoch_slots = 432000;
	r.slot_seconds = 0.4;
	return r;
}

static struct unbond_rule eth_rule(void)
{
	struct unbond_rule r = {0};
	r.type = UNBOND_ETH_EXIT;
	r.delay_s = 98304; /* 256 epochs × 384 s, as in the catalog */
	return r;
}

static struct unbond_rule lido_rule(void)
{
	struct unbond_rule r = {0};
	r.type = UNBOND_QUEUE;
	r.typical_s = 3 * DAY;  /* 259200 */
	r.min_s = 1 * DAY;      /* 86400 */
	r.max_s = 5 * DAY;      /* 432000 */
	snprintf(r.source, sizeof r.source, "Lido withdrawal queue, usually 1-5 days");
	return r;
}

static void assert_eta(const struct unbond_eta *e, int64_t avail, int64_t earliest,
                       int64_t latest, bool exact)
{
	assert_int_equal(e->available_at, avail);
	assert_int_equal(e->earliest_at, earliest);
	assert_int_equal(e->latest_at, latest);
	assert_int_equal(e->exact, exact);
}

/* --- FIXED ----------------------------------------------------------------- */

static void estimate__fixed__cosmos_21_days(void **state)
{
	(void)state;
	struct unbond_rule r = fixed_rule(1814400, "Cosmos Hub unbonding_time 1814400s (21 days)");
	struct unbond_eta e;
	assert_int_equal(unbond_estimate(&r, T0, NULL, &e), 0);
	/* 21 × 86400 = 1814400; 1795593600 + 1814400 = 1797408000
	 * = 2026-12-16T08:00:00Z */
	assert_eta(&e, 1797408000, 1797408000, 1797408000, true);
	assert_string_equal(e.basis, "Cosmos Hub unbonding_time 1814400s (21 days)");
}

static void estimate__fixed__polkadot_28_days(void **state)
{
	(void)state;
	struct unbond_rule r = fixed_rule(2419200, "");
	struct unbond_eta e;
	assert_int_equal(unbond_estimate(&r, T0, NULL, &e), 0);
	/* 28 × 86400 = 2419200; 1795593600 + 2419200 = 1798012800
	 * = 2026-12-23T08:00:00Z */
	assert_eta(&e, 1798012800, 1798012800, 1798012800, true);
	assert_string_equal(e.basis, "fixed delay 28 days (2419200 s)");
}

static void estimate__fixed__eigenlayer_100800_blocks(void **state)
{
	(void)state;
	/* 100800 blocks × 12 s = 1209600 s = 14 × 86400 */
	struct unbond_rule r = fixed_rule(100800 * 12, "");
	struct unbond_eta e;
	assert_int_equal(unbond_estimate(&r, T0, NULL, &e), 0);
	/* 1795593600 + 1209600 = 1796803200 = 2026-12-09T08:00:00Z */
	assert_eta(&e, 1796803200, 1796803200, 1796803200, true);
	assert_string_equal(e.basis, "fixed delay 14 days (1209600 s)");
}

static void estimate__fixed__refuses_negative_and_overflow(void **state)
{
	(void)state;
	struct unbond_rule r = fixed_rule(-1, "");
	struct unbond_eta e;
	assert_int_equal(unbond_estimate(&r, T0, NULL, &e), -1);
	assert_non_null(strstr(e.basis, "negative"));
	r = fixed_rule(INT64_MAX, "");
	assert_int_equal(unbond_estimate(&r, T0, NULL, &e), -1);
	assert_int_equal(unbond_estimate(NULL, T0, NULL, &e), -1);
}

static void estimate__none__available_at_once(void **state)
{
	(void)state;
	struct unbond_rule r = {0};
	struct unbond_eta e;
	assert_int_equal(unbond_estimate(&r, T0, NULL, &e), 0);
	assert_eta(&e, T0, T0, T0, true);
}

/* --- EPOCH (Solana) -------------------------------------------------------- */

/* Epoch 700 observed at T0 half-way: slot 216000 of 432000.
 * Time left = (432000 − 216000) × 0.4 s = 86400 s, so the boundary is
 * T0 + 86400 = 1795680000 (2026-11-26T08:00:00Z); an epoch is
 * 432000 × 0.4 = 172800 s. */
#define SOL_END INT64_C(1795680000)
#define SOL_LEN INT64_C(172800)

static struct unbond_inputs sol_inputs(void)
{
	struct unbond_inputs in = {0};
	in.sol.has = true;
	in.sol.epoch = 700;
	in.sol.slot_index = 216000;
	in.sol.slots_in_epoch = 432000;
	in.sol.observed_at = T0;
	return in;
}

static void estimate__epoch__one_second_before_boundary_waits_one_second(void **state)
{
	(void)state;
	struct unbond_rule r = sol_rule();
	struct unbond_inputs in = sol_inputs();
	struct unbond_eta e;
	assert_int_equal(unbond_estimate(&r, SOL_END - 1, &in, &e), 0);
	assert_eta(&e, SOL_END, SOL_END, SOL_END, false);
	assert_int_equal(e.available_at - (SOL_END - 1), 1);
	assert_string_equal(e.basis,
	                    "end of Solana epoch 700 (216000 slots left x 0.4 s, estimate)");
}

static void estimate__epoch__one_second_after_boundary_waits_an_epoch(void **state)
{
	(void)state;
	struct unbond_rule r = sol_rule();
	struct unbond_inputs in = sol_inputs();
	struct unbond_eta e;
	/* 1795680000 + 172800 = 1795852800 = 2026-11-28T08:00:00Z; the wait is
	 * 172800 − 1 = 172799 s */
	assert_int_equal(unbond_estimate(&r, SOL_END + 1, &in, &e), 0);
	assert_eta(&e, 1795852800, 1795852800, 1795852800, false);
	assert_int_equal(e.available_at - (SOL_END + 1), 172799);
	assert_non_null(strstr(e.basis, "end of Solana epoch 701"));
	/* exactly at the boundary: the next one */
	assert_int_equal(unbond_estimate(&r, SOL_END, &in, &e), 0);
	assert_int_equal(e.available_at, SOL_END + SOL_LEN);
}

static void estimate__epoch__request_at_observation_ends_this_epoch(void **state)
{
	(void)state;
	struct unbond_rule r = sol_rule();
	struct unbond_inputs in = sol_inputs();
	struct unbond_eta e;
	assert_int_equal(unbond_estimate(&r, T0, &in, &e), 0);
	assert_int_equal(e.available_at, SOL_END); /* T0 + 86400 */
}

static void estimate__epoch__old_request_counts_back(void **state)
{
	(void)state;
	struct unbond_rule r = sol_rule();
	struct unbond_inputs in = sol_inputs();
	struct unbond_eta e;
	/* requested 10 s before epoch 700 began (1795680000 − 172800 − 10 =
	 * 1795507190): it was free at the end of epoch 699, 1795507200 */
	assert_int_equal(unbond_estimate(&r, SOL_END - SOL_LEN - 10, &in, &e), 0);
	assert_int_equal(e.available_at, 1795507200);
	assert_non_null(strstr(e.basis, "epoch 699"));
}

static void estimate__epoch__without_info_one_epoch_range(void **state)
{
	(void)state;
	struct unbond_rule r = sol_rule();
	struct unbond_eta e;
	assert_int_equal(unbond_estimate(&r, T0, NULL, &e), 0);
	/* 1795593600 + 172800 = 1795766400 = 2026-11-27T08:00:00Z */
	assert_eta(&e, 1795766400, T0, 1795766400, false);
	assert_non_null(strstr(e.basis, "epoch not known"));
	/* inconsistent epoch info (slot past the epoch) is ignored the same way */
	struct unbond_inputs in = sol_inputs();
	in.sol.slot_index = 500000;
	assert_int_equal(unbond_estimate(&r, T0, &in, &e), 0);
	assert_int_equal(e.available_at, 1795766400);
}

static void estimate__epoch__refuses_rule_without_slots(void **state)
{
	(void)state;
	struct unbond_rule r = sol_rule();
	struct unbond_eta e;
	r.epoch_slots = 0;
	assert_int_equal(unbond_estimate(&r, T0, NULL, &e), -1);
	r = sol_rule();
	r.slot_seconds = NAN;
	assert_int_equal(unbond_estimate(&r, T0, NULL, &e), -1);
}

/* --- ETH_EXIT -------------------------------------------------------------- */

static void estimate__eth_exit__churn_capped_at_256(void **state)
{
	(void)state;
	struct unbond_rule r = eth_rule();
	struct unbond_inputs in = {0};
	struct unbond_eta e;
	in.eth.has = true;
	in.eth.queue_ahead_eth = 10000;
	in.eth.total_active_balance_eth = 34000000;
	in.eth.validator_count = 1000000;
	assert_int_equal(unbond_estimate(&r, T0, &in, &e), 0);
	/* churn: 34e6 / 65536 = 518.8 → capped at 256 ETH an epoch;
	 * queue: ceil(10000 / 256) = ceil(39.06) = 40 epochs;
	 * 40 + 5 + 256 = 301 epochs × 384 s = 115584 s;
	 * earliest = 1795593600 + 115584 = 1795709184 (2026-11-26T16:06:24Z);
	 * sweep: 1e6 / 16 = 62500 blocks × 12 s = 750000 s, half 375000:
	 * available = 1795709184 + 375000 = 1796084184 (2026-12-01T00:16:24Z),
	 * latest = 1795709184 + 750000 = 1796459184 (2026-12-05T08:26:24Z) */
	assert_eta(&e, 1796084184, 1795709184, 1796459184, false);
	/* 40 × 384 = 15360 s = 4.3 h; 375000 s = 4.3 d */
	assert_string_equal(e.basis, "Ethereum exit: queue 4.3 h (10000 ETH at 256/epoch)"
	                    " + 5 epochs + 256 epochs + sweep ~4.3 d (estimate)");
}

static void estimate__eth_exit__churn_floor_128_and_exact_division(void **state)
{
	(void)state;
	struct unbond_rule r = eth_rule();
	struct unbond_inputs in = {0};
	struct unbond_eta e;
	in.eth.has = true;
	in.eth.validator_count = 16; /* sweep 1 block = 12 s, half 6 s */
	/* 5e6 / 65536 = 76.3 → raised to 128; ceil(1000 / 128) = ceil(7.8) = 8;
	 * (8 + 5 + 256) × 384 = 269 × 384 = 103296 */
	in.eth.total_active_balance_eth = 5000000;
	in.eth.queue_ahead_eth = 1000;
	assert_int_equal(unbond_estimate(&r, T0, &in, &e), 0);
	assert_eta(&e, T0 + 103296 + 6, T0 + 103296, T0 + 103296 + 12, false);
	/* 10e6 / 65536 = 152.6 → floor 152 ETH; 1520 / 152 = 10 epochs exactly:
	 * (10 + 261) × 384 = 104064; one more ETH makes 11: 272 × 384 = 104448 */
	in.eth.total_active_balance_eth = 10000000;
	in.eth.queue_ahead_eth = 1520;
	assert_int_equal(unbond_estimate(&r, T0, &in, &e), 0);
	assert_int_equal(e.earliest_at, T0 + 104064);
	in.eth.queue_ahead_eth = 1521;
	assert_int_equal(unbond_estimate(&r, T0, &in, &e), 0);
	assert_int_equal(e.earliest_at, T0 + 104448);
}

static void estimate__eth_exit__defaults_without_inputs(void **state)
{
	(void)state;
	struct unbond_rule r = eth_rule();
	struct unbond_eta e;
	assert_int_equal(unbond_estimate(&r, T0, NULL, &e), 0);
	/* empty queue: (5 + 256) × 384 = 100224 s; default 800000 validators:
	 * 800000 / 16 × 12 = 600000 s sweep, half 300000 (3.5 d) */
	assert_eta(&e, T0 + 100224 + 300000, T0 + 100224, T0 + 100224 + 600000, false);
	assert_string_equal(e.basis, "Ethereum exit: queue unknown (assumed empty) + 5 epochs"
	                    " + 256 epochs + sweep ~3.5 d (estimate)");
	/* delay 0 in the rule means the spec's 256 epochs */
	r.delay_s = 0;
	assert_int_equal(unbond_estimate(&r, T0, NULL, &e), 0);
	assert_int_equal(e.earliest_at, T0 + 100224);
}

/* --- QUEUE ----------------------------------------------------------------- */

static void estimate__queue__api_estimate(void **state)
{
	(void)state;
	struct unbond_rule r = lido_rule();
	struct unbond_inputs in = {0};
	struct unbond_eta e;
	in.queue.has = true;
	in.queue.finalization_in_ms = 259200000; /* 259200 s = 3 days */
	in.queue.observed_at = T0 + 60;
	snprintf(in.queue.label, sizeof in.queue.label, "Lido withdrawal queue: wq-api");
	assert_int_equal(unbond_estimate(&r, T0, &in, &e), 0);
	/* observed_at + 259200 = 1795593660 + 259200 = 1795852860 */
	assert_eta(&e, 1795852860, 1795852860, 1795852860, false);
	assert_string_equal(e.basis, "Lido withdrawal queue: wq-api estimate: 3 days after"
	                    " the observation (estimate)");
	/* 1500 ms rounds up to 2 s */
	in.queue.finalization_in_ms = 1500;
	assert_int_equal(unbond_estimate(&r, T0 - 100, &in, &e), 0);
	assert_int_equal(e.available_at, T0 + 60 + 2);
	/* never before the request */
	assert_int_equal(unbond_estimate(&r, T0 + 3600, &in, &e), 0);
	assert_int_equal(e.available_at, T0 + 3600);
}

static void estimate__queue__catalog_range(void **state)
{
	(void)state;
	struct unbond_rule r = lido_rule();
	struct unbond_eta e;
	assert_int_equal(unbond_estimate(&r, T0, NULL, &e), 0);
	/* typical 259200, min 86400, max 432000 */
	assert_eta(&e, T0 + 259200, T0 + 86400, T0 + 432000, false);
	assert_string_equal(e.basis, "typical 3 days, range 1 day to 5 days (catalog: Lido"
	                    " withdrawal queue, usually 1-5 days)");
	r.max_s = 0;
	assert_int_equal(unbond_estimate(&r, T0, NULL, &e), -1);
}

/* --- status ---------------------------------------------------------------- */

static void status__turns_claimable_at_the_exact_second(void **state)
{
	(void)state;
	struct unbonding u = {0};
	u.available_at = 1797408000;
	assert_int_equal(unbond_status_at(&u, 1797408000 - 1), UNBOND_PENDING);
	assert_int_equal(unbond_seconds_left(&u, 1797408000 - 1), 1);
	assert_int_equal(unbond_status_at(&u, 1797408000), UNBOND_CLAIMABLE);
	assert_int_equal(unbond_seconds_left(&u, 1797408000), 0);
	assert_int_equal(unbond_seconds_left(&u, 1797408000 + 50), 0);
	/* requested at T0: 21 days left */
	assert_int_equal(unbond_seconds_left(&u, T0), 1814400);
	u.claimed = true;
	u.claimed_at = 1797408100;
	assert_int_equal(unbond_status_at(&u, 1797408000 - 1), UNBOND_CLAIMED);
	assert_int_equal(unbond_seconds_left(&u, T0), 0);
	assert_string_equal(unbond_status_name(UNBOND_PENDING), "pending");
	assert_string_equal(unbond_status_name(UNBOND_CLAIMABLE), "claimable");
	assert_string_equal(unbond_status_name(UNBOND_CLAIMED), "claimed");
}

static void format_left__units(void **state)
{
	(void)state;
	char b[32];
	/* 1814399 = 20 × 86400 + 86399; 86399 = 23 h 59 m 59 s → "20d 23h" */
	assert_string_equal(unbond_format_left(1814399, b, sizeof b), "20d 23h");
	assert_string_equal(unbond_format_left(86400, b, sizeof b), "1d 0h");
	/* 5 × 3600 + 2 × 60 + 59 = 18179 */
	assert_string_equal(unbond_format_left(18179, b, sizeof b), "5h 02m");
	assert_string_equal(unbond_format_left(3600, b, sizeof b), "1h 00m");
	/* 4 × 60 + 10 = 250; 245 */
	assert_string_equal(unbond_format_left(250, b, sizeof b), "4m 10s");
	assert_string_equal(unbond_format_left(245, b, sizeof b), "4m 05s");
	assert_string_equal(unbond_format_left(42, b, sizeof b), "42s");
	assert_string_equal(unbond_format_left(1, b, sizeof b), "1s");
	assert_string_equal(unbond_format_left(0, b, sizeof b), "claimable");
	assert_string_equal(unbond_format_left(-5, b, sizeof b), "claimable");
	/* truncated to the buffer, still terminated */
	assert_string_equal(unbond_format_left(0, b, 6), "claim");
}

/* --- events ---------------------------------------------------------------- */

static struct event ev(enum event_type t, const char *amount)
{
	struct event e = {0};
	char err[96];
	e.type = t;
	if (amount) {
		e.has_amount = true;
		if (event_amount_parse(t, amount, 18, &e.amount, err, sizeof err) != 0)
			fail_msg("amount %s refused: %s", amount, err);
	}
	return e;
}

static void assert_qty(const struct event *v, size_t n, const char *want)
{
	dec_t q;
	char buf[DEC_STR_MAX];
	assert_int_equal(events_quantity(v, n, &q), 0);
	dec_format(q, buf, sizeof buf);
	assert_string_equal(buf, want);
}

static void event_type__names_round_trip(void **state)
{
	(void)state;
	const char *names[] = {"stake", "deposit", "withdraw", "unbond", "claim", "adjust"};
	for (unsigned i = 0; i < 6; i++) {
		enum event_type t;
		assert_int_equal(event_type_parse(names[i], &t), 0);
		assert_int_equal(t, i);
		assert_string_equal(event_type_name(t), names[i]);
	}
	enum event_type t;
	assert_int_equal(event_type_parse("Stake", &t), -1);
	assert_int_equal(event_type_parse("", &t), -1);
	assert_int_equal(event_type_parse(NULL, &t), -1);
	assert_string_equal(event_type_name(EVENT_TYPES_), "?");
}

static void event_amount__minus_only_for_adjust(void **state)
{
	(void)state;
	dec_t d;
	char err[96] = "";
	char buf[DEC_STR_MAX];
	assert_int_equal(event_amount_parse(EVENT_ADJUST, "-1.5", 18, &d, err, sizeof err), 0);
	dec_format(d, buf, sizeof buf);
	assert_string_equal(buf, "-1.5");
	assert_int_equal(event_amount_parse(EVENT_STAKE, "-1.5", 18, &d, err, sizeof err), -1);
	assert_string_equal(err, "negative amounts are allowed only for adjust");
	assert_int_equal(event_amount_parse(EVENT_ADJUST, "--1", 18, &d, err, sizeof err), -1);
	assert_int_equal(event_amount_parse(EVENT_ADJUST, "-", 18, &d, err, sizeof err), -1);
	assert_int_equal(event_amount_parse(EVENT_ADJUST, "+1", 18, &d, err, sizeof err), -1);
	assert_int_equal(event_amount_parse(EVENT_DEPOSIT, "2.25", 18, &d, err, sizeof err), 0);
}

static void events_quantity__sums_and_skips_removed(void **state)
{
	(void)state;
	struct event v[6];
	v[0] = ev(EVENT_STAKE, "10");
	v[1] = ev(EVENT_UNBOND, "2.5");
	assert_qty(v, 2, "7.5"); /* 10 − 2.5 */
	v[2] = ev(EVENT_DEPOSIT, "100");
	v[2].removed = true;     /* not counted */
	assert_qty(v, 3, "7.5");
	v[3] = ev(EVENT_ADJUST, "-1.5");
	assert_qty(v, 4, "6");   /* 7.5 − 1.5 */
	v[4] = ev(EVENT_CLAIM, "2.5");
	assert_qty(v, 5, "6");   /* claim changes nothing */
	v[5] = ev(EVENT_WITHDRAW, "0.000000000000000001");
	assert_qty(v, 6, "5.999999999999999999");
	assert_qty(v, 0, "0");
}

static void events_quantity__refuses_negative_and_malformed(void **state)
{
	(void)state;
	struct event v[3];
	dec_t q = dec_from_int(42);
	v[0] = ev(EVENT_STAKE, "1");
	v[1] = ev(EVENT_WITHDRAW, "2");
	assert_int_equal(events_quantity(v, 2, &q), -1);
	assert_true(dec_cmp(q, dec_from_int(42)) == 0); /* untouched */
	/* removing the withdrawal puts it right */
	v[1].removed = true;
	assert_qty(v, 2, "1");
	/* order does not matter: the unbond before a back-dated stake */
	v[0] = ev(EVENT_UNBOND, "3");
	v[1] = ev(EVENT_STAKE, "4");
	assert_qty(v, 2, "1");
	/* an adjust may take it below zero only if something else adds back */
	v[2] = ev(EVENT_ADJUST, "-2");
	assert_int_equal(events_quantity(v, 3, &q), -1);
	/* a negative stake, or a stake without an amount, is malformed */
	v[0] = ev(EVENT_STAKE, "1");
	v[0].amount.raw = -v[0].amount.raw;
	assert_int_equal(events_quantity(v, 1, &q), -1);
	v[0] = ev(EVENT_STAKE, NULL);
	assert_int_equal(events_quantity(v, 1, &q), -1);
}

/* --- exit comparison ------------------------------------------------------- */

static void exit_compare__wait_beats_discount(void **state)
{
	(void)state;
	struct exit_choice c;
	/* 10 stETH, NAV 3000 a token, market 2990, 3 days in the queue:
	 * wait 10 × 3000 = 30000, sell 10 × 2990 = 29900, difference 100,
	 * 100 / 29900 × 10000 = 33.44 bps, 259200 / 86400 = 3 days */
	exit_compare(10, 3000, 2990, 259200, &c);
	assert_true(fabsl(c.wait_value - 30000) < 1e-9L);
	assert_true(fabsl(c.sell_value - 29900) < 1e-9L);
	assert_true(fabsl(c.difference - 100) < 1e-9L);
	assert_true(fabsl(c.difference_bps - 33.4448160535L) < 1e-6L);
	assert_true(fabsl(c.days - 3) < 1e-12L);
	/* a premium: selling pays more (2 × 3000 vs 2 × 3030: −60) */
	exit_compare(2, 3000, 3030, 0, &c);
	assert_true(fabsl(c.difference + 60) < 1e-9L);
	assert_true(c.days == 0);
	/* no market: the difference is shown, bps are 0 rather than inf */
	exit_compare(2, 3000, 0, -5, &c);
	assert_true(c.difference_bps == 0);
	assert_true(c.days == 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(estimate__fixed__cosmos_21_days),
		cmocka_unit_test(estimate__fixed__polkadot_28_days),
		cmocka_unit_test(estimate__fixed__eigenlayer_100800_blocks),
		cmocka_unit_test(estimate__fixed__refuses_negative_and_overflow),
		cmocka_unit_test(estimate__none__available_at_once),
		cmocka_unit_test(estimate__epoch__one_second_before_boundary_waits_one_second),
		cmocka_unit_test(estimate__epoch__one_second_after_boundary_waits_an_epoch),
		cmocka_unit_test(estimate__epoch__request_at_observation_ends_this_epoch),
		cmocka_unit_test(estimate__epoch__old_request_counts_back),
		cmocka_unit_test(estimate__epoch__without_info_one_epoch_range),
		cmocka_unit_test(estimate__epoch__refuses_rule_without_slots),
		cmocka_unit_test(estimate__eth_exit__churn_capped_at_256),
		cmocka_unit_test(estimate__eth_exit__churn_floor_128_and_exact_division),
		cmocka_unit_test(estimate__eth_exit__defaults_without_inputs),
		cmocka_unit_test(estimate__queue__api_estimate),
		cmocka_unit_test(estimate__queue__catalog_range),
		cmocka_unit_test(status__turns_claimable_at_the_exact_second),
		cmocka_unit_test(format_left__units),
		cmocka_unit_test(event_type__names_round_trip),
		cmocka_unit_test(event_amount__minus_only_for_adjust),
		cmocka_unit_test(events_quantity__sums_and_skips_removed),
		cmocka_unit_test(events_quantity__refuses_negative_and_malformed),
		cmocka_unit_test(exit_compare__wait_beats_discount),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
