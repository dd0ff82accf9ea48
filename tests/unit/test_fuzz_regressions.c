/*
 * test_fuzz_regressions.c - every input that once crashed a fuzz target, and
 * a few hostile ones written here, replayed through that target's entry
 * point without the fuzzer.
 *
 * The fuzz targets (fuzz/TARGET.c, run by `make fuzz`) keep each crash
 * input in fuzz/regressions/TARGET/.  This program includes every target
 * with its LLVMFuzzerTestOneInput renamed, and feeds it every file of its
 * directory and the inputs below.  A replay fails when the library crashes
 * (under `make asan`: any memory or undefined-behaviour error) or breaks
 * one of the invariants of fuzz/fuzz.h, including those the fuzzer leaves
 * aside because a known defect breaks them (FUZZ_KNOWN): a kept input
 * fails until its defect is fixed.  Every failing input is named.
 *
 * A new target is a new include and a new line in the table at the end.
 */
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A broken invariant is counted and printed, and the replay goes on, so
 * that one run lists every input that still fails. */
static size_t broken;
#define FUZZ_FAIL(msg)                                                                \
    do {                                                                              \
        broken++;                                                                     \
        fprintf(stderr, "  %s:%d: invariant broken: %s\n", __FILE__, __LINE__, (msg)); \
    } while (0)
#define FUZZ_KNOWN(cond) FUZZ_CHECK(cond)

#define LLVMFuzzerTestOneInput fuzz_reader_jsonl
#include "../../fuzz/reader_jsonl.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_reader_text
#include "../../fuzz/reader_text.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_reader_csv
#include "../../fuzz/reader_csv.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_text
#include "../../fuzz/text.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_numbers
#include "../../fuzz/numbers.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_dates
#include "../../fuzz/dates.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_kb
#include "../../fuzz/kb.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_patterns
#include "../../fuzz/patterns.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_pipeline
#include "../../fuzz/pipeline.c"
#undef LLVMFuzzerTestOneInput

typedef int (*fuzz_entry)(const uint8_t *data, size_t size);

/* The source tree's root, from this file's path as the compiler saw it:
 * "" when it was compiled from the root with a relative path. */
static const char *source_root(void)
{
    static char root[4096];
    const char *me = __FILE__;
    const char *tail = strstr(me, "tests/unit/test_fuzz_regressions.c");
    size_t n = tail ? (size_t)(tail - me) : 0;
    if (n >= sizeof root) n = 0;
    memcpy(root, me, n);
    root[n] = '\0';
    return root;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Feed every file of fuzz/regressions/TARGET/ to fn, in name order;
 * returns how many were fed (0 when the target never crashed). */
static size_t replay_dir(const char *target, fuzz_entry fn)
{
    char dir[4200];
    snprintf(dir, sizeof dir, "%sfuzz/regressions/%s", source_root(), target);
    DIR *d = opendir(dir);
    if (!d) return 0;
    char *names[4096];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < sizeof names / sizeof names[0]) {
        if (e->d_name[0] == '.') continue;
        names[n] = strdup(e->d_name);
        assert_non_null(names[n]);
        n++;
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_name);
    for (size_t i = 0; i < n; i++) {
        char path[8400];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        FILE *f = fopen(path, "rb");
        assert_non_null(f);
        size_t cap = 1 << 16, len = 0;
        uint8_t *buf = malloc(cap);
        assert_non_null(buf);
        size_t r;
        while ((r = fread(buf + len, 1, cap - len, f)) > 0) {
            len += r;
            if (len == cap) {
                cap *= 2;
                buf = realloc(buf, cap);
                assert_non_null(buf);
            }
        }
        fclose(f);
        /* the exact size, so that a read past the end is one under ASan */
        uint8_t *exact = malloc(len ? len : 1);
        assert_non_null(exact);
        memcpy(exact, buf, len);
        free(buf);
        size_t before = broken;
        assert_int_equal(fn(exact, len), 0);
        if (broken > before) fprintf(stderr, "FAILS: %s\n", path);
        free(exact);
        free(names[i]);
    }
    return n;
}

/* Inputs every target gets, whatever it reads: nothing, one byte, bytes
 * that are no UTF-8, NUL bytes, a lone quote, deep brackets, a news
 * sentence in each input format. */
