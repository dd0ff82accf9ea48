/*
 * kb.c - load, validate and freeze the knowledge base (see kb.h; the file
 * syntax is docs/dictionaries.md).
 *
 * Every line of a dictionary is one entry: names separated by "|", then a
 * tab or ";", then attributes "key=value".  Each name is cut into tokens by
 * the same tokenizer the documents go through (so "Ukraine's", "U.S." and
 * "Su-25" split the same way on both sides), lower-cased and inserted in a
 * token trie; the case the name was written in is kept per word and checked
 * when matching ("US" matches only in capitals, "stinger missiles" in any
 * case).  The loader adds variants nobody should have to type: the plural of
 * an item's last word and names without their accents (Erdogan, Elysee).
 *
 * Validation happens where the information is: a line's syntax and values
 * when it is read, a duplicate name with a different code when the name is
 * inserted, and the codes themselves (every code must be defined by a state
 * or an organisation, whichever file defines it) in chr_kb_finish().
 */
#include "kb.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <utf8proc.h>

#include "text/text.h"

#define MAX_LINE (64 * 1024)
#define MAX_DEPTH 16
#define NONE UINT32_MAX

/* ---- names of the enumerations ------------------------------------------- */

static const char *const role_names[CHR_ROLE_COUNT] = {
    "", "GOV", "MIL", "CVL", "MED", "REB", "BUS", "IGO", "NGO"};
static const char *const class_names[CHR_IC_COUNT] = {
    "", "air-defence", "anti-tank", "artillery", "rocket-artillery", "missile",
    "tank", "armoured-vehicle", "aircraft", "helicopter", "drone", "ship",
    "small-arms", "ammunition", "protective", "medical", "food", "fuel", "other"};
static const char *const skind_names[CHR_SK_COUNT] = {
    "", "media", "government", "igo", "ngo", "person", "unnamed"};
static const char *const type_names[CHR_ET_COUNT] = {
    "", "state", "org", "person", "office", "force", "group", "demonym", "people"};

static int parse_name(const char *const *names, int count, const char *s, size_t n)
{
    for (int i = 1; i < count; i++)
        if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0) return i;
    return -1;
}

const char *chr_role_name(int r) { return r > 0 && r < CHR_ROLE_COUNT ? role_names[r] : ""; }
const char *chr_item_class_name(int c) { return c > 0 && c < CHR_IC_COUNT ? class_names[c] : ""; }
const char *chr_source_kind_name(int k) { return k > 0 && k < CHR_SK_COUNT ? skind_names[k] : ""; }
const char *chr_entry_type_name(int t) { return t > 0 && t < CHR_ET_COUNT ? type_names[t] : ""; }
int chr_role_parse(const char *s, size_t n) { return parse_name(role_names, CHR_ROLE_COUNT, s, n); }
int chr_item_class_parse(const char *s, size_t n) { return parse_name(class_names, CHR_IC_COUNT, s, n); }
int chr_source_kind_parse(const char *s, size_t n) { return parse_name(skind_names, CHR_SK_COUNT, s, n); }
int chr_entry_type_parse(const char *s, size_t n) { return parse_name(type_names, CHR_ET_COUNT, s, n); }

int chr_source_kind_of_role(int role)
{
    switch (role) {
    case CHR_ROLE_GOV: case CHR_ROLE_MIL: return CHR_SK_GOVERNMENT;
    case CHR_ROLE_IGO: return CHR_SK_IGO;
    case CHR_ROLE_NGO: return CHR_SK_NGO;
    case CHR_ROLE_MED: return CHR_SK_MEDIA;
    default: return CHR_SK_PERSON;
    }
}

/* ---- words: lower case and hashing ----------------------------------------- */

uint64_t chr_kb_hash(const char *s, size_t n) { return chr_text_hash(s, n); }

size_t chr_kb_lower(const char *s, size_t n, int ascii, char *out, size_t cap)
{
    if (ascii) {
        if (n > cap) return 0;
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            out[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        return n;
    }
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        int adv;
        int32_t c = chr_utf8_decode(s + i, n - i, &adv);
        if (c < 0) c = 0xFFFD;
        c = utf8proc_tolower(c);
        if (o + 4 > cap) return 0;
        o += (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)out + o);
        i += (size_t)adv;
    }
    return o;
}

uint32_t chr_kb_word_find(const chr_kb *kb, uint64_t hash, const char *s, size_t n)
{
    size_t mask = kb->wcap - 1;
    uint32_t tag = (uint32_t)(hash >> 32);
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        const chr_kb_slot *w = &kb->words[i];
        if (!w->id) return 0;
        if (w->tag == tag && kb->wlen[w->id] == n) {
            /* words are short: a loop beats a call to memcmp */
            const char *x = kb->wstr[w->id];
            size_t k = 0;
            while (k < n && x[k] == s[k]) k++;
            if (k == n) return w->id;
        }
    }
}

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap) return 0;
    size_t nc = *cap ? *cap : 64;
    while (nc < need) nc *= 2;
    void *q = realloc(*p, nc * size);
    if (!q) return -1;
    *p = q;
    *cap = nc;
    return 0;
}

static int words_rehash(chr_kb *kb, size_t ncap)
{
    chr_kb_slot *nw = calloc(ncap, sizeof *nw);
    if (!nw) return -1;
    for (size_t i = 0; i < kb->wcap; i++) {
        chr_kb_slot *w = &kb->words[i];
        if (!w->id) continue;
        uint64_t h = chr_kb_hash(kb->wstr[w->id], kb->wlen[w->id]);
        size_t j = (size_t)h & (ncap - 1);
        while (nw[j].id) j = (j + 1) & (ncap - 1);
        nw[j] = *w;
    }
    free(kb->words);
    kb->words = nw;
    kb->wcap = ncap;
    return 0;
}

/* The id of a lower-case word, added when new; 0 when out of memory. */
static uint32_t word_intern(chr_kb *kb, const char *s, size_t n)
{
    uint64_t h = chr_kb_hash(s, n);
    uint32_t id = chr_kb_word_find(kb, h, s, n);
    if (id) return id;
    if ((kb->nwords + 1) * 2 > kb->wcap && words_rehash(kb, kb->wcap * 2) != 0) return 0;
    size_t need = kb->nwords + 2, cap = kb->rootcap;
    if (grow((void **)&kb->root, &cap, need, sizeof *kb->root) != 0) return 0;
    cap = kb->rootcap;
    if (grow((void **)&kb->wstr, &cap, need, sizeof *kb->wstr) != 0) return 0;
    cap = kb->rootcap;
    if (grow((void **)&kb->wlen, &cap, need, sizeof *kb->wlen) != 0) return 0;
    kb->rootcap = cap;
    char *copy = chr_arena_strndup(&kb->arena, s, n);
    if (!copy) return 0;
    size_t mask = kb->wcap - 1, i = (size_t)h & mask;
    while (kb->words[i].id) i = (i + 1) & mask;
    id = (uint32_t)++kb->nwords;
    kb->words[i] = (chr_kb_slot){(uint32_t)(h >> 32), id};
    kb->root[id] = 0;
    kb->wstr[id] = copy;
    kb->wlen[id] = (uint32_t)n;
    if (n == 1) kb->byte_word[(unsigned char)s[0]] = id;
    size_t bit = CHR_KB_FILTER_BIT(h);
    kb->filter[bit >> 6] |= 1ULL << (bit & 63);
    return id;
}

