/*
 * entities.c - find the knowledge base's actors, places, items and sources
 * in a document (see kb.h for the mentions it makes).
 *
 * One pass over the tokens.  Each token is looked up once in the word table
 * (lower-cased); from a token that starts some name the trie is walked as far
 * as the text follows it, and the longest name whose words have the right
 * case wins.  A walk is bounded by the longest name (32 words), so the pass
 * is linear in the text whatever it holds.
 *
 * Around the names the matcher composes what news writes with them:
 *
 *   the Russian troops           state + head noun     -> Russia, MIL
 *   Ukraine's Emergency Services  possessive + head     -> Ukraine, GOV
 *   the Armed Forces of Ukraine   head + of + state     -> Ukraine, MIL
 *   US Secretary of State Antony Blinken   state + title + person -> Blinken
 *   Mr Sunak, President Putin     title + person        -> the person
 *   US State Department           state + office        -> the office
 *   Javelin anti-tank missiles    system + generic item -> Javelin
 *
 * and it drops what only looks like a name: "US" in "the US Foreign
 * Assistance Act", where a capitalized run after the name ends in a word
 * such as Act or Treaty.  A surname written "~Austin" in the dictionaries
 * matches only once the document has named that person in full.
 *
 * Speed: a token is looked up in the word table only when a filter says it
 * may begin a name, or when a walk reaches it; its lower case and hash come
 * from the text layer, and the words of the document already looked up are
 * remembered, so a word met again costs no trip to the knowledge base.
 */
#include "kb.h"

#include <string.h>

#define MAX_HIT 16

typedef struct hit {
    uint32_t end;               /* tokens [begin, end) */
    uint8_t n;                  /* passing terminals */
    uint8_t late_only;
    uint32_t term[MAX_HIT];
} hit;

/* Words of the document already looked up, so that a word met again ("the",
 * "Ukraine") is found here, in the first cache, and not in the knowledge
 * base's tables.  Direct-mapped by the token's hash; an entry names an
 * earlier token (its bytes in t->lower), and a hit compares the bytes. */
typedef struct seen_word {
    uint32_t tag;               /* upper half of the hash */
    uint32_t start, len;        /* len 0: empty */
    uint32_t wid;
} seen_word;

typedef struct word_memo {
    seen_word *v;
    size_t mask;
} word_memo;

#define WID_UNSEEN UINT32_MAX

typedef struct ctx {
    const chr_kb *kb;
    const chr_text *t;
    chr_arena *a;
    chr_mentions *out;
    uint32_t *wid;              /* word id of each token; 0: not in any name;
                                   WID_UNSEEN until the token is first asked for */
    word_memo *memo;
    uint32_t *seen;             /* per late slot: 1 + the token where the entry
                                   was last named in full, 0: not yet */
    uint32_t pos;               /* the token being matched */
} ctx;

static inline const chr_entry *term_entry(const ctx *c, uint32_t ti)
{
    return &c->kb->entries[c->kb->terms[ti].entry];
}

/* Is lower[a..a+n) the same word as lower[b..b+n)? */
static int same_bytes(const char *lower, uint32_t a, uint32_t b, size_t n)
{
    size_t k = 0;
    while (k < n && lower[a + k] == lower[b + k]) k++;
    return k == n;
}

/* The word id of token i (0 when the word is in no name).  An ASCII token's
 * lower case and hash (the knowledge base's word hash) come from the text
 * layer; other tokens are lower-cased here with Unicode case rules. */
