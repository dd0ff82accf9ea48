/*
 * extract.h - the extractor: from a document's sentences, parses and
 * mentions to event and figure records.
 *
 *   for each sentence:  parse -> triggers (patterns) -> arguments from the
 *                       clause (actor, recipient, items, money, date, place,
 *                       source) -> status and filters -> candidate records
 *   then for the document: merge the mentions of one real-world event into
 *                       one record (merge.c)
 *
 * Every record names the rule that made it; with a trace buffer, every
 * decision (made or refused) is written there for `chronicle explain`.
 */
#ifndef CHR_EXTRACT_H
#define CHR_EXTRACT_H

#include "chronicle.h"
#include "analyze/analyze.h"
#include "analyze/kb.h"
#include "extract/lexicon.h"
#include "extract/parse.h"
#include "extract/patterns.h"
#include "util/buf.h"

typedef struct chr_extract_ctx {
    const chr_patterns *patterns;
    const chr_lexicon *lexicon;
    const chr_kb *kb;
} chr_extract_ctx;

typedef struct chr_records {
    chr_record *v;
    size_t n, cap;
} chr_records;

/* Extract the records of one document.  ms must be sorted (chr_mentions_sort).
 * sieved, when not NULL, is chr_extract_plan()'s.  trace, when not NULL,
 * receives the explanation. Returns CHR_OK or CHR_ENOMEM. */
int chr_extract_doc(const chr_extract_ctx *x, const chr_text *t, const chr_mentions *ms,
                    const uint32_t *sieved, chr_day pub, chr_arena *a, chr_records *out,
                    chr_buf *trace);

/* Which sentences of t may hold a record, told by the words' hashes alone
 * before the analyzers run: (*only)[i] is 0 for a sentence that
 * chr_extract_doc() would leave unparsed whatever its mentions, and
 * (*sieved)[i] is what chr_extract_doc() needs to tell the rest without
 * sieving them again.  Both live in a; NULL when t has no sentence.
 * CHR_OK or CHR_ENOMEM. */
int chr_extract_plan(const chr_extract_ctx *x, const chr_text *t, chr_arena *a,
                     uint32_t **sieved, uint8_t **only);

/* After the entities are found: add to only[] the sentences that may go on
 * with a record of the sentence before (chr_extract_doc parses a sentence
 * naming an item right after an attack with items). */
void chr_extract_plan_more(const chr_text *t, const chr_mentions *entities, uint8_t *only);

/* Within one document, fold the records of one real-world event into one
 * (spec section 3), keeping the most precise details of each. */
void chr_records_merge(chr_records *rs, chr_buf *trace);

chr_record *chr_records_push(chr_records *rs, chr_arena *a);

#endif
