/*
 * test_reader.c - the readers: JSON Lines, dated text, CSV, directories and
 * standard input become documents; bad records are reported with their
 * file and line and skipped, and everything else still comes through.
 *
 * Every test writes its input into a fresh temporary directory.
 */
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/reader.h"
#include "util/buf.h"

/* ---- fixtures ----------------------------------------------------------- */

typedef struct fixture {
    char dir[64];
    char path[512];     /* the last path made by at() */
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f) return -1;
    snprintf(f->dir, sizeof f->dir, "/tmp/chr-reader-XXXXXX");
    if (!mkdtemp(f->dir)) { free(f); return -1; }
    *state = f;
    return 0;
}

static void remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0) return;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        struct dirent *de;
        while (d && (de = readdir(d)) != NULL) {
            if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0) continue;
            char sub[1024];
            snprintf(sub, sizeof sub, "%s/%s", path, de->d_name);
            remove_tree(sub);
        }
        if (d) closedir(d);
        rmdir(path);
    } else {
        unlink(path);
    }
}

static int teardown(void **state)
{
    fixture *f = *state;
    remove_tree(f->dir);
    free(f);
    return 0;
}

/* The path of name inside the test's directory. */
static const char *at(fixture *f, const char *name)
{
    snprintf(f->path, sizeof f->path, "%s/%s", f->dir, name);
    return f->path;
}

/* Write n bytes to name (making its directories); returns the path. */
static const char *put_n(fixture *f, const char *name, const char *data, size_t n)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", at(f, name));
    for (char *p = dir + strlen(f->dir) + 1; (p = strchr(p, '/')) != NULL; p++) {
        *p = '\0';
        mkdir(dir, 0700);
        *p = '/';
    }
    FILE *fp = fopen(at(f, name), "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(data, 1, n, fp), n);
    assert_int_equal(fclose(fp), 0);
    return f->path;
}

static const char *put(fixture *f, const char *name, const char *text)
{
    return put_n(f, name, text, strlen(text));
}

static chr_reader *open_ok(const char *path, chr_format fmt)
{
    chr_reader *r = NULL;
    chr_error err;
    memset(&err, 0, sizeof err);
    int rc = chr_reader_open(&r, path, fmt, &err);
    if (rc != CHR_OK) fail_msg("open %s: %s", path ? path : "<stdin>", err.msg);
    return r;
}

static void next_ok(chr_reader *r, chr_document *doc)
{
    chr_error err;
    memset(&err, 0, sizeof err);
    int rc = chr_reader_next(r, doc, &err);
    if (rc != CHR_OK) fail_msg("expected a document, got %s: %s:%ld: %s",
                               chr_status_name(rc), err.file, err.line, err.msg);
}

static void next_done(chr_reader *r)
{
    chr_document doc;
    chr_error err;
    memset(&err, 0, sizeof err);
    int rc = chr_reader_next(r, &doc, &err);
    if (rc != CHR_DONE) fail_msg("expected the end, got %s (%s)", chr_status_name(rc),
                                 rc == CHR_OK ? doc.id : err.msg);
}

/* The next call reports bad input at file:line with message msg. */
static void next_einput(chr_reader *r, const char *file, long line, const char *msg)
{
    chr_document doc;
    chr_error err;
    memset(&err, 0, sizeof err);
    int rc = chr_reader_next(r, &doc, &err);
    if (rc != CHR_EINPUT) fail_msg("expected malformed input, got %s", chr_status_name(rc));
    assert_int_equal(err.code, CHR_EINPUT);
    assert_string_equal(err.file, file);
    assert_int_equal(err.line, line);
    assert_string_equal(err.msg, msg);
}

/* ---- formats by name ------------------------------------------------------ */

