/*
 * kb.c - fuzz the knowledge-base dictionary loader: any bytes as one
 * dictionary file (chr_kb_load_string), then chr_kb_finish.  A loader either
 * accepts a file or says FILE:LINE and what is wrong; when it accepts, the
 * knowledge base must then match names in a short text.
 *
 * Directives that name other files (@include, @iso3166) are skipped: they
 * would read whatever the fuzzer names on this machine, and the loader of
 * files is tested in tests/unit/test_kb.c.
 */
#include "fuzz.h"

#include "analyze/kb.h"

static chr_arena kb_arena;
static int kb_ready;
static chr_text kb_sample;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_LEN) return 0;
    if (fuzz_has(data, size, "@include") || fuzz_has(data, size, "@iso3166")) return 0;
    if (!kb_ready) {
        chr_arena_init(&kb_arena, 64 * 1024);
        static const char s[] = "The Ukrainian Defence Ministry said Russian forces shelled "
                                "Kharkiv; US Secretary of State Antony Blinken visited Kyiv.";
        if (chr_text_build(&kb_sample, &kb_arena, s, sizeof s - 1) != 0) abort();
        kb_ready = 1;
    }
    chr_kb *kb;
    chr_error err;
    if (chr_kb_open(&kb, &err) != CHR_OK) return 0;
    err.line = -1;
    int rc = chr_kb_load_string(kb, "fuzz.txt", (const char *)data, size, &err);
    if (rc == CHR_OK) rc = chr_kb_finish(kb, &err);
    if (rc == CHR_OK) {
        chr_arena scratch;
        chr_arena_init(&scratch, 16 * 1024);
        chr_mentions ms = {NULL, 0, 0};
        FUZZ_CHECK(chr_entities_find(kb, &kb_sample, &scratch, &ms) == 0);
        fuzz_check_mentions(&kb_sample, &ms);
        for (size_t i = 0; i < ms.n; i++) FUZZ_CHECK(ms.v[i].u.entry != NULL);
        chr_arena_free(&scratch);
        chr_kb_stats st;
        chr_kb_stats_get(kb, &st);
        for (size_t i = 0; i < chr_kb_nentries(kb); i++)
            FUZZ_CHECK(chr_kb_entry(kb, i)->name != NULL);
    } else {
        /* a rejected file is reported with a line of it */
        FUZZ_CHECK(rc == CHR_EDATA || rc == CHR_ENOMEM);
        FUZZ_CHECK(err.code == rc && err.line >= 0 && err.msg[0] != '\0');
    }
    chr_kb_close(kb);
    return 0;
}
