/*
 * source.c - open one input file, settle its format, hand its documents
 * out through the format's reader; see source.h.
 *
 * The format comes from the caller, else from the extension, else from the
 * first bytes: '{' opens JSON Lines, "date 2022-..." a dated text, a first
 * line naming a text column a CSV file; anything else is read as one plain
 * article (a dated text without its date line).
 */
#include "io/source.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static char *dup_n(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static chr_format by_extension(const char *base)
{
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base) return CHR_FMT_AUTO;
    static const struct { const char *ext; chr_format fmt; } exts[] = {
        {".jsonl", CHR_FMT_JSONL}, {".ndjson", CHR_FMT_JSONL}, {".json", CHR_FMT_JSONL},
        {".csv", CHR_FMT_CSV},
        {".txt", CHR_FMT_TEXT}, {".text", CHR_FMT_TEXT},
        {".html", CHR_FMT_HTML}, {".htm", CHR_FMT_HTML},
    };
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (strcasecmp(dot, exts[i].ext) == 0) return exts[i].fmt;
    return CHR_FMT_AUTO;
}

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

static int starts_ci(const char *p, size_t n, const char *word)
{
    size_t k = strlen(word);
    return n >= k && strncasecmp(p, word, k) == 0;
}

chr_format chr_source_sniff(const char *p, size_t n)
{
    size_t i = 0;
    while (i < n && is_blank(p[i])) i++;
    p += i;
    n -= i;
    if (n == 0) return CHR_FMT_TEXT;
    if (p[0] == '{') return CHR_FMT_JSONL;
    if (starts_ci(p, n, "date")) {
        size_t j = 4;
        if (j < n && p[j] == ':') j++;
        size_t sp = j;
        while (j < n && (p[j] == ' ' || p[j] == '\t')) j++;
        if (j > sp && j < n && p[j] >= '0' && p[j] <= '9') return CHR_FMT_TEXT;
    }
    if (p[0] == '<' && (starts_ci(p + 1, n - 1, "!doctype html") || starts_ci(p + 1, n - 1, "html")))
        return CHR_FMT_HTML;
    if (chr_csv_sniff_header(p, n)) return CHR_FMT_CSV;
    return CHR_FMT_TEXT;
}

int chr_source_open(chr_source **out, const char *path, const void *data, size_t len,
                    chr_format fmt, chr_error *err)
{
    *out = NULL;
    int is_stdin = !data && (!path || strcmp(path, "-") == 0);
    chr_source *s = calloc(1, sizeof *s);
    if (!s) return chr_error_set(err, CHR_ENOMEM, path, 0, "out of memory");

    const char *name = is_stdin ? "<stdin>" : path ? path : "<memory>";
    const char *base = is_stdin ? "stdin" : path ? path : "memory";
    const char *slash = strrchr(base, '/');
    if (slash && slash[1]) base = slash + 1;
    const char *dot = strrchr(base, '.');
    size_t stem_n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    s->name = dup_n(name, strlen(name));
    s->base = dup_n(base, strlen(base));
    s->stem = dup_n(base, stem_n);
    if (!s->name || !s->base || !s->stem) {
        chr_source_close(s);
        return chr_error_set(err, CHR_ENOMEM, name, 0, "out of memory");
    }

    if (fmt == CHR_FMT_AUTO && !is_stdin) fmt = by_extension(s->base);
    if (fmt == CHR_FMT_HTML) {
        chr_source_close(s);
        return chr_error_set(err, CHR_EINPUT, name, 0, "HTML input is not supported yet");
    }

    int rc, errnum = 0;
    if (data) rc = chr_input_open_memory(&s->in, data, len);
    else rc = chr_input_open(&s->in, is_stdin ? NULL : path, &errnum);
    if (rc == CHR_OK) {
        /* A UTF-16 file read as bytes would be half NULs: say what it is. */
        rc = chr_input_fill(&s->in, 2);
        const unsigned char *b = rc == CHR_OK && s->in.end - s->in.beg >= 2
                                 ? (const unsigned char *)s->in.buf + s->in.beg : NULL;
        if (b && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
            chr_source_close(s);
            return chr_error_set(err, CHR_EINPUT, name, 1,
                                 "UTF-16 text is not supported: convert it to UTF-8 "
                                 "(iconv -f UTF-16 -t UTF-8)");
        }
    }
    if (rc == CHR_OK && fmt == CHR_FMT_AUTO) {
        rc = chr_input_fill(&s->in, CHR_INPUT_BLOCK);
        errnum = s->in.errnum;
        if (rc == CHR_OK) fmt = chr_source_sniff(s->in.buf + s->in.beg, s->in.end - s->in.beg);
    }
    if (rc != CHR_OK) {
        if (rc == CHR_ENOMEM) chr_error_set(err, rc, name, 0, "out of memory");
        else chr_error_set(err, rc, name, 0, "cannot open: %s", strerror(errnum ? errnum : EIO));
        chr_source_close(s);
        return rc;
    }
    if (fmt == CHR_FMT_HTML) {
        chr_source_close(s);
        return chr_error_set(err, CHR_EINPUT, name, 0, "HTML input is not supported yet");
    }
    s->fmt = fmt;

    if (fmt == CHR_FMT_CSV) {
        chr_csv_state *c = &s->u.csv;
        if (csv_init(&c->parser, 0) != 0) {
            chr_source_close(s);
            return chr_error_set(err, CHR_ENOMEM, name, 0, "out of memory");
        }
        c->parser_ready = 1;
        for (int f = 0; f < CHR_F_COUNT; f++) c->col[f] = -1;
        c->idle = 1;
        c->line = 1;
    }
    *out = s;
    return CHR_OK;
}

int chr_source_next(chr_source *s, chr_document *doc, chr_error *err)
{
    if (s->done) return CHR_DONE;
    int rc;
    switch (s->fmt) {
    case CHR_FMT_JSONL: rc = chr_jsonl_next(s, doc, err); break;
    case CHR_FMT_CSV:   rc = chr_csv_next(s, doc, err); break;
    default:            rc = chr_dated_next(s, doc, err); break;
    }
    if (rc != CHR_OK && rc != CHR_EINPUT) s->done = 1;
    return rc;
}

void chr_source_close(chr_source *s)
{
    if (!s) return;
    if (s->fmt == CHR_FMT_JSONL) chr_jsonl_free(s);
    if (s->fmt == CHR_FMT_CSV) chr_csv_free(s);
    chr_input_close(&s->in);
    free(s->name);
    free(s->base);
    free(s->stem);
    free(s);
}

void chr_source_doc_init(const chr_source *s, chr_document *doc, long line)
{
    doc->id = doc->date = doc->title = doc->source = doc->url = doc->text = "";
    doc->text_len = 0;
    doc->file = s->name;
    doc->line = line;
}

const char *chr_source_gen_id(const chr_source *s, chr_buf *b, long line)
{
    chr_buf_clear(b);
    chr_buf_printf(b, "%s:%ld", s->base, line);
    return b->oom ? NULL : b->data;
}

int chr_source_fail(chr_source *s, int rc, long line, chr_error *err)
{
    s->done = 1;
    if (rc == CHR_ENOMEM) return chr_error_set(err, rc, s->name, line, "out of memory");
    return chr_error_set(err, CHR_EIO, s->name, line, "cannot read: %s",
                         strerror(s->in.errnum ? s->in.errnum : EIO));
}
