/*
 * events.c - events from the clauses of one parsed sentence.
 *
 * A verb group whose lemma is an event trigger (data/patterns/events.txt)
 * makes an event when its clause gives it an actor: the subject (the "by"
 * phrase of a passive), resolved through names, titles, lists and pronouns.
 * The recipient comes from where the trigger says (object, first object,
 * or a preposition); items, money, date and place from the same clause;
 * the source from the frame that reports the clause ("X said that ...",
 * "according to X").  Negation (of the verb, its governor or a noun of
 * intent: "no plans to"), modals and adverbs of possibility ("may have",
 * "possibly"), questions and
 * governing verbs of denial or request refuse the event; future tense and
 * governing verbs of intent ("agreed to provide") make it pledged or planned.
 * An accusation ("Moscow accused Kyiv of attacking ...") tells of an event
 * by the accused, with the accuser as its source.
 *
 * A noun trigger ("talks", "visit", "strike") makes an event when its own
 * noun phrase names the actor ("Russia's strike on Kharkiv", "his visit to
 * Kyiv"); a definite one without an actor ("the trip", "the package") refers
 * back to the events of the same type just reported and adds its details.
 */
#include "extract/xint.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define MAXA 16
#define REACH 60    /* tokens around a trigger where its details may stand */

static const chr_pattern *find_pattern(const xsent *s, char pos, const char *lemma, int what,
                                       const chr_pattern **cands, size_t *ncands)
{
    const chr_pattern *ps[16];
    size_t n = chr_patterns_find(s->d->x->patterns, pos, lemma, strlen(lemma), ps, 16);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (ps[i]->what == what && k < 16) cands[k++] = ps[i];
    *ncands = k;
    return k ? cands[0] : NULL;
}

/* The words after the lemma of a verb pattern: the particle, the next
 * tokens, or the head of the object ("impose sanctions", "hold talks"). */
static int verb_rest_matches(const xsent *s, const chr_vgroup *vg, const chr_pattern *p,
                             int32_t *used_np)
{
    char buf[64];
    *used_np = -1;
    for (int i = 1; i < p->nwords; i++) {
        const char *w = p->words[i];
        int ok = 0;
        if (vg->particle != CHR_NO_TOK && strcmp(x_lemma(s, vg->particle, buf, sizeof buf), w) == 0)
            ok = 1;
        uint32_t k = vg->last + (uint32_t)i;
        if (!ok && k < s->p.tok_end && (x_tok_is(s->d, k, w) ||
                                        strcmp(x_lemma(s, k, buf, sizeof buf), w) == 0))
            ok = 1;
        if (!ok && vg->obj >= 0) {
            const chr_np *o = &s->p.nps[vg->obj];
            if (strcmp(x_lemma(s, o->head, buf, sizeof buf), w) == 0 || x_tok_is(s->d, o->head, w)) {
                ok = 1;
                *used_np = vg->obj;
            }
        }
        if (!ok) return 0;
    }
    return 1;
}

static const chr_pattern *verb_event_pattern(const xsent *s, const chr_vgroup *vg,
                                             int32_t *used_np)
{
    if (!(chr_parse_marks(&s->p, vg->head) & (CHR_LF_MARK1 | CHR_LF_MARK4 | CHR_LF_MARK5)))
        return NULL;        /* no trigger */
    char buf[64];
    const char *lemma = x_vg_lemma(vg, buf, sizeof buf);
    if (!lemma) return NULL;
    const chr_pattern *c[16];
    size_t n;
    find_pattern(s, 'v', lemma, CHR_PAT_EVENT, c, &n);
    for (size_t i = 0; i < n; i++)   /* most words first */
        if (verb_rest_matches(s, vg, c[i], used_np)) return c[i];
    return NULL;
}

static const chr_pattern *governor_pattern(const xsent *s, const chr_vgroup *vg)
{
    char buf[64];
    const char *lemma = x_vg_lemma(vg, buf, sizeof buf);
    if (!lemma) return NULL;
    const chr_pattern *c[16];
    size_t n;
    find_pattern(s, 'v', lemma, CHR_PAT_GOVERNOR, c, &n);
    /* "ruled out sending": a governor of several words needs them all */
    for (size_t i = 0; i < n; i++) {
        int32_t used;
        if (c[i]->nwords == 1 || verb_rest_matches(s, vg, c[i], &used)) return c[i];
    }
    return NULL;
}

/* ---- what the clause holds ------------------------------------------------------- */

typedef struct clause_facts {
    uint32_t first, last;
    int has_item, has_money, has_weapon, has_phone, has_aidnoun;
    const char *aid_mode;       /* from adjectives and aid nouns */
} clause_facts;

/* The words that count as facts, each for one XF_*. */
static const struct { const char *w; int fact; } fact_words[] = {
    {"phone", XF_PHONE}, {"telephone", XF_PHONE}, {"call", XF_PHONE},
    {"videoconference", XF_PHONE},
    {"humanitarian", XF_ADJ_HUM},
    {"military", XF_ADJ_MIL}, {"defence", XF_ADJ_MIL}, {"defense", XF_ADJ_MIL},
    {"security", XF_ADJ_MIL}, {"lethal", XF_ADJ_MIL}, {"arms", XF_ADJ_MIL},
    {"financial", XF_ADJ_ECO}, {"economic", XF_ADJ_ECO}, {"budget", XF_ADJ_ECO},
    {"macro", XF_ADJ_ECO},
};
#define NFACT_WORDS (sizeof fact_words / sizeof fact_words[0])

/* Their hashes (chr_text_hash, as chr_text.hash holds the tokens'), and a
 * bit for each by its low bits, which rules most tokens out; made once. */
static uint64_t fact_hash[NFACT_WORDS], fact_bits;
static pthread_once_t fact_once = PTHREAD_ONCE_INIT;

static void fact_hash_init(void)
{
    for (size_t i = 0; i < NFACT_WORDS; i++) {
        fact_hash[i] = chr_text_hash(fact_words[i].w, strlen(fact_words[i].w));
        fact_bits |= 1ull << (fact_hash[i] & 63);
    }
}

/* Fact bits b at token k. */
static int add_fact(xsent *s, size_t *cap, uint32_t k, uint32_t b)
{
    if (s->nfacts && s->facts[s->nfacts - 1].tok == k) {
        s->facts[s->nfacts - 1].bits |= b;
        return 0;
    }
    if (s->nfacts == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        xfact *v = chr_arena_realloc(s->d->a, s->facts, *cap * sizeof *v, nc * sizeof *v);
        if (!v) return -1;
        s->facts = v;
        *cap = nc;
    }
    s->facts[s->nfacts++] = (xfact){k, b};
    return 0;
}

#define XB(f) (1u << (f))

/* List, once per sentence, what each token contributes (items, money,
 * weapons, aid nouns, words that give aid its mode). */
static int build_facts(xsent *s)
{
    size_t cap = 0;
    s->facts_made = 1;
    for (size_t i = s->m0; i < s->m1; i++) {
        const chr_mention *m = &s->d->ms->v[i];
        if (m->tok_begin < s->p.tok_begin || m->tok_begin >= s->p.tok_end) continue;
        uint32_t b = 0;
        if (m->kind == CHR_M_ITEM) {
            int cls = m->u.entry->item_class;
            b = XB(XF_ITEM);
            if (x_weapon_class(cls) || cls == CHR_IC_PROTECTIVE) b |= XB(XF_WEAPON) | XB(XF_ITEM_MIL);
            else if (cls == CHR_IC_MEDICAL || cls == CHR_IC_FOOD || cls == CHR_IC_FUEL) b |= XB(XF_ITEM_HUM);
        } else if (m->kind == CHR_M_MONEY) {
            b = XB(XF_MONEY);
        }
        if (b && add_fact(s, &cap, m->tok_begin, b) != 0) return -1;
    }
    char buf[64];
    /* the words by the tokens' hashes before their letters */
    pthread_once(&fact_once, fact_hash_init);
    for (uint32_t k = s->p.tok_begin; k < s->p.tok_end; k++) {
        if (s->d->t->toks[k].type != CHR_TOK_WORD) continue;
        uint32_t b = 0;
        uint64_t h = s->d->t->hash[k];
        for (size_t i = 0; (fact_bits >> (h & 63) & 1) && i < NFACT_WORDS; i++)
            if (h == fact_hash[i] && x_tok_is(s->d, k, fact_words[i].w)) {
                b |= XB(fact_words[i].fact);
                break;
            }
        if (chr_parse_marks(&s->p, k) & CHR_LF_MARK3) {     /* an aid noun */
            const chr_pattern *cand[16];
            size_t nc;
            const chr_pattern *p = find_pattern(s, 'n', x_lemma(s, k, buf, sizeof buf),
                                                CHR_PAT_AIDNOUN, cand, &nc);
            if (p && p->nwords == 1) {
                b |= XB(XF_AIDNOUN);
                if (strcmp(p->mode, "military") == 0) b |= XB(XF_NOUN_MIL) | XB(XF_WEAPON);
                else if (strcmp(p->mode, "economic") == 0) b |= XB(XF_NOUN_ECO);
                else if (strcmp(p->mode, "humanitarian") == 0) b |= XB(XF_NOUN_HUM);
            }
        }
        if (b && add_fact(s, &cap, k, b) != 0) return -1;
    }
    return 0;
}

