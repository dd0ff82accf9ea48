/*
 * test_sentences.c - sentence splitting (src/text/sentences.c).
 *
 * Each case is a text and its sentences as the normalized text shows them,
 * joined with " | ".
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>

static const char *sentences_of(chr_arena *a, const chr_text *t)
{
    size_t n = 0;
    for (size_t i = 0; i < t->nsents; i++) n += t->sents[i].end - t->sents[i].start + 3;
    char *s = chr_arena_alloc(a, n + 1), *p = s;
    for (size_t i = 0; i < t->nsents; i++) {
        if (i) p += sprintf(p, " | ");
        memcpy(p, t->norm + t->sents[i].start, t->sents[i].end - t->sents[i].start);
        p += t->sents[i].end - t->sents[i].start;
    }
    *p = '\0';
    return s;
}

typedef struct split_case {
    const char *what, *in, *out;
} split_case;

static const split_case SPLITS[] = {
    {"plain full stops",
     "Russia attacked. Ukraine resisted. The war went on.",
     "Russia attacked. | Ukraine resisted. | The war went on."},
    {"question and exclamation marks",
     "Will they attack? Nobody knows! We wait.",
     "Will they attack? | Nobody knows! | We wait."},
    {"initials inside a sentence",
     "The U.S. Army and the U.K. Ministry of Defence met U.N. and E.U. envoys.",
     "The U.S. Army and the U.K. Ministry of Defence met U.N. and E.U. envoys."},
    {"an initial ends the sentence before a common opener",
     "Aid arrived from the U.S. The package was large. It came via the U.K. In March it grew.",
     "Aid arrived from the U.S. | The package was large. | It came via the U.K. | In March it grew."},
    {"personal initials",
     "George W. Bush praised J. R. R. Tolkien.",
     "George W. Bush praised J. R. R. Tolkien."},
    {"titles never end a sentence",
     "Gen. Mark Milley met Lt. Col. Ivan Petrov, Mr. Biden, Mrs. Smith, Ms. Lee and Dr. Kim. "
     "Sen. Moran, Rep. Cole, Gov. Hochul, Maj. Doe, Capt. Roe, Sgt. Poe and Adm. Loe came. "
     "They met in St. Petersburg.",
     "Gen. Mark Milley met Lt. Col. Ivan Petrov, Mr. Biden, Mrs. Smith, Ms. Lee and Dr. Kim. | "
     "Sen. Moran, Rep. Cole, Gov. Hochul, Maj. Doe, Capt. Roe, Sgt. Poe and Adm. Loe came. | "
     "They met in St. Petersburg."},
    {"titles in a headline in capitals",
     "FOX NEWS CONTRIBUTOR RET. LT. GEN. KELLOGG SAYS SO",
     "FOX NEWS CONTRIBUTOR RET. LT. GEN. KELLOGG SAYS SO"},
    {"months and other abbreviations",
     "The invasion began on Feb. 24, and on Sept. 30 Moscow annexed four regions. "
     "Acme Inc. and Boeing Co. sent parts, e.g. engines, i.e. the costly ones, approx. 40 units.",
     "The invasion began on Feb. 24, and on Sept. 30 Moscow annexed four regions. | "
     "Acme Inc. and Boeing Co. sent parts, e.g. engines, i.e. the costly ones, approx. 40 units."},
    {"an abbreviation can end a sentence",
     "They sent tanks, guns, etc. The list grew. Russia vs. Ukraine was the match.",
     "They sent tanks, guns, etc. | The list grew. | Russia vs. Ukraine was the match."},
    {"abbreviation followed by a name",
     "Shares of Acme Inc. Boeing and Lockheed rose.",
     "Shares of Acme Inc. Boeing and Lockheed rose."},
    {"No. before a number, and the word no",
     "No. 10 Downing Street said no. Then it said yes. Is it over? No. The fighting goes on.",
     "No. 10 Downing Street said no. | Then it said yes. | Is it over? | No. | The fighting goes on."},
    {"times of day",
     "The strike came at 9 a.m. Monday. It ended at 5 p.m. The city was quiet.",
     "The strike came at 9 a.m. Monday. | It ended at 5 p.m. | The city was quiet."},
    {"a plural letter is not an initial",
     "Prices were higher than in the 1990s. Rising costs hurt.",
     "Prices were higher than in the 1990s. | Rising costs hurt."},
    {"decimals and thousands",
     "It cost $1.5 billion. That was 1,000 more than in 2021. 300 soldiers died.",
     "It cost $1.5 billion. | That was 1,000 more than in 2021. | 300 soldiers died."},
    {"glued punctuation does not split",
     "U.S.-led sanctions hit banks, i.e., the big ones, and sites like kremlin.ru went down.",
     "U.S.-led sanctions hit banks, i.e., the big ones, and sites like kremlin.ru went down."},
    {"lower case after a full stop goes on",
     "He left at 5 o'clock approx. and then rested.",
     "He left at 5 o'clock approx. and then rested."},
    {"a quotation with its attribution",
     "\"We will win,\" he said. Then he left.",
     "\"We will win,\" he said. | Then he left."},
    {"closing quote after the mark belongs to the sentence",
     "\"Will they attack?\" he asked. \"We will never surrender!\" she said. "
     "\"The war must end.\" The talks failed.",
     "\"Will they attack?\" he asked. | \"We will never surrender!\" she said. | "
     "\"The war must end.\" | The talks failed."},
    {"curly quotes and a named speaker",
     "\xE2\x80\x9CWhy now?\xE2\x80\x9D Foreign Minister Makei asked. "
     "\xE2\x80\x9C" "Enough!\xE2\x80\x9D Makei said. \xE2\x80\x9CIt is over.\xE2\x80\x9D Kuleba wrote later.",
     "\"Why now?\" Foreign Minister Makei asked. | \"Enough!\" Makei said. | \"It is over.\" | "
     "Kuleba wrote later."},
    {"a quotation opening the next sentence",
     "He spoke. \"We stand united.\" Then he left.",
     "He spoke. | \"We stand united.\" | Then he left."},
    {"brackets",
     "The troops withdrew (as planned.) Kyiv was quiet (for now). Shelling resumed.",
     "The troops withdrew (as planned.) | Kyiv was quiet (for now). | Shelling resumed."},
    {"ellipsis does not split",
     "They waited... Nothing happened. Then\xE2\x80\xA6 silence.",
     "They waited... Nothing happened. | Then... silence."},
    {"a paragraph break always splits",
     "They waited...\n\nNothing happened\n\nand then it did.",
     "They waited... | Nothing happened | and then it did."},
    {"headline and byline on their own lines",
     "Kyiv under fire\nBy Jane Doe\nRussian troops shelled the city.",
     "Kyiv under fire | By Jane Doe | Russian troops shelled the city."},
    {"list items",
     "Aid includes:\n- Javelin missiles\n- Stinger missiles\n* Ammunition",
     "Aid includes: | - Javelin missiles | - Stinger missiles | * Ammunition"},
    {"a wrapped line goes on",
     "The missiles were delivered by the\nUnited States to Kyiv,\nUkraine on Monday and\n"
     "Poland helped.\nlater more came.",
     "The missiles were delivered by the\nUnited States to Kyiv,\nUkraine on Monday and\n"
     "Poland helped.\nlater more came."},
    {"an initial at the end of a line",
     "Aid came from the U.S.\nRussia protested.",
     "Aid came from the U.S. | Russia protested."},
    {"non-ASCII sentence starts",
     "Talks were held in Krak\xC3\xB3w. \xC3\x89lys\xC3\xA9" "e officials came. \xC3\xA9t\xC3\xA9 ended.",
     "Talks were held in Krak\xC3\xB3w. | \xC3\x89lys\xC3\xA9" "e officials came. \xC3\xA9t\xC3\xA9 ended."},
    {"list words match only in the case the lists allow",
     "They sent guns, Etc. The list grew. MR. SMITH AND GEN. KIM MET. mr. Jones left.",
     "They sent guns, Etc. | The list grew. | MR. SMITH AND GEN. KIM MET. mr. | Jones left."},
    {"a capitalized continuer or speech verb is not one",
     "The missiles were delivered by The\nUnited States. \"Why?\" Kuleba Asked. "
     "\"Why?\" kuleba asked. \"Why?\" Kuleba asked.",
     "The missiles were delivered by The | United States. | \"Why?\" | Kuleba Asked. | "
     "\"Why?\" kuleba asked. | \"Why?\" Kuleba asked."},
    {"no final punctuation", "(File Image: AP)", "(File Image: AP)"},
    {"only punctuation", "...", "..."},
    {"nothing", "  \n\n ", ""},
};

static void test_sentences_split_as_a_reader_would(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    for (size_t i = 0; i < sizeof SPLITS / sizeof SPLITS[0]; i++) {
        chr_text t = tu_text(&a, SPLITS[i].in);
        const char *got = sentences_of(&a, &t);
        if (strcmp(got, SPLITS[i].out) != 0)
            fail_msg("%s:\n  got      %s\n  expected %s", SPLITS[i].what, got, SPLITS[i].out);
    }
    chr_arena_free(&a);
}

static void test_sentences_are_trimmed_and_cover_every_token_once(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    chr_text t = tu_text(&a, "  Kyiv fell?  No.\n\n  Lviv held.  \n");
    assert_int_equal(t.nsents, 3);
    assert_int_equal(t.sents[0].start, 2);
    assert_int_equal(t.sents[0].end, 12);
    size_t next = 0;
    for (size_t s = 0; s < t.nsents; s++) {
        const chr_sentence *se = &t.sents[s];
        assert_int_equal(se->tok_begin, next);
        assert_true(se->tok_end > se->tok_begin);
        assert_int_equal(se->start, t.toks[se->tok_begin].start);
        assert_int_equal(se->end, t.toks[se->tok_end - 1].end);
        for (size_t k = se->tok_begin; k < se->tok_end; k++) assert_int_equal(t.toks[k].sent, s);
        next = se->tok_end;
    }
    assert_int_equal(next, t.ntoks);
    chr_arena_free(&a);
}

static void test_paragraph_numbers_count_blank_lines(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    chr_text t = tu_text(&a, "\n\nHeadline here\n\nOne. Two.\nThree.\n\n\n\nFour.");
    assert_int_equal(t.nsents, 5);
    static const uint32_t PARA[] = {0, 1, 1, 1, 2};
    for (size_t s = 0; s < t.nsents; s++) assert_int_equal(t.sents[s].para, PARA[s]);
    chr_arena_free(&a);
}

static void test_sentence_spans_map_back_to_the_document(void **state)
{
    (void)state;
    chr_arena a;
    chr_arena_init(&a, 4096);
    const char *src = "\xE2\x80\x9CWe will win.\xE2\x80\x9D Kyiv\xC2\xA0held \xE2\x80\x94 for now\xE2\x80\xA6";
    chr_text t = tu_text(&a, src);
    assert_int_equal(t.nsents, 2);
    uint32_t s = chr_text_src_offset(&t, t.sents[1].start);
    uint32_t e = chr_text_src_offset(&t, t.sents[1].end);
    assert_int_equal(e, t.src_len);
    assert_memory_equal(t.src + s, "Kyiv\xC2\xA0held", 10);
    assert_int_equal(chr_text_src_offset(&t, t.sents[0].end), strlen("\xE2\x80\x9CWe will win.\xE2\x80\x9D"));
    chr_arena_free(&a);
}

/* The seed article, from ../shared when it is there. */
static char *read_seed(void)
{
    FILE *f = fopen("../shared/examples/seed-2022-03-03.txt", "rb");
    if (!f) return NULL;
    char *buf = malloc(1 << 16);
    size_t n = buf ? fread(buf, 1, (1 << 16) - 1, f) : 0;
    fclose(f);
    if (!buf) return NULL;
    buf[n] = '\0';
    return buf;
}

