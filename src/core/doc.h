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
#include "util/buf.h"

#include "analyze/kb.h"
#include "extract/extract.h"

#include <pthread.h>

/* The lexicon (WordNet: most of the loading time) is loaded when the first
 * document goes to the extractor; commands that never parse never pay for
 * it.  Its data files are checked when the engine opens, so a mistake in
 * them is still reported at once. */
struct chr_engine {
    char *data_dir;
    chr_kb *kb;                     /* actors, places, items, sources */
    chr_patterns *patterns;         /* event and figure triggers */
    chr_extract_ctx extract;        /* without the lexicon (chr_engine_lexicon) */
    pthread_mutex_t lexicon_lock;   /* taken to load the lexicon */
    chr_lexicon *_Atomic lexicon;   /* parts of speech and lemmas; NULL until loaded */
    int lexicon_status;             /* CHR_OK, or why loading it failed */
    chr_error lexicon_err;
};

/* The lexicon, loaded (and marked for the extractor) on first call; NULL
 * with *err filled when it cannot be. */
const chr_lexicon *chr_engine_lexicon(const chr_engine *e, chr_error *err);

struct chr_doc {
    chr_arena arena;
    const char *id, *date_str, *title, *source, *url;
    chr_day pub;                    /* CHR_DAY_NONE when no usable date */
    int date_invalid;               /* a date was given but is not a real day */
    chr_text text;
    chr_mentions mentions;          /* sorted by start after processing */
    chr_record *records;
    size_t nrecords;
    chr_buf trace;                  /* the extractor's explanation (CHR_STAGE_TRACE) */
};

#endif
