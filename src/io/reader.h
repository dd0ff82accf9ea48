/*
 * reader.h - turn files into documents.
 *
 * A reader streams documents out of one path: a JSON Lines file, a dated
 * text file, a CSV file, a directory of such files (read in name order,
 * recursively), or standard input ("-" or NULL).  Nothing is loaded whole:
 * JSON Lines and CSV are read record by record, so a 5 GB file needs only the
 * memory of its largest record.
 *
 * chr_reader_next() returns
 *   CHR_OK      a document was filled; its strings stay valid until the next
 *               call or chr_reader_close();
 *   CHR_DONE    no more documents;
 *   CHR_EINPUT  a malformed record (or a file of a directory that could not
 *               be read) was skipped; err says FILE:LINE and what is wrong;
 *               call again to go on;
 *   CHR_EIO / CHR_ENOMEM  reading cannot go on.
 */
#ifndef CHR_READER_H
#define CHR_READER_H

#include "chronicle.h"

typedef enum chr_format {
    CHR_FMT_AUTO = 0,   /* by extension, else by sniffing the first bytes */
    CHR_FMT_JSONL,
    CHR_FMT_TEXT,       /* dated text: "date YYYY-MM-DD" then the article */
    CHR_FMT_CSV,
    CHR_FMT_HTML
} chr_format;

/* "jsonl", "text", "csv", "html", "auto" -> format; -1 when unknown.
 * Any case; "ndjson" and "json" are JSON Lines, "txt" is text. */
int chr_format_parse(const char *name);
/* The name chr_format_parse() takes for fmt. */
const char *chr_format_name(chr_format fmt);

typedef struct chr_reader chr_reader;

/* Open path: a file, a directory, or standard input for NULL or "-".
 * Returns CHR_OK; CHR_EIO when path cannot be opened or read; CHR_EINPUT
 * for a file in a format that cannot be read (HTML, for now); CHR_EUSAGE
 * for an unknown fmt; CHR_ENOMEM.  *r is NULL on failure.
 *
 * In a directory every regular file is read with its own format (detected,
 * unless fmt says one); a file that cannot be opened is reported by
 * chr_reader_next() as CHR_EINPUT naming it, and the next file follows. */
int  chr_reader_open(chr_reader **r, const char *path, chr_format fmt, chr_error *err);
/* Read documents from data[0..len) (copied), as if from a file called name
 * (NULL: "<memory>"); the name's extension counts for CHR_FMT_AUTO. */
int  chr_reader_open_memory(chr_reader **r, const char *name, const void *data,
                            size_t len, chr_format fmt, chr_error *err);
int  chr_reader_next(chr_reader *r, chr_document *doc, chr_error *err);
void chr_reader_close(chr_reader *r);

#endif
