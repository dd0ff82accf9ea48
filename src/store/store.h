/*
 * store.h - a queryable store of documents, their records and the stories
 * those records tell.
 *
 * The store sits after the core in the flow: the tool processes each
 * document with the library, then puts the document and its records here;
 * later commands ask for stories, mentions, totals and figures.  Nothing in
 * the core depends on it.
 *
 * A record is one mention of something in one document.  A story gathers the
 * mentions of the same event or figure across articles (stories.h says when
 * two mentions are the same thing).  Queries count stories unless they ask
 * for mentions.
 *
 * This header names no database: the functions below dispatch to a backend
 * chosen by chr_store_open() (SQLite today: a file path; PostgreSQL can sit
 * beside it behind the same calls).  Every filter value is passed to the
 * backend as a bound parameter, never spliced into a query.
 *
 * Strings handed to callbacks are valid only during the call.
 */
#ifndef CHR_STORE_H
#define CHR_STORE_H

#include "chronicle.h"

typedef struct chr_store chr_store;

/* ---- opening ---------------------------------------------------------- */

enum {
    CHR_STORE_READ = 0,     /* the store must exist and be a Chronicle store */
    CHR_STORE_WRITE = 1     /* created when missing; older schemas migrated */
};

/* The schema version this build writes (PRAGMA user_version for SQLite). */
#define CHR_STORE_SCHEMA 2

/* Open the store at path.  A missing file (for reading), a file that is not
 * a Chronicle store, a corrupt file or a schema newer than this build fail
 * with a status and a message naming the file; *s is then NULL. */
int  chr_store_open(chr_store **s, const char *path, int mode, chr_error *err);
void chr_store_close(chr_store *s);

/* Group writes: everything between begin and commit lands at once or not at
 * all, so a process killed at any moment leaves a consistent store. */
int chr_store_begin(chr_store *s, chr_error *err);
int chr_store_commit(chr_store *s, chr_error *err);
int chr_store_rollback(chr_store *s);

/* ---- writing ------------------------------------------------------------ */

/* A document as the store keeps it.  Strings are NUL-terminated ("" when
 * absent); sentences holds start,end byte offsets, two per sentence. */
typedef struct chr_store_doc {
    const char *id, *date, *title, *source, *url;
    const char *text;
    size_t text_len;
    const uint32_t *sentences;
    size_t nsentences;
} chr_store_doc;

/* What chr_store_put_document found. */
enum {
    CHR_STORE_NEW = 0,      /* a document id not seen before */
    CHR_STORE_CHANGED = 1,  /* a known id with new content: old records removed */
    CHR_STORE_SAME = 2      /* same id, same content: nothing to do */
};

/* Store a document (inside begin/commit).  The content hash covers the date,
 * title, source, url and text.  With force, a document with unchanged
 * content is treated as changed (its records are made again).  After NEW or
 * CHANGED the caller puts the document's records. */
int chr_store_put_document(chr_store *s, const chr_store_doc *doc, int force,
                           int *outcome, chr_error *err);
/* What chr_store_put_document would find for doc, without changing
 * anything: CHR_STORE_NEW, CHANGED or SAME (its sentences do not count).
 * Inside a transaction, the documents put in it count. */
int chr_store_find_document(chr_store *s, const chr_store_doc *doc, int *outcome,
                            chr_error *err);
/* The same for a document as a reader gives it, before the library
 * processes it: its text as the library will repair it, and pub_override as
 * chr_doc_process takes it.  SAME means processing and putting it would
 * change nothing, so the processing can be skipped. */
int chr_store_find_input(chr_store *s, const chr_document *in, const char *pub_override,
                         int *outcome, chr_error *err);
/* Add the records of the document last put, and merge each into a story.
 * json[i], when json and json[i] are not NULL, is record i as the contract's
 * JSON object (one line, no newline); export writes it back unchanged. */
int chr_store_put_records(chr_store *s, const chr_record *recs,
                          const char *const *json, size_t n, chr_error *err);

/* Both of the above for a document the library has processed: its id, date,
 * title, outlet, url, text, sentence spans, and records written by the
 * library's JSON Lines writer.  *nrecords (when not NULL) gets the number of
 * records stored (0 when the document was unchanged). */
