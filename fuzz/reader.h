/*
 * reader.h - what the three reader targets share: read any bytes as a file
 * of one format held in memory, document by document until the reader says
 * it is done, and check every document handed out.
 *
 * Every document must have NUL-terminated strings and a text of the length
 * it claims; a malformed record is skipped with CHR_EINPUT and reading goes
 * on, so the loop only ends on CHR_DONE or a fatal status.
 */
#ifndef CHR_FUZZ_READER_H
#define CHR_FUZZ_READER_H

#include "fuzz.h"

#include "io/reader.h"

static inline void fuzz_check_document(const chr_document *d)
{
    FUZZ_CHECK(d->id && d->date && d->title && d->source && d->url && d->text);
    FUZZ_CHECK(d->text[d->text_len] == '\0');
    /* every string is NUL-terminated: reading it to its end must be safe */
    volatile size_t sum = strlen(d->id) + strlen(d->date) + strlen(d->title) +
                          strlen(d->source) + strlen(d->url);
    (void)sum;
    if (d->text_len) {
        volatile char last = d->text[d->text_len - 1];
        (void)last;
    }
    FUZZ_CHECK(d->line >= 1);
}

static inline int fuzz_read_all(const uint8_t *data, size_t size, const char *name,
                                chr_format fmt)
{
    if (size > FUZZ_MAX_LEN) return 0;
    chr_reader *r;
    chr_error err;
    if (chr_reader_open_memory(&r, name, data, size, fmt, &err) != CHR_OK) return 0;
    chr_document doc;
    long prev_line = 0;
    for (size_t guard = 0; guard <= size + 1; guard++) {
        int rc = chr_reader_next(r, &doc, &err);
        if (rc == CHR_OK) {
            fuzz_check_document(&doc);
            FUZZ_CHECK(doc.line >= prev_line);
            prev_line = doc.line;
        } else if (rc == CHR_EINPUT) {
            FUZZ_CHECK(err.line >= 0);
        } else {
            FUZZ_CHECK(rc == CHR_DONE || rc == CHR_EIO || rc == CHR_ENOMEM);
            break;
        }
        /* one input byte at least per document or error: no endless stream */
        FUZZ_CHECK(guard < size + 1);
    }
    chr_reader_close(r);
    return 0;
}

#endif
