/*
 * store_commands.c - the subcommands that fill and ask the store: ingest,
 * query, totals, figures and export.
 *
 * ingest reads documents as extract does, skips those the store already
 * holds unchanged before extracting them, extracts the others on --jobs
 * threads and puts each, with its records, into the store in input order,
 * committing every --batch documents (and at least every second) so that a
 * killed ingest loses at most the batch it was in and a rerun completes it.
 * The other commands parse a filter, ask the store and print: an aligned
 * table for people, JSON Lines or CSV for tools.
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/store.h"

enum {
    OPT_DB = 2000, OPT_FILTER, OPT_MENTIONS, OPT_FORMAT, OPT_BY, OPT_QUIET, OPT_FORCE, OPT_BATCH
};

/* Every filter is OPT_FILTER: the store reads it by its option's name
 * (chr_store_filter_set), as the server reads its query parameters. */
#define FILTER_LONGOPTS \
    {"db", required_argument, 0, OPT_DB}, \
    {"kind", required_argument, 0, OPT_FILTER}, \
    {"type", required_argument, 0, OPT_FILTER}, \
    {"mode", required_argument, 0, OPT_FILTER}, \
    {"actor", required_argument, 0, OPT_FILTER}, \
    {"recipient", required_argument, 0, OPT_FILTER}, \
    {"status", required_argument, 0, OPT_FILTER}, \
    {"since", required_argument, 0, OPT_FILTER}, \
    {"until", required_argument, 0, OPT_FILTER}, \
    {"item", required_argument, 0, OPT_FILTER}, \
    {"metric", required_argument, 0, OPT_FILTER}, \
    {"side", required_argument, 0, OPT_FILTER}, \
    {"population", required_argument, 0, OPT_FILTER}, \
    {"source", required_argument, 0, OPT_FILTER}, \
    {"doc", required_argument, 0, OPT_FILTER}, \
    {"story", required_argument, 0, OPT_FILTER}, \
    {"limit", required_argument, 0, OPT_FILTER}, \
    {"offset", required_argument, 0, OPT_FILTER}, \
    {"format", required_argument, 0, OPT_FORMAT}, \
    {"help", no_argument, 0, 'h'}

#define DB_HELP \
    "  --db PATH          the store (default: $CHRONICLE_DB, else chronicle.db)\n"

#define FILTER_HELP \
    "Filters (values in any case; a story is shown when one of its mentions\n" \
    "passes them all):\n" \
    "  --kind K           event or figure\n" \
    "  --type T           PLOVER type: AID, CONSULT, SANCTION, ASSAULT, ...\n" \
    "  --mode M           its mode: military, visit, embargo, ...\n" \
    "  --status S         occurred, pledged, delivered or planned\n" \
    "  --actor CODE       who acted: USA, DEU, EU, NATO, ... (talks and other\n" \
    "                     symmetric events: either side)\n" \
    "  --recipient CODE   to or with whom (symmetric events: either side)\n" \
    "  --item NAME|CLASS  an item: Javelin, Leopard 2, tank, air-defence, ...\n" \
    "  --metric M         figures: killed, injured, displaced, ...\n" \
    "  --side CODE        figures: whose people or equipment\n" \
    "  --population P     figures: civilians, soldiers, children, people\n" \
    "  --source NAME      reported by (the source named in the text) or\n" \
    "                     published by (the outlet) NAME\n" \
    "  --doc ID           from one document\n" \
    "  --story N          one story (its number)\n" \
    "  --since DATE       about days on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD);\n" \
    "                     a mention is about its event's date, a figure's as-of\n" \
    "                     date, else its article's publication day\n" \
    "  --until DATE       about days on or before DATE\n" \
    "  --limit N          at most N rows\n" \
    "  --offset N         skip the first N rows\n"

/* ---- shared ------------------------------------------------------------------- */

static const char *db_path(const char *given)
{
    if (given && *given) return given;
    const char *env = getenv("CHRONICLE_DB");
    return env && *env ? env : "chronicle.db";
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct query_opts {
    const char *db;
    chr_store_filter f;
    const char *format;     /* as given, checked by each command */
    int mentions;
} query_opts;

/* Handle a filter option (the long option longopts[idx]); returns 1 when
 * opt was one, with *status set on a bad value. */
static int filter_option(query_opts *o, int opt, const struct option *longopts, int idx,
                         const char *arg, int *status)
{
    switch (opt) {
    case OPT_DB: o->db = arg; return 1;
    case OPT_FORMAT: o->format = arg; return 1;
    case OPT_FILTER: {
        chr_error err;
        if (chr_store_filter_set(&o->f, longopts[idx].name, arg, &err) != CHR_OK) {
            fprintf(stderr, "%s: --%s\n", cli_prog, err.msg);
            *status = CLI_EXIT_USAGE;
        }
        return 1;
    }
    default:
        return 0;
    }
}

static chr_store *open_store(const char *path, int mode)
{
    chr_store *s = NULL;
    chr_error err;
    memset(&err, 0, sizeof err);
    if (chr_store_open(&s, path, mode, &err) != CHR_OK) {
        chr_error_print(&err, stderr, cli_prog);
        return NULL;
    }
    return s;
}

/* ---- tables ---------------------------------------------------------------------- */

/* An aligned table for people: every cell is held until the widths are
 * known.  Widths count characters, not bytes, so that "€" and "ä" line up. */
typedef struct table {
    int ncols;
    const char *const *head;
    const char *right;      /* per column: 'r' aligns right (numbers) */
    char **cells;
    size_t nrows, cap;
    int oom;
} table;

static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++) w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

