/*
 * tokens.c - split the normalized text into tokens with byte offsets.
 *
 * Words are runs of letters, digits and combining marks; an apostrophe
 * between letters stays inside ("don't", "O'Brien") except for the English
 * possessive "'s", which becomes its own token so that "Ukraine's" matches the
 * dictionary entry "Ukraine".  Hyphens always split ("anti-tank" is three
 * tokens) so that the dictionaries and the analyzers see one convention.
 * Numbers are digit runs with inner "," or "." groups (1,000  1.5  2.3),
 * never ending in a separator.
 *
 * For the analyzers' lookups the pass also makes, once per document, the
 * text with its ASCII letters in lower case and the hash of every word and
 * number (chr_text.lower, chr_text.hash), so that no analyzer lower-cases or
 * hashes a word again.  News is mostly ASCII: a byte's class comes from a
 * table, and the letters and digits of a word are taken eight at a time, so
 * that its end is found without a branch per byte; only non-ASCII
 * characters go to utf8proc.
 */
#include "text.h"

#include <pthread.h>
#include <string.h>
#include <utf8proc.h>

static int is_letter_cp(int32_t c)
{
    if (c < 0) return 0;
    if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    utf8proc_category_t cat = utf8proc_category(c);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL ||
           cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_LM ||
           cat == UTF8PROC_CATEGORY_LO || cat == UTF8PROC_CATEGORY_MN ||
           cat == UTF8PROC_CATEGORY_MC;
}

static int is_upper_cp(int32_t c)
{
    if (c < 128) return c >= 'A' && c <= 'Z';
    return utf8proc_category(c) == UTF8PROC_CATEGORY_LU ||
           utf8proc_category(c) == UTF8PROC_CATEGORY_LT;
}

static int is_space_cp(int32_t c)
{
    if (c < 128) return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
                        c == '\f' || c == '\v';
    utf8proc_category_t cat = utf8proc_category(c);
    return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
           cat == UTF8PROC_CATEGORY_ZP || c == 0x200B || c == 0xFEFF;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

static int cp_at(const char *s, size_t n, size_t i, int *adv)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 128) { *adv = 1; return c; }
    return chr_utf8_decode(s + i, n - i, adv);
}

/* ---- ASCII classes ------------------------------------------------------- */

/* What each byte is when it stands alone: news is mostly ASCII, and an ASCII
 * byte's class decides everything without decoding; HI (a byte of a UTF-8
 * sequence) sends the character to utf8proc. */
enum { SY = 0, SP, NL, DG, UP, LO, AP, PU, HI };

static const uint8_t byte_class[256] = {
    SY, SY, SY, SY, SY, SY, SY, SY, SY, SP, NL, SP, SP, SP, SY, SY,
    SY, SY, SY, SY, SY, SY, SY, SY, SY, SY, SY, SY, SY, SY, SY, SY,
    SP, PU, PU, SY, SY, SY, SY, AP, PU, PU, SY, SY, PU, PU, PU, PU,
    DG, DG, DG, DG, DG, DG, DG, DG, DG, DG, PU, PU, SY, SY, SY, PU,
    SY, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP,
    UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, PU, SY, PU, SY, SY,
    PU, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO,
    LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, PU, SY, PU, SY, SY,
    HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI,
    HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI,
    HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI,
    HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI,
    HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI,
    HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI,
    HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI,
    HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI,
};

/* Is the character at s[i] (i < n) a letter? */
static int letter_at(const char *s, size_t n, size_t i)
{
    int c = byte_class[(unsigned char)s[i]];
    if (c == UP || c == LO) return 1;
    if (c != HI) return 0;
    int adv;
    return is_letter_cp(cp_at(s, n, i, &adv));
}

/* ---- the lower-case copy and the hashes ----------------------------------- */

#define ONES  0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* The bytes of w in [lo, hi], each flagged by its high bit (bytes of 0x80
 * and above never are).  Adding to the low seven bits of a byte carries
 * into no other byte. */
static inline uint64_t in_range8(uint64_t w, unsigned char lo, unsigned char hi)
{
    uint64_t low7 = w & ~HIGHS;
    uint64_t ge = low7 + ONES * (0x80u - lo);
    uint64_t gt = low7 + ONES * (0x7Fu - hi);
    return (ge ^ gt) & ~w & HIGHS;
}

