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

void cli_warn_date(const chr_document *doc, const chr_doc *d)
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

int cli_date_option(cli_input *in, const char *arg)
{
    if (strlen(arg) != 10 || chr_day_parse(arg, 10) == CHR_DAY_NONE) {
        fprintf(stderr, "%s: --date wants YYYY-MM-DD, not '%s'\n", cli_prog, arg);
        return CLI_EXIT_USAGE;
    }
    in->date = arg;
    return CLI_EXIT_OK;
}

chr_engine *cli_engine_open(const cli_input *in)
{
    chr_error err;
    memset(&err, 0, sizeof err);
    chr_engine *engine = NULL;
    chr_engine_options opt = {in->data_dir, in->dicts, in->ndicts};
    if (chr_engine_open(&engine, &opt, &err) != CHR_OK) {
        chr_error_print(&err, stderr, cli_prog);
        return NULL;
    }
    return engine;
}

/* Report bad input, after what came before it. */
static int report(const chr_error *err, cli_flush_fn flush, void *ctx)
{
    if (flush) flush(ctx);
    chr_error_print(err, stderr, cli_prog);
    return CLI_EXIT_SKIPPED;
}

int cli_read(const cli_input *in, cli_input_fn fn, cli_flush_fn flush, void *ctx)
{
    chr_error err;
    memset(&err, 0, sizeof err);
    static char *stdin_only[] = {"-"};
    char **paths = in->npaths ? in->paths : stdin_only;
    int npaths = in->npaths ? in->npaths : 1;
    int status = CLI_EXIT_OK, stop = 0;

    for (int i = 0; i < npaths && !stop; i++) {
        chr_reader *r = NULL;
        int rc = chr_reader_open(&r, paths[i], (chr_format)in->format, &err);
        if (rc != CHR_OK) {
            status = report(&err, flush, ctx);
            continue;
        }
        for (;;) {
            chr_document doc;
            rc = chr_reader_next(r, &doc, &err);
            if (rc == CHR_DONE) break;
            if (rc != CHR_OK) {
                status = report(&err, flush, ctx);
                /* A malformed record is skipped; a reader that cannot go
                 * on ends its input. */
                if (rc == CHR_EINPUT) continue;
                break;
            }
            rc = fn(&doc, ctx);
            if (rc == CLI_READ_SKIPPED) {
                status = CLI_EXIT_SKIPPED;
            } else if (rc != 0) {
                stop = 1;
                break;
            }
        }
        chr_reader_close(r);
    }
    return status;
}

/* cli_run's reading callback: process the document here and hand it on. */
typedef struct run_ctx {
    const cli_input *in;
    chr_engine *engine;
    chr_doc *d;
    cli_doc_fn fn;
    void *ctx;
} run_ctx;

static int run_one(const chr_document *doc, void *ctx)
{
    run_ctx *x = ctx;
    chr_error err;
    if (chr_doc_process(x->engine, x->d, doc, x->in->date, x->in->stages, &err) != CHR_OK) {
        chr_error_print(&err, stderr, cli_prog);
        return CLI_READ_SKIPPED;
    }
    if (!x->in->date) cli_warn_date(doc, x->d);
    return x->fn(x->d, x->ctx) ? 1 : 0;
}

static int flush_output(int status)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "%s: error writing output\n", cli_prog);
        return CLI_EXIT_USAGE;
    }
    return status;
}

int cli_run(const cli_input *in, cli_doc_fn fn, void *ctx)
{
    run_ctx x = {in, cli_engine_open(in), chr_doc_new(), fn, ctx};
    int status = CLI_EXIT_USAGE;
    if (!x.engine) goto done;
    if (!x.d) {
        fprintf(stderr, "%s: out of memory\n", cli_prog);
        goto done;
    }
    status = flush_output(cli_read(in, run_one, NULL, &x));
done:
    chr_doc_free(x.d);
    chr_engine_close(x.engine);
    return status;
}
