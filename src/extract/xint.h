/*
 * xint.h - what the extractor's files share: the state of one document and
 * one sentence, and the helpers that read arguments out of a parse.
 */
#ifndef CHR_XINT_H
#define CHR_XINT_H

#include "extract/extract.h"

/* What a stretch of a sentence mentions (events.c): a bit each. */
enum {
    XF_ITEM, XF_MONEY, XF_WEAPON, XF_PHONE, XF_AIDNOUN,
    XF_ADJ_HUM, XF_ADJ_MIL, XF_ADJ_ECO, XF_ITEM_MIL, XF_ITEM_HUM,
    XF_NOUN_MIL, XF_NOUN_ECO, XF_NOUN_HUM, XF_COUNT
};

/* The tokens of a sentence that carry facts, and which (1 << XF_*). */
typedef struct xfact {
    uint32_t tok;
    uint32_t bits;
} xfact;

typedef struct xdoc {
    const chr_extract_ctx *x;
    const chr_text *t;
    const chr_mentions *ms;
    chr_day pub;
    chr_arena *a;
    chr_records *out;
    chr_buf *trace;
    /* light coreference: the last person and the last state or organisation
     * named, for he/she and it/they/the country */
    const chr_mention *last_person;
    const chr_mention *last_group;
    const chr_mention *last_state;  /* for "the country": a state by its name */
    /* the states the document is most about, most named first: the
     * recipient an aid verb leaves implicit */
    const chr_mention *topics[4];
    size_t ntopics;
} xdoc;

typedef struct xsent {
    xdoc *d;
    uint32_t sent;
    chr_parse p;
    size_t m0, m1;          /* the sentence's mentions: ms->v[m0 .. m1) */
    int question;           /* ends with '?' */
    xfact *facts;           /* made on first need (read_facts); few per sentence */
    size_t nfacts;
    int facts_made;
    int conditions;         /* clauses opened by if / unless */
    int src_state;          /* sentence-level source: 0 not looked for, 1 found, -1 none */
    chr_rsource src;
    int place_state;        /* the sentence's first place: 0 not looked for, 1 found, -1 none */
    const chr_mention *place;
} xsent;

/* ---- text ------------------------------------------------------------------ */
/* The document text of tokens [first, last] as an arena string. */
const char *x_tok_text(xdoc *d, uint32_t first, uint32_t last);
const char *x_mention_text(xdoc *d, const chr_mention *m);
/* Lower-case ASCII equality of token k with w. */
int x_tok_is(const xdoc *d, uint32_t k, const char *w);
/* The lemma of verb group vg, lower-cased into buf; NULL when it has none
 * or it does not fit. */
const char *x_vg_lemma(const chr_vgroup *vg, char *buf, size_t size);
/* The lemma of token k (the tagger's, else the token), lower-cased into buf. */
const char *x_lemma(const xsent *s, uint32_t k, char *buf, size_t size);

/* ---- mentions ----------------------------------------------------------------- */
/* The index of the sentence's first mention starting at or after token tok. */
size_t x_mention_first(const xsent *s, uint32_t tok);
/* The mentions of kind whose tokens lie inside [first, last]. */
size_t x_mentions_in(const xsent *s, int kind, uint32_t first, uint32_t last,
                     const chr_mention **out, size_t max);
/* The actors of a noun phrase: its actor mentions (all conjuncts of a list;
 * the place's country for a place; a resolved pronoun); distinct codes. */
size_t x_np_actors(xsent *s, int32_t np, const chr_mention **out, size_t max);
/* How a phrase's actors are read: as a party to an event (its recipient:
 * "a Russian airbase" is Russia's), or as its doer, which a name that only
 * modifies a thing is not ("a Kharkiv apartment block", "Canadian military
 * equipment"); the doer of an attack (X_DOER_ARMED) may be named through
 * its weapon ("Russian missiles hit Kyiv"). */
enum { X_PARTY, X_DOER, X_DOER_ARMED };
size_t x_np_actors_as(xsent *s, int32_t np, int as, const chr_mention **out, size_t max);
/* The actors of the first mention-bearing tokens after token k within
 * window tokens (stopping at the clause end). */
size_t x_actors_after(xsent *s, uint32_t k, uint32_t last, uint32_t window,
                      const chr_mention **out, size_t max);
void x_fill_actor(xdoc *d, chr_ractor *a, const chr_mention *m);
void x_fill_place(xdoc *d, chr_rplace *p, const chr_mention *m);
const char *x_code(const chr_mention *m);   /* actor code of an actor/place mention */

/* ---- clause-level slots ------------------------------------------------------- */
/* Prepositional phrases and clauses are in token order: the first phrase
 * whose preposition is at or after tok (and the first verb group that
 * starts there), the first clause that starts at or
 * after tok, and the innermost clause holding token k (-1 when none).  They
 * keep the search for a word's neighbours short in a run-on sentence. */
/* Whether token h is a noun of people: troops, civilians, residents. */
int x_people_head(const xsent *s, uint32_t h);
/* Whether an item class (CHR_IC_*) is a weapon or military gear: none of
 * medical, food, fuel, other. */
int x_weapon_class(int cls);
/* Whether token h is a noun of ground: territory, city, region, base. */
int x_ground_noun(const xsent *s, uint32_t h);

uint32_t x_pp_lower(const xsent *s, uint32_t tok);
uint32_t x_vg_lower(const xsent *s, uint32_t tok);         /* verb groups by first */
uint32_t x_clause_lower(const xsent *s, uint32_t tok);
int32_t  x_clause_at(const xsent *s, uint32_t k);

/* The reported source of clause c (walking up report frames), into src;
 * returns 1 when found. */
int x_source(xsent *s, int32_t c, chr_rsource *src);
/* Who phrase np names as a source ("Russia's Defense Ministry", "a report
 * by NBC News"), into src; returns 1 when it names one. */
int x_np_source(xsent *s, int32_t np, chr_rsource *src);
/* A sentence-level source ("according to X", "X said", "a report stated"). */
int x_sentence_source(xsent *s, chr_rsource *src);
/* The date governing tokens [first, last]: a date mention there (not a
 * "since" one unless allowed). */
const chr_mention *x_date_in(const xsent *s, uint32_t first, uint32_t last, int allow_since);
void x_fill_date(xdoc *d, chr_rdate *r, const chr_mention *m);
void x_fill_count(xdoc *d, chr_rcount *c, const chr_mention *m);

/* The state the document is most about other than code, or NULL. */
/* The items named in tokens [first, last], each with its count, into r. */
void x_add_items(xsent *s, chr_record *r, uint32_t first, uint32_t last);
/* The sentence before s made an attack (ASSAULT) with items. */
int x_attack_before(const xsent *s);
const chr_mention *x_topic(const xdoc *d, const char *code);

/* Record helpers. */
chr_record *x_new_record(xsent *s, int kind, const char *rule);
void x_trace(xdoc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The extractor's passes over one parsed sentence. */
void x_events_sentence(xsent *s);
void x_figures_sentence(xsent *s);

#endif