/* Lower-case the ASCII letters of eight bytes at once. */
static inline uint64_t lower8(uint64_t w)
{
    return w | in_range8(w, 'A', 'Z') >> 2;
}

/* The lower-case copy, with eight zero bytes after its NUL so that a word
 * anywhere in it can be read eight bytes at a time. */
static char *lower_copy(chr_arena *a, const char *s, size_t n)
{
    char *d = chr_arena_alloc(a, n + 9);
    if (!d) return NULL;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        w = lower8(w);
        memcpy(d + i, &w, 8);
    }
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        d[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    memset(d + n, 0, 9);
    return d;
}

/* The hash (text.h): eight bytes at a time. */
#define hash_step chr_text_hash_step
#define hash_end chr_text_hash_end

/* The little-endian word of the 1 to 8 bytes at s. */
static inline uint64_t load_le(const unsigned char *s, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t w = 0;
    if (n == 8) memcpy(&w, s, 8);
    else for (size_t k = 0; k < n; k++) w |= (uint64_t)s[k] << (8 * k);
    return w;
#else
    uint64_t w = 0;
    for (size_t k = 0; k < n; k++) w |= (uint64_t)s[k] << (8 * k);
    return w;
#endif
}

uint64_t chr_text_hash(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    uint64_t h = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) h = hash_step(h, load_le(u + i, 8));
    if (i < n) h = hash_step(h, load_le(u + i, n - i));
    return hash_end(h, n);
}

uint64_t chr_text_hash_lower(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    uint64_t h = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) h = hash_step(h, lower8(load_le(u + i, 8)));
    if (i < n) h = hash_step(h, lower8(load_le(u + i, n - i)));
    return hash_end(h, n);
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* chr_text_hash() of lower[b..e), reading whole words: the copy is padded. */
static inline uint64_t hash_padded(const char *lower, size_t b, size_t e)
{
    uint64_t h = 0, w;
    size_t i = b;
    for (; i + 8 <= e; i += 8) {
        memcpy(&w, lower + i, 8);
        h = hash_step(h, w);
    }
    if (i < e) {
        memcpy(&w, lower + i, 8);
        h = hash_step(h, w & (~0ULL >> (8 * (8 - (e - i)))));
    }
    return hash_end(h, e - b);
}
#else
static inline uint64_t hash_padded(const char *lower, size_t b, size_t e)
{
    return chr_text_hash(lower + b, e - b);
}
#endif

/* ---- the pass ------------------------------------------------------------ */

/* What an ASCII byte is inside a word: a letter (lower or upper case) or a
 * digit; 0 for anything else, the NUL after the text included. */
enum { WL = 1, WU = 2, WD = 4 };
static uint8_t word_byte[256];
static pthread_once_t word_byte_once = PTHREAD_ONCE_INIT;

static void word_byte_init(void)
{
    for (int c = 'a'; c <= 'z'; c++) word_byte[c] = WL;
    for (int c = 'A'; c <= 'Z'; c++) word_byte[c] = WU;
    for (int c = '0'; c <= '9'; c++) word_byte[c] = WD;
}

/* A word token from s[i] (a letter): sets its end, flags and hash in *k.
 * A word of two or more letters, all of them upper case, is all capitals. */
