/*
 * numbers.c - counts and amounts of money: "over 200", "hundreds of",
 * "between 3,000 and 4,000", "half a million", "some €500 million", "£1.3bn".
 *
 * The analyzer walks the tokens once.  At a token that can begin a number
 * (digits, a number word, "a" before a scale, a vague plural) it parses the
 * number phrase, then decides whether it is a count at all: years, dates,
 * times, percentages, phone numbers, model names (T-72, Leopard 2), labels
 * (Article 5), list markers, ordinals, fractions, compound adjectives
 * ("a 45-year-old", "a 155mm shell") and the pronoun "one" are not.  A count
 * then grows outwards: a second number makes a range ("3 to 5 million"), a
 * currency before or after makes it money, and qualifier words before or
 * after ("more than", "or more") set its qualifier and join its span.
 *
 * Values are doubles, exact for integers up to 2^53; "1.3bn" is computed as
 * 13 * 1e9 / 10 so that it too is exact.  A number too large for a double
 * (hundreds of digits) is not reported.
 */
#include "analyze.h"
#include "numwords.h"

#include <math.h>
#include <pthread.h>
#include <string.h>

/* ---- the document being read ------------------------------------------ */

typedef struct nctx {
    nw_doc d;
    const chr_text *t;
    const chr_token *k;
    size_t n;
    unsigned opts;
    chr_arena *a;
    chr_mentions *out;
    size_t lo;          /* tokens before lo belong to what was already read */
    int err;
} nctx;

static const nw_word *lx(const nctx *c, size_t i)
{
    return i < c->n ? chr_numwords_at(&c->d, i) : NULL;
}

static int lcls(const nctx *c, size_t i)
{
    const nw_word *w = lx(c, i);
    return w ? w->cls : NW_NONE;
}

static unsigned lflags(const nctx *c, size_t i)
{
    const nw_word *w = lx(c, i);
    return w ? w->flags : 0;
}

static int ttype(const nctx *c, size_t i)
{
    return i < c->n ? c->k[i].type : 0;
}

/* token i has no space before it (it touches token i-1) */
static int glued(const nctx *c, size_t i)
{
    return i > 0 && i < c->n && !(c->k[i].flags & CHR_TF_SPACE_BEFORE);
}

static int is_ch(const nctx *c, size_t i, char ch)
{
    if (i >= c->n) return 0;
    const chr_token *k = &c->k[i];
    return (k->type == CHR_TOK_PUNCT || k->type == CHR_TOK_SYM) &&
           k->end - k->start == 1 && c->t->norm[k->start] == ch;
}

static int is_w(const nctx *c, size_t i, const char *w)
{
    return i < c->n && c->k[i].type == CHR_TOK_WORD && chr_tok_is(c->t, &c->k[i], w);
}

static int is_num(const nctx *c, size_t i) { return ttype(c, i) == CHR_TOK_NUM; }

/* token i is exactly the (UTF-8) symbol s */
static int is_sym(const nctx *c, size_t i, const char *s)
{
    if (i >= c->n) return 0;
    const chr_token *k = &c->k[i];
    size_t n = strlen(s);
    return k->end - k->start == n && memcmp(c->t->norm + k->start, s, n) == 0;
}

/* ---- digits ----------------------------------------------------------- */

enum { LIT_INT, LIT_DEC, LIT_LIST, LIT_BAD };

typedef struct numlit {
    double value;
    uint64_t mant;      /* every digit, when exact */
    int frac;           /* digits after the point */
    int exact;          /* mant is the number times 10^frac, below 2^53 */
    int kind;
    int ndig;           /* digits before the point */
    int sep;            /* it has thousands separators */
} numlit;

static const double pow10_exact[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

static double pow10i(int e)
{
    return e >= 0 && e <= 22 ? pow10_exact[e] : pow(10.0, e);
}

/* Read a NUM token: "1,234.56", "4.800", "12,34,567" (Indian grouping).
 * Irregular comma groups ("22,24,26") are a LIST of numbers; several
 * points ("192.168.1.2") or a comma after the point are BAD. */
static void parse_lit(const char *p, size_t n, numlit *o)
{
    memset(o, 0, sizeof *o);
    size_t dot = n;
    int dots = 0, commas = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '.') { dots++; if (dot == n) dot = i; }
        else if (p[i] == ',') { commas++; if (dot != n) { o->kind = LIT_BAD; return; } }
    }
    if (dots > 1) { o->kind = LIT_BAD; return; }
    if (commas) {
        /* group lengths of the integer part */
        int first = -1, last = 0, nmid2 = 0, nmid3 = 0, groups = 0, len = 0;
        int bad3 = 0;
        for (size_t i = 0; i <= dot; i++) {
            if (i == dot || p[i] == ',') {
                if (first < 0) first = len;
                else {
                    if (len == 2) nmid2++;
                    else if (len == 3) nmid3++;
                    else bad3 = 1;
                    last = len;
                }
                groups++;
                len = 0;
            } else {
                len++;
            }
        }
        int thousands = first >= 1 && first <= 3 && !bad3 && nmid2 == 0;
        /* 12,34,567: groups of two, then the last three */
        int indian = first >= 1 && first <= 2 && !bad3 && last == 3 && nmid2 >= 1 &&
                     nmid3 == 1;
        (void)groups;
        if (!thousands && !indian) { o->kind = dots ? LIT_BAD : LIT_LIST; return; }
        o->sep = 1;
    }
    int total = 0;
    uint64_t mant = 0;
    double v = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = p[i];
        if (ch < '0' || ch > '9') continue;
        int dg = ch - '0';
        if (total < 19) mant = mant * 10 + (uint64_t)dg;
        total++;
        v = v * 10 + dg;
        if (i > dot) o->frac++;
        else o->ndig++;
    }
    o->kind = dots ? LIT_DEC : LIT_INT;
    o->mant = mant;
    o->exact = total <= 19 && mant <= ((uint64_t)1 << 53);
    if (o->exact) o->value = (double)mant / pow10i(o->frac);
    else o->value = v / pow10i(o->frac);
}

static void tok_lit(const nctx *c, size_t i, numlit *o)
{
    const chr_token *k = &c->k[i];
    parse_lit(c->t->norm + k->start, k->end - k->start, o);
}

/* value * scale, exactly when the digits allow: 1.3 * 1e9 = 13e9 / 10 */
static double lit_scaled(const numlit *l, double scale)
{
    if (l->exact && scale >= 1) {
        double m = (double)l->mant * scale;
        if (m <= 9007199254740992.0 && m == floor(m)) return m / pow10i(l->frac);
    }
    return l->value * scale;
}

/* ---- number phrases ----------------------------------------------------- */

enum {
    NP_DIGITS   = 1 << 0,   /* written with digits */
    NP_WORDS    = 1 << 1,   /* written with number words */
    NP_VAGUE    = 1 << 2,   /* hundreds, thousands of: a lower bound */
    NP_NOTCOUNT = 1 << 3,   /* recognised, but not a count: skip its tokens */
    NP_AMBIG_M  = 1 << 4,   /* 350m: millions with money, metres without */
    NP_PLAIN    = 1 << 5,   /* one NUM token: an integer without separators */
    NP_LIST     = 1 << 6,   /* 22,24,26: several numbers in one token */
    NP_APPROX   = 1 << 7,   /* a couple of hundred */
    NP_SCALED   = 1 << 8,   /* a scale word or abbreviation was applied */
    NP_FRAC     = 1 << 9    /* a fraction of a scale: half a million */
};

typedef struct nphrase {
    size_t b, e;        /* the tokens of the number */
    double value;
    double scale;       /* the scale that multiplied the last part, 1 if none */
    unsigned f;
} nphrase;

enum {
    ST_NONE, ST_ZERO, ST_UNIT, ST_TEEN, ST_TENS, ST_HUNDRED, ST_SCALE,
    ST_DIGITS, ST_DOZEN, ST_FRAC, ST_END
};

typedef struct card {
    double total, cur;
    double maxsc;       /* largest scale applied */
    double lastmult;    /* the last multiplier (hundred, thousand...) */
    double first;       /* value of the leading part, before any scale */
    size_t first_e;     /* where that part ends */
    int st;
    int last_st;        /* the state before ST_END, when a join ended it */
    int words, digits;
    unsigned f;
    numlit lit;         /* the leading digits, when written with digits */
    size_t e;
} card;

static int is_cardinal_word(int cls)
{
    return cls == NW_UNIT || cls == NW_TEEN || cls == NW_TENS;
}

/* A fraction "[a|one|two..] half|quarter|third(s)" at token i: fills the
 * fraction and returns the token after it, or i when there is none. */
static size_t fraction_at(const nctx *c, size_t i, double *frac)
{
    double num = 1;
    size_t j = i;
    int cl = lcls(c, j);
    if (cl == NW_ARTICLE) {
        j++;
    } else if (cl == NW_UNIT || cl == NW_TEEN) {
        num = lx(c, j)->value;
        if (num == 0) return i;
        j++;
        if (is_ch(c, j, '-') && glued(c, j) && glued(c, j + 1)) j++;
    }
    int dc = lcls(c, j);
    const nw_word *w = lx(c, j);
    if (dc == NW_DENOM) {
        *frac = num * w->value;
        return j + 1;
    }
    if (dc == NW_ORD && w->scale >= 3) {
        *frac = num / w->scale;
        return j + 1;
    }
    return i;
}