/* ---- the trie ---------------------------------------------------------------- */

static int edges_rehash(chr_kb *kb, size_t ncap)
{
    chr_kb_edge *ne = calloc(ncap, sizeof *ne);
    if (!ne) return -1;
    for (size_t i = 0; i < kb->ecap; i++) {
        if (!kb->edges[i].key) continue;
        size_t j = (size_t)chr_kb_mix(kb->edges[i].key) & (ncap - 1);
        while (ne[j].key) j = (j + 1) & (ncap - 1);
        ne[j] = kb->edges[i];
    }
    free(kb->edges);
    kb->edges = ne;
    kb->ecap = ncap;
    return 0;
}

static uint32_t node_new(chr_kb *kb)
{
    if (grow((void **)&kb->nodes, &kb->cnodes, kb->nnodes + 1, sizeof *kb->nodes) != 0)
        return 0;
    kb->nodes[kb->nnodes] = (chr_kb_node){NONE, 0, 0, 0};
    return (uint32_t)kb->nnodes++;
}

/* The node reached by the word ids w[0..n), created as needed; 0 on OOM. */
static uint32_t trie_path(chr_kb *kb, const uint32_t *w, size_t n)
{
    uint32_t node = kb->root[w[0]];
    if (!node) {
        node = node_new(kb);
        if (!node) return 0;
        kb->root[w[0]] = node;
        size_t bit = CHR_KB_FILTER_BIT(chr_kb_hash(kb->wstr[w[0]], kb->wlen[w[0]]));
        kb->root_filter[bit >> 6] |= 1ULL << (bit & 63);
    }
    for (size_t k = 1; k < n; k++) {
        uint32_t child = chr_kb_edge_find(kb, node, w[k]);
        if (!child) {
            if ((kb->nedges + 1) * 2 > kb->ecap && edges_rehash(kb, kb->ecap * 2) != 0)
                return 0;
            child = node_new(kb);
            if (!child) return 0;
            uint64_t key = (uint64_t)node << 32 | w[k];
            size_t mask = kb->ecap - 1, i = (size_t)chr_kb_mix(key) & mask;
            while (kb->edges[i].key) i = (i + 1) & mask;
            kb->edges[i] = (chr_kb_edge){key, child};
            kb->nedges++;
            kb->nodes[node].children = 1;
        }
        node = child;
    }
    return node;
}

/* ---- codes: the states and organisations that define them ---------------- */

static chr_entry *code_owner(const chr_kb *kb, const char *code)
{
    if (!kb->ccodes) return NULL;
    size_t mask = kb->ccodes - 1;
    for (size_t i = (size_t)chr_kb_hash(code, strlen(code)) & mask; kb->codes[i];
         i = (i + 1) & mask) {
        chr_entry *e = &kb->entries[kb->codes[i] - 1];
        if (strcmp(e->code, code) == 0) return e;
    }
    return NULL;
}

/* Record entry ei (a state or an organisation) as the owner of its code. */
static int code_define(chr_kb *kb, uint32_t ei)
{
    if ((kb->ncodes + 1) * 2 > kb->ccodes) {
        size_t nc = kb->ccodes ? kb->ccodes * 2 : 512;
        uint32_t *t = calloc(nc, sizeof *t);
        if (!t) return -1;
        for (size_t i = 0; i < kb->ccodes; i++) {
            if (!kb->codes[i]) continue;
            const char *c = kb->entries[kb->codes[i] - 1].code;
            size_t j = (size_t)chr_kb_hash(c, strlen(c)) & (nc - 1);
            while (t[j]) j = (j + 1) & (nc - 1);
            t[j] = kb->codes[i];
        }
        free(kb->codes);
        kb->codes = t;
        kb->ccodes = nc;
    }
    const char *c = kb->entries[ei].code;
    size_t j = (size_t)chr_kb_hash(c, strlen(c)) & (kb->ccodes - 1);
    while (kb->codes[j]) j = (j + 1) & (kb->ccodes - 1);
    kb->codes[j] = ei + 1;
    kb->ncodes++;
    return 0;
}

const chr_entry *chr_kb_code(const chr_kb *kb, const char *code)
{
    return code && *code ? code_owner(kb, code) : NULL;
}

/* ---- aliases ------------------------------------------------------------------- */

typedef struct alias_words {
    size_t n;
    uint32_t id[CHR_KB_MAX_WORDS];
    uint8_t cs[CHR_KB_MAX_WORDS];
    const char *low[CHR_KB_MAX_WORDS];     /* lower-case words, in scratch */
    uint32_t lowlen[CHR_KB_MAX_WORDS];
    uint16_t flags[CHR_KB_MAX_WORDS];      /* token flags */
    uint8_t type[CHR_KB_MAX_WORDS];
} alias_words;

static int is_ascii(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80) return 0;
    return 1;
}

/* Cut a name into lower-case words with their case class.  A leading
 * lower-case "the" before a proper name is dropped (the matcher takes a
 * "the" in the text into the span by itself); "The" written with a capital,
 * or "the" before common words ("the bloc"), is part of the name.
 * Returns 0, 1 when the name has no words, 2 when it has too many, -1 OOM. */
static int alias_cut(chr_kb *kb, const char *s, size_t n, int case_any, alias_words *aw)
{
    chr_arena *a = &kb->scratch;
    chr_text t;
    memset(&t, 0, sizeof t);
    /* the text layer reads a NUL-terminated text */
    s = chr_arena_strndup(a, s, n);
    if (!s) return -1;
    if (is_ascii(s, n)) {
        t.norm = s;
        t.norm_len = n;
    } else {
        t.src = s;
        t.src_len = n;
        if (chr_normalize(&t, a) != 0) return -1;
    }
    if (chr_tokenize(&t, a) != 0) return -1;

    aw->n = 0;
    size_t first = 0;
    if (t.ntoks > 1 && chr_tok_is(&t, &t.toks[0], "the")) {
        int capital_the = t.norm[t.toks[0].start] == 'T';
        int proper = 0;
        for (size_t i = 1; i < t.ntoks; i++)
            if (t.toks[i].flags & (CHR_TF_CAP | CHR_TF_UPPER)) proper = 1;
        if (!capital_the && proper) first = 1;
    }
    for (size_t i = first; i < t.ntoks; i++) {
        const chr_token *k = &t.toks[i];
        /* Hyphens are not part of a key: "Guinea-Bissau" is guinea bissau,
         * and the matcher steps over a hyphen between two words. */
        if (k->type == CHR_TOK_PUNCT && t.norm[k->start] == '-') continue;
        if (aw->n == CHR_KB_MAX_WORDS) return 2;
        size_t len = chr_tok_len(k);
        char *low = chr_arena_alloc(a, len * 2 + 8);
        if (!low) return -1;
        size_t ll = chr_kb_lower(t.norm + k->start, len, (k->flags & CHR_TF_ASCII) != 0,
                                 low, len * 2 + 8);
        uint8_t cs = CHR_KB_CASE_ANY;
        if (!case_any && k->type == CHR_TOK_WORD && !(k->flags & CHR_TF_HAS_DIGIT)) {
            if (k->flags & CHR_TF_UPPER) cs = CHR_KB_CASE_UPPER;
            else if (k->flags & CHR_TF_CAP) cs = CHR_KB_CASE_CAP;
        }
        if (i == 0 && chr_tok_is(&t, k, "the")) cs = CHR_KB_CASE_ANY;
        aw->low[aw->n] = low;
        aw->lowlen[aw->n] = (uint32_t)ll;
        aw->cs[aw->n] = cs;
        aw->flags[aw->n] = k->flags;
        aw->type[aw->n] = k->type;
        aw->n++;
    }
    return aw->n ? 0 : 1;
}

