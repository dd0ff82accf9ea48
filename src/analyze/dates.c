/*
 * dates.c - the dates analyzer: find date expressions among a document's
 * tokens and resolve them to day ranges against the publication day.
 *
 * Flow: each sentence is scanned left to right.  Word tokens are looked up
 * (once, when first needed) in a small table of calendar words (months,
 * weekdays, ordinals, units, relative words ...), and a filter of the words
 * that can begin a date passes over the others without a lookup.  At each
 * token where a date can begin, the grammar below tries the longest date
 * expression that starts there, emits it as one CHR_M_DATE mention and
 * continues after it, so the scan is linear in the tokens.
 *
 *   since X | during ANCHOR        -> X .. publication day (CHR_DF_SINCE)
 *   between X and Y | from X to Y | X-Y | X to Y   -> X .. Y (CHR_DF_RANGE)
 *   X                              -> an element:
 *     dates       March 3, 2022 / 3 March / the 3rd of March / 2022-03-03 / 03/03/2022
 *     months      March 2022 / in March / last March / mid-March / late 2021
 *     weekdays    on Sunday / late on Wednesday / next Tuesday / Monday night
 *     relative    yesterday / last week / earlier this month / two days ago / the past week
 *     periods     2014 / the 1990s / Q1 2022 / the first quarter / last spring
 *
 * An element is first read into its parts (year, month, day ... each maybe
 * absent) so that a range can lend parts from one side to the other
 * ("March 3-8", "3-8 March", "from March to May 2022"), then resolved.  The
 * resolution conventions are listed in dates.h.  Without a publication day,
 * relative expressions are still found but left unresolved.
 */
#include "analyze.h"
#include "dates.h"

#include <pthread.h>
#include <string.h>

/* ---- the calendar words ------------------------------------------------- */

enum {  /* word classes */
    L_NONE = 0, L_MONTH, L_WDAY, L_ORD, L_CARD, L_UNIT, L_REL, L_PART,
    L_SEASON, L_PHASE, L_DECW, L_KW, L_FUT, L_BOUND, L_PASTV
};
enum { LF_ABBR = 1, LF_AMBIG = 2, LF_PLURAL = 4 };
enum { U_DAY = 1, U_WEEK, U_FORTNIGHT, U_MONTH, U_QUARTER, U_YEAR, U_DECADE, U_WEEKEND };
enum { R_LAST = 1, R_THIS, R_NEXT, R_PAST, R_PREV, R_COMING, R_CURRENT, R_UPCOMING,
       R_FOLLOWING };
enum { PH_EARLY = 1, PH_MID, PH_LATE, PH_MIDDLE, PH_BEGINNING, PH_START, PH_END,
       PH_EARLIER, PH_LATER };
enum { K_YESTERDAY = 1, K_TODAY, K_TOMORROW, K_TONIGHT, K_OVERNIGHT, K_AGO,
       K_SINCE, K_BETWEEN, K_FROM, K_TO, K_UNTIL, K_TILL, K_THROUGH, K_THRU,
       K_AND, K_BY, K_OF, K_IN, K_ON, K_THE, K_A, K_AN, K_FEW, K_COUPLE, K_NOW,
       K_AS, K_SO, K_FAR, K_DATE, K_DURING, K_BEFORE, K_AFTER, K_HALF, K_THUS,
       K_UP, K_WITHIN, K_OVER, K_AT, K_FOR, K_HENCE, K_SEVERAL, K_TIME, K_YEAR_WORD };
enum { F_WILL = 1, F_GOING, F_SCHED, F_DUE, F_PLAN, F_EXPECT, F_SET, F_NEXT };

typedef struct lexent {
    const char *w;
    uint8_t cls, val, fl;
} lexent;

static const lexent lexicon[] = {
    {"january", L_MONTH, 1, 0}, {"jan", L_MONTH, 1, LF_ABBR},
    {"february", L_MONTH, 2, 0}, {"feb", L_MONTH, 2, LF_ABBR},
    {"march", L_MONTH, 3, LF_AMBIG}, {"mar", L_MONTH, 3, LF_ABBR},
    {"april", L_MONTH, 4, 0}, {"apr", L_MONTH, 4, LF_ABBR},
    {"may", L_MONTH, 5, LF_AMBIG},
    {"june", L_MONTH, 6, 0}, {"jun", L_MONTH, 6, LF_ABBR},
    {"july", L_MONTH, 7, 0}, {"jul", L_MONTH, 7, LF_ABBR},
    {"august", L_MONTH, 8, 0}, {"aug", L_MONTH, 8, LF_ABBR},
    {"september", L_MONTH, 9, 0}, {"sep", L_MONTH, 9, LF_ABBR}, {"sept", L_MONTH, 9, LF_ABBR},
    {"october", L_MONTH, 10, 0}, {"oct", L_MONTH, 10, LF_ABBR},
    {"november", L_MONTH, 11, 0}, {"nov", L_MONTH, 11, LF_ABBR},
    {"december", L_MONTH, 12, 0}, {"dec", L_MONTH, 12, LF_ABBR},

    {"monday", L_WDAY, 0, 0}, {"mon", L_WDAY, 0, LF_ABBR},
    {"tuesday", L_WDAY, 1, 0}, {"tue", L_WDAY, 1, LF_ABBR}, {"tues", L_WDAY, 1, LF_ABBR},
    {"wednesday", L_WDAY, 2, 0}, {"wed", L_WDAY, 2, LF_ABBR},
    {"thursday", L_WDAY, 3, 0}, {"thu", L_WDAY, 3, LF_ABBR}, {"thur", L_WDAY, 3, LF_ABBR},
    {"thurs", L_WDAY, 3, LF_ABBR},
    {"friday", L_WDAY, 4, 0}, {"fri", L_WDAY, 4, LF_ABBR},
    {"saturday", L_WDAY, 5, 0}, {"sat", L_WDAY, 5, LF_ABBR},
    {"sunday", L_WDAY, 6, 0}, {"sun", L_WDAY, 6, LF_ABBR},

    {"first", L_ORD, 1, 0}, {"second", L_ORD, 2, 0}, {"third", L_ORD, 3, 0},
    {"fourth", L_ORD, 4, 0}, {"fifth", L_ORD, 5, 0}, {"sixth", L_ORD, 6, 0},
    {"seventh", L_ORD, 7, 0}, {"eighth", L_ORD, 8, 0}, {"ninth", L_ORD, 9, 0},
    {"tenth", L_ORD, 10, 0}, {"eleventh", L_ORD, 11, 0}, {"twelfth", L_ORD, 12, 0},
    {"thirteenth", L_ORD, 13, 0}, {"fourteenth", L_ORD, 14, 0},
    {"fifteenth", L_ORD, 15, 0}, {"sixteenth", L_ORD, 16, 0},
    {"seventeenth", L_ORD, 17, 0}, {"eighteenth", L_ORD, 18, 0},
    {"nineteenth", L_ORD, 19, 0}, {"twentieth", L_ORD, 20, 0}, {"thirtieth", L_ORD, 30, 0},

    {"one", L_CARD, 1, 0}, {"two", L_CARD, 2, 0}, {"three", L_CARD, 3, 0},
    {"four", L_CARD, 4, 0}, {"five", L_CARD, 5, 0}, {"six", L_CARD, 6, 0},
    {"seven", L_CARD, 7, 0}, {"eight", L_CARD, 8, 0}, {"nine", L_CARD, 9, 0},
    {"ten", L_CARD, 10, 0}, {"eleven", L_CARD, 11, 0}, {"twelve", L_CARD, 12, 0},
    {"thirteen", L_CARD, 13, 0}, {"fourteen", L_CARD, 14, 0}, {"fifteen", L_CARD, 15, 0},
    {"sixteen", L_CARD, 16, 0}, {"seventeen", L_CARD, 17, 0}, {"eighteen", L_CARD, 18, 0},
    {"nineteen", L_CARD, 19, 0}, {"twenty", L_CARD, 20, 0}, {"thirty", L_CARD, 30, 0},
    {"forty", L_CARD, 40, 0}, {"fifty", L_CARD, 50, 0}, {"sixty", L_CARD, 60, 0},
    {"seventy", L_CARD, 70, 0}, {"eighty", L_CARD, 80, 0}, {"ninety", L_CARD, 90, 0},

    {"day", L_UNIT, U_DAY, 0}, {"days", L_UNIT, U_DAY, LF_PLURAL},
    {"week", L_UNIT, U_WEEK, 0}, {"weeks", L_UNIT, U_WEEK, LF_PLURAL},
    {"fortnight", L_UNIT, U_FORTNIGHT, 0},
    {"month", L_UNIT, U_MONTH, 0}, {"months", L_UNIT, U_MONTH, LF_PLURAL},
    {"quarter", L_UNIT, U_QUARTER, 0}, {"quarters", L_UNIT, U_QUARTER, LF_PLURAL},
    {"year", L_UNIT, U_YEAR, 0}, {"years", L_UNIT, U_YEAR, LF_PLURAL},
    {"decade", L_UNIT, U_DECADE, 0}, {"decades", L_UNIT, U_DECADE, LF_PLURAL},
    {"weekend", L_UNIT, U_WEEKEND, 0},

    {"last", L_REL, R_LAST, 0}, {"this", L_REL, R_THIS, 0}, {"next", L_REL, R_NEXT, 0},
    {"past", L_REL, R_PAST, 0}, {"previous", L_REL, R_PREV, 0},
    {"coming", L_REL, R_COMING, 0}, {"current", L_REL, R_CURRENT, 0},
    {"upcoming", L_REL, R_UPCOMING, 0}, {"following", L_REL, R_FOLLOWING, 0},

    {"morning", L_PART, 1, 0}, {"afternoon", L_PART, 2, 0}, {"evening", L_PART, 3, 0},
    {"night", L_PART, 4, 0},

    {"spring", L_SEASON, 1, 0}, {"summer", L_SEASON, 2, 0}, {"autumn", L_SEASON, 3, 0},
    {"fall", L_SEASON, 3, LF_AMBIG}, {"winter", L_SEASON, 4, 0},

    {"early", L_PHASE, PH_EARLY, 0}, {"mid", L_PHASE, PH_MID, 0},
    {"late", L_PHASE, PH_LATE, 0}, {"middle", L_PHASE, PH_MIDDLE, 0},
    {"beginning", L_PHASE, PH_BEGINNING, 0}, {"start", L_PHASE, PH_START, 0},
    {"end", L_PHASE, PH_END, 0}, {"earlier", L_PHASE, PH_EARLIER, 0},
    {"later", L_PHASE, PH_LATER, 0},

    {"noughties", L_DECW, 0, 0}, {"twenties", L_DECW, 2, 0}, {"thirties", L_DECW, 3, 0},
    {"forties", L_DECW, 4, 0}, {"fifties", L_DECW, 5, 0}, {"sixties", L_DECW, 6, 0},
    {"seventies", L_DECW, 7, 0}, {"eighties", L_DECW, 8, 0}, {"nineties", L_DECW, 9, 0},

    {"yesterday", L_KW, K_YESTERDAY, 0}, {"today", L_KW, K_TODAY, 0},
    {"tomorrow", L_KW, K_TOMORROW, 0}, {"tmrw", L_KW, K_TOMORROW, 0},
    {"tonight", L_KW, K_TONIGHT, 0},
    {"overnight", L_KW, K_OVERNIGHT, 0}, {"ago", L_KW, K_AGO, 0},
    {"since", L_KW, K_SINCE, 0}, {"between", L_KW, K_BETWEEN, 0},
    {"from", L_KW, K_FROM, 0}, {"to", L_KW, K_TO, 0}, {"until", L_KW, K_UNTIL, 0},
    {"till", L_KW, K_TILL, 0}, {"through", L_KW, K_THROUGH, 0}, {"thru", L_KW, K_THRU, 0},
    {"and", L_KW, K_AND, 0}, {"by", L_KW, K_BY, 0}, {"of", L_KW, K_OF, 0},
    {"in", L_KW, K_IN, 0}, {"on", L_KW, K_ON, 0}, {"the", L_KW, K_THE, 0},
    {"a", L_KW, K_A, 0}, {"an", L_KW, K_AN, 0}, {"few", L_KW, K_FEW, 0},
    {"couple", L_KW, K_COUPLE, 0}, {"now", L_KW, K_NOW, 0}, {"as", L_KW, K_AS, 0},
    {"so", L_KW, K_SO, 0}, {"far", L_KW, K_FAR, 0}, {"date", L_KW, K_DATE, 0},
    {"during", L_KW, K_DURING, 0}, {"before", L_KW, K_BEFORE, 0},
    {"after", L_KW, K_AFTER, 0}, {"half", L_KW, K_HALF, 0}, {"thus", L_KW, K_THUS, 0},
    {"up", L_KW, K_UP, 0}, {"within", L_KW, K_WITHIN, 0}, {"over", L_KW, K_OVER, 0},
    {"at", L_KW, K_AT, 0}, {"for", L_KW, K_FOR, 0}, {"hence", L_KW, K_HENCE, 0},
    {"several", L_KW, K_SEVERAL, 0}, {"time", L_KW, K_TIME, 0},

    /* markers of a future-tense clause */
    {"will", L_FUT, F_WILL, 0}, {"shall", L_FUT, F_WILL, 0}, {"won't", L_FUT, F_WILL, 0},
    {"going", L_FUT, F_GOING, 0}, {"scheduled", L_FUT, F_SCHED, 0},
    {"slated", L_FUT, F_SCHED, 0}, {"due", L_FUT, F_DUE, 0},
    {"plans", L_FUT, F_PLAN, 0}, {"plan", L_FUT, F_PLAN, 0}, {"planning", L_FUT, F_PLAN, 0},
    {"planned", L_FUT, F_PLAN, 0}, {"intends", L_FUT, F_PLAN, 0},
    {"intend", L_FUT, F_PLAN, 0}, {"expected", L_FUT, F_EXPECT, 0},
    {"expects", L_FUT, F_EXPECT, 0}, {"set", L_FUT, F_SET, 0},

    /* words that open a new clause: tense does not carry across them */
    {"that", L_BOUND, 0, 0}, {"which", L_BOUND, 0, 0}, {"who", L_BOUND, 0, 0},
    {"whom", L_BOUND, 0, 0}, {"whose", L_BOUND, 0, 0}, {"because", L_BOUND, 0, 0},
    {"but", L_BOUND, 0, 0}, {"while", L_BOUND, 0, 0}, {"although", L_BOUND, 0, 0},
    {"though", L_BOUND, 0, 0}, {"whereas", L_BOUND, 0, 0}, {"when", L_BOUND, 0, 0},
    {"where", L_BOUND, 0, 0}, {"if", L_BOUND, 0, 0},

    /* irregular past tenses (regular ones end in -ed) */
    {"said", L_PASTV, 0, 0}, {"told", L_PASTV, 0, 0}, {"met", L_PASTV, 0, 0},
    {"held", L_PASTV, 0, 0}, {"spoke", L_PASTV, 0, 0}, {"took", L_PASTV, 0, 0},
    {"began", L_PASTV, 0, 0}, {"sent", L_PASTV, 0, 0}, {"made", L_PASTV, 0, 0},
    {"gave", L_PASTV, 0, 0}, {"came", L_PASTV, 0, 0}, {"went", L_PASTV, 0, 0},
    {"saw", L_PASTV, 0, 0}, {"struck", L_PASTV, 0, 0}, {"fought", L_PASTV, 0, 0},
    {"fled", L_PASTV, 0, 0}, {"won", L_PASTV, 0, 0}, {"lost", L_PASTV, 0, 0},
    {"left", L_PASTV, 0, 0}, {"flew", L_PASTV, 0, 0}, {"wrote", L_PASTV, 0, 0},
    {"led", L_PASTV, 0, 0}, {"shot", L_PASTV, 0, 0}, {"fell", L_PASTV, 0, 0},
    {"rose", L_PASTV, 0, 0}, {"paid", L_PASTV, 0, 0}, {"got", L_PASTV, 0, 0},
    {"found", L_PASTV, 0, 0}, {"brought", L_PASTV, 0, 0}, {"sought", L_PASTV, 0, 0},
    {"became", L_PASTV, 0, 0}, {"was", L_PASTV, 0, 0}, {"were", L_PASTV, 0, 0},
    {"had", L_PASTV, 0, 0}, {"did", L_PASTV, 0, 0}, {"knew", L_PASTV, 0, 0},
    {"thought", L_PASTV, 0, 0}, {"ran", L_PASTV, 0, 0}, {"broke", L_PASTV, 0, 0},
    {"spent", L_PASTV, 0, 0}, {"hit", L_PASTV, 0, 0}, {"arrived", L_PASTV, 0, 0},
};

