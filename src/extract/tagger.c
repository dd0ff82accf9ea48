/*
 * tagger.c - part-of-speech tags for the tokens of one sentence; see parse.h.
 *
 * Deterministic and linear: every token is looked up once in the lexicon,
 * then one left-to-right pass picks a tag from the lexicon's possibilities
 * with local rules: the tag already chosen for the previous word, the
 * possibilities of the next one or two, whether an auxiliary is waiting for
 * its verb, and whether the current clause already has a finite verb.  The
 * extractor cares most about verbs, so a word becomes a verb only on good
 * evidence ("the attacks" and "Russian drones hit" keep their nouns).
 *
 * Before that pass, the sentence is prepared:
 *   - multi-word entries of the lexicon ("according to", "more than") are
 *     matched and tagged as one unit;
 *   - words glued by hyphens without spaces ("anti - tank", "Russian -
 *     backed") become one unit tagged like a modifier or noun;
 *   - capitals decide proper nouns where they are informative: not at the
 *     start of a sentence or quotation, and not in a title-case headline;
 *   - quotation marks are classed as opening or closing.
 *
 * A caller that only cares about sentences with certain words (the
 * extractor: its triggers, marked in the lexicon) says so
 * (chr_tag_tokens_if): the sentence is first sieved by the tokens' hashes
 * alone (may_hold), then by the marks its lookups carry, and a sentence
 * without such words stops there.
 */
#include "extract/parse.h"

#include <pthread.h>
#include <string.h>

#define TB(t) CHR_TB(CHR_T_##t)
#define CLOSED_TAGS (TB(DET) | TB(PRON) | TB(ADP) | TB(CCONJ) | TB(SCONJ) | \
                     TB(AUX) | TB(MODAL) | TB(PART))
#define NOMINAL_TAGS (TB(NOUN) | TB(PROPN) | TB(PRON) | TB(NUM))
#define NONE UINT32_MAX

/* What an auxiliary waits for. */
enum { EXP_NONE = 0, EXP_BASE, EXP_PART, EXP_BE };

/* Lemmas of the readings the tagger has not chosen between yet. */
typedef struct scratch {
    const char *vlemma, *nlemma;
    uint32_t vlen, nlen;
    uint16_t nfreq, vfreq;
} scratch;

typedef struct tctx {
    const chr_lexicon *lx;
    const chr_text *t;
    chr_arena *a;
    uint32_t b, n;          /* first token, number of tokens */
    chr_ptag *o;
    scratch *s;
    uint32_t marks;         /* the lexicon's marks on the words' lookups */
} tctx;

static inline const chr_token *tok(const tctx *c, uint32_t i)
{
    return &c->t->toks[c->b + i];
}

/* Token i is the lower-case word w (any case in the text). */
static inline int is(const tctx *c, uint32_t i, const char *w)
{
    if (i >= c->n) return 0;
    const chr_token *k = tok(c, i);
    const char *p = c->t->norm + k->start;
    size_t n = k->end - k->start;
    if (n != strlen(w)) return 0;       /* strlen of a literal is a constant */
    for (size_t j = 0; j < n; j++) {
        char a = p[j];
        if (a >= 'A' && a <= 'Z') a = (char)(a + 32);
        if (a != w[j]) return 0;
    }
    return 1;
}

static inline int punct_is(const tctx *c, uint32_t i, char ch)
{
    const chr_token *k = tok(c, i);
    return k->type == CHR_TOK_PUNCT && c->t->norm[k->start] == ch;
}

/* ---- lexical analysis --------------------------------------------------- */

/* Marks m (CHR_LF_MARK*) on token i and its sentence. */
static inline void add_marks(tctx *c, uint32_t i, uint32_t m)
{
    m &= CHR_LF_MARKS;
    c->marks |= m;
    c->o[i].marks |= (uint8_t)(m >> CHR_LF_MARK_SHIFT);
}

static void take_info(tctx *c, uint32_t i, const chr_lexinfo *li)
{
    chr_ptag *o = &c->o[i];
    scratch *s = &c->s[i];
    o->possible = li->tags;
    o->feats = li->feats & ~CHR_LF_MARKS;   /* marks only say whether to go on */
    add_marks(c, i, li->feats);
    o->vforms = li->vforms;
    o->aux = li->aux;
    o->modal = li->modal;
    s->vlemma = li->vlemma;
    s->vlen = (uint32_t)li->vlemma_len;
    s->nlemma = li->nlemma;
    s->nlen = (uint32_t)li->nlemma_len;
    s->nfreq = li->nfreq;
    s->vfreq = li->vfreq;
    /* a guessed lemma lives in li->buf: keep a copy */
    if (s->vlemma && s->vlemma >= li->buf && s->vlemma < li->buf + sizeof li->buf)
        s->vlemma = chr_arena_strndup(c->a, s->vlemma, s->vlen);
    if (li->feats & CHR_LF_NEG) o->flags |= CHR_PF_NEG;
}

/* Try a multi-word entry starting at token i; its length in tokens, or 0. */
static uint32_t match_mw(tctx *c, uint32_t i)
{
    int maxw = chr_lexicon_mw_max(c->lx);
    for (int w = maxw; w >= 2; w--) {
        if (i + (uint32_t)w > c->n) continue;
        char key[96];
        size_t kn = 0;
        int ok = 1;
        for (int j = 0; j < w && ok; j++) {
            const chr_token *k = tok(c, i + (uint32_t)j);
            size_t len = chr_tok_len(k);
            if (k->type != CHR_TOK_WORD || kn + len + 1 >= sizeof key ||
                (j > 0 && !(k->flags & CHR_TF_SPACE_BEFORE))) {
                ok = 0;
                break;
            }
            if (j > 0) key[kn++] = '_';
            memcpy(key + kn, chr_tok_ptr(c->t, k), len);
            kn += len;
        }
        if (!ok || !chr_lexicon_mw_may(c->lx, key, kn)) continue;
        chr_lexinfo li;
        if (chr_lexicon_lookup(c->lx, key, kn, &li) && !(li.feats & CHR_LF_GUESSED)) {
            take_info(c, i, &li);
            for (int j = 1; j < w; j++) {
                chr_ptag *o = &c->o[i + (uint32_t)j];
                o->possible = li.tags;
                o->feats = li.feats & ~(CHR_LF_MWSTART | CHR_LF_MARKS);
                o->flags |= CHR_PF_MW;
                /* no lemma: the word stands for itself */
                const chr_token *k = tok(c, i + (uint32_t)j);
                add_marks(c, i + (uint32_t)j,
                          chr_lexicon_marks(c->lx, chr_tok_ptr(c->t, k), chr_tok_len(k)));
            }
            return (uint32_t)w;
        }
    }
    return 0;
}

/* "we'll", "they've", "Russia'll": the word and its contracted auxiliary. */
static int split_clitic(tctx *c, uint32_t i, const char *p, size_t n)
{
    size_t ap = n;
    while (ap > 0 && p[ap - 1] != '\'') ap--;
    if (ap < 2 || ap >= n) return 0;
    ap--;                                   /* the apostrophe itself */
    chr_lexinfo cl;
    if (!chr_lexicon_lookup(c->lx, p + ap, n - ap, &cl) || !(cl.feats & CHR_LF_CLITIC))
        return 0;
    chr_lexinfo li;
    chr_lexicon_lookup(c->lx, p, ap, &li);
    take_info(c, i, &li);
    chr_ptag *o = &c->o[i];
    o->flags |= CHR_PF_CLITIC;
    o->modal = cl.modal;
    o->aux = cl.aux;
    o->vform = cl.vforms;                   /* the clitic's form: 've is base */
    return 1;
}

static int ordinal_digits(const char *p, size_t n)
{
    if (n < 3 || p[0] < '0' || p[0] > '9') return 0;
    const char *e = p + n - 2;
    return (e[0] == 's' && e[1] == 't') || (e[0] == 'n' && e[1] == 'd') ||
           (e[0] == 'r' && e[1] == 'd') || (e[0] == 't' && e[1] == 'h');
}

/* A headline or title-case line: capitals say nothing about names there.
 * It has several capitalized words and no lower-case word of four letters
 * or more other than function words ("Russia Launches Attack on Kyiv");
 * "Antony Blinken, the Secretary of State, arrived" has "arrived". */
static int title_case(const tctx *c)
{
    uint32_t caps = 0;
    for (uint32_t i = 0; i < c->n; i++) {
        const chr_token *k = tok(c, i);
        if (k->type != CHR_TOK_WORD || chr_tok_len(k) < 4) continue;
        if (k->flags & (CHR_TF_CAP | CHR_TF_UPPER)) {
            caps++;
            continue;
        }
        chr_lexinfo li;
        if (!chr_lexicon_lookup_common_h(c->lx, chr_tok_ptr(c->t, k), chr_tok_len(k),
                                         c->t->hash[c->b + i], &li) ||
            !(li.tags & CLOSED_TAGS))
            return 0;
    }
    return caps >= 3;
}

static void cap_fix(tctx *c, uint32_t i, int was_initial, int title);

/* What analyse_tokens() saw: which optional passes the sentence needs. */
enum { SAW_HYPHEN = 1, SAW_QUOTE = 2, SAW_MW = 4, SAW_INITIAL = 8 };

