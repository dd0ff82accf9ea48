/*
 * numbers.c - conformance checkers for numbers, number ranges, ordinals,
 * currency amounts and (as non-counts) percentages.
 *
 * Each checker runs the text layer and the numbers analyzer on a case's
 * Input and compares the mentions with the case's Results: the same spans
 * (the specs count characters, end inclusive) and the same values.  What a
 * news reader never needs (powers, negative numbers, proportions, chat-bot
 * comparisons like "x >= 30") is declared out of scope here, with the
 * reason, so that the pass rate is over what Chronicle is meant to do.
 */
#include "conformance.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"
#include "text/text.h"
#include "util/arena.h"

/* ---- running the analyzer on a case ----------------------------------- */

typedef struct found {
    long start, end;        /* characters, end inclusive (the specs' way) */
    double value, max;
    int qual;
    unsigned flags;
    int kind;
    char code[4];
    char text[96];
} found;

#define MAXFOUND 64

typedef struct run {
    chr_arena a;
    chr_text t;
    found f[MAXFOUND];
    size_t n;
} run;

/* Characters in src before byte offset off. */
static long chars_before(const char *src, size_t off)
{
    long n = 0;
    for (size_t i = 0; i < off; i++)
        if (((unsigned char)src[i] & 0xC0) != 0x80) n++;
    return n;
}

enum { RUN_NUMBERS, RUN_ORDINALS };

static int run_case(run *r, const char *input, int what, unsigned opts)
{
    chr_arena_init(&r->a, 1 << 14);
    r->n = 0;
    if (chr_text_build(&r->t, &r->a, input, strlen(input)) < 0) return -1;
    chr_mentions ms = {NULL, 0, 0};
    int rc = what == RUN_ORDINALS ? chr_ordinals_find(&r->t, &r->a, &ms)
                                  : chr_numbers_scan(&r->t, &r->a, &ms, opts);
    if (rc < 0) return -1;
    for (size_t i = 0; i < ms.n && r->n < MAXFOUND; i++) {
        const chr_mention *m = &ms.v[i];
        if (m->kind != CHR_M_NUMBER && m->kind != CHR_M_MONEY) continue;
        found *f = &r->f[r->n++];
        memset(f, 0, sizeof *f);
        uint32_t s = chr_text_src_offset(&r->t, m->start);
        uint32_t e = chr_text_src_offset(&r->t, m->end);
        f->start = chars_before(r->t.src, s);
        f->end = chars_before(r->t.src, e) - 1;
        const chr_count *c = m->kind == CHR_M_MONEY ? &m->u.money.amount : &m->u.num;
        f->value = c->value;
        f->max = c->max;
        f->qual = c->qual;
        f->flags = m->flags;
        f->kind = m->kind;
        if (m->kind == CHR_M_MONEY) memcpy(f->code, m->u.money.currency, 4);
        size_t len = e - s < sizeof f->text - 1 ? e - s : sizeof f->text - 1;
        memcpy(f->text, r->t.src + s, len);
        f->text[len] = '\0';
    }
    return 0;
}

static void run_free(run *r) { chr_arena_free(&r->a); }

/* ---- reading a case ----------------------------------------------------- */

static const char *jstr(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static long jlong(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_integer(v) ? (long)json_integer_value(v) : -1;
}

static json_t *resolution(json_t *res)
{
    return json_object_get(res, "Resolution");
}

/* Resolution.value as a number; 0 when absent or null. */
static int res_value(json_t *res, double *v)
{
    const char *s = jstr(resolution(res), "value");
    if (!s) return 0;
    char *end;
    *v = strtod(s, &end);
    return end != s;
}

static int close_enough(double a, double b)
{
    double d = fabs(a - b);
    return d <= 1e-9 * fmax(1, fmax(fabs(a), fabs(b)));
}

static int contains_ci(const char *s, const char *w)
{
    size_t n = strlen(w);
    for (; *s; s++) {
        size_t i = 0;
        while (i < n && s[i] && (s[i] | 0x20) == (w[i] | 0x20)) i++;
        if (i == n) return 1;
    }
    return 0;
}

/* An input named as out of scope, with the reason. */
typedef struct named_case {
    const char *input;
    const char *why;
} named_case;

static const char *named_why(const named_case *tab, size_t n, const char *input)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(tab[i].input, input) == 0) return tab[i].why;
    return NULL;
}