#define NLEX (sizeof lexicon / sizeof lexicon[0])
#define LEX_SLOTS 1024
#define LEX_MAXLEN 12

static uint16_t lex_table[LEX_SLOTS];   /* lexicon index + 1, 0 = empty */
static uint32_t lex_tags[LEX_SLOTS];    /* upper half of the word's chr_text_hash() */
static uint8_t lex_len[NLEX];
static uint8_t lex_starts[NLEX];        /* the word can begin a date expression */
static uint64_t start_filter[64];       /* one bit per hash value of such words */
#define START_BIT(h) ((size_t)((h) >> 16) & 4095)
static pthread_once_t lex_once = PTHREAD_ONCE_INIT;

/* Can a date expression begin at this calendar word?  The scan skips the
 * others without calling the grammar: try_at() returns at once for the
 * words of tense and clause (will, that, ran), parts of the day (morning),
 * and the keywords that only join or follow a date (and, of, ago). */
static int lex_can_start(const lexent *e)
{
    switch (e->cls) {
    case L_MONTH: case L_WDAY: case L_ORD: case L_CARD: case L_UNIT: case L_REL:
    case L_SEASON: case L_PHASE: case L_DECW:
        return 1;
    case L_KW:
        switch (e->val) {
        case K_THE: case K_YESTERDAY: case K_TODAY: case K_TOMORROW: case K_TONIGHT:
        case K_OVERNIGHT: case K_NOW: case K_A: case K_AN: case K_FEW: case K_COUPLE:
        case K_SINCE: case K_DURING: case K_AS: case K_SO: case K_THUS: case K_TO:
        case K_UNTIL: case K_TILL: case K_UP: case K_IN: case K_BETWEEN: case K_FROM:
            return 1;
        }
        return 0;
    default:
        return 0;
    }
}

/* Keyed by the text layer's hash of the lower-case word, which the
 * tokenizer has computed for every token already. */
static void lex_build(void)
{
    for (size_t k = 0; k < NLEX; k++) {
        size_t n = strlen(lexicon[k].w);
        lex_len[k] = (uint8_t)n;
        lex_starts[k] = (uint8_t)lex_can_start(&lexicon[k]);
        if (lex_starts[k]) {
            size_t b = START_BIT(chr_text_hash(lexicon[k].w, n));
            start_filter[b >> 6] |= 1ULL << (b & 63);
        }
        uint64_t full = chr_text_hash(lexicon[k].w, n);
        uint32_t h = (uint32_t)full & (LEX_SLOTS - 1);
        while (lex_table[h]) h = (h + 1) & (LEX_SLOTS - 1);
        lex_table[h] = (uint16_t)(k + 1);
        lex_tags[h] = (uint32_t)(full >> 32);
    }
}

/* Lexicon index + 1 of the word whose lower-case bytes are w[0..n) and
 * whose hash is full, 0 when it is not a calendar word.  Every entry is
 * lower-case letters and apostrophes, so a word with anything else (a
 * digit, a capital beyond ASCII) matches none. */
static uint16_t lex_find(uint64_t full, const char *w, size_t n)
{
    if (n == 0 || n > LEX_MAXLEN) return 0;
    uint32_t h = (uint32_t)full & (LEX_SLOTS - 1), tag = (uint32_t)(full >> 32);
    while (lex_table[h]) {
        uint16_t k = (uint16_t)(lex_table[h] - 1);
        if (lex_tags[h] == tag && lex_len[k] == n) {
            /* words are short: a loop beats a call to memcmp */
            const char *e = lexicon[k].w;
            size_t q = 0;
            while (q < n && e[q] == w[q]) q++;
            if (q == n) return lex_table[h];
        }
        h = (h + 1) & (LEX_SLOTS - 1);
    }
    return 0;
}

/* Lexicon index + 1 of a word token, 0 when it is not a calendar word. */
static uint16_t lex_lookup(const char *p, size_t n)
{
    char w[LEX_MAXLEN];
    if (n == 0 || n > LEX_MAXLEN) return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)p[i];
        if (ch >= 'A' && ch <= 'Z') ch = (unsigned char)(ch + 32);
        else if (!((ch >= 'a' && ch <= 'z') || ch == '\'')) return 0;
        w[i] = (char)ch;
    }
    return lex_find(chr_text_hash(w, n), w, n);
}

/* Lexicon index + 1 of token i of t. */
static uint16_t lex_of_token(const chr_text *t, size_t i)
{
    const chr_token *k = &t->toks[i];
    if (k->type != CHR_TOK_WORD) return 0;
    if (t->hash) return lex_find(t->hash[i], t->lower + k->start, chr_tok_len(k));
    return lex_lookup(t->norm + k->start, chr_tok_len(k));
}

/* ---- the scan context ---------------------------------------------------- */

#define LX_UNSEEN 0xFFFF

typedef struct dctx {
    const chr_text *t;
    uint16_t *lx;           /* lexicon index + 1 per token, LX_UNSEEN until
                               the token is first asked for */
    chr_day pub;            /* the publication day; 0 when there is none, so that
                               arithmetic on it stays defined */
    int nopub;              /* no publication day: relative dates stay unresolved */
    int py, pm, pd, pwd;    /* publication year, month, day, weekday */
    size_t sb, se;          /* the sentence being scanned: tokens [sb, se) */
} dctx;

/* Look token i up and remember it (the slow half of LX). */
static uint16_t lx_fill(const dctx *c, size_t i)
{
    return c->lx[i] = lex_of_token(c->t, i);
}

static inline const lexent *LX(const dctx *c, size_t i)
{
    if (i >= c->se) return NULL;
    uint16_t v = c->lx[i];
    if (v == LX_UNSEEN) v = lx_fill(c, i);
    return v ? &lexicon[v - 1] : NULL;
}
static inline int CLS(const dctx *c, size_t i) { const lexent *e = LX(c, i); return e ? e->cls : 0; }
static inline int VAL(const dctx *c, size_t i) { const lexent *e = LX(c, i); return e ? e->val : -1; }
static inline int LFL(const dctx *c, size_t i) { const lexent *e = LX(c, i); return e ? e->fl : 0; }
static inline int KW(const dctx *c, size_t i)
{
    const lexent *e = LX(c, i);
    return e && e->cls == L_KW ? e->val : 0;
}

static const chr_token *TK(const dctx *c, size_t i) { return &c->t->toks[i]; }
static int is_type(const dctx *c, size_t i, int type) { return i < c->se && TK(c, i)->type == type; }
static int is_word(const dctx *c, size_t i) { return is_type(c, i, CHR_TOK_WORD); }
static int is_cap(const dctx *c, size_t i) { return i < c->se && (TK(c, i)->flags & CHR_TF_CAP); }
/* Token i follows token i-1 with no space between. */
static int glued(const dctx *c, size_t i)
{
    return i < c->se && i > 0 && !(TK(c, i)->flags & CHR_TF_SPACE_BEFORE);
}
static int is_punct(const dctx *c, size_t i, char ch)
{
    return is_type(c, i, CHR_TOK_PUNCT) && c->t->norm[TK(c, i)->start] == ch;
}
/* A dash: '-' or, before normalization folds them, an en or em dash. */
static int is_dash(const dctx *c, size_t i)
{
    if (i >= c->se) return 0;
    const chr_token *k = TK(c, i);
    const char *p = c->t->norm + k->start;
    if (k->type == CHR_TOK_PUNCT) return *p == '-';
    return k->type == CHR_TOK_SYM && chr_tok_len(k) == 3 &&
           (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
           ((unsigned char)p[2] == 0x93 || (unsigned char)p[2] == 0x94);
}
static int word_is(const dctx *c, size_t i, const char *w)
{
    return is_word(c, i) && chr_tok_is(c->t, TK(c, i), w);
}

/* Value of a NUM token made of digits only; its digit count in *nd. */
static int num_at(const dctx *c, size_t i, int *nd)
{
    if (!is_type(c, i, CHR_TOK_NUM)) return -1;
    const chr_token *k = TK(c, i);
    size_t n = chr_tok_len(k);
    if (n > 6) return -1;
    int v = 0;
    for (size_t j = 0; j < n; j++) {
        char ch = c->t->norm[k->start + j];
        if (ch < '0' || ch > '9') return -1;
        v = v * 10 + (ch - '0');
    }
    if (nd) *nd = (int)n;
    return v;
}

/* ---- calendar arithmetic ------------------------------------------------- */

static chr_day ymd(int y, int m, int d) { return chr_day_from_ymd(y, m, d); }
static chr_day month_last(int y, int m) { return ymd(y, m, chr_days_in_month(y, m)); }
static chr_day week_monday(chr_day d) { return d - chr_day_weekday(d); }

/* The same day n months later (n may be negative), clamped to the month's end. */
static chr_day add_months(chr_day d, int n)
{
    int y, m, dd;
    chr_day_to_ymd(d, &y, &m, &dd);
    int idx = y * 12 + (m - 1) + n;
    y = idx >= 0 ? idx / 12 : -((-idx + 11) / 12);
    m = idx - y * 12 + 1;
    int dim = chr_days_in_month(y, m);
    return ymd(y, m, dd > dim ? dim : dd);
}

/* ---- elements ------------------------------------------------------------- */

enum {  /* element kinds */
    EK_NONE = 0,
    EK_INVALID,     /* looked like a date but is impossible: consume, emit nothing */
    EK_DAYNUM,      /* a bare day of month (only inside ranges): d */
    EK_DATE,        /* y (0: absent), m, d */
    EK_MONTH,       /* y (0: absent), m */
    EK_YEAR,        /* y */
    EK_DECADE,      /* y: the decade's first year */
    EK_QUARTER,     /* y (0: absent), q 1-4, or 5-6 for the halves */
    EK_SEASON,      /* y (0: absent), s 1-4 */
    EK_WDAYNUM,     /* weekday wd and day of month d, month left to infer */
    EK_SPAN,        /* already resolved (relative to the publication day) */
    EK_NOW          /* "now", "today" inside a range */
};

enum { MODE_DEFAULT = 0, MODE_PAST, MODE_FUTURE };

typedef struct elem {
    int kind;
    int y, m, d, q, s, wd;
    int rel;            /* R_LAST / R_THIS / R_NEXT for a yearless month, season, quarter */
    int phase;          /* PH_* applied after resolution */
    int future;         /* the clause is future (set by the parser when it looked) */
    chr_daterange r;    /* EK_SPAN: the range; otherwise filled by resolve() */
    size_t b, e;        /* tokens [b, e) */
} elem;

static void span_set(const dctx *c, elem *el, chr_day s, chr_day e, int gran)
{
    el->kind = EK_SPAN;
    el->r.gran = (uint8_t)gran;
    if (c->nopub) {
        el->r.start = el->r.end = CHR_DAY_NONE;
        el->r.flags = CHR_DF_RELATIVE | CHR_DF_UNRESOLVED;
    } else {
        el->r.start = s;
        el->r.end = e;
        el->r.flags = CHR_DF_RELATIVE;
    }
}

/* ---- tense of the clause around a date ---------------------------------- */

static int is_past_verb(const dctx *c, size_t i)
{
    if (!is_word(c, i)) return 0;
    int cls = CLS(c, i);
    if (cls == L_PASTV) return 1;
    if (cls != L_NONE) return 0;
    const chr_token *k = TK(c, i);
    size_t n = chr_tok_len(k);
    const char *p = chr_tok_ptr(c->t, k);
    return n >= 5 && !(k->flags & CHR_TF_CAP) && p[n - 2] == 'e' && p[n - 1] == 'd';
}

/* Does token i mark the future ("will", "'ll", "is going to", "plans to")? */
static int is_future_marker(const dctx *c, size_t i)
{
    if (!is_word(c, i)) return 0;
    if (CLS(c, i) == L_FUT) {
        int v = VAL(c, i);
        if (v == F_WILL || v == F_SCHED || v == F_NEXT) return 1;
        return KW(c, i + 1) == K_TO;   /* going to, due to, plans to, expected to, set to */
    }
    if (CLS(c, i) == L_REL && (VAL(c, i) == R_NEXT || VAL(c, i) == R_UPCOMING ||
                               VAL(c, i) == R_COMING))
        return 1;
    const chr_token *k = TK(c, i);
    size_t n = chr_tok_len(k);
    const char *p = chr_tok_ptr(c->t, k);
    return n > 3 && p[n - 3] == '\'' && (p[n - 2] | 32) == 'l' && (p[n - 1] | 32) == 'l';
}

static int is_clause_bound(const dctx *c, size_t i)
{
    if (is_type(c, i, CHR_TOK_PUNCT)) {
        char ch = c->t->norm[TK(c, i)->start];
        return ch == ';' || ch == ':' || ch == '(' || ch == ')' || ch == '"';
    }
    int cls = CLS(c, i);
    return cls == L_BOUND || (cls == L_KW && (VAL(c, i) == K_BEFORE || VAL(c, i) == K_AFTER));
}

/* A past-tense verb used as one ("said", "announced"), not a participle
 * after an auxiliary ("will be held", "is expected"). */
static int past_verb_here(const dctx *c, size_t i)
{
    if (!is_past_verb(c, i)) return 0;
    if (CLS(c, i) == L_PASTV && (VAL(c, i) == 0)) {
        /* was, were, had, did are past on their own */
        if (word_is(c, i, "was") || word_is(c, i, "were") || word_is(c, i, "had") ||
            word_is(c, i, "did"))
            return 1;
    }
    if (i > c->sb) {
        static const char *const aux[] = {"be", "been", "being", "is", "are", "will",
            "would", "could", "should", "might", "must", "to", "has", "have", NULL};
        for (int k = 0; aux[k]; k++)
            if (word_is(c, i - 1, aux[k])) return 0;
    }
    return 1;
}

enum { TENSE_PAST = -1, TENSE_UNKNOWN = 0, TENSE_FUTURE = 1 };

/* The tense of the clause around the date at tokens [b, e).  A past-tense
 * verb right next to it ("said on Monday", "on Wednesday, announced")
 * settles it as past; otherwise the nearest tense marker within its clause
 * decides: a future marker (will, 'll, is going to, plans to, is scheduled)
 * or a past-tense verb. */
static int clause_tense(const dctx *c, size_t b, size_t e)
{
    size_t k = b;
    while (k > c->sb) {   /* skip "late on", "," before the date */
        int kw = KW(c, k - 1);
        if (kw == K_ON || kw == K_IN || kw == K_AT || is_punct(c, k - 1, ',') ||
            (CLS(c, k - 1) == L_PHASE)) k--;
        else break;
    }
    if (k > c->sb && past_verb_here(c, k - 1)) return TENSE_PAST;
    size_t j = e;
    if (is_punct(c, j, ',')) j++;
    if (past_verb_here(c, j)) return TENSE_PAST;

    for (size_t i = b, n = 0; i > c->sb && n < 16; i--, n++) {
        if (is_clause_bound(c, i - 1)) break;
        if (is_future_marker(c, i - 1)) return TENSE_FUTURE;
        if (past_verb_here(c, i - 1)) return TENSE_PAST;
    }
    for (size_t i = e, n = 0; i < c->se && n < 8; i++, n++) {
        if (is_clause_bound(c, i)) break;
        if (is_future_marker(c, i)) return TENSE_FUTURE;
        if (past_verb_here(c, i)) return TENSE_PAST;
    }
    return TENSE_UNKNOWN;
}

static int clause_future(const dctx *c, size_t b, size_t e)
{
    return clause_tense(c, b, e) == TENSE_FUTURE;
}

/* How to choose among the years of a yearless date, from the clause's tense. */
static int tense_mode(const dctx *c, size_t b, size_t e)
{
    int t = clause_tense(c, b, e);
    return t == TENSE_FUTURE ? MODE_FUTURE : t == TENSE_PAST ? MODE_PAST : MODE_DEFAULT;
}

/* ---- choosing a year for a yearless date ------------------------------- */

/* Of the candidate intervals (one per year around publication), the one
 * closest to the publication day.  Outside a future clause a future
 * candidate counts three times its distance: news reports what happened. */
static int pick_nearest(const dctx *c, const chr_day *s, const chr_day *e, int n, int mode)
{
    int best = -1;
    long best_cost = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] == CHR_DAY_NONE) continue;
        long cost;
        if (e[i] < c->pub) {
            if (mode == MODE_FUTURE) continue;
            cost = (long)(c->pub - e[i]);
        } else if (s[i] > c->pub) {
            if (mode == MODE_PAST) continue;
            cost = (long)(s[i] - c->pub) * (mode == MODE_FUTURE ? 1 : 3);
        } else {
            cost = 0;
        }
        if (best < 0 || cost < best_cost) { best = i; best_cost = cost; }
    }
    return best;
}