/* "point seven five": the decimals after a number in words. */
static size_t point_at(const nctx *c, size_t j, double *dec)
{
    if (!is_w(c, j, "point")) return j;
    size_t m = j + 1;
    int cl = lcls(c, m);
    if (cl == NW_TENS || cl == NW_TEEN) {
        /* "point seventy-one" is .71, "point eleven" .11 */
        double v = lx(c, m)->value;
        m++;
        if (cl == NW_TENS && is_ch(c, m, '-') && lcls(c, m + 1) == NW_UNIT) {
            v += lx(c, m + 1)->value;
            m += 2;
        } else if (cl == NW_TENS && lcls(c, m) == NW_UNIT && lx(c, m)->value > 0) {
            v += lx(c, m)->value;
            m++;
        }
        *dec = v / 100;
        return m;
    }
    double v = 0, div = 1;
    while (lcls(c, m) == NW_UNIT && div < 1e15) {
        v = v * 10 + lx(c, m)->value;
        div *= 10;
        m++;
    }
    if (div == 1) return j;
    *dec = v / div;
    return m;
}

/* Can an abbreviated scale at token j follow the digits just before it? */
static int abbr_ok(const nctx *c, size_t j, unsigned *ambig)
{
    const chr_token *k = &c->k[j];
    const nw_word *w = lx(c, j);
    const char *s = c->t->norm + k->start;
    size_t len = k->end - k->start;
    int g = glued(c, j);
    /* a spaced one-letter abbreviation only at the end of the phrase:
       "2.33 k", not "10 k race" */
    int next_word = ttype(c, j + 1) == CHR_TOK_WORD;
    *ambig = 0;
    if (w->flags & NWF_SPACED) return 1;
    if (len == 1) {
        if (s[0] == 'm') {
            if (!g) return 0;
            *ambig = 1;       /* 350m: millions or metres */
            return 1;
        }
        if (s[0] == 'M' || s[0] == 'K' || s[0] == 'B' || s[0] == 'k')
            return g || !next_word;
        return g;             /* 1.2b */
    }
    if (len == 2) return g && s[0] == 'M' && s[1] == 'M';   /* 1MM; 155mm is a calibre */
    return g;                 /* 2mil */
}

static size_t cardinal(const nctx *c, size_t i, card *r, int depth);

/* After "hundred and" or "thousand and": join what follows when it is the
 * smaller part of the same number ("one hundred and six", "two thousand and
 * two hundred"), not a second number ("between one hundred and two hundred").
 * Returns the token to continue at, or 0 when "and" ends the number. */
static size_t join_and(const nctx *c, size_t j, card *r)
{
    size_t s = j + 1;
    double frac;
    /* "one million and a half", "one billion and three quarters million" */
    size_t fe = fraction_at(c, s, &frac);
    if (fe > s) {
        int scl = lcls(c, fe);
        if ((scl == NW_SCALE) && lx(c, fe)->scale < r->maxsc) {
            r->total += frac * lx(c, fe)->scale;
            fe++;
        } else if (r->st == ST_SCALE && r->lastmult >= 1000) {
            r->total += frac * r->lastmult;
        } else {
            r->cur += frac;
        }
        r->st = ST_END;
        r->f |= NP_FRAC;
        return fe;
    }
    int cl = lcls(c, s);
    if (!is_cardinal_word(cl) && !is_num(c, s)) return 0;
    card sub;
    size_t se = cardinal(c, s, &sub, 1);
    if (se == s) return 0;
    double whole = sub.total + sub.cur;
    if (whole <= 0) return 0;                         /* "and 0" */
    if (r->st == ST_HUNDRED) {
        /* "two hundred and two thousand": the leading part joins, the
           scale that follows multiplies both */
        if (sub.first <= 0 || sub.first >= 100) return 0;
        r->cur += sub.first;
        r->words += sub.words;
        r->digits += sub.digits;
        r->st = ST_UNIT;
        return sub.first_e;
    }
    /* after a scale: the whole of what follows must be smaller */
    if (whole >= r->lastmult || sub.maxsc >= r->lastmult) return 0;
    r->total += whole;
    r->words += sub.words;
    r->digits += sub.digits;
    r->last_st = sub.st == ST_END ? sub.last_st : sub.st;
    r->st = ST_END;
    return se;
}

/* Parse a cardinal from token i: words ("twenty-one trillion and three
 * hundred"), digits with scale words ("1.5 million", "322 hundred", "3
 * dozens") and abbreviations ("2.3bn").  Returns the token after it (i when
 * nothing was read). */
static size_t cardinal(const nctx *c, size_t i, card *r, int depth)
{
    memset(r, 0, sizeof *r);
    r->lastmult = 1e300;
    r->first_e = i;
    size_t j = i;
    int led_by_lit = 0;
    while (j < c->n && r->st != ST_END) {
        const chr_token *k = &c->k[j];
        if (k->type == CHR_TOK_NUM) {
            numlit l;
            tok_lit(c, j, &l);
            if (l.kind != LIT_INT && l.kind != LIT_DEC) break;
            if (r->st == ST_NONE) {
                r->lit = l;
                led_by_lit = 1;
                r->cur = l.value;
                r->st = ST_DIGITS;
                r->digits++;
                j++;
                continue;
            }
            /* "4 thousand 3 hundred and 21": digits after a scale */
            if (r->st == ST_SCALE && l.kind == LIT_INT && !l.sep &&
                l.value > 0 && l.value < r->lastmult && r->digits > 0) {
                r->cur += l.value;
                r->st = ST_DIGITS;
                r->digits++;
                j++;
                continue;
            }
            break;
        }
        const nw_word *w = lx(c, j);
        if (!w) {
            if (is_ch(c, j, '-') && glued(c, j) && glued(c, j + 1)) {
                int nc = lcls(c, j + 1);
                /* twenty-five */
                if (r->st == ST_TENS && nc == NW_UNIT && lx(c, j + 1)->value > 0) {
                    r->cur += lx(c, j + 1)->value;
                    r->st = ST_UNIT;
                    r->words++;
                    j += 2;
                    continue;
                }
                /* a $350-million package */
                if (r->st == ST_DIGITS && nc == NW_SCALE) { j++; continue; }
            }
            /* "fifty - two" */
            if (r->st == ST_TENS && is_ch(c, j, '-') && lcls(c, j + 1) == NW_UNIT &&
                lx(c, j + 1)->value > 0 && !glued(c, j)) {
                r->cur += lx(c, j + 1)->value;
                r->st = ST_UNIT;
                r->words++;
                j += 2;
                continue;
            }
            if (is_w(c, j, "and") && depth == 0) {
                if (r->st == ST_HUNDRED || r->st == ST_SCALE) {
                    size_t nj = join_and(c, j, r);
                    if (!nj) break;
                    j = nj;
                    continue;
                }
                /* "five and a half million", "one and a half" */
                if (r->st == ST_UNIT || r->st == ST_TEEN || r->st == ST_TENS ||
                    r->st == ST_DIGITS) {
                    double frac;
                    size_t fe = fraction_at(c, j + 1, &frac);
                    if (fe > j + 1) {
                        r->cur += frac;
                        r->st = ST_FRAC;
                        r->f |= NP_FRAC;
                        j = fe;
                        continue;
                    }
                }
            }
            if (is_w(c, j, "point") && depth == 0 && r->words > 0 &&
                (r->st == ST_UNIT || r->st == ST_TEEN || r->st == ST_TENS ||
                 r->st == ST_HUNDRED || r->st == ST_ZERO)) {
                double dec;
                size_t pe = point_at(c, j, &dec);
                if (pe > j) {
                    r->cur += dec;
                    j = pe;
                    r->st = ST_END;
                    continue;
                }
            }
            break;
        }
        int st = r->st;
        switch (w->cls) {
        case NW_UNIT:
            if (w->value == 0) {
                if (st != ST_NONE) goto done;
                r->st = ST_ZERO;
                r->words++;
                j++;
                continue;
            }
            if (st != ST_NONE && st != ST_TENS && st != ST_HUNDRED && st != ST_SCALE)
                goto done;
            r->cur += w->value;
            r->st = ST_UNIT;
            r->words++;
            j++;
            continue;
        case NW_TEEN:
        case NW_TENS:
            if (st != ST_NONE && st != ST_HUNDRED && st != ST_SCALE)
                goto done;
            r->cur += w->value;
            r->st = w->cls == NW_TEEN ? ST_TEEN : ST_TENS;
            r->words++;
            j++;
            continue;
        case NW_ARTICLE:
            if (st != ST_NONE) goto done;
            {
                int nc = lcls(c, j + 1);
                if (nc != NW_HUNDRED && nc != NW_SCALE && nc != NW_DOZEN) goto done;
            }
            r->cur = 1;
            r->st = ST_UNIT;
            j++;
            continue;
        case NW_HUNDRED:
            if ((st == ST_UNIT || st == ST_TEEN || st == ST_TENS ||
                 (st == ST_DIGITS && r->lit.kind == LIT_INT)) &&
                r->cur > 0 && (r->cur < 100 || st == ST_DIGITS)) {
                r->cur = led_by_lit && st == ST_DIGITS && r->total == 0
                             ? lit_scaled(&r->lit, 100) : r->cur * 100;
                if (r->lastmult > 100) r->lastmult = 100;
                if (r->maxsc < 100 && r->total == 0) r->maxsc = 100;
                r->st = ST_HUNDRED;
                r->words++;
                j++;
                continue;
            }
            if (st == ST_DIGITS && r->lit.kind == LIT_DEC && r->total == 0) {
                r->cur = lit_scaled(&r->lit, 100);   /* 2.12 hundred */
                r->st = ST_HUNDRED;
                r->lastmult = 100;
                r->maxsc = 100;
                j++;
                continue;
            }
            goto done;
        case NW_VAGUE:
            /* "3 dozens", "two dozens": a multiplier after a number */
            if (w->scale != 12) goto done;
            /* fall through */
        case NW_DOZEN:
            if (st != ST_UNIT && st != ST_TEEN && st != ST_TENS && st != ST_DIGITS &&
                st != ST_HUNDRED)
                goto done;
            if ((w->flags & NWF_AFTER_NUM) && r->words == 0 && st != ST_DIGITS) goto done;
            r->cur *= 12;
            r->st = ST_DOZEN;
            r->words++;
            j++;
            continue;
        case NW_SCALE:
            /* "three lakh crore", "two thousand million": a larger scale
               multiplies all before it */
            if (st == ST_SCALE && w->scale > r->maxsc) {
                r->total *= w->scale;
                r->maxsc = r->lastmult = w->scale;
                r->words++;
                j++;
                continue;
            }
            if (st != ST_UNIT && st != ST_TEEN && st != ST_TENS && st != ST_HUNDRED &&
                st != ST_DIGITS && st != ST_FRAC)
                goto done;
            if (r->cur <= 0) goto done;
            if (r->maxsc == 0 || r->total == 0) r->first = r->cur, r->first_e = j;
            {
                double part = led_by_lit && st == ST_DIGITS && r->total == 0 &&
                                      r->digits == 1
                                  ? lit_scaled(&r->lit, w->scale) : r->cur * w->scale;
                if (r->total > 0 && w->scale > r->maxsc)
                    r->total = (r->total + r->cur) * w->scale;  /* three lakh crore */
                else
                    r->total += part;
            }
            if (w->scale > r->maxsc) r->maxsc = w->scale;
            r->lastmult = w->scale;
            r->cur = 0;
            r->st = ST_SCALE;
            r->f |= NP_SCALED;
            r->words++;
            j++;
            continue;
        case NW_ABBR: {
            unsigned ambig;
            if (st != ST_DIGITS || r->digits != 1 || r->total != 0) goto done;
            if (!abbr_ok(c, j, &ambig)) goto done;
            r->cur = lit_scaled(&r->lit, w->scale);
            if (w->scale > r->maxsc) r->maxsc = w->scale;
            r->lastmult = w->scale;
            r->f |= NP_SCALED | (ambig ? NP_AMBIG_M : 0);
            r->st = ST_END;
            j++;
            continue;
        }
        default:
            goto done;
        }
    }
done:
    if (r->first_e == i) {
        r->first = r->total + r->cur;
        r->first_e = j;
    }
    r->e = j;
    if (j > i && r->words == 0 && r->digits == 0) return i;   /* a lone "a" */
    return j;
}

