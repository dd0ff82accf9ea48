/*
 * buf.c - growable byte buffer; see buf.h.
 *
 * The writers build every output line here, so appends are on the hot path
 * of each subcommand: the common case (room left) is a compare and a copy,
 * and JSON strings are escaped a word at a time, copying the long runs that
 * need no escape with one memcpy each.
 */
#include "buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The slow half of chr_buf_reserve(): grow to hold extra more bytes. */
static int grow(chr_buf *b, size_t extra)
{
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) {
        if (cap > (size_t)-1 / 2) { b->oom = 1; return -1; }
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) { b->oom = 1; return -1; }
    b->data = p;
    b->cap = cap;
    return 0;
}

int chr_buf_reserve(chr_buf *b, size_t extra)
{
    if (b->oom) return -1;
    if (b->len + extra + 1 <= b->cap) return 0;
    return grow(b, extra);
}

/* Room for n more bytes and the NUL: the test every append starts with. */
static inline int room(chr_buf *b, size_t n)
{
    return b->len + n + 1 <= b->cap || chr_buf_reserve(b, n) == 0;
}

void chr_buf_append(chr_buf *b, const void *p, size_t n)
{
    if (!room(b, n)) return;
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void chr_buf_puts(chr_buf *b, const char *s) { chr_buf_append(b, s, strlen(s)); }

void chr_buf_putc(chr_buf *b, char c)
{
    if (!room(b, 1)) return;
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void chr_buf_printf(chr_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof small) { chr_buf_append(b, small, (size_t)n); return; }
    if (chr_buf_reserve(b, (size_t)n) != 0) return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* ---- JSON strings ------------------------------------------------------------ */

#define ONES  0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* Whether any byte of w is below 0x20, '"' or '\\': a byte b is below k
 * when (b - k) borrows and b has no high bit. */
static inline int word_needs_escape(uint64_t w)
{
    uint64_t ctl = (w - ONES * 0x20) & ~w;
    uint64_t q = w ^ (ONES * '"'), bs = w ^ (ONES * '\\');
    uint64_t quote = (q - ONES) & ~q, back = (bs - ONES) & ~bs;
    return ((ctl | quote | back) & HIGHS) != 0;
}

/* The escape of each byte: 0 none, else the letter after the backslash, or
 * 'u' for \u00XX. */
static const char escape_of[256] = {
    'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 't', 'n', 'u', 'u', 'r', 'u', 'u',
    'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
    ['"'] = '"', ['\\'] = '\\',
};

/* The general case of chr_buf_json_str(): room for n + 8 bytes is there. */
static void json_str_scan(chr_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    char *d = b->data + b->len;
    *d++ = '"';
    size_t i = 0;
    for (;;) {
        /* Copy what needs no escape: eight bytes at a time, then bytes. */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (word_needs_escape(w)) break;
            memcpy(d, &w, 8);
            d += 8;
            i += 8;
        }
        /* The last few bytes: the eight that end the string, overlapping
         * what was copied, when none of them needs an escape. */
        if (i < n && n >= 8 && n - i < 8) {
            uint64_t w;
            memcpy(&w, s + n - 8, 8);
            if (!word_needs_escape(w)) {
                memcpy(d - (i - (n - 8)), &w, 8);
                d += n - i;
                i = n;
                break;
            }
        }
        char e = 0;
        while (i < n && !(e = escape_of[(unsigned char)s[i]])) *d++ = s[i++];
        if (i >= n) break;
        /* At most 6 bytes for this escape, the rest of s after it, the
         * closing quote and the NUL. */
        b->len = (size_t)(d - b->data);
        if (b->len + 6 + (n - i) + 2 > b->cap && chr_buf_reserve(b, 6 + (n - i) + 2) != 0)
            return;
        d = b->data + b->len;
        *d++ = '\\';
        *d++ = e;
        if (e == 'u') {
            unsigned char c = (unsigned char)s[i];
            d[0] = '0'; d[1] = '0'; d[2] = hex[c >> 4]; d[3] = hex[c & 15];
            d += 4;
        }
        i++;
    }
    *d++ = '"';
    *d = '\0';
    b->len = (size_t)(d - b->data);
}

void chr_buf_json_str(chr_buf *b, const char *s, size_t n)
{
    /* Room for the text, its quotes and a few escapes; more when needed. */
    if (b->len + n + 8 > b->cap && chr_buf_reserve(b, n + 8) != 0) return;
    /* Most strings written are short names and keys with nothing to
     * escape: two overlapping words cover 8 to 16 bytes. */
    if (n >= 8 && n <= 16) {
        uint64_t w1, w2;
        memcpy(&w1, s, 8);
        memcpy(&w2, s + n - 8, 8);
        if (!word_needs_escape(w1) && !word_needs_escape(w2)) {
            char *d = b->data + b->len;
            d[0] = '"';
            memcpy(d + 1, &w1, 8);
            memcpy(d + 1 + n - 8, &w2, 8);
            d[n + 1] = '"';
            d[n + 2] = '\0';
            b->len += n + 2;
            return;
        }
    }
    json_str_scan(b, s, n);
}

void chr_buf_clear(chr_buf *b)
{
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

void chr_buf_free(chr_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}

void chr_buf_json_key(chr_buf *b, int *first, const char *key)
{
    if (!*first) chr_buf_putc(b, ',');
    *first = 0;
    chr_buf_json_str(b, key, strlen(key));
    chr_buf_putc(b, ':');
}

void chr_buf_json_field(chr_buf *b, int *first, const char *key, const char *val)
{
    if (!val || !*val) return;
    chr_buf_json_key(b, first, key);
    chr_buf_json_str(b, val, strlen(val));
}
