/*
 * figures.c - running counts from one parsed sentence.
 *
 * A figure is a number that counts people (or equipment) under a metric:
 * the number's noun phrase is the subject of a metric verb ("more than 2,000
 * civilians have been killed", "over a million have fled"), or its head is
 * a metric noun ("8,000 deaths", "refugees"), or a metric adjective follows
 * it ("more than 340 injured").  When the sentence reports a specific attack
 * (an ASSAULT event of the same sentence), the count is that attack's toll
 * and goes into its dead/injured instead (spec section 3).
 */
#include "extract/xint.h"

#include <string.h>

static const chr_pattern *lookup(const xsent *s, char pos, const char *w, int what)
{
    const chr_pattern *c[16];
    size_t n = chr_patterns_find(s->d->x->patterns, pos, w, strlen(w), c, 16);
    for (size_t i = 0; i < n; i++)
        if (c[i]->what == what && c[i]->nwords == 1) return c[i];
    return NULL;
}

static const chr_pattern *token_pattern(const xsent *s, uint32_t k, char pos, int what)
{
    char buf[64];
    const chr_pattern *p = lookup(s, pos, x_lemma(s, k, buf, sizeof buf), what);
    if (p) return p;
    const char *raw = x_tok_text(s->d, k, k);
    char low[64];
    size_t n = strlen(raw);
    if (n >= sizeof low) return NULL;
    for (size_t i = 0; i <= n; i++) low[i] = (char)(raw[i] >= 'A' && raw[i] <= 'Z' ? raw[i] + 32 : raw[i]);
    p = lookup(s, pos, low, what);
    if (!p && n > 3 && low[n - 1] == 's') {   /* a plural the tagger did not fold */
        low[n - 1] = '\0';
        p = lookup(s, pos, low, what);
    }
    return p;
}

/* The metric verb of the clause that np is the subject of: the first verb
 * group after the phrase in the same clause. */
static const chr_pattern *subject_metric(const xsent *s, const chr_np *x, const chr_vgroup **vgo)
{
    /* "hit by two missiles, killing ...": the agent of a passive is no
       later verb's subject */
    int32_t xi = (int32_t)(x - s->p.nps);
    for (uint32_t vi = 0; vi < s->p.nvg; vi++)
        if (s->p.vgs[vi].agent == xi) return NULL;
    for (uint32_t vi = 0; vi < s->p.nvg; vi++) {
        const chr_vgroup *vg = &s->p.vgs[vi];
        if (vg->first <= x->last) continue;
        if (vg->first > x->last + 6) break;
        /* "have been killed", "have fled", "lost their lives" */
        char buf[64];
        const char *lemma = x_vg_lemma(vg, buf, sizeof buf);
        if (!lemma) return NULL;
        /* "are missing", "remain unaccounted for": be and a count's adjective */
        if (vg->last + 1 < s->p.tok_end && chr_parse_tag(&s->p, vg->last + 1)->tag == CHR_T_ADJ) {
            const chr_pattern *a = token_pattern(s, vg->last + 1, 'a', CHR_PAT_METRIC);
            if (a) {
                *vgo = vg;
                return a;
            }
        }
        const chr_pattern *c[8];
        size_t n = chr_patterns_find(s->d->x->patterns, 'v', lemma, strlen(lemma), c, 8);
        for (size_t i = 0; i < n; i++) {
            if (c[i]->what != CHR_PAT_METRIC) continue;
            if (c[i]->nwords > 1) {
                /* "lose life": the object's head */
                if (vg->obj < 0) continue;
                char b[64];
                if (strcmp(x_lemma(s, s->p.nps[vg->obj].head, b, sizeof b), c[i]->words[1]) != 0)
                    continue;
            }
            *vgo = vg;
            return c[i];
        }
        return NULL;
    }
    return NULL;
}

/* The metric verb whose object is np: "killing nearly 1,000 Russian troops
 * each day", "Moscow has deported thousands of people". */
static const chr_pattern *object_metric(const xsent *s, int32_t np, const chr_vgroup **vgo)
{
    for (uint32_t vi = 0; vi < s->p.nvg; vi++) {
        const chr_vgroup *vg = &s->p.vgs[vi];
        if (vg->obj != np || vg->voice == CHR_VOICE_PASSIVE) continue;
        char buf[64];
        const char *lemma = x_vg_lemma(vg, buf, sizeof buf);
        if (!lemma) return NULL;
        const chr_pattern *p = lookup(s, 'v', lemma, CHR_PAT_METRIC);
        if (p) *vgo = vg;
        return p;
    }
    return NULL;
}

/* The metric verb right before the count: "killing three civilians and
 * injuring seven others" gives each count its own verb. */