/* "hundreds", "tens of thousands", "dozens", "millions": vague plurals. */
static int parse_vague(const nctx *c, size_t i, nphrase *p)
{
    const nw_word *w = lx(c, i);
    size_t e = i + 1;
    double v = w->value;
    int has_of = is_w(c, e, "of");
    if (has_of && lcls(c, e + 1) == NW_VAGUE) {
        const nw_word *w2 = lx(c, e + 1);
        /* tens of thousands: 20000; hundreds of thousands: 200000 */
        if (w2->scale >= 1000 && w2->scale > w->scale) {
            v = w->value * w2->scale;
            e += 2;
        } else if (w->scale == 10 || w->scale == 20) {
            return 0;
        }
    } else if (w->scale == 10 || w->scale == 20) {
        /* "tens" and "scores" count only as "tens of thousands", "scores of" */
        if (w->scale == 10 || !has_of) return 0;
    }
    p->e = e;
    p->value = v;
    p->f |= NP_VAGUE | NP_WORDS;
    return 1;
}

/* "several hundred", "a few thousand", "many thousands", "a couple of
 * hundred": a quantifier before a scale. */
static int parse_quant(const nctx *c, size_t i, size_t q, nphrase *p)
{
    const nw_word *qw = lx(c, q);
    size_t j = q + 1;
    int couple = is_w(c, q, "couple");
    if (couple && is_w(c, j, "of")) j++;
    const nw_word *w = lx(c, j);
    if (!w) return 0;
    if (is_w(c, q, "many")) {
        if (w->cls != NW_VAGUE || w->scale < 100) return 0;
        p->value = w->value;
        p->f |= NP_VAGUE;
    } else if (w->cls == NW_HUNDRED || w->cls == NW_SCALE || w->cls == NW_DOZEN ||
               (w->cls == NW_VAGUE && w->scale >= 12 && w->scale != 20)) {
        p->value = qw->value * w->scale;
        p->f |= couple ? NP_APPROX : NP_VAGUE;
    } else {
        return 0;
    }
    p->b = i;
    p->e = j + 1;
    p->f |= NP_WORDS;
    return 1;
}

/* Does an ordinal or a fraction word follow (so that the words before it
 * were not a count: "twenty-first", "two thirds", "one-fourth")? */
static size_t ordinal_after(const nctx *c, size_t e)
{
    size_t j = e;
    if (is_ch(c, j, '-') && glued(c, j) && glued(c, j + 1)) j++;
    int cl = lcls(c, j);
    if (cl == NW_ORD || cl == NW_DENOM) return j + 1;
    return 0;
}

/* A fraction of a scale after a fraction: "of a million", "million". */
static size_t scale_of(const nctx *c, size_t j, double *scale)
{
    if (is_w(c, j, "of")) j++;
    if (lcls(c, j) == NW_ARTICLE) j++;
    int cl = lcls(c, j);
    if (cl == NW_SCALE || cl == NW_DOZEN || cl == NW_HUNDRED) {
        *scale = lx(c, j)->scale;
        return j + 1;
    }
    return 0;
}

/* Parse the number phrase that begins at token i.  Returns 0 when none
 * does; NP_NOTCOUNT phrases are recognised only to be skipped. */
