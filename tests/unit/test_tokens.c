/*
 * test_tokens.c - tokens of the normalized text (src/text/tokens.c), built
 * through the whole text layer as the analyzers see them.
 */
#include "testutil.h"

#include <stdlib.h>

/* Tokens of t joined with '|', and their types as letters (W N P S). */
static const char *joined(chr_arena *a, const chr_text *t, char *types)
{
    size_t n = 0;
    for (size_t i = 0; i < t->ntoks; i++) n += chr_tok_len(&t->toks[i]) + 1;
    char *s = chr_arena_alloc(a, n + 1), *p = s;
    for (size_t i = 0; i < t->ntoks; i++) {
        if (i) *p++ = '|';
        memcpy(p, chr_tok_ptr(t, &t->toks[i]), chr_tok_len(&t->toks[i]));
        p += chr_tok_len(&t->toks[i]);
        types[i] = " WNPS"[t->toks[i].type];
    }
    *p = '\0';
    types[t->ntoks] = '\0';
    return s;
}

typedef struct tok_case {
    const char *in, *toks, *types;
} tok_case;

static const tok_case TOKENS[] = {
    {"Ukraine's army", "Ukraine|'s|army", "WWW"},
    {"Germany\xE2\x80\x99s pledge", "Germany|'s|pledge", "WWW"},
    {"the soldiers' families", "the|soldiers|'|families", "WWPW"},
    {"don't, O'Brien", "don't|,|O'Brien", "WPW"},
    {"anti-tank surface-to-air", "anti|-|tank|surface|-|to|-|air", "WPWWPWPW"},
    {"1,000 troops", "1,000|troops", "NW"},
    {"1.5 million and 2.3bn", "1.5|million|and|2.3|bn", "NWWNW"},
    {"$350 million", "$|350|million", "SNW"},
    {"\xE2\x82\xAC" "500m", "\xE2\x82\xAC|500|m", "SNW"},
    {"M777 howitzers and T-72 tanks", "M777|howitzers|and|T|-|72|tanks", "WWWWPNW"},
    {"Su-25 jets", "Su|-|25|jets", "WPNW"},
    {"in 2022.", "in|2022|.", "WNP"},
    {"1,000, then 500.", "1,000|,|then|500|.", "NPWNP"},
    {"on the 4th day", "on|the|4|th|day", "WWNWW"},
    {"40% (approx.)", "40|%|(|approx|.|)", "NSPWPP"},
    {"Kyiv \xE2\x80\x94 again", "Kyiv|-|again", "WPW"},
    {"U.S.-led", "U|.|S|.|-|led", "WPWPPW"},
    {"Krak\xC3\xB3w & Lviv", "Krak\xC3\xB3w|&|Lviv", "WSW"},
    {"\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2", "\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2", "W"},
    {"", "", ""},
    {" \n\t ", "", ""},
};

static void test_tokens_split_words_numbers_punctuation_and_symbols(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    for (size_t i = 0; i < sizeof TOKENS / sizeof TOKENS[0]; i++) {
        chr_text t = tu_text(&a, TOKENS[i].in);
        char types[64];
        assert_true(t.ntoks < sizeof types);
        const char *got = joined(&a, &t, types);
        if (strcmp(got, TOKENS[i].toks) != 0 || strcmp(types, TOKENS[i].types) != 0)
            fail_msg("\"%s\": got %s (%s), expected %s (%s)", TOKENS[i].in, got, types,
                     TOKENS[i].toks, TOKENS[i].types);
    }
    chr_arena_free(&a);
}

static void test_word_flags_mark_capitals_upper_case_digits_and_ascii(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    chr_text t = tu_text(&a, "NATO sent M777 guns to \xC3\x89lys\xC3\xA9" "e A team");
    /* NATO sent M777 guns to Élysée A team */
    assert_int_equal(t.ntoks, 8);
    assert_int_equal(t.toks[0].flags & (CHR_TF_CAP | CHR_TF_UPPER), CHR_TF_CAP | CHR_TF_UPPER);
    assert_int_equal(t.toks[1].flags & (CHR_TF_CAP | CHR_TF_UPPER), 0);
    assert_true(t.toks[2].flags & CHR_TF_HAS_DIGIT);
    assert_true(t.toks[2].flags & CHR_TF_CAP);
    assert_false(t.toks[3].flags & CHR_TF_HAS_DIGIT);
    assert_true(t.toks[3].flags & CHR_TF_ASCII);
    assert_true(t.toks[5].flags & CHR_TF_CAP);
    assert_false(t.toks[5].flags & CHR_TF_ASCII);
    /* a single capital is not an all-capitals word */
    assert_true(t.toks[6].flags & CHR_TF_CAP);
    assert_false(t.toks[6].flags & CHR_TF_UPPER);
    chr_arena_free(&a);
}

