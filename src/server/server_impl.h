/*
 * server_impl.h - what the server's files share: a request as the routes
 * see it (no HTTP library in sight), the reply every route fills, and the
 * pool of store handles.
 *
 * Every route answers through a srv_reply: a status, a body and a few
 * headers.  An error is srv_fail(), which replaces whatever the route had
 * written with {"error": "..."}; server.c alone turns replies into HTTP.
 */
#ifndef CHR_SERVER_IMPL_H
#define CHR_SERVER_IMPL_H

#include "server/server.h"
#include "store/store.h"
#include "util/buf.h"

#include <stdint.h>
#include <time.h>

/* Limits on what a request may hold (larger: 414 or 431). */
#define SRV_MAX_URL 8192            /* path and query string */
#define SRV_MAX_HEADERS 16384       /* all header names and values */
#define SRV_MAX_PARAMS 64

/* Paging: the default and the most rows a list answers at once. */
#define SRV_LIMIT_DEFAULT 100
#define SRV_LIMIT_MAX 1000
/* Totals are drawn whole: months x donors x units. */
#define SRV_TOTALS_MAX 10000

typedef struct srv_param {
    const char *name, *value;
} srv_param;

typedef struct srv_request {
    const char *path;               /* percent-decoded, starts with '/' */
    int head;                       /* HEAD: the same reply without a body */
    srv_param params[SRV_MAX_PARAMS];
    size_t nparams;
    const char *if_none_match, *if_modified_since;  /* NULL when absent */
} srv_request;

typedef struct srv_reply {
    int status;
    const char *type;               /* Content-Type; NULL: JSON */
    chr_buf body;
    int fd;                         /* a file sent as it is, or -1 */
    uint64_t fd_size;
    int compressible;               /* may be sent gzip-compressed */
    char etag[72];                  /* "" when none */
    char modified[40];              /* Last-Modified, "" when none */
    const char *cache;              /* Cache-Control */
    const char *allow;              /* Allow (405) */
} srv_reply;

/* The pool of store handles, one per request thread (pool.c). */
typedef struct srv_pool srv_pool;
typedef struct srv_handle srv_handle;
struct chr_server {
    struct MHD_Daemon *daemon;
    unsigned port;
    char *db;
    char *web;                      /* realpath of the dashboard, or NULL */
    srv_pool *pool;
};

void srv_reply_init(srv_reply *rp);
void srv_reply_free(srv_reply *rp);
/* Replace the reply with the JSON error {"error": message}. */
void srv_fail(srv_reply *rp, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A JSON string of s, with bytes that are not UTF-8 shown as U+FFFD. */
void srv_json_str(chr_buf *b, const char *s);

/* Borrow a store handle for one request, and give it back. */
int srv_pool_open(srv_pool **pool, const char *db, unsigned n, chr_error *err);
void srv_pool_close(srv_pool *pool);
srv_handle *srv_pool_get(srv_pool *pool);
void srv_pool_put(srv_pool *pool, srv_handle *h);
chr_store *srv_handle_store(srv_handle *h);

/* Replies kept while the store stays the same.  srv_cache_epoch() looks at
 * the handle's store first (-1: it could not); srv_cache_get() appends the
 * reply kept for key to out (1), or finds none (0); srv_cache_put() keeps
 * one made in that epoch. */
long long srv_cache_epoch(srv_pool *pool, srv_handle *h);
int srv_cache_get(srv_pool *pool, long long epoch, const char *key, chr_buf *out);
void srv_cache_put(srv_pool *pool, long long epoch, const char *key, const char *body,
                   size_t len);

/* The routes: /api/... (api.c) and every other path (files.c). */
void srv_api(chr_server *srv, const srv_request *rq, srv_reply *rp);
void srv_files(chr_server *srv, const srv_request *rq, srv_reply *rp);

/* Compress in gzip format; 0 on success (out then holds the result). */
int srv_gzip(const char *data, size_t n, chr_buf *out);

#endif
