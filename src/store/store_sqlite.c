/*
 * store_sqlite.c - the store in one SQLite file (tables in schema.c).
 *
 * Writing: the tool groups documents into transactions (store.h's
 * begin/commit).  The file is in WAL mode with synchronous=NORMAL: a commit
 * survives the process being killed, and a transaction cut short leaves no
 * trace, so a store is consistent whenever a writer dies and a rerun picks
 * up where the last commit left off.  Readers see the last commit while a
 * writer works.
 *
 * Each record put joins a story (stories.h): the stories with the same key
 * whose core overlaps the record's window are candidates, nearest first, and
 * the first that accepts it takes it; otherwise it starts a story.  The
 * counts a story shows (mentions, documents, sources) are kept as records
 * arrive; when a changed document takes its records away, each story they
 * were in is rebuilt from the mentions it has left, or dropped when none.
 *
 * Reading: queries are built from the filter with one bound parameter per
 * value.  Conditions that hold for all mentions of a story alike (kind,
 * type, mode, metric, population, side) are tested on stories; the others
 * on mentions, selecting the stories that have a passing one.
 */
#include "store/schema.h"
#include "store/store_impl.h"
#include "store/stories.h"
#include "util/arena.h"
#include "util/buf.h"

#include <errno.h>
#include <sqlite3.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- prepared statements -------------------------------------------------- */

enum {
    S_DOC_FIND, S_DOC_INSERT, S_DOC_UPDATE, S_DOC_NRECORDS, S_TEXT_PUT,
    S_DOC_STORIES, S_DEL_ITEMS, S_DEL_JSON, S_DEL_RECORDS,
    S_STORY_CANDIDATES, S_STORY_HAS_DOC, S_STORY_HAS_SRC, S_STORY_INSERT,
    S_STORY_UPDATE, S_STORY_MENTIONS, S_STORY_DELETE, S_STORY_RECOUNT,
    S_RECORD_INSERT, S_ITEM_INSERT, S_JSON_INSERT,
    S_STORY_ITEMS, S_STORY_SOURCES, S_RECORD_ITEMS,
    NSTMT
};

static const char *const stmt_sql[NSTMT] = {
    [S_DOC_FIND] = "SELECT id, hash FROM documents WHERE doc_id = ?1",
    [S_DOC_INSERT] =
        "INSERT INTO documents(doc_id, date, day, title, source, url, hash) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [S_DOC_UPDATE] =
        "UPDATE documents SET date = ?2, day = ?3, title = ?4, source = ?5, url = ?6, "
        "hash = ?7, nrecords = 0 WHERE id = ?1",
    [S_DOC_NRECORDS] = "UPDATE documents SET nrecords = nrecords + ?2 WHERE id = ?1",
    [S_TEXT_PUT] = "INSERT OR REPLACE INTO texts(doc, text, sentences) VALUES (?1, ?2, ?3)",
    [S_DOC_STORIES] = "SELECT DISTINCT story FROM records WHERE doc = ?1",
    [S_DEL_ITEMS] =
        "DELETE FROM record_items WHERE record IN (SELECT id FROM records WHERE doc = ?1)",
    [S_DEL_JSON] =
        "DELETE FROM record_json WHERE record IN (SELECT id FROM records WHERE doc = ?1)",
    [S_DEL_RECORDS] = "DELETE FROM records WHERE doc = ?1",
    [S_STORY_CANDIDATES] =
        "SELECT id, dated, core_lo, core_hi, money, currency, status, first_seen, "
        "last_seen, lo, hi FROM stories "
        "WHERE key = ?1 AND core_hi >= ?2 AND core_lo <= ?3 "
        "ORDER BY abs((core_lo + core_hi) - (?2 + ?3)), id DESC LIMIT 64",
    [S_STORY_HAS_DOC] = "SELECT 1 FROM records WHERE story = ?1 AND doc = ?2 LIMIT 1",
    [S_STORY_HAS_SRC] = "SELECT 1 FROM records WHERE story = ?1 AND src = ?2 LIMIT 1",
    [S_STORY_INSERT] =
        "INSERT INTO stories(key, kind, type, mode, actor, recipient, symmetric, metric, "
        "population, side, value, max, qual, since, dated, core_lo, core_hi, date_start, "
        "date_end, money, currency, status, first_seen, last_seen, day, lo, hi, mentions, "
        "documents, sources) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
        "?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?29, ?30, ?26, ?27, ?28)",
    [S_STORY_UPDATE] =
        "UPDATE stories SET dated = ?15, core_lo = ?16, core_hi = ?17, date_start = ?18, "
        "date_end = ?19, money = ?20, currency = ?21, status = ?22, first_seen = ?23, "
        "last_seen = ?24, day = ?25, lo = ?29, hi = ?30, mentions = mentions + ?26, "
        "documents = documents + ?27, sources = sources + ?28 WHERE id = ?1",
    [S_STORY_MENTIONS] =
        "SELECT r.kind, r.dated, r.lo, r.hi, r.money, r.currency, r.status, d.day "
        "FROM records r JOIN documents d ON d.id = r.doc WHERE r.story = ?1 ORDER BY r.id",
    [S_STORY_DELETE] = "DELETE FROM stories WHERE id = ?1",
    [S_STORY_RECOUNT] =
        "UPDATE stories SET mentions = (SELECT count(*) FROM records WHERE story = ?1), "
        "documents = (SELECT count(DISTINCT doc) FROM records WHERE story = ?1), "
        "sources = (SELECT count(DISTINCT src) FROM records WHERE story = ?1) WHERE id = ?1",
    [S_RECORD_INSERT] =
        "INSERT INTO records(doc, n, story, kind, type, mode, cameo, status, actor, "
        "actor_role, recipient, recipient_role, symmetric, dated, date_start, date_end, "
        "money, currency, metric, value, max, qual, population, side, as_of, since, "
        "source, source_kind, outlet, src, lo, hi, sent, span_start, span_end) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
        "?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, "
        "?33, ?34, ?35)",
    [S_ITEM_INSERT] =
        "INSERT INTO record_items(record, n, name, class, count) VALUES (?1, ?2, ?3, ?4, ?5)",
    [S_JSON_INSERT] = "INSERT INTO record_json(record, json) VALUES (?1, ?2)",
    /* Within a story an item counts once, at its largest reported count. */
    [S_STORY_ITEMS] =
        "SELECT coalesce(i.name, i.class) AS item, max(i.count) FROM record_items i "
        "JOIN records r ON r.id = i.record WHERE r.story = ?1 "
        "GROUP BY item ORDER BY min(r.id), min(i.n)",
    [S_STORY_SOURCES] =
        "SELECT DISTINCT src FROM records WHERE story = ?1 AND src IS NOT NULL ORDER BY src",
    [S_RECORD_ITEMS] =
        "SELECT coalesce(name, class), count FROM record_items WHERE record = ?1 ORDER BY n",
};

typedef struct sq_store {
    chr_store base;
    sqlite3 *db;
    char *path;
    int writable;
    int in_tx;
    long long doc;          /* rowid of the document last put, 0: none */
    chr_day doc_pub;
    char *outlet;           /* its outlet, NULL when none */
    sqlite3_stmt *st[NSTMT];
    chr_arena scratch;      /* what one row of a query needs */
} sq_store;

static int fail(sq_store *q, chr_error *err)
{
    return chr_sqlite_error(q->db, q->path, sqlite3_errcode(q->db), err);
}

/* A statement ready to bind: prepared once, reset and cleared each use. */
static sqlite3_stmt *stmt(sq_store *q, int which, chr_error *err)
{
    sqlite3_stmt *st = q->st[which];
    if (!st) {
        if (sqlite3_prepare_v3(q->db, stmt_sql[which], -1, SQLITE_PREPARE_PERSISTENT,
                               &q->st[which], NULL) != SQLITE_OK) {
            fail(q, err);
            return NULL;
        }
        return q->st[which];
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return st;
}

/* Run a statement that returns no rows. */
static int run(sq_store *q, sqlite3_stmt *st, chr_error *err)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? CHR_OK : fail(q, err);
}

static int exec(sq_store *q, const char *sql, chr_error *err)
{
    return sqlite3_exec(q->db, sql, NULL, NULL, NULL) == SQLITE_OK ? CHR_OK : fail(q, err);
}

