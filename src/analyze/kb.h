/*
 * kb.h - the knowledge base: who and what the news names, and how to find
 * them in a document.
 *
 * The knowledge base is loaded from the dictionaries in data/kb/ (their
 * syntax is documented in docs/dictionaries.md and at the top of each file):
 * states, organisations, people, offices, armed forces, places, weapons and
 * news sources, each an entry with a canonical name, its aliases and its
 * attributes (code, role, country, item class, source kind, years).
 *
 *   chr_kb_open() -> chr_kb_load_dir() / chr_kb_load_file() ... -> chr_kb_finish()
 *   (or all of it: chr_kb_open_bundled(DATA_DIR, user dictionaries))
 *
 * Loading validates every line and stops at the first error, reported as
 * "FILE:LINE: what is wrong" with code CHR_EDATA.  chr_kb_finish() checks what
 * needs all files (every code used is defined) and freezes the token trie;
 * afterwards the knowledge base is immutable and may be shared by threads.
 *
 * chr_entities_find() (entities.c) then runs one pass over a document's
 * tokens and appends CHR_M_ACTOR, CHR_M_PLACE, CHR_M_ITEM and CHR_M_SOURCE
 * mentions whose u.entry points at the entry found.  An entry that is several
 * kinds at once (Kyiv is a place and, as a metonym, an actor; the United
 * Nations is an actor and a source) yields one mention per kind over the same
 * span, so a consumer asks only for the kind it wants.
 */
#ifndef CHR_KB_H
#define CHR_KB_H

#include <stddef.h>
#include <stdint.h>

#include "chronicle.h"
#include "analyze.h"

/* ---- enumerations ------------------------------------------------------- */

/* What an entry is; an entry may be several (a bit mask). */
enum {
    CHR_EK_ACTOR  = 1 << 0,
    CHR_EK_PLACE  = 1 << 1,
    CHR_EK_ITEM   = 1 << 2,
    CHR_EK_SOURCE = 1 << 3,
    /* Not mentions by themselves, but words the matcher composes with:
     * a head noun or title ("troops", "Defence Ministry", "President")
     * and a word that ends the title of a law or treaty ("Act"). */
    CHR_EK_HEAD   = 1 << 4,
    CHR_EK_BLOCK  = 1 << 5,
    /* a word that extends the place before it ("Kharkiv region"), and a
     * phrase that is no mention though it holds a name ("think tank") */
    CHR_EK_SUFFIX = 1 << 6,
    CHR_EK_STOP   = 1 << 7
};

/* Actor roles of the record contract (docs: spec 2.3).  0 is "none". */
typedef enum chr_role {
    CHR_ROLE_NONE = 0,
    CHR_ROLE_GOV, CHR_ROLE_MIL, CHR_ROLE_CVL, CHR_ROLE_MED,
    CHR_ROLE_REB, CHR_ROLE_BUS, CHR_ROLE_IGO, CHR_ROLE_NGO,
    CHR_ROLE_COUNT
} chr_role;

typedef enum chr_item_class {
    CHR_IC_NONE = 0,
    CHR_IC_AIR_DEFENCE, CHR_IC_ANTI_TANK, CHR_IC_ARTILLERY,
    CHR_IC_ROCKET_ARTILLERY, CHR_IC_MISSILE, CHR_IC_TANK,
    CHR_IC_ARMOURED_VEHICLE, CHR_IC_AIRCRAFT, CHR_IC_HELICOPTER, CHR_IC_DRONE,
    CHR_IC_SHIP, CHR_IC_SMALL_ARMS, CHR_IC_AMMUNITION, CHR_IC_PROTECTIVE,
    CHR_IC_MEDICAL, CHR_IC_FOOD, CHR_IC_FUEL, CHR_IC_OTHER,
    CHR_IC_COUNT
} chr_item_class;

