/*
 * patterns.c - load and look up the event and figure triggers; see
 * patterns.h for what they mean and data/patterns/events.txt for the syntax.
 *
 * Files are read whole (they are small), checked line by line, and every
 * problem is reported as FILE:LINE.  The patterns are kept in one array
 * sorted by part of speech and first word, so a lookup is a binary search.
 */
#include "patterns.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"

#define MAX_LINE 4096
#define MAX_DEPTH 8

/* The index: for each (part of speech, first word), where its run of
 * patterns starts in the sorted array and how long it is; open addressing,
 * count 0 is an empty slot. */
typedef struct pat_slot {
    uint32_t hash, first, count;
} pat_slot;

struct chr_patterns {
    chr_arena arena;
    chr_pattern *v;
    size_t n, cap;
    pat_slot *index;
    size_t index_mask;
};

static const char *const plover_types[] = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
    "ASSAULT", NULL};
static const char *const statuses[] = {"occurred", "pledged", "delivered", "planned", NULL};
static const char *const metrics[] = {"killed", "injured", "casualties", "displaced",
                                      "evacuated", "detained", "missing", "destroyed", NULL};
static const char *const populations[] = {"civilians", "soldiers", "children", "people", NULL};
static const char *const governs[] = {"pledged", "planned", "deny", "request",
                                      "hypothetical", "occurred", NULL};

static int in_list(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (strcmp(*list, s) == 0) return 1;
    return 0;
}

int chr_patterns_open(chr_patterns **out, chr_error *err)
{
    chr_patterns *ps = calloc(1, sizeof *ps);
    if (!ps) return chr_error_set(err, CHR_ENOMEM, NULL, 0, "out of memory");
    chr_arena_init(&ps->arena, 32 * 1024);
    *out = ps;
    return CHR_OK;
}

void chr_patterns_close(chr_patterns *ps)
{
    if (!ps) return;
    chr_arena_free(&ps->arena);
    free(ps->v);
    free(ps->index);
    free(ps);
}

size_t chr_patterns_count(const chr_patterns *ps) { return ps->n; }
const chr_pattern *chr_patterns_at(const chr_patterns *ps, size_t i) { return &ps->v[i]; }

static int parse_slot(const char *s, chr_argspec *a)
{
    memset(a, 0, sizeof *a);
    if (strcmp(s, "subj") == 0) a->slot = CHR_SLOT_SUBJ;
    else if (strcmp(s, "obj") == 0) a->slot = CHR_SLOT_OBJ;
    else if (strcmp(s, "iobj") == 0) a->slot = CHR_SLOT_IOBJ;
    else {
        size_t n = strlen(s);
        if (n == 0 || n >= sizeof a->prep) return -1;
        for (size_t i = 0; i < n; i++)
            if (!islower((unsigned char)s[i])) return -1;
        a->slot = CHR_SLOT_PREP;
        memcpy(a->prep, s, n + 1);
    }
    return 0;
}

static const char *intern(chr_patterns *ps, const char *s)
{
    return chr_arena_strdup(&ps->arena, s);
}