static int parse_phrase(const nctx *c, size_t i, nphrase *p)
{
    memset(p, 0, sizeof *p);
    p->b = i;
    p->scale = 1;
    const chr_token *k = &c->k[i];

    /* ".08": a decimal without its leading zero */
    if (is_ch(c, i, '.') && is_num(c, i + 1) && glued(c, i + 1) &&
        (i == 0 || !glued(c, i) || ttype(c, i - 1) == CHR_TOK_PUNCT ||
         ttype(c, i - 1) == CHR_TOK_SYM)) {
        numlit l;
        tok_lit(c, i + 1, &l);
        if (l.kind != LIT_INT || l.sep) return 0;
        p->value = l.value / pow10i(l.ndig);
        p->e = i + 2;
        p->f = NP_DIGITS;
        return 1;
    }

    if (k->type == CHR_TOK_NUM) {
        numlit l;
        tok_lit(c, i, &l);
        if (l.kind == LIT_LIST) { p->e = i + 1; p->f = NP_LIST; return 1; }
        if (l.kind == LIT_BAD) { p->e = i + 1; p->f = NP_NOTCOUNT; return 1; }
        /* "1 234 567": thousands groups set apart by single spaces */
        if (l.kind == LIT_INT && !l.sep && l.ndig <= 3 && l.value > 0 &&
            !(i > 0 && lcls(c, i - 1) == NW_MONTH)) {
            size_t j = i + 1;
            double v = l.value;
            while (is_num(c, j) && c->k[j].start == c->k[j - 1].end + 1) {
                numlit g;
                tok_lit(c, j, &g);
                if (g.sep || g.ndig != 3 || (g.kind != LIT_INT && g.kind != LIT_DEC)) break;
                v = v * 1000 + g.value;
                j++;
                if (g.kind == LIT_DEC) break;
            }
            if (j > i + 1) {
                p->e = j;
                p->value = v;
                p->f = NP_DIGITS;
                return 1;
            }
        }
        card r;
        size_t e = cardinal(c, i, &r, 0);
        p->e = e;
        p->value = r.total + r.cur;
        p->scale = r.maxsc > 1 && (r.f & NP_SCALED) ? r.lastmult : 1;
        p->f = NP_DIGITS | (r.words ? NP_WORDS : 0) | r.f;
        if (e == i + 1 && l.kind == LIT_INT && !l.sep) p->f |= NP_PLAIN;
        return 1;
    }

    const nw_word *w = lx(c, i);
    if (!w) return 0;
    if (w->flags & NWF_QUANT) return parse_quant(c, i, i, p);

    switch (w->cls) {
    case NW_VAGUE:
        return parse_vague(c, i, p);
    case NW_ARTICLE:
        if (lflags(c, i + 1) & NWF_QUANT) return parse_quant(c, i, i + 1, p);
        if (lcls(c, i + 1) == NW_DENOM || lcls(c, i + 1) == NW_ORD) break;
        if (lcls(c, i + 1) != NW_HUNDRED && lcls(c, i + 1) != NW_SCALE &&
            lcls(c, i + 1) != NW_DOZEN)
            return 0;
        break;
    case NW_DENOM:
    case NW_UNIT:
    case NW_TEEN:
    case NW_TENS:
        break;
    case NW_HUNDRED:
        /* "hundred thousand dollars": a hundred, before a larger scale */
        if (lcls(c, i + 1) != NW_SCALE) return 0;
        p->e = i + 2;
        p->value = 100 * lx(c, i + 1)->scale;
        p->scale = lx(c, i + 1)->scale;
        p->f = NP_WORDS | NP_SCALED;
        return 1;
    default:
        return 0;
    }

    /* a fraction first: "half a million", "three-quarters of a million",
       "a quarter million"; without a scale it is a proportion, not a count */
    double frac;
    size_t fe = fraction_at(c, i, &frac);
    if (fe > i && (w->cls != NW_UNIT || lcls(c, fe - 1) != NW_UNIT)) {
        double sc;
        size_t se = scale_of(c, fe, &sc);
        if (se) {
            p->e = se;
            p->value = frac * sc;
            p->scale = sc;
            p->f = NP_WORDS | NP_FRAC | NP_SCALED;
            return 1;
        }
        /* "one and a half": a cardinal; "two thirds": a proportion */
        if (!(w->cls == NW_UNIT && is_w(c, i + 1, "and"))) {
            p->e = fe;
            p->f = NP_NOTCOUNT;
            return 1;
        }
    }
    if (w->cls == NW_DENOM || (w->cls == NW_ARTICLE && lcls(c, i + 1) != NW_HUNDRED &&
                               lcls(c, i + 1) != NW_SCALE && lcls(c, i + 1) != NW_DOZEN)) {
        p->e = fe > i ? fe : i + 1;
        p->f = NP_NOTCOUNT;
        return 1;
    }

    card r;
    size_t e = cardinal(c, i, &r, 0);
    if (e == i) return 0;
    /* "twenty-first", "one hundred twenty fifth": an ordinal; "two thirds
       of a million" is a count again */
    size_t oe = ordinal_after(c, e);
    if (oe && r.digits == 0) {
        double sc;
        const nw_word *ow = lx(c, oe - 1);
        size_t se = ow->scale >= 2 ? scale_of(c, oe, &sc) : 0;
        if (se && (ow->flags & NWF_PLURAL || r.total + r.cur == 1)) {
            double den = ow->cls == NW_DENOM ? 1 / ow->value : ow->scale;
            p->e = se;
            p->value = (r.total + r.cur) / den * sc;
            p->f = NP_WORDS | NP_FRAC | NP_SCALED;
            return 1;
        }
        p->e = oe;
        p->f = NP_NOTCOUNT;
        return 1;
    }
    p->e = e;
    p->value = r.total + r.cur;
    p->scale = r.maxsc > 1 && (r.f & NP_SCALED) ? r.lastmult : 1;
    p->f = NP_WORDS | (r.digits ? NP_DIGITS : 0) | r.f;
    return 1;
}

/* ---- what is not a count --------------------------------------------- */

static int sentence_initial(const nctx *c, size_t b)
{
    if (b == 0) return 1;
    const chr_token *k = &c->k[b];
    if (k->flags & CHR_TF_LINE_BEFORE) return 1;
    if (c->t->sents && k->sent < c->t->nsents && c->t->sents[k->sent].tok_begin == b)
        return 1;
    /* after an opening quote, bracket, colon or dash */
    return is_ch(c, b - 1, '"') || is_ch(c, b - 1, '\'') || is_ch(c, b - 1, '(') ||
           is_ch(c, b - 1, '[') || is_ch(c, b - 1, ':') || is_ch(c, b - 1, '-') ||
           is_ch(c, b - 1, ';');
}

/* "a.m." / "p.m." after a number, spaced or not. */
static size_t ampm_at(const nctx *c, size_t j)
{
    if ((is_w(c, j, "a") || is_w(c, j, "p")) && is_ch(c, j + 1, '.') &&
        is_w(c, j + 2, "m") && glued(c, j + 1) && glued(c, j + 2)) {
        return is_ch(c, j + 3, '.') && glued(c, j + 3) ? j + 4 : j + 3;
    }
    return 0;
}

/* A percentage sign or word at token j: returns the token after it. */
static size_t percent_at(const nctx *c, size_t j)
{
    if (is_ch(c, j, '%')) return j + 1;
    if (lflags(c, j) & NWF_PERCENT) return j + 1;
    if (is_w(c, j, "per") && is_w(c, j + 1, "cent")) return j + 2;
    return 0;
}

/* The run of tokens glued to each other from j on (a model name's tail). */
static size_t glued_run(const nctx *c, size_t j)
{
    while (j < c->n && glued(c, j)) j++;
    return j;
}

/* Words after which a lone "one" before a comma or full stop is still the
 * number ("the third is only one.", "more than one,"). */
static int one_count_before_punct(const nctx *c, size_t i)
{
    static const char *const w[] = {
        "only", "just", "than", "is", "was", "are", "were", "be", "been", "to", "from",
        "by", "with", "and", "or", "of", "at", "in", "on", "for", "about", "around",
        "over", "under", "nearly", "almost", "least", "most", "exactly", "'s"};
    for (size_t x = 0; x < sizeof w / sizeof w[0]; x++)
        if (is_w(c, i, w[x])) return 1;
    return 0;
}

/* Is the lone word "one" at b the number (one person, in one day) rather
 * than a pronoun (the one who, one of the, a very hot one, one need not)? */
static int pronoun_one_is_count(const nctx *c, size_t b)
{
    size_t e = b + 1;
    if (b > 0) {
        if (lflags(c, b - 1) & NWF_ONE_DET) return 0;
        /* the only one, number one */
        if (is_w(c, b - 1, "only") && b > 1 && (lflags(c, b - 2) & NWF_ONE_DET)) return 0;
        if (is_w(c, b - 1, "number")) return 0;
        /* "may one day": some day */
        if (is_w(c, e, "day") && (is_w(c, b - 1, "may") || is_w(c, b - 1, "might") ||
                                  is_w(c, b - 1, "could") || is_w(c, b - 1, "will") ||
                                  is_w(c, b - 1, "would")))
            return 0;
    }
    if (lflags(c, e) & NWF_ONE_PRO) return 0;
    if (is_w(c, e, "in") && is_w(c, e + 1, "which")) return 0;
    /* "a very hot one.", "a symbolic one," */
    int ends = e >= c->n || is_ch(c, e, ',') || is_ch(c, e, '.') || is_ch(c, e, ';') ||
               is_ch(c, e, ':') || is_ch(c, e, '!') || is_ch(c, e, '?') || is_ch(c, e, ')') ||
               is_ch(c, e, '"');
    if (ends && b > 0 &&
        ttype(c, b - 1) == CHR_TOK_WORD && !(c->k[b - 1].flags & CHR_TF_CAP) &&
        !is_cardinal_word(lcls(c, b - 1)) && !one_count_before_punct(c, b - 1))
        return 0;
    return 1;
}

