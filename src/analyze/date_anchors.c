/*
 * date_anchors.c - anchor events: well-known events that news counts from
 * ("since the full-scale invasion" is since 2022-02-24).
 *
 * The list is data (data/anchors.txt), loaded once by chr_anchors_load() and
 * immutable afterwards, so analyzing threads share it without locks.  Each
 * phrase is tokenized with the text layer itself, so that "full-scale" or
 * "Russia's" split exactly as they do in a document, and stored as lower-case
 * token strings; the dates analyzer asks chr_anchors_match() for the longest
 * phrase at a token after "since" or "during".
 */
#include "dates.h"

#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"

#define MAX_PHRASE_TOKS 24

typedef struct anchor_phrase {
    chr_day day;
    uint32_t ntoks;
    const char **toks;      /* lower-case token texts */
    const uint32_t *lens;
} anchor_phrase;

typedef struct anchor_set {
    anchor_phrase *v;
    size_t n;
    chr_arena arena;        /* owns everything above */
    struct anchor_set *retired;   /* older sets, freed by chr_anchors_unload() */
} anchor_set;

static _Atomic(anchor_set *) installed = NULL;
static pthread_mutex_t install_lock = PTHREAD_MUTEX_INITIALIZER;

static void set_free(anchor_set *s)
{
    while (s) {
        anchor_set *next = s->retired;
        chr_arena_free(&s->arena);
        free(s);
        s = next;
    }
}

/* Tokenize one phrase and append it; 0, or a CHR_E* status. */
static int add_phrase(anchor_set *s, size_t *cap, chr_day day, const char *p,
                      size_t n, const char *name, long line, chr_error *err)
{
    chr_arena tmp;
    chr_arena_init(&tmp, 4096);
    chr_text t;
    int rc = CHR_OK;
    if (chr_text_build(&t, &tmp, p, n) != 0) {
        rc = chr_error_set(err, CHR_ENOMEM, name, line, "out of memory");
        goto out;
    }
    if (t.ntoks == 0) {
        rc = chr_error_set(err, CHR_EDATA, name, line, "empty anchor phrase");
        goto out;
    }
    if (t.ntoks > MAX_PHRASE_TOKS) {
        rc = chr_error_set(err, CHR_EDATA, name, line,
                           "anchor phrase longer than %d tokens", MAX_PHRASE_TOKS);
        goto out;
    }
    if (s->n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 32;
        anchor_phrase *v = chr_arena_realloc(&s->arena, s->v, *cap * sizeof *v,
                                             ncap * sizeof *v);
        if (!v) { rc = chr_error_set(err, CHR_ENOMEM, name, line, "out of memory"); goto out; }
        s->v = v;
        *cap = ncap;
    }
    const char **toks = chr_arena_alloc(&s->arena, t.ntoks * sizeof *toks);
    uint32_t *lens = chr_arena_alloc(&s->arena, t.ntoks * sizeof *lens);
    if (!toks || !lens) { rc = chr_error_set(err, CHR_ENOMEM, name, line, "out of memory"); goto out; }
    for (size_t i = 0; i < t.ntoks; i++) {
        size_t len = chr_tok_len(&t.toks[i]);
        char *w = chr_arena_strndup(&s->arena, chr_tok_ptr(&t, &t.toks[i]), len);
        if (!w) { rc = chr_error_set(err, CHR_ENOMEM, name, line, "out of memory"); goto out; }
        for (size_t k = 0; k < len; k++) w[k] = (char)tolower((unsigned char)w[k]);
        toks[i] = w;
        lens[i] = (uint32_t)len;
    }
    s->v[s->n].day = day;
    s->v[s->n].ntoks = (uint32_t)t.ntoks;
    s->v[s->n].toks = toks;
    s->v[s->n].lens = lens;
    s->n++;
out:
    chr_arena_free(&tmp);
    return rc;
}

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* Parse the whole text into a new set; on error nothing is kept. */
static int parse_text(const char *text, size_t len, const char *name,
                      anchor_set **out, chr_error *err)
{
    anchor_set *s = calloc(1, sizeof *s);
    if (!s) return chr_error_set(err, CHR_ENOMEM, name, 0, "out of memory");
    chr_arena_init(&s->arena, 16384);
    size_t cap = 0;
    long line = 0;
    size_t i = 0;
    int rc = CHR_OK;
    while (i < len && rc == CHR_OK) {
        size_t b = i;
        while (i < len && text[i] != '\n') i++;
        size_t e = i;
        if (i < len) i++;
        line++;
        while (b < e && is_blank(text[b])) b++;
        while (e > b && is_blank(text[e - 1])) e--;
        if (b == e || text[b] == '#') continue;
        /* DATE, then white space, then phrases separated by '|' */
        if (e - b < 11 || !is_blank(text[b + 10])) {
            rc = chr_error_set(err, CHR_EDATA, name, line,
                               "expected YYYY-MM-DD, white space, then phrases");
            break;
        }
        chr_day day = chr_day_parse(text + b, 10);
        if (day == CHR_DAY_NONE) {
            rc = chr_error_set(err, CHR_EDATA, name, line,
                               "'%.10s' is not a valid YYYY-MM-DD day", text + b);
            break;
        }
        size_t p = b + 10;
        while (p <= e && rc == CHR_OK) {
            size_t q = p;
            while (q < e && text[q] != '|') q++;
            size_t pb = p, pe = q;
            while (pb < pe && is_blank(text[pb])) pb++;
            while (pe > pb && is_blank(text[pe - 1])) pe--;
            if (pb == pe) {
                rc = chr_error_set(err, CHR_EDATA, name, line, "empty anchor phrase");
                break;
            }
            rc = add_phrase(s, &cap, day, text + pb, pe - pb, name, line, err);
            p = q + 1;
        }
    }
    if (rc != CHR_OK) { set_free(s); return rc; }
    *out = s;
    return CHR_OK;
}

