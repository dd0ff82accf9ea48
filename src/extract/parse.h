/*
 * parse.h - Chronicle's shallow parser: tags, noun phrases, verb groups and
 * clauses of one sentence, for the event extractor.
 *
 * News sentences are long, and the nearest name to a verb is often not its
 * actor.  The parser gives the extractor the structure it needs to pick the
 * right one, in four linear passes over the sentence's tokens:
 *
 *   1. tagging (tagger.c): a part-of-speech tag, a verb form and a lemma per
 *      token, from the lexicon and deterministic local rules;
 *   2. verb groups: auxiliaries, modals, negation and the main verb, with
 *      tense, aspect, voice, and links from a governing verb to its
 *      infinitival or gerund complement ("agreed to provide");
 *   3. noun phrases: determiner, modifiers and head, possessive chains,
 *      numbers with their qualifiers, lists of conjuncts; prepositional
 *      attachments;
 *   4. clauses: split at subordinators, relative pronouns, quotations,
 *      semicolons and coordinated verb groups; each with its subject, its
 *      verb groups' objects, and whether it reports someone's words.
 *
 * Everything is allocated in the document's arena and refers to tokens by
 * their index in chr_text.toks (absolute, not relative to the sentence).
 * Indices of phrases and clauses are int32_t, -1 meaning "none".
 */
#ifndef CHR_PARSE_H
#define CHR_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "extract/lexicon.h"
#include "text/text.h"
#include "util/arena.h"
#include "util/buf.h"

#define CHR_NO_TOK UINT32_MAX

/* ---- tags ---------------------------------------------------------------- */

enum {
    CHR_PF_GLUED    = 1 << 0,  /* joined to the next token by a hyphen without
                                  spaces: "anti - tank" is one word */
    CHR_PF_MW       = 1 << 1,  /* continues a multi-word entry ("to" of "according to") */
    CHR_PF_INFTO    = 1 << 2,  /* the infinitive marker "to" (or "in order to") */
    CHR_PF_CLITIC   = 1 << 3,  /* carries a contracted auxiliary: "we'll", "they've" */
    CHR_PF_POSS     = 1 << 4,  /* possessive 's */
    CHR_PF_REL      = 1 << 5,  /* opens a relative clause: which, who, that */
    CHR_PF_QOPEN    = 1 << 6,  /* an opening quotation mark */
    CHR_PF_QCLOSE   = 1 << 7,  /* a closing quotation mark */
    CHR_PF_QUOTED   = 1 << 8,  /* inside quotation marks */
    CHR_PF_NEG      = 1 << 9,  /* not, n't, never, didn't, won't */
    CHR_PF_CAPWORD  = 1 << 10  /* capitalized where capitals are informative
                                  (not sentence-initial, not a title-case line) */
};

typedef struct chr_ptag {
    uint8_t tag;        /* chr_tag */
    uint8_t vform;      /* one CHR_VF_* for VERB and AUX, 0 otherwise */
    uint8_t aux;        /* CHR_AUX_* for be/have/do/get forms (also as main verbs) */
    uint8_t modal;      /* chr_modal of a MODAL, or of the clitic of "we'll" */
    uint16_t flags;     /* CHR_PF_* */
    uint8_t vforms;     /* every verb form the lexicon allows */
    uint8_t marks;      /* the lexicon's marks on its lookups, >> CHR_LF_MARK_SHIFT
                           (all of them when the lexicon has none): see
                           chr_parse_marks() */
    uint32_t possible;  /* CHR_TB() mask of the tags the lexicon allows */
    uint32_t feats;     /* CHR_LF_* from the lexicon */
    uint32_t lemma_len;
    const char *lemma;  /* verb lemma of VERB/AUX, noun lemma of NOUN, else NULL;
                           not NUL-terminated */
} chr_ptag;

/* Tag tokens [begin, end) of t into out[0 .. end-begin).  The tokens should
 * be one sentence: capitalization and clause rules look at its start.
 * Returns CHR_OK or CHR_ENOMEM. */