/* A copy of s cut to at most max characters, with "…" where it was cut. */
static char *cell_dup(const char *s, size_t max)
{
    if (!s) s = "";
    if (!max || width(s) <= max) return strdup(s);
    size_t i = 0, w = 0;
    while (s[i] && w < max - 1) {
        i++;
        while (((unsigned char)s[i] & 0xC0) == 0x80) i++;
        w++;
    }
    char *c = malloc(i + 4);
    if (!c) return NULL;
    memcpy(c, s, i);
    memcpy(c + i, "\xE2\x80\xA6", 4);
    return c;
}

static void table_add(table *t, const char *const *row, const size_t *maxw)
{
    if (t->oom) return;
    if (t->nrows == t->cap) {
        size_t ncap = t->cap ? 2 * t->cap : 64;
        char **c = realloc(t->cells, ncap * (size_t)t->ncols * sizeof *c);
        if (!c) { t->oom = 1; return; }
        t->cells = c;
        t->cap = ncap;
    }
    char **dst = t->cells + t->nrows * (size_t)t->ncols;
    for (int i = 0; i < t->ncols; i++) {
        dst[i] = cell_dup(row[i], maxw ? maxw[i] : 0);
        if (!dst[i]) t->oom = 1;
    }
    t->nrows++;
}

static void table_print(table *t, FILE *out)
{
    size_t *w = calloc((size_t)t->ncols, sizeof *w);
    if (!w) return;
    for (int c = 0; c < t->ncols; c++) w[c] = width(t->head[c]);
    for (size_t r = 0; r < t->nrows; r++)
        for (int c = 0; c < t->ncols; c++) {
            size_t x = width(t->cells[r * (size_t)t->ncols + c] ? t->cells[r * (size_t)t->ncols + c] : "");
            if (x > w[c]) w[c] = x;
        }
    for (size_t r = 0; r <= t->nrows; r++) {
        for (int c = 0; c < t->ncols; c++) {
            const char *s = r == 0 ? t->head[c] : t->cells[(r - 1) * (size_t)t->ncols + c];
            if (!s) s = "";
            size_t pad = w[c] - width(s);
            int last = c == t->ncols - 1;
            if (t->right[c] == 'r') fprintf(out, "%*s%s", (int)pad, "", s);
            else if (last) fputs(s, out);
            else fprintf(out, "%s%*s", s, (int)pad, "");
            fputs(last ? "\n" : "  ", out);
        }
    }
    free(w);
}

static void table_free(table *t)
{
    for (size_t i = 0; i < t->nrows * (size_t)t->ncols; i++) free(t->cells[i]);
    free(t->cells);
}

/* 1234567.5 as "1,234,567.5". */
static void grouped(double v, char *out, size_t cap)
{
    char raw[64];
    if (v == (long long)v && v < 1e18 && v > -1e18) snprintf(raw, sizeof raw, "%lld", (long long)v);
    else snprintf(raw, sizeof raw, "%.2f", v);
    const char *p = raw;
    size_t o = 0;
    if (*p == '-') out[o++] = *p++;
    size_t digits = strcspn(p, ".");
    for (size_t i = 0; p[i] && o + 2 < cap; i++) {
        out[o++] = p[i];
        size_t left = digits - i - 1;
        if (i < digits && left > 0 && left % 3 == 0) out[o++] = ',';
    }
    out[o] = '\0';
}

static const char *qual_words(const char *qual)
{
    static const struct { const char *q, *w; } words[] = {
        {"approx", "about "}, {"more_than", "more than "}, {"at_least", "at least "},
        {"less_than", "under "}, {"at_most", "up to "}};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strcmp(qual, words[i].q) == 0) return words[i].w;
    return "";
}

