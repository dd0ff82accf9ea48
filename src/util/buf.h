/*
 * buf.h - a growable byte buffer on the heap (for output and for readers,
 * whose data outlives a single document's arena).
 */
#ifndef CHR_BUF_H
#define CHR_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct chr_buf {
    char *data;     /* always NUL-terminated when len > 0 or after any append */
    size_t len;
    size_t cap;
    int oom;        /* set once an allocation failed; later appends are no-ops */
} chr_buf;

#define CHR_BUF_INIT {NULL, 0, 0, 0}

int  chr_buf_reserve(chr_buf *b, size_t extra);
void chr_buf_append(chr_buf *b, const void *p, size_t n);
void chr_buf_puts(chr_buf *b, const char *s);
void chr_buf_putc(chr_buf *b, char c);
void chr_buf_printf(chr_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Append s[0..n) as a JSON string literal with its quotes. */
void chr_buf_json_str(chr_buf *b, const char *s, size_t n);
/* A JSON object's next key ("key":), after a comma unless *first (which it
 * clears); and "key":"val", written only when val is not NULL or empty. */
void chr_buf_json_key(chr_buf *b, int *first, const char *key);
void chr_buf_json_field(chr_buf *b, int *first, const char *key, const char *val);
void chr_buf_clear(chr_buf *b);
void chr_buf_free(chr_buf *b);

#endif
