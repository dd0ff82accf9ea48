/*
 * test_linear.c - the pipeline does work in proportion to its input.
 *
 * Chronicle must keep up with tens of MB of news a second, so no stage may
 * cost more than linear time or memory in the length of a document, of a
 * sentence, or of a run of numbers or dates.  Each case here repeats one
 * piece of English text n, 10n and 100n times, runs the whole pipeline
 * (chr_doc_process with CHR_STAGE_ALL) on it, and measures work by counting,
 * never by the clock:
 *
 *   - bytes: what the document's arena handed out (chr_arena.total), that is
 *     every token, sentence, mention, parse, clause and record the stages
 *     made, including arrays grown by copying.  A stage that re-copies or
 *     re-builds per token (quadratic) shows here at once.
 *   - tokens, sentences, mentions, records: the output.  Tokens, sentences
 *     and mentions must grow exactly with the repeats (a piece of text means
 *     the same thing wherever it stands; a piece without a full stop stays
 *     one sentence); records at most so (identical events of one document
 *     are merged).
 *
 * Bytes per token may differ between sizes by the slack of arrays that
 * double (up to twice), so the test allows a factor of 2.5 from the
 * smallest size to the largest; a quadratic stage would give 100.
 *
 * What counting bytes cannot see is a loop that allocates nothing (a scan
 * over every mention of a sentence for every word of it).  That is what
 * tests/e2e/hostile.sh's million-token sentence and its time limit are for.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/doc.h"

static chr_engine *engine;
static chr_doc *doc;

/* What one run of the pipeline made. */
typedef struct work {
    size_t bytes, tokens, sentences, mentions, records;
} work;

/* piece repeated n times, processed as one document dated 2022-03-03. */
static work measure(const char *piece, size_t n)
{
    size_t pl = strlen(piece);
    char *text = malloc(pl * n + 1);
    assert_non_null(text);
    for (size_t i = 0; i < n; i++) memcpy(text + i * pl, piece, pl);
    text[pl * n] = '\0';
    chr_document in;
    memset(&in, 0, sizeof in);
    in.id = "linear";
    in.date = "2022-03-03";
    in.title = in.source = in.url = "";
    in.text = text;
    in.text_len = pl * n;
    in.file = "linear";
    in.line = 1;
    chr_error err;
    assert_int_equal(chr_doc_process(engine, doc, &in, NULL, CHR_STAGE_ALL, &err), CHR_OK);
    work w;
    w.bytes = doc->arena.total;
    w.tokens = doc->text.ntoks;
    w.sentences = doc->text.nsents;
    w.mentions = doc->mentions.n;
    chr_doc_records(doc, &w.records);
    free(text);
    return w;
}

/* Runs piece at n, 10n and 100n repeats and checks the growth. */
static void check_linear(const char *name, const char *piece, size_t n)
{
    work w[3];
    size_t reps[3] = {n, 10 * n, 100 * n};
    for (int i = 0; i < 3; i++) {
        w[i] = measure(piece, reps[i]);
        fprintf(stderr, "%-24s x%-7zu %9zu tokens %7zu sentences %8zu mentions %6zu records "
                "%11zu bytes (%.1f a token)\n", name, reps[i], w[i].tokens, w[i].sentences,
                w[i].mentions, w[i].records, w[i].bytes, (double)w[i].bytes / w[i].tokens);
    }
    for (int i = 1; i < 3; i++) {
        size_t f = reps[i] / reps[0];
        /* the same text means the same wherever it stands: only the two
         * ends of the document may differ */
        assert_true(w[i].tokens == f * w[0].tokens);
        if (w[0].sentences == 1) {
            assert_true(w[i].sentences == 1);
        } else {
            assert_true(w[i].sentences <= f * w[0].sentences + 2);
            assert_true(w[i].sentences + 2 >= f * w[0].sentences);
        }
        assert_true(w[i].mentions <= f * w[0].mentions + 4);
        assert_true(w[i].mentions + 4 >= f * w[0].mentions);
        assert_true(w[i].records <= f * w[0].records + 2);
        /* memory per token stays within the slack of doubling arrays */
        double per0 = (double)w[0].bytes / w[0].tokens;
        double per = (double)w[i].bytes / w[i].tokens;
        if (per > 2.5 * per0)
            fail_msg("%s: %.1f bytes a token at x%zu, %.1f at x%zu", name, per, reps[i], per0,
                     reps[0]);
    }
}

static int setup(void **s)
{
    (void)s;
    chr_error err;
    if (chr_engine_open(&engine, NULL, &err) != CHR_OK) {
        chr_error_print(&err, stderr, "test_linear");
        return -1;
    }
    doc = chr_doc_new();
    return doc ? 0 : -1;
}

static int teardown(void **s)
{
    (void)s;
    chr_doc_free(doc);
    chr_engine_close(engine);
    return 0;
}

/* A news sentence with an actor, a place, a date, a count, an event and a
 * figure, as a long article would repeat such sentences (10k to 1M tokens). */
static void test_repeated_news_sentence_is_linear(void **s)
{
    (void)s;
    check_linear("news sentence",
                 "On Wednesday, Russian forces shelled Kharkiv, killing 12 civilians, "
                 "the Ukrainian Defence Ministry said.\n",
                 550);
}

/* Many short sentences: the splitter and the per-sentence stages. */
static void test_many_short_sentences_are_linear(void **s)
{
    (void)s;
    check_linear("short sentences", "Kyiv said so. ", 1000);
}

/* One sentence without any punctuation that grows to 60,000 tokens: every
 * stage that works sentence by sentence gets it whole. */
static void test_one_long_sentence_is_linear(void **s)
{
    (void)s;
    check_linear("one long sentence", "Russian forces shelled the city and ", 100);
}

/* A long run of counts and amounts in one sentence. */
static void test_long_number_sequence_is_linear(void **s)
{
    (void)s;
    check_linear("number sequence",
                 "120, 3,400, about 56, more than 7 million, $350 million, 2.5 billion euros and ",
                 30);
}

/* A long run of dates in one sentence. */
static void test_long_date_sequence_is_linear(void **s)
{
    (void)s;
    check_linear("date sequence",
                 "on March 3, 2022, last Friday, between 4 and 8 April, since the invasion, "
                 "in early 2021 and ",
                 25);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_repeated_news_sentence_is_linear),
        cmocka_unit_test(test_many_short_sentences_are_linear),
        cmocka_unit_test(test_one_long_sentence_is_linear),
        cmocka_unit_test(test_long_number_sequence_is_linear),
        cmocka_unit_test(test_long_date_sequence_is_linear),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