static void test_seed_article_has_eighteen_sentences(void **state)
{
    (void)state;
    char *raw = read_seed();
    if (!raw) skip();
    /* The dated-text header: "date YYYY-MM-DD " before the article. */
    const char *p = raw;
    while (*p == ' ' || *p == '\n') p++;
    assert_int_equal(strncmp(p, "date ", 5), 0);
    p += 5 + 10;
    while (*p == ' ') p++;

    chr_arena a;
    chr_arena_init(&a, 1 << 16);
    chr_text t = tu_text(&a, p);
    assert_int_equal(t.nsents, 18);
    const char *s[18];
    for (size_t i = 0; i < 18; i++)
        s[i] = chr_arena_strndup(&a, t.norm + t.sents[i].start, t.sents[i].end - t.sents[i].start);
    assert_string_equal(s[1], "According to a report by NBC News, Washington sent over 200 of the "
                              "surface-to-air projectiles to help its ally in the 'unprovoked war'.");
    assert_string_equal(s[9], "Blinken schedules visit to the region");
    assert_string_equal(s[13], "The trip is scheduled between March 3 and 8.");
    assert_string_equal(s[15], "A discreet report stated that 7,000 Russian soldiers have lost their lives.");
    assert_string_equal(s[17], "(File Image: AP)");
    assert_true(strncmp(s[7], "Previously, Germany announced", 29) == 0);
    assert_true(strstr(s[7], "Steffen Hebestreit.") != NULL);
    assert_int_equal(t.sents[9].para, 3);
    assert_int_equal(t.sents[17].para, 6);
    chr_arena_free(&a);
    free(raw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sentences_split_as_a_reader_would),
        cmocka_unit_test(test_sentences_are_trimmed_and_cover_every_token_once),
        cmocka_unit_test(test_paragraph_numbers_count_blank_lines),
        cmocka_unit_test(test_sentence_spans_map_back_to_the_document),
        cmocka_unit_test(test_seed_article_has_eighteen_sentences),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
