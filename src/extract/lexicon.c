/*
 * lexicon.c - the word table behind the shallow parser; see lexicon.h.
 *
 * Load order, each step refining the last:
 *   1. WordNet index.{noun,verb,adj,adv}: one entry per single-word lemma;
 *   2. WordNet {verb,noun,adj}.exc: irregular forms and their lemmas;
 *   3. WordNet cntlist.rev: how often each lemma was seen as noun / verb;
 *   4. irregular.txt: which irregular form is past and which participle;
 *   5. closed.txt then overrides.txt: function words and corrections, whose
 *      tags replace WordNet's;
 *   6. the common-word table (below).
 *
 * The main table is open addressing over (hash, entry index) slots; an
 * entry is one 64-byte cache line holding its key, so a lookup costs two
 * memory accesses (slot, entry) and the key comparison is four word
 * compares.  Regular inflections are not stored: chr_lexicon_lookup()
 * strips -s, -es, -ies, -ed, -ing, -er, -est and checks the candidate
 * lemma, so a lookup costs one to four probes.
 *
 * Lookups are bound by memory latency, not by computing, so the words that
 * make up most of a news text -- every word a data file mentions, and the
 * 2,500 most frequent WordNet lemmas with their inflected forms -- also sit
 * in a second, denser table with their analysis already done; it is
 * consulted first.  Capitalized words in mid sentence consult only that
 * table (chr_lexicon_lookup_common): they are names unless they are
 * function words.
 *
 * The tables are keyed by the text layer's word hash (chr_text_hash), which
 * the tokenizer has already made for every token: the tagger passes it in
 * (chr_lexicon_lookup_h) and asks for the slots of the words ahead early
 * (chr_lexicon_prefetch).
 *
 * Marks (chr_lexicon_mark) ride on the entries' features: a lookup ORs
 * those of the word and its lemmas.  For the tokens that are never looked
 * up, the sieve lists, by hash, every form whose lookup could carry a mark
 * (see sieve_put_forms: the inverse of inflect() and guess()).
 *
 * The arrays are sized once and committed in one go (on Linux, on huge
 * pages): a fresh page costs a fault each, and on virtual machines a few
 * thousand faults cost more than the parsing.  Loading takes 15-40 ms.
 */
#include "extract/lexicon.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

#define MAX_WORD 32         /* keys are shorter; longer words are guessed */
#define NONE UINT32_MAX

enum {                      /* entry flags */
    EF_COMPLETE = 1,        /* a data file set its tags */
    EF_IRREGULAR = 2,       /* irregular.txt set its verb forms */
    EF_DATA = 4,            /* a data file mentions it: a common word */
    EF_MW = 8,              /* a multi-word entry (according_to) */
    EF_NOTED = 16           /* in the list of entries with links (noted) */
};

typedef struct lex_ent {
    char key[MAX_WORD];     /* lower case, NUL-padded */
    uint32_t tags, feats;
    uint32_t vlemma, nlemma;    /* entry indices, NONE: the word itself */
    uint16_t nfreq, vfreq;
    uint8_t len, vforms, aux, modal, flags;
} lex_ent;

/* A key as looked up: NUL-padded to the entry's key size. */
typedef union keybuf { char c[MAX_WORD]; uint64_t w[MAX_WORD / 8]; } keybuf;

typedef struct lex_slot { uint32_t hash, idx; } lex_slot;

/* The common words: every word a Chronicle data file mentions (function
 * words, irregular forms, report verbs, ...), with its lookup already done.
 * They are about half the words of a news text, and this table is small
 * enough to stay in the processor's cache. */
typedef struct lex_common {
    char key[MAX_WORD];
    uint32_t hash;
    uint32_t tags, feats;
    uint32_t vlemma, nlemma;        /* entry indices of the lemmas, NONE */
    uint16_t nfreq, vfreq;
    uint8_t len, vforms, aux, modal, vlen, nlen;
} lex_common;

/* A marked word (chr_lexicon_mark). */
typedef struct lex_mark {
    keybuf key;
    uint32_t hash, marks;
} lex_mark;

struct chr_lexicon {
    lex_ent *ents;
    uint32_t nents, capents;
    lex_slot *slots;
    uint32_t mask;
    int has_wordnet;
    int mw_max;
    char *lbuf;             /* line buffer, only while loading */
    lex_common *common;     /* open addressing, empty when len == 0 */
    uint32_t common_mask;   /* 0: no common table (yet) */
    lex_mark *marked;       /* open addressing, empty when marks == 0 */
    uint32_t marked_mask, nmarked;
    uint8_t mark_first[32]; /* the first bytes of the marked words, a bit each */
    uint32_t *noted;        /* the entries with lemma links, an auxiliary or a
                               data file's word: the few the sieve must know */
    uint32_t nnoted, capnoted;
    uint32_t *mw_pre;       /* hashes of the multi-word entries' prefixes (chr_lexicon_mw_may) */
    uint32_t mw_pre_mask;
    uint64_t *sieve;        /* the forms that may carry marks (see chr_lexicon_sieve) */
    uint32_t sieve_mask, sieve_count;
    uint64_t sieve_bits[CHR_SIEVE_WORDS];   /* a bit per form, by the top bits of its hash */
};

/* ---- names ------------------------------------------------------------- */

static const char *const tag_names[CHR_T_COUNT] = {
    "X", "DET", "PRON", "NOUN", "PROPN", "ADJ", "NUM", "VERB", "AUX", "MODAL",
    "ADV", "ADP", "CCONJ", "SCONJ", "PART", "PUNCT", "SYM"
};

const char *chr_tag_name(int tag)
{
    return tag >= 0 && tag < CHR_T_COUNT ? tag_names[tag] : "?";
}

static const char *const vform_names[] = {
    "base", "pres", "pres3", "past", "pastpart", "gerund"
};

const char *chr_vform_name(int vform)
{
    for (int i = 0; i < 6; i++)
        if (vform == (1 << i)) return vform_names[i];
    return "";
}

static const char *const modal_names[CHR_MODAL_COUNT] = {
    "", "will", "would", "shall", "should", "can", "could", "may", "might", "must"
};

const char *chr_modal_name(int modal)
{
    return modal >= 0 && modal < CHR_MODAL_COUNT ? modal_names[modal] : "";
}

/* ---- the hash table ------------------------------------------------------ */

static inline unsigned char lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

/* The hash of key kb of n bytes: the text layer's (chr_text_hash), so that
 * the tokens' hashes (chr_text.hash) index the tables without a second
 * pass over their letters; taken from the padded key's words. */
static inline uint32_t key_hash(const keybuf *kb, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t h = 0;
    for (size_t i = 0; i < n; i += 8) h = chr_text_hash_step(h, kb->w[i / 8]);
    return (uint32_t)chr_text_hash_end(h, n);
#else
    return (uint32_t)chr_text_hash(kb->c, n);
#endif
}

/* Zeroed memory for the long-lived arrays.  On Linux they are mapped on
 * 2 MiB boundaries and asked for huge pages: lookups jump at random over
 * megabytes, and with 4 KiB pages most of them would also miss the TLB. */
#define HUGE_PAGE ((size_t)2 << 20)

