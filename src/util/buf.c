/*
 * buf.c - growable byte buffer; see buf.h.
 */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int chr_buf_reserve(chr_buf *b, size_t extra)
{
    if (b->oom) return -1;
    if (b->len + extra + 1 <= b->cap) return 0;
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

void chr_buf_append(chr_buf *b, const void *p, size_t n)
{
    if (chr_buf_reserve(b, n) != 0) return;
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void chr_buf_puts(chr_buf *b, const char *s) { chr_buf_append(b, s, strlen(s)); }

void chr_buf_putc(chr_buf *b, char c) { chr_buf_append(b, &c, 1); }

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

void chr_buf_json_str(chr_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    if (chr_buf_reserve(b, n + 2) != 0) return;
    chr_buf_putc(b, '"');
    size_t run = 0;   /* start of a run of bytes that need no escape */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        chr_buf_append(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"':  chr_buf_append(b, "\\\"", 2); break;
        case '\\': chr_buf_append(b, "\\\\", 2); break;
        case '\n': chr_buf_append(b, "\\n", 2); break;
        case '\r': chr_buf_append(b, "\\r", 2); break;
        case '\t': chr_buf_append(b, "\\t", 2); break;
        default: {
            char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            chr_buf_append(b, e, 6);
        }
        }
    }
    chr_buf_append(b, s + run, n - run);
    chr_buf_putc(b, '"');
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
