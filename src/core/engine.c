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
#include <sys/stat.h>
#include <unistd.h>

#ifndef CHR_DATADIR
#define CHR_DATADIR "/usr/local/share/chronicle"
#endif

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *chr_data_dir(void)
{
    static char found[PATH_MAX];
    const char *env = getenv("CHRONICLE_DATA");
    if (env && *env) return env;
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
    int rc = chr_kb_open_bundled(&e->kb, e->data_dir, opt ? opt->dict_files : NULL,
                                 opt ? opt->ndict_files : 0, err);
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