static int skip(chr_buf *why, const char *reason)
{
    chr_buf_puts(why, reason);
    return CONF_SKIP;
}

/* ---- matching expected results with what was found ------------------------ */

typedef struct expect {
    long start, end;
    double value, max;
    int qual;               /* for ranges; -1 when not compared */
    char code[4];           /* for money; "" when not compared */
    const char *codes;      /* or any of these ("CHF FRF BEF") */
    const char *text;
} expect;

/* Compare; on failure write the first differences into why. */
static int compare(const expect *ex, size_t nex, const found *f, size_t nf, chr_buf *why)
{
    int used[MAXFOUND] = {0};
    int ok = 1;
    for (size_t i = 0; i < nex; i++) {
        const expect *x = &ex[i];
        size_t j;
        for (j = 0; j < nf; j++)
            if (!used[j] && f[j].start == x->start && f[j].end == x->end) break;
        if (j == nf) {
            /* the nearest by overlap, to say what was found instead */
            size_t k;
            for (k = 0; k < nf; k++)
                if (!used[k] && f[k].start <= x->end && f[k].end >= x->start) break;
            if (k < nf)
                chr_buf_printf(why, "%swanted '%s' (%ld-%ld), found '%s' (%ld-%ld)",
                               ok ? "" : "; ", x->text, x->start, x->end, f[k].text,
                               f[k].start, f[k].end);
            else
                chr_buf_printf(why, "%smissed '%s' = %.15g", ok ? "" : "; ", x->text, x->value);
            ok = 0;
            continue;
        }
        used[j] = 1;
        const found *g = &f[j];
        if (!close_enough(g->value, x->value) ||
            (x->qual == CHR_QUAL_RANGE && !close_enough(g->max, x->max))) {
            chr_buf_printf(why, "%s'%s': value %.15g, wanted %.15g", ok ? "" : "; ",
                           x->text, g->value, x->value);
            if (x->qual == CHR_QUAL_RANGE)
                chr_buf_printf(why, " max %.15g, wanted %.15g", g->max, x->max);
            ok = 0;
        }
        if (x->qual >= 0 && g->qual != x->qual) {
            chr_buf_printf(why, "%s'%s': qual %s, wanted %s", ok ? "" : "; ", x->text,
                           chr_qual_name(g->qual), chr_qual_name(x->qual));
            ok = 0;
        }
        if (x->code[0] || x->codes) {
            int good = x->code[0] ? memcmp(g->code, x->code, 3) == 0
                                  : (g->code[0] && strstr(x->codes, g->code) != NULL);
            if (!good) {
                chr_buf_printf(why, "%s'%s': currency %s, wanted %s", ok ? "" : "; ",
                               x->text, g->code[0] ? g->code : "none",
                               x->code[0] ? x->code : x->codes);
                ok = 0;
            }
        }
    }
    for (size_t j = 0; j < nf; j++)
        if (!used[j]) {
            chr_buf_printf(why, "%sextra '%s' = %.15g", ok ? "" : "; ", f[j].text, f[j].value);
            ok = 0;
        }
    return ok ? CONF_PASS : CONF_FAIL;
}

static void fill_span(expect *x, json_t *res)
{
    x->start = jlong(res, "Start");
    x->end = jlong(res, "End");
    x->text = jstr(res, "Text");
    if (!x->text) x->text = "";
    x->qual = -1;
}

/* ---- numbers ------------------------------------------------------------ */

static const named_case number_named[] = {
    {"192.168.1.2", "an IP address is not a count"},
    {"My phone number is +1-222-2222/2222", "a phone number is not a count"},
    {"Any time to meet on 5/17/2018?", "a date is not a count"},
    {"SCP-173", "a designation like T-72 is not a count"},
    {"In some countries you can write 5.00 or 5,00.",
     "decimal commas (1,3 for 1.3) are not English"},
    {"1.111,11, 1,111.11", "decimal commas (1,3 for 1.3) are not English"},
    {"The number is 1,3.", "decimal commas (1,3 for 1.3) are not English"},
};