static void read_facts(xsent *s, uint32_t first, uint32_t last, clause_facts *f)
{
    memset(f, 0, sizeof *f);
    f->first = first;
    f->last = last;
    /* listed on first need: most sentences have no trigger at all */
    if (!s->facts_made && build_facts(s) != 0) return;
    if (first < s->p.tok_begin || first > last) return;
    uint32_t n = 0;
    for (size_t i = 0; i < s->nfacts; i++)
        if (s->facts[i].tok >= first && s->facts[i].tok <= last) n |= s->facts[i].bits;
    f->has_item = (n & XB(XF_ITEM)) != 0;
    f->has_money = (n & XB(XF_MONEY)) != 0;
    f->has_weapon = (n & XB(XF_WEAPON)) != 0;
    f->has_phone = (n & XB(XF_PHONE)) != 0;
    f->has_aidnoun = (n & XB(XF_AIDNOUN)) != 0;
    /* the mode of aid: what the text calls it, else what is given, else
     * the noun that names it */
    f->aid_mode = n & XB(XF_ADJ_HUM) ? "humanitarian" : n & XB(XF_ADJ_MIL) ? "military"
                  : n & XB(XF_ADJ_ECO) ? "economic" : n & XB(XF_ITEM_MIL) ? "military"
                  : n & XB(XF_ITEM_HUM) ? "humanitarian" : n & XB(XF_NOUN_MIL) ? "military"
                  : n & XB(XF_NOUN_ECO) ? "economic" : n & XB(XF_NOUN_HUM) ? "humanitarian"
                  : NULL;
}

/* ---- filling a record --------------------------------------------------------------- */

/* "a US-made Patriot air defense system", "a Russian military helicopter":
 * a singular item after the article of its phrase is one. */
static void one_item(const xsent *s, const chr_mention *m, chr_rcount *c)
{
    const char *w = x_tok_text(s->d, m->tok_end - 1, m->tok_end - 1);
    size_t l = strlen(w);
    if (!l || w[l - 1] == 's' || w[l - 1] == 'S') return;
    for (uint32_t i = 0; i < s->p.nnp; i++) {
        const chr_np *x = &s->p.nps[i];
        if (x->first >= m->tok_begin || x->last + 1 != m->tok_end || (x->flags & CHR_NPF_LIST))
            continue;
        if (!x_tok_is(s->d, x->first, "a") && !x_tok_is(s->d, x->first, "an")) return;
        c->present = 1;
        c->text = x_tok_text(s->d, x->first, x->first);
        c->value = 1;
        c->qual = "exact";
        return;
    }
}

void x_add_items(xsent *s, chr_record *r, uint32_t first, uint32_t last)
{
    const chr_mention *items[16];
    size_t n = x_mentions_in(s, CHR_M_ITEM, first, last, items, 16);
    if (!n) return;
    r->items = chr_arena_calloc(s->d->a, n, sizeof *r->items);
    if (!r->items) return;
    r->nitems = 0;
    for (size_t i = 0; i < n; i++) {
        const chr_mention *m = items[i];
        /* one item per span (the matcher may give several kinds) */
        if (i && items[i - 1]->start == m->start) continue;
        chr_ritem *it = &r->items[r->nitems++];
        it->text = x_mention_text(s->d, m);
        it->name = m->u.entry->generic ? NULL : m->u.entry->name;
        it->cls = chr_item_class_name(m->u.entry->item_class);
        /* its count: a number just before it, with nothing but modifiers
         * between ("500 anti-aircraft stingers missiles", "over 200 of the") */
        const chr_mention *num = NULL;
        uint32_t from = m->tok_begin > s->p.tok_begin + 12 ? m->tok_begin - 12 : s->p.tok_begin;
        for (size_t j = x_mention_first(s, from); j < s->m1; j++) {
            const chr_mention *c = &s->d->ms->v[j];
            if (c->tok_begin >= m->tok_begin) break;
            if (c->kind != CHR_M_NUMBER || c->tok_end > m->tok_begin) continue;
            if (m->tok_begin - c->tok_end <= 4) num = c;
        }
        if (num) {
            /* no other item between the number and this one */
            for (size_t j = 0; j < i; j++)
                if (items[j]->tok_begin >= num->tok_end && items[j]->start != m->start) num = NULL;
        }
        if (num) x_fill_count(s->d, &it->count, num);
        else one_item(s, m, &it->count);
    }
}

static const char *aid_cameo(const char *mode, const char *status)
{
    int pledged = status && strcmp(status, "pledged") == 0;
    if (!mode) return pledged ? "033" : "070";
    if (strcmp(mode, "military") == 0) return pledged ? "0332" : "072";
    if (strcmp(mode, "economic") == 0) return pledged ? "0331" : "071";
    if (strcmp(mode, "humanitarian") == 0) return pledged ? "0333" : "073";
    return pledged ? "033" : "070";
}

/* "attacked Moscow with drones": an attack whose trigger leaves its mode
 * open takes it from the weapon it names: aircraft and drones attack from
 * the air, missiles are missiles, guns and rockets shell. */
static const char *assault_mode(const chr_record *r)
{
    for (size_t i = 0; i < r->nitems; i++) {
        const char *c = r->items[i].cls;
        if (!c) continue;
        if (strcmp(c, "drone") == 0 || strcmp(c, "aircraft") == 0 || strcmp(c, "helicopter") == 0)
            return "aerial";
        if (strcmp(c, "missile") == 0) return "missile";
        if (strcmp(c, "artillery") == 0 || strcmp(c, "rocket-artillery") == 0) return "explosives";
    }
    return NULL;
}

typedef struct ev_args {
    const chr_pattern *pat;
    const char *status;
    const chr_mention *actors[MAXA];
    size_t nactors;
    const chr_mention *recips[MAXA];
    size_t nrecips;
    uint32_t first, last;       /* where items, money, date are read */
    int32_t clause;
    const chr_mention *date;
    const char *rule;           /* when not the pattern's own */
    int has_accuser;            /* who claims it ("X accused Y of ..."), */
    int32_t accuser;            /* the phrase that is its source */
} ev_args;

static int self_report(xsent *s, const chr_rsource *src, const chr_mention *actor)
{
    const char *t = x_mention_text(s->d, actor);
    if (src->text && strcmp(src->text, t) == 0) return 1;
    if (src->name && (strcmp(src->name, actor->u.entry->name) == 0 ||
                      (actor->u.entry->of && strcmp(src->name, actor->u.entry->of->name) == 0)))
        return 1;
    return 0;
}

static void emit(xsent *s, ev_args *ea)
{
    const chr_pattern *p = ea->pat;
    clause_facts f;
    read_facts(s, ea->first, ea->last, &f);
    /* who reports it: the frame of the clause, else whoever reports in the
     * sentence; never the actor reporting its own act */
    chr_rsource src;
    int has_src = ea->has_accuser && x_np_source(s, ea->accuser, &src);
    if (!has_src) has_src = x_source(s, ea->clause, &src);
    if (has_src && ea->nactors && self_report(s, &src, ea->actors[0])) has_src = 0;
    if (!has_src) has_src = x_sentence_source(s, &src);
    if (has_src && ea->nactors && self_report(s, &src, ea->actors[0])) has_src = 0;
    const chr_mention *money[4];
    size_t nmoney = x_mentions_in(s, CHR_M_MONEY, ea->first, ea->last, money, 4);
    /* where: a place the clause names (not the actor itself); for talks
       between parties, rather the one they are "in" or "at" ("talks
       between Russia and Ukraine took place in Istanbul") */
    const chr_mention *place = NULL;
    {
        const chr_mention *pl[8];
        size_t np = x_mentions_in(s, CHR_M_PLACE, ea->first, ea->last, pl, 8);
        for (size_t i = 0; i < np; i++) {
            int is_actor = 0;
            for (size_t j = 0; j < ea->nactors; j++)
                if (ea->actors[j]->start == pl[i]->start) is_actor = 1;
            if (is_actor) continue;
            uint32_t b = pl[i]->tok_begin;
            if (b > s->p.tok_begin && x_tok_is(s->d, b - 1, "the")) b--;
            int in = b > s->p.tok_begin &&
                     (x_tok_is(s->d, b - 1, "in") || x_tok_is(s->d, b - 1, "at"));
            if (!place) place = pl[i];
            if (!p->symmetric || in) {
                if (in) place = pl[i];
                break;
            }
        }
    }
    const char *rule = ea->rule ? ea->rule : p->rule;
    if (!ea->nrecips && strcmp(p->type, "ASSAULT") == 0 && ea->nactors) {
        /* "civilians were killed in Bucha by Russian forces": the place
         * attacked stands for its state */
        const chr_mention *pl[2];
        uint32_t pf = ea->first > s->p.tok_begin + REACH ? ea->first - REACH : s->p.tok_begin;
        if (ea->has_accuser) pf = ea->first;    /* not the parties' own places */
        uint32_t pt = ea->last + REACH < s->p.tok_end ? ea->last + REACH : s->p.tok_end - 1;
        if (x_mentions_in(s, CHR_M_PLACE, pf, pt, pl, 2) &&
            strcmp(x_code(pl[0]), x_code(ea->actors[0])) != 0)
            ea->recips[ea->nrecips++] = pl[0];
    }
    if (!ea->nrecips && (strcmp(p->type, "AID") == 0 || strcmp(p->type, "ASSAULT") == 0) &&
        ea->nactors && !ea->has_accuser) {
        /* "the UK is sending 1,600 missiles": aid goes to (and an attack
         * falls on) the state the article is about */
        const chr_mention *tp = x_topic(s->d, x_code(ea->actors[0]));
        if (tp) {
            ea->recips[ea->nrecips++] = tp;
            size_t l = strlen(p->rule) + 10;
            char *r = chr_arena_alloc(s->d->a, l);
            if (r) { snprintf(r, l, "%s+topic", p->rule); rule = r; }
        }
    }
    if (!ea->nrecips) {
        x_trace(s->d, "refused %s: no recipient found", p->rule);
        return;
    }
    size_t nrec = ea->nrecips;
    for (size_t i = 0; i < ea->nactors; i++) {
        for (size_t j = 0; j < nrec; j++) {
            const chr_mention *rc = ea->nrecips ? ea->recips[j] : NULL;
            if (rc && strcmp(x_code(rc), x_code(ea->actors[i])) == 0) {
                x_trace(s->d, "refused %s: actor and recipient are both %s", p->rule, x_code(rc));
                continue;
            }
            chr_record *r = x_new_record(s, CHR_REC_EVENT, rule);
            if (!r) return;
            r->type = p->type;
            r->status = ea->status;
            r->symmetric = p->symmetric;
            x_fill_actor(s->d, &r->actor, ea->actors[i]);
            if (rc) x_fill_actor(s->d, &r->recipient, rc);
            if (strcmp(p->type, "AID") == 0) {
                r->mode = p->mode ? p->mode : f.aid_mode;
                r->cameo = p->cameo ? p->cameo : aid_cameo(r->mode, r->status);
                x_add_items(s, r, ea->first, ea->last);
            } else {
                r->mode = p->mode;
                r->cameo = p->cameo;
                if (strcmp(p->type, "ASSAULT") == 0) {
                    x_add_items(s, r, ea->first, ea->last);
                    if (!r->mode) r->mode = assault_mode(r);
                }

            }
            /* money is what aid is worth or what a sanction freezes */
            if (nmoney && (strcmp(p->type, "AID") == 0 || strcmp(p->type, "SANCTION") == 0)) {
                x_fill_count(s->d, &r->money.count, money[0]);
                memcpy(r->money.currency, money[0]->u.money.currency, 4);
            }
            if (ea->date) x_fill_date(s->d, &r->date, ea->date);
            /* a visit to several places is at each of them */
            const chr_mention *at = place, *own[1];
            if (rc && p->mode && strcmp(p->mode, "visit") == 0 &&
                x_mentions_in(s, CHR_M_PLACE, rc->tok_begin, rc->tok_end - 1, own, 1) &&
                own[0]->tok_end == rc->tok_end)
                at = own[0];
            if (at && strcmp(p->type, "AID") != 0) x_fill_place(s->d, &r->location, at);
            if (has_src) r->source = src;
            x_trace(s->d, "made %s %s %s -> %s (%s) by rule %s", r->type, r->mode ? r->mode : "-",
                    r->actor.code, r->recipient.code[0] ? r->recipient.code : "-", r->status, r->rule);
        }
    }
}

