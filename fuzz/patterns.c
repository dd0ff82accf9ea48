/*
 * patterns.c - fuzz the pattern loader: any bytes as one pattern file
 * (chr_patterns_load_string).  It either loads or says FILE:LINE and what is
 * wrong; what it loads must then be found by its first word.
 *
 * "include" lines are skipped: they would read whatever file the fuzzer
 * names on this machine.
 */
#include "fuzz.h"

#include "extract/patterns.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_LEN) return 0;
    if (fuzz_has(data, size, "include")) return 0;
    chr_patterns *ps;
    chr_error err;
    if (chr_patterns_open(&ps, &err) != CHR_OK) return 0;
    err.line = -1;
    int rc = chr_patterns_load_string(ps, "fuzz.txt", (const char *)data, size, &err);
    if (rc != CHR_OK) {
        FUZZ_CHECK(rc == CHR_EDATA || rc == CHR_ENOMEM);
        FUZZ_CHECK(err.code == rc && err.line >= 1 && err.msg[0] != '\0');
    }
    /* Whatever was loaded before an error stays consistent: every trigger
     * is found again by its first word and part of speech. */
    size_t n = chr_patterns_count(ps);
    FUZZ_CHECK(rc != CHR_OK || n <= size);
    static const char *const probe[] = {"send", "kill", "visit", "sanction", "x"};
    for (size_t i = 0; i < sizeof probe / sizeof probe[0]; i++) {
        const chr_pattern *out[8];
        size_t k = chr_patterns_find(ps, 'v', probe[i], strlen(probe[i]), out, 8);
        FUZZ_CHECK(k <= 8);
        for (size_t j = 0; j < k; j++) {
            FUZZ_CHECK(out[j]->pos == 'v' && out[j]->nwords >= 1);
            FUZZ_CHECK(strcmp(out[j]->words[0], probe[i]) == 0);
        }
    }
    chr_patterns_close(ps);
    return 0;
}
