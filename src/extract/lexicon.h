/*
 * lexicon.h - English words: possible parts of speech, verb and noun lemmas,
 * and the few features the shallow parser needs (person and number of
 * pronouns, auxiliaries, modals, negation, report verbs, time words).
 *
 * The lexicon is built once at start-up from two sources:
 *
 *   - WordNet's index and exception files (Debian's wordnet-base, normally
 *     /usr/share/wordnet): the open classes (nouns, verbs, adjectives,
 *     adverbs), irregular inflections, and SemCor sense counts that tell
 *     whether a word is more often a noun or a verb;
 *   - Chronicle's own data files in DATA_DIR/lexicon/: closed.txt (function
 *     words), irregular.txt (principal parts of irregular verbs) and
 *     overrides.txt (open-class words whose WordNet entry is wrong or
 *     incomplete for news, and word classes such as report verbs).
 *
 * Without WordNet the lexicon still knows every closed-class word and guesses
 * open-class words from their suffixes.  Regular inflections (sends, sent,
 * sending, supplied, missiles) are analysed at lookup time against the
 * lemmas, so the table holds lemmas and exceptions only.
 *
 * After chr_lexicon_open() the lexicon is immutable: threads may share it.
 */
#ifndef CHR_LEXICON_H
#define CHR_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "chronicle.h"

/* ---- tags ----------------------------------------------------------------
 * The shallow parser's part-of-speech tags (a subset of Universal
 * Dependencies' UPOS).  The lexicon reports possible tags as a bit mask. */
typedef enum chr_tag {
    CHR_T_X = 0,    /* nothing known */
    CHR_T_DET,      /* the, a, this, some, no, his (possessive determiners) */
    CHR_T_PRON,     /* he, them, who (relative), which (relative), there */
    CHR_T_NOUN,
    CHR_T_PROPN,
    CHR_T_ADJ,
    CHR_T_NUM,      /* 2,000  two  million  dozens */
    CHR_T_VERB,     /* main verbs */
    CHR_T_AUX,      /* be, have, do (and get in get-passives) */
    CHR_T_MODAL,    /* will, would, can, could, may, might, shall, should, must */
    CHR_T_ADV,
    CHR_T_ADP,      /* prepositions */
    CHR_T_CCONJ,
    CHR_T_SCONJ,    /* that (complementizer), because, while, if, when ... */
    CHR_T_PART,     /* to (infinitive), 's (possessive), not */
    CHR_T_PUNCT,
    CHR_T_SYM,
    CHR_T_COUNT
} chr_tag;

#define CHR_TB(t) (1u << (t))

/* "NOUN", "VERB", ... */
const char *chr_tag_name(int tag);

/* ---- verb forms ------------------------------------------------------- */
enum {
    CHR_VF_BASE     = 1 << 0,  /* send (infinitive, imperative, present plural) */
    CHR_VF_PRES     = 1 << 1,  /* finite present that is not a base form: am, are */
    CHR_VF_PRES3    = 1 << 2,  /* sends, is, has, does */
    CHR_VF_PAST     = 1 << 3,  /* sent, was, had, did */
    CHR_VF_PASTPART = 1 << 4,  /* sent, been, taken */
    CHR_VF_GERUND   = 1 << 5   /* sending, being */
};
#define CHR_VF_FINITE (CHR_VF_BASE | CHR_VF_PRES | CHR_VF_PRES3 | CHR_VF_PAST)

/* "base", "pres", "pres3", "past", "pastpart", "gerund" for one bit. */
const char *chr_vform_name(int vform);

/* ---- auxiliaries and modals -------------------------------------------- */
enum { CHR_AUX_NONE = 0, CHR_AUX_BE, CHR_AUX_HAVE, CHR_AUX_DO, CHR_AUX_GET };

typedef enum chr_modal {
    CHR_MODAL_NONE = 0, CHR_MODAL_WILL, CHR_MODAL_WOULD, CHR_MODAL_SHALL,
    CHR_MODAL_SHOULD, CHR_MODAL_CAN, CHR_MODAL_COULD, CHR_MODAL_MAY,
    CHR_MODAL_MIGHT, CHR_MODAL_MUST, CHR_MODAL_COUNT
} chr_modal;

/* "will", "would", ...; "" for CHR_MODAL_NONE. */
const char *chr_modal_name(int modal);

