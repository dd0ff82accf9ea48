/*
 * test_lexicon.c - the word table of the shallow parser: function words
 * from Chronicle's data, open classes and inflections from WordNet, and
 * what is left when WordNet is missing.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "extract/lexicon.h"

static const char *data_dir(void)
{
    const char *d = getenv("CHRONICLE_DATA");
    return d && *d ? d : "data";
}

static chr_lexicon *lx_full;        /* with WordNet (when installed) */
static chr_lexicon *lx_bare;        /* without: data files alone */

static int setup(void **state)
{
    (void)state;
    chr_error err;
    if (chr_lexicon_open(&lx_full, data_dir(), NULL, &err) != CHR_OK) {
        chr_error_print(&err, stderr, "test_lexicon");
        return -1;
    }
    if (chr_lexicon_open(&lx_bare, data_dir(), "/nonexistent/wordnet", &err) != CHR_OK) {
        chr_error_print(&err, stderr, "test_lexicon");
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    chr_lexicon_close(lx_full);
    chr_lexicon_close(lx_bare);
    return 0;
}

/* By value: fine for known words, whose lemmas live in the lexicon (a
 * guessed lemma lives in the struct's own buf, see below). */
static chr_lexinfo look(const chr_lexicon *lx, const char *w)
{
    chr_lexinfo li;
    chr_lexicon_lookup(lx, w, strlen(w), &li);
    return li;
}

/* Tests of what WordNet contributes are skipped where it is not installed. */
#define NEED_WORDNET() do { if (!chr_lexicon_has_wordnet(lx_full)) skip(); } while (0)

static int has(const chr_lexinfo *li, int tag) { return (li->tags & CHR_TB(tag)) != 0; }

static void assert_lemma(const char *got, size_t n, const char *want)
{
    assert_non_null(got);
    assert_int_equal(n, strlen(want));
    assert_memory_equal(got, want, n);
}

/* ---- closed classes: the same with or without WordNet ------------------- */

static void check_closed_class(const chr_lexicon *lx)
{
    static const struct { const char *w; int tag; } cases[] = {
        {"the", CHR_T_DET}, {"an", CHR_T_DET}, {"their", CHR_T_DET},
        {"he", CHR_T_PRON}, {"them", CHR_T_PRON}, {"who", CHR_T_PRON},
        {"of", CHR_T_ADP}, {"into", CHR_T_ADP}, {"amid", CHR_T_ADP},
        {"and", CHR_T_CCONJ}, {"but", CHR_T_CCONJ},
        {"because", CHR_T_SCONJ}, {"while", CHR_T_SCONJ}, {"whether", CHR_T_SCONJ},
        {"that", CHR_T_SCONJ}, {"after", CHR_T_SCONJ},
        {"was", CHR_T_AUX}, {"been", CHR_T_AUX}, {"has", CHR_T_AUX}, {"did", CHR_T_AUX},
        {"would", CHR_T_MODAL}, {"might", CHR_T_MODAL}, {"must", CHR_T_MODAL},
        {"not", CHR_T_PART}, {"to", CHR_T_PART}, {"never", CHR_T_ADV},
        {"thousand", CHR_T_NUM}, {"dozens", CHR_T_NUM},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        chr_lexinfo li = look(lx, cases[i].w);
        if (!has(&li, cases[i].tag))
            fail_msg("%s should be %s", cases[i].w, chr_tag_name(cases[i].tag));
        assert_false(li.feats & CHR_LF_GUESSED);
    }
}

static void test_closed_class_words_have_their_tags(void **state)
{
    (void)state;
    check_closed_class(lx_full);
}

static void test_closed_class_words_need_no_wordnet(void **state)
{
    (void)state;
    assert_false(chr_lexicon_has_wordnet(lx_bare));
    check_closed_class(lx_bare);
}

static void test_function_words_are_not_wordnet_nouns(void **state)
{
    (void)state;
    NEED_WORDNET();
    /* WordNet lists "a" (vitamin A), "in" (inch), "it", "may" (the month)
       and "us" as nouns; the data files override them */
    const char *words[] = {"a", "in", "it", "may", "us", "will", "can"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        chr_lexinfo li = look(lx_full, words[i]);
        if (strcmp(words[i], "will") != 0) assert_false(has(&li, CHR_T_NOUN));
        assert_false(has(&li, CHR_T_VERB));
    }
}

static void test_pronouns_carry_person_number_and_case(void **state)
{
    (void)state;
    chr_lexinfo he = look(lx_full, "he"), them = look(lx_full, "them");
    chr_lexinfo we = look(lx_full, "We"), its = look(lx_full, "its");
    assert_true(he.feats & CHR_LF_P3);
    assert_true(he.feats & CHR_LF_SG);
    assert_true(he.feats & CHR_LF_NOM);
    assert_true(them.feats & CHR_LF_PL);
    assert_true(them.feats & CHR_LF_ACC);
    assert_true(we.feats & CHR_LF_P1);
    assert_true(its.feats & CHR_LF_POSS);
    assert_true(has(&its, CHR_T_DET));
}

static void test_auxiliaries_and_modals_carry_their_kind(void **state)
{
    (void)state;
    chr_lexinfo was = look(lx_full, "was"), had = look(lx_full, "had");
    chr_lexinfo didnt = look(lx_full, "didn't"), wont = look(lx_full, "won't");
    chr_lexinfo could = look(lx_full, "could"), ll = look(lx_full, "'ll");
    assert_int_equal(was.aux, CHR_AUX_BE);
    assert_int_equal(was.vforms, CHR_VF_PAST);
    assert_lemma(was.vlemma, was.vlemma_len, "be");
    assert_int_equal(had.aux, CHR_AUX_HAVE);
    assert_int_equal(didnt.aux, CHR_AUX_DO);
    assert_true(didnt.feats & CHR_LF_NEG);
    assert_int_equal(wont.modal, CHR_MODAL_WILL);
    assert_true(wont.feats & CHR_LF_NEG);
    assert_int_equal(could.modal, CHR_MODAL_COULD);
    assert_int_equal(ll.modal, CHR_MODAL_WILL);
    assert_true(ll.feats & CHR_LF_CLITIC);
    assert_true(look(lx_full, "never").feats & CHR_LF_NEG);
    assert_true(look(lx_full, "no").feats & CHR_LF_NEG);
}

/* ---- verbs ----------------------------------------------------------------- */

static void test_regular_verb_inflections_find_their_lemma(void **state)
{
    (void)state;
    NEED_WORDNET();
    static const struct { const char *form, *lemma; int vform; } cases[] = {
        {"sends", "send", CHR_VF_PRES3},
        {"sending", "send", CHR_VF_GERUND},
        {"supplied", "supply", CHR_VF_PAST},
        {"supplies", "supply", CHR_VF_PRES3},
        {"pledged", "pledge", CHR_VF_PASTPART},
        {"visiting", "visit", CHR_VF_GERUND},
        {"delivered", "deliver", CHR_VF_PAST},
        {"hoped", "hope", CHR_VF_PAST},          /* hope+d, not hop+ed */
        {"stopped", "stop", CHR_VF_PAST},        /* doubled consonant */
        {"planned", "plan", CHR_VF_PASTPART},
        {"shelling", "shell", CHR_VF_GERUND},
        {"making", "make", CHR_VF_GERUND},       /* e dropped */
        {"watches", "watch", CHR_VF_PRES3},
        {"Announced", "announce", CHR_VF_PAST},  /* case does not matter */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        chr_lexinfo li = look(lx_full, cases[i].form);
        if (!has(&li, CHR_T_VERB) || !(li.vforms & cases[i].vform))
            fail_msg("%s should be a %s verb form", cases[i].form,
                     chr_vform_name(cases[i].vform));
        assert_lemma(li.vlemma, li.vlemma_len, cases[i].lemma);
    }
}

static void test_irregular_verbs_know_past_from_participle(void **state)
{
    (void)state;
    static const struct { const char *form, *lemma; int vforms; } cases[] = {
        {"sent", "send", CHR_VF_PAST | CHR_VF_PASTPART},
        {"struck", "strike", CHR_VF_PAST | CHR_VF_PASTPART},
        {"met", "meet", CHR_VF_PAST | CHR_VF_PASTPART},
        {"fled", "flee", CHR_VF_PAST | CHR_VF_PASTPART},
        {"took", "take", CHR_VF_PAST},
        {"taken", "take", CHR_VF_PASTPART},
        {"gave", "give", CHR_VF_PAST},
        {"given", "give", CHR_VF_PASTPART},
        {"said", "say", CHR_VF_PAST | CHR_VF_PASTPART},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        for (int wn = 0; wn < 2; wn++) {
            chr_lexinfo li = look(wn ? lx_full : lx_bare, cases[i].form);
            assert_true(has(&li, CHR_T_VERB));
            if ((li.vforms & (CHR_VF_PAST | CHR_VF_PASTPART)) != cases[i].vforms)
                fail_msg("%s: wrong verb forms %#x", cases[i].form, li.vforms);
            assert_lemma(li.vlemma, li.vlemma_len, cases[i].lemma);
        }
    }
}

static void test_words_that_are_nouns_and_verbs_get_both_readings(void **state)
{
    (void)state;
    NEED_WORDNET();
    chr_lexinfo attacks = look(lx_full, "attacks");
    assert_true(has(&attacks, CHR_T_NOUN));
    assert_true(has(&attacks, CHR_T_VERB));
    assert_lemma(attacks.vlemma, attacks.vlemma_len, "attack");
    assert_lemma(attacks.nlemma, attacks.nlemma_len, "attack");
    assert_true(attacks.feats & CHR_LF_PL);
    chr_lexinfo meeting = look(lx_full, "meeting");
    assert_true(has(&meeting, CHR_T_NOUN));
    assert_true(meeting.vforms & CHR_VF_GERUND);
    assert_lemma(meeting.vlemma, meeting.vlemma_len, "meet");
    /* but a verb lemma does not become another verb's past: "seed" is
       not see+d */
    chr_lexinfo seed = look(lx_full, "seed");
    assert_false(seed.vforms & CHR_VF_PAST);
}

static void test_report_verbs_pass_their_class_to_inflections(void **state)
{
    (void)state;
    NEED_WORDNET();
    const char *words[] = {"said", "says", "announced", "reporting", "told", "denies"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (!(look(lx_full, words[i]).feats & CHR_LF_REPORT))
            fail_msg("%s should be a report verb", words[i]);
    assert_false(look(lx_full, "sent").feats & CHR_LF_REPORT);
}

/* ---- nouns ------------------------------------------------------------------- */

static void test_nouns_singularize(void **state)
{
    (void)state;
    NEED_WORDNET();
    static const struct { const char *form, *lemma; } cases[] = {
        {"missiles", "missile"}, {"countries", "country"}, {"men", "man"},
        {"weapons", "weapon"}, {"buses", "bus"}, {"drones", "drone"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        chr_lexinfo li = look(lx_full, cases[i].form);
        assert_true(has(&li, CHR_T_NOUN));
        assert_true(li.feats & CHR_LF_PL);
        assert_lemma(li.nlemma, li.nlemma_len, cases[i].lemma);
    }
    /* "drone" is listed as a noun only: no verb reading for "drones" */
    chr_lexinfo drones = look(lx_full, "drones");
    assert_false(has(&drones, CHR_T_VERB));
}

static void test_time_words_carry_the_time_feature(void **state)
{
    (void)state;
    NEED_WORDNET();
    const char *words[] = {"Sunday", "week", "weeks", "March", "yesterday"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (!(look(lx_full, words[i]).feats & CHR_LF_TIME))
            fail_msg("%s should be a time word", words[i]);
    assert_false(look(lx_full, "missile").feats & CHR_LF_TIME);
}

/* ---- multi-word entries, unknown words -------------------------------------- */

static void test_multi_word_entries_join_words_with_underscores(void **state)
{
    (void)state;
    chr_lexinfo acc = look(lx_full, "according_to");
    assert_true(has(&acc, CHR_T_ADP));
    assert_true(acc.feats & CHR_LF_REPORT);
    assert_true(look(lx_full, "according").feats & CHR_LF_MWSTART);
    assert_true(look(lx_full, "more_than").feats & CHR_LF_QPRE);
    assert_true(look(lx_full, "at_least").feats & CHR_LF_QPRE);
    assert_true(chr_lexicon_mw_max(lx_full) >= 3);      /* as well as */
}

static void test_unknown_words_are_guessed_from_their_suffix(void **state)
{
    (void)state;
    for (int wn = 0; wn < 2; wn++) {
        const chr_lexicon *lx = wn ? lx_full : lx_bare;
        chr_lexinfo li;
        assert_int_equal(chr_lexicon_lookup(lx, "geolocated", 10, &li), 0);
        assert_true(li.feats & CHR_LF_GUESSED);
        assert_true(has(&li, CHR_T_VERB));
        assert_true(li.vforms & CHR_VF_PAST);
        assert_lemma(li.vlemma, li.vlemma_len, "geolocate");
        /* a guessed lemma lives in li.buf: look it up in place */
        chr_lexicon_lookup(lx, "deconflicting", 13, &li);
        assert_true(li.vforms & CHR_VF_GERUND);
        assert_lemma(li.vlemma, li.vlemma_len, "deconflict");
        li = look(lx, "reportedly");
        assert_true(has(&li, CHR_T_ADV));
        li = look(lx, "zelenskyy");
        assert_true(has(&li, CHR_T_NOUN));
    }
    /* with WordNet, an ordinary word is known, not guessed */
    NEED_WORDNET();
    chr_lexinfo li;
    assert_int_equal(chr_lexicon_lookup(lx_full, "artillery", 9, &li), 1);
    assert_int_equal(chr_lexicon_lookup(lx_bare, "artillery", 9, &li), 0);
}

static void test_overlong_words_are_guessed_not_looked_up(void **state)
{
    (void)state;
    char w[200];
    memset(w, 'a', sizeof w - 1);
    w[sizeof w - 1] = '\0';
    chr_lexinfo li;
    assert_int_equal(chr_lexicon_lookup(lx_full, w, strlen(w), &li), 0);
    assert_true(li.feats & CHR_LF_GUESSED);
    assert_int_equal(chr_lexicon_lookup(lx_full, "", 0, &li), 0);
}

static void test_common_word_table_holds_function_words_and_frequent_forms(void **state)
{
    (void)state;
    NEED_WORDNET();
    /* function words, data-file words and forms of frequent lemmas are
       answered from the small table, in any case */
    const char *words[] = {"the", "According_to", "would", "Sunday", "sent", "THE", "killed"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        chr_lexinfo a, b;
        if (!chr_lexicon_lookup_common(lx_full, words[i], strlen(words[i]), &a))
            fail_msg("%s should be a common word", words[i]);
        chr_lexicon_lookup(lx_full, words[i], strlen(words[i]), &b);
        assert_int_equal(a.tags, b.tags);
        assert_int_equal(a.feats, b.feats);
        assert_int_equal(a.vlemma_len, b.vlemma_len);
    }
    chr_lexinfo li;
    assert_int_equal(chr_lexicon_lookup_common(lx_full, "killed", 6, &li), 1);
    assert_lemma(li.vlemma, li.vlemma_len, "kill");
    /* rare words and names are not: the tagger makes names of capitals */
    assert_int_equal(chr_lexicon_lookup_common(lx_full, "howitzers", 9, &li), 0);
    assert_int_equal(chr_lexicon_lookup_common(lx_full, "Kyiv", 4, &li), 0);
    /* ... while the full lookup still knows the rare word */
    assert_int_equal(chr_lexicon_lookup(lx_full, "howitzers", 9, &li), 1);
    assert_lemma(li.nlemma, li.nlemma_len, "howitzer");
}

/* ---- marks and the sieve ---------------------------------------------------------- */

/* A lexicon of its own for marks: they change what lookups carry. */
static chr_lexicon *open_marked(const char *const *words, const uint32_t *marks, size_t n)
{
    chr_lexicon *lx;
    chr_error err;
    assert_int_equal(chr_lexicon_open(&lx, data_dir(), NULL, &err), CHR_OK);
    assert_int_equal(chr_lexicon_has_marks(lx), 0);
    assert_int_equal(chr_lexicon_mark(lx, words, marks, n), CHR_OK);
    assert_int_equal(chr_lexicon_has_marks(lx), 1);
    return lx;
}

static uint32_t marks_of_lookup(const chr_lexicon *lx, const char *w)
{
    chr_lexinfo li;
    chr_lexicon_lookup(lx, w, strlen(w), &li);
    return li.feats & CHR_LF_MARKS;
}

static void test_a_marked_word_marks_its_inflections_and_plural(void **state)
{
    (void)state;
    NEED_WORDNET();
    const char *w[] = {"send", "talk", "child", "kill"};
    const uint32_t m[] = {CHR_LF_MARK1, CHR_LF_MARK1, CHR_LF_MARK2, CHR_LF_MARK2};
    chr_lexicon *lx = open_marked(w, m, 4);
    /* through their lemmas, regular and irregular */
    assert_int_equal(marks_of_lookup(lx, "sent"), CHR_LF_MARK1);
    assert_int_equal(marks_of_lookup(lx, "Sending"), CHR_LF_MARK1);
    assert_int_equal(marks_of_lookup(lx, "sends"), CHR_LF_MARK1);
    assert_int_equal(marks_of_lookup(lx, "talks"), CHR_LF_MARK1);
    assert_int_equal(marks_of_lookup(lx, "children"), CHR_LF_MARK2);
    assert_int_equal(marks_of_lookup(lx, "killed"), CHR_LF_MARK2);
    /* others carry none */
    assert_int_equal(marks_of_lookup(lx, "the"), 0);
    assert_int_equal(marks_of_lookup(lx, "tanks"), 0);
    assert_int_equal(marks_of_lookup(lx, "sender"), 0);
    /* a name the common table does not know carries its own marks */
    chr_lexinfo li;
    assert_int_equal(chr_lexicon_lookup_common(lx, "Talks", 5, &li), 1);
    assert_int_equal(li.feats & CHR_LF_MARKS, CHR_LF_MARK1);
    assert_int_equal(chr_lexicon_lookup_common(lx, "Kyiv", 4, &li), 0);
    assert_int_equal(li.feats & CHR_LF_MARKS, 0);
    /* an unmarked lexicon carries nothing */
    assert_int_equal(marks_of_lookup(lx_full, "sent"), 0);
    chr_lexicon_close(lx);
}

static void test_marking_refuses_words_it_cannot_hold(void **state)
{
    (void)state;
    chr_lexicon *lx;
    chr_error err;
    assert_int_equal(chr_lexicon_open(&lx, data_dir(), "/nonexistent", &err), CHR_OK);
    const char *w[] = {"send", "an_extremely_long_trigger_word_of_forty"};
    const uint32_t m[] = {CHR_LF_MARK1, CHR_LF_MARK1};
    assert_int_equal(chr_lexicon_mark(lx, w, m, 2), CHR_EUSAGE);
    const uint32_t none[] = {0};
    assert_int_equal(chr_lexicon_mark(lx, w, none, 1), CHR_EUSAGE);
    assert_int_equal(chr_lexicon_has_marks(lx), 0);
    chr_lexicon_close(lx);
}

/* Every form a lookup can give a mark to, the sieve lets through: the
 * marked words with every ending, the irregular forms, guessed words,
 * words with an s.  Checked over forms made the way the lookup unmakes
 * them, and over a list of real words. */
static void check_sieve_covers(const chr_lexicon *lx, const char *w)
{
    uint32_t m = marks_of_lookup(lx, w);
    uint32_t s = chr_lexicon_sieve(lx, chr_text_hash_lower(w, strlen(w)));
    if ((m & s) != m) fail_msg("the sieve drops '%s' (lookup marks %x, sieve %x)", w, m, s);
    chr_lexinfo li;
    if (!chr_lexicon_lookup_common(lx, w, strlen(w), &li)) {
        m = li.feats & CHR_LF_MARKS;
        if ((m & s) != m) fail_msg("the sieve drops capitalized '%s'", w);
    }
    if (li.aux == CHR_AUX_BE && !(s & CHR_SIEVE_BE)) fail_msg("'%s' is a form of be", w);
}

static void test_the_sieve_lets_through_every_form_a_lookup_marks(void **state)
{
    (void)state;
    const char *w[] = {"send", "die", "supply", "strike", "hope", "stop", "flee", "storm",
                       "arm", "tie", "deconflict", "visit", "casualty", "child", "talk", "hit"};
    uint32_t m[sizeof w / sizeof *w];
    static const uint32_t kinds[] = {CHR_LF_MARK1, CHR_LF_MARK2, CHR_LF_MARK3, CHR_LF_MARK4};
    for (size_t i = 0; i < sizeof w / sizeof *w; i++) m[i] = kinds[i % 4];
    chr_lexicon *lx = open_marked(w, m, sizeof w / sizeof *w);
    assert_true(chr_lexicon_can_sieve(lx));
    static const char *const ends[] = {"", "s", "es", "d", "ed", "ing", "er", "est", "ies",
                                       "ied", "ying", "ly", "e", "y", "ie", "ize", "ate", "ish"};
    char b[64];
    for (size_t i = 0; i < sizeof w / sizeof *w; i++) {
        size_t n = strlen(w[i]);
        for (size_t cut = 0; cut <= 2 && cut < n; cut++)
            for (int dbl = 0; dbl < 2; dbl++)
                for (size_t e = 0; e < sizeof ends / sizeof *ends; e++) {
                    size_t k = n - cut;
                    memcpy(b, w[i], k);
                    if (dbl) {
                        b[k] = b[k - 1];
                        k++;
                    }
                    snprintf(b + k, sizeof b - k, "%s", ends[e]);
                    check_sieve_covers(lx, b);
                    strcat(b, "s");
                    check_sieve_covers(lx, b);
                }
    }
    static const char *const words[] = {
        "sent", "died", "dying", "supplied", "supplies", "struck", "stricken", "hoped",
        "hoping", "stopped", "stopping", "fled", "storms", "stormed", "armed", "arms",
        "tied", "tying", "deconflicting", "deconflicted", "visits", "casualties",
        "children", "talks", "talked", "hits", "hitting", "the", "is", "was", "were", "been",
        "be", "are", "am", "being", "'s", "Sent", "STRUCK", "Children", "artillery", "said"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) check_sieve_covers(lx, words[i]);
    /* and it is narrow: most words are ruled out without a lookup */
    assert_int_equal(chr_lexicon_sieve(lx, chr_text_hash_lower("weather", 7)), 0);
    assert_int_equal(chr_lexicon_sieve(lx, chr_text_hash_lower("Ukraine", 7)), 0);
    assert_true(chr_lexicon_sieve(lx, chr_text_hash_lower("was", 3)) & CHR_SIEVE_BE);
    chr_lexicon_close(lx);
}

static void test_the_sieve_covers_inflections_of_data_file_verbs_without_wordnet(void **state)
{
    (void)state;
    /* without WordNet nothing lists "hitting" or "giving": only the
       lookup's analysis of the ending finds their lemmas */
    chr_lexicon *lx;
    chr_error err;
    assert_int_equal(chr_lexicon_open(&lx, data_dir(), "/nonexistent", &err), CHR_OK);
    const char *w[] = {"hit", "give", "fly", "cut", "flee"};
    const uint32_t m[] = {CHR_LF_MARK1, CHR_LF_MARK1, CHR_LF_MARK2, CHR_LF_MARK1, CHR_LF_MARK2};
    assert_int_equal(chr_lexicon_mark(lx, w, m, 5), CHR_OK);
    const char *forms[] = {"hitting", "hits", "giving", "gives", "flies", "flying", "cutting",
                           "fleeing", "flees", "hitted", "gived"};
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
        assert_int_not_equal(marks_of_lookup(lx, forms[i]), 0);
        check_sieve_covers(lx, forms[i]);
    }
    chr_lexicon_close(lx);
}

static void test_hashed_lookups_answer_as_plain_ones(void **state)
{
    (void)state;
    const char *words[] = {"Sent", "the", "howitzers", "zelenskyy", "According_to", "x"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        size_t n = strlen(words[i]);
        chr_lexinfo a, b;
        chr_lexicon_prefetch(lx_full, chr_text_hash_lower(words[i], n));
        int ra = chr_lexicon_lookup(lx_full, words[i], n, &a);
        int rb = chr_lexicon_lookup_h(lx_full, words[i], n, chr_text_hash_lower(words[i], n), &b);
        assert_int_equal(ra, rb);
        assert_int_equal(a.tags, b.tags);
        assert_int_equal(a.feats, b.feats);
        assert_int_equal(a.vlemma_len, b.vlemma_len);
        ra = chr_lexicon_lookup_common(lx_full, words[i], n, &a);
        rb = chr_lexicon_lookup_common_h(lx_full, words[i], n, chr_text_hash_lower(words[i], n), &b);
        assert_int_equal(ra, rb);
        assert_int_equal(a.tags, b.tags);
    }
}

static void test_keys_no_multi_word_entry_starts_are_ruled_out(void **state)
{
    (void)state;
    /* "according_to" is an entry, "according_the" could only be guessed */
    assert_true(chr_lexicon_mw_may(lx_full, "According_to", 12));
    assert_true(chr_lexicon_mw_may(lx_full, "according_tos", 13));
    assert_true(chr_lexicon_mw_may(lx_full, "in_order_to", 11));
    assert_false(chr_lexicon_mw_may(lx_full, "tanks_and", 9));
    assert_false(chr_lexicon_mw_may(lx_full, "in_favour_of", 12));
    /* whatever the sieve rules out, the lookup guesses */
    chr_lexinfo li;
    assert_int_equal(chr_lexicon_lookup(lx_full, "tanks_and", 9, &li), 0);
    assert_true(li.feats & CHR_LF_GUESSED);
}

/* ---- loading errors ------------------------------------------------------------ */

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/lexicon/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void remove_tree(const char *dir)
{
    const char *names[] = {"irregular.txt", "closed.txt", "overrides.txt"};
    char path[512];
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/lexicon/%s", dir, names[i]);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/lexicon", dir);
    rmdir(path);
    rmdir(dir);
}

static void test_bad_data_line_is_reported_with_file_and_line(void **state)
{
    (void)state;
    char dir[] = "/tmp/chr-lexicon-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char sub[512];
    snprintf(sub, sizeof sub, "%s/lexicon", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    write_file(dir, "irregular.txt", "# lemma past participle\nsend sent sent\n");
    write_file(dir, "closed.txt", "# comment\nthe DET\n\nfrom ADP\nwhilst CONJUNCTION\n");
    write_file(dir, "overrides.txt", "");

    chr_lexicon *lx = NULL;
    chr_error err;
    memset(&err, 0, sizeof err);
    assert_int_equal(chr_lexicon_open(&lx, dir, "/nonexistent", &err), CHR_EDATA);
    assert_null(lx);
    assert_int_equal(err.line, 5);
    assert_non_null(strstr(err.file, "closed.txt"));

    write_file(dir, "closed.txt", "the DET\nwas AUX aux=be form=sometimes\n");
    assert_int_equal(chr_lexicon_open(&lx, dir, "/nonexistent", &err), CHR_EDATA);
    assert_int_equal(err.line, 2);

    write_file(dir, "closed.txt", "The DET\n");
    assert_int_equal(chr_lexicon_open(&lx, dir, "/nonexistent", &err), CHR_EDATA);
    assert_int_equal(err.line, 1);

    write_file(dir, "closed.txt", "the DET\nwhilst SCONJ\n");
    assert_int_equal(chr_lexicon_open(&lx, dir, "/nonexistent", &err), CHR_OK);
    chr_lexinfo li = look(lx, "whilst");
    assert_true(has(&li, CHR_T_SCONJ));
    chr_lexicon_close(lx);
    remove_tree(dir);
}

static void test_missing_data_directory_is_an_io_error(void **state)
{
    (void)state;
    chr_lexicon *lx = NULL;
    chr_error err;
    assert_int_equal(chr_lexicon_open(&lx, "/nonexistent/chronicle", NULL, &err), CHR_EIO);
    assert_null(lx);
    assert_non_null(strstr(err.file, "irregular.txt"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_closed_class_words_have_their_tags),
        cmocka_unit_test(test_closed_class_words_need_no_wordnet),
        cmocka_unit_test(test_function_words_are_not_wordnet_nouns),
        cmocka_unit_test(test_pronouns_carry_person_number_and_case),
        cmocka_unit_test(test_auxiliaries_and_modals_carry_their_kind),
        cmocka_unit_test(test_regular_verb_inflections_find_their_lemma),
        cmocka_unit_test(test_irregular_verbs_know_past_from_participle),
        cmocka_unit_test(test_words_that_are_nouns_and_verbs_get_both_readings),
        cmocka_unit_test(test_report_verbs_pass_their_class_to_inflections),
        cmocka_unit_test(test_nouns_singularize),
        cmocka_unit_test(test_time_words_carry_the_time_feature),
        cmocka_unit_test(test_multi_word_entries_join_words_with_underscores),
        cmocka_unit_test(test_unknown_words_are_guessed_from_their_suffix),
        cmocka_unit_test(test_overlong_words_are_guessed_not_looked_up),
        cmocka_unit_test(test_common_word_table_holds_function_words_and_frequent_forms),
        cmocka_unit_test(test_a_marked_word_marks_its_inflections_and_plural),
        cmocka_unit_test(test_marking_refuses_words_it_cannot_hold),
        cmocka_unit_test(test_the_sieve_lets_through_every_form_a_lookup_marks),
        cmocka_unit_test(test_the_sieve_covers_inflections_of_data_file_verbs_without_wordnet),
        cmocka_unit_test(test_hashed_lookups_answer_as_plain_ones),
        cmocka_unit_test(test_keys_no_multi_word_entry_starts_are_ruled_out),
        cmocka_unit_test(test_bad_data_line_is_reported_with_file_and_line),
        cmocka_unit_test(test_missing_data_directory_is_an_io_error),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
