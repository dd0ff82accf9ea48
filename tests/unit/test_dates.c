/*
 * test_dates.c - the dates analyzer: what news text says about when, and the
 * days it resolves to against the publication date.
 *
 * Most tests are tables: a publication date, a sentence, the span that must
 * be found in it and the days it must resolve to.  2022-03-03, the seed
 * article's date, is a Thursday.
 */
#include "testutil.h"

#include <stdio.h>

#include "analyze/analyze.h"
#include "analyze/dates.h"

typedef struct dcase {
    const char *pub;     /* publication day, NULL for none */
    const char *text;
    const char *span;    /* the date's text */
    const char *start, *end;
    int flags;           /* CHR_DF_* that must be set */
} dcase;

static chr_mentions find_dates(chr_arena *a, chr_text *t, const char *pub, const char *text)
{
    *t = tu_text(a, text);
    chr_mentions ms = {0};
    assert_int_equal(chr_dates_find(t, pub ? tu_day(pub) : CHR_DAY_NONE, a, &ms), 0);
    return ms;
}

static const chr_mention *mention_with_span(const chr_text *t, const chr_mentions *ms,
                                            const char *span)
{
    size_t n = strlen(span);
    for (size_t i = 0; i < ms->n; i++)
        if (ms->v[i].end - ms->v[i].start == n && !memcmp(t->norm + ms->v[i].start, span, n))
            return &ms->v[i];
    return NULL;
}

static void print_found(const chr_text *t, const chr_mentions *ms)
{
    for (size_t i = 0; i < ms->n; i++) {
        char s[11], e[11];
        chr_day_format(ms->v[i].u.date.start, s);
        chr_day_format(ms->v[i].u.date.end, e);
        print_message("  found [%.*s] %s..%s flags %d\n", (int)(ms->v[i].end - ms->v[i].start),
                      t->norm + ms->v[i].start, s, e, ms->v[i].u.date.flags);
    }
}

static void check_cases(const dcase *cases, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        const dcase *c = &cases[k];
        chr_arena a;
        chr_arena_init(&a, 1 << 14);
        chr_text t;
        chr_mentions ms = find_dates(&a, &t, c->pub, c->text);
        const chr_mention *m = mention_with_span(&t, &ms, c->span);
        if (!m) {
            print_message("case %zu: \"%s\" (published %s): no date \"%s\"\n", k, c->text,
                          c->pub ? c->pub : "-", c->span);
            print_found(&t, &ms);
            fail();
        }
        char s[11], e[11];
        chr_day_format(m->u.date.start, s);
        chr_day_format(m->u.date.end, e);
        if (strcmp(s, c->start) || strcmp(e, c->end) || (m->u.date.flags & c->flags) != c->flags) {
            print_message("case %zu: \"%s\": \"%s\" is %s..%s flags %d, expected %s..%s flags %d\n",
                          k, c->text, c->span, s, e, m->u.date.flags, c->start, c->end, c->flags);
            fail();
        }
        chr_arena_free(&a);
    }
}

#define CHECK(cases) check_cases(cases, sizeof cases / sizeof cases[0])

/* Sentences in which nothing is a date. */
static void check_no_dates(const char *pub, const char *const *texts, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        chr_arena a;
        chr_arena_init(&a, 1 << 14);
        chr_text t;
        chr_mentions ms = find_dates(&a, &t, pub, texts[k]);
        if (ms.n) {
            print_message("\"%s\" has no date, but:\n", texts[k]);
            print_found(&t, &ms);
            fail();
        }
        chr_arena_free(&a);
    }
}

static int setup_anchors(void **state)
{
    (void)state;
    chr_error err;
    if (chr_anchors_load("data/anchors.txt", &err) != CHR_OK) {
        chr_error_print(&err, stderr, "test_dates");
        return -1;
    }
    return 0;
}

static int teardown_anchors(void **state)
{
    (void)state;
    chr_anchors_unload();
    return 0;
}

/* ---- the seed article ------------------------------------------------------ */