/* Absent strings are NULL in the store, never "". */
static void bind_str(sqlite3_stmt *st, int i, const char *s)
{
    if (s && *s) sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
    else sqlite3_bind_null(st, i);
}

static void bind_day_text(sqlite3_stmt *st, int i, chr_day day)
{
    if (day == CHR_DAY_NONE) {
        sqlite3_bind_null(st, i);
        return;
    }
    char s[11];
    chr_day_format(day, s);
    sqlite3_bind_text(st, i, s, 10, SQLITE_TRANSIENT);
}

static void bind_day(sqlite3_stmt *st, int i, chr_day day)
{
    if (day == CHR_DAY_NONE) sqlite3_bind_null(st, i);
    else sqlite3_bind_int64(st, i, day);
}

static void bind_count(sqlite3_stmt *st, int i, const chr_rcount *c)
{
    if (c->present) sqlite3_bind_double(st, i, c->value);
    else sqlite3_bind_null(st, i);
}

/* A figure's value to parameters i, i + 1 (the top of a range) and i + 2
 * (its qualifier). */
static void bind_value(sqlite3_stmt *st, int i, const chr_rcount *v)
{
    bind_count(st, i, v);
    if (!v->present) return;
    if (v->qual && strcmp(v->qual, "range") == 0) sqlite3_bind_double(st, i + 1, v->max);
    bind_str(st, i + 2, v->qual ? v->qual : "exact");
}

static const char *col_str(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

static chr_day col_day_text(sqlite3_stmt *st, int i)
{
    const char *t = col_str(st, i);
    return *t ? chr_day_parse(t, strlen(t)) : CHR_DAY_NONE;
}

static chr_day col_day(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? CHR_DAY_NONE
                                                     : (chr_day)sqlite3_column_int64(st, i);
}

/* Money in columns i (amount) and i + 1 (currency); 0 when there is none. */
static int col_money(sqlite3_stmt *st, int i, double *money, char currency[4])
{
    if (sqlite3_column_type(st, i) == SQLITE_NULL) return 0;
    *money = sqlite3_column_double(st, i);
    snprintf(currency, 4, "%s", col_str(st, i + 1));
    return 1;
}

/* ---- opening ------------------------------------------------------------------ */

static void sq_close(chr_store *s)
{
    sq_store *q = (sq_store *)s;
    if (q->in_tx) sqlite3_exec(q->db, "ROLLBACK", NULL, NULL, NULL);
    for (int i = 0; i < NSTMT; i++) sqlite3_finalize(q->st[i]);
    sqlite3_close(q->db);
    chr_arena_free(&q->scratch);
    free(q->outlet);
    free(q->path);
    free(q);
}

static const chr_store_ops sqlite_ops;

int chr_store_sqlite_open(chr_store **out, const char *path, int mode, chr_error *err)
{
    struct stat sb;
    int exists = stat(path, &sb) == 0;
    *out = NULL;
    if (exists && S_ISDIR(sb.st_mode))
        return chr_error_set(err, CHR_EIO, path, 0, "is a directory, not a store");
    if (!exists && mode == CHR_STORE_READ)
        return chr_error_set(err, CHR_EIO, path, 0,
                             "no store here (%s); make one with chronicle ingest",
                             strerror(errno));

    sq_store *q = calloc(1, sizeof *q);
    if (!q || !(q->path = strdup(path))) {
        free(q);
        return chr_error_set(err, CHR_ENOMEM, path, 0, "out of memory");
    }
    q->base.ops = &sqlite_ops;
    q->writable = mode == CHR_STORE_WRITE;
    chr_arena_init(&q->scratch, 16 * 1024);

    int flags = q->writable ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
    int rc = CHR_OK;
    if (sqlite3_open_v2(path, &q->db, flags, NULL) != SQLITE_OK) {
        if (!q->db) rc = chr_error_set(err, CHR_ENOMEM, path, 0, "out of memory");
        else rc = chr_error_set(err, CHR_EIO, path, 0, "cannot open the store: %s",
                                sqlite3_errmsg(q->db));
        goto fail;
    }
    sqlite3_busy_timeout(q->db, 30000);

    int version = 0;
    /* Reading the version is the first access to the file: a file that is
     * not a database at all fails here, before anything is written. */
    if ((rc = chr_schema_version(q->db, path, &version, err)) != CHR_OK) goto fail;
    if (q->writable) {
        if ((rc = exec(q, "PRAGMA journal_mode = WAL", err)) != CHR_OK) goto fail;
        if ((rc = exec(q, "PRAGMA synchronous = NORMAL", err)) != CHR_OK) goto fail;
        if ((rc = chr_schema_migrate(q->db, path, err)) != CHR_OK) goto fail;
    } else if (version == 0) {
        rc = chr_error_set(err, CHR_EINPUT, path, 0,
                           "not a Chronicle store: the database is empty");
        goto fail;
    } else if (version > CHR_STORE_SCHEMA) {
        rc = chr_error_set(err, CHR_EINPUT, path, 0,
                           "the store has schema %d, newer than this Chronicle's %d: "
                           "use a newer chronicle", version, CHR_STORE_SCHEMA);
        goto fail;
    } else if (version < CHR_STORE_SCHEMA) {
        rc = chr_error_set(err, CHR_EINPUT, path, 0,
                           "the store has the older schema %d: run chronicle ingest on it "
                           "once to bring it up to date", version);
        goto fail;
    }
    exec(q, "PRAGMA cache_size = -65536", NULL);
    exec(q, "PRAGMA temp_store = MEMORY", NULL);
    *out = &q->base;
    return CHR_OK;
fail:
    sq_close(&q->base);
    return rc;
}

static int sq_begin(chr_store *s, chr_error *err)
{
    sq_store *q = (sq_store *)s;
    if (q->in_tx) return CHR_OK;
    /* IMMEDIATE takes the write lock now, so that two writers wait for
     * each other instead of failing half-way through a batch. */
    int rc = exec(q, "BEGIN IMMEDIATE", err);
    if (rc == CHR_OK) q->in_tx = 1;
    return rc;
}

static int sq_commit(chr_store *s, chr_error *err)
{
    sq_store *q = (sq_store *)s;
    if (!q->in_tx) return CHR_OK;
    int rc = exec(q, "COMMIT", err);
    if (rc == CHR_OK) q->in_tx = 0;
    return rc;
}

static int sq_rollback(chr_store *s)
{
    sq_store *q = (sq_store *)s;
    if (!q->in_tx) return CHR_OK;
    q->in_tx = 0;
    q->doc = 0;
    return sqlite3_exec(q->db, "ROLLBACK", NULL, NULL, NULL) == SQLITE_OK ? CHR_OK : CHR_EIO;
}

/* ---- stories -------------------------------------------------------------------- */

/* Bind a story's state to parameters 15..25, 29 and 30 of an insert or
 * update, and to 26..28 the mentions, documents and sources it gains. */
static void story_write(sqlite3_stmt *st, const chr_story_state *s, int add_mentions,
                        int add_docs, int add_sources)
{
    int ev = s->kind == CHR_REC_EVENT;
    chr_day d0 = CHR_DAY_NONE, d1 = CHR_DAY_NONE, day;
    if (ev && s->dated) {
        d0 = (chr_day)s->lo;
        d1 = (chr_day)s->hi;
    } else if (!ev) {
        d0 = d1 = s->min_day;
    }
    /* Newest first: by the story's date, else when it was last reported. */
    day = ev ? (s->dated ? d1 : s->last_pub) : s->min_day;
    sqlite3_bind_int(st, 15, s->dated);
    sqlite3_bind_int64(st, 16, s->lo);
    sqlite3_bind_int64(st, 17, s->hi);
    bind_day_text(st, 18, d0);
    bind_day_text(st, 19, d1);
    if (s->has_money) {
        sqlite3_bind_double(st, 20, s->money);
        sqlite3_bind_text(st, 21, s->currency, -1, SQLITE_TRANSIENT);
    }
    if (ev) sqlite3_bind_text(st, 22, chr_story_status_name(s->status), -1, SQLITE_STATIC);
    bind_day_text(st, 23, s->first_pub);
    bind_day_text(st, 24, s->last_pub);
    bind_day(st, 25, day);
    bind_day(st, 29, s->min_day);
    bind_day(st, 30, s->max_day);
    sqlite3_bind_int(st, 26, add_mentions);
    sqlite3_bind_int(st, 27, add_docs);
    sqlite3_bind_int(st, 28, add_sources);
}

/* A story of one mention, of a source when has_src. */
static int story_insert(sq_store *q, const char *key, const chr_record *r,
                        const chr_story_state *s, int has_src, long long *id, chr_error *err)
{
    sqlite3_stmt *st = stmt(q, S_STORY_INSERT, err);
    if (!st) return err ? err->code : CHR_EIO;
    int ev = r->kind == CHR_REC_EVENT;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, ev ? "event" : "figure", -1, SQLITE_STATIC);
    if (ev) {
        bind_str(st, 3, r->type);
        bind_str(st, 4, r->mode);
        bind_str(st, 5, r->actor.code);
        bind_str(st, 6, r->recipient.code);
        sqlite3_bind_int(st, 7, r->symmetric != 0);
    } else {
        sqlite3_bind_int(st, 7, 0);
        bind_str(st, 8, r->metric);
        bind_str(st, 9, r->population);
        bind_str(st, 10, r->side);
        bind_value(st, 11, &r->value);
        bind_day_text(st, 14, r->since);
    }
    story_write(st, s, 1, 1, has_src);
    int rc = run(q, st, err);
    if (rc == CHR_OK) *id = sqlite3_last_insert_rowid(q->db);
    return rc;
}

