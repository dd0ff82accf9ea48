/*
 * test_engine.c - the engine and the per-document pipeline: what is loaded
 * when, and that skipping the sentences which cannot hold a record changes
 * no record.
 */
#include "testutil.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/doc.h"

static const char *data_dir(void)
{
    const char *d = getenv("CHRONICLE_DATA");
    return d && *d ? d : "data";
}

static chr_engine *open_engine(void)
{
    chr_engine *e = NULL;
    chr_error err;
    chr_engine_options opt = {data_dir(), NULL, 0};
    if (chr_engine_open(&e, &opt, &err) != CHR_OK) {
        chr_error_print(&err, stderr, "test_engine");
        fail();
    }
    return e;
}

static chr_document doc_of(const char *id, const char *text)
{
    chr_document d;
    memset(&d, 0, sizeof d);
    d.id = id;
    d.date = "2022-03-03";
    d.title = d.source = d.url = d.file = "";
    d.text = text;
    d.text_len = strlen(text);
    return d;
}

/* The records of doc as JSON Lines, in a string the caller frees. */
/* The document's records as JSON lines, or with kinds its mentions of
 * those kinds. */
static char *doc_json(const chr_engine *e, chr_doc *d, const char *text, unsigned stages,
                      const char *kinds)
{
    chr_document in = doc_of("t", text);
    chr_error err;
    assert_int_equal(chr_doc_process(e, d, &in, NULL, stages, &err), CHR_OK);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    if (kinds) assert_int_equal(chr_write_mentions(d, chr_kinds_parse(kinds), f), CHR_OK);
    else assert_int_equal(chr_write_records(d, CHR_OUT_JSONL, f), CHR_OK);
    fclose(f);
    return buf;
}

static char *records_json(const chr_engine *e, chr_doc *d, const char *text, unsigned stages)
{
    return doc_json(e, d, text, stages, NULL);
}

/* CHR_STAGE_RECORDS reads numbers and dates only where a record may be:
 * the count of cars in a sentence with no event word is not read, the
 * howitzers and the date of the delivery are; CHR_STAGE_ALL reads all. */
static void test_records_alone_skip_numbers_no_record_needs(void **state)
{
    (void)state;
    chr_engine *e = open_engine();
    chr_doc *d = chr_doc_new();
    const char *text = "Officials counted 300 cars on the bridge on Sunday. Germany sent 12 "
                       "howitzers to Ukraine on Monday.";
    char *all = doc_json(e, d, text, CHR_STAGE_ALL, "number,date");
    char *lean = doc_json(e, d, text, CHR_STAGE_RECORDS, "number,date");
    assert_non_null(strstr(all, "\"300\""));
    assert_non_null(strstr(all, "\"Sunday\""));
    assert_null(strstr(lean, "\"300\""));
    assert_null(strstr(lean, "\"Sunday\""));
    assert_non_null(strstr(lean, "\"12\""));
    assert_non_null(strstr(lean, "\"Monday\""));
    free(all);
    free(lean);
    chr_doc_free(d);
    chr_engine_close(e);
}

static void test_the_lexicon_loads_only_for_the_extractor(void **state)
{
    (void)state;
    chr_engine *e = open_engine();
    chr_doc *d = chr_doc_new();
    assert_null(atomic_load(&e->lexicon));
    chr_document in = doc_of("a", "Russia shelled Kharkiv on Monday, killing 12 people.");
    chr_error err;
    assert_int_equal(chr_doc_process(e, d, &in, NULL, CHR_STAGE_ANALYZE, &err), CHR_OK);
    assert_null(atomic_load(&e->lexicon));
    assert_int_equal(chr_doc_process(e, d, &in, NULL, CHR_STAGE_ALL, &err), CHR_OK);
    const chr_lexicon *lx = atomic_load(&e->lexicon);
    assert_non_null(lx);
    size_t n;
    chr_doc_records(d, &n);
    assert_true(n > 0);
    /* loaded once */
    assert_int_equal(chr_doc_process(e, d, &in, NULL, CHR_STAGE_ALL, &err), CHR_OK);
    assert_ptr_equal(atomic_load(&e->lexicon), lx);
    assert_ptr_equal(chr_engine_lexicon(e, &err), lx);
    chr_doc_free(d);
    chr_engine_close(e);
}