static void test_seed_dates_resolve_as_annotated(void **state)
{
    (void)state;
    static const dcase cases[] = {
        {"2022-03-03", "Last week, the White House announced $350 million.", "Last week",
         "2022-02-21", "2022-02-27", CHR_DF_RELATIVE},
        {"2022-03-03", "The second round of talks took place late on Wednesday.",
         "late on Wednesday", "2022-03-02", "2022-03-02", 0},
        {"2022-03-03", "Meanwhile, on Sunday, the European Union agreed to provide arms.",
         "Sunday", "2022-02-27", "2022-02-27", 0},
        {"2022-03-03", "Over a million residents have fled since February 24.",
         "since February 24", "2022-02-24", "2022-03-03", CHR_DF_SINCE},
        {"2022-03-03", "Blinken, on Wednesday, announced that he will be visiting Poland.",
         "Wednesday", "2022-03-02", "2022-03-02", 0},
        {"2022-03-03", "The trip is scheduled between March 3 and 8.", "between March 3 and 8",
         "2022-03-03", "2022-03-08", CHR_DF_RANGE},
        {"2022-03-03", "As of now, more than 2,000 civilians have been killed.", "As of now",
         "2022-03-03", "2022-03-03", 0},
    };
    CHECK(cases);
}

/* ---- weekdays --------------------------------------------------------------- */

static void test_weekday_alone_is_most_recent_including_publication_day(void **state)
{
    (void)state;
    static const dcase cases[] = {
        {"2022-03-03", "Talks were held on Monday in Belarus.", "Monday", "2022-02-28", "2022-02-28", 0},
        {"2022-03-03", "Kyiv was shelled on Thursday.", "Thursday", "2022-03-03", "2022-03-03", 0},
        {"2022-03-03", "The convoy stalled on Friday.", "Friday", "2022-02-25", "2022-02-25", 0},
        {"2022-02-27", "Pope Francis on Sunday said the war must stop.", "Sunday",
         "2022-02-27", "2022-02-27", 0},
        {"2022-03-03", "Strikes hit Kharkiv early Thursday.", "early Thursday", "2022-03-03", "2022-03-03", 0},
        {"2022-03-03", "Sirens sounded on Wednesday night.", "Wednesday night", "2022-03-02", "2022-03-02", 0},
        {"2022-03-03", "Officials said on Tuesday that the bridge was hit.", "Tuesday",
         "2022-03-01", "2022-03-01", 0},
        {"2022-03-03", "The minister said Monday he will travel to Warsaw.", "Monday",
         "2022-02-28", "2022-02-28", 0},
    };
    CHECK(cases);
}

static void test_weekday_in_future_clause_is_next_occurrence(void **state)
{
    (void)state;
    static const dcase cases[] = {
        {"2022-03-03", "The leaders will meet on Monday.", "Monday", "2022-03-07", "2022-03-07", 0},
        {"2022-03-03", "NATO ministers are scheduled to meet in Brussels on Friday.", "Friday",
         "2022-03-04", "2022-03-04", 0},
        {"2022-03-03", "On Monday, the delegations will meet again.", "Monday", "2022-03-07", "2022-03-07", 0},
        {"2022-03-03", "He plans to visit Kyiv next Tuesday.", "next Tuesday", "2022-03-08", "2022-03-08", 0},
        {"2022-03-03", "The summit is due to open on Saturday.", "Saturday", "2022-03-05", "2022-03-05", 0},
        {"2022-03-03", "They'll vote on Wednesday.", "Wednesday", "2022-03-09", "2022-03-09", 0},
        {"2022-03-03", "Ministers are expected to sign the deal on Thursday.", "Thursday",
         "2022-03-03", "2022-03-03", 0},
        {"2022-03-03", "The talks on Monday will be the third round.", "Monday", "2022-03-07", "2022-03-07", 0},
    };
    CHECK(cases);
}

static void test_last_this_next_weekday_name_a_week(void **state)
{
    (void)state;
    static const dcase cases[] = {
        {"2022-03-03", "The ceasefire collapsed last Friday.", "last Friday", "2022-02-25", "2022-02-25", 0},
        {"2022-03-03", "It happened this Tuesday.", "this Tuesday", "2022-03-01", "2022-03-01", 0},
        {"2022-03-03", "The vote is set for next Friday.", "next Friday", "2022-03-11", "2022-03-11", 0},
        {"2022-03-03", "They met this past Sunday.", "this past Sunday", "2022-02-27", "2022-02-27", 0},
        {"2022-03-03", "The team returns next week on Friday.", "next week on Friday", "2022-03-11", "2022-03-11", 0},
        {"2022-03-03", "It opens on Friday of next week.", "Friday of next week", "2022-03-11", "2022-03-11", 0},
    };
    CHECK(cases);
}

