/*
 * patterns.h - the event and figure triggers, loaded from data files
 * (data/patterns/events.txt, data/patterns/figures.txt; their syntax is
 * documented at the top of each file).
 *
 * A trigger is a verb lemma or a noun, optionally with the words that must
 * follow it ("hand over", "impose sanction"), and the attributes that say
 * how to read its clause: the PLOVER type, mode, CAMEO code, the status of
 * its plain past tense, where its actor and recipient stand, and what the
 * clause must mention for it to count.  Immutable after loading.
 */
#ifndef CHR_PATTERNS_H
#define CHR_PATTERNS_H

#include <stddef.h>
#include <stdint.h>

#include "chronicle.h"

#define CHR_PAT_MAXWORDS 4
#define CHR_PAT_MAXSLOTS 6

/* Where an argument stands. */
typedef enum chr_slot {
    CHR_SLOT_NONE = 0,
    CHR_SLOT_SUBJ,      /* the clause's subject */
    CHR_SLOT_OBJ,       /* the direct object */
    CHR_SLOT_IOBJ,      /* the first of two objects: "supply Ukraine with arms" */
    CHR_SLOT_PREP       /* the object of a preposition (prep names it) */
} chr_slot;

typedef struct chr_argspec {
    uint8_t slot;           /* chr_slot */
    char prep[12];          /* for CHR_SLOT_PREP: "to", "with", ... */
} chr_argspec;

enum {
    CHR_NEED_AID    = 1 << 0,   /* materiel, money or an aid noun */
    CHR_NEED_MONEY  = 1 << 1,
    CHR_NEED_WEAPON = 1 << 2,
    CHR_NEED_PHONE  = 1 << 3,
    CHR_NEED_PEOPLE = 1 << 4    /* its object is people: troops, civilians, ... */
};

/* What a trigger makes: an event, or for figures.txt a figure metric or a
 * population noun. */
enum { CHR_PAT_EVENT = 1, CHR_PAT_METRIC, CHR_PAT_POPULATION, CHR_PAT_AIDNOUN,
       CHR_PAT_GOVERNOR };

typedef struct chr_pattern {
    uint8_t what;                   /* CHR_PAT_* */
    char pos;                       /* 'v' verb lemma, 'n' noun, 'a' adjective */
    uint8_t nwords;
    const char *words[CHR_PAT_MAXWORDS];   /* lower case; words[0] the lemma */
    const char *type, *mode, *cameo, *cameo_pledged;
    const char *status;             /* of the plain past: delivered/pledged/... */
    const char *metric;             /* figures: killed, injured, ... */
    const char *population;         /* figures: civilians, soldiers, ... */
    const char *governs;            /* governors: the status they give: pledged, planned, deny, request */
    chr_argspec actor;
    chr_argspec recipient[CHR_PAT_MAXSLOTS];
    uint8_t nrecipient;
    uint8_t symmetric;
    uint8_t refer;                  /* a noun that only refers back ("the package") */
    uint8_t needs;                  /* CHR_NEED_* */
    const char *rule;
    const char *file;
    long line;
} chr_pattern;

typedef struct chr_patterns chr_patterns;

int  chr_patterns_open(chr_patterns **ps, chr_error *err);
/* Load one pattern file (and what it includes). */
int  chr_patterns_load_file(chr_patterns *ps, const char *path, chr_error *err);
int  chr_patterns_load_string(chr_patterns *ps, const char *name, const char *text,
                              size_t len, chr_error *err);
/* Load every .txt file of DATA_DIR/patterns, in name order. */
int  chr_patterns_load_dir(chr_patterns *ps, const char *dir, chr_error *err);
void chr_patterns_close(chr_patterns *ps);

size_t chr_patterns_count(const chr_patterns *ps);
/* Pattern i (i < chr_patterns_count()), in lookup order. */
const chr_pattern *chr_patterns_at(const chr_patterns *ps, size_t i);

/* The patterns whose first word is w[0..n) (lower-cased on lookup) and whose
 * part of speech is pos; up to max into out, most words first. */
size_t chr_patterns_find(const chr_patterns *ps, char pos, const char *w, size_t n,
                         const chr_pattern **out, size_t max);

#endif
