/*
 * analyze.h - what the analyzers find in a document's text: mentions.
 *
 * Each analyzer reads the normalized text and tokens of a chr_text and
 * appends mentions (a kind, a token range, a byte span and a normalized
 * value) to a chr_mentions list in the document's arena.  Analyzers are pure
 * functions of the text (and, for dates, the publication day); they never
 * depend on each other's output, except money, which is found together with
 * numbers so that "$350 million" is one money mention and not also a number.
 */
#ifndef CHR_ANALYZE_H
#define CHR_ANALYZE_H

#include <stddef.h>
#include <stdint.h>

#include "chronicle.h"
#include "../text/text.h"
#include "../util/arena.h"

/* ---- counts ------------------------------------------------------------- */

typedef enum chr_qual {
    CHR_QUAL_EXACT = 0,
    CHR_QUAL_APPROX,      /* about, around, some, roughly, an estimated */
    CHR_QUAL_MORE_THAN,   /* over, more than, above, surpassing, exceeding */
    CHR_QUAL_AT_LEAST,    /* at least, no fewer than, or more; vague plurals */
    CHR_QUAL_LESS_THAN,   /* under, fewer than, nearly, almost */
    CHR_QUAL_AT_MOST,     /* up to, as many as, no more than */
    CHR_QUAL_RANGE        /* value is the low end, max the high end */
} chr_qual;

const char *chr_qual_name(int qual);    /* "exact", "approx", ... */

typedef struct chr_count {
    double value;
    double max;           /* only for CHR_QUAL_RANGE */
    uint8_t qual;         /* chr_qual */
} chr_count;

/* ---- dates -------------------------------------------------------------- */

typedef enum chr_gran {
    CHR_GRAN_DAY = 0, CHR_GRAN_WEEK, CHR_GRAN_MONTH, CHR_GRAN_QUARTER,
    CHR_GRAN_YEAR, CHR_GRAN_DECADE
} chr_gran;

const char *chr_gran_name(int gran);    /* "day", "week", ... */

enum {
    CHR_DF_RELATIVE   = 1 << 0,  /* needs the publication date (last week) */
    CHR_DF_UNRESOLVED = 1 << 1,  /* relative but no publication date: start/end NONE */
    CHR_DF_SINCE      = 1 << 2,  /* "since X": start known, end = publication day */
    CHR_DF_RANGE      = 1 << 3   /* an explicit range: between X and Y, X-Y */
};

typedef struct chr_daterange {
    chr_day start, end;   /* inclusive; CHR_DAY_NONE when unresolved */
    uint8_t gran;         /* chr_gran */
    uint8_t flags;        /* CHR_DF_* */
} chr_daterange;

/* ---- mentions ----------------------------------------------------------- */

typedef enum chr_mention_kind {
    CHR_M_NUMBER = 1,
    CHR_M_MONEY,
    CHR_M_DATE,
    CHR_M_ACTOR,
    CHR_M_PLACE,
    CHR_M_ITEM,
    CHR_M_SOURCE
} chr_mention_kind;

const char *chr_mention_kind_name(int kind);   /* "number", "money", ... */

struct chr_entry;   /* a knowledge-base entry: see kb.h */

typedef struct chr_mention {
    uint8_t kind;                 /* chr_mention_kind */
    uint8_t flags;                /* analyzer-specific */
    uint16_t pad;
    uint32_t start, end;          /* normalized-text byte span */
    uint32_t tok_begin, tok_end;  /* tokens [tok_begin, tok_end) */
    union {
        chr_count num;                                  /* NUMBER */
        struct { chr_count amount; char currency[4]; } money;  /* MONEY */
        chr_daterange date;                             /* DATE */
        const struct chr_entry *entry;  /* ACTOR, PLACE, ITEM, SOURCE */
    } u;
} chr_mention;

typedef struct chr_mentions {
    chr_mention *v;
    size_t n, cap;
} chr_mentions;

/* Append a mention (copied); returns a pointer to the stored one or NULL. */
chr_mention *chr_mentions_push(chr_mentions *ms, chr_arena *a, const chr_mention *m);
/* Sort by start offset, then longer first, then by kind; stable.  Needs
 * scratch from a (0, or -1 when out of memory). */
int chr_mentions_sort(chr_mentions *ms, chr_arena *a);

/* After sorting: drop the names inside an amount of money, which name its
 * currency ("5 billion Swiss francs", "Hong Kong dollars"), not a party. */
void chr_mentions_drop_in_money(chr_mentions *ms);

/* ---- the analyzers ------------------------------------------------------- */

/* Numbers and money: appends CHR_M_NUMBER and CHR_M_MONEY mentions.
 * Years, dates, times, percentages, phone numbers, model names (T-72, M777),
 * ordinals and list markers are not counts and are not reported.  Values are
 * exact for integers up to 2^53; a number too large for a double is not
 * reported.  Spans include the qualifier words ("over 200"). */
int chr_numbers_find(const chr_text *t, chr_arena *a, chr_mentions *out);

/* Flags of CHR_M_NUMBER and CHR_M_MONEY mentions (chr_mention.flags). */
enum {
    CHR_NUMF_VAGUE   = 1 << 0,   /* a vague plural: hundreds, tens of thousands */
    CHR_NUMF_WORDS   = 1 << 1,   /* written in words only: "two hundred" */
    CHR_NUMF_ORDINAL = 1 << 2    /* from chr_ordinals_find: a position, not a count */
};

/* Options of chr_numbers_scan(); chr_numbers_find() is chr_numbers_scan(0). */
enum {
    CHR_NUMS_NO_QUAL  = 1 << 0,  /* no qualifier words and no ranges: every number
                                    alone, its span without "over", "about" */
    CHR_NUMS_NO_MONEY = 1 << 1   /* amounts as plain numbers, spans without the
                                    currency ("$20" is the number 20 at "20") */
};
int chr_numbers_scan(const chr_text *t, chr_arena *a, chr_mentions *out, unsigned opts);

/* chr_numbers_find() over the sentences of t whose byte in only[] (one per
 * sentence) is not 0; NULL reads them all.  A run of such sentences is read
 * as if it were the whole text: nothing before or after it is looked at. */
int chr_numbers_find_in(const chr_text *t, const uint8_t *only, chr_arena *a, chr_mentions *out);

/* Ordinals (2nd, twenty-first, hundredth): CHR_M_NUMBER mentions flagged
 * CHR_NUMF_ORDINAL whose value is the position.  Never counts. */
int chr_ordinals_find(const chr_text *t, chr_arena *a, chr_mentions *out);

/* Dates: appends CHR_M_DATE mentions resolved against pub (the publication
 * day, or CHR_DAY_NONE: then relative ones are found but left unresolved). */
int chr_dates_find(const chr_text *t, chr_day pub, chr_arena *a, chr_mentions *out);
/* chr_dates_find() over the sentences whose byte in only[] is not 0 (a date
 * never spans two sentences, so these find what chr_dates_find() finds in
 * them); NULL reads them all. */
int chr_dates_find_in(const chr_text *t, chr_day pub, const uint8_t *only, chr_arena *a,
                      chr_mentions *out);

#endif
