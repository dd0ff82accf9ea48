/*
 * api.c - the routes under /api/ (docs/api.md): health, events, stories,
 * figures, totals, one story, one document.
 *
 * Each route reads its query parameters into a store filter through
 * chr_store_filter_set(), the parser the tool's options use, asks the store
 * with a handle borrowed for the request, and writes JSON: rows as the
 * tool's JSON Lines print them (chr_store_json_row), the rest here.  Lists
 * are paged: at most SRV_LIMIT_MAX rows, and "more" says whether the next
 * page has any, found by asking for one row beyond the page.
 */
#include "server/server_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- parameters ------------------------------------------------------------- */

/* What a route takes besides the filters. */
typedef struct route_params {
    const char *const *extra;       /* other names the route reads itself */
    int filters;                    /* takes the store's filters */
    long limit_default, limit_max;
} route_params;

static const char *param(const srv_request *rq, const char *name)
{
    for (size_t i = 0; i < rq->nparams; i++)
        if (strcmp(rq->params[i].name, name) == 0) return rq->params[i].value;
    return NULL;
}

static int is_extra(const route_params *rp, const char *name)
{
    for (size_t i = 0; rp->extra && rp->extra[i]; i++)
        if (strcmp(rp->extra[i], name) == 0) return 1;
    return 0;
}

/* Read the query into f; 0, or -1 with a 400 reply naming the parameter. */
static int read_params(const srv_request *rq, const route_params *how, chr_store_filter *f,
                       srv_reply *rp)
{
    chr_store_filter_init(f);
    for (size_t i = 0; i < rq->nparams; i++) {
        const char *name = rq->params[i].name, *value = rq->params[i].value;
        for (size_t j = 0; j < i; j++)
            if (strcmp(rq->params[j].name, name) == 0) {
                srv_fail(rp, 400, "parameter '%.40s' is given twice", name);
                return -1;
            }
        if (is_extra(how, name)) continue;
        if (!how->filters || !chr_store_filter_known(name)) {
            srv_fail(rp, 400, "unknown parameter '%.40s'", name);
            return -1;
        }
        chr_error err;
        if (chr_store_filter_set(f, name, value, &err) != CHR_OK) {
            srv_fail(rp, 400, "%s", err.msg);
            return -1;
        }
    }
    if (!how->filters) return 0;
    if (!param(rq, "limit")) f->limit = how->limit_default;
    if (f->limit > how->limit_max) {
        srv_fail(rp, 400, "limit is at most %ld", how->limit_max);
        return -1;
    }
    return 0;
}

/* ---- JSON ---------------------------------------------------------------------- */

static void num(chr_buf *b, double v)
{
    if (!isfinite(v)) chr_buf_puts(b, "null");
    else if (fabs(v) < 9007199254740992.0 && v == floor(v)) chr_buf_printf(b, "%.0f", v);
    else chr_buf_printf(b, "%.17g", v);
}

/* ,"key":"value" (or without the comma first) */
static void member_str(chr_buf *b, int comma, const char *key, const char *value)
{
    if (comma) chr_buf_putc(b, ',');
    chr_buf_json_str(b, key, strlen(key));
    chr_buf_putc(b, ':');
    srv_json_str(b, value);
}

static void page_end(chr_buf *b, const chr_store_filter *f, int more)
{
    chr_buf_printf(b, "],\"limit\":%ld,\"offset\":%ld,\"more\":%s}\n", f->limit, f->offset,
                   more ? "true" : "false");
}

/* A store failure is the server's: 500 with the store's message. */
static void store_failed(srv_reply *rp, const chr_error *err)
{
    srv_fail(rp, 500, "%s", err->msg[0] ? err->msg : chr_status_name(err->code));
}

/* ---- lists --------------------------------------------------------------------------- */

typedef struct page {
    chr_buf *b;
    long n, limit;
    int mentions, more;
} page;

static int page_row(const chr_store_row *row, void *ctx)
{
    page *p = ctx;
    if (p->n == p->limit) {
        p->more = 1;
        return 1;
    }
    if (p->n++) chr_buf_putc(p->b, ',');
    chr_store_json_row(p->b, p->mentions, row);
    return p->b->oom ? CHR_ENOMEM : 0;
}

typedef int (*list_fn)(chr_store *s, const chr_store_filter *f, chr_store_row_fn fn,
                       void *ctx, chr_error *err);