static int story_update(sq_store *q, long long id, const chr_story_state *s,
                        int add_mentions, int add_docs, int add_sources, chr_error *err)
{
    sqlite3_stmt *st = stmt(q, S_STORY_UPDATE, err);
    if (!st) return err ? err->code : CHR_EIO;
    sqlite3_bind_int64(st, 1, id);
    story_write(st, s, add_mentions, add_docs, add_sources);
    return run(q, st, err);
}

/* Does a query of the form "SELECT 1 ... WHERE story = ?1 AND x = ?2"
 * find a row? */
static int story_has(sq_store *q, int which, long long story, long long n, const char *s,
                     int *found, chr_error *err)
{
    sqlite3_stmt *st = stmt(q, which, err);
    if (!st) return err ? err->code : CHR_EIO;
    sqlite3_bind_int64(st, 1, story);
    if (s) sqlite3_bind_text(st, 2, s, -1, SQLITE_STATIC);
    else sqlite3_bind_int64(st, 2, n);
    int rc = sqlite3_step(st);
    *found = rc == SQLITE_ROW;
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? CHR_OK : fail(q, err);
}

/* The story that record r (as mention m) joins, made when none fits. */
static int story_join(sq_store *q, const chr_record *r, const chr_story_mention *m,
                      const char *src, long long *story, chr_error *err)
{
    char key[512];
    if (!chr_story_key(r, key, sizeof key))
        return chr_error_set(err, CHR_EINPUT, q->path, 0, "a record's slots are too long");
    long long lo, hi;
    chr_story_window(m, &lo, &hi);

    sqlite3_stmt *st = stmt(q, S_STORY_CANDIDATES, err);
    if (!st) return err ? err->code : CHR_EIO;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, lo);
    sqlite3_bind_int64(st, 3, hi);
    long long found = 0;
    chr_story_state s;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        memset(&s, 0, sizeof s);
        s.kind = m->kind;
        s.dated = sqlite3_column_int(st, 1);
        s.lo = sqlite3_column_int64(st, 2);
        s.hi = sqlite3_column_int64(st, 3);
        s.has_money = col_money(st, 4, &s.money, s.currency);
        s.status = chr_story_status_rank(col_str(st, 6));
        s.first_pub = col_day_text(st, 7);
        s.last_pub = col_day_text(st, 8);
        s.min_day = col_day(st, 9);
        s.max_day = col_day(st, 10);
        if (chr_story_accepts(&s, m)) {
            found = sqlite3_column_int64(st, 0);
            break;
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return fail(q, err);

    if (!found) {
        chr_story_start(&s, m);
        return story_insert(q, key, r, &s, src != NULL, story, err);
    }
    int has_doc = 0, has_src = 1;
    if ((rc = story_has(q, S_STORY_HAS_DOC, found, q->doc, NULL, &has_doc, err)) != CHR_OK)
        return rc;
    if (src && (rc = story_has(q, S_STORY_HAS_SRC, found, 0, src, &has_src, err)) != CHR_OK)
        return rc;
    chr_story_add(&s, m);
    *story = found;
    return story_update(q, found, &s, 1, !has_doc, !has_src, err);
}

/* Rebuild a story from the mentions it has left, or drop it. */
static int story_rebuild(sq_store *q, long long id, chr_error *err)
{
    sqlite3_stmt *st = stmt(q, S_STORY_MENTIONS, err);
    if (!st) return err ? err->code : CHR_EIO;
    sqlite3_bind_int64(st, 1, id);
    chr_story_state s;
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        chr_story_mention m;
        memset(&m, 0, sizeof m);
        m.kind = strcmp(col_str(st, 0), "event") == 0 ? CHR_REC_EVENT : CHR_REC_FIGURE;
        m.dated = sqlite3_column_int(st, 1);
        m.lo = col_day(st, 2);
        m.hi = col_day(st, 3);
        m.has_money = col_money(st, 4, &m.money, m.currency);
        m.status = chr_story_status_rank(col_str(st, 6));
        m.pub = col_day(st, 7);
        if (n++ == 0) chr_story_start(&s, &m);
        else chr_story_add(&s, &m);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return fail(q, err);
    if (n == 0) {
        if (!(st = stmt(q, S_STORY_DELETE, err))) return err ? err->code : CHR_EIO;
        sqlite3_bind_int64(st, 1, id);
        return run(q, st, err);
    }
    if ((rc = story_update(q, id, &s, 0, 0, 0, err)) != CHR_OK) return rc;
    if (!(st = stmt(q, S_STORY_RECOUNT, err))) return err ? err->code : CHR_EIO;
    sqlite3_bind_int64(st, 1, id);
    return run(q, st, err);
}

/* ---- writing ---------------------------------------------------------------------- */