static void test_space_line_and_paragraph_flags_follow_crlf_text(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    chr_text t = tu_text(&a, "Kyiv,\r\nMonday\r\n\r\nTroops  left\r\n \r\nToday");
    /* Kyiv , Monday Troops left Today */
    assert_int_equal(t.ntoks, 6);
    assert_int_equal(t.toks[0].flags & 7, 0);
    assert_int_equal(t.toks[1].flags & 7, 0);
    assert_int_equal(t.toks[2].flags & 7, CHR_TF_SPACE_BEFORE | CHR_TF_LINE_BEFORE);
    assert_int_equal(t.toks[3].flags & 7,
                     CHR_TF_SPACE_BEFORE | CHR_TF_LINE_BEFORE | CHR_TF_PARA_BEFORE);
    assert_int_equal(t.toks[4].flags & 7, CHR_TF_SPACE_BEFORE);
    /* a line of spaces is still a blank line */
    assert_int_equal(t.toks[5].flags & 7,
                     CHR_TF_SPACE_BEFORE | CHR_TF_LINE_BEFORE | CHR_TF_PARA_BEFORE);
    chr_arena_free(&a);
}

static void test_token_offsets_go_back_to_the_original_text(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    /* “Ukraine’s allies” — sent $350 million */
    const char *src = "\xE2\x80\x9CUkraine\xE2\x80\x99s allies\xE2\x80\x9D \xE2\x80\x94 sent "
                      "$350\xC2\xA0million";
    static const char *const ORIGINAL[] = {
        "\xE2\x80\x9C", "Ukraine", "\xE2\x80\x99s", "allies", "\xE2\x80\x9D",
        "\xE2\x80\x94", "sent", "$", "350", "million",
    };
    chr_text t = tu_text(&a, src);
    assert_int_equal(t.ntoks, sizeof ORIGINAL / sizeof ORIGINAL[0]);
    for (size_t i = 0; i < t.ntoks; i++) {
        uint32_t s = chr_text_src_offset(&t, t.toks[i].start);
        uint32_t e = chr_text_src_offset(&t, t.toks[i].end);
        const char *got = chr_arena_strndup(&a, t.src + s, e - s);
        if (strcmp(got, ORIGINAL[i]) != 0)
            fail_msg("token %zu \"%s\" maps to \"%s\"", i, tu_tok(&a, &t, i), got);
    }
    chr_arena_free(&a);
}

static void test_invalid_bytes_and_nul_become_replacement_symbols(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    static const char raw[] = "Kyiv\xFF" "army\0Lviv";
    chr_text t;
    assert_int_equal(chr_text_build(&t, &a, raw, sizeof raw - 1), 0);
    assert_int_equal(t.repairs, 2);
    char types[16];
    assert_string_equal(joined(&a, &t, types), "Kyiv|\xEF\xBF\xBD|army|\xEF\xBF\xBD|Lviv");
    assert_string_equal(types, "WSWSW");
    chr_arena_free(&a);
}

static void test_token_comparison_helpers(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    chr_text t = tu_text(&a, "NATO Kyiv");
    assert_true(chr_tok_is(&t, &t.toks[0], "nato"));
    assert_true(chr_tok_is(&t, &t.toks[0], "NaTo"));
    assert_false(chr_tok_eq(&t, &t.toks[0], "nato"));
    assert_true(chr_tok_eq(&t, &t.toks[0], "NATO"));
    assert_false(chr_tok_is(&t, &t.toks[1], "Kyi"));
    assert_false(chr_tok_is(&t, &t.toks[1], "Kyivs"));
    assert_false(chr_tok_is(&t, &t.toks[1], ""));
    assert_false(chr_tok_is(&t, &t.toks[1], "kyiw"));
    chr_arena_free(&a);
}