/* A data directory whose lexicon has a bad line, the rest linked to the
 * real data. */
static void make_bad_data(char *dir)
{
    assert_non_null(mkdtemp(dir));
    char path[512], target[512];
    const char *names[] = {"kb", "patterns", "anchors.txt"};
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        assert_non_null(realpath(data_dir(), target));
        strcat(target, "/");
        strcat(target, names[i]);
        assert_int_equal(symlink(target, path), 0);
    }
    snprintf(path, sizeof path, "%s/lexicon", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    const char *files[][2] = {{"irregular.txt", "send sent sent\n"},
                              {"closed.txt", "the DET\nwhilst CONJUNCTION\n"},
                              {"overrides.txt", ""}};
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/lexicon/%s", dir, files[i][0]);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fputs(files[i][1], f);
        fclose(f);
    }
}

static void remove_bad_data(const char *dir)
{
    char path[512];
    const char *names[] = {"kb", "patterns", "anchors.txt", "lexicon/irregular.txt",
                           "lexicon/closed.txt", "lexicon/overrides.txt", "lexicon"};
    for (size_t i = 0; i < 7; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (remove(path) != 0) fail_msg("cannot remove %s", path);
    }
    rmdir(dir);
}

static void test_a_bad_lexicon_file_is_reported_when_the_engine_opens(void **state)
{
    (void)state;
    char dir[] = "/tmp/chr-engine-XXXXXX";
    make_bad_data(dir);
    chr_engine *e = NULL;
    chr_error err;
    memset(&err, 0, sizeof err);
    chr_engine_options opt = {dir, NULL, 0};
    assert_int_equal(chr_engine_open(&e, &opt, &err), CHR_EDATA);
    assert_null(e);
    assert_non_null(strstr(err.file, "closed.txt"));
    assert_int_equal(err.line, 2);
    remove_bad_data(dir);
}

/* Sentences written the way news is, with triggers (verbs, nouns, counts)
 * and without, pronouns and nouns that refer back to earlier sentences, a
 * leader "in" a capital. */
static const char *const texts[] = {
        "The weather in Kyiv was cold on Monday. Britain sent 14 Challenger 2 tanks to "
        "Ukraine, the Ministry of Defence said. It will also supply 30 AS90 guns. The "
        "package was announced on Saturday. Markets were calm.",
        "Russian forces shelled Kharkiv overnight, killing 12 civilians and injuring 30, "
        "according to regional officials. The attacks continued on Tuesday. More than "
        "2,000 people have fled the region since February. Nothing else happened.",
        "Japan's Prime Minister Fumio Kishida is in Kyiv. He met President Volodymyr "
        "Zelenskyy on Tuesday. The talks lasted two hours. They're in the capital until "
        "Wednesday. The visit was not announced in advance.",
        "Germany pledged EUR 500 million in military aid. The United States imposed "
        "sanctions on Russian banks. Officials said the sanctions would freeze $1 billion "
        "in assets. The European Union will hold a summit next week.",
        "Poland's president spoke to Biden by phone. \"We will deliver the jets,\" he said. "
        "Turkey offered to mediate. Five soldiers died in the clashes, the army said.",
        "Britain will send more assistance to Ukraine, and Norway promised loans. "
        "Germany will send a delegation to Kyiv. "
        "Canada donated 4,500 rocket launchers and humanitarian aid worth $10 million. The "
        "delivery of the weapons took a week. Talks between Moscow and Kyiv resumed. The "
        "Kremlin's phone call with Ankara lasted an hour.",
        "Russia accused Ukraine of attacking Belgorod with rockets. Five rockets were "
        "intercepted over the region on Sunday.",
};
#define NTEXTS (sizeof texts / sizeof *texts)

