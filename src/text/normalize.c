/*
 * normalize.c - the text that analyzers match against (step 2 of text.h).
 *
 * The document text is put in Unicode NFC, so that "é" typed as e + U+0301
 * and as U+00E9 are one string, and then typographic variants are folded to
 * the ASCII forms that dictionaries use:
 *
 *   ' <- ‘ ’ ‚ ‛ ′ ‵ ` ´          " <- “ ” „ ‟ ″ ‶ « »
 *   - <- ‐ ‑ ‒ – — ― −            ' ' <- every Zs space (NBSP, thin, em, ...)
 *   ... <- …                      removed: ZWSP, ZWNJ, ZWJ, WJ, soft hyphen, BOM
 *
 * Case is kept.  map[] records, for every byte of the result, the offset of
 * the document character it came from, so spans found here go back to the
 * original text; when nothing changes, the result is the document text
 * itself and map is NULL.
 *
 * Speed: news is mostly ASCII, and ASCII is already NFC, so ASCII runs are
 * scanned eight bytes at a time and copied with memcpy.  Non-ASCII
 * characters that NFC can neither change nor combine with a neighbour (the
 * "inert" ranges below: Latin-1 and Latin Extended letters, Greek, Cyrillic,
 * general punctuation, currency signs) are folded or copied directly; only
 * around any other character is utf8proc asked for NFC, on the short stretch
 * between the nearest characters before and after that NFC cannot cross.
 */
#include "text.h"

#include <string.h>
#include <utf8proc.h>

#define HIGH_BITS 0x8080808080808080ULL

/* ---- folding ------------------------------------------------------------- */

/* The folded form of c in out (0 to 3 bytes; 0 means c is removed), or -1
 * when c is kept as it is. */
static int fold_cp(int32_t c, char *out)
{
    /* Letters of most scripts lie between Latin-1 and Ogham: nothing there
     * folds. */
    if (c >= 0x00C0 && c < 0x1680) return -1;
    switch (c) {
    case 0x0060: case 0x00B4: case 0x2018: case 0x2019: case 0x201A:
    case 0x201B: case 0x2032: case 0x2035:
        out[0] = '\'';
        return 1;
    case 0x00AB: case 0x00BB: case 0x201C: case 0x201D: case 0x201E:
    case 0x201F: case 0x2033: case 0x2036:
        out[0] = '"';
        return 1;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212:
        out[0] = '-';
        return 1;
    /* The Zs (space separator) category, all of it but U+0020. */
    case 0x00A0: case 0x1680: case 0x2000: case 0x2001: case 0x2002:
    case 0x2003: case 0x2004: case 0x2005: case 0x2006: case 0x2007:
    case 0x2008: case 0x2009: case 0x200A: case 0x202F: case 0x205F:
    case 0x3000:
        out[0] = ' ';
        return 1;
    case 0x2026:
        out[0] = out[1] = out[2] = '.';
        return 3;
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060:
    case 0xFEFF:
        return 0;
    default:
        return -1;
    }
}

/* A character before which NFC never looks back: a starter (combining class
 * 0) that NFC leaves as it is and that is never the second half of a
 * canonical composition.  Such a character also blocks any later character
 * from composing with an earlier one, so NFC of a text is the NFC of the
 * pieces between inert characters.  Every character that fold_cp() changes is
 * inert too (U+2000 and U+2001 are not, but both become a space whatever NFC
 * does).  The ranges were checked against the Unicode data, and the unit
 * tests check them against utf8proc. */
static int inert_cp(int32_t c)
{
    if (c < 0x0300) return 1;                 /* ASCII, Latin-1, Latin Ext., IPA */
    if (c < 0x0370) return c == 0x034F;       /* combining diacritics */
    if (c < 0x0530)                            /* Greek and Cyrillic */
        return c != 0x0374 && c != 0x037E && c != 0x0387 &&
               !(c >= 0x0483 && c <= 0x0487);
    if (c >= 0x2002 && c <= 0x20CF) return 1;  /* punctuation, currency */
    return 0;
}

/* ---- output ------------------------------------------------------------ */

typedef struct nout {
    chr_arena *a;
    char *s;            /* NULL while the result is still the input itself */
    uint32_t *map;
    size_t len, cap;    /* cap counts the terminating NUL / map[len] too */
} nout;

static int nout_grow(nout *o, size_t extra)
{
    size_t need = o->len + extra + 1;
    if (need <= o->cap) return 0;
    size_t ncap = o->cap * 2 > need ? o->cap * 2 : need;
    char *s = chr_arena_alloc(o->a, ncap);
    uint32_t *m = chr_arena_alloc(o->a, ncap * sizeof *m);
    if (!s || !m) return -1;
    memcpy(s, o->s, o->len);
    memcpy(m, o->map, o->len * sizeof *m);
    o->s = s;
    o->map = m;
    o->cap = ncap;
    return 0;
}