/* Take a changed document's records away, and rebuild their stories. */
static int remove_records(sq_store *q, long long doc, chr_error *err)
{
    long long *ids = NULL;
    size_t n = 0, cap = 0;
    int rc = CHR_OK, src;
    sqlite3_stmt *st = stmt(q, S_DOC_STORIES, err);
    if (!st) return err ? err->code : CHR_EIO;
    sqlite3_bind_int64(st, 1, doc);
    while ((src = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            size_t ncap = cap ? 2 * cap : 16;
            long long *v = realloc(ids, ncap * sizeof *v);
            if (!v) {
                rc = chr_error_set(err, CHR_ENOMEM, q->path, 0, "out of memory");
                break;
            }
            ids = v;
            cap = ncap;
        }
        ids[n++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_reset(st);
    if (rc == CHR_OK && src != SQLITE_DONE) rc = fail(q, err);
    static const int dels[] = {S_DEL_ITEMS, S_DEL_JSON, S_DEL_RECORDS};
    for (size_t i = 0; rc == CHR_OK && i < sizeof dels / sizeof *dels; i++) {
        if (!(st = stmt(q, dels[i], err))) {
            rc = err ? err->code : CHR_EIO;
            break;
        }
        sqlite3_bind_int64(st, 1, doc);
        rc = run(q, st, err);
    }
    for (size_t i = 0; rc == CHR_OK && i < n; i++) rc = story_rebuild(q, ids[i], err);
    free(ids);
    return rc;
}

/* The row of document id (0 when there is none) and its content hash. */
static int doc_find(sq_store *q, const char *id, long long *row, char hash[33], chr_error *err)
{
    sqlite3_stmt *st = stmt(q, S_DOC_FIND, err);
    if (!st) return err ? err->code : CHR_EIO;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    *row = 0;
    hash[0] = '\0';
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *row = sqlite3_column_int64(st, 0);
        snprintf(hash, 33, "%s", col_str(st, 1));
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? CHR_OK : fail(q, err);
}

static int sq_stored_hash(chr_store *s, const char *id, char hash[33], int *found,
                          chr_error *err)
{
    long long row;
    int rc = doc_find((sq_store *)s, id, &row, hash, err);
    *found = row != 0;
    return rc;
}

static int sq_put_document(chr_store *s, const chr_store_doc *doc, int force, int *outcome,
                           chr_error *err)
{
    sq_store *q = (sq_store *)s;
    q->doc = 0;
    *outcome = CHR_STORE_SAME;
    if (!q->in_tx)
        return chr_error_set(err, CHR_EUSAGE, q->path, 0,
                             "documents are put inside begin and commit");
    if (!doc->id || !*doc->id)
        return chr_error_set(err, CHR_EINPUT, q->path, 0, "a document without an id");
    size_t most = (size_t)sqlite3_limit(q->db, SQLITE_LIMIT_LENGTH, -1);
    if (doc->text_len > most || doc->nsentences > most / 8)
        return chr_error_set(err, CHR_EINPUT, q->path, 0,
                             "document '%s' is too long for the store", doc->id);

    char hash[33], stored[33];
    chr_store_doc_hash(doc, hash);
    long long id = 0;
    int rc = doc_find(q, doc->id, &id, stored, err);
    if (rc != CHR_OK) return rc;
    if (id && strcmp(stored, hash) == 0 && !force) return CHR_OK;
    int existed = id != 0;

    chr_day pub = chr_store_pub_day(doc->date);
    sqlite3_stmt *st = stmt(q, id ? S_DOC_UPDATE : S_DOC_INSERT, err);
    if (!st) return err ? err->code : CHR_EIO;
    if (id) sqlite3_bind_int64(st, 1, id);
    else sqlite3_bind_text(st, 1, doc->id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, doc->date ? doc->date : "", -1, SQLITE_STATIC);
    bind_day(st, 3, pub);
    sqlite3_bind_text(st, 4, doc->title ? doc->title : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, doc->source ? doc->source : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, doc->url ? doc->url : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, hash, -1, SQLITE_STATIC);
    if ((rc = run(q, st, err)) != CHR_OK) return rc;
    if (!id) id = sqlite3_last_insert_rowid(q->db);
    else if ((rc = remove_records(q, id, err)) != CHR_OK) return rc;

    /* Sentence spans as little-endian uint32 pairs, whatever the host. */
    size_t nbytes = doc->nsentences * 8;
    unsigned char *blob = malloc(nbytes ? nbytes : 1);
    if (!blob) return chr_error_set(err, CHR_ENOMEM, q->path, 0, "out of memory");
    for (size_t i = 0; i < 2 * doc->nsentences; i++) {
        uint32_t v = doc->sentences[i];
        for (int b = 0; b < 4; b++) blob[4 * i + (size_t)b] = (unsigned char)(v >> (8 * b));
    }
    if (!(st = stmt(q, S_TEXT_PUT, err))) {
        free(blob);
        return err ? err->code : CHR_EIO;
    }
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, doc->text ? doc->text : "", doc->text ? (int)doc->text_len : 0,
                      SQLITE_STATIC);
    sqlite3_bind_blob(st, 3, blob, (int)nbytes, SQLITE_STATIC);
    rc = run(q, st, err);
    free(blob);
    if (rc != CHR_OK) return rc;

    free(q->outlet);
    q->outlet = doc->source && *doc->source ? strdup(doc->source) : NULL;
    if (doc->source && *doc->source && !q->outlet)
        return chr_error_set(err, CHR_ENOMEM, q->path, 0, "out of memory");
    q->doc = id;
    q->doc_pub = pub;
    *outcome = existed ? CHR_STORE_CHANGED : CHR_STORE_NEW;
    return CHR_OK;
}

static int put_record(sq_store *q, const chr_record *r, size_t n, const char *json,
                      chr_error *err)
{
    int ev = r->kind == CHR_REC_EVENT;
    const char *src_name = r->source.kind ? (r->source.name && *r->source.name
                                                 ? r->source.name : r->source.text)
                                          : NULL;
    if (src_name && !*src_name) src_name = NULL;
    /* What "sources" counts: who the article says reported it, else the
     * outlet that published the article.  "A discreet report" names no
     * one, so an unnamed source counts as the outlet. */
    int unnamed = r->source.kind && strcmp(r->source.kind, "unnamed") == 0;
    const char *src = src_name && !unnamed ? src_name : q->outlet;

    chr_story_mention m;
    chr_story_mention_of(r, q->doc_pub, &m);
    long long story = 0;
    int rc = story_join(q, r, &m, src, &story, err);
    if (rc != CHR_OK) return rc;

    sqlite3_stmt *st = stmt(q, S_RECORD_INSERT, err);
    if (!st) return err ? err->code : CHR_EIO;
    sqlite3_bind_int64(st, 1, q->doc);
    sqlite3_bind_int64(st, 2, (long long)n);
    sqlite3_bind_int64(st, 3, story);
    sqlite3_bind_text(st, 4, ev ? "event" : "figure", -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 13, ev && r->symmetric);
    sqlite3_bind_int(st, 14, m.dated);
    if (ev) {
        bind_str(st, 5, r->type);
        bind_str(st, 6, r->mode);
        bind_str(st, 7, r->cameo);
        bind_str(st, 8, r->status && *r->status ? r->status : "occurred");
        bind_str(st, 9, r->actor.code);
        bind_str(st, 10, r->actor.role);
        bind_str(st, 11, r->recipient.code);
        bind_str(st, 12, r->recipient.role);
        if (m.dated) {
            bind_day_text(st, 15, m.lo);
            bind_day_text(st, 16, m.hi);
        }
        if (m.has_money) {
            sqlite3_bind_double(st, 17, m.money);
            sqlite3_bind_text(st, 18, m.currency, -1, SQLITE_TRANSIENT);
        }
    } else {
        bind_str(st, 19, r->metric);
        bind_value(st, 20, &r->value);
        bind_str(st, 23, r->population);
        bind_str(st, 24, r->side);
        bind_day_text(st, 25, r->as_of);
        bind_day_text(st, 26, r->since);
    }
    bind_str(st, 27, src_name);
    if (src_name) bind_str(st, 28, r->source.kind);
    bind_str(st, 29, q->outlet);
    bind_str(st, 30, src);
    bind_day(st, 31, m.lo);
    bind_day(st, 32, m.hi);
    sqlite3_bind_int64(st, 33, r->sent);
    sqlite3_bind_int64(st, 34, r->start);
    sqlite3_bind_int64(st, 35, r->end);
    if ((rc = run(q, st, err)) != CHR_OK) return rc;
    long long rid = sqlite3_last_insert_rowid(q->db);

    for (size_t i = 0; i < r->nitems; i++) {
        const chr_ritem *it = &r->items[i];
        if (!(st = stmt(q, S_ITEM_INSERT, err))) return err ? err->code : CHR_EIO;
        sqlite3_bind_int64(st, 1, rid);
        sqlite3_bind_int64(st, 2, (long long)i);
        bind_str(st, 3, it->name);
        bind_str(st, 4, it->cls);
        bind_count(st, 5, &it->count);
        if ((rc = run(q, st, err)) != CHR_OK) return rc;
    }
    if (json) {
        if (!(st = stmt(q, S_JSON_INSERT, err))) return err ? err->code : CHR_EIO;
        sqlite3_bind_int64(st, 1, rid);
        sqlite3_bind_text(st, 2, json, -1, SQLITE_STATIC);
        if ((rc = run(q, st, err)) != CHR_OK) return rc;
    }
    return CHR_OK;
}

static int sq_put_records(chr_store *s, const chr_record *recs, const char *const *json,
                          size_t n, chr_error *err)
{
    sq_store *q = (sq_store *)s;
    if (!q->doc)
        return chr_error_set(err, CHR_EUSAGE, q->path, 0,
                             "records are put after their document");
    for (size_t i = 0; i < n; i++) {
        int rc = put_record(q, &recs[i], i, json ? json[i] : NULL, err);
        if (rc != CHR_OK) return rc;
    }
    sqlite3_stmt *st = stmt(q, S_DOC_NRECORDS, err);
    if (!st) return err ? err->code : CHR_EIO;
    sqlite3_bind_int64(st, 1, q->doc);
    sqlite3_bind_int64(st, 2, (long long)n);
    return run(q, st, err);
}

/* ---- queries ------------------------------------------------------------------------ */

/* A query under construction: its text and the values bound to its '?'s,
 * in order.  Values never enter the text. */
typedef struct qbuild {
    chr_buf sql;
    int walk;               /* keep SQLite off the indexes of story columns */
    int n;
    struct {
        const char *s;
        long long i;
    } v[32];
} qbuild;

static void q_str(qbuild *b, const char *cond, const char *val, int times)
{
    chr_buf_puts(&b->sql, cond);
    for (int k = 0; k < times && b->n < 32; k++) {
        b->v[b->n].s = val;
        b->v[b->n++].i = 0;
    }
}

static void q_int(qbuild *b, const char *cond, long long val)
{
    chr_buf_puts(&b->sql, cond);
    if (b->n < 32) {
        b->v[b->n].s = NULL;
        b->v[b->n++].i = val;
    }
}

static int has(const char *s) { return s && *s; }

/* Append cond with every '@' replaced by the table alias a. */
static void q_alias(qbuild *b, const char *cond, char a)
{
    for (const char *p = cond; *p; p++) chr_buf_putc(&b->sql, *p == '@' ? a : *p);
}

/* Conditions every mention of a story meets alike, on stories (alias s) or
 * on mentions (alias r): kind, type, mode, actors, metric, population and
 * side. */
static void slot_conds(qbuild *b, const chr_store_filter *f, char a)
{
    static const struct {
        size_t field;
        const char *cond;
        int times;
        int walk;           /* kept off the indexes when stories are walked */
    } conds[] = {
        {offsetof(chr_store_filter, type), " AND @.type = ?", 1, 1},
        {offsetof(chr_store_filter, mode), " AND @.mode = ?", 1, 0},
        /* A symmetric event (talks between two sides) has no direction:
         * --actor and --recipient match either side of it. */
        {offsetof(chr_store_filter, actor),
         " AND (@.actor = ? OR (@.symmetric = 1 AND @.recipient = ?))", 2, 1},
        {offsetof(chr_store_filter, recipient),
         " AND (@.recipient = ? OR (@.symmetric = 1 AND @.actor = ?))", 2, 1},
        {offsetof(chr_store_filter, metric), " AND @.metric = ?", 1, 0},
        {offsetof(chr_store_filter, population), " AND @.population = ?", 1, 0},
        {offsetof(chr_store_filter, side), " AND @.side = ?", 1, 0},
    };
    if (f->kind == CHR_REC_EVENT) q_alias(b, " AND @.kind = 'event'", a);
    if (f->kind == CHR_REC_FIGURE) q_alias(b, " AND @.kind = 'figure'", a);
    for (size_t i = 0; i < sizeof conds / sizeof *conds; i++) {
        const char *v = *(const char *const *)((const char *)f + conds[i].field);
        if (!has(v)) continue;
        if (a == 's' && b->walk && conds[i].walk) {
            /* "+s.type" is s.type (same collation) that no index can
             * answer: keeps SQLite walking the stories newest first */
            char plus[128];
            size_t o = 0;
            for (const char *c = conds[i].cond; *c && o + 2 < sizeof plus; c++) {
                if (*c == '@') plus[o++] = '+';
                plus[o++] = *c;
            }
            plus[o] = '\0';
            q_alias(b, plus, a);
        } else {
            q_alias(b, conds[i].cond, a);
        }
        q_str(b, "", v, conds[i].times);
    }
    if (f->story) q_int(b, a == 's' ? " AND s.id = ?" : " AND r.story = ?", f->story);
}

/* The days of a story or mention (alias a) overlap since..until. */
static void day_conds(qbuild *b, const chr_store_filter *f, char a)
{
    if (f->since != CHR_DAY_NONE) {
        q_alias(b, " AND @.hi >= ?", a);
        q_int(b, "", f->since);
    }
    if (f->until != CHR_DAY_NONE) {
        q_alias(b, " AND @.lo <= ?", a);
        q_int(b, "", f->until);
    }
}

/* Conditions on stories s: those all their mentions share, and the span
 * of the story's days, which a mention within since..until needs (the
 * mention itself is tested too). */
static void story_conds(qbuild *b, const chr_store_filter *f)
{
    slot_conds(b, f, 's');
    day_conds(b, f, 's');
}

/* Conditions on mentions r; with all, also those story_conds covers. */
static void mention_conds(qbuild *b, const chr_store_filter *f, int all)
{
    if (all) slot_conds(b, f, 'r');
    if (has(f->status)) q_str(b, " AND r.status = ?", f->status, 1);
    if (has(f->source)) q_str(b, " AND (r.source = ? OR r.outlet = ?)", f->source, 2);
    if (has(f->item))
        q_str(b, " AND r.id IN (SELECT record FROM record_items WHERE name = ?"
                 " UNION SELECT record FROM record_items WHERE class = ?)", f->item, 2);
    if (has(f->doc_id))
        q_str(b, " AND r.doc IN (SELECT id FROM documents WHERE doc_id = ?)", f->doc_id, 1);
    day_conds(b, f, 'r');
}

/* " WHERE ..." selecting the stories f selects, from stories s.  When a
 * filter on mentions has an index that finds few of them (source, item,
 * document), the stories of the mentions it finds are looked up; otherwise
 * each story that passes its own conditions looks at its mentions, which
 * in newest-first order stops as soon as the limit is reached. */
static void story_where(qbuild *b, const chr_store_filter *f, const char *extra)
{
    chr_buf_puts(&b->sql, " WHERE 1");
    if (extra) chr_buf_puts(&b->sql, extra);
    story_conds(b, f);
    int indexed = has(f->source) || has(f->item) || has(f->doc_id);
    if (!indexed && !has(f->status) && f->since == CHR_DAY_NONE && f->until == CHR_DAY_NONE)
        return;
    chr_buf_puts(&b->sql, indexed ? " AND s.id IN (SELECT r.story FROM records r WHERE 1"
                                  : " AND EXISTS (SELECT 1 FROM records r WHERE r.story = s.id");
    mention_conds(b, f, 0);
    chr_buf_puts(&b->sql, ")");
}

static int q_prepare(sq_store *q, qbuild *b, sqlite3_stmt **st, chr_error *err)
{
    *st = NULL;
    if (b->sql.oom) return chr_error_set(err, CHR_ENOMEM, q->path, 0, "out of memory");
    if (b->n >= 32) return chr_error_set(err, CHR_EINTERNAL, q->path, 0, "too many filters");
    if (sqlite3_prepare_v2(q->db, b->sql.data, -1, st, NULL) != SQLITE_OK) return fail(q, err);
    for (int i = 0; i < b->n; i++) {
        if (b->v[i].s) sqlite3_bind_text(*st, i + 1, b->v[i].s, -1, SQLITE_STATIC);
        else sqlite3_bind_int64(*st, i + 1, b->v[i].i);
    }
    return CHR_OK;
}

static const char *arena_str(chr_arena *a, const char *s)
{
    const char *c = chr_arena_strdup(a, s ? s : "");
    return c ? c : "";
}

/* Fills one element of an array from the current row of a query. */
typedef void (*elem_fn)(sq_store *q, sqlite3_stmt *st, void *elem);

/* Every row of statement which for id, each filled into an element of size
 * bytes of an array in the scratch arena. */
static int collect(sq_store *q, int which, long long id, size_t size, elem_fn fill,
                   void **out, size_t *n, chr_error *err)
{
    sqlite3_stmt *st = stmt(q, which, err);
    if (!st) return err ? err->code : CHR_EIO;
    sqlite3_bind_int64(st, 1, id);
    char *v = NULL;
    size_t cap = 0;
    int rc;
    *n = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            size_t ncap = cap ? 2 * cap : 8;
            char *nv = chr_arena_realloc(&q->scratch, v, cap * size, ncap * size);
            if (!nv) {
                sqlite3_reset(st);
                return chr_error_set(err, CHR_ENOMEM, q->path, 0, "out of memory");
            }
            v = nv;
            cap = ncap;
        }
        fill(q, st, v + (*n)++ * size);
    }
    sqlite3_reset(st);
    *out = v;
    return rc == SQLITE_DONE ? CHR_OK : fail(q, err);
}

