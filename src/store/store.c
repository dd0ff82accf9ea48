/*
 * store.c - the backend-neutral face of the store: choose the backend,
 * dispatch to it, and turn a document the library has processed into what
 * the store keeps (its fields, sentence spans and records as the library's
 * writer prints them).
 */
#include "store/store_impl.h"

#include "core/doc.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int chr_store_open(chr_store **s, const char *path, int mode, chr_error *err)
{
    *s = NULL;
    if (!path || !*path) return chr_error_set(err, CHR_EUSAGE, NULL, 0, "no store path given");
    if (strncmp(path, "postgres://", 11) == 0 || strncmp(path, "postgresql://", 13) == 0)
        return chr_error_set(err, CHR_EUSAGE, path, 0,
                             "this chronicle was built without PostgreSQL; use an SQLite file");
    return chr_store_sqlite_open(s, path, mode, err);
}

void chr_store_close(chr_store *s)
{
    if (s) s->ops->close(s);
}

int chr_store_begin(chr_store *s, chr_error *err) { return s->ops->begin(s, err); }
int chr_store_commit(chr_store *s, chr_error *err) { return s->ops->commit(s, err); }
int chr_store_rollback(chr_store *s) { return s->ops->rollback(s); }

int chr_store_put_document(chr_store *s, const chr_store_doc *doc, int force,
                           int *outcome, chr_error *err)
{
    return s->ops->put_document(s, doc, force, outcome, err);
}

/* A stored document's outcome: SAME when doc hashes to stored. */
static int compare_hash(const char *stored, const chr_store_doc *doc)
{
    char hash[33];
    chr_store_doc_hash(doc, hash);
    return strcmp(stored, hash) == 0 ? CHR_STORE_SAME : CHR_STORE_CHANGED;
}

int chr_store_find_document(chr_store *s, const chr_store_doc *doc, int *outcome,
                            chr_error *err)
{
    char stored[33];
    int found, rc = s->ops->stored_hash(s, doc->id ? doc->id : "", stored, &found, err);
    *outcome = rc == CHR_OK && found ? compare_hash(stored, doc) : CHR_STORE_NEW;
    return rc;
}

int chr_store_find_input(chr_store *s, const chr_document *in, const char *pub_override,
                         int *outcome, chr_error *err)
{
    /* A new id needs no hash: most documents of a first ingest. */
    char stored[33];
    int found, rc = s->ops->stored_hash(s, in->id ? in->id : "", stored, &found, err);
    if (rc != CHR_OK || !found) {
        *outcome = CHR_STORE_NEW;
        return rc;
    }
    /* The text the library will keep: the input itself when it is valid
     * UTF-8 (no copy is made), else its repair. */
    chr_arena a;
    chr_arena_init(&a, 0);
    chr_store_doc sd;
    memset(&sd, 0, sizeof sd);
    if (chr_utf8_repair(&a, in->text ? in->text : "", in->text ? in->text_len : 0, &sd.text,
                        &sd.text_len) < 0) {
        rc = chr_error_set(err, CHR_ENOMEM, in->file, in->line, "out of memory");
    } else {
        sd.id = in->id;
        sd.date = pub_override ? pub_override : in->date;
        sd.title = in->title;
        sd.source = in->source;
        sd.url = in->url;
        *outcome = compare_hash(stored, &sd);
    }
    chr_arena_free(&a);
    return rc;
}

int chr_store_put_records(chr_store *s, const chr_record *recs, const char *const *json,
                          size_t n, chr_error *err)
{
    return s->ops->put_records(s, recs, json, n, err);
}

int chr_store_stories(chr_store *s, const chr_store_filter *f, chr_store_row_fn fn,
                      void *ctx, chr_error *err)
{
    return s->ops->stories(s, f, fn, ctx, err);
}

int chr_store_mentions(chr_store *s, const chr_store_filter *f, chr_store_row_fn fn,
                       void *ctx, chr_error *err)
{
    return s->ops->mentions(s, f, 0, fn, ctx, err);
}

int chr_store_mentions_stored(chr_store *s, const chr_store_filter *f,
                              chr_store_row_fn fn, void *ctx, chr_error *err)
{
    return s->ops->mentions(s, f, CHR_ROWS_STORED, fn, ctx, err);
}

int chr_store_figure_mentions(chr_store *s, const chr_store_filter *f,
                              chr_store_row_fn fn, void *ctx, chr_error *err)
{
    chr_store_filter g = *f;
    g.kind = CHR_REC_FIGURE;
    return s->ops->mentions(s, &g, CHR_ROWS_BY_DAY, fn, ctx, err);
}

int chr_store_totals(chr_store *s, chr_store_by by, const chr_store_filter *f,
                     chr_store_total_fn fn, void *ctx, chr_error *err)
{
    return s->ops->totals(s, by, -1, f, fn, ctx, err);
}

int chr_store_totals_split(chr_store *s, chr_store_by by, int split, const chr_store_filter *f,
                           chr_store_total_fn fn, void *ctx, chr_error *err)
{
    return s->ops->totals(s, by, split, f, fn, ctx, err);
}

int chr_store_describe(chr_store *s, chr_store_info *info, chr_error *err)
{
    return s->ops->describe(s, info, err);
}

int chr_store_data_version(chr_store *s, long long *version, chr_error *err)
{
    return s->ops->data_version(s, version, err);
}

