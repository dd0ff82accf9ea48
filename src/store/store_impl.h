/*
 * store_impl.h - what a store backend provides behind store.h: a table of
 * operations that chr_store's functions dispatch to.  A backend's handle
 * starts with a struct chr_store whose ops point at its table.
 */
#ifndef CHR_STORE_IMPL_H
#define CHR_STORE_IMPL_H

#include "store/store.h"

typedef struct chr_store_ops {
    void (*close)(chr_store *s);
    int (*begin)(chr_store *s, chr_error *err);
    int (*commit)(chr_store *s, chr_error *err);
    int (*rollback)(chr_store *s);
    int (*put_document)(chr_store *s, const chr_store_doc *doc, int force,
                        int *outcome, chr_error *err);
    /* the content hash stored for document id; *found 0 when none */
    int (*stored_hash)(chr_store *s, const char *id, char hash[33], int *found,
                       chr_error *err);
    int (*put_records)(chr_store *s, const chr_record *recs,
                       const char *const *json, size_t n, chr_error *err);
    int (*stories)(chr_store *s, const chr_store_filter *f, chr_store_row_fn fn,
                   void *ctx, chr_error *err);
    /* flags: CHR_ROWS_* */
    int (*mentions)(chr_store *s, const chr_store_filter *f, unsigned flags,
                    chr_store_row_fn fn, void *ctx, chr_error *err);
    /* split: a second chr_store_by, or -1 */
    int (*totals)(chr_store *s, chr_store_by by, int split, const chr_store_filter *f,
                  chr_store_total_fn fn, void *ctx, chr_error *err);
    int (*describe)(chr_store *s, chr_store_info *info, chr_error *err);
    int (*document)(chr_store *s, const char *doc_id, chr_store_document_fn fn, void *ctx,
                    int *found, chr_error *err);
    int (*data_version)(chr_store *s, long long *version, chr_error *err);
} chr_store_ops;

enum {
    CHR_ROWS_STORED = 1,    /* in the order they were stored, not newest first */
    CHR_ROWS_JSON = 2,      /* only the record's JSON is wanted (no items, no
                             * sentence when the JSON is there) */
    CHR_ROWS_BY_DAY = 4     /* newest day they are about first, not newest
                             * publication */
};

struct chr_store {
    const chr_store_ops *ops;
};

int chr_store_sqlite_open(chr_store **s, const char *path, int mode, chr_error *err);

/* The content hash of a document as text: 32 hex digits and a NUL. */
void chr_store_doc_hash(const chr_store_doc *doc, char out[33]);

/* The publication day of a "YYYY-MM-DD[...]" date, or CHR_DAY_NONE. */
chr_day chr_store_pub_day(const char *date);

#endif
