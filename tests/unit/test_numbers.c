/*
 * test_numbers.c - counts in news text: what is a count, its value, its
 * qualifier and its span; and what is not a count (years, dates, times,
 * percentages, model names, labels, ordinals, pronouns).
 */
#include "testutil.h"

#include <math.h>
#include <stdio.h>

#include "analyze/analyze.h"

#define EXACT CHR_QUAL_EXACT
#define APPROX CHR_QUAL_APPROX
#define MORE CHR_QUAL_MORE_THAN
#define LEAST CHR_QUAL_AT_LEAST
#define LESS CHR_QUAL_LESS_THAN
#define MOST CHR_QUAL_AT_MOST
#define RANGE CHR_QUAL_RANGE

/* One expected mention: its text, value, qualifier and (ranges) maximum. */
typedef struct want {
    const char *span;
    double value;
    int qual;
    double max;
} want;

typedef struct num_case {
    const char *text;
    want w[4];          /* ends at the first entry without a span */
} num_case;

static size_t nwant(const num_case *c)
{
    size_t n = 0;
    while (n < 4 && c->w[n].span) n++;
    return n;
}

/* Run the analyzer (with opts) on every case and compare the mentions, in
 * order, with what each case wants. */
static void check_cases(const num_case *cases, size_t ncases, unsigned opts, int ordinals)
{
    for (size_t i = 0; i < ncases; i++) {
        const num_case *c = &cases[i];
        chr_arena a;
        chr_arena_init(&a, 1 << 14);
        chr_text t = tu_text(&a, c->text);
        chr_mentions ms = {NULL, 0, 0};
        int rc = ordinals ? chr_ordinals_find(&t, &a, &ms) : chr_numbers_scan(&t, &a, &ms, opts);
        assert_int_equal(rc, 0);
        size_t n = nwant(c);
        if (ms.n != n) {
            fprintf(stderr, "case \"%s\": %zu mentions, wanted %zu\n", c->text, ms.n, n);
            for (size_t j = 0; j < ms.n; j++)
                fprintf(stderr, "  found '%.*s' = %.17g\n", (int)(ms.v[j].end - ms.v[j].start),
                        t.norm + ms.v[j].start, ms.v[j].u.num.value);
        }
        assert_int_equal(ms.n, n);
        for (size_t j = 0; j < n; j++) {
            const chr_mention *m = &ms.v[j];
            const want *w = &c->w[j];
            const chr_count *cnt = m->kind == CHR_M_MONEY ? &m->u.money.amount : &m->u.num;
            char span[256];
            snprintf(span, sizeof span, "%.*s", (int)(m->end - m->start), t.norm + m->start);
            if (strcmp(span, w->span) != 0 || cnt->value != w->value || cnt->qual != w->qual ||
                (w->qual == RANGE && cnt->max != w->max))
                fprintf(stderr, "case \"%s\": found '%s' = %.17g %s (max %.17g)\n", c->text, span,
                        cnt->value, chr_qual_name(cnt->qual), cnt->max);
            assert_string_equal(span, w->span);
            assert_true(cnt->value == w->value);
            assert_int_equal(cnt->qual, w->qual);
            if (w->qual == RANGE) assert_true(cnt->max == w->max);
            /* the span lies in the mention's tokens (a list of numbers
               written as one token, 22,24,26, has one span for each) */
            assert_true(m->start >= t.toks[m->tok_begin].start);
            assert_true(m->end <= t.toks[m->tok_end - 1].end);
            assert_true(m->tok_begin < m->tok_end);
        }
        chr_arena_free(&a);
    }
}

#define CHECK(cases) check_cases(cases, sizeof cases / sizeof cases[0], 0, 0)