static uint32_t token_word(const chr_kb *kb, const chr_text *t, size_t i, word_memo *memo)
{
    const chr_token *k = &t->toks[i];
    const unsigned char *s = (const unsigned char *)t->norm + k->start;
    size_t n = k->end - k->start;
    char low[128];
    if (n == 1) {
        unsigned char ch = s[0];
        return kb->byte_word[ch >= 'A' && ch <= 'Z' ? ch + 32 : ch];
    }
    if (n > sizeof low / 2) return 0;
    if (k->flags & CHR_TF_ASCII) {
        /* An ASCII token of two bytes or more is a word or a number, whose
         * hash the tokenizer has made (unless the text was built by hand). */
        if (t->hash && memo->v) {
            uint64_t h = t->hash[i];
            size_t bit = CHR_KB_FILTER_BIT(h);
            if (!(kb->filter[bit >> 6] >> (bit & 63) & 1)) return 0;
            seen_word *sw = &memo->v[h & memo->mask];
            if (sw->tag == (uint32_t)(h >> 32) && sw->len == n &&
                same_bytes(t->lower, sw->start, k->start, n))
                return sw->wid;
            uint32_t wid = chr_kb_word_find(kb, h, t->lower + k->start, n);
            *sw = (seen_word){(uint32_t)(h >> 32), k->start, (uint32_t)n, wid};
            return wid;
        }
        for (size_t x = 0; x < n; x++) {
            unsigned char ch = s[x];
            low[x] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
        }
        uint64_t h = chr_kb_hash(low, n);
        size_t bit = CHR_KB_FILTER_BIT(h);
        if (!(kb->filter[bit >> 6] >> (bit & 63) & 1)) return 0;
        return chr_kb_word_find(kb, h, low, n);
    }
    size_t ll = chr_kb_lower((const char *)s, n, 0, low, sizeof low);
    return ll ? chr_kb_word_find(kb, chr_kb_hash(low, ll), low, ll) : 0;
}

/* The word id of token i, looked up when first asked for. */
static inline uint32_t wid_of(const ctx *c, size_t i)
{
    uint32_t w = c->wid[i];
    if (w == WID_UNSEEN) w = c->wid[i] = token_word(c->kb, c->t, i, c->memo);
    return w;
}

/* Can token i begin a name at all?  Most words begin none, and the filter
 * of the words that do turns them away without a lookup. */
static inline int may_begin_name(const ctx *c, size_t i)
{
    const chr_token *k = &c->t->toks[i];
    size_t n = k->end - k->start;
    if (!c->t->hash || n < 2 || !(k->flags & CHR_TF_ASCII)) return 1;
    size_t bit = CHR_KB_FILTER_BIT(c->t->hash[i]);
    return (int)(c->kb->root_filter[bit >> 6] >> (bit & 63) & 1);
}

static int tok_is(const ctx *c, size_t i, const char *w)
{
    return i < c->t->ntoks && chr_tok_is(c->t, &c->t->toks[i], w);
}

static int same_sent(const ctx *c, size_t i, size_t j)
{
    return j < c->t->ntoks && c->t->toks[i].sent == c->t->toks[j].sent;
}

static uint32_t seen(const ctx *c, const chr_entry *e)
{
    return e->late >= 0 && c->seen ? c->seen[e->late] : 0;
}

static void mark_seen(ctx *c, const chr_entry *e)
{
    if (e->late >= 0 && c->seen) c->seen[e->late] = c->pos + 1;
}

/* Two people share a surname written "~Johnson": the one named in full
 * last is meant.  Is another such terminal of the node more recent? */
static int later_namesake(const ctx *c, const chr_kb_node *nd, const chr_kb_term *term)
{
    uint32_t mine = seen(c, &c->kb->entries[term->entry]);
    for (uint32_t ti = nd->term; ti < nd->term + nd->nterm; ti++) {
        const chr_kb_term *o = &c->kb->terms[ti];
        if (o != term && (o->flags & CHR_KT_LATE) && seen(c, &c->kb->entries[o->entry]) > mine)
            return 1;
    }
    return 0;
}

/* Do the tokens at path[0..d) have the case the terminal asks for? */
static int case_ok(const ctx *c, const chr_kb_term *term, const uint32_t *path)
{
    const uint8_t *cs = c->kb->cases + term->casepat;
    for (size_t k = 0; k < term->ntok; k++) {
        uint16_t f = c->t->toks[path[k]].flags;
        if (cs[k] == CHR_KB_CASE_CAP && !(f & CHR_TF_CAP)) return 0;
        if (cs[k] == CHR_KB_CASE_UPPER && !(f & CHR_TF_UPPER)) return 0;
    }
    return 1;
}

enum { NAMES = CHR_EK_ACTOR | CHR_EK_PLACE | CHR_EK_ITEM | CHR_EK_SOURCE };

/* Walk the trie from token i: the longest name (ent) and the longest head
 * noun or title (head) that start there. */
