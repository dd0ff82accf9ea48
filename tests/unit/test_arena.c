/*
 * test_arena.c - the per-document allocator: alignment, growth, and the
 * memory a reset or a rewind hands back for the allocations that follow.
 */
#include "testutil.h"

#include <stdint.h>

static void test_allocations_are_aligned_and_distinct(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 1024);
    char *p = chr_arena_alloc(&a, 3);
    char *q = chr_arena_alloc(&a, 17);
    char *r = chr_arena_alloc(&a, 5000);       /* bigger than a block */
    assert_non_null(p);
    assert_non_null(q);
    assert_non_null(r);
    assert_int_equal((uintptr_t)p % 16, 0);
    assert_int_equal((uintptr_t)q % 16, 0);
    assert_int_equal((uintptr_t)r % 16, 0);
    assert_true(q >= p + 16);
    memset(r, 'x', 5000);
    assert_int_equal(a.total, 16 + 32 + 5008);
    chr_arena_free(&a);
}

static void test_a_reset_document_reuses_the_first_block(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    char *first = chr_arena_alloc(&a, 100);
    for (int i = 0; i < 20; i++) assert_non_null(chr_arena_alloc(&a, 1000));
    chr_arena_reset(&a);
    assert_int_equal(a.total, 0);
    /* the next document starts where the last one did: memory the cache
       has seen, no new block */
    assert_ptr_equal(chr_arena_alloc(&a, 100), first);
    for (int doc = 0; doc < 50; doc++) {
        chr_arena_reset(&a);
        for (int i = 0; i < 20; i++) memset(chr_arena_alloc(&a, 1000), doc, 1000);
    }
    chr_arena_reset(&a);
    assert_ptr_equal(chr_arena_alloc(&a, 100), first);
    chr_arena_free(&a);
}

static void test_blocks_bigger_than_the_default_are_reused_after_a_reset(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    /* twice what the arena keeps over a reset: half of it goes back to
       the system, the rest serves the next document */
    size_t big = CHR_ARENA_KEEP / 4;
    char *blocks[8];
    for (int i = 0; i < 8; i++) {
        blocks[i] = chr_arena_alloc(&a, big);
        assert_non_null(blocks[i]);
    }
    chr_arena_reset(&a);
    char *p = chr_arena_alloc(&a, big);
    int reused = 0;
    for (int i = 0; i < 8; i++) reused |= p == blocks[i];
    assert_true(reused);
    memset(p, 1, big);
    chr_arena_free(&a);
}

static void test_rewind_hands_back_what_came_after_the_mark(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    char *keep = chr_arena_alloc(&a, 64);
    memset(keep, 'k', 64);
    chr_arena_mark m = chr_arena_save(&a);
    size_t total = a.total;
    char *scratch = chr_arena_alloc(&a, 200);
    assert_non_null(chr_arena_alloc(&a, 10000));  /* a block of its own */
    assert_non_null(chr_arena_alloc(&a, 3000));   /* and another */
    chr_arena_rewind(&a, m);
    assert_int_equal(a.total, total);
    /* the same memory again, and what was kept is intact */
    assert_ptr_equal(chr_arena_alloc(&a, 200), scratch);
    for (int i = 0; i < 64; i++) assert_int_equal(keep[i], 'k');
    /* the blocks taken after the mark serve later allocations */
    assert_non_null(chr_arena_alloc(&a, 9000));
    chr_arena_free(&a);
}

static void test_rewind_to_an_empty_arena(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    chr_arena_mark m = chr_arena_save(&a);
    assert_non_null(chr_arena_alloc(&a, 100));
    chr_arena_rewind(&a, m);
    assert_int_equal(a.total, 0);
    assert_null(a.head);
    assert_non_null(chr_arena_alloc(&a, 100));
    chr_arena_free(&a);
}

static void test_the_last_allocation_grows_in_place(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    chr_arena_reset(&a);
    char *p = chr_arena_alloc(&a, 100);
    memset(p, 'a', 100);
    char *q = chr_arena_realloc(&a, p, 100, 400);
    assert_ptr_equal(p, q);
    memset(q + 100, 'b', 300);
    /* after a reset and reuse as well */
    chr_arena_reset(&a);
    p = chr_arena_alloc(&a, 10);
    q = chr_arena_realloc(&a, p, 10, 20);
    assert_ptr_equal(p, q);
    /* not the last allocation: a copy */
    char *r = chr_arena_alloc(&a, 16);
    memcpy(q, "0123456789abcdefghi", 20);
    char *s = chr_arena_realloc(&a, q, 20, 64);
    assert_ptr_not_equal(s, q);
    assert_memory_equal(s, "0123456789abcdefghi", 20);
    (void)r;
    chr_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_allocations_are_aligned_and_distinct),
        cmocka_unit_test(test_a_reset_document_reuses_the_first_block),
        cmocka_unit_test(test_blocks_bigger_than_the_default_are_reused_after_a_reset),
        cmocka_unit_test(test_rewind_hands_back_what_came_after_the_mark),
        cmocka_unit_test(test_rewind_to_an_empty_arena),
        cmocka_unit_test(test_the_last_allocation_grows_in_place),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
