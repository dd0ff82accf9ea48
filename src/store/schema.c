/*
 * schema.c - the SQLite store's tables and their migrations.
 *
 * A migration is a version number, a name and the SQL that brings the store
 * from the version before it.  Migrations are only ever appended: a store
 * made by any earlier Chronicle is brought up to date by running those it
 * has not seen, in order, each in its own transaction with the row that
 * records it in `migrations` and the new PRAGMA user_version.  A store whose
 * user_version is newer than the last migration here was made by a newer
 * Chronicle and is refused rather than misread.
 *
 * Layout, and why:
 *   documents     one row per document id; `hash` decides whether a document
 *                 read again is unchanged (skipped) or changed (its records
 *                 replaced).  `day` is the publication date as a day number.
 *   texts         the text and its sentence spans, apart from `documents` so
 *                 that scans of documents stay small.  `sentences` is a blob
 *                 of little-endian uint32 start,end byte offsets.
 *   records       one row per record (a mention), its slots as columns for
 *                 filtering; `lo`,`hi` are the days it is about (its date,
 *                 as_of, or its article's publication day); `src` is what
 *                 the "sources" counts count: the reported source, else the
 *                 outlet.  Text slots compare in any case (COLLATE NOCASE).
 *   record_items  the items of each record, for --item and totals by item.
 *   record_json   each record as the contract's JSON, for export.
 *   stories       mentions of the same thing across articles (stories.h);
 *                 `key`, `dated`, `core_lo`, `core_hi`, `money`, `currency`
 *                 and `status` are what merging needs; `lo`,`hi` span the
 *                 days of all its mentions, so that date filters skip
 *                 stories before looking at mentions; `mentions`,
 *                 `documents` and `sources` are kept up to date as records
 *                 come and go; `day` orders stories newest first.
 * Day numbers count days since 1970-01-01; days shown to people are TEXT
 * "YYYY-MM-DD", which also sorts in time order.
 */
#include "store/schema.h"
#include "store/store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

typedef struct migration {
    int version;
    const char *name;
    const char *sql;
} migration;