static void season_bounds(int y, int s, chr_day *b, chr_day *e)
{
    switch (s) {
    case 1: *b = ymd(y, 3, 1); *e = ymd(y, 5, 31); break;
    case 2: *b = ymd(y, 6, 1); *e = ymd(y, 8, 31); break;
    case 3: *b = ymd(y, 9, 1); *e = ymd(y, 11, 30); break;
    default: *b = ymd(y, 12, 1); *e = month_last(y + 1, 2); break;
    }
}

static void quarter_bounds(int y, int q, chr_day *b, chr_day *e)
{
    if (q >= 5) {   /* halves */
        int m0 = q == 5 ? 1 : 7;
        *b = ymd(y, m0, 1);
        *e = month_last(y, m0 + 5);
    } else {
        *b = ymd(y, 3 * q - 2, 1);
        *e = month_last(y, 3 * q);
    }
}

/* Bounds of a yearless element in year y (CHR_DAY_NONE when impossible). */
static void bounds_in_year(const elem *el, int y, chr_day *b, chr_day *e)
{
    switch (el->kind) {
    case EK_DATE: *b = *e = ymd(y, el->m, el->d); break;
    case EK_MONTH: *b = ymd(y, el->m, 1); *e = month_last(y, el->m); break;
    case EK_SEASON: season_bounds(y, el->s, b, e); break;
    case EK_QUARTER: quarter_bounds(y, el->q, b, e); break;
    default: *b = *e = CHR_DAY_NONE;
    }
}

/* The year of a yearless element: from rel (last/this/next), else the
 * nearest occurrence; 0 when it cannot be chosen (no publication day). */
static int infer_year(const dctx *c, const elem *el, int mode)
{
    if (c->nopub) return 0;
    if (el->rel == R_THIS || el->rel == R_CURRENT) {
        if (el->kind != EK_SEASON) return c->py;
    } else if (el->rel == R_LAST || el->rel == R_PREV) {
        if (el->kind != EK_SEASON) return c->py - 1;
    } else if (el->rel == R_NEXT || el->rel == R_COMING || el->rel == R_UPCOMING) {
        if (el->kind != EK_SEASON) return c->py + 1;
    }
    chr_day s[4], e[4];
    int ys[4];
    for (int i = 0; i < 4; i++) {
        ys[i] = c->py - 2 + i;
        bounds_in_year(el, ys[i], &s[i], &e[i]);
    }
    if (el->kind == EK_SEASON && el->rel) {
        /* last: the latest that ended before publication; next: the first
         * that starts after it; this: the one under way, else the nearest */
        int pick = -1;
        for (int i = 0; i < 4; i++) {
            if (el->rel == R_LAST || el->rel == R_PREV || el->rel == R_PAST) {
                if (e[i] < c->pub) pick = i;
            } else if (el->rel == R_NEXT || el->rel == R_COMING || el->rel == R_UPCOMING) {
                if (s[i] > c->pub && pick < 0) pick = i;
            } else if (s[i] <= c->pub && c->pub <= e[i]) {
                pick = i;   /* this: the one under way */
            }
        }
        if (pick < 0 && (el->rel == R_THIS || el->rel == R_CURRENT)) {
            for (int i = 0; i < 4; i++)
                if (ys[i] == c->py) pick = i;   /* else the one of this year */
        }
        if (pick < 0) pick = pick_nearest(c, s, e, 4, MODE_FUTURE);
        if (pick < 0) pick = pick_nearest(c, s, e, 4, MODE_DEFAULT);
        return pick < 0 ? 0 : ys[pick];
    }
    if (el->kind == EK_DATE && el->wd >= 0) {
        /* "Tue May 9": prefer a year where the weekday agrees */
        int pick = -1;
        long best = 0;
        for (int i = 0; i < 4; i++) {
            if (s[i] == CHR_DAY_NONE || chr_day_weekday(s[i]) != el->wd) continue;
            long d = s[i] > c->pub ? s[i] - c->pub : c->pub - s[i];
            if (pick < 0 || d < best) { pick = i; best = d; }
        }
        if (pick >= 0 && best < 366) return ys[pick];
    }
    int pick = pick_nearest(c, s, e, 4, mode);
    return pick < 0 ? 0 : ys[pick];
}

/* ---- phases: early / mid / late ------------------------------------------ */

static void apply_phase(const dctx *c, chr_daterange *r, int phase)
{
    if (!phase || r->start == CHR_DAY_NONE) return;
    int y, m, d;
    chr_day_to_ymd(r->start, &y, &m, &d);
    int third = phase == PH_EARLY || phase == PH_BEGINNING || phase == PH_START ? 0 :
                phase == PH_MID || phase == PH_MIDDLE ? 1 :
                phase == PH_LATE || phase == PH_END ? 2 : -1;
    if (third < 0) {
        /* earlier / later this week, month, year: split at publication */
        if (c->nopub || c->pub < r->start || c->pub > r->end) return;
        if (phase == PH_EARLIER) {
            if (c->pub > r->start) r->end = c->pub - 1;
        } else {
            r->start = c->pub;
        }
        return;
    }
    switch (r->gran) {
    case CHR_GRAN_MONTH: {
        chr_day s = r->start;
        chr_day e = r->end;
        r->start = s + 10 * third;
        r->end = third == 2 ? e : s + 10 * third + 9;
        break;
    }
    case CHR_GRAN_YEAR:
        r->start = ymd(y, 1 + 4 * third, 1);
        r->end = month_last(y, 4 + 4 * third);
        break;
    case CHR_GRAN_WEEK:
        if (r->end - r->start == 6) {
            r->start = r->start + third + (third == 2 ? 1 : 0);
            r->end = third == 2 ? r->end : r->start + 2;
        }
        break;
    case CHR_GRAN_DECADE:
        r->start = ymd(y + (third == 0 ? 0 : third == 1 ? 4 : 7), 1, 1);
        r->end = ymd(y + (third == 0 ? 3 : third == 1 ? 6 : 9), 12, 31);
        break;
    default:
        break;
    }
}

static chr_day nearest_wday_num(const dctx *c, int wd, int d);

/* Resolve an element to a day range.  0, or -1 when it is impossible. */
static int resolve(const dctx *c, elem *el, int mode)
{
    chr_daterange *r = &el->r;
    int rel = 0;
    switch (el->kind) {
    case EK_SPAN:
        apply_phase(c, r, el->phase);
        el->phase = 0;
        return 0;
    case EK_NOW:
        el->kind = EK_SPAN;
        span_set(c, el, c->pub, c->pub, CHR_GRAN_DAY);
        return 0;
    case EK_DATE: case EK_MONTH: case EK_SEASON: case EK_QUARTER: {
        int y = el->y;
        if (!y) {
            y = infer_year(c, el, mode);
            rel = 1;
            if (!y) {
                r->start = r->end = CHR_DAY_NONE;
                r->flags = CHR_DF_RELATIVE | CHR_DF_UNRESOLVED;
                r->gran = el->kind == EK_DATE ? CHR_GRAN_DAY : el->kind == EK_MONTH ?
                          CHR_GRAN_MONTH : CHR_GRAN_QUARTER;
                return 0;
            }
        }
        bounds_in_year(el, y, &r->start, &r->end);
        if (r->start == CHR_DAY_NONE || r->end == CHR_DAY_NONE) return -1;
        r->gran = el->kind == EK_DATE ? CHR_GRAN_DAY : el->kind == EK_MONTH ?
                  CHR_GRAN_MONTH : CHR_GRAN_QUARTER;
        break;
    }
    case EK_YEAR:
        r->start = ymd(el->y, 1, 1);
        r->end = ymd(el->y, 12, 31);
        r->gran = CHR_GRAN_YEAR;
        if (r->start == CHR_DAY_NONE) return -1;
        break;
    case EK_DECADE:
        r->start = ymd(el->y, 1, 1);
        r->end = ymd(el->y + 9, 12, 31);
        r->gran = CHR_GRAN_DECADE;
        if (r->start == CHR_DAY_NONE || r->end == CHR_DAY_NONE) return -1;
        break;
    case EK_WDAYNUM: {
        rel = 1;
        if (c->nopub) {
            r->start = r->end = CHR_DAY_NONE;
            r->flags = CHR_DF_RELATIVE | CHR_DF_UNRESOLVED;
            r->gran = CHR_GRAN_DAY;
            return 0;
        }
        /* "Thursday the 21st": the nearest 21st that is a Thursday */
        chr_day best = nearest_wday_num(c, el->wd, el->d);
        if (best == CHR_DAY_NONE) return -1;
        r->start = r->end = best;
        r->gran = CHR_GRAN_DAY;
        break;
    }
    default:
        return -1;
    }
    r->flags = rel ? CHR_DF_RELATIVE : 0;
    apply_phase(c, r, el->phase);
    el->phase = 0;
    el->kind = EK_SPAN;
    return 0;
}

/* ---- small parsers --------------------------------------------------------- */

/* A day of the month: 3, 3rd, 03, third, twenty-first, twenty one (words
 * only when allow_card).  Returns the end token or 0. */
static size_t p_daynum(const dctx *c, size_t i, int *d, int allow_card)
{
    int nd;
    int v = num_at(c, i, &nd);
    if (v >= 0) {
        if (nd > 2 || v < 1 || v > 31) return 0;
        size_t e = i + 1;
        if (glued(c, e) && is_word(c, e) &&
            (word_is(c, e, "st") || word_is(c, e, "nd") || word_is(c, e, "rd") ||
             word_is(c, e, "th")))
            e++;
        *d = v;
        return e;
    }
    int cls = CLS(c, i);
    if (cls == L_ORD) { *d = VAL(c, i); return i + 1; }
    if (cls == L_CARD && VAL(c, i) >= 20 && VAL(c, i) <= 30 && VAL(c, i) % 10 == 0) {
        int tens = VAL(c, i);
        size_t j = i + 1;
        if (is_dash(c, j) && glued(c, j)) j++;
        if (CLS(c, j) == L_ORD && VAL(c, j) <= 9 && tens + VAL(c, j) <= 31) {
            *d = tens + VAL(c, j);
            return j + 1;
        }
        if (allow_card && CLS(c, j) == L_CARD && VAL(c, j) <= 9 && tens + VAL(c, j) <= 31 &&
            CLS(c, j + 1) != L_UNIT) {
            *d = tens + VAL(c, j);
            return j + 1;
        }
        if (allow_card && CLS(c, i + 1) != L_UNIT) { *d = tens; return i + 1; }
        return 0;
    }
    if (allow_card && cls == L_CARD && VAL(c, i) <= 19 && CLS(c, i + 1) != L_UNIT) {
        *d = VAL(c, i);
        return i + 1;
    }
    return 0;
}

/* A four-digit year 1000-2999.  Returns the end token or 0. */
static size_t p_year4(const dctx *c, size_t i, int *y)
{
    int nd;
    int v = num_at(c, i, &nd);
    if (v < 1000 || v > 2999 || nd != 4) return 0;
    /* "2022s" is not a year, "1990s" is a decade: leave both to their parsers */
    if (glued(c, i + 1) && is_word(c, i + 1)) return 0;
    *y = v;
    return i + 1;
}

/* A year after a month or day: ", 2022", "2022", "of 2022", "in 2022". */
static size_t p_year_after(const dctx *c, size_t i, int *y)
{
    size_t j = i;
    if (is_punct(c, j, ',') || (is_punct(c, j, '.') && glued(c, j)) ||
        ((is_dash(c, j) || is_punct(c, j, '/')) && glued(c, j) && glued(c, j + 1))) j++;
    else if (KW(c, j) == K_OF || KW(c, j) == K_IN) j++;
    size_t e = p_year4(c, j, y);
    if (e) {
        /* "March 3, 2022 people" does not happen; "March 3, 1000 soldiers" might */
        if (is_word(c, e) && !is_cap(c, e) && CLS(c, e) == L_NONE &&
            (TK(c, e)->flags & CHR_TF_SPACE_BEFORE)) {
            const chr_token *k = TK(c, e);
            size_t n = chr_tok_len(k);
            if (n > 3 && chr_tok_ptr(c->t, k)[n - 1] == 's') return 0;
        }
        return e;
    }
    return 0;
}

/* A relative year after a month, day or quarter: "(of) this/last/next year". */
static size_t p_rel_year(const dctx *c, size_t i, int *rel)
{
    size_t j = i;
    if (KW(c, j) == K_OF || KW(c, j) == K_IN) j++;
    if (CLS(c, j) == L_REL && CLS(c, j + 1) == L_UNIT && VAL(c, j + 1) == U_YEAR &&
        !(LFL(c, j + 1) & LF_PLURAL)) {
        int r = VAL(c, j);
        if (r == R_LAST || r == R_PREV || r == R_PAST) *rel = -1;
        else if (r == R_NEXT || r == R_COMING || r == R_FOLLOWING || r == R_UPCOMING) *rel = 1;
        else *rel = 0;
        return j + 2;
    }
    return 0;
}

