/*
 * test_money.c - amounts of money: the currency (ISO 4217) from symbols,
 * codes and names, the amount with its scale, qualifiers and ranges, and
 * what looks like money but is not (a 500-pound bomb).
 */
#include "testutil.h"

#include <stdio.h>

#include "analyze/analyze.h"

typedef struct money_case {
    const char *text;
    const char *span;       /* NULL: no money in the text */
    double value;
    const char *currency;
    int qual;
    double max;
} money_case;

/* Each text holds exactly one amount (or none), and it is not also a number. */
static void check_money(const money_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const money_case *c = &cases[i];
        chr_arena a;
        chr_arena_init(&a, 1 << 14);
        chr_text t = tu_text(&a, c->text);
        chr_mentions ms = {NULL, 0, 0};
        assert_int_equal(chr_numbers_find(&t, &a, &ms), 0);
        const chr_mention *m = NULL;
        size_t nmoney = 0;
        for (size_t j = 0; j < ms.n; j++)
            if (ms.v[j].kind == CHR_M_MONEY) { m = &ms.v[j]; nmoney++; }
        if (nmoney != (c->span ? 1u : 0u))
            fprintf(stderr, "case \"%s\": %zu amounts\n", c->text, nmoney);
        assert_int_equal(nmoney, c->span ? 1 : 0);
        if (!c->span) { chr_arena_free(&a); continue; }
        /* the amount is not reported again as a number */
        for (size_t j = 0; j < ms.n; j++)
            if (ms.v[j].kind == CHR_M_NUMBER)
                assert_false(ms.v[j].start < m->end && ms.v[j].end > m->start);
        char span[256];
        snprintf(span, sizeof span, "%.*s", (int)(m->end - m->start), t.norm + m->start);
        const chr_count *cnt = &m->u.money.amount;
        if (strcmp(span, c->span) != 0 || cnt->value != c->value ||
            strcmp(m->u.money.currency, c->currency) != 0 || cnt->qual != c->qual)
            fprintf(stderr, "case \"%s\": found '%s' = %.17g %s %s\n", c->text, span, cnt->value,
                    m->u.money.currency, chr_qual_name(cnt->qual));
        assert_string_equal(span, c->span);
        assert_true(cnt->value == c->value);
        assert_string_equal(m->u.money.currency, c->currency);
        assert_int_equal(cnt->qual, c->qual);
        if (c->qual == CHR_QUAL_RANGE) assert_true(cnt->max == c->max);
        chr_arena_free(&a);
    }
}

#define CHECK(cases) check_money(cases, sizeof cases / sizeof cases[0])
#define EXACT CHR_QUAL_EXACT

static void test_currency_signs_before_the_amount(void **state)
{
    (void)state;
    static const money_case cases[] = {
        {"a $350 million package", "$350 million", 350e6, "USD", EXACT, 0},
        {"€500 million in loans", "€500 million", 500e6, "EUR", EXACT, 0},
        {"a £1.3bn fund", "£1.3bn", 1.3e9, "GBP", EXACT, 0},
        {"¥100 billion", "¥100 billion", 100e9, "JPY", EXACT, 0},
        {"CN¥5 billion", "CN¥5 billion", 5e9, "CNY", EXACT, 0},
        {"₴100 million", "₴100 million", 100e6, "UAH", EXACT, 0},
        {"₽2 trillion", "₽2 trillion", 2e12, "RUB", EXACT, 0},
        {"$1.5 trillion", "$1.5 trillion", 1.5e12, "USD", EXACT, 0},
        {"$94,000 to drop all claims", "$94,000", 94000, "USD", EXACT, 0},
        {"$ 75 million of bonds", "$ 75 million", 75e6, "USD", EXACT, 0},
    };
    CHECK(cases);
}

static void test_prefixed_dollar_signs_name_the_dollar(void **state)
{
    (void)state;
    static const money_case cases[] = {
        {"US$ 2 billion", "US$ 2 billion", 2e9, "USD", EXACT, 0},
        {"US$10 billion", "US$10 billion", 10e9, "USD", EXACT, 0},
        {"C$300 million", "C$300 million", 300e6, "CAD", EXACT, 0},
        {"A$1.2 billion", "A$1.2 billion", 1.2e9, "AUD", EXACT, 0},
        {"HK$10.05 billion", "HK$10.05 billion", 10.05e9, "HKD", EXACT, 0},
        {"Mex$ 10 million", "Mex$ 10 million", 10e6, "MXN", EXACT, 0},
        /* "a" before "$" is the article, not the Australian dollar */
        {"a $5bn deal", "$5bn", 5e9, "USD", EXACT, 0},
    };
    CHECK(cases);
}

