/*
 * parse.c - verb groups, noun phrases, attachments and clauses of one
 * sentence, over the tags of tagger.c; see parse.h.
 *
 * Each step is one left-to-right pass (look-ahead and look-back are
 * bounded, or walk pointers that only move forward), so a sentence of a
 * million tokens costs a million steps, not a trillion:
 *
 *   verb groups -> simple noun phrases -> lists -> attachments ->
 *   complement links -> clauses -> subjects, objects, report frames.
 */
#include "extract/parse.h"

#include <string.h>

#define NONE CHR_NO_TOK

typedef struct pctx {
    const chr_text *t;
    chr_arena *a;
    uint32_t b, e;          /* the sentence's tokens */
    chr_parse *p;
    int32_t *np_start;      /* per token: the top-level NP starting there, or -1 */
    int32_t *np_end;        /* per token: the top-level NP ending there, or -1 */
    int32_t *vg_start;      /* per token: the verb group starting there, or -1 */
} pctx;

static inline const chr_ptag *tg(const pctx *c, uint32_t k) { return &c->p->tags[k - c->b]; }
static inline int tagof(const pctx *c, uint32_t k) { return k < c->e ? c->p->tags[k - c->b].tag : CHR_T_X; }
/* Token k is the lower-case word w (any case in the text). */
static inline int is(const pctx *c, uint32_t k, const char *w)
{
    if (k >= c->e) return 0;
    const chr_token *t = &c->t->toks[k];
    const char *p = c->t->norm + t->start;
    size_t n = t->end - t->start;
    if (n != strlen(w)) return 0;       /* strlen of a literal is a constant */
    for (size_t j = 0; j < n; j++) {
        char a = p[j];
        if (a >= 'A' && a <= 'Z') a = (char)(a + 32);
        if (a != w[j]) return 0;
    }
    return 1;
}
static inline int punct(const pctx *c, uint32_t k, char ch)
{
    if (k >= c->e) return 0;
    const chr_token *t = &c->t->toks[k];
    return t->type == CHR_TOK_PUNCT && c->t->norm[t->start] == ch &&
           !(tg(c, k)->flags & CHR_PF_GLUED);
}
static inline int32_t np_at(const pctx *c, uint32_t k) { return k < c->e ? c->p->np_at[k - c->b] : -1; }
static inline int32_t vg_at(const pctx *c, uint32_t k) { return k < c->e ? c->p->vg_at[k - c->b] : -1; }
static inline int32_t np_start(const pctx *c, uint32_t k) { return k < c->e ? c->np_start[k - c->b] : -1; }
static inline int32_t vg_start(const pctx *c, uint32_t k) { return k < c->e ? c->vg_start[k - c->b] : -1; }

static int is_adv_or_neg(const pctx *c, uint32_t k)
{
    int t = tagof(c, k);
    return t == CHR_T_ADV || (t == CHR_T_PART && (tg(c, k)->flags & CHR_PF_NEG));
}

/* ---- verb groups -------------------------------------------------------- */

enum { W_START, W_BASE, W_PART, W_BE, W_BEING, W_BEEN, W_DONE };

static int accepts(const pctx *c, int want, uint32_t k)
{
    const chr_ptag *o = tg(c, k);
    int t = o->tag;
    uint8_t vf = o->vform;
    switch (want) {
    case W_START:
        return t == CHR_T_MODAL || t == CHR_T_AUX || t == CHR_T_VERB ||
               (t == CHR_T_PART && (o->flags & CHR_PF_INFTO));
    case W_BASE:
        return (t == CHR_T_VERB || t == CHR_T_AUX) && vf == CHR_VF_BASE;
    case W_PART:
        return (t == CHR_T_VERB || t == CHR_T_AUX) && vf == CHR_VF_PASTPART;
    case W_BE:      /* after a form of be: sent, visiting, being */
        return (t == CHR_T_VERB && (vf == CHR_VF_PASTPART || vf == CHR_VF_GERUND)) ||
               (t == CHR_T_AUX && o->aux == CHR_AUX_BE && vf == CHR_VF_GERUND);
    case W_BEING:   /* being sent */
        return t == CHR_T_VERB && vf == CHR_VF_PASTPART;
    case W_BEEN:    /* been sent, been visiting */
        return t == CHR_T_VERB && (vf == CHR_VF_PASTPART || vf == CHR_VF_GERUND);
    }
    return 0;
}

static int tense_of(uint8_t vf)
{
    if (vf == CHR_VF_PAST) return CHR_TENSE_PAST;
    if (vf & (CHR_VF_PRES | CHR_VF_PRES3 | CHR_VF_BASE)) return CHR_TENSE_PRESENT;
    return CHR_TENSE_NONE;
}