static void replay_hostile(fuzz_entry fn)
{
#define IN(lit) {lit, sizeof lit - 1}
    static const struct { const char *s; size_t n; } inputs[] = {
        IN(""),
        IN("\n"),
        IN("\xff"),
        IN("\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80"),
        IN("\0\0\0\0"),
        IN("\xef\xbb\xbf\""),
        IN("\xff\xfe" "d\0a\0t\0e\0"),
        IN("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[{{{{{{{{{{{{{{{{"),
        IN("{\"id\":\"a\",\"id\":\"b\",\"date\":\"2022-02-30\",\"text\":"
           "\"Russia fired 1e400 shells.\"}\n"),
        IN("date 2022-03-03 On Thursday Ukraine said 2,000 civilians were killed "
           "since the invasion.\n"),
        IN("id,date,text\nx,0000-01-01,\"The United States pledged $350 million "
           "on February 30.\"\n"),
        IN("Ukraine | Kyiv ; code=UKR\n@defaults kind=actor\n"),
        IN("v:send type=AID status=delivered recipient=to,iobj needs=aid\n"),
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        /* a heap copy of the exact size, as the fuzzer passes its input */
        uint8_t *p = malloc(inputs[i].n ? inputs[i].n : 1);
        assert_non_null(p);
        memcpy(p, inputs[i].s, inputs[i].n);
        size_t before = broken;
        assert_int_equal(fn(p, inputs[i].n), 0);
        if (broken > before) fprintf(stderr, "FAILS: built-in input %zu\n", i);
        free(p);
    }
#undef IN
}

static void replay(const char *target, fuzz_entry fn)
{
    broken = 0;
    replay_hostile(fn);
    if (broken) fail_msg("%s: a built-in hostile input breaks an invariant", target);
    size_t n = replay_dir(target, fn);
    fprintf(stderr, "%s: %zu regression input%s\n", target, n, n == 1 ? "" : "s");
    if (broken) fail_msg("%s: %zu invariant%s broken (inputs marked FAILS above)", target,
                         broken, broken == 1 ? "" : "s");
}

static void test_reader_jsonl_survives_its_regressions(void **s)
{
    (void)s;
    replay("reader_jsonl", fuzz_reader_jsonl);
}

static void test_reader_text_survives_its_regressions(void **s)
{
    (void)s;
    replay("reader_text", fuzz_reader_text);
}

static void test_reader_csv_survives_its_regressions(void **s)
{
    (void)s;
    replay("reader_csv", fuzz_reader_csv);
}

static void test_text_layer_survives_its_regressions(void **s)
{
    (void)s;
    replay("text", fuzz_text);
}

static void test_numbers_analyzer_survives_its_regressions(void **s)
{
    (void)s;
    replay("numbers", fuzz_numbers);
}

static void test_dates_analyzer_survives_its_regressions(void **s)
{
    (void)s;
    replay("dates", fuzz_dates);
}

static void test_kb_loader_survives_its_regressions(void **s)
{
    (void)s;
    replay("kb", fuzz_kb);
}

static void test_pattern_loader_survives_its_regressions(void **s)
{
    (void)s;
    replay("patterns", fuzz_patterns);
}

static void test_pipeline_survives_its_regressions(void **s)
{
    (void)s;
    replay("pipeline", fuzz_pipeline);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reader_jsonl_survives_its_regressions),
        cmocka_unit_test(test_reader_text_survives_its_regressions),
        cmocka_unit_test(test_reader_csv_survives_its_regressions),
        cmocka_unit_test(test_text_layer_survives_its_regressions),
        cmocka_unit_test(test_numbers_analyzer_survives_its_regressions),
        cmocka_unit_test(test_dates_analyzer_survives_its_regressions),
        cmocka_unit_test(test_kb_loader_survives_its_regressions),
        cmocka_unit_test(test_pattern_loader_survives_its_regressions),
        cmocka_unit_test(test_pipeline_survives_its_regressions),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    if (pipeline_engine) chr_engine_close(pipeline_engine);
    chr_doc_free(pipeline_doc);
    if (pipeline_sink) fclose(pipeline_sink);
    return rc;
}