/* A relative month after a day: "(of) this/last/next month".  Without a
 * publication day *y and *m are 0. */
static size_t p_rel_month(const dctx *c, size_t i, int *y, int *m)
{
    size_t j = i;
    if (KW(c, j) == K_OF || KW(c, j) == K_IN) j++;
    if (CLS(c, j) == L_REL && CLS(c, j + 1) == L_UNIT && VAL(c, j + 1) == U_MONTH &&
        !(LFL(c, j + 1) & LF_PLURAL) && c->nopub) {
        *y = *m = 0;
        return j + 2;
    }
    if (CLS(c, j) == L_REL && CLS(c, j + 1) == L_UNIT && VAL(c, j + 1) == U_MONTH &&
        !(LFL(c, j + 1) & LF_PLURAL) && !c->nopub) {
        int r = VAL(c, j);
        int k = (r == R_LAST || r == R_PREV) ? -1 :
                (r == R_NEXT || r == R_COMING || r == R_FOLLOWING || r == R_UPCOMING) ? 1 : 0;
        chr_day d = add_months(ymd(c->py, c->pm, 1), k);
        int dd;
        chr_day_to_ymd(d, y, m, &dd);
        return j + 2;
    }
    return 0;
}

/* Context words before a bare month or year that make it a date:
 * "in March", "since 2014", "by May", "of 2021", "mid-March". */
static int date_context_before(const dctx *c, size_t i)
{
    if (i <= c->sb) return 0;
    size_t p = i - 1;
    switch (KW(c, p)) {
    case K_IN: case K_SINCE: case K_UNTIL: case K_TILL: case K_BY: case K_OF:
    case K_FROM: case K_TO: case K_THROUGH: case K_THRU: case K_DURING:
    case K_BEFORE: case K_AFTER: case K_BETWEEN: case K_AND: case K_THE:
    case K_FOR: case K_ON: case K_AT:
        return 1;
    default:
        break;
    }
    int cls = CLS(c, p);
    if (cls == L_REL || cls == L_PHASE) return 1;
    if (is_dash(c, p) && CLS(c, p - 1) == L_PHASE) return 1;   /* mid-March */
    if (word_is(c, p, "early") || word_is(c, p, "until")) return 1;
    return 0;
}

/* ---- the element grammar --------------------------------------------------- */

/* parse_elem flags */
enum {
    PE_DAYNUM = 1,      /* a bare day of month may stand alone (one side of "3-8 March") */
    PE_RANGE_SIDE = 2,  /* after a range connector: the guards on bare months and years relax */
    PE_NOW = 4          /* "now" and "today" are range ends (EK_NOW) */
};

static size_t parse_elem(const dctx *c, size_t i, elem *el, int flags);

/* MONTH [.|-|/] [the] DAY [, YEAR] | MONTH [,] YEAR | MONTH */
static size_t p_month_first(const dctx *c, size_t i, elem *el, int flags)
{
    if (CLS(c, i) != L_MONTH) return 0;
    int m = VAL(c, i), fl = LFL(c, i);
    size_t j = i + 1;
    int d = 0, y = 0, rel = 0;
    size_t e;
    /* "Oct. 2", "Oct-2", "jan/1", "Dec-2018" */
    size_t k = j;
    if ((is_punct(c, k, '.') && glued(c, k)) ||
        ((is_dash(c, k) || is_punct(c, k, '/')) && glued(c, k) && glued(c, k + 1)))
        k++;
    if (KW(c, k) == K_THE && k == j) {   /* "May the eleventh" */
        size_t e2 = p_daynum(c, k + 1, &d, 1);
        if (e2) { j = e2; goto have_day; }
        d = 0;
    }
    if ((e = p_year4(c, k, &y))) { j = e; goto month_year; }
    if (k == j && is_punct(c, k, ',') && (e = p_daynum(c, k + 1, &d, 0)) &&
        (e > k + 2 || CLS(c, k + 1) == L_ORD)) {
        j = e;   /* "October, 1st" (not "In October, 15 people") */
        goto have_day;
    }
    d = 0;
    if ((e = p_daynum(c, k, &d, 1))) {
        /* "May 5 people" is rare, "March 3:00" a time: a day is not followed
         * by ':' or a unit word */
        if (is_punct(c, e, ':') || (CLS(c, e) == L_UNIT && !(k > j)))
            d = 0;
        else { j = e; goto have_day; }
    }
    y = 0;
    if ((e = p_year_after(c, j, &y))) { j = e; goto month_year; }
    if ((e = p_rel_year(c, j, &rel))) {
        el->kind = EK_MONTH;
        el->m = m;
        el->y = !c->nopub ? c->py + rel : 0;
        el->rel = rel < 0 ? R_LAST : rel > 0 ? R_NEXT : R_THIS;
        el->e = e;
        return e;
    }
    /* a bare month: "May" and "March" are also words, abbreviations are
     * names too often ("Jan"): they need a preposition or modifier first */
    if ((fl & (LF_AMBIG | LF_ABBR)) && !(flags & PE_RANGE_SIDE)) {
        if (!date_context_before(c, i)) return 0;
        if ((fl & LF_AMBIG) && !is_cap(c, i)) return 0;
        /* "in May I" is rare; "may" followed by a verb is the modal */
    }
    if (!(fl & (LF_AMBIG | LF_ABBR)) && !(flags & PE_RANGE_SIDE) &&
        !date_context_before(c, i) && is_cap(c, i + 1) && CLS(c, i + 1) == L_NONE)
        return 0;   /* "June Smith" */
    el->kind = EK_MONTH;
    el->m = m;
    el->e = i + 1;
    return i + 1;

have_day:
    {
        size_t e2 = p_year_after(c, j, &y);
        if (e2) j = e2;
        else if ((e2 = p_rel_year(c, j, &rel)) && !c->nopub) { y = c->py + rel; j = e2; }
        el->kind = EK_DATE;
        el->m = m;
        el->d = d;
        el->y = y;
        el->e = j;
        if (ymd(y ? y : 2000, m, d) == CHR_DAY_NONE) el->kind = EK_INVALID;
        return j;
    }
month_year:
    el->kind = EK_MONTH;
    el->m = m;
    el->y = y;
    el->e = j;
    return j;
}

/* A month glued to its day: "mar3", "Oct2", "Dec31 , 1994". */
static size_t p_glued_month(const dctx *c, size_t i, elem *el)
{
    const chr_token *k = TK(c, i);
    if (!(k->flags & CHR_TF_HAS_DIGIT)) return 0;
    const char *p = chr_tok_ptr(c->t, k);
    size_t n = chr_tok_len(k), a = 0;
    while (a < n && ((p[a] | 32) >= 'a' && (p[a] | 32) <= 'z')) a++;
    if (a < 3 || n - a > 2 || n == a) return 0;
    uint16_t lx = lex_lookup(p, a);
    if (!lx || lexicon[lx - 1].cls != L_MONTH) return 0;
    int d = 0;
    for (size_t q = a; q < n; q++) {
        if (p[q] < '0' || p[q] > '9') return 0;
        d = d * 10 + (p[q] - '0');
    }
    int y = 0;
    size_t e = p_year_after(c, i + 1, &y);
    el->m = lexicon[lx - 1].val;
    el->d = d;
    el->y = y;
    el->kind = ymd(y ? y : 2000, el->m, d) == CHR_DAY_NONE ? EK_INVALID : EK_DATE;
    el->e = e ? e : i + 1;
    return el->e;
}

/* [the] DAY [of] MONTH [YEAR] | DAY-MONTH-YEAR | DAY of this/next month */
static size_t p_day_first(const dctx *c, size_t i, elem *el, int flags, int had_the)
{
    int d;
    if (i > c->sb && is_type(c, i - 1, CHR_TOK_SYM)) return 0;   /* $12 */
    size_t j = p_daynum(c, i, &d, had_the || CLS(c, i) != L_CARD ? 1 : 0);
    if (!j) return 0;
    size_t k = j;
    int sep = 0;
    if (KW(c, k) == K_OF) k++;
    else if ((is_dash(c, k) || is_punct(c, k, '.') || is_punct(c, k, '/')) && glued(c, k)) { k++; sep = 1; }
    if (CLS(c, k) == L_MONTH) {
        int m = VAL(c, k);
        size_t e = k + 1;
        int y = 0, rel = 0;
        if ((is_punct(c, e, '.') && glued(c, e))) {
            size_t e2 = p_year_after(c, e + 1, &y);
            if (e2) e = e2;
        } else if (sep && (is_dash(c, e) || is_punct(c, e, '/')) && glued(c, e)) {
            size_t e2 = p_year4(c, e + 1, &y);
            if (e2) e = e2;
        }
        if (!y) {
            size_t e2 = p_year_after(c, e, &y);
            if (e2) e = e2;
            else if ((e2 = p_rel_year(c, e, &rel)) && !c->nopub) { y = c->py + rel; e = e2; }
        }
        el->kind = ymd(y ? y : 2000, m, d) == CHR_DAY_NONE ? EK_INVALID : EK_DATE;
        el->m = m;
        el->d = d;
        el->y = y;
        el->e = e;
        return e;
    }
    int y = 0, m = 0;
    size_t e2 = p_rel_month(c, j, &y, &m);
    if (e2 && (had_the || CLS(c, i) == L_ORD || glued(c, j - 1) || j > i + 1)) {
        if (!m) {   /* no publication day: found but unresolved */
            span_set(c, el, 0, 0, CHR_GRAN_DAY);
            el->e = e2;
            return e2;
        }
        el->kind = ymd(y, m, d) == CHR_DAY_NONE ? EK_INVALID : EK_DATE;
        el->y = y;
        el->m = m;
        el->d = d;
        el->e = e2;
        return e2;
    }
    if (flags & PE_DAYNUM) {
        el->kind = EK_DAYNUM;
        el->d = d;
        el->e = j;
        return j;
    }
    return 0;
}

/* Numeric dates: 2022-03-03, 03/03/2022, 3.3.2022, 2019-sep-1.  A chain of
 * numbers joined by '-' or '/' that is not a date (a phone number) is
 * consumed whole so that no part of it becomes a date. */
static size_t p_numeric(const dctx *c, size_t i, elem *el)
{
    if (!is_type(c, i, CHR_TOK_NUM)) return 0;
    const chr_token *k0 = TK(c, i);
    const char *p = chr_tok_ptr(c->t, k0);
    size_t n = chr_tok_len(k0);
    int v[3] = {0, 0, 0}, nd[3] = {0, 0, 0};
    int parts = 0;
    size_t e = i + 1;
    /* one token with two dots: 13.5.2015, 2015.5.13 */
    int dots = 0;
    for (size_t q = 0; q < n; q++) if (p[q] == '.') dots++;
    if (dots == 2) {
        int cur = 0;
        for (size_t q = 0; q < n; q++) {
            if (p[q] == '.') { cur++; continue; }
            if (p[q] < '0' || p[q] > '9' || nd[cur] >= 4) return 0;
            v[cur] = v[cur] * 10 + (p[q] - '0');
            nd[cur]++;
        }
        parts = 3;
    } else {
        int a = num_at(c, i, &nd[0]);
        if (a < 0) return 0;
        v[0] = a;
        parts = 1;
        char sep = 0;
        size_t j = i + 1;
        while (parts < 4 && j + 1 < c->se && glued(c, j) && glued(c, j + 1) &&
               (is_dash(c, j) || is_punct(c, j, '/'))) {
            char s = is_dash(c, j) ? '-' : '/';
            if (sep && s != sep) break;
            int x, xd = 0;
            if (parts == 1 && nd[0] == 4 && CLS(c, j + 1) == L_MONTH) {
                x = VAL(c, j + 1);   /* 2019-sep-1 */
                xd = 2;
            } else {
                x = num_at(c, j + 1, &xd);
                if (x < 0) break;
            }
            sep = s;
            if (parts < 3) { v[parts] = x; nd[parts] = xd; }
            parts++;
            j += 2;
        }
        e = j;
        if (parts >= 4) { el->kind = EK_INVALID; el->e = e; return e; }
        if (parts == 2) {
            /* 2014-2016, 2014-16: a range of years */
            if (sep == '-' && nd[0] == 4 && v[0] >= 1000 && v[0] <= 2999 &&
                ((nd[1] == 4 && v[1] > v[0] && v[1] - v[0] < 200) ||
                 (nd[1] == 2 && v[1] > v[0] % 100 && v[1] - v[0] % 100 <= 10))) {
                int y2 = nd[1] == 4 ? v[1] : v[0] / 100 * 100 + v[1];
                el->kind = EK_SPAN;
                el->r.start = ymd(v[0], 1, 1);
                el->r.end = ymd(y2, 12, 31);
                el->r.gran = CHR_GRAN_YEAR;
                el->r.flags = CHR_DF_RANGE;
                el->e = e;
                return e;
            }
            if (!(nd[0] == 4 || nd[1] == 4)) {
                /* 4/22 is no date; 3-8 may start a day range */
                return 0;
            }
            el->kind = EK_INVALID;
            el->e = e;
            return e;
        }
        if (parts == 1) return 0;
    }
    int y, m, d;
    if (nd[0] == 4) { y = v[0]; m = v[1]; d = v[2]; }
    else if (nd[2] == 4 || nd[2] == 2) {
        y = nd[2] == 4 ? v[2] : (v[2] < 50 ? 2000 + v[2] : 1900 + v[2]);
        if (v[0] > 12 && v[1] <= 12) { d = v[0]; m = v[1]; }
        else { m = v[0]; d = v[1]; }
        if (nd[0] > 2 || nd[1] > 2) y = 0;
    } else {
        y = 0; m = 0; d = 0;
    }
    el->e = e;
    if (!y || ymd(y, m, d) == CHR_DAY_NONE) { el->kind = EK_INVALID; return e; }
    el->kind = EK_DATE;
    el->y = y;
    el->m = m;
    el->d = d;
    return e;
}

/* A weekday's day under rel (0 = by tense). */
static chr_day weekday_day(const dctx *c, int wd, int rel, int future)
{
    chr_day mon = week_monday(c->pub);
    switch (rel) {
    case R_LAST: case R_PREV: return mon - 7 + wd;
    case R_THIS: case R_CURRENT: return mon + wd;
    case R_NEXT: case R_FOLLOWING: return mon + 7 + wd;
    case R_PAST: return c->pub - ((c->pwd - wd + 6) % 7 + 1);
    case R_COMING: case R_UPCOMING: return c->pub + ((wd - c->pwd + 6) % 7 + 1);
    default:
        return future ? c->pub + (wd - c->pwd + 7) % 7 : c->pub - (c->pwd - wd + 7) % 7;
    }
}

static int rel_of_week_phrase(const dctx *c, size_t j, size_t *end)
{
    /* "(of) this/next/last week" after a weekday */
    size_t k = j;
    if (KW(c, k) == K_OF) k++;
    if (KW(c, k) == K_THE && k > j) k++;
    if (CLS(c, k) == L_REL && CLS(c, k + 1) == L_UNIT && VAL(c, k + 1) == U_WEEK &&
        !(LFL(c, k + 1) & LF_PLURAL)) {
        *end = k + 2;
        int r = VAL(c, k);
        return r == R_PAST || r == R_PREV ? R_LAST :
               r == R_COMING || r == R_UPCOMING || r == R_FOLLOWING ? R_NEXT : r;
    }
    return 0;
}