static int intern_words(chr_kb *kb, alias_words *aw)
{
    for (size_t i = 0; i < aw->n; i++) {
        aw->id[i] = word_intern(kb, aw->low[i], aw->lowlen[i]);
        if (!aw->id[i]) return -1;
    }
    return 0;
}

/* Do entries e and f claim the same name for different things? */
static const char *conflict(const chr_entry *e, const chr_entry *f)
{
    uint8_t both = e->kinds & f->kinds;
    if ((both & CHR_EK_ACTOR) && strcmp(e->code, f->code) != 0) return "code";
    if ((both & CHR_EK_PLACE) && strcmp(e->country, f->country) != 0) return "country";
    if ((both & CHR_EK_ITEM) && e->item_class != f->item_class) return "class";
    if ((both & CHR_EK_SOURCE) && e->source_kind != f->source_kind) return "source kind";
    if ((both & CHR_EK_HEAD) && e->role != f->role) return "role";
    return NULL;
}

typedef struct where {
    const char *file;
    long line;
} where;

/* Insert the words of aw as a name of entry ei.  Variants and names from
 * ISO 3166 that collide with a name already taken are skipped quietly:
 * what an analyst wrote wins over what the loader derived. */
static int alias_insert(chr_kb *kb, uint32_t ei, const alias_words *aw, uint8_t tflags,
                        const char *shown, where at, chr_error *err)
{
    uint32_t node = trie_path(kb, aw->id, aw->n);
    if (!node) return chr_error_set(err, CHR_ENOMEM, at.file, at.line, "out of memory");
    chr_kb_node *nd = &kb->nodes[node];
    const chr_entry *e = &kb->entries[ei];
    for (uint32_t ti = nd->term; ti != NONE; ti = kb->terms[ti].next) {
        const chr_kb_term *t = &kb->terms[ti];
        if (t->entry == ei) {
            if (t->ntok == aw->n && !memcmp(kb->cases + t->casepat, aw->cs, aw->n))
                return CHR_OK;          /* the same name twice */
            continue;
        }
        const chr_entry *f = &kb->entries[t->entry];
        const char *what = conflict(e, f);
        if (!what) continue;
        /* two people may share a surname that is only used after a full
         * mention: the document says which one it is */
        if ((tflags & CHR_KT_LATE) && (t->flags & CHR_KT_LATE)) continue;
        if ((tflags & CHR_KT_VARIANT) || kb->iso_quiet) return CHR_OK;
        return chr_error_set(err, CHR_EDATA, at.file, at.line,
                             "'%s' is already a name of %s (%s:%ld) with a different %s",
                             shown, f->name, f->file, f->line, what);
    }
    if (grow((void **)&kb->terms, &kb->cterms, kb->nterms + 1, sizeof *kb->terms) != 0 ||
        grow((void **)&kb->cases, &kb->ccases, kb->ncases + aw->n, 1) != 0)
        return chr_error_set(err, CHR_ENOMEM, at.file, at.line, "out of memory");
    nd = &kb->nodes[node];
    chr_kb_term *t = &kb->terms[kb->nterms];
    t->entry = ei;
    t->casepat = (uint32_t)kb->ncases;
    t->ntok = (uint8_t)aw->n;
    t->flags = tflags;
    t->pad = 0;
    /* appended at the tail so that the first definition of a name comes
     * first when the matcher has to pick one */
    t->next = NONE;
    if (nd->term == NONE) {
        nd->term = (uint32_t)kb->nterms;
    } else {
        uint32_t ti = nd->term;
        while (kb->terms[ti].next != NONE) ti = kb->terms[ti].next;
        kb->terms[ti].next = (uint32_t)kb->nterms;
    }
    nd->nterm++;
    nd->kinds |= e->kinds;
    memcpy(kb->cases + kb->ncases, aw->cs, aw->n);
    kb->ncases += aw->n;
    kb->nterms++;
    return CHR_OK;
}

static int ends_with(const char *s, size_t n, const char *suf)
{
    size_t m = strlen(suf);
    return n >= m && memcmp(s + n - m, suf, m) == 0;
}

/* The regular English plural of an item's last word: Javelins, howitzers,
 * batteries, boxes.  Words already ending in s are left alone (they are
 * plural, or HIMARS). */
static int add_plural(chr_kb *kb, uint32_t ei, const alias_words *aw, uint8_t tflags,
                      const char *shown, where at, chr_error *err)
{
    size_t last = aw->n - 1;
    if (aw->type[last] != CHR_TOK_WORD || !(aw->flags[last] & CHR_TF_ASCII)) return CHR_OK;
    const char *w = aw->low[last];
    size_t n = aw->lowlen[last];
    if (n < 2 || w[n - 1] == 's' || w[0] == '\'') return CHR_OK;
    char buf[128];
    if (n + 3 > sizeof buf) return CHR_OK;
    memcpy(buf, w, n);
    size_t m = n;
    int vowel_before_y = n >= 2 && strchr("aeiou", w[n - 2]) != NULL;
    if (aw->flags[last] & CHR_TF_HAS_DIGIT) {
        /* a model: M777s, TB2s; "M3" in "Tu-22M3" takes no plural */
        if (w[n - 1] < '0' || w[n - 1] > '9') return CHR_OK;
        buf[n] = 's';
        m = n + 1;
    } else if (w[n - 1] == 'y' && !vowel_before_y) {
        memcpy(buf + n - 1, "ies", 3);
        m = n + 2;
    } else if (ends_with(w, n, "x") || ends_with(w, n, "z") || ends_with(w, n, "ch") ||
               ends_with(w, n, "sh")) {
        memcpy(buf + n, "es", 2);
        m = n + 2;
    } else {
        buf[n] = 's';
        m = n + 1;
    }
    alias_words pl = *aw;
    pl.low[last] = buf;
    pl.lowlen[last] = (uint32_t)m;
    /* "NLAWs": an all-capitals word with a small plural s is still the name */
    if (pl.cs[last] == CHR_KB_CASE_UPPER) pl.cs[last] = CHR_KB_CASE_CAP;
    pl.id[last] = word_intern(kb, buf, m);
    if (!pl.id[last]) return chr_error_set(err, CHR_ENOMEM, at.file, at.line, "out of memory");
    return alias_insert(kb, ei, &pl, tflags | CHR_KT_VARIANT, shown, at, err);
}