static const migration migrations[] = {
    {1, "documents, records, items, stories",
     "CREATE TABLE documents (\n"
     "    id        INTEGER PRIMARY KEY,\n"
     "    doc_id    TEXT NOT NULL UNIQUE,\n"
     "    date      TEXT NOT NULL,\n"
     "    day       INTEGER,\n"
     "    title     TEXT NOT NULL,\n"
     "    source    TEXT NOT NULL COLLATE NOCASE,\n"
     "    url       TEXT NOT NULL,\n"
     "    hash      TEXT NOT NULL,\n"
     "    nrecords  INTEGER NOT NULL DEFAULT 0\n"
     ");\n"
     "CREATE INDEX documents_day ON documents(day, id);\n"
     "CREATE TABLE texts (\n"
     "    doc       INTEGER PRIMARY KEY,\n"
     "    text      TEXT NOT NULL,\n"
     "    sentences BLOB NOT NULL\n"
     ");\n"
     "CREATE TABLE stories (\n"
     "    id         INTEGER PRIMARY KEY,\n"
     "    key        TEXT NOT NULL,\n"
     "    kind       TEXT NOT NULL,\n"
     "    type       TEXT COLLATE NOCASE,\n"
     "    mode       TEXT COLLATE NOCASE,\n"
     "    status     TEXT,\n"
     "    actor      TEXT COLLATE NOCASE,\n"
     "    recipient  TEXT COLLATE NOCASE,\n"
     "    symmetric  INTEGER NOT NULL DEFAULT 0,\n"
     "    metric     TEXT COLLATE NOCASE,\n"
     "    population TEXT COLLATE NOCASE,\n"
     "    side       TEXT COLLATE NOCASE,\n"
     "    value REAL, max REAL, qual TEXT,\n"
     "    since TEXT,\n"
     "    dated      INTEGER NOT NULL,\n"
     "    core_lo    INTEGER NOT NULL,\n"
     "    core_hi    INTEGER NOT NULL,\n"
     "    date_start TEXT, date_end TEXT,\n"
     "    money REAL, currency TEXT,\n"
     "    first_seen TEXT, last_seen TEXT,\n"
     "    day        INTEGER,\n"
     "    lo INTEGER, hi INTEGER,\n"
     "    mentions   INTEGER NOT NULL,\n"
     "    documents  INTEGER NOT NULL,\n"
     "    sources    INTEGER NOT NULL\n"
     ");\n"
     "CREATE INDEX stories_key ON stories(key, core_hi, core_lo);\n"
     "CREATE INDEX stories_day ON stories(day, id);\n"
     "CREATE INDEX stories_actor ON stories(actor);\n"
     "CREATE INDEX stories_recipient ON stories(recipient);\n"
     "CREATE TABLE records (\n"
     "    id         INTEGER PRIMARY KEY,\n"
     "    doc        INTEGER NOT NULL,\n"
     "    n          INTEGER NOT NULL,\n"
     "    story      INTEGER NOT NULL,\n"
     "    kind       TEXT NOT NULL,\n"
     "    type       TEXT COLLATE NOCASE,\n"
     "    mode       TEXT COLLATE NOCASE,\n"
     "    cameo      TEXT,\n"
     "    status     TEXT COLLATE NOCASE,\n"
     "    actor      TEXT COLLATE NOCASE,\n"
     "    actor_role TEXT,\n"
     "    recipient  TEXT COLLATE NOCASE,\n"
     "    recipient_role TEXT,\n"
     "    symmetric  INTEGER NOT NULL,\n"
     "    dated      INTEGER NOT NULL,\n"
     "    date_start TEXT, date_end TEXT,\n"
     "    money REAL, currency TEXT,\n"
     "    metric     TEXT COLLATE NOCASE,\n"
     "    value REAL, max REAL, qual TEXT,\n"
     "    population TEXT COLLATE NOCASE,\n"
     "    side       TEXT COLLATE NOCASE,\n"
     "    as_of TEXT, since TEXT,\n"
     "    source     TEXT COLLATE NOCASE,\n"
     "    source_kind TEXT,\n"
     "    outlet     TEXT COLLATE NOCASE,\n"
     "    src        TEXT COLLATE NOCASE,\n"
     "    lo INTEGER, hi INTEGER,\n"
     "    sent INTEGER NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL\n"
     ");\n"
     "CREATE UNIQUE INDEX records_doc ON records(doc, n);\n"
     "CREATE INDEX records_story ON records(story, doc);\n"
     "CREATE INDEX records_story_src ON records(story, src);\n"
     "CREATE INDEX records_actor ON records(actor);\n"
     "CREATE INDEX records_recipient ON records(recipient);\n"
     "CREATE INDEX records_type ON records(type, mode);\n"
     "CREATE INDEX records_metric ON records(metric);\n"
     "CREATE INDEX records_source ON records(source);\n"
     "CREATE INDEX records_outlet ON records(outlet);\n"
     "CREATE TABLE record_items (\n"
     "    record INTEGER NOT NULL,\n"
     "    n      INTEGER NOT NULL,\n"
     "    name   TEXT COLLATE NOCASE,\n"
     "    class  TEXT COLLATE NOCASE,\n"
     "    count  REAL,\n"
     "    PRIMARY KEY (record, n)\n"
     ") WITHOUT ROWID;\n"
     "CREATE INDEX record_items_name ON record_items(name);\n"
     "CREATE INDEX record_items_class ON record_items(class);\n"
     "CREATE TABLE record_json (\n"
     "    record INTEGER PRIMARY KEY,\n"
     "    json   TEXT NOT NULL\n"
     ");\n"},
    /* Figures newest day first (chr_store_figure_mentions), of a metric or
     * all of them, read in index order until a page is full; stories of a
     * type (the dashboard's totals of aid) without a scan of all stories.
     * No index leads with kind: SQLite would take it for a selective one. */
    {2, "indexes for figures by day and stories by type",
     "CREATE INDEX records_metric_day ON records(metric, hi DESC, doc DESC, n);\n"
     "CREATE INDEX records_day ON records(hi DESC, doc DESC, n);\n"
     "CREATE INDEX stories_type ON stories(type, mode);\n"},
};

#define NMIGRATIONS (sizeof migrations / sizeof *migrations)

_Static_assert(CHR_STORE_SCHEMA == 2, "the last migration is the schema version");

int chr_sqlite_error(sqlite3 *db, const char *path, int rc, chr_error *err)
{
    rc &= 0xff;
    if (rc == SQLITE_NOTADB)
        return chr_error_set(err, CHR_EINPUT, path, 0,
                             "not a Chronicle store: the file is not a database (%s)",
                             sqlite3_errmsg(db));
    if (rc == SQLITE_CORRUPT)
        return chr_error_set(err, CHR_EINPUT, path, 0,
                             "the store is damaged (%s); ingest the documents again into "
                             "a new store", sqlite3_errmsg(db));
    if (rc == SQLITE_READONLY)
        return chr_error_set(err, CHR_EIO, path, 0, "the store cannot be written (%s)",
                             sqlite3_errmsg(db));
    if (rc == SQLITE_FULL)
        return chr_error_set(err, CHR_EIO, path, 0, "the disk is full (%s)",
                             sqlite3_errmsg(db));
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        return chr_error_set(err, CHR_EIO, path, 0,
                             "the store is locked by another process (%s)", sqlite3_errmsg(db));
    if (rc == SQLITE_NOMEM) return chr_error_set(err, CHR_ENOMEM, path, 0, "out of memory");
    return chr_error_set(err, CHR_EIO, path, 0, "%s", sqlite3_errmsg(db));
}

