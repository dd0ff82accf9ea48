/*
 * source.h - one input file being read, and the format readers behind it.
 *
 * A chr_reader (reader.c) walks a path - a file, standard input or a
 * directory - and opens one chr_source per file.  The source knows the file's
 * name, its format (given, or detected here from the extension or the first
 * bytes) and the buffered input; one of the format readers turns its bytes
 * into documents:
 *
 *   jsonl.c     JSON Lines, one object per line, through jansson
 *   csvread.c   CSV with a header row, through libcsv
 *   dated.c     a dated text: "date YYYY-MM-DD" then the article
 *
 * Each format's next() follows chr_reader_next(): CHR_OK with doc filled,
 * CHR_DONE, CHR_EINPUT for a skipped record (err says where), or an error
 * that ends the file.  Strings in doc stay valid until the next call.
 */
#ifndef CHR_IO_SOURCE_H
#define CHR_IO_SOURCE_H

#include <csv.h>

#include "chronicle.h"
#include "io/input.h"
#include "io/reader.h"
#include "util/buf.h"

struct json_t;

/* The fields a document takes from a record. */
enum { CHR_F_ID, CHR_F_DATE, CHR_F_TITLE, CHR_F_TEXT, CHR_F_SOURCE, CHR_F_URL, CHR_F_COUNT };

typedef struct chr_jsonl_state {
    struct json_t *obj;     /* the object the current document points into */
    chr_buf scratch;        /* a generated id; a UTF-8-repaired copy of a line */
    long line;
} chr_jsonl_state;

typedef struct chr_csv_state {
    struct csv_parser parser;
    int parser_ready;
    int header_done;
    int col[CHR_F_COUNT];   /* column of each field, -1 when absent */
    int text_rank;          /* which name gave the text column: text < content < body */
    size_t field;           /* index of the next field of the current record */
    size_t nfields;         /* fields of the record just completed */
    chr_buf rec;            /* the wanted fields of the record, each NUL-terminated */
    size_t off[CHR_F_COUNT], len[CHR_F_COUNT];
    int have[CHR_F_COUNT];
    chr_buf id;
    int idle;               /* between records: the next non-blank line starts one */
    int ready;              /* a record is complete */
    int finished;           /* the input ended */
    int oom;
    long line;              /* line of the next byte to feed */
    long start;             /* line where the current record started */
} chr_csv_state;

typedef struct chr_dated_state {
    char date[40];
    int done;
} chr_dated_state;

typedef struct chr_source {
    chr_format fmt;         /* never CHR_FMT_AUTO once open */
    char *name;             /* for doc->file and errors: the path, or "<stdin>" */
    char *base;             /* the file name, for generated ids "<base>:<line>" */
    char *stem;             /* the file name without extension: a dated text's id */
    chr_input in;
    int done;               /* an error ended the file: next() says CHR_DONE */
    union {
        chr_jsonl_state jsonl;
        chr_csv_state csv;
        chr_dated_state dated;
    } u;
} chr_source;

/* Open path (NULL or "-" for standard input) or, when data is not NULL, a
 * copy of data[0..len) named path.  fmt CHR_FMT_AUTO detects the format.
 * Returns CHR_OK, CHR_EIO (cannot open or read: err names the file),
 * CHR_EINPUT (HTML, not read yet) or CHR_ENOMEM; *out is NULL on failure. */
int  chr_source_open(chr_source **out, const char *path, const void *data, size_t len,
                     chr_format fmt, chr_error *err);
int  chr_source_next(chr_source *s, chr_document *doc, chr_error *err);
void chr_source_close(chr_source *s);

/* The format a file's bytes look like (they start at p[0], n bytes). */
chr_format chr_source_sniff(const char *p, size_t n);

/* Fill doc with the source's name and line and every string "". */
void chr_source_doc_init(const chr_source *s, chr_document *doc, long line);
/* "<base>:<line>" into b (cleared first); returns b->data or NULL when out
 * of memory. */
const char *chr_source_gen_id(const chr_source *s, chr_buf *b, long line);
/* Report a failed read (rc CHR_EIO or CHR_ENOMEM) at line; ends the file. */
int  chr_source_fail(chr_source *s, int rc, long line, chr_error *err);

int  chr_jsonl_next(chr_source *s, chr_document *doc, chr_error *err);
void chr_jsonl_free(chr_source *s);
int  chr_csv_next(chr_source *s, chr_document *doc, chr_error *err);
void chr_csv_free(chr_source *s);
/* The column a CSV header name stands for, CHR_F_*, or -1; *rank orders
 * the text synonyms. */
int  chr_csv_column_field(const char *name, size_t n, int *rank);
/* Whether the first line of p[0..n) is a CSV header of two or more columns,
 * one of them a text column. */
int  chr_csv_sniff_header(const char *p, size_t n);
int  chr_dated_next(chr_source *s, chr_document *doc, chr_error *err);

#endif