static void install(anchor_set *s)
{
    pthread_mutex_lock(&install_lock);
    anchor_set *old = atomic_load(&installed);
    s->retired = old;
    atomic_store(&installed, s);
    pthread_mutex_unlock(&install_lock);
}

int chr_anchors_load_text(const char *text, size_t len, const char *name,
                          chr_error *err)
{
    anchor_set *s;
    int rc = parse_text(text, len, name ? name : "", &s, err);
    if (rc != CHR_OK) return rc;
    install(s);
    return CHR_OK;
}

int chr_anchors_load(const char *path, chr_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) return chr_error_set(err, CHR_EIO, path, 0, "cannot open: %s", strerror(errno));
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n + 4096 > cap) {
            size_t ncap = cap ? cap * 2 : 16384;
            char *nb = realloc(buf, ncap);
            if (!nb) { free(buf); fclose(f); return chr_error_set(err, CHR_ENOMEM, path, 0, "out of memory"); }
            buf = nb;
            cap = ncap;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0) break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) { free(buf); return chr_error_set(err, CHR_EIO, path, 0, "read error"); }
    int rc = chr_anchors_load_text(buf, n, path, err);
    free(buf);
    return rc;
}

void chr_anchors_unload(void)
{
    pthread_mutex_lock(&install_lock);
    anchor_set *s = atomic_exchange(&installed, NULL);
    pthread_mutex_unlock(&install_lock);
    set_free(s);
}

size_t chr_anchors_count(void)
{
    anchor_set *s = atomic_load(&installed);
    return s ? s->n : 0;
}

static int tok_matches(const chr_text *t, const chr_token *k, const char *w, uint32_t n)
{
    if (chr_tok_len(k) != n) return 0;
    const char *p = chr_tok_ptr(t, k);
    for (uint32_t i = 0; i < n; i++)
        if (tolower((unsigned char)p[i]) != (unsigned char)w[i]) return 0;
    return 1;
}

size_t chr_anchors_match(const chr_text *t, size_t i, size_t end, chr_day *day)
{
    anchor_set *s = atomic_load(&installed);
    if (!s) return 0;
    size_t best = 0;
    for (size_t a = 0; a < s->n; a++) {
        const anchor_phrase *p = &s->v[a];
        if (p->ntoks <= best || i + p->ntoks > end) continue;
        uint32_t k = 0;
        while (k < p->ntoks && tok_matches(t, &t->toks[i + k], p->toks[k], p->lens[k])) k++;
        if (k == p->ntoks) {
            best = k;
            *day = p->day;
        }
    }
    return best;
}
