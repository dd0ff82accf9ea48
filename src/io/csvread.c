/*
 * csvread.c - CSV with a header row, parsed with libcsv (RFC 4180 quoting,
 * quoted fields may hold commas, doubled quotes and line breaks).
 *
 * The header names the columns: id, date, title, text (or content or body),
 * source, url, in any case and order; other columns are ignored.  The file
 * is fed to the parser in pieces that end at a line break, so at most one
 * record completes per piece: next() stops feeding as soon as one does, and
 * the line counter at that moment tells where the record started.  Only the
 * wanted fields of a record are kept, in one heap buffer that is reused.
 *
 * Parsing is lenient on purpose (a stray quote inside an unquoted field, as
 * in 5" shells, is kept as text); only a quoted field still open at the end
 * of the file is an error, which strict mode detects in csv_fini().
 */
#include "io/source.h"

#include <string.h>
#include <strings.h>

static const struct { const char *name; int field; int rank; } column_names[] = {
    {"id", CHR_F_ID, 0},         {"date", CHR_F_DATE, 0},     {"title", CHR_F_TITLE, 0},
    {"text", CHR_F_TEXT, 0},     {"content", CHR_F_TEXT, 1},  {"body", CHR_F_TEXT, 2},
    {"source", CHR_F_SOURCE, 0}, {"url", CHR_F_URL, 0},
};

int chr_csv_column_field(const char *name, size_t n, int *rank)
{
    for (size_t i = 0; i < sizeof column_names / sizeof column_names[0]; i++) {
        const char *c = column_names[i].name;
        if (strlen(c) == n && strncasecmp(name, c, n) == 0) {
            if (rank) *rank = column_names[i].rank;
            return column_names[i].field;
        }
    }
    return -1;
}

/* ---- sniffing --------------------------------------------------------- */

typedef struct sniff_state { size_t fields; int text; } sniff_state;

static void sniff_field(void *data, size_t n, void *ud)
{
    sniff_state *st = ud;
    st->fields++;
    if (chr_csv_column_field(data, n, NULL) == CHR_F_TEXT) st->text = 1;
}

static void sniff_row(int c, void *ud) { (void)c; (void)ud; }

int chr_csv_sniff_header(const char *p, size_t n)
{
    const char *nl = memchr(p, '\n', n);
    if (nl) n = (size_t)(nl - p);
    struct csv_parser parser;
    if (csv_init(&parser, 0) != 0) return 0;
    sniff_state st = {0, 0};
    size_t used = csv_parse(&parser, p, n, sniff_field, sniff_row, &st);
    if (used == n) csv_fini(&parser, sniff_field, sniff_row, &st);
    csv_free(&parser);
    /* A single column named "Text" is more likely an article's first line. */
    return st.fields >= 2 && st.text;
}

/* ---- reading ---------------------------------------------------------- */

static void on_field(void *data, size_t n, void *ud)
{
    chr_csv_state *c = ud;
    size_t idx = c->field++;
    if (!c->header_done) {
        int rank = 0;
        int f = chr_csv_column_field(data, n, &rank);
        if (f < 0 || idx > (size_t)0x7fffffff) return;
        /* The first column of a name wins; for the text, "text" beats
         * "content" beats "body". */
        if (c->col[f] < 0 || (f == CHR_F_TEXT && rank < c->text_rank)) {
            c->col[f] = (int)idx;
            if (f == CHR_F_TEXT) c->text_rank = rank;
        }
        return;
    }
    for (int f = 0; f < CHR_F_COUNT; f++) {
        if (c->col[f] < 0 || (size_t)c->col[f] != idx) continue;
        c->off[f] = c->rec.len;
        c->len[f] = n;
        c->have[f] = 1;
        chr_buf_append(&c->rec, data, n);
        chr_buf_append(&c->rec, "", 1);
        if (c->rec.oom) c->oom = 1;
    }
}