/* Build the verb group starting at token i; returns its last token. */
static uint32_t build_vg(pctx *c, uint32_t i, chr_vgroup *g)
{
    memset(g, 0, sizeof *g);
    g->first = i;
    g->particle = NONE;
    g->gov = g->comp = g->clause = g->obj = g->iobj = g->agent = -1;
    int want = W_START;
    uint32_t j = i, last = i, head = NONE;
    int nel = 0;
    int prev_aux = CHR_AUX_NONE;        /* auxiliary of the previous element */
    uint8_t prev_vf = 0;

    /* "we'll send", "they've sent": the clitic is the first element */
    if (i > c->b && (tg(c, i - 1)->flags & CHR_PF_CLITIC)) {
        const chr_ptag *cl = tg(c, i - 1);
        g->flags |= CHR_VGF_CLITIC | CHR_VGF_FINITE;
        if (cl->modal) {
            g->modal = cl->modal;
            g->tense = (cl->modal == CHR_MODAL_WILL || cl->modal == CHR_MODAL_WOULD ||
                        cl->modal == CHR_MODAL_SHALL) ? CHR_TENSE_FUTURE : CHR_TENSE_PRESENT;
            want = W_BASE;
        } else if (cl->aux == CHR_AUX_HAVE) {
            g->tense = CHR_TENSE_PRESENT;
            prev_aux = CHR_AUX_HAVE;
            want = W_PART;
        } else if (cl->aux == CHR_AUX_BE) {
            g->tense = CHR_TENSE_PRESENT;
            prev_aux = CHR_AUX_BE;
            want = W_BE;
        }
        if (cl->flags & CHR_PF_NEG) g->flags |= CHR_VGF_NEG;
        nel = 1;
        if (!accepts(c, want, i)) want = W_START, nel = 0;
    }

    while (j < c->e && want != W_DONE) {
        uint32_t k = j;
        if (nel > 0)
            while (k < c->e && is_adv_or_neg(c, k)) k++;
        if (k >= c->e || !accepts(c, want, k)) break;
        for (uint32_t q = j; q < k; q++)
            if (tg(c, q)->flags & CHR_PF_NEG) g->flags |= CHR_VGF_NEG;
        const chr_ptag *o = tg(c, k);
        if (o->flags & CHR_PF_NEG) g->flags |= CHR_VGF_NEG;
        int first_el = nel == 0;
        if (o->tag == CHR_T_MODAL) {
            g->modal = o->modal;
            g->tense = (o->modal == CHR_MODAL_WILL || o->modal == CHR_MODAL_WOULD ||
                        o->modal == CHR_MODAL_SHALL) ? CHR_TENSE_FUTURE : CHR_TENSE_PRESENT;
            g->flags |= CHR_VGF_FINITE;
            want = W_BASE;
        } else if (o->tag == CHR_T_PART) {
            g->flags |= CHR_VGF_INF;
            while (k + 1 < c->e && (tg(c, k + 1)->flags & CHR_PF_MW)) k++;   /* in order to */
            want = W_BASE;
        } else {
            if (first_el) {
                g->tense = (uint8_t)tense_of(o->vform);
                if (g->tense != CHR_TENSE_NONE) g->flags |= CHR_VGF_FINITE;
                else if (o->vform == CHR_VF_GERUND) g->flags |= CHR_VGF_GERUND;
                else if (o->vform == CHR_VF_PASTPART) g->flags |= CHR_VGF_PARTICIPLE;
            }
            if (prev_aux == CHR_AUX_HAVE && o->vform == CHR_VF_PASTPART)
                g->aspect |= CHR_ASPECT_PERFECT;
            if (prev_aux == CHR_AUX_BE && o->vform == CHR_VF_GERUND && o->tag == CHR_T_VERB)
                g->aspect |= CHR_ASPECT_PROGRESSIVE;
            if ((prev_aux == CHR_AUX_BE || prev_aux == CHR_AUX_GET) &&
                o->vform == CHR_VF_PASTPART && o->tag == CHR_T_VERB)
                g->voice = CHR_VOICE_PASSIVE;
            if (o->tag == CHR_T_AUX) {
                prev_aux = o->aux;
                if (o->aux == CHR_AUX_BE)
                    want = o->vform == CHR_VF_GERUND ? W_BEING
                         : o->vform == CHR_VF_PASTPART ? W_BEEN : W_BE;
                else if (o->aux == CHR_AUX_HAVE) want = W_PART;
                else if (o->aux == CHR_AUX_DO) want = W_BASE;
                else want = W_PART;                 /* got killed */
                if (o->aux == CHR_AUX_HAVE && o->vform == CHR_VF_PASTPART && prev_vf)
                    g->aspect |= CHR_ASPECT_PERFECT;    /* had had */
                if (o->aux == CHR_AUX_BE && o->vform == CHR_VF_PASTPART)
                    g->aspect |= CHR_ASPECT_PERFECT;    /* has been */
                if (o->aux == CHR_AUX_BE && o->vform == CHR_VF_GERUND && nel > 0)
                    g->aspect |= CHR_ASPECT_PROGRESSIVE;  /* is being sent */
            } else {
                head = k;
                want = W_DONE;
            }
            prev_vf = o->vform;
        }
        nel++;
        last = k;
        j = k + 1;
    }
    if (head == NONE) {
        /* no main verb: the last auxiliary is the head ("is a threat"), a
           bare modal stays its own head ("he will") */
        head = last;
        const chr_ptag *h = tg(c, head);
        if (h->tag == CHR_T_AUX && h->aux == CHR_AUX_BE) g->flags |= CHR_VGF_COPULA;
    }
    /* a bare past participle is passive: "tanks delivered to Ukraine" */
    if ((g->flags & CHR_VGF_PARTICIPLE) && tg(c, head)->tag == CHR_T_VERB)
        g->voice = CHR_VOICE_PASSIVE;
    g->last = last;
    g->head = head;
    const chr_ptag *h = tg(c, head);
    g->lemma = h->lemma;
    g->lemma_len = h->lemma_len;
    if ((h->feats & CHR_LF_REPORT) && h->tag == CHR_T_VERB) g->flags |= CHR_VGF_REPORT;
    /* a verb particle right after: carried out, set up */
    if (last + 1 < c->e && tagof(c, last + 1) == CHR_T_ADV &&
        (tg(c, last + 1)->feats & CHR_LF_PARTICLE) && h->tag == CHR_T_VERB &&
        !(tg(c, last + 1)->feats & CHR_LF_QPRE && tagof(c, last + 2) == CHR_T_NUM))
        g->particle = last + 1;
    return last;
}

static int verb_groups(pctx *c)
{
    chr_parse *p = c->p;
    for (uint32_t k = c->b; k < c->e;) {
        if (!accepts(c, W_START, k) || (tg(c, k)->flags & CHR_PF_GLUED)) {
            k++;
            continue;
        }
        /* "to" alone is no group: it needs its verb */
        if (tagof(c, k) == CHR_T_PART) {
            uint32_t q = k;
            while (q + 1 < c->e && (tg(c, q + 1)->flags & CHR_PF_MW)) q++;
            q++;
            while (q < c->e && is_adv_or_neg(c, q)) q++;
            if (!(q < c->e && accepts(c, W_BASE, q))) {
                k++;
                continue;
            }
        }
        chr_vgroup *g = &p->vgs[p->nvg];
        uint32_t last = build_vg(c, k, g);
        for (uint32_t q = k; q <= last; q++) p->vg_at[q - c->b] = (int32_t)p->nvg;
        c->vg_start[k - c->b] = (int32_t)p->nvg;
        p->nvg++;
        k = last + 1;
    }
    return CHR_OK;
}

/* ---- noun phrases --------------------------------------------------------- */

static int np_word(const pctx *c, uint32_t k)
{
    int t = tagof(c, k);
    return t == CHR_T_NOUN || t == CHR_T_PROPN || t == CHR_T_ADJ || t == CHR_T_NUM ||
           (t == CHR_T_SYM && vg_at(c, k) < 0);
}

static int np_head_tag(int t)
{
    return t == CHR_T_NOUN || t == CHR_T_PROPN || t == CHR_T_NUM || t == CHR_T_PRON ||
           t == CHR_T_SYM;
}

static int qpre(const pctx *c, uint32_t k)
{
    const chr_ptag *o = tg(c, k);
    return (o->feats & CHR_LF_QPRE) && vg_at(c, k) < 0 &&
           (o->tag == CHR_T_ADV || o->tag == CHR_T_DET || o->tag == CHR_T_ADJ ||
            (o->flags & CHR_PF_MW));
}

