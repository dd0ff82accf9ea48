/*
 * files.c - the dashboard's static files, and where to find them.
 *
 * A path is served only when it names a regular file inside the dashboard
 * directory: segments "." and "..", hidden names (".git") and control bytes
 * are refused before the file system is asked, and the file's real path
 * (symbolic links resolved) must still lie inside the directory.  The
 * path arrives percent-decoded, so "%2e%2e" is refused as "..".
 *
 * Files carry an ETag (inode, size and modification time) and
 * Last-Modified, answer 304 to a matching If-None-Match (else to an
 * If-Modified-Since not older than the file), and are read whole to be
 * compressed when the client takes gzip; files too large for that are sent
 * as they are.
 */
#define _XOPEN_SOURCE 700       /* strptime */
#include "server/server_impl.h"
#include "util/path.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* Files up to this size are read into memory (and may be compressed). */
#define SRV_FILE_INLINE (8u << 20)

const char *chr_server_web_dir(const char *given, char *out, size_t cap)
{
    const char *env = getenv("CHRONICLE_WEB");
    if (given && *given) return chr_is_dir(given) && snprintf(out, cap, "%s", given) < (int)cap
                                    ? out : NULL;
    if (env && *env) return chr_is_dir(env) && snprintf(out, cap, "%s", env) < (int)cap ? out : NULL;
    /* A build tree keeps the dashboard beside the tool ($(BUILD)/web); an
     * installed tool finds it in ../share/chronicle/web, else where make
     * install put it. */
    char exe[PATH_MAX];
    if (chr_exe_dir(exe, sizeof exe)) {
        static const char *const rel[] = {"/web", "/../share/chronicle/web"};
        for (size_t i = 0; i < sizeof rel / sizeof *rel; i++)
            if (snprintf(out, cap, "%s%s", exe, rel[i]) < (int)cap && chr_is_dir(out)) return out;
    }
    if (snprintf(out, cap, "%s/web", CHR_DATADIR) < (int)cap && chr_is_dir(out)) return out;
    return NULL;
}

/* ---- paths --------------------------------------------------------------------- */

/* The path relative to the directory ("index.html" for "/"), or -1 when
 * it may not be served. */
static int relative(const char *path, char *out, size_t cap)
{
    if (path[0] != '/') return -1;
    const char *p = path + 1;
    for (const char *c = p; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7F || *c == '\\') return -1;
    /* Each segment: not empty (no "//"), not "." or "..", not hidden. */
    for (const char *seg = p; *seg;) {
        size_t len = strcspn(seg, "/");
        if (len == 0 || seg[0] == '.') return -1;
        seg += len;
        if (*seg == '/') seg++;
    }
    int n = snprintf(out, cap, "%s%s", p, !*p || p[strlen(p) - 1] == '/' ? "index.html" : "");
    return n < 0 || (size_t)n >= cap ? -1 : 0;
}

static const struct {
    const char *ext, *type;
    int text;
} types[] = {
    {".html", "text/html; charset=utf-8", 1},
    {".js", "text/javascript; charset=utf-8", 1},
    {".mjs", "text/javascript; charset=utf-8", 1},
    {".css", "text/css; charset=utf-8", 1},
    {".json", "application/json; charset=utf-8", 1},
    {".map", "application/json; charset=utf-8", 1},
    {".svg", "image/svg+xml", 1},
    {".txt", "text/plain; charset=utf-8", 1},
    {".png", "image/png", 0},
    {".jpg", "image/jpeg", 0},
    {".jpeg", "image/jpeg", 0},
    {".gif", "image/gif", 0},
    {".webp", "image/webp", 0},
    {".ico", "image/x-icon", 0},
    {".woff", "font/woff", 0},
    {".woff2", "font/woff2", 0},
    {".wasm", "application/wasm", 0},
};

