/*
 * test_utf8.c - strict UTF-8 decoding and repair (src/text/utf8.c).
 */
#include "testutil.h"

#define FFFD "\xEF\xBF\xBD"

typedef struct repair_case {
    const char *name;
    const char *in;
    size_t len;             /* bytes of in (may hold NUL) */
    const char *out;        /* expected repaired text */
    long repairs;
} repair_case;

#define RC(name, in, out, n) {name, in, sizeof(in) - 1, out, n}

static const repair_case REPAIRS[] = {
    RC("valid ascii", "Kyiv", "Kyiv", 0),
    RC("valid two, three and four bytes", "Київ — €500 \xF0\x9F\x87\xBA", "Київ — €500 \xF0\x9F\x87\xBA", 0),
    RC("largest code point is valid", "\xF4\x8F\xBF\xBF", "\xF4\x8F\xBF\xBF", 0),
    RC("a replacement character is valid", FFFD, FFFD, 0),
    RC("overlong two-byte slash: each byte", "a\xC0\xAF" "b", "a" FFFD FFFD "b", 2),
    RC("overlong three-byte: E0 then a bad second byte", "\xE0\x80\xAF", FFFD FFFD FFFD, 3),
    RC("overlong four-byte", "\xF0\x8F\xBF\xBF", FFFD FFFD FFFD FFFD, 4),
    RC("surrogate D800", "x\xED\xA0\x80y", "x" FFFD FFFD FFFD "y", 3),
    RC("surrogate DFFF", "\xED\xBF\xBF", FFFD FFFD FFFD, 3),
    RC("above U+10FFFF", "\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD, 4),
    RC("F5 lead byte", "\xF5\x80", FFFD FFFD, 2),
    RC("truncated three-byte at end is one", "euro \xE2\x82", "euro " FFFD, 1),
    RC("truncated three-byte before ascii is one", "\xE2\x82" "A", FFFD "A", 1),
    RC("truncated four-byte is one", "\xF0\x9F\x98 ok", FFFD " ok", 1),
    RC("stray continuation bytes", "\x80\xBF", FFFD FFFD, 2),
    RC("Latin-1 byte in ASCII text", "caf\xE9 au lait", "caf" FFFD " au lait", 1),
    /* The Unicode Standard's own example of maximal subparts:
     * 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64. */
    RC("maximal subparts example", "a\xF1\x80\x80\xE1\x80\xC2" "b\x80" "c\x80\xBF" "d",
       "a" FFFD FFFD FFFD "b" FFFD "c" FFFD FFFD "d", 6),
    RC("NUL byte", "a\0b", "a" FFFD "b", 1),
    RC("NUL after eight ASCII bytes", "abcdefghij\0klmnopqrstuvw", "abcdefghij" FFFD "klmnopqrstuvw", 1),
    RC("bad byte deep in long ASCII", "The troops moved towards the capital\xFF today.",
       "The troops moved towards the capital" FFFD " today.", 1),
};

static void test_repair_replaces_each_maximal_invalid_subpart(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    for (size_t i = 0; i < sizeof REPAIRS / sizeof REPAIRS[0]; i++) {
        const repair_case *c = &REPAIRS[i];
        const char *out = NULL;
        size_t out_len = 0;
        long r = chr_utf8_repair(&a, c->in, c->len, &out, &out_len);
        if (r != c->repairs || out_len != strlen(c->out) || memcmp(out, c->out, out_len) != 0)
            fail_msg("%s: %ld repairs, got \"%.*s\"", c->name, r, (int)out_len, out);
        assert_int_equal(out[out_len], '\0');
    }
    chr_arena_free(&a);
}

static void test_valid_nul_terminated_text_is_not_copied(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    const char *src = "Zelenskyy met Macron in Kraków on Thursday.";
    const char *out;
    size_t len;
    assert_int_equal(chr_utf8_repair(&a, src, strlen(src), &out, &len), 0);
    assert_ptr_equal(out, src);
    assert_int_equal(len, strlen(src));
    chr_arena_free(&a);
}

static void test_valid_text_without_terminator_is_copied_and_terminated(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    const char *src = "Kyiv and Kharkiv";    /* take "Kyiv" only */
    const char *out;
    size_t len;
    assert_int_equal(chr_utf8_repair(&a, src, 4, &out, &len), 0);
    assert_ptr_not_equal(out, src);
    assert_int_equal(len, 4);
    assert_string_equal(out, "Kyiv");
    chr_arena_free(&a);
}

static void test_empty_text_is_valid(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    const char *out;
    size_t len = 99;
    assert_int_equal(chr_utf8_repair(&a, "", 0, &out, &len), 0);
    assert_int_equal(len, 0);
    assert_string_equal(out, "");
    chr_arena_free(&a);
}

typedef struct decode_case {
    const char *in;
    size_t n;
    int32_t cp;
    int adv;
} decode_case;

static const decode_case DECODES[] = {
    {"A", 1, 'A', 1},
    {"\xC3\xA9", 2, 0xE9, 2},                /* é */
    {"\xE2\x80\x94", 3, 0x2014, 3},          /* em dash */
    {"\xF0\x9F\x87\xBA", 4, 0x1F1FA, 4},
    {"\xF4\x8F\xBF\xBF", 4, 0x10FFFF, 4},
    {"\xC0\x80", 2, -1, 1},                  /* overlong NUL */
    {"\xED\xA0\x80", 3, -1, 1},              /* surrogate */
    {"\xF4\x90\x80\x80", 4, -1, 1},          /* beyond U+10FFFF */
    {"\xE2\x80\x94", 2, -1, 1},              /* cut short by n */
    {"\x80", 1, -1, 1},
    {"", 0, -1, 1},
};

static void test_decode_returns_code_point_and_length_or_minus_one(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof DECODES / sizeof DECODES[0]; i++) {
        int adv = 0;
        int32_t cp = chr_utf8_decode(DECODES[i].in, DECODES[i].n, &adv);
        if (cp != DECODES[i].cp || adv != DECODES[i].adv)
            fail_msg("case %zu: got U+%04X adv %d", i, (unsigned)cp, adv);
    }
}

static void test_text_build_counts_repairs_and_keeps_spans_on_repaired_text(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    static const char raw[] = "Kyiv\xFF shelled\xC0 again";
    chr_text t;
    assert_int_equal(chr_text_build(&t, &a, raw, sizeof raw - 1), 0);
    assert_int_equal(t.repairs, 2);
    assert_string_equal(t.src, "Kyiv" FFFD " shelled" FFFD " again");
    chr_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_repair_replaces_each_maximal_invalid_subpart),
        cmocka_unit_test(test_valid_nul_terminated_text_is_not_copied),
        cmocka_unit_test(test_valid_text_without_terminator_is_copied_and_terminated),
        cmocka_unit_test(test_empty_text_is_valid),
        cmocka_unit_test(test_decode_returns_code_point_and_length_or_minus_one),
        cmocka_unit_test(test_text_build_counts_repairs_and_keeps_spans_on_repaired_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
