/*
 * jsonl.c - JSON Lines: one document per line.
 *
 * The file is read a line at a time, so its size does not matter, only the
 * size of its longest line.  Each line must hold one object with a string
 * "text"; "id", "date", "title", "source" and "url" are optional.  A line
 * that is not such an object is reported with its number and skipped, and
 * reading goes on with the next line.
 *
 * Two parsers read a line.  The fast one checks the whole line against the
 * JSON grammar in one pass (eight bytes at a time inside strings) and
 * decodes the wanted strings in place, in the line buffer, so the article
 * text is neither copied into a tree nor copied again; the document's
 * strings then point into the line, which lives until the next call.  It
 * accepts only lines that jansson reads the same way; anything else it
 * leaves to jansson: malformed lines (whose messages are jansson's),
 * invalid UTF-8, escaped keys, numeric ids, numbers that could overflow,
 * deep nesting.  The document's strings then point into jansson's object.
 */
#include "io/source.h"

#include <jansson.h>
#include <stdint.h>
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

/* ---- the fast path ----------------------------------------------------------- */

enum { FK_ID, FK_DATE, FK_TITLE, FK_SOURCE, FK_URL, FK_TEXT, FK_COUNT };

typedef struct fast_member {
    char kind;          /* 0 absent, 's' a string, 'v' any other value */
    int escaped;        /* the string holds a backslash */
    size_t b, e;        /* a string's contents: line[b..e), still escaped */
} fast_member;

#define FAST_MAX_DEPTH 32

static int is_json_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static size_t skip_ws(const unsigned char *p, size_t n, size_t i)
{
    while (i < n && is_json_ws(p[i])) i++;
    return i;
}

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

static int hex_digit(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* The four hex digits at p[i..i+4), or -1. */
static long hex4(const unsigned char *p, size_t n, size_t i)
{
    if (i + 4 > n) return -1;
    long v = 0;
    for (size_t k = 0; k < 4; k++) {
        int h = hex_digit(p[i + k]);
        if (h < 0) return -1;
        v = v << 4 | h;
    }
    return v;
}

#define ONES  0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* The bytes of w that a string scan must look at: '"', '\\', control
 * characters and non-ASCII, each flagged by its high bit.  The lowest
 * flagged byte is always a true one (a borrow only runs upwards). */
static inline uint64_t special_bytes(uint64_t w)
{
    uint64_t q = w ^ (ONES * '"'), bs = w ^ (ONES * '\\');
    return (((w - ONES * 0x20) & ~w) | ((q - ONES) & ~q) | ((bs - ONES) & ~bs) | w) & HIGHS;
}

/* The string whose contents start at p[i] (after its quote): returns the
 * index of its closing quote, or 0 when the line is left to jansson.  Checks
 * what jansson checks: escapes, surrogate pairs, control characters and
 * UTF-8; sets *escaped when the string holds a backslash. */
static size_t scan_string(const unsigned char *p, size_t n, size_t i, int *escaped)
{
    for (;;) {
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            uint64_t m = special_bytes(w);
            if (m) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
                i += (size_t)__builtin_ctzll(m) >> 3;
#endif
                break;
            }
            i += 8;
        }
        if (i >= n) return 0;
        unsigned c = p[i];
        if (c == '"') return i;
        if (c == '\\') {
            *escaped = 1;
            if (i + 1 >= n) return 0;
            unsigned e = p[i + 1];
            if (e == 'u') {
                long u = hex4(p, n, i + 2);
                i += 6;
                if (u < 0 || (u >= 0xDC00 && u <= 0xDFFF)) return 0;
                if (u >= 0xD800 && u <= 0xDBFF) {
                    /* a high surrogate must be followed by a low one */
                    if (i + 1 >= n || p[i] != '\\' || p[i + 1] != 'u') return 0;
                    long lo = hex4(p, n, i + 2);
                    if (lo < 0xDC00 || lo > 0xDFFF) return 0;
                    i += 6;
                }
                continue;
            }
            if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' &&
                e != 'r' && e != 't')
                return 0;
            i += 2;
            continue;
        }
        if (c < 0x20) return 0;
        if (c >= 0x80) {
            size_t k = utf8_seq(p + i, n - i);
            if (!k) return 0;
            i += k;
            continue;
        }
        i++;
    }
}