/* Add name s[0..n) to entry ei, with its variants. */
static int alias_add(chr_kb *kb, uint32_t ei, const char *s, size_t n, int late,
                     int variant, int case_any, where at, chr_error *err)
{
    chr_entry *e = &kb->entries[ei];
    char shown[256];
    snprintf(shown, sizeof shown, "%.*s", (int)(n < 200 ? n : 200), s);
    alias_words aw;
    int r = alias_cut(kb, s, n, case_any, &aw);
    if (r < 0) return chr_error_set(err, CHR_ENOMEM, at.file, at.line, "out of memory");
    if (r == 1) return chr_error_set(err, CHR_EDATA, at.file, at.line, "name '%s' has no words", shown);
    if (r == 2)
        return chr_error_set(err, CHR_EDATA, at.file, at.line,
                             "name '%s' has more than %d words", shown, CHR_KB_MAX_WORDS);
    if (intern_words(kb, &aw) != 0)
        return chr_error_set(err, CHR_ENOMEM, at.file, at.line, "out of memory");
    uint8_t tflags = (uint8_t)((late ? CHR_KT_LATE : 0) | (variant ? CHR_KT_VARIANT : 0));
    int rc = alias_insert(kb, ei, &aw, tflags, shown, at, err);
    if (rc != CHR_OK) return rc;
    e = &kb->entries[ei];
    if (late && e->late < 0) e->late = (int32_t)kb->nlate++;
    if (!variant) {
        e->naliases++;
        kb->naliases++;
    }
    if ((e->kinds & CHR_EK_ITEM) && (rc = add_plural(kb, ei, &aw, tflags, shown, at, err)) != CHR_OK)
        return rc;
    /* the same name without accents: Elysee, Turkiye, Erdogan */
    if (!variant && !is_ascii(s, n)) {
        utf8proc_uint8_t *plain = NULL;
        utf8proc_ssize_t pl = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
                                           &plain, UTF8PROC_STRIPMARK | UTF8PROC_COMPOSE);
        if (pl < 0) return chr_error_set(err, CHR_ENOMEM, at.file, at.line, "out of memory");
        if ((size_t)pl != n || memcmp(plain, s, n) != 0)
            rc = alias_add(kb, ei, (const char *)plain, (size_t)pl, late, 1, case_any, at, err);
        free(plain);
    }
    return rc;
}

/* ---- attributes -------------------------------------------------------------- */

enum {
    A_KIND = 1 << 0, A_TYPE = 1 << 1, A_CODE = 1 << 2, A_ROLE = 1 << 3,
    A_COUNTRY = 1 << 4, A_CLASS = 1 << 5, A_SOURCE = 1 << 6, A_FROM = 1 << 7,
    A_TO = 1 << 8, A_GENERIC = 1 << 9, A_CASE = 1 << 10
};

typedef struct attrs {
    unsigned set;           /* A_* present */
    uint8_t kinds, type, role, source_kind, item_class, generic, case_any;
    int16_t from, to;
    char code[8];
    char country[4];
} attrs;

static int is_upper_code(const char *s, size_t n, size_t min, size_t max, int digits)
{
    if (n < min || n > max) return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') continue;
        if (digits && i > 0 && c >= '0' && c <= '9') continue;
        return 0;
    }
    return 1;
}

static int parse_kinds(const char *v, size_t n, uint8_t *out)
{
    static const struct { const char *name; uint8_t bit; } kinds[] = {
        {"actor", CHR_EK_ACTOR}, {"place", CHR_EK_PLACE}, {"item", CHR_EK_ITEM},
        {"source", CHR_EK_SOURCE}, {"head", CHR_EK_HEAD}, {"block", CHR_EK_BLOCK},
        {"suffix", CHR_EK_SUFFIX}, {"stop", CHR_EK_STOP}};
    *out = 0;
    size_t i = 0;
    while (i <= n) {
        size_t j = i;
        while (j < n && v[j] != ',') j++;
        size_t k;
        for (k = 0; k < sizeof kinds / sizeof *kinds; k++)
            if (strlen(kinds[k].name) == j - i && memcmp(kinds[k].name, v + i, j - i) == 0) break;
        if (k == sizeof kinds / sizeof *kinds) return -1;
        *out |= kinds[k].bit;
        i = j + 1;
    }
    return 0;
}

static int parse_year(const char *v, size_t n, int16_t *out)
{
    if (n != 4) return -1;
    int y = 0;
    for (size_t i = 0; i < 4; i++) {
        if (v[i] < '0' || v[i] > '9') return -1;
        y = y * 10 + (v[i] - '0');
    }
    if (y < 1000) return -1;
    *out = (int16_t)y;
    return 0;
}

/* Parse one "key=value" into a; returns CHR_OK or the error. */
static int attr_parse(attrs *a, const char *s, size_t n, where at, chr_error *err)
{
    const char *eq = memchr(s, '=', n);
    if (!eq)
        return chr_error_set(err, CHR_EDATA, at.file, at.line,
                             "'%.*s' is not an attribute (key=value)", (int)n, s);
    size_t kl = (size_t)(eq - s);
    const char *v = eq + 1;
    size_t vl = n - kl - 1;
#define KEY(k) (kl == sizeof(k) - 1 && memcmp(s, k, kl) == 0)
#define BAD(what) chr_error_set(err, CHR_EDATA, at.file, at.line, \
                                "bad %.*s '%.*s': %s", (int)kl, s, (int)vl, v, what)
    int x;
    if (KEY("kind")) {
        if (parse_kinds(v, vl, &a->kinds) != 0)
            return BAD("expected actor, place, item, source, head, block, suffix or stop, "
                       "separated by commas");
        a->set |= A_KIND;
    } else if (KEY("type")) {
        if ((x = chr_entry_type_parse(v, vl)) < 0)
            return BAD("expected state, org, person, office, force, group, demonym or people");
        a->type = (uint8_t)x;
        a->set |= A_TYPE;
    } else if (KEY("code")) {
        if (!is_upper_code(v, vl, 2, 7, 1))
            return BAD("expected an ISO 3166-1 alpha-3 code or an organisation code in capitals");
        memcpy(a->code, v, vl);
        a->code[vl] = '\0';
        a->set |= A_CODE;
    } else if (KEY("role")) {
        if ((x = chr_role_parse(v, vl)) < 0)
            return BAD("expected GOV, MIL, CVL, MED, REB, BUS, IGO or NGO");
        a->role = (uint8_t)x;
        a->set |= A_ROLE;
    } else if (KEY("country")) {
        if (!is_upper_code(v, vl, 3, 3, 0)) return BAD("expected an ISO 3166-1 alpha-3 code");
        memcpy(a->country, v, 3);
        a->country[3] = '\0';
        a->set |= A_COUNTRY;
    } else if (KEY("class")) {
        if ((x = chr_item_class_parse(v, vl)) < 0)
            return BAD("expected an item class such as air-defence, anti-tank, artillery, "
                       "ammunition (see docs/dictionaries.md)");
        a->item_class = (uint8_t)x;
        a->set |= A_CLASS;
    } else if (KEY("source")) {
        if ((x = chr_source_kind_parse(v, vl)) < 0 || x == CHR_SK_UNNAMED)
            return BAD("expected media, government, igo, ngo or person");
        a->source_kind = (uint8_t)x;
        a->set |= A_SOURCE;
    } else if (KEY("from") || KEY("to")) {
        int16_t y;
        if (parse_year(v, vl, &y) != 0) return BAD("expected a year such as 2022");
        if (KEY("from")) { a->from = y; a->set |= A_FROM; }
        else { a->to = y; a->set |= A_TO; }
    } else if (KEY("generic")) {
        if (vl == 3 && !memcmp(v, "yes", 3)) a->generic = 1;
        else if (vl == 2 && !memcmp(v, "no", 2)) a->generic = 0;
        else return BAD("expected yes or no");
        a->set |= A_GENERIC;
    } else if (KEY("case")) {
        if (vl == 3 && !memcmp(v, "any", 3)) a->case_any = 1;
        else if (vl == 4 && !memcmp(v, "name", 4)) a->case_any = 0;
        else return BAD("expected any or name");
        a->set |= A_CASE;
    } else {
        return chr_error_set(err, CHR_EDATA, at.file, at.line,
                             "unknown attribute '%.*s'", (int)kl, s);
    }