static void test_iso_codes_before_and_after(void **state)
{
    (void)state;
    static const money_case cases[] = {
        {"USD 5 billion", "USD 5 billion", 5e9, "USD", EXACT, 0},
        {"EUR 8 million were raised", "EUR 8 million", 8e6, "EUR", EXACT, 0},
        {"CHF 10 million", "CHF 10 million", 10e6, "CHF", EXACT, 0},
        {"115USD", "115USD", 115, "USD", EXACT, 0},
        {"50 million USD", "50 million USD", 50e6, "USD", EXACT, 0},
        {"75 USD million", "75 USD million", 75e6, "USD", EXACT, 0},
        {"30 MUSD in losses", "30 MUSD", 30e6, "USD", EXACT, 0},
        {"2mil SEK", "2mil SEK", 2e6, "SEK", EXACT, 0},
        /* upper-case words that are also codes are not read as money */
        {"ALL 5 solutions", NULL, 0, NULL, 0, 0},
        {"TRY 5 times", NULL, 0, NULL, 0, 0},
    };
    CHECK(cases);
}

static void test_currency_names_after_the_amount(void **state)
{
    (void)state;
    static const money_case cases[] = {
        {"5 billion euros", "5 billion euros", 5e9, "EUR", EXACT, 0},
        {"350 million dollars", "350 million dollars", 350e6, "USD", EXACT, 0},
        {"two billion dollars", "two billion dollars", 2e9, "USD", EXACT, 0},
        {"1.5 trillion roubles", "1.5 trillion roubles", 1.5e12, "RUB", EXACT, 0},
        {"1.5 trillion rubles", "1.5 trillion rubles", 1.5e12, "RUB", EXACT, 0},
        {"100 million hryvnias", "100 million hryvnias", 100e6, "UAH", EXACT, 0},
        {"six and a half thousand hryvnias", "six and a half thousand hryvnias", 6500, "UAH", EXACT, 0},
        {"100 billion yuan", "100 billion yuan", 100e9, "CNY", EXACT, 0},
        {"40 rmb", "40 rmb", 40, "CNY", EXACT, 0},
        {"450,000 yen", "450,000 yen", 450000, "JPY", EXACT, 0},
        {"10 billion zloty", "10 billion zloty", 10e9, "PLN", EXACT, 0},
        {"3 million kronor", "3 million kronor", 3e6, "SEK", EXACT, 0},
        {"a krona", NULL, 0, NULL, 0, 0},
        {"10,000 Swiss francs", "10,000 Swiss francs", 10000, "CHF", EXACT, 0},
        {"125 million Australian dollars", "125 million Australian dollars", 125e6, "AUD", EXACT, 0},
        {"10 US dollars", "10 US dollars", 10, "USD", EXACT, 0},
        {"361 million pounds", "361 million pounds", 361e6, "GBP", EXACT, 0},
        {"20 million lari", "20 million lari", 20e6, "GEL", EXACT, 0},
        {"a one-yen bid", "one-yen", 1, "JPY", EXACT, 0},
        {"100₾ for a bicycle", "100₾", 100, "GEL", EXACT, 0},
    };
    CHECK(cases);
}

static void test_subunits_are_hundredths(void **state)
{
    (void)state;
    static const money_case cases[] = {
        {"50 cents more per barrel", "50 cents", 0.5, "USD", EXACT, 0},
        {"470 pence a share", "470 pence", 4.7, "GBP", EXACT, 0},
        {"shares fell 50p", "50p", 0.5, "GBP", EXACT, 0},
        {"a 12-cent dividend", "12-cent", 0.12, "USD", EXACT, 0},
        {"3 dollars and 50 cents", "3 dollars and 50 cents", 3.5, "USD", EXACT, 0},
        {"thirteen dollars and forty-five cents", "thirteen dollars and forty-five cents", 13.45, "USD", EXACT, 0},
    };
    CHECK(cases);
}

