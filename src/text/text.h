/*
 * text.h - the text layer: UTF-8 repair, normalization for matching,
 * tokens and sentences.
 *
 * A document's text goes through three steps, all allocating from the
 * document's arena:
 *
 *   1. chr_utf8_repair(): invalid bytes become U+FFFD.  The repaired text is
 *      the document text: every span Chronicle writes is a byte offset into
 *      it (for valid input it is the input, byte for byte).
 *   2. chr_normalize(): NFC, and typographic variants folded for matching
 *      (curly quotes to ' and ", dashes to -, non-breaking and other spaces
 *      to ' ', ellipsis to ...).  The result keeps case.  map[] takes any byte
 *      offset of the normalized text back to the document text.
 *   3. chr_tokenize() then chr_sentences_split(): tokens with offsets into
 *      the normalized text, then sentences as runs of tokens.
 *
 * Analyzers work on the normalized text and tokens; writers turn offsets
 * back with chr_text_src_offset().
 */
#ifndef CHR_TEXT_H
#define CHR_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "../util/arena.h"

/* ---- UTF-8 -------------------------------------------------------------- */

/* Copy src into the arena with every invalid or overlong sequence, surrogate
 * and stray NUL byte replaced by U+FFFD; *out is NUL-terminated.  Returns the
 * number of replacements, or -1 when out of memory.  When src is already
 * valid and NUL-free, *out may be src itself (no copy): that is the case
 * when src[len] is '\0', so src[len] must be readable (it is for every
 * chr_document text). */
long chr_utf8_repair(chr_arena *a, const char *src, size_t len,
                     const char **out, size_t *out_len);

/* Decode one code point at s[0..n); store its length in *adv (>= 1).
 * Returns the code point, or -1 for an invalid sequence (then *adv = 1). */
int32_t chr_utf8_decode(const char *s, size_t n, int *adv);

/* ---- tokens -------------------------------------------------------------- */

typedef enum chr_tok_type {
    CHR_TOK_WORD = 1,   /* letters (and digits inside: M777, Su-25 is 3 tokens) */
    CHR_TOK_NUM,        /* digits with inner , or . separators: 1,000  1.5  2022 */
    CHR_TOK_PUNCT,      /* one punctuation character: . , ; : ! ? ( ) " ' - / ... */
    CHR_TOK_SYM         /* a symbol: $ € £ ¥ % & + and any other character */
} chr_tok_type;

enum {
    CHR_TF_SPACE_BEFORE = 1 << 0,  /* white space precedes the token */
    CHR_TF_LINE_BEFORE  = 1 << 1,  /* a line break precedes it */
    CHR_TF_PARA_BEFORE  = 1 << 2,  /* a blank line (paragraph break) precedes it */
    CHR_TF_CAP          = 1 << 3,  /* word starting with an upper-case letter */
    CHR_TF_UPPER        = 1 << 4,  /* word of two or more letters, all upper case */
    CHR_TF_HAS_DIGIT    = 1 << 5,  /* word that contains a digit (M777) */
    CHR_TF_ASCII        = 1 << 6,  /* all bytes are ASCII */
    CHR_TF_APOSTROPHE   = 1 << 7   /* word with an apostrophe inside ("don't") */
};

typedef struct chr_token {
    uint32_t start, end;    /* byte offsets into the normalized text */
    uint8_t type;           /* chr_tok_type */
    uint8_t pad;
    uint16_t flags;         /* CHR_TF_* */
    uint32_t sent;          /* index of the sentence it belongs to */
} chr_token;

/* ---- sentences ----------------------------------------------------------- */

typedef struct chr_sentence {
    uint32_t start, end;          /* normalized-text offsets, trimmed */
    uint32_t tok_begin, tok_end;  /* tokens [tok_begin, tok_end) */
    uint32_t para;                /* paragraph number, from 0 */
} chr_sentence;

/* ---- the text of one document ------------------------------------------- */