static void test_words_with_an_inner_apostrophe_are_flagged(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    chr_text t = tu_text(&a, "We'll see O'Brien's don't Russia's rock 'n' roll");
    /* We'll see O'Brien 's don't Russia 's rock ' n ' roll */
    assert_int_equal(t.ntoks, 12);
    assert_true(t.toks[0].flags & CHR_TF_APOSTROPHE);
    assert_false(t.toks[1].flags & CHR_TF_APOSTROPHE);
    assert_true(t.toks[2].flags & CHR_TF_APOSTROPHE);
    assert_false(t.toks[3].flags & CHR_TF_APOSTROPHE);     /* the possessive */
    assert_true(t.toks[4].flags & CHR_TF_APOSTROPHE);
    assert_false(t.toks[5].flags & CHR_TF_APOSTROPHE);
    assert_false(t.toks[9].flags & CHR_TF_APOSTROPHE);
    chr_arena_free(&a);
}

static void test_lower_case_copy_keeps_offsets_and_folds_only_ascii_letters(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    /* Élysée, NATO and the UN's Kyiv Office: 12,000 ÉTATS */
    chr_text t = tu_text(&a, "\xC3\x89lys\xC3\xA9" "e, NATO and the UN's Kyiv Office: 12,000 "
                             "\xC3\x89TATS");
    assert_non_null(t.lower);
    assert_int_equal(strlen(t.lower), t.norm_len);
    assert_string_equal(t.lower, "\xC3\x89lys\xC3\xA9" "e, nato and the un's kyiv office: 12,000 "
                                 "\xC3\x89tats");
    chr_arena_free(&a);
}

static void test_word_hash_ignores_ascii_case_and_is_the_text_hash(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    /* every length from one byte to past two eight-byte words */
    chr_text t = tu_text(&a, "Kyiv KYIV kyiv, Zaporizhzhia ZAPORIZHZHIA 1,000 a A "
                             "Dnipropetrovsk's counteroffensives COUNTEROFFENSIVES.");
    /* Kyiv KYIV kyiv , Zaporizhzhia ZAPORIZHZHIA 1,000 a A Dnipropetrovsk 's
     * counteroffensives COUNTEROFFENSIVES . */
    assert_int_equal(t.ntoks, 14);
    for (size_t i = 0; i < t.ntoks; i++) {
        const chr_token *k = &t.toks[i];
        if (k->type == CHR_TOK_WORD || k->type == CHR_TOK_NUM)
            assert_true(t.hash[i] == chr_text_hash(t.lower + k->start, chr_tok_len(k)));
        else
            assert_true(t.hash[i] == 0);
    }
    assert_true(t.hash[0] == t.hash[1] && t.hash[1] == t.hash[2]);
    assert_true(t.hash[4] == t.hash[5]);
    assert_true(t.hash[7] == t.hash[8]);
    assert_true(t.hash[11] == t.hash[12]);
    assert_true(t.hash[0] != t.hash[4] && t.hash[0] != t.hash[7] && t.hash[9] != t.hash[11]);
    /* the same bytes hash alike wherever they are */
    assert_true(chr_text_hash("kyiv", 4) == t.hash[0]);
    assert_true(chr_text_hash("'s", 2) == t.hash[10]);
    /* and a word's hash without its lower-case copy */
    assert_true(chr_text_hash_lower("KyIv", 4) == t.hash[0]);
    assert_true(chr_text_hash_lower("COUNTEROFFENSIVES", 17) == t.hash[11]);
    assert_true(chr_text_hash_lower("a", 1) == t.hash[7]);
    assert_true(chr_text_hash("counteroffensives", 17) == t.hash[11]);
    assert_true(chr_text_hash("kyiv", 4) != chr_text_hash("kyi", 3));
    chr_arena_free(&a);
}

typedef struct flag_case {
    const char *word;
    unsigned flags;     /* CAP, UPPER, HAS_DIGIT, ASCII as the tokenizer sets them */
} flag_case;

/* Long words cross the eight-byte steps of the scan; the flags must not
 * care where. */
