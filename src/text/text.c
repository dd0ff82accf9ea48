/*
 * text.c - run the text layer's steps over one document; see text.h.
 */
#include "text.h"

#include <string.h>

int chr_text_build(chr_text *t, chr_arena *a, const char *raw, size_t len)
{
    memset(t, 0, sizeof *t);
    /* Offsets are 32-bit, and repair and NFC may each lengthen the text. */
    if (len >= UINT32_MAX / 4) return -1;
    long r = chr_utf8_repair(a, raw, len, &t->src, &t->src_len);
    if (r < 0) return -1;
    t->repairs = r;
    if (chr_normalize(t, a) != 0) return -1;
    if (chr_tokenize(t, a) != 0) return -1;
    if (chr_sentences_split(t, a) != 0) return -1;
    return 0;
}
