/*
 * main.c - the conformance runner: Chronicle's analyzers against the public
 * English specs of Microsoft Recognizers-Text (numbers, number ranges,
 * ordinals, currency, percentages, dates).
 *
 *   conformance [-v] [-c CATEGORY] [--min CATEGORY=PERCENT]... SPECS_DIR
 *
 * SPECS_DIR is the Specs folder of a Recognizers-Text checkout.  Every spec
 * file in the table below is read, each case handed to its checker, and the
 * pass rate printed per file and per category over the cases in scope
 * (skipped cases are counted apart, and -v lists why).  --min makes the run
 * fail when a category's rate falls below PERCENT, so that a regression test
 * can hold the measured level.  Exit status: 0, 1 when a minimum is not met,
 * 2 on a usage or file error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conformance.h"

typedef struct spec_file {
    const char *path;           /* under SPECS_DIR */
    const char *category;
    conf_checker check;         /* NULL: out of scope as a whole */
    const char *why;            /* why, when out of scope */
} spec_file;

static const spec_file files[] = {
    {"Number/English/NumberModel.json", "number", conf_check_number, NULL},
    {"Number/English/NumberModelExperimentalMode.json", "number", conf_check_number, NULL},
    {"Number/English/NumberModelPercentMode.json", "number", conf_check_number, NULL},
    {"Number/English/NumberRangeModel.json", "number-range", conf_check_number_range, NULL},
    {"Number/English/NumberRangeModelExperimentalMode.json", "number-range",
     conf_check_number_range, NULL},
    {"Number/English/OrdinalModel.json", "ordinal", conf_check_ordinal, NULL},
    {"Number/English/OrdinalModelSuppressExtendedTypes.json", "ordinal", conf_check_ordinal, NULL},
    {"NumberWithUnit/English/CurrencyModel.json", "currency", conf_check_currency, NULL},
    {"Number/English/PercentModel.json", "percent-not-count", conf_check_percent, NULL},
    {"Number/English/PercentModelPercentMode.json", "percent-not-count", conf_check_percent, NULL},
    {"NumberWithUnit/English/DimensionModel.json", "dimension", NULL,
     "dimensions (200 miles, 3-inch): the number is reported, units are the extractors' business"},

    {"DateTime/English/DateExtractor.json", "date-extract", conf_check_date_extract, NULL},
    {"DateTime/English/DatePeriodExtractor.json", "date-extract", conf_check_date_extract, NULL},
    {"DateTime/English/MergedExtractor.json", "date-extract", conf_check_date_extract, NULL},
    {"DateTime/English/MergedExtractorSkipFromTo.json", "date-extract", conf_check_date_extract, NULL},
    {"DateTime/English/HolidayExtractor.json", "date-extract", conf_check_date_extract, NULL},
    {"DateTime/English/DateParser.json", "date-parse", conf_check_date_parse, NULL},
    {"DateTime/English/DatePeriodParser.json", "date-parse", conf_check_date_parse, NULL},
    {"DateTime/English/MergedParser.json", "date-parse", conf_check_date_parse, NULL},
    {"DateTime/English/HolidayParser.json", "date-parse", conf_check_date_parse, NULL},
    {"DateTime/English/DateTimeModel.json", "date-model", conf_check_date_model, NULL},
    {"DateTime/English/DateTimeModelExperimentalMode.json", "date-model", conf_check_date_model, NULL},
    {"DateTime/English/DateTimeModelCalendarMode.json", "date-model", NULL,
     "calendar-assistant mode"},
    {"DateTime/English/DateTimeModelComplexCalendar.json", "date-model", NULL,
     "calendar-assistant mode"},
    {"DateTime/English/DateTimeModelExtendedTypes.json", "date-model", NULL,
     "calendar-assistant mode"},
    {"DateTime/English/DateTimeModelSplitDateAndTime.json", "date-model", NULL,
     "dates split from times of day"},
    {"DateTime/English/DateTimeModelTasksMode.json", "date-model", NULL,
     "calendar-assistant mode"},
    {"DateTime/English/DateTimeExtractor.json", "date-extract", NULL, "dates with times of day"},
    {"DateTime/English/DateTimeParser.json", "date-parse", NULL, "dates with times of day"},
    {"DateTime/English/DateTimePeriodExtractor.json", "date-extract", NULL, "periods of hours"},
    {"DateTime/English/DateTimePeriodParser.json", "date-parse", NULL, "periods of hours"},
    {"DateTime/English/TimeExtractor.json", "time", NULL, "times of day"},
    {"DateTime/English/TimeParser.json", "time", NULL, "times of day"},
    {"DateTime/English/TimePeriodExtractor.json", "time", NULL, "times of day"},
    {"DateTime/English/TimePeriodParser.json", "time", NULL, "times of day"},
    {"DateTime/English/TimeZoneExtractor.json", "time", NULL, "time zones"},
    {"DateTime/English/TimeZoneParser.json", "time", NULL, "time zones"},
    {"DateTime/English/DurationExtractor.json", "duration", NULL, "durations (3 days) are counts of time, not dates"},
    {"DateTime/English/DurationParser.json", "duration", NULL, "durations (3 days) are counts of time, not dates"},
    {"DateTime/English/SetExtractor.json", "set", NULL, "recurrences (every Monday)"},
    {"DateTime/English/SetParser.json", "set", NULL, "recurrences (every Monday)"},
};