/* Is the phrase a count?  When not, *skip is the token to resume at. */
static int is_count(nctx *c, const nphrase *p, int has_cur, size_t *skip)
{
    size_t b = p->b, e = p->e;
    *skip = e;
    int last_num = is_num(c, e - 1);
    int first_num = is_num(c, b);
    size_t x;

    /* times: 10:30, 5 p.m., 0600 GMT, 9am */
    if (last_num && is_ch(c, e, ':') && glued(c, e) && is_num(c, e + 1) && glued(c, e + 1)) {
        *skip = glued_run(c, e + 1);
        return 0;
    }
    if ((x = ampm_at(c, e)) != 0) { *skip = x; return 0; }
    if (lflags(c, e) & NWF_TIME) { *skip = e + 1; return 0; }
    /* percentages: 5%, five percent, 5 per cent */
    if ((x = percent_at(c, e)) != 0) { *skip = x; return 0; }
    if (is_ch(c, e, '-') && glued(c, e) && (x = percent_at(c, e + 1)) != 0) {
        *skip = x;
        return 0;
    }

    if (last_num && e < c->n && glued(c, e)) {
        const chr_token *nk = &c->k[e];
        /* digits glued to letters: 155mm, 4th, 1990s, 3D; but 115USD, 50p */
        if (nk->type == CHR_TOK_WORD) {
            nw_currency cur;
            if (!chr_money_suffix(&c->d, e, NWM_GLUED, &cur)) {
                *skip = glued_run(c, e);
                return 0;
            }
        }
        /* fractions and dates: 3/4, 24/7, 03/03/2022 */
        if (is_ch(c, e, '/') && is_num(c, e + 1) && glued(c, e + 1)) {
            *skip = glued_run(c, e);
            return 0;
        }
        /* three or more numbers joined by hyphens: phones, ISO dates */
        if (is_ch(c, e, '-') && is_num(c, e + 1) && glued(c, e + 1) &&
            is_ch(c, e + 2, '-') && glued(c, e + 2) && is_num(c, e + 3) && glued(c, e + 3)) {
            *skip = glued_run(c, e);
            return 0;
        }
    }
    /* 30°C */
    if (is_sym(c, e, "°") && glued(c, e)) { *skip = glued_run(c, e + 1); return 0; }

    /* compound adjectives: a 45-year-old, a two-day visit, 155-mm */
    if (is_ch(c, e, '-') && glued(c, e) && glued(c, e + 1) && ttype(c, e + 1) == CHR_TOK_WORD) {
        nw_currency cur;
        int qualword = is_w(c, e + 1, "plus") || is_w(c, e + 1, "odd") ||
                       is_w(c, e + 1, "something") || is_w(c, e + 1, "ish");
        int numword = lcls(c, e + 1) == NW_SCALE || is_cardinal_word(lcls(c, e + 1));
        /* "a 12-cent dividend" is money; "a million-dollar question" is
           neither money nor a count */
        int money = chr_money_suffix(&c->d, e + 1, NWM_GLUED | NWM_HYPHEN, &cur) &&
                    lcls(c, b) != NW_ARTICLE;
        if (!qualword && !numword && !money) {
            *skip = glued_run(c, e + 1);
            return 0;
        }
    }

    if (first_num && b > 0) {
        /* +1-222-2222: phones; -5: negative numbers are not counts */
        if (is_ch(c, b - 1, '+') && glued(c, b)) { *skip = glued_run(c, b); return 0; }
        if (is_ch(c, b - 1, '#') && glued(c, b)) return 0;
        if (is_ch(c, b - 1, '-') && glued(c, b)) {
            if (b < 2 || !glued(c, b - 1)) return 0;
            /* T-72, Su-25, COVID-19, mid-2022 (but not the 20k of 5k-20k) */
            if (ttype(c, b - 2) == CHR_TOK_WORD && !(b >= 3 && glued(c, b - 2) && is_num(c, b - 3))) {
                *skip = glued_run(c, e);
                return 0;
            }
        }
        if (is_ch(c, b - 1, '\'') && glued(c, b) && p->f & NP_PLAIN) return 0;   /* '22 */
        if (is_w(c, b - 1, "minus") || is_w(c, b - 1, "negative")) return 0;
        /* labels: Article 5, Resolution 2334, Leopard 2, No. 10 */
        if (!(p->f & NP_SCALED)) {
            unsigned fl = lflags(c, b - 1);
            if (fl & NWF_DESIG) return 0;
            if ((fl & NWF_DESIG_CAP) && (c->k[b - 1].flags & CHR_TF_CAP)) return 0;
            if (is_ch(c, b - 1, '.') && b >= 2 && (is_w(c, b - 2, "no") || is_w(c, b - 2, "nos")))
                return 0;
        }
        /* (1) (2): enumerations */
        if ((p->f & NP_PLAIN) && p->value <= 20 && is_ch(c, b - 1, '(') && glued(c, b) &&
            is_ch(c, e, ')') && glued(c, e)) {
            *skip = e + 1;
            return 0;
        }
    }
    /* "1. Introduction": list markers and numbered headings */
    if ((p->f & NP_PLAIN) && p->value <= 100 &&
        (b == 0 || (c->k[b].flags & CHR_TF_LINE_BEFORE)) &&
        (is_ch(c, e, '.') || is_ch(c, e, ')')) && glued(c, e) && e + 1 < c->n &&
        (c->k[e + 1].flags & CHR_TF_SPACE_BEFORE)) {
        *skip = e + 1;
        return 0;
    }

    if (p->f & NP_PLAIN) {
        numlit l;
        tok_lit(c, b, &l);
        /* years: in 2014, 1990-91, 2022-03 */
        if (l.ndig == 4 && p->value >= 1800 && p->value <= 2100 && !has_cur) {
            if (is_ch(c, e, '-') && glued(c, e) && is_num(c, e + 1) && glued(c, e + 1))
                *skip = glued_run(c, e);
            return 0;
        }
        /* dates: March 3, 3 March, Jan. 3, May 4-5 */
        if (l.ndig <= 2 && p->value >= 1 && p->value <= 31) {
            int before = b > 0 && (lcls(c, b - 1) == NW_MONTH ||
                                   (is_ch(c, b - 1, '.') && b > 1 && lcls(c, b - 2) == NW_MONTH));
            int after = lcls(c, e) == NW_MONTH ||
                        (is_w(c, e, "of") && lcls(c, e + 1) == NW_MONTH);
            if (before || after) {
                /* the other end of "March 3-8", "March 3 and 8" */
                if (before && (is_ch(c, e, '-') || is_w(c, e, "to") || is_w(c, e, "and") ||
                               is_w(c, e, "through") || is_w(c, e, "until") ||
                               is_w(c, e, "till")) &&
                    is_num(c, e + 1)) {
                    numlit l2;
                    tok_lit(c, e + 1, &l2);
                    if (l2.kind == LIT_INT && l2.ndig <= 2 && l2.value <= 31) *skip = e + 2;
                }
                return 0;
            }
        }
    }

    /* number words in names, mid-sentence: the Group of Seven, Big Three */
    if (!first_num && (p->f & NP_WORDS) && !(p->f & NP_VAGUE) &&
        (c->k[b].flags & CHR_TF_CAP) && is_cardinal_word(lcls(c, b)) &&
        !sentence_initial(c, b))
        return 0;

    /* "one" as a pronoun: the one who, one of the, which one, one said */
    if (e == b + 1 && is_w(c, b, "one") && !pronoun_one_is_count(c, b))
        return 0;
    return 1;
}

/* ---- qualifiers ------------------------------------------------------- */

typedef struct qual_phrase {
    const char *words;      /* tokens, space separated, lower case */
    uint8_t qual;
} qual_phrase;

static const qual_phrase before[] = {
    {"more than", CHR_QUAL_MORE_THAN}, {"over", CHR_QUAL_MORE_THAN},
    {"above", CHR_QUAL_MORE_THAN}, {"surpassing", CHR_QUAL_MORE_THAN},
    {"surpass", CHR_QUAL_MORE_THAN}, {"surpasses", CHR_QUAL_MORE_THAN},
    {"exceeding", CHR_QUAL_MORE_THAN}, {"exceed", CHR_QUAL_MORE_THAN},
    {"exceeds", CHR_QUAL_MORE_THAN}, {"exceeded", CHR_QUAL_MORE_THAN},
    {"surpassed", CHR_QUAL_MORE_THAN}, {"topping", CHR_QUAL_MORE_THAN},
    {"topped", CHR_QUAL_MORE_THAN}, {"in excess of", CHR_QUAL_MORE_THAN},
    {"well in excess of", CHR_QUAL_MORE_THAN}, {"greater than", CHR_QUAL_MORE_THAN},
    {"larger than", CHR_QUAL_MORE_THAN}, {"bigger than", CHR_QUAL_MORE_THAN},
    {"higher than", CHR_QUAL_MORE_THAN}, {"upwards of", CHR_QUAL_MORE_THAN},
    {"upward of", CHR_QUAL_MORE_THAN}, {"well over", CHR_QUAL_MORE_THAN},
    {"just over", CHR_QUAL_MORE_THAN}, {"well above", CHR_QUAL_MORE_THAN},
    {"just above", CHR_QUAL_MORE_THAN}, {"north of", CHR_QUAL_MORE_THAN},
    {"at least", CHR_QUAL_AT_LEAST}, {"no fewer than", CHR_QUAL_AT_LEAST},
    {"no less than", CHR_QUAL_AT_LEAST}, {"not less than", CHR_QUAL_AT_LEAST},
    {"not fewer than", CHR_QUAL_AT_LEAST}, {"a minimum of", CHR_QUAL_AT_LEAST},
    {"at the very least", CHR_QUAL_AT_LEAST},
    {"less than", CHR_QUAL_LESS_THAN}, {"fewer than", CHR_QUAL_LESS_THAN},
    {"under", CHR_QUAL_LESS_THAN}, {"below", CHR_QUAL_LESS_THAN},
    {"nearly", CHR_QUAL_LESS_THAN}, {"almost", CHR_QUAL_LESS_THAN},
    {"just under", CHR_QUAL_LESS_THAN}, {"just below", CHR_QUAL_LESS_THAN},
    {"well under", CHR_QUAL_LESS_THAN}, {"well below", CHR_QUAL_LESS_THAN},
    {"close to", CHR_QUAL_LESS_THAN}, {"just shy of", CHR_QUAL_LESS_THAN},
    {"shy of", CHR_QUAL_LESS_THAN}, {"just short of", CHR_QUAL_LESS_THAN},
    {"lower than", CHR_QUAL_LESS_THAN}, {"smaller than", CHR_QUAL_LESS_THAN},
    {"not quite", CHR_QUAL_LESS_THAN},
    {"up to", CHR_QUAL_AT_MOST}, {"as many as", CHR_QUAL_AT_MOST},
    {"no more than", CHR_QUAL_AT_MOST}, {"not more than", CHR_QUAL_AT_MOST},
    {"at most", CHR_QUAL_AT_MOST}, {"at the most", CHR_QUAL_AT_MOST},
    {"a maximum of", CHR_QUAL_AT_MOST}, {"as much as", CHR_QUAL_AT_MOST},
    {"no greater than", CHR_QUAL_AT_MOST},
    {"about", CHR_QUAL_APPROX}, {"around", CHR_QUAL_APPROX}, {"some", CHR_QUAL_APPROX},
    {"roughly", CHR_QUAL_APPROX}, {"approximately", CHR_QUAL_APPROX},
    {"approx", CHR_QUAL_APPROX}, {"approx .", CHR_QUAL_APPROX},
    {"an estimated", CHR_QUAL_APPROX}, {"estimated", CHR_QUAL_APPROX},
    {"the estimated", CHR_QUAL_APPROX}, {"circa", CHR_QUAL_APPROX},
    {"an approximate", CHR_QUAL_APPROX}, {"in the region of", CHR_QUAL_APPROX},
    {"on the order of", CHR_QUAL_APPROX}, {"of the order of", CHR_QUAL_APPROX},
    {"in the order of", CHR_QUAL_APPROX}, {"something like", CHR_QUAL_APPROX},
    {"around about", CHR_QUAL_APPROX}, {"more or less", CHR_QUAL_APPROX},
};