static int analyse_tokens(tctx *c, int title)
{
    int initial = 1;        /* no word yet in this sentence or quotation */
    int saw = 0;
    for (uint32_t i = 0; i < 8 && i < c->n; i++) chr_lexicon_prefetch(c->lx, c->t->hash[c->b + i]);
    for (uint32_t i = 0; i < c->n; i++) {
        /* the lookups of the words a few ahead are on their way meanwhile:
           their slots eight ahead, then their entries four ahead */
        if (i + 8 < c->n) chr_lexicon_prefetch(c->lx, c->t->hash[c->b + i + 8]);
        if (i + 4 < c->n) chr_lexicon_prefetch_entry(c->lx, c->t->hash[c->b + i + 4]);
        const chr_token *k = tok(c, i);
        const char *p = chr_tok_ptr(c->t, k);
        size_t n = chr_tok_len(k);
        chr_ptag *o = &c->o[i];
        switch (k->type) {
        case CHR_TOK_NUM:
            o->possible = TB(NUM);
            initial = 0;
            add_marks(c, i, chr_lexicon_marks(c->lx, p, n));
            continue;
        case CHR_TOK_PUNCT:
            o->possible = TB(PUNCT);
            add_marks(c, i, chr_lexicon_marks(c->lx, p, n));
            if (p[0] == '"' || p[0] == '(' || p[0] == ':' || p[0] == '[' || p[0] == '\'')
                initial = 1;
            if (p[0] == '"') saw |= SAW_QUOTE;
            if (p[0] == '-' && !(k->flags & CHR_TF_SPACE_BEFORE)) saw |= SAW_HYPHEN;
            if (p[0] == '.' && !(k->flags & CHR_TF_SPACE_BEFORE) && i > 0 &&
                chr_tok_len(tok(c, i - 1)) == 1)
                saw |= SAW_INITIAL;
            continue;
        case CHR_TOK_SYM:
            o->possible = (n == 1 && p[0] == '&') ? TB(CCONJ) : TB(SYM);
            initial = 0;
            add_marks(c, i, chr_lexicon_marks(c->lx, p, n));
            continue;
        default:
            break;
        }
        int was_initial = initial;
        initial = 0;
        if (n == 2 && p[0] == '\'' && (p[1] == 's' || p[1] == 'S')) {
            /* possessive, or "is"/"has" after a pronoun: decided in context */
            o->possible = TB(PART) | TB(AUX);
            o->aux = CHR_AUX_BE;
            o->vforms = CHR_VF_PRES3;
            c->s[i].vlemma = "be";
            c->s[i].vlen = 2;
            /* its lemma is "be", or "have" once decided ("he's sent") */
            add_marks(c, i, chr_lexicon_marks(c->lx, p, n) | chr_lexicon_marks(c->lx, "be", 2) |
                                chr_lexicon_marks(c->lx, "have", 4));
            continue;
        }
        if (k->flags & CHR_TF_HAS_DIGIT) {
            /* 4th, 2nd: ordinals; M777, T-72: names */
            o->possible = ordinal_digits(p, n) ? TB(ADJ) : TB(PROPN);
            add_marks(c, i, chr_lexicon_marks(c->lx, p, n));
            continue;
        }
        chr_lexinfo li;
        if ((k->flags & (CHR_TF_CAP | CHR_TF_UPPER)) && !was_initial && !title) {
            /* a capital in mid sentence makes a name unless the word is a
               function word: only the small table of common words is
               consulted */
            if (!chr_lexicon_lookup_common_h(c->lx, p, n, c->t->hash[c->b + i], &li)) {
                o->possible = TB(PROPN);
                o->flags |= CHR_PF_CAPWORD;
                add_marks(c, i, li.feats);
                continue;
            }
        } else {
            chr_lexicon_lookup_h(c->lx, p, n, c->t->hash[c->b + i], &li);
        }
        /* the word itself, whatever becomes of its lookup (a clitic split,
           a multi-word entry) */
        add_marks(c, i, li.feats);
        if ((li.feats & CHR_LF_MWSTART) && i + 1 < c->n) {
            uint32_t w = match_mw(c, i);
            if (w) {
                cap_fix(c, i, was_initial, title);
                saw |= SAW_MW;
                i += w - 1;
                continue;
            }
        }
        if (!((li.feats & CHR_LF_GUESSED) && memchr(p, '\'', n) && split_clitic(c, i, p, n)))
            take_info(c, i, &li);
        cap_fix(c, i, was_initial, title);
    }
    return saw;
}

/* Decide what a capital says about word i (after its lookup): a name in
 * mid sentence unless it is a function word, the lexicon's word at the
 * start of a sentence or quotation and in title-case lines. */
static void cap_fix(tctx *c, uint32_t i, int was_initial, int title)
{
    const chr_token *k = tok(c, i);
    chr_ptag *o = &c->o[i];
    if (!(k->flags & (CHR_TF_CAP | CHR_TF_UPPER)) || (k->flags & CHR_TF_HAS_DIGIT)) return;
    if ((k->flags & CHR_TF_UPPER) && !title && chr_tok_len(k) >= 2) {
        /* US, NATO, UN: acronyms are names ("US" is not "us") */
        o->possible = TB(PROPN);
        o->flags |= CHR_PF_CAPWORD;
        return;
    }
    if (!was_initial && !title) {
        /* mid-sentence capitals: names, except function words ("I") and
           capitalized months ("in May") */
        if ((o->possible & CLOSED_TAGS) && !(o->feats & CHR_LF_TIME)) return;
        o->possible = TB(PROPN);
        o->flags |= CHR_PF_CAPWORD;
        return;
    }
    /* sentence-initial or title case: trust the lexicon, except for words
       it does not know and nouns it has never seen in use (WordNet lists
       "Ukraine" as a noun with no sense counts), and nouns or adjectives
       before another capital ("European Union") */
    int next_cap = i + 1 < c->n && tok(c, i + 1)->type == CHR_TOK_WORD &&
                   (tok(c, i + 1)->flags & CHR_TF_CAP) && !title;
    if ((o->feats & CHR_LF_GUESSED) ||
        (o->possible == TB(NOUN) && c->s[i].nfreq == 0) ||
        (next_cap && !(o->possible & ~(TB(NOUN) | TB(ADJ) | TB(PROPN)))) ||
        ((o->feats & CHR_LF_TIME) && (o->possible & TB(MODAL)) && i + 1 < c->n &&
         tok(c, i + 1)->type == CHR_TOK_NUM))
        o->possible = TB(PROPN);
}

/* ---- hyphenated compounds ---------------------------------------------------- */

static int glue_next(const tctx *c, uint32_t i)
{
    if (i + 2 >= c->n) return 0;
    const chr_token *h = tok(c, i + 1), *w = tok(c, i + 2), *k = tok(c, i);
    return (k->type == CHR_TOK_WORD || k->type == CHR_TOK_NUM) &&
           h->type == CHR_TOK_PUNCT && c->t->norm[h->start] == '-' &&
           !(h->flags & CHR_TF_SPACE_BEFORE) && !(w->flags & CHR_TF_SPACE_BEFORE) &&
           (w->type == CHR_TOK_WORD || w->type == CHR_TOK_NUM) &&
           !(c->o[i].flags & CHR_PF_MW) && !(c->o[i + 2].flags & CHR_PF_MW);
}

static void compounds(tctx *c)
{
    for (uint32_t i = 0; i < c->n; i++) {
        if (!glue_next(c, i)) continue;
        uint32_t s = i, h = i;
        while (glue_next(c, h)) h += 2;
        for (uint32_t j = s; j < h; j++) c->o[j].flags |= CHR_PF_GLUED;
        chr_ptag *o = &c->o[h];
        int cap = 0;
        for (uint32_t j = s; j <= h; j += 2)
            if (c->o[j].possible == TB(PROPN)) cap = 1;
        if ((c->o[s].feats & CHR_LF_PREFIX) && (o->possible & TB(VERB))) {
            /* re-elected, co-operate: still a verb */
            o->possible &= TB(VERB) | TB(ADJ) | TB(NOUN);
        } else if (o->possible & TB(VERB)) {
            /* Russian-backed, long-awaited, peace-keeping: modifiers; and a
               verb reading of the last part (anti-tank) is never right */
            uint32_t keep = o->possible & (TB(NOUN) | TB(ADJ));
            if (o->vforms & (CHR_VF_PASTPART | CHR_VF_GERUND)) keep |= TB(ADJ);
            o->possible = keep ? keep : TB(ADJ);
            o->vforms = 0;
        }
        if (cap && !(o->possible & TB(VERB))) o->possible = TB(PROPN);
        if (tok(c, h)->type == CHR_TOK_NUM && tok(c, s)->type == CHR_TOK_NUM)
            o->possible = TB(NUM);
        else if (tok(c, h)->type == CHR_TOK_NUM)
            o->possible = TB(PROPN);        /* Su-25, F-16 */
        i = h;
    }
}

/* ---- initialisms ----------------------------------------------------------------- */

/* A capital letter with its point, glued to the next one: "U.K.", "U.S.",
 * "E.U." (the tokenizer leaves each letter and point apart). */
static int initial_at(const tctx *c, uint32_t i)
{
    if (i + 1 >= c->n) return 0;
    const chr_token *l = tok(c, i), *d = tok(c, i + 1);
    const char *p = chr_tok_ptr(c->t, l);
    return l->type == CHR_TOK_WORD && chr_tok_len(l) == 1 && p[0] >= 'A' && p[0] <= 'Z' &&
           d->type == CHR_TOK_PUNCT && c->t->norm[d->start] == '.' &&
           !(d->flags & CHR_TF_SPACE_BEFORE);
}

/* Two or more initials in a row become one unit, a proper noun headed by
 * its last point, so that "U.K. officials" is one noun phrase. */
