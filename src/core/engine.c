/*
 * engine.c - what is loaded once: the data directory and the knowledge built
 * from it.  Immutable after chr_engine_open(), so threads may share it; the
 * one exception, the lexicon, is loaded on first use under a lock
 * (chr_engine_lexicon) and never changes after.
 */
#include "doc.h"

#include "analyze/dates.h"
#include "util/path.h"

#include <limits.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef CHR_DATADIR
#define CHR_DATADIR "/usr/local/share/chronicle"
#endif

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every .txt file of dir (sorted), for the user's own dictionaries. */
static int user_files(const char *dir, char ***out, size_t *n)
{
    *out = NULL;
    *n = 0;
    DIR *d = opendir(dir);
    if (!d) return 0;
    struct dirent *e;
    size_t cap = 0;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (e->d_name[0] == '.' || l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0) continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            char **v = realloc(*out, cap * sizeof *v);
            if (!v) break;
            *out = v;
        }
        size_t pl = strlen(dir) + l + 2;
        char *path = malloc(pl);
        if (!path) break;
        snprintf(path, pl, "%s/%s", dir, e->d_name);
        (*out)[(*n)++] = path;
    }
    closedir(d);
    if (*n > 1) qsort(*out, *n, sizeof **out, cmp_str);
    return 0;
}

const char *chr_data_dir(void)
{
    static char found[PATH_MAX];
    if (found[0]) return found;

    /* Beside the running tool: an installed tree keeps the data in
     * ../share/chronicle, a build tree (build/ or build/asan/) in the
     * source's data/. */
    char exe[PATH_MAX];
    if (chr_exe_dir(exe, sizeof exe)) {
        static const char *rel[] = {"/../share/chronicle", "/../data", "/../../data",
                                    "/../../../data"};
        for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
            char cand[PATH_MAX];
            if ((size_t)snprintf(cand, sizeof cand, "%s%s", exe, rel[i]) >= sizeof cand)
                continue;
            if (chr_is_dir(cand)) {
                char *r = realpath(cand, NULL);
                snprintf(found, sizeof found, "%s", r ? r : cand);
                free(r);
                return found;
            }
        }
    }
    if (chr_is_dir(CHR_DATADIR)) return CHR_DATADIR;
    return "data";
}

/* The extractor parses a sentence only when it can hold a record
 * (chr_extract_doc), and compares a word with its triggers only when the
 * word may be one (chr_parse_marks): mark in the lexicon the words its
 * triggers start with -- event triggers with CHR_LF_MARK1, the words of
 * counts (figures) with CHR_LF_MARK2, the nouns that name aid with
 * CHR_LF_MARK3, and with CHR_LF_MARK4 instead of MARK1 the event words
 * whose every one-word trigger is a verb that needs aid, money or weapons
 * in its clause (events.c, verb_event: "needs=aid" refuses a "send" with
 * nothing sent).  A trigger of several words ("hold talks", "air strike",
 * "lift sanctions") marks its first word with CHR_LF_MARK5 and its second
 * with CHR_LF_MARK6: it can match only where both stand.  A word the marks
 * cannot hold leaves the lexicon unmarked: then every sentence is parsed
 * and every word compared. */
static int mark_triggers(chr_lexicon *lx, const chr_patterns *ps)
{
    size_t n = chr_patterns_count(ps), k = 0;
    const char **words = malloc((2 * n + 1) * sizeof *words);
    uint32_t *marks = malloc((2 * n + 1) * sizeof *marks);
    int rc = words && marks ? CHR_OK : CHR_ENOMEM;
    for (size_t i = 0; i < n && rc == CHR_OK; i++) {
        const chr_pattern *p = chr_patterns_at(ps, i);
        int several = p->what == CHR_PAT_EVENT && p->nwords > 1;
        int needy = p->what == CHR_PAT_EVENT && !several;
        for (size_t j = 0; j < n && needy; j++) {
            const chr_pattern *q = chr_patterns_at(ps, j);
            if (q->what == CHR_PAT_EVENT && q->nwords == 1 && strcmp(q->words[0], p->words[0]) == 0 &&
                !(q->pos == 'v' && (q->needs & (CHR_NEED_AID | CHR_NEED_MONEY | CHR_NEED_WEAPON))))
                needy = 0;
        }
        uint32_t m = several ? CHR_LF_MARK5
                   : p->what == CHR_PAT_EVENT ? (needy ? CHR_LF_MARK4 : CHR_LF_MARK1)
                   : p->what == CHR_PAT_METRIC ? CHR_LF_MARK2
                   : p->what == CHR_PAT_AIDNOUN ? CHR_LF_MARK3 : 0;
        if (!m) continue;
        for (size_t w = 0; w < (several ? 2u : 1u); w++) {
            size_t l = strlen(p->words[w]);
            if (l == 0 || l >= 32) {
                k = 0;
                goto done;
            }
            words[k] = p->words[w];
            marks[k++] = w ? CHR_LF_MARK6 : m;
        }
    }
done:
    if (rc == CHR_OK && k) rc = chr_lexicon_mark(lx, words, marks, k);
    free(words);
    free(marks);
    return rc;
}

