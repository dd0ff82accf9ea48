/*
 * test_server.c - the HTTP API as a client sees it: every endpoint answers
 * the store's real numbers, pages hold together, and hostile requests (paths
 * that climb out of the dashboard, a 100 KB query, bad parameters, SQL in
 * every filter, other methods) get the status docs/api.md promises, never a
 * crash or a 500.
 *
 * The group setup writes a few short articles, runs them through the
 * library and puts them in a store (as `chronicle ingest` does), makes a
 * dashboard directory with a file beside it that must never be served, and
 * starts the server in-process on a free loopback port.  The client is a
 * raw socket: one request per connection, the whole answer read to EOF.
 */
#include "testutil.h"

#include <arpa/inet.h>
#include <jansson.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "server/server.h"
#include "store/store.h"
#include "util/buf.h"

/* ---- the articles -------------------------------------------------------------- */

/* Two outlets report the same delivery; a pledge with money and items; the
 * UN's toll; a sanction whose id needs percent-encoding. */
static const struct {
    const char *id, *date, *outlet, *text;
} articles[] = {
    {"dw-tanks", "2022-03-03", "DW",
     "Germany sent 50 Leopard 2 tanks to Ukraine on Sunday. Officials in Kyiv welcomed "
     "the delivery."},
    {"ap-aid", "2022-03-03", "AP",
     "Last week, the White House announced $350 million in military aid for Ukraine, "
     "including Javelin anti-tank missiles."},
    {"un-toll", "2022-03-03", "UN News",
     "More than 2,000 civilians have been killed in Ukraine since February 24, according "
     "to the United Nations."},
    {"reuters-tanks", "2022-03-04", "Reuters",
     "Germany delivered 50 Leopard 2 tanks to Ukraine on Sunday, Reuters reported."},
    {"eu/sanctions \xC3\xBC", "2022-04-10", "Politico",
     "The European Union imposed sanctions on Russia on Friday."},
};
#define NARTICLES (sizeof articles / sizeof *articles)

static const char index_html[] = "<!doctype html><title>Chronicle</title><p>dashboard</p>\n";
static const char secret[] = "the secret outside the dashboard\n";

static char dir[64], db[128], web[128];
static chr_server *srv;
static unsigned port;

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int build_store(void)
{
    chr_engine *e = NULL;
    chr_store *s = NULL;
    chr_error err;
    if (chr_engine_open(&e, NULL, &err) != CHR_OK) return -1;
    if (chr_store_open(&s, db, CHR_STORE_WRITE, &err) != CHR_OK) return -1;
    int rc = chr_store_begin(s, &err);
    for (size_t i = 0; rc == CHR_OK && i < NARTICLES; i++) {
        chr_document in = {articles[i].id, articles[i].date, "", articles[i].outlet, "",
                           articles[i].text, strlen(articles[i].text), "test", 1};
        chr_doc *d = chr_doc_new();
        int outcome;
        rc = d ? chr_doc_process(e, d, &in, NULL, CHR_STAGE_ALL, &err) : CHR_ENOMEM;
        if (rc == CHR_OK) rc = chr_store_put_processed(s, d, 0, &outcome, NULL, &err);
        chr_doc_free(d);
    }
    if (rc == CHR_OK) rc = chr_store_commit(s, &err);
    chr_store_close(s);
    chr_engine_close(e);
    return rc == CHR_OK ? 0 : -1;
}

static int start(void **state)
{
    (void)state;
    char path[192];
    snprintf(dir, sizeof dir, "/tmp/chr-server-XXXXXX");
    if (!mkdtemp(dir)) return -1;
    snprintf(db, sizeof db, "%s/store.db", dir);
    snprintf(web, sizeof web, "%s/web", dir);
    if (build_store() != 0 || mkdir(web, 0755) != 0) return -1;
    snprintf(path, sizeof path, "%s/index.html", web);
    write_file(path, index_html);
    chr_buf js = CHR_BUF_INIT;
    for (int i = 0; i < 200; i++) chr_buf_printf(&js, "console.log('line %d');\n", i);
    snprintf(path, sizeof path, "%s/app.js", web);
    write_file(path, js.data);
    chr_buf_free(&js);
    snprintf(path, sizeof path, "%s/.env", web);
    write_file(path, secret);
    snprintf(path, sizeof path, "%s/secret.txt", dir);
    write_file(path, secret);
    char link[192];
    snprintf(link, sizeof link, "%s/leak.txt", web);
    if (symlink(path, link) != 0) return -1;

    chr_server_options opt = {db, "127.0.0.1", 0, web, 4};
    chr_error err;
    if (chr_server_start(&srv, &opt, &err) != CHR_OK) {
        fprintf(stderr, "%s\n", err.msg);
        return -1;
    }
    port = chr_server_port(srv);
    return 0;
}

static int stop(void **state)
{
    (void)state;
    chr_server_stop(srv);
    static const char *const files[] = {"store.db", "store.db-wal", "store.db-shm",
                                        "secret.txt", "web/index.html", "web/app.js",
                                        "web/.env", "web/leak.txt"};
    char path[192];
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        unlink(path);
    }
    rmdir(web);
    rmdir(dir);
    return 0;
}