static const chr_pattern *preceding_metric(const xsent *s, const chr_mention *num,
                                           const chr_vgroup **vgo)
{
    if (num->tok_begin <= s->p.tok_begin) return NULL;
    {
        /* the count is the verb's object, right after it (its qualifiers
         * are inside the count's span) */
        int32_t vi = chr_parse_vg_at(&s->p, num->tok_begin - 1);
        if (vi < 0) return NULL;
        const chr_vgroup *vg = &s->p.vgs[vi];
        char buf[64];
        const char *lemma = x_vg_lemma(vg, buf, sizeof buf);
        if (vg->voice == CHR_VOICE_PASSIVE || !lemma) return NULL;
        const chr_pattern *p = lookup(s, 'v', lemma, CHR_PAT_METRIC);
        if (p) *vgo = vg;
        return p;
    }
    return NULL;
}

static int cumulative_cue(const xsent *s)
{
    static const char *const cues[] = {"so", "far", "total", "toll", "since", "now", "overall",
                                       "date", "altogether", "each", "every", "per", "daily",
                                       NULL};
    for (uint32_t k = s->p.tok_begin; k < s->p.tok_end; k++)
        for (int i = 0; cues[i]; i++)
            if (x_tok_is(s->d, k, cues[i])) return 1;
    return 0;
}

/* An event of this type made from this sentence (ASSAULT: whose toll this is). */
static chr_record *sentence_event(xsent *s, const char *type)
{
    chr_records *rs = s->d->out;
    for (size_t i = rs->n; i > 0; i--) {
        chr_record *r = &rs->v[i - 1];
        if (r->sent != s->sent) break;
        if (r->kind == CHR_REC_EVENT && strcmp(r->type, type) == 0) return r;
    }
    return NULL;
}