static void walk(const ctx *c, size_t i, hit *ent, hit *head)
{
    const chr_kb *kb = c->kb;
    const chr_token *toks = c->t->toks;
    size_t n = c->t->ntoks;
    ent->n = head->n = 0;
    ent->end = head->end = (uint32_t)i;
    uint32_t w0 = wid_of(c, i);
    uint32_t node = w0 ? kb->root[w0] : 0;
    if (!node) return;
    uint32_t path[CHR_KB_MAX_WORDS];
    size_t d = 1, j = i + 1;
    path[0] = (uint32_t)i;
    for (;;) {
        const chr_kb_node *nd = &kb->nodes[node];
        if (nd->nterm) {
            for (uint32_t ti = nd->term; ti < nd->term + nd->nterm; ti++) {
                const chr_kb_term *term = &kb->terms[ti];
                const chr_entry *e = &kb->entries[term->entry];
                if (!case_ok(c, term, path)) continue;
                if ((term->flags & CHR_KT_LATE) && (!seen(c, e) || later_namesake(c, nd, term)))
                    continue;
                /* a head noun is never a mention by itself, even one whose
                 * actor may be quoted as a source */
                hit *h = (e->kinds & CHR_EK_HEAD) ? head
                         : (e->kinds & (NAMES | CHR_EK_STOP)) ? ent : NULL;
                if (!h) continue;
                if (h->end != j) { h->end = (uint32_t)j; h->n = 0; }
                if (h->n < MAX_HIT) h->term[h->n++] = ti;
            }
        }
        if (!nd->children) break;
        /* step over a hyphen between two words: anti-tank, Guinea-Bissau */
        size_t k = j;
        if (k + 1 < n && toks[k].type == CHR_TOK_PUNCT && c->t->norm[toks[k].start] == '-' &&
            !(toks[k].flags & CHR_TF_SPACE_BEFORE) && !(toks[k + 1].flags & CHR_TF_SPACE_BEFORE))
            k++;
        if (k >= n || d == CHR_KB_MAX_WORDS || toks[k].sent != toks[i].sent) break;
        uint32_t wk = wid_of(c, k);
        if (!wk) break;
        uint32_t child = chr_kb_edge_find(kb, node, wk);
        if (!child) break;
        node = child;
        path[d++] = (uint32_t)k;
        j = k + 1;
    }
}

/* The first terminal of h whose entry has one of kinds, or NULL. */
static const chr_entry *hit_entry(const ctx *c, const hit *h, uint8_t kinds)
{
    for (size_t k = 0; k < h->n; k++) {
        const chr_entry *e = term_entry(c, h->term[k]);
        if (e->kinds & kinds) return e;
    }
    return NULL;
}

static int push(ctx *c, int kind, const chr_entry *e, size_t b, size_t end, uint8_t flags)
{
    chr_mention m;
    memset(&m, 0, sizeof m);
    m.kind = (uint8_t)kind;
    m.flags = flags;
    m.start = c->t->toks[b].start;
    m.end = c->t->toks[end - 1].end;
    m.tok_begin = (uint32_t)b;
    m.tok_end = (uint32_t)end;
    m.u.entry = e;
    return chr_mentions_push(c->out, c->a, &m) ? 0 : -1;
}

/* One mention per kind (of kmask) of the names in h, over tokens [b, end).
 * A stop phrase has none of these kinds and makes no mention. */
static int emit_kinds(ctx *c, const hit *h, size_t b, size_t end, uint8_t flags, uint8_t kmask)
{
    static const struct { uint8_t bit; int kind; } kinds[] = {
        {CHR_EK_ACTOR, CHR_M_ACTOR}, {CHR_EK_PLACE, CHR_M_PLACE},
        {CHR_EK_ITEM, CHR_M_ITEM}, {CHR_EK_SOURCE, CHR_M_SOURCE}};
    for (size_t k = 0; k < h->n; k++) {
        const chr_kb_term *term = &c->kb->terms[h->term[k]];
        if (!(term->flags & CHR_KT_LATE)) mark_seen(c, &c->kb->entries[term->entry]);
    }
    for (size_t q = 0; q < sizeof kinds / sizeof *kinds; q++) {
        if (!(kmask & kinds[q].bit)) continue;
        const chr_entry *e = hit_entry(c, h, kinds[q].bit);
        if (e && push(c, kinds[q].kind, e, b, end, flags) != 0) return -1;
    }
    return 0;
}

static int emit_hit(ctx *c, const hit *h, size_t b, size_t end, uint8_t flags)
{
    return emit_kinds(c, h, b, end, flags, NAMES);
}