static void test_digits_with_separators_and_decimals(void **state)
{
    (void)state;
    static const num_case cases[] = {
        {"1,000 missiles", {{"1,000", 1000, EXACT, 0}}},
        {"500 drones", {{"500", 500, EXACT, 0}}},
        {"7,000 troops", {{"7,000", 7000, EXACT, 0}}},
        {"1.5 tonnes of aid", {{"1.5", 1.5, EXACT, 0}}},
        {"1,234.56 litres", {{"1,234.56", 1234.56, EXACT, 0}}},
        {"a population of 1,234,567", {{"1,234,567", 1234567, EXACT, 0}}},
        {"12,34,567 people", {{"12,34,567", 1234567, EXACT, 0}}},
        {"40 000 refugees", {{"40 000", 40000, EXACT, 0}}},
        {"a .50 share", {{".50", 0.5, EXACT, 0}}},
        {"zero casualties", {{"zero", 0, EXACT, 0}}},
    };
    CHECK(cases);
}

static void test_number_words_and_mixtures(void **state)
{
    (void)state;
    static const num_case cases[] = {
        {"two hundred soldiers", {{"two hundred", 200, EXACT, 0}}},
        {"twenty-five tanks", {{"twenty-five", 25, EXACT, 0}}},
        {"Twenty-six people died", {{"Twenty-six", 26, EXACT, 0}}},
        {"a million refugees", {{"a million", 1e6, EXACT, 0}}},
        {"half a million people", {{"half a million", 5e5, EXACT, 0}}},
        {"1.5 million people", {{"1.5 million", 1.5e6, EXACT, 0}}},
        {"a dozen drones", {{"a dozen", 12, EXACT, 0}}},
        {"three dozen shells", {{"three dozen", 36, EXACT, 0}}},
        {"a quarter of a million", {{"a quarter of a million", 250000, EXACT, 0}}},
        {"three-quarters of a million", {{"three-quarters of a million", 750000, EXACT, 0}}},
        {"one and a half million", {{"one and a half million", 1.5e6, EXACT, 0}}},
        {"one hundred and six wounded", {{"one hundred and six", 106, EXACT, 0}}},
        {"two thousand and two hundred", {{"two thousand and two hundred", 2200, EXACT, 0}}},
        {"two hundred and two thousand", {{"two hundred and two thousand", 202000, EXACT, 0}}},
        {"6 crore and two hundred", {{"6 crore and two hundred", 60000200, EXACT, 0}}},
        {"nearly two hundred thousand occupiers",
         {{"nearly two hundred thousand", 200000, LESS, 0}}},
        {"14 thousand mothers", {{"14 thousand", 14000, EXACT, 0}}},
    };
    CHECK(cases);
}

static void test_abbreviated_scales_after_digits(void **state)
{
    (void)state;
    static const num_case cases[] = {
        {"2.3bn people", {{"2.3bn", 2.3e9, EXACT, 0}}},
        {"10k protesters", {{"10k", 1e4, EXACT, 0}}},
        {"2m people have fled", {{"2m", 2e6, EXACT, 0}}},
        {"10 bln or 10 tln", {{"10 bln", 1e10, EXACT, 0}, {"10 tln", 1e13, EXACT, 0}}},
        /* a lone lower-case m is a metre */
        {"a crater 500m away", {{NULL, 0, 0, 0}}},
        {"a 155mm shell", {{NULL, 0, 0, 0}}},
    };
    CHECK(cases);
}

static void test_vague_plurals_are_lower_bounds(void **state)
{
    (void)state;
    static const num_case cases[] = {
        {"hundreds of stinger missiles", {{"hundreds", 200, LEAST, 0}}},
        {"dozens were wounded", {{"dozens", 24, LEAST, 0}}},
        {"Thousands fled", {{"Thousands", 2000, LEAST, 0}}},
        {"tens of thousands of troops", {{"tens of thousands", 20000, LEAST, 0}}},
        {"hundreds of thousands of people", {{"hundreds of thousands", 200000, LEAST, 0}}},
        {"millions of Ukrainians", {{"millions", 2e6, LEAST, 0}}},
        {"several thousand protesters", {{"several thousand", 3000, LEAST, 0}}},
        {"a few hundred metres", {{"a few hundred", 200, LEAST, 0}}},
        /* "tens" alone is not a number */
        {"tens of people", {{NULL, 0, 0, 0}}},
    };
    CHECK(cases);
}

