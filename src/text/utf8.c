/*
 * utf8.c - strict UTF-8 decoding and repair, the first step of the text
 * layer (see text.h).
 *
 * Every later stage may assume well-formed, NUL-free UTF-8, so this is where
 * broken input stops: overlong forms, surrogates (U+D800..U+DFFF), code
 * points above U+10FFFF, truncated sequences and stray continuation bytes
 * each become one U+FFFD, following the Unicode practice of "substitution of
 * maximal subparts" (one replacement per maximal prefix of a well-formed
 * sequence, or per lone bad byte).  NUL bytes become U+FFFD too, so that the
 * repaired text can be handled as a C string.
 *
 * Valid text costs one fast scan (eight ASCII bytes at a time) and no copy
 * when the caller's buffer is already NUL-terminated, which is how every
 * reader hands documents over.
 */
#include "text.h"

#include <string.h>

#define HIGH_BITS 0x8080808080808080ULL
#define LOW_BITS  0x0101010101010101ULL

static const char REPLACEMENT[3] = {'\xEF', '\xBF', '\xBD'};   /* U+FFFD */

/* Length of the well-formed sequence starting at s[0..n), or 0 when it is
 * ill-formed; then *bad is the length of its maximal subpart (>= 1).  The
 * byte ranges are those of the Unicode Standard's table of well-formed UTF-8
 * byte sequences: the second byte's range depends on the lead byte, which is
 * how overlongs (E0 80..9F, F0 80..8F), surrogates (ED A0..BF) and code
 * points past U+10FFFF (F4 90.., F5..FF) are excluded. */
static size_t seq_len(const unsigned char *s, size_t n, size_t *bad)
{
    unsigned c = s[0];
    *bad = 1;
    if (c < 0x80) return 1;
    if (c < 0xC2 || c > 0xF4) return 0;   /* continuation, C0/C1, F5..FF */

    size_t need = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    unsigned lo = 0x80, hi = 0xBF;
    if (c == 0xE0) lo = 0xA0;
    else if (c == 0xED) hi = 0x9F;
    else if (c == 0xF0) lo = 0x90;
    else if (c == 0xF4) hi = 0x8F;

    if (n < 2 || s[1] < lo || s[1] > hi) return 0;
    for (size_t k = 2; k < need; k++) {
        if (k >= n || (s[k] & 0xC0) != 0x80) {
            *bad = k;
            return 0;
        }
    }
    return need;
}

int32_t chr_utf8_decode(const char *s, size_t n, int *adv)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t bad;
    *adv = 1;
    if (n == 0) return -1;
    if (u[0] < 0x80) return u[0];
    size_t k = seq_len(u, n, &bad);
    switch (k) {
    case 2:
        *adv = 2;
        return (int32_t)(((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu));
    case 3:
        *adv = 3;
        return (int32_t)(((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu));
    case 4:
        *adv = 4;
        return (int32_t)(((u[0] & 0x07u) << 18) | ((u[1] & 0x3Fu) << 12) |
                         ((u[2] & 0x3Fu) << 6) | (u[3] & 0x3Fu));
    default:
        return -1;
    }
}

/* Index of the first byte at or after i that needs repair (an ill-formed
 * sequence or a NUL), or len. */
static size_t valid_prefix(const unsigned char *s, size_t len, size_t i)
{
    while (i < len) {
        /* Eight ASCII bytes at a time, none of them NUL. */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if ((w & HIGH_BITS) || ((w - LOW_BITS) & ~w & HIGH_BITS)) break;
            i += 8;
        }
        if (i >= len) break;
        unsigned c = s[i];
        if (c >= 0x80) {
            size_t bad, k = seq_len(s + i, len - i, &bad);
            if (!k) return i;
            i += k;
        } else if (c == 0) {
            return i;
        } else {
            i++;
        }
    }
    return len;
}

/* Write (when dst is not NULL) or measure the repair of s[from..len);
 * returns the output length and adds the replacements to *reps. */
static size_t repair_tail(const unsigned char *s, size_t len, size_t from,
                          char *dst, long *reps)
{
    size_t o = 0, i = from;
    while (i < len) {
        size_t j = valid_prefix(s, len, i);
        if (dst) memcpy(dst + o, s + i, j - i);
        o += j - i;
        i = j;
        if (i >= len) break;
        size_t bad = 1;
        if (s[i] != 0) seq_len(s + i, len - i, &bad);
        if (dst) memcpy(dst + o, REPLACEMENT, sizeof REPLACEMENT);
        o += sizeof REPLACEMENT;
        i += bad;
        (*reps)++;
    }
    return o;
}

long chr_utf8_repair(chr_arena *a, const char *src, size_t len,
                     const char **out, size_t *out_len)
{
    const unsigned char *s = (const unsigned char *)src;
    size_t first = valid_prefix(s, len, 0);

    if (first == len) {
        if (src[len] == '\0') {       /* the common case: no copy at all */
            *out = src;
            *out_len = len;
            return 0;
        }
        char *p = chr_arena_strndup(a, src, len);
        if (!p) return -1;
        *out = p;
        *out_len = len;
        return 0;
    }

    long reps = 0;
    size_t tail = repair_tail(s, len, first, NULL, &reps);
    char *p = chr_arena_alloc(a, first + tail + 1);
    if (!p) return -1;
    memcpy(p, src, first);
    reps = 0;
    repair_tail(s, len, first, p + first, &reps);
    p[first + tail] = '\0';
    *out = p;
    *out_len = first + tail;
    return reps;
}
