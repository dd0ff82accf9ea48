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
 */
#include "text.h"

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

static int is_punct_ascii(int c)
{
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
           c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' ||
           c == '"' || c == '\'' || c == '-' || c == '/' || c == '`';
}

static int cp_at(const char *s, size_t n, size_t i, int *adv)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 128) { *adv = 1; return c; }
    return chr_utf8_decode(s + i, n - i, adv);
}

int chr_tokenize(chr_text *t, chr_arena *a)
{
    const char *s = t->norm;
    size_t n = t->norm_len;
    /* A token needs at least one byte: n + 1 bounds the count. Allocate
     * generously then trim by not using the rest (arena memory). */
    size_t cap = n / 3 + 16, cnt = 0;
    chr_token *toks = chr_arena_alloc(a, cap * sizeof *toks);
    if (!toks) return -1;

    uint16_t pending = 0;   /* space flags for the next token */
    int newlines = 0;
    size_t i = 0;
    while (i < n) {
        int adv;
        int32_t c = cp_at(s, n, i, &adv);
        if (is_space_cp(c)) {
            pending |= CHR_TF_SPACE_BEFORE;
            if (c == '\n' || c == 0x2028 || c == 0x2029) {
                newlines++;
                pending |= CHR_TF_LINE_BEFORE;
                if (newlines >= 2 || c == 0x2029) pending |= CHR_TF_PARA_BEFORE;
            }
            i += (size_t)adv;
            continue;
        }
        if (c != '\r') newlines = 0;

        chr_token k;
        memset(&k, 0, sizeof k);
        k.start = (uint32_t)i;
        k.flags = pending;
        pending = 0;
        newlines = 0;

        if (c < 128 && is_digit((char)c)) {
            size_t j = i + 1;
            for (;;) {
                while (j < n && is_digit(s[j])) j++;
                /* inner separator followed by a digit continues the number */
                if (j + 1 < n && (s[j] == ',' || s[j] == '.') && is_digit(s[j + 1])) {
                    j += 1;
                    continue;
                }
                break;
            }
            /* letters glued after the digits are a word token of their
               own: "2.3bn" and "350m" keep the number apart, and so do
               ordinals ("4th" is 4 + th) */
            k.type = CHR_TOK_NUM;
            k.end = (uint32_t)j;
            k.flags |= CHR_TF_ASCII;
            i = j;
        } else if (is_letter_cp(c)) {
            size_t j = i;
            int letters = 0, uppers = 0, ascii = 1, digit = 0;
            int first_upper = is_upper_cp(c);
            while (j < n) {
                int ad;
                int32_t d = cp_at(s, n, j, &ad);
                if (is_letter_cp(d)) {
                    letters++;
                    if (is_upper_cp(d)) uppers++;
                    if (d >= 128) ascii = 0;
                    j += (size_t)ad;
                } else if (d < 128 && is_digit((char)d)) {
                    digit = 1;
                    j++;
                } else if (d == '\'' && j + 1 < n) {
                    /* apostrophe inside a word, but not the possessive 's */
                    int ad2;
                    int32_t e = cp_at(s, n, j + 1, &ad2);
                    if (!is_letter_cp(e)) break;
                    if ((s[j + 1] == 's' || s[j + 1] == 'S') &&
                        (j + 2 >= n || !is_letter_cp(cp_at(s, n, j + 2, &ad2))))
                        break;
                    j++;
                } else {
                    break;
                }
            }
            k.type = CHR_TOK_WORD;
            k.end = (uint32_t)j;
            if (first_upper) k.flags |= CHR_TF_CAP;
            if (letters >= 2 && uppers == letters) k.flags |= CHR_TF_UPPER;
            if (digit) k.flags |= CHR_TF_HAS_DIGIT;
            if (ascii) k.flags |= CHR_TF_ASCII;
            i = j;
        } else if (c == '\'' && i + 1 < n && (s[i + 1] == 's' || s[i + 1] == 'S') &&
                   cnt > 0 && toks[cnt - 1].end == i &&
                   toks[cnt - 1].type == CHR_TOK_WORD &&
                   (i + 2 >= n || !is_letter_cp(cp_at(s, n, i + 2, &adv)))) {
            /* the possessive 's */
            k.type = CHR_TOK_WORD;
            k.end = (uint32_t)(i + 2);
            k.flags |= CHR_TF_ASCII;
            i += 2;
        } else if (c < 128 && is_punct_ascii(c)) {
            k.type = CHR_TOK_PUNCT;
            k.end = (uint32_t)(i + 1);
            k.flags |= CHR_TF_ASCII;
            i += 1;
        } else {
            k.type = CHR_TOK_SYM;
            k.end = (uint32_t)(i + (size_t)adv);
            if (c < 128) k.flags |= CHR_TF_ASCII;
            i += (size_t)adv;
        }

        if (cnt == cap) {
            size_t ncap = cap * 2;
            chr_token *nt = chr_arena_realloc(a, toks, cap * sizeof *toks,
                                              ncap * sizeof *toks);
            if (!nt) return -1;
            toks = nt;
            cap = ncap;
        }
        toks[cnt++] = k;
    }
    t->toks = toks;
    t->ntoks = cnt;
    return 0;
}

static int ascii_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

int chr_tok_is(const chr_text *t, const chr_token *k, const char *w)
{
    size_t n = k->end - k->start;
    const char *p = t->norm + k->start;
    for (size_t i = 0; i < n; i++) {
        if (!w[i] || ascii_lower((unsigned char)p[i]) != ascii_lower((unsigned char)w[i]))
            return 0;
    }
    return w[n] == '\0';
}

int chr_tok_eq(const chr_text *t, const chr_token *k, const char *w)
{
    size_t n = k->end - k->start;
    return strncmp(t->norm + k->start, w, n) == 0 && w[n] == '\0';
}
