/*
 * test_jsonl.c - how a JSON Lines record becomes a document
 * (src/io/jsonl.c): every escape decoded, members that are absent or not
 * strings read as "", the last of a repeated member kept, anything that is
 * not a JSON object of a string "text" reported with its line.  The same
 * lines must read the same whether the fast parser or jansson reads them,
 * so the cases mix both.
 */
#include "testutil.h"

#include <stdio.h>

#include "io/reader.h"

static chr_reader *open_lines(const char *data)
{
    chr_reader *r = NULL;
    chr_error err;
    memset(&err, 0, sizeof err);
    assert_int_equal(chr_reader_open_memory(&r, "news.jsonl", data, strlen(data), CHR_FMT_JSONL,
                                            &err), CHR_OK);
    return r;
}

static void next_ok(chr_reader *r, chr_document *doc)
{
    chr_error err;
    memset(&err, 0, sizeof err);
    int rc = chr_reader_next(r, doc, &err);
    if (rc != CHR_OK) fail_msg("expected a document, got %s: %s", chr_status_name(rc), err.msg);
}

/* A malformed line: CHR_EINPUT at line, with a message that starts with
 * prefix (jansson words the details). */
static void next_bad(chr_reader *r, long line, const char *prefix)
{
    chr_document doc;
    chr_error err;
    memset(&err, 0, sizeof err);
    int rc = chr_reader_next(r, &doc, &err);
    if (rc != CHR_EINPUT) fail_msg("line %ld: expected malformed input, got %s", line,
                                   chr_status_name(rc));
    assert_int_equal(err.line, line);
    if (strncmp(err.msg, prefix, strlen(prefix)) != 0)
        fail_msg("line %ld: message '%s' does not start with '%s'", line, err.msg, prefix);
}

static void next_done(chr_reader *r)
{
    chr_document doc;
    chr_error err;
    assert_int_equal(chr_reader_next(r, &doc, &err), CHR_DONE);
}

static void test_every_escape_of_a_text_is_decoded(void **state)
{
    (void)state;
    chr_reader *r = open_lines(
        "{\"id\": \"esc\", \"text\": \"Line one\\nsaid \\\"no\\\" \\\\ \\/ \\b\\f\\r\\t "
        "\\u00e9 \\u2019 \\ud83d\\ude00 \\u0041 end\"}\n");
    chr_document d;
    next_ok(r, &d);
    const char *want = "Line one\nsaid \"no\" \\ / \b\f\r\t \xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80 A end";
    assert_int_equal(d.text_len, strlen(want));
    assert_string_equal(d.text, want);
    assert_string_equal(d.id, "esc");
    next_done(r);
    chr_reader_close(r);
}

static void test_long_texts_keep_every_byte_between_escapes(void **state)
{
    (void)state;
    /* runs of every length between escapes, and UTF-8 among them */
    char line[4096], want[4096];
    size_t l = 0, w = 0;
    l += (size_t)sprintf(line, "{\"text\": \"");
    for (int run = 0; run < 40; run++) {
        for (int k = 0; k < run; k++) line[l++] = want[w++] = (char)('a' + (run + k) % 26);
        if (run % 3 == 0) {
            memcpy(line + l, "\\n", 2);
            l += 2;
            want[w++] = '\n';
        } else if (run % 3 == 1) {
            memcpy(line + l, "\xE2\x80\x94", 3);
            memcpy(want + w, "\xE2\x80\x94", 3);
            l += 3;
            w += 3;
        } else {
            memcpy(line + l, "\\\"", 2);
            l += 2;
            want[w++] = '"';
        }
    }
    l += (size_t)sprintf(line + l, "\", \"date\": \"2022-03-03\"}\n");
    want[w] = '\0';
    chr_reader *r = open_lines(line);
    chr_document d;
    next_ok(r, &d);
    assert_int_equal(d.text_len, w);
    assert_memory_equal(d.text, want, w);
    assert_int_equal(d.text[w], '\0');
    assert_string_equal(d.date, "2022-03-03");
    chr_reader_close(r);
}

