/*
 * jsonl.c - JSON Lines: one document per line, parsed with jansson.
 *
 * The file is read a line at a time, so its size does not matter, only the
 * size of its longest line.  Each line must hold one object with a string
 * "text"; "id", "date", "title", "source" and "url" are optional.  A line
 * that is not such an object is reported with its number and skipped, and
 * reading goes on with the next line.  The document's strings point into
 * the parsed object, which lives until the next call.
 */
#include "io/source.h"

#include <jansson.h>
#include <string.h>

static int is_blank_line(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r') return 0;
    return 1;
}

/* Length of the well-formed UTF-8 sequence at p[0..n) (Unicode's table of
 * well-formed byte sequences: no overlongs, surrogates or code points past
 * U+10FFFF), or 0 when it is not one. */
static size_t utf8_seq(const unsigned char *p, size_t n)
{
    unsigned c = p[0];
    if (c < 0x80) return 1;
    size_t k;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) k = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        k = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        k = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else return 0;
    if (n < k || p[1] < lo || p[1] > hi) return 0;
    for (size_t i = 2; i < k; i++)
        if (p[i] < 0x80 || p[i] > 0xBF) return 0;
    return k;
}

/* jansson refuses a line with invalid UTF-8; rather than lose the article,
 * each invalid byte becomes U+FFFD, as the text layer would do anyway. */
static const char *repair_utf8(chr_buf *b, const char *line, size_t n, size_t *out_n)
{
    const unsigned char *p = (const unsigned char *)line;
    chr_buf_clear(b);
    size_t run = 0, i = 0;
    while (i < n) {
        size_t k = utf8_seq(p + i, n - i);
        if (k) { i += k; continue; }
        chr_buf_append(b, line + run, i - run);
        chr_buf_append(b, "\xEF\xBF\xBD", 3);
        i++;
        run = i;
    }
    chr_buf_append(b, line + run, n - run);
    *out_n = b->len;
    return b->oom ? NULL : b->data;
}

/* A string member, or "" when absent or not a string. */
static const char *member(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    return json_is_string(v) ? json_string_value(v) : "";
}

int chr_jsonl_next(chr_source *s, chr_document *doc, chr_error *err)
{
    chr_jsonl_state *j = &s->u.jsonl;
    json_decref(j->obj);
    j->obj = NULL;

    for (;;) {
        char *line;
        size_t n;
        int rc = chr_input_line(&s->in, &line, &n);
        if (rc == 0) return CHR_DONE;
        if (rc < 0) return chr_source_fail(s, rc, j->line + 1, err);
        j->line++;
        if (n > 0 && line[n - 1] == '\r') n--;
        if (is_blank_line(line, n)) continue;

        /* JSON_ALLOW_NUL: "\u0000" inside a string is kept, text_len counts it. */
        json_error_t je;
        json_t *obj = json_loadb(line, n, JSON_ALLOW_NUL, &je);
        if (!obj && json_error_code(&je) == json_error_invalid_utf8) {
            size_t fixed_n;
            const char *fixed = repair_utf8(&j->scratch, line, n, &fixed_n);
            if (!fixed) return chr_source_fail(s, CHR_ENOMEM, j->line, err);
            obj = json_loadb(fixed, fixed_n, JSON_ALLOW_NUL, &je);
        }
        if (!obj)
            return chr_error_set(err, CHR_EINPUT, s->name, j->line,
                                 "invalid JSON: %s at column %d", je.text, je.column);
        if (!json_is_object(obj)) {
            json_decref(obj);
            return chr_error_set(err, CHR_EINPUT, s->name, j->line, "not a JSON object");
        }
        json_t *text = json_object_get(obj, "text");
        if (!json_is_string(text)) {
            json_decref(obj);
            return chr_error_set(err, CHR_EINPUT, s->name, j->line,
                                 text ? "\"text\" is not a string" : "no \"text\" field");
        }
        j->obj = obj;

        chr_source_doc_init(s, doc, j->line);
        doc->text = json_string_value(text);
        doc->text_len = json_string_length(text);
        doc->date = member(obj, "date");
        doc->title = member(obj, "title");
        doc->source = member(obj, "source");
        doc->url = member(obj, "url");

        /* Some exports number their articles: a numeric id is taken as its
         * decimal text. */
        json_t *id = json_object_get(obj, "id");
        if (json_is_string(id) && json_string_length(id) > 0) {
            doc->id = json_string_value(id);
        } else if (json_is_integer(id)) {
            chr_buf_clear(&j->scratch);
            chr_buf_printf(&j->scratch, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
            doc->id = j->scratch.data;
        } else if (json_is_real(id)) {
            chr_buf_clear(&j->scratch);
            chr_buf_printf(&j->scratch, "%.15g", json_real_value(id));
            doc->id = j->scratch.data;
        } else {
            doc->id = chr_source_gen_id(s, &j->scratch, j->line);
        }
        if (j->scratch.oom) return chr_source_fail(s, CHR_ENOMEM, j->line, err);
        return CHR_OK;
    }
}

void chr_jsonl_free(chr_source *s)
{
    json_decref(s->u.jsonl.obj);
    s->u.jsonl.obj = NULL;
    chr_buf_free(&s->u.jsonl.scratch);
}
