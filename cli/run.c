/*
 * run.c - the input loop every reading subcommand shares: files and
 * directories through the readers, each document through the engine, bad
 * input reported as "chronicle: FILE:LINE: what is wrong" and skipped.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "io/reader.h"

const char *cli_prog = "chronicle";

int cli_common_option(cli_input *in, int opt, const char *arg, int *status)
{
    switch (opt) {
    case OPT_INPUT_FORMAT: {
        int f = chr_format_parse(arg);
        if (f < 0) {
            fprintf(stderr, "%s: unknown input format '%s' (auto, jsonl, text, csv)\n",
                    cli_prog, arg);
            *status = CLI_EXIT_USAGE;
        }
        in->format = f;
        return 1;
    }
    case OPT_DATA:
        in->data_dir = arg;
        return 1;
    case OPT_DICT: {
        const char **d = realloc(in->dicts, (in->ndicts + 1) * sizeof *d);
        if (!d) { *status = CLI_EXIT_USAGE; return 1; }
        d[in->ndicts++] = arg;
        in->dicts = d;
        return 1;
    }
    }
    return 0;
}

void cli_free(cli_input *in)
{
    free(in->dicts);
    in->dicts = NULL;
}

static void warn_date(const chr_document *doc, const chr_doc *d)
{
    if (chr_doc_date(d) != CHR_DAY_NONE) return;
    const char *file = doc->file && *doc->file ? doc->file : "<stdin>";
    if (chr_doc_date_invalid(d))
        fprintf(stderr, "%s: %s:%ld: document '%s': date '%s' is not a day "
                "(YYYY-MM-DD); relative dates are left unresolved\n",
                cli_prog, file, doc->line, doc->id, doc->date);
    else
        fprintf(stderr, "%s: %s:%ld: document '%s' has no date; relative dates "
                "are left unresolved\n", cli_prog, file, doc->line, doc->id);
}

int cli_run(const cli_input *in, cli_doc_fn fn, void *ctx)
{
    chr_error err;
    memset(&err, 0, sizeof err);
    chr_engine *engine = NULL;
    chr_engine_options opt = {in->data_dir, in->dicts, in->ndicts};
    if (chr_engine_open(&engine, &opt, &err) != CHR_OK) {
        chr_error_print(&err, stderr, cli_prog);
        return CLI_EXIT_USAGE;
    }
    chr_doc *d = chr_doc_new();
    if (!d) {
        fprintf(stderr, "%s: out of memory\n", cli_prog);
        chr_engine_close(engine);
        return CLI_EXIT_USAGE;
    }

    static char *stdin_only[] = {"-"};
    char **paths = in->npaths ? in->paths : stdin_only;
    int npaths = in->npaths ? in->npaths : 1;
    int status = CLI_EXIT_OK, stop = 0;

    for (int i = 0; i < npaths && !stop; i++) {
        chr_reader *r = NULL;
        int rc = chr_reader_open(&r, paths[i], (chr_format)in->format, &err);
        if (rc != CHR_OK) {
            chr_error_print(&err, stderr, cli_prog);
            status = CLI_EXIT_SKIPPED;
            continue;
        }
        for (;;) {
            chr_document doc;
            rc = chr_reader_next(r, &doc, &err);
            if (rc == CHR_DONE) break;
            if (rc == CHR_EINPUT) {
                chr_error_print(&err, stderr, cli_prog);
                status = CLI_EXIT_SKIPPED;
                continue;
            }
            if (rc != CHR_OK) {
                chr_error_print(&err, stderr, cli_prog);
                status = CLI_EXIT_SKIPPED;
                break;
            }
            rc = chr_doc_process(engine, d, &doc, in->date, in->stages, &err);
            if (rc != CHR_OK) {
                chr_error_print(&err, stderr, cli_prog);
                status = CLI_EXIT_SKIPPED;
                continue;
            }
            if (!in->date) warn_date(&doc, d);
            if (fn(d, ctx) != 0) { stop = 1; break; }
        }
        chr_reader_close(r);
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "%s: error writing output\n", cli_prog);
        status = CLI_EXIT_USAGE;
    }
    chr_doc_free(d);
    chr_engine_close(engine);
    return status;
}