/* A simple noun phrase starting at k, or none; fills *np. */
static int simple_np(const pctx *c, uint32_t k, chr_np *np)
{
    memset(np, 0, sizeof *np);
    np->poss = np->num = np->cconj = NONE;
    np->parent = -1;
    np->pp = -1;
    const chr_ptag *o = tg(c, k);
    if (vg_at(c, k) >= 0 || (o->flags & CHR_PF_REL)) return 0;
    uint32_t j = k;

    /* personal pronouns stand alone */
    if (o->tag == CHR_T_PRON) {
        np->first = np->last = np->head = k;
        np->flags = CHR_NPF_PRON;
        return 1;
    }
    /* "more than 2,000", "some EUR 500 million", "an estimated 100,000" */
    uint32_t q = j;
    while (q < c->e && qpre(c, q)) q++;
    if (q > j) {
        uint32_t r = q;
        if (is(c, r, "a")) r++;             /* over a million */
        if (tagof(c, r) == CHR_T_SYM) r++;
        if (tagof(c, r) != CHR_T_NUM) {
            if (!(o->tag == CHR_T_DET)) return 0;
            q = j;                        /* "some weapons": a determiner */
        }
    }
    j = q;
    while (j < c->e && tagof(c, j) == CHR_T_DET && !(tg(c, j)->flags & CHR_PF_REL)) {
        if (tg(c, j)->feats & CHR_LF_NEG) np->flags |= CHR_NPF_NEG;
        j++;
    }
    /* modifiers and the head */
    uint32_t last = NONE;
    for (;;) {
        while (j < c->e && tagof(c, j) == CHR_T_ADV && np_word(c, j + 1) &&
               tagof(c, j + 1) == CHR_T_ADJ && !(tg(c, j)->feats & CHR_LF_PARTICLE))
            j++;                          /* "very large", "newly supplied" */
        if (j < c->e && np_word(c, j)) {
            last = j;
            if (tagof(c, j) == CHR_T_NUM && np->num == NONE) np->num = j;
            j++;
            continue;
        }
        if (last == NONE) break;
        /* a possessive goes on: "Ukraine's Emergency Services" */
        if (j < c->e && (tg(c, j)->flags & CHR_PF_POSS) && np_word(c, j + 1)) {
            np->poss = j;
            j++;
            continue;
        }
        /* a name goes on through "of": "Secretary of State Antony Blinken" */
        if (is(c, j, "of") && tagof(c, last) == CHR_T_PROPN) {
            uint32_t r = j + 1;
            if (is(c, r, "the")) r++;
            if (tagof(c, r) == CHR_T_PROPN && (tg(c, r)->flags & CHR_PF_CAPWORD)) {
                j = r;
                continue;
            }
        }
        break;
    }
    if (last == NONE) {
        /* a determiner alone ("this", "all") is no phrase here; pronouns
           were taken above */
        return 0;
    }
    /* the head is the last noun-like word; a phrase of adjectives alone is
       a predicate ("ready"), not a noun phrase, unless a determiner leads */
    uint32_t head = last;
    if (!np_head_tag(tagof(c, head))) {
        /* "$350 million lethal (and ...)": the phrase ends at its last
           noun-like word; bounded, adjectives rarely run long */
        uint32_t h = last;
        int steps = 0;
        while (h > k && !np_head_tag(tagof(c, h)) && steps++ < 8) h--;
        if (np_head_tag(tagof(c, h)) && h > k) {
            head = last = h;
        } else if (tagof(c, k) != CHR_T_DET && !(tg(c, k)->feats & CHR_LF_QPRE)) {
            return 0;
        }
    }
    np->first = k;
    np->last = last;
    np->head = head;
    const chr_ptag *h = tg(c, head);
    if (h->tag == CHR_T_PROPN) np->flags |= CHR_NPF_PROPER;
    if (h->feats & CHR_LF_TIME) np->flags |= CHR_NPF_TIME;
    if (np->num != NONE) np->flags |= CHR_NPF_QUANT;
    return 1;
}

/* Whether the token after an NP ending at k (adverbs skipped) opens a
 * finite verb group. */
static int finite_vg_after(const pctx *c, const chr_np *tmp, uint32_t ntmp, uint32_t j)
{
    uint32_t k = tmp[j].last;
    uint32_t q = k + 1;
    /* "the weapons from the army's stocks will be delivered": skip a few
       prepositional phrases (bounded: the pass stays linear) */
    for (int hops = 0; hops < 4 && j + 1 < ntmp; hops++) {
        if (tagof(c, q) != CHR_T_ADP || tmp[j + 1].first != q + 1) break;
        j++;
        q = tmp[j].last + 1;
    }
    while (q < c->e && tagof(c, q) == CHR_T_ADV && vg_at(c, q) < 0) q++;
    int32_t g = vg_start(c, q);
    return g >= 0 && (c->p->vgs[g].flags & CHR_VGF_FINITE);
}

static int noun_phrases(pctx *c, chr_np *tmp, uint32_t *ntmp)
{
    uint32_t n = 0;
    for (uint32_t k = c->b; k < c->e;) {
        if (simple_np(c, k, &tmp[n])) {
            k = tmp[n].last + 1;
            n++;
        } else {
            k++;
        }
    }
    *ntmp = n;
    return CHR_OK;
}

/* Group simple NPs into lists and write the final array: each list is
 * followed by its conjuncts. */
static void lists(pctx *c, const chr_np *tmp, uint32_t ntmp)
{
    chr_parse *p = c->p;
    uint32_t i = 0;
    while (i < ntmp) {
        /* the longest "A, B, C and D" from tmp[i] */
        uint32_t j = i, cc = NONE;
        while (j + 1 < ntmp) {
            uint32_t after = tmp[j].last + 1;
            uint32_t nxt = tmp[j + 1].first;
            if (cc != NONE) break;
            if (punct(c, after, ',') && nxt == after + 1 && !(tmp[j + 1].flags & CHR_NPF_PRON)) {
                j++;
                continue;
            }
            uint32_t conj = after;
            if (punct(c, conj, ',') && tagof(c, conj + 1) == CHR_T_CCONJ) conj++;
            if (tagof(c, conj) == CHR_T_CCONJ && (is(c, conj, "and") || is(c, conj, "or")) &&
                nxt == conj + 1) {
                cc = conj;
                j++;
                continue;
            }
            break;
        }
        int ok = cc != NONE && j > i;
        if (ok) {
            /* "Germany sent tanks and Poland sent guns": the last one is
               the next clause's subject, not a conjunct */
            uint32_t before = tmp[i].first;
            if (finite_vg_after(c, tmp, ntmp, j) && before > c->b && vg_at(c, before - 1) >= 0)
                ok = 0;
            /* "X, and Y" of two is rather two clauses' worth */
            if (j == i + 1 && punct(c, cc - 1, ',')) ok = 0;
            /* pronouns do not take part in lists of names */
            if (tmp[j].flags & CHR_NPF_PRON && !(tmp[i].flags & CHR_NPF_PRON)) ok = 0;
        }
        /* "between 500 and 700 soldiers", "200 or 300 people": two
           numbers joined before one noun are one count, not a list */
        if (ok && j == i + 1 && tagof(c, tmp[i].head) == CHR_T_NUM &&
            tagof(c, tmp[j].first) == CHR_T_NUM) {
            chr_np x = tmp[j];
            x.first = tmp[i].first;
            if (tmp[i].num != NONE) x.num = tmp[i].num;
            x.flags |= tmp[i].flags & CHR_NPF_QUANT;
            p->nps[p->nnp++] = x;
            i = j + 1;
            continue;
        }
        if (!ok) {
            /* emit tmp[i] alone; j may still start a list */
            p->nps[p->nnp++] = tmp[i];
            i++;
            continue;
        }
        chr_np *l = &p->nps[p->nnp];
        uint32_t li = p->nnp++;
        memset(l, 0, sizeof *l);
        l->first = tmp[i].first;
        l->last = tmp[j].last;
        l->head = tmp[i].head;
        l->poss = NONE;
        l->num = NONE;
        l->cconj = cc;
        l->parent = -1;
        l->pp = -1;
        l->nconj = j - i + 1;
        l->flags = CHR_NPF_LIST;
        for (uint32_t q = i; q <= j; q++) {
            chr_np *x = &p->nps[p->nnp++];
            *x = tmp[q];
            x->parent = (int32_t)li;
            l->flags |= x->flags & (CHR_NPF_PROPER | CHR_NPF_TIME | CHR_NPF_QUANT);
            if (l->num == NONE) l->num = x->num;
        }
        i = j + 1;
    }
    /* where the top-level phrases are */
    for (uint32_t q = 0; q < p->nnp; q++) {
        const chr_np *x = &p->nps[q];
        if (x->parent >= 0) continue;
        for (uint32_t k = x->first; k <= x->last; k++) p->np_at[k - c->b] = (int32_t)q;
        c->np_start[x->first - c->b] = (int32_t)q;
        c->np_end[x->last - c->b] = (int32_t)q;
    }
}