#define NFILES (sizeof files / sizeof files[0])

typedef struct tally {
    const char *category;
    long pass, fail, skip;
    double min;                 /* --min, or -1 */
} tally;

static tally cats[NFILES];
static size_t ncats;

static tally *category(const char *name)
{
    for (size_t i = 0; i < ncats; i++)
        if (strcmp(cats[i].category, name) == 0) return &cats[i];
    cats[ncats].category = name;
    cats[ncats].min = -1;
    return &cats[ncats++];
}

/* Skip reasons of one file, counted. */
typedef struct reason {
    char *text;
    long n;
} reason;

static void add_reason(reason **rs, size_t *n, size_t *cap, const char *text)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp((*rs)[i].text, text) == 0) { (*rs)[i].n++; return; }
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        reason *r = realloc(*rs, nc * sizeof *r);
        if (!r) return;
        *rs = r;
        *cap = nc;
    }
    char *copy = strdup(text);
    if (!copy) return;
    (*rs)[*n].text = copy;
    (*rs)[*n].n = 1;
    (*n)++;
}

/* Read a spec file (UTF-8, possibly with a byte-order mark). */
static json_t *load_spec(const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s", strerror(errno));
        return NULL;
    }
    chr_buf b = CHR_BUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) chr_buf_append(&b, chunk, n);
    int bad = ferror(f) || b.oom;
    fclose(f);
    if (bad) {
        chr_buf_free(&b);
        snprintf(err, errlen, "read error");
        return NULL;
    }
    const char *p = b.data ? b.data : "";
    size_t len = b.len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) { p += 3; len -= 3; }
    json_error_t je;
    json_t *root = json_loadb(p, len, 0, &je);
    chr_buf_free(&b);
    if (!root) snprintf(err, errlen, "line %d: %s", je.line, je.text);
    return root;
}

static void print_rate(long pass, long fail)
{
    if (pass + fail == 0) printf("%7s", "n/a");
    else printf("%6.1f%%", 100.0 * (double)pass / (double)(pass + fail));
}

static void usage(FILE *out)
{
    fprintf(out, "usage: conformance [-v] [-c CATEGORY] [--min CATEGORY=PERCENT]... SPECS_DIR\n");
}