/* Is w a whole word of text (case ignored)? */
static int has_word(const char *text, const char *w)
{
    size_t n = strlen(w);
    for (const char *s = text; *s; s++) {
        if (s > text && ((s[-1] | 0x20) >= 'a' && (s[-1] | 0x20) <= 'z')) continue;
        size_t i = 0;
        while (i < n && s[i] && (s[i] | 0x20) == w[i]) i++;
        if (i == n && !((s[n] | 0x20) >= 'a' && (s[n] | 0x20) <= 'z')) return 1;
    }
    return 0;
}

/* A fraction is a quantity when it is a fraction of a large scale ("half a
 * million", "two thirds of a million", "six million and two thirds") or a
 * mixed number ("one and a half", "five and a quarter").  "one hundred one
 * thousand fifths" is a proportion (a numerator over a denominator), as are
 * "two thirds" and "3/4". */
static int fraction_is_count(const char *text)
{
    static const char *halves[] = {"half", "quarter", "third", "fourth", "fifth", "sixth",
                                   "seventh", "eighth", "ninth", "tenth"};
    const char *last = strrchr(text, ' ');
    last = last ? last + 1 : text;
    if (strstr(text, " and a ") || strstr(text, " and one "))
        for (size_t i = 0; i < sizeof halves / sizeof halves[0]; i++)
            if (strcmp(last, halves[i]) == 0) return 1;

    static const char *scales[] = {"thousand", "million", "billion", "trillion", "lakh", "crore"};
    int scaled = 0;
    for (size_t i = 0; i < sizeof scales / sizeof scales[0]; i++)
        if (has_word(text, scales[i])) scaled = 1;
    if (!scaled) return 0;
    /* ending in a denominator without "and": numerator over denominator */
    size_t n = strlen(text);
    int ends_denominator = n > 2 && (text[n - 1] | 0x20) == 's' && !has_word(text, "and") &&
                           !has_word(text, "quarters");
    return !ends_denominator;
}

int conf_check_number(json_t *kase, chr_buf *why)
{
    const char *input = jstr(kase, "Input");
    json_t *results = json_object_get(kase, "Results");
    if (!input || !json_is_array(results)) return skip(why, "malformed case");
    const char *named = named_why(number_named, sizeof number_named / sizeof number_named[0], input);
    if (named) return skip(why, named);

    size_t nres = json_array_size(results);
    if (nres > MAXFOUND) return skip(why, "too many results");
    expect ex[MAXFOUND];
    size_t nex = 0;
    for (size_t i = 0; i < nres; i++) {
        json_t *res = json_array_get(results, i);
        const char *sub = jstr(resolution(res), "subtype");
        const char *text = jstr(res, "Text");
        double v;
        if (!res_value(res, &v)) return skip(why, "a result without a value");
        if (sub && strcmp(sub, "power") == 0)
            return skip(why, "powers and scientific notation (1e10, 1.1^23) are not news counts");
        if (v < 0) return skip(why, "negative numbers are never counts");
        if (sub && strcmp(sub, "fraction") == 0 && !(text && fraction_is_count(text)))
            return skip(why, "fractions (two thirds, 3/4, one over three) are proportions, not counts");
        expect *x = &ex[nex++];
        fill_span(x, res);
        x->value = v;
        x->code[0] = '\0';
        x->codes = NULL;
    }
    run r;
    if (run_case(&r, input, RUN_NUMBERS, CHR_NUMS_NO_QUAL | CHR_NUMS_NO_MONEY) < 0) {
        run_free(&r);
        chr_buf_puts(why, "out of memory");
        return CONF_FAIL;
    }
    int rc = compare(ex, nex, r.f, r.n, why);
    run_free(&r);
    return rc;
}

/* ---- number ranges ---------------------------------------------------- */