int chr_store_document_get(chr_store *s, const char *doc_id, chr_store_document_fn fn,
                           void *ctx, int *found, chr_error *err)
{
    *found = 0;
    if (!doc_id || !*doc_id) return CHR_OK;
    return s->ops->document(s, doc_id, fn, ctx, found, err);
}

void chr_store_filter_init(chr_store_filter *f)
{
    memset(f, 0, sizeof *f);
    f->since = f->until = CHR_DAY_NONE;
}

static const char *const by_names[] = {"actor", "recipient", "month", "item", "status", "mode"};

int chr_store_by_parse(const char *name)
{
    for (int i = 0; i < (int)(sizeof by_names / sizeof *by_names); i++)
        if (name && strcmp(name, by_names[i]) == 0) return i;
    return -1;
}

const char *chr_store_by_name(chr_store_by by)
{
    return (int)by >= 0 && (size_t)by < sizeof by_names / sizeof *by_names ? by_names[by] : "";
}

chr_day chr_store_pub_day(const char *date)
{
    /* As the core reads it: YYYY-MM-DD, optionally followed by a time. */
    size_t n = date ? strlen(date) : 0;
    if (n < 10 || (n > 10 && date[10] != 'T' && date[10] != ' ')) return CHR_DAY_NONE;
    return chr_day_parse(date, 10);
}

/* Two 64-bit hashes side by side (FNV-1a and a multiply-rotate one), each
 * field followed by its length so that moving text between fields changes
 * the hash.  Only accidental change matters here, not an adversary. */
typedef struct hash2 {
    uint64_t a, b;
} hash2;

static void hash_bytes(hash2 *h, const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t a = h->a, b = h->b;
    for (size_t i = 0; i < n; i++) {
        a = (a ^ s[i]) * 0x100000001b3ULL;
        b = (b + s[i] + 1) * 0x9e3779b97f4a7c15ULL;
        b = (b << 23) | (b >> 41);
    }
    h->a = a;
    h->b = b;
}

static void hash_field(hash2 *h, const char *s, size_t n)
{
    uint64_t len = n;
    if (n) hash_bytes(h, s, n);
    hash_bytes(h, &len, sizeof len);
}

static void hash_str(hash2 *h, const char *s) { hash_field(h, s ? s : "", s ? strlen(s) : 0); }

void chr_store_doc_hash(const chr_store_doc *doc, char out[33])
{
    hash2 h = {0xcbf29ce484222325ULL, 0x2545f4914f6cdd1dULL};
    hash_str(&h, doc->date);
    hash_str(&h, doc->title);
    hash_str(&h, doc->source);
    hash_str(&h, doc->url);
    hash_field(&h, doc->text ? doc->text : "", doc->text ? doc->text_len : 0);
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)h.a, (unsigned long long)h.b);
}

int chr_store_put_processed(chr_store *s, const chr_doc *d, int force, int *outcome,
                            size_t *nrecords, chr_error *err)
{
    int rc = CHR_OK;
    uint32_t *spans = NULL;
    char *json = NULL;
    size_t json_len = 0;
    const char **lines = NULL;
    size_t nsent = chr_doc_nsentences(d), nrec = 0;
    const chr_record *recs = chr_doc_records(d, &nrec);

    if (nrecords) *nrecords = 0;
    if (nsent && !(spans = malloc(2 * nsent * sizeof *spans))) goto oom;
    for (size_t i = 0; i < nsent; i++) chr_doc_sentence(d, i, &spans[2 * i], &spans[2 * i + 1]);

    chr_store_doc sd;
    sd.id = d->id;
    sd.date = d->date_str;
    sd.title = d->title;
    sd.source = d->source;
    sd.url = d->url;
    sd.text = chr_doc_text(d, &sd.text_len);
    sd.sentences = spans;
    sd.nsentences = nsent;
    rc = chr_store_put_document(s, &sd, force, outcome, err);
    if (rc != CHR_OK || *outcome == CHR_STORE_SAME) goto done;

    /* The records exactly as `chronicle extract` prints them, one line
     * each: JSON strings escape newlines, so a newline ends a record. */
    if (nrec) {
        FILE *mem = open_memstream(&json, &json_len);
        if (!mem) goto oom;
        int wrc = chr_write_records(d, CHR_OUT_JSONL, mem);
        if (fclose(mem) != 0 || wrc != CHR_OK) goto oom;
        if (!(lines = malloc(nrec * sizeof *lines))) goto oom;
        size_t k = 0;
        for (char *p = json; k < nrec && p < json + json_len; k++) {
            char *nl = memchr(p, '\n', (size_t)(json + json_len - p));
            if (!nl) break;
            *nl = '\0';
            lines[k] = p;
            p = nl + 1;
        }
        if (k != nrec) {
            rc = chr_error_set(err, CHR_EINTERNAL, d->id, 0,
                               "the writer printed %zu records of %zu", k, nrec);
            goto done;
        }
    }
    rc = chr_store_put_records(s, recs, lines, nrec, err);
    if (rc == CHR_OK && nrecords) *nrecords = nrec;
    goto done;
oom:
    rc = chr_error_set(err, CHR_ENOMEM, d->id, 0, "out of memory");
done:
    free(lines);
    free(json);
    free(spans);
    return rc;
}