/* ---- features ---------------------------------------------------------- */
enum {
    CHR_LF_P1       = 1u << 0,   /* pronoun person */
    CHR_LF_P2       = 1u << 1,
    CHR_LF_P3       = 1u << 2,
    CHR_LF_SG       = 1u << 3,   /* number (pronouns; singular verb forms) */
    CHR_LF_PL       = 1u << 4,   /* pronouns; and a noun reading that is plural */
    CHR_LF_NOM      = 1u << 5,   /* pronoun case: he, they, who */
    CHR_LF_ACC      = 1u << 6,   /* him, them, whom */
    CHR_LF_POSS     = 1u << 7,   /* his, their, whose */
    CHR_LF_REFL     = 1u << 8,   /* himself */
    CHR_LF_REL      = 1u << 9,   /* can open a relative clause: which, who, that */
    CHR_LF_NEG      = 1u << 10,  /* not, n't, never, no, didn't */
    CHR_LF_QPRE     = 1u << 11,  /* may stand before a number in a noun phrase:
                                    about, over, more than, at least */
    CHR_LF_TIME     = 1u << 12,  /* week, Sunday, March, yesterday */
    CHR_LF_REPORT   = 1u << 13,  /* say, announce, report, according to */
    CHR_LF_PARTICLE = 1u << 14,  /* up, out, off: verb particles */
    CHR_LF_PREFIX   = 1u << 15,  /* re, co, pre: glued verb prefixes */
    CHR_LF_EXIST    = 1u << 16,  /* existential there */
    CHR_LF_MWSTART  = 1u << 17,  /* first word of a multi-word entry */
    CHR_LF_CLITIC   = 1u << 18,  /* 'll 'd 've 're 'm: contracted auxiliary */
    CHR_LF_GUESSED  = 1u << 19,  /* not in the lexicon: tags guessed from the suffix */
    CHR_LF_COMPLETE = 1u << 20,  /* tags were set by a Chronicle data file */
    CHR_LF_MARK1    = 1u << 21,  /* the marks of chr_lexicon_mark() */
    CHR_LF_MARK2    = 1u << 22,
    CHR_LF_MARK3    = 1u << 23,
    CHR_LF_MARK4    = 1u << 24,
    CHR_LF_MARK5    = 1u << 25,
    CHR_LF_MARK6    = 1u << 26
};
#define CHR_LF_MARKS (CHR_LF_MARK1 | CHR_LF_MARK2 | CHR_LF_MARK3 | CHR_LF_MARK4 | \
                      CHR_LF_MARK5 | CHR_LF_MARK6)
#define CHR_LF_MARK_SHIFT 21        /* the marks as the low bits of a byte */

/* What the lexicon knows about one word form.  Strings point into the
 * lexicon, or into buf for a guessed lemma (so a copy of the struct must
 * not outlive the original when CHR_LF_GUESSED is set); they are not
 * NUL-terminated. */
typedef struct chr_lexinfo {
    uint32_t tags;          /* CHR_TB() mask of possible tags; never 0 for a word */
    uint32_t feats;         /* CHR_LF_* */
    uint8_t vforms;         /* CHR_VF_* mask, for VERB and AUX readings */
    uint8_t aux;            /* CHR_AUX_* */
    uint8_t modal;          /* chr_modal */
    uint8_t pad;
    uint16_t nfreq, vfreq;  /* SemCor counts of the lemma as noun / verb */
    const char *vlemma;     /* verb lemma ("send" for sent), NULL if no verb reading */
    size_t vlemma_len;
    const char *nlemma;     /* noun lemma ("missile" for missiles), NULL if none */
    size_t nlemma_len;
    char buf[48];           /* storage for a guessed lemma */
} chr_lexinfo;

typedef struct chr_lexicon chr_lexicon;

/* Load DATA_DIR/lexicon/{closed,irregular,overrides}.txt and WordNet from
 * wordnet_dir (NULL: /usr/share/wordnet).  data_dir NULL means
 * chr_data_dir().  A missing WordNet is not an error (see
 * chr_lexicon_has_wordnet); a missing or malformed data file is
 * (CHR_EIO / CHR_EDATA with file and line in err). */
int  chr_lexicon_open(chr_lexicon **lx, const char *data_dir,
                      const char *wordnet_dir, chr_error *err);
void chr_lexicon_close(chr_lexicon *lx);

/* Whether WordNet was found and loaded. */
int    chr_lexicon_has_wordnet(const chr_lexicon *lx);
/* Number of word forms in the table. */
size_t chr_lexicon_size(const chr_lexicon *lx);
/* Longest multi-word entry ("according to" is 2). */
int    chr_lexicon_mw_max(const chr_lexicon *lx);
/* Whether the key of words joined by '_' (any case) may be a multi-word
 * entry or an inflection of one; 0 means its lookup would only guess. */
int    chr_lexicon_mw_may(const chr_lexicon *lx, const char *key, size_t n);

