/*
 * pool.c - read-only store handles for the request threads, each with a
 * cache of the replies that cost most to make.
 *
 * An SQLite connection and the statements prepared on it belong to one
 * thread at a time.  The pool opens as many handles as there are request
 * threads; a request borrows one and gives it back, so a thread never
 * waits for another while the pool is as large as the thread pool.
 *
 * Totals over a million records take hundreds of milliseconds and the
 * dashboard asks the same few again and again, so the pool keeps the last
 * replies, by request, while the store stays the same.  A handle's PRAGMA
 * data_version changes when another connection (an ingest) commits, but
 * the numbers of two handles cannot be compared; so the first handle to
 * see its number change starts a new epoch, which empties the cache.  Every
 * request looks at its handle's number before it reads the cache, so none
 * is answered from before a commit it could see, and a reply made in an
 * older epoch is not kept.
 */
#include "server/server_impl.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define CACHE_ENTRIES 64
#define CACHE_BYTES (64u << 20)
#define CACHE_ONE (4u << 20)        /* larger replies are not kept */

typedef struct cache_entry {
    char *key;
    char *body;
    size_t len;
} cache_entry;

struct srv_handle {
    chr_store *store;
    long long seen;                 /* its data version when last looked at; -1: never */
};

struct srv_pool {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    srv_handle *handles;
    srv_handle **free;              /* the handles not lent out */
    size_t nfree, n;
    /* the cache, under mu */
    long long epoch;
    cache_entry cache[CACHE_ENTRIES];
    size_t next, bytes;
};

chr_store *srv_handle_store(srv_handle *h) { return h->store; }

static void drop(srv_pool *p, size_t i)
{
    cache_entry *e = &p->cache[i];
    p->bytes -= e->len;
    free(e->key);
    free(e->body);
    memset(e, 0, sizeof *e);
}

static void cache_clear(srv_pool *p)
{
    for (size_t i = 0; i < CACHE_ENTRIES; i++) drop(p, i);
    p->next = 0;
}

int srv_pool_open(srv_pool **out, const char *db, unsigned n, chr_error *err)
{
    *out = NULL;
    if (!n) n = 1;
    srv_pool *p = calloc(1, sizeof *p);
    if (!p || !(p->free = calloc(n, sizeof *p->free)) ||
        !(p->handles = calloc(n, sizeof *p->handles))) {
        if (p) free(p->free);
        free(p);
        return chr_error_set(err, CHR_ENOMEM, NULL, 0, "out of memory");
    }
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->cv, NULL);
    for (unsigned i = 0; i < n; i++) {
        srv_handle *h = &p->handles[i];
        int rc = chr_store_open(&h->store, db, CHR_STORE_READ, err);
        /* the cache is empty: whatever the handle sees now is current */
        if (rc == CHR_OK) rc = chr_store_data_version(h->store, &h->seen, err);
        if (rc != CHR_OK) {
            chr_store_close(h->store);
            h->store = NULL;
            srv_pool_close(p);
            return rc;
        }
        p->free[p->nfree++] = h;
        p->n = i + 1;
    }
    *out = p;
    return CHR_OK;
}

/* Called once no request is under way: every handle is back. */
void srv_pool_close(srv_pool *p)
{
    if (!p) return;
    cache_clear(p);
    for (size_t i = 0; i < p->n; i++) chr_store_close(p->handles[i].store);
    pthread_cond_destroy(&p->cv);
    pthread_mutex_destroy(&p->mu);
    free(p->handles);
    free(p->free);
    free(p);
}

srv_handle *srv_pool_get(srv_pool *p)
{
    pthread_mutex_lock(&p->mu);
    while (p->nfree == 0) pthread_cond_wait(&p->cv, &p->mu);
    srv_handle *h = p->free[--p->nfree];
    pthread_mutex_unlock(&p->mu);
    return h;
}

void srv_pool_put(srv_pool *p, srv_handle *h)
{
    pthread_mutex_lock(&p->mu);
    p->free[p->nfree++] = h;
    pthread_cond_signal(&p->cv);
    pthread_mutex_unlock(&p->mu);
}

long long srv_cache_epoch(srv_pool *p, srv_handle *h)
{
    long long v;
    chr_error err;
    if (chr_store_data_version(h->store, &v, &err) != CHR_OK) return -1;
    pthread_mutex_lock(&p->mu);
    if (v != h->seen) {
        h->seen = v;
        p->epoch++;
        cache_clear(p);
    }
    long long e = p->epoch;
    pthread_mutex_unlock(&p->mu);
    return e;
}

int srv_cache_get(srv_pool *p, long long epoch, const char *key, chr_buf *out)
{
    int hit = 0;
    pthread_mutex_lock(&p->mu);
    for (size_t i = 0; epoch == p->epoch && i < CACHE_ENTRIES && !hit; i++)
        if (p->cache[i].key && strcmp(p->cache[i].key, key) == 0) {
            chr_buf_append(out, p->cache[i].body, p->cache[i].len);
            hit = !out->oom;
        }
    pthread_mutex_unlock(&p->mu);
    return hit;
}

void srv_cache_put(srv_pool *p, long long epoch, const char *key, const char *body, size_t len)
{
    if (epoch < 0 || len > CACHE_ONE) return;
    char *k = strdup(key), *b = malloc(len ? len : 1);
    if (!k || !b) {
        free(k);
        free(b);
        return;
    }
    memcpy(b, body, len);
    pthread_mutex_lock(&p->mu);
    if (epoch == p->epoch) {
        /* The oldest entry makes room, and the next oldest while the
         * bytes would be too many. */
        drop(p, p->next);
        for (size_t i = 1; i < CACHE_ENTRIES && p->bytes + len > CACHE_BYTES; i++)
            drop(p, (p->next + i) % CACHE_ENTRIES);
        p->cache[p->next] = (cache_entry){k, b, len};
        p->bytes += len;
        p->next = (p->next + 1) % CACHE_ENTRIES;
        k = b = NULL;
    }
    pthread_mutex_unlock(&p->mu);
    free(k);
    free(b);
}