static void initialisms(tctx *c)
{
    for (uint32_t i = 0; i + 3 < c->n; i++) {
        if (!initial_at(c, i) || !initial_at(c, i + 2) ||
            (tok(c, i + 2)->flags & CHR_TF_SPACE_BEFORE) ||
            (c->o[i].flags & (CHR_PF_GLUED | CHR_PF_MW)))
            continue;
        uint32_t h = i + 3;
        while (initial_at(c, h + 1) && !(tok(c, h + 1)->flags & CHR_TF_SPACE_BEFORE)) h += 2;
        for (uint32_t j = i; j < h; j++) c->o[j].flags |= CHR_PF_GLUED;
        c->o[h].possible = TB(PROPN);
        i = h;
    }
}

/* ---- quotation marks ---------------------------------------------------------- */

static void quotes(tctx *c)
{
    int inq = 0, seen_open = 0;
    for (uint32_t i = 0; i < c->n; i++) {
        if (!punct_is(c, i, '"')) {
            if (inq) c->o[i].flags |= CHR_PF_QUOTED;
            continue;
        }
        const chr_token *k = tok(c, i);
        int space_before = i == 0 || (k->flags & CHR_TF_SPACE_BEFORE);
        int space_after = i + 1 >= c->n || (tok(c, i + 1)->flags & CHR_TF_SPACE_BEFORE);
        int open;
        if (space_before && !space_after) open = 1;
        else if (!space_before && space_after) open = 0;
        else open = !inq;
        if (open) {
            c->o[i].flags |= CHR_PF_QOPEN;
            inq = 1;
            seen_open = 1;
        } else {
            c->o[i].flags |= CHR_PF_QCLOSE;
            if (!inq && !seen_open) {
                /* a quotation that began in an earlier sentence */
                for (uint32_t j = 0; j < i; j++) c->o[j].flags |= CHR_PF_QUOTED;
            }
            inq = 0;
        }
    }
}

/* ---- disambiguation --------------------------------------------------------------- */

/* The token that stands for the unit at or after i: glued parts and the
 * continuations of multi-word entries are skipped. */
static uint32_t unit_at(const tctx *c, uint32_t i)
{
    while (i < c->n && (c->o[i].flags & (CHR_PF_GLUED | CHR_PF_MW))) i++;
    return i;
}

static uint32_t next_unit(const tctx *c, uint32_t i)
{
    if (i >= c->n) return c->n;
    /* a glued chain's head is its last token: the next unit starts after */
    return unit_at(c, i + 1);
}

static inline uint32_t poss(const tctx *c, uint32_t i)
{
    return i < c->n ? c->o[i].possible : 0;
}

/* Could token i open a noun phrase that is not itself a verb? */
static int np_opener(const tctx *c, uint32_t i)
{
    uint32_t p = poss(c, i);
    if (!p) return 0;
    if (p & (TB(DET) | TB(NUM) | TB(PROPN))) return 1;
    if ((p & TB(PRON)) && !(c->o[i].feats & CHR_LF_REL)) return 1;
    if ((p & (TB(NOUN) | TB(ADJ))) && !(p & (TB(VERB) | TB(AUX) | TB(MODAL) | TB(ADP))))
        return 1;
    if (tok(c, i)->type == CHR_TOK_SYM) return 1;       /* $350 million */
    return 0;
}

/* A finite verb ahead, before punctuation: "as the troops inched", "after
 * Russia invaded".  Bounded look-ahead keeps the pass linear. */
static int clause_ahead(const tctx *c, uint32_t i)
{
    uint32_t j = next_unit(c, i);
    if (j < c->n && (poss(c, j) & TB(PRON)) && (c->o[j].feats & CHR_LF_NOM)) return 1;
    int insertion = 0;      /* inside ", on Wednesday," */
    uint32_t prevp = 0;     /* the previous unit's possible tags */
    for (int steps = 0; j < c->n && steps < 16; steps++, j = next_unit(c, j)) {
        const chr_token *k = tok(c, j);
        if (k->type == CHR_TOK_PUNCT && !(c->o[j].flags & CHR_PF_GLUED)) {
            /* a comma opening or closing an inserted phrase ("as X, on
               Wednesday, announced") lets the search go on */
            if (!punct_is(c, j, ',')) return 0;
            prevp = TB(PUNCT);
            if (insertion) { insertion = 0; continue; }
            uint32_t nx = next_unit(c, j);
            if (nx < c->n && (poss(c, nx) & TB(ADP)) && !(poss(c, nx) & TB(SCONJ))) {
                insertion = 1;
                continue;
            }
            return 0;
        }
        uint32_t p = poss(c, j);
        if (p & (TB(CCONJ) | TB(SCONJ))) return 0;
        if (c->o[j].feats & CHR_LF_REL) return 0;
        if (p & (TB(MODAL))) return 1;
        if ((p & TB(AUX)) && !(p & TB(PART))) return 1;
        if ((p & TB(VERB)) && !(p & (TB(NOUN) | TB(ADJ) | TB(PROPN))) &&
            (c->o[j].vforms & (CHR_VF_PAST | CHR_VF_PRES3 | CHR_VF_PRES)))
            return 1;
        /* "announced" may be an adjective, but not right after a name */
        if ((p & TB(VERB)) && (p & TB(ADJ)) && !(p & (TB(NOUN) | TB(PROPN))) &&
            (c->o[j].vforms & CHR_VF_PAST) && steps > 0 &&
            ((prevp & (TB(NOUN) | TB(PROPN))) || prevp == TB(PUNCT)) && !(prevp & TB(ADJ)))
            return 1;
        /* nor "accused" between a name and the next ("the Ministry accused
           Kyiv", "the ministry accused Kyiv") */
        if ((p & TB(VERB)) && !(p & TB(PROPN)) && (c->o[j].vforms & CHR_VF_PAST) && steps > 0 &&
            (prevp & (TB(PROPN) | TB(NOUN))) && !(prevp & TB(ADJ))) {
            uint32_t nx = next_unit(c, j);
            uint32_t np = nx < c->n ? poss(c, nx) : 0;
            uint32_t opens = (prevp & TB(PROPN)) ? TB(PROPN) | TB(DET) | TB(NUM) : TB(PROPN);
            if ((np & opens) && !(np & (TB(VERB) | TB(ADP))) &&
                ((prevp & TB(PROPN)) || (c->o[nx].flags & CHR_PF_CAPWORD)))
                return 1;
        }
        prevp = p;
    }
    return 0;
}

/* A range of numbers at unit i: "500 and 700", "500 and 700 soldiers". */
static int range_after(const tctx *c, uint32_t i)
{
    uint32_t j = next_unit(c, i);
    if (j >= c->n || !is(c, j, "and")) return 0;
    uint32_t k = next_unit(c, j);
    return k < c->n && (tok(c, k)->type == CHR_TOK_NUM || (poss(c, k) & TB(NUM)));
}

static uint8_t pick_vform(uint8_t vf, int expect, int has_finite)
{
    if (!vf) return 0;
    if (expect == EXP_BASE && (vf & CHR_VF_BASE)) return CHR_VF_BASE;
    if (expect == EXP_PART && (vf & CHR_VF_PASTPART)) return CHR_VF_PASTPART;
    if (expect == EXP_BE) {
        if (vf & CHR_VF_PASTPART) return CHR_VF_PASTPART;
        if (vf & CHR_VF_GERUND) return CHR_VF_GERUND;
    }
    if (!has_finite) {
        if (vf & CHR_VF_PAST) return CHR_VF_PAST;
        if (vf & CHR_VF_PRES3) return CHR_VF_PRES3;
        if (vf & CHR_VF_PRES) return CHR_VF_PRES;
    }
    if (vf & CHR_VF_PASTPART) return CHR_VF_PASTPART;
    if (vf & CHR_VF_GERUND) return CHR_VF_GERUND;
    if (vf & CHR_VF_PAST) return CHR_VF_PAST;
    if (vf & CHR_VF_PRES3) return CHR_VF_PRES3;
    if (vf & CHR_VF_PRES) return CHR_VF_PRES;
    return CHR_VF_BASE;
}

/* The pass's state. */
typedef struct tstate {
    uint32_t prev, prev2;   /* the previous units, or NONE */
    int pt, pt2;            /* their tags (CHR_T_X when none) */
    int expect;             /* EXP_*: an auxiliary waits for a verb */
    int has_finite;         /* the clause so far has a finite verb */
    int prev_plural;        /* the previous nominal is plural */
    uint32_t before_cc;     /* the unit before the last coordinating conjunction */
    int subject_seen;       /* a nominal since the clause began (commas do
                               not end a clause: "Blinken, on Wednesday,
                               announced") */
    int chain_base;         /* a modal, do or to in this clause: verbs
                               coordinated after it are bare ("will take
                               part and hold talks") */
    uint8_t last_finite;    /* the form of the sentence's last finite verb */
    int in_rel;             /* inside a relative clause ... */
    int outer_finite;       /* ... whose outer clause has a finite verb */
} tstate;

static int prev_is_nominal(const tstate *st)
{
    return st->pt == CHR_T_NOUN || st->pt == CHR_T_PROPN || st->pt == CHR_T_NUM ||
           st->pt == CHR_T_PRON;
}

/* The previous unit makes the next word a noun-phrase element. */
static int prev_is_np_internal(const tctx *c, const tstate *st)
{
    if (st->pt == CHR_T_DET || st->pt == CHR_T_NUM) return 1;
    if (st->pt == CHR_T_ADJ) return 1;
    if (st->pt == CHR_T_PART && st->prev != NONE && (c->o[st->prev].flags & CHR_PF_POSS))
        return 1;
    return 0;
}