/* ---- days relative to publication -------------------------------------------- */

static void test_relative_days_count_from_publication(void **state)
{
    (void)state;
    static const dcase cases[] = {
        {"2022-03-03", "Russian forces shelled the city yesterday.", "yesterday", "2022-03-02", "2022-03-02", CHR_DF_RELATIVE},
        {"2022-03-03", "Today, the UN will vote.", "Today", "2022-03-03", "2022-03-03", CHR_DF_RELATIVE},
        {"2022-03-03", "The convoy arrives tomorrow.", "tomorrow", "2022-03-04", "2022-03-04", 0},
        {"2022-03-03", "It began the day before yesterday.", "the day before yesterday", "2022-03-01", "2022-03-01", 0},
        {"2022-03-03", "Explosions were heard last night.", "last night", "2022-03-02", "2022-03-02", 0},
        {"2022-03-03", "He spoke this morning.", "this morning", "2022-03-03", "2022-03-03", 0},
        {"2022-03-03", "Talks resume tonight.", "tonight", "2022-03-03", "2022-03-03", 0},
        {"2022-03-03", "Missiles struck Kyiv overnight.", "overnight", "2022-03-02", "2022-03-03", 0},
        {"2022-03-03", "Two days ago the port was closed.", "Two days ago", "2022-03-01", "2022-03-01", 0},
        {"2022-03-03", "The city fell three weeks ago.", "three weeks ago", "2022-02-10", "2022-02-10", 0},
        {"2022-03-03", "Prices rose a month ago.", "a month ago", "2022-02-03", "2022-02-03", 0},
        {"2022-03-03", "The aid will arrive in two weeks.", "in two weeks", "2022-03-17", "2022-03-17", 0},
        {"2022-06-02", "Fighting resumed the day before, officials said.", "the day before",
         "2022-06-01", "2022-06-01", 0},
    };
    CHECK(cases);
}

static void test_relative_periods_are_calendar_weeks_months_years(void **state)
{
    (void)state;
    static const dcase cases[] = {
        {"2022-03-03", "Sanctions were announced last week.", "last week", "2022-02-21", "2022-02-27", 0},
        {"2022-03-03", "More aid comes this week.", "this week", "2022-02-28", "2022-03-06", 0},
        {"2022-03-03", "Talks continue next week.", "next week", "2022-03-07", "2022-03-13", 0},
        {"2022-03-03", "Prices rose last month.", "last month", "2022-02-01", "2022-02-28", 0},
        {"2022-03-03", "Elections are due next month.", "next month", "2022-04-01", "2022-04-30", 0},
        {"2022-03-03", "Exports fell last year.", "last year", "2021-01-01", "2021-12-31", 0},
        {"2022-03-03", "The budget for this year grew.", "this year", "2022-01-01", "2022-12-31", 0},
        {"2022-03-03", "Protests grew this weekend.", "this weekend", "2022-03-05", "2022-03-06", 0},
        {"2022-07-31", "The drone attack happened earlier this month.", "earlier this month",
         "2022-07-01", "2022-07-30", 0},
        {"2022-07-01", "Earlier in the week, the port was hit.", "Earlier in the week",
         "2022-06-27", "2022-06-30", 0},
        {"2022-03-03", "Sales fell earlier this year.", "earlier this year", "2022-01-01", "2022-03-02", 0},
        {"2022-03-03", "A vote is due later this month.", "later this month", "2022-03-03", "2022-03-31", 0},
        {"2022-03-03", "Over the past week, prices doubled.", "the past week", "2022-02-24", "2022-03-02", 0},
        {"2022-03-03", "In the past two weeks, a million fled.", "the past two weeks", "2022-02-17", "2022-03-02", 0},
        {"2022-03-03", "Aid will flow over the next three days.", "the next three days", "2022-03-04", "2022-03-06", 0},
    };
    CHECK(cases);
}

/* ---- explicit dates -------------------------------------------------------------- */