/* ---- prepositional attachments ---------------------------------------------- */

static void attachments(pctx *c)
{
    chr_parse *p = c->p;
    for (uint32_t k = c->b; k < c->e; k++) {
        const chr_ptag *o = tg(c, k);
        if (o->tag != CHR_T_ADP || (o->flags & CHR_PF_MW)) continue;
        uint32_t last = k;
        while (last + 1 < c->e && (tg(c, last + 1)->flags & CHR_PF_MW)) last++;
        int32_t np = np_start(c, last + 1);
        if (np < 0) continue;
        chr_pp *pp = &p->pps[p->npp];
        pp->prep = k;
        pp->prep_last = last;
        pp->np = np;
        pp->host_np = k > c->b ? c->np_end[k - 1 - c->b] : -1;
        pp->vg = -1;
        p->nps[np].pp = (int32_t)p->npp;
        /* a list's conjuncts share their list's attachment */
        p->npp++;
        k = last;
    }
}

/* ---- complement links --------------------------------------------------------- */

static void complements(pctx *c)
{
    chr_parse *p = c->p;
    for (uint32_t k = 1; k < p->nvg; k++) {
        chr_vgroup *g = &p->vgs[k], *h = &p->vgs[k - 1];
        if (!(g->flags & (CHR_VGF_INF | CHR_VGF_GERUND))) continue;
        uint32_t q = h->last + 1;
        if (h->particle != NONE) q = h->particle + 1;
        while (q < g->first && tagof(c, q) == CHR_T_ADV) q++;
        int link = q == g->first;
        if (!link && (g->flags & CHR_VGF_INF)) {
            /* "asked Germany to send", "is ready to provide" */
            int32_t np = np_start(c, q);
            if (np >= 0 && p->nps[np].last + 1 == g->first && p->nps[np].pp < 0) link = 1;
            if (tagof(c, q) == CHR_T_ADJ && q + 1 == g->first) link = 1;
        }
        if (link) {
            h->comp = (int32_t)k;
            g->gov = (int32_t)(k - 1);
        }
    }
}

/* ---- clauses ------------------------------------------------------------------ */

static chr_clause *new_clause(pctx *c, uint32_t first, int kind, int32_t parent,
                              uint32_t intro)
{
    chr_parse *p = c->p;
    if (p->ncl > 0) {
        chr_clause *prev = &p->clauses[p->ncl - 1];
        if (first <= prev->first || first >= c->e) return prev;     /* never empty */
        prev->last = first - 1;
    }
    chr_clause *cl = &p->clauses[p->ncl++];
    memset(cl, 0, sizeof *cl);
    cl->first = first;
    cl->last = c->e - 1;
    cl->kind = (uint8_t)kind;
    cl->parent = parent;
    cl->intro = intro;
    cl->main_vg = cl->subj = cl->obj = cl->antecedent = cl->frame = cl->source = -1;
    cl->quoted = first < c->e && (tg(c, first)->flags & (CHR_PF_QUOTED | CHR_PF_QOPEN)) &&
                 !(tg(c, first)->flags & CHR_PF_QCLOSE);
    return cl;
}

/* The top-level NP ending just before token k (commas skipped), or -1. */
static int32_t np_before(const pctx *c, uint32_t k)
{
    while (k > c->b && punct(c, k - 1, ',')) k--;
    if (k <= c->b) return -1;
    return c->np_end[k - 1 - c->b];
}

/* Is there a finite verb group at k, or right after an NP starting at k? */
static int32_t vg_after_np(const pctx *c, uint32_t k, int32_t *np_out)
{
    int32_t np = np_start(c, k);
    *np_out = np;
    if (np < 0 || c->p->nps[np].pp >= 0) return -1;
    uint32_t q = c->p->nps[np].last + 1;
    while (q < c->e && tagof(c, q) == CHR_T_ADV && vg_at(c, q) < 0) q++;
    int32_t g = vg_start(c, q);
    if (g >= 0 && (c->p->vgs[g].flags & CHR_VGF_FINITE)) return g;
    return -1;
}

/* A report verb closing the sentence: ', the minister said.' or
 * ', said the minister.' -- what follows the group is the end, a comma, a
 * quotation mark, or one NP then the end. */
static int frame_tail(const pctx *c, const chr_vgroup *g)
{
    uint32_t q = g->last + 1;
    int32_t np = np_start(c, q);
    if (np >= 0) q = c->p->nps[np].last + 1;
    while (q < c->e && tagof(c, q) == CHR_T_PUNCT) {
        if (punct(c, q, '.') || punct(c, q, ',') || punct(c, q, '"') || punct(c, q, '!') ||
            punct(c, q, '?') || punct(c, q, ';') || punct(c, q, ':'))
            return 1;
        q++;
    }
    return q >= c->e;
}

static int32_t find_subject(const pctx *c, const chr_clause *cl, uint32_t vg_first_tok)
{
    const chr_parse *p = c->p;
    /* walk back from the verb over the clause's top-level NPs */
    int32_t best = -1, best_time = -1;
    uint32_t k = vg_first_tok;
    while (k > cl->first) {
        k--;
        int32_t np = c->np_end[k - c->b];
        if (np < 0) continue;
        const chr_np *x = &p->nps[np];
        if (x->first < cl->first) break;
        k = x->first;
        if (x->pp >= 0 || (x->flags & CHR_NPF_REL)) continue;
        if (x->flags & CHR_NPF_TIME) {
            if (best_time < 0) best_time = np;
            continue;
        }
        best = np;
        break;
    }
    if (best < 0) return best_time;
    /* apposition: "Antony Blinken, the Secretary of State, announced" */
    const chr_np *x = &p->nps[best];
    if (x->first > cl->first + 1 && punct(c, x->first - 1, ',') && punct(c, x->last + 1, ',')) {
        int32_t before = c->np_end[x->first - 2 - c->b];
        if (before >= 0 && p->nps[before].pp < 0 && p->nps[before].first >= cl->first &&
            !(p->nps[before].flags & CHR_NPF_TIME))
            best = before;
    }
    return best;
}