static void *big_alloc(size_t n)
{
#if defined(__linux__) && defined(MAP_POPULATE)
    size_t len = (n + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    char *p = mmap(NULL, len + HUGE_PAGE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return NULL;
    char *q = (char *)(((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
    if (q > p) munmap(p, (size_t)(q - p));
    if (q + len < p + len + HUGE_PAGE) munmap(q + len, (size_t)(p + len + HUGE_PAGE - (q + len)));
#ifdef MADV_HUGEPAGE
    madvise(q, len, MADV_HUGEPAGE);
#endif
#ifdef MADV_POPULATE_WRITE
    madvise(q, len, MADV_POPULATE_WRITE);
#endif
    return q;
#else
    return calloc(1, n);
#endif
}

static void big_free(void *p, size_t n)
{
    if (!p) return;
#if defined(__linux__) && defined(MAP_POPULATE)
    munmap(p, (n + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1));
#else
    (void)n;
    free(p);
#endif
}

/* Replace *p (old bytes, used bytes in use) by a region of new bytes. */
static int big_grow(void **p, size_t old, size_t used, size_t new)
{
    void *q = big_alloc(new);
    if (!q) return -1;
    memcpy(q, *p, used);
    big_free(*p, old);
    *p = q;
    return 0;
}

static inline const char *key_of(const chr_lexicon *lx, const lex_ent *e)
{
    (void)lx;
    return e->key;
}

/* Pad k[0..n) (n < MAX_WORD) into kb. */
static inline void key_make(keybuf *kb, const char *k, size_t n)
{
    memset(kb, 0, sizeof *kb);
    memcpy(kb->c, k, n);
}

static inline int key_eq(const lex_ent *e, const keybuf *kb)
{
    uint64_t w[MAX_WORD / 8];
    memcpy(w, e->key, sizeof w);
    return ((w[0] ^ kb->w[0]) | (w[1] ^ kb->w[1]) | (w[2] ^ kb->w[2]) |
            (w[3] ^ kb->w[3])) == 0;
}

static uint32_t find(const chr_lexicon *lx, const keybuf *kb, uint32_t h)
{
    for (uint32_t i = h & lx->mask;; i = (i + 1) & lx->mask) {
        const lex_slot *s = &lx->slots[i];
        if (s->idx == NONE) return NONE;
        if (s->hash == h && key_eq(&lx->ents[s->idx], kb)) return s->idx;
    }
}

static int grow_slots(chr_lexicon *lx)
{
    uint32_t ncap = (lx->mask + 1) * 2;
    lex_slot *ns = big_alloc(ncap * sizeof *ns);
    if (!ns) return -1;
    memset(ns, 0xff, ncap * sizeof *ns);
    for (uint32_t i = 0; i <= lx->mask; i++) {
        if (lx->slots[i].idx == NONE) continue;
        uint32_t j = lx->slots[i].hash & (ncap - 1);
        while (ns[j].idx != NONE) j = (j + 1) & (ncap - 1);
        ns[j] = lx->slots[i];
    }
    big_free(lx->slots, (lx->mask + 1) * sizeof *lx->slots);
    lx->slots = ns;
    lx->mask = ncap - 1;
    return 0;
}

/* The entry for k[0..n) (lower case), created when absent; NONE when out of
 * memory or when the word is too long to be useful. */
static uint32_t intern(chr_lexicon *lx, const char *k, size_t n)
{
    if (n == 0 || n >= MAX_WORD) return NONE;
    keybuf kb;
    key_make(&kb, k, n);
    uint32_t h = key_hash(&kb, n);
    uint32_t idx = find(lx, &kb, h);
    if (idx != NONE) return idx;
    if ((lx->nents + 1) * 2 > lx->mask + 1 && grow_slots(lx) != 0) return NONE;
    if (lx->nents == lx->capents) {
        size_t sz = sizeof *lx->ents;
        if (big_grow((void **)&lx->ents, lx->capents * sz, lx->nents * sz,
                     2 * lx->capents * sz) != 0)
            return NONE;
        lx->capents *= 2;
    }
    idx = lx->nents++;
    lex_ent *e = &lx->ents[idx];
    memset(e, 0, sizeof *e);
    memcpy(e->key, kb.c, sizeof e->key);
    e->len = (uint8_t)n;
    e->vlemma = e->nlemma = NONE;
    uint32_t i = h & lx->mask;
    while (lx->slots[i].idx != NONE) i = (i + 1) & lx->mask;
    lx->slots[i].hash = h;
    lx->slots[i].idx = idx;
    return idx;
}

/* Put entry idx in the list of noted entries (once); -1 when out of memory. */
static int note(chr_lexicon *lx, uint32_t idx)
{
    if (lx->ents[idx].flags & EF_NOTED) return 0;
    if (lx->nnoted == lx->capnoted) {
        uint32_t cap = lx->capnoted ? 2 * lx->capnoted : 1024;
        uint32_t *v = realloc(lx->noted, cap * sizeof *v);
        if (!v) return -1;
        lx->noted = v;
        lx->capnoted = cap;
    }
    lx->noted[lx->nnoted++] = idx;
    lx->ents[idx].flags |= EF_NOTED;
    return 0;
}

/* ---- reading files ------------------------------------------------------- */

/* Files are read line by line through one reused buffer: touching fresh
 * memory costs a page fault per 4 KiB, which on some machines dwarfs the
 * parsing itself. */
#define LINE_BUF (1 << 16)

typedef struct line_reader {
    FILE *f;
    char *buf;          /* LINE_BUF + 1 bytes, shared by all files */
    size_t pos, len;
    long line;
    int eof;
} line_reader;

static int reader_open(line_reader *r, char *buf, const char *path)
{
    memset(r, 0, sizeof *r);
    r->buf = buf;
    r->f = fopen(path, "rb");
    return r->f ? 0 : -1;
}

/* The next line, NUL-terminated and without its newline, in *line (it may
 * be modified); its length in *n.  Returns 0 at the end, -1 on a read error
 * or a line longer than the buffer. */
static int reader_next(line_reader *r, char **line, size_t *n)
{
    for (;;) {
        char *start = r->buf + r->pos;
        char *nl = memchr(start, '\n', r->len - r->pos);
        if (nl || (r->eof && r->pos < r->len)) {
            if (!nl) nl = r->buf + r->len;
            *nl = '\0';
            *line = start;
            *n = (size_t)(nl - start);
            r->pos = (size_t)(nl - r->buf) + 1;
            if (r->pos > r->len) r->pos = r->len;
            r->line++;
            return 1;
        }
        if (r->eof) return 0;
        /* keep the partial line, refill behind it */
        size_t keep = r->len - r->pos;
        if (keep == LINE_BUF) return -1;
        memmove(r->buf, r->buf + r->pos, keep);
        r->pos = 0;
        r->len = keep;
        size_t got = fread(r->buf + keep, 1, LINE_BUF - keep, r->f);
        r->len += got;
        if (got == 0) {
            if (ferror(r->f)) return -1;
            r->eof = 1;
        }
    }
}

static void reader_close(line_reader *r)
{
    if (r->f) fclose(r->f);
    r->f = NULL;
}

static int path_join(char *out, size_t cap, const char *dir, const char *name)
{
    int r = snprintf(out, cap, "%s/%s", dir, name);
    return r > 0 && (size_t)r < cap;
}

/* Whether a WordNet lemma can ever match one token: letters and inner
 * apostrophes only (tokens split at hyphens, and '_' joins multi-word
 * lemmas, which Chronicle's own data lists where they matter). */
static int single_word(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!((c >= 'a' && c <= 'z') || c == '\'' || c >= 0x80)) return 0;
    }
    return 1;
}

/* Open dir/name for reading through lx's line buffer. */
static int open_in(chr_lexicon *lx, line_reader *r, const char *dir,
                   const char *name, char *path, size_t cap)
{
    if (!path_join(path, cap, dir, name)) return -1;
    return reader_open(r, lx->lbuf, path);
}

/* index.noun etc.: "lemma pos synset_cnt ...", license lines start with a
 * space. */
static int load_index(chr_lexicon *lx, const char *dir, const char *name,
                      uint32_t tag, chr_error *err)
{
    char path[1024];
    line_reader r;
    if (open_in(lx, &r, dir, name, path, sizeof path) != 0)
        return chr_error_set(err, CHR_EIO, path, 0, "cannot read WordNet file");
    char *p;
    size_t len;
    int got, rc = CHR_OK;
    while ((got = reader_next(&r, &p, &len)) > 0) {
        if (*p == ' ') continue;
        const char *sp = memchr(p, ' ', len);
        size_t n = sp ? (size_t)(sp - p) : len;
        if (n >= MAX_WORD || !single_word(p, n)) continue;
        uint32_t i = intern(lx, p, n);
        if (i == NONE) { rc = CHR_ENOMEM; break; }
        lx->ents[i].tags |= CHR_TB(tag);
        if (tag == CHR_T_VERB) lx->ents[i].vforms |= CHR_VF_BASE;
    }
    if (got < 0) rc = chr_error_set(err, CHR_EIO, path, r.line, "read error");
    reader_close(&r);
    return rc;
}

static int ends_with(const char *s, size_t n, const char *suf)
{
    size_t m = strlen(suf);
    return n >= m && memcmp(s + n - m, suf, m) == 0;
}

/* verb.exc / noun.exc / adj.exc: "form lemma [lemma ...]". */
static int load_exc(chr_lexicon *lx, const char *dir, const char *name,
                    uint32_t tag, chr_error *err)
{
    char path[1024];
    line_reader r;
    if (open_in(lx, &r, dir, name, path, sizeof path) != 0)
        return chr_error_set(err, CHR_EIO, path, 0, "cannot read WordNet file");
    char *p;
    size_t len;
    int got, rc = CHR_OK;
    while ((got = reader_next(&r, &p, &len)) > 0) {
        const char *nl = p + len;
        const char *a = p, *ae = a;
        while (ae < nl && *ae != ' ') ae++;
        const char *b = ae < nl ? ae + 1 : nl, *be = b;
        while (be < nl && *be != ' ') be++;
        size_t an = (size_t)(ae - a), bn = (size_t)(be - b);
        if (!an || !bn || an >= MAX_WORD || bn >= MAX_WORD ||
            !single_word(a, an) || !single_word(b, bn))
            continue;
        if (an == bn && memcmp(a, b, an) == 0) continue;    /* "seed seed" */
        uint32_t fi = intern(lx, a, an);
        uint32_t li = intern(lx, b, bn);
        if (fi == NONE || li == NONE) { rc = CHR_ENOMEM; break; }
        lex_ent *f = &lx->ents[fi];
        f->tags |= CHR_TB(tag);
        if (tag == CHR_T_VERB) {
            /* the exception list mixes past forms with doubled -ing and
               irregular -s forms; the suffix tells which */
            if (ends_with(a, an, "ing") && !ends_with(b, bn, "ing"))
                f->vforms |= CHR_VF_GERUND;
            else if (ends_with(a, an, "s") && !ends_with(b, bn, "s") &&
                     an > bn && memcmp(a, b, bn - 1) == 0)
                f->vforms |= CHR_VF_PRES3;
            else
                f->vforms |= CHR_VF_PAST | CHR_VF_PASTPART;
            if (f->vlemma == NONE && fi != li) f->vlemma = li;
            if (note(lx, fi) != 0) { rc = CHR_ENOMEM; break; }
            lx->ents[li].tags |= CHR_TB(CHR_T_VERB);
            lx->ents[li].vforms |= CHR_VF_BASE;
        } else if (tag == CHR_T_NOUN) {
            f->feats |= CHR_LF_PL;
            if (f->nlemma == NONE && fi != li) f->nlemma = li;
            if (note(lx, fi) != 0) { rc = CHR_ENOMEM; break; }
        }
    }
    if (got < 0) rc = chr_error_set(err, CHR_EIO, path, r.line, "read error");
    reader_close(&r);
    return rc;
}

static uint16_t sat_add(uint16_t a, long b)
{
    long s = (long)a + b;
    return s > 65535 ? 65535 : (uint16_t)s;
}

/* cntlist.rev: "lemma%ss_type:lex_filenum:lex_id:: sense_number tag_cnt";
 * ss_type 1 is a noun sense, 2 a verb sense.  Optional. */
static void load_counts(chr_lexicon *lx, const char *dir)
{
    char path[1024];
    line_reader r;
    if (open_in(lx, &r, dir, "cntlist.rev", path, sizeof path) != 0) return;
    char *p;
    size_t len;
    while (reader_next(&r, &p, &len) > 0) {
        const char *nl = p + len;
        const char *pc = memchr(p, '%', len);
        if (!pc || pc + 1 >= nl) continue;
        size_t n = (size_t)(pc - p);
        char type = pc[1];
        const char *sp = nl;
        while (sp > pc && sp[-1] != ' ') sp--;
        long cnt = strtol(sp, NULL, 10);
        if (n >= MAX_WORD || cnt <= 0 || !single_word(p, n)) continue;
        keybuf kb;
        key_make(&kb, p, n);
        uint32_t i = find(lx, &kb, key_hash(&kb, n));
        if (i == NONE) continue;
        if (type == '1') lx->ents[i].nfreq = sat_add(lx->ents[i].nfreq, cnt);
        else if (type == '2') lx->ents[i].vfreq = sat_add(lx->ents[i].vfreq, cnt);
    }
    reader_close(&r);
}

/* Split line [p, nl) into white-space separated fields; '#' ends it. */
static int split_fields(char *p, char *nl, char **f, int maxf)
{
    int nf = 0;
    char *q = p;
    while (q < nl) {
        while (q < nl && (*q == ' ' || *q == '\t' || *q == '\r')) q++;
        if (q >= nl || *q == '#') break;
        if (nf == maxf) return -1;
        f[nf++] = q;
        while (q < nl && *q != ' ' && *q != '\t' && *q != '\r') q++;
        *q++ = '\0';
    }
    return nf;
}

/* Parse a comma list of names against table[]; OR bits[i] into *out. */
static int parse_names(const char *s, const char *const *names, const uint32_t *bits,
                       size_t count, uint32_t *out)
{
    while (*s) {
        const char *c = strchr(s, ',');
        size_t n = c ? (size_t)(c - s) : strlen(s);
        size_t i;
        for (i = 0; i < count; i++)
            if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0) break;
        if (i == count) return -1;
        *out |= bits[i];
        s += n + (c ? 1 : 0);
    }
    return 0;
}

static int lower_word(char *s)
{
    for (char *q = s; *q; q++) {
        if (*q >= 'A' && *q <= 'Z') return -1;
    }
    return 0;
}

/* closed.txt / overrides.txt: "WORD TAGS FEATURE...". */
static int load_words(chr_lexicon *lx, const char *dir, const char *name,
                      chr_error *err)
{
    char path[1024];
    line_reader r;
    if (open_in(lx, &r, dir, name, path, sizeof path) != 0)
        return chr_error_set(err, CHR_EIO, path, 0, "cannot read lexicon file");

    static const char *const tagn[] = {
        "DET", "PRON", "NOUN", "PROPN", "ADJ", "NUM", "VERB", "AUX", "MODAL",
        "ADV", "ADP", "CCONJ", "SCONJ", "PART"
    };
    static const uint32_t tagb[] = {
        CHR_TB(CHR_T_DET), CHR_TB(CHR_T_PRON), CHR_TB(CHR_T_NOUN), CHR_TB(CHR_T_PROPN),
        CHR_TB(CHR_T_ADJ), CHR_TB(CHR_T_NUM), CHR_TB(CHR_T_VERB), CHR_TB(CHR_T_AUX),
        CHR_TB(CHR_T_MODAL), CHR_TB(CHR_T_ADV), CHR_TB(CHR_T_ADP), CHR_TB(CHR_T_CCONJ),
        CHR_TB(CHR_T_SCONJ), CHR_TB(CHR_T_PART)
    };
    static const char *const formn[] = { "base", "pres", "pres3", "past", "pastpart", "gerund" };
    static const uint32_t formb[] = { CHR_VF_BASE, CHR_VF_PRES, CHR_VF_PRES3, CHR_VF_PAST,
                                      CHR_VF_PASTPART, CHR_VF_GERUND };
    static const char *const auxn[] = { "be", "have", "do", "get" };
    static const uint32_t auxb[] = { CHR_AUX_BE, CHR_AUX_HAVE, CHR_AUX_DO, CHR_AUX_GET };
    static const char *const personn[] = { "1", "2", "3" };
    static const uint32_t personb[] = { CHR_LF_P1, CHR_LF_P2, CHR_LF_P3 };
    static const char *const numbern[] = { "sg", "pl" };
    static const uint32_t numberb[] = { CHR_LF_SG, CHR_LF_PL };
    static const char *const casen[] = { "nom", "acc", "poss", "refl" };
    static const uint32_t caseb[] = { CHR_LF_NOM, CHR_LF_ACC, CHR_LF_POSS, CHR_LF_REFL };
    static const char *const flagn[] = {
        "rel", "neg", "qpre", "time", "report", "particle", "prefix", "exist", "clitic"
    };
    static const uint32_t flagb[] = {
        CHR_LF_REL, CHR_LF_NEG, CHR_LF_QPRE, CHR_LF_TIME, CHR_LF_REPORT,
        CHR_LF_PARTICLE, CHR_LF_PREFIX, CHR_LF_EXIST, CHR_LF_CLITIC
    };
#define N(a) (sizeof(a) / sizeof((a)[0]))

    int rc = CHR_OK, got;
    char *p;
    size_t len;
    while ((got = reader_next(&r, &p, &len)) > 0) {
        long line = r.line;
        char *f[16];
        int nf = split_fields(p, p + len, f, 16);
        if (nf == 0) continue;
        if (nf < 0) {
            rc = chr_error_set(err, CHR_EDATA, path, line, "too many fields");
            break;
        }
        if (nf < 2) {
            rc = chr_error_set(err, CHR_EDATA, path, line, "expected WORD TAGS [FEATURE ...]");
            break;
        }
        if (lower_word(f[0]) != 0) {
            rc = chr_error_set(err, CHR_EDATA, path, line, "word '%s' must be lower case", f[0]);
            break;
        }
        uint32_t tags = 0;
        int keep = strcmp(f[1], "*") == 0;
        if (!keep && parse_names(f[1], tagn, tagb, N(tagn), &tags) != 0) {
            rc = chr_error_set(err, CHR_EDATA, path, line, "unknown tag in '%s'", f[1]);
            break;
        }
        size_t wn = strlen(f[0]);
        uint32_t idx = intern(lx, f[0], wn);
        if (idx == NONE) {
            rc = wn >= MAX_WORD
                ? chr_error_set(err, CHR_EDATA, path, line, "word too long")
                : chr_error_set(err, CHR_ENOMEM, path, line, "out of memory");
            break;
        }
        uint32_t vforms = 0, aux = 0, modal = 0, feats = 0, vlemma = NONE;
        int bad = 0, i;
        for (i = 2; i < nf && !bad; i++) {
            char *eq = strchr(f[i], '=');
            if (!eq) {
                bad = parse_names(f[i], flagn, flagb, N(flagn), &feats) != 0;
                continue;
            }
            size_t kn = (size_t)(eq - f[i]);
            const char *v = eq + 1;
#define KEY(s) (kn == strlen(s) && memcmp(f[i], s, kn) == 0)
            if (KEY("lemma")) {
                bad = lower_word(eq + 1) != 0 ||
                      (vlemma = intern(lx, v, strlen(v))) == NONE;
            } else if (KEY("form")) {
                bad = parse_names(v, formn, formb, N(formn), &vforms) != 0;
            } else if (KEY("aux")) {
                bad = parse_names(v, auxn, auxb, N(auxn), &aux) != 0;
            } else if (KEY("modal")) {
                for (modal = 1; modal < CHR_MODAL_COUNT; modal++)
                    if (strcmp(modal_names[modal], v) == 0) break;
                bad = modal == CHR_MODAL_COUNT;
            } else if (KEY("person")) {
                bad = parse_names(v, personn, personb, N(personn), &feats) != 0;
            } else if (KEY("number")) {
                bad = parse_names(v, numbern, numberb, N(numbern), &feats) != 0;
            } else if (KEY("case")) {
                bad = parse_names(v, casen, caseb, N(casen), &feats) != 0;
            } else {
                bad = 1;
            }
#undef KEY
        }
        if (bad) {
            rc = chr_error_set(err, CHR_EDATA, path, line, "bad feature '%s'", f[i - 1]);
            break;
        }
        if (note(lx, idx) != 0) { rc = chr_error_set(err, CHR_ENOMEM, path, line, "out of memory"); break; }
        lex_ent *e = &lx->ents[idx];          /* intern() may have moved it */
        e->flags |= EF_DATA;
        if (!keep) {
            /* explicit tags replace what WordNet said ("a" is no noun) */
            e->tags = tags;
            e->flags |= EF_COMPLETE;
            if (!(tags & (CHR_TB(CHR_T_VERB) | CHR_TB(CHR_T_AUX)))) {
                e->vforms = 0;
                e->vlemma = NONE;
            }
            if (!(tags & CHR_TB(CHR_T_NOUN))) e->nlemma = NONE;
        }
        if (vforms) e->vforms = (uint8_t)vforms;
        if (aux) e->aux = (uint8_t)aux;
        if (modal) e->modal = (uint8_t)modal;
        if (vlemma != NONE && vlemma != idx) e->vlemma = vlemma;
        e->feats |= feats;
        if ((e->tags & CHR_TB(CHR_T_VERB)) && !e->vforms) e->vforms = CHR_VF_BASE;

        /* multi-word entries: mark the first word */
        const char *us = strchr(f[0], '_');
        if (us) {
            lx->ents[idx].flags |= EF_MW;
            int words = 1;
            for (const char *q = f[0]; *q; q++) words += *q == '_';
            if (words > lx->mw_max) lx->mw_max = words;
            uint32_t fi = intern(lx, f[0], (size_t)(us - f[0]));
            if (fi == NONE) { rc = chr_error_set(err, CHR_ENOMEM, path, line, "out of memory"); break; }
            lx->ents[fi].feats |= CHR_LF_MWSTART;
            lx->ents[fi].flags |= EF_DATA;
        }
    }
#undef N
    if (got < 0 && rc == CHR_OK)
        rc = chr_error_set(err, CHR_EIO, path, r.line + 1, "read error or line too long");
    reader_close(&r);
    return rc;
}

/* irregular.txt: "LEMMA PAST[,PAST2] PASTPART[,PASTPART2]". */
static int load_irregular(chr_lexicon *lx, const char *dir, chr_error *err)
{
    char path[1024];
    line_reader r;
    if (open_in(lx, &r, dir, "irregular.txt", path, sizeof path) != 0)
        return chr_error_set(err, CHR_EIO, path, 0, "cannot read lexicon file");
    int rc = CHR_OK, got;
    char *p;
    size_t len;
    while (rc == CHR_OK && (got = reader_next(&r, &p, &len)) > 0) {
        long line = r.line;
        char *f[4];
        int nf = split_fields(p, p + len, f, 4);
        if (nf == 0) continue;
        if (nf != 3 || lower_word(f[0]) || lower_word(f[1]) || lower_word(f[2])) {
            rc = chr_error_set(err, CHR_EDATA, path, line,
                               "expected LEMMA PAST PASTPART in lower case");
            break;
        }
        uint32_t li = intern(lx, f[0], strlen(f[0]));
        if (li == NONE) { rc = chr_error_set(err, CHR_EDATA, path, line, "bad lemma"); break; }
        lx->ents[li].tags |= CHR_TB(CHR_T_VERB);
        lx->ents[li].vforms |= CHR_VF_BASE;
        for (int col = 1; col <= 2 && rc == CHR_OK; col++) {
            uint8_t form = col == 1 ? CHR_VF_PAST : CHR_VF_PASTPART;
            char *s = f[col];
            while (*s) {
                char *c = strchr(s, ',');
                size_t n = c ? (size_t)(c - s) : strlen(s);
                uint32_t fi = intern(lx, s, n);
                if (fi == NONE) { rc = chr_error_set(err, CHR_EDATA, path, line, "bad form"); break; }
                lex_ent *fe = &lx->ents[fi];
                if (!(fe->flags & EF_IRREGULAR)) {
                    /* WordNet's exception said "past or participle" */
                    fe->vforms &= (uint8_t)~(CHR_VF_PAST | CHR_VF_PASTPART);
                    fe->flags |= EF_IRREGULAR | EF_DATA;
                }
                fe->tags |= CHR_TB(CHR_T_VERB);
                fe->vforms |= form;
                if (fi != li) fe->vlemma = li;
                if (note(lx, fi) != 0) { rc = CHR_ENOMEM; break; }
                s += n + (c ? 1 : 0);
            }
        }
    }
    if (got < 0 && rc == CHR_OK)
        rc = chr_error_set(err, CHR_EIO, path, r.line + 1, "read error or line too long");
    reader_close(&r);
    return rc;
}

/* ---- open and close -------------------------------------------------------- */

static int build_common(chr_lexicon *lx);

/* FNV-1a of w[0..n) in lower case, never 0 (an empty slot). */
static uint32_t mw_hash(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ lower((unsigned char)w[i])) * 16777619u;
    return h ? h : 1;
}

/* The multi-word entries' prefixes through their last '_' ("according_",
 * "in_order_"): a key that starts with none of them is no entry, nor an
 * inflection of one (inflections end in letters, so a stem keeps every
 * '_' of its word). */
static int build_mw_prefixes(chr_lexicon *lx)
{
    uint32_t n = 0, cap = 16;
    for (uint32_t i = 0; i < lx->nents; i++) n += (lx->ents[i].flags & EF_MW) != 0;
    while (cap < 4 * n) cap *= 2;
    lx->mw_pre = calloc(cap, sizeof *lx->mw_pre);
    if (!lx->mw_pre) return CHR_ENOMEM;
    lx->mw_pre_mask = cap - 1;
    for (uint32_t i = 0; i < lx->nents; i++) {
        const lex_ent *e = &lx->ents[i];
        if (!(e->flags & EF_MW)) continue;
        size_t p = e->len;
        while (p > 0 && e->key[p - 1] != '_') p--;
        uint32_t h = mw_hash(e->key, p), j = h & lx->mw_pre_mask;
        while (lx->mw_pre[j] && lx->mw_pre[j] != h) j = (j + 1) & lx->mw_pre_mask;
        lx->mw_pre[j] = h;
    }
    return CHR_OK;
}

int chr_lexicon_mw_may(const chr_lexicon *lx, const char *key, size_t n)
{
    size_t p = n;
    while (p > 0 && key[p - 1] != '_') p--;
    if (p == 0) return 1;
    uint32_t h = mw_hash(key, p);
    for (uint32_t j = h & lx->mw_pre_mask; lx->mw_pre[j]; j = (j + 1) & lx->mw_pre_mask)
        if (lx->mw_pre[j] == h) return 1;
    return 0;
}

int chr_lexicon_open(chr_lexicon **out, const char *data_dir,
                     const char *wordnet_dir, chr_error *err)
{
    *out = NULL;
    if (!data_dir) data_dir = chr_data_dir();
    if (!wordnet_dir) wordnet_dir = "/usr/share/wordnet";
    int rc = CHR_OK;
    chr_lexicon *lx = calloc(1, sizeof *lx);
    if (!lx) return chr_error_set(err, CHR_ENOMEM, NULL, 0, "out of memory");
    /* WordNet 3.0 has about 83,000 single-word forms; without it only the
       data files' two thousand are loaded */
    char probe[1024];
    struct stat st;
    int wn = path_join(probe, sizeof probe, wordnet_dir, "index.noun") &&
             stat(probe, &st) == 0;
    uint32_t nslots = wn ? 1u << 18 : 1u << 12;
    lx->capents = wn ? 96u * 1024 : 2048;
    lx->slots = big_alloc(nslots * sizeof *lx->slots);
    lx->ents = big_alloc(lx->capents * sizeof *lx->ents);
    lx->lbuf = malloc(LINE_BUF + 1);
    if (!lx->slots || !lx->ents || !lx->lbuf) { rc = CHR_ENOMEM; goto fail; }
    memset(lx->slots, 0xff, nslots * sizeof *lx->slots);
    lx->mask = nslots - 1;

    chr_error wnerr;
    static const char *const idx_files[] = { "index.noun", "index.verb", "index.adj", "index.adv" };
    static const int idx_tags[] = { CHR_T_NOUN, CHR_T_VERB, CHR_T_ADJ, CHR_T_ADV };
    lx->has_wordnet = wn;
    for (int i = 0; i < 4 && lx->has_wordnet; i++) {
        rc = load_index(lx, wordnet_dir, idx_files[i], (uint32_t)idx_tags[i], &wnerr);
        if (rc == CHR_ENOMEM) goto fail;
        if (rc != CHR_OK) lx->has_wordnet = 0;
    }
    /* a directory without WordNet leaves at most a partial noun list: start
       over from the data files alone rather than mix */
    if (!lx->has_wordnet) {
        memset(lx->slots, 0xff, (lx->mask + 1) * sizeof *lx->slots);
        lx->nents = 0;
    }
    if (lx->has_wordnet) {
        static const char *const exc_files[] = { "verb.exc", "noun.exc", "adj.exc" };
        static const int exc_tags[] = { CHR_T_VERB, CHR_T_NOUN, CHR_T_ADJ };
        for (int i = 0; i < 3; i++) {
            rc = load_exc(lx, wordnet_dir, exc_files[i], (uint32_t)exc_tags[i], &wnerr);
            if (rc == CHR_ENOMEM) goto fail;
        }
        load_counts(lx, wordnet_dir);
    }
    rc = CHR_OK;

    char dir[1024];
    if (!path_join(dir, sizeof dir, data_dir, "lexicon")) {
        rc = chr_error_set(err, CHR_EUSAGE, data_dir, 0, "data directory name too long");
        goto fail;
    }
    if ((rc = load_irregular(lx, dir, err)) != CHR_OK) goto fail;
    if ((rc = load_words(lx, dir, "closed.txt", err)) != CHR_OK) goto fail;
    if ((rc = load_words(lx, dir, "overrides.txt", err)) != CHR_OK) goto fail;
    if ((rc = build_common(lx)) != CHR_OK) goto fail;
    if ((rc = build_mw_prefixes(lx)) != CHR_OK) goto fail;
    free(lx->lbuf);
    lx->lbuf = NULL;
    *out = lx;
    return CHR_OK;
fail:
    if (rc == CHR_ENOMEM) chr_error_set(err, CHR_ENOMEM, NULL, 0, "out of memory");
    chr_lexicon_close(lx);
    return rc;
}

void chr_lexicon_close(chr_lexicon *lx)
{
    if (!lx) return;
    big_free(lx->common, lx->common ? (size_t)(lx->common_mask + 1) * sizeof *lx->common : 0);
    big_free(lx->ents, lx->capents * sizeof *lx->ents);
    big_free(lx->slots, lx->slots ? (lx->mask + 1) * sizeof *lx->slots : 0);
    free(lx->marked);
    free(lx->noted);
    free(lx->mw_pre);
    free(lx->sieve);
    free(lx->lbuf);
    free(lx);
}

int chr_lexicon_has_wordnet(const chr_lexicon *lx) { return lx->has_wordnet; }
size_t chr_lexicon_size(const chr_lexicon *lx) { return lx->nents; }
int chr_lexicon_mw_max(const chr_lexicon *lx) { return lx->mw_max; }

/* ---- lookup ------------------------------------------------------------------ */

static const lex_ent *get(const chr_lexicon *lx, const char *k, size_t n)
{
    if (n == 0 || n >= MAX_WORD) return NULL;
    keybuf kb;
    key_make(&kb, k, n);
    uint32_t i = find(lx, &kb, key_hash(&kb, n));
    return i == NONE ? NULL : &lx->ents[i];
}

/* Features a lemma passes on to its inflections. */
#define CLASS_FEATS (CHR_LF_REPORT | CHR_LF_TIME | CHR_LF_MARKS)

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* The stem ends consonant-vowel-consonant ("hop", "plan"): its own -ed form
 * would double the consonant, so "hoped" is from "hope", not "hop". */
static int cvc(const char *s, size_t n)
{
    return n >= 3 && !is_vowel(s[n - 1]) && s[n - 1] != 'w' && s[n - 1] != 'x' &&
           s[n - 1] != 'y' && is_vowel(s[n - 2]) && !is_vowel(s[n - 3]);
}

static void set_vlemma(const chr_lexicon *lx, chr_lexinfo *o, const lex_ent *e)
{
    const lex_ent *l = e->vlemma != NONE ? &lx->ents[e->vlemma] : e;
    o->vlemma = key_of(lx, l);
    o->vlemma_len = l->len;
    o->vfreq = l->vfreq;
    o->feats |= l->feats & CLASS_FEATS;
}

static void set_nlemma(const chr_lexicon *lx, chr_lexinfo *o, const lex_ent *e)
{
    const lex_ent *l = e->nlemma != NONE ? &lx->ents[e->nlemma] : e;
    o->nlemma = key_of(lx, l);
    o->nlemma_len = l->len;
    o->nfreq = l->nfreq;
    o->feats |= l->feats & CLASS_FEATS;
}

/* Whether e is a verb lemma with a regular base form / a singular noun. */
static inline int is_vlemma(const lex_ent *e)
{
    return e && (e->tags & CHR_TB(CHR_T_VERB)) && (e->vforms & CHR_VF_BASE) &&
           e->vlemma == NONE;
}

static inline int is_nlemma(const lex_ent *e)
{
    return e && (e->tags & CHR_TB(CHR_T_NOUN)) && !(e->feats & CHR_LF_PL);
}

static const lex_ent *verb_lemma(const chr_lexicon *lx, const char *k, size_t n)
{
    const lex_ent *e = get(lx, k, n);
    return is_vlemma(e) ? e : NULL;
}

/* Build "stem + suffix" in buf (lower case); its length, 0 if too long. */
static size_t cat(char *buf, const char *s, size_t n, const char *suf)
{
    size_t m = strlen(suf);
    if (n + m >= MAX_WORD) return 0;
    memcpy(buf, s, n);
    memcpy(buf + n, suf, m);
    return n + m;
}

/* The lemma of a regular -ed / -ing form whose stem is w[0..n): tries
 * stem+e and the undoubled stem as well, preferring stem+e after a
 * consonant-vowel-consonant stem. */
static const lex_ent *strip_regular(const chr_lexicon *lx, const char *w, size_t n)
{
    char b[MAX_WORD];
    if (n == 0) return NULL;
    const lex_ent *bare = verb_lemma(lx, w, n);
    size_t m = cat(b, w, n, "e");
    const lex_ent *withe = m ? verb_lemma(lx, b, m) : NULL;
    if (bare && withe) return cvc(w, n) ? withe : bare;
    if (bare) return bare;
    if (withe) return withe;
    /* doubled consonant: stopped, committed, shelling */
    if (n >= 3 && w[n - 1] == w[n - 2] && !is_vowel(w[n - 1]))
        return verb_lemma(lx, w, n - 1);
    return NULL;
}

/* Add the readings that regular inflection gives w[0..n) (lower case),
 * except those the word's own entry d already has. */
static void inflect(const chr_lexicon *lx, const char *w, size_t n,
                    const lex_ent *d, chr_lexinfo *o)
{
    int want_verb = !d || !(d->tags & CHR_TB(CHR_T_VERB));
    int want_noun = !d || !(d->tags & CHR_TB(CHR_T_NOUN));
    char b[MAX_WORD];
    const lex_ent *l;

    if (n >= 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != '\'') {
        if (!want_verb && !want_noun) return;
        /* each candidate stem is looked up once, for both readings */
        const lex_ent *v = NULL, *nn = NULL, *e;
        if (n >= 4 && ends_with(w, n, "ies")) {
            size_t m = cat(b, w, n - 3, "y");
            e = m ? get(lx, b, m) : NULL;
            if (is_vlemma(e)) v = e;
            if (is_nlemma(e)) nn = e;
        }
        e = get(lx, w, n - 1);
        if (!v && is_vlemma(e)) v = e;
        if (!nn && is_nlemma(e)) nn = e;
        if ((!v || !nn) && ends_with(w, n, "es")) {
            /* watches, pushes, taxes, goes */
            e = get(lx, w, n - 2);
            if (!v && is_vlemma(e)) v = e;
            if (!nn && is_nlemma(e)) nn = e;
        }
        if (v && want_verb) {
            o->tags |= CHR_TB(CHR_T_VERB);
            o->vforms |= CHR_VF_PRES3;
            o->feats |= CHR_LF_SG;
            set_vlemma(lx, o, v);
        }
        if (nn && want_noun) {
            o->tags |= CHR_TB(CHR_T_NOUN);
            o->feats |= CHR_LF_PL;
            set_nlemma(lx, o, nn);
        } else if (nn && !(o->feats & CHR_LF_PL) && d->nlemma == NONE) {
            /* WordNet lists some plurals as nouns of their own ("leaders",
               "troops"): still plural, with the singular as lemma */
            o->feats |= CHR_LF_PL;
            set_nlemma(lx, o, nn);
        }
        return;
    }
    if (n >= 4 && ends_with(w, n, "ed") && want_verb) {
        l = NULL;
        if (ends_with(w, n, "ied")) {
            size_t m = cat(b, w, n - 3, "y");
            if (m) l = verb_lemma(lx, b, m);
        }
        if (!l) l = strip_regular(lx, w, n - 2);
        if (l) {
            o->tags |= CHR_TB(CHR_T_VERB);
            o->vforms |= CHR_VF_PAST | CHR_VF_PASTPART;
            set_vlemma(lx, o, l);
        }
        return;
    }
    if (n >= 5 && ends_with(w, n, "ing") && want_verb) {
        l = NULL;
        if (ends_with(w, n, "ying")) {          /* dying, lying: ie -> y */
            size_t m = cat(b, w, n - 4, "ie");
            if (m) l = verb_lemma(lx, b, m);
        }
        if (!l) l = strip_regular(lx, w, n - 3);
        if (l) {
            o->tags |= CHR_TB(CHR_T_VERB);
            o->vforms |= CHR_VF_GERUND;
            set_vlemma(lx, o, l);
        }
        return;
    }
    if (n >= 4 && (ends_with(w, n, "er") || ends_with(w, n, "est")) &&
        !(d && (d->tags & CHR_TB(CHR_T_ADJ)))) {
        /* comparatives: larger, bigger, earlier */
        size_t s = ends_with(w, n, "er") ? n - 2 : n - 3;
        const lex_ent *a = get(lx, w, s);
        if (!(a && (a->tags & CHR_TB(CHR_T_ADJ)))) {
            size_t m = cat(b, w, s, "e");
            a = m ? get(lx, b, m) : NULL;
        }
        if (!(a && (a->tags & CHR_TB(CHR_T_ADJ))) && s >= 2 && w[s - 1] == 'i') {
            size_t m = cat(b, w, s - 1, "y");
            a = m ? get(lx, b, m) : NULL;
        }
        if (!(a && (a->tags & CHR_TB(CHR_T_ADJ))) && s >= 3 && w[s - 1] == w[s - 2])
            a = get(lx, w, s - 1);
        if (a && (a->tags & CHR_TB(CHR_T_ADJ))) o->tags |= CHR_TB(CHR_T_ADJ);
    }
}

/* Copy w[0..n) + suffix into o->buf as a guessed verb lemma. */
static void guess_vlemma(chr_lexinfo *o, const char *w, size_t n, const char *suf)
{
    size_t m = cat(o->buf, w, n, suf);
    if (!m) return;
    o->vlemma = o->buf;
    o->vlemma_len = m;
}

/* Tags of a word nobody listed, from its ending. */
static void guess(const char *w, size_t n, chr_lexinfo *o)
{
    o->feats |= CHR_LF_GUESSED;
    if (n >= 4 && ends_with(w, n, "ly")) {
        o->tags |= CHR_TB(CHR_T_ADV);
    } else if (n >= 5 && ends_with(w, n, "ing")) {
        o->tags |= CHR_TB(CHR_T_VERB) | CHR_TB(CHR_T_NOUN) | CHR_TB(CHR_T_ADJ);
        o->vforms |= CHR_VF_GERUND;
        size_t s = n - 3;
        if (s >= 3 && w[s - 1] == w[s - 2] && !is_vowel(w[s - 1]) && w[s - 1] != 'l' &&
            w[s - 1] != 's')
            guess_vlemma(o, w, s - 1, "");
        else
            guess_vlemma(o, w, s, cvc(w, s) ? "e" : "");
    } else if (n >= 4 && ends_with(w, n, "ed")) {
        o->tags |= CHR_TB(CHR_T_VERB) | CHR_TB(CHR_T_ADJ);
        o->vforms |= CHR_VF_PAST | CHR_VF_PASTPART;
        if (ends_with(w, n, "ied")) guess_vlemma(o, w, n - 3, "y");
        else if (n >= 5 && w[n - 3] == w[n - 4] && !is_vowel(w[n - 3]) && w[n - 3] != 'l' &&
                 w[n - 3] != 's')
            guess_vlemma(o, w, n - 3, "");
        else if (n >= 5 && (w[n - 3] == 'e' || cvc(w, n - 2) || w[n - 3] == 'v' ||
                            w[n - 3] == 'z' || w[n - 3] == 'c' || w[n - 3] == 'u' ||
                            (n >= 6 && (w[n - 3] == 'g' || w[n - 3] == 's') &&
                             !is_vowel(w[n - 4]) && w[n - 4] != 'n')))
            guess_vlemma(o, w, n - 1, "");
        else
            guess_vlemma(o, w, n - 2, "");
    } else if (n >= 4 && (ends_with(w, n, "ize") || ends_with(w, n, "ise") ||
                          ends_with(w, n, "ify") || ends_with(w, n, "ate"))) {
        o->tags |= CHR_TB(CHR_T_VERB);
        o->vforms |= CHR_VF_BASE;
        guess_vlemma(o, w, n, "");
    } else if (n >= 5 && (ends_with(w, n, "ous") || ends_with(w, n, "ive") ||
                          ends_with(w, n, "able") || ends_with(w, n, "ible") ||
                          ends_with(w, n, "ful") || ends_with(w, n, "less") ||
                          ends_with(w, n, "ic") || ends_with(w, n, "al"))) {
        o->tags |= CHR_TB(CHR_T_ADJ);
    } else if (n >= 4 && (ends_with(w, n, "ian") || ends_with(w, n, "ese") ||
                          ends_with(w, n, "ish"))) {
        o->tags |= CHR_TB(CHR_T_ADJ) | CHR_TB(CHR_T_NOUN);
    } else if (n >= 4 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' &&
               w[n - 2] != 'i') {
        o->tags |= CHR_TB(CHR_T_NOUN) | CHR_TB(CHR_T_VERB);
        o->feats |= CHR_LF_PL;
        o->vforms |= CHR_VF_PRES3;
        if (ends_with(w, n, "ies")) guess_vlemma(o, w, n - 3, "y");
        else if (ends_with(w, n, "ches") || ends_with(w, n, "shes") ||
                 ends_with(w, n, "sses") || ends_with(w, n, "xes"))
            guess_vlemma(o, w, n - 2, "");
        else guess_vlemma(o, w, n - 1, "");
    } else {
        o->tags |= CHR_TB(CHR_T_NOUN);
    }
}

/* The entry index of a lemma string returned by a lookup. */
static uint32_t lemma_index(const chr_lexicon *lx, const char *lemma)
{
    if (!lemma) return NONE;
    const char *base = (const char *)lx->ents;
    if (lemma < base || lemma >= base + (size_t)lx->nents * sizeof *lx->ents) return NONE;
    return (uint32_t)((size_t)(lemma - base) / sizeof *lx->ents);
}

static const lex_common *common_find(const chr_lexicon *lx, const keybuf *kb, uint32_t h)
{
    if (!lx->common_mask) return NULL;
    for (uint32_t i = h & lx->common_mask;; i = (i + 1) & lx->common_mask) {
        const lex_common *e = &lx->common[i];
        if (!e->len) return NULL;
        if (e->hash == h) {
            uint64_t w[MAX_WORD / 8];
            memcpy(w, e->key, sizeof w);
            if (((w[0] ^ kb->w[0]) | (w[1] ^ kb->w[1]) | (w[2] ^ kb->w[2]) |
                 (w[3] ^ kb->w[3])) == 0)
                return e;
        }
    }
}

static void common_fill(const chr_lexicon *lx, const lex_common *e, chr_lexinfo *o)
{
    o->tags = e->tags;
    o->feats = e->feats;
    o->vforms = e->vforms;
    o->aux = e->aux;
    o->modal = e->modal;
    o->nfreq = e->nfreq;
    o->vfreq = e->vfreq;
    if (e->vlemma != NONE) {
        o->vlemma = lx->ents[e->vlemma].key;
        o->vlemma_len = e->vlen;
    }
    if (e->nlemma != NONE) {
        o->nlemma = lx->ents[e->nlemma].key;
        o->nlemma_len = e->nlen;
    }
}

/* Lower-case w into kb; 0 when it cannot be a key. */
static int make_key(const char *w, size_t n, keybuf *kb)
{
    if (n == 0 || n >= MAX_WORD) return 0;
    kb->w[0] = kb->w[1] = kb->w[2] = kb->w[3] = 0;
    for (size_t i = 0; i < n; i++) kb->c[i] = (char)lower((unsigned char)w[i]);
    return 1;
}

/* make_key(), and the key's hash. */
static int make_query(const char *w, size_t n, keybuf *kb, uint32_t *h)
{
    if (!make_key(w, n, kb)) return 0;
    *h = key_hash(kb, n);
    return 1;
}

/* ---- marks ---------------------------------------------------------------- */

static uint32_t mark_find(const chr_lexicon *lx, const keybuf *kb, uint32_t h)
{
    for (uint32_t i = h & lx->marked_mask;; i = (i + 1) & lx->marked_mask) {
        const lex_mark *m = &lx->marked[i];
        if (!m->marks) return 0;
        if (m->hash == h && ((m->key.w[0] ^ kb->w[0]) | (m->key.w[1] ^ kb->w[1]) |
                             (m->key.w[2] ^ kb->w[2]) | (m->key.w[3] ^ kb->w[3])) == 0)
            return m->marks;
    }
}

/* The marks of the query kb (n bytes, hash h) and of kb without a final s. */
static uint32_t marks_of(const chr_lexicon *lx, const keybuf *kb, uint32_t h, size_t n)
{
    unsigned char c = (unsigned char)kb->c[0];
    if (!lx->nmarked || !(lx->mark_first[c >> 3] & (1u << (c & 7)))) return 0;
    uint32_t m = mark_find(lx, kb, h);
    if (n >= 2 && kb->c[n - 1] == 's') {
        keybuf k2 = *kb;
        k2.c[n - 1] = '\0';
        m |= mark_find(lx, &k2, key_hash(&k2, n - 1));
    }
    return m;
}

int chr_lexicon_has_marks(const chr_lexicon *lx) { return lx->nmarked > 0; }

uint32_t chr_lexicon_marks(const chr_lexicon *lx, const char *w, size_t n)
{
    if (!lx->nmarked || n == 0) return 0;
    unsigned char c = lower((unsigned char)w[0]);
    if (!(lx->mark_first[c >> 3] & (1u << (c & 7)))) return 0;     /* most words */
    keybuf kb;
    uint32_t h;
    if (!make_query(w, n, &kb, &h)) return 0;
    return marks_of(lx, &kb, h, n);
}

static int mark_add(chr_lexicon *lx, const char *w, size_t n, uint32_t mark)
{
    if ((lx->nmarked + 1) * 4 > lx->marked_mask + 1) {
        uint32_t cap = lx->marked_mask ? (lx->marked_mask + 1) * 2 : 256;
        lex_mark *nm = calloc(cap, sizeof *nm);
        if (!nm) return CHR_ENOMEM;
        for (uint32_t i = 0; lx->marked && i <= lx->marked_mask; i++) {
            if (!lx->marked[i].marks) continue;
            uint32_t j = lx->marked[i].hash & (cap - 1);
            while (nm[j].marks) j = (j + 1) & (cap - 1);
            nm[j] = lx->marked[i];
        }
        free(lx->marked);
        lx->marked = nm;
        lx->marked_mask = cap - 1;
    }
    keybuf kb;
    uint32_t h;
    if (!make_query(w, n, &kb, &h)) return CHR_EUSAGE;
    uint32_t i = h & lx->marked_mask;
    while (lx->marked[i].marks && !(lx->marked[i].hash == h &&
                                    memcmp(lx->marked[i].key.c, kb.c, sizeof kb.c) == 0))
        i = (i + 1) & lx->marked_mask;
    if (!lx->marked[i].marks) {
        lx->marked[i].key = kb;
        lx->marked[i].hash = h;
        lx->nmarked++;
    }
    lx->marked[i].marks |= mark;
    unsigned char c = (unsigned char)kb.c[0];
    lx->mark_first[c >> 3] |= (uint8_t)(1u << (c & 7));
    /* the entries the word stands for: itself, and the word + s (whose
     * "without a final s" it is) */
    const lex_ent *e = get(lx, kb.c, n);
    if (e) lx->ents[e - lx->ents].feats |= mark;
    if (n + 1 < MAX_WORD) {
        char b[MAX_WORD];
        memcpy(b, kb.c, n);
        b[n] = 's';
        e = get(lx, b, n + 1);
        if (e) lx->ents[e - lx->ents].feats |= mark;
    }
    return CHR_OK;
}

/* ---- the sieve ------------------------------------------------------------------
 * The list behind chr_lexicon_sieve(): open addressing over the forms'
 * chr_text_hash() values, the low seven bits of each replaced by what it
 * may be (SV_*; never 0, which marks an empty slot), so that a collision of
 * two hashes in those bits only makes the answer wider. */
enum { SV_BE = 1 };               /* the marks take the six bits above */
#define SV_BITS 127u

static uint32_t sv_of_marks(uint32_t marks)
{
    return (marks & CHR_LF_MARKS) >> (CHR_LF_MARK_SHIFT - 1);
}

static int sieve_grow(chr_lexicon *lx)
{
    uint32_t cap = (lx->sieve_mask + 1) * 2;
    uint64_t *v = calloc(cap, sizeof *v);
    if (!v) return -1;
    for (uint32_t i = 0; i <= lx->sieve_mask; i++) {
        uint64_t x = lx->sieve[i];
        if (!x) continue;
        uint32_t j = (uint32_t)(x >> 32) & (cap - 1);
        while (v[j]) j = (j + 1) & (cap - 1);
        v[j] = x;
    }
    free(lx->sieve);
    lx->sieve = v;
    lx->sieve_mask = cap - 1;
    return 0;
}

static void sieve_put(chr_lexicon *lx, const char *w, size_t n, uint32_t sv)
{
    if (!sv || n == 0 || !lx->sieve) return;
    if (2 * (lx->sieve_count + 1) > lx->sieve_mask + 1 && sieve_grow(lx) != 0) {
        free(lx->sieve);            /* no list rather than a partial one */
        lx->sieve = NULL;
        return;
    }
    uint64_t h = chr_text_hash(w, n);
    uint64_t key = h & ~(uint64_t)SV_BITS;
    uint32_t i = (uint32_t)(h >> 32) & lx->sieve_mask;
    while (lx->sieve[i] && (lx->sieve[i] & ~(uint64_t)SV_BITS) != key) i = (i + 1) & lx->sieve_mask;
    if (!lx->sieve[i]) lx->sieve_count++;
    lx->sieve[i] |= key | sv;
    lx->sieve_bits[(h >> 48) & (CHR_SIEVE_WORDS - 1)] |= 1ull << ((h >> 58) & 63);
}

/* Put w[0..m) + suffix. */
static void sieve_put_cat(chr_lexicon *lx, const char *w, size_t m, const char *suf, uint32_t sv)
{
    char b[2 * MAX_WORD];
    size_t k = strlen(suf);
    if (m + k > sizeof b) return;
    memcpy(b, w, m);
    memcpy(b + m, suf, k);
    sieve_put(lx, b, m + k, sv);
}

/* The forms whose lookup may give lemma w (a marked word, or a marked
 * word with an s): w with every ending inflect() and guess() strip, and
 * the stems they try besides w itself -- w with its last consonant
 * doubled, w less the e or y they put back, w less the ie of "dying". */
static void sieve_put_forms(chr_lexicon *lx, const char *w, size_t n, uint32_t sv)
{
    static const char *const ends[] = {"", "s", "es", "d", "ed", "ing"};
    for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) sieve_put_cat(lx, w, n, ends[i], sv);
    char dbl[2] = {w[n - 1], 0};
    char b[MAX_WORD + 2];
    memcpy(b, w, n);
    memcpy(b + n, dbl, 2);
    sieve_put_cat(lx, b, n + 1, "ed", sv);      /* stopped */
    sieve_put_cat(lx, b, n + 1, "ing", sv);     /* shelling */
    if (n >= 2 && w[n - 1] == 'e') {            /* hoped, hoping */
        sieve_put_cat(lx, w, n - 1, "ed", sv);
        sieve_put_cat(lx, w, n - 1, "ing", sv);
    }
    if (n >= 2 && w[n - 1] == 'y') {            /* supplies, supplied */
        sieve_put_cat(lx, w, n - 1, "ies", sv);
        sieve_put_cat(lx, w, n - 1, "ied", sv);
    }
    if (n >= 3 && w[n - 2] == 'i' && w[n - 1] == 'e')
        sieve_put_cat(lx, w, n - 2, "ying", sv);    /* dying */
}