/* The nearest day numbered d whose weekday is wd (within a year around
 * publication, a future one counting three times its distance). */
static chr_day nearest_wday_num(const dctx *c, int wd, int d)
{
    chr_day best = CHR_DAY_NONE;
    long best_cost = 0;
    for (int k = -12; k <= 12; k++) {
        int idx = c->py * 12 + (c->pm - 1) + k;
        chr_day x = ymd(idx / 12, idx % 12 + 1, d);
        if (x == CHR_DAY_NONE || chr_day_weekday(x) != wd) continue;
        long cost = x > c->pub ? (long)(x - c->pub) * 3 : (long)(c->pub - x);
        if (best == CHR_DAY_NONE || cost < best_cost) { best = x; best_cost = cost; }
    }
    return best;
}

/* [early|late] [on] WEEKDAY [, DATE | the DAY | DAY] [morning|night ...] [of next week] */
static size_t p_weekday(const dctx *c, size_t i, elem *el, int rel)
{
    if (CLS(c, i) != L_WDAY) return 0;
    int wd = VAL(c, i);
    if ((LFL(c, i) & LF_ABBR) && !rel) {
        /* "Sat" and "Sun" are words and names: an abbreviation needs "on"
         * before it or a date after it */
        int ok = i > c->sb && KW(c, i - 1) == K_ON;
        size_t j = i + 1;
        if (is_punct(c, j, ',') || is_punct(c, j, '.')) j++;
        if (CLS(c, j) == L_MONTH || num_at(c, j, NULL) > 0) ok = 1;
        if (!ok) return 0;
    }
    if (!rel && i > c->sb && is_word(c, i - 1) &&
        (word_is(c, i - 1, "good") || word_is(c, i - 1, "black") ||
         word_is(c, i - 1, "bloody") || word_is(c, i - 1, "super") ||
         word_is(c, i - 1, "ash") || word_is(c, i - 1, "palm") ||
         word_is(c, i - 1, "cyber") || word_is(c, i - 1, "holy")))
        return 0;   /* holidays named after weekdays */
    size_t j = i + 1;
    /* a full date after the weekday: "Monday, January 12, 2016", "Wed, 22 of
     * Jan", "Friday 2018-7-6", "this Friday-Jun-15": the date says it all */
    {
        size_t k = j;
        int sep = 0;
        if (is_punct(c, k, ',') || (is_dash(c, k) && glued(c, k))) { k++; sep = 1; }
        if (!rel || sep) {
            elem d;
            memset(&d, 0, sizeof d);
            d.wd = -1;
            size_t e = p_month_first(c, k, &d, PE_RANGE_SIDE);
            if (!e || (d.kind != EK_DATE && d.kind != EK_INVALID)) {
                memset(&d, 0, sizeof d);
                d.wd = -1;
                size_t kk = KW(c, k) == K_THE ? k + 1 : k;
                e = p_day_first(c, kk, &d, 0, kk > k);
                if (e && d.kind != EK_DATE && d.kind != EK_INVALID) e = 0;
            }
            if (!e) {
                memset(&d, 0, sizeof d);
                d.wd = -1;
                e = p_numeric(c, k, &d);
                if (e && d.kind != EK_DATE) e = 0;
            }
            if (e) {
                *el = d;
                el->wd = wd;
                el->e = e;
                return e;
            }
        }
    }
    /* "Thursday the 21st", "Monday 21" */
    if (!rel) {
        size_t k = j;
        int had_the = 0;
        if (KW(c, k) == K_THE) { k++; had_the = 1; }
        int dd;
        size_t e2 = p_daynum(c, k, &dd, had_the);
        int digits = num_at(c, k, NULL) > 0;
        if (e2 && (had_the || digits) && CLS(c, e2) != L_UNIT && !is_punct(c, e2, ':') &&
            !(digits && !had_the && e2 == k + 1 && is_word(c, e2) && !is_cap(c, e2))) {
            el->kind = EK_WDAYNUM;
            el->wd = wd;
            el->d = dd;
            el->e = e2;
            return e2;
        }
    }
    /* "Tuesday next week", "Friday of this week", "Monday night" */
    size_t e3;
    int wrel = rel ? 0 : rel_of_week_phrase(c, j, &e3);
    if (wrel) { rel = wrel; j = e3; }
    if (CLS(c, j) == L_PART) j++;
    if (!rel) {
        wrel = rel_of_week_phrase(c, j, &e3);
        if (wrel) { rel = wrel; j = e3; }
    }
    el->e = j;
    if (c->nopub) { span_set(c, el, 0, 0, CHR_GRAN_DAY); return j; }
    int fut = rel ? 0 : clause_future(c, i, j);
    chr_day d = weekday_day(c, wd, rel, fut);
    span_set(c, el, d, d, CHR_GRAN_DAY);
    return j;
}

/* Ordinal quarters and halves: Q1, the first quarter (of 2022), H2 2016,
 * the second half of the year. */
static size_t p_quarter(const dctx *c, size_t i, elem *el, int year_before)
{
    int q = 0;
    size_t j;
    if (is_word(c, i) && chr_tok_len(TK(c, i)) == 2 && (TK(c, i)->flags & CHR_TF_HAS_DIGIT)) {
        const char *p = chr_tok_ptr(c->t, TK(c, i));
        char l = (char)(p[0] | 32);
        if (l == 'q' && p[1] >= '1' && p[1] <= '4') q = p[1] - '0';
        else if (l == 'h' && (p[1] == '1' || p[1] == '2')) q = 4 + (p[1] - '0');
        else return 0;
        j = i + 1;
    } else if (CLS(c, i) == L_ORD && VAL(c, i) <= 4) {
        j = i + 1;
        if (is_dash(c, j)) j++;
        if (CLS(c, j) == L_UNIT && VAL(c, j) == U_QUARTER && !(LFL(c, j) & LF_PLURAL)) {
            q = VAL(c, i);
        } else if (KW(c, j) == K_HALF && VAL(c, i) <= 2) {
            q = 4 + VAL(c, i);
        } else {
            return 0;
        }
        j++;
    } else {
        return 0;
    }
    int y = 0, rel = 0;
    size_t e;
    if (year_before) {
        el->kind = EK_QUARTER;
        el->q = q;
        el->e = j;
        return j;
    }
    if ((e = p_year_after(c, j, &y))) j = e;
    else if (is_dash(c, j) && glued(c, j) && (e = p_year4(c, j + 1, &y))) j = e;
    else if ((e = p_rel_year(c, j, &rel))) {
        if (!c->nopub) y = c->py + rel;
        else el->rel = rel < 0 ? R_LAST : rel > 0 ? R_NEXT : R_THIS;
        j = e;
    } else if (KW(c, j) == K_OF && KW(c, j + 1) == K_THE && CLS(c, j + 2) == L_UNIT &&
               VAL(c, j + 2) == U_YEAR && !(LFL(c, j + 2) & LF_PLURAL)) {
        el->rel = R_THIS;
        if (!c->nopub) y = c->py;
        j += 3;
    } else if (q >= 5) {
        return 0;   /* "H2" alone is not a date */
    }
    el->kind = EK_QUARTER;
    el->q = q;
    el->y = y;
    el->e = j;
    return j;
}

/* Seasons: last spring, this summer, summer 2016, the spring of 2022. */
static size_t p_season(const dctx *c, size_t i, elem *el, int rel, int had_the)
{
    if (CLS(c, i) != L_SEASON) return 0;
    int s = VAL(c, i);
    size_t j = i + 1;
    int y = 0;
    size_t e = p_year_after(c, j, &y);
    if (e) j = e;
    else if (!rel) {
        /* a bare season needs a preposition: "fall" is a verb, "the fall of
         * Kabul" an event, "the Winter Olympics" and "the winter cold" are
         * no dates */
        if (!date_context_before(c, had_the ? i - 1 : i)) return 0;
        if ((LFL(c, i) & LF_AMBIG) && !had_the) return 0;
        if (KW(c, j) == K_OF) return 0;
        if (is_cap(c, i) && i > c->sb && is_type(c, i - 1, CHR_TOK_WORD) && !had_the &&
            !date_context_before(c, i))
            return 0;
        if (is_word(c, j) && CLS(c, j) == L_NONE && !is_past_verb(c, j) &&
            !word_is(c, j, "when") && !word_is(c, j, "and") && !word_is(c, j, "or") &&
            !word_is(c, j, "as") && !word_is(c, j, "before") && !word_is(c, j, "after"))
            return 0;
    }
    el->kind = EK_SEASON;
    el->s = s;
    el->y = y;
    el->rel = rel;
    el->e = j;
    return j;
}

/* Decades: the 1990s, the 1990's, the '90s, the nineties. */
static size_t p_decade(const dctx *c, size_t i, elem *el, int had_the)
{
    int nd, v;
    size_t j = i;
    int apos = 0;
    if (is_punct(c, j, '\'') && is_type(c, j + 1, CHR_TOK_NUM) && glued(c, j + 1)) { j++; apos = 1; }
    v = num_at(c, j, &nd);
    if (v >= 0) {
        size_t k = j + 1;
        if (is_punct(c, k, '\'') && glued(c, k)) k++;
        if (!(glued(c, k) && word_is(c, k, "s"))) return 0;
        if (nd == 4 && v % 10 == 0 && v >= 1000 && v <= 2990) {
            el->y = v;
        } else if (nd == 2 && v % 10 == 0 && (had_the || apos)) {
            el->y = 1900 + v;
        } else {
            return 0;
        }
        el->kind = EK_DECADE;
        el->e = k + 1;
        return k + 1;
    }
    int century = 1900;
    if (CLS(c, j) == L_CARD && (VAL(c, j) == 19 || VAL(c, j) == 20) && CLS(c, j + 1) == L_DECW) {
        century = VAL(c, j) * 100;
        j++;
    }
    if (CLS(c, j) == L_DECW && (had_the || j > i)) {
        int dv = VAL(c, j);
        el->y = dv == 0 ? 2000 : century + dv * 10;
        el->kind = EK_DECADE;
        el->e = j + 1;
        return j + 1;
    }
    return 0;
}

/* A count before a unit: 2, two, a, a few, a couple of, few.  Returns the
 * end token or 0; *n gets the count. */
static size_t p_count(const dctx *c, size_t i, int *n)
{
    int nd;
    int v = num_at(c, i, &nd);
    if (v > 0 && nd <= 3) { *n = v; return i + 1; }
    int kw = KW(c, i);
    if (kw == K_A || kw == K_AN) {
        if (KW(c, i + 1) == K_FEW) { *n = 3; return i + 2; }
        if (KW(c, i + 1) == K_COUPLE && KW(c, i + 2) == K_OF) { *n = 2; return i + 3; }
        *n = 1;
        return i + 1;
    }
    if (kw == K_FEW) { *n = 3; return i + 1; }
    if (kw == K_COUPLE) { *n = 2; return KW(c, i + 1) == K_OF ? i + 2 : i + 1; }
    if (CLS(c, i) == L_CARD) {
        int t = VAL(c, i);
        size_t j = i + 1;
        if (t >= 20 && t % 10 == 0) {
            size_t k = j;
            if (is_dash(c, k)) k++;
            if (CLS(c, k) == L_CARD && VAL(c, k) < 10) { t += VAL(c, k); j = k + 1; }
        }
        *n = t;
        return j;
    }
    return 0;
}

/* pub shifted by n units (negative: back). */
static chr_day shift_units(chr_day pub, int unit, long n)
{
    switch (unit) {
    case U_DAY: return pub + (chr_day)n;
    case U_WEEK: return pub + (chr_day)(7 * n);
    case U_FORTNIGHT: return pub + (chr_day)(14 * n);
    case U_MONTH: return add_months(pub, (int)n);
    case U_QUARTER: return add_months(pub, (int)(3 * n));
    case U_YEAR: return add_months(pub, (int)(12 * n));
    case U_DECADE: return add_months(pub, (int)(120 * n));
    default: return pub;
    }
}

static int unit_gran(int unit)
{
    switch (unit) {
    case U_WEEK: case U_FORTNIGHT: case U_WEEKEND: return CHR_GRAN_WEEK;
    case U_MONTH: return CHR_GRAN_MONTH;
    case U_QUARTER: return CHR_GRAN_QUARTER;
    case U_YEAR: return CHR_GRAN_YEAR;
    case U_DECADE: return CHR_GRAN_DECADE;
    default: return CHR_GRAN_DAY;
    }
}

/* N units ago | N units from now | 1 month and 21 days ago */
static size_t p_ago(const dctx *c, size_t i, elem *el)
{
    int n, unit = 0, fine = U_DECADE + 1;
    long amount[U_WEEKEND + 1] = {0};
    size_t j = i;
    for (int parts = 0; parts < 4; parts++) {
        size_t k = p_count(c, j, &n);
        if (!k || CLS(c, k) != L_UNIT || n > 1000) break;
        unit = VAL(c, k);
        if (unit == U_WEEKEND) return 0;
        amount[unit] += n;
        if (unit < fine) fine = unit;
        j = k + 1;
        size_t nx = j;
        if (is_punct(c, nx, ',') || KW(c, nx) == K_AND) nx++;
        if (!p_count(c, nx, &n)) break;
        j = nx;
    }
    if (!unit) return 0;
    long sign;
    chr_day d = c->pub;
    if (KW(c, j) == K_AGO) { sign = -1; j++; }
    else if (KW(c, j) == K_FROM && (KW(c, j + 1) == K_NOW || KW(c, j + 1) == K_TODAY)) { sign = 1; j += 2; }
    else if (KW(c, j) == K_HENCE) { sign = 1; j++; }
    else if (KW(c, j) == K_BEFORE || KW(c, j) == K_AFTER || KW(c, j) == K_FROM) {
        /* "two weeks after January 15", "3 days before May 13 1999" */
        elem base;
        size_t e = parse_elem(c, j + 1, &base, 0);
        if (!e || (base.kind != EK_DATE && base.kind != EK_SPAN)) return 0;
        if (base.kind == EK_SPAN && (base.r.gran != CHR_GRAN_DAY || base.r.start != base.r.end))
            return 0;
        sign = KW(c, j) == K_BEFORE ? -1 : 1;
        if (resolve(c, &base, tense_mode(c, i, e)) != 0) return 0;
        d = base.r.start;
        j = e;
        if (d == CHR_DAY_NONE) {
            *el = base;
            el->e = j;
            return j;
        }
        for (int u = U_DECADE; u >= U_DAY; u--)
            if (amount[u]) d = shift_units(d, u, sign * amount[u]);
        el->kind = EK_SPAN;
        el->r.start = el->r.end = d;
        el->r.gran = (uint8_t)unit_gran(fine);
        el->r.flags = base.r.flags;
        el->e = j;
        return j;
    }
    else return 0;
    if (d != CHR_DAY_NONE)
        for (int u = U_DECADE; u >= U_DAY; u--)
            if (amount[u]) d = shift_units(d, u, sign * amount[u]);
    span_set(c, el, d, d, unit_gran(fine));
    el->e = j;
    return j;
}