static void figure_from_number(xsent *s, const chr_mention *num)
{
    int32_t npi = chr_parse_np_at(&s->p, num->tok_begin);
    /* "Half a million children": the phrase that holds the count's last word */
    if (npi >= 0 && s->p.nps[npi].last + 1 < num->tok_end) {
        int32_t last = chr_parse_np_at(&s->p, num->tok_end - 1);
        if (last >= 0) npi = last;
    }
    if (npi < 0) return;
    const chr_np *x = &s->p.nps[npi];
    const chr_pattern *metric = NULL, *pop = NULL;
    const chr_vgroup *vg = NULL;
    /* the counted noun: the head, or for "91 of its rescuers" the phrase after "of" */
    uint32_t head = x->head;
    if (head < num->tok_end && num->tok_end < s->p.tok_end && x_tok_is(s->d, num->tok_end, "of")) {
        int32_t nx = chr_parse_np_at(&s->p, num->tok_end + 1);
        if (nx >= 0) head = s->p.nps[nx].head;
    }
    if (head >= num->tok_end) {
        metric = token_pattern(s, head, 'n', CHR_PAT_METRIC);
        pop = token_pattern(s, head, 'n', CHR_PAT_POPULATION);
    }
    if (!metric && num->tok_end < s->p.tok_end)   /* "more than 340 injured" */
        metric = token_pattern(s, num->tok_end, 'a', CHR_PAT_METRIC);
    if (!metric) metric = preceding_metric(s, num, &vg);
    if (!metric) metric = subject_metric(s, x, &vg);
    if (!metric) metric = object_metric(s, npi, &vg);
    if (!metric) return;
    if (vg && (vg->flags & CHR_VGF_NEG)) return;
    if (s->question) return;

    chr_record *attack = sentence_event(s, "ASSAULT");
    int perfect = vg && (vg->aspect & CHR_ASPECT_PERFECT);
    /* "Belarus arrested two journalists on Monday", "Russia released 50
       prisoners": one arrest or release, told by its event, is no count
       of the conflict */
    if (strcmp(metric->metric, "detained") == 0 && !perfect && !cumulative_cue(s) &&
        (sentence_event(s, "COERCE") || sentence_event(s, "CONCEDE"))) {
        x_trace(s->d, "count '%s' is the event's, not a figure", x_mention_text(s->d, num));
        return;
    }
    if (attack && !perfect && !cumulative_cue(s) &&
        (strcmp(metric->metric, "killed") == 0 || strcmp(metric->metric, "injured") == 0)) {
        chr_rcount *c = strcmp(metric->metric, "killed") == 0 ? &attack->dead : &attack->injured;
        if (!c->present) x_fill_count(s->d, c, num);
        x_trace(s->d, "toll '%s' goes to the attack (%s)", x_mention_text(s->d, num), metric->metric);
        return;
    }

    chr_record *r = x_new_record(s, CHR_REC_FIGURE, metric->rule);
    if (!r) return;
    r->metric = metric->metric;
    x_fill_count(s->d, &r->value, num);
    r->population = pop ? pop->population : NULL;
    /* what was destroyed: "200 Russian tanks" */
    if (strcmp(metric->metric, "destroyed") == 0) x_add_items(s, r, x->first, x->last);
    /* whose people: an actor named in the phrase ("Russian soldiers") */
    const chr_mention *ms[8];
    size_t n = x_mentions_in(s, CHR_M_ACTOR, x->first, x->last, ms, 8);
    if (n) snprintf(r->side, sizeof r->side, "%s", x_code(ms[0]));
    /* where: "in Ukraine", or what was fled ("fled the ex-Soviet state") */
    for (uint32_t k = x->last + 1; k < s->p.tok_end; k++) {
        const chr_mention *pl[2];
        int in = x_tok_is(s->d, k, "in") || x_tok_is(s->d, k, "from");
        int fled = vg && k == vg->last + 1 && strcmp(metric->metric, "displaced") == 0;
        if (!in && !fled) continue;
        uint32_t from = in ? k + 1 : k;
        if (x_mentions_in(s, CHR_M_PLACE, from, from + 3 < s->p.tok_end ? from + 3 : s->p.tok_end - 1, pl, 2) ||
            x_mentions_in(s, CHR_M_ACTOR, from, from + 3 < s->p.tok_end ? from + 3 : s->p.tok_end - 1, pl, 2)) {
            x_fill_place(s->d, &r->place, pl[0]);
            /* the people of the place, unless soldiers; and whoever fled a
               place ("refugees from Ukraine") is its people */
            int whence = (fled || x_tok_is(s->d, k, "from")) &&
                         strcmp(metric->metric, "displaced") == 0;
            if (!r->side[0] &&
                ((r->population && strcmp(r->population, "soldiers") != 0) || whence))
                snprintf(r->side, sizeof r->side, "%s", x_code(pl[0]));
            break;
        }
    }
    /* as of: the publication day for a count that stands now */
    const chr_mention *since = NULL, *asof = NULL;
    for (size_t i = s->m0; i < s->m1; i++) {
        const chr_mention *m = &s->d->ms->v[i];
        if (m->kind != CHR_M_DATE) continue;
        if (m->u.date.flags & CHR_DF_SINCE) { if (!since) since = m; }
        else if (!asof) asof = m;
    }
    if (since) r->since = since->u.date.start;
    if (asof && !(asof->u.date.flags & CHR_DF_UNRESOLVED) && asof->u.date.gran == CHR_GRAN_DAY)
        r->as_of = asof->u.date.end;
    else if (perfect || since || cumulative_cue(s) || (vg && vg->tense == CHR_TENSE_PRESENT))
        r->as_of = s->d->pub;
    chr_rsource src;
    int32_t c = -1;
    for (uint32_t i = 0; i < s->p.ncl; i++)
        if (s->p.clauses[i].first <= num->tok_begin && num->tok_begin <= s->p.clauses[i].last) c = (int32_t)i;
    if (x_source(s, c, &src) || x_sentence_source(s, &src)) r->source = src;
    if (!r->side[0] && r->source.kind && strcmp(r->source.kind, "government") == 0) {
        /* "according to Ukraine's Emergency Services": their own people */
        const chr_mention *sm[4];
        size_t k = 0;
        for (uint32_t i = 0; i < s->p.ncl && !k; i++)
            if (s->p.clauses[i].source >= 0) {
                const chr_np *sn = &s->p.nps[s->p.clauses[i].source];
                k = x_mentions_in(s, CHR_M_ACTOR, sn->first, sn->last, sm, 4);
            }
        if (k && r->population && strcmp(r->population, "soldiers") != 0)
            snprintf(r->side, sizeof r->side, "%s", x_code(sm[0]));
    }
    if (!r->side[0] && r->population && strcmp(r->population, "soldiers") != 0 &&
        s->d->ntopics) {
        /* civilians, children, people: of the state the article is about */
        snprintf(r->side, sizeof r->side, "%s", x_code(s->d->topics[0]));
    }
    if (!r->source.kind && r->since == CHR_DAY_NONE && !r->place.name && !perfect &&
        !cumulative_cue(s) && !(asof && !(asof->u.date.flags & CHR_DF_UNRESOLVED))) {
        /* "Destabilizing wars create thousands of refugees": a count with
         * no source, period, place or time is a generality, not a figure */
        x_trace(s->d, "refused figure %s %s: nobody reports it, and no time or place",
                r->metric, r->value.text);
        s->d->out->n--;
        return;
    }
    x_trace(s->d, "figure %s %s (%s) by rule %s", r->metric, r->value.text,
            r->value.qual, r->rule);
}

void x_figures_sentence(xsent *s)
{
    for (size_t i = s->m0; i < s->m1; i++) {
        const chr_mention *m = &s->d->ms->v[i];
        if (m->kind == CHR_M_NUMBER) figure_from_number(s, m);
    }
}