static void test_members_that_are_not_strings_read_as_empty(void **state)
{
    (void)state;
    chr_reader *r = open_lines(
        "{\"date\": 20220303, \"title\": null, \"source\": {\"name\": [\"AP\", 1, true]},"
        " \"url\": false, \"extra\": [[], {}, -1.5, \"x\"], \"text\": \"Kyiv.\"}\n");
    chr_document d;
    next_ok(r, &d);
    assert_string_equal(d.text, "Kyiv.");
    assert_string_equal(d.date, "");
    assert_string_equal(d.title, "");
    assert_string_equal(d.source, "");
    assert_string_equal(d.url, "");
    assert_string_equal(d.id, "news.jsonl:1");
    chr_reader_close(r);
}

static void test_the_last_of_a_repeated_member_is_kept(void **state)
{
    (void)state;
    chr_reader *r = open_lines(
        "{\"id\": \"first\", \"text\": \"Old text.\", \"id\": \"second\", \"text\": \"New text.\"}\n"
        "{\"text\": \"Kept.\", \"text\": 5}\n"
        "{\"text\": 5, \"text\": \"Kept after all.\"}\n");
    chr_document d;
    next_ok(r, &d);
    assert_string_equal(d.id, "second");
    assert_string_equal(d.text, "New text.");
    next_bad(r, 2, "\"text\" is not a string");
    next_ok(r, &d);
    assert_string_equal(d.text, "Kept after all.");
    next_done(r);
    chr_reader_close(r);
}

static void test_numeric_and_empty_ids(void **state)
{
    (void)state;
    chr_reader *r = open_lines(
        "{\"id\": 42, \"text\": \"A.\"}\n"
        "{\"id\": -7, \"text\": \"B.\"}\n"
        "{\"id\": 2.5, \"text\": \"C.\"}\n"
        "{\"id\": \"\", \"text\": \"D.\"}\n"
        "{\"id\": null, \"text\": \"E.\"}\n");
    static const char *const IDS[] = {"42", "-7", "2.5", "news.jsonl:4", "news.jsonl:5"};
    for (size_t i = 0; i < 5; i++) {
        chr_document d;
        next_ok(r, &d);
        assert_string_equal(d.id, IDS[i]);
    }
    next_done(r);
    chr_reader_close(r);
}

static void test_malformed_lines_are_reported_and_skipped(void **state)
{
    (void)state;
    chr_reader *r = open_lines(
        "{\"text\": \"bad escape \\x here\"}\n"                 /* 1 */
        "{\"text\": \"lone surrogate \\ud83d here\"}\n"         /* 2 */
        "{\"text\": \"tab\there\"}\n"                           /* 3: a raw control character */
        "{\"text\": \"trailing comma\",}\n"                     /* 4 */
        "{\"text\": \"no end\"\n"                               /* 5 */
        "{\"text\": \"extra\"} {}\n"                            /* 6 */
        "[\"text\"]\n"                                          /* 7 */
        "{\"txt\": \"no text\"}\n"                              /* 8 */
        "{\"text\": \"fine \\u00e9.\", \"n\": 01}\n"            /* 9: a leading zero */
        "{\"text\": \"survivor\"}\n");                          /* 10 */
    for (long line = 1; line <= 6; line++) next_bad(r, line, "invalid JSON: ");
    next_bad(r, 7, "not a JSON object");
    next_bad(r, 8, "no \"text\" field");
    next_bad(r, 9, "invalid JSON: ");
    chr_document d;
    next_ok(r, &d);
    assert_string_equal(d.text, "survivor");
    assert_int_equal(d.line, 10);
    next_done(r);
    chr_reader_close(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_escape_of_a_text_is_decoded),
        cmocka_unit_test(test_long_texts_keep_every_byte_between_escapes),
        cmocka_unit_test(test_members_that_are_not_strings_read_as_empty),
        cmocka_unit_test(test_the_last_of_a_repeated_member_is_kept),
        cmocka_unit_test(test_numeric_and_empty_ids),
        cmocka_unit_test(test_malformed_lines_are_reported_and_skipped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