static void value_text(const chr_store_row *r, char *out, size_t cap)
{
    char a[48], b[48];
    if (!r->has_value) { out[0] = '\0'; return; }
    grouped(r->value, a, sizeof a);
    if (strcmp(r->qual, "range") == 0) {
        grouped(r->max, b, sizeof b);
        snprintf(out, cap, "%s-%s", a, b);
    } else {
        snprintf(out, cap, "%s%s", qual_words(r->qual), a);
    }
}

static void items_text(const chr_store_row *r, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < r->nitems && o + 1 < cap; i++) {
        char n[48] = "";
        if (r->items[i].has_count) {
            n[0] = ' ';
            grouped(r->items[i].count, n + 1, sizeof n - 1);
        }
        int k = snprintf(out + o, cap - o, "%s%s%s", i ? ", " : "", r->items[i].name, n);
        if (k < 0) break;
        o += (size_t)k;
        if (o >= cap) { o = cap - 1; break; }
    }
}

static void sources_text(const chr_store_row *r, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    for (long i = 0; i < r->nsources && o + 1 < cap; i++) {
        int k = snprintf(out + o, cap - o, "%s%s", i ? "; " : "", r->sources[i]);
        if (k < 0) break;
        o += (size_t)k;
        if (o >= cap) break;
    }
}

/* The columns people read: what happened, between whom, when, how much. */
static void row_what(const chr_store_row *r, char *out, size_t cap)
{
    if (r->kind == CHR_REC_EVENT)
        snprintf(out, cap, "%s%s%s", r->type, *r->mode ? "/" : "", r->mode);
    else
        snprintf(out, cap, "%s%s%s", r->metric, *r->population ? "/" : "", r->population);
}

static void row_who(const chr_store_row *r, char *out, size_t cap)
{
    if (r->kind == CHR_REC_EVENT)
        snprintf(out, cap, "%s%s%s", r->actor, *r->recipient ? (r->symmetric ? " <-> " : " -> ") : "",
                 r->recipient);
    else
        snprintf(out, cap, "%s", r->side);
}

static void row_when(const chr_store_row *r, char *out, size_t cap)
{
    if (r->kind == CHR_REC_FIGURE) snprintf(out, cap, "%s", r->as_of);
    else if (*r->date_start && strcmp(r->date_start, r->date_end) != 0)
        snprintf(out, cap, "%s..%s", r->date_start, r->date_end);
    else if (*r->date_start) snprintf(out, cap, "%s", r->date_start);
    else out[0] = '\0';
}

static void row_amount(const chr_store_row *r, char *out, size_t cap)
{
    if (r->kind == CHR_REC_FIGURE) {
        value_text(r, out, cap);
    } else if (r->has_money) {
        char m[48];
        grouped(r->money, m, sizeof m);
        snprintf(out, cap, "%s %s", m, r->currency);
    } else {
        out[0] = '\0';
    }
}

/* ---- query, figures ------------------------------------------------------------------ */

typedef enum { SHOW_STORIES, SHOW_MENTIONS, SHOW_FIGURES } show_kind;

typedef struct print_ctx {
    show_kind show;
    int table_out;
    chr_store_fmt fmt;
    table t;
    int failed;
} print_ctx;

static const char *const story_head[] = {
    "STORY", "KIND", "WHAT", "STATUS", "WHO", "DATE", "AMOUNT", "ITEMS", "MENTIONS", "DOCS",
    "SOURCES", "SEEN"};
static const char story_right[] = "r.......rrr.";
static const size_t story_max[] = {0, 0, 0, 0, 0, 0, 0, 40, 0, 0, 0, 0};

static const char *const mention_head[] = {
    "STORY", "DOC", "PUBLISHED", "KIND", "WHAT", "STATUS", "WHO", "DATE", "AMOUNT", "ITEMS",
    "SOURCE", "SENTENCE"};
static const char mention_right[] = "r...........";
static const size_t mention_max[] = {0, 32, 0, 0, 0, 0, 0, 0, 0, 40, 30, 70};

static const char *const figure_head[] = {
    "AS_OF", "METRIC", "POPULATION", "SIDE", "VALUE", "SINCE", "SOURCES", "MENTIONS", "STORY"};
static const char figure_right[] = "....r..rr";
static const size_t figure_max[] = {0, 0, 0, 0, 0, 0, 50, 0, 0};