/* ---- verb triggers -------------------------------------------------------------------- */

static int modal_refuses(int modal)
{
    return modal == CHR_MODAL_COULD || modal == CHR_MODAL_MAY || modal == CHR_MODAL_MIGHT ||
           modal == CHR_MODAL_SHOULD || modal == CHR_MODAL_CAN || modal == CHR_MODAL_MUST;
}

/* "Iran possibly supplied drones", "they perhaps sent": an adverb of
 * possibility on the verb says what a modal of possibility says ("may
 * have provided"), that it is not known to have happened. */
static int possibility_adverb(const xsent *s, const chr_vgroup *vg)
{
    static const char *const adverbs[] = {"possibly", "perhaps", "maybe", NULL};
    uint32_t from = vg->first > s->p.tok_begin ? vg->first - 1 : vg->first;
    for (uint32_t k = from; k <= vg->head; k++)
        for (int i = 0; adverbs[i]; i++)
            if (x_tok_is(s->d, k, adverbs[i])) return 1;
    return 0;
}

/* The np-th preposition phrase of vg's clause with preposition prep, else -1. */
static int32_t pp_np(const xsent *s, int32_t vi, int32_t obj, const char *prep, uint32_t first,
                     uint32_t last)
{
    for (uint32_t i = x_pp_lower(s, first); i < s->p.npp; i++) {
        const chr_pp *pp = &s->p.pps[i];
        if (pp->prep > last) break;
        if (!x_tok_is(s->d, pp->prep, prep)) continue;
        if (pp->vg == vi || (obj >= 0 && pp->host_np == obj)) return pp->np;
    }
    return -1;
}

/* How the doer of an event of pattern p is read (X_DOER...): through its
 * weapon only in an attack. */
static int doer_as(const chr_pattern *p)
{
    return strcmp(p->type, "ASSAULT") == 0 ? X_DOER_ARMED : X_DOER;
}

static size_t slot_actors(xsent *s, int32_t vi, const chr_argspec *a, int passive, int as,
                          uint32_t first, uint32_t last, const chr_mention **out, size_t max)
{
    const chr_vgroup *vg = &s->p.vgs[vi];
    const chr_clause *cl = &s->p.clauses[vg->clause];
    int32_t np = -1;
    switch (a->slot) {
    case CHR_SLOT_SUBJ:
        np = cl->subj;
        break;
    case CHR_SLOT_OBJ:
        np = passive ? cl->subj : vg->obj;
        break;
    case CHR_SLOT_IOBJ:
        np = passive ? cl->subj : vg->iobj >= 0 ? vg->iobj : -1;
        if (np < 0 && !passive && vg->obj >= 0) {
            /* "supply Ukraine with weapons": the object before "with" */
            const chr_np *o = &s->p.nps[vg->obj];
            if (o->last + 1 < s->p.tok_end && x_tok_is(s->d, o->last + 1, "with")) np = vg->obj;
        }
        break;
    case CHR_SLOT_PREP: {
        np = pp_np(s, vi, vg->obj, a->prep, vg->last, last);
        size_t n = np >= 0 ? x_np_actors_as(s, np, as, out, max) : 0;
        if (n) return n;
        /* "toward critical infrastructure across Ukraine": the first names
         * a few words after the preposition */
        for (uint32_t k = vg->last + 1; k <= last && k < s->p.tok_end; k++)
            if (x_tok_is(s->d, k, a->prep)) {
                n = x_actors_after(s, k, last, 5, out, max);
                if (n) return n;
            }
        return 0;
    }
    }
    (void)first;
    return x_np_actors_as(s, np, as, out, max);
}

static int32_t vg_index(const xsent *s, const chr_vgroup *vg)
{
    return (int32_t)(vg - s->p.vgs);
}

/* "Moscow accused Kyiv of attacking ...", "Russia was accused of shelling
 * ...", "condemned Moscow for bombing ...": a gerund right after the "of"
 * or "for" of an accusation (a verb of type ACCUSE) says what the accused
 * did, a claim the article reports.  The verb group of the accusation, or
 * -1; *accused is the accused's phrase (the accusation's object, or the
 * subject of its passive). */
static int32_t accusation_of(const xsent *s, int32_t vi, int32_t *accused)
{
    const chr_vgroup *vg = &s->p.vgs[vi];
    *accused = -1;
    if (!(vg->flags & CHR_VGF_GERUND) || vi == 0 || vg->first < s->p.tok_begin + 2) return -1;
    uint32_t prep = vg->first - 1;
    if (!x_tok_is(s->d, prep, "of") && !x_tok_is(s->d, prep, "for")) return -1;
    const chr_vgroup *av = &s->p.vgs[vi - 1];
    if (av->clause < 0) return -1;
    if (av->obj >= 0 && s->p.nps[av->obj].last + 1 == prep)
        *accused = av->obj;     /* (a participle with an object is active) */
    else if (av->voice == CHR_VOICE_PASSIVE && av->last + 1 == prep)
        *accused = s->p.clauses[av->clause].subj;
    else
        return -1;
    int32_t used;
    const chr_pattern *ap = verb_event_pattern(s, av, &used);
    if (!ap || strcmp(ap->type, "ACCUSE") != 0 || *accused < 0) {
        *accused = -1;
        return -1;
    }
    return vi - 1;
}

/* The accusation that the verb group vi, or the gerund it is the
 * complement of ("accused Russia of planning to invade"), tells of. */
static int32_t accusation_over(const xsent *s, int32_t vi, int32_t *accused)
{
    *accused = -1;
    for (int32_t g = vi, hops = 0; g >= 0 && hops < 4; g = s->p.vgs[g].gov, hops++) {
        int32_t a = accusation_of(s, g, accused);
        if (a >= 0) return a;
    }
    return -1;
}

/* Who makes the accusation of verb group av: the phrase right before it
 * ("after Russia's Defense Ministry accused ..."), else its clause's
 * subject; for a passive its by-phrase; -1 when unsaid. */
static int32_t accuser_np(const xsent *s, int32_t ai)
{
    const chr_vgroup *av = &s->p.vgs[ai];
    if (av->voice == CHR_VOICE_PASSIVE && av->obj < 0) return av->agent;
    if (av->first > s->p.tok_begin) {
        int32_t np = chr_parse_np_at(&s->p, av->first - 1);
        if (np >= 0 && s->p.nps[np].last + 1 == av->first) return np;
    }
    const chr_clause *cl = &s->p.clauses[av->clause];
    return cl->main_vg == ai ? cl->subj : -1;
}

/* Why the verb group vi states no fact (NULL when it does), and whether
 * what it states lies ahead (future tense, intent, plans). */