static void fill_item(sq_store *q, sqlite3_stmt *st, void *elem)
{
    chr_store_item *it = elem;
    it->name = arena_str(&q->scratch, col_str(st, 0));
    it->has_count = sqlite3_column_type(st, 1) != SQLITE_NULL;
    it->count = sqlite3_column_double(st, 1);
}

static void fill_source(sq_store *q, sqlite3_stmt *st, void *elem)
{
    *(const char **)elem = arena_str(&q->scratch, col_str(st, 0));
}

/* The items of a story or of a record, into the scratch arena. */
static int row_items(sq_store *q, int which, long long id, chr_store_row *row, chr_error *err)
{
    void *v;
    int rc = collect(q, which, id, sizeof(chr_store_item), fill_item, &v, &row->nitems, err);
    if (rc == CHR_OK) row->items = v;
    return rc;
}

static int row_sources(sq_store *q, long long id, chr_store_row *row, chr_error *err)
{
    void *v;
    size_t n;
    int rc = collect(q, S_STORY_SOURCES, id, sizeof(const char *), fill_source, &v, &n, err);
    if (rc == CHR_OK) {
        row->sources = v;
        row->nsources = (long)n;
    }
    return rc;
}

/* Columns shared by stories and mentions, from position i on: the text
 * slots of slot_texts in that order, then kind, symmetric, money, value,
 * max. */