static int print_row(const chr_store_row *r, void *ctx)
{
    print_ctx *p = ctx;
    if (!p->table_out) {
        if (chr_store_write_row(stdout, p->fmt, p->show == SHOW_MENTIONS, r) != CHR_OK)
            return p->failed = 1;
        return 0;
    }
    char story[24], what[96], who[64], when[32], amount[128], items[512], srcs[512];
    char mentions[24], docs[24], nsrc[24];
    snprintf(story, sizeof story, "%lld", r->story);
    row_what(r, what, sizeof what);
    row_who(r, who, sizeof who);
    row_when(r, when, sizeof when);
    row_amount(r, amount, sizeof amount);
    items_text(r, items, sizeof items);
    snprintf(mentions, sizeof mentions, "%ld", r->mentions);
    snprintf(docs, sizeof docs, "%ld", r->documents);
    snprintf(nsrc, sizeof nsrc, "%ld", r->nsources);
    const char *kind = r->kind == CHR_REC_EVENT ? "event" : "figure";
    if (p->show == SHOW_STORIES) {
        char seen[32];
        if (*r->first_seen && strcmp(r->first_seen, r->last_seen) != 0)
            snprintf(seen, sizeof seen, "%s..%s", r->first_seen, r->last_seen);
        else
            snprintf(seen, sizeof seen, "%s", r->first_seen);
        const char *row[] = {story, kind, what, r->status, who, when, amount, items,
                             mentions, docs, nsrc, seen};
        table_add(&p->t, row, story_max);
    } else if (p->show == SHOW_MENTIONS) {
        const char *row[] = {story, r->doc_id, r->published, kind, what, r->status, who,
                             when, amount, items, r->source, r->sentence};
        table_add(&p->t, row, mention_max);
    } else {
        char value[128];
        value_text(r, value, sizeof value);
        sources_text(r, srcs, sizeof srcs);
        const char *row[] = {r->as_of, r->metric, r->population, r->side, value, r->since,
                             srcs, mentions, story};
        table_add(&p->t, row, figure_max);
    }
    return p->t.oom ? (p->failed = 1) : 0;
}

static const char query_help[] =
    "usage: chronicle query [OPTIONS]\n"
    "\n"
    "List the stories in the store, newest first: each gathers the mentions of\n"
    "one event or figure across articles.  Events are one story when they have\n"
    "the same type, mode, actor and recipient, overlapping dates (a report\n"
    "without a date is about the three days up to its publication) and the\n"
    "same money or none; figures when they have the same metric, side,\n"
    "population and value.  With --mentions, list the mentions themselves.\n"
    "\n"
    DB_HELP
    "  --mentions         one row per mention (document, sentence, source)\n"
    "  --format F         table (default), json (JSON Lines) or csv (RFC 4180)\n"
    "\n"
    FILTER_HELP
    "\n"
    "Exit status: 0 success, 2 usage error or no usable store.\n";

static const char figures_help[] =
    "usage: chronicle figures [OPTIONS]\n"
    "\n"
    "Each reported figure (killed, injured, displaced, ...) over time, newest\n"
    "first: the day it stood at (as_of), its value, who reported it and how\n"
    "often.  A count repeated by several articles is one row.\n"
    "\n"
    DB_HELP
    "  --format F         table (default), json (JSON Lines) or csv (RFC 4180)\n"
    "\n"
    FILTER_HELP
    "\n"
    "Exit status: 0 success, 2 usage error or no usable store.\n";

static int parse_format(const char *given, int allow_table, int *table_out, chr_store_fmt *fmt)
{
    *table_out = 0;
    *fmt = CHR_STORE_JSONL;
    if (!given) {
        if (allow_table) *table_out = 1;
        return 0;
    }
    if (allow_table && strcmp(given, "table") == 0) *table_out = 1;
    else if (strcmp(given, "json") == 0 || strcmp(given, "jsonl") == 0) *fmt = CHR_STORE_JSONL;
    else if (strcmp(given, "csv") == 0) *fmt = CHR_STORE_CSV;
    else {
        fprintf(stderr, "%s: unknown format '%s' (%s)\n", cli_prog, given,
                allow_table ? "table, json, csv" : "jsonl, csv");
        return -1;
    }
    return 0;
}

static int finish_output(void)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "%s: error writing output\n", cli_prog);
        return CLI_EXIT_USAGE;
    }
    return CLI_EXIT_OK;
}

/* The end of a listing command: report a store error or a failed write,
 * print the table (when one was gathered and all went well), close. */
static int finish_listing(chr_store *s, int rc, int failed, const chr_error *err, table *t,
                          int status)
{
    if (rc != CHR_OK && !failed) {
        chr_error_print(err, stderr, cli_prog);
        status = CLI_EXIT_USAGE;
    } else if (failed) {
        fprintf(stderr, "%s: error writing output\n", cli_prog);
        status = CLI_EXIT_USAGE;
    }
    if (t) {
        if (status == CLI_EXIT_OK) table_print(t, stdout);
        table_free(t);
    }
    chr_store_close(s);
    return status == CLI_EXIT_OK ? finish_output() : status;
}