/* yesterday, today, tomorrow, tonight, overnight, the day before yesterday ... */
static size_t p_relday(const dctx *c, size_t i, elem *el, int had_the)
{
    int kw = KW(c, i);
    int off;
    size_t j = i + 1;
    /* "USA Today", "the Today programme": a capital inside a sentence is a name */
    if ((kw == K_TODAY || kw == K_TONIGHT) && is_cap(c, i) &&
        (had_the || (i > c->sb && KW(c, i - 1) == K_THE) ||
        (i > c->sb && (is_word(c, i - 1) || is_type(c, i - 1, CHR_TOK_NUM)) &&
         (TK(c, i)->flags & CHR_TF_UPPER) == 0 && is_cap(c, i - 1))))
        return 0;
    switch (kw) {
    case K_YESTERDAY: off = -1; break;
    case K_TODAY: case K_TONIGHT: off = 0; break;
    case K_TOMORROW: off = 1; break;
    case K_OVERNIGHT:
        span_set(c, el, c->pub - 1, c->pub, CHR_GRAN_DAY);
        el->e = j;
        return j;
    default:
        if (CLS(c, i) == L_UNIT && VAL(c, i) == U_DAY && !(LFL(c, i) & LF_PLURAL)) {
            /* the day before yesterday / after tomorrow / before */
            int k2 = KW(c, i + 1);
            if (k2 != K_BEFORE && k2 != K_AFTER) return 0;
            int k3 = KW(c, i + 2);
            if (k2 == K_BEFORE && k3 == K_YESTERDAY) off = -2;
            else if (k2 == K_AFTER && k3 == K_TOMORROW) off = 2;
            else if (had_the && (i + 2 >= c->se || is_type(c, i + 2, CHR_TOK_PUNCT))) {
                off = k2 == K_BEFORE ? -1 : 1;
                span_set(c, el, c->pub + off, c->pub + off, CHR_GRAN_DAY);
                el->e = i + 2;
                return i + 2;
            } else return 0;
            j = i + 3;
            break;
        }
        return 0;
    }
    if (CLS(c, j) == L_PART && kw != K_TONIGHT) j++;
    span_set(c, el, c->pub + off, c->pub + off, CHR_GRAN_DAY);
    el->e = j;
    return j;
}

/* "of PERIOD" after "the first/last N units": the part of the period they
 * name ("the last three months of 2021", "the first two weeks of 2022").
 * dir is 1 for first, -1 for last. */
static size_t p_part_of(const dctx *c, size_t i, elem *el, int dir, int unit, int n)
{
    if (!dir || KW(c, i) != K_OF || unit == U_WEEKEND) return 0;
    elem p;
    size_t e = parse_elem(c, i + 1, &p, 0);
    if (!e || p.kind == EK_DATE || p.kind == EK_INVALID || p.kind == EK_DAYNUM) return 0;
    if (resolve(c, &p, MODE_DEFAULT) != 0) return 0;
    if (p.r.start == CHR_DAY_NONE || p.r.start == p.r.end) {
        if (p.r.start != CHR_DAY_NONE) return 0;
        *el = p;
        el->e = e;
        return e;
    }
    chr_day s, en;
    if (dir > 0) { s = p.r.start; en = shift_units(p.r.start, unit, n) - 1; }
    else { en = p.r.end; s = shift_units(p.r.end + 1, unit, -n); }
    if (s < p.r.start || en > p.r.end) return 0;
    el->kind = EK_SPAN;
    el->r.start = s;
    el->r.end = en;
    el->r.gran = (uint8_t)unit_gran(unit);
    el->r.flags = p.r.flags;
    el->e = e;
    return e;
}

/* A period relative to publication: last week, this month, next year, the
 * past week, the past two weeks, the next three days, last spring, last
 * March, next Tuesday, this weekend, last night, this morning. */
static size_t p_relperiod(const dctx *c, size_t i, elem *el, int had_the)
{
    if (CLS(c, i) != L_REL) return 0;
    int r = VAL(c, i);
    size_t j = i + 1;
    if (r == R_THIS && CLS(c, j) == L_REL &&
        (VAL(c, j) == R_PAST || VAL(c, j) == R_COMING || VAL(c, j) == R_UPCOMING)) {
        r = VAL(c, j);
        j++;
    }
    int cls = CLS(c, j);
    chr_day pub = c->pub;
    chr_day mon = c->nopub ? 0 : week_monday(pub);
    if (cls == L_WDAY) {
        int wr = r == R_FOLLOWING ? R_NEXT : r == R_PREV ? R_LAST : r;
        if (r == R_CURRENT) return 0;
        return p_weekday(c, j, el, wr);
    }
    if (cls == L_MONTH) {
        if (r != R_LAST && r != R_THIS && r != R_NEXT && r != R_PAST && r != R_COMING) return 0;
        if ((LFL(c, j) & LF_AMBIG) && !is_cap(c, j)) return 0;   /* "this may take" */
        el->kind = EK_MONTH;
        el->m = VAL(c, j);
        el->rel = r == R_PAST ? R_LAST : r == R_COMING ? R_NEXT : r;
        el->e = j + 1;
        return j + 1;
    }
    if (cls == L_SEASON) {
        el->kind = EK_SEASON;
        el->s = VAL(c, j);
        el->rel = r == R_PAST ? R_LAST : r;
        el->e = j + 1;
        return j + 1;
    }
    if (cls == L_PART) {
        /* last night, this morning, this evening */
        int part = VAL(c, j);
        if (r == R_LAST && part == 4) { span_set(c, el, pub - 1, pub - 1, CHR_GRAN_DAY); }
        else if (r == R_THIS) { span_set(c, el, pub, pub, CHR_GRAN_DAY); }
        else return 0;
        el->e = j + 1;
        return j + 1;
    }
    /* the past two weeks, the next three days, last 3 years */
    int n = 0;
    size_t k = p_count(c, j, &n);
    if (k && KW(c, j) != K_A && KW(c, j) != K_AN && CLS(c, k) == L_UNIT &&
        VAL(c, k) != U_WEEKEND && n > 0 && n <= 1000) {
        int unit = VAL(c, k);
        if (n == 1 && (LFL(c, k) & LF_PLURAL)) return 0;
        size_t po = p_part_of(c, k + 1, el, r == R_LAST ? -1 : 0, unit, n);
        if (po) return po;   /* the last three months of 2021 */
        if (unit == U_QUARTER && !c->nopub) {
            /* quarters are whole: the past two quarters are the two before this one */
            int q0 = (c->pm - 1) / 3 + c->py * 4;
            int qa, qb;
            if (r == R_LAST || r == R_PAST || r == R_PREV) { qa = q0 - n; qb = q0 - 1; }
            else if (r == R_NEXT || r == R_COMING || r == R_FOLLOWING || r == R_UPCOMING) { qa = q0 + 1; qb = q0 + n; }
            else return 0;
            chr_day s0, e0, s1, e1;
            quarter_bounds(qa / 4, qa % 4 + 1, &s0, &e0);
            quarter_bounds(qb / 4, qb % 4 + 1, &s1, &e1);
            span_set(c, el, s0, e1, CHR_GRAN_QUARTER);
            el->e = k + 1;
            return k + 1;
        }
        if (r == R_LAST || r == R_PAST || r == R_PREV) {
            span_set(c, el, shift_units(pub, unit, -n), pub - 1, unit_gran(unit));
        } else if (r == R_NEXT || r == R_COMING || r == R_FOLLOWING || r == R_UPCOMING) {
            span_set(c, el, pub + 1, shift_units(pub, unit, n), unit_gran(unit));
        } else {
            return 0;
        }
        if (c->nopub) span_set(c, el, 0, 0, unit_gran(unit));
        el->e = k + 1;
        return k + 1;
    }
    if (cls != L_UNIT || (LFL(c, j) & LF_PLURAL)) return 0;
    int unit = VAL(c, j);
    size_t e = j + 1;
    int back = r == R_LAST || r == R_PREV;
    int fwd = r == R_NEXT || r == R_COMING || r == R_FOLLOWING || r == R_UPCOMING;
    int cur = r == R_THIS || r == R_CURRENT;
    int y = c->py, m = c->pm;
    switch (unit) {
    case U_DAY:
        return 0;   /* "the last day", "the next day": not anchored to publication */
    case U_WEEK: {
        if (r == R_PAST) { span_set(c, el, pub - 7, pub - 1, CHR_GRAN_WEEK); break; }
        chr_day s = mon + (back ? -7 : fwd ? 7 : 0);
        if (!back && !fwd && !cur) return 0;
        /* "next week on Friday", "last week Sunday", "previous week - monday" */
        size_t w = e;
        if (KW(c, w) == K_ON || (is_dash(c, w))) w++;
        if (CLS(c, w) == L_WDAY) {
            chr_day d = s + VAL(c, w);
            span_set(c, el, d, d, CHR_GRAN_DAY);
            e = w + 1;
            break;
        }
        span_set(c, el, s, s + 6, CHR_GRAN_WEEK);
        break;
    }
    case U_WEEKEND: {
        chr_day s = mon + 5 + (back || r == R_PAST ? -7 : fwd ? 7 : 0);
        span_set(c, el, s, s + 1, CHR_GRAN_WEEK);
        break;
    }
    case U_FORTNIGHT:
        if (r != R_PAST && r != R_LAST) return 0;
        span_set(c, el, pub - 14, pub - 1, CHR_GRAN_WEEK);
        break;
    case U_MONTH: {
        if (r == R_PAST) { span_set(c, el, add_months(pub, -1), pub - 1, CHR_GRAN_MONTH); break; }
        if (!back && !fwd && !cur) return 0;
        m += back ? -1 : fwd ? 1 : 0;
        if (m < 1) { m = 12; y--; }
        if (m > 12) { m = 1; y++; }
        span_set(c, el, ymd(y, m, 1), month_last(y, m), CHR_GRAN_MONTH);
        break;
    }
    case U_QUARTER: {
        if (r == R_PAST) back = 1;
        if (!back && !fwd && !cur) return 0;
        int q = (m - 1) / 3 + 1 + (back ? -1 : fwd ? 1 : 0);
        if (q < 1) { q = 4; y--; }
        if (q > 4) { q = 1; y++; }
        chr_day s, en;
        quarter_bounds(y, q, &s, &en);
        span_set(c, el, s, en, CHR_GRAN_QUARTER);
        break;
    }
    case U_YEAR: {
        if (r == R_PAST) { span_set(c, el, add_months(pub, -12), pub - 1, CHR_GRAN_YEAR); break; }
        if (!back && !fwd && !cur) return 0;
        y += back ? -1 : fwd ? 1 : 0;
        /* "last year's third quarter" */
        if (is_word(c, e) && word_is(c, e, "'s")) {
            elem q;
            memset(&q, 0, sizeof q);
            size_t e2 = p_quarter(c, e + 1, &q, 0);
            if (e2 && q.y == 0 && q.kind == EK_QUARTER) {
                chr_day s, en;
                quarter_bounds(y, q.q, &s, &en);
                span_set(c, el, s, en, CHR_GRAN_QUARTER);
                el->e = e2;
                return e2;
            }
        }
        span_set(c, el, ymd(y, 1, 1), ymd(y, 12, 31), CHR_GRAN_YEAR);
        break;
    }
    case U_DECADE: {
        if (r == R_PAST) { span_set(c, el, add_months(pub, -120), pub - 1, CHR_GRAN_DECADE); break; }
        if (!back && !fwd && !cur) return 0;
        int d0 = (y / 10) * 10 + (back ? -10 : fwd ? 10 : 0);
        span_set(c, el, ymd(d0, 1, 1), ymd(d0 + 9, 12, 31), CHR_GRAN_DECADE);
        break;
    }
    default:
        return 0;
    }
    (void)had_the;
    if (c->nopub) {
        el->kind = EK_SPAN;
        el->r.start = el->r.end = CHR_DAY_NONE;
        el->r.flags = CHR_DF_RELATIVE | CHR_DF_UNRESOLVED;
    }
    el->e = e;
    return e;
}

/* A year alone: "in 2014", "2014's", "the 2014 annexation". */
static size_t p_year_alone(const dctx *c, size_t i, elem *el, int flags, int had_the)
{
    int y, nd;
    size_t e = p_year4(c, i, &y);
    if (!e && (y = num_at(c, i, &nd)) >= 1000 && y <= 2999 && nd == 4 && glued(c, i + 1)) {
        elem q;   /* 2016H2 */
        memset(&q, 0, sizeof q);
        size_t qe = p_quarter(c, i + 1, &q, 1);
        if (qe && q.kind == EK_QUARTER) {
            el->kind = EK_QUARTER;
            el->y = y;
            el->q = q.q;
            el->e = qe;
            return qe;
        }
    }
    if (!e) return 0;
    /* YEAR MONTH, YEAR Q1, YEAR-Q1, 2016H2 */
    size_t k = e;
    if (is_punct(c, k, ',')) k++;
    if (CLS(c, k) == L_MONTH && !(LFL(c, k) & LF_AMBIG && !is_cap(c, k))) {
        el->kind = EK_MONTH;
        el->y = y;
        el->m = VAL(c, k);
        el->e = k + 1;
        return k + 1;
    }
    k = e;
    if (is_dash(c, k) && glued(c, k)) k++;
    elem q;
    memset(&q, 0, sizeof q);
    size_t qe = (k == e || glued(c, k)) ? p_quarter(c, k, &q, 1) : 0;
    if (!qe && KW(c, e) == K_THE) qe = p_quarter(c, e + 1, &q, 1);
    if (qe && q.y == 0 && q.rel == 0) {
        el->kind = EK_QUARTER;
        el->y = y;
        el->q = q.q;
        el->e = qe;
        return qe;
    }
    if (glued(c, e) && is_word(c, e)) return 0;
    /* "32 - 2015", "2015 - 32": part of some other number */
    if (i > c->sb + 1 && (is_dash(c, i - 1) || is_punct(c, i - 1, '/')) &&
        is_type(c, i - 2, CHR_TOK_NUM) && !(flags & PE_RANGE_SIDE))
        return 0;
    if ((is_dash(c, e) || is_punct(c, e, '/')) && is_type(c, e + 1, CHR_TOK_NUM) &&
        p_year4(c, e + 1, &y) == 0)
        return 0;
    y = num_at(c, i, NULL);
    int strong = date_context_before(c, i) || had_the || (flags & PE_RANGE_SIDE);
    if (!strong && (y < 1900 || y > 2099)) return 0;
    /* a count, not a year: "2000 troops", "1500 people" */
    if (is_word(c, e) && !is_cap(c, e) && CLS(c, e) == L_NONE) {
        const chr_token *k2 = TK(c, e);
        size_t n = chr_tok_len(k2);
        const char *p = chr_tok_ptr(c->t, k2);
        if (!strong) {
            if (!(n == 2 && p[0] == '\'' )) {
                /* only function words may follow a bare year */
                static const char *const ok[] = {"or", "but", "was", "were", "is",
                    "saw", "when", "as", "had", "has", "marked", "after", "with", "s", NULL};
                int fine = 0;
                for (int w = 0; ok[w]; w++) if (word_is(c, e, ok[w])) fine = 1;
                if (!fine) return 0;
            }
        } else if (n > 3 && p[n - 1] == 's' && !word_is(c, e, "was") && !word_is(c, e, "has")) {
            return 0;
        }
    }
    if ((is_type(c, e, CHR_TOK_SYM) && c->t->norm[TK(c, e)->start] != '~') ||
        (i > c->sb && is_type(c, i - 1, CHR_TOK_SYM) && c->t->norm[TK(c, i - 1)->start] != '~'))
        return 0;   /* 2000%, $2000; but 2014~2018 */
    el->kind = EK_YEAR;
    el->y = y;
    el->e = e;
    return e;
}