/* One "key=value" attribute into p; returns an error message or NULL. */
static const char *parse_attr(chr_patterns *ps, chr_pattern *p, char *key, char *val)
{
    if (!*val) return "empty value";
    if (strcmp(key, "type") == 0) {
        if (!in_list(plover_types, val)) return "unknown PLOVER type";
        p->type = intern(ps, val);
        p->what = CHR_PAT_EVENT;
    } else if (strcmp(key, "mode") == 0) {
        p->mode = intern(ps, val);
    } else if (strcmp(key, "cameo") == 0 || strcmp(key, "cameo.pledged") == 0) {
        size_t n = strlen(val);
        if (n < 2 || n > 4 || strspn(val, "0123456789") != n) return "a CAMEO code is 2 to 4 digits";
        if (key[5]) p->cameo_pledged = intern(ps, val);
        else p->cameo = intern(ps, val);
    } else if (strcmp(key, "status") == 0) {
        if (!in_list(statuses, val)) return "status is occurred, pledged, delivered or planned";
        p->status = intern(ps, val);
    } else if (strcmp(key, "recipient") == 0) {
        p->nrecipient = 0;
        for (char *sp, *tok = strtok_r(val, ",", &sp); tok; tok = strtok_r(NULL, ",", &sp)) {
            if (p->nrecipient == CHR_PAT_MAXSLOTS) return "too many recipient places";
            if (parse_slot(tok, &p->recipient[p->nrecipient]) != 0)
                return "a recipient place is obj, iobj, subj or a preposition";
            p->nrecipient++;
        }
    } else if (strcmp(key, "actor") == 0) {
        if (parse_slot(val, &p->actor) != 0) return "actor is subj, obj or a preposition";
    } else if (strcmp(key, "refer") == 0) {
        if (strcmp(val, "1") != 0 && strcmp(val, "0") != 0) return "refer is 0 or 1";
        p->refer = val[0] == '1';
    } else if (strcmp(key, "symmetric") == 0) {
        if (strcmp(val, "1") != 0 && strcmp(val, "0") != 0) return "symmetric is 0 or 1";
        p->symmetric = val[0] == '1';
    } else if (strcmp(key, "needs") == 0) {
        for (char *sp, *tok = strtok_r(val, ",", &sp); tok; tok = strtok_r(NULL, ",", &sp)) {
            if (strcmp(tok, "aid") == 0) p->needs |= CHR_NEED_AID;
            else if (strcmp(tok, "money") == 0) p->needs |= CHR_NEED_MONEY;
            else if (strcmp(tok, "weapon") == 0) p->needs |= CHR_NEED_WEAPON;
            else if (strcmp(tok, "phone") == 0) p->needs |= CHR_NEED_PHONE;
            else if (strcmp(tok, "people") == 0) p->needs |= CHR_NEED_PEOPLE;
            else return "needs is aid, money, weapon, phone or people";
        }
    } else if (strcmp(key, "rule") == 0) {
        p->rule = intern(ps, val);
    } else if (strcmp(key, "metric") == 0) {
        if (!in_list(metrics, val)) return "unknown metric";
        p->metric = intern(ps, val);
        p->what = CHR_PAT_METRIC;
    } else if (strcmp(key, "population") == 0) {
        if (!in_list(populations, val)) return "population is civilians, soldiers, children or people";
        p->population = intern(ps, val);
        p->what = CHR_PAT_POPULATION;
    } else if (strcmp(key, "aid") == 0) {
        if (strcmp(val, "military") && strcmp(val, "economic") && strcmp(val, "humanitarian") &&
            strcmp(val, "any"))
            return "aid is military, economic, humanitarian or any";
        p->mode = intern(ps, val);
        p->what = CHR_PAT_AIDNOUN;
    } else if (strcmp(key, "governs") == 0) {
        if (!in_list(governs, val))
            return "governs is pledged, planned, occurred, deny, request or hypothetical";
        p->governs = intern(ps, val);
        p->what = CHR_PAT_GOVERNOR;
    } else {
        return "unknown attribute";
    }
    return NULL;
}

static int push(chr_patterns *ps, const chr_pattern *p)
{
    if (ps->n == ps->cap) {
        size_t cap = ps->cap ? ps->cap * 2 : 128;
        chr_pattern *v = realloc(ps->v, cap * sizeof *v);
        if (!v) return -1;
        ps->v = v;
        ps->cap = cap;
    }
    ps->v[ps->n++] = *p;
    return 0;
}

static int same_trigger(const chr_pattern *a, const chr_pattern *b)
{
    if (a->pos != b->pos || a->nwords != b->nwords || a->what != b->what) return 0;
    for (int i = 0; i < a->nwords; i++)
        if (strcmp(a->words[i], b->words[i]) != 0) return 0;
    return 1;
}

static int load_text(chr_patterns *ps, const char *name, const char *text, size_t len,
                     int depth, chr_error *err);

static int load_path(chr_patterns *ps, const char *path, int depth, chr_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) return chr_error_set(err, CHR_EIO, path, 0, "cannot open: %s", strerror(errno));
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (cap - len < 65536) {
            char *nb = realloc(buf, cap + 65536 + 1);
            if (!nb) { free(buf); fclose(f); return chr_error_set(err, CHR_ENOMEM, path, 0, "out of memory"); }
            buf = nb;
            cap += 65536;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0) break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) { free(buf); return chr_error_set(err, CHR_EIO, path, 0, "read error"); }
    int rc = load_text(ps, path, buf, len, depth, err);
    free(buf);
    return rc;
}