/* A number word begins a count whatever its case, and a web address hides
 * its digits whatever the case of its scheme. */
static void test_number_words_and_addresses_in_any_case(void **state)
{
    (void)state;
    static const num_case cases[] = {
        {"SEVERAL HUNDRED troops crossed.", {{"SEVERAL HUNDRED", 300, LEAST, 0}}},
        {"A Dozen tanks and Half A Million rounds arrived.",
         {{"A Dozen", 12, EXACT, 0}, {"Half A Million", 500000, EXACT, 0}}},
        {"Twenty-Five soldiers died.", {{"Twenty-Five", 25, EXACT, 0}}},
        {"See WWW.example.org/2024/55 and Http://kyiv.ua/300 for 40 photos.",
         {{"40", 40, EXACT, 0}}},
        {"Up to 300 fled and Dozens more stayed.",
         {{"Up to 300", 300, MOST, 0}, {"Dozens", 24, LEAST, 0}}},
    };
    CHECK(cases);
}

static void test_qualifier_before_a_count_joins_its_span(void **state)
{
    (void)state;
    static const num_case cases[] = {
        {"over 200 tanks", {{"over 200", 200, MORE, 0}}},
        {"Over a million people have fled", {{"Over a million", 1e6, MORE, 0}}},
        {"more than 2,000 civilians", {{"more than 2,000", 2000, MORE, 0}}},
        {"surpassing a million", {{"surpassing a million", 1e6, MORE, 0}}},
        {"in excess of 30 miles", {{"in excess of 30", 30, MORE, 0}}},
        {"at least 60 people", {{"at least 60", 60, LEAST, 0}}},
        {"no fewer than 12", {{"no fewer than 12", 12, LEAST, 0}}},
        {"under 300 remain", {{"under 300", 300, LESS, 0}}},
        {"fewer than a thousand", {{"fewer than a thousand", 1000, LESS, 0}}},
        {"nearly 1,000 Russian troops", {{"nearly 1,000", 1000, LESS, 0}}},
        {"almost four million", {{"almost four million", 4e6, LESS, 0}}},
        {"just under 50", {{"just under 50", 50, LESS, 0}}},
        {"up to 700 workers", {{"up to 700", 700, MOST, 0}}},
        {"as many as 190,000 troops", {{"as many as 190,000", 190000, MOST, 0}}},
        {"no more than 50", {{"no more than 50", 50, MOST, 0}}},
        {"about 14,000 lives", {{"about 14,000", 14000, APPROX, 0}}},
        {"around 80 organisations", {{"around 80", 80, APPROX, 0}}},
        {"some 300,000 shells", {{"some 300,000", 300000, APPROX, 0}}},
        {"roughly 100,000 troops", {{"roughly 100,000", 100000, APPROX, 0}}},
        {"an estimated 1,000 civilians", {{"an estimated 1,000", 1000, APPROX, 0}}},
        {"at least hundreds", {{"at least hundreds", 200, LEAST, 0}}},
    };
    CHECK(cases);
}

static void test_qualifier_after_a_count(void **state)
{
    (void)state;
    static const num_case cases[] = {
        {"500 or more troops", {{"500 or more", 500, LEAST, 0}}},
        {"40-odd years", {{"40-odd", 40, APPROX, 0}}},
        {"200 or so", {{"200 or so", 200, APPROX, 0}}},
        {"100-plus vehicles", {{"100-plus", 100, LEAST, 0}}},
        {"five hundred or less", {{"five hundred or less", 500, MOST, 0}}},
        /* the bound wins over an estimate */
        {"about five hundred or more", {{"five hundred or more", 500, LEAST, 0}}},
    };
    CHECK(cases);
}

