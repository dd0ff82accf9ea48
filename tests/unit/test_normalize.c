/*
 * test_normalize.c - NFC, typographic folding and the offset map
 * (src/text/normalize.c).
 */
#include "testutil.h"

#include <stdlib.h>
#include <utf8proc.h>

/* The normalized text and map of s (repaired first, as chr_text_build does). */
static chr_text norm_of(chr_arena *a, const char *s)
{
    chr_text t;
    memset(&t, 0, sizeof t);
    assert_true(chr_utf8_repair(a, s, strlen(s), &t.src, &t.src_len) >= 0);
    assert_int_equal(chr_normalize(&t, a), 0);
    assert_int_equal(t.norm[t.norm_len], '\0');
    return t;
}

typedef struct fold_case {
    const char *in, *out;
} fold_case;

static const fold_case FOLDS[] = {
    /* single quotes, primes and accents used as apostrophes */
    {"Ukraine\xE2\x80\x99s army", "Ukraine's army"},
    {"\xE2\x80\x98unprovoked war\xE2\x80\x99", "'unprovoked war'"},
    {"\xE2\x80\x9Alow\xE2\x80\x9B", "'low'"},
    {"5\xE2\x80\xB2 tall, O\xC2\xB4" "Brien, `quoted'", "5' tall, O'Brien, 'quoted'"},
    /* double quotes and guillemets */
    {"\xE2\x80\x9CWe will win\xE2\x80\x9D", "\"We will win\""},
    {"\xE2\x80\x9E" "Frieden\xE2\x80\x9C and \xC2\xABmir\xC2\xBB", "\"Frieden\" and \"mir\""},
    {"12\xE2\x80\xB3 guns", "12\" guns"},
    /* dashes and the minus sign */
    {"Kyiv \xE2\x80\x94 the capital \xE2\x80\x93 fell", "Kyiv - the capital - fell"},
    {"anti\xE2\x80\x90tank, non\xE2\x80\x91lethal, 1\xE2\x80\x92" "2, \xE2\x80\x95x, \xE2\x88\x92" "5",
     "anti-tank, non-lethal, 1-2, -x, -5"},
    /* spaces of every kind */
    {"$350\xC2\xA0million", "$350 million"},
    {"10\xE2\x80\xAFkm,\xE2\x80\x89thin\xE2\x80\x83" "em\xE2\x80\x82" "en\xE3\x80\x80wide", "10 km, thin em en wide"},
    /* ellipsis */
    {"and then\xE2\x80\xA6 silence", "and then... silence"},
    /* invisible characters disappear */
    {"anti\xC2\xADtank", "antitank"},
    {"\xEF\xBB\xBFThe text", "The text"},
    {"Kyiv\xE2\x80\x8B" "Kharkiv\xE2\x80\x8C\xE2\x80\x8D", "KyivKharkiv"},
    /* case is kept */
    {"\xE2\x80\x9CNATO\xE2\x80\x9D said", "\"NATO\" said"},
    /* NFC */
    {"Krako\xCC\x81w", "Krak\xC3\xB3w"},                          /* o + acute */
    {"e\xCC\x81\xCC\xA3", "\xE1\xBA\xB9\xCC\x81"},                   /* reordered: e + dot below, acute */
    {"\xE2\x84\xA6", "\xCE\xA9"},                                    /* Ohm sign -> Omega */
    {"\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8", "\xEA\xB0\x81"},       /* Hangul jamo -> syllable */
    {"\xE0\xA5\x98", "\xE0\xA4\x95\xE0\xA4\xBC"},                   /* excluded: decomposes */
    {"\xE2\x80\x80" "a\xE2\x80\x81", " a "},                         /* en/em quad: NFC, then space */
};

static void test_typographic_variants_fold_and_text_is_nfc(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    for (size_t i = 0; i < sizeof FOLDS / sizeof FOLDS[0]; i++) {
        chr_text t = norm_of(&a, FOLDS[i].in);
        if (t.norm_len != strlen(FOLDS[i].out) || strcmp(t.norm, FOLDS[i].out) != 0)
            fail_msg("case %zu: \"%s\" -> \"%s\", expected \"%s\"", i, FOLDS[i].in, t.norm,
                     FOLDS[i].out);
        assert_non_null(t.map);
        assert_int_equal(t.map[t.norm_len], t.src_len);
        for (size_t k = 1; k <= t.norm_len; k++)
            assert_true(t.map[k - 1] <= t.map[k]);
    }
    chr_arena_free(&a);
}

