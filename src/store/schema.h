/*
 * schema.h - the SQLite store's tables, and the migrations that bring a
 * store made by an older Chronicle up to this one's schema.
 */
#ifndef CHR_STORE_SCHEMA_H
#define CHR_STORE_SCHEMA_H

#include "chronicle.h"

struct sqlite3;

/* An SQLite status as a Chronicle one, with a message naming the store:
 * "not a database or damaged" and "locked" in words a user can act on. */
int chr_sqlite_error(struct sqlite3 *db, const char *path, int rc, chr_error *err);

/* The schema version of the store (PRAGMA user_version), 0 for a new empty
 * file; CHR_EINPUT with a message when the file is not a Chronicle store or
 * not a database at all. */
int chr_schema_version(struct sqlite3 *db, const char *path, int *version,
                       chr_error *err);

/* Apply every migration newer than the store's version, each in its own
 * transaction that also records it in the migrations table and sets
 * user_version.  A store newer than this build is refused. */
int chr_schema_migrate(struct sqlite3 *db, const char *path, chr_error *err);

#endif