static int list_command(show_kind show, int argc, char **argv)
{
    static const struct option longopts[] = {
        FILTER_LONGOPTS,
        {"mentions", no_argument, 0, OPT_MENTIONS},
        {0, 0, 0, 0}};
    const char *help = show == SHOW_FIGURES ? figures_help : query_help;
    query_opts o;
    memset(&o, 0, sizeof o);
    chr_store_filter_init(&o.f);
    int status = CLI_EXIT_OK, c, idx = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, &idx)) != -1) {
        if (filter_option(&o, c, longopts, idx, optarg, &status)) {
            if (status) return status;
            continue;
        }
        if (c == 'h') { fputs(help, stdout); return CLI_EXIT_OK; }
        if (c == OPT_MENTIONS && show != SHOW_FIGURES) { o.mentions = 1; continue; }
        fputs(help, stderr);
        return CLI_EXIT_USAGE;
    }
    if (optind < argc) {
        fprintf(stderr, "%s: unexpected argument '%s'\n", cli_prog, argv[optind]);
        return CLI_EXIT_USAGE;
    }
    if (show == SHOW_FIGURES) o.f.kind = CHR_REC_FIGURE;
    if (o.mentions) show = SHOW_MENTIONS;

    print_ctx p;
    memset(&p, 0, sizeof p);
    p.show = show;
    if (parse_format(o.format, 1, &p.table_out, &p.fmt) != 0) return CLI_EXIT_USAGE;
    chr_store *s = open_store(db_path(o.db), CHR_STORE_READ);
    if (!s) return CLI_EXIT_USAGE;

    if (p.table_out) {
        p.t.ncols = show == SHOW_FIGURES ? 9 : 12;
        p.t.head = show == SHOW_STORIES ? story_head : show == SHOW_MENTIONS ? mention_head
                                                                             : figure_head;
        p.t.right = show == SHOW_STORIES ? story_right : show == SHOW_MENTIONS ? mention_right
                                                                               : figure_right;
    } else if (chr_store_write_header(stdout, p.fmt, show == SHOW_MENTIONS) != CHR_OK) {
        p.failed = 1;
    }
    chr_error err;
    memset(&err, 0, sizeof err);
    int rc = p.failed ? CHR_EIO
             : show == SHOW_MENTIONS ? chr_store_mentions(s, &o.f, print_row, &p, &err)
                                     : chr_store_stories(s, &o.f, print_row, &p, &err);
    return finish_listing(s, rc, p.failed, &err, p.table_out ? &p.t : NULL, status);
}

int cmd_query(int argc, char **argv) { return list_command(SHOW_STORIES, argc, argv); }
int cmd_figures(int argc, char **argv) { return list_command(SHOW_FIGURES, argc, argv); }

/* ---- totals ---------------------------------------------------------------------------- */

static const char totals_help[] =
    "usage: chronicle totals --by actor|recipient|month|item|status|mode [OPTIONS]\n"
    "\n"
    "Sum what the event stories carry, per group: for each actor, recipient,\n"
    "month (of the story's date, else of its first report), item, status or\n"
    "mode, a row of unit 'stories' (how many), one per currency (the sum of\n"
    "their money) and one of unit 'items' (the sum of their item counts, each\n"
    "item counted once per story at its largest reported count), each with the\n"
    "number of stories and of distinct sources behind it.  A story is counted\n"
    "once however many articles mention it.\n"
    "\n"
    "  --by G             actor, recipient, month, item, status or mode\n"
    DB_HELP
    "  --format F         table (default), json (JSON Lines) or csv (RFC 4180)\n"
    "\n"
    FILTER_HELP
    "\n"
    "Exit status: 0 success, 2 usage error or no usable store.\n";

typedef struct totals_ctx {
    int table_out;
    chr_store_fmt fmt;
    chr_store_by by;
    table t;
    int failed;
} totals_ctx;

static int print_total(const chr_store_total *t, void *ctx)
{
    totals_ctx *p = ctx;
    if (!p->table_out) {
        if (chr_store_write_total(stdout, p->fmt, p->by, t) != CHR_OK) return p->failed = 1;
        return 0;
    }
    char total[48], stories[24], sources[24];
    grouped(t->total, total, sizeof total);
    snprintf(stories, sizeof stories, "%ld", t->stories);
    snprintf(sources, sizeof sources, "%ld", t->sources);
    const char *row[] = {*t->group ? t->group : "-", t->unit, total, stories, sources};
    table_add(&p->t, row, NULL);
    return p->t.oom ? (p->failed = 1) : 0;
}