static void test_text_with_nothing_to_change_is_the_document_text(void **state)
{
    (void)state;
    static const char *const SAME[] = {
        "The United States delivered 200 Stinger missiles to Ukraine.",
        "Zelenskyy met Macron in Krak\xC3\xB3w; \xC2\xA3" "5bn and \xE2\x82\xAC" "500m pledged.",
        "\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2 and \xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1",  /* Київ, Αθήνα */
        "Already composed: \xE1\xBA\xB9\xCC\x81 and \xEA\xB0\x81",
        "",
    };
    chr_arena a;
    chr_arena_init(&a, 4096);
    for (size_t i = 0; i < sizeof SAME / sizeof SAME[0]; i++) {
        chr_text t = norm_of(&a, SAME[i]);
        assert_ptr_equal(t.norm, t.src);
        assert_int_equal(t.norm_len, t.src_len);
        assert_null(t.map);
    }
    chr_arena_free(&a);
}

/* The document text behind norm[start, end). */
static const char *back(chr_arena *a, const chr_text *t, size_t start, size_t end)
{
    uint32_t s = chr_text_src_offset(t, (uint32_t)start);
    uint32_t e = chr_text_src_offset(t, (uint32_t)end);
    assert_true(s <= e);
    return chr_arena_strndup(a, t->src + s, e - s);
}

static void test_map_takes_normalized_spans_back_to_the_document(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    /* ‘Germany’s’ pledge — €500 million (Krako + combining acute + w) */
    chr_text t = norm_of(&a, "\xE2\x80\x98Germany\xE2\x80\x99s\xE2\x80\x99 pledge \xE2\x80\x94 "
                             "\xE2\x82\xAC" "500\xC2\xA0million (Krako\xCC\x81w)");
    assert_string_equal(t.norm, "'Germany's' pledge - \xE2\x82\xAC" "500 million (Krak\xC3\xB3w)");
    const char *n = t.norm;
    size_t g = (size_t)(strstr(n, "Germany") - n);
    assert_string_equal(back(&a, &t, g, g + 7), "Germany");
    assert_string_equal(back(&a, &t, g, g + 9), "Germany\xE2\x80\x99s");
    assert_string_equal(back(&a, &t, 0, 1), "\xE2\x80\x98");
    size_t d = (size_t)(strstr(n, " - ") - n);
    assert_string_equal(back(&a, &t, d + 1, d + 2), "\xE2\x80\x94");
    size_t m = (size_t)(strstr(n, "500 million") - n);
    assert_string_equal(back(&a, &t, m, m + 11), "500\xC2\xA0million");
    size_t k = (size_t)(strstr(n, "Krak") - n);
    /* the composed ó came from o + U+0301: it maps to the o */
    assert_string_equal(back(&a, &t, k, k + 7), "Krako\xCC\x81w");
    assert_string_equal(back(&a, &t, k + 4, k + 6), "o\xCC\x81");
    assert_string_equal(back(&a, &t, 0, t.norm_len), t.src);
    chr_arena_free(&a);
}

static void test_removed_characters_leave_no_bytes_but_spans_still_map(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    chr_text t = norm_of(&a, "\xEF\xBB\xBF" "anti\xC2\xADtank weapons");
    assert_string_equal(t.norm, "antitank weapons");
    assert_string_equal(back(&a, &t, 0, 8), "anti\xC2\xADtank");
    assert_string_equal(back(&a, &t, 9, 16), "weapons");
    chr_arena_free(&a);
}

static void test_expanding_nfc_grows_the_output(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    /* U+0958 is excluded from composition: NFC doubles its UTF-8 length.  A
     * long run of it outgrows the first output buffer. */
    char in[3 * 200 + 8], out[6 * 200 + 8];
    size_t o = 0;
    memcpy(in, "x ", 2);
    memcpy(out, "x ", 2);
    for (int i = 0; i < 200; i++) {
        memcpy(in + 2 + 3 * i, "\xE0\xA5\x98", 3);
        memcpy(out + 2 + 6 * i, "\xE0\xA4\x95\xE0\xA4\xBC", 6);
    }
    o = 2 + 3 * 200;
    in[o] = '\0';
    out[2 + 6 * 200] = '\0';
    chr_text t = norm_of(&a, in);
    assert_string_equal(t.norm, out);
    /* each pair maps back to the one character it came from */
    assert_int_equal(t.map[2], 2);
    assert_int_equal(t.map[2 + 3], 2);
    assert_int_equal(t.map[2 + 6], 5);
    assert_int_equal(t.map[t.norm_len], t.src_len);
    chr_arena_free(&a);
}