static void test_explicit_dates_in_every_common_form(void **state)
{
    (void)state;
    static const dcase cases[] = {
        {"2022-03-03", "They met on March 3.", "March 3", "2022-03-03", "2022-03-03", 0},
        {"2022-03-03", "It was signed on March 3, 2022.", "March 3, 2022", "2022-03-03", "2022-03-03", 0},
        {"2022-03-03", "It was signed on 3 March.", "3 March", "2022-03-03", "2022-03-03", 0},
        {"2022-03-03", "It was signed on 3 March 2022.", "3 March 2022", "2022-03-03", "2022-03-03", 0},
        {"2022-03-03", "It was signed on March 3rd.", "March 3rd", "2022-03-03", "2022-03-03", 0},
        {"2022-03-03", "It was signed on the 3rd of March.", "the 3rd of March", "2022-03-03", "2022-03-03", 0},
        {"2022-03-03", "Filed 2022-03-03 in Kyiv.", "2022-03-03", "2022-03-03", "2022-03-03", 0},
        {"2022-03-03", "Filed 03/03/2022 in Kyiv.", "03/03/2022", "2022-03-03", "2022-03-03", 0},
        {"2022-03-03", "Filed 21/04/2016 in Kyiv.", "21/04/2016", "2016-04-21", "2016-04-21", 0},
        {"2022-03-03", "It began on Feb. 24, 2022.", "Feb. 24, 2022", "2022-02-24", "2022-02-24", 0},
        {"2022-03-03", "Prices peaked in March 2022.", "March 2022", "2022-03-01", "2022-03-31", 0},
        {"2022-03-03", "Russia annexed Crimea in 2014.", "2014", "2014-01-01", "2014-12-31", 0},
        {"2022-03-03", "Markets crashed in the 1990s.", "the 1990s", "1990-01-01", "1999-12-31", 0},
        {"2022-03-03", "On Monday, February 28, the talks began.", "Monday, February 28",
         "2022-02-28", "2022-02-28", 0},
        {"2022-03-03", "It opened on 5 December 1391.", "5 December 1391", "1391-12-05", "1391-12-05", 0},
    };
    CHECK(cases);
}

static void test_yearless_dates_take_the_nearest_year(void **state)
{
    (void)state;
    static const dcase cases[] = {
        /* news reports the past: a date well ahead is last year's */
        {"2022-01-10", "The deal was signed on December 28.", "December 28", "2021-12-28", "2021-12-28", 0},
        {"2022-12-20", "The summit will be held on January 10.", "January 10", "2023-01-10", "2023-01-10", 0},
        {"2022-06-04", "The attack on May 5 killed ten.", "May 5", "2022-05-05", "2022-05-05", 0},
        {"2022-03-03", "Exports rose in March.", "March", "2022-03-01", "2022-03-31", 0},
        {"2024-04-26", "The talks resumed in February.", "February", "2024-02-01", "2024-02-29", 0},
        {"2024-04-26", "A new package will be announced in June.", "June", "2024-06-01", "2024-06-30", 0},
        {"2024-04-26", "Elections took place in October.", "October", "2023-10-01", "2023-10-31", 0},
        {"2023-07-31", "Last April, the grain deal was extended.", "Last April", "2022-04-01", "2022-04-30", 0},
        {"2022-03-03", "Fighting may resume next May.", "next May", "2023-05-01", "2023-05-31", 0},
    };
    CHECK(cases);
}

static void test_early_mid_late_divide_periods_in_thirds(void **state)
{
    (void)state;
    static const dcase cases[] = {
        {"2022-03-03", "Talks are planned in mid-March.", "mid-March", "2022-03-11", "2022-03-20", 0},
        {"2022-03-03", "Aid arrived in early March.", "early March", "2022-03-01", "2022-03-10", 0},
        {"2022-03-03", "Aid will arrive by late March.", "late March", "2022-03-21", "2022-03-31", 0},
        {"2023-02-16", "It fell in late January.", "late January", "2023-01-21", "2023-01-31", 0},
        {"2022-03-03", "Troops massed in early 2021.", "early 2021", "2021-01-01", "2021-04-30", 0},
        {"2022-03-03", "By mid-2021 the build-up was visible.", "mid-2021", "2021-05-01", "2021-08-31", 0},
        {"2022-03-03", "Satellite images from late 2021 show tanks.", "late 2021", "2021-09-01", "2021-12-31", 0},
        {"2022-03-03", "The exercise ends at the end of March.", "the end of March", "2022-03-21", "2022-03-31", 0},
        {"2022-03-03", "The war began in the early 1990s.", "the early 1990s", "1990-01-01", "1993-12-31", 0},
    };
    CHECK(cases);
}