static void content_type(const char *path, srv_reply *rp)
{
    const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
    rp->type = "application/octet-stream";
    rp->compressible = 0;
    if (!dot || (slash && dot < slash)) return;
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (strcasecmp(dot, types[i].ext) == 0) {
            rp->type = types[i].type;
            rp->compressible = types[i].text;
            return;
        }
}

/* ---- validators ------------------------------------------------------------------- */

/* Does an If-None-Match list ("a", W/"b", *) name etag?  Weak
 * comparison: the W/ prefixes do not count. */
static int etag_matches(const char *list, const char *etag)
{
    if (etag[0] == 'W' && etag[1] == '/') etag += 2;
    size_t n = strlen(etag);
    for (const char *p = list; *p;) {
        while (*p == ' ' || *p == ',' || *p == '\t') p++;
        if (*p == '*') return 1;
        if (p[0] == 'W' && p[1] == '/') p += 2;
        size_t len = strcspn(p, ",");
        while (len && (p[len - 1] == ' ' || p[len - 1] == '\t')) len--;
        if (len == n && memcmp(p, etag, n) == 0) return 1;
        p += strcspn(p, ",");
    }
    return 0;
}

static int not_modified(const srv_request *rq, const srv_reply *rp, time_t mtime)
{
    if (rq->if_none_match) return etag_matches(rq->if_none_match, rp->etag);
    if (!rq->if_modified_since) return 0;
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    const char *end = strptime(rq->if_modified_since, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    return end && !*end && timegm(&tm) >= mtime;
}

/* ---- serving ---------------------------------------------------------------------- */

static void read_whole(int fd, uint64_t size, srv_reply *rp)
{
    if (chr_buf_reserve(&rp->body, (size_t)size) != 0) {
        srv_fail(rp, 500, "out of memory");
        return;
    }
    size_t got = 0;
    while (got < size) {
        ssize_t k = read(fd, rp->body.data + got, (size_t)size - got);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) break;
        got += (size_t)k;
    }
    rp->body.len = got;
    rp->body.data[got] = '\0';
    if (got != size) srv_fail(rp, 500, "the file changed while it was read");
}

void srv_files(chr_server *srv, const srv_request *rq, srv_reply *rp)
{
    char rel[PATH_MAX], full[PATH_MAX * 2];
    if (!srv->web) {
        srv_fail(rp, 404, "no dashboard here: build it (make web) or name its directory "
                 "with --web or CHRONICLE_WEB; the API is at /api/");
        return;
    }
    if (relative(rq->path, rel, sizeof rel) != 0) {
        srv_fail(rp, 404, "not found");
        return;
    }
    snprintf(full, sizeof full, "%s/%s", srv->web, rel);
    char *real = realpath(full, NULL);
    size_t wl = strlen(srv->web);
    if (!real || strncmp(real, srv->web, wl) != 0 || real[wl] != '/') {
        free(real);
        srv_fail(rp, 404, "not found");
        return;
    }
    int fd = open(real, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    free(real);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (fd >= 0) close(fd);
        srv_fail(rp, 404, "not found");
        return;
    }
    content_type(rel, rp);
    /* Weak: the same file compressed or not is the same to a cache. */
    snprintf(rp->etag, sizeof rp->etag, "W/\"%llx-%llx-%llx\"", (unsigned long long)st.st_ino,
             (unsigned long long)st.st_size,
             (unsigned long long)st.st_mtim.tv_sec * 1000000000ULL +
                 (unsigned long long)st.st_mtim.tv_nsec);
    struct tm tm;
    gmtime_r(&st.st_mtime, &tm);
    strftime(rp->modified, sizeof rp->modified, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    if (not_modified(rq, rp, st.st_mtime)) {
        close(fd);
        rp->status = 304;
        return;
    }
    if ((uint64_t)st.st_size <= SRV_FILE_INLINE) {
        read_whole(fd, (uint64_t)st.st_size, rp);
        close(fd);
    } else {
        rp->fd = fd;
        rp->fd_size = (uint64_t)st.st_size;
        rp->compressible = 0;
    }
}