int chr_tag_tokens(const chr_lexicon *lx, const chr_text *t, uint32_t begin,
                   uint32_t end, chr_arena *a, chr_ptag *out);

/* ---- sentences not worth parsing --------------------------------------------
 * Looking every word up is the first step of tagging, and a lookup carries
 * the marks a caller gave words (chr_lexicon_mark).  A caller that only
 * cares about sentences holding some marked words says which marks it
 * wants; a sentence with none of them is left after its lookups, for a
 * fraction of the cost of a parse.  Without marks in the lexicon every
 * sentence is parsed. */
#define CHR_WANT_ALL    UINT32_MAX
#define CHR_WANT_BE_IN  (1u << 31)      /* or a form of "be" right before "in" */
#define CHR_WANT_MARK4_IF_MARK3 (1u << 29)  /* or a CHR_LF_MARK4 word with a MARK3 one */
#define CHR_WANT_MARK5_IF_MARK6 (1u << 27)  /* or a CHR_LF_MARK5 word with a MARK6 one */

/* chr_tag_tokens(), or CHR_DONE when no word carries a mark of want (any
 * of CHR_LF_MARK1 ... CHR_LF_MARK4, possibly with CHR_WANT_BE_IN and
 * CHR_WANT_MARK4_IF_MARK3): told by the tokens' hashes alone when the lexicon can
 * sieve (chr_lexicon_sieve), else after the lookups.  Then out holds no
 * tags (and may hold nothing at all). */
int chr_tag_tokens_if(const chr_lexicon *lx, const chr_text *t, uint32_t begin,
                      uint32_t end, uint32_t want, chr_arena *a, chr_ptag *out);

/* The sieve of chr_tag_tokens_if(), for a caller that asks several times
 * about one sentence: what the words of tokens [begin, end) may carry, told
 * by their hashes alone (nothing is looked up, nothing allocated), as the
 * marks (CHR_LF_MARK1 ...) with CHR_WANT_BE_IN; CHR_WANT_ALL when the
 * lexicon cannot sieve.  chr_tag_sieve_wants() says whether
 * chr_tag_tokens_if(want) may tag the sentence; when it says yes, pass
 * want | CHR_WANT_SIEVED so that the sieve is not run again. */
#define CHR_WANT_SIEVED (1u << 28)
uint32_t chr_tag_sieve(const chr_lexicon *lx, const chr_text *t, uint32_t begin, uint32_t end);
int      chr_tag_sieve_wants(uint32_t sieved, uint32_t want);

/* ---- noun phrases and prepositional attachments ---------------------------- */

enum {
    CHR_NPF_PRON   = 1 << 0,   /* a pronoun: he, they, it */
    CHR_NPF_PROPER = 1 << 1,   /* its head is a proper noun */
    CHR_NPF_TIME   = 1 << 2,   /* its head is a time word: last week, on Sunday */
    CHR_NPF_LIST   = 1 << 3,   /* a coordination; its conjuncts follow it */
    CHR_NPF_QUANT  = 1 << 4,   /* holds a number: "more than 2,000 civilians" */
    CHR_NPF_NEG    = 1 << 5,   /* "no weapons" */
    CHR_NPF_REL    = 1 << 6    /* a relative pronoun (who, which, that) */
};

typedef struct chr_np {
    uint32_t first, last;   /* tokens, inclusive */
    uint32_t head;          /* the head noun; for a list, the first conjunct's */
    uint32_t poss;          /* the last possessive 's inside it ("Ukraine's
                               Emergency Services"), or CHR_NO_TOK */
    uint32_t num;           /* its first number token, or CHR_NO_TOK */
    uint32_t cconj;         /* a list's conjunction (and, or), or CHR_NO_TOK */
    int32_t parent;         /* the list it is a conjunct of, or -1 */
    uint32_t nconj;         /* a list's conjuncts are nps[i+1 .. i+nconj] */
    int32_t pp;             /* the attachment it is the object of, or -1 */
    uint16_t flags;         /* CHR_NPF_* */
} chr_np;