/* The records are the same whether every sentence is parsed (the trace
 * parses all) or only those that can hold one. */
static void test_skipping_sentences_changes_no_record(void **state)
{
    (void)state;
    chr_engine *e = open_engine();
    chr_doc *d = chr_doc_new();
    size_t with_records = 0;
    for (size_t i = 0; i < NTEXTS; i++) {
        char *fast = records_json(e, d, texts[i], CHR_STAGE_ALL);
        char *full = records_json(e, d, texts[i], CHR_STAGE_ALL | CHR_STAGE_TRACE);
        char *lean = records_json(e, d, texts[i], CHR_STAGE_RECORDS);
        if (strcmp(fast, full) != 0)
            fail_msg("text %zu:\nskipping:\n%s\nparsing all:\n%s", i, fast, full);
        if (strcmp(lean, full) != 0)
            fail_msg("text %zu:\nlean:\n%s\nparsing all:\n%s", i, lean, full);
        free(lean);
        with_records += fast[0] != '\0';
        free(fast);
        free(full);
    }
    /* and the texts are worth the check (their records need WordNet) */
    chr_error err;
    if (chr_lexicon_has_wordnet(chr_engine_lexicon(e, &err))) assert_int_equal(with_records, NTEXTS);
    chr_doc_free(d);
    chr_engine_close(e);
}

/* The records of d's analysed text, extracted with lexicon lx. */
static char *extract_json(const chr_engine *e, chr_doc *d, const chr_lexicon *lx)
{
    chr_extract_ctx x = e->extract;
    x.lexicon = lx;
    chr_records rs = {NULL, 0, 0};
    assert_int_equal(chr_extract_doc(&x, &d->text, &d->mentions, NULL, d->pub, &d->arena, &rs, NULL),
                     CHR_OK);
    d->records = rs.v;
    d->nrecords = rs.n;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    assert_int_equal(chr_write_records(d, CHR_OUT_JSONL, f), CHR_OK);
    fclose(f);
    return buf;
}

/* The marks let the extractor skip sentences and skip comparing words
 * with its triggers: with a lexicon that carries none, it does neither,
 * and makes the same records. */
static void test_marks_change_no_record(void **state)
{
    (void)state;
    chr_engine *e = open_engine();
    chr_error err;
    const chr_lexicon *marked = chr_engine_lexicon(e, &err);
    assert_non_null(marked);
    assert_true(chr_lexicon_has_marks(marked));
    chr_lexicon *plain;
    assert_int_equal(chr_lexicon_open(&plain, data_dir(), NULL, &err), CHR_OK);
    chr_doc *d = chr_doc_new();
    for (size_t i = 0; i < NTEXTS; i++) {
        chr_document in = doc_of("t", texts[i]);
        assert_int_equal(chr_doc_process(e, d, &in, NULL, CHR_STAGE_ANALYZE, &err), CHR_OK);
        char *a = extract_json(e, d, marked);
        char *b = extract_json(e, d, plain);
        if (strcmp(a, b) != 0) fail_msg("text %zu:\nmarked:\n%s\nunmarked:\n%s", i, a, b);
        if (chr_lexicon_has_wordnet(marked)) assert_true(a[0] != '\0');
        free(a);
        free(b);
    }
    chr_doc_free(d);
    chr_lexicon_close(plain);
    chr_engine_close(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_lexicon_loads_only_for_the_extractor),
        cmocka_unit_test(test_a_bad_lexicon_file_is_reported_when_the_engine_opens),
        cmocka_unit_test(test_skipping_sentences_changes_no_record),
        cmocka_unit_test(test_records_alone_skip_numbers_no_record_needs),
        cmocka_unit_test(test_marks_change_no_record),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
