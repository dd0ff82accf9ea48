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
/* Write "YYYY-MM-DD" and a NUL into out[11]; "" for CHR_DAY_NONE and for
 * years outside 1..9999, which have no such form. */
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


/* ---- records ------------------------------------------------------------
 *
 * What the extractor writes (docs/records.md).  Enumerated values (qual,
 * status, role, class, ...) are the contract's lower/upper-case strings.
 * Strings live in the document's arena; "" or NULL means absent.        */

typedef struct chr_rcount {
    const char *text;
    double value;
    double max;             /* for qual "range" */
    const char *qual;       /* "exact", "approx", "more_than", ... */
    int present;
} chr_rcount;

typedef struct chr_ramount {
    chr_rcount count;
    char currency[4];       /* ISO 4217 */
} chr_ramount;

typedef struct chr_rdate {
    const char *text;
    chr_day start, end;     /* CHR_DAY_NONE when unresolved */
    int present;
} chr_rdate;

typedef struct chr_ractor {
    const char *text;
    const char *name;
    char code[8];           /* ISO 3166-1 alpha-3 or an organisation code */
    char role[4];           /* GOV MIL CVL MED REB BUS IGO NGO, or "" */
} chr_ractor;

typedef struct chr_rplace {
    const char *text;
    const char *name;
    char country[4];
} chr_rplace;

typedef struct chr_ritem {
    const char *text;
    const char *name;       /* canonical system name, or NULL */
    const char *cls;        /* air-defence, anti-tank, ... */
    chr_rcount count;
} chr_ritem;

typedef struct chr_rsource {
    const char *text;
    const char *name;
    const char *kind;       /* media government igo ngo person unnamed; NULL: none */
} chr_rsource;

enum { CHR_REC_EVENT = 1, CHR_REC_FIGURE = 2 };

typedef struct chr_record {
    int kind;                       /* CHR_REC_EVENT or CHR_REC_FIGURE */
    uint32_t sent;                  /* sentence index in the document */
    uint32_t start, end;            /* byte span of that sentence in the text */
    const char *rule;               /* which pattern made it */
    chr_rsource source;
    /* events */
    const char *type, *mode, *cameo, *status;
    int symmetric;
    chr_ractor actor, recipient;
    chr_rdate date;
    chr_rplace location;
    chr_ramount money;
    chr_ritem *items;
    size_t nitems;
    chr_rcount dead, injured;
    /* figures */
    const char *metric;
    chr_rcount value;
    const char *population;
    char side[8];
    chr_rplace place;
    chr_day as_of, since;           /* CHR_DAY_NONE when absent */
} chr_record;

/* ---- the engine and the documents it processes --------------------------- */

typedef struct chr_engine chr_engine;
typedef struct chr_doc chr_doc;

typedef struct chr_engine_options {
    const char *data_dir;           /* the bundled data; NULL: chr_data_dir() */
    const char *const *dict_files;  /* extra user dictionaries, loaded on top */
    size_t ndict_files;
} chr_engine_options;

/* Where the bundled data files are: the installed data directory, or the
 * source tree's data/ beside the running tool. */
const char *chr_data_dir(void);

/* Load and validate everything: the bundled data, then the user's
 * dictionaries (every .txt file of the directory $CHRONICLE_DATA, then
 * opt->dict_files).  A bad file fails with CHR_EDATA and FILE:LINE in err. */
int  chr_engine_open(chr_engine **e, const chr_engine_options *opt, chr_error *err);
void chr_engine_close(chr_engine *e);
/* What was loaded: sizes of the knowledge base, patterns and lexicon. */
void chr_engine_describe(const chr_engine *e, FILE *out);

/* What chr_doc_process runs: the text layer always, then these. */
enum {
    CHR_STAGE_TEXT     = 0,
    CHR_STAGE_NUMBERS  = 1 << 0,
    CHR_STAGE_DATES    = 1 << 1,
    CHR_STAGE_ENTITIES = 1 << 2,
    CHR_STAGE_EXTRACT  = 1 << 3,
    CHR_STAGE_TRACE    = 1 << 4,    /* keep the extractor's explanation */
    /* With EXTRACT (and without TRACE): look for numbers and dates only in
     * the sentences that may hold a record.  The records are the same and
     * come faster; the document's mentions then lack the others. */
    CHR_STAGE_LEAN     = 1 << 5,
    CHR_STAGE_ANALYZE  = CHR_STAGE_NUMBERS | CHR_STAGE_DATES | CHR_STAGE_ENTITIES,
    CHR_STAGE_ALL      = CHR_STAGE_ANALYZE | CHR_STAGE_EXTRACT,
    CHR_STAGE_RECORDS  = CHR_STAGE_ALL | CHR_STAGE_LEAN     /* records, and only them */
};

chr_doc *chr_doc_new(void);
void     chr_doc_free(chr_doc *d);
/* Process one document.  The document's strings are copied into the doc's
 * arena (the reader's may go away).  pub_override, when not NULL, replaces
 * the publication date.  Returns CHR_OK, or CHR_ENOMEM. */
int chr_doc_process(const chr_engine *e, chr_doc *d, const chr_document *in,
                    const char *pub_override, unsigned stages, chr_error *err);

const char *chr_doc_id(const chr_doc *d);
chr_day     chr_doc_date(const chr_doc *d);        /* CHR_DAY_NONE: no usable date */
int         chr_doc_date_invalid(const chr_doc *d);/* a date was given but is not a day */
const char *chr_doc_text(const chr_doc *d, size_t *len);
size_t      chr_doc_nsentences(const chr_doc *d);
void        chr_doc_sentence(const chr_doc *d, size_t i, uint32_t *start, uint32_t *end);
const chr_record *chr_doc_records(const chr_doc *d, size_t *n);
/* With CHR_STAGE_TRACE: sentence by sentence, the tokens and their tags,
 * phrases, clauses, mentions, and which rule made or refused each record. */
const char *chr_doc_trace(const chr_doc *d);

/* ---- writers --------------------------------------------------------------- */

typedef enum chr_outfmt { CHR_OUT_JSONL = 0, CHR_OUT_CSV, CHR_OUT_CAMEO } chr_outfmt;

/* Mention kinds for chr_write_mentions, as a bit mask of 1 << kind. */
#define CHR_KINDS_ALL 0xFFFFu
/* Parse "number,money,date,actor,place,item,source" into a mask; 0 when a
 * name is unknown. */
unsigned chr_kinds_parse(const char *list);

int chr_write_records(const chr_doc *d, chr_outfmt fmt, FILE *out);
/* The CSV header row for CHR_OUT_CSV (write it once, before any record). */
int chr_write_records_header(chr_outfmt fmt, FILE *out);
int chr_write_sentences(const chr_doc *d, FILE *out);
int chr_write_mentions(const chr_doc *d, unsigned kinds, FILE *out);

#ifdef __cplusplus
}
#endif

#endif