int cmd_totals(int argc, char **argv)
{
    static const struct option longopts[] = {
        FILTER_LONGOPTS,
        {"by", required_argument, 0, OPT_BY},
        {0, 0, 0, 0}};
    query_opts o;
    memset(&o, 0, sizeof o);
    chr_store_filter_init(&o.f);
    int status = CLI_EXIT_OK, c, by = -1, idx = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, &idx)) != -1) {
        if (filter_option(&o, c, longopts, idx, optarg, &status)) {
            if (status) return status;
            continue;
        }
        if (c == 'h') { fputs(totals_help, stdout); return CLI_EXIT_OK; }
        if (c == OPT_BY) {
            if ((by = chr_store_by_parse(optarg)) < 0) {
                fprintf(stderr, "%s: --by is actor, recipient, month, item, status or mode, "
                        "not '%s'\n", cli_prog, optarg);
                return CLI_EXIT_USAGE;
            }
            continue;
        }
        fputs(totals_help, stderr);
        return CLI_EXIT_USAGE;
    }
    if (by < 0 || optind < argc) {
        fputs(totals_help, stderr);
        return CLI_EXIT_USAGE;
    }
    if (o.f.kind == CHR_REC_FIGURE || o.f.metric || o.f.side || o.f.population) {
        fprintf(stderr, "%s: totals sums event stories; for figures use chronicle figures\n",
                cli_prog);
        return CLI_EXIT_USAGE;
    }
    totals_ctx p;
    memset(&p, 0, sizeof p);
    p.by = (chr_store_by)by;
    if (parse_format(o.format, 1, &p.table_out, &p.fmt) != 0) return CLI_EXIT_USAGE;
    chr_store *s = open_store(db_path(o.db), CHR_STORE_READ);
    if (!s) return CLI_EXIT_USAGE;
    static const char *const heads[][5] = {
        {"ACTOR", "UNIT", "TOTAL", "STORIES", "SOURCES"},
        {"RECIPIENT", "UNIT", "TOTAL", "STORIES", "SOURCES"},
        {"MONTH", "UNIT", "TOTAL", "STORIES", "SOURCES"},
        {"ITEM", "UNIT", "TOTAL", "STORIES", "SOURCES"},
        {"STATUS", "UNIT", "TOTAL", "STORIES", "SOURCES"},
        {"MODE", "UNIT", "TOTAL", "STORIES", "SOURCES"}};
    if (p.table_out) {
        p.t.ncols = 5;
        p.t.head = heads[by];
        p.t.right = "..rrr";
    } else if (chr_store_write_total_header(stdout, p.fmt, p.by) != CHR_OK) {
        p.failed = 1;
    }
    chr_error err;
    memset(&err, 0, sizeof err);
    int rc = p.failed ? CHR_EIO : chr_store_totals(s, p.by, &o.f, print_total, &p, &err);
    return finish_listing(s, rc, p.failed, &err, p.table_out ? &p.t : NULL, status);
}

/* ---- export ------------------------------------------------------------------------------ */

static const char export_help[] =
    "usage: chronicle export [--format jsonl|csv] [OPTIONS]\n"
    "\n"
    "Write every stored record (mention) that passes the filters, in the order\n"
    "they were stored.  JSON Lines gives each record exactly as extract wrote\n"
    "it; CSV gives one row per record with its story, document, slots and\n"
    "sentence.\n"
    "\n"
    "  --format F         jsonl (default) or csv (RFC 4180)\n"
    DB_HELP
    "\n"
    FILTER_HELP
    "\n"
    "Exit status: 0 success, 2 usage error or no usable store.\n";

int cmd_export(int argc, char **argv)
{
    static const struct option longopts[] = {FILTER_LONGOPTS, {0, 0, 0, 0}};
    query_opts o;
    memset(&o, 0, sizeof o);
    chr_store_filter_init(&o.f);
    int status = CLI_EXIT_OK, c, table_out, idx = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, &idx)) != -1) {
        if (filter_option(&o, c, longopts, idx, optarg, &status)) {
            if (status) return status;
            continue;
        }
        if (c == 'h') { fputs(export_help, stdout); return CLI_EXIT_OK; }
        fputs(export_help, stderr);
        return CLI_EXIT_USAGE;
    }
    if (optind < argc) {
        fprintf(stderr, "%s: unexpected argument '%s'\n", cli_prog, argv[optind]);
        return CLI_EXIT_USAGE;
    }
    chr_store_fmt fmt;
    if (parse_format(o.format, 0, &table_out, &fmt) != 0) return CLI_EXIT_USAGE;
    chr_store *s = open_store(db_path(o.db), CHR_STORE_READ);
    if (!s) return CLI_EXIT_USAGE;
    chr_error err;
    memset(&err, 0, sizeof err);
    if (chr_store_export(s, &o.f, fmt, stdout, &err) != CHR_OK) {
        chr_error_print(&err, stderr, cli_prog);
        status = CLI_EXIT_USAGE;
    }
    chr_store_close(s);
    return status == CLI_EXIT_OK ? finish_output() : status;
}