/* A capitalized word that reads like a nationality ("Ukrainian",
 * "Chinese", "British"): a modifier, so "Ukrainian armed forces" has no
 * verb while "Germany armed its allies" has one. */
static int demonym_like(const tctx *c, uint32_t i)
{
    const chr_token *k = tok(c, i);
    const char *p = chr_tok_ptr(c->t, k);
    size_t n = chr_tok_len(k);
    static const char *const ends[] = { "ian", "ean", "can", "ese", "ish", "ch", "man", "ic", "ani", "eli" };
    for (size_t j = 0; j < sizeof ends / sizeof ends[0]; j++) {
        size_t m = strlen(ends[j]);
        if (n > m + 1 && memcmp(p + n - m, ends[j], m) == 0) return 1;
    }
    return 0;
}

/* Token i opens a noun phrase by a word that cannot be a modifier-verb:
 * a determiner, a number, a pronoun or a name ("destroyed two bridges"). */
static int strong_np_opener(const tctx *c, uint32_t i)
{
    uint32_t p = poss(c, i);
    if (!p || (p & (TB(VERB) | TB(AUX) | TB(MODAL)))) return 0;
    if (p & (TB(DET) | TB(NUM) | TB(PROPN))) return 1;
    /* "at least 50", "nearly 200": a number's qualifier */
    if ((c->o[i].feats & CHR_LF_QPRE) && !(p & TB(ADP))) {
        uint32_t j = next_unit(c, i);
        if (j < c->n && (tok(c, j)->type == CHR_TOK_NUM || (poss(c, j) & TB(NUM)))) return 1;
    }
    return (p & TB(PRON)) && !(c->o[i].feats & CHR_LF_REL);
}

/* Choose among NOUN / VERB / ADJ / ADV / PROPN for an open-class word. */
static int open_class(tctx *c, uint32_t i, const tstate *st, uint8_t *vform)
{
    chr_ptag *o = &c->o[i];
    uint32_t P = o->possible;
    uint8_t vf = o->vforms;
    uint32_t nx = next_unit(c, i);
    uint32_t NP = poss(c, nx);
    int noun_ok = (P & (TB(NOUN) | TB(PROPN))) != 0;
    int noun_tag = (P & TB(NOUN)) ? CHR_T_NOUN : CHR_T_PROPN;
    int adj_ok = (P & TB(ADJ)) != 0;
    int next_nounish = (NP & (TB(NOUN) | TB(PROPN) | TB(ADJ) | TB(NUM))) &&
                       !(NP & (TB(DET) | TB(ADP) | TB(AUX) | TB(MODAL)));
    *vform = 0;

    /* a word nobody knows, where an auxiliary wants a bare verb ("did not
       geolocate"): it is that verb, its own lemma */
    if (!(P & TB(VERB)) && (o->feats & CHR_LF_GUESSED) && st->expect == EXP_BASE &&
        !(o->flags & CHR_PF_CAPWORD)) {
        o->vforms = CHR_VF_BASE;
        c->s[i].vlemma = chr_tok_ptr(c->t, tok(c, i));
        c->s[i].vlen = (uint32_t)chr_tok_len(tok(c, i));
        *vform = CHR_VF_BASE;
        return CHR_T_VERB;
    }
    if (P & TB(VERB)) {
        int finite_ok = (vf & (CHR_VF_PAST | CHR_VF_PRES3 | CHR_VF_PRES | CHR_VF_BASE)) != 0;
        /* an auxiliary is waiting */
        if (st->expect == EXP_BASE && (vf & CHR_VF_BASE)) {
            *vform = CHR_VF_BASE;
            return CHR_T_VERB;
        }
        if (st->expect == EXP_PART && (vf & CHR_VF_PASTPART)) {
            *vform = CHR_VF_PASTPART;
            return CHR_T_VERB;
        }
        if (st->expect == EXP_BE && (vf & (CHR_VF_PASTPART | CHR_VF_GERUND))) {
            /* "was wounded", "is visiting"; but "is a leading figure" */
            if (!(adj_ok && next_nounish && !(vf & CHR_VF_PASTPART) &&
                  !(NP & TB(DET)))) {
                *vform = pick_vform(vf & (CHR_VF_PASTPART | CHR_VF_GERUND), EXP_BE, 1);
                return CHR_T_VERB;
            }
        }
        /* inside a noun phrase: "the destroyed bridge", "the shelling" */
        if (prev_is_np_internal(c, st) && (noun_ok || adj_ok)) {
            if (adj_ok && next_nounish) return CHR_T_ADJ;
            if (noun_ok) return noun_tag;
            return CHR_T_ADJ;
        }
        /* after a subject pronoun: "it supplies", "they sent", "which took" */
        if (st->pt == CHR_T_PRON && st->prev != NONE &&
            (c->o[st->prev].feats & (CHR_LF_NOM | CHR_LF_REL)) && finite_ok &&
            !(c->o[st->prev].feats & CHR_LF_POSS)) {
            *vform = pick_vform(vf & (CHR_VF_PAST | CHR_VF_PRES3 | CHR_VF_PRES | CHR_VF_BASE),
                                EXP_NONE, 0);
            return CHR_T_VERB;
        }
        /* the frame after a quotation: '"...," said the governor' */
        if (st->prev != NONE && (c->o[st->prev].flags & CHR_PF_QCLOSE) &&
            (vf & (CHR_VF_PAST | CHR_VF_PRES3))) {
            *vform = (vf & CHR_VF_PAST) ? CHR_VF_PAST : CHR_VF_PRES3;
            return CHR_T_VERB;
        }
        /* passive participle before "by": "weapons supplied by the US" */
        if ((vf & CHR_VF_PASTPART) && nx < c->n && is(c, nx, "by")) {
            *vform = CHR_VF_PASTPART;
            return CHR_T_VERB;
        }
        /* the outer clause's verb after a relative clause without commas:
           "the talks which took place on Sunday ended without result" */
        if (st->in_rel && st->has_finite && !st->outer_finite &&
            (prev_is_nominal(st) || st->pt == CHR_T_VERB) &&
            (vf & CHR_VF_PAST) && !(nx < c->n && is(c, nx, "by"))) {
            *vform = CHR_VF_PAST;
            return CHR_T_VERB;
        }
        /* "a conflict using someone else", "troops firing rockets": a
           participle with its own object */
        if ((vf & CHR_VF_GERUND) && prev_is_nominal(st) && st->has_finite &&
            strong_np_opener(c, nx)) {
            *vform = CHR_VF_GERUND;
            return CHR_T_VERB;
        }
        /* after a preposition or a verb, -ing is a gerund: "after visiting",
           "denied sending", "consider sending", "ruled out sending" */
        int particle = st->pt == CHR_T_ADV && st->prev != NONE &&
                       (c->o[st->prev].feats & CHR_LF_PARTICLE) && st->pt2 == CHR_T_VERB;
        if ((vf & CHR_VF_GERUND) &&
            (st->pt == CHR_T_ADP || st->pt == CHR_T_VERB || st->pt == CHR_T_SCONJ || particle)) {
            /* "of sending jets": a plural noun after it is its object */
            int object = (NP & TB(NOUN)) && nx < c->n && (c->o[nx].feats & CHR_LF_PL) &&
                         !(NP & (TB(ADP) | TB(DET)));
            if (!(noun_ok && st->pt == CHR_T_ADP && !np_opener(c, nx) && !object &&
                  !(NP & TB(ADP)) && !(NP & TB(ADV)))) {
                *vform = CHR_VF_GERUND;
                return CHR_T_VERB;
            }
        }
        if (st->pt == CHR_T_CCONJ && st->chain_base && (vf & CHR_VF_BASE) &&
            (np_opener(c, nx) || !noun_ok)) {
            *vform = CHR_VF_BASE;
            return CHR_T_VERB;
        }
        /* coordinated verbs: "attacked and destroyed", "shelled the city
           and destroyed two bridges" -- a participle-like word only when a
           determiner, number or name follows ("and armed vehicles" is no
           verb) */
        if (st->pt == CHR_T_CCONJ && st->before_cc != NONE &&
            c->o[st->before_cc].tag == CHR_T_VERB) {
            uint8_t pf = c->o[st->before_cc].vform;
            if (vf & pf) {
                *vform = pf;
                return CHR_T_VERB;
            }
        }
        if (st->pt == CHR_T_CCONJ && st->last_finite && (vf & st->last_finite) &&
            (strong_np_opener(c, nx) || (!noun_ok && !adj_ok))) {
            *vform = st->last_finite;
            return CHR_T_VERB;
        }
        /* after a nominal: the subject's verb, or a noun-noun compound */
        if (prev_is_nominal(st) && !st->has_finite) {
            if (vf & CHR_VF_PAST) {
                /* "Ukrainian armed forces": the past form is a modifier */
                if (!(adj_ok && next_nounish && !noun_ok && (NP & TB(NOUN)) &&
                      !(NP & TB(PROPN)) && st->pt == CHR_T_PROPN && demonym_like(c, st->prev))) {
                    *vform = CHR_VF_PAST;
                    return CHR_T_VERB;
                }
            }
            int subj_sg = !st->prev_plural;
            int agree = ((vf & CHR_VF_PRES3) && subj_sg) ||
                        ((vf & CHR_VF_BASE) && !subj_sg);
            /* "the aftermath of Russian attacks", "the Russian strikes": a
               people's adjective after a preposition or determiner
               modifies the noun that follows; it is no subject */
            if (noun_ok && st->pt == CHR_T_PROPN && demonym_like(c, st->prev) &&
                (st->pt2 == CHR_T_ADP || st->pt2 == CHR_T_DET))
                agree = 0;
            if (agree) {
                uint32_t n2 = next_unit(c, nx);
                int verb_ev = np_opener(c, nx) || (NP & (TB(ADV) | TB(PART))) ||
                              (nx < c->n && is(c, nx, "to") && n2 < c->n &&
                               (poss(c, n2) & TB(VERB)) && !(poss(c, n2) & (TB(PROPN) | TB(DET))));
                /* "Blinken schedules visit", "Kremlin claims victory": a
                   name's -s word is its verb unless the clause's verb
                   follows ("NATO allies said") */
                if (!verb_ev && st->pt == CHR_T_PROPN && (vf & CHR_VF_PRES3) && nx < c->n &&
                    (st->pt2 != CHR_T_DET) && !demonym_like(c, st->prev) &&
                    !(NP & (TB(AUX) | TB(MODAL) | TB(ADP) | TB(PUNCT) | TB(CCONJ) | TB(SCONJ))) &&
                    !((NP & TB(VERB)) && !(NP & (TB(NOUN) | TB(ADJ)))))
                    verb_ev = 1;
                if (!noun_ok || verb_ev) {
                    *vform = (vf & CHR_VF_PRES3) && subj_sg ? CHR_VF_PRES3 : CHR_VF_BASE;
                    return CHR_T_VERB;
                }
            }
        }
        if (prev_is_nominal(st) && st->has_finite && (vf & CHR_VF_PASTPART) &&
            !(noun_ok && !(vf & (CHR_VF_PAST)))) {
            /* "sent tanks captured from Russia": a participle */
            if (!(adj_ok && next_nounish)) {
                *vform = CHR_VF_PASTPART;
                return CHR_T_VERB;
            }
        }
        /* at the start of a clause: "Speaking to reporters, ...",
           "Asked about it, ..." -- but "Armed forces" and "Fighting
           continued" */
        int at_start = (st->prev == NONE || st->pt == CHR_T_PUNCT || st->pt == CHR_T_SCONJ ||
                        st->pt == CHR_T_CCONJ) && !st->subject_seen;
        /* "Blinken, on Wednesday, announced": a subject waits for its verb */
        if (st->pt == CHR_T_PUNCT && st->subject_seen && !st->has_finite &&
            (vf & CHR_VF_PAST) && !noun_ok) {
            /* (a plural noun after a comma is a list: "tanks, ships and") */
            *vform = CHR_VF_PAST;
            return CHR_T_VERB;
        }

        if (at_start && (vf & (CHR_VF_GERUND | CHR_VF_PASTPART)) &&
            !(vf & CHR_VF_BASE && noun_ok)) {
            /* ", killing five people": a participle with its object */
            if ((vf & CHR_VF_GERUND) && strong_np_opener(c, nx) && st->prev != NONE) {
                *vform = CHR_VF_GERUND;
                return CHR_T_VERB;
            }
            if (adj_ok && next_nounish) return CHR_T_ADJ;
            if (noun_ok && !(np_opener(c, nx) || (NP & TB(ADP)))) return noun_tag;
            if ((vf & CHR_VF_PAST) && !st->has_finite && !at_start) {
                *vform = CHR_VF_PAST;
                return CHR_T_VERB;
            }
            *vform = (vf & CHR_VF_GERUND) ? CHR_VF_GERUND : CHR_VF_PASTPART;
            return CHR_T_VERB;
        }
        /* a verb-only word: the best form in context */
        if (!noun_ok && !adj_ok && !(P & TB(ADV))) {
            *vform = pick_vform(vf, st->expect, st->has_finite);
            return CHR_T_VERB;
        }
        /* after an adverb at the verb position: "also sent", "reportedly
           killed" */
        if (st->pt == CHR_T_ADV && !st->has_finite && finite_ok && !noun_ok &&
            (vf & (CHR_VF_PAST | CHR_VF_PRES3))) {
            *vform = pick_vform(vf, EXP_NONE, 0);
            return CHR_T_VERB;
        }
        if (st->pt == CHR_T_ADV && st->prev2 != NONE && prev_is_nominal(st) == 0 &&
            (st->pt2 == CHR_T_NOUN || st->pt2 == CHR_T_PROPN || st->pt2 == CHR_T_PRON) &&
            !st->has_finite && (vf & (CHR_VF_PAST | CHR_VF_PRES3))) {
            *vform = pick_vform(vf, EXP_NONE, 0);
            return CHR_T_VERB;
        }
    }
    /* no verb: noun, adjective, adverb */
    if (adj_ok && noun_ok) {
        if (next_nounish) return CHR_T_ADJ;
        if (st->pt == CHR_T_AUX || st->pt == CHR_T_ADV) return CHR_T_ADJ;
        return noun_tag;
    }
    if (noun_ok) return noun_tag;
    if (adj_ok && (P & TB(ADV))) {
        if (st->pt == CHR_T_AUX || next_nounish) return CHR_T_ADJ;
        return CHR_T_ADV;
    }
    if (adj_ok) return CHR_T_ADJ;
    if (P & TB(ADV)) return CHR_T_ADV;
    if (P & TB(VERB)) {
        *vform = pick_vform(vf, st->expect, st->has_finite);
        return CHR_T_VERB;
    }
    return CHR_T_NOUN;
}