typedef enum chr_source_kind {
    CHR_SK_NONE = 0,
    CHR_SK_MEDIA, CHR_SK_GOVERNMENT, CHR_SK_IGO, CHR_SK_NGO, CHR_SK_PERSON,
    CHR_SK_UNNAMED,
    CHR_SK_COUNT
} chr_source_kind;

/* What sort of thing an actor is; lets the extractor tell "Russia" from
 * "Russian" and from "Vladimir Putin" without a second lookup. */
typedef enum chr_entry_type {
    CHR_ET_NONE = 0,
    CHR_ET_STATE,       /* a state: defines its ISO 3166-1 alpha-3 code */
    CHR_ET_ORG,         /* an international organisation: defines its code */
    CHR_ET_PERSON,
    CHR_ET_OFFICE,      /* a seat or body of government: the White House, the FSB */
    CHR_ET_FORCE,       /* armed forces: the Armed Forces of Ukraine */
    CHR_ET_GROUP,       /* armed groups, militias, separatists, companies */
    CHR_ET_DEMONYM,     /* an adjective: Ukrainian, Russian */
    CHR_ET_PEOPLE,      /* a people: Ukrainians, Russians */
    CHR_ET_COUNT
} chr_entry_type;

/* Names as the record contract writes them ("GOV", "air-defence", "media",
 * "state"); "" for 0 or out of range. */
const char *chr_role_name(int role);
const char *chr_item_class_name(int cls);
const char *chr_source_kind_name(int kind);
const char *chr_entry_type_name(int type);
/* The value for a name of n bytes, or -1 when unknown. */
int chr_role_parse(const char *s, size_t n);
int chr_item_class_parse(const char *s, size_t n);
int chr_source_kind_parse(const char *s, size_t n);
int chr_entry_type_parse(const char *s, size_t n);
/* The source kind of someone speaking in a role: GOV and MIL "government",
 * IGO "igo", NGO "ngo", MED "media", anyone else "person". */
int chr_source_kind_of_role(int role);

/* ---- entries ------------------------------------------------------------ */

typedef struct chr_entry {
    const char *name;           /* canonical name: "Antony Blinken", "Stinger" */
    const struct chr_entry *of; /* the state or organisation entry that defines
                                   code (itself for a state); NULL without code */
    char code[8];               /* actor code: ISO alpha-3 or an organisation's */
    char country[4];            /* a place's state, ISO alpha-3; "" otherwise */
    uint8_t kinds;              /* CHR_EK_* */
    uint8_t type;               /* chr_entry_type */
    uint8_t role;               /* chr_role: an actor's or a head noun's */
    uint8_t source_kind;        /* chr_source_kind, for CHR_EK_SOURCE */
    uint8_t item_class;         /* chr_item_class, for CHR_EK_ITEM */
    uint8_t generic;            /* an item named by a common phrase
                                   ("anti-tank weapons"): no system name */
    int16_t from, to;           /* years in office; 0 when unknown */
    uint32_t id;                /* index in the knowledge base */
    uint32_t naliases;          /* names as written in the files (with name) */
    int32_t late;               /* slot for surname-only aliases, -1 none */
    const char *file;           /* where it was defined */
    long line;
} chr_entry;

/* ---- loading ------------------------------------------------------------- */

typedef struct chr_kb chr_kb;

int  chr_kb_open(chr_kb **kb, chr_error *err);
/* One dictionary file, and the files it includes.  A file is loaded once:
 * loading or including it again does nothing. */
int  chr_kb_load_file(chr_kb *kb, const char *path, chr_error *err);
/* Dictionary text held in memory; name is used in messages and relative
 * includes are resolved from the current directory. */
int  chr_kb_load_string(chr_kb *kb, const char *name, const char *text,
                        size_t len, chr_error *err);
/* Every *.txt file of dir, in byte order of their names. */
int  chr_kb_load_dir(chr_kb *kb, const char *dir, chr_error *err);
/* Check the codes and freeze: after this the knowledge base is read-only. */
int  chr_kb_finish(chr_kb *kb, chr_error *err);
void chr_kb_close(chr_kb *kb);