static void segment(pctx *c)
{
    chr_parse *p = c->p;
    chr_clause *cur = new_clause(c, c->b, CHR_CL_MAIN, -1, NONE);
    /* whether cur has a verb group yet: tracked as we go (linear) */
    int cur_vg = 0, cur_finite = 0;
    int32_t cur_report_vg = -1;     /* cur's last verb group if it reports */
#define START(at_, kind_, parent_, intro_) do { \
        uint32_t f_ = (at_); \
        int32_t par_ = (parent_); \
        if (f_ > cur->first && f_ < c->e) { \
            cur = new_clause(c, f_, (kind_), par_, (intro_)); \
            cur_vg = 0; cur_finite = 0; cur_report_vg = -1; \
        } else if (f_ == cur->first) { \
            /* the boundary opens the current clause: it only tells its \
               kind ("Because ...", "As ...") */ \
            cur->kind = (uint8_t)(kind_); \
            cur->intro = (intro_); \
            if (par_ != (int32_t)(cur - p->clauses)) cur->parent = par_; \
        } \
    } while (0)

    for (uint32_t k = c->b; k < c->e; k++) {
        const chr_ptag *o = tg(c, k);
        int32_t ci = (int32_t)(cur - p->clauses);
        int32_t gv = vg_start(c, k);
        if (gv >= 0) {
            const chr_vgroup *g = &p->vgs[gv];
            /* a second finite verb in a relative clause is the outer
               clause's: "the talks which took place on Sunday ended" */
            if (cur->kind == CHR_CL_RELATIVE && cur_finite && (g->flags & CHR_VGF_FINITE) &&
                k > c->b && tagof(c, k - 1) != CHR_T_CCONJ && !punct(c, k - 1, ',')) {
                const chr_clause *rel = cur;
                int32_t par = rel->parent, ante = rel->antecedent;
                if (par >= 0) {
                    int32_t s = find_subject(c, &p->clauses[par], rel->first);
                    if (s >= 0) ante = s;
                }
                int kind = par >= 0 ? p->clauses[par].kind : CHR_CL_MAIN;
                START(k, kind == CHR_CL_RELATIVE ? CHR_CL_MAIN : kind, par, NONE);
                cur->antecedent = ante;
                ci = (int32_t)(cur - p->clauses);
            }
            /* a report verb followed by a clause without "that": "said
               Russia would", "announced it will" */
            cur_vg = 1;
            if (g->flags & CHR_VGF_FINITE) cur_finite = 1;
            cur_report_vg = (g->flags & CHR_VGF_REPORT) && g->voice == CHR_VOICE_ACTIVE ? gv : -1;
            uint32_t after = g->last + 1;
            int32_t np;
            k = g->last;
            if (cur_report_vg >= 0 && vg_after_np(c, after, &np) >= 0) {
                START(after, CHR_CL_COMPLEMENT, ci, NONE);
                cur->frame = ci;
                k = p->nps[np].last;    /* the NP is the new clause's subject */
            }
            continue;
        }
        if (o->flags & CHR_PF_QOPEN) {
            if (k == cur->first) {
                cur->kind = CHR_CL_QUOTE;
                cur->intro = k;
            }
            START(k, CHR_CL_QUOTE, cur_report_vg >= 0 ? ci : -1, k);
            cur->quoted = 1;
            continue;
        }
        if (o->flags & CHR_PF_QCLOSE) {
            if (k + 1 < c->e && !punct(c, k + 1, '.') && !(tg(c, k + 1)->flags & CHR_PF_QOPEN)) {
                int32_t parent = cur->quoted ? -1 : ci;
                START(k + 1, CHR_CL_MAIN, parent, NONE);
            }
            continue;
        }
        if (punct(c, k, ';')) {
            START(k + 1, CHR_CL_MAIN, -1, NONE);
            continue;
        }
        if (punct(c, k, ':') && cur_vg) {
            if (k + 1 < c->e && (tg(c, k + 1)->flags & CHR_PF_QOPEN)) continue;
            int report = cur_report_vg >= 0;
            START(k + 1, report ? CHR_CL_COMPLEMENT : CHR_CL_MAIN, report ? ci : -1, NONE);
            if (report) cur->frame = ci;
            continue;
        }
        if (o->tag == CHR_T_SCONJ && !(o->flags & CHR_PF_MW)) {
            int comp = is(c, k, "that") || ((is(c, k, "whether") || is(c, k, "if")) && cur_vg &&
                                            k > c->b && vg_at(c, k - 1) >= 0);
            if (o->flags & CHR_PF_REL) {
                START(k, CHR_CL_RELATIVE, ci, k);
                cur->antecedent = np_before(c, k);
            } else {
                START(k, comp ? CHR_CL_COMPLEMENT : CHR_CL_ADVERBIAL, ci, k);
            }
            continue;
        }
        if (o->flags & CHR_PF_REL) {
            uint32_t f = k;
            if (k > cur->first && tagof(c, k - 1) == CHR_T_ADP) f = k - 1;   /* in which */
            START(f, CHR_CL_RELATIVE, ci, k);
            cur->antecedent = np_before(c, f);
            continue;
        }
        if (o->tag == CHR_T_CCONJ && np_at(c, k) < 0 && cur_vg && !(o->flags & CHR_PF_MW)) {
            uint32_t q = k + 1;
            while (q < c->e && tagof(c, q) == CHR_T_ADV && vg_at(c, q) < 0) q++;
            int32_t g = vg_start(c, q), np;
            if (g >= 0 && !(p->vgs[g].flags & CHR_VGF_INF)) {
                START(k, CHR_CL_COORD, ci, k);          /* "and destroyed" */
            } else if (vg_after_np(c, k + 1, &np) >= 0) {
                START(k, CHR_CL_COORD, ci, k);          /* "and Poland sent" */
            }
            continue;
        }
        if (punct(c, k, ',') && k + 1 < c->e) {
            uint32_t q = k + 1;
            int32_t g = vg_start(c, q), np;
            if (g >= 0) {
                const chr_vgroup *vg = &p->vgs[g];
                if (!cur_vg) continue;
                if (vg->flags & (CHR_VGF_GERUND | CHR_VGF_PARTICIPLE)) {
                    START(q, CHR_CL_ADVERBIAL, ci, NONE);       /* ", killing 20" */
                } else if (cur->kind == CHR_CL_RELATIVE && (vg->flags & CHR_VGF_FINITE)) {
                    /* "The talks, which took place in Minsk, ended": the
                       sentence resumes with the antecedent as subject */
                    int32_t ante = cur->antecedent, par = cur->parent;
                    if (par >= 0) {
                        int32_t s = find_subject(c, &p->clauses[par], cur->first);
                        if (s >= 0) ante = s;
                    }
                    int kind = par >= 0 ? p->clauses[par].kind : CHR_CL_MAIN;
                    START(q, kind == CHR_CL_RELATIVE ? CHR_CL_MAIN : kind, par, NONE);
                    cur->antecedent = ante;     /* used for its subject */
                } else if ((vg->flags & CHR_VGF_REPORT) && frame_tail(c, vg)) {
                    START(q, CHR_CL_MAIN, -1, NONE);            /* ", said the minister" */
                    cur->report = CHR_REPORT_VERB;
                } else if (vg->flags & CHR_VGF_FINITE) {
                    START(q, CHR_CL_COORD, ci, NONE);
                }
            } else if ((g = vg_after_np(c, q, &np)) >= 0 && cur_vg) {
                const chr_vgroup *vg = &p->vgs[g];
                if ((vg->flags & CHR_VGF_REPORT) && frame_tail(c, vg)) {
                    START(q, CHR_CL_MAIN, -1, NONE);            /* ", the minister said" */
                    cur->report = CHR_REPORT_VERB;
                } else {
                    int kind = cur->kind == CHR_CL_ADVERBIAL || cur->kind == CHR_CL_QUOTE
                                   ? CHR_CL_MAIN : CHR_CL_COORD;
                    START(q, kind, kind == CHR_CL_MAIN ? -1 : ci, NONE);
                }
            }
            continue;
        }
    }
#undef START
}

/* ---- subjects, objects, frames ------------------------------------------------ */