/* The verb forms an auxiliary waiting with expect (EXP_*) takes. */
static uint8_t expected_forms(int expect)
{
    return expect == EXP_BASE ? CHR_VF_BASE : expect == EXP_PART ? CHR_VF_PASTPART
           : CHR_VF_PASTPART | CHR_VF_GERUND;
}

/* Does an auxiliary at i have its verb ahead (adverbs and negation may
 * intervene)?  want is EXP_BASE, EXP_PART or EXP_BE. */
static int verb_ahead(const tctx *c, uint32_t i, int want)
{
    uint32_t j = next_unit(c, i);
    uint8_t wanted = expected_forms(want);
    /* "has long backed": a word that may be an adverb, then the verb (no noun) */
    if (j < c->n && (poss(c, j) & TB(ADV))) {
        uint32_t j2 = next_unit(c, j);
        if (j2 < c->n && (poss(c, j2) & TB(VERB)) && !(poss(c, j2) & (TB(NOUN) | TB(PROPN))) &&
            (c->o[j2].vforms & wanted))
            return 1;
    }
    for (int steps = 0; j < c->n && steps < 4; steps++, j = next_unit(c, j)) {
        uint32_t p = poss(c, j);
        if ((p & (TB(ADV) | TB(PART))) && !(p & (TB(VERB) | TB(AUX))) &&
            (c->o[j].flags & CHR_PF_NEG || p == TB(ADV) || (p & TB(ADV)))) {
            if (p & (TB(NOUN) | TB(ADJ) | TB(PRON) | TB(DET))) return 0;
            continue;
        }
        if (!(p & (TB(VERB) | TB(AUX)))) return 0;
        return (c->o[j].vforms & wanted) != 0;
    }
    return 0;
}