static const qual_phrase after[] = {
    {"or more", CHR_QUAL_AT_LEAST}, {"and more", CHR_QUAL_AT_LEAST},
    {"or greater", CHR_QUAL_AT_LEAST}, {"or above", CHR_QUAL_AT_LEAST},
    {"and above", CHR_QUAL_AT_LEAST}, {"or over", CHR_QUAL_AT_LEAST},
    {"and over", CHR_QUAL_AT_LEAST}, {"or higher", CHR_QUAL_AT_LEAST},
    {"plus", CHR_QUAL_AT_LEAST}, {"- plus", CHR_QUAL_AT_LEAST},
    {"odd", CHR_QUAL_APPROX}, {"- odd", CHR_QUAL_APPROX},
    {"- something", CHR_QUAL_APPROX}, {"- ish", CHR_QUAL_APPROX},
    {"or so", CHR_QUAL_APPROX},
    {"or less", CHR_QUAL_AT_MOST}, {"or fewer", CHR_QUAL_AT_MOST},
    {"or lower", CHR_QUAL_AT_MOST}, {"or under", CHR_QUAL_AT_MOST},
    {"and under", CHR_QUAL_AT_MOST}, {"or below", CHR_QUAL_AT_MOST},
    {"and below", CHR_QUAL_AT_MOST},
};

/* Number of tokens of phrase w matched from token s on, or 0. */
static size_t words_at(const nctx *c, size_t s, const char *w)
{
    size_t j = s;
    /* most phrases differ at the first letter */
    if (s >= c->n || (c->t->norm[c->k[s].start] | 0x20) != w[0]) return 0;
    while (*w) {
        const char *q = strchr(w, ' ');
        size_t len = q ? (size_t)(q - w) : strlen(w);
        if (j >= c->n) return 0;
        const chr_token *k = &c->k[j];
        if (k->end - k->start != len) return 0;
        if (c->t->lower) {
            if (memcmp(c->t->lower + k->start, w, len) != 0) return 0;
        } else {
            const char *x = c->t->norm + k->start;
            for (size_t i = 0; i < len; i++) {
                unsigned char ch = (unsigned char)x[i];
                if (ch >= 'A' && ch <= 'Z') ch = (unsigned char)(ch + 32);
                if (ch != (unsigned char)w[i]) return 0;
            }
        }
        j++;
        w += len;
        if (*w == ' ') w++;
    }
    return j - s;
}

static size_t phrase_len(const char *w)
{
    size_t n = 1;
    for (; *w; w++) n += *w == ' ';
    return n;
}

/* The number of words of each phrase of before[], counted once. */
#define NBEFORE (sizeof before / sizeof before[0])
static uint8_t before_len[NBEFORE];
static pthread_once_t before_once = PTHREAD_ONCE_INIT;

static void before_len_count(void)
{
    for (size_t x = 0; x < NBEFORE; x++) before_len[x] = (uint8_t)phrase_len(before[x].words);
}

/* The qualifier written just before token s (not before lo): returns its
 * first token, or s when there is none. */
static size_t qual_before(const nctx *c, size_t s, size_t lo, size_t num_e, int *qual)
{
    size_t best = s;
    pthread_once(&before_once, before_len_count);
    for (size_t x = 0; x < NBEFORE; x++) {
        size_t n = before_len[x];
        if (n > s - lo || s - n >= best) continue;
        /* most phrases differ at the first letter: test it before the call */
        if ((c->t->norm[c->k[s - n].start] | 0x20) != before[x].words[0]) continue;
        if (words_at(c, s - n, before[x].words) != n) continue;
        /* "over three years" is a period ("for over three years" and "over
           thirty years old" are not) */
        if (n == 1 && is_w(c, s - 1, "over") && (lflags(c, num_e) & NWF_DURATION) &&
            !is_w(c, num_e + 1, "old") && !is_w(c, num_e + 1, "ago") &&
            !(s >= 2 && (is_w(c, s - 2, "for") || is_w(c, s - 2, "of"))))
            continue;
        best = s - n;
        *qual = before[x].qual;
    }
    return best;
}

/* The qualifier written from token e on: returns the token after it, or e. */
static size_t qual_after(const nctx *c, size_t e, int *qual)
{
    size_t best = e;
    if (e >= c->n) return best;
    char first = (char)(c->t->norm[c->k[e].start] | 0x20);
    for (size_t x = 0; x < sizeof after / sizeof after[0]; x++) {
        if (after[x].words[0] != first) continue;
        size_t n = words_at(c, e, after[x].words);
        if (n == 0 || e + n <= best) continue;
        if (after[x].words[0] == '-' && !(glued(c, e) && glued(c, e + 1))) continue;
        size_t j = e + n;
        /* "200 or greater than 190": the comparison belongs to 190 */
        if (is_w(c, j, "than")) {
            if (is_num(c, j + 1) || is_cardinal_word(lcls(c, j + 1)) ||
                lcls(c, j + 1) == NW_ARTICLE)
                continue;
            j++;
        }
        /* "200 plus 300" is a sum */
        if ((is_w(c, e, "plus") || is_w(c, e + 1, "plus")) &&
            (is_num(c, j) || is_cardinal_word(lcls(c, j))))
            continue;
        best = j;
        *qual = after[x].qual;
    }
    return best;
}

/* ---- emitting ----------------------------------------------------------- */

static void emit(nctx *c, int kind, size_t sb, size_t se, double value, double max,
                 int qual, const char *code, unsigned flags)
{
    if (!isfinite(value) || !isfinite(max) || value > 1e300) return;   /* too large */
    chr_mention m;
    memset(&m, 0, sizeof m);
    m.kind = (uint8_t)kind;
    m.flags = (uint8_t)flags;
    m.start = c->k[sb].start;
    m.end = c->k[se - 1].end;
    m.tok_begin = (uint32_t)sb;
    m.tok_end = (uint32_t)se;
    chr_count *cnt = kind == CHR_M_MONEY ? &m.u.money.amount : &m.u.num;
    cnt->value = value;
    cnt->max = qual == CHR_QUAL_RANGE ? max : 0;
    cnt->qual = (uint8_t)qual;
    if (kind == CHR_M_MONEY) memcpy(m.u.money.currency, code, 4);
    if (!chr_mentions_push(c->out, c->a, &m)) c->err = -1;
}

/* "22,24,26,31": numbers listed with commas in one token. */
static void emit_list(nctx *c, size_t i)
{
    const chr_token *k = &c->k[i];
    const char *s = c->t->norm;
    uint32_t a = k->start;
    while (a < k->end) {
        uint32_t b = a;
        while (b < k->end && s[b] != ',') b++;
        numlit l;
        parse_lit(s + a, b - a, &l);
        if (l.kind == LIT_INT && isfinite(l.value)) {
            chr_mention m;
            memset(&m, 0, sizeof m);
            m.kind = CHR_M_NUMBER;
            m.start = a;
            m.end = b;
            m.tok_begin = (uint32_t)i;
            m.tok_end = (uint32_t)i + 1;
            m.u.num.value = l.value;
            if (!chr_mentions_push(c->out, c->a, &m)) c->err = -1;
        }
        a = b + 1;
    }
}

/* 350m with no currency: millions before a plural noun ("2m people"),
 * otherwise metres ("500m away") and no count. */
