/*
 * test_mentions.c - the mention list: its order (by start, the longer
 * first, then by kind), kept stable for mentions equal in that order.
 */
#include "testutil.h"

#include <stdlib.h>

#include "analyze/analyze.h"

static chr_mention mention(uint32_t start, uint32_t end, int kind, uint32_t tag)
{
    chr_mention m;
    memset(&m, 0, sizeof m);
    m.start = start;
    m.end = end;
    m.kind = (uint8_t)kind;
    m.tok_begin = tag;          /* which mention it was, for the checks */
    return m;
}

/* The order, for a reference sort. */
static int before(const chr_mention *a, const chr_mention *b)
{
    if (a->start != b->start) return a->start < b->start;
    if (a->end != b->end) return a->end > b->end;
    return a->kind < b->kind;
}

/* Insertion sort: slow and obviously stable. */
static void reference_sort(chr_mention *v, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        chr_mention m = v[i];
        size_t j = i;
        while (j > 0 && before(&m, &v[j - 1])) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = m;
    }
}

static void test_runs_of_each_analyzer_merge_into_text_order(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    chr_mentions ms = {NULL, 0, 0};
    /* numbers, then dates, then entities, each in text order */
    uint32_t spans[][3] = {{10, 12, CHR_M_NUMBER}, {40, 45, CHR_M_NUMBER},
                           {5, 9, CHR_M_DATE}, {38, 45, CHR_M_DATE},
                           {0, 4, CHR_M_ACTOR}, {10, 20, CHR_M_ITEM}, {50, 56, CHR_M_PLACE}};
    for (uint32_t i = 0; i < 7; i++) {
        chr_mention m = mention(spans[i][0], spans[i][1], (int)spans[i][2], i);
        assert_non_null(chr_mentions_push(&ms, &a, &m));
    }
    assert_int_equal(chr_mentions_sort(&ms, &a), 0);
    uint32_t want[] = {4, 2, 5, 0, 3, 1, 6};    /* 10-20 before 10-12: longer first */
    for (size_t i = 0; i < 7; i++) assert_int_equal(ms.v[i].tok_begin, want[i]);
    chr_arena_free(&a);
}

static void test_equal_mentions_keep_the_order_they_were_made_in(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    chr_mentions ms = {NULL, 0, 0};
    /* two readings of one name, made in two runs */
    chr_mention m[] = {mention(30, 37, CHR_M_ACTOR, 0), mention(0, 7, CHR_M_ACTOR, 1),
                       mention(0, 7, CHR_M_ACTOR, 2), mention(30, 37, CHR_M_ACTOR, 3)};
    for (size_t i = 0; i < 4; i++) assert_non_null(chr_mentions_push(&ms, &a, &m[i]));
    assert_int_equal(chr_mentions_sort(&ms, &a), 0);
    uint32_t want[] = {1, 2, 0, 3};
    for (size_t i = 0; i < 4; i++) assert_int_equal(ms.v[i].tok_begin, want[i]);
    chr_arena_free(&a);
}

static void test_any_order_sorts_as_a_stable_sort_does(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 1 << 16);
    srand(7);
    for (int round = 0; round < 200; round++) {
        size_t n = (size_t)(rand() % 300);
        chr_mentions ms = {NULL, 0, 0};
        chr_mention *ref = chr_arena_alloc(&a, (n + 1) * sizeof *ref);
        assert_non_null(ref);
        for (size_t i = 0; i < n; i++) {
            /* few distinct values: many ties; now and then a sorted stretch */
            uint32_t s = round % 3 ? (uint32_t)(rand() % 20) : (uint32_t)i / 3;
            chr_mention m = mention(s, s + (uint32_t)(rand() % 4), rand() % 3 + 1, (uint32_t)i);
            ref[i] = m;
            assert_non_null(chr_mentions_push(&ms, &a, &m));
        }
        reference_sort(ref, n);
        assert_int_equal(chr_mentions_sort(&ms, &a), 0);
        for (size_t i = 0; i < n; i++) assert_int_equal(ms.v[i].tok_begin, ref[i].tok_begin);
        chr_arena_reset(&a);
    }
    chr_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_runs_of_each_analyzer_merge_into_text_order),
        cmocka_unit_test(test_equal_mentions_keep_the_order_they_were_made_in),
        cmocka_unit_test(test_any_order_sorts_as_a_stable_sort_does),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