static void test_seasons_and_quarters(void **state)
{
    (void)state;
    static const dcase cases[] = {
        {"2022-03-03", "The offensive began last spring.", "last spring", "2021-03-01", "2021-05-31", 0},
        {"2022-03-03", "A counteroffensive is expected this summer.", "this summer", "2022-06-01", "2022-08-31", 0},
        {"2022-03-03", "It was built in the spring of 2022.", "the spring of 2022", "2022-03-01", "2022-05-31", 0},
        /* the winter that ended days before publication is "last winter" */
        {"2022-03-03", "Gas ran short last winter.", "last winter", "2021-12-01", "2022-02-28", 0},
        {"2022-11-15", "Gas may run short this winter.", "this winter", "2022-12-01", "2023-02-28", 0},
        {"2022-03-03", "Profits fell in the first quarter.", "the first quarter", "2022-01-01", "2022-03-31", 0},
        {"2022-03-03", "Deliveries start in Q1 2023.", "Q1 2023", "2023-01-01", "2023-03-31", 0},
        {"2022-03-03", "Output grew in the second half of 2021.", "the second half of 2021",
         "2021-07-01", "2021-12-31", 0},
    };
    CHECK(cases);
}

/* ---- ranges and since -------------------------------------------------------------- */

static void test_ranges_lend_month_and_year_across(void **state)
{
    (void)state;
    static const dcase cases[] = {
        {"2022-03-03", "The trip runs March 3-8.", "March 3-8", "2022-03-03", "2022-03-08", CHR_DF_RANGE},
        {"2022-03-03", "The trip runs from March 3 to March 8.", "from March 3 to March 8",
         "2022-03-03", "2022-03-08", CHR_DF_RANGE},
        {"2022-03-03", "The trip runs 3-8 March.", "3-8 March", "2022-03-03", "2022-03-08", CHR_DF_RANGE},
        {"2022-03-03", "Drills continue from March to May.", "from March to May", "2022-03-01", "2022-05-31", CHR_DF_RANGE},
        {"2022-03-03", "Between 2014 and 2016 the front held.", "Between 2014 and 2016",
         "2014-01-01", "2016-12-31", CHR_DF_RANGE},
        {"2022-03-03", "The 2014-2016 talks failed.", "2014-2016", "2014-01-01", "2016-12-31", CHR_DF_RANGE},
        {"2022-03-03", "From December to February 2022, troops massed.", "From December to February 2022",
         "2021-12-01", "2022-02-28", CHR_DF_RANGE},
        {"2022-03-03", "Drills ran from Friday through Sunday.", "from Friday through Sunday",
         "2022-02-25", "2022-02-27", CHR_DF_RANGE},
        {"2022-12-20", "The mission runs December 28 to January 4.", "December 28 to January 4",
         "2022-12-28", "2023-01-04", CHR_DF_RANGE},
    };
    CHECK(cases);
}

static void test_since_runs_to_publication_day(void **state)
{
    (void)state;
    static const dcase cases[] = {
        {"2022-03-03", "Prices doubled since 2014.", "since 2014", "2014-01-01", "2022-03-03", CHR_DF_SINCE},
        {"2022-03-03", "Since Monday, 50 have died.", "Since Monday", "2022-02-28", "2022-03-03", CHR_DF_SINCE},
        {"2022-03-03", "Since last week, shelling intensified.", "Since last week", "2022-02-21", "2022-03-03", CHR_DF_SINCE},
        /* "since" looks back even when the date is still ahead this year */
        {"2022-03-03", "Rents have risen since April.", "since April", "2021-04-01", "2022-03-03", CHR_DF_SINCE},
        {"2022-03-03", "So far, 2,000 civilians have been killed.", "So far", "2022-03-03", "2022-03-03", 0},
        {"2022-03-03", "The toll to date is 136 children.", "to date", "2022-03-03", "2022-03-03", 0},
        {"2022-03-03", "The road is open until March 8.", "March 8", "2022-03-08", "2022-03-08", 0},
    };
    CHECK(cases);
}