/* "(20,35]", "[30,)", "(,100]": bounds and whether they are included. */
static int parse_interval(const char *s, double *lo, double *hi, int *has_lo, int *has_hi,
                          int *lo_incl, int *hi_incl)
{
    size_t n = strlen(s);
    if (n < 3 || (s[0] != '(' && s[0] != '[') || (s[n - 1] != ')' && s[n - 1] != ']'))
        return 0;
    *lo_incl = s[0] == '[';
    *hi_incl = s[n - 1] == ']';
    const char *comma = strchr(s, ',');
    if (!comma) return 0;
    char *end;
    *has_lo = comma > s + 1;
    *has_hi = comma + 1 < s + n - 1;
    if (*has_lo) { *lo = strtod(s + 1, &end); if (end != comma) return 0; }
    if (*has_hi) { *hi = strtod(comma + 1, &end); if (end != s + n - 1) return 0; }
    return 1;
}

static int is_integer(double v) { return v == floor(v); }

int conf_check_number_range(json_t *kase, chr_buf *why)
{
    const char *input = jstr(kase, "Input");
    json_t *results = json_object_get(kase, "Results");
    if (!input || !json_is_array(results)) return skip(why, "malformed case");
    if (strpbrk(input, "<>=~"))
        return skip(why, "symbolic comparisons (>10, <= 30, 20~100) are query syntax, not news");
    if (contains_ci(input, "equal"))
        return skip(why, "'equal to' comparisons are query language, not news");
    /* "more than 2 in 5": a bound on a ratio, which Chronicle reads whole */
    for (const char *s = input; (s = strstr(s, " in ")) != NULL; s++) {
        if (s == input || s[-1] < '0' || s[-1] > '9' || s[4] < '0' || s[4] > '9') continue;
        long after = strtol(s + 4, NULL, 10);
        if (after < 1800 || after > 2100)     /* "more than 30000 in 2009" is no ratio */
            return skip(why, "ratios (2 in 5) are proportions, not counts");
    }

    size_t nres = json_array_size(results);
    if (nres > MAXFOUND) return skip(why, "too many results");
    expect ex[MAXFOUND];
    size_t nex = 0;
    for (size_t i = 0; i < nres; i++) {
        json_t *res = json_array_get(results, i);
        const char *val = jstr(resolution(res), "value");
        const char *text = jstr(res, "Text");
        double lo = 0, hi = 0;
        int has_lo, has_hi, lo_incl, hi_incl;
        if (!val || !text || !parse_interval(val, &lo, &hi, &has_lo, &has_hi, &lo_incl, &hi_incl))
            return skip(why, "a result without an interval");
        if (contains_ci(text, "tenth") || contains_ci(text, "fifteenth"))
            return skip(why, "ranges of ordinals (between the tenth and the fifteenth)");
        if ((has_lo && lo < 0) || (has_hi && hi < 0)) return skip(why, "negative numbers are never counts");
        if ((has_lo && !is_integer(lo)) || (has_hi && !is_integer(hi)))
            return skip(why, "fractions and ratios (more than half, 2 in 5) are proportions, not counts");
        expect *x = &ex[nex++];
        fill_span(x, res);
        x->code[0] = '\0';
        x->codes = NULL;
        if (has_lo && has_hi) {
            /* a range is "between 20 and 30", "20-30", "from 20 to 30";
               "more than 10 and less than 20" is a conjunction of two
               comparisons, which news does not write */
            int range_words = contains_ci(text, "between") || contains_ci(text, "from") ||
                              contains_ci(text, " to ") || contains_ci(text, "through") ||
                              strchr(text, '-') || strstr(text, "\xe2\x80\x93");
            if (!range_words || !lo_incl)
                return skip(why, "compound comparisons (more than 10 and less than 20) are query language");
            x->qual = CHR_QUAL_RANGE;
            x->value = lo;
            x->max = hi;
        } else if (has_lo) {
            x->qual = lo_incl ? CHR_QUAL_AT_LEAST : CHR_QUAL_MORE_THAN;
            x->value = lo;
        } else if (has_hi) {
            x->qual = hi_incl ? CHR_QUAL_AT_MOST : CHR_QUAL_LESS_THAN;
            x->value = hi;
        } else {
            return skip(why, "an unbounded interval");
        }
    }
    run r;
    if (run_case(&r, input, RUN_NUMBERS, 0) < 0) {
        run_free(&r);
        chr_buf_puts(why, "out of memory");
        return CONF_FAIL;
    }
    /* compare the bounded mentions only: exact counts, estimates and vague
       plurals are not ranges */
    found kept[MAXFOUND];
    size_t nk = 0;
    for (size_t i = 0; i < r.n; i++) {
        const found *f = &r.f[i];
        if (f->qual == CHR_QUAL_EXACT || f->qual == CHR_QUAL_APPROX || (f->flags & CHR_NUMF_VAGUE))
            continue;
        kept[nk++] = *f;
    }
    int rc = compare(ex, nex, kept, nk, why);
    run_free(&r);
    return rc;
}

