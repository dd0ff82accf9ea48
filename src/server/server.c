/*
 * server.c - the HTTP side: the listening socket, libmicrohttpd's daemon
 * with its bounded thread pool, and the one function that turns each
 * request into a srv_request, hands it to a route and sends the reply.
 *
 * Everything a client sends is checked here before a route sees it: the
 * method (GET and HEAD only: 405), a body (none: 413), the length of the
 * URL (414) and of the headers (431), the number of parameters (400).
 * libmicrohttpd itself refuses a request larger than the memory it gives a
 * connection (SRV_CONN_MEMORY) before this code runs, with the same
 * statuses and a body of its own.
 */
#include "server/server_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define SRV_CONN_MEMORY (256 * 1024)
#define SRV_CONN_LIMIT 256
#define SRV_CONN_TIMEOUT 30     /* seconds a connection may idle */

/* ---- addresses -------------------------------------------------------------------- */

int chr_server_parse_listen(const char *spec, char *host, size_t cap, unsigned *port,
                            chr_error *err)
{
    const char *colon = strrchr(spec, ':'), *p = colon ? colon + 1 : spec;
    size_t hlen = colon ? (size_t)(colon - spec) : 0;
    const char *h = spec;
    if (hlen >= 2 && spec[0] == '[' && spec[hlen - 1] == ']') {
        h++;
        hlen -= 2;
    } else if (colon && memchr(spec, ':', hlen)) {
        return chr_error_set(err, CHR_EUSAGE, NULL, 0,
                             "--listen: write an IPv6 address in brackets: [%s]:PORT", spec);
    }
    if (!hlen) {
        h = "127.0.0.1";
        hlen = strlen(h);
    }
    char *end;
    errno = 0;
    unsigned long n = strtoul(p, &end, 10);
    if (!*p || *end || errno || n > 65535 || *p == '-' || *p == '+' || *p == ' ')
        return chr_error_set(err, CHR_EUSAGE, NULL, 0,
                             "--listen wants HOST:PORT with a port from 0 to 65535, not '%s'",
                             spec);
    if (hlen >= cap) return chr_error_set(err, CHR_EUSAGE, NULL, 0, "--listen: host too long");
    memcpy(host, h, hlen);
    host[hlen] = '\0';
    *port = (unsigned)n;
    return CHR_OK;
}

static int loopback_addr(const struct sockaddr *sa)
{
    if (sa->sa_family == AF_INET) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)(const void *)sa;
        return (ntohl(in->sin_addr.s_addr) >> 24) == 127;
    }
    if (sa->sa_family == AF_INET6) {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)(const void *)sa;
        const unsigned char *a = in6->sin6_addr.s6_addr;
        static const unsigned char v4mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
        if (IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr)) return 1;
        return memcmp(a, v4mapped, 12) == 0 && a[12] == 127;
    }
    return 0;
}

int chr_server_is_loopback(const char *host)
{
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host, NULL, &hints, &res) != 0 || !res) return -1;
    int all = 1;
    for (struct addrinfo *a = res; a; a = a->ai_next)
        if (!loopback_addr(a->ai_addr)) all = 0;
    freeaddrinfo(res);
    return all;
}

/* A listening socket on host:port; its port (when 0 was asked) in *bound. */
static int listen_on(const char *host, unsigned port, unsigned *bound, int *fd_out,
                     chr_error *err)
{
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    char ps[8];
    snprintf(ps, sizeof ps, "%u", port);
    int gai = getaddrinfo(host, ps, &hints, &res);
    if (gai != 0)
        return chr_error_set(err, CHR_EUSAGE, NULL, 0, "--listen: %s: %s", host,
                             gai_strerror(gai));
    int fd = -1, saved = 0;
    for (struct addrinfo *a = res; a && fd < 0; a = a->ai_next) {
        fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) {
            saved = errno;
            continue;
        }
        int one = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (bind(fd, a->ai_addr, a->ai_addrlen) != 0 || listen(fd, 128) != 0) {
            saved = errno;
            close(fd);
            fd = -1;
        }
    }
    freeaddrinfo(res);
    if (fd < 0)
        return chr_error_set(err, CHR_EIO, NULL, 0, "cannot listen on %s port %u: %s", host,
                             port, strerror(saved));
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    *bound = port;
    if (getsockname(fd, (struct sockaddr *)&ss, &len) == 0)
        *bound = ss.ss_family == AF_INET6
                     ? ntohs(((struct sockaddr_in6 *)(void *)&ss)->sin6_port)
                     : ntohs(((struct sockaddr_in *)(void *)&ss)->sin_port);
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    *fd_out = fd;
    return CHR_OK;
}

/* ---- requests ------------------------------------------------------------------------ */

typedef struct collect {
    srv_request *rq;
    size_t bytes;
    int too_many;
} collect;