static void test_anchor_events_resolve_from_data_file(void **state)
{
    (void)state;
    assert_true(chr_anchors_count() > 10);
    static const dcase cases[] = {
        {"2022-03-03", "Two million have fled since the full-scale invasion.",
         "since the full-scale invasion", "2022-02-24", "2022-03-03", CHR_DF_SINCE},
        {"2022-05-10", "Ten thousand died since the war began.", "since the war began",
         "2022-02-24", "2022-05-10", CHR_DF_SINCE},
        {"2022-05-10", "Since the start of the war, exports collapsed.", "Since the start of the war",
         "2022-02-24", "2022-05-10", CHR_DF_SINCE},
        {"2022-05-10", "Exports fell since Russia invaded.", "since Russia invaded",
         "2022-02-24", "2022-05-10", CHR_DF_SINCE},
        {"2022-05-10", "Ties froze since the annexation of Crimea.", "since the annexation of Crimea",
         "2014-03-18", "2022-05-10", CHR_DF_SINCE},
        {"2022-05-10", "Trade fell during the war.", "during the war", "2022-02-24", "2022-05-10", CHR_DF_SINCE},
    };
    CHECK(cases);
}

static void test_anchor_file_errors_name_file_and_line(void **state)
{
    (void)state;
    chr_error err;
    const char *bad_date = "# anchors\n2022-02-24\tthe invasion\n2022-02-30\tthe war\n";
    assert_int_equal(chr_anchors_load_text(bad_date, strlen(bad_date), "a.txt", &err), CHR_EDATA);
    assert_string_equal(err.file, "a.txt");
    assert_int_equal(err.line, 3);
    const char *empty = "2022-02-24\tthe invasion | | the war\n";
    assert_int_equal(chr_anchors_load_text(empty, strlen(empty), "b.txt", &err), CHR_EDATA);
    assert_int_equal(err.line, 1);
    const char *no_phrase = "\n\n2022-02-24\n";
    assert_int_equal(chr_anchors_load_text(no_phrase, strlen(no_phrase), "c.txt", &err), CHR_EDATA);
    assert_int_equal(err.line, 3);
    assert_int_equal(chr_anchors_load("no/such/anchors.txt", &err), CHR_EIO);
    /* a failed load keeps the set in use */
    assert_true(chr_anchors_count() > 10);
}

static void test_anchor_phrases_follow_the_loaded_file(void **state)
{
    (void)state;
    chr_error err;
    const char *mine = "1991-08-24\tindependence | Ukraine's independence\n";
    assert_int_equal(chr_anchors_load_text(mine, strlen(mine), "mine.txt", &err), CHR_OK);
    assert_int_equal(chr_anchors_count(), 2);
    static const dcase cases[] = {
        {"2022-03-03", "The army grew since independence.", "since independence",
         "1991-08-24", "2022-03-03", CHR_DF_SINCE},
    };
    CHECK(cases);
    static const char *const none[] = {"Two million have fled since the full-scale invasion."};
    check_no_dates("2022-03-03", none, 1);
    assert_int_equal(setup_anchors(NULL), 0);
}

/* ---- without a publication date ----------------------------------------------------- */

static void test_without_publication_date_relative_dates_are_unresolved(void **state)
{
    (void)state;
    static const dcase resolved[] = {
        {NULL, "It was signed on March 3, 2022.", "March 3, 2022", "2022-03-03", "2022-03-03", 0},
        {NULL, "Russia annexed Crimea in 2014.", "2014", "2014-01-01", "2014-12-31", 0},
        {NULL, "Prices doubled since 2014.", "since 2014", "2014-01-01", "", CHR_DF_SINCE | CHR_DF_UNRESOLVED},
    };
    CHECK(resolved);
    static const dcase unresolved[] = {
        {NULL, "Sanctions were announced last week.", "last week", "", "", CHR_DF_RELATIVE | CHR_DF_UNRESOLVED},
        {NULL, "Kyiv was shelled on Thursday.", "Thursday", "", "", CHR_DF_UNRESOLVED},
        {NULL, "They met on March 3.", "March 3", "", "", CHR_DF_UNRESOLVED},
        {NULL, "The city fell three weeks ago.", "three weeks ago", "", "", CHR_DF_UNRESOLVED},
        {NULL, "The trip runs March 3-8.", "March 3-8", "", "", CHR_DF_RANGE | CHR_DF_UNRESOLVED},
        {NULL, "Since Monday, 50 have died.", "Since Monday", "", "", CHR_DF_SINCE | CHR_DF_UNRESOLVED},
        {NULL, "As of now, 2,000 have been killed.", "As of now", "", "", CHR_DF_UNRESOLVED},
    };
    CHECK(unresolved);
}