static void test_over_a_period_is_no_qualifier(void **state)
{
    (void)state;
    static const num_case cases[] = {
        {"shelled over three days", {{"three", 3, EXACT, 0}}},
        {"for over three years", {{"over three", 3, MORE, 0}}},
        {"over thirty years old", {{"over thirty", 30, MORE, 0}}},
    };
    CHECK(cases);
}

static void test_ranges_have_low_value_and_high_max(void **state)
{
    (void)state;
    static const num_case cases[] = {
        {"3 to 5 people", {{"3 to 5", 3, RANGE, 5}}},
        {"between 3,000 and 4,000 troops", {{"between 3,000 and 4,000", 3000, RANGE, 4000}}},
        {"3-5 hours", {{"3-5", 3, RANGE, 5}}},
        {"from 10 to 20 tanks", {{"from 10 to 20", 10, RANGE, 20}}},
        {"3 to 5 million", {{"3 to 5 million", 3e6, RANGE, 5e6}}},
        {"30 to 35,000 troops", {{"30 to 35,000", 30000, RANGE, 35000}}},
        {"between one hundred and two hundred",
         {{"between one hundred and two hundred", 100, RANGE, 200}}},
        {"5k-20k", {{"5k-20k", 5000, RANGE, 20000}}},
        /* not ranges: a score, a ratio */
        {"won 2-1", {{NULL, 0, 0, 0}}},
        {"one in five children", {{NULL, 0, 0, 0}}},
        {"two out of three", {{NULL, 0, 0, 0}}},
    };
    CHECK(cases);
}

static void test_years_dates_and_times_are_not_counts(void **state)
{
    (void)state;
    static const num_case cases[] = {
        {"in 2014 Russia annexed Crimea", {{NULL, 0, 0, 0}}},
        {"2022 was a hard year", {{NULL, 0, 0, 0}}},
        {"in 1990-91 and the 1990s", {{NULL, 0, 0, 0}}},
        {"on March 3 and 3 March", {{NULL, 0, 0, 0}}},
        {"on Jan. 3 and on 24 February", {{NULL, 0, 0, 0}}},
        {"on 2022-03-03 or 03/03/2022", {{NULL, 0, 0, 0}}},
        {"May 4-5", {{NULL, 0, 0, 0}}},
        {"between March 3 and 8, from 3 to 8 March", {{NULL, 0, 0, 0}}},
        {"at 10:30, at 5 p.m., at 9am, at 1400 GMT", {{NULL, 0, 0, 0}}},
        {"the 9/11 attacks, open 24/7", {{NULL, 0, 0, 0}}},
        /* a year-sized amount of money is money */
        {"$2000 in cash", {{"$2000", 2000, EXACT, 0}}},
    };
    CHECK(cases);
}

static void test_percentages_are_not_counts(void **state)
{
    (void)state;
    static const num_case cases[] = {
        {"5% of them", {{NULL, 0, 0, 0}}},
        {"27 % in the quarter", {{NULL, 0, 0, 0}}},
        {"5 percent and 5 per cent", {{NULL, 0, 0, 0}}},
        {"five percent", {{NULL, 0, 0, 0}}},
        {"5-10% and 3 to 4 percent", {{NULL, 0, 0, 0}}},
    };
    CHECK(cases);
}