int chr_engine_open(chr_engine **out, const chr_engine_options *opt, chr_error *err)
{
    *out = NULL;
    chr_engine *e = calloc(1, sizeof *e);
    if (!e) return chr_error_set(err, CHR_ENOMEM, NULL, 0, "out of memory");
    if (pthread_mutex_init(&e->lexicon_lock, NULL) != 0) {
        free(e);
        return chr_error_set(err, CHR_ENOMEM, NULL, 0, "out of memory");
    }
    atomic_init(&e->lexicon, NULL);
    const char *dir = opt && opt->data_dir ? opt->data_dir : chr_data_dir();
    e->data_dir = strdup(dir);
    if (!e->data_dir) {
        free(e);
        return chr_error_set(err, CHR_ENOMEM, NULL, 0, "out of memory");
    }
    /* The user's dictionaries: every .txt file of $CHRONICLE_DATA, then
     * the --dict files, loaded on top of the bundled ones. */
    char **udir = NULL;
    size_t nudir = 0;
    const char *env = getenv("CHRONICLE_DATA");
    if (env && *env) user_files(env, &udir, &nudir);
    size_t nextra = nudir + (opt ? opt->ndict_files : 0);
    const char **extra = calloc(nextra ? nextra : 1, sizeof *extra);
    if (!extra) {
        for (size_t i = 0; i < nudir; i++) free(udir[i]);
        free(udir);
        chr_engine_close(e);
        return chr_error_set(err, CHR_ENOMEM, NULL, 0, "out of memory");
    }
    for (size_t i = 0; i < nudir; i++) extra[i] = udir[i];
    for (size_t i = 0; opt && i < opt->ndict_files; i++) extra[nudir + i] = opt->dict_files[i];
    int rc = chr_kb_open_bundled(&e->kb, e->data_dir, extra, nextra, err);
    for (size_t i = 0; i < nudir; i++) free(udir[i]);
    free(udir);
    free(extra);
    if (rc == CHR_OK) {
        /* the lexicon's own files, without WordNet: a mistake in them is
           found now, the full lexicon is loaded when first needed */
        chr_lexicon *check = NULL;
        rc = chr_lexicon_open(&check, e->data_dir, "/nonexistent", err);
        chr_lexicon_close(check);
    }
    if (rc == CHR_OK) rc = chr_patterns_open(&e->patterns, err);
    if (rc == CHR_OK) rc = chr_patterns_load_dir(e->patterns, e->data_dir, err);
    if (rc == CHR_OK) {
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/anchors.txt", e->data_dir);
        rc = chr_anchors_load(path, err);
    }
    if (rc != CHR_OK) {
        chr_engine_close(e);
        return rc;
    }
    e->extract.patterns = e->patterns;
    e->extract.kb = e->kb;
    *out = e;
    return CHR_OK;
}

void chr_engine_close(chr_engine *e)
{
    if (!e) return;
    chr_kb_close(e->kb);
    chr_lexicon_close(atomic_load(&e->lexicon));
    pthread_mutex_destroy(&e->lexicon_lock);
    chr_patterns_close(e->patterns);
    free(e->data_dir);
    free(e);
}

const chr_lexicon *chr_engine_lexicon(const chr_engine *e, chr_error *err)
{
    chr_lexicon *lx = atomic_load_explicit(&e->lexicon, memory_order_acquire);
    if (lx) return lx;
    /* the engine is shared and otherwise immutable: loading is the one
       change, made once under the lock */
    chr_engine *me = (chr_engine *)e;
    pthread_mutex_lock(&me->lexicon_lock);
    lx = atomic_load_explicit(&me->lexicon, memory_order_relaxed);
    if (!lx && me->lexicon_status == CHR_OK) {
        int rc = chr_lexicon_open(&lx, me->data_dir, NULL, &me->lexicon_err);
        if (rc == CHR_OK && mark_triggers(lx, me->patterns) != CHR_OK)
            rc = chr_error_set(&me->lexicon_err, CHR_ENOMEM, NULL, 0, "out of memory");
        if (rc != CHR_OK) {
            chr_lexicon_close(lx);
            lx = NULL;
            me->lexicon_status = rc;
        } else {
            atomic_store_explicit(&me->lexicon, lx, memory_order_release);
        }
    }
    pthread_mutex_unlock(&me->lexicon_lock);
    if (!lx && err) *err = me->lexicon_err;
    return lx;
}

void chr_engine_describe(const chr_engine *e, FILE *out)
{
    chr_kb_stats st;
    chr_kb_stats_get(e->kb, &st);
    fprintf(out, "data: %s\n", e->data_dir);
    fprintf(out, "knowledge base: %zu entries, %zu names, %zu keys\n", st.entries, st.aliases,
            st.keys);
    fprintf(out, "patterns: %zu triggers\n", chr_patterns_count(e->patterns));
    chr_error err;
    const chr_lexicon *lx = chr_engine_lexicon(e, &err);
    if (!lx) {
        fprintf(out, "lexicon: not loaded: %s\n", err.msg);
        return;
    }
    fprintf(out, "lexicon: %zu word forms%s\n", chr_lexicon_size(lx),
            chr_lexicon_has_wordnet(lx) ? " (with WordNet)" : " (without WordNet)");
}