/* ---- what is not a date ----------------------------------------------------------------- */

static void test_words_and_numbers_that_are_not_dates(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "The EU may consider further sanctions.",
        "May I ask what this is for?",
        "Troops prepared a march on Kyiv.",
        "They march to the border every day.",
        "Over 200 missiles and 2,000 rounds were sent.",
        "Ukraine received 2000 troops and 1500 tanks.",
        "Russia lost dozens of T-72 tanks.",
        "USA Today reported the figures.",
        "Athletes arrived for the Winter Olympics.",
        "He described the fall of Kabul.",
        "Call +86 138-2010-2015 for details.",
        "The score was 4/22 in the final.",
        "Leaves fall in the park.",
        "It cost $12 and 4 people came.",
    };
    check_no_dates("2022-03-03", texts, sizeof texts / sizeof texts[0]);
}

static void test_impossible_dates_yield_no_mention(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "The deal was signed on February 30.",
        "It was filed on 2022-02-30.",
        "It was filed on 31/31/2022.",
        "In 0 and 99999 nothing happened.",
        "On March 3, 0000 and 99999-12-31 nothing happened either.",
    };
    chr_arena a;
    chr_arena_init(&a, 1 << 14);
    for (size_t k = 0; k < 3; k++) {
        chr_text t;
        chr_mentions ms = find_dates(&a, &t, "2022-03-03", texts[k]);
        if (ms.n) { print_found(&t, &ms); fail(); }
    }
    /* the last two must not crash; only March 3 may come out of them */
    for (size_t k = 3; k < 5; k++) {
        chr_text t;
        chr_mentions ms = find_dates(&a, &t, "2022-03-03", texts[k]);
        for (size_t i = 0; i < ms.n; i++)
            assert_true(ms.v[i].u.date.start == CHR_DAY_NONE ||
                        ms.v[i].u.date.start >= tu_day("1000-01-01"));
    }
    chr_arena_free(&a);
}

static void test_mentions_carry_byte_and_token_spans(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 1 << 14);
    chr_text t;
    const char *text = "Blinken travels between March 3 and 8, officials said.";
    chr_mentions ms = find_dates(&a, &t, "2022-03-03", text);
    assert_int_equal(ms.n, 1);
    const chr_mention *m = &ms.v[0];
    assert_int_equal(m->kind, CHR_M_DATE);
    assert_int_equal(m->start, strstr(text, "between") - text);
    assert_int_equal(m->end, strstr(text, ", officials") - text);
    assert_string_equal(tu_tok(&a, &t, m->tok_begin), "between");
    assert_string_equal(tu_tok(&a, &t, m->tok_end - 1), "8");
    assert_int_equal(m->u.date.gran, CHR_GRAN_DAY);
    chr_arena_free(&a);
}

/* The words that open a date are found in any case, wherever they stand. */
static void test_date_openers_are_found_in_any_case(void **state)
{
    (void)state;
    static const dcase cases[] = {
        {"2022-03-03", "AS OF TODAY, 40 people had fled.", "AS OF TODAY", "2022-03-03", "2022-03-03", 0},
        {"2022-03-03", "So far the city has held.", "So far", "2022-03-03", "2022-03-03", 0},
        {"2022-03-03", "Since March the port has been closed.", "Since March", "2022-03-01", "2022-03-03", CHR_DF_SINCE},
        {"2022-03-03", "BETWEEN MONDAY AND FRIDAY talks went on.", "BETWEEN MONDAY AND FRIDAY", "2022-02-28", "2022-03-04", 0},
        {"2022-03-03", "From 3 to 5 March the roads were shut.", "From 3 to 5 March", "2022-03-03", "2022-03-05", CHR_DF_RANGE},
        {"2022-03-03", "In two weeks the aid will arrive.", "In two weeks", "2022-03-17", "2022-03-17", 0},
        {"2022-03-03", "Unrest grew and the '90s ended badly.", "the '90s", "1990-01-01", "1999-12-31", 0},
        {"2022-03-03", "Output fell in the first half of 2022.", "the first half of 2022", "2022-01-01", "2022-06-30", 0},
        {"2022-03-03", "No talks are planned until now.", "until now", "2022-03-03", "2022-03-03", 0},
        {"2022-03-03", "The attack came THREE DAYS AGO, on Monday Night.", "THREE DAYS AGO", "2022-02-28", "2022-02-28", 0},
        {"2022-03-03", "The attack came THREE DAYS AGO, on Monday Night.", "Monday Night", "2022-02-28", "2022-02-28", 0},
    };
    CHECK(cases);
}

