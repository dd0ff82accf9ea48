/*
 * reply.c - what a route answers: the reply record, the one JSON error
 * shape, JSON strings safe for whatever bytes a client sent, and gzip.
 */
#include "server/server_impl.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

void srv_reply_init(srv_reply *rp)
{
    memset(rp, 0, sizeof *rp);
    rp->status = 200;
    rp->fd = -1;
    rp->compressible = 1;
    rp->cache = "no-cache";
}

void srv_reply_free(srv_reply *rp)
{
    chr_buf_free(&rp->body);
    if (rp->fd >= 0) close(rp->fd);
    rp->fd = -1;
}

void srv_fail(srv_reply *rp, int status, const char *fmt, ...)
{
    char msg[640];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    srv_reply_free(rp);
    const char *allow = rp->allow;
    srv_reply_init(rp);
    rp->allow = allow;
    rp->status = status;
    chr_buf_puts(&rp->body, "{\"error\":");
    srv_json_str(&rp->body, msg);
    chr_buf_puts(&rp->body, "}\n");
}

/* The length of the UTF-8 character at s (at most n bytes), 0 when the
 * bytes there are not one: overlong forms, surrogates and code points past
 * U+10FFFF are not. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    if (s[0] < 0x80) return 1;
    size_t len = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
    if (!len || s[0] > 0xF4 || len > n) return 0;
    for (size_t i = 1; i < len; i++)
        if ((s[i] & 0xC0) != 0x80) return 0;
    if (len == 3 && s[0] == 0xE0 && s[1] < 0xA0) return 0;
    if (len == 3 && s[0] == 0xED && s[1] >= 0xA0) return 0;
    if (len == 4 && s[0] == 0xF0 && s[1] < 0x90) return 0;
    if (len == 4 && s[0] == 0xF4 && s[1] >= 0x90) return 0;
    return len;
}

void srv_json_str(chr_buf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    size_t n = strlen((const char *)p), i = 0;
    chr_buf clean = CHR_BUF_INIT;
    while (i < n) {
        size_t k = utf8_len(p + i, n - i);
        if (k) {
            chr_buf_append(&clean, p + i, k);
            i += k;
        } else {
            chr_buf_puts(&clean, "\xEF\xBF\xBD");
            i++;
        }
    }
    chr_buf_json_str(b, clean.data ? clean.data : "", clean.len);
    if (clean.oom) b->oom = 1;
    chr_buf_free(&clean);
}

int srv_gzip(const char *data, size_t n, chr_buf *out)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (n > (size_t)1 << 30) return -1;
    /* 15 window bits, +16: a gzip header and trailer instead of zlib's. */
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return -1;
    uLong bound = deflateBound(&z, (uLong)n);
    chr_buf_clear(out);
    if (chr_buf_reserve(out, bound + 1) != 0) {
        deflateEnd(&z);
        return -1;
    }
    z.next_in = (Bytef *)(uintptr_t)data;
    z.avail_in = (uInt)n;
    z.next_out = (Bytef *)out->data;
    z.avail_out = (uInt)bound;
    int rc = deflate(&z, Z_FINISH);
    out->len = z.total_out;
    deflateEnd(&z);
    return rc == Z_STREAM_END ? 0 : -1;
}