/* ---- ingest ------------------------------------------------------------------------------ */

static const char ingest_help[] =
    "usage: chronicle ingest [OPTIONS] [FILE|DIR|-]...\n"
    "\n"
    "Read dated news articles (as extract does) and store each document, its\n"
    "sentences and its records; records are merged into stories across\n"
    "articles.  A document read again with the same id and content is skipped\n"
    "before any extraction; with the same id and new content, its records are\n"
    "replaced.  Documents are extracted on --jobs threads and stored in input\n"
    "order, so the store is the same whatever the number of threads.  Work is\n"
    "committed every --batch documents: an ingest that is killed keeps what it\n"
    "committed, and running it again completes it without doubling anything.\n"
    "\n"
    DB_HELP
    "  --jobs N           extract on N threads (default: one per processor)\n"
    "  --batch N          documents per transaction (default 500)\n"
    "  --force            extract and replace the records of unchanged documents\n"
    "                     too (after an upgrade of Chronicle or its dictionaries)\n"
    "  --quiet            no progress line and no summary\n"
    "  --date YYYY-MM-DD  publication date for every document (overrides theirs)\n"
    CLI_COMMON_HELP
    "\n"
    "A progress line (documents, records, documents per second, and the time\n"
    "left when the input size is known) is shown when standard error is a\n"
    "terminal.  The summary says how many documents were new, changed and\n"
    "unchanged, and how many were extracted.\n"
    "\n"
    "Exit status: 0 success, 1 some input was malformed and skipped, 2 usage\n"
    "error or the store could not be written.\n";

enum { OPT_JOBS = 3000 };

/* Far beyond the point where the thread writing the store is the
 * bottleneck. */
#define MAX_JOBS 256

typedef struct ingest_ctx {
    chr_store *store;
    const char *db;
    const char *date;       /* --date */
    long batch, in_batch;
    int force, progress;
    long long docs, fresh, changed, same, extracted, records;
    long long total_bytes, seen_bytes;      /* total 0: unknown */
    double t0, last_commit, last_shown;
    chr_error err;
    int failed;
} ingest_ctx;

static void show_progress(ingest_ctx *x, int last)
{
    double now = now_seconds();
    if (!last && now - x->last_shown < 0.25) return;
    x->last_shown = now;
    double rate = now > x->t0 ? x->docs / (now - x->t0) : 0;
    char eta[48] = "";
    if (x->total_bytes > 0 && x->seen_bytes > 0 && !last) {
        /* Bytes read so far are estimated from what the documents hold:
         * markup around them makes this err on the slow side. */
        double frac = (double)x->seen_bytes / (double)x->total_bytes;
        if (frac > 0.99) frac = 0.99;
        double left = (now - x->t0) * (1 - frac) / frac;
        snprintf(eta, sizeof eta, ", %d%%, about %ld:%02ld left", (int)(frac * 100),
                 (long)left / 60, (long)left % 60);
    }
    fprintf(stderr, "\r%s ingest: %lld documents, %lld records, %.0f documents/s%s\033[K",
            cli_prog, x->docs, x->records, rate, eta);
    if (last) fputc('\n', stderr);
}

/* Before extraction: a document the store holds with the same content is
 * passed on unextracted. */
static int ingest_screen(const chr_document *doc, void *ctx)
{
    ingest_ctx *x = ctx;
    int outcome;
    if (x->force) return 0;
    if (chr_store_find_input(x->store, doc, x->date, &outcome, &x->err) != CHR_OK)
        return x->failed = -1;
    return outcome == CHR_STORE_SAME;
}

/* In input order: store the document (d NULL: it was passed on unchanged),
 * committing by count, and at least once a second while documents come,
 * so that a slow stream (standard input from a crawler) is stored as it
 * arrives rather than 500 documents later. */
static int ingest_done(const chr_document *doc, const chr_doc *d, void *ctx)
{
    ingest_ctx *x = ctx;
    int outcome = CHR_STORE_SAME;
    size_t nrec = 0;
    if (d) {
        if (x->in_batch == 0 && chr_store_begin(x->store, &x->err) != CHR_OK)
            return x->failed = 1;
        if (chr_store_put_processed(x->store, d, x->force, &outcome, &nrec, &x->err) != CHR_OK)
            return x->failed = 1;
        x->extracted++;
        x->in_batch++;
    }
    x->docs++;
    x->records += (long long)nrec;
    if (outcome == CHR_STORE_NEW) x->fresh++;
    else if (outcome == CHR_STORE_CHANGED) x->changed++;
    else x->same++;
    x->seen_bytes += (long long)doc->text_len + (long long)strlen(doc->id) + 64;

    double now = now_seconds();
    if (x->in_batch && (x->in_batch >= x->batch || now - x->last_commit >= 1.0)) {
        if (chr_store_commit(x->store, &x->err) != CHR_OK) return x->failed = 1;
        x->in_batch = 0;
        x->last_commit = now;
    }
    if (x->progress) show_progress(x, 0);
    return 0;
}