#define SLOT_COLS(a) \
    a ".type, " a ".mode, " a ".status, " a ".actor, " a ".recipient, " a ".date_start, " \
    a ".date_end, " a ".currency, " a ".metric, " a ".population, " a ".side, " a ".qual, " \
    a ".since, " a ".kind, " a ".symmetric, " a ".money, " a ".value, " a ".max"
#define NSLOT_COLS 18

#define ROW_TEXT(field) offsetof(chr_store_row, field)
static const size_t slot_texts[] = {
    ROW_TEXT(type), ROW_TEXT(mode), ROW_TEXT(status), ROW_TEXT(actor), ROW_TEXT(recipient),
    ROW_TEXT(date_start), ROW_TEXT(date_end), ROW_TEXT(currency), ROW_TEXT(metric),
    ROW_TEXT(population), ROW_TEXT(side), ROW_TEXT(qual), ROW_TEXT(since)};
#define NSLOT_TEXTS ((int)(sizeof slot_texts / sizeof *slot_texts))

/* Text columns i, i + 1, ... into the fields of row at offsets fields[]. */
static void row_texts(sqlite3_stmt *st, int i, chr_store_row *row, const size_t *fields, int n)
{
    for (int k = 0; k < n; k++) *(const char **)((char *)row + fields[k]) = col_str(st, i + k);
}

static void row_slots(sqlite3_stmt *st, int i, chr_store_row *row)
{
    row_texts(st, i, row, slot_texts, NSLOT_TEXTS);
    i += NSLOT_TEXTS;
    row->kind = strcmp(col_str(st, i), "event") == 0 ? CHR_REC_EVENT : CHR_REC_FIGURE;
    row->symmetric = sqlite3_column_int(st, i + 1);
    row->has_money = sqlite3_column_type(st, i + 2) != SQLITE_NULL;
    row->money = sqlite3_column_double(st, i + 2);
    row->has_value = sqlite3_column_type(st, i + 3) != SQLITE_NULL;
    row->value = sqlite3_column_double(st, i + 3);
    row->max = sqlite3_column_double(st, i + 4);
}

static void row_clear(chr_store_row *row)
{
    static const char *const none[] = {NULL};
    memset(row, 0, sizeof *row);
    row->type = row->mode = row->status = row->actor = row->recipient = "";
    row->date_start = row->date_end = row->currency = row->metric = row->population = "";
    row->side = row->qual = row->as_of = row->since = row->first_seen = row->last_seen = "";
    row->doc_id = row->published = row->outlet = row->source = row->source_kind = "";
    row->sentence = "";
    row->sources = none;
}

static void finish_query(qbuild *b, const chr_store_filter *f)
{
    if (f->limit > 0 || f->offset > 0) q_int(b, " LIMIT ?", f->limit > 0 ? f->limit : -1);
    if (f->offset > 0) q_int(b, " OFFSET ?", f->offset);
}

/* A mention list newest first either walks the documents newest first and
 * stops when the page is full, which is quick while mentions pass the
 * filter often, or finds the mentions through an index on one filter and
 * sorts them, which is quick while that index finds few.  Walking is the
 * choice unless an index finds at most FEW_MENTIONS. */
#define FEW_MENTIONS 20000

