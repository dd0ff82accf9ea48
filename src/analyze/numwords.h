/*
 * numwords.h - the closed-class words that the numbers analyzer reads, and
 * the currency table money.c matches (private to src/analyze).
 *
 * numbers.c looks the word tokens of a document up (each once, when first
 * needed) and parses number phrases over the resulting classes: "two hundred
 * and six" is UNIT HUNDRED and UNIT, "2.3bn" is a number and an ABBR.  The
 * words are mechanism-like facts of English (there will never be a new
 * "million"), so they are tables in C rather than data files.
 */
#ifndef CHR_NUMWORDS_H
#define CHR_NUMWORDS_H

#include <stddef.h>
#include <stdint.h>

#include "../text/text.h"
#include "../util/arena.h"

typedef enum nw_class {
    NW_NONE = 0,
    NW_UNIT,        /* zero .. nine */
    NW_TEEN,        /* ten .. nineteen */
    NW_TENS,        /* twenty .. ninety */
    NW_HUNDRED,     /* hundred */
    NW_SCALE,       /* thousand, million, billion, trillion, lakh, crore */
    NW_ABBR,        /* k, m, bn, mln, ...: a scale written after digits */
    NW_DOZEN,       /* dozen and its abbreviations */
    NW_VAGUE,       /* dozens, hundreds, thousands, millions, scores, tens */
    NW_DENOM,       /* half, quarter (and plurals): fractions that are not ordinals */
    NW_ORD,         /* first .. ninetieth (plurals: thirds, fifths as denominators) */
    NW_ORD_SCALE,   /* hundredth, thousandth, millionth, ... */
    NW_MONTH,       /* january .. december and their abbreviations */
    NW_ARTICLE      /* a, an */
} nw_class;

enum {
    NWF_PLURAL    = 1 << 0,   /* thirds, quarters, dozens, lakhs */
    NWF_SPACED    = 1 << 1,   /* ABBR that may follow the digits after a space (bn, mln) */
    NWF_AFTER_NUM = 1 << 2,   /* only after a number (dz, doz) */
    NWF_PERCENT   = 1 << 3,   /* percent, percentage, pc, pct */
    NWF_TIME      = 1 << 4,   /* am, pm, GMT, UTC, o'clock: a time of day follows a number */
    NWF_DESIG     = 1 << 5,   /* Article 5, Phase 2, Leopard 2: the number is a label */
    NWF_DESIG_CAP = 1 << 6,   /* a label only when capitalized (Number 10, World War 2) */
    NWF_CURRENCY  = 1 << 7,   /* starts a currency name (dollars, swiss francs, usd) */
    NWF_DURATION  = 1 << 8,   /* days, weeks, years: "over 3 years" is a period */
    NWF_ONE_PRO   = 1 << 9,   /* "the one", "one of", "one said": one is a pronoun */
    NWF_ONE_DET   = 1 << 10,  /* word before "one" that makes it a pronoun */
    NWF_QUANT     = 1 << 11,  /* several, few, many, couple: "several hundred" */
    NWF_URL       = 1 << 12   /* http, www: a web address begins */
};

typedef struct nw_word {
    const char *text;   /* lower case */
    uint8_t cls;        /* nw_class */
    uint16_t flags;     /* NWF_* */
    double value;       /* the number (vague plurals: the lower bound) */
    double scale;       /* multiplier (hundred 100, dozens 12, hundredth 100) */
} nw_word;

/* The entry of word w[0..n) (ASCII case folded), or NULL. */
const nw_word *chr_numwords_find(const char *w, size_t n);

/* A document's tokens with their lexicon entries (NULL for tokens that are
 * no listed word, and always for NUM, PUNCT and SYM tokens).  A word is
 * looked up when it is first asked for: read lex[] through chr_numwords_at(),
 * and ask chr_numwords_filter_has() first where most words are no match. */
typedef struct nw_doc {
    const chr_text *t;
    const chr_token *k;
    size_t n;
    const nw_word **lex;    /* &chr_numwords_unseen until looked up */
} nw_doc;

/* Prepare d for the tokens of t; returns 0 or -1 when out of memory. */
int chr_numwords_doc(nw_doc *d, const chr_text *t, chr_arena *a);

extern const nw_word chr_numwords_unseen;
/* Look token i up and remember its entry. */
const nw_word *chr_numwords_fill(const nw_doc *d, size_t i);

/* The entry of token i (i < d->n), or NULL. */
static inline const nw_word *chr_numwords_at(const nw_doc *d, size_t i)
{
    const nw_word *w = d->lex[i];
    return w != &chr_numwords_unseen ? w : chr_numwords_fill(d, i);
}

/* A filter of the words that pass a test (one bit per hash value), so that
 * a token which is none of them is turned away without a lookup. */
#define NW_FILTER_WORDS 64
typedef struct nw_filter {
    uint64_t bits[NW_FILTER_WORDS];
} nw_filter;

/* The filter bit of a word's hash: bits that the lexicon's table index and
 * tag do not use. */
#define NW_FILTER_BIT(h) ((size_t)((h) >> 16) & (NW_FILTER_WORDS * 64 - 1))

/* Set the bits of every listed word for which pass(word) is true. */
void chr_numwords_filter_build(nw_filter *f, int (*pass)(const nw_word *));

/* 0 when token i of d is none of the filter's words; 1 when it may be. */
static inline int chr_numwords_filter_has(const nw_filter *f, const nw_doc *d, size_t i)
{
    if (!d->t->hash) return 1;
    size_t b = NW_FILTER_BIT(d->t->hash[i]);
    return (int)(f->bits[b >> 6] >> (b & 63) & 1);
}

/* ---- currencies (money.c) --------------------------------------------- */

typedef struct nw_currency {
    char code[4];       /* ISO 4217 */
    double mult;        /* 0.01 for cents and pence, 1e6 for MUSD, else 1 */
    size_t b, e;        /* the tokens that name it */
} nw_currency;

/* A currency written just before token i ("$", "US$", "€", "USD", "CN¥"),
 * not reaching back before token lo.  Returns 1 and fills *cur, or 0. */
int chr_money_prefix(const nw_doc *d, size_t i, size_t lo, nw_currency *cur);

enum {
    NWM_GLUED  = 1 << 0,   /* the number touches token i (50p) */
    NWM_HYPHEN = 1 << 1    /* a hyphen joins them (12-cent): not for weights (500-pound) */
};

/* A currency written from token i on ("dollars", "Swiss francs", "USD",
 * "cents", "₾", the "p" of 50p); how is NWM_*.  Returns 1 and fills *cur,
 * or 0. */
int chr_money_suffix(const nw_doc *d, size_t i, unsigned how, nw_currency *cur);

#endif
