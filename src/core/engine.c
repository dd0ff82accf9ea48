/*
 * engine.c - what is loaded once: the data directory and the knowledge built
 * from it.  Immutable after chr_engine_open(), so threads may share it.
 */
#include "doc.h"

#include "analyze/dates.h"

#include <limits.h>
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

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
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
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) *slash = '\0';
        static const char *rel[] = {"/../share/chronicle", "/../data", "/../../data",
                                    "/../../../data"};
        for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
            char cand[PATH_MAX];
            if ((size_t)snprintf(cand, sizeof cand, "%s%s", exe, rel[i]) >= sizeof cand)
                continue;
            if (is_dir(cand)) {
                char *r = realpath(cand, NULL);
                snprintf(found, sizeof found, "%s", r ? r : cand);
                free(r);
                return found;
            }
        }
    }
    if (is_dir(CHR_DATADIR)) return CHR_DATADIR;
    return "data";
}

int chr_engine_open(chr_engine **out, const chr_engine_options *opt, chr_error *err)
{
    *out = NULL;
    chr_engine *e = calloc(1, sizeof *e);
    if (!e) return chr_error_set(err, CHR_ENOMEM, NULL, 0, "out of memory");
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
    if (rc == CHR_OK) rc = chr_lexicon_open(&e->lexicon, e->data_dir, NULL, err);
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
    e->extract.lexicon = e->lexicon;
    e->extract.kb = e->kb;
    *out = e;
    return CHR_OK;
}

void chr_engine_close(chr_engine *e)
{
    if (!e) return;
    chr_kb_close(e->kb);
    chr_lexicon_close(e->lexicon);
    chr_patterns_close(e->patterns);
    free(e->data_dir);
    free(e);
}

void chr_engine_describe(const chr_engine *e, FILE *out)
{
    chr_kb_stats st;
    chr_kb_stats_get(e->kb, &st);
    fprintf(out, "data: %s\n", e->data_dir);
    fprintf(out, "knowledge base: %zu entries, %zu names, %zu keys\n", st.entries, st.aliases,
            st.keys);
    fprintf(out, "patterns: %zu triggers\n", chr_patterns_count(e->patterns));
    fprintf(out, "lexicon: %zu word forms%s\n", chr_lexicon_size(e->lexicon),
            chr_lexicon_has_wordnet(e->lexicon) ? " (with WordNet)" : " (without WordNet)");
}