/* early/mid/late X, the end of X, earlier this month, later this year. */
static size_t p_phase(const dctx *c, size_t i, elem *el, int flags)
{
    if (CLS(c, i) != L_PHASE) return 0;
    int ph = VAL(c, i);
    size_t j = i + 1;
    if (ph == PH_MIDDLE || ph == PH_BEGINNING || ph == PH_START || ph == PH_END) {
        if (KW(c, j) != K_OF) return 0;
        j++;
    } else {
        if (is_dash(c, j) && glued(c, j) && ph == PH_MID) j++;
        if (KW(c, j) == K_IN) j++;
    }
    if (ph == PH_EARLIER || ph == PH_LATER) {
        if (KW(c, j) == K_TODAY) {
            span_set(c, el, c->pub, c->pub, CHR_GRAN_DAY);
            el->e = j + 1;
            return j + 1;
        }
    }
    /* "the week/month/year" after a phase is the current one */
    if (KW(c, j) == K_THE && CLS(c, j + 1) == L_UNIT && !(LFL(c, j + 1) & LF_PLURAL)) {
        int unit = VAL(c, j + 1);
        elem t;
        memset(&t, 0, sizeof t);
        chr_day pub = c->pub, mon = c->nopub ? 0 : week_monday(pub);
        if (unit == U_WEEK) span_set(c, &t, mon, mon + 6, CHR_GRAN_WEEK);
        else if (unit == U_MONTH) span_set(c, &t, ymd(c->py, c->pm, 1), month_last(c->py, c->pm), CHR_GRAN_MONTH);
        else if (unit == U_YEAR) span_set(c, &t, ymd(c->py, 1, 1), ymd(c->py, 12, 31), CHR_GRAN_YEAR);
        else return 0;
        if (c->nopub) span_set(c, &t, 0, 0, t.r.gran);
        *el = t;
        el->phase = ph;
        el->e = j + 2;
        return j + 2;
    }
    if (ph == PH_EARLIER || ph == PH_LATER) {
        /* earlier this month, later this year: only relative periods */
        if (CLS(c, j) != L_REL) return 0;
        elem t;
        memset(&t, 0, sizeof t);
        t.wd = -1;
        size_t e = p_relperiod(c, j, &t, 0);
        if (!e || t.kind != EK_SPAN || t.r.gran == CHR_GRAN_DAY) return 0;
        *el = t;
        el->phase = ph;
        el->e = e;
        return e;
    }
    /* late on Wednesday, early Thursday: the day itself */
    size_t w = j;
    if (KW(c, w) == K_ON) w++;
    if (CLS(c, w) == L_WDAY && (ph == PH_EARLY || ph == PH_LATE)) {
        size_t e = p_weekday(c, w, el, 0);
        if (!e) return 0;
        return e;
    }
    if (KW(c, j) == K_ON) return 0;
    elem t;
    memset(&t, 0, sizeof t);
    t.wd = -1;
    size_t e = 0;
    if (CLS(c, j) == L_MONTH) {
        e = p_month_first(c, j, &t, PE_RANGE_SIDE);
        if (e && t.kind != EK_MONTH) e = 0;
    } else if (CLS(c, j) == L_REL) {
        e = p_relperiod(c, j, &t, 0);
        if (e && !(t.kind == EK_SPAN && t.r.gran != CHR_GRAN_DAY) &&
            t.kind != EK_MONTH && t.kind != EK_SEASON) e = 0;
    } else if (KW(c, j) == K_THE) {
        e = p_decade(c, j + 1, &t, 1);
    } else if (is_type(c, j, CHR_TOK_NUM)) {
        e = p_decade(c, j, &t, 0);
        if (!e) e = p_year_alone(c, j, &t, PE_RANGE_SIDE, 0);
        if (e && t.kind != EK_YEAR && t.kind != EK_DECADE) e = 0;
    } else if (CLS(c, j) == L_SEASON) {
        e = p_season(c, j, &t, 0, 1);
    }
    (void)flags;
    if (!e) return 0;
    *el = t;
    el->phase = ph;
    el->e = e;
    return e;
}

/* the week of March 7, the month of March, the year 2008, the weekend */
static size_t p_unit_of(const dctx *c, size_t i, elem *el, int had_the)
{
    int unit = VAL(c, i);
    if (LFL(c, i) & LF_PLURAL) return 0;
    size_t j = i + 1;
    if (unit == U_WEEK) {
        if (KW(c, j) == K_OF || word_is(c, j, "starting") || word_is(c, j, "commencing") ||
            word_is(c, j, "beginning")) {
            j++;
            if (KW(c, j) == K_ON) j++;
            elem d;
            size_t e = parse_elem(c, j, &d, 0);
            if (!e || d.kind != EK_DATE) return 0;
            if (resolve(c, &d, tense_mode(c, i, e)) != 0) return 0;
            if (d.r.start == CHR_DAY_NONE) { *el = d; el->r.gran = CHR_GRAN_WEEK; return e; }
            chr_day mon = week_monday(d.r.start);
            el->kind = EK_SPAN;
            el->r.start = mon;
            el->r.end = mon + 6;
            el->r.gran = CHR_GRAN_WEEK;
            el->r.flags = d.r.flags;
            return e;
        }
        return 0;
    }
    if (unit == U_MONTH && KW(c, j) == K_OF && CLS(c, j + 1) == L_MONTH) {
        size_t e = p_month_first(c, j + 1, el, PE_RANGE_SIDE);
        return e && el->kind == EK_MONTH ? e : 0;
    }
    if (unit == U_YEAR && had_the) {
        int y;
        size_t e = p_year4(c, j, &y);
        if (!e) return 0;
        el->kind = EK_YEAR;
        el->y = y;
        return e;
    }
    if (unit == U_WEEKEND && (had_the || (i > c->sb && (KW(c, i - 1) == K_ON || KW(c, i - 1) == K_OVER)))) {
        /* the weekend: the last one, or the coming one in a future clause
         * (on a Saturday or Sunday, the one under way) */
        if (c->nopub) { span_set(c, el, 0, 0, CHR_GRAN_WEEK); return j; }
        chr_day sat = week_monday(c->pub) + 5;
        if (c->pwd < 5 && !clause_future(c, i, j)) sat -= 7;
        span_set(c, el, sat, sat + 1, CHR_GRAN_WEEK);
        return j;
    }
    return 0;
}

/* One element at token i.  Fills *el (kind, parts, token range). */
static size_t parse_elem(const dctx *c, size_t i, elem *el, int flags)
{
    memset(el, 0, sizeof *el);
    el->wd = -1;
    el->b = i;
    if (i >= c->se) return 0;
    size_t j = i;
    int had_the = 0;
    if (KW(c, j) == K_THE) { had_the = 1; j++; }
    size_t e = 0;
    int cls = CLS(c, j);
    switch (cls) {
    case L_PHASE: e = p_phase(c, j, el, flags); break;
    case L_REL: e = p_relperiod(c, j, el, had_the); break;
    case L_WDAY: e = p_weekday(c, j, el, 0); break;
    case L_MONTH: e = p_month_first(c, j, el, flags); break;
    case L_SEASON: e = p_season(c, j, el, 0, had_the); break;
    case L_DECW: e = p_decade(c, j, el, had_the); break;
    case L_UNIT:
        e = p_relday(c, j, el, had_the);
        if (!e) e = p_unit_of(c, j, el, had_the);
        break;
    case L_KW:
        switch (VAL(c, j)) {
        case K_YESTERDAY: case K_TODAY: case K_TOMORROW: case K_TONIGHT: case K_OVERNIGHT:
            e = p_relday(c, j, el, had_the);
            if (e && (flags & PE_NOW) && VAL(c, j) == K_TODAY && e == j + 1) el->kind = EK_NOW;
            break;
        case K_NOW:
            if (flags & PE_NOW) { el->kind = EK_NOW; e = j + 1; }
            break;
        case K_A: case K_AN: case K_FEW: case K_COUPLE:
            e = p_ago(c, j, el);
            break;
        default:
            break;
        }
        break;
    case L_ORD:
        if (VAL(c, j) == 1) {
            int n;
            size_t k = p_count(c, j + 1, &n);
            if (k && CLS(c, k) == L_UNIT && n <= 1000)
                e = p_part_of(c, k + 1, el, 1, VAL(c, k), n);
            if (e) break;
        }
        e = p_quarter(c, j, el, 0);
        if (!e) e = p_day_first(c, j, el, flags, had_the);
        break;
    case L_CARD:
        e = p_ago(c, j, el);
        if (!e) e = p_decade(c, j, el, had_the);
        if (!e) e = p_day_first(c, j, el, flags, had_the);
        break;
    default:
        if (is_type(c, j, CHR_TOK_NUM)) {
            e = p_numeric(c, j, el);
            if (!e) e = p_decade(c, j, el, had_the);
            if (!e) e = p_ago(c, j, el);
            if (!e) e = p_day_first(c, j, el, flags, had_the);
            if (!e) e = p_year_alone(c, j, el, flags, had_the);
        } else if (is_punct(c, j, '\'')) {
            e = p_decade(c, j, el, had_the);
        } else if (is_word(c, j)) {
            e = p_quarter(c, j, el, 0);
            if (!e) e = p_glued_month(c, j, el);
        }
        break;
    }
    if (!e) return 0;
    /* "the March": the article is not part of a bare month */
    el->b = had_the && ((el->kind == EK_MONTH && !el->y && !el->phase) || el->kind == EK_YEAR ||
                        (el->kind == EK_SPAN && (el->r.flags & CHR_DF_RANGE))) ? j : i;
    el->e = e;
    return e;
}

/* ---- ranges ----------------------------------------------------------------- */

static int is_range_conn(const dctx *c, size_t k, int opener)
{
    if (is_dash(c, k)) return 1;
    if (is_type(c, k, CHR_TOK_SYM) && c->t->norm[TK(c, k)->start] == '~') return 1;
    int kw = KW(c, k);
    if (opener == K_BETWEEN) return kw == K_AND || kw == K_THROUGH || kw == K_TO || kw == K_THRU;
    return kw == K_TO || kw == K_UNTIL || kw == K_TILL || kw == K_THROUGH || kw == K_THRU;
}

/* A month given after a range of bare days: "4 to 22 this month", "3-8 March 2022". */
static size_t p_month_spec(const dctx *c, size_t i, int *y, int *m)
{
    size_t j = i;
    if (KW(c, j) == K_OF || KW(c, j) == K_IN) j++;
    if (CLS(c, j) == L_MONTH) {
        *m = VAL(c, j);
        size_t e = j + 1;
        if (is_punct(c, e, '.') && glued(c, e) && is_type(c, e + 1, CHR_TOK_NUM)) e++;
        size_t e2 = p_year_after(c, e, y);
        return e2 ? e2 : e;
    }
    return p_rel_month(c, i, y, m);
}

static int has_parts(const elem *el)
{
    return el->kind == EK_DATE || el->kind == EK_MONTH || el->kind == EK_DAYNUM ||
           el->kind == EK_YEAR || el->kind == EK_QUARTER || el->kind == EK_SEASON;
}

/* Combine two sides into one range; lends year and month from one side to
 * the other.  Returns 0, or -1 when they do not make a range. */
static int combine(const dctx *c, elem *L, elem *R, chr_daterange *out, int mode)
{
    if (L->kind == EK_INVALID || R->kind == EK_INVALID) return -1;
    if (L->kind == EK_DAYNUM && R->kind == EK_DAYNUM) return -1;
    if (R->kind == EK_DAYNUM) {
        if (L->kind != EK_DATE || R->d <= L->d) return -1;
        R->kind = EK_DATE;
        R->m = L->m;
        R->y = L->y;
    } else if (L->kind == EK_DAYNUM) {
        if (R->kind != EK_DATE || L->d >= R->d) return -1;
        L->kind = EK_DATE;
        L->m = R->m;
        L->y = R->y;
    }
    int lpart = has_parts(L) && L->kind != EK_YEAR, rpart = has_parts(R) && R->kind != EK_YEAR;
    if (lpart && !L->y && L->rel) L->y = infer_year(c, L, mode);
    if (rpart && !R->y && R->rel) R->y = infer_year(c, R, mode);
    if (has_parts(L) && has_parts(R)) {
        int lm = L->m, rm = R->m;
        if (!L->y && R->y && lpart) L->y = R->y - (rpart && lm > rm ? 1 : 0);
        if (!R->y && L->y && rpart) R->y = L->y + (lpart && rm < lm ? 1 : 0);
        if (!L->y && !R->y && lpart && rpart && !c->nopub) {
            /* the occurrence of the whole range nearest to publication */
            chr_day bs[4], be[4], x;
            for (int k = 0; k < 4; k++) {
                int y = c->py - 2 + k;
                bounds_in_year(L, y, &bs[k], &x);
                bounds_in_year(R, y + (rm < lm ? 1 : 0), &x, &be[k]);
                if (be[k] == CHR_DAY_NONE) bs[k] = CHR_DAY_NONE;
            }
            int pick = pick_nearest(c, bs, be, 4, mode);
            if (pick >= 0) {
                L->y = c->py - 2 + pick;
                R->y = L->y + (rm < lm ? 1 : 0);
            }
        }
    } else if (lpart && !L->y && !L->rel) {
        /* "between Jan 22 and now": the year of the other end */
        if (resolve(c, R, mode) != 0) return -1;
        if (R->r.end != CHR_DAY_NONE) {
            int y, m, d;
            chr_day_to_ymd(R->r.end, &y, &m, &d);
            chr_day b, e;
            bounds_in_year(L, y, &b, &e);
            L->y = b != CHR_DAY_NONE && b > R->r.end ? y - 1 : y;
        }
    } else if (rpart && !R->y && !R->rel) {
        /* "between now and November 15th", "today to October 22" */
        if (resolve(c, L, mode) != 0) return -1;
        if (L->r.start != CHR_DAY_NONE) {
            int y, m, d;
            chr_day_to_ymd(L->r.start, &y, &m, &d);
            chr_day b, e;
            bounds_in_year(R, y, &b, &e);
            R->y = e != CHR_DAY_NONE && e < L->r.start ? y + 1 : y;
        }
    }
    if (resolve(c, L, mode) != 0) return -1;
    /* a weekday range: Friday through Sunday */
    if (R->kind == EK_SPAN && L->r.start != CHR_DAY_NONE && R->r.start != CHR_DAY_NONE &&
        R->r.gran == CHR_GRAN_DAY && L->r.gran == CHR_GRAN_DAY && R->r.start < L->r.start &&
        L->r.start - R->r.start < 7 && CLS(c, R->b) == L_WDAY) {
        R->r.start += 7;
        R->r.end += 7;
    }
    if (resolve(c, R, mode) != 0) return -1;
    out->gran = L->r.gran;
    out->flags = (uint8_t)(CHR_DF_RANGE | ((L->r.flags | R->r.flags) & (CHR_DF_RELATIVE | CHR_DF_UNRESOLVED)));
    if (L->r.start == CHR_DAY_NONE || R->r.end == CHR_DAY_NONE) {
        out->flags |= CHR_DF_UNRESOLVED;
        out->start = out->end = CHR_DAY_NONE;
        return 0;
    }
    if (R->r.end < L->r.start) return -1;
    out->start = L->r.start;
    out->end = R->r.end;
    return 0;
}