/* map[0..n) = first, first + 1, ...: the offsets of a copied ASCII run,
 * four at a time. */
static void map_run(uint32_t *map, size_t n, uint32_t first)
{
    size_t k = 0;
    for (; k + 4 <= n; k += 4) {
        map[k] = first + (uint32_t)k;
        map[k + 1] = first + (uint32_t)k + 1;
        map[k + 2] = first + (uint32_t)k + 2;
        map[k + 3] = first + (uint32_t)k + 3;
    }
    for (; k < n; k++) map[k] = first + (uint32_t)k;
}

/* The result first differs from the input at src offset `at`: copy what came
 * before, which maps onto itself.  Folding only ever shrinks text; NFC may
 * grow a stretch, and nout_grow() handles that rare case. */
static int nout_start(nout *o, const char *src, size_t n, size_t at)
{
    o->cap = n + 16;
    o->s = chr_arena_alloc(o->a, o->cap);
    o->map = chr_arena_alloc(o->a, o->cap * sizeof *o->map);
    if (!o->s || !o->map) return -1;
    memcpy(o->s, src, at);
    map_run(o->map, at, 0);
    o->len = at;
    return 0;
}

static void nout_put(nout *o, const char *p, size_t n, size_t src_off)
{
    memcpy(o->s + o->len, p, n);
    for (size_t k = 0; k < n; k++) o->map[o->len + k] = (uint32_t)src_off;
    o->len += n;
}

/* ---- NFC of a short stretch ----------------------------------------------- */

#define NFC_OPTS (UTF8PROC_STABLE | UTF8PROC_COMPOSE)

/* The first code point of the canonical decomposition of c: what a composed
 * output character and the source characters it came from have in common. */
static int32_t first_cp(int32_t c)
{
    utf8proc_int32_t d[8];
    utf8proc_ssize_t r = utf8proc_decompose_char(c, d, 8, UTF8PROC_DECOMPOSE, NULL);
    return r >= 1 && r <= 8 ? d[0] : c;
}

/* NFC, then fold, src[b..e) (it starts and ends where NFC cannot cross) and
 * append it at output offset bout, which is where src[b] went.  While the
 * result is still the input, nothing is written unless the stretch changes. */
static int nfc_stretch(nout *o, const char *src, size_t n, size_t b, size_t bout,
                       size_t e)
{
    const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)src + b;
    utf8proc_ssize_t ulen = (utf8proc_ssize_t)(e - b);
    utf8proc_int32_t small[128], *buf = small;
    utf8proc_ssize_t m = utf8proc_decompose(u, ulen, buf, 128, NFC_OPTS);
    if (m > 128) {
        buf = chr_arena_alloc(o->a, (size_t)m * sizeof *buf);
        if (!buf) return -1;
        m = utf8proc_decompose(u, ulen, buf, m, NFC_OPTS);
    }
    if (m >= 0) m = utf8proc_normalize_utf32(buf, m, NFC_OPTS);
    if (m < 0) {
        /* Cannot happen on repaired text; keep the stretch as it is. */
        if (o->s) {
            o->len = bout;
            if (nout_grow(o, e - b) != 0) return -1;
            for (size_t p = b; p < e;) {
                int adv;
                chr_utf8_decode(src + p, n - p, &adv);
                nout_put(o, src + p, (size_t)adv, p);
                p += (size_t)adv;
            }
        }
        return 0;
    }

    if (!o->s) {
        /* Most stretches are already NFC and have nothing to fold. */
        int same = 1;
        size_t p = b;
        for (utf8proc_ssize_t k = 0; k < m && same; k++) {
            utf8proc_uint8_t enc[4];
            char f[3];
            utf8proc_ssize_t el = utf8proc_encode_char(buf[k], enc);
            if (fold_cp(buf[k], f) >= 0 || p + (size_t)el > e ||
                memcmp(src + p, enc, (size_t)el) != 0)
                same = 0;
            p += (size_t)el;
        }
        if (same && p == e) return 0;
        if (nout_start(o, src, n, b) != 0) return -1;
    } else {
        o->len = bout;
    }

    /* Source characters of the stretch: offset and first decomposed code
     * point, to tell which of them each output character came from. */
    size_t ns = 0, scap = e - b;
    uint32_t soff_small[64];
    int32_t sfirst_small[64];
    uint32_t *soff = soff_small;
    int32_t *sfirst = sfirst_small;
    if (scap > 64) {
        soff = chr_arena_alloc(o->a, scap * sizeof *soff);
        sfirst = chr_arena_alloc(o->a, scap * sizeof *sfirst);
        if (!soff || !sfirst) return -1;
    }
    for (size_t p = b; p < e;) {
        int adv;
        int32_t c = chr_utf8_decode(src + p, n - p, &adv);
        soff[ns] = (uint32_t)p;
        sfirst[ns] = c < 0 ? c : first_cp(c);
        ns++;
        p += (size_t)adv;
    }

    /* Walk the output and the source together.  An output character is
     * charged to the next source character whose decomposition starts the
     * same way (a composition goes to its first source character); one that
     * NFC moved or split off goes to the last source character matched. The
     * look-ahead is bounded so that a long stretch stays linear. */
    if (nout_grow(o, (size_t)m * 4) != 0) return -1;
    size_t next = 0;
    for (utf8proc_ssize_t k = 0; k < m; k++) {
        int32_t f = first_cp(buf[k]);
        size_t from = next > 0 ? next - 1 : 0;
        for (size_t j = next; j < ns && j < next + 8; j++) {
            if (sfirst[j] == f) {
                from = j;
                next = j + 1;
                break;
            }
        }
        char fb[3];
        int fl = fold_cp(buf[k], fb);
        if (fl >= 0) {
            nout_put(o, fb, (size_t)fl, soff[from]);
        } else {
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t el = utf8proc_encode_char(buf[k], enc);
            nout_put(o, (const char *)enc, (size_t)el, soff[from]);
        }
    }
    return 0;
}

