/*
 * commands.c - the reading subcommands: extract, sentences, analyze.
 * Each parses its options, then hands the input loop a writer.
 */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char extract_help[] =
    "usage: chronicle extract [OPTIONS] [FILE|DIR|-]...\n"
    "\n"
    "Read dated news articles (JSON Lines, dated text or CSV; standard input\n"
    "when no file is named) and write their event and figure records.\n"
    "\n"
    "  -f, --format F     jsonl (default), csv or cameo (tab-separated event data:\n"
    "                     date, source actor, target actor, CAMEO, PLOVER type,\n"
    "                     document id, sentence number)\n"
    "  --date YYYY-MM-DD  publication date for every document (overrides theirs)\n"
    CLI_COMMON_HELP
    "\n"
    "Exit status: 0 success, 1 some input was malformed and skipped, 2 usage error.\n";

static const char sentences_help[] =
    "usage: chronicle sentences [OPTIONS] [FILE|DIR|-]...\n"
    "\n"
    "Print each document's sentences as JSON Lines: doc_id, n, span (byte offsets\n"
    "into the document text, end exclusive) and text.\n"
    "\n"
    CLI_COMMON_HELP;

static const char analyze_help[] =
    "usage: chronicle analyze [OPTIONS] [FILE|DIR|-]...\n"
    "\n"
    "Print what the analyzers find, one JSON line per mention: doc_id, kind, text,\n"
    "span, and the normalized value (number: value, qual, max; money: also\n"
    "currency; date: start, end, granularity; actor: code, name, role; place:\n"
    "name, country; item: name, class; source: name, kind).\n"
    "\n"
    "  --date YYYY-MM-DD  publication date (overrides or supplies the documents')\n"
    "  --kinds LIST       comma-separated kinds to print (default all):\n"
    "                     number,money,date,actor,place,item,source\n"
    CLI_COMMON_HELP;

static const char explain_help[] =
    "usage: chronicle explain [OPTIONS] [FILE|DIR|-]...\n"
    "\n"
    "Show how the records of each document were made: sentence by sentence, the\n"
    "tokens with their tags, phrases, verb groups and clauses, the mentions the\n"
    "analyzers found, and which rule made (or refused to make) each record;\n"
    "then the records themselves.\n"
    "\n"
    "  --date YYYY-MM-DD  publication date for every document (overrides theirs)\n"
    CLI_COMMON_HELP;

typedef struct out_ctx {
    chr_outfmt fmt;
    unsigned kinds;
    int failed;
} out_ctx;

static int write_records(const chr_doc *d, void *ctx)
{
    out_ctx *o = ctx;
    return chr_write_records(d, o->fmt, stdout) != CHR_OK ? (o->failed = 1) : 0;
}

static int write_sentences(const chr_doc *d, void *ctx)
{
    out_ctx *o = ctx;
    return chr_write_sentences(d, stdout) != CHR_OK ? (o->failed = 1) : 0;
}

static int write_mentions(const chr_doc *d, void *ctx)
{
    out_ctx *o = ctx;
    return chr_write_mentions(d, o->kinds, stdout) != CHR_OK ? (o->failed = 1) : 0;
}

static int write_explanation(const chr_doc *d, void *ctx)
{
    out_ctx *o = ctx;
    printf("== document %s\n%s== records\n", chr_doc_id(d), chr_doc_trace(d));
    if (chr_write_records(d, CHR_OUT_JSONL, stdout) != CHR_OK) o->failed = 1;
    putchar('\n');
    return o->failed;
}

enum { CMD_EXTRACT, CMD_SENTENCES, CMD_ANALYZE, CMD_EXPLAIN };

static int run_command(int which, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, 0, 'f'},
        {"date", required_argument, 0, OPT_DATE},
        {"kinds", required_argument, 0, 'k'},
        CLI_COMMON_LONGOPTS,
        {0, 0, 0, 0}};
    const char *help = which == CMD_EXTRACT ? extract_help
                       : which == CMD_SENTENCES ? sentences_help
                       : which == CMD_EXPLAIN ? explain_help : analyze_help;
    cli_input in;
    memset(&in, 0, sizeof in);
    out_ctx o = {CHR_OUT_JSONL, CHR_KINDS_ALL, 0};
    int status = CLI_EXIT_OK, c;

    in.stages = which == CMD_EXTRACT ? CHR_STAGE_ALL
                : which == CMD_EXPLAIN ? CHR_STAGE_ALL | CHR_STAGE_TRACE
                : which == CMD_ANALYZE ? CHR_STAGE_ANALYZE : CHR_STAGE_TEXT;
    optind = 1;
    opterr = 1;
    while ((c = getopt_long(argc, argv, "f:k:h", longopts, NULL)) != -1) {
        if (cli_common_option(&in, c, optarg, &status)) {
            if (status) goto done;
            continue;
        }
        switch (c) {
        case 'h':
            fputs(help, stdout);
            goto done;
        case 'f':
            if (which != CMD_EXTRACT) goto usage;
            if (strcmp(optarg, "jsonl") == 0) o.fmt = CHR_OUT_JSONL;
            else if (strcmp(optarg, "csv") == 0) o.fmt = CHR_OUT_CSV;
            else if (strcmp(optarg, "cameo") == 0) o.fmt = CHR_OUT_CAMEO;
            else {
                fprintf(stderr, "%s: unknown output format '%s' (jsonl, csv, cameo)\n",
                        cli_prog, optarg);
                status = CLI_EXIT_USAGE;
                goto done;
            }
            break;
        case OPT_DATE:
            if (which == CMD_SENTENCES) goto usage;
            if (strlen(optarg) != 10 || chr_day_parse(optarg, 10) == CHR_DAY_NONE) {
                fprintf(stderr, "%s: --date wants YYYY-MM-DD, not '%s'\n", cli_prog, optarg);
                status = CLI_EXIT_USAGE;
                goto done;
            }
            in.date = optarg;
            break;
        case 'k':
            if (which != CMD_ANALYZE) goto usage;
            o.kinds = chr_kinds_parse(optarg);
            if (!o.kinds) {
                fprintf(stderr, "%s: unknown kind in '%s' (number, money, date, actor, "
                        "place, item, source)\n", cli_prog, optarg);
                status = CLI_EXIT_USAGE;
                goto done;
            }
            break;
        default:
            goto usage;
        }
    }
    in.paths = argv + optind;
    in.npaths = argc - optind;
    if (which == CMD_EXTRACT && chr_write_records_header(o.fmt, stdout) != CHR_OK) {
        status = CLI_EXIT_USAGE;
        goto done;
    }
    status = cli_run(&in, which == CMD_EXTRACT ? write_records
                          : which == CMD_SENTENCES ? write_sentences
                          : which == CMD_EXPLAIN ? write_explanation : write_mentions, &o);
    if (o.failed && status == CLI_EXIT_OK) status = CLI_EXIT_USAGE;
    goto done;
usage:
    fputs(help, stderr);
    status = CLI_EXIT_USAGE;
done:
    cli_free(&in);
    return status;
}

int cmd_extract(int argc, char **argv) { return run_command(CMD_EXTRACT, argc, argv); }
int cmd_sentences(int argc, char **argv) { return run_command(CMD_SENTENCES, argc, argv); }
int cmd_analyze(int argc, char **argv) { return run_command(CMD_ANALYZE, argc, argv); }
int cmd_explain(int argc, char **argv) { return run_command(CMD_EXPLAIN, argc, argv); }