#undef KEY
#undef BAD
    return CHR_OK;
}

/* Line attributes over the file's defaults. */
static attrs attrs_merge(const attrs *def, const attrs *line)
{
    attrs r = *def;
    unsigned s = line->set;
    if (s & A_KIND) r.kinds = line->kinds;
    if (s & A_TYPE) r.type = line->type;
    if (s & A_CODE) memcpy(r.code, line->code, sizeof r.code);
    if (s & A_ROLE) r.role = line->role;
    if (s & A_COUNTRY) memcpy(r.country, line->country, sizeof r.country);
    if (s & A_CLASS) r.item_class = line->item_class;
    if (s & A_SOURCE) r.source_kind = line->source_kind;
    if (s & A_FROM) r.from = line->from;
    if (s & A_TO) r.to = line->to;
    if (s & A_GENERIC) r.generic = line->generic;
    if (s & A_CASE) r.case_any = line->case_any;
    r.set |= s;
    return r;
}

/* What an entry of these attributes must have. */
static int attrs_check(attrs *a, where at, chr_error *err)
{
#define NEED(cond, ...) do { if (!(cond)) return chr_error_set(err, CHR_EDATA, at.file, at.line, __VA_ARGS__); } while (0)
    NEED(a->kinds, "no kind= (actor, place, item, source, head, block, suffix or stop)");
    uint8_t k = a->kinds;
    if (k & CHR_EK_ACTOR) {
        NEED(a->code[0], "an actor needs code=");
        NEED(a->role, "an actor needs role=");
    }
    if (a->type == CHR_ET_STATE) {
        NEED(is_upper_code(a->code, strlen(a->code), 3, 3, 0),
             "a state needs a code= of three capital letters (ISO 3166-1 alpha-3)");
        if (!a->country[0]) memcpy(a->country, a->code, 4);
    }
    if (a->type == CHR_ET_ORG) NEED(a->code[0], "an organisation needs code=");
    if (k & CHR_EK_PLACE) {
        /* a capital that is also its government's metonym: the country is
         * the code unless said otherwise */
        if (!a->country[0] && is_upper_code(a->code, strlen(a->code), 3, 3, 0))
            memcpy(a->country, a->code, 4);
        NEED(a->country[0] || !(k & CHR_EK_ACTOR), "a place that is an actor needs country=");
    }
    NEED(!a->country[0] || (k & CHR_EK_PLACE) || a->type == CHR_ET_STATE,
         "country= is only for places");
    if (k & CHR_EK_ITEM) NEED(a->item_class, "an item needs class=");
    else NEED(!(a->set & A_CLASS) || !a->item_class, "class= is only for items");
    if (k & CHR_EK_SOURCE) {
        if (!a->source_kind && a->role) a->source_kind = (uint8_t)chr_source_kind_of_role(a->role);
        NEED(a->source_kind, "a source needs source= (media, government, igo, ngo, person)");
    }
    NEED(!a->generic || (k & CHR_EK_ITEM), "generic= is only for items");
    NEED(!a->from || !a->to || a->from <= a->to, "from= is after to=");
#undef NEED
    return CHR_OK;
}

/* ---- entries --------------------------------------------------------------------- */

static const char *intern_file(chr_kb *kb, const char *file)
{
    /* entries come file by file: the last file interned is the one asked for */
    if (kb->last_file && strcmp(kb->last_file, file) == 0) return kb->last_file;
    kb->last_file = chr_arena_strdup(&kb->arena, file);
    return kb->last_file;
}

static int entry_new(chr_kb *kb, const char *name, size_t n, const attrs *a, where at,
                     uint32_t *out, chr_error *err)
{
    if (grow((void **)&kb->entries, &kb->centries, kb->nentries + 1, sizeof *kb->entries) != 0)
        return chr_error_set(err, CHR_ENOMEM, at.file, at.line, "out of memory");
    chr_entry *e = &kb->entries[kb->nentries];
    memset(e, 0, sizeof *e);
    e->name = chr_arena_strndup(&kb->arena, name, n);
    e->file = intern_file(kb, at.file);
    if (!e->name || !e->file) return chr_error_set(err, CHR_ENOMEM, at.file, at.line, "out of memory");
    e->line = at.line;
    memcpy(e->code, a->code, sizeof e->code);
    memcpy(e->country, a->country, sizeof e->country);
    e->kinds = a->kinds;
    e->type = a->type;
    e->role = a->role;
    e->source_kind = a->source_kind;
    e->item_class = a->item_class;
    e->generic = a->generic;
    e->from = a->from;
    e->to = a->to;
    e->id = (uint32_t)kb->nentries;
    e->late = -1;
    *out = (uint32_t)kb->nentries++;
    if ((e->type == CHR_ET_STATE || e->type == CHR_ET_ORG) && code_define(kb, e->id) != 0)
        return chr_error_set(err, CHR_ENOMEM, at.file, at.line, "out of memory");
    return CHR_OK;
}

static void trim(const char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\t')) { (*s)++; (*n)--; }
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t')) (*n)--;
}

/* ---- lines, directives, files ------------------------------------------------------ */

typedef struct file_ctx {
    const char *path;
    const char *dir;        /* for includes: "" is the current directory */
    attrs defaults;
} file_ctx;

static int load_file_at(chr_kb *kb, const char *path, where from, chr_error *err);
static int load_iso3166(chr_kb *kb, const char *path, where at, chr_error *err);

/* The attributes of s[0..n) (separated by spaces or tabs). */
static int parse_attr_list(const char *s, size_t n, attrs *a, where at, chr_error *err)
{
    size_t i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '\t') j++;
        if (j > i) {
            int rc = attr_parse(a, s + i, j - i, at, err);
            if (rc != CHR_OK) return rc;
        }
        i = j;
    }
    return CHR_OK;
}

static int join_path(char *out, size_t cap, const char *dir, const char *rel, size_t rl)
{
    int r;
    if (rl && rel[0] == '/') r = snprintf(out, cap, "%.*s", (int)rl, rel);
    else if (dir[0]) r = snprintf(out, cap, "%s/%.*s", dir, (int)rl, rel);
    else r = snprintf(out, cap, "%.*s", (int)rl, rel);
    return r < 0 || (size_t)r >= cap ? -1 : 0;
}