typedef struct chr_pp {
    uint32_t prep, prep_last;   /* "to"; "according" .. "to" */
    int32_t np;             /* its object (a top-level NP) */
    int32_t host_np;        /* the NP just before the preposition, or -1 */
    int32_t vg;             /* the verb group before it in its clause, or -1 */
} chr_pp;

/* ---- verb groups ------------------------------------------------------------- */

typedef enum chr_tense {
    CHR_TENSE_NONE = 0,     /* infinitive, gerund, bare participle */
    CHR_TENSE_PRESENT,
    CHR_TENSE_PAST,
    CHR_TENSE_FUTURE        /* will, shall, 'll; and would, the future seen
                               from the past ("announced that it would
                               supply"); other modals keep PRESENT */
} chr_tense;

enum { CHR_ASPECT_PERFECT = 1, CHR_ASPECT_PROGRESSIVE = 2 };
enum { CHR_VOICE_ACTIVE = 0, CHR_VOICE_PASSIVE = 1 };

enum {
    CHR_VGF_NEG        = 1 << 0,   /* not, n't, never inside the group */
    CHR_VGF_INF        = 1 << 1,   /* to-infinitive: "to provide" */
    CHR_VGF_GERUND     = 1 << 2,   /* "sending" with no auxiliary */
    CHR_VGF_PARTICIPLE = 1 << 3,   /* a bare past participle: "weapons supplied by" */
    CHR_VGF_FINITE     = 1 << 4,
    CHR_VGF_COPULA     = 1 << 5,   /* its head is "be": "is a threat" */
    CHR_VGF_REPORT     = 1 << 6,   /* its head is a report verb: said, announced */
    CHR_VGF_CLITIC     = 1 << 7    /* its auxiliary is the clitic of the token
                                      before ("we'll send") */
};

typedef struct chr_vgroup {
    uint32_t first, last;       /* tokens, inclusive */
    uint32_t head;              /* the main verb, or the last auxiliary when
                                   there is none ("is" in "is a threat") */
    const char *lemma;          /* the head's lemma, not NUL-terminated */
    uint32_t lemma_len;
    uint8_t tense;              /* chr_tense */
    uint8_t aspect;             /* CHR_ASPECT_* bits */
    uint8_t voice;              /* CHR_VOICE_* */
    uint8_t modal;              /* chr_modal */
    uint16_t flags;             /* CHR_VGF_* */
    uint32_t particle;          /* "out" of "carried out", or CHR_NO_TOK */
    int32_t gov;                /* the group whose complement this is, or -1 */
    int32_t comp;               /* its infinitival or gerund complement, or -1 */
    int32_t clause;
    int32_t obj;                /* direct object NP, or -1 */
    int32_t iobj;               /* indirect object: "sent Ukraine tanks", or -1 */
    int32_t agent;              /* "by X" of a passive, or -1 */
} chr_vgroup;

/* ---- clauses ------------------------------------------------------------------- */

typedef enum chr_clause_kind {
    CHR_CL_MAIN = 0,
    CHR_CL_COORD,           /* after and/but/or, or a comma, with its own verb */
    CHR_CL_COMPLEMENT,      /* "(that) it would supply ..." after said, announced */
    CHR_CL_RELATIVE,        /* "which took place ..." */
    CHR_CL_ADVERBIAL,       /* because, when, while, as, after, if ...; and
                               participle clauses: ", killing 20 people" */
    CHR_CL_QUOTE            /* inside quotation marks */
} chr_clause_kind;

typedef enum chr_subj_how {
    CHR_SUBJ_NONE = 0,
    CHR_SUBJ_EXPLICIT,      /* an NP before the verb */
    CHR_SUBJ_ANTECEDENT,    /* a relative clause's antecedent */
    CHR_SUBJ_SHARED,        /* taken from the clause it continues */
    CHR_SUBJ_INVERTED       /* after the verb: '"...," said the minister' */
} chr_subj_how;

enum { CHR_REPORT_NONE = 0, CHR_REPORT_VERB, CHR_REPORT_ACCORDING };