static void test_model_names_phones_and_labels_are_not_counts(void **state)
{
    (void)state;
    static const num_case cases[] = {
        {"T-72 tanks and M777 howitzers", {{NULL, 0, 0, 0}}},
        {"Su-25 jets, F-16s, S-300 and MiG-29 fighters", {{NULL, 0, 0, 0}}},
        {"Leopard 2 and Challenger 2 tanks", {{NULL, 0, 0, 0}}},
        {"Patriot PAC-3, Bayraktar TB2, Tu-22M3", {{NULL, 0, 0, 0}}},
        {"the G7 and the G20 met", {{NULL, 0, 0, 0}}},
        {"COVID-19 and mid-2022", {{NULL, 0, 0, 0}}},
        {"call +1-222-555-0100", {{NULL, 0, 0, 0}}},
        {"under Article 5 and Resolution 2334", {{NULL, 0, 0, 0}}},
        {"the No. 1 priority and Nord Stream 2", {{NULL, 0, 0, 0}}},
        {"1. Introduction\n2. Background", {{NULL, 0, 0, 0}}},
        {"192.168.1.2", {{NULL, 0, 0, 0}}},
        {"see https://example.org/page/2024/55", {{NULL, 0, 0, 0}}},
    };
    CHECK(cases);
}

static void test_ordinals_fractions_and_compounds_are_not_counts(void **state)
{
    (void)state;
    static const num_case cases[] = {
        {"the second attack on the 2nd day", {{NULL, 0, 0, 0}}},
        {"the twenty-first century", {{NULL, 0, 0, 0}}},
        {"two thirds of the population", {{NULL, 0, 0, 0}}},
        {"half of them, a quarter of the city", {{NULL, 0, 0, 0}}},
        {"more than half", {{NULL, 0, 0, 0}}},
        {"one-fourth is a fraction", {{NULL, 0, 0, 0}}},
        {"a 45-year-old man on a two-day visit", {{NULL, 0, 0, 0}}},
        {"a 500-pound bomb and a 30-member team", {{NULL, 0, 0, 0}}},
    };
    CHECK(cases);
}

static void test_one_is_a_count_only_as_a_number(void **state)
{
    (void)state;
    static const num_case cases[] = {
        {"one soldier was killed", {{"one", 1, EXACT, 0}}},
        {"in one day", {{"one", 1, EXACT, 0}}},
        {"the third is only one.", {{"one", 1, EXACT, 0}}},
        {"the one who fled", {{NULL, 0, 0, 0}}},
        {"one of the soldiers", {{NULL, 0, 0, 0}}},
        {"Which one do you prefer?", {{NULL, 0, 0, 0}}},
        {"they help one another", {{NULL, 0, 0, 0}}},
        {"the only one he trusts", {{NULL, 0, 0, 0}}},
        {"a very hot one, a symbolic one.", {{NULL, 0, 0, 0}}},
        {"we may one day see it", {{NULL, 0, 0, 0}}},
        {"no one came", {{NULL, 0, 0, 0}}},
    };
    CHECK(cases);
}

static void test_number_words_in_names_are_not_counts(void **state)
{
    (void)state;
    static const num_case cases[] = {
        {"the Group of Seven met", {{NULL, 0, 0, 0}}},
        {"leaders of the Big Three", {{NULL, 0, 0, 0}}},
        {"Three people died", {{"Three", 3, EXACT, 0}}},
        {"He said: \"Seven were hurt\"", {{"Seven", 7, EXACT, 0}}},
    };
    CHECK(cases);
}

static void test_huge_numbers_neither_crash_nor_report_infinity(void **state)
{
    (void)state;
    char text[512];
    memset(text, '9', 400);
    strcpy(text + 400, " apples");
    chr_arena a;
    chr_arena_init(&a, 1 << 14);
    chr_text t = tu_text(&a, text);
    chr_mentions ms = {NULL, 0, 0};
    assert_int_equal(chr_numbers_find(&t, &a, &ms), 0);
    /* beyond a double: not reported */
    assert_int_equal(ms.n, 0);
    chr_arena_free(&a);

    /* integers are exact up to 2^53 */
    static const num_case cases[] = {
        {"9,007,199,254,740,992 grains", {{"9,007,199,254,740,992", 9007199254740992.0, EXACT, 0}}},
        {"1e999 grains", {{NULL, 0, 0, 0}}},
    };
    CHECK(cases);

    /* beyond, they are as close as a double gets */
    const char *big[] = {"12345678901234567890 grains", "9999999999999999999 trillion grains"};
    const double val[] = {12345678901234567890.0, 9999999999999999999.0 * 1e12};
    for (int i = 0; i < 2; i++) {
        chr_arena_init(&a, 1 << 14);
        t = tu_text(&a, big[i]);
        ms = (chr_mentions){NULL, 0, 0};
        assert_int_equal(chr_numbers_find(&t, &a, &ms), 0);
        assert_int_equal(ms.n, 1);
        assert_true(fabs(ms.v[0].u.num.value - val[i]) <= 1e-12 * val[i]);
        chr_arena_free(&a);
    }
}