int main(int argc, char **argv)
{
    int verbose = 0;
    const char *only = NULL;
    const char *dir = NULL;
    struct { const char *cat; double pct; } mins[32];
    size_t nmins = 0;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-v") == 0) {
            verbose = 1;
        } else if (strcmp(a, "-c") == 0 && i + 1 < argc) {
            only = argv[++i];
        } else if (strcmp(a, "--min") == 0 && i + 1 < argc) {
            const char *spec = argv[++i];
            const char *eq = strchr(spec, '=');
            char *end;
            if (!eq || eq == spec || nmins == sizeof mins / sizeof mins[0]) {
                usage(stderr);
                return 2;
            }
            double pct = strtod(eq + 1, &end);
            if (end == eq + 1 || *end) {
                usage(stderr);
                return 2;
            }
            char *cat = strndup(spec, (size_t)(eq - spec));
            if (!cat) return 2;
            mins[nmins].cat = cat;
            mins[nmins].pct = pct;
            nmins++;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (a[0] == '-' || dir) {
            usage(stderr);
            return 2;
        } else {
            dir = a;
        }
    }
    if (!dir) {
        usage(stderr);
        return 2;
    }
    for (size_t i = 0; i < nmins; i++) category(mins[i].cat)->min = mins[i].pct;

    printf("conformance: Microsoft Recognizers-Text English specs in %s\n", dir);
    printf("in scope for news: numbers, number ranges, ordinals, currency amounts, dates.\n"
           "percentages are checked only as not-counts (Chronicle reports none);\n"
           "dimensions, times of day, durations and recurrences are out of scope.\n"
           "cases that news never writes are skipped with their reason (-v lists them).\n\n");
    printf("%-56s %-18s %5s %5s %5s %7s\n", "file", "category", "pass", "fail", "skip", "rate");

    int io_error = 0;
    for (size_t fi = 0; fi < NFILES; fi++) {
        const spec_file *sf = &files[fi];
        if (only && strcmp(only, sf->category) != 0) continue;
        if (!sf->check) {
            if (verbose) printf("%-56s %-18s out of scope: %s\n", sf->path, sf->category, sf->why);
            continue;
        }
        char path[4096], err[256];
        snprintf(path, sizeof path, "%s/%s", dir, sf->path);
        json_t *root = load_spec(path, err, sizeof err);
        if (!root || !json_is_array(root)) {
            printf("%-56s %-18s cannot read: %s\n", sf->path, sf->category,
                   root ? "not an array" : err);
            json_decref(root);
            io_error = 1;
            continue;
        }
        tally *t = category(sf->category);
        long pass = 0, fail = 0, skipped = 0;
        reason *rs = NULL;
        size_t nrs = 0, caprs = 0;
        chr_buf fails = CHR_BUF_INIT;
        chr_buf why = CHR_BUF_INIT;
        for (size_t ci = 0; ci < json_array_size(root); ci++) {
            json_t *kase = json_array_get(root, ci);
            chr_buf_clear(&why);
            int rc = sf->check(kase, &why);
            const char *text = why.len ? why.data : "";
            if (rc == CONF_PASS) {
                pass++;
            } else if (rc == CONF_SKIP) {
                skipped++;
                add_reason(&rs, &nrs, &caprs, text[0] ? text : "(no reason given)");
            } else {
                fail++;
                json_t *in = json_object_get(kase, "Input");
                chr_buf_printf(&fails, "    FAIL #%zu \"%s\": %s\n", ci,
                               json_is_string(in) ? json_string_value(in) : "?", text);
            }
        }
        printf("%-56s %-18s %5ld %5ld %5ld ", sf->path, sf->category, pass, fail, skipped);
        print_rate(pass, fail);
        printf("\n");
        if (verbose) {
            if (fails.len) fputs(fails.data, stdout);
            for (size_t i = 0; i < nrs; i++)
                printf("    skipped %ld: %s\n", rs[i].n, rs[i].text);
        }
        t->pass += pass;
        t->fail += fail;
        t->skip += skipped;
        for (size_t i = 0; i < nrs; i++) free(rs[i].text);
        free(rs);
        chr_buf_free(&fails);
        chr_buf_free(&why);
        json_decref(root);
    }

    printf("\n%-18s %5s %5s %5s %7s\n", "category", "pass", "fail", "skip", "rate");
    int below = 0;
    for (size_t i = 0; i < ncats; i++) {
        tally *t = &cats[i];
        if (only && strcmp(only, t->category) != 0) continue;
        printf("%-18s %5ld %5ld %5ld ", t->category, t->pass, t->fail, t->skip);
        print_rate(t->pass, t->fail);
        if (t->min >= 0) {
            double rate = t->pass + t->fail ? 100.0 * (double)t->pass / (double)(t->pass + t->fail) : 0;
            if (rate < t->min) {
                printf("  BELOW MINIMUM %.1f%%", t->min);
                below = 1;
            } else {
                printf("  (minimum %.1f%%)", t->min);
            }
        }
        printf("\n");
    }
    for (size_t i = 0; i < nmins; i++) free((char *)mins[i].cat);
    if (io_error) return 2;
    return below ? 1 : 0;
}
