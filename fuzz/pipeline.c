/*
 * pipeline.c - fuzz the whole pipeline: the bundled engine is opened once,
 * then any bytes are one document's text, processed as `extract` does
 * (CHR_STAGE_RECORDS) and as `explain` does (every stage and the trace):
 * both must give the same records, which are then written with the
 * sentences in every output format, as the tool would.
 */
#include "fuzz.h"

static chr_engine *pipeline_engine;
static chr_doc *pipeline_doc;
static FILE *pipeline_sink;

static int pipeline_init(void)
{
    chr_error err;
    if (chr_engine_open(&pipeline_engine, NULL, &err) != CHR_OK) {
        chr_error_print(&err, stderr, "fuzz");
        return -1;
    }
    pipeline_doc = chr_doc_new();
    pipeline_sink = fopen("/dev/null", "w");
    return pipeline_doc && pipeline_sink ? 0 : -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_LEN) return 0;
    if (!pipeline_engine && pipeline_init() != 0) abort();
    char *raw = fuzz_cstr(data, size);
    if (!raw) return 0;
    chr_document in;
    memset(&in, 0, sizeof in);
    in.id = "fuzz";
    in.date = "2022-03-03";
    in.title = in.source = in.url = "";
    in.text = raw;
    in.text_len = size;
    in.file = "fuzz.jsonl";
    in.line = 1;
    chr_error err;
    /* the records as extract makes them, reading only what may hold one */
    char *lean = NULL;
    size_t lean_len = 0;
    FILE *f = open_memstream(&lean, &lean_len);
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(chr_doc_process(pipeline_engine, pipeline_doc, &in, NULL, CHR_STAGE_RECORDS,
                               &err) == CHR_OK);
    FUZZ_CHECK(chr_write_records(pipeline_doc, CHR_OUT_JSONL, f) == 0);
    fclose(f);
    /* and as explain makes them, parsing every sentence */
    unsigned stages = CHR_STAGE_ALL | CHR_STAGE_TRACE;
    FUZZ_CHECK(chr_doc_process(pipeline_engine, pipeline_doc, &in, NULL, stages, &err) == CHR_OK);
    char *full = NULL;
    size_t full_len = 0;
    f = open_memstream(&full, &full_len);
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(chr_write_records(pipeline_doc, CHR_OUT_JSONL, f) == 0);
    fclose(f);
    FUZZ_CHECK(lean_len == full_len && memcmp(lean, full, lean_len) == 0);
    free(lean);
    free(full);
    size_t len;
    const char *text = chr_doc_text(pipeline_doc, &len);
    FUZZ_CHECK(text != NULL && text[len] == '\0');
    for (size_t i = 0; i < chr_doc_nsentences(pipeline_doc); i++) {
        uint32_t s, e;
        chr_doc_sentence(pipeline_doc, i, &s, &e);
        FUZZ_CHECK(s <= e && e <= len);
    }
    size_t n;
    const chr_record *rs = chr_doc_records(pipeline_doc, &n);
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(rs[i].kind == CHR_REC_EVENT || rs[i].kind == CHR_REC_FIGURE);
        FUZZ_CHECK(rs[i].sent < chr_doc_nsentences(pipeline_doc));
        FUZZ_CHECK(rs[i].start <= rs[i].end && rs[i].end <= len);
        /* every day a record carries is one YYYY-MM-DD can write */
        const chr_day days[] = {rs[i].date.start, rs[i].date.end, rs[i].as_of, rs[i].since};
        for (size_t k = 0; k < sizeof days / sizeof days[0]; k++)
            if (days[k] != CHR_DAY_NONE) FUZZ_CHECK(fuzz_day_writable(days[k]));
    }
    FUZZ_CHECK(chr_write_records(pipeline_doc, CHR_OUT_JSONL, pipeline_sink) == 0);
    FUZZ_CHECK(chr_write_records(pipeline_doc, CHR_OUT_CSV, pipeline_sink) == 0);
    FUZZ_CHECK(chr_write_records(pipeline_doc, CHR_OUT_CAMEO, pipeline_sink) == 0);
    FUZZ_CHECK(chr_write_sentences(pipeline_doc, pipeline_sink) == 0);
    FUZZ_CHECK(chr_write_mentions(pipeline_doc, CHR_KINDS_ALL, pipeline_sink) == 0);
    if (stages & CHR_STAGE_TRACE) FUZZ_CHECK(chr_doc_trace(pipeline_doc) != NULL);
    free(raw);
    return 0;
}