/* How many index entries hold value, counted up to most + 1. */
static long long index_count(sq_store *q, const char *table, const char *column,
                             const char *value, int most)
{
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM (SELECT 1 FROM %s WHERE %s = ?1 LIMIT %d)",
             table, column, most + 1);
    sqlite3_stmt *st = NULL;
    long long n = most + 1;
    if (sqlite3_prepare_v2(q->db, sql, -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, value, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return n;
}

static int few_mentions(sq_store *q, const chr_store_filter *f)
{
    if (f->story || has(f->doc_id)) return 1;
    /* each filter with the indexes that find what it may match */
    const struct {
        const char *value, *table, *col1, *col2;
    } probes[] = {
        {f->actor, "records", "actor", "recipient"},
        {f->recipient, "records", "recipient", "actor"},
        {f->source, "records", "source", "outlet"},
        {f->item, "record_items", "name", "class"},
        {f->metric, "records", "metric", NULL},
        {f->type, "records", "type", NULL},
    };
    for (size_t i = 0; i < sizeof probes / sizeof *probes; i++) {
        if (!has(probes[i].value)) continue;
        long long n = index_count(q, probes[i].table, probes[i].col1, probes[i].value,
                                  FEW_MENTIONS);
        if (probes[i].col2)
            n += index_count(q, probes[i].table, probes[i].col2, probes[i].value, FEW_MENTIONS);
        if (n <= FEW_MENTIONS) return 1;
    }
    return 0;
}

/* Stories the same way: walked newest first (stories_day) unless a filter
 * with an index of its own finds few of them. */
#define FEW_STORIES 5000

static int few_stories(sq_store *q, const chr_store_filter *f)
{
    if (f->story || has(f->source) || has(f->item) || has(f->doc_id)) return 1;
    if (has(f->type) && index_count(q, "stories", "type", f->type, FEW_STORIES) <= FEW_STORIES)
        return 1;
    const char *const codes[] = {f->actor, f->recipient};
    for (size_t i = 0; i < 2; i++)
        if (has(codes[i]) && index_count(q, "stories", "actor", codes[i], FEW_STORIES) +
                                     index_count(q, "stories", "recipient", codes[i],
                                                 FEW_STORIES) <= FEW_STORIES)
            return 1;
    return 0;
}

/* Reads the current row of a query into row; lean: CHR_ROWS_JSON. */
typedef int (*row_fn)(sq_store *q, sqlite3_stmt *st, int lean, chr_store_row *row,
                      chr_error *err);

/* Run the query b holds, handing each row, as read, to fn. */
static int query_rows(sq_store *q, qbuild *b, row_fn read, int lean, chr_store_row_fn fn,
                      void *ctx, chr_error *err)
{
    sqlite3_stmt *st;
    int rc = q_prepare(q, b, &st, err), src;
    chr_buf_free(&b->sql);
    if (rc != CHR_OK) return rc;
    while ((src = sqlite3_step(st)) == SQLITE_ROW) {
        chr_store_row row;
        row_clear(&row);
        chr_arena_reset(&q->scratch);
        if ((rc = read(q, st, lean, &row, err)) != CHR_OK) break;
        if ((rc = fn(&row, ctx)) != 0) break;
    }
    if (rc == CHR_OK && src != SQLITE_DONE) rc = fail(q, err);
    sqlite3_finalize(st);
    return rc;
}

static int read_story(sq_store *q, sqlite3_stmt *st, int lean, chr_store_row *row,
                      chr_error *err)
{
    (void)lean;
    row->story = sqlite3_column_int64(st, 0);
    row_slots(st, 1, row);
    int k = 1 + NSLOT_COLS;
    row->mentions = sqlite3_column_int(st, k);
    row->documents = sqlite3_column_int(st, k + 1);
    row->first_seen = col_str(st, k + 2);
    row->last_seen = col_str(st, k + 3);
    if (row->kind == CHR_REC_FIGURE) row->as_of = row->date_start;
    int rc = row_items(q, S_STORY_ITEMS, row->story, row, err);
    return rc == CHR_OK ? row_sources(q, row->story, row, err) : rc;
}

static int sq_stories(chr_store *s, const chr_store_filter *f, chr_store_row_fn fn, void *ctx,
                      chr_error *err)
{
    sq_store *q = (sq_store *)s;
    qbuild b;
    memset(&b, 0, sizeof b);
    b.walk = !few_stories(q, f);
    chr_buf_puts(&b.sql, "SELECT s.id, " SLOT_COLS("s") ", s.mentions, s.documents, "
                         "s.first_seen, s.last_seen FROM stories s");
    story_where(&b, f, NULL);
    chr_buf_puts(&b.sql, " ORDER BY s.day DESC, s.id DESC");
    finish_query(&b, f);
    return query_rows(q, &b, read_story, 0, fn, ctx, err);
}

static int read_mention(sq_store *q, sqlite3_stmt *st, int lean, chr_store_row *row,
                        chr_error *err)
{
    static const size_t texts[] = {ROW_TEXT(as_of), ROW_TEXT(doc_id), ROW_TEXT(published),
                                   ROW_TEXT(outlet), ROW_TEXT(source), ROW_TEXT(source_kind)};
    long long rid = sqlite3_column_int64(st, 0);
    row->story = sqlite3_column_int64(st, 1);
    row_slots(st, 2, row);
    int k = 2 + NSLOT_COLS;
    row_texts(st, k, row, texts, 6);
    k += 6;
    row->sent = sqlite3_column_int(st, k);
    row->span_start = (unsigned)sqlite3_column_int64(st, k + 1);
    row->span_end = (unsigned)sqlite3_column_int64(st, k + 2);
    row->sentence = col_str(st, k + 3);
    row->json = sqlite3_column_type(st, k + 4) == SQLITE_NULL ? NULL : col_str(st, k + 4);
    row->mentions = row->documents = 1;
    return lean && row->json ? CHR_OK : row_items(q, S_RECORD_ITEMS, rid, row, err);
}

static int sq_mentions(chr_store *s, const chr_store_filter *f, unsigned flags,
                       chr_store_row_fn fn, void *ctx, chr_error *err)
{
    int stored = (flags & CHR_ROWS_STORED) != 0, lean = (flags & CHR_ROWS_JSON) != 0;
    int by_day = (flags & CHR_ROWS_BY_DAY) != 0;
    sq_store *q = (sq_store *)s;
    qbuild b;
    memset(&b, 0, sizeof b);
    chr_buf_puts(&b.sql,
        "SELECT r.id, r.story, " SLOT_COLS("r") ", r.as_of, d.doc_id, d.date, d.source, "
        "r.source, r.source_kind, r.sent, r.span_start, r.span_end, "
        /* The sentence is in the record's JSON, a few hundred bytes; the
         * document's text, which may run to pages, is read only for a
         * record kept without JSON. */
        "coalesce(CASE WHEN ? THEN NULL ELSE json_extract(j.json, '$.sentence') END, "
        "(SELECT CAST(substr(CAST(t.text AS BLOB), r.span_start + 1, "
        "r.span_end - r.span_start) AS TEXT) FROM texts t WHERE t.doc = r.doc "
        "AND j.json IS NULL)), j.json "
        "FROM records r JOIN documents d ON d.id = r.doc "
        "LEFT JOIN record_json j ON j.record = r.id WHERE ");
    b.v[b.n].s = NULL;
    b.v[b.n++].i = lean;
    const char *order = stored ? " ORDER BY r.doc, r.n"
                      : by_day ? " ORDER BY r.hi DESC, r.doc DESC, r.n"
                               : " ORDER BY d.day DESC, d.id DESC, r.n";
    if (stored) {
        /* export: every mention, in the order of the records_doc index */
        chr_buf_puts(&b.sql, "1");
        mention_conds(&b, f, 1);
        chr_buf_puts(&b.sql, order);
        finish_query(&b, f);
    } else {
        /* A page of ids first, from as few columns as the order needs; the
         * JSON and the sentence of those rows only.  CROSS JOIN makes
         * SQLite walk the documents first. */
        chr_buf_puts(&b.sql, "r.id IN (SELECT r.id FROM ");
        chr_buf_puts(&b.sql, by_day ? "records r"
                             : few_mentions(q, f) ? "records r JOIN documents d ON d.id = r.doc"
                                                  : "documents d CROSS JOIN records r "
                                                    "ON r.doc = d.id");
        chr_buf_puts(&b.sql, " WHERE 1");
        mention_conds(&b, f, 1);
        chr_buf_puts(&b.sql, order);
        finish_query(&b, f);
        chr_buf_puts(&b.sql, ")");
    }
    if (!stored) chr_buf_puts(&b.sql, order);
    return query_rows(q, &b, read_mention, lean, fn, ctx, err);
}

/* What a story is grouped by, for each chr_store_by: a column of stories
 * s, or the items of x (one row per story and item). */
static const char *const group_expr[] = {
    [CHR_BY_ACTOR] = "s.actor",
    [CHR_BY_RECIPIENT] = "s.recipient",
    [CHR_BY_MONTH] = "substr(coalesce(s.date_start, s.first_seen), 1, 7)",
    [CHR_BY_ITEM] = "x.item",
    [CHR_BY_STATUS] = "s.status",
    [CHR_BY_MODE] = "s.mode",
};

#define NGROUPS ((int)(sizeof group_expr / sizeof *group_expr))

static int sq_totals(chr_store *s, chr_store_by by, int split, const chr_store_filter *f,
                     chr_store_total_fn fn, void *ctx, chr_error *err)
{
    sq_store *q = (sq_store *)s;
    if ((int)by < 0 || (int)by >= NGROUPS || split < -1 || split >= NGROUPS)
        return chr_error_set(err, CHR_EUSAGE, q->path, 0, "unknown grouping");
    if (split == (int)by)
        return chr_error_set(err, CHR_EUSAGE, q->path, 0, "a split must differ from the grouping");
    const char *g = group_expr[by], *h = split < 0 ? "NULL" : group_expr[split];
    qbuild b;
    memset(&b, 0, sizeof b);
    chr_buf_puts(&b.sql, "WITH sel AS (SELECT s.id AS id FROM stories s");
    story_where(&b, f, " AND s.kind = 'event'");
    /* Each story counts an item once, at its largest reported count.  The
     * selected stories lead (CROSS JOIN): their records come from the
     * records_story index, rather than every record being tested. */
    chr_buf_puts(&b.sql, "), x AS (SELECT r.story AS story, coalesce(i.name, i.class) AS item, "
                         "max(i.count) AS c FROM sel CROSS JOIN records r ON r.story = sel.id "
                         "CROSS JOIN record_items i ON i.record = r.id GROUP BY r.story, item), "
                         "st AS (");
    if (by == CHR_BY_ITEM || split == CHR_BY_ITEM) {
        /* A story counts under each of its items; money has no item. */
        chr_buf_printf(&b.sql,
            "SELECT x.story AS id, %s AS g, %s AS h, 'stories' AS unit, 1 AS total "
            "FROM x JOIN stories s ON s.id = x.story UNION ALL SELECT x.story, %s, %s, "
            "'items', x.c FROM x JOIN stories s ON s.id = x.story WHERE x.c IS NOT NULL",
            g, h, g, h);
    } else {
        chr_buf_printf(&b.sql,
            "SELECT s.id AS id, %s AS g, %s AS h, 'stories' AS unit, 1 AS total "
            "FROM stories s JOIN sel ON sel.id = s.id "
            "UNION ALL SELECT s.id, %s, %s, s.currency, s.money FROM stories s "
            "JOIN sel ON sel.id = s.id WHERE s.currency IS NOT NULL "
            "UNION ALL SELECT s.id, %s, %s, 'items', sum(x.c) FROM x JOIN stories s "
            "ON s.id = x.story WHERE x.c IS NOT NULL GROUP BY s.id",
            g, h, g, h, g, h);
    }
    chr_buf_puts(&b.sql,
        "), agg AS (SELECT g, h, unit, sum(total) AS total, count(DISTINCT id) AS stories "
        "FROM st GROUP BY g, h, unit), "
        /* each story's distinct sources first: far fewer rows than its
         * mentions, read from the (story, src) index alone */
        "ss AS (SELECT DISTINCT r.story AS story, r.src AS src FROM sel "
        "CROSS JOIN records r ON r.story = sel.id WHERE r.src IS NOT NULL), "
        "srcs AS (SELECT st.g AS g, st.h AS h, st.unit AS unit, count(DISTINCT ss.src) AS sources "
        "FROM st JOIN ss ON ss.story = st.id GROUP BY st.g, st.h, st.unit) "
        "SELECT agg.g, agg.h, agg.unit, agg.total, agg.stories, coalesce(srcs.sources, 0) "
        "FROM agg LEFT JOIN srcs ON srcs.g IS agg.g AND srcs.h IS agg.h AND srcs.unit = agg.unit "
        "ORDER BY agg.g, agg.h, "
        "CASE agg.unit WHEN 'stories' THEN 0 WHEN 'items' THEN 2 ELSE 1 END, agg.unit");
    sqlite3_stmt *st;
    int rc = q_prepare(q, &b, &st, err), src;
    chr_buf_free(&b.sql);
    if (rc != CHR_OK) return rc;
    long n = 0;
    while ((src = sqlite3_step(st)) == SQLITE_ROW) {
        if (n++ < f->offset) continue;
        if (f->limit > 0 && n > f->offset + f->limit) break;
        chr_store_total t;
        t.group = col_str(st, 0);
        t.split = split < 0 ? NULL : col_str(st, 1);
        t.unit = col_str(st, 2);
        t.total = sqlite3_column_double(st, 3);
        t.stories = sqlite3_column_int(st, 4);
        t.sources = sqlite3_column_int(st, 5);
        if ((rc = fn(&t, ctx)) != 0) break;
    }
    if (rc == CHR_OK && src != SQLITE_DONE && src != SQLITE_ROW) rc = fail(q, err);
    sqlite3_finalize(st);
    return rc;
}

/* One integer from a query (the first column of its first row). */
static int query_int(sq_store *q, const char *sql, long long *v, chr_error *err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(q->db, sql, -1, &st, NULL) != SQLITE_OK) return fail(q, err);
    int rc = sqlite3_step(st);
    *v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? CHR_OK : fail(q, err);
}

