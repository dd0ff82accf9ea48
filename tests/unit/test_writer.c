/*
 * test_writer.c - the JSON Lines that chronicle sentences and chronicle
 * analyze print (src/io/writer.c): one line per sentence or mention, the
 * document id escaped, spans as byte offsets into the document text,
 * integers without a fraction, other values as the shortest exact decimal,
 * days as YYYY-MM-DD.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>

static chr_engine *engine;
static chr_doc *doc;

static int setup(void **state)
{
    (void)state;
    chr_error err;
    if (chr_engine_open(&engine, NULL, &err) != CHR_OK) {
        chr_error_print(&err, stderr, "test_writer");
        return -1;
    }
    doc = chr_doc_new();
    return doc ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    chr_doc_free(doc);
    chr_engine_close(engine);
    return 0;
}

/* An id that needs escaping: a quote, a backslash and a tab. */
static const char ID[] = "w\"1\\ tab\there";
#define ID_JSON "\"w\\\"1\\\\ tab\\there\""

static const char TEXT[] =
    "Russia fired more than 3,000 missiles and 2.5 million rounds, worth about $1.3bn, "
    "on 24 February 2022, U.S. officials said.\n"
    "Putin said 0.75 percent of 1.5 tonnes arrived last week. "
    "\"Kyiv\xE2\x80\x99s\" army held.";

static void process(void)
{
    chr_document in;
    memset(&in, 0, sizeof in);
    in.id = ID;
    in.date = "2022-03-03";
    in.title = in.source = in.url = "";
    in.text = TEXT;
    in.text_len = sizeof TEXT - 1;
    in.file = "test";
    in.line = 1;
    chr_error err;
    assert_int_equal(chr_doc_process(engine, doc, &in, NULL, CHR_STAGE_ANALYZE, &err), CHR_OK);
}

/* What a writer prints for the processed document, NUL-terminated. */
static char *written(int sentences, unsigned kinds)
{
    char *data = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&data, &size);
    assert_non_null(f);
    assert_int_equal(sentences ? chr_write_sentences(doc, f) : chr_write_mentions(doc, kinds, f),
                     CHR_OK);
    fclose(f);
    return data;
}

static void test_sentence_lines_quote_each_sentence_with_its_span(void **state)
{
    (void)state;
    process();
    char *got = written(1, 0);
    assert_string_equal(got,
        "{\"doc_id\":" ID_JSON ",\"n\":0,\"span\":[0,123],\"text\":\"Russia fired more than "
        "3,000 missiles and 2.5 million rounds, worth about $1.3bn, on 24 February 2022, U.S. "
        "officials said.\"}\n"
        "{\"doc_id\":" ID_JSON ",\"n\":1,\"span\":[124,180],\"text\":\"Putin said 0.75 percent "
        "of 1.5 tonnes arrived last week.\"}\n"
        "{\"doc_id\":" ID_JSON ",\"n\":2,\"span\":[181,202],\"text\":\"\\\"Kyiv\xE2\x80\x99s\\\" "
        "army held.\"}\n");
    free(got);
}

static void test_number_money_and_date_lines_carry_their_values(void **state)
{
    (void)state;
    process();
    char *got = written(0, chr_kinds_parse("number,money,date"));
    assert_string_equal(got,
        "{\"doc_id\":" ID_JSON ",\"kind\":\"number\",\"text\":\"more than 3,000\",\"span\":[13,28],"
        "\"value\":3000,\"qual\":\"more_than\"}\n"
        "{\"doc_id\":" ID_JSON ",\"kind\":\"number\",\"text\":\"2.5 million\",\"span\":[42,53],"
        "\"value\":2500000,\"qual\":\"exact\"}\n"
        "{\"doc_id\":" ID_JSON ",\"kind\":\"money\",\"text\":\"about $1.3bn\",\"span\":[68,80],"
        "\"value\":1300000000,\"qual\":\"approx\",\"currency\":\"USD\"}\n"
        "{\"doc_id\":" ID_JSON ",\"kind\":\"date\",\"text\":\"24 February 2022\",\"span\":[85,101],"
        "\"start\":\"2022-02-24\",\"end\":\"2022-02-24\",\"granularity\":\"day\"}\n"
        "{\"doc_id\":" ID_JSON ",\"kind\":\"number\",\"text\":\"1.5\",\"span\":[151,154],"
        "\"value\":1.5,\"qual\":\"exact\"}\n"
        "{\"doc_id\":" ID_JSON ",\"kind\":\"date\",\"text\":\"last week\",\"span\":[170,179],"
        "\"start\":\"2022-02-21\",\"end\":\"2022-02-27\",\"granularity\":\"week\"}\n");
    free(got);
}

static void test_entity_lines_follow_the_kinds_asked_for(void **state)
{
    (void)state;
    process();
    char *got = written(0, chr_kinds_parse("actor"));
    assert_non_null(strstr(got,
        "{\"doc_id\":" ID_JSON ",\"kind\":\"actor\",\"text\":\"Putin\",\"span\":[124,129],"
        "\"name\":\"Vladimir Putin\",\"code\":\"RUS\",\"role\":\"GOV\",\"type\":\"person\"}\n"));
    assert_null(strstr(got, "\"kind\":\"number\""));
    assert_null(strstr(got, "\"kind\":\"place\""));
    free(got);
}

static void test_a_document_without_id_writes_no_doc_id(void **state)
{
    (void)state;
    chr_document in;
    memset(&in, 0, sizeof in);
    in.id = in.date = in.title = in.source = in.url = "";
    in.text = "Kyiv held.";
    in.text_len = strlen(in.text);
    chr_error err;
    assert_int_equal(chr_doc_process(engine, doc, &in, NULL, CHR_STAGE_ANALYZE, &err), CHR_OK);
    char *got = written(1, 0);
    assert_string_equal(got, "{\"n\":0,\"span\":[0,10],\"text\":\"Kyiv held.\"}\n");
    free(got);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sentence_lines_quote_each_sentence_with_its_span),
        cmocka_unit_test(test_number_money_and_date_lines_carry_their_values),
        cmocka_unit_test(test_entity_lines_follow_the_kinds_asked_for),
        cmocka_unit_test(test_a_document_without_id_writes_no_doc_id),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