static enum MHD_Result add_param(void *cls, enum MHD_ValueKind kind, const char *key,
                                 const char *value)
{
    (void)kind;
    collect *c = cls;
    c->bytes += strlen(key) + (value ? strlen(value) : 0) + 2;
    if (c->rq->nparams == SRV_MAX_PARAMS) {
        c->too_many = 1;
        return MHD_YES;
    }
    c->rq->params[c->rq->nparams].name = key;
    c->rq->params[c->rq->nparams++].value = value ? value : "";
    return MHD_YES;
}

static enum MHD_Result count_header(void *cls, enum MHD_ValueKind kind, const char *key,
                                    const char *value)
{
    (void)kind;
    size_t *n = cls;
    *n += strlen(key) + (value ? strlen(value) : 0) + 4;
    return MHD_YES;
}

/* Does an Accept-Encoding value take gzip (and not at q=0)? */
static int takes_gzip(const char *ae)
{
    for (const char *p = ae; p && *p;) {
        while (*p == ' ' || *p == ',' || *p == '\t') p++;
        size_t len = strcspn(p, ",;");
        int gzip = len == 4 && strncasecmp(p, "gzip", 4) == 0;
        p += len;
        double q = 1;
        if (*p == ';') {
            const char *qs = strstr(p, "q=");
            const char *next = strchr(p, ',');
            if (qs && (!next || qs < next)) q = strtod(qs + 2, NULL);
            p = next ? next : p + strlen(p);
        }
        if (gzip) return q > 0;
    }
    return 0;
}

/* Fill the request, or the reply with why it is refused. */
static void read_request(struct MHD_Connection *c, const char *url, const char *method,
                         srv_request *rq, srv_reply *rp)
{
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
        rp->allow = "GET, HEAD";
        srv_fail(rp, 405, "method %.16s is not allowed: the API only reads (GET, HEAD)",
                 method);
        return;
    }
    rq->head = method[0] == 'H';
    rq->path = url;
    const char *clen = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
    if ((clen && strcmp(clen, "0") != 0) ||
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Transfer-Encoding")) {
        srv_fail(rp, 413, "a GET request takes no body");
        return;
    }
    collect col = {rq, strlen(url), 0};
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, add_param, &col);
    size_t hbytes = 0;
    MHD_get_connection_values(c, MHD_HEADER_KIND, count_header, &hbytes);
    if (col.bytes > SRV_MAX_URL) srv_fail(rp, 414, "the URL is longer than %d bytes", SRV_MAX_URL);
    else if (hbytes > SRV_MAX_HEADERS)
        srv_fail(rp, 431, "the headers are longer than %d bytes", SRV_MAX_HEADERS);
    else if (col.too_many) srv_fail(rp, 400, "more than %d parameters", SRV_MAX_PARAMS);
    else if (url[0] != '/') srv_fail(rp, 400, "the path must start with /");
    rq->if_none_match = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-None-Match");
    rq->if_modified_since = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                        "If-Modified-Since");
}

static void add_header(struct MHD_Response *r, const char *name, const char *value)
{
    if (value && *value) MHD_add_response_header(r, name, value);
}

/* Send the reply, compressed when that helps and the client takes it. */
static enum MHD_Result send_reply(struct MHD_Connection *c, srv_reply *rp)
{
    int gz = 0;
    const char *ae = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Accept-Encoding");
    if (rp->fd < 0 && rp->compressible && rp->body.len >= 512 && takes_gzip(ae)) {
        chr_buf z = CHR_BUF_INIT;
        if (srv_gzip(rp->body.data, rp->body.len, &z) == 0 && z.len < rp->body.len) {
            chr_buf_free(&rp->body);
            rp->body = z;
            gz = 1;
        } else {
            chr_buf_free(&z);
        }
    }
    struct MHD_Response *r;
    if (rp->fd >= 0) {
        r = MHD_create_response_from_fd64(rp->fd_size, rp->fd);
        if (r) rp->fd = -1;     /* the response closes it */
    } else if (rp->body.len) {
        r = MHD_create_response_from_buffer(rp->body.len, rp->body.data, MHD_RESPMEM_MUST_FREE);
        if (r) rp->body = (chr_buf)CHR_BUF_INIT;
    } else {
        r = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    }
    srv_reply_free(rp);
    if (!r) return MHD_NO;
    if (rp->status != 304)
        add_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
                   rp->type ? rp->type : "application/json; charset=utf-8");
    add_header(r, MHD_HTTP_HEADER_ETAG, rp->etag);
    add_header(r, MHD_HTTP_HEADER_LAST_MODIFIED, rp->modified);
    add_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, rp->cache);
    add_header(r, MHD_HTTP_HEADER_ALLOW, rp->allow);
    if (rp->compressible) add_header(r, MHD_HTTP_HEADER_VARY, "Accept-Encoding");
    if (gz) add_header(r, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
    add_header(r, "X-Content-Type-Options", "nosniff");
    enum MHD_Result ok = MHD_queue_response(c, (unsigned)rp->status, r);
    MHD_destroy_response(r);
    return ok;
}

