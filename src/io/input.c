/*
 * input.c - the buffered byte stream under every reader; see input.h.
 */
#include "input.h"

#include "chronicle.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Room for n bytes after end (plus the NUL slot every buffer keeps). */
static int reserve(chr_input *in, size_t n)
{
    if (in->beg > 0 && in->end + n > in->cap) {
        /* Drop what was consumed before growing: a long line or record then
         * costs one move, not one per block read. */
        memmove(in->buf, in->buf + in->beg, in->end - in->beg);
        in->end -= in->beg;
        in->beg = 0;
    }
    if (in->end + n <= in->cap) return CHR_OK;
    size_t cap = in->cap ? in->cap : CHR_INPUT_BLOCK;
    while (cap < in->end + n) {
        if (cap > ((size_t)-1 - 1) / 2) return CHR_ENOMEM;
        cap *= 2;
    }
    char *p = realloc(in->buf, cap + 1);
    if (!p) return CHR_ENOMEM;
    in->buf = p;
    in->cap = cap;
    return CHR_OK;
}

/* Read one block.  fread() returns short only at the end or on an error. */
static int read_block(chr_input *in)
{
    if (in->eof) return CHR_OK;
    int rc = reserve(in, CHR_INPUT_BLOCK);
    if (rc != CHR_OK) return rc;
    size_t want = in->cap - in->end;
    errno = 0;
    size_t got = fread(in->buf + in->end, 1, want, in->fp);
    in->end += got;
    if (got < want) {
        in->eof = 1;
        if (ferror(in->fp)) {
            in->errnum = errno ? errno : EIO;
            return CHR_EIO;
        }
    }
    return CHR_OK;
}

int chr_input_fill(chr_input *in, size_t want)
{
    while (!in->eof && in->end - in->beg < want) {
        int rc = read_block(in);
        if (rc != CHR_OK) return rc;
    }
    return CHR_OK;
}

static void skip_bom(chr_input *in)
{
    if (in->end - in->beg >= 3 && memcmp(in->buf + in->beg, "\xEF\xBB\xBF", 3) == 0)
        in->beg += 3;
}

int chr_input_open(chr_input *in, const char *path, int *errnum)
{
    memset(in, 0, sizeof *in);
    if (path) {
        in->fp = fopen(path, "rb");
        if (!in->fp) {
            if (errnum) *errnum = errno;
            return CHR_EIO;
        }
        in->close_fp = 1;
    } else {
        in->fp = stdin;
    }
    int rc = chr_input_fill(in, 3);
    if (rc != CHR_OK) {
        if (errnum) *errnum = in->errnum;
        chr_input_close(in);
        return rc;
    }
    skip_bom(in);
    return CHR_OK;
}

int chr_input_open_memory(chr_input *in, const void *data, size_t len)
{
    memset(in, 0, sizeof *in);
    in->eof = 1;
    if (reserve(in, len) != CHR_OK) return CHR_ENOMEM;
    if (len) memcpy(in->buf, data, len);
    in->end = len;
    skip_bom(in);
    return CHR_OK;
}

void chr_input_close(chr_input *in)
{
    if (in->fp && in->close_fp) fclose(in->fp);
    free(in->buf);
    memset(in, 0, sizeof *in);
}

int chr_input_peek(chr_input *in, const char **p, size_t *n)
{
    if (in->beg == in->end) {
        int rc = read_block(in);
        if (rc != CHR_OK) return rc;
    }
    *p = in->buf ? in->buf + in->beg : "";
    *n = in->end - in->beg;
    return CHR_OK;
}

void chr_input_skip(chr_input *in, size_t n)
{
    in->beg += n;
    if (in->beg == in->end) in->beg = in->end = 0;
}

int chr_input_line(chr_input *in, char **line, size_t *len)
{
    size_t scanned = 0;     /* bytes after beg known to hold no '\n' */
    for (;;) {
        size_t avail = in->end - in->beg;
        char *start = in->buf ? in->buf + in->beg : NULL;
        char *nl = avail > scanned ? memchr(start + scanned, '\n', avail - scanned) : NULL;
        if (nl) {
            *nl = '\0';
            *line = start;
            *len = (size_t)(nl - start);
            in->beg += *len + 1;
            return 1;
        }
        scanned = avail;
        if (in->eof) {
            if (avail == 0) return 0;
            start[avail] = '\0';
            *line = start;
            *len = avail;
            in->beg = in->end;
            return 1;
        }
        int rc = read_block(in);
        if (rc != CHR_OK) return rc;
    }
}

int chr_input_rest(chr_input *in, char **p, size_t *len)
{
    while (!in->eof) {
        int rc = read_block(in);
        if (rc != CHR_OK) return rc;
    }
    if (!in->buf && reserve(in, 1) != CHR_OK) return CHR_ENOMEM;
    in->buf[in->end] = '\0';
    *p = in->buf + in->beg;
    *len = in->end - in->beg;
    in->beg = in->end;
    return CHR_OK;
}
