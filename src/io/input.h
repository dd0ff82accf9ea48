/*
 * input.h - a buffered byte stream under every reader.
 *
 * A file, standard input or a memory buffer, read in 64 KiB blocks into one
 * growable heap buffer.  Readers peek at the first bytes to sniff the format,
 * then take the stream a line at a time (JSON Lines), a block at a time
 * (CSV) or whole (a dated text is one article).  A UTF-8 byte order mark at
 * the start is dropped here, so no reader sees it.
 *
 * Pointers handed out point into the buffer and stay valid until the next
 * call on the same input.
 */
#ifndef CHR_IO_INPUT_H
#define CHR_IO_INPUT_H

#include <stddef.h>
#include <stdio.h>

#define CHR_INPUT_BLOCK 65536

typedef struct chr_input {
    FILE *fp;           /* NULL for a memory buffer */
    int close_fp;       /* fp was opened here (not stdin) */
    char *buf;          /* buf[beg..end) not yet consumed; cap + 1 bytes allocated */
    size_t cap, beg, end;
    int eof;
    int errnum;         /* errno of a failed read, 0 if none */
} chr_input;

/* Open path, or standard input when path is NULL.  Returns CHR_OK, CHR_EIO
 * (errno in *errnum) or CHR_ENOMEM. */
int  chr_input_open(chr_input *in, const char *path, int *errnum);
/* A private copy of data[0..len). */
int  chr_input_open_memory(chr_input *in, const void *data, size_t len);
void chr_input_close(chr_input *in);

/* Read until at least want bytes are buffered or the input ends.
 * Returns CHR_OK, CHR_EIO or CHR_ENOMEM. */
int  chr_input_fill(chr_input *in, size_t want);

/* The buffered bytes, reading a block first when none are; *n == 0 means
 * the end of the input.  Nothing is consumed. */
int  chr_input_peek(chr_input *in, const char **p, size_t *n);
void chr_input_skip(chr_input *in, size_t n);

/* The next line without its '\n', NUL-terminated in place.  Returns 1 for a
 * line, 0 at the end of the input, or CHR_EIO / CHR_ENOMEM. */
int  chr_input_line(chr_input *in, char **line, size_t *len);

/* Everything left, NUL-terminated, consumed.  Returns CHR_OK or an error. */
int  chr_input_rest(chr_input *in, char **p, size_t *len);

#endif
