/*
 * numbers.c - fuzz the numbers and money analyzer: any bytes as a text,
 * through the text layer and then chr_numbers_scan with each of its options
 * and chr_ordinals_find.  Mentions must lie inside the text and cover their
 * tokens; values are never NaN (fuzz_check_mentions in fuzz.h).
 */
#include "fuzz.h"

static chr_arena numbers_arena;
static int numbers_ready;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_LEN) return 0;
    if (!numbers_ready) {
        chr_arena_init(&numbers_arena, 64 * 1024);
        numbers_ready = 1;
    }
    char *raw = fuzz_cstr(data, size);
    if (!raw) return 0;
    chr_text t;
    FUZZ_CHECK(chr_text_build(&t, &numbers_arena, raw, size) == 0);
    static const unsigned opts[] = {0, CHR_NUMS_NO_QUAL, CHR_NUMS_NO_MONEY,
                                    CHR_NUMS_NO_QUAL | CHR_NUMS_NO_MONEY};
    for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++) {
        chr_mentions ms = {NULL, 0, 0};
        FUZZ_CHECK(chr_numbers_scan(&t, &numbers_arena, &ms, opts[i]) == 0);
        fuzz_check_mentions(&t, &ms);
        if (opts[i] & CHR_NUMS_NO_MONEY)
            for (size_t k = 0; k < ms.n; k++) FUZZ_CHECK(ms.v[k].kind == CHR_M_NUMBER);
    }
    chr_mentions ords = {NULL, 0, 0};
    FUZZ_CHECK(chr_ordinals_find(&t, &numbers_arena, &ords) == 0);
    fuzz_check_mentions(&t, &ords);
    for (size_t k = 0; k < ords.n; k++)
        FUZZ_CHECK(ords.v[k].kind == CHR_M_NUMBER && (ords.v[k].flags & CHR_NUMF_ORDINAL));
    chr_arena_reset(&numbers_arena);
    free(raw);
    return 0;
}