static void scan_word(const char *s, size_t n, const char *lower, size_t i, int32_t c,
                      int cls, chr_token *k, uint64_t *hash)
{
    size_t j = i;
    size_t letters = 0;     /* counted only while no letter is lower case */
    int not_upper = 0, ascii = 1, digit = 0, apostrophe = 0;
    int first_upper = cls == HI ? is_upper_cp(c) : cls == UP;
    for (;;) {
        /* ASCII letters and digits, eight at a time while they last: the
         * end of a word is found without a branch per byte */
        while (j + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + j, 8);
            uint64_t up = in_range8(w, 'A', 'Z');
            uint64_t lo = in_range8(w, 'a', 'z');
            uint64_t dg = in_range8(w, '0', '9');
            uint64_t stop = ~(up | lo | dg) & HIGHS;
            uint64_t keep = stop ? (stop & (0 - stop)) - 1 : ~0ULL;
            if (lo & keep) not_upper = 1;
            if (dg & keep) digit = 1;
            up &= keep;
            if (up && !not_upper) letters += up & (up - 1) ? 2 : 1;
            if (!stop) {
                j += 8;
                continue;
            }
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            j += (size_t)__builtin_ctzll(stop) >> 3;
#else
            while (word_byte[(unsigned char)s[j]]) j++;
#endif
            goto run_end;
        }
        {
            /* the last bytes of the text, one at a time; s[n] is its NUL */
            size_t run = j;
            unsigned seen = 0, f;
            while ((f = word_byte[(unsigned char)s[j]]) != 0) {
                seen |= f;
                j++;
            }
            if (seen & WL) not_upper = 1;
            if (seen & WD) digit = 1;
            if ((seen & WU) && !not_upper)
                for (size_t q = run; q < j; q++) letters += (word_byte[(unsigned char)s[q]] & WU) != 0;
        }
    run_end:
        if (j >= n) break;
        int d = byte_class[(unsigned char)s[j]];
        if (d == HI) {
            int ad;
            int32_t e = cp_at(s, n, j, &ad);
            if (!is_letter_cp(e)) break;
            letters++;
            if (!is_upper_cp(e)) not_upper = 1;
            ascii = 0;
            j += (size_t)ad;
        } else if (d == AP && j + 1 < n) {
            /* apostrophe inside a word, but not the possessive 's */
            if (!letter_at(s, n, j + 1)) break;
            if ((s[j + 1] == 's' || s[j + 1] == 'S') && (j + 2 >= n || !letter_at(s, n, j + 2)))
                break;
            apostrophe = 1;
            j++;
        } else {
            break;
        }
    }
    k->type = CHR_TOK_WORD;
    k->end = (uint32_t)j;
    uint16_t fl = k->flags;
    if (first_upper) fl |= CHR_TF_CAP;
    if (letters >= 2 && !not_upper) fl |= CHR_TF_UPPER;
    if (digit) fl |= CHR_TF_HAS_DIGIT;
    if (ascii) fl |= CHR_TF_ASCII;
    if (apostrophe) fl |= CHR_TF_APOSTROPHE;
    k->flags = fl;
    *hash = hash_padded(lower, i, j);
}

/* Where digits grouped by commas end, when the groups are thousands
 * (1,000,000) or Indian lakhs (12,34,567) after the leading digits
 * s[begin..comma); comma itself when they are not ("22,24,26", "1,5"). */
static size_t comma_groups_end(const char *s, size_t n, size_t begin, size_t comma)
{
    size_t lead = comma - begin, j = comma, twos = 0;
    for (;;) {
        size_t g = j + 1, k = g;
        while (k < n && is_digit(s[k])) k++;
        size_t len = k - g;
        if (s[j] != ',' || (len != 2 && len != 3)) return comma;
        if (len == 3) {
            int more = k + 1 < n && s[k] == ',' && is_digit(s[k + 1]);
            if (!more) return (lead <= 3 && !twos) || (lead <= 2 && twos) ? k : comma;
            if (twos) return comma;   /* a three inside lakhs */
        } else {
            twos++;
        }
        j = k;
        if (j >= n) return comma;
    }
}