static const char *vg_refusal(xsent *s, int32_t vi, int *future)
{
    const chr_vgroup *vg = &s->p.vgs[vi];
    const chr_clause *cl = &s->p.clauses[vg->clause];
    if (s->question) { return "a question"; }
    if (vg->flags & CHR_VGF_NEG) { return "negated"; }
    if (modal_refuses(vg->modal)) {
        return "a modal of possibility (not a fact)";
    }
    if (possibility_adverb(s, vg)) return "an adverb of possibility (not a fact)";
    static const char *const not_done[] = {"against", "from", "on", "about", "for", "of",
                                           "toward", "towards", "regarding", "over", NULL};
    int before_gerund = 0;
    for (int i = 0; not_done[i] && vg->first > s->p.tok_begin; i++)
        if (x_tok_is(s->d, vg->first - 1, not_done[i])) before_gerund = 1;
    /* "warned against providing", "coordination on imposing sanctions":
     * a gerund after such a preposition names an act, not a fact */
    int32_t accused;
    int32_t acc = accusation_over(s, vi, &accused);
    /* the gerund of the accusation itself ("accused Kyiv of attacking") */
    int accusing = acc >= 0 && acc == vi - 1;
    if ((vg->flags & CHR_VGF_GERUND) && before_gerund && !accusing) {
        return "a gerund after a preposition (warned against, coordination on)";
    }
    if (acc >= 0) {
        /* "did not accuse", "could accuse": no claim is made */
        const chr_vgroup *av = &s->p.vgs[acc];
        if (av->flags & CHR_VGF_NEG) return "its accusation is negated";
        if (modal_refuses(av->modal)) return "its accusation is only possible";
    }
    /* "they should work with governments, provide assistance ...": a bare
     * verb coordinated after a modal shares the modal */
    if (vg->first == vg->head && vg->clause > 0 && !(vg->flags & CHR_VGF_INF) &&
        chr_parse_tag(&s->p, vg->head)->vform == CHR_VF_BASE) {
        const chr_clause *prev = &s->p.clauses[vg->clause - 1];
        for (uint32_t g = prev->vg_first; g < prev->vg_first + prev->nvg; g++)
            if (modal_refuses(s->p.vgs[g].modal)) return "shares the modal of the verb before it";
    }
    /* "If the talks fail, Britain will send ...": a condition is not a fact */
    for (uint32_t c = 0; c < s->p.ncl && s->conditions; c++) {
        const chr_clause *oc = &s->p.clauses[c];
        if (oc->intro == CHR_NO_TOK) continue;
        if (!x_tok_is(s->d, oc->intro, "if") && !x_tok_is(s->d, oc->intro, "unless")) continue;
        if ((int32_t)c == vg->clause || oc->parent == vg->clause ||
            (oc->parent < 0 && cl->kind == CHR_CL_MAIN)) {
            return "under a condition (if, unless)";
        }
    }
    /* "called on the EU to impose sanctions": a governor whose object
     * stands between it and the infinitive */
    if ((vg->flags & CHR_VGF_INF) && vg->gov < 0) {
        for (int32_t g = vg_index(s, vg) - 1; g >= 0 && s->p.vgs[g].clause == vg->clause; g--) {
            const chr_pattern *gp = governor_pattern(s, &s->p.vgs[g]);
            if (gp && (strcmp(gp->governs, "request") == 0 || strcmp(gp->governs, "deny") == 0 ||
                       strcmp(gp->governs, "hypothetical") == 0)) {
                return gp->governs;
            }
            break;
        }
    }
    *future = vg->tense == CHR_TENSE_FUTURE;
    /* the verbs that govern this one: "agreed to provide", "denied sending" */
    for (int32_t g = vg->gov, hops = 0; g >= 0 && hops < 4; g = s->p.vgs[g].gov, hops++) {
        const chr_vgroup *gv = &s->p.vgs[g];
        if (gv->flags & CHR_VGF_NEG) { return "its governor is negated"; }
        if (modal_refuses(gv->modal)) { return "governed by a modal"; }
        if (gv->tense == CHR_TENSE_FUTURE) *future = 1;
        const chr_pattern *gp = governor_pattern(s, gv);
        if (!gp) continue;
        if (strcmp(gp->governs, "deny") == 0 || strcmp(gp->governs, "request") == 0 ||
            strcmp(gp->governs, "hypothetical") == 0) {
            return gp->governs;
        }
        if (strcmp(gp->governs, "pledged") == 0 || strcmp(gp->governs, "planned") == 0) *future = 1;
    }
    /* a report frame that denies: "Moscow denied that it had shelled ..." */
    if (cl->frame >= 0 && (uint32_t)cl->frame < s->p.ncl) {
        const chr_clause *fc = &s->p.clauses[cl->frame];
        if (fc->main_vg >= 0) {
            const chr_vgroup *fv = &s->p.vgs[fc->main_vg];
            const chr_pattern *gp = governor_pattern(s, fv);
            if ((fv->flags & CHR_VGF_NEG) || (gp && strcmp(gp->governs, "deny") == 0)) {
                return "its report frame denies it";
            }
        }
    }
    /* "announced plans to supply", "its decision to send": a noun of intent
     * governs the infinitive */
    if ((vg->flags & CHR_VGF_INF) && vg->first >= s->p.tok_begin + 2) {
        static const char *const intent[] = {"plan", "plans", "intention", "decision", "commitment",
                                             "promise", "pledge", "agreement", "offer", "readiness",
                                             "proposal", "bid", NULL};
        /* "plans to supply", "plans in April to supply" */
        for (uint32_t back = 1; back <= 4 && vg->first >= s->p.tok_begin + back; back++) {
            uint32_t k = vg->first - back;
            if (chr_parse_vg_at(&s->p, k) >= 0) break;
            for (int i = 0; intent[i]; i++) {
                if (!x_tok_is(s->d, k, intent[i])) continue;
                /* "no plans to meet", "no intention to send": an intent
                 * denied, as "did not plan to" */
                int32_t in = chr_parse_np_at(&s->p, k);
                if (in >= 0 && (s->p.nps[in].flags & CHR_NPF_NEG)) return "its intent is negated";
                *future = 1;
            }
        }
    }
    return NULL;
}

/* "As well as meeting Mr Tusk, ..., the UK will offer ...", "After talks
 * in Berlin, ...": a participle clause that opens the sentence without a
 * subject shares the subject of the clause it leads into, and its time. */
static size_t fronted_actors(xsent *s, const chr_vgroup *vg, ev_args *ea)
{
    const chr_clause *own = &s->p.clauses[vg->clause];
    if (own->first > s->p.tok_begin + 3) return 0;
    for (uint32_t c = x_clause_lower(s, own->last + 1); c < s->p.ncl; c++) {
        const chr_clause *cl = &s->p.clauses[c];
        if (cl->first > vg->last + REACH) break;
        if (cl->kind == CHR_CL_RELATIVE || cl->subj < 0 || cl->main_vg < 0) continue;
        const chr_vgroup *mv = &s->p.vgs[cl->main_vg];
        if (mv->tense == CHR_TENSE_FUTURE)
            ea->status = strcmp(ea->pat->type, "AID") == 0 ? "pledged" : "planned";
        x_trace(s->d, "'%.*s' opens the sentence: its subject is the next clause's",
                (int)vg->lemma_len, vg->lemma);
        return x_np_actors_as(s, cl->subj, doer_as(ea->pat), ea->actors, MAXA);
    }
    return 0;
}

/* The phrase of the "of" right after phrase np ("control of Rostov",
 * "thousands of children"), or -1. */
static int32_t of_phrase(const xsent *s, int32_t np)
{
    const chr_np *x = &s->p.nps[np];
    int32_t next = -1;
    for (uint32_t j = x_pp_lower(s, x->last + 1); j < s->p.npp && s->p.pps[j].prep <= x->last + 1; j++)
        if (s->p.pps[j].host_np == np && x_tok_is(s->d, s->p.pps[j].prep, "of")) next = s->p.pps[j].np;
    return next;
}

/* Whether phrase np names people ("civilians", "thousands of children"). */
static int names_people(const xsent *s, int32_t np)
{
    if (np < 0) return 0;
    if (x_people_head(s, s->p.nps[np].head)) return 1;
    /* a count of them: "thousands of Ukrainian children", "dozens of" */
    const chr_ptag *g = chr_parse_tag(&s->p, s->p.nps[np].head);
    int32_t of = g && g->tag == CHR_T_NUM ? of_phrase(s, np) : -1;
    return of >= 0 && x_people_head(s, s->p.nps[of].head);
}

/* What the pattern needs (needs=) that the clause's facts lack, or NULL;
 * obj is the phrase that needs=people looks at (-1: none). */
static const char *unmet_need(const xsent *s, const chr_pattern *p, const clause_facts *f,
                              int32_t obj)
{
    if ((p->needs & CHR_NEED_AID) && !(f->has_item || f->has_money || f->has_aidnoun))
        return "nothing given (no materiel, money or aid)";
    if ((p->needs & CHR_NEED_MONEY) && !f->has_money) return "no money";
    if ((p->needs & CHR_NEED_WEAPON) && !f->has_weapon) return "no weapon";
    if ((p->needs & CHR_NEED_PHONE) && !f->has_phone) return "no phone";
    if ((p->needs & CHR_NEED_PEOPLE) && !names_people(s, obj))
        return "its object is not people";
    return NULL;
}

/* Whether phrase np, or the of-phrase on it ("control of Rostov", "the
 * town of Avdiivka"), names ground: a place, a state, or a noun of
 * territory.  Taking ground is an invasion (CAMEO 192); taking troops,
 * tanks or "the initiative" is not. */
static int names_ground(const xsent *s, int32_t np)
{
    for (int hop = 0; hop < 2 && np >= 0; hop++) {
        const chr_np *x = &s->p.nps[np];
        if (x->flags & (CHR_NPF_PRON | CHR_NPF_TIME)) return 0;
        for (size_t i = x_mention_first(s, x->first); i < s->m1; i++) {
            const chr_mention *m = &s->d->ms->v[i];
            if (m->tok_begin > x->last) break;
            /* the name is the phrase's head, not a modifier ("Kharkiv
             * residents"), and a state itself, not its people or forces
             * ("Ukrainian soldiers") */
            if (m->tok_end > x->head &&
                (m->kind == CHR_M_PLACE ||
                 (m->kind == CHR_M_ACTOR && m->u.entry->type == CHR_ET_STATE &&
                  !(m->flags & (CHR_MF_ROLE_MASK | CHR_MF_COMPOSITE)))))
                return 1;
        }
        if (x_ground_noun(s, x->head)) return 1;
        /* "control of ...": the ground is in the of-phrase */
        np = of_phrase(s, np);
    }
    return 0;
}

