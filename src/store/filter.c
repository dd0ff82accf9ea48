/*
 * filter.c - a filter from names and strings: the one reading of
 * "--type AID" on the command line and of "type=AID" in a URL, so that the
 * tool and the server select the same rows for the same words.
 *
 * Values are checked here and kept as given (the filter points at them);
 * the store binds them as parameters, never as query text.  A message names
 * the parameter and quotes at most the start of a bad value.
 */
#include "store/store.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* The start of a value for a message: at most 40 bytes, cut on a
 * character boundary, "..." when cut. */
static void shown(const char *v, char out[48])
{
    size_t n = strlen(v);
    if (n <= 40) {
        memcpy(out, v, n + 1);
        return;
    }
    n = 40;
    while (n > 0 && ((unsigned char)v[n] & 0xC0) == 0x80) n--;
    memcpy(out, v, n);
    memcpy(out + n, "...", 4);
}

/* YYYY, YYYY-MM or YYYY-MM-DD as the first (or, with last, the last) day
 * it covers; CHR_DAY_NONE when malformed. */
chr_day chr_store_day_parse(const char *s, int last)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++)
        if (!(s[i] >= '0' && s[i] <= '9') && !(s[i] == '-' && (i == 4 || i == 7)))
            return CHR_DAY_NONE;
    if (n == 10) return chr_day_parse(s, n);
    if (n != 4 && n != 7) return CHR_DAY_NONE;
    int y = atoi(s), m = n == 7 ? atoi(s + 5) : (last ? 12 : 1);
    if (m < 1 || m > 12) return CHR_DAY_NONE;
    return chr_day_from_ymd(y, m, last ? chr_days_in_month(y, m) : 1);
}

/* A whole decimal number in [lo, hi]; -1 when it is not one. */
static int whole(const char *v, long long lo, long long hi, long long *out)
{
    char *end;
    errno = 0;
    long long n = strtoll(v, &end, 10);
    if (errno || end == v || *end || v[0] == '+' || v[0] == ' ' || n < lo || n > hi) return -1;
    *out = n;
    return 0;
}

/* The text filters, by name, and where each goes in the filter. */
static const char **text_slot(chr_store_filter *f, const char *name)
{
    static const struct {
        const char *name;
        size_t off;
    } slots[] = {
        {"type", offsetof(chr_store_filter, type)},
        {"mode", offsetof(chr_store_filter, mode)},
        {"status", offsetof(chr_store_filter, status)},
        {"actor", offsetof(chr_store_filter, actor)},
        {"recipient", offsetof(chr_store_filter, recipient)},
        {"item", offsetof(chr_store_filter, item)},
        {"metric", offsetof(chr_store_filter, metric)},
        {"population", offsetof(chr_store_filter, population)},
        {"side", offsetof(chr_store_filter, side)},
        {"source", offsetof(chr_store_filter, source)},
        {"doc", offsetof(chr_store_filter, doc_id)},
    };
    for (size_t i = 0; i < sizeof slots / sizeof *slots; i++)
        if (strcmp(name, slots[i].name) == 0)
            return (const char **)(void *)((char *)f + slots[i].off);
    return NULL;
}

int chr_store_filter_set(chr_store_filter *f, const char *name, const char *value,
                         chr_error *err)
{
    char v[48];
    long long n;
    if (!name) name = "";
    if (!value) value = "";
    shown(value, v);
    const char **slot = text_slot(f, name);
    if (slot) {
        if (!*value)
            return chr_error_set(err, CHR_EUSAGE, NULL, 0,
                                 "%s: an empty value matches nothing; leave it out", name);
        *slot = value;
        return CHR_OK;
    }
    if (strcmp(name, "kind") == 0) {
        if (strcmp(value, "event") == 0) f->kind = CHR_REC_EVENT;
        else if (strcmp(value, "figure") == 0) f->kind = CHR_REC_FIGURE;
        else return chr_error_set(err, CHR_EUSAGE, NULL, 0,
                                  "kind is event or figure, not '%s'", v);
        return CHR_OK;
    }
    if (strcmp(name, "since") == 0 || strcmp(name, "until") == 0) {
        int until = name[0] == 'u';
        chr_day d = chr_store_day_parse(value, until);
        if (d == CHR_DAY_NONE)
            return chr_error_set(err, CHR_EUSAGE, NULL, 0,
                                 "%s wants YYYY, YYYY-MM or YYYY-MM-DD, not '%s'", name, v);
        if (until) f->until = d;
        else f->since = d;
        return CHR_OK;
    }
    if (strcmp(name, "limit") == 0) {
        if (whole(value, 1, CHR_STORE_LIMIT_MAX, &n) != 0)
            return chr_error_set(err, CHR_EUSAGE, NULL, 0,
                                 "limit wants a positive number, not '%s'", v);
        f->limit = (long)n;
        return CHR_OK;
    }
    if (strcmp(name, "offset") == 0) {
        if (whole(value, 0, CHR_STORE_LIMIT_MAX, &n) != 0)
            return chr_error_set(err, CHR_EUSAGE, NULL, 0,
                                 "offset wants a number from 0, not '%s'", v);
        f->offset = (long)n;
        return CHR_OK;
    }
    if (strcmp(name, "story") == 0) {
        if (whole(value, 1, (long long)1 << 62, &n) != 0)
            return chr_error_set(err, CHR_EUSAGE, NULL, 0,
                                 "story wants a story number, not '%s'", v);
        f->story = n;
        return CHR_OK;
    }
    shown(name, v);
    return chr_error_set(err, CHR_EUSAGE, NULL, 0, "unknown filter '%s'", v);
}

int chr_store_filter_known(const char *name)
{
    static const char *const others[] = {"kind", "since", "until", "limit", "offset", "story"};
    chr_store_filter f;
    if (!name) return 0;
    if (text_slot(&f, name)) return 1;
    for (size_t i = 0; i < sizeof others / sizeof *others; i++)
        if (strcmp(name, others[i]) == 0) return 1;
    return 0;
}