/* Start the list: 1 when there is one (the common words are added by the
 * caller, which goes over them anyway), 0 when the marks cannot make one
 * (a marked word the tokens cannot show alone, or a multi-word entry that
 * carries a mark: then every sentence is looked up), -1 when out of memory. */
static int sieve_start(chr_lexicon *lx)
{
    free(lx->sieve);
    lx->sieve = NULL;
    lx->sieve_mask = lx->sieve_count = 0;
    memset(lx->sieve_bits, 0, sizeof lx->sieve_bits);
    for (uint32_t i = 0; i <= lx->marked_mask; i++) {
        const lex_mark *m = &lx->marked[i];
        if (!m->marks) continue;
        int alnum = 0;
        for (const char *c = m->key.c; *c; c++) {
            if (*c == '_') return 0;
            alnum |= (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9');
        }
        if (!alnum) return 0;
    }
    /* the entries with lemma links, auxiliaries and the data files' words
     * are noted when loaded: the rest need no look */
    for (uint32_t k = 0; k < lx->nnoted; k++) {
        const lex_ent *e = &lx->ents[lx->noted[k]];
        if (!(e->flags & EF_MW)) continue;
        uint32_t f = e->feats;
        if (e->vlemma != NONE) f |= lx->ents[e->vlemma].feats;
        if (e->nlemma != NONE) f |= lx->ents[e->nlemma].feats;
        if (f & CHR_LF_MARKS) return 0;
    }
    uint32_t cap = 4096;
    lx->sieve = calloc(cap, sizeof *lx->sieve);
    if (!lx->sieve) return -1;
    lx->sieve_mask = cap - 1;
    /* the marked words and their regular forms, and theirs with an s
     * (whose "without a final s" is marked) */
    for (uint32_t i = 0; i <= lx->marked_mask; i++) {
        const lex_mark *m = &lx->marked[i];
        if (!m->marks) continue;
        size_t n = strlen(m->key.c);
        char b[MAX_WORD + 1];
        memcpy(b, m->key.c, n);
        b[n] = 's';
        sieve_put_forms(lx, b, n, sv_of_marks(m->marks));
        sieve_put_forms(lx, b, n + 1, sv_of_marks(m->marks));
    }
    /* the words that carry a mark through their lemmas (sent, children),
     * and the forms of be; a multi-word entry of be gives its first word */
    for (uint32_t k = 0; k < lx->nnoted; k++) {
        const lex_ent *e = &lx->ents[lx->noted[k]];
        uint32_t f = e->feats;
        if (e->vlemma != NONE) f |= lx->ents[e->vlemma].feats;
        if (e->nlemma != NONE) f |= lx->ents[e->nlemma].feats;
        uint32_t sv = sv_of_marks(f) | (e->aux == CHR_AUX_BE ? SV_BE : 0);
        if (!sv) continue;
        const char *us = (e->flags & EF_MW) ? memchr(e->key, '_', e->len) : NULL;
        sieve_put(lx, e->key, us ? (size_t)(us - e->key) : e->len, sv);
    }
    return lx->sieve ? 1 : -1;
}

int chr_lexicon_can_sieve(const chr_lexicon *lx) { return lx->sieve != NULL; }

const uint64_t *chr_lexicon_sieve_filter(const chr_lexicon *lx) { return lx->sieve_bits; }

uint32_t chr_lexicon_sieve(const chr_lexicon *lx, uint64_t h)
{
    if (!chr_sieve_may(lx->sieve_bits, h)) return 0;
    uint64_t key = h & ~(uint64_t)SV_BITS;
    for (uint32_t i = (uint32_t)(h >> 32) & lx->sieve_mask; lx->sieve[i]; i = (i + 1) & lx->sieve_mask) {
        if ((lx->sieve[i] & ~(uint64_t)SV_BITS) != key) continue;
        uint32_t sv = (uint32_t)(lx->sieve[i] & SV_BITS);
        return ((sv & ~(uint32_t)SV_BE) << (CHR_LF_MARK_SHIFT - 1)) | ((sv & SV_BE) ? CHR_SIEVE_BE : 0);
    }
    return 0;
}

int chr_lexicon_mark(chr_lexicon *lx, const char *const *words, const uint32_t *marks, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(words[i]);
        if (l == 0 || l >= MAX_WORD || !(marks[i] & CHR_LF_MARKS) || (marks[i] & ~CHR_LF_MARKS))
            return CHR_EUSAGE;
    }
    for (size_t i = 0; i < n; i++) {
        int rc = mark_add(lx, words[i], strlen(words[i]), marks[i]);
        if (rc != CHR_OK) return rc;
    }
    int sieve = sieve_start(lx);
    if (sieve < 0) return CHR_ENOMEM;
    /* the common words hold their lookups done: redo the marks' part, and
     * list those that carry one */
    for (uint32_t i = 0; lx->common_mask && i <= lx->common_mask; i++) {
        lex_common *c = &lx->common[i];
        if (!c->len) continue;
        keybuf kb;
        memcpy(kb.c, c->key, sizeof kb.c);
        uint32_t m = marks_of(lx, &kb, c->hash, c->len);
        if (c->vlemma != NONE) m |= lx->ents[c->vlemma].feats & CHR_LF_MARKS;
        if (c->nlemma != NONE) m |= lx->ents[c->nlemma].feats & CHR_LF_MARKS;
        c->feats |= m;
        if (sieve) sieve_put(lx, c->key, c->len, sv_of_marks(c->feats) | (c->aux == CHR_AUX_BE ? SV_BE : 0));
    }
    return sieve && !lx->sieve ? CHR_ENOMEM : CHR_OK;
}

