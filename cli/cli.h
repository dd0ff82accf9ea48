/*
 * cli.h - what the subcommands of the chronicle tool share: reading every
 * input document through the library and reporting bad input the same way.
 *
 * The tool only parses arguments, calls the library and prints.  Exit status:
 * 0 success, 1 some input was malformed and skipped (the rest was processed),
 * 2 usage error or nothing could be done.
 */
#ifndef CHR_CLI_H
#define CHR_CLI_H

#include "chronicle.h"

#define CLI_EXIT_OK 0
#define CLI_EXIT_SKIPPED 1
#define CLI_EXIT_USAGE 2

extern const char *cli_prog;

typedef struct cli_input {
    char **paths;           /* files, directories or "-"; none: standard input */
    int npaths;
    int format;             /* chr_format for the readers */
    const char *date;       /* --date: publication date override */
    unsigned stages;        /* CHR_STAGE_* to run */
    const char *data_dir;   /* --data */
    const char **dicts;     /* --dict, repeatable */
    size_t ndicts;
} cli_input;

/* Called for each processed document; returns 0 to go on. */
typedef int (*cli_doc_fn)(const chr_doc *d, void *ctx);

/* Open the engine, read every input, process and hand each document to fn.
 * Returns the exit status. */
int cli_run(const cli_input *in, cli_doc_fn fn, void *ctx);

/* The steps cli_run is made of, for commands that arrange them otherwise. */

/* Called for each input document as read, unprocessed, in input order; its
 * strings are valid only during the call.  Returns 0 to go on,
 * CLI_READ_SKIPPED when the document could not be used (it was reported;
 * reading goes on and the exit status becomes 1), anything else to stop. */
typedef int (*cli_input_fn)(const chr_document *doc, void *ctx);
#define CLI_READ_SKIPPED (-1)

/* Called before bad input is reported, so that what was read before it is
 * reported first. */
typedef void (*cli_flush_fn)(void *ctx);

/* Read every input in order and hand each document to fn.  Malformed input
 * is reported (after flush, when not NULL) and skipped.  Returns the exit
 * status. */
int cli_read(const cli_input *in, cli_input_fn fn, cli_flush_fn flush, void *ctx);
/* The engine the options name (bundled data, --data, --dict); NULL after
 * printing why it could not be opened. */
chr_engine *cli_engine_open(const cli_input *in);
/* Warn on standard error when a processed document has no usable date. */
void cli_warn_date(const chr_document *doc, const chr_doc *d);

/* What cli_run_jobs calls, on the calling thread and in input order. */
typedef struct cli_jobs_fns {
    /* Before a document is processed: 1 to hand it to done unprocessed,
     * 0 to process it, < 0 to stop.  NULL: process every document.  It is
     * called once done has seen every earlier document with the same id. */
    int (*screen)(const chr_document *doc, void *ctx);
    /* The document and what processing made of it (NULL when screen passed
     * it on); 0 to go on. */
    int (*done)(const chr_document *doc, const chr_doc *d, void *ctx);
} cli_jobs_fns;

/* cli_run with documents processed on jobs threads at once; the calling
 * thread reads, screens and hands documents to done in input order, so the
 * result does not depend on jobs.  Returns the exit status. */
int cli_run_jobs(const cli_input *in, int jobs, const cli_jobs_fns *fns, void *ctx);

/* Shared options: returns 1 when opt (from getopt_long) was one of them. */
int cli_common_option(cli_input *in, int opt, const char *arg, int *status);

/* The long options every input-reading command accepts, and their ids. */
enum { OPT_INPUT_FORMAT = 1000, OPT_DATA, OPT_DICT, OPT_DATE, OPT_HELP };
#define CLI_COMMON_LONGOPTS \
    {"input-format", required_argument, 0, OPT_INPUT_FORMAT}, \
    {"data", required_argument, 0, OPT_DATA}, \
    {"dict", required_argument, 0, OPT_DICT}, \
    {"help", no_argument, 0, 'h'}
#define CLI_COMMON_HELP \
    "  --input-format F   auto (default), jsonl, text or csv\n" \
    "  --data DIR         the bundled data directory (default: the installed one)\n" \
    "  --dict FILE        an extra dictionary loaded on top (repeatable); the .txt\n" \
    "                     files of the directory $CHRONICLE_DATA are loaded too\n" \
    "  -h, --help         this help\n"

/* --date: check arg (YYYY-MM-DD) and keep it; returns the exit status. */
int cli_date_option(cli_input *in, const char *arg);

void cli_free(cli_input *in);

int cmd_extract(int argc, char **argv);
int cmd_sentences(int argc, char **argv);
int cmd_analyze(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_dict(int argc, char **argv);
/* The store (store_commands.c). */
int cmd_ingest(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_totals(int argc, char **argv);
int cmd_figures(int argc, char **argv);
int cmd_export(int argc, char **argv);
/* The HTTP API over the store (serve.c). */
int cmd_serve(int argc, char **argv);

#endif
