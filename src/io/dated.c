/*
 * dated.c - a dated text: one article per file, its publication date on
 * the first line.
 *
 *   date 2022-03-03 The United States delivered hundreds of ...
 *
 * The header is the word "date" (any case, an optional colon) and a token
 * that looks like a date; the text starts after that token and the white
 * space that follows it, on the same line or the next.  The token is handed
 * on as written, even when it is no real day ("2022-13-45"): the pipeline
 * parses it and warns.  A file without such a header is still one article,
 * with no date; "date" followed by a word ("Date night in Kyiv ...") is
 * text, not a header.  The id is the file name without its extension.
 */
#include "io/source.h"

#include <string.h>
#include <strings.h>

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* A digit first, then only characters that dates and times are written
 * with, and at least one separator: 2022-03-03, 3/3/2022, 2022-03-03T10:00Z. */
static int looks_like_date(const char *p, size_t n)
{
    if (n == 0 || n >= sizeof ((chr_dated_state *)0)->date || p[0] < '0' || p[0] > '9')
        return 0;
    int sep = 0;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (c == '-' || c == '/' || c == '.') sep = 1;
        else if (!((c >= '0' && c <= '9') || c == ':' || c == '+' || c == 'T' || c == 'Z'))
            return 0;
    }
    return sep;
}

int chr_dated_next(chr_source *s, chr_document *doc, chr_error *err)
{
    chr_dated_state *d = &s->u.dated;
    if (d->done) return CHR_DONE;
    d->done = 1;

    char *p;
    size_t n;
    int rc = chr_input_rest(&s->in, &p, &n);
    if (rc != CHR_OK) return chr_source_fail(s, rc, 0, err);

    size_t i = 0;
    while (i < n && is_space(p[i])) i++;
    if (i == n) return CHR_DONE;        /* an empty file holds no article */

    chr_source_doc_init(s, doc, 1);
    doc->id = s->stem;
    doc->text = p;
    doc->text_len = n;

    if (n - i > 4 && strncasecmp(p + i, "date", 4) == 0) {
        size_t j = i + 4;
        if (p[j] == ':') j++;
        size_t gap = j;
        while (j < n && (p[j] == ' ' || p[j] == '\t')) j++;
        size_t tok = j;
        while (j < n && !is_space(p[j])) j++;
        if (tok > gap && looks_like_date(p + tok, j - tok)) {
            memcpy(d->date, p + tok, j - tok);
            d->date[j - tok] = '\0';
            doc->date = d->date;
            while (j < n && is_space(p[j])) j++;
            doc->text = p + j;
            doc->text_len = n - j;
        }
    }
    return CHR_OK;
}