/* A request without a body is answered on the second call, once
 * libmicrohttpd knows there is nothing more to read, which keeps the
 * connection open for the next one; anything else is refused on the first,
 * before a body is read. */
static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **con_cls)
{
    static char seen;
    (void)version;
    (void)upload_data;
    (void)upload_data_size;
    chr_server *srv = cls;
    srv_request rq;
    srv_reply rp;
    memset(&rq, 0, sizeof rq);
    srv_reply_init(&rp);
    read_request(c, url ? url : "", method ? method : "", &rq, &rp);
    if (rp.status == 200 && !*con_cls) {
        *con_cls = &seen;
        return MHD_YES;
    }
    if (rp.status == 200) {
        if (strncmp(rq.path, "/api/", 5) == 0 || strcmp(rq.path, "/api") == 0) {
            srv_api(srv, &rq, &rp);
            rp.cache = "no-store";
        } else {
            srv_files(srv, &rq, &rp);
        }
    }
    return send_reply(c, &rp);
}

static int hex(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Percent-decode a path or parameter in place.  "%00" would cut the string
 * short (so that "/%00x" read as "/"): it becomes DEL, which no path, id
 * or filter value holds, so it is refused or matches nothing. */
static size_t unescape(void *cls, struct MHD_Connection *c, char *s)
{
    (void)cls;
    (void)c;
    char *w = s;
    for (const char *r = s; *r; r++) {
        int hi, lo;
        if (r[0] == '%' && (hi = hex(r[1])) >= 0 && (lo = hex(r[2])) >= 0) {
            *w++ = hi || lo ? (char)(hi * 16 + lo) : '\x7F';
            r += 2;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
    return (size_t)(w - s);
}

__attribute__((format(printf, 2, 0)))
static void log_error(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    fputs("chronicle serve: ", stderr);
    vfprintf(stderr, fmt, ap);
}

/* ---- the daemon ------------------------------------------------------------------------ */

int chr_server_start(chr_server **out, const chr_server_options *opt, chr_error *err)
{
    *out = NULL;
    unsigned threads = opt->threads ? opt->threads : 1;
    if (threads > CHR_SERVER_MAX_THREADS)
        return chr_error_set(err, CHR_EUSAGE, NULL, 0, "at most %d threads",
                             CHR_SERVER_MAX_THREADS);
    chr_server *srv = calloc(1, sizeof *srv);
    if (!srv || !(srv->db = strdup(opt->db ? opt->db : ""))) {
        free(srv);
        return chr_error_set(err, CHR_ENOMEM, NULL, 0, "out of memory");
    }
    if (opt->web_dir && !(srv->web = realpath(opt->web_dir, NULL))) {
        int rc = chr_error_set(err, CHR_EIO, opt->web_dir, 0, "%s", strerror(errno));
        chr_server_stop(srv);
        return rc;
    }
    int rc = srv_pool_open(&srv->pool, srv->db, threads, err), fd = -1;
    if (rc == CHR_OK)
        rc = listen_on(opt->host ? opt->host : "127.0.0.1", opt->port, &srv->port, &fd, err);
    if (rc != CHR_OK) {
        chr_server_stop(srv);
        return rc;
    }
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG;
    /* One thread: the polling thread answers; more: a pool of them. */
    struct MHD_OptionItem pool[] = {
        {threads > 1 ? MHD_OPTION_THREAD_POOL_SIZE : MHD_OPTION_END, (intptr_t)threads, NULL},
        {MHD_OPTION_END, 0, NULL}};
    srv->daemon = MHD_start_daemon(
        flags, 0, NULL, NULL, on_request, srv,
        MHD_OPTION_EXTERNAL_LOGGER, log_error, NULL,
        MHD_OPTION_LISTEN_SOCKET, fd,
        MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)SRV_CONN_LIMIT,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SRV_CONN_TIMEOUT,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SRV_CONN_MEMORY,
        MHD_OPTION_ARRAY, pool,
        MHD_OPTION_END);
    if (!srv->daemon) {
        close(fd);
        chr_server_stop(srv);
        return chr_error_set(err, CHR_EIO, NULL, 0, "the HTTP server did not start");
    }
    *out = srv;
    return CHR_OK;
}

unsigned chr_server_port(const chr_server *srv) { return srv->port; }

void chr_server_stop(chr_server *srv)
{
    if (!srv) return;
    /* Stopping the daemon waits for its threads, so no request still
     * holds a store handle when the pool closes. */
    if (srv->daemon) MHD_stop_daemon(srv->daemon);
    srv_pool_close(srv->pool);
    free(srv->web);
    free(srv->db);
    free(srv);
}