/* The NP at q (adverbs skipped) inside the clause, if it is an object. */
static int32_t object_at(const pctx *c, uint32_t q, uint32_t limit)
{
    while (q <= limit && tagof(c, q) == CHR_T_ADV && vg_at(c, q) < 0 && np_start(c, q) < 0) q++;
    if (q > limit) return -1;
    int32_t np = np_start(c, q);
    if (np < 0 || c->p->nps[np].pp >= 0 || c->p->nps[np].last > limit) return -1;
    return np;
}

static void roles(pctx *c)
{
    chr_parse *p = c->p;
    /* verb groups to clauses */
    uint32_t g = 0;
    for (uint32_t ci = 0; ci < p->ncl; ci++) {
        chr_clause *cl = &p->clauses[ci];
        while (g < p->nvg && p->vgs[g].first < cl->first) g++;
        cl->vg_first = g;
        while (g < p->nvg && p->vgs[g].first <= cl->last) {
            p->vgs[g].clause = (int32_t)ci;
            g++;
        }
        cl->nvg = g - cl->vg_first;
    }
    /* links stay inside a clause */
    for (uint32_t k = 0; k < p->nvg; k++) {
        chr_vgroup *v = &p->vgs[k];
        if (v->comp >= 0 && p->vgs[v->comp].clause != v->clause) {
            p->vgs[v->comp].gov = -1;
            v->comp = -1;
        }
    }
    /* attachments: the verb group before them in their clause */
    g = 0;
    for (uint32_t i = 0; i < p->npp; i++) {
        chr_pp *pp = &p->pps[i];
        while (g + 1 < p->nvg && p->vgs[g + 1].last < pp->prep) g++;
        if (g < p->nvg && p->vgs[g].last < pp->prep) {
            int32_t cl = p->vgs[g].clause;
            if (cl >= 0 && pp->prep <= p->clauses[cl].last) pp->vg = (int32_t)g;
        }
    }
    /* objects and agents */
    uint32_t ppi = 0;
    for (uint32_t k = 0; k < p->nvg; k++) {
        chr_vgroup *v = &p->vgs[k];
        const chr_clause *cl = &p->clauses[v->clause];
        uint32_t limit = cl->last;
        if (k + 1 < p->nvg && p->vgs[k + 1].first - 1 < limit) limit = p->vgs[k + 1].first - 1;
        uint32_t q = (v->particle != NONE ? v->particle : v->last) + 1;
        if (v->comp < 0 || p->vgs[v->comp].first > q) {
            int32_t o = object_at(c, q, limit);
            if (o >= 0 && (p->nps[o].flags & CHR_NPF_TIME)) {
                int32_t o2 = object_at(c, p->nps[o].last + 1, limit);
                if (o2 >= 0) o = o2;
            }
            if (o >= 0) {
                v->obj = o;
                int32_t o2 = object_at(c, p->nps[o].last + 1, limit);
                if (o2 >= 0 && !(v->flags & CHR_VGF_COPULA) && p->nps[o2].first == p->nps[o].last + 1 &&
                    !(p->nps[o2].flags & CHR_NPF_TIME)) {
                    v->iobj = o;                    /* "sent Ukraine tanks" */
                    v->obj = o2;
                }
            }
        }
        if (v->voice == CHR_VOICE_PASSIVE) {
            while (ppi < p->npp && p->pps[ppi].prep <= v->last) ppi++;
            for (uint32_t i = ppi; i < p->npp && p->pps[i].prep <= limit; i++) {
                if (is(c, p->pps[i].prep, "by") && p->pps[i].prep_last == p->pps[i].prep) {
                    v->agent = p->pps[i].np;
                    break;
                }
            }
        }
    }
    /* clauses: main verb, subject, report frames */
    for (uint32_t ci = 0; ci < p->ncl; ci++) {
        chr_clause *cl = &p->clauses[ci];
        for (uint32_t k = cl->vg_first; k < cl->vg_first + cl->nvg; k++) {
            if (p->vgs[k].gov < 0) { cl->main_vg = (int32_t)k; break; }
        }
        if (cl->main_vg < 0 && cl->nvg) cl->main_vg = (int32_t)cl->vg_first;
        if (cl->main_vg < 0) continue;
        chr_vgroup *mv = &p->vgs[cl->main_vg];
        cl->obj = mv->obj;
        int32_t s = find_subject(c, cl, p->vgs[cl->vg_first].first);
        if (s >= 0) {
            cl->subj = s;
            cl->subj_how = CHR_SUBJ_EXPLICIT;
        } else if (cl->kind == CHR_CL_RELATIVE && cl->antecedent >= 0) {
            cl->subj = cl->antecedent;
            cl->subj_how = CHR_SUBJ_ANTECEDENT;
        } else if (cl->antecedent >= 0) {
            cl->subj = cl->antecedent;               /* resumed after a relative */
            cl->subj_how = CHR_SUBJ_SHARED;
        } else if ((mv->flags & CHR_VGF_REPORT) && mv->obj >= 0 &&
                   p->vgs[cl->vg_first].first == cl->first && cl->first > c->b &&
                   ((tg(c, cl->first - 1)->flags & CHR_PF_QCLOSE) || punct(c, cl->first - 1, ',')) &&
                   frame_tail(c, mv)) {
            cl->subj = mv->obj;                      /* ', said the minister' */
            cl->subj_how = CHR_SUBJ_INVERTED;
            mv->obj = -1;
            cl->obj = -1;
        } else if ((cl->kind == CHR_CL_COORD || cl->kind == CHR_CL_ADVERBIAL) &&
                   cl->parent >= 0 && p->vgs[cl->vg_first].first <= cl->first + 1) {
            const chr_clause *pc = &p->clauses[cl->parent];
            cl->subj = pc->subj;
            /* "the station was hit by two missiles, killing 50": who kills
               is the passive's agent, not its subject */
            if (cl->kind == CHR_CL_ADVERBIAL && pc->main_vg >= 0 &&
                p->vgs[pc->main_vg].voice == CHR_VOICE_PASSIVE &&
                p->vgs[pc->main_vg].agent >= 0 && (mv->flags & CHR_VGF_GERUND))
                cl->subj = p->vgs[pc->main_vg].agent;
            cl->subj_how = cl->subj >= 0 ? CHR_SUBJ_SHARED : CHR_SUBJ_NONE;
        }
        if ((mv->flags & CHR_VGF_REPORT) && mv->voice == CHR_VOICE_ACTIVE) {
            cl->report = CHR_REPORT_VERB;
            cl->source = cl->subj;
        } else if (cl->report == CHR_REPORT_VERB) {
            cl->report = CHR_REPORT_NONE;           /* the comma rule guessed wrong */
        }
    }
    /* "according to X" makes its clause report itself (both lists are in
       token order: one walk) */
    uint32_t ci = 0;
    for (uint32_t i = 0; i < p->npp; i++) {
        const chr_pp *pp = &p->pps[i];
        if (!(tg(c, pp->prep)->feats & CHR_LF_REPORT)) continue;
        while (ci < p->ncl && p->clauses[ci].last < pp->prep) ci++;
        if (ci >= p->ncl) break;
        chr_clause *cl = &p->clauses[ci];
        /* "Kishida announced a plan, according to Reuters": the one the
           clause is according to reports it, not the announcer */
        if (cl->report == CHR_REPORT_NONE || cl->report == CHR_REPORT_VERB) {
            cl->report = CHR_REPORT_ACCORDING;
            cl->source = pp->np;
        }
        /* a clause of its own (", according to X.") reports the one before */
        if (cl->main_vg < 0 && ci > 0 && p->clauses[ci - 1].source < 0) {
            p->clauses[ci - 1].report = CHR_REPORT_ACCORDING;
            p->clauses[ci - 1].source = pp->np;
        }
    }
    /* frames: complements of report verbs, quotations, ', X said' */
    uint32_t unframed = 0;          /* clauses before it are settled */
    for (ci = 0; ci < p->ncl; ci++) {
        chr_clause *cl = &p->clauses[ci];
        if (cl->kind == CHR_CL_COMPLEMENT && cl->parent >= 0 &&
            p->clauses[cl->parent].report == CHR_REPORT_VERB)
            cl->frame = cl->parent;
        if (cl->report == CHR_REPORT_VERB && cl->parent < 0 && cl->kind == CHR_CL_MAIN &&
            ci > 0 && cl->first > c->b &&
            ((tg(c, cl->first - 1)->flags & CHR_PF_QCLOSE) || punct(c, cl->first - 1, ','))) {
            /* a frame after its words: every earlier clause without one */
            for (uint32_t q = unframed; q < ci; q++)
                if (p->clauses[q].frame < 0 && p->clauses[q].report != CHR_REPORT_VERB)
                    p->clauses[q].frame = (int32_t)ci;
            unframed = ci + 1;
        }
    }
    for (ci = 0; ci < p->ncl; ci++) {
        chr_clause *cl = &p->clauses[ci];
        if (cl->kind == CHR_CL_QUOTE && cl->frame < 0 && cl->parent >= 0 &&
            p->clauses[cl->parent].report == CHR_REPORT_VERB)
            cl->frame = cl->parent;                 /* 'He said: "..."' */
        if (cl->frame < 0 && cl->parent >= 0 && cl->parent < (int32_t)ci &&
            p->clauses[cl->parent].frame >= 0)
            cl->frame = p->clauses[cl->parent].frame;  /* reported too */
        /* the clauses of one quotation share its frame */
        if (cl->frame < 0 && cl->quoted && ci > 0 && p->clauses[ci - 1].quoted &&
            p->clauses[ci - 1].frame >= 0)
            cl->frame = p->clauses[ci - 1].frame;
    }
    /* a sentence-initial adverbial clause depends on the next top clause */
    int32_t next_top = -1;
    for (ci = p->ncl; ci-- > 0;) {
        chr_clause *cl = &p->clauses[ci];
        if (cl->kind == CHR_CL_ADVERBIAL && cl->parent < 0 && next_top >= 0) {
            cl->parent = next_top;
            if (cl->subj < 0 && cl->main_vg >= 0 &&
                (p->vgs[cl->main_vg].flags & (CHR_VGF_GERUND | CHR_VGF_PARTICIPLE))) {
                /* "Speaking to reporters, Blinken said" */
                cl->subj = p->clauses[next_top].subj;
                cl->subj_how = cl->subj >= 0 ? CHR_SUBJ_SHARED : CHR_SUBJ_NONE;
            }
        }
        if (cl->parent < 0) next_top = (int32_t)ci;
    }
}