static int millions_before_noun(const nctx *c, size_t j)
{
    if (ttype(c, j) != CHR_TOK_WORD) return 0;
    const chr_token *k = &c->k[j];
    const char *w = c->t->norm + k->start;
    size_t n = k->end - k->start;
    if (is_w(c, j, "people") || is_w(c, j, "children") || is_w(c, j, "men") ||
        is_w(c, j, "women") || is_w(c, j, "personnel"))
        return 1;
    if (n < 4 || (w[n - 1] != 's' && w[n - 1] != 'S')) return 0;
    if (w[n - 2] == 's' || w[n - 2] == 'u') return 0;    /* across, thus */
    return !is_w(c, j, "towards") && !is_w(c, j, "upwards") && !is_w(c, j, "downwards") &&
           !is_w(c, j, "metres") && !is_w(c, j, "meters") && !is_w(c, j, "miles") &&
           !is_w(c, j, "feet") && !is_w(c, j, "yards") && !is_w(c, j, "kilometres");
}

/* A number phrase at token s that can end a range ("to 5 million"), maybe
 * after its own currency ("$1bn-$2bn"). */
static int range_end_at(nctx *c, size_t s, nphrase *q, nw_currency *qc, int *has_qc)
{
    *has_qc = 0;
    if (s >= c->n) return 0;
    if (parse_phrase(c, s, q)) {
        return !(q->f & (NP_NOTCOUNT | NP_LIST | NP_VAGUE));
    }
    for (size_t t2 = s + 1; t2 <= s + 4 && t2 < c->n; t2++) {
        if (!is_num(c, t2) && !is_cardinal_word(lcls(c, t2)) && lcls(c, t2) != NW_ARTICLE)
            continue;
        if (chr_money_prefix(&c->d, t2, s, qc) && qc->b == s && parse_phrase(c, t2, q) &&
            !(q->f & (NP_NOTCOUNT | NP_LIST | NP_VAGUE))) {
            *has_qc = 1;
            return 1;
        }
        break;
    }
    return 0;
}

/* The value of a phrase scaled by a scale written only after its partner:
 * the 3 of "3 to 5 million". */
static double scaled_low(const nctx *c, const nphrase *p, double scale)
{
    if (p->e == p->b + 1 && is_num(c, p->b)) {
        numlit l;
        tok_lit(c, p->b, &l);
        return lit_scaled(&l, scale);
    }
    return p->value * scale;
}

static size_t try_at(nctx *c, size_t i)
{
    nphrase p;
    if (!parse_phrase(c, i, &p)) return i + 1;
    if (p.f & NP_LIST) { emit_list(c, i); return i + 1; }
    if (p.f & NP_NOTCOUNT) return p.e > i ? p.e : i + 1;

    nw_currency cur;
    int has_cur = chr_money_prefix(&c->d, p.b, c->lo, &cur);
    size_t skip;
    if (!is_count(c, &p, has_cur, &skip)) return skip > i ? skip : i + 1;

    int no_qual = (c->opts & CHR_NUMS_NO_QUAL) != 0;
    int no_money = (c->opts & CHR_NUMS_NO_MONEY) != 0;
    size_t s0 = has_cur ? cur.b : p.b;     /* where the amount starts */
    size_t end = p.e;                      /* the token after it */
    double value = p.value, max = 0;
    int qual = (p.f & NP_VAGUE) ? CHR_QUAL_AT_LEAST
             : (p.f & NP_APPROX) ? CHR_QUAL_APPROX : CHR_QUAL_EXACT;
    int ranged = 0;
    size_t rs = s0;                        /* a range starts at "between"/"from" */
    unsigned ambig = p.f & NP_AMBIG_M;

    /* ratios: "one in five children", "two out of three" are proportions */
    if (!no_qual && !(p.f & NP_VAGUE)) {
        size_t j = p.e;
        if (is_w(c, j, "in")) j++;
        else if (is_w(c, j, "out") && is_w(c, j + 1, "of")) j += 2;
        nphrase q;
        if (j > p.e && (is_num(c, j) || is_cardinal_word(lcls(c, j))) && parse_phrase(c, j, &q) &&
            !(q.f & (NP_NOTCOUNT | NP_LIST | NP_VAGUE)) && p.value < q.value &&
            !((q.f & NP_PLAIN) && q.value >= 1800 && q.value <= 2100) &&
            !(lflags(c, q.e) & NWF_DURATION))
            return q.e;
    }

    /* ranges: 3 to 5, 3-5, between 3,000 and 4,000, from $1bn to $2bn */
    if (!no_qual && !(p.f & NP_VAGUE)) {
        int between = s0 > c->lo && is_w(c, s0 - 1, "between");
        int from = s0 > c->lo && is_w(c, s0 - 1, "from");
        size_t j = p.e;
        int conn = 0;
        if (is_ch(c, j, '-')) conn = 1;
        else if (!between && (is_w(c, j, "to") || is_w(c, j, "through") || is_w(c, j, "thru")))
            conn = 2;
        else if (between && is_w(c, j, "and")) conn = 3;
        nphrase q;
        nw_currency qc;
        int has_qc;
        if (conn && range_end_at(c, j + 1, &q, &qc, &has_qc)) {
            size_t qskip;
            if (percent_at(c, q.e)) return percent_at(c, q.e);   /* 5-10% */
            int hyphen_glued = conn == 1 && glued(c, j) && glued(c, j + 1);
            int q_count = is_count(c, &q, has_cur || has_qc, &qskip);
            if (!q_count) {
                /* "3-5 March", "1995-01": the pair is not a count */
                if (hyphen_glued) return qskip > q.e ? qskip : q.e;
                /* "between 3 and 8 March": nor is this one */
                if ((p.f & NP_PLAIN) && p.value <= 31 && (q.f & NP_PLAIN) && q.value <= 31 &&
                    (lcls(c, q.e) == NW_MONTH ||
                     (is_w(c, q.e, "of") && lcls(c, q.e + 1) == NW_MONTH)))
                    return qskip > q.e ? qskip : q.e;
            } else if (!(has_cur && has_qc && memcmp(cur.code, qc.code, 4) != 0)) {
                double low = p.value;
                if ((q.f & NP_SCALED) && !(p.f & NP_SCALED) && q.scale > 1 &&
                    p.value < q.value / q.scale)
                    low = scaled_low(c, &p, q.scale);       /* 3 to 5 million */
                else if ((p.f & NP_PLAIN) && p.value < 1000 && !(q.f & NP_SCALED) &&
                         q.value / 1000 >= p.value && q.value / 1000 < p.value * 10 &&
                         is_num(c, q.b) && q.e == q.b + 1) {
                    numlit ql;
                    tok_lit(c, q.b, &ql);
                    if (ql.sep) low = p.value * 1000;       /* 30 to 35,000 */
                }
                if (low < q.value) {
                    ranged = 1;
                    value = low;
                    max = q.value;
                    qual = CHR_QUAL_RANGE;
                    end = q.e;
                    ambig |= q.f & NP_AMBIG_M;
                    if (has_qc && !has_cur) { cur = qc; has_cur = 1; }
                    if (between || from) rs = s0 - 1;
                } else if (hyphen_glued && (p.f & NP_PLAIN) && (q.f & NP_PLAIN)) {
                    return q.e;          /* 2-1: a score or an identifier */
                }
            }
        }
    }

    /* a currency after the number: 5 billion euros, 50 cents, 115USD */
    nw_currency suf;
    int has_suf = 0;
    size_t num_end = end;
    if (!has_cur) {
        unsigned how = glued(c, end) ? NWM_GLUED : 0;
        if (chr_money_suffix(&c->d, end, how, &suf)) has_suf = 1;
        else if (is_ch(c, end, '-') && glued(c, end) && glued(c, end + 1) &&
                 chr_money_suffix(&c->d, end + 1, NWM_GLUED | NWM_HYPHEN, &suf))
            has_suf = 1;
        else if ((p.f & NP_VAGUE) && is_w(c, end, "of") &&
                 chr_money_suffix(&c->d, end + 1, 0, &suf))
            has_suf = 1;            /* millions of dollars */
        if (has_suf) {
            cur = suf;
            end = suf.e;
            /* 75 USD million */
            if (suf.e == suf.b + 1 && !(p.f & NP_SCALED) && lcls(c, end) == NW_SCALE) {
                double sc = lx(c, end)->scale;
                value = ranged ? value * sc : scaled_low(c, &p, sc);
                max *= sc;
                end++;
            }
            /* 3 dollars and 50 cents */
            if (suf.mult == 1 && !ranged) {
                size_t j = end;
                if (is_w(c, j, "and")) j++;
                nphrase sub;
                nw_currency cents;
                if (j < c->n && parse_phrase(c, j, &sub) && !(sub.f & ~(NP_DIGITS | NP_WORDS | NP_PLAIN)) &&
                    sub.value > 0 && sub.value < 100 &&
                    chr_money_suffix(&c->d, sub.e, 0, &cents) && cents.mult < 1) {
                    value += sub.value / 100;
                    end = cents.e;
                }
            }
        }
    }
    int money = has_cur || has_suf;
    if (money && cur.mult != 1) {
        if (cur.mult < 1) { value /= 100; max /= 100; }
        else { value *= cur.mult; max *= cur.mult; }
    }
    if (ambig && !money && !millions_before_noun(c, end)) return end;   /* 500m away */

    /* the span: the amount (without its currency when asked), widened by
       "between"/"from" and by qualifiers before and after */
    size_t sb = no_money ? p.b : s0, se = no_money ? num_end : end;
    if (ranged && rs < s0) sb = rs;
    if (!no_qual && !ranged) {
        int qb = -1, qa = -1;
        size_t qs = qual_before(c, s0, c->lo, num_end, &qb);
        size_t qe = qual_after(c, end, &qa);
        if (qa >= 0) {
            qual = qa;
            se = qe;
            /* "about five hundred or more": the bound wins over the estimate */
            if (qs < s0 && qb != CHR_QUAL_APPROX) sb = qs;
        } else if (qs < s0) {
            qual = qb;
            sb = qs;
        }
    }
    if (no_money) money = 0;
    unsigned flags = ((p.f & NP_VAGUE) ? CHR_NUMF_VAGUE : 0) |
                     ((p.f & NP_WORDS) && !(p.f & NP_DIGITS) ? CHR_NUMF_WORDS : 0);
    emit(c, money ? CHR_M_MONEY : CHR_M_NUMBER, sb, se, value, max, qual,
         money ? cur.code : NULL, flags);
    if (se < end) se = end;
    return se > i ? se : i + 1;
}