/* ---- the client ------------------------------------------------------------------ */

typedef struct reply {
    int status;
    chr_buf raw;            /* status line, headers, body */
    const char *body;
    size_t body_len;
    json_t *json;           /* the body parsed, when it is JSON */
} reply;

/* Send a request (the request line's target as given, extra header lines
 * ending in \r\n) to port p and read the whole answer; status 0 when the
 * server closed the connection without one. */
static reply request_to(unsigned p, const char *method, const char *target, const char *headers)
{
    reply r;
    memset(&r, 0, sizeof r);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(fd >= 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((unsigned short)p);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
    chr_buf q = CHR_BUF_INIT;
    chr_buf_printf(&q, "%s %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n%s\r\n", method,
                   target, headers ? headers : "");
    for (size_t sent = 0; sent < q.len;) {
        ssize_t k = send(fd, q.data + sent, q.len - sent, MSG_NOSIGNAL);
        if (k <= 0) break;      /* the server may refuse before reading it all */
        sent += (size_t)k;
    }
    chr_buf_free(&q);
    char chunk[65536];
    ssize_t k;
    while ((k = recv(fd, chunk, sizeof chunk, 0)) > 0) chr_buf_append(&r.raw, chunk, (size_t)k);
    close(fd);
    if (!r.raw.len) {
        r.body = "";
        return r;
    }
    assert_int_equal(sscanf(r.raw.data, "HTTP/1.1 %d", &r.status), 1);
    char *end = strstr(r.raw.data, "\r\n\r\n");
    assert_non_null(end);
    r.body = end + 4;
    r.body_len = r.raw.len - (size_t)(r.body - r.raw.data);
    r.json = json_loadb(r.body, r.body_len, 0, NULL);
    return r;
}

static reply get(const char *target) { return request_to(port, "GET", target, NULL); }

static void reply_free(reply *r)
{
    json_decref(r->json);
    chr_buf_free(&r->raw);
}

/* The value of header name ("" when absent), into out. */
static const char *header(const reply *r, const char *name, char *out, size_t cap)
{
    size_t n = strlen(name);
    out[0] = '\0';
    for (const char *p = strstr(r->raw.data, "\r\n"); p && p + 2 < r->body;
         p = strstr(p + 2, "\r\n"))
        if (strncasecmp(p + 2, name, n) == 0 && p[2 + n] == ':') {
            const char *v = p + 3 + n;
            while (*v == ' ') v++;
            size_t len = strcspn(v, "\r");
            snprintf(out, cap, "%.*s", (int)(len < cap ? len : cap - 1), v);
            break;
        }
    return out;
}

static json_t *member(const reply *r, const char *key)
{
    assert_non_null(r->json);
    json_t *v = json_object_get(r->json, key);
    if (!v) fail_msg("no \"%s\" in %.*s", key, (int)r->body_len, r->body);
    return v;
}

static long long inum(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    assert_true(json_is_number(v));
    return (long long)json_number_value(v);
}

static const char *istr(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    return json_is_string(v) ? json_string_value(v) : "";
}

/* Status and error message of a refused request. */
static void expect_error(const char *target, int status, const char *words)
{
    reply r = get(target);
    if (r.status != status)
        fail_msg("%s: status %d, not %d: %.*s", target, r.status, status, (int)r.body_len,
                 r.body);
    const char *msg = json_string_value(member(&r, "error"));
    assert_non_null(msg);
    if (words && !strstr(msg, words)) fail_msg("%s: '%s' does not say '%s'", target, msg, words);
    reply_free(&r);
}

/* ---- what the store holds, asked directly ------------------------------------------ */

static int count_row(const chr_store_row *row, void *ctx)
{
    (void)row;
    ++*(long *)ctx;
    return 0;
}

static long store_count(int kind, const char *actor)
{
    chr_store *s = NULL;
    chr_error err;
    assert_int_equal(chr_store_open(&s, db, CHR_STORE_READ, &err), CHR_OK);
    chr_store_filter f;
    chr_store_filter_init(&f);
    f.kind = kind;
    f.actor = actor;
    long n = 0;
    assert_int_equal(chr_store_mentions(s, &f, count_row, &n, &err), CHR_OK);
    chr_store_close(s);
    return n;
}

/* ---- endpoints ------------------------------------------------------------------------ */

static void test_health_counts_what_the_store_holds(void **state)
{
    (void)state;
    chr_store *s = NULL;
    chr_error err;
    chr_store_info info;
    assert_int_equal(chr_store_open(&s, db, CHR_STORE_READ, &err), CHR_OK);
    assert_int_equal(chr_store_describe(s, &info, &err), CHR_OK);
    chr_store_close(s);
    reply r = get("/api/health");
    assert_int_equal(r.status, 200);
    assert_string_equal(json_string_value(member(&r, "status")), "ok");
    assert_int_equal(inum(r.json, "schema"), CHR_STORE_SCHEMA);
    assert_int_equal(inum(r.json, "documents"), NARTICLES);
    assert_int_equal(inum(r.json, "records"), info.records);
    assert_int_equal(inum(r.json, "stories"), info.stories);
    assert_true(info.records >= 5);
    char type[64];
    assert_string_equal(header(&r, "Content-Type", type, sizeof type),
                        "application/json; charset=utf-8");
    reply_free(&r);
}

static void test_events_are_event_mentions_newest_first(void **state)
{
    (void)state;
    reply r = get("/api/events");
    assert_int_equal(r.status, 200);
    json_t *items = member(&r, "items");
    assert_int_equal(json_array_size(items), store_count(CHR_REC_EVENT, NULL));
    assert_int_equal(inum(r.json, "limit"), 100);
    assert_int_equal(inum(r.json, "offset"), 0);
    assert_true(json_is_false(member(&r, "more")));
    const char *last = "9999";
    size_t i;
    json_t *it;
    json_array_foreach(items, i, it) {
        assert_string_equal(istr(it, "kind"), "event");
        assert_true(inum(it, "story") > 0);
        assert_true(*istr(it, "doc_id") && *istr(it, "sentence"));
        assert_true(strcmp(istr(it, "published"), last) <= 0);
        last = istr(it, "published");
    }
    /* the sanction, published last, comes first */
    assert_string_equal(istr(json_array_get(items, 0), "type"), "SANCTION");
    reply_free(&r);
}

static void test_events_filter_like_the_query_command(void **state)
{
    (void)state;
    reply r = get("/api/events?actor=deu&type=AID");
    assert_int_equal(r.status, 200);
    json_t *items = member(&r, "items");
    assert_int_equal(json_array_size(items), 2);
    assert_int_equal(json_array_size(items), store_count(CHR_REC_EVENT, "DEU"));
    assert_string_equal(istr(json_array_get(items, 0), "doc_id"), "reuters-tanks");
    assert_string_equal(istr(json_array_get(items, 0), "outlet"), "Reuters");
    assert_string_equal(istr(json_array_get(items, 1), "doc_id"), "dw-tanks");
    assert_string_equal(istr(json_array_get(items, 1), "outlet"), "DW");
    reply_free(&r);
    r = get("/api/events?since=2022-04&until=2022");
    assert_int_equal(json_array_size(member(&r, "items")), 1);
    reply_free(&r);
    r = get("/api/events?item=Javelin&source=AP&status=pledged");
    assert_int_equal(json_array_size(member(&r, "items")), 1);
    assert_string_equal(istr(json_array_get(member(&r, "items"), 0), "doc_id"), "ap-aid");
    reply_free(&r);
}

static void test_pages_join_into_the_whole_list(void **state)
{
    (void)state;
    reply all = get("/api/events");
    size_t n = json_array_size(member(&all, "items"));
    assert_true(n >= 4);
    for (size_t off = 0; off < n; off++) {
        char target[64];
        snprintf(target, sizeof target, "/api/events?limit=1&offset=%zu", off);
        reply r = get(target);
        assert_int_equal(r.status, 200);
        assert_int_equal(json_array_size(member(&r, "items")), 1);
        assert_true(json_equal(json_array_get(member(&r, "items"), 0),
                               json_array_get(member(&all, "items"), off)));
        assert_int_equal(json_is_true(member(&r, "more")), off + 1 < n);
        reply_free(&r);
    }
    char target[64];
    snprintf(target, sizeof target, "/api/events?offset=%zu", n);
    reply r = get(target);
    assert_int_equal(json_array_size(member(&r, "items")), 0);
    assert_true(json_is_false(member(&r, "more")));
    reply_free(&r);
    reply_free(&all);
}

static void test_same_delivery_from_two_outlets_is_one_story(void **state)
{
    (void)state;
    reply r = get("/api/stories?type=AID&actor=DEU");
    assert_int_equal(r.status, 200);
    json_t *items = member(&r, "items");
    assert_int_equal(json_array_size(items), 1);
    json_t *s = json_array_get(items, 0);
    assert_int_equal(inum(s, "mentions"), 2);
    assert_int_equal(inum(s, "documents"), 2);
    json_t *sources = json_object_get(s, "sources");
    assert_int_equal(json_array_size(sources), 2);
    assert_string_equal(json_string_value(json_array_get(sources, 0)), "DW");
    assert_string_equal(json_string_value(json_array_get(sources, 1)), "Reuters");
    assert_string_equal(istr(json_object_get(s, "date"), "start"), "2022-02-27");
    long long id = inum(s, "story");
    reply_free(&r);

    char target[64];
    snprintf(target, sizeof target, "/api/stories/%lld", id);
    r = get(target);
    assert_int_equal(r.status, 200);
    assert_int_equal(inum(member(&r, "story"), "story"), id);
    json_t *mentions = member(&r, "mentions");
    assert_int_equal(json_array_size(mentions), 2);
    assert_int_equal(inum(json_array_get(mentions, 0), "story"), id);
    assert_true(strstr(istr(json_array_get(mentions, 1), "sentence"), "Germany sent 50"));
    reply_free(&r);
    snprintf(target, sizeof target, "/api/stories/%lld?limit=1", id);
    r = get(target);
    assert_int_equal(json_array_size(member(&r, "mentions")), 1);
    assert_true(json_is_true(member(&r, "more")));
    reply_free(&r);
}

static void test_missing_story_is_404(void **state)
{
    (void)state;
    expect_error("/api/stories/999999", 404, "no story");
    expect_error("/api/stories/abc", 404, "no story");
    expect_error("/api/stories/0", 404, NULL);
    expect_error("/api/stories/-1", 404, NULL);
    expect_error("/api/stories/99999999999999999999999", 404, NULL);
    expect_error("/api/stories/1?type=AID", 400, "limit and offset");
}

static void test_figures_give_each_report_with_its_source(void **state)
{
    (void)state;
    reply r = get("/api/figures?metric=killed");
    assert_int_equal(r.status, 200);
    json_t *items = member(&r, "items");
    assert_int_equal(json_array_size(items), 1);
    json_t *f = json_array_get(items, 0);
    assert_string_equal(istr(f, "kind"), "figure");
    assert_int_equal(inum(f, "value"), 2000);
    assert_string_equal(istr(f, "population"), "civilians");
    assert_string_equal(istr(f, "doc_id"), "un-toll");
    assert_string_equal(istr(json_object_get(f, "source"), "name"), "United Nations");
    reply_free(&r);
    r = get("/api/figures");
    assert_int_equal(json_array_size(member(&r, "items")), store_count(CHR_REC_FIGURE, NULL));
    reply_free(&r);
    /* "+" in a query is a space, as forms send it */
    r = get("/api/figures?source=UN+News");
    assert_int_equal(json_array_size(member(&r, "items")), 1);
    reply_free(&r);
}

/* The row of a totals reply with this group, split and unit, or NULL. */
static json_t *total_of(const reply *r, const char *group, const char *split, const char *unit)
{
    size_t i;
    json_t *it;
    json_array_foreach(member(r, "items"), i, it) {
        if (strcmp(istr(it, "group"), group) == 0 && strcmp(istr(it, "unit"), unit) == 0 &&
            (!split || strcmp(istr(it, "split"), split) == 0))
            return it;
    }
    return NULL;
}

static void test_totals_sum_stories_by_one_or_two_keys(void **state)
{
    (void)state;
    reply r = get("/api/totals?by=actor");
    assert_int_equal(r.status, 200);
    assert_string_equal(json_string_value(member(&r, "by")), "actor");
    assert_true(json_is_null(member(&r, "split")));
    json_t *usd = total_of(&r, "USA", NULL, "USD");
    assert_non_null(usd);
    assert_int_equal(inum(usd, "total"), 350000000);
    json_t *deu = total_of(&r, "DEU", NULL, "items");
    assert_non_null(deu);
    assert_int_equal(inum(deu, "total"), 50);
    assert_int_equal(inum(deu, "stories"), 1);
    assert_int_equal(inum(deu, "sources"), 2);
    assert_null(json_object_get(deu, "split"));
    reply_free(&r);

    r = get("/api/totals?by=month&split=actor&type=AID");
    assert_int_equal(r.status, 200);
    assert_string_equal(json_string_value(member(&r, "split")), "actor");
    json_t *t = total_of(&r, "2022-02", "DEU", "stories");
    assert_non_null(t);
    assert_int_equal(inum(t, "total"), 1);
    t = total_of(&r, "2022-02", "USA", "USD");
    assert_non_null(t);
    assert_int_equal(inum(t, "total"), 350000000);
    assert_null(total_of(&r, "2022-04", NULL, "stories"));  /* the sanction is not AID */
    reply_free(&r);

    r = get("/api/totals?by=status&split=item");
    assert_int_equal(r.status, 200);
    t = total_of(&r, "delivered", "Leopard 2", "items");
    assert_non_null(t);
    assert_int_equal(inum(t, "total"), 50);
    reply_free(&r);
    expect_error("/api/totals", 400, "by is required");
    expect_error("/api/totals?by=weekday", 400, "by is");
    expect_error("/api/totals?by=actor&split=actor", 400, "differ");
    expect_error("/api/totals?by=actor&split=nope", 400, "split is");
    expect_error("/api/totals?by=actor&metric=killed", 400, "figures");
}

/* Percent-encode every byte that is not unreserved. */
static void encode(const char *s, char *out, size_t cap)
{
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && o + 4 < cap; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            *p == '-' || *p == '_' || *p == '.')
            out[o++] = (char)*p;
        else o += (size_t)snprintf(out + o, cap - o, "%%%02X", *p);
    }
    out[o] = '\0';
}