/* ---- lookups -------------------------------------------------------------- */


void chr_lexicon_prefetch(const chr_lexicon *lx, uint64_t hash)
{
    uint32_t h = (uint32_t)hash;
#if defined(__GNUC__)
    if (lx->common_mask) __builtin_prefetch(&lx->common[h & lx->common_mask]);
    __builtin_prefetch(&lx->slots[h & lx->mask]);
#else
    (void)lx;
    (void)h;
#endif
}

void chr_lexicon_prefetch_entry(const chr_lexicon *lx, uint64_t hash)
{
#if defined(__GNUC__)
    uint32_t h = (uint32_t)hash;
    const lex_slot *s = &lx->slots[h & lx->mask];
    if (s->idx != NONE && s->hash == h) __builtin_prefetch(&lx->ents[s->idx]);
#else
    (void)lx;
    (void)hash;
#endif
}

int chr_lexicon_lookup_common(const chr_lexicon *lx, const char *w, size_t n,
                              chr_lexinfo *o)
{
    return chr_lexicon_lookup_common_h(lx, w, n, chr_text_hash_lower(w, n), o);
}

int chr_lexicon_lookup_common_h(const chr_lexicon *lx, const char *w, size_t n,
                                uint64_t hash, chr_lexinfo *o)
{
    memset(o, 0, offsetof(chr_lexinfo, buf));
    keybuf kb;
    uint32_t h = (uint32_t)hash;
    if (!make_key(w, n, &kb)) return 0;
    const lex_common *e = common_find(lx, &kb, h);
    if (!e) {
        o->feats = marks_of(lx, &kb, h, n);
        return 0;
    }
    common_fill(lx, e, o);
    return 1;
}