static void test_long_run_of_combining_marks_is_normalized(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    /* "a" and 300 acute accents: more than any fixed scratch buffer. */
    char in[1 + 600 + 1 + 1], out[2 + 598 + 1 + 1];
    in[0] = 'a';
    for (int i = 0; i < 300; i++) memcpy(in + 1 + 2 * i, "\xCC\x81", 2);
    in[601] = '.';
    in[602] = '\0';
    memcpy(out, "\xC3\xA1", 2);
    for (int i = 0; i < 299; i++) memcpy(out + 2 + 2 * i, "\xCC\x81", 2);
    out[600] = '.';
    out[601] = '\0';
    chr_text t = norm_of(&a, in);
    assert_string_equal(t.norm, out);
    assert_int_equal(t.map[0], 0);
    assert_int_equal(t.map[600], 601);
    chr_arena_free(&a);
}

static void put_cp(char **p, int32_t c)
{
    *p += utf8proc_encode_char(c, (utf8proc_uint8_t *)*p);
}

/* A code point that folding changes (or may: the whole block of general
 * punctuation from U+2000 to U+206F is left to the folding tests). */
static int folds(int32_t c)
{
    return c == 0x60 || c == 0xA0 || c == 0xAB || c == 0xAD || c == 0xB4 || c == 0xBB ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x206F) || c == 0x2212 || c == 0x3000 ||
           c == 0xFEFF;
}

/* Whether the normalized s is utf8proc's NFC of s; 1 as well when that NFC
 * holds a character that folding then changes. */
static int same_as_utf8proc(chr_arena *a, const char *s)
{
    utf8proc_uint8_t *ref = utf8proc_NFC((const utf8proc_uint8_t *)s);
    assert_non_null(ref);
    int same = 1;
    for (const utf8proc_uint8_t *p = ref; *p;) {
        utf8proc_int32_t c;
        p += utf8proc_iterate(p, -1, &c);
        if (folds(c)) {
            free(ref);
            return 1;
        }
    }
    chr_text t = norm_of(a, s);
    same = strcmp((const char *)ref, t.norm) == 0;
    free(ref);
    return same;
}

static void test_nfc_agrees_with_utf8proc_on_every_composition(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 1 << 16);
    /* Every character whose canonical decomposition is two code points,
     * written decomposed between ASCII and after a Latin-1 letter: the
     * fast paths must never skip a composition. */
    size_t pairs = 0;
    for (int32_t c = 0xA0; c < 0x30000; c++) {
        if (c >= 0xD800 && c < 0xE000) continue;
        utf8proc_int32_t d[4];
        utf8proc_ssize_t n = utf8proc_decompose_char(c, d, 4, UTF8PROC_DECOMPOSE, NULL);
        if (n != 2 || folds(d[0]) || folds(d[1])) continue;
        char buf[32], *p = buf;
        *p++ = 'x';
        put_cp(&p, d[0]);
        put_cp(&p, d[1]);
        *p++ = 'y';
        *p = '\0';
        if (!same_as_utf8proc(&a, buf)) fail_msg("U+%04X decomposed", (unsigned)c);
        p = buf;
        put_cp(&p, 0xE9);
        put_cp(&p, d[0]);
        put_cp(&p, d[1]);
        put_cp(&p, 0x0416);
        *p = '\0';
        if (!same_as_utf8proc(&a, buf)) fail_msg("U+%04X decomposed, non-ASCII around", (unsigned)c);
        pairs++;
        chr_arena_reset(&a);
    }
    assert_true(pairs > 1000);
    chr_arena_free(&a);
}

static void test_nfc_agrees_with_utf8proc_on_every_character(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 1 << 16);
    for (int32_t c = 0x80; c < 0x30000; c++) {
        if ((c >= 0xD800 && c < 0xE000) || folds(c)) continue;
        char buf[16], *p = buf;
        *p++ = 'a';
        put_cp(&p, c);
        *p++ = 'b';
        *p = '\0';
        if (!same_as_utf8proc(&a, buf)) fail_msg("U+%04X", (unsigned)c);
        chr_arena_reset(&a);
    }
    chr_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_typographic_variants_fold_and_text_is_nfc),
        cmocka_unit_test(test_text_with_nothing_to_change_is_the_document_text),
        cmocka_unit_test(test_map_takes_normalized_spans_back_to_the_document),
        cmocka_unit_test(test_removed_characters_leave_no_bytes_but_spans_still_map),
        cmocka_unit_test(test_expanding_nfc_grows_the_output),
        cmocka_unit_test(test_long_run_of_combining_marks_is_normalized),
        cmocka_unit_test(test_nfc_agrees_with_utf8proc_on_every_composition),
        cmocka_unit_test(test_nfc_agrees_with_utf8proc_on_every_character),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