/* A number at p[i]: the index after it, or 0.  Only numbers jansson reads
 * without overflow: no exponent and at most 15 characters. */
static size_t scan_number(const unsigned char *p, size_t n, size_t i)
{
    size_t j = i;
    if (j < n && p[j] == '-') j++;
    if (j >= n || !is_digit(p[j])) return 0;
    if (p[j] == '0') j++;
    else while (j < n && is_digit(p[j])) j++;
    if (j < n && p[j] == '.') {
        j++;
        if (j >= n || !is_digit(p[j])) return 0;
        while (j < n && is_digit(p[j])) j++;
    }
    if (j < n && (p[j] == 'e' || p[j] == 'E')) return 0;
    return j - i <= 15 ? j : 0;
}

static size_t skip_value(const unsigned char *p, size_t n, size_t i, int depth);

/* The members or elements of an object (close '}') or array (close ']')
 * whose opening bracket is at p[i-1]: the index after it, or 0. */
static size_t skip_container(const unsigned char *p, size_t n, size_t i, int depth, int close)
{
    if (depth > FAST_MAX_DEPTH) return 0;
    i = skip_ws(p, n, i);
    if (i < n && p[i] == close) return i + 1;
    for (;;) {
        if (close == '}') {
            int esc = 0;
            if (i >= n || p[i] != '"') return 0;
            size_t e = scan_string(p, n, i + 1, &esc);
            if (!e || esc) return 0;
            i = skip_ws(p, n, e + 1);
            if (i >= n || p[i] != ':') return 0;
            i = skip_ws(p, n, i + 1);
        }
        i = skip_value(p, n, i, depth + 1);
        if (!i) return 0;
        i = skip_ws(p, n, i);
        if (i >= n) return 0;
        if (p[i] == close) return i + 1;
        if (p[i] != ',') return 0;
        i = skip_ws(p, n, i + 1);
    }
}

/* Any value at p[i]: the index after it, or 0. */
static size_t skip_value(const unsigned char *p, size_t n, size_t i, int depth)
{
    if (i >= n) return 0;
    int esc = 0;
    size_t e;
    switch (p[i]) {
    case '"':
        e = scan_string(p, n, i + 1, &esc);
        return e ? e + 1 : 0;
    case '{': return skip_container(p, n, i + 1, depth, '}');
    case '[': return skip_container(p, n, i + 1, depth, ']');
    case 't': return n - i >= 4 && memcmp(p + i, "true", 4) == 0 ? i + 4 : 0;
    case 'f': return n - i >= 5 && memcmp(p + i, "false", 5) == 0 ? i + 5 : 0;
    case 'n': return n - i >= 4 && memcmp(p + i, "null", 4) == 0 ? i + 4 : 0;
    default: return scan_number(p, n, i);
    }
}

static int member_of(const unsigned char *k, size_t n)
{
    static const char *const names[FK_COUNT] = {"id", "date", "title", "source", "url", "text"};
    for (int f = 0; f < FK_COUNT; f++)
        if (strlen(names[f]) == n && memcmp(names[f], k, n) == 0) return f;
    return -1;
}

/* Read line[0..n) as one object into m (the last of a repeated member
 * wins, as in jansson).  Returns 1, or 0 when the line is left to jansson:
 * then nothing was changed. */