int chr_lexicon_lookup(const chr_lexicon *lx, const char *w, size_t n,
                       chr_lexinfo *o)
{
    return chr_lexicon_lookup_h(lx, w, n, chr_text_hash_lower(w, n), o);
}

int chr_lexicon_lookup_h(const chr_lexicon *lx, const char *w, size_t n, uint64_t hash,
                         chr_lexinfo *o)
{
    memset(o, 0, offsetof(chr_lexinfo, buf));
    keybuf kb;
    uint32_t h = (uint32_t)hash;
    if (!make_key(w, n, &kb)) {
        o->tags = CHR_TB(CHR_T_NOUN);
        o->feats = CHR_LF_GUESSED;
        return 0;
    }
    const lex_common *ce = common_find(lx, &kb, h);
    if (ce) {
        common_fill(lx, ce, o);
        return 1;
    }
    const char *k = kb.c;
    uint32_t di = find(lx, &kb, h);
    const lex_ent *d = di == NONE ? NULL : &lx->ents[di];
    if (d) {
        o->tags = d->tags;
        o->feats = d->feats;
        o->vforms = d->vforms;
        o->aux = d->aux;
        o->modal = d->modal;
        if (d->tags & (CHR_TB(CHR_T_VERB) | CHR_TB(CHR_T_AUX))) set_vlemma(lx, o, d);
        if (d->tags & CHR_TB(CHR_T_NOUN)) set_nlemma(lx, o, d);
        /* a data file settled the tags: no inflection ("is" is not i+s) */
        if ((d->flags & EF_COMPLETE) && d->tags) return 1;
    } else {
        o->feats |= marks_of(lx, &kb, h, n);    /* an entry carries its own */
    }
    inflect(lx, k, n, d, o);
    if (o->tags) return 1;
    guess(k, n, o);
    if (o->vlemma && lx->nmarked) o->feats |= chr_lexicon_marks(lx, o->vlemma, o->vlemma_len);
    return 0;
}