/* Can L and R be the two ends of one range?  With "between" or "from"
 * before them, or a dash between them, most pairs can; with a bare "to"
 * only sides of one kind ("March 3 to 8", "2014 to 2016"), with "through",
 * "until" or "till" any two dates or periods. */
static int range_pair_ok(const dctx *c, const elem *L, const elem *R, int opener, int conn)
{
    int lk = L->kind, rk = R->kind;
    if (lk == EK_INVALID || rk == EK_INVALID || lk == EK_NONE || rk == EK_NONE) return 0;
    int lday = lk == EK_DATE || lk == EK_DAYNUM || lk == EK_NOW || lk == EK_WDAYNUM ||
               (lk == EK_SPAN && L->r.gran == CHR_GRAN_DAY && !(L->r.flags & CHR_DF_RANGE) &&
                L->r.start == L->r.end);
    int rday = rk == EK_DATE || rk == EK_DAYNUM || rk == EK_NOW || rk == EK_WDAYNUM ||
               (rk == EK_SPAN && R->r.gran == CHR_GRAN_DAY && !(R->r.flags & CHR_DF_RANGE) &&
                R->r.start == R->r.end);
    int lper = lk == EK_MONTH || lk == EK_YEAR || lk == EK_QUARTER || lk == EK_SEASON ||
               lk == EK_DECADE;
    int rper = rk == EK_MONTH || rk == EK_YEAR || rk == EK_QUARTER || rk == EK_SEASON ||
               rk == EK_DECADE;
    (void)c;
    if (lk == EK_DAYNUM && rk == EK_DAYNUM) return 1;   /* needs a month after: checked later */
    if (lk == EK_DAYNUM && rk != EK_DATE) return 0;
    if (rk == EK_DAYNUM && lk != EK_DATE) return 0;
    if (!(lday || lper) || !(rday || rper)) return 0;
    if (opener || conn == '-' || (lday && rday)) return 1;
    if (conn == 't') return lk == rk;   /* a bare "to" */
    return 1;
}

/* ---- emitting ---------------------------------------------------------------- */

static int emit(const dctx *c, chr_arena *a, chr_mentions *out, size_t b, size_t e,
                const chr_daterange *r)
{
    chr_mention m;
    memset(&m, 0, sizeof m);
    m.kind = CHR_M_DATE;
    m.start = c->t->toks[b].start;
    m.end = c->t->toks[e - 1].end;
    m.tok_begin = (uint32_t)b;
    m.tok_end = (uint32_t)e;
    m.u.date = *r;
    /* Only days of the ISO calendar (years 1 to 9999) in order: "since
     * July" in a March article, or "next Monday" on 9999-12-31, name no
     * day Chronicle can write, and are no mention. */
    if (r->start != CHR_DAY_NONE || r->end != CHR_DAY_NONE) {
        static const chr_day lo = -719162, hi = 2932896;   /* 0001-01-01, 9999-12-31 */
        if ((r->start != CHR_DAY_NONE && (r->start < lo || r->start > hi)) ||
            (r->end != CHR_DAY_NONE && (r->end < lo || r->end > hi)) ||
            (r->start != CHR_DAY_NONE && r->end != CHR_DAY_NONE && r->start > r->end))
            return 0;
    }
    return chr_mentions_push(out, a, &m) ? 0 : -1;
}

/* Try a date expression at token i.  Returns its end token (> i) with *r
 * and *b filled and *ok set when there is something to emit, or i when
 * nothing starts here.  (The scan calls it only where lex_can_start() or
 * the token's type allows: a new keyword branch here belongs there too.) */
static size_t try_at(const dctx *c, size_t i, chr_daterange *r, size_t *b, int *ok)
{
    *ok = 0;
    *b = i;
    int kw = KW(c, i);
    elem L, R;
    chr_day pub = c->nopub ? CHR_DAY_NONE : c->pub;

    /* since X, during ANCHOR */
    if (kw == K_SINCE || kw == K_DURING) {
        chr_day day;
        size_t n = chr_anchors_match(c->t, i + 1, c->se, &day);
        if (n) {
            r->start = day;
            r->end = pub;
            r->gran = CHR_GRAN_DAY;
            r->flags = CHR_DF_SINCE;
            if (pub == CHR_DAY_NONE) r->flags |= CHR_DF_UNRESOLVED;
            *ok = 1;
            return i + 1 + n;
        }
        if (kw == K_DURING) return i;
        size_t e = parse_elem(c, i + 1, &L, 0);
        if (!e || L.kind == EK_DAYNUM || L.kind == EK_NOW) return i;
        if (L.kind == EK_INVALID) return e;
        if (resolve(c, &L, MODE_PAST) != 0) return e;
        r->start = L.r.start;
        r->end = pub;
        r->gran = L.r.gran;
        r->flags = (uint8_t)(CHR_DF_SINCE | (L.r.flags & CHR_DF_RELATIVE));
        if (L.r.start == CHR_DAY_NONE || pub == CHR_DAY_NONE) {
            r->flags |= CHR_DF_UNRESOLVED;
            if (L.r.start == CHR_DAY_NONE) r->end = CHR_DAY_NONE;
        }
        *ok = 1;
        return e;
    }
    /* as of now / today, so far, to date, thus far, until now */
    if ((kw == K_AS && KW(c, i + 1) == K_OF && (KW(c, i + 2) == K_NOW || KW(c, i + 2) == K_TODAY)) ||
        (kw == K_SO && KW(c, i + 1) == K_FAR && !(KW(c, i + 2) == K_AS)) ||
        (kw == K_THUS && KW(c, i + 1) == K_FAR) ||
        (kw == K_TO && KW(c, i + 1) == K_DATE && !(i > c->sb && KW(c, i - 1) == K_UP) &&
         !is_type(c, i + 2, CHR_TOK_NUM)) ||
        ((kw == K_UNTIL || kw == K_TILL) && KW(c, i + 1) == K_NOW) ||
        (kw == K_UP && KW(c, i + 1) == K_TO && KW(c, i + 2) == K_NOW)) {
        size_t e = i + (kw == K_AS || kw == K_UP ? 3 : 2);
        elem t;
        span_set(c, &t, pub, pub, CHR_GRAN_DAY);
        *r = t.r;
        *ok = 1;
        return e;
    }
    if (kw == K_AS && KW(c, i + 1) == K_OF) {
        size_t e = parse_elem(c, i + 2, &L, 0);
        if (e && L.kind != EK_INVALID && resolve(c, &L, MODE_PAST) == 0) {
            *r = L.r;
            *ok = 1;
            return e;
        }
        return i;
    }
    /* in two weeks (a future clause only: "in two years of war" is a duration) */
    if (kw == K_IN) {
        int n;
        size_t k = p_count(c, i + 1, &n);
        if (k && CLS(c, k) == L_UNIT && VAL(c, k) != U_WEEKEND && n <= 1000 &&
            !(KW(c, k + 1) == K_FROM || KW(c, k + 1) == K_AGO)) {
            int unit = VAL(c, k);
            size_t e = k + 1;
            if (word_is(c, e, "'") || (is_punct(c, e, '\'') && glued(c, e))) {
                e++;
                if (KW(c, e) == K_TIME) e++;
            } else if (word_is(c, e, "'s") && KW(c, e + 1) == K_TIME) {
                e += 2;
            }
            /* "killed 100 in ten days", "in two years of war": durations */
            if (clause_tense(c, i, e) == TENSE_PAST || KW(c, e) == K_OF || word_is(c, e, "than"))
                return i;
            elem t;
            chr_day d = pub == CHR_DAY_NONE ? 0 : shift_units(pub, unit, n);
            span_set(c, &t, d, d, unit_gran(unit));
            *r = t.r;
            *ok = 1;
            return e;
        }
        return i;
    }
    /* between X and Y, from X to Y */
    int opener = 0;
    size_t j = i;
    if (kw == K_BETWEEN || kw == K_FROM) { opener = kw; j = i + 1; }
    size_t e = parse_elem(c, j, &L, PE_DAYNUM | (opener ? PE_NOW : 0));
    if (!e && CLS(c, j) == L_MONTH && is_range_conn(c, j + 1, opener) &&
        (CLS(c, j + 2) == L_MONTH || (glued(c, j + 1) && glued(c, j + 2))))
        e = parse_elem(c, j, &L, PE_DAYNUM | PE_RANGE_SIDE);   /* "Jan-Feb 2017" */
    if (!e) return i;
    if (L.kind == EK_INVALID) return e;
    if (opener && L.kind == EK_SPAN && (L.r.flags & CHR_DF_RANGE)) {
        *r = L.r;   /* "between 2014-2018" */
        *ok = 1;
        return e;
    }
    size_t k = e;
    if (is_range_conn(c, k, opener)) {
        size_t e2 = parse_elem(c, k + 1, &R, PE_DAYNUM | PE_RANGE_SIDE | PE_NOW);
        if (!e2 && KW(c, k) == K_TO && KW(c, k + 1) == K_DATE) {
            memset(&R, 0, sizeof R);   /* "from March to date" */
            R.kind = EK_NOW;
            R.b = k + 1;
            e2 = R.e = k + 2;
        }
        int conn = is_dash(c, k) || is_punct(c, k, '~') || is_type(c, k, CHR_TOK_SYM) ? '-' :
                   KW(c, k) == K_TO ? 't' : 'w';
        if (e2 && range_pair_ok(c, &L, &R, opener, conn)) {
            int ok_side = 1;
            if (L.kind == EK_DAYNUM && R.kind == EK_DAYNUM) {
                /* "3-8 March", "from 4 to 22 this month" */
                int y = 0, m = 0;
                size_t e3 = p_month_spec(c, e2, &y, &m);
                if (e3 && !m && L.d < R.d) {
                    /* "from 4 to 22 this month" without a publication day */
                    r->start = r->end = CHR_DAY_NONE;
                    r->gran = CHR_GRAN_DAY;
                    r->flags = CHR_DF_RANGE | CHR_DF_RELATIVE | CHR_DF_UNRESOLVED;
                    *ok = 1;
                    return e3;
                }
                if (!e3 || ymd(y ? y : 2000, m, L.d) == CHR_DAY_NONE ||
                    ymd(y ? y : 2000, m, R.d) == CHR_DAY_NONE)
                    ok_side = 0;
                else {
                    L.kind = R.kind = EK_DATE;
                    L.m = R.m = m;
                    L.y = R.y = y;
                    e2 = e3;
                }
            }
            if (ok_side) {
                int mode = MODE_DEFAULT;
                if ((L.kind == EK_DATE || L.kind == EK_MONTH || L.kind == EK_DAYNUM) && !L.y)
                    mode = tense_mode(c, i, e2);
                if (combine(c, &L, &R, r, mode) == 0) {
                    *ok = 1;
                    *b = i;
                    return e2;
                }
                /* combine may have lent parts: read the left side again */
                e = parse_elem(c, j, &L, PE_DAYNUM | (opener ? PE_NOW : 0));
            }
        }
    }
    /* "next week between Wednesday and Friday": weekdays of that week */
    if (L.kind == EK_SPAN && L.r.gran == CHR_GRAN_WEEK &&
        (L.r.start == CHR_DAY_NONE || L.r.end - L.r.start == 6) &&
        (KW(c, e) == K_BETWEEN || KW(c, e) == K_FROM) && CLS(c, e + 1) == L_WDAY &&
        is_range_conn(c, e + 2, KW(c, e)) && CLS(c, e + 3) == L_WDAY) {
        int w1 = VAL(c, e + 1), w2 = VAL(c, e + 3);
        if (w1 < w2) {
            int none = L.r.start == CHR_DAY_NONE;
            r->start = none ? CHR_DAY_NONE : L.r.start + w1;
            r->end = none ? CHR_DAY_NONE : L.r.start + w2;
            r->gran = CHR_GRAN_DAY;
            r->flags = (uint8_t)(L.r.flags | CHR_DF_RANGE);
            *b = L.b;
            *ok = 1;
            return e + 4;
        }
    }
    /* an element alone: "from" and "between" are not part of it */
    if (L.kind == EK_DAYNUM || L.kind == EK_NOW) return i;
    int mode = MODE_DEFAULT;
    if ((L.kind == EK_DATE || L.kind == EK_MONTH || L.kind == EK_SEASON || L.kind == EK_QUARTER) && !L.y)
        mode = tense_mode(c, L.b, e);
    if (resolve(c, &L, mode) != 0) return e;
    *r = L.r;
    *b = L.b;
    *ok = 1;
    return e;
}

/* ---- the analyzer ------------------------------------------------------------ */

int chr_dates_find(const chr_text *t, chr_day pub, chr_arena *a, chr_mentions *out)
{
    return chr_dates_find_in(t, pub, NULL, a, out);
}

int chr_dates_find_in(const chr_text *t, chr_day pub, const uint8_t *only, chr_arena *a,
                      chr_mentions *out)
{
    if (t->ntoks == 0) return 0;
    pthread_once(&lex_once, lex_build);
    /* Words are looked up when first asked for: most are never. */
    uint16_t *lx = chr_arena_alloc(a, t->ntoks * sizeof *lx);
    if (!lx) return -1;
    memset(lx, 0xFF, t->ntoks * sizeof *lx);    /* LX_UNSEEN */
    dctx c;
    memset(&c, 0, sizeof c);
    c.t = t;
    c.lx = lx;
    c.pub = pub == CHR_DAY_NONE ? 0 : pub;
    c.nopub = pub == CHR_DAY_NONE;
    if (pub != CHR_DAY_NONE) {
        chr_day_to_ymd(pub, &c.py, &c.pm, &c.pd);
        c.pwd = chr_day_weekday(pub);
    }
    size_t nsent = t->nsents;
    for (size_t s = 0; s < (nsent ? nsent : 1); s++) {
        if (only && nsent && !only[s]) continue;
        c.sb = nsent ? t->sents[s].tok_begin : 0;
        c.se = nsent ? t->sents[s].tok_end : t->ntoks;
        for (size_t i = c.sb; i < c.se;) {
            /* A date begins at a number, an apostrophe ('90s), a word with
             * digits (Q1, 3rd) or a calendar word that can start one. */
            const chr_token *k = &t->toks[i];
            unsigned type = k->type, digits = (k->flags & CHR_TF_HAS_DIGIT) != 0;
            /* Most tokens are none of these: the test is one expression,
             * so that the scan takes one well-predicted branch per token;
             * a calendar word is looked up only when the filter lets it. */
            unsigned maybe = 1;
            if (t->hash) {
                size_t bit = START_BIT(t->hash[i]);
                maybe = (unsigned)(start_filter[bit >> 6] >> (bit & 63)) & 1;
            }
            unsigned cand = (type == CHR_TOK_NUM) | ((type == CHR_TOK_WORD) & (digits | maybe)) |
                            ((type == CHR_TOK_PUNCT) & (t->norm[k->start] == '\''));
            if (!cand) {
                i++;
                continue;
            }
            if (type == CHR_TOK_WORD && !digits) {
                const lexent *e = LX(&c, i);
                if (!e || !lex_starts[e - lexicon]) {
                    i++;
                    continue;
                }
            }
            chr_daterange r;
            size_t b;
            int ok;
            size_t e = try_at(&c, i, &r, &b, &ok);
            if (e <= i) { i++; continue; }
            if (ok && emit(&c, a, out, b, e, &r) != 0) return -1;
            i = e;
        }
    }
    return 0;
}
