/*
 * serve.c - the serve subcommand: answer the HTTP JSON API (docs/api.md)
 * over a store, and the dashboard's files, until SIGINT or SIGTERM.
 *
 * The signals are blocked before the server's threads start, so that they
 * inherit the mask and only the main thread takes them, in sigwait(): a
 * signal then stops the server from ordinary code, which lets the requests
 * under way finish before everything is closed and the tool exits 0.
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "server/server.h"

static const char serve_help[] =
    "usage: chronicle serve [--db PATH] [--listen HOST:PORT] [--web DIR] [--threads N]\n"
    "\n"
    "Answer the store's read-only JSON API (/api/events, /api/stories,\n"
    "/api/figures, /api/totals, /api/stories/ID, /api/documents/ID,\n"
    "/api/health; see docs/api.md) and serve the dashboard, until interrupted\n"
    "(SIGINT or SIGTERM: requests under way finish, then it exits 0).\n"
    "\n"
    "  --db PATH          the store (default: $CHRONICLE_DB, else chronicle.db)\n"
    "  --listen HOST:PORT where to listen (default 127.0.0.1:8080; port 0: any\n"
    "                     free port).  Only this machine reaches a loopback\n"
    "                     address; any other address is reachable from the\n"
    "                     network, and a warning says so.\n"
    "  --web DIR          the dashboard's files (default: $CHRONICLE_WEB, else\n"
    "                     web/ beside the tool in a build tree, else the\n"
    "                     installed one); without one, only the API answers\n"
    "  --threads N        request threads (default: the number of CPUs, at\n"
    "                     least 2)\n"
    "  -h, --help         this help\n"
    "\n"
    "It prints the address it listens on to standard error.\n"
    "\n"
    "Exit status: 0 stopped by a signal, 2 usage error, no usable store, or the\n"
    "address could not be bound.\n";

enum { OPT_SERVE_DB = 3000, OPT_LISTEN, OPT_WEB, OPT_THREADS };

static unsigned default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 2) n = 2;
    if (n > CHR_SERVER_MAX_THREADS) n = CHR_SERVER_MAX_THREADS;
    return (unsigned)n;
}

int cmd_serve(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, 0, OPT_SERVE_DB},
        {"listen", required_argument, 0, OPT_LISTEN},
        {"web", required_argument, 0, OPT_WEB},
        {"threads", required_argument, 0, OPT_THREADS},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    const char *db = NULL, *listen = "127.0.0.1:8080", *web = NULL;
    unsigned threads = default_threads();
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'h': fputs(serve_help, stdout); return CLI_EXIT_OK;
        case OPT_SERVE_DB: db = optarg; break;
        case OPT_LISTEN: listen = optarg; break;
        case OPT_WEB: web = optarg; break;
        case OPT_THREADS: {
            char *end;
            errno = 0;
            long n = strtol(optarg, &end, 10);
            if (errno || *end || end == optarg || n < 1 || n > CHR_SERVER_MAX_THREADS) {
                fprintf(stderr, "%s: --threads wants a number from 1 to %d, not '%s'\n",
                        cli_prog, CHR_SERVER_MAX_THREADS, optarg);
                return CLI_EXIT_USAGE;
            }
            threads = (unsigned)n;
            break;
        }
        default: fputs(serve_help, stderr); return CLI_EXIT_USAGE;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "%s: unexpected argument '%s'\n", cli_prog, argv[optind]);
        return CLI_EXIT_USAGE;
    }
    if (!db || !*db) db = getenv("CHRONICLE_DB");
    if (!db || !*db) db = "chronicle.db";

    chr_error err;
    memset(&err, 0, sizeof err);
    char host[256], webdir[PATH_MAX];
    chr_server_options opt = {db, host, 0, NULL, threads};
    if (chr_server_parse_listen(listen, host, sizeof host, &opt.port, &err) != CHR_OK) {
        chr_error_print(&err, stderr, cli_prog);
        return CLI_EXIT_USAGE;
    }
    int loop = chr_server_is_loopback(host);
    if (loop < 0) {
        fprintf(stderr, "%s: --listen: cannot resolve '%s'\n", cli_prog, host);
        return CLI_EXIT_USAGE;
    }
    opt.web_dir = chr_server_web_dir(web, webdir, sizeof webdir);
    if (!opt.web_dir)
        fprintf(stderr, "%s: %s%s; serving the API only\n", cli_prog,
                web ? "no dashboard directory " : "no dashboard found",
                web ? web : " (build it, or name it with --web or CHRONICLE_WEB)");

    /* Before any thread starts: they inherit the mask. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    chr_server *srv = NULL;
    if (chr_server_start(&srv, &opt, &err) != CHR_OK) {
        chr_error_print(&err, stderr, cli_prog);
        return CLI_EXIT_USAGE;
    }
    if (!loop)
        fprintf(stderr, "%s: warning: listening on %s, which other machines can reach; the "
                "API has no authentication\n", cli_prog, host);
    int v6 = strchr(host, ':') != NULL;
    fprintf(stderr, "%s: serving %s on http://%s%s%s:%u/ (%u threads)\n", cli_prog, db,
            v6 ? "[" : "", host, v6 ? "]" : "", chr_server_port(srv), threads);
    int sig = 0;
    while (sigwait(&stop, &sig) != 0) continue;
    fprintf(stderr, "%s: %s: stopping\n", cli_prog, sig == SIGINT ? "SIGINT" : "SIGTERM");
    chr_server_stop(srv);
    return CLI_EXIT_OK;
}