static int sq_describe(chr_store *s, chr_store_info *info, chr_error *err)
{
    sq_store *q = (sq_store *)s;
    static const char *const sql[] = {
        "PRAGMA user_version", "SELECT count(*) FROM documents",
        "SELECT count(*) FROM records", "SELECT count(*) FROM stories"};
    long long v[4];
    for (int i = 0; i < 4; i++) {
        int rc = query_int(q, sql[i], &v[i], err);
        if (rc != CHR_OK) return rc;
    }
    info->schema = (int)v[0];
    info->documents = v[1];
    info->records = v[2];
    info->stories = v[3];
    return CHR_OK;
}

static int sq_data_version(chr_store *s, long long *version, chr_error *err)
{
    return query_int((sq_store *)s, "PRAGMA data_version", version, err);
}

/* ---- one document ------------------------------------------------------------------- */

static const char doc_sql[] =
    "SELECT d.id, d.doc_id, d.date, d.title, d.source, d.url, t.text, t.sentences "
    "FROM documents d LEFT JOIN texts t ON t.doc = d.id WHERE d.doc_id = ?1";

static const char doc_records_sql[] =
    "SELECT r.story, r.kind, r.type, r.metric, json_extract(j.json, '$.rule'), r.sent, "
    "r.span_start, r.span_end FROM records r LEFT JOIN record_json j ON j.record = r.id "
    "WHERE r.doc = ?1 ORDER BY r.n";

/* The records of document doc into the scratch arena. */
static int doc_records(sq_store *q, long long doc, chr_store_document *d, chr_error *err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(q->db, doc_records_sql, -1, &st, NULL) != SQLITE_OK)
        return fail(q, err);
    sqlite3_bind_int64(st, 1, doc);
    chr_store_doc_record *v = NULL;
    size_t cap = 0;
    int rc = CHR_OK, src;
    while ((src = sqlite3_step(st)) == SQLITE_ROW) {
        if (d->nrecords == cap) {
            size_t ncap = cap ? 2 * cap : 16;
            chr_store_doc_record *nv = chr_arena_realloc(&q->scratch, v, cap * sizeof *v,
                                                         ncap * sizeof *v);
            if (!nv) {
                rc = chr_error_set(err, CHR_ENOMEM, q->path, 0, "out of memory");
                break;
            }
            v = nv;
            cap = ncap;
        }
        chr_store_doc_record *r = &v[d->nrecords++];
        r->story = sqlite3_column_int64(st, 0);
        r->kind = strcmp(col_str(st, 1), "event") == 0 ? CHR_REC_EVENT : CHR_REC_FIGURE;
        r->type = arena_str(&q->scratch, col_str(st, 2));
        r->metric = arena_str(&q->scratch, col_str(st, 3));
        r->rule = arena_str(&q->scratch, col_str(st, 4));
        r->sent = (long)sqlite3_column_int64(st, 5);
        r->start = (unsigned)sqlite3_column_int64(st, 6);
        r->end = (unsigned)sqlite3_column_int64(st, 7);
    }
    if (rc == CHR_OK && src != SQLITE_DONE) rc = fail(q, err);
    sqlite3_finalize(st);
    d->records = v;
    return rc;
}

static int sq_document(chr_store *s, const char *doc_id, chr_store_document_fn fn, void *ctx,
                       int *found, chr_error *err)
{
    sq_store *q = (sq_store *)s;
    sqlite3_stmt *st = NULL;
    *found = 0;
    if (sqlite3_prepare_v2(q->db, doc_sql, -1, &st, NULL) != SQLITE_OK) return fail(q, err);
    sqlite3_bind_text(st, 1, doc_id, -1, SQLITE_STATIC);
    int src = sqlite3_step(st), rc = CHR_OK;
    if (src != SQLITE_ROW) {
        rc = src == SQLITE_DONE ? CHR_OK : fail(q, err);
        sqlite3_finalize(st);
        return rc;
    }
    chr_arena_reset(&q->scratch);
    chr_store_document d;
    memset(&d, 0, sizeof d);
    d.doc.id = col_str(st, 1);
    d.doc.date = col_str(st, 2);
    d.doc.title = col_str(st, 3);
    d.doc.source = col_str(st, 4);
    d.doc.url = col_str(st, 5);
    d.doc.text = col_str(st, 6);
    d.doc.text_len = (size_t)sqlite3_column_bytes(st, 6);
    /* Sentence spans are stored as little-endian uint32 pairs. */
    const unsigned char *blob = sqlite3_column_blob(st, 7);
    size_t nbytes = (size_t)sqlite3_column_bytes(st, 7) / 8 * 8;
    uint32_t *spans = nbytes ? chr_arena_alloc(&q->scratch, nbytes) : NULL;
    if (nbytes && !spans) rc = chr_error_set(err, CHR_ENOMEM, q->path, 0, "out of memory");
    for (size_t i = 0; spans && i < nbytes / 4; i++)
        spans[i] = (uint32_t)blob[4 * i] | (uint32_t)blob[4 * i + 1] << 8 |
                   (uint32_t)blob[4 * i + 2] << 16 | (uint32_t)blob[4 * i + 3] << 24;
    d.doc.sentences = spans;
    d.doc.nsentences = nbytes / 8;
    if (rc == CHR_OK) rc = doc_records(q, sqlite3_column_int64(st, 0), &d, err);
    if (rc == CHR_OK) {
        *found = 1;
        rc = fn(&d, ctx);
    }
    sqlite3_finalize(st);
    return rc;
}

static const chr_store_ops sqlite_ops = {
    .close = sq_close,
    .begin = sq_begin,
    .commit = sq_commit,
    .rollback = sq_rollback,
    .put_document = sq_put_document,
    .stored_hash = sq_stored_hash,
    .put_records = sq_put_records,
    .stories = sq_stories,
    .mentions = sq_mentions,
    .totals = sq_totals,
    .describe = sq_describe,
    .document = sq_document,
    .data_version = sq_data_version,
};