/* Rows of fn as one page, after what the reply holds ('{"items":[' or the
 * like): the rows, then '], "limit", "offset", "more"}'. */
static void list(chr_server *srv, const chr_store_filter *f, list_fn fn, int mentions,
                 srv_reply *rp)
{
    chr_store_filter g = *f;
    page p = {&rp->body, 0, f->limit, mentions, 0};
    g.limit = f->limit + 1;
    chr_error err;
    memset(&err, 0, sizeof err);
    srv_handle *h = srv_pool_get(srv->pool);
    int rc = fn(srv_handle_store(h), &g, page_row, &p, &err);
    srv_pool_put(srv->pool, h);
    if (rc == CHR_ENOMEM || rp->body.oom) srv_fail(rp, 500, "out of memory");
    else if (rc < 0) store_failed(rp, &err);
    else page_end(&rp->body, f, p.more);
}

static const route_params list_params = {NULL, 1, SRV_LIMIT_DEFAULT, SRV_LIMIT_MAX};

static void route_events(chr_server *srv, const srv_request *rq, srv_reply *rp)
{
    chr_store_filter f;
    if (read_params(rq, &list_params, &f, rp) != 0) return;
    if (f.kind == CHR_REC_FIGURE) {
        srv_fail(rp, 400, "kind: /api/events lists events; figures are at /api/figures");
        return;
    }
    f.kind = CHR_REC_EVENT;
    chr_buf_puts(&rp->body, "{\"items\":[");
    list(srv, &f, chr_store_mentions, 1, rp);
}

static void route_figures(chr_server *srv, const srv_request *rq, srv_reply *rp)
{
    chr_store_filter f;
    if (read_params(rq, &list_params, &f, rp) != 0) return;
    if (f.kind == CHR_REC_EVENT) {
        srv_fail(rp, 400, "kind: /api/figures lists figures; events are at /api/events");
        return;
    }
    chr_buf_puts(&rp->body, "{\"items\":[");
    list(srv, &f, chr_store_figure_mentions, 1, rp);
}

static void route_stories(chr_server *srv, const srv_request *rq, srv_reply *rp)
{
    chr_store_filter f;
    if (read_params(rq, &list_params, &f, rp) != 0) return;
    chr_buf_puts(&rp->body, "{\"items\":[");
    list(srv, &f, chr_store_stories, 0, rp);
}

/* ---- one story ----------------------------------------------------------------------- */

/* A positive decimal number that is all of s, or 0. */
static long long id_of(const char *s)
{
    if (!*s || strlen(s) > 18) return 0;
    for (const char *p = s; *p; p++)
        if (*p < '0' || *p > '9') return 0;
    return strtoll(s, NULL, 10);
}

static int one_row(const chr_store_row *row, void *ctx)
{
    chr_buf *b = ctx;
    chr_store_json_row(b, 0, row);
    return 1;
}

static void route_story(chr_server *srv, const srv_request *rq, const char *id, srv_reply *rp)
{
    chr_store_filter f;
    if (read_params(rq, &list_params, &f, rp) != 0) return;
    for (size_t i = 0; i < rq->nparams; i++) {
        const char *name = rq->params[i].name;
        if (strcmp(name, "limit") != 0 && strcmp(name, "offset") != 0) {
            srv_fail(rp, 400, "unknown parameter '%.40s': a story's mentions take limit and "
                     "offset", name);
            return;
        }
    }
    long long n = id_of(id);
    chr_store_filter one;
    chr_store_filter_init(&one);
    one.story = n;
    one.limit = 1;
    chr_buf story = CHR_BUF_INIT;
    chr_error err;
    memset(&err, 0, sizeof err);
    int rc = CHR_OK;
    if (n) {
        srv_handle *h = srv_pool_get(srv->pool);
        rc = chr_store_stories(srv_handle_store(h), &one, one_row, &story, &err);
        srv_pool_put(srv->pool, h);
    }
    if (rc < 0) store_failed(rp, &err);
    else if (story.oom) srv_fail(rp, 500, "out of memory");
    else if (!story.len) srv_fail(rp, 404, "no story '%.40s'", id);
    else {
        chr_buf_puts(&rp->body, "{\"story\":");
        chr_buf_append(&rp->body, story.data, story.len);
        chr_buf_puts(&rp->body, ",\"mentions\":[");
        f.story = n;
        list(srv, &f, chr_store_mentions, 1, rp);
    }
    chr_buf_free(&story);
}