/* Decide the tag of unit i. */
static void decide(tctx *c, uint32_t i, tstate *st)
{
    chr_ptag *o = &c->o[i];
    uint32_t P = o->possible;
    uint32_t nx = next_unit(c, i);
    uint32_t NP = poss(c, nx);
    int tag = CHR_T_X;
    uint8_t vform = 0;

    if (!P) P = o->possible = TB(NOUN);

    if (P == TB(PUNCT) || P == TB(SYM) || P == TB(NUM) || P == TB(PROPN) ||
        P == TB(CCONJ) || P == TB(ADJ) || P == TB(ADV) ||
        (P == TB(DET) && !(o->feats & CHR_LF_REL)) ||
        (P == TB(NOUN) && !(o->feats & CHR_LF_GUESSED))) {
        /* one possibility: nothing to decide */
        tag = P == TB(PUNCT) ? CHR_T_PUNCT : P == TB(SYM) ? CHR_T_SYM
            : P == TB(NUM) ? CHR_T_NUM : P == TB(PROPN) ? CHR_T_PROPN
            : P == TB(CCONJ) ? CHR_T_CCONJ : P == TB(ADJ) ? CHR_T_ADJ
            : P == TB(ADV) ? CHR_T_ADV : P == TB(DET) ? CHR_T_DET : CHR_T_NOUN;
    } else if (P == (TB(PART) | TB(AUX)) && o->aux == CHR_AUX_BE && !(o->feats)) {
        /* 's: "it's", "he's been" are is/has; "Ukraine's" is possessive */
        int verbal_next = (NP & (TB(VERB) | TB(AUX))) && !(NP & (TB(NOUN) | TB(ADJ))) &&
                          (c->o[nx].vforms & (CHR_VF_PASTPART | CHR_VF_GERUND));
        if ((st->pt == CHR_T_PRON && st->prev != NONE &&
             !(c->o[st->prev].feats & (CHR_LF_POSS | CHR_LF_ACC))) ||
            verbal_next || (NP & TB(PART) && c->o[nx].flags & CHR_PF_NEG)) {
            tag = CHR_T_AUX;
            if (nx < c->n && (c->o[nx].vforms & CHR_VF_PASTPART) &&
                !(c->o[nx].vforms & CHR_VF_GERUND) && !is(c, nx, "being")) {
                /* "he's sent" is "has sent"; "it's been" too */
                o->aux = CHR_AUX_HAVE;
                c->s[i].vlemma = "have";
                c->s[i].vlen = 4;
                if (is(c, nx, "been")) o->aux = CHR_AUX_HAVE;
            }
            vform = CHR_VF_PRES3;
        } else {
            tag = CHR_T_PART;
            o->flags |= CHR_PF_POSS;
            o->aux = 0;
            o->vforms = 0;
        }
    } else if ((P & TB(SCONJ)) && (P & TB(DET)) && is(c, i, "that") && !(o->flags & CHR_PF_MW)) {
        if (st->pt == CHR_T_VERB || st->pt == CHR_T_ADJ ||
            (st->pt == CHR_T_AUX && st->prev != NONE && c->o[st->prev].aux == CHR_AUX_BE) ||
            (st->pt == CHR_T_NOUN && st->prev != NONE &&
             (c->o[st->prev].feats & CHR_LF_REPORT) && clause_ahead(c, i))) {
            tag = CHR_T_SCONJ;          /* "said that", "clear that", "claims that" */
        } else if (prev_is_nominal(st) || (st->pt == CHR_T_PUNCT && st->prev != NONE &&
                                           punct_is(c, st->prev, ',') && st->pt2 != CHR_T_X &&
                                           (st->pt2 == CHR_T_NOUN || st->pt2 == CHR_T_PROPN))) {
            tag = CHR_T_PRON;           /* "the weapons that were sent" */
            o->flags |= CHR_PF_REL;
        } else if ((NP & (TB(NOUN) | TB(ADJ) | TB(NUM))) && !(NP & (TB(VERB) | TB(AUX) | TB(MODAL)))) {
            tag = CHR_T_DET;
        } else if (st->prev == NONE || st->pt == CHR_T_PUNCT || st->pt == CHR_T_ADP) {
            tag = (NP & (TB(NOUN) | TB(ADJ))) && !(NP & (TB(AUX) | TB(MODAL))) ? CHR_T_DET
                                                                              : CHR_T_PRON;
        } else {
            tag = CHR_T_SCONJ;
        }
    } else if ((o->feats & CHR_LF_REL) && (P & TB(PRON)) && !(P & TB(SCONJ))) {
        /* which, who, whom: relative after a noun (or "in which") */
        tag = CHR_T_PRON;
        if (prev_is_nominal(st) || st->pt == CHR_T_PUNCT || st->pt == CHR_T_ADP)
            o->flags |= CHR_PF_REL;
        if ((P & TB(DET)) && (NP & (TB(NOUN) | TB(ADJ))) && !(NP & (TB(VERB) | TB(AUX)))) {
            tag = CHR_T_DET;
            o->flags &= (uint16_t)~CHR_PF_REL;
        }
    } else if ((o->feats & CHR_LF_REL) && (P & TB(DET)) && !(P & TB(PRON))) {
        tag = CHR_T_DET;                /* whose */
        if (prev_is_nominal(st) || st->pt == CHR_T_PUNCT) o->flags |= CHR_PF_REL;
    } else if ((o->feats & CHR_LF_REL) && (P & TB(SCONJ)) && is(c, i, "where") &&
               !(o->flags & CHR_PF_MW)) {
        tag = CHR_T_SCONJ;
        if (prev_is_nominal(st) || (st->pt == CHR_T_PUNCT && st->pt2 == CHR_T_PROPN))
            o->flags |= CHR_PF_REL;
    } else if (P == (TB(PART) | TB(ADP)) && is(c, i, "to")) {
        /* infinitive marker or preposition */
        uint32_t nn = next_unit(c, nx);
        int inf = 0;
        if (nx < c->n && (NP & TB(VERB)) && (c->o[nx].vforms & CHR_VF_BASE) &&
            !(c->o[nx].flags & CHR_PF_CAPWORD)) {
            if (!(NP & (TB(NOUN) | TB(ADJ) | TB(PROPN) | TB(NUM) | TB(DET)))) inf = 1;
            else if (np_opener(c, nn) && !(poss(c, nn) & TB(NOUN) && !(poss(c, nn) & (TB(DET) | TB(PROPN) | TB(PRON) | TB(NUM)))))
                inf = 1;                /* "to aid Ukraine", "to support the army" */
            else if (c->s[nx].vfreq > c->s[nx].nfreq) inf = 1;
            else if (st->pt == CHR_T_VERB || st->pt == CHR_T_ADJ) inf = c->s[nx].vfreq > 0 &&
                                                                       c->s[nx].vfreq * 2 >= c->s[nx].nfreq;
        } else if (nx < c->n && (NP & TB(AUX)) && (c->o[nx].vforms & CHR_VF_BASE)) {
            inf = 1;                    /* "to be", "to have" */
        }
        tag = inf ? CHR_T_PART : CHR_T_ADP;
        if (inf) o->flags |= CHR_PF_INFTO;
    } else if (o->flags & CHR_PF_CLITIC) {
        tag = (P & TB(PRON)) ? CHR_T_PRON : (P & TB(PROPN)) ? CHR_T_PROPN : CHR_T_NOUN;
    } else if ((P & TB(AUX)) && o->aux) {
        /* be / have / do / get: auxiliary when their verb follows */
        int want = o->aux == CHR_AUX_BE ? EXP_BE
                 : o->aux == CHR_AUX_HAVE || o->aux == CHR_AUX_GET ? EXP_PART : EXP_BASE;
        if (o->aux == CHR_AUX_BE || verb_ahead(c, i, want) ||
            (o->aux == CHR_AUX_DO && nx < c->n && (c->o[nx].flags & CHR_PF_NEG))) {
            tag = CHR_T_AUX;
        } else if (o->aux == CHR_AUX_HAVE && nx < c->n && is(c, nx, "to")) {
            tag = CHR_T_VERB;           /* "have to": main verb with infinitive */
        } else if (P & TB(VERB)) {
            tag = CHR_T_VERB;           /* "has 100 tanks", "did the job" */
        } else {
            tag = CHR_T_AUX;
        }
        vform = pick_vform(o->vforms, st->expect, st->has_finite);
    } else if (P & TB(MODAL)) {
        if ((P & TB(NOUN)) && prev_is_np_internal(c, st)) tag = CHR_T_NOUN;   /* "political will" */
        else tag = CHR_T_MODAL;
    } else if ((P & TB(ADV)) && st->expect != EXP_NONE && !(P & TB(AUX)) &&
               (!(P & TB(VERB)) || !(o->vforms & expected_forms(st->expect))) &&
               nx < c->n && (NP & (TB(VERB) | TB(AUX))) &&
               (c->o[nx].vforms & expected_forms(st->expect))) {
        /* "is only keeping", "is well known", "has long backed" */
        tag = CHR_T_ADV;
    } else if ((P & TB(ADP)) && (P & (TB(ADJ) | TB(NOUN))) && prev_is_np_internal(c, st)) {
        tag = open_class(c, i, st, &vform);     /* "the past week" */
    } else if ((P & TB(ADP)) && (o->feats & CHR_LF_QPRE) && nx < c->n &&
               (tok(c, nx)->type == CHR_TOK_NUM || (poss(c, nx) & TB(NUM)) ||
                (is(c, nx, "a") && nx + 1 < c->n && (poss(c, nx + 1) & TB(NUM)))) &&
               (!is(c, i, "between") || range_after(c, nx))) {
        /* "over 200", "about 20", "between 500 and 700": part of the number */
        tag = CHR_T_ADV;
    } else if ((P & TB(SCONJ)) && (P & (TB(ADP) | TB(ADV)))) {
        /* as, after, before, since, until, once, when: a clause follows? */
        if ((P & TB(ADP)) && !clause_ahead(c, i)) tag = CHR_T_ADP;
        else if (!(P & TB(ADP)) && !clause_ahead(c, i) && (P & TB(ADV)) &&
                 !is(c, i, "when") && !is(c, i, "where"))
            tag = CHR_T_ADV;
        else tag = CHR_T_SCONJ;
    } else if ((P & TB(ADP)) && (o->feats & CHR_LF_PARTICLE) &&
               (st->pt == CHR_T_VERB) && !(np_opener(c, nx) && (NP & TB(DET)) && 0)) {
        /* verb particles: "carried out attacks", "set up", "stepped up" */
        tag = (np_opener(c, nx) && !is(c, i, "out") && !is(c, i, "up") && !is(c, i, "off") &&
               !is(c, i, "down") && !is(c, i, "back") && !is(c, i, "away"))
                  ? CHR_T_ADP : CHR_T_ADV;
    } else if ((P & TB(ADP)) && (P & TB(ADV))) {
        tag = (np_opener(c, nx) || (NP & (TB(NOUN) | TB(ADJ)))) ? CHR_T_ADP : CHR_T_ADV;
    } else if ((P & TB(ADP)) && (P & TB(VERB))) {
        /* like: a verb after a subject or an auxiliary */
        if ((st->pt == CHR_T_PRON && st->prev != NONE && (c->o[st->prev].feats & CHR_LF_NOM)) ||
            st->expect != EXP_NONE) {
            tag = CHR_T_VERB;
            vform = pick_vform(o->vforms, st->expect, st->has_finite);
        } else {
            tag = CHR_T_ADP;
        }
    } else if (P & TB(ADP)) {
        tag = CHR_T_ADP;
    } else if ((P & TB(DET)) && (P & (TB(PRON) | TB(ADJ)))) {
        /* all, both, some, many, his, her, this: determiner before a noun */
        int before_np = (NP & (TB(NOUN) | TB(ADJ) | TB(NUM) | TB(PROPN) | TB(DET) | TB(SYM))) &&
                        !(NP & (TB(AUX) | TB(MODAL) | TB(ADP)));
        /* "This comes as ...", "that includes the": the next word is a
           verb when nothing noun-like follows it */
        if (before_np && (P & TB(PRON)) && (NP & TB(VERB)) &&
            (c->o[nx].vforms & (CHR_VF_PRES3 | CHR_VF_PAST))) {
            uint32_t nn = next_unit(c, nx);
            uint32_t NN = poss(c, nn);
            if (nn >= c->n || (NN & (TB(ADP) | TB(SCONJ) | TB(DET) | TB(PUNCT) | TB(PRON))))
                before_np = 0;
        }
        if (before_np || (NP & TB(DET) && !(NP & TB(PRON)))) tag = CHR_T_DET;
        else if (P & TB(PRON)) tag = CHR_T_PRON;
        else tag = CHR_T_ADJ;
    } else if (P & TB(DET)) {
        tag = CHR_T_DET;
    } else if ((P & TB(PRON)) && (P & TB(ADJ)) && !(P & (TB(NOUN) | TB(VERB)))) {
        /* more, most, few, other: "more tanks", "more heavily", "send more" */
        if ((NP & (TB(NOUN) | TB(PROPN) | TB(NUM) | TB(ADJ))) && !(NP & (TB(DET) | TB(AUX) | TB(MODAL) | TB(ADP) | TB(PRON))))
            tag = CHR_T_ADJ;
        else if (NP & TB(ADV)) tag = CHR_T_ADV;
        else tag = CHR_T_PRON;
    } else if ((P & TB(PRON)) && (P & TB(NUM))) {
        tag = prev_is_np_internal(c, st) && st->pt != CHR_T_NUM ? CHR_T_PRON : CHR_T_NUM;
    } else if ((P & TB(PRON)) && (P & TB(ADV)) && (o->feats & CHR_LF_EXIST)) {
        /* existential "there is", "there were"; otherwise the adverb */
        tag = (NP & (TB(AUX) | TB(MODAL))) ? CHR_T_PRON : CHR_T_ADV;
    } else if (P & TB(PRON)) {
        tag = CHR_T_PRON;
    } else if ((P & TB(CCONJ)) && (P & (TB(ADV) | TB(ADP)))) {
        tag = (P & TB(ADV)) && !(is(c, i, "but") || is(c, i, "plus")) ? CHR_T_ADV : CHR_T_CCONJ;
        if ((P & TB(ADP)) && is(c, i, "but") && st->pt == CHR_T_DET) tag = CHR_T_ADP;
    } else if (P & TB(CCONJ)) {
        tag = CHR_T_CCONJ;
    } else if ((P & TB(SCONJ)) && (P & TB(ADV)) && !(o->flags & CHR_PF_MW) && !clause_ahead(c, i)) {
        tag = CHR_T_ADV;                /* "so", "though" as adverbs */
    } else if (P & TB(SCONJ)) {
        tag = CHR_T_SCONJ;
    } else if (P & TB(PART)) {
        tag = CHR_T_PART;
        if (o->flags & CHR_PF_MW) o->flags |= CHR_PF_INFTO;     /* in order to */
    } else if (P & TB(NUM)) {
        /* dozens, hundreds, thousands: a number word, or a noun after "the" */
        tag = (P & TB(NOUN)) && st->pt == CHR_T_DET ? CHR_T_NOUN : CHR_T_NUM;
    } else {
        tag = open_class(c, i, st, &vform);
    }

    if (tag == CHR_T_VERB && !vform) vform = pick_vform(o->vforms, st->expect, st->has_finite);
    if (tag == CHR_T_AUX && !vform) vform = pick_vform(o->vforms, st->expect, st->has_finite);
    o->tag = (uint8_t)tag;
    o->vform = (tag == CHR_T_VERB || tag == CHR_T_AUX) ? vform : 0;
    if (tag != CHR_T_PRON && tag != CHR_T_DET && tag != CHR_T_SCONJ)
        o->flags &= (uint16_t)~CHR_PF_REL;
}

