/*
 * server.h - `chronicle serve`: the store's read-only JSON API over HTTP
 * (docs/api.md) and the dashboard's static files.
 *
 * The server sits after the store in the flow: it reads a store that
 * `chronicle ingest` writes, never writes it, and nothing below depends on
 * it.  HTTP is GNU libmicrohttpd, kept behind this header so that only the
 * server's own files see it.  A bounded pool of threads answers requests;
 * each request borrows one of as many read-only store handles, so no two
 * threads share an SQLite connection.
 */
#ifndef CHR_SERVER_H
#define CHR_SERVER_H

#include "chronicle.h"

typedef struct chr_server chr_server;

/* The most threads --threads takes. */
#define CHR_SERVER_MAX_THREADS 64

typedef struct chr_server_options {
    const char *db;             /* the store (must exist) */
    const char *host;           /* an address to listen on: "127.0.0.1", "::1", ... */
    unsigned port;              /* 0: any free port (chr_server_port says which) */
    const char *web_dir;        /* the dashboard's files; NULL: none, the API only */
    unsigned threads;           /* request threads, 1..CHR_SERVER_MAX_THREADS */
} chr_server_options;

/* Open the store handles, bind and start answering.  Fails with a message
 * when the store cannot be read or the address not bound. */
int chr_server_start(chr_server **srv, const chr_server_options *opt, chr_error *err);

/* The port it listens on. */
unsigned chr_server_port(const chr_server *srv);

/* Stop accepting, let the requests under way finish, close everything. */
void chr_server_stop(chr_server *srv);

/* Is host (a numeric address or a name) a loopback address only this
 * machine reaches?  1 yes, 0 no, -1 when it does not resolve. */
int chr_server_is_loopback(const char *host);

/* Split "HOST:PORT", "[V6]:PORT", ":PORT" or "PORT" (host default
 * 127.0.0.1) into host (at most cap bytes) and port; CHR_EUSAGE with a
 * message when malformed. */
int chr_server_parse_listen(const char *spec, char *host, size_t cap, unsigned *port,
                            chr_error *err);

/* The dashboard directory: given (--web), else $CHRONICLE_WEB, else web/
 * beside the running tool (a build tree), else the installed
 * share/chronicle/web.  Written to out; NULL when none is a directory. */
const char *chr_server_web_dir(const char *given, char *out, size_t cap);

#endif