static void test_qualifiers_and_ranges_apply_to_money(void **state)
{
    (void)state;
    static const money_case cases[] = {
        {"some €500 million in aid", "some €500 million", 500e6, "EUR", CHR_QUAL_APPROX, 0},
        {"more than $2 billion", "more than $2 billion", 2e9, "USD", CHR_QUAL_MORE_THAN, 0},
        {"at least 60 billion euros", "at least 60 billion euros", 60e9, "EUR", CHR_QUAL_AT_LEAST, 0},
        {"up to $1bn", "up to $1bn", 1e9, "USD", CHR_QUAL_AT_MOST, 0},
        {"almost a billion euros a day", "almost a billion euros", 1e9, "EUR", CHR_QUAL_LESS_THAN, 0},
        {"an estimated seven billion rubles", "an estimated seven billion rubles", 7e9, "RUB",
         CHR_QUAL_APPROX, 0},
        {"$3-5 billion", "$3-5 billion", 3e9, "USD", CHR_QUAL_RANGE, 5e9},
        {"between $1bn and $2bn", "between $1bn and $2bn", 1e9, "USD", CHR_QUAL_RANGE, 2e9},
        {"3 to 5 million dollars", "3 to 5 million dollars", 3e6, "USD", CHR_QUAL_RANGE, 5e6},
        {"billions of dollars", "billions of dollars", 2e9, "USD", CHR_QUAL_AT_LEAST, 0},
        {"tens of billions of euros", "tens of billions of euros", 20e9, "EUR", CHR_QUAL_AT_LEAST, 0},
    };
    CHECK(cases);
}

static void test_abbreviated_millions_need_no_space(void **state)
{
    (void)state;
    static const money_case cases[] = {
        {"an extra $25m in aid", "$25m", 25e6, "USD", EXACT, 0},
        {"£500m", "£500m", 500e6, "GBP", EXACT, 0},
        {"a €1.2bn loan", "€1.2bn", 1.2e9, "EUR", EXACT, 0},
        {"$61bn", "$61bn", 61e9, "USD", EXACT, 0},
    };
    CHECK(cases);
}

static void test_weights_and_signs_that_are_not_money(void **state)
{
    (void)state;
    static const money_case cases[] = {
        {"a 500-pound bomb", NULL, 0, NULL, 0, 0},
        {"25 pounds of flour", NULL, 0, NULL, 0, 0},
        {"the dollar rose", NULL, 0, NULL, 0, 0},
        {"a million-dollar question", NULL, 0, NULL, 0, 0},
        /* the sign goes with the number it touches */
        {"1 $10 bill", "$10", 10, "USD", EXACT, 0},
    };
    CHECK(cases);
}

static void test_money_spans_leave_out_qualifiers_when_asked(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 1 << 14);
    chr_text t = tu_text(&a, "sales of about $ 14 million and some 5 billion euros");
    chr_mentions ms = {NULL, 0, 0};
    assert_int_equal(chr_numbers_scan(&t, &a, &ms, CHR_NUMS_NO_QUAL), 0);
    assert_int_equal(ms.n, 2);
    assert_int_equal(ms.v[0].kind, CHR_M_MONEY);
    assert_memory_equal(t.norm + ms.v[0].start, "$ 14 million", ms.v[0].end - ms.v[0].start);
    assert_int_equal(ms.v[0].end - ms.v[0].start, strlen("$ 14 million"));
    assert_int_equal(ms.v[0].u.money.amount.qual, CHR_QUAL_EXACT);
    assert_memory_equal(t.norm + ms.v[1].start, "5 billion euros", ms.v[1].end - ms.v[1].start);
    chr_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_currency_signs_before_the_amount),
        cmocka_unit_test(test_prefixed_dollar_signs_name_the_dollar),
        cmocka_unit_test(test_iso_codes_before_and_after),
        cmocka_unit_test(test_currency_names_after_the_amount),
        cmocka_unit_test(test_subunits_are_hundredths),
        cmocka_unit_test(test_qualifiers_and_ranges_apply_to_money),
        cmocka_unit_test(test_abbreviated_millions_need_no_space),
        cmocka_unit_test(test_weights_and_signs_that_are_not_money),
        cmocka_unit_test(test_money_spans_leave_out_qualifiers_when_asked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