static void test_document_has_its_text_sentences_and_record_spans(void **state)
{
    (void)state;
    for (size_t k = 0; k < NARTICLES; k++) {
        char enc[128], target[192];
        encode(articles[k].id, enc, sizeof enc);
        snprintf(target, sizeof target, "/api/documents/%s", enc);
        reply r = get(target);
        if (r.status != 200) fail_msg("%s: %d", target, r.status);
        assert_string_equal(json_string_value(member(&r, "id")), articles[k].id);
        assert_string_equal(json_string_value(member(&r, "date")), articles[k].date);
        assert_string_equal(json_string_value(member(&r, "outlet")), articles[k].outlet);
        const char *text = json_string_value(member(&r, "text"));
        assert_string_equal(text, articles[k].text);
        json_t *sents = member(&r, "sentences"), *recs = member(&r, "records");
        assert_true(json_array_size(sents) >= 1);
        assert_true(json_array_size(recs) >= 1);
        size_t i;
        json_t *rec;
        json_array_foreach(recs, i, rec) {
            json_t *span = json_object_get(rec, "span");
            size_t a = (size_t)json_integer_value(json_array_get(span, 0));
            size_t b = (size_t)json_integer_value(json_array_get(span, 1));
            assert_true(a < b && b <= strlen(text));
            /* a record's span is the span of its sentence */
            json_t *sent = json_array_get(sents, (size_t)inum(rec, "sent"));
            assert_non_null(sent);
            assert_int_equal(json_integer_value(json_array_get(sent, 0)), a);
            assert_int_equal(json_integer_value(json_array_get(sent, 1)), b);
            assert_true(*istr(rec, "rule"));
            assert_true(inum(rec, "story") > 0);
        }
        reply_free(&r);
    }
    expect_error("/api/documents/no-such-document", 404, "no document");
    expect_error("/api/documents/dw-tanks?x=1", 400, "unknown parameter");
}