static void test_spans_are_offsets_in_the_normalized_text(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 1 << 14);
    /* curly quotes and a non-breaking space are folded by normalization */
    const char *s = "\xe2\x80\x9cOver\xc2\xa0" "200\xe2\x80\x9d were hurt";
    chr_text t = tu_text(&a, s);
    chr_mentions ms = {NULL, 0, 0};
    assert_int_equal(chr_numbers_find(&t, &a, &ms), 0);
    assert_int_equal(ms.n, 1);
    assert_int_equal(ms.v[0].start, 1);
    assert_int_equal(ms.v[0].end, 9);
    assert_memory_equal(t.norm + ms.v[0].start, "Over 200", 8);
    assert_int_equal(ms.v[0].u.num.qual, MORE);
    chr_arena_free(&a);
}

static void test_bare_scan_reports_every_number_alone(void **state)
{
    (void)state;
    static const num_case cases[] = {
        {"over 200 tanks", {{"200", 200, EXACT, 0}}},
        {"$20 and 3 to 5", {{"20", 20, EXACT, 0}, {"3", 3, EXACT, 0}, {"5", 5, EXACT, 0}}},
        {"Exercises 22,24,26",
         {{"22", 22, EXACT, 0}, {"24", 24, EXACT, 0}, {"26", 26, EXACT, 0}}},
        {"one out of three", {{"one", 1, EXACT, 0}, {"three", 3, EXACT, 0}}},
    };
    check_cases(cases, sizeof cases / sizeof cases[0], CHR_NUMS_NO_QUAL | CHR_NUMS_NO_MONEY, 0);
}

static void test_ordinals_are_found_apart(void **state)
{
    (void)state;
    static const num_case cases[] = {
        {"the 2nd and 21st days", {{"2nd", 2, EXACT, 0}, {"21st", 21, EXACT, 0}}},
        {"the twenty-first century", {{"twenty-first", 21, EXACT, 0}}},
        {"She finished second!", {{"second", 2, EXACT, 0}}},
        {"one hundred twenty fifth", {{"one hundred twenty fifth", 125, EXACT, 0}}},
        {"three trillionth", {{"three trillionth", 3e12, EXACT, 0}}},
        /* fractions and relative positions are not */
        {"one fifth of them, a trillionth", {{NULL, 0, 0, 0}}},
        {"the second to last", {{NULL, 0, 0, 0}}},
    };
    check_cases(cases, sizeof cases / sizeof cases[0], 0, 1);

    /* and they are flagged as ordinals */
    chr_arena a;
    chr_arena_init(&a, 1 << 14);
    chr_text t = tu_text(&a, "the 3rd day");
    chr_mentions ms = {NULL, 0, 0};
    assert_int_equal(chr_ordinals_find(&t, &a, &ms), 0);
    assert_int_equal(ms.n, 1);
    assert_true(ms.v[0].flags & CHR_NUMF_ORDINAL);
    chr_arena_free(&a);
}