static int exec(sqlite3 *db, const char *path, const char *sql, chr_error *err)
{
    int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? CHR_OK : chr_sqlite_error(db, path, rc, err);
}

/* The single integer a one-row query returns. */
static int query_int(sqlite3 *db, const char *path, const char *sql, long long *out,
                     chr_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            *out = sqlite3_column_int64(st, 0);
            rc = SQLITE_OK;
        } else if (rc == SQLITE_DONE) {
            *out = 0;
            rc = SQLITE_OK;
        }
    }
    if (rc != SQLITE_OK) {
        int code = chr_sqlite_error(db, path, sqlite3_extended_errcode(db), err);
        sqlite3_finalize(st);
        return code;
    }
    sqlite3_finalize(st);
    return CHR_OK;
}

int chr_schema_version(sqlite3 *db, const char *path, int *version, chr_error *err)
{
    long long v = 0, tables = 0, ours = 0;
    int rc = query_int(db, path, "PRAGMA user_version", &v, err);
    if (rc == CHR_OK)
        rc = query_int(db, path, "SELECT count(*) FROM sqlite_master", &tables, err);
    if (rc == CHR_OK)
        rc = query_int(db, path,
                       "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                       "AND name = 'migrations'", &ours, err);
    if (rc != CHR_OK) return rc;
    if (v == 0 && tables > 0)
        return chr_error_set(err, CHR_EINPUT, path, 0,
                             "not a Chronicle store: an SQLite database with other tables");
    if (v > 0 && !ours)
        return chr_error_set(err, CHR_EINPUT, path, 0,
                             "not a Chronicle store: it has no migrations table");
    *version = (int)v;
    return CHR_OK;
}

int chr_schema_migrate(sqlite3 *db, const char *path, chr_error *err)
{
    int version = 0;
    int rc = chr_schema_version(db, path, &version, err);
    if (rc != CHR_OK) return rc;
    if (version > migrations[NMIGRATIONS - 1].version)
        return chr_error_set(err, CHR_EINPUT, path, 0,
                             "the store has schema %d, newer than this Chronicle's %d: "
                             "use a newer chronicle", version,
                             migrations[NMIGRATIONS - 1].version);
    for (size_t i = 0; i < NMIGRATIONS; i++) {
        const migration *m = &migrations[i];
        if (m->version <= version) continue;
        /* IMMEDIATE: two processes creating one store take turns; the
         * second finds the version already raised and does nothing. */
        if ((rc = exec(db, path, "BEGIN IMMEDIATE", err)) != CHR_OK) return rc;
        long long now = 0;
        rc = query_int(db, path, "PRAGMA user_version", &now, err);
        if (rc == CHR_OK && now >= m->version) {
            exec(db, path, "COMMIT", err);
            continue;
        }
        if (rc == CHR_OK)
            rc = exec(db, path,
                      "CREATE TABLE IF NOT EXISTS migrations (\n"
                      "    version INTEGER PRIMARY KEY,\n"
                      "    name    TEXT NOT NULL,\n"
                      "    applied TEXT NOT NULL\n"
                      ")", err);
        if (rc == CHR_OK) rc = exec(db, path, m->sql, err);
        if (rc == CHR_OK) {
            sqlite3_stmt *st = NULL;
            int src = sqlite3_prepare_v2(db,
                "INSERT INTO migrations(version, name, applied) "
                "VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))", -1, &st, NULL);
            if (src == SQLITE_OK) {
                sqlite3_bind_int(st, 1, m->version);
                sqlite3_bind_text(st, 2, m->name, -1, SQLITE_STATIC);
                src = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
            }
            sqlite3_finalize(st);
            if (src != SQLITE_OK) rc = chr_sqlite_error(db, path, src, err);
        }
        if (rc == CHR_OK) {
            char sql[64];
            snprintf(sql, sizeof sql, "PRAGMA user_version = %d", m->version);
            rc = exec(db, path, sql, err);
        }
        if (rc == CHR_OK) rc = exec(db, path, "COMMIT", err);
        if (rc != CHR_OK) {
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
            return rc;
        }
    }
    return CHR_OK;
}