static void test_head_answers_headers_only(void **state)
{
    (void)state;
    reply r = request_to(port, "HEAD", "/api/health", NULL);
    assert_int_equal(r.status, 200);
    assert_int_equal(r.body_len, 0);
    char len[32];
    assert_true(atoi(header(&r, "Content-Length", len, sizeof len)) > 10);
    reply_free(&r);
}

/* ---- hostile requests ------------------------------------------------------------------ */

static void test_bad_parameters_are_400_naming_the_parameter(void **state)
{
    (void)state;
    static const struct {
        const char *target, *words;
    } cases[] = {
        {"/api/events?since=2022-13", "since"},
        {"/api/events?until=yesterday", "until"},
        {"/api/events?since=2022-02-30", "since"},
        {"/api/events?limit=-1", "limit"},
        {"/api/events?limit=0", "limit"},
        {"/api/events?limit=1000000000", "at most 1000"},
        {"/api/events?limit=99999999999999999999", "limit"},
        {"/api/events?limit=1001", "at most 1000"},
        {"/api/events?limit=ten", "limit"},
        {"/api/events?offset=-5", "offset"},
        {"/api/stories?kind=story", "kind"},
        {"/api/stories?story=x", "story"},
        {"/api/events?kind=figure", "kind"},
        {"/api/figures?kind=event", "kind"},
        {"/api/events?colour=red", "unknown parameter 'colour'"},
        {"/api/events?type=AID&type=AID", "twice"},
        {"/api/events?type=", "type"},
        {"/api/events?actor", "actor"},
        {"/api/health?verbose=1", "unknown parameter"},
        {"/api/events?%FF%FE=1", "unknown parameter"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        expect_error(cases[i].target, 400, cases[i].words);
}

static void test_long_urls_and_headers_are_refused(void **state)
{
    (void)state;
    chr_buf t = CHR_BUF_INIT;
    chr_buf_puts(&t, "/api/events?type=");
    for (int i = 0; i < 100 * 1024; i++) chr_buf_putc(&t, 'A');
    expect_error(t.data, 414, "URL");
    chr_buf_free(&t);

    chr_buf h = CHR_BUF_INIT;
    chr_buf_puts(&h, "X-Padding: ");
    for (int i = 0; i < 20000; i++) chr_buf_putc(&h, 'b');
    chr_buf_puts(&h, "\r\n");
    reply r = request_to(port, "GET", "/api/health", h.data);
    assert_int_equal(r.status, 431);
    reply_free(&r);
    chr_buf_free(&h);

    /* Past what the HTTP layer buffers it is refused before the routes,
     * perhaps while the client still sends: a 414, or the connection
     * closed; the server answers the next request all the same. */
    chr_buf huge = CHR_BUF_INIT;
    chr_buf_puts(&huge, "/api/events?type=");
    for (int i = 0; i < 512 * 1024; i++) chr_buf_putc(&huge, 'A');
    r = request_to(port, "GET", huge.data, NULL);
    assert_true(r.status == 414 || r.status == 0);
    reply_free(&r);
    chr_buf_free(&huge);
    r = get("/api/health");
    assert_int_equal(r.status, 200);
    reply_free(&r);

    chr_buf many = CHR_BUF_INIT;
    chr_buf_puts(&many, "/api/events?");
    for (int i = 0; i < 100; i++) chr_buf_printf(&many, "%sp%d=1", i ? "&" : "", i);
    expect_error(many.data, 400, "parameters");
    chr_buf_free(&many);
}

static void test_unknown_routes_are_404(void **state)
{
    (void)state;
    expect_error("/api/nothing", 404, "no such endpoint");
    expect_error("/api", 404, NULL);
    expect_error("/api/", 404, NULL);
    expect_error("/api/events/", 404, NULL);
    expect_error("/api/documents/", 404, NULL);
    expect_error("/nothing.html", 404, NULL);
}

static void test_other_methods_are_405(void **state)
{
    (void)state;
    static const char *const methods[] = {"POST", "DELETE", "PUT", "PATCH", "OPTIONS"};
    for (size_t i = 0; i < sizeof methods / sizeof *methods; i++) {
        reply r = request_to(port, methods[i], "/api/events",
                             "Content-Type: application/json\r\nContent-Length: 2\r\n");
        if (r.status != 405) fail_msg("%s: %d", methods[i], r.status);
        char allow[64];
        assert_string_equal(header(&r, "Allow", allow, sizeof allow), "GET, HEAD");
        assert_non_null(json_object_get(r.json, "error"));
        reply_free(&r);
    }
    reply r = request_to(port, "GET", "/api/health", "Content-Length: 5\r\n");
    assert_int_equal(r.status, 413);
    reply_free(&r);
}

static void test_sql_in_any_filter_matches_nothing(void **state)
{
    (void)state;
    static const char *const names[] = {"type", "mode", "status", "actor", "recipient", "item",
                                        "metric", "side", "population", "source", "doc"};
    static const char *const values[] = {
        "UKR%27%20OR%20%271%27%3D%271", "x%27%3B%20DROP%20TABLE%20records%3B%20--",
        "%22%3B%20DELETE%20FROM%20stories%3B%20--", "%25", "_", "%27%29%20UNION%20SELECT%201--"};
    static const char *const lists[] = {"/api/events", "/api/stories", "/api/figures",
                                        "/api/totals?by=actor&"};
    reply before = get("/api/health");
    for (size_t n = 0; n < sizeof names / sizeof *names; n++)
        for (size_t v = 0; v < sizeof values / sizeof *values; v++)
            for (size_t l = 0; l < sizeof lists / sizeof *lists; l++) {
                int totals = l == 3;
                if (totals && (strcmp(names[n], "metric") == 0 || strcmp(names[n], "side") == 0 ||
                               strcmp(names[n], "population") == 0))
                    continue;
                char target[256];
                snprintf(target, sizeof target, "%s%s%s=%s", lists[l], totals ? "" : "?",
                         names[n], values[v]);
                reply r = get(target);
                if (r.status != 200 || json_array_size(member(&r, "items")) != 0)
                    fail_msg("%s: %d %.*s", target, r.status, (int)r.body_len, r.body);
                reply_free(&r);
            }
    reply after = get("/api/health");
    assert_true(json_equal(before.json, after.json));
    reply_free(&before);
    reply_free(&after);
}

/* ---- static files ------------------------------------------------------------------------ */

static void test_root_is_the_dashboard_index(void **state)
{
    (void)state;
    reply r = get("/");
    assert_int_equal(r.status, 200);
    assert_int_equal(r.body_len, strlen(index_html));
    assert_memory_equal(r.body, index_html, r.body_len);
    char v[128];
    assert_string_equal(header(&r, "Content-Type", v, sizeof v), "text/html; charset=utf-8");
    assert_true(*header(&r, "ETag", v, sizeof v));
    assert_true(strstr(header(&r, "Last-Modified", v, sizeof v), " GMT") != NULL);
    reply_free(&r);
}

static void test_files_revalidate_with_etag(void **state)
{
    (void)state;
    reply r = get("/app.js");
    assert_int_equal(r.status, 200);
    char type[64], etag[96], hdr[160];
    assert_string_equal(header(&r, "Content-Type", type, sizeof type),
                        "text/javascript; charset=utf-8");
    header(&r, "ETag", etag, sizeof etag);
    assert_true(*etag);
    snprintf(hdr, sizeof hdr, "If-None-Match: %s\r\n", etag);
    reply again = request_to(port, "GET", "/app.js", hdr);
    assert_int_equal(again.status, 304);
    assert_int_equal(again.body_len, 0);
    reply_free(&again);
    again = request_to(port, "GET", "/app.js", "If-None-Match: \"something-else\"\r\n");
    assert_int_equal(again.status, 200);
    reply_free(&again);
    again = request_to(port, "GET", "/app.js",
                       "If-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT\r\n");
    assert_int_equal(again.status, 304);
    reply_free(&again);
    reply_free(&r);
}

static void test_files_are_gzipped_when_the_client_takes_it(void **state)
{
    (void)state;
    reply plain = get("/app.js");
    reply gz = request_to(port, "GET", "/app.js", "Accept-Encoding: br, gzip;q=0.8\r\n");
    char enc[32];
    assert_string_equal(header(&gz, "Content-Encoding", enc, sizeof enc), "gzip");
    assert_true(gz.body_len < plain.body_len / 4);
    /* inflate it back */
    char *out = malloc(plain.body_len + 1);
    assert_non_null(out);
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(inflateInit2(&z, 15 + 16), Z_OK);
    z.next_in = (Bytef *)(uintptr_t)gz.body;
    z.avail_in = (uInt)gz.body_len;
    z.next_out = (Bytef *)out;
    z.avail_out = (uInt)plain.body_len + 1;
    assert_int_equal(inflate(&z, Z_FINISH), Z_STREAM_END);
    assert_int_equal(z.total_out, plain.body_len);
    assert_memory_equal(out, plain.body, plain.body_len);
    inflateEnd(&z);
    free(out);
    reply refused = request_to(port, "GET", "/app.js", "Accept-Encoding: gzip;q=0\r\n");
    assert_string_equal(header(&refused, "Content-Encoding", enc, sizeof enc), "");
    reply_free(&refused);
    reply_free(&gz);
    reply_free(&plain);
}

static void test_paths_never_leave_the_dashboard(void **state)
{
    (void)state;
    static const char *const paths[] = {
        "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/..%2fsecret.txt",
        "/.%2e/secret.txt", "/sub/../../secret.txt", "/leak.txt", "/.env", "//secret.txt",
        "/%2fetc%2fpasswd", "/index.html/..", "/./index.html", "/..", "/%00index.html",
        "/index.html%00.js", "/..\\secret.txt",
    };
    for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
        reply r = get(paths[i]);
        if (r.status != 404) fail_msg("%s: %d", paths[i], r.status);
        assert_null(strstr(r.body, "secret outside"));
        reply_free(&r);
    }
}

static void test_without_a_dashboard_the_api_still_answers(void **state)
{
    (void)state;
    chr_server *bare = NULL;
    chr_server_options opt = {db, "127.0.0.1", 0, NULL, 1};
    chr_error err;
    assert_int_equal(chr_server_start(&bare, &opt, &err), CHR_OK);
    unsigned p = chr_server_port(bare);
    reply r = request_to(p, "GET", "/", NULL);
    assert_int_equal(r.status, 404);
    assert_non_null(strstr(json_string_value(member(&r, "error")), "dashboard"));
    reply_free(&r);
    r = request_to(p, "GET", "/api/health", NULL);
    assert_int_equal(r.status, 200);
    reply_free(&r);
    chr_server_stop(bare);
}

static void test_a_missing_store_is_refused_at_start(void **state)
{
    (void)state;
    char missing[160];
    snprintf(missing, sizeof missing, "%s/none.db", dir);
    chr_server *s = NULL;
    chr_server_options opt = {missing, "127.0.0.1", 0, NULL, 2};
    chr_error err;
    assert_int_not_equal(chr_server_start(&s, &opt, &err), CHR_OK);
    assert_null(s);
    assert_non_null(strstr(err.msg, "no store"));
    assert_int_equal(access(missing, F_OK), -1);
}

/* ---- threads ---------------------------------------------------------------------------- */

typedef struct client {
    const char *target;
    const char *expect;     /* the body every answer must have */
    int failures;
} client;

static void *hammer(void *arg)
{
    client *c = arg;
    for (int i = 0; i < 25; i++) {
        reply r = get(c->target);
        if (r.status != 200 || strlen(c->expect) != r.body_len ||
            memcmp(r.body, c->expect, r.body_len) != 0)
            c->failures++;
        reply_free(&r);
    }
    return NULL;
}

static void test_concurrent_requests_get_the_same_answers(void **state)
{
    (void)state;
    static const char *const targets[] = {"/api/events", "/api/stories?type=AID",
                                          "/api/totals?by=month&split=actor",
                                          "/api/documents/ap-aid", "/api/figures",
                                          "/api/health"};
    enum { N = sizeof targets / sizeof *targets };
    client c[N];
    reply first[N];
    pthread_t t[N];
    for (size_t i = 0; i < N; i++) {
        first[i] = get(targets[i]);
        assert_int_equal(first[i].status, 200);
        c[i] = (client){targets[i], first[i].body, 0};
        assert_int_equal(pthread_create(&t[i], NULL, hammer, &c[i]), 0);
    }
    for (size_t i = 0; i < N; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(c[i].failures, 0);
        reply_free(&first[i]);
    }
}

/* Runs last: it adds a document to the store the other tests read. */
static void test_a_later_ingest_is_seen_at_once(void **state)
{
    (void)state;
    reply r = get("/api/health");
    long long docs = inum(r.json, "documents"), records = inum(r.json, "records");
    reply_free(&r);
    /* totals are kept by each handle until the store changes: ask often
     * enough that every handle keeps them */
    for (int i = 0; i < 8; i++) {
        r = get("/api/totals?by=actor");
        assert_null(total_of(&r, "POL", NULL, "stories"));
        reply_free(&r);
    }
    chr_engine *e = NULL;
    chr_store *s = NULL;
    chr_error err;
    assert_int_equal(chr_engine_open(&e, NULL, &err), CHR_OK);
    assert_int_equal(chr_store_open(&s, db, CHR_STORE_WRITE, &err), CHR_OK);
    const char *text = "Poland delivered 14 Leopard 2 tanks to Ukraine on Friday.";
    chr_document in = {"late", "2022-05-02", "", "PAP", "", text, strlen(text), "test", 1};
    chr_doc *d = chr_doc_new();
    int outcome;
    assert_int_equal(chr_doc_process(e, d, &in, NULL, CHR_STAGE_ALL, &err), CHR_OK);
    assert_int_equal(chr_store_begin(s, &err), CHR_OK);
    assert_int_equal(chr_store_put_processed(s, d, 0, &outcome, NULL, &err), CHR_OK);
    assert_int_equal(chr_store_commit(s, &err), CHR_OK);
    chr_doc_free(d);
    chr_store_close(s);
    chr_engine_close(e);
    /* every request thread's handle sees it, whatever it counted before */
    for (int i = 0; i < 8; i++) {
        r = get("/api/health");
        assert_int_equal(inum(r.json, "documents"), docs + 1);
        assert_true(inum(r.json, "records") > records);
        reply_free(&r);
    }
    r = get("/api/events?actor=POL");
    assert_int_equal(json_array_size(member(&r, "items")), 1);
    assert_string_equal(istr(json_array_get(member(&r, "items"), 0), "doc_id"), "late");
    reply_free(&r);
    for (int i = 0; i < 8; i++) {
        r = get("/api/totals?by=actor");
        json_t *pol = total_of(&r, "POL", NULL, "items");
        assert_non_null(pol);
        assert_int_equal(inum(pol, "total"), 14);
        reply_free(&r);
    }
}

/* ---- addresses -------------------------------------------------------------------------- */

static void test_listen_addresses(void **state)
{
    (void)state;
    static const struct {
        const char *spec, *host;
        unsigned port;
        int ok;
    } cases[] = {
        {"127.0.0.1:8080", "127.0.0.1", 8080, 1},
        {"0.0.0.0:80", "0.0.0.0", 80, 1},
        {"[::1]:9000", "::1", 9000, 1},
        {":8081", "127.0.0.1", 8081, 1},
        {"8082", "127.0.0.1", 8082, 1},
        {"localhost:0", "localhost", 0, 1},
        {"127.0.0.1:65536", "", 0, 0},
        {"127.0.0.1:", "", 0, 0},
        {"127.0.0.1:-1", "", 0, 0},
        {"::1:80", "", 0, 0},
        {"127.0.0.1:80x", "", 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char host[64] = "";
        unsigned p = 99999;
        chr_error err;
        int rc = chr_server_parse_listen(cases[i].spec, host, sizeof host, &p, &err);
        if ((rc == CHR_OK) != cases[i].ok) fail_msg("%s: %d", cases[i].spec, rc);
        if (!cases[i].ok) continue;
        assert_string_equal(host, cases[i].host);
        assert_int_equal(p, cases[i].port);
    }
    assert_int_equal(chr_server_is_loopback("127.0.0.1"), 1);
    assert_int_equal(chr_server_is_loopback("127.1.2.3"), 1);
    assert_int_equal(chr_server_is_loopback("::1"), 1);
    assert_int_equal(chr_server_is_loopback("0.0.0.0"), 0);
    assert_int_equal(chr_server_is_loopback("::"), 0);
    assert_int_equal(chr_server_is_loopback("192.0.2.1"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_health_counts_what_the_store_holds),
        cmocka_unit_test(test_events_are_event_mentions_newest_first),
        cmocka_unit_test(test_events_filter_like_the_query_command),
        cmocka_unit_test(test_pages_join_into_the_whole_list),
        cmocka_unit_test(test_same_delivery_from_two_outlets_is_one_story),
        cmocka_unit_test(test_missing_story_is_404),
        cmocka_unit_test(test_figures_give_each_report_with_its_source),
        cmocka_unit_test(test_totals_sum_stories_by_one_or_two_keys),
        cmocka_unit_test(test_document_has_its_text_sentences_and_record_spans),
        cmocka_unit_test(test_head_answers_headers_only),
        cmocka_unit_test(test_bad_parameters_are_400_naming_the_parameter),
        cmocka_unit_test(test_long_urls_and_headers_are_refused),
        cmocka_unit_test(test_unknown_routes_are_404),
        cmocka_unit_test(test_other_methods_are_405),
        cmocka_unit_test(test_sql_in_any_filter_matches_nothing),
        cmocka_unit_test(test_root_is_the_dashboard_index),
        cmocka_unit_test(test_files_revalidate_with_etag),
        cmocka_unit_test(test_files_are_gzipped_when_the_client_takes_it),
        cmocka_unit_test(test_paths_never_leave_the_dashboard),
        cmocka_unit_test(test_without_a_dashboard_the_api_still_answers),
        cmocka_unit_test(test_a_missing_store_is_refused_at_start),
        cmocka_unit_test(test_concurrent_requests_get_the_same_answers),
        cmocka_unit_test(test_listen_addresses),
        cmocka_unit_test(test_a_later_ingest_is_seen_at_once),
    };
    return cmocka_run_group_tests(tests, start, stop);
}