/* ---- one document ------------------------------------------------------------------------ */

static int document_json(const chr_store_document *sd, void *ctx)
{
    chr_buf *b = ctx;
    const chr_store_doc *d = &sd->doc;
    chr_buf_putc(b, '{');
    member_str(b, 0, "id", d->id);
    member_str(b, 1, "date", d->date);
    member_str(b, 1, "title", d->title);
    member_str(b, 1, "outlet", d->source);
    member_str(b, 1, "url", d->url);
    chr_buf_puts(b, ",\"text\":");
    chr_buf_json_str(b, d->text, d->text_len);
    chr_buf_puts(b, ",\"sentences\":[");
    for (size_t i = 0; i < d->nsentences; i++)
        chr_buf_printf(b, "%s[%u,%u]", i ? "," : "", (unsigned)d->sentences[2 * i],
                       (unsigned)d->sentences[2 * i + 1]);
    chr_buf_puts(b, "],\"records\":[");
    for (size_t i = 0; i < sd->nrecords; i++) {
        const chr_store_doc_record *r = &sd->records[i];
        chr_buf_printf(b, "%s{\"story\":%lld", i ? "," : "", r->story);
        member_str(b, 1, "kind", r->kind == CHR_REC_EVENT ? "event" : "figure");
        if (*r->type) member_str(b, 1, "type", r->type);
        if (*r->metric) member_str(b, 1, "metric", r->metric);
        chr_buf_printf(b, ",\"sent\":%ld,\"span\":[%u,%u]", r->sent, r->start, r->end);
        if (*r->rule) member_str(b, 1, "rule", r->rule);
        chr_buf_putc(b, '}');
    }
    chr_buf_puts(b, "]}\n");
    return 0;
}

static void route_document(chr_server *srv, const srv_request *rq, const char *id,
                           srv_reply *rp)
{
    static const route_params none = {NULL, 0, 0, 0};
    chr_store_filter f;
    if (read_params(rq, &none, &f, rp) != 0) return;
    chr_error err;
    memset(&err, 0, sizeof err);
    int found = 0;
    srv_handle *h = srv_pool_get(srv->pool);
    int rc = chr_store_document_get(srv_handle_store(h), id, document_json, &rp->body, &found,
                                    &err);
    srv_pool_put(srv->pool, h);
    if (rc < 0) store_failed(rp, &err);
    else if (rp->body.oom) srv_fail(rp, 500, "out of memory");
    else if (!found) srv_fail(rp, 404, "no document '%.60s'", id);
}

/* ---- totals ----------------------------------------------------------------------------- */

typedef struct totals_page {
    chr_buf *b;
    long n, limit;
    int more;
} totals_page;

static int total_row(const chr_store_total *t, void *ctx)
{
    totals_page *p = ctx;
    if (p->n == p->limit) {
        p->more = 1;
        return 1;
    }
    chr_buf *b = p->b;
    if (p->n++) chr_buf_putc(b, ',');
    chr_buf_putc(b, '{');
    member_str(b, 0, "group", t->group);
    if (t->split) member_str(b, 1, "split", t->split);
    member_str(b, 1, "unit", t->unit);
    chr_buf_puts(b, ",\"total\":");
    num(b, t->total);
    chr_buf_printf(b, ",\"stories\":%ld,\"sources\":%ld}", t->stories, t->sources);
    return b->oom ? CHR_ENOMEM : 0;
}

