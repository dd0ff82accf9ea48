/*
 * chronicle.c - the command-line tool: find the subcommand and run it.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: chronicle COMMAND [OPTIONS] [FILE...]\n"
    "\n"
    "Chronicle reads dated news articles and writes records: events (who did\n"
    "what to whom, when, with how much) and figures (killed, injured,\n"
    "displaced, ...), each tied to the sentence it came from.\n"
    "\n"
    "Commands:\n"
    "  extract     write the records of each document (JSON Lines, CSV, CAMEO)\n"
    "  analyze     print what the analyzers find: numbers, money, dates, entities\n"
    "  sentences   print each document's sentences with their byte spans\n"
    "  explain     show how each record was made (or refused), sentence by sentence\n"
    "  dict check  validate the bundled data and your own dictionaries\n"
    "  ingest      store documents and their records (SQLite), merged into stories\n"
    "  query       list stored stories, or their mentions, by type, actor, date, ...\n"
    "  totals      sum the stories' money and item counts by actor, month, item, ...\n"
    "  figures     each reported figure over time, with source and as-of date\n"
    "  export      write stored records as JSON Lines or CSV\n"
    "  serve       answer a JSON API over the store, and serve the dashboard\n"
    "\n"
    "Input: JSON Lines, dated text (\"date YYYY-MM-DD\" then the article), CSV,\n"
    "directories of such files, or standard input.\n"
    "\n"
    "  chronicle COMMAND --help   options of a command\n"
    "  chronicle --version        the version\n";

static const struct {
    const char *name;
    int (*fn)(int, char **);
} commands[] = {
    {"extract", cmd_extract},
    {"analyze", cmd_analyze},
    {"sentences", cmd_sentences},
    {"explain", cmd_explain},
    {"dict", cmd_dict},
    {"ingest", cmd_ingest},
    {"query", cmd_query},
    {"totals", cmd_totals},
    {"figures", cmd_figures},
    {"export", cmd_export},
    {"serve", cmd_serve},
};

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return CLI_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("chronicle %s\n", CHR_VERSION);
        return CLI_EXIT_OK;
    }
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage, stdout);
        return CLI_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(cmd, commands[i].name) == 0) return commands[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "%s: unknown command '%s'\n\n%s", cli_prog, cmd, usage);
    return CLI_EXIT_USAGE;
}