/* ---- entry point ------------------------------------------------------------------ */

int chr_parse_sentence(const chr_lexicon *lx, const chr_text *t, uint32_t sent,
                       chr_arena *a, chr_parse *out)
{
    return chr_parse_sentence_if(lx, t, sent, CHR_WANT_ALL, a, out);
}

int chr_parse_sentence_if(const chr_lexicon *lx, const chr_text *t, uint32_t sent,
                          uint32_t want, chr_arena *a, chr_parse *out)
{
    memset(out, 0, sizeof *out);
    if (sent >= t->nsents) return CHR_EUSAGE;
    const chr_sentence *s = &t->sents[sent];
    uint32_t b = s->tok_begin, e = s->tok_end, n = e - b;
    out->sent = sent;
    out->tok_begin = b;
    out->tok_end = e;
    if (n == 0) return CHR_OK;

    chr_arena_mark mark = chr_arena_save(a);
    out->tags = chr_arena_alloc(a, n * sizeof *out->tags);
    if (!out->tags) return CHR_ENOMEM;
    int rc = chr_tag_tokens_if(lx, t, b, e, want, a, out->tags);
    if (rc == CHR_DONE) {
        /* most sentences: their memory serves the next one */
        chr_arena_rewind(a, mark);
        out->tags = NULL;
    }
    if (rc != CHR_OK) return rc;

    /* bounds for the arrays, from the tags: verbal words bound the verb
       groups, prepositions the attachments, the rest the noun phrases;
       clause boundaries need punctuation, a conjunction or a phrase */
    static const uint8_t cls[CHR_T_COUNT] = {
        [CHR_T_VERB] = 1, [CHR_T_AUX] = 1, [CHR_T_MODAL] = 1, [CHR_T_PART] = 1,
        [CHR_T_ADP] = 2, [CHR_T_PUNCT] = 3,
    };
    uint32_t count[4] = { 0, 0, 0, 0 };
    for (uint32_t i = 0; i < n; i++) count[cls[out->tags[i].tag]]++;
    uint32_t nverbal = count[1], nadp = count[2], nnominal = count[0];
    uint32_t nbound = 1 + count[0] + count[2] + count[3];
    /* each list adds one entry before its conjuncts: at most one per
       nominal word */
    out->nps = chr_arena_alloc(a, (2 * nnominal + 1) * sizeof *out->nps);
    out->pps = chr_arena_alloc(a, (nadp + 1) * sizeof *out->pps);
    out->vgs = chr_arena_alloc(a, (nverbal + 1) * sizeof *out->vgs);
    out->clauses = chr_arena_alloc(a, (nbound + 1) * sizeof *out->clauses);
    int32_t *ints = chr_arena_alloc(a, 2 * (size_t)n * sizeof *ints);
    /* what only the passes below use comes last, and goes when they are
       done: the next sentence takes the same memory */
    chr_arena_mark scratch = chr_arena_save(a);
    chr_np *tmp = chr_arena_alloc(a, (nnominal + 1) * sizeof *tmp);
    int32_t *starts = chr_arena_alloc(a, 3 * (size_t)n * sizeof *starts);
    if (!out->nps || !tmp || !out->pps || !out->vgs || !out->clauses || !ints || !starts)
        return CHR_ENOMEM;
    memset(ints, 0xff, 2 * (size_t)n * sizeof *ints);
    memset(starts, 0xff, 3 * (size_t)n * sizeof *starts);
    out->np_at = ints;
    out->vg_at = ints + n;

    pctx c;
    c.t = t;
    c.a = a;
    c.b = b;
    c.e = e;
    c.p = out;
    c.np_start = starts;
    c.np_end = starts + n;
    c.vg_start = starts + 2 * (size_t)n;

    verb_groups(&c);
    uint32_t ntmp = 0;
    noun_phrases(&c, tmp, &ntmp);
    lists(&c, tmp, ntmp);
    attachments(&c);
    complements(&c);
    segment(&c);
    roles(&c);
    chr_arena_rewind(a, scratch);
    return CHR_OK;
}

/* ---- names and the dump ------------------------------------------------------------ */