static void test_several_dates_in_one_sentence_are_each_found(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 1 << 14);
    chr_text t;
    chr_mentions ms = find_dates(&a, &t, "2022-03-03",
        "Russia annexed Crimea in 2014, invaded on February 24 and shelled Kyiv on Tuesday.");
    assert_int_equal(ms.n, 3);
    assert_non_null(mention_with_span(&t, &ms, "2014"));
    assert_non_null(mention_with_span(&t, &ms, "February 24"));
    assert_non_null(mention_with_span(&t, &ms, "Tuesday"));
    chr_arena_free(&a);
}

/* Only the sentences asked for are read, and what is found in them is what
 * reading the whole text finds there. */
static void test_dates_are_found_in_the_sentences_asked_for(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 1 << 14);
    chr_text t;
    chr_mentions all = find_dates(&a, &t, "2022-03-03", "Talks began on Monday. The convoy left "
                                  "last week. It arrived on March 1. Nothing happened in 2021.");
    assert_int_equal(t.nsents, 4);
    assert_int_equal(all.n, 4);
    const uint8_t only[4] = {0, 1, 0, 1};
    chr_mentions some = {0};
    assert_int_equal(chr_dates_find_in(&t, tu_day("2022-03-03"), only, &a, &some), 0);
    assert_int_equal(some.n, 2);
    const size_t from[2] = {1, 3};
    for (size_t i = 0; i < some.n; i++) {
        const chr_mention *m = &some.v[i], *w = &all.v[from[i]];
        assert_int_equal(m->start, w->start);
        assert_int_equal(m->end, w->end);
        assert_int_equal(m->u.date.start, w->u.date.start);
        assert_int_equal(m->u.date.end, w->u.date.end);
    }
    assert_non_null(mention_with_span(&t, &some, "last week"));
    assert_null(mention_with_span(&t, &some, "on Monday"));
    chr_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_dates_resolve_as_annotated),
        cmocka_unit_test(test_weekday_alone_is_most_recent_including_publication_day),
        cmocka_unit_test(test_weekday_in_future_clause_is_next_occurrence),
        cmocka_unit_test(test_last_this_next_weekday_name_a_week),
        cmocka_unit_test(test_relative_days_count_from_publication),
        cmocka_unit_test(test_date_openers_are_found_in_any_case),
        cmocka_unit_test(test_relative_periods_are_calendar_weeks_months_years),
        cmocka_unit_test(test_explicit_dates_in_every_common_form),
        cmocka_unit_test(test_yearless_dates_take_the_nearest_year),
        cmocka_unit_test(test_early_mid_late_divide_periods_in_thirds),
        cmocka_unit_test(test_seasons_and_quarters),
        cmocka_unit_test(test_ranges_lend_month_and_year_across),
        cmocka_unit_test(test_since_runs_to_publication_day),
        cmocka_unit_test(test_anchor_events_resolve_from_data_file),
        cmocka_unit_test(test_anchor_file_errors_name_file_and_line),
        cmocka_unit_test(test_anchor_phrases_follow_the_loaded_file),
        cmocka_unit_test(test_without_publication_date_relative_dates_are_unresolved),
        cmocka_unit_test(test_words_and_numbers_that_are_not_dates),
        cmocka_unit_test(test_impossible_dates_yield_no_mention),
        cmocka_unit_test(test_mentions_carry_byte_and_token_spans),
        cmocka_unit_test(test_several_dates_in_one_sentence_are_each_found),
        cmocka_unit_test(test_dates_are_found_in_the_sentences_asked_for),
    };
    return cmocka_run_group_tests(tests, setup_anchors, teardown_anchors);
}