static void route_totals(chr_server *srv, const srv_request *rq, srv_reply *rp)
{
    static const char *const extra[] = {"by", "split", NULL};
    static const route_params how = {extra, 1, SRV_TOTALS_MAX, SRV_TOTALS_MAX};
    static const char keys[] = "actor, recipient, month, item, status or mode";
    chr_store_filter f;
    if (read_params(rq, &how, &f, rp) != 0) return;
    const char *by_name = param(rq, "by"), *split_name = param(rq, "split");
    int by = by_name ? chr_store_by_parse(by_name) : -1;
    int split = split_name ? chr_store_by_parse(split_name) : -1;
    if (by < 0) {
        if (by_name) srv_fail(rp, 400, "by is %s, not '%.40s'", keys, by_name);
        else srv_fail(rp, 400, "by is required: %s", keys);
        return;
    }
    if (split_name && split < 0) {
        srv_fail(rp, 400, "split is %s, not '%.40s'", keys, split_name);
        return;
    }
    if (split == by) {
        srv_fail(rp, 400, "split must differ from by");
        return;
    }
    if (f.kind == CHR_REC_FIGURE || f.metric || f.side || f.population) {
        srv_fail(rp, 400, "totals sum event stories; figures are at /api/figures");
        return;
    }
    chr_buf *b = &rp->body;
    chr_buf_puts(b, "{\"by\":");
    srv_json_str(b, by_name);
    chr_buf_puts(b, ",\"split\":");
    if (split >= 0) srv_json_str(b, split_name);
    else chr_buf_puts(b, "null");
    chr_buf_puts(b, ",\"items\":[");
    totals_page p = {b, 0, f.limit, 0};
    chr_store_filter g = f;
    g.limit = f.limit + 1;
    chr_error err;
    memset(&err, 0, sizeof err);
    srv_handle *h = srv_pool_get(srv->pool);
    int rc = chr_store_totals_split(srv_handle_store(h), (chr_store_by)by, split, &g, total_row,
                                    &p, &err);
    srv_pool_put(srv->pool, h);
    if (rc == CHR_ENOMEM || b->oom) srv_fail(rp, 500, "out of memory");
    else if (rc < 0) store_failed(rp, &err);
    else page_end(b, &f, p.more);
}

/* ---- health ------------------------------------------------------------------------------ */

static void route_health(chr_server *srv, const srv_request *rq, srv_reply *rp)
{
    static const route_params none = {NULL, 0, 0, 0};
    chr_store_filter f;
    if (read_params(rq, &none, &f, rp) != 0) return;
    chr_store_info info;
    chr_error err;
    memset(&err, 0, sizeof err);
    srv_handle *h = srv_pool_get(srv->pool);
    int rc = chr_store_describe(srv_handle_store(h), &info, &err);
    srv_pool_put(srv->pool, h);
    if (rc != CHR_OK) {
        store_failed(rp, &err);
        return;
    }
    chr_buf_printf(&rp->body, "{\"status\":\"ok\",\"schema\":%d,\"documents\":%lld,"
                   "\"records\":%lld,\"stories\":%lld}\n", info.schema, info.documents,
                   info.records, info.stories);
}

/* ---- routing -------------------------------------------------------------------------------- */

/* Answers that take long over a large store (counting every record,
 * summing every story) and are asked again and again are kept while the
 * store stays the same (pool.c): the same request gets the same bytes. */
static int kept(const char *p)
{
    return strcmp(p, "/health") == 0 || strcmp(p, "/totals") == 0;
}

void srv_api(chr_server *srv, const srv_request *rq, srv_reply *rp)
{
    const char *p = rq->path + strlen("/api");
    long long epoch = -1;
    chr_buf key = CHR_BUF_INIT;
    if (kept(p)) {
        chr_buf_puts(&key, p);
        for (size_t i = 0; i < rq->nparams; i++)
            chr_buf_printf(&key, "&%s=%s", rq->params[i].name, rq->params[i].value);
        srv_handle *h = srv_pool_get(srv->pool);
        epoch = key.oom ? -1 : srv_cache_epoch(srv->pool, h);
        srv_pool_put(srv->pool, h);
        if (epoch >= 0 && srv_cache_get(srv->pool, epoch, key.data, &rp->body)) {
            chr_buf_free(&key);
            return;
        }
    }
    if (strcmp(p, "/health") == 0) route_health(srv, rq, rp);
    else if (strcmp(p, "/events") == 0) route_events(srv, rq, rp);
    else if (strcmp(p, "/stories") == 0) route_stories(srv, rq, rp);
    else if (strcmp(p, "/figures") == 0) route_figures(srv, rq, rp);
    else if (strcmp(p, "/totals") == 0) route_totals(srv, rq, rp);
    else if (strncmp(p, "/stories/", 9) == 0) route_story(srv, rq, p + 9, rp);
    else if (strncmp(p, "/documents/", 11) == 0 && p[11]) route_document(srv, rq, p + 11, rp);
    else srv_fail(rp, 404, "no such endpoint: %.80s", rq->path);
    if (rp->status == 200 && rp->body.oom) srv_fail(rp, 500, "out of memory");
    if (epoch >= 0 && rp->status == 200)
        srv_cache_put(srv->pool, epoch, key.data, rp->body.data, rp->body.len);
    chr_buf_free(&key);
}