/* Whether actor mention m can host a visit: a state, a place, or a
 * leader, official or body acting for one.  A state's people ("Ukrainian
 * refugees", "Ukrainian families") and its troops ("Ukrainian soldiers")
 * are no host: the knowledge base names those heads without letting them
 * speak for the state (no source mention spans them). */
static int visit_host(const xsent *s, const chr_mention *m)
{
    if (m->kind != CHR_M_ACTOR || !(m->flags & CHR_MF_COMPOSITE)) return 1;
    int role = chr_mention_role(m);
    if (role != CHR_ROLE_CVL && role != CHR_ROLE_MIL) return 1;
    for (size_t i = x_mention_first(s, m->tok_begin); i < s->m1; i++) {
        const chr_mention *o = &s->d->ms->v[i];
        if (o->tok_begin != m->tok_begin) break;
        if (o->kind == CHR_M_SOURCE && o->tok_end == m->tok_end) return 1;
    }
    return 0;
}

/* "visited Ukrainian refugees in Poland and Moldova": a visit to people
 * is a visit to where they are, the state of the place named after them;
 * without one the host is unknown. */
static void visit_people(xsent *s, int32_t vi, ev_args *ea, uint32_t last)
{
    size_t kept = 0;
    const chr_mention *people = NULL;
    for (size_t i = 0; i < ea->nrecips; i++) {
        if (visit_host(s, ea->recips[i])) ea->recips[kept++] = ea->recips[i];
        else if (!people) people = ea->recips[i];
    }
    if (!people) return;
    if (s->d->trace)
        x_trace(s->d, "'%s' is people, not a host: the host is where they are",
                x_mention_text(s->d, people));
    ea->nrecips = kept;
    if (kept) return;
    static const chr_argspec in = {.slot = CHR_SLOT_PREP, .prep = "in"};
    ea->nrecips = slot_actors(s, vi, &in, 0, X_PARTY, ea->first, last, ea->recips, MAXA);
}

static void verb_event(xsent *s, int32_t vi, const chr_pattern *p)
{
    const chr_vgroup *vg = &s->p.vgs[vi];
    if (vg->clause < 0 || (uint32_t)vg->clause >= s->p.ncl) return;
    const chr_clause *cl = &s->p.clauses[vg->clause];
    const char *lemma = p->words[0];
    int future = 0;
    const char *why = vg_refusal(s, vi, &future);
    if (why) {
        x_trace(s->d, "refused %s: %s", lemma, why);
        return;
    }
    if (cl->main_vg >= 0 && cl->main_vg != vi && vg->first > s->p.tok_begin &&
        vg->first == vg->head && !(vg->flags & (CHR_VGF_INF | CHR_VGF_GERUND))) {
        /* "disabling 16 of the 36 launched Thursday": a bare verb right
         * after a noun, beside its clause's own verb, describes that noun;
         * the clause's subject is not its actor */
        int tag = chr_parse_tag(&s->p, vg->first - 1)->tag;
        if (tag == CHR_T_NUM || tag == CHR_T_NOUN) {
            x_trace(s->d, "refused %s: a verb describing the noun before it", lemma);
            return;
        }
    }
    int aid = strcmp(p->type, "AID") == 0;
    const char *status = p->status;
    /* "... will continue on Wednesday in Berlin, when Mr Sunak meets
     * Olaf Scholz": a temporal clause takes its time from the clause it
     * depends on */
    const chr_mention *inherited_date = NULL;
    if (cl->kind == CHR_CL_ADVERBIAL && cl->intro != CHR_NO_TOK && cl->parent >= 0 &&
        (x_tok_is(s->d, cl->intro, "when") || x_tok_is(s->d, cl->intro, "while"))) {
        const chr_clause *pc = &s->p.clauses[cl->parent];
        if (pc->main_vg >= 0 && s->p.vgs[pc->main_vg].tense == CHR_TENSE_FUTURE) future = 1;
        inherited_date = x_date_in(s, pc->first, pc->last, 0);
    }
    if (future) status = aid ? "pledged" : "planned";
    else if (aid && strcmp(status, "delivered") == 0 && (vg->aspect & CHR_ASPECT_PROGRESSIVE) &&
             vg->tense == CHR_TENSE_PRESENT)
        status = "pledged";   /* "the UK is sending": on its way, not yet there */

    /* "announced that $1 billion in artillery would soon be heading to
     * Ukraine": what a report verb announces is in the clauses it frames */
    uint32_t last = cl->last;
    if (vg->flags & CHR_VGF_REPORT)
        for (uint32_t c = 0; c < s->p.ncl; c++)
            if (s->p.clauses[c].frame == vg->clause && s->p.clauses[c].last > last)
                last = s->p.clauses[c].last;
    if (last > vg->last + REACH) last = vg->last + REACH;
    clause_facts f;
    read_facts(s, cl->first + REACH < vg->first ? vg->first - REACH : cl->first, last, &f);
    const char *unmet = unmet_need(s, p, &f, vg->obj);
    if (unmet) {
        x_trace(s->d, "refused %s: %s", lemma, unmet);
        return;
    }

    ev_args ea;
    memset(&ea, 0, sizeof ea);
    ea.pat = p;
    ea.status = status;
    ea.clause = vg->clause;
    /* an event's details stand near its verb: looking no further than
     * a news clause ever runs keeps a run-on text linear */
    ea.first = cl->first + REACH < vg->first ? vg->first - REACH : cl->first;
    ea.last = last > vg->last + REACH ? vg->last + REACH : last;
    last = ea.last;
    int passive = vg->voice == CHR_VOICE_PASSIVE;
    if (strcmp(p->type, "ASSAULT") == 0 && p->mode && strcmp(p->mode, "invade") == 0) {
        int32_t taken = passive ? cl->subj : vg->obj;
        if (taken >= 0 && (s->p.nps[taken].flags & CHR_NPF_TIME)) taken = -1;
        /* "Russia invaded" says what it invaded; "seizing on", "attempting
         * to capture" do not */
        if (taken < 0 ? strcmp(lemma, "invade") != 0 : !names_ground(s, taken)) {
            x_trace(s->d, "refused %s: what it takes is no ground", lemma);
            return;
        }
        /* "an offensive to seize the town", "tasked with capturing", "aimed
         * at seizing": an aim */
        if (((vg->flags & CHR_VGF_INF) && vg->gov < 0) ||
            ((vg->flags & CHR_VGF_GERUND) && vg->first > s->p.tok_begin &&
             (x_tok_is(s->d, vg->first - 1, "with") || x_tok_is(s->d, vg->first - 1, "at")))) {
            x_trace(s->d, "refused %s: an aim, not ground taken", lemma);
            return;
        }
    }
    int32_t accused = -1, acc;
    if (passive) {
        if (vg->agent >= 0) ea.nactors = x_np_actors_as(s, vg->agent, doer_as(p), ea.actors, MAXA);
    } else if (p->actor.slot == CHR_SLOT_SUBJ && (acc = accusation_over(s, vi, &accused)) >= 0) {
        /* "Moscow accused Kyiv of attacking": the accused acts, not the
         * accuser, who is the source of the claim */
        ea.nactors = x_np_actors_as(s, accused, doer_as(p), ea.actors, MAXA);
        ea.accuser = accuser_np(s, acc);
        ea.has_accuser = ea.accuser >= 0;
        /* its details follow the accused: neither party is its place */
        if (ea.first < vg->first) ea.first = vg->first;
        x_trace(s->d, "'%s' is what an accusation says the accused did", lemma);
        if (!ea.nactors) { x_trace(s->d, "refused %s: the accused is no actor", lemma); return; }
    } else {
        ea.nactors = slot_actors(s, vi, &p->actor, 0, doer_as(p), cl->first, cl->last, ea.actors,
                                 MAXA);
    }
    if (!ea.nactors && !passive && (vg->flags & CHR_VGF_GERUND) && cl->subj < 0 &&
        p->actor.slot == CHR_SLOT_SUBJ)
        ea.nactors = fronted_actors(s, vg, &ea);
    if (!ea.nactors) { x_trace(s->d, "refused %s: no actor found", lemma); return; }
    if (ea.nactors > 1 && p->actor.slot == CHR_SLOT_SUBJ && !passive) {
        /* joint actors of one act keep their own records */
    }
    for (int i = 0; i < p->nrecipient && !ea.nrecips; i++) {
        if (passive && p->recipient[i].slot == CHR_SLOT_SUBJ) continue;
        ea.nrecips = slot_actors(s, vi, &p->recipient[i], passive, X_PARTY, cl->first, last,
                                 ea.recips, MAXA);
    }
    if (ea.nrecips && p->mode && strcmp(p->mode, "visit") == 0) visit_people(s, vi, &ea, last);
    /* "visiting countries neighbouring Ukraine namely Belgium, Poland and
     * Moldova": a list introduced by namely / including / such as names
     * the recipients themselves */
    for (uint32_t k = vg->last + 1; k + 1 <= last && k < s->p.tok_end; k++) {
        int intro = x_tok_is(s->d, k, "namely") || x_tok_is(s->d, k, "including") ||
                    (x_tok_is(s->d, k, "such") && x_tok_is(s->d, k + 1, "as"));
        if (!intro) continue;
        const chr_mention *list[MAXA];
        size_t n = x_actors_after(s, k + (x_tok_is(s->d, k, "such") ? 1 : 0), cl->last, 3, list, MAXA);
        if (n > 1 && strcmp(p->type, "CONSULT") == 0) {
            memcpy(ea.recips, list, n * sizeof *list);
            ea.nrecips = n;
        }
        break;
    }
    /* "Pope Francis and Kirill met": a coordinated subject of a symmetric
     * event is both sides of it */
    if (p->symmetric && !ea.nrecips && ea.nactors > 1) {
        for (size_t i = 1; i < ea.nactors; i++) ea.recips[ea.nrecips++] = ea.actors[i];
        ea.nactors = 1;
    }
    ea.date = x_date_in(s, cl->first, cl->last, 0);
    if (!ea.date) ea.date = inherited_date;
    emit(s, &ea);
}