/* ---- ordinals --------------------------------------------------------- */

int conf_check_ordinal(json_t *kase, chr_buf *why)
{
    const char *input = jstr(kase, "Input");
    json_t *results = json_object_get(kase, "Results");
    if (!input || !json_is_array(results)) return skip(why, "malformed case");
    size_t nres = json_array_size(results);
    if (nres > MAXFOUND) return skip(why, "too many results");
    expect ex[MAXFOUND];
    size_t nex = 0;
    for (size_t i = 0; i < nres; i++) {
        json_t *res = json_array_get(results, i);
        const char *type = jstr(res, "TypeName");
        if (type && strcmp(type, "ordinal.relative") == 0)
            return skip(why, "relative ordinals (next, last, previous) point in a list, not news numbers");
        double v;
        if (!res_value(res, &v)) return skip(why, "a result without a value");
        expect *x = &ex[nex++];
        fill_span(x, res);
        x->value = v;
        x->code[0] = '\0';
        x->codes = NULL;
    }
    run r;
    if (run_case(&r, input, RUN_ORDINALS, 0) < 0) {
        run_free(&r);
        chr_buf_puts(why, "out of memory");
        return CONF_FAIL;
    }
    int rc = compare(ex, nex, r.f, r.n, why);
    run_free(&r);
    return rc;
}

/* ---- currency ----------------------------------------------------------- */

static const named_case currency_named[] = {
    {"It may need one kuai and five mao five.", "colloquial Chinese units (kuai, mao)"},
    /* prices read aloud, with the cents but no word for them */
    {"it only cost thirteen dollars forty five", "prices without a subunit word (15 dollars 50) are shop talk, not news"},
    {"It costs one dollar and one and one point of your credit points.", "prices without a subunit word (15 dollars 50) are shop talk, not news"},
    {"It costs one dollar and two and three points of your credit points.", "prices without a subunit word (15 dollars 50) are shop talk, not news"},
    {"It costs you 10 us dollar and me c $ 100 and fifty.", "prices without a subunit word (15 dollars 50) are shop talk, not news"},
    {"it costs only 15 dollars and 15.", "prices without a subunit word (15 dollars 50) are shop talk, not news"},
    {"it costs only 15 dollars 50.", "prices without a subunit word (15 dollars 50) are shop talk, not news"},
    {"It costs 15 dollars 50.", "prices without a subunit word (15 dollars 50) are shop talk, not news"},
    {"It costs 15 dollars and 50.", "prices without a subunit word (15 dollars 50) are shop talk, not news"},
    {"The subscription will increase to 17 USD 25.", "prices without a subunit word (15 dollars 50) are shop talk, not news"},
    {"They paid 75 USD million but the price was actually 50 million USD. And if they had just 15 USD 50 more, they would have paid 80 USD million.",
     "prices without a subunit word (15 dollars 50) are shop talk, not news"},
};

/* The ISO codes a spec unit without isoCurrency stands for. */
static const char *unit_codes(const char *unit, double *scale)
{
    static const struct { const char *unit; const char *codes; double scale; } map[] = {
        {"Dollar", "USD", 1}, {"Pound", "GBP", 1}, {"Euro", "EUR", 1},
        {"Franc", "CHF FRF BEF XOF", 1},   /* the specs do not say which franc */
        {"Peseta", "ESP", 1}, {"Finnish markka", "FIM", 1},
        {"Netherlands guilder", "NLG", 1}, {"Rupee", "INR", 1},
        {"Cent", "USD EUR", 0.01}, {"Pence", "GBP", 0.01}, {"Penny", "GBP", 0.01},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(map[i].unit, unit) == 0) {
            *scale = map[i].scale;
            return map[i].codes;
        }
    return NULL;
}