/* The usual sequence: open, load DATA_DIR/kb/, then each of extra (user
 * dictionaries, on top), then finish.  On error *kb is NULL. */
int chr_kb_open_bundled(chr_kb **kb, const char *data_dir,
                        const char *const *extra, size_t nextra, chr_error *err);

/* ---- looking things up --------------------------------------------------- */

size_t chr_kb_nentries(const chr_kb *kb);
const chr_entry *chr_kb_entry(const chr_kb *kb, size_t i);
/* The state or organisation entry that defines code, or NULL. */
const chr_entry *chr_kb_code(const chr_kb *kb, const char *code);
/* Every entry one of whose aliases is exactly the words of name (case as in
 * the text: "US" finds the United States, "us" nothing); up to max, returns
 * how many were found. */
size_t chr_kb_lookup(const chr_kb *kb, const char *name, const chr_entry **out,
                     size_t max);

typedef struct chr_kb_stats {
    size_t entries, aliases;    /* aliases: names as written in the files */
    size_t keys;                /* word sequences in the trie, with variants */
    size_t words, nodes;        /* distinct lower-case words, trie nodes */
    size_t bytes;               /* memory held */
} chr_kb_stats;
void chr_kb_stats_get(const chr_kb *kb, chr_kb_stats *st);

/* ---- the matcher ----------------------------------------------------------- */

/* Flags of entity mentions (chr_mention.flags). */
enum {
    CHR_MF_ROLE_MASK  = 0x0F,   /* the role in this mention, set by a
                                   composite: "Russian troops" is Russia as
                                   MIL; 0: the entry's own role */
    CHR_MF_THE        = 0x10,   /* the span starts with "the" */
    CHR_MF_COMPOSITE  = 0x20,   /* a state or organisation with a head noun:
                                   "Russia's Defence Ministry", "the Ministry
                                   of Defence of Ukraine"; entry is the state */
    CHR_MF_POSSESSIVE = 0x40,   /* followed by 's, which is not in the span */
    CHR_MF_TITLED     = 0x80    /* a person or office with the title or state
                                   before it in the span: "US Secretary of
                                   State Antony Blinken", "US State Department" */
};

/* Append the entity mentions of t to out (in text order, kinds of one span
 * together).  Returns 0, or -1 when out of memory. */
int chr_entities_find(const chr_kb *kb, const chr_text *t, chr_arena *a,
                      chr_mentions *out);

/* The role an entity mention stands in: its override, else its entry's. */
static inline int chr_mention_role(const chr_mention *m)
{
    int r = m->flags & CHR_MF_ROLE_MASK;
    return r ? r : m->u.entry->role;
}

/* The source kind of a CHR_M_SOURCE mention: the entry's, or for a
 * composite ("Ukraine's Emergency Services") the one of its role. */
static inline int chr_mention_source_kind(const chr_mention *m)
{
    if (!(m->flags & CHR_MF_COMPOSITE) && m->u.entry->source_kind)
        return m->u.entry->source_kind;
    return chr_source_kind_of_role(chr_mention_role(m));
}

/* ---- the layout shared by the loader and the matcher ------------------------
 *
 * Aliases are sequences of lower-cased tokens (as chr_tokenize cuts them,
 * hyphens dropped) stored in a token trie.  Every distinct word has an id;
 * the root's children are found through the word table, deeper edges through
 * one hash table keyed by (node, word).  A node lists the terminals of the
 * aliases that end there, each with the case every word must have.  Callers
 * outside kb.c and entities.c use only the functions above. */

enum { CHR_KB_CASE_ANY = 0, CHR_KB_CASE_CAP = 1, CHR_KB_CASE_UPPER = 2 };
enum {
    CHR_KT_LATE    = 1 << 0,    /* "~Austin": only after a full mention */
    CHR_KT_VARIANT = 1 << 1     /* made by the loader: plural, no accents */
};
#define CHR_KB_MAX_WORDS 32     /* words in one alias */