static int directive(chr_kb *kb, file_ctx *fc, const char *s, size_t n, where at, chr_error *err)
{
    size_t i = 0;
    while (i < n && s[i] != ' ' && s[i] != '\t') i++;
    const char *arg = s + i;
    size_t al = n - i;
    trim(&arg, &al);
    char path[PATH_MAX];
    if (i == 8 && !memcmp(s, "@include", 8)) {
        if (!al) return chr_error_set(err, CHR_EDATA, at.file, at.line, "@include needs a file");
        if (join_path(path, sizeof path, fc->dir, arg, al) != 0)
            return chr_error_set(err, CHR_EDATA, at.file, at.line, "path too long");
        return load_file_at(kb, path, at, err);
    }
    if (i == 8 && !memcmp(s, "@iso3166", 8)) {
        if (!al) return chr_error_set(err, CHR_EDATA, at.file, at.line, "@iso3166 needs a file");
        if (join_path(path, sizeof path, fc->dir, arg, al) != 0)
            return chr_error_set(err, CHR_EDATA, at.file, at.line, "path too long");
        return load_iso3166(kb, path, at, err);
    }
    if (i == 9 && !memcmp(s, "@defaults", 9)) {
        attrs a;
        memset(&a, 0, sizeof a);
        int rc = parse_attr_list(arg, al, &a, at, err);
        if (rc != CHR_OK) return rc;
        fc->defaults = a;
        return CHR_OK;
    }
    return chr_error_set(err, CHR_EDATA, at.file, at.line,
                         "unknown directive '%.*s' (expected @include, @iso3166 or @defaults)",
                         (int)i, s);
}

static int valid_utf8(const char *s, size_t n, size_t *bad)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (c == 0) { *bad = i; return 0; }
            i++;
            continue;
        }
        int adv;
        if (chr_utf8_decode(s + i, n - i, &adv) < 0) { *bad = i; return 0; }
        i += (size_t)adv;
    }
    return 1;
}

static int entry_line(chr_kb *kb, file_ctx *fc, const char *s, size_t n, where at, chr_error *err)
{
    /* names, then a tab or ';', then attributes */
    size_t sep = 0;
    while (sep < n && s[sep] != '\t' && s[sep] != ';') sep++;
    attrs line;
    memset(&line, 0, sizeof line);
    if (sep < n) {
        int rc = parse_attr_list(s + sep + 1, n - sep - 1, &line, at, err);
        if (rc != CHR_OK) return rc;
    }
    attrs a = attrs_merge(&fc->defaults, &line);
    int rc = attrs_check(&a, at, err);
    if (rc != CHR_OK) return rc;

    /* the names */
    const char *names[512];
    size_t lens[512], nn = 0;
    size_t i = 0;
    while (i <= sep) {
        size_t j = i;
        while (j < sep && s[j] != '|') j++;
        const char *nm = s + i;
        size_t nl = j - i;
        trim(&nm, &nl);
        if (!nl)
            return chr_error_set(err, CHR_EDATA, at.file, at.line,
                                 nn ? "empty name after '|'" : "empty name");
        if (nn == sizeof names / sizeof *names)
            return chr_error_set(err, CHR_EDATA, at.file, at.line, "more than 512 names on a line");
        names[nn] = nm;
        lens[nn++] = nl;
        i = j + 1;
    }
    if (names[0][0] == '~')
        return chr_error_set(err, CHR_EDATA, at.file, at.line,
                             "the first name is the full name and cannot be surname-only (~)");

    /* A state line for a code already defined adds names to that state:
     * the first definition keeps its canonical name. */
    uint32_t ei;
    chr_entry *owner = a.type == CHR_ET_STATE || a.type == CHR_ET_ORG ? code_owner(kb, a.code) : NULL;
    if (owner && owner->type == a.type && owner->kinds == a.kinds) {
        ei = owner->id;
    } else if (owner) {
        return chr_error_set(err, CHR_EDATA, at.file, at.line,
                             "code %s is already defined by %s (%s:%ld)", a.code, owner->name,
                             owner->file, owner->line);
    } else {
        rc = entry_new(kb, names[0], lens[0], &a, at, &ei, err);
        if (rc != CHR_OK) return rc;
    }
    for (size_t k = 0; k < nn; k++) {
        int late = names[k][0] == '~';
        const char *nm = names[k] + late;
        size_t nl = lens[k] - (size_t)late;
        if (late && !nl) return chr_error_set(err, CHR_EDATA, at.file, at.line, "empty name after '~'");
        rc = alias_add(kb, ei, nm, nl, late, 0, a.case_any, at, err);
        if (rc != CHR_OK) return rc;
    }
    return CHR_OK;
}

static int parse_text(chr_kb *kb, file_ctx *fc, const char *text, size_t len, chr_error *err)
{
    size_t pos = 0;
    long lineno = 0;
    if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) pos = 3;    /* a BOM */
    while (pos < len) {
        lineno++;
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        const char *s = text + pos;
        size_t n = end - pos;
        pos = nl ? end + 1 : len;
        where at = {fc->path, lineno};
        if (n > MAX_LINE)
            return chr_error_set(err, CHR_EDATA, at.file, at.line,
                                 "line of %zu bytes is longer than the limit of %d", n, MAX_LINE);
        size_t bad;
        if (!valid_utf8(s, n, &bad))
            return chr_error_set(err, CHR_EDATA, at.file, at.line,
                                 "invalid UTF-8 at byte %zu of the line", bad + 1);
        if (n && s[n - 1] == '\r') n--;
        /* a comment starts with # at the beginning or after a space */
        for (size_t i = 0; i < n; i++) {
            if (s[i] == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) {
                n = i;
                break;
            }
        }
        trim(&s, &n);
        if (!n) continue;
        chr_arena_reset(&kb->scratch);
        int rc = s[0] == '@' ? directive(kb, fc, s, n, at, err) : entry_line(kb, fc, s, n, at, err);
        if (rc != CHR_OK) return rc;
    }
    return CHR_OK;
}

static int read_all(const char *path, char **out, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    size_t cap = 64 * 1024, n = 0;
    char *buf = malloc(cap);
    if (!buf) { fclose(f); errno = ENOMEM; return -1; }
    for (;;) {
        if (n == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) { free(buf); fclose(f); errno = ENOMEM; return -1; }
            buf = nb;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0) break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) { free(buf); errno = EIO; return -1; }
    *out = buf;
    *len = n;
    return 0;
}

static int load_file_at(chr_kb *kb, const char *path, where from, chr_error *err)
{
    if (kb->finished)
        return chr_error_set(err, CHR_EUSAGE, path, 0, "the knowledge base is already finished");
    char *real = realpath(path, NULL);
    if (!real) {
        if (from.file)
            return chr_error_set(err, CHR_EDATA, from.file, from.line, "cannot include %s: %s",
                                 path, strerror(errno));
        return chr_error_set(err, CHR_EIO, path, 0, "cannot open: %s", strerror(errno));
    }
    for (size_t i = 0; i < kb->nloaded; i++) {
        if (strcmp(kb->loaded[i], real) == 0) {
            free(real);
            return CHR_OK;
        }
    }
    if (grow((void **)&kb->loaded, &kb->cloaded, kb->nloaded + 1, sizeof *kb->loaded) != 0) {
        free(real);
        return chr_error_set(err, CHR_ENOMEM, path, 0, "out of memory");
    }
    kb->loaded[kb->nloaded++] = real;
    if (kb->depth >= MAX_DEPTH)
        return chr_error_set(err, CHR_EDATA, from.file, from.line,
                             "includes nested more than %d deep", MAX_DEPTH);
    char *text;
    size_t len;
    if (read_all(path, &text, &len) != 0) {
        if (from.file)
            return chr_error_set(err, CHR_EDATA, from.file, from.line, "cannot include %s: %s",
                                 path, strerror(errno));
        return chr_error_set(err, CHR_EIO, path, 0, "cannot read: %s", strerror(errno));
    }
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash) *slash = '\0';
    else dir[0] = '\0';
    if (slash == dir) strcpy(dir, "/");
    file_ctx fc;
    memset(&fc, 0, sizeof fc);
    fc.path = path;
    fc.dir = dir;
    kb->depth++;
    int rc = parse_text(kb, &fc, text, len, err);
    kb->depth--;
    free(text);
    return rc;
}