/* Is token j, by itself, a word of this kind (block, suffix)? */
static int word_is(const ctx *c, size_t j, uint8_t kind)
{
    const chr_kb *kb = c->kb;
    uint32_t wj = j < c->t->ntoks ? wid_of(c, j) : 0;
    uint32_t node = wj ? kb->root[wj] : 0;
    if (!node || !(kb->nodes[node].kinds & kind)) return 0;
    const chr_kb_node *nd = &kb->nodes[node];
    uint32_t path[1] = {(uint32_t)j};
    for (uint32_t ti = nd->term; ti < nd->term + nd->nterm; ti++) {
        const chr_kb_term *term = &kb->terms[ti];
        if (term->ntok == 1 && (kb->entries[term->entry].kinds & kind) && case_ok(c, term, path))
            return 1;
    }
    return 0;
}

/* Is the capitalized run after token end the title of a law or treaty
 * ("US Foreign Assistance Act", "the Minsk Agreements")?  Small words may
 * join capitalized ones (Act of, Treaty on the), hyphens too (Lend-Lease). */
static int blocked(const ctx *c, size_t end)
{
    const chr_token *toks = c->t->toks;
    size_t n = c->t->ntoks;
    if (end == 0) return 0;
    size_t sent_tok = end - 1;
    for (size_t j = end, words = 0; j < n && words < 12 && same_sent(c, sent_tok, j); j++, words++) {
        const chr_token *k = &toks[j];
        if (k->type == CHR_TOK_PUNCT && c->t->norm[k->start] == '-' &&
            !(k->flags & CHR_TF_SPACE_BEFORE))
            continue;
        if (k->type != CHR_TOK_WORD) return 0;
        if (!(k->flags & CHR_TF_CAP)) {
            if (tok_is(c, j, "of") || tok_is(c, j, "on") || tok_is(c, j, "for") ||
                tok_is(c, j, "and") || tok_is(c, j, "the"))
                continue;
            return 0;
        }
        if (word_is(c, j, CHR_EK_BLOCK)) return 1;
    }
    return 0;
}

/* A run of head nouns from token k ("army chief", "Foreign Ministry
 * spokeswoman"): *first is the first head with a role (NULL when there are
 * only titles such as "Mr"); returns the token after the run. */
static size_t heads_from(const ctx *c, size_t k, size_t sent_tok, const chr_entry **first,
                         int *source)
{
    *first = NULL;
    *source = 0;
    for (int run = 0; run < 4 && k < c->t->ntoks && same_sent(c, sent_tok, k); run++) {
        hit ent, head;
        walk(c, k, &ent, &head);
        if (!head.n || head.end < ent.end) break;     /* a longer name is no head */
        const chr_entry *h = term_entry(c, head.term[0]);
        if (h->role && !*first) *first = h;
        if (h->role && (h->kinds & CHR_EK_SOURCE)) *source = 1;
        k = head.end;
    }
    return k;
}

/* The role of "<left> <head>": a head noun says what part of a state
 * acts (troops: MIL); an organisation's officials stay IGO, and an armed
 * group's forces stay REB. */
static int compose_role(const chr_entry *left, const chr_entry *head)
{
    if (left->role == CHR_ROLE_REB) return CHR_ROLE_REB;
    if (head->role == CHR_ROLE_GOV && left->role != CHR_ROLE_GOV && left->role != CHR_ROLE_MIL)
        return left->role;
    return head->role;
}

/* A person or office of the same state right at token k: "US State
 * Department", "Russian President Vladimir Putin". */
static int same_code_at(const ctx *c, size_t k, size_t sent_tok, const chr_entry *left,
                        int want_person_only, hit *r)
{
    if (!same_sent(c, sent_tok, k)) return 0;
    hit head;
    walk(c, k, r, &head);
    if (!r->n) return 0;
    const chr_entry *e = hit_entry(c, r, CHR_EK_ACTOR);
    if (!e || !e->of || e == left) return 0;
    if (left && left->of != e->of) return 0;
    if (want_person_only) return e->type == CHR_ET_PERSON;
    return e->type == CHR_ET_PERSON || e->type == CHR_ET_OFFICE || e->type == CHR_ET_FORCE ||
           e->type == CHR_ET_GROUP;
}

static uint8_t possessive_after(const ctx *c, size_t end)
{
    return end > 0 && same_sent(c, end - 1, end) && tok_is(c, end, "'s") ? CHR_MF_POSSESSIVE : 0;
}

