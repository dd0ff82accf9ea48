/*
 * reader.c - the public face of the readers: a path becomes a stream of
 * documents; see reader.h.
 *
 * A file or standard input is one chr_source (source.c) read to its end.  A
 * directory is walked in name order (dir.c) and each file gets a source of
 * its own; whatever goes wrong with one file (it cannot be opened, it is
 * HTML, a read fails half-way) is reported as CHR_EINPUT naming it and the
 * walk goes on, so that one bad file does not stop a corpus.
 */
#include "io/reader.h"

#include "io/dir.h"
#include "io/source.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

struct chr_reader {
    chr_format fmt;
    int is_dir;
    chr_dirwalk walk;
    chr_source *src;        /* the file being read, NULL between files */
    int done;
};

static const struct { const char *name; chr_format fmt; } format_names[] = {
    {"auto", CHR_FMT_AUTO}, {"jsonl", CHR_FMT_JSONL}, {"text", CHR_FMT_TEXT},
    {"csv", CHR_FMT_CSV},   {"html", CHR_FMT_HTML},   {"ndjson", CHR_FMT_JSONL},
    {"json", CHR_FMT_JSONL}, {"txt", CHR_FMT_TEXT},
};

int chr_format_parse(const char *name)
{
    if (!name) return -1;
    for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++)
        if (strcasecmp(name, format_names[i].name) == 0) return (int)format_names[i].fmt;
    return -1;
}

const char *chr_format_name(chr_format fmt)
{
    for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++)
        if (format_names[i].fmt == fmt) return format_names[i].name;
    return "unknown";
}

static int valid_format(chr_format fmt)
{
    return fmt == CHR_FMT_AUTO || fmt == CHR_FMT_JSONL || fmt == CHR_FMT_TEXT ||
           fmt == CHR_FMT_CSV || fmt == CHR_FMT_HTML;
}

static int open_common(chr_reader **r, const char *path, const void *data, size_t len,
                       int from_memory, chr_format fmt, chr_error *err)
{
    *r = NULL;
    if (!valid_format(fmt))
        return chr_error_set(err, CHR_EUSAGE, path, 0, "unknown input format %d", (int)fmt);
    chr_reader *rd = calloc(1, sizeof *rd);
    if (!rd) return chr_error_set(err, CHR_ENOMEM, path, 0, "out of memory");
    rd->fmt = fmt;

    int rc;
    if (from_memory) {
        rc = chr_source_open(&rd->src, path ? path : "<memory>", data ? data : "", len, fmt, err);
    } else if (path && strcmp(path, "-") != 0) {
        struct stat st;
        if (stat(path, &st) != 0) {
            int e = errno;
            rc = chr_error_set(err, CHR_EIO, path, 0, "cannot open: %s", strerror(e));
        } else if (S_ISDIR(st.st_mode)) {
            rd->is_dir = 1;
            rc = chr_dirwalk_open(&rd->walk, path, err);
        } else {
            rc = chr_source_open(&rd->src, path, NULL, 0, fmt, err);
        }
    } else {
        rc = chr_source_open(&rd->src, NULL, NULL, 0, fmt, err);
    }
    if (rc != CHR_OK) {
        chr_reader_close(rd);
        return rc;
    }
    *r = rd;
    return CHR_OK;
}

int chr_reader_open(chr_reader **r, const char *path, chr_format fmt, chr_error *err)
{
    return open_common(r, path, NULL, 0, 0, fmt, err);
}

int chr_reader_open_memory(chr_reader **r, const char *name, const void *data,
                           size_t len, chr_format fmt, chr_error *err)
{
    return open_common(r, name, data, len, 1, fmt, err);
}

int chr_reader_next(chr_reader *r, chr_document *doc, chr_error *err)
{
    if (!r || r->done) return CHR_DONE;
    for (;;) {
        if (r->src) {
            int rc = chr_source_next(r->src, doc, err);
            if (rc == CHR_OK || rc == CHR_EINPUT) return rc;
            chr_source_close(r->src);
            r->src = NULL;
            if (rc == CHR_ENOMEM || !r->is_dir) {
                r->done = 1;
                return rc;
            }
            /* A read error ends this file, not the directory. */
            if (rc != CHR_DONE) {
                if (err) err->code = CHR_EINPUT;
                return CHR_EINPUT;
            }
            continue;
        }
        if (!r->is_dir) {
            r->done = 1;
            return CHR_DONE;
        }
        const char *path;
        int rc = chr_dirwalk_next(&r->walk, &path, err);
        if (rc == CHR_OK) rc = chr_source_open(&r->src, path, NULL, 0, r->fmt, err);
        if (rc == CHR_OK) continue;
        if (rc == CHR_DONE || rc == CHR_ENOMEM) {
            r->done = 1;
            return rc;
        }
        if (err) err->code = CHR_EINPUT;
        return CHR_EINPUT;
    }
}

void chr_reader_close(chr_reader *r)
{
    if (!r) return;
    chr_source_close(r->src);
    if (r->is_dir) chr_dirwalk_close(&r->walk);
    free(r);
}