/* ---- finding a phrase's neighbours in a long sentence ----------------------------- */

/* The prepositional phrases that may hang on phrase x: [*lo, *hi). */
static void pps_near(const xsent *s, const chr_np *x, uint32_t *lo, uint32_t *hi)
{
    *lo = x_pp_lower(s, x->first);
    *hi = x_pp_lower(s, x->last + REACH + 1);
}

/* ---- noun triggers ------------------------------------------------------------------------ */

/* Whether an amount stated as a round lower bound ("billions of dollars")
 * is less precise than a mention of an exact amount at least as large. */
static int vaguer(const chr_rcount *have, const chr_mention *m)
{
    const chr_count *k = &m->u.money.amount;
    return have->qual && strcmp(have->qual, "at_least") == 0 && k->qual == CHR_QUAL_EXACT &&
           k->value >= have->value;
}

/* The events of type/mode made most recently in this document before this
 * sentence (a run of records from one sentence). */
static void refer_back(xsent *s, const chr_pattern *p, int32_t np)
{
    chr_records *rs = s->d->out;
    size_t i = rs->n;
    while (i > 0 && rs->v[i - 1].sent == s->sent) i--;
    /* the last sentence with matching records when it is in this
     * paragraph or one of the two sentences before; else the first such sentence of the document, whose event
     * the article is about ("The visit was kept secret" after a paragraph
     * on another leader's visit) */
    uint32_t sent = UINT32_MAX, first = UINT32_MAX;
    for (size_t j = i; j > 0; j--) {
        const chr_record *r = &rs->v[j - 1];
        if (r->kind == CHR_REC_EVENT && strcmp(r->type, p->type) == 0 &&
            (!p->mode || !r->mode || strcmp(r->mode, p->mode) == 0)) {
            if (sent == UINT32_MAX) sent = r->sent;
            first = r->sent;
        }
    }
    const chr_sentence *ss = s->d->t->sents;
    if (sent != UINT32_MAX && ss[sent].para != ss[s->sent].para && sent + 2 < s->sent)
        sent = first;
    if (sent == UINT32_MAX) {
        x_trace(s->d, "refused %s: no actor, and nothing earlier to refer to", p->words[0]);
        return;
    }
    const chr_np *x = &s->p.nps[np];
    /* its details stand near it (a bound that keeps a run-on sentence linear) */
    uint32_t tb = x->first > s->p.tok_begin + REACH ? x->first - REACH : s->p.tok_begin;
    uint32_t te = x->last + REACH < s->p.tok_end ? x->last + REACH : s->p.tok_end - 1;
    const chr_mention *date = x_date_in(s, tb, te, 0);
    const chr_mention *money[2];
    size_t nmoney = x_mentions_in(s, CHR_M_MONEY, tb, te, money, 2);
    chr_record tmp;
    memset(&tmp, 0, sizeof tmp);
    x_add_items(s, &tmp, tb, te);
    /* "..., Downing Street said": who reports the details reports the event */
    chr_rsource src;
    int has_src = x_sentence_source(s, &src);
    if (!has_src) {
        int32_t c = x_clause_at(s, x->head);
        if (c >= 0) has_src = x_source(s, c, &src);
    }
    size_t touched = 0;
    for (size_t j = 0; j < i; j++) {
        chr_record *r = &rs->v[j];
        if (r->sent != sent || r->kind != CHR_REC_EVENT || strcmp(r->type, p->type) != 0) continue;
        if (date && !r->date.present) x_fill_date(s->d, &r->date, date);
        if (nmoney && (!r->money.count.present || vaguer(&r->money.count, money[0]))) {
            x_fill_count(s->d, &r->money.count, money[0]);
            memcpy(r->money.currency, money[0]->u.money.currency, 4);
        }
        if (has_src && !r->source.kind) r->source = src;
        if (tmp.nitems && !r->nitems) { r->items = tmp.items; r->nitems = tmp.nitems; }
        if (strcmp(r->type, "AID") == 0 && !r->mode && tmp.nitems) r->mode = "military";
        touched++;
    }
    x_trace(s->d, "'%s' refers back: details added to %zu earlier %s record(s)", p->words[0],
            touched, p->type);
}

/* Whether the phrase's noun has parties attached: "talks with Kyiv",
 * "negotiations between ...". */
static int has_parties(const xsent *s, int32_t np)
{
    uint32_t lo, hi;
    pps_near(s, &s->p.nps[np], &lo, &hi);
    for (uint32_t j = lo; j < hi; j++) {
        const chr_pp *pp = &s->p.pps[j];
        if (pp->host_np != np) continue;
        if (x_tok_is(s->d, pp->prep, "with") || x_tok_is(s->d, pp->prep, "between")) return 1;
    }
    return 0;
}

/* Whether an earlier event of the pattern's type and mode exists. */
static int refers_back(const xsent *s, const chr_pattern *p)
{
    const chr_records *rs = s->d->out;
    for (size_t j = 0; j < rs->n; j++) {
        const chr_record *r = &rs->v[j];
        if (r->kind == CHR_REC_EVENT && strcmp(r->type, p->type) == 0 &&
            (!p->mode || !r->mode || strcmp(r->mode, p->mode) == 0))
            return 1;
    }
    return 0;
}

static int definite(const xsent *s, const chr_np *x)
{
    static const char *const dets[] = {"the", "this", "that", "these", "his", "her", "its",
                                       "their", NULL};
    for (int i = 0; dets[i]; i++)
        if (x_tok_is(s->d, x->first, dets[i])) return 1;
    return 0;
}

/* "the $61bn (£49bn) package": a phrase that an aside in brackets cut in
 * two is definite when its first part is. */
static int definite_around_aside(const xsent *s, int32_t np)
{
    const chr_np *x = &s->p.nps[np];
    uint32_t k = x->first;
    if (k <= s->p.tok_begin || !x_tok_is(s->d, k - 1, ")")) return 0;
    uint32_t open = k - 1;
    while (open > s->p.tok_begin && open + 12 > k && !x_tok_is(s->d, open, "(")) open--;
    if (!x_tok_is(s->d, open, "(") || open == s->p.tok_begin) return 0;
    /* the phrases are in token order: the one before the aside is close */
    for (int32_t i = np - 1; i >= 0 && i + 16 > np; i--) {
        const chr_np *y = &s->p.nps[i];
        if (y->last + 1 == open) return definite(s, y);
    }
    return 0;
}