/* A web address: its digits are not counts. */
static size_t url_end(const nctx *c, size_t i)
{
    if (i + 1 >= c->n) return i;
    const chr_token *k = &c->k[i + 1];
    char ch = c->t->norm[k->start];
    if (((k->type == CHR_TOK_PUNCT) & !(k->flags & CHR_TF_SPACE_BEFORE) &
         ((ch == ':') | (ch == '.'))) &&
        (lflags(c, i) & NWF_URL)) {
        size_t j = i + 1;
        while (j < c->n && glued(c, j)) j++;
        return j;
    }
    return i;
}

/* The words a number phrase can begin with. */
static int starts_number(const nw_word *w)
{
    switch (w->cls) {
    case NW_UNIT: case NW_TEEN: case NW_TENS: case NW_ARTICLE: case NW_DENOM: case NW_VAGUE:
    case NW_HUNDRED:
        return 1;
    }
    return (w->flags & NWF_QUANT) != 0;
}

/* Most words of a text are none of them: a filter turns those away before
 * any lookup. */
static nw_filter start_filter;
static pthread_once_t start_once = PTHREAD_ONCE_INIT;
static void start_filter_build(void) { chr_numwords_filter_build(&start_filter, starts_number); }

static int can_start(const nctx *c, size_t i)
{
    const chr_token *k = &c->k[i];
    unsigned type = k->type;
    /* one expression, so that the scan takes one well-predicted branch for
     * most tokens: a number, punctuation before one (-5, .5), or a word the
     * filter lets through */
    unsigned next_num = i + 1 < c->n && c->k[i + 1].type == CHR_TOK_NUM;
    unsigned word = (type == CHR_TOK_WORD) &
                    (unsigned)chr_numwords_filter_has(&start_filter, &c->d, i);
    if (!((type == CHR_TOK_NUM) | ((type == CHR_TOK_PUNCT) & next_num) | word)) return 0;
    if (type != CHR_TOK_WORD) return 1;
    const nw_word *w = chr_numwords_at(&c->d, i);
    return w && starts_number(w);
}

static int setup(nctx *c, const chr_text *t, chr_arena *a, chr_mentions *out, unsigned opts)
{
    pthread_once(&start_once, start_filter_build);
    memset(c, 0, sizeof *c);
    c->t = t;
    c->k = t->toks;
    c->n = t->ntoks;
    c->opts = opts;
    c->a = a;
    c->out = out;
    return chr_numwords_doc(&c->d, t, a);
}

/* Read tokens [c->lo, c->n). */
static void scan(nctx *c)
{
    size_t i = c->lo;
    while (i < c->n && !c->err) {
        if (!can_start(c, i)) {
            size_t u = url_end(c, i);
            i = u > i ? (c->lo = u) : i + 1;
            continue;
        }
        size_t had = c->out->n;
        size_t next = try_at(c, i);
        /* what was read (a mention, or a year skipped) is not read again */
        if (next > i + 1 || c->out->n > had) c->lo = next;
        i = next;
    }
}

int chr_numbers_scan(const chr_text *t, chr_arena *a, chr_mentions *out, unsigned opts)
{
    nctx c;
    if (setup(&c, t, a, out, opts) < 0) return -1;
    scan(&c);
    return c.err;
}

int chr_numbers_find(const chr_text *t, chr_arena *a, chr_mentions *out)
{
    return chr_numbers_scan(t, a, out, 0);
}

int chr_numbers_find_in(const chr_text *t, const uint8_t *only, chr_arena *a, chr_mentions *out)
{
    if (!only || !t->nsents) return chr_numbers_find(t, a, out);
    nctx c;
    if (setup(&c, t, a, out, 0) < 0) return -1;
    for (size_t s = 0; s < t->nsents && !c.err; s++) {
        if (!only[s]) continue;
        size_t e = s;
        while (e + 1 < t->nsents && only[e + 1]) e++;
        /* a run of wanted sentences, read as if it were all the text */
        c.lo = t->sents[s].tok_begin;
        c.n = t->sents[e].tok_end;
        scan(&c);
        s = e;
    }
    return c.err;
}

/* ---- ordinals ---------------------------------------------------------- */

static int ord_suffix(const nctx *c, size_t j)
{
    return ttype(c, j) == CHR_TOK_WORD && glued(c, j) &&
           (is_w(c, j, "st") || is_w(c, j, "nd") || is_w(c, j, "rd") || is_w(c, j, "th"));
}

static void emit_ordinal(nctx *c, size_t b, size_t e, double v)
{
    if (!isfinite(v)) return;
    chr_mention m;
    memset(&m, 0, sizeof m);
    m.kind = CHR_M_NUMBER;
    m.flags = CHR_NUMF_ORDINAL;
    m.start = c->k[b].start;
    m.end = c->k[e - 1].end;
    m.tok_begin = (uint32_t)b;
    m.tok_end = (uint32_t)e;
    m.u.num.value = v;
    if (!chr_mentions_push(c->out, c->a, &m)) c->err = -1;
}

int chr_ordinals_find(const chr_text *t, chr_arena *a, chr_mentions *out)
{
    nctx c;
    if (setup(&c, t, a, out, 0) < 0) return -1;
    size_t i = 0;
    while (i < c.n && !c.err) {
        /* 2nd, 21st, 11th */
        if (is_num(&c, i) && ord_suffix(&c, i + 1)) {
            numlit l;
            tok_lit(&c, i, &l);
            if (l.kind == LIT_INT) emit_ordinal(&c, i, i + 2, l.value);
            i += 2;
            continue;
        }
        int cl = lcls(&c, i);
        if (cl == NW_UNIT || cl == NW_TEEN || cl == NW_TENS || cl == NW_ARTICLE) {
            card r;
            size_t e = cardinal(&c, i, &r, 0);
            if (e > i && r.digits == 0 && !(r.f & NP_FRAC)) {
                size_t j = e;
                if (is_ch(&c, j, '-') && glued(&c, j) && glued(&c, j + 1)) j++;
                const nw_word *w = lx(&c, j);
                int last = r.st == ST_END ? r.last_st : r.st;
                if (w && !(w->flags & NWF_PLURAL) &&
                    (w->cls == NW_ORD || w->cls == NW_ORD_SCALE)) {
                    double base = r.total + r.cur;
                    if (w->cls == NW_ORD_SCALE) {
                        emit_ordinal(&c, i, j + 1, base * w->value);   /* three trillionth */
                    } else if ((w->value < 10 && (last == ST_TENS || last == ST_HUNDRED ||
                                                  last == ST_SCALE)) ||
                               (w->value >= 10 && (last == ST_HUNDRED || last == ST_SCALE))) {
                        emit_ordinal(&c, i, j + 1, base + w->value);   /* twenty-fifth */
                    }
                    i = j + 1;      /* "one fifth": a fraction */
                    continue;
                }
                if (r.words > 0) { i = e; continue; }
            }
            i++;
            continue;
        }
        /* "second to last" counts from the end: a relative position */
        if (cl == NW_ORD && is_w(&c, i + 1, "to") && is_w(&c, i + 2, "last")) {
            i += 3;
            continue;
        }
        if ((cl == NW_ORD || cl == NW_ORD_SCALE) && !(lflags(&c, i) & NWF_PLURAL)) {
            /* "a trillionth" is a fraction; "a third" keeps its reading */
            if (!(cl == NW_ORD_SCALE && i > 0 && lcls(&c, i - 1) == NW_ARTICLE))
                emit_ordinal(&c, i, i + 1, lx(&c, i)->value);
        }
        i++;
    }
    return c.err;
}