int chr_store_put_processed(chr_store *s, const chr_doc *d, int force,
                            int *outcome, size_t *nrecords, chr_error *err);

/* ---- reading ------------------------------------------------------------ */

/* What a query selects.  A story is selected when at least one of its
 * mentions passes every filter; a mention when it does.  NULL or 0 fields
 * do not filter.  Values compare whole and in any case ("aid" is AID). */
typedef struct chr_store_filter {
    int kind;                   /* 0, CHR_REC_EVENT or CHR_REC_FIGURE */
    const char *type, *mode, *status;
    const char *actor, *recipient;          /* actor codes */
    const char *item;                       /* an item name or class */
    const char *metric, *population, *side;
    const char *source;         /* the reported source, or the outlet */
    const char *doc_id;
    chr_day since, until;       /* the mention's days overlap [since, until] */
    long long story;            /* one story (its number); 0: any */
    long limit;                 /* at most this many rows; 0: all */
    long offset;                /* skip this many rows first */
} chr_store_filter;

void chr_store_filter_init(chr_store_filter *f);

/* The largest limit or offset a filter takes. */
#define CHR_STORE_LIMIT_MAX 2147483647L

/* Set the filter called name from the string value, as the tool's options
 * and the server's query parameters give them: kind type mode status actor
 * recipient item metric population side source doc (text, not empty) since
 * until (YYYY, YYYY-MM or YYYY-MM-DD) story limit offset (numbers).  f keeps
 * pointing at value.  A bad value or an unknown name is CHR_EUSAGE with a
 * message that names the filter. */
int chr_store_filter_set(chr_store_filter *f, const char *name, const char *value,
                         chr_error *err);
/* 1 when name is a filter chr_store_filter_set knows. */
int chr_store_filter_known(const char *name);
/* YYYY, YYYY-MM or YYYY-MM-DD as the first day it covers (with last, the
 * last); CHR_DAY_NONE when malformed. */
chr_day chr_store_day_parse(const char *s, int last);

typedef struct chr_store_item {
    const char *name;           /* the canonical name, else the class */
    double count;
    int has_count;
} chr_store_item;

/* One row of a query: a story, or one mention of it.  Days are "YYYY-MM-DD"
 * or "" when absent; numbers carry a has_ flag. */
typedef struct chr_store_row {
    long long story;
    int kind;                   /* CHR_REC_EVENT or CHR_REC_FIGURE */
    const char *type, *mode, *status;
    const char *actor, *recipient;
    int symmetric;
    const char *date_start, *date_end;      /* events: when it happened */
    int has_money;
    double money;
    const char *currency;
    const char *metric, *population, *side, *qual;
    int has_value;
    double value, max;                      /* max for qual "range" */
    const char *as_of, *since;              /* figures */
    const chr_store_item *items;
    size_t nitems;
    /* stories */
    long mentions, documents, nsources;
    const char *const *sources;             /* the distinct sources, sorted */
    const char *first_seen, *last_seen;     /* publication days of its mentions */
    /* mentions */
    const char *doc_id, *published, *outlet, *source, *source_kind;
    long sent;
    unsigned span_start, span_end;
    const char *sentence;
    const char *json;                       /* as put, or NULL */
} chr_store_row;

/* Called per row; a non-zero return stops the query (and is returned). */
typedef int (*chr_store_row_fn)(const chr_store_row *row, void *ctx);

/* Stories, newest first (by their date, else their last publication day;
 * figures by as_of). */
int chr_store_stories(chr_store *s, const chr_store_filter *f,
                      chr_store_row_fn fn, void *ctx, chr_error *err);
/* Mentions, newest publication first, in document order within one. */
int chr_store_mentions(chr_store *s, const chr_store_filter *f,
                       chr_store_row_fn fn, void *ctx, chr_error *err);
/* Mentions in the order they were stored (for export). */
int chr_store_mentions_stored(chr_store *s, const chr_store_filter *f,
                              chr_store_row_fn fn, void *ctx, chr_error *err);
/* Figure mentions (kind figure implied), newest day first: the day each
 * figure stands at (as_of), else its article's publication day. */
int chr_store_figure_mentions(chr_store *s, const chr_store_filter *f,
                              chr_store_row_fn fn, void *ctx, chr_error *err);