static void noun_event(xsent *s, int32_t np, uint32_t head, const chr_pattern *p)
{
    chr_np xh = s->p.nps[np];
    xh.head = head;             /* the trigger noun stands for the head */
    const chr_np *x = &xh;
    if (s->question) return;
    if (x->flags & CHR_NPF_NEG) { x_trace(s->d, "refused %s: negated", p->words[0]); return; }
    int32_t in = s->conditions ? x_clause_at(s, x->head) : -1;
    for (int hops = 0; in >= 0 && hops < 16; hops++, in = s->p.clauses[in].parent) {
        const chr_clause *oc = &s->p.clauses[in];
        if (oc->intro != CHR_NO_TOK &&
            (x_tok_is(s->d, oc->intro, "if") || x_tok_is(s->d, oc->intro, "unless"))) {
            x_trace(s->d, "refused %s: under a condition", p->words[0]);
            return;
        }
    }
    if (p->refer) {
        /* "the package", "his arrival", "the conversation": only ever an
         * earlier event told again */
        if (definite(s, x) || definite_around_aside(s, np)) refer_back(s, p, np);
        else x_trace(s->d, "refused %s: refers back only when definite", p->words[0]);
        return;
    }
    uint32_t plo, phi;
    pps_near(s, x, &plo, &phi);
    ev_args ea;
    memset(&ea, 0, sizeof ea);
    ea.pat = p;
    ea.status = p->status;   /* "the announcement of a package": pledged */
    /* the actor stands inside the phrase, before its head */
    const chr_mention *ms[MAXA];
    size_t n = 0;
    if (x->head > x->first) {
        const chr_mention *cand[MAXA];
        size_t k = x_mentions_in(s, CHR_M_ACTOR, x->first, x->head - 1, cand, MAXA);
        for (size_t i = 0; i < k && n < MAXA; i++) ms[n++] = cand[i];
        if (!n) {
            /* "his visit": a possessive pronoun */
            chr_np one = *x;
            one.last = x->first;
            one.flags |= CHR_NPF_PRON;
            const chr_mention *r[2];
            static const char *const poss[] = {"his", "her", "its", "their", NULL};
            for (int i = 0; poss[i]; i++)
                if (x_tok_is(s->d, x->first, poss[i])) {
                    /* reuse the pronoun resolution of a one-token phrase */
                    chr_np saved = s->p.nps[np];
                    s->p.nps[np] = one;
                    size_t m = x_np_actors(s, np, r, 2);
                    s->p.nps[np] = saved;
                    if (m) ms[n++] = r[0];
                    break;
                }
        }
    }
    if (!n) {
        /* "Kishida has made a surprise trip to Ukraine", "held talks": the
         * object of a light verb takes the verb's subject as its actor */
        static const char *const light[] = {"make", "hold", "have", "pay", "conduct", "begin",
                                            "start", "carry", "launch", "undertake", "open",
                                            "announce", "impose", "introduce", "adopt", "approve",
                                            "unveil", "agree", NULL};
        /* the verb stands before its object, and near it */
        for (uint32_t vi = x_vg_lower(s, x->first > REACH ? x->first - REACH : 0); vi < s->p.nvg && s->p.vgs[vi].first <= x->first && !n; vi++) {
            const chr_vgroup *v = &s->p.vgs[vi];
            if (v->obj != np || v->clause < 0 || v->voice == CHR_VOICE_PASSIVE) continue;
            for (int i = 0; light[i]; i++)
                if (v->lemma_len == strlen(light[i]) && strncmp(v->lemma, light[i], v->lemma_len) == 0) {
                    int future = 0;
                    const char *why = vg_refusal(s, (int32_t)vi, &future);
                    if (why) {
                        x_trace(s->d, "refused %s: %s", p->words[0], why);
                        return;
                    }
                    if (future) ea.status = strcmp(p->type, "AID") == 0 ? "pledged" : "planned";
                    n = x_np_actors_as(s, s->p.clauses[v->clause].subj, doer_as(p), ms, MAXA);
                    break;
                }
        }
    }
    if (!n) {
        /* "the announcement by US President Joseph Biden of a new package":
         * a by-phrase on the noun names who acts */
        for (uint32_t j = plo; j < phi && !n; j++) {
            const chr_pp *pp = &s->p.pps[j];
            if (pp->host_np == np && x_tok_is(s->d, pp->prep, "by") && pp->np >= 0)
                n = x_np_actors_as(s, pp->np, doer_as(p), ms, MAXA);
        }
        /* "the dual visits by Kishida and Xi": each acts on its own, and
         * neither is the other's recipient */
        if (n > 1) n = 0;
    }
    if (!n && p->symmetric) {
        /* "talks between Moscow and Kyiv": the parties are the phrase's */
        for (uint32_t j = plo; j < phi && !n; j++) {
            const chr_pp *pp = &s->p.pps[j];
            if (pp->host_np != np || !x_tok_is(s->d, pp->prep, "between")) continue;
            const chr_mention *both[MAXA];
            size_t k = x_np_actors(s, pp->np, both, MAXA);
            if (k < 2) k = x_actors_after(s, pp->prep, s->p.tok_end - 1, 3, both, MAXA);
            if (k >= 2) {
                ms[n++] = both[0];
                for (size_t i = 1; i < k; i++) ea.recips[ea.nrecips++] = both[i];
            }
        }
    }
    int topics = 0;
    const char *headw = x_tok_text(s->d, x->head, x->head);
    if (!n && p->symmetric && headw[0] && headw[strlen(headw) - 1] == 's' &&
        !has_parties(s, np) && s->d->ntopics >= 2 && !refers_back(s, p)) {
        /* "the second round of talks took place": talks whose parties go
         * unsaid are between the two states the article is about */
        /* the two states the sentence names, else the article's two */
        const chr_mention *two[2];
        size_t k = 0;
        for (size_t i = s->m0; i < s->m1 && k < 2; i++) {
            const chr_mention *m = &s->d->ms->v[i];
            if (m->kind != CHR_M_ACTOR || strlen(m->u.entry->code) != 3) continue;
            if (k == 1 && strcmp(two[0]->u.entry->code, m->u.entry->code) == 0) continue;
            two[k++] = m;
        }
        if (k < 2) { two[0] = s->d->topics[0]; two[1] = s->d->topics[1]; }
        ms[n++] = two[0];
        ea.recips[ea.nrecips++] = two[1];
        topics = 1;
    }
    if (!n) {
        if (definite(s, x)) refer_back(s, p, np);
        else x_trace(s->d, "refused %s: no actor in its phrase", p->words[0]);
        return;
    }
    if (topics) {
        size_t l = strlen(p->rule) + 10;
        char *r = chr_arena_alloc(s->d->a, l);
        if (r) { snprintf(r, l, "%s+topics", p->rule); ea.rule = r; }
    }
    for (size_t i = 0; i < n && i < MAXA; i++) ea.actors[ea.nactors++] = ms[i];
    for (int i = 0; i < p->nrecipient && !ea.nrecips && ea.nactors == 1; i++) {
        if (p->recipient[i].slot != CHR_SLOT_PREP) continue;
        for (uint32_t j = plo; j < phi; j++) {
            const chr_pp *pp = &s->p.pps[j];
            if (pp->host_np != np || !x_tok_is(s->d, pp->prep, p->recipient[i].prep)) continue;
            ea.nrecips = x_np_actors(s, pp->np, ea.recips, MAXA);
            if (ea.nrecips) break;
        }
    }
    if (ea.nactors > 1 && !ea.nrecips) {
        /* "a Nato-Ukraine summit", "Russian-Ukrainian talks": both sides */
        for (size_t i = 1; i < ea.nactors; i++) ea.recips[ea.nrecips++] = ea.actors[i];
        ea.nactors = 1;
    }
    int32_t c = x_clause_at(s, x->head);
    ea.clause = c;
    ea.first = c >= 0 ? s->p.clauses[c].first : x->first;
    ea.last = c >= 0 ? s->p.clauses[c].last : x->last;
    /* "a new aid package for our country, which includes HIMARS": a
     * relative clause on a phrase of the trigger's tells its details */
    uint32_t own_last = ea.last;
    for (uint32_t i = x_clause_lower(s, own_last + 1); i < s->p.ncl; i++) {
        const chr_clause *rc = &s->p.clauses[i];
        if (rc->first > own_last + 2) break;
        if (rc->antecedent < 0) continue;
        const chr_np *an = &s->p.nps[rc->antecedent];
        if (an->first >= x->first && an->last <= own_last) {
            ea.last = rc->last;
            break;
        }
    }
    if (ea.first + REACH < x->head) ea.first = x->head - REACH;
    if (ea.last > x->head + REACH) ea.last = x->head + REACH;
    if (c >= 0 && s->p.clauses[c].main_vg >= 0) {
        const chr_vgroup *v = &s->p.vgs[s->p.clauses[c].main_vg];
        if (v->tense == CHR_TENSE_FUTURE) ea.status = strcmp(p->type, "AID") == 0 ? "pledged" : "planned";
        if (v->flags & CHR_VGF_NEG) { x_trace(s->d, "refused %s: negated clause", p->words[0]); return; }
    }
    if (p->needs) {
        /* what the noun needs stands in the phrases that follow it ("by
         * Joseph Biden of a new $700 million defense aid package") */
        uint32_t end = x->last + 16;
        if (end > ea.last) end = ea.last;
        if (end < x->last) end = x->last;
        clause_facts f;
        read_facts(s, x->first, end, &f);
        if (unmet_need(s, p, &f, -1)) {
            x_trace(s->d, "refused %s: its phrase lacks what it needs", p->words[0]);
            return;
        }
    }
    ea.date = x_date_in(s, ea.first, ea.last, 0);
    /* "talks which took place late on Wednesday": the relative clause on
     * the noun dates it */
    for (uint32_t i = x_clause_lower(s, x->last); i < s->p.ncl && !ea.date; i++) {
        if (s->p.clauses[i].first > x->last + REACH) break;
        if (s->p.clauses[i].antecedent == np)
            ea.date = x_date_in(s, s->p.clauses[i].first, s->p.clauses[i].last, 0);
    }
    if (strcmp(p->type, "ASSAULT") == 0 && !ea.date && headw[0] &&
        headw[strlen(headw) - 1] == 's') {
        /* "deadly Russian attacks": attacks in general, not one attack */
        x_trace(s->d, "refused %s: plural and undated, no one attack", p->words[0]);
        return;
    }
    emit(s, &ea);
}

/* The noun pattern whose last word is the head h, with its other words
 * just before it ("missile strike", "phone call"). */
static const chr_pattern *noun_event_pattern(const xsent *s, uint32_t first, uint32_t h)
{
    char buf[64], buf2[64];
    /* the longest trigger first: "phone conversation" before "conversation" */
    for (uint32_t back = 3; back-- > 0;) {
        if (h < first + back) continue;
        uint32_t k = h - back;
        if (!(chr_parse_marks(&s->p, k) & (CHR_LF_MARK1 | CHR_LF_MARK5)))
            continue;                                           /* no trigger's first word */
        const chr_pattern *c[16];
        size_t n;
        const char *w = back ? x_lemma(s, k, buf, sizeof buf) : x_lemma(s, h, buf, sizeof buf);
        find_pattern(s, 'n', w, CHR_PAT_EVENT, c, &n);
        if (!n && !back) {
            /* plurals the tagger left alone: "talks", "sanctions" */
            const char *raw = x_tok_text(s->d, h, h);
            size_t l = strlen(raw);
            if (l > 2 && raw[l - 1] == 's') {
                snprintf(buf2, sizeof buf2, "%.*s", (int)(l - 1), raw);
                for (char *q = buf2; *q; q++) if (*q >= 'A' && *q <= 'Z') *q = (char)(*q + 32);
                find_pattern(s, 'n', buf2, CHR_PAT_EVENT, c, &n);
            }
        }
        for (size_t i = 0; i < n; i++) {
            if (c[i]->nwords != back + 1) continue;
            int ok = 1;
            for (uint32_t j = 1; j <= back && ok; j++) {
                char b3[64];
                const char *wj = j == back ? x_lemma(s, h, b3, sizeof b3) : x_lemma(s, k + j, b3, sizeof b3);
                if (strcmp(wj, c[i]->words[j]) != 0 && !x_tok_is(s->d, k + j, c[i]->words[j])) ok = 0;
            }
            if (ok) return c[i];
        }
    }
    return NULL;
}