static int load_text(chr_patterns *ps, const char *name, const char *text, size_t len,
                     int depth, chr_error *err)
{
    long lineno = 0;
    size_t pos = 0;
    const char *fname = intern(ps, name);
    while (pos < len) {
        size_t end = pos;
        while (end < len && text[end] != '\n') end++;
        lineno++;
        size_t n = end - pos;
        if (n >= MAX_LINE)
            return chr_error_set(err, CHR_EDATA, name, lineno, "line longer than %d bytes", MAX_LINE);
        char line[MAX_LINE];
        memcpy(line, text + pos, n);
        line[n] = '\0';
        pos = end + 1;
        if (memchr(line, '\0', n))
            return chr_error_set(err, CHR_EDATA, name, lineno, "NUL byte");
        for (size_t i = 0; i < n; i++)
            if ((unsigned char)line[i] >= 0x80)
                return chr_error_set(err, CHR_EDATA, name, lineno,
                                     "patterns are ASCII words (byte 0x%02x)", (unsigned char)line[i]);
        char *hash = strchr(line, '#');
        if (hash) *hash = '\0';
        char *words[64];
        int nw = 0;
        for (char *sp, *tok = strtok_r(line, " \t\r", &sp); tok; tok = strtok_r(NULL, " \t\r", &sp)) {
            if (nw == 64) return chr_error_set(err, CHR_EDATA, name, lineno, "too many words");
            words[nw++] = tok;
        }
        if (nw == 0) continue;

        if (strcmp(words[0], "include") == 0) {
            if (nw != 2) return chr_error_set(err, CHR_EDATA, name, lineno, "include wants one file");
            if (depth >= MAX_DEPTH)
                return chr_error_set(err, CHR_EDATA, name, lineno, "includes nested too deeply");
            char path[4096];
            const char *slash = strrchr(name, '/');
            if (words[1][0] == '/' || !slash) snprintf(path, sizeof path, "%s", words[1]);
            else snprintf(path, sizeof path, "%.*s/%s", (int)(slash - name), name, words[1]);
            int rc = load_path(ps, path, depth + 1, err);
            if (rc != CHR_OK) return rc;
            continue;
        }

        chr_pattern p;
        memset(&p, 0, sizeof p);
        p.file = fname;
        p.line = lineno;
        const char *w0 = words[0];
        if (strlen(w0) < 3 || w0[1] != ':' || (w0[0] != 'v' && w0[0] != 'n' && w0[0] != 'a'))
            return chr_error_set(err, CHR_EDATA, name, lineno,
                                 "a trigger starts with v:, n: or a: ('%s')", w0);
        p.pos = w0[0];
        int i = 0;
        for (; i < nw && !strchr(words[i], '='); i++) {
            const char *w = i == 0 ? w0 + 2 : words[i];
            if (p.nwords == CHR_PAT_MAXWORDS)
                return chr_error_set(err, CHR_EDATA, name, lineno, "a trigger has at most %d words",
                                     CHR_PAT_MAXWORDS);
            for (const char *c = w; *c; c++)
                if (!islower((unsigned char)*c) && *c != '-' && *c != '\'')
                    return chr_error_set(err, CHR_EDATA, name, lineno,
                                         "trigger words are lower case ('%s')", w);
            p.words[p.nwords++] = intern(ps, w);
        }
        for (; i < nw; i++) {
            char *eq = strchr(words[i], '=');
            if (!eq) return chr_error_set(err, CHR_EDATA, name, lineno,
                                          "expected key=value, not '%s'", words[i]);
            *eq = '\0';
            const char *msg = parse_attr(ps, &p, words[i], eq + 1);
            if (msg) {
                if (strcmp(msg, "unknown attribute") == 0)
                    return chr_error_set(err, CHR_EDATA, name, lineno, "unknown attribute '%s'", words[i]);
                return chr_error_set(err, CHR_EDATA, name, lineno, "%s: %s", words[i], msg);
            }
        }
        if (!p.what)
            return chr_error_set(err, CHR_EDATA, name, lineno,
                                 "say what the trigger makes: type=, metric=, population=, aid= or governs=");
        if (p.refer && (p.pos != 'n' || p.what != CHR_PAT_EVENT))
            return chr_error_set(err, CHR_EDATA, name, lineno,
                                 "refer=1 is for event nouns (n:...)");
        if (p.what == CHR_PAT_EVENT && !p.status) p.status = "occurred";
        if (p.what == CHR_PAT_EVENT && !p.actor.slot) p.actor.slot = CHR_SLOT_SUBJ;
        for (size_t k = 0; k < ps->n; k++)
            if (same_trigger(&ps->v[k], &p))
                return chr_error_set(err, CHR_EDATA, name, lineno,
                                     "'%s' is already defined at %s:%ld", w0,
                                     ps->v[k].file, ps->v[k].line);
        if (!p.rule) {
            char r[128];
            snprintf(r, sizeof r, "%s.%s%s%s", p.type ? p.type : p.metric ? p.metric : "pattern",
                     p.words[0], p.nwords > 1 ? "_" : "", p.nwords > 1 ? p.words[1] : "");
            for (char *c = r; *c; c++) if (*c >= 'A' && *c <= 'Z') *c = (char)(*c + 32);
            p.rule = intern(ps, r);
        }
        if (push(ps, &p) != 0) return chr_error_set(err, CHR_ENOMEM, name, lineno, "out of memory");
    }
    return CHR_OK;
}

