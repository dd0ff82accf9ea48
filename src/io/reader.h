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

/* "jsonl", "text", "csv", "html", "auto" -> format; -1 when unknown. */
int chr_format_parse(const char *name);

typedef struct chr_reader chr_reader;

int  chr_reader_open(chr_reader **r, const char *path, chr_format fmt, chr_error *err);
int  chr_reader_next(chr_reader *r, chr_document *doc, chr_error *err);
void chr_reader_close(chr_reader *r);

#endif