static void test_format_names_are_parsed_in_any_case(void **state)
{
    (void)state;
    static const struct { const char *name; int fmt; } cases[] = {
        {"auto", CHR_FMT_AUTO}, {"jsonl", CHR_FMT_JSONL}, {"JSONL", CHR_FMT_JSONL},
        {"ndjson", CHR_FMT_JSONL}, {"text", CHR_FMT_TEXT}, {"csv", CHR_FMT_CSV},
        {"html", CHR_FMT_HTML}, {"xml", -1}, {"", -1}, {NULL, -1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_int_equal(chr_format_parse(cases[i].name), cases[i].fmt);
    assert_string_equal(chr_format_name(CHR_FMT_CSV), "csv");
    assert_int_equal(chr_format_parse(chr_format_name(CHR_FMT_TEXT)), CHR_FMT_TEXT);
}

/* ---- JSON Lines ------------------------------------------------------------- */

static void test_jsonl_reads_every_field_and_a_numeric_id_as_text(void **state)
{
    fixture *f = *state;
    const char *path = put(f, "news.jsonl",
        "{\"id\": \"kp-1\", \"date\": \"2022-03-03\", \"title\": \"Convoy reaches Kharkiv\", "
        "\"text\": \"A convoy of 40 trucks reached Kharkiv on Wednesday.\", "
        "\"source\": \"Kyiv Post\", \"url\": \"https://example.org/kp-1\", \"words\": 9}\n"
        "{\"id\": 1042, \"date\": \"2022-03-04\", \"text\": \"Talks resumed in Belarus.\"}\n");
    chr_reader *r = open_ok(path, CHR_FMT_AUTO);
    chr_document doc;
    next_ok(r, &doc);
    assert_string_equal(doc.id, "kp-1");
    assert_string_equal(doc.date, "2022-03-03");
    assert_string_equal(doc.title, "Convoy reaches Kharkiv");
    assert_string_equal(doc.text, "A convoy of 40 trucks reached Kharkiv on Wednesday.");
    assert_int_equal(doc.text_len, strlen(doc.text));
    assert_string_equal(doc.source, "Kyiv Post");
    assert_string_equal(doc.url, "https://example.org/kp-1");
    assert_string_equal(doc.file, path);
    assert_int_equal(doc.line, 1);
    next_ok(r, &doc);
    assert_string_equal(doc.id, "1042");
    assert_string_equal(doc.title, "");
    assert_string_equal(doc.source, "");
    assert_string_equal(doc.url, "");
    assert_int_equal(doc.line, 2);
    next_done(r);
    next_done(r);
    chr_reader_close(r);
}

static void test_jsonl_without_id_is_named_by_file_and_line(void **state)
{
    fixture *f = *state;
    const char *path = put(f, "wire.ndjson",
        "\n"
        "   \n"
        "{\"date\": \"2022-03-05\", \"text\": \"Kyiv came under fire overnight.\"}\n"
        "{\"id\": \"\", \"date\": \"2022-03-05\", \"text\": \"Sirens sounded in Lviv.\"}\n");
    chr_reader *r = open_ok(path, CHR_FMT_AUTO);
    chr_document doc;
    next_ok(r, &doc);
    assert_string_equal(doc.id, "wire.ndjson:3");
    assert_int_equal(doc.line, 3);
    next_ok(r, &doc);
    assert_string_equal(doc.id, "wire.ndjson:4");
    next_done(r);
    chr_reader_close(r);
}

static void test_jsonl_document_without_date_is_kept_with_empty_date(void **state)
{
    fixture *f = *state;
    const char *path = put(f, "undated.jsonl",
        "{\"id\": \"u1\", \"text\": \"The bridge was blown up last week.\"}\n"
        "{\"id\": \"u2\", \"date\": \"\", \"text\": \"Shelling continued.\"}\n"
        "{\"id\": \"u3\", \"date\": null, \"text\": \"Residents fled.\"}\n");
    chr_reader *r = open_ok(path, CHR_FMT_AUTO);
    chr_document doc;
    for (int i = 0; i < 3; i++) {
        next_ok(r, &doc);
        assert_string_equal(doc.date, "");
    }
    assert_string_equal(doc.id, "u3");
    next_done(r);
    chr_reader_close(r);
}

static void test_jsonl_truncated_line_is_reported_and_its_neighbours_survive(void **state)
{
    fixture *f = *state;
    const char *bad = "{\"id\": \"a2\", \"date\": \"2022-03-02\", \"text\": \"The ministry said the convoy was";
    char content[1024];
    snprintf(content, sizeof content,
             "{\"id\": \"a1\", \"date\": \"2022-03-02\", \"text\": \"Poland will host more refugees.\"}\n"
             "%s\n"
             "{\"id\": \"a3\", \"date\": \"2022-03-02\", \"text\": \"Romania opened two new crossings.\"}\n",
             bad);
    const char *path = put(f, "cut.jsonl", content);
    char msg[128];
    snprintf(msg, sizeof msg, "invalid JSON: premature end of input at column %zu", strlen(bad));

    chr_reader *r = open_ok(path, CHR_FMT_AUTO);
    chr_document doc;
    next_ok(r, &doc);
    assert_string_equal(doc.id, "a1");
    next_einput(r, path, 2, msg);
    next_ok(r, &doc);
    assert_string_equal(doc.id, "a3");
    assert_int_equal(doc.line, 3);
    next_done(r);
    chr_reader_close(r);
}

static void test_jsonl_line_without_text_or_object_is_reported(void **state)
{
    fixture *f = *state;
    const char *path = put(f, "odd.jsonl",
        "{\"id\": \"t1\", \"date\": \"2022-03-02\", \"title\": \"Only a headline\"}\n"
        "[\"Kyiv\", \"Kharkiv\"]\n"
        "{\"id\": \"t3\", \"text\": 42}\n"
        "{\"id\": \"t4\", \"text\": \"Aid reached Mariupol.\"} trailing\n"
        "{\"id\": \"t5\", \"text\": \"Aid reached Odesa.\"}\n");
    chr_reader *r = open_ok(path, CHR_FMT_AUTO);
    next_einput(r, path, 1, "no \"text\" field");
    next_einput(r, path, 2, "not a JSON object");
    next_einput(r, path, 3, "\"text\" is not a string");
    /* jansson's column is that of the last byte it read. */
    next_einput(r, path, 4, "invalid JSON: end of file expected near 'trailing' at column 54");
    chr_document doc;
    next_ok(r, &doc);
    assert_string_equal(doc.id, "t5");
    next_done(r);
    chr_reader_close(r);
}

static void test_jsonl_crlf_line_ends_are_stripped(void **state)
{
    fixture *f = *state;
    const char *path = put(f, "dos.jsonl",
        "{\"id\": \"c1\", \"date\": \"2022-03-03\", \"text\": \"Troops massed near the border.\"}\r\n"
        "\r\n"
        "{\"id\": \"c2\", \"date\": \"2022-03-03\", \"text\": \"Two ships were seized.\"}\r\n");
    chr_reader *r = open_ok(path, CHR_FMT_AUTO);
    chr_document doc;
    next_ok(r, &doc);
    assert_string_equal(doc.text, "Troops massed near the border.");
    next_ok(r, &doc);
    assert_string_equal(doc.id, "c2");
    assert_int_equal(doc.line, 3);
    next_done(r);
    chr_reader_close(r);
}

static void test_jsonl_escaped_nul_is_kept_and_counted(void **state)
{
    fixture *f = *state;
    const char *path = put(f, "nul.jsonl",
        "{\"id\": \"n1\", \"text\": \"before\\u0000after\"}\n");
    chr_reader *r = open_ok(path, CHR_FMT_AUTO);
    chr_document doc;
    next_ok(r, &doc);
    assert_int_equal(doc.text_len, 12);
    assert_memory_equal(doc.text, "before\0after", 13);
    next_done(r);
    chr_reader_close(r);
}

static void test_jsonl_invalid_utf8_keeps_the_document(void **state)
{
    fixture *f = *state;
    /* A Latin-1 byte in a UTF-8 file: the document survives, the bad byte
     * becomes U+FFFD as the text layer would make it. */
    const char *path = put(f, "latin1.jsonl",
        "{\"id\": \"l1\", \"text\": \"The caf\xe9 in Irpin was hit.\"}\n"
        "{\"id\": \"l2\", \"text\": \"Valid caf\xc3\xa9.\"}\n");
    chr_reader *r = open_ok(path, CHR_FMT_AUTO);
    chr_document doc;
    next_ok(r, &doc);
    assert_string_equal(doc.id, "l1");
    assert_string_equal(doc.text, "The caf\xef\xbf\xbd in Irpin was hit.");
    next_ok(r, &doc);
    assert_string_equal(doc.text, "Valid caf\xc3\xa9.");
    next_done(r);
    chr_reader_close(r);
}

static void test_jsonl_twenty_megabyte_line_is_one_document(void **state)
{
    fixture *f = *state;
    const size_t big = 20u * 1024 * 1024;
    static const char head[] = "{\"id\": \"long\", \"date\": \"2022-03-03\", \"text\": \"";
    static const char words[] = "Convoys crossed the border. ";   /* 28 bytes */
    chr_buf b = CHR_BUF_INIT;
    chr_buf_puts(&b, head);
    while (b.len - (sizeof head - 1) < big) chr_buf_append(&b, words, sizeof words - 1);
    size_t text_len = b.len - (sizeof head - 1);
    chr_buf_puts(&b, "\"}\n{\"id\": \"short\", \"text\": \"Then the shelling stopped.\"}\n");
    assert_false(b.oom);
    const char *path = put_n(f, "big.jsonl", b.data, b.len);
    chr_buf_free(&b);

    chr_reader *r = open_ok(path, CHR_FMT_AUTO);
    chr_document doc;
    next_ok(r, &doc);
    assert_string_equal(doc.id, "long");
    assert_true(text_len >= big);
    assert_int_equal(doc.text_len, text_len);
    assert_memory_equal(doc.text, "Convoys crossed", 15);
    assert_memory_equal(doc.text + text_len - 28, words, 28);
    next_ok(r, &doc);
    assert_string_equal(doc.id, "short");
    assert_int_equal(doc.line, 2);
    next_done(r);
    chr_reader_close(r);
}

static void test_jsonl_lines_across_read_blocks_keep_their_numbers(void **state)
{
    fixture *f = *state;
    /* About 2 MB: lines straddle the reader's 64 KiB blocks many times. */
    chr_buf b = CHR_BUF_INIT;
    for (int i = 1; i <= 20000; i++) {
        if (i % 7 == 0) chr_buf_puts(&b, "\n");     /* a blank line, skipped but counted */
        chr_buf_printf(&b, "{\"id\": \"d%d\", \"date\": \"2022-03-03\", \"text\": \"Report %d: "
                       "%d people were evacuated from the city.\"}\n", i, i, i * 3);
    }
    assert_false(b.oom);
    const char *path = put_n(f, "many.jsonl", b.data, b.len);
    chr_buf_free(&b);

    chr_reader *r = open_ok(path, CHR_FMT_AUTO);
    long line = 0;
    for (int i = 1; i <= 20000; i++) {
        chr_document doc;
        next_ok(r, &doc);
        line += i % 7 == 0 ? 2 : 1;
        char id[16];
        snprintf(id, sizeof id, "d%d", i);
        assert_string_equal(doc.id, id);
        assert_int_equal(doc.line, line);
    }
    next_done(r);
    chr_reader_close(r);
}

/* ---- dated text ---------------------------------------------------------------- */

static void test_dated_text_date_then_article_on_the_same_line(void **state)
{
    fixture *f = *state;
    const char *path = put(f, "kyiv-2022-03-03.txt",
        "date 2022-03-03 The United Kingdom sent anti-tank weapons to Ukraine. "
        "More deliveries will follow next week.\n");
    chr_reader *r = open_ok(path, CHR_FMT_AUTO);
    chr_document doc;
    next_ok(r, &doc);
    assert_string_equal(doc.id, "kyiv-2022-03-03");
    assert_string_equal(doc.date, "2022-03-03");
    assert_string_equal(doc.text, "The United Kingdom sent anti-tank weapons to Ukraine. "
                                  "More deliveries will follow next week.\n");
    assert_int_equal(doc.text_len, strlen(doc.text));
    assert_string_equal(doc.file, path);
    assert_int_equal(doc.line, 1);
    next_done(r);
    chr_reader_close(r);
}

static void test_dated_text_header_on_its_own_line(void **state)
{
    fixture *f = *state;
    const char *path = put(f, "brief.text",
        "Date: 2022-03-04\n\nThe IAEA said the plant was under Russian control.\n");
    chr_reader *r = open_ok(path, CHR_FMT_AUTO);
    chr_document doc;
    next_ok(r, &doc);
    assert_string_equal(doc.id, "brief");
    assert_string_equal(doc.date, "2022-03-04");
    assert_string_equal(doc.text, "The IAEA said the plant was under Russian control.\n");
    next_done(r);
    chr_reader_close(r);
}

static void test_text_without_date_header_is_one_undated_document(void **state)
{
    fixture *f = *state;
    static const char *texts[] = {
        "Officials in Kharkiv said 21 people were killed.\nRescue work goes on.\n",
        /* "Date" opening a sentence is text, not a header. */
        "Date night in Lviv ended early when the sirens sounded.\n",
        "date 2022 was a hard year for Mariupol.\n",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        const char *path = put(f, "report.txt", texts[i]);
        chr_reader *r = open_ok(path, CHR_FMT_AUTO);
        chr_document doc;
        next_ok(r, &doc);
        assert_string_equal(doc.id, "report");
        assert_string_equal(doc.date, "");
        assert_string_equal(doc.text, texts[i]);
        next_done(r);
        chr_reader_close(r);
    }
}

static void test_dated_text_malformed_date_is_handed_on_as_written(void **state)
{
    fixture *f = *state;
    const char *path = put(f, "bad-date.txt",
        "date 2022-13-45 The summit was postponed.\n");
    chr_reader *r = open_ok(path, CHR_FMT_AUTO);
    chr_document doc;
    next_ok(r, &doc);
    assert_string_equal(doc.date, "2022-13-45");
    assert_int_equal(chr_day_parse(doc.date, strlen(doc.date)), CHR_DAY_NONE);
    assert_string_equal(doc.text, "The summit was postponed.\n");
    next_done(r);
    chr_reader_close(r);
}

static void test_dated_text_crlf_text_is_kept_as_is(void **state)
{
    fixture *f = *state;
    const char *path = put(f, "dos.txt",
        "date 2022-03-03\r\nFirst paragraph.\r\n\r\nSecond paragraph.\r\n");
    chr_reader *r = open_ok(path, CHR_FMT_AUTO);
    chr_document doc;
    next_ok(r, &doc);
    assert_string_equal(doc.date, "2022-03-03");
    assert_string_equal(doc.text, "First paragraph.\r\n\r\nSecond paragraph.\r\n");
    next_done(r);
    chr_reader_close(r);
}

static void test_dated_text_nul_and_invalid_utf8_pass_through(void **state)
{
    fixture *f = *state;
    static const char raw[] = "date 2022-03-03 Caf\xe9 and\0more text\xff.";
    const char *path = put_n(f, "raw.txt", raw, sizeof raw - 1);
    chr_reader *r = open_ok(path, CHR_FMT_AUTO);
    chr_document doc;
    next_ok(r, &doc);
    size_t want = sizeof raw - 1 - 16;
    assert_int_equal(doc.text_len, want);
    assert_memory_equal(doc.text, raw + 16, want);
    assert_int_equal(doc.text[want], '\0');
    next_done(r);
    chr_reader_close(r);
}

/* ---- CSV ------------------------------------------------------------------------ */

static void test_csv_columns_are_found_by_name_in_any_case_and_order(void **state)
{
    fixture *f = *state;
    const char *path = put(f, "export.csv",
        "Source,ID,Title,Words,Content,DATE,Url\n"
        "Kyiv Post,k1,Aid arrives,8,The first convoy reached Kharkiv on Tuesday.,2022-03-01,"
        "https://example.org/k1\n");
    chr_reader *r = open_ok(path, CHR_FMT_AUTO);
    chr_document doc;
    next_ok(r, &doc);
    assert_string_equal(doc.id, "k1");
    assert_string_equal(doc.date, "2022-03-01");
    assert_string_equal(doc.title, "Aid arrives");
    assert_string_equal(doc.text, "The first convoy reached Kharkiv on Tuesday.");
    assert_int_equal(doc.text_len, strlen(doc.text));
    assert_string_equal(doc.source, "Kyiv Post");
    assert_string_equal(doc.url, "https://example.org/k1");
    assert_int_equal(doc.line, 2);
    next_done(r);
    chr_reader_close(r);
}

static void test_csv_text_column_is_preferred_to_body(void **state)
{
    fixture *f = *state;
    const char *path = put(f, "both.csv",
        "body,text\n"
        "\"<p>Markup</p>\",Plain words.\n");
    chr_reader *r = open_ok(path, CHR_FMT_AUTO);
    chr_document doc;
    next_ok(r, &doc);
    assert_string_equal(doc.text, "Plain words.");
    next_done(r);
    chr_reader_close(r);
}

static void test_csv_quoted_newlines_and_doubled_quotes_keep_record_lines(void **state)
{
    fixture *f = *state;
    const char *path = put(f, "quotes.csv",
        "id,date,text\n"
        "q1,2022-03-03,\"The minister said: \"\"We will not give up.\"\"\n"
        "Talks resume on Monday.\"\n"
        "q2,2022-03-04,\"Line one\n"
        "\n"
        "Line three, with a comma\"\n"
        "\n"
        "q3,2022-03-05,Plain text\n");
    chr_reader *r = open_ok(path, CHR_FMT_AUTO);
    chr_document doc;
    next_ok(r, &doc);
    assert_string_equal(doc.id, "q1");
    assert_string_equal(doc.text, "The minister said: \"We will not give up.\"\nTalks resume on Monday.");
    assert_int_equal(doc.line, 2);
    next_ok(r, &doc);
    assert_string_equal(doc.id, "q2");
    assert_string_equal(doc.text, "Line one\n\nLine three, with a comma");
    assert_int_equal(doc.line, 4);
    next_ok(r, &doc);
    assert_string_equal(doc.id, "q3");
    assert_string_equal(doc.text, "Plain text");
    assert_int_equal(doc.line, 8);
    next_done(r);
    chr_reader_close(r);
}

static void test_csv_crlf_line_ends(void **state)
{
    fixture *f = *state;
    const char *path = put(f, "dos.csv",
        "id,text\r\n"
        "r1,\"Two lines\r\nin one field\"\r\n"
        "r2,Last record without a line end");
    chr_reader *r = open_ok(path, CHR_FMT_AUTO);
    chr_document doc;
    next_ok(r, &doc);
    assert_string_equal(doc.id, "r1");
    assert_string_equal(doc.text, "Two lines\r\nin one field");
    assert_int_equal(doc.line, 2);
    next_ok(r, &doc);
    assert_string_equal(doc.id, "r2");
    assert_string_equal(doc.text, "Last record without a line end");
    assert_int_equal(doc.line, 4);
    next_done(r);
    chr_reader_close(r);
}

static void test_csv_without_text_column_is_reported_at_line_1(void **state)
{
    fixture *f = *state;
    const char *path = put(f, "notext.csv",
        "id,date,headline\n"
        "h1,2022-03-03,Ceasefire talks fail\n");
    chr_reader *r = open_ok(path, CHR_FMT_CSV);
    next_einput(r, path, 1, "no text column in the CSV header (one named text, content or body)");
    next_done(r);
    chr_reader_close(r);
}

static void test_csv_unterminated_quote_names_the_line_where_the_record_starts(void **state)
{
    fixture *f = *state;
    const char *path = put(f, "open.csv",
        "id,text\n"
        "u1,\"Complete record.\"\n"
        "u2,\"This quote never closes\n"
        "and the file ends\n");
    chr_reader *r = open_ok(path, CHR_FMT_AUTO);
    chr_document doc;
    next_ok(r, &doc);
    assert_string_equal(doc.id, "u1");
    next_einput(r, path, 3, "unterminated quoted field");
    next_done(r);
    chr_reader_close(r);
}

static void test_csv_record_with_wrong_field_count_is_kept_when_it_has_text(void **state)
{
    fixture *f = *state;
    const char *path = put(f, "ragged.csv",
        "id,date,text,source\n"
        "w1,2022-03-03,Enough fields to reach the text\n"
        "w2,2022-03-03\n"
        "w3,2022-03-03,Too many fields,Reuters,extra,more\n");
    chr_reader *r = open_ok(path, CHR_FMT_AUTO);
    chr_document doc;
    next_ok(r, &doc);
    assert_string_equal(doc.id, "w1");
    assert_string_equal(doc.source, "");
    next_einput(r, path, 3, "record has 2 fields, no text in column 3");
    next_ok(r, &doc);
    assert_string_equal(doc.id, "w3");
    assert_string_equal(doc.text, "Too many fields");
    assert_string_equal(doc.source, "Reuters");
    next_done(r);
    chr_reader_close(r);
}

static void test_csv_without_id_is_named_by_file_and_line(void **state)
{
    fixture *f = *state;
    const char *path = put(f, "noid.csv",
        "date,text\n"
        "2022-03-03,\"Kherson fell,\n officials said.\"\n"
        "2022-03-04,Mykolaiv held.\n");
    chr_reader *r = open_ok(path, CHR_FMT_AUTO);
    chr_document doc;
    next_ok(r, &doc);
    assert_string_equal(doc.id, "noid.csv:2");
    next_ok(r, &doc);
    assert_string_equal(doc.id, "noid.csv:4");
    next_done(r);
    chr_reader_close(r);
}

static void test_csv_nul_and_invalid_utf8_pass_through(void **state)
{
    fixture *f = *state;
    static const char raw[] = "id,text\nb1,\"Caf\xe9 with\0a NUL\"\n";
    const char *path = put_n(f, "bytes.csv", raw, sizeof raw - 1);
    chr_reader *r = open_ok(path, CHR_FMT_AUTO);
    chr_document doc;
    next_ok(r, &doc);
    assert_int_equal(doc.text_len, 15);
    assert_memory_equal(doc.text, "Caf\xe9 with\0a NUL", 16);
    next_done(r);
    chr_reader_close(r);
}

static void test_csv_records_across_read_blocks_keep_their_lines(void **state)
{
    fixture *f = *state;
    /* Multi-line quoted records and blank lines over many 64 KiB blocks. */
    chr_buf b = CHR_BUF_INIT;
    chr_buf_puts(&b, "id,text\r\n");
    for (int i = 1; i <= 3000; i++) {
        chr_buf_printf(&b, "c%d,\"Update %d: the mayor said \"\"%d shelters are open\"\"\r\n"
                       "and more are planned across the city, street by street.\"\r\n", i, i, i);
        if (i % 5 == 0) chr_buf_puts(&b, "\r\n");
    }
    assert_false(b.oom);
    const char *path = put_n(f, "long.csv", b.data, b.len);
    chr_buf_free(&b);

    chr_reader *r = open_ok(path, CHR_FMT_AUTO);
    long line = 2;
    for (int i = 1; i <= 3000; i++) {
        chr_document doc;
        next_ok(r, &doc);
        char want[64];
        snprintf(want, sizeof want, "c%d", i);
        assert_string_equal(doc.id, want);
        assert_int_equal(doc.line, line);
        snprintf(want, sizeof want, "Update %d: the mayor said \"%d shelters", i, i);
        assert_memory_equal(doc.text, want, strlen(want));
        line += i % 5 == 0 ? 3 : 2;
    }
    next_done(r);
    chr_reader_close(r);
}

/* ---- every format ------------------------------------------------------------------ */

static void test_empty_files_hold_no_documents(void **state)
{
    fixture *f = *state;
    static const char *names[] = {"empty.jsonl", "empty.csv", "empty.txt", "blank.txt", "empty"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const char *path = put(f, names[i], strcmp(names[i], "blank.txt") == 0 ? "\n  \n" : "");
        chr_reader *r = open_ok(path, CHR_FMT_AUTO);
        next_done(r);
        chr_reader_close(r);
    }
    const char *path = put(f, "header-only.csv", "id,date,text\n");
    chr_reader *r = open_ok(path, CHR_FMT_AUTO);
    next_done(r);
    chr_reader_close(r);
}

static void test_byte_order_mark_is_skipped_in_every_format(void **state)
{
    fixture *f = *state;
    static const struct { const char *name, *content, *id; } cases[] = {
        {"bom.jsonl", "\xEF\xBB\xBF{\"id\": \"j\", \"text\": \"Kyiv.\"}\n", "j"},
        {"bom.csv", "\xEF\xBB\xBFid,text\nc,Kyiv.\n", "c"},
        {"bom.txt", "\xEF\xBB\xBF" "date 2022-03-03 Kyiv.", "bom"},
        {"bom-sniffed", "\xEF\xBB\xBF{\"id\": \"s\", \"text\": \"Kyiv.\"}\n", "s"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *path = put(f, cases[i].name, cases[i].content);
        chr_reader *r = open_ok(path, CHR_FMT_AUTO);
        chr_document doc;
        next_ok(r, &doc);
        assert_string_equal(doc.id, cases[i].id);
        assert_string_equal(doc.text, "Kyiv.");
        next_done(r);
        chr_reader_close(r);
    }
}

static void test_format_is_sniffed_when_the_extension_says_nothing(void **state)
{
    fixture *f = *state;
    static const struct { const char *name, *content, *id, *text; } cases[] = {
        {"feed", "\n{\"id\": \"f1\", \"text\": \"Odesa was quiet.\"}\n", "f1", "Odesa was quiet."},
        {"table.dat", "id,title,body\nt1,Quiet,Odesa was quiet.\n", "t1", "Odesa was quiet."},
        {"note.md", "date 2022-03-03 Odesa was quiet.", "note", "Odesa was quiet."},
        /* A first line with a comma is no CSV header without a text column. */
        {"plain", "Odesa, Ukraine: the port was quiet.", "plain",
         "Odesa, Ukraine: the port was quiet."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *path = put(f, cases[i].name, cases[i].content);
        chr_reader *r = open_ok(path, CHR_FMT_AUTO);
        chr_document doc;
        next_ok(r, &doc);
        assert_string_equal(doc.id, cases[i].id);
        assert_string_equal(doc.text, cases[i].text);
        next_done(r);
        chr_reader_close(r);
    }
}

static void test_explicit_format_overrides_the_extension(void **state)
{
    fixture *f = *state;
    const char *path = put(f, "lines.txt", "{\"id\": \"x1\", \"text\": \"Kharkiv.\"}\n");
    chr_reader *r = open_ok(path, CHR_FMT_JSONL);
    chr_document doc;
    next_ok(r, &doc);
    assert_string_equal(doc.id, "x1");
    next_done(r);
    chr_reader_close(r);
}

static void test_html_is_not_supported_yet(void **state)
{
    fixture *f = *state;
    static const struct { const char *name; chr_format fmt; } cases[] = {
        {"page.html", CHR_FMT_AUTO}, {"page.HTM", CHR_FMT_AUTO},
        {"page.txt", CHR_FMT_HTML}, {"page", CHR_FMT_AUTO},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *path = put(f, cases[i].name, "<!DOCTYPE html><html><body>Kyiv</body></html>");
        chr_reader *r = (chr_reader *)1;
        chr_error err;
        assert_int_equal(chr_reader_open(&r, path, cases[i].fmt, &err), CHR_EINPUT);
        assert_null(r);
        assert_string_equal(err.file, path);
        assert_string_equal(err.msg, "HTML input is not supported yet");
    }
}

static void test_missing_path_cannot_be_opened(void **state)
{
    fixture *f = *state;
    chr_reader *r = NULL;
    chr_error err;
    const char *path = at(f, "nowhere.jsonl");
    assert_int_equal(chr_reader_open(&r, path, CHR_FMT_AUTO, &err), CHR_EIO);
    assert_null(r);
    assert_string_equal(err.file, path);
    assert_int_equal(err.line, 0);
    assert_string_equal(err.msg, "cannot open: No such file or directory");
    assert_int_equal(chr_reader_open(&r, path, (chr_format)42, &err), CHR_EUSAGE);
}

/* ---- directories ------------------------------------------------------------------- */

static void test_directory_is_read_recursively_in_byte_order(void **state)
{
    fixture *f = *state;
    put(f, "corpus/b.jsonl",
        "{\"id\": \"b1\", \"text\": \"Kyiv.\"}\n{\"id\": \"b2\", \"text\": \"Lviv.\"}\n");
    put(f, "corpus/a/z.txt", "date 2022-03-03 Dnipro.");
    put(f, "corpus/a/sub/m.csv", "id,text\nm1,Sumy.\n");
    put(f, "corpus/a-c.txt", "Poltava.");
    put(f, "corpus/B.txt", "Uzhhorod.");       /* upper case sorts first */
    put(f, "corpus/.hidden.jsonl", "{\"id\": \"hidden\", \"text\": \"No.\"}\n");
    put(f, "corpus/.git/x.jsonl", "{\"id\": \"git\", \"text\": \"No.\"}\n");
    char root[1024];
    snprintf(root, sizeof root, "%s/", at(f, "corpus"));   /* a trailing slash is fine */

    chr_reader *r = open_ok(root, CHR_FMT_AUTO);
    static const char *ids[] = {"B", "m1", "z", "a-c", "b1", "b2"};
    static const char *files[] = {"B.txt", "a/sub/m.csv", "a/z.txt", "a-c.txt", "b.jsonl", "b.jsonl"};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        chr_document doc;
        next_ok(r, &doc);
        assert_string_equal(doc.id, ids[i]);
        char want[1024];
        snprintf(want, sizeof want, "%s/corpus/%s", f->dir, files[i]);
        assert_string_equal(doc.file, want);
    }
    next_done(r);
    chr_reader_close(r);
}

static void test_directory_file_that_cannot_be_read_is_reported_and_skipped(void **state)
{
    fixture *f = *state;
    put(f, "in/1.jsonl", "{\"id\": \"one\", \"text\": \"Kyiv.\"}\n");
    put(f, "in/2.html", "<html><body>Not yet.</body></html>");
    put(f, "in/4.jsonl", "{\"id\": \"four\", \"text\": \"Kyiv.\"}\n{\"id\": \"four-b\"}\n");
    put(f, "in/5.csv", "id,title\nx,No text column\n");
    put(f, "in/6.txt", "date 2022-03-06 Six.");
    char broken[1024], target[1024];
    snprintf(broken, sizeof broken, "%s", at(f, "in/3.txt"));
    snprintf(target, sizeof target, "%s", at(f, "in/gone.txt"));
    assert_int_equal(symlink(target, broken), 0);

    chr_reader *r = open_ok(at(f, "in"), CHR_FMT_AUTO);
    chr_document doc;
    next_ok(r, &doc);
    assert_string_equal(doc.id, "one");
    char path[1024];
    snprintf(path, sizeof path, "%s", at(f, "in/2.html"));
    next_einput(r, path, 0, "HTML input is not supported yet");
    next_einput(r, broken, 0, "cannot open: No such file or directory");
    next_ok(r, &doc);
    assert_string_equal(doc.id, "four");
    snprintf(path, sizeof path, "%s", at(f, "in/4.jsonl"));
    next_einput(r, path, 2, "no \"text\" field");
    snprintf(path, sizeof path, "%s", at(f, "in/5.csv"));
    next_einput(r, path, 1, "no text column in the CSV header (one named text, content or body)");
    next_ok(r, &doc);
    assert_string_equal(doc.id, "6");
    assert_string_equal(doc.date, "2022-03-06");
    next_done(r);
    chr_reader_close(r);
}

/* ---- standard input and memory ------------------------------------------------------ */

static void test_standard_input_is_sniffed_and_named_stdin(void **state)
{
    fixture *f = *state;
    static const struct { const char *content, *path, *id, *date; long line; } cases[] = {
        {"Kyiv was calm overnight.\n", "-", "stdin", "", 1},
        {"date 2022-03-03 Kyiv was calm overnight.\n", NULL, "stdin", "2022-03-03", 1},
        {"\n{\"date\": \"2022-03-03\", \"text\": \"Kyiv was calm overnight.\"}\n", "-", "stdin:2",
         "2022-03-03", 2},
        {"text,date\n\"Kyiv was calm overnight.\",2022-03-03\n", "-", "stdin:2", "2022-03-03", 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *path = put(f, "piped", cases[i].content);
        assert_non_null(freopen(path, "rb", stdin));
        chr_reader *r = open_ok(cases[i].path, CHR_FMT_AUTO);
        chr_document doc;
        next_ok(r, &doc);
        assert_string_equal(doc.id, cases[i].id);
        assert_string_equal(doc.date, cases[i].date);
        assert_string_equal(doc.file, "<stdin>");
        assert_int_equal(doc.line, cases[i].line);
        assert_memory_equal(doc.text, "Kyiv was calm overnight.", 24);
        next_done(r);
        chr_reader_close(r);
    }

    put(f, "piped", "{\"id\": \"s1\", \"text\": \"Kyiv\"\n");
    assert_non_null(freopen(f->path, "rb", stdin));
    chr_reader *r = open_ok("-", CHR_FMT_AUTO);
    next_einput(r, "<stdin>", 1, "invalid JSON: '}' expected near end of file at column 27");
    next_done(r);
    chr_reader_close(r);
}

static void test_memory_buffer_is_read_like_a_file_of_that_name(void **state)
{
    (void)state;
    static const char csv[] = "id,text\nm1,\"Kherson, at last\"\n";
    chr_reader *r = NULL;
    chr_error err;
    assert_int_equal(chr_reader_open_memory(&r, "upload.csv", csv, sizeof csv - 1,
                                            CHR_FMT_AUTO, &err), CHR_OK);
    chr_document doc;
    next_ok(r, &doc);
    assert_string_equal(doc.id, "m1");
    assert_string_equal(doc.text, "Kherson, at last");
    assert_string_equal(doc.file, "upload.csv");
    next_done(r);
    chr_reader_close(r);

    static const char text[] = "date 2022-03-03 Kherson.";
    assert_int_equal(chr_reader_open_memory(&r, NULL, text, sizeof text - 1,
                                            CHR_FMT_AUTO, &err), CHR_OK);
    next_ok(r, &doc);
    assert_string_equal(doc.file, "<memory>");
    assert_string_equal(doc.date, "2022-03-03");
    assert_string_equal(doc.text, "Kherson.");
    next_done(r);
    chr_reader_close(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_names_are_parsed_in_any_case),
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_jsonl_reads_every_field_and_a_numeric_id_as_text),
        T(test_jsonl_without_id_is_named_by_file_and_line),
        T(test_jsonl_document_without_date_is_kept_with_empty_date),
        T(test_jsonl_truncated_line_is_reported_and_its_neighbours_survive),
        T(test_jsonl_line_without_text_or_object_is_reported),
        T(test_jsonl_crlf_line_ends_are_stripped),
        T(test_jsonl_escaped_nul_is_kept_and_counted),
        T(test_jsonl_invalid_utf8_keeps_the_document),
        T(test_jsonl_twenty_megabyte_line_is_one_document),
        T(test_jsonl_lines_across_read_blocks_keep_their_numbers),
        T(test_dated_text_date_then_article_on_the_same_line),
        T(test_dated_text_header_on_its_own_line),
        T(test_text_without_date_header_is_one_undated_document),
        T(test_dated_text_malformed_date_is_handed_on_as_written),
        T(test_dated_text_crlf_text_is_kept_as_is),
        T(test_dated_text_nul_and_invalid_utf8_pass_through),
        T(test_csv_columns_are_found_by_name_in_any_case_and_order),
        T(test_csv_text_column_is_preferred_to_body),
        T(test_csv_quoted_newlines_and_doubled_quotes_keep_record_lines),
        T(test_csv_crlf_line_ends),
        T(test_csv_without_text_column_is_reported_at_line_1),
        T(test_csv_unterminated_quote_names_the_line_where_the_record_starts),
        T(test_csv_record_with_wrong_field_count_is_kept_when_it_has_text),
        T(test_csv_without_id_is_named_by_file_and_line),
        T(test_csv_nul_and_invalid_utf8_pass_through),
        T(test_csv_records_across_read_blocks_keep_their_lines),
        T(test_empty_files_hold_no_documents),
        T(test_byte_order_mark_is_skipped_in_every_format),
        T(test_format_is_sniffed_when_the_extension_says_nothing),
        T(test_explicit_format_overrides_the_extension),
        T(test_html_is_not_supported_yet),
        T(test_missing_path_cannot_be_opened),
        T(test_directory_is_read_recursively_in_byte_order),
        T(test_directory_file_that_cannot_be_read_is_reported_and_skipped),
        T(test_standard_input_is_sniffed_and_named_stdin),
        cmocka_unit_test(test_memory_buffer_is_read_like_a_file_of_that_name),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