/* "Japan's Prime Minister Fumio Kishida is in Kyiv": a leader present in
 * another state's place is visiting it. */
static void presence_visit(xsent *s, int32_t vi)
{
    const chr_vgroup *vg = &s->p.vgs[vi];
    if (!(vg->flags & CHR_VGF_COPULA) || (vg->flags & CHR_VGF_NEG) || vg->modal ||
        vg->clause < 0 || vg->tense == CHR_TENSE_FUTURE)
        return;
    if (vg->last + 2 >= s->p.tok_end || !x_tok_is(s->d, vg->last + 1, "in")) return;
    const chr_clause *cl = &s->p.clauses[vg->clause];
    const chr_mention *who[2];
    if (x_np_actors(s, cl->subj, who, 2) != 1 || who[0]->u.entry->type != CHR_ET_PERSON) return;
    const chr_mention *pl[1];
    if (!x_mentions_in(s, CHR_M_PLACE, vg->last + 2, vg->last + 3, pl, 1)) return;
    if (strcmp(x_code(pl[0]), x_code(who[0])) == 0) return;
    static const chr_pattern visit = {
        .what = CHR_PAT_EVENT, .pos = 'v', .nwords = 1, .words = {"be"},
        .type = "CONSULT", .mode = "visit", .cameo = "042", .status = "occurred",
        .rule = "consult.visit.be_in"};
    ev_args ea;
    memset(&ea, 0, sizeof ea);
    ea.pat = &visit;
    ea.status = "occurred";
    ea.actors[ea.nactors++] = who[0];
    ea.recips[ea.nrecips++] = pl[0];
    ea.clause = vg->clause;
    ea.first = cl->first;
    ea.last = cl->last;
    ea.date = x_date_in(s, cl->first, cl->last, 0);
    x_trace(s->d, "'%s is in %s': a visit", x_mention_text(s->d, who[0]), x_mention_text(s->d, pl[0]));
    emit(s, &ea);
}

/* "There will also be more than 400 vehicles, including 162 armoured
 * vehicles, 60 boats ...": a sentence that only says what else there is
 * goes on with the list of the aid reported just before. */
static void list_goes_on(xsent *s)
{
    uint32_t b = s->p.tok_begin;
    if (s->sent == 0 || s->p.tok_end - b < 4 || !x_tok_is(s->d, b, "there")) return;
    int also = 0, be = 0;
    for (uint32_t k = b + 1; k < b + 5 && k < s->p.tok_end; k++) {
        if (x_tok_is(s->d, k, "also")) also = 1;
        if (x_tok_is(s->d, k, "be") || x_tok_is(s->d, k, "is") || x_tok_is(s->d, k, "are") ||
            x_tok_is(s->d, k, "was") || x_tok_is(s->d, k, "were"))
            be = 1;
    }
    if (!also || !be) return;
    chr_records *rs = s->d->out;
    chr_record tmp;
    memset(&tmp, 0, sizeof tmp);
    uint32_t te = b + 2 * REACH < s->p.tok_end ? b + 2 * REACH : s->p.tok_end - 1;
    x_add_items(s, &tmp, b, te);
    if (!tmp.nitems) return;
    size_t touched = 0;
    for (size_t j = rs->n; j-- > 0 && rs->v[j].sent + 1 >= s->sent;) {
        chr_record *r = &rs->v[j];
        if (r->sent + 1 != s->sent || r->kind != CHR_REC_EVENT || strcmp(r->type, "AID") != 0)
            continue;
        chr_ritem *all = chr_arena_alloc(s->d->a, (r->nitems + tmp.nitems) * sizeof *all);
        if (!all) return;
        if (r->nitems) memcpy(all, r->items, r->nitems * sizeof *all);
        memcpy(all + r->nitems, tmp.items, tmp.nitems * sizeof *all);
        r->items = all;
        r->nitems += tmp.nitems;
        touched++;
    }
    if (touched)
        x_trace(s->d, "'there ... also' goes on with the items of %zu AID record(s) just before",
                touched);
}

/* "... accused Kyiv of attacking Moscow with drones.  Three drones were
 * intercepted Sunday, ...": a sentence right after an attack, with no
 * event of its own, whose clause is about the attack's weapon (the weapon
 * is its subject) tells how many there were and when. */
static void attack_goes_on(xsent *s, size_t made_before)
{
    chr_records *rs = s->d->out;
    if (rs->n != made_before || !x_attack_before(s)) return;
    const chr_sentence *ss = s->d->t->sents;
    if (ss[s->sent - 1].para != ss[s->sent].para) return;
    const chr_mention *items[8];
    size_t ni = x_mentions_in(s, CHR_M_ITEM, s->p.tok_begin, s->p.tok_end - 1, items, 8);
    for (size_t i = 0; i < ni; i++) {
        const chr_mention *m = items[i];
        if (!x_weapon_class(m->u.entry->item_class)) continue;
        int32_t c = x_clause_at(s, m->tok_begin);
        if (c < 0 || s->p.clauses[c].subj < 0) continue;
        const chr_np *subj = &s->p.nps[s->p.clauses[c].subj];
        if (m->tok_begin < subj->first || m->tok_end > subj->last + 1) continue;
        const chr_mention *who[1];
        if (x_mentions_in(s, CHR_M_ACTOR, subj->first, subj->last, who, 1)) continue;
        const char *cls = chr_item_class_name(m->u.entry->item_class);
        chr_record tmp;
        memset(&tmp, 0, sizeof tmp);
        x_add_items(s, &tmp, subj->first, subj->last);
        const chr_mention *date = x_date_in(s, s->p.clauses[c].first, s->p.clauses[c].last, 0);
        size_t touched = 0;
        for (size_t j = rs->n; j-- > 0 && rs->v[j].sent + 1 >= s->sent;) {
            chr_record *r = &rs->v[j];
            if (r->sent + 1 != s->sent || r->kind != CHR_REC_EVENT || strcmp(r->type, "ASSAULT") != 0)
                continue;
            int same = 0;
            for (size_t k = 0; k < r->nitems; k++) {
                chr_ritem *it = &r->items[k];
                if (!it->cls || strcmp(it->cls, cls) != 0) continue;
                same = 1;
                for (size_t t = 0; t < tmp.nitems && !it->count.present; t++)
                    if (tmp.items[t].cls && strcmp(tmp.items[t].cls, cls) == 0)
                        it->count = tmp.items[t].count;
            }
            if (!same) continue;
            if (date && !r->date.present) x_fill_date(s->d, &r->date, date);
            touched++;
        }
        if (touched)
            x_trace(s->d, "'%s' goes on with the attack just before: its count and date",
                    x_mention_text(s->d, m));
        return;
    }
}

void x_events_sentence(xsent *s)
{
    size_t made_before = s->d->out->n;
    const chr_parse *p = &s->p;
    list_goes_on(s);
    for (uint32_t c = 0; c < p->ncl; c++)
        if (p->clauses[c].intro != CHR_NO_TOK && (x_tok_is(s->d, p->clauses[c].intro, "if") ||
                                                 x_tok_is(s->d, p->clauses[c].intro, "unless")))
            s->conditions++;
    int32_t used[64];
    size_t nused = 0;
    for (uint32_t vi = 0; vi < p->nvg; vi++) {
        const chr_vgroup *vg = &p->vgs[vi];
        int32_t used_np = -1;
        const chr_pattern *pat = verb_event_pattern(s, vg, &used_np);
        if (!pat) {
            presence_visit(s, (int32_t)vi);
            continue;
        }
        if (vg->comp >= 0) {
            int32_t dummy;
            if (verb_event_pattern(s, &p->vgs[vg->comp], &dummy)) {
                x_trace(s->d, "'%s' governs an event verb: read as its status", pat->words[0]);
                continue;
            }
        }
        if (used_np >= 0 && nused < 64) used[nused++] = used_np;
        x_trace(s->d, "trigger '%.*s' (%s)", (int)vg->lemma_len, vg->lemma, pat->rule);
        verb_event(s, (int32_t)vi, pat);
    }
    for (uint32_t ni = 0; ni < p->nnp; ni++) {
        const chr_np *x = &p->nps[ni];
        if (x->flags & (CHR_NPF_PRON | CHR_NPF_LIST)) continue;
        int skip = 0;
        for (size_t i = 0; i < nused; i++) if (used[i] == (int32_t)ni) skip = 1;
        if (skip) continue;
        /* the trigger is the head, or a noun before a time word that
         * heads the phrase ("a Nato-Ukraine summit last week") */
        const chr_pattern *pat = NULL;
        uint32_t h = x->head;
        for (uint32_t k = x->head + 1; k-- > x->first && !pat;) {
            int tag = chr_parse_tag(p, k)->tag;
            if (tag != CHR_T_NOUN && tag != CHR_T_PROPN) continue;
            if (k != x->head && !(x->flags & CHR_NPF_TIME)) break;
            pat = noun_event_pattern(s, x->first, k);
            if (pat) h = k;
        }
        if (!pat) continue;
        x_trace(s->d, "trigger noun '%s' (%s)", x_tok_text(s->d, h, h), pat->rule);
        noun_event(s, (int32_t)ni, h, pat);
    }
    attack_goes_on(s, made_before);
}