typedef struct chr_text {
    const char *src;        /* document text (repaired UTF-8, NUL-terminated) */
    size_t src_len;
    const char *norm;       /* normalized text (NUL-terminated) */
    size_t norm_len;
    const uint32_t *map;    /* norm offset -> src offset, norm_len + 1 entries;
                               NULL when norm is src (nothing was folded) */
    chr_token *toks;
    size_t ntoks;
    chr_sentence *sents;
    size_t nsents;
    long repairs;           /* invalid UTF-8 sequences replaced */
    /* Filled by chr_tokenize() for the analyzers' word lookups, so that no
     * analyzer lower-cases or hashes a token again: */
    const char *lower;      /* norm with ASCII letters in lower case (same
                               offsets, NUL-terminated; other bytes as they are) */
    const uint64_t *hash;   /* per word or number token: chr_text_hash() of its
                               bytes in lower (0 for punctuation and symbols) */
} chr_text;

/* Run all three steps on raw bytes (raw[len] must be readable, see
 * chr_utf8_repair).  Returns 0, or -1 when out of memory or when the text is
 * too long for 32-bit offsets (1 GiB or more, leaving room for repair and
 * NFC to lengthen it). */
int chr_text_build(chr_text *t, chr_arena *a, const char *raw, size_t len);

/* Step 2: fill t->norm, t->norm_len, t->map from t->src. 0 or -1 (no memory). */
int chr_normalize(chr_text *t, chr_arena *a);
/* Step 3a: fill t->toks, t->ntoks, t->lower and t->hash from t->norm, which
 * must be NUL-terminated (sent fields left 0). */
int chr_tokenize(chr_text *t, chr_arena *a);
/* Step 3b: fill t->sents, t->nsents and every token's sent. */
int chr_sentences_split(chr_text *t, chr_arena *a);

static inline uint32_t chr_text_src_offset(const chr_text *t, uint32_t norm_off)
{
    return t->map ? t->map[norm_off] : norm_off;
}

/* The hash of a word's bytes (lower case as in chr_text.lower), taken eight
 * bytes at a time.  The knowledge base keys its words with it too, so the
 * tables of every analyzer can be keyed by the hashes of chr_text.hash. */
uint64_t chr_text_hash(const char *s, size_t n);
/* chr_text_hash() of s with its ASCII letters in lower case. */
uint64_t chr_text_hash_lower(const char *s, size_t n);

/* The steps of chr_text_hash(): it takes the bytes eight at a time (the last
 * ones zero-padded) as little-endian words; the length and a final mix make
 * every bit of the result depend on every bit of the word.  A caller that
 * holds a word zero-padded in eight-byte words can hash it from those. */
static inline uint64_t chr_text_hash_step(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
    return h ^ (h >> 29);
}

static inline uint64_t chr_text_hash_end(uint64_t h, size_t n)
{
    h ^= n;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 32;
    h *= 0xc4ceb9fe1a85ec53ULL;
    return h ^ (h >> 29);
}

/* Token helpers. */
static inline const char *chr_tok_ptr(const chr_text *t, const chr_token *k)
{
    return t->norm + k->start;
}
static inline size_t chr_tok_len(const chr_token *k) { return k->end - k->start; }

/* Case-insensitive (ASCII letters) comparison of token k with word w.
 * Inline: the extractor asks it of most tokens for a dozen words each, and
 * nearly every call is settled by the first byte. */
static inline int chr_tok_is(const chr_text *t, const chr_token *k, const char *w)
{
    const unsigned char *p = (const unsigned char *)t->norm + k->start;
    const unsigned char *q = (const unsigned char *)w;
    size_t n = k->end - k->start;
    for (size_t i = 0; i < n; i++) {
        /* the text holds no NUL, so the end of w never matches */
        unsigned a = p[i], b = q[i];
        if (a - 'A' < 26u) a += 32;
        if (b - 'A' < 26u) b += 32;
        if (a != b) return 0;
    }
    return q[n] == '\0';
}
/* Exact, case-sensitive comparison. */
int chr_tok_eq(const chr_text *t, const chr_token *k, const char *w);

#endif