static const flag_case FLAGS[] = {
    {"counteroffensives", CHR_TF_ASCII},
    {"Counteroffensives", CHR_TF_CAP | CHR_TF_ASCII},
    {"COUNTEROFFENSIVES", CHR_TF_CAP | CHR_TF_UPPER | CHR_TF_ASCII},
    {"COUNTEROFFENSIVEs", CHR_TF_CAP | CHR_TF_ASCII},
    {"counteroffensiveS", CHR_TF_ASCII},
    {"MiG29SMT", CHR_TF_CAP | CHR_TF_HAS_DIGIT | CHR_TF_ASCII},
    {"HIMARS2", CHR_TF_CAP | CHR_TF_UPPER | CHR_TF_HAS_DIGIT | CHR_TF_ASCII},
    {"O'BRIEN", CHR_TF_CAP | CHR_TF_UPPER | CHR_TF_ASCII},
    {"\xC3\x89TATS", CHR_TF_CAP | CHR_TF_UPPER},
    {"\xC3\x89tats", CHR_TF_CAP},
    {"Z\xC3\xA9", CHR_TF_CAP},
    {"Z\xC3\x89", CHR_TF_CAP | CHR_TF_UPPER},
    {"I", CHR_TF_CAP | CHR_TF_ASCII},
    {"A1", CHR_TF_CAP | CHR_TF_HAS_DIGIT | CHR_TF_ASCII},
};

static void test_word_flags_hold_for_long_and_mixed_words(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    for (size_t i = 0; i < sizeof FLAGS / sizeof FLAGS[0]; i++) {
        chr_text t = tu_text(&a, FLAGS[i].word);
        if (t.ntoks != 1 || t.toks[0].type != CHR_TOK_WORD)
            fail_msg("\"%s\": %zu tokens", FLAGS[i].word, t.ntoks);
        unsigned got = t.toks[0].flags & (CHR_TF_CAP | CHR_TF_UPPER | CHR_TF_HAS_DIGIT |
                                          CHR_TF_ASCII);
        if (got != FLAGS[i].flags)
            fail_msg("\"%s\": flags %#x, expected %#x", FLAGS[i].word, got, FLAGS[i].flags);
    }
    chr_arena_free(&a);
}

static void test_million_token_sentence_is_one_sentence(void **state)
{
    (void)state;
    /* 500,000 words and 500,000 commas, no full stop: the splitter and the
     * tokenizer must stay linear in the number of tokens. */
    const size_t words = 500000;
    char *s = malloc(words * 7 + 2);
    assert_non_null(s);
    char *p = s;
    for (size_t i = 0; i < words; i++) {
        memcpy(p, i % 2 ? "Kyiv, " : "tank, ", 6);
        p += 6;
    }
    *p++ = '.';
    *p = '\0';
    chr_arena a;
    chr_arena_init(&a, 1 << 20);
    chr_text t;
    assert_int_equal(chr_text_build(&t, &a, s, (size_t)(p - s)), 0);
    assert_int_equal(t.ntoks, 2 * words + 1);
    assert_int_equal(t.nsents, 1);
    assert_int_equal(t.sents[0].tok_end, t.ntoks);
    assert_int_equal(t.toks[t.ntoks - 1].sent, 0);
    chr_arena_free(&a);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokens_split_words_numbers_punctuation_and_symbols),
        cmocka_unit_test(test_word_flags_mark_capitals_upper_case_digits_and_ascii),
        cmocka_unit_test(test_space_line_and_paragraph_flags_follow_crlf_text),
        cmocka_unit_test(test_token_offsets_go_back_to_the_original_text),
        cmocka_unit_test(test_invalid_bytes_and_nul_become_replacement_symbols),
        cmocka_unit_test(test_lower_case_copy_keeps_offsets_and_folds_only_ascii_letters),
        cmocka_unit_test(test_word_hash_ignores_ascii_case_and_is_the_text_hash),
        cmocka_unit_test(test_word_flags_hold_for_long_and_mixed_words),
        cmocka_unit_test(test_token_comparison_helpers),
        cmocka_unit_test(test_words_with_an_inner_apostrophe_are_flagged),
        cmocka_unit_test(test_million_token_sentence_is_one_sentence),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
