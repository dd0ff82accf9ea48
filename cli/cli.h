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