/* A name at unit i (one or more capitalized words) followed by a word that
 * may be its past or present verb ("Putin spoke with", "Kyiv says"), then a
 * word that goes on a clause. */
static int verb_after_name(const tctx *c, uint32_t i)
{
    uint32_t j = i;
    while (j < c->n && (poss(c, j) & TB(PROPN)) && (c->o[j].flags & CHR_PF_CAPWORD)) j = next_unit(c, j);
    if (j == i || j >= c->n || !(poss(c, j) & TB(VERB)) ||
        !(c->o[j].vforms & (CHR_VF_PAST | CHR_VF_PRES3)) || (c->o[j].flags & CHR_PF_CAPWORD))
        return 0;
    uint32_t k = next_unit(c, j);
    return k < c->n && (poss(c, k) & (TB(ADP) | TB(DET) | TB(NUM) | TB(PRON) | TB(PROPN)));
}

/* The lemma chosen for unit i (tagged already) is w. */
static int lemma_is(const tctx *c, uint32_t i, const char *w)
{
    size_t n = strlen(w);
    return c->o[i].lemma && c->o[i].lemma_len == n && memcmp(c->o[i].lemma, w, n) == 0;
}

/* Advance the pass's state over unit i. */
static void step(tctx *c, uint32_t i, tstate *st)
{
    const chr_ptag *o = &c->o[i];
    int tag = o->tag;
    int was_finite = st->has_finite;
    /* the auxiliary chain */
    if (tag == CHR_T_MODAL) st->expect = EXP_BASE;
    else if (tag == CHR_T_AUX)
        st->expect = o->aux == CHR_AUX_BE ? EXP_BE
                   : o->aux == CHR_AUX_DO ? EXP_BASE : EXP_PART;
    else if (tag == CHR_T_PART && (o->flags & CHR_PF_INFTO)) st->expect = EXP_BASE;
    else if ((tag == CHR_T_PART && (o->flags & CHR_PF_NEG)) || tag == CHR_T_ADV) {
        /* adverbs and "not" keep the auxiliary waiting */
    } else if (o->flags & CHR_PF_CLITIC) {
        st->expect = o->modal ? EXP_BASE : o->aux == CHR_AUX_HAVE ? EXP_PART
                   : o->aux == CHR_AUX_BE ? EXP_BE : EXP_NONE;
        st->has_finite = 1;
    } else st->expect = EXP_NONE;
    if (tag == CHR_T_AUX && o->vform == CHR_VF_PASTPART && o->aux == CHR_AUX_BE)
        st->expect = EXP_BE;                /* been sent, been visiting */
    if (tag == CHR_T_AUX && o->vform == CHR_VF_GERUND && o->aux == CHR_AUX_BE)
        st->expect = EXP_PART;              /* being sent */

    /* the clause's finite verb */
    if (tag == CHR_T_MODAL ||
        ((tag == CHR_T_VERB || tag == CHR_T_AUX) &&
         (o->vform & (CHR_VF_PAST | CHR_VF_PRES | CHR_VF_PRES3))))
        st->has_finite = 1;
    if (tag == CHR_T_VERB && o->vform == CHR_VF_BASE && st->pt != CHR_T_PART &&
        st->pt != CHR_T_MODAL && st->pt != CHR_T_AUX && st->pt != CHR_T_ADV)
        st->has_finite = 1;
    if (tag == CHR_T_MODAL || (tag == CHR_T_PART && (o->flags & CHR_PF_INFTO)) ||
        (tag == CHR_T_AUX && o->aux == CHR_AUX_DO))
        st->chain_base = 1;
    if (tag == CHR_T_SCONJ || (o->flags & CHR_PF_REL) ||
        (tag == CHR_T_PUNCT && !(o->flags & CHR_PF_GLUED) && !punct_is(c, i, ',')))
        st->chain_base = 0;
    /* "said Slovakia had sent ...": right after a report verb, a noun
       phrase with a finite verb ahead opens a clause of its own, with no
       "that" ("told reporters ..." names whom first) */
    if (st->pt == CHR_T_VERB && st->prev != NONE && (c->o[st->prev].feats & CHR_LF_REPORT) &&
        !lemma_is(c, st->prev, "tell") && tag != CHR_T_ADP && tag != CHR_T_PUNCT &&
        np_opener(c, i) && (clause_ahead(c, i) || verb_after_name(c, i)))
        st->has_finite = 0;
    if ((tag == CHR_T_NOUN || tag == CHR_T_PROPN || tag == CHR_T_NUM ||
         (tag == CHR_T_PRON && !(o->flags & CHR_PF_REL))) && st->pt != CHR_T_ADP &&
        !st->has_finite)
        st->subject_seen = 1;
    if (tag == CHR_T_VERB || tag == CHR_T_AUX || tag == CHR_T_MODAL) {
        if (st->has_finite || tag == CHR_T_MODAL ||
            (o->vform & (CHR_VF_PAST | CHR_VF_PRES | CHR_VF_PRES3)))
            st->subject_seen = 0;
    }
    if (o->flags & CHR_PF_REL) {
        st->in_rel = 1;
        st->outer_finite = st->has_finite;
    } else if (tag == CHR_T_SCONJ || tag == CHR_T_CCONJ ||
               (tag == CHR_T_PUNCT && !punct_is(c, i, ',') && !(o->flags & CHR_PF_GLUED))) {
        st->in_rel = 0;
    }
    if (tag == CHR_T_VERB && st->in_rel && was_finite && !st->outer_finite &&
        o->vform == CHR_VF_PAST && st->pt != CHR_T_CCONJ) {
        st->in_rel = 0;     /* the outer clause's verb: the relative clause ended */
    }
    if (tag == CHR_T_SCONJ || tag == CHR_T_CCONJ || (o->flags & CHR_PF_REL) ||
        (tag == CHR_T_PUNCT && !(o->flags & CHR_PF_GLUED) && !punct_is(c, i, ',')))
        st->subject_seen = 0;
    /* boundaries of clauses: the next verb may be finite again */
    if (tag == CHR_T_SCONJ || tag == CHR_T_CCONJ || (o->flags & CHR_PF_REL) ||
        (tag == CHR_T_PUNCT && !(o->flags & CHR_PF_GLUED) &&
         (punct_is(c, i, ',') || punct_is(c, i, ';') || punct_is(c, i, ':') ||
          punct_is(c, i, '"') || punct_is(c, i, '(') || punct_is(c, i, ')') ||
          punct_is(c, i, '-'))))
        st->has_finite = 0;

    if (tag == CHR_T_CCONJ) st->before_cc = st->prev;
    if (tag == CHR_T_VERB && (o->vform & (CHR_VF_PAST | CHR_VF_PRES3)) &&
        st->pt != CHR_T_MODAL && st->pt != CHR_T_PART)
        st->last_finite = o->vform;
    if (tag == CHR_T_PUNCT && (punct_is(c, i, ';') || punct_is(c, i, ':')))
        st->last_finite = 0;
    if (tag == CHR_T_NOUN || tag == CHR_T_PROPN || tag == CHR_T_PRON || tag == CHR_T_NUM) {
        st->prev_plural = (o->feats & CHR_LF_PL) != 0;
        if (tag == CHR_T_NUM) st->prev_plural = 1;
    }
    st->prev2 = st->prev;
    st->pt2 = st->pt;
    st->prev = i;
    st->pt = tag;
}