typedef struct chr_clause {
    uint32_t first, last;   /* tokens, inclusive */
    uint32_t vg_first, nvg; /* its verb groups: vgs[vg_first .. vg_first+nvg) */
    int32_t main_vg;        /* its first verb group that is nobody's complement */
    uint32_t intro;         /* the token that opened it (that, which, and, a
                               quotation mark), or CHR_NO_TOK */
    int32_t parent;         /* the clause it depends on or continues, or -1 */
    int32_t subj;           /* subject NP, or -1 */
    int32_t obj;            /* direct object of its main verb group, or -1 */
    int32_t antecedent;     /* a relative clause's antecedent NP, or -1 */
    int32_t frame;          /* the clause that reports this one, or -1 */
    int32_t source;         /* who reports: a report frame's subject, or the
                               NP of "according to X"; -1 */
    uint8_t kind;           /* chr_clause_kind */
    uint8_t subj_how;       /* chr_subj_how */
    uint8_t report;         /* CHR_REPORT_*: this clause reports (VERB: its main
                               verb is say/announce/...; ACCORDING: it holds
                               "according to X" and reports itself) */
    uint8_t quoted;         /* inside quotation marks */
} chr_clause;

/* ---- one parsed sentence ------------------------------------------------------- */

typedef struct chr_parse {
    uint32_t sent;
    uint32_t tok_begin, tok_end;    /* the sentence's tokens [tok_begin, tok_end) */
    chr_ptag *tags;                 /* tags[k - tok_begin] tags token k */
    chr_np *nps;          uint32_t nnp;
    chr_pp *pps;          uint32_t npp;
    chr_vgroup *vgs;      uint32_t nvg;
    chr_clause *clauses;  uint32_t ncl;
    int32_t *np_at;                 /* per token: the top-level NP holding it, or -1 */
    int32_t *vg_at;                 /* per token: the verb group holding it, or -1 */
} chr_parse;

/* Parse sentence number sent of t.  Returns CHR_OK, CHR_ENOMEM, or
 * CHR_EUSAGE when sent is out of range. */
int chr_parse_sentence(const chr_lexicon *lx, const chr_text *t, uint32_t sent,
                       chr_arena *a, chr_parse *out);
/* The same when the sentence has a word with a mark of want (see
 * chr_tag_tokens_if); CHR_DONE, with nothing parsed (and nothing left
 * allocated), when it has none. */
int chr_parse_sentence_if(const chr_lexicon *lx, const chr_text *t, uint32_t sent,
                          uint32_t want, chr_arena *a, chr_parse *out);

/* The tag of token k (which must be in the parsed sentence). */
static inline const chr_ptag *chr_parse_tag(const chr_parse *p, uint32_t k)
{
    return &p->tags[k - p->tok_begin];
}

/* The marks (CHR_LF_MARK1 ...) the lookups of token k carried: those of
 * the word, of the word without a final s and of its lemmas.  A word the
 * extractor compares with the words it marked -- token k's lemma, the
 * token itself, without its s -- can be one of them only when token k
 * carries that mark: a test that saves the comparison for most words. */
static inline uint32_t chr_parse_marks(const chr_parse *p, uint32_t k)
{
    return (uint32_t)p->tags[k - p->tok_begin].marks << CHR_LF_MARK_SHIFT;
}

/* The top-level NP holding token k, or -1; the verb group holding it, or -1. */
static inline int32_t chr_parse_np_at(const chr_parse *p, uint32_t k)
{
    return p->np_at[k - p->tok_begin];
}
static inline int32_t chr_parse_vg_at(const chr_parse *p, uint32_t k)
{
    return p->vg_at[k - p->tok_begin];
}

/* Names for dumps and tests. */
const char *chr_tense_name(int tense);          /* "none" "present" "past" "future" */
const char *chr_clause_kind_name(int kind);     /* "main" "coord" "complement" ... */

/* Append a readable description of p to out: tokens with tags, then noun
 * phrases, attachments, verb groups and clauses, one per line. */
void chr_parse_dump(const chr_text *t, const chr_parse *p, chr_buf *out);

#endif