/* The size of every named regular file, or 0 when one is not (standard
 * input, a directory): then no time left is shown. */
static long long input_size(char **paths, int n)
{
    long long total = 0;
    if (n == 0) return 0;
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(paths[i], "-") == 0 || stat(paths[i], &st) != 0 || !S_ISREG(st.st_mode))
            return 0;
        total += st.st_size;
    }
    return total;
}

/* A whole number in 1..max for option name; -1 after saying why not. */
static long count_option(const char *name, const char *arg, long max)
{
    char *end;
    errno = 0;
    long n = strtol(arg, &end, 10);
    if (errno || *end || end == arg || n <= 0 || n > max) {
        fprintf(stderr, "%s: --%s wants a number from 1 to %ld, not '%s'\n", cli_prog, name,
                max, arg);
        return -1;
    }
    return n;
}

static int default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (int)n;
}

static void print_summary(ingest_ctx *x)
{
    chr_store_info info;
    chr_error err;
    if (chr_store_describe(x->store, &info, &err) != CHR_OK) return;
    fprintf(stderr, "%s: %s: read %lld documents (%lld new, %lld changed, %lld unchanged), "
            "extracted %lld, stored %lld records; the store holds %lld documents, "
            "%lld records, %lld stories\n", cli_prog, x->db, x->docs, x->fresh, x->changed,
            x->same, x->extracted, x->records, info.documents, info.records, info.stories);
}

int cmd_ingest(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, 0, OPT_DB},
        {"quiet", no_argument, 0, OPT_QUIET},
        {"force", no_argument, 0, OPT_FORCE},
        {"batch", required_argument, 0, OPT_BATCH},
        {"jobs", required_argument, 0, OPT_JOBS},
        {"date", required_argument, 0, OPT_DATE},
        CLI_COMMON_LONGOPTS,
        {0, 0, 0, 0}};
    cli_input in;
    memset(&in, 0, sizeof in);
    in.stages = CHR_STAGE_RECORDS;
    ingest_ctx x;
    memset(&x, 0, sizeof x);
    x.batch = 500;
    const char *db = NULL;
    int quiet = 0, status = CLI_EXIT_OK, c, jobs = default_jobs();
    long n;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (cli_common_option(&in, c, optarg, &status)) {
            if (status) goto done;
            continue;
        }
        switch (c) {
        case 'h':
            fputs(ingest_help, stdout);
            goto done;
        case OPT_DB: db = optarg; break;
        case OPT_QUIET: quiet = 1; break;
        case OPT_FORCE: x.force = 1; break;
        case OPT_BATCH:
        case OPT_JOBS:
            n = count_option(c == OPT_BATCH ? "batch" : "jobs", optarg,
                             c == OPT_BATCH ? INT_MAX : MAX_JOBS);
            if (n < 0) {
                status = CLI_EXIT_USAGE;
                goto done;
            }
            if (c == OPT_BATCH) x.batch = n;
            else jobs = (int)n;
            break;
        case OPT_DATE:
            if ((status = cli_date_option(&in, optarg)) != CLI_EXIT_OK) goto done;
            break;
        default:
            fputs(ingest_help, stderr);
            status = CLI_EXIT_USAGE;
            goto done;
        }
    }
    in.paths = argv + optind;
    in.npaths = argc - optind;
    x.db = db_path(db);
    x.date = in.date;
    if (!(x.store = open_store(x.db, CHR_STORE_WRITE))) {
        status = CLI_EXIT_USAGE;
        goto done;
    }
    x.progress = !quiet && isatty(STDERR_FILENO);
    x.total_bytes = input_size(in.paths, in.npaths);
    x.t0 = x.last_commit = now_seconds();

    static const cli_jobs_fns fns = {ingest_screen, ingest_done};
    status = cli_run_jobs(&in, jobs, &fns, &x);
    if (x.failed) {
        chr_store_rollback(x.store);
        if (x.progress) fputc('\n', stderr);
        chr_error_print(&x.err, stderr, cli_prog);
        status = CLI_EXIT_USAGE;
    } else if (chr_store_commit(x.store, &x.err) != CHR_OK) {
        chr_error_print(&x.err, stderr, cli_prog);
        status = CLI_EXIT_USAGE;
    } else {
        if (x.progress) show_progress(&x, 1);
        if (!quiet) print_summary(&x);
    }
    chr_store_close(x.store);
done:
    cli_free(&in);
    return status;
}