/* Look up the word w[0..n) case-insensitively (ASCII letters), analysing
 * regular inflections.  Multi-word entries are looked up with '_' between
 * the words ("according_to").  Fills *out and returns 1 when the word (or
 * its lemma) is in the lexicon, 0 when the tags were guessed from its
 * suffix (then CHR_LF_GUESSED is set). */
int chr_lexicon_lookup(const chr_lexicon *lx, const char *w, size_t n,
                       chr_lexinfo *out);

/* The same with the hash of w: chr_text_hash() of its lower-case form, as
 * chr_text.hash holds it for every token (saves a pass over the word). */
int chr_lexicon_lookup_h(const chr_lexicon *lx, const char *w, size_t n, uint64_t hash,
                         chr_lexinfo *out);
/* Ask the processor to fetch what a lookup of the word with this hash
 * reads first: lookups are bound by memory latency, and a caller that
 * knows its next words can have their tables on the way. */
void chr_lexicon_prefetch(const chr_lexicon *lx, uint64_t hash);
/* The second step, a few words later: the entry the word's slot names
 * (chr_lexicon_prefetch brought the slot), so that its lookup waits for
 * no memory at all. */
void chr_lexicon_prefetch_entry(const chr_lexicon *lx, uint64_t hash);

/* Look w up among the common words only: those Chronicle's data files
 * list (function words, irregular forms, report and time words).  Returns
 * 1 and fills *out when w is one, 0 otherwise; it never touches the large
 * table, which makes it the cheap test for capitalized words in mid
 * sentence, which are names unless they are function words.  When w is
 * not one, out->feats still carries w's marks (chr_lexicon_marks). */
int chr_lexicon_lookup_common(const chr_lexicon *lx, const char *w, size_t n,
                              chr_lexinfo *out);
int chr_lexicon_lookup_common_h(const chr_lexicon *lx, const char *w, size_t n,
                                uint64_t hash, chr_lexinfo *out);

/* ---- marks --------------------------------------------------------------
 * A caller that looks for a few words (the extractor: the words its
 * triggers start with) marks them once, after loading and before any
 * lookup; from then on the feats of a lookup carry a word's marks when the
 * word itself, the word without a final "s", or one of the lemmas the
 * lookup returns is marked.  Lemmas are what the words are compared by, so
 * a sentence none of whose lookups carries a mark holds none of the words,
 * in any inflection, and need not be looked at further. */

/* Give each of the n words (lower case, shorter than 32 bytes) its marks
 * (any of CHR_LF_MARK1 ... CHR_LF_MARK6).  CHR_EUSAGE, marking nothing, when
 * a word is empty or too long or its marks are none of these; CHR_ENOMEM;
 * else CHR_OK. */
int chr_lexicon_mark(chr_lexicon *lx, const char *const *words, const uint32_t *marks,
                     size_t n);
/* Whether any word was marked. */
int chr_lexicon_has_marks(const chr_lexicon *lx);
/* The marks of the word w[0..n) (any case) or of w without a final "s", as
 * words: no lemma is looked for. */
uint32_t chr_lexicon_marks(const chr_lexicon *lx, const char *w, size_t n);

/* Without a lookup: marking also lists every word form whose lookup may
 * carry a mark -- the marked words with every ending the lookup's analysis
 * of regular inflections and its guesses strip, and the irregular forms
 * and common words whose lemmas are marked -- with the forms of "be", by
 * the hash the text layer gives each token (chr_text_hash of the lower-case
 * word).  chr_lexicon_sieve() answers from that list, in a few
 * instructions and from a table that stays in the cache: the marks a word
 * with that hash may carry (some it will not: hashes collide), with
 * CHR_SIEVE_BE when it may be a form of "be"; 0 rules the word out.  The
 * list does not cover
 * multi-word entries or words with apostrophes: a caller looks those up.  chr_lexicon_can_sieve() says whether the list
 * was made (there are marks, and no multi-word entry carries one). */
#define CHR_SIEVE_BE (1u << 30)
int      chr_lexicon_can_sieve(const chr_lexicon *lx);
uint32_t chr_lexicon_sieve(const chr_lexicon *lx, uint64_t hash);

/* The sieve's first test, for a caller's inner loop: a bit per hash value
 * (CHR_SIEVE_WORDS words of 64 bits); a clear bit means chr_lexicon_sieve()
 * says 0. */
#define CHR_SIEVE_WORDS 1024
const uint64_t *chr_lexicon_sieve_filter(const chr_lexicon *lx);
static inline int chr_sieve_may(const uint64_t *filter, uint64_t hash)
{
    return (int)(filter[(hash >> 48) & (CHR_SIEVE_WORDS - 1)] >> ((hash >> 58) & 63) & 1);
}

#endif
