/*
 * jobs.c - the input loop with documents processed on several threads.
 *
 * The calling thread reads the input in order and asks screen about each
 * document first (a store that already holds it needs no processing).
 * Worker threads process the others, each document in a chr_doc of its own,
 * all sharing the one engine, which is immutable once open.  The calling
 * thread hands every document, processed or passed on, to done in input
 * order, so what done writes does not depend on how many threads there are.
 *
 * A ring of slots bounds the work in flight: a slot holds a copy of the
 * document as read (the reader's strings go away at its next document) and
 * the chr_doc made from it, and is used again once done has seen it.  Memory
 * therefore stays flat whatever the size of the input.
 *
 * Slot states move FREE -> QUEUED -> BUSY -> DONE -> FREE, or FREE -> DONE
 * for a document screen passed on; the calling thread fills and empties
 * slots, workers only take QUEUED ones.  Sequence numbers count documents:
 * those in [next_done, next_read) are in flight, slot seq % nslots each.
 */
#include "cli.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

/* Slots per thread: enough that workers keep going while the calling
 * thread is busy in done (a store committing, say). */
#define SLOTS_PER_JOB 4

enum { SLOT_FREE, SLOT_QUEUED, SLOT_BUSY, SLOT_DONE };

typedef struct slot {
    int state;
    int passed;             /* screen passed it on: no chr_doc */
    chr_document doc;       /* strings in buf */
    char *buf;
    size_t cap;
    chr_doc *d;
    int rc;
    chr_error err;
} slot;

typedef struct jobs {
    const cli_input *in;
    const cli_jobs_fns *fns;
    void *ctx;
    chr_engine *engine;
    slot *slots;
    size_t nslots;
    pthread_mutex_t lock;
    pthread_cond_t work;        /* a slot was queued, or quit */
    pthread_cond_t finished;    /* a slot is done */
    unsigned long long next_read, next_take, next_done;
    int quit;
    int stopped;                /* done or screen asked to stop */
    int status;                 /* CLI_EXIT_SKIPPED after a processing error */
} jobs;

/* Copy doc's strings into s, so that they outlive the reader's. */
static int slot_fill(slot *s, const chr_document *doc)
{
    const char *str[] = {doc->id, doc->date, doc->title, doc->source, doc->url, doc->file};
    size_t len[6], need = doc->text_len + 1;
    for (int i = 0; i < 6; i++) {
        len[i] = str[i] ? strlen(str[i]) : 0;
        need += len[i] + 1;
    }
    if (need > s->cap) {
        char *b = realloc(s->buf, need);
        if (!b) return -1;
        s->buf = b;
        s->cap = need;
    }
    /* The text first: it may hold NUL bytes, so it is copied by length and
     * ends with the NUL the text layer relies on. */
    char *p = s->buf;
    if (doc->text_len) memcpy(p, doc->text, doc->text_len);
    p[doc->text_len] = '\0';
    s->doc.text = p;
    s->doc.text_len = doc->text_len;
    p += doc->text_len + 1;
    const char **dst[] = {&s->doc.id, &s->doc.date, &s->doc.title, &s->doc.source,
                          &s->doc.url, &s->doc.file};
    for (int i = 0; i < 6; i++) {
        if (len[i]) memcpy(p, str[i], len[i]);
        p[len[i]] = '\0';
        *dst[i] = p;
        p += len[i] + 1;
    }
    s->doc.line = doc->line;
    return 0;
}

/* The next queued slot, marked busy; NULL when none.  Lock held. */
static slot *take(jobs *j)
{
    while (j->next_take < j->next_read) {
        slot *s = &j->slots[j->next_take++ % j->nslots];
        if (s->state == SLOT_QUEUED) {
            s->state = SLOT_BUSY;
            return s;
        }
    }
    return NULL;
}

static void *worker(void *arg)
{
    jobs *j = arg;
    pthread_mutex_lock(&j->lock);
    for (;;) {
        slot *s = NULL;
        while (!j->quit && !(s = take(j))) pthread_cond_wait(&j->work, &j->lock);
        if (j->quit) break;
        pthread_mutex_unlock(&j->lock);
        s->rc = chr_doc_process(j->engine, s->d, &s->doc, j->in->date, j->in->stages, &s->err);
        pthread_mutex_lock(&j->lock);
        s->state = SLOT_DONE;
        pthread_cond_signal(&j->finished);
    }
    pthread_mutex_unlock(&j->lock);
    return NULL;
}

/* Hand one finished slot to done; nonzero when done asks to stop. */
static int hand_on(jobs *j, slot *s)
{
    if (s->passed) return j->fns->done(&s->doc, NULL, j->ctx);
    if (s->rc != CHR_OK) {
        chr_error_print(&s->err, stderr, cli_prog);
        j->status = CLI_EXIT_SKIPPED;
        return 0;
    }
    if (!j->in->date) cli_warn_date(&s->doc, s->d);
    return j->fns->done(&s->doc, s->d, j->ctx);
}

/* Hand the documents at the head of the ring to done, in order, as long as
 * they are finished; with wait, wait for the first one.  Nonzero when done
 * asked to stop. */
