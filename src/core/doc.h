/*
 * doc.h - the insides of the engine and of one document being processed,
 * shared by the pipeline (engine.c, doc.c) and the writers (io/writer.c).
 */
#ifndef CHR_DOC_H
#define CHR_DOC_H

#include "chronicle.h"
#include "analyze/analyze.h"
#include "text/text.h"
#include "util/arena.h"

struct chr_kb;
struct chr_lexicon;

struct chr_engine {
    char *data_dir;
    struct chr_kb *kb;              /* actors, places, items, sources */
    struct chr_lexicon *lexicon;    /* parts of speech and lemmas */
};

struct chr_doc {
    chr_arena arena;
    const char *id, *date_str, *title, *source, *url;
    chr_day pub;                    /* CHR_DAY_NONE when no usable date */
    int date_invalid;               /* a date was given but is not a real day */
    chr_text text;
    chr_mentions mentions;          /* sorted by start after processing */
    chr_record *records;
    size_t nrecords;
};

#endif