static void on_record(int term, void *ud)
{
    (void)term;
    chr_csv_state *c = ud;
    c->nfields = c->field;
    c->field = 0;
    c->ready = 1;
    c->idle = 1;
}

static int is_blank(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n') return 0;
    return 1;
}

/* Feed the parser until a record is complete.  Returns CHR_OK (c->ready),
 * CHR_DONE, CHR_EINPUT (unterminated quote) or an error. */
static int feed(chr_source *s, chr_error *err)
{
    chr_csv_state *c = &s->u.csv;
    while (!c->ready) {
        if (c->finished) return CHR_DONE;
        const char *p;
        size_t n;
        int rc = chr_input_peek(&s->in, &p, &n);
        if (rc != CHR_OK) return chr_source_fail(s, rc, c->line, err);
        if (n == 0) {
            c->finished = 1;
            csv_set_opts(&c->parser, CSV_STRICT | CSV_STRICT_FINI);
            if (csv_fini(&c->parser, on_field, on_record, c) != 0) {
                if (csv_error(&c->parser) != CSV_EPARSE)
                    return chr_source_fail(s, CHR_ENOMEM, c->start, err);
                return chr_error_set(err, CHR_EINPUT, s->name, c->start,
                                     "unterminated quoted field");
            }
            if (c->oom) return chr_source_fail(s, CHR_ENOMEM, c->start, err);
            continue;
        }
        /* One piece: up to and including the next line break. */
        size_t k = 0;
        while (k < n && p[k] != '\n' && p[k] != '\r') k++;
        if (k < n) k++;
        if (c->idle && !is_blank(p, k)) {
            c->idle = 0;
            c->start = c->line;
        }
        if (csv_parse(&c->parser, p, k, on_field, on_record, c) != k || c->oom)
            return chr_source_fail(s, CHR_ENOMEM, c->start, err);
        if (p[k - 1] == '\n') c->line++;
        chr_input_skip(&s->in, k);
    }
    return CHR_OK;
}

int chr_csv_next(chr_source *s, chr_document *doc, chr_error *err)
{
    chr_csv_state *c = &s->u.csv;
    for (;;) {
        c->ready = 0;
        chr_buf_clear(&c->rec);
        memset(c->have, 0, sizeof c->have);
        int rc = feed(s, err);
        if (rc != CHR_OK) return rc;

        if (!c->header_done) {
            c->header_done = 1;
            if (c->col[CHR_F_TEXT] < 0) {
                s->done = 1;
                return chr_error_set(err, CHR_EINPUT, s->name, c->start,
                                     "no text column in the CSV header "
                                     "(one named text, content or body)");
            }
            continue;
        }
        /* A record with too few or too many fields is still an article as
         * long as it reaches the text column. */
        if (!c->have[CHR_F_TEXT])
            return chr_error_set(err, CHR_EINPUT, s->name, c->start,
                                 "record has %zu fields, no text in column %d",
                                 c->nfields, c->col[CHR_F_TEXT] + 1);

        chr_source_doc_init(s, doc, c->start);
        const char **dst[CHR_F_COUNT] = {&doc->id, &doc->date, &doc->title,
                                         &doc->text, &doc->source, &doc->url};
        for (int f = 0; f < CHR_F_COUNT; f++)
            if (c->have[f]) *dst[f] = c->rec.data + c->off[f];
        doc->text_len = c->len[CHR_F_TEXT];
        if (!c->have[CHR_F_ID] || c->len[CHR_F_ID] == 0) {
            doc->id = chr_source_gen_id(s, &c->id, c->start);
            if (!doc->id) return chr_source_fail(s, CHR_ENOMEM, c->start, err);
        }
        return CHR_OK;
    }
}

void chr_csv_free(chr_source *s)
{
    chr_csv_state *c = &s->u.csv;
    if (c->parser_ready) csv_free(&c->parser);
    c->parser_ready = 0;
    chr_buf_free(&c->rec);
    chr_buf_free(&c->id);
}