/* The common words: every word the data files mention, and the most
 * frequent WordNet lemmas (by SemCor counts) with their regular inflected
 * forms, each stored with its full lookup already done. */
#define COMMON_LEMMAS 2500

static int common_add(chr_lexicon *lx, lex_common *tab, uint32_t mask, const char *k,
                      size_t n, uint32_t want_lemma)
{
    if (n == 0 || n >= MAX_WORD) return 0;
    keybuf kb;
    key_make(&kb, k, n);
    uint32_t h = key_hash(&kb, n);
    uint32_t j = h & mask;
    for (;; j = (j + 1) & mask) {
        if (!tab[j].len) break;
        if (tab[j].hash == h && memcmp(tab[j].key, kb.c, sizeof kb.c) == 0) return 0;
    }
    chr_lexinfo o;
    if (!chr_lexicon_lookup(lx, k, n, &o)) return 0;             /* guessed */
    uint32_t vl = lemma_index(lx, o.vlemma), nl = lemma_index(lx, o.nlemma);
    /* a generated form must really be an inflection of its lemma */
    if (want_lemma != NONE && vl != want_lemma && nl != want_lemma) return 0;
    lex_common *c = &tab[j];
    memcpy(c->key, kb.c, sizeof c->key);
    c->len = (uint8_t)n;
    c->hash = h;
    c->tags = o.tags;
    c->feats = o.feats;
    c->vforms = o.vforms;
    c->aux = o.aux;
    c->modal = o.modal;
    c->nfreq = o.nfreq;
    c->vfreq = o.vfreq;
    c->vlemma = vl;
    c->nlemma = nl;
    c->vlen = (uint8_t)o.vlemma_len;
    c->nlen = (uint8_t)o.nlemma_len;
    return 1;
}

