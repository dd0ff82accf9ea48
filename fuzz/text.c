/*
 * text.c - fuzz the text layer: any bytes as a document's text through
 * chr_text_build (UTF-8 repair, normalization, tokens, sentences), then the
 * layer's promises checked one by one (fuzz_check_text in fuzz.h).
 */
#include "fuzz.h"

static chr_arena text_arena;
static int text_ready;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_LEN) return 0;
    if (!text_ready) {
        chr_arena_init(&text_arena, 64 * 1024);
        text_ready = 1;
    }
    char *raw = fuzz_cstr(data, size);
    if (!raw) return 0;
    chr_text t;
    int rc = chr_text_build(&t, &text_arena, raw, size);
    FUZZ_CHECK(rc == 0);
    fuzz_check_text(&t);
    /* valid input comes back byte for byte */
    if (t.repairs == 0) FUZZ_CHECK(t.src_len == size && memcmp(t.src, raw, size) == 0);
    chr_arena_reset(&text_arena);
    free(raw);
    return 0;
}
