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

    in.stages = which == CMD_EXTRACT ? CHR_STAGE_RECORDS
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
            if ((status = cli_date_option(&in, optarg)) != CLI_EXIT_OK) goto done;
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

static const char dict_help[] =
    "usage: chronicle dict check [OPTIONS] [FILE...]\n"
    "\n"
    "Load and validate the bundled data (knowledge base, patterns, lexicon, date\n"
    "anchors) and the dictionaries named, plus those of $CHRONICLE_DATA; print\n"
    "what was loaded, or the first error as FILE:LINE: what is wrong.\n"
    "The syntax of dictionaries is in docs/dictionaries.md.\n"
    "\n"
    "  --data DIR         the bundled data directory\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit status: 0 valid, 1 a file is invalid, 2 usage error.\n";

int cmd_dict(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"data", required_argument, 0, OPT_DATA},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    const char *data = NULL;
    int c;
    optind = 1;
    if (argc < 2 || strcmp(argv[1], "check") != 0) {
        if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
            fputs(dict_help, stdout);
            return CLI_EXIT_OK;
        }
        fputs(dict_help, stderr);
        return CLI_EXIT_USAGE;
    }
    argc--;
    argv++;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (c == 'h') { fputs(dict_help, stdout); return CLI_EXIT_OK; }
        if (c == OPT_DATA) { data = optarg; continue; }
        fputs(dict_help, stderr);
        return CLI_EXIT_USAGE;
    }
    chr_engine_options opt = {data, (const char *const *)(argv + optind), (size_t)(argc - optind)};
    chr_engine *e = NULL;
    chr_error err;
    memset(&err, 0, sizeof err);
    if (chr_engine_open(&e, &opt, &err) != CHR_OK) {
        chr_error_print(&err, stderr, cli_prog);
        return err.code == CHR_EDATA || err.code == CHR_EIO ? CLI_EXIT_SKIPPED : CLI_EXIT_USAGE;
    }
    chr_engine_describe(e, stdout);
    for (int i = optind; i < argc; i++) printf("ok: %s\n", argv[i]);
    chr_engine_close(e);
    return CLI_EXIT_OK;
}