/* Regular forms of lemma e: -s/-es/-ies, -ed/-d/-ied, -ing, with the final
 * consonant doubled or the final e dropped where English does. */
static void common_add_forms(chr_lexicon *lx, lex_common *tab, uint32_t mask, uint32_t li)
{
    const lex_ent *e = &lx->ents[li];
    const char *w = e->key;
    size_t n = e->len;
    char b[MAX_WORD];
    if (n + 4 >= MAX_WORD || n < 2) return;
    static const char *const sufs[] = { "s", "es", "ed", "d", "ing" };
    for (size_t i = 0; i < sizeof sufs / sizeof sufs[0]; i++) {
        size_t m = cat(b, w, n, sufs[i]);
        if (m) common_add(lx, tab, mask, b, m, li);
    }
    char last = w[n - 1];
    if (last == 'y') {
        size_t m = cat(b, w, n - 1, "ies");
        if (m) common_add(lx, tab, mask, b, m, li);
        m = cat(b, w, n - 1, "ied");
        if (m) common_add(lx, tab, mask, b, m, li);
    }
    if (last == 'e') {
        size_t m = cat(b, w, n - 1, "ing");
        if (m) common_add(lx, tab, mask, b, m, li);
    }
    if (cvc(w, n)) {
        char d[3] = { last, 0, 0 };
        char tmp[MAX_WORD];
        size_t m = cat(tmp, w, n, d);
        if (m) {
            size_t m2 = cat(b, tmp, m, "ed");
            if (m2) common_add(lx, tab, mask, b, m2, li);
            m2 = cat(b, tmp, m, "ing");
            if (m2) common_add(lx, tab, mask, b, m2, li);
        }
    }
}

