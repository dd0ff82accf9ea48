/*
 * chronicle.h - the public interface of libchronicle.
 *
 * Chronicle reads dated news articles and writes records: PLOVER-typed events
 * (who did what to whom, when, with how much) and figures (running counts of
 * killed, injured, displaced, ...), each tied to the sentence and byte span it
 * was read from.  The contract for records is docs/records.md.
 *
 * The data flows one way:
 *
 *   reader -> chr_document -> text layer (UTF-8, normalize, sentences, tokens)
 *          -> analyzers (numbers, money, dates, entities)
 *          -> extractor (events, figures) -> merge -> writer or store
 *
 * A chr_engine holds what is loaded once (dictionaries, patterns) and is
 * immutable after chr_engine_open(), so threads may share it.  A chr_doc holds
 * everything made for one document in its own arena; chr_doc_reset() frees it
 * all at once so the next document reuses the memory.
 *
 * Functions return CHR_OK (0) or a negative CHR_E* status, and fill a
 * chr_error that the caller can print as "chronicle: FILE:LINE: message".
 */
#ifndef CHRONICLE_H
#define CHRONICLE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CHR_VERSION "0.1.0"

/* ---- status and errors ------------------------------------------------ */

enum {
    CHR_OK      = 0,
    CHR_DONE    = 1,    /* a reader has no more documents */
    CHR_EINPUT  = -1,   /* malformed input: reported, skipped, processing goes on */
    CHR_ENOMEM  = -2,
    CHR_EIO     = -3,   /* a file could not be opened or read */
    CHR_EDATA   = -4,   /* a dictionary or pattern file is invalid */
    CHR_EUSAGE  = -5,   /* a caller passed something meaningless */
    CHR_EINTERNAL = -6
};

typedef struct chr_error {
    int code;
    char file[512];     /* the input or data file, "" when none */
    long line;          /* 1-based line in that file, 0 when none */
    char msg[512];
} chr_error;

/* Fill err (when not NULL) and return code. */
int chr_error_set(chr_error *err, int code, const char *file, long line,
                  const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* "FILE:LINE: message" (or shorter when file or line are unknown). */
void chr_error_print(const chr_error *err, FILE *out, const char *prog);
const char *chr_status_name(int code);

/* ---- calendar days ----------------------------------------------------- */

/* A day is a count of days since 1970-01-01 (proleptic Gregorian). */
typedef int32_t chr_day;
#define CHR_DAY_NONE INT32_MIN

chr_day chr_day_from_ymd(int y, int m, int d);      /* CHR_DAY_NONE if invalid */
void    chr_day_to_ymd(chr_day day, int *y, int *m, int *d);
int     chr_day_weekday(chr_day day);                /* 0 = Monday .. 6 = Sunday */
/* Parse exactly "YYYY-MM-DD"; CHR_DAY_NONE when malformed or not a real day. */
chr_day chr_day_parse(const char *s, size_t n);
/* Write "YYYY-MM-DD" and a NUL into out[11]. */
void    chr_day_format(chr_day day, char out[11]);
int     chr_days_in_month(int y, int m);

/* ---- documents --------------------------------------------------------- */

/* One dated news article, as every reader produces it.  Strings are
 * NUL-terminated; optional ones are "" when absent.  text is raw input and
 * may hold invalid UTF-8: the text layer repairs it. */
typedef struct chr_document {
    const char *id;
    const char *date;       /* "YYYY-MM-DD" as given, "" when none */
    const char *title;
    const char *source;     /* the outlet */
    const char *url;
    const char *text;
    size_t text_len;
    const char *file;       /* where it was read from, for error messages */
    long line;              /* line of that file where the document starts */
} chr_document;

#ifdef __cplusplus
}
#endif

#endif