int chr_kb_load_file(chr_kb *kb, const char *path, chr_error *err)
{
    where none = {NULL, 0};
    return load_file_at(kb, path, none, err);
}

int chr_kb_load_string(chr_kb *kb, const char *name, const char *text, size_t len,
                       chr_error *err)
{
    if (kb->finished)
        return chr_error_set(err, CHR_EUSAGE, name, 0, "the knowledge base is already finished");
    file_ctx fc;
    memset(&fc, 0, sizeof fc);
    fc.path = name ? name : "<string>";
    fc.dir = "";
    return parse_text(kb, &fc, text, len, err);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int chr_kb_load_dir(chr_kb *kb, const char *dirpath, chr_error *err)
{
    DIR *d = opendir(dirpath);
    if (!d) return chr_error_set(err, CHR_EIO, dirpath, 0, "cannot open directory: %s", strerror(errno));
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    int rc = CHR_OK;
    while ((de = readdir(d))) {
        size_t l = strlen(de->d_name);
        if (de->d_name[0] == '.' || l < 5 || strcmp(de->d_name + l - 4, ".txt") != 0) continue;
        if (grow((void **)&names, &cap, n + 1, sizeof *names) != 0 ||
            !(names[n] = strdup(de->d_name))) {
            rc = chr_error_set(err, CHR_ENOMEM, dirpath, 0, "out of memory");
            break;
        }
        n++;
    }
    closedir(d);
    if (rc == CHR_OK) qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n && rc == CHR_OK; i++) {
        char path[PATH_MAX];
        if ((size_t)snprintf(path, sizeof path, "%s/%s", dirpath, names[i]) >= sizeof path)
            rc = chr_error_set(err, CHR_EIO, dirpath, 0, "path too long");
        else
            rc = chr_kb_load_file(kb, path, err);
    }
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    return rc;
}

/* ---- ISO 3166-1 from the iso-codes package ---------------------------------------- */

/* An ISO name as news would write it: "Holy See (Vatican City State)" is
 * "Holy See", "Korea, Republic of" is "Republic of Korea"; inverted names
 * that do not turn back ("Bonaire, Sint Eustatius and Saba") are skipped.
 * Returns the length written to out, 0 to skip. */
static size_t iso_clean(const char *s, char *out, size_t cap)
{
    char tmp[256];
    size_t n = strlen(s);
    if (n >= sizeof tmp || n >= cap) return 0;
    memcpy(tmp, s, n + 1);
    char *paren = strstr(tmp, " (");
    if (paren) { *paren = '\0'; n = (size_t)(paren - tmp); }
    char *comma = strstr(tmp, ", ");
    if (!comma) {
        memcpy(out, tmp, n + 1);
        return n;
    }
    const char *tail = comma + 2;
    size_t tl = strlen(tail);
    if (!(ends_with(tail, tl, " of") || ends_with(tail, tl, " of the"))) return 0;
    *comma = '\0';
    int r = snprintf(out, cap, "%s %s", tail, tmp);
    return r > 0 && (size_t)r < cap ? (size_t)r : 0;
}

static int load_iso3166(chr_kb *kb, const char *path, where at, chr_error *err)
{
    struct stat st;
    /* A machine without the iso-codes package still runs on the states
     * written by hand: the directive is then skipped. */
    if (stat(path, &st) != 0) return CHR_OK;
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    if (!root) return chr_error_set(err, CHR_EDATA, path, je.line, "%s", je.text);
    json_t *list = json_object_get(root, "3166-1");
    int rc = CHR_OK;
    if (!json_is_array(list)) {
        rc = chr_error_set(err, CHR_EDATA, at.file, at.line, "%s has no \"3166-1\" list", path);
        goto done;
    }
    kb->iso_quiet = 1;
    size_t i;
    json_t *c;
    json_array_foreach(list, i, c) {
        const char *code = json_string_value(json_object_get(c, "alpha_3"));
        if (!code || !is_upper_code(code, strlen(code), 3, 3, 0)) continue;
        const char *keys[] = {"common_name", "name", "official_name"};
        char names[3][256];
        size_t nl[3];
        for (int k = 0; k < 3; k++) {
            const char *v = json_string_value(json_object_get(c, keys[k]));
            nl[k] = v ? iso_clean(v, names[k], sizeof names[k]) : 0;
        }
        chr_entry *owner = code_owner(kb, code);
        uint32_t ei;
        where iso_at = {path, 0};
        if (owner) {
            ei = owner->id;
        } else {
            int first = nl[0] ? 0 : nl[1] ? 1 : nl[2] ? 2 : -1;
            if (first < 0) continue;
            attrs a;
            memset(&a, 0, sizeof a);
            a.kinds = CHR_EK_ACTOR | CHR_EK_PLACE;
            a.type = CHR_ET_STATE;
            a.role = CHR_ROLE_GOV;
            memcpy(a.code, code, 4);
            memcpy(a.country, code, 4);
            chr_arena_reset(&kb->scratch);
            rc = entry_new(kb, names[first], nl[first], &a, iso_at, &ei, err);
            if (rc != CHR_OK) goto done;
        }
        for (int k = 0; k < 3; k++) {
            if (!nl[k]) continue;
            chr_arena_reset(&kb->scratch);
            rc = alias_add(kb, ei, names[k], nl[k], 0, 0, 0, iso_at, err);
            if (rc != CHR_OK) goto done;
        }
    }
done:
    kb->iso_quiet = 0;
    json_decref(root);
    return rc;
}

/* ---- open, finish, close ----------------------------------------------------------- */

int chr_kb_open(chr_kb **out, chr_error *err)
{
    *out = NULL;
    chr_kb *kb = calloc(1, sizeof *kb);
    if (!kb) return chr_error_set(err, CHR_ENOMEM, NULL, 0, "out of memory");
    chr_arena_init(&kb->arena, 256 * 1024);
    chr_arena_init(&kb->scratch, 16 * 1024);
    kb->wcap = 4096;
    kb->ecap = 8192;
    kb->words = calloc(kb->wcap, sizeof *kb->words);
    kb->edges = calloc(kb->ecap, sizeof *kb->edges);
    node_new(kb);   /* the root, node 0 */
    kb->rootcap = 1024;
    kb->root = calloc(kb->rootcap, sizeof *kb->root);
    kb->wstr = calloc(kb->rootcap, sizeof *kb->wstr);
    kb->wlen = calloc(kb->rootcap, sizeof *kb->wlen);
    if (!kb->words || !kb->edges || kb->nnodes != 1 || !kb->root || !kb->wstr || !kb->wlen) {
        free(kb->wstr);
        free(kb->wlen);
        free(kb->words);
        free(kb->edges);
        free(kb->nodes);
        free(kb->root);
        free(kb);
        return chr_error_set(err, CHR_ENOMEM, NULL, 0, "out of memory");
    }
    kb->root[0] = 0;
    *out = kb;
    return CHR_OK;
}