static int drain(jobs *j, int wait)
{
    for (;;) {
        pthread_mutex_lock(&j->lock);
        slot *s = &j->slots[j->next_done % j->nslots];
        if (j->next_done == j->next_read) s = NULL;
        while (s && wait && s->state != SLOT_DONE) pthread_cond_wait(&j->finished, &j->lock);
        if (s && s->state != SLOT_DONE) s = NULL;
        pthread_mutex_unlock(&j->lock);
        if (!s) return 0;
        int rc = hand_on(j, s);
        pthread_mutex_lock(&j->lock);
        s->state = SLOT_FREE;
        j->next_done++;
        pthread_mutex_unlock(&j->lock);
        if (rc) return j->stopped = 1;
        wait = 0;
    }
}

/* Wait until done has seen every earlier document with this id, so that
 * screen sees what became of it (a store holding its first version, say).
 * Nonzero when done asked to stop. */
static int wait_for_id(jobs *j, const char *id)
{
    unsigned long long seq = j->next_read;
    while (seq-- > j->next_done) {
        if (strcmp(j->slots[seq % j->nslots].doc.id, id) != 0) continue;
        while (j->next_done <= seq)
            if (drain(j, 1)) return 1;
        break;
    }
    return 0;
}

/* Hand every document in flight to done, so that what cli_read reports
 * next comes after them, as it would without threads. */
static void flush(void *ctx)
{
    jobs *j = ctx;
    while (!j->stopped && j->next_done < j->next_read) drain(j, 1);
}

/* cli_read's callback on the calling thread. */
static int feed(const chr_document *doc, void *ctx)
{
    jobs *j = ctx;
    if (j->stopped) return 1;
    if (j->next_read - j->next_done == j->nslots && drain(j, 1)) return 1;
    if (j->fns->screen && wait_for_id(j, doc->id ? doc->id : "")) return 1;
    int pass = j->fns->screen ? j->fns->screen(doc, j->ctx) : 0;
    if (pass < 0) return j->stopped = 1;
    if (pass && j->next_done == j->next_read) {
        /* Nothing before it is still in flight: no need to copy it. */
        if (j->fns->done(doc, NULL, j->ctx)) return j->stopped = 1;
        return 0;
    }
    slot *s = &j->slots[j->next_read % j->nslots];
    if (slot_fill(s, doc) != 0) {
        fprintf(stderr, "%s: out of memory\n", cli_prog);
        return j->stopped = 1;
    }
    s->passed = pass;
    pthread_mutex_lock(&j->lock);
    s->state = pass ? SLOT_DONE : SLOT_QUEUED;
    j->next_read++;
    if (!pass) pthread_cond_signal(&j->work);
    pthread_mutex_unlock(&j->lock);
    return drain(j, 0);
}

static void slots_free(jobs *j)
{
    for (size_t i = 0; i < j->nslots; i++) {
        chr_doc_free(j->slots[i].d);
        free(j->slots[i].buf);
    }
    free(j->slots);
}

/* glibc gives each thread a malloc arena of its own and hands what is
 * freed there back to the system at once, so the blocks a document's arena
 * grows by would be faulted in afresh for every document (a tenth of the
 * time of extraction).  Keep freed memory for the next document instead:
 * the process then holds what its largest documents in flight needed. */
static void keep_freed_memory(void)
{
#ifdef __GLIBC__
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
}

int cli_run_jobs(const cli_input *in, int njobs, const cli_jobs_fns *fns, void *ctx)
{
    jobs j;
    memset(&j, 0, sizeof j);
    j.in = in;
    j.fns = fns;
    j.ctx = ctx;
    if (njobs < 1) njobs = 1;
    keep_freed_memory();
    if (!(j.engine = cli_engine_open(in))) return CLI_EXIT_USAGE;

    int status = CLI_EXIT_USAGE, started = 0;
    pthread_t *threads = calloc((size_t)njobs, sizeof *threads);
    j.nslots = (size_t)njobs * SLOTS_PER_JOB;
    j.slots = calloc(j.nslots, sizeof *j.slots);
    int ok = threads && j.slots;
    for (size_t i = 0; ok && i < j.nslots; i++) ok = (j.slots[i].d = chr_doc_new()) != NULL;
    if (!ok) {
        fprintf(stderr, "%s: out of memory\n", cli_prog);
        goto done;
    }
    pthread_mutex_init(&j.lock, NULL);
    pthread_cond_init(&j.work, NULL);
    pthread_cond_init(&j.finished, NULL);
    while (started < njobs && pthread_create(&threads[started], NULL, worker, &j) == 0)
        started++;
    if (started == 0) {
        fprintf(stderr, "%s: cannot start a thread\n", cli_prog);
    } else {
        status = cli_read(in, feed, flush, &j);
        flush(&j);
        if (j.status > status) status = j.status;
    }
    pthread_mutex_lock(&j.lock);
    j.quit = 1;
    pthread_cond_broadcast(&j.work);
    pthread_mutex_unlock(&j.lock);
    for (int i = 0; i < started; i++) pthread_join(threads[i], NULL);
    pthread_cond_destroy(&j.finished);
    pthread_cond_destroy(&j.work);
    pthread_mutex_destroy(&j.lock);
done:
    if (j.slots) slots_free(&j);
    free(threads);
    chr_engine_close(j.engine);
    return status;
}
