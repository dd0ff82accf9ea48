/*
 * args.c - reading arguments out of a parsed sentence: who (actors through
 * noun phrases, lists, places and pronouns), who says so (sources), when
 * (dates) and how much (counts), as record values.
 */
#include "extract/xint.h"

#include <stdarg.h>
#include <stdio.h>
#include <ctype.h>
#include <stddef.h>
#include <string.h>

/* ---- text -------------------------------------------------------------------- */

static const char *src_text(xdoc *d, uint32_t nstart, uint32_t nend)
{
    uint32_t s = chr_text_src_offset(d->t, nstart), e = chr_text_src_offset(d->t, nend);
    return chr_arena_strndup(d->a, d->t->src + s, e > s ? e - s : 0);
}

const char *x_tok_text(xdoc *d, uint32_t first, uint32_t last)
{
    return src_text(d, d->t->toks[first].start, d->t->toks[last].end);
}

const char *x_mention_text(xdoc *d, const chr_mention *m)
{
    return src_text(d, m->start, m->end);
}

int x_tok_is(const xdoc *d, uint32_t k, const char *w)
{
    return k < d->t->ntoks && chr_tok_is(d->t, &d->t->toks[k], w);
}

const char *x_lemma(const xsent *s, uint32_t k, char *buf, size_t size)
{
    const chr_ptag *g = chr_parse_tag(&s->p, k);
    const char *w;
    size_t n;
    if (g->lemma && g->lemma_len) { w = g->lemma; n = g->lemma_len; }
    else { w = s->d->t->norm + s->d->t->toks[k].start; n = chr_tok_len(&s->d->t->toks[k]); }
    if (n >= size) n = size - 1;
    for (size_t i = 0; i < n; i++) buf[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
    buf[n] = '\0';
    return buf;
}

const char *x_vg_lemma(const chr_vgroup *vg, char *buf, size_t size)
{
    if (!vg->lemma || !vg->lemma_len || vg->lemma_len >= size) return NULL;
    for (uint32_t i = 0; i < vg->lemma_len; i++) {
        char c = vg->lemma[i];
        buf[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    buf[vg->lemma_len] = '\0';
    return buf;
}

void x_trace(xdoc *d, const char *fmt, ...)
{
    if (!d->trace) return;
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    chr_buf_puts(d->trace, "    ");
    chr_buf_puts(d->trace, line);
    chr_buf_putc(d->trace, '\n');
}

/* ---- mentions --------------------------------------------------------------------- */

size_t x_mention_first(const xsent *s, uint32_t tok)
{
    /* mentions are sorted by start: binary search for the first at or
     * after token tok, so that a long sentence costs log time per look */
    size_t lo = s->m0, hi = s->m1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->d->ms->v[mid].tok_begin < tok) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

size_t x_mentions_in(const xsent *s, int kind, uint32_t first, uint32_t last,
                     const chr_mention **out, size_t max)
{
    size_t k = 0;
    for (size_t i = x_mention_first(s, first); i < s->m1 && k < max; i++) {
        const chr_mention *m = &s->d->ms->v[i];
        if (m->tok_begin > last) break;
        if (m->kind == kind && m->tok_end <= last + 1) out[k++] = m;
    }
    return k;
}

const char *x_code(const chr_mention *m)
{
    if (m->kind == CHR_M_PLACE) return m->u.entry->country;
    return m->u.entry->code;
}

static int is_person(const chr_mention *m)
{
    return m->kind == CHR_M_ACTOR && m->u.entry->type == CHR_ET_PERSON;
}

/* A pronoun or possessive determiner at token k: 'p' person (he, she), 'g'
 * group (it, they), 0 none. */
static int pronoun_kind(const xdoc *d, uint32_t k)
{
    static const char *const person[] = {"he", "him", "his", "she", "her", "himself", "herself", NULL};
    static const char *const group[] = {"it", "its", "they", "them", "their", "itself", NULL};
    for (int i = 0; person[i]; i++) if (x_tok_is(d, k, person[i])) return 'p';
    for (int i = 0; group[i]; i++) if (x_tok_is(d, k, group[i])) return 'g';
    return 0;
}

/* The antecedent of a pronoun at token k: the last matching actor named
 * before it in this sentence, else in the sentences before. */
static const chr_mention *best_actor(const xsent *s, uint32_t first, uint32_t last, uint32_t h,
                                     int as);

static const chr_mention *resolve_pronoun(xsent *s, uint32_t k, int kind)
{
    /* the subject of the clause the pronoun stands in, or of the clauses
     * that clause depends on: "Xi planned to speak with Zelensky after his
     * trip" is Xi's trip */
    int32_t c = -1;
    for (uint32_t i = 0; i < s->p.ncl; i++)
        if (s->p.clauses[i].first <= k && k <= s->p.clauses[i].last) c = (int32_t)i;
    for (int hops = 0; c >= 0 && hops < 6; hops++) {
        const chr_clause *cl = &s->p.clauses[c];
        if (cl->subj >= 0 && s->p.nps[cl->subj].last < k) {
            const chr_np *x = &s->p.nps[cl->subj];
            const chr_mention *m = best_actor(s, x->first, x->last, x->head, X_DOER);
            if (m && m->kind == CHR_M_ACTOR && (kind == 'p') == is_person(m) &&
                m->u.entry->type != CHR_ET_DEMONYM)
                return m;
        }
        c = cl->parent;
    }
    const chr_mention *best = NULL;
    for (size_t i = s->m0; i < s->m1; i++) {
        const chr_mention *m = &s->d->ms->v[i];
        if (m->tok_end > k) break;
        if (m->kind != CHR_M_ACTOR || !m->u.entry->code[0]) continue;
        if (m->u.entry->type == CHR_ET_DEMONYM || m->u.entry->type == CHR_ET_PEOPLE) continue;
        if ((kind == 'p') == is_person(m)) best = m;
    }
    if (best) return best;
    return kind == 'p' ? s->d->last_person : s->d->last_group;
}

/* "US-made", "Czech-led", "Russian-backed": a name glued to a hyphen
 * qualifies a thing; it is not a party to the event. */
static int hyphen_modifier(const xdoc *d, const chr_mention *m)
{
    const chr_token *k = &d->t->toks[m->tok_end < d->t->ntoks ? m->tok_end : d->t->ntoks - 1];
    return m->tok_end < d->t->ntoks && k->start == d->t->toks[m->tok_end - 1].end &&
           d->t->norm[k->start] == '-' && m->tok_end + 1 < d->t->ntoks &&
           !(d->t->toks[m->tok_end + 1].flags & CHR_TF_SPACE_BEFORE) &&
           d->t->toks[m->tok_end + 1].type == CHR_TOK_WORD &&
           !(d->t->toks[m->tok_end + 1].flags & CHR_TF_CAP);
}

static size_t add_distinct(const chr_mention **out, size_t n, size_t max, const chr_mention *m)
{
    if (!m || n >= max) return n;
    const char *c = x_code(m);
    if (!c || !c[0]) return n;
    for (size_t i = 0; i < n; i++)
        if (strcmp(x_code(out[i]), c) == 0) return n;
    out[n] = m;
    return n + 1;
}

/* Ground: a state as land ("the country", "its neighbour"), and the land
 * itself, which no one is. */
static const char *const polity_words[] = {
    "country", "nation", "neighbour", "neighbor", "republic", NULL};
static const char *const ground_words[] = {
    "territory", "land", "region", "oblast", "province", "district", "area", "peninsula", "island", "coast",
    "capital", "city", "town", "village", "settlement", "suburb", "outskirts",
    "port", "airport", "airfield", "base", "bridgehead", "stronghold", "outpost",
    "position", "plant", "station", "dam", "bridge", "hill", "height", NULL};
static const char *const built_words[] = {
    "building", "block", "house", "home", "apartment", "flat", "hospital", "school",
    "church", "facility", "depot", "warehouse", "factory", "site", "infrastructure",
    "airbase", "road", "railway", "pipeline", "shop", "market", "theatre", "theater",
    "museum", "hotel", "office", "embassy", "train", "car", "truck", "bus",
    "plane", "flight", "planeload", "shipload", "cargo", "consignment", "batch",
    "load", NULL};

static int word_in(const char *w, const char *const *words)
{
    for (int i = 0; words[i]; i++)
        if (strcmp(w, words[i]) == 0) return 1;
    return 0;
}

int x_ground_noun(const xsent *s, uint32_t h)
{
    char buf[64];
    const char *w = x_lemma(s, h, buf, sizeof buf);
    return word_in(w, polity_words) || word_in(w, ground_words);
}

int x_weapon_class(int cls)
{
    return cls != CHR_IC_NONE && cls != CHR_IC_MEDICAL && cls != CHR_IC_FOOD &&
           cls != CHR_IC_FUEL && cls != CHR_IC_OTHER;
}

/* Whether the head noun h names a thing, which no one is: materiel and aid
 * ("military equipment", "a new package"), land and buildings ("an
 * apartment block", "a planeload"), though not a state ("NATO countries").  In an attack (armed) a weapon is no
 * thing: it stands for whoever fires it ("Russian missiles hit Kyiv"). */
static int thing_head(const xsent *s, uint32_t h, int armed)
{
    for (size_t i = x_mention_first(s, h > s->p.tok_begin + 4 ? h - 4 : s->p.tok_begin);
         i < s->m1 && s->d->ms->v[i].tok_begin <= h; i++) {
        const chr_mention *m = &s->d->ms->v[i];
        if (m->kind != CHR_M_ITEM || h >= m->tok_end) continue;
        int cls = m->u.entry->item_class;
        return !(armed && x_weapon_class(cls) && cls != CHR_IC_PROTECTIVE);
    }
    char buf[64];
    const char *w = x_lemma(s, h, buf, sizeof buf);
    if (chr_parse_marks(&s->p, h) & CHR_LF_MARK3) {
        const chr_pattern *ps[8];
        size_t n = chr_patterns_find(s->d->x->patterns, 'n', w, strlen(w), ps, 8);
        for (size_t i = 0; i < n; i++)
            if (ps[i]->what == CHR_PAT_AIDNOUN) return 1;
    }
    return word_in(w, ground_words) || word_in(w, built_words);
}

/* The best actor of tokens [first, last] with head h: the mention holding
 * the head, else the last one before it, else the first.  A doer (as) is
 * never a name that only modifies a thing: the knowledge base composes a
 * name with the nouns of those who act for it ("Russian troops", "US
 * officials"), so a name left before another head acts through it only
 * when that head is no thing ("Russian shelling", "Blinken's trip"). */
static const chr_mention *best_actor(const xsent *s, uint32_t first, uint32_t last, uint32_t h,
                                     int as)
{
    const chr_mention *ms[32], *best = NULL;
    /* a name that holds the head, even when it reaches past the phrase:
     * "President" of "President of Ukraine Volodymyr Zelenskyy" */
    for (size_t i = x_mention_first(s, h > s->p.tok_begin + 24 ? h - 24 : s->p.tok_begin);
         i < s->m1 && s->d->ms->v[i].tok_begin <= h; i++) {
        const chr_mention *m = &s->d->ms->v[i];
        if (m->kind == CHR_M_ACTOR && h < m->tok_end &&
            (m->tok_begin < first || m->tok_end > last + 1))
            return m;
    }
    size_t n = x_mentions_in(s, CHR_M_ACTOR, first, last, ms, 32);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (!hyphen_modifier(s->d, ms[i])) ms[kept++] = ms[i];
    n = kept;
    for (size_t i = 0; i < n; i++) {
        if (ms[i]->tok_begin <= h && h < ms[i]->tok_end) return ms[i];
        if (ms[i]->tok_end <= h + 1) best = ms[i];
    }
    if (!best && n) best = ms[0];
    if (!best) {
        n = x_mentions_in(s, CHR_M_PLACE, first, last, ms, 32);
        best = n ? ms[n - 1] : NULL;
    }
    if (best && as != X_PARTY && h >= best->tok_end && thing_head(s, h, as == X_DOER_ARMED)) {
        if (s->d->trace)
            x_trace(s->d, "'%s' only modifies a thing ('%s'): no actor",
                    x_mention_text(s->d, best), x_tok_text(s->d, h, h));
        return NULL;
    }
    return best;
}

static int has_coordination(const xsent *s, uint32_t first, uint32_t last)
{
    for (uint32_t k = first; k <= last; k++)
        if (x_tok_is(s->d, k, "and") || x_tok_is(s->d, k, "or") ||
            (x_tok_is(s->d, k, ",") && k > first))
            return 1;
    return 0;
}

/* ---- finding phrases and clauses by token ------------------------------------------ */

/* The first of n structs (of size stride, in order of a uint32_t field at
 * offset off) whose field is at least key. */
static uint32_t lower_bound(const void *base, uint32_t n, size_t stride, size_t off, uint32_t key)
{
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2, v;
        memcpy(&v, (const char *)base + mid * stride + off, sizeof v);
        if (v < key) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

uint32_t x_pp_lower(const xsent *s, uint32_t tok)
{
    return lower_bound(s->p.pps, s->p.npp, sizeof *s->p.pps, offsetof(chr_pp, prep), tok);
}

uint32_t x_vg_lower(const xsent *s, uint32_t tok)
{
    return lower_bound(s->p.vgs, s->p.nvg, sizeof *s->p.vgs, offsetof(chr_vgroup, first), tok);
}

uint32_t x_clause_lower(const xsent *s, uint32_t tok)
{
    return lower_bound(s->p.clauses, s->p.ncl, sizeof *s->p.clauses, offsetof(chr_clause, first),
                       tok);
}

int32_t x_clause_at(const xsent *s, uint32_t k)
{
    for (uint32_t i = x_clause_lower(s, k + 1); i-- > 0;)
        if (s->p.clauses[i].first <= k && k <= s->p.clauses[i].last) return (int32_t)i;
    return -1;
}

/* "3.4 million people in Ukraine": a noun of people, whose place stands
 * for them (data/patterns/figures.txt lists the nouns). */
int x_people_head(const xsent *s, uint32_t h)
{
    char buf[64];
    const char *w = x_lemma(s, h, buf, sizeof buf);
    const chr_pattern *ps[4];
    size_t n = chr_patterns_find(s->d->x->patterns, 'n', w, strlen(w), ps, 4);
    for (size_t i = 0; i < n; i++)
        if (ps[i]->what == CHR_PAT_POPULATION) return 1;
    return 0;
}

static size_t np_actors_rec(xsent *s, int32_t np, int as, const chr_mention **out, size_t n,
                            size_t max, int depth)
{
    if (np < 0 || (uint32_t)np >= s->p.nnp || depth > 3) return n;
    const chr_np *x = &s->p.nps[np];
    if (x->flags & CHR_NPF_LIST) {
        for (uint32_t i = 1; i <= x->nconj && (uint32_t)np + i < s->p.nnp; i++)
            n = np_actors_rec(s, np + (int32_t)i, as, out, n, max, depth + 1);
        if (n) return n;
    }
    int pk = pronoun_kind(s->d, x->first);
    if (pk && (x->flags & CHR_NPF_PRON || x->first != x->head)) {
        /* "it", "his trip": the pronoun stands for someone named before */
        const chr_mention *m = resolve_pronoun(s, x->first, pk);
        if ((x->flags & CHR_NPF_PRON) || !best_actor(s, x->first + 1, x->last, x->head, as))
            return add_distinct(out, n, max, m);
    }
    if (has_coordination(s, x->first, x->last)) {
        const chr_mention *ms[32];
        size_t k = x_mentions_in(s, CHR_M_ACTOR, x->first, x->last, ms, 32);
        for (size_t i = 0; i < k; i++)
            if (!hyphen_modifier(s->d, ms[i])) n = add_distinct(out, n, max, ms[i]);
        if (!k) {
            k = x_mentions_in(s, CHR_M_PLACE, x->first, x->last, ms, 32);
            for (size_t i = 0; i < k; i++) n = add_distinct(out, n, max, ms[i]);
        }
        if (n) return n;
    }
    const chr_mention *m = best_actor(s, x->first, x->last, x->head, as);
    if (m) return add_distinct(out, n, max, m);
    /* "his counterparts from the European Union and G7": the actors are in
     * the of/from phrase attached to the noun */
    for (uint32_t i = x_pp_lower(s, x->last); i < s->p.npp && s->p.pps[i].prep <= x->last + 1; i++) {
        const chr_pp *pp = &s->p.pps[i];
        if (pp->host_np != np) continue;
        if (x_tok_is(s->d, pp->prep, "of") || x_tok_is(s->d, pp->prep, "from") ||
            (x_tok_is(s->d, pp->prep, "in") && x_people_head(s, x->head)))
            n = np_actors_rec(s, pp->np, as, out, n, max, depth + 1);
    }
    if (n) return n;
    /* "the country", "the nation": the state last named by its name ("Italy
       has long backed Kyiv. The country delivered ..." is Italy), else
       what "it" would be */
    if (x_tok_is(s->d, x->head, "country") || x_tok_is(s->d, x->head, "nation")) {
        int the = x_tok_is(s->d, x->first, "the");     /* not "our country" */
        const chr_mention *st = the ? s->d->last_state : NULL;
        for (size_t i = s->m0; i < s->m1 && the && s->d->ms->v[i].tok_end <= x->first; i++) {
            const chr_mention *m = &s->d->ms->v[i];
            if (m->kind == CHR_M_ACTOR && m->u.entry->type == CHR_ET_STATE) st = m;
        }
        n = add_distinct(out, n, max, st ? st : resolve_pronoun(s, x->first, 'g'));
    }
    return n;
}

size_t x_np_actors(xsent *s, int32_t np, const chr_mention **out, size_t max)
{
    return np_actors_rec(s, np, X_PARTY, out, 0, max, 0);
}

size_t x_np_actors_as(xsent *s, int32_t np, int as, const chr_mention **out, size_t max)
{
    return np_actors_rec(s, np, as, out, 0, max, 0);
}

size_t x_actors_after(xsent *s, uint32_t k, uint32_t last, uint32_t window,
                      const chr_mention **out, size_t max)
{
    size_t n = 0;
    uint32_t stop = k + window < last ? k + window : last;
    for (size_t i = s->m0; i < s->m1; i++) {
        const chr_mention *m = &s->d->ms->v[i];
        if (m->tok_begin <= k) continue;
        if (m->tok_begin > stop) break;
        if (m->kind != CHR_M_ACTOR && m->kind != CHR_M_PLACE) continue;
        if (hyphen_modifier(s->d, m)) continue;
        n = add_distinct(out, n, max, m);
        /* a list goes on through commas and "and" */
        if (m->tok_end <= last && !(x_tok_is(s->d, m->tok_end, ",") ||
                                     x_tok_is(s->d, m->tok_end, "and") ||
                                     x_tok_is(s->d, m->tok_end, "or") ||
                                     m->kind == CHR_M_PLACE))
            break;
        stop = m->tok_end + 2 < last ? m->tok_end + 2 : last;
    }
    return n;
}

void x_fill_actor(xdoc *d, chr_ractor *a, const chr_mention *m)
{
    memset(a, 0, sizeof *a);
    const chr_entry *e = m->u.entry;
    a->text = x_mention_text(d, m);
    const char *code = x_code(m);
    snprintf(a->code, sizeof a->code, "%s", code);
    const chr_entry *of = m->kind == CHR_M_PLACE ? chr_kb_code(d->x->kb, code) : e->of;
    a->name = of ? of->name : e->name;
    int role = m->kind == CHR_M_PLACE ? CHR_ROLE_GOV : chr_mention_role(m);
    if (m->kind == CHR_M_ACTOR && (e->type == CHR_ET_DEMONYM || e->type == CHR_ET_STATE) &&
        !(m->flags & CHR_MF_ROLE_MASK) && !role)
        role = CHR_ROLE_GOV;
    snprintf(a->role, sizeof a->role, "%s", chr_role_name(role));
}

void x_fill_place(xdoc *d, chr_rplace *p, const chr_mention *m)
{
    memset(p, 0, sizeof *p);
    p->text = x_mention_text(d, m);
    p->name = m->u.entry->name;
    snprintf(p->country, sizeof p->country, "%s", x_code(m));
}

/* ---- sources ------------------------------------------------------------------------- */

/* A person as the article spells their full name ("Volodymyr Zelenskyy"),
 * else by the dictionary's name (a surname alone: "Blinken"). */
static const char *person_name(xdoc *d, const chr_mention *m)
{
    const char *name = m->u.entry->name, *t = d->t->norm + m->start;
    size_t words = 1, len = m->end - m->start;
    for (const char *c = name; *c; c++) words += *c == ' ';
    /* as many words from the end of the mention as the name has, past its
     * titles ("President of Ukraine Volodymyr Zelenskyy") */
    size_t b = len, seen = 0;
    while (b > 0 && seen < words) {
        while (b > 0 && t[b - 1] == ' ') b--;
        while (b > 0 && t[b - 1] != ' ') b--;
        seen++;
    }
    if (seen < words || words < 2) return name;
    static const char *const honorifics[] = {"Mr", "Mrs", "Ms", "Dr", "Sir", "General", "Gen",
                                             "President", "Minister", "Secretary", NULL};
    for (int i = 0; honorifics[i]; i++) {
        size_t l = strlen(honorifics[i]);
        if (strncmp(t + b, honorifics[i], l) == 0 && (t[b + l] == ' ' || t[b + l] == '.'))
            return name;
    }
    return chr_arena_strndup(d->a, t + b, len - b);
}

static int source_from_range(xsent *s, uint32_t first, uint32_t last, chr_rsource *src)
{
    const chr_mention *ms[16];
    size_t n = x_mentions_in(s, CHR_M_SOURCE, first, last, ms, 16);
    const chr_mention *m = n ? ms[0] : NULL;
    if (!m) {
        n = x_mentions_in(s, CHR_M_ACTOR, first, last, ms, 16);
        /* the most specific actor: a person over a state */
        for (size_t i = 0; i < n; i++)
            if (!m || is_person(ms[i]) || (ms[i]->end - ms[i]->start) > (m->end - m->start)) m = ms[i];
    }
    if (!m) return 0;
    memset(src, 0, sizeof *src);
    src->text = x_mention_text(s->d, m);
    const chr_entry *e = m->u.entry;
    if (e->type != CHR_ET_PERSON) {
        /* a body is named as the text names it ("US State Department",
         * "Ukraine's Emergency Services", "Anadolu News Agency"); a person
         * by their full name */
        const char *t = s->d->t->norm + m->start;
        size_t len = m->end - m->start;
        if (len > 4 && (strncmp(t, "the ", 4) == 0 || strncmp(t, "The ", 4) == 0)) { t += 4; len -= 4; }
        src->name = chr_arena_strndup(s->d->a, t, len);
    } else {
        src->name = person_name(s->d, m);
    }
    if (m->kind == CHR_M_SOURCE) src->kind = chr_source_kind_name(chr_mention_source_kind(m));
    else if (is_person(m) && chr_mention_role(m) == CHR_ROLE_NONE) src->kind = "person";
    else src->kind = chr_source_kind_name(chr_source_kind_of_role(chr_mention_role(m)));
    return 1;
}

/* A noun phrase that reports without a name: "a report", "sources". */
static int unnamed_head(const xsent *s, uint32_t h)
{
    static const char *const heads[] = {"report", "reports", "statement", "source", "sources",
                                        "official", "officials", "document", "estimate",
                                        "estimates", "study", "media", NULL};
    for (int i = 0; heads[i]; i++) if (x_tok_is(s->d, h, heads[i])) return 1;
    return 0;
}

/* Whether the word w (lower case) stands whole in t[0..n), in any case. */
static int has_word(const char *t, size_t n, const char *w)
{
    size_t l = strlen(w);
    for (size_t i = 0; i + l <= n; i++) {
        if ((i && isalpha((unsigned char)t[i - 1])) ||
            (i + l < n && isalpha((unsigned char)t[i + l])))
            continue;
        size_t j = 0;
        while (j < l && tolower((unsigned char)t[i + j]) == w[j]) j++;
        if (j == l) return 1;
    }
    return 0;
}

/* "the President said", "the minister noted": a title alone names the last
 * person the document introduced with that title ("President of Ukraine
 * Volodymyr Zelenskyy"). */
static const chr_mention *titled_person(const xsent *s, const chr_np *x)
{
    static const char *const titles[] = {"president", "minister", "chancellor", "premier",
                                         "secretary", "spokesperson", "spokesman",
                                         "spokeswoman", "ambassador", "commander", NULL};
    if (!x_tok_is(s->d, x->first, "the") || x->head != x->first + 1) return NULL;
    const char *title = NULL;
    for (int i = 0; titles[i] && !title; i++)
        if (x_tok_is(s->d, x->head, titles[i])) title = titles[i];
    if (!title) return NULL;
    const char *norm = s->d->t->norm;
    /* back through the mentions before this sentence, a bounded way */
    for (size_t i = s->m0, seen = 0; i-- > 0 && seen < 512; seen++) {
        const chr_mention *m = &s->d->ms->v[i];
        if (m->kind != CHR_M_ACTOR || !is_person(m)) continue;
        size_t from = m->start > 48 ? m->start - 48 : 0;
        if (has_word(norm + from, m->end - from, title)) return m;
    }
    return NULL;
}

static int source_from_np(xsent *s, int32_t np, chr_rsource *src)
{
    if (np < 0 || (uint32_t)np >= s->p.nnp) return 0;
    const chr_np *x = &s->p.nps[np];
    uint32_t last = x->last;
    /* "a report by NBC News": take in the phrases attached to it */
    for (uint32_t i = 0; i < s->p.npp; i++) {
        const chr_pp *pp = &s->p.pps[i];
        if (pp->host_np == np && pp->np >= 0 && (uint32_t)pp->np < s->p.nnp &&
            s->p.nps[pp->np].last > last)
            last = s->p.nps[pp->np].last;
    }
    int pk = pronoun_kind(s->d, x->first);
    if (pk && (x->flags & CHR_NPF_PRON)) {
        const chr_mention *m = resolve_pronoun(s, x->first, pk);
        if (m && m->kind == CHR_M_ACTOR) {
            memset(src, 0, sizeof *src);
            src->text = x_tok_text(s->d, x->first, x->last);
            src->name = m->u.entry->name;
            src->kind = is_person(m) && chr_mention_role(m) == CHR_ROLE_NONE ? "person"
                        : chr_source_kind_name(chr_source_kind_of_role(chr_mention_role(m)));
            return 1;
        }
        return 0;
    }
    if (source_from_range(s, x->first, last, src)) return 1;
    const chr_mention *t = titled_person(s, x);
    if (t) {
        memset(src, 0, sizeof *src);
        src->text = x_tok_text(s->d, x->first, x->last);
        src->name = person_name(s->d, t);
        src->kind = chr_source_kind_name(chr_source_kind_of_role(chr_mention_role(t)));
        return 1;
    }
    if (unnamed_head(s, x->head)) {
        memset(src, 0, sizeof *src);
        src->text = x_tok_text(s->d, x->first, x->last);
        src->kind = "unnamed";
        return 1;
    }
    return 0;
}

int x_np_source(xsent *s, int32_t np, chr_rsource *src)
{
    return source_from_np(s, np, src);
}

int x_source(xsent *s, int32_t c, chr_rsource *src)
{
    for (int hops = 0; c >= 0 && (uint32_t)c < s->p.ncl && hops < 8; hops++) {
        const chr_clause *cl = &s->p.clauses[c];
        if (cl->source >= 0 && source_from_np(s, cl->source, src)) return 1;
        c = cl->frame;
    }
    return 0;
}

static int sentence_source(xsent *s, chr_rsource *src);

int x_sentence_source(xsent *s, chr_rsource *src)
{
    /* the same for every record of the sentence: looked for once */
    if (!s->src_state) s->src_state = sentence_source(s, &s->src) ? 1 : -1;
    if (s->src_state < 0) return 0;
    *src = s->src;
    return 1;
}

static int sentence_source(xsent *s, chr_rsource *src)
{
    for (uint32_t c = 0; c < s->p.ncl; c++)
        if (s->p.clauses[c].report == CHR_REPORT_ACCORDING && s->p.clauses[c].source >= 0 &&
            source_from_np(s, s->p.clauses[c].source, src))
            return 1;
    /* a news outlet that reports anything in the sentence reports all of
     * it: "..., Anadolu News Agency reported citing the spokesperson" */
    for (size_t i = s->m0; i < s->m1; i++) {
        const chr_mention *m = &s->d->ms->v[i];
        if (m->kind != CHR_M_SOURCE || chr_mention_source_kind(m) != CHR_SK_MEDIA) continue;
        int32_t vi = m->tok_end < s->p.tok_end ? chr_parse_vg_at(&s->p, m->tok_end) : -1;
        if (vi >= 0 && (s->p.vgs[vi].flags & CHR_VGF_REPORT))
            return source_from_range(s, m->tok_begin, m->tok_end - 1, src);
    }
    return 0;
}

/* ---- dates and counts ------------------------------------------------------------------ */

const chr_mention *x_date_in(const xsent *s, uint32_t first, uint32_t last, int allow_since)
{
    const chr_mention *ms[16];
    size_t n = x_mentions_in(s, CHR_M_DATE, first, last, ms, 16);
    for (size_t i = 0; i < n; i++) {
        if (!allow_since && (ms[i]->u.date.flags & CHR_DF_SINCE)) continue;
        return ms[i];
    }
    return NULL;
}

void x_fill_date(xdoc *d, chr_rdate *r, const chr_mention *m)
{
    r->present = 1;
    r->text = x_mention_text(d, m);
    r->start = m->u.date.start;
    r->end = m->u.date.end;
}

void x_fill_count(xdoc *d, chr_rcount *c, const chr_mention *m)
{
    const chr_count *k = m->kind == CHR_M_MONEY ? &m->u.money.amount : &m->u.num;
    c->present = 1;
    c->text = x_mention_text(d, m);
    c->value = k->value;
    c->max = k->max;
    c->qual = chr_qual_name(k->qual);
}

/* ---- records ------------------------------------------------------------------------------ */

chr_record *chr_records_push(chr_records *rs, chr_arena *a)
{
    if (rs->n == rs->cap) {
        size_t cap = rs->cap ? rs->cap * 2 : 16;
        chr_record *v = chr_arena_realloc(a, rs->v, rs->cap * sizeof *v, cap * sizeof *v);
        if (!v) return NULL;
        rs->v = v;
        rs->cap = cap;
    }
    chr_record *r = &rs->v[rs->n++];
    memset(r, 0, sizeof *r);
    r->as_of = r->since = CHR_DAY_NONE;
    r->date.start = r->date.end = CHR_DAY_NONE;
    return r;
}

chr_record *x_new_record(xsent *s, int kind, const char *rule)
{
    chr_record *r = chr_records_push(s->d->out, s->d->a);
    if (!r) return NULL;
    r->kind = kind;
    r->sent = s->sent;
    const chr_sentence *st = &s->d->t->sents[s->sent];
    r->start = chr_text_src_offset(s->d->t, st->start);
    r->end = chr_text_src_offset(s->d->t, st->end);
    r->rule = rule;
    return r;
}