int chr_tokenize(chr_text *t, chr_arena *a)
{
    const char *s = t->norm;
    size_t n = t->norm_len;
    /* A token needs at least one byte: n + 1 bounds the count. Allocate
     * generously then trim by not using the rest (arena memory). */
    size_t cap = n / 3 + 16, cnt = 0;
    chr_token *toks = chr_arena_alloc(a, cap * sizeof *toks);
    uint64_t *hash = chr_arena_alloc(a, cap * sizeof *hash);
    char *lower = lower_copy(a, s, n);
    if (!toks || !hash || !lower) return -1;

    pthread_once(&word_byte_once, word_byte_init);
    uint16_t pending = 0;   /* space flags for the next token */
    int newlines = 0;
    size_t i = 0;
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        int cls = byte_class[b];
        int adv = 1;
        int32_t c = b;
        if (cls == SP) {
            pending |= CHR_TF_SPACE_BEFORE;
            i++;
            continue;
        }
        if (cls == NL) {
            newlines++;
            pending |= CHR_TF_SPACE_BEFORE | CHR_TF_LINE_BEFORE;
            if (newlines >= 2) pending |= CHR_TF_PARA_BEFORE;
            i++;
            continue;
        }
        if (cls == HI) {
            c = chr_utf8_decode(s + i, n - i, &adv);
            if (is_space_cp(c)) {
                pending |= CHR_TF_SPACE_BEFORE;
                if (c == 0x2028 || c == 0x2029) {
                    newlines++;
                    pending |= CHR_TF_LINE_BEFORE;
                    if (newlines >= 2 || c == 0x2029) pending |= CHR_TF_PARA_BEFORE;
                }
                i += (size_t)adv;
                continue;
            }
        }

        if (cnt == cap) {
            size_t ncap = cap * 2;
            chr_token *nt = chr_arena_realloc(a, toks, cap * sizeof *toks,
                                              ncap * sizeof *toks);
            uint64_t *nh = nt ? chr_arena_alloc(a, ncap * sizeof *nh) : NULL;
            if (!nh) return -1;
            memcpy(nh, hash, cap * sizeof *nh);
            toks = nt;
            hash = nh;
            cap = ncap;
        }
        chr_token *k = &toks[cnt];
        uint64_t *h = &hash[cnt];
        cnt++;
        k->start = (uint32_t)i;
        k->pad = 0;
        k->flags = pending;
        k->sent = 0;
        *h = 0;
        pending = 0;
        newlines = 0;

        if (cls == UP || cls == LO || (cls == HI && is_letter_cp(c))) {
            scan_word(s, n, lower, i, c, cls, k, h);
            i = k->end;
        } else if (cls == DG) {
            size_t j = i + 1;
            for (;;) {
                while (j < n && is_digit(s[j])) j++;
                /* an inner point followed by a digit continues the number
                 * (1.5, 192.168.1.2); a comma only when a group of exactly
                 * three digits follows (1,000), so "22,24,26" is a list of
                 * three numbers and every number is a whole token */
                if (j + 1 < n && s[j] == '.' && is_digit(s[j + 1])) {
                    j += 1;
                    continue;
                }
                if (j < n && s[j] == ',' && comma_groups_end(s, n, i, j) > j) {
                    j = comma_groups_end(s, n, i, j);
                    continue;
                }
                break;
            }
            /* letters glued after the digits are a word token of their
               own: "2.3bn" and "350m" keep the number apart, and so do
               ordinals ("4th" is 4 + th) */
            k->type = CHR_TOK_NUM;
            k->end = (uint32_t)j;
            k->flags |= CHR_TF_ASCII;
            *h = hash_padded(lower, i, j);
            i = j;
        } else if (cls == AP && i + 1 < n && (s[i + 1] == 's' || s[i + 1] == 'S') &&
                   cnt > 1 && toks[cnt - 2].end == i &&
                   toks[cnt - 2].type == CHR_TOK_WORD &&
                   (i + 2 >= n || !letter_at(s, n, i + 2))) {
            /* the possessive 's */
            k->type = CHR_TOK_WORD;
            k->end = (uint32_t)(i + 2);
            k->flags |= CHR_TF_ASCII;
            *h = hash_padded(lower, i, i + 2);
            i += 2;
        } else if (cls == PU || cls == AP) {
            k->type = CHR_TOK_PUNCT;
            k->end = (uint32_t)(i + 1);
            k->flags |= CHR_TF_ASCII;
            i += 1;
        } else {
            k->type = CHR_TOK_SYM;
            k->end = (uint32_t)(i + (size_t)adv);
            if (c < 128) k->flags |= CHR_TF_ASCII;
            i += (size_t)adv;
        }
    }
    t->toks = toks;
    t->ntoks = cnt;
    t->lower = lower;
    t->hash = hash;
    return 0;
}

int chr_tok_eq(const chr_text *t, const chr_token *k, const char *w)
{
    size_t n = k->end - k->start;
    return strncmp(t->norm + k->start, w, n) == 0 && w[n] == '\0';
}
