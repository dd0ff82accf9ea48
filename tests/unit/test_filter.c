/*
 * test_filter.c - a store filter read from names and strings, the one
 * reading the tool's options and the server's query parameters share: what
 * each value sets, and which values are refused with a message naming the
 * filter.
 */
#include "testutil.h"

#include "store/store.h"

static void test_text_filters_point_at_their_value(void **state)
{
    (void)state;
    static const char *const names[] = {"type", "mode", "status", "actor", "recipient", "item",
                                        "metric", "population", "side", "source", "doc"};
    chr_store_filter f;
    chr_store_filter_init(&f);
    const char *value = "x'; DROP TABLE records; --";
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        chr_error err;
        assert_int_equal(chr_store_filter_set(&f, names[i], value, &err), CHR_OK);
        assert_true(chr_store_filter_known(names[i]));
    }
    const char *const slots[] = {f.type, f.mode, f.status, f.actor, f.recipient, f.item,
                                 f.metric, f.population, f.side, f.source, f.doc_id};
    for (size_t i = 0; i < sizeof slots / sizeof *slots; i++) assert_ptr_equal(slots[i], value);
}

/* Table: name, value, whether it is taken, and what it sets. */
static void test_values_are_read_or_refused(void **state)
{
    (void)state;
    static const struct {
        const char *name, *value;
        int ok;
        const char *since, *until;      /* days set, "YYYY-MM-DD" */
        long limit, offset;
        long long story;
        int kind;
    } cases[] = {
        {"since", "2022", 1, "2022-01-01", NULL, 0, 0, 0, 0},
        {"until", "2022", 1, NULL, "2022-12-31", 0, 0, 0, 0},
        {"since", "2022-02", 1, "2022-02-01", NULL, 0, 0, 0, 0},
        {"until", "2024-02", 1, NULL, "2024-02-29", 0, 0, 0, 0},
        {"since", "2022-03-04", 1, "2022-03-04", NULL, 0, 0, 0, 0},
        {"since", "2022-13", 0, NULL, NULL, 0, 0, 0, 0},
        {"since", "2022-02-30", 0, NULL, NULL, 0, 0, 0, 0},
        {"until", "22-03-04", 0, NULL, NULL, 0, 0, 0, 0},
        {"until", "2022/03/04", 0, NULL, NULL, 0, 0, 0, 0},
        {"since", "", 0, NULL, NULL, 0, 0, 0, 0},
        {"limit", "50", 1, NULL, NULL, 50, 0, 0, 0},
        {"limit", "0", 0, NULL, NULL, 0, 0, 0, 0},
        {"limit", "-1", 0, NULL, NULL, 0, 0, 0, 0},
        {"limit", "+5", 0, NULL, NULL, 0, 0, 0, 0},
        {"limit", "5x", 0, NULL, NULL, 0, 0, 0, 0},
        {"limit", "99999999999999999999", 0, NULL, NULL, 0, 0, 0, 0},
        {"offset", "0", 1, NULL, NULL, 0, 0, 0, 0},
        {"offset", "200", 1, NULL, NULL, 0, 200, 0, 0},
        {"offset", "-200", 0, NULL, NULL, 0, 0, 0, 0},
        {"story", "17", 1, NULL, NULL, 0, 0, 17, 0},
        {"story", "0", 0, NULL, NULL, 0, 0, 0, 0},
        {"story", "abc", 0, NULL, NULL, 0, 0, 0, 0},
        {"kind", "event", 1, NULL, NULL, 0, 0, 0, CHR_REC_EVENT},
        {"kind", "figure", 1, NULL, NULL, 0, 0, 0, CHR_REC_FIGURE},
        {"kind", "Event", 0, NULL, NULL, 0, 0, 0, 0},
        {"type", "", 0, NULL, NULL, 0, 0, 0, 0},
        {"colour", "red", 0, NULL, NULL, 0, 0, 0, 0},
        {"", "x", 0, NULL, NULL, 0, 0, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        chr_store_filter f;
        chr_store_filter_init(&f);
        chr_error err;
        memset(&err, 0, sizeof err);
        int rc = chr_store_filter_set(&f, cases[i].name, cases[i].value, &err);
        if ((rc == CHR_OK) != cases[i].ok)
            fail_msg("%s=%s: %s", cases[i].name, cases[i].value, rc == CHR_OK ? "taken" : err.msg);
        if (!cases[i].ok) {
            assert_int_equal(rc, CHR_EUSAGE);
            /* the message names what was wrong */
            assert_non_null(strstr(err.msg, *cases[i].name ? cases[i].name : "unknown"));
            continue;
        }
        assert_int_equal(f.since, cases[i].since ? tu_day(cases[i].since) : CHR_DAY_NONE);
        assert_int_equal(f.until, cases[i].until ? tu_day(cases[i].until) : CHR_DAY_NONE);
        assert_int_equal(f.limit, cases[i].limit);
        assert_int_equal(f.offset, cases[i].offset);
        assert_int_equal(f.story, cases[i].story);
        assert_int_equal(f.kind, cases[i].kind);
    }
}

static void test_a_long_bad_value_is_quoted_short(void **state)
{
    (void)state;
    char value[4096];
    memset(value, '9', sizeof value - 1);
    value[sizeof value - 1] = '\0';
    value[0] = 'x';
    chr_store_filter f;
    chr_store_filter_init(&f);
    chr_error err;
    assert_int_equal(chr_store_filter_set(&f, "since", value, &err), CHR_EUSAGE);
    assert_true(strlen(err.msg) < 120);
    assert_non_null(strstr(err.msg, "...'"));
}

static void test_unknown_names_are_not_known(void **state)
{
    (void)state;
    static const char *const names[] = {"db", "format", "by", "split", "Type", "types", "", NULL};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        assert_false(chr_store_filter_known(names[i]));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_filters_point_at_their_value),
        cmocka_unit_test(test_values_are_read_or_refused),
        cmocka_unit_test(test_a_long_bad_value_is_quoted_short),
        cmocka_unit_test(test_unknown_names_are_not_known),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
