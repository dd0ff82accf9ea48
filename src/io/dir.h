/*
 * dir.h - the files of a directory tree, one at a time, in a stable order.
 *
 * Every directory is listed and sorted byte-wise by name (strcmp, so the
 * order does not depend on the locale or on the file system), and walked
 * depth first: "a/x.jsonl" comes before "b.jsonl".  Names starting with '.'
 * are skipped, files and directories alike.  Symbolic links to files are
 * followed; links to directories are not, so a link cannot make a cycle.
 * Only one sorted listing per level of depth is held at a time.
 */
#ifndef CHR_IO_DIR_H
#define CHR_IO_DIR_H

#include <stddef.h>

#include "chronicle.h"

typedef struct chr_dirwalk_frame {
    char *path;
    char **names;
    size_t n, next;
} chr_dirwalk_frame;

typedef struct chr_dirwalk {
    chr_dirwalk_frame *stack;
    size_t depth, cap;
    char *current;          /* the path last handed out */
} chr_dirwalk;

/* Start at the directory root.  Returns CHR_OK, CHR_EIO or CHR_ENOMEM. */
int  chr_dirwalk_open(chr_dirwalk *w, const char *root, chr_error *err);
/* The next file's path in *path (valid until the next call): CHR_OK, or
 * CHR_DONE, or CHR_EINPUT for an entry that cannot be read (a broken link,
 * a directory without permission; err names it; call again to go on), or
 * CHR_ENOMEM. */
int  chr_dirwalk_next(chr_dirwalk *w, const char **path, chr_error *err);
void chr_dirwalk_close(chr_dirwalk *w);

#endif