static void test_mention_flags_tell_words_and_vague(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 1 << 14);
    chr_text t = tu_text(&a, "hundreds of tanks, two hundred jets and 300 drones");
    chr_mentions ms = {NULL, 0, 0};
    assert_int_equal(chr_numbers_find(&t, &a, &ms), 0);
    assert_int_equal(ms.n, 3);
    assert_true(ms.v[0].flags & CHR_NUMF_VAGUE);
    assert_true(ms.v[1].flags & CHR_NUMF_WORDS);
    assert_false(ms.v[1].flags & CHR_NUMF_VAGUE);
    assert_int_equal(ms.v[2].flags, 0);
    chr_arena_free(&a);
}

static void test_empty_and_numberless_text(void **state)
{
    (void)state;
    static const num_case cases[] = {
        {"", {{NULL, 0, 0, 0}}},
        {"a", {{NULL, 0, 0, 0}}},
        {"Russia and Ukraine held talks.", {{NULL, 0, 0, 0}}},
    };
    CHECK(cases);
}

/* Only the sentences asked for are read, and in them the same numbers are
 * found as when the whole text is read. */
static void test_numbers_are_found_in_the_sentences_asked_for(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 1 << 14);
    chr_text t = tu_text(&a, "About 300 people fled on Monday. Officials counted 12 tanks. "
                             "Another 4,000 were evacuated. Two hundred stayed.");
    assert_int_equal(t.nsents, 4);
    chr_mentions all = {NULL, 0, 0}, some = {NULL, 0, 0};
    assert_int_equal(chr_numbers_find(&t, &a, &all), 0);
    assert_int_equal(all.n, 4);
    const uint8_t only[4] = {0, 1, 1, 0};
    assert_int_equal(chr_numbers_find_in(&t, only, &a, &some), 0);
    assert_int_equal(some.n, 2);
    for (size_t i = 0; i < some.n; i++) {
        assert_int_equal(some.v[i].start, all.v[i + 1].start);
        assert_int_equal(some.v[i].end, all.v[i + 1].end);
        assert_true(some.v[i].u.num.value == all.v[i + 1].u.num.value);
    }
    assert_true(some.v[0].u.num.value == 12 && some.v[1].u.num.value == 4000);
    /* NULL asks for every sentence */
    chr_mentions again = {NULL, 0, 0};
    assert_int_equal(chr_numbers_find_in(&t, NULL, &a, &again), 0);
    assert_int_equal(again.n, all.n);
    chr_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_digits_with_separators_and_decimals),
        cmocka_unit_test(test_number_words_and_mixtures),
        cmocka_unit_test(test_abbreviated_scales_after_digits),
        cmocka_unit_test(test_vague_plurals_are_lower_bounds),
        cmocka_unit_test(test_number_words_and_addresses_in_any_case),
        cmocka_unit_test(test_qualifier_before_a_count_joins_its_span),
        cmocka_unit_test(test_qualifier_after_a_count),
        cmocka_unit_test(test_over_a_period_is_no_qualifier),
        cmocka_unit_test(test_ranges_have_low_value_and_high_max),
        cmocka_unit_test(test_years_dates_and_times_are_not_counts),
        cmocka_unit_test(test_percentages_are_not_counts),
        cmocka_unit_test(test_model_names_phones_and_labels_are_not_counts),
        cmocka_unit_test(test_ordinals_fractions_and_compounds_are_not_counts),
        cmocka_unit_test(test_one_is_a_count_only_as_a_number),
        cmocka_unit_test(test_number_words_in_names_are_not_counts),
        cmocka_unit_test(test_huge_numbers_neither_crash_nor_report_infinity),
        cmocka_unit_test(test_spans_are_offsets_in_the_normalized_text),
        cmocka_unit_test(test_bare_scan_reports_every_number_alone),
        cmocka_unit_test(test_ordinals_are_found_apart),
        cmocka_unit_test(test_mention_flags_tell_words_and_vague),
        cmocka_unit_test(test_empty_and_numberless_text),
        cmocka_unit_test(test_numbers_are_found_in_the_sentences_asked_for),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
