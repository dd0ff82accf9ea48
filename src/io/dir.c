/*
 * dir.c - walk a directory tree in name order; see dir.h.
 */
#include "io/dir.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void frame_free(chr_dirwalk_frame *f)
{
    for (size_t i = 0; i < f->n; i++) free(f->names[i]);
    free(f->names);
    free(f->path);
}

/* Push the sorted listing of path (taking ownership of path). */
static int push(chr_dirwalk *w, char *path, chr_error *err, int code_on_fail)
{
    DIR *dir = opendir(path);
    if (!dir) {
        int e = errno;
        chr_error_set(err, code_on_fail, path, 0, "cannot read directory: %s", strerror(e));
        free(path);
        return code_on_fail;
    }
    chr_dirwalk_frame f = {path, NULL, 0, 0};
    size_t cap = 0;
    struct dirent *de;
    while ((de = readdir(dir)) != NULL) {
        if (de->d_name[0] == '.') continue;
        if (f.n == cap) {
            cap = cap ? cap * 2 : 16;
            char **p = realloc(f.names, cap * sizeof *p);
            if (!p) goto oom;
            f.names = p;
        }
        if (!(f.names[f.n] = strdup(de->d_name))) goto oom;
        f.n++;
    }
    closedir(dir);
    dir = NULL;
    if (f.n > 1) qsort(f.names, f.n, sizeof *f.names, cmp_names);
    if (w->depth == w->cap) {
        size_t ncap = w->cap ? w->cap * 2 : 8;
        chr_dirwalk_frame *s = realloc(w->stack, ncap * sizeof *s);
        if (!s) goto oom;
        w->stack = s;
        w->cap = ncap;
    }
    w->stack[w->depth++] = f;
    return CHR_OK;
oom:
    if (dir) closedir(dir);
    chr_error_set(err, CHR_ENOMEM, f.path, 0, "out of memory");
    frame_free(&f);
    return CHR_ENOMEM;
}

int chr_dirwalk_open(chr_dirwalk *w, const char *root, chr_error *err)
{
    memset(w, 0, sizeof *w);
    /* "corpus/" and "corpus" name the same files the same way. */
    size_t n = strlen(root);
    while (n > 1 && root[n - 1] == '/') n--;
    char *path = strndup(root, n);
    if (!path) return chr_error_set(err, CHR_ENOMEM, root, 0, "out of memory");
    return push(w, path, err, CHR_EIO);
}

int chr_dirwalk_next(chr_dirwalk *w, const char **path, chr_error *err)
{
    free(w->current);
    w->current = NULL;
    while (w->depth > 0) {
        chr_dirwalk_frame *f = &w->stack[w->depth - 1];
        if (f->next == f->n) {
            frame_free(f);
            w->depth--;
            continue;
        }
        const char *name = f->names[f->next++];
        size_t dn = strlen(f->path), nn = strlen(name);
        int slash = dn > 0 && f->path[dn - 1] != '/';
        char *full = malloc(dn + slash + nn + 1);
        if (!full) return chr_error_set(err, CHR_ENOMEM, f->path, 0, "out of memory");
        memcpy(full, f->path, dn);
        if (slash) full[dn] = '/';
        memcpy(full + dn + slash, name, nn + 1);

        struct stat st;
        int ok = lstat(full, &st) == 0, link = ok && S_ISLNK(st.st_mode);
        if (link) ok = stat(full, &st) == 0;
        if (!ok) {
            int e = errno;
            chr_error_set(err, CHR_EINPUT, full, 0, "cannot open: %s", strerror(e));
            free(full);
            return CHR_EINPUT;
        }
        if (S_ISDIR(st.st_mode)) {
            if (link) { free(full); continue; }
            int rc = push(w, full, err, CHR_EINPUT);
            if (rc != CHR_OK) return rc;
            continue;
        }
        if (!S_ISREG(st.st_mode)) { free(full); continue; }
        w->current = full;
        *path = full;
        return CHR_OK;
    }
    return CHR_DONE;
}

void chr_dirwalk_close(chr_dirwalk *w)
{
    while (w->depth > 0) frame_free(&w->stack[--w->depth]);
    free(w->stack);
    free(w->current);
    memset(w, 0, sizeof *w);
}