static int fast_parse(const unsigned char *p, size_t n, fast_member m[FK_COUNT])
{
    memset(m, 0, FK_COUNT * sizeof *m);
    size_t i = skip_ws(p, n, 0);
    if (i >= n || p[i] != '{') return 0;
    i = skip_ws(p, n, i + 1);
    if (i < n && p[i] == '}') return 0;    /* {} has no text: jansson says so */
    for (;;) {
        int esc = 0;
        if (i >= n || p[i] != '"') return 0;
        size_t ke = scan_string(p, n, i + 1, &esc);
        if (!ke || esc) return 0;
        int which = member_of(p + i + 1, ke - i - 1);
        i = skip_ws(p, n, ke + 1);
        if (i >= n || p[i] != ':') return 0;
        i = skip_ws(p, n, i + 1);
        if (i >= n) return 0;
        if (p[i] == '"') {
            size_t e = scan_string(p, n, i + 1, &esc);
            if (!e) return 0;
            if (which >= 0) m[which] = (fast_member){'s', esc, i + 1, e};
            i = e + 1;
        } else {
            /* a numeric id is written as jansson formats it */
            if (which == FK_ID && (p[i] == '-' || is_digit(p[i]))) return 0;
            i = skip_value(p, n, i, 1);
            if (!i) return 0;
            if (which >= 0) m[which] = (fast_member){'v', 0, 0, 0};
        }
        i = skip_ws(p, n, i);
        if (i >= n) return 0;
        if (p[i] == '}') break;
        if (p[i] != ',') return 0;
        i = skip_ws(p, n, i + 1);
    }
    if (skip_ws(p, n, i + 1) != n) return 0;
    return m[FK_TEXT].kind == 's';
}

static size_t put_utf8(char *d, long c)
{
    if (c < 0x80) { d[0] = (char)c; return 1; }
    if (c < 0x800) {
        d[0] = (char)(0xC0 | c >> 6);
        d[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        d[0] = (char)(0xE0 | c >> 12);
        d[1] = (char)(0x80 | (c >> 6 & 0x3F));
        d[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    d[0] = (char)(0xF0 | c >> 18);
    d[1] = (char)(0x80 | (c >> 12 & 0x3F));
    d[2] = (char)(0x80 | (c >> 6 & 0x3F));
    d[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* Decode the checked string contents s[0..n) where they are (an escape is
 * never shorter than what it stands for) and NUL-terminate them; returns
 * the decoded length. */
static size_t decode_in_place(char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t o = 0, i = 0;
    for (;;) {
        const char *bs = memchr(s + i, '\\', n - i);
        size_t run = bs ? (size_t)(bs - (s + i)) : n - i;
        if (o != i) memmove(s + o, s + i, run);
        o += run;
        i += run;
        if (!bs) break;
        char e = s[i + 1];
        i += 2;
        switch (e) {
        case 'b': s[o++] = '\b'; break;
        case 'f': s[o++] = '\f'; break;
        case 'n': s[o++] = '\n'; break;
        case 'r': s[o++] = '\r'; break;
        case 't': s[o++] = '\t'; break;
        case 'u': {
            long c = hex4(u, n, i);
            i += 4;
            if (c >= 0xD800 && c <= 0xDBFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (hex4(u, n, i + 2) - 0xDC00);
                i += 6;
            }
            o += put_utf8(s + o, c);
            break;
        }
        default: s[o++] = e;   /* " \ / */
        }
    }
    s[o] = '\0';
    return o;
}

/* The string of member f, decoded; "" when it is not a string. */
static const char *fast_string(char *line, fast_member *f, size_t *len)
{
    if (f->kind != 's') {
        if (len) *len = 0;
        return "";
    }
    size_t n = f->e - f->b;
    if (f->escaped) n = decode_in_place(line + f->b, n);
    else line[f->e] = '\0';
    if (len) *len = n;
    return line + f->b;
}

/* ---- through jansson -------------------------------------------------------------- */

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

        fast_member fm[FK_COUNT];
        if (fast_parse((const unsigned char *)line, n, fm)) {
            chr_source_doc_init(s, doc, j->line);
            doc->text = fast_string(line, &fm[FK_TEXT], &doc->text_len);
            doc->date = fast_string(line, &fm[FK_DATE], NULL);
            doc->title = fast_string(line, &fm[FK_TITLE], NULL);
            doc->source = fast_string(line, &fm[FK_SOURCE], NULL);
            doc->url = fast_string(line, &fm[FK_URL], NULL);
            size_t idn;
            doc->id = fast_string(line, &fm[FK_ID], &idn);
            if (idn == 0) {
                doc->id = chr_source_gen_id(s, &j->scratch, j->line);
                if (j->scratch.oom) return chr_source_fail(s, CHR_ENOMEM, j->line, err);
            }
            return CHR_OK;
        }

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