static int build_common(chr_lexicon *lx)
{
    /* the count threshold that keeps about COMMON_LEMMAS lemmas */
    enum { HMAX = 4096 };
    uint32_t *hist = calloc(HMAX + 1, sizeof *hist);
    if (!hist) return CHR_ENOMEM;
    uint32_t count = 0;
    for (uint32_t i = 0; i < lx->nents; i++) {
        const lex_ent *e = &lx->ents[i];
        uint32_t f = (uint32_t)e->nfreq + e->vfreq;
        hist[f > HMAX ? HMAX : f]++;
        count += (e->flags & EF_DATA) != 0;
    }
    uint32_t thr = HMAX, acc = hist[HMAX];
    while (thr > 1 && acc + hist[thr - 1] <= COMMON_LEMMAS) acc += hist[--thr];
    free(hist);
    count += 5 * acc;           /* a lemma has about five forms that check out */
    uint32_t cap = 64;
    while (cap < 2 * count) cap *= 2;
    lex_common *tab = big_alloc((size_t)cap * sizeof *tab);
    if (!tab) return CHR_ENOMEM;
    for (uint32_t i = 0; i < lx->nents; i++) {
        const lex_ent *e = &lx->ents[i];
        uint32_t f = (uint32_t)e->nfreq + e->vfreq;
        if ((e->flags & EF_DATA) || f >= thr)
            common_add(lx, tab, cap - 1, e->key, e->len, NONE);
        if (f >= thr && (e->tags & (CHR_TB(CHR_T_NOUN) | CHR_TB(CHR_T_VERB))) &&
            !(e->flags & EF_COMPLETE))
            common_add_forms(lx, tab, cap - 1, i);
    }
    lx->common = tab;
    lx->common_mask = cap - 1;
    return CHR_OK;
}