typedef struct chr_kb_term {
    uint32_t entry;
    uint32_t casepat;           /* offset of ntok case bytes in kb->cases */
    uint8_t ntok;
    uint8_t flags;              /* CHR_KT_* */
    uint16_t pad;
    uint32_t next;              /* while loading: next terminal of the node */
} chr_kb_term;

typedef struct chr_kb_node {
    uint32_t term;              /* first terminal (index in kb->terms) */
    uint16_t nterm;
    uint8_t kinds;              /* union of the kinds of its terminals */
    uint8_t children;           /* 1 when some name goes on from here */
} chr_kb_node;

/* A slot of the word table: the upper half of the word's hash and its id. */
typedef struct chr_kb_slot {
    uint32_t tag;
    uint32_t id;                /* from 1; 0 = empty slot */
} chr_kb_slot;

typedef struct chr_kb_edge {
    uint64_t key;               /* parent << 32 | word id; 0 = empty slot */
    uint32_t child;
} chr_kb_edge;

/* The hash of lower-cased token bytes: the text layer's chr_text_hash(),
 * which the tokenizer computes for every word of a document, so that the
 * matcher never hashes a word again. */
uint64_t chr_kb_hash(const char *s, size_t n);
/* Id of the lower-cased word s[0..n) (already lower case), 0 if unknown. */
uint32_t chr_kb_word_find(const chr_kb *kb, uint64_t hash, const char *s, size_t n);
#define CHR_KB_FILTER_BIT(h) ((size_t)((h) >> 16) & 0xFFFF)
/* Write the lower case of s[0..n) into out (cap bytes); returns its length,
 * or 0 when it does not fit. */
size_t chr_kb_lower(const char *s, size_t n, int ascii, char *out, size_t cap);

struct chr_kb {
    chr_arena arena;            /* strings, entries' names */
    chr_entry *entries;
    size_t nentries, centries;
    chr_kb_slot *words;         /* open addressing, size a power of two */
    size_t wcap, nwords;
    const char **wstr;          /* word id -> its lower-case bytes */
    uint32_t *wlen;             /* word id -> their length */
    uint32_t byte_word[256];    /* id of each one-byte word (".", "+") */
    uint64_t filter[1024];      /* one bit per hash value of a word: most
                                   words of a text are in no name and are
                                   turned away here, in the first cache */
    uint64_t root_filter[1024]; /* the same for the words that begin a name */
    uint32_t *root;             /* word id -> child of the root (0: none); */
    size_t rootcap;             /* root, wstr and wlen have rootcap slots */
    chr_kb_edge *edges;         /* open addressing, size a power of two */
    size_t ecap, nedges;
    chr_kb_node *nodes;         /* node 0 is the root */
    size_t nnodes, cnodes;
    chr_kb_term *terms;
    size_t nterms, cterms;
    uint8_t *cases;
    size_t ncases, ccases;
    uint32_t *codes;            /* code -> entry index + 1, open addressing */
    size_t ncodes, ccodes;
    size_t nlate;               /* entries with surname-only aliases */
    size_t naliases;
    int finished;
    /* loading state */
    char **loaded;              /* real paths of loaded files */
    size_t nloaded, cloaded;
    int depth;                  /* include nesting */
    int iso_quiet;              /* adding ISO names: conflicts are skipped */
    const char *last_file;      /* interned name of the file being read */
    chr_arena scratch;
};

static inline uint64_t chr_kb_mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

/* The child of parent by word wid, 0 when none (parent is not the root). */
static inline uint32_t chr_kb_edge_find(const chr_kb *kb, uint32_t parent, uint32_t wid)
{
    uint64_t key = (uint64_t)parent << 32 | wid;
    size_t mask = kb->ecap - 1;
    for (size_t i = (size_t)chr_kb_mix(key) & mask;; i = (i + 1) & mask) {
        if (kb->edges[i].key == key) return kb->edges[i].child;
        if (!kb->edges[i].key) return 0;
    }
}

#endif