/* Emit a composite: the state or organisation of left, in role. */
static int emit_composite(ctx *c, const chr_entry *left, int role, int source, size_t b,
                          size_t end, uint8_t flags)
{
    const chr_entry *who = left->of ? left->of : left;
    flags |= CHR_MF_COMPOSITE | (uint8_t)(role & CHR_MF_ROLE_MASK) | possessive_after(c, end);
    if (push(c, CHR_M_ACTOR, who, b, end, flags) != 0) return -1;
    if (source && push(c, CHR_M_SOURCE, who, b, end, flags) != 0) return -1;
    return 0;
}

/* Items: a system name joined with the generic phrase around it ("Javelin
 * anti-tank missiles", "anti-aircraft stingers missiles"), and a model's
 * suffix glued to it (F-16s, Leopard 2A6). */
static size_t do_item(ctx *c, size_t i, const hit *ent, size_t b, uint8_t the)
{
    const chr_token *toks = c->t->toks;
    const chr_entry *x = hit_entry(c, ent, CHR_EK_ITEM);
    size_t end = ent->end;
    for (int merges = 0; merges < 3; merges++) {
        while (end < c->t->ntoks && same_sent(c, i, end) && toks[end].type == CHR_TOK_WORD &&
               !(toks[end].flags & CHR_TF_SPACE_BEFORE) &&
               (toks[end - 1].type == CHR_TOK_NUM || (toks[end - 1].flags & CHR_TF_HAS_DIGIT)))
            end++;
        if (end >= c->t->ntoks || !same_sent(c, i, end)) break;
        hit y, head;
        walk(c, end, &y, &head);
        const chr_entry *ye = y.n ? hit_entry(c, &y, CHR_EK_ITEM) : NULL;
        if (!ye) break;
        if (!x->generic && ye->generic) end = y.end;
        else if (x->generic && !ye->generic) { x = ye; end = y.end; }
        else break;
    }
    if (x->generic) b = i;      /* "the ammunition": the article is not the item's */
    uint8_t flags = (uint8_t)(b < i ? the : 0);
    if (push(c, CHR_M_ITEM, x, b, end, flags) != 0) return 0;
    return end;
}

/* The mentions that start with a name at token i (b: with its "the").
 * Sets *next to the token after them; returns 0, or -1 when out of memory. */
static int name_first(ctx *c, size_t i, size_t b, uint8_t the, const hit *ent, size_t *next)
{
    const chr_entry *left = hit_entry(c, ent, CHR_EK_ACTOR);
    if (!left && hit_entry(c, ent, CHR_EK_ITEM)) {
        *next = do_item(c, i, ent, b, the);
        return *next ? 0 : -1;
    }
    size_t j = ent->end;
    uint8_t poss = possessive_after(c, j);
    hit r;
    if (left) {
        const chr_entry *h1;
        int source;
        size_t kend = heads_from(c, j + (poss ? 1 : 0), i, &h1, &source);
        if (h1) {
            /* "Russian President Vladimir Putin": the person */
            if (same_code_at(c, kend, i, left, 0, &r)) {
                *next = r.end;
                if (blocked(c, r.end)) return 0;
                return emit_hit(c, &r, b, r.end, the | CHR_MF_TITLED | possessive_after(c, r.end));
            }
            /* "the Russian troops": Russia as MIL */
            *next = kend;
            if (blocked(c, kend)) return 0;
            mark_seen(c, left);
            return emit_composite(c, left, compose_role(left, h1), source, b, kend, the);
        }
        /* "US State Department": the office */
        if (!poss && left->type != CHR_ET_PERSON && same_code_at(c, j, i, left, 0, &r)) {
            *next = r.end;
            if (blocked(c, r.end)) return 0;
            return emit_hit(c, &r, b, r.end, the | CHR_MF_TITLED | possessive_after(c, r.end));
        }
    }
    *next = j;
    if (blocked(c, j)) return 0;
    /* "Kharkiv region": the place, no longer its government */
    if (!poss && hit_entry(c, ent, CHR_EK_PLACE) && same_sent(c, i, j) && word_is(c, j, CHR_EK_SUFFIX)) {
        *next = j + 1;
        return emit_kinds(c, ent, b, j + 1, the | possessive_after(c, j + 1), CHR_EK_PLACE);
    }
    /* "the Russian invasion", "the Biden plan": the article goes with the noun */
    if (left && (left->type == CHR_ET_DEMONYM || left->type == CHR_ET_PERSON) &&
        !hit_entry(c, ent, CHR_EK_PLACE)) {
        b = i;
        the = 0;
    }
    return emit_hit(c, ent, b, j, the | poss);
}

