/*
 * doc.c - run the pipeline over one document:
 *
 *   document -> text layer -> analyzers -> extractor -> records
 *
 * Everything made here lives in the document's arena; chr_doc_process()
 * starts by resetting it, so one chr_doc serves a whole stream.
 */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

chr_doc *chr_doc_new(void)
{
    chr_doc *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    chr_arena_init(&d->arena, 256 * 1024);
    return d;
}

void chr_doc_free(chr_doc *d)
{
    if (!d) return;
    chr_arena_free(&d->arena);
    chr_buf_free(&d->trace);
    free(d);
}

static const char *dup_or_empty(chr_arena *a, const char *s)
{
    return s ? chr_arena_strdup(a, s) : "";
}

int chr_doc_process(const chr_engine *e, chr_doc *d, const chr_document *in,
                    const char *pub_override, unsigned stages, chr_error *err)
{
    chr_arena_reset(&d->arena);
    chr_arena *a = &d->arena;
    memset(&d->text, 0, sizeof d->text);
    memset(&d->mentions, 0, sizeof d->mentions);
    d->records = NULL;
    d->nrecords = 0;
    chr_buf_clear(&d->trace);

    d->id = dup_or_empty(a, in->id);
    d->title = dup_or_empty(a, in->title);
    d->source = dup_or_empty(a, in->source);
    d->url = dup_or_empty(a, in->url);
    d->date_str = dup_or_empty(a, pub_override ? pub_override : in->date);
    if (!d->id || !d->title || !d->source || !d->url || !d->date_str) goto oom;

    /* The publication date: YYYY-MM-DD, optionally followed by a time
     * ("2022-03-03T10:00:00Z"), as readers hand it on. */
    size_t dl = strlen(d->date_str);
    d->pub = dl >= 10 ? chr_day_parse(d->date_str, 10) : CHR_DAY_NONE;
    if (d->pub != CHR_DAY_NONE && dl > 10 && d->date_str[10] != 'T' && d->date_str[10] != ' ')
        d->pub = CHR_DAY_NONE;
    d->date_invalid = dl > 0 && d->pub == CHR_DAY_NONE;

    if (chr_text_build(&d->text, a, in->text ? in->text : "", in->text ? in->text_len : 0) != 0)
        goto oom;

    chr_extract_ctx x = {NULL, NULL, NULL};
    if (stages & CHR_STAGE_EXTRACT) {
        x = e->extract;
        x.lexicon = chr_engine_lexicon(e, err);
        if (!x.lexicon) return err ? err->code : CHR_EIO;
    }
    /* numbers and dates matter to the extractor only in the sentences it
       may parse; the entities, in every sentence (pronouns, topics) */
    uint8_t *only = NULL;
    uint32_t *sieved = NULL;
    if ((stages & CHR_STAGE_LEAN) && (stages & CHR_STAGE_EXTRACT) && !(stages & CHR_STAGE_TRACE) &&
        chr_extract_plan(&x, &d->text, a, &sieved, &only) != CHR_OK)
        goto oom;
    if ((stages & CHR_STAGE_ENTITIES) && e->kb &&
        chr_entities_find(e->kb, &d->text, a, &d->mentions) != 0)
        goto oom;
    if (only) chr_extract_plan_more(&d->text, &d->mentions, only);
    if ((stages & CHR_STAGE_NUMBERS) && chr_numbers_find_in(&d->text, only, a, &d->mentions) != 0)
        goto oom;
    if ((stages & CHR_STAGE_DATES) &&
        chr_dates_find_in(&d->text, d->pub, only, a, &d->mentions) != 0)
        goto oom;
    if (chr_mentions_sort(&d->mentions, a) != 0) goto oom;
    chr_mentions_drop_in_money(&d->mentions);
    if (stages & CHR_STAGE_EXTRACT) {
        chr_records rs = {NULL, 0, 0};
        if (chr_extract_doc(&x, &d->text, &d->mentions, sieved, d->pub, a, &rs,
                            (stages & CHR_STAGE_TRACE) ? &d->trace : NULL) != CHR_OK)
            goto oom;
        d->records = rs.v;
        d->nrecords = rs.n;
    }
    return CHR_OK;
oom:
    return chr_error_set(err, CHR_ENOMEM, in->file, in->line, "out of memory");
}

const char *chr_doc_id(const chr_doc *d) { return d->id; }
chr_day chr_doc_date(const chr_doc *d) { return d->pub; }
int chr_doc_date_invalid(const chr_doc *d) { return d->date_invalid; }

const char *chr_doc_text(const chr_doc *d, size_t *len)
{
    if (len) *len = d->text.src_len;
    return d->text.src;
}

size_t chr_doc_nsentences(const chr_doc *d) { return d->text.nsents; }

void chr_doc_sentence(const chr_doc *d, size_t i, uint32_t *start, uint32_t *end)
{
    const chr_sentence *s = &d->text.sents[i];
    *start = chr_text_src_offset(&d->text, s->start);
    *end = chr_text_src_offset(&d->text, s->end);
}

const chr_record *chr_doc_records(const chr_doc *d, size_t *n)
{
    *n = d->nrecords;
    return d->records;
}

const char *chr_doc_trace(const chr_doc *d)
{
    return d->trace.data ? d->trace.data : "";
}