static inline void set_lemma(tctx *c, uint32_t i)
{
    chr_ptag *o = &c->o[i];
    const scratch *s = &c->s[i];
    if (o->tag == CHR_T_VERB || o->tag == CHR_T_AUX) {
        o->lemma = s->vlemma;
        o->lemma_len = s->vlemma ? s->vlen : 0;
    } else if (o->tag == CHR_T_NOUN) {
        o->lemma = s->nlemma;
        o->lemma_len = s->nlemma ? s->nlen : 0;
    } else {
        o->lemma = NULL;
        o->lemma_len = 0;
    }
}

/* Whether the marks of a sentence's words are what want asks for. */
static int wanted(uint32_t marks, uint32_t want)
{
    return (marks & want & (CHR_LF_MARK1 | CHR_LF_MARK2 | CHR_LF_MARK3 | CHR_LF_MARK4)) ||
           ((want & CHR_WANT_MARK4_IF_MARK3) && (marks & CHR_LF_MARK4) && (marks & CHR_LF_MARK3)) ||
           ((want & CHR_WANT_MARK5_IF_MARK6) && (marks & CHR_LF_MARK5) && (marks & CHR_LF_MARK6));
}

/* The hashes of the few words the sieve looks at by their letters. */
static uint64_t h_s, h_in, h_be, h_have;
static pthread_once_t sieve_once = PTHREAD_ONCE_INIT;

static void sieve_init(void)
{
    h_s = chr_text_hash("'s", 2);
    h_in = chr_text_hash("in", 2);
    h_be = chr_text_hash("be", 2);
    h_have = chr_text_hash("have", 4);
}

/* Before any lookup, by the forms of the words alone (chr_lexicon_sieve):
 * the marks the words may carry, with CHR_WANT_BE_IN when a form of "be"
 * may stand right before "in".  A mark left out is one the lookups would
 * not give either. */
static uint32_t sieve(const tctx *c)
{
    const chr_text *t = c->t;
    const uint64_t *filter = chr_lexicon_sieve_filter(c->lx);
    const uint64_t *hash = t->hash + c->b;
    const chr_token *toks = t->toks + c->b;
    pthread_once(&sieve_once, sieve_init);
    uint32_t marks = 0;
    int prev_be = 0;
    for (uint32_t i = 0; i < c->n; i++) {
        const chr_token *k = &toks[i];
        uint32_t m = 0;
        if (k->type == CHR_TOK_WORD || k->type == CHR_TOK_NUM) {
            uint64_t h = hash[i];
            if (chr_sieve_may(filter, h)) m = chr_lexicon_sieve(c->lx, h);
            if (h == h_s && is(c, i, "'s")) {
                /* 's: its lemma is "be" or "have" (analyse_tokens, decide) */
                m |= chr_lexicon_sieve(c->lx, h_be) | chr_lexicon_sieve(c->lx, h_have) |
                     CHR_SIEVE_BE;
            } else if (k->flags & CHR_TF_APOSTROPHE) {
                /* "we'll", "they're": the word before the clitic, and the
                   clitic's auxiliary (split_clitic) */
                const char *p = t->lower + k->start;
                size_t ap = chr_tok_len(k);
                while (ap > 0 && p[ap - 1] != '\'') ap--;
                if (ap >= 2) m |= chr_lexicon_sieve(c->lx, chr_text_hash(p, ap - 1));
                m |= CHR_SIEVE_BE;
            }
            if (prev_be && h == h_in && is(c, i, "in")) marks |= CHR_WANT_BE_IN;
        }
        marks |= m & CHR_LF_MARKS;
        prev_be = (m & CHR_SIEVE_BE) != 0;
    }
    return marks;
}

int chr_tag_sieve_wants(uint32_t sieved, uint32_t want)
{
    return wanted(sieved, want) || (want & sieved & CHR_WANT_BE_IN);
}

uint32_t chr_tag_sieve(const chr_lexicon *lx, const chr_text *t, uint32_t begin, uint32_t end)
{
    if (!chr_lexicon_can_sieve(lx) || !t->hash) return CHR_WANT_ALL;
    tctx c;
    memset(&c, 0, sizeof c);
    c.lx = lx;
    c.t = t;
    c.b = begin;
    c.n = end > begin ? end - begin : 0;
    return sieve(&c);
}

/* A form of "be" right before "in" ("Kishida is in Kyiv"). */
static int be_in(const tctx *c)
{
    for (uint32_t i = 1; i < c->n; i++)
        if (c->o[i - 1].aux == CHR_AUX_BE && is(c, i, "in")) return 1;
    return 0;
}

int chr_tag_tokens(const chr_lexicon *lx, const chr_text *t, uint32_t begin,
                   uint32_t end, chr_arena *a, chr_ptag *out)
{
    return chr_tag_tokens_if(lx, t, begin, end, CHR_WANT_ALL, a, out);
}

int chr_tag_tokens_if(const chr_lexicon *lx, const chr_text *t, uint32_t begin,
                      uint32_t end, uint32_t want, chr_arena *a, chr_ptag *out)
{
    if (end <= begin) return CHR_OK;
    tctx c;
    c.lx = lx;
    c.t = t;
    c.a = a;
    c.b = begin;
    c.n = end - begin;
    c.o = out;
    c.marks = 0;
    if (want != CHR_WANT_ALL && !(want & CHR_WANT_SIEVED) && chr_lexicon_can_sieve(lx) &&
        !chr_tag_sieve_wants(sieve(&c), want))
        return CHR_DONE;
    /* the readings not chosen yet live as long as this call: on the stack
       for a sentence of ordinary length */
    scratch small[256];
    if (c.n <= sizeof small / sizeof *small) {
        c.s = small;
        memset(small, 0, c.n * sizeof *small);
    } else {
        c.s = chr_arena_calloc(a, c.n, sizeof *c.s);
        if (!c.s) return CHR_ENOMEM;
    }
    memset(out, 0, c.n * sizeof *out);

    int title = title_case(&c);
    int saw = analyse_tokens(&c, title);
    if (!chr_lexicon_has_marks(lx))     /* nothing can be ruled out */
        for (uint32_t i = 0; i < c.n; i++) out[i].marks = CHR_LF_MARKS >> CHR_LF_MARK_SHIFT;
    if (want != CHR_WANT_ALL && chr_lexicon_has_marks(lx) && !wanted(c.marks, want) &&
        !((want & CHR_WANT_BE_IN) && be_in(&c)))
        return CHR_DONE;
    if (saw & SAW_HYPHEN) compounds(&c);
    if (saw & SAW_INITIAL) initialisms(&c);
    if (saw & SAW_QUOTE) quotes(&c);

    tstate st;
    memset(&st, 0, sizeof st);
    st.prev = st.prev2 = st.before_cc = NONE;
    st.pt = st.pt2 = CHR_T_X;
    for (uint32_t i = unit_at(&c, 0); i < c.n; i = next_unit(&c, i)) {
        decide(&c, i, &st);
        step(&c, i, &st);
        set_lemma(&c, i);
    }
    /* the parts of a unit take its tag: a glued chain its head's (the last
       token), a multi-word entry its first token's */
    if (saw & (SAW_HYPHEN | SAW_INITIAL)) {
        for (uint32_t i = c.n; i-- > 0;) {
            if ((c.o[i].flags & CHR_PF_GLUED) && i + 1 < c.n) {
                c.o[i].tag = c.o[i + 1].tag;
                c.o[i].vform = 0;
                set_lemma(&c, i);
            }
        }
    }
    if (saw & SAW_MW) {
        for (uint32_t i = 1; i < c.n; i++) {
            if (c.o[i].flags & CHR_PF_MW) {
                c.o[i].tag = c.o[i - 1].tag;
                c.o[i].flags |= c.o[i - 1].flags & CHR_PF_INFTO;
                set_lemma(&c, i);
            }
        }
    }
    return CHR_OK;
}