int chr_kb_finish(chr_kb *kb, chr_error *err)
{
    if (kb->finished) return CHR_OK;
    /* Every code must be one that a state or an organisation defines, and
     * every place must lie in a state. */
    for (size_t i = 0; i < kb->nentries; i++) {
        chr_entry *e = &kb->entries[i];
        if (e->code[0]) {
            chr_entry *o = code_owner(kb, e->code);
            if (!o)
                return chr_error_set(err, CHR_EDATA, e->file, e->line,
                                     "unknown code %s for %s: not defined by any type=state "
                                     "or type=org entry", e->code, e->name);
            e->of = o;
        }
        if (e->country[0]) {
            chr_entry *o = code_owner(kb, e->country);
            if (!o || o->type != CHR_ET_STATE)
                return chr_error_set(err, CHR_EDATA, e->file, e->line,
                                     "unknown country %s for %s: not defined by any "
                                     "type=state entry", e->country, e->name);
        }
    }
    /* Lay the terminals of each node out contiguously, in the order they
     * were defined. */
    chr_kb_term *nt = malloc((kb->nterms ? kb->nterms : 1) * sizeof *nt);
    if (!nt) return chr_error_set(err, CHR_ENOMEM, NULL, 0, "out of memory");
    size_t k = 0;
    for (size_t i = 0; i < kb->nnodes; i++) {
        chr_kb_node *nd = &kb->nodes[i];
        uint32_t first = (uint32_t)k;
        for (uint32_t ti = nd->term; ti != NONE; ti = kb->terms[ti].next) {
            nt[k] = kb->terms[ti];
            nt[k].next = NONE;
            k++;
        }
        nd->term = first;
    }
    free(kb->terms);
    kb->terms = nt;
    kb->cterms = kb->nterms;
    for (size_t i = 0; i < kb->nloaded; i++) free(kb->loaded[i]);
    free(kb->loaded);
    kb->loaded = NULL;
    kb->nloaded = kb->cloaded = 0;
    chr_arena_free(&kb->scratch);
    kb->finished = 1;
    return CHR_OK;
}

void chr_kb_close(chr_kb *kb)
{
    if (!kb) return;
    for (size_t i = 0; i < kb->nloaded; i++) free(kb->loaded[i]);
    free(kb->loaded);
    free(kb->entries);
    free(kb->words);
    free(kb->root);
    free(kb->wstr);
    free(kb->wlen);
    free(kb->edges);
    free(kb->nodes);
    free(kb->terms);
    free(kb->cases);
    free(kb->codes);
    chr_arena_free(&kb->scratch);
    chr_arena_free(&kb->arena);
    free(kb);
}

int chr_kb_open_bundled(chr_kb **out, const char *data_dir, const char *const *extra,
                        size_t nextra, chr_error *err)
{
    *out = NULL;
    chr_kb *kb;
    int rc = chr_kb_open(&kb, err);
    if (rc != CHR_OK) return rc;
    char dir[PATH_MAX];
    if ((size_t)snprintf(dir, sizeof dir, "%s/kb", data_dir ? data_dir : "data") >= sizeof dir)
        rc = chr_error_set(err, CHR_EIO, data_dir, 0, "path too long");
    if (rc == CHR_OK) rc = chr_kb_load_dir(kb, dir, err);
    for (size_t i = 0; i < nextra && rc == CHR_OK; i++) rc = chr_kb_load_file(kb, extra[i], err);
    if (rc == CHR_OK) rc = chr_kb_finish(kb, err);
    if (rc != CHR_OK) {
        chr_kb_close(kb);
        return rc;
    }
    *out = kb;
    return CHR_OK;
}

/* ---- looking up -------------------------------------------------------------------- */

size_t chr_kb_nentries(const chr_kb *kb) { return kb->nentries; }

const chr_entry *chr_kb_entry(const chr_kb *kb, size_t i)
{
    return i < kb->nentries ? &kb->entries[i] : NULL;
}

/* The entries whose names are the tokens of t from token first on. */
static size_t lookup_from(const chr_kb *kb, const chr_text *t, size_t first,
                          const chr_entry **out, size_t max)
{
    uint32_t path[CHR_KB_MAX_WORDS];
    size_t np = 0, found = 0;
    uint32_t node = 0;
    for (size_t i = first; i < t->ntoks; i++) {
        const chr_token *k = &t->toks[i];
        if (k->type == CHR_TOK_PUNCT && t->norm[k->start] == '-') continue;
        char low[256];
        size_t ll = chr_kb_lower(t->norm + k->start, chr_tok_len(k),
                                 (k->flags & CHR_TF_ASCII) != 0, low, sizeof low);
        uint32_t w = ll ? chr_kb_word_find(kb, chr_kb_hash(low, ll), low, ll) : 0;
        if (!w || np == CHR_KB_MAX_WORDS) return 0;
        node = np == 0 ? kb->root[w] : chr_kb_edge_find(kb, node, w);
        if (!node) return 0;
        path[np++] = (uint32_t)i;
    }
    if (!np) return 0;
    const chr_kb_node *nd = &kb->nodes[node];
    for (uint32_t ti = nd->term; ti < nd->term + nd->nterm && found < max; ti++) {
        const chr_kb_term *term = &kb->terms[ti];
        if (term->ntok != np || (term->flags & CHR_KT_LATE)) continue;
        int ok = 1;
        for (size_t j = 0; j < np && ok; j++) {
            uint16_t f = t->toks[path[j]].flags;
            uint8_t cs = kb->cases[term->casepat + j];
            if (cs == CHR_KB_CASE_CAP && !(f & CHR_TF_CAP)) ok = 0;
            if (cs == CHR_KB_CASE_UPPER && !(f & CHR_TF_UPPER)) ok = 0;
        }
        const chr_entry *e = &kb->entries[term->entry];
        for (size_t j = 0; j < found && ok; j++)
            if (out[j] == e) ok = 0;
        if (ok) out[found++] = e;
    }
    return found;
}

size_t chr_kb_lookup(const chr_kb *kb, const char *name, const chr_entry **out, size_t max)
{
    if (!kb->finished || !name) return 0;
    chr_arena a;
    chr_arena_init(&a, 4096);
    chr_text t;
    size_t found = 0;
    if (chr_text_build(&t, &a, name, strlen(name)) == 0 && t.ntoks) {
        /* "the bloc" is a name with its article, "the Kremlin" one without */
        found = lookup_from(kb, &t, 0, out, max);
        if (!found && t.ntoks > 1 && chr_tok_is(&t, &t.toks[0], "the"))
            found = lookup_from(kb, &t, 1, out, max);
    }
    chr_arena_free(&a);
    return found;
}

void chr_kb_stats_get(const chr_kb *kb, chr_kb_stats *st)
{
    memset(st, 0, sizeof *st);
    st->entries = kb->nentries;
    st->aliases = kb->naliases;
    st->keys = kb->nterms;
    st->words = kb->nwords;
    st->nodes = kb->nnodes;
    st->bytes = kb->arena.total + kb->centries * sizeof *kb->entries +
                kb->wcap * sizeof *kb->words +
                kb->rootcap * (sizeof *kb->root + sizeof *kb->wstr + sizeof *kb->wlen) +
                kb->ecap * sizeof *kb->edges + kb->cnodes * sizeof *kb->nodes +
                kb->cterms * sizeof *kb->terms + kb->ccases +
                kb->ccodes * sizeof *kb->codes;
}