/* Totals over event stories, grouped. */
typedef enum chr_store_by {
    CHR_BY_ACTOR = 0, CHR_BY_RECIPIENT, CHR_BY_MONTH, CHR_BY_ITEM, CHR_BY_STATUS, CHR_BY_MODE
} chr_store_by;

/* "actor", "recipient", "month", "item", "status", "mode" -> chr_store_by;
 * -1 when unknown.  chr_store_by_name() is the way back. */
int chr_store_by_parse(const char *name);
const char *chr_store_by_name(chr_store_by by);

/* One total: for a group (an actor code, a month "YYYY-MM", an item), the
 * unit is "stories" (total = how many), a currency (total = the money of
 * those stories) or "items" (total = the item counts: within a story each
 * item counts once, at its largest reported count). */
typedef struct chr_store_total {
    const char *group;          /* "" when the stories have none */
    const char *split;          /* the second key's value ("" when none);
                                 * NULL without a second key */
    const char *unit;
    double total;
    long stories, sources;
} chr_store_total;

typedef int (*chr_store_total_fn)(const chr_store_total *t, void *ctx);

int chr_store_totals(chr_store *s, chr_store_by by, const chr_store_filter *f,
                     chr_store_total_fn fn, void *ctx, chr_error *err);
/* The same, each group split by a second key (split != by), or not split
 * when split is -1: one row per group, split value and unit.  An item key
 * counts a story under each of its items, and gives no money rows. */
int chr_store_totals_split(chr_store *s, chr_store_by by, int split,
                           const chr_store_filter *f, chr_store_total_fn fn, void *ctx,
                           chr_error *err);

/* Sizes, for reports and tests. */
typedef struct chr_store_info {
    int schema;
    long long documents, records, stories;
} chr_store_info;

int chr_store_describe(chr_store *s, chr_store_info *info, chr_error *err);

/* A number that changes whenever another connection commits to the store:
 * what was read through s is still true while it stays the same.  Compare
 * only numbers from the same handle. */
int chr_store_data_version(chr_store *s, long long *version, chr_error *err);

/* One record of a stored document: its story, what it is, the sentence it
 * was read from (number and byte span in the text) and the rule that made
 * it ("" when not kept). */
typedef struct chr_store_doc_record {
    long long story;
    int kind;
    const char *type, *metric, *rule;
    long sent;
    unsigned start, end;
} chr_store_doc_record;

/* A stored document (its source is the outlet) with its records in
 * document order. */
typedef struct chr_store_document {
    chr_store_doc doc;
    const chr_store_doc_record *records;
    size_t nrecords;
} chr_store_document;

typedef int (*chr_store_document_fn)(const chr_store_document *d, void *ctx);

/* Call fn with the document whose id is doc_id, when there is one (*found
 * says whether there was); fn's return, when not 0, is returned. */
int chr_store_document_get(chr_store *s, const char *doc_id, chr_store_document_fn fn,
                           void *ctx, int *found, chr_error *err);

/* ---- output ---------------------------------------------------------------- */

typedef enum chr_store_fmt { CHR_STORE_JSONL = 0, CHR_STORE_CSV } chr_store_fmt;

/* Write rows: JSON Lines (one object per row; a mention as its stored record
 * with "story", "published" and "outlet" added) or CSV (RFC 4180, CRLF).
 * Write the header once before the rows (nothing for JSON Lines). */
int chr_store_write_header(FILE *out, chr_store_fmt fmt, int mentions);
int chr_store_write_row(FILE *out, chr_store_fmt fmt, int mentions,
                        const chr_store_row *row);
int chr_store_write_total_header(FILE *out, chr_store_fmt fmt, chr_store_by by);
int chr_store_write_total(FILE *out, chr_store_fmt fmt, chr_store_by by,
                          const chr_store_total *t);

/* Append a row to b as one JSON object (no newline), as the JSON Lines of
 * chr_store_write_row print it. */
struct chr_buf;
void chr_store_json_row(struct chr_buf *b, int mentions, const chr_store_row *row);

/* Every selected mention in stored order: JSON Lines exactly as extract
 * wrote the records, or CSV with the columns of chr_store_write_header. */
int chr_store_export(chr_store *s, const chr_store_filter *f, chr_store_fmt fmt,
                     FILE *out, chr_error *err);

#endif