int conf_check_currency(json_t *kase, chr_buf *why)
{
    const char *input = jstr(kase, "Input");
    json_t *results = json_object_get(kase, "Results");
    if (!input || !json_is_array(results)) return skip(why, "malformed case");
    const char *named = named_why(currency_named, sizeof currency_named / sizeof currency_named[0], input);
    if (named) return skip(why, named);
    size_t nres = json_array_size(results);
    if (nres > MAXFOUND) return skip(why, "too many results");
    expect ex[MAXFOUND];
    size_t nex = 0;
    for (size_t i = 0; i < nres; i++) {
        json_t *res = json_array_get(results, i);
        json_t *rv = resolution(res);
        const char *unit = jstr(rv, "unit");
        const char *iso = jstr(rv, "isoCurrency");
        double v;
        if (unit && (strcmp(unit, "Bitcoin") == 0 || strcmp(unit, "Satoshi") == 0))
            return skip(why, "cryptocurrencies have no ISO 4217 code");
        /* a currency named without an amount ("the dollar") is not money */
        if (!res_value(res, &v)) continue;
        expect *x = &ex[nex++];
        fill_span(x, res);
        x->codes = NULL;
        x->code[0] = '\0';
        x->value = v;
        if (iso && strlen(iso) == 3) {
            memcpy(x->code, iso, 4);
        } else {
            double scale = 1;
            const char *codes = unit ? unit_codes(unit, &scale) : NULL;
            if (!codes) return skip(why, "a currency unit without an ISO 4217 code");
            x->codes = codes;
            x->value = v * scale;
        }
    }
    run r;
    if (run_case(&r, input, RUN_NUMBERS, CHR_NUMS_NO_QUAL) < 0) {
        run_free(&r);
        chr_buf_puts(why, "out of memory");
        return CONF_FAIL;
    }
    found kept[MAXFOUND];
    size_t nk = 0;
    for (size_t i = 0; i < r.n; i++)
        if (r.f[i].kind == CHR_M_MONEY) kept[nk++] = r.f[i];
    int rc = compare(ex, nex, kept, nk, why);
    run_free(&r);
    return rc;
}

/* ---- percentages: never counts ------------------------------------------ */

int conf_check_percent(json_t *kase, chr_buf *why)
{
    const char *input = jstr(kase, "Input");
    json_t *results = json_object_get(kase, "Results");
    if (!input || !json_is_array(results)) return skip(why, "malformed case");
    size_t nres = json_array_size(results);
    size_t checked = 0;
    for (size_t i = 0; i < nres; i++) {
        json_t *res = json_array_get(results, i);
        const char *text = jstr(res, "Text");
        double v;
        if (!text || !res_value(res, &v)) continue;
        if (strncmp(text, "per", 3) == 0)
            return skip(why, "'percent of 10' (the number after the word) is query language");
        checked++;
    }
    if (nres > 0 && checked == 0) return skip(why, "no percentage with a number");
    run r;
    if (run_case(&r, input, RUN_NUMBERS, 0) < 0) {
        run_free(&r);
        chr_buf_puts(why, "out of memory");
        return CONF_FAIL;
    }
    int ok = 1;
    for (size_t j = 0; j < r.n; j++) {
        const found *f = &r.f[j];
        int inside = nres == 0;     /* with no percentage, nothing is a count */
        for (size_t i = 0; i < nres && !inside; i++) {
            json_t *res = json_array_get(results, i);
            long s = jlong(res, "Start"), e = jlong(res, "End");
            if (f->start <= e && f->end >= s) inside = 1;
        }
        if (inside) {
            chr_buf_printf(why, "%sreported '%s' as a count", ok ? "" : "; ", f->text);
            ok = 0;
        }
    }
    run_free(&r);
    return ok ? CONF_PASS : CONF_FAIL;
}