const char *chr_tense_name(int tense)
{
    static const char *const names[] = { "none", "present", "past", "future" };
    return tense >= 0 && tense < 4 ? names[tense] : "?";
}

const char *chr_clause_kind_name(int kind)
{
    static const char *const names[] = {
        "main", "coord", "complement", "relative", "adverbial", "quote"
    };
    return kind >= 0 && kind < 6 ? names[kind] : "?";
}

static void put_span(chr_buf *out, const chr_text *t, uint32_t first, uint32_t last)
{
    const chr_token *a = &t->toks[first], *z = &t->toks[last];
    chr_buf_putc(out, '"');
    chr_buf_append(out, t->norm + a->start, z->end - a->start);
    chr_buf_putc(out, '"');
}

static void put_np(chr_buf *out, const chr_text *t, const chr_parse *p, int32_t np)
{
    if (np < 0) { chr_buf_puts(out, "-"); return; }
    chr_buf_printf(out, "np%d", np);
    put_span(out, t, p->nps[np].first, p->nps[np].last);
}

void chr_parse_dump(const chr_text *t, const chr_parse *p, chr_buf *out)
{
    chr_buf_printf(out, "sentence %u: tokens %u..%u\n", p->sent, p->tok_begin, p->tok_end);
    chr_buf_puts(out, "  tags:");
    for (uint32_t k = p->tok_begin; k < p->tok_end; k++) {
        const chr_token *tk = &t->toks[k];
        const chr_ptag *o = chr_parse_tag(p, k);
        chr_buf_putc(out, ' ');
        chr_buf_append(out, t->norm + tk->start, tk->end - tk->start);
        chr_buf_printf(out, "/%s", chr_tag_name(o->tag));
        if (o->vform) chr_buf_printf(out, ":%s", chr_vform_name(o->vform));
        if (o->lemma && (o->tag == CHR_T_VERB || o->tag == CHR_T_AUX))
            chr_buf_printf(out, "(%.*s)", (int)o->lemma_len, o->lemma);
    }
    chr_buf_putc(out, '\n');
    for (uint32_t i = 0; i < p->nnp; i++) {
        const chr_np *x = &p->nps[i];
        chr_buf_printf(out, "  np%u %s", i, x->parent >= 0 ? "  " : "");
        put_span(out, t, x->first, x->last);
        chr_buf_puts(out, " head=");
        put_span(out, t, x->head, x->head);
        if (x->flags & CHR_NPF_LIST) chr_buf_printf(out, " list of %u", x->nconj);
        if (x->parent >= 0) chr_buf_printf(out, " conjunct of np%d", x->parent);
        if (x->flags & CHR_NPF_PRON) chr_buf_puts(out, " pronoun");
        if (x->flags & CHR_NPF_PROPER) chr_buf_puts(out, " proper");
        if (x->flags & CHR_NPF_TIME) chr_buf_puts(out, " time");
        if (x->flags & CHR_NPF_QUANT) chr_buf_puts(out, " quantity");
        if (x->flags & CHR_NPF_NEG) chr_buf_puts(out, " negated");
        if (x->poss != CHR_NO_TOK) chr_buf_puts(out, " possessive");
        chr_buf_putc(out, '\n');
    }
    for (uint32_t i = 0; i < p->npp; i++) {
        const chr_pp *pp = &p->pps[i];
        chr_buf_printf(out, "  pp%u ", i);
        put_span(out, t, pp->prep, pp->prep_last);
        chr_buf_puts(out, " ");
        put_np(out, t, p, pp->np);
        if (pp->host_np >= 0) chr_buf_printf(out, " after np%d", pp->host_np);
        if (pp->vg >= 0) chr_buf_printf(out, " after vg%d", pp->vg);
        chr_buf_putc(out, '\n');
    }
    for (uint32_t i = 0; i < p->nvg; i++) {
        const chr_vgroup *g = &p->vgs[i];
        chr_buf_printf(out, "  vg%u ", i);
        put_span(out, t, g->first, g->last);
        chr_buf_printf(out, " head=%.*s %s", (int)g->lemma_len, g->lemma ? g->lemma : "",
                       chr_tense_name(g->tense));
        if (g->aspect & CHR_ASPECT_PERFECT) chr_buf_puts(out, " perfect");
        if (g->aspect & CHR_ASPECT_PROGRESSIVE) chr_buf_puts(out, " progressive");
        chr_buf_puts(out, g->voice == CHR_VOICE_PASSIVE ? " passive" : " active");
        if (g->modal) chr_buf_printf(out, " modal=%s", chr_modal_name(g->modal));
        if (g->flags & CHR_VGF_NEG) chr_buf_puts(out, " negated");
        if (g->flags & CHR_VGF_INF) chr_buf_puts(out, " infinitive");
        if (g->flags & CHR_VGF_GERUND) chr_buf_puts(out, " gerund");
        if (g->flags & CHR_VGF_PARTICIPLE) chr_buf_puts(out, " participle");
        if (g->flags & CHR_VGF_COPULA) chr_buf_puts(out, " copula");
        if (g->flags & CHR_VGF_REPORT) chr_buf_puts(out, " report");
        if (g->particle != CHR_NO_TOK) {
            chr_buf_puts(out, " particle=");
            put_span(out, t, g->particle, g->particle);
        }
        if (g->gov >= 0) chr_buf_printf(out, " complement-of=vg%d", g->gov);
        if (g->comp >= 0) chr_buf_printf(out, " complement=vg%d", g->comp);
        if (g->obj >= 0) { chr_buf_puts(out, " obj="); put_np(out, t, p, g->obj); }
        if (g->iobj >= 0) { chr_buf_puts(out, " iobj="); put_np(out, t, p, g->iobj); }
        if (g->agent >= 0) { chr_buf_puts(out, " agent="); put_np(out, t, p, g->agent); }
        chr_buf_putc(out, '\n');
    }
    static const char *const how[] = { "", "", " (antecedent)", " (shared)", " (inverted)" };
    for (uint32_t i = 0; i < p->ncl; i++) {
        const chr_clause *cl = &p->clauses[i];
        chr_buf_printf(out, "  clause%u %s", i, chr_clause_kind_name(cl->kind));
        if (cl->quoted) chr_buf_puts(out, " quoted");
        chr_buf_putc(out, ' ');
        put_span(out, t, cl->first, cl->last);
        if (cl->parent >= 0) chr_buf_printf(out, " parent=clause%d", cl->parent);
        chr_buf_puts(out, " subj=");
        put_np(out, t, p, cl->subj);
        if (cl->subj >= 0) chr_buf_puts(out, how[cl->subj_how]);
        if (cl->main_vg >= 0) chr_buf_printf(out, " verb=vg%d", cl->main_vg);
        if (cl->obj >= 0) { chr_buf_puts(out, " obj="); put_np(out, t, p, cl->obj); }
        if (cl->report == CHR_REPORT_VERB) chr_buf_puts(out, " reports");
        if (cl->report == CHR_REPORT_ACCORDING) chr_buf_puts(out, " according-to");
        if (cl->source >= 0) { chr_buf_puts(out, " source="); put_np(out, t, p, cl->source); }
        if (cl->frame >= 0) chr_buf_printf(out, " frame=clause%d", cl->frame);
        chr_buf_putc(out, '\n');
    }
}
