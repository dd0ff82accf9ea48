/*
 * test_days.c - calendar arithmetic on day numbers.
 */
#include "testutil.h"

static void test_epoch_is_day_zero_and_a_thursday(void **state)
{
    (void)state;
    assert_int_equal(chr_day_from_ymd(1970, 1, 1), 0);
    assert_int_equal(chr_day_weekday(0), 3);
}

static void test_seed_date_is_a_thursday(void **state)
{
    (void)state;
    chr_day d = tu_day("2022-03-03");
    assert_int_not_equal(d, CHR_DAY_NONE);
    assert_int_equal(chr_day_weekday(d), 3);
    assert_int_equal(chr_day_weekday(tu_day("2022-02-27")), 6);
}

static void test_round_trip_over_four_centuries(void **state)
{
    (void)state;
    for (chr_day d = chr_day_from_ymd(1800, 1, 1); d < chr_day_from_ymd(2200, 1, 1); d += 17) {
        int y, m, dd;
        chr_day_to_ymd(d, &y, &m, &dd);
        assert_int_equal(chr_day_from_ymd(y, m, dd), d);
    }
}

static void test_invalid_days_are_rejected(void **state)
{
    (void)state;
    assert_int_equal(tu_day("2022-02-30"), CHR_DAY_NONE);
    assert_int_equal(tu_day("2021-02-29"), CHR_DAY_NONE);
    assert_int_not_equal(tu_day("2024-02-29"), CHR_DAY_NONE);
    assert_int_equal(tu_day("2022-13-01"), CHR_DAY_NONE);
    assert_int_equal(tu_day("2022-3-03"), CHR_DAY_NONE);
    assert_int_equal(tu_day("20220303"), CHR_DAY_NONE);
    assert_int_equal(tu_day("2022-03-0x"), CHR_DAY_NONE);
}

static void test_format_writes_iso_days(void **state)
{
    (void)state;
    char out[11];
    chr_day_format(tu_day("2022-02-21"), out);
    assert_string_equal(out, "2022-02-21");
    chr_day_format(chr_day_from_ymd(2000, 2, 29) + 1, out);
    assert_string_equal(out, "2000-03-01");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_epoch_is_day_zero_and_a_thursday),
        cmocka_unit_test(test_seed_date_is_a_thursday),
        cmocka_unit_test(test_round_trip_over_four_centuries),
        cmocka_unit_test(test_invalid_days_are_rejected),
        cmocka_unit_test(test_format_writes_iso_days),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