/* ---- the pass ------------------------------------------------------------ */

static size_t ascii_end(const unsigned char *s, size_t n, size_t i)
{
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & HIGH_BITS) break;
        i += 8;
    }
    while (i < n && s[i] < 0x80) i++;
    return i;
}

int chr_normalize(chr_text *t, chr_arena *a)
{
    const char *src = t->src;
    const unsigned char *s = (const unsigned char *)src;
    size_t n = t->src_len;
    nout o = {a, NULL, NULL, 0, 0};
    /* The last place NFC cannot cross, before the current character: its
     * offset in the source and in the output. */
    size_t bsrc = 0, bout = 0;
    size_t i = 0;

    while (i < n) {
        if (s[i] < 0x80) {
            size_t j = ascii_end(s, n, i);
            const char *bt = memchr(src + i, '`', j - i);
            if (!o.s && bt && nout_start(&o, src, n, i) != 0) return -1;
            if (o.s) {
                if (nout_grow(&o, j - i) != 0) return -1;
                char *d = o.s + o.len;
                memcpy(d, src + i, j - i);
                map_run(o.map + o.len, j - i, (uint32_t)i);
                o.len += j - i;
                /* The grave accent stands in for an apostrophe. */
                for (char *q = bt ? d + (bt - (src + i)) : NULL; q;
                     q = memchr(q + 1, '`', (size_t)(o.s + o.len - q - 1)))
                    *q = '\'';
            }
            bsrc = j - 1;
            bout = (o.s ? o.len : j) - 1;
            i = j;
            continue;
        }

        int adv;
        int32_t c = chr_utf8_decode(src + i, n - i, &adv);
        char f[3];
        int fl = c < 0 ? -1 : fold_cp(c, f);
        if (fl >= 0) {
            if (!o.s && nout_start(&o, src, n, i) != 0) return -1;
            if (nout_grow(&o, 4) != 0) return -1;
            bsrc = i;
            bout = o.len;
            nout_put(&o, f, (size_t)fl, i);
            i += (size_t)adv;
            continue;
        }
        if (c < 0 || inert_cp(c)) {
            bsrc = i;
            bout = o.s ? o.len : i;
            if (o.s) {
                if (nout_grow(&o, 4) != 0) return -1;
                nout_put(&o, src + i, (size_t)adv, i);
            }
            i += (size_t)adv;
            continue;
        }

        /* A character NFC may change or combine: take the stretch from the
         * last inert character up to the next one. */
        size_t e = i + (size_t)adv;
        while (e < n && s[e] >= 0x80) {
            int a2;
            int32_t c2 = chr_utf8_decode(src + e, n - e, &a2);
            if (c2 < 0 || inert_cp(c2)) break;
            e += (size_t)a2;
        }
        if (nfc_stretch(&o, src, n, bsrc, bout, e) != 0) return -1;
        i = e;
    }

    if (!o.s || (o.len == n && memcmp(o.s, src, n) == 0)) {
        t->norm = src;
        t->norm_len = n;
        t->map = NULL;
        return 0;
    }
    o.s[o.len] = '\0';
    o.map[o.len] = (uint32_t)n;
    t->norm = o.s;
    t->norm_len = o.len;
    t->map = o.map;
    return 0;
}