/* The mentions that start with a head noun at token i: "the Armed Forces of
 * Ukraine", "President of Ukraine Volodymyr Zelenskyy", "Mr Sunak".  Leaves
 * *next 0 when the head composes with nothing. */
static int head_first(ctx *c, size_t i, size_t b, uint8_t the, size_t *next)
{
    const chr_entry *h1;
    int source;
    size_t n = c->t->ntoks;
    size_t kend = heads_from(c, i, i, &h1, &source);
    hit r;
    if (kend == i) return 0;
    if (h1 && tok_is(c, kend, "of") && same_sent(c, i, kend)) {
        size_t k = kend + 1;
        if (tok_is(c, k, "the") && same_sent(c, i, k)) k++;
        hit l, lh;
        const chr_entry *left = NULL;
        if (k < n && same_sent(c, i, k)) {
            walk(c, k, &l, &lh);
            left = l.n ? hit_entry(c, &l, CHR_EK_ACTOR) : NULL;
        }
        if (left && left->type != CHR_ET_PERSON && left->type != CHR_ET_DEMONYM) {
            if (same_code_at(c, l.end, i, left, 1, &r)) {
                *next = r.end;
                return emit_hit(c, &r, b, r.end, the | CHR_MF_TITLED | possessive_after(c, r.end));
            }
            *next = l.end;
            if (blocked(c, l.end)) return 0;
            mark_seen(c, left);
            return emit_composite(c, left, compose_role(left, h1), source, b, l.end, the);
        }
    }
    if (same_code_at(c, kend, i, NULL, 1, &r)) {
        *next = r.end;
        return emit_hit(c, &r, i, r.end, CHR_MF_TITLED | possessive_after(c, r.end));
    }
    return 0;
}

int chr_entities_find(const chr_kb *kb, const chr_text *t, chr_arena *a, chr_mentions *out)
{
    size_t n = t->ntoks;
    if (!kb || !n) return 0;
    ctx c = {kb, t, a, out, NULL, NULL, NULL, 0};
    c.wid = chr_arena_alloc(a, n * sizeof *c.wid);
    if (!c.wid) return -1;
    /* room for the distinct words of a news article (about half its
     * tokens), at most 1024 */
    word_memo memo = {NULL, 0};
    size_t slots = 64;
    while (slots < 1024 && slots < n / 2) slots *= 2;
    memo.v = chr_arena_calloc(a, slots, sizeof *memo.v);
    if (!memo.v) return -1;
    memo.mask = slots - 1;
    memset(c.wid, 0xFF, n * sizeof *c.wid);     /* WID_UNSEEN */
    c.memo = &memo;
    if (kb->nlate) {
        c.seen = chr_arena_calloc(a, kb->nlate, sizeof *c.seen);
        if (!c.seen) return -1;
    }

    size_t i = 0;
    size_t free_from = 0;       /* tokens before it belong to a mention */
    while (i < n) {
        if (!may_begin_name(&c, i)) { i++; continue; }
        uint32_t w = wid_of(&c, i);
        if (!w || !kb->root[w]) { i++; continue; }
        c.pos = (uint32_t)i;
        hit ent, head;
        walk(&c, i, &ent, &head);
        if (!ent.n && !head.n) { i++; continue; }

        /* a "the" before the name belongs to it, unless the name is the
         * first half of a compound: "the Russia-Ukraine war", "the US-led
         * coalition" */
        size_t b = i;
        uint8_t the = 0;
        size_t after = ent.n ? ent.end : head.end;
        int compound = after < n && t->toks[after].type == CHR_TOK_PUNCT &&
                       t->norm[t->toks[after].start] == '-' &&
                       !(t->toks[after].flags & CHR_TF_SPACE_BEFORE);
        if (i > free_from && !compound && same_sent(&c, i - 1, i) && tok_is(&c, i - 1, "the")) {
            b = i - 1;
            the = CHR_MF_THE;
        }
        size_t next = 0;
        int rc = 0;
        /* A head noun at least as long as the name here goes first when it
         * composes: "the Ministry of Defence of Ukraine" is Ukraine's, though
         * "the Ministry of Defence" alone is Britain's. */
        if (head.n && head.end >= ent.end) rc = head_first(&c, i, b, the, &next);
        if (rc == 0 && !next && ent.n) rc = name_first(&c, i, b, the, &ent, &next);
        if (rc != 0) return -1;
        if (next) free_from = i = next;
        else i++;
    }
    return 0;
}