static int cmp_pattern(const void *a, const void *b);

/* FNV-1a over the part of speech and the lower-case word. */
static uint32_t key_hash(char pos, const char *w, size_t n)
{
    uint32_t h = (2166136261u ^ (unsigned char)pos) * 16777619u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h;
}

/* Index the runs of the sorted array by (part of speech, first word). */
static int build_index(chr_patterns *ps)
{
    size_t cap = 64;
    while (cap < 4 * ps->n) cap *= 2;
    pat_slot *ix = calloc(cap, sizeof *ix);
    if (!ix) return CHR_ENOMEM;
    for (size_t i = 0; i < ps->n;) {
        size_t j = i + 1;
        while (j < ps->n && ps->v[j].pos == ps->v[i].pos &&
               strcmp(ps->v[j].words[0], ps->v[i].words[0]) == 0)
            j++;
        uint32_t h = key_hash(ps->v[i].pos, ps->v[i].words[0], strlen(ps->v[i].words[0]));
        size_t k = h & (cap - 1);
        while (ix[k].count) k = (k + 1) & (cap - 1);
        ix[k].hash = h;
        ix[k].first = (uint32_t)i;
        ix[k].count = (uint32_t)(j - i);
        i = j;
    }
    free(ps->index);
    ps->index = ix;
    ps->index_mask = cap - 1;
    return CHR_OK;
}

/* Keep the array sorted and indexed after every load, so lookups never
 * write. */
static int sorted(chr_patterns *ps, int rc, chr_error *err)
{
    if (ps->n > 1) qsort(ps->v, ps->n, sizeof *ps->v, cmp_pattern);
    if (build_index(ps) != CHR_OK && rc == CHR_OK)
        rc = chr_error_set(err, CHR_ENOMEM, NULL, 0, "out of memory");
    return rc;
}

int chr_patterns_load_file(chr_patterns *ps, const char *path, chr_error *err)
{
    return sorted(ps, load_path(ps, path, 0, err), err);
}

int chr_patterns_load_string(chr_patterns *ps, const char *name, const char *text,
                             size_t len, chr_error *err)
{
    return sorted(ps, load_text(ps, name, text, len, 0, err), err);
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int chr_patterns_load_dir(chr_patterns *ps, const char *dir, chr_error *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/patterns", dir);
    DIR *d = opendir(path);
    if (!d) return chr_error_set(err, CHR_EIO, path, 0, "cannot open: %s", strerror(errno));
    char *names[256];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 256) {
        size_t l = strlen(e->d_name);
        if (e->d_name[0] == '.' || l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0) continue;
        names[n] = strdup(e->d_name);
        if (names[n]) n++;
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_name);
    int rc = CHR_OK;
    for (size_t i = 0; i < n; i++) {
        if (rc == CHR_OK) {
            char file[4096 + 256];
            snprintf(file, sizeof file, "%s/%s", path, names[i]);
            rc = load_path(ps, file, 0, err);
        }
        free(names[i]);
    }
    return sorted(ps, rc, err);
}

static int cmp_pattern(const void *a, const void *b)
{
    const chr_pattern *x = a, *y = b;
    if (x->pos != y->pos) return x->pos - y->pos;
    int c = strcmp(x->words[0], y->words[0]);
    if (c) return c;
    return (int)y->nwords - (int)x->nwords;   /* most words first */
}

size_t chr_patterns_find(const chr_patterns *ps, char pos, const char *w, size_t n,
                         const chr_pattern **out, size_t max)
{
    char key[64];
    if (n == 0 || n >= sizeof key || !ps->index) return 0;
    /* lower-cased (ASCII: pattern words are) and hashed in one pass */
    uint32_t h = (2166136261u ^ (unsigned char)pos) * 16777619u;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        key[i] = (char)c;
        h = (h ^ c) * 16777619u;
    }
    key[n] = '\0';
    for (size_t j = h & ps->index_mask; ps->index[j].count; j = (j + 1) & ps->index_mask) {
        const pat_slot *sl = &ps->index[j];
        const chr_pattern *p = &ps->v[sl->first];
        if (sl->hash != h || p->pos != pos || strcmp(p->words[0], key) != 0) continue;
        size_t k = 0;
        for (size_t i = 0; i < sl->count && k < max; i++) out[k++] = &p[i];
        return k;
    }
    return 0;
}
